/* Reading input files with a cap; writing outputs atomically; whether
 * a path stays inside a folder; the clock for timings. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "util.h"

const char *
file_kind(unsigned mode)
{
	return S_ISDIR(mode) ? "a folder" : S_ISFIFO(mode) ? "a named pipe "
	    "(FIFO)" : S_ISCHR(mode) || S_ISBLK(mode) ? "a device" :
	    S_ISSOCK(mode) ? "a socket" : "something else";
}

/* ------------------------------------------------------------------ */
/*
 * Temporary files.  Each is named PATH.boardgen-tmp.PID.XXXXXX beside
 * what it will become, so that a later run can tell one left by a run
 * that was killed (its process is gone) and remove it.  Those of this
 * process are listed, so that SIGINT, SIGTERM or an exit on the way
 * remove them.  The list changes with the signals blocked: the handler
 * never sees it half changed.
 */
#define TEMP_MARK	".boardgen-tmp."

static char	**temps;
static size_t	  ntemps, captemps;

static void
block(sigset_t *old)
{
	sigset_t set;

	sigemptyset(&set);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGTERM);
	sigaddset(&set, SIGHUP);
	sigprocmask(SIG_BLOCK, &set, old);
}

static void
temp_forget(const char *tmp)
{
	sigset_t old;
	size_t	 i;

	block(&old);
	for (i = 0; i < ntemps; i++)
		if (temps[i] == tmp || strcmp(temps[i], tmp) == 0) {
			free(temps[i]);
			temps[i] = temps[--ntemps];
			break;
		}
	sigprocmask(SIG_SETMASK, &old, NULL);
}

static void
temp_remember(const char *tmp)
{
	sigset_t old;
	char	*c = xstrdup(tmp);

	block(&old);
	if (ntemps == captemps) {
		size_t	 cap = captemps ? captemps * 2 : 16;
		char	**v = malloc(cap * sizeof(*v));

		if (v == NULL) {
			sigprocmask(SIG_SETMASK, &old, NULL);
			free(c);
			xmalloc((size_t)-1);	/* reports and exits */
			return;
		}
		if (ntemps > 0)
			memcpy(v, temps, ntemps * sizeof(*v));
		free(temps);
		temps = v;
		captemps = cap;
	}
	temps[ntemps++] = c;
	sigprocmask(SIG_SETMASK, &old, NULL);
}

static void
temps_remove(void)
{
	size_t	 i;

	for (i = 0; i < ntemps; i++)
		unlink(temps[i]);
}

static void
on_signal(int sig)
{
	temps_remove();		/* unlink is async-signal-safe */
	signal(sig, SIG_DFL);
	raise(sig);
}

static void
at_exit(void)
{
	temps_remove();
	while (ntemps > 0)
		free(temps[--ntemps]);
	free(temps);
	temps = NULL;
	captemps = 0;
}

void
temp_cleanup_on_signals(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
	/* Past a file size limit (ulimit -f) a write fails with EFBIG,
	 * said as an error, instead of the signal ending the run. */
	signal(SIGXFSZ, SIG_IGN);
	atexit(at_exit);
}

int
temp_create(const char *path, char **tmp)
{
	int	 fd;

	*tmp = xasprintf("%s" TEMP_MARK "%ld.XXXXXX", path, (long)getpid());
	if (strlen(*tmp) > PATH_MAX || (fd = mkstemp(*tmp)) == -1) {
		int	 e = strlen(*tmp) > PATH_MAX ? ENAMETOOLONG : errno;

		diag(DIAG_ERROR, path, 0, 0, "cannot create output: %s%s",
		    strerror(e), e == ENAMETOOLONG ? " (shorten the path or "
		    "the names of its folders)" : "");
		free(*tmp);
		*tmp = NULL;
		return -1;
	}
	temp_remember(*tmp);
	return fd;
}

void
temp_drop(char *tmp)
{
	if (tmp == NULL)
		return;
	unlink(tmp);
	temp_forget(tmp);
	free(tmp);
}

int
temp_commit(char *tmp, const char *path)
{
	int	 ok = rename(tmp, path) == 0;

	if (!ok) {
		diag(DIAG_ERROR, path, 0, 0, "cannot write output: %s",
		    strerror(errno));
		unlink(tmp);
	}
	temp_forget(tmp);
	free(tmp);
	return ok;
}

/* Is name (in a folder) a temporary file of a process that is gone?
 * Only if base is NULL or it is base's. */
static bool
stale(const char *name, const char *base)
{
	const char *m = strstr(name, TEMP_MARK), *p;
	char	*end;
	long	 pid;

	if (m == NULL || (base != NULL && ((size_t)(m - name) !=
	    strlen(base) || strncmp(name, base, strlen(base)) != 0)))
		return false;
	p = m + strlen(TEMP_MARK);
	pid = strtol(p, &end, 10);
	if (end == p || *end != '.' || pid <= 0 || pid == (long)getpid())
		return false;
	return kill((pid_t)pid, 0) == -1 && errno == ESRCH;
}

void
temp_sweep(const char *dir, const char *base, bool deep)
{
	DIR	*d;
	struct dirent *e;
	struct stat st;
	char	*p;

	if ((d = opendir(dir)) == NULL)
		return;
	while ((e = readdir(d)) != NULL) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		p = xasprintf("%s/%s", dir, e->d_name);
		if (stale(e->d_name, base))
			unlink(p);
		else if (deep && lstat(p, &st) == 0 && S_ISDIR(st.st_mode))
			temp_sweep(p, base, deep);
		free(p);
	}
	closedir(d);
}

/* Creating something that is not a regular file, or writing to one
 * (a device, a FIFO), is refused: rename would replace a FIFO, and a
 * device named as the output is almost certainly a mistake. */
static int
output_ok(const char *path)
{
	struct stat st;

	if (lstat(path, &st) == 0 && !S_ISREG(st.st_mode) &&
	    !S_ISLNK(st.st_mode)) {
		diag(DIAG_ERROR, path, 0, 0, "the output is %s, not a regular "
		    "file: name a file", file_kind(st.st_mode));
		return 0;
	}
	if (stat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
		diag(DIAG_ERROR, path, 0, 0, "the output leads to %s, not a "
		    "regular file: name a file", file_kind(st.st_mode));
		return 0;
	}
	return 1;
}

/* Why a write failed, as the user can act on it. */
void
file_write_error(const char *path, int e)
{
	if (e == ENOSPC)
		diag(DIAG_ERROR, path, 0, 0, "cannot write output: no space "
		    "left on device: free some space and run again");
	else if (e == EDQUOT)
		diag(DIAG_ERROR, path, 0, 0, "cannot write output: disk quota "
		    "exceeded");
	else if (e == EFBIG)
		diag(DIAG_ERROR, path, 0, 0, "cannot write output: the file "
		    "would be larger than this process may write (ulimit -f): "
		    "raise the limit and run again");
	else
		diag(DIAG_ERROR, path, 0, 0, "cannot write output: %s",
		    strerror(e));
}

int
file_write_temp(const char *path, const void *data, size_t len, char **tmp)
{
	int	 fd, e;
	FILE	*f;

	*tmp = NULL;
	if (!output_ok(path) || (fd = temp_create(path, tmp)) == -1)
		return 0;
	if ((f = fdopen(fd, "wb")) == NULL) {
		e = errno;
		close(fd);
		goto fail;
	}
	if (fwrite(data, 1, len, f) != len || fflush(f) != 0) {
		e = errno;
		fclose(f);
		goto fail;
	}
	if (fclose(f) != 0) {
		e = errno;
		goto fail;
	}
	/* mkstemp makes 0600; outputs are ordinary readable files. */
	{
		mode_t	 um = umask(0);

		umask(um);
		chmod(*tmp, 0666 & ~um);
	}
	return 1;
fail:
	file_write_error(path, e);
	temp_drop(*tmp);
	*tmp = NULL;
	return 0;
}

/* Reports only if `report'. */
static int
read_file(const char *path, size_t maxlen, char **data, size_t *len,
    bool report)
{
	FILE	*f;
	struct stat st;
	char	*p;
	size_t	 n;
	int	 fd;

	memset(&st, 0, sizeof(st));
	/* Non-blocking, so that a FIFO named as an input cannot hang the
	 * run before fstat refuses it. */
	if ((fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)) == -1) {
		if (report)
			diag(DIAG_ERROR, path, 0, 0, "cannot open: %s",
			    strerror(errno));
		return 0;
	}
	if ((f = fdopen(fd, "rb")) == NULL) {
		if (report)
			diag(DIAG_ERROR, path, 0, 0, "cannot open: %s",
			    strerror(errno));
		close(fd);
		return 0;
	}
	if (fstat(fileno(f), &st) == -1 || !S_ISREG(st.st_mode)) {
		if (report)
			diag(DIAG_ERROR, path, 0, 0, "not a regular file but "
			    "%s: name an ordinary file", file_kind(st.st_mode));
		fclose(f);
		return 0;
	}
	if ((unsigned long long)st.st_size > maxlen) {
		if (report)
			diag(DIAG_ERROR, path, 0, 0, "file is too large (%lld "
			    "bytes; the limit is %zu): split it or shorten it",
			    (long long)st.st_size, maxlen);
		fclose(f);
		return 0;
	}
	p = xmalloc((size_t)st.st_size + 1);
	n = fread(p, 1, (size_t)st.st_size, f);
	if (ferror(f)) {
		if (report)
			diag(DIAG_ERROR, path, 0, 0, "read error: %s",
			    strerror(errno));
		free(p);
		fclose(f);
		return 0;
	}
	fclose(f);
	p[n] = '\0';
	*data = p;
	*len = n;
	return 1;
}

int
file_read(const char *path, size_t maxlen, char **data, size_t *len)
{
	return read_file(path, maxlen, data, len, true);
}

int
file_read_quiet(const char *path, size_t maxlen, char **data, size_t *len)
{
	return read_file(path, maxlen, data, len, false);
}

int
file_write_atomic(const char *path, const void *data, size_t len)
{
	char	*tmp;

	return file_write_temp(path, data, len, &tmp) &&
	    temp_commit(tmp, path);
}

bool
path_inside(const char *dir, const char *path)
{
	char	*rdir = realpath(dir, NULL), *rpath = realpath(path, NULL);
	bool	 in = false;
	size_t	 n;

	if (rdir != NULL && rpath != NULL) {
		n = strlen(rdir);
		in = strncmp(rpath, rdir, n) == 0 &&
		    (rpath[n] == '/' || strcmp(rdir, "/") == 0);
	}
	free(rdir);
	free(rpath);
	return in;
}

bool
file_same(const char *a, const char *b)
{
	struct stat sa, sb;

	if (a == NULL || b == NULL)
		return false;
	if (strcmp(a, b) == 0)
		return true;
	/* stat() follows symbolic links: a link, a hard link and the
	 * path written with "./" or "//" all name the same inode. */
	return stat(a, &sa) == 0 && stat(b, &sb) == 0 &&
	    sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

bool
file_same_or_copy(const char *a, const char *b)
{
	struct stat sa, sb;
	char	*da = NULL, *db = NULL;
	size_t	 la, lb;
	bool	 same;

	if (file_same(a, b))
		return true;
	if (a == NULL || b == NULL || stat(a, &sa) != 0 || stat(b, &sb) != 0 ||
	    !S_ISREG(sa.st_mode) || !S_ISREG(sb.st_mode) ||
	    sa.st_size != sb.st_size || sa.st_size == 0 ||
	    sa.st_size > (off_t)FILE_COPY_MAX)
		return false;
	same = file_read_quiet(a, FILE_COPY_MAX, &da, &la) &&
	    file_read_quiet(b, FILE_COPY_MAX, &db, &lb) && la == lb &&
	    memcmp(da, db, la) == 0;
	free(da);
	free(db);
	return same;
}

double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Reading input files with a cap; writing outputs atomically; whether
 * a path stays inside a folder; the clock for timings. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "util.h"

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
			diag(DIAG_ERROR, path, 0, 0, "not a regular file (a "
			    "folder, device or pipe): name an ordinary file");
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
	char	*tmp = xasprintf("%s.tmp.XXXXXX", path);
	int	 fd;
	FILE	*f;

	if ((fd = mkstemp(tmp)) == -1) {
		diag(DIAG_ERROR, path, 0, 0, "cannot create output: %s",
		    strerror(errno));
		free(tmp);
		return 0;
	}
	if ((f = fdopen(fd, "wb")) == NULL) {
		close(fd);
		goto fail;
	}
	if (fwrite(data, 1, len, f) != len || fflush(f) != 0) {
		fclose(f);
		goto fail;
	}
	if (fclose(f) != 0)
		goto fail;
	/* mkstemp makes 0600; outputs are ordinary readable files. */
	{
		mode_t	 um = umask(0);

		umask(um);
		chmod(tmp, 0666 & ~um);
	}
	if (rename(tmp, path) == -1)
		goto fail;
	free(tmp);
	return 1;
fail:
	diag(DIAG_ERROR, path, 0, 0, "cannot write output: %s",
	    strerror(errno));
	unlink(tmp);
	free(tmp);
	return 0;
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

double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/*
 * site: the public web site as a whole.  Walks the content tree (BODY/DATE/ with a
 * meeting.xml), hands the meetings to worker processes (one per core),
 * each of which reads a meeting, makes its pages in memory and writes
 * them only if all of them passed; then the pages that list meetings
 * are made from every meeting's summary.
 *
 * Incremental: a meeting's summary keeps a stamp of its inputs (every
 * file in its folder, the organisation profiles above it, the
 * templates, the program binary and the options).  A meeting with an
 * unchanged stamp is not read again, and no file whose bytes would not
 * change is rewritten, so a rebuild after one changed case rewrites
 * that meeting's changed pages and the listings it appears in.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "../content/content.h"
#include "../html/html.h"
#include "site.h"

/* Where summaries are kept, inside the output folder. */
#define SITE_STATE	".boardgen"
/* A meeting folder's inputs are looked for this deep (a file deeper
 * than the stamp sees could change and leave an old page up). */
#define STAMP_DEPTH	12
/* Largest summary or existing page compared. */
#define SITE_MAX_FILE	(64u * 1024u * 1024u)

struct job {
	char		*body_slug;
	char		*date_slug;
	char		*dir;		/* content/BODY/DATE */
};

struct counts {
	size_t		 read, unchanged, written, same, failed;
};

/* ------------------------------------------------------------------ */
/* Writing the files made in memory. */

static int
is_dir(const char *p)
{
	struct stat st;

	return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

/* mkdir -p for the folders above path.  The last folder made is
 * remembered: a meeting's files share theirs. */
static int
make_parents(const char *path)
{
	static char *last;
	const char *slash = strrchr(path, '/');
	char	*p, *s;

	if (slash == NULL)
		return 1;
	if (last != NULL && strlen(last) == (size_t)(slash - path) &&
	    strncmp(last, path, (size_t)(slash - path)) == 0)
		return 1;
	p = xstrndup(path, (size_t)(slash - path));
	if (!is_dir(p))
		for (s = strchr(p + 1, '/'); ; s = strchr(s + 1, '/')) {
			if (s != NULL)
				*s = '\0';
			if (mkdir(p, 0777) == -1 && errno != EEXIST) {
				diag(DIAG_ERROR, p, 0, 0, "cannot create the "
				    "folder: %s", strerror(errno));
				free(p);
				return 0;
			}
			if (s == NULL)
				break;
			*s = '/';
		}
	free(last);
	last = p;
	return 1;
}

static int
write_if_changed(const char *path, const struct buf *b, struct counts *c)
{
	char	*old;
	size_t	 len;

	if (file_read_quiet(path, SITE_MAX_FILE, &old, &len)) {
		int	 same = len == b->len && memcmp(old, b->data, len) == 0;

		free(old);
		if (same) {
			c->same++;
			return 1;
		}
	}
	if (!make_parents(path) || !file_write_atomic(path, b->data, b->len))
		return 0;
	c->written++;
	return 1;
}

/*
 * A meeting's files appear together or not at all: each changed one is
 * first written to a temporary file beside it (stage), and only when
 * all of them and the pack are made are they renamed into place
 * (commit); on failure they are removed (drop).
 */
struct staged {
	char	**tmp, **path;
	size_t	  n;
};

static void
staged_drop(struct staged *st)
{
	size_t	 i;

	for (i = 0; i < st->n; i++) {
		temp_drop(st->tmp[i]);
		free(st->path[i]);
	}
	free(st->tmp);
	free(st->path);
	memset(st, 0, sizeof(*st));
}

static int
staged_commit(struct staged *st)
{
	size_t	 i;
	int	 ok = 1;

	for (i = 0; i < st->n; i++) {
		if (ok)
			ok = temp_commit(st->tmp[i], st->path[i]);
		else
			temp_drop(st->tmp[i]);
		st->tmp[i] = NULL;
		free(st->path[i]);
	}
	free(st->tmp);
	free(st->path);
	memset(st, 0, sizeof(*st));
	return ok;
}

static int
outset_stage(const struct outset *os, const char *dir, struct staged *st,
    struct counts *c)
{
	size_t	 i, len;
	char	*p, *old, *tmp;
	int	 same;

	for (i = 0; i < os->n; i++) {
		p = xasprintf("%s/%s", dir, os->v[i]->path);
		if (file_read_quiet(p, SITE_MAX_FILE, &old, &len)) {
			same = len == os->v[i]->data.len &&
			    memcmp(old, os->v[i]->data.data, len) == 0;
			free(old);
			if (same) {
				c->same++;
				free(p);
				continue;
			}
		}
		if (!make_parents(p) || !file_write_temp(p,
		    os->v[i]->data.data, os->v[i]->data.len, &tmp)) {
			free(p);
			staged_drop(st);
			return 0;
		}
		st->tmp = xrealloc(st->tmp, (st->n + 1) * sizeof(*st->tmp));
		st->path = xrealloc(st->path, (st->n + 1) * sizeof(*st->path));
		st->tmp[st->n] = tmp;
		st->path[st->n++] = p;
	}
	return 1;
}

static int
outset_put(const struct outset *os, const char *dir, struct counts *c)
{
	size_t	 i;
	char	*p;
	int	 ok = 1;

	for (i = 0; i < os->n && ok; i++) {
		p = xasprintf("%s/%s", dir, os->v[i]->path);
		ok = write_if_changed(p, &os->v[i]->data, c);
		free(p);
	}
	return ok;
}

int
outset_write(const struct outset *os, const char *dir, size_t *written,
    size_t *same)
{
	struct counts c = { 0 };
	int	 ok = outset_put(os, dir, &c);

	*written += c.written;
	*same += c.same;
	return ok;
}

/* ------------------------------------------------------------------ */
/* The content tree. */

static int
name_cmp(const struct dirent **a, const struct dirent **b)
{
	return strcmp((*a)->d_name, (*b)->d_name);
}

static int
is_file(const char *p)
{
	struct stat st;

	return stat(p, &st) == 0 && S_ISREG(st.st_mode);
}

/* Every BODY/DATE/meeting.xml, sorted by body then date. */
static int
list_meetings(const char *content, struct job **jobs, size_t *njobs)
{
	struct dirent **bodies = NULL, **dates;
	int	 nb, nd, i, k, ok = 1;
	char	*bdir, *ddir, *man;

	*jobs = NULL;
	*njobs = 0;
	if ((nb = scandir(content, &bodies, NULL, name_cmp)) < 0) {
		diag(DIAG_ERROR, content, 0, 0, "cannot read the content "
		    "folder: %s", strerror(errno));
		return 0;
	}
	for (i = 0; i < nb; i++) {
		const char *bn = bodies[i]->d_name;

		bdir = xasprintf("%s/%s", content, bn);
		if (bn[0] == '.' || !is_dir(bdir)) {
			free(bdir);
			continue;
		}
		if ((nd = scandir(bdir, &dates, NULL, name_cmp)) < 0)
			nd = 0;
		for (k = 0; k < nd; k++) {
			const char *dn = dates[k]->d_name;

			ddir = xasprintf("%s/%s", bdir, dn);
			man = xasprintf("%s/meeting.xml", ddir);
			if (dn[0] != '.' && is_file(man)) {
				if (!html_slug_ok(bn)) {
					diag(DIAG_ERROR, bdir, 0, 0, "the "
					    "folder name is part of the site's "
					    "addresses: use only a-z, 0-9, - "
					    "and _ (e.g. regionstyrelsen)");
					ok = 0;
				} else if (!iso_date_valid(dn)) {
					diag(DIAG_ERROR, ddir, 0, 0, "a "
					    "meeting folder is named by its "
					    "date: YYYY-MM-DD, e.g. "
					    "2026-12-08");
					ok = 0;
				} else {
					struct job *j;

					*jobs = xrealloc(*jobs, (*njobs + 1) *
					    sizeof(**jobs));
					j = &(*jobs)[(*njobs)++];
					j->body_slug = xstrdup(bn);
					j->date_slug = xstrdup(dn);
					j->dir = ddir;
					ddir = NULL;
				}
			}
			free(man);
			free(ddir);
			free(dates[k]);
		}
		free(dates);
		free(bdir);
	}
	for (i = 0; i < nb; i++)
		free(bodies[i]);
	free(bodies);
	return ok;
}

static void
jobs_free(struct job *v, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++) {
		free(v[i].body_slug);
		free(v[i].date_slug);
		free(v[i].dir);
	}
	free(v);
}

/* ------------------------------------------------------------------ */
/* Stamps. */

static void
stamp_file(struct buf *b, const char *path)
{
	struct stat st;

	if (stat(path, &st) != 0)
		buf_printf(b, "%s -\n", path);
	else
		buf_printf(b, "%s %lld %lld.%09ld\n", path,
		    (long long)st.st_size, (long long)st.st_mtim.tv_sec,
		    st.st_mtim.tv_nsec);
}

/* Every file under dir, sorted, names starting with '.' left out. */
static void
stamp_tree(struct buf *b, const char *dir, int depth)
{
	struct dirent **v;
	int	 n, i;
	char	*p;

	if (depth > STAMP_DEPTH || (n = scandir(dir, &v, NULL, name_cmp)) < 0)
		return;
	for (i = 0; i < n; i++) {
		/* Hidden files too: a case file may be named so. */
		if (strcmp(v[i]->d_name, ".") != 0 &&
		    strcmp(v[i]->d_name, "..") != 0) {
			p = xasprintf("%s/%s", dir, v[i]->d_name);
			if (is_dir(p))
				stamp_tree(b, p, depth + 1);
			else
				stamp_file(b, p);
			free(p);
		}
		free(v[i]);
	}
	free(v);
}

/* FNV-1a, 64 bits, as 16 hex digits: enough to tell stamps apart. */
static char *
hash_text(const char *s, size_t len)
{
	uint64_t h = 0xcbf29ce484222325ull;
	size_t	 i;

	for (i = 0; i < len; i++) {
		h ^= (unsigned char)s[i];
		h *= 0x100000001b3ull;
	}
	return xasprintf("%016llx", (unsigned long long)h);
}

/* What every meeting's output depends on besides its own folder. */
static char *
common_stamp(const struct site_options *o)
{
	struct buf b = { 0 };
	char	 exe[4096];
	ssize_t	 n;

	buf_printf(&b, "pdf=%d base=%s search=%d\n", o->pdf,
	    o->base_url ? o->base_url : "", !o->no_search);
	if ((n = readlink("/proc/self/exe", exe, sizeof(exe) - 1)) > 0) {
		exe[n] = '\0';
		stamp_file(&b, exe);
	}
	stamp_tree(&b, o->templates, 0);
	buf_put(&b, "", 0);
	return buf_detach(&b);
}

static char *
meeting_stamp(const struct site_options *o, const struct job *j,
    const char *common)
{
	struct buf b = { 0 };
	char	*p, *h;

	buf_puts(&b, common);
	/* A protocol is published from its justering on: the day it is
	 * read again when that day has come. */
	if (o->today != NULL && (p = protocol_justering_peek(j->dir)) != NULL) {
		buf_printf(&b, "approved=%d\n", strcmp(o->today, p) >= 0);
		free(p);
	}
	stamp_tree(&b, j->dir, 0);
	p = xasprintf("%s/../organisation.xml", j->dir);
	stamp_file(&b, p);
	free(p);
	p = xasprintf("%s/../../organisation.xml", j->dir);
	stamp_file(&b, p);
	free(p);
	h = hash_text(b.data, b.len);
	buf_free(&b);
	return h;
}

static char *
summary_path(const struct site_options *o, const struct job *j)
{
	return xasprintf("%s/" SITE_STATE "/%s/%s.summary", o->out,
	    j->body_slug, j->date_slug);
}

static struct sum_meeting *
summary_load(const struct site_options *o, const struct job *j)
{
	struct sum_meeting *s;
	char	*p = summary_path(o, j), *data;
	size_t	 len;

	if (!file_read_quiet(p, SITE_MAX_FILE, &data, &len)) {
		free(p);
		return NULL;
	}
	free(p);
	s = sum_read(data, len);
	free(data);
	return s;
}

/* ------------------------------------------------------------------ */
/* Files no longer made.  Only names the site itself recorded as
 * written are removed, and the folders they leave empty. */

static bool
listed(char *const *v, size_t n, const char *s)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		if (strcmp(v[i], s) == 0)
			return true;
	return false;
}

static void
remove_stale(const struct site_options *o, char *const *was, size_t nwas,
    char *const *now_, size_t nnow)
{
	size_t	 i;
	char	*p, *slash;

	for (i = 0; i < nwas; i++) {
		/* Never outside the site, whatever a damaged record says. */
		if (listed(now_, nnow, was[i]) || was[i][0] == '/' ||
		    strstr(was[i], "..") != NULL)
			continue;
		p = xasprintf("%s/%s", o->out, was[i]);
		if (unlink(p) == 0)
			while ((slash = strrchr(p, '/')) != NULL &&
			    (size_t)(slash - p) > strlen(o->out)) {
				*slash = '\0';
				if (rmdir(p) != 0)
					break;
			}
		free(p);
	}
}

/* The last guard (guard.c): every file of the site searched as it is
 * written; g: the meeting's secrets, NULL for the pages of the whole
 * site (made of public summaries).  0 if any holds what it must not. */
static int
outset_guard(const struct outset *os, const struct guard *g)
{
	size_t	 i, n = 0;

	for (i = 0; i < os->n; i++)
		n += guard_check(g, os->v[i]->path, os->v[i]->data.data,
		    os->v[i]->data.len);
	return n == 0;
}

/* ------------------------------------------------------------------ */
/* One meeting. */

static int
do_meeting(const struct site_options *o, const struct job *j,
    const char *common, struct counts *c)
{
	struct guard *g = NULL;
	struct sum_meeting *old, *sum = NULL;
	struct meeting *m = NULL;
	struct protocol *pr = NULL;
	bool	 none = true;
	struct outset os = { 0 };
	struct html_options ho = { .today = o->today, .base_url = o->base_url,
	    .pdf = o->pdf, .chart = o->chart, .chart_arg = o->chart_arg,
	    .search = !o->no_search };
	struct staged st = { 0 };
	struct buf sb = { 0 };
	char	*stamp = meeting_stamp(o, j, common), *sdir, *p;
	size_t	 errors = diag_errors(), i;
	int	 ok = 0;

	if ((old = summary_load(o, j)) != NULL && !o->force) {
		int	 same = strcmp(old->stamp, stamp) == 0;

		p = xasprintf("%s/%s/%s/index.html", o->out, j->body_slug,
		    j->date_slug);
		same = same && is_file(p);
		free(p);
		if (same) {
			c->unchanged++;
			sum_free(old);
			free(stamp);
			return 1;
		}
	}
	c->read++;
	sdir = xasprintf("%s/schema", o->templates);
	m = meeting_load(j->dir, sdir);
	/* The protocol, when there is one, checked as check checks it,
	 * and published from the day it is approved (justerat). */
	if (m != NULL && (pr = protocol_load(m, sdir, &none)) != NULL) {
		protocol_check(pr, m, o->justering_days);
		if (o->today != NULL && pr->justering_date != NULL &&
		    strcmp(o->today, pr->justering_date) < 0) {
			protocol_free(pr);
			pr = NULL;
			none = true;
		}
	}
	free(sdir);
	if (m == NULL || (pr == NULL && !none) || diag_errors() > errors)
		goto out;
	/* The public view, redacted in the data (content.h); a
	 * personnummer in what it publishes is an error at its place.
	 * The guard keeps what was secret, to search the output for it. */
	if ((g = guard_new(m)) == NULL)
		goto out;
	if (pr != NULL)
		guard_protocol(g, pr, m);
	if (!meeting_redact(m) || meeting_pnr_scan(m, DIAG_ERROR, true) > 0)
		goto out;
	if (pr != NULL)
		protocol_redact(pr, m);
	/* A figure whose check fails is not published, as it is not
	 * printed. */
	if (figures_report(m, false) > 0)
		goto out;
	sum = sum_from_meeting(m, j->body_slug, j->date_slug);
	sum->stamp = stamp;
	stamp = NULL;
	if (pr != NULL)
		sum_protocol(sum, pr);
	if (!o->no_search)
		sum_search(sum, m);
	html_meeting(&ho, m, sum, &os);
	if (pr != NULL)
		html_protocol(&ho, m, pr, sum, &os);
	/* Nothing of a meeting with an error in its public text, and
	 * nothing of one whose pack cannot be made. */
	if (diag_errors() > errors || !outset_guard(&os, g))
		goto out;
	if (!outset_stage(&os, o->out, &st, c))
		goto out;
	if (o->pdf && o->pack != NULL) {
		char	*f = pack_file(j->body_slug, j->date_slug);

		p = xasprintf("%s/%s/%s/%s", o->out, j->body_slug,
		    j->date_slug, f);
		free(f);
		ok = o->pack(m, p, o->pack_arg, g);
		free(p);
		if (!ok)
			goto out;
		ok = 0;
		f = pack_file(j->body_slug, j->date_slug);
		p = xasprintf("%s/%s/%s", j->body_slug, j->date_slug, f);
		sum_add_file(sum, p);
		free(p);
		free(f);
	}
	/* The public protocol beside it. */
	if (o->pdf && o->protocol_pdf != NULL && pr != NULL) {
		char	*f = protocol_file(j->body_slug, j->date_slug);

		p = xasprintf("%s/%s/%s/%s", o->out, j->body_slug,
		    j->date_slug, f);
		ok = o->protocol_pdf(m, pr, p, o->pack_arg, g);
		free(p);
		if (!ok) {
			free(f);
			goto out;
		}
		ok = 0;
		p = xasprintf("%s/%s/%s", j->body_slug, j->date_slug, f);
		sum_add_file(sum, p);
		free(p);
		free(f);
	}
	/* The pack is in place (written whole or not at all): now the
	 * pages and data, together. */
	c->written += st.n;
	if (!staged_commit(&st))
		goto out;
	for (i = 0; i < os.n; i++)
		sum_add_file(sum, os.v[i]->path);
	/* What the meeting made last time and no longer makes (an item
	 * taken off the agenda, a document no longer named). */
	if (old != NULL)
		remove_stale(o, old->files, old->nfiles, sum->files,
		    sum->nfiles);
	sum_write(&sb, sum);
	p = summary_path(o, j);
	ok = make_parents(p) && file_write_atomic(p, sb.data, sb.len);
	free(p);
out:
	if (!ok)
		c->failed++;
	staged_drop(&st);
	buf_free(&sb);
	sum_free(old);
	sum_free(sum);
	outset_free(&os);
	guard_free(g);
	protocol_free(pr);
	meeting_free(m);
	free(stamp);
	return ok;
}

/* ------------------------------------------------------------------ */
/* Workers and progress. */

struct worker {
	pid_t		 pid;
	int		 fd;		/* reading end of its pipe */
	struct buf	 in;		/* what it sent */
	bool		 done;
};

static void
write_all(int fd, const char *p, size_t n)
{
	ssize_t	 r;

	while (n > 0 && ((r = write(fd, p, n)) > 0 || errno == EINTR))
		if (r > 0) {
			p += r;
			n -= (size_t)r;
		}
}

/* One meeting, its diagnostics flushed to mem: a few of its warnings,
 * and for the rest the check command that lists them (check on the
 * content folder would not: it takes one meeting). */
static int
meeting_reported(const struct site_options *o, const struct job *j,
    const char *common, struct counts *c, FILE *mem)
{
	char	*more = xasprintf("run \"boardgen check %s\" to list them all",
	    j->dir);
	int	 ok = do_meeting(o, j, common, c);

	if (mem != NULL)
		diag_flush_brief(mem, o->max_warnings, NULL, more);
	free(more);
	return ok;
}

/* A worker: meetings k, k + n, k + 2n, ...; a '.' on the pipe after
 * each, then its counts; its diagnostics go to stderr at once, in one
 * write. */
static void
worker_run(const struct site_options *o, const struct job *jobs,
    size_t njobs, size_t k, size_t n, const char *common, int fd)
{
	struct counts c = { 0 };
	size_t	 i;
	char	*text = NULL, line[160];
	size_t	 tlen = 0;
	FILE	*mem;
	int	 ok = 1;

	mem = open_memstream(&text, &tlen);
	for (i = k; i < njobs; i += n) {
		ok &= meeting_reported(o, &jobs[i], common, &c, mem);
		write_all(fd, ".", 1);
	}
	if (mem != NULL) {
		fclose(mem);
		write_all(STDERR_FILENO, text, tlen);
		free(text);
	}
	snprintf(line, sizeof(line), "#%zu %zu %zu %zu %zu\n", c.read,
	    c.unchanged, c.written, c.same, c.failed);
	write_all(fd, line, strlen(line));
	close(fd);
	_exit(ok ? 0 : 1);
}

static void
progress(const struct site_options *o, double t0, size_t done,
    size_t total, bool *shown)
{
	if (!o->progress || now() - t0 < 1.0)
		return;
	fprintf(stderr, "\rsite: %zu of %zu meetings", done, total);
	*shown = true;
}

/* Runs the meetings over `jobs' processes (or here, for one). */
static int
run_meetings(const struct site_options *o, const struct job *jobs,
    size_t njobs, struct counts *c)
{
	char	*common = common_stamp(o);
	struct worker *w;
	size_t	 nw = (size_t)(o->jobs > 0 ? o->jobs : 1), i, done = 0;
	double	 t0 = now();
	bool	 shown = false;
	int	 ok = 1, st;
	pid_t	 parent;

	if (nw > njobs)
		nw = njobs;
	if (nw <= 1) {
		char	*text = NULL;
		size_t	 tlen = 0;
		FILE	*mem = open_memstream(&text, &tlen);

		for (i = 0; i < njobs; i++) {
			ok &= meeting_reported(o, &jobs[i], common, c, mem);
			progress(o, t0, i + 1, njobs, &shown);
		}
		if (shown)
			fputs("\n", stderr);
		if (mem != NULL) {
			fclose(mem);
			fwrite(text, 1, tlen, stderr);
			free(text);
		}
		free(common);
		return ok;
	}
	w = xcalloc(nw, sizeof(*w));
	fflush(stdout);
	fflush(stderr);
	parent = getpid();
	for (i = 0; i < nw; i++) {
		int	 pfd[2];

		if (pipe(pfd) == -1 || (w[i].pid = fork()) == -1) {
			diag(DIAG_ERROR, o->out, 0, 0, "cannot start a worker: "
			    "%s", strerror(errno));
			nw = i;
			ok = 0;
			break;
		}
		if (w[i].pid == 0) {
			size_t	 k;

			/* A run ended by a signal ends its workers too: none
			 * renames its files into place afterwards. */
			if (prctl(PR_SET_PDEATHSIG, SIGTERM) == -1 ||
			    getppid() != parent)
				_exit(1);
			close(pfd[0]);
			for (k = 0; k < i; k++)
				close(w[k].fd);
			/* The worker never returns: nothing of the parent's
			 * list is left to it. */
			free(w);
			worker_run(o, jobs, njobs, i, nw, common, pfd[1]);
		}
		close(pfd[1]);
		w[i].fd = pfd[0];
	}
	for (;;) {
		struct pollfd pf[64];
		size_t	 np = 0, idx[64];

		for (i = 0; i < nw && np < 64; i++)
			if (!w[i].done) {
				pf[np].fd = w[i].fd;
				pf[np].events = POLLIN;
				idx[np++] = i;
			}
		if (np == 0)
			break;
		if (poll(pf, np, 250) < 0 && errno != EINTR)
			break;
		for (i = 0; i < np; i++) {
			char	 rb[4096];
			ssize_t	 r, q;

			if (!(pf[i].revents & (POLLIN | POLLHUP | POLLERR)))
				continue;
			r = read(pf[i].fd, rb, sizeof(rb));
			if (r <= 0) {
				w[idx[i]].done = true;
				continue;
			}
			for (q = 0; q < r; q++)
				if (rb[q] == '.' && memchr(w[idx[i]].in.data ?
				    w[idx[i]].in.data : "", '#',
				    w[idx[i]].in.len) == NULL)
					done++;
				else
					buf_putc(&w[idx[i]].in, rb[q]);
		}
		progress(o, t0, done, njobs, &shown);
	}
	if (shown)
		fputs("\n", stderr);
	for (i = 0; i < nw; i++) {
		size_t	 r, u, wr, s, f;

		close(w[i].fd);
		while (waitpid(w[i].pid, &st, 0) == -1 && errno == EINTR)
			;
		if (!WIFEXITED(st) || WEXITSTATUS(st) != 0)
			ok = 0;
		if (w[i].in.data != NULL && sscanf(w[i].in.data,
		    "#%zu %zu %zu %zu %zu", &r, &u, &wr, &s, &f) == 5) {
			c->read += r;
			c->unchanged += u;
			c->written += wr;
			c->same += s;
			c->failed += f;
		} else
			ok = 0;
		buf_free(&w[i].in);
	}
	free(w);
	free(common);
	return ok;
}

/* Meetings whose folders are gone: their files and their records. */
static void
remove_gone(const struct site_options *o, const struct job *jobs,
    size_t nj)
{
	struct dirent **bv, **mv;
	char	*sd = xasprintf("%s/" SITE_STATE, o->out), *bd, *p, *data;
	int	 nb, nm, i, k;
	size_t	 q, len;

	if ((nb = scandir(sd, &bv, NULL, name_cmp)) < 0) {
		free(sd);
		return;
	}
	for (i = 0; i < nb; i++) {
		bd = xasprintf("%s/%s", sd, bv[i]->d_name);
		nm = bv[i]->d_name[0] == '.' || !is_dir(bd) ? -1 :
		    scandir(bd, &mv, NULL, name_cmp);
		for (k = 0; k < nm; k++) {
			const char *n = mv[k]->d_name;
			size_t	 l = strlen(n);
			bool	 live = false;

			for (q = 0; q < nj && !live; q++)
				live = strcmp(jobs[q].body_slug,
				    bv[i]->d_name) == 0 &&
				    strlen(jobs[q].date_slug) + 8 == l &&
				    strncmp(jobs[q].date_slug, n, l - 8) == 0;
			if (live || l <= 8 || strcmp(n + l - 8, ".summary") != 0) {
				free(mv[k]);
				continue;
			}
			p = xasprintf("%s/%s", bd, n);
			if (file_read_quiet(p, SITE_MAX_FILE, &data, &len)) {
				struct sum_meeting *gone = sum_read(data, len);

				if (gone != NULL)
					remove_stale(o, gone->files,
					    gone->nfiles, NULL, 0);
				sum_free(gone);
				free(data);
			}
			unlink(p);
			free(p);
			free(mv[k]);
		}
		if (nm >= 0) {
			free(mv);
			rmdir(bd);
		}
		free(bd);
		free(bv[i]);
	}
	free(bv);
	free(sd);
}

/* The site-wide pages that are no longer made (a body gone, a year of
 * the register empty), from the list of the last run. */
/* The organisation's logo, which every page's header shows: an image
 * of the profile, published as the pack prints it. */
static int
site_logo(struct sum_meeting **all, size_t n, struct outset *os)
{
	const struct sum_meeting *l = html_logo_of(all, n);
	char	*data;
	size_t	 len;

	if (l == NULL)
		return 1;
	if (!file_read(l->logo, SITE_MAX_FILE, &data, &len))
		return 0;
	buf_put(outset_add(os, "logo.png"), data, len);
	free(data);
	return 1;
}

static int
aggregates_done(const struct site_options *o, const struct outset *os)
{
	char	*p = xasprintf("%s/" SITE_STATE "/site.files", o->out);
	char	*data = NULL, **was = NULL, **now_, *line, *save;
	size_t	 len, nwas = 0, i;
	struct buf b = { 0 };
	int	 ok;

	if (file_read_quiet(p, SITE_MAX_FILE, &data, &len))
		for (line = strtok_r(data, "\n", &save); line != NULL;
		    line = strtok_r(NULL, "\n", &save)) {
			was = xrealloc(was, (nwas + 1) * sizeof(*was));
			was[nwas++] = line;
		}
	now_ = xcalloc(os->n + 1, sizeof(*now_));
	for (i = 0; i < os->n; i++) {
		now_[i] = os->v[i]->path;
		buf_printf(&b, "%s\n", os->v[i]->path);
	}
	remove_stale(o, was, nwas, now_, os->n);
	buf_put(&b, "", 0);
	ok = make_parents(p) && file_write_atomic(p, b.data, b.len);
	buf_free(&b);
	free(now_);
	free(was);
	free(data);
	free(p);
	return ok;
}

int
site_build(const struct site_options *o)
{
	struct job *jobs = NULL;
	struct html_options ho = { .today = o->today, .base_url = o->base_url,
	    .pdf = o->pdf, .chart = o->chart, .chart_arg = o->chart_arg,
	    .search = !o->no_search };
	struct sum_meeting **all = NULL;
	struct outset os = { 0 };
	struct counts c = { 0 };
	double	 t0 = now();
	size_t	 i, nj = 0, nall = 0;
	int	 ok = 0;

	if (o->today != NULL && !iso_date_valid(o->today)) {
		diag(DIAG_ERROR, o->today, 0, 0, "--today wants a date "
		    "YYYY-MM-DD");
		return 0;
	}
	/* It goes into the feed and the open data as it is. */
	if (o->base_url != NULL && !html_base_url_ok(o->base_url)) {
		diag(DIAG_ERROR, o->base_url, 0, 0, "--base-url wants the "
		    "site's address, as https://example.se/protokoll/");
		return 0;
	}
	if (!list_meetings(o->content, &jobs, &nj))
		goto out;
	if (mkdir(o->out, 0777) == -1 && errno != EEXIST) {
		diag(DIAG_ERROR, o->out, 0, 0, "cannot create the output "
		    "folder: %s", strerror(errno));
		goto out;
	}
	/* Temporary files of a run that was killed. */
	temp_sweep(o->out, NULL, true);
	if (!run_meetings(o, jobs, nj, &c) || diag_errors() > 0) {
		diag(DIAG_NOTE, o->out, 0, 0, "%zu meeting%s had errors: the "
		    "pages that list meetings were not updated", c.failed,
		    c.failed == 1 ? "" : "s");
		goto out;
	}
	remove_gone(o, jobs, nj);
	all = xcalloc(nj + 1, sizeof(*all));
	for (i = 0; i < nj; i++) {
		if ((all[nall] = summary_load(o, &jobs[i])) == NULL) {
			diag(DIAG_ERROR, jobs[i].dir, 0, 0, "the site's "
			    "record of this meeting cannot be read: run "
			    "again with --force");
			goto out;
		}
		nall++;
	}
	qsort(all, nall, sizeof(*all), sum_by_body_date);
	html_site(&ho, all, nall, &os);
	if (diag_errors() > 0 || !outset_guard(&os, NULL) ||
	    !site_logo(all, nall, &os) || !outset_put(&os, o->out, &c) ||
	    !aggregates_done(o, &os))
		goto out;
	ok = 1;
	printf("%s: %zu meetings (%zu read, %zu unchanged), %zu files "
	    "written, %zu unchanged\n", o->out, nj, c.read, c.unchanged,
	    c.written, c.same);
	if (o->stats)
		fprintf(stderr, "stats: meetings %zu read %zu total %.3f s\n",
		    nj, c.read, now() - t0);
out:
	for (i = 0; i < nall; i++)
		sum_free(all[i]);
	free(all);
	outset_free(&os);
	jobs_free(jobs, nj);
	return ok;
}

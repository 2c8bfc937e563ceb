/*
 * Waiting for files to change (inotify), for `render --watch'.  The
 * folders holding the files are watched, not the files: an editor that
 * saves by writing a new file and renaming it over the old one replaces
 * the file, and a watch on the old one would see nothing more.  One
 * inotify descriptor lives as long as the watch, so a change made while
 * the caller renders is queued and seen at the next wait.
 */
#include <errno.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/inotify.h>
#include <sys/signalfd.h>
#include <unistd.h>

#include "util.h"

/* What a save looks like, in its many ways. */
#define WATCH_MASK	(IN_CLOSE_WRITE | IN_MODIFY | IN_ATTRIB | \
			 IN_CREATE | IN_DELETE | IN_MOVED_TO | IN_MOVED_FROM)
/* Quiet time after a change before the caller is woken: an editor's
 * save is several events. */
#define WATCH_SETTLE_MS	100

struct watched {
	int		 wd;
	char		*dir;
	char		*name;		/* NULL: any file in dir */
};

struct watch {
	int		 fd;		/* inotify */
	int		 sfd;		/* signalfd of SIGINT, SIGTERM, SIGHUP */
	sigset_t	 sigs, old;
	struct watched	*w;
	size_t		 n, cap;
};

struct watch *
watch_new(void)
{
	struct watch *w = xcalloc(1, sizeof(*w));

	if ((w->fd = inotify_init1(IN_CLOEXEC | IN_NONBLOCK)) == -1) {
		diag(DIAG_ERROR, NULL, 0, 0, "cannot watch files: %s",
		    strerror(errno));
		free(w);
		return NULL;
	}
	sigemptyset(&w->sigs);
	sigaddset(&w->sigs, SIGINT);
	sigaddset(&w->sigs, SIGTERM);
	sigaddset(&w->sigs, SIGHUP);
	w->sfd = -1;
	return w;
}

void
watch_free(struct watch *w)
{
	size_t	 i;

	if (w == NULL)
		return;
	for (i = 0; i < w->n; i++) {
		free(w->w[i].dir);
		free(w->w[i].name);
	}
	free(w->w);
	close(w->fd);
	if (w->sfd != -1)
		close(w->sfd);
	free(w);
}

void
watch_reset(struct watch *w)
{
	size_t	 i;

	/* The folders' watches stay (inotify gives the same one again);
	 * only what is looked for in them is forgotten. */
	for (i = 0; i < w->n; i++) {
		free(w->w[i].dir);
		free(w->w[i].name);
	}
	w->n = 0;
}

static void
add(struct watch *w, const char *dir, const char *name)
{
	size_t	 i;
	int	 wd;

	for (i = 0; i < w->n; i++)
		if (strcmp(w->w[i].dir, dir) == 0 && (name == NULL ?
		    w->w[i].name == NULL : w->w[i].name != NULL &&
		    strcmp(w->w[i].name, name) == 0))
			return;
	/* A folder that is not there (yet) is not watched. */
	if ((wd = inotify_add_watch(w->fd, dir, WATCH_MASK | IN_ONLYDIR)) ==
	    -1)
		return;
	if (w->n == w->cap) {
		w->cap = w->cap ? w->cap * 2 : 16;
		w->w = xrealloc(w->w, w->cap * sizeof(*w->w));
	}
	w->w[w->n].wd = wd;
	w->w[w->n].dir = xstrdup(dir);
	w->w[w->n++].name = name != NULL ? xstrdup(name) : NULL;
}

void
watch_file(struct watch *w, const char *path)
{
	const char *slash = strrchr(path, '/');
	char	*dir;

	if (slash == NULL) {
		add(w, ".", path);
		return;
	}
	dir = slash == path ? xstrdup("/") :
	    xstrndup(path, (size_t)(slash - path));
	add(w, dir, slash + 1);
	free(dir);
}

void
watch_dir(struct watch *w, const char *dir)
{
	add(w, dir, NULL);
}

/* True if the event is about something watched. */
static bool
wanted(const struct watch *w, const struct inotify_event *ev)
{
	size_t	 i;

	if (ev->mask & IN_Q_OVERFLOW)
		return true;	/* events were lost: look again */
	for (i = 0; i < w->n; i++)
		if (w->w[i].wd == ev->wd && (w->w[i].name == NULL ||
		    (ev->len > 0 && strcmp(w->w[i].name, ev->name) == 0)))
			return true;
	return false;
}

/* Reads what is queued; true if any of it is wanted. */
static bool
drain(const struct watch *w)
{
	char	 b[4096] __attribute__((aligned(__alignof__(struct
	    inotify_event))));
	const struct inotify_event *ev;
	ssize_t	 r;
	size_t	 off;
	bool	 any = false;

	while ((r = read(w->fd, b, sizeof(b))) > 0)
		for (off = 0; off + sizeof(*ev) <= (size_t)r;
		    off += sizeof(*ev) + ev->len) {
			ev = (const struct inotify_event *)(const void *)
			    (b + off);
			any |= wanted(w, ev);
		}
	return any;
}

int
watch_wait(struct watch *w)
{
	struct pollfd pf[2];
	struct signalfd_siginfo si;
	int	 r, changed = 0;

	/* The signals that end the watch are read here, as data, while
	 * waiting; while rendering they remove the temporary file and
	 * end the program as always. */
	if (sigprocmask(SIG_BLOCK, &w->sigs, &w->old) == -1)
		return -1;
	if (w->sfd == -1 && (w->sfd = signalfd(-1, &w->sigs, SFD_CLOEXEC)) ==
	    -1) {
		sigprocmask(SIG_SETMASK, &w->old, NULL);
		return -1;
	}
	pf[0].fd = w->fd;
	pf[0].events = POLLIN;
	pf[1].fd = w->sfd;
	pf[1].events = POLLIN;
	for (;;) {
		/* Once something changed: until it has been quiet a while. */
		r = poll(pf, 2, changed ? WATCH_SETTLE_MS : -1);
		if (r == -1 && errno == EINTR)
			continue;
		if (r == -1) {
			changed = -1;
			break;
		}
		if (r > 0 && (pf[1].revents & POLLIN)) {
			if (read(w->sfd, &si, sizeof(si)) > 0) {
				changed = 0;
				break;
			}
		}
		if (r == 0)
			break;	/* quiet after a change */
		if (pf[0].revents & POLLIN && drain(w))
			changed = 1;
	}
	sigprocmask(SIG_SETMASK, &w->old, NULL);
	return changed;
}

bool
watch_pending(struct watch *w)
{
	return drain(w);
}

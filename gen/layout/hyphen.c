/*
 * Swedish hyphenation with libhyphen.  The dictionary is ISO-8859-1,
 * so words are converted to lower-case Latin-1 first; a word with any
 * other character is left alone.  Results are cached per word: board
 * papers repeat their long words.
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include <hyphen.h>

#include "layout.h"
#include "layout_private.h"

#ifndef HYPH_DICT
#define HYPH_DICT	"/usr/share/hyphen/hyph_sv_SE.dic"
#endif

#define HYPH_MAXWORD	64	/* longer "words" are not words */
#define HYPH_MINLEFT	2
#define HYPH_MINRIGHT	2
#define HYPH_SLOTS	4096	/* cache size, a power of two */

struct hslot {
	char		 word[HYPH_MAXWORD + 1];	/* Latin-1, lower */
	unsigned char	 len;
	char		 pts[HYPH_MAXWORD];
};

struct hyph {
	HyphenDict	*dict;
	struct hslot	*cache;
};

/*
 * Reading the dictionary takes as long as laying out a short document:
 * layout_preload starts it on another thread while the content and the
 * templates are read, and the first hyphenation takes the result.
 */
static pthread_t	 preload_thread;
static bool		 preload_running;
static HyphenDict	*preloaded;

static void *
preload(void *arg)
{
	preloaded = hnj_hyphen_load(HYPH_DICT);
	return arg;
}

void
layout_preload(void)
{
	if (!preload_running && pthread_create(&preload_thread, NULL,
	    preload, NULL) == 0)
		preload_running = true;
}

void
layout_preload_wait(void)
{
	if (!preload_running)
		return;
	pthread_join(preload_thread, NULL);
	preload_running = false;
}

static HyphenDict *
preload_take(void)
{
	HyphenDict *d;

	layout_preload_wait();
	d = preloaded;
	preloaded = NULL;
	return d;
}

void
layout_preload_end(void)
{
	HyphenDict *d = preload_take();

	if (d != NULL)
		hnj_hyphen_free(d);
}

struct hyph *
hyph_load(void)
{
	struct hyph *h;
	HyphenDict *d;

	if ((d = preload_take()) == NULL)
		d = hnj_hyphen_load(HYPH_DICT);
	if (d == NULL) {
		diag(DIAG_WARNING, HYPH_DICT, 0, 0, "cannot load the "
		    "Swedish hyphenation dictionary: not hyphenating");
		return NULL;
	}
	h = xcalloc(1, sizeof(*h));
	h->dict = d;
	h->cache = xcalloc(HYPH_SLOTS, sizeof(*h->cache));
	return h;
}

void
hyph_free(struct hyph *h)
{
	if (h == NULL)
		return;
	hnj_hyphen_free(h->dict);
	free(h->cache);
	free(h);
}

static void
raw(struct hyph *h, const char *w, size_t n, char *pts)
{
	char	  hy[HYPH_MAXWORD + 5];
	char	**rep = NULL;
	int	 *pos = NULL, *cut = NULL;
	size_t	  i;

	memset(pts, 0, n);
	if (hnj_hyphen_hyphenate2(h->dict, w, (int)n, hy, NULL, &rep, &pos,
	    &cut) != 0)
		return;
	/* hy[i] odd: a break after character i. */
	for (i = HYPH_MINLEFT; i + HYPH_MINRIGHT <= n; i++)
		if ((hy[i - 1] & 1) && (rep == NULL || rep[i - 1] == NULL))
			pts[i] = 1;
	if (rep != NULL) {
		strv_free(rep, n);
		free(pos);
		free(cut);
	}
}

size_t
hyph_word(struct hyph *h, const uint32_t *cp, size_t n, char *ok)
{
	char		 w[HYPH_MAXWORD + 1];
	struct hslot	*s;
	uint32_t	 c, hash = 2166136261u;
	size_t		 i, npts = 0;

	memset(ok, 0, n);
	if (n < HYPH_MINLEFT + HYPH_MINRIGHT || n > HYPH_MAXWORD)
		return 0;
	for (i = 0; i < n; i++) {
		c = cp[i];
		if (c > 0xFF)
			return 0;
		if ((c >= 'A' && c <= 'Z') ||
		    (c >= 0xC0 && c <= 0xDE && c != 0xD7))
			c += 32;
		w[i] = (char)c;
		hash = (hash ^ c) * 16777619u;
	}
	w[n] = '\0';
	s = &h->cache[hash & (HYPH_SLOTS - 1)];
	if (s->len != n || memcmp(s->word, w, n) != 0) {
		raw(h, w, n, s->pts);
		memcpy(s->word, w, n + 1);
		s->len = (unsigned char)n;
	}
	for (i = 0; i < n; i++)
		if ((ok[i] = s->pts[i]) != 0)
			npts++;
	return npts;
}

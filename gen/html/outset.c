/*
 * html: the files a writer makes, held in memory until the whole of a
 * meeting (or of the listings) has passed its checks.
 */
#include <stdlib.h>
#include <string.h>

#include "html_private.h"

struct buf *
outset_add(struct outset *os, const char *path)
{
	struct outfile *f;

	if (os->n == os->cap) {
		os->cap = os->cap ? os->cap * 2 : 16;
		os->v = xrealloc(os->v, os->cap * sizeof(*os->v));
	}
	f = os->v[os->n++] = xcalloc(1, sizeof(*f));
	f->path = xstrdup(path);
	buf_put(&f->data, "", 0);
	return &f->data;
}

void
outset_free(struct outset *os)
{
	size_t	 i;

	for (i = 0; i < os->n; i++) {
		free(os->v[i]->path);
		buf_free(&os->v[i]->data);
		free(os->v[i]);
	}
	free(os->v);
	memset(os, 0, sizeof(*os));
}


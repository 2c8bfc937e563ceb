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

/* The last guard: no file of the site may hold a personnummer, even
 * one that came by a way the scan of the inputs does not know. */
int
outset_pnr_free(const struct outset *os)
{
	struct pnr_hit h;
	size_t	 i;
	int	 line, col;

	for (i = 0; i < os->n; i++)
		if (pnr_find(os->v[i]->data.data, os->v[i]->data.len,
		    PNR_SOURCE, &h)) {
			text_position(os->v[i]->data.data, h.off, &line, &col);
			diag(DIAG_ERROR, os->v[i]->path, line, col, "a "
			    "personnummer would be published here, from an "
			    "input the check did not cover: nothing of it is "
			    "written; report this as a fault of boardgen");
			return 0;
		}
	return 1;
}


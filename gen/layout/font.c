/*
 * Font metrics from the template's TrueType files, read by the one
 * TrueType reader (gen/font/) the PDF writer embeds with: the same
 * glyphs and the same widths (advance * 1000 / unitsPerEm, truncated;
 * BMP only).
 */
#include <sys/stat.h>

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "../font/ttf.h"
#include "layout.h"
#include "layout_private.h"

struct face {
	const char	*path;		/* doc->families[].file[] */
	bool		 tried;		/* read (or failed to) */
	bool		 loaded;
	struct ttf	 ttf;
	/* Width cache over the BMP: 0 unknown, -1 missing, else w + 1. */
	int16_t		*cache;
};

struct fontset {
	struct face	*v;
	size_t		 n;
	struct hyph	*hyph;		/* loaded on first use */
	int		 hyph_tried;
};

/*
 * A face's file is read when layout first measures with it: a template
 * names sixteen faces, and a document uses a few.  Whether each file is
 * there is checked at once.
 */
static struct face *
face_get(struct fontset *fs, int face)
{
	struct face *f;

	if (face < 0 || (size_t)face >= fs->n)
		return NULL;
	f = &fs->v[face];
	if (!f->tried) {
		f->tried = true;
		f->loaded = ttf_load(&f->ttf, f->path);
	}
	return f->loaded ? f : NULL;
}

struct fontset *
fontset_new(const struct doc *d)
{
	struct fontset *fs = xcalloc(1, sizeof(*fs));
	struct stat st;
	const char *path;
	size_t	 i;
	int	 v;

	fs->n = d->nfamilies * 4;
	fs->v = xcalloc(fs->n, sizeof(*fs->v));
	for (i = 0; i < d->nfamilies; i++)
		for (v = 0; v < 4; v++) {
			if ((path = d->families[i].file[v]) == NULL) {
				diag(DIAG_ERROR, NULL, 0, 0, "font family "
				    "\"%s\" has no file for variant %d",
				    d->families[i].name ?
				    d->families[i].name : "", v);
				fontset_free(fs);
				return NULL;
			}
			if (stat(path, &st) != 0) {
				diag(DIAG_ERROR, path, 0, 0, "cannot open: %s",
				    strerror(errno));
				fontset_free(fs);
				return NULL;
			}
			fs->v[i * 4 + v].path = path;
		}
	return fs;
}

void
fontset_free(struct fontset *fs)
{
	size_t	 i;

	if (fs == NULL)
		return;
	hyph_free(fs->hyph);
	for (i = 0; i < fs->n; i++) {
		ttf_unload(&fs->v[i].ttf);
		free(fs->v[i].cache);
	}
	free(fs->v);
	free(fs);
}

size_t
fontset_nfaces(const struct fontset *fs)
{
	return fs->n;
}

const char *
fontset_file(struct fontset *fs, int face)
{
	struct face *f = face_get(fs, face);

	return f != NULL ? f->path : NULL;
}

int
fontset_width(struct fontset *fs, int face, uint32_t cp)
{
	struct face *f;
	unsigned gid;
	int	 w;

	if ((f = face_get(fs, face)) == NULL || cp > 0xFFFF)
		return -1;
	if (f->cache == NULL)
		f->cache = xcalloc(0x10000, sizeof(*f->cache));
	if (f->cache[cp] != 0)
		return f->cache[cp] < 0 ? -1 : f->cache[cp] - 1;
	/* Controls never print, whatever the font claims. */
	if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0) ||
	    (gid = ttf_glyph(&f->ttf, cp)) == 0) {
		f->cache[cp] = -1;
		return -1;
	}
	w = ttf_width(&f->ttf, gid);
	if (w > 32000)
		w = 32000;
	f->cache[cp] = (int16_t)(w + 1);
	return w;
}

void
fontset_vmetrics(struct fontset *fs, int face, int *ascent, int *descent)
{
	struct face *f = face_get(fs, face);

	if (f == NULL) {
		*ascent = 800;
		*descent = -200;
		return;
	}
	*ascent = f->ttf.ascent;
	*descent = f->ttf.descent;
}

int
fontset_xheight(struct fontset *fs, int face)
{
	struct face *f = face_get(fs, face);

	return f != NULL && f->ttf.xheight > 0 ? f->ttf.xheight : 0;
}

struct hyph *
fontset_hyph(struct fontset *fs)
{
	if (!fs->hyph_tried) {
		fs->hyph_tried = 1;
		fs->hyph = hyph_load();
	}
	return fs->hyph;
}

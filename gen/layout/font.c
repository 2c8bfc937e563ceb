/*
 * Font metrics from the template's TrueType files.  We read just what
 * layout needs (head, hhea, hmtx, a format 4 cmap) ourselves: it is
 * small, fast and gives the same numbers the PDF writer's libharu
 * uses (advance * 1000 / unitsPerEm, truncated; BMP only).
 */
#include <sys/stat.h>

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "layout.h"
#include "layout_private.h"

/* A font file larger than this is surely not a text face. */
#define FONT_MAXLEN	(32u * 1024u * 1024u)

struct face {
	const char	*path;		/* doc->families[].file[] */
	bool		 tried;		/* read (or failed to) */
	char		*data;		/* whole file */
	size_t		 len;
	unsigned	 upem;
	int		 ascent, descent;	/* 1/1000 em */
	unsigned	 nhmetrics;
	size_t		 hmtx;		/* offsets into data */
	size_t		 cmap4;		/* format 4 subtable, 0: none */
	unsigned	 segx2;
	/* Width cache over the BMP: 0 unknown, -1 missing, else w + 1. */
	int16_t		*cache;
};

struct fontset {
	struct face	*v;
	size_t		 n;
	struct hyph	*hyph;		/* loaded on first use */
	int		 hyph_tried;
};

static unsigned
u16(const struct face *f, size_t off)
{
	const unsigned char *p = (const unsigned char *)f->data + off;

	if (off + 2 > f->len)
		return 0;
	return (unsigned)p[0] << 8 | p[1];
}

static uint32_t
u32(const struct face *f, size_t off)
{
	const unsigned char *p = (const unsigned char *)f->data + off;

	if (off + 4 > f->len)
		return 0;
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
	    (uint32_t)p[2] << 8 | p[3];
}

static int
s16(const struct face *f, size_t off)
{
	unsigned v = u16(f, off);

	return v >= 0x8000 ? (int)v - 0x10000 : (int)v;
}

/* Offset of table tag, or 0. */
static size_t
table(const struct face *f, const char *tag)
{
	unsigned	 i, n = u16(f, 4);
	size_t		 off;

	for (i = 0; i < n; i++) {
		off = 12 + 16 * (size_t)i;
		if (off + 16 > f->len)
			return 0;
		if (memcmp(f->data + off, tag, 4) == 0) {
			off = u32(f, off + 8);
			return off < f->len ? off : 0;
		}
	}
	return 0;
}

static int
face_load(struct face *f, const char *path)
{
	size_t	 head, hhea, cmap, sub, best = 0;
	unsigned i, n, pid, eid;

	f->path = path;
	if (!file_read(path, FONT_MAXLEN, &f->data, &f->len))
		return 0;
	head = table(f, "head");
	hhea = table(f, "hhea");
	f->hmtx = table(f, "hmtx");
	cmap = table(f, "cmap");
	if (head == 0 || hhea == 0 || f->hmtx == 0 || cmap == 0 ||
	    (f->upem = u16(f, head + 18)) == 0) {
		diag(DIAG_ERROR, path, 0, 0,
		    "not a TrueType font this program can read");
		return 0;
	}
	f->ascent = s16(f, hhea + 4) * 1000 / (int)f->upem;
	f->descent = s16(f, hhea + 6) * 1000 / (int)f->upem;
	f->nhmetrics = u16(f, hhea + 34);
	n = u16(f, cmap + 2);
	for (i = 0; i < n; i++) {
		pid = u16(f, cmap + 4 + 8 * (size_t)i);
		eid = u16(f, cmap + 6 + 8 * (size_t)i);
		sub = cmap + u32(f, cmap + 8 + 8 * (size_t)i);
		if (u16(f, sub) != 4)
			continue;
		/* Prefer Windows Unicode BMP, as libharu does. */
		if ((pid == 3 && eid == 1) || (best == 0 && pid == 0))
			best = sub;
	}
	if (best == 0 || f->nhmetrics == 0) {
		diag(DIAG_ERROR, path, 0, 0,
		    "font has no Unicode character map this program can read");
		return 0;
	}
	f->cmap4 = best;
	f->segx2 = u16(f, best + 6);
	return 1;
}

static unsigned
glyph(const struct face *f, uint32_t cp)
{
	size_t	 ends = f->cmap4 + 14, starts, deltas, ranges, off;
	unsigned lo = 0, hi = f->segx2 / 2, mid, end, start, ro, g;

	if (cp > 0xFFFF)
		return 0;
	starts = ends + f->segx2 + 2;
	deltas = starts + f->segx2;
	ranges = deltas + f->segx2;
	while (lo < hi) {
		mid = (lo + hi) / 2;
		end = u16(f, ends + 2 * (size_t)mid);
		if (end < cp)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo >= f->segx2 / 2)
		return 0;
	start = u16(f, starts + 2 * (size_t)lo);
	if (cp < start)
		return 0;
	ro = u16(f, ranges + 2 * (size_t)lo);
	if (ro == 0)
		return (cp + u16(f, deltas + 2 * (size_t)lo)) & 0xFFFF;
	off = ranges + 2 * (size_t)lo + ro + 2 * (size_t)(cp - start);
	if ((g = u16(f, off)) == 0)
		return 0;
	return (g + u16(f, deltas + 2 * (size_t)lo)) & 0xFFFF;
}

static int
advance(const struct face *f, unsigned gid)
{
	unsigned i = gid < f->nhmetrics ? gid : f->nhmetrics - 1;

	return (int)((uint32_t)u16(f, f->hmtx + 4 * (size_t)i) * 1000 /
	    f->upem);
}

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
		if (!face_load(f, f->path)) {
			free(f->data);
			f->data = NULL;
		}
	}
	return f->data != NULL ? f : NULL;
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
		free(fs->v[i].data);
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
	    (gid = glyph(f, cp)) == 0) {
		f->cache[cp] = -1;
		return -1;
	}
	w = advance(f, gid);
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
	*ascent = f->ascent;
	*descent = f->descent;
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

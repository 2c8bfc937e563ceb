/*
 * TrueType fonts for embedding: the metrics a font descriptor needs,
 * code point to glyph, and a subset font program holding only the
 * glyphs shown (and the parts of composite glyphs), renumbered from 0.
 *
 * libharu's own TrueType support builds a 65,536-entry glyph map and a
 * width array over the whole BMP for every face it loads, and embeds
 * every table with the unused glyphs emptied but still indexed; doing
 * it here costs a few table lookups and gives a font program of the
 * glyphs used alone.
 *
 * Every read is checked against the file's length: a damaged font is
 * refused, never read past.  Layout measures with this reader too, so
 * a glyph it measures is one the writer can show.
 */
#include <stdlib.h>
#include <string.h>

#include "ttf.h"

/* Composite glyph flags. */
#define ARG_WORDS	0x0001
#define HAVE_SCALE	0x0008
#define MORE		0x0020
#define HAVE_XY_SCALE	0x0040
#define HAVE_2X2	0x0080
/* Nesting of composite glyphs followed; real fonts use one or two. */
#define MAX_DEPTH	8
/* A font file larger than this is surely not a text face. */
#define FONT_MAXLEN	(32u * 1024u * 1024u)

static unsigned
u16(const struct ttf *t, size_t off)
{
	if (off > t->len || t->len - off < 2)
		return 0;
	return (unsigned)t->data[off] << 8 | t->data[off + 1];
}

static int
s16(const struct ttf *t, size_t off)
{
	unsigned v = u16(t, off);

	return v >= 0x8000 ? (int)v - 0x10000 : (int)v;
}

static uint32_t
u32(const struct ttf *t, size_t off)
{
	if (off > t->len || t->len - off < 4)
		return 0;
	return (uint32_t)t->data[off] << 24 | (uint32_t)t->data[off + 1] << 16 |
	    (uint32_t)t->data[off + 2] << 8 | t->data[off + 3];
}

/* Finds a table; its length is checked against the file.  *off and
 * *len are set only if it is found inside the file: the optional
 * tables are looked up without checking the result. */
static bool
table(const struct ttf *t, const char *tag, size_t *off, size_t *len)
{
	unsigned i, n = u16(t, 4);
	size_t	 e, o, l;

	for (i = 0; i < n; i++) {
		e = 12 + 16 * (size_t)i;
		if (e + 16 > t->len)
			return false;
		if (memcmp(t->data + e, tag, 4) != 0)
			continue;
		o = u32(t, e + 8);
		l = u32(t, e + 12);
		if (o > t->len || l > t->len - o)
			return false;
		*off = o;
		*len = l;
		return true;
	}
	return false;
}

/* 1/1000 em, truncated toward zero as libharu and layout do. */
static int
em(const struct ttf *t, int v)
{
	return (int)((long)v * 1000 / (long)t->upem);
}

/* The PostScript name (name ID 6), ASCII letters, digits and - _ . only. */
static void
psname(struct ttf *t)
{
	size_t	 off, len, str, i, k = 0;
	unsigned n, r, plat, enc, nl, nlen, noff, step;

	t->name[0] = '\0';
	if (!table(t, "name", &off, &len) || len < 6)
		return;
	n = u16(t, off + 2);
	str = off + u16(t, off + 4);
	for (r = 0; r < n && 6 + 12 * (size_t)(r + 1) <= len; r++) {
		size_t	 rec = off + 6 + 12 * (size_t)r;

		plat = u16(t, rec);
		enc = u16(t, rec + 2);
		nl = u16(t, rec + 6);
		nlen = u16(t, rec + 8);
		noff = u16(t, rec + 10);
		if (nl != 6)
			continue;
		if (plat == 3 && (enc == 1 || enc == 0))
			step = 2;	/* UTF-16BE */
		else if (plat == 1 && enc == 0)
			step = 1;	/* Mac Roman: ASCII here */
		else
			continue;
		if (str + noff + nlen > t->len)
			continue;
		for (i = step - 1, k = 0; i < nlen && k + 1 < sizeof(t->name);
		    i += step) {
			unsigned char c = t->data[str + noff + i];

			if (step == 2 && t->data[str + noff + i - 1] != 0)
				continue;
			if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
			    (c >= '0' && c <= '9') || c == '-' || c == '_' ||
			    c == '.')
				t->name[k++] = (char)c;
		}
		t->name[k] = '\0';
		if (k > 0)
			return;
	}
}

/* Every glyph the character map gives must exist: a glyph past the
 * font's count would be measured and then not drawn. */
static bool
cmap_in_range(const struct ttf *t)
{
	size_t	 ends = t->cmap4 + 14, starts = ends + t->segx2 + 2;
	size_t	 deltas = starts + t->segx2, ranges = deltas + t->segx2;
	unsigned s, cp, start, end, delta, ro, g;

	for (s = 0; s < t->segx2 / 2; s++) {
		end = u16(t, ends + 2 * (size_t)s);
		start = u16(t, starts + 2 * (size_t)s);
		delta = u16(t, deltas + 2 * (size_t)s);
		ro = u16(t, ranges + 2 * (size_t)s);
		for (cp = start; cp <= end; cp++) {
			if (ro == 0)
				g = (cp + delta) & 0xffff;
			else if ((g = u16(t, ranges + 2 * (size_t)s + ro +
			    2 * (size_t)(cp - start))) != 0)
				g = (g + delta) & 0xffff;
			if (g >= t->nglyphs)
				return false;
		}
	}
	return true;
}

/* Why the font cannot be used, or NULL. */
static const char *
parse(struct ttf *t, const unsigned char *data, size_t len)
{
	size_t	 off, tl, cmap, clen, sub;
	unsigned i, n, plat, enc, best = 0;
	uint32_t ver;

	memset(t, 0, sizeof(*t));
	t->data = data;
	t->len = len;
	ver = u32(t, 0);
	if (ver != 0x00010000 && ver != 0x74727565)	/* 1.0, 'true' */
		return "not a TrueType font";
	if (!table(t, "head", &off, &tl) || tl < 54)
		return "its tables are missing or damaged";
	t->upem = u16(t, off + 18);
	if (t->upem < 16 || t->upem > 16384)
		return "its tables are missing or damaged";
	t->bbox[0] = em(t, s16(t, off + 36));
	t->bbox[1] = em(t, s16(t, off + 38));
	t->bbox[2] = em(t, s16(t, off + 40));
	t->bbox[3] = em(t, s16(t, off + 42));
	t->macstyle = u16(t, off + 44);
	t->longloca = s16(t, off + 50) == 1;
	t->head = off;
	if (!table(t, "hhea", &off, &tl) || tl < 36)
		return "its tables are missing or damaged";
	t->hhea = off;
	t->ascent = em(t, s16(t, off + 4));
	t->descent = em(t, s16(t, off + 6));
	t->nhm = u16(t, off + 34);
	if (!table(t, "maxp", &off, &tl) || tl < 6)
		return "its tables are missing or damaged";
	t->maxp = off;
	t->maxplen = tl;
	t->nglyphs = u16(t, off + 4);
	if (t->nglyphs == 0 || t->nhm == 0 || t->nhm > t->nglyphs)
		return "its tables are missing or damaged";
	if (!table(t, "hmtx", &t->hmtx, &tl) ||
	    tl < 4 * (size_t)t->nhm + 2 * (size_t)(t->nglyphs - t->nhm))
		return "its tables are missing or damaged";
	if (!table(t, "loca", &t->loca, &tl) ||
	    tl < (t->longloca ? 4 : 2) * ((size_t)t->nglyphs + 1))
		return "its tables are missing or damaged";
	if (!table(t, "glyf", &t->glyf, &t->glyflen))
		return "its tables are missing or damaged";
	/* Hinting programs the glyphs' instructions call. */
	(void)table(t, "cvt ", &t->cvt, &t->cvtlen);
	(void)table(t, "fpgm", &t->fpgm, &t->fpgmlen);
	(void)table(t, "prep", &t->prep, &t->preplen);

	/* Descriptor values; defaults where OS/2 or post is missing. */
	t->capheight = t->ascent;
	t->xheight = t->ascent / 2;
	t->weight = (t->macstyle & 1) ? 700 : 400;
	if (table(t, "OS/2", &off, &tl) && tl >= 78) {
		t->weight = u16(t, off + 4);
		t->familyclass = s16(t, off + 30);
		t->serifstyle = t->data[off + 32 + 1];
		t->fsselection = u16(t, off + 62);
		if (u16(t, off) >= 2 && tl >= 96) {
			t->xheight = em(t, s16(t, off + 86));
			t->capheight = em(t, s16(t, off + 88));
		}
	}
	if (table(t, "post", &off, &tl) && tl >= 16) {
		t->italic = (double)(int32_t)u32(t, off + 4) / 65536.0;
		t->fixed = u32(t, off + 12) != 0;
	}
	psname(t);

	/* A Unicode BMP cmap of format 4: (3,1), else (0,*). */
	if (!table(t, "cmap", &cmap, &clen) || clen < 4)
		return "it has no Unicode character map (format 4)";
	n = u16(t, cmap + 2);
	for (i = 0; i < n && 4 + 8 * (size_t)(i + 1) <= clen; i++) {
		plat = u16(t, cmap + 4 + 8 * (size_t)i);
		enc = u16(t, cmap + 6 + 8 * (size_t)i);
		sub = cmap + u32(t, cmap + 8 + 8 * (size_t)i);
		if (sub + 14 > cmap + clen || u16(t, sub) != 4)
			continue;
		if (plat == 3 && enc == 1) {
			t->cmap4 = sub;
			best = 2;
		} else if (plat == 0 && best < 1) {
			t->cmap4 = sub;
			best = 1;
		}
	}
	if (t->cmap4 == 0)
		return "it has no Unicode character map (format 4)";
	t->segx2 = u16(t, t->cmap4 + 6) & ~1u;
	if (t->cmap4 + 16 + 4 * (size_t)t->segx2 > t->len)
		return "its character map is damaged";
	if (!cmap_in_range(t))
		return "its character map names glyphs the font does not "
		    "have";
	return NULL;
}

int
ttf_parse(struct ttf *t, const unsigned char *data, size_t len)
{
	return parse(t, data, len) == NULL;
}

int
ttf_load(struct ttf *t, const char *path)
{
	const char *why;
	char	*data;
	size_t	 len;

	memset(t, 0, sizeof(*t));
	if (!file_read(path, FONT_MAXLEN, &data, &len))
		return 0;
	if ((why = parse(t, (unsigned char *)data, len)) != NULL) {
		diag(DIAG_ERROR, path, 0, 0, "cannot use this font: %s: "
		    "choose a .ttf file with TrueType outlines", why);
		free(data);
		memset(t, 0, sizeof(*t));
		return 0;
	}
	t->own = (unsigned char *)data;
	return 1;
}

void
ttf_unload(struct ttf *t)
{
	free(t->own);
	memset(t, 0, sizeof(*t));
}

unsigned
ttf_glyph(const struct ttf *t, unsigned cp)
{
	size_t	 ends = t->cmap4 + 14, starts = ends + t->segx2 + 2;
	size_t	 deltas = starts + t->segx2, ranges = deltas + t->segx2, at;
	unsigned lo = 0, hi = t->segx2 / 2, mid, start, ro, g;

	/* Segments are sorted by end code: the first that ends at or
	 * after cp. */
	while (lo < hi) {
		mid = (lo + hi) / 2;
		if (u16(t, ends + 2 * (size_t)mid) < cp)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo >= t->segx2 / 2)
		return 0;
	start = u16(t, starts + 2 * (size_t)lo);
	if (cp < start)
		return 0;
	ro = u16(t, ranges + 2 * (size_t)lo);
	if (ro == 0)
		g = (cp + u16(t, deltas + 2 * (size_t)lo)) & 0xffff;
	else {
		at = ranges + 2 * (size_t)lo + ro + 2 * (size_t)(cp - start);
		if ((g = u16(t, at)) != 0)
			g = (g + u16(t, deltas + 2 * (size_t)lo)) & 0xffff;
	}
	return g < t->nglyphs ? g : 0;
}

static unsigned
advance(const struct ttf *t, unsigned g)
{
	return u16(t, t->hmtx + 4 * (size_t)(g < t->nhm ? g : t->nhm - 1));
}

static int
lsb(const struct ttf *t, unsigned g)
{
	if (g < t->nhm)
		return s16(t, t->hmtx + 4 * (size_t)g + 2);
	return s16(t, t->hmtx + 4 * (size_t)t->nhm + 2 * (size_t)(g - t->nhm));
}

int
ttf_width(const struct ttf *t, unsigned g)
{
	return em(t, (int)advance(t, g));
}

/* Glyph g's bytes in glyf; false if loca points outside it. */
static bool
glyph_at(const struct ttf *t, unsigned g, size_t *off, size_t *len)
{
	size_t	 a, b;

	if (t->longloca) {
		a = u32(t, t->loca + 4 * (size_t)g);
		b = u32(t, t->loca + 4 * (size_t)g + 4);
	} else {
		a = 2 * (size_t)u16(t, t->loca + 2 * (size_t)g);
		b = 2 * (size_t)u16(t, t->loca + 2 * (size_t)g + 2);
	}
	if (b < a || b > t->glyflen)
		return false;
	*off = t->glyf + a;
	*len = b - a;
	return true;
}

/*
 * Calls fn for each component of composite glyph data at off, with the
 * offset of its glyph index.  Returns false on a malformed glyph.
 */
static bool
components(const struct ttf *t, size_t off, size_t len,
    bool (*fn)(void *, size_t), void *arg)
{
	size_t	 p = off + 10, end = off + len;
	unsigned flags;

	do {
		if (p + 4 > end)
			return false;
		flags = u16(t, p);
		if (!fn(arg, p + 2))
			return false;
		p += 4 + ((flags & ARG_WORDS) ? 4 : 2);
		if (flags & HAVE_SCALE)
			p += 2;
		else if (flags & HAVE_XY_SCALE)
			p += 4;
		else if (flags & HAVE_2X2)
			p += 8;
		if (p > end)
			return false;
	} while (flags & MORE);
	return true;
}

struct closure {
	const struct ttf *t;
	uint8_t		*keep;
	int		 depth;
};

static bool close_glyph(struct closure *, unsigned);

static bool
close_component(void *arg, size_t at)
{
	struct closure *c = arg;

	return close_glyph(c, u16(c->t, at));
}

static bool
close_glyph(struct closure *c, unsigned g)
{
	size_t	 off, len;
	bool	 ok;

	if (g >= c->t->nglyphs || !glyph_at(c->t, g, &off, &len))
		return false;
	c->keep[g] = 1;
	if (len < 10 || s16(c->t, off) >= 0)
		return true;
	if (++c->depth > MAX_DEPTH)
		return false;
	ok = components(c->t, off, len, close_component, c);
	c->depth--;
	return ok;
}

int
ttf_close(const struct ttf *t, uint8_t *keep)
{
	struct closure c = { t, keep, 0 };
	unsigned g;

	keep[0] = 1;
	for (g = 0; g < t->nglyphs; g++)
		if (keep[g] && !close_glyph(&c, g))
			return 0;
	return 1;
}

static void
put16(struct buf *b, unsigned v)
{
	buf_putc(b, (int)(v >> 8 & 0xff));
	buf_putc(b, (int)(v & 0xff));
}

static void
put32(struct buf *b, uint32_t v)
{
	put16(b, v >> 16);
	put16(b, v & 0xffff);
}

static void
set16(struct buf *b, size_t at, unsigned v)
{
	b->data[at] = (char)(v >> 8 & 0xff);
	b->data[at + 1] = (char)(v & 0xff);
}

static void
set32(struct buf *b, size_t at, uint32_t v)
{
	set16(b, at, v >> 16);
	set16(b, at + 2, v & 0xffff);
}

static uint32_t
checksum(const struct buf *b, size_t off, size_t len)
{
	const unsigned char *p = (const unsigned char *)b->data + off;
	uint32_t sum = 0;
	size_t	 i;

	for (i = 0; i < len; i += 4)
		sum += (uint32_t)p[i] << 24 | (uint32_t)p[i + 1] << 16 |
		    (uint32_t)p[i + 2] << 8 | p[i + 3];
	return sum;
}

struct remap {
	const struct ttf *t;
	struct buf	*b;
	size_t		 base;		/* the glyph's offset in b */
	size_t		 src;		/* its offset in the font */
	const uint16_t	*newgid;
};

static bool
remap_component(void *arg, size_t at)
{
	struct remap *r = arg;

	set16(r->b, r->base + (at - r->src),
	    r->newgid[u16(r->t, at)]);
	return true;
}

enum { T_CVT, T_FPGM, T_GLYF, T_HEAD, T_HHEA, T_HMTX, T_LOCA, T_MAXP,
    T_PREP, T__MAX };

int
ttf_subset(const struct ttf *t, const uint8_t *keep, uint16_t *newgid,
    struct buf *out)
{
	static const char tags[T__MAX][5] = { "cvt ", "fpgm", "glyf",
	    "head", "hhea", "hmtx", "loca", "maxp", "prep" };
	size_t	 start[T__MAX], len[T__MAX], dir, off, glen, i;
	unsigned g, n = 0, ntab = 0, k, sr, es;
	uint32_t sum;

	for (g = 0; g < t->nglyphs; g++)
		newgid[g] = keep[g] ? (uint16_t)n++ : 0;
	memset(start, 0, sizeof(start));
	memset(len, 0, sizeof(len));
	for (k = 0; k < T__MAX; k++)
		if ((k != T_CVT || t->cvtlen) && (k != T_FPGM || t->fpgmlen) &&
		    (k != T_PREP || t->preplen))
			ntab++;
	for (es = 0, sr = 1; sr * 2 <= ntab; sr *= 2)
		es++;
	buf_reset(out);
	put32(out, 0x00010000);
	put16(out, ntab);
	put16(out, sr * 16);
	put16(out, es);
	put16(out, ntab * 16 - sr * 16);
	dir = out->len;
	buf_grow(out, 16 * (size_t)ntab);
	memset(out->data + dir, 0, 16 * (size_t)ntab);
	out->len += 16 * (size_t)ntab;

#define BEGIN(k) (start[k] = out->len)
#define END(k) do { \
	len[k] = out->len - start[k]; \
	while (out->len % 4) \
		buf_putc(out, 0); \
} while (0)

	if (t->cvtlen) {
		BEGIN(T_CVT);
		buf_put(out, t->data + t->cvt, t->cvtlen);
		END(T_CVT);
	}
	if (t->fpgmlen) {
		BEGIN(T_FPGM);
		buf_put(out, t->data + t->fpgm, t->fpgmlen);
		END(T_FPGM);
	}
	/* glyf, with loca's offsets collected on the way (long form). */
	BEGIN(T_GLYF);
	{
		uint32_t *lo = xcalloc((size_t)n + 1, sizeof(*lo));

		for (g = 0, i = 0; g < t->nglyphs; g++) {
			if (!keep[g])
				continue;
			lo[i++] = (uint32_t)(out->len - start[T_GLYF]);
			if (!glyph_at(t, g, &off, &glen)) {
				free(lo);
				return 0;
			}
			if (glen > 0) {
				size_t	 base = out->len;

				buf_put(out, t->data + off, glen);
				if (glen >= 10 && s16(t, off) < 0) {
					struct remap r = { t, out, base, off,
					    newgid };

					if (!components(t, off, glen,
					    remap_component, &r)) {
						free(lo);
						return 0;
					}
				}
				while (out->len % 4)
					buf_putc(out, 0);
			}
		}
		lo[i] = (uint32_t)(out->len - start[T_GLYF]);
		END(T_GLYF);

		BEGIN(T_HEAD);
		buf_put(out, t->data + t->head, 54);
		set32(out, start[T_HEAD] + 8, 0);	/* checkSumAdjustment */
		set16(out, start[T_HEAD] + 50, 1);	/* long loca */
		END(T_HEAD);
		BEGIN(T_HHEA);
		buf_put(out, t->data + t->hhea, 36);
		set16(out, start[T_HHEA] + 34, n);
		END(T_HHEA);
		BEGIN(T_HMTX);
		for (g = 0; g < t->nglyphs; g++)
			if (keep[g]) {
				put16(out, advance(t, g));
				put16(out, (unsigned)lsb(t, g) & 0xffff);
			}
		END(T_HMTX);
		BEGIN(T_LOCA);
		for (i = 0; i <= n; i++)
			put32(out, lo[i]);
		END(T_LOCA);
		free(lo);
	}
	BEGIN(T_MAXP);
	buf_put(out, t->data + t->maxp, t->maxplen < 32 ? t->maxplen : 32);
	set16(out, start[T_MAXP] + 4, n);
	END(T_MAXP);
	if (t->preplen) {
		BEGIN(T_PREP);
		buf_put(out, t->data + t->prep, t->preplen);
		END(T_PREP);
	}
#undef BEGIN
#undef END

	for (k = 0, i = 0; k < T__MAX; k++) {
		if (len[k] == 0 && start[k] == 0)
			continue;
		memcpy(out->data + dir + 16 * i, tags[k], 4);
		set32(out, dir + 16 * i + 4,
		    checksum(out, start[k], (len[k] + 3) & ~(size_t)3));
		set32(out, dir + 16 * i + 8, (uint32_t)start[k]);
		set32(out, dir + 16 * i + 12, (uint32_t)len[k]);
		i++;
	}
	sum = checksum(out, 0, out->len);
	set32(out, start[T_HEAD] + 8, 0xB1B0AFBAu - sum);
	return 1;
}

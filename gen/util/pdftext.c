/*
 * The text of a PDF file as a reader sees it, for the scan of what is
 * published: a page's content stream is read operator by operator, each
 * string shown is turned into characters through its font's ToUnicode
 * map (or its encoding), and the pieces are joined as they stand on the
 * page: on one line with nothing between them when they touch, with a
 * space when there is a gap, with a line break when the line changes.
 * Form XObjects are followed.  And every string object of a file (the
 * outline, the metadata, annotations' /Contents, /Alt, /ActualText) and
 * its XMP metadata.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "pdfin.h"

#define PT_MAX_TEXT	(16u * 1024u * 1024u)	/* bytes of text kept */
#define PT_MAX_OPS	(8u * 1024u * 1024u)	/* operators read a page */
#define PT_MAX_DEPTH	8			/* forms inside forms */
#define PT_MAX_WALK	5000			/* objects inside objects */
#define PT_MAX_STACK	64			/* q ... Q */
#define PT_MAX_ARGS	64			/* operands kept */
#define PT_MAX_GLYPHS	(1u << 20)		/* placed a page */

/* A code's text: UTF-8, up to 4 characters. */
struct umap {
	uint32_t	 lo, hi;	/* codes */
	char		 u[16];		/* the text of lo */
	uint8_t		 n;
	bool		 step;		/* the last character counts up */
};

struct font {
	int		 id;		/* object id; 0: direct */
	int		 bytes;		/* per code: 1, or 2 (Type0) */
	struct umap	*map;
	size_t		 nmap;
	bool		 has_map;	/* ToUnicode */
	bool		 latin;		/* simple font, standard encoding */
	char		*diff[256];	/* /Differences: glyph names */
	double		 w[256];	/* simple: widths, 1/1000 em */
	double		 dw;		/* default width */
	uint32_t	*cw;		/* Type0 /W: code, width pairs */
	size_t		 ncw;
	double		 wscale;	/* Type3: FontMatrix a * 1000 */
};

struct tstate {
	double	 ctm[6];
	double	 tc, tw, th, tl, ts, fs;
	struct font *font;
};

/* A character where it stands: for the page's text in the order of
 * its lines, whatever order it was drawn in. */
struct glyph {
	double		 x, y, xend, size;
	size_t		 off, len;	/* its text in ptext.out */
};

struct ptext {
	qpdf_data	 q;
	struct buf	 out;
	size_t		 unread;
	size_t		 ops;
	/* A limit stopped the reading: what lies past it is not known,
	 * so the page counts as one that cannot be read. */
	bool		 cut;
	struct font	**fonts;
	size_t		 nfonts;
	/* The end of the last show, in device space, and its size. */
	double		 px, py, psize;
	bool		 started;
	/* Where text is shown: its extent in default user space (each
	 * show from its start to its end, from a quarter of its size
	 * below the baseline to its size above). */
	double		 ext[4];
	bool		 anyext;
	struct glyph	*glyphs;
	size_t		 nglyphs, glyphcap;
};

/* ------------------------------------------------------------------ */
/* Fonts. */

static void
font_free(struct font *f)
{
	int	 i;

	if (f == NULL)
		return;
	for (i = 0; i < 256; i++)
		free(f->diff[i]);
	free(f->map);
	free(f->cw);
	free(f);
}

static uint32_t
hexval(const char *s, size_t n)
{
	uint32_t v = 0;
	size_t	 i;

	for (i = 0; i < n && i < 8; i++)
		v = v << 8 | (uint8_t)s[i];
	return v;
}

/* UTF-16BE to UTF-8 in u (at most 15 bytes). */
static uint8_t
utf16_to_utf8(const char *s, size_t n, char *u)
{
	size_t	 i;
	uint8_t	 k = 0;
	uint32_t cp;

	for (i = 0; i + 1 < n && k + 4 < 16; i += 2) {
		cp = (uint32_t)(uint8_t)s[i] << 8 | (uint8_t)s[i + 1];
		if (cp >= 0xd800 && cp < 0xdc00 && i + 3 < n) {
			uint32_t lo = (uint32_t)(uint8_t)s[i + 2] << 8 |
			    (uint8_t)s[i + 3];

			if (lo >= 0xdc00 && lo < 0xe000) {
				cp = 0x10000 + ((cp - 0xd800) << 10) +
				    (lo - 0xdc00);
				i += 2;
			}
		}
		if (cp >= 0xd800 && cp < 0xe000)
			cp = 0xfffd;
		k += (uint8_t)utf8_encode(cp, u + k);
	}
	return k;
}

/* ------------------------------------------------------------------ */
/* Fonts. */

#define PT_MAX_MAP	200000

static void
map_add(struct font *f, uint32_t lo, uint32_t hi, const char *dst,
    size_t dlen, bool step)
{
	struct umap *m;

	if (f->nmap >= PT_MAX_MAP || hi < lo)
		return;
	if ((f->nmap & (f->nmap - 1)) == 0)
		f->map = xrealloc(f->map, (f->nmap ? f->nmap * 2 : 16) *
		    sizeof(*f->map));
	m = &f->map[f->nmap++];
	m->lo = lo;
	m->hi = hi;
	m->step = step;
	m->n = utf16_to_utf8(dst, dlen, m->u);
}

static void
parse_tounicode(struct font *f, const unsigned char *s, size_t n)
{
	struct pdflex l = { s, n, 0, 0, PDFLEX_END, 0, { 0 } };
	struct buf a = { 0 }, b = { 0 };
	enum pdflex_tok t;
	int	 mode = 0, k = 0;
	uint32_t lo = 0, hi = 0, i;
	size_t	 ops = 0;

	while ((t = pdflex_next(&l)) != PDFLEX_END && ops++ < PT_MAX_OPS) {
		if (t == PDFLEX_OP) {
			if (l.str.len == 11 && memcmp(l.str.data, "beginbfchar",
			    11) == 0)
				mode = 1;
			else if (l.str.len == 12 && memcmp(l.str.data,
			    "beginbfrange", 12) == 0)
				mode = 2;
			else
				mode = 0;
			k = 0;
			continue;
		}
		if (mode == 0)
			continue;
		if (mode == 1 && t == PDFLEX_STR) {
			if (k == 0) {
				lo = hexval(l.str.data, l.str.len);
				k = 1;
			} else {
				map_add(f, lo, lo, l.str.data, l.str.len, false);
				k = 0;
			}
		} else if (mode == 2 && t == PDFLEX_STR && k < 2) {
			if (k == 0)
				lo = hexval(l.str.data, l.str.len);
			else
				hi = hexval(l.str.data, l.str.len);
			k++;
		} else if (mode == 2 && t == PDFLEX_STR && k == 2) {
			map_add(f, lo, hi, l.str.data, l.str.len, true);
			k = 0;
		} else if (mode == 2 && t == PDFLEX_ABEGIN && k == 2) {
			/* One destination a code. */
			for (i = lo; (t = pdflex_next(&l)) == PDFLEX_STR; i++)
				if (i <= hi)
					map_add(f, i, i, l.str.data, l.str.len,
					    false);
			k = 0;
		}
	}
	buf_free(&l.str);
	buf_free(&a);
	buf_free(&b);
}

/* The text of a glyph name (Differences): ASCII letters and digits by
 * name, uniXXXX and uXXXX, the punctuation that matters here, and
 * names made of a letter or two and the code. */
static uint32_t
glyph_name(const char *g)
{
	static const char *digits[10] = { "zero", "one", "two", "three",
	    "four", "five", "six", "seven", "eight", "nine" };
	static const struct { const char *n; uint32_t cp; } named[] = {
		{ "space", ' ' }, { "hyphen", '-' }, { "minus", 0x2212 },
		{ "endash", 0x2013 }, { "emdash", 0x2014 }, { "plus", '+' },
		{ "period", '.' }, { "comma", ',' }, { "slash", '/' },
		{ "colon", ':' }, { "nbspace", 0xa0 }, { "uni00A0", 0xa0 },
		{ "hyphenminus", '-' }, { "nonbreakingspace", 0xa0 },
	};
	size_t	 i;

	if (g[0] != '\0' && g[1] == '\0' &&
	    ((g[0] >= 'a' && g[0] <= 'z') || (g[0] >= 'A' && g[0] <= 'Z')))
		return (uint32_t)g[0];
	for (i = 0; i < 10; i++)
		if (strcmp(g, digits[i]) == 0)
			return '0' + (uint32_t)i;
	for (i = 0; i < sizeof(named) / sizeof(named[0]); i++)
		if (strcmp(g, named[i].n) == 0)
			return named[i].cp;
	if (strncmp(g, "uni", 3) == 0 && strlen(g) == 7) {
		uint32_t v = 0;

		for (i = 3; i < 7; i++) {
			int	 h = pdflex_hexdigit((unsigned char)g[i]);

			if (h < 0)
				return 0;
			v = v * 16 + (uint32_t)h;
		}
		return v;
	}
	/* uXXXX to uXXXXXX: the code point. */
	if (g[0] == 'u' && strlen(g) >= 5 && strlen(g) <= 7) {
		uint32_t v = 0;

		for (i = 1; g[i] != '\0'; i++) {
			int	 h = pdflex_hexdigit((unsigned char)g[i]);

			if (h < 0)
				break;
			v = v * 16 + (uint32_t)h;
		}
		if (g[i] == '\0' && v <= 0x10ffff)
			return v;
	}
	/* What many programs name a subset's glyphs, as PDF readers read
	 * it: one or two letters and the character's code in decimal
	 * ("g48", "cid57"'s shorter kin "C57"). */
	{
		size_t	 k = 0, nd = 0;
		uint32_t v = 0;

		while (k < 2 && ((g[k] >= 'a' && g[k] <= 'z') ||
		    (g[k] >= 'A' && g[k] <= 'Z')))
			k++;
		for (; k > 0 && g[k] >= '0' && g[k] <= '9' && nd < 3; k++, nd++)
			v = v * 10 + (uint32_t)(g[k] - '0');
		if (k > 0 && g[k] == '\0' && nd >= 2 && v >= 32 && v <= 255)
			return v;
	}
	return 0;
}

static double
num_of(qpdf_data q, qpdf_oh o, double dflt)
{
	double	 v;

	if (!qpdf_oh_is_number(q, o))
		return dflt;
	v = qpdf_oh_get_numeric_value(q, o);
	return isfinite(v) ? v : dflt;
}

/* Type0 /W: [c [w1 w2 ...]] and [c1 c2 w]. */
static void
cid_widths(struct font *f, qpdf_data q, qpdf_oh w)
{
	int	 n = qpdf_oh_get_array_n_items(q, w), i, j, k;
	qpdf_oh	 a, b;

	for (i = 0; i + 1 < n && f->ncw < PT_MAX_MAP; ) {
		uint32_t c = (uint32_t)num_of(q, qpdf_oh_get_array_item(q, w,
		    i), 0);

		a = qpdf_oh_get_array_item(q, w, i + 1);
		if (qpdf_oh_is_array(q, a)) {
			k = qpdf_oh_get_array_n_items(q, a);
			for (j = 0; j < k && f->ncw < PT_MAX_MAP; j++) {
				f->cw = xrealloc(f->cw, (f->ncw + 1) * 2 *
				    sizeof(*f->cw));
				f->cw[f->ncw * 2] = c + (uint32_t)j;
				f->cw[f->ncw * 2 + 1] = (uint32_t)num_of(q,
				    qpdf_oh_get_array_item(q, a, j), f->dw);
				f->ncw++;
			}
			i += 2;
		} else if (i + 2 < n) {
			uint32_t c2 = (uint32_t)num_of(q, a, 0), x;

			b = qpdf_oh_get_array_item(q, w, i + 2);
			for (x = c; x <= c2 && x - c < 65536 &&
			    f->ncw < PT_MAX_MAP; x++) {
				f->cw = xrealloc(f->cw, (f->ncw + 1) * 2 *
				    sizeof(*f->cw));
				f->cw[f->ncw * 2] = x;
				f->cw[f->ncw * 2 + 1] = (uint32_t)num_of(q, b,
				    f->dw);
				f->ncw++;
			}
			i += 3;
		} else
			break;
	}
}

static struct font *
font_load(qpdf_data q, qpdf_oh fd)
{
	struct font *f = xcalloc(1, sizeof(*f));
	qpdf_oh	 tu, enc, w, d, fm;
	unsigned char *data = NULL;
	size_t	 len = 0;
	int	 i, n, code;

	f->id = qpdf_oh_get_object_id(q, fd);
	f->bytes = qpdf_oh_is_name_and_equals(q, qpdf_oh_get_key(q, fd,
	    "/Subtype"), "/Type0") ? 2 : 1;
	f->dw = f->bytes == 2 ? 1000 : 500;
	f->wscale = 1;
	tu = qpdf_oh_get_key(q, fd, "/ToUnicode");
	if (qpdf_oh_is_stream(q, tu) && qpdf_oh_get_stream_data(q, tu,
	    qpdf_dl_generalized, NULL, &data, &len) == QPDF_SUCCESS &&
	    data != NULL) {
		parse_tounicode(f, data, len);
		f->has_map = f->nmap > 0;
	}
	free(data);
	if (f->bytes == 2) {
		d = qpdf_oh_get_key(q, fd, "/DescendantFonts");
		d = qpdf_oh_is_array(q, d) ? qpdf_oh_get_array_item(q, d, 0) :
		    d;
		f->dw = num_of(q, qpdf_oh_get_key(q, d, "/DW"), 1000);
		w = qpdf_oh_get_key(q, d, "/W");
		if (qpdf_oh_is_array(q, w))
			cid_widths(f, q, w);
		return f;
	}
	fm = qpdf_oh_get_key(q, fd, "/FontMatrix");
	if (qpdf_oh_is_array(q, fm))
		f->wscale = num_of(q, qpdf_oh_get_array_item(q, fm, 0), 0.001) *
		    1000;
	for (i = 0; i < 256; i++)
		f->w[i] = -1;
	w = qpdf_oh_get_key(q, fd, "/Widths");
	if (qpdf_oh_is_array(q, w)) {
		int	 first = (int)num_of(q, qpdf_oh_get_key(q, fd,
		    "/FirstChar"), 0);

		n = qpdf_oh_get_array_n_items(q, w);
		for (i = 0; i < n && i < 256; i++)
			if (first + i >= 0 && first + i < 256)
				f->w[first + i] = num_of(q,
				    qpdf_oh_get_array_item(q, w, i), -1);
	}
	/* No map: the standard encodings agree with ASCII on what the
	 * scan looks for; /Differences names the rest. */
	f->latin = true;
	enc = qpdf_oh_get_key(q, fd, "/Encoding");
	if (qpdf_oh_is_dictionary(q, enc)) {
		d = qpdf_oh_get_key(q, enc, "/Differences");
		n = qpdf_oh_is_array(q, d) ? qpdf_oh_get_array_n_items(q, d) : 0;
		for (i = 0, code = 0; i < n; i++) {
			qpdf_oh	 o = qpdf_oh_get_array_item(q, d, i);

			if (qpdf_oh_is_number(q, o))
				code = (int)num_of(q, o, 0);
			else if (qpdf_oh_is_name(q, o) && code >= 0 &&
			    code < 256) {
				free(f->diff[code]);
				f->diff[code] = xstrdup(qpdf_oh_get_name(q,
				    o) + 1);
				code++;
			}
		}
	}
	return f;
}

/* The font a resource dictionary names, loaded once a file. */
static struct font *
font_get(struct ptext *pt, qpdf_oh res, const char *name)
{
	qpdf_data q = pt->q;
	qpdf_oh	 fonts, fd;
	char	*key;
	struct font *f;
	size_t	 i;
	int	 id;

	if (!qpdf_oh_is_dictionary(q, res))
		return NULL;
	fonts = qpdf_oh_get_key(q, res, "/Font");
	key = xasprintf("/%s", name);
	fd = qpdf_oh_get_key(q, fonts, key);
	free(key);
	if (!qpdf_oh_is_dictionary(q, fd))
		return NULL;
	id = qpdf_oh_get_object_id(q, fd);
	for (i = 0; id != 0 && i < pt->nfonts; i++)
		if (pt->fonts[i]->id == id)
			return pt->fonts[i];
	f = font_load(q, fd);
	pt->fonts = xrealloc(pt->fonts, (pt->nfonts + 1) * sizeof(*pt->fonts));
	pt->fonts[pt->nfonts++] = f;
	return f;
}

/* The text of one code; false if it has none known. */
static bool
code_text(const struct font *f, uint32_t code, struct buf *b)
{
	size_t	 i;
	char	 u[4];

	if (f->has_map) {
		for (i = 0; i < f->nmap; i++) {
			const struct umap *m = &f->map[i];

			if (code < m->lo || code > m->hi || m->n == 0)
				continue;
			if (!m->step || code == m->lo) {
				buf_put(b, m->u, m->n);
				return true;
			} else {
				char	 t[16];
				uint32_t cp;
				size_t	 k = 0, last = 0, len;

				/* The last character counts up. */
				while (k < m->n && (len = utf8_decode(m->u + k,
				    m->n - k, &cp)) > 0) {
					last = k;
					k += len;
				}
				utf8_decode(m->u + last, m->n - last, &cp);
				memcpy(t, m->u, last);
				buf_put(b, t, last);
				buf_put(b, u, utf8_encode(cp + (code - m->lo),
				    u));
				return true;
			}
		}
		/* A code the map leaves out: a simple font's encoding
		 * still says what it is. */
	}
	if (f->bytes == 1 && f->latin) {
		uint32_t cp = code;

		if (f->diff[code & 0xff] != NULL &&
		    (cp = glyph_name(f->diff[code & 0xff])) == 0)
			return false;
		if (cp == 0x96)
			cp = 0x2013;
		else if (cp == 0x97)
			cp = 0x2014;
		if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0))
			return false;
		buf_put(b, u, utf8_encode(cp, u));
		return true;
	}
	return false;
}

static double
code_width(const struct font *f, uint32_t code)
{
	size_t	 i;

	if (f->bytes == 1)
		return (f->w[code & 0xff] >= 0 ? f->w[code & 0xff] : f->dw) *
		    f->wscale;
	for (i = 0; i < f->ncw; i++)
		if (f->cw[i * 2] == code)
			return f->cw[i * 2 + 1];
	return f->dw;
}

/* ------------------------------------------------------------------ */
/* Reading a content stream. */

/* Where text space (x, y) is on the page, and the size of text. */
static void
text_at(const struct tstate *gs, const double tm[6], double *x, double *y,
    double *size)
{
	double	 m[6], trm[6] = { gs->fs * gs->th, 0, 0, gs->fs, 0, gs->ts };

	pdf_mat_mul(tm, gs->ctm, m);
	pdf_mat_mul(trm, m, trm);
	*x = trm[4];
	*y = trm[5];
	*size = hypot(trm[2], trm[3]);
	if (!isfinite(*size) || *size <= 0)
		*size = 1;
}

static void
put_text(struct ptext *pt, const char *s, size_t n)
{
	if (pt->out.len + n <= PT_MAX_TEXT)
		buf_put(&pt->out, s, n);
	else
		pt->cut = true;
}

/* Adds the box of text shown from text space (0, 0) of tm to where it
 * ends, `adv' later, to the page's text extent. */
static void
extent_add(struct ptext *pt, const struct tstate *gs, const double tm[6],
    double adv)
{
	double	 m[6], trm[6] = { gs->fs * gs->th, 0, 0, gs->fs, 0, gs->ts };
	double	 px, py;
	int	 i;

	pdf_mat_mul(tm, gs->ctm, m);
	pdf_mat_mul(trm, m, trm);
	for (i = 0; i < 4; i++) {
		double	 u = i & 1 ? adv / (gs->fs * gs->th) : 0;
		double	 v = i & 2 ? 1.0 : -0.25;

		if (!isfinite(u))
			u = 0;
		px = trm[0] * u + trm[2] * v + trm[4];
		py = trm[1] * u + trm[3] * v + trm[5];
		if (!isfinite(px) || !isfinite(py))
			return;
		if (!pt->anyext) {
			pt->ext[0] = pt->ext[2] = px;
			pt->ext[1] = pt->ext[3] = py;
			pt->anyext = true;
		}
		pt->ext[0] = fmin(pt->ext[0], px);
		pt->ext[1] = fmin(pt->ext[1], py);
		pt->ext[2] = fmax(pt->ext[2], px);
		pt->ext[3] = fmax(pt->ext[3], py);
	}
}

/* Where the character just read into pt->out from `at' stands: from
 * tm's origin, its glyph w wide (text space), whatever the character
 * and word spacing then moves. */
static void
glyph_add(struct ptext *pt, const struct tstate *gs, const double tm[6],
    double w, size_t at)
{
	struct glyph *g;
	double	 end[6], y, size;

	if (pt->nglyphs == PT_MAX_GLYPHS) {
		pt->cut = true;
		return;
	}
	if (pt->nglyphs == pt->glyphcap) {
		pt->glyphcap = pt->glyphcap ? pt->glyphcap * 2 : 256;
		pt->glyphs = xrealloc(pt->glyphs, pt->glyphcap *
		    sizeof(*pt->glyphs));
	}
	g = &pt->glyphs[pt->nglyphs++];
	text_at(gs, tm, &g->x, &g->y, &g->size);
	memcpy(end, tm, sizeof(end));
	pdf_mat_translate(end, isfinite(w) ? w : 0, 0);
	text_at(gs, end, &g->xend, &y, &size);
	g->off = at;
	g->len = pt->out.len - at;
}

static int
glyph_by_line(const void *a, const void *b)
{
	const struct glyph *p = a, *q = b;

	/* Top to bottom, then left to right; ties in the order drawn. */
	if (p->y != q->y)
		return p->y > q->y ? -1 : 1;
	if (p->x != q->x)
		return p->x < q->x ? -1 : 1;
	return p->off < q->off ? -1 : p->off > q->off;
}

static int
glyph_by_x(const void *a, const void *b)
{
	const struct glyph *p = a, *q = b;

	if (p->x != q->x)
		return p->x < q->x ? -1 : 1;
	return p->off < q->off ? -1 : p->off > q->off;
}

static int
glyph_by_column(const void *a, const void *b)
{
	const struct glyph *p = a, *q = b;

	if (p->x != q->x)
		return p->x < q->x ? -1 : 1;
	if (p->y != q->y)
		return p->y > q->y ? -1 : 1;
	return p->off < q->off ? -1 : p->off > q->off;
}

static int
glyph_by_y(const void *a, const void *b)
{
	const struct glyph *p = a, *q = b;

	if (p->y != q->y)
		return p->y > q->y ? -1 : 1;
	return p->off < q->off ? -1 : p->off > q->off;
}

/*
 * The page's text again, its characters in the order of the lines they
 * stand on and from left to right in each, whatever order they were
 * drawn in: pieces of a number drawn right to left, or one by one out
 * of order, read as a reader sees them.  Added after the text in the
 * order drawn, which stays (it is right for text set in columns).
 */
static void
glyphs_text(struct ptext *pt)
{
	const struct glyph *last;
	struct buf b = { 0 };
	size_t	 i, j, k, e, c;

	if (pt->nglyphs == 0)
		return;
	qsort(pt->glyphs, pt->nglyphs, sizeof(*pt->glyphs), glyph_by_line);
	for (i = 0; i < pt->nglyphs; i = j) {
		/* A line: what stands within half a size of its top. */
		double	 top = pt->glyphs[i].y;

		for (j = i + 1; j < pt->nglyphs && top - pt->glyphs[j].y <=
		    0.5 * fmax(pt->glyphs[i].size, pt->glyphs[j].size); j++)
			;
		qsort(pt->glyphs + i, j - i, sizeof(*pt->glyphs), glyph_by_x);
		buf_putc(&b, '\n');
		last = NULL;
		for (k = i; k < j; k++) {
			const struct glyph *g = &pt->glyphs[k];

			if (last != NULL) {
				double	 big = fmax(g->size, last->size);

				/* The same character again on itself (bold
				 * made by printing twice) is read once. */
				if (g->len == last->len && fabs(g->x - last->x) <
				    0.2 * big && memcmp(pt->out.data + g->off,
				    pt->out.data + last->off, g->len) == 0)
					continue;
				if (g->x - last->xend > 0.2 * big ||
				    g->x < last->xend - 0.5 * big)
					buf_putc(&b, ' ');
			}
			buf_put(&b, pt->out.data + g->off, g->len);
			last = g;
		}
	}
	/* And by columns, for text set upright one character under the
	 * other or turned a quarter (a form's number along its margin):
	 * each column top to bottom, then bottom to top. */
	qsort(pt->glyphs, pt->nglyphs, sizeof(*pt->glyphs), glyph_by_column);
	for (i = 0; i < pt->nglyphs; i = j) {
		double	 left = pt->glyphs[i].x;

		for (j = i + 1; j < pt->nglyphs && pt->glyphs[j].x - left <=
		    0.25 * fmax(pt->glyphs[i].size, pt->glyphs[j].size); j++)
			;
		if (j - i < 2)
			continue;
		qsort(pt->glyphs + i, j - i, sizeof(*pt->glyphs), glyph_by_y);
		/* Characters set close under one another, not the rows of
		 * a table (a line apart). */
		for (k = i; k < j; k = e) {
			for (e = k + 1; e < j; e++) {
				double	 gap = pt->glyphs[e - 1].y -
				    pt->glyphs[e].y, big =
				    fmax(pt->glyphs[e].size,
				    pt->glyphs[e - 1].size);

				if (gap < 0.25 * big || gap > 0.9 * big)
					break;
			}
			if (e - k < 2)
				continue;
			buf_putc(&b, '\n');
			for (c = k; c < e; c++)
				buf_put(&b, pt->out.data + pt->glyphs[c].off,
				    pt->glyphs[c].len);
			buf_putc(&b, '\n');
			for (c = e; c > k; c--)
				buf_put(&b, pt->out.data +
				    pt->glyphs[c - 1].off, pt->glyphs[c - 1].len);
		}
	}
	put_text(pt, b.data, b.len);
	buf_free(&b);
}

static void
show(struct ptext *pt, struct tstate *gs, double tm[6], const char *s,
    size_t len)
{
	const struct font *f = gs->font;
	double	 x, y, size, tx, adv = 0, tm0[6];
	size_t	 i, at;
	uint32_t code;

	memcpy(tm0, tm, sizeof(tm0));
	text_at(gs, tm, &x, &y, &size);
	if (pt->started) {
		double	 big = fmax(size, pt->psize);

		if (fabs(y - pt->py) > 0.5 * big)
			put_text(pt, "\n", 1);
		else if (x - pt->px > 0.2 * big || x < pt->px - 0.5 * big)
			put_text(pt, " ", 1);
	}
	pt->started = true;
	for (i = 0; i < len; i += (size_t)(f != NULL ? f->bytes : 1)) {
		if (f == NULL) {
			pt->unread++;
			continue;
		}
		code = f->bytes == 2 && i + 1 < len ?
		    (uint32_t)(uint8_t)s[i] << 8 | (uint8_t)s[i + 1] :
		    (uint8_t)s[i];
		at = pt->out.len;
		if (pt->out.len >= PT_MAX_TEXT)
			pt->cut = true;
		else if (!code_text(f, code, &pt->out))
			pt->unread++;
		if (pt->out.len > at)
			glyph_add(pt, gs, tm, code_width(f, code) / 1000 *
			    gs->fs * gs->th, at);
		tx = (code_width(f, code) / 1000 * gs->fs + gs->tc +
		    (f->bytes == 1 && code == 32 ? gs->tw : 0)) * gs->th;
		pdf_mat_translate(tm, tx, 0);
		adv += tx;
	}
	if (len > 0)
		extent_add(pt, gs, tm0, adv);
	text_at(gs, tm, &pt->px, &pt->py, &pt->psize);
}

struct operand {
	enum pdflex_tok t;
	double	 num;
	size_t	 off, len;	/* PDFLEX_STR: in strs */
};

static void run(struct ptext *, qpdf_oh res, const unsigned char *s,
    size_t len, const double ctm[6], int depth);

/* A form XObject's text (x), its matrix applied to ctm; its own
 * resources, or res. */
static void
form_text(struct ptext *pt, qpdf_oh x, qpdf_oh res, const double ctm[6],
    int depth)
{
	qpdf_data q = pt->q;
	qpdf_oh	 dict, fres, m;
	unsigned char *data = NULL;
	size_t	 len = 0;
	double	 fctm[6], fm[6] = { 1, 0, 0, 1, 0, 0 };
	int	 i;

	dict = qpdf_oh_get_dict(q, x);
	m = qpdf_oh_get_key(q, dict, "/Matrix");
	if (qpdf_oh_is_array(q, m) && qpdf_oh_get_array_n_items(q, m) == 6)
		for (i = 0; i < 6; i++)
			fm[i] = num_of(q, qpdf_oh_get_array_item(q, m, i),
			    fm[i]);
	fres = qpdf_oh_get_key(q, dict, "/Resources");
	if (!qpdf_oh_is_dictionary(q, fres))
		fres = res;
	if (qpdf_oh_get_stream_data(q, x, qpdf_dl_generalized, NULL, &data,
	    &len) == QPDF_SUCCESS && data != NULL) {
		pdf_mat_mul(fm, ctm, fctm);
		run(pt, fres, data, len, fctm, depth + 1);
	}
	free(data);
}

/* Do: a form's text, in its place. */
static void
do_form(struct ptext *pt, qpdf_oh res, const char *name,
    const struct tstate *gs, int depth)
{
	qpdf_data q = pt->q;
	qpdf_oh	 xo, x;
	char	*key;

	if (!qpdf_oh_is_dictionary(q, res))
		return;
	if (depth >= PT_MAX_DEPTH) {
		pt->cut = true;
		return;
	}
	xo = qpdf_oh_get_key(q, res, "/XObject");
	key = xasprintf("/%s", name);
	x = qpdf_oh_get_key(q, xo, key);
	free(key);
	if (!qpdf_oh_is_stream(q, x) || !qpdf_oh_is_name_and_equals(q,
	    qpdf_oh_get_key(q, qpdf_oh_get_dict(q, x), "/Subtype"), "/Form"))
		return;
	form_text(pt, x, res, gs->ctm, depth);
}

static void
run(struct ptext *pt, qpdf_oh res, const unsigned char *s, size_t len,
    const double ctm[6], int depth)
{
	struct pdflex l = { s, len, 0, 0, PDFLEX_END, 0, { 0 } };
	struct buf strs = { 0 };
	struct operand args[PT_MAX_ARGS], arr[PT_MAX_ARGS * 4];
	struct tstate stack[PT_MAX_STACK], gs;
	double	 tm[6] = { 1, 0, 0, 1, 0, 0 }, tlm[6] = { 1, 0, 0, 1, 0, 0 };
	size_t	 nargs = 0, narr = 0, sp = 0, i;
	bool	 in_array = false;
	enum pdflex_tok t;

	memset(&gs, 0, sizeof(gs));
	memcpy(gs.ctm, ctm, sizeof(gs.ctm));
	gs.th = 1;
	while ((t = pdflex_next(&l)) != PDFLEX_END && pt->ops < PT_MAX_OPS) {
		struct operand o = { t, l.num, 0, 0 };

		if (t == PDFLEX_STR || t == PDFLEX_NAME) {
			o.off = strs.len;
			o.len = l.str.len;
			buf_put(&strs, l.str.data, l.str.len);
		}
		if (t == PDFLEX_ABEGIN) {
			in_array = true;
			narr = 0;
			continue;
		}
		if (t == PDFLEX_AEND) {
			in_array = false;
			o.t = PDFLEX_ABEGIN;	/* an array operand */
		} else if (in_array) {
			if (narr < sizeof(arr) / sizeof(arr[0]))
				arr[narr++] = o;
			continue;
		}
		if (t != PDFLEX_OP) {
			if (nargs == PT_MAX_ARGS) {
				memmove(args, args + 1, (PT_MAX_ARGS - 1) *
				    sizeof(*args));
				nargs--;
			}
			args[nargs++] = o;
			continue;
		}
		pt->ops++;
#define NUM(k)	(nargs > (k) && args[nargs - 1 - (k)].t == PDFLEX_NUM ? \
		    args[nargs - 1 - (k)].num : 0)
#define LASTSTR	(nargs > 0 && args[nargs - 1].t == PDFLEX_STR)
		if (pdflex_is(&l, "q")) {
			if (sp < PT_MAX_STACK)
				stack[sp++] = gs;
		} else if (pdflex_is(&l, "Q")) {
			if (sp > 0)
				gs = stack[--sp];
		} else if (pdflex_is(&l, "cm") && nargs >= 6) {
			double	 m[6];

			for (i = 0; i < 6; i++)
				m[i] = NUM(5 - i);
			pdf_mat_mul(m, gs.ctm, gs.ctm);
		} else if (pdflex_is(&l, "BT")) {
			memcpy(tm, (double[6]){ 1, 0, 0, 1, 0, 0 }, sizeof(tm));
			memcpy(tlm, tm, sizeof(tm));
		} else if (pdflex_is(&l, "Tf") && nargs >= 2 &&
		    args[nargs - 2].t == PDFLEX_NAME) {
			char	*name = xstrndup(strs.data +
			    args[nargs - 2].off, args[nargs - 2].len);

			gs.fs = NUM(0);
			gs.font = font_get(pt, res, name);
			free(name);
		} else if (pdflex_is(&l, "Tc"))
			gs.tc = NUM(0);
		else if (pdflex_is(&l, "Tw"))
			gs.tw = NUM(0);
		else if (pdflex_is(&l, "Tz"))
			gs.th = NUM(0) / 100;
		else if (pdflex_is(&l, "TL"))
			gs.tl = NUM(0);
		else if (pdflex_is(&l, "Ts"))
			gs.ts = NUM(0);
		else if (pdflex_is(&l, "Td") || pdflex_is(&l, "TD")) {
			if (l.str.data[1] == 'D')
				gs.tl = -NUM(0);
			pdf_mat_translate(tlm, NUM(1), NUM(0));
			memcpy(tm, tlm, sizeof(tm));
		} else if (pdflex_is(&l, "Tm") && nargs >= 6) {
			for (i = 0; i < 6; i++)
				tlm[i] = NUM(5 - i);
			memcpy(tm, tlm, sizeof(tm));
		} else if (pdflex_is(&l, "T*")) {
			pdf_mat_translate(tlm, 0, -gs.tl);
			memcpy(tm, tlm, sizeof(tm));
		} else if (pdflex_is(&l, "Tj") && LASTSTR) {
			show(pt, &gs, tm, strs.data + args[nargs - 1].off,
			    args[nargs - 1].len);
		} else if ((pdflex_is(&l, "'") || pdflex_is(&l, "\"")) &&
		    LASTSTR) {
			if (l.str.data[0] == '"') {
				gs.tw = NUM(2);
				gs.tc = NUM(1);
			}
			pdf_mat_translate(tlm, 0, -gs.tl);
			memcpy(tm, tlm, sizeof(tm));
			show(pt, &gs, tm, strs.data + args[nargs - 1].off,
			    args[nargs - 1].len);
		} else if (pdflex_is(&l, "TJ") && nargs > 0 &&
		    args[nargs - 1].t == PDFLEX_ABEGIN) {
			for (i = 0; i < narr; i++) {
				if (arr[i].t == PDFLEX_STR)
					show(pt, &gs, tm, strs.data +
					    arr[i].off, arr[i].len);
				else if (arr[i].t == PDFLEX_NUM)
					pdf_mat_translate(tm, -arr[i].num / 1000 *
					    gs.fs * gs.th, 0);
			}
		} else if (pdflex_is(&l, "Do") && nargs > 0 &&
		    args[nargs - 1].t == PDFLEX_NAME) {
			char	*name = xstrndup(strs.data +
			    args[nargs - 1].off, args[nargs - 1].len);

			do_form(pt, res, name, &gs, depth);
			free(name);
		}
		nargs = 0;
		strs.len = 0;
	}
#undef NUM
#undef LASTSTR
	if (t != PDFLEX_END)
		pt->cut = true;
	buf_free(&strs);
	buf_free(&l.str);
}

static void
ptext_free(struct ptext *pt)
{
	size_t	 i;

	for (i = 0; i < pt->nfonts; i++)
		font_free(pt->fonts[i]);
	free(pt->fonts);
	free(pt->glyphs);
	buf_free(&pt->out);
}

/* A text string of the annotation a (or a field above it), on a line
 * of its own. */
static void
annot_string(struct ptext *pt, qpdf_oh a, const char *key, bool inherit)
{
	qpdf_data q = pt->q;
	qpdf_oh	 v;
	const char *s;
	size_t	 n = 0;
	int	 up;

	for (up = 0; up < 32 && qpdf_oh_is_dictionary(q, a); up++) {
		v = qpdf_oh_get_key(q, a, key);
		if (qpdf_oh_is_string(q, v)) {
			if ((s = qpdf_oh_get_binary_utf8_value(q, v, &n)) !=
			    NULL && n > 0) {
				put_text(pt, "\n", 1);
				put_text(pt, s, n);
			}
			return;
		}
		if (!inherit)
			return;
		a = qpdf_oh_get_key(q, a, "/Parent");
	}
}

/*
 * The text of a page's annotations, as a reader sees them: the normal
 * appearance of each (in the state /AS names), and the strings a
 * viewer draws when it makes the appearance itself: a note's or a free
 * text's /Contents, a form field's value /V (written on the field
 * above the widget, too), rich text /RC.
 */
static void
annots(struct ptext *pt, qpdf_oh page)
{
	qpdf_data q = pt->q;
	qpdf_oh	 list = qpdf_oh_get_key(q, page, "/Annots"), a, ap, n, as;
	double	 ctm[6] = { 1, 0, 0, 1, 0, 0 };
	int	 i, k;

	if (!qpdf_oh_is_array(q, list))
		return;
	k = qpdf_oh_get_array_n_items(q, list);
	for (i = 0; i < k && pt->out.len < PT_MAX_TEXT; i++) {
		a = qpdf_oh_get_array_item(q, list, i);
		if (!qpdf_oh_is_dictionary(q, a))
			continue;
		ap = qpdf_oh_get_key(q, a, "/AP");
		n = qpdf_oh_is_dictionary(q, ap) ? qpdf_oh_get_key(q, ap,
		    "/N") : qpdf_oh_new_null(q);
		if (qpdf_oh_is_dictionary(q, n) && !qpdf_oh_is_stream(q, n)) {
			as = qpdf_oh_get_key(q, a, "/AS");
			n = qpdf_oh_is_name(q, as) ? qpdf_oh_get_key(q, n,
			    qpdf_oh_get_name(q, as)) : qpdf_oh_new_null(q);
		}
		if (qpdf_oh_is_stream(q, n)) {
			put_text(pt, "\n", 1);
			pt->started = false;
			form_text(pt, n, qpdf_oh_new_null(q), ctm, 0);
		}
		annot_string(pt, a, "/Contents", false);
		annot_string(pt, a, "/RC", false);
		annot_string(pt, a, "/V", true);
	}
}

char *
pdfin_page_text(qpdf_data q, qpdf_oh page, const unsigned char *content,
    size_t len, size_t *unread)
{
	return pdfin_page_text_extent(q, page, content, len, unread, NULL);
}

char *
pdfin_page_text_extent(qpdf_data q, qpdf_oh page,
    const unsigned char *content, size_t len, size_t *unread, double ext[4])
{
	struct ptext pt;
	double	 ctm[6] = { 1, 0, 0, 1, 0, 0 };
	char	*r;

	memset(&pt, 0, sizeof(pt));
	pt.q = q;
	run(&pt, qpdf_oh_get_key(q, page, "/Resources"), content, len, ctm,
	    0);
	/* The extent is of the content only: a pack shows no annotations. */
	if (ext != NULL && pt.anyext)
		memcpy(ext, pt.ext, sizeof(pt.ext));
	else if (ext != NULL)
		ext[0] = ext[1] = ext[2] = ext[3] = 0;
	annots(&pt, page);
	glyphs_text(&pt);
	*unread = pt.cut ? PDFIN_UNREAD_CUT : pt.unread;
	buf_put(&pt.out, "", 0);
	r = buf_detach(&pt.out);
	ptext_free(&pt);
	return r;
}

/* ------------------------------------------------------------------ */
/* Every string. */

struct walk {
	qpdf_data	 q;
	struct buf	*out;
	struct idset	 seen;		/* objects walked */
	size_t		 objects;
	bool		 cut;	/* a limit stopped the walk */
};

static void
walk(struct walk *w, qpdf_oh o, int depth)
{
	qpdf_data q = w->q;
	int	 id = qpdf_oh_get_object_id(q, o), i, n;

	/* Deep enough for any real chain (an outline's /Next runs one
	 * deeper per entry), shallow enough for the stack. */
	if (depth > PT_MAX_WALK || w->objects++ > 4000000 ||
	    w->out->len > PT_MAX_TEXT) {
		w->cut = true;
		return;
	}
	if (id != 0 && idset_add(&w->seen, id))
		return;
	if (qpdf_oh_is_string(q, o)) {
		size_t	 len = 0;
		const char *s = qpdf_oh_get_binary_utf8_value(q, o, &len);

		if (s != NULL) {
			buf_put(w->out, s, len);
			buf_put(w->out, "\n", 1);
		}
	} else if (qpdf_oh_is_array(q, o)) {
		n = qpdf_oh_get_array_n_items(q, o);
		for (i = 0; i < n; i++)
			walk(w, qpdf_oh_get_array_item(q, o, i), depth + 1);
	} else if (qpdf_oh_is_dictionary(q, o) || qpdf_oh_is_stream(q, o)) {
		qpdf_oh	 d = qpdf_oh_is_stream(q, o) ? qpdf_oh_get_dict(q, o) :
		    o;
		char	**keys = NULL;
		size_t	 nk = 0, k;

		/* XMP: the stream's text. */
		if (qpdf_oh_is_stream(q, o) && qpdf_oh_is_name_and_equals(q,
		    qpdf_oh_get_key(q, d, "/Type"), "/Metadata")) {
			unsigned char *data = NULL;
			size_t	 len = 0;

			if (qpdf_oh_get_stream_data(q, o, qpdf_dl_generalized,
			    NULL, &data, &len) == QPDF_SUCCESS && data != NULL) {
				if (w->out->len + len <= PT_MAX_TEXT) {
					buf_put(w->out, (const char *)data, len);
					buf_put(w->out, "\n", 1);
				} else
					w->cut = true;
			}
			free(data);
		}
		/* The iterator is one per qpdf_data: keys first. */
		qpdf_oh_begin_dict_key_iter(q, d);
		while (qpdf_oh_dict_more_keys(q)) {
			keys = xrealloc(keys, (nk + 1) * sizeof(*keys));
			keys[nk++] = xstrdup(qpdf_oh_dict_next_key(q));
		}
		for (k = 0; k < nk; k++) {
			/* Up the page tree is walked from the top. */
			if (strcmp(keys[k], "/Parent") != 0 &&
			    strcmp(keys[k], "/P") != 0)
				walk(w, qpdf_oh_get_key(q, d, keys[k]),
				    depth + 1);
			free(keys[k]);
		}
		free(keys);
	}
	qpdf_oh_release(q, o);
}

char *
pdfin_strings(qpdf_data q, bool *cut)
{
	struct buf b = { 0 };
	struct walk w;

	memset(&w, 0, sizeof(w));
	w.q = q;
	w.out = &b;
	walk(&w, qpdf_get_trailer(q), 0);
	*cut = w.cut;
	idset_free(&w.seen);
	buf_put(&b, "", 0);
	return buf_detach(&b);
}

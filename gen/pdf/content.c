/*
 * Page content streams, written as raw operators (graphics too, so that
 * items keep their order): libharu's text functions cannot justify
 * with 2-byte fonts (Tw only applies to the single byte 32) and format
 * numbers slowly.  Graphics state is tracked so that fonts and colours
 * are set only when they change.
 *
 * Fonts use Identity-H with codes = Unicode BMP code points (what
 * libharu's UTF-8 fonts use): each character is two bytes.
 */
#include <math.h>
#include <string.h>

#include "pdf_private.h"

/* Lengths in 1/100 pt, colours in 1/1000: exact comparisons, no drift. */
struct cstate {
	struct buf	*b;
	bool		 in_text;
	long		 lx, ly;	/* text line origin */
	int		 face;		/* -1: none set */
	long		 size;
	long		 fill;		/* packed rgb, -1: unset */
	long		 stroke;
	long		 lwidth;	/* -1: unset */
	bool		 path;		/* an unstroked path is open */
	/* Marked content (tags.c): the open sequence's element or
	 * TAG_ARTIFACT, and whether it began inside BT ... ET. */
	struct pdf_writer *w;
	size_t		 page;
	const struct pitem *items;
	bool		 mc_open;
	bool		 mc_in_text;
	int		 mc_elem;
};

static long
fixed(double v, double scale)
{
	v *= scale;
	return isfinite(v) && fabs(v) < 1e15 ? lround(v) : 0;
}

/* Appends v / 10^dec without trailing zeros. */
static void
put_fixed(struct buf *b, long v, int dec)
{
	char	 tmp[32], *e = tmp + sizeof(tmp), *p = e;
	bool	 neg = v < 0, digits = false;
	unsigned long u = neg ? 0UL - (unsigned long)v : (unsigned long)v;
	int	 i;

	for (i = 0; i < dec; i++) {
		if (digits || u % 10 != 0) {
			*--p = (char)('0' + u % 10);
			digits = true;
		}
		u /= 10;
	}
	if (digits)
		*--p = '.';
	do {
		*--p = (char)('0' + u % 10);
		u /= 10;
	} while (u != 0);
	if (neg && !(p[0] == '0' && p + 1 == e))
		*--p = '-';
	buf_grow(b, (size_t)(e - p) + 1);
	memcpy(b->data + b->len, p, (size_t)(e - p));
	b->len += (size_t)(e - p);
	b->data[b->len++] = ' ';
	b->data[b->len] = '\0';
}

static void
put_op(struct buf *b, const char *op)
{
	buf_puts(b, op);
}

/* An ASCII text as a literal string; other bytes as octal escapes. */
static void
put_string(struct buf *b, const char *s)
{
	buf_putc(b, '(');
	for (; *s != '\0'; s++) {
		if (*s == '(' || *s == ')' || *s == '\\') {
			buf_putc(b, '\\');
			buf_putc(b, *s);
		} else if ((unsigned char)*s < 0x20 ||
		    (unsigned char)*s > 0x7e)
			buf_printf(b, "\\%03o", (unsigned char)*s);
		else
			buf_putc(b, *s);
	}
	buf_putc(b, ')');
}

static long
pack_rgb(const struct rgb *c)
{
	long	 r = fixed(c->r, 1000), g = fixed(c->g, 1000),
		 bl = fixed(c->b, 1000);

	r = r < 0 ? 0 : r > 1000 ? 1000 : r;
	g = g < 0 ? 0 : g > 1000 ? 1000 : g;
	bl = bl < 0 ? 0 : bl > 1000 ? 1000 : bl;
	return (r * 1001 + g) * 1001 + bl;
}

static void
put_rgb(struct buf *b, long packed, const char *op)
{
	put_fixed(b, packed / (1001 * 1001), 3);
	put_fixed(b, packed / 1001 % 1001, 3);
	put_fixed(b, packed % 1001, 3);
	put_op(b, op);
}

static void
end_path(struct cstate *s)
{
	if (s->path) {
		put_op(s->b, "S\n");
		s->path = false;
	}
}

/* A sequence begun inside a text object ends inside it. */
static void
end_mc(struct cstate *s)
{
	if (s->mc_open) {
		put_op(s->b, "EMC\n");
		s->mc_open = false;
	}
}

static void
end_text(struct cstate *s)
{
	if (s->in_text) {
		if (s->mc_open && s->mc_in_text)
			end_mc(s);
		put_op(s->b, "ET\n");
		s->in_text = false;
	}
}

static void
begin_text(struct cstate *s)
{
	if (!s->in_text) {
		put_op(s->b, "BT\n");
		s->in_text = true;
		s->lx = s->ly = 0;
	}
}

/*
 * Puts the item in the marked-content sequence of its structure
 * element (a new MCID), or in an Artifact.  Never inside a path: the
 * open one is painted first.  A sequence begun outside a text object
 * that holds one is closed after its ET.  Text items are left inside
 * BT.
 */
static void
mark(struct cstate *s, const struct pitem *it, bool text)
{
	struct pdf_writer *w = s->w;
	int	 e, mcid;

	if (w == NULL || w->tags == NULL)
		goto out;
	e = pdf_tag_elem(w, s->page, (size_t)(it - s->items));
	if (s->mc_open && s->mc_elem == e)
		goto out;
	end_path(s);
	if (s->mc_open) {
		if (!s->mc_in_text && s->in_text)
			end_text(s);
		end_mc(s);
	}
	if (text)
		begin_text(s);
	if (e == TAG_NONE)
		return;
	if (e < TAG_NONE)
		put_op(s->b, pdf_tag_artifact(e));
	else {
		mcid = pdf_tag_mcid(w, s->page, e);
		buf_putc(s->b, '/');
		buf_puts(s->b, pdf_tag_type(w, e));
		buf_puts(s->b, " <</MCID ");
		put_fixed(s->b, mcid, 0);
		put_op(s->b, ">> BDC\n");
	}
	s->mc_open = true;
	s->mc_elem = e;
	s->mc_in_text = s->in_text;
out:
	if (text)
		begin_text(s);
}

static void
set_fill(struct cstate *s, const struct rgb *c)
{
	long	 v = pack_rgb(c);

	if (v != s->fill) {
		end_path(s);
		put_rgb(s->b, v, "rg\n");
		s->fill = v;
	}
}

/*
 * Appends one code as two bytes of a literal string.  Bytes that would
 * end the string, escape or be read as a line end are escaped.
 */
static inline void
put_code(char **pp, uint16_t code)
{
	char	*p = *pp;
	unsigned char c[2] = { (unsigned char)(code >> 8),
	    (unsigned char)code };
	int	 i;

	for (i = 0; i < 2; i++) {
		switch (c[i]) {
		case '(':
		case ')':
		case '\\':
			*p++ = '\\';
			*p++ = (char)c[i];
			break;
		case '\r':
			*p++ = '\\';
			*p++ = 'r';
			break;
		default:
			*p++ = (char)c[i];
			break;
		}
	}
	*pp = p;
}

/*
 * Unicode code point to font code: the BMP only (libharu's CID maps
 * stop there); controls and the rest become U+FFFD, reported once.
 */
static uint16_t
to_code(struct pdf_writer *w, uint32_t cp, size_t page)
{
	if (cp >= 0x20 && cp <= 0xffff && !(cp >= 0x7f && cp < 0xa0))
		return (uint16_t)cp;
	if (!w->warned_cp) {
		diag(DIAG_WARNING, w->path, 0, 0, "page %zu: character "
		    "U+%04X cannot be shown; replaced by U+FFFD", page + 1,
		    (unsigned)cp);
		w->warned_cp = true;
	}
	return 0xfffd;
}

static int
text(struct pdf_writer *w, struct cstate *s, const struct pitem *it,
    size_t page)
{
	struct buf *b = s->b;
	struct pdf_face *f;
	int	 face;
	const char *t = it->text ? it->text : "";
	size_t	 len = strlen(t), i, n;
	long	 x, y, size, adj = 0;
	uint32_t cp;
	uint16_t code;
	char	*p;
	unsigned tf = 0;
	bool	 split = false;

	if (len == 0)
		return 1;
	if ((face = pdf_face_get(w, it->face)) < 0)
		return 0;
	f = &w->faces[face];
	end_path(s);
	mark(s, it, true);
	size = fixed(it->size, 100);
	if (face != s->face || size != s->size) {
		if (w->fontnames[face] == NULL) {
			w->fontnames[face] = HPDF_Page_GetLocalFontName(
			    w->hpages[page], f->font);
			if (w->fontnames[face] == NULL)
				return pdf_ok(w, "adding a font to a page");
		}
		buf_putc(b, '/');
		buf_puts(b, w->fontnames[face]);
		buf_putc(b, ' ');
		put_fixed(b, size, 2);
		put_op(b, "Tf\n");
		s->face = face;
		s->size = size;
	}
	set_fill(s, &it->color);
	x = fixed(it->x, 100);
	y = fixed(it->y, 100);
	if (x != s->lx || y != s->ly) {
		put_fixed(b, x - s->lx, 2);
		put_fixed(b, y - s->ly, 2);
		put_op(b, "Td\n");
		s->lx = x;
		s->ly = y;
	}

	/* TJ adjustments are in 1/1000 text space units, negative moves
	 * right; kept to 1/10.  Justified lines may also have shrunk their
	 * spaces (space_extra < 0). */
	if (it->space_extra != 0 && it->size > 0)
		adj = -fixed(it->space_extra * 1000.0 / it->size, 10);

	/* Tagged: a hyphen layout added is no part of the word in the
	 * logical text (an artifact: text extraction that ignores tags
	 * still sees it and joins the word itself), and a line's last
	 * word keeps the space that the line end took (a space glyph
	 * after it). */
	if (w->tags != NULL) {
		tf = pdf_tag_flags(w, page, (size_t)(it - s->items));
		/* The element's sequence must end inside this BT. */
		if (it->hyphen_added && len > 1 && t[len - 1] == '-' &&
		    s->mc_open && s->mc_in_text && s->mc_elem >= 0) {
			split = true;
			len--;
		}
	}

	/* Shown as one thing, copied as another (a minus sign typed as
	 * '-'): text extraction and assistive technology take the
	 * marked content's /ActualText. */
	if (it->actual != NULL) {
		buf_puts(b, "/Span <</ActualText ");
		put_string(b, it->actual);
		put_op(b, ">> BDC\n");
	}
	/* Worst case: 4 bytes a character, 16 an adjustment. */
	buf_grow(b, len * 20 + 128);
	p = b->data + b->len;
	*p++ = adj ? '[' : '(';
	if (adj)
		*p++ = '(';
	for (i = 0; i < len; i += n) {
		if ((n = utf8_decode(t + i, len - i, &cp)) == 0) {
			n = 1;
			cp = 0xfffd;
		}
		code = to_code(w, cp, page);
		pdf_face_use(f, code);
		put_code(&p, code);
		if (code == ' ' && adj && i + n < len) {
			*p++ = ')';
			b->len = (size_t)(p - b->data);
			put_fixed(b, adj, 1);
			b->len--;	/* no space needed before '(' */
			p = b->data + b->len;
			*p++ = '(';
		}
	}
	if (tf & TAGF_SPACE) {
		pdf_face_use(f, ' ');
		put_code(&p, ' ');
	}
	*p++ = ')';
	if (adj) {
		memcpy(p, "]TJ\n", 4);
		p += 4;
	} else {
		memcpy(p, "Tj\n", 3);
		p += 3;
	}
	if (split) {
		static const char hy[] =
		    "EMC\n/Artifact <</Type /Layout>> BDC\n(";

		memcpy(p, hy, sizeof(hy) - 1);
		p += sizeof(hy) - 1;
		pdf_face_use(f, '-');
		put_code(&p, '-');
		memcpy(p, ")Tj\nEMC\n", 8);
		p += 8;
	}
	b->len = (size_t)(p - b->data);
	b->data[b->len] = '\0';
	if (it->actual != NULL)
		put_op(b, "EMC\n");
	/* The word goes on in a sequence of its own. */
	if (split)
		s->mc_open = false;
	return 1;
}

static void
line(struct cstate *s, const struct pitem *it)
{
	struct buf *b = s->b;
	long	 lw = fixed(it->line_width, 100), v = pack_rgb(&it->color);

	if (it->line_width < 0)
		return;
	end_text(s);
	mark(s, it, false);
	if (lw != s->lwidth || v != s->stroke)
		end_path(s);
	if (lw != s->lwidth) {
		put_fixed(b, lw, 2);
		put_op(b, "w\n");
		s->lwidth = lw;
	}
	if (v != s->stroke) {
		put_rgb(b, v, "RG\n");
		s->stroke = v;
	}
	put_fixed(b, fixed(it->x, 100), 2);
	put_fixed(b, fixed(it->y, 100), 2);
	put_op(b, "m ");
	put_fixed(b, fixed(it->x + it->w, 100), 2);
	put_fixed(b, fixed(it->y + it->h, 100), 2);
	put_op(b, "l\n");
	s->path = true;
}

static void
rect(struct cstate *s, const struct pitem *it)
{
	struct buf *b = s->b;

	end_text(s);
	end_path(s);
	mark(s, it, false);
	set_fill(s, &it->color);
	put_fixed(b, fixed(it->x, 100), 2);
	put_fixed(b, fixed(it->y, 100), 2);
	put_fixed(b, fixed(it->w, 100), 2);
	put_fixed(b, fixed(it->h, 100), 2);
	put_op(b, "re f\n");
}

static void
put_point(struct buf *b, double x, double y)
{
	put_fixed(b, fixed(x, 100), 2);
	put_fixed(b, fixed(y, 100), 2);
}

/*
 * Paths and circles set their own colours, width, dash and joins
 * inside q ... Q: the state tracked for text and rules is the same
 * afterwards.
 */
static bool
shape_begin(struct cstate *s, const struct pitem *it)
{
	struct buf *b = s->b;

	if (!it->filled && !(it->stroked && it->line_width > 0))
		return false;
	end_text(s);
	end_path(s);
	mark(s, it, false);
	put_op(b, "q\n");
	if (it->filled)
		put_rgb(b, pack_rgb(&it->color), "rg\n");
	if (it->stroked && it->line_width > 0) {
		put_rgb(b, pack_rgb(&it->stroke), "RG\n");
		put_fixed(b, fixed(it->line_width, 100), 2);
		put_op(b, "w 1 j\n");	/* round joins: no spikes */
		if (it->dash_on > 0 && it->dash_off > 0) {
			put_op(b, "[");
			put_fixed(b, fixed(it->dash_on, 100), 2);
			put_fixed(b, fixed(it->dash_off, 100), 2);
			put_op(b, "] 0 d\n");
		}
	}
	return true;
}

static void
shape_end(struct cstate *s, const struct pitem *it, bool closed)
{
	bool	 stroke = it->stroked && it->line_width > 0;

	if (it->filled && stroke)
		put_op(s->b, closed ? "b Q\n" : "B Q\n");
	else if (it->filled)
		put_op(s->b, "f Q\n");
	else
		put_op(s->b, closed ? "s Q\n" : "S Q\n");
}

static void
path(struct cstate *s, const struct pitem *it)
{
	struct buf *b = s->b;
	size_t	 i;

	if (it->pts == NULL || it->npts < 2 || !shape_begin(s, it))
		return;
	for (i = 0; i < it->npts; i++) {
		put_point(b, (double)it->x + it->pts[2 * i],
		    (double)it->y + it->pts[2 * i + 1]);
		put_op(b, i == 0 ? "m " : i + 1 < it->npts ? "l " : "l\n");
	}
	shape_end(s, it, it->closed);
}

/* Four Bezier quarters; k places the control points. */
static void
circle(struct cstate *s, const struct pitem *it)
{
	struct buf *b = s->b;
	double	 x = it->x, y = it->y, r = it->w, k = r * 0.5522847498;

	if (!(r > 0) || !shape_begin(s, it))
		return;
	put_point(b, x + r, y);
	put_op(b, "m\n");
	put_point(b, x + r, y + k);
	put_point(b, x + k, y + r);
	put_point(b, x, y + r);
	put_op(b, "c\n");
	put_point(b, x - k, y + r);
	put_point(b, x - r, y + k);
	put_point(b, x - r, y);
	put_op(b, "c\n");
	put_point(b, x - r, y - k);
	put_point(b, x - k, y - r);
	put_point(b, x, y - r);
	put_op(b, "c\n");
	put_point(b, x + k, y - r);
	put_point(b, x + r, y - k);
	put_point(b, x + r, y);
	put_op(b, "c\n");
	shape_end(s, it, true);
}

/* An image scaled into its box: the XObject is shared by all pages. */
static int
image(struct pdf_writer *w, struct cstate *s, const struct pitem *it,
    size_t page)
{
	struct buf *b = s->b;
	HPDF_Image img;
	const char *name;

	if (!(it->w > 0 && it->h > 0)) {
		diag(DIAG_ERROR, it->text, 0, 0, "cannot place the image in "
		    "a box of %g x %g points", (double)it->w, (double)it->h);
		return 0;
	}
	if ((img = pdf_image_get(w, it->text)) == NULL)
		return 0;
	if ((name = HPDF_Page_GetXObjectName(w->hpages[page], img)) ==
	    NULL) {
		if (pdf_ok(w, "adding an image to a page"))
			diag(DIAG_ERROR, w->path, 0, 0, "cannot write PDF: "
			    "cannot add an image to page %zu", page + 1);
		return 0;
	}
	end_text(s);
	end_path(s);
	mark(s, it, false);
	put_op(b, "q ");
	put_fixed(b, fixed(it->w, 100), 2);
	put_op(b, "0 0 ");
	put_fixed(b, fixed(it->h, 100), 2);
	put_point(b, it->x, it->y);
	put_op(b, "cm /");
	put_op(b, name);
	put_op(b, " Do Q\n");
	return 1;
}

int
pdf_page_content(struct pdf_writer *w, size_t page)
{
	const struct page *pg = &w->pages->v[page];
	struct cstate s;
	size_t	 i;

	memset(&s, 0, sizeof(s));
	s.b = &w->content;
	s.w = w;
	s.page = page;
	s.items = pg->items;
	s.face = -1;
	s.fill = s.stroke = s.lwidth = -1;
	buf_reset(s.b);
	if (w->fontnames == NULL)
		w->fontnames = xcalloc(w->nfaces ? w->nfaces : 1,
		    sizeof(*w->fontnames));
	memset(w->fontnames, 0, (w->nfaces ? w->nfaces : 1) *
	    sizeof(*w->fontnames));

	/* The initial fill colour is black: say so only if it changes. */
	{
		struct rgb black = { 0, 0, 0 };

		s.fill = s.stroke = pack_rgb(&black);
	}

	/* A scanned page drawn under this one: its Figure comes first. */
	if (w->tags != NULL && pg->external != NULL)
		pdf_tag_scan(w, page);
	for (i = 0; i < pg->nitems; i++) {
		const struct pitem *it = &pg->items[i];

		switch (it->kind) {
		case PITEM_TEXT:
			if (!text(w, &s, it, page))
				return 0;
			break;
		case PITEM_LINE:
			line(&s, it);
			break;
		case PITEM_RECT:
			rect(&s, it);
			break;
		case PITEM_LINK:
			break;	/* annotations: outline.c */
		case PITEM_PATH:
			path(&s, it);
			break;
		case PITEM_CIRCLE:
			circle(&s, it);
			break;
		case PITEM_IMAGE:
			if (!image(w, &s, it, page))
				return 0;
			break;
		}
	}
	end_path(&s);
	end_text(&s);
	end_mc(&s);
	if (w->tags != NULL && !pdf_tag_page(w, page))
		return 0;
	if (!pdf_content_put(w, page, s.b->data, s.b->len))
		return 0;
	return pdf_ok(w, "writing page content");
}

/*
 * Tables: column widths from the cells' content, rows as unbreakable
 * boxes (split between lines only when one alone is taller than a
 * page), the caption and header rows repeated on every page the table
 * continues on, decimal commas aligned, status symbols that differ in
 * shape as well as colour.
 *
 * Cell contents are ordinary blocks laid out by the paginator's own
 * code into a scratch list at the cell's width; their lines become
 * the cell's boxes, placed into the row's element.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "layout.h"
#include "layout_private.h"

#define MAX_COLS	64
#define MAX_ROWS	200000
#define PAD_DEFAULT	3.0f	/* cell padding when no style sets one */
#define FRAME_DEFAULT	0.75f	/* rules framing the header, no style */
#define SYM_SIZE	0.7f	/* status symbol, in em */
#define SYM_GAP		0.45f	/* between symbol and text, in em */
#define LABEL_GAP	0.4f	/* list marker to text, in em (paginate.c) */
#define EPS		0.01f
#define MIN_SPLIT_ROWS	2	/* body rows on either side of a break */
#define SIZE_STEP	0.5f	/* a table too wide is set smaller by it */

/* A line (or rule) of a cell's content. */
struct cbox {
	float		 gap;		/* space above; none at a chunk top */
	float		 h;
	size_t		 it0, nit;	/* into T->it; y from the box top */
};

struct tcell {
	const struct table_cell *c;
	size_t		 row, rows;	/* first row, rows spanned */
	size_t		 col, cols;
	enum cell_align	 align;		/* in effect */
	float		 pad;
	float		 indent;	/* "Varav" rows: first column */
	float		 symw;		/* status symbol and its gap */
	float		 size;		/* of the first block's text */
	float		 min, pref;	/* outer widths */
	/* Decimal columns: widest part up to the end of the comma and
	 * after it; widest comma-less number and word. */
	float		 intw, fracw, plainw, wordw, commaw;
	bool		 comma;
	/* Laid out. */
	size_t		 b0, nb;	/* boxes in T->bx */
	float		 h;		/* content, without padding */
};

struct trow {
	size_t		 c0, nc;	/* cells starting in the row */
	float		 h;
};

struct tl {
	struct lay	*L;
	const struct block *b;
	const struct table *t;
	struct lay	 S;		/* scratch list for cell contents */
	struct tcell	*cells;
	size_t		 ncells;
	struct trow	*rows;
	float		*colx, *colw, *colmin, *colpref;
	float		*intw, *fracw;	/* decimal columns */
	float		*gutter;	/* decimal columns: white added left */
	float		*headw;		/* decimal columns: header unwrapped */
	bool		*comma;
	float		 x0, w;		/* the table's extent */
	float		 avail;		/* height of a page's text area */
	/* A table too wide for the text: its cells' styles scaled down
	 * (1: as the template has them), on landscape pages (land). */
	float		 scale;
	bool		 land;
	float		 summin;	/* least width of the columns */
	float		 size;		/* largest cell text size */
	size_t		 cont;		/* 1-based into L->cont; 0: none */
	float		 conth;
	struct pitem	*it;		/* cell items of the current rows */
	size_t		 nit, capit;
	struct cbox	*bx;
	size_t		 nbx, capbx;
};

/* ------------------------------------------------------------------ */
/* Measuring. */

/* Width of cp in face at size, taking the fallback family as the line
 * breaker does; 0 if neither has it (the line breaker reports that). */
static float
cpw(const struct tl *T, int face, uint32_t cp, float size)
{
	const struct doc *d = T->L->doc;
	int	 u = fontset_width(T->L->fs, face, cp);

	if (u < 0 && d->fallback_family >= 0)
		u = fontset_width(T->L->fs, d->fallback_family * 4 + face % 4,
		    cp);
	return u < 0 ? 0.0f : (float)u * size / 1000.0f;
}

/* Width of s[0..len) in one face, with space_extra after each space. */
static float
textw(const struct tl *T, int face, float size, float extra, const char *s,
    size_t len)
{
	size_t	 i, n;
	uint32_t c;
	float	 w = 0;

	for (i = 0; i < len; i += n) {
		if ((n = utf8_decode(s + i, len - i, &c)) == 0) {
			n = 1;
			continue;
		}
		w += cpw(T, face, c, size);
		if (c == ' ')
			w += extra;
	}
	return w;
}

/*
 * The widest piece of a paragraph no line break may split: words, and
 * numbers with the spaces the line breaker keeps.  Hyphenation could
 * split words further, but a column narrower than its widest word
 * reads badly, so this is a column's least width.
 */
static float
minword(const struct tl *T, const struct style *st, const struct span *sp)
{
	const char *s;
	size_t	 i, n, len;
	uint32_t c;
	float	 best = 0, cur = 0;
	int	 face;
	bool	 nb;

	for (; sp != NULL; sp = sp->next) {
		if (sp->kind == SPAN_BREAK) {
			cur = 0;
			continue;
		}
		s = sp->kind == SPAN_PAGEREF ? "888" : sp->text;
		if (s == NULL)
			continue;
		nb = sp->kind == SPAN_PAGEREF || (sp->flags & SPAN_NOBREAK);
		face = lb_face(T->L->doc, st, sp->flags);
		len = strlen(s);
		for (i = 0; i < len; i += n) {
			if ((n = utf8_decode(s + i, len - i, &c)) == 0) {
				n = 1;
				continue;
			}
			if ((c == ' ' || c == '\t' || c == '\n' || c == '\r') &&
			    !nb && !lb_number_space(s, i, len)) {
				cur = 0;
				continue;
			}
			cur += cpw(T, face, c, st->size);
			if (cur > best)
				best = cur;
		}
	}
	return best;
}

/* True if a comma-less line reads as a number ("1 250", "−3", "?"):
 * such lines end where the integer parts end. */
static bool
numeric(const char *s)
{
	size_t	 i, n, len = strlen(s);
	uint32_t c;
	bool	 any = false;

	for (i = 0; i < len; i += n) {
		if ((n = utf8_decode(s + i, len - i, &c)) == 0)
			return false;
		if (c >= '0' && c <= '9')
			any = true;
		else if (c != ' ' && c != 0xa0 && c != 0x202f && c != 0x2009 &&
		    c != 0x2212 && c != '-' && c != '+' && c != '%')
			return false;
	}
	return any;
}

/*
 * A cell's paragraph style at the table's scale, in *buf when the
 * table is set smaller: sizes, leading, spaces and indents shrink
 * together, rules keep their width.  Figure tables, the only ones
 * set smaller, hold paragraphs in their cells.
 */
static const struct style *
tstyle(const struct tl *T, const struct style *st, struct style *buf)
{
	if (st == NULL || T->scale == 1)
		return st;
	*buf = *st;
	buf->size *= T->scale;
	buf->leading *= T->scale;
	buf->space_before *= T->scale;
	buf->space_after *= T->scale;
	buf->indent_left *= T->scale;
	buf->indent_right *= T->scale;
	buf->first_indent *= T->scale;
	buf->label_width *= T->scale;
	buf->trailer_width *= T->scale;
	buf->padding *= T->scale;
	return buf;
}

/* The decimal parts of line l of L->lb after lay_oneline(). */
static void
measure_decimal(struct tl *T, struct tcell *tc, const struct style *st,
    size_t l)
{
	const struct lb *lb = T->L->lb;
	const struct lb_line *ln = &lb->lines[l];
	const struct lb_run *r;
	struct buf all = { 0 };
	const char *cm;
	size_t	 i;
	float	 end = -1, off = 0;

	/* Runs stand where the style's alignment put them on the
	 * unbounded measuring line: measure from the line's start. */
	if (ln->nruns > 0) {
		r = &lb->runs[ln->run0 + ln->nruns - 1];
		off = r->x + r->w - ln->width;
	}
	for (i = 0; i < ln->nruns; i++) {
		r = &lb->runs[ln->run0 + i];
		buf_puts(&all, r->text);
		if ((cm = strrchr(r->text, ',')) != NULL)
			end = r->x - off + textw(T, r->face, st->size,
			    r->space_extra, r->text,
			    (size_t)(cm - r->text) + 1);
	}
	if (end >= 0) {
		tc->comma = true;
		if (end > tc->intw)
			tc->intw = end;
		if (ln->width - end > tc->fracw)
			tc->fracw = ln->width - end;
	} else if (all.data != NULL && numeric(all.data)) {
		if (ln->width > tc->plainw)
			tc->plainw = ln->width;
	} else if (ln->width > tc->wordw)
		tc->wordw = ln->width;
	buf_free(&all);
}

/* Least and natural widths of a chain of blocks, `ind' in from the
 * cell's inner box.  Returns 0 after reporting. */
static int
measure(struct tl *T, struct tcell *tc, const struct block *b, float ind,
    bool decimal)
{
	const struct style *st;
	const struct block *c;
	struct style sbuf;
	float	 w, lw, in;
	size_t	 l;

	for (; b != NULL; b = b->next) {
		st = b->kind == BLOCK_PARA || b->kind == BLOCK_HEADING ||
		    b->kind == BLOCK_CODE ? tstyle(T, b->style, &sbuf) :
		    b->style;
		switch (b->kind) {
		case BLOCK_PARA:
		case BLOCK_HEADING:
		case BLOCK_CODE:
			if (st == NULL) {
				diag(DIAG_ERROR, b->pos.file, b->pos.line,
				    b->pos.col, "table cell text without a "
				    "style: the template must style every "
				    "cell's paragraphs");
				return 0;
			}
			if (tc->size == 0)
				tc->size = st->size;
			in = ind + st->indent_left + st->indent_right +
			    st->label_width + st->trailer_width;
			if (!lay_oneline(T->L, st, b->spans))
				return 0;
			for (l = 0; l < T->L->lb->nlines; l++) {
				w = T->L->lb->lines[l].width + in +
				    (l == 0 && st->first_indent > 0 ?
				    st->first_indent : 0);
				if (w > tc->pref)
					tc->pref = w;
				if (decimal)
					measure_decimal(T, tc, st, l);
			}
			/* The line breaker needs a measure of one em. */
			w = minword(T, st, b->spans);
			if (w < st->size)
				w = st->size;
			if (w + in > tc->min)
				tc->min = w + in;
			if (decimal && tc->commaw == 0)
				tc->commaw = cpw(T, lb_face(T->L->doc, st, 0),
				    ',', st->size);
			break;
		case BLOCK_LIST:
			/* One marker column for all items (paginate.c). */
			lw = 0;
			for (c = b->children; c != NULL; c = c->next) {
				if (c->style == NULL)
					continue;
				if (c->style->label_width > lw)
					lw = c->style->label_width;
				if (c->label == NULL)
					continue;
				if (!lay_oneline(T->L, c->style, c->label))
					return 0;
				if (T->L->lb->nlines > 0 &&
				    T->L->lb->lines[0].width + LABEL_GAP *
				    c->style->size > lw)
					lw = T->L->lb->lines[0].width +
					    LABEL_GAP * c->style->size;
			}
			for (c = b->children; c != NULL; c = c->next)
				if (!measure(T, tc, c->children, ind + lw,
				    false))
					return 0;
			break;
		case BLOCK_ITEM:
			if (!measure(T, tc, b->children, ind + (st != NULL ?
			    st->label_width : 0), false))
				return 0;
			break;
		case BLOCK_QUOTE:
			if (!measure(T, tc, b->children, ind + (st != NULL ?
			    st->indent_left + st->indent_right : 0), false))
				return 0;
			break;
		default:
			break;
		}
	}
	return 1;
}

/* The padding of a cell: its own style's, its row's, the table's. */
static float
padding(const struct table *t, const struct table_row *r,
    const struct table_cell *c)
{
	if (c->style != NULL && c->style->has_padding)
		return c->style->padding;
	if (r->style != NULL && r->style->has_padding)
		return r->style->padding;
	if (t->style != NULL && t->style->has_padding)
		return t->style->padding;
	return PAD_DEFAULT;
}

/* Checks the table's shape and makes its cells.  Returns 0 after
 * reporting. */
static int
cells(struct tl *T)
{
	const struct table *t = T->t;
	const struct srcpos *p = t->pos.file != NULL ? &t->pos : &T->b->pos;
	const struct table_row *r;
	const struct table_cell *c;
	struct tcell *tc;
	size_t	*until, i, k, n = 0, end, j;

	if (t->ncols == 0 || t->ncols > MAX_COLS || t->nrows > MAX_ROWS ||
	    t->nhead > t->nrows) {
		diag(DIAG_ERROR, p->file, p->line, p->col, "a table has %zu "
		    "columns and %zu rows: it needs 1 to %d columns and at "
		    "most %d rows; split it into several tables", t->ncols,
		    t->nrows, MAX_COLS, MAX_ROWS);
		return 0;
	}
	for (i = 0; i < t->nrows; i++)
		n += t->rows[i].ncells;
	T->cells = xcalloc(n ? n : 1, sizeof(*T->cells));
	T->rows = xcalloc(t->nrows ? t->nrows : 1, sizeof(*T->rows));
	/* The row up to which each column is taken by a rowspan. */
	until = xcalloc(t->ncols, sizeof(*until));
	for (i = 0; i < t->nrows; i++) {
		r = &t->rows[i];
		T->rows[i].c0 = T->ncells;
		/* Header rows and the body do not share a cell. */
		end = i < t->nhead ? t->nhead : t->nrows;
		for (k = 0; k < r->ncells; k++) {
			c = &r->cells[k];
			tc = &T->cells[T->ncells];
			tc->c = c;
			tc->row = i;
			tc->col = c->col;
			tc->cols = c->colspan > 1 ? (size_t)c->colspan : 1;
			tc->rows = c->rowspan > 1 ? (size_t)c->rowspan : 1;
			if (r->role == ROW_GROUP && r->ncells == 1)
				tc->cols = t->ncols - tc->col;
			if (tc->col >= t->ncols ||
			    tc->cols > t->ncols - tc->col) {
				p = c->pos.file != NULL ? &c->pos : p;
				diag(DIAG_ERROR, p->file, p->line, p->col,
				    "a cell in row %zu reaches column %zu of a "
				    "table with %zu columns: give the row "
				    "fewer cells or smaller spans", i + 1,
				    tc->col + tc->cols, t->ncols);
				free(until);
				return 0;
			}
			for (j = tc->col; j < tc->col + tc->cols; j++)
				if (until[j] > i) {
					p = c->pos.file != NULL ? &c->pos : p;
					diag(DIAG_ERROR, p->file, p->line,
					    p->col, "a cell in row %zu, column "
					    "%zu lies under a cell spanning "
					    "rows above: leave that position "
					    "out of the row", i + 1, j + 1);
					free(until);
					return 0;
				}
			if (tc->rows > end - i)
				tc->rows = end - i;
			for (j = tc->col; j < tc->col + tc->cols; j++)
				until[j] = i + tc->rows;
			if (c->status < 0 || c->status > STATUS_LEVELS) {
				p = c->pos.file != NULL ? &c->pos : p;
				diag(DIAG_ERROR, p->file, p->line, p->col,
				    "status level %d in row %zu: levels are 1 "
				    "to %d", c->status, i + 1, STATUS_LEVELS);
				free(until);
				return 0;
			}
			tc->align = c->align != CELL_LEFT ? c->align :
			    t->cols[tc->col].align;
			if (r->role == ROW_GROUP || tc->cols > 1)
				tc->align = c->align == CELL_DECIMAL ?
				    CELL_RIGHT : c->align;
			else if (i < t->nhead && tc->align == CELL_DECIMAL)
				tc->align = CELL_RIGHT;
			tc->pad = padding(t, r, c);
			T->ncells++;
		}
		T->rows[i].nc = T->ncells - T->rows[i].c0;
	}
	free(until);
	return 1;
}

/*
 * Columns that want more than the text width altogether.  Short
 * columns (a status, a name) get their natural width as long as it is
 * no more than a fair share of what is left; the others lie between
 * their least and natural widths, in proportion to what they would
 * like more, so that long texts get the space.
 */
static void
shrink(struct tl *T, float summin)
{
	size_t	 k, n = T->t->ncols, nfree;
	float	 left, minleft, prefleft, f;
	bool	*fixed = xcalloc(n, sizeof(*fixed)), more = true;

	while (more) {
		more = false;
		left = T->w;
		nfree = 0;
		for (k = 0; k < n; k++)
			if (fixed[k])
				left -= T->colpref[k];
			else
				nfree++;
		for (k = 0; k < n; k++)
			if (!fixed[k] && T->colpref[k] <= left /
			    (float)nfree) {
				fixed[k] = more = true;
				break;
			}
	}
	left = T->w;
	minleft = prefleft = 0;
	for (k = 0; k < n; k++)
		if (fixed[k])
			left -= T->colpref[k];
		else {
			minleft += T->colmin[k];
			prefleft += T->colpref[k];
		}
	/* The short ones would crowd the rest below their least. */
	if (left < minleft || prefleft <= minleft) {
		memset(fixed, 0, n * sizeof(*fixed));
		left = T->w;
		minleft = summin;
		for (prefleft = 0, k = 0; k < n; k++)
			prefleft += T->colpref[k];
	}
	f = prefleft > minleft ? (left - minleft) / (prefleft - minleft) : 0;
	for (k = 0; k < n; k++)
		T->colw[k] = fixed[k] ? T->colpref[k] : T->colmin[k] +
		    (T->colpref[k] - T->colmin[k]) * f;
	free(fixed);
}

/* Every cell's widths at the table's scale, then the columns' least
 * and natural widths (T->summin: their least sum).  Returns 0 after
 * reporting a cell that cannot be measured. */
static int
measure_cols(struct tl *T)
{
	const struct table *t = T->t;
	struct tcell *tc;
	const struct table_row *r;
	size_t	 i, k, n = t->ncols;
	float	 d, summin = 0, sumpref = 0, f, extra;

	if (T->colx == NULL) {
		T->colx = xcalloc(n, sizeof(float));
		T->colw = xcalloc(n, sizeof(float));
		T->colmin = xcalloc(n, sizeof(float));
		T->colpref = xcalloc(n, sizeof(float));
		T->intw = xcalloc(n, sizeof(float));
		T->fracw = xcalloc(n, sizeof(float));
		T->comma = xcalloc(n, sizeof(bool));
		T->gutter = xcalloc(n, sizeof(float));
		T->headw = xcalloc(n, sizeof(float));
	} else {
		/* Measured again at another size. */
		memset(T->colmin, 0, n * sizeof(float));
		memset(T->colpref, 0, n * sizeof(float));
		memset(T->intw, 0, n * sizeof(float));
		memset(T->fracw, 0, n * sizeof(float));
		memset(T->comma, 0, n * sizeof(bool));
		memset(T->gutter, 0, n * sizeof(float));
		memset(T->headw, 0, n * sizeof(float));
	}
	for (i = 0; i < T->ncells; i++) {
		tc = &T->cells[i];
		r = &t->rows[tc->row];
		tc->size = tc->symw = tc->indent = tc->min = tc->pref = 0;
		tc->intw = tc->fracw = tc->plainw = tc->wordw = 0;
		tc->commaw = 0;
		tc->comma = false;
		tc->pad = padding(t, r, tc->c) * T->scale;
		if (!measure(T, tc, tc->c->blocks, 0,
		    tc->align == CELL_DECIMAL))
			return 0;
		if (tc->size == 0)
			tc->size = (t->style != NULL && t->style->size > 0 ?
			    t->style->size : 10) * T->scale;
		if (T->scale == 1 && tc->size > T->size)
			T->size = tc->size;
		if (tc->c->status > 0)
			tc->symw = (SYM_SIZE + SYM_GAP) * tc->size;
		if (r->role == ROW_PART && tc->col == 0 &&
		    (tc->c->blocks == NULL || tc->c->blocks->style == NULL ||
		    tc->c->blocks->style->indent_left <= 0))
			tc->indent = r->style != NULL &&
			    r->style->indent_left > 0 ?
			    r->style->indent_left * T->scale : tc->size;
		extra = 2 * tc->pad + tc->symw + tc->indent;
		/* A number column's header wraps on its own: only its
		 * longest word asks for width, the numbers decide. */
		if (tc->row < t->nhead && tc->cols == 1 &&
		    t->cols[tc->col].align == CELL_DECIMAL) {
			if (tc->pref + extra > T->headw[tc->col])
				T->headw[tc->col] = tc->pref + extra;
			tc->pref = tc->min;
		}
		/* Numbers never break, nor do cells of columns that do
		 * not wrap; header cells always may. */
		if (tc->row >= t->nhead && r->role != ROW_GROUP &&
		    (tc->align == CELL_RIGHT || tc->align == CELL_DECIMAL ||
		    !t->cols[tc->col].wrap) && tc->pref > tc->min)
			tc->min = tc->pref;
		if (tc->pref < tc->min)
			tc->pref = tc->min;
		tc->min += extra;
		tc->pref += extra;
		if (tc->cols > 1)
			continue;
		if (tc->align == CELL_DECIMAL) {
			k = tc->col;
			/* At least an em of white between neighbouring
			 * numbers: what the padding leaves of it. */
			if (tc->size - 2 * tc->pad > T->gutter[k])
				T->gutter[k] = tc->size - 2 * tc->pad;
			if (tc->comma)
				T->comma[k] = true;
			if (tc->intw > T->intw[k])
				T->intw[k] = tc->intw;
			if (tc->fracw > T->fracw[k])
				T->fracw[k] = tc->fracw;
		}
		if (tc->min > T->colmin[tc->col])
			T->colmin[tc->col] = tc->min;
		if (tc->pref > T->colpref[tc->col])
			T->colpref[tc->col] = tc->pref;
	}
	/* Decimal columns: the widest integer part and the widest
	 * fraction side by side. */
	for (i = 0; i < T->ncells; i++) {
		tc = &T->cells[i];
		if (tc->align != CELL_DECIMAL || tc->cols > 1)
			continue;
		k = tc->col;
		d = T->intw[k] + T->fracw[k];
		if (tc->plainw > 0) {
			f = T->comma[k] ? tc->plainw + tc->commaw +
			    T->fracw[k] : tc->plainw;
			if (f > d)
				d = f;
		}
		if (tc->wordw > d)
			d = tc->wordw;
		d += 2 * tc->pad;
		if (d > T->colmin[k])
			T->colmin[k] = d;
		if (d > T->colpref[k])
			T->colpref[k] = d;
	}
	/* Spanning cells: what their columns lack, shared evenly. */
	for (i = 0; i < T->ncells; i++) {
		tc = &T->cells[i];
		if (tc->cols < 2)
			continue;
		for (d = tc->min, k = tc->col; k < tc->col + tc->cols; k++)
			d -= T->colmin[k];
		for (k = tc->col; d > 0 && k < tc->col + tc->cols; k++)
			T->colmin[k] += d / (float)tc->cols;
		if (tc->cols == n)
			continue;	/* gets the whole width anyway */
		for (d = tc->pref, k = tc->col; k < tc->col + tc->cols; k++)
			d -= T->colpref[k];
		for (k = tc->col; d > 0 && k < tc->col + tc->cols; k++)
			T->colpref[k] += d / (float)tc->cols;
	}
	for (k = 0; k < n; k++) {
		if (T->colpref[k] < T->colmin[k])
			T->colpref[k] = T->colmin[k];
		/* A number column is as wide as its numbers and gutter:
		 * never narrower, and no wider unless nothing else is
		 * there to take the room. */
		if (t->cols[k].align == CELL_DECIMAL)
			T->colmin[k] = T->colpref[k] += T->gutter[k];
		sumpref += T->colpref[k];
	}
	/* Headers over numbers unwrapped, if the width has room. */
	for (d = sumpref, k = 0; k < n; k++)
		if (t->cols[k].align == CELL_DECIMAL &&
		    T->headw[k] + T->gutter[k] > T->colpref[k])
			d += T->headw[k] + T->gutter[k] - T->colpref[k];
	for (k = 0; d <= T->w && k < n; k++)
		if (t->cols[k].align == CELL_DECIMAL &&
		    T->headw[k] + T->gutter[k] > T->colpref[k])
			T->colmin[k] = T->colpref[k] = T->headw[k] +
			    T->gutter[k];
	for (k = 0; k < n; k++)
		summin += T->colmin[k];
	T->summin = summin;
	return 1;
}

/* The columns placed in T->w, which holds their least widths. */
static void
place_cols(struct tl *T)
{
	const struct table *t = T->t;
	size_t	 k, n = t->ncols;
	float	 d, sumpref = 0, extra, wsum;

	for (k = 0; k < n; k++)
		sumpref += T->colpref[k];
	if (sumpref <= T->w) {
		/* Room to spare: to the weighted columns, else to the
		 * text columns, else to all. */
		extra = T->w - sumpref;
		for (wsum = 0, d = 0, k = 0; k < n; k++) {
			T->colw[k] = T->colpref[k];
			if (t->cols[k].weight > 0)
				wsum += t->cols[k].weight;
			if (t->cols[k].align == CELL_LEFT)
				d += T->colpref[k];
		}
		for (k = 0; k < n; k++)
			if (wsum > 0)
				T->colw[k] += t->cols[k].weight > 0 ?
				    extra * t->cols[k].weight / wsum : 0;
			else if (d > 0)
				T->colw[k] += t->cols[k].align == CELL_LEFT ?
				    extra * T->colpref[k] / d : 0;
			else
				T->colw[k] += extra / (float)n;
	} else
		shrink(T, T->summin);
	for (d = T->x0, k = 0; k < n; k++) {
		T->colx[k] = d;
		d += T->colw[k];
	}
}

static bool
fits(const struct tl *T)
{
	return T->summin <= T->w + EPS;
}

/*
 * Sets the table smaller, half a point at a time down to the
 * template's floor, until it fits T->w.  Widths go nearly with the
 * size, so the first size tried is about the one that fits.  Returns
 * 1 if it fits (measured at that size), 0 if not (scale 1 again), -1
 * after reporting.
 */
static int
shrink_to_fit(struct tl *T)
{
	float	 s, base = T->size, floor = T->t->min_size;
	bool	 last = false;

	if (floor <= 0 || base <= floor + EPS || T->summin <= 0)
		return 0;
	s = floorf(base * T->w / T->summin / SIZE_STEP) * SIZE_STEP;
	if (s > base - SIZE_STEP)
		s = base - SIZE_STEP;
	for (;; s -= SIZE_STEP) {
		if (s < floor + EPS) {
			s = floor;
			last = true;
		}
		T->scale = s / base;
		if (!measure_cols(T))
			return -1;
		if (fits(T))
			return 1;
		if (last)
			break;
	}
	T->scale = 1;
	return 0;
}

/*
 * Column widths.  A table too wide for the text width is set smaller
 * (down to the template's min-size), then on landscape pages of its
 * own (at its size, then smaller again); a table too wide for those is
 * reported, and laid out at its least widths past the margin, so that
 * one run reports every table that does not fit (the error keeps the
 * pack from being written).  Returns 0 after reporting.
 */
static int
widths(struct tl *T)
{
	const struct table *t = T->t;
	const struct page_style *ps = T->L->ps;
	const struct srcpos *p = t->pos.file != NULL ? &t->pos : &T->b->pos;
	float	 pw = T->w, pavail = T->avail, need, lw, d;
	size_t	 k;
	int	 rc;
	bool	 land;
	char	 at[64] = "";

	T->scale = 1;
	if (!measure_cols(T))
		return 0;
	if (fits(T)) {
		place_cols(T);
		return 1;
	}
	need = T->summin;
	if ((rc = shrink_to_fit(T)) < 0)
		return 0;
	lw = ps->height - ps->margin_left - ps->margin_right -
	    T->L->indl - T->L->indr;
	land = t->landscape && !t->grid && ps->height > ps->width &&
	    ps->width - ps->margin_top - ps->margin_bottom >= 72;
	if (rc == 0 && land) {
		T->land = true;
		T->w = lw;
		T->avail = ps->width - ps->margin_top - ps->margin_bottom;
		T->scale = 1;
		if (!measure_cols(T))
			return 0;
		if ((rc = fits(T) ? 1 : shrink_to_fit(T)) < 0)
			return 0;
	}
	if (rc == 1) {
		place_cols(T);
		return 1;
	}
	if (t->min_size > 0)
		snprintf(at, sizeof(at), ", even with its text at %g pt",
		    (double)t->min_size);
	/* Once: a part laid out again for its page references (known
	 * anchors) has been reported already. */
	if (T->L->known == NULL && land)
		diag(DIAG_ERROR, p->file, p->line, p->col, "a table of %zu "
		    "columns needs %.0f pt but the text width is %.0f pt, and "
		    "%.0f pt on a landscape page%s: use fewer columns or "
		    "shorter words and numbers", t->ncols, ceilf(need),
		    floorf(pw), floorf(lw), at);
	else if (T->L->known == NULL)
		diag(DIAG_ERROR, p->file, p->line, p->col, "a table of %zu "
		    "columns needs %.0f pt but the text width is %.0f pt%s: "
		    "use fewer columns or shorter words and numbers, or a "
		    "landscape page style", t->ncols, ceilf(need), floorf(pw),
		    at);
	T->land = false;
	T->w = pw;
	T->avail = pavail;
	T->scale = 1;
	if (!measure_cols(T))
		return 0;
	for (d = T->x0, k = 0; k < t->ncols; k++) {
		T->colw[k] = T->colmin[k];
		T->colx[k] = d;
		d += T->colw[k];
	}
	return 1;
}

/* ------------------------------------------------------------------ */
/* Cell contents. */

static void
scratch_reset(struct lay *S, float x0, float x1)
{
	S->x0 = x0;
	S->x1 = x1;
	S->indl = S->indr = S->listlw = 0;
	S->keep = false;
	S->nv = S->nit = S->nmk = S->mkpend = S->nlab = 0;
}

static struct pitem *
titem(struct tl *T)
{
	GROW(T->it, T->nit, T->capit);
	return &T->it[T->nit++];
}

/* Moves the items of a cell line to the cell's alignment. */
static void
align_line(struct tl *T, const struct tcell *tc, struct pitem *it, size_t n,
    float x0, float x1)
{
	const struct pitem *cp = NULL;
	const char *c;
	float	 lo = 1e30f, hi = -1e30f, dx = 0, end = 0, target, ie;
	size_t	 i;

	for (i = 0; i < n; i++) {
		if (it[i].kind != PITEM_TEXT)
			continue;
		if (it[i].x < lo)
			lo = it[i].x;
		if (it[i].x + it[i].w > hi)
			hi = it[i].x + it[i].w;
		if (strchr(it[i].text, ',') != NULL)
			cp = &it[i];
	}
	if (hi < lo)
		return;
	switch (tc->align) {
	case CELL_RIGHT:
		dx = x1 - hi;
		break;
	case CELL_CENTER:
		dx = (x0 + x1 - lo - hi) / 2;
		break;
	case CELL_DECIMAL:
		target = x1 - T->fracw[tc->col];
		if (cp != NULL) {
			c = strrchr(cp->text, ',');
			end = cp->x + textw(T, cp->face, cp->size,
			    cp->space_extra, cp->text,
			    (size_t)(c - cp->text) + 1);
			dx = target - end;
		} else {
			ie = T->comma[tc->col] ? target - tc->commaw : x1;
			dx = ie - hi;
		}
		/* A word too wide for the integer part ("Inga
		 * uppgifter") ends at the column's edge. */
		if (lo + dx < x0 - EPS || hi + dx > x1 + EPS)
			dx = x1 - hi;
		break;
	case CELL_LEFT:
		return;
	}
	for (i = 0; i < n; i++)
		it[i].x += dx;
}

/*
 * Lays out a cell's blocks into the scratch list.  A cell's text often
 * has its row's style (a total's bold), whose rules and page breaks are
 * the row's: the table draws them once across the row, so the blocks
 * are laid out with a copy of their style without them.
 */
static int
cell_blocks(const struct tl *T, struct lay *S, const struct block *b,
    bool nohyph)
{
	struct block cp;
	struct style st, sc;
	size_t	 i, it0;

	for (; b != NULL; b = b->next) {
		cp = *b;
		cp.next = NULL;
		if (b->style != NULL && (b->style->rule_above > 0 ||
		    b->style->rule_below > 0 || b->style->page_break_before ||
		    (nohyph && b->style->hyphenate) || T->scale != 1)) {
			st = *tstyle(T, b->style, &sc);
			st.rule_above = st.rule_below = 0;
			st.page_break_before = false;
			if (nohyph)
				st.hyphenate = false;
			cp.style = &st;
		}
		it0 = S->nit;
		if (!lay_blocks(S, &cp))
			return 0;
		for (i = it0; i < S->nit; i++)
			if (S->it[i].node == &cp)
				S->it[i].node = b;
	}
	return 1;
}

/* Lays out a cell's blocks into its boxes.  Returns 0 after
 * reporting. */
static int
cell_lay(struct tl *T, struct tcell *tc)
{
	struct lay *S = &T->S, *L = T->L;
	const struct vel *e;
	struct cbox *bx;
	float	 x0, x1, gap = 0;
	size_t	 i, k;

	x0 = T->colx[tc->col] + tc->pad + tc->indent + tc->symw;
	x1 = T->colx[tc->col + tc->cols - 1] + T->colw[tc->col + tc->cols - 1] -
	    tc->pad;
	scratch_reset(S, x0, x1);
	/* A word is hyphenated only when its column could not be made
	 * wide enough to hold it whole. */
	if (!cell_blocks(T, S, tc->c->blocks, x1 - x0 + tc->pad * 2 + tc->indent +
	    tc->symw + EPS >= tc->min))
		return 0;
	tc->b0 = T->nbx;
	tc->nb = 0;
	tc->h = 0;
	for (i = 0; i < S->nv; i++) {
		e = &S->v[i];
		if (e->kind == V_SPACE) {
			if (tc->nb > 0)
				gap += e->h;
			continue;
		}
		if (e->kind != V_BOX)
			continue;
		GROW(T->bx, T->nbx, T->capbx);
		bx = &T->bx[T->nbx++];
		tc->nb++;
		bx->gap = tc->nb > 1 ? gap : 0;
		bx->h = e->h;
		bx->it0 = T->nit;
		bx->nit = e->nit;
		for (k = 0; k < e->nit; k++)
			*titem(T) = S->it[e->it0 + k];
		if (tc->align != CELL_LEFT)
			align_line(T, tc, T->it + bx->it0, bx->nit, x0, x1);
		tc->h += bx->gap + bx->h;
		gap = 0;
	}
	/* Anchors in a cell go with the row's element. */
	for (i = 0; i < S->nmk; i++) {
		GROW(L->mk, L->nmk, L->capmk);
		L->mk[L->nmk++] = S->mk[i];
	}
	return 1;
}

/* ------------------------------------------------------------------ */
/* Drawing. */

static struct pitem *
cell_pitem(struct tl *T, enum pitem_kind kind, const struct tcell *tc)
{
	struct pitem *p = lay_pitem(T->L, kind);

	p->tblock = T->b;
	p->trow = tc->row;
	p->cell = tc->c;
	return p;
}

/* The status symbol centred at (cx, cy): circle, triangle pointing
 * up, square, so that the levels differ in greyscale too. */
static void
symbol(struct tl *T, const struct tcell *tc, float cx, float cy)
{
	const struct rgb *col = &T->t->status_color[tc->c->status];
	struct pitem *p;
	float	*pt, r = SYM_SIZE * tc->size / 2, s;

	if (tc->c->status == 1) {
		p = cell_pitem(T, PITEM_CIRCLE, tc);
		p->w = r;
	} else {
		p = cell_pitem(T, PITEM_PATH, tc);
		pt = arena_alloc(T->L->arena, 8 * sizeof(*pt));
		if (tc->c->status == 2) {
			pt[0] = -r * 1.1f;
			pt[1] = -r * 0.9f;
			pt[2] = r * 1.1f;
			pt[3] = -r * 0.9f;
			pt[4] = 0;
			pt[5] = r * 1.05f;
			p->npts = 3;
		} else {
			s = r * 0.88f;
			pt[0] = -s;
			pt[1] = -s;
			pt[2] = s;
			pt[3] = -s;
			pt[4] = s;
			pt[5] = s;
			pt[6] = -s;
			pt[7] = s;
			p->npts = 4;
		}
		p->pts = pt;
		p->closed = true;
	}
	p->x = cx;
	p->y = cy;
	p->filled = true;
	p->color = *col;
	/* A darker outline keeps a light colour (yellow) visible. */
	p->stroked = true;
	p->stroke.r = col->r * 0.6f;
	p->stroke.g = col->g * 0.6f;
	p->stroke.b = col->b * 0.6f;
	p->line_width = 0.5f;
	p->artifact = true;
}

/* A horizontal rule across the table at the top or bottom y of a
 * row, drawn inside the row so that the next row's fill cannot cover
 * half of it. */
static void
hrule(struct tl *T, float y, float lw, bool bottom)
{
	if (lw > 0)
		lay_line_item(T->L, PITEM_LINE, T->x0, bottom ? y + lw / 2 :
		    y - lw / 2, T->w, lw, T->t->style);
}

/* Cells of rows [r0, r1) as far as they are placed here. */
struct chunk {
	size_t		 r0, r1;
	const float	*rh;		/* heights of rows r0.. */
	const size_t	*from, *to;	/* boxes per cell; NULL: all */
	bool		 first, last;	/* holds the rows' tops, bottoms */
	bool		 artifact;	/* a repeated header */
	float		 y0;		/* top, from the element's top */
};

/* A rule under row r of a chunk, left out under cells that span
 * further down. */
static void
sepline(struct tl *T, const struct chunk *ch, size_t r, float y, float lw)
{
	const struct tcell *tc;
	bool	 cov[MAX_COLS];
	size_t	 q, i, k, a;

	if (lw <= 0)
		return;
	memset(cov, 0, sizeof(cov));
	for (q = ch->r0; q <= r; q++)
		for (i = 0; i < T->rows[q].nc; i++) {
			tc = &T->cells[T->rows[q].c0 + i];
			if (q + tc->rows > r + 1)
				for (k = tc->col; k < tc->col + tc->cols; k++)
					cov[k] = true;
		}
	for (k = 0; k < T->t->ncols; k = a) {
		for (; k < T->t->ncols && cov[k]; k++)
			continue;
		for (a = k; a < T->t->ncols && !cov[a]; a++)
			continue;
		if (a > k)
			lay_line_item(T->L, PITEM_LINE, T->colx[k], y + lw / 2,
			    T->colx[a - 1] + T->colw[a - 1] - T->colx[k], lw,
			    T->t->style);
	}
}

/* A cell's fill over height h from top. */
static void
cell_fill(struct tl *T, const struct tcell *tc, float top, float h)
{
	struct pitem *p;
	size_t	 last = tc->col + tc->cols - 1;

	if (tc->c->style == NULL || !tc->c->style->has_fill)
		return;
	p = cell_pitem(T, PITEM_RECT, tc);
	p->x = T->colx[tc->col];
	p->y = top - h;
	p->w = T->colx[last] + T->colw[last] - p->x;
	p->h = h;
	p->color = tc->c->style->fill;
	p->artifact = true;
}

/* A cell's symbol and its boxes [from, to), from top. */
static void
cell_text(struct tl *T, const struct chunk *ch, const struct tcell *tc,
    float top, size_t from, size_t to)
{
	const struct cbox *bx, *f;
	struct pitem *p;
	size_t	 b, i;
	float	 y = top - tc->pad, cy;

	if (tc->c->status > 0 && from == tc->b0) {
		/* Centred on the first line's lower-case letters. */
		cy = y - tc->size * 0.6f;
		for (f = tc->nb > 0 ? &T->bx[tc->b0] : NULL, i = 0;
		    f != NULL && i < f->nit; i++)
			if (T->it[f->it0 + i].kind == PITEM_TEXT) {
				cy = y + T->it[f->it0 + i].y + 0.3f * tc->size;
				break;
			}
		symbol(T, tc, T->colx[tc->col] + tc->pad + tc->indent +
		    SYM_SIZE * tc->size / 2, cy);
	}
	for (b = from; b < to; b++) {
		bx = &T->bx[b];
		if (b > from)
			y -= bx->gap;
		for (i = 0; i < bx->nit; i++) {
			p = lay_pitem(T->L, PITEM_TEXT);
			*p = T->it[bx->it0 + i];
			p->y += y;
			p->tblock = T->b;
			p->trow = tc->row;
			p->cell = tc->c;
			if (ch->artifact)
				p->artifact = true;
		}
		y -= bx->h;
	}
}

/* The rule under row r: its style's, the frame under the header
 * and the table, or the separator between rows. */
static void
rule_below(struct tl *T, const struct chunk *ch, size_t r, float y,
    float frame, float sep)
{
	const struct style *rs = T->t->rows[r].style, *next;

	next = r + 1 < T->t->nrows ? T->t->rows[r + 1].style : NULL;
	if (rs != NULL && rs->rule_below > 0)
		hrule(T, y, rs->rule_below, true);
	else if (r + 1 == T->t->nhead || r + 1 == T->t->nrows)
		hrule(T, y, frame, true);
	else if (next != NULL && next->rule_above > 0)
		return;		/* the next row's own rule */
	else if (r + 1 < ch->r1)
		sepline(T, ch, r, y, sep);
	else
		hrule(T, y, sep, true);
}

/* Places a chunk of rows into the current element: backgrounds, then
 * rules, then symbols and text. */
static void
emit(struct tl *T, const struct chunk *ch)
{
	const struct table *t = T->t;
	const struct style *ts = t->style, *rs;
	const struct tcell *tc;
	struct pitem *p;
	size_t	 r, i, k, q, c0 = T->rows[ch->r0].c0;
	float	 top, h, frame, sep;
	int	 pass;

	frame = ts != NULL ? ts->rule_above : FRAME_DEFAULT;
	sep = ts != NULL ? ts->rule_below : 0;
	for (pass = 0; pass < 3; pass++) {
		top = ch->y0;
		for (r = ch->r0; r < ch->r1; r++) {
			rs = t->rows[r].style;
			h = ch->rh[r - ch->r0];
			if (pass == 0 && rs != NULL && rs->has_fill) {
				p = lay_pitem(T->L, PITEM_RECT);
				p->x = T->x0;
				p->y = top - h;
				p->w = T->w;
				p->h = h;
				p->color = rs->fill;
				p->artifact = true;
			}
			if (pass == 1 && !t->grid) {
				if (ch->first && r == 0)
					hrule(T, top, frame, false);
				if (ch->first && rs != NULL &&
				    rs->rule_above > 0)
					hrule(T, top, rs->rule_above,
					    false);
				if (ch->last)
					rule_below(T, ch, r, top - h, frame,
					    sep);
			}
			for (i = 0; pass != 1 && i < T->rows[r].nc; i++) {
				k = T->rows[r].c0 + i;
				tc = &T->cells[k];
				if (pass == 0) {
					for (h = 0, q = r; q < r + tc->rows &&
					    q < ch->r1; q++)
						h += ch->rh[q - ch->r0];
					cell_fill(T, tc, top, h);
				} else
					cell_text(T, ch, tc, top,
					    ch->from ? ch->from[k - c0] :
					    tc->b0, ch->to ? ch->to[k - c0] :
					    tc->b0 + tc->nb);
			}
			top -= ch->rh[r - ch->r0];
		}
	}
}

/* ------------------------------------------------------------------ */
/* Rows into the vertical list. */

/* Lays out the cells of rows [r0, r1) and sets the rows' heights. */
static int
rows_lay(struct tl *T, size_t r0, size_t r1)
{
	struct tcell *tc;
	size_t	 r, i, b;
	float	 need, have, least;

	T->nit = T->nbx = 0;
	for (r = r0; r < r1; r++)
		for (i = 0; i < T->rows[r].nc; i++)
			if (!cell_lay(T, &T->cells[T->rows[r].c0 + i]))
				return 0;
	least = 2 * PAD_DEFAULT;
	for (r = r0; r < r1; r++) {
		T->rows[r].h = least;
		for (i = 0; i < T->rows[r].nc; i++) {
			tc = &T->cells[T->rows[r].c0 + i];
			if (tc->rows == 1 && tc->h + 2 * tc->pad > T->rows[r].h)
				T->rows[r].h = tc->h + 2 * tc->pad;
		}
	}
	/* A cell spanning rows makes its last row taller if need be. */
	for (r = r0; r < r1; r++)
		for (i = 0; i < T->rows[r].nc; i++) {
			tc = &T->cells[T->rows[r].c0 + i];
			if (tc->rows < 2)
				continue;
			need = tc->h + 2 * tc->pad;
			for (have = 0, b = r; b < r + tc->rows; b++)
				have += T->rows[b].h;
			if (need > have)
				T->rows[r + tc->rows - 1].h += need - have;
		}
	return 1;
}

/* An element for a chunk of rows; returns it (nit set). */
static struct vel *
put(struct tl *T, const struct chunk *ch, float h, bool brk, bool body)
{
	struct vel *e = lay_vel(T->L, V_BOX, h, brk);
	size_t	 i = e - T->L->v;

	if (body)
		e->cont = T->cont;
	emit(T, ch);
	T->L->v[i].nit = T->L->nit - T->L->v[i].it0;
	return &T->L->v[i];
}

/*
 * A row taller than a page: cut between lines of its cells, each cell
 * flowing on in the next chunk, every chunk fitting a page under the
 * repeated header.
 */
static void
split_row(struct tl *T, size_t r, bool brk, bool body)
{
	struct trow *tr = &T->rows[r];
	struct chunk ch;
	const struct tcell *tc;
	const struct cbox *bx;
	size_t	*from, *to, i, n = tr->nc, taken;
	float	 room, used, add, h, pad = 0;
	bool	 first = true, left;

	from = xcalloc(n ? n : 1, sizeof(*from));
	to = xcalloc(n ? n : 1, sizeof(*to));
	for (i = 0; i < n; i++) {
		tc = &T->cells[tr->c0 + i];
		to[i] = tc->b0;
		if (tc->pad > pad)
			pad = tc->pad;
	}
	room = T->avail - (body ? T->conth : 0) - 2 * pad;
	do {
		h = 0;
		taken = 0;
		for (i = 0; i < n; i++) {
			tc = &T->cells[tr->c0 + i];
			from[i] = to[i];
			for (used = 0; to[i] < tc->b0 + tc->nb; to[i]++) {
				bx = &T->bx[to[i]];
				add = (to[i] > from[i] ? bx->gap : 0) + bx->h;
				if (used + add > room + EPS)
					break;
				used += add;
				taken++;
			}
			if (used > h)
				h = used;
		}
		/* A line taller than the page still goes somewhere. */
		for (i = 0; taken == 0 && i < n; i++) {
			tc = &T->cells[tr->c0 + i];
			if (to[i] < tc->b0 + tc->nb) {
				if (T->bx[to[i]].h > h)
					h = T->bx[to[i]].h;
				to[i]++;
			}
		}
		for (left = false, i = 0; i < n; i++) {
			tc = &T->cells[tr->c0 + i];
			if (to[i] < tc->b0 + tc->nb)
				left = true;
		}
		h += 2 * pad;
		memset(&ch, 0, sizeof(ch));
		ch.r0 = r;
		ch.r1 = r + 1;
		ch.rh = &h;
		ch.from = from;
		ch.to = to;
		ch.first = first;
		ch.last = !left;
		put(T, &ch, h, first ? brk : true, body);
		first = false;
	} while (left);
	free(from);
	free(to);
}

/* Rows [r0, r1), joined by rowspans, into the list. */
static int
group(struct tl *T, size_t r0, size_t r1, bool brk, bool body)
{
	struct chunk ch;
	float	*rh, h = 0, room;
	size_t	 r, i, nmk = T->L->nmk;

	if (!rows_lay(T, r0, r1))
		return 0;
	rh = xcalloc(r1 - r0, sizeof(*rh));
	for (r = r0; r < r1; r++) {
		rh[r - r0] = T->rows[r].h;
		h += rh[r - r0];
	}
	room = T->avail - (body ? T->conth : 0);
	if (h <= room + EPS) {
		memset(&ch, 0, sizeof(ch));
		ch.r0 = r0;
		ch.r1 = r1;
		ch.rh = rh;
		ch.first = ch.last = true;
		put(T, &ch, h, brk, body);
	} else if (r1 - r0 == 1)
		split_row(T, r0, brk, body);
	else {
		/* Rows joined by a rowspan that do not fit a page
		 * together: each row on its own, a spanning cell's text
		 * in its first row. */
		for (r = r0; r < r1; r++)
			for (i = 0; i < T->rows[r].nc; i++)
				T->cells[T->rows[r].c0 + i].rows = 1;
		/* The cells' anchors come again as they are laid out
		 * again. */
		T->L->nmk = nmk;
		free(rh);
		for (r = r0; r < r1; r++)
			if (!group(T, r, r + 1, r == r0 ? brk : true, body))
				return 0;
		return 1;
	}
	free(rh);
	return 1;
}

/* The end of the group of rows starting at r0 (rowspans join rows). */
static size_t
group_end(const struct tl *T, size_t r0)
{
	size_t	 r, i, end = r0 + 1;
	const struct tcell *tc;

	for (r = r0; r < end && r < T->t->nrows; r++)
		for (i = 0; i < T->rows[r].nc; i++) {
			tc = &T->cells[T->rows[r].c0 + i];
			if (r + tc->rows > end)
				end = r + tc->rows;
		}
	return end;
}

/*
 * Whether the whole table, caption (capth high) and rows, fits on one
 * page: then it is moved whole rather than split with a stub.  Tables
 * of more rows than a page could hold are not measured twice.
 */
static int
whole_fits(struct tl *T, float capth, bool *whole)
{
	const struct table *t = T->t;
	size_t	 r, nmk = T->L->nmk;
	float	 h = capth, line = 0;
	int	 ok;

	*whole = false;
	for (r = 0; r < T->ncells; r++)
		if (T->cells[r].size > line)
			line = T->cells[r].size;
	/* A row is at least a line and its padding high. */
	if ((float)t->nrows * (line + 2 * PAD_DEFAULT) > T->avail - capth)
		return 1;
	ok = rows_lay(T, 0, t->nrows);
	/* Anchors in cells come again as the rows are laid out. */
	T->L->nmk = nmk;
	if (!ok)
		return 0;
	for (r = 0; r < t->nrows; r++)
		h += T->rows[r].h;
	*whole = h <= T->avail + EPS;
	return 1;
}

/*
 * The continuation header: the caption with its "(forts.)" and the
 * header rows, as artifacts (the first page has the real ones).
 * The header rows' cells must still be laid out in T.
 */
static int
cont_header(struct tl *T)
{
	struct lay *L = T->L, *S = &T->S;
	const struct table *t = T->t;
	struct part_out dummy;
	struct block cap;
	struct span *sp, **tail;
	struct vcont *vc;
	struct chunk ch;
	struct pitem *p;
	float	 y = 0, gap = 0, *rh = NULL;
	size_t	 it0 = L->nit, i, k, r;
	bool	 any = false;
	int	 ok;

	if (t->caption != NULL) {
		cap = *t->caption;
		cap.next = NULL;
		cap.anchor = NULL;
		cap.outline = NULL;
		cap.spans = spans_clone(t->caption->spans);
		if (t->continued != NULL) {
			for (tail = &cap.spans; *tail != NULL;
			    tail = &(*tail)->next)
				continue;
			*tail = sp = span_new(SPAN_TEXT, 0, t->continued);
			sp->pos = t->caption->pos;
		}
		/* Page references in it count once, in the caption. */
		memset(&dummy, 0, sizeof(dummy));
		scratch_reset(S, L->x0 + L->indl, L->x1 - L->indr);
		S->out = &dummy;
		ok = lay_blocks(S, &cap);
		S->out = L->out;
		part_out_free(&dummy);
		spans_free(cap.spans);
		if (!ok)
			return 0;
		for (i = 0; i < S->nv; i++) {
			const struct vel *e = &S->v[i];

			if (e->kind == V_SPACE) {
				if (any)
					gap += e->h;
				continue;
			}
			if (e->kind != V_BOX)
				continue;
			y -= gap;
			gap = 0;
			any = true;
			for (k = 0; k < e->nit; k++) {
				p = lay_pitem(L, S->it[e->it0 + k].kind);
				*p = S->it[e->it0 + k];
				p->y += y;
				p->node = t->caption;
				p->tblock = T->b;
				p->artifact = true;
			}
			y -= e->h;
		}
		y -= gap;
	}
	if (t->nhead > 0) {
		rh = xcalloc(t->nhead, sizeof(*rh));
		for (r = 0; r < t->nhead; r++)
			rh[r] = T->rows[r].h;
		memset(&ch, 0, sizeof(ch));
		ch.r0 = 0;
		ch.r1 = t->nhead;
		ch.rh = rh;
		ch.first = ch.last = true;
		ch.artifact = true;
		ch.y0 = y;
		emit(T, &ch);
		for (r = 0; r < t->nhead; r++)
			y -= rh[r];
		free(rh);
	}
	/* A header that takes half the page is not repeated. */
	if (-y > T->avail / 2) {
		L->nit = it0;
		return 1;
	}
	GROW(L->cont, L->ncont, L->capcont);
	vc = &L->cont[L->ncont++];
	memset(vc, 0, sizeof(*vc));
	vc->h = -y;
	vc->it0 = it0;
	vc->nit = L->nit - it0;
	vc->rx = T->x0;
	vc->rw = T->w;
	vc->rlw = t->style != NULL ? t->style->rule_above : FRAME_DEFAULT;
	if (t->style != NULL)
		vc->rcolor = t->style->color;
	T->cont = L->ncont;
	T->conth = vc->h;
	return 1;
}

/*
 * Marks the table's elements, from v0 on, for landscape pages of
 * their own.  What is kept with the table above it (a heading, the
 * text that introduces it) goes onto the first of them, up to a third
 * of its height, rather than end a page alone.
 */
static void
landscape(struct lay *L, size_t v0, float avail)
{
	size_t	 i = v0;
	float	 h = 0;

	while (i > 0 && i < L->nv && !L->v[i].brk &&
	    L->v[i - 1].kind != V_BREAK && !L->v[i - 1].land &&
	    h + L->v[i - 1].h <= avail / 3) {
		h += L->v[i - 1].h;
		i--;
	}
	for (; i < L->nv; i++)
		L->v[i].land = true;
}

int
table_layout(struct lay *L, const struct block *b)
{
	const struct table *t = b->table;
	const struct block *nb;
	struct tl T;
	size_t	 r, r1, nv0, nbody, before, v0;
	float	 capth = 0, x1 = L->x1;
	bool	 keep, whole = false;
	int	 rc = 0;

	if (t == NULL)
		return 1;
	memset(&T, 0, sizeof(T));
	T.L = L;
	T.b = b;
	T.t = t;
	T.x0 = L->x0 + L->indl;
	T.w = L->x1 - L->indr - T.x0;
	/* A grid has no rules to frame: its text, not its cells' padding,
	 * lines up with the text margins. */
	if (t->grid) {
		float	 pad = t->style != NULL && t->style->has_padding ?
		    t->style->padding : PAD_DEFAULT;

		T.x0 -= pad;
		T.w += 2 * pad;
	}
	T.avail = L->ps->height - L->ps->margin_top - L->ps->margin_bottom;
	T.S.doc = L->doc;
	T.S.fs = L->fs;
	T.S.lb = L->lb;
	T.S.arena = L->arena;
	T.S.ps = L->ps;
	T.S.known = L->known;
	T.S.nknown = L->nknown;
	T.S.out = L->out;
	T.scale = 1;
	if (!cells(&T) || !widths(&T))
		goto out;
	/* On landscape pages: the text area is as wide as the page is
	 * high, from the same left margin. */
	x1 = L->x1;
	v0 = L->nv;
	if (T.land)
		L->x1 = L->ps->height - L->ps->margin_right;
	/* The caption stays with the header, the header with the first
	 * row. */
	keep = L->keep;
	if (t->caption != NULL) {
		nv0 = L->nv;
		if (!lay_blocks(L, t->caption))
			goto out;
		for (r = nv0; r < L->nv; r++)
			if (r > nv0 && L->v[r - 1].kind == V_BOX)
				break;
		for (; r < L->nv; r++)
			L->v[r].brk = false;
		for (r = nv0; r < L->nv; r++)
			if (L->v[r].kind == V_BOX || r > nv0)
				capth += L->v[r].h;
		keep = true;
	}
	if (t->nhead > 0) {
		if (!group(&T, 0, t->nhead, !keep, false))
			goto out;
		keep = true;
	}
	if (!t->grid && (t->nhead > 0 || t->caption != NULL) &&
	    !cont_header(&T))
		goto out;
	if (!t->grid && !whole_fits(&T, capth, &whole))
		goto out;
	for (nbody = 0, r = t->nhead; r < t->nrows; r++)
		nbody += t->rows[r].role != ROW_GROUP;
	for (before = 0, r = t->nhead; r < t->nrows; r = r1) {
		r1 = group_end(&T, r);
		/* "Varav" rows stay with the row they break down, rows
		 * with the group heading above them; a table that fits
		 * a page is not split, and a split leaves two body rows
		 * at least on either side. */
		if (t->rows[r].role == ROW_PART ||
		    (r > t->nhead && t->rows[r - 1].role == ROW_GROUP) ||
		    (!t->grid && (whole || before < MIN_SPLIT_ROWS ||
		    nbody - before < MIN_SPLIT_ROWS)))
			keep = true;
		if (!group(&T, r, r1, !keep, true))
			goto out;
		for (; r < r1; r++)
			before += t->rows[r].role != ROW_GROUP;
		keep = false;
	}
	/* Notes (the source, a status legend) are short and belong to
	 * the table: each stays on the page of the last row. */
	for (nb = t->notes; nb != NULL; nb = nb->next) {
		L->keep = true;
		if (!lay_block(L, nb))
			goto out;
	}
	if (T.land)
		landscape(L, v0, T.avail);
	rc = 1;
out:
	L->x1 = x1;
	free(T.cells);
	free(T.rows);
	free(T.colx);
	free(T.colw);
	free(T.colmin);
	free(T.colpref);
	free(T.intw);
	free(T.fracw);
	free(T.comma);
	free(T.gutter);
	free(T.headw);
	free(T.it);
	free(T.bx);
	free(T.S.v);
	free(T.S.it);
	free(T.S.mk);
	free(T.S.lab);
	free(T.S.cont);
	return rc;
}

/*
 * Unit tests of table layout: column widths, decimal commas, cells
 * kept inside their boxes, long tables over pages with the header and
 * "(forts.)" caption repeated, rows taller than a page, rowspans,
 * grids, status symbols, a table too wide for the page; and a PDF of a
 * long table with its cell boxes for tests/check_table.py.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../../gen/layout/layout.h"
#include "../../gen/layout/layout_private.h"
#include "../../gen/pdf/pdf.h"
#include "test.h"
#include "testdoc.h"

#define EPS	0.01f

enum { S_TEXT, S_BOLD, S_CAP, S_TABLE, S_TOTAL, S_CELL, S_HEADROW,
    S_FOOT, S_LIST, S__N };

static struct fontset *fs;

static struct doc *
mkdoc(void)
{
	struct doc *d = xcalloc(1, sizeof(*d));
	struct style *s;
	struct page_style *ps;
	int	 v;

	d->nfamilies = 2;
	d->families = xcalloc(2, sizeof(*d->families));
	d->families[0].name = xstrdup("Liberation Serif");
	d->families[1].name = xstrdup("DejaVu Sans");
	for (v = 0; v < 4; v++) {
		d->families[0].file[v] = xstrdup(serif[v]);
		d->families[1].file[v] = xstrdup(dejavu[v]);
	}
	d->fallback_family = 1;
	d->code_family = -1;
	d->title = xstrdup("Tabeller");
	d->lang = xstrdup("sv-SE");
	d->date = xstrdup("2026-12-08");
	d->nstyles = S__N;
	d->styles = s = xcalloc(S__N, sizeof(*s));
	for (v = 0; v < S__N; v++) {
		s[v].name = xasprintf("s%d", v);
		s[v].size = 10;
		s[v].leading = 13;
		s[v].align = ALIGN_LEFT;
		s[v].hyphenate = true;
	}
	s[S_BOLD].face = FACE_BOLD;
	s[S_CAP].face = FACE_BOLD;
	s[S_CAP].space_after = 4;
	s[S_CAP].keep_with_next = true;
	s[S_TABLE].rule_above = 1;
	s[S_TABLE].rule_below = 0.3f;
	s[S_TABLE].padding = 3;
	s[S_TABLE].has_padding = true;
	s[S_TOTAL].rule_above = 0.8f;
	s[S_TOTAL].has_fill = true;
	s[S_TOTAL].fill.r = s[S_TOTAL].fill.g = s[S_TOTAL].fill.b = 0.9f;
	s[S_CELL].has_fill = true;
	s[S_CELL].fill.r = s[S_CELL].fill.g = s[S_CELL].fill.b = 0.97f;
	s[S_CELL].padding = 4;
	s[S_CELL].has_padding = true;
	s[S_HEADROW].has_fill = true;
	s[S_HEADROW].fill.r = 0.85f;
	s[S_HEADROW].fill.g = 0.9f;
	s[S_HEADROW].fill.b = 1;
	s[S_FOOT].size = 9;
	s[S_LIST].label_width = 12;
	s[S_LIST].space_after = 2;
	d->npage_styles = 1;
	d->page_styles = ps = xcalloc(1, sizeof(*ps));
	ps->name = xstrdup("a4");
	ps->width = 595;
	ps->height = 842;
	ps->margin_top = ps->margin_bottom = 72;
	ps->margin_left = ps->margin_right = 72;
	ps->footer.center = xstrdup("Sida {page} ({pages})");
	ps->footer.style = &s[S_FOOT];
	ps->footer.y = 40;
	d->nparts = 1;
	d->parts = xcalloc(1, sizeof(*d->parts));
	d->parts[0].page = ps;
	return d;
}

static struct block *
para(struct doc *d, int style, const char *t)
{
	struct block *b = block_new(BLOCK_PARA);

	b->style = &d->styles[style];
	b->spans = span_new(SPAN_TEXT, 0, t);
	b->spans->pos.file = "tabell.csv";
	b->spans->pos.line = 2;
	b->spans->pos.col = 1;
	return b;
}

static void
append(struct block **head, struct block *b)
{
	while (*head != NULL)
		head = &(*head)->next;
	*head = b;
}

static struct table *
mktable(struct doc *d, size_t ncols, size_t nrows, size_t nhead)
{
	struct table *t = xcalloc(1, sizeof(*t));

	t->ncols = ncols;
	t->cols = xcalloc(ncols, sizeof(*t->cols));
	t->nrows = nrows;
	t->rows = xcalloc(nrows, sizeof(*t->rows));
	t->nhead = nhead;
	t->style = &d->styles[S_TABLE];
	t->pos.file = "tabell.csv";
	t->pos.line = 1;
	t->pos.col = 1;
	t->status_color[1].g = 0.6f;
	t->status_color[2].r = t->status_color[2].g = 0.9f;
	t->status_color[3].r = 0.8f;
	return t;
}

/* Adds a cell (in column order) holding blocks b to row r. */
static struct table_cell *
addcell(struct table *t, size_t r, size_t col, struct block *b)
{
	struct table_row *row = &t->rows[r];
	struct table_cell *c;

	row->cells = xrealloc(row->cells, (row->ncells + 1) *
	    sizeof(*row->cells));
	c = &row->cells[row->ncells++];
	memset(c, 0, sizeof(*c));
	c->blocks = b;
	c->col = col;
	c->colspan = c->rowspan = 1;
	c->pos.file = "tabell.csv";
	c->pos.line = (int)r + 2;
	c->pos.col = (int)col + 1;
	row->role = r < t->nhead ? ROW_HEAD : ROW_DATA;
	return c;
}

static struct block *
tblock(struct doc *d, struct table *t)
{
	struct block *b = block_new(BLOCK_TABLE);

	(void)d;
	b->table = t;
	b->pos = t->pos;
	return b;
}

static struct pages *
lay(struct doc *d)
{
	struct pages *p;

	diag_clear();
	p = layout_doc(d, fs);
	if (p == NULL && diag_first() != NULL)
		printf("  %s\n", diag_first());
	return p;
}

/* The cell fill rect of cell c on page pg (cells styled S_CELL). */
static const struct pitem *
cellrect(const struct page *pg, const struct table_cell *c)
{
	size_t	 i;

	for (i = 0; i < pg->nitems; i++)
		if (pg->items[i].kind == PITEM_RECT &&
		    pg->items[i].cell == c)
			return &pg->items[i];
	return NULL;
}

/* Every text item of a cell lies within its cell's box less the
 * padding (glyph extent: baseline - 0.25 em to + 0.9 em).  Returns
 * the number of items checked. */
static size_t
check_inside(const struct pages *p, float pad)
{
	size_t	 pg, i, n = 0;
	const struct pitem *it, *r;

	for (pg = 0; pg < p->n; pg++)
		for (i = 0; i < p->v[pg].nitems; i++) {
			it = &p->v[pg].items[i];
			if (it->kind != PITEM_TEXT || it->cell == NULL)
				continue;
			r = cellrect(&p->v[pg], it->cell);
			CHECK(r != NULL);
			if (r == NULL)
				continue;
			n++;
			CHECK(it->x >= r->x + pad - EPS);
			CHECK(it->x + it->w <= r->x + r->w - pad + EPS);
			CHECK(it->y - 0.25f * it->size >= r->y - EPS);
			CHECK(it->y + 0.9f * it->size <= r->y + r->h + EPS);
			if (it->x + it->w > r->x + r->w - pad + EPS)
				printf("  \"%s\" ends at %.2f, cell at %.2f\n",
				    it->text, it->x + it->w,
				    r->x + r->w - pad);
		}
	return n;
}

/* Width of text in face at size. */
static float
width(int face, float size, const char *s)
{
	size_t	 i, n, len = strlen(s);
	uint32_t c;
	float	 w = 0;
	int	 u;

	for (i = 0; i < len; i += n) {
		n = utf8_decode(s + i, len - i, &c);
		if (n == 0)
			return -1;
		u = fontset_width(fs, face, c);
		if (u < 0)
			u = fontset_width(fs, 4 + face % 4, c);
		w += (float)u * size / 1000.0f;
	}
	return w;
}

/* The text item of a block on page pg, or NULL. */
static const struct pitem *
item_of(const struct page *pg, const struct block *b)
{
	size_t	 i;

	for (i = 0; i < pg->nitems; i++)
		if (pg->items[i].kind == PITEM_TEXT && pg->items[i].node == b)
			return &pg->items[i];
	return NULL;
}

/* Decimal commas line up; integers, "?" and "Saknas" end where the
 * integer parts end; a long word ends at the column's edge; numbers
 * stay on one line. */
/* The number cells' own style may be right-aligned (a template
 * writer's natural choice): the commas still align, and the column is
 * measured by its text, not by where the alignment put it. */
TEST(decimal_commas_right_style)
{
	static const char *vals[] = { "1\xc2\xa0" "250,5", "0,125", "42" };
	struct doc *d = mkdoc();
	struct table *t = mktable(d, 2, 3, 0);
	struct block *cells[3];
	struct pages *p;
	const struct pitem *it;
	float	 e[2];
	size_t	 i;

	d->styles[S_TEXT].align = ALIGN_RIGHT;
	t->cols[0].wrap = true;
	t->cols[1].align = CELL_DECIMAL;
	for (i = 0; i < 3; i++) {
		addcell(t, i, 0, para(d, S_TEXT, "Rad"));
		cells[i] = para(d, S_TEXT, vals[i]);
		addcell(t, i, 1, cells[i]);
	}
	append(&d->parts[0].blocks, tblock(d, t));
	p = lay(d);
	CHECK(p != NULL);
	if (p == NULL) {
		doc_free(d);
		return;
	}
	for (i = 0; i < 2; i++) {
		it = item_of(&p->v[0], cells[i]);
		CHECK(it != NULL);
		if (it == NULL)
			break;
		e[i] = it->x + width(it->face, it->size, vals[i]) -
		    width(it->face, it->size, strchr(vals[i], ',') + 1);
		CHECK(it->x + it->w <= 523 + EPS);
	}
	if (i == 2)
		CHECK(fabsf(e[0] - e[1]) < 0.01f);
	pages_free(p);
	doc_free(d);
}

TEST(decimal_commas)
{
	static const char *vals[] = {
		"1\xc2\xa0" "250,5", "\xe2\x88\x92" "3,25", "4,2\xc2\xa0%",
		"42", "?", "Saknas", "0,125", "Inga uppgifter",
		"\xe2\x88\x92" "13\xc2\xa0" "808,3",
	};
	size_t	 n = sizeof(vals) / sizeof(vals[0]), i;
	struct doc *d = mkdoc();
	struct table *t = mktable(d, 2, n + 1, 1);
	struct block *cells[16];
	struct pages *p;
	const struct pitem *it, *r;
	float	 comma = -1, e, cw = width(0, 10, ",");

	t->cols[0].wrap = true;
	t->cols[1].align = CELL_DECIMAL;
	addcell(t, 0, 0, para(d, S_BOLD, "Verksamhet"))->style =
	    &d->styles[S_CELL];
	addcell(t, 0, 1, para(d, S_BOLD, "Utfall mkr"))->style =
	    &d->styles[S_CELL];
	for (i = 0; i < n; i++) {
		addcell(t, i + 1, 0, para(d, S_TEXT, "Rad"))->style =
		    &d->styles[S_CELL];
		cells[i] = para(d, S_TEXT, vals[i]);
		addcell(t, i + 1, 1, cells[i])->style = &d->styles[S_CELL];
	}
	append(&d->parts[0].blocks, tblock(d, t));
	p = lay(d);
	CHECK(p != NULL);
	if (p == NULL) {
		doc_free(d);
		return;
	}
	CHECK_INT(p->n, 1);
	for (i = 0; i < n; i++) {
		it = item_of(&p->v[0], cells[i]);
		CHECK(it != NULL);
		if (it == NULL)
			continue;
		/* One item: one line, one face. */
		CHECK_STR(it->text, vals[i]);
		r = cellrect(&p->v[0], &t->rows[i + 1].cells[1]);
		CHECK(r != NULL);
		if (strchr(vals[i], ',') != NULL) {
			e = it->x + width(it->face, it->size, vals[i]) -
			    width(it->face, it->size, strchr(vals[i], ',') + 1);
			if (comma < 0)
				comma = e;
			CHECK(fabsf(e - comma) < 0.01f);
			if (fabsf(e - comma) >= 0.01f)
				printf("  %s: comma at %.3f, not %.3f\n",
				    vals[i], e, comma);
		}
	}
	CHECK(comma > 0);
	/* "42", "?" and "Saknas" end where the commas begin. */
	for (i = 3; i <= 5; i++) {
		it = item_of(&p->v[0], cells[i]);
		if (it != NULL)
			CHECK(fabsf(it->x + it->w - (comma - cw)) < 0.01f);
	}
	/* "Inga uppgifter" ends at the column's inner edge. */
	it = item_of(&p->v[0], cells[7]);
	r = cellrect(&p->v[0], &t->rows[8].cells[1]);
	if (it != NULL && r != NULL)
		CHECK(fabsf(it->x + it->w - (r->x + r->w - 4)) < 0.01f);
	CHECK(check_inside(p, 4) == 2 * n + 2);
	pages_free(p);
	doc_free(d);
}

static const char *words =
    "Regionstyrelsen följer upp målet genom kvartalsvisa rapporter från "
    "förvaltningarna. Tillgängligheten i primärvården har förbättrats "
    "under året, men väntetiderna till specialistvården är fortfarande "
    "längre än vårdgarantin medger.";

/* Columns share the width by content: a long text column gets the
 * space, numbers keep their width, nothing leaves its cell; status
 * symbols differ in shape; Varav rows are indented; totals have a
 * rule and a fill. */
TEST(widths_and_cells)
{
	struct doc *d = mkdoc();
	struct table *t = mktable(d, 4, 6, 1);
	struct block *lst, *item;
	struct pages *p;
	const struct page *pg;
	const struct pitem *it, *a, *b;
	size_t	 i, k, r, ncirc = 0, ntri = 0, nsq = 0, nlines = 0;
	float	 colx[4], x1;
	static const char *status[] = { "Uppfyllt", "Delvis uppfyllt",
	    "Ej uppfyllt" };

	t->cols[0].wrap = true;
	t->cols[1].align = CELL_DECIMAL;
	t->cols[2].wrap = true;
	t->cols[3].wrap = true;
	t->cols[3].weight = 1;
	addcell(t, 0, 0, para(d, S_BOLD, "Mål"));
	addcell(t, 0, 1, para(d, S_BOLD, "Utfall 2026 mkr"));
	addcell(t, 0, 2, para(d, S_BOLD, "Resultat"));
	addcell(t, 0, 3, para(d, S_BOLD, "Kommentar"));
	t->rows[0].style = &d->styles[S_HEADROW];
	for (r = 1; r < 6; r++) {
		t->rows[r].role = ROW_DATA;
		addcell(t, r, 0, para(d, S_TEXT, r == 3 ? "Varav primärvård" :
		    "Tillgänglig vård"));
		addcell(t, r, 1, para(d, S_TEXT, r == 2 ? "12\xc2\xa0" "345,6" :
		    "7,0"));
		addcell(t, r, 2, para(d, S_TEXT, status[(r - 1) % 3]))->status =
		    (int)(r - 1) % 3 + 1;
		addcell(t, r, 3, para(d, S_TEXT, words));
		for (k = 0; k < 4; k++)
			t->rows[r].cells[k].style = &d->styles[S_CELL];
	}
	for (k = 0; k < 4; k++)
		t->rows[0].cells[k].style = &d->styles[S_CELL];
	t->rows[3].role = ROW_PART;
	t->rows[5].role = ROW_TOTAL;
	t->rows[5].style = &d->styles[S_TOTAL];
	t->rows[5].cells[0].blocks->style = &d->styles[S_TOTAL];
	/* A comment that is a list. */
	lst = block_new(BLOCK_LIST);
	for (k = 0; k < 3; k++) {
		item = block_new(BLOCK_ITEM);
		item->style = &d->styles[S_LIST];
		item->label = span_new(SPAN_TEXT, 0, "•");
		item->children = para(d, S_TEXT, k == 1 ? words :
		    "Uppföljning i december");
		append(&lst->children, item);
	}
	blocks_free(t->rows[4].cells[3].blocks);
	t->rows[4].cells[3].blocks = lst;
	append(&d->parts[0].blocks, tblock(d, t));
	p = lay(d);
	CHECK(p != NULL);
	if (p == NULL) {
		doc_free(d);
		return;
	}
	CHECK_INT(p->n, 1);
	pg = &p->v[0];
	CHECK(check_inside(p, 4) > 20);
	/* Columns side by side over the whole text width; the comment
	 * column is the widest, the numbers are not broken. */
	for (k = 0; k < 4; k++) {
		a = cellrect(pg, &t->rows[1].cells[k]);
		CHECK(a != NULL);
		colx[k] = a != NULL ? a->x : 0;
		x1 = a != NULL ? a->x + a->w : 0;
		if (k == 0)
			CHECK(fabsf(colx[0] - 72) < EPS);
		else
			CHECK(colx[k] > colx[k - 1]);
		if (k == 3) {
			CHECK(fabsf(x1 - (595 - 72)) < EPS);
			CHECK(a != NULL && a->w > 200);
		}
	}
	it = item_of(pg, t->rows[2].cells[1].blocks);
	CHECK(it != NULL && strcmp(it->text, "12\xc2\xa0" "345,6") == 0);
	/* A short text column gets its natural width: the status word
	 * on one line, while the comments wrap. */
	it = item_of(pg, t->rows[2].cells[2].blocks);
	CHECK(it != NULL && strcmp(it->text, "Delvis uppfyllt") == 0);
	for (k = 0, i = 0; i < pg->nitems; i++)
		k += pg->items[i].node == t->rows[1].cells[3].blocks;
	CHECK(k >= 3);
	/* Varav: indented past the other rows' first column. */
	a = item_of(pg, t->rows[3].cells[0].blocks);
	b = item_of(pg, t->rows[1].cells[0].blocks);
	CHECK(a != NULL && b != NULL && a->x > b->x + 5);
	/* Symbols: circle, triangle, square, before the level's word,
	 * centred on its first line, artifacts. */
	for (i = 0; i < pg->nitems; i++) {
		it = &pg->items[i];
		/* Rules go across the table, once: the total's text has
		 * the row's style with its rule above. */
		if (it->kind == PITEM_LINE) {
			nlines++;
			CHECK(fabsf(it->w - (595 - 144)) < EPS);
		}
		if (it->kind != PITEM_CIRCLE && it->kind != PITEM_PATH)
			continue;
		CHECK(it->artifact && it->filled && it->cell != NULL);
		if (it->cell == NULL)
			continue;
		a = item_of(pg, it->cell->blocks);
		CHECK(a != NULL && it->x < a->x);
		if (a != NULL)
			CHECK(it->y > a->y && it->y < a->y + a->size * 0.6f);
		if (it->kind == PITEM_CIRCLE) {
			ncirc++;
			CHECK(it->cell->status == 1);
			CHECK(it->w > 2 && it->color.g == 0.6f);
		} else if (it->npts == 3) {
			ntri++;
			CHECK(it->cell->status == 2);
			CHECK(it->pts[5] > 0 && it->pts[1] < 0);
		} else if (it->npts == 4) {
			nsq++;
			CHECK(it->cell->status == 3);
		}
	}
	CHECK_INT(ncirc, 2);
	CHECK_INT(ntri, 2);
	CHECK_INT(nsq, 1);
	/* Frame above and below the header, separators, the total's
	 * rule above, the frame below. */
	CHECK(nlines >= 6);
	/* The total row's fill spans the table. */
	for (k = 0, i = 0; i < pg->nitems; i++)
		if (pg->items[i].kind == PITEM_RECT && pg->items[i].cell ==
		    NULL && fabsf(pg->items[i].w - (595 - 144)) < EPS &&
		    pg->items[i].color.r == 0.9f)
			k++;
	CHECK_INT(k, 1);
	/* For a look at it (tests/regress/tables.sh checks its text). */
	if (getenv("TEST_TMP") != NULL) {
		char	*path = xasprintf("%s/table-cells.pdf",
		    getenv("TEST_TMP"));

		CHECK(pdf_write(path, d, p));
		free(path);
	}
	/* Text items know their table, row and cell. */
	for (i = 0; i < pg->nitems; i++)
		if (pg->items[i].kind == PITEM_TEXT && pg->items[i].cell) {
			CHECK(pg->items[i].tblock == d->parts[0].blocks);
			CHECK(pg->items[i].trow < 6);
			CHECK(!pg->items[i].artifact);
			CHECK(pg->items[i].node != NULL);
		}
	pages_free(p);
	doc_free(d);
}

/* A long table of n rows, 2 header rows, caption, cells styled. */
static struct doc *
longdoc(size_t n, struct table **tp)
{
	struct doc *d = mkdoc();
	struct table *t = mktable(d, 4, n + 2, 2);
	struct block *cap;
	char	 buf[128];
	size_t	 r, k;

	t->cols[0].wrap = true;
	t->cols[1].align = CELL_DECIMAL;
	t->cols[2].align = CELL_DECIMAL;
	t->cols[3].align = CELL_RIGHT;
	addcell(t, 0, 0, para(d, S_BOLD, "Förvaltning"));
	addcell(t, 0, 1, para(d, S_BOLD, "Kostnader"))->colspan = 2;
	addcell(t, 0, 3, para(d, S_BOLD, "Förändring"));
	addcell(t, 1, 0, para(d, S_BOLD, "Enhet"));
	addcell(t, 1, 1, para(d, S_BOLD, "2025"));
	addcell(t, 1, 2, para(d, S_BOLD, "2026"));
	addcell(t, 1, 3, para(d, S_BOLD, "i %"));
	for (r = 0; r < n; r++) {
		t->rows[r + 2].role = ROW_DATA;
		snprintf(buf, sizeof(buf), "Vårdenhet %zu%s", r + 1,
		    r % 7 == 3 ? " med ett längre namn som behöver brytas "
		    "över flera rader i cellen" : "");
		addcell(t, r + 2, 0, para(d, S_TEXT, buf));
		snprintf(buf, sizeof(buf), "%zu,%zu", 100 + r * 37 % 900,
		    r % 10);
		addcell(t, r + 2, 1, para(d, S_TEXT, buf));
		snprintf(buf, sizeof(buf), "%zu\xc2\xa0%03zu,%zu", 1 + r % 9,
		    r * 13 % 1000, (r + 3) % 10);
		addcell(t, r + 2, 2, para(d, S_TEXT, buf));
		snprintf(buf, sizeof(buf), "%s%zu,%zu\xc2\xa0%%",
		    r % 3 == 0 ? "\xe2\x88\x92" : "", r % 40, r % 10);
		addcell(t, r + 2, 3, para(d, S_TEXT, buf));
	}
	for (r = 0; r < t->nrows; r++)
		for (k = 0; k < t->rows[r].ncells; k++)
			t->rows[r].cells[k].style = &d->styles[S_CELL];
	cap = para(d, S_CAP, "Tabell 1. Kostnader per vårdenhet, mkr");
	t->caption = cap;
	t->continued = xstrdup(" (forts.)");
	append(&d->parts[0].blocks, para(d, S_TEXT,
	    "Tabellen visar kostnaderna per enhet."));
	append(&d->parts[0].blocks, tblock(d, t));
	append(&d->parts[0].blocks, para(d, S_TEXT, "Text efter tabellen."));
	*tp = t;
	return d;
}

static double
seconds(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* 300 rows: every row once, on one page; the header rows and the
 * caption with "(forts.)" on every later page, nothing outside its
 * cell or the page area. */
TEST(long_table)
{
	struct table *t;
	struct doc *d = longdoc(300, &t);
	struct pages *p;
	const struct page *pg;
	const struct pitem *it;
	size_t	*seen, *onpage, i, k, r, np;
	int	 head, cap, forts;
	double	 t0;

	t0 = seconds();
	p = lay(d);
	printf("  300 rows: %.3f s\n", seconds() - t0);
	CHECK(p != NULL);
	if (p == NULL) {
		doc_free(d);
		return;
	}
	np = p->n;
	CHECK(np >= 8);
	seen = xcalloc(t->nrows * 4, sizeof(*seen));
	onpage = xcalloc(t->nrows, sizeof(*onpage));
	for (i = 0; i < np; i++) {
		pg = &p->v[i];
		head = cap = forts = 0;
		for (k = 0; k < pg->nitems; k++) {
			it = &pg->items[k];
			CHECK(it->y > 72 - 4 || it->y < 60);
			CHECK(it->y < 842 - 72 + EPS);
			CHECK(it->x >= 72 - EPS && it->x + it->w <= 595 - 72 +
			    EPS);
			if (it->kind != PITEM_TEXT)
				continue;
			if (it->node == t->caption) {
				if (strstr(it->text, "Tabell 1.") != NULL)
					cap++;
				if (strstr(it->text, "(forts.)") != NULL)
					forts++;
				CHECK(it->artifact == (i > 0));
			}
			if (it->cell == NULL)
				continue;
			r = it->trow;
			if (r < 2) {
				CHECK(it->artifact == (i > 0));
				if (strcmp(it->text, "Enhet") == 0)
					head++;
				continue;
			}
			/* Count the first item of each cell's first line. */
			if (it->cell->col < 4 && it == item_of(pg,
			    it->node))
				seen[r * 4 + it->cell->col]++;
			if (onpage[r] == 0)
				onpage[r] = i + 1;
			CHECK(onpage[r] == i + 1);
		}
		CHECK_INT(head, 1);
		CHECK_INT(cap, 1);
		CHECK_INT(forts, i > 0);
		/* The frame closes the table under its last row here. */
		{
			float	 low = 1e9f, frame = -1;

			for (k = 0; k < pg->nitems; k++) {
				it = &pg->items[k];
				if (it->kind == PITEM_TEXT && it->cell != NULL &&
				    it->y < low)
					low = it->y;
				if (it->kind == PITEM_LINE &&
				    it->line_width == 1 && (frame < 0 ||
				    it->y < frame))
					frame = it->y;
			}
			CHECK(frame > 72 - EPS && frame < low);
		}
	}
	for (r = 2; r < t->nrows; r++)
		for (k = 0; k < 4; k++)
			CHECK_INT(seen[r * 4 + k], 1);
	CHECK(check_inside(p, 4) > 1200);
	free(seen);
	free(onpage);
	pages_free(p);
	doc_free(d);
	/* Ten times the rows, about ten times the time. */
	d = longdoc(3000, &t);
	t0 = seconds();
	p = lay(d);
	printf("  3000 rows: %.3f s\n", seconds() - t0);
	CHECK(p != NULL && p->n > 10 * np - 10);
	pages_free(p);
	doc_free(d);
}

/* A row taller than a page is split between lines; every word of it
 * is there once, each chunk within the page, the header repeated. */
TEST(tall_row)
{
	struct doc *d = mkdoc();
	struct table *t = mktable(d, 2, 3, 1);
	struct buf b = { 0 }, got = { 0 };
	struct pages *p;
	const struct pitem *it;
	size_t	 i, k, pages = 0, heads = 0;
	bool	 on;

	for (i = 0; i < 30; i++)
		buf_puts(&b, words), buf_putc(&b, ' ');
	b.data[--b.len] = '\0';
	t->cols[0].wrap = true;
	t->cols[1].wrap = true;
	addcell(t, 0, 0, para(d, S_BOLD, "Område"));
	addcell(t, 0, 1, para(d, S_BOLD, "Redovisning"));
	t->rows[1].role = t->rows[2].role = ROW_DATA;
	addcell(t, 1, 0, para(d, S_TEXT, "Vårdgaranti"));
	addcell(t, 1, 1, para(d, S_TEXT, b.data));
	addcell(t, 2, 0, para(d, S_TEXT, "Sista raden"));
	addcell(t, 2, 1, para(d, S_TEXT, "Kort text"));
	for (i = 0; i < 3; i++)
		for (k = 0; k < 2; k++)
			t->rows[i].cells[k].style = &d->styles[S_CELL];
	t->rows[1].cells[1].blocks->style = &d->styles[S_TEXT];
	append(&d->parts[0].blocks, tblock(d, t));
	p = lay(d);
	CHECK(p != NULL);
	if (p == NULL) {
		doc_free(d);
		buf_free(&b);
		return;
	}
	CHECK(p->n >= 2);
	for (i = 0; i < p->n; i++) {
		on = false;
		for (k = 0; k < p->v[i].nitems; k++) {
			it = &p->v[i].items[k];
			CHECK(it->y >= 72 - 4 || it->y < 60);
			if (it->kind != PITEM_TEXT)
				continue;
			if (it->node == t->rows[0].cells[1].blocks)
				heads++;
			if (it->node != t->rows[1].cells[1].blocks)
				continue;
			on = true;
			buf_puts(&got, it->text);
			if (it->hyphen_added)
				got.data[--got.len] = '\0';
			else
				buf_putc(&got, ' ');
		}
		pages += on;
	}
	CHECK(pages >= 2);
	CHECK_INT(heads, p->n);
	CHECK(got.len > 0);
	if (got.len > 0)
		got.data[--got.len] = '\0';
	CHECK_STR(got.data, b.data);
	CHECK(check_inside(p, 4) > 50);
	buf_free(&b);
	buf_free(&got);
	pages_free(p);
	doc_free(d);
}

/* A table whose columns cannot fit: an error at its position saying
 * what to do. */
TEST(too_wide)
{
	struct doc *d = mkdoc();
	struct table *t = mktable(d, 12, 2, 1);
	struct pages *p;
	size_t	 k;

	t->pos.line = 7;
	t->pos.col = 3;
	for (k = 0; k < 12; k++) {
		addcell(t, 0, k, para(d, S_BOLD, "Rubrik"));
		addcell(t, 1, k, para(d, S_TEXT,
		    "Sjukvårdsförvaltningarna"));
	}
	append(&d->parts[0].blocks, tblock(d, t));
	/* A second one: both are reported in one run (check lists every
	 * table that does not fit), and the error stops the pack. */
	t = mktable(d, 12, 2, 1);
	t->pos.line = 9;
	t->pos.col = 1;
	for (k = 0; k < 12; k++) {
		addcell(t, 0, k, para(d, S_BOLD, "Rubrik"));
		addcell(t, 1, k, para(d, S_TEXT,
		    "Sjukvårdsförvaltningarna"));
	}
	append(&d->parts[0].blocks, tblock(d, t));
	p = lay(d);
	CHECK_INT(diag_errors(), 2);
	CHECK(diag_first() != NULL &&
	    strstr(diag_first(), "tabell.csv:7:3: error:") != NULL &&
	    strstr(diag_first(), "landscape") != NULL &&
	    strstr(diag_first(), "12 columns") != NULL);
	pages_free(p);
	doc_free(d);
	/* Bad shapes: a cell past the last column, a status level 4. */
	d = mkdoc();
	t = mktable(d, 2, 1, 0);
	addcell(t, 0, 1, para(d, S_TEXT, "x"))->colspan = 2;
	append(&d->parts[0].blocks, tblock(d, t));
	CHECK(lay(d) == NULL);
	CHECK(diag_first() != NULL && strstr(diag_first(),
	    "tabell.csv:2:2: error: a cell in row 1 reaches column 3") !=
	    NULL);
	doc_free(d);
	d = mkdoc();
	t = mktable(d, 1, 1, 0);
	addcell(t, 0, 0, para(d, S_TEXT, "x"))->status = 4;
	append(&d->parts[0].blocks, tblock(d, t));
	CHECK(lay(d) == NULL);
	CHECK(diag_first() != NULL && strstr(diag_first(), "status level 4")
	    != NULL);
	doc_free(d);
}

/* Hostile shapes: no columns, too many, a cell under a rowspan, a
 * rowspan past the table's end, no rows, a cell of 20 000 words: an
 * error or a layout, never a crash or a hang. */
TEST(bad_shapes)
{
	struct doc *d;
	struct table *t;
	struct pages *p;
	struct buf b = { 0 };
	size_t	 i, words_seen = 0, pg;

	d = mkdoc();
	t = mktable(d, 0, 1, 0);
	append(&d->parts[0].blocks, tblock(d, t));
	CHECK(lay(d) == NULL);
	CHECK(diag_first() != NULL && strstr(diag_first(), "0 columns"));
	doc_free(d);
	d = mkdoc();
	t = mktable(d, 65, 1, 0);
	append(&d->parts[0].blocks, tblock(d, t));
	CHECK(lay(d) == NULL);
	CHECK(diag_first() != NULL && strstr(diag_first(), "65 columns"));
	doc_free(d);
	d = mkdoc();
	t = mktable(d, 2, 2, 0);
	addcell(t, 0, 0, para(d, S_TEXT, "a"))->rowspan = 2;
	addcell(t, 0, 1, para(d, S_TEXT, "b"));
	addcell(t, 1, 0, para(d, S_TEXT, "c"));
	append(&d->parts[0].blocks, tblock(d, t));
	CHECK(lay(d) == NULL);
	CHECK(diag_first() != NULL && strstr(diag_first(),
	    "tabell.csv:3:1: error: a cell in row 2, column 1 lies under"));
	doc_free(d);
	/* A rowspan of a million rows ends with the table; no rows at
	 * all is an empty table. */
	d = mkdoc();
	t = mktable(d, 2, 2, 0);
	addcell(t, 0, 0, para(d, S_TEXT, "a"))->rowspan = 1000000;
	addcell(t, 0, 1, para(d, S_TEXT, "b"));
	addcell(t, 1, 1, para(d, S_TEXT, "c"));
	append(&d->parts[0].blocks, tblock(d, t));
	t = mktable(d, 3, 0, 0);
	t->caption = para(d, S_CAP, "Tom tabell");
	append(&d->parts[0].blocks, tblock(d, t));
	p = lay(d);
	CHECK(p != NULL && p->n == 1);
	pages_free(p);
	doc_free(d);
	/* 20 000 words in one cell: many pages, every word once. */
	for (i = 0; i < 20000; i++)
		buf_printf(&b, "ord%zu ", i);
	d = mkdoc();
	t = mktable(d, 2, 2, 1);
	t->cols[1].wrap = true;
	addcell(t, 0, 0, para(d, S_BOLD, "A"));
	addcell(t, 0, 1, para(d, S_BOLD, "B"));
	addcell(t, 1, 0, para(d, S_TEXT, "Lång"));
	addcell(t, 1, 1, para(d, S_TEXT, b.data));
	append(&d->parts[0].blocks, tblock(d, t));
	p = lay(d);
	CHECK(p != NULL && p->n > 20);
	for (pg = 0; p != NULL && pg < p->n; pg++)
		for (i = 0; i < p->v[pg].nitems; i++)
			if (p->v[pg].items[i].node == t->rows[1].cells[1].blocks) {
				const char *s = p->v[pg].items[i].text;

				while ((s = strstr(s, "ord")) != NULL) {
					words_seen++;
					s += 3;
				}
			}
	CHECK_INT(words_seen, 20000);
	pages_free(p);
	doc_free(d);
	buf_free(&b);
}

/* Signers side by side: a grid draws no rules and repeats nothing;
 * the same table not as a grid has rules. */
TEST(grid)
{
	int	 g;

	for (g = 0; g < 2; g++) {
		struct doc *d = mkdoc();
		struct table *t = mktable(d, 2, 2, 0);
		struct pages *p;
		struct block *b;
		size_t	 i, lines = 0;

		t->grid = g == 1;
		t->style = NULL;
		t->cols[0].weight = t->cols[1].weight = 1;
		t->cols[0].wrap = t->cols[1].wrap = true;
		b = para(d, S_TEXT, "Anna Andersson");
		append(&b, para(d, S_TEXT, "Regiondirektör"));
		addcell(t, 0, 0, b);
		b = para(d, S_TEXT, "Bertil Berg");
		append(&b, para(d, S_TEXT, "Ekonomidirektör"));
		addcell(t, 0, 1, b);
		addcell(t, 1, 0, NULL);
		addcell(t, 1, 1, para(d, S_TEXT, "Tom cell till vänster"));
		append(&d->parts[0].blocks, tblock(d, t));
		p = lay(d);
		CHECK(p != NULL);
		if (p == NULL) {
			doc_free(d);
			continue;
		}
		for (i = 0; i < p->v[0].nitems; i++)
			lines += p->v[0].items[i].kind == PITEM_LINE;
		CHECK(g ? lines == 0 : lines > 0);
		/* Equal weights: the second column starts mid-way; the
		 * title under the name. */
		{
			const struct pitem *n2 = item_of(&p->v[0],
			    t->rows[0].cells[1].blocks);
			const struct pitem *t2 = item_of(&p->v[0],
			    t->rows[0].cells[1].blocks->next);

			CHECK(n2 != NULL && t2 != NULL);
			if (n2 != NULL && t2 != NULL) {
				float	 w0 = n2->x - 3 - 72, w1 = 523 - w0 - 72;
				float	 m0 = fmaxf(width(0, 10, "Anna Andersson"),
				    width(0, 10, "Regiondirektör"));
				float	 m1 = width(0, 10, "Tom cell till vänster");

				/* Equal weights: equal shares of the spare
				 * width. */
				CHECK(fabsf((w0 - m0) - (w1 - m1)) < EPS);
				CHECK(fabsf(t2->x - n2->x) < EPS);
				CHECK(t2->y < n2->y - 10);
			}
		}
		pages_free(p);
		doc_free(d);
	}
}

/* padding="0" is a padding, not "the default": the text then starts
 * at the table's edge; without one it is 3 pt in. */
TEST(padding_zero)
{
	int	 z;

	for (z = 0; z < 2; z++) {
		struct doc *d = mkdoc();
		struct table *t = mktable(d, 1, 1, 0);
		struct pages *p;
		const struct pitem *it;

		t->grid = false;
		d->styles[S_TABLE].padding = 0;
		d->styles[S_TABLE].has_padding = z == 1;
		t->style = &d->styles[S_TABLE];
		addcell(t, 0, 0, para(d, S_TEXT, "Anna"));
		append(&d->parts[0].blocks, tblock(d, t));
		p = lay(d);
		CHECK(p != NULL);
		if (p != NULL) {
			it = item_of(&p->v[0], t->rows[0].cells[0].blocks);
			CHECK(it != NULL);
			if (it != NULL)
				CHECK(fabsf(it->x - (z ? 72 : 75)) < EPS);
		}
		pages_free(p);
		doc_free(d);
	}
}

/* A grid (signers, a header block) has no rules to frame: its text
 * starts at the margin whatever its padding. */
TEST(grid_at_margin)
{
	int	 z;

	for (z = 0; z < 2; z++) {
		struct doc *d = mkdoc();
		struct table *t = mktable(d, 2, 1, 0);
		struct pages *p;
		const struct pitem *it;

		t->grid = true;
		d->styles[S_TABLE].padding = 5;
		d->styles[S_TABLE].has_padding = z == 1;
		t->style = &d->styles[S_TABLE];
		addcell(t, 0, 0, para(d, S_TEXT, "Anna"));
		addcell(t, 0, 1, para(d, S_TEXT, "Berg"));
		append(&d->parts[0].blocks, tblock(d, t));
		p = lay(d);
		CHECK(p != NULL);
		if (p != NULL) {
			it = item_of(&p->v[0], t->rows[0].cells[0].blocks);
			CHECK(it != NULL);
			if (it != NULL)
				CHECK(fabsf(it->x - 72) < EPS);
		}
		pages_free(p);
		doc_free(d);
	}
}

/* The page a block's text is on, or -1. */
static int
page_of(const struct pages *p, const struct block *b)
{
	size_t	 i;

	for (i = 0; i < p->n; i++)
		if (item_of(&p->v[i], b) != NULL)
			return (int)i;
	return -1;
}

/* A table's notes (its source and a legend table under it) stay with
 * its last row wherever the table ends on the page: the filler above
 * moves the table down a line at a time over a page break. */
TEST(notes_stay)
{
	int	 k, bad = 0, split = 0;

	for (k = 30; k < 60; k++) {
		struct doc *d = mkdoc();
		struct table *t = mktable(d, 1, 3, 0), *leg;
		struct block *src, *lg, *last, *b;
		struct pages *p;
		int	 i, pl, ps, pg;

		for (i = 0; i < k; i++)
			append(&d->parts[0].blocks, para(d, S_TEXT, "Fyllnad"));
		addcell(t, 0, 0, para(d, S_TEXT, "Rad ett"));
		addcell(t, 1, 0, para(d, S_TEXT, "Rad två"));
		addcell(t, 2, 0, last = para(d, S_TEXT, "Rad tre"));
		src = para(d, S_TEXT, "Källa: påhittad");
		leg = mktable(d, 1, 1, 0);
		leg->grid = true;
		addcell(leg, 0, 0, lg = para(d, S_TEXT, "Uppfyllt"));
		src->next = tblock(d, leg);
		t->notes = src;
		b = tblock(d, t);
		append(&d->parts[0].blocks, b);
		/* Text after it: the table is not the document's tail. */
		for (i = 0; i < 8; i++)
			append(&d->parts[0].blocks, para(d, S_TEXT, "Efter"));
		if ((p = lay(d)) == NULL) {
			bad++;
			doc_free(d);
			continue;
		}
		pl = page_of(p, last);
		ps = page_of(p, src);
		pg = page_of(p, lg);
		if (pl != ps || pl != pg)
			bad++;
		if (pl != page_of(p, t->rows[0].cells[0].blocks))
			split++;
		pages_free(p);
		doc_free(d);
	}
	CHECK_INT(bad, 0);
	/* A table that fits on a page is moved whole to the next, never
	 * split with a stub. */
	CHECK_INT(split, 0);
}

/* A table longer than a page, moved down a line at a time over the
 * page break by the filler above: every page it is on holds two of its
 * body rows at least, and its group heading row is never the last row
 * of a page. */
TEST(split_rows)
{
	int	 k, bad = 0, lone = 0, splits = 0;

	for (k = 30; k < 70; k++) {
		struct doc *d = mkdoc();
		struct table *t = mktable(d, 1, 61, 1);
		struct block *rows[61];
		struct pages *p;
		int	 i, n[64], pg, prev;
		char	 txt[32];

		for (i = 0; i < k; i++)
			append(&d->parts[0].blocks, para(d, S_TEXT, "Fyllnad"));
		addcell(t, 0, 0, para(d, S_TEXT, "Rubrik"));
		t->rows[0].role = ROW_HEAD;
		for (i = 1; i < 61; i++) {
			snprintf(txt, sizeof(txt), "Rad %d", i);
			addcell(t, (size_t)i, 0, rows[i] =
			    para(d, S_TEXT, txt));
			t->rows[i].role = i == 21 || i == 45 ? ROW_GROUP :
			    ROW_DATA;
		}
		append(&d->parts[0].blocks, tblock(d, t));
		if ((p = lay(d)) == NULL) {
			bad++;
			doc_free(d);
			continue;
		}
		memset(n, 0, sizeof(n));
		for (i = 1, prev = -1; i < 61; i++) {
			pg = page_of(p, rows[i]);
			if (pg < 0 || pg >= 64) {
				bad++;
				break;
			}
			n[pg]++;
			if (prev >= 0 && pg != prev) {
				splits++;
				if (t->rows[i - 1].role == ROW_GROUP)
					lone++;
			}
			prev = pg;
		}
		for (i = 0; i < 64; i++)
			if (n[i] == 1)
				lone++;
		pages_free(p);
		doc_free(d);
	}
	CHECK_INT(bad, 0);
	CHECK_INT(lone, 0);
	/* The table did run over a page break. */
	CHECK(splits >= 40);
}

/* A cell spanning three rows: its rows stay on one page, its text
 * stays within them, and the separators leave it alone. */
TEST(rowspan)
{
	struct doc *d = mkdoc();
	struct table *t = mktable(d, 2, 61, 1);
	struct pages *p;
	struct buf b = { 0 };
	const struct pitem *it, *rc = NULL;
	size_t	 r, i, pg, span_page = 0;
	int	 k;

	for (k = 0; k < 3; k++)
		buf_puts(&b, words), buf_putc(&b, ' ');
	t->cols[0].wrap = t->cols[1].wrap = true;
	addcell(t, 0, 0, para(d, S_BOLD, "Strategiskt mål"));
	addcell(t, 0, 1, para(d, S_BOLD, "Framgångsfaktor"));
	for (r = 1; r < 61; r++) {
		t->rows[r].role = ROW_DATA;
		if (r % 3 == 1) {
			addcell(t, r, 0, para(d, S_TEXT, b.data))->rowspan = 3;
			t->rows[r].cells[0].style = &d->styles[S_CELL];
		}
		addcell(t, r, 1, para(d, S_TEXT, "Faktor"));
		t->rows[r].cells[t->rows[r].ncells - 1].style =
		    &d->styles[S_CELL];
	}
	t->rows[0].cells[0].style = t->rows[0].cells[1].style =
	    &d->styles[S_CELL];
	append(&d->parts[0].blocks, tblock(d, t));
	p = lay(d);
	CHECK(p != NULL);
	if (p == NULL) {
		doc_free(d);
		buf_free(&b);
		return;
	}
	CHECK(p->n >= 2);
	CHECK(check_inside(p, 4) > 100);
	for (r = 1; r < 61; r += 3) {
		const struct table_cell *sc = &t->rows[r].cells[0];

		for (pg = 0; pg < p->n; pg++)
			if ((rc = cellrect(&p->v[pg], sc)) != NULL)
				break;
		CHECK(rc != NULL);
		if (rc == NULL)
			continue;
		span_page = pg;
		/* The three rows' second cells on the same page, within
		 * the spanning cell's height. */
		for (k = 0; k < 3; k++) {
			const struct pitem *o = cellrect(&p->v[span_page],
			    &t->rows[r + (size_t)k].cells[k ? 0 : 1]);

			CHECK(o != NULL);
			if (o != NULL)
				CHECK(o->y >= rc->y - EPS && o->y + o->h <=
				    rc->y + rc->h + EPS);
		}
		/* No rule crosses the spanning cell. */
		for (i = 0; i < p->v[span_page].nitems; i++) {
			it = &p->v[span_page].items[i];
			if (it->kind != PITEM_LINE)
				continue;
			if (it->y > rc->y + 0.5f && it->y < rc->y + rc->h -
			    0.5f)
				CHECK(it->x >= rc->x + rc->w - EPS ||
				    it->x + it->w <= rc->x + EPS);
		}
	}
	buf_free(&b);
	pages_free(p);
	doc_free(d);
}

/* A long header over a column of short numbers wraps between its
 * words, each of its lines ending where the numbers end, while the
 * text column takes the rest of the width: the header does not widen
 * the numbers' column to its own width. */
TEST(header_over_numbers)
{
	struct doc *d = mkdoc();
	struct table *t = mktable(d, 3, 4, 1);
	struct block *head[3], *num[3][2];
	struct pages *p;
	const struct page *pg;
	const struct pitem *it;
	size_t	 i, r, k, lines;
	float	 right, y0;
	static const char *const v[3][2] = {
		{ "80 %", "5" }, { "90 %", "\xe2\x88\x92" "22" }, { "2 %", "19" }
	};

	t->cols[0].wrap = true;
	t->cols[1].align = CELL_DECIMAL;
	t->cols[2].align = CELL_DECIMAL;
	t->cols[1].wrap = t->cols[2].wrap = true;
	addcell(t, 0, 0, head[0] = para(d, S_BOLD, "Indikator"));
	addcell(t, 0, 1, head[1] = para(d, S_BOLD, "Målvärde"));
	addcell(t, 0, 2, head[2] = para(d, S_BOLD,
	    "Förändring, procentenheter"));
	t->rows[0].role = ROW_HEAD;
	for (r = 1; r < 4; r++) {
		t->rows[r].role = ROW_DATA;
		addcell(t, r, 0, para(d, S_TEXT, words));
		for (k = 0; k < 2; k++)
			addcell(t, r, k + 1, num[r - 1][k] =
			    para(d, S_TEXT, v[r - 1][k]));
	}
	append(&d->parts[0].blocks, tblock(d, t));
	p = lay(d);
	CHECK(p != NULL);
	if (p == NULL) {
		doc_free(d);
		return;
	}
	pg = &p->v[0];
	for (k = 0; k < 2; k++) {
		/* The numbers' right edge. */
		right = 0;
		for (r = 0; r < 3; r++) {
			it = item_of(pg, num[r][k]);
			CHECK(it != NULL);
			if (it != NULL && it->x + it->w > right)
				right = it->x + it->w;
		}
		/* Every line of the header ends there. */
		lines = 0;
		y0 = -1;
		for (i = 0; i < pg->nitems; i++) {
			it = &pg->items[i];
			if (it->kind != PITEM_TEXT || it->node != head[k + 1])
				continue;
			if (fabsf(it->x + it->w - right) > 0.05f)
				printf("header \"%s\" ends at %.2f, its numbers "
				    "at %.2f\n", it->text, it->x + it->w, right);
			CHECK(fabsf(it->x + it->w - right) <= 0.05f);
			if (it->y != y0)
				lines++;
			y0 = it->y;
		}
		/* "Målvärde" on one line, the long header on two. */
		CHECK_INT(lines, k == 0 ? 1 : 2);
	}
	pages_free(p);
	doc_free(d);
}

/* An anchor on the table and one in a cell land on their pages. */
TEST(anchors)
{
	struct table *t;
	struct doc *d = longdoc(120, &t);
	struct block *tb = d->parts[0].blocks->next;
	struct pages *p;
	const struct anchor *a;
	size_t	 i;

	tb->anchor = xstrdup("tabell-1");
	t->rows[100].cells[0].blocks->anchor = xstrdup("rad-99");
	p = lay(d);
	CHECK(p != NULL);
	if (p == NULL) {
		doc_free(d);
		return;
	}
	a = pages_anchor(p, "tabell-1");
	CHECK(a != NULL && a->page == 0);
	a = pages_anchor(p, "rad-99");
	CHECK(a != NULL);
	if (a != NULL) {
		const struct pitem *it = item_of(&p->v[a->page],
		    t->rows[100].cells[0].blocks);

		CHECK(it != NULL);
		if (it != NULL)
			CHECK(a->y > it->y && a->y < it->y + 30);
		for (i = 0; i < a->page; i++)
			CHECK(item_of(&p->v[i], t->rows[100].cells[0].blocks)
			    == NULL);
	}
	pages_free(p);
	doc_free(d);
}

/*
 * Writes a 300-row table to $TEST_TMP/table.pdf and its cells to
 * table.cells: per page, "page row col x0 y0 x1 y1 text" for every
 * data and header cell (the box less padding), for check_table.py.
 */
TEST(pdf_out)
{
	const char *dir = getenv("TEST_TMP");
	struct table *t;
	struct doc *d;
	struct pages *p;
	char	*path, *cells;
	FILE	*f;
	size_t	 i, k, m;

	if (dir == NULL)
		return;
	d = longdoc(300, &t);
	p = lay(d);
	CHECK(p != NULL);
	if (p == NULL) {
		doc_free(d);
		return;
	}
	path = xasprintf("%s/table.pdf", dir);
	cells = xasprintf("%s/table.cells", dir);
	CHECK(pdf_write(path, d, p));
	f = fopen(cells, "w");
	CHECK(f != NULL);
	for (i = 0; f != NULL && i < p->n; i++)
		for (k = 0; k < p->v[i].nitems; k++) {
			const struct pitem *r = &p->v[i].items[k];
			struct buf txt = { 0 };

			if (r->kind != PITEM_RECT || r->cell == NULL)
				continue;
			/* The cell's text, for finding its words. */
			for (m = 0; m < p->v[i].nitems; m++)
				if (p->v[i].items[m].kind == PITEM_TEXT &&
				    p->v[i].items[m].cell == r->cell) {
					if (txt.len > 0)
						buf_putc(&txt, ' ');
					buf_puts(&txt, p->v[i].items[m].text);
				}
			fprintf(f, "%zu\t%zu\t%zu\t%.2f\t%.2f\t%.2f\t%.2f\t%s\n",
			    i + 1, r->trow, r->cell->col, r->x + 4,
			    r->y + 4, r->x + r->w - 4, r->y + r->h - 4,
			    txt.data ? txt.data : "");
			buf_free(&txt);
		}
	if (f != NULL)
		fclose(f);
	free(path);
	free(cells);
	pages_free(p);
	doc_free(d);
}

int
main(void)
{
	struct doc *d = mkdoc();

	fs = fontset_new(d);
	if (fs == NULL) {
		diag_flush(stdout);
		return 1;
	}
	RUN(decimal_commas);
	RUN(widths_and_cells);
	RUN(long_table);
	RUN(tall_row);
	RUN(too_wide);
	RUN(bad_shapes);
	RUN(grid);
	RUN(notes_stay);
	RUN(split_rows);
	RUN(decimal_commas_right_style);
	RUN(padding_zero);
	RUN(grid_at_margin);
	RUN(rowspan);
	RUN(header_over_numbers);
	RUN(anchors);
	RUN(pdf_out);
	fontset_free(fs);
	doc_free(d);
	diag_clear();
	TEST_END();
}

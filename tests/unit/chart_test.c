/*
 * Charts: the tick algorithm, the laid-out items of line and bar
 * charts (texts, series styles, structure), the edge cases, and the
 * rendered PDF read back with poppler and qpdf.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "../../gen/layout/layout.h"
#include "../../gen/layout/layout_private.h"
#include "../../gen/pdf/pdf.h"
#include "test.h"
#include "testdoc.h"


enum { S_BODY, S_CHART, S_TITLE, S__N };

static char	 tmpdir[256];
static bool	 expect_errors;	/* lay() stays quiet */

static const char *months[12] = {
	"jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt",
	"nov", "dec"
};

static struct doc *
mkdoc(void)
{
	struct doc *d = xcalloc(1, sizeof(*d));
	struct style *s;
	struct page_style *ps;
	int	 v;

	d->nfamilies = 2;
	d->families = xcalloc(2, sizeof(*d->families));
	d->families[0].name = xstrdup("Liberation Sans");
	d->families[1].name = xstrdup("DejaVu Sans");
	for (v = 0; v < 4; v++) {
		d->families[0].file[v] = xstrdup(sans[v]);
		d->families[1].file[v] = xstrdup(dejavu[v]);
	}
	d->fallback_family = 1;
	d->code_family = -1;
	d->nstyles = S__N;
	d->styles = s = xcalloc(S__N, sizeof(*s));
	for (v = 0; v < S__N; v++) {
		s[v].name = xasprintf("s%d", v);
		s[v].size = 11;
		s[v].leading = 14;
		s[v].align = ALIGN_LEFT;
		s[v].space_after = 6;
	}
	s[S_CHART].size = 8;
	s[S_CHART].leading = 10;
	s[S_TITLE].face = FACE_BOLD;
	s[S_TITLE].size = 10;
	s[S_TITLE].leading = 13;
	s[S_TITLE].align = ALIGN_CENTER;
	d->npage_styles = 1;
	d->page_styles = ps = xcalloc(1, sizeof(*ps));
	ps->name = xstrdup("a4");
	ps->width = 595;
	ps->height = 842;
	ps->margin_top = ps->margin_bottom = 72;
	ps->margin_left = ps->margin_right = 72;
	d->nparts = 1;
	d->parts = xcalloc(1, sizeof(*d->parts));
	d->parts[0].page = ps;
	d->title = xstrdup("Diagram");
	d->lang = xstrdup("sv-SE");
	d->date = xstrdup("2026-12-08");
	return d;
}

/* A chart of ncat categories and nser series; values by f(s, i). */
static struct chart *
mkchart(struct doc *d, enum chart_kind kind, const char *title,
    size_t ncat, size_t nser, double (*f)(size_t, size_t))
{
	struct chart *ch = xcalloc(1, sizeof(*ch));
	size_t	 i, s;

	ch->kind = kind;
	ch->title = title ? xstrdup(title) : NULL;
	ch->unit = xstrdup("mkr");
	ch->ncategories = ncat;
	ch->categories = xcalloc(ncat ? ncat : 1, sizeof(char *));
	for (i = 0; i < ncat; i++)
		ch->categories[i] = ncat == 12 ? xstrdup(months[i]) :
		    xasprintf("%zu", 2000 + i);
	ch->nseries = nser;
	ch->series = xcalloc(nser ? nser : 1, sizeof(*ch->series));
	for (s = 0; s < nser; s++) {
		ch->series[s].name = xasprintf("%zu", 2024 + s);
		ch->series[s].values = xcalloc(ncat ? ncat : 1,
		    sizeof(double));
		ch->series[s].present = xcalloc(ncat ? ncat : 1, sizeof(bool));
		for (i = 0; i < ncat; i++) {
			ch->series[s].values[i] = f(s, i);
			ch->series[s].present[i] = true;
		}
	}
	ch->decimals = 1;
	ch->height = 160;
	ch->text = &d->styles[S_CHART];
	ch->title_style = &d->styles[S_TITLE];
	ch->alt = xstrdup("Diagram");
	ch->pos.file = "figur.csv";
	ch->pos.line = 3;
	ch->pos.col = 1;
	return ch;
}

static struct block *
chart_block(struct chart *ch)
{
	struct block *b = block_new(BLOCK_CHART);

	b->chart = ch;
	b->pos = ch->pos;
	return b;
}

static void
append(struct block **head, struct block *b)
{
	while (*head != NULL)
		head = &(*head)->next;
	*head = b;
}

static double
monthly(size_t s, size_t i)
{
	return 100 + 10 * (double)s + 35.5 * sin((double)i / 2.0);
}

static double
byyear(size_t s, size_t i)
{
	return (double)((i * 7 + s * 13) % 17) - 5.5;
}

/* Lays out the doc; NULL (after printing the first message) if it
 * fails. */
static struct pages *
lay(struct doc *d, struct fontset **fsp)
{
	struct fontset *fs;
	struct pages *p;

	*fsp = NULL;
	if ((fs = fontset_new(d)) == NULL) {
		printf("fonts: %s\n", diag_first() ? diag_first() : "");
		return NULL;
	}
	*fsp = fs;
	p = layout_doc(d, fs);
	if (p == NULL && !expect_errors)
		printf("layout: %s\n", diag_first() ? diag_first() : "");
	return p;
}

/* The text items of a page joined by newlines. */
static char *
page_text(const struct page *pg)
{
	struct buf b = { 0 };
	size_t	 i;

	buf_puts(&b, "");
	for (i = 0; i < pg->nitems; i++)
		if (pg->items[i].kind == PITEM_TEXT) {
			buf_puts(&b, pg->items[i].text);
			buf_putc(&b, '\n');
		}
	return buf_detach(&b);
}

static bool
has_line(const char *text, const char *line)
{
	size_t	 n = strlen(line);
	const char *p = text;

	while ((p = strstr(p, line)) != NULL) {
		if ((p == text || p[-1] == '\n') && p[n] == '\n')
			return true;
		p++;
	}
	return false;
}

/* ------------------------------------------------------------------ */

static void
check_ticks(double min, double max, bool zero, int maxn, double lo,
    double hi, double step, int dec)
{
	struct chart_ticks t;

	chart_ticks(min, max, zero, maxn, &t);
	CHECK(fabs(t.lo - lo) < 1e-9 * fmax(1, fabs(lo)));
	CHECK(fabs(t.hi - hi) < 1e-9 * fmax(1, fabs(hi)));
	CHECK(fabs(t.step - step) < 1e-12 * fmax(1, step));
	CHECK_INT(t.decimals, dec);
	CHECK(t.n >= 2 && t.n <= maxn && t.n <= CHART_MAX_TICKS);
	CHECK(fabs((t.k0 + t.n - 1) * t.step - t.hi) < 1e-9 * fmax(1,
	    fabs(hi)));
	if (fabs(t.lo - lo) > 1e-9 || fabs(t.hi - hi) > 1e-9 ||
	    t.step != step)
		printf("  ticks of %g..%g: %g..%g by %g (%d)\n", min, max,
		    t.lo, t.hi, t.step, t.n);
}

TEST(ticks)
{
	struct chart_ticks t;
	double	 m;
	int	 i;

	check_ticks(0, 135.5, true, 8, 0, 140, 20, 0);
	check_ticks(12.5, 135.5, true, 8, 0, 140, 20, 0);
	check_ticks(-13.4, 16.8, false, 8, -15, 20, 5, 0);
	check_ticks(-13.4, 16.8, true, 8, -15, 20, 5, 0);
	check_ticks(0, 0, true, 8, 0, 1, 0.2, 1);
	check_ticks(0, 0, false, 8, 0, 1, 0.2, 1);
	check_ticks(1e9, 1e9, false, 8, 0, 1e9, 2e8, 0);
	check_ticks(0, 1e9, true, 8, 0, 1e9, 2e8, 0);
	check_ticks(-7, -7, false, 8, -7, 0, 1, 0);
	check_ticks(0.31, 0.47, false, 8, 0.3, 0.5, 0.05, 2);
	check_ticks(0.31, 0.47, false, 8, 0.3, 0.5, 0.05, 2);
	/* Lines need not start at zero. */
	check_ticks(95, 105, false, 8, 94, 106, 2, 0);
	/* Few ticks on a short axis. */
	check_ticks(0, 135.5, true, 3, 0, 200, 100, 0);
	/* Tiny: steps stop at 10^-6, the last decimal shown. */
	check_ticks(0, 1e-9, true, 8, 0, 1e-6, 1e-6, 6);
	/* Huge with a tiny spread: no step below what a double holds. */
	chart_ticks(1e15, 1e15 + 1, false, 8, &t);
	CHECK(t.n >= 2 && t.n <= 8 && t.step >= 1e6);
	/* Not numbers: as if empty. */
	chart_ticks(NAN, INFINITY, true, 8, &t);
	CHECK(t.lo == 0 && t.hi == 1);
	/* Every range: zero included when asked, ends cover the data. */
	for (i = -40; i <= 40; i++) {
		m = pow(10, i / 5.0) * (i % 2 ? -1.7 : 3.1);
		chart_ticks(fmin(m / 3, m), fmax(m / 3, m), true, 8, &t);
		CHECK(t.n >= 2 && t.n <= 8);
		CHECK(t.lo <= fmin(0, fmin(m / 3, m)) + 1e-12);
		CHECK(t.hi >= fmax(0, fmax(m / 3, m)) - 1e-12);
		CHECK(t.decimals >= 0 && t.decimals <= 6);
		if (test_current_failed) {
			printf("  ticks of %g..%g: %g..%g by %g\n", m / 3, m,
			    t.lo, t.hi, t.step);
			break;
		}
	}
}

/* Shapes of a series' markers and lines, from the page items. */
struct seen {
	int	 markers[8];	/* by shape: circle, npts 3, 4, 12 ... */
	float	 dash[8];
	int	 lines;
};

TEST(line_chart_items)
{
	struct doc *d = mkdoc();
	struct chart *ch = mkchart(d, CHART_LINE, "Nettokostnad per månad",
	    12, 3, monthly);
	struct block *b = chart_block(ch);
	struct fontset *fs;
	struct pages *p;
	const struct page *pg;
	const struct pitem *it;
	char	*text;
	size_t	 i;
	int	 paths = 0, circles = 0, tri = 0, sq = 0, lines[3] = { 0 };
	float	 dash[3] = { -1, -1, -1 };

	free(ch->series[1].name);
	ch->series[1].name = xstrdup("Budget 2025");
	ch->series[2].present[4] = false;	/* a gap */
	append(&d->parts[0].blocks, b);
	p = lay(d, &fs);
	CHECK(p != NULL);
	if (p == NULL)
		goto out;
	CHECK_INT(p->n, 1);
	pg = &p->v[0];
	text = page_text(pg);
	CHECK(has_line(text, "Nettokostnad per månad"));
	CHECK(has_line(text, "mkr"));
	CHECK(has_line(text, "jan"));
	CHECK(has_line(text, "dec"));
	CHECK(has_line(text, "2024"));
	CHECK(has_line(text, "Budget 2025"));
	CHECK(has_line(text, "2026"));
	/* monthly(): 64,5..145,5: ticks 60..150 by 10 or 20. */
	CHECK(has_line(text, "80"));
	CHECK(has_line(text, "140"));
	CHECK(!has_line(text, "0"));
	free(text);
	for (i = 0; i < pg->nitems; i++) {
		it = &pg->items[i];
		CHECK(it->node == b);
		if (it->kind == PITEM_TEXT)
			CHECK(!it->artifact);
		if (it->kind == PITEM_PATH && !it->closed) {
			/* Series lines: 12 points, or 4 + 7 around the gap
			 * (legend samples have 2). */
			CHECK(!it->artifact);
			CHECK(it->stroked && !it->filled);
			if (it->npts > 2) {
				size_t	 s = it->npts == 12 && dash[0] < 0 ? 0 :
				    it->npts == 12 ? 1 : 2;

				if (dash[s] < 0 || it->npts != 12)
					dash[s] = it->dash_on;
				lines[s]++;
			}
			paths++;
		}
		if (it->kind == PITEM_CIRCLE) {
			CHECK(!it->artifact && it->filled);
			circles++;
		}
		if (it->kind == PITEM_PATH && it->closed && it->npts == 3)
			tri++;
		if (it->kind == PITEM_PATH && it->closed && it->npts == 4)
			sq++;
		if (it->kind == PITEM_LINE)
			CHECK(it->artifact);	/* grid and axes */
	}
	/* Markers: 12 + 1 in the legend per series, one fewer for the
	 * gap. */
	CHECK_INT(circles, 13);
	CHECK_INT(sq, 13);
	CHECK_INT(tri, 12);
	CHECK_INT(lines[0], 1);
	CHECK_INT(lines[1], 1);
	CHECK_INT(lines[2], 2);		/* broken at the gap */
	CHECK(dash[0] == 0 && dash[1] > 0 && dash[2] > 0 && dash[1] !=
	    dash[2]);
	CHECK_INT(paths, 4 + 3);
	pages_free(p);
out:
	fontset_free(fs);
	doc_free(d);
	diag_clear();
}

/* Bars: one per present value, from the zero axis, fills differing in
 * lightness from series to series. */
TEST(bar_chart_items)
{
	struct doc *d = mkdoc();
	struct chart *ch = mkchart(d, CHART_BAR, "Resultat per år", 5, 3,
	    byyear);
	struct block *b = chart_block(ch);
	struct fontset *fs;
	struct pages *p;
	const struct page *pg;
	const struct pitem *it;
	char	*text;
	size_t	 i, s;
	int	 bars = 0, down = 0, up = 0;
	float	 light[3] = { -1, -1, -1 }, zero_y = -1, l;

	ch->series[0].present[2] = false;
	ch->series[1].values[0] = 0;	/* drawn, unlike a missing value */
	append(&d->parts[0].blocks, b);
	p = lay(d, &fs);
	CHECK(p != NULL);
	if (p == NULL)
		goto out;
	pg = &p->v[0];
	text = page_text(pg);
	CHECK(has_line(text, "Resultat per år"));
	CHECK(has_line(text, "0"));		/* bars include zero */
	CHECK(has_line(text, "\xe2\x88\x92" "5"));	/* −5 */
	CHECK(has_line(text, "2000"));
	CHECK(has_line(text, "2004"));
	free(text);
	/* The zero axis: the longest artifact rule not at the top. */
	for (i = 0; i < pg->nitems; i++) {
		it = &pg->items[i];
		if (it->kind == PITEM_LINE && it->artifact && it->h == 0 &&
		    it->line_width > 0.7f)
			zero_y = it->y;
	}
	CHECK(zero_y > 0);
	for (i = 0; i < pg->nitems; i++) {
		it = &pg->items[i];
		if (it->kind != PITEM_PATH || !it->closed || !it->filled)
			continue;
		CHECK(it->node == b && !it->artifact);
		if (fabsf(it->y - zero_y) < 0.01f) {
			up++;
			bars++;
		} else if (fabsf(it->y + it->pts[5] - zero_y) < 0.01f) {
			down++;
			bars++;
		} else
			continue;
		/* Which series: by the fill colour's lightness. */
		l = it->color.r + it->color.g + it->color.b;
		for (s = 0; s < 3; s++)
			if (light[s] < 0 || fabsf(light[s] - l) < 1e-4f)
				break;
		if (s < 3 && light[s] < 0)
			light[s] = l;
	}
	CHECK_INT(bars, 14);
	CHECK(up > 0 && down > 0);
	CHECK(light[0] >= 0 && light[1] >= 0 && light[2] >= 0);
	CHECK(fabsf(light[0] - light[1]) > 0.3f &&
	    fabsf(light[1] - light[2]) > 0.3f &&
	    fabsf(light[0] - light[2]) > 0.3f);
	pages_free(p);
out:
	fontset_free(fs);
	doc_free(d);
	diag_clear();
}

static double
constant(size_t s, size_t i)
{
	(void)s;
	(void)i;
	return 42;
}

static double
huge(size_t s, size_t i)
{
	return i == 1 ? 9e14 : 1e12 * (double)(s + 1);
}

static double
tiny(size_t s, size_t i)
{
	return 1e-9 * (double)(i + s);
}

/* Category labels on one baseline never overlap. */
static void
check_no_overlap(const struct page *pg, const struct block *b, float ymax)
{
	size_t	 i, j;
	const struct pitem *a, *c;

	for (i = 0; i < pg->nitems; i++) {
		a = &pg->items[i];
		if (a->kind != PITEM_TEXT || a->node != b || a->y > ymax)
			continue;
		for (j = i + 1; j < pg->nitems; j++) {
			c = &pg->items[j];
			if (c->kind != PITEM_TEXT || fabsf(c->y - a->y) > 0.01f)
				continue;
			CHECK(a->x + a->w <= c->x + 0.01f ||
			    c->x + c->w <= a->x + 0.01f);
		}
		CHECK(a->x >= 72 - 0.01f && a->x + a->w <= 595 - 72 + 0.01f);
	}
}

/* Edge cases render without crashing or drawing outside the text
 * area. */
TEST(edge_cases)
{
	static const struct {
		enum chart_kind kind;
		size_t	 ncat, nser;
		double	(*f)(size_t, size_t);
		int	 missing;	/* 1: all missing, 2: NaN and inf */
		int	 longname;
	} cases[] = {
		{ CHART_LINE, 12, 0, monthly, 0, 0 },
		{ CHART_BAR, 12, 0, monthly, 0, 0 },
		{ CHART_LINE, 1, 3, monthly, 0, 0 },
		{ CHART_BAR, 1, 3, monthly, 0, 0 },
		{ CHART_LINE, 12, 2, constant, 0, 0 },
		{ CHART_BAR, 12, 2, constant, 0, 0 },
		{ CHART_LINE, 12, 2, monthly, 1, 0 },
		{ CHART_BAR, 12, 2, monthly, 1, 0 },
		{ CHART_LINE, 12, 2, monthly, 2, 0 },
		{ CHART_LINE, 5, 2, huge, 0, 0 },
		{ CHART_BAR, 5, 2, huge, 0, 0 },
		{ CHART_LINE, 5, 2, tiny, 0, 0 },
		{ CHART_LINE, 60, 3, monthly, 0, 0 },
		{ CHART_BAR, 60, 3, byyear, 0, 0 },
		{ CHART_BAR, 4, 7, byyear, 0, 1 },
		{ CHART_LINE, 0, 2, monthly, 0, 1 },
		{ CHART_BAR, 6, 24, byyear, 0, 0 },
	};
	size_t	 k, i, s;

	for (k = 0; k < sizeof(cases) / sizeof(cases[0]); k++) {
		struct doc *d = mkdoc();
		struct chart *ch = mkchart(d, cases[k].kind, "Titel",
		    cases[k].ncat, cases[k].nser, cases[k].f);
		struct block *b = chart_block(ch);
		struct fontset *fs;
		struct pages *p;
		const struct page *pg;
		const struct pitem *it;

		for (s = 0; s < ch->nseries; s++)
			for (i = 0; i < ch->ncategories; i++) {
				if (cases[k].missing == 1)
					ch->series[s].present[i] = false;
				if (cases[k].missing == 2 && i % 3 == 0)
					ch->series[s].values[i] = i % 2 ? NAN :
					    INFINITY;
			}
		if (cases[k].longname)
			for (s = 0; s < ch->nseries; s++) {
				free(ch->series[s].name);
				ch->series[s].name = xasprintf("Hälso- och "
				    "sjukvårdsnämndens verksamhet inom "
				    "länssjukvården, primärvården och "
				    "tandvården i alla länsdelar %zu", s);
			}
		if (cases[k].ncat == 4)
			for (i = 0; i < 4; i++) {
				free(ch->categories[i]);
				ch->categories[i] = xstrdup(i == 2 ?
				    "Regionledningsförvaltningen" :
				    "Hälso- och sjukvård");
			}
		append(&d->parts[0].blocks, b);
		diag_clear();
		p = lay(d, &fs);
		CHECK(p != NULL);
		if (p != NULL) {
			CHECK_INT(p->n, 1);
			pg = &p->v[0];
			for (i = 0; i < pg->nitems; i++) {
				it = &pg->items[i];
				CHECK(isfinite(it->x) && isfinite(it->y));
				CHECK(it->x >= 72 - 1 && it->x <= 595 - 72 + 1);
				CHECK(it->y >= 72 - 1 && it->y <= 842 - 72 + 1);
				if (it->kind == PITEM_TEXT)
					CHECK(it->x + it->w <= 595 - 72 + 0.01f);
			}
			/* Labels under the plot (below the title line). */
			check_no_overlap(pg, b, 842 - 72 - 20);
			if (getenv("CHART_TEST_KEEP") != NULL) {
				char	*path = xasprintf("%s/edge%02zu.pdf",
				    tmpdir, k);

				CHECK(pdf_write(path, d, p));
				free(path);
			}
			if (test_current_failed)
				printf("  in case %zu\n", k);
			pages_free(p);
		}
		fontset_free(fs);
		doc_free(d);
	}
	diag_clear();
}

/* Category labels: long ones wrap under their bars; dense ones are
 * thinned, never overlapped; none are cut where wrapping will do. */
TEST(category_labels)
{
	static const char *names[5] = {
		"Personalkostnader", "Läkemedel", "Köpt vård",
		"Lokaler, energi och fastighetsservice", "Övriga kostnader"
	};
	struct doc *d = mkdoc();
	struct chart *ch = mkchart(d, CHART_BAR, "Kostnader", 5, 3, byyear);
	struct chart *ch2 = mkchart(d, CHART_LINE, "Tät", 60, 1, monthly);
	struct block *b = chart_block(ch), *b2 = chart_block(ch2);
	struct fontset *fs;
	struct pages *p;
	char	*text;
	size_t	 i, years = 0;

	for (i = 0; i < 5; i++) {
		free(ch->categories[i]);
		ch->categories[i] = xstrdup(names[i]);
	}
	append(&d->parts[0].blocks, b);
	append(&d->parts[0].blocks, b2);
	p = lay(d, &fs);
	CHECK(p != NULL);
	if (p != NULL) {
		text = page_text(&p->v[0]);
		CHECK(strstr(text, "\xe2\x80\xa6") == NULL);	/* no "…" */
		CHECK(has_line(text, "Personalkostnader"));
		CHECK(has_line(text, "Lokaler, energi och") ||
		    has_line(text, "Lokaler, energi"));
		CHECK(strstr(text, "fastighetsservice") != NULL);
		CHECK(has_line(text, "Övriga kostnader") ||
		    has_line(text, "Övriga"));
		free(text);
		check_no_overlap(&p->v[0], b, 842 - 72 - 20);
		check_no_overlap(&p->v[0], b2, 842);
		/* The dense chart: some years shown, not all 60. */
		for (i = 0; i < p->v[0].nitems; i++) {
			const struct pitem *it = &p->v[0].items[i];

			if (it->kind == PITEM_TEXT && it->node == b2 &&
			    strlen(it->text) == 4 && it->text[0] == '2' &&
			    it->text[1] == '0' && it->text[2] <= '5')
				years++;
		}
		/* 2000..2059 as labels; 2024 (the legend) is not counted
		 * apart, so at most one more. */
		CHECK(years >= 5 && years < 30);
		pages_free(p);
	}
	fontset_free(fs);
	doc_free(d);
	diag_clear();
}

/* Bad charts: reported at the chart's source position. */
TEST(errors)
{
	int	 k;

	static const char *want[] = {
		"more than a page has room for", "too large to draw",
		"too small", "without a text style", "with its title and "
		"legend", "need a size", "no room for the chart"
	};

	for (k = 0; k < 7; k++) {
		struct doc *d = mkdoc();
		struct chart *ch = mkchart(d, CHART_BAR, "Titel", 5, 2,
		    monthly);
		struct fontset *fs;
		struct pages *p;

		if (k == 0)
			ch->height = 900;	/* taller than the page */
		else if (k == 1)
			ch->series[1].values[3] = 2e15;
		else if (k == 2)
			ch->height = -5;
		else if (k == 3)
			ch->text = NULL;
		else if (k == 4)
			ch->height = 690;	/* fits, but not with the rest */
		else if (k == 5)
			d->styles[S_CHART].leading = 0;
		else
			d->page_styles[0].margin_right = 595 - 72 - 80;
		append(&d->parts[0].blocks, chart_block(ch));
		diag_clear();
		expect_errors = true;
		p = lay(d, &fs);
		expect_errors = false;
		CHECK(p == NULL);
		CHECK(diag_first() != NULL &&
		    strncmp(diag_first(), "figur.csv:3:1: error: ", 22) == 0);
		CHECK(diag_first() != NULL &&
		    strstr(diag_first(), want[k]) != NULL);
		if (test_current_failed)
			printf("  case %d: %s\n", k, diag_first() ?
			    diag_first() : "");
		pages_free(p);
		fontset_free(fs);
		doc_free(d);
	}
	diag_clear();
}

/* A chart breaks to the next page as a whole. */
TEST(unbreakable)
{
	struct doc *d = mkdoc();
	struct fontset *fs;
	struct pages *p;
	struct block *b;
	size_t	 i, n[2] = { 0, 0 }, pgi;
	int	 k;

	for (k = 0; k < 38; k++) {
		b = block_new(BLOCK_PARA);
		b->style = &d->styles[S_BODY];
		b->spans = span_new(SPAN_TEXT, 0, "Rad före diagrammet.");
		append(&d->parts[0].blocks, b);
	}
	b = chart_block(mkchart(d, CHART_LINE, "Titel", 12, 2, monthly));
	append(&d->parts[0].blocks, b);
	p = lay(d, &fs);
	CHECK(p != NULL);
	if (p != NULL) {
		CHECK_INT(p->n, 2);
		for (pgi = 0; pgi < p->n && pgi < 2; pgi++)
			for (i = 0; i < p->v[pgi].nitems; i++)
				if (p->v[pgi].items[i].node == b)
					n[pgi]++;
		CHECK_INT(n[0], 0);
		CHECK(n[1] > 50);
	}
	pages_free(p);
	fontset_free(fs);
	doc_free(d);
	diag_clear();
}

/* The rendered PDF: texts extract, paths are in the content stream, the
 * page renders. */
TEST(render)
{
	struct doc *d = mkdoc();
	struct block *b;
	struct fontset *fs;
	struct pages *p;
	char	*path = xasprintf("%s/chart.pdf", tmpdir), *cmd, *out;
	int	 st;

	b = chart_block(mkchart(d, CHART_LINE, "Nettokostnad per månad", 12,
	    3, monthly));
	append(&d->parts[0].blocks, b);
	b = chart_block(mkchart(d, CHART_BAR, "Resultat per år", 5, 3,
	    byyear));
	append(&d->parts[0].blocks, b);
	p = lay(d, &fs);
	CHECK(p != NULL);
	if (p == NULL)
		goto out;
	CHECK(pdf_write(path, d, p));
	cmd = xasprintf("pdftotext -layout '%s' - 2>&1", path);
	out = test_run(cmd, &st);
	CHECK_INT(st, 0);
	CHECK(strstr(out, "Nettokostnad per månad") != NULL);
	CHECK(strstr(out, "Resultat per år") != NULL);
	CHECK(strstr(out, "mkr") != NULL);
	CHECK(strstr(out, "2024") != NULL && strstr(out, "2026") != NULL);
	CHECK(strstr(out, "jan") != NULL && strstr(out, "dec") != NULL);
	CHECK(strstr(out, "140") != NULL);
	CHECK(strstr(out, "\xe2\x88\x92" "5") != NULL);
	free(cmd);
	free(out);

	/* Polylines, dashes, Bezier circles, closed and filled shapes. */
	cmd = xasprintf("qpdf --qdf --object-streams=disable '%s' - | "
	    "grep -a -c -e ' l$' -e '] 0 d$' -e ' c$' -e '^b Q$'", path);
	out = test_run(cmd, &st);
	CHECK(atoi(out) > 50);
	free(cmd);
	free(out);
	cmd = xasprintf("qpdf --qdf --object-streams=disable '%s' - | "
	    "grep -a -c -e '^\\[6 3 \\] 0 d$'", path);
	out = test_run(cmd, &st);
	CHECK(atoi(out) >= 2);	/* series 2: line and legend */
	free(cmd);
	free(out);
	cmd = xasprintf("qpdf --check '%s' >/dev/null 2>&1", path);
	CHECK_INT(system(cmd), 0);
	free(cmd);
	cmd = xasprintf("pdftoppm -r 40 -png -f 1 -l 1 '%s' '%s/chart' && "
	    "test -s '%s/chart-1.png'", path, tmpdir, tmpdir);
	CHECK_INT(system(cmd), 0);
	free(cmd);
	pages_free(p);
out:
	free(path);
	fontset_free(fs);
	doc_free(d);
	diag_clear();
}

int
main(void)
{
	const char *t = getenv("TMPDIR");
	char	*cmd;

	snprintf(tmpdir, sizeof(tmpdir), "%s/chart_test.XXXXXX",
	    t ? t : "/tmp");
	if (mkdtemp(tmpdir) == NULL) {
		perror("mkdtemp");
		return 1;
	}
	RUN(ticks);
	RUN(line_chart_items);
	RUN(bar_chart_items);
	RUN(edge_cases);
	RUN(category_labels);
	RUN(errors);
	RUN(unbreakable);
	RUN(render);
	if (getenv("CHART_TEST_KEEP") == NULL) {
		cmd = xasprintf("rm -rf '%s'", tmpdir);
		if (system(cmd) != 0)
			printf("cannot remove %s\n", tmpdir);
		free(cmd);
	} else
		printf("output kept in %s\n", tmpdir);
	TEST_END();
}

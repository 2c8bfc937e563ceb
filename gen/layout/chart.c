/*
 * Charts: line and bar charts drawn as vectors, one unbreakable box in
 * the vertical list.  From the top: the title, the unit, the plot with
 * its y axis ticks and grid, the category labels, the legend.
 *
 * Series are told apart without colour: lines by dash pattern and
 * marker shape, bars by fill lightness and hatching.  Texts are real
 * text items (they extract and search); grid and axes are artifacts.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "layout.h"
#include "layout_private.h"

#define MAX_CATEGORIES	400
#define MAX_SERIES	24
#define MAX_VALUE	1e15		/* sv_number and float geometry */
#define MIN_HEIGHT	36.0f
#define DEFAULT_HEIGHT	180.0f		/* plot height when none is set */
#define MIN_PLOT_WIDTH	72.0f

#define AXIS_WIDTH	0.75f
#define GRID_WIDTH	0.4f
#define SERIES_WIDTH	1.5f		/* line charts */
#define OUTLINE_WIDTH	0.5f		/* bars and markers */
#define HATCH_STEP	4.0f
#define LINE_SAMPLE	28.0f		/* legend: a piece of line */
#define MARKER_GAP	10.0f		/* markers at least this far apart */

static const struct rgb grid_color = { 0.82f, 0.82f, 0.82f };
static const struct rgb axis_color = { 0.3f, 0.3f, 0.3f };
static const struct rgb white = { 1, 1, 1 };

/* Text laid out as items [i0, i1) with the first baseline at y = 0. */
struct ctext {
	size_t	 i0, i1;
	float	 w;		/* widest line */
	int	 nlines;
};

struct cgeo {
	float	 x0, x1;	/* chart width */
	float	 pl, pr;	/* plot left and right */
	float	 top, bot;	/* plot, as distances down from the box top */
	float	 band;		/* per category */
	struct chart_ticks tk;
};

/* ------------------------------------------------------------------ */
/* Text. */

/*
 * Lays out s as text items, first baseline at y = 0, lines broken at
 * maxw (0: one line) and aligned within it.  The items take their faces
 * from the line breaker, so characters fall back as in paragraphs.
 */
static int
text_items(struct lay *L, const struct style *st, const struct block *b,
    const struct srcpos *pos, const char *s, float maxw, enum align al,
    struct ctext *ct)
{
	const struct lb_line *ln;
	const struct lb_run *r;
	struct pitem *p;
	struct span *sp;
	struct lb_in in;
	struct style left;
	size_t	 l, k;
	float	 dx;
	int	 rc;

	ct->i0 = ct->i1 = L->nit;
	ct->w = 0;
	ct->nlines = 0;
	if (s == NULL || *s == '\0')
		return 1;
	sp = span_new(SPAN_TEXT, 0, s);
	sp->pos = *pos;
	/* Broken ragged; aligned here, within maxw. */
	left = *st;
	left.align = ALIGN_LEFT;
	left.hyphenate = false;	/* words stay whole: checked to fit */
	memset(&in, 0, sizeof(in));
	in.style = &left;
	in.width0 = in.width = maxw > 0 ? maxw : 1e6f;
	in.nowarn = true;
	in.arena = L->arena;
	rc = lb_break(L->lb, &in, sp);
	spans_free(sp);
	if (!rc)
		return 0;
	for (l = 0; l < L->lb->nlines; l++) {
		ln = &L->lb->lines[l];
		dx = 0;
		if (maxw > 0 && al == ALIGN_CENTER)
			dx = (maxw - ln->width) / 2;
		else if (maxw > 0 && al == ALIGN_RIGHT)
			dx = maxw - ln->width;
		for (k = 0; k < ln->nruns; k++) {
			r = &L->lb->runs[ln->run0 + k];
			p = lay_pitem(L, PITEM_TEXT);
			lay_run_item(p, r, st, b, dx, -(float)l * st->leading);
		}
		if (ln->width > ct->w)
			ct->w = ln->width;
	}
	ct->nlines = (int)L->lb->nlines;
	ct->i1 = L->nit;
	return 1;
}

static void
move_text(struct lay *L, const struct ctext *ct, float dx, float dy)
{
	size_t	 i;

	for (i = ct->i0; i < ct->i1; i++) {
		L->it[i].x += dx;
		L->it[i].y += dy;
	}
}

/* Width of s on one line; no items are left behind. */
static int
measure(struct lay *L, const struct style *st, const struct block *b,
    const struct srcpos *pos, const char *s, float *w)
{
	struct ctext ct;

	if (!text_items(L, st, b, pos, s, 0, ALIGN_LEFT, &ct))
		return 0;
	L->nit = ct.i0;
	*w = ct.w;
	return 1;
}

/*
 * s cut to fit maxw with "…" (whole code points), or a copy of s if it
 * fits.  Caller frees; NULL after reporting.
 */
static char *
shorten(struct lay *L, const struct style *st, const struct block *b,
    const struct srcpos *pos, const char *s, float maxw)
{
	size_t	 len = strlen(s), *cut, ncut = 0, lo, hi, mid, n;
	char	*t;
	float	 w;
	int	 ok;

	if (!measure(L, st, b, pos, s, &w))
		return NULL;
	if (w <= maxw)
		return xstrdup(s);
	/* The longest prefix, cut between code points, that fits. */
	cut = xcalloc(len + 1, sizeof(*cut));
	for (n = 0; n <= len; n++)
		if (n == len || ((unsigned char)s[n] & 0xc0) != 0x80)
			cut[ncut++] = n;
	lo = 0;
	hi = ncut - 1;
	while (lo < hi) {
		mid = lo + (hi - lo + 1) / 2;
		t = xasprintf("%.*s\xe2\x80\xa6", (int)cut[mid], s);
		ok = measure(L, st, b, pos, t, &w);
		free(t);
		if (!ok) {
			free(cut);
			return NULL;
		}
		if (w <= maxw)
			lo = mid;
		else
			hi = mid - 1;
	}
	n = cut[lo];
	free(cut);
	/* No space before the ellipsis. */
	while (n > 0 && s[n - 1] == ' ')
		n--;
	return xasprintf("%.*s\xe2\x80\xa6", (int)n, s);
}

/* ------------------------------------------------------------------ */
/* Shapes.  Coordinates here are page-model y (up), relative to the box
 * top. */

static struct pitem *
shape(struct lay *L, const struct block *b, enum pitem_kind kind, float x,
    float y)
{
	struct pitem *p = lay_pitem(L, kind);

	p->x = x;
	p->y = y;
	p->node = b;
	return p;
}

static float *
points(struct lay *L, size_t n)
{
	return arena_alloc(L->arena, 2 * n * sizeof(float));
}

/* A rule: grid or axis (artifacts). */
static void
rule(struct lay *L, const struct block *b, float x, float y, float w, float h,
    float lw, struct rgb c)
{
	struct pitem *p = shape(L, b, PITEM_LINE, x, y);

	p->w = w;
	p->h = h;
	p->line_width = lw;
	p->color = c;
	p->artifact = true;
}

/* A marker of series s centred at (x, y), radius r. */
static void
marker(struct lay *L, const struct block *b, const struct chart *ch, size_t s,
    float x, float y, float r)
{
	struct pitem *p = NULL;
	struct chart_look lk;
	float	*v, a = r * 0.35f;
	size_t	 n = 0;

	chart_look(ch, s, &lk);
	switch (lk.marker) {
	case CHART_MK_CIRCLE:
		p = shape(L, b, PITEM_CIRCLE, x, y);
		p->w = r;
		break;
	case CHART_MK_SQUARE:
		r *= 0.9f;
		v = points(L, n = 4);
		v[0] = -r; v[1] = -r; v[2] = r; v[3] = -r;
		v[4] = r; v[5] = r; v[6] = -r; v[7] = r;
		break;
	case CHART_MK_TRIANGLE:
		r *= 1.2f;
		v = points(L, n = 3);
		v[0] = -r; v[1] = -r * 0.8f; v[2] = r; v[3] = -r * 0.8f;
		v[4] = 0; v[5] = r;
		break;
	case CHART_MK_DIAMOND:
		r *= 1.25f;
		v = points(L, n = 4);
		v[0] = 0; v[1] = -r; v[2] = r; v[3] = 0;
		v[4] = 0; v[5] = r; v[6] = -r; v[7] = 0;
		break;
	case CHART_MK_TRIANGLE_DOWN:
		r *= 1.2f;
		v = points(L, n = 3);
		v[0] = -r; v[1] = r * 0.8f; v[2] = r; v[3] = r * 0.8f;
		v[4] = 0; v[5] = -r;
		break;
	default:	/* MK_PLUS: a cross of two bars */
		r *= 1.2f;
		v = points(L, n = 12);
		v[0] = -a; v[1] = r; v[2] = a; v[3] = r;
		v[4] = a; v[5] = a; v[6] = r; v[7] = a;
		v[8] = r; v[9] = -a; v[10] = a; v[11] = -a;
		v[12] = a; v[13] = -r; v[14] = -a; v[15] = -r;
		v[16] = -a; v[17] = -a; v[18] = -r; v[19] = -a;
		v[20] = -r; v[21] = a; v[22] = -a; v[23] = a;
		break;
	}
	if (n > 0) {
		p = shape(L, b, PITEM_PATH, x, y);
		p->pts = v;
		p->npts = n;
		p->closed = true;
	}
	p->filled = true;
	p->color = lk.hollow ? white : lk.color;
	p->stroked = true;
	p->stroke = lk.color;
	p->line_width = OUTLINE_WIDTH;
}

/*
 * Hatching of the rectangle (x, y, w, h), h > 0: diagonal lines rising
 * (dir 1) or falling (dir -1), at multiples of the step so that
 * hatching lines up across bars.
 */
static void
hatch(struct lay *L, const struct block *b, float x, float y, float w,
    float h, struct rgb c, int dir)
{
	struct pitem *p;
	float	 c0, xa, xb, lo, hi;
	long	 k, k0, k1;

	if (w < HATCH_STEP || h < 1)
		return;
	/* Rising: y' - x' = c; falling: y' + x' = c. */
	lo = dir > 0 ? y - (x + w) : y + x;
	hi = dir > 0 ? y + h - x : y + h + x + w;
	k0 = (long)ceilf(lo / HATCH_STEP);
	k1 = (long)floorf(hi / HATCH_STEP);
	for (k = k0; k <= k1; k++) {
		c0 = (float)k * HATCH_STEP;
		if (dir > 0) {
			xa = fmaxf(x, y - c0);
			xb = fminf(x + w, y + h - c0);
		} else {
			xa = fmaxf(x, c0 - y - h);
			xb = fminf(x + w, c0 - y);
		}
		if (xb - xa < 0.5f)
			continue;
		p = shape(L, b, PITEM_LINE, xa, dir > 0 ? xa + c0 : c0 - xa);
		p->w = xb - xa;
		p->h = dir > 0 ? xb - xa : xa - xb;
		p->line_width = 0.5f;
		p->color = c;
	}
}

/* A bar (or legend sample) of series s: rectangle (x, y, w, h). */
static void
bar(struct lay *L, const struct block *b, const struct chart *ch, size_t s,
    float x, float y, float w, float h)
{
	struct chart_look lk;
	struct pitem *p;
	float	*v;

	chart_look(ch, s, &lk);
	if (h < 0) {
		y += h;
		h = -h;
	}
	if (w <= 0 || h <= 0)
		return;
	p = shape(L, b, PITEM_PATH, x, y);
	p->pts = v = points(L, 4);
	p->npts = 4;
	v[0] = 0; v[1] = 0; v[2] = w; v[3] = 0;
	v[4] = w; v[5] = h; v[6] = 0; v[7] = h;
	p->closed = true;
	p->filled = true;
	p->color = lk.fill;
	p->stroked = true;
	p->stroke = lk.color;
	p->line_width = w > 2 ? OUTLINE_WIDTH : 0.1f;
	if (lk.hatch & CHART_HATCH_RISING)
		hatch(L, b, x, y, w, h, lk.color, 1);
	if (lk.hatch & CHART_HATCH_FALLING)
		hatch(L, b, x, y, w, h, lk.color, -1);
}

/* A polyline of series s through v[0..n) (pairs relative to (x, y)). */
static void
polyline(struct lay *L, const struct block *b, const struct chart *ch,
    size_t s, float x, float y, const float *v, size_t n)
{
	struct pitem *p = shape(L, b, PITEM_PATH, x, y);
	struct chart_look lk;

	chart_look(ch, s, &lk);
	p->pts = v;
	p->npts = n;
	p->stroked = true;
	p->stroke = lk.color;
	p->line_width = SERIES_WIDTH;
	p->dash_on = lk.dash_on;
	p->dash_off = lk.dash_off;
}

/* ------------------------------------------------------------------ */
/* The parts of a chart. */

static const struct srcpos *
chart_pos(const struct block *b)
{
	return b->chart->pos.file != NULL ? &b->chart->pos : &b->pos;
}

static float
value_y(const struct cgeo *g, double v)
{
	double	 t = (v - g->tk.lo) / (g->tk.hi - g->tk.lo);

	return -(g->bot - (float)(t * (double)(g->bot - g->top)));
}

static float
cat_x(const struct cgeo *g, size_t i)
{
	return g->pl + ((float)i + 0.5f) * g->band;
}

/* Checks the values; sets the range of those present. */
static int
check_values(const struct block *b, double *min, double *max, bool *any)
{
	const struct chart *ch = b->chart;
	const struct srcpos *pos = chart_pos(b);
	size_t	 s, i;
	double	 v;

	*any = false;
	*min = *max = 0;
	for (s = 0; s < ch->nseries; s++) {
		const struct chart_series *se = &ch->series[s];

		if (se->values == NULL || se->present == NULL)
			continue;
		for (i = 0; i < ch->ncategories; i++) {
			if (!se->present[i] || !isfinite(se->values[i]))
				continue;
			v = se->values[i];
			if (fabs(v) > MAX_VALUE) {
				diag(DIAG_ERROR, pos->file, pos->line, pos->col,
				    "chart value %g (series \"%s\", category "
				    "\"%s\") is too large to draw; give the "
				    "figure in a larger unit", v,
				    se->name ? se->name : "",
				    ch->categories[i] ? ch->categories[i] : "");
				return 0;
			}
			if (!*any || v < *min)
				*min = v;
			if (!*any || v > *max)
				*max = v;
			*any = true;
		}
	}
	return 1;
}


/* Sets *fit to whether every word of s is at most maxw wide. */
static int
fits_words(struct lay *L, const struct style *st, const struct block *b,
    const struct srcpos *pos, const char *s, float maxw, bool *fit)
{
	const char *e;
	char	*word;
	float	 w = 0;
	int	 rc = 1;

	*fit = true;
	while (*s != '\0' && *fit && rc) {
		while (*s == ' ')
			s++;
		for (e = s; *e != '\0' && *e != ' '; e++)
			;
		if (e == s)
			break;
		word = xstrndup(s, (size_t)(e - s));
		rc = measure(L, st, b, pos, word, &w);
		free(word);
		*fit = w <= maxw;
		s = e;
	}
	return rc;
}

/* The category labels under the plot; returns their height. */
static int
cat_labels(struct lay *L, const struct block *b, const struct cgeo *g,
    float *height)
{
	const struct chart *ch = b->chart;
	const struct style *st = ch->text;
	const struct srcpos *pos = chart_pos(b);
	size_t	 n = ch->ncategories, i, k = 1, maxlines = 1;
	float	*w, gap = st->size * 0.6f, left, prev, maxw, y;
	float	 bw = g->band - gap;
	char	**text;
	bool	 ok = false, wrap = false;
	struct ctext ct;
	int	 rc = 0;

	*height = 0;
	if (n == 0)
		return 1;
	w = xcalloc(n, sizeof(*w));
	text = xcalloc(n, sizeof(*text));
	for (i = 0; i < n; i++)
		text[i] = xstrdup(ch->categories[i] ? ch->categories[i] : "");
	/* Bars keep every label, wrapped within its band (at most three
	 * lines), if it needs it and every word fits. */
	if (ch->kind == CHART_BAR && n <= 12 && bw >= st->size * 2) {
		for (i = 0; i < n; i++) {
			if (!measure(L, st, b, pos, text[i], &w[i]))
				goto out;
			if (w[i] > bw)
				wrap = true;
		}
		for (i = 0; i < n && wrap; i++) {
			if (!fits_words(L, st, b, pos, text[i], bw, &wrap))
				goto out;
			if (!wrap)
				break;
			if (!text_items(L, st, b, pos, text[i], bw,
			    ALIGN_CENTER, &ct))
				goto out;
			L->nit = ct.i0;
			wrap = ct.nlines <= 3;
			if ((size_t)ct.nlines > maxlines)
				maxlines = (size_t)ct.nlines;
		}
		if (!wrap)
			maxlines = 1;
	}
	if (!wrap) {
		/* No label wider than a sixth of the chart (or its band);
		 * then every k-th label, k as small as lets them stand
		 * apart. */
		maxw = fmaxf((g->x1 - g->x0) / 6, bw);
		for (i = 0; i < n; i++) {
			char	*t = shorten(L, st, b, pos, text[i], maxw);

			if (t == NULL)
				goto out;
			free(text[i]);
			text[i] = t;
			if (!measure(L, st, b, pos, text[i], &w[i]))
				goto out;
		}
		for (k = 1; k < n; k++) {
			ok = true;
			prev = -1e9f;
			for (i = 0; i < n && ok; i += k) {
				left = fminf(fmaxf(cat_x(g, i) - w[i] / 2,
				    g->x0), g->x1 - w[i]);
				ok = left >= prev + gap;
				prev = left + w[i];
			}
			if (ok)
				break;
		}
	}
	y = -(g->bot + 3 + lay_baseline(L, st));
	for (i = 0; i < n; i += k) {
		if (wrap) {
			if (!text_items(L, st, b, pos, text[i], bw,
			    ALIGN_CENTER, &ct))
				goto out;
			move_text(L, &ct, cat_x(g, i) - bw / 2, y);
		} else {
			if (!text_items(L, st, b, pos, text[i], 0, ALIGN_LEFT,
			    &ct))
				goto out;
			left = fminf(fmaxf(cat_x(g, i) - w[i] / 2, g->x0),
			    g->x1 - w[i]);
			move_text(L, &ct, left, y);
		}
	}
	*height = 3 + (float)maxlines * st->leading;
	rc = 1;
out:
	strv_free(text, n);
	free(w);
	return rc;
}

/* The legend from distance `top' down; returns its height. */
static int
legend(struct lay *L, const struct block *b, const struct cgeo *g, float top,
    float *height)
{
	const struct chart *ch = b->chart;
	const struct style *st = ch->text;
	const struct srcpos *pos = chart_pos(b);
	float	 sw = ch->kind == CHART_LINE ? LINE_SAMPLE : st->size * 0.9f;
	float	 gap = st->size * 0.4f, sep = st->size * 1.5f, x = g->x0;
	float	 base, y = 0, mid, nw, *v;
	struct ctext ct;
	size_t	 s;
	char	*name;
	int	 rows = 0;

	*height = 0;
	if (ch->nseries == 0)
		return 1;
	base = lay_baseline(L, st);
	for (s = 0; s < ch->nseries; s++) {
		name = shorten(L, st, b, pos, ch->series[s].name ?
		    ch->series[s].name : "", g->x1 - g->x0 - sw - gap);
		if (name == NULL || !measure(L, st, b, pos, name, &nw)) {
			free(name);
			return 0;
		}
		if (rows == 0 || x + sw + gap + nw > g->x1 + 0.01f) {
			x = g->x0;
			y = -(top + (float)rows * st->leading + base);
			rows++;
		}
		/* The sample sits on the middle of the lower-case letters. */
		mid = y + st->size * 0.3f;
		if (ch->kind == CHART_LINE) {
			v = points(L, 2);
			v[0] = 0;
			v[1] = 0;
			v[2] = sw;
			v[3] = 0;
			polyline(L, b, ch, s, x, mid, v, 2);
			marker(L, b, ch, s, x + sw / 2, mid, st->size * 0.3f);
		} else
			bar(L, b, ch, s, x, mid - sw / 2, sw, sw);
		if (!text_items(L, st, b, pos, name, 0, ALIGN_LEFT, &ct)) {
			free(name);
			return 0;
		}
		move_text(L, &ct, x + sw + gap, y);
		free(name);
		x += sw + gap + nw + sep;
	}
	*height = (float)rows * st->leading;
	return 1;
}

/* The y axis: grid, tick labels, the axis lines. */
static int
y_axis(struct lay *L, const struct block *b, const struct cgeo *g,
    const struct ctext *labels)
{
	const struct chart *ch = b->chart;
	const struct style *st = ch->text;
	double	 v, base;
	float	 y;
	int	 i;

	base = g->tk.lo > 0 ? g->tk.lo : g->tk.hi < 0 ? g->tk.hi : 0;
	for (i = 0; i < g->tk.n; i++) {
		v = (g->tk.k0 + i) * g->tk.step;
		y = value_y(g, v);
		if (fabs(v - base) > g->tk.step / 2)
			rule(L, b, g->pl, y, g->pr - g->pl, 0, GRID_WIDTH,
			    grid_color);
		/* Centred on the tick: half the height of a digit. */
		move_text(L, &labels[i], g->pl - st->size * 0.4f - labels[i].w,
		    y - st->size * 0.35f);
	}
	rule(L, b, g->pl, -g->bot, 0, g->bot - g->top, AXIS_WIDTH, axis_color);
	rule(L, b, g->pl, value_y(g, base), g->pr - g->pl, 0, AXIS_WIDTH,
	    axis_color);
	return 1;
}

static void
plot_bars(struct lay *L, const struct block *b, const struct cgeo *g)
{
	const struct chart *ch = b->chart;
	double	 base = g->tk.lo > 0 ? g->tk.lo : g->tk.hi < 0 ? g->tk.hi : 0;
	float	 group = g->band * 0.8f, bw, y0, x, h;
	size_t	 i, s;

	if (ch->nseries == 0)
		return;
	bw = group / (float)ch->nseries;
	y0 = value_y(g, base);
	for (i = 0; i < ch->ncategories; i++)
		for (s = 0; s < ch->nseries; s++) {
			if (!chart_present(&ch->series[s], i))
				continue;
			x = cat_x(g, i) - group / 2 + (float)s * bw;
			h = value_y(g, ch->series[s].values[i]) - y0;
			/* A zero shows as a sliver, unlike a missing value. */
			if (fabsf(h) < 0.75f)
				h = h < 0 ? -0.75f : 0.75f;
			bar(L, b, ch, s, x, y0, bw, h);
		}
}

static void
plot_lines(struct lay *L, const struct block *b, const struct cgeo *g)
{
	const struct chart *ch = b->chart;
	const struct chart_series *se;
	size_t	 n = ch->ncategories, s, i, j, every;
	float	*v, r = ch->text->size * 0.3f;

	every = g->band >= MARKER_GAP ? 1 :
	    (size_t)ceilf(MARKER_GAP / g->band);
	for (s = 0; s < ch->nseries; s++) {
		se = &ch->series[s];
		/* Runs of present values; a missing value is a gap. */
		for (i = 0; i < n; i = j) {
			if (!chart_present(se, i)) {
				j = i + 1;
				continue;
			}
			for (j = i; j < n && chart_present(se, j); j++)
				;
			if (j - i >= 2) {
				size_t	 k;

				v = points(L, j - i);
				for (k = i; k < j; k++) {
					v[2 * (k - i)] = cat_x(g, k) - g->pl;
					v[2 * (k - i) + 1] = value_y(g,
					    se->values[k]) + g->bot;
				}
				polyline(L, b, ch, s, g->pl, -g->bot, v, j - i);
			}
		}
		/* Markers: spaced out on dense charts (series offset so
		 * they do not sit on each other); a lone point always. */
		for (i = 0; i < n; i++)
			if (chart_marked(se, n, s, i, every))
				marker(L, b, ch, s, cat_x(g, i),
				    value_y(g, se->values[i]), r);
	}
}

int
chart_layout(struct lay *L, const struct block *b)
{
	const struct chart *ch = b->chart;
	const struct style *st, *tst;
	const struct srcpos *pos;
	struct ctext title, unit, *labels = NULL;
	struct cgeo g;
	double	 min, max;
	float	 h, top, ylw = 0, xh, lh, total, avail;
	size_t	 vi;
	bool	 any;
	char	*s;
	int	 i, maxn, rc = 0;

	if (ch == NULL) {
		diag(DIAG_ERROR, b->pos.file, b->pos.line, b->pos.col,
		    "chart block without a chart");
		return 0;
	}
	pos = chart_pos(b);
	if ((st = ch->text) == NULL) {
		diag(DIAG_ERROR, pos->file, pos->line, pos->col, "chart "
		    "without a text style: the template must name one");
		return 0;
	}
	tst = ch->title_style != NULL ? ch->title_style : st;
	if (!(st->size > 0 && st->leading > 0 && tst->size > 0 &&
	    tst->leading > 0)) {
		diag(DIAG_ERROR, pos->file, pos->line, pos->col, "the chart's "
		    "text styles need a size and a leading in the template");
		return 0;
	}
	if (ch->ncategories > MAX_CATEGORIES || ch->nseries > MAX_SERIES) {
		diag(DIAG_ERROR, pos->file, pos->line, pos->col, "chart has "
		    "%zu categories and %zu series; at most %d and %d can be "
		    "drawn: show the figure as a table", ch->ncategories,
		    ch->nseries, MAX_CATEGORIES, MAX_SERIES);
		return 0;
	}
	h = ch->height == 0 ? DEFAULT_HEIGHT : ch->height;
	if (!(h >= MIN_HEIGHT) || !isfinite(h)) {
		diag(DIAG_ERROR, pos->file, pos->line, pos->col, "chart "
		    "height %g pt is too small: give at least %.0f pt",
		    (double)h, (double)MIN_HEIGHT);
		return 0;
	}
	avail = L->ps->height - L->ps->margin_top - L->ps->margin_bottom;
	if (h > avail) {
		diag(DIAG_ERROR, pos->file, pos->line, pos->col, "chart "
		    "height %.0f pt is more than a page has room for (%.0f "
		    "pt): make it smaller", (double)h, (double)avail);
		return 0;
	}
	if (!check_values(b, &min, &max, &any))
		return 0;

	memset(&g, 0, sizeof(g));
	g.x0 = L->x0 + L->indl;
	g.x1 = L->x1 - L->indr;
	/* The title stands off the text above as a table's caption does:
	 * the title style's space before, if the chart's own is less. */
	if (b->style != NULL)
		lay_space(L, fmaxf(b->style->space_before,
		    ch->title != NULL && *ch->title != '\0' ?
		    tst->space_before : 0));
	vi = L->nv;
	lay_vel(L, V_BOX, 0, !L->keep);

	/* Title, then the unit over the y axis. */
	if (!text_items(L, tst, b, pos, ch->title, g.x1 - g.x0, tst->align,
	    &title))
		goto out;
	top = 0;
	if (title.nlines > 0) {
		move_text(L, &title, g.x0, -lay_baseline(L, tst));
		top = (float)title.nlines * tst->leading + tst->size * 0.5f;
	}
	if (!text_items(L, st, b, pos, ch->unit, 0, ALIGN_LEFT, &unit))
		goto out;
	if (unit.nlines > 0) {
		move_text(L, &unit, g.x0, -(top + lay_baseline(L, st)));
		top += st->leading + st->size * 0.3f;
	} else
		top += st->size * 0.6f;	/* the top tick label's upper half */
	g.top = top;
	g.bot = top + h;

	/* Ticks, as many as fit the height, and their labels. */
	maxn = (int)(h / (st->leading * 1.3f)) + 1;
	chart_ticks(min, max, ch->kind == CHART_BAR || !any, maxn, &g.tk);
	labels = xcalloc((size_t)g.tk.n, sizeof(*labels));
	for (i = 0; i < g.tk.n; i++) {
		s = sv_number((g.tk.k0 + i) * g.tk.step, g.tk.decimals, 0);
		if (!text_items(L, st, b, pos, s, 0, ALIGN_LEFT, &labels[i])) {
			free(s);
			goto out;
		}
		free(s);
		if (labels[i].w > ylw)
			ylw = labels[i].w;
	}
	g.pl = g.x0 + ylw + st->size * 0.8f;
	g.pr = g.x1 - 2;
	if (g.pr - g.pl < MIN_PLOT_WIDTH) {
		diag(DIAG_ERROR, pos->file, pos->line, pos->col, "no room for "
		    "the chart: its tick labels leave %.0f pt of the text "
		    "width for the plot, and it needs %.0f pt; make the "
		    "indents smaller or give the figure in a larger unit",
		    (double)(g.pr - g.pl), (double)MIN_PLOT_WIDTH);
		goto out;
	}
	g.band = (g.pr - g.pl) / (float)(ch->ncategories ? ch->ncategories : 1);
	if (!y_axis(L, b, &g, labels))
		goto out;
	if (ch->kind == CHART_BAR)
		plot_bars(L, b, &g);
	else
		plot_lines(L, b, &g);
	if (!cat_labels(L, b, &g, &xh))
		goto out;
	if (!legend(L, b, &g, g.bot + xh + st->size * 0.6f, &lh))
		goto out;
	/* Room under the legend, so that what follows does not touch it. */
	total = g.bot + xh + (lh > 0 ? st->size * 0.6f + lh : 0) +
	    st->size * 0.8f;

	if (total > avail) {
		diag(DIAG_ERROR, pos->file, pos->line, pos->col, "the chart "
		    "is %.0f pt tall with its title and legend, but a page "
		    "has room for %.0f pt: make its height smaller", (double)total,
		    (double)avail);
		goto out;
	}
	L->v[vi].h = total;
	L->v[vi].nit = L->nit - L->v[vi].it0;
	rc = 1;
out:
	free(labels);
	return rc;
}

/*
 * html: a figure placed as a chart, drawn as inline SVG from the chart
 * the pack draws (the template stage makes it, main hands it over), with
 * the same series, colours, dash patterns, markers and hatching
 * (chart_look), so that it reads in greyscale too; its one-sentence
 * text alternative as the image's name; the legend as a list; and its
 * numbers once, as the table under it.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "html_private.h"

/* The drawing's own units; it is scaled to the column's width. */
#define SVG_W		480.0
#define FONT		13.0		/* tick and category labels */
#define CHAR_W		(FONT * 0.56)	/* a digit or letter, about */
#define MARKER_GAP	10.0
#define HATCH		5.0

static void
hex(struct buf *b, struct rgb c)
{
	buf_printf(b, "#%02x%02x%02x", (int)lroundf(c.r * 255),
	    (int)lroundf(c.g * 255), (int)lroundf(c.b * 255));
}

/* Characters of a UTF-8 string, for widths estimated by character. */
static size_t
chars(const char *s)
{
	size_t	 n = 0;

	for (; *s != '\0'; s++)
		if (((unsigned char)*s & 0xc0) != 0x80)
			n++;
	return n;
}


struct geo {
	double	 pl, pr, top, bot, band;
	struct chart_ticks tk;
};

static double
value_y(const struct geo *g, double v)
{
	return g->bot - (v - g->tk.lo) / (g->tk.hi - g->tk.lo) *
	    (g->bot - g->top);
}

static double
cat_x(const struct geo *g, size_t i)
{
	return g->pl + ((double)i + 0.5) * g->band;
}

/* A marker of a series centred at (x, y), radius r: the pack's shapes. */
static void
marker(struct buf *b, const struct chart_look *lk, double x, double y,
    double r)
{
	double	 a = r * 0.35;

	switch (lk->marker) {
	case CHART_MK_CIRCLE:
		buf_printf(b, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\"",
		    x, y, r);
		break;
	case CHART_MK_SQUARE:
		r *= 0.9;
		buf_printf(b, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" "
		    "height=\"%.1f\"", x - r, y - r, 2 * r, 2 * r);
		break;
	case CHART_MK_TRIANGLE:
		r *= 1.2;
		buf_printf(b, "<path d=\"M%.1f %.1fL%.1f %.1fL%.1f %.1fZ\"",
		    x - r, y + r * 0.8, x + r, y + r * 0.8, x, y - r);
		break;
	case CHART_MK_DIAMOND:
		r *= 1.25;
		buf_printf(b, "<path d=\"M%.1f %.1fL%.1f %.1fL%.1f %.1fL%.1f "
		    "%.1fZ\"", x, y + r, x + r, y, x, y - r, x - r, y);
		break;
	case CHART_MK_TRIANGLE_DOWN:
		r *= 1.2;
		buf_printf(b, "<path d=\"M%.1f %.1fL%.1f %.1fL%.1f %.1fZ\"",
		    x - r, y - r * 0.8, x + r, y - r * 0.8, x, y + r);
		break;
	default:	/* a cross of two bars */
		r *= 1.2;
		buf_printf(b, "<path d=\"M%.1f %.1fH%.1fV%.1fH%.1fV%.1fH%.1f"
		    "V%.1fH%.1fV%.1fH%.1fV%.1fH%.1fZ\"", x - a, y - r, x + a,
		    y - a, x + r, y + a, x + a, y + r, x - a, y + a, x - r,
		    y - a, x - a);
		break;
	}
	buf_puts(b, " fill=\"");
	if (lk->hollow)
		buf_puts(b, "#ffffff");
	else
		hex(b, lk->color);
	buf_puts(b, "\" stroke=\"");
	hex(b, lk->color);
	buf_puts(b, "\" stroke-width=\"0.75\"/>");
}

/* The fill of series s's bars: its lightened colour, hatched as in the
 * pack (a pattern defined once per chart). */
static void
bar_fill(struct buf *b, const char *id, size_t s,
    const struct chart_look *lk)
{
	if (lk->hatch != 0)
		buf_printf(b, "url(#%s-h%zu)", id, s);
	else
		hex(b, lk->fill);
}

static void
patterns(struct buf *b, const struct chart *ch, const char *id)
{
	struct chart_look lk;
	size_t	 s;
	bool	 any = false;

	for (s = 0; s < ch->nseries; s++) {
		chart_look(ch, s, &lk);
		if (lk.hatch == 0)
			continue;
		if (!any)
			buf_puts(b, "<defs>");
		any = true;
		buf_printf(b, "<pattern id=\"%s-h%zu\" patternUnits=\""
		    "userSpaceOnUse\" width=\"%g\" height=\"%g\"><rect "
		    "width=\"%g\" height=\"%g\" fill=\"", id, s, HATCH, HATCH,
		    HATCH, HATCH);
		hex(b, lk.fill);
		buf_puts(b, "\"/><path d=\"");
		if (lk.hatch & CHART_HATCH_RISING)
			buf_printf(b, "M0 %gL%g 0M-1 1L1 -1M%g %gL%g %g",
			    HATCH, HATCH, HATCH - 1, HATCH + 1, HATCH + 1,
			    HATCH - 1);
		if (lk.hatch & CHART_HATCH_FALLING)
			buf_printf(b, "M0 0L%g %gM-1 %gL1 %gM%g -1L%g 1",
			    HATCH, HATCH, HATCH - 1, HATCH + 1, HATCH - 1,
			    HATCH + 1);
		buf_puts(b, "\" stroke=\"");
		hex(b, lk.color);
		buf_puts(b, "\" stroke-width=\"0.6\"/></pattern>");
	}
	if (any)
		buf_puts(b, "</defs>\n");
}

static void
plot_bars(struct buf *b, const struct chart *ch, const struct geo *g,
    const char *id)
{
	double	 base = g->tk.lo > 0 ? g->tk.lo : g->tk.hi < 0 ? g->tk.hi : 0;
	double	 group = g->band * 0.8, bw, y0, x, y1, h;
	struct chart_look lk;
	size_t	 i, s;

	bw = group / (double)ch->nseries;
	y0 = value_y(g, base);
	for (s = 0; s < ch->nseries; s++) {
		chart_look(ch, s, &lk);
		buf_puts(b, "<g fill=\"");
		bar_fill(b, id, s, &lk);
		buf_puts(b, "\" stroke=\"");
		hex(b, lk.color);
		buf_puts(b, "\" stroke-width=\"0.75\">");
		for (i = 0; i < ch->ncategories; i++) {
			if (!chart_present(&ch->series[s], i))
				continue;
			x = cat_x(g, i) - group / 2 + (double)s * bw;
			y1 = value_y(g, ch->series[s].values[i]);
			/* A zero shows as a sliver, unlike a missing value. */
			h = fabs(y1 - y0) < 1 ? 1 : fabs(y1 - y0);
			buf_printf(b, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\""
			    " height=\"%.1f\"/>", x, y1 < y0 ? y0 - h : y0, bw,
			    h);
		}
		buf_puts(b, "</g>\n");
	}
}

/* A series' line: its colour, width and dashes. */
static void
line_stroke(struct buf *b, const struct chart_look *lk)
{
	buf_puts(b, " stroke=\"");
	hex(b, lk->color);
	buf_puts(b, "\" stroke-width=\"2\"");
	if (lk->dash_on > 0)
		buf_printf(b, " stroke-dasharray=\"%g %g\"",
		    (double)lk->dash_on * 1.3, (double)lk->dash_off * 1.3);
}

static void
plot_lines(struct buf *b, const struct chart *ch, const struct geo *g)
{
	const struct chart_series *se;
	struct chart_look lk;
	size_t	 n = ch->ncategories, s, i, j, k, every;

	every = g->band >= MARKER_GAP ? 1 :
	    (size_t)ceil(MARKER_GAP / g->band);
	for (s = 0; s < ch->nseries; s++) {
		se = &ch->series[s];
		chart_look(ch, s, &lk);
		/* Runs of present values; a missing value is a gap. */
		for (i = 0; i < n; i = j) {
			if (!chart_present(se, i)) {
				j = i + 1;
				continue;
			}
			for (j = i; j < n && chart_present(se, j); j++)
				;
			if (j - i < 2)
				continue;
			buf_puts(b, "<polyline fill=\"none\"");
			line_stroke(b, &lk);
			buf_puts(b, " points=\"");
			for (k = i; k < j; k++)
				buf_printf(b, "%s%.1f,%.1f", k > i ? " " : "",
				    cat_x(g, k), value_y(g, se->values[k]));
			buf_puts(b, "\"/>\n");
		}
		/* Markers: spaced out on dense charts; a lone point always. */
		for (i = 0; i < n; i++)
			if (chart_marked(se, n, s, i, every))
				marker(b, &lk, cat_x(g, i),
				    value_y(g, se->values[i]), FONT * 0.3);
		buf_putc(b, '\n');
	}
}

/* The legend: a list, each name after a sample of its line or bar. */
static void
legend(struct buf *b, const struct chart *ch, const char *id)
{
	struct chart_look lk;
	size_t	 s;

	buf_puts(b, "<ul class=\"legend\">\n");
	for (s = 0; s < ch->nseries; s++) {
		chart_look(ch, s, &lk);
		buf_puts(b, "<li><svg aria-hidden=\"true\" focusable=\"false\" "
		    "width=\"36\" height=\"14\" viewBox=\"0 0 36 14\">");
		if (ch->kind == CHART_LINE) {
			buf_puts(b, "<path d=\"M1 7H35\" fill=\"none\"");
			line_stroke(b, &lk);
			buf_puts(b, "/>");
			marker(b, &lk, 18, 7, FONT * 0.3);
		} else {
			/* The sample uses this chart's patterns. */
			buf_puts(b, "<rect x=\"11\" y=\"1\" width=\"12\" "
			    "height=\"12\" fill=\"");
			bar_fill(b, id, s, &lk);
			buf_puts(b, "\" stroke=\"");
			hex(b, lk.color);
			buf_puts(b, "\" stroke-width=\"0.75\"/>");
		}
		buf_puts(b, "</svg>");
		html_esc(b, ch->series[s].name ? ch->series[s].name : "");
		buf_puts(b, "</li>\n");
	}
	buf_puts(b, "</ul>\n");
}

/*
 * Greedy lines of s no wider than maxw (estimated by character), each
 * written as a <tspan> if b is not NULL; returns how many, or 0 if a
 * word alone is wider.
 */
static int
wrap(struct buf *b, const char *s, double maxw, double x)
{
	const char *p = s, *e, *start = NULL, *end = NULL;
	size_t	 w = 0, ww;
	int	 n = 0;

	for (;;) {
		while (*p == ' ')
			p++;
		for (e = p; *e != '\0' && *e != ' '; e++)
			;
		if (e == p)
			break;
		ww = chars(p) - chars(e);
		if ((double)ww * CHAR_W > maxw)
			return 0;
		if (start != NULL && (double)(w + 1 + ww) * CHAR_W > maxw) {
			if (b != NULL) {
				buf_printf(b, "<tspan x=\"%.1f\" dy=\"%s\">",
				    x, n ? "1.2em" : "0");
				html_escn(b, start, (size_t)(end - start));
				buf_puts(b, "</tspan>");
			}
			n++;
			start = NULL;
		}
		if (start == NULL) {
			start = p;
			w = ww;
		} else
			w += 1 + ww;
		end = e;
		p = e;
	}
	if (start != NULL) {
		if (b != NULL) {
			buf_printf(b, "<tspan x=\"%.1f\" dy=\"%s\">", x,
			    n ? "1.2em" : "0");
			html_escn(b, start, (size_t)(end - start));
			buf_puts(b, "</tspan>");
		}
		n++;
	}
	return n;
}

/* Lines the category labels take: bars with few categories keep every
 * label, wrapped within its band (at most three lines), as the pack
 * does; 1 when they are not wrapped. */
static int
label_lines(const struct chart *ch, const struct geo *g)
{
	double	 bw = g->band - FONT * 0.6;
	size_t	 i;
	int	 n, most = 1;
	bool	 wide = false;

	if (ch->kind != CHART_BAR || ch->ncategories > 12 || bw < FONT * 2)
		return 1;
	for (i = 0; i < ch->ncategories; i++) {
		const char *c = ch->categories[i] ? ch->categories[i] : "";

		if ((double)chars(c) * CHAR_W > bw)
			wide = true;
	}
	if (!wide)
		return 1;
	for (i = 0; i < ch->ncategories; i++) {
		n = wrap(NULL, ch->categories[i] ? ch->categories[i] : "",
		    bw, 0);
		if (n == 0 || n > 3)
			return 1;
		if (n > most)
			most = n;
	}
	return most;
}

/* s cut to at most maxc characters with "…". */
static char *
shorten(const char *s, size_t maxc)
{
	size_t	 n = 0, i;

	if (chars(s) <= maxc || maxc < 2)
		return xstrdup(s);
	for (i = 0; s[i] != '\0'; i++)
		if (((unsigned char)s[i] & 0xc0) != 0x80 && n++ == maxc - 1)
			break;
	while (i > 0 && s[i - 1] == ' ')
		i--;
	return xasprintf("%.*s\xe2\x80\xa6", (int)i, s);
}

/* The category labels: wrapped (lines > 1), or on one line, shortened
 * to a sixth of the chart, every k-th where they would touch. */
static void
cat_labels(struct buf *b, const struct chart *ch, const struct geo *g,
    int lines)
{
	size_t	 n = ch->ncategories, i, k, maxc;
	double	 left, prev, w, y = g->bot + FONT + 4, x;
	char	**t;
	bool	 ok = false;

	if (lines > 1) {
		for (i = 0; i < n; i++) {
			buf_printf(b, "<text x=\"%.1f\" y=\"%.1f\" "
			    "text-anchor=\"middle\">", cat_x(g, i), y);
			wrap(b, ch->categories[i] ? ch->categories[i] : "",
			    g->band - FONT * 0.6, cat_x(g, i));
			buf_puts(b, "</text>\n");
		}
		return;
	}
	w = fmax((g->pr - g->pl) / 6, g->band - FONT * 0.6);
	maxc = (size_t)(w / CHAR_W);
	t = xcalloc(n ? n : 1, sizeof(*t));
	for (i = 0; i < n; i++)
		t[i] = shorten(ch->categories[i] ? ch->categories[i] : "",
		    maxc);
	/* k = n keeps the first alone, which always fits. */
	for (k = 1; k <= n && !ok; k++) {
		ok = true;
		prev = -1e9;
		for (i = 0; i < n && ok; i += k) {
			w = (double)chars(t[i]) * CHAR_W;
			left = fmin(fmax(cat_x(g, i) - w / 2, 0), SVG_W - w);
			ok = left >= prev + FONT * 0.6;
			prev = left + w;
		}
		if (ok)
			break;
	}
	for (i = 0; i < n; i += k) {
		w = (double)chars(t[i]) * CHAR_W;
		x = fmin(fmax(cat_x(g, i), w / 2), SVG_W - w / 2);
		buf_printf(b, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\""
		    "middle\">", x, y);
		html_esc(b, t[i]);
		buf_puts(b, "</text>\n");
	}
	strv_free(t, n);
}

/* The chart's numbers as a table, as the pack sets them under it: a
 * row per category, or per series when the series are the figure's
 * rows. */
static void
chart_numbers(struct hctx *h, const struct block *ref,
    const struct chart *ch, bool by_rows, bool pct, const char *cap)
{
	struct buf *b = h->b;
	const struct figure *f = ref->figure;
	size_t	 nr = by_rows ? ch->nseries : ch->ncategories;
	size_t	 nc = by_rows ? ch->ncategories : ch->nseries;
	size_t	 r, c, si, ci;
	char	*num;

	buf_puts(b, "<div class=\"scroll\" role=\"region\" tabindex=\"0\" "
	    "aria-label=\"");
	html_esc(b, cap);
	buf_puts(b, "\">\n<table>\n<caption>");
	html_esc(b, cap);
	buf_puts(b, "</caption>\n<thead>\n<tr><th scope=\"col\">");
	html_esc(b, f->ncols > 0 && f->cols[0].name ? f->cols[0].name : "");
	buf_puts(b, "</th>");
	for (c = 0; c < nc; c++) {
		buf_puts(b, "<th scope=\"col\" class=\"num\">");
		html_esc(b, by_rows ? ch->categories[c] : ch->series[c].name);
		buf_puts(b, "</th>");
	}
	buf_puts(b, "</tr>\n</thead>\n<tbody>\n");
	for (r = 0; r < nr; r++) {
		buf_puts(b, "<tr><th scope=\"row\">");
		html_esc(b, by_rows ? ch->series[r].name : ch->categories[r]);
		buf_puts(b, "</th>");
		for (c = 0; c < nc; c++) {
			si = by_rows ? r : c;
			ci = by_rows ? c : r;
			buf_puts(b, "<td class=\"num\">");
			if (ch->series[si].present[ci]) {
				num = sv_number(ch->series[si].values[ci],
				    ch->decimals, pct ? SVNUM_PERCENT : 0);
				html_esc(b, num);
				free(num);
			}
			buf_puts(b, "</td>");
		}
		buf_puts(b, "</tr>\n");
	}
	buf_puts(b, "</tbody>\n</table>\n</div>\n");
}

void
html_chart(struct hctx *h, const struct block *ref, const struct chart *ch,
    bool by_rows, bool pct)
{
	struct buf *b = h->b;
	struct geo g;
	double	 min = 0, max = 0, v, ph, height, ylw = 0, base;
	bool	 any = false;
	size_t	 s, i;
	char	 id[32], *lab, *cap;
	int	 t, lines;

	snprintf(id, sizeof(id), "diagram-%d", ++h->charts);
	for (s = 0; s < ch->nseries; s++)
		for (i = 0; i < ch->ncategories; i++) {
			if (!chart_present(&ch->series[s], i))
				continue;
			v = ch->series[s].values[i];
			if (!any || v < min)
				min = v;
			if (!any || v > max)
				max = v;
			any = true;
		}
	ph = ch->height > 0 ? ch->height : 180;
	if (ph < 120)
		ph = 120;
	if (ph > 320)
		ph = 320;
	memset(&g, 0, sizeof(g));
	g.top = ch->unit != NULL ? FONT * 2 : FONT;
	g.bot = g.top + ph;
	chart_ticks(min, max, ch->kind == CHART_BAR || !any,
	    (int)(ph / (FONT * 2.2)) + 1, &g.tk);
	for (t = 0; t < g.tk.n; t++) {
		lab = sv_number((g.tk.k0 + t) * g.tk.step, g.tk.decimals, 0);
		if ((double)chars(lab) * CHAR_W > ylw)
			ylw = (double)chars(lab) * CHAR_W;
		free(lab);
	}
	g.pl = ylw + 8;
	g.pr = SVG_W - 4;
	g.band = (g.pr - g.pl) / (double)(ch->ncategories ?
	    ch->ncategories : 1);
	lines = label_lines(ch, &g);
	height = g.bot + FONT * (1 + 1.2 * (lines - 1)) + 10;

	buf_printf(b, "<figure class=\"chart\" id=\"%s\">\n", id);
	if (ch->title != NULL && *ch->title != '\0') {
		buf_puts(b, "<figcaption>");
		html_esc(b, ch->title);
		buf_puts(b, "</figcaption>\n");
	}
	buf_printf(b, "<svg role=\"img\" aria-labelledby=\"%s-alt\" "
	    "viewBox=\"0 0 %g %.0f\" width=\"%g\" height=\"%.0f\">\n"
	    "<title id=\"%s-alt\">", id, SVG_W, height, SVG_W, height, id);
	html_esc(b, ch->alt != NULL ? ch->alt : ch->title ? ch->title : "");
	buf_puts(b, "</title>\n");
	patterns(b, ch, id);
	if (ch->unit != NULL) {
		buf_printf(b, "<text x=\"0\" y=\"%.1f\">", FONT);
		html_esc(b, ch->unit);
		buf_puts(b, "</text>\n");
	}
	/* Grid and tick labels, then the axes. */
	base = g.tk.lo > 0 ? g.tk.lo : g.tk.hi < 0 ? g.tk.hi : 0;
	buf_puts(b, "<g stroke=\"#d1d1d1\" stroke-width=\"1\">");
	for (t = 0; t < g.tk.n; t++) {
		v = (g.tk.k0 + t) * g.tk.step;
		if (fabs(v - base) > g.tk.step / 2)
			buf_printf(b, "<path d=\"M%.1f %.1fH%.1f\"/>", g.pl,
			    value_y(&g, v), g.pr);
	}
	buf_puts(b, "</g>\n");
	for (t = 0; t < g.tk.n; t++) {
		v = (g.tk.k0 + t) * g.tk.step;
		lab = sv_number(v, g.tk.decimals, 0);
		buf_printf(b, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"end\">",
		    g.pl - 5, value_y(&g, v) + FONT * 0.35);
		html_esc(b, lab);
		buf_puts(b, "</text>\n");
		free(lab);
	}
	if (ch->kind == CHART_BAR)
		plot_bars(b, ch, &g, id);
	else
		plot_lines(b, ch, &g);
	buf_printf(b, "<path d=\"M%.1f %.1fV%.1fM%.1f %.1fH%.1f\" stroke=\""
	    "#4d4d4d\" stroke-width=\"1\" fill=\"none\"/>\n", g.pl, g.top,
	    g.bot, g.pl, value_y(&g, base), g.pr);
	cat_labels(b, ch, &g, lines);
	buf_puts(b, "</svg>\n");
	legend(b, ch, id);
	buf_puts(b, "</figure>\n");
	/* The numbers, once. */
	{
		const char *c0 = ch->title != NULL ? ch->title : "Diagrammet";

		cap = ch->unit != NULL ? xasprintf("Värdena i diagrammet: "
		    "%s (%s)", c0, ch->unit) : xasprintf("Värdena i "
		    "diagrammet: %s", c0);
	}
	chart_numbers(h, ref, ch, by_rows, pct, cap);
	free(cap);
	if (ref->figure != NULL && ref->figure->source != NULL) {
		buf_puts(b, "<p class=\"meta\">");
		html_esc(b, ref->figure->source);
		buf_puts(b, "</p>\n");
	}
}

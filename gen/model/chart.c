/*
 * Charts as the pack and the web site both draw them: the y axis ticks,
 * and how each series is told apart without colour (lines by dash
 * pattern and marker shape, bars by fill lightness and hatching), so
 * that a chart reads the same in the PDF and on a page, in greyscale
 * too.
 */
#include <math.h>
#include <stdbool.h>

#include "doc.h"

/* Used when the template gives no colours (all black). */
static const struct rgb palette[6] = {
	{ 0.12f, 0.30f, 0.55f }, { 0.85f, 0.45f, 0.10f },
	{ 0.20f, 0.55f, 0.30f }, { 0.70f, 0.15f, 0.20f },
	{ 0.45f, 0.30f, 0.60f }, { 0.40f, 0.40f, 0.40f }
};

/* Line charts: dash pattern (on, off; 0: solid) by series. */
static const float dashes[6][2] = {
	{ 0, 0 }, { 6, 3 }, { 1.5f, 2 }, { 10, 3 }, { 3, 3 }, { 1.5f, 5 }
};

/* Bar charts: share of white mixed into the colour, by series, so that
 * neighbouring series differ in lightness in greyscale too. */
static const float lighten[6] = { 0, 0.55f, 0.82f, 0.3f, 0.7f, 0.9f };

static struct rgb
mix_white(struct rgb c, float t)
{
	c.r += (1 - c.r) * t;
	c.g += (1 - c.g) * t;
	c.b += (1 - c.b) * t;
	return c;
}

/*
 * Hatching by series, on top of the six lightnesses: none or rising
 * for the first six, then falling, the other way round, crossed.
 */
static unsigned
hatch_kind(size_t s)
{
	switch ((s / 6) % 4) {
	case 0:
		return s % 2 ? CHART_HATCH_RISING : 0;
	case 1:
		return CHART_HATCH_FALLING;
	case 2:
		return s % 2 ? 0 : CHART_HATCH_RISING;
	default:
		return CHART_HATCH_RISING | CHART_HATCH_FALLING;
	}
}

bool
chart_present(const struct chart_series *se, size_t i)
{
	return se->values != NULL && se->present != NULL && se->present[i] &&
	    isfinite(se->values[i]);
}

bool
chart_marked(const struct chart_series *se, size_t n, size_t s, size_t i,
    size_t every)
{
	bool	 lone;

	if (!chart_present(se, i))
		return false;
	lone = (i == 0 || !chart_present(se, i - 1)) &&
	    (i + 1 >= n || !chart_present(se, i + 1));
	return lone || (i + s) % every == 0;
}

void
chart_look(const struct chart *ch, size_t s, struct chart_look *lk)
{
	size_t	 i;
	bool	 any = false;

	for (i = 0; i < 6; i++)
		if (ch->colors[i].r != 0 || ch->colors[i].g != 0 ||
		    ch->colors[i].b != 0)
			any = true;
	lk->color = any ? ch->colors[s % 6] : palette[s % 6];
	lk->fill = mix_white(lk->color, lighten[s % 6]);
	lk->dash_on = dashes[s % 6][0];
	lk->dash_off = dashes[s % 6][1];
	lk->marker = (enum chart_marker)(s % CHART_MK__N);
	/* Beyond six series the shapes repeat hollow. */
	lk->hollow = (s / CHART_MK__N) % 2 != 0;
	lk->hatch = hatch_kind(s);
}


void
chart_ticks(double min, double max, bool zero, int maxn,
    struct chart_ticks *t)
{
	static const double mant[3] = { 1, 2, 5 };
	double	 raw, step = 1, p10, k0 = 0, k1 = 1, floorstep;
	int	 e, m, guard;

	if (maxn < 2)
		maxn = 2;
	if (maxn > CHART_MAX_TICKS)
		maxn = CHART_MAX_TICKS;
	if (!isfinite(min) || !isfinite(max) || min > max)
		min = max = 0;
	if (zero) {
		if (min > 0)
			min = 0;
		if (max < 0)
			max = 0;
	}
	if (min == max) {
		/* One value: shown against zero; nothing at all: 0 to 1. */
		if (min > 0)
			min = 0;
		else if (max < 0)
			max = 0;
		else
			max = 1;
	}
	/*
	 * Steps below 10^-6 cannot be labelled (sv_number's decimals), and
	 * a step tiny against the values would leave too few bits in
	 * min / step: both are floors.
	 */
	floorstep = fmax(1e-6, fmax(fabs(min), fabs(max)) * 1e-9);
	raw = fmax((max - min) / (maxn - 1), floorstep);
	e = (int)floor(log10(raw));
	p10 = pow(10, e);
	for (m = 0, guard = 0; guard < 64; guard++) {
		step = mant[m] * p10;
		if (step >= raw * (1 - 1e-9)) {
			k0 = floor(min / step + 1e-9);
			k1 = ceil(max / step - 1e-9);
			if (k1 - k0 + 1 <= maxn)
				break;
		}
		if (++m == 3) {
			m = 0;
			p10 = pow(10, ++e);
		}
	}
	t->step = step;
	t->k0 = k0;
	t->n = (int)(k1 - k0) + 1;
	t->lo = k0 * step;
	t->hi = k1 * step;
	t->decimals = e < 0 ? -e : 0;
	if (t->decimals > 6)
		t->decimals = 6;
}


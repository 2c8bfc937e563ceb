/* Swedish number formatting. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "util.h"

char *
sv_number(double v, int decimals, unsigned flags)
{
	struct buf b = { 0 };
	char	 digits[64], *dot;
	double	 scale, r;
	size_t	 nint, i;
	bool	 neg;

	if (decimals < 0)
		decimals = 0;
	if (decimals > 6)
		decimals = 6;
	if (!isfinite(v)) {
		buf_puts(&b, "?");
		return buf_detach(&b);
	}
	/* Round on the decimal value shown: 2,25 -> 2,3 even though the
	 * binary double is a hair below. */
	scale = pow(10, decimals);
	r = round(v * scale * (1 + 4 * 2.220446049250313e-16));
	neg = r < 0;
	if (fabs(r) >= 1e17) {
		snprintf(digits, sizeof(digits), "%.*f", decimals, fabs(v));
	} else
		snprintf(digits, sizeof(digits), "%.*f", decimals,
		    fabs(r) / scale);
	if (neg)
		buf_puts(&b, "\xe2\x88\x92");	/* U+2212 */
	else if ((flags & SVNUM_PLUS) && r > 0)
		buf_putc(&b, '+');
	dot = strchr(digits, '.');
	nint = dot != NULL ? (size_t)(dot - digits) : strlen(digits);
	for (i = 0; i < nint; i++) {
		if (i > 0 && (nint - i) % 3 == 0)
			buf_puts(&b, "\xc2\xa0");	/* U+00A0 */
		buf_putc(&b, digits[i]);
	}
	if (dot != NULL) {
		buf_putc(&b, ',');
		buf_puts(&b, dot + 1);
	}
	if (flags & SVNUM_PERCENT)
		buf_puts(&b, "\xc2\xa0%");
	return buf_detach(&b);
}

/*
 * Swedish (sv-SE) numbers: formatting with decimal comma, no-break
 * thousands separators and a real minus sign, and reading them back as
 * officials write them.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

/* Longest digit string handled: a double's exponent is below 309. */
#define NUM_MAXDIGITS	340

/* Powers of ten that are exact doubles. */
static const double pow10_exact[] = {
	1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12,
	1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22
};

/*
 * True only if v's nearest decimal of p digits (v about 10^e) surely
 * reads back as another double: it lies well away from v, far beyond
 * the half unit that reading back allows and the rounding of this
 * test.  Saves printing and reading back most of the digit counts
 * tried; when unsure it says false and the exact test decides.
 */
static bool
cannot_read_back(double v, int e, int p)
{
	int	 k = p - e;
	double	 q;

	if (k > 22 || k < -22)
		return false;
	q = k >= 0 ? v * pow10_exact[k] : v / pow10_exact[-k];
	if (!(q < 9e15))
		return false;
	return fabs(q - nearbyint(q)) > q * 1e-12;
}

/*
 * The shortest decimal digits that read back as v (what a reader sees
 * of the number), as digits d[0..n) and exponent e: v = 0.d0d1... * 10^e.
 */
static size_t
shortest_digits(double v, char *d, int *e)
{
	char	 s[40], *p;
	size_t	 n = 0;
	int	 prec, x;

	snprintf(s, sizeof(s), "%.16e", v);
	x = (p = strchr(s, 'e')) != NULL ? atoi(p + 1) : 0;
	for (prec = 1; prec <= 17; prec++) {
		if (prec < 17 && cannot_read_back(v, x + 1, prec))
			continue;
		snprintf(s, sizeof(s), "%.*e", prec - 1, v);
		if (strtod(s, NULL) == v)
			break;
	}
	/* s is "d.ddde+XX" */
	for (p = s; *p != '\0' && *p != 'e'; p++)
		if (*p >= '0' && *p <= '9')
			d[n++] = *p;
	x = *p == 'e' ? atoi(p + 1) : 0;
	while (n > 1 && d[n - 1] == '0')
		n--;
	*e = x + 1;
	return n;
}

char *
sv_number(double v, int decimals, unsigned flags)
{
	struct buf b = { 0 };
	char	 d[20], digits[NUM_MAXDIGITS + 8];
	size_t	 nd, nint, i, len;
	int	 e, k;
	bool	 neg, zero;

	if (decimals < 0)
		decimals = 0;
	if (decimals > 6)
		decimals = 6;
	if (!isfinite(v)) {
		buf_puts(&b, "?");
		return buf_detach(&b);
	}
	neg = signbit(v) != 0;
	v = fabs(v);
	/* Fixed-point digits of the decimal value shown, one more than
	 * kept; then rounded half away from zero on that decimal value:
	 * 2,25 -> 2,3 and 1,005 -> 1,01 although the binary doubles are
	 * a hair below. */
	if (v == 0) {
		nd = 1;
		d[0] = '0';
		e = 1;
	} else
		nd = shortest_digits(v, d, &e);
	nint = e > 0 ? (size_t)e : 1;
	len = nint + (size_t)decimals;
	digits[0] = '0';	/* room for a carry */
	for (i = 0; i < len + 1; i++) {
		/* Digit at position i of the fixed form: 10^(nint-1-i). */
		k = (int)i - ((int)nint - e);
		digits[1 + i] = k >= 0 && (size_t)k < nd ? d[k] : '0';
	}
	if (digits[1 + len] >= '5') {
		for (i = len; ; i--) {
			if (digits[i] == '9') {
				digits[i] = '0';
				continue;
			}
			digits[i]++;
			break;
		}
	}
	digits[1 + len] = '\0';
	/* digits[0..len] now: carry digit, nint integer, decimals. */
	zero = true;
	for (i = 0; i <= len; i++)
		if (digits[i] != '0')
			zero = false;
	if (digits[0] == '0') {
		memmove(digits, digits + 1, len + 1);
	} else
		nint++;
	if (neg && !zero)
		buf_puts(&b, "\xe2\x88\x92");	/* U+2212 */
	else if ((flags & SVNUM_PLUS) && !zero)
		buf_putc(&b, '+');
	for (i = 0; i < nint; i++) {
		if (i > 0 && (nint - i) % 3 == 0)
			buf_puts(&b, "\xc2\xa0");	/* U+00A0 */
		buf_putc(&b, digits[i]);
	}
	if (decimals > 0) {
		buf_putc(&b, ',');
		buf_put(&b, digits + nint, (size_t)decimals);
	}
	if (flags & SVNUM_PERCENT)
		buf_puts(&b, "\xc2\xa0%");
	return buf_detach(&b);
}

/* A space that may separate groups of three digits. */
static size_t
group_space(const char *s)
{
	if (s[0] == ' ')
		return 1;
	if ((unsigned char)s[0] == 0xc2 && (unsigned char)s[1] == 0xa0)
		return 2;		/* U+00A0 */
	if ((unsigned char)s[0] == 0xe2 && (unsigned char)s[1] == 0x80 &&
	    ((unsigned char)s[2] == 0xaf || (unsigned char)s[2] == 0x89))
		return 3;		/* U+202F, U+2009 */
	return 0;
}

bool
sv_parse_number(const char *s, char decimal, double *value, int *decimals,
    bool *percent)
{
	struct buf b = { 0 };
	const char *p = s;
	size_t	 sp, group = 0, ndig = 0;
	int	 dec = -1;
	bool	 grouped = false, pct = false, ok = false, signed_ = false;
	char	*end;

	while (*p == ' ')
		p++;
	if (*p == '-' || *p == '+') {
		if (*p == '-')
			buf_putc(&b, '-');
		p++;
		signed_ = true;
	} else if (strncmp(p, "\xe2\x88\x92", 3) == 0 ||	/* U+2212 */
	    strncmp(p, "\xe2\x80\x93", 3) == 0) {		/* U+2013 */
		buf_putc(&b, '-');
		p += 3;
		signed_ = true;
	}
	/* "- 2 898,3", "+ 16,8": many reports set a space after the
	 * sign.  One space, and a digit after it. */
	if (signed_ && (sp = group_space(p)) > 0 && p[sp] >= '0' &&
	    p[sp] <= '9')
		p += sp;
	for (; *p != '\0'; ) {
		if (*p >= '0' && *p <= '9') {
			buf_putc(&b, *p++);
			ndig++;
			if (dec >= 0)
				dec++;
			else
				group++;
			if (ndig > 30)
				goto out;
			continue;
		}
		if (dec < 0 && (sp = group_space(p)) > 0 && group > 0 &&
		    p[sp] >= '0' && p[sp] <= '9') {
			/* "1 234 567": the first group 1-3 digits, the
			 * others exactly three. */
			if ((grouped && group != 3) || group > 3)
				goto out;
			grouped = true;
			group = 0;
			p += sp;
			continue;
		}
		if (*p == decimal && dec < 0 && ndig > 0) {
			buf_putc(&b, '.');
			dec = 0;
			p++;
			continue;
		}
		break;
	}
	/* group counts the digits before the decimal mark only. */
	if (ndig == 0 || (grouped && group != 3) || dec == 0)
		goto out;
	sp = group_space(p);
	if (*p == '%' || (sp > 0 && p[sp] == '%')) {
		pct = true;
		p += *p == '%' ? 1 : sp + 1;
	}
	while (*p == ' ')
		p++;
	if (*p != '\0')
		goto out;
	*value = strtod(b.data, &end);
	if (*value == 0)
		*value = 0;	/* "-0" reads as zero */
	if (decimals != NULL)
		*decimals = dec < 0 ? 0 : dec;
	if (percent != NULL)
		*percent = pct;
	ok = true;
out:
	buf_free(&b);
	return ok;
}

bool
sv_parse_range(const char *s, char decimal, double *lo, double *hi,
    bool *percent)
{
	const char *p, *dash = NULL;
	char	*left;
	size_t	 n;
	double	 a, b;
	bool	 pa, pb, ok;

	/* The dash after the first number: a hyphen or an en dash with a
	 * digit (and perhaps a space) before it. */
	for (p = s; *p != '\0' && dash == NULL; p++) {
		const char *q = p;

		if (*p != '-' && strncmp(p, "\xe2\x80\x93", 3) != 0)
			continue;
		while (q > s && q[-1] == ' ')
			q--;
		if (q > s && q[-1] >= '0' && q[-1] <= '9')
			dash = p;
	}
	if (dash == NULL)
		return false;
	n = (size_t)(dash - s);
	left = xstrndup(s, n);
	p = dash + (*dash == '-' ? 1 : 3);
	ok = sv_parse_number(left, decimal, &a, NULL, &pa) && !pa &&
	    sv_parse_number(p, decimal, &b, NULL, &pb) && a < b &&
	    *p != '-' && *p != '+' && strncmp(p, "\xe2", 1) != 0;
	free(left);
	if (!ok)
		return false;
	*lo = a;
	*hi = b;
	if (percent != NULL)
		*percent = pb;
	return true;
}

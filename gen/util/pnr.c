/*
 * Swedish personal identity numbers (personnummer) and coordination
 * numbers (samordningsnummer, the day plus 60) in text: they must never
 * reach a public page.
 *
 * The text is folded first, so that what a reader sees is what is
 * searched: decimal digits of every script (Nd) and compatibility
 * digits (super- and subscript, circled) become ASCII digits, every
 * dash (Pd) and minus '-', every space ' ', format and invisible
 * characters (zero-width space and joiners, soft hyphen, byte order
 * mark, word joiner, bidi controls, variation selectors) are removed,
 * and percent-encoded characters (a link's "%2D") are decoded.  Source
 * text (Markdown, XML) is also read as its renderer will: character
 * references are decoded, backslash escapes and the emphasis and code
 * marks * _ ` ~ dropped.
 *
 * Combining marks (an underline, a keycap) are removed, digits in
 * circles and parentheses read as digits, and what looks like a dash
 * (box drawing, a long vowel mark) is one.
 *
 * A hit is a real date (day + 60 for a samordningsnummer) and four
 * digits, 10 or 12 digits in all (the century 18, 19 or 20), in every
 * written form: YYMMDD-NNNN, YYMMDD+NNNN, with spaces, run together,
 * or YYYY-MM-DD-NNNN, whatever its check digit (a mistyped number is
 * still someone's; the message says it is not Luhn-valid); and in forms
 * other numbers take too (811218.9876, 1981-12-18 9876, 811218-98 76)
 * when its check digit matches.  Only a
 * digit next to it makes it part of another number: punctuation does
 * not, so a list written without spaces hides none.  Organisation
 * numbers (month 20 or more, or "16" before them) fail the date.
 */
#include <stdlib.h>
#include <string.h>

#include "util.h"

static bool
is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* ------------------------------------------------------------------ */
/* Folding. */

/* The zero of every run of ten decimal digits (general category Nd,
 * Unicode 16.0) but ASCII's: the digit is cp minus its zero. */
static const uint32_t nd_zero[] = {
	0x660, 0x6f0, 0x7c0, 0x966, 0x9e6, 0xa66, 0xae6, 0xb66, 0xbe6,
	0xc66, 0xce6, 0xd66, 0xde6, 0xe50, 0xed0, 0xf20, 0x1040, 0x1090,
	0x17e0, 0x1810, 0x1946, 0x19d0, 0x1a80, 0x1a90, 0x1b50, 0x1bb0,
	0x1c40, 0x1c50, 0xa620, 0xa8d0, 0xa900, 0xa9d0, 0xa9f0, 0xaa50,
	0xabf0, 0xff10, 0x104a0, 0x10d30, 0x10d40, 0x11066, 0x110f0, 0x11136,
	0x111d0, 0x112f0, 0x11450, 0x114d0, 0x11650, 0x116c0, 0x11730,
	0x116d0, 0x116da, 0x118e0, 0x11950, 0x11bf0, 0x11c50, 0x11d50,
	0x11da0, 0x11f50, 0x16130, 0x16a60, 0x16ac0, 0x16b50, 0x16d70,
	0x1ccf0, 0x1d7ce, 0x1d7d8, 0x1d7e2, 0x1d7ec, 0x1d7f6, 0x1e140,
	0x1e2f0, 0x1e4f0, 0x1e5f1, 0x1e950, 0x1fbf0,
};

/* A decimal digit of any script: its value, or -1. */
static int
nd_digit(uint32_t cp)
{
	size_t	 lo = 0, hi = sizeof(nd_zero) / sizeof(nd_zero[0]), mid;

	if (cp < nd_zero[0])
		return -1;
	/* The last zero at or before cp. */
	while (hi - lo > 1) {
		mid = (lo + hi) / 2;
		if (nd_zero[mid] <= cp)
			lo = mid;
		else
			hi = mid;
	}
	return cp - nd_zero[lo] < 10 ? (int)(cp - nd_zero[lo]) : -1;
}

/* What a code point folds to: a digit, '-', '+', ' ', 0 (removed), or
 * -1 (kept as it is).  Digits: every decimal digit (Nd) and what NFKC
 * makes a digit (super- and subscripts, circled); '-': every dash (Pd)
 * and the minus signs; spaces: every space (Zs) and line end. */
static int
fold_cp(uint32_t cp)
{
	int	 d;

	if ((d = nd_digit(cp)) >= 0)
		return '0' + d;
	if (cp >= 0x2080 && cp <= 0x2089)
		return '0' + (int)(cp - 0x2080);
	if (cp == 0x2070 || (cp >= 0x2074 && cp <= 0x2079))
		return '0' + (int)(cp - 0x2070);
	if (cp == 0xb9)
		return '1';
	if (cp == 0xb2 || cp == 0xb3)
		return '0' + (int)(cp - 0xb0);
	if (cp >= 0x2460 && cp <= 0x2468)
		return '1' + (int)(cp - 0x2460);
	if (cp == 0x24ea || cp == 0x24ff || cp == 0x3007 || cp == 0x1f10b ||
	    cp == 0x1f10c)
		return '0';
	/* Digits in circles (dingbats, double, negative), in parentheses,
	 * with a full stop or a comma: what a reader reads as 1 to 9. */
	{
		static const uint32_t one[] = { 0x2474, 0x2488, 0x24f5, 0x2776,
		    0x2780, 0x278a };
		size_t	 k;

		for (k = 0; k < sizeof(one) / sizeof(one[0]); k++)
			if (cp >= one[k] && cp <= one[k] + 8)
				return '1' + (int)(cp - one[k]);
		if (cp >= 0x1f100 && cp <= 0x1f10a)
			return '0' + (int)(cp - (cp == 0x1f100 ? 0x1f100 :
			    0x1f101));
	}
	/* Combining marks (an underline, a stroke, a dot above, a keycap's
	 * frame) change nothing of what a digit reads as. */
	if ((cp >= 0x300 && cp <= 0x36f) || (cp >= 0x1ab0 && cp <= 0x1aff) ||
	    (cp >= 0x1dc0 && cp <= 0x1dff) || (cp >= 0x20d0 && cp <= 0x20ff) ||
	    (cp >= 0xfe20 && cp <= 0xfe2f))
		return 0;
	/* Box drawing's horizontal lines. */
	if (cp == 0x2500 || cp == 0x2501 || cp == 0x2504 || cp == 0x2505 ||
	    cp == 0x2508 || cp == 0x2509 || cp == 0x254c || cp == 0x254d ||
	    (cp >= 0x2574 && cp <= 0x257f && cp % 2 == 0))
		return '-';
	switch (cp) {
	case '\t': case '\n': case '\r': case '\f': case '\v':
	case 0xa0: case 0x1680: case 0x2028: case 0x2029: case 0x202f:
	case 0x205f: case 0x3000: case 0x2800:
		return ' ';
	/* Pd, Unicode 15.0 (2010-2015 below). */
	case 0x58a: case 0x5be: case 0x1400: case 0x1806: case 0x2e17:
	case 0x2e1a: case 0x2e3a: case 0x2e3b: case 0x2e40: case 0x2e5d:
	case 0x301c: case 0x3030: case 0x30a0: case 0xfe31: case 0xfe32:
	case 0xfe58: case 0xfe63: case 0xff0d: case 0x10ead:
	/* Minus signs and what looks like a dash. */
	case 0x2212: case 0x2043: case 0x207b: case 0x208b: case 0x2796:
	case 0x30fc: case 0x2d7: case 0x1173: case 0x1428: case 0x23af:
	case 0x23e4: case 0x4e00: case 0xff70: case 0x2e0f: case 0x1d360:
		return '-';
	case 0xff0b: case 0xfe62: case 0x207a: case 0x208a: case 0xfb29:
		return '+';
	case 0xad: case 0x34f: case 0x61c: case 0x115f: case 0x1160:
	case 0x180b: case 0x180c: case 0x180d: case 0x180e: case 0x3164:
	case 0xfeff: case 0xffa0:
		return 0;
	}
	if (cp >= 0x2000 && cp <= 0x200a)
		return ' ';
	if (cp >= 0x2010 && cp <= 0x2015)
		return '-';
	if ((cp >= 0x200b && cp <= 0x200f) || (cp >= 0x202a && cp <= 0x202e) ||
	    (cp >= 0x2060 && cp <= 0x206f) || (cp >= 0xfe00 && cp <= 0xfe0f) ||
	    (cp >= 0xe0000 && cp <= 0xe0fff) || (cp >= 0xfff9 && cp <= 0xfffb))
		return 0;
	return -1;
}

/* Every named character reference cmark decodes (HTML5's, ending in
 * ';'), so that the scan of the source sees what cmark will make. */
#include "entities.h"

static int
entity_cmp(const void *key, const void *e)
{
	const char *k = key, *name = ((const struct entity *)e)->name;
	size_t	 n = strcspn(k, ";");
	int	 c = strncmp(k, name, n);

	return c != 0 ? c : name[n] == '\0' ? 0 : -1;
}

/* A character reference at s[0..len) ('&' first): its code point (or
 * two: cp[1] is 0 if there is one) and length, or 0. */
static size_t
charref(const char *s, size_t len, uint32_t cp[2])
{
	const struct entity *e;
	char	 name[40];
	size_t	 i, k;
	uint32_t v = 0;

	if (len < 3 || s[0] != '&')
		return 0;
	if (s[1] == '#') {
		bool	 hex = len > 2 && (s[2] == 'x' || s[2] == 'X');

		for (i = hex ? 3 : 2, k = 0; i < len && k < 8; i++, k++) {
			char	 c = s[i];

			if (is_digit(c))
				v = v * (hex ? 16 : 10) + (uint32_t)(c - '0');
			else if (hex && c >= 'a' && c <= 'f')
				v = v * 16 + (uint32_t)(c - 'a' + 10);
			else if (hex && c >= 'A' && c <= 'F')
				v = v * 16 + (uint32_t)(c - 'A' + 10);
			else
				break;
		}
		if (k == 0 || i >= len || s[i] != ';' || v > 0x10ffff)
			return 0;
		cp[0] = v;
		cp[1] = 0;
		return i + 1;
	}
	/* A name: letters and digits up to ';' (the longest is 31). */
	for (i = 1; i < len && i < sizeof(name) && s[i] != ';'; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') ||
		    (s[i] >= 'A' && s[i] <= 'Z') || is_digit(s[i])))
			return 0;
	if (i == 1 || i >= len || i >= sizeof(name) || s[i] != ';')
		return 0;
	memcpy(name, s + 1, i);		/* with its ';' */
	name[i] = '\0';
	if ((e = bsearch(name, entities, sizeof(entities) /
	    sizeof(entities[0]), sizeof(entities[0]), entity_cmp)) == NULL)
		return 0;
	cp[0] = e->cp[0];
	cp[1] = e->cp[1];
	return i + 1;
}

static bool
ascii_punct(char c)
{
	return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') ||
	    (c >= '[' && c <= '`') || (c >= '{' && c <= '~');
}

static int
hexval(char c)
{
	return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ?
	    c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
}

/* A percent-encoded character at s[0..len) (a link's address: "%2D",
 * "%E2%80%93"): its UTF-8 bytes in u and their number (*n: the length
 * encoded), or 0. */
static size_t
percent(const char *s, size_t len, char u[4], size_t *n)
{
	size_t	 k = 0, want = 1;
	int	 hi, lo;
	uint32_t cp;

	while (k < want && 3 * k + 3 <= len && s[3 * k] == '%' &&
	    (hi = hexval(s[3 * k + 1])) >= 0 &&
	    (lo = hexval(s[3 * k + 2])) >= 0) {
		u[k] = (char)(hi * 16 + lo);
		if (k++ == 0)
			want = (unsigned char)u[0] < 0x80 ? 1 :
			    (unsigned char)u[0] >= 0xf0 ? 4 :
			    (unsigned char)u[0] >= 0xe0 ? 3 : 2;
	}
	if (k == 0 || k < want || utf8_decode(u, k, &cp) != k)
		return 0;
	*n = 3 * k;
	return k;
}

static void
put(struct pnr_text *t, const char *s, size_t n, size_t from)
{
	size_t	 i;

	for (i = 0; i < n; i++) {
		t->s[t->len] = s[i];
		t->map[t->len++] = from;
	}
}

void
pnr_fold(const char *s, size_t len, unsigned flags, struct pnr_text *t)
{
	size_t	 i, n, r, k;
	uint32_t cp, ref[2];
	int	 f;
	char	 c, u[4];

	/* Folding makes a character no longer, but a reference may stand
	 * for two ("&nLt;", 5 bytes, is 6). */
	t->s = xmalloc(2 * len + 1);
	t->map = xmalloc((2 * len + 1) * sizeof(*t->map));
	t->len = 0;
	for (i = 0; i < len; i += n) {
		n = 1;
		if ((flags & PNR_SOURCE) && s[i] == '\\' && i + 1 < len &&
		    ascii_punct(s[i + 1])) {
			/* The escaped character is itself. */
			c = s[i + 1] == '-' || s[i + 1] == '+' ? s[i + 1] : 0;
			if (c == 0 && s[i + 1] != '*' && s[i + 1] != '_' &&
			    s[i + 1] != '`' && s[i + 1] != '~')
				put(t, s + i + 1, 1, i);
			else if (c != 0)
				put(t, &c, 1, i);
			n = 2;
			continue;
		}
		if ((flags & PNR_SOURCE) && (s[i] == '*' || s[i] == '_' ||
		    s[i] == '`' || s[i] == '~'))
			continue;
		if (s[i] == '%' && (r = percent(s + i, len - i, u, &n)) > 0) {
			/* Decoded once, as a browser opening the link. */
			utf8_decode(u, r, &cp);
			if ((f = fold_cp(cp)) > 0) {
				c = (char)f;
				put(t, &c, 1, i);
			} else if (f < 0)
				put(t, u, r, i);
			continue;
		}
		n = 1;
		if ((flags & (PNR_SOURCE | PNR_REFS)) && s[i] == '&' &&
		    (r = charref(s + i, len - i, ref)) > 0) {
			/* What it stands for, folded; a character that is
			 * kept as itself. */
			n = r;
			for (k = 0; k < (ref[1] != 0 ? 2u : 1u); k++) {
				if ((f = fold_cp(ref[k])) == 0)
					continue;
				if (f > 0) {
					c = (char)f;
					put(t, &c, 1, i);
				} else
					put(t, u, utf8_encode(ref[k], u), i);
			}
			continue;
		}
		if ((unsigned char)s[i] < 0x80) {
			c = fold_cp((unsigned char)s[i]) == ' ' ? ' ' : s[i];
			put(t, &c, 1, i);
			continue;
		} else if ((n = utf8_decode(s + i, len - i, &cp)) == 0) {
			n = 1;
			put(t, s + i, 1, i);
			continue;
		}
		f = fold_cp(cp);
		if (f == 0)
			continue;
		if (f > 0) {
			c = (char)f;
			put(t, &c, 1, i);
		} else
			put(t, s + i, n, i);
	}
	t->s[t->len] = '\0';
	t->map[t->len] = len;
}

void
pnr_text_free(struct pnr_text *t)
{
	free(t->s);
	free(t->map);
	t->s = NULL;
	t->map = NULL;
	t->len = 0;
}

/* ------------------------------------------------------------------ */
/* Finding. */

static int
num(const char *d, size_t n)
{
	int	 v = 0;

	while (n-- > 0)
		v = v * 10 + (*d++ - '0');
	return v;
}

static int
days_in(int year, int month, bool year_known)
{
	static const int dim[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30,
	    31, 30, 31 };
	bool	 leap;

	if (month != 2)
		return dim[month - 1];
	/* Two digits: 29 February exists in 19YY or 20YY if YY % 4 == 0
	 * (2000 was a leap year). */
	leap = year_known ? (year % 4 == 0 && (year % 100 != 0 ||
	    year % 400 == 0)) : year % 4 == 0;
	return leap ? 29 : 28;
}

/* The ten digits YYMMDDNNNN (after the century, if any): a real date?
 * *luhn: does the check digit match? */
static bool
date_ok(const char *d, int century, bool *luhn)
{
	int	 yy = num(d, 2), mm = num(d + 2, 2), dd = num(d + 4, 2);
	int	 dim, i, sum = 0, v;

	if (mm < 1 || mm > 12)
		return false;
	dim = days_in(century >= 0 ? century * 100 + yy : yy, mm,
	    century >= 0);
	if (dd > 60)
		dd -= 60;	/* samordningsnummer */
	if (dd < 1 || dd > dim)
		return false;
	for (i = 0; i < 10; i++) {
		v = (d[i] - '0') * (i % 2 == 0 ? 2 : 1);
		sum += v > 9 ? v - 9 : v;
	}
	*luhn = sum % 10 == 0;
	return true;
}

/* The separator at s[0..len) between date and serial, in folded text:
 * up to four spaces, then a '+', or one to three '-', or one of . : /
 * _ (*odd), then up to four spaces; at least one character.  *hard: it
 * has a character other than spaces.  Returns its length, or 0. */
static size_t
separator(const char *s, size_t len, bool *hard, bool *odd)
{
	size_t	 i = 0, k;

	for (k = 0; i < len && s[i] == ' ' && k < 4; i++, k++)
		;
	*hard = *odd = false;
	if (i < len && s[i] == '+') {
		*hard = true;
		i++;
	} else if (i < len && (s[i] == '.' || s[i] == ':' || s[i] == '/' ||
	    s[i] == '_')) {
		*hard = *odd = true;
		i++;
	} else
		for (k = 0; i < len && s[i] == '-' && k < 3; i++, k++)
			*hard = true;
	if (*hard)
		for (k = 0; i < len && s[i] == ' ' && k < 4; i++, k++)
			;
	return i;
}

/* How many digits s[0..len) begins with. */
static size_t
digits(const char *s, size_t len)
{
	size_t	 n = 0;

	while (n < len && is_digit(s[n]))
		n++;
	return n;
}

/* A date written as dates are, at s (a run of 2 or 4 digits): YY or
 * YYYY, then MM and DD, each after the same one of - . / ; its digits
 * to d and its length, or 0. */
static size_t
written_date(const char *s, size_t len, size_t run, char *d)
{
	char	 c;

	if ((run != 2 && run != 4) || run + 6 > len)
		return 0;
	c = s[run];
	if ((c != '-' && c != '.' && c != '/') || digits(s + run + 1,
	    len - run - 1) != 2 || s[run + 3] != c ||
	    digits(s + run + 4, len - run - 4) != 2)
		return 0;
	memcpy(d, s, run);
	memcpy(d + run, s + run + 1, 2);
	memcpy(d + run + 2, s + run + 4, 2);
	return run + 6;
}

/*
 * In folded text.  Only a digit next to it makes the digits part of
 * another number (their run is longer): punctuation does not, so a list
 * "811218-9876,820101-1234" or "nr 1/811218-9876" hides none.
 *
 * The forms people write (YYMMDD-NNNN, YYMMDD+NNNN, with spaces, run
 * together, YYYY-MM-DD-NNNN) are found whatever the check digit.  Forms
 * that numbers of other kinds take too (a date written with - . or /
 * and a space, a separator . : / or _, the serial as two pairs) are
 * found when the check digit matches: a real number is, and few others.
 */
static bool
find_folded(const char *s, size_t len, struct pnr_hit *h)
{
	char	 d[12];
	size_t	 i, j, run, sep, k, nd, dl, t, e;
	int	 century;
	bool	 hard, odd, luhn, strict;

	for (i = 0; i < len; i = j) {
		if (!is_digit(s[i])) {
			j = i + 1;
			continue;
		}
		for (j = i; j < len && is_digit(s[j]); j++)
			;
		run = j - i;
		nd = 0;
		k = j;
		strict = true;
		if (run == 10 || run == 12) {
			memcpy(d, s + i, run);
			nd = run;
		} else {
			/* The date: its digits run together, or written. */
			dl = 0;
			if (run == 6 || run == 8) {
				memcpy(d, s + i, run);
				dl = run;
				t = j;
			} else if ((e = written_date(s + i, len - i, run,
			    d)) > 0) {
				dl = run + 4;
				t = i + e;
			}
			if (dl == 0 || (sep = separator(s + t, len - t, &hard,
			    &odd)) == 0)
				continue;
			t += sep;
			e = t + digits(s + t, len - t);
			if (e - t == 4) {
				memcpy(d + dl, s + t, 4);
			} else if (e - t == 2 && hard && e + 3 <= len &&
			    s[e] == ' ' && digits(s + e + 1, len - e - 1) == 2) {
				/* The serial in pairs: 811218-98 76. */
				memcpy(d + dl, s + t, 2);
				memcpy(d + dl + 2, s + e + 1, 2);
				e += 3;
				strict = false;
			} else
				continue;
			if (dl != run) {
				/* Not a range of dates (2026-11-10-2027-01-06),
				 * nor a date and a time or an amount after a
				 * space, unless the check digit says so. */
				if (e + 1 < len && s[e] == s[i + run] &&
				    is_digit(s[e + 1]))
					continue;
				if (!(dl == 8 && s[i + run] == '-' &&
				    s[t - 1] == '-' && sep == 1))
					strict = false;
			}
			if (odd)
				strict = false;
			nd = dl + 4;
			k = e;
		}
		if (nd == 0)
			continue;
		century = -1;
		if (nd == 12) {
			century = num(d, 2);
			if (century < 18 || century > 20)
				continue;
		}
		if (!date_ok(nd == 12 ? d + 2 : d, century, &luhn) ||
		    (!strict && !luhn))
			continue;
		h->off = i;
		h->n = k - i;
		h->coord = num(d + nd - 6, 2) > 60;
		h->checked = luhn;
		memcpy(h->key, d + nd - 10, 10);
		h->key[10] = '\0';
		memcpy(h->date, d, nd - 4);
		h->date[nd - 4] = '\0';
		return true;
	}
	return false;
}

bool
pnr_find_folded(const struct pnr_text *t, size_t from, struct pnr_hit *h)
{
	if (from >= t->len || !find_folded(t->s + from, t->len - from, h))
		return false;
	h->off += from;
	return true;
}

bool
pnr_find(const char *s, size_t len, unsigned flags, struct pnr_hit *h)
{
	struct pnr_text t;
	bool	 r;

	pnr_fold(s, len, flags, &t);
	if ((r = find_folded(t.s, t.len, h))) {
		/* Back to the text as given: up to where the character
		 * after the last digit begins. */
		size_t	 end = t.map[h->off + h->n];

		h->off = t.map[h->off];
		h->n = end - h->off;
	}
	pnr_text_free(&t);
	return r;
}

/* The message for a hit; caller frees. */
char *
pnr_describe(const struct pnr_hit *h)
{
	return xasprintf("%s %s-XXXX%s", h->coord ? "samordningsnummer" :
	    "personnummer", h->date, h->checked ? "" : " (not Luhn-valid: its "
	    "check digit does not match, but a mistyped number is still "
	    "someone's)");
}

size_t
pnr_report(enum diag_level level, const char *text, unsigned flags,
    const char *file, int line, int col, const char *what)
{
	struct pnr_text t;
	struct pnr_hit h;
	size_t	 len = text ? strlen(text) : 0, at = 0, off, found = 0, i;
	char	*d;
	int	 l, c;

	if (len == 0)
		return 0;
	pnr_fold(text, len, flags, &t);
	while (pnr_find_folded(&t, at, &h)) {
		off = t.map[h.off];
		/* Advance from the text's own position to the hit. */
		l = line;
		c = col;
		for (i = 0; i < off; i++) {
			if (text[i] == '\n') {
				l++;
				c = 1;
			} else if (((unsigned char)text[i] & 0xc0) != 0x80 &&
			    c > 0)
				c++;
		}
		d = pnr_describe(&h);
		diag(level, file, l, c, "%s in %s: personal identity numbers "
		    "are never published; remove it, or mark the field or the "
		    "item secret", d, what ? what : "public text");
		free(d);
		found++;
		at = h.off + h.n;
	}
	pnr_text_free(&t);
	return found;
}

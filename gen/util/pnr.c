/*
 * Swedish personal identity numbers (personnummer) and coordination
 * numbers (samordningsnummer, the day plus 60) in text: they must never
 * reach a public page.  A hit is ten or twelve digits with a real date
 * and a Luhn check digit, written YYMMDD-NNNN, YYMMDD+NNNN, YYMMDDNNNN,
 * YYYYMMDD-NNNN or YYYYMMDDNNNN, standing alone: digits that are part
 * of a longer number (a bank account, an amount, a phone number run
 * together with others) are not one.  Organisation numbers (month 20 or
 * more, or "16" before them) fail the date.
 */
#include <string.h>

#include "util.h"

static bool
is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* Characters that join digits into one longer number: "12-3456",
 * "1.234", "12/34", "1,50", "12:30". */
static bool
is_joiner(char c)
{
	return c == '-' || c == '+' || c == '.' || c == '/' || c == ',' ||
	    c == ':';
}

/* Length in bytes of a separator between date and serial at s, or 0:
 * '-', '+', or the dashes Word and typesetting put in their place
 * (U+2010, U+2011, U+2013, U+2212). */
static size_t
separator(const char *s, size_t len)
{
	if (len >= 1 && (s[0] == '-' || s[0] == '+'))
		return 1;
	if (len >= 3 && (unsigned char)s[0] == 0xe2 &&
	    (((unsigned char)s[1] == 0x80 && ((unsigned char)s[2] == 0x90 ||
	    (unsigned char)s[2] == 0x91 || (unsigned char)s[2] == 0x93)) ||
	    ((unsigned char)s[1] == 0x88 && (unsigned char)s[2] == 0x92)))
		return 3;
	return 0;
}

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

/* The ten digits YYMMDDNNNN (after the century, if any). */
static bool
date_and_check(const char *d, int century)
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
	return sum % 10 == 0;
}

bool
pnr_find(const char *s, size_t len, size_t *off, size_t *n, bool *coord)
{
	char	 d[12];
	size_t	 i, j, run, sep, k, nd;
	int	 century;

	for (i = 0; i < len; i = j) {
		if (!is_digit(s[i])) {
			j = i + 1;
			continue;
		}
		for (j = i; j < len && is_digit(s[j]); j++)
			;
		run = j - i;
		/* Part of a longer number: a digit joined before it. */
		if (i >= 2 && is_joiner(s[i - 1]) && is_digit(s[i - 2]))
			continue;
		nd = 0;
		k = j;
		if (run == 10 || run == 12) {
			memcpy(d, s + i, run);
			nd = run;
		} else if ((run == 6 || run == 8) &&
		    (sep = separator(s + j, len - j)) > 0) {
			size_t	 t = j + sep, e;

			for (e = t; e < len && is_digit(s[e]); e++)
				;
			if (e - t != 4)
				continue;
			memcpy(d, s + i, run);
			memcpy(d + run, s + t, 4);
			nd = run + 4;
			k = e;
		}
		if (nd == 0)
			continue;
		/* ... or a digit joined after it. */
		if (k + 1 < len && is_joiner(s[k]) && is_digit(s[k + 1]))
			continue;
		century = -1;
		if (nd == 12) {
			century = num(d, 2);
			if (century < 18 || century > 20)
				continue;
		}
		if (!date_and_check(nd == 12 ? d + 2 : d, century))
			continue;
		*off = i;
		*n = k - i;
		if (coord != NULL)
			*coord = num(d + nd - 6, 2) > 60;
		return true;
	}
	return false;
}

size_t
pnr_report(enum diag_level level, const char *text, const char *file,
    int line, int col, const char *what)
{
	size_t	 len = text ? strlen(text) : 0, at = 0, off, n, found = 0;
	size_t	 i, shown;
	bool	 coord;
	int	 l, c;

	while (at < len && pnr_find(text + at, len - at, &off, &n, &coord)) {
		off += at;
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
		/* The date part only: the message itself is read in logs. */
		for (shown = 0; shown < n && is_digit(text[off + shown]);
		    shown++)
			;
		if (shown > 8)
			shown = shown == 12 ? 8 : 6;
		diag(level, file, l, c, "%s %.*s-XXXX in %s: personal "
		    "identity numbers are never published; remove it, or "
		    "mark the field or the item secret",
		    coord ? "samordningsnummer" : "personnummer", (int)shown,
		    text + off, what ? what : "public text");
		found++;
		at = off + n;
	}
	return found;
}

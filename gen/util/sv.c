/* Swedish dates: names, validation, days, Swedish time; slugs of
 * Swedish titles. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

/* Letters of a slug at the most. */
#define SLUG_MAX	60

static const char *const months[12] = {
	"januari", "februari", "mars", "april", "maj", "juni", "juli",
	"augusti", "september", "oktober", "november", "december"
};

/* Monday first, as Swedish calendars count. */
static const char *const weekdays[7] = {
	"måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag"
};

static int
parse_iso(const char *s, int *y, int *m, int *d)
{
	int	 i;

	if (s == NULL || strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return 0;
	for (i = 0; i < 10; i++)
		if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
			return 0;
	*y = atoi(s);
	*m = atoi(s + 5);
	*d = atoi(s + 8);
	return 1;
}

int
days_in_month(int y, int m)
{
	static const int dim[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31,
	    30, 31 };
	bool	 leap = y == 0 || (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;

	return m == 2 && leap ? 29 : dim[m - 1];
}

const char *
sv_month_name(int m)
{
	return m >= 1 && m <= 12 ? months[m - 1] : NULL;
}

const char *
sv_weekday_name(int d)
{
	return d >= 0 && d <= 6 ? weekdays[d] : NULL;
}

bool
iso_date_valid(const char *s)
{
	int	 y, m, d;

	if (!parse_iso(s, &y, &m, &d))
		return false;
	return y >= 1900 && y <= 2999 && m >= 1 && m <= 12 && d >= 1 &&
	    d <= days_in_month(y, m);
}

char *
iso_date_problem(const char *s, const char *example)
{
	static const char *const en[12] = { "January", "February", "March",
	    "April", "May", "June", "July", "August", "September",
	    "October", "November", "December" };
	int	 y, m, d;

	if (!parse_iso(s, &y, &m, &d))
		return xasprintf("the date must be written YYYY-MM-DD, e.g. %s",
		    example);
	if (m < 1 || m > 12)
		return xasprintf("there is no month %02d: write year, month, "
		    "day (YYYY-MM-DD), e.g. %s", m, example);
	if (y < 1900 || y > 2999)
		return xasprintf("the year %d is out of range: write a year "
		    "from 1900 to 2999", y);
	if (d < 1)
		return xstrdup("there is no day 00: days count from 01");
	if (d > days_in_month(y, m))
		return xasprintf("there is no %d %s %d (%s %d has %d days): "
		    "check the day", d, en[m - 1], y, en[m - 1], y,
		    days_in_month(y, m));
	return NULL;
}

/* Days from the civil date (Howard Hinnant's algorithm). */
long
iso_date_days(const char *s)
{
	int	 y, m, d;

	if (!iso_date_valid(s))
		return 0;
	parse_iso(s, &y, &m, &d);
	return civil_days(y, m, d);
}

char *
sv_date_long(const char *s)
{
	int	 y, m, d;

	if (!iso_date_valid(s))
		return NULL;
	parse_iso(s, &y, &m, &d);
	return xasprintf("%d %s %d", d, months[m - 1], y);
}

const char *
sv_weekday(const char *s)
{
	long	 days;

	if (!iso_date_valid(s))
		return NULL;
	days = iso_date_days(s);
	/* 1970-01-01 was a Thursday (index 3). */
	return weekdays[((days % 7) + 7 + 3) % 7];
}

char *
sv_date_weekday(const char *iso)
{
	char	*l = sv_date_long(iso), *r;
	const char *w = sv_weekday(iso);

	if (l == NULL || w == NULL) {
		free(l);
		return xstrdup(iso ? iso : "");
	}
	r = xasprintf("%s %s", w, l);
	free(l);
	return r;
}

/* Summer time from the last Sunday of March to the last Sunday of
 * October (the hour of the change is not needed for meetings held in
 * daytime). */
const char *
se_utc_offset(const char *iso)
{
	char	 d[11];
	long	 day, m, y, last;
	int	 mon;

	if (iso == NULL || !iso_date_valid(iso))
		return "+01:00";
	y = strtol(iso, NULL, 10);
	mon = (int)strtol(iso + 5, NULL, 10);
	day = iso_date_days(iso);
	if (mon < 3 || mon > 10)
		return "+01:00";
	if (mon > 3 && mon < 10)
		return "+02:00";
	/* The 31st of the month, back to a Sunday (1970-01-04 was one). */
	snprintf(d, sizeof(d), "%04ld-%02d-31", y, mon);
	m = iso_date_days(d);
	last = m - (((m - 3) % 7) + 7) % 7;
	if (mon == 3)
		return day >= last ? "+02:00" : "+01:00";
	return day < last ? "+02:00" : "+01:00";
}

char *
case_slug(const char *title)
{
	struct buf b = { 0 };
	size_t	 i, n, len = strlen(title);
	uint32_t cp;
	bool	 dash = false;

	for (i = 0; i < len; i += n) {
		char	 c = 0;

		if ((n = utf8_decode(title + i, len - i, &cp)) == 0) {
			n = 1;
			continue;
		}
		if (cp >= 'A' && cp <= 'Z')
			cp += 'a' - 'A';
		else if (cp >= 0xc0 && cp <= 0xde && cp != 0xd7)
			cp += 0x20;
		if ((cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9'))
			c = (char)cp;
		else if (cp >= 0xe0 && cp <= 0xe6)	/* å ä à á æ */
			c = 'a';
		else if (cp == 0xe7)
			c = 'c';
		else if (cp >= 0xe8 && cp <= 0xeb)
			c = 'e';
		else if (cp >= 0xec && cp <= 0xef)
			c = 'i';
		else if (cp == 0xf1)
			c = 'n';
		else if ((cp >= 0xf2 && cp <= 0xf6) || cp == 0xf8)
			c = 'o';
		else if (cp >= 0xf9 && cp <= 0xfc)
			c = 'u';
		if (c == 0) {
			dash = b.len > 0;
			continue;
		}
		if (b.len >= SLUG_MAX)
			break;
		if (dash)
			buf_putc(&b, '-');
		dash = false;
		buf_putc(&b, c);
	}
	/* Cut at a word when the title was long. */
	if (b.len >= SLUG_MAX && strchr(b.data, '-') != NULL)
		*strrchr(b.data, '-') = '\0';
	if (b.data == NULL || *b.data == '\0') {
		buf_free(&b);
		return xstrdup("arende");
	}
	return buf_detach(&b);
}

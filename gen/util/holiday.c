/*
 * The Swedish calendar of days off, for periods the law counts: the
 * public holidays of lag (1989:253) om allmänna helgdagar, Easter and
 * the days that hang on it included, and the rule of lag (1930:173) om
 * beräkning av lagstadgad tid: a period that ends on a Saturday, a
 * Sunday, a public holiday, midsommarafton, julafton or nyårsafton runs
 * on to the next working day.  Dates are days since 1970-01-01, as
 * iso_date_days() gives them.
 */
#include <string.h>

#include "util.h"

long
civil_days(int y, int m, int d)
{
	long	 era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

void
days_civil(long z, int *y, int *m, int *d)
{
	long	 era, doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yoe + era * 400 + (*m <= 2));
}

void
days_iso(long z, char out[11])
{
	int	 y, m, d;

	days_civil(z, &y, &m, &d);
	y = y < 0 ? 0 : y % 10000;
	out[0] = (char)('0' + y / 1000);
	out[1] = (char)('0' + y / 100 % 10);
	out[2] = (char)('0' + y / 10 % 10);
	out[3] = (char)('0' + y % 10);
	out[4] = out[7] = '-';
	out[5] = (char)('0' + m / 10);
	out[6] = (char)('0' + m % 10);
	out[8] = (char)('0' + d / 10);
	out[9] = (char)('0' + d % 10);
	out[10] = '\0';
}

/* 0 Monday .. 6 Sunday (1970-01-01 was a Thursday). */
int
days_weekday(long z)
{
	return (int)(((z % 7) + 7 + 3) % 7);
}

/* Easter Sunday of year y (Gregorian; the anonymous algorithm). */
long
easter_days(int y)
{
	int	 a = y % 19, b = y / 100, c = y % 100, d = b / 4, e = b % 4;
	int	 f = (b + 8) / 25, g = (b - f + 1) / 3;
	int	 h = (19 * a + b - d - g + 15) % 30, i = c / 4, k = c % 4;
	int	 l = (32 + 2 * e + 2 * i - h - k) % 7;
	int	 m = (a + 11 * h + 22 * l) / 451;
	int	 month = (h + l - 7 * m + 114) / 31;
	int	 day = (h + l - 7 * m + 114) % 31 + 1;

	return civil_days(y, month, day);
}

/* The Saturday in [from, from + 6] of month mo: midsommardagen (20–26
 * June), alla helgons dag (31 October – 6 November). */
static long
saturday_from(int y, int mo, int from)
{
	long	 z = civil_days(y, mo, from);

	return z + (5 - days_weekday(z) + 7) % 7;
}

const char *
sv_holiday(long z)
{
	int	 y, m, d;
	long	 easter;

	days_civil(z, &y, &m, &d);
	easter = easter_days(y);
	if (m == 1 && d == 1)
		return "nyårsdagen";
	if (m == 1 && d == 6)
		return "trettondedag jul";
	if (z == easter - 2)
		return "långfredagen";
	if (z == easter)
		return "påskdagen";
	if (z == easter + 1)
		return "annandag påsk";
	if (m == 5 && d == 1)
		return "första maj";
	if (z == easter + 39)
		return "Kristi himmelsfärdsdag";
	if (z == easter + 49)
		return "pingstdagen";
	if (m == 6 && d == 6)
		return "Sveriges nationaldag";
	if (z == saturday_from(y, 6, 20))
		return "midsommardagen";
	if (z == saturday_from(y, 10, 31))
		return "alla helgons dag";
	if (m == 12 && d == 25)
		return "juldagen";
	if (m == 12 && d == 26)
		return "annandag jul";
	return NULL;
}

bool
sv_day_off(long z)
{
	int	 y, m, d;

	if (days_weekday(z) >= 5 || sv_holiday(z) != NULL)
		return true;
	days_civil(z, &y, &m, &d);
	/* Lag (1930:173) 2 §: these eves count as holidays too. */
	return z == saturday_from(y, 6, 20) - 1 ||
	    (m == 12 && (d == 24 || d == 31));
}

long
sv_next_working_day(long z)
{
	int	 guard;

	/* A run of days off is never longer than a few days. */
	for (guard = 0; guard < 14 && sv_day_off(z); guard++)
		z++;
	return z;
}

bool
sv_appeal_last_day(const char *posted, char out[11])
{
	if (!iso_date_valid(posted))
		return false;
	days_iso(sv_next_working_day(iso_date_days(posted) + 21), out);
	return true;
}

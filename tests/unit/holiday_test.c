/* The Swedish calendar of days off and the appeal period (gen/util/holiday.c). */
#include <stdlib.h>

#include "../../gen/util/util.h"
#include "test.h"

static long
day(const char *iso)
{
	return iso_date_days(iso);
}

static const char *
iso(long z)
{
	static char buf[11];

	days_iso(z, buf);
	return buf;
}

static const char *
appeal(const char *posted)
{
	static char buf[11];

	if (!sv_appeal_last_day(posted, buf))
		return "(invalid)";
	return buf;
}

TEST(round_trip)
{
	long	 z;
	int	 y, m, d;

	for (z = day("1899-12-25"); z < day("2101-01-05"); z += 13) {
		days_civil(z, &y, &m, &d);
		CHECK_INT(civil_days(y, m, d), z);
	}
	CHECK_STR(iso(day("2028-02-29")), "2028-02-29");
	CHECK_INT(days_weekday(day("2026-12-08")), 1);	/* a Tuesday */
	CHECK_INT(days_weekday(day("2027-01-03")), 6);	/* a Sunday */
}

TEST(easter)
{
	CHECK_STR(iso(easter_days(2024)), "2024-03-31");
	CHECK_STR(iso(easter_days(2025)), "2025-04-20");
	CHECK_STR(iso(easter_days(2026)), "2026-04-05");
	CHECK_STR(iso(easter_days(2027)), "2027-03-28");
	CHECK_STR(iso(easter_days(2038)), "2038-04-25");	/* the latest */
	CHECK_STR(iso(easter_days(2285)), "2285-03-22");	/* the earliest */
}

TEST(holidays)
{
	CHECK_STR(sv_holiday(day("2027-01-01")), "nyårsdagen");
	CHECK_STR(sv_holiday(day("2027-01-06")), "trettondedag jul");
	CHECK_STR(sv_holiday(day("2027-03-26")), "långfredagen");
	CHECK_STR(sv_holiday(day("2027-03-28")), "påskdagen");
	CHECK_STR(sv_holiday(day("2027-03-29")), "annandag påsk");
	CHECK_STR(sv_holiday(day("2026-05-01")), "första maj");
	CHECK_STR(sv_holiday(day("2026-05-14")), "Kristi himmelsfärdsdag");
	CHECK_STR(sv_holiday(day("2026-05-24")), "pingstdagen");
	CHECK_STR(sv_holiday(day("2026-06-06")), "Sveriges nationaldag");
	CHECK_STR(sv_holiday(day("2026-06-20")), "midsommardagen");
	CHECK_STR(sv_holiday(day("2025-06-21")), "midsommardagen");
	CHECK_STR(sv_holiday(day("2026-10-31")), "alla helgons dag");
	CHECK_STR(sv_holiday(day("2025-11-01")), "alla helgons dag");
	CHECK_STR(sv_holiday(day("2026-12-25")), "juldagen");
	CHECK_STR(sv_holiday(day("2026-12-26")), "annandag jul");
	/* Not holidays: annandag pingst (since 2005), the day after
	 * Ascension, an ordinary Sunday is not named. */
	CHECK(sv_holiday(day("2026-05-25")) == NULL);
	CHECK(sv_holiday(day("2026-05-15")) == NULL);
	CHECK(sv_holiday(day("2026-12-06")) == NULL);
	CHECK(!sv_day_off(day("2026-05-25")));
	CHECK(!sv_day_off(day("2026-05-15")));
}

TEST(eves_and_weekends)
{
	CHECK(sv_day_off(day("2026-06-19")));	/* midsommarafton */
	CHECK(sv_day_off(day("2026-12-24")));	/* julafton */
	CHECK(sv_day_off(day("2026-12-31")));	/* nyårsafton */
	CHECK(sv_day_off(day("2026-12-12")));	/* a Saturday */
	CHECK(sv_day_off(day("2026-12-13")));	/* a Sunday */
	CHECK(!sv_day_off(day("2026-12-14")));
	CHECK(!sv_day_off(day("2026-06-18")));
	CHECK(!sv_day_off(day("2026-12-23")));
}

TEST(appeal_period)
{
	/* An ordinary period: three weeks, a Monday. */
	CHECK_STR(appeal("2026-11-02"), "2026-11-23");
	/* Across New Year: ends on nyårsafton, then nyårsdagen and a
	 * weekend. */
	CHECK_STR(appeal("2026-12-10"), "2027-01-04");
	/* Ends on trettondedag jul. */
	CHECK_STR(appeal("2026-12-16"), "2027-01-07");
	/* Ends on långfredagen: then Easter Saturday, påskdagen and
	 * annandag påsk. */
	CHECK_STR(appeal("2027-03-05"), "2027-03-30");
	/* Ends on midsommarafton: then midsommardagen and a Sunday. */
	CHECK_STR(appeal("2026-05-29"), "2026-06-22");
	/* Ends on Kristi himmelsfärdsdag: the Friday after is a working
	 * day. */
	CHECK_STR(appeal("2026-04-23"), "2026-05-15");
	/* Ends on a Saturday. */
	CHECK_STR(appeal("2026-10-10"), "2026-11-02");
	CHECK_STR(appeal("2026-02-30"), "(invalid)");
}

int
main(void)
{
	RUN(round_trip);
	RUN(easter);
	RUN(holidays);
	RUN(eves_and_weekends);
	RUN(appeal_period);
	TEST_END();
}

/* sv-SE number formatting and reading (gen/util/number.c). */
#include <math.h>
#include <stdlib.h>

#include "../../gen/util/util.h"
#include "test.h"

#define NB	"\xc2\xa0"		/* U+00A0 */
#define MINUS	"\xe2\x88\x92"		/* U+2212 */

static void
fmt(const char *file, int line, double v, int dec, unsigned flags,
    const char *want)
{
	char	*got = sv_number(v, dec, flags);

	if (strcmp(got, want) != 0) {
		printf("FAIL %s (%s:%d): sv_number(%.17g, %d)\n  got:  \"%s\"\n"
		    "  want: \"%s\"\n", test_current, file, line, v, dec, got,
		    want);
		test_current_failed = 1;
	}
	free(got);
}
#define FMT(v, d, f, w)	fmt(__FILE__, __LINE__, v, d, f, w)

TEST(rounding_half_away)
{
	FMT(2.25, 1, 0, "2,3");
	FMT(1.005, 2, 0, "1,01");
	FMT(2.675, 2, 0, "2,68");
	FMT(0.5, 0, 0, "1");
	FMT(1.5, 0, 0, "2");
	FMT(2.5, 0, 0, "3");
	FMT(-2.5, 0, 0, MINUS "3");
	FMT(-2.25, 1, 0, MINUS "2,3");
	FMT(2.249, 1, 0, "2,2");
	FMT(9.95, 1, 0, "10,0");
	FMT(99.95, 1, 0, "100,0");
	FMT(999.5, 0, 0, "1" NB "000");
	FMT(0.045, 1, 0, "0,0");
	FMT(0.05, 1, 0, "0,1");
	FMT(133.7, 1, 0, "133,7");
	FMT(3808.3, 1, 0, "3" NB "808,3");
	FMT(1.23456789, 6, 0, "1,234568");
	FMT(1.5, 9, 0, "1,500000");	/* at most six decimals */
	FMT(12.6, -1, 0, "13");
}

TEST(negative_zero)
{
	FMT(-0.0, 0, 0, "0");
	FMT(-0.0, 1, 0, "0,0");
	FMT(-0.04, 1, 0, "0,0");
	FMT(-0.4, 0, 0, "0");
	FMT(-0.04, 1, SVNUM_PLUS, "0,0");
	FMT(-0.05, 1, 0, MINUS "0,1");
	FMT(0.0, 1, SVNUM_PLUS, "0,0");
}

TEST(large)
{
	FMT(1e12, 0, 0, "1" NB "000" NB "000" NB "000" NB "000");
	FMT(-1e12, 1, 0, MINUS "1" NB "000" NB "000" NB "000" NB "000,0");
	FMT(123456789.125, 2, 0, "123" NB "456" NB "789,13");
	FMT(1e21, 0, 0, "1" NB "000" NB "000" NB "000" NB "000" NB "000"
	    NB "000" NB "000");
	FMT(90000 - 54902, 0, 0, "35" NB "098");
	FMT(100000, 0, 0, "100" NB "000");
	FMT(1000, 0, 0, "1" NB "000");
	FMT(999, 0, 0, "999");
	FMT(NAN, 1, 0, "?");
	FMT(INFINITY, 1, 0, "?");
}

TEST(signs_and_percent)
{
	FMT(16.8, 1, SVNUM_PLUS, "+16,8");
	FMT(-13.4, 1, SVNUM_PLUS, MINUS "13,4");
	FMT(4.2, 1, SVNUM_PERCENT, "4,2" NB "%");
	FMT(57.364, 1, SVNUM_PERCENT, "57,4" NB "%");
	FMT(-0.25, 1, SVNUM_PERCENT | SVNUM_PLUS, MINUS "0,3" NB "%");
	FMT(2.0, 1, SVNUM_PERCENT | SVNUM_PLUS, "+2,0" NB "%");
}

TEST(parse_swedish)
{
	double	 v = -1;
	int	 d = -1;
	bool	 pct = true;

	CHECK(sv_parse_number("1 234,5", ',', &v, &d, &pct));
	CHECK(v == 1234.5);
	CHECK_INT(d, 1);
	CHECK(!pct);
	CHECK(sv_parse_number("3" NB "808,30", ',', &v, &d, NULL));
	CHECK(v == 3808.3);
	CHECK_INT(d, 2);
	CHECK(sv_parse_number(MINUS "13,4", ',', &v, &d, NULL));
	CHECK(v == -13.4);
	CHECK(sv_parse_number("-3", ',', &v, &d, NULL));
	CHECK(v == -3);
	CHECK_INT(d, 0);
	CHECK(sv_parse_number("+16,8", ',', &v, &d, NULL));
	CHECK(v == 16.8);
	CHECK(sv_parse_number("4,2 %", ',', &v, &d, &pct));
	CHECK(v == 4.2 && pct);
	CHECK(sv_parse_number("4,2%", ',', &v, &d, &pct));
	CHECK(v == 4.2 && pct);
	CHECK(sv_parse_number("1 000 000", ',', &v, &d, NULL));
	CHECK(v == 1e6);
	CHECK(sv_parse_number("-0", ',', &v, &d, NULL));
	CHECK(v == 0 && !signbit(v));
	CHECK(sv_parse_number(" 12 ", ',', &v, &d, NULL));
	CHECK(v == 12);
	CHECK(sv_parse_number("1234.5", '.', &v, &d, NULL));
	CHECK(v == 1234.5);
}

TEST(parse_rejects)
{
	double	 v = 7;
	int	 d = 7;

	CHECK(!sv_parse_number("", ',', &v, &d, NULL));
	CHECK(!sv_parse_number("?", ',', &v, &d, NULL));
	CHECK(!sv_parse_number("Saknas", ',', &v, &d, NULL));
	CHECK(!sv_parse_number("12 34", ',', &v, &d, NULL));
	CHECK(!sv_parse_number("1234 567", ',', &v, &d, NULL));
	CHECK(!sv_parse_number("1,2,3", ',', &v, &d, NULL));
	CHECK(!sv_parse_number("1.5", ',', &v, &d, NULL));
	CHECK(!sv_parse_number("1,5", '.', &v, &d, NULL));
	CHECK(!sv_parse_number("12,", ',', &v, &d, NULL));
	CHECK(!sv_parse_number(",5", ',', &v, &d, NULL));
	CHECK(!sv_parse_number("2017a", ',', &v, &d, NULL));
	CHECK(!sv_parse_number("--1", ',', &v, &d, NULL));
	CHECK(!sv_parse_number("1 234 56", ',', &v, &d, NULL));
	CHECK(!sv_parse_number("1234567890123456789012345678901", ',', &v,
	    &d, NULL));
	CHECK(v == 7 && d == 7);
}

TEST(round_trip)
{
	/* Formatting then reading gives the value rounded as shown. */
	static const double vals[] = { 0, 1, -1, 0.1, 135.5, -54902,
	    1234567.891, 4.25, -0.05 };
	size_t	 i;
	char	*s;
	double	 v;
	int	 d;

	for (i = 0; i < sizeof(vals) / sizeof(vals[0]); i++) {
		s = sv_number(vals[i], 2, 0);
		CHECK(sv_parse_number(s, ',', &v, &d, NULL));
		CHECK(fabs(v - vals[i]) < 0.0051);
		CHECK_INT(d, 2);
		free(s);
	}
}

TEST(report_forms)
{
	double	 v = 7, lo = 7, hi = 7;
	int	 d = 7;
	bool	 pct = true;

	/* A sign, a space, the number: as many reports write it. */
	CHECK(sv_parse_number("- 2 898,3", ',', &v, &d, NULL));
	CHECK(v == -2898.3);
	CHECK_INT(d, 1);
	CHECK(sv_parse_number("+ 16,8", ',', &v, &d, NULL));
	CHECK(v == 16.8);
	CHECK(sv_parse_number(MINUS NB "4", ',', &v, &d, NULL));
	CHECK(v == -4);
	CHECK(sv_parse_number("\xe2\x80\x93 12", ',', &v, &d, NULL));
	CHECK(v == -12);
	CHECK(sv_parse_number("1\xe2\x80\xaf" "234", ',', &v, &d, NULL));
	CHECK(v == 1234);
	CHECK(sv_parse_number("1\xe2\x80\x89" "234,5 %", ',', &v, &d, &pct));
	CHECK(v == 1234.5 && pct);
	/* Only one space, and a number after it. */
	CHECK(!sv_parse_number("-  5", ',', &v, &d, NULL));
	CHECK(!sv_parse_number("- ", ',', &v, &d, NULL));
	CHECK(!sv_parse_number("- x", ',', &v, &d, NULL));
	/* Ranges. */
	CHECK(sv_parse_range("9\xe2\x80\x93" "12", ',', &lo, &hi, &pct));
	CHECK(lo == 9 && hi == 12 && !pct);
	CHECK(sv_parse_range("9-12", ',', &lo, &hi, NULL));
	CHECK(sv_parse_range("10 \xe2\x80\x93 15 %", ',', &lo, &hi, &pct));
	CHECK(lo == 10 && hi == 15 && pct);
	CHECK(sv_parse_range("2,5-3,5", ',', &lo, &hi, NULL));
	CHECK(lo == 2.5 && hi == 3.5);
	CHECK(!sv_parse_range("12-9", ',', &lo, &hi, NULL));
	CHECK(!sv_parse_range("-12", ',', &lo, &hi, NULL));
	CHECK(!sv_parse_range("- 2 898,3", ',', &lo, &hi, NULL));
	CHECK(!sv_parse_range("9 %-12 %", ',', &lo, &hi, NULL));
	CHECK(!sv_parse_range("9-", ',', &lo, &hi, NULL));
	CHECK(!sv_parse_range("Hälso- och", ',', &lo, &hi, NULL));
	CHECK(!sv_parse_range("9--12", ',', &lo, &hi, NULL));
}

int
main(void)
{
	RUN(rounding_half_away);
	RUN(negative_zero);
	RUN(large);
	RUN(signs_and_percent);
	RUN(parse_swedish);
	RUN(parse_rejects);
	RUN(round_trip);
	RUN(report_forms);
	TEST_END();
}

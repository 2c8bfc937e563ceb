/* Personnummer and samordningsnummer in text (gen/util/pnr.c). */
#include <stdlib.h>

#include "../../gen/util/util.h"
#include "test.h"

/* The hit in s as a string ("" if none); caller frees. */
static char *
hit(const char *s)
{
	size_t	 off, n;

	if (!pnr_find(s, strlen(s), &off, &n, NULL))
		return xstrdup("");
	return xstrndup(s + off, n);
}

static void
want(const char *file, int line, const char *s, const char *w)
{
	char	*g = hit(s);

	if (strcmp(g, w) != 0) {
		printf("FAIL %s (%s:%d): in \"%s\"\n  got:  \"%s\"\n"
		    "  want: \"%s\"\n", test_current, file, line, s, g, w);
		test_current_failed = 1;
	}
	free(g);
}
#define HIT(s, w)	want(__FILE__, __LINE__, s, w)
#define NONE(s)		want(__FILE__, __LINE__, s, "")

TEST(forms)
{
	HIT("811218-9876", "811218-9876");
	HIT("Sökande 811218+9876.", "811218+9876");
	HIT("pnr 8112189876 här", "8112189876");
	HIT("19811218-9876", "19811218-9876");
	HIT("(198112189876)", "198112189876");
	HIT("20000229-1235", "20000229-1235");
	/* Word's dashes stand for the hyphen. */
	HIT("811218\xe2\x80\x93" "9876", "811218\xe2\x80\x93" "9876");
	HIT("811218\xe2\x80\x91" "9876", "811218\xe2\x80\x91" "9876");
	HIT("121212-1212 och 811218-9876", "121212-1212");
}

TEST(wrong_check_digit)
{
	NONE("811218-9875");
	NONE("811218-9877");
	NONE("8112189870");
	NONE("19811218-9871");
	NONE("121212-1213");
}

TEST(dates_that_cannot_exist)
{
	/* Luhn passes, the date does not. */
	NONE("010229-1234");		/* 29 February 1901 or 2001 */
	NONE("19000229-1235");
	HIT("000229-1235", "000229-1235");	/* 2000 was a leap year */
	NONE("811318-9875");		/* month 13 */
	NONE("811200-9876");		/* day 0 */
	NONE("810431-9879");		/* 31 April */
}

TEST(samordningsnummer)
{
	bool	 coord = false;
	size_t	 off, n;

	HIT("701063-2383", "701063-2383");
	CHECK(pnr_find("701063-2383", 11, &off, &n, &coord));
	CHECK(coord);
	CHECK(pnr_find("811218-9876", 11, &off, &n, &coord));
	CHECK(!coord);
	NONE("701093-2387");		/* day 33 */
}

TEST(other_numbers)
{
	/* Organisation numbers: month 20 and over, or century 16. */
	NONE("556677-8899");
	NONE("232100-0008");
	NONE("Org.nr 16232100-0008");
	NONE("165566778899");
	/* Dnr, dates, phone numbers with their groups, bankgiro. */
	NONE("RS/1119/2017");
	NONE("2026-11-10");
	NONE("2026-11-10--2027-01-06");
	NONE("010-481 22 35");
	NONE("0920-123 45");
	NONE("Bankgiro 5050-1055");
	NONE("SOU 2026:12");
	/* Digits of a longer number. */
	NONE("12811218-9876");
	NONE("1-811218-9876");
	NONE("811218-98761");
	NONE("811218-9876-1");
	NONE("8112189876,50 kr");
	NONE("3 8112189876.5");
	NONE("9811218-9876");
	NONE("811218-987");
	NONE("81121898761");
	NONE("1234567811218-9876");
}

TEST(report_positions)
{
	size_t	 n;

	diag_clear();
	n = pnr_report(DIAG_ERROR, "Anna, 811218-9876.", "a.md", 4, 3,
	    NULL);
	CHECK_INT(n, 1);
	CHECK_STR(diag_first(), "a.md:4:9: error: personnummer 811218-XXXX "
	    "in public text: personal identity numbers are never published; "
	    "remove it, or mark the field or the item secret");
	diag_clear();
	/* Columns count characters, lines go on through the text. */
	n = pnr_report(DIAG_WARNING, "Första raden\nÅÄ 19811218-9876 och "
	    "701063-2383", "b.md", 10, 5, "case text");
	CHECK_INT(n, 2);
	CHECK_STR(diag_first(), "b.md:11:4: warning: personnummer 19811218-XXXX "
	    "in case text: personal identity numbers are never published; "
	    "remove it, or mark the field or the item secret");
	CHECK_INT(diag_warnings(), 2);
	diag_clear();
	CHECK_INT(pnr_report(DIAG_ERROR, "811218-9875", "c.md", 1, 1, NULL),
	    0);
	CHECK_INT(pnr_report(DIAG_ERROR, NULL, "c.md", 1, 1, NULL), 0);
	CHECK(diag_first() == NULL);
}

int
main(void)
{
	RUN(forms);
	RUN(wrong_check_digit);
	RUN(dates_that_cannot_exist);
	RUN(samordningsnummer);
	RUN(other_numbers);
	RUN(report_positions);
	TEST_END();
}

/* Personnummer and samordningsnummer in text (gen/util/pnr.c). */
#include <stdlib.h>

#include "../../gen/util/util.h"
#include "test.h"

/* The hit in s as a string ("" if none); caller frees. */
static char *
hit(const char *s, unsigned flags)
{
	struct pnr_hit h;

	if (!pnr_find(s, strlen(s), flags, &h))
		return xstrdup("");
	return xstrndup(s + h.off, h.n);
}

static void
want(const char *file, int line, const char *s, const char *w,
    unsigned flags)
{
	char	*g = hit(s, flags);

	if (strcmp(g, w) != 0) {
		printf("FAIL %s (%s:%d): in \"%s\"\n  got:  \"%s\"\n"
		    "  want: \"%s\"\n", test_current, file, line, s, g, w);
		test_current_failed = 1;
	}
	free(g);
}
#define HIT(s, w)	want(__FILE__, __LINE__, s, w, 0)
#define NONE(s)		want(__FILE__, __LINE__, s, "", 0)
#define SHIT(s, w)	want(__FILE__, __LINE__, s, w, PNR_SOURCE)
#define SNONE(s)	want(__FILE__, __LINE__, s, "", PNR_SOURCE)

/* The hit's key and whether its check digit matched. */
static void
want_key(const char *file, int line, const char *s, unsigned flags,
    const char *key, bool checked)
{
	struct pnr_hit h;

	if (!pnr_find(s, strlen(s), flags, &h)) {
		printf("FAIL %s (%s:%d): no hit in \"%s\"\n", test_current,
		    file, line, s);
		test_current_failed = 1;
	} else if (strcmp(h.key, key) != 0 || h.checked != checked) {
		printf("FAIL %s (%s:%d): in \"%s\": key %s checked %d, want "
		    "%s %d\n", test_current, file, line, s, h.key, h.checked,
		    key, checked);
		test_current_failed = 1;
	}
}
#define KEY(s, f, k, c)	want_key(__FILE__, __LINE__, s, f, k, c)

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
	/* Written as a personnummer is written: one all the same. */
	KEY("811218-9875", 0, "8112189875", false);
	KEY("19811218-9871", 0, "8112189871", false);
	KEY("121212+1213", 0, "1212121213", false);
	KEY("811218-9876", 0, "8112189876", true);
	/* Run together or with a space: one too, in every written form,
	 * Luhn-valid or not (the message says which). */
	KEY("8112189870", 0, "8112189870", false);
	KEY("198112189871", 0, "8112189871", false);
	KEY("811218 9875", 0, "8112189875", false);
	KEY("19811218 9871", 0, "8112189871", false);
	KEY("701063 2384", 0, "7010632384", false);
	KEY("7010632384", 0, "7010632384", false);
	KEY("8112189876", 0, "8112189876", true);
	HIT("811218 9876", "811218 9876");
	HIT("19811218  9876", "19811218  9876");
}

TEST(folded)
{
	/* Invisible characters inside. */
	HIT("811218\xe2\x80\x8b-9876", "811218\xe2\x80\x8b-9876");
	HIT("8112\xc2\xad" "18-9876", "8112\xc2\xad" "18-9876");
	HIT("81121\xef\xbb\xbf" "8-9876", "81121\xef\xbb\xbf" "8-9876");
	HIT("811218\xe2\x81\xa0" "9876", "811218\xe2\x81\xa0" "9876");
	HIT("\xe2\x80\xae" "811218-9876", "811218-9876");
	HIT("8\xe2\x80\x8d" "11218-9876", "8\xe2\x80\x8d" "11218-9876");
	/* Full-width digits and dash, compatibility digits. */
	KEY("\xef\xbc\x98\xef\xbc\x91\xef\xbc\x91\xef\xbc\x92"
	    "\xef\xbc\x91\xef\xbc\x98\xef\xbc\x8d\xef\xbc\x99"
	    "\xef\xbc\x98\xef\xbc\x97\xef\xbc\x96", 0, "8112189876", true);
	KEY("\xf0\x9d\x9f\x96" "11218-9876", 0, "8112189876", true);
	/* Every kind of space and dash. */
	HIT("811218\xc2\xa0" "9876", "811218\xc2\xa0" "9876");
	HIT("811218\xe2\x80\xaf" "9876", "811218\xe2\x80\xaf" "9876");
	HIT("811218\xe3\x80\x80" "9876", "811218\xe3\x80\x80" "9876");
	KEY("811218\xe2\x80\x94" "9875", 0, "8112189875", false);
	KEY("811218 \xe2\x80\x93 9875", 0, "8112189875", false);
	KEY("811218\xef\xb9\xa3" "9875", 0, "8112189875", false);
	KEY("811218--9876", 0, "8112189876", true);
	HIT("811218\n9876", "811218\n9876");
	/* A line broken after the dash. */
	KEY("811218-\n9875", 0, "8112189875", false);
}

TEST(source)
{
	/* What Markdown and XML turn into the number. */
	KEY("8112**18**-9876", PNR_SOURCE, "8112189876", true);
	KEY("811218`-98`76", PNR_SOURCE, "8112189876", true);
	KEY("*811218*-_9876_", PNR_SOURCE, "8112189876", true);
	KEY("811218\\-9876", PNR_SOURCE, "8112189876", true);
	KEY("811218&#45;9876", PNR_SOURCE, "8112189876", true);
	KEY("811218&#x2013;9876", PNR_SOURCE, "8112189876", true);
	KEY("&#56;11218-9876", PNR_SOURCE, "8112189876", true);
	KEY("811218&ndash;9875", PNR_SOURCE, "8112189875", false);
	KEY("811218&shy;-9876", PNR_SOURCE, "8112189876", true);
	KEY("811218&ZeroWidthSpace;-9876", PNR_SOURCE, "8112189876", true);
	KEY("811218&nbsp;9876", PNR_SOURCE, "8112189876", true);
	/* Every named reference cmark decodes, not a chosen few. */
	KEY("811218&numsp;9876", PNR_SOURCE, "8112189876", true);
	KEY("811218&hyphen;9876", PNR_SOURCE, "8112189876", true);
	KEY("811218&dash;9876", PNR_SOURCE, "8112189876", true);
	KEY("811218&minus;9876", PNR_SOURCE, "8112189876", true);
	KEY("811218&NonBreakingSpace;9876", PNR_SOURCE, "8112189876", true);
	KEY("811218&Tab;9876", PNR_SOURCE, "8112189876", true);
	KEY("811218&NewLine;9876", PNR_SOURCE, "8112189876", true);
	KEY("8&sup1;1218&InvisibleComma;-9876", PNR_SOURCE, "8112189876",
	    true);
	KEY("811218&ApplyFunction;-9876", PNR_SOURCE, "8112189876", true);
	/* Two characters for one reference, and one longer than its
	 * name: folded in place, nothing found. */
	SNONE("&nLt;&nLt;&nLt;&ThickSpace;&nvlt;");
	KEY("19811218--9871", PNR_SOURCE, "8112189871", false);
	/* Not in text that is not source. */
	NONE("811218&#45;9875");
	SHIT("se 811218-9876.", "811218-9876");
	SNONE("a &amp; b, 2026-12-08, RS/1190/2026");
	SNONE("&#1234567890;");
}

TEST(percent_encoded)
{
	/* A link's address, as the browser opens it. */
	KEY("https://bank.example/kund?id=811218%2D9876", 0, "8112189876",
	    true);
	KEY("?id=811218%2d9876", PNR_SOURCE, "8112189876", true);
	KEY("?id=%38%31%31%32%31%38-9876", 0, "8112189876", true);
	KEY("?id=811218%E2%80%939875", 0, "8112189875", false);
	KEY("?id=811218%C2%AD-9876", 0, "8112189876", true);
	KEY("?id=811218%209876", 0, "8112189876", true);
	HIT("<https://a.example/?p=811218%2D9876>", "811218%2D9876");
	/* Not a character. */
	NONE("811218%2G9876");
	NONE("811218%E2%809876");
	NONE("100%");
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
	HIT("701063-2383", "701063-2383");
	struct pnr_hit h;

	CHECK(pnr_find("701063-2383", 11, 0, &h));
	CHECK(h.coord);
	CHECK(pnr_find("811218-9876", 11, 0, &h));
	CHECK(!h.coord);
	NONE("701093-2387");		/* day 33 */
	NONE("701093 2387");
}

TEST(written_other_ways)
{
	/* Forms other numbers take too: found when the check digit
	 * matches (811218-9876 does, 811218-9875 does not). */
	HIT("Sökande: 811218.9876 enligt", "811218.9876");
	HIT("811218:9876", "811218:9876");
	HIT("811218/9876", "811218/9876");
	HIT("811218_9876", "811218_9876");
	HIT("811218-98 76", "811218-98 76");
	HIT("1981-12-18 9876", "1981-12-18 9876");
	HIT("81-12-18-9876", "81-12-18-9876");
	HIT("1981.12.18-9876", "1981.12.18-9876");
	HIT("81/12/18 9876", "81/12/18 9876");
	NONE("811218.9875");
	NONE("811218-98 75");
	NONE("1981-12-18 9875");
	NONE("81-12-18-9875");
	/* More of what a reader takes for one gap or one dash. */
	HIT("811218---9876", "811218---9876");
	HIT("811218    9876", "811218    9876");
	HIT("811218\xc2\xa0 \xc2\xa0" "9876", "811218\xc2\xa0 \xc2\xa0" "9876");
	HIT("811218\xe2\x94\x80" "9876", "811218\xe2\x94\x80" "9876");
	HIT("811218\xe4\xb8\x80" "9876", "811218\xe4\xb8\x80" "9876");
	HIT("811218\xe2\xa0\x80" "9876", "811218\xe2\xa0\x80" "9876");
	/* Combining marks on the digits, digits in circles. */
	HIT("8\xcc\xb2" "11218-9876", "8\xcc\xb2" "11218-9876");
	HIT("8\xef\xb8\x8f\xe2\x83\xa3" "11218-9876",
	    "8\xef\xb8\x8f\xe2\x83\xa3" "11218-9876");
	HIT("\xe2\x9d\xbd" "11218-9876", "\xe2\x9d\xbd" "11218-9876");
	/* Unicode 16's outlined digits. */
	HIT("\xf0\x9c\xb3\xb8" "11218-9876", "\xf0\x9c\xb3\xb8" "11218-9876");
	/* Not: a date and a time, a date and an amount, a list. */
	NONE("2026-12-08 10.30");
	NONE("2026-12-08 1 400 kr");
	NONE("Mötet 2026-12-08, punkt 12");
	NONE("2026-12-08/2026-12-09");
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
	/* Digits of a longer number: a digit next to them. */
	NONE("12811218-9876");
	NONE("811218-98761");
	NONE("9811218-9876");
	NONE("811218-987");
	NONE("81121898761");
	NONE("1234567811218-9876");
	/* Dates and ranges of dates. */
	NONE("2026-11-10-2027-01-06");
	NONE("2026-11-10 - 2027-01-06");
	NONE("1981-12-18");
	NONE("1981-12-18T10:30");
}

TEST(joined)
{
	/* Punctuation and a digit next to a number do not make it
	 * another: a list written without spaces hides none. */
	HIT("811218-9876,820101-1234", "811218-9876");
	KEY("1/811218-9876", 0, "8112189876", true);
	KEY("0,811218-9876", 0, "8112189876", true);
	KEY("811218-9876.1", 0, "8112189876", true);
	KEY("811218-9876:1", 0, "8112189876", true);
	KEY("1-811218-9876", 0, "8112189876", true);
	KEY("811218-9876-1", 0, "8112189876", true);
	KEY("8112189876,50 kr", 0, "8112189876", true);
	KEY("3 8112189876.5", 0, "8112189876", true);
	CHECK_INT(pnr_report(DIAG_WARNING, "811218-9876,820101-1234", 0,
	    "a.md", 1, 1, NULL), 2);
	diag_clear();
	/* The date written as dates are. */
	HIT("1981-12-18-9876", "1981-12-18-9876");
	HIT("f. 1981-12-18-9876.", "1981-12-18-9876");
	KEY("1981-12-18-9875", 0, "8112189875", false);
	KEY("1981\xe2\x80\x91" "12\xe2\x80\x91" "18\xe2\x80\x91" "9876", 0,
	    "8112189876", true);
}

TEST(every_script)
{
	/* Every dash (Pd) and minus. */
	static const char *dash[] = { "\xd6\x8a", "\xd6\xbe", "\xe1\x90\x80",
	    "\xe1\xa0\x86", "\xe2\x80\x90", "\xe2\x80\x95", "\xe2\xb8\x97",
	    "\xe2\xb8\x9a", "\xe2\xb8\xba", "\xe2\xb8\xbb", "\xe2\xb9\x80",
	    "\xe2\xb9\x9d", "\xe3\x80\x9c", "\xe3\x80\xb0", "\xe3\x82\xa0",
	    "\xef\xb8\xb1", "\xef\xb8\xb2", "\xef\xb9\x98", "\xef\xb9\xa3",
	    "\xef\xbc\x8d", "\xf0\x90\xba\xad", "\xe2\x88\x92" };
	size_t	 i;
	char	 s[32];

	for (i = 0; i < sizeof(dash) / sizeof(dash[0]); i++) {
		snprintf(s, sizeof(s), "811218%s9875", dash[i]);
		KEY(s, 0, "8112189875", false);
	}
	/* Decimal digits of other scripts: Arabic-Indic, Extended
	 * Arabic-Indic, Devanagari, Thai, Mongolian, mathematical. */
	KEY("\xd9\xa8\xd9\xa1\xd9\xa1\xd9\xa2\xd9\xa1\xd9\xa8-"
	    "\xd9\xa9\xd9\xa8\xd9\xa7\xd9\xa6", 0, "8112189876", true);
	KEY("\xdb\xb8\xdb\xb1\xdb\xb1\xdb\xb2\xdb\xb1\xdb\xb8-9876", 0,
	    "8112189876", true);
	KEY("\xe0\xa5\xae" "11218-9876", 0, "8112189876", true);
	KEY("\xe0\xb9\x98" "11218-9876", 0, "8112189876", true);
	KEY("\xe1\xa0\x98" "11218-9876", 0, "8112189876", true);
	KEY("\xf0\x9d\x9f\xbe" "11218-9876", 0, "8112189876", true);
	KEY("\xf0\x9f\xaf\xb8" "11218-9876", 0, "8112189876", true);
	/* A letter after a run of digits is not one. */
	NONE("\xd9\xaa" "11218-9876");
}

TEST(report_positions)
{
	size_t	 n;

	diag_clear();
	n = pnr_report(DIAG_ERROR, "Anna, 811218-9876.", 0, "a.md", 4, 3,
	    NULL);
	CHECK_INT(n, 1);
	CHECK_STR(diag_first(), "a.md:4:9: error: personnummer 811218-XXXX "
	    "in public text: personal identity numbers are never published; "
	    "remove it, or mark the field or the item secret");
	diag_clear();
	/* Columns count characters, lines go on through the text. */
	n = pnr_report(DIAG_WARNING, "Första raden\nÅÄ 19811218-9876 och "
	    "701063-2383", 0, "b.md", 10, 5, "case text");
	CHECK_INT(n, 2);
	CHECK_STR(diag_first(), "b.md:11:4: warning: personnummer 19811218-XXXX "
	    "in case text: personal identity numbers are never published; "
	    "remove it, or mark the field or the item secret");
	CHECK_INT(diag_warnings(), 2);
	diag_clear();
	CHECK_INT(pnr_report(DIAG_ERROR, "8113189875", 0, "c.md", 1, 1, NULL),
	    0);
	CHECK_INT(pnr_report(DIAG_ERROR, NULL, 0, "c.md", 1, 1, NULL), 0);
	CHECK(diag_first() == NULL);
	/* A wrong check digit, said so; the column after a reference. */
	CHECK_INT(pnr_report(DIAG_ERROR, "&amp; 811218&#45;9875", PNR_SOURCE,
	    "d.md", 2, 1, NULL), 1);
	CHECK_STR(diag_first(), "d.md:2:7: error: personnummer 811218-XXXX "
	    "(not Luhn-valid: its check digit does not match, but a mistyped number is still "
	    "someone's) in public text: personal identity numbers are never "
	    "published; remove it, or mark the field or the item secret");
	diag_clear();
}

int
main(void)
{
	RUN(forms);
	RUN(wrong_check_digit);
	RUN(folded);
	RUN(source);
	RUN(percent_encoded);
	RUN(dates_that_cannot_exist);
	RUN(samordningsnummer);
	RUN(other_numbers);
	RUN(written_other_ways);
	RUN(joined);
	RUN(every_script);
	RUN(report_positions);
	TEST_END();
}

/*
 * The lint recognisers: Swedish phone numbers, e-mail addresses and
 * template hints, with many cases each; then meeting_lint on small
 * meetings built in memory-backed temporary files.
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "test.h"
#include "../../gen/util/util.h"
#include "../../gen/util/xml.h"
#include "../../gen/content/content.h"

TEST(phone_ok)
{
	static const char *const ok[] = {
		"010-481 22 35", "0920-45 67 89", "070-123 45 67",
		"+46 10 481 22 35", "08-123 456 78", "08-12 34 56",
		"031-123 45 67", "0980-123 45", "+46 70 123 45 67",
		"+46 920 45 67 89", "  010-481 22 35  ", "010-481\xc2\xa0" "22 35",
		"+47 22 33 44 55",	/* another country: its own grouping */
		"112", "1177", "113 13",	/* short numbers */
		NULL
	};
	const char *why;
	size_t	 i;

	for (i = 0; ok[i] != NULL; i++) {
		if (lint_phone(ok[i], &why) != PHONE_OK)
			printf("  not ok: \"%s\" (%s)\n", ok[i], why);
		CHECK(lint_phone(ok[i], &why) == PHONE_OK);
		CHECK(why == NULL);
	}
}

TEST(phone_empty)
{
	const char *why;

	CHECK(lint_phone("", &why) == PHONE_EMPTY);
	CHECK(lint_phone("   ", &why) == PHONE_EMPTY);
	CHECK(lint_phone("\xc2\xa0", &why) == PHONE_EMPTY);
	CHECK(lint_phone(NULL, &why) == PHONE_EMPTY);
}

TEST(phone_grouping)
{
	static const char *const warn[] = {
		"0104812235", "010 481 22 35", "010-4812235", "010 - 481 22 35",
		"010\xe2\x80\x93" "481 22 35",	/* en dash */
		"+46104812235", "+46 (0)10 481 22 35", "+46-10-481 22 35",
		"010-481-22-35", "010-4 81 22 35", NULL
	};
	const char *why;
	size_t	 i;

	for (i = 0; warn[i] != NULL; i++) {
		if (lint_phone(warn[i], &why) != PHONE_GROUPING)
			printf("  not grouping: \"%s\"\n", warn[i]);
		CHECK(lint_phone(warn[i], &why) == PHONE_GROUPING);
		CHECK(why != NULL);
	}
}

TEST(phone_malformed)
{
	static const char *const bad[] = {
		"010-123 4", "010-481 22 35 5", "10-481 22 35", "abc",
		"010-481 22 3X", "0046 10 481 22 35", "+46 010 481 22 35",
		"+46 10 48", "010-481 22 35 ankn. 12", "tel 010", "-",
		"+", "010/481 22 35", "+46 10 481 22 35 99 99", "0-",
		"+1 23", NULL
	};
	const char *why;
	size_t	 i;

	for (i = 0; bad[i] != NULL; i++) {
		if (lint_phone(bad[i], &why) != PHONE_MALFORMED)
			printf("  not malformed: \"%s\"\n", bad[i]);
		CHECK(lint_phone(bad[i], &why) == PHONE_MALFORMED);
		CHECK(why != NULL);
	}
	/* The reason says what is wrong. */
	lint_phone("0046 10 481 22 35", &why);
	CHECK(why != NULL && strstr(why, "00") != NULL);
	lint_phone("+46 010 481 22 35", &why);
	CHECK(why != NULL && strstr(why, "+46") != NULL);
}

TEST(email)
{
	static const char *const ok[] = {
		"karin.ek@example.se", "a@b.se", "lars.nystrom@norrbacka.example",
		"x+y@sub.domain.org", "first_last@region-x.se", " a@b.se ",
		NULL
	};
	static const char *const bad[] = {
		"", "karin.ek", "karin@", "@region.se", "a@@b.se", "a@b@c.se",
		"lars.nyström@region.se", "a b@region.se", ".a@region.se",
		"a.@region.se", "a..b@region.se", "a@region", "a@region.s",
		"a@-region.se", "a@region-.se", "a@region..se", "a@region.s3",
		"a@reg_ion.se", "a(b)@region.se", NULL
	};
	size_t	 i;

	for (i = 0; ok[i] != NULL; i++) {
		if (lint_email(ok[i]) != NULL)
			printf("  not ok: \"%s\": %s\n", ok[i], lint_email(ok[i]));
		CHECK(lint_email(ok[i]) == NULL);
	}
	for (i = 0; bad[i] != NULL; i++) {
		if (lint_email(bad[i]) == NULL)
			printf("  not bad: \"%s\"\n", bad[i]);
		CHECK(lint_email(bad[i]) != NULL);
	}
	CHECK(strstr(lint_email("lars.nyström@region.se"), "å, ä") != NULL);
	CHECK(strstr(lint_email("karin"), "@") != NULL);
}

/* The hint found in s, as "offset:text", or "" if none. */
static const char *
hint(const char *s, bool xml)
{
	static char out[256];
	size_t	 off, len;

	if (!lint_hint(s, strlen(s), xml, &off, &len))
		return "";
	snprintf(out, sizeof(out), "%zu:%.*s", off, (int)len, s + off);
	return out;
}

TEST(hints_found)
{
	CHECK_STR(hint("[Skriv bakgrunden här]", false),
	    "0:[Skriv bakgrunden här]");
	CHECK_STR(hint("Text [ange belopp] mer", false), "5:[ange belopp]");
	CHECK_STR(hint("Beslut [Fyll i datum].", false), "7:[Fyll i datum]");
	CHECK_STR(hint("Kostnaden är XX mkr", false), "14:XX");	/* bytes */
	CHECK_STR(hint("år 20XX", false), "4:20XX");
	CHECK_STR(hint("dnr RS/XXXX/2026", false), "7:XXXX");
	CHECK_STR(hint("Datum: ÅÅÅÅ-MM-DD", false), "7:ÅÅÅÅ-MM-DD");
	CHECK_STR(hint("den YYYY-MM-DD", false), "4:YYYY-MM-DD");
	CHECK_STR(hint("Lorem ipsum dolor", false), "0:Lorem ipsum");
	CHECK_STR(hint("text LOREM IPSUM", false), "5:LOREM IPSUM");
	CHECK_STR(hint("Hej <namn>!", false), "4:<namn>");
	CHECK_STR(hint("Till <Namn Efternamn>", false), "5:<Namn Efternamn>");
	CHECK_STR(hint("Ansvarig: <handläggare>", false), "10:<handläggare>");
	CHECK_STR(hint("se <...>", false), "3:<...>");
	CHECK_STR(hint("Hej &lt;namn&gt;!", true), "4:&lt;namn&gt;");
	CHECK_STR(hint("TODO: skriv klart", false), "0:TODO");
	CHECK_STR(hint("[Ange dnr, t.ex. RS/1234/2026]", false),
	    "0:[Ange dnr, t.ex. RS/1234/2026]");
	CHECK_STR(hint("Å ÅÅÅÅ", false), "3:ÅÅÅÅ");
}

TEST(hints_not_found)
{
	static const char *const none[] = {
		"Regionstyrelsen beslutar att bifalla motionen.",
		"[Ange](https://example.se) är en länk",	/* a Markdown link */
		"[Skriv][ref] är en referenslänk",
		"Citat […] och [...] är utelämningar",
		"Karl XII och Gustav XIV",		/* not only X */
		"XXL och Xavier", "X-ray", "xX",
		"<b>fet</b> visas som den är", "<namnlista>",
		"&lt;namn&gt;",		/* Markdown: an entity, shown as text */
		"2026-12-08 och 12 december 2026",
		"[Utredning 2026] beslutad", "Todo list", "Lorem",
		"MM-DD", "ÅÅÅÅÅ", "åååå",
		NULL
	};
	size_t	 i;

	for (i = 0; none[i] != NULL; i++) {
		if (*hint(none[i], false) != '\0')
			printf("  hint in \"%s\": %s\n", none[i],
			    hint(none[i], false));
		CHECK_STR(hint(none[i], false), "");
	}
	/* In XML, "<namn>" is an element, not text. */
	CHECK_STR(hint("<namn>Karin</namn>", true), "");
}

/* ------------------------------------------------------------------ */
/* meeting_lint on small meetings in a temporary folder. */

static char dir[256];

static void
put(const char *name, const char *text)
{
	char	*p = xasprintf("%s/%s", dir, name);
	FILE	*f = fopen(p, "w");

	if (f != NULL) {
		fputs(text, f);
		fclose(f);
	}
	free(p);
}

static const char manifest[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<meeting date=\"2026-12-08\">\n"
    "  <organisation>Region Test</organisation>\n"
    "  <body>Regionstyrelsen</body>\n"
    "  <session start=\"08.30\" end=\"12.00\" place=\"Salen\" open=\"yes\"/>\n"
    "  <secretary name=\"Karin Ek\" phone=\"010-123 45 67\" "
    "email=\"karin.ek@test.se\"/>\n"
    "  <agenda>\n"
    "    <case file=\"a.md\"/>\n"
    "    <case file=\"b.md\"/>\n"
    "  </agenda>\n"
    "</meeting>\n";

/* Messages of check on the folder, one per line. */
static char *
lint_messages(void)
{
	struct meeting *m;
	char	*out = NULL;
	size_t	 len = 0;
	FILE	*f;

	diag_clear();
	m = meeting_read(dir, "templates/schema");
	meeting_lint(m);
	meeting_free(m);
	f = open_memstream(&out, &len);
	diag_flush(f);
	fclose(f);
	return out;
}

static bool
setup_dir(void)
{
	const char *t = getenv("TEST_TMP");

	snprintf(dir, sizeof(dir), "%s/lint.XXXXXX", t ? t : "/tmp");
	if (mkdtemp(dir) == NULL)
		return false;
	put("meeting.xml", manifest);
	return true;
}

static void
cleanup_dir(void)
{
	char	*cmd = xasprintf("rm -rf '%s'", dir);

	if (system(cmd) != 0)
		printf("  cannot remove %s\n", dir);
	free(cmd);
}

TEST(lint_keeps_going)
{
	char	*out, *want;

	if (!setup_dir()) {
		CHECK(!"mkdtemp");
		return;
	}
	/* a.md cannot be read (bad dnr), b.md can: both files' findings
	 * are listed. */
	put("a.md", "---\ndnr: RS/0/2026\ntitle: A\n---\n\n"
	    "# Ärendebeskrivning\n\nText med [Skriv mer här].\n\n"
	    "# Förslag till beslut\n\nBifalls.\n");
	put("b.md", "---\ndnr: RS/1/2026\ntitle: B\nkind: beslut\n---\n\n"
	    "# Ärendebeskrivning\n\nDen 30 februari 2026, tfn 010-12.\n");
	out = lint_messages();
	want = xasprintf(
	    "%s/a.md:2:6: error: malformed dnr \"RS/0/2026\": write it as "
	    "SERIES/NUMBER/YEAR, e.g. RS/1119/2017\n"
	    "%s/b.md:9:5: error: \"30 februari 2026\" is not a real date: "
	    "check the day and the month\n"
	    "%s/b.md:9:27: error: malformed phone number \"010-12\": it has "
	    "too few digits for a Swedish number with its area code (8 to "
	    "10); write it as e.g. 010-481 22 35\n"
	    "%s/b.md:1:1: error: the decision case has no section \"# "
	    "Förslag till beslut\": add it with the proposal, or write "
	    "\"kind: information\" in the header\n"
	    "%s/a.md:8:10: error: unfilled template hint \"[Skriv mer här]\": "
	    "replace it with the real text\n", dir, dir, dir, dir, dir);
	CHECK_STR(out, want);
	CHECK_INT(diag_errors(), 5);
	free(out);
	free(want);
	cleanup_dir();
	diag_clear();
}

TEST(lint_code_and_comments)
{
	char	*out;

	if (!setup_dir()) {
		CHECK(!"mkdtemp");
		return;
	}
	/* Dates and phone numbers in code blocks are literal; a header
	 * comment is for the writer; a hint in code is still a hint. */
	put("a.md", "---\ndnr: RS/5/2026\ntitle: A\nkind: information\n"
	    "# datum: ÅÅÅÅ-MM-DD\n---\n\n# Ärendebeskrivning\n\n"
	    "```\n2026-02-30 tfn 1\n```\n\nText.\n");
	put("b.md", "---\ndnr: RS/6/2026\ntitle: B\nkind: information\n---\n"
	    "\n# Ärendebeskrivning\n\n    XX\n");
	out = lint_messages();
	CHECK(out != NULL && strstr(out, "b.md:9:5: error: unfilled template "
	    "hint \"XX\"") != NULL);
	CHECK(out != NULL && strstr(out, "a.md") == NULL);
	CHECK_INT(diag_errors(), 1);
	free(out);
	cleanup_dir();
	diag_clear();
}

TEST(lint_capped)
{
	struct buf b = { 0 };
	char	*out;
	int	 i;

	if (!setup_dir()) {
		CHECK(!"mkdtemp");
		return;
	}
	/* A megabyte of findings on one line: 50 are reported, then a
	 * note, and the scan stops (in linear time). */
	buf_puts(&b, "---\ndnr: RS/5/2026\ntitle: A\nkind: information\n"
	    "---\n\n# Ärendebeskrivning\n\n");
	for (i = 0; i < 25000; i++)
		buf_puts(&b, "XX [Ange] tfn 1 2026-13-01 ");
	buf_puts(&b, "\n");
	put("a.md", b.data);
	put("b.md", "---\ndnr: RS/6/2026\ntitle: B\nkind: information\n---\n"
	    "\n# Ärendebeskrivning\n\nText.\n");
	out = lint_messages();
	CHECK_INT(diag_errors() + diag_warnings(), 50);
	CHECK(out != NULL && strstr(out, "note: more findings in this file "
	    "are not shown") != NULL);
	free(out);
	buf_free(&b);
	cleanup_dir();
	diag_clear();
}

TEST(slug)
{
	char	*s;

	CHECK_STR(s = case_slug("Motion om fler laddstolpar"),
	    "motion-om-fler-laddstolpar");
	free(s);
	CHECK_STR(s = case_slug("Årsredovisning för Östra Ängby 2026"),
	    "arsredovisning-for-ostra-angby-2026");
	free(s);
	CHECK_STR(s = case_slug("  Remissvar: SOU 2026:12 – \"Vård\"  "),
	    "remissvar-sou-2026-12-vard");
	free(s);
	CHECK_STR(s = case_slug("!!!"), "arende");
	free(s);
	s = case_slug("Ett mycket långt ärende om något som aldrig tar slut "
	    "och fortsätter och fortsätter");
	CHECK(strlen(s) <= 60 && s[strlen(s) - 1] != '-');
	CHECK_STR(s, "ett-mycket-langt-arende-om-nagot-som-aldrig-tar-slut-och");
	free(s);
}

int
main(void)
{
	xml_setup();
	RUN(phone_ok);
	RUN(phone_empty);
	RUN(phone_grouping);
	RUN(phone_malformed);
	RUN(email);
	RUN(hints_found);
	RUN(hints_not_found);
	RUN(lint_keeps_going);
	RUN(lint_code_and_comments);
	RUN(lint_capped);
	RUN(slug);
	xml_cleanup();
	intern_free();
	TEST_END();
}

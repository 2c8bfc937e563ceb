/* Unit tests of content/: dnr, case headers, sections, Markdown. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../../gen/content/content.h"
#include "../../gen/content/extern.h"
#include "../../gen/util/xml.h"
#include "test.h"

#define HDR	"---\ndnr: RS/1234/2026\ntitle: Ett ärende\n---\n\n"

static struct casefile *
parse(const char *text)
{
	diag_clear();
	return casefile_parse("x.md", text, strlen(text));
}

/* The concatenated text of a block's spans ("|" for a break). */
static char textbuf[4096];

static const char *
text_of(const struct block *b)
{
	const struct span *s;

	textbuf[0] = '\0';
	if (b == NULL)
		return "(no block)";
	for (s = b->spans; s != NULL; s = s->next) {
		if (s->kind == SPAN_BREAK)
			strcat(textbuf, "|");
		else if (s->text != NULL)
			strcat(textbuf, s->text);
	}
	return textbuf;
}

static size_t
count(const struct block *b)
{
	size_t	 n = 0;

	for (; b != NULL; b = b->next)
		n++;
	return n;
}

static const struct block *
nth(const struct block *b, size_t n)
{
	while (b != NULL && n-- > 0)
		b = b->next;
	return b;
}

static const struct block *
section(const struct casefile *cs, enum section_kind k)
{
	return cs && cs->sections[k].present ? cs->sections[k].blocks : NULL;
}

TEST(dnr_good)
{
	CHECK(dnr_valid("RS/1119/2017"));
	CHECK(dnr_valid("HSN/1875/2025"));
	CHECK(dnr_valid("GNU/7/2017"));
	CHECK(dnr_valid("LS/935/1900"));
	CHECK(dnr_valid("ÅÄÖ/1/2099"));
	CHECK(dnr_valid("Ö/999999/2000"));
	CHECK(dnr_valid("ABCDEFGHIJ/1/2026"));
	CHECK(dnr_valid("ABCDEFGHIÅ/1/2026"));
}

TEST(dnr_bad)
{
	CHECK(!dnr_valid(NULL));
	CHECK(!dnr_valid(""));
	CHECK(!dnr_valid("RS-12-2026"));
	CHECK(!dnr_valid("RS/0119/2017"));	/* leading zero */
	CHECK(!dnr_valid("RS/0/2017"));
	CHECK(!dnr_valid("rs/1119/2017"));	/* lower case */
	CHECK(!dnr_valid("åäö/1/2017"));
	CHECK(!dnr_valid("É/1/2017"));
	CHECK(!dnr_valid("RS/1/1899"));	/* year range */
	CHECK(!dnr_valid("RS/1/2100"));
	CHECK(!dnr_valid("RS/1/17"));
	CHECK(!dnr_valid("RS/1/20171"));
	CHECK(!dnr_valid("ABCDEFGHIJK/1/2017"));	/* 11 letters */
	CHECK(!dnr_valid("RS/1234567/2017"));	/* 7 digits */
	CHECK(!dnr_valid("RS//2017"));
	CHECK(!dnr_valid("/1/2017"));
	CHECK(!dnr_valid("RS/1/2017 "));
	CHECK(!dnr_valid(" RS/1/2017"));
	CHECK(!dnr_valid("R S/1/2017"));
}

TEST(header_fields)
{
	struct casefile *cs = parse("---\n"
	    "dnr: RS/1234/2026\n"
	    "title:   Motion om \"laddstolpar\"  \n"
	    "handläggare: Lars Nyström\n"
	    "Granskad: ja\n"
	    "\n"
	    "# en kommentar\n"
	    "---\n");

	CHECK(cs != NULL);
	if (cs == NULL)
		return;
	CHECK_STR(cs->dnr, "RS/1234/2026");
	CHECK_STR(cs->title, "Motion om ”laddstolpar”");
	CHECK_STR(cs->kind, "beslut");
	CHECK_STR(cs->handlaggare, "Lars Nyström");
	CHECK_INT(cs->nmeta, 4);
	CHECK_STR(cs->meta[3].key, "Granskad");
	CHECK_STR(cs->meta[3].value, "ja");
	CHECK_INT(cs->meta[3].pos.line, 5);
	CHECK_STR(cs->meta[1].value, "Motion om \"laddstolpar\"");
	CHECK_INT(cs->pos.line, 1);
	casefile_free(cs);
}

TEST(header_bom_crlf_quotes)
{
	struct casefile *cs = parse("\xef\xbb\xbf---\r\n"
	    "dnr: \"RS/1/2026\"\r\n"
	    "Title: 'Budget'\r\n"
	    "KIND: Information\r\n"
	    "---\r\n"
	    "# Ärendebeskrivning\r\n"
	    "Text.\r\n");

	CHECK(cs != NULL);
	if (cs == NULL)
		return;
	CHECK_STR(cs->dnr, "RS/1/2026");
	CHECK_STR(cs->title, "Budget");
	CHECK_STR(cs->kind, "information");
	CHECK_STR(text_of(section(cs, SECTION_DESCRIPTION)), "Text.");
	CHECK_INT(section(cs, SECTION_DESCRIPTION)->pos.line, 7);
	casefile_free(cs);
}

TEST(header_information_without_dnr)
{
	struct casefile *cs = parse("---\ntitle: Informationer\n"
	    "kind: information\n---\n");

	CHECK(cs != NULL);
	CHECK(cs && cs->dnr == NULL);
	casefile_free(cs);
}

TEST(header_errors)
{
	CHECK(parse("---\ndnr: RS-12-2026\ntitle: X\n---\n") == NULL);
	CHECK_STR(diag_first(), "x.md:2:6: error: malformed dnr "
	    "\"RS-12-2026\": write it as SERIES/NUMBER/YEAR, e.g. "
	    "RS/1119/2017");

	CHECK(parse("---\ntitle: X\n---\n") == NULL);
	CHECK_STR(diag_first(), "x.md:1:1: error: the metadata header has "
	    "no dnr: add a line \"dnr: SERIES/NUMBER/YEAR\", e.g. "
	    "\"dnr: RS/1119/2017\" (only kind: information may leave it out)");

	CHECK(parse("---\ndnr: RS/1/2026\n---\n") == NULL);
	CHECK_STR(diag_first(), "x.md:1:1: error: the metadata header has "
	    "no title: add a line \"title: ...\"");

	CHECK(parse("---\ndnr: RS/1/2026\ntitle: X\ndnr: RS/2/2026\n---\n")
	    == NULL);
	CHECK_STR(diag_first(), "x.md:4:1: error: duplicate field \"dnr\" "
	    "(first at line 2): keep one of them");

	CHECK(parse("---\ndnr: RS/1/2026\n  title X\ntitle: X\n---\n") == NULL);
	CHECK_STR(diag_first(), "x.md:3:3: error: missing ':' in the "
	    "metadata header: write each field as \"key: value\"");

	CHECK(parse("---\ndnr: RS/1/2026\ntitle: X\n\n# Ärendebeskrivning\n")
	    == NULL);
	CHECK_STR(diag_first(), "x.md:1:1: error: the metadata header is "
	    "not closed: add a line \"---\" after its last field");
	CHECK_INT(diag_errors(), 1);

	CHECK(parse("# Ärendebeskrivning\n") == NULL);
	CHECK_STR(diag_first(), "x.md:1:1: error: missing metadata header: "
	    "start the file with a line \"---\", then lines \"dnr: ...\" and "
	    "\"title: ...\", then a line \"---\"");

	CHECK(parse("---\ndnr: RS/1/2026\ntitle: X\nkind: beslutet\n---\n")
	    == NULL);
	CHECK_STR(diag_first(), "x.md:4:7: error: unknown kind \"beslutet\": "
	    "write \"beslut\" or \"information\"");

	/* Every problem is reported, not only the first. */
	CHECK(parse("---\ndnr: RS/01/2026\nfoo\n---\n# Fel\n") == NULL);
	CHECK_INT(diag_errors(), 4);
}

TEST(sections_split)
{
	struct casefile *cs = parse(HDR
	    "#  ärendebeskrivning \n\nBeskrivning.\n\n## Bakgrund\n\nMer.\n\n"
	    "# FÖRSLAG TILL BESLUT\n\nMotionen anses besvarad.\n\n"
	    "# Beslutsunderlag\n\n- Tjänsteskrivelse 2026-11-10\n"
	    "- Bilaga 1 Analys\n");
	const struct block *b;

	CHECK(cs != NULL);
	if (cs == NULL)
		return;
	CHECK(cs->sections[SECTION_DESCRIPTION].present);
	CHECK(cs->sections[SECTION_PROPOSAL].present);
	CHECK(!cs->sections[SECTION_RECIPIENTS].present);
	CHECK(cs->sections[SECTION_DOCUMENTS].present);
	CHECK_INT(cs->sections[SECTION_DESCRIPTION].pos.line, 6);
	CHECK_INT(cs->sections[SECTION_PROPOSAL].pos.line, 14);
	b = section(cs, SECTION_DESCRIPTION);
	CHECK_INT(count(b), 3);
	CHECK_INT(nth(b, 1)->kind, BLOCK_HEADING);
	CHECK_INT(nth(b, 1)->level, 1);
	CHECK_STR(text_of(nth(b, 1)), "Bakgrund");
	CHECK_INT(nth(b, 1)->pos.line, 10);
	CHECK_INT(nth(b, 1)->spans->pos.col, 4);
	b = section(cs, SECTION_PROPOSAL);
	CHECK_INT(count(b), 1);
	CHECK_STR(text_of(b), "Motionen anses besvarad.");
	b = section(cs, SECTION_DOCUMENTS);
	CHECK_INT(b->kind, BLOCK_LIST);
	CHECK_INT(b->list_style, LIST_BULLET);
	CHECK_INT(count(b->children), 2);
	CHECK_STR(text_of(b->children->next->children), "Bilaga 1 Analys");
	casefile_free(cs);
}

TEST(sections_errors)
{
	CHECK(parse(HDR "# Ärendebeskrivning\n\nText.\n\n# Bakgrund\n") ==
	    NULL);
	CHECK_STR(diag_first(), "x.md:10:1: error: unknown section heading "
	    "\"Bakgrund\": use one of \"# Ärendebeskrivning\", "
	    "\"# Förslag till beslut\", \"# Expedieras till\" or "
	    "\"# Beslutsunderlag\" (\"##\" makes a sub-heading)");

	CHECK(parse(HDR "# Förslag till beslut\n\nA.\n\n"
	    "# Förslag till beslut\n\nB.\n") == NULL);
	CHECK_STR(diag_first(), "x.md:10:1: error: section \"Förslag till "
	    "beslut\" appears twice (first at line 6): merge the two");

	CHECK(parse(HDR "Inledning.\n\n# Ärendebeskrivning\n\nText.\n") ==
	    NULL);
	CHECK_STR(diag_first(), "x.md:6:1: error: text before the first "
	    "section heading: start with one of \"# Ärendebeskrivning\", "
	    "\"# Förslag till beslut\", \"# Expedieras till\" or "
	    "\"# Beslutsunderlag\"");
}

TEST(proposal_one_sentence)
{
	struct casefile *cs = parse(HDR "# Förslag till beslut\n\n"
	    "Motionen anses besvarad.\n");
	const struct block *b = section(cs, SECTION_PROPOSAL);

	CHECK(b != NULL && b->kind == BLOCK_PARA && b->next == NULL);
	CHECK_STR(text_of(b), "Motionen anses besvarad.");
	casefile_free(cs);
}

TEST(proposal_numbered_lettered)
{
	struct casefile *cs = parse(HDR "# Förslag till beslut\n\n"
	    "Regionstyrelsen föreslår regionfullmäktige besluta\n\n"
	    "1. att godkänna planen,\n"
	    "   a. första underpunkten\n"
	    "   b) andra underpunkten\n"
	    "   b. andra underpunkten,\n"
	    "   som fortsätter här\n"
	    "2. att uppdra åt regiondirektören att\n"
	    "   a. *utreda* saken\n");
	const struct block *b = section(cs, SECTION_PROPOSAL), *l, *it, *al;

	CHECK(cs != NULL);
	if (cs == NULL)
		return;
	/* Proposer line, then the numbered points. */
	CHECK_INT(count(b), 2);
	CHECK_STR(text_of(b), "Regionstyrelsen föreslår regionfullmäktige "
	    "besluta");
	l = b->next;
	CHECK_INT(l->kind, BLOCK_LIST);
	CHECK_INT(l->list_style, LIST_DECIMAL);
	CHECK_INT(l->list_start, 1);
	CHECK(l->tight);
	CHECK_INT(count(l->children), 2);
	/* "b)" among "b." breaks the sequence: left alone. */
	it = l->children;
	CHECK_INT(count(it->children), 1);
	CHECK_INT(it->children->kind, BLOCK_PARA);
	casefile_free(cs);

	cs = parse(HDR "# Förslag till beslut\n\n"
	    "1. att godkänna planen,\n"
	    "   a. första underpunkten\n"
	    "   b. andra underpunkten,\n"
	    "   som fortsätter här\n"
	    "2. att avslå resten.\n");
	b = section(cs, SECTION_PROPOSAL);
	CHECK(b != NULL && b->kind == BLOCK_LIST);
	if (b == NULL)
		return;
	it = b->children;
	CHECK_INT(count(it->children), 2);
	CHECK_INT(it->children->kind, BLOCK_PARA);
	CHECK_STR(text_of(it->children), "att godkänna planen,");
	al = it->children->next;
	CHECK_INT(al->kind, BLOCK_LIST);
	CHECK_INT(al->list_style, LIST_ALPHA);
	CHECK_INT(al->list_start, 1);
	CHECK(al->tight);
	CHECK_INT(count(al->children), 2);
	CHECK_INT(al->children->kind, BLOCK_ITEM);
	CHECK_STR(text_of(al->children->children), "första underpunkten");
	CHECK_STR(text_of(al->children->next->children),
	    "andra underpunkten, som fortsätter här");
	CHECK_INT(al->pos.line, 9);
	CHECK_INT(al->pos.col, 4);
	CHECK_INT(al->children->children->pos.line, 9);
	CHECK_INT(al->children->children->pos.col, 7);
	CHECK_INT(al->children->children->spans->pos.col, 7);
	CHECK_STR(text_of(it->next->children), "att avslå resten.");
	casefile_free(cs);
}

TEST(lettered_paragraphs)
{
	struct casefile *cs = parse(HDR "# Förslag till beslut\n\n"
	    "Regiondirektören får i uppdrag att:\n\n"
	    "a) ta fram en plan,\n\n"
	    "b) redovisa den i juni.\n\n"
	    "Slut.\n");
	const struct block *b = section(cs, SECTION_PROPOSAL);

	CHECK_INT(count(b), 3);
	CHECK_INT(nth(b, 1)->kind, BLOCK_LIST);
	CHECK_INT(nth(b, 1)->list_style, LIST_ALPHA);
	CHECK(!nth(b, 1)->tight);
	CHECK_INT(count(nth(b, 1)->children), 2);
	CHECK_STR(text_of(nth(b, 1)->children->next->children),
	    "redovisa den i juni.");
	CHECK_STR(text_of(nth(b, 2)), "Slut.");
	casefile_free(cs);

	/* Not starting at "a", or skipping a letter: left alone. */
	cs = parse(HDR "# Ärendebeskrivning\n\nb. ett\nc. två\n\n"
	    "a. ett\nc. två\n\na. ensam\n");
	b = section(cs, SECTION_DESCRIPTION);
	CHECK_INT(count(b), 3);
	CHECK_STR(text_of(b), "b. ett c. två");
	CHECK_STR(text_of(b->next), "a. ett c. två");
	CHECK_STR(text_of(b->next->next), "a. ensam");
	casefile_free(cs);
}

TEST(proposal_intro_bullets)
{
	struct casefile *cs = parse(HDR "# Förslag till beslut\n\n"
	    "Regiondirektören får i uppdrag att:\n\n"
	    "- ta fram en plan\n- redovisa den\n");
	const struct block *b = section(cs, SECTION_PROPOSAL);

	CHECK_INT(count(b), 2);
	CHECK_STR(text_of(b), "Regiondirektören får i uppdrag att:");
	CHECK_INT(b->next->kind, BLOCK_LIST);
	CHECK_INT(b->next->list_style, LIST_BULLET);
	CHECK_INT(count(b->next->children), 2);
	casefile_free(cs);
}

TEST(recipients_lines)
{
	struct casefile *cs = parse(HDR "# Expedieras till\n\n"
	    "Regiondirektören\nEkonomidirektören, för kännedom\n");
	const struct block *b = section(cs, SECTION_RECIPIENTS);

	CHECK_INT(count(b), 1);
	CHECK_STR(text_of(b), "Regiondirektören|Ekonomidirektören, för "
	    "kännedom");
	CHECK_INT(b->spans->next->next->pos.line, 9);
	casefile_free(cs);
}

TEST(smart_punctuation)
{
	struct casefile *cs = parse(HDR "# Ärendebeskrivning\n\n"
	    "Han sa \"ja\" -- det var 'bra'... Så --- kanske `\"kod\" -- x`.\n");
	const struct block *b = section(cs, SECTION_DESCRIPTION);
	const struct span *s;

	CHECK_STR(text_of(b), "Han sa ”ja” – det var ’bra’… Så — kanske "
	    "\"kod\" -- x.");
	s = b->spans->next;
	CHECK(s != NULL && (s->flags & SPAN_CODE));
	casefile_free(cs);
}

/* Addresses keep what the reader must type; the words around them get
 * Swedish punctuation. */
TEST(smart_punctuation_addresses)
{
	struct casefile *cs = parse(HDR "# Ärendebeskrivning\n\n"
	    "Se <https://ex.se/a--b...c> och https://ex.se/it's--x, "
	    "skriv till \"per--ola@ex.se\" -- eller www.ex.se/a--b.\n");
	const struct block *b = section(cs, SECTION_DESCRIPTION);

	CHECK_STR(text_of(b), "Se https://ex.se/a--b...c och "
	    "https://ex.se/it's--x, skriv till ”per--ola@ex.se” – eller "
	    "www.ex.se/a--b.");
	casefile_free(cs);
}

TEST(cleaning)
{
	char	*c = content_clean_text("\xef\x82\xb7 a\tb \xef\x82\xa7 "
	    "\xef\x81\xb6\xef\x83\x98\xef\x82\xa8 c\xc2\xa0" "d");
	struct casefile *cs;
	const struct block *b;

	CHECK_STR(c, "• a b • ••• c\xc2\xa0" "d");
	free(c);
	cs = parse(HDR "# Ärendebeskrivning\n\n"
	    "\xef\x82\xb7 Punkt ett\xe2\x80\xa8rad två\xe2\x80\xa9slut\tx\n");
	b = section(cs, SECTION_DESCRIPTION);
	CHECK_STR(text_of(b), "• Punkt ett|rad två|slut x");
	casefile_free(cs);

	CHECK(parse(HDR "# Ärendebeskrivning\n\nA\x0c" "b\x01\n") == NULL);
	CHECK_STR(diag_first(), "x.md:8:2: error: control character U+000C "
	    "in the text: delete it");
	CHECK_INT(diag_errors(), 2);
}

TEST(raw_html_literal)
{
	struct casefile *cs = parse(HDR "# Ärendebeskrivning\n\n"
	    "Text <b>fet</b> <script>x</script>\n\n"
	    "<div onclick=\"x\">\nhej\n</div>\n");
	const struct block *b = section(cs, SECTION_DESCRIPTION);

	CHECK_INT(count(b), 2);
	CHECK_STR(text_of(b), "Text <b>fet</b> <script>x</script>");
	CHECK_INT(b->next->kind, BLOCK_PARA);
	CHECK_STR(text_of(b->next), "<div onclick=\"x\">|hej|</div>");
	casefile_free(cs);
}

TEST(links)
{
	struct casefile *cs = parse(HDR "# Ärendebeskrivning\n\n"
	    "Se [webben](https://example.se/a) och [klick](javascript:alert(1))"
	    " och [fil](file:///etc/passwd), ![bild](x.png) [ankare](#b2).\n");
	const struct block *b = section(cs, SECTION_DESCRIPTION);
	const struct span *s;
	int	 links = 0;

	CHECK(cs != NULL);
	if (cs == NULL)
		return;
	CHECK_STR(text_of(b), "Se webben och klick och fil, bild ankare.");
	for (s = b->spans; s != NULL; s = s->next) {
		if (!(s->flags & SPAN_LINK))
			continue;
		links++;
		CHECK(s->target != NULL);
		CHECK(strcmp(s->text, "webben") == 0 ||
		    strcmp(s->text, "ankare") == 0);
	}
	CHECK_INT(links, 2);
	CHECK_INT(diag_warnings(), 3);
	CHECK_STR(diag_first(), "x.md:8:39: warning: link target "
	    "\"javascript:alert(1)\" is not allowed (only http, https, mailto, "
	    "#anchor and a .md, .pdf or program .xml file in the meeting "
	    "folder): the link text is shown without the link");
	casefile_free(cs);
}

TEST(inline_flags_positions)
{
	struct casefile *cs = parse(HDR "# Ärendebeskrivning\n\n"
	    "Två **fet *och kursiv***\nrad\\\nny `kod`\n");
	const struct block *b = section(cs, SECTION_DESCRIPTION);
	const struct span *s = b->spans;

	CHECK_STR(s->text, "Två ");
	CHECK_INT(s->flags, 0);
	s = s->next;
	CHECK_STR(s->text, "fet ");
	CHECK_INT(s->flags, SPAN_BOLD);
	CHECK_INT(s->pos.line, 8);
	CHECK_INT(s->pos.col, 7);	/* code points, not bytes */
	s = s->next;
	CHECK_STR(s->text, "och kursiv");
	CHECK_INT(s->flags, SPAN_BOLD | SPAN_ITALIC);
	/* Text is not merged across source lines: each span's position
	 * stays exact. */
	s = s->next;
	CHECK_STR(s->text, " ");
	CHECK_INT(s->flags, 0);
	s = s->next;
	CHECK_STR(s->text, "rad");
	CHECK_INT(s->flags, 0);
	CHECK_INT(s->pos.line, 9);
	CHECK_INT(s->pos.col, 1);
	s = s->next;
	CHECK_INT(s->kind, SPAN_BREAK);
	s = s->next;
	CHECK_STR(s->text, "ny ");
	CHECK_INT(s->pos.line, 10);
	CHECK_INT(s->pos.col, 1);
	s = s->next;
	CHECK_STR(s->text, "kod");
	CHECK_INT(s->flags, SPAN_CODE);
	CHECK_INT(s->pos.line, 10);
	CHECK_INT(s->pos.col, 5);
	CHECK(s->next == NULL);
	casefile_free(cs);
}

/* The language of a span, "-" for none. */
static const char *
lang_of(const struct span *s)
{
	return s == NULL ? "(no span)" : s->lang != NULL ? s->lang : "-";
}

TEST(lang_inline)
{
	struct casefile *cs = parse(HDR "# Ärendebeskrivning\n\n"
	    "Han sa [Hei *på* deg]{lang=NB-no} och gick [1].\n");
	const struct block *b = section(cs, SECTION_DESCRIPTION);
	const struct span *s;

	CHECK(cs != NULL);
	if (cs == NULL)
		return;
	CHECK_INT(diag_errors(), 0);
	CHECK_STR(text_of(b), "Han sa Hei på deg och gick [1].");
	CHECK(b->lang == NULL);
	s = b->spans;
	CHECK_STR(s->text, "Han sa ");
	CHECK_STR(lang_of(s), "-");
	s = s->next;
	CHECK_STR(s->text, "Hei ");
	CHECK_STR(lang_of(s), "nb-NO");	/* as tags are written */
	CHECK_INT(s->pos.line, 8);
	CHECK_INT(s->pos.col, 9);
	s = s->next;
	CHECK_STR(s->text, "på");
	CHECK_INT(s->flags, SPAN_ITALIC);
	CHECK_STR(lang_of(s), "nb-NO");
	s = s->next;
	CHECK_STR(s->text, " deg");
	CHECK_STR(lang_of(s), "nb-NO");
	s = s->next;
	CHECK_STR(s->text, " och gick [1].");
	CHECK_STR(lang_of(s), "-");
	CHECK_INT(s->pos.col, 34);
	CHECK(s->next == NULL);
	casefile_free(cs);
}

TEST(lang_literal)
{
	/* Code is never looked into; brackets without a mark stay. */
	struct casefile *cs = parse(HDR "# Ärendebeskrivning\n\n"
	    "Skriv `[text]{lang=nb}` så här, [a] och [b].\n");
	const struct block *b = section(cs, SECTION_DESCRIPTION);
	const struct span *s;

	CHECK(cs != NULL);
	if (cs == NULL)
		return;
	CHECK_INT(diag_errors(), 0);
	CHECK_STR(text_of(b), "Skriv [text]{lang=nb} så här, [a] och [b].");
	for (s = b->spans; s != NULL; s = s->next)
		CHECK(s->lang == NULL);
	casefile_free(cs);
}

TEST(lang_block)
{
	struct casefile *cs = parse(HDR "# Ärendebeskrivning\n\n"
	    "{lang=en}\nThe board *agreed*.\n\n> {lang=sma}\n> Buerie biejjie.\n"
	    "\nSvensk text.\n\n{lang=en}\na. one\nb. two\n");
	const struct block *b = section(cs, SECTION_DESCRIPTION);

	CHECK(cs != NULL);
	if (cs == NULL)
		return;
	CHECK_INT(diag_errors(), 0);
	CHECK_INT(count(b), 4);
	CHECK_STR(text_of(b), "The board agreed.");
	CHECK_STR(b->lang, "en");
	CHECK_INT(b->spans->pos.line, 9);
	CHECK_INT(nth(b, 1)->kind, BLOCK_QUOTE);
	CHECK_STR(nth(b, 1)->children->lang, "sma");
	CHECK_STR(text_of(nth(b, 1)->children), "Buerie biejjie.");
	CHECK(nth(b, 2)->lang == NULL);
	/* A paragraph in another language is no lettered list. */
	CHECK_INT(nth(b, 3)->kind, BLOCK_PARA);
	CHECK_STR(nth(b, 3)->lang, "en");
	casefile_free(cs);
}

TEST(lang_tags)
{
	char	*t;

	CHECK_STR((t = content_lang("SV-se", 5)), "sv-SE");
	free(t);
	CHECK_STR((t = content_lang("sma", 3)), "sma");
	free(t);
	CHECK_STR((t = content_lang("zh-hant-tw", 10)), "zh-Hant-TW");
	free(t);
	CHECK_STR((t = content_lang("en-GB-oxendict", 14)), "en-GB-oxendict");
	free(t);
	CHECK(content_lang("norska", 6) == NULL);
	CHECK(content_lang("n", 1) == NULL);
	CHECK(content_lang("nb-", 3) == NULL);
	CHECK(content_lang("-nb", 3) == NULL);
	CHECK(content_lang("sv_SE", 5) == NULL);
	CHECK(content_lang("nb-x", 4) == NULL);
	CHECK(content_lang("", 0) == NULL);
	CHECK(content_lang("sv-SE-a-b-c-d-e", 15) == NULL);
}

/* A description whose text gives one error, and its message. */
#define LANG_ERROR(text, msg) do { \
	struct casefile *cs_ = parse(HDR "# Ärendebeskrivning\n\n" text); \
	CHECK_INT(diag_errors(), 1); \
	CHECK_STR(diag_first(), msg); \
	casefile_free(cs_); \
} while (0)

TEST(lang_errors)
{
	LANG_ERROR("De sa [takk]{lang=norska}.\n",
	    "x.md:8:19: error: \"norska\" is not a "
	    "language tag: write {lang=nb}");
	LANG_ERROR("De sa [takk]{lang=x y}.\n",
	    "x.md:8:19: error: \"x y\" is not a language "
	    "tag: write a BCP 47 tag of two or three letters and optional "
	    "subtags, e.g. nb, nn, se, sma, fi, en or en-GB");
	LANG_ERROR("De sa [takk]{lang=nb och gick.\n",
	    "x.md:8:13: error: the language mark "
	    "\"{lang=nb och gic\" is not closed: write [text]{lang=TAG} on one "
	    "line, e.g. [Takk for sist]{lang=nb}");
	LANG_ERROR("De sa takk]{lang=nb}.\n",
	    "x.md:8:11: error: \"]{lang=nb}\" closes no "
	    "\"[\" (language marks do not nest): write [text]{lang=nb}");
	LANG_ERROR("{lang=en} The board agreed.\n",
	    "x.md:8:1: error: a paragraph's language mark "
	    "stands on a line of its own: write {lang=TAG} alone on the line "
	    "before the paragraph, or [text]{lang=TAG} inside it");
	LANG_ERROR("{lang=en}\n\nThe board.\n",
	    "x.md:8:1: error: {lang=en} has no paragraph "
	    "after it: write the paragraph on the next line, without an empty "
	    "line between");
}

/* Footnotes: numbered by first reference, the definition out of the
 * text, the reference a span of its own with the note's number. */
TEST(notes_numbered)
{
	struct casefile *cs = parse(HDR "# Ärendebeskrivning\n\n"
	    "Först[^b] och sedan[^a], igen[^b].\n\n"
	    "[^a]: Den andra noten, *kursiv*.\n"
	    "[^b]: Den första\n  över två rader.\n\n"
	    "# Förslag till beslut\n\nBifalla[^a].\n");
	const struct block *b = section(cs, SECTION_DESCRIPTION);
	const struct span *s;
	const struct note *n;
	struct block tmp = { 0 };
	int	 refs = 0;

	CHECK(cs != NULL);
	if (cs == NULL)
		return;
	CHECK_INT(diag_errors(), 0);
	CHECK_INT(diag_warnings(), 0);
	CHECK_INT(count(b), 1);		/* the definitions are no text */
	CHECK_STR(text_of(b), "Först1 och sedan2, igen1.");
	for (s = b->spans; s != NULL; s = s->next)
		if (s->kind == SPAN_NOTEREF) {
			refs++;
			if (refs == 1) {
				CHECK_STR(s->target, "b");
				CHECK_INT(s->pos.line, 8);
				CHECK_INT(s->pos.col, 6);
			}
		}
	CHECK_INT(refs, 3);
	/* Numbered per case text: the proposal's [^a] is note 2 too. */
	CHECK_STR(text_of(section(cs, SECTION_PROPOSAL)), "Bifalla2.");
	/* By number: [^b] first, though defined second. */
	n = cs->notes;
	CHECK(n != NULL && n->number == 1 && strcmp(n->label, "b") == 0);
	if (n == NULL)
		goto out;
	CHECK_INT(n->pos.line, 11);
	tmp.spans = n->spans;
	CHECK_STR(text_of(&tmp), "Den första över två rader.");
	n = n->next;
	CHECK(n != NULL && n->number == 2 && strcmp(n->label, "a") == 0);
	if (n == NULL)
		goto out;
	CHECK_INT(n->pos.line, 10);
	CHECK(n->spans != NULL && n->spans->next != NULL &&
	    n->spans->next->flags == SPAN_ITALIC);
	CHECK(n->next == NULL);
out:
	casefile_free(cs);
}

TEST(notes_literal)
{
	/* Code shows "[^1]" itself; a definition inside a fence is code. */
	struct casefile *cs = parse(HDR "# Ärendebeskrivning\n\n"
	    "Skriv `[^1]` så.\n\n```\n[^x]: inte en not\n```\n");
	const struct block *b = section(cs, SECTION_DESCRIPTION);

	CHECK(cs != NULL);
	if (cs == NULL)
		return;
	CHECK_INT(diag_errors(), 0);
	CHECK_STR(text_of(b), "Skriv [^1] så.");
	CHECK_STR(text_of(nth(b, 1)), "[^x]: inte en not");
	CHECK(cs->notes == NULL);
	casefile_free(cs);
}

TEST(notes_errors)
{
	struct casefile *cs;

	cs = parse(HDR "# Ärendebeskrivning\n\nSe noten[^saknas].\n");
	CHECK(cs == NULL);
	CHECK_STR(diag_first(), "x.md:8:9: error: footnote reference "
	    "[^saknas] has no definition: add a line \"[^saknas]: the "
	    "note's text\" after the paragraph");
	casefile_free(cs);

	cs = parse(HDR "# Ärendebeskrivning\n\nText[^a].\n\n"
	    "[^a]: Ett.\n[^a]: Två.\n");
	CHECK(cs == NULL);
	CHECK_STR(diag_first(), "x.md:11:1: error: footnote [^a] is defined "
	    "twice (first at line 10): delete one or give it another label");
	CHECK_INT(diag_warnings(), 0);	/* nor "never referenced" */
	casefile_free(cs);

	cs = parse(HDR "# Ärendebeskrivning\n\nText[^a].\n\n"
	    "[^a]: Se även[^b].\n[^b]: Mer.\n");
	CHECK(cs == NULL);
	CHECK_STR(diag_first(), "x.md:10:14: error: footnote reference [^b] "
	    "inside a footnote: write the text into the note instead");
	casefile_free(cs);

	cs = parse(HDR "# Ärendebeskrivning\n\nText.\n\n[^a]: Oanvänd.\n");
	CHECK(cs != NULL);
	CHECK_INT(diag_errors(), 0);
	CHECK_STR(diag_first(), "x.md:10:1: warning: footnote [^a] is never "
	    "referenced: add \"[^a]\" where it belongs, or delete it");
	CHECK(cs != NULL && cs->notes == NULL);
	casefile_free(cs);
}

TEST(code_quote_rule)
{
	struct casefile *cs = parse(HDR "# Ärendebeskrivning\n\n"
	    "> Citat \"här\"\n\n```\na\t\"b\"\nc\n```\n\n---\n");
	const struct block *b = section(cs, SECTION_DESCRIPTION);

	CHECK_INT(count(b), 3);
	CHECK_INT(b->kind, BLOCK_QUOTE);
	CHECK_STR(text_of(b->children), "Citat ”här”");
	CHECK_INT(b->next->kind, BLOCK_CODE);
	CHECK_STR(text_of(b->next), "a   \"b\"|c");
	CHECK_INT(b->next->spans->pos.line, 11);
	CHECK_INT(nth(b, 2)->kind, BLOCK_RULE);
	casefile_free(cs);
}

TEST(nesting_cap)
{
	struct buf b = { 0 };
	int	 i;

	buf_puts(&b, HDR "# Ärendebeskrivning\n\n");
	for (i = 0; i < 40; i++)
		buf_puts(&b, "> ");
	buf_puts(&b, "djupt\n");
	CHECK(parse(b.data) == NULL);
	CHECK_STR(diag_first(), "x.md:8:65: error: block quotes and lists "
	    "are nested more than 32 levels deep: flatten the text");

	/* 32 levels are fine. */
	buf_reset(&b);
	buf_puts(&b, HDR "# Ärendebeskrivning\n\n");
	for (i = 0; i < 32; i++)
		buf_puts(&b, "- ");
	buf_puts(&b, "djupt\n");
	casefile_free(parse(b.data));
	CHECK_INT(diag_errors(), 0);

	/* Nesting by indentation, one level a line: found in the tree. */
	buf_reset(&b);
	buf_puts(&b, HDR "# Ärendebeskrivning\n\n");
	for (i = 0; i < 34; i++)
		buf_printf(&b, "%*s- nivå\n", 2 * i, "");
	CHECK(parse(b.data) == NULL);
	CHECK_STR(diag_first(), "x.md:40:65: error: block quotes and lists "
	    "are nested more than 32 levels deep: flatten the text");
	buf_free(&b);

	/* A long thematic break is no nesting. */
	casefile_free(parse(HDR "# Ärendebeskrivning\n\n"
	    "- - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - "
	    "- - - - -\n"));
	CHECK_INT(diag_errors(), 0);
}

TEST(invalid_utf8)
{
	CHECK(parse("---\ndnr: RS/1/2026\ntitle: Å\xe4r\n---\n") == NULL);
	CHECK_STR(diag_first(), "x.md:3:9: error: invalid UTF-8 at byte "
	    "0xe4: save the file as UTF-8");
	CHECK_INT(diag_errors(), 1);
	/* A BOM does not count as a column. */
	CHECK(parse("\xef\xbb\xbf\xff") == NULL);
	CHECK_STR(diag_first(), "x.md:1:1: error: invalid UTF-8 at byte "
	    "0xff: save the file as UTF-8");
}

TEST(too_large)
{
	char	*big = xcalloc(1, CONTENT_MAX_CASE + 2);

	memset(big, 'a', CONTENT_MAX_CASE + 1);
	diag_clear();
	CHECK(casefile_parse("x.md", big, CONTENT_MAX_CASE + 1) == NULL);
	CHECK(diag_first() != NULL &&
	    strstr(diag_first(), "too large") != NULL);
	free(big);
}

static void
put(const char *dir, const char *name, const char *text)
{
	char	*p = xasprintf("%s/%s", dir, name);
	FILE	*f = fopen(p, "w");

	if (f != NULL) {
		fputs(text, f);
		fclose(f);
	}
	free(p);
}

static const char *manifest_head =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<meeting date=\"2026-12-08\">\n"
    "  <organisation>Region Exempel</organisation>\n"
    "  <body>Regionstyrelsen</body>\n"
    "  <session start=\"08.30\" end=\"12.00\" place=\"Hörsalen\" "
    "open=\"yes\"/>\n"
    "  <secretary name=\"Karin Ek\" email=\"karin.ek@example.se\"/>\n"
    "  <agenda>\n";

TEST(meeting)
{
	char	 tmpl[] = "/tmp/content_test.XXXXXX";
	char	*dir = mkdtemp(tmpl), *p;
	struct meeting *m;
	struct buf b = { 0 };

	CHECK(dir != NULL);
	if (dir == NULL)
		return;
	p = xasprintf("%s/arenden", dir);
	mkdir(p, 0777);
	free(p);
	put(dir, "arenden/03-info.md", "---\ntitle: Informationer\n"
	    "kind: information\n---\n# Ärendebeskrivning\n\nText.\n");
	put(dir, "arenden/04-budget.md", HDR "# Förslag till beslut\n\nJa.\n");
	buf_puts(&b, manifest_head);
	buf_puts(&b, "    <procedural>Val av justerare</procedural>\n"
	    "    <procedural note=\"Se bilaga\">Fastställande</procedural>\n"
	    "    <case file=\"arenden/03-info.md\"/>\n"
	    "    <divider>Till fullmäktige</divider>\n"
	    "    <case file=\"arenden/04-budget.md\" "
	    "title=\"Budget &quot;2027&quot;\"/>\n"
	    "  </agenda>\n</meeting>\n");
	put(dir, "meeting.xml", b.data);
	diag_clear();
	m = meeting_load(dir, "templates/schema");
	CHECK(m != NULL);
	if (diag_first())
		printf("  %s\n", diag_first());
	if (m != NULL) {
		CHECK_STR(m->date, "2026-12-08");
		CHECK_STR(m->body, "Regionstyrelsen");
		CHECK_INT(m->nsessions, 1);
		CHECK(m->sessions[0].open);
		CHECK(m->chair.name == NULL);
		CHECK_INT(m->nitems, 5);
		CHECK_INT(m->items[4].number, 5);
		CHECK_INT(m->items[3].kind, AGENDA_DIVIDER);
		CHECK_STR(m->items[1].note, "Se bilaga");
		CHECK_STR(m->items[2].title, "Informationer");
		CHECK(m->items[2].dnr == NULL);
		CHECK_STR(m->items[4].title, "Budget ”2027”");
		CHECK_STR(m->items[4].dnr, "RS/1234/2026");
		CHECK(m->items[4].cs != NULL);
		meeting_free(m);
	}

	/* Several problems at once, each reported. */
	buf_reset(&b);
	buf_puts(&b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	    "<meeting date=\"2026-02-30\">\n"
	    "  <organisation>Region Exempel</organisation>\n"
	    "  <body>Regionstyrelsen</body>\n"
	    "  <session start=\"13.00\" end=\"12.00\" place=\"Hörsalen\" "
	    "open=\"no\"/>\n"
	    "  <secretary name=\"Karin Ek\" email=\"karin.ek@example.se\"/>\n"
	    "  <agenda>\n"
	    "    <case file=\"../x.md\"/>\n"
	    "    <case file=\"/etc/x.md\"/>\n"
	    "    <case file=\"arenden/saknas.md\"/>\n"
	    "  </agenda>\n</meeting>\n");
	put(dir, "meeting.xml", b.data);
	diag_clear();
	CHECK(meeting_load(dir, "templates/schema") == NULL);
	CHECK_INT(diag_errors(), 5);
	CHECK(diag_first() != NULL &&
	    strstr(diag_first(), "meeting.xml:2:10: error: meeting date "
	    "\"2026-02-30\": there is no 30 February 2026 (February 2026 "
	    "has 28 days): check the day") != NULL);

	p = xasprintf("rm -rf '%s'", dir);
	CHECK(system(p) == 0);
	free(p);
	buf_free(&b);
}

int
main(void)
{
	xml_setup();
	RUN(dnr_good);
	RUN(dnr_bad);
	RUN(header_fields);
	RUN(header_bom_crlf_quotes);
	RUN(header_information_without_dnr);
	RUN(header_errors);
	RUN(sections_split);
	RUN(sections_errors);
	RUN(proposal_one_sentence);
	RUN(proposal_numbered_lettered);
	RUN(lettered_paragraphs);
	RUN(proposal_intro_bullets);
	RUN(recipients_lines);
	RUN(smart_punctuation);
	RUN(smart_punctuation_addresses);
	RUN(cleaning);
	RUN(raw_html_literal);
	RUN(links);
	RUN(inline_flags_positions);
	RUN(lang_inline);
	RUN(lang_literal);
	RUN(lang_block);
	RUN(lang_tags);
	RUN(lang_errors);
	RUN(notes_numbered);
	RUN(notes_literal);
	RUN(notes_errors);
	RUN(code_quote_rule);
	RUN(nesting_cap);
	RUN(invalid_utf8);
	RUN(too_large);
	RUN(meeting);
	diag_clear();
	xml_cleanup();
	TEST_END();
}

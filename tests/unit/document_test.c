/* Unit tests of the documents behind items: document files, the
 * tjänsteskrivelse from a case, one source of truth, the organisation
 * profile, chapter numbers and the table of contents. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../../gen/content/content.h"
#include "../../gen/template/template_private.h"
#include "../../gen/util/xml.h"
#include "test.h"

static struct organisation org;
static struct contact people[2];

static void
setup_org(void)
{
	memset(&org, 0, sizeof(org));
	people[0].name = "Annika Strömgren";
	people[0].role = "Regiondirektör";
	people[1].name = "Sofia Berglund";
	people[1].role = "Utredare";
	people[1].phone = "010-481 31 52";
	people[1].email = "sofia.berglund@norrbacka.example";
	org.people = people;
	org.npeople = 2;
	org.proposal_heading = "Regiondirektörens förslag";
}

static struct document *
parse(const char *text, struct casefile *cs)
{
	diag_clear();
	return document_parse("d.md", text, strlen(text), &org, cs);
}

static struct casefile *
parse_case(const char *text)
{
	diag_clear();
	return casefile_parse("c.md", text, strlen(text));
}

TEST(letter_fields)
{
	struct document *d = parse("---\nkind: brev\ntitle: Svar till IVO\n"
	    "datum: 2027-02-09\ndnr: RS/210/2027\ner referens: IVO 3.1-4512\n"
	    "adress: Inspektionen för vård och omsorg; Box 423;  ;701 48 Örebro\n"
	    "handläggare: Sofia Berglund\n"
	    "undertecknare: Karin Åhlund (S), Ordförande; Annika Strömgren\n"
	    "---\n\nText.\n\n## Rubrik\n\nMer text.\n", NULL);

	CHECK(d != NULL);
	if (d == NULL)
		return;
	CHECK_INT(d->kind, DOCUMENT_LETTER);
	CHECK_STR(d->title, "Svar till IVO");
	CHECK_STR(d->subject, "Svar till IVO");
	CHECK_STR(d->date, "2027-02-09");
	CHECK_STR(d->dnr, "RS/210/2027");
	CHECK_INT(d->naddress, 3);
	if (d->naddress == 3) {
		CHECK_STR(d->address[0], "Inspektionen för vård och omsorg");
		CHECK_STR(d->address[2], "701 48 Örebro");
	}
	CHECK_INT(d->nsigners, 2);
	if (d->nsigners == 2) {
		CHECK_STR(d->signers[0].name, "Karin Åhlund (S)");
		CHECK_STR(d->signers[0].role, "Ordförande");
		/* The title from the staff directory. */
		CHECK_STR(d->signers[1].role, "Regiondirektör");
	}
	CHECK_STR(d->author.phone, "010-481 31 52");
	CHECK_STR(d->author.email, "sofia.berglund@norrbacka.example");
	/* "#" of a document is the first level: "##" is one below. */
	CHECK(d->blocks != NULL && d->blocks->next != NULL &&
	    d->blocks->next->kind == BLOCK_HEADING &&
	    d->blocks->next->level == 2);
	CHECK_INT(diag_errors(), 0);
	document_free(d);
}

TEST(report_heading_levels)
{
	struct document *d = parse("---\nkind: rapport\ntitle: R\n---\n\n"
	    "# Ett\n\n## Ett ett\n\n### Ett ett ett\n\n# Två\n", NULL);
	const struct block *b;
	int	 want[4] = { 1, 2, 3, 1 }, i = 0;

	CHECK(d != NULL);
	if (d == NULL)
		return;
	CHECK_INT(d->kind, DOCUMENT_REPORT);
	for (b = d->blocks; b != NULL && i < 4; b = b->next, i++)
		CHECK_INT(b->level, want[i]);
	CHECK_INT(i, 4);
	document_free(d);
}

TEST(bad_header)
{
	CHECK(parse("---\nkind: protokoll\ntitle: X\n---\n", NULL) == NULL);
	CHECK_STR(diag_first(), "d.md:2:7: error: unknown kind \"protokoll\": "
	    "write rapport, uppföljning, brev or tjänsteskrivelse");
	CHECK(parse("---\ntitle: X\n---\n", NULL) == NULL);
	CHECK_STR(diag_first(), "d.md:1:1: error: the metadata header has no "
	    "kind: add a line \"kind: rapport\" (or uppföljning, brev, "
	    "tjänsteskrivelse)");
	CHECK(parse("---\nkind: rapport\ntitle: X\ndatum: 2027-02-30\n---\n",
	    NULL) == NULL);
	CHECK_STR(diag_first(), "d.md:4:8: error: datum \"2027-02-30\": there "
	    "is no 30 February 2027 (February 2027 has 28 days): check the "
	    "day");
	CHECK(parse("---\nkind: rapport\ntitle: X\n", NULL) == NULL);
	CHECK_STR(diag_first(), "d.md:1:1: error: the metadata header is not "
	    "closed: add a line \"---\" after its last field");
	CHECK(parse("---\nkind: brev\ntitle: X\nundertecknare: A; B; C; D; "
	    "E\n---\n", NULL) == NULL);
	CHECK_STR(diag_first(), "d.md:4:16: error: more than 4 signers: a "
	    "document is signed by one or two");
}

#define CASE	"---\ndnr: RS/1/2027\ntitle: Ärendet\nhandläggare: Sofia " \
	"Berglund\ndatum: 2027-01-20\nundertecknare: Annika Strömgren\n---\n" \
	"\n# Ärendebeskrivning\n\nBakgrund.\n\n"

TEST(one_truth_agrees)
{
	struct casefile *cs = parse_case(CASE "# Förslag till beslut\n\n"
	    "Regionstyrelsen   antar planen.\n\n# Expedieras till\n\nA\nB\n");
	struct document *d;

	CHECK(cs != NULL);
	if (cs == NULL)
		return;
	d = parse("---\nkind: tjänsteskrivelse\ntitle: Ärendet\n---\n\n"
	    "# Ärendebeskrivning\n\nEgen text.\n\n## Ekonomi\n\nKronor.\n\n"
	    "# Regiondirektörens förslag\n\nRegionstyrelsen antar planen.\n\n"
	    "# Utdrag till\n\nA\nB\n", cs);
	CHECK(d != NULL);
	CHECK_INT(diag_errors(), 0);
	if (d != NULL) {
		CHECK(d->cs == cs);
		CHECK_STR(d->dnr, "RS/1/2027");
		/* Its own description: paragraph, heading, paragraph. */
		CHECK(d->blocks != NULL && d->blocks->next != NULL &&
		    d->blocks->next->kind == BLOCK_HEADING);
	}
	document_free(d);
	casefile_free(cs);
}

TEST(one_truth_differs)
{
	struct casefile *cs = parse_case(CASE "# Förslag till beslut\n\n"
	    "Regionstyrelsen antar planen.\n");
	struct document *d;

	if (cs == NULL) {
		CHECK(cs != NULL);
		return;
	}
	d = parse("---\nkind: tjänsteskrivelse\ntitle: Ärendet\n---\n\n"
	    "Text.\n\n# Regiondirektörens förslag\n\n"
	    "Regionstyrelsen antar planen med ändringar.\n", cs);
	CHECK(d == NULL);
	CHECK_STR(diag_first(), "d.md:8:1: error: \"Regiondirektörens "
	    "förslag\" differs from the case's \"Förslag till beslut\" at "
	    "c.md:13:1: write it once, in the case file, and leave it out "
	    "here");
	casefile_free(cs);
}

TEST(one_truth_fills_the_case)
{
	struct casefile *cs = parse_case(CASE);
	struct document *d;
	char	*t;

	if (cs == NULL) {
		CHECK(cs != NULL);
		return;
	}
	CHECK(!cs->sections[SECTION_PROPOSAL].present);
	d = parse("---\nkind: tjänsteskrivelse\ntitle: Ärendet\n---\n\n"
	    "# Förslag till beslut\n\nRegionstyrelsen antar planen.\n\n"
	    "# Utdrag till\n\nFastighetschefen\n", cs);
	CHECK(d != NULL);
	CHECK(cs->sections[SECTION_PROPOSAL].present);
	CHECK(cs->sections[SECTION_RECIPIENTS].present);
	t = cs->sections[SECTION_PROPOSAL].blocks ?
	    spans_text(cs->sections[SECTION_PROPOSAL].blocks->spans) : NULL;
	CHECK_STR(t, "Regionstyrelsen antar planen.");
	free(t);
	document_free(d);
	casefile_free(cs);
}

TEST(from_case)
{
	struct casefile *cs = parse_case("---\ndnr: RS/1/2027\ntitle: T\n"
	    "handläggare: Sofia Berglund\nförvaltning: Regionledningsförvalt"
	    "ningen\nundertecknare: Annika Strömgren; Maria Östlund, "
	    "Hälso- och sjukvårdsdirektör\n---\n\n# Förslag till beslut\n\n"
	    "Ja.\n");
	struct document *d;

	if (cs == NULL) {
		CHECK(cs != NULL);
		return;
	}
	d = document_from_case(cs, &org, "Regionstyrelsen", "2027-01-20");
	CHECK(d != NULL);
	if (d != NULL) {
		CHECK_INT(d->kind, DOCUMENT_TJANSTESKRIVELSE);
		CHECK_STR(d->date, "2027-01-20");	/* from the entry */
		CHECK_STR(d->recipient, "Regionstyrelsen");
		CHECK_STR(d->department, "Regionledningsförvaltningen");
		CHECK_STR(d->author.role, "Utredare");
		CHECK_INT(d->nsigners, 2);
		if (d->nsigners == 2) {
			CHECK_STR(d->signers[0].role, "Regiondirektör");
			CHECK_STR(d->signers[1].role,
			    "Hälso- och sjukvårdsdirektör");
		}
		CHECK(d->cs == cs);
	}
	document_free(d);
	casefile_free(cs);
}

static char dir[] = "/tmp/boardgen-doctest.XXXXXX";

static void
write_file(const char *name, const char *text, size_t len)
{
	char	*p = xasprintf("%s/%s", dir, name);
	FILE	*f = fopen(p, "wb");

	if (f != NULL) {
		fwrite(text, 1, len ? len : strlen(text), f);
		fclose(f);
	}
	free(p);
}

TEST(organisation_profile)
{
	struct organisation *o;
	char	*p;

	if (mkdtemp(dir) == NULL) {
		CHECK(0);
		return;
	}
	write_file("logo.png", "\x89PNG\r\n\x1a\n....", 12);
	write_file("fake.png", "GIF89a......", 12);
	write_file("organisation.xml", "<organisation><name>Region X</name>"
	    "<logo file=\"logo.png\"/><orgnr>232100-0000</orgnr>"
	    "<people><person name=\"A B\" title=\"Chef\"/>"
	    "<person name=\"C D\"/></people></organisation>\n", 0);
	diag_clear();
	CHECK(organisation_find(dir, "templates/schema", &o));
	CHECK(o != NULL);
	if (o != NULL) {
		CHECK_STR(o->name, "Region X");
		CHECK_STR(o->orgnr, "232100-0000");
		CHECK(o->logo != NULL && strstr(o->logo, "logo.png") != NULL);
		CHECK_INT(o->npeople, 2);
		CHECK(organisation_person(o, "A B") != NULL);
		CHECK(organisation_person(o, "E F") == NULL);
	}
	organisation_free(o);

	p = xasprintf("%s/organisation.xml", dir);
	write_file("organisation.xml", "<organisation><name>Region X</name>"
	    "<logo file=\"fake.png\"/></organisation>\n", 0);
	diag_clear();
	CHECK(organisation_load(p, "templates/schema") == NULL);
	CHECK(diag_first() != NULL && strstr(diag_first(), "organisation.xml:"
	    "1: error: logo \"fake.png\" is not a PNG file") != NULL);
	free(p);

	p = xasprintf("rm -r %s", dir);
	CHECK(system(p) == 0);
	free(p);
}

static struct block *
heading(int level, const char *text, struct block **tail)
{
	struct block *b = block_new(BLOCK_HEADING);

	b->level = level;
	b->spans = span_new(SPAN_TEXT, 0, text);
	if (tail != NULL)
		*tail = b;
	return b;
}

/* Fax and plusgiro for the letterhead; a plusgiro number is checked. */
TEST(profile_plusgiro)
{
	static const char good[] = "<organisation><name>R</name>"
	    "<fax>010-1</fax><plusgiro>12 34 56-7</plusgiro></organisation>";
	static const char short_[] = "<organisation><name>R</name>"
	    "<plusgiro>4711-2</plusgiro></organisation>";
	static const char bad[] = "<organisation><name>R</name>\n"
	    "<plusgiro>123456</plusgiro></organisation>";
	struct organisation *o;

	diag_clear();
	o = organisation_parse("o.xml", good, strlen(good), "templates/schema");
	CHECK(o != NULL && o->fax && strcmp(o->fax, "010-1") == 0 &&
	    o->plusgiro && strcmp(o->plusgiro, "12 34 56-7") == 0);
	organisation_free(o);
	o = organisation_parse("o.xml", short_, strlen(short_),
	    "templates/schema");
	CHECK(o != NULL);
	organisation_free(o);
	CHECK(diag_first() == NULL);
	o = organisation_parse("o.xml", bad, strlen(bad), "templates/schema");
	CHECK(o == NULL);
	CHECK_STR(diag_first(), "o.xml:2: error: plusgiro number \"123456\": "
	    "write it as two to eight digits, '-', one check digit, e.g. "
	    "12 34 56-7 or 4711-2");
	diag_clear();
}

TEST(chapters_and_toc)
{
	struct style st;
	struct block *head, *b, *toc;
	const char *want[] = { "1", "1.1", "1.1.1", "1.2", "2", "2.1" };
	int	 i;

	/* Levels as the template stage leaves them (model + offset). */
	head = heading(3, "Ett", NULL);
	b = head;
	heading(4, "Ett ett", &b->next);
	b = b->next;
	heading(5, "Ett ett ett", &b->next);
	b = b->next;
	b->next = block_new(BLOCK_PARA);
	b = b->next;
	heading(4, "Ett två", &b->next);
	b = b->next;
	heading(3, "Två", &b->next);
	b = b->next;
	heading(4, "Två ett", &b->next);

	tmpl_number_chapters(head, "doc-3", 3, 2, 2);
	for (b = head, i = 0; b != NULL; b = b->next) {
		if (b->kind != BLOCK_HEADING)
			continue;
		CHECK(b->label != NULL);
		if (b->label != NULL)
			CHECK_STR(b->label->text, want[i]);
		i++;
	}
	CHECK_INT(i, 6);
	CHECK_STR(head->anchor, "doc-3-1");
	CHECK_STR(head->outline, "1 Ett");
	CHECK_INT(head->outline_level, 2);
	CHECK_STR(head->next->outline, "1.1 Ett ett");
	CHECK_INT(head->next->outline_level, 3);
	CHECK(head->next->next->outline == NULL);	/* below bookmarks */

	memset(&st, 0, sizeof(st));
	toc = tmpl_toc(head, 2, &st, NULL);
	for (b = toc, i = 0; b != NULL; b = b->next, i++) {
		CHECK(b->trailer != NULL && b->trailer->kind == SPAN_PAGEREF);
		CHECK(b->spans != NULL && (b->spans->flags & SPAN_LINK));
	}
	CHECK_INT(i, 5);	/* 1, 1.1, 1.2, 2, 2.1 */
	CHECK_STR(toc->trailer->target, "doc-3-1");
	CHECK_STR(toc->next->label->text, "1.1");
	CHECK_STR(toc->next->next->label->text, "1.2");
	blocks_free(toc);
	blocks_free(head);
}

int
main(void)
{
	xml_setup();
	setup_org();
	RUN(letter_fields);
	RUN(report_heading_levels);
	RUN(bad_header);
	RUN(one_truth_agrees);
	RUN(one_truth_differs);
	RUN(one_truth_fills_the_case);
	RUN(from_case);
	RUN(organisation_profile);
	RUN(profile_plusgiro);
	RUN(chapters_and_toc);
	diag_clear();
	xml_cleanup();
	intern_free();
	TEST_END();
}

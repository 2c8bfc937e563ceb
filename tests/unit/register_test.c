/* Register files, secret fields and the public view (gen/content/
 * register.c, redact.c). */
#include <stdlib.h>

#include "../../gen/util/util.h"
#include "../../gen/util/xml.h"
#include "../../gen/content/content.h"
#include "test.h"

#define SCHEMA	"templates/schema"

static struct register_file *
parse(const char *xml)
{
	return register_parse("r.xml", xml, strlen(xml), SCHEMA);
}

static const char incoming[] =
"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
"<incoming-documents from=\"2026-10-20\" to=\"2026-11-25\">\n"
"  <document date=\"2026-10-23\" dnr=\"RS/47/2026\" type=\"cirkulär\">\n"
"    <sender>Sveriges Kommuner och Regioner</sender>\n"
"    <title>cirkulär 26:41 Budgetförutsättningar</title>\n"
"  </document>\n"
"  <document date=\"2026-11-09\" type=\"skrivelse\">\n"
"    <sender secret=\"OSL 25 kap. 1 §\">Göran Lundmark</sender>\n"
"    <title>skrivelse om \"väntetider\"</title>\n"
"  </document>\n"
"</incoming-documents>\n";

TEST(incoming_read)
{
	struct register_file *r;
	const struct register_entry *e;
	char	*t;

	diag_clear();
	r = parse(incoming);
	CHECK(r != NULL);
	if (r == NULL)
		return;
	CHECK_INT(r->kind, REGISTER_INCOMING);
	CHECK_STR(r->from, "2026-10-20");
	CHECK_STR(r->to, "2026-11-25");
	CHECK_INT(r->ngroups, 1);
	CHECK(r->groups[0].heading == NULL);
	CHECK_INT(r->groups[0].nentries, 2);
	e = &r->groups[0].entries[0];
	CHECK_INT(e->number, 1);
	CHECK_STR(e->date, "2026-10-23");
	CHECK_STR(e->dnr, "RS/47/2026");
	CHECK_STR(e->type, "cirkulär");
	CHECK_STR(e->sender.text, "Sveriges Kommuner och Regioner");
	CHECK(e->sender.secret == NULL);
	CHECK_STR(register_field_public(&e->sender),
	    "Sveriges Kommuner och Regioner");
	/* Where the text starts, for messages about it. */
	CHECK_INT(e->sender.pos.line, 4);
	CHECK_INT(e->sender.pos.col, 13);
	e = &r->groups[0].entries[1];
	CHECK(e->dnr == NULL);
	CHECK_STR(e->sender.secret, "OSL 25 kap. 1 §");
	CHECK_STR(register_field_public(&e->sender),
	    "Sekretess enligt OSL 25 kap. 1 §");
	/* Titles are typeset as case text is. */
	CHECK_STR(e->title.text, "skrivelse om \xe2\x80\x9dväntetider\xe2\x80\x9d");
	t = register_entry_text(r, e, true);
	CHECK_STR(t, "Sekretess enligt OSL 25 kap. 1 §, skrivelse om "
	    "\xe2\x80\x9dväntetider\xe2\x80\x9d, 2026-11-09.");
	free(t);
	t = register_entry_text(r, e, false);
	CHECK_STR(t, "Göran Lundmark (sekretess enligt OSL 25 kap. 1 §), "
	    "skrivelse om \xe2\x80\x9dväntetider\xe2\x80\x9d, 2026-11-09.");
	free(t);
	CHECK(diag_first() == NULL);
	register_file_free(r);
}

static const char decisions[] =
"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
"<delegation-decisions>\n"
"  <delegate level=\"ordförande\" heading=\"Beslut av ordföranden\">\n"
"    <decision date=\"2026-10-29\" dnr=\"RS/1311/2026\">\n"
"      <title>Yttrande till förvaltningsrätten</title>\n"
"    </decision>\n"
"  </delegate>\n"
"  <delegate level=\"regiondirektör\" heading=\"Beslut av regiondirektören\">\n"
"    <decision date=\"2026-11-10\" from=\"2026-12-21\" to=\"2027-01-06\">\n"
"      <title>Tillförordnad direktör</title>\n"
"    </decision>\n"
"    <decision from=\"2026-10-01\" to=\"2026-10-31\" dnr=\"RS/2/2026\">\n"
"      <title secret=\"OSL 39 kap. 3 §\">Anställning av Per Ek</title>\n"
"    </decision>\n"
"  </delegate>\n"
"</delegation-decisions>\n";

TEST(decisions_read)
{
	struct register_file *r;
	struct block *b, *list;
	char	*t;

	diag_clear();
	r = parse(decisions);
	CHECK(r != NULL);
	if (r == NULL)
		return;
	CHECK_INT(r->kind, REGISTER_DELEGATION);
	CHECK_INT(r->ngroups, 2);
	CHECK_STR(r->groups[1].level, "regiondirektör");
	CHECK_STR(r->groups[1].heading, "Beslut av regiondirektören");
	CHECK_INT(r->groups[1].nentries, 2);
	CHECK_INT(r->groups[1].entries[1].number, 2);
	t = register_entry_text(r, &r->groups[1].entries[0], true);
	CHECK_STR(t, "Tillförordnad direktör för perioden "
	    "2026-12-21 \xe2\x80\x93 2027-01-06, 2026-11-10.");
	free(t);
	t = register_entry_text(r, &r->groups[1].entries[1], true);
	CHECK_STR(t, "Sekretess enligt OSL 39 kap. 3 § för perioden "
	    "2026-10-01 \xe2\x80\x93 2026-10-31, RS/2/2026.");
	free(t);
	/* Per group: its heading, then a numbered list from 1. */
	b = register_blocks(r, true);
	CHECK(b != NULL && b->kind == BLOCK_HEADING);
	list = b ? b->next : NULL;
	CHECK(list != NULL && list->kind == BLOCK_LIST &&
	    list->list_style == LIST_DECIMAL && list->list_start == 1);
	CHECK(list && list->next && list->next->kind == BLOCK_HEADING);
	if (list && list->next && list->next->next) {
		struct block *i2 = list->next->next->children->next;
		char	*s = spans_text(i2->children->spans);

		CHECK(strstr(s, "Per Ek") == NULL);
		CHECK(strstr(s, "Sekretess enligt OSL 39 kap. 3 §") != NULL);
		free(s);
	}
	blocks_free(b);
	register_file_free(r);
}

TEST(errors)
{
	static const char period[] =
	"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	"<delegation-decisions>\n"
	"  <delegate level=\"a\" heading=\"b\">\n"
	"    <decision from=\"2026-12-21\" to=\"2026-12-20\">\n"
	"      <title>t</title>\n"
	"    </decision>\n"
	"  </delegate>\n"
	"</delegation-decisions>\n";
	static const char halfperiod[] =
	"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	"<delegation-decisions>\n"
	"  <delegate level=\"a\" heading=\"b\">\n"
	"    <decision from=\"2026-12-21\"><title>t</title></decision>\n"
	"  </delegate>\n"
	"</delegation-decisions>\n";
	static const char ground[] =
	"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	"<incoming-documents>\n"
	"  <document date=\"2026-10-23\" type=\"beslut\">\n"
	"    <sender>s</sender><title secret=\"OSL 25 kap.\">t</title>\n"
	"  </document>\n"
	"</incoming-documents>\n";

	diag_clear();
	CHECK(parse(period) == NULL);
	CHECK_STR(diag_first(), "r.xml:4: error: the period ends (2026-12-20) "
	    "before it starts (2026-12-21): check from and to");
	diag_clear();
	CHECK(parse(halfperiod) == NULL);
	CHECK_STR(diag_first(), "r.xml:4: error: a period has both "
	    "from=\"...\" and to=\"...\": write the last date too, or neither");
	diag_clear();
	CHECK(parse(ground) == NULL);
	CHECK(diag_first() != NULL && strstr(diag_first(), "secret") != NULL);
	diag_clear();
}

/* As real registers are: no dates, the type written as a part of the
 * line where the file puts it, sub-entries, an empty group, the
 * register's heading with its period. */
static const char real[] =
"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
"<incoming-documents heading=\"Inkomna handlingar\" from=\"2017-10-27\" "
"to=\"2017-11-30\">\n"
"  <document dnr=\"RS/1119/2017\">\n"
"    <type>Protokoll</type>\n"
"    <sender>Kommunförbundet Norrbacka</sender>\n"
"    <title>styrelsen 2017-10-20</title>\n"
"    <sub>Rapport: Regional utvecklingsstrategi</sub>\n"
"    <sub secret=\"OSL 25 kap. 1 §\">Rapport: Ärende om Per Ek</sub>\n"
"  </document>\n"
"  <document>\n"
"    <sender>SKL</sender>\n"
"    <type>Cirkulär</type>\n"
"    <title>17:55 Budgetförutsättningar</title>\n"
"  </document>\n"
"</incoming-documents>\n";

static const char empty_group[] =
"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
"<delegation-decisions>\n"
"  <delegate level=\"ordförande\" heading=\"Beslut av ordföranden\"/>\n"
"  <delegate level=\"regiondirektör\" heading=\"Beslut av direktören\">\n"
"    <decision><title>Utan datum</title></decision>\n"
"  </delegate>\n"
"</delegation-decisions>\n";

TEST(as_real)
{
	struct register_file *r;
	const struct register_entry *e;
	struct block *b, *it;
	char	*t;

	diag_clear();
	r = parse(real);
	CHECK(r != NULL);
	if (r == NULL)
		return;
	e = &r->groups[0].entries[0];
	CHECK(e->date == NULL);
	CHECK_STR(e->type, "Protokoll");
	CHECK_INT(e->nsubs, 2);
	t = register_entry_text(r, e, true);
	CHECK_STR(t, "Protokoll, Kommunförbundet Norrbacka, styrelsen "
	    "2017-10-20, RS/1119/2017.");
	free(t);
	t = register_entry_text(r, &r->groups[0].entries[1], true);
	CHECK_STR(t, "SKL, Cirkulär, 17:55 Budgetförutsättningar.");
	free(t);
	t = register_sub_text(&e->subs[1], true);
	CHECK_STR(t, "Sekretess enligt OSL 25 kap. 1 §");
	free(t);
	t = register_sub_text(&e->subs[1], false);
	CHECK_STR(t, "Rapport: Ärende om Per Ek (sekretess enligt OSL 25 "
	    "kap. 1 §)");
	free(t);
	/* The heading line, then the list; an item holds its line and
	 * a line per sub-entry. */
	b = register_blocks(r, true);
	CHECK(b != NULL && b->kind == BLOCK_PARA);
	if (b != NULL) {
		t = spans_text(b->spans);
		CHECK_STR(t, "Inkomna handlingar för perioden 2017-10-27 "
		    "\xe2\x80\x93 2017-11-30");
		free(t);
	}
	it = b && b->next ? b->next->children : NULL;
	CHECK(it != NULL && it->children && it->children->next &&
	    it->children->next->next && !it->children->next->next->next);
	if (it != NULL && it->children && it->children->next) {
		t = spans_text(it->children->next->spans);
		CHECK_STR(t, "Rapport: Regional utvecklingsstrategi");
		free(t);
	}
	blocks_free(b);
	register_file_free(r);

	r = parse(empty_group);
	CHECK(r != NULL);
	if (r == NULL)
		return;
	CHECK_INT(r->groups[0].nentries, 0);
	b = register_blocks(r, false);
	CHECK(b && b->kind == BLOCK_HEADING && b->next &&
	    b->next->kind == BLOCK_PARA);
	if (b && b->next) {
		t = spans_text(b->next->spans);
		CHECK_STR(t, "Inga beslut att anmäla.");
		free(t);
	}
	t = register_entry_text(r, &r->groups[1].entries[0], false);
	CHECK_STR(t, "Utan datum.");
	free(t);
	blocks_free(b);
	register_file_free(r);
	CHECK(diag_first() == NULL);
}

TEST(grounds)
{
	CHECK(secrecy_ground_valid("OSL 25 kap. 1 §"));
	CHECK(secrecy_ground_valid("OSL 18 kap. 8 §"));
	CHECK(secrecy_ground_valid("OSL 21 kap. 3 a §"));
	CHECK(secrecy_ground_valid("OSL 25 kap. 1 § första stycket"));
	CHECK(secrecy_ground_valid("OSL 21 kap. 7 § andra stycket punkt 2"));
	CHECK(secrecy_ground_valid("OSL 26 kap. 1 § punkt 12"));
	/* The ground is published as the note: nothing else may follow. */
	CHECK(!secrecy_ground_valid("OSL 25 kap. 1 § (ärende 19800101-0001)"));
	CHECK(!secrecy_ground_valid("OSL 25 kap. 1 § "));
	CHECK(!secrecy_ground_valid("OSL 25 kap. 1 § stycket"));
	CHECK(!secrecy_ground_valid("OSL 25 kap. 1 § punkt"));
	CHECK(!secrecy_ground_valid("OSL 25 kap. 1 § punkt 2 och 3"));
	CHECK(!secrecy_ground_valid("OSL 25 kap. 1 § första stycket, se bilaga"));
	CHECK(!secrecy_ground_valid("OSL 25 kap."));
	CHECK(!secrecy_ground_valid("25 kap. 1 § OSL"));
	CHECK(!secrecy_ground_valid("OSL 250 kap. 1 §"));
	CHECK(!secrecy_ground_valid("sekretess"));
	CHECK(!secrecy_ground_valid(""));
}

int
main(void)
{
	xml_setup();
	RUN(incoming_read);
	RUN(decisions_read);
	RUN(errors);
	RUN(as_real);
	RUN(grounds);
	xml_cleanup();
	intern_free();
	TEST_END();
}

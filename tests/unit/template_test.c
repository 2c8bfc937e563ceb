/* Template stage: list labels, lengths, filling the pack templates. */
#include <stdlib.h>
#include <string.h>

#include "test.h"
#include "../../gen/util/xml.h"
#include "../../gen/template/template_private.h"

TEST(list_labels)
{
	char	*s;

	CHECK_STR(s = tmpl_list_label(LIST_DECIMAL, 1), "1.");
	free(s);
	CHECK_STR(s = tmpl_list_label(LIST_DECIMAL, 12), "12.");
	free(s);
	CHECK_STR(s = tmpl_list_label(LIST_ALPHA, 1), "a.");
	free(s);
	CHECK_STR(s = tmpl_list_label(LIST_ALPHA, 2), "b.");
	free(s);
	CHECK_STR(s = tmpl_list_label(LIST_ALPHA, 26), "z.");
	free(s);
	CHECK_STR(s = tmpl_list_label(LIST_ALPHA, 27), "aa.");
	free(s);
	CHECK_STR(s = tmpl_list_label(LIST_ALPHA, 53), "ba.");
	free(s);
	CHECK_STR(s = tmpl_list_label(LIST_BULLET, 3), "•");
	free(s);
}

TEST(lengths)
{
	float	 v = 0;

	CHECK(tmpl_length("12", &v) && v == 12.0f);
	CHECK(tmpl_length("11pt", &v) && v == 11.0f);
	CHECK(tmpl_length("25.4mm", &v) && v > 71.99f && v < 72.01f);
	CHECK(tmpl_length("2.54cm", &v) && v > 71.99f && v < 72.01f);
	CHECK(tmpl_length("1in", &v) && v == 72.0f);
	CHECK(!tmpl_length("12px", &v));
	CHECK(!tmpl_length("-3", &v));
	CHECK(!tmpl_length("", &v));
}

/* face= and align= are words looked up in one table; a word the
 * loader does not know is refused, with the one it is likely a typo
 * of (the schema refuses them first, so a template cannot reach it). */
TEST(style_keywords)
{
	const char *near;

	CHECK(tmpl_keyword("face", "regular", &near) == FACE_REGULAR);
	CHECK(tmpl_keyword("face", "bold-italic", &near) == FACE_BOLDITALIC);
	CHECK(tmpl_keyword("align", "left", &near) == ALIGN_LEFT);
	CHECK(tmpl_keyword("align", "justify", &near) == ALIGN_JUSTIFY);
	CHECK(near == NULL);
	CHECK(tmpl_keyword("face", "bld", &near) == -1);
	CHECK_STR(near, "bold");
	CHECK(tmpl_keyword("align", "centre", &near) == -1);
	CHECK_STR(near, "center");
	CHECK(tmpl_keyword("align", "bold", &near) == -1);
	CHECK(near == NULL);
	CHECK(tmpl_keyword("size", "left", &near) == -1);
	CHECK(near == NULL);
}

static struct meeting *
sample_meeting(void)
{
	struct meeting *m = xcalloc(1, sizeof(*m));
	struct casefile *cs = xcalloc(1, sizeof(*cs));
	struct block *list, *item, *p;

	m->organisation = xstrdup("Region Norrbacka");
	m->body = xstrdup("Regionstyrelsen");
	m->date = xstrdup("2026-12-08");
	m->nsessions = 1;
	m->sessions = xcalloc(1, sizeof(*m->sessions));
	m->sessions[0].start = xstrdup("08.30");
	m->sessions[0].end = xstrdup("12.00");
	m->sessions[0].place = xstrdup("Hörsalen");
	m->sessions[0].open = true;
	m->secretary.name = xstrdup("Karin Ek");
	m->secretary.email = xstrdup("karin.ek@norrbacka.example");
	m->nitems = 3;
	m->items = xcalloc(3, sizeof(*m->items));
	m->items[0].kind = AGENDA_PROCEDURAL;
	m->items[0].number = 1;
	m->items[0].title = xstrdup("Val av justerare");
	m->items[1].kind = AGENDA_DIVIDER;
	m->items[1].number = 2;
	m->items[1].title = xstrdup("Till fullmäktige");
	m->items[2].kind = AGENDA_CASE;
	m->items[2].number = 3;
	m->items[2].title = xstrdup("Budget 2027");
	m->items[2].dnr = xstrdup("RS/12/2026");
	cs->dnr = xstrdup("RS/12/2026");
	cs->title = xstrdup("Budget 2027");
	cs->sections[SECTION_PROPOSAL].present = true;
	list = block_new(BLOCK_LIST);
	list->list_style = LIST_ALPHA;
	item = block_new(BLOCK_ITEM);
	p = block_new(BLOCK_PARA);
	p->spans = span_new(SPAN_TEXT, 0, "att godkänna budgeten");
	item->children = p;
	list->children = item;
	item->next = block_new(BLOCK_ITEM);
	item->next->children = block_new(BLOCK_PARA);
	item->next->children->spans = span_new(SPAN_TEXT, 0, "att …");
	cs->sections[SECTION_PROPOSAL].blocks = list;
	m->items[2].cs = cs;
	return m;
}

TEST(fill_pack)
{
	struct meeting *m = sample_meeting();
	struct doc *d;
	struct block *b, *agenda_line = NULL, *divider = NULL;
	char	*s;

	d = template_pack(m, "templates", "templates/schema");
	CHECK(d != NULL);
	if (d == NULL) {
		diag_flush(stdout);
		meeting_free(m);
		return;
	}
	CHECK_INT(d->nparts, 2);		/* cover + the items run on */
	CHECK_STR(d->title, "Kallelse Regionstyrelsen 2026-12-08");
	/* Run on: the item's first block (its heading) carries its anchor
	 * and bookmark; the part's header names no item. */
	CHECK(d->parts[1].anchor == NULL && d->parts[1].outline == NULL);
	CHECK(d->parts[1].blocks != NULL);
	if (d->parts[1].blocks != NULL) {
		CHECK_STR(d->parts[1].blocks->anchor, "item-3");
		CHECK_STR(d->parts[1].blocks->outline, "3. Budget 2027");
	}
	CHECK_STR(d->parts[1].page->header.right,
	    "Föredragningslista {docpage}({docpages})");
	for (b = d->parts[0].blocks; b; b = b->next) {
		s = spans_text(b->spans);
		/* The value spans keep where they were written. */
		if (strcmp(s, "Budget 2027 (RS/12/2026)") == 0)
			agenda_line = b;
		if (strcmp(s, "TILL FULLMÄKTIGE") == 0)
			divider = b;
		free(s);
	}
	CHECK(agenda_line != NULL);
	CHECK(divider != NULL);
	if (agenda_line) {
		char	*lab = spans_text(agenda_line->label);

		CHECK_STR(lab, "3.");
		free(lab);
		CHECK(agenda_line->trailer != NULL &&
		    agenda_line->trailer->kind == SPAN_PAGEREF);
		CHECK_STR(agenda_line->trailer->target, "item-3");
		CHECK(agenda_line->spans->flags & SPAN_LINK);
		CHECK_STR(agenda_line->spans->target, "#item-3");
	}
	if (divider)
		CHECK(divider->trailer == NULL);
	/* The proposal: section heading, then the lettered list. */
	for (b = d->parts[1].blocks; b; b = b->next)
		if (b->kind == BLOCK_LIST)
			break;
	CHECK(b != NULL);
	if (b) {
		CHECK_STR(b->children->label->text, "a.");
		CHECK_STR(b->children->next->label->text, "b.");
		CHECK(b->children->children->style != NULL);
	}
	doc_free(d);
	meeting_free(m);
	diag_clear();
}

TEST(unknown_field)
{
	struct meeting *m = sample_meeting();
	struct doc *d;

	d = template_pack(m, "tests/unit/data/bad-template", "templates/schema");
	CHECK(d == NULL);
	CHECK_STR(diag_first(), "tests/unit/data/bad-template/pack.xml:7: "
	    "error: unknown field {chairman}: see the template vocabulary in "
	    "docs/templates.md");
	doc_free(d);
	meeting_free(m);
	diag_clear();
}

int
main(void)
{
	xml_setup();
	RUN(list_labels);
	RUN(lengths);
	RUN(style_keywords);
	RUN(fill_pack);
	RUN(unknown_field);
	xml_cleanup();
	intern_free();
	TEST_END();
}

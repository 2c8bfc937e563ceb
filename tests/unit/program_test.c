/*
 * The program for the meeting day: program.xml read into struct
 * program (slots, presenters, sub-points, breaks, the closed part, the
 * notice) and its times checked against the meeting's sessions.
 */
#include <stdlib.h>
#include <string.h>

#include "test.h"
#include "../../gen/util/util.h"
#include "../../gen/util/xml.h"
#include "../../gen/content/content.h"

#define SCHEMA	"templates/schema"

static struct session sessions[2] = {
	{ "08.30", "12.00", "Salen", true, false, NULL, { NULL, 0, 0 } },
	{ "13.00", "16.00", "Rummet", false, false, NULL, { NULL, 0, 0 } }
};
static struct meeting meeting = {
	.dir = "m", .manifest = "m/meeting.xml", .date = "2026-12-08",
	.sessions = sessions, .nsessions = 2
};

static struct program *
parse(const char *body)
{
	char	*x = xasprintf("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	    "<program>\n%s</program>\n", body);
	struct program *p;

	diag_clear();
	p = program_parse("p.xml", x, strlen(x), &meeting, SCHEMA);
	free(x);
	return p;
}

TEST(program_read)
{
	struct program *p = parse(
	    "<title>Program för dagen</title>\n"
	    "<slot time=\"08.30\"><topic>Öppnande</topic>"
	    "<presenter>Anna Berg (C)</presenter></slot>\n"
	    "<slot time=\"09.00\"><topic>Rapport \"2026\"</topic>\n"
	    "  <presenter>Eva Lind</presenter><presenter>Per Ek</presenter>\n"
	    "  <point><topic>Ekonomi</topic><presenter>Jonas Ek</presenter>"
	    "</point>\n"
	    "  <point><topic>Personal</topic></point>\n"
	    "</slot>\n"
	    "<pause time=\"10.00\">Kaffe</pause>\n"
	    "<pause time=\"12.00\">Lunch</pause>\n"
	    "<closed>\n"
	    "  <slot time=\"13.00\"><topic>Säkerhet</topic></slot>\n"
	    "</closed>\n"
	    "<notice>Öppet för allmänheten till lunch.</notice>\n");

	CHECK(p != NULL);
	if (p == NULL)
		return;
	CHECK_INT(diag_errors() + diag_warnings(), 0);
	CHECK_STR(p->title, "Program för dagen");
	CHECK_INT(p->nslots, 5);
	CHECK_STR(p->slots[0].time, "08.30");
	CHECK_STR(p->slots[0].topic, "Öppnande");
	CHECK_INT(p->slots[0].npresenters, 1);
	CHECK_STR(p->slots[0].presenters[0], "Anna Berg (C)");
	CHECK_STR(p->slots[1].topic, "Rapport ”2026”");	/* typeset */
	CHECK_INT(p->slots[1].npresenters, 2);
	CHECK_STR(p->slots[1].presenters[1], "Per Ek");
	CHECK_INT(p->slots[1].nsub, 2);
	CHECK(p->slots[1].sub[0].time == NULL);
	CHECK_STR(p->slots[1].sub[0].topic, "Ekonomi");
	CHECK_STR(p->slots[1].sub[0].presenters[0], "Jonas Ek");
	CHECK_INT(p->slots[1].sub[1].npresenters, 0);
	CHECK(p->slots[2].pause && !p->slots[2].closed);
	CHECK_STR(p->slots[2].topic, "Kaffe");
	CHECK(!p->slots[1].closed && p->slots[4].closed);
	CHECK_INT(p->slots[4].pos.line, 13);
	CHECK_STR(p->notice, "Öppet för allmänheten till lunch.");
	program_free(p);
}

TEST(program_times)
{
	struct program *p;

	/* Not later than the slot above. */
	p = parse("<slot time=\"09.00\"><topic>A</topic></slot>\n"
	    "<slot time=\"09.00\"><topic>B</topic></slot>\n");
	CHECK(p == NULL);
	CHECK_STR(diag_first(), "p.xml:4:13: error: 09.00 is not later than "
	    "09.00 above it (line 3): put the slots in the order of the day");
	/* Before the first session, after the last. */
	p = parse("<slot time=\"07.00\"><topic>A</topic></slot>\n");
	CHECK(p == NULL);
	CHECK_STR(diag_first(), "p.xml:3:13: error: 07.00 is before the "
	    "meeting starts (08.30, m/meeting.xml): check the time or the "
	    "session in meeting.xml");
	p = parse("<slot time=\"16.00\"><topic>A</topic></slot>\n");
	CHECK(p == NULL);
	CHECK(diag_first() != NULL &&
	    strstr(diag_first(), "after the meeting ends (16.00") != NULL);
	/* Between the sessions: a break is fine, a slot a warning. */
	p = parse("<pause time=\"12.15\">Lunch</pause>\n");
	CHECK(p != NULL && diag_warnings() == 0);
	program_free(p);
	p = parse("<slot time=\"12.15\"><topic>A</topic></slot>\n");
	CHECK(p != NULL && diag_warnings() == 1);
	program_free(p);
	/* Open and closed parts against the sessions. */
	p = parse("<closed><slot time=\"09.00\"><topic>A</topic></slot>"
	    "</closed>\n");
	CHECK(p != NULL && diag_warnings() == 1);
	CHECK(diag_first() != NULL && strstr(diag_first(),
	    "(08.30–12.00) is open") != NULL);
	program_free(p);
	p = parse("<slot time=\"14.00\"><topic>A</topic></slot>\n");
	CHECK(p != NULL && diag_warnings() == 1);
	program_free(p);
	/* Without sessions, only the order is checked. */
	meeting.nsessions = 0;
	p = parse("<slot time=\"23.00\"><topic>A</topic></slot>\n");
	CHECK(p != NULL && diag_errors() + diag_warnings() == 0);
	program_free(p);
	meeting.nsessions = 2;
}

TEST(program_schema)
{
	/* Times are HH.MM; a slot needs its topic. */
	CHECK(parse("<slot time=\"8.30\"><topic>A</topic></slot>\n") == NULL);
	CHECK_STR(diag_first(), "p.xml:3:7: error: <slot time=\"8.30\">: "
	    "write the time as HH.MM with two digits each, e.g. 08.30");
	CHECK(parse("<slot time=\"24.00\"><topic>A</topic></slot>\n") == NULL);
	CHECK(parse("<slot time=\"09.00\"/>\n") == NULL);
	CHECK(parse("") == NULL);
	CHECK(parse("<notice>x</notice>\n") == NULL);
}

TEST(program_caps)
{
	struct buf b = { 0 };
	struct program *p;
	int	 i;

	/* More slots than a day has: refused, said once. */
	for (i = 0; i < 250; i++)
		buf_printf(&b, "<pause time=\"%02d.%02d\">P</pause>\n",
		    8 + i / 60, i % 60);
	meeting.nsessions = 0;
	p = parse(b.data);
	CHECK(p == NULL);
	CHECK_INT(diag_errors(), 1);
	CHECK(diag_first() != NULL && strstr(diag_first(), "more than 200")
	    != NULL);
	meeting.nsessions = 2;
	buf_free(&b);
	/* Presenters and points per slot are bounded too. */
	buf_puts(&b, "<slot time=\"09.00\"><topic>A</topic>");
	for (i = 0; i < 12; i++)
		buf_puts(&b, "<presenter>X</presenter>");
	buf_puts(&b, "</slot>\n");
	CHECK(parse(b.data) == NULL);
	CHECK(diag_first() != NULL && strstr(diag_first(), "more than 10")
	    != NULL);
	buf_free(&b);
}

TEST(program_entry_paths)
{
	diag_clear();
	CHECK(program_entry(&meeting, 9, "../program.xml", SCHEMA) == NULL);
	CHECK_STR(diag_first(), "m/meeting.xml:9: error: program file "
	    "\"../program.xml\": name a file inside the meeting folder, "
	    "relative to it, e.g. \"program.xml\"");
	diag_clear();
	CHECK(program_entry(&meeting, 9, "/etc/program.xml", SCHEMA) == NULL);
	CHECK_INT(diag_errors(), 1);
	diag_clear();
	CHECK(program_entry(&meeting, 9, "saknas.xml", SCHEMA) == NULL);
	CHECK(diag_first() != NULL && strstr(diag_first(), "does not exist")
	    != NULL);
	diag_clear();
}

int
main(void)
{
	xml_setup();
	RUN(program_read);
	RUN(program_times);
	RUN(program_schema);
	RUN(program_caps);
	RUN(program_entry_paths);
	diag_clear();
	xml_cleanup();
	intern_free();
	TEST_END();
}

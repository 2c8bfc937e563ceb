/* Fuzz target: the public view of a meeting (meeting_redact) and the
 * search of what it publishes for personal identity numbers
 * (meeting_pnr_scan, public only).  The input is the case file of item
 * 1 of a meeting whose item 2 is closed, with the sample's registers
 * beside them; after a line "\f", the rest is a third register file
 * (register/fuzz.xml) the case file may place.  Redacted, a closed item
 * keeps no text but the line that says why and no documents, a secret
 * register field holds its note; and a personnummer anywhere in the
 * redacted meeting's text must make the scan report something: one it
 * cannot see would be published. */
#include "fuzz.h"
#include "../../gen/content/content.h"

static const char manifest[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<meeting date=\"2026-12-08\">\n"
    "  <organisation>Region Exempel</organisation>\n"
    "  <body>Regionstyrelsen</body>\n"
    "  <session start=\"08.30\" end=\"12.00\" place=\"Hörsalen\" open=\"yes\"/>\n"
    "  <secretary name=\"Karin Ek\" email=\"karin.ek@example.se\" "
    "phone=\"010-123 45 67\"/>\n"
    "  <agenda>\n"
    "    <procedural>Mötets öppnande</procedural>\n"
    "    <case file=\"arenden/01.md\"/>\n"
    "    <case file=\"arenden/02.md\" closed=\"yes\"/>\n"
    "  </agenda>\n"
    "</meeting>\n";

/* A closed item, its text naming one. */
static const char closed_case[] =
    "---\n"
    "dnr: RS/13/2026\n"
    "title: Förvärv av fastighet\n"
    "---\n\n"
    "# Ärendebeskrivning\n\n"
    "Säljaren, 19800101-0001, har lämnat ett bud.\n";

static const char *leak_where;

static void
text(const char *s, const char *where)
{
	struct pnr_hit h;

	if (leak_where == NULL && s != NULL &&
	    pnr_find(s, strlen(s), 0, &h))
		leak_where = where;
}

static void
spans(const struct span *sp, const char *where)
{
	for (; sp != NULL; sp = sp->next) {
		text(sp->text, where);
		text(sp->target, where);
	}
}

static void
blocks(const struct block *b, const char *where)
{
	for (; b != NULL; b = b->next) {
		spans(b->spans, where);
		spans(b->label, where);
		spans(b->trailer, where);
		text(b->outline, where);
		blocks(b->children, where);
	}
}

static void
check_register(const struct register_file *r)
{
	size_t	 g, i;

	for (g = 0; g < r->ngroups; g++) {
		text(r->groups[g].heading, "a register heading");
		text(r->groups[g].level, "a register delegate");
		for (i = 0; i < r->groups[g].nentries; i++) {
			const struct register_entry *e =
			    &r->groups[g].entries[i];
			const struct register_field *f[2] =
			    { &e->sender, &e->title };
			int	 j;

			text(e->date, "a register date");
			text(e->dnr, "a register dnr");
			text(e->type, "a register type");
			for (j = 0; j < 2; j++) {
				if (f[j]->secret != NULL &&
				    (f[j]->text == NULL || f[j]->note == NULL ||
				    strcmp(f[j]->text, f[j]->note) != 0)) {
					fprintf(stderr, "a secret register "
					    "field keeps its text: \"%s\"\n",
					    f[j]->text ? f[j]->text : "");
					abort();
				}
				text(f[j]->text, "a register field");
			}
		}
	}
}

static void
check(const struct meeting *m)
{
	size_t	 i, k;

	leak_where = NULL;
	text(m->organisation, "the organisation");
	text(m->body, "the body");
	text(m->secretary.name, "the secretary");
	text(m->secretary.phone, "the secretary's phone");
	text(m->secretary.email, "the secretary's e-mail");
	for (i = 0; i < m->nitems; i++) {
		const struct agenda_item *it = &m->items[i];

		text(it->title, "an item's title");
		text(it->dnr, "an item's dnr");
		text(it->note, "an item's note");
		text(it->secret, "an item's secrecy ground");
		if (it->closed && it->ndocs > 0) {
			fprintf(stderr, "closed item %d keeps %zu "
			    "documents\n", it->number, it->ndocs);
			abort();
		}
		if (it->cs == NULL)
			continue;
		for (k = 0; k < SECTION__MAX; k++) {
			const struct block *b = it->cs->sections[k].blocks;

			if (it->closed && b != NULL && (k !=
			    SECTION_DESCRIPTION || b->next != NULL ||
			    b->kind != BLOCK_PARA)) {
				fprintf(stderr, "closed item %d keeps its "
				    "text\n", it->number);
				abort();
			}
			blocks(b, "a case text");
		}
		for (k = 0; k < it->ndocs; k++)
			blocks(it->docs[k]->blocks, "a document");
	}
	for (i = 0; i < m->nregisters; i++)
		check_register(m->registers[i]);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *sdir;
	static char *mdir;
	const char *s = (const char *)data, *e = s + size, *p;
	struct meeting *m;
	size_t	 found;

	fuzz_setup();
	if (sdir == NULL) {
		sdir = fuzz_schema();
		mdir = xasprintf("%s/m", fuzz_scratch());
		fuzz_write_str(mdir, "meeting.xml", manifest);
		fuzz_write_str(mdir, "arenden/02.md", closed_case);
		fuzz_sample(mdir, "register", ".xml");
	}
	for (p = s; p + 1 < e; p++)
		if (*p == '\f' && p[1] == '\n' && (p == s || p[-1] == '\n'))
			break;
	if (p + 1 >= e)
		p = e;
	fuzz_write(mdir, "arenden/01.md", s, (size_t)(p - s));
	p = p < e ? p + 2 : e;
	fuzz_write(mdir, "register/fuzz.xml", p, (size_t)(e - p));
	if ((m = meeting_load(mdir, sdir)) != NULL && meeting_redact(m)) {
		found = meeting_pnr_scan(m, DIAG_ERROR, true);
		check(m);
		if (leak_where != NULL && found == 0) {
			fprintf(stderr, "a personnummer in %s that the scan "
			    "of the public text does not report\n",
			    leak_where);
			abort();
		}
	}
	meeting_free(m);
	fuzz_reset();
	return 0;
}

/*
 * Filling templates: walks a <document> element with the meeting (and
 * the current session or agenda item) and builds the document tree.
 * {field} in text and attributes is replaced by the model's value;
 * an unknown field is an error at the template's line.  The running
 * fields {page} {pages} {docpage} {docpages} are left for layout.
 */
#include <stddef.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../util/xml.h"
#include "template_private.h"

struct ctx {
	struct tmpl	*t;
	const struct meeting *m;
	const struct session *s;	/* inside <for-each select="session"> */
	const struct agenda_item *it;	/* inside an item */
	bool		 running;	/* filling a header/footer string */
	/* Documents behind items. */
	const struct document *doc;	/* inside a document */
	const struct contact *signer;	/* <for-each select="signer"> */
	const char	*line;		/* <for-each select="address"> */
	const struct program_slot *slot; /* <for-each select="slot|sub"> */
	const struct content_map *cm;	/* how model blocks are styled */
	char		*label;		/* the document's label="" */
	struct block	*body;		/* its styled, numbered body */
	const struct block *placed;	/* the body, once placed */
	int		 outline_base;	/* bookmark level of the part */
	bool		 single;	/* one document alone (render) */
	/* The protocol: its paragraph and person at hand, someone's words
	 * (a motion, a reservation), the one paragraph of an extract
	 * (-1: all). */
	const struct protocol *pr;
	const struct prot_paragraph *par;
	const struct prot_person *person;
	const char	*pname;		/* <for-each select="justerare"> */
	const struct prot_said *said;
	long		 only;
};

enum fv {
	FV_TEXT,
	FV_PAGEREF,	/* the page of the item: a page reference */
	FV_RUNNING,	/* {page} etc. in a header: kept as is */
	FV_UNKNOWN,
	FV_OUT_OF_CONTEXT
};

static bool
item_has_part(const struct agenda_item *it)
{
	return it != NULL && it->kind == AGENDA_CASE;
}

static char *
item_anchor(const struct agenda_item *it)
{
	return item_has_part(it) ? xasprintf("item-%d", it->number) :
	    xstrdup("");
}

static const char *
nz(const char *s)
{
	return s ? s : "";
}

/* The anchor of a document's first page: "doc-N" by its place in
 * the meeting, "program" for the program. */
static char *
doc_anchor(const struct meeting *m, const struct document *d)
{
	size_t	 i;

	if (d == m->program)
		return xstrdup("program");
	for (i = 0; i < m->ndocuments; i++)
		if (m->documents[i] == d)
			return xasprintf("doc-%zu", i + 1);
	return xstrdup("doc-0");
}

static char *
join_list(char *const *v, size_t n, const char *sep)
{
	struct buf b = { 0 };
	size_t	 i;

	for (i = 0; i < n; i++) {
		if (i > 0)
			buf_puts(&b, sep);
		buf_puts(&b, v[i]);
	}
	return b.data ? buf_detach(&b) : xstrdup("");
}

/*
 * Template fields.  Each is a row: its name, where it may be used, how
 * its value is got and where the value was written (for layout's
 * messages about it, such as a character no font has, which then point
 * at the content, not the template).  Adding a field is adding a row.
 */

/* Where a field may be used. */
enum scope {
	IN_MEETING,		/* anywhere */
	IN_SESSION,		/* <for-each select="session"> */
	IN_ITEM,		/* an agenda item */
	IN_DOCUMENT,		/* a document */
	IN_PROGRAM,		/* the program document */
	IN_SIGNER,		/* <for-each select="signer"> */
	IN_ADDRESS,		/* <for-each select="address"> */
	IN_SLOT,		/* <for-each select="slot|sub"> */
	IN_RUNNING,		/* the page numbers: kept for layout */
	IN_PROTOCOL,		/* a protocol */
	IN_PERSON,		/* <for-each select="member|deputy|..."> */
	IN_PARAGRAPH,		/* <for-each select="paragraph"> */
	IN_SAID			/* <for-each select="motion|..."> */
};

/* Where its value was written: there if it is at hand, else the
 * item's header field of that name, the item, the manifest. */
enum at {
	AT_ITEM,
	AT_ORG,			/* the organisation profile */
	AT_SESSION,
	AT_DOCUMENT,
	AT_DOC_TITLE,		/* the document's title field */
	AT_AUTHOR_TITLE,	/* the document, or the staff directory */
	AT_SIGNER,
	AT_SIGNER_TITLE		/* the signer, or the staff directory */
};

struct field;
typedef char	*(*getter)(const struct ctx *, const struct field *,
		    const char *name);

struct field {
	const char	*name;		/* "x", or "x:" for "x:key" */
	enum scope	 scope;
	getter		 get;		/* NULL: a page number */
	size_t		 off;		/* the string member get reads */
	enum at		 at;
};

#define STR_AT(p, off)	(*(char *const *)(const void *)((const char *)(p) + \
			    (off)))

/* What a field of this scope is read from. */
static const void *
scope_base(const struct ctx *c, enum scope s)
{
	switch (s) {
	case IN_SESSION:
		return c->s;
	case IN_ITEM:
		return c->it;
	case IN_DOCUMENT:
		return c->doc;
	case IN_SIGNER:
		return c->signer;
	case IN_SLOT:
		return c->slot;
	case IN_PROGRAM:
		return c->m->program ? c->m->program->program : NULL;
	case IN_PROTOCOL:
		return c->pr;
	case IN_PERSON:
		return c->person;
	case IN_PARAGRAPH:
		return c->par;
	case IN_SAID:
		return c->said;
	case IN_MEETING:
	case IN_ADDRESS:
	case IN_RUNNING:
		break;
	}
	return c->m;
}

/* The string member at f->off ("" for none). */
static char *
g_str(const struct ctx *c, const struct field *f, const char *name)
{
	const void *p = scope_base(c, f->scope);

	return xstrdup(p != NULL ? nz(STR_AT(p, f->off)) : "");
}

/* The bool member at f->off: "yes" or "". */
static char *
g_yes(const struct ctx *c, const struct field *f, const char *name)
{
	const char *p = scope_base(c, f->scope);

	return xstrdup(*(const bool *)(const void *)(p + f->off) ? "yes" :
	    "");
}

/* The bool member at f->off: "" if set, else "yes". */
static char *
g_no(const struct ctx *c, const struct field *f, const char *name)
{
	const char *p = scope_base(c, f->scope);

	return xstrdup(*(const bool *)(const void *)(p + f->off) ? "" :
	    "yes");
}

static char *
g_org(const struct ctx *c, const struct field *f, const char *name)
{
	const struct organisation *o = c->m->org;

	return xstrdup(o != NULL ? nz(STR_AT(o, f->off)) : "");
}

static char *
g_date_long(const struct ctx *c, const struct field *f, const char *name)
{
	return sv_date_long(c->m->date);
}

static char *
g_weekday(const struct ctx *c, const struct field *f, const char *name)
{
	return xstrdup(nz(sv_weekday(c->m->date)));
}

static char *
g_year(const struct ctx *c, const struct field *f, const char *name)
{
	return xstrndup(nz(c->m->date), 4);
}

static char *
g_number(const struct ctx *c, const struct field *f, const char *name)
{
	return xasprintf("%d", c->it->number);
}

/* The item's session: "start", "end", "open" or "stated" (open="" is
 * given: the session is not just a place and a time); "first" is "yes" for
 * the first item of a session when the meeting has an open and a
 * closed one (the agenda then says which items belong to which). */
static char *
g_item_session(const struct ctx *c, const struct field *f, const char *name)
{
	const struct meeting *m = c->m;
	const struct session *s;
	bool	 open = false, closed = false;
	size_t	 i;

	if (c->it->session >= m->nsessions)
		return xstrdup("");
	s = &m->sessions[c->it->session];
	if (strcmp(name, "item-session-start") == 0)
		return xstrdup(nz(s->start));
	if (strcmp(name, "item-session-end") == 0)
		return xstrdup(nz(s->end));
	if (strcmp(name, "item-session-open") == 0)
		return xstrdup(s->open ? "yes" : "");
	if (strcmp(name, "item-session-stated") == 0)
		return xstrdup(s->unstated ? "" : "yes");
	for (i = 0; i < m->nsessions; i++) {
		open |= m->sessions[i].open;
		closed |= !m->sessions[i].open && !m->sessions[i].unstated;
	}
	return xstrdup(open && closed && (c->it == &m->items[0] ||
	    c->it[-1].session != c->it->session) ? "yes" : "");
}

/* "yes" for the meeting's first session: a list of them starts there. */
static char *
g_session_first(const struct ctx *c, const struct field *f,
    const char *name)
{
	return xstrdup(c->s != NULL && c->m->nsessions > 0 &&
	    c->s == &c->m->sessions[0] ? "yes" : "");
}

static char *
g_kind(const struct ctx *c, const struct field *f, const char *name)
{
	return xstrdup(c->it->kind == AGENDA_CASE ? "case" :
	    c->it->kind == AGENDA_DIVIDER ? "divider" : "procedural");
}

static char *
g_case_kind(const struct ctx *c, const struct field *f, const char *name)
{
	return xstrdup(c->it->cs ? nz(c->it->cs->kind) : "");
}

static char *
g_handlaggare(const struct ctx *c, const struct field *f, const char *name)
{
	return xstrdup(c->it->cs ? nz(c->it->cs->handlaggare) : "");
}

static char *
g_anchor(const struct ctx *c, const struct field *f, const char *name)
{
	return item_anchor(c->it);
}

/* meta:KEY: the case file's header field KEY, as written. */
static char *
g_meta(const struct ctx *c, const struct field *f, const char *name)
{
	const struct casefile *cs = c->it->cs;
	size_t	 i;

	for (i = 0; cs != NULL && i < cs->nmeta; i++)
		if (strcmp(cs->meta[i].key, name + 5) == 0)
			return xstrdup(cs->meta[i].value);
	return xstrdup("");
}

static char *
g_org_name(const struct ctx *c, const struct field *f, const char *name)
{
	const struct organisation *o = c->m->org;

	return xstrdup(o && o->name ? o->name : nz(c->m->organisation));
}

static char *
g_proposal_heading(const struct ctx *c, const struct field *f,
    const char *name)
{
	const struct organisation *o = c->m->org;

	return xstrdup(o && o->proposal_heading ? o->proposal_heading :
	    section_heading(SECTION_PROPOSAL));
}

static char *
g_line(const struct ctx *c, const struct field *f, const char *name)
{
	return xstrdup(c->line);
}

static char *
g_presenters(const struct ctx *c, const struct field *f, const char *name)
{
	return join_list(c->slot->presenters, c->slot->npresenters, ", ");
}

static char *
g_doc_label(const struct ctx *c, const struct field *f, const char *name)
{
	return xstrdup(nz(c->label));
}

static char *
g_doc_date_long(const struct ctx *c, const struct field *f,
    const char *name)
{
	return c->doc->date ? sv_date_long(c->doc->date) : NULL;
}

static char *
g_doc_recipient(const struct ctx *c, const struct field *f,
    const char *name)
{
	const struct document *d = c->doc;

	return xstrdup(nz(d->recipient ? d->recipient : c->m->body));
}

static char *
g_doc_subject(const struct ctx *c, const struct field *f, const char *name)
{
	const struct document *d = c->doc;

	return xstrdup(nz(d->subject ? d->subject : d->title));
}

/* The institutional signature: "avsändare" (the last one given), else
 * the body. */
static char *
g_doc_sender(const struct ctx *c, const struct field *f, const char *name)
{
	const struct document *d = c->doc;
	const char *v = NULL;
	size_t	 i;

	for (i = 0; i < d->nmeta; i++)
		if (strcasecmp(d->meta[i].key, "avsändare") == 0)
			v = d->meta[i].value;
	return xstrdup(v != NULL ? v : nz(c->m->body));
}

static char *
g_doc_anchor(const struct ctx *c, const struct field *f, const char *name)
{
	return doc_anchor(c->m, c->doc);
}

static char *
g_doc_signers(const struct ctx *c, const struct field *f, const char *name)
{
	return c->doc->nsigners ? xasprintf("%zu", c->doc->nsigners) : NULL;
}

static char *
g_doc_address(const struct ctx *c, const struct field *f, const char *name)
{
	return c->doc->naddress ? xasprintf("%zu", c->doc->naddress) : NULL;
}

/* doc-meta:KEY: the document's header field KEY, in any case. */
static char *
g_doc_meta(const struct ctx *c, const struct field *f, const char *name)
{
	const struct document *d = c->doc;
	size_t	 i;

	for (i = 0; i < d->nmeta; i++)
		if (strcasecmp(d->meta[i].key, name + 9) == 0)
			return xstrdup(d->meta[i].value);
	return NULL;
}

#define M(x)	offsetof(struct meeting, x)
#define S(x)	offsetof(struct session, x)
#define I(x)	offsetof(struct agenda_item, x)
#define D(x)	offsetof(struct document, x)
#define O(x)	offsetof(struct organisation, x)
#define C(x)	offsetof(struct contact, x)
#define P(x)	offsetof(struct program, x)
#define L(x)	offsetof(struct program_slot, x)

/* Sorted by name (strcmp), for bsearch. */
static const struct field fields[] = {
	{ "anchor",		IN_ITEM,	g_anchor,	0,	AT_ITEM },
	{ "author-email",	IN_DOCUMENT,	g_str,	D(author.email), AT_DOCUMENT },
	{ "author-name",	IN_DOCUMENT,	g_str,	D(author.name),	AT_DOCUMENT },
	{ "author-phone",	IN_DOCUMENT,	g_str,	D(author.phone), AT_DOCUMENT },
	{ "author-title",	IN_DOCUMENT,	g_str,	D(author.role),	AT_AUTHOR_TITLE },
	{ "body",		IN_MEETING,	g_str, M(body),	AT_ITEM },
	{ "case-kind",		IN_ITEM,	g_case_kind,	0,	AT_ITEM },
	{ "chair-name",		IN_MEETING,	g_str, M(chair.name), AT_ITEM },
	{ "closed",		IN_ITEM,	g_yes,	I(closed),	AT_ITEM },
	{ "date",		IN_MEETING,	g_str, M(date),	AT_ITEM },
	{ "date-long",		IN_MEETING,	g_date_long,	0,	AT_ITEM },
	{ "director-title",	IN_MEETING,	g_org,	O(director_title), AT_ORG },
	{ "dnr",		IN_ITEM,	g_str,	I(dnr),		AT_ITEM },
	{ "doc-address",	IN_DOCUMENT,	g_doc_address,	0,	AT_DOCUMENT },
	{ "doc-anchor",		IN_DOCUMENT,	g_doc_anchor,	0,	AT_DOCUMENT },
	{ "doc-contents",	IN_DOCUMENT,	g_yes,	D(contents),	AT_DOCUMENT },
	{ "doc-date",		IN_DOCUMENT,	g_str,	D(date),	AT_DOCUMENT },
	{ "doc-date-long",	IN_DOCUMENT,	g_doc_date_long, 0,	AT_DOCUMENT },
	{ "doc-department",	IN_DOCUMENT,	g_str,	D(department),	AT_DOCUMENT },
	{ "doc-dnr",		IN_DOCUMENT,	g_str,	D(dnr),		AT_DOCUMENT },
	{ "doc-label",		IN_DOCUMENT,	g_doc_label,	0,	AT_DOCUMENT },
	{ "doc-meta:",		IN_DOCUMENT,	g_doc_meta,	0,	AT_DOCUMENT },
	{ "doc-recipient",	IN_DOCUMENT,	g_doc_recipient, 0,	AT_DOCUMENT },
	{ "doc-sender",		IN_DOCUMENT,	g_doc_sender,	0,	AT_DOCUMENT },
	{ "doc-signers",	IN_DOCUMENT,	g_doc_signers,	0,	AT_DOCUMENT },
	{ "doc-subject",	IN_DOCUMENT,	g_doc_subject,	0,	AT_DOCUMENT },
	{ "doc-title",		IN_DOCUMENT,	g_str,	D(title),	AT_DOC_TITLE },
	{ "doc-title-page",	IN_DOCUMENT,	g_yes,	D(title_page),	AT_DOCUMENT },
	{ "docpage",		IN_RUNNING,	NULL,		0,	AT_ITEM },
	{ "docpages",		IN_RUNNING,	NULL,		0,	AT_ITEM },
	{ "end",		IN_SESSION,	g_str, S(end),	AT_SESSION },
	{ "handlaggare",	IN_ITEM,	g_handlaggare,	0,	AT_ITEM },
	{ "item-session-end",	IN_ITEM,	g_item_session,	0,	AT_ITEM },
	{ "item-session-first",	IN_ITEM,	g_item_session,	0,	AT_ITEM },
	{ "item-session-open",	IN_ITEM,	g_item_session,	0,	AT_ITEM },
	{ "item-session-start",	IN_ITEM,	g_item_session,	0,	AT_ITEM },
	{ "item-session-stated", IN_ITEM,	g_item_session,	0,	AT_ITEM },
	{ "kind",		IN_ITEM,	g_kind,		0,	AT_ITEM },
	{ "line",		IN_ADDRESS,	g_line,		0,	AT_DOCUMENT },
	{ "meta:",		IN_ITEM,	g_meta,		0,	AT_ITEM },
	{ "note",		IN_ITEM,	g_str,	I(note),	AT_ITEM },
	{ "number",		IN_ITEM,	g_number,	0,	AT_ITEM },
	{ "open",		IN_SESSION,	g_yes,	S(open),	AT_ITEM },
	{ "org-bankgiro",	IN_MEETING,	g_org,	O(bankgiro),	AT_ORG },
	{ "org-email",		IN_MEETING,	g_org,	O(email),	AT_ORG },
	{ "org-fax",		IN_MEETING,	g_org,	O(fax),		AT_ORG },
	{ "org-name",		IN_MEETING,	g_org_name,	0,	AT_ORG },
	{ "org-orgnr",		IN_MEETING,	g_org,	O(orgnr),	AT_ORG },
	{ "org-phone",		IN_MEETING,	g_org,	O(phone),	AT_ORG },
	{ "org-plusgiro",	IN_MEETING,	g_org,	O(plusgiro),	AT_ORG },
	{ "org-postal-address",	IN_MEETING,	g_org,	O(postal_address), AT_ORG },
	{ "org-visit-address",	IN_MEETING,	g_org,	O(visit_address), AT_ORG },
	{ "org-web",		IN_MEETING,	g_org,	O(web),		AT_ORG },
	{ "organisation",	IN_MEETING,	g_str, M(organisation), AT_ITEM },
	{ "page",		IN_RUNNING,	NULL,		0,	AT_ITEM },
	{ "pages",		IN_RUNNING,	NULL,		0,	AT_ITEM },
	{ "place",		IN_SESSION,	g_str, S(place),	AT_SESSION },
	{ "program-notice",	IN_PROGRAM,	g_str, P(notice),	AT_ITEM },
	{ "program-place",	IN_PROGRAM,	g_str, P(place),	AT_ITEM },
	{ "program-time",	IN_PROGRAM,	g_str, P(time),		AT_ITEM },
	{ "program-title",	IN_PROGRAM,	g_str, P(title),	AT_ITEM },
	{ "proposal-heading",	IN_MEETING,	g_proposal_heading, 0,	AT_ORG },
	{ "public",		IN_MEETING,	g_yes,	M(redacted),	AT_ITEM },
	{ "secret",		IN_ITEM,	g_str,	I(secret),	AT_ITEM },
	{ "secretary-email",	IN_MEETING,	g_str, M(secretary.email), AT_ITEM },
	{ "secretary-name",	IN_MEETING,	g_str, M(secretary.name), AT_ITEM },
	{ "secretary-phone",	IN_MEETING,	g_str, M(secretary.phone), AT_ITEM },
	{ "secretary-role",	IN_MEETING,	g_str, M(secretary.role), AT_ITEM },
	{ "session-first",	IN_SESSION,	g_session_first, 0,	AT_SESSION },
	{ "session-note",	IN_SESSION,	g_str, S(note),	AT_SESSION },
	{ "session-stated",	IN_SESSION,	g_no,	S(unstated),	AT_SESSION },
	{ "signer-name",	IN_SIGNER,	g_str, C(name),	AT_SIGNER },
	{ "signer-title",	IN_SIGNER,	g_str, C(role),	AT_SIGNER_TITLE },
	{ "slot-closed",	IN_SLOT,	g_yes,	L(closed),	AT_ITEM },
	{ "slot-day",		IN_SLOT,	g_str,	L(day),		AT_ITEM },
	{ "slot-pause",		IN_SLOT,	g_yes,	L(pause),	AT_ITEM },
	{ "slot-presenters",	IN_SLOT,	g_presenters,	0,	AT_ITEM },
	{ "slot-time",		IN_SLOT,	g_str,	L(time),	AT_ITEM },
	{ "slot-topic",		IN_SLOT,	g_str,	L(topic),	AT_ITEM },
	{ "start",		IN_SESSION,	g_str, S(start),	AT_SESSION },
	{ "title",		IN_ITEM,	g_str,	I(title),	AT_ITEM },
	{ "weekday",		IN_MEETING,	g_weekday,	0,	AT_ITEM },
	{ "year",		IN_MEETING,	g_year,		0,	AT_ITEM },
};

#undef M
#undef S
#undef I
#undef D
#undef O
#undef C
#undef P
#undef L

static int
field_cmp(const void *key, const void *row)
{
	return strcmp(key, ((const struct field *)row)->name);
}

/* ------------------------------------------------------------------ */
/* The protocol's fields (docs/templates.md, "The protocol"). */

/* "Karin Åhlund (S)" */
static char *
pname(const struct ctx *c, const char *name)
{
	return protocol_name(c->pr, name);
}

static char *
g_prot_number(const struct ctx *c, const struct field *f, const char *name)
{
	const struct protocol *p = c->pr;
	int	 first, last;

	protocol_numbers(p, &first, &last);
	if (c->only >= 0 && (size_t)c->only < p->npars)
		first = last = p->pars[c->only].number;
	if (strcmp(name, "prot-first") == 0)
		return xasprintf("%d", first);
	if (strcmp(name, "prot-last") == 0)
		return xasprintf("%d", last);
	return first == last ? xasprintf("§ %d", first) :
	    xasprintf("§ %d–%d", first, last);
}

/* The meeting's time and place: the protocol's, else the sessions'. */
static char *
g_prot_when(const struct ctx *c, const struct field *f, const char *name)
{
	const struct meeting *m = c->m;
	bool	 time = strcmp(name, "prot-time") == 0;
	struct buf b = { 0 };
	size_t	 i, k;

	if (time && c->pr->time != NULL)
		return xstrdup(c->pr->time);
	if (!time && c->pr->place != NULL)
		return xstrdup(c->pr->place);
	for (i = 0; i < m->nsessions; i++) {
		const struct session *s = &m->sessions[i];

		if (time) {
			buf_printf(&b, "%s%s%s%s", i ? ", " : "", nz(s->start),
			    s->end ? "–" : "", nz(s->end));
			continue;
		}
		for (k = 0; k < i; k++)
			if (s->place && m->sessions[k].place &&
			    strcmp(s->place, m->sessions[k].place) == 0)
				break;
		if (k == i && s->place != NULL)
			buf_printf(&b, "%s%s", b.len ? "; " : "", s->place);
	}
	return b.data ? buf_detach(&b) : xstrdup("");
}

static char *
g_prot_date(const struct ctx *c, const struct field *f, const char *name)
{
	const struct protocol *p = c->pr;
	char	 d[11];
	const char *iso = NULL;
	bool	 lng = strstr(name, "-long") != NULL;

	if (strncmp(name, "justering-date", 14) == 0)
		iso = p->justering_date;
	else if (strncmp(name, "notice-posted", 13) == 0)
		iso = p->posted;
	else if (p->posted != NULL && sv_appeal_last_day(p->posted, d)) {
		/* appeal-last, notice-down: the notice stays up until the
		 * period of appeal has run out. */
		if (strncmp(name, "notice-down", 11) == 0)
			days_iso(iso_date_days(d) + 1, d);
		iso = d;
	}
	if (iso == NULL)
		return xstrdup("");
	return lng ? sv_date_long(iso) : xstrdup(iso);
}

static char *
g_justerare_names(const struct ctx *c, const struct field *f,
    const char *name)
{
	const struct protocol *p = c->pr;
	struct buf b = { 0 };
	size_t	 i;
	char	*n;

	for (i = 0; i < p->njusterare; i++) {
		n = pname(c, p->justerare[i]);
		buf_printf(&b, "%s%s", i == 0 ? "" : i + 1 == p->njusterare ?
		    " och " : ", ", n);
		free(n);
	}
	return b.data ? buf_detach(&b) : xstrdup("");
}

static char *
g_prot_chair(const struct ctx *c, const struct field *f, const char *name)
{
	const struct prot_person *x = protocol_chair(c->pr);

	return x != NULL ? pname(c, x->name) : xstrdup(nz(c->m->chair.name));
}

static char *
g_prot_label(const struct ctx *c, const struct field *f, const char *name)
{
	bool	 ex = c->only >= 0;

	if (strcmp(name, "extract") == 0)
		return xstrdup(ex ? "yes" : "");
	if (strcmp(name, "prot-label") == 0)
		return xstrdup(ex ? "Protokollsutdrag" : "Protokoll");
	if (ex && (size_t)c->only < c->pr->npars)
		return xasprintf("Protokollsutdrag %s %s § %d", nz(c->m->body),
		    nz(c->m->date), c->pr->pars[c->only].number);
	return xasprintf("Protokoll %s %s", nz(c->m->body), nz(c->m->date));
}

/* How many people of a kind the attendance has ("" for none). */
static char *
g_prot_count(const struct ctx *c, const struct field *f, const char *name)
{
	const struct protocol *p = c->pr;
	size_t	 i, n = 0;

	for (i = 0; i < p->npeople; i++) {
		const struct prot_person *x = &p->people[i];

		if (strcmp(name, "prot-serving-deputies") == 0)
			n += x->role == PROT_DEPUTY && x->serves_for != NULL;
		else if (strcmp(name, "prot-deputies") == 0)
			n += x->role == PROT_DEPUTY && x->serves_for == NULL;
		else if (strcmp(name, "prot-others") == 0)
			n += x->role == PROT_OTHER;
		else if (strcmp(name, "prot-struck") == 0)
			break;
		else
			n += x->role == PROT_MEMBER && x->absent;
	}
	if (strcmp(name, "prot-struck") == 0)
		for (i = 0; i < p->npars; i++)
			n += p->pars[i].number == 0;
	return n ? xasprintf("%zu", n) : xstrdup("");
}

static char *
g_person(const struct ctx *c, const struct field *f, const char *name)
{
	const struct prot_person *x = c->person;
	struct buf b = { 0 };

	if (x == NULL)		/* a justerare not in the attendance */
		return xstrdup(strcmp(name, "person-name") == 0 ?
		    nz(c->pname) : "");
	if (strcmp(name, "person-name") == 0)
		return pname(c, x->name);
	if (strcmp(name, "person-title") == 0)
		return xstrdup(nz(x->title));
	if (strcmp(name, "person-paragraphs") == 0)
		return xstrdup(nz(x->paragraphs));
	if (strcmp(name, "person-serves-for") == 0)
		return x->serves_for ? pname(c, x->serves_for) : xstrdup("");
	/* person-times: "tjänstgör till kl. 09.10", "lämnar kl. 11.40" */
	if (x->serves_for != NULL && x->from != PROT_NOTIME)
		buf_printf(&b, "tjänstgör från kl. %02d.%02d", x->from / 60 % 24,
		    x->from % 60);
	if (x->serves_for != NULL && x->until != PROT_NOTIME)
		buf_printf(&b, "%stjänstgör till kl. %02d.%02d", b.len ?
		    ", " : "", x->until / 60 % 24, x->until % 60);
	/* A deputy who serves in one § for a member with jäv. */
	if (x->role == PROT_DEPUTY) {
		size_t	 i, k;

		for (i = 0; i < c->pr->npars; i++)
			for (k = 0; k < c->pr->pars[i].njav; k++)
				if (c->pr->pars[i].jav[k].deputy != NULL &&
				    strcmp(c->pr->pars[i].jav[k].deputy,
				    x->name) == 0) {
					char	*n = pname(c,
					    c->pr->pars[i].jav[k].by);

					buf_printf(&b, "%stjänstgör i § %d för "
					    "%s", b.len ? ", " : "",
					    c->pr->pars[i].number, n);
					free(n);
				}
	}
	if (x->arrives_at != NULL)
		buf_printf(&b, "%sanländer kl. %s", b.len ? ", " : "",
		    x->arrives_at);
	if (x->leaves_at != NULL)
		buf_printf(&b, "%slämnar kl. %s", b.len ? ", " : "",
		    x->leaves_at);
	return b.data ? buf_detach(&b) : xstrdup("");
}

static char *
g_par(const struct ctx *c, const struct field *f, const char *name)
{
	static const char *const outcomes[] = {
		"", "decision", "tabled", "referred-back", "struck"
	};
	const struct prot_paragraph *q = c->par;
	const struct section *rec = c->it && c->it->cs ?
	    &c->it->cs->sections[SECTION_RECIPIENTS] : NULL;

	if (strcmp(name, "par-number") == 0)
		return xasprintf("%d", q->number);
	if (strcmp(name, "par-anchor") == 0)
		return xasprintf("par-%d", q->number);
	if (strcmp(name, "par-outcome") == 0)
		return xstrdup(outcomes[q->outcome]);
	if (strcmp(name, "par-reason") == 0)
		return xstrdup(nz(q->reason));
	if (strcmp(name, "par-immediate") == 0)
		return xstrdup(q->immediate ? "yes" : "");
	if (strcmp(name, "par-proposition") == 0)
		return xstrdup(nz(q->proposition));
	if (strcmp(name, "par-vote") == 0)
		return xstrdup(q->vote ? "yes" : "");
	if (strcmp(name, "par-redacted") == 0)
		return xstrdup(q->redacted ? "yes" : "");
	if (strcmp(name, "par-jav") == 0)
		return q->njav ? xasprintf("%zu", q->njav) : xstrdup("");
	if (strcmp(name, "par-motions") == 0)
		return q->nmotions ? xasprintf("%zu", q->nmotions) : xstrdup("");
	if (strcmp(name, "par-reservations") == 0)
		return q->nreservations ? xasprintf("%zu", q->nreservations) :
		    xstrdup("");
	if (strcmp(name, "par-notes") == 0)
		return q->nnotes ? xasprintf("%zu", q->nnotes) : xstrdup("");
	/* par-recipients: "yes" if the paragraph or its case names any */
	return xstrdup(q->nrecipients > 0 || (rec != NULL && rec->present &&
	    rec->blocks != NULL) ? "yes" : "");
}

/* The vote's fields; vote-result is the sentence of its outcome. */
static char *
g_vote(const struct ctx *c, const struct field *f, const char *name)
{
	const struct prot_vote *v = c->par->vote;
	int	 w;

	if (v == NULL)
		return xstrdup("");
	if (strcmp(name, "vote-ja") == 0)
		return xstrdup(nz(v->ja));
	if (strcmp(name, "vote-nej") == 0)
		return xstrdup(nz(v->nej));
	if (strcmp(name, "vote-ja-count") == 0)
		return xasprintf("%d", v->count[BALLOT_JA]);
	if (strcmp(name, "vote-nej-count") == 0)
		return xasprintf("%d", v->count[BALLOT_NEJ]);
	if (strcmp(name, "vote-avstar-count") == 0)
		return v->count[BALLOT_AVSTAR] ? xasprintf("%d",
		    v->count[BALLOT_AVSTAR]) : xstrdup("");
	w = protocol_vote_winner(c->pr, v);
	if (strcmp(name, "vote-tie") == 0)
		return xstrdup(v->count[BALLOT_JA] != v->count[BALLOT_NEJ] ||
		    w < 0 ? "" : v->tie == TIE_LOT ? "lot" : "chair");
	/* vote-winner */
	return xstrdup(w == BALLOT_JA ? nz(v->ja) : w == BALLOT_NEJ ?
	    nz(v->nej) : "");
}

static char *
g_said(const struct ctx *c, const struct field *f, const char *name)
{
	if (strcmp(name, "said-by") == 0)
		return pname(c, c->said->by);
	if (strcmp(name, "said-deputy") == 0)
		return c->said->deputy ? pname(c, c->said->deputy) :
		    xstrdup("");
	return xstrdup(nz(c->said->text));
}

#define R(x)	offsetof(struct protocol, x)

/* Sorted by name (strcmp), for bsearch. */
static const struct field prot_fields[] = {
	{ "appeal-last",	IN_PROTOCOL,	g_prot_date,	0,	AT_ITEM },
	{ "appeal-last-long",	IN_PROTOCOL,	g_prot_date,	0,	AT_ITEM },
	{ "extract",		IN_PROTOCOL,	g_prot_label,	0,	AT_ITEM },
	{ "justerare-names",	IN_PROTOCOL,	g_justerare_names, 0,	AT_ITEM },
	{ "justering-date",	IN_PROTOCOL,	g_prot_date,	0,	AT_ITEM },
	{ "justering-date-long", IN_PROTOCOL,	g_prot_date,	0,	AT_ITEM },
	{ "justering-place",	IN_PROTOCOL,	g_str,	R(justering_place), AT_ITEM },
	{ "justering-time",	IN_PROTOCOL,	g_str,	R(justering_time), AT_ITEM },
	{ "notice-down",	IN_PROTOCOL,	g_prot_date,	0,	AT_ITEM },
	{ "notice-down-long",	IN_PROTOCOL,	g_prot_date,	0,	AT_ITEM },
	{ "notice-kept",	IN_PROTOCOL,	g_str,	R(kept),	AT_ITEM },
	{ "notice-posted",	IN_PROTOCOL,	g_prot_date,	0,	AT_ITEM },
	{ "notice-posted-long",	IN_PROTOCOL,	g_prot_date,	0,	AT_ITEM },
	{ "par-anchor",		IN_PARAGRAPH,	g_par,		0,	AT_ITEM },
	{ "par-immediate",	IN_PARAGRAPH,	g_par,		0,	AT_ITEM },
	{ "par-jav",		IN_PARAGRAPH,	g_par,		0,	AT_ITEM },
	{ "par-motions",	IN_PARAGRAPH,	g_par,		0,	AT_ITEM },
	{ "par-notes",		IN_PARAGRAPH,	g_par,		0,	AT_ITEM },
	{ "par-number",		IN_PARAGRAPH,	g_par,		0,	AT_ITEM },
	{ "par-outcome",	IN_PARAGRAPH,	g_par,		0,	AT_ITEM },
	{ "par-proposition",	IN_PARAGRAPH,	g_par,		0,	AT_ITEM },
	{ "par-reason",		IN_PARAGRAPH,	g_par,		0,	AT_ITEM },
	{ "par-recipients",	IN_PARAGRAPH,	g_par,		0,	AT_ITEM },
	{ "par-redacted",	IN_PARAGRAPH,	g_par,		0,	AT_ITEM },
	{ "par-reservations",	IN_PARAGRAPH,	g_par,		0,	AT_ITEM },
	{ "par-vote",		IN_PARAGRAPH,	g_par,		0,	AT_ITEM },
	{ "person-name",	IN_PERSON,	g_person,	0,	AT_ITEM },
	{ "person-paragraphs",	IN_PERSON,	g_person,	0,	AT_ITEM },
	{ "person-serves-for",	IN_PERSON,	g_person,	0,	AT_ITEM },
	{ "person-times",	IN_PERSON,	g_person,	0,	AT_ITEM },
	{ "person-title",	IN_PERSON,	g_person,	0,	AT_ITEM },
	{ "prot-chair",		IN_PROTOCOL,	g_prot_chair,	0,	AT_ITEM },
	{ "prot-deputies",	IN_PROTOCOL,	g_prot_count,	0,	AT_ITEM },
	{ "prot-first",		IN_PROTOCOL,	g_prot_number,	0,	AT_ITEM },
	{ "prot-label",		IN_PROTOCOL,	g_prot_label,	0,	AT_ITEM },
	{ "prot-last",		IN_PROTOCOL,	g_prot_number,	0,	AT_ITEM },
	{ "prot-others",	IN_PROTOCOL,	g_prot_count,	0,	AT_ITEM },
	{ "prot-paragraphs",	IN_PROTOCOL,	g_prot_number,	0,	AT_ITEM },
	{ "prot-place",		IN_PROTOCOL,	g_prot_when,	0,	AT_ITEM },
	{ "prot-serving-deputies", IN_PROTOCOL,	g_prot_count,	0,	AT_ITEM },
	{ "prot-struck",	IN_PROTOCOL,	g_prot_count,	0,	AT_ITEM },
	{ "prot-time",		IN_PROTOCOL,	g_prot_when,	0,	AT_ITEM },
	{ "prot-title",		IN_PROTOCOL,	g_prot_label,	0,	AT_ITEM },
	{ "said-by",		IN_SAID,	g_said,		0,	AT_ITEM },
	{ "said-deputy",	IN_SAID,	g_said,		0,	AT_ITEM },
	{ "said-text",		IN_SAID,	g_said,		0,	AT_ITEM },
	{ "vote-avstar-count",	IN_PARAGRAPH,	g_vote,		0,	AT_ITEM },
	{ "vote-ja",		IN_PARAGRAPH,	g_vote,		0,	AT_ITEM },
	{ "vote-ja-count",	IN_PARAGRAPH,	g_vote,		0,	AT_ITEM },
	{ "vote-nej",		IN_PARAGRAPH,	g_vote,		0,	AT_ITEM },
	{ "vote-nej-count",	IN_PARAGRAPH,	g_vote,		0,	AT_ITEM },
	{ "vote-tie",		IN_PARAGRAPH,	g_vote,		0,	AT_ITEM },
	{ "vote-winner",	IN_PARAGRAPH,	g_vote,		0,	AT_ITEM },
};

#undef R

/* The row of a field name; "meta:KEY" and "doc-meta:KEY" are rows
 * "meta:" and "doc-meta:". */
static const struct field *
field_find(const char *name)
{
	if (strncmp(name, "meta:", 5) == 0)
		name = "meta:";
	else if (strncmp(name, "doc-meta:", 9) == 0)
		name = "doc-meta:";
	const struct field *f = bsearch(name, fields, sizeof(fields) /
	    sizeof(fields[0]), sizeof(fields[0]), field_cmp);

	if (f == NULL)
		f = bsearch(name, prot_fields, sizeof(prot_fields) /
		    sizeof(prot_fields[0]), sizeof(prot_fields[0]), field_cmp);
	return f;
}

static bool
in_scope(const struct ctx *c, enum scope s)
{
	switch (s) {
	case IN_SESSION:
		return c->s != NULL;
	case IN_ITEM:
		return c->it != NULL;
	case IN_DOCUMENT:
		return c->doc != NULL;
	case IN_PROGRAM:
		return c->doc != NULL && c->doc->kind == DOCUMENT_PROGRAM;
	case IN_SIGNER:
		return c->signer != NULL;
	case IN_ADDRESS:
		return c->line != NULL;
	case IN_SLOT:
		return c->slot != NULL;
	case IN_PROTOCOL:
		return c->pr != NULL;
	case IN_PERSON:
		return c->person != NULL || c->pname != NULL;
	case IN_PARAGRAPH:
		return c->par != NULL;
	case IN_SAID:
		return c->said != NULL;
	case IN_MEETING:
	case IN_RUNNING:
		break;
	}
	return true;
}

static enum fv
field(const struct ctx *c, const char *name, char **out)
{
	const struct field *f = field_find(name);

	*out = NULL;
	if (f == NULL)
		return FV_UNKNOWN;
	if (f->get == NULL) {
		/* {page} and the like: layout's, in a header or footer;
		 * elsewhere {page} is the page of the item at hand. */
		if (c->running)
			return FV_RUNNING;
		if (strcmp(name, "page") == 0 && c->it != NULL) {
			*out = item_anchor(c->it);
			return FV_PAGEREF;
		}
		return FV_OUT_OF_CONTEXT;
	}
	if (!in_scope(c, f->scope))
		return FV_OUT_OF_CONTEXT;
	if ((*out = f->get(c, f, name)) == NULL)
		*out = xstrdup("");
	return FV_TEXT;
}

/* Where the value of a field was written. */
static struct srcpos
value_pos(const struct ctx *c, const char *name)
{
	const struct field *f = field_find(name);
	struct srcpos p = { c->m->manifest, 0, 0 };
	size_t	 i;
	const char *key = strncmp(name, "meta:", 5) == 0 ? name + 5 : name;

	switch (f != NULL ? f->at : AT_ITEM) {
	case AT_SIGNER:
		if (c->signer != NULL)
			return c->signer->pos;
		break;
	/* A title the staff directory gave is the profile's. */
	case AT_SIGNER_TITLE:
		if (c->signer != NULL)
			return c->signer->from_directory.file != NULL ?
			    c->signer->from_directory : c->signer->pos;
		break;
	case AT_AUTHOR_TITLE:
		if (c->doc != NULL)
			return c->doc->author.from_directory.file != NULL ?
			    c->doc->author.from_directory : c->doc->pos;
		break;
	case AT_DOC_TITLE:
		if (c->doc == NULL)
			break;
		for (i = 0; i < c->doc->nmeta; i++)
			if (strcasecmp(c->doc->meta[i].key, "title") == 0)
				return c->doc->meta[i].pos;
		return c->doc->pos;
	case AT_DOCUMENT:
		if (c->doc != NULL)
			return c->doc->pos;
		break;
	case AT_ORG:
		if (c->m->org != NULL)
			return c->m->org->pos;
		break;
	case AT_SESSION:
		if (c->s != NULL)
			return c->s->pos;
		break;
	case AT_ITEM:
		break;
	}
	if (c->it == NULL)
		return p;
	if (strcmp(key, "handlaggare") == 0)
		key = "handläggare";
	if (c->it->cs != NULL && !(strcmp(key, "title") == 0 &&
	    c->it->kind == AGENDA_CASE && c->it->cs->title != NULL &&
	    c->it->title != NULL && strcmp(c->it->title, c->it->cs->title) != 0))
		for (i = 0; i < c->it->cs->nmeta; i++)
			if (strcasecmp(c->it->cs->meta[i].key, key) == 0)
				return c->it->cs->meta[i].pos;
	return c->it->pos;
}

/* Upper case for the letters Swedish and Norwegian texts use: ASCII
 * and Latin-1 (à..þ except ÷); anything else is left as it is. */
static char *
upper(const char *s)
{
	struct buf b = { 0 };
	char	 enc[4];
	uint32_t cp;
	size_t	 n, len = strlen(s);

	while (len > 0) {
		if ((n = utf8_decode(s, len, &cp)) == 0) {
			cp = (unsigned char)*s;
			n = 1;
		}
		if ((cp >= 'a' && cp <= 'z') ||
		    (cp >= 0xe0 && cp <= 0xfe && cp != 0xf7))
			cp -= 0x20;
		buf_put(&b, enc, utf8_encode(cp, enc));
		s += n;
		len -= n;
	}
	return buf_detach(&b);
}

static int
field_error(const struct ctx *c, xmlNodePtr where, const char *name,
    enum fv v)
{
	if (v == FV_UNKNOWN)
		diag(DIAG_ERROR, tmpl_file(c->t, where), (int)xmlGetLineNo(where),
		    0, "unknown field {%s}: see the template vocabulary in "
		    "docs/templates.md", name);
	else
		diag(DIAG_ERROR, tmpl_file(c->t, where), (int)xmlGetLineNo(where),
		    0, "field {%s} is not available here (session fields need "
		    "<for-each select=\"session\">, item fields an item)", name);
	return 0;
}

/*
 * Expands s.  Text goes to spans (when tail is non-NULL) or to a string
 * (out).  "{{" and "}}" stand for literal braces.  In running strings,
 * braces that come from values are doubled so layout takes them
 * literally.
 */
static int
expand(const struct ctx *c, xmlNodePtr where, const char *s, unsigned flags,
    struct span ***tail, struct buf *out)
{
	struct buf lit = { 0 };
	const char *p, *e;
	char	*name, *val;
	enum fv	 v;
	int	 ok = 1;

#define FLUSH() do { \
	if (lit.len > 0 && tail != NULL) { \
		**tail = span_new(SPAN_TEXT, flags, lit.data); \
		(**tail)->pos.file = tmpl_file(c->t, where); \
		(**tail)->pos.line = (int)xmlGetLineNo(where); \
		*tail = &(**tail)->next; \
	} else if (lit.len > 0) \
		buf_put(out, lit.data, lit.len); \
	buf_reset(&lit); \
} while (0)

	for (p = s; *p; p++) {
		if ((p[0] == '{' && p[1] == '{') || (p[0] == '}' && p[1] == '}')) {
			if (c->running)
				buf_put(&lit, p, 2);
			else
				buf_putc(&lit, *p);
			p++;
			continue;
		}
		if (*p != '{') {
			buf_putc(&lit, *p);
			continue;
		}
		if ((e = strchr(p, '}')) == NULL) {
			diag(DIAG_ERROR, tmpl_file(c->t, where),
			    (int)xmlGetLineNo(where), 0, "unclosed { in \"%s\": "
			    "write {{ for a literal brace", s);
			ok = 0;
			break;
		}
		name = xstrndup(p + 1, (size_t)(e - p - 1));
		{
			char	*bar = strchr(name, '|');
			const char *pre = NULL;
			bool	 up = false;

			if (bar != NULL && strcmp(bar, "|upper") == 0) {
				*bar = '\0';
				up = true;
			} else if (bar != NULL && strncmp(bar, "|pre:", 5) == 0) {
				/* "{org-fax|pre: · Fax }": the text before
				 * the value, only when there is a value. */
				*bar = '\0';
				pre = bar + 5;
			}
			v = field(c, name, &val);
			if (up && v == FV_TEXT) {
				char	*u = upper(val);

				free(val);
				val = u;
			}
			if (pre != NULL && v == FV_TEXT && *val != '\0') {
				char	*u = xasprintf("%s%s", pre, val);

				free(val);
				val = u;
			}
		}
		if (v == FV_TEXT) {
			if (c->running) {
				const char *q;

				for (q = val; *q; q++) {
					buf_putc(&lit, *q);
					if (*q == '{' || *q == '}')
						buf_putc(&lit, *q);
				}
			} else if (tail != NULL && *val != '\0') {
				/* A span of its own, placed where it was
				 * written. */
				FLUSH();
				**tail = span_new(SPAN_TEXT, flags, val);
				(**tail)->pos = value_pos(c, name);
				*tail = &(**tail)->next;
			} else
				buf_puts(&lit, val);
		} else if (v == FV_RUNNING) {
			buf_put(&lit, p, (size_t)(e - p + 1));
		} else if (v == FV_PAGEREF) {
			if (*val != '\0' && tail != NULL) {
				FLUSH();
				**tail = span_new(SPAN_PAGEREF, flags, NULL);
				(**tail)->target = xstrdup(val);
				(**tail)->pos.file = tmpl_file(c->t, where);
				(**tail)->pos.line = (int)xmlGetLineNo(where);
				*tail = &(**tail)->next;
			}
		} else
			ok = field_error(c, where, name, v);
		free(name);
		free(val);
		p = e;
	}
	FLUSH();
#undef FLUSH
	buf_free(&lit);
	return ok;
}

static char *
expand_string(const struct ctx *c, xmlNodePtr where, const char *s, int *ok)
{
	struct buf b = { 0 };

	if (s == NULL)
		return NULL;
	if (!expand(c, where, s, 0, NULL, &b))
		*ok = 0;
	return buf_detach(&b);
}

static char *
expand_attr(const struct ctx *c, xmlNodePtr n, const char *attr, int *ok)
{
	char	*v = xml_attr(n, attr), *r;

	r = expand_string(c, n, v, ok);
	free(v);
	return r;
}

/* <if field="x"> is true when x is not empty; with equals="v" when
 * x is exactly v.  <unless> is the opposite. */
static int
condition(const struct ctx *c, xmlNodePtr n, bool *truth)
{
	char	*name = xml_attr(n, "field"), *eq = xml_attr(n, "equals");
	char	*val;
	enum fv	 v;
	int	 ok = 1;

	if (name == NULL) {
		diag(DIAG_ERROR, tmpl_file(c->t, n), (int)xmlGetLineNo(n), 0,
		    "<%s> needs a field attribute", (const char *)n->name);
		free(eq);
		return 0;
	}
	v = field(c, name, &val);
	if (v == FV_PAGEREF) {
		*truth = val && *val;
	} else if (v != FV_TEXT) {
		ok = field_error(c, n, name, v);
		*truth = false;
	} else
		*truth = eq ? strcmp(val, eq) == 0 : *val != '\0';
	if (xml_is(n, "unless"))
		*truth = !*truth;
	free(val);
	free(name);
	free(eq);
	return ok;
}

static int
inlines(const struct ctx *c, xmlNodePtr parent, unsigned flags,
    struct span ***tail)
{
	xmlNodePtr n;
	bool	 truth;
	int	 ok = 1;

	for (n = parent->children; n; n = n->next) {
		if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
			ok &= expand(c, n, (const char *)n->content, flags, tail,
			    NULL);
		} else if (xml_is(n, "b")) {
			ok &= inlines(c, n, flags | SPAN_BOLD, tail);
		} else if (xml_is(n, "i")) {
			ok &= inlines(c, n, flags | SPAN_ITALIC, tail);
		} else if (xml_is(n, "nobreak")) {
			ok &= inlines(c, n, flags | SPAN_NOBREAK, tail);
		} else if (xml_is(n, "br")) {
			**tail = span_new(SPAN_BREAK, flags, NULL);
			*tail = &(**tail)->next;
		} else if (xml_is(n, "if") || xml_is(n, "unless")) {
			ok &= condition(c, n, &truth);
			if (truth)
				ok &= inlines(c, n, flags, tail);
		}
	}
	return ok;
}

/* Whitespace in template text is layout of the XML file, not content:
 * runs become one space, and the ends of a paragraph are trimmed. */
static struct span *
normalise(struct span *head)
{
	struct span *s, **pp;
	bool	 space = true;	/* at start: drop leading space */
	char	*r, *w;

	for (s = head; s; s = s->next) {
		if (s->kind == SPAN_BREAK) {
			space = true;
			continue;
		}
		if (s->kind != SPAN_TEXT)
			{ space = false; continue; }
		for (r = w = s->text; *r; r++) {
			if (*r == ' ' || *r == '\n' || *r == '\t' || *r == '\r') {
				if (!space)
					*w++ = ' ';
				space = true;
			} else {
				*w++ = *r;
				space = false;
			}
		}
		*w = '\0';
	}
	/* Trailing space of the last text, and before breaks. */
	for (s = head; s; s = s->next)
		if (s->kind == SPAN_TEXT && (s->next == NULL ||
		    s->next->kind == SPAN_BREAK)) {
			size_t	 n = strlen(s->text);

			while (n > 0 && s->text[n - 1] == ' ')
				s->text[--n] = '\0';
		}
	for (pp = &head; *pp;) {
		if ((*pp)->kind == SPAN_TEXT && (*pp)->text[0] == '\0') {
			s = *pp;
			*pp = s->next;
			s->next = NULL;
			spans_free(s);
		} else
			pp = &(*pp)->next;
	}
	return head;
}

static const struct style *
need_style(const struct ctx *c, xmlNodePtr n, int *ok)
{
	char	*v = xml_attr(n, "style");
	const struct style *s = tmpl_style(c->t, v);

	if (s == NULL) {
		diag(DIAG_ERROR, tmpl_file(c->t, n), (int)xmlGetLineNo(n), 0,
		    "style \"%s\" is not defined: define it with <style "
		    "name=\"%s\"> in the template or in common.xml",
		    v ? v : "", v ? v : "");
		*ok = 0;
	}
	free(v);
	return s;
}

static int
paragraph(const struct ctx *c, xmlNodePtr n, struct block ***tail)
{
	struct block *b;
	struct span *sp, **st;
	char	*v, *link;
	int	 ok = 1;

	b = block_new(xml_is(n, "h") ? BLOCK_HEADING : BLOCK_PARA);
	b->pos.file = tmpl_file(c->t, n);
	b->pos.line = (int)xmlGetLineNo(n);
	b->style = need_style(c, n, &ok);
	if (b->kind == BLOCK_HEADING) {
		b->level = 1;
		if ((v = xml_attr(n, "level")) != NULL) {
			b->level = atoi(v);
			if (b->level < 1 || b->level > 6)
				b->level = 1;
			free(v);
		}
	}
	st = &b->spans;
	ok &= inlines(c, n, 0, &st);
	b->spans = normalise(b->spans);
	if ((v = xml_attr(n, "label")) != NULL) {
		st = &b->label;
		ok &= expand(c, n, v, 0, &st, NULL);
		free(v);
	}
	if ((v = xml_attr(n, "trailer")) != NULL) {
		st = &b->trailer;
		ok &= expand(c, n, v, 0, &st, NULL);
		free(v);
	}
	b->anchor = expand_attr(c, n, "anchor", &ok);
	if (b->anchor && *b->anchor == '\0') {
		free(b->anchor);
		b->anchor = NULL;
	}
	b->outline = expand_attr(c, n, "outline", &ok);
	if (b->outline) {
		b->outline_level = 1;
		if ((v = xml_attr(n, "outline-level")) != NULL) {
			b->outline_level = atoi(v) > 0 ? atoi(v) : 1;
			free(v);
		}
	}
	/* link="#{anchor}" becomes a link only when the target exists. */
	link = expand_attr(c, n, "link", &ok);
	if (link && *link && strcmp(link, "#") != 0)
		for (sp = b->spans; sp; sp = sp->next) {
			if (sp->kind != SPAN_TEXT || (sp->flags & SPAN_LINK))
				continue;
			sp->flags |= SPAN_LINK;
			sp->target = xstrdup(link);
		}
	free(link);
	if (b->spans == NULL && b->label == NULL && b->trailer == NULL) {
		/* Nothing to show: a field was empty. */
		blocks_free(b);
		return ok;
	}
	**tail = b;
	*tail = &b->next;
	return ok;
}

/* Links to document files in case texts lead to the document in the
 * pack; a link to a file that is not a document of the pack (or, in a
 * document rendered alone, to any other document, or in a protocol to
 * anything but the web) keeps its text but is no link. */
static void
fix_links(const struct ctx *c, struct block *b)
{
	struct span *sp;
	size_t	 i;
	bool	 found;

	for (; b != NULL; b = b->next) {
		for (sp = b->spans; sp != NULL; sp = sp->next) {
			if (!(sp->flags & SPAN_LINK) || sp->target == NULL ||
			    strstr(sp->target, "://") ||
			    strncasecmp(sp->target, "mailto:", 7) == 0)
				continue;
			/* A protocol holds no place of the pack: its
			 * Beslutsunderlag names documents, links none. */
			if (c->pr != NULL) {
				sp->flags &= ~SPAN_LINK;
				free(sp->target);
				sp->target = NULL;
				continue;
			}
			if (sp->target[0] == '#' && !c->single)
				continue;
			found = false;
			if (!c->single && c->m->program != NULL &&
			    c->m->program->path != NULL &&
			    strcmp(c->m->program->path, sp->target) == 0) {
				free(sp->target);
				sp->target = xstrdup("#program");
				found = true;
			}
			for (i = 0; !found && !c->single &&
			    i < c->m->ndocuments; i++)
				if (strcmp(c->m->documents[i]->path,
				    sp->target) == 0) {
					free(sp->target);
					sp->target = xasprintf("#doc-%zu",
					    i + 1);
					found = true;
					break;
				}
			if (!found) {
				sp->flags &= ~SPAN_LINK;
				free(sp->target);
				sp->target = NULL;
			}
		}
		fix_links(c, b->children);
	}
}

static const struct block *
sec_blocks(const struct section *sec)
{
	return sec != NULL && sec->present ? sec->blocks : NULL;
}

/* True if the pack holds the tjänsteskrivelse made from the item's
 * case file: the whole case text is there. */
static bool
has_own_tjansteskrivelse(const struct agenda_item *it)
{
	size_t	 k;

	for (k = 0; it != NULL && k < it->ndocs; k++)
		if (it->docs[k]->kind == DOCUMENT_TJANSTESKRIVELSE &&
		    it->docs[k]->cs == it->cs)
			return true;
	return false;
}

/* An item's description in the agenda: only its "## Sammanfattning"
 * (without that heading), or its text before "<!-- mer -->", when the
 * tjänsteskrivelse shows the whole: the blocks [*from, *stop) of src.
 * A protocol's § always shows the description in short, as protocols
 * do (the case itself is in the pack and its Beslutsunderlag): those,
 * else its text before the first sub-heading (or, when it starts with
 * one, the text under that). */
static void
agenda_part(const struct ctx *c, const struct casefile *cs,
    const struct block *src, const struct block **from,
    const struct block **stop)
{
	const struct block *sum, *end, *b;

	*from = src;
	*stop = NULL;
	if (c->pr != NULL && src != NULL &&
	    src == sec_blocks(&cs->sections[SECTION_DESCRIPTION])) {
		if ((sum = case_summary(cs, &end)) != NULL) {
			*from = sum;
			*stop = end;
			return;
		}
		b = src->kind == BLOCK_HEADING && src->next != NULL &&
		    src->next->kind != BLOCK_HEADING ? src->next : src;
		for (end = b; end != NULL && end->kind != BLOCK_HEADING;
		    end = end->next)
			continue;
		*from = b;
		*stop = end;
		return;
	}
	if (c->single || !has_own_tjansteskrivelse(c->it) ||
	    src != sec_blocks(&cs->sections[SECTION_DESCRIPTION]) ||
	    (sum = case_summary(cs, &end)) == NULL)
		return;
	*from = sum;
	*stop = end;
}

/*
 * A proposal made by someone else than its heading names ("Utskottet
 * för ekonomi föreslår regionstyrelsen besluta" under "Regiondirektörens
 * förslag"): the heading must not name the wrong proposer.  When the
 * proposer line introduces the points after it, it becomes the heading
 * (returned, *skip set); when it is the whole proposal, the heading is
 * the neutral "Förslag till beslut" (*label replaced).  A heading that
 * names no proposer, or the same one ("Regiondirektören föreslår"
 * under "Regiondirektörens förslag"), stays.
 */
static char *
proposer_heading(const struct block *src, char **label, bool *skip)
{
	static const char verb[] = " föreslår ";
	static const char tail[] = "s förslag";
	char	*t, *at, *h = NULL;
	size_t	 lt, ll = strlen(*label), lx;

	*skip = false;
	/* "<genitive> förslag": the heading names a proposer. */
	lt = strlen(tail);
	if (src == NULL || src->kind != BLOCK_PARA || ll <= lt ||
	    strcasecmp(*label + ll - lt, tail) != 0)
		return NULL;
	t = spans_text(src->spans);
	at = strstr(t, verb);
	lx = at != NULL ? (size_t)(at - t) : 0;
	if (at == NULL || lx == 0 || strchr(t, '\n') != NULL ||
	    (lx == ll - lt && strncasecmp(t, *label, lx) == 0)) {
		free(t);
		return NULL;
	}
	/* An intro ("... besluta", "... att:") with the points after it. */
	if (src->next != NULL && strlen(t) <= 200 && t[strlen(t) - 1] != '.') {
		h = t;
		*skip = true;
	} else
		free(t);
	free(*label);
	*label = xstrdup(section_heading(SECTION_PROPOSAL));
	return h;
}

static int
section(const struct ctx *c, xmlNodePtr n, struct block ***tail)
{
	static const char *const names[SECTION__MAX] = {
		"description", "proposal", "recipients", "documents"
	};
	const struct casefile *cs = c->doc ? c->doc->cs :
	    c->it ? c->it->cs : NULL;
	const struct section *sec;
	const struct block *src, *from, *stop;
	struct block *h;
	char	*name = xml_attr(n, "name"), *label, *v, *line;
	int	 k, ok = 1;
	bool	 skip = false;

	for (k = 0; k < SECTION__MAX; k++)
		if (name && strcmp(name, names[k]) == 0)
			break;
	if (k == SECTION__MAX) {
		diag(DIAG_ERROR, tmpl_file(c->t, n), (int)xmlGetLineNo(n), 0,
		    "<section name=\"%s\">: use description, proposal, "
		    "recipients or documents", name ? name : "");
		free(name);
		return 0;
	}
	free(name);
	if (cs == NULL && c->doc == NULL)
		return 1;
	/* A tjänsteskrivelse file has its own description; proposal and
	 * recipients are always the case's. */
	sec = cs ? &cs->sections[k] : NULL;
	src = sec && sec->present ? sec->blocks : NULL;
	if (k == SECTION_DESCRIPTION && c->doc != NULL && c->doc->blocks)
		src = c->doc->blocks;
	if (src == NULL)
		return 1;
	label = expand_attr(c, n, "label", &ok);
	if (label == NULL)
		label = xstrdup(section_heading((enum section_kind)k));
	if (k == SECTION_PROPOSAL &&
	    (line = proposer_heading(src, &label, &skip)) != NULL) {
		free(label);
		label = line;
	}
	h = block_new(BLOCK_HEADING);
	h->level = 2;
	h->pos = sec ? sec->pos : src->pos;
	h->style = need_style(c, n, &ok);
	h->spans = span_new(SPAN_TEXT, 0, label);
	h->spans->pos = h->pos;
	if ((v = xml_attr(n, "outline")) != NULL &&
	    strcmp(v, "yes") == 0) {
		h->outline = xstrdup(label);
		h->outline_level = c->outline_base + 1;
	}
	free(v);
	free(label);
	**tail = h;
	*tail = &h->next;
	if (c->cm == NULL) {
		diag(DIAG_ERROR, tmpl_file(c->t, n), (int)xmlGetLineNo(n), 0,
		    "no <content> map for this document: add <content> or "
		    "name one with content=\"\" on <document>");
		return 0;
	}
	/* The proposer line is the heading: not again under it. */
	from = skip ? src->next : src;
	stop = NULL;
	if (k == SECTION_DESCRIPTION && c->doc == NULL)
		agenda_part(c, cs, src, &from, &stop);
	**tail = tmpl_style_range(c->cm, from, stop);
	fix_links(c, **tail);
	if (src == sec_blocks(sec))
		tmpl_notes(c->t, c->cm, **tail, cs, cs->notes);
	else
		tmpl_notes(c->t, c->cm, **tail, c->doc, c->doc->notes);
	while (**tail)
		*tail = &(**tail)->next;
	return ok;
}

static int blocks(struct ctx *, xmlNodePtr, struct block ***);

/* <body/>: the document's own text, styled and numbered (made before
 * the part is filled, so a table of contents can come first). */
static int
body(struct ctx *c, xmlNodePtr n, struct block ***tail)
{
	if (c->doc == NULL) {
		diag(DIAG_ERROR, tmpl_file(c->t, n), (int)xmlGetLineNo(n), 0,
		    "<body> belongs in a document template (rapport, brev, "
		    "...)");
		return 0;
	}
	if (c->body == NULL)
		return 1;
	c->placed = c->body;
	**tail = c->body;
	c->body = NULL;
	while (**tail)
		*tail = &(**tail)->next;
	return 1;
}

/* <toc style="" sub-style="" levels="2"/>: the chapters with their
 * pages in the pack. */
static int
toc(struct ctx *c, xmlNodePtr n, struct block ***tail)
{
	const struct style *st, *sub = NULL;
	char	*v;
	int	 ok = 1, levels = 2;

	st = need_style(c, n, &ok);
	if ((v = xml_attr(n, "sub-style")) != NULL) {
		if ((sub = tmpl_style(c->t, v)) == NULL) {
			diag(DIAG_ERROR, tmpl_file(c->t, n),
			    (int)xmlGetLineNo(n), 0, "style \"%s\" is not "
			    "defined", v);
			ok = 0;
		}
		free(v);
	}
	if ((v = xml_attr(n, "levels")) != NULL) {
		levels = atoi(v);
		free(v);
	}
	if (!ok)
		return 0;
	**tail = tmpl_toc(c->body ? c->body : c->placed, levels, st, sub);
	while (**tail)
		*tail = &(**tail)->next;
	return 1;
}

/*
 * <grid columns="2 1"><row><cell>blocks</cell>...</row>...</grid>: a
 * layout grid (a table without rules) of template blocks, the columns
 * sharing the width by the weights given.  Rows whose cells are all
 * empty are left out.
 */
#define GRID_MAX_COLS	6
#define GRID_MAX_ROWS	50

static int
grid(struct ctx *c, xmlNodePtr n, struct block ***tail)
{
	struct table *t;
	struct block *b;
	xmlNodePtr r, k;
	char	*v, *p, *e;
	float	 w[GRID_MAX_COLS];
	size_t	 nc = 0, i;
	int	 ok = 1;

	if ((v = xml_attr(n, "columns")) != NULL) {
		for (p = v; *p != '\0' && nc < GRID_MAX_COLS; p = e) {
			w[nc] = strtof(p, &e);
			if (e == p || w[nc] <= 0)
				break;
			nc++;
			while (*e == ' ')
				e++;
		}
		if (*p != '\0') {
			diag(DIAG_ERROR, tmpl_file(c->t, n),
			    (int)xmlGetLineNo(n), 0, "columns=\"%s\": give "
			    "1 to %d positive weights, e.g. \"2 1\"", v,
			    GRID_MAX_COLS);
			free(v);
			return 0;
		}
		free(v);
	}
	if (nc == 0) {
		diag(DIAG_ERROR, tmpl_file(c->t, n), (int)xmlGetLineNo(n), 0,
		    "<grid> needs columns=\"...\" with a weight per column");
		return 0;
	}
	t = xcalloc(1, sizeof(*t));
	t->grid = true;
	t->ncols = nc;
	t->cols = xcalloc(nc, sizeof(*t->cols));
	for (i = 0; i < nc; i++) {
		t->cols[i].weight = w[i];
		t->cols[i].wrap = true;
	}
	t->pos.file = tmpl_file(c->t, n);
	t->pos.line = (int)xmlGetLineNo(n);
	t->rows = xcalloc(GRID_MAX_ROWS, sizeof(*t->rows));
	for (r = n->children; r != NULL && ok; r = r->next) {
		struct table_row *row;
		bool	 any = false;

		if (!xml_is(r, "row"))
			continue;
		if (t->nrows == GRID_MAX_ROWS) {
			diag(DIAG_ERROR, tmpl_file(c->t, r),
			    (int)xmlGetLineNo(r), 0, "more than %d rows in a "
			    "<grid>", GRID_MAX_ROWS);
			ok = 0;
			break;
		}
		row = &t->rows[t->nrows];
		row->role = ROW_DATA;
		row->pos.file = t->pos.file;
		row->pos.line = (int)xmlGetLineNo(r);
		row->cells = xcalloc(nc, sizeof(*row->cells));
		for (k = r->children; k != NULL; k = k->next) {
			struct table_cell *cell;
			struct block **ct;

			if (!xml_is(k, "cell"))
				continue;
			if (row->ncells == nc) {
				diag(DIAG_ERROR, tmpl_file(c->t, k),
				    (int)xmlGetLineNo(k), 0, "more cells than "
				    "the %zu columns of the <grid>", nc);
				ok = 0;
				break;
			}
			cell = &row->cells[row->ncells];
			cell->col = row->ncells++;
			cell->colspan = cell->rowspan = 1;
			cell->pos = row->pos;
			ct = &cell->blocks;
			ok &= blocks(c, k, &ct);
			any |= cell->blocks != NULL;
		}
		/* Cells left out stay empty. */
		for (; row->ncells < nc; row->ncells++) {
			row->cells[row->ncells].col = row->ncells;
			row->cells[row->ncells].colspan = 1;
			row->cells[row->ncells].rowspan = 1;
		}
		if (any)
			t->nrows++;
		else {
			for (i = 0; i < nc; i++)
				blocks_free(row->cells[i].blocks);
			free(row->cells);
			memset(row, 0, sizeof(*row));
		}
	}
	if (!ok || t->nrows == 0) {
		table_free(t);
		return ok;
	}
	b = block_new(BLOCK_TABLE);
	b->table = t;
	b->pos = t->pos;
	if (xmlHasProp(n, (const xmlChar *)"style"))
		b->style = need_style(c, n, &ok);
	/* The grid's style gives its cells' padding too. */
	t->style = b->style;
	**tail = b;
	*tail = &b->next;
	return ok;
}

/* A paragraph of one text span. */
static struct block *
text_para(const struct style *st, const char *text, struct srcpos pos)
{
	struct block *b = block_new(BLOCK_PARA);

	b->style = st;
	b->pos = pos;
	b->spans = span_new(SPAN_TEXT, 0, text);
	b->spans->pos = pos;
	return b;
}

/*
 * <signers style="" title-style=""/>: the signers side by side, name
 * over title.  With grid="yes" a layout grid (a table without rules);
 * otherwise two signers share a line, the first in the style's label
 * column (label-width: half the measure).
 */
static int
signers(struct ctx *c, xmlNodePtr n, struct block ***tail)
{
	const struct style *st, *tst;
	struct block *b;
	char	*v, *tn;
	size_t	 i, k, r;
	int	 ok = 1;
	bool	 grid = false;

	if (c->doc == NULL || c->doc->nsigners == 0)
		return 1;
	st = need_style(c, n, &ok);
	tn = xml_attr(n, "title-style");
	if ((tst = tmpl_style(c->t, tn)) == NULL)
		tst = st;
	free(tn);
	if ((v = xml_attr(n, "grid")) != NULL) {
		grid = strcmp(v, "yes") == 0;
		free(v);
	}
	if (!ok)
		return 0;
	if (grid) {
		struct table *t = xcalloc(1, sizeof(*t));
		size_t	 nc = c->doc->nsigners;

		t->grid = true;
		t->ncols = nc;
		t->cols = xcalloc(nc, sizeof(*t->cols));
		for (i = 0; i < nc; i++)
			t->cols[i].weight = 1;
		t->nrows = 1;
		t->rows = xcalloc(1, sizeof(*t->rows));
		t->rows[0].role = ROW_DATA;
		t->rows[0].ncells = nc;
		t->rows[0].cells = xcalloc(nc, sizeof(*t->rows[0].cells));
		t->pos = c->doc->signers[0].pos;
		for (i = 0; i < nc; i++) {
			struct table_cell *cell = &t->rows[0].cells[i];
			const struct contact *s = &c->doc->signers[i];

			cell->col = i;
			cell->colspan = cell->rowspan = 1;
			cell->pos = s->pos;
			cell->blocks = text_para(st, nz(s->name), s->pos);
			if (s->role != NULL)
				cell->blocks->next = text_para(tst, s->role,
				    s->pos);
		}
		b = block_new(BLOCK_TABLE);
		b->table = t;
		b->style = st;
		t->style = st;
		b->pos = t->pos;
		**tail = b;
		*tail = &b->next;
		return 1;
	}
	for (i = 0; i < c->doc->nsigners; i += 2)
		for (r = 0; r < 2; r++) {
			const struct contact *s = &c->doc->signers[i];
			const char *a = r == 0 ? s->name : s->role;

			k = i + 1 < c->doc->nsigners ? i + 1 : i;
			b = block_new(BLOCK_PARA);
			b->style = r == 0 ? st : tst;
			b->pos = s->pos;
			if (k != i) {
				const struct contact *s2 = &c->doc->signers[k];
				const char *t2 = r == 0 ? s2->name : s2->role;

				b->label = span_new(SPAN_TEXT, 0, nz(a));
				b->label->pos = s->pos;
				b->spans = span_new(SPAN_TEXT, 0,
				    t2 ? t2 : "\xc2\xa0");
				b->spans->pos = s2->pos;
			} else if (a != NULL) {
				b->spans = span_new(SPAN_TEXT, 0, a);
				b->spans->pos = s->pos;
			}
			if (b->spans == NULL && b->label == NULL) {
				blocks_free(b);
				continue;
			}
			**tail = b;
			*tail = &b->next;
		}
	return 1;
}

/* The protocol's loops; false if sel is none of them. */
static bool
prot_for_each(struct ctx *c, xmlNodePtr n, const char *sel, int *ok,
    struct block ***tail)
{
	const struct protocol *p = c->pr;
	const struct prot_paragraph *q = c->par;
	const struct agenda_item *saved_it = c->it;
	const struct prot_said *v = NULL;
	size_t	 i, nv = 0;

	if (strcmp(sel, "member") == 0 || strcmp(sel, "serving-deputy") == 0 ||
	    strcmp(sel, "deputy") == 0 || strcmp(sel, "other") == 0) {
		for (i = 0; i < p->npeople; i++) {
			const struct prot_person *x = &p->people[i];
			bool	 take;

			if (sel[0] == 'm')
				take = x->role == PROT_MEMBER && !x->absent;
			else if (sel[0] == 's')
				take = x->role == PROT_DEPUTY &&
				    x->serves_for != NULL;
			else if (sel[0] == 'd')
				take = x->role == PROT_DEPUTY &&
				    x->serves_for == NULL;
			else
				take = x->role == PROT_OTHER;
			if (!take)
				continue;
			c->person = x;
			*ok &= blocks(c, n, tail);
		}
		c->person = NULL;
		return true;
	}
	if (strcmp(sel, "justerare") == 0) {
		for (i = 0; i < p->njusterare; i++) {
			c->pname = p->justerare[i];
			c->person = protocol_person(p, p->justerare[i]);
			*ok &= blocks(c, n, tail);
		}
		c->pname = NULL;
		c->person = NULL;
		return true;
	}
	/* paragraph: each §; struck: the items struck from the agenda,
	 * which have none. */
	if (strcmp(sel, "paragraph") == 0 || strcmp(sel, "struck") == 0) {
		for (i = 0; i < p->npars; i++) {
			if (c->only >= 0 && (size_t)c->only != i)
				continue;
			if ((p->pars[i].number == 0) != (sel[0] == 's'))
				continue;
			c->par = &p->pars[i];
			c->it = p->pars[i].index < c->m->nitems ?
			    &c->m->items[p->pars[i].index] : NULL;
			*ok &= blocks(c, n, tail);
		}
		c->par = q;
		c->it = saved_it;
		return true;
	}
	if (q == NULL)
		return false;
	if (strcmp(sel, "recipient") == 0) {
		for (i = 0; i < q->nrecipients; i++) {
			c->line = q->recipients[i];
			*ok &= blocks(c, n, tail);
		}
		c->line = NULL;
		return true;
	}
	if (strcmp(sel, "jav") == 0) {
		v = q->jav;
		nv = q->njav;
	} else if (strcmp(sel, "motion") == 0) {
		v = q->motions;
		nv = q->nmotions;
	} else if (strcmp(sel, "reservation") == 0) {
		v = q->reservations;
		nv = q->nreservations;
	} else if (strcmp(sel, "note") == 0) {
		v = q->notes;
		nv = q->nnotes;
	} else
		return false;
	for (i = 0; i < nv; i++) {
		c->said = &v[i];
		*ok &= blocks(c, n, tail);
	}
	c->said = NULL;
	return true;
}

static int
for_each(struct ctx *c, xmlNodePtr n, struct block ***tail)
{
	char	*sel = xml_attr(n, "select");
	size_t	 i;
	int	 ok = 1;

	const struct session *saved_s = c->s;
	const struct agenda_item *saved_it = c->it;

	/* A loop inside an item's document leaves the item as it was. */
	if (sel && strcmp(sel, "session") == 0) {
		for (i = 0; i < c->m->nsessions; i++) {
			c->s = &c->m->sessions[i];
			ok &= blocks(c, n, tail);
		}
		c->s = saved_s;
	} else if (sel && strcmp(sel, "item") == 0) {
		for (i = 0; i < c->m->nitems; i++) {
			c->it = &c->m->items[i];
			ok &= blocks(c, n, tail);
		}
		c->it = saved_it;
	} else if (sel && c->doc != NULL && strcmp(sel, "signer") == 0) {
		for (i = 0; i < c->doc->nsigners; i++) {
			c->signer = &c->doc->signers[i];
			ok &= blocks(c, n, tail);
		}
		c->signer = NULL;
	} else if (sel && c->doc != NULL && strcmp(sel, "address") == 0) {
		for (i = 0; i < c->doc->naddress; i++) {
			c->line = c->doc->address[i];
			ok &= blocks(c, n, tail);
		}
		c->line = NULL;
	} else if (sel && (strcmp(sel, "slot") == 0 ||
	    strcmp(sel, "sub") == 0)) {
		const struct program_slot *saved = c->slot, *v = NULL;
		size_t	 nv = 0;

		if (strcmp(sel, "sub") == 0 && saved != NULL) {
			v = saved->sub;
			nv = saved->nsub;
		} else if (strcmp(sel, "slot") == 0 && c->doc != NULL &&
		    c->doc->program != NULL) {
			v = c->doc->program->slots;
			nv = c->doc->program->nslots;
		}
		for (i = 0; i < nv; i++) {
			c->slot = &v[i];
			ok &= blocks(c, n, tail);
		}
		c->slot = saved;
	} else if (sel && c->pr != NULL && prot_for_each(c, n, sel, &ok,
	    tail)) {
		/* done */
	} else {
		diag(DIAG_ERROR, tmpl_file(c->t, n), (int)xmlGetLineNo(n), 0,
		    "<for-each select=\"%s\">: use session or item (signer, "
		    "address and slot in a document, sub in a slot; member, "
		    "serving-deputy, deputy, other, justerare, paragraph and "
		    "struck in a protocol, jav, motion, reservation, note and "
		    "recipient in a paragraph)", sel ? sel : "");
		ok = 0;
	}
	free(sel);
	return ok;
}

/* A cell of the vote table. */
static void
vote_cell(struct table_row *row, size_t col, const struct style *st,
    const char *text, struct srcpos pos, enum cell_align align)
{
	struct table_cell *cell = &row->cells[col];

	cell->col = col;
	cell->colspan = cell->rowspan = 1;
	cell->align = align;
	cell->pos = pos;
	if (text != NULL && *text != '\0')
		cell->blocks = text_para(st, text, pos);
}

/* The vote as a table: a row per ballot, a cross under ja, nej or
 * avstår, then the sums. */
static struct block *
vote_table(const struct ctx *c, const struct prot_vote *v,
    const struct style *tst, const struct style *head,
    const struct style *cell)
{
	static const char *const heads[] = {
		"Ledamot", "Ja", "Nej", "Avstår"
	};
	struct table *t = xcalloc(1, sizeof(*t));
	struct block *b;
	size_t	 i, k;
	char	 num[16];

	t->ncols = 4;
	t->cols = xcalloc(4, sizeof(*t->cols));
	t->cols[0].weight = 1;
	t->cols[0].wrap = true;
	for (k = 1; k < 4; k++)
		t->cols[k].align = CELL_CENTER;
	t->nrows = v->nballots + 2;
	t->rows = xcalloc(t->nrows, sizeof(*t->rows));
	t->nhead = 1;
	t->pos = v->pos;
	t->style = tst;
	for (i = 0; i < t->nrows; i++) {
		struct table_row *row = &t->rows[i];

		row->role = i == 0 ? ROW_HEAD : i + 1 == t->nrows ?
		    ROW_TOTAL : ROW_DATA;
		row->style = i == 0 ? head : NULL;
		row->ncells = 4;
		row->cells = xcalloc(4, sizeof(*row->cells));
		row->pos = i > 0 && i <= v->nballots ? v->ballots[i - 1].pos :
		    v->pos;
		for (k = 0; k < 4; k++) {
			const char *text = NULL;
			char	*name = NULL;

			if (i == 0)
				text = heads[k];
			else if (i <= v->nballots && k == 0)
				text = name = pname(c, v->ballots[i - 1].member);
			else if (i <= v->nballots)
				text = (size_t)v->ballots[i - 1].vote + 1 == k ?
				    "X" : NULL;
			else if (k == 0)
				text = "Summa";
			else {
				snprintf(num, sizeof(num), "%d",
				    v->count[k - 1]);
				text = num;
			}
			vote_cell(row, k, i == 0 ? head : cell, text, row->pos,
			    k == 0 ? CELL_LEFT : CELL_CENTER);
			free(name);
		}
	}
	b = block_new(BLOCK_TABLE);
	b->table = t;
	b->style = tst;
	b->pos = t->pos;
	return b;
}

/* <decision/>, <case-recipients/>, <votes/> in a protocol's paragraph. */
static int
prot_block(struct ctx *c, xmlNodePtr n, struct block ***tail)
{
	const struct prot_paragraph *q = c->par;
	const struct casefile *cs = c->it != NULL ? c->it->cs : NULL;
	const struct style *st;
	const struct block *src = NULL;
	const struct section *sec = NULL;
	struct block *b;
	int	 ok = 1;

	if (q == NULL) {
		diag(DIAG_ERROR, tmpl_file(c->t, n), (int)xmlGetLineNo(n), 0,
		    "<%s> belongs in <for-each select=\"paragraph\"> of a "
		    "protocol", (const char *)n->name);
		return 0;
	}
	st = need_style(c, n, &ok);
	if (!ok)
		return 0;
	if (xml_is(n, "votes")) {
		const struct style *head, *cell;
		char	*v;

		v = xml_attr(n, "head-style");
		head = tmpl_style(c->t, v);
		free(v);
		v = xml_attr(n, "cell-style");
		cell = tmpl_style(c->t, v);
		free(v);
		if (head == NULL || cell == NULL) {
			diag(DIAG_ERROR, tmpl_file(c->t, n),
			    (int)xmlGetLineNo(n), 0, "<votes>: head-style and "
			    "cell-style must name styles that are defined");
			return 0;
		}
		if (q->vote == NULL)
			return 1;
		**tail = vote_table(c, q->vote, st, head, cell);
		*tail = &(**tail)->next;
		return 1;
	}
	if (xml_is(n, "decision")) {
		if (q->outcome != OUTCOME_DECISION)
			return 1;
		if (q->decision != NULL) {
			**tail = blocks_clone(q->decision);
			for (b = **tail; b != NULL; b = b->next) {
				b->style = st;
				*tail = &b->next;
			}
			return 1;
		}
		sec = cs ? &cs->sections[SECTION_PROPOSAL] : NULL;
	} else {
		if (q->nrecipients > 0)
			return 1;
		sec = cs ? &cs->sections[SECTION_RECIPIENTS] : NULL;
	}
	src = sec != NULL && sec->present ? sec->blocks : NULL;
	if (src != NULL && xml_is(n, "decision"))
		src = proposal_as_decision(src, c->m->body);
	if (src == NULL)
		return 1;
	if (c->cm == NULL) {
		diag(DIAG_ERROR, tmpl_file(c->t, n), (int)xmlGetLineNo(n), 0,
		    "no <content> map for the protocol: name one with "
		    "content=\"\" on <document>");
		return 0;
	}
	/* The case's own text, single-sourced: styled as case text is. */
	**tail = tmpl_style_blocks(c->cm, src, 0);
	fix_links(c, **tail);
	tmpl_notes(c->t, c->cm, **tail, cs, cs->notes);
	while (**tail)
		*tail = &(**tail)->next;
	return 1;
}

static int
blocks(struct ctx *c, xmlNodePtr parent, struct block ***tail)
{
	xmlNodePtr n;
	struct block *b;
	bool	 truth;
	int	 ok = 1;

	for (n = xmlFirstElementChild(parent); n != NULL;
	    n = xmlNextElementSibling(n)) {
		if (xml_is(n, "p") || xml_is(n, "h"))
			ok &= paragraph(c, n, tail);
		else if (xml_is(n, "for-each"))
			ok &= for_each(c, n, tail);
		else if (xml_is(n, "if") || xml_is(n, "unless")) {
			ok &= condition(c, n, &truth);
			if (truth)
				ok &= blocks(c, n, tail);
		} else if (xml_is(n, "section"))
			ok &= section(c, n, tail);
		else if (xml_is(n, "body"))
			ok &= body(c, n, tail);
		else if (xml_is(n, "toc"))
			ok &= toc(c, n, tail);
		else if (xml_is(n, "signers"))
			ok &= signers(c, n, tail);
		else if (xml_is(n, "grid"))
			ok &= grid(c, n, tail);
		else if (xml_is(n, "decision") ||
		    xml_is(n, "case-recipients") || xml_is(n, "votes"))
			ok &= prot_block(c, n, tail);
		else if (xml_is(n, "page-break") || xml_is(n, "rule")) {
			b = block_new(xml_is(n, "rule") ? BLOCK_RULE :
			    BLOCK_PAGEBREAK);
			b->pos.file = tmpl_file(c->t, n);
			b->pos.line = (int)xmlGetLineNo(n);
			b->style = c->t->cmap.rule;
			if (xmlHasProp(n, (const xmlChar *)"style"))
				b->style = need_style(c, n, &ok);
			**tail = b;
			*tail = &b->next;
		}
	}
	return ok;
}

static char *
running_string(const struct ctx *c, xmlNodePtr where, const char *s, int *ok)
{
	struct ctx rc = *c;

	rc.running = true;
	return expand_string(&rc, where, s, ok);
}

/* A logo printed in the template's box (stretched to it) at under
 * LOGO_MIN_DPI prints blurred: a warning at the profile's <logo>,
 * with the pixels it would need at LOGO_GOOD_DPI. */
#define LOGO_MIN_DPI	150
#define LOGO_GOOD_DPI	300
static void
logo_resolution(const struct organisation *o, const struct page_style *ps)
{
	double	 wi = ps->logo_w / 72.0, hi = ps->logo_h / 72.0;
	double	 dpi = o->logo_w / wi;

	if (o->logo_h / hi < dpi)
		dpi = o->logo_h / hi;
	if (o->logo_w == 0 || o->logo_h == 0 || dpi >= LOGO_MIN_DPI)
		return;	/* (a damaged PNG is the writer's error) */
	diag(DIAG_WARNING, o->logo_pos.file, o->logo_pos.line, 0, "the logo "
	    "is %u x %u pixels: printed %.0f x %.0f mm it has %.0f dpi, and "
	    "print needs at least %d; give a PNG of %.0f x %.0f pixels or "
	    "more (%d dpi)", o->logo_w, o->logo_h, wi * 25.4, hi * 25.4, dpi,
	    LOGO_MIN_DPI, ceil(wi * LOGO_GOOD_DPI), ceil(hi * LOGO_GOOD_DPI),
	    LOGO_GOOD_DPI);
}

/* Each part gets its own page style with its header and footer filled
 * in (an item's dnr, say).  Space was reserved, so pointers stay. */
static const struct page_style *
part_page_style(struct ctx *c, xmlNodePtr docnode, int *ok)
{
	struct doc *d = c->t->doc;
	char	*name = xml_attr(docnode, "page-style");
	const struct page_style *base = tmpl_page_style(c->t, name);
	struct page_style *ps;

	if (base == NULL) {
		diag(DIAG_ERROR, tmpl_file(c->t, docnode),
		    (int)xmlGetLineNo(docnode), 0, "page style \"%s\" is not "
		    "defined", name ? name : "");
		free(name);
		*ok = 0;
		return NULL;
	}
	free(name);
	ps = &d->page_styles[d->npage_styles++];
	*ps = *base;
	ps->name = xstrdup(base->name);
	ps->header.left = running_string(c, docnode, base->header.left, ok);
	ps->header.center = running_string(c, docnode, base->header.center, ok);
	ps->header.right = running_string(c, docnode, base->header.right, ok);
	ps->footer.left = running_string(c, docnode, base->footer.left, ok);
	ps->footer.center = running_string(c, docnode, base->footer.center, ok);
	ps->footer.right = running_string(c, docnode, base->footer.right, ok);
	ps->first_header.left = running_string(c, docnode,
	    base->first_header.left, ok);
	ps->first_header.center = running_string(c, docnode,
	    base->first_header.center, ok);
	ps->first_header.right = running_string(c, docnode,
	    base->first_header.right, ok);
	ps->first_footer.left = running_string(c, docnode,
	    base->first_footer.left, ok);
	ps->first_footer.center = running_string(c, docnode,
	    base->first_footer.center, ok);
	ps->first_footer.right = running_string(c, docnode,
	    base->first_footer.right, ok);
	ps->first_footer2.left = running_string(c, docnode,
	    base->first_footer2.left, ok);
	ps->first_footer2.center = running_string(c, docnode,
	    base->first_footer2.center, ok);
	ps->first_footer2.right = running_string(c, docnode,
	    base->first_footer2.right, ok);
	/* The box is the template's; the picture the organisation's. */
	ps->logo = base->logo_w > 0 && base->logo_h > 0 && c->m->org &&
	    c->m->org->logo ? xstrdup(c->m->org->logo) : NULL;
	if (ps->logo != NULL && !c->t->logo_checked) {
		logo_resolution(c->m->org, base);
		c->t->logo_checked = true;
	}
	return ps;
}

static int
make_part(struct ctx *c, xmlNodePtr docnode)
{
	struct doc *d = c->t->doc;
	struct part *p = &d->parts[d->nparts++];
	struct block **tail = &p->blocks;
	int	 ok = 1;

	memset(p, 0, sizeof(*p));
	p->page = part_page_style(c, docnode, &ok);
	p->anchor = expand_attr(c, docnode, "anchor", &ok);
	p->outline = expand_attr(c, docnode, "outline", &ok);
	p->outline_level = c->outline_base > 0 ? c->outline_base : 1;
	ok &= blocks(c, docnode, &tail);
	return ok;
}

/* The template of a document's kind; NULL after reporting. */
static xmlNodePtr
doc_template(struct tmpl *t, const struct document *d)
{
	int	 r = tmpl_doc_kind_role(d->kind);

	if (r == TDOC_UPPFOLJNING && t->docs[r] == NULL)
		r = TDOC_RAPPORT;
	if (t->docs[r] == NULL)
		diag(DIAG_ERROR, t->nxml ? t->path[0] : NULL, 0, 0, "the "
		    "template has no <document role=\"%s\"> for %s: add one, "
		    "or <use href=\"%s\"/>", tmpl_doc_role_name(r),
		    d->path ? d->path : "the document",
		    tmpl_doc_file(d->kind));
	return t->docs[r];
}

/* One document as a part: its body styled and numbered first, then
 * the template filled with it. */
static int
make_doc_part(struct ctx *c, const struct document *d, int outline_base)
{
	xmlNodePtr node = doc_template(c->t, d);
	char	*v, *anchor;
	int	 ok = 1, chapters = 0, marks = 0;

	if (node == NULL)
		return 0;
	c->doc = d;
	c->outline_base = outline_base;
	v = xml_attr(node, "content");
	c->cm = tmpl_cmap(c->t, v);
	if (c->cm == NULL && v != NULL) {
		diag(DIAG_ERROR, tmpl_file(c->t, node),
		    (int)xmlGetLineNo(node), 0, "content=\"%s\": no <content "
		    "name=\"%s\"> is defined", v, v);
		ok = 0;
	}
	free(v);
	c->label = xml_attr(node, "label");
	if ((v = xml_attr(node, "chapters")) != NULL) {
		chapters = atoi(v);
		free(v);
	}
	/* The document may ask for unnumbered headings. */
	if (d->unnumbered)
		chapters = 0;
	if ((v = xml_attr(node, "bookmarks")) != NULL) {
		marks = atoi(v);
		free(v);
	}
	if (ok && d->blocks != NULL && d->kind != DOCUMENT_TJANSTESKRIVELSE) {
		if (c->cm == NULL) {
			diag(DIAG_ERROR, tmpl_file(c->t, node),
			    (int)xmlGetLineNo(node), 0, "no <content> map "
			    "for this document: add <content> or name one "
			    "with content=\"\"");
			ok = 0;
		} else {
			c->body = tmpl_style_blocks(c->cm, d->blocks, 0);
			fix_links(c, c->body);
			tmpl_notes(c->t, c->cm, c->body, d, d->notes);
			anchor = doc_anchor(c->m, d);
			tmpl_number_chapters(c->body, anchor, chapters,
			    marks > 0 ? outline_base + 1 : 0, marks);
			free(anchor);
		}
	}
	if (ok)
		ok &= make_part(c, node);
	/* Its pages are the file's: the template gives the stamp. */
	if (ok && d->kind == DOCUMENT_EXTERNAL) {
		struct part_external *x =
		    &c->t->doc->parts[c->t->doc->nparts - 1].external;

		x->path = d->path;
		x->title = d->title;
		x->pos = d->pos;
		x->pages = d->extpages;
		x->npages = d->nextpages;
		x->text = d->ext_text;
		x->tagged = d->ext_tagged;
	}
	blocks_free(c->body);
	c->body = NULL;
	c->placed = NULL;
	free(c->label);
	c->label = NULL;
	c->doc = NULL;
	return ok;
}

/* <document role="item" flow="...">: "run-on" (the default) runs the
 * items on, one after another, in one part, their documents after all
 * of them; "page" gives every item a part (pages) of its own, its
 * documents right behind it. */
static bool
run_on(const struct tmpl *t)
{
	char	*v = xml_attr(t->item, "flow");
	bool	 r = v == NULL || strcmp(v, "page") != 0;

	free(v);
	return r;
}

/* The items run on in one part: each item's blocks follow the last
 * one's, its first block carrying the item's anchor (the agenda's page
 * reference) and bookmark. */
static int
make_run_on_part(struct ctx *c, xmlNodePtr node)
{
	const struct meeting *m = c->m;
	struct doc *d = c->t->doc;
	struct part *p = &d->parts[d->nparts++];
	struct block **tail = &p->blocks, **start;
	size_t	 i;
	int	 ok = 1;

	memset(p, 0, sizeof(*p));
	c->it = NULL;
	c->outline_base = 1;
	p->page = part_page_style(c, node, &ok);
	p->outline_level = 1;
	for (i = 0; ok && i < m->nitems; i++) {
		if (!item_has_part(&m->items[i]))
			continue;
		c->it = &m->items[i];
		start = tail;
		ok &= blocks(c, node, &tail);
		if (ok && *start != NULL) {
			if ((*start)->anchor == NULL)
				(*start)->anchor = expand_attr(c, node,
				    "anchor", &ok);
			if ((*start)->outline == NULL) {
				(*start)->outline = expand_attr(c, node,
				    "outline", &ok);
				(*start)->outline_level = 1;
			}
		}
	}
	c->it = NULL;
	return ok;
}

/* <document role="divider" use="all">: before every item's documents. */
static bool
divider_all(const struct tmpl *t)
{
	char	*v = xml_attr(t->divider, "use");
	bool	 r = v != NULL && strcmp(v, "all") == 0;

	free(v);
	return r;
}

/* The documents behind item i: the program if it belongs there, then
 * each document its Beslutsunderlag names, each once in the pack.  Run
 * on, they come after all items: the first carries a bookmark for the
 * item, under which theirs stand. */
static int
item_documents(struct ctx *c, size_t i, bool *placed, bool group)
{
	const struct meeting *m = c->m;
	const struct agenda_item *it = &m->items[i];
	struct doc *d = c->t->doc;
	size_t	 j, k, first = d->nparts;
	int	 ok = 1;

	c->it = it;
	if (c->t->divider != NULL && (it->ndocs > 0 ||
	    (m->program != NULL && m->program_item == it->number)) &&
	    (it->divider || divider_all(c->t))) {
		c->outline_base = 2;
		ok &= make_part(c, c->t->divider);
	}
	if (ok && m->program != NULL && m->program_item == it->number)
		ok &= make_doc_part(c, m->program, 2);
	for (k = 0; ok && k < it->ndocs; k++) {
		for (j = 0; j < m->ndocuments; j++)
			if (m->documents[j] == it->docs[k])
				break;
		if (j < m->ndocuments && placed[j])
			continue;
		if (j < m->ndocuments)
			placed[j] = true;
		ok &= make_doc_part(c, it->docs[k], 2);
	}
	if (ok && group && d->nparts > first) {
		c->it = it;
		d->parts[first].group_outline = expand_attr(c, c->t->item,
		    "documents-outline", &ok);
		if (d->parts[first].group_outline == NULL)
			d->parts[first].group_outline = xasprintf("%d. %s",
			    it->number, nz(it->title));
	}
	return ok;
}

struct doc *
template_pack(const struct meeting *m, const char *template_dir,
    const char *schema_dir)
{
	struct tmpl t;
	struct ctx c;
	char	*path, *schema;
	size_t	 i, nparts = 1;
	bool	*placed;
	int	 ok = 1;

	memset(&t, 0, sizeof(t));
	t.doc = xcalloc(1, sizeof(*t.doc));
	t.dir = template_dir;
	path = xasprintf("%s/pack.xml", template_dir);
	schema = xasprintf("%s/template.rng", schema_dir);
	ok = tmpl_load_file(&t, path, schema) && tmpl_collect(&t);
	free(path);
	free(schema);
	if (ok && (t.pack == NULL || t.item == NULL)) {
		diag(DIAG_ERROR, t.path[0], 0, 0, "the template needs a "
		    "<document role=\"pack\"> and a <document role=\"item\">");
		ok = 0;
	}
	if (!ok)
		goto out;

	for (i = 0; i < m->nitems; i++)
		if (item_has_part(&m->items[i]))
			nparts += 2 + m->items[i].ndocs;
	nparts += 1 + (m->program != NULL);
	t.doc->parts = xcalloc(nparts, sizeof(*t.doc->parts));
	t.doc->page_styles = xrealloc(t.doc->page_styles,
	    (t.doc->npage_styles + nparts) * sizeof(*t.doc->page_styles));

	memset(&c, 0, sizeof(c));
	c.t = &t;
	c.m = m;
	c.cm = &t.cmap;
	if (t.metadata != NULL) {
		t.doc->title = expand_attr(&c, t.metadata, "title", &ok);
		t.doc->subject = expand_attr(&c, t.metadata, "subject", &ok);
		t.doc->author = expand_attr(&c, t.metadata, "author", &ok);
		t.doc->lang = expand_attr(&c, t.metadata, "lang", &ok);
	}
	if (t.doc->lang == NULL)
		t.doc->lang = xstrdup("sv-SE");
	t.doc->date = xstrdup(m->date);
	ok &= make_part(&c, t.pack);
	/* The program of the day right after the agenda; each item's
	 * documents behind it, in its Beslutsunderlag order, each once. */
	if (ok && m->program != NULL && m->program_item == 0)
		ok &= make_doc_part(&c, m->program, 1);
	placed = xcalloc(m->ndocuments + 1, sizeof(*placed));
	if (ok && run_on(&t)) {
		c.cm = &t.cmap;
		ok &= make_run_on_part(&c, t.item);
		for (i = 0; ok && i < m->nitems; i++)
			if (item_has_part(&m->items[i]))
				ok &= item_documents(&c, i, placed, true);
	} else
		for (i = 0; ok && i < m->nitems; i++) {
			if (!item_has_part(&m->items[i]))
				continue;
			c.it = &m->items[i];
			c.cm = &t.cmap;
			c.outline_base = 1;
			ok &= make_part(&c, t.item);
			ok &= ok && item_documents(&c, i, placed, false);
		}
	free(placed);
out:
	for (i = 0; i < t.nxml; i++) {
		xmlFreeDoc(t.xml[i]);
		free(t.path[i]);
	}
	tmpl_free_cmaps(&t);
	if (!ok) {
		doc_free(t.doc);
		return NULL;
	}
	return t.doc;
}

struct doc *
template_document(const struct meeting *m, const struct document *d,
    const char *template_dir, const char *schema_dir)
{
	struct tmpl t;
	struct ctx c;
	char	*path, *schema;
	size_t	 i;
	int	 ok = 1;

	memset(&t, 0, sizeof(t));
	t.doc = xcalloc(1, sizeof(*t.doc));
	t.dir = template_dir;
	path = xasprintf("%s/%s", template_dir, tmpl_doc_file(d->kind));
	schema = xasprintf("%s/template.rng", schema_dir);
	ok = tmpl_load_file(&t, path, schema) && tmpl_collect(&t);
	free(path);
	free(schema);
	if (!ok)
		goto out;
	t.doc->parts = xcalloc(1, sizeof(*t.doc->parts));
	t.doc->page_styles = xrealloc(t.doc->page_styles,
	    (t.doc->npage_styles + 1) * sizeof(*t.doc->page_styles));
	memset(&c, 0, sizeof(c));
	c.t = &t;
	c.m = m;
	c.single = true;
	ok = make_doc_part(&c, d, 1);
	if (ok) {
		const xmlNodePtr node = doc_template(&t, d);
		char	*label = xml_attr(node, "label");

		t.doc->title = xstrdup(d->title ? d->title : "");
		t.doc->subject = label ? label : xstrdup("");
		t.doc->author = xstrdup(m->org && m->org->name ? m->org->name :
		    m->organisation ? m->organisation : "");
		t.doc->lang = xstrdup("sv-SE");
		t.doc->date = xstrdup(d->date ? d->date : m->date ? m->date :
		    "2000-01-01");
	}
out:
	for (i = 0; i < t.nxml; i++) {
		xmlFreeDoc(t.xml[i]);
		free(t.path[i]);
	}
	tmpl_free_cmaps(&t);
	if (!ok) {
		doc_free(t.doc);
		return NULL;
	}
	return t.doc;
}

/* Loads protokoll.xml of the template folder into t; 0 after
 * reporting. */
static int
prot_template(struct tmpl *t, const char *template_dir,
    const char *schema_dir)
{
	char	*path, *schema;
	int	 ok;

	memset(t, 0, sizeof(*t));
	t->doc = xcalloc(1, sizeof(*t->doc));
	t->dir = template_dir;
	path = xasprintf("%s/protokoll.xml", template_dir);
	schema = xasprintf("%s/template.rng", schema_dir);
	ok = tmpl_load_file(t, path, schema) && tmpl_collect(t);
	free(path);
	free(schema);
	if (ok && t->protocol == NULL) {
		diag(DIAG_ERROR, t->path[0], 0, 0, "the template needs a "
		    "<document role=\"protokoll\">");
		ok = 0;
	}
	return ok;
}

static void
tmpl_release(struct tmpl *t)
{
	size_t	 i;

	for (i = 0; i < t->nxml; i++) {
		xmlFreeDoc(t->xml[i]);
		free(t->path[i]);
	}
	tmpl_free_cmaps(t);
}

struct template_charts {
	struct tmpl	 t;
};

struct template_charts *
template_charts_new(const char *template_dir, const char *schema_dir)
{
	struct template_charts *tc = xcalloc(1, sizeof(*tc));
	char	*path, *schema;
	int	 ok;

	tc->t.doc = xcalloc(1, sizeof(*tc->t.doc));
	tc->t.dir = template_dir;
	path = xasprintf("%s/pack.xml", template_dir);
	schema = xasprintf("%s/template.rng", schema_dir);
	ok = tmpl_load_file(&tc->t, path, schema) && tmpl_collect(&tc->t);
	free(path);
	free(schema);
	if (!ok) {
		template_charts_free(tc);
		return NULL;
	}
	return tc;
}

struct chart *
template_chart(const struct template_charts *tc, const struct block *ref,
    bool *by_rows, bool *pct)
{
	return tmpl_figure_chart(&tc->t.fmap, ref, by_rows, pct);
}

void
template_charts_free(struct template_charts *tc)
{
	if (tc == NULL)
		return;
	tmpl_release(&tc->t);
	doc_free(tc->t.doc);
	free(tc);
}

int
template_protocol_rules(const char *template_dir, const char *schema_dir,
    int *justering_days)
{
	struct tmpl t;
	int	 ok = prot_template(&t, template_dir, schema_dir);

	*justering_days = t.justering_days;
	tmpl_release(&t);
	doc_free(t.doc);
	return ok;
}

struct doc *
template_protocol(const struct meeting *m, const struct protocol *p,
    long only, const char *template_dir, const char *schema_dir)
{
	struct tmpl t;
	struct ctx c;
	char	*v;
	int	 ok;

	if (!(ok = prot_template(&t, template_dir, schema_dir)))
		goto out;
	t.doc->parts = xcalloc(1, sizeof(*t.doc->parts));
	t.doc->page_styles = xrealloc(t.doc->page_styles,
	    (t.doc->npage_styles + 1) * sizeof(*t.doc->page_styles));
	memset(&c, 0, sizeof(c));
	c.t = &t;
	c.m = m;
	c.pr = p;
	c.only = only;
	c.outline_base = 1;
	v = xml_attr(t.protocol, "content");
	c.cm = tmpl_cmap(&t, v);
	free(v);
	if (t.metadata != NULL) {
		t.doc->title = expand_attr(&c, t.metadata, "title", &ok);
		t.doc->subject = expand_attr(&c, t.metadata, "subject", &ok);
		t.doc->author = expand_attr(&c, t.metadata, "author", &ok);
		t.doc->lang = expand_attr(&c, t.metadata, "lang", &ok);
	}
	if (t.doc->lang == NULL)
		t.doc->lang = xstrdup("sv-SE");
	t.doc->date = xstrdup(p->justering_date != NULL ? p->justering_date :
	    m->date);
	ok &= make_part(&c, t.protocol);
out:
	tmpl_release(&t);
	if (!ok) {
		doc_free(t.doc);
		return NULL;
	}
	return t.doc;
}

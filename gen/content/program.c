/*
 * The program for the meeting day (program.xml, named by meeting.xml's
 * <program file="..."/>): time slots with topics and presenters,
 * sub-points with presenters of their own, breaks, the closed part and
 * a closing notice for the public.  Validated against program.rng, then
 * the times are checked: they follow each other and fall within the
 * meeting's sessions.
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "../util/xml.h"
#include "extern.h"

/* A day has far fewer; this bounds hostile input. */
#define PROGRAM_MAX_SLOTS	200
#define PROGRAM_MAX_POINTS	50
#define PROGRAM_MAX_PRESENTERS	10

struct pload {
	const char	*file;
	const char	*data;		/* the file as read, for columns */
	size_t		 len;
	const struct meeting *m;
	struct program	*p;
	const char	*last;		/* time of the slot before */
	int		 lastline;
	bool		 capped;
	char		*day;		/* a <day> heading for the next slot */
	int		 dayline;
	bool		 later;		/* a day after the meeting day */
};

/* Topic and presenters of a slot or a point. */
static void
slot_body(struct pload *pl, struct program_slot *s, xmlNodePtr n)
{
	xmlNodePtr c;

	for (c = xmlFirstElementChild(n); c != NULL;
	    c = xmlNextElementSibling(c)) {
		if (xml_is(c, "topic")) {
			free(s->topic);
			s->topic = content_xml_text(c);
		} else if (xml_is(c, "presenter")) {
			if (s->npresenters >= PROGRAM_MAX_PRESENTERS) {
				diag(DIAG_ERROR, pl->file, xml_line(c), 0, "more "
				    "than %d presenters for one point: name "
				    "the group instead",
				    PROGRAM_MAX_PRESENTERS);
				return;
			}
			s->presenters = xrealloc(s->presenters,
			    (s->npresenters + 1) * sizeof(*s->presenters));
			s->presenters[s->npresenters++] = content_xml_text(c);
		} else if (xml_is(c, "point")) {
			struct program_slot *sub;

			if (s->nsub >= PROGRAM_MAX_POINTS) {
				diag(DIAG_ERROR, pl->file, xml_line(c), 0, "more "
				    "than %d sub-points: split the slot",
				    PROGRAM_MAX_POINTS);
				return;
			}
			s->sub = xrealloc(s->sub, (s->nsub + 1) *
			    sizeof(*s->sub));
			sub = &s->sub[s->nsub++];
			memset(sub, 0, sizeof(*sub));
			sub->pos.file = pl->file;
			sub->pos.line = xml_line(c);
			slot_body(pl, sub, c);
		}
	}
}

/* Column of the time="..." value on line `line', or 0. */
static int
time_col(const struct pload *pl, int line)
{
	const char *p, *nl, *t;

	if ((p = text_find_line(pl->data, pl->len, line, &nl)) == NULL)
		return 0;
	for (t = p; t + 6 <= nl; t++)
		if (memcmp(t, "time=", 5) == 0 && (t[5] == '"' || t[5] == '\''))
			return (int)utf8_length(p, (size_t)(t + 6 - p)) + 1;
	return 0;
}

/* Minutes since midnight of "HH.MM" (the schema has checked it). */
static int
minutes(const char *t)
{
	return ((t[0] - '0') * 10 + (t[1] - '0')) * 60 +
	    (t[3] - '0') * 10 + (t[4] - '0');
}

/*
 * A time must come after the one before, and fall within the meeting:
 * not before the first session starts or after the last one ends.  A
 * slot between two sessions (other than a break) and a slot whose part
 * (open or closed) differs from its session's are warnings.
 */
static void
check_time(struct pload *pl, const struct program_slot *s)
{
	const struct meeting *m = pl->m;
	const struct session *in = NULL;
	int	 t = minutes(s->time), line = s->pos.line;
	int	 col = time_col(pl, line);
	size_t	 i;
	char	 span[16];

	if (pl->last != NULL && t <= minutes(pl->last))
		diag(DIAG_ERROR, pl->file, line, col, "%s is not later than %s "
		    "above it (line %d): put the slots in the order of the "
		    "day", s->time, pl->last, pl->lastline);
	pl->last = s->time;
	pl->lastline = line;
	/* The sessions are the meeting day's: a later day's slots are
	 * not measured against them. */
	if (m == NULL || m->nsessions == 0 || pl->later)
		return;
	for (i = 0; i < m->nsessions; i++) {
		const struct session *se = &m->sessions[i];
		int	 end;

		if (se->start == NULL)
			continue;
		end = se->end != NULL ? minutes(se->end) :
		    i + 1 < m->nsessions && m->sessions[i + 1].start ?
		    minutes(m->sessions[i + 1].start) : 24 * 60;
		if (t >= minutes(se->start) && t < end)
			in = se;
	}
	if (in == NULL) {
		const struct session *first = &m->sessions[0];
		const struct session *last = &m->sessions[m->nsessions - 1];

		if (first->start != NULL && t < minutes(first->start))
			diag(DIAG_ERROR, pl->file, line, col, "%s is before the "
			    "meeting starts (%s, %s): check the time or the "
			    "session in meeting.xml", s->time, first->start,
			    m->manifest);
		else if (last->end != NULL && t >= minutes(last->end))
			diag(DIAG_ERROR, pl->file, line, col, "%s is after the "
			    "meeting ends (%s, %s): check the time or the "
			    "session in meeting.xml", s->time, last->end,
			    m->manifest);
		else if (!s->pause)
			diag(DIAG_WARNING, pl->file, line, col, "%s falls between "
			    "the sessions in meeting.xml: check the time, or "
			    "make it a <pause>", s->time);
		return;
	}
	snprintf(span, sizeof(span), "%s%s%s", in->start, in->end ? "–" :
	    "", in->end ? in->end : "");
	if (in->unstated)
		return;		/* just a place and a time */
	if (s->closed && in->open)
		diag(DIAG_WARNING, pl->file, line, col, "%s is in the closed "
		    "part, but the session at that time (%s) is open: check "
		    "the time or the session", s->time, span);
	else if (!s->closed && !in->open && !s->pause)
		diag(DIAG_WARNING, pl->file, line, col, "%s is in the open "
		    "part, but the session at that time (%s) is closed: put "
		    "the slot inside <closed>", s->time, span);
}

/* <author name="" title="" phone="" email=""/>. */
static void
author(struct pload *pl, xmlNodePtr n)
{
	struct contact *a = &pl->p->author;
	char	*v;

	contact_free(a);
	memset(a, 0, sizeof(*a));
	if ((v = xml_attr(n, "name")) != NULL) {
		a->name = content_typeset(v);
		free(v);
	}
	if ((v = xml_attr(n, "title")) != NULL) {
		a->role = content_typeset(v);
		free(v);
	}
	a->phone = xml_attr(n, "phone");
	a->email = xml_attr(n, "email");
	a->pos.file = pl->file;
	a->pos.line = xml_line(n);
}

static void
entry(struct pload *pl, xmlNodePtr n, bool closed)
{
	struct program *p = pl->p;
	struct program_slot *s;
	xmlNodePtr c;

	if (xml_is(n, "closed")) {
		for (c = n->children; c != NULL; c = c->next)
			if (c->type == XML_ELEMENT_NODE)
				entry(pl, c, true);
		return;
	}
	if (xml_is(n, "title")) {
		p->title = content_xml_text(n);
		return;
	}
	if (xml_is(n, "notice")) {
		p->notice = content_xml_text(n);
		return;
	}
	if (xml_is(n, "time") || xml_is(n, "place")) {
		char	**dst = xml_is(n, "time") ? &p->time : &p->place;

		free(*dst);
		*dst = content_xml_text(n);
		return;
	}
	if (xml_is(n, "author")) {
		author(pl, n);
		return;
	}
	/* A new day: its times start again. */
	if (xml_is(n, "day")) {
		if (pl->day != NULL)
			diag(DIAG_ERROR, pl->file, xml_line(n), 0, "the <day> "
			    "at line %d has no slot: give it its slots, or "
			    "remove it", pl->dayline);
		free(pl->day);
		pl->day = content_xml_text(n);
		/* A day after slots, or after another day, is a later one. */
		pl->later |= p->nslots > 0 || pl->dayline > 0;
		pl->dayline = xml_line(n);
		pl->last = NULL;
		return;
	}
	if (p->nslots >= PROGRAM_MAX_SLOTS) {
		if (!pl->capped)
			diag(DIAG_ERROR, pl->file, xml_line(n), 0, "more than %d "
			    "slots in the program: a day has fewer",
			    PROGRAM_MAX_SLOTS);
		pl->capped = true;
		return;
	}
	p->slots = xrealloc(p->slots, (p->nslots + 1) * sizeof(*p->slots));
	s = &p->slots[p->nslots++];
	memset(s, 0, sizeof(*s));
	s->pos.file = pl->file;
	s->pos.line = xml_line(n);
	s->time = xml_attr(n, "time");
	s->closed = closed;
	s->day = pl->day;
	pl->day = NULL;
	if (xml_is(n, "pause")) {
		s->pause = true;
		s->topic = content_xml_text(n);
	} else
		slot_body(pl, s, n);
	if (s->time != NULL)
		check_time(pl, s);
}

static const struct xml_hint program_hints[] = {
	{ "time", "write the time as HH.MM with two digits each, e.g. 08.30" },
	{ "program", "<program> holds an optional <title>, <author>, <time> "
	    "and <place>, then <day>, <slot>, <pause> and <closed> entries, "
	    "then an optional <notice>" },
	{ "slot", "a <slot time=\"08.30\"> holds <topic>, then <presenter> "
	    "entries, then <point> entries" },
	{ "point", "a <point> holds <topic>, then <presenter> entries" },
	{ NULL, NULL }
};

struct program *
program_parse(const char *path, const char *data, size_t len,
    const struct meeting *m, const char *schema_dir)
{
	struct pload pl;
	xmlDocPtr doc;
	xmlNodePtr n;
	size_t	 errors = diag_errors();

	doc = content_xml_load(path, data, len, schema_dir, "program.rng",
	    program_hints);
	if (doc == NULL)
		return NULL;
	memset(&pl, 0, sizeof(pl));
	pl.file = intern(path);
	pl.data = data;
	pl.len = len;
	pl.m = m;
	pl.p = xcalloc(1, sizeof(*pl.p));
	for (n = xmlDocGetRootElement(doc)->children; n != NULL; n = n->next)
		if (n->type == XML_ELEMENT_NODE)
			entry(&pl, n, false);
	if (pl.day != NULL) {
		diag(DIAG_ERROR, pl.file, pl.dayline, 0, "the <day> has no "
		    "slot after it: give it its slots, or remove it");
		free(pl.day);
	}
	xmlFreeDoc(doc);
	if (diag_errors() > errors) {
		program_free(pl.p);
		return NULL;
	}
	return pl.p;
}

struct document *
program_entry(const struct meeting *m, int line, const char *file,
    const char *schema_dir)
{
	struct document *d;
	struct program *p;
	struct stat st;
	const char *s;
	char	*path, *data;
	size_t	 len;

	if (file == NULL)
		return NULL;		/* the schema requires it */
	for (s = file; *s != '\0'; s += strcspn(s, "/"), s += *s == '/')
		if (strncmp(s, "..", 2) == 0 && (s[2] == '/' || s[2] == '\0'))
			break;
	if (file[0] == '/' || strchr(file, '\\') != NULL ||
	    strchr(file, ':') != NULL || *s != '\0') {
		diag(DIAG_ERROR, m->manifest, line, 0, "program file \"%s\": "
		    "name a file inside the meeting folder, relative to it, "
		    "e.g. \"program.xml\"", file);
		return NULL;
	}
	path = xasprintf("%s/%s", m->dir, file);
	if (stat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
		diag(DIAG_ERROR, m->manifest, line, 0, "program file \"%s\" is "
		    "%s, not a file: name the program's XML file", file,
		    file_kind(st.st_mode));
		free(path);
		return NULL;
	}
	if (stat(path, &st) == -1) {
		diag(DIAG_ERROR, m->manifest, line, 0, "program file \"%s\" "
		    "does not exist: check the name (it is relative to the "
		    "meeting folder)", file);
		free(path);
		return NULL;
	}
	if (!path_inside(m->dir, path)) {
		diag(DIAG_ERROR, m->manifest, line, 0, "program file \"%s\" "
		    "leads outside the meeting folder through a symbolic "
		    "link: copy the file into the folder", file);
		free(path);
		return NULL;
	}
	p = NULL;
	if (file_read(path, CONTENT_MAX_MANIFEST, &data, &len)) {
		p = program_parse(path, data, len, m, schema_dir);
		free(data);
	}
	if (p == NULL) {
		free(path);
		return NULL;
	}
	d = xcalloc(1, sizeof(*d));
	d->kind = DOCUMENT_PROGRAM;
	d->path = path;
	d->title = xstrdup(p->title != NULL ? p->title : "Program");
	d->date = m->date != NULL ? xstrdup(m->date) : NULL;
	/* Its author is the document's: the template's {author-*}. */
	d->author = p->author;
	memset(&p->author, 0, sizeof(p->author));
	d->program = p;
	d->pos.file = intern(path);
	d->pos.line = 1;
	d->pos.col = 1;
	return d;
}

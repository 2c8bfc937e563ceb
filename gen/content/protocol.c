/*
 * The protocol (protokoll.xml in the meeting folder, written after the
 * meeting): validated against protocol.rng, read into struct protocol,
 * then checked against the meeting and the law (protocol_check): names
 * refer to the attendance, who serves when, votes that add up, jäv,
 * ties, § numbers that run on from the body's previous protocol, an
 * outcome for every agenda item, the dates of justering and posting.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "../util/xml.h"
#include "extern.h"

/* Bounds for hostile input; a real protocol has far fewer. */
#define PROT_MAX_PEOPLE		300
#define PROT_MAX_PARS		500
#define PROT_MAX_SAID		100	/* of one kind in one paragraph */
#define PROT_MAX_BALLOTS	300
#define PROT_MAX_CHAIN		60	/* previous protocols followed */

struct pctx {
	const char	*file;		/* interned */
	const char	*data;
	size_t		 len;
	struct protocol	*p;
	bool		 capped;
};

static struct srcpos
at(const struct pctx *c, xmlNodePtr n, const char *attr)
{
	struct srcpos pos;

	pos.file = c->file;
	xml_locate(c->data, c->len, n, attr, &pos.line, &pos.col);
	if (pos.line == 0)
		pos.line = xml_line(n);
	if (pos.col == 0)
		pos.col = 1;
	return pos;
}

static int
minutes(const char *t)
{
	if (t == NULL)
		return PROT_NOTIME;
	return ((t[0] - '0') * 10 + (t[1] - '0')) * 60 +
	    (t[3] - '0') * 10 + (t[4] - '0');
}

static bool
yes(xmlNodePtr n, const char *attr)
{
	char	*v = xml_attr(n, attr);
	bool	 r = v != NULL && strcmp(v, "yes") == 0;

	free(v);
	return r;
}

static void
person(struct pctx *c, xmlNodePtr n, enum prot_role role)
{
	struct protocol *p = c->p;
	struct prot_person *x;
	char	*t;

	if (p->npeople >= PROT_MAX_PEOPLE) {
		if (!c->capped)
			diag(DIAG_ERROR, c->file, xml_line(n), 1, "more than %d "
			    "people in the attendance", PROT_MAX_PEOPLE);
		c->capped = true;
		return;
	}
	p->people = xrealloc(p->people, (p->npeople + 1) * sizeof(*p->people));
	x = &p->people[p->npeople++];
	memset(x, 0, sizeof(*x));
	x->role = role;
	x->pos = at(c, n, NULL);
	x->name = content_xml_attr(n, "name");
	x->party = xml_attr(n, "party");
	x->title = content_xml_attr(n, "role");
	x->paragraphs = content_xml_attr(n, "paragraphs");
	x->absent = yes(n, "absent");
	x->serves_for = content_xml_attr(n, "serves-for");
	x->arrives_at = xml_attr(n, "arrives");
	x->leaves_at = xml_attr(n, "leaves");
	x->arrives = minutes(x->arrives_at);
	x->leaves = minutes(x->leaves_at);
	t = xml_attr(n, "from");
	x->from = minutes(t);
	free(t);
	t = xml_attr(n, "until");
	x->until = minutes(t);
	free(t);
}

static void
said(struct pctx *c, xmlNodePtr n, const char *attr, bool text,
    struct prot_said **v, size_t *nv)
{
	struct prot_said *s;

	if (*nv >= PROT_MAX_SAID) {
		diag(DIAG_ERROR, c->file, xml_line(n), 1, "more than %d <%s> "
		    "in one paragraph", PROT_MAX_SAID, (const char *)n->name);
		return;
	}
	*v = xrealloc(*v, (*nv + 1) * sizeof(**v));
	s = &(*v)[(*nv)++];
	s->by = content_xml_attr(n, attr);
	s->text = NULL;
	s->deputy = content_xml_attr(n, "deputy");
	s->deputy_pos = at(c, n, "deputy");
	if (text) {
		s->text = content_xml_text(n);
		if (s->text != NULL && *s->text == '\0') {
			free(s->text);
			s->text = NULL;
		}
	}
	s->pos = at(c, n, attr);
}

static struct block *
text_block(const char *text, struct srcpos pos)
{
	struct block *b = block_new(BLOCK_PARA);

	b->pos = pos;
	b->spans = span_new(SPAN_TEXT, 0, text);
	b->spans->pos = pos;
	return b;
}

static void
decision(struct pctx *c, struct prot_paragraph *q, xmlNodePtr n)
{
	struct block **tail = &q->decision;
	xmlNodePtr k;
	char	*t;

	for (k = xmlFirstElementChild(n); k != NULL;
	    k = xmlNextElementSibling(k)) {
		t = content_xml_text(k);
		*tail = text_block(t, at(c, k, NULL));
		tail = &(*tail)->next;
		free(t);
	}
	if (q->decision != NULL)
		return;
	t = content_xml_text(n);
	if (t != NULL && *t != '\0')
		q->decision = text_block(t, at(c, n, NULL));
	free(t);
}

static void
vote(struct pctx *c, struct prot_paragraph *q, xmlNodePtr n)
{
	struct prot_vote *v = xcalloc(1, sizeof(*v));
	xmlNodePtr k;
	char	*t;

	q->vote = v;
	v->pos = at(c, n, NULL);
	v->ja = content_xml_attr(n, "ja");
	v->nej = content_xml_attr(n, "nej");
	t = xml_attr(n, "tie");
	v->tie = t == NULL ? TIE_NONE : strcmp(t, "lot") == 0 ? TIE_LOT :
	    TIE_CHAIR;
	free(t);
	t = xml_attr(n, "lot");
	v->lot = t != NULL && strcmp(t, "nej") == 0 ? BALLOT_NEJ : BALLOT_JA;
	if (v->tie == TIE_LOT && t == NULL)
		diag(DIAG_ERROR, c->file, v->pos.line, v->pos.col, "a tie "
		    "decided by lot needs the side drawn: lot=\"ja\" or "
		    "lot=\"nej\"");
	free(t);
	for (k = xmlFirstElementChild(n); k != NULL;
	    k = xmlNextElementSibling(k)) {
		struct prot_ballot *b;

		if (v->nballots >= PROT_MAX_BALLOTS) {
			diag(DIAG_ERROR, c->file, xml_line(k), 1, "more than "
			    "%d ballots in one vote", PROT_MAX_BALLOTS);
			break;
		}
		v->ballots = xrealloc(v->ballots, (v->nballots + 1) *
		    sizeof(*v->ballots));
		b = &v->ballots[v->nballots++];
		b->member = content_xml_attr(k, "member");
		b->pos = at(c, k, "member");
		t = xml_attr(k, "vote");
		b->vote = t == NULL || strcmp(t, "ja") == 0 ? BALLOT_JA :
		    strcmp(t, "nej") == 0 ? BALLOT_NEJ : BALLOT_AVSTAR;
		free(t);
		v->count[b->vote]++;
	}
}

static void
paragraph(struct pctx *c, xmlNodePtr n)
{
	struct protocol *p = c->p;
	struct prot_paragraph *q;
	xmlNodePtr k;
	char	*t;

	if (p->npars >= PROT_MAX_PARS) {
		diag(DIAG_ERROR, c->file, xml_line(n), 1, "more than %d "
		    "paragraphs in one protocol", PROT_MAX_PARS);
		return;
	}
	p->pars = xrealloc(p->pars, (p->npars + 1) * sizeof(*p->pars));
	q = &p->pars[p->npars++];
	memset(q, 0, sizeof(*q));
	q->pos = at(c, n, "item");
	t = xml_attr(n, "item");
	q->item = t != NULL ? atoi(t) : 0;
	free(t);
	t = xml_attr(n, "time");
	q->time = minutes(t);
	free(t);
	q->immediate = yes(n, "immediate");
	for (k = xmlFirstElementChild(n); k != NULL;
	    k = xmlNextElementSibling(k)) {
		if (xml_is(k, "jav"))
			said(c, k, "member", false, &q->jav, &q->njav);
		else if (xml_is(k, "motion"))
			said(c, k, "by", true, &q->motions, &q->nmotions);
		else if (xml_is(k, "reservation"))
			said(c, k, "by", true, &q->reservations,
			    &q->nreservations);
		else if (xml_is(k, "note"))
			said(c, k, "by", true, &q->notes, &q->nnotes);
		else if (xml_is(k, "proposition"))
			q->proposition = content_xml_text(k);
		else if (xml_is(k, "vote"))
			vote(c, q, k);
		else if (xml_is(k, "recipients")) {
			xmlNodePtr r;

			for (r = xmlFirstElementChild(k); r != NULL;
			    r = xmlNextElementSibling(r)) {
				if (q->nrecipients >= PROT_MAX_SAID)
					break;
				q->recipients = xrealloc(q->recipients,
				    (q->nrecipients + 1) *
				    sizeof(*q->recipients));
				q->recipients[q->nrecipients++] =
				    content_xml_text(r);
			}
		} else {
			q->outcome_pos = at(c, k, NULL);
			if (xml_is(k, "decision")) {
				q->outcome = OUTCOME_DECISION;
				decision(c, q, k);
			} else if (xml_is(k, "tabled")) {
				q->outcome = OUTCOME_TABLED;
				q->reason = content_xml_text(k);
			} else if (xml_is(k, "referred-back")) {
				q->outcome = OUTCOME_REFERRED;
				q->reason = content_xml_text(k);
			} else if (xml_is(k, "struck"))
				q->outcome = OUTCOME_STRUCK;
			if (q->reason != NULL && *q->reason == '\0') {
				free(q->reason);
				q->reason = NULL;
			}
		}
	}
}

static const struct xml_hint protocol_hints[] = {
	{ "time", "write the time as HH.MM with two digits each, e.g. 08.30" },
	{ "protocol", "<protocol> holds <attendance>, <justering>, an "
	    "optional <notice>, then one <paragraph item=\"N\"> per agenda "
	    "item" },
	{ "attendance", "<attendance> holds <member> entries, then "
	    "<deputy>, then <other>" },
	{ "paragraph", "a <paragraph item=\"N\"> holds, in this order: "
	    "<jav>, <motion>, <proposition>, <vote>, one of <decision>, "
	    "<tabled>, <referred-back>, <struck>, then <reservation>, "
	    "<note>, <recipients>" },
	{ "vote", "a <vote ja=\"...\" nej=\"...\"> holds one <ballot "
	    "member=\"...\" vote=\"ja|nej|avstår\"/> per serving member" },
	{ NULL, NULL }
};

/* The first § and the number of paragraphs of a protocol file, for the
 * chain of a body's protocols; false if it cannot be read. */
static bool
protocol_span(const char *path, const char *schema_dir, int *first,
    bool *given, int *npars)
{
	xmlDocPtr doc;
	xmlNodePtr n;
	char	*data, *t;
	size_t	 len;

	if (!file_read(path, CONTENT_MAX_MANIFEST, &data, &len))
		return false;
	doc = content_xml_load(path, data, len, schema_dir, "protocol.rng",
	    protocol_hints);
	free(data);
	if (doc == NULL)
		return false;
	n = xmlDocGetRootElement(doc);
	t = xml_attr(n, "first");
	*given = t != NULL;
	*first = t != NULL ? atoi(t) : 1;
	free(t);
	/* A struck item has no §. */
	*npars = 0;
	for (n = xmlFirstElementChild(n); n != NULL;
	    n = xmlNextElementSibling(n)) {
		xmlNodePtr k;

		if (!xml_is(n, "paragraph"))
			continue;
		for (k = xmlFirstElementChild(n); k != NULL &&
		    !xml_is(k, "struck"); k = xmlNextElementSibling(k))
			continue;
		*npars += k == NULL;
	}
	xmlFreeDoc(doc);
	return true;
}

static bool
iso_named(const char *s)
{
	return strlen(s) == 10 && iso_date_valid(s);
}

/* The latest meeting folder of the body (bodydir) before `date' in the
 * same year that has a protocol; NULL if none.  Caller frees. */
static char *
previous_meeting(const char *bodydir, const char *date)
{
	DIR	*d;
	struct dirent *e;
	char	 best[11] = "";
	char	*path;
	struct stat st;

	if ((d = opendir(bodydir)) == NULL)
		return NULL;
	while ((e = readdir(d)) != NULL) {
		if (!iso_named(e->d_name) || strncmp(e->d_name, date, 4) != 0 ||
		    strcmp(e->d_name, date) >= 0 ||
		    strcmp(e->d_name, best) <= 0)
			continue;
		path = xasprintf("%s/%s/%s", bodydir, e->d_name,
		    PROTOCOL_FILE);
		if (stat(path, &st) == 0 && S_ISREG(st.st_mode))
			memcpy(best, e->d_name, 11);
		free(path);
	}
	closedir(d);
	return *best ? xasprintf("%s/%s/%s", bodydir, best, PROTOCOL_FILE) :
	    NULL;
}

/* The last § of the body's protocols up to and including the one at
 * path: its own first § (or the one before's last + 1), plus its
 * paragraphs.  0 if it cannot be known. */
static int
last_number(const char *bodydir, const char *path, const char *schema_dir,
    int depth)
{
	char	*date, *slash, *prev;
	int	 first, npars, before;
	bool	 given;

	if (depth > PROT_MAX_CHAIN ||
	    !protocol_span(path, schema_dir, &first, &given, &npars))
		return 0;
	if (!given) {
		/* ".../BODY/DATE/protokoll.xml": the date of its folder. */
		date = xstrdup(path);
		if ((slash = strrchr(date, '/')) != NULL)
			*slash = '\0';
		slash = strrchr(date, '/');
		prev = previous_meeting(bodydir, slash != NULL ? slash + 1 :
		    date);
		free(date);
		before = prev != NULL ? last_number(bodydir, prev, schema_dir,
		    depth + 1) : 0;
		free(prev);
		first = before + 1;
	}
	return first + npars - 1;
}

/* The body's folder: the one above the meeting folder. */
static char *
body_dir(const char *dir)
{
	return xasprintf("%s/..", dir);
}

struct protocol *
protocol_parse(const char *path, const char *data, size_t len,
    const struct meeting *m, const char *schema_dir)
{
	struct pctx c;
	struct protocol *p;
	xmlDocPtr doc;
	xmlNodePtr root, n, k;
	char	*t;
	size_t	 errors = diag_errors();

	doc = content_xml_load(path, data, len, schema_dir, "protocol.rng",
	    protocol_hints);
	if (doc == NULL)
		return NULL;
	memset(&c, 0, sizeof(c));
	c.file = intern(path);
	c.data = data;
	c.len = len;
	c.p = p = protocol_new();
	p->path = xstrdup(path);
	root = xmlDocGetRootElement(doc);
	t = xml_attr(root, "first");
	p->first_given = t != NULL;
	p->first = t != NULL ? atoi(t) : 1;
	p->first_pos = at(&c, root, "first");
	p->pos = at(&c, root, NULL);
	free(t);
	p->time = content_xml_attr(root, "time");
	p->place = content_xml_attr(root, "place");
	for (n = xmlFirstElementChild(root); n != NULL;
	    n = xmlNextElementSibling(n)) {
		if (xml_is(n, "attendance")) {
			for (k = xmlFirstElementChild(n); k != NULL;
			    k = xmlNextElementSibling(k))
				person(&c, k, xml_is(k, "member") ?
				    PROT_MEMBER : xml_is(k, "deputy") ?
				    PROT_DEPUTY : PROT_OTHER);
		} else if (xml_is(n, "justering")) {
			p->justering_pos = at(&c, n, "date");
			p->justering_date = xml_attr(n, "date");
			p->justering_time = xml_attr(n, "time");
			p->justering_place = content_xml_attr(n, "place");
			for (k = xmlFirstElementChild(n); k != NULL &&
			    p->njusterare < 10; k = xmlNextElementSibling(k)) {
				p->justerare = xrealloc(p->justerare,
				    (p->njusterare + 1) * sizeof(char *));
				p->justerare_pos = xrealloc(p->justerare_pos,
				    (p->njusterare + 1) *
				    sizeof(*p->justerare_pos));
				p->justerare_pos[p->njusterare] =
				    at(&c, k, "name");
				p->justerare[p->njusterare++] =
				    content_xml_attr(k, "name");
			}
		} else if (xml_is(n, "notice")) {
			p->notice_pos = at(&c, n, "posted");
			p->posted = xml_attr(n, "posted");
			p->kept = content_xml_attr(n, "kept");
		} else if (xml_is(n, "paragraph"))
			paragraph(&c, n);
	}
	xmlFreeDoc(doc);
	if (p->justering_date != NULL && !iso_date_valid(p->justering_date)) {
		char	*why = iso_date_problem(p->justering_date, "2026-12-15");

		diag(DIAG_ERROR, c.file, p->justering_pos.line,
		    p->justering_pos.col, "justering date %s: %s",
		    p->justering_date, why);
		free(why);
	}
	if (p->posted != NULL && !iso_date_valid(p->posted)) {
		char	*why = iso_date_problem(p->posted, "2026-12-16");

		diag(DIAG_ERROR, c.file, p->notice_pos.line,
		    p->notice_pos.col, "date posted %s: %s", p->posted, why);
		free(why);
	}
	if (m != NULL)
		p->fullmaktige = m->body != NULL &&
		    strstr(m->body, "ullmäktige") != NULL;
	/* § numbers: by default on from the body's previous protocol. */
	if (m != NULL && m->dir != NULL && m->date != NULL) {
		char	*bd = body_dir(m->dir);

		p->prev_path = previous_meeting(bd, m->date);
		if (p->prev_path != NULL)
			content_path_normalise(p->prev_path);
		if (p->prev_path != NULL)
			p->prev_last = last_number(bd, p->prev_path,
			    schema_dir, 0);
		free(bd);
		if (!p->first_given)
			p->first = p->prev_last + 1;
	}
	{
		size_t	 i;
		int	 when = PROT_NOTIME, next = p->first;

		if (m != NULL && m->nsessions > 0 &&
		    m->sessions[0].start != NULL)
			when = minutes(m->sessions[0].start);
		/* An item struck from the agenda is not dealt with and
		 * gets no §; the numbers run on past it. */
		for (i = 0; i < p->npars; i++) {
			p->pars[i].number = p->pars[i].outcome ==
			    OUTCOME_STRUCK ? 0 : next++;
			if (p->pars[i].time != PROT_NOTIME)
				when = p->pars[i].time;
			p->pars[i].at = when;
			p->pars[i].index = (size_t)-1;
		}
		for (i = 0; m != NULL && i < p->npars; i++) {
			size_t	 k2;

			for (k2 = 0; k2 < m->nitems; k2++)
				if (m->items[k2].number == p->pars[i].item)
					p->pars[i].index = k2;
		}
	}
	if (diag_errors() > errors) {
		protocol_free(p);
		return NULL;
	}
	return p;
}

struct protocol *
protocol_load(const struct meeting *m, const char *schema_dir, bool *none)
{
	struct protocol *p;
	struct stat st;
	char	*path, *data;
	size_t	 len;

	*none = false;
	path = xasprintf("%s/%s", m->dir, PROTOCOL_FILE);
	if (lstat(path, &st) == -1) {
		*none = true;
		free(path);
		return NULL;
	}
	if (!S_ISREG(st.st_mode) && !S_ISLNK(st.st_mode)) {
		diag(DIAG_ERROR, path, 0, 0, "the protocol is not a file: "
		    "write it as %s in the meeting folder", PROTOCOL_FILE);
		free(path);
		return NULL;
	}
	if (!path_inside(m->dir, path)) {
		diag(DIAG_ERROR, path, 0, 0, "the protocol leads outside the "
		    "meeting folder through a symbolic link: copy the file "
		    "into the folder");
		free(path);
		return NULL;
	}
	if (!file_read(path, CONTENT_MAX_MANIFEST, &data, &len)) {
		free(path);
		return NULL;
	}
	p = protocol_parse(path, data, len, m, schema_dir);
	free(data);
	free(path);
	return p;
}

char *
protocol_justering_peek(const char *meeting_dir)
{
	char	*path = xasprintf("%s/%s", meeting_dir, PROTOCOL_FILE);
	char	*data, *at, *end, *r = NULL;
	size_t	 len;

	if (!file_read_quiet(path, CONTENT_MAX_MANIFEST, &data, &len)) {
		free(path);
		return NULL;
	}
	free(path);
	/* <justering ... date="YYYY-MM-DD" ...> */
	if ((at = strstr(data, "<justering")) != NULL &&
	    (end = strchr(at, '>')) != NULL) {
		*end = '\0';
		if ((at = strstr(at, " date=")) != NULL &&
		    (at[6] == '"' || at[6] == '\'') &&
		    strlen(at + 7) >= 10)
			r = xstrndup(at + 7, 10);
	}
	free(data);
	return r;
}

/* ------------------------------------------------------------------ */
/* Checks. */

static bool
present_at(const struct prot_person *x, int t)
{
	if (x->absent)
		return false;
	if (t == PROT_NOTIME)
		return true;
	return (x->arrives == PROT_NOTIME || t >= x->arrives) &&
	    (x->leaves == PROT_NOTIME || t < x->leaves);
}

static bool
serving_deputy_at(const struct prot_person *x, int t)
{
	if (x->role != PROT_DEPUTY || x->serves_for == NULL)
		return false;
	if (t == PROT_NOTIME)
		return true;
	return (x->from == PROT_NOTIME || t >= x->from) &&
	    (x->until == PROT_NOTIME || t < x->until);
}

static const char *
hhmm(int t, char buf[8])
{
	snprintf(buf, 8, "%02d.%02d", (t / 60) % 24, t % 60);
	return buf;
}

static bool
has_jav(const struct prot_paragraph *q, const char *name)
{
	size_t	 i;

	for (i = 0; i < q->njav; i++)
		if (q->jav[i].by != NULL && strcmp(q->jav[i].by, name) == 0)
			return true;
	return false;
}

/* Named to serve in q in the place of someone with jäv. */
static bool
jav_deputy(const struct prot_paragraph *q, const char *name)
{
	size_t	 i;

	for (i = 0; i < q->njav; i++)
		if (q->jav[i].deputy != NULL &&
		    strcmp(q->jav[i].deputy, name) == 0)
			return true;
	return false;
}

/* Serves in paragraph q: a member present and not jäv, or a deputy
 * serving then, for an absent member or for one with jäv in q (and
 * not jäv). */
static bool
serves(const struct prot_person *x, const struct prot_paragraph *q)
{
	if (has_jav(q, x->name))
		return false;
	if (x->role == PROT_MEMBER)
		return present_at(x, q->at);
	return (serving_deputy_at(x, q->at) || jav_deputy(q, x->name)) &&
	    present_at(x, q->at);
}

static void
check_name(const struct protocol *p, const char *name,
    const struct srcpos *pos, const char *what, bool members_only)
{
	const struct prot_person *x = protocol_person(p, name);

	if (x == NULL)
		diag(DIAG_ERROR, pos->file, pos->line, pos->col, "%s \"%s\" "
		    "is not in the attendance: write the name as in "
		    "<attendance>", what, name ? name : "");
	else if (members_only && x->role == PROT_OTHER)
		diag(DIAG_ERROR, pos->file, pos->line, pos->col, "%s \"%s\" "
		    "is not a member or deputy: only they %s", what, name,
		    strcmp(what, "justerare") == 0 ? "approve the protocol" :
		    "take part in the decision");
}

/* A deputy steps in for a member with jäv only if that member would
 * serve then, and only a deputy present and free then does. */
static void
check_jav_deputy(const struct protocol *p, const struct prot_paragraph *q,
    size_t i)
{
	const struct prot_said *j = &q->jav[i];
	const struct srcpos *pos = &j->deputy_pos;
	const struct prot_person *x = protocol_person(p, j->deputy);
	const struct prot_person *y = protocol_person(p, j->by);
	size_t	 k;
	char	 b[8];

	if (x == NULL) {
		check_name(p, j->deputy, pos, "deputy", true);
		return;
	}
	if (x->role != PROT_DEPUTY) {
		diag(DIAG_ERROR, pos->file, pos->line, pos->col, "%s is not a "
		    "deputy: in § %d only a deputy (<deputy> in the "
		    "attendance) can serve in the place of %s", x->name,
		    q->number, j->by);
		return;
	}
	for (k = 0; k < i; k++)
		if (q->jav[k].deputy != NULL &&
		    strcmp(q->jav[k].deputy, x->name) == 0)
			diag(DIAG_ERROR, pos->file, pos->line, pos->col, "%s "
			    "serves in § %d for both %s and %s: one deputy "
			    "serves for one member", x->name, q->number,
			    q->jav[k].by, j->by);
	if (serving_deputy_at(x, q->at))
		diag(DIAG_ERROR, pos->file, pos->line, pos->col, "%s already "
		    "serves for %s in § %d (%s): name a deputy who does not "
		    "serve then", x->name, x->serves_for, q->number,
		    hhmm(q->at, b));
	else if (!present_at(x, q->at))
		diag(DIAG_ERROR, pos->file, pos->line, pos->col, "%s serves "
		    "in § %d (%s) in the place of %s but is absent then: "
		    "check the attendance's times or the § time", x->name,
		    q->number, hhmm(q->at, b), j->by);
	if (y != NULL && y->role != PROT_OTHER && !(y->role == PROT_MEMBER ?
	    present_at(y, q->at) : serving_deputy_at(y, q->at) &&
	    present_at(y, q->at)))
		diag(DIAG_ERROR, pos->file, pos->line, pos->col, "%s has jäv "
		    "in § %d but does not serve then (%s), so no deputy "
		    "serves in the place: remove deputy=\"%s\"", y->name,
		    q->number, hhmm(q->at, b), x->name);
}

static void
check_people(const struct protocol *p, int start)
{
	size_t	 i, k;
	char	 b1[8], b2[8];

	for (i = 0; i < p->npeople; i++) {
		const struct prot_person *x = &p->people[i], *y;
		int	 t;

		for (k = 0; k < i; k++)
			if (strcmp(p->people[k].name, x->name) == 0)
				diag(DIAG_ERROR, x->pos.file, x->pos.line,
				    x->pos.col, "\"%s\" is in the attendance "
				    "twice (also line %d)", x->name,
				    p->people[k].pos.line);
		if (x->arrives != PROT_NOTIME && x->leaves != PROT_NOTIME &&
		    x->leaves <= x->arrives)
			diag(DIAG_ERROR, x->pos.file, x->pos.line, x->pos.col,
			    "%s leaves (%s) before arriving (%s)", x->name,
			    x->leaves_at, x->arrives_at);
		if (x->role != PROT_DEPUTY || x->serves_for == NULL)
			continue;
		y = protocol_person(p, x->serves_for);
		if (y == NULL || y->role != PROT_MEMBER) {
			diag(DIAG_ERROR, x->pos.file, x->pos.line, x->pos.col,
			    "%s serves for \"%s\", who is not a member in "
			    "<attendance>: name the member replaced", x->name,
			    x->serves_for);
			continue;
		}
		/* A deputy serves only while the member is away, and only
		 * while there. */
		t = x->from != PROT_NOTIME ? x->from : start;
		if (present_at(y, t) || (x->until != PROT_NOTIME &&
		    present_at(y, x->until - 1)))
			diag(DIAG_ERROR, x->pos.file, x->pos.line, x->pos.col,
			    "%s serves for %s, who is present then: a deputy "
			    "serves only while the member is away (mark "
			    "the member absent=\"yes\", or give from/until "
			    "times)", x->name, y->name);
		if (!present_at(x, t) || (x->until != PROT_NOTIME &&
		    !present_at(x, x->until - 1)))
			diag(DIAG_ERROR, x->pos.file, x->pos.line, x->pos.col,
			    "%s serves for %s from %s while absent (%s%s%s): "
			    "give the time the service starts with from=\"\" "
			    "or correct the times", x->name, y->name,
			    hhmm(t, b1), x->arrives != PROT_NOTIME ?
			    "arrives " : x->absent ? "absent" : "",
			    x->arrives != PROT_NOTIME ? hhmm(x->arrives, b2) :
			    "", x->leaves != PROT_NOTIME ? ", leaves earlier" :
			    "");
	}
}

static void
check_vote(const struct protocol *p, const struct prot_paragraph *q)
{
	const struct prot_vote *v = q->vote;
	const struct prot_person *x;
	size_t	 i, k, nserving = 0;
	char	 b[8];

	for (i = 0; i < v->nballots; i++) {
		const struct prot_ballot *bl = &v->ballots[i];

		for (k = 0; k < i; k++)
			if (strcmp(v->ballots[k].member, bl->member) == 0)
				diag(DIAG_ERROR, bl->pos.file, bl->pos.line,
				    bl->pos.col, "%s votes twice (also line "
				    "%d)", bl->member, v->ballots[k].pos.line);
		if ((x = protocol_person(p, bl->member)) == NULL) {
			check_name(p, bl->member, &bl->pos, "voter", true);
			continue;
		}
		if (has_jav(q, x->name))
			diag(DIAG_ERROR, bl->pos.file, bl->pos.line, bl->pos.col,
			    "%s votes in § %d but is jäv in it: a member with "
			    "jäv neither deliberates nor votes", x->name,
			    q->number);
		else if (!present_at(x, q->at))
			diag(DIAG_ERROR, bl->pos.file, bl->pos.line, bl->pos.col,
			    "%s votes in § %d (%s) but is absent then: check "
			    "the attendance's times or the § time", x->name,
			    q->number, hhmm(q->at, b));
		else if (!serves(x, q))
			diag(DIAG_ERROR, bl->pos.file, bl->pos.line, bl->pos.col,
			    "%s votes in § %d but does not serve then: only "
			    "members and serving deputies vote", x->name,
			    q->number);
	}
	for (i = 0; i < p->npeople; i++)
		if (p->people[i].role != PROT_OTHER && serves(&p->people[i], q))
			nserving++;
	if (v->nballots != nserving)
		diag(DIAG_ERROR, v->pos.file, v->pos.line, v->pos.col, "the "
		    "vote in § %d has %zu ballots (%d ja, %d nej, %d avstår), "
		    "but %zu members serve then: every serving member "
		    "votes ja, nej or avstår", q->number, v->nballots,
		    v->count[BALLOT_JA], v->count[BALLOT_NEJ],
		    v->count[BALLOT_AVSTAR], nserving);
	if (v->count[BALLOT_JA] != v->count[BALLOT_NEJ])
		return;
	if (p->fullmaktige && v->tie != TIE_LOT)
		diag(DIAG_ERROR, v->pos.file, v->pos.line, v->pos.col, "the "
		    "vote in § %d is a tie (%d–%d): in fullmäktige a tie is "
		    "decided by lot; write tie=\"lot\" and lot=\"ja\" or "
		    "\"nej\"", q->number, v->count[BALLOT_JA],
		    v->count[BALLOT_NEJ]);
	else if (!p->fullmaktige && v->tie != TIE_CHAIR)
		diag(DIAG_ERROR, v->pos.file, v->pos.line, v->pos.col, "the "
		    "vote in § %d is a tie (%d–%d): in a nämnd the chair's "
		    "casting vote decides; write tie=\"chair\"", q->number,
		    v->count[BALLOT_JA], v->count[BALLOT_NEJ]);
	else if (protocol_vote_winner(p, v) < 0)
		diag(DIAG_ERROR, v->pos.file, v->pos.line, v->pos.col, "the "
		    "vote in § %d is a tie decided by the chair's casting "
		    "vote, but the chair (a member with role=\"ordförande\") "
		    "has not voted ja or nej in it", q->number);
}

static void
check_paragraph(const struct protocol *p, const struct meeting *m,
    const struct prot_paragraph *q, int *last_item)
{
	const struct agenda_item *it = q->index < m->nitems ?
	    &m->items[q->index] : NULL;
	size_t	 i;

	if (it == NULL) {
		diag(DIAG_ERROR, q->pos.file, q->pos.line, q->pos.col, "item "
		    "%d is not on the agenda of %s (items 1–%zu)", q->item,
		    m->manifest, m->nitems);
		return;
	}
	if (it->kind == AGENDA_DIVIDER)
		diag(DIAG_ERROR, q->pos.file, q->pos.line, q->pos.col, "item "
		    "%d is a divider (\"%s\"), not an item to decide on: "
		    "leave it out", q->item, it->title ? it->title : "");
	if (q->item <= *last_item)
		diag(DIAG_ERROR, q->pos.file, q->pos.line, q->pos.col, "item "
		    "%d comes after item %d: write one paragraph per item, "
		    "in the order of the agenda", q->item, *last_item);
	*last_item = q->item;
	if (q->outcome == OUTCOME_STRUCK) {
		if (q->njav || q->nmotions || q->proposition || q->vote ||
		    q->nreservations || q->nnotes || q->immediate)
			diag(DIAG_ERROR, q->pos.file, q->pos.line, q->pos.col,
			    "item %d is struck from the agenda, so it was not "
			    "dealt with and has no §: remove its jäv, motions, "
			    "propositionsordning, vote, reservations, notes "
			    "and immediate=\"yes\", or write its outcome "
			    "instead of <struck/>", q->item);
		return;
	}
	switch (q->outcome) {
	case OUTCOME_NONE:
		diag(DIAG_ERROR, q->pos.file, q->pos.line, q->pos.col, "§ %d "
		    "(item %d, \"%s\") has no outcome: write <decision/>, "
		    "<tabled/>, <referred-back> or <struck/>", q->number,
		    q->item, it->title ? it->title : "");
		break;
	case OUTCOME_DECISION:
		/* A case file that could not be read, or a decision case
		 * without its proposal, has been reported: the protocol's
		 * missing proposal is not a second problem. */
		if (q->decision == NULL && !(it->kind == AGENDA_CASE &&
		    it->cs == NULL) && !(it->cs != NULL &&
		    (it->cs->kind == NULL || strcmp(it->cs->kind,
		    "beslut") == 0)) && (it->cs == NULL ||
		    !it->cs->sections[SECTION_PROPOSAL].present))
			diag(DIAG_ERROR, q->outcome_pos.file, q->outcome_pos.line,
			    q->outcome_pos.col, "§ %d: item %d has no "
			    "proposal to decide by: write the decision in "
			    "<decision>", q->number, q->item);
		break;
	default:
		break;
	}
	for (i = 0; i < q->njav; i++) {
		check_name(p, q->jav[i].by, &q->jav[i].pos, "jäv", true);
		if (q->jav[i].deputy != NULL)
			check_jav_deputy(p, q, i);
	}
	for (i = 0; i < q->nmotions; i++)
		check_name(p, q->motions[i].by, &q->motions[i].pos, "motion by",
		    true);
	for (i = 0; i < q->nreservations; i++) {
		const struct prot_person *x;

		check_name(p, q->reservations[i].by, &q->reservations[i].pos,
		    "reservation by", true);
		if ((x = protocol_person(p, q->reservations[i].by)) != NULL &&
		    x->role != PROT_OTHER && !serves(x, q))
			diag(DIAG_ERROR, q->reservations[i].pos.file,
			    q->reservations[i].pos.line,
			    q->reservations[i].pos.col, "%s reserves against "
			    "§ %d but does not take part in the decision: "
			    "only those who do may reserve", x->name,
			    q->number);
	}
	for (i = 0; i < q->nnotes; i++)
		check_name(p, q->notes[i].by, &q->notes[i].pos,
		    "protokollsanteckning by", false);
	if (q->vote != NULL)
		check_vote(p, q);
}

void
protocol_check(const struct protocol *p, const struct meeting *m,
    int justering_days)
{
	size_t	 i, k;
	int	 last_item = 0;
	long	 mday, jday, pday;

	check_people(p, m->nsessions > 0 && m->sessions[0].start != NULL ?
	    minutes(m->sessions[0].start) : 0);
	for (i = 0; i < p->njusterare; i++) {
		const struct prot_person *x = protocol_person(p, p->justerare[i]);

		check_name(p, p->justerare[i], &p->justerare_pos[i],
		    "justerare", true);
		if (x != NULL && x->role != PROT_OTHER && x->absent)
			diag(DIAG_ERROR, p->justerare_pos[i].file,
			    p->justerare_pos[i].line, p->justerare_pos[i].col,
			    "justerare %s is absent from the meeting: choose "
			    "someone who was there", x->name);
	}
	/* § numbers run on through the year from the previous protocol. */
	if (p->first_given && p->prev_last > 0 &&
	    p->first != p->prev_last + 1)
		diag(DIAG_ERROR, p->first_pos.file, p->first_pos.line,
		    p->first_pos.col, "the first § is %d, but the body's "
		    "previous protocol (%s) ends at § %d: %s; write "
		    "first=\"%d\" or leave it out", p->first, p->prev_path,
		    p->prev_last, p->first <= p->prev_last ?
		    "the numbers collide" : "numbers are skipped",
		    p->prev_last + 1);
	for (i = 0; i < p->npars; i++)
		check_paragraph(p, m, &p->pars[i], &last_item);
	/* Every item of the agenda has a paragraph. */
	for (k = 0; k < m->nitems; k++) {
		if (m->items[k].kind == AGENDA_DIVIDER)
			continue;
		for (i = 0; i < p->npars; i++)
			if (p->pars[i].index == k)
				break;
		if (i == p->npars)
			diag(DIAG_ERROR, p->pos.file, p->pos.line, p->pos.col,
			    "agenda item %d (\"%s\") "
			    "has no paragraph: add <paragraph item=\"%d\"> "
			    "with its outcome (<struck/> if it was struck "
			    "from the agenda)", m->items[k].number,
			    m->items[k].title ? m->items[k].title : "",
			    m->items[k].number);
	}
	/* Justering within the template's limit; the notice no later than
	 * the second day after it (kommunallagen 8 kap. 12 §). */
	if (p->justering_date == NULL || !iso_date_valid(p->justering_date) ||
	    m->date == NULL || !iso_date_valid(m->date))
		return;
	mday = iso_date_days(m->date);
	jday = iso_date_days(p->justering_date);
	if (jday < mday)
		diag(DIAG_ERROR, p->justering_pos.file, p->justering_pos.line,
		    p->justering_pos.col, "justering on %s is before the "
		    "meeting (%s)", p->justering_date, m->date);
	else if (justering_days > 0 && jday - mday > justering_days)
		diag(DIAG_ERROR, p->justering_pos.file, p->justering_pos.line,
		    p->justering_pos.col, "justering on %s is %ld days after "
		    "the meeting: the template allows %d; approve the protocol "
		    "sooner", p->justering_date, jday - mday, justering_days);
	if (p->posted == NULL || !iso_date_valid(p->posted))
		return;
	pday = iso_date_days(p->posted);
	if (pday < jday)
		diag(DIAG_ERROR, p->notice_pos.file, p->notice_pos.line,
		    p->notice_pos.col, "the notice is posted on %s, before "
		    "the justering (%s): it announces that the protocol is "
		    "approved", p->posted, p->justering_date);
	else if (pday - jday > 2) {
		char	 last[11];

		days_iso(jday + 2, last);
		diag(DIAG_ERROR, p->notice_pos.file, p->notice_pos.line,
		    p->notice_pos.col, "the notice is posted on %s, %ld days "
		    "after the justering (%s): kommunallagen 8 kap. 12 § wants "
		    "it up by the second day after, %s", p->posted,
		    pday - jday, p->justering_date, last);
	}
}

/* ------------------------------------------------------------------ */
/* The public protocol. */

void
protocol_redact(struct protocol *p, const struct meeting *m)
{
	size_t	 i, k, n;

	for (i = n = 0; i < p->npars; i++) {
		struct prot_paragraph *q = &p->pars[i];

		q->index = (size_t)-1;
		for (k = 0; k < m->nitems; k++)
			if (m->items[k].number == q->item)
				q->index = k;
		if (q->index == (size_t)-1) {
			/* Its item is left out of the public view. */
			prot_paragraph_words_free(q);
			continue;
		}
		if (m->items[q->index].closed) {
			prot_paragraph_words_free(q);
			q->redacted = true;
		}
		p->pars[n++] = *q;
	}
	p->npars = n;
}

/*
 * Register files: the incoming documents (<incoming-documents>) and the
 * delegation decisions (<delegation-decisions>) the secretariat keeps,
 * validated against register.rng.  A case places one in its text with
 * ![](../register/inkomna.xml "register"); the pack shows it there as
 * the numbered lists of the item (grouped by delegate), the site as a
 * register.  Fields may be secret (secret="OSL 25 kap. 1 §").
 */
#include <stdlib.h>
#include <string.h>

#include "../util/xml.h"
#include "extern.h"

struct rload {
	const char	*file;		/* interned */
	const char	*data;
	size_t		 len;
	struct register_file *r;
	size_t		 nentries;
};

/* The digits at *pp, at least 1 and at most max of them; *pp moves
 * past them. */
static bool
digits(const char **pp, int max)
{
	int	 n;

	for (n = 0; **pp >= '0' && **pp <= '9'; (*pp)++, n++)
		;
	return n >= 1 && n <= max;
}

/* The length of the form "OSL N kap. N §" (or "N a §") at the start
 * of g, with the paragraph ("första stycket") and the point ("punkt 2")
 * if they follow; 0 if g does not start with the form. */
static size_t
ground_form(const char *g)
{
	static const char *const ordinal[] = {
		"första", "andra", "tredje", "fjärde", "femte", "sjätte",
		"sjunde", "åttonde", "nionde", "tionde"
	};
	const char *p = g, *q;
	size_t	 i, n;

	if (strncmp(p, "OSL ", 4) != 0)
		return 0;
	p += 4;
	if (!digits(&p, 2) || strncmp(p, " kap. ", 6) != 0)
		return 0;
	p += 6;
	if (!digits(&p, 2))
		return 0;
	if (p[0] == ' ' && p[1] >= 'a' && p[1] <= 'z')
		p += 2;
	if (strncmp(p, " \xc2\xa7", 3) != 0)
		return 0;
	p += 3;
	for (i = 0; i < sizeof(ordinal) / sizeof(ordinal[0]); i++) {
		n = strlen(ordinal[i]);
		if (p[0] == ' ' && strncmp(p + 1, ordinal[i], n) == 0 &&
		    strncmp(p + 1 + n, " stycket", 8) == 0) {
			p += 1 + n + 8;
			break;
		}
	}
	q = p + 7;
	if (strncmp(p, " punkt ", 7) == 0 && digits(&q, 2))
		p = q;
	return (size_t)(p - g);
}

/* The ground is published as the note of what it hides: the form and
 * nothing else. */
bool
secrecy_ground_valid(const char *g)
{
	size_t	 n = ground_form(g);

	return n > 0 && g[n] == '\0';
}

bool
secrecy_ground_check(const char *g, const char *key, const char *file,
    int line, int col, const char *example)
{
	size_t	 n = ground_form(g);

	if (n > 0 && g[n] == '\0')
		return true;
	/* What follows a good ground is not repeated: it may be what the
	 * ground was to hide. */
	if (n > 0)
		diag(DIAG_ERROR, file, line, col, "%s\"%.*s\" is followed by "
		    "other text: the legal ground is published as written, "
		    "so only \"första stycket\" or \"punkt 2\" may follow "
		    "the \"\xc2\xa7\"; say the rest in the text", key,
		    (int)n, g);
	else
		diag(DIAG_ERROR, file, line, col, "%s\"%s\": give the legal "
		    "ground as \"%s\", with \"första stycket\" or "
		    "\"punkt 2\" after it if needed", key, g, example);
	return false;
}

/* Column of the text of the first <tag> that starts on `line', or 0. */
static int
text_col(const struct rload *rl, int line, const char *tag)
{
	const char *p, *nl, *t;
	size_t	 tl = strlen(tag);

	if ((p = text_find_line(rl->data, rl->len, line, &nl)) == NULL)
		return 0;
	for (t = p; t + tl + 1 < nl; t++) {
		if (t[0] != '<' || memcmp(t + 1, tag, tl) != 0 ||
		    (t[tl + 1] != '>' && t[tl + 1] != ' '))
			continue;
		if ((t = memchr(t, '>', (size_t)(nl - t))) == NULL)
			return 0;
		for (t++; t < nl && (*t == ' ' || *t == '\t'); t++)
			;
		return (int)utf8_length(p, (size_t)(t - p)) + 1;
	}
	return 0;
}

static void
field(struct rload *rl, xmlNodePtr n, struct register_field *f)
{
	f->pos.file = rl->file;
	f->pos.line = xml_line(n);
	f->pos.col = text_col(rl, f->pos.line, (const char *)n->name);
	f->text = content_xml_text(n);
	f->secret = xml_attr(n, "secret");
	if (f->secret == NULL)
		return;
	secrecy_ground_check(f->secret, "secret=", rl->file, f->pos.line, 0,
	    "OSL 25 kap. 1 \xc2\xa7");
	f->note = xasprintf("Sekretess enligt %s", f->secret);
}

/* A date attribute: a real calendar date (the schema has the form). */
static char *
date_attr(struct rload *rl, xmlNodePtr n, const char *name)
{
	char	*v = xml_attr(n, name);
	char	*why = v != NULL ? iso_date_problem(v, "2026-11-24") : NULL;

	if (why != NULL)
		diag(DIAG_ERROR, rl->file, xml_line(n), 0, "%s=\"%s\": %s",
		    name, v, why);
	free(why);
	return v;
}

static void
period_check(struct rload *rl, xmlNodePtr n, const char *from,
    const char *to)
{
	if ((from == NULL) != (to == NULL))
		diag(DIAG_ERROR, rl->file, xml_line(n), 0, "a period has both "
		    "from=\"...\" and to=\"...\": write the %s date too, or "
		    "neither", from == NULL ? "first" : "last");
	else if (from != NULL && to != NULL && strcmp(to, from) < 0)
		diag(DIAG_ERROR, rl->file, xml_line(n), 0, "the period ends "
		    "(%s) before it starts (%s): check from and to", to, from);
}

static struct register_entry *
entry_new(struct rload *rl, struct register_group *g, xmlNodePtr n)
{
	struct register_entry *e;
	char	*dnr;

	if (++rl->nentries > CONTENT_MAX_REGISTER) {
		if (rl->nentries == CONTENT_MAX_REGISTER + 1)
			diag(DIAG_ERROR, rl->file, xml_line(n), 0, "more than "
			    "%d entries: split the register", CONTENT_MAX_REGISTER);
		return NULL;
	}
	g->entries = xrealloc(g->entries, (g->nentries + 1) *
	    sizeof(*g->entries));
	e = &g->entries[g->nentries++];
	memset(e, 0, sizeof(*e));
	e->number = (int)g->nentries;
	e->pos.file = rl->file;
	e->pos.line = xml_line(n);
	e->date = date_attr(rl, n, "date");
	e->from = date_attr(rl, n, "from");
	e->to = date_attr(rl, n, "to");
	period_check(rl, n, e->from, e->to);
	if ((dnr = xml_attr(n, "dnr")) != NULL && !dnr_valid(dnr))
		diag(DIAG_ERROR, rl->file, e->pos.line, 0, "dnr \"%s\" is not "
		    "SERIES/NUMBER/YEAR: write it as RS/1234/2026", dnr);
	e->dnr = dnr;
	return e;
}

/* The schema allows each part once: the array cannot overflow. */
static void
add_part(struct register_entry *e, enum register_part p)
{
	if (e->nparts < REGISTER_PART__MAX)
		e->parts[e->nparts++] = p;
}

/* The entry's parts in the order the file gives them, and its
 * sub-entries. */
static void
entry_fields(struct rload *rl, struct register_entry *e, xmlNodePtr n)
{
	xmlNodePtr c;

	for (c = xmlFirstElementChild(n); c != NULL;
	    c = xmlNextElementSibling(c)) {
		if (xml_is(c, "type")) {
			free(e->type);
			e->type = content_xml_text(c);
			add_part(e, REGISTER_PART_TYPE);
		} else if (xml_is(c, "sender")) {
			field(rl, c, &e->sender);
			add_part(e, REGISTER_PART_SENDER);
		} else if (xml_is(c, "title")) {
			field(rl, c, &e->title);
			add_part(e, REGISTER_PART_TITLE);
		} else if (xml_is(c, "sub")) {
			e->subs = xrealloc(e->subs, (e->nsubs + 1) *
			    sizeof(*e->subs));
			memset(&e->subs[e->nsubs], 0, sizeof(*e->subs));
			field(rl, c, &e->subs[e->nsubs++]);
		}
	}
}

static struct register_group *
group_new(struct register_file *r, const char *file, xmlNodePtr n)
{
	struct register_group *g;

	r->groups = xrealloc(r->groups, (r->ngroups + 1) * sizeof(*r->groups));
	g = &r->groups[r->ngroups++];
	memset(g, 0, sizeof(*g));
	g->pos.file = file;
	g->pos.line = xml_line(n);
	return g;
}

static const struct xml_hint register_hints[] = {
	{ "date", "the date must be written YYYY-MM-DD, e.g. 2026-11-24" },
	{ "from", "write the date as YYYY-MM-DD, e.g. 2026-10-27" },
	{ "to", "write the date as YYYY-MM-DD, e.g. 2026-11-25" },
	{ "secret", "give the legal ground as \"OSL 25 kap. 1 \xc2\xa7\", with "
	    "\"första stycket\" or \"punkt 2\" after it if needed" },
	{ "document", "a <document> holds a <title>, an optional <type> and "
	    "<sender> (each once, in the order they are to print), then "
	    "<sub> lines; date, dnr and type attributes are optional" },
	{ "decision", "a <decision> has an optional date=\"...\", from=\"...\" "
	    "and to=\"...\" together, an optional dnr, a <title> and then "
	    "<sub> lines" },
	{ "delegate", "a <delegate level=\"...\" heading=\"...\"> holds "
	    "<decision> entries, or none" },
	{ NULL, NULL }
};

struct register_file *
register_parse(const char *path, const char *data, size_t len,
    const char *schema_dir)
{
	struct register_file *r;
	struct register_group *g;
	struct register_entry *e;
	struct rload rl;
	xmlDocPtr doc;
	xmlNodePtr root, n, c;
	size_t	 errors = diag_errors();

	doc = content_xml_load(path, data, len, schema_dir, "register.rng",
	    register_hints);
	if (doc == NULL)
		return NULL;
	r = xcalloc(1, sizeof(*r));
	r->path = xstrdup(path);
	memset(&rl, 0, sizeof(rl));
	rl.file = intern(path);
	rl.data = data;
	rl.len = len;
	rl.r = r;
	root = xmlDocGetRootElement(doc);
	r->pos.file = rl.file;
	r->pos.line = xml_line(root);
	r->kind = xml_is(root, "incoming-documents") ? REGISTER_INCOMING :
	    REGISTER_DELEGATION;
	r->from = date_attr(&rl, root, "from");
	r->to = date_attr(&rl, root, "to");
	r->heading = content_xml_attr(root, "heading");
	period_check(&rl, root, r->from, r->to);
	g = r->kind == REGISTER_INCOMING ? group_new(r, rl.file, root) : NULL;
	for (n = xmlFirstElementChild(root); n != NULL;
	    n = xmlNextElementSibling(n)) {
		if (r->kind == REGISTER_INCOMING) {
			if ((e = entry_new(&rl, g, n)) == NULL)
				break;
			e->type = xml_attr(n, "type");
			entry_fields(&rl, e, n);
			continue;
		}
		g = group_new(r, rl.file, n);
		g->level = content_xml_attr(n, "level");
		g->heading = content_xml_attr(n, "heading");
		for (c = xmlFirstElementChild(n); c != NULL;
		    c = xmlNextElementSibling(c)) {
			if ((e = entry_new(&rl, g, c)) == NULL)
				break;
			entry_fields(&rl, e, c);
		}
	}
	xmlFreeDoc(doc);
	if (diag_errors() > errors) {
		register_file_free(r);
		return NULL;
	}
	return r;
}

struct register_file *
register_load(const char *path, const char *schema_dir)
{
	struct register_file *r;
	char	*data;
	size_t	 len;

	if (!file_read(path, CONTENT_MAX_MANIFEST, &data, &len))
		return NULL;
	r = register_parse(path, data, len, schema_dir);
	free(data);
	return r;
}

/* One field as the pack or the site shows it: the public text, or (in
 * the internal pack) the text with its ground after it. */
static void
put_field(struct buf *b, const struct register_field *f, bool public)
{
	if (f->secret != NULL && !public)
		buf_printf(b, "%s (sekretess enligt %s)", f->text, f->secret);
	else
		buf_puts(b, register_field_public(f));
}

/* " för perioden 2017-10-27 – 2017-11-30", as real registers write it. */
static void
put_period(struct buf *b, const char *from, const char *to)
{
	if (from != NULL && to != NULL)
		buf_printf(b, " f\xc3\xb6r perioden %s \xe2\x80\x93 %s", from, to);
}

char *
register_entry_text(const struct register_file *r,
    const struct register_entry *e, bool public)
{
	struct buf b = { 0 };
	int	 i;

	for (i = 0; i < e->nparts; i++) {
		if (i > 0)
			buf_puts(&b, ", ");
		switch (e->parts[i]) {
		case REGISTER_PART_TYPE:
			buf_puts(&b, e->type);
			break;
		case REGISTER_PART_SENDER:
			put_field(&b, &e->sender, public);
			break;
		default:
			put_field(&b, &e->title, public);
			break;
		}
	}
	put_period(&b, e->from, e->to);
	if (e->date != NULL)
		buf_printf(&b, ", %s", e->date);
	if (e->dnr != NULL)
		buf_printf(&b, ", %s", e->dnr);
	buf_putc(&b, '.');
	return buf_detach(&b);
}

/* A sub-entry's line as the pack or the site shows it. */
char *
register_sub_text(const struct register_field *f, bool public)
{
	struct buf b = { 0 };

	put_field(&b, f, public);
	return buf_detach(&b);
}

static struct block *
text_block(enum block_kind kind, const char *text, struct srcpos pos)
{
	struct block *b = block_new(kind);

	b->pos = pos;
	b->spans = span_new(SPAN_TEXT, 0, text);
	b->spans->pos = pos;
	return b;
}

static struct block *
entry_item(const struct register_file *r, const struct register_entry *e,
    bool public)
{
	struct block *it = block_new(BLOCK_ITEM), **tail = &it->children;
	char	*t;
	size_t	 k;

	it->pos = e->pos;
	t = register_entry_text(r, e, public);
	*tail = text_block(BLOCK_PARA, t, e->pos);
	tail = &(*tail)->next;
	free(t);
	for (k = 0; k < e->nsubs; k++) {
		t = register_sub_text(&e->subs[k], public);
		*tail = text_block(BLOCK_PARA, t, e->subs[k].pos);
		tail = &(*tail)->next;
		free(t);
	}
	return it;
}

struct block *
register_blocks(const struct register_file *r, bool public)
{
	struct block *head = NULL, **tail = &head, *list, **item;
	struct buf b = { 0 };
	size_t	 g, i;
	char	*t;

	if (r->heading != NULL) {
		buf_puts(&b, r->heading);
		put_period(&b, r->from, r->to);
		t = buf_detach(&b);
		*tail = text_block(BLOCK_PARA, t, r->pos);
		tail = &(*tail)->next;
		free(t);
	}
	for (g = 0; g < r->ngroups; g++) {
		const struct register_group *gr = &r->groups[g];

		if (gr->heading != NULL) {
			*tail = text_block(BLOCK_HEADING, gr->heading, gr->pos);
			(*tail)->level = 1;
			tail = &(*tail)->next;
		}
		if (gr->nentries == 0) {
			*tail = text_block(BLOCK_PARA, r->kind ==
			    REGISTER_INCOMING ? "Inga handlingar att anm\xc3\xa4la." :
			    "Inga beslut att anm\xc3\xa4la.", gr->pos);
			tail = &(*tail)->next;
			continue;
		}
		list = block_new(BLOCK_LIST);
		list->list_style = LIST_DECIMAL;
		list->tight = true;
		list->pos = gr->pos;
		item = &list->children;
		for (i = 0; i < gr->nentries; i++) {
			*item = entry_item(r, &gr->entries[i], public);
			item = &(*item)->next;
		}
		*tail = list;
		tail = &list->next;
	}
	return head;
}

/* The register a reference names: relative to the file it is written
 * in, inside the meeting folder; each file read once. */
static const struct register_file *
register_get(struct meeting *m, const struct block *b,
    const char *schema_dir)
{
	const char *ref = b->figure_ref, *file = b->pos.file;
	struct register_file *r;
	char	*path, *real, *other;
	size_t	 i;

	if ((path = content_ref_path(ref, &b->pos, m->dir, "register",
	    "../register/inkomna.xml", "register/", &real)) == NULL)
		return NULL;
	for (i = 0; i < m->nregisters; i++) {
		other = realpath(m->registers[i]->path, NULL);
		if (other != NULL && strcmp(other, real) == 0) {
			free(other);
			free(real);
			free(path);
			diag(DIAG_ERROR, file, b->pos.line, b->pos.col,
			    "register \"%s\" is placed twice: place each "
			    "register once", ref);
			return NULL;
		}
		free(other);
	}
	free(real);
	r = register_load(path, schema_dir);
	free(path);
	if (r == NULL) {
		diag(DIAG_NOTE, file, b->pos.line, b->pos.col, "the register "
		    "is placed here");
		return NULL;
	}
	m->registers = xrealloc(m->registers, (m->nregisters + 1) *
	    sizeof(*m->registers));
	m->registers[m->nregisters++] = r;
	return r;
}

static int
resolve(struct meeting *m, struct block *b, int item, const char *schema_dir)
{
	struct register_file *r;
	int	 ok = 1;

	for (; b != NULL; b = b->next) {
		if (b->kind != BLOCK_REGISTER) {
			ok &= resolve(m, b->children, item, schema_dir);
			continue;
		}
		if (b->reg != NULL)
			continue;
		if (register_get(m, b, schema_dir) == NULL) {
			ok = 0;
			continue;
		}
		r = m->registers[m->nregisters - 1];
		r->item = item;
		b->reg = r;
		b->children = register_blocks(r, false);
	}
	return ok;
}

/* A register belongs to the item whose case places it. */
static int
in_document(const struct block *b)
{
	int	 ok = 1;

	for (; b != NULL; b = b->next) {
		if (b->kind == BLOCK_REGISTER) {
			diag(DIAG_ERROR, b->pos.file, b->pos.line, b->pos.col,
			    "register \"%s\" is placed in a document: place "
			    "registers in the case file of their item",
			    b->figure_ref);
			ok = 0;
		} else
			ok &= in_document(b->children);
	}
	return ok;
}

int
registers_load(struct meeting *m, const char *schema_dir)
{
	size_t	 i, s;
	int	 ok = 1;

	for (i = 0; i < m->nitems; i++) {
		if (m->items[i].cs == NULL)
			continue;
		for (s = 0; s < SECTION__MAX; s++)
			ok &= resolve(m, m->items[i].cs->sections[s].blocks,
			    m->items[i].number, schema_dir);
	}
	for (i = 0; i < m->ndocuments; i++)
		if (m->documents[i] != NULL &&
		    m->documents[i]->kind != DOCUMENT_TJANSTESKRIVELSE)
			ok &= in_document(m->documents[i]->blocks);
	return ok;
}

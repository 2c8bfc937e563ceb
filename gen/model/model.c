/* Constructors and destructors of the shared types. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "model.h"

struct span *
span_new(enum span_kind kind, unsigned flags, const char *text)
{
	struct span *s = xcalloc(1, sizeof(*s));

	s->kind = kind;
	s->flags = flags;
	s->text = text ? xstrdup(text) : NULL;
	return s;
}

void
spans_free(struct span *s)
{
	struct span *next;

	for (; s != NULL; s = next) {
		next = s->next;
		free(s->text);
		free(s->target);
		free(s->lang);
		free(s);
	}
}

struct span *
spans_clone(const struct span *s)
{
	struct span *head = NULL, **tail = &head, *c;

	for (; s != NULL; s = s->next) {
		c = xcalloc(1, sizeof(*c));
		*c = *s;
		c->text = s->text ? xstrdup(s->text) : NULL;
		c->target = s->target ? xstrdup(s->target) : NULL;
		c->lang = s->lang ? xstrdup(s->lang) : NULL;
		c->next = NULL;
		*tail = c;
		tail = &c->next;
	}
	return head;
}

char *
spans_text(const struct span *s)
{
	struct buf b = { 0 };

	for (; s != NULL; s = s->next) {
		if (s->kind == SPAN_TEXT && s->text)
			buf_puts(&b, s->text);
		else if (s->kind == SPAN_BREAK)
			buf_putc(&b, ' ');
	}
	return buf_detach(&b);
}

const struct block *
proposal_as_decision(const struct block *b, const char *body)
{
	char	*t, *p;
	bool	 lead = false;

	if (b == NULL || b->kind != BLOCK_PARA || b->next == NULL ||
	    body == NULL || *body == '\0')
		return b;
	t = spans_text(b->spans);
	/* "Utskottet för ekonomi föreslår regionstyrelsen besluta": the
	 * proposal of another to this body, not part of its decision. */
	if ((p = strstr(t, "föreslår ")) != NULL) {
		p += strlen("föreslår ");
		lead = strncasecmp(p, body, strlen(body)) == 0 &&
		    strncmp(p + strlen(body), " besluta", 8) == 0;
	}
	free(t);
	return lead ? b->next : b;
}

const struct block *
case_summary(const struct casefile *cs, const struct block **end)
{
	const struct block *b, *e;
	char	*t;
	size_t	 n;
	bool	 is;

	*end = NULL;
	if (cs == NULL || !cs->sections[SECTION_DESCRIPTION].present)
		return NULL;
	for (b = cs->sections[SECTION_DESCRIPTION].blocks; b; b = b->next) {
		if (b->kind != BLOCK_HEADING)
			continue;
		t = spans_text(b->spans);
		n = strlen(t);
		while (n > 0 && (t[n - 1] == ' ' || t[n - 1] == ':'))
			n--;
		/* "Sammanfattning" in any case of its first letter. */
		is = n == 14 && strncasecmp(t, "Sammanfattning", 14) == 0;
		free(t);
		if (!is)
			continue;
		for (e = b->next; e != NULL; e = e->next)
			if (e->kind == BLOCK_HEADING && e->level <= b->level)
				break;
		*end = e;
		return b->next != e ? b->next : NULL;
	}
	/* The text before the marker. */
	if (cs->sections[SECTION_DESCRIPTION].has_more) {
		b = cs->sections[SECTION_DESCRIPTION].blocks;
		*end = cs->sections[SECTION_DESCRIPTION].more;
		return b != *end ? b : NULL;
	}
	return NULL;
}

struct block *
block_new(enum block_kind kind)
{
	struct block *b = xcalloc(1, sizeof(*b));

	b->kind = kind;
	b->list_start = 1;
	return b;
}

void
blocks_free(struct block *b)
{
	struct block *next;

	for (; b != NULL; b = next) {
		next = b->next;
		spans_free(b->spans);
		spans_free(b->label);
		spans_free(b->trailer);
		blocks_free(b->children);
		free(b->anchor);
		free(b->outline);
		free(b->figure_ref);
		free(b->figure_chart);
		free(b->lang);
		table_free(b->table);
		chart_free(b->chart);
		blocks_free(b->notes);
		free(b);
	}
}

struct block *
blocks_clone(const struct block *b)
{
	struct block *head = NULL, **tail = &head, *c;

	for (; b != NULL; b = b->next) {
		c = xcalloc(1, sizeof(*c));
		*c = *b;
		c->spans = spans_clone(b->spans);
		c->label = spans_clone(b->label);
		c->trailer = spans_clone(b->trailer);
		c->children = blocks_clone(b->children);
		c->anchor = b->anchor ? xstrdup(b->anchor) : NULL;
		c->outline = b->outline ? xstrdup(b->outline) : NULL;
		c->lang = b->lang ? xstrdup(b->lang) : NULL;
		c->figure_ref = b->figure_ref ? xstrdup(b->figure_ref) : NULL;
		c->figure_chart = b->figure_chart ?
		    xstrdup(b->figure_chart) : NULL;
		c->table = table_clone(b->table);
		c->chart = chart_clone(b->chart);
		c->notes = blocks_clone(b->notes);
		c->next = NULL;
		*tail = c;
		tail = &c->next;
	}
	return head;
}

void
table_free(struct table *t)
{
	size_t	 i, k;

	if (t == NULL)
		return;
	for (i = 0; i < t->nrows; i++) {
		for (k = 0; k < t->rows[i].ncells; k++)
			blocks_free(t->rows[i].cells[k].blocks);
		free(t->rows[i].cells);
	}
	free(t->rows);
	free(t->cols);
	blocks_free(t->caption);
	blocks_free(t->notes);
	free(t->continued);
	free(t);
}

struct table *
table_clone(const struct table *t)
{
	struct table *c;
	size_t	 i, k;

	if (t == NULL)
		return NULL;
	c = xcalloc(1, sizeof(*c));
	*c = *t;
	c->cols = xcalloc(t->ncols ? t->ncols : 1, sizeof(*c->cols));
	if (t->ncols > 0)
		memcpy(c->cols, t->cols, t->ncols * sizeof(*c->cols));
	c->rows = xcalloc(t->nrows ? t->nrows : 1, sizeof(*c->rows));
	for (i = 0; i < t->nrows; i++) {
		c->rows[i] = t->rows[i];
		c->rows[i].cells = xcalloc(t->rows[i].ncells ?
		    t->rows[i].ncells : 1, sizeof(struct table_cell));
		for (k = 0; k < t->rows[i].ncells; k++) {
			c->rows[i].cells[k] = t->rows[i].cells[k];
			c->rows[i].cells[k].blocks =
			    blocks_clone(t->rows[i].cells[k].blocks);
		}
	}
	c->caption = blocks_clone(t->caption);
	c->notes = blocks_clone(t->notes);
	c->continued = t->continued ? xstrdup(t->continued) : NULL;
	return c;
}

void
chart_free(struct chart *ch)
{
	size_t	 i;

	if (ch == NULL)
		return;
	strv_free(ch->categories, ch->ncategories);
	for (i = 0; i < ch->nseries; i++) {
		free(ch->series[i].name);
		free(ch->series[i].values);
		free(ch->series[i].present);
	}
	free(ch->series);
	free(ch->title);
	free(ch->unit);
	free(ch->alt);
	free(ch);
}

struct chart *
chart_clone(const struct chart *ch)
{
	struct chart *c;
	size_t	 i, n;

	if (ch == NULL)
		return NULL;
	c = xcalloc(1, sizeof(*c));
	*c = *ch;
	n = ch->ncategories;
	c->categories = xcalloc(n ? n : 1, sizeof(char *));
	for (i = 0; i < n; i++)
		c->categories[i] = xstrdup(ch->categories[i]);
	c->series = xcalloc(ch->nseries ? ch->nseries : 1,
	    sizeof(*c->series));
	for (i = 0; i < ch->nseries; i++) {
		c->series[i].name = ch->series[i].name ?
		    xstrdup(ch->series[i].name) : NULL;
		c->series[i].values = xcalloc(n ? n : 1, sizeof(double));
		c->series[i].present = xcalloc(n ? n : 1, sizeof(bool));
		if (n > 0) {
			memcpy(c->series[i].values, ch->series[i].values,
			    n * sizeof(double));
			memcpy(c->series[i].present, ch->series[i].present,
			    n * sizeof(bool));
		}
	}
	c->title = ch->title ? xstrdup(ch->title) : NULL;
	c->unit = ch->unit ? xstrdup(ch->unit) : NULL;
	c->alt = ch->alt ? xstrdup(ch->alt) : NULL;
	return c;
}

void
notes_free(struct note *n)
{
	struct note *next;

	for (; n != NULL; n = next) {
		next = n->next;
		free(n->label);
		spans_free(n->spans);
		free(n);
	}
}

const struct note *
note_find(const struct note *n, const char *label)
{
	for (; n != NULL; n = n->next)
		if (strcmp(n->label, label) == 0)
			return n;
	return NULL;
}

void
casefile_free(struct casefile *cs)
{
	size_t	 i;

	if (cs == NULL)
		return;
	free(cs->path);
	free(cs->dnr);
	free(cs->title);
	free(cs->kind);
	free(cs->handlaggare);
	free(cs->secret);
	for (i = 0; i < cs->nmeta; i++) {
		free(cs->meta[i].key);
		free(cs->meta[i].value);
	}
	free(cs->meta);
	for (i = 0; i < SECTION__MAX; i++)
		blocks_free(cs->sections[i].blocks);
	notes_free(cs->notes);
	free(cs);
}

void
contact_free(struct contact *c)
{
	free(c->name);
	free(c->role);
	free(c->phone);
	free(c->email);
}

void
organisation_free(struct organisation *o)
{
	size_t	 i;

	if (o == NULL)
		return;
	free(o->path);
	free(o->name);
	free(o->logo);
	free(o->visit_address);
	free(o->postal_address);
	free(o->phone);
	free(o->email);
	free(o->web);
	free(o->fax);
	free(o->plusgiro);
	free(o->orgnr);
	free(o->bankgiro);
	free(o->director_title);
	free(o->proposal_heading);
	for (i = 0; i < o->npeople; i++)
		contact_free(&o->people[i]);
	free(o->people);
	free(o);
}

static void
slots_free(struct program_slot *v, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++) {
		free(v[i].time);
		free(v[i].topic);
		strv_free(v[i].presenters, v[i].npresenters);
		free(v[i].day);
		slots_free(v[i].sub, v[i].nsub);
	}
	free(v);
}

void
program_free(struct program *p)
{
	if (p == NULL)
		return;
	free(p->title);
	free(p->time);
	free(p->place);
	contact_free(&p->author);
	slots_free(p->slots, p->nslots);
	free(p->notice);
	free(p);
}

void
document_free(struct document *d)
{
	size_t	 i;

	if (d == NULL)
		return;
	free(d->path);
	free(d->title);
	free(d->date);
	free(d->dnr);
	free(d->department);
	free(d->recipient);
	contact_free(&d->author);
	for (i = 0; i < d->nsigners; i++)
		contact_free(&d->signers[i]);
	free(d->signers);
	strv_free(d->address, d->naddress);
	free(d->subject);
	for (i = 0; i < d->nmeta; i++) {
		free(d->meta[i].key);
		free(d->meta[i].value);
	}
	free(d->meta);
	blocks_free(d->blocks);
	notes_free(d->notes);
	program_free(d->program);
	strv_free(d->ext_pagetext, d->nextpages);
	free(d->extpages);
	free(d);
}

static void
register_field_free(struct register_field *f)
{
	free(f->text);
	free(f->secret);
	free(f->note);
}

void
register_file_free(struct register_file *r)
{
	size_t	 g, i, k;

	if (r == NULL)
		return;
	for (g = 0; g < r->ngroups; g++) {
		struct register_group *gr = &r->groups[g];

		for (i = 0; i < gr->nentries; i++) {
			struct register_entry *e = &gr->entries[i];

			free(e->date);
			free(e->from);
			free(e->to);
			free(e->dnr);
			free(e->type);
			register_field_free(&e->sender);
			register_field_free(&e->title);
			for (k = 0; k < e->nsubs; k++)
				register_field_free(&e->subs[k]);
			free(e->subs);
		}
		free(gr->entries);
		free(gr->heading);
		free(gr->level);
	}
	free(r->groups);
	free(r->path);
	free(r->from);
	free(r->to);
	free(r->heading);
	free(r);
}

const char *
register_field_public(const struct register_field *f)
{
	if (f->secret != NULL)
		return f->note;
	return f->text;
}

void
meeting_free(struct meeting *m)
{
	size_t	 i;

	if (m == NULL)
		return;
	for (i = 0; i < m->nsessions; i++) {
		free(m->sessions[i].start);
		free(m->sessions[i].end);
		free(m->sessions[i].place);
		free(m->sessions[i].note);
	}
	free(m->sessions);
	for (i = 0; i < m->nitems; i++) {
		free(m->items[i].title);
		free(m->items[i].dnr);
		free(m->items[i].note);
		casefile_free(m->items[i].cs);
		free(m->items[i].docs);
	}
	free(m->items);
	for (i = 0; i < m->ndocuments; i++)
		document_free(m->documents[i]);
	free(m->documents);
	document_free(m->program);
	for (i = 0; i < m->nfigures; i++)
		figure_free(m->figures[i]);
	free(m->figures);
	for (i = 0; i < m->nregisters; i++)
		register_file_free(m->registers[i]);
	free(m->registers);
	organisation_free(m->org);
	contact_free(&m->secretary);
	contact_free(&m->chair);
	free(m->dir);
	free(m->manifest);
	free(m->organisation);
	free(m->body);
	free(m->date);
	free(m);
}

static void
running_free(struct running *r)
{
	free(r->left);
	free(r->center);
	free(r->right);
}

void
page_style_place(const struct page_style *ps, double pw, double ph,
    double w, double h, double *s, double *tx, double *ty)
{
	double	 aw, ah;

	aw = pw - ps->stamp_left - ps->stamp_right;
	ah = ph - ps->stamp_top - ps->stamp_bottom;
	*s = 1;
	if (aw > 0 && aw < w * *s)
		*s = aw / w;
	if (ah > 0 && ah < h * *s)
		*s = ah / h;
	*tx = ps->stamp_left + ((aw > 0 ? aw : pw) - w * *s) / 2;
	*ty = ps->stamp_bottom + ((ah > 0 ? ah : ph) - h * *s) / 2;
}

void
doc_free(struct doc *d)
{
	size_t	 i;
	int	 f;

	if (d == NULL)
		return;
	for (i = 0; i < d->nfamilies; i++) {
		free(d->families[i].name);
		for (f = 0; f < 4; f++)
			free(d->families[i].file[f]);
	}
	free(d->families);
	for (i = 0; i < d->nstyles; i++)
		free(d->styles[i].name);
	free(d->styles);
	for (i = 0; i < d->npage_styles; i++) {
		free(d->page_styles[i].name);
		running_free(&d->page_styles[i].header);
		running_free(&d->page_styles[i].footer);
		running_free(&d->page_styles[i].first_header);
		running_free(&d->page_styles[i].first_footer);
		running_free(&d->page_styles[i].first_footer2);
		free(d->page_styles[i].logo);
	}
	free(d->page_styles);
	for (i = 0; i < d->nparts; i++) {
		blocks_free(d->parts[i].blocks);
		free(d->parts[i].anchor);
		free(d->parts[i].outline);
		free(d->parts[i].group_outline);
	}
	free(d->parts);
	free(d->title);
	free(d->author);
	free(d->subject);
	free(d->lang);
	free(d->date);
	free(d);
}

void
pages_free(struct pages *p)
{
	size_t	 i;

	if (p == NULL)
		return;
	for (i = 0; i < p->n; i++)
		free(p->v[i].items);
	free(p->v);
	free(p->anchors);
	free(p->outlines);
	arena_free(&p->arena);
	free(p);
}

const struct anchor *
anchor_find(const struct anchor *v, size_t n, const char *name)
{
	size_t	 lo = 0, hi = n, mid;
	int	 c;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		c = strcmp(name, v[mid].name);
		if (c == 0)
			return &v[mid];
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return NULL;
}

const struct anchor *
pages_anchor(const struct pages *p, const char *name)
{
	return anchor_find(p->anchors, p->nanchors, name);
}

const char *
section_heading(enum section_kind k)
{
	switch (k) {
	case SECTION_DESCRIPTION:
		return "Ärendebeskrivning";
	case SECTION_PROPOSAL:
		return "Förslag till beslut";
	case SECTION_RECIPIENTS:
		return "Expedieras till";
	case SECTION_DOCUMENTS:
		return "Beslutsunderlag";
	default:
		return "";
	}
}

/*
 * Filling templates: walks a <document> element with the meeting (and
 * the current session or agenda item) and builds the document tree.
 * {field} in text and attributes is replaced by the model's value;
 * an unknown field is an error at the template's line.  The running
 * fields {page} {pages} {docpage} {docpages} are left for layout.
 */
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

/* Where a value was written, so that layout's messages about it (a
 * character no font has) point at the content, not the template. */
static struct srcpos
value_pos(const struct ctx *c, const char *name)
{
	struct srcpos p = { c->m->manifest, 0, 0 };
	size_t	 i;
	const char *key = strncmp(name, "meta:", 5) == 0 ? name + 5 : name;

	if (c->s != NULL && (strcmp(name, "place") == 0 ||
	    strcmp(name, "start") == 0 || strcmp(name, "end") == 0 ||
	    strcmp(name, "session-note") == 0))
		return c->s->pos;
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

static enum fv
field(const struct ctx *c, const char *name, char **out)
{
	const struct meeting *m = c->m;
	const struct session *s = c->s;
	const struct agenda_item *it = c->it;
	size_t	 i;

	*out = NULL;
	if (strcmp(name, "page") == 0 || strcmp(name, "pages") == 0 ||
	    strcmp(name, "docpage") == 0 || strcmp(name, "docpages") == 0) {
		if (c->running)
			return FV_RUNNING;
		if (strcmp(name, "page") == 0 && it != NULL) {
			*out = item_anchor(it);
			return FV_PAGEREF;
		}
		return FV_OUT_OF_CONTEXT;
	}
	if (strcmp(name, "organisation") == 0)
		*out = xstrdup(nz(m->organisation));
	else if (strcmp(name, "body") == 0)
		*out = xstrdup(nz(m->body));
	else if (strcmp(name, "date") == 0)
		*out = xstrdup(nz(m->date));
	else if (strcmp(name, "date-long") == 0)
		*out = sv_date_long(m->date);
	else if (strcmp(name, "weekday") == 0)
		*out = xstrdup(nz(sv_weekday(m->date)));
	else if (strcmp(name, "year") == 0)
		*out = xstrndup(nz(m->date), 4);
	else if (strcmp(name, "secretary-name") == 0)
		*out = xstrdup(nz(m->secretary.name));
	else if (strcmp(name, "secretary-role") == 0)
		*out = xstrdup(nz(m->secretary.role));
	else if (strcmp(name, "secretary-phone") == 0)
		*out = xstrdup(nz(m->secretary.phone));
	else if (strcmp(name, "secretary-email") == 0)
		*out = xstrdup(nz(m->secretary.email));
	else if (strcmp(name, "chair-name") == 0)
		*out = xstrdup(nz(m->chair.name));
	else if (strcmp(name, "start") == 0 || strcmp(name, "end") == 0 ||
	    strcmp(name, "place") == 0 || strcmp(name, "open") == 0 ||
	    strcmp(name, "session-note") == 0) {
		if (s == NULL)
			return FV_OUT_OF_CONTEXT;
		if (strcmp(name, "start") == 0)
			*out = xstrdup(nz(s->start));
		else if (strcmp(name, "end") == 0)
			*out = xstrdup(nz(s->end));
		else if (strcmp(name, "place") == 0)
			*out = xstrdup(nz(s->place));
		else if (strcmp(name, "open") == 0)
			*out = xstrdup(s->open ? "yes" : "");
		else
			*out = xstrdup(nz(s->note));
	} else if (strcmp(name, "number") == 0 || strcmp(name, "title") == 0 ||
	    strcmp(name, "dnr") == 0 || strcmp(name, "kind") == 0 ||
	    strcmp(name, "case-kind") == 0 || strcmp(name, "handlaggare") == 0 ||
	    strcmp(name, "anchor") == 0 || strcmp(name, "note") == 0 ||
	    strncmp(name, "meta:", 5) == 0) {
		if (it == NULL)
			return FV_OUT_OF_CONTEXT;
		if (strcmp(name, "number") == 0)
			*out = xasprintf("%d", it->number);
		else if (strcmp(name, "title") == 0)
			*out = xstrdup(nz(it->title));
		else if (strcmp(name, "dnr") == 0)
			*out = xstrdup(nz(it->dnr));
		else if (strcmp(name, "kind") == 0)
			*out = xstrdup(it->kind == AGENDA_CASE ? "case" :
			    it->kind == AGENDA_DIVIDER ? "divider" :
			    "procedural");
		else if (strcmp(name, "case-kind") == 0)
			*out = xstrdup(it->cs ? nz(it->cs->kind) : "");
		else if (strcmp(name, "handlaggare") == 0)
			*out = xstrdup(it->cs ? nz(it->cs->handlaggare) : "");
		else if (strcmp(name, "anchor") == 0)
			*out = item_anchor(it);
		else if (strcmp(name, "note") == 0)
			*out = xstrdup(nz(it->note));
		else {
			*out = xstrdup("");
			for (i = 0; it->cs && i < it->cs->nmeta; i++)
				if (strcmp(it->cs->meta[i].key, name + 5) == 0) {
					free(*out);
					*out = xstrdup(it->cs->meta[i].value);
					break;
				}
		}
	} else
		return FV_UNKNOWN;
	if (*out == NULL)
		*out = xstrdup("");
	return FV_TEXT;
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
			bool	 up = false;

			if (bar != NULL && strcmp(bar, "|upper") == 0) {
				*bar = '\0';
				up = true;
			}
			v = field(c, name, &val);
			if (up && v == FV_TEXT) {
				char	*u = upper(val);

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

static int
section(const struct ctx *c, xmlNodePtr n, struct block ***tail)
{
	static const char *const names[SECTION__MAX] = {
		"description", "proposal", "recipients", "documents"
	};
	const struct casefile *cs = c->it ? c->it->cs : NULL;
	const struct section *sec;
	struct block *h;
	char	*name = xml_attr(n, "name"), *label, *v;
	int	 k, ok = 1;

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
	if (cs == NULL || !(sec = &cs->sections[k])->present ||
	    sec->blocks == NULL)
		return 1;
	label = expand_attr(c, n, "label", &ok);
	if (label == NULL)
		label = xstrdup(section_heading((enum section_kind)k));
	h = block_new(BLOCK_HEADING);
	h->level = 2;
	h->pos = sec->pos;
	h->style = need_style(c, n, &ok);
	h->spans = span_new(SPAN_TEXT, 0, label);
	h->spans->pos = sec->pos;
	if ((v = xml_attr(n, "outline")) != NULL &&
	    strcmp(v, "yes") == 0) {
		h->outline = xstrdup(label);
		h->outline_level = 2;
	}
	free(v);
	free(label);
	**tail = h;
	*tail = &h->next;
	**tail = tmpl_style_blocks(&c->t->cmap, sec->blocks, 0);
	while (**tail)
		*tail = &(**tail)->next;
	return ok;
}

static int blocks(struct ctx *, xmlNodePtr, struct block ***);

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
	} else {
		diag(DIAG_ERROR, tmpl_file(c->t, n), (int)xmlGetLineNo(n), 0,
		    "<for-each select=\"%s\">: use session or item",
		    sel ? sel : "");
		ok = 0;
	}
	free(sel);
	return ok;
}

static int
blocks(struct ctx *c, xmlNodePtr parent, struct block ***tail)
{
	xmlNodePtr n;
	struct block *b;
	bool	 truth;
	int	 ok = 1;

	for (n = parent->children; n; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
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
	p->outline_level = 1;
	ok &= blocks(c, docnode, &tail);
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
			nparts++;
	t.doc->parts = xcalloc(nparts, sizeof(*t.doc->parts));
	t.doc->page_styles = xrealloc(t.doc->page_styles,
	    (t.doc->npage_styles + nparts) * sizeof(*t.doc->page_styles));

	memset(&c, 0, sizeof(c));
	c.t = &t;
	c.m = m;
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
	for (i = 0; i < m->nitems; i++) {
		if (!item_has_part(&m->items[i]))
			continue;
		c.it = &m->items[i];
		ok &= make_part(&c, t.item);
	}
out:
	for (i = 0; i < t.nxml; i++) {
		xmlFreeDoc(t.xml[i]);
		free(t.path[i]);
	}
	for (i = 0; i < 3; i++)
		free(t.cmap.bullet[i]);
	if (!ok) {
		doc_free(t.doc);
		return NULL;
	}
	return t.doc;
}

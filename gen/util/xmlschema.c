/*
 * The schema read as data: for each element name, its attributes
 * (required or not, and what their values may be) and the elements it
 * holds.  libxml2's RELAX NG messages say that something failed
 * ("Element secretary failed to validate attributes"); this says
 * what: the attribute missing, misspelt or with a value of the wrong
 * form.  It covers the patterns boardgen's schemas use (element,
 * attribute, optional, zeroOrMore, oneOrMore, choice, group,
 * interleave, ref, value, data with pattern or an integer range).
 */
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/xmlregexp.h>

#include "util.h"
#include "xml.h"
#include "xml_private.h"

#define RS_DEPTH	40

static const char *
rng_name(xmlNodePtr n)
{
	return n->type == XML_ELEMENT_NODE ? (const char *)n->name : "";
}

static const char *
prop(xmlNodePtr n, const char *name)
{
	xmlAttrPtr a = xmlHasProp(n, (const xmlChar *)name);

	return a != NULL && a->children != NULL ?
	    (const char *)a->children->content : NULL;
}

static xmlNodePtr
define(const struct rs *rs, const char *name)
{
	xmlNodePtr n, root = xmlDocGetRootElement(rs->doc);
	const char *v;

	for (n = root ? root->children : NULL; n != NULL; n = n->next)
		if (strcmp(rng_name(n), "define") == 0 &&
		    (v = prop(n, "name")) != NULL && strcmp(v, name) == 0)
			return n;
	return NULL;
}

static struct rs_elem *
elem_get(struct rs *rs, const char *name)
{
	size_t	 i;

	for (i = 0; i < rs->nelems; i++)
		if (strcmp(rs->elems[i].name, name) == 0)
			return &rs->elems[i];
	rs->elems = xrealloc(rs->elems, (rs->nelems + 1) *
	    sizeof(*rs->elems));
	memset(&rs->elems[rs->nelems], 0, sizeof(*rs->elems));
	rs->elems[rs->nelems].name = name;
	return &rs->elems[rs->nelems++];
}

static void
add_kid(struct rs_elem *e, const char *name, bool req)
{
	size_t	 i;

	for (i = 0; i < e->nkids; i++)
		if (strcmp(e->kids[i].name, name) == 0)
			break;
	if (i == e->nkids) {
		e->kids = xrealloc(e->kids, (e->nkids + 1) * sizeof(*e->kids));
		e->kids[i].name = name;
		e->kids[i].nreq = 0;
		e->nkids++;
	}
	e->kids[i].nreq += req;
}

static void
add_attr(struct rs_elem *e, const char *name, xmlNodePtr def, bool req)
{
	struct rs_attr *a;
	size_t	 i;

	for (i = 0; i < e->nattrs; i++)
		if (strcmp(e->attrs[i].name, name) == 0)
			break;
	if (i == e->nattrs) {
		e->attrs = xrealloc(e->attrs, (e->nattrs + 1) *
		    sizeof(*e->attrs));
		memset(&e->attrs[i], 0, sizeof(*e->attrs));
		e->attrs[i].name = name;
		e->nattrs++;
	}
	a = &e->attrs[i];
	a->defs = xrealloc(a->defs, (a->ndefs + 1) * sizeof(*a->defs));
	a->defs[a->ndefs++] = def;
	a->nreq += req;
}

static void	walk(struct rs *, xmlNodePtr, size_t, bool, int);

/* cur is an index into rs->elems (which moves as it grows), or
 * (size_t)-1 outside any element. */
static void
walk_one(struct rs *rs, xmlNodePtr c, size_t cur, bool opt, int depth)
{
	const char *k = rng_name(c), *name;
	size_t	 i, e;
	xmlNodePtr d;

	if (strcmp(k, "element") == 0) {
		if ((name = prop(c, "name")) == NULL)
			return;		/* a name class: not described */
		elem_get(rs, name);
		if (cur != (size_t)-1)
			add_kid(&rs->elems[cur], name, !opt);
		for (i = 0; i < rs->nseen; i++)
			if (rs->seen[i] == c)
				return;
		rs->seen = xrealloc(rs->seen, (rs->nseen + 1) *
		    sizeof(*rs->seen));
		rs->seen[rs->nseen++] = c;
		e = (size_t)(elem_get(rs, name) - rs->elems);
		rs->elems[e].ndefs++;
		walk(rs, c, e, false, depth + 1);
	} else if (strcmp(k, "attribute") == 0) {
		if (cur == (size_t)-1)
			return;
		if ((name = prop(c, "name")) == NULL)
			rs->elems[cur].anyattr = true;
		else
			add_attr(&rs->elems[cur], name, c, !opt);
	} else if (strcmp(k, "optional") == 0 ||
	    strcmp(k, "zeroOrMore") == 0 || strcmp(k, "choice") == 0)
		walk(rs, c, cur, true, depth + 1);
	else if (strcmp(k, "oneOrMore") == 0 || strcmp(k, "group") == 0 ||
	    strcmp(k, "interleave") == 0)
		walk(rs, c, cur, opt, depth + 1);
	else if (strcmp(k, "ref") == 0 && (name = prop(c, "name")) != NULL &&
	    (d = define(rs, name)) != NULL)
		walk(rs, d, cur, opt, depth + 1);
}

static void
walk(struct rs *rs, xmlNodePtr n, size_t cur, bool opt, int depth)
{
	xmlNodePtr c;

	if (depth > RS_DEPTH)
		return;
	for (c = n->children; c != NULL; c = c->next)
		if (c->type == XML_ELEMENT_NODE)
			walk_one(rs, c, cur, opt, depth);
}

struct rs *
rs_new(const char *data, size_t len)
{
	struct rs *rs;
	xmlDocPtr doc;
	xmlNodePtr root, n;

	doc = xmlReadMemory(data, (int)len, "schema", "UTF-8",
	    XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
	    XML_PARSE_NOBLANKS);
	if (doc == NULL)
		return NULL;
	root = xmlDocGetRootElement(doc);
	if (root == NULL || strcmp(rng_name(root), "grammar") != 0) {
		xmlFreeDoc(doc);
		return NULL;
	}
	rs = xcalloc(1, sizeof(*rs));
	rs->doc = doc;
	for (n = root->children; n != NULL; n = n->next)
		if (strcmp(rng_name(n), "start") == 0)
			walk(rs, n, (size_t)-1, false, 0);
	return rs;
}

void
rs_free(struct rs *rs)
{
	size_t	 i, j;

	if (rs == NULL)
		return;
	for (i = 0; i < rs->nelems; i++) {
		for (j = 0; j < rs->elems[i].nattrs; j++)
			free(rs->elems[i].attrs[j].defs);
		free(rs->elems[i].attrs);
		free(rs->elems[i].kids);
	}
	free(rs->elems);
	free(rs->seen);
	xmlFreeDoc(rs->doc);
	free(rs);
}

const struct rs_elem *
rs_elem(const struct rs *rs, const char *name)
{
	size_t	 i;

	for (i = 0; rs != NULL && i < rs->nelems; i++)
		if (strcmp(rs->elems[i].name, name) == 0)
			return &rs->elems[i];
	return NULL;
}

const struct rs_attr *
rs_attr(const struct rs_elem *e, const char *name)
{
	size_t	 i;

	for (i = 0; i < e->nattrs; i++)
		if (strcmp(e->attrs[i].name, name) == 0)
			return &e->attrs[i];
	return NULL;
}

const struct rs_kid *
rs_kid(const struct rs_elem *e, const char *name)
{
	size_t	 i;

	for (i = 0; i < e->nkids; i++)
		if (strcmp(e->kids[i].name, name) == 0)
			return &e->kids[i];
	return NULL;
}

bool
rs_required(const struct rs_elem *e, int nreq)
{
	return e->ndefs > 0 && nreq >= e->ndefs;
}

/* The first element child of a pattern node. */
static xmlNodePtr
first(xmlNodePtr n)
{
	for (n = n->children; n != NULL; n = n->next)
		if (n->type == XML_ELEMENT_NODE)
			return n;
	return NULL;
}

char *
xml_collapse(const char *s)
{
	struct buf b = { 0 };
	bool	 sp = false;

	for (; *s != '\0'; s++) {
		if (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r') {
			sp = true;
			continue;
		}
		if (sp && b.len > 0)
			buf_putc(&b, ' ');
		sp = false;
		buf_putc(&b, *s);
	}
	return b.data ? buf_detach(&b) : xstrdup("");
}

static bool
data_ok(xmlNodePtr d, const char *v)
{
	const char *type = prop(d, "type"), *pname;
	xmlNodePtr p;
	bool	 ok = true;

	if (type != NULL && strcmp(type, "integer") == 0) {
		char	*end;
		long	 k = strtol(v, &end, 10);

		if (*v == '\0' || *end != '\0')
			return false;
		for (p = first(d); p != NULL; p = p->next) {
			xmlChar *t;

			if (p->type != XML_ELEMENT_NODE ||
			    (pname = prop(p, "name")) == NULL)
				continue;
			t = xmlNodeGetContent(p);
			if (strcmp(pname, "minInclusive") == 0 &&
			    k < atol((const char *)t))
				ok = false;
			if (strcmp(pname, "maxInclusive") == 0 &&
			    k > atol((const char *)t))
				ok = false;
			xmlFree(t);
		}
		return ok;
	}
	for (p = first(d); p != NULL; p = p->next) {
		xmlChar *t;
		xmlRegexpPtr re;

		if (p->type != XML_ELEMENT_NODE ||
		    (pname = prop(p, "name")) == NULL ||
		    strcmp(pname, "pattern") != 0)
			continue;
		t = xmlNodeGetContent(p);
		if ((re = xmlRegexpCompile(t)) != NULL) {
			if (xmlRegexpExec(re, (const xmlChar *)v) != 1)
				ok = false;
			xmlRegFreeRegexp(re);
		}
		xmlFree(t);
	}
	return ok;
}

static bool
match(const struct rs *rs, xmlNodePtr p, const char *v, int depth)
{
	const char *k, *name;
	xmlNodePtr c, d;

	if (p == NULL || depth > RS_DEPTH)
		return true;
	k = rng_name(p);
	if (strcmp(k, "value") == 0) {
		xmlChar *t = xmlNodeGetContent(p);
		const char *ty = prop(p, "type");
		/* type="string": exactly, spaces and all ("yes " is not
		 * "yes"); otherwise as a token. */
		bool	 exact = ty != NULL && strcmp(ty, "string") == 0;
		char	*a = exact ? xstrdup(v) : xml_collapse(v);
		char	*b = exact ? xstrdup((const char *)t) :
		    xml_collapse((const char *)t);
		bool	 r = strcmp(a, b) == 0;

		free(a);
		free(b);
		xmlFree(t);
		return r;
	}
	if (strcmp(k, "choice") == 0) {
		for (c = first(p); c != NULL; c = c->next)
			if (c->type == XML_ELEMENT_NODE &&
			    match(rs, c, v, depth + 1))
				return true;
		return false;
	}
	if (strcmp(k, "data") == 0)
		return data_ok(p, v);
	if (strcmp(k, "empty") == 0)
		return *v == '\0';
	if (strcmp(k, "ref") == 0 && (name = prop(p, "name")) != NULL &&
	    (d = define(rs, name)) != NULL)
		return match(rs, first(d), v, depth + 1);
	return true;	/* text, or a pattern not described */
}

bool
rs_value_ok(const struct rs *rs, const struct rs_attr *a, const char *v)
{
	size_t	 i;

	for (i = 0; i < a->ndefs; i++)
		if (match(rs, first(a->defs[i]), v, 0))
			return true;
	return false;
}

static void
values(xmlNodePtr p, const char ***set, size_t *n, bool *only)
{
	xmlNodePtr c;

	if (p == NULL)
		return;
	if (strcmp(rng_name(p), "value") == 0) {
		*set = xrealloc(*set, (*n + 2) * sizeof(**set));
		(*set)[(*n)++] = p->children && p->children->content ?
		    (const char *)p->children->content : "";
		(*set)[*n] = NULL;
	} else if (strcmp(rng_name(p), "choice") == 0) {
		for (c = first(p); c != NULL; c = c->next)
			if (c->type == XML_ELEMENT_NODE)
				values(c, set, n, only);
	} else
		*only = false;
}

char *
rs_choices(const struct rs *rs, const struct rs_attr *a, const char ***set)
{
	struct buf b = { 0 };
	size_t	 n = 0, i;
	bool	 only = true;

	(void)rs;
	*set = NULL;
	for (i = 0; i < a->ndefs; i++)
		values(first(a->defs[i]), set, &n, &only);
	if (!only || n == 0) {
		free(*set);
		*set = NULL;
		return NULL;
	}
	for (i = 0; i < n; i++)
		buf_printf(&b, "%s%s", i == 0 ? "" : i + 1 == n ? " or " :
		    ", ", (*set)[i]);
	return buf_detach(&b);
}

char *
rs_range(const struct rs *rs, const struct rs_attr *a)
{
	xmlNodePtr d, p;
	const char *min = NULL, *max = NULL, *pname;

	if (a->ndefs == 0 || (d = first(a->defs[0])) == NULL)
		return NULL;
	if (strcmp(rng_name(d), "ref") == 0 && prop(d, "name") != NULL &&
	    (p = define(rs, prop(d, "name"))) != NULL)
		d = first(p);
	if (d == NULL || strcmp(rng_name(d), "data") != 0 ||
	    prop(d, "type") == NULL || strcmp(prop(d, "type"), "integer") != 0)
		return NULL;
	for (p = first(d); p != NULL; p = p->next) {
		if (p->type != XML_ELEMENT_NODE ||
		    (pname = prop(p, "name")) == NULL || p->children == NULL)
			continue;
		if (strcmp(pname, "minInclusive") == 0)
			min = (const char *)p->children->content;
		else if (strcmp(pname, "maxInclusive") == 0)
			max = (const char *)p->children->content;
	}
	if (min != NULL && max != NULL)
		return xasprintf("write a whole number from %s to %s", min, max);
	return xstrdup("write a whole number");
}

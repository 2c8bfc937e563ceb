/*
 * Safe XML reading.  Inputs are written by many hands: no network, no
 * entity expansion, no DTD at all (a DOCTYPE is rejected before libxml2
 * sees it), a size cap, and a loader that refuses every external
 * entity in case one slips through.
 */
#include <limits.h>
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/parser.h>
#include <libxml/relaxng.h>
#include <libxml/xmlerror.h>

#include "util.h"
#include "xml.h"
#include "xml_private.h"

#define XML_MAX_SIZE	(4u * 1024u * 1024u)
#define XML_MAX_ATTRS	100	/* attributes of one element */

static xmlParserInputPtr
deny_entities(const char *url, const char *id, xmlParserCtxtPtr ctxt)
{
	(void)url;
	(void)id;
	(void)ctxt;
	return NULL;
}

/* libxml2 prints on its own unless told otherwise; errors are taken
 * from the parser context instead. */
static void
quiet(void *ctx, const char *msg, ...)
{
	(void)ctx;
	(void)msg;
}

/* The first error of a parse is its cause ("Opening and ending tag
 * mismatch: agenda line 9 and meeting"); later ones are consequences
 * ("Premature end of data"). */
static xmlError	 first_error;
static bool	 have_first;

static void
structured_first(void *ctx, xmlErrorPtr err)
{
	(void)ctx;
	if (!have_first && err != NULL && err->level >= XML_ERR_ERROR) {
		xmlCopyError(err, &first_error);
		have_first = true;
	}
}

static void
forget_first(void)
{
	if (have_first)
		xmlResetError(&first_error);
	have_first = false;
}

void
xml_setup(void)
{
	xmlInitParser();
	xmlSetExternalEntityLoader(deny_entities);
	xmlSetGenericErrorFunc(NULL, quiet);
	xmlSetStructuredErrorFunc(NULL, structured_first);
}

void
xml_cleanup(void)
{
	forget_first();
	xmlCleanupParser();
}

static bool
name_end(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n' ||
	    c == '/' || c == '>' || c == '=';
}

/* Byte offset of line:col (col in code points) in data. */
static size_t
offset_at(const char *data, size_t len, int line, int col)
{
	size_t	 i = 0;
	int	 l = 1, c = 1;

	while (i < len && l < line)
		if (data[i++] == '\n')
			l++;
	while (i < len && c < col && data[i] != '\n') {
		i++;
		while (i < len && ((unsigned char)data[i] & 0xc0) == 0x80)
			i++;
		c++;
	}
	return i;
}

/* The attribute name before the '=' that ends at or before off. */
static char *
attr_before(const char *data, size_t off)
{
	size_t	 e, s;

	e = off;
	while (e > 0 && data[e - 1] != '=')
		e--;
	if (e == 0)
		return NULL;
	e--;
	while (e > 0 && (data[e - 1] == ' ' || data[e - 1] == '\t'))
		e--;
	s = e;
	while (s > 0 && !name_end(data[s - 1]) && data[s - 1] != '<' &&
	    data[s - 1] != '"' && data[s - 1] != '\'')
		s--;
	return s < e ? xstrndup(data + s, e - s) : NULL;
}

/*
 * libxml2's words for a malformed file name its parser's rules
 * ("xmlParseEntityRef: no name"); these say what is wrong in the file
 * and what to write.  Sets *line and *col to where the fault is.
 * Returns NULL for an error not described here.
 */
static char *
parse_message(const xmlError *e, const char *data, size_t len,
    int *line, int *col)
{
	static const char *const xml_entities[] = { "amp", "lt", "gt",
	    "quot", "apos", NULL };
	const char *msg = e->message ? e->message : "";
	size_t	 off = offset_at(data, len, *line, *col), i;
	char	*r = NULL, *a;

	switch (e->code) {
	case XML_ERR_NAME_REQUIRED:
		if (strstr(msg, "EntityRef") != NULL) {
			for (i = off; i > 0 && data[i - 1] != '&'; i--)
				continue;
			if (i > 0)
				text_position(data, i - 1, line, col);
			return xstrdup("a lone '&': write & as &amp;");
		}
		if (strstr(msg, "StartTag") != NULL) {
			for (i = off; i > 0 && data[i - 1] != '<'; i--)
				continue;
			if (i > 0)
				text_position(data, i - 1, line, col);
			return xstrdup("a '<' that starts no element: write < as "
			    "&lt;");
		}
		return NULL;
	case XML_ERR_UNDECLARED_ENTITY:
	case XML_WAR_UNDECLARED_ENTITY:
		if (e->str1 == NULL)
			return NULL;
		for (i = off; i > 0 && data[i - 1] != '&'; i--)
			continue;
		if (i > 0)
			text_position(data, i - 1, line, col);
		{
			const char *near = suggest(e->str1, xml_entities);

			if (near != NULL)
				return xasprintf("&%s; is not an XML entity: did "
				    "you mean &%s;?", e->str1, near);
		}
		return xasprintf("&%s; is not an XML entity (XML knows only "
		    "&amp; &lt; &gt; &quot; &apos;): write the character "
		    "itself, or &#NUMBER;", e->str1);
	case XML_ERR_ENTITYREF_SEMICOL_MISSING:
		for (i = off; i > 0 && data[i - 1] != '&'; i--)
			continue;
		if (i > 0)
			text_position(data, i - 1, line, col);
		return xstrdup("'&' starts an entity that has no ';': write & "
		    "as &amp;");
	case XML_ERR_TAG_NAME_MISMATCH:
		if (e->str1 == NULL || e->str2 == NULL)
			return NULL;
		/* At the end tag that does not match. */
		for (i = off; i > 0 && !(data[i - 1] == '<' && i < len &&
		    data[i] == '/'); i--)
			continue;
		if (i > 0)
			text_position(data, i - 1, line, col);
		if (suggest_distance(e->str1, e->str2) <= 2)
			return xasprintf("<%s> opened on line %d is closed by "
			    "</%s>: write the same name in both", e->str1,
			    e->int1, e->str2);
		return xasprintf("<%s> opened on line %d is not closed: end it "
		    "with </%s> before </%s>, or write <%s .../> if it holds "
		    "nothing", e->str1, e->int1, e->str1, e->str2, e->str1);
	case XML_ERR_TAG_NOT_FINISHED:
		if (e->str1 == NULL)
			return NULL;
		return xasprintf("<%s> opened on line %d is not closed: end it "
		    "with </%s>", e->str1, e->int1, e->str1);
	case XML_ERR_ATTRIBUTE_NOT_FINISHED:
		a = attr_before(data, off);
		r = xasprintf("the value of %s is not closed: end it with the "
		    "quote it starts with", a ? a : "an attribute");
		free(a);
		return r;
	case XML_ERR_ATTRIBUTE_NOT_STARTED:
		a = attr_before(data, off);
		r = a ? xasprintf("the value of %s must be in double quotes: "
		    "write %s=\"...\"", a, a) : xstrdup("an attribute value "
		    "must be in double quotes: write name=\"...\"");
		free(a);
		return r;
	case XML_ERR_ATTRIBUTE_WITHOUT_VALUE:
		return xasprintf("attribute %s has no value: write %s=\"...\"",
		    e->str1 ? e->str1 : "", e->str1 ? e->str1 : "");
	case XML_ERR_ATTRIBUTE_REDEFINED:
		return xasprintf("the attribute %s is written twice in one "
		    "element: keep one of them", e->str1 ? e->str1 : "");
	case XML_ERR_LT_IN_ATTRIBUTE:
		return xstrdup("'<' in an attribute value: write < as &lt;");
	case XML_ERR_SPACE_REQUIRED:
		return xstrdup("attributes must be written name=\"value\", "
		    "with a space between them");
	case XML_ERR_GT_REQUIRED:
		return xasprintf("the tag <%s> on line %d does not end: close "
		    "it with > (or /> if it holds nothing)", e->str1 ?
		    e->str1 : "", e->int1);
	case XML_ERR_DOCUMENT_END:
		return xstrdup("more after the end of the root element: a file "
		    "holds one root element; remove what follows it, or move "
		    "it inside");
	case XML_ERR_DOCUMENT_EMPTY:
		return xstrdup("no XML element here: the file must start with "
		    "<?xml version=\"1.0\" encoding=\"UTF-8\"?> and its root "
		    "element (see boardgen(5))");
	case XML_ERR_INVALID_CHAR:
	case XML_ERR_INVALID_CHARREF:
		return xasprintf("a character XML does not allow: remove it (%s)",
		    msg);
	default:
		return NULL;
	}
}

static void
report_xml_error(const char *name, const xmlError *e, const char *data,
    size_t len)
{
	char	*msg;
	size_t	 n;
	int	 line = e ? e->line : 0, col = e && e->int2 > 0 ? e->int2 : 0;

	if (e != NULL && line > 0 &&
	    (msg = parse_message(e, data, len, &line, &col)) != NULL) {
		diag(DIAG_ERROR, name, line, col, "%s", msg);
		free(msg);
		return;
	}
	msg = xstrdup(e && e->message ? e->message : "unknown error");
	n = strlen(msg);
	while (n > 0 && (msg[n - 1] == '\n' || msg[n - 1] == ' '))
		msg[--n] = '\0';
	/* libxml2 advises an option boardgen never sets. */
	if (strncmp(msg, "Excessive depth in document", 27) == 0) {
		free(msg);
		msg = xstrdup("elements are nested more than 256 levels deep: "
		    "flatten the file");
	}
	/* Validity errors often carry the node rather than a line. */
	if (line == 0 && e && e->node != NULL)
		line = (int)xmlGetLineNo((xmlNodePtr)e->node);
	diag(DIAG_ERROR, name, line, col, "malformed XML: %s", msg);
	free(msg);
}

/* Finds "<!DOCTYPE" outside comments and processing instructions before
 * the root element; returns its offset or -1. */
static long
find_doctype(const char *data, size_t len)
{
	size_t	 i = 0;

	while (i < len) {
		if (data[i] != '<') {
			i++;
			continue;
		}
		if (len - i >= 4 && memcmp(data + i, "<!--", 4) == 0) {
			const char *end = NULL;
			size_t	 j;

			for (j = i + 4; j + 2 < len; j++)
				if (memcmp(data + j, "-->", 3) == 0) {
					end = data + j;
					break;
				}
			if (end == NULL)
				return -1;
			i = (size_t)(end - data) + 3;
			continue;
		}
		if (len - i >= 2 && data[i + 1] == '?') {
			i += 2;
			continue;
		}
		if (len - i >= 9 && memcmp(data + i, "<!DOCTYPE", 9) == 0)
			return (long)i;
		return -1;	/* the root element: no DOCTYPE after it */
	}
	return -1;
}

/*
 * libxml2 checks each attribute of an element against all before it, so
 * an element of 100 000 attributes takes minutes.  None of our formats
 * has an element with more than a dozen: returns the offset of a start
 * tag with more than XML_MAX_ATTRS, or -1.  Comments, CDATA sections
 * and processing instructions are skipped; '=' inside quotes is text.
 */
static const char *
find(const char *p, const char *end, const char *s)
{
	size_t	 n = strlen(s);

	for (; p + n <= end; p++)
		if ((p = memchr(p, s[0], (size_t)(end - p))) == NULL ||
		    p + n > end)
			return NULL;
		else if (memcmp(p, s, n) == 0)
			return p;
	return NULL;
}

static long
too_many_attrs(const char *data, size_t len)
{
	const char *p = data, *end = data + len, *e, *tag;
	char	 q;
	int	 n;

	while ((p = memchr(p, '<', (size_t)(end - p))) != NULL) {
		if (end - p >= 4 && memcmp(p, "<!--", 4) == 0)
			e = find(p + 4, end, "-->");
		else if (end - p >= 9 && memcmp(p, "<![CDATA[", 9) == 0)
			e = find(p + 9, end, "]]>");
		else if (end - p >= 2 && (p[1] == '?' || p[1] == '!'))
			e = memchr(p + 2, '>', (size_t)(end - p - 2));
		else {
			tag = p;
			for (n = 0, q = 0, p++; p < end && (q || *p != '>'); p++)
				if (q != 0 && *p == q)
					q = 0;
				else if (q == 0 && (*p == '"' || *p == '\''))
					q = *p;
				else if (q == 0 && *p == '=' &&
				    ++n > XML_MAX_ATTRS)
					return (long)(tag - data);
			continue;
		}
		if (e == NULL)
			return -1;	/* unclosed: the parser says so */
		p = e + 1;
	}
	return -1;
}

#define RNG_KEEP	8
#define RNG_PRECISE	20

struct rng_msg {
	int	 line, col;
	char	*text;
};

struct rng_errors {
	const char	*name;
	const struct xml_hint *hints;
	const char	*data;		/* the file's text, for columns */
	size_t		 len;
	struct rs	*rs;		/* the schema as data, or NULL */
	int		 n;
	int		 line[RNG_KEEP];
	char		*msg[RNG_KEEP];
	xmlNodePtr	 node[RNG_KEEP];
	struct rng_msg	 precise[RNG_PRECISE];
	int		 nprecise;
	/* Nodes already explained: a cascade says nothing new. */
	xmlNodePtr	 done[RNG_PRECISE * 2];
	int		 ndone;
};

static const char *
hint_for(const struct xml_hint *h, const char *name)
{
	for (; h != NULL && h->name != NULL; h++)
		if (strcmp(h->name, name) == 0)
			return h->text;
	return NULL;
}

/* Byte offset of the start of line `line' (1-based) in data. */
static size_t
line_offset(const char *data, size_t len, int line)
{
	size_t	 i = 0;
	int	 l = 1;

	while (l < line && i < len) {
		if (data[i++] == '\n')
			l++;
	}
	return i;
}

/*
 * Where an element's start tag (or one of its attributes) is written:
 * libxml2 keeps only a node's line, the one its start tag ends on.
 * Searches back from the end of that line for "<name", then forward in
 * the tag for the attribute.
 */
void
xml_locate(const char *d, size_t len, xmlNodePtr node, const char *attr,
    int *line, int *col)
{
	const char *name = (const char *)node->name;
	size_t	 nl = strlen(name), eol, i, tag = (size_t)-1, al;
	char	 q = 0;

	*line = xml_line(node);
	*col = 0;
	if (d == NULL || *line == 0)
		return;
	eol = line_offset(d, len, *line);
	while (eol < len && d[eol] != '\n')
		eol++;
	for (i = eol; i-- > 0;)
		if (d[i] == '<' && i + 1 + nl <= len &&
		    memcmp(d + i + 1, name, nl) == 0 &&
		    (i + 1 + nl == len || name_end(d[i + 1 + nl]))) {
			tag = i;
			break;
		}
	if (tag == (size_t)-1)
		return;
	if (attr != NULL) {
		al = strlen(attr);
		for (i = tag + 1 + nl; i < len; i++) {
			if (q != 0) {
				if (d[i] == q)
					q = 0;
				continue;
			}
			if (d[i] == '"' || d[i] == '\'') {
				q = d[i];
				continue;
			}
			if (d[i] == '>')
				break;
			if (name_end(d[i - 1]) && i + al < len &&
			    memcmp(d + i, attr, al) == 0 &&
			    name_end(d[i + al])) {
				tag = i;
				break;
			}
		}
	}
	text_position(d, tag, line, col);
}

static void
locate(const struct rng_errors *re, xmlNodePtr node, const char *attr,
    int *line, int *col)
{
	xml_locate(re->data, re->len, node, attr, line, col);
}

static void
precise(struct rng_errors *re, int line, int col, char *text)
{
	int	 i;

	for (i = 0; i < re->nprecise; i++)
		if (re->precise[i].line == line &&
		    strcmp(re->precise[i].text, text) == 0) {
			free(text);	/* the same problem, met again */
			return;
		}
	if (re->nprecise == RNG_PRECISE) {
		free(text);
		return;
	}
	re->precise[re->nprecise].line = line;
	re->precise[re->nprecise].col = col;
	re->precise[re->nprecise++].text = text;
}

/* True if node was explained already; else remembers it. */
static bool
seen(struct rng_errors *re, xmlNodePtr node)
{
	int	 i;

	for (i = 0; i < re->ndone; i++)
		if (re->done[i] == node)
			return true;
	if (re->ndone < (int)(sizeof(re->done) / sizeof(re->done[0])))
		re->done[re->ndone++] = node;
	return false;
}

static const char *
article(const char *word)
{
	return strchr("aeiouAEIOU", word[0]) != NULL ? "an" : "a";
}

/* "name, role, phone and email" */
static char *
attr_list(const struct rs_elem *e)
{
	struct buf b = { 0 };
	size_t	 i;

	for (i = 0; i < e->nattrs; i++)
		buf_printf(&b, "%s%s", i == 0 ? "" : i + 1 == e->nattrs ?
		    " and " : ", ", e->attrs[i].name);
	return b.data ? buf_detach(&b) : xstrdup("no attributes");
}

static char *
kid_list(const struct rs_elem *e)
{
	struct buf b = { 0 };
	size_t	 i;

	for (i = 0; i < e->nkids; i++)
		buf_printf(&b, "%s<%s>", i == 0 ? "" : i + 1 == e->nkids ?
		    " and " : ", ", e->kids[i].name);
	return b.data ? buf_detach(&b) : xstrdup("no elements");
}

/*
 * The attributes of one element against the schema: unknown ones (with
 * the nearest known name), values of the wrong form (with what to
 * write), required ones missing.  Returns true if it found the fault.
 */
static bool
explain_attrs(struct rng_errors *re, xmlNodePtr node)
{
	const struct rs_elem *e;
	const struct rs_attr *ra;
	const char *el = (const char *)node->name, *hint, *near;
	xmlAttrPtr a;
	size_t	 i, k, nmeant = 0;
	const char *meant[16];
	int	 line, col, before = re->nprecise;

	if (re->rs == NULL || (e = rs_elem(re->rs, el)) == NULL)
		return false;
	for (a = node->properties; a != NULL; a = a->next) {
		const char *an = (const char *)a->name;
		char	*v;

		locate(re, node, an, &line, &col);
		if ((ra = rs_attr(e, an)) == NULL) {
			struct suggest sg;

			if (e->anyattr)
				continue;
			suggest_init(&sg, an);
			for (i = 0; i < e->nattrs; i++)
				if (xmlHasProp(node, (const xmlChar *)
				    e->attrs[i].name) == NULL)
					suggest_try(&sg, e->attrs[i].name);
			if (sg.best != NULL) {
				precise(re, line, col, xasprintf("unknown "
				    "attribute %s on <%s>: did you mean %s?",
				    an, el, sg.best));
				/* Not again as missing. */
				if (nmeant < 16)
					meant[nmeant++] = sg.best;
			}
			else {
				char	*l = attr_list(e);

				precise(re, line, col, xasprintf("unknown "
				    "attribute %s on <%s>: <%s> takes %s", an,
				    el, el, l));
				free(l);
			}
			continue;
		}
		v = xml_attr(node, an);
		if (v != NULL && !rs_value_ok(re->rs, ra, v)) {
			const char **set;
			char	*choices = rs_choices(re->rs, ra, &set);
			char	*range = choices ? NULL : rs_range(re->rs, ra);

			hint = hint_for(re->hints, an);
			near = set ? suggest(v, set) : NULL;
			/* Yes and no in Swedish, where the choice is
			 * yes or no. */
			for (i = 0; near == NULL && set != NULL && set[i] !=
			    NULL; i++)
				if ((strcmp(set[i], "yes") == 0 &&
				    strcasecmp(v, "ja") == 0) ||
				    (strcmp(set[i], "no") == 0 &&
				    strcasecmp(v, "nej") == 0))
					near = set[i];
			if (near != NULL && v[0] != '\0' &&
			    (isspace((unsigned char)v[0]) ||
			    isspace((unsigned char)v[strlen(v) - 1])))
				/* Read as its word by the schema, not by
				 * what reads it after: "yes " is not yes. */
				precise(re, line, col, xasprintf("<%s %s=\"%s\">: "
				    "write %s without spaces around it", el,
				    an, v, near));
			else if (near != NULL)
				precise(re, line, col, xasprintf("<%s %s=\"%s\">: "
				    "%s%s; did you mean \"%s\"?", el, an, v,
				    hint ? "" : "write ", hint ? hint : choices,
				    near));
			else if (hint != NULL && v[0] == '[' &&
			    v[strlen(v) - 1] == ']')
				/* A hint a new meeting.xml holds to be
				 * replaced, not a value written wrong. */
				precise(re, line, col, xasprintf("unfilled "
				    "template hint \"%s\" in <%s %s>: %s", v,
				    el, an, hint));
			else if (hint != NULL || choices != NULL ||
			    range != NULL)
				precise(re, line, col, xasprintf("<%s %s=\"%s\">: "
				    "%s%s", el, an, v, hint ? hint : choices ?
				    "write " : "", hint ? "" : choices ? choices :
				    range));
			else
				precise(re, line, col, xasprintf("<%s %s=\"%s\">: "
				    "the value does not have the form boardgen "
				    "needs (see boardgen(5))", el, an, v));
			free(set);
			free(choices);
			free(range);
		}
		free(v);
	}
	for (i = 0; i < e->nattrs; i++) {
		ra = &e->attrs[i];
		if (!rs_required(e, ra->nreq) ||
		    xmlHasProp(node, (const xmlChar *)ra->name) != NULL)
			continue;
		for (k = 0; k < nmeant && meant[k] != ra->name; k++)
			continue;
		if (k < nmeant)
			continue;
		locate(re, node, NULL, &line, &col);
		hint = hint_for(re->hints, ra->name);
		precise(re, line, col, xasprintf("<%s> needs %s %s attribute%s%s",
		    el, article(ra->name), ra->name, hint ? ": " : "",
		    hint ? hint : ""));
	}
	return re->nprecise > before;
}

/*
 * The elements inside one: unknown names (with the nearest known one),
 * elements that belong elsewhere, required ones missing, text where
 * none belongs.  `at' is the element libxml2 stopped at, if any.
 */
static bool
explain_kids(struct rng_errors *re, xmlNodePtr parent, xmlNodePtr at)
{
	const struct rs_elem *e;
	const char *pn = (const char *)parent->name, *hint;
	xmlNodePtr c;
	size_t	 i;
	int	 line, col, before = re->nprecise;

	if (re->rs == NULL || (e = rs_elem(re->rs, pn)) == NULL)
		return false;
	hint = hint_for(re->hints, pn);
	for (c = parent->children; c != NULL; c = c->next) {
		const char *cn = (const char *)c->name;

		if (c->type != XML_ELEMENT_NODE || rs_kid(e, cn) != NULL)
			continue;
		locate(re, c, NULL, &line, &col);
		if (rs_elem(re->rs, cn) == NULL) {
			struct suggest sg;

			suggest_init(&sg, cn);
			for (i = 0; i < e->nkids; i++)
				suggest_try(&sg, e->kids[i].name);
			for (i = 0; sg.best == NULL && i < re->rs->nelems; i++)
				suggest_try(&sg, re->rs->elems[i].name);
			if (sg.best != NULL) {
				precise(re, line, col, xasprintf("unknown "
				    "element <%s>: did you mean <%s>?", cn,
				    sg.best));
				continue;
			}
		}
		{
			char	*l = hint ? NULL : kid_list(e);

			precise(re, line, col, xasprintf("%s<%s> %s <%s>: "
			    "%s%s%s", rs_elem(re->rs, cn) ? "" :
			    "unknown element ", cn, rs_elem(re->rs, cn) ?
			    "does not belong in" : "in", pn, hint ? hint : "<",
			    hint ? "" : pn, hint ? "" : "> holds "));
			if (l != NULL) {
				char	*t = re->precise[re->nprecise - 1].text;

				re->precise[re->nprecise - 1].text =
				    xasprintf("%s%s", t, l);
				free(t);
			}
			free(l);
		}
	}
	if (re->nprecise > before)
		return true;
	for (i = 0; i < e->nkids; i++) {
		bool	 have = false;

		if (!rs_required(e, e->kids[i].nreq))
			continue;
		for (c = parent->children; c != NULL && !have; c = c->next)
			have = xml_is(c, e->kids[i].name);
		if (have)
			continue;
		locate(re, at ? at : parent, NULL, &line, &col);
		precise(re, line, col, xasprintf("<%s> needs %s <%s> element%s%s",
		    pn, article(e->kids[i].name), e->kids[i].name,
		    hint ? ": " : "", hint ? hint : ""));
	}
	if (re->nprecise == before && at != NULL) {
		locate(re, at, NULL, &line, &col);
		precise(re, line, col, xasprintf("<%s> is out of place in "
		    "<%s>%s%s", (const char *)at->name, pn, hint ? ": " : "",
		    hint ? hint : " (see boardgen(5) for the order)"));
	}
	return re->nprecise > before;
}

/* An element whose text has the wrong form, or text where none is. */
static bool
explain_text(struct rng_errors *re, xmlNodePtr node, bool none)
{
	const char *el = (const char *)node->name, *hint;
	char	*t;
	int	 line, col;

	locate(re, node, NULL, &line, &col);
	if (none) {
		const struct rs_elem *e = re->rs != NULL ? rs_elem(re->rs, el) :
		    NULL;

		t = xml_text(node);
		/* Text meant as the title the element takes as an
		 * attribute: say how it is written. */
		if (e != NULL && rs_attr(e, "title") != NULL &&
		    xmlHasProp(node, (const xmlChar *)"title") == NULL &&
		    *t != '\0' && strlen(t) < 200 && strchr(t, '"') == NULL)
			precise(re, line, col, xasprintf("<%s> holds no text: "
			    "give the title as an attribute, <%s ... "
			    "title=\"%s\"/>", el, el, t));
		else
			precise(re, line, col, xasprintf("<%s> holds no text: "
			    "remove the text (an element without content can "
			    "be written <%s .../>)", el, el));
		free(t);
		return true;
	}
	t = xml_text(node);
	hint = hint_for(re->hints, el);
	if (*t == '\0')
		precise(re, line, col, xasprintf("<%s> is empty: write its "
		    "text between <%s> and </%s>", el, el, el));
	else
		precise(re, line, col, xasprintf("<%s>%s</%s>: %s", el, t, el,
		    hint ? hint : "the text does not have the form boardgen "
		    "needs (see boardgen(5))"));
	free(t);
	return true;
}

/* Finds the fault libxml2's message points at, from the schema. */
static bool
explain(struct rng_errors *re, const char *m, xmlNodePtr node)
{
	char	 elem[64];

	if (re->rs == NULL || node == NULL || node->type != XML_ELEMENT_NODE)
		return false;
	if (sscanf(m, "Element %63s failed to validate attributes",
	    elem) == 1 || sscanf(m, "Invalid attribute %*s for element "
	    "%63s", elem) == 1) {
		/* libxml2 may name the element but point at its first
		 * child, or at the next element. */
		xmlNodePtr n = node;

		while (n != NULL && !xml_is(n, elem))
			n = n->prev ? n->prev : n->parent;
		if (n == NULL)
			return false;
		return seen(re, n) || explain_attrs(re, n);
	}
	if (sscanf(m, "Did not expect element %63s there", elem) == 1 ||
	    sscanf(m, "Expecting element %63s", elem) == 1) {
		if (node->parent == NULL ||
		    node->parent->type != XML_ELEMENT_NODE)
			return false;
		return seen(re, node->parent) ||
		    explain_kids(re, node->parent, node);
	}
	if (strncmp(m, "Expecting an element", 20) == 0 ||
	    strstr(m, "has extra content") != NULL)
		return seen(re, node) || explain_kids(re, node, NULL);
	if (strncmp(m, "Did not expect text in element", 30) == 0)
		return seen(re, node) || explain_text(re, node, true);
	if (strncmp(m, "Error validating datatype", 25) == 0 ||
	    strstr(m, "failed to validate content") != NULL) {
		if (xmlFirstElementChild(node) != NULL)
			return seen(re, node) || explain_kids(re, node, NULL);
		return seen(re, node) || explain_text(re, node, false);
	}
	return false;
}

static char	*rng_rewrite(const struct rng_errors *, const char *,
		    xmlNodePtr);

/*
 * libxml2's RELAX NG messages name the rule, not the fix.  Those the
 * schema can explain are; the rest are rewritten with the offending
 * value and, where the caller gave one, what to write instead.
 */
static char *
rng_message(struct rng_errors *re, const char *raw, xmlNodePtr node)
{
	char	*r, *m;
	size_t	 n;

	m = xstrdup(raw);
	n = strlen(m);
	while (n > 0 && (m[n - 1] == '\n' || m[n - 1] == ' '))
		m[--n] = '\0';
	if (explain(re, m, node)) {
		free(m);
		return NULL;
	}
	r = rng_rewrite(re, m, node);
	free(m);
	return r;
}

static char *
rng_rewrite(const struct rng_errors *re, const char *m, xmlNodePtr node)
{
	char	 attr[64], elem[64], *val, *r;
	const char *hint;

	if (sscanf(m, "Invalid attribute %63s for element %63s", attr,
	    elem) == 2) {
		val = node ? xml_attr(node, attr) : NULL;
		hint = hint_for(re->hints, attr);
		r = xasprintf("<%s %s=\"%s\">: the value is not allowed: %s",
		    elem, attr, val ? val : "", hint ? hint :
		    "see boardgen(5) for the format");
		free(val);
		return r;
	}
	if (sscanf(m, "Did not expect element %63s there", elem) == 1 ||
	    sscanf(m, "Expecting element %63s", elem) == 1) {
		const char *parent = node && node->parent &&
		    node->parent->type == XML_ELEMENT_NODE ?
		    (const char *)node->parent->name : NULL;

		hint = parent ? hint_for(re->hints, parent) : NULL;
		if (hint == NULL)
			hint = hint_for(re->hints, elem);
		return xasprintf("%s%s%s", m, hint ? ": " : "",
		    hint ? hint : " (see boardgen(5) for the format)");
	}
	/* A required element missing, or elements in an order that an
	 * <interleave> does not allow: say which element, with its hint. */
	if (node != NULL && node->type == XML_ELEMENT_NODE &&
	    (sscanf(m, "Expecting an element %63[^,], got nothing",
	    elem) == 1 || strcmp(m, "Invalid sequence in interleave") == 0)) {
		hint = hint_for(re->hints, (const char *)node->name);
		return xasprintf("<%s>: its elements are not all there or not "
		    "in an order allowed%s%s", (const char *)node->name,
		    hint ? ": " : "", hint ? hint :
		    " (see boardgen(5) for the format)");
	}
	/* An element that ends before what it must hold (an empty
	 * <agenda>): libxml2 names no element at all. */
	if (strcmp(m, "Expecting an element , got nothing") == 0 &&
	    node != NULL && node->type == XML_ELEMENT_NODE) {
		hint = hint_for(re->hints, (const char *)node->name);
		return xasprintf("<%s> ends before the elements it must hold%s%s",
		    (const char *)node->name, hint ? ": " : "",
		    hint ? hint : " (see boardgen(5) for the format)");
	}
	if (sscanf(m, "Element %63s failed to validate attributes",
	    elem) == 1 && node != NULL) {
		struct buf b = { 0 };
		xmlAttrPtr a;

		/* No word on which one: show them all. */
		for (a = node->properties; a != NULL; a = a->next) {
			val = xml_attr(node, (const char *)a->name);
			buf_printf(&b, " %s=\"%s\"", (const char *)a->name,
			    val ? val : "");
			free(val);
		}
		r = xasprintf("<%s%s>: an attribute is missing, or one of "
		    "these values is not allowed (see boardgen(5) for the "
		    "format)", elem,
		    b.data ? b.data : "");
		buf_free(&b);
		return r;
	}
	return xasprintf("%s (see boardgen(5) for the format)", m);
}

/* One schema violation yields a cascade: a precise message with a line
 * and vaguer ones without ("Element session failed to validate
 * attributes").  Keep the first few; print those with a line, or the
 * others only if none has one. */
/* One schema violation yields a cascade: a precise message with a line
 * and vaguer ones without ("Element session failed to validate
 * attributes").  The first few are kept and explained after the
 * validation, when the schema is read as data. */
static void
rng_structured(void *ctx, xmlErrorPtr e)
{
	struct rng_errors *re = ctx;
	int	 line = e->line;

	if (line == 0 && e->node != NULL)
		line = (int)xmlGetLineNo((xmlNodePtr)e->node);
	if (re->n >= RNG_KEEP)
		return;
	re->msg[re->n] = xstrdup(e->message ? e->message : "invalid");
	re->node[re->n] = (xmlNodePtr)e->node;
	re->line[re->n] = line;
	re->n++;
}

static void
rng_report(struct rng_errors *re)
{
	int	 i, any_line = 0, shown = 0;
	char	*m;

	for (i = 0; i < re->n; i++) {
		m = rng_message(re, re->msg[i], re->node[i]);
		free(re->msg[i]);
		re->msg[i] = m;
		if (m != NULL && re->line[i] > 0)
			any_line = 1;
	}
	/* What the schema explains is the cause; the rest cascades. */
	for (i = 0; i < re->nprecise; i++) {
		diag(DIAG_ERROR, re->name, re->precise[i].line,
		    re->precise[i].col, "%s", re->precise[i].text);
		free(re->precise[i].text);
	}
	for (i = 0; i < re->n; i++) {
		if (re->msg[i] != NULL && re->nprecise == 0 &&
		    (re->line[i] > 0) == any_line && shown++ < 3)
			diag(DIAG_ERROR, re->name, re->line[i], 0,
			    "does not match the schema: %s", re->msg[i]);
		free(re->msg[i]);
	}
}

static int
validate(const char *name, xmlDocPtr doc, const char *schema,
    const struct xml_hint *hints, const char *text, size_t textlen)
{
	xmlRelaxNGParserCtxtPtr pctx;
	xmlRelaxNGPtr	 rng;
	xmlRelaxNGValidCtxtPtr vctx;
	struct rng_errors re;
	char	*data;
	size_t	 len;
	int	 rc;

	if (!file_read(schema, XML_MAX_SIZE, &data, &len))
		return 0;
	pctx = xmlRelaxNGNewMemParserCtxt(data, (int)len);
	rng = pctx ? xmlRelaxNGParse(pctx) : NULL;
	xmlRelaxNGFreeParserCtxt(pctx);
	if (rng == NULL) {
		free(data);
		diag(DIAG_ERROR, schema, 0, 0, "cannot read the schema: "
		    "reinstall boardgen's templates");
		return 0;
	}
	memset(&re, 0, sizeof(re));
	re.name = name;
	re.hints = hints;
	re.data = text;
	re.len = textlen;
	vctx = xmlRelaxNGNewValidCtxt(rng);
	xmlRelaxNGSetValidStructuredErrors(vctx, rng_structured, &re);
	rc = xmlRelaxNGValidateDoc(vctx, doc);
	xmlRelaxNGFreeValidCtxt(vctx);
	xmlRelaxNGFree(rng);
	/* Read as data only to explain a failure. */
	if (re.n > 0)
		re.rs = rs_new(data, len);
	free(data);
	rng_report(&re);
	rs_free(re.rs);
	if (rc != 0 && re.n == 0)
		diag(DIAG_ERROR, name, 0, 0, "does not match the schema %s",
		    schema);
	return rc == 0;
}

xmlDocPtr
xml_load_memory(const char *name, const char *data, size_t len,
    const char *schema, const struct xml_hint *hints)
{
	xmlParserCtxtPtr ctxt;
	xmlDocPtr doc;
	long	 dt;
	size_t	 bad, bom;
	uint32_t cp;
	int	 line, col;

	if (len > XML_MAX_SIZE) {
		diag(DIAG_ERROR, name, 0, 0, "file is too large (%zu bytes; "
		    "the limit is %u)", len, XML_MAX_SIZE);
		return NULL;
	}
	if ((bad = utf8_validate(data, len)) != (size_t)-1) {
		text_position(data, bad, &line, &col);
		diag(DIAG_ERROR, name, line, col, "invalid UTF-8 at byte 0x%02x: "
		    "save the file as UTF-8", (unsigned char)data[bad]);
		return NULL;
	}
	/* Every value of these files is a title, a name, a number or a
	 * code, which must show what it holds: no bidi control may
	 * reorder it, no zero-width character hide part of it. */
	bom = len >= 3 && memcmp(data, "\xef\xbb\xbf", 3) == 0 ? 3 : 0;
	if ((bad = utf8_find_format(data + bom, len - bom, &cp, NULL)) !=
	    (size_t)-1) {
		bad += bom;
		text_position(data, bad, &line, &col);
		diag(DIAG_ERROR, name, line, col, "invisible format character "
		    "U+%04X (%s): delete it (a title, name or number must "
		    "show all it holds)", (unsigned)cp,
		    unicode_format_name(cp));
		return NULL;
	}
	if ((dt = too_many_attrs(data, len)) >= 0) {
		text_position(data, (size_t)dt, &line, &col);
		diag(DIAG_ERROR, name, line, col, "more than %d attributes in "
		    "one element: no element of this format has so many; "
		    "remove them", XML_MAX_ATTRS);
		return NULL;
	}
	if ((dt = find_doctype(data, len)) >= 0) {
		text_position(data, (size_t)dt, &line, &col);
		diag(DIAG_ERROR, name, line, col, "a DOCTYPE is not allowed: "
		    "remove the <!DOCTYPE ...> declaration");
		return NULL;
	}
	forget_first();
	if ((ctxt = xmlNewParserCtxt()) == NULL) {
		diag(DIAG_ERROR, name, 0, 0, "out of memory");
		return NULL;
	}
	doc = xmlCtxtReadMemory(ctxt, data, (int)len, name, "UTF-8",
	    XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
	if (doc == NULL || !ctxt->wellFormed) {
		const xmlError *e = have_first ? &first_error :
		    xmlCtxtGetLastError(ctxt);

		report_xml_error(name, e, data, len);
		if (doc)
			xmlFreeDoc(doc);
		xmlFreeParserCtxt(ctxt);
		return NULL;
	}
	xmlFreeParserCtxt(ctxt);
	if (doc->intSubset != NULL || doc->extSubset != NULL) {
		diag(DIAG_ERROR, name, 1, 1, "a DOCTYPE is not allowed: "
		    "remove the <!DOCTYPE ...> declaration");
		xmlFreeDoc(doc);
		return NULL;
	}
	if (schema != NULL && !validate(name, doc, schema, hints, data, len)) {
		xmlFreeDoc(doc);
		return NULL;
	}
	return doc;
}

xmlDocPtr
xml_load(const char *path, const char *schema, const struct xml_hint *hints)
{
	char	*data;
	size_t	 len;
	xmlDocPtr doc;

	if (!file_read(path, XML_MAX_SIZE, &data, &len))
		return NULL;
	doc = xml_load_memory(path, data, len, schema, hints);
	free(data);
	return doc;
}

char *
xml_attr(xmlNodePtr n, const char *name)
{
	xmlChar	*v = xmlGetProp(n, (const xmlChar *)name);
	char	*s;

	if (v == NULL)
		return NULL;
	s = xstrdup((const char *)v);
	xmlFree(v);
	return s;
}

char *
xml_text(xmlNodePtr n)
{
	xmlChar	*v = xmlNodeGetContent(n);
	char	*s = xml_collapse(v != NULL ? (const char *)v : "");

	if (v != NULL)
		xmlFree(v);
	return s;
}

int
xml_is(xmlNodePtr n, const char *name)
{
	return n != NULL && n->type == XML_ELEMENT_NODE &&
	    strcmp((const char *)n->name, name) == 0;
}

int
xml_line(xmlNodePtr n)
{
	long	 l = n != NULL ? xmlGetLineNo(n) : 0;

	return l > 0 && l < INT_MAX ? (int)l : 0;
}

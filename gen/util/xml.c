/*
 * Safe XML reading.  Inputs are written by many hands: no network, no
 * entity expansion, no DTD at all (a DOCTYPE is rejected before libxml2
 * sees it), a size cap, and a loader that refuses every external
 * entity in case one slips through.
 */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/relaxng.h>
#include <libxml/xmlerror.h>

#include "util.h"
#include "xml.h"

#define XML_MAX_SIZE	(4u * 1024u * 1024u)

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

/* Trims libxml2's message: no trailing newline. */
static void
report_xml_error(const char *name, const xmlError *e, const char *what)
{
	char	*msg = xstrdup(e && e->message ? e->message : "unknown error");
	size_t	 n = strlen(msg);

	while (n > 0 && (msg[n - 1] == '\n' || msg[n - 1] == ' '))
		msg[--n] = '\0';
	/* libxml2 advises an option boardgen never sets. */
	if (strncmp(msg, "Excessive depth in document", 27) == 0) {
		free(msg);
		msg = xstrdup("elements are nested more than 256 levels deep: "
		    "flatten the file");
	}
	int	 line = e ? e->line : 0;

	/* Validity errors often carry the node rather than a line. */
	if (line == 0 && e && e->node != NULL)
		line = (int)xmlGetLineNo((xmlNodePtr)e->node);
	diag(DIAG_ERROR, name, line, e && e->int2 > 0 ? e->int2 : 0,
	    "%s: %s", what, msg);
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

#define RNG_KEEP	8

struct rng_errors {
	const char	*name;
	const struct xml_hint *hints;
	int		 n;
	int		 line[RNG_KEEP];
	char		*msg[RNG_KEEP];
};

static const char *
hint_for(const struct xml_hint *h, const char *name)
{
	for (; h != NULL && h->name != NULL; h++)
		if (strcmp(h->name, name) == 0)
			return h->text;
	return NULL;
}

static char	*rng_rewrite(const struct rng_errors *, const char *,
		    xmlNodePtr);

/*
 * libxml2's RELAX NG messages name the rule, not the fix.  The common
 * ones are rewritten with the offending value and, where the caller
 * gave one, what to write instead.
 */
static char *
rng_message(const struct rng_errors *re, xmlErrorPtr e)
{
	char	*r, *m;
	xmlNodePtr node = (xmlNodePtr)e->node;
	size_t	 n;

	m = xstrdup(e->message ? e->message : "invalid");
	n = strlen(m);
	while (n > 0 && (m[n - 1] == '\n' || m[n - 1] == ' '))
		m[--n] = '\0';
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
		r = xasprintf("<%s%s>: one of these values is not allowed "
		    "(see boardgen(5) for the format)", elem,
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
static void
rng_structured(void *ctx, xmlErrorPtr e)
{
	struct rng_errors *re = ctx;
	char	*msg;
	size_t	 n;
	int	 line = e->line;

	if (line == 0 && e->node != NULL)
		line = (int)xmlGetLineNo((xmlNodePtr)e->node);
	if (re->n >= RNG_KEEP)
		return;
	msg = rng_message(re, e);
	n = strlen(msg);
	while (n > 0 && (msg[n - 1] == '\n' || msg[n - 1] == ' '))
		msg[--n] = '\0';
	re->msg[re->n] = msg;
	re->line[re->n] = line;
	re->n++;
}

static void
rng_report(struct rng_errors *re)
{
	int	 i, any_line = 0, shown = 0;

	for (i = 0; i < re->n; i++)
		if (re->line[i] > 0)
			any_line = 1;
	for (i = 0; i < re->n; i++) {
		if ((re->line[i] > 0) == any_line && shown++ < 3)
			diag(DIAG_ERROR, re->name, re->line[i], 0,
			    "does not match the schema: %s", re->msg[i]);
		free(re->msg[i]);
	}
}

static int
validate(const char *name, xmlDocPtr doc, const char *schema,
    const struct xml_hint *hints)
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
	free(data);
	if (rng == NULL) {
		diag(DIAG_ERROR, schema, 0, 0, "cannot read the schema: "
		    "reinstall boardgen's templates");
		return 0;
	}
	memset(&re, 0, sizeof(re));
	re.name = name;
	re.hints = hints;
	vctx = xmlRelaxNGNewValidCtxt(rng);
	xmlRelaxNGSetValidStructuredErrors(vctx, rng_structured, &re);
	rc = xmlRelaxNGValidateDoc(vctx, doc);
	xmlRelaxNGFreeValidCtxt(vctx);
	xmlRelaxNGFree(rng);
	rng_report(&re);
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
	size_t	 bad;
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

		report_xml_error(name, e, "malformed XML");
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
	if (schema != NULL && !validate(name, doc, schema, hints)) {
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
	struct buf b = { 0 };
	const char *p;
	bool	 space = false;

	if (v != NULL) {
		for (p = (const char *)v; *p; p++) {
			if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r') {
				space = true;
				continue;
			}
			if (space && b.len > 0)
				buf_putc(&b, ' ');
			space = false;
			buf_putc(&b, *p);
		}
		xmlFree(v);
	}
	return buf_detach(&b);
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

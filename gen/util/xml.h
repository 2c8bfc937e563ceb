/*
 * Safe XML reading on libxml2, shared by content/ (manifests) and
 * template/ (templates): parse from memory with XML_PARSE_NONET only,
 * no entity substitution, no DTD, a deny-all external entity loader,
 * DOCTYPE rejected, a size cap; optional RELAX NG validation.  Errors are
 * reported as "file:line:col: error: ...".
 */
#ifndef BOARDGEN_XML_H
#define BOARDGEN_XML_H

#include <libxml/tree.h>

/* Call once before any other libxml2 use (installs the entity loader
 * and silences libxml2's own printing). */
void	 xml_setup(void);
void	 xml_cleanup(void);

/* What to write instead, for schema errors about an attribute or an
 * element of this name ("start": "write the time as HH.MM, e.g. 08.30"). */
struct xml_hint {
	const char	*name;
	const char	*text;
};

/* Parses file `path'.  If schema is non-NULL (path of a .rng file) the
 * document is validated against it; hints (ended by a NULL name, or
 * NULL) complete its messages.  Returns NULL after reporting. */
xmlDocPtr xml_load(const char *path, const char *schema,
	    const struct xml_hint *hints);
/* Same from memory; `name' is used in diagnostics. */
xmlDocPtr xml_load_memory(const char *name, const char *data, size_t len,
	    const char *schema, const struct xml_hint *hints);

/* Attribute value as a fresh string (xmlFree it with free()), or NULL. */
char	*xml_attr(xmlNodePtr, const char *name);
/* Text content of a node with whitespace runs collapsed and trimmed;
 * caller frees. */
char	*xml_text(xmlNodePtr);
/* The node's line in its file, 0 if unknown. */
int	 xml_line(xmlNodePtr);
/* Line and column of node's start tag in its file's text data, or of
 * its attribute `attr' if not NULL (libxml2 keeps lines only); col is 0
 * if not found. */
void	 xml_locate(const char *data, size_t len, xmlNodePtr,
	    const char *attr, int *line, int *col);
/* True if node is an element named `name' (any namespace). */
int	 xml_is(xmlNodePtr, const char *name);

#endif /* BOARDGEN_XML_H */

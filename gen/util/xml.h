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

/* Parses file `path'.  If schema is non-NULL (path of a .rng file) the
 * document is validated against it.  Returns NULL after reporting. */
xmlDocPtr xml_load(const char *path, const char *schema);
/* Same from memory; `name' is used in diagnostics. */
xmlDocPtr xml_load_memory(const char *name, const char *data, size_t len,
	    const char *schema);

/* Attribute value as a fresh string (xmlFree it with free()), or NULL. */
char	*xml_attr(xmlNodePtr, const char *name);
/* Text content of a node with whitespace runs collapsed and trimmed;
 * caller frees. */
char	*xml_text(xmlNodePtr);
/* True if node is an element named `name' (any namespace). */
int	 xml_is(xmlNodePtr, const char *name);

#endif /* BOARDGEN_XML_H */

/*
 * What a RELAX NG schema allows, read from the schema itself, for
 * messages that name the attribute or element at fault and what to
 * write instead (xmlschema.c).  Private to util/xml.c and its tests.
 */
#ifndef BOARDGEN_XML_PRIVATE_H
#define BOARDGEN_XML_PRIVATE_H

#include <stdbool.h>
#include <libxml/tree.h>

struct rs_attr {
	const char	*name;
	xmlNodePtr	*defs;		/* the schema's <attribute> nodes */
	size_t		 ndefs;
	int		 nreq;		/* definitions that require it */
};

struct rs_kid {
	const char	*name;
	int		 nreq;
};

struct rs_elem {
	const char	*name;
	int		 ndefs;
	bool		 anyattr;
	struct rs_attr	*attrs;
	size_t		 nattrs;
	struct rs_kid	*kids;
	size_t		 nkids;
};

struct rs {
	xmlDocPtr	 doc;
	struct rs_elem	*elems;
	size_t		 nelems;
	xmlNodePtr	*seen;		/* <element> nodes walked */
	size_t		 nseen;
};

/* Reads the schema's text; NULL if it is not a grammar. */
struct rs	*rs_new(const char *data, size_t len);
void		 rs_free(struct rs *);
const struct rs_elem *rs_elem(const struct rs *, const char *name);
const struct rs_attr *rs_attr(const struct rs_elem *, const char *name);
const struct rs_kid *rs_kid(const struct rs_elem *, const char *name);
/* True if every definition of the element requires it. */
bool		 rs_required(const struct rs_elem *, int nreq);
/* True if some definition of the attribute accepts value v. */
bool		 rs_value_ok(const struct rs *, const struct rs_attr *,
		    const char *v);
/* The values an attribute takes, if it is a choice of words ("yes or
 * no"), else NULL; caller frees.  *set gets them NULL-ended (free the
 * array, not the strings, which live in the schema). */
char		*rs_choices(const struct rs *, const struct rs_attr *,
		    const char ***set);
/* "a whole number from 0 to 6", or NULL; caller frees. */
char		*rs_range(const struct rs *, const struct rs_attr *);

/* s with its runs of white space one space and none at either end, as
 * the token type compares and as xml_text gives text.  Caller frees. */
char	*xml_collapse(const char *s);

#endif /* BOARDGEN_XML_PRIVATE_H */

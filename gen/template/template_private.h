/* Declarations shared inside the template stage (and its unit tests). */
#ifndef BOARDGEN_TEMPLATE_PRIVATE_H
#define BOARDGEN_TEMPLATE_PRIVATE_H

#include <libxml/tree.h>

#include "template.h"

#define TMPL_MAX_FILES	8

/* How case content (Markdown blocks) is styled. */
struct content_map {
	const struct style *para;
	const struct style *heading[6];	/* by model heading level 1..6 */
	int		 heading_offset;	/* model level + offset = doc level */
	const struct style *item;	/* list items: label width */
	const struct style *item_para;	/* paragraphs in tight list items */
	const struct style *quote;
	const struct style *quote_para;
	const struct style *code;
	const struct style *rule;
	char		*bullet[3];	/* by nesting depth, cycling */
};

struct tmpl {
	struct doc	*doc;		/* families, styles, page styles */
	const char	*dir;
	xmlDocPtr	 xml[TMPL_MAX_FILES];
	char		*path[TMPL_MAX_FILES];
	size_t		 nxml;
	struct content_map cmap;
	bool		 have_cmap;
	xmlNodePtr	 pack;		/* <document role="pack"> */
	xmlNodePtr	 item;		/* <document role="item"> */
	xmlNodePtr	 metadata;	/* <metadata> */
};

/* style.c */
int	 tmpl_length(const char *, float *);	/* "12pt", "25mm", "1.5cm" */
int	 tmpl_load_file(struct tmpl *, const char *path, const char *schema);
int	 tmpl_collect(struct tmpl *);		/* fonts, styles, page styles */
const struct style *tmpl_style(const struct tmpl *, const char *name);
const struct page_style *tmpl_page_style(const struct tmpl *, const char *);
const char *tmpl_file(const struct tmpl *, xmlNodePtr);

/* cases.c: model blocks -> styled document blocks. */
struct block *tmpl_style_blocks(const struct content_map *,
	    const struct block *, int depth);
/* "1.", "a.", "z.", "aa." ... for list numbering. */
char	*tmpl_list_label(enum list_style, int n);

#endif /* BOARDGEN_TEMPLATE_PRIVATE_H */

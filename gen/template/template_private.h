/* Declarations shared inside the template stage (and its unit tests). */
#ifndef BOARDGEN_TEMPLATE_PRIVATE_H
#define BOARDGEN_TEMPLATE_PRIVATE_H

#include <libxml/tree.h>

#include "template.h"

#define TMPL_MAX_FILES	8

/* How figures become tables and charts (<figures> in a template).
 * Texts are kept in fixed arrays: the map lives as long as its tmpl. */
#define TMPL_FIG_TEXT	160
struct figure_map {
	bool		 loaded;
	const struct style *table;	/* padding, rules, rule colour */
	const struct style *caption;
	const struct style *head;	/* header cells */
	const struct style *cell;	/* text cells */
	const struct style *number;	/* number cells */
	const struct style *part;	/* "Varav" rows: indented */
	const struct style *subtotal;
	const struct style *total;
	const struct style *group;
	const struct style *notes;	/* unit and source under the table */
	const struct style *legend;	/* status legend */
	const struct style *failed;	/* note under a table whose check
					 * failed */
	const struct style *chart_text;
	const struct style *chart_title;
	char		 continued[TMPL_FIG_TEXT];	/* " (forts.)" */
	char		 unit_format[TMPL_FIG_TEXT];	/* "Belopp i {unit}" */
	char		 failed_text[TMPL_FIG_TEXT];	/* "Kontroll ..." */
	char		 failed_subject[TMPL_FIG_TEXT];	/* metadata */
	char		 line_word[TMPL_FIG_TEXT];	/* "Linjediagram" */
	char		 bar_word[TMPL_FIG_TEXT];	/* "Stapeldiagram" */
	char		 values_text[TMPL_FIG_TEXT];	/* "Värdena ..." */
	struct rgb	 status[STATUS_LEVELS + 1];
	struct rgb	 colors[6];
	float		 chart_height;
	float		 min_size;	/* tables too wide: smallest size */
	bool		 landscape;	/* then a landscape page */
	struct doc	*doc;		/* its subject is marked when a figure
					 * with a failed check is placed */
	bool		 marked;
	size_t		 rows;		/* table rows placed in the pack */
};
/* Table rows of all figures in one pack: one figure may have 100 000,
 * and the same one placed again and again would not stop.  A row costs
 * some 4 KB to lay out and write (cells, items, tags): 100 000 rows
 * stay near 400 MB, well under 1 GiB beside the pages of text. */
#define TMPL_MAX_PACK_ROWS	25000

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
	const struct style *footnote;	/* notes at the page bottom */
	char		*bullet[3];	/* by nesting depth, cycling */
	struct figure_map *fig;		/* how figures are styled */
};

/* Templates of the documents behind agenda items, by role. */
enum tmpl_doc {
	TDOC_TJANSTESKRIVELSE,	/* role="tjansteskrivelse" */
	TDOC_RAPPORT,		/* role="rapport" */
	TDOC_UPPFOLJNING,	/* role="uppfoljning" (else rapport's) */
	TDOC_BREV,		/* role="brev" */
	TDOC_PROGRAM,		/* role="program" */
	TDOC_BILAGA,		/* role="bilaga": a PDF made elsewhere */
	TDOC__MAX
};

#define TMPL_MAX_CMAPS	8	/* named <content> maps */

struct tmpl {
	struct doc	*doc;		/* families, styles, page styles */
	const char	*dir;
	xmlDocPtr	 xml[TMPL_MAX_FILES];
	char		*path[TMPL_MAX_FILES];
	size_t		 nxml;
	size_t		 order[TMPL_MAX_FILES];	/* used files first */
	size_t		 norder;
	struct content_map cmap;
	bool		 have_cmap;
	bool		 logo_checked;	/* its print resolution, once */
	xmlNodePtr	 pack;		/* <document role="pack"> */
	xmlNodePtr	 item;		/* <document role="item"> */
	xmlNodePtr	 divider;	/* <document role="divider">, or NULL */
	xmlNodePtr	 metadata;	/* <metadata> */
	xmlNodePtr	 protocol;	/* <document role="protokoll"> */
	int		 justering_days;	/* <protocol justering-days> */
	xmlNodePtr	 docs[TDOC__MAX];	/* document templates */
	struct content_map named[TMPL_MAX_CMAPS]; /* <content name=""> */
	char		*named_name[TMPL_MAX_CMAPS];
	size_t		 nnamed;
	struct figure_map fmap;		/* <figures> */
	/* Footnotes: whose notes are being placed (a case file or a
	 * document), the set number that makes their anchors unique in
	 * the pack, and which numbers have their note placed. */
	const void	*note_owner;
	int		 note_set;
	bool		 note_placed[NOTES_MAX + 1];
};

/* style.c */
int	 tmpl_length(const char *, float *);	/* "12pt", "25mm", "1.5cm" */
int	 tmpl_color(const char *, struct rgb *);	/* "#rrggbb" */
/* The index of the word v that attribute attr of <style> takes (face:
 * FACE_*, align: enum align), or -1 with *near the word it is likely a
 * typo of (or NULL).  The schema already limits them; this is what the
 * loader itself holds to. */
int	 tmpl_keyword(const char *attr, const char *v, const char **near);
int	 tmpl_load_file(struct tmpl *, const char *path, const char *schema);
int	 tmpl_collect(struct tmpl *);		/* fonts, styles, page styles */
const struct style *tmpl_style(const struct tmpl *, const char *name);
const struct page_style *tmpl_page_style(const struct tmpl *, const char *);
const char *tmpl_file(const struct tmpl *, xmlNodePtr);

/* documents.c */
/* The enum tmpl_doc of a role name, or -1 for pack, item or unknown. */
int	 tmpl_doc_role(const char *);
/* The template file (in the template folder) of a document kind, and
 * the role its <document> has. */
const char *tmpl_doc_file(enum document_kind);
int	 tmpl_doc_kind_role(enum document_kind);
const char *tmpl_doc_role_name(int);
/* The map a <content> element fills: the default one, or a new named
 * one; NULL after reporting. */
struct content_map *tmpl_new_cmap(struct tmpl *, xmlNodePtr);
/* The named map, or the default (name NULL); NULL if none. */
const struct content_map *tmpl_cmap(const struct tmpl *, const char *);
void	 tmpl_free_cmaps(struct tmpl *);
/* Numbers a styled body's headings as chapters ("1", "1.1", "3.2.1")
 * as their labels; gives each an anchor "<prefix>-<n>" and, if
 * outline_base > 0, those down to outline_depth a bookmark at
 * outline_base + depth - 1.  Headings deeper than `levels' are left
 * unnumbered; with levels 0, none is, and none keeps its style's
 * label column. */
void	 tmpl_number_chapters(struct block *, const char *prefix,
	    int levels, int outline_base, int outline_depth);
/* A table of contents for such a body: one paragraph per heading down
 * to `levels', its number as label and its page as trailer. */
struct block *tmpl_toc(const struct block *, int levels,
	    const struct style *, const struct style *sub);

/* figures.c: a figure reference -> a table, or a chart followed by
 * its numbers as a table; NULL after reporting. */
int	 tmpl_load_figure_map(struct tmpl *, xmlNodePtr);
struct block *tmpl_figure(struct figure_map *, const struct block *ref);
struct chart *tmpl_figure_chart(const struct figure_map *,
		    const struct block *ref, bool *by_rows, bool *pct);

/* cases.c: model blocks -> styled document blocks. */
struct block *tmpl_style_blocks(const struct content_map *,
	    const struct block *, int depth);
/* The blocks from src up to stop (NULL: the end), at the top level:
 * what the agenda shows of a description.  Figures outside are not
 * made at all. */
struct block *tmpl_style_range(const struct content_map *,
	    const struct block *src, const struct block *stop);
/* Gives the blocks holding the first reference to each of the owner's
 * notes (a case file's or a document's) the note as a styled
 * paragraph, and every reference the note's anchor as target. */
void	 tmpl_notes(struct tmpl *, const struct content_map *,
	    struct block *, const void *owner, const struct note *);
/* "1.", "a.", "z.", "aa." ... for list numbering. */
char	*tmpl_list_label(enum list_style, int n);

#endif /* BOARDGEN_TEMPLATE_PRIVATE_H */

/*
 * model: the document tree (template/ builds it from the meeting model;
 * layout/ lays it out), with what it shares with the meeting model:
 * text as blocks of inline spans, and figure files.  pdf/ sees this and
 * the page model, never the meeting.
 */
#ifndef BOARDGEN_MODEL_DOC_H
#define BOARDGEN_MODEL_DOC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../util/util.h"

struct register_file;		/* a register file (meeting.h) */

/* ------------------------------------------------------------------ */
/* Text: blocks of inline spans.  Used for case texts in the model and,
 * with styles set, for everything in the document tree. */

enum span_kind {
	SPAN_TEXT,	/* text, UTF-8, already cleaned */
	SPAN_BREAK,	/* hard line break */
	SPAN_PAGEREF,	/* the pack page number of anchor `target' */
	SPAN_NOTEREF	/* a footnote reference: text is its number ("1"),
			 * target its note (the label in the model, the
			 * note block's anchor in the document tree) */
};

#define SPAN_BOLD	0x01u
#define SPAN_ITALIC	0x02u
#define SPAN_CODE	0x04u	/* inline code: monospace family */
#define SPAN_LINK	0x08u	/* part of a link to `target' */
#define SPAN_NOBREAK	0x10u	/* never break a line inside this span */
#define SPAN_PUBLIC	0x20u	/* part of a link titled public="yes": the
				 * PDF file it leads to may be published
				 * though its text cannot be checked */

struct span {
	enum span_kind	 kind;
	unsigned	 flags;
	char		*text;	 /* SPAN_TEXT */
	char		*target; /* SPAN_LINK: "#anchor" or URI; SPAN_PAGEREF: anchor */
	char		*lang;	 /* BCP 47 tag of text in another language
				  * than the document's ("nb", "sma"), or
				  * NULL */
	struct srcpos	 pos;
	struct span	*next;
};

/* A footnote ("[^label]: text") of a case text or a document,
 * numbered 1, 2, 3 in the order of first reference.  A definition
 * never referenced is left out (after a warning).  Numbers stay at
 * most NOTES_MAX. */
#define NOTES_MAX	500
struct note {
	char		*label;		/* as written between "[^" and "]" */
	int		 number;	/* 1.. */
	struct span	*spans;		/* its text */
	struct srcpos	 pos;		/* of the definition */
	struct note	*next;		/* by number */
};

enum block_kind {
	BLOCK_PARA,
	BLOCK_HEADING,		/* level 1..6 */
	BLOCK_LIST,		/* children are BLOCK_ITEM */
	BLOCK_ITEM,		/* children are blocks */
	BLOCK_QUOTE,		/* children are blocks */
	BLOCK_CODE,		/* spans hold the literal text, lines by SPAN_BREAK */
	BLOCK_RULE,		/* thematic break */
	BLOCK_PAGEBREAK,	/* start a new page (template only) */
	BLOCK_FIGURE,		/* model: a figure file placed by reference */
	BLOCK_TABLE,		/* document tree: `table' */
	BLOCK_CHART,		/* document tree: `chart' */
	BLOCK_REGISTER		/* model: a register file placed by
				 * reference; its children are the
				 * numbered lists it shows */
};

enum list_style {
	LIST_BULLET,
	LIST_DECIMAL,		/* 1. 2. 3. */
	LIST_ALPHA		/* a. b. c. */
};

struct style;			/* below: set only in the document tree */
struct figure;			/* a figure file (content/ reads it) */
struct table;			/* document tree: a laid-out-able table */
struct chart;			/* document tree: a chart */
/* What a figure reference asks for. */
enum figure_view {
	FIGVIEW_TABLE,		/* the figure as a table */
	FIGVIEW_CHART		/* the figure's chart (with its numbers) */
};

struct block {
	enum block_kind	 kind;
	int		 level;		/* BLOCK_HEADING */
	enum list_style	 list_style;	/* BLOCK_LIST */
	int		 list_start;	/* BLOCK_LIST: first number */
	bool		 tight;		/* BLOCK_LIST */
	struct span	*spans;		/* PARA, HEADING, CODE */
	struct block	*children;	/* LIST, ITEM, QUOTE */
	struct block	*next;
	struct srcpos	 pos;
	char		*lang;		/* PARA: the language of the whole
					 * paragraph, or NULL */

	/* BLOCK_FIGURE (model): the reference as written and the figure
	 * it names.  The figure is owned by the meeting (shared by every
	 * reference to the same file); `figure_chart' names a chart of
	 * the figure, NULL for its first. */
	char		*figure_ref;
	const struct figure *figure;
	enum figure_view figure_view;
	char		*figure_chart;
	/* BLOCK_REGISTER (model): the reference as written is in
	 * figure_ref; the register, owned by the meeting.  children hold
	 * the register as headings and numbered lists (public text only
	 * once the meeting is redacted). */
	const struct register_file *reg;

	/* Document tree only (NULL/0 in the model). */
	const struct style *style;
	struct span	*label;		/* hanging label in the left indent:
					 * list marker, agenda number */
	struct span	*trailer;	/* right-aligned after the last line:
					 * the agenda's page number */
	bool		 no_label_col;	/* the text starts at the left, not
					 * after its style's label column: an
					 * unnumbered heading, its contents
					 * entry */
	char		*anchor;	/* destination name at this block */
	char		*outline;	/* bookmark title, or NULL */
	int		 outline_level;	/* 1 = top level */
	struct table	*table;		/* BLOCK_TABLE, owned */
	struct chart	*chart;		/* BLOCK_CHART, owned */
	/* The footnotes referenced in this block's spans (not its
	 * children's): styled paragraphs, each with its number as label
	 * and the name its references target as anchor.  Laid out at the
	 * bottom of the page of their first reference. */
	struct block	*notes;
};

/* ------------------------------------------------------------------ */
/* Figure files (content/ reads them): a table of numbers with its
 * structure, computed cells, declared checks and charts.  A figure
 * feeds tables and charts alike. */

enum figcol_type {
	FIGCOL_TEXT,		/* left-aligned words */
	FIGCOL_NUMBER,		/* `decimals' decimals */
	FIGCOL_PERCENT,		/* a number shown with " %" */
	FIGCOL_STATUS		/* a level 1..STATUS_LEVELS per cell */
};

enum figval_kind {
	FIGVAL_EMPTY,		/* nothing written */
	FIGVAL_NUMBER,		/* `value' */
	FIGVAL_WORD,		/* "?", "Saknas", "Utgår", ...: legitimate,
				 * never a number; or text in a text column */
	FIGVAL_STATUS,		/* `status' */
	FIGVAL_RANGE		/* "9–12": printed as written, never
				 * computed with */
};

struct figure_cell {
	char		*text;		/* as written (UTF-8), or as computed */
	enum figval_kind kind;
	double		 value;		/* FIGVAL_NUMBER, as written */
	int		 decimals;	/* decimals printed: as written, or
					 * the column's if declared (never
					 * fewer than written) or computed */
	int		 status;	/* FIGVAL_STATUS: 1..3 */
	int		 colspan;	/* >= 1 */
	int		 rowspan;	/* >= 1 */
	bool		 covered;	/* spanned over by a cell before */
	char		*formula;	/* computed cell: the expression */
	struct srcpos	 pos;		/* the CSV field or the XML element */
};

struct figure_row {
	int		 role;		/* enum row_role (defined below):
					 * ROW_HEAD, _DATA, _PART, _SUBTOTAL,
					 * _TOTAL, _GROUP */
	char		*name;		/* the first cell's text: checks name
					 * rows by it */
	struct figure_cell *cells;	/* ncols cells, spanned ones covered */
	struct srcpos	 pos;
};

struct figure_col {
	char		*name;		/* last header row's text */
	enum figcol_type type;
	int		 decimals;	/* of computed cells (written ones
					 * keep theirs, or get these if
					 * declared); most written if not */
	char		*formula;	/* computed column, or NULL */
	struct srcpos	 pos;
};

/* A declared check "LHS = RHS" with a tolerance. */
struct figure_check {
	char		*expr;		/* as written */
	double		 tolerance;
	int		 tol_decimals;	/* as written, for messages */
	size_t		 row_first, row_last;	/* data rows checked, 1-based;
						 * 0: all */
	size_t		 col_first, col_last;	/* columns checked; 0: all */
	struct srcpos	 pos;
};

/* A failed check: where the wrong number is and what it should be. */
struct figure_failure {
	size_t		 check;		/* index into checks */
	size_t		 row, col;	/* the cell holding the wrong number */
	char		*message;	/* "TOTAL 135,5 ≠ 133,7 = ..." */
	char		*message_sv;	/* the same for the printed page */
	struct srcpos	 pos;
};

struct figure_chart {
	char		*name;		/* for references; NULL: unnamed */
	int		 kind;		/* enum chart_kind (below) */
	char		*title;		/* NULL: the figure's caption */
	bool		 by_rows;	/* series are rows (categories the
					 * number columns), else columns */
	size_t		 row_first, row_last;	/* data rows drawn, 1-based;
						 * 0: all */
	size_t		 col_first, col_last;	/* columns drawn, 1-based;
						 * 0: every number column */
	struct srcpos	 pos;
};

struct figure {
	char		*path;		/* the file read */
	char		*csv;		/* the CSV file holding the data, or
					 * NULL (inline XML, or path itself) */
	char		*caption;	/* NULL: none */
	char		*unit;		/* "mkr", or NULL */
	char		*source;	/* "Källa: ...", or NULL */
	char		*levels[3];	/* status words by level - 1
					 * (STATUS_LEVELS, below) */
	struct figure_col *cols;
	size_t		 ncols;
	struct figure_row *rows;	/* header rows first */
	size_t		 nrows;
	size_t		 nhead;
	struct figure_check *checks;
	size_t		 nchecks;
	struct figure_failure *failures;
	size_t		 nfailures;
	struct figure_chart *charts;
	size_t		 ncharts;
	bool		 sum_totals;	/* data from a CSV file and no
					 * declared check: Summa/Totalt rows
					 * are checked, as warnings */
	struct srcpos	 pos;
};

/* ------------------------------------------------------------------ */
/* The document tree (template/ builds it from the model). */

enum align {
	ALIGN_LEFT,
	ALIGN_RIGHT,
	ALIGN_CENTER,
	ALIGN_JUSTIFY
};

struct rgb {
	float		 r, g, b;	/* 0..1 */
};

/* Font faces: face = family * 4 + variant. */
#define FACE_REGULAR	0
#define FACE_BOLD	1
#define FACE_ITALIC	2
#define FACE_BOLDITALIC	3

struct font_family {
	char		*name;
	char		*file[4];	/* TTF paths, by FACE_* */
};

/* Every length is in PDF points (1/72 inch). */
struct style {
	char		*name;
	int		 family;	/* index into doc->families */
	unsigned	 face;		/* FACE_* for the base text */
	float		 size;
	float		 leading;	/* baseline to baseline */
	enum align	 align;
	float		 space_before;
	float		 space_after;
	float		 indent_left;
	float		 indent_right;
	float		 first_indent;	/* extra indent of the first line */
	float		 label_width;	/* hanging label column (lists, agenda) */
	float		 trailer_width;	/* right column for a trailer */
	bool		 leader_dots;	/* dots from text to trailer */
	bool		 leader_rule;	/* a rule from the text to the trailer,
					 * or to the right edge: a line to
					 * sign or write on */
	bool		 keep_with_next;
	bool		 hyphenate;
	bool		 page_break_before;
	struct rgb	 color;
	float		 rule_above;	/* line width of a rule above, 0: none */
	float		 rule_below;
	/* Tables: a row or cell style's background, and the space
	 * between a cell's border and its text. */
	bool		 has_fill;
	struct rgb	 fill;
	bool		 has_padding;	/* padding given (0 is a value) */
	float		 padding;
};

/* Running header/footer line: up to three slots.  Text may hold
 * {page} {pages} (pack) and {docpage} {docpages} (this document),
 * resolved after pagination; "{{" and "}}" stand for literal braces. */
struct running {
	char		*left, *center, *right;
	const struct style *style;
	float		 y;		/* baseline, from the page bottom */
	bool		 rule;		/* rule under a header / over a footer */
	bool		 skip_first;	/* not on the document's first page */
	float		 clear_y;	/* the baseline instead, on a page of a
					 * PDF made elsewhere whose own text
					 * reaches the footer's area (below the
					 * bottom margin); 0: none */
	struct srcpos	 pos;		/* the template element, for messages */
};

#define PAGE_MAX_BOXES	4

struct page_style {
	char		*name;
	float		 width, height;
	float		 margin_top, margin_bottom, margin_left, margin_right;
	struct running	 header;
	struct running	 footer;
	/* A document's first page only (letterheads): a header and a
	 * footer line of their own, and the organisation's logo (PNG path,
	 * NULL: none) scaled into its box, x and y from the bottom left. */
	struct running	 first_header;
	struct running	 first_footer;
	struct running	 first_footer2;	/* a second letterhead line */
	char		*logo;
	float		 logo_x, logo_y, logo_w, logo_h;
	/* Pages of a PDF made elsewhere: strips along the edges kept
	 * free for the stamp (the page is scaled to fit inside them). */
	float		 stamp_top, stamp_bottom, stamp_left, stamp_right;
	/* Boxes drawn on every page (a protocol's "Justerandes signatur"
	 * and "Utdragsbestyrkande"), x and y from the bottom left. */
	struct page_box {
		float	 x, y, w, h;
	}		 boxes[PAGE_MAX_BOXES];
	size_t		 nboxes;
};

/* A page of a PDF made elsewhere, as shown: its /Rotate applied. */
struct external_page {
	float		 width, height;
	/* The lowest text it shows, upright, from the bottom of the page
	 * as shown (the stamp keeps clear of it); text: any at all. */
	float		 text_bottom;
	bool		 text;
};

/* One document of the pack: the cover with the agenda, one agenda
 * item.  Each starts on a new page and counts its own "x(y)". */
struct part {
	const struct page_style *page;
	struct block	*blocks;
	char		*anchor;	/* destination of its first page */
	char		*outline;	/* bookmark title, or NULL */
	int		 outline_level;
	/* A bookmark (level 1) before the part's own, over the documents
	 * of an item that come after all items (run-on), or NULL. */
	char		*group_outline;
	/* A PDF made elsewhere: one page per page of it, no blocks
	 * (path NULL: none).  What the later stages need of the
	 * document, so that they need not know the meeting model. */
	struct part_external {
		const char	*path;
		const char	*title;		/* or NULL */
		struct srcpos	 pos;
		const struct external_page *pages;
		size_t		 npages;
		bool		 text;		/* some page shows text */
		bool		 tagged;	/* it has a structure tree */
	}		 external;
};

/* Tables in the document tree.  The template stage builds them (from
 * figure files, or as layout grids such as signers side by side); the
 * layout stage measures and paginates them. */

enum cell_align {
	CELL_LEFT,
	CELL_RIGHT,
	CELL_CENTER,
	CELL_DECIMAL		/* right-aligned on the decimal comma */
};

enum row_role {
	ROW_HEAD,		/* header row, repeated on every page */
	ROW_DATA,
	ROW_PART,		/* "Varav ...": indented, never summed */
	ROW_SUBTOTAL,		/* SUMMA VERKSAMHET */
	ROW_TOTAL,		/* TOTAL */
	ROW_GROUP		/* a heading row spanning the table */
};

/* Status levels drawn as symbols: 1 met, 2 partly met, 3 not met.
 * Shapes differ (circle, triangle, square) so they read in greyscale. */
#define STATUS_LEVELS	3

struct table_cell {
	struct block	*blocks;	/* styled paragraphs, lists; may be NULL */
	size_t		 col;		/* first column */
	int		 colspan;	/* >= 1 */
	int		 rowspan;	/* >= 1; rows below lose that column */
	enum cell_align	 align;
	int		 status;	/* 0, or 1..STATUS_LEVELS: a symbol
					 * before the text (which still says
					 * the level in words) */
	const struct style *style;	/* fill, padding; NULL: the row's */
	struct srcpos	 pos;
};

struct table_row {
	enum row_role	 role;
	struct table_cell *cells;	/* in column order; spanned-over
					 * positions have no cell */
	size_t		 ncells;
	const struct style *style;	/* fill, rules, padding of the row */
	struct srcpos	 pos;
};

struct table_col {
	enum cell_align	 align;
	float		 weight;	/* share of spare width; 0: content */
	bool		 wrap;		/* text may wrap (else: never narrower
					 * than its widest cell) */
};

struct table {
	size_t		 ncols;
	struct table_col *cols;
	struct table_row *rows;		/* header rows first */
	size_t		 nrows;
	size_t		 nhead;		/* leading ROW_HEAD rows */
	struct block	*caption;	/* styled paragraph above, or NULL */
	char		*continued;	/* appended to the caption on later
					 * pages: " (forts.)"; NULL: none */
	struct block	*notes;		/* below: source, unit, legend */
	const struct style *style;	/* padding, rule widths and colour:
					 * rule_above frames the header,
					 * rule_below separates rows */
	bool		 grid;		/* a layout grid: no rules, no
					 * repeated header (signers) */
	/* Too wide for the text width: its cells may be set smaller,
	 * down to min_size (0: not smaller), then (landscape) on
	 * landscape pages of its own, before it is an error. */
	float		 min_size;
	bool		 landscape;
	struct rgb	 status_color[STATUS_LEVELS + 1];
	struct srcpos	 pos;
};

enum chart_kind {
	CHART_LINE,		/* a line per series over the categories */
	CHART_BAR		/* grouped bars: categories x series */
};

struct chart_series {
	char		*name;		/* legend text */
	double		*values;	/* ncategories values */
	bool		*present;	/* false: no value (gap) */
};

struct chart {
	enum chart_kind	 kind;
	char		*title;
	char		*unit;		/* y axis: "mkr" */
	char		**categories;	/* x axis labels: "jan", "2024" */
	size_t		 ncategories;
	struct chart_series *series;
	size_t		 nseries;
	int		 decimals;	/* of the values, for tick labels */
	float		 height;	/* plot height in points */
	const struct style *text;	/* tick labels, legend */
	const struct style *title_style;
	struct rgb	 colors[6];	/* by series, cycled; dash patterns
					 * and markers tell them apart too */
	char		*alt;		/* one-line description (tagged PDF) */
	struct srcpos	 pos;
};

/* The y axis ticks of a chart, 1, 2 or 5 x 10^n apart (chart.c). */
#define CHART_MAX_TICKS	8
struct chart_ticks {
	double		 k0;		/* first tick = k0 * step */
	double		 step;
	int		 n;		/* ticks: (k0 + i) * step */
	double		 lo, hi;	/* first and last tick */
	int		 decimals;	/* for the labels */
};
/* Ticks covering [min, max] (with zero if asked), at most maxn of
 * them (2..CHART_MAX_TICKS). */
void		 chart_ticks(double min, double max, bool zero, int maxn,
		    struct chart_ticks *);

/* How series s looks, in the pack and on the web alike: told apart
 * without colour too. */
enum chart_marker {
	CHART_MK_CIRCLE,
	CHART_MK_SQUARE,
	CHART_MK_TRIANGLE,
	CHART_MK_DIAMOND,
	CHART_MK_TRIANGLE_DOWN,
	CHART_MK_PLUS,
	CHART_MK__N
};
#define CHART_HATCH_RISING	1u
#define CHART_HATCH_FALLING	2u
struct chart_look {
	struct rgb	 color;		/* lines, outlines, markers */
	struct rgb	 fill;		/* bars: the colour lightened */
	float		 dash_on, dash_off;	/* lines; 0: solid */
	enum chart_marker marker;
	bool		 hollow;	/* marker filled white */
	unsigned	 hatch;		/* bars: CHART_HATCH_* mask */
};
void		 chart_look(const struct chart *, size_t s,
		    struct chart_look *);
/* Whether the series has a value at category i (else a gap). */
bool		 chart_present(const struct chart_series *, size_t i);
/* Whether the value at category i of series s (of n) has a marker:
 * a lone point always, the others every `every' categories, series
 * offset so that their markers do not sit on each other. */
bool		 chart_marked(const struct chart_series *, size_t n,
		    size_t s, size_t i, size_t every);

struct doc {
	struct font_family *families;
	size_t		 nfamilies;
	int		 fallback_family;	/* -1: none */
	int		 code_family;		/* for SPAN_CODE; -1: same */
	struct style	*styles;
	size_t		 nstyles;
	struct page_style *page_styles;
	size_t		 npage_styles;
	struct part	*parts;
	size_t		 nparts;
	char		*title;		/* metadata */
	char		*author;
	char		*subject;
	char		*lang;		/* "sv-SE" */
	char		*date;		/* ISO date for metadata timestamps */
};

/* ------------------------------------------------------------------ */
/* Constructors and destructors (model.c, figure.c). */

struct span	*span_new(enum span_kind, unsigned flags, const char *text);
void		 spans_free(struct span *);
struct span	*spans_clone(const struct span *);
struct block	*block_new(enum block_kind);
void		 blocks_free(struct block *);	/* whole sibling chain */
void		 table_free(struct table *);
struct table	*table_clone(const struct table *);
void		 chart_free(struct chart *);
struct chart	*chart_clone(const struct chart *);
struct block	*blocks_clone(const struct block *); /* deep, sibling chain */
/* Concatenated text of a span chain (breaks become spaces). */
char		*spans_text(const struct span *);
/* A case's Förslag till beslut (its first block b) as the decision of
 * `body': without a first paragraph that only says another proposes
 * that body decide ("Utskottet ... föreslår regionstyrelsen besluta"). */
const struct block *proposal_as_decision(const struct block *b,
		    const char *body);
void		 notes_free(struct note *);	/* whole chain */
/* The note of a label, or NULL. */
const struct note *note_find(const struct note *, const char *label);
void		 figure_free(struct figure *);	/* model/figure.c */
/* The text cell (r, c) shows, in the PDF and on the site alike:
 * numbers in sv-SE form, statuses as their level's word. */
char		*figure_cell_text(const struct figure *, size_t r, size_t c);
/* The paragraphs of a cell's text, parted by a blank line (two line
 * breaks, as a spreadsheet cell or the figure file's <p> give them):
 * the next one from *s, its start and length; *s moves past it.
 * Returns 0 when there is none. */
int		 figure_next_para(const char **s, const char **start,
		    size_t *len);
void		 doc_free(struct doc *);
/* Where a page of a PDF made elsewhere (w x h as shown) goes on a page
 * pw x ph of style ps: scaled by *s to leave the stamp margins free,
 * its bottom left corner at (*tx, *ty). */
void		 page_style_place(const struct page_style *ps, double pw,
		    double ph, double w, double h, double *s, double *tx,
		    double *ty);

#endif /* BOARDGEN_MODEL_DOC_H */

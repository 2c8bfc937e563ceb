/*
 * model: the types every stage shares.
 *
 *   content/  reads files into   struct meeting (with struct casefile)
 *   template/ turns that into    struct doc     (styled blocks, parts)
 *   layout/   turns that into    struct pages   (positioned items)
 *   pdf/      writes struct pages to a PDF file.
 *
 * Data flows one way.  Whoever calls x_new() (or a loader) calls
 * x_free().  Later stages never modify what earlier stages built.
 */
#ifndef BOARDGEN_MODEL_H
#define BOARDGEN_MODEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../util/util.h"

/* Where something came from, for diagnostics.  file is owned by
 * whoever loaded the file (it outlives every position that names it). */
struct srcpos {
	const char	*file;
	int		 line;
	int		 col;
};

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
struct register_file;		/* a register file (content/ reads it) */

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
/* The meeting model (content/ builds it). */

enum section_kind {
	SECTION_DESCRIPTION,	/* Ärendebeskrivning */
	SECTION_PROPOSAL,	/* Förslag till beslut */
	SECTION_RECIPIENTS,	/* Expedieras till */
	SECTION_DOCUMENTS,	/* Beslutsunderlag */
	SECTION__MAX
};

struct section {
	bool		 present;
	struct srcpos	 pos;		/* of its heading */
	struct block	*blocks;
};

struct meta_field {
	char		*key;
	char		*value;
	struct srcpos	 pos;
};

/* ------------------------------------------------------------------ */
/* Secrecy and registers (docs/content-format.md, "Registers" and
 * "Secrecy").  A field that may be secret keeps its legal ground; the
 * text the public may see is register_field_public(), and
 * meeting_redact() (content/) replaces every secret text in the
 * model by its note before any public writer runs. */

struct register_field {
	char		*text;		/* as written (cleaned); NULL: not
					 * given.  After redaction of a secret
					 * field: the note */
	char		*secret;	/* legal ground "OSL 25 kap. 1 §", or
					 * NULL: public */
	char		*note;		/* secret: "Sekretess enligt OSL 25
					 * kap. 1 §"; NULL otherwise */
	struct srcpos	 pos;		/* of the text in its file */
};

enum register_kind {
	REGISTER_INCOMING,	/* anmälan av inkomna handlingar */
	REGISTER_DELEGATION	/* anmälan av delegationsbeslut */
};

/* The parts of an entry's line, in the order its file gives them. */
enum register_part {
	REGISTER_PART_TYPE,	/* <type>Protokoll</type>, as written */
	REGISTER_PART_SENDER,
	REGISTER_PART_TITLE,
	REGISTER_PART__MAX
};

/* One incoming document or one delegation decision.  Dates are ISO
 * and optional (most real entries have none); a decision may cover a
 * period (from, to). */
struct register_entry {
	int		 number;	/* 1.. as printed, within its group */
	char		*date;		/* received / decided, or NULL */
	char		*from, *to;	/* period, or NULL */
	char		*dnr;		/* validated; NULL: none */
	char		*type;		/* incoming: "Protokoll", "cirkulär",
					 * as written; NULL: none given */
	struct register_field sender;	/* incoming: who sent it */
	struct register_field title;	/* the document or decision */
	enum register_part parts[REGISTER_PART__MAX];	/* printed, in
					 * file order (the type only when
					 * written as <type>) */
	int		 nparts;
	struct register_field *subs;	/* sub-entries, each its own line:
					 * a protocol's "Rapport: ..." */
	size_t		 nsubs;
	struct srcpos	 pos;
};

/* Incoming documents form one group (heading NULL); decisions are
 * grouped by delegate. */
struct register_group {
	char		*heading;	/* "Beslut av regiondirektören" */
	char		*level;		/* delegate: "regiondirektör" */
	struct register_entry *entries;
	size_t		 nentries;
	struct srcpos	 pos;
};

struct register_file {
	enum register_kind kind;
	char		*path;
	char		*from, *to;	/* period the register covers, or NULL */
	char		*heading;	/* printed before the lists, with "för
					 * perioden FROM – TO"; NULL: none */
	struct register_group *groups;
	size_t		 ngroups;
	int		 item;		/* agenda number of the item placing it */
	struct srcpos	 pos;
};

/* Closed agenda items in public output (organisation.xml
 * <publishing closed-items="..."/>). */
enum closed_items {
	CLOSED_TITLE,		/* number and title only (default) */
	CLOSED_OMIT		/* left out altogether */
};

/* One case file: metadata header + sections. */
struct casefile {
	char		*path;		/* as given: meeting dir + relative name */
	char		*dnr;		/* validated SERIES/NUMBER/YEAR */
	char		*title;
	char		*kind;		/* "beslut" | "information"; default beslut */
	char		*handlaggare;	/* optional */
	char		*secret;	/* "sekretess:" legal ground, or NULL */
	struct meta_field *meta;	/* every header field, in order */
	size_t		 nmeta;
	struct section	 sections[SECTION__MAX];
	struct note	*notes;		/* of all its sections, by number */
	struct srcpos	 pos;		/* line 1 */
};

struct session {
	char		*start;		/* "08.30" */
	char		*end;		/* "12.00", or NULL */
	char		*place;
	bool		 open;		/* öppet sammanträde */
	char		*note;		/* optional free text */
	struct srcpos	 pos;
};

struct contact {
	char		*name;
	char		*role;		/* "Nämndsekreterare" */
	char		*phone;
	char		*email;
	struct srcpos	 pos;		/* where it was given */
};

/* The organisation profile (organisation.xml): one file feeds every
 * template's letterhead, footer and labels. */
struct organisation {
	char		*path;
	char		*name;		/* "Region Norrbacka" */
	char		*logo;		/* PNG path (resolved), or NULL */
	char		*visit_address;
	char		*postal_address;
	char		*phone;
	char		*email;
	char		*web;
	char		*orgnr;
	char		*bankgiro;
	char		*director_title;	/* "Regiondirektör" */
	char		*proposal_heading;	/* "Regiondirektörens förslag" */
	struct contact	*people;	/* staff: name, title, phone, e-mail */
	size_t		 npeople;
	/* <publishing>: what public output shows (copied to the
	 * meeting's settings, below). */
	enum closed_items closed_items;
	bool		 publish_contacts;
	struct srcpos	 pos;
};

/* Documents that follow an agenda item in the pack. */
enum document_kind {
	DOCUMENT_TJANSTESKRIVELSE,	/* from the case file itself */
	DOCUMENT_REPORT,		/* rapport */
	DOCUMENT_FOLLOWUP,		/* uppföljningsrapport */
	DOCUMENT_LETTER,		/* brev, remissvar */
	DOCUMENT_PROGRAM,		/* program for the meeting day */
	DOCUMENT_EXTERNAL		/* a PDF made elsewhere */
};

/* One time slot of the program, with sub-points of its own. */
struct program_slot {
	char		*time;		/* "08.30", or NULL for a sub-point */
	char		*topic;
	char		**presenters;
	size_t		 npresenters;
	bool		 pause;		/* a break: "Kaffe" */
	bool		 closed;	/* the closed part of the meeting */
	struct program_slot *sub;
	size_t		 nsub;
	struct srcpos	 pos;
};

struct program {
	char		*title;
	struct program_slot *slots;
	size_t		 nslots;
	char		*notice;	/* closing notice for the public */
};

/* A page of a PDF made elsewhere, as shown: its /Rotate applied. */
struct external_page {
	float		 width, height;
};

struct document {
	enum document_kind kind;
	char		*path;		/* source file; for a tjänsteskrivelse
					 * the case file */
	char		*title;
	char		*date;		/* ISO */
	char		*dnr;
	char		*department;	/* "Regionledningsförvaltningen" */
	char		*recipient;	/* body addressed: "Regionstyrelsen" */
	struct contact	 author;	/* handläggare */
	struct contact	*signers;	/* name over title, one or two */
	size_t		 nsigners;
	char		**address;	/* letters: address block lines */
	size_t		 naddress;
	char		*subject;	/* letters */
	struct meta_field *meta;	/* every header field, in order */
	size_t		 nmeta;
	struct block	*blocks;	/* body (reports, letters) */
	struct note	*notes;		/* of the body, by number */
	const struct casefile *cs;	/* tjänsteskrivelse: its case */
	struct program	*program;	/* DOCUMENT_PROGRAM */
	/* DOCUMENT_EXTERNAL: the file's pages, whether any page shows
	 * text (not images only, as a scan), whether it is tagged. */
	struct external_page *extpages;
	size_t		 nextpages;
	bool		 ext_text;
	bool		 ext_tagged;
	struct srcpos	 pos;
};

enum agenda_kind {
	AGENDA_CASE,		/* refers to a case file */
	AGENDA_PROCEDURAL,	/* title only, no case file */
	AGENDA_DIVIDER		/* "TILL FULLMÄKTIGE": numbered, no body */
};

struct agenda_item {
	enum agenda_kind kind;
	int		 number;	/* 1..n, continuous over all kinds */
	char		*title;		/* manifest title, else the case's */
	char		*dnr;		/* case dnr, or NULL */
	struct casefile	*cs;		/* AGENDA_CASE only */
	char		*note;		/* optional procedural text */
	/* Closed: handled behind closed doors (manifest closed="yes") or
	 * secret (the case's "sekretess:", whose ground is `secret').  The
	 * public sees number and title only, or nothing. */
	bool		 closed;
	const char	*secret;	/* the case's ground, or NULL */
	/* Documents behind the item, in the order of its
	 * Beslutsunderlag; owned by the meeting. */
	struct document	**docs;
	size_t		 ndocs;
	struct srcpos	 pos;
};

struct meeting {
	char		*dir;		/* meeting folder */
	char		*manifest;	/* path of the manifest file */
	char		*organisation;
	char		*body;		/* "Regionstyrelsen" */
	char		*date;		/* ISO */
	struct session	*sessions;
	size_t		 nsessions;
	struct contact	 secretary;
	struct contact	 chair;		/* optional (name may be NULL) */
	struct agenda_item *items;
	size_t		 nitems;
	struct organisation *org;	/* NULL: none found */
	struct document	**documents;	/* every document, owned */
	size_t		 ndocuments;
	struct document	*program;	/* the program of the day, or NULL */
	int		 program_item;	/* agenda number it follows; 0: it
					 * follows the agenda */
	struct figure	**figures;	/* every figure file read, owned */
	size_t		 nfigures;
	struct register_file **registers;	/* every register read, owned */
	size_t		 nregisters;
	/* Publishing settings (organisation.xml <publishing>). */
	enum closed_items closed_items;
	bool		 publish_contacts;	/* officials' direct phone and
						 * e-mail; default false */
	bool		 redacted;	/* meeting_redact() has run: this is
					 * the public view */
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
	struct srcpos	 pos;		/* the template element, for messages */
};

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
	char		*logo;
	float		 logo_x, logo_y, logo_w, logo_h;
	/* Pages of a PDF made elsewhere: strips along the edges kept
	 * free for the stamp (the page is scaled to fit inside them). */
	float		 stamp_top, stamp_bottom, stamp_left, stamp_right;
};

/* One document of the pack: the cover with the agenda, one agenda
 * item.  Each starts on a new page and counts its own "x(y)". */
struct part {
	const struct page_style *page;
	struct block	*blocks;
	char		*anchor;	/* destination of its first page */
	char		*outline;	/* bookmark title, or NULL */
	int		 outline_level;
	/* A PDF made elsewhere: one page per page of it, no blocks. */
	const struct document *external;
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
/* The page model (layout/ builds it; pdf/ writes it).  Coordinates are
 * PDF points with the origin at the bottom left of the page. */

enum pitem_kind {
	PITEM_TEXT,	/* text at baseline (x, y) */
	PITEM_LINE,	/* stroke from (x, y) to (x + w, y + h) */
	PITEM_RECT,	/* filled rectangle (x, y, w, h) */
	PITEM_LINK,	/* link area (x, y, w, h) to target */
	PITEM_PATH,	/* polyline or polygon: pts relative to (x, y) */
	PITEM_CIRCLE,	/* circle at centre (x, y), radius w */
	PITEM_IMAGE	/* PNG file `text' scaled into (x, y, w, h) */
};

struct pitem {
	enum pitem_kind	 kind;
	float		 x, y, w, h;
	int		 face;		/* PITEM_TEXT: index into fontset */
	float		 size;
	struct rgb	 color;
	float		 line_width;	/* PITEM_LINE */
	const char	*text;		/* UTF-8, spaces included */
	float		 space_extra;	/* added after each U+0020 (justify) */
	bool		 hyphen_added;	/* text ends in a hyphen layout added */
	const char	*lang;		/* PITEM_TEXT: the span's language
					 * (the document tree's), or NULL */
	const char	*target;	/* PITEM_LINK: "#anchor" or URI */
	/* PITEM_PATH, PITEM_CIRCLE: filled with `color' and/or stroked
	 * with `stroke' at line_width (dashed if dash_on > 0).  pts holds
	 * npts (x, y) pairs in the pages' arena. */
	const float	*pts;
	size_t		 npts;
	bool		 closed;
	bool		 filled;
	bool		 stroked;
	struct rgb	 stroke;
	float		 dash_on, dash_off;
	/* Structure, for a tagged-PDF writer: the document-tree block the
	 * item belongs to; NULL with artifact set for running headers,
	 * footers, rules and other decoration. */
	const struct block *node;
	bool		 artifact;
	/* A footnote reference's number (raised, smaller): the anchor of
	 * its note, whose items have the note block as node; `rise' is
	 * how far y is above the baseline of its line. */
	const char	*noteref;
	float		 rise;
	/* Items of a table cell (text, status symbol, cell fill): the
	 * BLOCK_TABLE, the row (index into its rows) and the cell, whose
	 * col, colspan and rowspan say where it stands; NULL elsewhere.
	 * A header repeated on a later page is marked artifact. */
	const struct block *tblock;
	size_t		 trow;
	const struct table_cell *cell;
};

struct page {
	float		 width, height;
	struct pitem	*items;
	size_t		 nitems, capitems;
	size_t		 part;		/* index into doc->parts */
	int		 docpage;	/* 1-based page within its part */
	int		 docpages;
	/* The page of a PDF made elsewhere drawn under this one's items:
	 * its file (in the pages' arena) and page, 1-based; NULL, 0. */
	const char	*external;
	int		 external_page;
};

struct anchor {
	const char	*name;
	size_t		 page;		/* 0-based index into pages */
	float		 y;		/* top of the anchored block */
};

struct outline_entry {
	const char	*title;
	int		 level;		/* 1 = top */
	size_t		 page;
	float		 y;
};

struct fontset;			/* layout/: loaded faces and metrics */

struct pages {
	struct page	*v;
	size_t		 n;
	struct anchor	*anchors;	/* sorted by name */
	size_t		 nanchors;
	struct outline_entry *outlines;	/* in document order */
	size_t		 noutlines;
	struct arena	 arena;		/* texts and targets of items */
};

/* ------------------------------------------------------------------ */
/* Constructors and destructors (model.c). */

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

void		 notes_free(struct note *);	/* whole chain */
/* The note of a label, or NULL. */
const struct note *note_find(const struct note *, const char *label);
void		 casefile_free(struct casefile *);
void		 organisation_free(struct organisation *);
void		 document_free(struct document *);
void		 program_free(struct program *);
void		 contact_free(struct contact *);	/* members only */
void		 figure_free(struct figure *);	/* content/figure.c */
/* The text cell (r, c) shows, in the PDF and on the site alike:
 * numbers in sv-SE form, statuses as their level's word. */
char		*figure_cell_text(const struct figure *, size_t r, size_t c);
void		 register_file_free(struct register_file *);
/* The text of a register field the public may see: its note when it
 * is secret, else its text (NULL: not given).  Every public writer
 * takes field texts through this. */
const char	*register_field_public(const struct register_field *);
void		 meeting_free(struct meeting *);
void		 doc_free(struct doc *);
void		 pages_free(struct pages *);
/* Looks up an anchor by name in an array sorted by name; NULL if
 * absent. */
const struct anchor *anchor_find(const struct anchor *, size_t,
		    const char *);
/* The same in pages->anchors. */
const struct anchor *pages_anchor(const struct pages *, const char *);

const char	*section_heading(enum section_kind);	/* Swedish name */

#endif /* BOARDGEN_MODEL_H */

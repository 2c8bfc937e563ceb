/*
 * html: declarations shared by the files of the stage (and its unit
 * tests).  One file per concern: escape.c (escaping, URL safety),
 * page.c (skeleton, CSS), blocks.c (case texts), start.c (start and
 * body pages), meeting.c, item.c, registers.c, json.c, csv.c, atom.c;
 * summary.c (what listing pages need of a meeting, kept between runs)
 * and site.c (the walk, workers, incremental writes, progress).
 */
#ifndef BOARDGEN_HTML_PRIVATE_H
#define BOARDGEN_HTML_PRIVATE_H

#include "../model/model.h"
#include "html.h"

/* ------------------------------------------------------------------ */
/* escape.c */

/* Appends s with & < > " ' escaped: safe in text and in quoted
 * attributes alike. */
void	 html_esc(struct buf *, const char *s);
void	 html_escn(struct buf *, const char *s, size_t len);
/* True if target may be a link on a public page: http:, https:,
 * mailto: or a relative reference (no scheme, no backslash, no
 * control or space characters). */
bool	 html_url_safe(const char *target);
/* True if u may be --base-url: an http: or https: address, UTF-8,
 * with nothing html_url_safe() refuses. */
bool	 html_base_url_ok(const char *u);
/* Appends s escaped for XML text and attributes (the feed). */
void	 xml_esc(struct buf *, const char *s);
/* Appends s as a JSON string, quotes included. */
void	 json_str(struct buf *, const char *s);
/* Appends s as a CSV field (RFC 4180: quoted when needed). */
void	 csv_field(struct buf *, const char *s);
/* A folder name that is safe as a path part of an address: 1-64 of
 * a-z 0-9 - _ , not starting with - . */
bool	 html_slug_ok(const char *);

/* ------------------------------------------------------------------ */
/* Files made in memory, written after the whole meeting has passed its
 * checks (a failed meeting writes nothing). */

struct outfile {
	char		*path;		/* relative to the output folder */
	struct buf	 data;
};

struct outset {
	struct outfile	**v;		/* each its own allocation: a buffer
					 * stays put while more are added */
	size_t		 n, cap;
};

struct buf *outset_add(struct outset *, const char *path);
void	 outset_free(struct outset *);
/* 0, after an error at the file, line and column, if any file holds a
 * personnummer or samordningsnummer. */
int	 outset_pnr_free(const struct outset *);
/* Writes each file under dir whose bytes differ from what is there
 * (temp file and rename), making folders as needed.  Adds to *written
 * and *same.  Returns 0 after reporting. */
int	 outset_write(const struct outset *, const char *dir,
	    size_t *written, size_t *same);

/* ------------------------------------------------------------------ */
/* What listing pages and registers need of one meeting (summary.c).
 * Saved beside the site between runs, so that a meeting whose inputs
 * did not change is not read again. */

struct sum_session {
	char		*start, *end, *place;
	bool		 open;
};

struct sum_item {
	int		 number;
	int		 kind;		/* enum agenda_kind */
	char		*title;
	char		*dnr;		/* or NULL */
	char		*casekind;	/* "beslut", "information", or NULL */
	bool		 closed;	/* listed by number and title only */
	bool		 page;		/* has a page of its own */
};

/* One line of a register as the public may see it: a secret field
 * holds its note ("Sekretess enligt OSL 25 kap. 1 §"). */
struct sum_reg {
	int		 kind;		/* enum register_kind */
	int		 item;		/* agenda number it was reported under */
	int		 number;	/* within its group, as printed */
	char		*level;		/* delegate, or NULL */
	char		*date, *from, *to, *dnr, *type;	/* or NULL */
	char		*sender, *title;	/* public text, or NULL */
	bool		 sender_secret, title_secret;
	char		*subs;		/* sub-entries, public text, one a
					 * line; NULL: none */
};

struct sum_meeting {
	char		*body_slug;	/* folder name: "regionstyrelsen" */
	char		*date_slug;	/* folder name: "2026-12-08" */
	char		*body;		/* "Regionstyrelsen" */
	char		*organisation;
	char		*date;		/* ISO */
	char		*stamp;		/* the inputs it was read from */
	struct sum_session *sessions;
	size_t		 nsessions;
	struct sum_item	*items;
	size_t		 nitems;
	struct sum_reg	*regs;
	size_t		 nregs;
	char		**files;	/* what the meeting wrote, relative to
					 * the site: removed when no longer
					 * made */
	size_t		 nfiles;
};

struct sum_meeting *sum_from_meeting(const struct meeting *,
	    const char *body_slug, const char *date_slug);
void	 sum_free(struct sum_meeting *);
/* Text form, one record a line, fields separated by tabs. */
void	 sum_write(struct buf *, const struct sum_meeting *);
void	 sum_add_file(struct sum_meeting *, const char *path);
/* NULL if data is not a summary this version wrote. */
struct sum_meeting *sum_read(const char *data, size_t len);
/* qsort order of summaries (pointers to them): by body, then date,
 * as the site lists them. */
int	 sum_by_body_date(const void *, const void *);

/* ------------------------------------------------------------------ */
/* Page context. */

struct hctx {
	const struct site_options *opts;
	struct buf	*b;
	const char	*root;		/* relative way to the site root:
					 * "", "../", "../../" */
	const struct meeting *m;	/* meeting pages; else NULL */
	const char	*body_slug, *date_slug;
	const struct agenda_item *item;	/* item page; else NULL */
	const char	*srcfile;	/* case file of the text at hand */
	/* Footnotes: the page their list is on ("" this page; NULL:
	 * references are shown as plain numbers), and which numbers have
	 * had their first reference (it holds the back-link's target). */
	const char	*notepage;
	bool		 noteseen[NOTES_MAX + 1];
};

/* page.c */
/* Writes the start of a page: doctype, lang="sv", head with title and
 * the style sheet, skip link, site header with the breadcrumb trail
 * (crumbs: pairs of address and name, the last without address), then
 * opens <main id="innehall">. */
void	 page_begin(struct hctx *, const char *title,
	    const char *const *crumbs, size_t ncrumbs);
void	 page_end(struct hctx *);
/* The style sheet. */
extern const char html_css[];

/* blocks.c: case texts from the model's blocks (never from raw
 * Markdown); heading levels start at `hbase' for "##". */
void	 html_blocks(struct hctx *, const struct block *, int hbase);
void	 html_spans(struct hctx *, const struct span *);
/* The list of footnotes closing a text, with back-links. */
void	 html_notes(struct hctx *, const struct note *);
/* Text from the model (titles, places) for the page. */
void	 html_text(struct hctx *, const char *);

/* Names of things in the site. */
/* "BODY/DATE/" relative to the root. */
char	*meeting_dir(const char *body_slug, const char *date_slug);
/* Item pages: "arende-7.html".  Documents with a page of their own
 * (reports, follow-up reports, letters) are numbered in the meeting's
 * order: "handling-3.html" for m->documents[index]. */
char	*item_file(int number);
bool	 web_document(const struct document *);
char	*document_file(const struct meeting *, size_t index);
/* The meeting's public pack: "BODY-DATE.pdf" in the meeting folder. */
char	*pack_file(const char *body_slug, const char *date_slug);

/* meeting.c, item.c: the pages of one meeting. */
void	 meeting_page(struct hctx *, struct outset *);
void	 item_pages(struct hctx *, struct outset *);

/* The site-wide pages from every meeting's summary, sorted by body
 * then date (start.c, registers.c, json.c, csv.c, atom.c). */
struct site_all {
	const struct site_options *opts;
	struct sum_meeting **v;
	size_t		 n;
};
/* registers.c: every agenda item with a dnr, by year, series and
 * number of the dnr, then meeting (caller frees). */
struct case_row {
	const struct sum_meeting *m;
	const struct sum_item *it;
	char		 series[32];
	long		 number, year;
};
struct case_row *case_rows(const struct site_all *, size_t *n);
/* Register entries of one kind (enum register_kind) by date (caller
 * frees). */
struct reg_row {
	const struct sum_meeting *m;
	const struct sum_reg *r;
};
struct reg_row *reg_rows(const struct site_all *, int kind, size_t *n);

void	 start_pages(const struct site_all *, struct outset *);
void	 register_pages(const struct site_all *, struct outset *);
void	 json_site(const struct site_all *, struct outset *);
void	 json_meeting(const struct site_options *, const struct meeting *,
	    const struct sum_meeting *, struct outset *);
void	 csv_registers(const struct site_all *, struct outset *);
void	 atom_feed(const struct site_all *, struct outset *);

#endif /* BOARDGEN_HTML_PRIVATE_H */

/*
 * html: declarations shared by the files of the stage (and its unit
 * tests).  One file per concern: escape.c (escaping, URL safety),
 * page.c (skeleton, CSS), blocks.c (case texts), start.c (start and
 * body pages), meeting.c, item.c, registers.c, json.c, csv.c, atom.c;
 * summary.c (what listing pages need of a meeting, kept between runs),
 * outset.c (the files made in memory) and pages.c (what html.h
 * offers).
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
/* The same for text between tags, with each ISO date, dnr and §
 * reference in a <span class="nw">, so that a line never breaks inside
 * one. */
void	 html_text_nb(struct buf *, const char *s);
/* Length of a dnr at s ("RS/1190/2026": series of A-Z, Å, Ä, Ö, then
 * number and year), or 0. */
size_t	 html_dnr_at(const char *s);
/* True if target may be a link on a public page: http:, https:,
 * mailto: or a relative reference (no scheme, no backslash, no
 * control or space characters). */
bool	 html_url_safe(const char *target);
/* Appends s escaped for XML text and attributes (the feed). */
void	 xml_esc(struct buf *, const char *s);
/* Appends s as a JSON string, quotes included. */
void	 json_str(struct buf *, const char *s);
/* Appends s as a CSV field (RFC 4180: quoted when needed). */
void	 csv_field(struct buf *, const char *s);

/* ------------------------------------------------------------------ */
/* Page context. */

struct hctx {
	const struct html_options *opts;
	struct buf	*b;
	const char	*root;		/* relative way to the site root:
					 * "", "../", "../../" */
	const struct meeting *m;	/* meeting pages; else NULL */
	const char	*body_slug, *date_slug;
	const struct sum_meeting *sum;	/* meeting pages; else NULL */
	const struct agenda_item *item;	/* item page; else NULL */
	const char	*srcfile;	/* case file of the text at hand */
	/* Footnotes: the page their list is on ("" this page; NULL:
	 * references are shown as plain numbers), and which numbers have
	 * had their first reference (it holds the back-link's target). */
	const char	*notepage;
	bool		 noteseen[NOTES_MAX + 1];
	int		 charts;	/* drawn on this page: their ids */
};

/* pages.c: the options of a meeting's pages, its organisation's
 * header in them. */
void	 html_meeting_opts(struct html_options *, const struct html_options *,
	    const struct meeting *);

/* page.c */
/* Writes the start of a page: doctype, lang="sv", head with title and
 * the style sheet, skip link, site header with the breadcrumb trail
 * (crumbs: pairs of address and name, the last without address), then
 * opens <main id="innehall">. */
void	 page_begin(struct hctx *, const char *title,
	    const char *const *crumbs, size_t ncrumbs);
/* A listing page at path in os: h set up for it (links from a page in
 * a folder go up with "../"), then page_begin. */
void	 page_open(struct hctx *, const struct html_options *,
	    struct outset *, const char *path, const char *title,
	    const char *const *crumbs, size_t ncrumbs);
void	 page_end(struct hctx *);
/* A fact of a page's <dl class="facts">: label (HTML) and text, if the
 * text is there. */
void	 fact(struct hctx *, const char *label, const char *text);
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

/* chart.c: a figure reference drawn as the pack draws its chart, then
 * its numbers as a table. */
void	 html_chart(struct hctx *, const struct block *ref,
	    const struct chart *, bool by_rows, bool pct);

/* Names of things in the site. */
/* "BODY/DATE/" relative to the root. */
char	*meeting_dir(const char *body_slug, const char *date_slug);
/* Item pages: "arende-7.html".  Documents with a page of their own
 * (reports, follow-up reports, letters) are numbered in the meeting's
 * order: "handling-3.html" for m->documents[index]. */
char	*item_file(int number);
/* before, a link to the item's page ("7. Title"), after (HTML both). */
void	 item_link(struct hctx *, const char *before,
	    const struct agenda_item *, const char *after);
bool	 web_document(const struct document *);
char	*document_file(const struct meeting *, size_t index);

/* meeting.c, item.c: the pages of one meeting. */
void	 meeting_page(struct hctx *, struct outset *);
void	 item_pages(struct hctx *, struct outset *);

/* The site-wide pages from every meeting's summary, sorted by body
 * then date (start.c, registers.c, json.c, csv.c, atom.c). */
struct site_all {
	const struct html_options *opts;
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
/* search.c: the search index under sok/ from every summary's pages,
 * the search page and its script. */
void	 search_index(const struct site_all *, struct outset *);
void	 search_page(const struct site_all *, struct outset *);
void	 register_pages(const struct site_all *, struct outset *);
void	 json_site(const struct site_all *, struct outset *);
void	 json_meeting(const struct html_options *, const struct meeting *,
	    const struct sum_meeting *, struct outset *);
void	 csv_registers(const struct site_all *, struct outset *);
void	 atom_feed(const struct site_all *, struct outset *);
/* protocol.c: the noticeboard, anslagstavla.html. */
void	 notice_page(const struct site_all *, struct outset *);

#endif /* BOARDGEN_HTML_PRIVATE_H */

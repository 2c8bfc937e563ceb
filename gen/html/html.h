/*
 * html: the writers of the public web site, from the model to bytes in
 * memory, as pdf/ writes the pack: a meeting's pages (meeting, items,
 * documents, its open data), and the pages that list every meeting
 * (start and body pages, registers, JSON after OParl, CSV, the Atom
 * feed) from the meetings' summaries.  The site stage (gen/site/)
 * decides what is read and what is written to disk.
 */
#ifndef BOARDGEN_HTML_H
#define BOARDGEN_HTML_H

#include <stdbool.h>
#include <stddef.h>

#include "../util/util.h"

struct meeting;
struct block;
struct chart;

/* What the pages are told about the site. */
struct html_options {
	const char	*today;		/* ISO date, or NULL: no split into
					 * upcoming and past */
	const char	*base_url;	/* absolute address of the site for the
					 * feed and the JSON ids, or NULL */
	bool		 pdf;		/* each meeting's pack is beside its
					 * page: link it */
	bool		 search;	/* the search page and index */
	/* The chart a figure reference (FIGVIEW_CHART) draws in the pack,
	 * made by the template stage, which this one does not depend on
	 * (main supplies it); by_rows and pct as template_chart() says.
	 * NULL: a chart is shown as its table. */
	struct chart	*(*chart)(const struct block *ref, void *arg,
			    bool *by_rows, bool *pct);
	void		*chart_arg;
	/* The organisation in every page's header and title (set by the
	 * stage from the meeting or the summaries): its name, and whether
	 * its logo is the site's logo.png, of that size in pixels. */
	const char	*org;
	bool		 logo;
	unsigned	 logo_w, logo_h;
};

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

/* ------------------------------------------------------------------ */
/* What listing pages and registers need of one meeting (summary.c).
 * Saved beside the site between runs, so that a meeting whose inputs
 * did not change is not read again. */

struct sum_session {
	char		*start, *end, *place;
	bool		 open;
	bool		 unstated;	/* just a place and a time */
};

struct sum_item {
	int		 number;
	int		 kind;		/* enum agenda_kind */
	char		*title;
	char		*dnr;		/* or NULL */
	char		*casekind;	/* "beslut", "information", or NULL */
	bool		 closed;	/* listed by number and title only */
	bool		 page;		/* has a page of its own */
	/* From the protocol (NULL: none): the outcome in words
	 * ("Beslutat enligt förslaget", "Bordlagt"), and the decision's
	 * own text when it was amended (as proposed: the proposal's). */
	char		*result;
	char		*resolution;
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

/* A page a reader may search for: its address from the site root, its
 * title and dnr, and the words of its public text, folded, sorted and
 * each once, separated by spaces (search.c). */
struct sum_doc {
	int		 item;		/* agenda number; 0: a document */
	char		*url, *title, *dnr;
	char		*words;
};

struct sum_meeting {
	char		*body_slug;	/* folder name: "regionstyrelsen" */
	char		*date_slug;	/* folder name: "2026-12-08" */
	char		*body;		/* "Regionstyrelsen" */
	char		*organisation;
	char		*logo;		/* the organisation's logo (a PNG file
					 * read), or NULL */
	unsigned	 logo_w, logo_h;
	char		*date;		/* ISO */
	char		*stamp;		/* the inputs it was read from */
	struct sum_session *sessions;
	size_t		 nsessions;
	struct sum_item	*items;
	size_t		 nitems;
	struct sum_reg	*regs;
	size_t		 nregs;
	struct sum_doc	*docs;		/* for the search index */
	size_t		 ndocs;
	char		**files;	/* what the meeting wrote, relative to
					 * the site: removed when no longer
					 * made */
	size_t		 nfiles;
	/* Its protocol, when it has one: the § numbers (prot_first 0:
	 * none), the day of justering, the day the notice is posted and
	 * where the protocol is kept (each NULL if not given). */
	int		 prot_first, prot_last;
	char		*justered, *posted, *kept;
};

struct sum_meeting *sum_from_meeting(const struct meeting *,
	    const char *body_slug, const char *date_slug);
void	 sum_free(struct sum_meeting *);
/* Takes the protocol's numbers, justering and notice into s. */
struct protocol;
void	 sum_protocol(struct sum_meeting *, const struct protocol *);
/* Text form, one record a line, fields separated by tabs. */
void	 sum_write(struct buf *, const struct sum_meeting *);
void	 sum_add_file(struct sum_meeting *, const char *path);
/* Adds the meeting's searchable pages and their words to s (search.c). */
void	 sum_search(struct sum_meeting *, const struct meeting *);
/* NULL if data is not a summary this version wrote. */
struct sum_meeting *sum_read(const char *data, size_t len);
/* qsort order of summaries (pointers to them): by body, then date,
 * as the site lists them. */
int	 sum_by_body_date(const void *, const void *);

/* ------------------------------------------------------------------ */
/* The pages. */

/* The files of one meeting: its page, its items' and documents' pages
 * and its open data; sum is the meeting's summary. */
void	 html_meeting(const struct html_options *, const struct meeting *,
	    const struct sum_meeting *, struct outset *);
/* The meeting's decisions page, BODY/DATE/protokoll.html, from the
 * redacted protocol (protocol_redact) of the redacted meeting. */
void	 html_protocol(const struct html_options *, const struct meeting *,
	    const struct protocol *, const struct sum_meeting *,
	    struct outset *);
/* The style sheet and the pages that list meetings, from every
 * meeting's summary sorted by sum_by_body_date. */
void	 html_site(const struct html_options *, struct sum_meeting **,
	    size_t n, struct outset *);
/* The site's logo: the first summary's (in sum_by_body_date order) that
 * has one, or NULL. */
const struct sum_meeting *html_logo_of(struct sum_meeting **, size_t n);
/* The meeting's public pack: "BODY-DATE.pdf" in the meeting folder. */
char	*pack_file(const char *body_slug, const char *date_slug);
/* The public protocol's file beside the decisions page:
 * "protokoll-BODY-DATE.pdf". */
char	*protocol_file(const char *body_slug, const char *date_slug);
/* True if u may be --base-url: an http: or https: address, UTF-8,
 * with nothing a public page's links refuse. */
bool	 html_base_url_ok(const char *u);
/* A folder name that is safe as a path part of an address: 1-64 of
 * a-z 0-9 - _ , not starting with - . */
bool	 html_slug_ok(const char *);

#endif /* BOARDGEN_HTML_H */

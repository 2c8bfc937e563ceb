/*
 * site: the public web site as a whole.  Walks a content tree of meeting
 * folders (content/BODY/DATE/meeting.xml), reads each meeting into the
 * model in a worker process, has html/ write its pages in memory and
 * writes them only if all passed; then the pages that list meetings.
 * Incremental: only what changed is read and written again.  Nothing it
 * writes depends on the clock: "upcoming" and "past" are decided from
 * `today'.
 */
#ifndef BOARDGEN_SITE_H
#define BOARDGEN_SITE_H

#include <stdbool.h>
#include <stddef.h>

struct block;
struct chart;
struct guard;
struct meeting;
struct protocol;

struct site_options {
	const char	*content;	/* the content tree: BODY/DATE/ */
	const char	*out;		/* output folder, created if missing */
	const char	*templates;	/* template folder (schema/ inside) */
	const char	*today;		/* ISO date, or NULL: no split into
					 * upcoming and past */
	const char	*base_url;	/* absolute address of the site for the
					 * feed and the JSON ids, or NULL */
	bool		 pdf;		/* also write each meeting's pack as
					 * BODY-DATE.pdf beside its page */
	int		 jobs;		/* worker processes, >= 1 */
	bool		 progress;	/* show progress (a terminal) */
	bool		 force;		/* re-read every meeting */
	bool		 no_search;	/* no search page and index */
	bool		 stats;		/* print counts and timings */
	/* A protocol's justering at most this many days after the
	 * meeting (the protocol template's limit; 0: none), as check. */
	int		 justering_days;
	/* Writes a meeting's pack to path (main supplies the PDF stages,
	 * which this stage does not depend on); with `pdf'. */
	int		(*pack)(const struct meeting *, const char *path,
			    void *arg, const struct guard *);
	void		*pack_arg;
	/* Writes a meeting's public protocol (redacted with the meeting)
	 * to path, as `protocol --public' does; with `pdf'.  Its arg is
	 * pack_arg. */
	int		(*protocol_pdf)(const struct meeting *,
			    const struct protocol *, const char *path,
			    void *arg, const struct guard *);
	/* Figures placed as charts are drawn (html.h: html_options). */
	struct chart	*(*chart)(const struct block *ref, void *arg,
			    bool *by_rows, bool *pct);
	void		*chart_arg;
	/* Warnings printed of each meeting before the rest are counted
	 * (with the check command that lists them all). */
	size_t		 max_warnings;
};

/* Builds or brings up to date the site in opts->out.  Reports problems
 * as diagnostics (printed by the workers' own diag_flush for meetings
 * read in a worker) and returns 0 if any was an error; then no page of
 * the meeting at fault and no page listing meetings is written. */
int	 site_build(const struct site_options *opts);

#endif /* BOARDGEN_SITE_H */

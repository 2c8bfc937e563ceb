/*
 * html: what the stage offers the site (html.h): a meeting's files and
 * the files that list every meeting.
 */
#include "html_private.h"

void
html_meeting(const struct html_options *o, const struct meeting *m,
    const struct sum_meeting *sum, struct outset *os)
{
	struct hctx h = { 0 };

	h.opts = o;
	h.m = m;
	h.body_slug = sum->body_slug;
	h.date_slug = sum->date_slug;
	h.sum = sum;
	meeting_page(&h, os);
	item_pages(&h, os);
	json_meeting(o, m, sum, os);
}

void
html_site(const struct html_options *o, struct sum_meeting **v, size_t n,
    struct outset *os)
{
	struct site_all all = { o, v, n };

	buf_puts(outset_add(os, "stil.css"), html_css);
	start_pages(&all, os);
	register_pages(&all, os);
	csv_registers(&all, os);
	json_site(&all, os);
	atom_feed(&all, os);
	notice_page(&all, os);
}

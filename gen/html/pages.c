/*
 * html: what the stage offers the site (html.h): a meeting's files and
 * the files that list every meeting.
 */
#include "html_private.h"

void
html_meeting_opts(struct html_options *mo, const struct html_options *o,
    const struct meeting *m)
{
	const struct organisation *org = m->org;

	*mo = *o;
	mo->org = org != NULL && org->name != NULL ? org->name :
	    m->organisation;
	mo->logo = org != NULL && org->logo != NULL;
	mo->logo_w = mo->logo ? org->logo_w : 0;
	mo->logo_h = mo->logo ? org->logo_h : 0;
}

void
html_meeting(const struct html_options *o, const struct meeting *m,
    const struct sum_meeting *sum, struct outset *os)
{
	struct hctx h = { 0 };
	struct html_options mo;

	html_meeting_opts(&mo, o, m);
	o = &mo;
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
	struct html_options so = *o;
	struct site_all all = { &so, v, n };
	const struct sum_meeting *l = html_logo_of(v, n);

	so.org = n > 0 && v[0]->organisation[0] != '\0' ?
	    v[0]->organisation : NULL;
	so.logo = l != NULL;
	so.logo_w = l != NULL ? l->logo_w : 0;
	so.logo_h = l != NULL ? l->logo_h : 0;

	buf_puts(outset_add(os, "stil.css"), html_css);
	start_pages(&all, os);
	if (o->search) {
		search_index(&all, os);
		search_page(&all, os);
	}
	register_pages(&all, os);
	csv_registers(&all, os);
	json_site(&all, os);
	atom_feed(&all, os);
	notice_page(&all, os);
}

const struct sum_meeting *
html_logo_of(struct sum_meeting **v, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		if (v[i]->logo != NULL)
			return v[i];
	return NULL;
}

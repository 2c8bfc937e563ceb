/*
 * html: an Atom feed (RFC 4287) of the latest meetings, newest first.
 * Times come from the meeting dates (the first session's start), never
 * from the clock; ids are the meeting pages' addresses with --base-url,
 * else URNs made of the folder names.
 */
#include <stdlib.h>
#include <string.h>

#include "html_private.h"

/* Entries in the feed. */
#define ATOM_MAX	100

static int
newest_first(const void *a, const void *b)
{
	const struct sum_meeting *x = *(const struct sum_meeting *const *)a;
	const struct sum_meeting *y = *(const struct sum_meeting *const *)b;
	int	 c = strcmp(y->date, x->date);

	return c != 0 ? c : strcmp(x->body_slug, y->body_slug);
}

static void
stamp(struct buf *b, const struct sum_meeting *s)
{
	const char *hm = s->nsessions > 0 && strlen(s->sessions[0].start) == 5 ?
	    s->sessions[0].start : "00.00";

	/* Swedish local time, said as such. */
	buf_printf(b, "%sT%.2s:%.2s:00%s", s->date, hm, hm + 3,
	    se_utc_offset(s->date));
}

static void
entry_id(struct buf *b, const struct html_options *o,
    const struct sum_meeting *s)
{
	if (o->base_url != NULL) {
		xml_esc(b, o->base_url);
		buf_printf(b, "%s/%s/index.html", s->body_slug, s->date_slug);
	} else
		buf_printf(b, "urn:boardgen:meeting:%s:%s", s->body_slug,
		    s->date_slug);
}

void
atom_feed(const struct site_all *all, struct outset *os)
{
	const struct html_options *o = all->opts;
	struct buf *b = outset_add(os, "sammantraden.atom");
	struct sum_meeting **v = xcalloc(all->n + 1, sizeof(*v));
	size_t	 i, k, n;

	for (i = 0; i < all->n; i++)
		v[i] = all->v[i];
	qsort(v, all->n, sizeof(*v), newest_first);
	n = all->n < ATOM_MAX ? all->n : ATOM_MAX;
	buf_puts(b, "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
	    "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"sv\"");
	if (o->base_url != NULL) {
		buf_puts(b, " xml:base=\"");
		xml_esc(b, o->base_url);
		buf_puts(b, "\"");
	}
	buf_puts(b, ">\n<title>Sammanträden och handlingar</title>\n<id>");
	if (o->base_url != NULL) {
		xml_esc(b, o->base_url);
		buf_puts(b, "sammantraden.atom");
	} else
		buf_puts(b, "urn:boardgen:feed");
	buf_puts(b, "</id>\n<link rel=\"self\" href=\"sammantraden.atom\"/>\n"
	    "<link rel=\"alternate\" type=\"text/html\" href=\"index.html\"/>\n"
	    "<updated>");
	if (n > 0)
		stamp(b, v[0]);
	else
		buf_puts(b, "1970-01-01T00:00:00Z");
	buf_puts(b, "</updated>\n<author><name>");
	xml_esc(b, n > 0 ? v[0]->organisation : "boardgen");
	buf_puts(b, "</name></author>\n");
	for (i = 0; i < n; i++) {
		const struct sum_meeting *s = v[i];
		char	*date = sv_date_weekday(s->date);

		buf_puts(b, "<entry>\n<title>");
		xml_esc(b, s->body);
		buf_puts(b, " ");
		xml_esc(b, date);
		buf_puts(b, "</title>\n<id>");
		entry_id(b, o, s);
		buf_printf(b, "</id>\n<link rel=\"alternate\" type=\"text/html\" "
		    "href=\"%s/%s/index.html\"/>\n<updated>", s->body_slug,
		    s->date_slug);
		stamp(b, s);
		buf_puts(b, "</updated>\n<summary type=\"text\">");
		for (k = 0; k < s->nitems; k++) {
			if (s->items[k].kind == AGENDA_DIVIDER)
				continue;
			buf_printf(b, "%s%d. ", k ? "\n" : "",
			    s->items[k].number);
			xml_esc(b, s->items[k].title);
		}
		buf_puts(b, "</summary>\n</entry>\n");
		free(date);
	}
	buf_puts(b, "</feed>\n");
	free(v);
}

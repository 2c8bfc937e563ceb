/*
 * html: the registers.  Cases by dnr: one page per year of the dnr,
 * ordered by series, year and number, with the meeting each case was
 * on the agenda of; an index page lists the years.
 */
#include <stdlib.h>
#include <string.h>

#include "html_private.h"

/* SERIES/NUMBER/YEAR split for sorting; false if not a dnr. */
static bool
dnr_split(const char *dnr, struct case_row *r)
{
	const char *a = strchr(dnr, '/'), *b = a ? strchr(a + 1, '/') : NULL;

	if (a == NULL || b == NULL || (size_t)(a - dnr) >= sizeof(r->series))
		return false;
	memcpy(r->series, dnr, (size_t)(a - dnr));
	r->series[a - dnr] = '\0';
	r->number = strtol(a + 1, NULL, 10);
	r->year = strtol(b + 1, NULL, 10);
	return true;
}

static int
row_cmp(const void *pa, const void *pb)
{
	const struct case_row *a = pa, *b = pb;
	int	 c;

	if (a->year != b->year)
		return a->year < b->year ? -1 : 1;
	if ((c = strcmp(a->series, b->series)) != 0)
		return c;
	if (a->number != b->number)
		return a->number < b->number ? -1 : 1;
	if ((c = strcmp(a->m->date, b->m->date)) != 0)
		return c;
	return strcmp(a->m->body_slug, b->m->body_slug);
}

struct case_row *
case_rows(const struct site_all *all, size_t *n)
{
	struct case_row *v = NULL;
	size_t	 i, k, cap = 0;

	*n = 0;
	for (i = 0; i < all->n; i++)
		for (k = 0; k < all->v[i]->nitems; k++) {
			const struct sum_item *it = &all->v[i]->items[k];
			struct case_row r;

			if (it->dnr == NULL || !dnr_split(it->dnr, &r))
				continue;
			r.m = all->v[i];
			r.it = it;
			if (*n == cap) {
				cap = cap ? cap * 2 : 256;
				v = xrealloc(v, cap * sizeof(*v));
			}
			v[(*n)++] = r;
		}
	if (*n > 0)
		qsort(v, *n, sizeof(*v), row_cmp);
	return v;
}

static void
year_page(const struct site_all *all, const struct case_row *v, size_t n,
    long year, struct outset *os)
{
	struct hctx h = { 0 };
	char	*path = xasprintf("register/arenden-%ld.html", year);
	char	*title = xasprintf("Ärenden %ld", year);
	const char *crumbs[6] = { "../index.html", "Start", "arenden.html",
	    "Ärenden", NULL, title };
	size_t	 i;

	h.opts = all->opts;
	h.b = outset_add(os, path);
	h.root = "../";
	free(path);
	page_begin(&h, title, crumbs, 3);
	buf_printf(h.b, "<h1>Ärenden med diarienummer från %ld</h1>\n"
	    "<p>%zu ärenden, ordnade efter diarieserie och nummer. Ett ärende "
	    "som har behandlats vid flera sammanträden står en gång för "
	    "varje.</p>\n", year, n);
	buf_printf(h.b, "<div class=\"scroll\" role=\"region\" tabindex=\"0\" "
	    "aria-label=\"Ärenden %ld\">\n<table>\n<caption>Ärenden %ld"
	    "</caption>\n<thead><tr><th scope=\"col\">Diarienummer</th>"
	    "<th scope=\"col\">Ärende</th><th scope=\"col\">Styrelse eller "
	    "nämnd</th><th scope=\"col\">Sammanträde</th></tr></thead>\n"
	    "<tbody>\n", year, year);
	for (i = 0; i < n; i++) {
		const struct case_row *r = &v[i];

		buf_puts(h.b, "<tr><th scope=\"row\">");
		html_text(&h, r->it->dnr);
		buf_puts(h.b, "</th><td>");
		if (r->it->page && !r->it->closed) {
			buf_printf(h.b, "<a href=\"../%s/%s/arende-%d.html\">",
			    r->m->body_slug, r->m->date_slug, r->it->number);
			html_text(&h, r->it->title);
			buf_puts(h.b, "</a>");
		} else
			html_text(&h, r->it->title);
		buf_puts(h.b, "</td><td>");
		html_text(&h, r->m->body);
		buf_printf(h.b, "</td><td><a href=\"../%s/%s/index.html\">",
		    r->m->body_slug, r->m->date_slug);
		html_text(&h, r->m->date);
		buf_printf(h.b, "</a>, ärende %d</td></tr>\n", r->it->number);
	}
	buf_puts(h.b, "</tbody>\n</table>\n</div>\n");
	page_end(&h);
	free(title);
}

void
register_pages(const struct site_all *all, struct outset *os)
{
	struct case_row *v;
	struct hctx h = { 0 };
	const char *crumbs[4] = { "../index.html", "Start", NULL, "Ärenden" };
	size_t	 n, i, k;

	v = case_rows(all, &n);
	h.opts = all->opts;
	h.b = outset_add(os, "register/arenden.html");
	h.root = "../";
	page_begin(&h, "Ärenden efter diarienummer", crumbs, 2);
	buf_puts(h.b, "<h1>Ärenden efter diarienummer</h1>\n");
	if (n == 0)
		buf_puts(h.b, "<p>Inga ärenden.</p>\n");
	else {
		buf_puts(h.b, "<p>Ärendena är ordnade efter det år "
		    "diarienumret gavs. Alla ärenden finns också som <a "
		    "href=\"../data/arenden.csv\">CSV</a>.</p>\n"
		    "<ul class=\"meetings\">\n");
		/* Newest year first. */
		for (i = n; i > 0; i = k) {
			long	 y = v[i - 1].year;

			for (k = i; k > 0 && v[k - 1].year == y; k--)
				;
			buf_printf(h.b, "<li><a href=\"arenden-%ld.html\">%ld"
			    "</a> (%zu ärenden)</li>\n", y, y, i - k);
		}
		buf_puts(h.b, "</ul>\n");
	}
	page_end(&h);
	for (i = 0; i < n; i = k) {
		for (k = i; k < n && v[k].year == v[i].year; k++)
			;
		year_page(all, v + i, k - i, v[i].year, os);
	}
	free(v);
}

/*
 * html: the registers.  Cases by dnr: one page per year of the dnr,
 * ordered by series, year and number, with the meeting each case was
 * on the agenda of; an index page lists the years.  Incoming documents
 * and delegation decisions the same way, by the year of their date.
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

	page_open(&h, all->opts, os, path, title, crumbs, 3);
	free(path);
	buf_printf(h.b, "<h1>Ärenden med diarienummer från %ld</h1>\n"
	    "<p>%zu ärenden, ordnade efter diarieserie och nummer. Ett ärende "
	    "som har behandlats vid flera sammanträden står en gång för "
	    "varje.</p>\n", year, n);
	buf_printf(h.b, "<div class=\"scroll\" role=\"region\" tabindex=\"0\" "
	    "aria-label=\"Ärenden %ld\">\n<table class=\"stack\">\n"
	    "<caption>Ärenden %ld"
	    "</caption>\n<thead><tr><th scope=\"col\">Diarienummer</th>"
	    "<th scope=\"col\">Ärende</th><th scope=\"col\">Styrelse eller "
	    "nämnd</th><th scope=\"col\">Sammanträde</th></tr></thead>\n"
	    "<tbody>\n", year, year);
	for (i = 0; i < n; i++) {
		const struct case_row *r = &v[i];

		buf_puts(h.b, "<tr><th scope=\"row\" class=\"nw\" "
		    "data-label=\"Diarienummer\">");
		html_text(&h, r->it->dnr);
		buf_puts(h.b, "</th><td data-label=\"Ärende\">");
		if (r->it->page && !r->it->closed) {
			buf_printf(h.b, "<a href=\"../%s/%s/arende-%d.html\">",
			    r->m->body_slug, r->m->date_slug, r->it->number);
			html_text(&h, r->it->title);
			buf_puts(h.b, "</a>");
		} else
			html_text(&h, r->it->title);
		buf_puts(h.b, "</td><td data-label=\"Styrelse eller nämnd\">");
		html_text(&h, r->m->body);
		buf_printf(h.b, "</td><td data-label=\"Sammanträde\"><a "
		    "class=\"nw\" href=\"../%s/%s/index.html\">",
		    r->m->body_slug, r->m->date_slug);
		html_text(&h, r->m->date);
		buf_printf(h.b, "</a>, ärende %d</td></tr>\n", r->it->number);
	}
	buf_puts(h.b, "</tbody>\n</table>\n</div>\n");
	page_end(&h);
	free(title);
}

static void
case_pages(const struct site_all *all, struct outset *os)
{
	struct case_row *v;
	struct hctx h = { 0 };
	const char *crumbs[4] = { "../index.html", "Start", NULL, "Ärenden" };
	size_t	 n, i, k;

	v = case_rows(all, &n);
	page_open(&h, all->opts, os, "register/arenden.html",
	    "Ärenden efter diarienummer", crumbs, 2);
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

/* ------------------------------------------------------------------ */
/* Incoming documents and delegation decisions: a page per year, the
 * entries by date, with the meeting they were reported to; a secret
 * field shows its note in its place. */

static const char *
reg_date(const struct reg_row *r)
{
	return r->r->date ? r->r->date : r->r->from ? r->r->from :
	    r->m->date;
}

static int
reg_cmp(const void *pa, const void *pb)
{
	const struct reg_row *a = pa, *b = pb;
	int	 c;

	if ((c = strncmp(reg_date(a), reg_date(b), 4)) != 0)
		return c;
	if ((c = strcmp(reg_date(a), reg_date(b))) != 0)
		return c;
	if ((c = strcmp(a->m->date, b->m->date)) != 0)
		return c;
	if ((c = strcmp(a->m->body_slug, b->m->body_slug)) != 0)
		return c;
	if (a->r->item != b->r->item)
		return a->r->item < b->r->item ? -1 : 1;
	/* Entries keep the order they were reported in. */
	return a->r < b->r ? -1 : a->r > b->r;
}

struct reg_row *
reg_rows(const struct site_all *all, int kind, size_t *n)
{
	struct reg_row *v = NULL;
	size_t	 i, k, cap = 0;

	*n = 0;
	for (i = 0; i < all->n; i++)
		for (k = 0; k < all->v[i]->nregs; k++) {
			if (all->v[i]->regs[k].kind != kind)
				continue;
			if (*n == cap) {
				cap = cap ? cap * 2 : 256;
				v = xrealloc(v, cap * sizeof(*v));
			}
			v[*n].m = all->v[i];
			v[(*n)++].r = &all->v[i]->regs[k];
		}
	if (*n > 0)
		qsort(v, *n, sizeof(*v), reg_cmp);
	return v;
}

static void
reg_field(struct hctx *h, const char *text, bool secret)
{
	if (text == NULL)
		return;
	if (secret)
		buf_puts(h->b, "<span class=\"secret\">");
	html_text_nb(h->b, text);
	if (secret)
		buf_puts(h->b, "</span>");
}

/* Sub-entries, a line each under the title, as in the pack. */
static void
reg_subs(struct hctx *h, const char *subs)
{
	const char *p, *nl;
	char	*line;

	for (p = subs; p != NULL && *p != '\0'; p = nl ? nl + 1 : NULL) {
		nl = strchr(p, '\n');
		line = nl ? xstrndup(p, (size_t)(nl - p)) : xstrdup(p);
		buf_puts(h->b, "<br>");
		html_text_nb(h->b, line);
		free(line);
	}
}

struct reg_kind {
	int		 kind;
	const char	*file;		/* "inkomna-handlingar" */
	const char	*title;		/* "Inkomna handlingar" */
	const char	*what;		/* "handlingar" */
};

static const struct reg_kind reg_kinds[] = {
	{ REGISTER_INCOMING, "inkomna-handlingar", "Inkomna handlingar",
	    "handlingar" },
	{ REGISTER_DELEGATION, "delegationsbeslut", "Delegationsbeslut",
	    "beslut" },
};

static void
reg_year_page(const struct site_all *all, const struct reg_kind *k,
    const struct reg_row *v, size_t n, struct outset *os)
{
	struct hctx h = { 0 };
	char	 year[5];
	char	*path, *title, *idx;
	const char *crumbs[6];
	size_t	 i;
	bool	 inc = k->kind == REGISTER_INCOMING;

	memcpy(year, reg_date(&v[0]), 4);
	year[4] = '\0';
	path = xasprintf("register/%s-%s.html", k->file, year);
	title = xasprintf("%s %s", k->title, year);
	idx = xasprintf("%s.html", k->file);
	crumbs[0] = "../index.html";
	crumbs[1] = "Start";
	crumbs[2] = idx;
	crumbs[3] = k->title;
	crumbs[4] = NULL;
	crumbs[5] = title;
	page_open(&h, all->opts, os, path, title, crumbs, 3);
	buf_puts(h.b, "<h1>");
	html_text(&h, title);
	buf_printf(h.b, "</h1>\n<p>%zu %s, ordnade efter datum, med det "
	    "sammanträde de anmäldes till. Sekretessbelagda uppgifter är "
	    "ersatta med en upplysning om sekretessen.</p>\n", n, k->what);
	buf_puts(h.b, "<div class=\"scroll\" role=\"region\" tabindex=\"0\" "
	    "aria-label=\"");
	html_esc(h.b, title);
	buf_puts(h.b, "\">\n<table class=\"stack\">\n<caption>");
	html_text(&h, title);
	buf_puts(h.b, inc ? "</caption>\n<thead><tr><th scope=\"col\">Datum"
	    "</th><th scope=\"col\">Diarienummer</th><th scope=\"col\">"
	    "Avsändare</th><th scope=\"col\">Handling</th><th scope=\"col\">"
	    "Typ</th><th scope=\"col\">Anmäld</th></tr></thead>\n<tbody>\n" :
	    "</caption>\n<thead><tr><th scope=\"col\">Datum eller period"
	    "</th><th scope=\"col\">Diarienummer</th><th scope=\"col\">"
	    "Delegat</th><th scope=\"col\">Beslut</th><th scope=\"col\">"
	    "Anmält</th></tr></thead>\n<tbody>\n");
	for (i = 0; i < n; i++) {
		const struct sum_reg *r = v[i].r;

		/* Dates and dnr are never broken at their dashes. */
		buf_printf(h.b, "<tr><th scope=\"row\" data-label=\"%s\">"
		    "<span class=\"nw\">", inc ? "Datum" : "Datum eller period");
		if (r->date != NULL)
			html_text(&h, r->date);
		buf_puts(h.b, "</span>");
		if (!inc && r->from != NULL) {
			buf_puts(h.b, r->date != NULL ? "<br>" : "");
			buf_puts(h.b, "<span class=\"nw\">");
			html_text(&h, r->from);
			buf_puts(h.b, "–</span><span class=\"nw\">");
			html_text(&h, r->to ? r->to : "");
			buf_puts(h.b, "</span>");
		}
		buf_puts(h.b, "</th><td class=\"nw\" data-label=\"Diarienummer\">");
		html_text(&h, r->dnr ? r->dnr : "");
		if (inc) {
			buf_puts(h.b, "</td><td data-label=\"Avsändare\">");
			reg_field(&h, r->sender, r->sender_secret);
			buf_puts(h.b, "</td><td data-label=\"Handling\">");
			reg_field(&h, r->title, r->title_secret);
			reg_subs(&h, r->subs);
			buf_puts(h.b, "</td><td data-label=\"Typ\">");
			html_text_nb(h.b, r->type ? r->type : "");
		} else {
			buf_puts(h.b, "</td><td data-label=\"Delegat\">");
			html_text(&h, r->level ? r->level : "");
			buf_puts(h.b, "</td><td data-label=\"Beslut\">");
			reg_field(&h, r->title, r->title_secret);
			reg_subs(&h, r->subs);
		}
		buf_printf(h.b, "</td><td data-label=\"%s\">", inc ? "Anmäld" :
		    "Anmält");
		html_text(&h, v[i].m->body);
		buf_printf(h.b, " <a class=\"nw\" href=\"../%s/%s/index.html\">",
		    v[i].m->body_slug, v[i].m->date_slug);
		html_text(&h, v[i].m->date);
		buf_printf(h.b, "</a>, <a href=\"../%s/%s/arende-%d.html\">"
		    "ärende %d</a></td></tr>\n", v[i].m->body_slug,
		    v[i].m->date_slug, r->item, r->item);
	}
	buf_puts(h.b, "</tbody>\n</table>\n</div>\n");
	page_end(&h);
	free(idx);
	free(title);
	free(path);
}

static void
reg_pages(const struct site_all *all, const struct reg_kind *k,
    struct outset *os)
{
	struct reg_row *v;
	struct hctx h = { 0 };
	const char *crumbs[4] = { "../index.html", "Start", NULL, k->title };
	char	*path = xasprintf("register/%s.html", k->file);
	size_t	 n, i, j;

	v = reg_rows(all, k->kind, &n);
	page_open(&h, all->opts, os, path, k->title, crumbs, 2);
	free(path);
	buf_puts(h.b, "<h1>");
	html_text(&h, k->title);
	buf_puts(h.b, "</h1>\n");
	buf_printf(h.b, "<p>%s som har anmälts till styrelsens och nämndernas "
	    "sammanträden, ordnade efter år. Alla finns också som <a href="
	    "\"../data/%s.csv\">CSV</a>.</p>\n", k->kind == REGISTER_INCOMING ?
	    "Handlingar" : "Beslut fattade på delegation", k->file);
	if (n == 0)
		buf_printf(h.b, "<p>Inga %s har anmälts.</p>\n", k->what);
	else {
		buf_puts(h.b, "<ul class=\"meetings\">\n");
		for (i = n; i > 0; i = j) {
			for (j = i; j > 0 && strncmp(reg_date(&v[j - 1]),
			    reg_date(&v[i - 1]), 4) == 0; j--)
				;
			buf_printf(h.b, "<li><a href=\"%s-%.4s.html\">%.4s"
			    "</a> (%zu %s)</li>\n", k->file,
			    reg_date(&v[i - 1]), reg_date(&v[i - 1]), i - j,
			    k->what);
		}
		buf_puts(h.b, "</ul>\n");
	}
	page_end(&h);
	for (i = 0; i < n; i = j) {
		for (j = i; j < n && strncmp(reg_date(&v[j]), reg_date(&v[i]),
		    4) == 0; j++)
			;
		reg_year_page(all, k, v + i, j - i, os);
	}
	free(v);
}

void
register_pages(const struct site_all *all, struct outset *os)
{
	size_t	 i;

	case_pages(all, os);
	for (i = 0; i < sizeof(reg_kinds) / sizeof(reg_kinds[0]); i++)
		reg_pages(all, &reg_kinds[i], os);
}

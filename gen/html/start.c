/*
 * html: the start page (bodies, upcoming and past meetings), a page per
 * body with all its meetings by year, and the page describing the open
 * data.  "Upcoming" means on or after opts->today; without a today the
 * lists are not split (the site then says nothing that the clock would
 * make wrong).
 */
#include <stdlib.h>
#include <string.h>

#include "html_private.h"

/* How many past meetings of each body the start page lists. */
#define START_PAST	3

static bool
upcoming(const struct site_all *all, const struct sum_meeting *s)
{
	return all->opts->today != NULL &&
	    strcmp(s->date, all->opts->today) >= 0;
}

static void
meeting_link(struct hctx *h, const struct sum_meeting *s, bool with_body)
{
	char	*date = sv_date_weekday(s->date);

	buf_printf(h->b, "<li><a href=\"%s%s/%s/index.html\">", h->root,
	    s->body_slug, s->date_slug);
	if (with_body) {
		html_text(h, s->body);
		buf_puts(h->b, ", ");
	}
	html_text(h, date);
	buf_puts(h->b, "</a>");
	free(date);
	buf_puts(h->b, "</li>\n");
}

/* "Kommande sammanträden" and the list of them, or a line that says
 * there are none. */
static void
upcoming_list(struct hctx *h, struct sum_meeting *const *up, size_t nup,
    bool with_body)
{
	size_t	 i;

	buf_puts(h->b, "<h2>Kommande sammanträden</h2>\n");
	if (nup == 0) {
		buf_puts(h->b, "<p>Inga sammanträden är utlysta.</p>\n");
		return;
	}
	buf_puts(h->b, "<ul class=\"meetings\">\n");
	for (i = 0; i < nup; i++)
		meeting_link(h, up[i], with_body);
	buf_puts(h->b, "</ul>\n");
}

/* [first, last) of all->v: the meetings of one body. */
static size_t
body_end(const struct site_all *all, size_t first)
{
	size_t	 i = first;

	while (i < all->n && strcmp(all->v[i]->body_slug,
	    all->v[first]->body_slug) == 0)
		i++;
	return i;
}

static void
body_page(const struct site_all *all, size_t first, size_t last,
    struct outset *os)
{
	const struct sum_meeting *latest = all->v[last - 1];
	struct hctx h = { 0 };
	char	*path = xasprintf("%s/index.html", latest->body_slug);
	const char *crumbs[4] = { "../index.html", "Start", NULL,
	    latest->body };
	struct sum_meeting **up;
	size_t	 i, nup = 0;
	char	 year[5] = "";

	page_open(&h, all->opts, os, path, latest->body, crumbs, 2);
	free(path);
	buf_puts(h.b, "<h1>");
	html_text(&h, latest->body);
	buf_puts(h.b, "</h1>\n");
	up = xcalloc(last - first + 1, sizeof(*up));
	for (i = first; i < last; i++)
		if (upcoming(all, all->v[i]))
			up[nup++] = all->v[i];
	if (all->opts->today != NULL) {
		upcoming_list(&h, up, nup, false);
		buf_puts(h.b, "<h2>Tidigare sammanträden</h2>\n");
	} else
		buf_puts(h.b, "<h2>Sammanträden</h2>\n");
	/* Newest first, a heading per year. */
	for (i = last; i > first; i--) {
		const struct sum_meeting *s = all->v[i - 1];

		if (upcoming(all, s))
			continue;
		if (strncmp(year, s->date, 4) != 0) {
			if (year[0] != '\0')
				buf_puts(h.b, "</ul>\n");
			memcpy(year, s->date, 4);
			buf_printf(h.b, "<h3>%s</h3>\n<ul class=\"meetings\">\n",
			    year);
		}
		meeting_link(&h, s, false);
	}
	if (year[0] != '\0')
		buf_puts(h.b, "</ul>\n");
	else if (nup < last - first || nup == 0)
		buf_puts(h.b, "<p>Inga sammanträden.</p>\n");
	page_end(&h);
	free(up);
}

static int
by_date(const void *a, const void *b)
{
	const struct sum_meeting *x = *(const struct sum_meeting *const *)a;
	const struct sum_meeting *y = *(const struct sum_meeting *const *)b;
	int	 c = strcmp(x->date, y->date);

	return c != 0 ? c : strcmp(x->body_slug, y->body_slug);
}

static void
start_page(const struct site_all *all, struct outset *os)
{
	struct hctx h = { 0 };
	struct sum_meeting **up;
	size_t	 i, j, k, n, nup = 0;
	const char *org = all->n > 0 ? all->v[0]->organisation : "";

	page_open(&h, all->opts, os, "index.html",
	    "Sammanträden och handlingar", NULL, 0);
	buf_puts(h.b, "<h1>Sammanträden och handlingar</h1>\n");
	if (org != NULL && *org != '\0') {
		buf_puts(h.b, "<p>");
		html_text(&h, org);
		buf_puts(h.b, ": kallelser, föredragningslistor, förslag till "
		    "beslut och handlingar till styrelsens och nämndernas "
		    "sammanträden.</p>\n");
	}
	up = xcalloc(all->n + 1, sizeof(*up));
	for (i = 0; i < all->n; i++)
		if (upcoming(all, all->v[i]))
			up[nup++] = all->v[i];
	qsort(up, nup, sizeof(*up), by_date);
	if (all->opts->today != NULL)
		upcoming_list(&h, up, nup, true);
	free(up);
	buf_puts(h.b, "<p><a href=\"anslagstavla.html\">Anslagstavla</a>: "
	    "tillkännagivanden av justerade protokoll och tiden för att "
	    "överklaga.</p>\n");
	buf_puts(h.b, "<h2>Styrelser och nämnder</h2>\n");
	if (all->n == 0)
		buf_puts(h.b, "<p>Inga sammanträden.</p>\n");
	for (i = 0; i < all->n; i = k) {
		const struct sum_meeting *last;

		k = body_end(all, i);
		last = all->v[k - 1];
		buf_printf(h.b, "<h3><a href=\"%s/index.html\">",
		    last->body_slug);
		html_text(&h, last->body);
		buf_puts(h.b, "</a></h3>\n");
		/* The latest past meetings. */
		for (n = 0, j = k; j > i && n < START_PAST; j--) {
			const struct sum_meeting *s = all->v[j - 1];

			if (upcoming(all, s))
				continue;
			if (n == 0)
				buf_puts(h.b, all->opts->today != NULL ?
				    "<p>Senaste sammanträden:</p>\n"
				    "<ul class=\"meetings\">\n" :
				    "<ul class=\"meetings\">\n");
			meeting_link(&h, s, false);
			n++;
		}
		if (n > 0)
			buf_puts(h.b, "</ul>\n");
		buf_printf(h.b, "<p><a href=\"%s/index.html\">Alla "
		    "sammanträden (%zu)</a></p>\n", last->body_slug, k - i);
	}
	page_end(&h);
}

static void
open_data_page(const struct site_all *all, struct outset *os)
{
	struct hctx h = { 0 };
	const char *crumbs[4] = { "index.html", "Start", NULL, "Öppna data" };

	page_open(&h, all->opts, os, "oppna-data.html", "Öppna data", crumbs,
	    2);
	buf_puts(h.b, "<h1>Öppna data</h1>\n"
	    "<p>Allt som visas på webbplatsen finns också som data att "
	    "ladda ned. Sekretessbelagda uppgifter och ärenden som "
	    "behandlas inom stängda dörrar finns inte med.</p>\n"
	    "<h2>JSON enligt OParl</h2>\n"
	    "<p>Objekten följer OParl 1.1 (System, Body, Organization, "
	    "Meeting, AgendaItem, Paper, File). Börja i "
	    "<a href=\"data/oparl/system.json\">system.json</a>.</p>\n"
	    "<h2>CSV</h2>\n<ul class=\"files\">\n"
	    "<li><a href=\"data/arenden.csv\">Ärenden efter "
	    "diarienummer</a></li>\n"
	    "<li><a href=\"data/inkomna-handlingar.csv\">Inkomna "
	    "handlingar</a></li>\n"
	    "<li><a href=\"data/delegationsbeslut.csv\">"
	    "Delegationsbeslut</a></li>\n"
	    "<li><a href=\"data/sammantraden.csv\">Sammanträden</a></li>\n"
	    "</ul>\n<p>Filerna är UTF-8 med kommatecken som avgränsare "
	    "och en rubrikrad. En sekretessbelagd uppgift står som en "
	    "upplysning om sekretessen, och kolumnen bredvid säger "
	    "<q>ja</q>.</p>\n"
	    "<h2>Flöde</h2>\n<p><a href=\"sammantraden.atom\">Sammanträden "
	    "som Atom-flöde</a>.</p>\n");
	page_end(&h);
}

void
start_pages(const struct site_all *all, struct outset *os)
{
	size_t	 i, k;

	start_page(all, os);
	for (i = 0; i < all->n; i = k) {
		k = body_end(all, i);
		body_page(all, i, k, os);
	}
	open_data_page(all, os);
}

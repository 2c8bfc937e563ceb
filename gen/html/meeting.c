/*
 * html: the page of one meeting: when and where (open and closed
 * parts), the agenda with each item's decision proposal, and links to
 * the pack and to every document.
 */
#include <stdlib.h>
#include <string.h>

#include "html_private.h"

/* The agenda number's page of an item, or NULL for an item without
 * one (procedural, divider, closed). */
static bool
has_page(const struct agenda_item *it)
{
	return it->kind == AGENDA_CASE && it->cs != NULL && !it->closed;
}

static void
sessions(struct hctx *h)
{
	const struct meeting *m = h->m;
	struct buf *b = h->b;
	size_t	 i;

	buf_puts(b, "<h2>Tid och plats</h2>\n<ul class=\"files\">\n");
	for (i = 0; i < m->nsessions; i++) {
		const struct session *s = &m->sessions[i];

		buf_puts(b, "<li>Klockan ");
		html_text(h, s->start);
		if (s->end != NULL) {
			buf_puts(b, "–");
			html_text(h, s->end);
		}
		buf_puts(b, ", ");
		html_text(h, s->place);
		if (s->unstated)
			buf_puts(b, ".");
		else
			buf_puts(b, s->open ? ". <strong>Öppet "
			    "sammanträde</strong>: allmänheten får lyssna." :
			    ". <strong>Stängda dörrar</strong>: sammanträdet "
			    "är inte öppet för allmänheten.");
		if (s->note != NULL) {
			buf_puts(b, " ");
			html_text(h, s->note);
		}
		buf_puts(b, "</li>\n");
	}
	buf_puts(b, "</ul>\n");
}

/* A slot of the program: its time, topic and presenters, its points. */
static void
slot(struct hctx *h, const struct program_slot *s)
{
	struct buf *b = h->b;
	size_t	 i;

	buf_puts(b, s->pause ? "<li class=\"pause\">" : "<li>");
	if (s->time != NULL) {
		buf_puts(b, "<span class=\"time\">");
		html_text(h, s->time);
		buf_puts(b, "</span> ");
	}
	html_text_nb(b, s->topic != NULL ? s->topic : "");
	for (i = 0; i < s->npresenters; i++) {
		buf_puts(b, i == 0 ? "<span class=\"note\">" : "; ");
		html_text(h, s->presenters[i]);
		if (i + 1 == s->npresenters)
			buf_puts(b, "</span>");
	}
	if (s->nsub > 0) {
		buf_puts(b, "\n<ul>\n");
		for (i = 0; i < s->nsub; i++)
			slot(h, &s->sub[i]);
		buf_puts(b, "</ul>\n");
	}
	buf_puts(b, "</li>\n");
}

/* The program of the day, as the pack has it: the notice to the
 * public first, then the slots, the closed part under a heading of its
 * own. */
static void
program(struct hctx *h)
{
	const struct program *p;
	struct buf *b = h->b;
	size_t	 i;
	bool	 open = false, closed = false, any_closed = false;

	if (h->m->program == NULL || (p = h->m->program->program) == NULL)
		return;
	for (i = 0; i < p->nslots; i++)
		if (p->slots[i].closed)
			any_closed = true;
	buf_puts(b, "<section id=\"dagens-program\" aria-labelledby=\""
	    "program\">\n<h2 id=\"program\">");
	html_text(h, p->title != NULL ? p->title : "Program");
	buf_puts(b, "</h2>\n");
	if (p->notice != NULL) {
		buf_puts(b, "<p class=\"proposal\"><strong>Till allmänheten:"
		    "</strong> ");
		html_text_nb(b, p->notice);
		buf_puts(b, "</p>\n");
	}
	if (p->time != NULL || p->place != NULL) {
		buf_puts(b, "<dl class=\"facts\">\n");
		fact(h, "Tid", p->time);
		fact(h, "Plats", p->place);
		buf_puts(b, "</dl>\n");
	}
	for (i = 0; i < p->nslots; i++) {
		const struct program_slot *s = &p->slots[i];

		if (s->day != NULL || (s->closed && !closed) ||
		    (!s->closed && closed) || (!open && !closed)) {
			if (open || closed)
				buf_puts(b, "</ul>\n");
			if (s->day != NULL) {
				buf_puts(b, "<h3>");
				html_text(h, s->day);
				buf_puts(b, "</h3>\n");
			}
			if (s->closed && (!closed || s->day != NULL))
				buf_puts(b, "<h3>Inom stängda dörrar</h3>\n"
				    "<p class=\"meta\">Den här delen av "
				    "sammanträdet är inte öppen för "
				    "allmänheten.</p>\n");
			else if (!s->closed && any_closed &&
			    (closed || s->day != NULL || !open))
				buf_puts(b, "<h3>Öppen del</h3>\n");
			buf_puts(b, "<ul class=\"program\">\n");
			open = !s->closed;
			closed = s->closed;
		}
		slot(h, s);
	}
	if (open || closed)
		buf_puts(b, "</ul>\n");
	buf_puts(b, "</section>\n");
}

static void
agenda(struct hctx *h)
{
	const struct meeting *m = h->m;
	struct buf *b = h->b;
	size_t	 i;
	char	*f;

	buf_puts(b, "<h2 id=\"foredragningslista\">Föredragningslista</h2>\n"
	    "<ol class=\"agenda\">\n");
	for (i = 0; i < m->nitems; i++) {
		const struct agenda_item *it = &m->items[i];

		buf_printf(b, "<li%s><span class=\"no\">%d.</span>",
		    it->kind == AGENDA_DIVIDER ? " class=\"divider\"" : "",
		    it->number);
		if (has_page(it)) {
			f = item_file(it->number);
			buf_printf(b, "<a href=\"%s\">", f);
			free(f);
			html_text(h, it->title);
			buf_puts(b, "</a>");
		} else
			html_text(h, it->title);
		if (it->dnr != NULL) {
			buf_puts(b, " <span class=\"meta\">(");
			html_text(h, it->dnr);
			buf_puts(b, ")</span>");
		}
		if (it->closed) {
			/* Number and title only, and why. */
			buf_puts(b, "<span class=\"note closed\">");
			if (it->secret != NULL) {
				buf_puts(b, "Ärendet omfattas av sekretess "
				    "enligt ");
				html_text(h, it->secret);
				buf_puts(b, ".");
			} else
				buf_puts(b, "Ärendet behandlas inom stängda "
				    "dörrar.");
			buf_puts(b, "</span>");
		} else if (it->cs != NULL && it->cs->kind != NULL &&
		    strcmp(it->cs->kind, "information") == 0)
			buf_puts(b, "<span class=\"tag\">Information</span>");
		if (it->note != NULL) {
			buf_puts(b, "<span class=\"note\">");
			html_text(h, it->note);
			buf_puts(b, "</span>");
		}
		buf_puts(b, "</li>\n");
	}
	buf_puts(b, "</ol>\n");
}

/* Each item with its decision proposal, for reading the agenda
 * through without opening every item. */
static void
proposals(struct hctx *h)
{
	const struct meeting *m = h->m;
	struct buf *b = h->b;
	size_t	 i;
	char	*f;

	buf_puts(b, "<h2>Förslag till beslut</h2>\n");
	for (i = 0; i < m->nitems; i++) {
		const struct agenda_item *it = &m->items[i];
		const struct section *s;

		if (!has_page(it))
			continue;
		s = &it->cs->sections[SECTION_PROPOSAL];
		f = item_file(it->number);
		buf_printf(b, "<h3><a href=\"%s\">%d. ", f, it->number);
		html_text(h, it->title);
		buf_puts(b, "</a></h3>\n");
		if (s->present && s->blocks != NULL) {
			h->srcfile = it->cs->path;
			/* The notes are on the item's page. */
			h->notepage = f;
			buf_puts(b, "<div class=\"proposal\">\n");
			html_blocks(h, s->blocks, 4);
			buf_puts(b, "</div>\n");
			h->notepage = NULL;
			h->srcfile = NULL;
		} else
			buf_puts(b, "<p class=\"meta\">Inget förslag till "
			    "beslut: ärendet är för information.</p>\n");
		free(f);
	}
}

static void
documents(struct hctx *h)
{
	const struct meeting *m = h->m;
	struct buf *b = h->b;
	size_t	 i, k, j;
	char	*f;

	buf_puts(b, "<h2>Handlingar</h2>\n<ul class=\"files\">\n");
	if (h->opts->pdf) {
		f = pack_file(h->body_slug, h->date_slug);
		buf_printf(b, "<li><a href=\"%s\">Kallelse med handlingar "
		    "(PDF)</a></li>\n", f);
		free(f);
	}
	for (i = 0; i < m->nitems; i++) {
		const struct agenda_item *it = &m->items[i];

		if (!has_page(it))
			continue;
		for (k = 0; k < it->ndocs; k++) {
			const struct document *d = it->docs[k];

			for (j = 0; j < m->ndocuments; j++)
				if (m->documents[j] == d)
					break;
			if (d->kind == DOCUMENT_TJANSTESKRIVELSE)
				f = item_file(it->number);
			else if (j < m->ndocuments &&
			    (d->kind == DOCUMENT_REPORT ||
			    d->kind == DOCUMENT_FOLLOWUP ||
			    d->kind == DOCUMENT_LETTER))
				f = document_file(m, j);
			else
				continue;
			buf_printf(b, "<li><a href=\"%s\">", f);
			free(f);
			html_text(h, d->kind == DOCUMENT_TJANSTESKRIVELSE ?
			    "Tjänsteskrivelse" : d->title);
			buf_puts(b, "</a> <span class=\"meta\">(ärende ");
			buf_printf(b, "%d", it->number);
			if (d->date != NULL) {
				buf_puts(b, ", ");
				html_text(h, d->date);
			}
			buf_puts(b, ")</span></li>\n");
		}
	}
	buf_puts(b, "</ul>\n");
}

void
meeting_page(struct hctx *h, struct outset *os)
{
	const struct meeting *m = h->m;
	struct buf *b;
	char	*path, *date, *title, *bodyidx;
	const char *crumbs[6];

	path = xasprintf("%s/%s/index.html", h->body_slug, h->date_slug);
	b = outset_add(os, path);
	free(path);
	h->b = b;
	h->root = "../../";
	date = sv_date_weekday(m->date);
	title = xasprintf("%s %s", m->body, date);
	bodyidx = xasprintf("../index.html");
	crumbs[0] = "../../index.html";
	crumbs[1] = "Start";
	crumbs[2] = bodyidx;
	crumbs[3] = m->body;
	crumbs[4] = NULL;
	crumbs[5] = m->date;
	page_begin(h, title, crumbs, 3);
	buf_puts(b, "<h1>");
	html_text(h, m->body);
	buf_puts(b, "<br><span class=\"meta\">Sammanträde ");
	html_text(h, date);
	buf_puts(b, "</span></h1>\n<dl class=\"facts\">\n");
	fact(h, "Organisation", m->organisation);
	fact(h, "Ordförande", m->chair.name);
	if (m->secretary.name != NULL) {
		buf_puts(b, "<dt>Sekreterare</dt><dd>");
		html_text(h, m->secretary.name);
		if (m->secretary.role != NULL) {
			buf_puts(b, ", ");
			html_text(h, m->secretary.role);
		}
		/* Left in the public view only where the organisation
		 * publishes officials' direct numbers and addresses. */
		if (m->secretary.phone != NULL) {
			buf_puts(b, ", telefon ");
			html_text(h, m->secretary.phone);
		}
		if (m->secretary.email != NULL &&
		    html_url_safe(m->secretary.email) &&
		    strchr(m->secretary.email, ':') == NULL) {
			buf_puts(b, ", <a href=\"mailto:");
			html_esc(b, m->secretary.email);
			buf_puts(b, "\">");
			html_text(h, m->secretary.email);
			buf_puts(b, "</a>");
		}
		buf_puts(b, "</dd>\n");
	}
	buf_puts(b, "</dl>\n");
	if (h->sum != NULL && h->sum->prot_first > 0)
		buf_printf(b, "<p><a href=\"protokoll.html\">Protokoll: "
		    "besluten, <span class=\"nw\">§ %d–%d</span></a></p>\n",
		    h->sum->prot_first, h->sum->prot_last);
	sessions(h);
	program(h);
	agenda(h);
	proposals(h);
	documents(h);
	page_end(h);
	free(bodyidx);
	free(title);
	free(date);
}

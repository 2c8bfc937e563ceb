/*
 * html: a page per agenda item with a case file (its description,
 * decision proposal, recipients and documents) and a page per document
 * behind an item (reports, follow-up reports, letters).
 */
#include <stdlib.h>
#include <string.h>

#include "html_private.h"

static size_t
document_index(const struct meeting *m, const struct document *d)
{
	size_t	 j;

	for (j = 0; j < m->ndocuments; j++)
		if (m->documents[j] == d)
			return j;
	return (size_t)-1;
}

static void
item_page(struct hctx *h, const struct agenda_item *it,
    const struct agenda_item *prev, const struct agenda_item *next,
    struct outset *os)
{
	const struct casefile *cs = it->cs;
	const struct meeting *m = h->m;
	static const char *const heads[SECTION__MAX] = {
		"Ärendebeskrivning", "Förslag till beslut", "Expedieras till",
		"Beslutsunderlag"
	};
	struct buf *b;
	char	*path, *f, *title, *date;
	size_t	 k;
	int	 s;

	f = item_file(it->number);
	path = xasprintf("%s/%s/%s", h->body_slug, h->date_slug, f);
	free(f);
	b = h->b = outset_add(os, path);
	free(path);
	h->root = "../../";
	h->item = it;
	h->srcfile = cs->path;
	date = sv_date_weekday(m->date);
	title = xasprintf("%d. %s", it->number, it->title);
	{
		char	*full = xasprintf("%s – %s %s", title, m->body,
		    m->date);
		const char *c[8] = { "../../index.html", "Start",
		    "../index.html", m->body, "index.html", m->date, NULL,
		    title };

		page_begin(h, full, c, 4);
		free(full);
	}
	buf_puts(b, "<h1>");
	html_text(h, title);
	buf_puts(b, "</h1>\n<dl class=\"facts\">\n<dt>Sammanträde</dt><dd>"
	    "<a href=\"index.html\">");
	html_text(h, m->body);
	buf_puts(b, " ");
	html_text(h, date);
	buf_puts(b, "</a></dd>\n");
	fact(h, "Diarienummer", cs->dnr);
	buf_puts(b, "<dt>Typ av ärende</dt><dd>");
	buf_puts(b, cs->kind != NULL && strcmp(cs->kind, "information") == 0 ?
	    "Informationsärende" : "Beslutsärende");
	buf_puts(b, "</dd>\n");
	fact(h, "Handläggare", cs->handlaggare);
	buf_puts(b, "</dl>\n");
	h->notepage = "";
	memset(h->noteseen, 0, sizeof(h->noteseen));
	for (s = 0; s < SECTION__MAX; s++) {
		const struct section *sec = &cs->sections[s];

		if (!sec->present || sec->blocks == NULL)
			continue;
		buf_printf(b, "<h2>%s</h2>\n", heads[s]);
		if (s == SECTION_PROPOSAL)
			buf_puts(b, "<div class=\"proposal\">\n");
		html_blocks(h, sec->blocks, 3);
		if (s == SECTION_PROPOSAL)
			buf_puts(b, "</div>\n");
	}
	html_notes(h, cs->notes);
	h->notepage = NULL;
	/* The documents the item brings with it, in the pack's order. */
	buf_puts(b, "<h2>Handlingar</h2>\n<ul class=\"files\">\n");
	if (h->opts->pdf) {
		f = pack_file(h->body_slug, h->date_slug);
		buf_printf(b, "<li><a href=\"%s\">Kallelse med handlingar, "
		    "hela sammanträdet (PDF)</a></li>\n", f);
		free(f);
	}
	for (k = 0; k < it->ndocs; k++) {
		const struct document *d = it->docs[k];
		size_t	 j = document_index(m, d);

		if (d->kind == DOCUMENT_TJANSTESKRIVELSE) {
			buf_puts(b, "<li>Tjänsteskrivelse: texten på den här "
			    "sidan</li>\n");
			continue;
		}
		if (d->kind == DOCUMENT_EXTERNAL) {
			/* A PDF made elsewhere is published inside the pack
			 * only, where it has passed the same checks. */
			buf_puts(b, "<li>");
			html_text(h, d->title);
			buf_puts(b, h->opts->pdf ? " (PDF): finns i kallelsen "
			    "med handlingar ovan</li>\n" : " (PDF): finns i "
			    "kallelsen med handlingar</li>\n");
			continue;
		}
		if (!web_document(d) || j == (size_t)-1)
			continue;
		f = document_file(m, j);
		buf_printf(b, "<li><a href=\"%s\">", f);
		free(f);
		html_text(h, d->title);
		buf_puts(b, "</a></li>\n");
	}
	buf_puts(b, "</ul>\n");
	if (prev != NULL || next != NULL) {
		buf_puts(b, "<nav aria-label=\"Föregående och nästa ärende\">"
		    "<ul class=\"files\">\n");
		if (prev != NULL)
			item_link(h, "<li>Föregående: ", prev, "</li>\n");
		if (next != NULL)
			item_link(h, "<li>Nästa: ", next, "</li>\n");
		buf_puts(b, "</ul></nav>\n");
	}
	page_end(h);
	h->item = NULL;
	h->srcfile = NULL;
	free(title);
	free(date);
}

static void
document_page(struct hctx *h, size_t j, struct outset *os)
{
	const struct meeting *m = h->m;
	const struct document *d = m->documents[j];
	const struct agenda_item *owner = NULL;
	struct buf *b;
	char	*f, *path;
	size_t	 i, k;

	for (i = 0; i < m->nitems && owner == NULL; i++)
		for (k = 0; k < m->items[i].ndocs; k++)
			if (m->items[i].docs[k] == d)
				owner = &m->items[i];
	f = document_file(m, j);
	path = xasprintf("%s/%s/%s", h->body_slug, h->date_slug, f);
	free(f);
	b = h->b = outset_add(os, path);
	free(path);
	h->root = "../../";
	h->srcfile = d->path;
	{
		char	*full = xasprintf("%s – %s %s", d->title, m->body,
		    m->date);
		const char *c[8] = { "../../index.html", "Start",
		    "../index.html", m->body, "index.html", m->date, NULL,
		    d->title };

		page_begin(h, full, c, 4);
		free(full);
	}
	buf_puts(b, "<h1>");
	html_text(h, d->title);
	buf_puts(b, "</h1>\n<dl class=\"facts\">\n");
	if (owner != NULL)
		item_link(h, "<dt>Ärende</dt><dd>", owner, "</dd>\n");
	fact(h, "Datum", d->date);
	fact(h, "Diarienummer", d->dnr);
	fact(h, "Förvaltning", d->department);
	buf_puts(b, "</dl>\n");
	if (d->kind == DOCUMENT_LETTER && d->subject != NULL) {
		buf_puts(b, "<p><strong>");
		html_text(h, d->subject);
		buf_puts(b, "</strong></p>\n");
	}
	h->notepage = "";
	memset(h->noteseen, 0, sizeof(h->noteseen));
	html_blocks(h, d->blocks, 2);
	html_notes(h, d->notes);
	h->notepage = NULL;
	page_end(h);
	h->srcfile = NULL;
}

void
item_pages(struct hctx *h, struct outset *os)
{
	const struct meeting *m = h->m;
	const struct agenda_item *prev = NULL, *next;
	size_t	 i, j;

	for (i = 0; i < m->nitems; i++) {
		const struct agenda_item *it = &m->items[i];

		if (it->kind != AGENDA_CASE || it->cs == NULL || it->closed)
			continue;
		for (next = NULL, j = i + 1; j < m->nitems && next == NULL;
		    j++)
			if (m->items[j].kind == AGENDA_CASE &&
			    m->items[j].cs != NULL && !m->items[j].closed)
				next = &m->items[j];
		item_page(h, it, prev, next, os);
		prev = it;
	}
	for (j = 0; j < m->ndocuments; j++)
		if (web_document(m->documents[j]))
			document_page(h, j, os);
}

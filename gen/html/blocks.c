/*
 * html: case texts from the model's blocks.  cmark's own HTML renderer
 * is never used: every text is escaped here, raw HTML in the Markdown
 * arrived as text and stays text, and a link is kept only when its
 * target is on the allow-list (html_url_safe) or names a document of
 * the meeting, which then leads to that document's page.
 */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "../content/content.h"
#include "html_private.h"

void
html_text(struct hctx *h, const char *s)
{
	html_esc(h->b, s);
}

/* A relative link in a case text: the document page it names, or NULL
 * (then the text is shown without a link). */
static char *
document_link(struct hctx *h, const char *target)
{
	const struct meeting *m = h->m;
	char	*dir, *slash, *path, *real, *dreal;
	size_t	 i, n;
	char	*hit = NULL;

	if (m == NULL || h->srcfile == NULL || target[0] == '#')
		return NULL;
	n = strcspn(target, "#?");
	dir = xstrdup(h->srcfile);
	if ((slash = strrchr(dir, '/')) != NULL)
		slash[1] = '\0';
	else
		dir[0] = '\0';
	path = xasprintf("%s%.*s", dir, (int)n, target);
	real = realpath(path, NULL);
	for (i = 0; real != NULL && i < m->ndocuments && hit == NULL; i++) {
		const struct document *d = m->documents[i];

		if (d->path == NULL || !web_document(d))
			continue;
		if ((dreal = realpath(d->path, NULL)) != NULL &&
		    strcmp(dreal, real) == 0)
			hit = document_file(m, i);
		free(dreal);
	}
	free(real);
	free(path);
	free(dir);
	return hit;
}

static char *
link_href(struct hctx *h, const char *target)
{
	if (target == NULL)
		return NULL;
	if (strncmp(target, "http:", 5) == 0 ||
	    strncmp(target, "https:", 6) == 0 ||
	    strncmp(target, "mailto:", 7) == 0)
		return html_url_safe(target) ? xstrdup(target) : NULL;
	if (!html_url_safe(target))
		return NULL;
	/* An anchor in the model names a place in the pack, which the
	 * page does not have; a file is one of the meeting's documents. */
	return document_link(h, target);
}

static void
span_open(struct buf *b, unsigned f)
{
	if (f & SPAN_BOLD)
		buf_puts(b, "<strong>");
	if (f & SPAN_ITALIC)
		buf_puts(b, "<em>");
	if (f & SPAN_CODE)
		buf_puts(b, "<code>");
}

static void
span_close(struct buf *b, unsigned f)
{
	if (f & SPAN_CODE)
		buf_puts(b, "</code>");
	if (f & SPAN_ITALIC)
		buf_puts(b, "</em>");
	if (f & SPAN_BOLD)
		buf_puts(b, "</strong>");
}

static bool
same_str(const char *a, const char *b)
{
	return a == b || (a != NULL && b != NULL && strcmp(a, b) == 0);
}

/* A footnote's number, raised, leading to the note; the first
 * reference to a note is where its back-link returns. */
static void
noteref(struct hctx *h, const struct span *s)
{
	struct buf *b = h->b;
	int	 n = s->text != NULL ? atoi(s->text) : 0;

	if (h->notepage == NULL || n < 1 || n > NOTES_MAX) {
		buf_puts(b, "<sup>");
		html_text(h, s->text != NULL ? s->text : "");
		buf_puts(b, "</sup>");
		return;
	}
	buf_puts(b, "<sup><a href=\"");
	html_esc(b, h->notepage);
	buf_printf(b, "#fn-%d\"", n);
	if (h->notepage[0] == '\0' && !h->noteseen[n]) {
		buf_printf(b, " id=\"fnref-%d\"", n);
		h->noteseen[n] = true;
	}
	buf_printf(b, " aria-label=\"Fotnot %d\">%d</a></sup>", n, n);
}

void
html_spans(struct hctx *h, const struct span *s)
{
	struct buf *b = h->b;
	const char *open_target = NULL, *open_lang = NULL;
	char	*href;

	for (; s != NULL; s = s->next) {
		const char *t = (s->flags & SPAN_LINK) ? s->target : NULL;
		bool	 relang = !same_str(s->lang, open_lang);

		/* One <a> for a run of spans with the same target, inside
		 * one <span lang> for a run in another language. */
		if (open_target != NULL && (relang || t == NULL ||
		    strcmp(t, open_target) != 0)) {
			buf_puts(b, "</a>");
			open_target = NULL;
		}
		if (relang) {
			if (open_lang != NULL)
				buf_puts(b, "</span>");
			if ((open_lang = s->lang) != NULL) {
				buf_puts(b, "<span lang=\"");
				html_esc(b, open_lang);
				buf_puts(b, "\">");
			}
		}
		if (t != NULL && open_target == NULL &&
		    (href = link_href(h, t)) != NULL) {
			buf_puts(b, "<a href=\"");
			html_esc(b, href);
			buf_puts(b, "\">");
			free(href);
			open_target = t;
		}
		switch (s->kind) {
		case SPAN_TEXT:
			span_open(b, s->flags);
			html_text_nb(b, s->text);
			span_close(b, s->flags);
			break;
		case SPAN_BREAK:
			buf_puts(b, "<br>\n");
			break;
		case SPAN_PAGEREF:
			break;
		case SPAN_NOTEREF:
			noteref(h, s);
			break;
		}
	}
	if (open_target != NULL)
		buf_puts(b, "</a>");
	if (open_lang != NULL)
		buf_puts(b, "</span>");
}

/* The lang attribute of a block in another language. */
static void
lang_attr(struct buf *b, const char *lang)
{
	if (lang == NULL)
		return;
	buf_puts(b, " lang=\"");
	html_esc(b, lang);
	buf_putc(b, '"');
}

void
html_notes(struct hctx *h, const struct note *n)
{
	struct buf *b = h->b;

	if (n == NULL)
		return;
	buf_puts(b, "<section class=\"notes\" aria-label=\"Fotnoter\">\n"
	    "<ol>\n");
	for (; n != NULL; n = n->next) {
		buf_printf(b, "<li id=\"fn-%d\">", n->number);
		html_spans(h, n->spans);
		buf_printf(b, " <a href=\"#fnref-%d\" class=\"back\" "
		    "aria-label=\"Tillbaka till texten\">↩</a></li>\n",
		    n->number);
	}
	buf_puts(b, "</ol>\n</section>\n");
}

/* A cell's text; a comment of several paragraphs as <p> each. */
static void
html_cell_paras(struct hctx *h, const char *t)
{
	const char *s = t, *p;
	size_t	 n;
	char	*one;

	if (!figure_next_para(&s, &p, &n) || *s == '\0') {
		html_text_nb(h->b, t);
		return;
	}
	s = t;
	while (figure_next_para(&s, &p, &n)) {
		one = xstrndup(p, n);
		buf_puts(h->b, "<p>");
		html_text_nb(h->b, one);
		buf_puts(h->b, "</p>");
		free(one);
	}
}

static void
figure_cell(struct hctx *h, const struct figure *f, size_t r, size_t c,
    bool head)
{
	const struct figure_row *fr = &f->rows[r];
	const struct figure_cell *cell = &fr->cells[c];
	bool	 num = f->cols[c].type == FIGCOL_NUMBER ||
	    f->cols[c].type == FIGCOL_PERCENT;
	bool	 group = fr->role == ROW_GROUP;
	const char *tag = head || group || c == 0 ? "th" : "td";
	char	*t;

	buf_printf(h->b, "<%s", tag);
	if (group)
		buf_puts(h->b, " scope=\"rowgroup\"");
	else if (head)
		buf_puts(h->b, cell->colspan > 1 ? " scope=\"colgroup\"" :
		    num ? " scope=\"col\" class=\"num\"" : " scope=\"col\"");
	else if (c == 0)
		buf_puts(h->b, cell->rowspan > 1 ? " scope=\"rowgroup\"" :
		    " scope=\"row\"");
	else if (num)
		buf_puts(h->b, " class=\"num\"");
	if (cell->colspan > 1)
		buf_printf(h->b, " colspan=\"%d\"", cell->colspan);
	if (cell->rowspan > 1)
		buf_printf(h->b, " rowspan=\"%d\"", cell->rowspan);
	buf_puts(h->b, ">");
	/* Header and group rows hold words as written. */
	t = head || group ? xstrdup(cell->text ? cell->text : "") :
	    figure_cell_text(f, r, c);
	html_cell_paras(h, t);
	free(t);
	buf_printf(h->b, "</%s>", tag);
}

/* A figure as a table: its caption, header rows with scope="col", the
 * first cell of each row a row header; charts are drawn in the PDF and
 * their numbers are the table here. */
static void
figure_table(struct hctx *h, const struct block *ref)
{
	const struct figure *f = ref->figure;
	struct buf *b = h->b;
	size_t	 r, c;
	char	*cap;

	if (f == NULL || f->ncols == 0)
		return;
	/* The alt text of the reference replaces the caption, as in the
	 * pack. */
	{
		char	*c0 = ref->spans != NULL ? spans_text(ref->spans) :
		    xstrdup(f->caption ? f->caption : "Tabell");

		cap = f->unit ? xasprintf("%s (%s)", c0, f->unit) :
		    xstrdup(c0);
		free(c0);
	}
	buf_puts(b, "<div class=\"scroll\" role=\"region\" tabindex=\"0\" "
	    "aria-label=\"");
	html_esc(b, cap);
	buf_puts(b, "\">\n<table>\n<caption>");
	html_text(h, cap);
	buf_puts(b, "</caption>\n");
	free(cap);
	if (f->nhead > 0)
		buf_puts(b, "<thead>\n");
	for (r = 0; r < f->nrows; r++) {
		const struct figure_row *fr = &f->rows[r];

		if (r == f->nhead)
			buf_puts(b, r > 0 ? "</thead>\n<tbody>\n" :
			    "<tbody>\n");
		buf_puts(b, fr->role == ROW_TOTAL ? "<tr class=\"total\">" :
		    fr->role == ROW_SUBTOTAL ? "<tr class=\"subtotal\">" :
		    fr->role == ROW_PART ? "<tr class=\"part\">" :
		    fr->role == ROW_GROUP ? "<tr class=\"group\">" : "<tr>");
		for (c = 0; c < f->ncols; c++)
			if (!fr->cells[c].covered)
				figure_cell(h, f, r, c, r < f->nhead);
		buf_puts(b, "</tr>\n");
	}
	buf_puts(b, f->nrows > f->nhead ? "</tbody>\n" : f->nhead > 0 ?
	    "</thead>\n" : "");
	buf_puts(b, "</table>\n</div>\n");
	if (f->source != NULL) {
		buf_puts(b, "<p class=\"meta\">");
		html_text(h, f->source);
		buf_puts(b, "</p>\n");
	}
}

/* A figure as the pack places it: its chart (drawn, with its numbers
 * under it) or its table. */
static void
figure_block(struct hctx *h, const struct block *ref)
{
	struct chart *ch;
	bool	 by_rows, pct;

	if (ref->figure_view == FIGVIEW_CHART && ref->figure != NULL &&
	    h->opts != NULL && h->opts->chart != NULL &&
	    (ch = h->opts->chart(ref, h->opts->chart_arg, &by_rows,
	    &pct)) != NULL) {
		html_chart(h, ref, ch, by_rows, pct);
		chart_free(ch);
		return;
	}
	figure_table(h, ref);
}

void
html_blocks(struct hctx *h, const struct block *bl, int hbase)
{
	struct buf *b = h->b;
	const struct block *c;
	int	 lv;

	for (; bl != NULL; bl = bl->next) {
		switch (bl->kind) {
		case BLOCK_PARA:
			buf_puts(b, "<p");
			lang_attr(b, bl->lang);
			buf_putc(b, '>');
			html_spans(h, bl->spans);
			buf_puts(b, "</p>\n");
			break;
		case BLOCK_HEADING:
			lv = hbase + (bl->level < 1 ? 1 : bl->level) - 1;
			if (lv > 6)
				lv = 6;
			buf_printf(b, "<h%d>", lv);
			html_spans(h, bl->spans);
			buf_printf(b, "</h%d>\n", lv);
			break;
		case BLOCK_LIST:
			if (bl->list_style == LIST_BULLET)
				buf_puts(b, "<ul>\n");
			else {
				buf_puts(b, bl->list_style == LIST_ALPHA ?
				    "<ol class=\"alpha\" type=\"a\"" : "<ol");
				if (bl->list_start > 1)
					buf_printf(b, " start=\"%d\"",
					    bl->list_start);
				buf_puts(b, ">\n");
			}
			for (c = bl->children; c != NULL; c = c->next) {
				buf_puts(b, "<li");
				/* A tight item's lone paragraph is its text. */
				if (bl->tight && c->children != NULL &&
				    c->children->kind == BLOCK_PARA) {
					lang_attr(b, c->children->lang);
					buf_putc(b, '>');
					html_spans(h, c->children->spans);
					html_blocks(h, c->children->next,
					    hbase);
				} else {
					buf_putc(b, '>');
					html_blocks(h, c->children, hbase);
				}
				buf_puts(b, "</li>\n");
			}
			buf_puts(b, bl->list_style == LIST_BULLET ? "</ul>\n" :
			    "</ol>\n");
			break;
		case BLOCK_ITEM:
			html_blocks(h, bl->children, hbase);
			break;
		case BLOCK_QUOTE:
			buf_puts(b, "<blockquote>\n");
			html_blocks(h, bl->children, hbase);
			buf_puts(b, "</blockquote>\n");
			break;
		case BLOCK_CODE:
			buf_puts(b, "<pre><code>");
			{
				const struct span *s;

				for (s = bl->spans; s != NULL; s = s->next)
					if (s->kind == SPAN_BREAK)
						buf_putc(b, '\n');
					else if (s->kind == SPAN_TEXT)
						html_text(h, s->text);
			}
			buf_puts(b, "</code></pre>\n");
			break;
		case BLOCK_RULE:
			buf_puts(b, "<hr>\n");
			break;
		case BLOCK_FIGURE:
			figure_block(h, bl);
			break;
		case BLOCK_REGISTER:
			/* Made afresh with every secret field as its note,
			 * whether or not the meeting was redacted. */
			if (bl->reg != NULL) {
				struct block *pub = register_blocks(bl->reg,
				    true);

				html_blocks(h, pub, hbase);
				blocks_free(pub);
			}
			break;
		case BLOCK_PAGEBREAK:
		case BLOCK_TABLE:
		case BLOCK_CHART:
			break;
		}
	}
}

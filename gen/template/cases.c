/*
 * Case texts into the document tree: the Markdown blocks of the model
 * are copied with a style each, list items get their markers ("•",
 * "1.", "a.") and headings their level in the document; figure
 * references become tables and charts (figures.c).
 */
#include <stdlib.h>
#include <string.h>

#include "template_private.h"

enum where {
	IN_BODY,
	IN_ITEM,
	IN_QUOTE
};

char *
tmpl_list_label(enum list_style ls, int n)
{
	char	 s[16];
	int	 i = 0, k;

	switch (ls) {
	case LIST_DECIMAL:
		return xasprintf("%d.", n);
	case LIST_ALPHA:
		/* a..z, then aa, ab, ... like spreadsheet columns. */
		if (n < 1)
			n = 1;
		for (k = n; k > 0 && i < 8; k = (k - 1) / 26)
			s[i++] = (char)('a' + (k - 1) % 26);
		s[i] = '\0';
		for (k = 0; k < i / 2; k++) {
			char	 c = s[k];

			s[k] = s[i - 1 - k];
			s[i - 1 - k] = c;
		}
		return xasprintf("%s.", s);
	default:
		return xstrdup("•");
	}
}

static struct block *style_chain(const struct content_map *,
	    const struct block *, int depth, enum where);
static struct block *style_range(const struct content_map *,
	    const struct block *, const struct block *, int depth,
	    enum where);

static struct block *
style_one(const struct content_map *m, const struct block *src, int depth,
    enum where where, int index)
{
	struct block *b = block_new(src->kind);
	const struct block *c;
	int	 level, i;

	b->level = src->level;
	b->list_style = src->list_style;
	b->list_start = src->list_start;
	b->tight = src->tight;
	b->pos = src->pos;
	b->spans = spans_clone(src->spans);
	b->lang = src->lang != NULL ? xstrdup(src->lang) : NULL;
	switch (src->kind) {
	case BLOCK_PARA:
		b->style = where == IN_ITEM ? m->item_para :
		    where == IN_QUOTE ? m->quote_para : m->para;
		break;
	case BLOCK_HEADING:
		level = src->level < 1 ? 1 : src->level > 6 ? 6 : src->level;
		b->style = m->heading[level - 1];
		b->level = level + m->heading_offset;
		if (b->level > 6)
			b->level = 6;
		break;
	case BLOCK_LIST:
		b->style = m->item;
		/* Items are numbered here so every output agrees. */
		{
			struct block *head = NULL, **tail = &head;

			for (c = src->children, i = 0; c; c = c->next, i++) {
				*tail = style_one(m, c, depth + 1, IN_ITEM, i);
				if ((*tail)->kind == BLOCK_ITEM) {
					char	*lab;

					if (src->list_style == LIST_BULLET)
						lab = xstrdup(m->bullet[depth % 3]);
					else
						lab = tmpl_list_label(
						    src->list_style,
						    src->list_start + i);
					(*tail)->label = span_new(SPAN_TEXT, 0,
					    lab);
					(*tail)->label->pos = c->pos;
					free(lab);
				}
				tail = &(*tail)->next;
			}
			b->children = head;
		}
		return b;
	case BLOCK_ITEM:
		b->style = m->item;
		b->children = style_chain(m, src->children, depth, IN_ITEM);
		(void)index;
		return b;
	case BLOCK_QUOTE:
		b->style = m->quote;
		b->children = style_chain(m, src->children, depth, IN_QUOTE);
		return b;
	case BLOCK_CODE:
		b->style = m->code;
		break;
	case BLOCK_RULE:
	case BLOCK_PAGEBREAK:
		b->style = m->rule;
		break;
	case BLOCK_FIGURE:
	case BLOCK_REGISTER:
		break;		/* style_chain makes their blocks */
	case BLOCK_TABLE:
	case BLOCK_CHART:
		/* Already styled (document-tree blocks): copied. */
		b->style = src->style;
		b->table = table_clone(src->table);
		b->chart = chart_clone(src->chart);
		break;
	}
	return b;
}

/* Styles the blocks from src up to stop (NULL: to the end). */
static struct block *
style_chain(const struct content_map *m, const struct block *src, int depth,
    enum where where)
{
	return style_range(m, src, NULL, depth, where);
}

static struct block *
style_range(const struct content_map *m, const struct block *src,
    const struct block *stop, int depth, enum where where)
{
	struct block *head = NULL, **tail = &head;
	int	 i = 0;

	for (; src != NULL && src != stop; src = src->next, i++) {
		if (src->kind == BLOCK_FIGURE) {
			/* A table, or a chart and its table: several. */
			*tail = tmpl_figure(m->fig, src);
			while (*tail != NULL)
				tail = &(*tail)->next;
			continue;
		}
		if (src->kind == BLOCK_REGISTER) {
			/* Its lists, made when it was read. */
			*tail = style_chain(m, src->children, depth, where);
			while (*tail != NULL)
				tail = &(*tail)->next;
			continue;
		}
		*tail = style_one(m, src, depth, where, i);
		tail = &(*tail)->next;
	}
	return head;
}

struct block *
tmpl_style_blocks(const struct content_map *m, const struct block *src,
    int depth)
{
	return style_chain(m, src, depth, IN_BODY);
}

struct block *
tmpl_style_range(const struct content_map *m, const struct block *src,
    const struct block *stop)
{
	return style_range(m, src, stop, 0, IN_BODY);
}

static void
notes_walk(struct tmpl *t, const struct content_map *m, struct block *b,
    const struct note *notes)
{
	struct block **tail;
	struct span *sp;
	const struct note *n;

	for (; b != NULL; b = b->next) {
		for (tail = &b->notes; *tail != NULL; tail = &(*tail)->next)
			continue;
		for (sp = b->spans; sp != NULL; sp = sp->next) {
			if (sp->kind != SPAN_NOTEREF || sp->target == NULL ||
			    (n = note_find(notes, sp->target)) == NULL ||
			    n->number < 1 || n->number > NOTES_MAX)
				continue;
			free(sp->target);
			sp->target = xasprintf("fn-%d-%d", t->note_set,
			    n->number);
			if (t->note_placed[n->number])
				continue;
			t->note_placed[n->number] = true;
			*tail = block_new(BLOCK_PARA);
			(*tail)->style = m->footnote;
			(*tail)->pos = n->pos;
			(*tail)->spans = spans_clone(n->spans);
			(*tail)->label = span_new(SPAN_TEXT, 0, sp->text);
			(*tail)->label->pos = n->pos;
			(*tail)->anchor = xstrdup(sp->target);
			tail = &(*tail)->next;
		}
		notes_walk(t, m, b->children, notes);
	}
}

void
tmpl_notes(struct tmpl *t, const struct content_map *m, struct block *b,
    const void *owner, const struct note *notes)
{
	if (notes == NULL)
		return;
	if (owner != t->note_owner) {
		t->note_owner = owner;
		t->note_set++;
		memset(t->note_placed, 0, sizeof(t->note_placed));
	}
	notes_walk(t, m, b, notes);
}

/*
 * Document templates: which <document> role and file serve which kind
 * of document, named content maps, chapter numbers and the table of
 * contents.  Chapter numbers are made here, once, so the text, the
 * table of contents and the bookmarks all show the same numbers.
 */
#include <stdlib.h>
#include <string.h>

#include "../util/xml.h"
#include "template_private.h"

static const char *const roles[TDOC__MAX] = {
	"tjansteskrivelse", "rapport", "uppfoljning", "brev", "program",
	"bilaga"
};

int
tmpl_doc_role(const char *role)
{
	int	 i;

	for (i = 0; role != NULL && i < TDOC__MAX; i++)
		if (strcmp(role, roles[i]) == 0)
			return i;
	return -1;
}

int
tmpl_doc_kind_role(enum document_kind k)
{
	switch (k) {
	case DOCUMENT_TJANSTESKRIVELSE:
		return TDOC_TJANSTESKRIVELSE;
	case DOCUMENT_FOLLOWUP:
		return TDOC_UPPFOLJNING;
	case DOCUMENT_LETTER:
		return TDOC_BREV;
	case DOCUMENT_PROGRAM:
		return TDOC_PROGRAM;
	case DOCUMENT_EXTERNAL:
		return TDOC_BILAGA;
	default:
		return TDOC_RAPPORT;
	}
}

const char *
tmpl_doc_file(enum document_kind k)
{
	switch (k) {
	case DOCUMENT_TJANSTESKRIVELSE:
		return "tjansteskrivelse.xml";
	case DOCUMENT_LETTER:
		return "brev.xml";
	case DOCUMENT_PROGRAM:
		return "program.xml";
	case DOCUMENT_EXTERNAL:
		return "bilaga.xml";
	default:
		return "rapport.xml";
	}
}

struct content_map *
tmpl_new_cmap(struct tmpl *t, xmlNodePtr n)
{
	char	*name = xml_attr(n, "name");
	struct content_map *m;
	size_t	 i;

	t->have_cmap = true;
	if (name == NULL) {
		if (t->cmap.para != NULL) {
			diag(DIAG_ERROR, tmpl_file(t, n), (int)xmlGetLineNo(n),
			    0, "a second <content> without a name: name one "
			    "of them");
			return NULL;
		}
		return &t->cmap;
	}
	for (i = 0; i < t->nnamed; i++)
		if (strcmp(t->named_name[i], name) == 0) {
			diag(DIAG_ERROR, tmpl_file(t, n), (int)xmlGetLineNo(n),
			    0, "<content name=\"%s\"> is defined twice", name);
			free(name);
			return NULL;
		}
	if (t->nnamed == TMPL_MAX_CMAPS) {
		diag(DIAG_ERROR, tmpl_file(t, n), (int)xmlGetLineNo(n), 0,
		    "more than %d named <content> maps", TMPL_MAX_CMAPS);
		free(name);
		return NULL;
	}
	t->named_name[t->nnamed] = name;
	m = &t->named[t->nnamed++];
	memset(m, 0, sizeof(*m));
	return m;
}

const struct content_map *
tmpl_cmap(const struct tmpl *t, const char *name)
{
	size_t	 i;

	if (name == NULL)
		return t->cmap.para != NULL ? &t->cmap : NULL;
	for (i = 0; i < t->nnamed; i++)
		if (strcmp(t->named_name[i], name) == 0)
			return &t->named[i];
	return NULL;
}

void
tmpl_free_cmaps(struct tmpl *t)
{
	size_t	 i;
	int	 k;

	for (k = 0; k < 3; k++)
		free(t->cmap.bullet[k]);
	for (i = 0; i < t->nnamed; i++) {
		for (k = 0; k < 3; k++)
			free(t->named[i].bullet[k]);
		free(t->named_name[i]);
	}
}

/* The shallowest heading level among the top-level blocks. */
static int
top_level(const struct block *b)
{
	int	 top = 7;

	for (; b != NULL; b = b->next)
		if (b->kind == BLOCK_HEADING && b->level < top)
			top = b->level;
	return top;
}

const char *
tmpl_doc_role_name(int r)
{
	return r >= 0 && r < TDOC__MAX ? roles[r] : "";
}

void
tmpl_number_chapters(struct block *b, const char *prefix, int levels,
    int outline_base, int outline_depth)
{
	int	 num[6] = { 0 }, top = top_level(b), depth, i, n = 0;
	struct buf s = { 0 };
	char	*text;

	for (; b != NULL; b = b->next) {
		if (b->kind != BLOCK_HEADING)
			continue;
		depth = b->level - top + 1;
		if (depth < 1 || depth > 6)
			continue;
		num[depth - 1]++;
		for (i = depth; i < 6; i++)
			num[i] = 0;
		free(b->anchor);
		b->anchor = xasprintf("%s-%d", prefix, ++n);
		buf_reset(&s);
		/* Unnumbered headings need no column for numbers. */
		b->no_label_col = levels == 0;
		if (depth <= levels) {
			for (i = 0; i < depth; i++)
				buf_printf(&s, "%s%d", i ? "." : "",
				    num[i] ? num[i] : 1);
			spans_free(b->label);
			b->label = span_new(SPAN_TEXT, 0, s.data);
			b->label->pos = b->pos;
		}
		if (outline_base > 0 && depth <= outline_depth) {
			text = spans_text(b->spans);
			free(b->outline);
			b->outline = s.len ? xasprintf("%s %s", s.data, text) :
			    xstrdup(text);
			b->outline_level = outline_base + depth - 1;
			free(text);
		}
	}
	buf_free(&s);
}

struct block *
tmpl_toc(const struct block *b, int levels, const struct style *st,
    const struct style *sub)
{
	struct block *head = NULL, **tail = &head, *e;
	int	 top = top_level(b), depth;

	for (; b != NULL; b = b->next) {
		if (b->kind != BLOCK_HEADING || b->anchor == NULL)
			continue;
		depth = b->level - top + 1;
		if (depth < 1 || depth > levels)
			continue;
		e = block_new(BLOCK_PARA);
		e->pos = b->pos;
		e->style = depth > 1 && sub != NULL ? sub : st;
		e->spans = spans_clone(b->spans);
		{
			struct span *sp, **pp;
			char	*target = xasprintf("#%s", b->anchor);

			/* A footnote's number is no part of the title. */
			for (pp = &e->spans; (sp = *pp) != NULL;)
				if (sp->kind == SPAN_NOTEREF) {
					*pp = sp->next;
					sp->next = NULL;
					spans_free(sp);
				} else
					pp = &sp->next;
			for (sp = e->spans; sp != NULL; sp = sp->next)
				if (sp->kind == SPAN_TEXT) {
					sp->flags |= SPAN_LINK;
					free(sp->target);
					sp->target = xstrdup(target);
				}
			free(target);
		}
		e->label = spans_clone(b->label);
		e->no_label_col = b->no_label_col;
		e->trailer = span_new(SPAN_PAGEREF, 0, NULL);
		e->trailer->target = xstrdup(b->anchor);
		e->trailer->pos = b->pos;
		*tail = e;
		tail = &e->next;
	}
	return head;
}

/*
 * Tagged PDF (PDF/UA-1): the structure tree, marked content and the
 * parent tree, made from the structure the page model keeps.
 *
 * The elements come from the document tree, in its order, before any
 * page is written: Document, a Part per document of the pack,
 * headings, paragraphs, lists (L, LI, Lbl, LBody), tables (Table,
 * Caption, THead, TBody, TR, TH, TD), charts (Figure with /Alt) and
 * footnotes (a Note with its /ID right after the element of its first
 * reference, whose number is a Reference element inside the text).
 * Then every item of every page is given its element (or Artifact);
 * content.c wraps each run of items of one element in a marked-content
 * sequence with its own MCID, and outline.c hands over link
 * annotations, which get a Link element of their own holding the
 * link's text and an OBJR.  The dictionaries are made at the end,
 * for the elements that received content, so the tree holds no empty
 * paragraphs; table cells stay even when empty, so that columns keep
 * their places.
 *
 * Reading order is structure order, and structure order is the
 * document tree's: a paragraph that goes on over a page is one
 * element with content on both pages (MCR dictionaries for the
 * pages other than its /Pg).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pdf_private.h"

enum kid_kind {
	KID_ELEM,
	KID_MCID,
	KID_OBJR
};

struct tag_kid {
	enum kid_kind	 kind;
	int		 elem;		/* KID_ELEM */
	size_t		 page;		/* KID_MCID, KID_OBJR */
	int		 mcid;		/* KID_MCID */
	HPDF_Annotation	 annot;		/* KID_OBJR */
};

struct tag_elem {
	char		 type[12];	/* P, H1, LI, BlockQuote */
	int		 parent;	/* -1: the root */
	struct tag_kid	*kids;
	size_t		 nkids, capkids;
	const char	*alt;		/* Figure: doc tree's text */
	const char	*scope;		/* TH: "Column" */
	int		 rowspan, colspan;	/* table cells, > 1 only */
	const char	*numbering;	/* L: ListNumbering */
	char		*text;		/* Link: its text, for /Contents */
	const char	*lang;		/* /Lang (doc tree's text), or NULL */
	int		 span;		/* the Span its last text went in;
					 * 0 (the Document): none */
	const char	*id;		/* Note: its /ID, unique in the file */
	bool		 keep;		/* made even without content */
	bool		 external;	/* Figure of a scanned page of a PDF
					 * made elsewhere */
	bool		 attached;	/* Link: in its parent's kids yet */
	/* Figure, Table: the box its content covers on its first page
	 * (/BBox, ISO 32000-1 table 344), and that page. */
	bool		 boxed;
	size_t		 bpage;
	float		 bbox[4];
	bool		 used;		/* has content, or a used child */
	HPDF_Dict	 dict;		/* its entries: elem_write() */
	struct pdf_tags	*tags;		/* for elem_write() */
};

/* Pointer to element index, open addressing. */
struct tag_map {
	const void	**keys;
	int		*vals;
	size_t		 cap;		/* power of 2 */
	size_t		 n;
};

struct tag_page {
	int		 scan;		/* a scanned page's Figure, or -1 */
	int		 scan_mcid;	/* and its MCID */
	int		*elem;		/* per item: element, TAG_* */
	unsigned char	*flags;		/* per item: TAGF_* */
	int		*mcids;		/* element of each MCID */
	size_t		 nmcids, capmcids;
};

struct pdf_tags {
	struct tag_elem	*e;
	size_t		 ne, cape;
	struct tag_map	 map;
	struct tag_page	*pages;
	size_t		 npages;
	/* The part's open headings: level given, level written. */
	int		 hgiven[6], hmade[6];
	int		 nheadings;
	int		 link;		/* the last Link element, or -1 */
	const char	*link_target;	/* its target */
	/* Link annotations, with their element, for the parent tree. */
	struct {
		HPDF_Annotation annot;
		int	 elem;
	}		*annots;
	size_t		 nannots, capannots;
	struct pdf_writer *w;		/* for elem_write() */
	HPDF_Dict	 root;		/* StructTreeRoot */
};

/* ------------------------------------------------------------------ */

static size_t
hash_ptr(const void *p, size_t cap)
{
	uintptr_t v = (uintptr_t)p;

	v ^= v >> 17;
	v *= (uintptr_t)0x9e3779b97f4a7c15ULL;
	v ^= v >> 29;
	return (size_t)v & (cap - 1);
}

static void
map_put(struct tag_map *m, const void *key, int val)
{
	size_t	 i, j, ocap;
	const void **okeys;
	int	*ovals;

	if (2 * (m->n + 1) > m->cap) {
		okeys = m->keys;
		ovals = m->vals;
		ocap = m->cap;
		m->cap = m->cap ? m->cap * 2 : 256;
		m->keys = xcalloc(m->cap, sizeof(*m->keys));
		m->vals = xcalloc(m->cap, sizeof(*m->vals));
		m->n = 0;
		for (j = 0; j < ocap; j++)
			if (okeys[j] != NULL)
				map_put(m, okeys[j], ovals[j]);
		free(okeys);
		free(ovals);
	}
	for (i = hash_ptr(key, m->cap); m->keys[i] != NULL &&
	    m->keys[i] != key; i = (i + 1) & (m->cap - 1))
		;
	if (m->keys[i] == NULL)
		m->n++;
	m->keys[i] = key;
	m->vals[i] = val;
}

static int
map_get(const struct tag_map *m, const void *key)
{
	size_t	 i;

	if (m->cap == 0 || key == NULL)
		return -1;
	for (i = hash_ptr(key, m->cap); m->keys[i] != NULL;
	    i = (i + 1) & (m->cap - 1))
		if (m->keys[i] == key)
			return m->vals[i];
	return -1;
}

/* ------------------------------------------------------------------ */
/* The elements, from the document tree. */

static void
kid_add(struct tag_elem *e, const struct tag_kid *k)
{
	if (e->nkids == e->capkids) {
		e->capkids = e->capkids ? e->capkids * 2 : 4;
		e->kids = xrealloc(e->kids, e->capkids * sizeof(*e->kids));
	}
	e->kids[e->nkids++] = *k;
}

static void
attach(struct pdf_tags *T, int id)
{
	struct tag_kid k;

	/* A Span or Link whose content comes first goes in after the
	 * content of its parent written before it. */
	if (T->e[id].parent >= 0 && !T->e[T->e[id].parent].attached)
		attach(T, T->e[id].parent);
	memset(&k, 0, sizeof(k));
	k.kind = KID_ELEM;
	k.elem = id;
	if (T->e[id].parent >= 0)
		kid_add(&T->e[T->e[id].parent], &k);
	T->e[id].attached = true;
}

/* A new element under parent; key (a block or cell) finds it. */
static int
elem_new(struct pdf_tags *T, const char *type, int parent, const void *key,
    bool now)
{
	struct tag_elem *e;
	int	 id;

	if (T->ne == T->cape) {
		T->cape = T->cape ? T->cape * 2 : 256;
		T->e = xrealloc(T->e, T->cape * sizeof(*T->e));
	}
	id = (int)T->ne++;
	e = &T->e[id];
	memset(e, 0, sizeof(*e));
	snprintf(e->type, sizeof(e->type), "%s", type);
	e->parent = parent;
	if (now)
		attach(T, id);
	if (key != NULL)
		map_put(&T->map, key, id);
	return id;
}

static void walk(struct pdf_tags *, const struct block *, int parent);

static void
cell_elems(struct pdf_tags *T, const struct table_cell *c, int tr, bool head)
{
	int	 id = elem_new(T, head ? "TH" : "TD", tr, c, true);
	struct tag_elem *e = &T->e[id];

	e->keep = true;
	if (head)
		e->scope = "Column";
	if (c->colspan > 1)
		e->colspan = c->colspan;
	if (c->rowspan > 1)
		e->rowspan = c->rowspan;
	/* A cell of one paragraph holds its text itself. */
	if (c->blocks != NULL && c->blocks->next == NULL &&
	    c->blocks->kind == BLOCK_PARA)
		map_put(&T->map, c->blocks, id);
	else
		walk(T, c->blocks, id);
}

static void
table_elems(struct pdf_tags *T, const struct block *b, int parent)
{
	const struct table *t = b->table;
	int	 tab, head = -1, body = -1, sect, tr;
	size_t	 r, c;

	if (t == NULL)
		return;
	if (t->grid) {
		/* A layout grid (signers side by side) is no table. */
		tab = elem_new(T, "Div", parent, b, true);
		for (r = 0; r < t->nrows; r++)
			for (c = 0; c < t->rows[r].ncells; c++) {
				sect = elem_new(T, "Div", tab,
				    &t->rows[r].cells[c], true);
				walk(T, t->rows[r].cells[c].blocks, sect);
			}
		walk(T, t->notes, parent);
		return;
	}
	tab = elem_new(T, "Table", parent, b, true);
	if (t->caption != NULL)
		elem_new(T, "Caption", tab, t->caption, true);
	for (r = 0; r < t->nrows; r++) {
		bool	 ishead = r < t->nhead;

		if (ishead && head < 0)
			head = elem_new(T, "THead", tab, NULL, true);
		if (!ishead && body < 0)
			body = elem_new(T, "TBody", tab, NULL, true);
		tr = elem_new(T, "TR", ishead ? head : body, NULL, true);
		T->e[tr].keep = true;
		for (c = 0; c < t->rows[r].ncells; c++)
			cell_elems(T, &t->rows[r].cells[c], tr,
			    t->rows[r].role == ROW_HEAD);
	}
	/* Source, unit, legend: paragraphs after the table. */
	walk(T, t->notes, parent);
}

/* The notes first referenced in b: Note elements after it, each with
 * the anchor its references name as /ID. */
static void
note_elems(struct pdf_tags *T, const struct block *b, int parent)
{
	const struct block *n;
	int	 id;

	for (n = b->notes; n != NULL; n = n->next) {
		id = elem_new(T, "Note", parent, n, true);
		T->e[id].id = n->anchor;
	}
}

static void
walk(struct pdf_tags *T, const struct block *b, int parent)
{
	char	 h[16];
	int	 id, body, level;

	for (; b != NULL; b = b->next) {
		switch (b->kind) {
		case BLOCK_PARA:
		case BLOCK_CODE:
			id = elem_new(T, "P", parent, b, true);
			T->e[id].lang = b->lang;
			note_elems(T, b, parent);
			break;
		case BLOCK_HEADING:
			/*
			 * A template may style a letter's headings below
			 * its title as level 4; a reader's outline must
			 * not skip levels (PDF/UA), so a heading is one
			 * level below the nearest open heading given a
			 * higher level, and siblings stay siblings.
			 */
			level = b->level < 1 ? 1 : b->level > 6 ? 6 :
			    b->level;
			while (T->nheadings > 0 &&
			    T->hgiven[T->nheadings - 1] >= level)
				T->nheadings--;
			T->hgiven[T->nheadings] = level;
			level = T->nheadings == 0 ? 1 :
			    T->hmade[T->nheadings - 1] + 1;
			T->hmade[T->nheadings++] = level;
			snprintf(h, sizeof(h), "H%d", level);
			elem_new(T, h, parent, b, true);
			note_elems(T, b, parent);
			break;
		case BLOCK_LIST:
			id = elem_new(T, "L", parent, b, true);
			T->e[id].numbering = b->list_style == LIST_BULLET ?
			    "Disc" : b->list_style == LIST_DECIMAL ?
			    "Decimal" : "LowerAlpha";
			walk(T, b->children, id);
			break;
		case BLOCK_ITEM:
			id = elem_new(T, "LI", parent, NULL, true);
			/* Text of the item itself is its marker. */
			elem_new(T, "Lbl", id, b, true);
			body = elem_new(T, "LBody", id, NULL, true);
			walk(T, b->children, body);
			break;
		case BLOCK_QUOTE:
			id = elem_new(T, "BlockQuote", parent, b, true);
			walk(T, b->children, id);
			break;
		case BLOCK_TABLE:
			table_elems(T, b, parent);
			break;
		case BLOCK_CHART:
			id = elem_new(T, "Figure", parent, b, true);
			T->e[id].alt = b->chart != NULL ? b->chart->alt : NULL;
			break;
		case BLOCK_RULE:
		case BLOCK_PAGEBREAK:
		case BLOCK_FIGURE:
		case BLOCK_REGISTER:	/* model only */
			break;
		}
	}
}

/*
 * A PDF made elsewhere: its pages are drawn by attach.c after the pack
 * is saved, and its structure goes in its Part there (its own tree, or
 * its text as paragraphs).  A scan, whose pages are pictures with no
 * text, is a Figure a page, whose /Alt is the title the Beslutsunderlag
 * gives it: the content is the picture of the page (its MCID is taken
 * here, the marked content written by attach.c).
 */
static void
external_elems(struct pdf_tags *T, const struct doc *d,
    const struct pages *P, const int *parts)
{
	const struct part_external *x;
	const char *name, *slash;
	char	 alt[PDF_TEXT_MAX];
	size_t	 i;
	int	 id, part;

	for (i = 0; i < P->n; i++) {
		T->pages[i].scan = -1;
		if (P->v[i].external == NULL || P->v[i].part >= d->nparts ||
		    (x = &d->parts[P->v[i].part].external)->path == NULL)
			continue;
		part = parts[P->v[i].part];
		T->e[part].keep = true;
		if (x->text)
			continue;
		name = x->title;
		if (name == NULL || name[0] == '\0') {
			name = x->path != NULL ? x->path : "PDF";
			if ((slash = strrchr(name, '/')) != NULL &&
			    slash[1] != '\0')
				name = slash + 1;
		}
		if (P->v[i].docpages > 1)
			snprintf(alt, sizeof(alt), "%s (%d/%d)", name,
			    P->v[i].docpage, P->v[i].docpages);
		else
			snprintf(alt, sizeof(alt), "%s", name);
		id = elem_new(T, "Figure", part, NULL, true);
		T->e[id].text = xstrdup(alt);
		T->e[id].external = true;
		T->pages[i].scan = id;
	}
}

/* ------------------------------------------------------------------ */
/* Items to elements. */

/*
 * The kind of an artifact: the running lines (and their rules, and the
 * stamp on pages of PDFs made elsewhere) lie in the page's top or
 * bottom margin, outside the body's area; anything else is layout.
 */
static int
artifact_kind(const struct page *pg, const struct page_style *ps,
    const struct pitem *it)
{
	float	 top, bottom;

	if (ps == NULL || it->node != NULL || it->tblock != NULL)
		return TAG_ARTIFACT;
	top = it->y + (it->kind == PITEM_TEXT ? it->size * 0.8f :
	    it->h > 0 ? it->h : 0);
	bottom = it->y + (it->kind == PITEM_TEXT ? -it->size * 0.2f :
	    it->h < 0 ? it->h : 0);
	if (bottom >= pg->height - ps->margin_top)
		return TAG_HEADER;
	if (top <= ps->margin_bottom || (pg->external != NULL &&
	    top <= ps->stamp_bottom))
		return TAG_FOOTER;
	return TAG_ARTIFACT;
}

const char *
pdf_tag_artifact(int elem)
{
	switch (elem) {
	case TAG_HEADER:
		return "/Artifact <</Type /Pagination /Subtype /Header>> BDC\n";
	case TAG_FOOTER:
		return "/Artifact <</Type /Pagination /Subtype /Footer>> BDC\n";
	default:
		return "/Artifact <</Type /Layout>> BDC\n";
	}
}

/* The element of an item, or TAG_NONE, or its kind of artifact. */
static int
item_elem(struct pdf_tags *T, const struct page *pg,
    const struct page_style *ps, const struct pitem *it, int part)
{
	int	 id;

	if (it->kind == PITEM_LINK)
		return TAG_NONE;
	if (it->artifact)
		return artifact_kind(pg, ps, it);
	switch (it->kind) {
	case PITEM_TEXT:
		if ((id = map_get(&T->map, it->node)) >= 0)
			return id;
		/* Text the tree does not know still reads, in place. */
		if (it->node != NULL)
			return elem_new(T, "P", part, it->node, true);
		return elem_new(T, "P", part, NULL, true);
	case PITEM_PATH:
	case PITEM_CIRCLE:
	case PITEM_IMAGE:
		/* Shapes of a chart are its picture; a status symbol says
		 * again what its cell's text says. */
		id = map_get(&T->map, it->node);
		if (id >= 0 && strcmp(T->e[id].type, "Figure") == 0)
			return id;
		return TAG_ARTIFACT;
	default:
		return TAG_ARTIFACT;
	}
}

static bool
ends_with_space(const char *s)
{
	size_t	 n = s != NULL ? strlen(s) : 0;

	return n > 0 && s[n - 1] == ' ';
}

/* A link's element: the one before if it goes on (to a new line). */
static int
link_get(struct pdf_tags *T, int parent, const char *target)
{
	if (T->link >= 0 && T->e[T->link].parent == parent &&
	    T->link_target != NULL && strcmp(T->link_target, target) == 0)
		return T->link;
	T->link = elem_new(T, "Link", parent, NULL, false);
	T->link_target = target;
	return T->link;
}

/*
 * A link: its own element under the text's, holding the runs of text
 * inside its area on its line (linebreak.c starts a new run where a
 * link starts or ends).
 */
static void
link_elem(struct pdf_writer *w, size_t page, size_t j)
{
	struct pdf_tags *T = w->tags;
	const struct page *pg = &w->pages->v[page];
	const struct pitem *lk = &pg->items[j], *it;
	struct tag_page *tp = &T->pages[page];
	struct buf text;
	int	 parent, id = -1;
	size_t	 i, *runs = NULL, nruns = 0;
	const float eps = 0.5f;

	if (lk->target == NULL || lk->target[0] == '\0')
		return;
	if (lk->target[0] == '#' && pages_anchor(w->pages,
	    lk->target + 1) == NULL)
		return;
	memset(&text, 0, sizeof(text));
	parent = map_get(&T->map, lk->node);
	for (i = j; i-- > 0;) {
		it = &pg->items[i];
		if (it->node != lk->node)
			break;
		if (it->kind != PITEM_TEXT)
			continue;
		if (it->y < lk->y - eps || it->y > lk->y + lk->h + eps)
			break;
		/* Runs start where links do; a hyphen may stick out. */
		if (tp->elem[i] < 0 || it->x < lk->x - eps ||
		    it->x > lk->x + lk->w - eps)
			continue;
		if (id < 0) {
			/* A link in text of another language stays in
			 * its Span. */
			if (parent < 0 ||
			    strcmp(T->e[tp->elem[i]].type, "Span") == 0)
				parent = tp->elem[i];
			id = link_get(T, parent, lk->target);
		}
		tp->elem[i] = id;
		runs = xrealloc(runs, (nruns + 1) * sizeof(*runs));
		runs[nruns++] = i;
	}
	if (id < 0) {
		if (parent < 0)
			return;
		id = link_get(T, parent, lk->target);
	}
	/*
	 * Its text in reading order: what the lines before gave (a link
	 * that wraps has an area on each line), then this area's runs,
	 * found backwards.  A hyphen layout added is no part of it.
	 */
	if (T->e[id].text != NULL)
		buf_puts(&text, T->e[id].text);
	for (; nruns > 0; nruns--) {
		it = &pg->items[runs[nruns - 1]];
		if (it->text == NULL)
			continue;
		buf_puts(&text, it->text);
		if (it->hyphen_added && text.len > 0 &&
		    text.data[text.len - 1] == '-')
			text.data[--text.len] = '\0';
		if (tp->flags[runs[nruns - 1]] & TAGF_SPACE)
			buf_putc(&text, ' ');
	}
	free(runs);
	free(T->e[id].text);
	T->e[id].text = text.len > 0 ? buf_detach(&text) :
	    xstrdup(lk->target);
	buf_free(&text);
	tp->elem[j] = id;	/* outline.c finds it here */
}

/*
 * Words keep their spaces: where the next text of the same element is
 * not right after an item (a new line, the text after a label), the
 * item ends in a space; at a hyphen layout added, or a line broken
 * inside a word (after its own hyphen), the word goes on without one.
 */
static void
spaces(struct pdf_tags *T, const struct page *pg, struct tag_page *tp,
    size_t *last)
{
	const struct pitem *a, *b;
	size_t	 i, p;
	int	 e;

	for (i = 0; i < pg->nitems; i++) {
		e = tp->elem[i];
		if (e < 0 || pg->items[i].kind != PITEM_TEXT)
			continue;
		p = last[e];
		last[e] = i;
		if (p == (size_t)-1)
			continue;
		a = &pg->items[p];
		b = &pg->items[i];
		if (a->hyphen_added || a->joined || ends_with_space(a->text) ||
		    (b->text != NULL && b->text[0] == ' '))
			continue;
		/* A footnote's raised number is on its word's line. */
		if (a->y - a->rise != b->y - b->rise ||
		    b->x > a->x + a->w + 0.5f || b->x < a->x)
			tp->flags[p] |= TAGF_SPACE;
	}
	/* The last text of an element on a page goes on on the next. */
	for (i = 0; i < pg->nitems; i++) {
		e = tp->elem[i];
		if (e < 0 || pg->items[i].kind != PITEM_TEXT)
			continue;
		if (last[e] == i) {
			last[e] = (size_t)-1;
			tp->flags[i] |= TAGF_PAGELAST;
		}
	}
}

/*
 * Text in another language than its paragraph's: a Span with its
 * /Lang, one for each mark even where it goes on over a line or a
 * page (its runs, in reading order, follow each other).
 */
static void
lang_spans(struct pdf_tags *T, const struct page *pg, struct tag_page *tp)
{
	const struct pitem *it;
	size_t	 k;
	int	 e, sp;

	for (k = 0; k < pg->nitems; k++) {
		it = &pg->items[k];
		e = tp->elem[k];
		if (it->kind != PITEM_TEXT || e < 0 || (size_t)e >= T->ne)
			continue;
		if (it->lang == NULL || (T->e[e].lang != NULL &&
		    strcmp(T->e[e].lang, it->lang) == 0)) {
			T->e[e].span = 0;
			continue;
		}
		sp = T->e[e].span;
		if (sp <= 0 || strcmp(T->e[sp].lang, it->lang) != 0) {
			sp = elem_new(T, "Span", e, NULL, false);
			T->e[sp].lang = it->lang;
			T->e[e].span = sp;
		}
		tp->elem[k] = sp;
	}
}

/* The box an item covers; false for one that shows nothing. */
static bool
item_box(const struct pitem *it, float b[4])
{
	float	 lw = it->line_width > 0 ? it->line_width / 2 : 0;
	size_t	 i;

	switch (it->kind) {
	case PITEM_TEXT:
		if (it->text == NULL || it->text[0] == '\0')
			return false;
		b[0] = it->x, b[2] = it->x + it->w;
		b[1] = it->y - it->size * 0.25f;
		b[3] = it->y + it->size * 0.8f;
		return true;
	case PITEM_LINE:
		b[0] = fminf(it->x, it->x + it->w) - lw;
		b[2] = fmaxf(it->x, it->x + it->w) + lw;
		b[1] = fminf(it->y, it->y + it->h) - lw;
		b[3] = fmaxf(it->y, it->y + it->h) + lw;
		return true;
	case PITEM_RECT:
	case PITEM_IMAGE:
		b[0] = fminf(it->x, it->x + it->w);
		b[2] = fmaxf(it->x, it->x + it->w);
		b[1] = fminf(it->y, it->y + it->h);
		b[3] = fmaxf(it->y, it->y + it->h);
		return true;
	case PITEM_CIRCLE:
		b[0] = it->x - it->w - lw, b[2] = it->x + it->w + lw;
		b[1] = it->y - it->w - lw, b[3] = it->y + it->w + lw;
		return true;
	case PITEM_PATH:
		if (it->pts == NULL || it->npts == 0)
			return false;
		b[0] = b[2] = it->x + it->pts[0];
		b[1] = b[3] = it->y + it->pts[1];
		for (i = 1; i < it->npts; i++) {
			b[0] = fminf(b[0], it->x + it->pts[2 * i]);
			b[2] = fmaxf(b[2], it->x + it->pts[2 * i]);
			b[1] = fminf(b[1], it->y + it->pts[2 * i + 1]);
			b[3] = fmaxf(b[3], it->y + it->pts[2 * i + 1]);
		}
		b[0] -= lw, b[1] -= lw, b[2] += lw, b[3] += lw;
		return true;
	default:
		return false;
	}
}

static void
bbox_add(struct tag_elem *e, size_t page, const float b[4])
{
	if (!e->boxed) {
		e->boxed = true;
		e->bpage = page;
		memcpy(e->bbox, b, sizeof(e->bbox));
	} else if (e->bpage == page) {
		e->bbox[0] = fminf(e->bbox[0], b[0]);
		e->bbox[1] = fminf(e->bbox[1], b[1]);
		e->bbox[2] = fmaxf(e->bbox[2], b[2]);
		e->bbox[3] = fmaxf(e->bbox[3], b[3]);
	}
}

/* An item's box, to the Figures and Tables it is part of: its element
 * and its ancestors, and the table of a cell's fill or border. */
static void
bbox_item(struct pdf_tags *T, size_t page, const struct pitem *it,
    int elem)
{
	float	 b[4];
	int	 e, depth;

	if (it->kind == PITEM_LINK || !item_box(it, b))
		return;
	if (elem < 0 && it->tblock != NULL && it->artifact)
		elem = map_get(&T->map, it->tblock);
	for (e = elem, depth = 0; e >= 0 && (size_t)e < T->ne && depth < 64;
	    e = T->e[e].parent, depth++)
		if (strcmp(T->e[e].type, "Figure") == 0 ||
		    strcmp(T->e[e].type, "Table") == 0)
			bbox_add(&T->e[e], page, b);
}

/* Builds the elements and gives every item of every page its own. */
int
pdf_tags_new(struct pdf_writer *w)
{
	const struct doc *d = w->doc;
	const struct pages *P = w->pages;
	struct pdf_tags *T;
	size_t	 i, k, n, *last;
	int	 root, *parts;

	T = w->tags = xcalloc(1, sizeof(*T));
	T->link = -1;
	root = elem_new(T, "Document", -1, NULL, true);
	parts = xcalloc(d->nparts ? d->nparts : 1, sizeof(*parts));
	for (i = 0; i < d->nparts; i++) {
		parts[i] = elem_new(T, "Part", root, &d->parts[i], true);
		T->nheadings = 0;
		walk(T, d->parts[i].blocks, parts[i]);
	}
	T->npages = P->n;
	T->pages = xcalloc(P->n ? P->n : 1, sizeof(*T->pages));
	external_elems(T, d, P, parts);
	for (i = 0; i < P->n; i++) {
		const struct page *pg = &P->v[i];
		struct tag_page *tp = &T->pages[i];
		int	 part = pg->part < d->nparts ? parts[pg->part] : root;

		n = pg->nitems ? pg->nitems : 1;
		tp->elem = xcalloc(n, sizeof(*tp->elem));
		tp->flags = xcalloc(n, 1);
		for (k = 0; k < pg->nitems; k++)
			tp->elem[k] = item_elem(T, pg, pg->part < d->nparts ?
			    d->parts[pg->part].page : NULL, &pg->items[k],
			    part);
	}
	/* Spaces first, between the texts of a paragraph (Spans and
	 * links take their text with them), then Spans, then links. */
	last = xcalloc(T->ne ? T->ne : 1, sizeof(*last));
	memset(last, 0xff, (T->ne ? T->ne : 1) * sizeof(*last));
	for (i = 0; i < P->n; i++)
		spaces(T, &P->v[i], &T->pages[i], last);
	/* A page's last text of an element that goes on on a later
	 * page: a space between, unless a hyphen joins the word. */
	for (i = 0; i < T->ne; i++)
		T->e[i].used = false;
	for (i = P->n; i-- > 0;) {
		const struct page *pg = &P->v[i];
		struct tag_page *tp = &T->pages[i];

		for (k = pg->nitems; k-- > 0;) {
			int	 e = tp->elem[k];

			if (e < 0 || pg->items[k].kind != PITEM_TEXT ||
			    (size_t)e >= T->ne)
				continue;
			if ((tp->flags[k] & TAGF_PAGELAST) && T->e[e].used &&
			    !pg->items[k].hyphen_added &&
			    !pg->items[k].joined &&
			    !ends_with_space(pg->items[k].text))
				tp->flags[k] |= TAGF_SPACE;
		}
		for (k = 0; k < pg->nitems; k++)
			if (tp->elem[k] >= 0 && (size_t)tp->elem[k] < T->ne)
				T->e[tp->elem[k]].used = true;
	}
	for (i = 0; i < T->ne; i++)
		T->e[i].used = false;
	for (i = 0; i < P->n; i++)
		lang_spans(T, &P->v[i], &T->pages[i]);
	/* A footnote's number in the text: a Reference inside the text's
	 * element or Span (after the spaces, which read it as the text's
	 * own). */
	for (i = 0; i < P->n; i++)
		for (k = 0; k < P->v[i].nitems; k++)
			if (P->v[i].items[k].noteref != NULL &&
			    T->pages[i].elem[k] >= 0)
				T->pages[i].elem[k] = elem_new(T, "Reference",
				    T->pages[i].elem[k], NULL, false);
	for (i = 0; i < P->n; i++)
		for (k = 0; k < P->v[i].nitems; k++)
			if (P->v[i].items[k].kind == PITEM_LINK)
				link_elem(w, i, k);
	for (i = 0; i < P->n; i++)
		for (k = 0; k < P->v[i].nitems; k++)
			bbox_item(T, i, &P->v[i].items[k], T->pages[i].elem[k]);
	free(last);
	free(parts);
	return 1;
}

int
pdf_tag_elem(const struct pdf_writer *w, size_t page, size_t item)
{
	return w->tags->pages[page].elem[item];
}

unsigned
pdf_tag_flags(const struct pdf_writer *w, size_t page, size_t item)
{
	return w->tags->pages[page].flags[item];
}

const char *
pdf_tag_type(const struct pdf_writer *w, int elem)
{
	return w->tags->e[elem].type;
}

/* A new marked-content sequence of elem on page: its MCID. */
int
pdf_tag_mcid(struct pdf_writer *w, size_t page, int elem)
{
	struct pdf_tags *T = w->tags;
	struct tag_page *tp = &T->pages[page];
	struct tag_kid k;

	if (!T->e[elem].attached)
		attach(T, elem);
	if (tp->nmcids == tp->capmcids) {
		tp->capmcids = tp->capmcids ? tp->capmcids * 2 : 64;
		tp->mcids = xrealloc(tp->mcids,
		    tp->capmcids * sizeof(*tp->mcids));
	}
	tp->mcids[tp->nmcids] = elem;
	memset(&k, 0, sizeof(k));
	k.kind = KID_MCID;
	k.page = page;
	k.mcid = (int)tp->nmcids;
	kid_add(&T->e[elem], &k);
	return (int)tp->nmcids++;
}

void
pdf_tag_scan(struct pdf_writer *w, size_t page)
{
	struct pdf_tags *T = w->tags;
	const struct page *pg = &w->pages->v[page];
	const struct part_external *x;
	struct tag_elem *e;
	double	 s, tx, ty, pw, ph;
	int	 id = T->pages[page].scan;

	if (id < 0)
		return;
	x = &w->doc->parts[pg->part].external;
	T->pages[page].scan_mcid = pdf_tag_mcid(w, page, id);
	e = &T->e[id];
	if (pg->external_page < 1 || (size_t)pg->external_page > x->npages)
		return;
	pw = x->pages[pg->external_page - 1].width;
	ph = x->pages[pg->external_page - 1].height;
	pdf_attach_place(w, page, pw, ph, &s, &tx, &ty);
	e->boxed = true;
	e->bpage = page;
	e->bbox[0] = (float)tx;
	e->bbox[1] = (float)ty;
	e->bbox[2] = (float)(tx + pw * s);
	e->bbox[3] = (float)(ty + ph * s);
}

/* The page's entries: structure parents, tab order by structure. */
int
pdf_tag_page(struct pdf_writer *w, size_t page)
{
	HPDF_Page pg = w->hpages[page];

	if (HPDF_Dict_AddNumber(pg, "StructParents", (HPDF_INT32)page) !=
	    HPDF_OK || HPDF_Dict_AddName(pg, "Tabs", "S") != HPDF_OK)
		return pdf_ok(w, "tagging a page");
	return 1;
}

static void
trim(char *s)
{
	size_t	 n = s != NULL ? strlen(s) : 0;

	while (n > 0 && s[n - 1] == ' ')
		s[--n] = '\0';
}

/* A link annotation: OBJR in its Link element, /Contents its text. */
int
pdf_tag_link(struct pdf_writer *w, size_t page, size_t item,
    HPDF_Annotation a)
{
	struct pdf_tags *T = w->tags;
	int	 id = T->pages[page].elem[item];
	struct tag_kid k;
	void	*s;

	if (id < 0 || (size_t)id >= T->ne)
		return 1;
	if (!T->e[id].attached)
		attach(T, id);
	memset(&k, 0, sizeof(k));
	k.kind = KID_OBJR;
	k.page = page;
	k.annot = a;
	kid_add(&T->e[id], &k);
	if (T->nannots == T->capannots) {
		T->capannots = T->capannots ? T->capannots * 2 : 64;
		T->annots = xrealloc(T->annots,
		    T->capannots * sizeof(*T->annots));
	}
	T->annots[T->nannots].annot = a;
	T->annots[T->nannots].elem = id;
	if (HPDF_Dict_AddNumber(a, "StructParent",
	    (HPDF_INT32)(T->npages + T->nannots)) != HPDF_OK)
		return pdf_ok(w, "tagging a link");
	T->nannots++;
	trim(T->e[id].text);
	if ((s = pdf_text_string(w, T->e[id].text ? T->e[id].text : "")) ==
	    NULL || HPDF_Dict_Add(a, "Contents", s) != HPDF_OK)
		return pdf_ok(w, "tagging a link");
	return 1;
}

/* ------------------------------------------------------------------ */
/* The dictionaries. */

/* Marks elements with content and their ancestors as used. */
static void
mark_used(struct pdf_tags *T)
{
	size_t	 i;
	int	 p;

	for (i = T->ne; i-- > 0;) {
		struct tag_elem *e = &T->e[i];
		size_t	 k;

		if (e->keep)
			e->used = true;
		for (k = 0; k < e->nkids && !e->used; k++)
			if (e->kids[k].kind != KID_ELEM)
				e->used = true;
	}
	/* Children have higher indices than their parents, except Link
	 * elements made later: walk up from each. */
	for (i = 0; i < T->ne; i++)
		if (T->e[i].used)
			for (p = T->e[i].parent; p >= 0 && !T->e[p].used;
			    p = T->e[p].parent)
				T->e[p].used = true;
}

static HPDF_Dict
indirect(struct pdf_writer *w, HPDF_Dict d)
{
	HPDF_Doc_Rec *doc = w->pdf;

	if (d == NULL || HPDF_Xref_Add(doc->xref, d) != HPDF_OK)
		return NULL;
	return d;
}

/*
 * An element's dictionary has no entries of its own: libharu keeps
 * about 280 bytes for each entry, and a pack has tens of thousands of
 * elements.  Its entries are written from the element as libharu
 * writes the dictionary, in the form libharu would give them.
 */
static HPDF_STATUS
put_str(HPDF_Stream s, const char *str)
{
	return HPDF_Stream_WriteStr(s, str);
}

static HPDF_STATUS
put_key(HPDF_Stream s, const char *key)
{
	HPDF_STATUS st;

	if ((st = HPDF_Stream_WriteEscapeName(s, key)) != HPDF_OK)
		return st;
	return HPDF_Stream_WriteChar(s, ' ');
}

static HPDF_STATUS
put_ref(HPDF_Stream s, const void *obj)
{
	const HPDF_Obj_Header *h = obj;
	HPDF_STATUS st;

	if ((st = HPDF_Stream_WriteUInt(s, h->obj_id & 0x00FFFFFF)) !=
	    HPDF_OK || (st = HPDF_Stream_WriteChar(s, ' ')) != HPDF_OK ||
	    (st = HPDF_Stream_WriteUInt(s, h->gen_no)) != HPDF_OK)
		return st;
	return put_str(s, " R");
}

/* key value, one entry of a dictionary, as HPDF_Dict_Write ends it. */
static HPDF_STATUS
entry_name(HPDF_Stream s, const char *key, const char *name)
{
	HPDF_STATUS st;

	if ((st = put_key(s, key)) != HPDF_OK ||
	    (st = HPDF_Stream_WriteEscapeName(s, name)) != HPDF_OK)
		return st;
	return put_str(s, "\012");
}

static HPDF_STATUS
entry_int(HPDF_Stream s, const char *key, int n)
{
	HPDF_STATUS st;

	if ((st = put_key(s, key)) != HPDF_OK ||
	    (st = HPDF_Stream_WriteInt(s, n)) != HPDF_OK)
		return st;
	return put_str(s, "\012");
}

static HPDF_STATUS
entry_ref(HPDF_Stream s, const char *key, const void *obj)
{
	HPDF_STATUS st;

	if ((st = put_key(s, key)) != HPDF_OK || (st = put_ref(s, obj)) !=
	    HPDF_OK)
		return st;
	return put_str(s, "\012");
}

/* A text string made and written by libharu, then given back. */
static HPDF_STATUS
entry_text(struct pdf_writer *w, HPDF_Stream s, const char *key,
    const char *text)
{
	HPDF_Doc_Rec *doc = w->pdf;
	HPDF_STATUS st;
	void	*str;

	if ((str = pdf_text_string(w, text)) == NULL)
		return HPDF_Error_GetCode(&doc->error) != HPDF_OK ?
		    HPDF_Error_GetCode(&doc->error) : HPDF_FAILD_TO_ALLOC_MEM;
	if ((st = put_key(s, key)) == HPDF_OK &&
	    (st = HPDF_Obj_Write(str, s, NULL)) == HPDF_OK)
		st = put_str(s, "\012");
	HPDF_Obj_Free(doc->mmgr, str);
	return st;
}

static HPDF_STATUS
put_real(HPDF_Stream s, float v)
{
	char	 tmp[32];

	snprintf(tmp, sizeof(tmp), "%.2f ", (double)v);
	return put_str(s, tmp);
}

/* /A: the attributes of a table cell or a list; a Figure's or a
 * Table's box. */
static HPDF_STATUS
attr_write(HPDF_Stream s, const struct tag_elem *e)
{
	const char *owner = NULL;
	HPDF_STATUS st;
	int	 i;

	if (e->boxed && (strcmp(e->type, "Figure") == 0 ||
	    strcmp(e->type, "Table") == 0)) {
		if ((st = put_key(s, "A")) != HPDF_OK ||
		    (st = put_str(s, "<<\012")) != HPDF_OK ||
		    (st = entry_name(s, "O", "Layout")) != HPDF_OK ||
		    (st = put_key(s, "BBox")) != HPDF_OK ||
		    (st = put_str(s, "[")) != HPDF_OK)
			return st;
		for (i = 0; i < 4; i++)
			if ((st = put_real(s, e->bbox[i])) != HPDF_OK)
				return st;
		return put_str(s, "]\012>>\012");
	}

	if (e->scope != NULL || e->rowspan > 1 || e->colspan > 1)
		owner = "Table";
	else if (e->numbering != NULL)
		owner = "List";
	if (owner == NULL)
		return HPDF_OK;
	if ((st = put_key(s, "A")) != HPDF_OK ||
	    (st = put_str(s, "<<\012")) != HPDF_OK ||
	    (st = entry_name(s, "O", owner)) != HPDF_OK)
		return st;
	if (e->scope != NULL && (st = entry_name(s, "Scope", e->scope)) !=
	    HPDF_OK)
		return st;
	if (e->rowspan > 1 && (st = entry_int(s, "RowSpan", e->rowspan)) !=
	    HPDF_OK)
		return st;
	if (e->colspan > 1 && (st = entry_int(s, "ColSpan", e->colspan)) !=
	    HPDF_OK)
		return st;
	if (e->numbering != NULL && (st = entry_name(s, "ListNumbering",
	    e->numbering)) != HPDF_OK)
		return st;
	return put_str(s, ">>\012");
}

/* One kid in /K: an element, an MCID, an MCR or an OBJR. */
static HPDF_STATUS
kid_write(struct pdf_writer *w, HPDF_Stream s, const struct tag_kid *c,
    size_t pg)
{
	struct pdf_tags *T = w->tags;
	HPDF_STATUS st;

	switch (c->kind) {
	case KID_ELEM:
		if (!T->e[c->elem].used)
			return HPDF_OK;
		st = put_ref(s, T->e[c->elem].dict);
		break;
	case KID_MCID:
		if (c->page == pg) {
			st = HPDF_Stream_WriteInt(s, c->mcid);
			break;
		}
		if ((st = put_str(s, "<<\012")) != HPDF_OK ||
		    (st = entry_name(s, "Type", "MCR")) != HPDF_OK ||
		    (st = entry_ref(s, "Pg", w->hpages[c->page])) !=
		    HPDF_OK ||
		    (st = entry_int(s, "MCID", c->mcid)) != HPDF_OK)
			return st;
		st = put_str(s, ">>");
		break;
	case KID_OBJR:
		if ((st = put_str(s, "<<\012")) != HPDF_OK ||
		    (st = entry_name(s, "Type", "OBJR")) != HPDF_OK ||
		    (st = entry_ref(s, "Pg", w->hpages[c->page])) !=
		    HPDF_OK ||
		    (st = entry_ref(s, "Obj", c->annot)) != HPDF_OK)
			return st;
		st = put_str(s, ">>");
		break;
	default:
		return HPDF_OK;
	}
	if (st != HPDF_OK)
		return st;
	return HPDF_Stream_WriteChar(s, ' ');
}

/* libharu's write hook of an element's dictionary: all its entries. */
static HPDF_STATUS
elem_write(HPDF_Dict d, HPDF_Stream s)
{
	const struct tag_elem *e = d->attr;
	struct pdf_tags *T = e->tags;
	struct pdf_writer *w = T->w;
	const char *alt = NULL;
	size_t	 k, pg = (size_t)-1;
	HPDF_STATUS st;

	for (k = 0; k < e->nkids && pg == (size_t)-1; k++)
		if (e->kids[k].kind == KID_MCID)
			pg = e->kids[k].page;
	if (pg == (size_t)-1 && e->boxed)
		pg = e->bpage;
	/* /Type /StructElem is optional: 18 bytes an element, and a
	 * table of numbers has thousands. */
	if ((st = entry_name(s, "S", e->type)) != HPDF_OK ||
	    (st = entry_ref(s, "P", e->parent >= 0 ?
	    (void *)T->e[e->parent].dict : (void *)T->root)) != HPDF_OK)
		return st;
	if (pg != (size_t)-1 && (st = entry_ref(s, "Pg", w->hpages[pg])) !=
	    HPDF_OK)
		return st;
	if (strcmp(e->type, "Figure") == 0)
		alt = e->alt != NULL && e->alt[0] != '\0' ? e->alt : "Diagram";
	if (e->text != NULL)
		alt = e->text;
	if (alt != NULL && (st = entry_text(w, s, "Alt", alt)) != HPDF_OK)
		return st;
	if (e->lang != NULL && (st = entry_text(w, s, "Lang", e->lang)) !=
	    HPDF_OK)
		return st;
	/* Anchors are ASCII letters, digits and '-': no escapes. */
	if (e->id != NULL && ((st = put_key(s, "ID")) != HPDF_OK ||
	    (st = put_str(s, "(")) != HPDF_OK ||
	    (st = put_str(s, e->id)) != HPDF_OK ||
	    (st = put_str(s, ")\012")) != HPDF_OK))
		return st;
	if ((st = attr_write(s, e)) != HPDF_OK || e->nkids == 0)
		return st;
	/* The common case, a cell or a line: one MCID on its page. */
	if (e->nkids == 1 && e->kids[0].kind == KID_MCID &&
	    e->kids[0].page == pg)
		return entry_int(s, "K", e->kids[0].mcid);
	if ((st = put_key(s, "K")) != HPDF_OK ||
	    (st = put_str(s, "[ ")) != HPDF_OK)
		return st;
	for (k = 0; k < e->nkids; k++)
		if ((st = kid_write(w, s, &e->kids[k], pg)) != HPDF_OK)
			return st;
	return put_str(s, "]\012");
}

static int
id_cmp(const void *a, const void *b)
{
	const struct tag_elem *x = *(const struct tag_elem *const *)a;
	const struct tag_elem *y = *(const struct tag_elem *const *)b;

	return strcmp(x->id, y->id);
}

/* /IDTree: the elements with an /ID (notes), sorted by it. */
static int
id_tree(struct pdf_writer *w, HPDF_Dict root)
{
	struct pdf_tags *T = w->tags;
	HPDF_Doc_Rec *doc = w->pdf;
	const struct tag_elem **v;
	HPDF_Dict tree;
	HPDF_Array names;
	HPDF_String str;
	size_t	 i, n = 0;
	int	 ok = 1;

	v = xcalloc(T->ne ? T->ne : 1, sizeof(*v));
	for (i = 0; i < T->ne; i++)
		if (T->e[i].used && T->e[i].id != NULL)
			v[n++] = &T->e[i];
	if (n > 0) {
		qsort(v, n, sizeof(*v), id_cmp);
		ok = (tree = HPDF_Dict_New(doc->mmgr)) != NULL &&
		    (names = HPDF_Array_New(doc->mmgr)) != NULL &&
		    HPDF_Dict_Add(tree, "Names", names) == HPDF_OK &&
		    HPDF_Dict_Add(root, "IDTree", tree) == HPDF_OK;
		for (i = 0; i < n && ok; i++)
			ok = (str = HPDF_String_New(doc->mmgr, v[i]->id,
			    NULL)) != NULL && HPDF_Array_Add(names, str) ==
			    HPDF_OK && HPDF_Array_Add(names, v[i]->dict) ==
			    HPDF_OK;
	}
	free(v);
	return ok;
}

/* The structure tree root, the parent tree, /MarkInfo. */
int
pdf_tags_finish(struct pdf_writer *w)
{
	struct pdf_tags *T = w->tags;
	HPDF_Doc_Rec *doc = w->pdf;
	HPDF_Dict root, ptree, mi;
	HPDF_Array nums, a, K;
	size_t	 i, k;
	int	 ok = 1;

	mark_used(T);
	T->e[0].used = true;
	T->w = w;
	ok = (T->root = root = indirect(w, HPDF_Dict_New(doc->mmgr))) !=
	    NULL;
	for (i = 0; i < T->ne && ok; i++)
		if (T->e[i].used) {
			ok = (T->e[i].dict = indirect(w,
			    HPDF_Dict_New(doc->mmgr))) != NULL;
			if (!ok)
				break;
			T->e[i].tags = T;
			T->e[i].dict->attr = &T->e[i];
			T->e[i].dict->write_fn = elem_write;
		}
	ok = ok && HPDF_Dict_AddName(root, "Type", "StructTreeRoot") ==
	    HPDF_OK && (K = HPDF_Array_New(doc->mmgr)) != NULL &&
	    HPDF_Array_Add(K, T->e[0].dict) == HPDF_OK &&
	    HPDF_Dict_Add(root, "K", K) == HPDF_OK &&
	    (ptree = HPDF_Dict_New(doc->mmgr)) != NULL &&
	    (nums = HPDF_Array_New(doc->mmgr)) != NULL &&
	    HPDF_Dict_Add(ptree, "Nums", nums) == HPDF_OK &&
	    HPDF_Dict_Add(root, "ParentTree", ptree) == HPDF_OK;
	/* One array per page, indexed by MCID; then the annotations. */
	for (i = 0; i < T->npages && ok; i++) {
		const struct tag_page *tp = &T->pages[i];

		ok = HPDF_Array_AddNumber(nums, (HPDF_INT32)i) == HPDF_OK &&
		    (a = HPDF_Array_New(doc->mmgr)) != NULL &&
		    HPDF_Xref_Add(doc->xref, a) == HPDF_OK &&
		    HPDF_Array_Add(nums, a) == HPDF_OK;
		for (k = 0; k < tp->nmcids && ok; k++)
			ok = HPDF_Array_Add(a, T->e[tp->mcids[k]].dict) ==
			    HPDF_OK;
	}
	for (i = 0; i < T->nannots && ok; i++)
		ok = HPDF_Array_AddNumber(nums,
		    (HPDF_INT32)(T->npages + i)) == HPDF_OK &&
		    HPDF_Array_Add(nums, T->e[T->annots[i].elem].dict) ==
		    HPDF_OK;
	ok = ok && id_tree(w, root);
	/* For attach.c, which runs when this is freed. */
	for (i = 0; i < T->npages && ok; i++) {
		const struct page *pg = &w->pages->v[i];

		if (pg->external == NULL || pg->part >= w->doc->nparts)
			continue;
		if (w->ext == NULL)
			w->ext = xcalloc(T->npages, sizeof(*w->ext));
		k = (size_t)map_get(&T->map, &w->doc->parts[pg->part]);
		w->ext[i].part_obj = T->e[k].dict->header.obj_id & 0x00FFFFFF;
		w->ext[i].scan_mcid = T->pages[i].scan >= 0 ?
		    T->pages[i].scan_mcid : -1;
	}
	ok = ok && HPDF_Dict_AddNumber(root, "ParentTreeNextKey",
	    (HPDF_INT32)(T->npages + T->nannots)) == HPDF_OK &&
	    HPDF_Dict_Add(doc->catalog, "StructTreeRoot", root) == HPDF_OK &&
	    (mi = HPDF_Dict_New(doc->mmgr)) != NULL &&
	    HPDF_Dict_AddBoolean(mi, "Marked", HPDF_TRUE) == HPDF_OK &&
	    HPDF_Dict_Add(doc->catalog, "MarkInfo", mi) == HPDF_OK;
	/* /Tabs is PDF 1.5; PDF/UA-1 is defined on PDF 1.7. */
	doc->pdf_version = HPDF_VER_17;
	return pdf_done(w, ok, "the structure tree");
}

void
pdf_tags_free(struct pdf_writer *w)
{
	struct pdf_tags *T = w->tags;
	size_t	 i;

	if (T == NULL)
		return;
	for (i = 0; i < T->ne; i++) {
		free(T->e[i].kids);
		free(T->e[i].text);
	}
	for (i = 0; i < T->npages; i++) {
		free(T->pages[i].elem);
		free(T->pages[i].flags);
		free(T->pages[i].mcids);
	}
	free(T->e);
	free(T->pages);
	free(T->map.keys);
	free(T->map.vals);
	free(T->annots);
	free(T);
	w->tags = NULL;
}

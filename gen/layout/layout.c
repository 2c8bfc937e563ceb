/*
 * The whole document: parts laid out one by one (each starts a page),
 * repeated for the parts that show page numbers until no referenced
 * anchor moves, then joined into one page list with anchors, outline
 * and running headers and footers.
 */
#include <stdlib.h>
#include <string.h>

#include "layout.h"
#include "layout_private.h"

#define MAXPASS		5
#define RUNNING_RULE	0.5f	/* line width under a header, over a footer */

static int
anchorsort(const void *a, const void *b)
{
	const struct anchor *x = a, *y = b;
	int	 c = strcmp(x->name, y->name);

	/* Stable for duplicates: the later one is reported. */
	if (c == 0)
		return x->page < y->page ? -1 : x->page > y->page;
	return c;
}

/* Collects the anchors of every part, by pack page, sorted by name.
 * Returns 0 after reporting a duplicate. */
static int
anchors(const struct doc *d, const struct part_out *po, const size_t *off,
    struct anchor **vp, size_t *np)
{
	struct anchor *v = NULL;
	struct srcpos *pos = NULL;
	size_t	 n = 0, cap = 0, i, k;

	for (i = 0; i < d->nparts; i++) {
		if (d->parts[i].anchor != NULL) {
			if (n == cap) {
				cap = cap ? cap * 2 : 64;
				v = xrealloc(v, cap * sizeof(*v));
			}
			v[n].name = d->parts[i].anchor;
			v[n].page = off[i];
			v[n].y = po[i].pages[0].height;
			n++;
		}
		for (k = 0; k < po[i].nmarks; k++) {
			if (po[i].marks[k].kind != PMARK_ANCHOR)
				continue;
			if (n == cap) {
				cap = cap ? cap * 2 : 64;
				v = xrealloc(v, cap * sizeof(*v));
			}
			v[n].name = po[i].marks[k].name;
			v[n].page = off[i] + po[i].marks[k].page;
			v[n].y = po[i].marks[k].y;
			n++;
		}
	}
	if (n > 0)
		qsort(v, n, sizeof(*v), anchorsort);
	for (i = 1; i < n; i++) {
		if (strcmp(v[i - 1].name, v[i].name) != 0)
			continue;
		/* Find where the later one came from. */
		for (k = 0; pos == NULL && k < d->nparts; k++) {
			size_t	 m;

			for (m = 0; m < po[k].nmarks; m++)
				if (po[k].marks[m].kind == PMARK_ANCHOR &&
				    strcmp(po[k].marks[m].name, v[i].name) ==
				    0 && off[k] + po[k].marks[m].page ==
				    v[i].page) {
					pos = &po[k].marks[m].pos;
					break;
				}
		}
		if (pos != NULL)
			diag(DIAG_ERROR, pos->file, pos->line, pos->col,
			    "duplicate anchor \"%s\"", v[i].name);
		else
			diag(DIAG_ERROR, NULL, 0, 0, "duplicate anchor \"%s\"",
			    v[i].name);
		free(v);
		return 0;
	}
	*vp = v;
	*np = n;
	return 1;
}

/* "Sida {page} av {pages}" with the numbers in.  The template stage
 * doubles braces that are text ("{{"), so that a title containing
 * "{page}" stays as written. */
static char *
expand(const char *s, size_t page, size_t pages, int docpage, int docpages)
{
	const struct {
		const char	*name;
		long long	 v;
	} fields[] = {
		{ "{page}", (long long)page },
		{ "{pages}", (long long)pages },
		{ "{docpage}", docpage },
		{ "{docpages}", docpages },
	};
	struct buf b = { 0 };
	const char *p;
	size_t	 i, n;

	for (p = s; *p != '\0'; p++) {
		if ((p[0] == '{' && p[1] == '{') || (p[0] == '}' && p[1] == '}')) {
			buf_putc(&b, *p);
			p++;
			continue;
		}
		for (i = 0; i < sizeof(fields) / sizeof(fields[0]); i++)
			if (strncmp(p, fields[i].name,
			    n = strlen(fields[i].name)) == 0)
				break;
		if (i < sizeof(fields) / sizeof(fields[0])) {
			buf_printf(&b, "%lld", fields[i].v);
			p += n - 1;
		} else
			buf_putc(&b, *p);
	}
	return buf_detach(&b);
}

static void
additem(struct page *pg, const struct pitem *p)
{
	/* A page comes from pagination with room for its body alone;
	 * only the few items of running headers, footers and the logo
	 * are added here, so grow by a little, not by doubling: a
	 * doubled array on every page of a pack is megabytes unused. */
	if (pg->nitems == pg->capitems) {
		pg->capitems += 16;
		pg->items = xrealloc(pg->items,
		    pg->capitems * sizeof(*pg->items));
	}
	pg->items[pg->nitems++] = *p;
}

/* A header's baseline y (from the bottom of a page of its page
 * style) on a page of ours turned to landscape: as far from the top. */
static float
top_y(const struct page *pg, const struct page_style *ps, float y)
{
	return pg->external == NULL ? y + pg->height - ps->height : y;
}

/* Lays out one running slot on one line, its items allocated in a;
 * returns its width, or -1 on error. */
static float
slot_line(struct lb *lb, struct arena *a, const struct running *r,
    const char *text)
{
	struct span sp;
	struct lb_in in;

	memset(&sp, 0, sizeof(sp));
	sp.kind = SPAN_TEXT;
	sp.text = (char *)text;
	sp.flags = SPAN_NOBREAK;
	sp.pos = r->pos;
	memset(&in, 0, sizeof(in));
	in.style = r->style;
	in.width0 = in.width = 1e6f;
	in.nowarn = true;
	in.arena = a;
	if (!lb_break(lb, &in, &sp))
		return -1;
	return lb->nlines > 0 ? lb->lines[0].width : 0;
}

/* Byte offset of the k-th code point of s (or its end). */
static size_t
cp_offset(const char *s, size_t k)
{
	size_t	 i = 0;

	for (; s[i] != '\0'; i++)
		if (((unsigned char)s[i] & 0xc0) != 0x80 && k-- == 0)
			break;
	return i;
}

/* s with "…": its first k code points, or (from_end) its last k. */
static char *
cut_text(const char *s, size_t k, size_t n, bool from_end)
{
	size_t	 o;

	if (from_end) {
		o = cp_offset(s, n - k);
		return xasprintf("…%s", s + o);
	}
	o = cp_offset(s, k);
	return xasprintf("%.*s…", (int)o, s);
}

/*
 * Shortens *t with "…" to at most max wide, keeping whole characters:
 * its start, or (from_end) its end.  The kept length is found by
 * bisection, measured in the scratch arena.  Returns the new width, or
 * -1 on error.
 */
static float
shorten(struct lb *lb, struct arena *scratch, const struct running *r,
    char **t, float max, bool from_end)
{
	size_t	 n = utf8_length(*t, strlen(*t)), lo = 0, hi = n, mid;
	float	 w;
	char	*s;

	/* The most characters that fit: lo fits (the "…" alone may not,
	 * and is then what is left). */
	while (lo < hi) {
		mid = lo + (hi - lo + 1) / 2;
		s = cut_text(*t, mid, n, from_end);
		w = slot_line(lb, scratch, r, s);
		free(s);
		if (w < 0)
			return -1;
		if (w <= max)
			lo = mid;
		else
			hi = mid - 1;
	}
	s = cut_text(*t, lo, n, from_end);
	free(*t);
	*t = s;
	return slot_line(lb, scratch, r, s);
}

/* Running text beyond this is cut before it is measured at all: no
 * header line holds more. */
#define RUNNING_MAX	400

/*
 * A running header or footer line.  Slots that would overlap are
 * shortened with "…": the centre first (dropped if not even "…" fits),
 * then the left; the right slot (page numbers, dnr) only when it alone
 * is wider than the line, and then from its start, so that the page
 * number stays.  Layout is done once more for the final text, so the
 * items are what was measured.
 */
static int
running(struct lb *lb, struct pages *out, struct page *pg,
    const struct page_style *ps, const struct running *r, bool header)
{
	const char *slot[3] = { r->left, r->center, r->right };
	struct arena scratch = { 0 };
	struct pitem p;
	char	*t[3] = { NULL, NULL, NULL };
	size_t	 i, k;
	float	 x, y, w[3] = { 0, 0, 0 }, pw, tw, gap, mid, maxw, ell;
	int	 ok = 0, face = -1;

	if (r->style == NULL || (r->skip_first && pg->docpage == 1))
		return 1;
	y = header ? top_y(pg, ps, r->y) : r->y;
	/* The page's own width: pages of a PDF made elsewhere have their
	 * own sizes. */
	pw = pg->width;
	tw = pw - ps->margin_left - ps->margin_right;
	gap = r->style->size;
	mid = ps->margin_left + tw / 2;
	if ((ell = slot_line(lb, &scratch, r, "…")) < 0)
		goto out;
	for (i = 0; i < 3; i++) {
		if (slot[i] == NULL || slot[i][0] == '\0')
			continue;
		t[i] = expand(slot[i], (size_t)(pg - out->v) + 1, out->n,
		    pg->docpage, pg->docpages);
		if (utf8_length(t[i], strlen(t[i])) > RUNNING_MAX) {
			char	*c = cut_text(t[i], RUNNING_MAX,
			    utf8_length(t[i], strlen(t[i])), i == 2);

			free(t[i]);
			t[i] = c;
		}
		if ((w[i] = slot_line(lb, &scratch, r, t[i])) < 0)
			goto out;
	}
	if (w[2] > tw && (w[2] = shorten(lb, &scratch, r, &t[2], tw,
	    true)) < 0)
		goto out;
	/* The centre: clear of the right slot on both sides of the
	 * middle. */
	if (t[1] != NULL) {
		maxw = 2 * (pw - ps->margin_right - w[2] -
		    (w[2] > 0 ? gap : 0) - mid);
		if (maxw < ell) {
			free(t[1]);
			t[1] = NULL;
			w[1] = 0;
		} else if (w[1] > maxw && (w[1] = shorten(lb, &scratch, r,
		    &t[1], maxw, false)) < 0)
			goto out;
	}
	/* The left: clear of the right slot and of the centre. */
	maxw = tw - (w[2] > 0 ? w[2] + gap : 0);
	if (t[1] != NULL && tw / 2 - w[1] / 2 - gap < maxw)
		maxw = tw / 2 - w[1] / 2 - gap;
	if (t[0] != NULL && w[0] > maxw) {
		if (maxw < ell) {
			free(t[0]);
			t[0] = NULL;
			w[0] = 0;
		} else if ((w[0] = shorten(lb, &scratch, r, &t[0], maxw,
		    false)) < 0)
			goto out;
	}
	for (i = 0; i < 3; i++) {
		if (t[i] == NULL || slot_line(lb, &out->arena, r, t[i]) < 0 ||
		    lb->nlines == 0)
			continue;
		if (i == 0)
			x = ps->margin_left;
		else if (i == 1)
			x = mid - w[1] / 2;
		else
			x = pw - ps->margin_right - w[2];
		for (k = 0; k < lb->lines[0].nruns; k++) {
			const struct lb_run *run = &lb->runs[k];

			if (face < 0)
				face = run->face;
			memset(&p, 0, sizeof(p));
			p.kind = PITEM_TEXT;
			p.x = x + run->x;
			p.y = y;
			p.w = run->w;
			p.face = run->face;
			p.size = r->style->size;
			p.color = r->style->color;
			p.text = run->text;
			p.artifact = true;
			additem(pg, &p);
		}
	}
	if (r->rule) {
		int	 asc = 800, desc = -200;
		float	 glyphs, below, above;

		/* Spaced as a template's rule under or over a block: the
		 * line's box (its leading, the glyphs centred in it), then
		 * the gap. */
		if (face >= 0)
			fontset_vmetrics(lb->fs, face, &asc, &desc);
		glyphs = r->style->size * (float)(asc + desc) / 1000.0f;
		below = (r->style->leading - glyphs) / 2;
		above = (r->style->leading + glyphs) / 2;
		memset(&p, 0, sizeof(p));
		p.kind = PITEM_LINE;
		p.x = ps->margin_left;
		p.y = header ? y - below - RULE_GAP - RUNNING_RULE / 2 :
		    y + above + RULE_GAP + RUNNING_RULE / 2;
		p.w = tw;
		p.line_width = RUNNING_RULE;
		p.color = r->style->color;
		p.artifact = true;
		additem(pg, &p);
	}
	ok = 1;
out:
	for (i = 0; i < 3; i++)
		free(t[i]);
	arena_free(&scratch);
	return ok;
}

/* A box of the page style (for initials, a signature): four lines. */
static void
page_box(struct page *pg, const struct page_box *b)
{
	struct pitem p;
	int	 i;

	for (i = 0; i < 4; i++) {
		memset(&p, 0, sizeof(p));
		p.kind = PITEM_LINE;
		p.x = b->x + (i == 1 ? b->w : 0);
		p.y = b->y + (i == 2 ? b->h : 0);
		p.w = i % 2 == 0 ? b->w : 0;
		p.h = i % 2 == 0 ? 0 : b->h;
		p.line_width = RUNNING_RULE;
		p.artifact = true;
		additem(pg, &p);
	}
}

/* The footer of page pg: on a page of a PDF made elsewhere whose own
 * text comes down into the footer's area (below the bottom margin, the
 * page placed as the pdf stage places it), at the template's clear-y
 * instead, in the strip kept free for it. */
static const struct running *
stamp(const struct doc *d, const struct page *pg, const struct page_style *ps,
    struct running *tmp)
{
	const struct part_external *x = &d->parts[pg->part].external;
	const struct external_page *ep;
	double	 s, tx, ty;

	if (pg->external == NULL || ps->footer.clear_y <= 0 ||
	    pg->external_page < 1 || (size_t)pg->external_page > x->npages)
		return &ps->footer;
	ep = &x->pages[pg->external_page - 1];
	page_style_place(ps, pg->width, pg->height, ep->width, ep->height, &s,
	    &tx, &ty);
	if (!ep->text || ty + ep->text_bottom * s >= ps->margin_bottom)
		return &ps->footer;
	*tmp = ps->footer;
	tmp->y = ps->footer.clear_y;
	return tmp;
}

/* Joins the parts' pages into out. */
static int
join(const struct doc *d, struct lb *lb, struct part_out *po,
    struct pages *out)
{
	struct page *pg;
	struct outline_entry *e;
	size_t	 i, k, n = 0, no = 0;

	for (i = 0; i < d->nparts; i++) {
		n += po[i].npages;
		no += (d->parts[i].outline != NULL) +
		    (d->parts[i].group_outline != NULL);
		for (k = 0; k < po[i].nmarks; k++)
			no += po[i].marks[k].kind == PMARK_OUTLINE;
	}
	out->v = xcalloc(n, sizeof(*out->v));
	out->outlines = xcalloc(no, sizeof(*out->outlines));
	for (i = 0; i < d->nparts; i++) {
		if (d->parts[i].group_outline != NULL && po[i].npages > 0) {
			e = &out->outlines[out->noutlines++];
			e->title = arena_strdup(&out->arena,
			    d->parts[i].group_outline);
			e->level = 1;
			e->page = out->n;
			e->y = po[i].pages[0].height;
		}
		if (d->parts[i].outline != NULL) {
			e = &out->outlines[out->noutlines++];
			e->title = arena_strdup(&out->arena,
			    d->parts[i].outline);
			e->level = d->parts[i].outline_level;
			e->page = out->n;
			e->y = po[i].pages[0].height;
		}
		for (k = 0; k < po[i].nmarks; k++) {
			if (po[i].marks[k].kind != PMARK_OUTLINE)
				continue;
			e = &out->outlines[out->noutlines++];
			e->title = arena_strdup(&out->arena,
			    po[i].marks[k].name);
			e->level = po[i].marks[k].level;
			e->page = out->n + po[i].marks[k].page;
			e->y = po[i].marks[k].y;
		}
		for (k = 0; k < po[i].npages; k++) {
			pg = &out->v[out->n++];
			*pg = po[i].pages[k];
			pg->part = i;
			pg->docpage = (int)k + 1;
			pg->docpages = (int)po[i].npages;
		}
		/* The pages' items belong to out now. */
		free(po[i].pages);
		po[i].pages = NULL;
		po[i].npages = 0;
	}
	for (i = 0; i < out->n; i++) {
		const struct page_style *ps;
		struct running foot;

		pg = &out->v[i];
		ps = d->parts[pg->part].page;
		if (!running(lb, out, pg, ps, &ps->header, true) ||
		    !running(lb, out, pg, ps, stamp(d, pg, ps, &foot), false))
			return 0;
		for (k = 0; k < ps->nboxes; k++)
			page_box(pg, &ps->boxes[k]);
		if (pg->docpage != 1)
			continue;
		/* The letterhead: a document's first page only. */
		if (!running(lb, out, pg, ps, &ps->first_header, true) ||
		    !running(lb, out, pg, ps, &ps->first_footer, false) ||
		    !running(lb, out, pg, ps, &ps->first_footer2, false))
			return 0;
		if (ps->logo != NULL) {
			struct pitem p;

			memset(&p, 0, sizeof(p));
			p.kind = PITEM_IMAGE;
			p.x = ps->logo_x;
			p.y = top_y(pg, ps, ps->logo_y);
			p.w = ps->logo_w;
			p.h = ps->logo_h;
			p.text = arena_strdup(&out->arena, ps->logo);
			p.artifact = true;
			additem(pg, &p);
		}
	}
	return 1;
}

/* Internal links ("[se ärende 7](#item-7)") must lead somewhere: warned
 * where they are written; the text stays, without the link. */
static void
check_block_links(const struct block *b, const struct pages *out)
{
	const struct span *sp;

	for (; b != NULL; b = b->next) {
		for (sp = b->spans; sp != NULL; sp = sp->next)
			if ((sp->flags & SPAN_LINK) && sp->target != NULL &&
			    sp->target[0] == '#' &&
			    pages_anchor(out, sp->target + 1) == NULL)
				diag(DIAG_WARNING, sp->pos.file, sp->pos.line,
				    sp->pos.col, "link to \"%s\": there is no "
				    "such place in the pack; the text is shown "
				    "without the link", sp->target);
		check_block_links(b->children, out);
	}
}

static void
check_links(const struct doc *d, const struct pages *out)
{
	size_t	 i;

	for (i = 0; i < d->nparts; i++)
		check_block_links(d->parts[i].blocks, out);
}

/* A PDF of more than LAYOUT_MAX_PAGES pages: said at the text (or the
 * PDF file's entry) on the first page past the limit, the part i's
 * page k.  A writer holds every page until it saves. */
static void
too_many_pages(const struct doc *d, const struct part_out *po, size_t i,
    size_t k)
{
	const struct srcpos *at = d->parts[i].external.path != NULL ?
	    &d->parts[i].external.pos : NULL;
	const struct page *pg = &po[i].pages[k];
	size_t	 j;

	for (j = 0; j < pg->nitems && at == NULL; j++)
		if (pg->items[j].node != NULL &&
		    pg->items[j].node->pos.file != NULL)
			at = &pg->items[j].node->pos;
	if (at == NULL && d->parts[i].blocks != NULL)
		at = &d->parts[i].blocks->pos;
	diag(DIAG_ERROR, at ? at->file : NULL, at ? at->line : 0,
	    at ? at->col : 0, "the PDF comes to more than %d pages here, "
	    "the most one PDF may have: shorten the texts, or place fewer "
	    "documents and figures", LAYOUT_MAX_PAGES);
}

struct pages *
layout_doc(const struct doc *d, struct fontset *fs)
{
	struct pages *out = xcalloc(1, sizeof(*out));
	struct part_out *po = xcalloc(d->nparts ? d->nparts : 1, sizeof(*po));
	struct lb *lb = lb_new(d, fs);
	struct anchor *known = NULL, *next;
	const struct anchor *a;
	const struct span *sp;
	size_t	*off = xcalloc(d->nparts + 1, sizeof(*off));
	size_t	 nknown = 0, nnext, i, k, pass, total;
	bool	 moved = true, ok = false;

	for (pass = 0; pass <= MAXPASS && moved; pass++) {
		for (i = 0; i < d->nparts; i++) {
			if (pass > 0 && po[i].nrefs == 0)
				continue;
			if (!paginate_part(d, fs, lb, &out->arena, i, known,
			    nknown, &po[i]))
				goto out;
			/* Stopped as soon as it is passed, before the rest
			 * is laid out. */
			for (k = 0, total = 0; k <= i; k++)
				total += po[k].npages;
			if (total > LAYOUT_MAX_PAGES) {
				too_many_pages(d, po, i, po[i].npages -
				    (total - LAYOUT_MAX_PAGES));
				goto out;
			}
		}
		for (i = 0; i < d->nparts; i++)
			off[i + 1] = off[i] + po[i].npages;
		if (!anchors(d, po, off, &next, &nnext))
			goto out;
		free(known);
		known = next;
		nknown = nnext;
		moved = false;
		for (i = 0; i < d->nparts; i++)
			for (k = 0; k < po[i].nrefs; k++) {
				sp = po[i].refs[k].span;
				a = sp->target != NULL ? anchor_find(known,
				    nknown, sp->target) : NULL;
				if (a == NULL) {
					diag(DIAG_ERROR, sp->pos.file,
					    sp->pos.line, sp->pos.col,
					    "page reference to unknown "
					    "anchor \"%s\"", sp->target ?
					    sp->target : "");
					goto out;
				}
				if (a->page + 1 != po[i].refs[k].shown)
					moved = true;
			}
	}
	if (moved) {
		/* Each pass moved a referenced item: the numbers change the
		 * layout they depend on.  Name one such reference. */
		const struct span *r = NULL;

		for (i = 0; i < d->nparts && r == NULL; i++)
			if (po[i].nrefs > 0)
				r = po[i].refs[0].span;
		diag(DIAG_ERROR, r ? r->pos.file : NULL, r ? r->pos.line : 0,
		    r ? r->pos.col : 0, "page references do not settle after "
		    "%d passes: give the page numbers a fixed width in the "
		    "template (trailer-width)", MAXPASS + 1);
		goto out;
	}
	/* The page model must not lean on the document's strings. */
	for (i = 0; i < nknown; i++)
		known[i].name = arena_strdup(&out->arena, known[i].name);
	out->anchors = known;
	out->nanchors = nknown;
	known = NULL;
	if (!join(d, lb, po, out))
		goto out;
	check_links(d, out);
	ok = true;
out:
	for (i = 0; i < d->nparts; i++)
		part_out_free(&po[i]);
	free(po);
	free(off);
	free(known);
	lb_free(lb);
	if (!ok) {
		pages_free(out);
		return NULL;
	}
	return out;
}

/*
 * Pagination of one part: its blocks become a vertical list of boxes
 * (lines, rules) and spaces, which is then cut into pages.  Breaks are
 * allowed only where no orphan, widow or kept heading would result;
 * where no such break fits on a page, the page is cut anyway.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "layout.h"
#include "layout_private.h"

#define LABEL_WIDTH	1e6f	/* labels and trailers never wrap */

void
part_out_free(struct part_out *o)
{
	size_t	 i;

	for (i = 0; i < o->npages; i++)
		free(o->pages[i].items);
	free(o->pages);
	free(o->marks);
	free(o->refs);
	memset(o, 0, sizeof(*o));
}

static const char *
pageref(void *arg, const struct span *sp)
{
	struct lay *L = arg;
	const struct anchor *a = NULL;
	struct pref *r;
	char	 num[32];

	if (sp->target != NULL)
		a = anchor_find(L->known, L->nknown, sp->target);
	GROW(L->out->refs, L->out->nrefs, L->out->caprefs);
	r = &L->out->refs[L->out->nrefs++];
	r->span = sp;
	r->shown = a != NULL ? a->page + 1 : 0;
	/* Unknown in the first pass: any two digits hold the place. */
	snprintf(num, sizeof(num), "%zu", a != NULL ? a->page + 1 : 88);
	return arena_strdup(L->arena, num);
}

struct vel *
lay_vel(struct lay *L, enum vkind kind, float h, bool brk)
{
	struct vel *e;

	/* Held to the heading above, with what is between. */
	if (L->keepn > 0 && kind != V_BREAK) {
		brk = false;
		if (kind == V_BOX)
			L->keepn--;
	}
	GROW(L->v, L->nv, L->capv);
	e = &L->v[L->nv++];
	memset(e, 0, sizeof(*e));
	e->kind = kind;
	e->h = h;
	e->brk = brk;
	e->it0 = L->nit;
	if (kind == V_BOX) {
		e->mk0 = L->mkpend;
		e->nmk = L->nmk - L->mkpend;
		L->mkpend = L->nmk;
	}
	return e;
}

void
lay_space(struct lay *L, float h)
{
	if (h > 0)
		lay_vel(L, V_SPACE, h, !L->keep);
}

/* A new item of the kind at the end of *v. */
static struct pitem *
push_pitem(struct pitem **v, size_t *n, size_t *cap, enum pitem_kind kind)
{
	struct pitem *p;

	GROW(*v, *n, *cap);
	p = &(*v)[(*n)++];
	memset(p, 0, sizeof(*p));
	p->kind = kind;
	return p;
}

struct pitem *
lay_pitem(struct lay *L, enum pitem_kind kind)
{
	return push_pitem(&L->it, &L->nit, &L->capit, kind);
}

static void
mark(struct lay *L, enum pmark_kind kind, const char *name, int level,
    const struct block *b)
{
	struct pmark *m;

	GROW(L->mk, L->nmk, L->capmk);
	m = &L->mk[L->nmk++];
	memset(m, 0, sizeof(*m));
	m->kind = kind;
	m->name = name;
	m->level = level;
	m->pos = b->pos;
}

void
lay_line_item(struct lay *L, enum pitem_kind kind, float x, float y, float w,
    float lw, const struct style *st)
{
	struct pitem *p = lay_pitem(L, kind);

	p->x = x;
	p->y = y;
	p->w = w;
	p->line_width = lw;
	if (st != NULL)
		p->color = st->color;
	p->artifact = true;
}

/* Baseline below the top of a line box: the glyphs' extent centred. */
float
lay_baseline(const struct lay *L, const struct style *st)
{
	int	 asc, desc;

	fontset_vmetrics(L->fs, lb_face(L->doc, st, 0), &asc, &desc);
	return (st->leading + st->size * (float)(asc + desc) / 1000.0f) / 2;
}

/* A new item of a line: queued as a label (placed with the next line)
 * or on the page. */
static struct pitem *
line_pitem(struct lay *L, enum pitem_kind kind, bool tolab)
{
	if (!tolab)
		return lay_pitem(L, kind);
	return push_pitem(&L->lab, &L->nlab, &L->caplab, kind);
}

void
lay_run_item(struct pitem *p, const struct lb_run *r, const struct style *st,
    const struct block *b, float x, float y)
{
	p->x = x + r->x;
	p->y = y;
	p->w = r->w;
	p->face = r->face;
	p->size = r->size > 0 ? r->size : st->size;
	p->color = st->color;
	p->text = r->text;
	p->actual = r->actual;
	p->space_extra = r->space_extra;
	p->hyphen_added = r->hyphen_added;
	p->joined = r->joined;
	p->node = b;
}

/* Copies the lines' runs of line l as text items at (x, y). */
static void
runs(struct lay *L, const struct style *st, const struct block *b,
    size_t l, float x, float y, bool tolab)
{
	const struct lb_line *ln = &L->lb->lines[l];
	const struct lb_run *r;
	const struct lb_link *k;
	struct pitem *p;
	size_t	 i;
	int	 asc, desc;

	for (i = 0; i < ln->nruns; i++) {
		r = &L->lb->runs[ln->run0 + i];
		p = line_pitem(L, PITEM_TEXT, tolab);
		lay_run_item(p, r, st, b, x, y);
		if (r->note != NULL) {
			p->size = st->size * NOTE_SCALE;
			p->rise = st->size * NOTE_RISE;
			p->y = y + p->rise;
			p->noteref = arena_strdup(L->arena, r->note);
		}
		p->lang = r->lang;
	}
	fontset_vmetrics(L->fs, lb_face(L->doc, st, 0), &asc, &desc);
	for (i = 0; i < ln->nlinks; i++) {
		k = &L->lb->links[ln->link0 + i];
		p = line_pitem(L, PITEM_LINK, tolab);
		p->x = x + k->x;
		p->y = y + st->size * (float)desc / 1000.0f;
		p->w = k->w;
		p->h = st->size * (float)(asc - desc) / 1000.0f;
		p->target = arena_strdup(L->arena, k->target);
		p->node = b;
	}
}

/* Lays out short spans (a label, a trailer) on one line. */
int
lay_oneline(struct lay *L, const struct style *st, const struct span *sp)
{
	struct lb_in in;

	memset(&in, 0, sizeof(in));
	in.style = st;
	in.width0 = in.width = LABEL_WIDTH;
	in.nowarn = true;
	in.pageref = pageref;
	in.arg = L;
	in.arena = L->arena;
	return lb_break(L->lb, &in, sp);
}

/* Queues a label for the next line, drawn at x. */
static int
label(struct lay *L, const struct style *st, const struct block *b,
    const struct span *sp, float x, float *w)
{
	*w = 0;
	if (sp == NULL)
		return 1;
	if (!lay_oneline(L, st, sp))
		return 0;
	if (L->lb->nlines > 0) {
		*w = L->lb->lines[0].width;
		runs(L, st, b, 0, x, 0, true);
	}
	return 1;
}

/* Space between a label and its text when the label fills its column. */
static float
label_gap(const struct style *st)
{
	return st->size * 0.4f;
}

/* The left indent after nesting by `extra', clamped so that at least
 * half the text width stays for text: deep nesting (a pasted mail
 * thread of quotes, a list 30 levels deep) must not eat the line.
 * Levels past the clamp share one indent. */
static float
nest_indent(const struct lay *L, float extra)
{
	float	 tw = L->x1 - L->x0, max = tw / 2 - L->indr;

	if (L->indl + extra <= max)
		return L->indl + extra;
	return max > L->indl ? max : L->indl;
}

/* Takes the queued labels onto the line whose baseline is at y. */
static void
takelabels(struct lay *L, float y)
{
	size_t	 i;
	struct pitem *p;

	for (i = 0; i < L->nlab; i++) {
		p = lay_pitem(L, L->lab[i].kind);
		*p = L->lab[i];
		p->y += y;
	}
	L->nlab = 0;
}

/* Dots from x0 to x1 on the baseline y, aligned to a grid. */
static void
leaders(struct lay *L, const struct style *st, float x0, float x1, float y)
{
	struct buf b = { 0 };
	struct pitem *p;
	int	 face = lb_face(L->doc, st, 0), dw, sw;
	float	 w, x;
	size_t	 n, i;

	if ((dw = fontset_width(L->fs, face, '.')) <= 0 ||
	    (sw = fontset_width(L->fs, face, ' ')) < 0)
		return;
	w = (float)(dw + sw) * st->size / 1000.0f;
	x = ceilf((x0 + w) / w) * w;
	if (x + (float)dw * st->size / 1000.0f > x1 - w / 2)
		return;
	n = (size_t)((x1 - w / 2 - x - (float)dw * st->size / 1000.0f) /
	    w) + 1;
	for (i = 0; i < n; i++)
		buf_puts(&b, i + 1 < n ? ". " : ".");
	p = lay_pitem(L, PITEM_TEXT);
	p->x = x;
	p->y = y;
	p->w = (float)(n - 1) * w + (float)dw * st->size / 1000.0f;
	p->face = face;
	p->size = st->size;
	p->color = st->color;
	p->text = arena_strndup(L->arena, b.data, b.len);
	p->artifact = true;
	buf_free(&b);
}

/* A footnote referenced on a line: the line's element and the note. */
struct noteat {
	size_t		 vel;
	const struct block *note;
};

/* The notes whose first reference in b is on line ln (element vel). */
static void
line_notes(struct lay *L, const struct block *b, const struct lb_line *ln,
    size_t vel, struct noteat **at, size_t *nat, size_t *capat)
{
	const struct lb_run *r;
	const struct block *nb;
	size_t	 i, k;

	for (i = 0; i < ln->nruns; i++) {
		r = &L->lb->runs[ln->run0 + i];
		if (r->note == NULL)
			continue;
		for (nb = b->notes; nb != NULL; nb = nb->next)
			if (nb->anchor != NULL && strcmp(nb->anchor,
			    r->note) == 0)
				break;
		for (k = 0; nb != NULL && k < *nat; k++)
			if ((*at)[k].note == nb)
				nb = NULL;
		if (nb == NULL)
			continue;
		GROW(*at, *nat, *capat);
		(*at)[*nat].vel = vel;
		(*at)[(*nat)++].note = nb;
	}
}

static int para(struct lay *, const struct block *, bool);

/*
 * Lays out each note as a paragraph across the whole text width, then
 * takes its elements out of the list: its items become one footnote
 * the page of its reference's line places at its bottom.
 */
static int
place_notes(struct lay *L, struct noteat *at, size_t nat)
{
	struct vnote *vn;
	size_t	 i, j, k, nv0, it0;
	float	 h, indl = L->indl, indr = L->indr;
	bool	 keep = L->keep, top;
	int	 ok = 1, keepn = L->keepn;

	for (i = 0; i < nat && ok; i++) {
		nv0 = L->nv;
		it0 = L->nit;
		L->indl = L->indr = 0;
		L->keep = false;
		L->keepn = 0;
		ok = para(L, at[i].note, false);
		L->indl = indl;
		L->indr = indr;
		L->keep = keep;
		L->keepn = keepn;
		if (!ok)
			break;
		h = 0;
		top = true;
		for (j = nv0; j < L->nv; j++) {
			const struct vel *e = &L->v[j];

			if (e->kind != V_BOX) {
				if (!top)
					h += e->h;
				continue;
			}
			top = false;
			for (k = 0; k < e->nit; k++)
				L->it[e->it0 + k].y -= h;
			h += e->h;
		}
		/* Spaces after the note's last line stay out. */
		for (j = L->nv; j > nv0 && L->v[j - 1].kind != V_BOX; j--)
			h -= L->v[j - 1].h;
		L->nv = nv0;
		GROW(L->notes, L->nnotes, L->capnotes);
		vn = &L->notes[L->nnotes++];
		vn->h = h;
		vn->it0 = it0;
		vn->nit = L->nit - it0;
		vn->style = at[i].note->style;
		/* The line's notes are together in vn (a paragraph's
		 * lines come one after another). */
		GROW(L->vn, L->nvn, L->capvn);
		L->vn[L->nvn++] = L->nnotes - 1;
		if (L->v[at[i].vel].nvn == 0)
			L->v[at[i].vel].vn0 = L->nvn - 1;
		L->v[at[i].vel].nvn++;
	}
	free(at);
	return ok;
}

/* Height of the notes of element e. */
static float
notes_h(const struct lay *L, const struct vel *e)
{
	float	 h = 0;
	size_t	 k;

	for (k = 0; k < e->nvn; k++)
		h += L->notes[L->vn[e->vn0 + k]].h;
	return h;
}

/* Space above a page's notes, with the short rule in it. */
static float
notes_sep(const struct lay *L, const struct vel *e)
{
	const struct style *st = e->nvn > 0 ?
	    L->notes[L->vn[e->vn0]].style : NULL;

	return st != NULL ? st->leading * 1.5f : 12;
}

/* A paragraph, heading or code block. */
static int
para(struct lay *L, const struct block *b, bool code)
{
	const struct style *st = b->style;
	struct lb_in in;
	struct pitem trail[16];
	struct noteat *at = NULL;
	size_t	 ntrail = 0, i, n, nat = 0, capat = 0;
	float	 left, right, tx, bo, tw = 0, y, lw;
	bool	 rule;

	left = L->x0 + L->indl + st->indent_left;
	right = L->x1 - L->indr - st->indent_right;
	tx = left + (b->no_label_col ? 0 : st->label_width);
	if (!label(L, st, b, b->label, left, &lw))
		return 0;
	/* A label wider than its column ("38002." in the agenda) pushes
	 * the text along rather than printing over it. */
	if (lw > 0 && lw + label_gap(st) > st->label_width)
		tx = left + lw + label_gap(st);
	/* The trailer first: the lines' results replace its own. */
	if (b->trailer != NULL) {
		if (!lay_oneline(L, st, b->trailer))
			return 0;
		if (L->lb->nlines > 0) {
			n = L->lb->lines[0].nruns + L->lb->lines[0].nlinks;
			i = L->nit;
			runs(L, st, b, 0, 0, 0, false);
			for (; i < L->nit && ntrail < 16; i++)
				trail[ntrail++] = L->it[i];
			L->nit -= n;
			tw = L->lb->lines[0].width;
		}
	}
	memset(&in, 0, sizeof(in));
	in.style = st;
	in.width = right - tx - st->trailer_width;
	in.width0 = in.width - st->first_indent;
	in.code = code;
	in.lang = b->lang;
	in.ragged = L->ragged;
	in.pageref = pageref;
	in.arg = L;
	in.arena = L->arena;
	if (in.width0 < st->size || in.width < st->size) {
		diag(DIAG_ERROR, b->pos.file, b->pos.line, b->pos.col,
		    "no room for text: the indents leave %.0f pt; make the "
		    "style's indent-left, indent-right, label-width or "
		    "trailer-width smaller in the template", in.width0);
		return 0;
	}
	if (!lb_break(L->lb, &in, b->spans))
		return 0;
	n = L->lb->nlines;
	if (n == 0 && L->nlab == 0 && ntrail == 0 && !st->leader_rule)
		return 1;
	lay_space(L, st->space_before);
	rule = st->rule_above > 0;
	if (rule) {
		lay_vel(L, V_BOX, st->rule_above + RULE_GAP, !L->keep);
		lay_line_item(L, PITEM_LINE, L->x0 + L->indl, -st->rule_above / 2,
		    L->x1 - L->indr - L->x0 - L->indl, st->rule_above, st);
		L->v[L->nv - 1].nit = L->nit - L->v[L->nv - 1].it0;
	}
	bo = lay_baseline(L, st);
	for (i = 0; i < (n > 0 ? n : 1); i++) {
		lay_vel(L, V_BOX, st->leading, i == 0 ? !L->keep && !rule :
		    i >= 2 && n - i >= 2);
		y = -bo;
		if (i == 0)
			takelabels(L, y);
		if (n > 0) {
			const struct lb_line *ln = &L->lb->lines[i];

			runs(L, st, b, i, tx + (i == 0 ? st->first_indent : 0),
			    y, false);
			if (b->notes != NULL)
				line_notes(L, b, ln, L->nv - 1, &at, &nat,
				    &capat);
			L->v[L->nv - 1].hyph = ln->nruns > 0 &&
			    L->lb->runs[ln->run0 + ln->nruns - 1].hyphen_added;
		}
		if (i + 1 >= n && (ntrail > 0 || st->leader_rule)) {
			size_t	 k;
			float	 tx0 = L->x1 - L->indr - tw, end;
			struct pitem *p;

			end = tx + (i == 0 ? st->first_indent : 0) +
			    (n > 0 ? L->lb->lines[i].width : 0);
			if (st->leader_dots)
				leaders(L, st, end, tx0, y);
			/* A line to sign on: from the text (a space after
			 * it) to the trailer (a space before it), just
			 * under the baseline. */
			if (st->leader_rule) {
				float	 gap = st->size / 3;
				float	 x0 = end + (n > 0 &&
				    L->lb->lines[i].width > 0 ? gap : 0);
				float	 x1 = (ntrail > 0 ? tx0 - gap :
				    right);

				if (x1 - x0 > gap)
					lay_line_item(L, PITEM_LINE, x0,
					    y - st->size / 6, x1 - x0, 0.5f,
					    st);
			}
			for (k = 0; k < ntrail; k++) {
				p = lay_pitem(L, trail[k].kind);
				*p = trail[k];
				p->x += tx0;
				p->y += y;
			}
		}
		L->v[L->nv - 1].nit = L->nit - L->v[L->nv - 1].it0;
	}
	if (st->rule_below > 0) {
		lay_vel(L, V_BOX, st->rule_below + RULE_GAP, false);
		lay_line_item(L, PITEM_LINE, L->x0 + L->indl,
		    -RULE_GAP - st->rule_below / 2,
		    L->x1 - L->indr - L->x0 - L->indl, st->rule_below, st);
		L->v[L->nv - 1].nit = L->nit - L->v[L->nv - 1].it0;
	}
	L->keep = st->keep_with_next;
	/* A heading stays with the two lines after it. */
	if (st->keep_with_next)
		L->keepn = 2;
	lay_space(L, st->space_after);
	return place_notes(L, at, nat);
}


/*
 * Whether a justified list is set ragged as a whole: when the text of
 * one of its items cannot be justified without very loose lines and is
 * set ragged (linebreak.c), the others follow it, so that no list has
 * ragged and justified items side by side.  Each item's paragraphs are
 * broken as para() will break them, in the item's indent (lw: the
 * list's label column); nested lists decide for themselves.
 */
/* A page number's place while probing: two digits, as pageref()'s
 * first pass, and nothing recorded. */
static const char *
probe_pageref(void *arg, const struct span *sp)
{
	(void)arg;
	(void)sp;
	return "88";
}

static bool
list_ragged(struct lay *L, const struct block *list)
{
	const struct block *c, *p;
	struct lb_in in;
	float	 saved = L->indl, left, lw;
	bool	 ragged = false;

	for (c = list->children; c != NULL && !ragged; c = c->next) {
		lw = c->style != NULL ? c->style->label_width : 0;
		if (L->listlw > lw)
			lw = L->listlw;
		L->indl = nest_indent(L, lw);
		for (p = c->children; p != NULL && !ragged; p = p->next) {
			if (p->kind != BLOCK_PARA || p->style == NULL ||
			    p->style->align != ALIGN_JUSTIFY ||
			    p->label != NULL || p->trailer != NULL)
				continue;
			left = L->x0 + L->indl + p->style->indent_left;
			memset(&in, 0, sizeof(in));
			in.style = p->style;
			in.width = L->x1 - L->indr - p->style->indent_right -
			    left - (p->no_label_col ? 0 :
			    p->style->label_width) - p->style->trailer_width;
			in.width0 = in.width - p->style->first_indent;
			in.lang = p->lang;
			in.nowarn = true;
			in.pageref = probe_pageref;
			in.arena = L->arena;
			if (in.width0 < p->style->size ||
			    in.width < p->style->size)
				continue;
			/* A paragraph that fails fails again in para(),
			 * which reports it. */
			if (lb_break(L->lb, &in, p->spans) && L->lb->ragged)
				ragged = true;
		}
		L->indl = saved;
	}
	return ragged;
}

/* A numbered point with sub-points under it ("4. att ... a. ...
 * b. ...") is not split from them: no page break inside its elements
 * [v0, nv), unless together they are taller than a page. */
static void
keep_item(struct lay *L, const struct block *b, size_t v0)
{
	const struct block *c;
	float	 h = 0;
	size_t	 i;

	for (c = b->children; c != NULL; c = c->next)
		if (c->kind == BLOCK_LIST)
			break;
	if (c == NULL || v0 >= L->nv)
		return;
	for (i = v0; i < L->nv; i++)
		if (L->v[i].kind != V_BREAK)
			h += L->v[i].h;
	if (h > L->ps->height - L->ps->margin_top - L->ps->margin_bottom)
		return;
	for (i = v0 + 1; i < L->nv; i++)
		L->v[i].brk = false;
}

static int
block(struct lay *L, const struct block *b)
{
	const struct style *st = b->style;
	float	 lw, h;

	if (st != NULL && st->page_break_before)
		lay_vel(L, V_BREAK, 0, true);
	if (b->anchor != NULL)
		mark(L, PMARK_ANCHOR, b->anchor, 0, b);
	if (b->outline != NULL)
		mark(L, PMARK_OUTLINE, b->outline, b->outline_level, b);
	switch (b->kind) {
	case BLOCK_PARA:
	case BLOCK_HEADING:
	case BLOCK_CODE:
		if (st == NULL) {
			diag(DIAG_ERROR, b->pos.file, b->pos.line, b->pos.col,
			    "block without a style: the template's <content> "
			    "must name a style for every kind of text");
			return 0;
		}
		return para(L, b, b->kind == BLOCK_CODE);
	case BLOCK_LIST: {
		float	 saved = L->listlw;

		if (st != NULL)
			lay_space(L, st->space_before);
		/* One marker column for all items, wide enough for the
		 * widest marker ("100." in a long list). */
		L->listlw = 0;
		{
			const struct block *c;

			for (c = b->children; c != NULL; c = c->next) {
				if (c->label == NULL || c->style == NULL)
					continue;
				if (!lay_oneline(L, c->style, c->label))
					return 0;
				if (L->lb->nlines > 0 && L->lb->lines[0].width +
				    label_gap(c->style) > L->listlw)
					L->listlw = L->lb->lines[0].width +
					    label_gap(c->style);
			}
		}
		{
			bool	 sr = L->ragged;

			if (!L->ragged)
				L->ragged = list_ragged(L, b);
			if (!lay_blocks(L, b->children))
				return 0;
			L->ragged = sr;
		}
		L->listlw = saved;
		break;
	}
	case BLOCK_ITEM: {
		float	 saved = L->indl, ind, w;
		size_t	 v0;

		lw = st != NULL ? st->label_width : 0;
		if (L->listlw > lw)
			lw = L->listlw;
		ind = nest_indent(L, lw);
		if (st != NULL) {
			lay_space(L, st->space_before);
			/* The marker stands in the column before the text,
			 * however deep the list. */
			if (!label(L, st, b, b->label, L->x0 + ind - lw, &w))
				return 0;
		}
		L->indl = ind;
		v0 = L->nv;
		if (!lay_blocks(L, b->children))
			return 0;
		L->indl = saved;
		keep_item(L, b, v0);
		/* An empty item still shows its label. */
		if (L->nlab > 0 && st != NULL) {
			lay_vel(L, V_BOX, st->leading, !L->keep);
			takelabels(L, -lay_baseline(L, st));
			L->v[L->nv - 1].nit = L->nit - L->v[L->nv - 1].it0;
			L->keep = false;
		}
		break;
	}
	case BLOCK_QUOTE:
		if (st != NULL)
			lay_space(L, st->space_before);
	{
		float	 savel = L->indl, saver = L->indr;

		if (st != NULL) {
			L->indl = nest_indent(L, st->indent_left);
			if (L->x1 - L->x0 - L->indl - L->indr -
			    st->indent_right >= (L->x1 - L->x0) / 2)
				L->indr += st->indent_right;
		}
		if (!lay_blocks(L, b->children))
			return 0;
		L->indl = savel;
		L->indr = saver;
		break;
	}
	case BLOCK_RULE:
		if (st != NULL)
			lay_space(L, st->space_before);
		lw = st != NULL && st->rule_above > 0 ? st->rule_above : 0.5f;
		h = st != NULL && st->leading > 0 ? st->leading : 12;
		lay_vel(L, V_BOX, h, !L->keep);
		lay_line_item(L, PITEM_LINE, L->x0 + L->indl, -h / 2,
		    L->x1 - L->indr - L->x0 - L->indl, lw, st);
		L->v[L->nv - 1].nit = L->nit - L->v[L->nv - 1].it0;
		L->keep = false;
		break;
	case BLOCK_PAGEBREAK:
		lay_vel(L, V_BREAK, 0, true);
		return 1;
	case BLOCK_TABLE:
		if (!table_layout(L, b))
			return 0;
		L->keep = false;
		break;
	case BLOCK_CHART:
		if (!chart_layout(L, b))
			return 0;
		L->keep = false;
		break;
	case BLOCK_FIGURE:
		/* The template stage turns references into tables and
		 * charts; one left here is a bug, not bad input. */
		diag(DIAG_ERROR, b->pos.file, b->pos.line, b->pos.col,
		    "figure reference \"%s\" was not resolved",
		    b->figure_ref ? b->figure_ref : "");
		return 0;
	case BLOCK_REGISTER:
		diag(DIAG_ERROR, b->pos.file, b->pos.line, b->pos.col,
		    "register reference \"%s\" was not resolved",
		    b->figure_ref ? b->figure_ref : "");
		return 0;
	}
	if (st != NULL)
		lay_space(L, st->space_after);
	return 1;
}

int
lay_block(struct lay *L, const struct block *b)
{
	return block(L, b);
}

/* Whether a paragraph's text ends with a colon (before a closing
 * space): it introduces what follows. */
static bool
ends_colon(const struct block *b)
{
	const struct span *sp, *last = NULL;
	size_t	 n;

	for (sp = b->spans; sp != NULL; sp = sp->next)
		if (sp->kind == SPAN_TEXT && sp->text != NULL &&
		    sp->text[strspn(sp->text, " ")] != '\0')
			last = sp;
	if (last == NULL)
		return false;
	n = strlen(last->text);
	while (n > 0 && last->text[n - 1] == ' ')
		n--;
	return n > 0 && last->text[n - 1] == ':';
}

int
lay_blocks(struct lay *L, const struct block *b)
{
	size_t	 v0, i;

	for (; b != NULL; b = b->next) {
		v0 = L->nv;
		if (!block(L, b))
			return 0;
		if (b->kind != BLOCK_PARA || b->next == NULL)
			continue;
		/* A list's intro line stays with its first item, the
		 * text that introduces a table or a chart ("... per
		 * månad:") with it: its last line with the caption, onto
		 * the table's landscape page too.  No break either in
		 * the space after the paragraph, laid out already. */
		if (b->next->kind == BLOCK_LIST ||
		    ((b->next->kind == BLOCK_TABLE ||
		    b->next->kind == BLOCK_CHART) && ends_colon(b))) {
			for (i = L->nv; i > v0 && L->v[i - 1].kind != V_BOX;
			    i--)
				L->v[i - 1].brk = false;
			if (b->next->kind == BLOCK_LIST) {
				if (L->keepn < 1)
					L->keepn = 1;
			} else
				L->keep = true;
		}
	}
	return 1;
}

/* A new page of the part: of its page style's size, or turned to
 * landscape. */
static struct page *
newpage(struct lay *L, bool land)
{
	struct part_out *o = L->out;
	struct page *pg;

	o->pages = xrealloc(o->pages, (o->npages + 1) * sizeof(*o->pages));
	pg = &o->pages[o->npages++];
	memset(pg, 0, sizeof(*pg));
	pg->width = land ? L->ps->height : L->ps->width;
	pg->height = land ? L->ps->width : L->ps->height;
	return pg;
}

/* Height of a page's text area. */
static float
text_height(const struct lay *L, bool land)
{
	return (land ? L->ps->width : L->ps->height) - L->ps->margin_top -
	    L->ps->margin_bottom;
}

/*
 * The notes of the lines on a page, at its bottom in the order of
 * their references, under a short rule.  cut() left room for them.
 */
static void
fill_notes(struct lay *L, struct page *pg, size_t from, size_t to)
{
	const struct vnote *vn;
	const struct vel *first = NULL;
	struct pitem *p;
	size_t	 i, k, j;
	float	 h = 0, y;

	for (i = from; i < to; i++)
		if (L->v[i].kind == V_BOX && L->v[i].nvn > 0) {
			if (first == NULL)
				first = &L->v[i];
			h += notes_h(L, &L->v[i]);
		}
	if (first == NULL)
		return;
	y = L->ps->margin_bottom + h;
	p = &pg->items[pg->nitems++];
	memset(p, 0, sizeof(*p));
	p->kind = PITEM_LINE;
	p->x = L->x0;
	p->y = y + notes_sep(L, first) / 2;
	p->w = (L->x1 - L->x0) / 3;
	p->line_width = 0.5f;
	p->color = L->notes[L->vn[first->vn0]].style->color;
	p->artifact = true;
	for (i = from; i < to; i++) {
		if (L->v[i].kind != V_BOX)
			continue;
		for (k = 0; k < L->v[i].nvn; k++) {
			vn = &L->notes[L->vn[L->v[i].vn0 + k]];
			for (j = 0; j < vn->nit; j++) {
				pg->items[pg->nitems] = L->it[vn->it0 + j];
				pg->items[pg->nitems++].y += y;
			}
			y -= vn->h;
		}
	}
}

/* Puts elements [from, to) on a new page. */
static void
fill(struct lay *L, size_t from, size_t to)
{
	struct page *pg = newpage(L, from < to && L->v[from].land);
	struct pmark *m;
	const struct vel *e;
	const struct vcont *c = NULL;
	size_t	 i, k, n = 0;
	float	 y = pg->height - L->ps->margin_top;

	if (from < to && L->v[from].cont > 0)
		c = &L->cont[L->v[from].cont - 1];
	for (i = from; i < to; i++)
		if (L->v[i].kind == V_BOX) {
			n += L->v[i].nit;
			for (k = 0; k < L->v[i].nvn; k++)
				n += L->notes[L->vn[L->v[i].vn0 + k]].nit;
		}
	if (c != NULL)
		n += c->nit;
	n += 2;			/* a table's closing rule, the notes' rule */
	pg->items = xmalloc(n * sizeof(*pg->items));
	pg->capitems = n;
	/* A page starting inside a table's body: its header again. */
	if (c != NULL) {
		for (k = 0; k < c->nit; k++) {
			pg->items[pg->nitems] = L->it[c->it0 + k];
			pg->items[pg->nitems++].y += y;
		}
		y -= c->h;
	}
	for (i = from; i < to; i++) {
		e = &L->v[i];
		if (e->kind == V_BOX) {
			for (k = 0; k < e->nit; k++) {
				pg->items[pg->nitems] = L->it[e->it0 + k];
				pg->items[pg->nitems++].y += y;
			}
			for (k = 0; k < e->nmk; k++) {
				GROW(L->out->marks, L->out->nmarks,
				    L->out->capmarks);
				m = &L->out->marks[L->out->nmarks++];
				*m = L->mk[e->mk0 + k];
				m->page = L->out->npages - 1;
				m->y = y;
			}
		}
		if (e->kind != V_BREAK)
			y -= e->h;
	}
	/* A table going on on the next page: its frame closes this
	 * page's part. */
	if (to > from && to < L->nv && L->v[to].cont > 0 &&
	    L->v[to - 1].cont == L->v[to].cont &&
	    L->cont[L->v[to].cont - 1].rlw > 0) {
		struct pitem *p = &pg->items[pg->nitems++];

		c = &L->cont[L->v[to].cont - 1];
		memset(p, 0, sizeof(*p));
		p->kind = PITEM_LINE;
		p->x = c->rx;
		p->y = y + c->rlw / 2;
		p->w = c->rw;
		p->line_width = c->rlw;
		p->color = c->rcolor;
		p->artifact = true;
	}
	fill_notes(L, pg, from, to);
}

/* Lines (boxes) from element a up to b: what moving a page break back
 * from b to a costs the page. */
static size_t
boxes(const struct lay *L, size_t a, size_t b)
{
	size_t	 n = 0;

	for (; a < b; a++)
		n += L->v[a].kind == V_BOX;
	return n;
}

/* True if nothing but one line (and spaces) follows element i up to
 * the part's end or a forced break: a page holding only that would be
 * a lone last line of the document. */
static bool
lone_tail(const struct lay *L, size_t i)
{
	size_t	 boxes = 0;
	bool	 land = i < L->nv && L->v[i].land;

	for (; i < L->nv && L->v[i].kind != V_BREAK && L->v[i].land == land;
	    i++)
		if (L->v[i].kind == V_BOX && ++boxes > 1)
			return false;
	return boxes == 1;
}

/* A line whose notes do not fit on a page even alone: they are all
 * still printed, running into the bottom margin. */
static void
note_too_long(const struct lay *L, const struct vel *e)
{
	const struct block *b;
	size_t	 k;

	for (k = 0; k < e->nvn; k++) {
		const struct vnote *vn = &L->notes[L->vn[e->vn0 + k]];

		b = vn->nit > 0 ? L->it[vn->it0].node : NULL;
		if (b != NULL)
			diag(DIAG_WARNING, b->pos.file, b->pos.line,
			    b->pos.col, "the footnote is too long for the "
			    "page of its reference: it runs into the bottom "
			    "margin; shorten it or make it part of the text");
	}
}

/*
 * Cuts the vertical list into pages, each as full as the allowed breaks
 * let it be.  Two preferences, each costing at most a few lines of the
 * page: a page does not end in a hyphenated word (the word would be
 * split across pages), and a document's last page does not hold a
 * single line.  A page that starts inside a table's body begins with
 * the table's continuation header, which takes its height.
 */
static void
cut(struct lay *L)
{
	float	 avail, y;
	size_t	 i = 0, start, end, brk, prev, whole;
	float	 nh, eh;
	bool	 content, land;

	while (i < L->nv) {
		while (i < L->nv && L->v[i].kind != V_BOX)
			i++;
		if (i >= L->nv)
			break;
		start = i;
		end = L->nv;
		brk = prev = whole = (size_t)-1;
		content = false;
		nh = 0;
		y = L->v[start].cont > 0 ? L->cont[L->v[start].cont - 1].h : 0;
		/* Landscape pages hold a table too wide for the text
		 * width and nothing else. */
		land = L->v[start].land;
		avail = text_height(L, land);
		for (; i < L->nv; i++) {
			const struct vel *e = &L->v[i];

			if (e->kind == V_BREAK || e->land != land) {
				end = i;
				break;
			}
			if (e->brk && content) {
				/* The previous break at least a line back
				 * (spaces are break points too). */
				if (brk != (size_t)-1 && boxes(L, brk, i) > 0)
					prev = brk;
				brk = i;
				if (!L->v[i - 1].hyph)
					whole = i;
			}
			if (e->kind == V_SPACE) {
				y += e->h;
				continue;
			}
			/* A line brings its notes: they take room at the
			 * bottom of the same page (the rule's space with
			 * the first). */
			eh = e->nvn > 0 ? notes_h(L, e) +
			    (nh == 0 ? notes_sep(L, e) : 0) : 0;
			if (content && y + e->h + nh + eh > avail + 0.01f) {
				end = brk != (size_t)-1 ? brk : i;
				if (brk != (size_t)-1 && L->v[brk - 1].hyph &&
				    whole != (size_t)-1 &&
				    boxes(L, whole, brk) <= 3)
					end = whole;
				else if (brk != (size_t)-1 && lone_tail(L, brk) &&
				    prev != (size_t)-1 && boxes(L, prev, brk) <= 3)
					end = prev;
				break;
			}
			if (!content && y + e->h + eh > avail + 0.01f)
				note_too_long(L, e);
			y += e->h;
			nh += eh;
			content = true;
		}
		fill(L, start, end);
		i = end;
	}
	if (L->out->npages == 0)
		fill(L, 0, 0);
}

/* A PDF made elsewhere: its pages, each of its own size, empty until
 * the running lines (the stamp) are set and the pdf stage draws the
 * file's page under them. */
static int
external_pages(const struct part *pt, struct arena *arena,
    struct part_out *out)
{
	const struct part_external *d = &pt->external;
	const char *file = arena_strdup(arena, d->path);
	size_t	 i;

	if (d->npages == 0) {
		diag(DIAG_ERROR, d->pos.file, d->pos.line, d->pos.col,
		    "\"%s\" has no pages", d->path);
		return 0;
	}
	out->pages = xcalloc(d->npages, sizeof(*out->pages));
	out->npages = d->npages;
	for (i = 0; i < d->npages; i++) {
		out->pages[i].width = d->pages[i].width;
		out->pages[i].height = d->pages[i].height;
		out->pages[i].external = file;
		out->pages[i].external_page = (int)i + 1;
	}
	return 1;
}

int
paginate_part(const struct doc *d, struct fontset *fs, struct lb *lb,
    struct arena *arena, size_t part, const struct anchor *known,
    size_t nknown, struct part_out *out)
{
	const struct part *pt = &d->parts[part];
	struct lay L;
	int	 rc = 0;

	part_out_free(out);
	memset(&L, 0, sizeof(L));
	L.doc = d;
	L.fs = fs;
	L.lb = lb;
	L.arena = arena;
	L.ps = pt->page;
	L.known = known;
	L.nknown = nknown;
	L.out = out;
	if (L.ps == NULL) {
		diag(DIAG_ERROR, NULL, 0, 0, "document part %zu has no page "
		    "style", part + 1);
		return 0;
	}
	if (pt->external.path != NULL)
		return external_pages(pt, arena, out);
	L.x0 = L.ps->margin_left;
	L.x1 = L.ps->width - L.ps->margin_right;
	if (L.x1 - L.x0 < 36 || L.ps->height - L.ps->margin_top -
	    L.ps->margin_bottom < 36) {
		diag(DIAG_ERROR, NULL, 0, 0, "page style \"%s\": the margins "
		    "leave no room for text", L.ps->name ? L.ps->name : "");
		return 0;
	}
	if (!lay_blocks(&L, pt->blocks))
		goto out;
	/* Marks after the last box: an empty box holds them. */
	if (L.mkpend < L.nmk)
		lay_vel(&L, V_BOX, 0, true);
	cut(&L);
	rc = 1;
out:
	free(L.v);
	free(L.it);
	free(L.mk);
	free(L.lab);
	free(L.cont);
	free(L.notes);
	free(L.vn);
	return rc;
}

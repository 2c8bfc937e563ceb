/*
 * Navigation: link annotations, bookmarks and page labels.
 */
#include <stdlib.h>
#include <string.h>

#include "pdf_private.h"

/*
 * [page /XYZ 0 y null]: the top of the target at the page's left edge,
 * zoom kept.  HPDF_Destination_SetXYZ refuses a null zoom, so the
 * array libharu made ([page /Fit]) is rebuilt.
 */
static HPDF_Destination
dest(struct pdf_writer *w, size_t page, float y)
{
	HPDF_Doc_Rec *d = w->pdf;
	HPDF_Destination dst;

	if ((dst = HPDF_Page_CreateDestination(w->hpages[page])) == NULL)
		return NULL;
	HPDF_Array_Clear(dst);
	if (HPDF_Array_Add(dst, w->hpages[page]) != HPDF_OK ||
	    HPDF_Array_AddName(dst, "XYZ") != HPDF_OK ||
	    HPDF_Array_AddNumber(dst, 0) != HPDF_OK ||
	    HPDF_Array_AddReal(dst, y) != HPDF_OK ||
	    HPDF_Array_Add(dst, HPDF_Null_New(d->mmgr)) != HPDF_OK)
		return NULL;
	return dst;
}

/* URIs are 7-bit: percent-encode everything else, and spaces. */
static char *
uri_encode(const char *s)
{
	struct buf b;
	const unsigned char *p;

	memset(&b, 0, sizeof(b));
	for (p = (const unsigned char *)s; *p != '\0'; p++) {
		if (*p <= 0x20 || *p >= 0x7f)
			buf_printf(&b, "%%%02X", *p);
		else
			buf_putc(&b, *p);
	}
	return buf_detach(&b);
}

static int
link(struct pdf_writer *w, size_t page, const struct pitem *it)
{
	HPDF_Page pg = w->hpages[page];
	HPDF_Rect r;
	HPDF_Annotation a;
	const struct anchor *an;
	HPDF_Destination dst;
	char	*uri;

	if (it->target == NULL || it->target[0] == '\0')
		return 1;
	r.left = it->x;
	r.bottom = it->y;
	r.right = it->x + it->w;
	r.top = it->y + it->h;
	if (it->target[0] == '#') {
		an = pages_anchor(w->pages, it->target + 1);
		/* Layout has warned where the link was written. */
		if (an == NULL || an->page >= w->pages->n)
			return 1;
		if ((dst = dest(w, an->page, an->y)) == NULL)
			return pdf_ok(w, "making a link destination");
		a = HPDF_Page_CreateLinkAnnot(pg, r, dst);
	} else {
		uri = uri_encode(it->target);
		a = HPDF_Page_CreateURILinkAnnot(pg, r, uri);
		free(uri);
	}
	/* PDF/A wants every annotation printable (/F 4, the Print flag);
	 * libharu writes no /F. */
	if (a != NULL) {
		HPDF_LinkAnnot_SetBorderStyle(a, 0, 0, 0);
		HPDF_Dict_AddNumber(a, "F", 4);
		if (w->tags != NULL && !pdf_tag_link(w, page,
		    (size_t)(it - w->pages->v[page].items), a))
			return 0;
	}
	return pdf_ok(w, "adding a link");
}

int
pdf_links(struct pdf_writer *w, size_t page)
{
	const struct page *pg = &w->pages->v[page];
	size_t	 i;

	for (i = 0; i < pg->nitems; i++)
		if (pg->items[i].kind == PITEM_LINK &&
		    !link(w, page, &pg->items[i]))
			return 0;
	return 1;
}

/*
 * Bookmarks nest by level in document order: an entry's parent is the
 * nearest earlier entry of a lower level (levels may skip).
 */
int
pdf_outline(struct pdf_writer *w)
{
	const struct pages *p = w->pages;
	struct {
		HPDF_Outline o;
		int	 level;
	} *stack;
	size_t	 i, depth = 0;
	HPDF_Outline o;
	HPDF_Destination dst;
	void	*title;
	int	 ok = 1;

	if (p->noutlines == 0)
		return 1;
	stack = xcalloc(p->noutlines, sizeof(*stack));
	for (i = 0; i < p->noutlines && ok; i++) {
		const struct outline_entry *e = &p->outlines[i];

		if (e->page >= p->n) {
			diag(DIAG_WARNING, w->path, 0, 0, "bookmark \"%s\" "
			    "points after the last page; left out",
			    e->title ? e->title : "");
			continue;
		}
		while (depth > 0 && stack[depth - 1].level >= e->level)
			depth--;
		o = HPDF_CreateOutline(w->pdf,
		    depth > 0 ? stack[depth - 1].o : NULL, "", NULL);
		if (o == NULL ||
		    (title = pdf_text_string(w, e->title ? e->title : "")) ==
		    NULL || HPDF_Dict_Add(o, "Title", title) != HPDF_OK ||
		    (dst = dest(w, e->page, e->y)) == NULL ||
		    HPDF_Outline_SetDestination(o, dst) != HPDF_OK) {
			ok = 0;
			break;
		}
		/* libharu marks items /Type /Outlines: only the root is. */
		HPDF_Dict_RemoveElement(o, "Type");
		stack[depth].o = o;
		stack[depth].level = e->level;
		depth++;
	}
	free(stack);
	if (ok)
		HPDF_SetPageMode(w->pdf, HPDF_PAGE_MODE_USE_OUTLINE);
	if (!pdf_ok(w, "making bookmarks"))
		return 0;
	/* Some libharu calls fail without setting its error. */
	if (!ok)
		diag(DIAG_ERROR, w->path, 0, 0, "cannot write PDF: a bookmark "
		    "could not be made (bookmark %zu of %zu)", i + 1,
		    p->noutlines);
	return ok;
}

/* One range: the pack is numbered 1..n throughout. */
int
pdf_page_labels(struct pdf_writer *w)
{
	HPDF_AddPageLabel(w->pdf, 0, HPDF_PAGE_NUM_STYLE_DECIMAL, 1, NULL);
	return pdf_ok(w, "adding page labels");
}

/*
 * PDF files made elsewhere (a protocol extract, a motion, a consultant's
 * report), named by a Beslutsunderlag entry.  libqpdf reads them here
 * once: the pages are counted and measured so that the pack can be
 * paginated with them, and a file that cannot be placed is refused now,
 * before anything is written.  The pdf stage merges the pages.
 */
#include <stdlib.h>
#include <string.h>

#include "../util/pdfin.h"
#include "extern.h"

/* Bounds on hostile files: pages, nesting of the form XObjects looked
 * into for text (the bytes read are bounded in pdfin.c). */
#define EXT_MAX_PAGES	2000
#define EXT_MAX_DEPTH	4

/* True if the resources (or a form XObject's, a few levels down) hold
 * a font: the page shows text, not only images; with images, an image
 * instead. */
static bool
resources_have(qpdf_data q, qpdf_oh res, int depth, bool images)
{
	qpdf_oh	 fonts, xobjs, x;
	const char *key;
	bool	 found = false;

	if (depth > EXT_MAX_DEPTH || !qpdf_oh_is_dictionary(q, res))
		return false;
	fonts = qpdf_oh_get_key(q, res, "/Font");
	if (!images && qpdf_oh_is_dictionary(q, fonts)) {
		qpdf_oh_begin_dict_key_iter(q, fonts);
		if (qpdf_oh_dict_more_keys(q))
			return true;
	}
	xobjs = qpdf_oh_get_key(q, res, "/XObject");
	if (!qpdf_oh_is_dictionary(q, xobjs))
		return false;
	/* The key iteration is qpdf's single cursor: collect first. */
	{
		char	**keys = NULL;
		size_t	 n = 0, i;

		qpdf_oh_begin_dict_key_iter(q, xobjs);
		while (qpdf_oh_dict_more_keys(q) && n < 256) {
			key = qpdf_oh_dict_next_key(q);
			keys = xrealloc(keys, (n + 1) * sizeof(*keys));
			keys[n++] = xstrdup(key);
		}
		for (i = 0; i < n; i++) {
			x = qpdf_oh_get_key(q, xobjs, keys[i]);
			if (!found && images && qpdf_oh_is_stream(q, x) &&
			    qpdf_oh_is_name_and_equals(q, qpdf_oh_get_key(q,
			    qpdf_oh_get_dict(q, x), "/Subtype"), "/Image"))
				found = true;
			if (!found && qpdf_oh_is_stream(q, x) &&
			    qpdf_oh_is_name_and_equals(q, qpdf_oh_get_key(q,
			    qpdf_oh_get_dict(q, x), "/Subtype"), "/Form"))
				found = resources_have(q, qpdf_oh_get_key(q,
				    qpdf_oh_get_dict(q, x), "/Resources"),
				    depth + 1, images);
			free(keys[i]);
		}
		free(keys);
	}
	return found;
}

/* Only white space, or nothing. */
static bool
blank(const char *t)
{
	for (; t != NULL && *t != '\0'; t++)
		if (*t != ' ' && *t != '\n' && *t != '\t' && *t != '\r')
			return false;
	return true;
}

/* An inline image (BI ... ID ... EI) in a content stream. */
static bool
inline_image(const unsigned char *c, size_t n)
{
	size_t	 i;

	for (i = 0; i + 2 < n; i++)
		if (c[i] == 'B' && c[i + 1] == 'I' && (i == 0 ||
		    c[i - 1] == ' ' || c[i - 1] == '\n' || c[i - 1] == '\r') &&
		    (c[i + 2] == ' ' || c[i + 2] == '\n' || c[i + 2] == '\r' ||
		    c[i + 2] == '/'))
			return true;
	return false;
}

/* The lowest of the text's extent ext (default user space) on the page
 * as shown: the box's bottom edge after /Rotate (clockwise). */
static void
text_bottom(struct external_page *ep, const double box[4], int rot,
    const double ext[4])
{
	double	 w = box[2] - box[0], h = box[3] - box[1], b;

	ep->text = ext[0] != 0 || ext[1] != 0 || ext[2] != 0 || ext[3] != 0;
	if (!ep->text)
		return;
	switch (rot) {
	case 90:
		b = w - (ext[2] - box[0]);
		break;
	case 180:
		b = h - (ext[3] - box[1]);
		break;
	case 270:
		b = ext[0] - box[0];
		break;
	default:
		b = ext[1] - box[1];
		break;
	}
	ep->text_bottom = (float)b;
}

static bool
is_tagged(qpdf_data q)
{
	qpdf_oh	 root = qpdf_get_root(q), mi, marked;

	mi = qpdf_oh_get_key(q, root, "/MarkInfo");
	marked = qpdf_oh_is_dictionary(q, mi) ?
	    qpdf_oh_get_key(q, mi, "/Marked") : 0;
	return marked != 0 && qpdf_oh_is_bool(q, marked) &&
	    qpdf_oh_get_bool_value(q, marked) &&
	    qpdf_oh_is_dictionary(q, qpdf_oh_get_key(q, root,
	    "/StructTreeRoot"));
}

/*
 * The first element of a tagged file's structure tree met twice (by a
 * loop or from a second parent), or 0: build carries each element
 * once (pdf/attach.c), within the same bounds.
 */
static int
tree_twice(qpdf_data q, qpdf_oh e, struct idset *seen, int depth,
    size_t *n)
{
	qpdf_oh	 k, kid, ty;
	int	 i, nk, r;

	/* The root (depth -1) has no /S, only kids. */
	if (depth > 100 || *n >= 200000 || !qpdf_oh_is_dictionary(q, e) ||
	    (depth >= 0 && !qpdf_oh_is_name(q, qpdf_oh_get_key(q, e, "/S"))))
		return 0;
	if (depth >= 0 && qpdf_oh_is_indirect(q, e) && idset_add(seen,
	    qpdf_oh_get_object_id(q, e)))
		return qpdf_oh_get_object_id(q, e);
	(*n)++;
	k = qpdf_oh_get_key(q, e, "/K");
	nk = qpdf_oh_is_array(q, k) ? qpdf_oh_get_array_n_items(q, k) : 1;
	for (i = 0; i < nk; i++) {
		kid = qpdf_oh_is_array(q, k) ? qpdf_oh_get_array_item(q, k, i) :
		    k;
		ty = qpdf_oh_get_key(q, kid, "/Type");
		if (qpdf_oh_is_dictionary(q, kid) &&
		    !qpdf_oh_is_name_and_equals(q, ty, "/MCR") &&
		    !qpdf_oh_is_name_and_equals(q, ty, "/OBJR") &&
		    (r = tree_twice(q, kid, seen, depth + 1, n)) != 0)
			return r;
	}
	return 0;
}

struct document *
document_external(const char *path, const char *shown, const char *title,
    const struct srcpos *at)
{
	struct document *d = NULL;
	qpdf_data q = qpdf_init();
	qpdf_oh	 page;
	char	*data = NULL;
	unsigned char *content;
	unsigned long long big, decoded = 0;
	size_t	 clen, unread;
	double	 box[4], ext[4];
	int	 n, i, rot, ok = 0;

	if (!pdfin_open(q, path, shown, at, &data))
		goto out;
	n = qpdf_get_num_pages(q);
	if (qpdf_has_error(q) || n < 0) {
		diag(DIAG_ERROR, at->file, at->line, at->col, "\"%s\" is a "
		    "damaged PDF file (its page tree: %s): ask the sender for "
		    "a new copy", shown, pdfin_reason(q));
		goto out;
	}
	if (n == 0) {
		diag(DIAG_ERROR, at->file, at->line, at->col, "\"%s\" has no "
		    "pages: link the complete document", shown);
		goto out;
	}
	if (n > EXT_MAX_PAGES) {
		diag(DIAG_ERROR, at->file, at->line, at->col, "\"%s\" has %d "
		    "pages; at most %d are placed from one file: split it",
		    shown, n, EXT_MAX_PAGES);
		goto out;
	}
	if (qpdf_push_inherited_attributes_to_page(q) & QPDF_ERRORS) {
		diag(DIAG_ERROR, at->file, at->line, at->col, "\"%s\" is a "
		    "damaged PDF file (its page tree: %s): ask the sender for "
		    "a new copy", shown, pdfin_reason(q));
		goto out;
	}
	d = xcalloc(1, sizeof(*d));
	d->kind = DOCUMENT_EXTERNAL;
	d->path = xstrdup(shown);
	d->title = content_typeset(title);
	d->pos = *at;
	d->extpages = xcalloc((size_t)n, sizeof(*d->extpages));
	d->ext_pagetext = xcalloc((size_t)n, sizeof(*d->ext_pagetext));
	d->nextpages = (size_t)n;
	for (i = 0; i < n; i++) {
		page = qpdf_get_page_n(q, (size_t)i);
		if (!pdfin_page_box(q, page, box, &rot)) {
			diag(DIAG_ERROR, at->file, at->line, at->col, "\"%s\" "
			    "page %d has no valid size (MediaBox): ask the "
			    "sender for a new copy", shown, i + 1);
			goto out;
		}
		d->extpages[i].width = (float)(rot % 180 ? box[3] - box[1] :
		    box[2] - box[0]);
		d->extpages[i].height = (float)(rot % 180 ? box[2] - box[0] :
		    box[3] - box[1]);
		/* What its content decodes to is bounded before anything
		 * decodes it: a few kilobytes can inflate to gigabytes. */
		if ((big = pdfin_content_size(q, page, &decoded)) != 0) {
			if (big == (unsigned long long)-1)
				diag(DIAG_ERROR, at->file, at->line, at->col,
				    "\"%s\" is a damaged PDF file (page %d: "
				    "%s): ask the sender for a new copy", shown,
				    i + 1, pdfin_reason(q));
			else
				diag(DIAG_ERROR, at->file, at->line, at->col,
				    "\"%s\" page %d: its content decodes to "
				    "more than %llu MiB%s (a compression bomb?): "
				    "ask the sender for a new copy", shown,
				    i + 1, big >> 20, big == PDFIN_MAX_STREAM ?
				    " in one stream" : " in the file");
			goto out;
		}
		/* Every content stream must decode now: the merge must not
		 * be the first to find a broken one. */
		content = NULL;
		if (qpdf_oh_get_page_content_data(q, page, &content, &clen) &
		    QPDF_ERRORS) {
			free(content);
			diag(DIAG_ERROR, at->file, at->line, at->col, "\"%s\" "
			    "is a damaged PDF file (page %d: %s): ask the "
			    "sender for a new copy", shown, i + 1,
			    pdfin_reason(q));
			goto out;
		}
		/* Its text, for the scan of what is published. */
		d->ext_pagetext[i] = pdfin_page_text_extent(q, page, content,
		    clen, &unread, ext);
		/* A page of a file with text that shows an image and no
		 * text (a scanned enclosure) cannot be read either. */
		if (unread == 0 && blank(d->ext_pagetext[i]) &&
		    (resources_have(q, qpdf_oh_get_key(q, page, "/Resources"),
		    0, true) || inline_image(content, clen)))
			unread = 1;
		text_bottom(&d->extpages[i], box, rot, ext);
		d->ext_unread += unread;
		free(content);
		if (!d->ext_text)
			d->ext_text = resources_have(q, qpdf_oh_get_key(q, page,
			    "/Resources"), 0, false);
		qpdf_oh_release_all(q);
	}
	d->ext_tagged = is_tagged(q);
	if (d->ext_tagged) {
		struct idset seen = { NULL, 0, 0 };
		size_t	 nelem = 0;
		int	 twice;

		twice = tree_twice(q, qpdf_oh_get_key(q, qpdf_get_root(q),
		    "/StructTreeRoot"), &seen, -1, &nelem);
		idset_free(&seen);
		if (twice != 0)
			diag(DIAG_WARNING, at->file, at->line, at->col, "\"%s\": "
			    "its structure tree refers to element %d twice (a "
			    "loop or a shared element): it is read once", shown,
			    twice);
	}
	ok = !qpdf_has_error(q);
	if (!ok)
		diag(DIAG_ERROR, at->file, at->line, at->col, "\"%s\" is a "
		    "damaged PDF file (%s): ask the sender for a new copy",
		    shown, pdfin_reason(q));
out:
	qpdf_cleanup(&q);
	free(data);
	if (!ok) {
		document_free(d);
		return NULL;
	}
	return d;
}

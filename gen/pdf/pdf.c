/*
 * pdf_write: builds the libharu document from laid-out pages, fixes
 * what libharu gets wrong, saves to memory and writes the file
 * atomically.
 */
#include <stdlib.h>
#include <string.h>

#include "pdf_private.h"

/*
 * libharu reports errors through this handler and then refuses every
 * later call, so the first one is the one worth reporting.
 */
static void
on_error(HPDF_STATUS error, HPDF_STATUS detail, void *arg)
{
	struct pdf_writer *w = arg;

	if (w->error == HPDF_OK) {
		w->error = error;
		w->detail = detail;
	}
}

/*
 * Checkpoint: reports a recorded libharu error with what we were doing.
 */
int
pdf_ok(struct pdf_writer *w, const char *what)
{
	if (w->error == HPDF_OK)
		return 1;
	diag(DIAG_ERROR, w->path, 0, 0, "cannot write PDF: %s: libharu "
	    "error 0x%04X (detail %u)", what, (unsigned)w->error,
	    (unsigned)w->detail);
	return 0;
}

/* Creates every page first: links and bookmarks may point forward. */
static int
add_pages(struct pdf_writer *w)
{
	const struct pages *p = w->pages;
	size_t	 i;

	w->hpages = xcalloc(p->n ? p->n : 1, sizeof(*w->hpages));
	for (i = 0; i < p->n; i++) {
		if (!(p->v[i].width > 0 && p->v[i].height > 0 &&
		    p->v[i].width <= 14400 && p->v[i].height <= 14400)) {
			diag(DIAG_ERROR, w->path, 0, 0, "page %zu: invalid "
			    "size %g x %g points", i + 1,
			    (double)p->v[i].width, (double)p->v[i].height);
			return 0;
		}
		if ((w->hpages[i] = HPDF_AddPage(w->pdf)) == NULL)
			break;
		HPDF_Page_SetWidth(w->hpages[i], p->v[i].width);
		HPDF_Page_SetHeight(w->hpages[i], p->v[i].height);
	}
	return pdf_ok(w, "adding pages");
}

/*
 * The saved document, copied from libharu's memory stream.  Its buffers
 * are read directly: HPDF_ReadFromStream reports reaching the end as
 * an error through the handler.
 */
static int
save(struct pdf_writer *w, char **data, size_t *len)
{
	HPDF_Doc_Rec *d = w->pdf;
	struct buf b;
	HPDF_UINT i, count, n;
	HPDF_BYTE *p;

	if (HPDF_SaveToStream(w->pdf) != HPDF_OK || w->error != HPDF_OK) {
		if (pdf_ok(w, "saving"))
			diag(DIAG_ERROR, w->path, 0, 0, "cannot write PDF: "
			    "libharu could not save the document");
		return 0;
	}
	memset(&b, 0, sizeof(b));
	buf_grow(&b, HPDF_GetStreamSize(w->pdf));
	count = HPDF_MemStream_GetBufCount(d->stream);
	for (i = 0; i < count; i++) {
		if ((p = HPDF_MemStream_GetBufPtr(d->stream, i, &n)) == NULL)
			break;
		buf_put(&b, p, n);
	}
	if (!pdf_ok(w, "reading the saved document") ||
	    b.len != HPDF_GetStreamSize(w->pdf)) {
		if (w->error == HPDF_OK)
			diag(DIAG_ERROR, w->path, 0, 0, "cannot write PDF: "
			    "short read from libharu's stream");
		buf_free(&b);
		return 0;
	}
	*len = b.len;
	*data = buf_detach(&b);
	return 1;
}

static int
build(struct pdf_writer *w)
{
	size_t	 i;

	if ((w->pdf = HPDF_New(on_error, w)) == NULL) {
		diag(DIAG_ERROR, w->path, 0, 0, "cannot write PDF: "
		    "out of memory in libharu");
		return 0;
	}
	HPDF_SetCompressionMode(w->pdf, HPDF_COMP_ALL);
	HPDF_UseUTFEncodings(w->pdf);
	if (!pdf_ok(w, "setting up libharu") || !add_pages(w) ||
	    !pdf_tags_new(w))
		return 0;
	for (i = 0; i < w->pages->n; i++)
		if (!pdf_page_content(w, i) || !pdf_links(w, i))
			return 0;
	return pdf_outline(w) && pdf_page_labels(w) && pdf_meta(w) &&
	    pdf_tags_finish(w) && pdf_fonts_finish(w) &&
	    pdf_content_finish(w) && pdf_id_add(w);
}

int
pdf_write(const char *path, const struct doc *doc, const struct pages *pages)
{
	struct pdf_writer w;
	char	*data = NULL;
	size_t	 len = 0;
	int	 rc;

	memset(&w, 0, sizeof(w));
	w.path = path;
	w.doc = doc;
	w.pages = pages;
	w.nfaces = doc->nfamilies * 4;
	w.faces = xcalloc(w.nfaces ? w.nfaces : 1, sizeof(*w.faces));

	if (pages->n == 0) {
		diag(DIAG_ERROR, path, 0, 0, "cannot write PDF: no pages");
		rc = 0;
	} else
		rc = build(&w) && save(&w, &data, &len) &&
		    pdf_attach(&w, &data, &len) && pdf_id_fill(&w, data, len);

	/* libharu's memory goes first: the faces only point into it. */
	if (w.pdf != NULL)
		HPDF_Free(w.pdf);
	pdf_fonts_free(&w);
	pdf_images_free(&w);
	pdf_tags_free(&w);
	pdf_content_free(&w);
	buf_free(&w.content);
	free(w.hpages);

	if (rc)
		rc = file_write_atomic(path, data, len);
	free(data);
	return rc;
}

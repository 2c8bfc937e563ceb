/*
 * pdf_write: builds the libharu document from laid-out pages, fixes
 * what libharu gets wrong, saves and writes the file atomically.
 */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

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

int
pdf_done(struct pdf_writer *w, int ok, const char *what)
{
	char	*doing;
	int	 r;

	if (!ok && w->error == HPDF_OK) {
		diag(DIAG_ERROR, w->path, 0, 0, "cannot write PDF: cannot "
		    "write %s", what);
		return 0;
	}
	if (w->error == HPDF_OK)
		return 1;
	doing = xasprintf("writing %s", what);
	r = pdf_ok(w, doing);
	free(doing);
	return r;
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

/* Everything the writer holds for libharu, libharu's memory first: the
 * faces only point into it.  Safe to call twice. */
static void
release(struct pdf_writer *w)
{
	if (w->pdf != NULL)
		HPDF_Free(w->pdf);
	w->pdf = NULL;
	pdf_fonts_free(w);
	pdf_images_free(w);
	pdf_tags_free(w);
	pdf_content_free(w);
	buf_free(&w->content);
	free(w->hpages);
	w->hpages = NULL;
}

/*
 * The saved document.  libharu saves to a file beside the output, not
 * to its memory stream: a copy of the whole PDF in libharu's memory
 * and another in ours, beside the document's objects, was the peak of
 * a run.  Its objects are freed before the file is read back, for the
 * ID and for merging PDFs made elsewhere.
 */
static int
save(struct pdf_writer *w, char **data, size_t *len)
{
	char	*tmp;
	int	 fd, ok = 0;

	if ((fd = temp_create(w->path, &tmp)) == -1)
		return 0;
	close(fd);
	errno = 0;
	if (HPDF_SaveToFile(w->pdf, tmp) != HPDF_OK ||
	    w->error != HPDF_OK) {
		/* A full disk is the user's to fix, not libharu's number. */
		if ((w->error == HPDF_FILE_IO_ERROR ||
		    w->error == HPDF_FILE_OPEN_ERROR ||
		    w->detail == HPDF_FILE_IO_ERROR ||
		    w->detail == HPDF_FILE_OPEN_ERROR) && errno != 0)
			file_write_error(w->path, errno);
		else if (pdf_ok(w, "saving"))
			diag(DIAG_ERROR, w->path, 0, 0, "cannot write PDF: "
			    "libharu could not save the document");
	} else {
		release(w);
		ok = file_read(tmp, SIZE_MAX - 1, data, len);
	}
	temp_drop(tmp);
	return ok;
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
	return pdf_write_checked(path, doc, pages, NULL, NULL);
}

int
pdf_make(const char *path, const struct doc *doc, const struct pages *pages,
    char **data, size_t *len)
{
	struct pdf_writer w;
	int	 rc;

	memset(&w, 0, sizeof(w));
	*data = NULL;
	*len = 0;
	w.path = path;
	w.doc = doc;
	w.pages = pages;
	w.nfaces = doc->nfamilies * 4;
	w.faces = xcalloc(w.nfaces ? w.nfaces : 1, sizeof(*w.faces));

	if (pages->n == 0) {
		diag(DIAG_ERROR, path, 0, 0, "cannot write PDF: no pages");
		rc = 0;
	} else
		rc = build(&w) && save(&w, data, len) &&
		    pdf_attach(&w, data, len) && pdf_id_fill(&w, *data, *len);

	release(&w);
	free(w.ext);
	if (!rc) {
		free(*data);
		*data = NULL;
	}
	return rc;
}

int
pdf_write_checked(const char *path, const struct doc *doc,
    const struct pages *pages, int (*check)(void *, const char *,
    const char *, size_t), void *arg)
{
	char	*data = NULL;
	size_t	 len = 0;
	int	 rc;

	/* What a killed run left beside the output. */
	{
		const char *slash = strrchr(path, '/');
		char	*dir = slash ? xstrndup(path, (size_t)(slash - path)) :
		    xstrdup(".");

		temp_sweep(*dir ? dir : "/", slash ? slash + 1 : path, false);
		free(dir);
	}
	rc = pdf_make(path, doc, pages, &data, &len);
	if (rc && check != NULL)
		rc = check(arg, path, data, len);
	if (rc)
		rc = file_write_atomic(path, data, len);
	free(data);
	return rc;
}

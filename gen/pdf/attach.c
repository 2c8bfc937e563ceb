/*
 * Pages of PDF files made elsewhere, merged under the pages libharu
 * wrote for them.  libharu writes a page of the right size carrying
 * the stamp (the running lines); this pass reads the saved pack and
 * each file with libqpdf, turns each of the file's pages into a form
 * XObject, and draws it first on its page, scaled to leave the
 * template's stamp margin free.  The pack's catalog (structure tree,
 * outline, page labels, metadata, output intent) is kept as libharu
 * wrote it; only those pages' resources and contents change.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <zlib.h>

#include "../util/pdfin.h"
#include "pdf_private.h"

/* An attached file, open until the pack is written: qpdf copies the
 * pages' fonts and images from it only then. */
struct attached {
	const char	*path;
	qpdf_data	 q;
	char		*data;
	int		 npages;
};

struct merge {
	struct pdf_writer *w;
	qpdf_data	 pack;
	struct attached	*files;
	size_t		 nfiles;
	char		 version[16];	/* highest PDF version read */
};

/* Reports qpdf's error on the pack (or on the file being merged). */
static int
failed(struct merge *g, qpdf_data q, const char *file)
{
	diag(DIAG_ERROR, g->w->path, 0, 0, "cannot write PDF: merging "
	    "\"%s\": %s", file, pdfin_reason(q));
	return 0;
}

static struct attached *
file_of(struct merge *g, const char *path)
{
	struct attached *a;
	struct srcpos at = { NULL, 0, 0 };
	const char *v;
	size_t	 i;

	for (i = 0; i < g->nfiles; i++)
		if (strcmp(g->files[i].path, path) == 0)
			return &g->files[i];
	g->files = xrealloc(g->files, (g->nfiles + 1) * sizeof(*g->files));
	a = &g->files[g->nfiles++];
	memset(a, 0, sizeof(*a));
	a->path = path;
	a->q = qpdf_init();
	/* Read again: what was measured must still be there. */
	at.file = path;
	if (!pdfin_open(a->q, path, path, &at, &a->data))
		return NULL;
	if ((qpdf_push_inherited_attributes_to_page(a->q) & QPDF_ERRORS) ||
	    (a->npages = qpdf_get_num_pages(a->q)) <= 0) {
		failed(g, a->q, path);
		return NULL;
	}
	v = qpdf_get_pdf_version(a->q);
	if (v != NULL && strlen(v) < sizeof(g->version) &&
	    strcmp(v, g->version) > 0)
		snprintf(g->version, sizeof(g->version), "%s", v);
	return a;
}

/* The matrix that shows the box the way a viewer does (its /Rotate
 * applied, clockwise), with its lower left corner at the origin. */
static void
shown_matrix(const double b[4], int rot, double m[6])
{
	static const double k[4][4] = {
		{ 1, 0, 0, 1 }, { 0, -1, 1, 0 }, { -1, 0, 0, -1 },
		{ 0, 1, -1, 0 }
	};
	const double *r = k[rot / 90];

	memcpy(m, r, 4 * sizeof(*m));
	switch (rot) {
	case 90:
		m[4] = -b[1], m[5] = b[2];
		break;
	case 180:
		m[4] = b[2], m[5] = b[3];
		break;
	case 270:
		m[4] = b[3], m[5] = -b[0];
		break;
	default:
		m[4] = -b[0], m[5] = -b[1];
	}
}

static qpdf_oh
number_array(qpdf_data q, const double *v, size_t n)
{
	qpdf_oh	 a = qpdf_oh_new_array(q);
	size_t	 i;

	for (i = 0; i < n; i++)
		qpdf_oh_append_item(q, a, qpdf_oh_new_real_from_double(q,
		    v[i], 4));
	return a;
}

/* Sets a stream's data, deflated. */
static int
deflate_into(qpdf_data q, qpdf_oh stream, const unsigned char *data,
    size_t len)
{
	uLongf	 zlen = compressBound((uLong)len);
	unsigned char *z = xmalloc(zlen);
	int	 ok;

	ok = compress2(z, &zlen, data, (uLong)len, 9) == Z_OK;
	if (ok)
		qpdf_oh_replace_stream_data(q, stream, z, zlen,
		    qpdf_oh_new_name(q, "/FlateDecode"), qpdf_oh_new_null(q));
	free(z);
	return ok;
}

/* The file's page n (1-based) as a form XObject of the pack. */
static qpdf_oh
page_form(struct merge *g, struct attached *a, int n, double box[4],
    int *rot)
{
	qpdf_data q = a->q;
	qpdf_oh	 page, form, dict, res, group;
	unsigned char *content = NULL;
	size_t	 clen = 0;
	double	 m[6];

	page = qpdf_get_page_n(q, (size_t)n - 1);
	if (qpdf_has_error(q) || !pdfin_page_box(q, page, box, rot)) {
		diag(DIAG_ERROR, g->w->path, 0, 0, "cannot write PDF: \"%s\" "
		    "page %d has no valid size any more: was the file "
		    "changed while the pack was made?", a->path, n);
		return 0;
	}
	if (qpdf_oh_get_page_content_data(q, page, &content, &clen) &
	    QPDF_ERRORS) {
		free(content);
		failed(g, q, a->path);
		return 0;
	}
	form = qpdf_oh_new_stream(q);
	dict = qpdf_oh_get_dict(q, form);
	qpdf_oh_replace_key(q, dict, "/Type", qpdf_oh_new_name(q, "/XObject"));
	qpdf_oh_replace_key(q, dict, "/Subtype", qpdf_oh_new_name(q, "/Form"));
	qpdf_oh_replace_key(q, dict, "/BBox", number_array(q, box, 4));
	shown_matrix(box, *rot, m);
	qpdf_oh_replace_key(q, dict, "/Matrix", number_array(q, m, 6));
	res = qpdf_oh_get_key(q, page, "/Resources");
	qpdf_oh_replace_key(q, dict, "/Resources", qpdf_oh_is_dictionary(q,
	    res) ? res : qpdf_oh_new_dictionary(q));
	group = qpdf_oh_get_key(q, page, "/Group");
	if (qpdf_oh_is_dictionary(q, group))
		qpdf_oh_replace_key(q, dict, "/Group", group);
	if (!deflate_into(q, form, content, clen)) {
		free(content);
		diag(DIAG_ERROR, g->w->path, 0, 0, "cannot write PDF: cannot "
		    "compress page %d of \"%s\"", n, a->path);
		return 0;
	}
	free(content);
	if (qpdf_has_error(q)) {
		failed(g, q, a->path);
		return 0;
	}
	form = qpdf_oh_copy_foreign_object(g->pack, q, form);
	if (qpdf_has_error(g->pack)) {
		failed(g, g->pack, a->path);
		return 0;
	}
	return form;
}

/* Draws the file's page first on pack page i, inside the stamp
 * margin, as an artifact: a tagged pack has no unmarked content. */
static int
attach_page(struct merge *g, size_t i)
{
	const struct page *pg = &g->w->pages->v[i];
	const struct page_style *ps = g->w->doc->parts[pg->part].page;
	struct attached *a;
	qpdf_data p = g->pack;
	qpdf_oh	 form, page, res, xobj, contents, arr, pre;
	double	 box[4], w, h, aw, ah, s, tx, ty;
	char	 ops[256];
	int	 rot, n, k;

	if ((a = file_of(g, pg->external)) == NULL)
		return 0;
	if (pg->external_page < 1 || pg->external_page > a->npages) {
		diag(DIAG_ERROR, g->w->path, 0, 0, "cannot write PDF: \"%s\" "
		    "has no page %d any more: was the file changed while the "
		    "pack was made?", a->path, pg->external_page);
		return 0;
	}
	if ((form = page_form(g, a, pg->external_page, box, &rot)) == 0)
		return 0;
	w = rot % 180 ? box[3] - box[1] : box[2] - box[0];
	h = rot % 180 ? box[2] - box[0] : box[3] - box[1];
	aw = pg->width - ps->stamp_left - ps->stamp_right;
	ah = pg->height - ps->stamp_top - ps->stamp_bottom;
	s = 1;
	if (aw > 0 && aw < w * s)
		s = aw / w;
	if (ah > 0 && ah < h * s)
		s = ah / h;
	tx = ps->stamp_left + ((aw > 0 ? aw : pg->width) - w * s) / 2;
	ty = ps->stamp_bottom + ((ah > 0 ? ah : pg->height) - h * s) / 2;
	snprintf(ops, sizeof(ops), "/Artifact BMC q %.5f 0 0 %.5f %.4f %.4f "
	    "cm /BgAttached Do Q EMC\n", s, s, tx, ty);

	page = qpdf_get_page_n(p, i);
	res = qpdf_oh_get_key(p, page, "/Resources");
	if (!qpdf_oh_is_dictionary(p, res)) {
		res = qpdf_oh_new_dictionary(p);
		qpdf_oh_replace_key(p, page, "/Resources", res);
	}
	xobj = qpdf_oh_get_key(p, res, "/XObject");
	if (!qpdf_oh_is_dictionary(p, xobj)) {
		xobj = qpdf_oh_new_dictionary(p);
		qpdf_oh_replace_key(p, res, "/XObject", xobj);
	}
	qpdf_oh_replace_key(p, xobj, "/BgAttached", form);
	pre = qpdf_oh_new_stream(p);
	qpdf_oh_replace_stream_data(p, pre, (const unsigned char *)ops,
	    strlen(ops), qpdf_oh_new_null(p), qpdf_oh_new_null(p));
	arr = qpdf_oh_new_array(p);
	qpdf_oh_append_item(p, arr, pre);
	contents = qpdf_oh_get_key(p, page, "/Contents");
	if (qpdf_oh_is_array(p, contents)) {
		n = qpdf_oh_get_array_n_items(p, contents);
		for (k = 0; k < n; k++)
			qpdf_oh_append_item(p, arr,
			    qpdf_oh_get_array_item(p, contents, k));
	} else if (qpdf_oh_is_stream(p, contents))
		qpdf_oh_append_item(p, arr, contents);
	qpdf_oh_replace_key(p, page, "/Contents", arr);
	if (qpdf_has_error(p))
		return failed(g, p, a->path);
	return 1;
}

/* qpdf's fixed test ID, replaced by ours (pdf_id_fill) after
 * writing: the same bytes give the same ID. */
static const char static_id[] = "<31415926535897932384626433832795>";

static int
id_placeholder(struct merge *g, char *data, size_t len)
{
	size_t	 n = sizeof(static_id) - 1, i, found = 0, t = len;

	for (i = 0; i + 7 <= len; i++)
		if (memcmp(data + i, "trailer", 7) == 0)
			t = i;
	for (i = t; i + n <= len && found < 2; i++)
		if (data[i] == '<' && strncasecmp(data + i, static_id, n) ==
		    0) {
			memset(data + i + 1, '0', n - 2);
			found++;
		}
	if (found != 2) {
		diag(DIAG_ERROR, g->w->path, 0, 0, "cannot write PDF: no "
		    "document ID in the merged trailer");
		return 0;
	}
	return 1;
}

int
pdf_attach(struct pdf_writer *w, char **data, size_t *len)
{
	struct merge g;
	const struct pages *pages = w->pages;
	size_t	 i, n = 0;
	char	*out = NULL;
	int	 ok = 0;

	for (i = 0; i < pages->n; i++)
		n += pages->v[i].external != NULL;
	if (n == 0)
		return 1;
	memset(&g, 0, sizeof(g));
	g.w = w;
	g.pack = qpdf_init();
	qpdf_silence_errors(g.pack);
	qpdf_set_suppress_warnings(g.pack, QPDF_TRUE);
	if (qpdf_read_memory(g.pack, w->path, *data, *len, "") & QPDF_ERRORS) {
		failed(&g, g.pack, w->path);
		goto out;
	}
	if (qpdf_get_num_pages(g.pack) != (int)pages->n) {
		diag(DIAG_ERROR, w->path, 0, 0, "cannot write PDF: the saved "
		    "pack has %d pages, not %zu", qpdf_get_num_pages(g.pack),
		    pages->n);
		goto out;
	}
	snprintf(g.version, sizeof(g.version), "%s",
	    qpdf_get_pdf_version(g.pack));
	for (i = 0; i < pages->n; i++)
		if (pages->v[i].external != NULL && !attach_page(&g, i))
			goto out;
	/* As written: no streams decoded or recompressed, no object
	 * streams (a classic trailer for the ID), qpdf's fixed ID for
	 * ours to replace. */
	qpdf_oh_remove_key(g.pack, qpdf_get_trailer(g.pack), "/ID");
	if (qpdf_init_write_memory(g.pack) & QPDF_ERRORS) {
		failed(&g, g.pack, w->path);
		goto out;
	}
	qpdf_set_object_stream_mode(g.pack, qpdf_o_disable);
	qpdf_set_compress_streams(g.pack, QPDF_FALSE);
	qpdf_set_decode_level(g.pack, qpdf_dl_none);
	qpdf_set_static_ID(g.pack, QPDF_TRUE);
	qpdf_set_minimum_pdf_version(g.pack, g.version);
	if (qpdf_write(g.pack) & QPDF_ERRORS) {
		failed(&g, g.pack, w->path);
		goto out;
	}
	n = qpdf_get_buffer_length(g.pack);
	out = xmalloc(n + 1);
	memcpy(out, qpdf_get_buffer(g.pack), n);
	if (!id_placeholder(&g, out, n))
		goto out;
	ok = 1;
out:
	qpdf_cleanup(&g.pack);
	if (ok) {
		/* The pack was read from *data until now. */
		free(*data);
		*data = out;
		*len = n;
	} else
		free(out);
	for (i = 0; i < g.nfiles; i++) {
		qpdf_cleanup(&g.files[i].q);
		free(g.files[i].data);
	}
	free(g.files);
	return ok;
}

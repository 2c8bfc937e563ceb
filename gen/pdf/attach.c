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
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <zlib.h>

#include "../util/pdfin.h"
#include "pdf_private.h"

/* A page of an attached file as placed in the pack. */
struct placed {
	bool		 done;
	size_t		 page;		/* the pack's page */
	int		 base;		/* its first MCID there */
	double		 m[6];		/* the file's page space to the pack
					 * page's */
	/* Its text tagged here (a file with text and no tags): the
	 * paragraph of each MCID retag.c gave it. */
	int		*para;
	int		 nmcids;
	/* A tagged file's MCIDs as placed (struct pdf_graft_mcid), to
	 * find those its tree leaves out. */
	struct buf	 kept;
	/* Its forms with marked content of their own (/StructParents),
	 * drawn in place: the file's number of each, and the first of
	 * the page's MCIDs (as the file numbers them) its MCIDs got. */
	struct placed_form {
		int	 id;
		int	 base;
	}		*forms;
	int		 nforms;
	/* The elements of its MCIDs (the parent tree's entry), by the
	 * file's MCID. */
	qpdf_oh		*elems;
	int		 nelems;
};

/* An attached file, open until the pack is written: qpdf copies the
 * pages' fonts and images from it only then. */
struct attached {
	const char	*path;
	const struct part_external *doc;
	qpdf_data	 q;
	char		*data;
	int		 npages;
	struct placed	*placed;	/* per page of the file */
	unsigned	 part_obj;	/* its Part in the pack's tree */
	int		 nelems;	/* elements carried so far */
	/* The file's elements carried (object ids): one met again, by a
	 * loop or a second parent, is not carried again (reading the file,
	 * external.c warned of it). */
	struct idset	 seen;
	int		 cut;		/* a page whose forms were not all
					 * drawn in place (reported once) */
};

struct merge {
	struct pdf_writer *w;
	qpdf_data	 pack;
	struct attached	*files;
	size_t		 nfiles;
	char		 version[16];	/* highest PDF version read */
	bool		 tagged;	/* the pack has a structure tree */
};

/* Bounds on an attached file's structure tree: nesting, elements. */
#define CARRY_MAX_DEPTH	100
#define CARRY_MAX_ELEMS	200000
#define CARRY_MAX_MCID	100000

/* Reports qpdf's error on the pack (or on the file being merged). */
static int
failed(struct merge *g, qpdf_data q, const char *file)
{
	diag(DIAG_ERROR, g->w->path, 0, 0, "cannot write PDF: merging "
	    "\"%s\": %s", file, pdfin_reason(q));
	return 0;
}

static struct attached *
file_of(struct merge *g, const char *path, const struct part_external *doc)
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
	a->doc = doc;
	a->q = qpdf_init();
	/* Read again: what was measured must still be there. */
	at.file = path;
	if (!pdfin_open_file(&a->q, path, path, &at))
		return NULL;
	if ((qpdf_push_inherited_attributes_to_page(a->q) & QPDF_ERRORS) ||
	    (a->npages = qpdf_get_num_pages(a->q)) <= 0) {
		failed(g, a->q, path);
		return NULL;
	}
	a->placed = xcalloc((size_t)a->npages, sizeof(*a->placed));
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

/* The prefix of the file's resource names on the pack's page. */
#define ATTACH_PREFIX	"BgA"

/* The file's page n (1-based): its content, resources and group. */
static int
page_content(struct merge *g, struct attached *a, int n, double box[4],
    int *rot, struct buf *out, qpdf_oh *res, qpdf_oh *group)
{
	qpdf_data q = a->q;
	qpdf_oh	 page;
	unsigned char *content = NULL;
	size_t	 clen = 0;

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
		return failed(g, q, a->path);
	}
	buf_put(out, content, clen);
	free(content);
	*res = qpdf_oh_get_key(q, page, "/Resources");
	*group = qpdf_oh_get_key(q, page, "/Group");
	return 1;
}

/* The parent tree's array of pack page i (indexed by MCID), or 0. */
static qpdf_oh
page_parents(qpdf_data p, size_t i)
{
	qpdf_oh	 root, nums, sp, k;
	int	 j, n;

	sp = qpdf_oh_get_key(p, qpdf_get_page_n(p, i), "/StructParents");
	root = qpdf_oh_get_key(p, qpdf_get_root(p), "/StructTreeRoot");
	nums = qpdf_oh_get_key(p, qpdf_oh_get_key(p, root, "/ParentTree"),
	    "/Nums");
	if (!qpdf_oh_is_integer(p, sp) || !qpdf_oh_is_array(p, nums))
		return 0;
	n = qpdf_oh_get_array_n_items(p, nums);
	for (j = 0; j + 1 < n; j += 2) {
		k = qpdf_oh_get_array_item(p, nums, j);
		if (qpdf_oh_is_integer(p, k) && qpdf_oh_get_int_value(p, k) ==
		    qpdf_oh_get_int_value(p, sp) && qpdf_oh_is_array(p,
		    k = qpdf_oh_get_array_item(p, nums, j + 1)))
			return k;
	}
	return 0;
}

/* The keys of a dictionary (qpdf has one cursor over them). */
static char **
dict_keys(qpdf_data q, qpdf_oh d, size_t *n)
{
	char	**keys = NULL;

	*n = 0;
	qpdf_oh_begin_dict_key_iter(q, d);
	while (qpdf_oh_dict_more_keys(q)) {
		keys = xrealloc(keys, (*n + 1) * sizeof(*keys));
		keys[(*n)++] = xstrdup(qpdf_oh_dict_next_key(q));
	}
	return keys;
}

static void
keys_free(char **keys, size_t n)
{
	while (n > 0)
		free(keys[--n]);
	free(keys);
}

/*
 * The file page's resources copied into the pack (qpdf brings the
 * fonts, images and forms along) and added to the pack page's under
 * their names with the prefix graft.c put in the content.  A property
 * list with an MCID gets the MCID the content's others got; a form of
 * the file's own loses its /StructParents, which numbered the file's
 * parent tree, not the pack's.
 */
static int
merge_resources(struct merge *g, struct attached *a, qpdf_oh fres,
    size_t i, const char *prefix, int base)
{
	qpdf_data p = g->pack, q = a->q;
	qpdf_oh	 page, pres, cp, cat, dst, v, nv;
	char	**cats, **keys, name[512];
	size_t	 ncats, nkeys, c, k, j, nsub;
	char	**sub;

	if (!qpdf_oh_is_dictionary(q, fres))
		return 1;
	if (!qpdf_oh_is_indirect(q, fres))
		fres = qpdf_make_indirect_object(q, fres);
	cp = qpdf_oh_copy_foreign_object(p, q, fres);
	if (qpdf_has_error(p))
		return failed(g, p, a->path);
	page = qpdf_get_page_n(p, i);
	pres = qpdf_oh_get_key(p, page, "/Resources");
	if (!qpdf_oh_is_dictionary(p, pres)) {
		pres = qpdf_oh_new_dictionary(p);
		qpdf_oh_replace_key(p, page, "/Resources", pres);
		pres = qpdf_oh_get_key(p, page, "/Resources");
	}
	cats = dict_keys(p, cp, &ncats);
	for (c = 0; c < ncats; c++) {
		cat = qpdf_oh_get_key(p, cp, cats[c]);
		if (strcmp(cats[c], "/ProcSet") == 0 ||
		    !qpdf_oh_is_dictionary(p, cat))
			continue;
		dst = qpdf_oh_get_key(p, pres, cats[c]);
		if (!qpdf_oh_is_dictionary(p, dst)) {
			qpdf_oh_replace_key(p, pres, cats[c],
			    qpdf_oh_new_dictionary(p));
			dst = qpdf_oh_get_key(p, pres, cats[c]);
		}
		keys = dict_keys(p, cat, &nkeys);
		for (k = 0; k < nkeys; k++) {
			if (snprintf(name, sizeof(name), "/%s%s",
			    prefix, keys[k] + 1) >= (int)sizeof(name))
				continue;	/* no content names it */
			v = qpdf_oh_get_key(p, cat, keys[k]);
			if (strcmp(cats[c], "/Properties") == 0 &&
			    qpdf_oh_is_dictionary(p, v) && qpdf_oh_is_integer(p,
			    qpdf_oh_get_key(p, v, "/MCID"))) {
				nv = qpdf_oh_new_dictionary(p);
				sub = dict_keys(p, v, &nsub);
				for (j = 0; j < nsub; j++)
					qpdf_oh_replace_key(p, nv, sub[j],
					    qpdf_oh_get_key(p, v, sub[j]));
				keys_free(sub, nsub);
				qpdf_oh_replace_key(p, nv, "/MCID",
				    qpdf_oh_new_integer(p, base +
				    qpdf_oh_get_int_value(p,
				    qpdf_oh_get_key(p, v, "/MCID"))));
				v = nv;
			}
			if (strcmp(cats[c], "/XObject") == 0 &&
			    qpdf_oh_is_stream(p, v))
				qpdf_oh_remove_key(p, qpdf_oh_get_dict(p, v),
				    "/StructParents");
			qpdf_oh_replace_key(p, dst, name, v);
		}
		keys_free(keys, nkeys);
	}
	keys_free(cats, ncats);
	if (qpdf_has_error(p))
		return failed(g, p, a->path);
	return 1;
}

/*
 * The forms of a file with text and no tags, drawn in place of their
 * Do: retag.c sees only the content it is given, and text in a form
 * would stay inside a layout artifact, never read.  Each form's
 * resource names get a prefix of their own; forms in forms too, four
 * deep, up to 16 MiB of content a page.
 */
#define EXPAND_MAX_DEPTH	4
#define EXPAND_MAX_BYTES	(16u * 1024u * 1024u)

struct expand {
	struct merge	*g;
	struct attached	*a;
	qpdf_oh		 res;		/* where the names are looked up */
	const char	*prefix;	/* and the prefix they got */
	size_t		 page;		/* the pack's */
	int		 depth;
	int		*nforms;	/* drawn so far on the page */
	size_t		*bytes;
	/* A tagged file: only forms with marked content of their own are
	 * drawn in place, their MCIDs after the page's. */
	struct placed	*pl;
	int		*next;		/* the next MCID free, the file's */
};

/* A name as written (#xx escapes) as qpdf keeps it, with its '/'. */
static bool
name_key(const char *name, size_t len, char *key, size_t size)
{
	size_t	 i, n = 0;
	int	 hi, lo;

	if (size < 2)
		return false;
	key[n++] = '/';
	for (i = 0; i < len; i++) {
		if (n + 1 >= size)
			return false;
		if (name[i] == '#' && i + 2 < len &&
		    (hi = pdflex_hexdigit((unsigned char)name[i + 1])) >= 0 &&
		    (lo = pdflex_hexdigit((unsigned char)name[i + 2])) >= 0) {
			key[n++] = (char)(hi << 4 | lo);
			i += 2;
		} else
			key[n++] = name[i];
	}
	key[n] = '\0';
	return strlen(key) == n;
}

static bool
numbers(qpdf_data q, qpdf_oh arr, double *v, int n)
{
	int	 i;

	if (!qpdf_oh_is_array(q, arr) || qpdf_oh_get_array_n_items(q, arr) !=
	    n)
		return false;
	for (i = 0; i < n; i++) {
		qpdf_oh	 o = qpdf_oh_get_array_item(q, arr, i);

		if (!qpdf_oh_is_number(q, o))
			return false;
		v[i] = qpdf_oh_get_numeric_value(q, o);
	}
	return true;
}

static int
expand_form(void *ctx, const char *name, size_t len, struct buf *out)
{
	struct expand *x = ctx, in = *x;
	qpdf_data q = x->a->q;
	qpdf_oh	 f, fd, fres;
	unsigned char *data = NULL;
	size_t	 dlen = 0;
	char	 key[256], prefix[32];
	double	 m[6] = { 1, 0, 0, 1, 0, 0 }, b[4];
	struct pdf_graft how = { NULL, 0, false, expand_form, &in, NULL };
	int	 ok, id = 0, j, base = 0;

	if (!name_key(name, len, key, sizeof(key)))
		return 0;
	f = qpdf_oh_get_key(q, qpdf_oh_get_key(q, x->res, "/XObject"), key);
	if (!qpdf_oh_is_stream(q, f))
		return 0;
	fd = qpdf_oh_get_dict(q, f);
	if (!qpdf_oh_is_name_and_equals(q, qpdf_oh_get_key(q, fd, "/Subtype"),
	    "/Form"))
		return 0;
	if (x->depth >= EXPAND_MAX_DEPTH) {
		x->a->cut = x->a->cut ? x->a->cut : (int)x->page + 1;
		return 0;
	}
	if (x->pl != NULL) {
		/* Drawn once at most, as /StructParents allows. */
		if (!qpdf_oh_has_key(q, fd, "/StructParents") ||
		    (id = qpdf_oh_get_object_id(q, f)) == 0)
			return 0;
		for (j = 0; j < x->pl->nforms; j++)
			if (x->pl->forms[j].id == id)
				return 0;
		base = *x->next;
		how.keep_mc = true;
		how.mcid_base = x->pl->base + base;
		how.mcids = &x->pl->kept;
	}
	if (qpdf_oh_get_stream_data(q, f, qpdf_dl_generalized, NULL, &data,
	    &dlen) & QPDF_ERRORS) {
		free(data);
		return 0;	/* drawn as it is */
	}
	if (dlen > EXPAND_MAX_BYTES - *x->bytes) {
		free(data);
		x->a->cut = x->a->cut ? x->a->cut : (int)x->page + 1;
		return 0;
	}
	*x->bytes += dlen;
	fres = qpdf_oh_get_key(q, fd, "/Resources");
	if (qpdf_oh_is_dictionary(q, fres)) {
		/* Apart from the page's names (BgA...) and each other's:
		 * the number ends at the '_'. */
		snprintf(prefix, sizeof(prefix), "BgF%d_", ++*x->nforms);
		in.res = fres;
		in.prefix = prefix;
	}
	in.depth++;
	how.prefix = in.prefix;
	numbers(q, qpdf_oh_get_key(q, fd, "/Matrix"), m, 6);
	buf_printf(out, "\nq %.6g %.6g %.6g %.6g %.6g %.6g cm\n", m[0], m[1],
	    m[2], m[3], m[4], m[5]);
	if (numbers(q, qpdf_oh_get_key(q, fd, "/BBox"), b, 4))
		buf_printf(out, "%.6g %.6g %.6g %.6g re W n\n", fmin(b[0], b[2]),
		    fmin(b[1], b[3]), fabs(b[2] - b[0]), fabs(b[3] - b[1]));
	ok = (j = pdf_graft_content(data, dlen, &how, out)) >= 0;
	free(data);
	buf_puts(out, "Q\n");
	if (!ok)
		return -1;
	if (x->pl != NULL) {
		x->pl->forms = xrealloc(x->pl->forms, (size_t)(x->pl->nforms +
		    1) * sizeof(*x->pl->forms));
		x->pl->forms[x->pl->nforms].id = id;
		x->pl->forms[x->pl->nforms++].base = base;
		if (j > PDF_GRAFT_MAX_MCID - *x->next)
			return -1;
		*x->next += j;
	}
	if (in.res != x->res && !merge_resources(x->g, x->a, in.res, x->page,
	    in.prefix, x->pl != NULL ? x->pl->base + base : 0))
		return -1;
	return 1;
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

void
pdf_attach_place(const struct pdf_writer *wr, size_t i, double w, double h,
    double *s, double *tx, double *ty)
{
	const struct page *pg = &wr->pages->v[i];

	page_style_place(wr->doc->parts[pg->part].page, pg->width, pg->height,
	    w, h, s, tx, ty);
}

/*
 * Draws the file's page first on pack page i, inside the stamp margin
 * and clipped to the box the file shows, as part of the page's own
 * content (graft.c): its marked content (its tags, or those retag.c
 * gave it) numbered after the page's MCIDs.  A scan is the content of
 * its Figure; in a pack without tags, the page is an artifact.
 */
static int
attach_page(struct merge *g, size_t i)
{
	const struct page *pg = &g->w->pages->v[i];
	struct attached *a;
	struct placed *pl;
	qpdf_data p = g->pack;
	qpdf_oh	 page, contents, arr, pre, fres, group, parr;
	struct buf in = { 0 }, ops = { 0 };
	struct pdf_graft how = { ATTACH_PREFIX, 0, false, NULL, NULL, NULL };
	double	 box[4], w, h, s, tx, ty, sm[6], t[6] = { 0 };
	int	 rot, n, k, ok = 0, next = 0, nforms = 0;
	size_t	 bytes = 0;
	struct expand tx_;
	bool	 scan;

	if ((a = file_of(g, pg->external,
	    &g->w->doc->parts[pg->part].external)) == NULL)
		return 0;
	if (pg->external_page < 1 || pg->external_page > a->npages) {
		diag(DIAG_ERROR, g->w->path, 0, 0, "cannot write PDF: \"%s\" "
		    "has no page %d any more: was the file changed while the "
		    "pack was made?", a->path, pg->external_page);
		return 0;
	}
	pl = &a->placed[pg->external_page - 1];
	if (!page_content(g, a, pg->external_page, box, &rot, &in, &fres,
	    &group))
		goto out;
	w = rot % 180 ? box[3] - box[1] : box[2] - box[0];
	h = rot % 180 ? box[2] - box[0] : box[3] - box[1];
	pdf_attach_place(g->w, i, w, h, &s, &tx, &ty);
	scan = g->tagged && g->w->ext[i].scan_mcid >= 0;
	how.keep_mc = g->tagged && !scan;
	if (how.keep_mc) {
		if ((parr = page_parents(p, i)) == 0) {
			diag(DIAG_ERROR, g->w->path, 0, 0, "cannot write PDF: "
			    "page %zu of the saved pack has no parent tree "
			    "entry", i + 1);
			goto out;
		}
		how.mcid_base = qpdf_oh_get_array_n_items(p, parr);
	}
	if (scan)
		buf_printf(&ops, "/Figure <</MCID %d>> BDC\n",
		    g->w->ext[i].scan_mcid);
	else if (!g->tagged)
		buf_puts(&ops, "/Artifact <</Type /Layout>> BDC\n");
	shown_matrix(box, rot, sm);
	buf_printf(&ops, "q %.5f 0 0 %.5f %.4f %.4f cm %.4f %.4f %.4f %.4f "
	    "%.4f %.4f cm %.4f %.4f %.4f %.4f re W n\n", s, s, tx, ty, sm[0],
	    sm[1], sm[2], sm[3], sm[4], sm[5], box[0], box[1],
	    box[2] - box[0], box[3] - box[1]);
	if (g->tagged && a->doc != NULL && a->doc->text &&
	    !a->doc->tagged) {
		/* Text with no tags: its forms drawn in place, then its
		 * text tagged (retag.c), then numbered after the page's. */
		struct buf flat = { 0 }, tagged = { 0 };
		struct expand x = { g, a, fres, ATTACH_PREFIX, i, 0, &nforms,
		    &bytes, NULL, NULL };
		struct pdf_graft open = { ATTACH_PREFIX, 0, false, expand_form,
		    &x, NULL };

		free(pl->para);
		pl->para = NULL;
		if (pdf_graft_content((const unsigned char *)in.data, in.len,
		    &open, &flat) < 0 || pdf_retag_text((const unsigned char *)
		    flat.data, flat.len, &tagged, &pl->para, &pl->nmcids) < 0) {
			buf_free(&flat);
			buf_free(&tagged);
			diag(DIAG_ERROR, g->w->path, 0, 0, "cannot write PDF: "
			    "page %d of \"%s\" cannot be tagged: more than "
			    "100000 lines of text, or marked content nested "
			    "over 256 deep", pg->external_page, a->path);
			goto out;
		}
		buf_free(&flat);
		buf_free(&in);
		in = tagged;
		how.prefix = "";	/* named already */
	}	pl->base = how.mcid_base;
	pl->nforms = 0;
	if (how.keep_mc && a->doc != NULL && a->doc->tagged) {
		struct buf dry = { 0 };
		struct pdf_graft own = { "", 0, true, NULL, NULL, NULL };

		/* Its forms' MCIDs follow the page's own. */
		next = pdf_graft_content((const unsigned char *)in.data, in.len,
		    &own, &dry);
		buf_free(&dry);
		tx_ = (struct expand){ g, a, fres, ATTACH_PREFIX, i, 0,
		    &nforms, &bytes, pl, &next };
		buf_reset(&pl->kept);
		how.mcids = &pl->kept;
		how.form = expand_form;
		how.ctx = &tx_;
	}
	if (next < 0 || pdf_graft_content((const unsigned char *)in.data,
	    in.len, &how, &ops) < 0) {
		diag(DIAG_ERROR, g->w->path, 0, 0, "cannot write PDF: page %d "
		    "of \"%s\" has an MCID that is not a whole number up to "
		    "%d, or marked content nested over 256 deep",
		    pg->external_page, a->path, PDF_GRAFT_MAX_MCID);
		goto out;
	}
	buf_puts(&ops, "Q\n");
	if (scan || !g->tagged)
		buf_puts(&ops, "EMC\n");
	if (a->cut > 0) {
		diag(DIAG_WARNING, a->path, 0, 0, "page %d draws forms nested "
		    "over %d deep, or over %u MiB of them: their text is not "
		    "tagged, and a screen reader cannot read it",
		    pg->external_page, EXPAND_MAX_DEPTH, EXPAND_MAX_BYTES >> 20);
		a->cut = -1;	/* once a file */
	}

	pl->done = true;
	pl->page = i;
	a->part_obj = g->tagged ? g->w->ext[i].part_obj : 0;
	t[0] = t[3] = s;
	t[4] = tx;
	t[5] = ty;
	pdf_mat_mul(sm, t, pl->m);

	if (!merge_resources(g, a, fres, i, ATTACH_PREFIX, how.mcid_base))
		goto out;
	page = qpdf_get_page_n(p, i);
	if (qpdf_oh_is_dictionary(a->q, group) &&
	    !qpdf_oh_has_key(p, page, "/Group")) {
		if (!qpdf_oh_is_indirect(a->q, group))
			group = qpdf_make_indirect_object(a->q, group);
		qpdf_oh_replace_key(p, page, "/Group",
		    qpdf_oh_copy_foreign_object(p, a->q, group));
	}
	pre = qpdf_oh_new_stream(p);
	if (!deflate_into(p, pre, (const unsigned char *)ops.data, ops.len)) {
		diag(DIAG_ERROR, g->w->path, 0, 0, "cannot write PDF: cannot "
		    "compress page %d of \"%s\"", pg->external_page, a->path);
		goto out;
	}
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
	if (qpdf_has_error(p) || qpdf_has_error(a->q)) {
		failed(g, qpdf_has_error(p) ? p : a->q, a->path);
		goto out;
	}
	ok = 1;
out:
	buf_free(&in);
	buf_free(&ops);
	return ok;
}

/* ------------------------------------------------------------------ */
/* The structure of an attached file, in its Part of the pack's tree. */

/* The element of MCID m of a placed page: the parent tree's entry. */
static void
set_elem(struct placed *pl, int m, qpdf_oh e)
{
	if (m >= pl->nelems) {
		pl->elems = xrealloc(pl->elems, (size_t)(m + 1) *
		    sizeof(*pl->elems));
		memset(pl->elems + pl->nelems, 0, (size_t)(m + 1 -
		    pl->nelems) * sizeof(*pl->elems));
		pl->nelems = m + 1;
	}
	pl->elems[m] = e;
}

/* A marked-content reference to the file's MCID m of a placed page:
 * in the pack page's content, numbered after the page's own. */
static qpdf_oh
mcr(qpdf_data p, const struct placed *pl, int m)
{
	qpdf_oh	 d = qpdf_oh_new_dictionary(p);

	qpdf_oh_replace_key(p, d, "/Type", qpdf_oh_new_name(p, "/MCR"));
	qpdf_oh_replace_key(p, d, "/Pg", qpdf_get_page_n(p, pl->page));
	qpdf_oh_replace_key(p, d, "/MCID", qpdf_oh_new_integer(p, pl->base +
	    m));
	return d;
}

/* The Part's kids array, made if it has none. */
static qpdf_oh
part_kids(struct merge *g, struct attached *a, qpdf_oh *part)
{
	qpdf_data p = g->pack;
	qpdf_oh	 k, arr;

	*part = qpdf_get_object_by_id(p, (int)a->part_obj, 0);
	k = qpdf_oh_get_key(p, *part, "/K");
	if (qpdf_oh_is_array(p, k))
		return k;
	arr = qpdf_oh_new_array(p);
	if (qpdf_oh_is_dictionary(p, k) || qpdf_oh_is_integer(p, k))
		qpdf_oh_append_item(p, arr, k);
	qpdf_oh_replace_key(p, *part, "/K", arr);
	return qpdf_oh_get_key(p, *part, "/K");
}

/* Text with no tags: a P for each paragraph retag.c found. */
static void
text_elems(struct merge *g, struct attached *a)
{
	qpdf_data p = g->pack;
	qpdf_oh	 part, kids, *paras, e;
	int	 n, m, j, np;

	kids = part_kids(g, a, &part);
	for (n = 0; n < a->npages; n++) {
		struct placed *pl = &a->placed[n];

		if (!pl->done || pl->nmcids == 0)
			continue;
		np = pl->para[pl->nmcids - 1] + 1;
		paras = xcalloc((size_t)np, sizeof(*paras));
		for (m = 0; m < pl->nmcids; m++) {
			j = pl->para[m];
			if (j < 0 || j >= np)
				continue;
			if (paras[j] == 0) {
				e = qpdf_oh_new_dictionary(p);
				qpdf_oh_replace_key(p, e, "/S",
				    qpdf_oh_new_name(p, "/P"));
				qpdf_oh_replace_key(p, e, "/P", part);
				qpdf_oh_replace_key(p, e, "/Pg",
				    qpdf_get_page_n(p, pl->page));
				qpdf_oh_replace_key(p, e, "/K",
				    qpdf_oh_new_array(p));
				paras[j] = qpdf_make_indirect_object(p, e);
				qpdf_oh_append_item(p, kids, paras[j]);
			}
			qpdf_oh_append_item(p, qpdf_oh_get_key(p, paras[j],
			    "/K"), mcr(p, pl, m));
			set_elem(pl, m, paras[j]);
		}
		free(paras);
	}
}

/* A direct copy in the pack of a value of the file (attributes,
 * strings): no references to the file's objects come along. */
static qpdf_oh
clone(qpdf_data p, qpdf_data q, qpdf_oh v, int depth)
{
	qpdf_oh	 r;
	const char *s;
	size_t	 len, n, i;
	char	**keys = NULL;
	int	 k;

	if (depth > 8)
		return qpdf_oh_new_null(p);
	if (qpdf_oh_is_bool(q, v))
		return qpdf_oh_new_bool(p, qpdf_oh_get_bool_value(q, v));
	if (qpdf_oh_is_integer(q, v))
		return qpdf_oh_new_integer(p, qpdf_oh_get_int_value(q, v));
	if (qpdf_oh_is_real(q, v))
		return qpdf_oh_new_real_from_string(p,
		    qpdf_oh_get_real_value(q, v));
	if (qpdf_oh_is_name(q, v))
		return qpdf_oh_new_name(p, qpdf_oh_get_name(q, v));
	if (qpdf_oh_is_string(q, v)) {
		s = qpdf_oh_get_binary_string_value(q, v, &len);
		return qpdf_oh_new_binary_string(p, s, len);
	}
	if (qpdf_oh_is_array(q, v)) {
		r = qpdf_oh_new_array(p);
		n = (size_t)qpdf_oh_get_array_n_items(q, v);
		for (k = 0; k < (int)n && k < 64; k++)
			qpdf_oh_append_item(p, r, clone(p, q,
			    qpdf_oh_get_array_item(q, v, k), depth + 1));
		return r;
	}
	if (qpdf_oh_is_dictionary(q, v) && !qpdf_oh_is_stream(q, v)) {
		r = qpdf_oh_new_dictionary(p);
		keys = dict_keys(q, v, &n);
		for (i = 0; i < n && i < 64; i++)
			qpdf_oh_replace_key(p, r, keys[i], clone(p, q,
			    qpdf_oh_get_key(q, v, keys[i]), depth + 1));
		keys_free(keys, n);
		return r;
	}
	return qpdf_oh_new_null(p);
}

/* An attribute's /BBox, from the file's page to the pack's. */
static void
move_bbox(qpdf_data p, qpdf_oh attr, const double m[6])
{
	qpdf_oh	 b = qpdf_oh_get_key(p, attr, "/BBox");
	double	 v[4], x, y, r[4] = { 0 };
	int	 i;

	if (!qpdf_oh_is_array(p, b) || qpdf_oh_get_array_n_items(p, b) != 4)
		return;
	for (i = 0; i < 4; i++) {
		qpdf_oh	 o = qpdf_oh_get_array_item(p, b, i);

		if (!qpdf_oh_is_number(p, o))
			return;
		v[i] = qpdf_oh_get_numeric_value(p, o);
	}
	for (i = 0; i < 4; i++) {
		x = v[i & 1 ? 2 : 0];
		y = v[i & 2 ? 3 : 1];
		x = m[0] * x + m[2] * y + m[4];
		y = m[1] * v[i & 1 ? 2 : 0] + m[3] * v[i & 2 ? 3 : 1] + m[5];
		if (i == 0 || x < r[0])
			r[0] = x;
		if (i == 0 || y < r[1])
			r[1] = y;
		if (i == 0 || x > r[2])
			r[2] = x;
		if (i == 0 || y > r[3])
			r[3] = y;
	}
	qpdf_oh_replace_key(p, attr, "/BBox", number_array(p, r, 4));
}

/* The file's page of a /Pg: its index, or -1. */
static int
page_index(struct attached *a, qpdf_oh pg)
{
	int	 n;

	if (!qpdf_oh_is_indirect(a->q, pg))
		return -1;
	n = qpdf_find_page_by_id(a->q, qpdf_oh_get_object_id(a->q, pg),
	    qpdf_oh_get_generation(a->q, pg));
	return n >= 0 && n < a->npages && a->placed[n].done ? n : -1;
}

/* The type of an element of the file: its name, unless the pack's role
 * map maps that name otherwise (then what the file's maps it to). */
static const char *
role(struct merge *g, struct attached *a, qpdf_oh rmap, const char *s)
{
	qpdf_data p = g->pack, q = a->q;
	qpdf_oh	 root, prm, mine, theirs;

	mine = qpdf_oh_is_dictionary(q, rmap) ? qpdf_oh_get_key(q, rmap, s) :
	    qpdf_oh_new_null(q);
	if (!qpdf_oh_is_name(q, mine))
		return s;
	root = qpdf_oh_get_key(p, qpdf_get_root(p), "/StructTreeRoot");
	prm = qpdf_oh_get_key(p, root, "/RoleMap");
	if (!qpdf_oh_is_dictionary(p, prm)) {
		qpdf_oh_replace_key(p, root, "/RoleMap",
		    qpdf_oh_new_dictionary(p));
		prm = qpdf_oh_get_key(p, root, "/RoleMap");
	}
	theirs = qpdf_oh_get_key(p, prm, s);
	if (!qpdf_oh_is_name(p, theirs)) {
		qpdf_oh_replace_key(p, prm, s, qpdf_oh_new_name(p,
		    qpdf_oh_get_name(q, mine)));
		return s;
	}
	if (strcmp(qpdf_oh_get_name(p, theirs), qpdf_oh_get_name(q, mine)) ==
	    0)
		return s;
	return qpdf_oh_get_name(q, mine);
}

/* A marked-content kid (MCID m of the file's page n) of element e. */
static void
carry_mcid(struct merge *g, struct attached *a, qpdf_oh kids, qpdf_oh e,
    int n, long long m)
{
	if (n < 0 || m < 0 || m > CARRY_MAX_MCID)
		return;
	qpdf_oh_append_item(g->pack, kids, mcr(g->pack, &a->placed[n],
	    (int)m));
	set_elem(&a->placed[n], (int)m, e);
}

/* Where the MCIDs of form stm (of the file) start on page n, or -1 if
 * it was not drawn in place there. */
static int
form_base(struct attached *a, int n, qpdf_oh stm)
{
	int	 id, j;

	if (n < 0 || !qpdf_oh_is_indirect(a->q, stm))
		return -1;
	id = qpdf_oh_get_object_id(a->q, stm);
	for (j = 0; j < a->placed[n].nforms; j++)
		if (a->placed[n].forms[j].id == id)
			return a->placed[n].forms[j].base;
	return -1;
}

static const char *const carried_text[] = {
	"/Alt", "/ActualText", "/E", "/Lang", "/T"
};

/*
 * One element of the file and those below it, made anew in the pack
 * under parent: its type, texts and attributes (a /BBox moved to where
 * the page is drawn), its marked content as MCRs into the form of its
 * page.  Annotations (OBJR) and /ID are not carried.
 */
static qpdf_oh
carry_elem(struct merge *g, struct attached *a, qpdf_oh rmap, qpdf_oh e,
    qpdf_oh parent, int pg, int depth)
{
	qpdf_data p = g->pack, q = a->q;
	qpdf_oh	 ne, s, v, k, kid, kids, ty, attr;
	size_t	 i;
	int	 n, j, kpg, fb;

	if (depth > CARRY_MAX_DEPTH || a->nelems >= CARRY_MAX_ELEMS ||
	    !qpdf_oh_is_dictionary(q, e) ||
	    !qpdf_oh_is_name(q, s = qpdf_oh_get_key(q, e, "/S")))
		return 0;
	/* An element is read once: a loop is not followed, a shared
	 * element not copied (its MCIDs would be read twice). */
	if (qpdf_oh_is_indirect(q, e) && idset_add(&a->seen,
	    qpdf_oh_get_object_id(q, e)))
		return 0;
	a->nelems++;
	ne = qpdf_make_indirect_object(p, qpdf_oh_new_dictionary(p));
	qpdf_oh_replace_key(p, ne, "/S", qpdf_oh_new_name(p, role(g, a, rmap,
	    qpdf_oh_get_name(q, s))));
	qpdf_oh_replace_key(p, ne, "/P", parent);
	if ((j = page_index(a, qpdf_oh_get_key(q, e, "/Pg"))) >= 0)
		pg = j;
	if (pg >= 0)
		qpdf_oh_replace_key(p, ne, "/Pg", qpdf_get_page_n(p,
		    a->placed[pg].page));
	for (i = 0; i < sizeof(carried_text) / sizeof(*carried_text); i++)
		if (qpdf_oh_is_string(q, v = qpdf_oh_get_key(q, e,
		    carried_text[i])))
			qpdf_oh_replace_key(p, ne, carried_text[i],
			    clone(p, q, v, 0));
	if (qpdf_oh_has_key(q, e, "/A")) {
		attr = clone(p, q, qpdf_oh_get_key(q, e, "/A"), 0);
		if (pg >= 0 && qpdf_oh_is_dictionary(p, attr))
			move_bbox(p, attr, a->placed[pg].m);
		else if (pg >= 0 && qpdf_oh_is_array(p, attr))
			for (j = 0; j < qpdf_oh_get_array_n_items(p, attr);
			    j++)
				if (qpdf_oh_is_dictionary(p,
				    qpdf_oh_get_array_item(p, attr, j)))
					move_bbox(p, qpdf_oh_get_array_item(p,
					    attr, j), a->placed[pg].m);
		qpdf_oh_replace_key(p, ne, "/A", attr);
	}
	kids = qpdf_oh_new_array(p);
	k = qpdf_oh_get_key(q, e, "/K");
	n = qpdf_oh_is_array(q, k) ? qpdf_oh_get_array_n_items(q, k) : 1;
	for (j = 0; j < n; j++) {
		kid = qpdf_oh_is_array(q, k) ? qpdf_oh_get_array_item(q, k, j) :
		    k;
		if (qpdf_oh_is_integer(q, kid)) {
			carry_mcid(g, a, kids, ne, pg,
			    qpdf_oh_get_int_value(q, kid));
			continue;
		}
		if (!qpdf_oh_is_dictionary(q, kid))
			continue;
		ty = qpdf_oh_get_key(q, kid, "/Type");
		if (qpdf_oh_is_name_and_equals(q, ty, "/MCR")) {
			kpg = qpdf_oh_has_key(q, kid, "/Pg") ? page_index(a,
			    qpdf_oh_get_key(q, kid, "/Pg")) : pg;
			if (!qpdf_oh_is_integer(q, v = qpdf_oh_get_key(q, kid,
			    "/MCID")))
				continue;
			if (!qpdf_oh_has_key(q, kid, "/Stm"))
				carry_mcid(g, a, kids, ne, kpg,
				    qpdf_oh_get_int_value(q, v));
			else if ((fb = form_base(a, kpg, qpdf_oh_get_key(q,
			    kid, "/Stm"))) >= 0)
				/* In a form drawn in place. */
				carry_mcid(g, a, kids, ne, kpg, fb +
				    qpdf_oh_get_int_value(q, v));
		} else if (!qpdf_oh_is_name_and_equals(q, ty, "/OBJR") &&
		    (v = carry_elem(g, a, rmap, kid, ne, pg, depth + 1)) != 0)
			qpdf_oh_append_item(p, kids, v);
	}
	qpdf_oh_replace_key(p, ne, "/K", kids);
	return ne;
}

/*
 * Marked content of a tagged file that no element of its tree holds:
 * an element each, of the type its tag names, at the end of the Part,
 * so that nothing it shows is out of reach (its producer may have
 * meant an artifact; the text is kept rather than hidden).
 */
static void
orphans(struct merge *g, struct attached *a, qpdf_oh rmap)
{
	qpdf_data p = g->pack;
	qpdf_oh	 part, kids, e;
	const struct pdf_graft_mcid *r;
	char	 key[80];
	size_t	 k, n;
	int	 pg, m;

	kids = part_kids(g, a, &part);
	for (pg = 0; pg < a->npages; pg++) {
		struct placed *pl = &a->placed[pg];

		if (!pl->done)
			continue;
		n = pl->kept.len / sizeof(*r);
		for (k = 0; k < n; k++) {
			r = (const struct pdf_graft_mcid *)pl->kept.data + k;
			m = r->mcid - pl->base;
			if (m < 0 || (m < pl->nelems && pl->elems[m] != 0))
				continue;
			if (!name_key(r->tag, strlen(r->tag), key,
			    sizeof(key)) || strlen(key) < 2)
				snprintf(key, sizeof(key), "/Span");
			e = qpdf_oh_new_dictionary(p);
			qpdf_oh_replace_key(p, e, "/S", qpdf_oh_new_name(p,
			    role(g, a, rmap, key)));
			qpdf_oh_replace_key(p, e, "/P", part);
			qpdf_oh_replace_key(p, e, "/Pg", qpdf_get_page_n(p,
			    pl->page));
			qpdf_oh_replace_key(p, e, "/K", qpdf_oh_new_array(p));
			e = qpdf_make_indirect_object(p, e);
			qpdf_oh_append_item(p, qpdf_oh_get_key(p, e, "/K"),
			    mcr(p, pl, m));
			qpdf_oh_append_item(p, kids, e);
			set_elem(pl, m, e);
		}
	}
}

/* A tagged file: its structure tree under its Part (a Document at its
 * top is the Part itself, and gives the Part its /Lang). */
static int
carry_tree(struct merge *g, struct attached *a)
{
	qpdf_data p = g->pack, q = a->q;
	qpdf_oh	 root, rmap, top, k, kid, part, kids, v, lang;
	int	 n, j;

	root = qpdf_oh_get_key(q, qpdf_get_root(q), "/StructTreeRoot");
	rmap = qpdf_oh_get_key(q, root, "/RoleMap");
	lang = qpdf_oh_get_key(q, qpdf_get_root(q), "/Lang");
	kids = part_kids(g, a, &part);
	top = qpdf_oh_get_key(q, root, "/K");
	if (qpdf_oh_is_array(q, top) && qpdf_oh_get_array_n_items(q, top) == 1)
		top = qpdf_oh_get_array_item(q, top, 0);
	if (qpdf_oh_is_dictionary(q, top) && qpdf_oh_is_name(q,
	    v = qpdf_oh_get_key(q, top, "/S")) && strcmp(role(g, a, rmap,
	    qpdf_oh_get_name(q, v)), "/Document") == 0) {
		if (qpdf_oh_is_string(q, qpdf_oh_get_key(q, top, "/Lang")))
			lang = qpdf_oh_get_key(q, top, "/Lang");
		/* The Part stands for it: a loop back to it ends there. */
		if (qpdf_oh_is_indirect(q, top))
			(void)idset_add(&a->seen, qpdf_oh_get_object_id(q,
			    top));
		top = qpdf_oh_get_key(q, top, "/K");
	}
	if (qpdf_oh_is_string(q, lang))
		qpdf_oh_replace_key(p, part, "/Lang", clone(p, q, lang, 0));
	n = qpdf_oh_is_array(q, top) ? qpdf_oh_get_array_n_items(q, top) : 1;
	for (j = 0; j < n; j++) {
		kid = qpdf_oh_is_array(q, top) ? qpdf_oh_get_array_item(q, top,
		    j) : top;
		if ((k = carry_elem(g, a, rmap, kid, part, -1, 0)) != 0)
			qpdf_oh_append_item(p, kids, k);
	}
	if (a->nelems >= CARRY_MAX_ELEMS) {
		diag(DIAG_ERROR, g->w->path, 0, 0, "cannot write PDF: the "
		    "structure tree of \"%s\" has more than %d elements",
		    a->path, CARRY_MAX_ELEMS);
		return 0;
	}
	orphans(g, a, rmap);
	return 1;
}

/* The elements of the file's MCIDs in the parent tree's arrays of
 * their pages, after the pages' own. */
static int
page_parent_entries(struct merge *g, struct attached *a)
{
	qpdf_data p = g->pack;
	qpdf_oh	 arr;
	int	 n, m;

	for (n = 0; n < a->npages; n++) {
		struct placed *pl = &a->placed[n];

		if (!pl->done || pl->nelems == 0)
			continue;
		if ((arr = page_parents(p, pl->page)) == 0 ||
		    qpdf_oh_get_array_n_items(p, arr) != pl->base) {
			diag(DIAG_ERROR, g->w->path, 0, 0, "cannot write PDF: "
			    "the parent tree of page %zu of the saved pack "
			    "changed while \"%s\" was merged", pl->page + 1,
			    a->path);
			return 0;
		}
		for (m = 0; m < pl->nelems; m++)
			qpdf_oh_append_item(p, arr, pl->elems[m] != 0 ?
			    pl->elems[m] : qpdf_oh_new_null(p));
	}
	return 1;
}

/* The structure of one attached file (a scan's Figures are tags.c's). */
static int
file_structure(struct merge *g, struct attached *a)
{
	if (a->doc == NULL || a->part_obj == 0 || !a->doc->text)
		return 1;
	if (a->doc->tagged) {
		if (!carry_tree(g, a))
			return 0;
	} else
		text_elems(g, a);
	if (!page_parent_entries(g, a))
		return 0;
	if (qpdf_has_error(g->pack))
		return failed(g, g->pack, a->path);
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
	char	*out = NULL, *tmp = NULL;
	int	 ok = 0, written = 0, fd;

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
	g.tagged = w->ext != NULL && qpdf_oh_is_dictionary(g.pack,
	    qpdf_oh_get_key(g.pack, qpdf_get_root(g.pack),
	    "/StructTreeRoot"));
	for (i = 0; i < pages->n; i++)
		if (pages->v[i].external != NULL && !attach_page(&g, i))
			goto out;
	for (i = 0; i < g.nfiles && g.tagged; i++)
		if (!file_structure(&g, &g.files[i]))
			goto out;
	/* As written: no streams decoded or recompressed, no object
	 * streams (a classic trailer for the ID), qpdf's fixed ID for
	 * ours to replace. */
	qpdf_oh_remove_key(g.pack, qpdf_get_trailer(g.pack), "/ID");
	/* Written to a file beside the output and read back once qpdf and
	 * the files are freed: in memory the files, qpdf's buffer and our
	 * copy of it were held at once, three times their size. */
	if ((fd = temp_create(w->path, &tmp)) == -1)
		goto out;
	close(fd);
	if (qpdf_init_write(g.pack, tmp) & QPDF_ERRORS) {
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
	written = 1;
out:
	qpdf_cleanup(&g.pack);
	for (i = 0; i < g.nfiles; i++) {
		int	 k;

		qpdf_cleanup(&g.files[i].q);
		free(g.files[i].data);
		for (k = 0; k < g.files[i].npages && g.files[i].placed; k++) {
			free(g.files[i].placed[k].para);
			free(g.files[i].placed[k].elems);
			buf_free(&g.files[i].placed[k].kept);
			free(g.files[i].placed[k].forms);
		}
		free(g.files[i].placed);
		idset_free(&g.files[i].seen);
	}
	free(g.files);
	/* The pack was read from *data until now. */
	if (written) {
		free(*data);
		*data = NULL;
		if (file_read(tmp, SIZE_MAX - 1, &out, &n) &&
		    id_placeholder(&g, out, n)) {
			*data = out;
			*len = n;
			ok = 1;
		} else
			free(out);
	}
	if (tmp != NULL)
		temp_drop(tmp);
	return ok;
}

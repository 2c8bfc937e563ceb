/*
 * Fonts: TrueType faces embedded as Type0 fonts with Identity-H
 * encoding: a code is the character's Unicode BMP code point, so
 * content streams need no per-font encoding.  The objects are made here
 * from the one reading of the font (gen/font/ttf.c), not by libharu's TrueType
 * loader, which builds maps over all 65,536 codes for every face.
 *
 * Every code shown goes through pdf_face_use.  When the document is
 * finished, each font gets, from the codes actually shown:
 *   FontFile2    a subset font program of their glyphs, renumbered;
 *   CIDToGIDMap  code to new glyph number, up to the highest code;
 *   W            their widths, the values layout measured with;
 *   ToUnicode    code to the same code point, as bfranges.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pdf_private.h"
#include "../font/ttf.h"

static int
load(struct pdf_writer *w, int face)
{
	struct pdf_face *f = &w->faces[face];
	const char *file = w->doc->families[face / 4].file[face % 4];
	HPDF_Doc_Rec *d = w->pdf;
	struct ttf *t = xcalloc(1, sizeof(*t));
	size_t	 j;

	if (!ttf_load(t, file)) {
		free(t);
		return 0;
	}
	/* The same bytes under another name: one font. */
	for (j = 0; j < w->nfaces; j++)
		if ((int)j != face && w->faces[j].font != NULL &&
		    w->faces[j].ttf->len == t->len &&
		    memcmp(w->faces[j].ttf->data, t->data, t->len) == 0) {
			ttf_unload(t);
			free(t);
			f->canon = (int)j + 1;
			return 1;
		}
	f->ttf = t;
	if ((f->font = HPDF_Dict_New(d->mmgr)) == NULL ||
	    HPDF_Xref_Add(d->xref, f->font) != HPDF_OK ||
	    HPDF_Dict_AddName(f->font, "Type", "Font") != HPDF_OK ||
	    HPDF_Dict_AddName(f->font, "Subtype", "Type0") != HPDF_OK ||
	    HPDF_Dict_AddName(f->font, "Encoding", "Identity-H") != HPDF_OK) {
		f->font = NULL;
		return pdf_ok(w, "making a font") && 0;
	}
	f->used = xcalloc(0x10000 / 8, 1);
	f->lo = 0xffff;
	f->hi = 0;
	return 1;
}

/*
 * Returns the index of the face that holds face's font, loading it on
 * first use, or -1 after reporting.  Faces share one font when they
 * name the same file (a family without bold repeats its regular file)
 * or libharu returns the same font (same PostScript name): each font
 * must have one record of the codes shown.
 */
int
pdf_face_get(struct pdf_writer *w, int face)
{
	const struct doc *d = w->doc;
	const char *file;
	struct pdf_face *f;
	size_t	 j;
	int	 c;

	if (face < 0 || (size_t)face >= w->nfaces ||
	    d->families[face / 4].file[face % 4] == NULL) {
		diag(DIAG_ERROR, w->path, 0, 0, "cannot write PDF: text "
		    "uses font face %d, which the document does not define",
		    face);
		return -1;
	}
	f = &w->faces[face];
	if (f->canon == 0) {
		file = d->families[face / 4].file[face % 4];
		for (j = 0; j < (size_t)face; j++)
			if (d->families[j / 4].file[j % 4] != NULL &&
			    strcmp(d->families[j / 4].file[j % 4], file) == 0)
				break;
		f->canon = (int)j + 1;
		/* j is the first with this file: its own by path. */
		if (w->faces[j].canon == 0)
			w->faces[j].canon = (int)j + 1;
	}
	for (;;) {
		c = face;
		while (w->faces[c].canon - 1 != c)
			c = w->faces[c].canon - 1;
		f = &w->faces[c];
		if (f->failed)
			return -1;
		if (f->font != NULL)
			return c;
		if (!load(w, c)) {
			f->failed = true;
			return -1;
		}
	}
}

void
pdf_face_mark(struct pdf_face *f, uint16_t code)
{
	f->used[code >> 3] |= (uint8_t)(1u << (code & 7));
	if (code < f->lo)
		f->lo = code;
	if (code > f->hi)
		f->hi = code;
}

static bool
used(const struct pdf_face *f, unsigned code)
{
	return f->used[code >> 3] & (1u << (code & 7));
}

/*
 * ToUnicode: identity from code to UTF-16, as bfrange lines over the
 * used codes of each high byte (a range may not cross one).
 */
static void
tounicode_data(const struct pdf_face *f, struct buf *b)
{
	unsigned hi, lo, first, last, n = 0, nlines = 0, i;
	unsigned ranges[256][2];

	for (hi = f->lo >> 8; hi <= (unsigned)f->hi >> 8; hi++) {
		first = 256;
		last = 0;
		for (lo = 0; lo < 256; lo++)
			if (used(f, hi << 8 | lo)) {
				if (first == 256)
					first = lo;
				last = lo;
			}
		if (first < 256) {
			ranges[n][0] = hi << 8 | first;
			ranges[n][1] = hi << 8 | last;
			n++;
		}
	}
	buf_puts(b, "/CIDInit /ProcSet findresource begin\n"
	    "12 dict begin\nbegincmap\n"
	    "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) "
	    "/Supplement 0 >> def\n"
	    "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
	    "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
	for (i = 0; i < n; i++) {
		if (nlines == 0)
			buf_printf(b, "%u beginbfrange\n",
			    n - i < 100 ? n - i : 100);
		buf_printf(b, "<%04X> <%04X> <%04X>\n", ranges[i][0],
		    ranges[i][1], ranges[i][0]);
		if (++nlines == 100 || i + 1 == n) {
			buf_puts(b, "endbfrange\n");
			nlines = 0;
		}
	}
	buf_puts(b, "endcmap\nCMapName currentdict /CMap defineresource pop\n"
	    "end\nend\n");
}

/* A new stream object for data, compressed. */
static HPDF_Dict
stream(struct pdf_writer *w, const struct buf *b)
{
	HPDF_Doc_Rec *d = w->pdf;
	HPDF_Dict s;

	if ((s = HPDF_DictStream_New(d->mmgr, d->xref)) == NULL)
		return NULL;
	s->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
	if (HPDF_Stream_Write(s->stream, (const HPDF_BYTE *)b->data,
	    (HPDF_UINT)b->len) != HPDF_OK)
		return NULL;
	return s;
}

static HPDF_Array
numbers(struct pdf_writer *w, const int *v, size_t n)
{
	HPDF_Array a = HPDF_Array_New(w->pdf->mmgr);
	size_t	 i;

	for (i = 0; a != NULL && i < n; i++)
		if (HPDF_Array_AddNumber(a, v[i]) != HPDF_OK)
			return NULL;
	return a;
}

/* W: [first [w w ...] first [w ...]] over runs of used codes. */
static HPDF_Array
widths(struct pdf_writer *w, const struct pdf_face *f)
{
	HPDF_Doc_Rec *d = w->pdf;
	HPDF_Array W, run = NULL;
	unsigned code;

	if ((W = HPDF_Array_New(d->mmgr)) == NULL)
		return NULL;
	for (code = f->lo; code <= f->hi; code++) {
		if (!used(f, code)) {
			run = NULL;
			continue;
		}
		if (run == NULL && (HPDF_Array_AddNumber(W, (HPDF_INT32)code)
		    != HPDF_OK || (run = HPDF_Array_New(d->mmgr)) == NULL ||
		    HPDF_Array_Add(W, run) != HPDF_OK))
			return NULL;
		if (HPDF_Array_AddNumber(run, ttf_width(f->ttf,
		    ttf_glyph(f->ttf, code))) != HPDF_OK)
			return NULL;
	}
	return W;
}

/* The subset tag: six capitals from the glyphs kept, so that two
 * different subsets of a font never share a name. */
static void
subset_name(const struct pdf_face *f, const uint8_t *keep, size_t face,
    char *name, size_t size)
{
	uint32_t h = 2166136261u;
	unsigned g;
	char	 tag[7];
	int	 i;

	for (g = 0; g < f->ttf->nglyphs; g++)
		if (keep[g]) {
			h = (h ^ (g & 0xff)) * 16777619u;
			h = (h ^ (g >> 8)) * 16777619u;
		}
	for (i = 0; i < 6; i++) {
		tag[i] = (char)('A' + h % 26);
		h /= 26;
		if (i == 2)
			h = (h ^ (uint32_t)face) * 16777619u;
	}
	tag[6] = '\0';
	if (f->ttf->name[0] != '\0')
		snprintf(name, size, "%s+%s", tag, f->ttf->name);
	else
		snprintf(name, size, "%s+Font%zu", tag, face);
}

static HPDF_Dict
descriptor(struct pdf_writer *w, const struct pdf_face *f,
    const char *name, HPDF_Dict file)
{
	const struct ttf *t = f->ttf;
	HPDF_Doc_Rec *d = w->pdf;
	HPDF_Dict ds;
	int	 flags = 32, stemv, cls = t->familyclass >> 8;

	/* Nonsymbolic; serif by the OS/2 family class, or by the PANOSE
	 * serif style when the class is not given. */
	if (t->fixed)
		flags |= 1;
	if ((cls >= 1 && cls <= 5) || cls == 7 || (cls == 0 &&
	    t->serifstyle >= 2 && t->serifstyle <= 10))
		flags |= 2;
	if ((t->macstyle & 2) || (t->fsselection & 1) || t->italic != 0)
		flags |= 64;
	/* No font has it; an estimate from the weight, as is usual. */
	stemv = 10 + 220 * ((int)t->weight - 50) / 900;
	if (stemv < 10)
		stemv = 10;
	if ((ds = HPDF_Dict_New(d->mmgr)) == NULL ||
	    HPDF_Xref_Add(d->xref, ds) != HPDF_OK ||
	    HPDF_Dict_AddName(ds, "Type", "FontDescriptor") != HPDF_OK ||
	    HPDF_Dict_AddName(ds, "FontName", name) != HPDF_OK ||
	    HPDF_Dict_AddNumber(ds, "Flags", flags) != HPDF_OK ||
	    HPDF_Dict_Add(ds, "FontBBox", numbers(w, t->bbox, 4)) !=
	    HPDF_OK ||
	    HPDF_Dict_AddReal(ds, "ItalicAngle", (HPDF_REAL)t->italic) !=
	    HPDF_OK ||
	    HPDF_Dict_AddNumber(ds, "Ascent", t->ascent) != HPDF_OK ||
	    HPDF_Dict_AddNumber(ds, "Descent", t->descent) != HPDF_OK ||
	    HPDF_Dict_AddNumber(ds, "CapHeight", t->capheight) != HPDF_OK ||
	    HPDF_Dict_AddNumber(ds, "XHeight", t->xheight) != HPDF_OK ||
	    HPDF_Dict_AddNumber(ds, "StemV", stemv) != HPDF_OK ||
	    HPDF_Dict_Add(ds, "FontFile2", file) != HPDF_OK)
		return NULL;
	return ds;
}

/* CIDToGIDMap: big-endian new glyph numbers up to the highest code. */
static void
cidtogid_data(const struct pdf_face *f, const uint16_t *newgid,
    struct buf *b)
{
	unsigned code, gid;

	buf_reset(b);
	buf_grow(b, 2 * ((size_t)f->hi + 1));
	memset(b->data, 0, 2 * ((size_t)f->hi + 1));
	for (code = f->lo; code <= f->hi; code++) {
		if (!used(f, code))
			continue;
		gid = newgid[ttf_glyph(f->ttf, code)];
		b->data[2 * code] = (char)(gid >> 8);
		b->data[2 * code + 1] = (char)(gid & 0xff);
	}
	b->len = 2 * ((size_t)f->hi + 1);
}

static int
finish_face(struct pdf_writer *w, size_t face, struct buf *b)
{
	struct pdf_face *f = &w->faces[face];
	const struct ttf *t = f->ttf;
	HPDF_Doc_Rec *d = w->pdf;
	HPDF_Dict cid, info, file, map, tou, ds;
	HPDF_Array desc;
	uint8_t	*keep = xcalloc(t->nglyphs, 1);
	uint16_t *newgid = xcalloc(t->nglyphs, sizeof(*newgid));
	char	 name[96];
	unsigned code;
	int	 ok = 0;

	for (code = f->lo; code <= f->hi; code++)
		if (used(f, code))
			keep[ttf_glyph(t, code)] = 1;
	if (!ttf_close(t, keep) || !ttf_subset(t, keep, newgid, b)) {
		diag(DIAG_ERROR, w->doc->families[face / 4].file[face % 4],
		    0, 0, "cannot embed font: a glyph's data is damaged: "
		    "choose another font file");
		goto out;
	}
	subset_name(f, keep, face, name, sizeof(name));
	if ((file = stream(w, b)) == NULL ||
	    HPDF_Dict_AddNumber(file, "Length1", (HPDF_INT32)b->len) !=
	    HPDF_OK || (ds = descriptor(w, f, name, file)) == NULL)
		goto out;
	cidtogid_data(f, newgid, b);
	if ((map = stream(w, b)) == NULL)
		goto out;
	buf_reset(b);
	tounicode_data(f, b);
	if ((tou = stream(w, b)) == NULL)
		goto out;
	if ((cid = HPDF_Dict_New(d->mmgr)) == NULL ||
	    HPDF_Xref_Add(d->xref, cid) != HPDF_OK ||
	    (info = HPDF_Dict_New(d->mmgr)) == NULL ||
	    HPDF_Dict_AddName(cid, "Type", "Font") != HPDF_OK ||
	    HPDF_Dict_AddName(cid, "Subtype", "CIDFontType2") != HPDF_OK ||
	    HPDF_Dict_AddName(cid, "BaseFont", name) != HPDF_OK ||
	    HPDF_Dict_Add(cid, "CIDSystemInfo", info) != HPDF_OK ||
	    HPDF_Dict_Add(info, "Registry", HPDF_String_New(d->mmgr,
	    "Adobe", NULL)) != HPDF_OK ||
	    HPDF_Dict_Add(info, "Ordering", HPDF_String_New(d->mmgr,
	    "Identity", NULL)) != HPDF_OK ||
	    HPDF_Dict_AddNumber(info, "Supplement", 0) != HPDF_OK ||
	    HPDF_Dict_Add(cid, "FontDescriptor", ds) != HPDF_OK ||
	    HPDF_Dict_Add(cid, "W", widths(w, f)) != HPDF_OK ||
	    HPDF_Dict_Add(cid, "CIDToGIDMap", map) != HPDF_OK ||
	    (desc = HPDF_Array_New(d->mmgr)) == NULL ||
	    HPDF_Array_Add(desc, cid) != HPDF_OK ||
	    HPDF_Dict_AddName(f->font, "BaseFont", name) != HPDF_OK ||
	    HPDF_Dict_Add(f->font, "DescendantFonts", desc) != HPDF_OK ||
	    HPDF_Dict_Add(f->font, "ToUnicode", tou) != HPDF_OK)
		goto out;
	ok = 1;
out:
	free(keep);
	free(newgid);
	return ok;
}

int
pdf_fonts_finish(struct pdf_writer *w)
{
	struct buf b;
	size_t	 i;
	int	 ok = 1;

	memset(&b, 0, sizeof(b));
	for (i = 0; i < w->nfaces && ok; i++) {
		struct pdf_face *f = &w->faces[i];

		if (f->font == NULL || f->lo > f->hi)
			continue;
		ok = finish_face(w, i, &b);
	}
	buf_free(&b);
	if (!ok && w->error == HPDF_OK && diag_errors() == 0) {
		diag(DIAG_ERROR, w->path, 0, 0, "cannot write PDF: "
		    "cannot make the font objects");
		return 0;
	}
	return ok && pdf_ok(w, "making the font objects");
}

void
pdf_fonts_free(struct pdf_writer *w)
{
	size_t	 i;

	for (i = 0; i < w->nfaces; i++) {
		free(w->faces[i].used);
		if (w->faces[i].ttf != NULL)
			ttf_unload(w->faces[i].ttf);
		free(w->faces[i].ttf);
	}
	free(w->faces);
	free(w->fontnames);
	w->faces = NULL;
	w->fontnames = NULL;
	w->nfaces = 0;
}

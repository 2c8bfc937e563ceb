/*
 * Fonts: TrueType faces embedded as Type0/CIDFontType2 with libharu's
 * UTF-8 encoder (Identity-H, code = CID = Unicode BMP code point).
 *
 * libharu embeds only the glyphs flagged in its glyph table; the flag is
 * set by HPDF_TTFontDef_GetCharWidth, the function its own ShowText
 * path reaches through the font's text-width function.  We write the
 * content streams ourselves, so every code shown goes through
 * pdf_face_mark, which calls it once per code point.
 *
 * Before saving, three objects libharu made for the whole BMP are
 * rewritten from the codes actually shown:
 *   ToUnicode    libharu writes its encoding CMap there (cidrange, not
 *                bfrange): text extraction got nothing right;
 *   W            widths of the codes shown, same values as before;
 *   CIDToGIDMap  128 KB for 65536 codes: now up to the highest code.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pdf_private.h"

/*
 * An element of a libharu dictionary, through proxies, without
 * HPDF_Dict_GetItem's side effect of setting an error on a type
 * mismatch.
 */
static void *
dict_find(HPDF_Dict d, const char *key, HPDF_UINT16 cls)
{
	HPDF_UINT i;

	for (i = 0; i < d->list->count; i++) {
		HPDF_DictElement e = HPDF_List_ItemAt(d->list, i);
		HPDF_Obj_Header *h;
		void	*obj;

		if (strcmp(e->key, key) != 0)
			continue;
		obj = e->value;
		h = obj;
		if (h->obj_class == HPDF_OCLASS_PROXY) {
			obj = ((HPDF_Proxy)obj)->obj;
			h = obj;
		}
		return (h->obj_class & HPDF_OCLASS_ANY) == cls ? obj : NULL;
	}
	return NULL;
}

static int
load(struct pdf_writer *w, int face)
{
	struct pdf_face *f = &w->faces[face];
	const char *file = w->doc->families[face / 4].file[face % 4];
	const char *name;
	HPDF_Name enc;
	FILE	*fp;
	size_t	 j;

	/* libharu says only "file open error": name the cause. */
	if ((fp = fopen(file, "rb")) == NULL) {
		diag(DIAG_ERROR, file, 0, 0, "cannot open font: %s",
		    strerror(errno));
		return 0;
	}
	fclose(fp);
	name = HPDF_LoadTTFontFromFile(w->pdf, file, HPDF_TRUE);
	if (name != NULL)
		f->font = HPDF_GetFont(w->pdf, name, "UTF-8");
	if (f->font == NULL || w->error != HPDF_OK) {
		diag(DIAG_ERROR, file, 0, 0, "cannot load font: libharu "
		    "error 0x%04X (detail %u)", (unsigned)w->error,
		    (unsigned)w->detail);
		return 0;
	}
	/* Our content streams rely on Identity-H: check, not assume. */
	enc = dict_find(f->font, "Encoding", HPDF_OCLASS_NAME);
	if (enc == NULL || strcmp(enc->value, "Identity-H") != 0 ||
	    ((HPDF_FontAttr)((HPDF_Dict)f->font)->attr)->type !=
	    HPDF_FONT_TYPE0_TT) {
		diag(DIAG_ERROR, file, 0, 0, "this libharu does not load "
		    "TrueType fonts with Identity-H encoding");
		return 0;
	}
	for (j = 0; j < w->nfaces; j++)
		if ((int)j != face && w->faces[j].font == f->font) {
			f->font = NULL;
			f->canon = (int)j + 1;
			return 1;
		}
	f->fontdef = ((HPDF_FontAttr)((HPDF_Dict)f->font)->attr)->fontdef;
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
	HPDF_TTFontDef_GetCharWidth(f->fontdef, code);
}

static bool
used(const struct pdf_face *f, unsigned code)
{
	return f->used[code >> 3] & (1u << (code & 7));
}

/* Empties a stream dictionary for new data, compressed. */
static void
stream_reset(HPDF_Dict s)
{
	HPDF_MemStream_FreeData(s->stream);
	s->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
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

static int
fix_tounicode(struct pdf_writer *w, struct pdf_face *f, struct buf *b)
{
	HPDF_Dict font = f->font, s;
	HPDF_Doc_Rec *d = w->pdf;

	s = dict_find(font, "ToUnicode", HPDF_OCLASS_DICT);
	if (s != NULL && s->stream != NULL) {
		stream_reset(s);
		/* What made it an encoding CMap. */
		HPDF_Dict_RemoveElement(s, "Type");
		HPDF_Dict_RemoveElement(s, "CMapName");
		HPDF_Dict_RemoveElement(s, "CIDSystemInfo");
		HPDF_Dict_RemoveElement(s, "WMode");
	} else {
		if ((s = HPDF_DictStream_New(d->mmgr, d->xref)) == NULL)
			return 0;
		s->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
		if (HPDF_Dict_Add(font, "ToUnicode", s) != HPDF_OK)
			return 0;
	}
	/* libharu copies the font's filter to its CMap before writing. */
	font->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
	buf_reset(b);
	tounicode_data(f, b);
	return HPDF_Stream_Write(s->stream, (const HPDF_BYTE *)b->data,
	    (HPDF_UINT)b->len) == HPDF_OK;
}

/* W: [first [w w ...] first [w ...]] over runs of used codes. */
static int
fix_widths(struct pdf_writer *w, struct pdf_face *f)
{
	HPDF_FontAttr attr = ((HPDF_Dict)f->font)->attr;
	HPDF_Dict cid = attr->descendant_font;
	HPDF_Doc_Rec *d = w->pdf;
	HPDF_Array W, run = NULL;
	unsigned code;

	if ((W = HPDF_Array_New(d->mmgr)) == NULL)
		return 0;
	if (HPDF_Dict_Add(cid, "W", W) != HPDF_OK)
		return 0;
	for (code = f->lo; code <= f->hi; code++) {
		if (!used(f, code)) {
			run = NULL;
			continue;
		}
		if (run == NULL) {
			if (HPDF_Array_AddNumber(W, (HPDF_INT32)code) !=
			    HPDF_OK || (run = HPDF_Array_New(d->mmgr)) ==
			    NULL || HPDF_Array_Add(W, run) != HPDF_OK)
				return 0;
		}
		/* The width layout measured with: truncated 1/1000 em. */
		if (HPDF_Array_AddNumber(run, HPDF_TTFontDef_GetCharWidth(
		    f->fontdef, (HPDF_UINT16)code)) != HPDF_OK)
			return 0;
	}
	return 1;
}

/* CIDToGIDMap: big-endian glyph ids up to the highest code shown. */
static int
fix_cidtogid(struct pdf_writer *w, struct pdf_face *f, struct buf *b)
{
	HPDF_FontAttr attr = ((HPDF_Dict)f->font)->attr;
	HPDF_Dict map = dict_find(attr->descendant_font, "CIDToGIDMap",
	    HPDF_OCLASS_DICT);
	unsigned code;
	HPDF_UINT16 gid;

	if (map == NULL || map->stream == NULL)
		return 1;	/* not embedded: identity by name */
	stream_reset(map);
	attr->descendant_font->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
	((HPDF_Dict)f->font)->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
	buf_reset(b);
	buf_grow(b, 2 * ((size_t)f->hi + 1));
	memset(b->data, 0, 2 * ((size_t)f->hi + 1));
	for (code = f->lo; code <= f->hi; code++) {
		if (!used(f, code))
			continue;
		gid = HPDF_TTFontDef_GetGlyphid(f->fontdef, (HPDF_UINT16)code);
		b->data[2 * code] = (char)(gid >> 8);
		b->data[2 * code + 1] = (char)(gid & 0xff);
	}
	b->len = 2 * ((size_t)f->hi + 1);
	return HPDF_Stream_Write(map->stream, (const HPDF_BYTE *)b->data,
	    (HPDF_UINT)b->len) == HPDF_OK;
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
		ok = fix_tounicode(w, f, &b) && fix_widths(w, f) &&
		    fix_cidtogid(w, f, &b);
	}
	buf_free(&b);
	if (!ok && w->error == HPDF_OK) {
		diag(DIAG_ERROR, w->path, 0, 0, "cannot write PDF: "
		    "cannot rewrite font tables");
		return 0;
	}
	return pdf_ok(w, "rewriting font tables");
}

void
pdf_fonts_free(struct pdf_writer *w)
{
	size_t	 i;

	for (i = 0; i < w->nfaces; i++)
		free(w->faces[i].used);
	free(w->faces);
	free(w->fontnames);
	w->faces = NULL;
	w->fontnames = NULL;
}

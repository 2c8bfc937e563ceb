/* The text of a PDF file as a reader sees it (gen/util/pdftext.c). */
#include <stdlib.h>
#include <string.h>

#include "../../gen/util/pdfin.h"
#include "test.h"

/* A PDF file of the given objects (1 is the catalog), with its xref. */
static char *
make_pdf(const char *const *objs, size_t n, size_t *len)
{
	struct buf b = { 0 };
	size_t	 off[16], i, x;

	buf_puts(&b, "%PDF-1.7\n");
	for (i = 0; i < n; i++) {
		off[i] = b.len;
		buf_printf(&b, "%zu 0 obj\n%s\nendobj\n", i + 1, objs[i]);
	}
	x = b.len;
	buf_printf(&b, "xref\n0 %zu\n0000000000 65535 f \n", n + 1);
	for (i = 0; i < n; i++)
		buf_printf(&b, "%010zu 00000 n \n", off[i]);
	buf_printf(&b, "trailer\n<< /Size %zu /Root 1 0 R >>\nstartxref\n%zu\n"
	    "%%%%EOF\n", n + 1, x);
	*len = b.len;
	return buf_detach(&b);
}

static char *
stream(const char *dict, const char *data)
{
	return xasprintf("<< %s /Length %zu >>\nstream\n%s\nendstream", dict,
	    strlen(data), data);
}

/* Page 1's text and every string of the file. */
static void
read_pdf(const char *data, size_t len, char **text, char **strings,
    size_t *unread)
{
	qpdf_data q = qpdf_init();
	qpdf_oh	 page;
	unsigned char *c = NULL;
	size_t	 clen = 0;
	bool	 cut = false;

	qpdf_silence_errors(q);
	CHECK(!(qpdf_read_memory(q, "t.pdf", data, len, "") & QPDF_ERRORS));
	page = qpdf_get_page_n(q, 0);
	CHECK(!(qpdf_oh_get_page_content_data(q, page, &c, &clen) &
	    QPDF_ERRORS));
	*text = pdfin_page_text(q, page, c, clen, unread);
	*strings = pdfin_strings(q, &cut);
	CHECK(!cut);
	free(c);
	qpdf_cleanup(&q);
}

TEST(type0_tounicode)
{
	/* Digits by a range, the dash by a single code; the number drawn
	 * in three pieces that touch, one of them a TJ with a kern; a
	 * gap makes a space, a new line a line break; a form's text. */
	char	*o[10], *pdf, *text, *strings;
	size_t	 len, unread, i;

	o[0] = xstrdup("<< /Type /Catalog /Pages 2 0 R /Outlines 7 0 R >>");
	o[1] = xstrdup("<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
	o[2] = xstrdup("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
	    "/Resources << /Font << /F1 5 0 R /F2 10 0 R >> /XObject << /X1 8 0 R "
	    ">> >> /Contents 4 0 R /Annots [<< /Type /Annot /Subtype /Text "
	    "/Rect [0 0 10 10] /Contents (Not 701063-2383) >>] >>");
	o[3] = stream("", "BT /F1 10 Tf 72 700 Td <003800310031> Tj "
	    "<00320031> Tj [<0038> -0.4 <2011>] TJ (\\000\\071\\000\\070"
	    "\\000\\067\\000\\066) Tj 20 0 Td <0031> Tj 0 -14 Td <00320033>"
	    " Tj ET q 1 0 0 1 72 600 cm /X1 Do Q BT /F2 10 Tf 72 500 Td "
	    "<00010002> Tj ET");
	o[4] = xstrdup("<< /Type /Font /Subtype /Type0 /BaseFont /A "
	    "/Encoding /Identity-H /DescendantFonts [6 0 R] /ToUnicode 9 0 R "
	    ">>");
	o[5] = xstrdup("<< /Type /Font /Subtype /CIDFontType2 /BaseFont /A "
	    "/DW 500 /W [8209 [300]] >>");
	o[6] = xstrdup("<< /Type /Outlines /First 11 0 R /Last 11 0 R "
	    "/Count 1 >>");
	o[7] = stream("/Type /XObject /Subtype /Form /BBox [0 0 100 100]",
	    "BT /F1 10 Tf 0 0 Td <0037> Tj ET");
	o[8] = stream("", "/CIDInit /ProcSet findresource begin 12 dict begin "
	    "begincmap 1 begincodespacerange <0000> <FFFF> endcodespacerange "
	    "1 beginbfrange <0030> <0039> <0030> endbfrange 1 beginbfchar "
	    "<2011> <2011> endbfchar endcmap end end");
	o[9] = xstrdup("<< /Type /Font /Subtype /Type0 /BaseFont /B "
	    "/Encoding /Identity-H /DescendantFonts [6 0 R] >>");
	pdf = NULL;
	{
		const char *v[11];
		char	*outline = xstrdup("<< /Title <FEFF0042006F006B0020"
		    "0031003900380031003100320031003800AD002D0039003800370036> "
		    "/Parent 7 0 R >>");

		for (i = 0; i < 10; i++)
			v[i] = o[i];
		v[10] = outline;
		pdf = make_pdf(v, 11, &len);
		free(outline);
	}
	read_pdf(pdf, len, &text, &strings, &unread);
	/* After the page's text, its annotation's: a note's text is
	 * text a reader sees.  Then the characters again by the lines
	 * they stand on: the "1" moved back onto the number's own "1" is
	 * read once there. */
	CHECK_STR(text, "811218\xe2\x80\x91" "9876 1\n23\n7\n\n"
	    "Not 701063-2383\n811218\xe2\x80\x91" "9876\n23\n7");
	/* Font B has no map: two characters nobody can read. */
	CHECK_INT(unread, 2);
	CHECK(strstr(strings, "Bok 19811218\xc2\xad-9876") != NULL);
	CHECK(strstr(strings, "Not 701063-2383") != NULL);
	free(text);
	free(strings);
	free(pdf);
	for (i = 0; i < 10; i++)
		free(o[i]);
}

TEST(simple_font)
{
	/* Helvetica, no map: WinAnsi, a glyph name by /Differences. */
	char	*o[5], *pdf, *text, *strings;
	const char *v[5];
	size_t	 len, unread, i;

	o[0] = xstrdup("<< /Type /Catalog /Pages 2 0 R >>");
	o[1] = xstrdup("<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
	o[2] = xstrdup("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
	    "/Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>");
	o[3] = stream("", "BT /F1 11 Tf 72 720 Td (Intyg 811218\\226) Tj "
	    "(\\001876) Tj ET");
	o[4] = xstrdup("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica "
	    "/Encoding << /BaseEncoding /WinAnsiEncoding /Differences "
	    "[1 /nine] >> >>");
	for (i = 0; i < 5; i++)
		v[i] = o[i];
	pdf = make_pdf(v, 5, &len);
	read_pdf(pdf, len, &text, &strings, &unread);
	CHECK_STR(text, "Intyg 811218\xe2\x80\x93" "9876\n"
	    "Intyg 811218\xe2\x80\x93" "9876");
	CHECK_INT(unread, 0);
	free(text);
	free(strings);
	free(pdf);
	for (i = 0; i < 5; i++)
		free(o[i]);
}

TEST(glyph_names)
{
	/* Names a subset's glyphs are given: "g56" and "C49" (the code in
	 * decimal), "u0032" (the code point); a map with a gap, filled by
	 * the encoding; "glyph7" tells nothing and is not read. */
	char	*o[6], *pdf, *text, *strings;
	const char *v[6];
	size_t	 len, unread, i;

	o[0] = xstrdup("<< /Type /Catalog /Pages 2 0 R >>");
	o[1] = xstrdup("<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
	o[2] = xstrdup("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
	    "/Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>");
	o[3] = stream("", "BT /F1 11 Tf 72 720 Td (\001\002\003 A1\004) Tj ET");
	o[4] = xstrdup("<< /Type /Font /Subtype /Type1 /BaseFont /ABCDEF+Arial "
	    "/Encoding << /BaseEncoding /WinAnsiEncoding /Differences "
	    "[1 /g56 /C49 /u0032 /glyph7] >> /ToUnicode 6 0 R >>");
	o[5] = stream("", "/CIDInit /ProcSet findresource begin 12 dict begin "
	    "begincmap 1 begincodespacerange <00> <FF> endcodespacerange "
	    "1 beginbfchar <41> <0041> endbfchar endcmap end end");
	for (i = 0; i < 6; i++)
		v[i] = o[i];
	pdf = make_pdf(v, 6, &len);
	read_pdf(pdf, len, &text, &strings, &unread);
	CHECK_STR(text, "812 A1\n812 A1");
	CHECK_INT(unread, 1);
	free(text);
	free(strings);
	free(pdf);
	for (i = 0; i < 6; i++)
		free(o[i]);
}

/* Text in forms inside forms: read to the reader's depth; a form past it
 * makes the page one that cannot be read, not one read clean. */
static void
nested_forms(size_t depth, char **text, size_t *unread)
{
	char	*o[16], *pdf, *strings;
	size_t	 len, i;

	o[0] = xstrdup("<< /Type /Catalog /Pages 2 0 R >>");
	o[1] = xstrdup("<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
	o[2] = xstrdup("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
	    "/Resources << /Font << /F1 5 0 R >> /XObject << /X 6 0 R >> >> "
	    "/Contents 4 0 R >>");
	o[3] = stream("", "BT /F1 10 Tf 72 700 Td (Sida) Tj ET /X Do");
	o[4] = xstrdup("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica "
	    "/Encoding /WinAnsiEncoding >>");
	for (i = 0; i < depth; i++) {
		char	*d;

		/* Form i (object 6 + i) draws form i + 1; the last the text. */
		d = i + 1 < depth ? xasprintf("/Type /XObject /Subtype /Form "
		    "/BBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> "
		    "/XObject << /X %zu 0 R >> >>", 7 + i) :
		    xstrdup("/Type /XObject /Subtype /Form /BBox [0 0 595 842] "
		    "/Resources << /Font << /F1 5 0 R >> >>");
		o[5 + i] = stream(d, i + 1 < depth ? "/X Do" :
		    "BT /F1 10 Tf 72 600 Td (811218-9876) Tj ET");
		free(d);
	}
	pdf = make_pdf((const char *const *)o, 5 + depth, &len);
	read_pdf(pdf, len, text, &strings, unread);
	free(strings);
	free(pdf);
	for (i = 0; i < 5 + depth; i++)
		free(o[i]);
}

TEST(forms_too_deep)
{
	char	*text;
	size_t	 unread;

	nested_forms(3, &text, &unread);
	CHECK(strstr(text, "811218-9876") != NULL);
	CHECK_INT(unread, 0);
	free(text);
	nested_forms(11, &text, &unread);
	CHECK(strstr(text, "811218-9876") == NULL);
	CHECK(unread == PDFIN_UNREAD_CUT);
	free(text);
}

/* A string deep inside arrays (past the old walk's 64 levels) is read. */
TEST(deep_strings)
{
	struct buf b = { 0 };
	const char *o[3];
	char	*pdf, *text, *strings, *cat;
	size_t	 len, unread, i;

	for (i = 0; i < 100; i++)
		buf_puts(&b, "[");
	buf_puts(&b, "(811218-9876)");
	for (i = 0; i < 100; i++)
		buf_puts(&b, "]");
	buf_put(&b, "", 0);
	cat = xasprintf("<< /Type /Catalog /Pages 2 0 R /Extra %s >>", b.data);
	o[0] = cat;
	o[1] = "<< /Type /Pages /Kids [3 0 R] /Count 1 >>";
	o[2] = "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>";
	pdf = make_pdf(o, 3, &len);
	read_pdf(pdf, len, &text, &strings, &unread);
	CHECK(strstr(strings, "811218-9876") != NULL);
	free(text);
	free(strings);
	free(pdf);
	free(cat);
	buf_free(&b);
}

int
main(void)
{
	RUN(type0_tounicode);
	RUN(simple_font);
	RUN(glyph_names);
	RUN(forms_too_deep);
	RUN(deep_strings);
	TEST_END();
}

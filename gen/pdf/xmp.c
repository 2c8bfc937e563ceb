/*
 * PDF/A-2b parts libharu does not write correctly: the XMP metadata
 * stream, the sRGB OutputIntent and a trailer /ID derived from the
 * document's bytes.  libharu 2.3.0's own PDF/A helper writes the XMP
 * without escaping and a time-based ID, so it is not used.
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <hpdf_encrypt.h>

#include "pdf_private.h"

/*
 * Known places of a Debian-packaged sRGB IEC61966-2.1 profile, with the
 * package that installs each.
 */
static const struct {
	const char *path;
	const char *package;
} icc_paths[] = {
	{ "/usr/share/color/icc/sRGB.icc", "icc-profiles-free" },
	{ "/usr/share/color/icc/colord/sRGB.icc", "colord-data" },
};

#define ICC_MAX		(1024 * 1024)

static void
put_char_ref(struct buf *b, uint32_t cp)
{
	buf_printf(b, "&#x%X;", (unsigned)cp);
}

/*
 * Appends s to b as XML 1.0 character data or attribute value: the
 * markup characters as entities; tab, newline and carriage return as
 * character references (kept, not normalised by a parser); other
 * control characters, which XML 1.0 cannot carry at all, as spaces;
 * invalid UTF-8 and the non-characters U+FFFE and U+FFFF as U+FFFD.
 */
void
pdf_xml_escape(struct buf *b, const char *s)
{
	static const char *const named[128] = {
	    ['&'] = "&amp;", ['<'] = "&lt;", ['>'] = "&gt;",
	    ['"'] = "&quot;", ['\''] = "&apos;" };
	size_t	 len = strlen(s), i, n;
	uint32_t cp;

	for (i = 0; i < len; i += n) {
		if ((n = utf8_decode(s + i, len - i, &cp)) == 0) {
			n = 1;
			buf_puts(b, "\xef\xbf\xbd");
			continue;
		}
		if (cp < 128 && named[cp] != NULL) {
			buf_puts(b, named[cp]);
			continue;
		}
		switch (cp) {
		case '\t':
		case '\n':
		case '\r':
			put_char_ref(b, cp);
			break;
		case 0xfffe:
		case 0xffff:
			buf_puts(b, "\xef\xbf\xbd");
			break;
		default:
			if (cp < 0x20)
				buf_putc(b, ' ');
			else
				buf_put(b, s + i, n);
			break;
		}
	}
}

/* An element holding one language alternative (dc:title etc.). */
static void
put_alt(struct buf *b, const char *name, const char *value)
{
	if (value == NULL || value[0] == '\0')
		return;
	buf_printf(b, "   <%s>\n    <rdf:Alt>\n"
	    "     <rdf:li xml:lang=\"x-default\">", name);
	pdf_xml_escape(b, value);
	buf_printf(b, "</rdf:li>\n    </rdf:Alt>\n   </%s>\n", name);
}

static void
put_simple(struct buf *b, const char *name, const char *value)
{
	if (value == NULL || value[0] == '\0')
		return;
	buf_printf(b, "   <%s>", name);
	pdf_xml_escape(b, value);
	buf_printf(b, "</%s>\n", name);
}

/* An ordered (Seq) or unordered (Bag) array of one item. */
static void
put_list(struct buf *b, const char *name, const char *kind,
    const char *value)
{
	if (value == NULL || value[0] == '\0')
		return;
	buf_printf(b, "   <%s>\n    <rdf:%s>\n     <rdf:li>", name, kind);
	pdf_xml_escape(b, value);
	buf_printf(b, "</rdf:li>\n    </rdf:%s>\n   </%s>\n", kind, name);
}

/*
 * The XMP packet for m, in b.  The values must be those written to the
 * Info dictionary: PDF/A requires the two to agree.
 */
void
pdf_xmp_packet(struct buf *b, const struct pdf_xmp *m)
{
	buf_puts(b, "<?xpacket begin=\"\xef\xbb\xbf\" "
	    "id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
	    "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
	    " <rdf:RDF xmlns:rdf="
	    "\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
	    "  <rdf:Description rdf:about=\"\"\n"
	    "    xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n"
	    "    xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"\n"
	    "    xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\"\n"
	    "    xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\"\n"
	    "    xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\">\n"
	    "   <dc:format>application/pdf</dc:format>\n");
	put_alt(b, "dc:title", m->title);
	put_list(b, "dc:creator", "Seq", m->author);
	put_alt(b, "dc:description", m->subject);
	put_list(b, "dc:language", "Bag", m->lang);
	put_simple(b, "xmp:CreateDate", m->date);
	put_simple(b, "xmp:ModifyDate", m->date);
	put_simple(b, "xmp:MetadataDate", m->date);
	put_simple(b, "xmp:CreatorTool", m->creator);
	put_simple(b, "pdf:Producer", m->producer);
	buf_puts(b, "   <pdfaid:part>2</pdfaid:part>\n"
	    "   <pdfaid:conformance>B</pdfaid:conformance>\n"
	    "   <pdfuaid:part>1</pdfuaid:part>\n"
	    "  </rdf:Description>\n"
	    /* PDF/A knows pdfuaid only through this description. */
	    "  <rdf:Description rdf:about=\"\"\n"
	    "    xmlns:pdfaExtension=\"http://www.aiim.org/pdfa/ns/extension/\"\n"
	    "    xmlns:pdfaSchema=\"http://www.aiim.org/pdfa/ns/schema#\"\n"
	    "    xmlns:pdfaProperty=\"http://www.aiim.org/pdfa/ns/property#\">\n"
	    "   <pdfaExtension:schemas>\n    <rdf:Bag>\n"
	    "     <rdf:li rdf:parseType=\"Resource\">\n"
	    "      <pdfaSchema:schema>PDF/UA Universal Accessibility "
	    "Schema</pdfaSchema:schema>\n"
	    "      <pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/"
	    "</pdfaSchema:namespaceURI>\n"
	    "      <pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>\n"
	    "      <pdfaSchema:property>\n       <rdf:Seq>\n"
	    "        <rdf:li rdf:parseType=\"Resource\">\n"
	    "         <pdfaProperty:name>part</pdfaProperty:name>\n"
	    "         <pdfaProperty:valueType>Integer</pdfaProperty:valueType>\n"
	    "         <pdfaProperty:category>internal</pdfaProperty:category>\n"
	    "         <pdfaProperty:description>Part of ISO 14289 the file "
	    "conforms to</pdfaProperty:description>\n"
	    "        </rdf:li>\n       </rdf:Seq>\n"
	    "      </pdfaSchema:property>\n"
	    "     </rdf:li>\n    </rdf:Bag>\n   </pdfaExtension:schemas>\n"
	    "  </rdf:Description>\n"
	    " </rdf:RDF>\n"
	    "</x:xmpmeta>\n"
	    "<?xpacket end=\"w\"?>");
}

/* The packet as the catalog's /Metadata stream, uncompressed. */
int
pdf_xmp(struct pdf_writer *w, const struct pdf_xmp *m)
{
	HPDF_Doc_Rec *d = w->pdf;
	HPDF_Dict s;
	struct buf b;
	int	 ok;

	memset(&b, 0, sizeof(b));
	pdf_xmp_packet(&b, m);
	ok = (s = HPDF_DictStream_New(d->mmgr, d->xref)) != NULL;
	if (ok) {
		s->filter = HPDF_STREAM_FILTER_NONE;
		ok = HPDF_Dict_AddName(s, "Type", "Metadata") == HPDF_OK &&
		    HPDF_Dict_AddName(s, "Subtype", "XML") == HPDF_OK &&
		    HPDF_Stream_Write(s->stream, (HPDF_BYTE *)b.data,
		    (HPDF_UINT)b.len) == HPDF_OK &&
		    HPDF_Dict_Add(d->catalog, "Metadata", s) == HPDF_OK;
	}
	buf_free(&b);
	if (!ok && w->error == HPDF_OK) {
		diag(DIAG_ERROR, w->path, 0, 0, "cannot write PDF: "
		    "cannot write the XMP metadata");
		return 0;
	}
	return pdf_ok(w, "writing the XMP metadata");
}

/*
 * Reads the sRGB profile: the first known path that exists.  Checks
 * that it is an ICC profile of an RGB colour space.
 */
static int
read_icc(struct pdf_writer *w, char **data, size_t *len)
{
	size_t	 i;
	const char *path = NULL;

	for (i = 0; i < sizeof(icc_paths) / sizeof(icc_paths[0]); i++)
		if (access(icc_paths[i].path, R_OK) == 0) {
			path = icc_paths[i].path;
			break;
		}
	if (path == NULL) {
		diag(DIAG_ERROR, w->path, 0, 0, "cannot write PDF: no sRGB "
		    "colour profile for the PDF/A output intent: install the "
		    "Debian package %s (%s)", icc_paths[0].package,
		    icc_paths[0].path);
		return 0;
	}
	if (!file_read(path, ICC_MAX, data, len))
		return 0;
	if (*len < 132 || memcmp(*data + 36, "acsp", 4) != 0 ||
	    memcmp(*data + 16, "RGB ", 4) != 0) {
		diag(DIAG_ERROR, path, 0, 0, "not an ICC profile of an RGB "
		    "colour space: reinstall the Debian package that owns it");
		free(*data);
		*data = NULL;
		return 0;
	}
	return 1;
}

/*
 * The catalog's /OutputIntents: sRGB, the colour space every colour
 * the writer sets (rg, RG, RGB images) is meant in.
 */
int
pdf_output_intent(struct pdf_writer *w)
{
	HPDF_Doc_Rec *d = w->pdf;
	HPDF_Dict icc, oi;
	HPDF_Array a;
	char	*data = NULL;
	size_t	 len = 0;
	int	 ok;

	if (!read_icc(w, &data, &len))
		return 0;
	ok = (icc = HPDF_DictStream_New(d->mmgr, d->xref)) != NULL;
	if (ok) {
		icc->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
		ok = HPDF_Dict_AddNumber(icc, "N", 3) == HPDF_OK &&
		    HPDF_Stream_Write(icc->stream, (HPDF_BYTE *)data,
		    (HPDF_UINT)len) == HPDF_OK;
	}
	free(data);
	ok = ok && (oi = HPDF_Dict_New(d->mmgr)) != NULL &&
	    HPDF_Dict_AddName(oi, "Type", "OutputIntent") == HPDF_OK &&
	    HPDF_Dict_AddName(oi, "S", "GTS_PDFA1") == HPDF_OK &&
	    HPDF_Dict_Add(oi, "OutputConditionIdentifier",
	    HPDF_String_New(d->mmgr, "sRGB IEC61966-2.1", NULL)) == HPDF_OK &&
	    HPDF_Dict_Add(oi, "RegistryName",
	    HPDF_String_New(d->mmgr, "http://www.color.org", NULL)) ==
	    HPDF_OK &&
	    HPDF_Dict_Add(oi, "Info",
	    HPDF_String_New(d->mmgr, "sRGB IEC61966-2.1", NULL)) == HPDF_OK &&
	    HPDF_Dict_Add(oi, "DestOutputProfile", icc) == HPDF_OK &&
	    (a = HPDF_Array_New(d->mmgr)) != NULL &&
	    HPDF_Array_Add(a, oi) == HPDF_OK &&
	    HPDF_Dict_Add(d->catalog, "OutputIntents", a) == HPDF_OK;
	if (!ok && w->error == HPDF_OK) {
		diag(DIAG_ERROR, w->path, 0, 0, "cannot write PDF: "
		    "cannot write the output intent");
		return 0;
	}
	return pdf_ok(w, "writing the output intent");
}

/* memmem, which C11 and POSIX do not have. */
static char *
find(char *s, size_t len, const char *pat, size_t n)
{
	size_t	 i;

	for (i = 0; i + n <= len; i++)
		if (s[i] == pat[0] && memcmp(s + i, pat, n) == 0)
			return s + i;
	return NULL;
}

/* Placeholder of the trailer /ID until the bytes are known. */
static const HPDF_BYTE id_zero[16];

/* The trailer's /ID: two placeholders, replaced by pdf_id_fill. */
int
pdf_id_add(struct pdf_writer *w)
{
	HPDF_Doc_Rec *d = w->pdf;
	HPDF_Array a;

	if ((a = HPDF_Array_New(d->mmgr)) == NULL ||
	    HPDF_Array_Add(a, HPDF_Binary_New(d->mmgr, (HPDF_BYTE *)id_zero,
	    16)) != HPDF_OK ||
	    HPDF_Array_Add(a, HPDF_Binary_New(d->mmgr, (HPDF_BYTE *)id_zero,
	    16)) != HPDF_OK ||
	    HPDF_Dict_Add(d->trailer, "ID", a) != HPDF_OK) {
		if (w->error == HPDF_OK)
			diag(DIAG_ERROR, w->path, 0, 0, "cannot write PDF: "
			    "cannot add the document ID");
		return 0;
	}
	return pdf_ok(w, "adding the document ID");
}

/*
 * Replaces the two placeholder IDs in the saved trailer with the MD5
 * of the whole file as saved: the same document gives the same ID,
 * any change in its bytes a different one.  Same length, so no offset
 * moves.
 */
int
pdf_id_fill(struct pdf_writer *w, char *data, size_t len)
{
	static const char hex[] = "0123456789ABCDEF";
	HPDF_MD5_CTX ctx;
	HPDF_BYTE md[16];
	char	 zero[2 + 32 + 1], sum[32];
	char	*t, *p;
	size_t	 i, found = 0;

	for (t = NULL, p = data; (p = find(p, len - (size_t)(p - data),
	    "trailer", 7)) != NULL; p += 7)
		t = p;
	memset(zero, '0', sizeof(zero));
	zero[0] = '<';
	zero[33] = '>';
	zero[34] = '\0';
	HPDF_MD5Init(&ctx);
	HPDF_MD5Update(&ctx, (HPDF_BYTE *)data, (HPDF_UINT32)len);
	HPDF_MD5Final(md, &ctx);
	for (i = 0; i < 16; i++) {
		sum[2 * i] = hex[md[i] >> 4];
		sum[2 * i + 1] = hex[md[i] & 15];
	}
	for (p = t; p != NULL && found < 2 && (p = find(p,
	    len - (size_t)(p - data), zero, 34)) != NULL; p += 34, found++)
		memcpy(p + 1, sum, 32);
	if (found != 2) {
		diag(DIAG_ERROR, w->path, 0, 0, "cannot write PDF: the "
		    "document ID is not where it was put in the trailer");
		return 0;
	}
	return 1;
}

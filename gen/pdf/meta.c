/*
 * Metadata: the Info dictionary, catalog entries, and PDF text
 * strings.  libharu would write non-ASCII strings in its encoder's
 * bytes; we write UTF-16BE with a byte order mark instead.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "pdf_private.h"

static bool
plain_ascii(const char *s)
{
	for (; *s != '\0'; s++)
		if ((unsigned char)*s < 0x20 || (unsigned char)*s >= 0x7f)
			return false;
	return true;
}

/*
 * A text string object for utf8: a literal string if it is printable
 * ASCII (the same bytes in PDFDocEncoding), else UTF-16BE with BOM.
 * Returns NULL after libharu reported.
 */
void *
pdf_text_string(struct pdf_writer *w, const char *s)
{
	HPDF_Doc_Rec *d = w->pdf;
	struct buf b;
	size_t	 len = strlen(s), i, n;
	uint32_t cp;
	void	*obj;
	char	*cut = NULL;

	/* libharu's strings stop at 64 KiB and fail without a word; a
	 * bookmark or a title longer than this helps no reader anyway.
	 * Cut at a character boundary, with "…" (3 bytes) after it. */
	if (len > PDF_TEXT_MAX) {
		i = PDF_TEXT_MAX - 3;
		while (i > 0 && ((unsigned char)s[i] & 0xc0) == 0x80)
			i--;
		cut = xasprintf("%.*s…", (int)i, s);
		s = cut;
		len = strlen(s);
	}
	if (plain_ascii(s)) {
		obj = HPDF_String_New(d->mmgr, s, NULL);
		free(cut);
		return obj;
	}
	memset(&b, 0, sizeof(b));
	buf_put(&b, "\xfe\xff", 2);
	for (i = 0; i < len; i += n) {
		if ((n = utf8_decode(s + i, len - i, &cp)) == 0) {
			n = 1;
			cp = 0xfffd;
		}
		if (cp >= 0x10000) {
			cp -= 0x10000;
			buf_putc(&b, 0xd8 | (int)(cp >> 18));
			buf_putc(&b, (int)(cp >> 10) & 0xff);
			cp = 0xdc00 | (cp & 0x3ff);
		}
		buf_putc(&b, (int)(cp >> 8));
		buf_putc(&b, (int)(cp & 0xff));
	}
	obj = HPDF_Binary_New(d->mmgr, (HPDF_BYTE *)b.data, (HPDF_UINT)b.len);
	buf_free(&b);
	free(cut);
	return obj;
}

static int
add_text(struct pdf_writer *w, HPDF_Dict dict, const char *key,
    const char *value)
{
	void	*obj;

	if (value == NULL || value[0] == '\0')
		return 1;
	if ((obj = pdf_text_string(w, value)) == NULL)
		return 0;
	return HPDF_Dict_Add(dict, key, obj) == HPDF_OK;
}

/*
 * The timestamp: SOURCE_DATE_EPOCH (reproducible builds) or midnight
 * UTC of the meeting date.  Never the clock: equal input, equal bytes.
 * Returns 0 with *have false if there is none, -1 after reporting.
 */
static int
timestamp(struct pdf_writer *w, bool *have, char *out, size_t outsz,
    char *xmp, size_t xmpsz)
{
	const char *env = getenv("SOURCE_DATE_EPOCH");
	long long secs;
	char	*end;
	time_t	 t;
	struct tm tm;

	*have = false;
	if (env != NULL && env[0] != '\0') {
		errno = 0;
		secs = strtoll(env, &end, 10);
		if (errno != 0 || *end != '\0' || secs < 0 ||
		    secs > 253402300799LL) {
			diag(DIAG_ERROR, w->path, 0, 0, "SOURCE_DATE_EPOCH "
			    "is not a number of seconds since 1970: \"%s\"",
			    env);
			return -1;
		}
	} else if (w->doc->date != NULL && iso_date_valid(w->doc->date))
		secs = (long long)iso_date_days(w->doc->date) * 86400;
	else
		return 0;
	t = (time_t)secs;
	if (gmtime_r(&t, &tm) == NULL)
		return 0;
	snprintf(out, outsz, "D:%04d%02d%02d%02d%02d%02d+00'00'",
	    tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour,
	    tm.tm_min, tm.tm_sec);
	snprintf(xmp, xmpsz, "%04d-%02d-%02dT%02d:%02d:%02d+00:00",
	    tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour,
	    tm.tm_min, tm.tm_sec);
	*have = true;
	return 0;
}

/*
 * A metadata value as both the Info dictionary and the XMP can carry
 * it, so that they agree: control characters become spaces (XML 1.0
 * cannot hold them), invalid UTF-8 and non-characters U+FFFD, and the
 * text is cut as pdf_text_string would cut it.  NULL stays NULL.
 */
static char *
meta_clean(const char *s)
{
	struct buf b;
	size_t	 len, i, n;
	uint32_t cp;
	char	*r;

	if (s == NULL)
		return NULL;
	memset(&b, 0, sizeof(b));
	len = strlen(s);
	for (i = 0; i < len; i += n) {
		if ((n = utf8_decode(s + i, len - i, &cp)) == 0) {
			n = 1;
			cp = 0xfffd;
		}
		if (cp < 0x20 || cp == 0x7f)
			cp = ' ';
		else if (cp == 0xfffe || cp == 0xffff)
			cp = 0xfffd;
		buf_grow(&b, 4);
		b.len += utf8_encode(cp, b.data + b.len);
	}
	buf_putc(&b, '\0');
	if (b.len - 1 > PDF_TEXT_MAX) {
		i = PDF_TEXT_MAX - 3;
		while (i > 0 && ((unsigned char)b.data[i] & 0xc0) == 0x80)
			i--;
		r = xasprintf("%.*s…", (int)i, b.data);
		buf_free(&b);
		return r;
	}
	return buf_detach(&b);
}

int
pdf_meta(struct pdf_writer *w)
{
	HPDF_Doc_Rec *d = w->pdf;
	const struct doc *doc = w->doc;
	HPDF_Dict vp;
	struct pdf_xmp m;
	char	 date[64], xdate[64];
	char	*title, *author, *subject;
	bool	 have;
	int	 ok;

	if (timestamp(w, &have, date, sizeof(date), xdate, sizeof(xdate)) < 0)
		return 0;
	/* Makes the Info dictionary. */
	HPDF_SetInfoAttr(w->pdf, HPDF_INFO_CREATOR, "boardgen");
	if (!pdf_ok(w, "writing metadata"))
		return 0;
	title = meta_clean(doc->title);
	author = meta_clean(doc->author);
	subject = meta_clean(doc->subject);
	ok = add_text(w, d->info, "Title", title) &&
	    add_text(w, d->info, "Author", author) &&
	    add_text(w, d->info, "Subject", subject);
	if (ok && have)
		ok = add_text(w, d->info, "CreationDate", date) &&
		    add_text(w, d->info, "ModDate", date);
	if (ok)
		ok = add_text(w, d->catalog, "Lang", doc->lang);
	if (ok) {
		ok = (vp = HPDF_Dict_New(d->mmgr)) != NULL &&
		    HPDF_Dict_AddBoolean(vp, "DisplayDocTitle", HPDF_TRUE) ==
		    HPDF_OK &&
		    HPDF_Dict_Add(d->catalog, "ViewerPreferences", vp) ==
		    HPDF_OK;
	}
	/* The XMP repeats the Info dictionary, as PDF/A requires. */
	if (ok) {
		memset(&m, 0, sizeof(m));
		m.title = title;
		m.author = author;
		m.subject = subject;
		m.lang = doc->lang;
		m.date = have ? xdate : NULL;
		m.creator = HPDF_GetInfoAttr(w->pdf, HPDF_INFO_CREATOR);
		m.producer = HPDF_GetInfoAttr(w->pdf, HPDF_INFO_PRODUCER);
		if (!pdf_xmp(w, &m) || !pdf_output_intent(w))
			ok = -1;
	}
	free(title);
	free(author);
	free(subject);
	if (ok < 0)
		return 0;
	/* /Lang and DisplayDocTitle are PDF 1.4. */
	d->pdf_version = HPDF_VER_14;
	return pdf_done(w, ok, "metadata");
}

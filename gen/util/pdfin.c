/*
 * Reading PDF files made elsewhere with libqpdf: what the content stage
 * (counting and measuring pages) and the pdf stage (merging them) both
 * need, so that both judge a file the same way.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <zlib.h>

#include "pdfin.h"

#define PDFIN_MAX_SIDE	14400.0	/* points: the largest page PDF allows */

/* The one-line reason qpdf gives, without its own file prefix. */
const char *
pdfin_reason(qpdf_data q)
{
	const char *s;

	if (!qpdf_has_error(q))
		return "unknown error";
	s = qpdf_get_error_message_detail(q, qpdf_get_error(q));
	return s != NULL && *s != '\0' ? s : "unknown error";
}

/* A number of an array item; false if it is not one. */
static bool
num_at(qpdf_data q, qpdf_oh a, int i, double *v)
{
	qpdf_oh	 o = qpdf_oh_get_array_item(q, a, i);

	if (!qpdf_oh_is_number(q, o))
		return false;
	*v = qpdf_oh_get_numeric_value(q, o);
	return isfinite(*v);
}

/* A rectangle [x0 y0 x1 y1], normalised; false if it is none. */
static bool
rect_of(qpdf_data q, qpdf_oh a, double r[4])
{
	double	 t;
	int	 i;

	if (!qpdf_oh_is_array(q, a) || qpdf_oh_get_array_n_items(q, a) != 4)
		return false;
	for (i = 0; i < 4; i++)
		if (!num_at(q, a, i, &r[i]))
			return false;
	if (r[0] > r[2])
		t = r[0], r[0] = r[2], r[2] = t;
	if (r[1] > r[3])
		t = r[1], r[1] = r[3], r[3] = t;
	return true;
}

int
pdfin_page_box(qpdf_data q, qpdf_oh page, double box[4], int *rotate)
{
	double	 crop[4];
	qpdf_oh	 r;
	long long rot = 0;

	if (!rect_of(q, qpdf_oh_get_key(q, page, "/MediaBox"), box))
		return 0;
	/* The crop box is what a viewer shows, inside the media box. */
	if (rect_of(q, qpdf_oh_get_key(q, page, "/CropBox"), crop)) {
		crop[0] = fmax(crop[0], box[0]);
		crop[1] = fmax(crop[1], box[1]);
		crop[2] = fmin(crop[2], box[2]);
		crop[3] = fmin(crop[3], box[3]);
		if (crop[2] > crop[0] && crop[3] > crop[1])
			memcpy(box, crop, sizeof(crop));
	}
	r = qpdf_oh_get_key(q, page, "/Rotate");
	if (qpdf_oh_is_integer(q, r))
		rot = qpdf_oh_get_int_value(q, r) % 360;
	if (rot < 0)
		rot += 360;
	*rotate = (int)(rot - rot % 90);
	return box[2] - box[0] >= 1 && box[3] - box[1] >= 1 &&
	    box[2] - box[0] <= PDFIN_MAX_SIDE && box[3] - box[1] <= PDFIN_MAX_SIDE;
}

/* True if the data starts like a PDF file: "%PDF-" in its first
 * kilobyte, as readers accept it. */
static bool
looks_like_pdf(const char *data, size_t len)
{
	size_t	 i, n = len < 1024 ? len : 1024;

	for (i = 0; i + 5 <= n; i++)
		if (memcmp(data + i, "%PDF-", 5) == 0)
			return true;
	return false;
}

int
pdfin_open(qpdf_data q, const char *path, const char *shown,
    const struct srcpos *at, char **data)
{
	struct stat st;
	size_t	 len;
	bool	 encrypted = false;

	*data = NULL;
	if (stat(path, &st) == 0 && st.st_size > (off_t)PDFIN_MAX_BYTES) {
		diag(DIAG_ERROR, at->file, at->line, at->col, "\"%s\" is "
		    "%lld bytes; at most %u are read from one file: ask for a "
		    "smaller copy (a scan at a lower resolution)", shown,
		    (long long)st.st_size, PDFIN_MAX_BYTES);
		return 0;
	}
	if (!file_read(path, PDFIN_MAX_BYTES, data, &len))
		return 0;
	if (!looks_like_pdf(*data, len)) {
		diag(DIAG_ERROR, at->file, at->line, at->col, "\"%s\" is not "
		    "a PDF file (it does not begin with %%PDF-): link the "
		    "PDF itself, or save the document as PDF", shown);
		return 0;
	}
	/* libqpdf decodes object streams whole as it reads the file. */
	if (!pdfin_bombs(*data, len, shown, at))
		return 0;
	qpdf_silence_errors(q);
	qpdf_set_suppress_warnings(q, QPDF_TRUE);
	/* A damaged file is refused, not silently repaired. */
	qpdf_set_attempt_recovery(q, QPDF_FALSE);
	if (qpdf_read_memory(q, shown, *data, len, "") & QPDF_ERRORS) {
		/* Taking qpdf's error clears it: read it once. */
		qpdf_error e = qpdf_get_error(q);
		const char *why = e ? qpdf_get_error_message_detail(q, e) :
		    NULL;

		if (e == NULL || qpdf_get_error_code(q, e) !=
		    qpdf_e_password) {
			diag(DIAG_ERROR, at->file, at->line, at->col, "\"%s\" "
			    "is a damaged PDF file (%s): ask the sender for a "
			    "new copy", shown, why && *why ? why :
			    "unknown error");
			return 0;
		}
		encrypted = true;
	}
	/* A password to open it, or only restrictions: either way the
	 * pages are not ours to copy. */
	if (encrypted || qpdf_is_encrypted(q)) {
		diag(DIAG_ERROR, at->file, at->line, at->col, "\"%s\" is "
		    "encrypted: its pages cannot be placed in the pack; ask "
		    "the sender for a copy without a password or "
		    "restrictions (qpdf --decrypt removes them)", shown);
		return 0;
	}
	return 1;
}

int
pdfin_open_file(qpdf_data *q, const char *path, const char *shown,
    const struct srcpos *at)
{
	char	*data = NULL;
	int	 ok = pdfin_open(*q, path, shown, at, &data);

	qpdf_cleanup(q);
	free(data);
	*q = qpdf_init();
	if (!ok)
		return 0;
	qpdf_silence_errors(*q);
	qpdf_set_suppress_warnings(*q, QPDF_TRUE);
	qpdf_set_attempt_recovery(*q, QPDF_FALSE);
	if (qpdf_read(*q, path, "") & QPDF_ERRORS) {
		diag(DIAG_ERROR, at->file, at->line, at->col, "\"%s\" is a "
		    "damaged PDF file (%s): ask the sender for a new copy",
		    shown, pdfin_reason(*q));
		return 0;
	}
	return 1;
}

/*
 * What one content stream decodes to, counted in pieces and thrown
 * away.  Flate (nearly every content stream) is inflated here, stopping
 * at the bound; a stream without filters is its length; other filters
 * are decoded by qpdf (pdfin_bombs() has bounded them all), never an
 * image's (a JPEG can decode to gigabytes).
 */
static unsigned long long
stream_size(qpdf_data q, qpdf_oh s, unsigned long long limit)
{
	qpdf_oh	 f = qpdf_oh_get_key(q, qpdf_oh_get_dict(q, s), "/Filter");
	unsigned char *raw = NULL, out[65536];
	unsigned long long n = 0;
	QPDF_BOOL filtered;
	size_t	 len;
	z_stream z;
	int	 zr;
	bool	 flate;

	if (qpdf_oh_is_array(q, f) && qpdf_oh_get_array_n_items(q, f) == 1)
		f = qpdf_oh_get_array_item(q, f, 0);
	flate = qpdf_oh_is_name_and_equals(q, f, "/FlateDecode") ||
	    qpdf_oh_is_name_and_equals(q, f, "/Fl");
	if (qpdf_oh_get_stream_data(q, s, flate || qpdf_oh_is_null(q, f) ?
	    qpdf_dl_none : qpdf_dl_generalized, &filtered, &raw, &len) &
	    QPDF_ERRORS) {
		free(raw);
		return (unsigned long long)-1;
	}
	if (!flate) {
		free(raw);
		return len;
	}
	memset(&z, 0, sizeof(z));
	if (inflateInit(&z) != Z_OK) {
		free(raw);
		return (unsigned long long)-1;
	}
	z.next_in = raw;
	z.avail_in = (uInt)len;
	do {
		z.next_out = out;
		z.avail_out = sizeof(out);
		zr = inflate(&z, Z_NO_FLUSH);
		n += sizeof(out) - z.avail_out;
	} while (zr == Z_OK && n <= limit &&
	    (z.avail_in > 0 || z.avail_out == 0));
	inflateEnd(&z);
	free(raw);
	/* A damaged stream is qpdf's to report, when it decodes it. */
	return n;
}

unsigned long long
pdfin_content_size(qpdf_data q, qpdf_oh page, unsigned long long *total)
{
	qpdf_oh	 c = qpdf_oh_get_key(q, page, "/Contents"), s;
	unsigned long long n;
	int	 i, k;

	k = qpdf_oh_is_array(q, c) ? qpdf_oh_get_array_n_items(q, c) : 1;
	for (i = 0; i < k; i++) {
		s = qpdf_oh_is_array(q, c) ? qpdf_oh_get_array_item(q, c, i) : c;
		if (!qpdf_oh_is_stream(q, s))
			continue;
		n = stream_size(q, s, PDFIN_MAX_STREAM);
		if (n == (unsigned long long)-1)
			return n;
		if (n > PDFIN_MAX_STREAM)
			return PDFIN_MAX_STREAM;
		if ((*total += n) > PDFIN_MAX_DECODED)
			return PDFIN_MAX_DECODED;
	}
	return 0;
}

/*
 * PDF files made elsewhere, read with libqpdf's C API (pdfin.c).
 */
#ifndef BOARDGEN_PDFIN_H
#define BOARDGEN_PDFIN_H

#include <qpdf/qpdf-c.h>

#include "util.h"

/* Largest file read, in bytes. */
#define PDFIN_MAX_BYTES	(64u * 1024u * 1024u)
/* Most bytes one page content stream, and all of a file's, may decode
 * to: a small file can inflate to gigabytes (a deflate bomb). */
#define PDFIN_MAX_STREAM	(64ull * 1024u * 1024u)
#define PDFIN_MAX_DECODED	(256ull * 1024u * 1024u)

/* Reads the file at path into *data (the caller frees it after
 * qpdf_cleanup: q reads from it) and opens it in q.  A file that is
 * not a PDF, a damaged one (no repair is attempted) and an encrypted
 * one are reported at `at', naming the file as `shown'; returns 0. */
int		 pdfin_open(qpdf_data q, const char *path, const char *shown,
		    const struct srcpos *at, char **data);
/* Measures what every stream of a PDF file's bytes decodes to with
 * the filters libqpdf would decode, before libqpdf reads it: one
 * stream more than PDFIN_MAX_STREAM, or all but images more than
 * PDFIN_MAX_DECODED, is reported at `at' (naming the file `shown');
 * returns 0 then (pdfbomb.c). */
int		 pdfin_bombs(const char *data, size_t len, const char *shown,
		    const struct srcpos *at);
/* The same checks, but *q (cleaned up and made anew) then reads the
 * file itself as it needs it, not a copy in memory: for the merge,
 * where all files are open at once. */
int		 pdfin_open_file(qpdf_data *q, const char *path,
		    const char *shown, const struct srcpos *at);
/* The box a viewer shows of a page (CropBox inside MediaBox) and its
 * /Rotate as 0, 90, 180 or 270.  Returns 0 if the page has no usable
 * size (under 1 or over 14 400 points a side). */
int		 pdfin_page_box(qpdf_data q, qpdf_oh page, double box[4],
		    int *rotate);
/* The text page shows (pdftext.c), its decoded content given: what is
 * shown on one line joined, with a space where there is a gap, lines
 * apart by '\n', forms followed; then the same characters again in the
 * order of the lines they stand on, left to right, whatever order they
 * were drawn in; *unread: characters whose text their
 * font does not tell (no ToUnicode map, no known encoding), or
 * PDFIN_UNREAD_CUT when a limit (forms inside forms, operators, bytes of
 * text) stopped the reading, so that the page counts as unreadable
 * rather than as read.  Caller frees. */
#define PDFIN_UNREAD_CUT	((size_t)1 << 40)
char		*pdfin_page_text(qpdf_data q, qpdf_oh page,
		    const unsigned char *content, size_t len, size_t *unread);
/* The same, and in ext where its text is shown (x0, y0, x1, y1 in the
 * page's default user space, the glyphs' boxes approximated from their
 * size); all 0 if it shows none. */
char		*pdfin_page_text_extent(qpdf_data q, qpdf_oh page,
		    const unsigned char *content, size_t len, size_t *unread,
		    double ext[4]);
/* Every string object reachable from the trailer (outline, document
 * information, annotations, structure: /Alt, /ActualText) and the XMP
 * metadata, one a line; *cut set when a limit stopped the walk (the rest
 * not read).  Caller frees. */
char		*pdfin_strings(qpdf_data q, bool *cut);
/* Measures what the content streams of a page decode to, without
 * keeping it, and adds it to *total.  Returns 0 if within the bounds,
 * or else the bound that was passed (PDFIN_MAX_STREAM for one stream,
 * PDFIN_MAX_DECODED for *total); (unsigned long long)-1 if a stream
 * cannot be decoded. */
unsigned long long pdfin_content_size(qpdf_data q, qpdf_oh page,
		    unsigned long long *total);
/* qpdf's reason for its last error. */
const char	*pdfin_reason(qpdf_data q);

/* A content stream, token by token (pdflex.c). */
enum pdflex_tok {
	PDFLEX_END,
	PDFLEX_NUM,		/* num */
	PDFLEX_STR,		/* (literal) or <hex>: its bytes in str */
	PDFLEX_NAME,		/* str, without the '/' */
	PDFLEX_OP,		/* str */
	PDFLEX_ABEGIN,		/* [ */
	PDFLEX_AEND,		/* ] */
	PDFLEX_IMAGE,		/* ID, an inline image's data and EI */
	PDFLEX_OTHER		/* << >> { } or a stray delimiter */
};
struct pdflex {
	const unsigned char *s;
	size_t		 len;
	size_t		 at;	/* where the next token is looked for */
	size_t		 start;	/* where the last one began */
	enum pdflex_tok	 tok;	/* the last one */
	double		 num;
	struct buf	 str;	/* the caller frees it */
};
/* The next token; at the end PDFLEX_END, again and again. */
enum pdflex_tok	 pdflex_next(struct pdflex *);
/* Whether the last token is the operator op. */
bool		 pdflex_is(const struct pdflex *, const char *op);
/* A hexadecimal digit's value, or -1. */
int		 pdflex_hexdigit(unsigned char);
/* Matrices [a b c d e f]: r = a x b (r may be a or b), and m moved by
 * (tx, ty) in its own space. */
void		 pdf_mat_mul(const double a[6], const double b[6], double r[6]);
void		 pdf_mat_translate(double m[6], double tx, double ty);

#endif /* BOARDGEN_PDFIN_H */

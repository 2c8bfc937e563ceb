/*
 * pdf: writes laid-out pages as PDF with libharu: embedded TrueType
 * fonts with a correct ToUnicode map, outline, internal links, page
 * labels, metadata.  Deterministic: the same pages give the same bytes.
 */
#ifndef BOARDGEN_PDF_H
#define BOARDGEN_PDF_H

#include "../model/pages.h"

/* Writes to path via a temporary file renamed on success; an existing
 * file at path is untouched on failure.  Timestamps come from
 * SOURCE_DATE_EPOCH if set, else from doc->date.  Returns 0 after
 * reporting on failure. */
/* Fonts are the TTF files of doc->families: face f is
 * doc->families[f / 4].file[f % 4]. */
int	 pdf_write(const char *path, const struct doc *,
	    const struct pages *);
/* The same, with check called on the whole file before it is written
 * (the public pack's last guard): nothing is written if it returns 0. */
int	 pdf_write_checked(const char *path, const struct doc *,
	    const struct pages *, int (*check)(void *arg, const char *path,
	    const char *data, size_t len), void *arg);
/* The file pdf_write writes, made in memory and not written (check's
 * rehearsal of the public pack); path names it in messages.  The
 * caller frees *data.  Returns 0 after reporting on failure. */
int	 pdf_make(const char *path, const struct doc *,
	    const struct pages *, char **data, size_t *len);

#endif /* BOARDGEN_PDF_H */

/*
 * layout: measures text with the template's TrueType fonts, breaks
 * paragraphs into lines (Swedish hyphenation), paginates, resolves page
 * references, and yields the page model.
 */
#ifndef BOARDGEN_LAYOUT_H
#define BOARDGEN_LAYOUT_H

#include "../model/pages.h"

/* The faces named by doc->families (face = family * 4 + FACE_*); each
 * file is read when first measured with.  Returns NULL after reporting
 * a missing font file. */
struct fontset	*fontset_new(const struct doc *);
void		 fontset_free(struct fontset *);
size_t		 fontset_nfaces(const struct fontset *);
/* TTF path of a face, or NULL if it cannot be read (reported). */
const char	*fontset_file(struct fontset *, int face);
/* Advance width of cp in face in 1/1000 em, or -1 if the face has no
 * glyph for it. */
int		 fontset_width(struct fontset *, int face, uint32_t cp);
/* A face's x-height in 1/1000 em, or 0 if unknown. */
int		 fontset_xheight(struct fontset *, int face);
/* Font ascent and descent (descent negative) in 1/1000 em. */
void		 fontset_vmetrics(struct fontset *, int face,
		    int *ascent, int *descent);

/* Starts reading what layout will need (the hyphenation dictionary) on
 * another thread; layout_preload_end waits for it and frees what layout
 * did not take.  Optional: without it layout reads it when needed. */
void		 layout_preload(void);
void		 layout_preload_end(void);
/* Waits for that reading to end and keeps what it read: before a fork,
 * since the child would have no such thread (and could inherit a lock
 * the thread held). */
void		 layout_preload_wait(void);

/* Pages of one PDF (a pack, a document): with the limits on text and
 * table rows they keep an accepted meeting well under 1 GiB. */
#define LAYOUT_MAX_PAGES	4000

/* Lays out every part of the document.  Page references are resolved
 * by repeated passes until no anchor moves.  Returns NULL after
 * reporting (e.g. a character no font has, with its source position). */
struct pages	*layout_doc(const struct doc *, struct fontset *);

#endif /* BOARDGEN_LAYOUT_H */

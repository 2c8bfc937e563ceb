/*
 * model: the page model (layout/ builds it from the document tree;
 * pdf/ writes it).
 */
#ifndef BOARDGEN_MODEL_PAGES_H
#define BOARDGEN_MODEL_PAGES_H

#include "doc.h"

/* ------------------------------------------------------------------ */
/* The page model (layout/ builds it; pdf/ writes it).  Coordinates are
 * PDF points with the origin at the bottom left of the page. */

enum pitem_kind {
	PITEM_TEXT,	/* text at baseline (x, y) */
	PITEM_LINE,	/* stroke from (x, y) to (x + w, y + h) */
	PITEM_RECT,	/* filled rectangle (x, y, w, h) */
	PITEM_LINK,	/* link area (x, y, w, h) to target */
	PITEM_PATH,	/* polyline or polygon: pts relative to (x, y) */
	PITEM_CIRCLE,	/* circle at centre (x, y), radius w */
	PITEM_IMAGE	/* PNG file `text' scaled into (x, y, w, h) */
};

struct pitem {
	enum pitem_kind	 kind;
	float		 x, y, w, h;
	int		 face;		/* PITEM_TEXT: index into fontset */
	float		 size;
	struct rgb	 color;
	float		 line_width;	/* PITEM_LINE */
	const char	*text;		/* UTF-8, spaces included */
	const char	*actual;	/* PITEM_TEXT: what it copies as when
					 * it shows other characters (a minus
					 * sign typed as '-'), or NULL */
	float		 space_extra;	/* added after each U+0020 (justify) */
	bool		 hyphen_added;	/* text ends in a hyphen layout added */
	bool		 joined;	/* its line broke inside its last word
					 * (after the word's own hyphen): the
					 * word goes on on the next line */
	const char	*lang;		/* PITEM_TEXT: the span's language
					 * (the document tree's), or NULL */
	const char	*target;	/* PITEM_LINK: "#anchor" or URI */
	/* PITEM_PATH, PITEM_CIRCLE: filled with `color' and/or stroked
	 * with `stroke' at line_width (dashed if dash_on > 0).  pts holds
	 * npts (x, y) pairs in the pages' arena. */
	const float	*pts;
	size_t		 npts;
	bool		 closed;
	bool		 filled;
	bool		 stroked;
	struct rgb	 stroke;
	float		 dash_on, dash_off;
	/* Structure, for a tagged-PDF writer: the document-tree block the
	 * item belongs to; NULL with artifact set for running headers,
	 * footers, rules and other decoration. */
	const struct block *node;
	bool		 artifact;
	/* A footnote reference's number (raised, smaller): the anchor of
	 * its note, whose items have the note block as node; `rise' is
	 * how far y is above the baseline of its line. */
	const char	*noteref;
	float		 rise;
	/* Items of a table cell (text, status symbol, cell fill): the
	 * BLOCK_TABLE, the row (index into its rows) and the cell, whose
	 * col, colspan and rowspan say where it stands; NULL elsewhere.
	 * A header repeated on a later page is marked artifact. */
	const struct block *tblock;
	size_t		 trow;
	const struct table_cell *cell;
};

struct page {
	float		 width, height;
	struct pitem	*items;
	size_t		 nitems, capitems;
	size_t		 part;		/* index into doc->parts */
	int		 docpage;	/* 1-based page within its part */
	int		 docpages;
	/* The page of a PDF made elsewhere drawn under this one's items:
	 * its file (in the pages' arena) and page, 1-based; NULL, 0. */
	const char	*external;
	int		 external_page;
};

struct anchor {
	const char	*name;
	size_t		 page;		/* 0-based index into pages */
	float		 y;		/* top of the anchored block */
};

struct outline_entry {
	const char	*title;
	int		 level;		/* 1 = top */
	size_t		 page;
	float		 y;
};

struct fontset;			/* layout/: loaded faces and metrics */

struct pages {
	struct page	*v;
	size_t		 n;
	struct anchor	*anchors;	/* sorted by name */
	size_t		 nanchors;
	struct outline_entry *outlines;	/* in document order */
	size_t		 noutlines;
	struct arena	 arena;		/* texts and targets of items */
};

/* ------------------------------------------------------------------ */
/* Destructors and look-ups (model.c). */

void		 pages_free(struct pages *);
/* Looks up an anchor by name in an array sorted by name; NULL if
 * absent. */
const struct anchor *anchor_find(const struct anchor *, size_t,
		    const char *);
/* The same in pages->anchors. */
const struct anchor *pages_anchor(const struct pages *, const char *);

#endif /* BOARDGEN_MODEL_PAGES_H */

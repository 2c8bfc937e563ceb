/*
 * font: the one reader of TrueType files.  Layout measures with it and
 * the PDF writer embeds with it, so both see the same glyphs and the
 * same widths; it also writes the subsets the writer embeds.
 */
#ifndef BOARDGEN_FONT_TTF_H
#define BOARDGEN_FONT_TTF_H

#include <stddef.h>
#include <stdint.h>

#include "../util/util.h"

struct ttf {
	const unsigned char *data;	/* the whole file */
	unsigned char	*own;		/* data, when ttf_load read it */
	size_t		 len;
	unsigned	 upem;
	unsigned	 nglyphs, nhm;
	bool		 longloca;
	unsigned	 macstyle;
	/* Descriptor values in 1/1000 em. */
	int		 bbox[4];
	int		 ascent, descent, capheight, xheight;
	unsigned	 weight, fsselection, serifstyle;
	int		 familyclass;
	double		 italic;	/* degrees, counter-clockwise */
	bool		 fixed;
	char		 name[64];	/* PostScript name, may be empty */
	/* Table offsets (and lengths where copied whole). */
	size_t		 head, hhea, maxp, maxplen, hmtx, loca, glyf, glyflen;
	size_t		 cvt, cvtlen, fpgm, fpgmlen, prep, preplen;
	size_t		 cmap4;		/* format 4 subtable */
	unsigned	 segx2;
};

/* Reads the tables of a TrueType font with a Unicode BMP cmap whose
 * glyphs all exist.  Returns 0 if it is not one (or is damaged). */
int	 ttf_parse(struct ttf *, const unsigned char *data, size_t len);
/* Reads and parses the font file at path; reports why not, naming the
 * file, and returns 0 if it cannot be used.  ttf_unload frees it. */
int	 ttf_load(struct ttf *, const char *path);
void	 ttf_unload(struct ttf *);
/* The glyph of a BMP code point; 0 (.notdef) if none. */
unsigned ttf_glyph(const struct ttf *, unsigned cp);
/* Advance width of a glyph in 1/1000 em, truncated. */
int	 ttf_width(const struct ttf *, unsigned glyph);
/* Adds to keep[] (one byte per glyph, nglyphs) glyph 0 and every
 * component of the composite glyphs kept.  0 on a malformed glyph. */
int	 ttf_close(const struct ttf *, uint8_t *keep);
/* Writes a font program of the kept glyphs, numbered in their order
 * from 0; newgid[] (nglyphs) gets each kept glyph's new number.
 * 0 on a malformed glyph. */
int	 ttf_subset(const struct ttf *, const uint8_t *keep, uint16_t *newgid,
	    struct buf *out);

#endif /* BOARDGEN_FONT_TTF_H */

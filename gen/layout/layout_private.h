/*
 * Declarations shared by the files of the layout stage (and its unit
 * tests).  Nothing here is for other stages.
 */
#ifndef BOARDGEN_LAYOUT_PRIVATE_H
#define BOARDGEN_LAYOUT_PRIVATE_H

#include "layout.h"

/* Makes room for one more element in a growable array. */
#define GROW(p, n, cap) do { \
	if ((n) >= (cap)) { \
		(cap) = (cap) ? (cap) * 2 : 64; \
		(p) = xrealloc((p), (cap) * sizeof(*(p))); \
	} \
} while (0)

/* font.c: the hyphenation dictionary lives with the fonts, loaded on
 * first use; NULL (after a warning) if it cannot be loaded. */
struct hyph	*fontset_hyph(struct fontset *);

/* hyphen.c */
struct hyph	*hyph_load(void);
void		 hyph_free(struct hyph *);
/* Sets ok[i] to 1 where a hyphen may go before cp[i] (a letter run of
 * n code points; at least 2 letters each side).  Returns the number
 * of points; 0 for a word that cannot be hyphenated. */
size_t		 hyph_word(struct hyph *, const uint32_t *cp, size_t n,
		    char *ok);

/* linebreak.c */

/* A run of text of one face on a line. */
struct lb_run {
	float		 x, w;		/* from the line's start */
	int		 face;
	const char	*text;		/* UTF-8 in the caller's arena */
	float		 space_extra;	/* after each U+0020 */
	bool		 hyphen_added;
	bool		 joined;	/* the line broke inside its last word,
					 * after a hyphen of its own ("e-|hälsa")
					 * or anywhere when nothing else fit:
					 * the word goes on, no space between */
	const char	*link;		/* target of the link it is, or NULL */
	const char	*lang;		/* its spans' language mark, or NULL */
	const char	*note;		/* a footnote reference: the note's
					 * anchor (the text is its number,
					 * raised and smaller); else NULL */
	float		 size;		/* inline code: its size (smaller
					 * than the style's); else 0 */
	const char	*actual;	/* what the run copies as when it
					 * shows other characters: "-" for a
					 * minus sign typed so; else NULL */
};

#define RULE_GAP	3.0f	/* between a rule and its block's text, and a
			 * running line's rule and its text */

/* A footnote reference's number: its size against the text's, and
 * how far it is raised (of the text's size). */
#define NOTE_SCALE	0.62f
#define NOTE_RISE	0.36f

/* The extent of a link on a line. */
struct lb_link {
	float		 x, w;
	const char	*target;
};

struct lb_line {
	size_t		 run0, nruns;	/* into lb->runs */
	size_t		 link0, nlinks;	/* into lb->links */
	float		 width;		/* used, from 0 to the last glyph */
};

/* Text of a page reference (caller's arena), or NULL after reporting. */
typedef const char *(*lb_pageref_fn)(void *, const struct span *);

struct lb_in {
	const struct style *style;
	float		 width0;	/* measure of the first line */
	float		 width;		/* measure of the others */
	bool		 code;		/* literal lines broken at characters */
	bool		 nowarn;	/* labels etc.: no overlong warning */
	const char	*lang;		/* the paragraph's language, or NULL:
					 * the document's (Swedish) */
	bool		 ragged;	/* set ragged though justified: its
					 * list is (paginate.c) */
	lb_pageref_fn	 pageref;
	void		*arg;
	struct arena	*arena;		/* for run texts */
};

struct lb_item;
struct lb_node;

/* Line breaker with its scratch memory, reused paragraph after
 * paragraph.  The results (lines, runs, links) are valid until the
 * next lb_break(). */
/* Characters no font has that a document's layout names one by one. */
#define LB_MAX_MISSING	20

struct lb {
	const struct doc *doc;
	struct fontset	*fs;
	struct lb_line	*lines;
	size_t		 nlines, caplines;
	struct lb_run	*runs;
	size_t		 nruns, capruns;
	struct lb_link	*links;
	size_t		 nlinks, caplinks;
	/* Scratch. */
	struct lb_item	*it;
	size_t		 nit, capit;
	struct lb_node	*nodes;
	size_t		 nnodes, capnodes;
	double		*sum;		/* 3 prefix sums per item */
	size_t		 capsum;
	size_t		*brk;
	size_t		 capbrk;
	uint32_t	*cp;		/* the current box's code points */
	uint32_t	*off;		/* their byte offsets */
	float		*wd;		/* their widths */
	size_t		 ncp, capcp;
	char		*ok;
	struct buf	 text;
	/* The paragraph being broken is set ragged: its style is not
	 * justified, or no set of breaks kept every line's spaces within
	 * tolerance, and then the whole paragraph is, not one line. */
	bool		 ragged;
	float		 code_scale;	/* inline code's size to the text's */
	/* Characters no font has, named so far (a paragraph is broken
	 * more than once: each is named once), up to LB_MAX_MISSING;
	 * past that one line says there are more. */
	struct {
		const struct span *sp;
		size_t		 off;
	}		 missing[LB_MAX_MISSING];
	size_t		 nmissing;
	bool		 more_missing;
};

struct lb	*lb_new(const struct doc *, struct fontset *);
void		 lb_free(struct lb *);
/* A space inside a number the line breaker never breaks at: between
 * digit groups ("1 250"), before a per cent sign ("12 %"), after a
 * paragraph sign ("§ 4"); table.c sizes columns by the same rule. */
bool		 lb_number_space(const char *s, size_t i, size_t len);
/* Breaks a paragraph's spans into lines.  Returns 0 after reporting. */
int		 lb_break(struct lb *, const struct lb_in *,
		    const struct span *);
/* The face for text with span flags in a style. */
int		 lb_face(const struct doc *, const struct style *, unsigned);

/* paginate.c: one part's blocks into pages of its own. */

enum pmark_kind {
	PMARK_ANCHOR,
	PMARK_OUTLINE
};

/* An anchor or bookmark, on a page of the part. */
struct pmark {
	enum pmark_kind	 kind;
	const char	*name;		/* anchor name or outline title */
	int		 level;
	size_t		 page;		/* 0-based within the part */
	float		 y;
	struct srcpos	 pos;
};

/* A page reference as shown, to check after every pass. */
struct pref {
	const struct span *span;
	size_t		 shown;		/* the number shown; 0: none yet */
};

struct part_out {
	struct page	*pages;
	size_t		 npages;
	struct pmark	*marks;
	size_t		 nmarks, capmarks;
	struct pref	*refs;
	size_t		 nrefs, caprefs;
};

/* Lays out doc->parts[part] into out (emptied first).  known holds the
 * anchors of the previous pass, sorted by name, for page references.
 * Returns 0 after reporting. */
int		 paginate_part(const struct doc *, struct fontset *,
		    struct lb *, struct arena *, size_t part,
		    const struct anchor *known, size_t nknown,
		    struct part_out *out);
void		 part_out_free(struct part_out *);

/* paginate.c internals shared with table.c and chart.c.  A part's
 * blocks become a vertical list of elements (struct vel) holding
 * positioned items (y relative to the element top), cut into pages. */

enum vkind {
	V_BOX,
	V_SPACE,		/* discarded at a page top */
	V_BREAK			/* a forced page break */
};

struct vel {
	enum vkind	 kind;
	float		 h;
	bool		 brk;		/* a page may end before this */
	bool		 hyph;		/* a line ending in an added hyphen */
	bool		 land;		/* on landscape pages (a table too
					 * wide for the text width), which
					 * hold nothing else */
	size_t		 it0, nit;	/* items; y from the element top */
	size_t		 mk0, nmk;	/* marks at its top */
	size_t		 cont;		/* a page starting here repeats
					 * lay->cont[cont - 1]; 0: none */
	size_t		 vn0, nvn;	/* footnotes whose first reference
					 * is on this line: lay->vn[vn0..] */
};

/* A footnote laid out for the bottom of a page: its items (y from its
 * top) are in lay->it but belong to no element of the list. */
struct vnote {
	float		 h;
	size_t		 it0, nit;
	const struct style *style;
};

/* A table's continuation header: the caption marked "(forts.)" and
 * the header rows, placed at the top of every page that starts inside
 * the table's body.  Its items are in lay->it (y from its top) but
 * belong to no element of the list. */
struct vcont {
	float		 h;
	size_t		 it0, nit;
	/* A rule closing the table at the bottom of a page it
	 * continues from: x, width, line width (0: none), colour. */
	float		 rx, rw, rlw;
	struct rgb	 rcolor;
};

struct lay {
	const struct doc *doc;
	struct fontset	*fs;
	struct lb	*lb;
	struct arena	*arena;
	const struct page_style *ps;
	const struct anchor *known;
	size_t		 nknown;
	struct part_out	*out;
	float		 x0, x1;	/* text area */
	float		 indl, indr;	/* nesting */
	float		 listlw;	/* label column of the current list */
	bool		 ragged;	/* the current list is set ragged */
	bool		 keep;		/* no break before the next box */
	int		 keepn;		/* nor before the next keepn boxes:
					 * a heading keeps two lines */
	struct vel	*v;
	size_t		 nv, capv;
	struct pitem	*it;
	size_t		 nit, capit;
	struct pmark	*mk;
	size_t		 nmk, capmk, mkpend;
	/* Labels waiting for the next line; y from its baseline. */
	struct pitem	*lab;
	size_t		 nlab, caplab;
	struct vcont	*cont;		/* continuation headers */
	size_t		 ncont, capcont;
	struct vnote	*notes;		/* footnotes */
	size_t		 nnotes, capnotes;
	size_t		*vn;		/* indices into notes, by line */
	size_t		 nvn, capvn;
};

/* Appends an element to the vertical list; a box takes the pending
 * marks.  Set its nit after adding its items. */
struct vel	*lay_vel(struct lay *, enum vkind, float h, bool brk);
/* Vertical space (discarded at a page top). */
void		 lay_space(struct lay *, float h);
/* A new item, y relative to the current element's top. */
struct pitem	*lay_pitem(struct lay *, enum pitem_kind);
/* Fills text item p from a run of line breaking (lb_run), at (x, y)
 * plus the run's own x, in the style. */
void		 lay_run_item(struct pitem *p, const struct lb_run *r,
		    const struct style *st, const struct block *b, float x,
		    float y);
/* A rule (PITEM_LINE, artifact) in the style's colour. */
void		 lay_line_item(struct lay *, enum pitem_kind, float x, float y,
		    float w, float lw, const struct style *);
/* Baseline below the top of a line box of the style. */
float		 lay_baseline(const struct lay *, const struct style *);
/* Breaks short spans onto one unbounded line (results in L->lb). */
int		 lay_oneline(struct lay *, const struct style *,
		    const struct span *);
/* Lays out one block (not its siblings). */
int		 lay_block(struct lay *, const struct block *);
/* Lays out a chain of blocks between L->x0 + indl and L->x1 - indr. */
int		 lay_blocks(struct lay *, const struct block *);

/* table.c: a BLOCK_TABLE into the vertical list. */
int		 table_layout(struct lay *, const struct block *);
/* chart.c: a BLOCK_CHART into the vertical list. */
int		 chart_layout(struct lay *, const struct block *);

#endif /* BOARDGEN_LAYOUT_PRIVATE_H */

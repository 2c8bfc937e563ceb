/*
 * Line breaking: Knuth and Plass's total-fit algorithm over boxes,
 * glue and penalties, as in TeX.  A first pass goes without
 * hyphenation (TeX's \pretolerance); only if it finds no acceptable
 * set of breaks do we hyphenate (and split words wider than the line)
 * and try again, and last comes an emergency pass that accepts any
 * line that does not overflow.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "layout.h"
#include "layout_private.h"

#define PEN_INF		10000	/* penalty: never / always (negated) */
#define PEN_HYPHEN	50	/* TeX's \hyphenpenalty, \exhyphenpenalty */
#define PEN_EMERG	5000	/* a break inside a word, no hyphen */
#define DEM_LINE	10	/* \linepenalty */
#define DEM_FLAGGED	3000	/* two hyphenated lines in a row */
#define DEM_FITNESS	10000	/* very different spacing in adjacent lines */
#define TOL_FIRST	100	/* \pretolerance */
#define TOL_SECOND	200	/* \tolerance */
#define TOL_LOOSE	340	/* spaces at most 1.75 times their width:
				 * beyond, a paragraph is set ragged */
#define RAGGED_EM	3.0	/* the stretch a ragged line is judged by */
#define HYPH_MINWORD	5

enum { I_BOX, I_GLUE, I_PEN };
enum { D_NONE, D_HYPHEN, D_EMERG };

struct lb_item {
	unsigned char	 kind;
	unsigned char	 disc;		/* I_PEN: what breaking here shows */
	bool		 flagged;	/* I_PEN */
	bool		 nobreak;	/* I_GLUE: not a breakpoint */
	bool		 minus;		/* I_BOX: a '-' shown as U+2212 */
	int		 face;
	int		 pen;
	float		 w, y, z;	/* width, stretch, shrink */
	const struct span *span;
	const char	*s;		/* I_BOX: its bytes */
	size_t		 len;
};

struct lb_node {
	size_t		 pos;		/* the break item */
	size_t		 start;		/* first item of the next line */
	size_t		 line;		/* lines before the break */
	size_t		 prev;		/* node, or NONE */
	int		 fit;
	double		 dem;
	double		 tw, ty, tz;	/* sums at start */
};

#define NONE	((size_t)-1)

/* Per-paragraph state while building items. */
struct bld {
	struct lb	*lb;
	const struct lb_in *in;
	float		 size;
	bool		 hyph;		/* hyphenate boxes */
	bool		 ragged;
	/* The box being built. */
	const struct span *span;
	const char	*s;
	size_t		 len;
	int		 face;
	float		 w;
	/* Whitespace seen since the last box. */
	bool		 space;
	bool		 space_nobreak;
	int		 lastface;	/* of the last box, for spaces */
	float		 lastsize;	/* and its size */
	bool		 lastcode;	/* it was inline code */
	bool		 atstart;	/* nothing since start or a hard break */
	uint32_t	 lastcp;	/* last character of the last box */
	bool		 fail;
};

int
lb_face(const struct doc *d, const struct style *st, unsigned flags)
{
	int	 fam = st->family;
	unsigned v = st->face;

	if ((flags & SPAN_CODE) && d->code_family >= 0)
		fam = d->code_family;
	if (flags & SPAN_BOLD)
		v |= FACE_BOLD;
	if (flags & SPAN_ITALIC)
		v |= FACE_ITALIC;
	return fam * 4 + (int)(v & 3);
}

struct lb *
lb_new(const struct doc *d, struct fontset *fs)
{
	struct lb *lb = xcalloc(1, sizeof(*lb));

	lb->doc = d;
	lb->fs = fs;
	return lb;
}

void
lb_free(struct lb *lb)
{
	if (lb == NULL)
		return;
	free(lb->lines);
	free(lb->runs);
	free(lb->links);
	free(lb->it);
	free(lb->nodes);
	free(lb->sum);
	free(lb->brk);
	free(lb->cp);
	free(lb->off);
	free(lb->wd);
	free(lb->ok);
	buf_free(&lb->text);
	free(lb);
}


static struct lb_item *
item(struct lb *lb, int kind)
{
	struct lb_item *it;

	GROW(lb->it, lb->nit, lb->capit);
	it = &lb->it[lb->nit++];
	memset(it, 0, sizeof(*it));
	it->kind = (unsigned char)kind;
	return it;
}

/* Longest source file read again to place a missing character. */
#define SRC_MAX		(16u * 1024u * 1024u)

/* The length of a character reference at s ("&#x6F22;", "&#27954;",
 * "&amp;") and its code point (0 for a named one), or 0. */
static size_t
charref(const char *s, size_t len, uint32_t *cp)
{
	size_t	 i = 1;
	unsigned long v = 0;
	bool	 hex;

	*cp = 0;
	if (len < 3 || s[0] != '&')
		return 0;
	if (s[1] != '#') {
		while (i < len && i < 40 && ((s[i] >= 'a' && s[i] <= 'z') ||
		    (s[i] >= 'A' && s[i] <= 'Z') || (s[i] >= '0' &&
		    s[i] <= '9')))
			i++;
		return i > 1 && i < len && s[i] == ';' ? i + 1 : 0;
	}
	hex = len > 2 && (s[2] == 'x' || s[2] == 'X');
	for (i = hex ? 3 : 2; i < len && i < 12; i++) {
		int	 d = s[i] >= '0' && s[i] <= '9' ? s[i] - '0' :
		    hex && s[i] >= 'a' && s[i] <= 'f' ? s[i] - 'a' + 10 :
		    hex && s[i] >= 'A' && s[i] <= 'F' ? s[i] - 'A' + 10 : -1;

		if (d < 0)
			break;
		v = v * (hex ? 16 : 10) + (unsigned long)d;
	}
	if (i == (hex ? 3u : 2u) || i >= len || s[i] != ';' || v > 0x10FFFF)
		return 0;
	*cp = (uint32_t)v;
	return i + 1;
}

/* One character of the decoded text as written at s: a character
 * reference, a Markdown escape ("\*"), a run of blanks, or the
 * character itself.  Its length; *cp its code point (0: unknown). */
static size_t
source_unit(const char *s, size_t len, uint32_t *cp)
{
	size_t	 n;

	if ((n = charref(s, len, cp)) > 0)
		return n;
	if (s[0] == '\\' && len > 1 && s[1] > ' ' && s[1] < 0x7f &&
	    strchr("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~", s[1]) != NULL) {
		*cp = (unsigned char)s[1];
		return 2;
	}
	if (s[0] == ' ' || s[0] == '\t') {
		for (n = 1; n < len && (s[n] == ' ' || s[n] == '\t'); n++)
			continue;
		*cp = ' ';
		return n;
	}
	if ((n = utf8_decode(s, len, cp)) == 0) {
		*cp = 0;
		return 1;
	}
	return n;
}

/*
 * The column in its source line of the character at `at' of the span's
 * text, which is decoded: the line may spell a character as a
 * reference ("&#x6F22;") or escape it, and the message must point at
 * what is written.  0 if the line cannot be read or does not match.
 */
static int
source_col(const struct span *sp, const char *at, uint32_t want)
{
	char	*data = NULL;
	const char *p, *e, *t;
	size_t	 len, n, k, m;
	uint32_t cp, tc;
	int	 line, col = 0;

	if (sp->pos.file == NULL || sp->pos.line <= 0 || sp->pos.col <= 0 ||
	    !file_read_quiet(sp->pos.file, SRC_MAX, &data, &len))
		return 0;
	for (p = data, line = 1; line < sp->pos.line && p != NULL; line++)
		if ((p = memchr(p, '\n', len - (size_t)(p - data))) != NULL)
			p++;
	if (p == NULL)
		goto out;
	if ((e = memchr(p, '\n', len - (size_t)(p - data))) == NULL)
		e = data + len;
	/* The span's first character, counted in characters. */
	for (k = 1; k < (size_t)sp->pos.col && p < e; k++)
		p += (n = utf8_decode(p, (size_t)(e - p), &cp)) > 0 ? n : 1;
	for (t = sp->text; t < at && p < e; p += n) {
		n = source_unit(p, (size_t)(e - p), &cp);
		t += (m = utf8_decode(t, strlen(t), &tc)) > 0 ? m : 1;
		/* A blank run in the source is one blank in the text. */
		if (cp == ' ' && tc == ' ')
			while (t < at && (*t == ' ' || *t == '\t'))
				t++;
		else if (cp != 0 && cp != tc)
			goto out;	/* the text was changed: give up */
	}
	if (p >= e || t != at || (source_unit(p, (size_t)(e - p), &cp),
	    cp != 0 && cp != want))
		goto out;
	/* Columns count characters from the line's start. */
	for (col = 1, t = p; t > data && t[-1] != '\n'; t--)
		if (((unsigned char)t[-1] & 0xc0) != 0x80)
			col++;
out:
	free(data);
	return col;
}

/*
 * The face that prints cp: the span's, else the fallback family's same
 * variant.  Sets *w in points.  A character neither has is an error at
 * the place it is written, and laying out goes on (nothing is written
 * after an error) so that every such character is named.
 */
static int
resolve(struct lb *lb, const struct span *sp, const char *at, int face,
    uint32_t cp, float size, float *w)
{
	const struct doc *d = lb->doc;
	int	 u, fb, col = sp->pos.col, sc;
	size_t	 off, i;

	if ((u = fontset_width(lb->fs, face, cp)) >= 0) {
		*w = (float)u * size / 1000.0f;
		return face;
	}
	if (d->fallback_family >= 0) {
		fb = d->fallback_family * 4 + face % 4;
		if ((u = fontset_width(lb->fs, fb, cp)) >= 0) {
			*w = (float)u * size / 1000.0f;
			return fb;
		}
	}
	/* Held the room of a question mark. */
	u = fontset_width(lb->fs, face, '?');
	*w = (float)(u >= 0 ? u : 500) * size / 1000.0f;
	off = at != NULL && sp->text != NULL ? (size_t)(at - sp->text) : 0;
	for (i = 0; i < lb->nmissing; i++)
		if (lb->missing[i].sp == sp && lb->missing[i].off == off)
			return face;	/* named when laid out before */
	/* Past the first few, one line says there are more (a text in a
	 * script the fonts lack is not named character by character). */
	if (lb->nmissing == LB_MAX_MISSING) {
		if (!lb->more_missing)
			diag(DIAG_ERROR, sp->pos.file, sp->pos.line, 0,
			    "more characters that no font has follow (only "
			    "the first %d are named): remove them or choose "
			    "a font that has them", LB_MAX_MISSING);
		lb->more_missing = true;
		return face;
	}
	lb->missing[lb->nmissing].sp = sp;
	lb->missing[lb->nmissing++].off = off;
	/* A span lies on one source line (content/ never merges across
	 * lines): point at the character itself, as it is written. */
	if (col > 0 && at != NULL && sp->text != NULL && at >= sp->text &&
	    at < sp->text + strlen(sp->text)) {
		if ((sc = source_col(sp, at, cp)) > 0)
			col = sc;
		else
			col += (int)utf8_length(sp->text,
			    (size_t)(at - sp->text));
	}
	diag(DIAG_ERROR, sp->pos.file, sp->pos.line, col,
	    "the character U+%04X is not in font \"%s\" nor in the fallback "
	    "font: remove it or choose a font that has it", (unsigned)cp,
	    (size_t)(face / 4) < d->nfamilies && d->families[face / 4].name ?
	    d->families[face / 4].name : "?");
	return face;
}

/* Width in points of cp in face, or 0 if it has none. */
static float
cpwidth(struct lb *lb, int face, uint32_t cp, float size)
{
	int	 u = fontset_width(lb->fs, face, cp);

	return u < 0 ? 0.0f : (float)u * size / 1000.0f;
}

/* Capital letters of the scripts hyphenation covers (Latin-1). */
static bool
isupper_latin(uint32_t c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 0xc0 && c <= 0xde &&
	    c != 0xd7);
}

static bool
isletter(uint32_t c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= 0xC0 && c != 0xD7 && c != 0xF7 && c < 0x2000);
}

static bool
isspace_(uint32_t c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' ||
	    c == '\f' || c == '\v';
}

static void
addbox(struct bld *b, const char *s, size_t len, float w)
{
	struct lb_item *it = item(b->lb, I_BOX);

	it->face = b->face;
	it->span = b->span;
	it->s = s;
	it->len = len;
	it->w = w;
}

static void
addpen(struct bld *b, int face, int pen, float w, bool flagged, int disc)
{
	struct lb_item *it = item(b->lb, I_PEN);

	it->face = face;
	it->span = b->span;
	it->pen = pen;
	it->w = w;
	it->flagged = flagged;
	it->disc = (unsigned char)disc;
}

/* The hyphenation patterns are Swedish: text marked as another
 * language is never hyphenated by them. */
static bool
swedish(const char *lang)
{
	return lang == NULL || strcmp(lang, "sv") == 0 ||
	    strncmp(lang, "sv-", 3) == 0;
}

/*
 * A hyphen that joins two capitalised parts is in a name ("Lars-Erik",
 * "Nord-Trøndelag"), never broken at.  cp[ncp-1] is the hyphen, next the
 * character after it.  ("EU-medel" has a small letter after it.)
 */
static bool
name_dash(const struct lb *lb, uint32_t next)
{
	size_t	 k;

	if (lb->cp[lb->ncp - 1] != '-' || !isupper_latin(next))
		return false;
	for (k = lb->ncp - 1; k > 0 && isletter(lb->cp[k - 1]); k--)
		;
	return isupper_latin(lb->cp[k]);
}

/* Whether the box holds a name with a hyphen: no hyphenation in it. */
static bool
has_name_dash(const struct lb *lb)
{
	size_t	 k, j;

	for (k = 1; k + 1 < lb->ncp; k++) {
		if (lb->cp[k] != '-' || !isupper_latin(lb->cp[k + 1]) ||
		    !isletter(lb->cp[k - 1]))
			continue;
		for (j = k; j > 0 && isletter(lb->cp[j - 1]); j--)
			;
		if (isupper_latin(lb->cp[j]))
			return true;
	}
	return false;
}

/* Inline code is set at the size that gives it the text's x-height
 * (lb->code_scale); everything else at the paragraph's size. */
static float
spansize(const struct bld *b, const struct span *sp)
{
	return sp != NULL && (sp->flags & SPAN_CODE) ?
	    b->size * b->lb->code_scale : b->size;
}

/* Emits the box built so far, split at hyphenation points if asked. */
static void
flushbox(struct bld *b)
{
	struct lb *lb = b->lb;
	struct hyph *h;
	size_t	 i, j, k, from = 0;
	float	 w = 0, hw;
	bool	 any = false, sentence;

	if (b->len == 0)
		return;
	b->lastface = b->face;
	b->lastsize = spansize(b, b->span);
	b->lastcode = (b->span->flags & SPAN_CODE) != 0;
	b->atstart = false;
	/* A sentence starts at the paragraph's start or after . ! ? : */
	sentence = b->lastcp == 0 || b->lastcp == '.' || b->lastcp == '!' ||
	    b->lastcp == '?' || b->lastcp == ':';
	if (lb->ncp > 0)
		b->lastcp = lb->cp[lb->ncp - 1];
	if (!b->hyph || lb->ncp < HYPH_MINWORD ||
	    (b->span->flags & SPAN_NOBREAK) ||
	    !swedish(b->span->lang != NULL ? b->span->lang : b->in->lang) ||
	    (hw = cpwidth(lb, b->face, '-', b->lastsize)) == 0 ||
	    (h = fontset_hyph(lb->fs)) == NULL) {
		addbox(b, b->s, b->len, b->w);
		goto out;
	}
	/* Addresses, file names and references ("2016/17:180") are no
	 * words, and a name with a hyphen is left whole. */
	if (has_name_dash(lb)) {
		addbox(b, b->s, b->len, b->w);
		goto out;
	}
	for (i = 0; i < lb->ncp; i++)
		if (lb->cp[i] < 0x80 && (strchr("/@_\\:=#&?~", (int)lb->cp[i])
		    != NULL || (lb->cp[i] == '.' && i + 1 < lb->ncp &&
		    isletter(lb->cp[i + 1])))) {
			addbox(b, b->s, b->len, b->w);
			goto out;
		}
	memset(lb->ok, 0, lb->ncp);
	for (i = 0; i < lb->ncp; i = j) {
		for (j = i; j < lb->ncp && isletter(lb->cp[j]); j++)
			continue;
		/* A capital letter inside a sentence starts a name
		 * ("Almqvist", "Trøndelag"): left whole.  A capital at a
		 * sentence start is an ordinary word. */
		if (j - i >= HYPH_MINWORD && (!isupper_latin(lb->cp[i]) ||
		    (i == 0 && sentence)) &&
		    hyph_word(h, lb->cp + i, j - i, lb->ok + i) > 0)
			any = true;
		if (j == i)
			j++;
	}
	if (!any) {
		addbox(b, b->s, b->len, b->w);
		goto out;
	}
	for (k = 0; k < lb->ncp; k++) {
		if (k > 0 && lb->ok[k]) {
			addbox(b, b->s + lb->off[from],
			    lb->off[k] - lb->off[from], w);
			addpen(b, b->face, PEN_HYPHEN, hw, true, D_HYPHEN);
			from = k;
			w = 0;
		}
		w += lb->wd[k];
	}
	addbox(b, b->s + lb->off[from], b->len - lb->off[from], w);
out:
	b->len = 0;
	b->w = 0;
	lb->ncp = 0;
}

static void
addglue(struct bld *b, const struct span *sp)
{
	struct lb_item *it;
	float	 w;
	bool	 incode;

	b->space = false;
	if (b->atstart)
		return;
	/* Inside inline code, the code's own space, as the writer draws
	 * it, and it does not stretch; after inline code, the text's
	 * space: a monospaced one is as wide as a letter. */
	incode = b->lastcode && sp == b->span && sp != NULL &&
	    (sp->flags & SPAN_CODE);
	if (incode)
		w = cpwidth(b->lb, b->lastface, ' ', b->lastsize);
	else if (b->lastcode)
		w = cpwidth(b->lb, lb_face(b->lb->doc, b->in->style, 0), ' ',
		    b->size);
	else
		w = cpwidth(b->lb, b->lastface, ' ', b->lastsize);
	if (w == 0)
		w = b->size / 4;
	it = item(b->lb, I_GLUE);
	it->face = b->lastface;
	it->span = b->span;
	it->w = w;
	it->nobreak = b->space_nobreak;
	if (!b->ragged && !incode) {
		it->y = w / 2;
		it->z = w / 3;
	}
}

/* Drops trailing glue: lines never end in a space. */
static void
trimglue(struct lb *lb)
{
	while (lb->nit > 0 && lb->it[lb->nit - 1].kind == I_GLUE)
		lb->nit--;
}

static bool
digit(char c)
{
	return c >= '0' && c <= '9';
}

/*
 * Official references: a series word and its number are one unit, never
 * broken at the space between them ("SOU 2017:77", "Ds 2017:12", "prop.
 * 2016/17:180", "bet. 2016/17:FiU20", "rskr. 2016/17:300", "SFS
 * 2017:725", "dir. 2017:55", "dnr RS/1119/2017").  The number itself
 * holds a ':' or '/', so it is never hyphenated (flushbox), and a dnr
 * ("RS/1119/2017", "Fi2017/03541/K") has no space to break at.
 */
static const char *const ref_series[] = {
	"SOU", "Ds", "prop.", "Prop.", "bet.", "Bet.", "rskr.", "Rskr.",
	"SFS", "dir.", "Dir.", "dnr", "Dnr", "KOM", "mål", "Mål", NULL
};

/* Whether the word that ends at s[i] (exclusive) is a series word. */
static bool
ref_before(const char *s, size_t i)
{
	const char *const *w;
	size_t	 n;

	for (w = ref_series; *w != NULL; w++) {
		n = strlen(*w);
		if (n <= i && memcmp(s + i - n, *w, n) == 0 &&
		    (i == n || s[i - n - 1] == ' ' || s[i - n - 1] == '(' ||
		    s[i - n - 1] == '"'))
			return true;
	}
	return false;
}

/*
 * A space that Swedish typesetting never breaks at, though officials
 * type an ordinary one: between digit groups ("3 808,3", "1 248 mkr"),
 * before a per cent sign ("4,2 %"), after a paragraph sign ("§ 128") and
 * inside an official reference ("SOU 2017:77", above).  The space stays
 * U+0020 in the text, so copying gives what was typed.
 */
bool
lb_number_space(const char *s, size_t i, size_t len)
{
	if (s[i] != ' ' || i == 0)
		return false;
	if (digit(s[i - 1]) && i + 3 < len && digit(s[i + 1]) &&
	    digit(s[i + 2]) && digit(s[i + 3]) &&
	    (i + 4 == len || !digit(s[i + 4])))
		return true;
	if (digit(s[i - 1]) && i + 1 < len && s[i + 1] == '%')
		return true;
	return i >= 2 && (unsigned char)s[i - 2] == 0xc2 &&
	    (unsigned char)s[i - 1] == 0xa7 && i + 1 < len && digit(s[i + 1]);
}

static bool
number_space(const char *s, size_t i, size_t len)
{
	if (s[i] == ' ' && i > 0 && i + 1 < len && (digit(s[i + 1]) ||
	    (s[i + 1] >= 'A' && s[i + 1] <= 'Z')) && ref_before(s, i))
		return true;
	return lb_number_space(s, i, len);
}

/*
 * A '-' that is a minus sign: before a digit, after a space, the
 * paragraph's start or an opening parenthesis that starts a word ("-13,4
 * mkr", "(-2,1 %)"); never in code, and never after a letter or a digit,
 * as in a date or a range ("2026-10-23", "10-12").  It is shown as the
 * minus sign of tables (U+2212) and copies as typed.
 */
static bool
minus_sign(const struct bld *b, const struct span *sp, const char *s,
    size_t i, size_t len)
{
	const struct lb *lb = b->lb;

	if ((sp->flags & SPAN_CODE) || i + 1 >= len || !digit(s[i + 1]))
		return false;
	if (b->len == 0)
		return b->space || b->atstart;
	return lb->ncp == 1 && lb->cp[0] == '(' && !b->space &&
	    (b->atstart || (lb->nit > 0 && lb->it[lb->nit - 1].kind ==
	    I_GLUE));
}

static int
addtext(struct bld *b, const struct span *sp, const char *s, size_t len,
    unsigned flags)
{
	struct lb *lb = b->lb;
	size_t	 i, n;
	uint32_t c, next;
	int	 base, face, u;
	float	 w;
	bool	 nobreak = (flags & SPAN_NOBREAK) != 0;

	base = lb_face(lb->doc, b->in->style, flags);
	for (i = 0; i < len; i += n) {
		if ((n = utf8_decode(s + i, len - i, &c)) == 0) {
			diag(DIAG_ERROR, sp->pos.file, sp->pos.line,
			    sp->pos.col, "invalid UTF-8 in text");
			return 0;
		}
		if (isspace_(c)) {
			bool	 nb = nobreak || number_space(s, i, len);

			flushbox(b);
			if (!b->space)
				b->space_nobreak = nb;
			else if (!nb)
				b->space_nobreak = false;
			b->space = true;
			continue;
		}
		if (c == 0xAD) {
			/* Soft hyphen: a break showing "-", else nothing. */
			flushbox(b);
			if (!nobreak && lb->nit > 0 &&
			    lb->it[lb->nit - 1].kind == I_BOX && !b->space)
				addpen(b, b->lastface, PEN_HYPHEN,
				    cpwidth(lb, b->lastface, '-', b->lastsize),
				    true, D_HYPHEN);
			continue;
		}
		if (c == '-' && minus_sign(b, sp, s, i, len) &&
		    (u = fontset_width(lb->fs, base, 0x2212)) >= 0) {
			if (b->space)
				addglue(b, sp);
			flushbox(b);
			b->span = sp;
			b->face = base;
			addbox(b, s + i, n, (float)u * b->size / 1000.0f);
			lb->it[lb->nit - 1].minus = true;
			b->lastface = base;
			b->lastsize = b->size;
			b->lastcode = false;
			b->lastcp = '-';
			b->atstart = false;
			continue;
		}
		if (b->space)
			addglue(b, sp);
		if ((face = resolve(lb, sp, s + i, base, c, spansize(b, sp),
		    &w)) < 0)
			return 0;
		if (b->len > 0 && (face != b->face || b->span != sp ||
		    b->s + b->len != s + i))
			flushbox(b);
		if (b->len == 0) {
			b->span = sp;
			b->s = s + i;
			b->face = face;
		}
		if (lb->ncp >= lb->capcp) {
			lb->capcp = lb->capcp ? lb->capcp * 2 : 64;
			lb->cp = xrealloc(lb->cp, lb->capcp * sizeof(*lb->cp));
			lb->off = xrealloc(lb->off, lb->capcp * sizeof(*lb->off));
			lb->wd = xrealloc(lb->wd, lb->capcp * sizeof(*lb->wd));
			lb->ok = xrealloc(lb->ok, lb->capcp);
		}
		lb->cp[lb->ncp] = c;
		lb->off[lb->ncp] = (uint32_t)b->len;
		lb->wd[lb->ncp] = w;
		lb->ncp++;
		b->len += n;
		b->w += w;
		/* "EU-medel", "covid-19": a break after the dash.  Never
		 * in a name ("Lars-Erik", name_dash()), never between digits: a date ("2026-10-23") or a range
		 * ("2027–2030") stays whole, and text extraction would take
		 * a hyphen at a line end for an added one. */
		if ((c == '-' || c == 0x2013) && !nobreak && lb->ncp > 1 &&
		    isletter(lb->cp[lb->ncp - 2]) &&
		    i + n < len && utf8_decode(s + i + n, len - i - n,
		    &next) > 0 && (isletter(next) || (next >= '0' &&
		    next <= '9')) && !name_dash(lb, next)) {
			flushbox(b);
			addpen(b, face, PEN_HYPHEN, 0, true, D_NONE);
		}
	}
	return 1;
}

/* Builds the items of a paragraph. */
static int
build(struct lb *lb, const struct lb_in *in, const struct span *sp,
    bool hyph)
{
	struct bld b;
	const char *t;

	memset(&b, 0, sizeof(b));
	b.lb = lb;
	b.in = in;
	b.size = in->style->size;
	b.lastsize = b.size;
	b.hyph = hyph && in->style->hyphenate;
	b.ragged = in->style->align != ALIGN_JUSTIFY;
	b.atstart = true;
	b.lastface = lb_face(lb->doc, in->style, 0);
	lb->nit = 0;
	lb->ncp = 0;
	for (; sp != NULL; sp = sp->next) {
		switch (sp->kind) {
		case SPAN_TEXT:
			if (sp->text != NULL && !addtext(&b, sp, sp->text,
			    strlen(sp->text), sp->flags))
				return 0;
			break;
		case SPAN_PAGEREF:
			if (in->pageref == NULL)
				t = "?";
			else if ((t = in->pageref(in->arg, sp)) == NULL)
				return 0;
			if (!addtext(&b, sp, t, strlen(t),
			    sp->flags | SPAN_NOBREAK))
				return 0;
			break;
		case SPAN_NOTEREF:
			/* Its own box, measured at the smaller size; it
			 * sticks to the word before it. */
			flushbox(&b);
			b.size = in->style->size * NOTE_SCALE;
			if (sp->text != NULL && !addtext(&b, sp, sp->text,
			    strlen(sp->text), sp->flags | SPAN_NOBREAK))
				return 0;
			flushbox(&b);
			b.size = in->style->size;
			break;
		case SPAN_BREAK:
			flushbox(&b);
			b.space = false;
			trimglue(lb);
			b.span = sp;
			addpen(&b, b.lastface, -PEN_INF, 0, false, D_NONE);
			b.atstart = true;
			break;
		}
	}
	flushbox(&b);
	trimglue(lb);
	/* Nothing but hard breaks: no lines. */
	while (lb->nit > 0 && lb->it[lb->nit - 1].kind == I_PEN &&
	    lb->it[lb->nit - 1].pen <= -PEN_INF)
		lb->nit--;
	if (lb->nit == 0)
		return 1;
	b.span = lb->it[lb->nit - 1].span;
	addpen(&b, b.lastface, -PEN_INF, 0, false, D_NONE);
	return 1;
}

static bool
legal(const struct lb_item *it, size_t i)
{
	if (it[i].kind == I_GLUE)
		return !it[i].nobreak && i > 0 && it[i - 1].kind == I_BOX;
	return it[i].kind == I_PEN && it[i].pen < PEN_INF;
}

/*
 * Splits every box of a word wider than the narrowest line at each
 * character: the last resort.  Returns whether it split anything.
 */
static bool
emergency(struct lb *lb, const struct lb_in *in)
{
	struct lb_item *old = lb->it, *it;
	size_t	 n = lb->nit, i, j, seg, k, m;
	float	 lim = in->width0 < in->width ? in->width0 : in->width;
	float	 w, size = in->style->size;
	bool	 any = false, *split;
	uint32_t c;

	split = xcalloc(n, sizeof(*split));
	for (seg = 0, w = 0, i = 0; i < n; i++) {
		if (legal(old, i)) {
			seg = i + 1;
			w = 0;
			continue;
		}
		if (old[i].kind == I_BOX)
			w += old[i].w;
		if (w > lim + 0.01f) {
			/* Mark each item once: a long unbreakable run must
			 * not be marked again for every item it grows by. */
			for (j = seg; j <= i; j++)
				split[j] = true;
			seg = i + 1;
			any = true;
		}
	}
	if (!any) {
		free(split);
		return false;
	}
	lb->it = NULL;
	lb->nit = lb->capit = 0;
	for (i = 0; i < n; i++) {
		if (!split[i] || old[i].kind != I_BOX || old[i].minus) {
			*item(lb, old[i].kind) = old[i];
			continue;
		}
		if (i > 0 && old[i - 1].kind == I_BOX && split[i - 1]) {
			it = item(lb, I_PEN);
			it->face = old[i].face;
			it->span = old[i].span;
			it->pen = PEN_EMERG;
			it->disc = D_EMERG;
		}
		for (k = 0; k < old[i].len; k += m) {
			m = utf8_decode(old[i].s + k, old[i].len - k, &c);
			if (m == 0)
				m = 1;
			if (k > 0) {
				it = item(lb, I_PEN);
				it->face = old[i].face;
				it->span = old[i].span;
				it->pen = PEN_EMERG;
				it->disc = D_EMERG;
			}
			it = item(lb, I_BOX);
			*it = old[i];
			it->s = old[i].s + k;
			it->len = m;
			it->w = cpwidth(lb, old[i].face, c,
			    old[i].span->flags & SPAN_CODE ?
			    size * lb->code_scale : size);
		}
	}
	free(old);
	free(split);
	return true;
}

static double
badness(double r)
{
	if (r < 0)
		r = -r;
	if (r > 10)
		return 100000;
	return 100 * r * r * r;
}

static int
fitness(double r)
{
	if (r < -0.5)
		return 0;
	if (r <= 0.5)
		return 1;
	if (r <= 1)
		return 2;
	return 3;
}

static size_t
newnode(struct lb *lb)
{
	GROW(lb->nodes, lb->nnodes, lb->capnodes);
	memset(&lb->nodes[lb->nnodes], 0, sizeof(*lb->nodes));
	return lb->nnodes++;
}

/* The ratio of a line from node a to break i. */
static double
ratio(const struct lb *lb, const struct lb_in *in, const struct lb_node *a,
    size_t i, bool ragged, double *natp)
{
	const struct lb_item *it = &lb->it[i];
	const double *s = &lb->sum[3 * i];
	double	 L = a->line == 0 ? in->width0 : in->width;
	double	 nat, st, sh;

	nat = s[0] - a->tw + (it->kind == I_PEN ? it->w : 0);
	*natp = nat;
	if (ragged) {
		st = RAGGED_EM * in->style->size;
		sh = 0;
	} else {
		st = s[1] - a->ty;
		sh = s[2] - a->tz;
	}
	if (nat < L - 1e-3) {
		if (it->kind == I_PEN && it->pen <= -PEN_INF)
			return 0;
		return st > 0 ? (L - nat) / st : INFINITY;
	}
	if (nat > L + 1e-3)
		return sh > 0 ? (L - nat) / sh : -INFINITY;
	return 0;
}

/*
 * One pass of the algorithm.  tol < 0: the emergency pass, taking any
 * line that fits (or, if nothing fits, the least bad overfull one).
 * Leaves the breaks in lb->brk (lb->nlines of them).  Returns 0 if
 * there is no acceptable solution.
 */
static int
kp(struct lb *lb, const struct lb_in *in, double tol)
{
	const struct lb_item *it;
	struct lb_node *a, *nn;
	size_t	 n = lb->nit, i, j, k, *act, nact, keep, best[4], last;
	double	 bestd[4], r, b, d, nat, lastd;
	bool	 ragged = lb->ragged;
	bool	 forced;
	int	 f, fit;

	if (n + 1 > lb->capsum) {
		lb->capsum = n + 64;
		lb->sum = xrealloc(lb->sum, 3 * lb->capsum * sizeof(double));
	}
	lb->sum[0] = lb->sum[1] = lb->sum[2] = 0;
	for (i = 0; i < n; i++) {
		it = &lb->it[i];
		lb->sum[3 * i + 3] = lb->sum[3 * i] +
		    (it->kind == I_PEN ? 0 : it->w);
		lb->sum[3 * i + 4] = lb->sum[3 * i + 1] +
		    (it->kind == I_GLUE ? it->y : 0);
		lb->sum[3 * i + 5] = lb->sum[3 * i + 2] +
		    (it->kind == I_GLUE ? it->z : 0);
	}
	lb->nnodes = 0;
	newnode(lb);
	lb->nodes[0].prev = NONE;
	lb->nodes[0].fit = 1;
	act = xmalloc((n + 1) * 4 * sizeof(*act) + sizeof(*act));
	act[0] = 0;
	nact = 1;
	for (i = 0; i < n; i++) {
		if (!legal(lb->it, i))
			continue;
		it = &lb->it[i];
		forced = it->kind == I_PEN && it->pen <= -PEN_INF;
		for (f = 0; f < 4; f++) {
			best[f] = NONE;
			bestd[f] = INFINITY;
		}
		last = NONE;
		lastd = INFINITY;
		for (j = 0, keep = 0; j < nact; j++) {
			a = &lb->nodes[act[j]];
			r = ratio(lb, in, a, i, ragged, &nat);
			if (r < -1 || forced) {
				if (r < -1 && a->dem < lastd) {
					last = act[j];
					lastd = a->dem;
				}
			} else
				act[keep++] = act[j];
			if (r < -1)
				continue;
			/* A word broken between characters fills its line:
			 * no break where the next character fits too.
			 * Otherwise every character of a long word is a
			 * node, each compared with all those a line back. */
			if (it->disc == D_EMERG && i + 1 < n &&
			    nat + lb->it[i + 1].w <
			    (a->line == 0 ? in->width0 : in->width) - 1e-3)
				continue;
			b = badness(r);
			if (tol >= 0 && b > tol)
				continue;
			d = (DEM_LINE + b) * (DEM_LINE + b);
			if (it->kind == I_PEN && it->pen > 0)
				d += (double)it->pen * it->pen;
			else if (it->kind == I_PEN && it->pen > -PEN_INF)
				d -= (double)it->pen * it->pen;
			if (it->kind == I_PEN && it->flagged && a->pos > 0 &&
			    lb->it[a->pos].kind == I_PEN &&
			    lb->it[a->pos].flagged)
				d += DEM_FLAGGED;
			fit = fitness(r);
			if (abs(fit - a->fit) > 1)
				d += DEM_FITNESS;
			d += a->dem;
			if (d < bestd[fit]) {
				bestd[fit] = d;
				best[fit] = act[j];
			}
		}
		nact = keep;
		/* Emergency: an overfull line rather than nothing. */
		if (tol < 0 && last != NONE && nact == 0 &&
		    best[0] == NONE && best[1] == NONE && best[2] == NONE &&
		    best[3] == NONE) {
			best[1] = last;
			bestd[1] = lastd + 1e9;
		}
		for (k = i + 1; k < n && (lb->it[k].kind == I_GLUE ||
		    (lb->it[k].kind == I_PEN && lb->it[k].pen > -PEN_INF));
		    k++)
			continue;
		for (f = 0; f < 4; f++) {
			if (best[f] == NONE)
				continue;
			j = newnode(lb);
			nn = &lb->nodes[j];
			nn->pos = i;
			nn->start = k;
			nn->prev = best[f];
			nn->line = lb->nodes[best[f]].line + 1;
			nn->fit = f;
			nn->dem = bestd[f];
			nn->tw = lb->sum[3 * k];
			nn->ty = lb->sum[3 * k + 1];
			nn->tz = lb->sum[3 * k + 2];
			act[nact++] = j;
		}
		if (nact == 0)
			break;
	}
	if (nact == 0) {
		free(act);
		return 0;
	}
	for (j = 1, k = act[0]; j < nact; j++)
		if (lb->nodes[act[j]].dem < lb->nodes[k].dem)
			k = act[j];
	free(act);
	lb->nlines = lb->nodes[k].line;
	if (lb->nlines > lb->capbrk) {
		lb->capbrk = lb->nlines + 16;
		lb->brk = xrealloc(lb->brk, lb->capbrk * sizeof(*lb->brk));
	}
	for (j = lb->nlines; j > 0; j--, k = lb->nodes[k].prev)
		lb->brk[j - 1] = k;
	return 1;
}

static struct lb_run *
newrun(struct lb *lb, int face, float x)
{
	struct lb_run *r;

	GROW(lb->runs, lb->nruns, lb->capruns);
	r = &lb->runs[lb->nruns++];
	memset(r, 0, sizeof(*r));
	r->face = face;
	r->x = x;
	buf_reset(&lb->text);
	return r;
}

static void
endrun(struct lb *lb, const struct lb_in *in, struct lb_run *r, float x)
{
	if (r == NULL)
		return;
	r->w = x - r->x;
	r->text = arena_strndup(in->arena, lb->text.data ? lb->text.data :
	    "", lb->text.len);
}

static void
addlink(struct lb *lb, struct lb_line *ln, const char *target, float x0,
    float x1)
{
	struct lb_link *k;

	if (ln->nlinks > 0) {
		k = &lb->links[lb->nlinks - 1];
		if (strcmp(k->target, target) == 0) {
			k->w = x1 - k->x;
			return;
		}
	}
	GROW(lb->links, lb->nlinks, lb->caplinks);
	k = &lb->links[lb->nlinks++];
	k->x = x0;
	k->w = x1 - x0;
	k->target = target;
	ln->nlinks++;
}

static bool
same_link(const char *a, const char *b)
{
	return a == b || (a != NULL && b != NULL && strcmp(a, b) == 0);
}

/* Turns the breaks into lines of runs. */
static int
emit(struct lb *lb, const struct lb_in *in, bool *emerg)
{
	struct lb_line *ln;
	struct lb_run *run;
	const struct lb_item *it, *br;
	const struct lb_node *a, *z;
	const char *lt, *nt;
	size_t	 l, i, start;
	double	 r, nat, L, extra, used;
	float	 x, off, sz;
	bool	 ragged = lb->ragged, last;

	if (lb->nlines > lb->caplines) {
		lb->caplines = lb->nlines + 16;
		lb->lines = xrealloc(lb->lines,
		    lb->caplines * sizeof(*lb->lines));
	}
	for (l = 0; l < lb->nlines; l++) {
		z = &lb->nodes[lb->brk[l]];
		a = &lb->nodes[z->prev];
		start = z->prev == 0 ? 0 : a->start;
		br = &lb->it[z->pos];
		if (br->kind == I_PEN && br->disc == D_EMERG)
			*emerg = true;
		last = br->kind == I_PEN && br->pen <= -PEN_INF;
		L = a->line == 0 ? in->width0 : in->width;
		r = ratio(lb, in, a, z->pos, ragged, &nat);
		if (ragged || (last && r > 0) || !isfinite(r) || r < -1)
			r = 0;
		ln = &lb->lines[l];
		memset(ln, 0, sizeof(*ln));
		ln->run0 = lb->nruns;
		ln->link0 = lb->nlinks;
		/* Natural width plus what justification adds. */
		used = nat + r * (r > 0 ? lb->sum[3 * z->pos + 1] - a->ty :
		    lb->sum[3 * z->pos + 2] - a->tz);
		if (in->style->align == ALIGN_RIGHT)
			off = (float)(L - used);
		else if (in->style->align == ALIGN_CENTER)
			off = (float)((L - used) / 2);
		else
			off = 0;
		x = off;
		run = NULL;
		for (i = start; i < z->pos; i++) {
			it = &lb->it[i];
			if (it->kind == I_BOX) {
				/* A link's text is a run of its own: tagged,
				 * it goes in the link's element. */
				lt = it->span->flags & SPAN_LINK ?
				    it->span->target : NULL;
				nt = it->span->kind == SPAN_NOTEREF ?
				    it->span->target : NULL;
				/* So is text in another language: tagged,
				 * it goes in a Span with its /Lang. */
				sz = it->span->flags & SPAN_CODE &&
				    lb->code_scale != 1 ?
				    in->style->size * lb->code_scale : 0;
				/* A minus sign is a run of its own: it
				 * shows U+2212 and copies as typed. */
				if (run == NULL || run->face != it->face ||
				    !same_link(run->link, lt) ||
				    !same_link(run->lang, it->span->lang) ||
				    run->note != nt || nt != NULL ||
				    run->size != sz || it->minus ||
				    run->actual != NULL) {
					endrun(lb, in, run, x);
					run = newrun(lb, it->face, x);
					run->link = lt;
					run->lang = it->span->lang;
					run->note = nt;
					run->size = sz;
					run->actual = it->minus ? "-" : NULL;
				}
				if (it->minus)
					buf_puts(&lb->text, "\xe2\x88\x92");
				else
					buf_put(&lb->text, it->s, it->len);
				if (it->span->flags & SPAN_LINK &&
				    it->span->target != NULL)
					addlink(lb, ln, it->span->target, x,
					    x + it->w);
				x += it->w;
			} else if (it->kind == I_GLUE && run != NULL) {
				extra = r > 0 ? r * it->y : r * it->z;
				buf_putc(&lb->text, ' ');
				run->space_extra = (float)extra;
				x += it->w + (float)extra;
			}
		}
		if (br->kind == I_PEN && br->disc == D_HYPHEN && run != NULL) {
			buf_putc(&lb->text, '-');
			run->hyphen_added = true;
			x += br->w;
		} else if (br->kind == I_PEN && br->pen > -PEN_INF &&
		    run != NULL)
			run->joined = true;
		endrun(lb, in, run, x);
		ln->nruns = lb->nruns - ln->run0;
		ln->width = x - off;
	}
	return 1;
}

/* Code: each source line as given, broken at characters if too long. */
static int
code(struct lb *lb, const struct lb_in *in, const struct span *sp)
{
	struct lb_line *ln = NULL;
	struct lb_run *run = NULL;
	const char *s;
	size_t	 i, n, len;
	uint32_t c;
	float	 x = 0, w, size = in->style->size;
	int	 face;

#define NEWLINE() do { \
	endrun(lb, in, run, x); \
	if (ln != NULL) { \
		ln->nruns = lb->nruns - ln->run0; \
		ln->width = x; \
	} \
	GROW(lb->lines, lb->nlines, lb->caplines); \
	ln = &lb->lines[lb->nlines++]; \
	memset(ln, 0, sizeof(*ln)); \
	ln->run0 = lb->nruns; \
	ln->link0 = lb->nlinks; \
	run = NULL; \
	x = 0; \
} while (0)

	NEWLINE();
	for (; sp != NULL; sp = sp->next) {
		if (sp->kind == SPAN_BREAK) {
			NEWLINE();
			continue;
		}
		if (sp->kind != SPAN_TEXT || (s = sp->text) == NULL)
			continue;
		len = strlen(s);
		for (i = 0; i < len; i += n) {
			if ((n = utf8_decode(s + i, len - i, &c)) == 0) {
				diag(DIAG_ERROR, sp->pos.file, sp->pos.line,
				    sp->pos.col, "invalid UTF-8 in text");
				return 0;
			}
			if (c == '\n') {
				NEWLINE();
				continue;
			}
			if (c == '\r')
				continue;
			if (c == '\t')
				c = ' ';
			face = lb_face(lb->doc, in->style, sp->flags);
			if ((face = resolve(lb, sp, s + i, face, c, size, &w)) < 0)
				return 0;
			if (x + w > (lb->nlines == 1 ? in->width0 :
			    in->width) + 0.01f && x > 0)
				NEWLINE();
			if (run == NULL || run->face != face) {
				endrun(lb, in, run, x);
				run = newrun(lb, face, x);
			}
			if (c == ' ' && s[i] == '\t')
				buf_putc(&lb->text, ' ');
			else
				buf_put(&lb->text, s + i, n);
			x += w;
		}
	}
	endrun(lb, in, run, x);
	ln->nruns = lb->nruns - ln->run0;
	ln->width = x;
#undef NEWLINE
	/* A trailing line break makes no empty line. */
	if (lb->nlines > 1 && ln->nruns == 0)
		lb->nlines--;
	return 1;
}

/*
 * A monospaced face has a larger x-height than the text's serif at the
 * same size, and inline code looks set larger than the words around it:
 * it is set at the size that gives it the text's x-height.
 */
static float
code_scale(struct lb *lb, const struct style *st)
{
	int	 xt, xc;

	if (lb->doc->code_family < 0)
		return 1;
	xt = fontset_xheight(lb->fs, lb_face(lb->doc, st, 0));
	xc = fontset_xheight(lb->fs, lb_face(lb->doc, st, SPAN_CODE));
	return xt > 0 && xc > xt ? (float)xt / (float)xc : 1;
}

/*
 * The passes after the first found nothing.  A justified paragraph
 * that cannot be set without a very loose line (long names, dates and
 * numbers that do not break) is set ragged as a whole: one ragged line
 * among justified ones looks like a paragraph's end.
 */
static int
second(struct lb *lb, const struct lb_in *in)
{
	if (kp(lb, in, TOL_SECOND))
		return 1;
	if (!lb->ragged) {
		if (kp(lb, in, TOL_LOOSE))
			return 1;
		lb->ragged = true;
		if (kp(lb, in, TOL_SECOND))
			return 1;
	}
	return kp(lb, in, -1);
}

int
lb_break(struct lb *lb, const struct lb_in *in, const struct span *sp)
{
	bool	 emerg = false;
	size_t	 i;

	lb->nlines = lb->nruns = lb->nlinks = 0;
	lb->ragged = in->ragged || in->style->align != ALIGN_JUSTIFY;
	lb->code_scale = code_scale(lb, in->style);
	if (in->code)
		return code(lb, in, sp);
	if (!build(lb, in, sp, false))
		return 0;
	if (lb->nit == 0)
		return 1;
	if (!kp(lb, in, TOL_FIRST)) {
		if (!build(lb, in, sp, true))
			return 0;
		(void)emergency(lb, in);
		if (!second(lb, in))
			return 0;
	}
	if (!emit(lb, in, &emerg))
		return 0;
	if (emerg && !in->nowarn) {
		for (i = 0; i < lb->nit; i++)
			if (lb->it[i].kind == I_PEN &&
			    lb->it[i].disc == D_EMERG)
				break;
		sp = i < lb->nit ? lb->it[i].span : sp;
		diag(DIAG_WARNING, sp->pos.file, sp->pos.line, sp->pos.col,
		    "a word is wider than the line and was broken between "
		    "two characters");
	}
	return 1;
}

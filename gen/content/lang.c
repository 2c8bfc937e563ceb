/*
 * Language marks: text in another language than the document's says
 * so, for screen readers (WCAG 3.1.2, PDF/UA /Lang) and hyphenation.
 *
 *   [Vi ses i Trondheim]{lang=nb}     inline, after cmark has left the
 *                                     brackets as literal text
 *   {lang=en}                         on a line of its own: the whole
 *   The board agreed ...              paragraph that follows
 *
 * Tags are BCP 47 in the form documents need: a primary language of
 * two or three letters and optional subtags ("sma", "se", "nb",
 * "sv-SE").  docs/content-format.md, "Languages".
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "extern.h"

#define LANG_MAX	35	/* longest tag accepted, in bytes */
#define LANG_SUBTAGS	4	/* subtags after the primary language */

/*
 * The tag in its usual case ("sv-SE", "sr-Latn", "sma"), or NULL if
 * s[0..len) is not a language tag: 2-3 letters, then subtags of 2-8
 * letters or digits.
 */
char *
content_lang(const char *s, size_t len)
{
	char	*t;
	size_t	 i, j, n, sub = 0;
	bool	 alpha;

	if (len == 0 || len > LANG_MAX)
		return NULL;
	for (i = 0; i < len; i = j + 1, sub++) {
		alpha = true;
		for (j = i; j < len && s[j] != '-'; j++) {
			if (!isalnum((unsigned char)s[j]))
				return NULL;
			if (!isalpha((unsigned char)s[j]))
				alpha = false;
		}
		n = j - i;
		if (sub == 0 ? (n < 2 || n > 3 || !alpha) : (n < 2 || n > 8))
			return NULL;
		if (sub > LANG_SUBTAGS || (j < len && j + 1 == len))
			return NULL;
	}
	t = xstrndup(s, len);
	for (i = 0, sub = 0; i < len; i = j + 1, sub++) {
		for (j = i; j < len && t[j] != '-'; j++)
			t[j] = (char)tolower((unsigned char)t[j]);
		n = j - i;
		/* Region "SE" upper, script "Latn" title case. */
		if (sub > 0 && n == 2 && isalpha((unsigned char)t[i]))
			t[i] = (char)toupper((unsigned char)t[i]),
			t[i + 1] = (char)toupper((unsigned char)t[i + 1]);
		else if (sub > 0 && n == 4 && isalpha((unsigned char)t[i]))
			t[i] = (char)toupper((unsigned char)t[i]);
	}
	return t;
}

/* Swedish is the documents' own language: a mark of it says nothing. */
bool
content_lang_swedish(const char *tag)
{
	return tag != NULL && (strcasecmp(tag, "sv") == 0 ||
	    strncasecmp(tag, "sv-", 3) == 0);
}

/* What to write for a language named in words, as writers do. */
static const struct {
	const char	*name;
	const char	*tag;
} names[] = {
	{ "norska", "nb" }, { "norsk", "nb" }, { "bokmål", "nb" },
	{ "nynorska", "nn" }, { "nynorsk", "nn" },
	{ "engelska", "en" }, { "english", "en" },
	{ "finska", "fi" }, { "danska", "da" }, { "tyska", "de" },
	{ "franska", "fr" }, { "isländska", "is" },
	{ "sydsamiska", "sma" }, { "nordsamiska", "se" },
	{ "lulesamiska", "smj" }, { "umesamiska", "sju" },
	{ "pitesamiska", "sje" }, { "samiska", "se" },
	{ "meänkieli", "fit" }, { "svenska", "sv" },
};

static void
bad_tag(const struct srcpos *pos, const char *s, size_t len)
{
	size_t	 i;

	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (strlen(names[i].name) == len &&
		    strncasecmp(names[i].name, s, len) == 0) {
			diag(DIAG_ERROR, pos->file, pos->line, pos->col,
			    "\"%.*s\" is not a language tag: write "
			    "{lang=%s}", (int)len, s, names[i].tag);
			return;
		}
	diag(DIAG_ERROR, pos->file, pos->line, pos->col, "\"%.*s\" is not a "
	    "language tag: write a BCP 47 tag of two or three letters and "
	    "optional subtags, e.g. nb, nn, se, sma, fi, en or en-GB",
	    (int)len, s);
}

/* ------------------------------------------------------------------ */
/* Inline marks, on the spans of one paragraph. */

/*
 * The column of byte off of a span, counted on from the last one asked
 * about in the same span: a paragraph of many marks is one span, and
 * counting from its start each time would take time growing with the
 * square of its length.
 */
struct cursor {
	const struct span *s;
	size_t		 off;
	int		 col;
};

static struct srcpos
at(struct cursor *c, const struct span *s, size_t off)
{
	struct srcpos p = s->pos;

	if (c->s != s || off < c->off) {
		c->s = s;
		c->off = 0;
		c->col = 0;
	}
	c->col += (int)utf8_length(s->text + c->off, off - c->off);
	c->off = off;
	p.col += c->col;
	return p;
}

/* Where the text is cut: the '[' of a mark (with its tag) or its
 * "]{lang=TAG}" (tag NULL). */
struct cut {
	struct span	*s;
	size_t		 off, len;
	char		*tag;
};

struct cuts {
	struct cut	*v;
	size_t		 n, cap;
};

static void
cut_add(struct cuts *c, struct span *s, size_t off, size_t len, char *tag)
{
	if (c->n == c->cap) {
		c->cap = c->cap ? c->cap * 2 : 8;
		c->v = xrealloc(c->v, c->cap * sizeof(*c->v));
	}
	c->v[c->n].s = s;
	c->v[c->n].off = off;
	c->v[c->n].len = len;
	c->v[c->n++].tag = tag;
}

/* A new span after s holding s->text[from..to), at column col. */
static struct span *
piece(struct span *s, struct span *after, size_t from, size_t to, int col)
{
	struct span *t = xcalloc(1, sizeof(*t));

	t->kind = s->kind;
	t->flags = s->flags;
	t->text = xstrndup(s->text + from, to - from);
	t->target = s->target != NULL ? xstrdup(s->target) : NULL;
	t->pos = s->pos;
	t->pos.col += col;
	t->next = after->next;
	after->next = t;
	return t;
}

static void
set_lang(struct span *p, const char *tag)
{
	if (tag == NULL)
		return;
	free(p->lang);
	p->lang = xstrdup(tag);
}

/*
 * Makes the cuts, all in one pass: they come in the order of the text,
 * so each byte is copied once.  The spans between a mark's '[' and its
 * "]{lang=...}" get its tag.
 */
static void
apply(struct span *head, const struct cuts *c)
{
	struct span *s, *next, *last;
	const char *tag = NULL;
	size_t	 k = 0, from, first;
	int	 col;

	for (s = head; s != NULL; s = next) {
		next = s->next;
		if (k >= c->n || c->v[k].s != s) {
			set_lang(s, tag);
			continue;
		}
		/* s keeps the text before the first cut. */
		set_lang(s, tag);
		last = s;
		first = c->v[k].off;
		from = c->v[k].off + c->v[k].len;
		col = (int)utf8_length(s->text, from);
		tag = c->v[k].tag;
		while (++k < c->n && c->v[k].s == s) {
			last = piece(s, last, from, c->v[k].off, col);
			set_lang(last, tag);
			col += (int)utf8_length(s->text + from,
			    c->v[k].off + c->v[k].len - from);
			from = c->v[k].off + c->v[k].len;
			tag = c->v[k].tag;
		}
		last = piece(s, last, from, strlen(s->text), col);
		set_lang(last, tag);
		s->text[first] = '\0';
	}
}

/*
 * Finds "[text]{lang=TAG}" in the spans: the brackets and the mark are
 * removed and the text between (emphasis, code and links included)
 * gets the tag.  Brackets pair as they nest; marks do not nest.  Code
 * is never looked into.  Returns the new head.
 */
struct span *
md_lang_marks(struct mdctx *ctx, struct span *head)
{
	struct cursor cur = { 0 };
	struct cuts cuts = { 0 };
	struct cut *open = NULL;
	size_t	 nopen = 0, capopen = 0, i, taglen;
	struct span *s;
	struct srcpos pos, base;
	const char *t, *e;
	char	*tag;

	for (s = head; s != NULL; s = s->next) {
		if (s->kind != SPAN_TEXT || s->text == NULL ||
		    (s->flags & SPAN_CODE))
			continue;
		t = s->text;
		for (i = 0; t[i] != '\0'; i++) {
			if (t[i] == '[') {
				if (nopen == capopen) {
					capopen = capopen ? capopen * 2 : 8;
					open = xrealloc(open,
					    capopen * sizeof(*open));
				}
				open[nopen].s = s;
				open[nopen++].off = i;
				continue;
			}
			if (t[i] != ']')
				continue;
			if (strncmp(t + i + 1, "{lang=", 6) != 0) {
				if (nopen > 0)
					nopen--;
				continue;
			}
			/* "]{lang=" is seven columns. */
			base = at(&cur, s, i);
			pos = base;
			pos.col++;
			e = strchr(t + i + 7, '}');
			if (e == NULL) {
				diag(DIAG_ERROR, pos.file, pos.line, pos.col,
				    "the language mark \"%.16s\" is not closed: "
				    "write [text]{lang=TAG} on one line, e.g. "
				    "[Takk for sist]{lang=nb}", t + i + 1);
				ctx->errors++;
				nopen = 0;
				break;
			}
			taglen = (size_t)(e - (t + i + 7));
			pos = base;
			pos.col += 7;
			if ((tag = content_lang(t + i + 7, taglen)) == NULL) {
				bad_tag(&pos, t + i + 7, taglen);
				ctx->errors++;
				nopen = 0;
				i = (size_t)(e - t);
				continue;
			}
			if (nopen == 0) {
				pos = base;
				diag(DIAG_ERROR, pos.file, pos.line, pos.col,
				    "\"]{lang=%s}\" closes no \"[\" (language "
				    "marks do not nest): write [text]{lang=%s}",
				    tag, tag);
				ctx->errors++;
				free(tag);
				i = (size_t)(e - t);
				continue;
			}
			nopen--;
			cut_add(&cuts, open[nopen].s, open[nopen].off, 1, tag);
			cut_add(&cuts, s, i, (size_t)(e - t) + 1 - i, NULL);
			nopen = 0;
			/* Go on after the mark. */
			i = (size_t)(e - t);
		}
	}
	free(open);
	if (cuts.n == 0)
		return head;
	apply(head, &cuts);
	for (i = 0; i < cuts.n; i++)
		free(cuts.v[i].tag);
	free(cuts.v);
	/* The cuts leave empty texts behind. */
	return md_drop_empty(head);
}

/* ------------------------------------------------------------------ */
/* Block marks. */

/* Does the paragraph start with "{lang="? */
bool
md_lang_starts(cmark_node *para)
{
	cmark_node *n = cmark_node_first_child(para);
	const char *lit;

	return n != NULL && cmark_node_get_type(n) == CMARK_NODE_TEXT &&
	    (lit = cmark_node_get_literal(n)) != NULL &&
	    strncmp(lit, "{lang=", 6) == 0;
}

/*
 * A paragraph whose first line is "{lang=TAG}" alone is in that
 * language: sets b->lang and returns the first node after the line.
 * Returns NULL if the paragraph has no mark (or a bad one, reported).
 */
cmark_node *
md_lang_block(struct mdctx *ctx, cmark_node *para, struct block *b)
{
	cmark_node *n = cmark_node_first_child(para), *br;
	const char *lit, *e;
	struct srcpos pos = { ctx->file, 0, 0 };
	size_t	 len;
	char	*tag;

	if (n == NULL || cmark_node_get_type(n) != CMARK_NODE_TEXT ||
	    (lit = cmark_node_get_literal(n)) == NULL ||
	    strncmp(lit, "{lang=", 6) != 0)
		return NULL;
	md_pos(ctx, n, &pos);
	br = cmark_node_next(n);
	e = strchr(lit, '}');
	len = strlen(lit);
	while (len > 0 && (lit[len - 1] == ' ' || lit[len - 1] == '\t'))
		len--;
	if (e == NULL || (size_t)(e - lit) + 1 != len || (br != NULL &&
	    cmark_node_get_type(br) != CMARK_NODE_SOFTBREAK &&
	    cmark_node_get_type(br) != CMARK_NODE_LINEBREAK)) {
		diag(DIAG_ERROR, pos.file, pos.line, pos.col,
		    "a paragraph's language mark stands on a line of its "
		    "own: write {lang=TAG} alone on the line before the "
		    "paragraph, or [text]{lang=TAG} inside it");
		ctx->errors++;
		return NULL;
	}
	pos.col += 6;
	if ((tag = content_lang(lit + 6, (size_t)(e - lit) - 6)) == NULL) {
		bad_tag(&pos, lit + 6, (size_t)(e - lit) - 6);
		ctx->errors++;
		return NULL;
	}
	if (br == NULL || cmark_node_next(br) == NULL) {
		pos.col -= 6;
		diag(DIAG_ERROR, pos.file, pos.line, pos.col,
		    "{lang=%s} has no paragraph after it: write the "
		    "paragraph on the next line, without an empty line "
		    "between", tag);
		ctx->errors++;
		free(tag);
		return NULL;
	}
	free(b->lang);
	b->lang = tag;
	return cmark_node_next(br);
}

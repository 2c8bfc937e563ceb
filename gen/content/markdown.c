/*
 * Markdown (cmark) to model blocks and spans.  cmark parses; this file
 * bounds what it is given, converts its tree, keeps raw HTML as literal
 * text, filters link targets and recognises lettered sub-points
 * ("a.", "b.") that CommonMark does not know.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "extern.h"

/* ------------------------------------------------------------------ */
/* Positions. */

void
md_lines(struct mdctx *ctx)
{
	size_t	 i, cap = 64;

	ctx->lines = xmalloc(cap * sizeof(*ctx->lines));
	ctx->nlines = 0;
	ctx->lines[ctx->nlines++] = 0;
	for (i = 0; i < ctx->len; i++) {
		if (ctx->text[i] != '\n')
			continue;
		if (ctx->nlines == cap) {
			cap *= 2;
			ctx->lines = xrealloc(ctx->lines,
			    cap * sizeof(*ctx->lines));
		}
		ctx->lines[ctx->nlines++] = i + 1;
	}
}

/* Line and column (code points, 1-based) of byte offset off. */
void
md_offpos(struct mdctx *ctx, size_t off, int *line, int *col)
{
	size_t	 lo = 0, hi = ctx->nlines, mid;

	if (off > ctx->len)
		off = ctx->len;
	/* Last line start <= off. */
	while (hi - lo > 1) {
		mid = lo + (hi - lo) / 2;
		if (ctx->lines[mid] <= off)
			lo = mid;
		else
			hi = mid;
	}
	*line = (int)lo + 1;
	if (ctx->c_col > 0 && ctx->c_line == lo && ctx->c_off <= off)
		*col = ctx->c_col + (int)utf8_length(ctx->text + ctx->c_off,
		    off - ctx->c_off);
	else
		*col = (int)utf8_length(ctx->text + ctx->lines[lo],
		    off - ctx->lines[lo]) + 1;
	ctx->c_line = lo;
	ctx->c_off = off;
	ctx->c_col = *col;
}

/* cmark's position of n (body line, byte column) as a file position;
 * false if cmark has none (soft breaks). */
static bool
pos_at(struct mdctx *ctx, int cl, int cc, struct srcpos *pos)
{
	size_t	 fl, off, end;

	if (cl <= 0)
		return false;
	if (cc <= 0)
		cc = 1;
	if (cl == 1)
		cc += ctx->firstcol;
	fl = (size_t)cl + (size_t)ctx->lineoff;
	if (fl > ctx->nlines)
		fl = ctx->nlines;
	end = fl < ctx->nlines ? ctx->lines[fl] - 1 : ctx->len;
	off = ctx->lines[fl - 1] + (size_t)cc - 1;
	if (off > end)
		off = end;
	pos->file = ctx->file;
	md_offpos(ctx, off, &pos->line, &pos->col);
	return true;
}

bool
md_pos(struct mdctx *ctx, cmark_node *n, struct srcpos *pos)
{
	return pos_at(ctx, cmark_node_get_start_line(n),
	    cmark_node_get_start_column(n), pos);
}

/*
 * cmark 0.30 does not count the newline of a backslash hard break:
 * inlines after one carry the same line and columns running on from
 * it.  This follows a paragraph's inlines and undoes that.
 */
struct posfix {
	int	 lines;		/* backslash breaks so far */
	int	 cols;		/* bytes to take off cmark's column */
	int	 lstart;	/* true byte column where this line starts */
};

static bool
fix_pos(struct mdctx *ctx, struct posfix *pf, cmark_node *n,
    struct srcpos *pos)
{
	int	 cl = cmark_node_get_start_line(n);
	int	 cc = cmark_node_get_start_column(n);

	if (cl <= 0)
		return false;
	if (pf->lstart < 0)
		pf->lstart = cc - pf->cols;
	return pos_at(ctx, cl + pf->lines, cc - pf->cols, pos);
}

static void
fix_break(const struct mdctx *ctx, struct posfix *pf, bool soft,
    const struct srcpos *pos)
{
	size_t	 l = (size_t)pos->line, start, end;

	if (!soft && l >= 1 && l < ctx->nlines && pf->lstart > 0) {
		start = ctx->lines[l - 1];
		end = ctx->lines[l] - 1;
		if (end > start && ctx->text[end - 1] == '\\') {
			pf->lines++;
			pf->cols += (int)(end + 1 - start) - (pf->lstart - 1);
			pf->lstart = -1;
			return;
		}
	}
	pf->cols = 0;
	pf->lstart = -1;
}

/* ------------------------------------------------------------------ */
/* Parsing with bounds. */

static size_t	 fence_of(const char *, const char *, char *);

/* True if the line is a thematic break ("- - -", "***"), which looks
 * like nested list markers to the pre-scan. */
static bool
is_rule(const char *p, const char *end)
{
	char	 c = 0;
	int	 n = 0;

	for (; p < end; p++) {
		if (*p == ' ' || *p == '\t')
			continue;
		if ((*p != '-' && *p != '*' && *p != '_') || (c && *p != c))
			return false;
		c = *p;
		n++;
	}
	return n >= 3;
}

/*
 * Counts block quote and list markers opening each line before cmark
 * sees the text: deep nesting costs cmark time and us stack.  Nesting
 * spread over several lines by indentation is caught after parsing.
 */
static int
prescan(struct mdctx *ctx, size_t from)
{
	size_t	 l, i, end;
	const char *s = ctx->text;
	int	 depth, line, col;

	for (l = 0; l < ctx->nlines; l++) {
		if (ctx->lines[l] < from)
			continue;
		i = ctx->lines[l];
		end = l + 1 < ctx->nlines ? ctx->lines[l + 1] - 1 : ctx->len;
		if (is_rule(s + i, s + end))
			continue;
		depth = 0;
		while (i < end) {
			size_t	 j;

			while (i < end && (s[i] == ' ' || s[i] == '\t'))
				i++;
			if (i >= end)
				break;
			j = i;
			if (s[i] == '>')
				j = i + 1;
			else if ((s[i] == '-' || s[i] == '+' || s[i] == '*') &&
			    i + 1 < end && (s[i + 1] == ' ' || s[i + 1] == '\t'))
				j = i + 1;
			else if (s[i] >= '0' && s[i] <= '9') {
				for (j = i; j < end && j - i < 10 &&
				    s[j] >= '0' && s[j] <= '9'; j++)
					continue;
				if (j < end && (s[j] == '.' || s[j] == ')') &&
				    j + 1 < end &&
				    (s[j + 1] == ' ' || s[j + 1] == '\t'))
					j++;
				else
					j = i;
			}
			if (j == i)
				break;
			if (++depth > CONTENT_MAX_NEST) {
				md_offpos(ctx, i, &line, &col);
				diag(DIAG_ERROR, ctx->file, line, col,
				    "block quotes and lists are nested more "
				    "than %d levels deep: flatten the text",
				    CONTENT_MAX_NEST);
				ctx->errors++;
				return 0;
			}
			i = j;
		}
	}
	return 1;
}

/*
 * cmark 0.30.2 (CVE-2023-22486) walks all the brackets still open in a
 * paragraph each time a link closes, so "![[]()" repeated takes time
 * growing with the square of its length: minutes for a case file.
 * Counts the '[' not yet closed by a ']' in each paragraph (a blank
 * line ends one; fenced code and escaped brackets do not count), as
 * cmark's bracket stack does, and refuses more than
 * CONTENT_MAX_OPENERS.
 */
static int
brackets(struct mdctx *ctx, size_t from)
{
	const char *s = ctx->text;
	size_t	 l, i, end, open = 0, fence = 0, n;
	char	 fc = 0, c;
	int	 line, col;

	for (l = 0; l < ctx->nlines; l++) {
		if (ctx->lines[l] < from)
			continue;
		i = ctx->lines[l];
		end = l + 1 < ctx->nlines ? ctx->lines[l + 1] - 1 : ctx->len;
		if ((n = fence_of(s + i, s + end, &c)) > 0 &&
		    (fence == 0 || (c == fc && n >= fence))) {
			fence = fence == 0 ? n : 0;
			fc = c;
			open = 0;
			continue;
		}
		if (fence > 0)
			continue;
		while (i < end && (s[i] == ' ' || s[i] == '\t'))
			i++;
		if (i == end)
			open = 0;
		for (; i < end; i++) {
			if (s[i] == '\\' && i + 1 < end)
				i++;
			else if (s[i] == ']' && open > 0)
				open--;
			else if (s[i] == '[' && ++open > CONTENT_MAX_OPENERS) {
				md_offpos(ctx, i, &line, &col);
				diag(DIAG_ERROR, ctx->file, line, col,
				    "more than %d \"[\" not closed by \"]\" "
				    "in one paragraph: close them, or write "
				    "\\[ for a bracket that opens no link "
				    "(the Markdown reader slows down with "
				    "the square of their number)",
				    CONTENT_MAX_OPENERS);
				ctx->errors++;
				return 0;
			}
		}
	}
	return 1;
}

/*
 * Invisible format characters (bidi controls, zero-width spaces, a BOM
 * inside the text) in text[from..to): in the header, which holds the
 * title, dnr and names, each is an error; in the body a warning, and
 * content_clean_text() takes them out.  Reports at most ten.  Returns
 * how many there are.
 */
size_t
md_format(struct mdctx *ctx, size_t from, size_t to, enum diag_level level)
{
	size_t	 off, k, n = 0;
	uint32_t cp;
	int	 line, col;

	while (from < to && (off = utf8_find_format(ctx->text + from,
	    to - from, &cp, &k)) != (size_t)-1) {
		from += off;
		if (n++ < 10) {
			md_offpos(ctx, from, &line, &col);
			if (level == DIAG_ERROR)
				diag(level, ctx->file, line, col, "invisible "
				    "format character U+%04X (%s) in the "
				    "metadata header: delete it (a title, dnr "
				    "or name must show all it holds)",
				    (unsigned)cp, unicode_format_name(cp));
			else
				diag(level, ctx->file, line, col, "invisible "
				    "format character U+%04X (%s) in the text: "
				    "it is left out; delete it", (unsigned)cp,
				    unicode_format_name(cp));
		}
		from += k;
	}
	if (level == DIAG_ERROR)
		ctx->errors += n;
	return n;
}

/* The same limit on the tree cmark built. */
static int
check_depth(struct mdctx *ctx, cmark_node *doc)
{
	cmark_iter *it = cmark_iter_new(doc);
	cmark_event_type ev;
	cmark_node *n;
	struct srcpos pos = { ctx->file, 0, 0 };
	int	 depth = 0, ok = 1;

	while (ok && (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		n = cmark_iter_get_node(it);
		if (cmark_node_get_type(n) != CMARK_NODE_BLOCK_QUOTE &&
		    cmark_node_get_type(n) != CMARK_NODE_LIST)
			continue;
		if (ev == CMARK_EVENT_EXIT) {
			depth--;
			continue;
		}
		if (++depth > CONTENT_MAX_NEST) {
			md_pos(ctx, n, &pos);
			diag(DIAG_ERROR, ctx->file, pos.line, pos.col,
			    "block quotes and lists are nested more than %d "
			    "levels deep: flatten the text", CONTENT_MAX_NEST);
			ctx->errors++;
			ok = 0;
		}
	}
	cmark_iter_free(it);
	return ok;
}

#define GROW_NOTES(ctx) do { \
	if ((ctx)->nnotes == (ctx)->capnotes) { \
		(ctx)->capnotes = (ctx)->capnotes ? (ctx)->capnotes * 2 : 8; \
		(ctx)->notes = xrealloc((ctx)->notes, \
		    (ctx)->capnotes * sizeof(*(ctx)->notes)); \
	} \
} while (0)

/* ------------------------------------------------------------------ */
/* Footnote definitions. */

/* Bytes of a label at p ("1", "källa"): up to ']', no blanks or
 * brackets; 0 if there is none. */
static size_t
note_label(const char *p, const char *end)
{
	size_t	 n;

	for (n = 0; p + n < end && p[n] != ']'; n++)
		if (p[n] == ' ' || p[n] == '\t' || p[n] == '[' ||
		    p[n] == '\n' || n >= CONTENT_MAX_NOTELABEL)
			return 0;
	return p + n < end ? n : 0;
}

/* Leading spaces of the line [p, end), or 4 if there are more. */
static size_t
indent_of(const char *p, const char *end)
{
	size_t	 n = 0;

	while (p + n < end && p[n] == ' ' && n < 4)
		n++;
	return n;
}

/* The fence a line opens or closes ("```", "~~~~"): its character and
 * length, else 0. */
static size_t
fence_of(const char *p, const char *end, char *c)
{
	size_t	 n = 0;

	p += indent_of(p, end);
	if (p >= end || (*p != '`' && *p != '~'))
		return 0;
	while (p + n < end && p[n] == *p)
		n++;
	*c = *p;
	return n >= 3 ? n : 0;
}

/* Length of a definition's "[^label]:" at the start of a line (after
 * up to three spaces), 0 if the line is none. */
static size_t
def_prefix(const char *line, const char *end, size_t *lab, size_t *nlab)
{
	size_t	 ind = indent_of(line, end), n;
	const char *p = line + ind;

	if (ind > 3 || end - p < 5 || p[0] != '[' || p[1] != '^' ||
	    (n = note_label(p + 2, end)) == 0 || p + 2 + n + 1 >= end ||
	    p[2 + n + 1] != ':')
		return 0;
	*lab = (size_t)(p + 2 - line);
	*nlab = n;
	return ind + 2 + n + 2;
}

static void
notes_clear(struct mdctx *ctx)
{
	size_t	 i;

	for (i = 0; i < ctx->nnotes; i++) {
		free(ctx->notes[i].label);
		spans_free(ctx->notes[i].spans);
	}
	free(ctx->notes);
	ctx->notes = NULL;
	ctx->nnotes = ctx->capnotes = 0;
}

/*
 * Finds "[^label]: text" definitions outside fenced code, each running
 * to a blank line, a heading or the next definition, and blanks them
 * in body (a copy of the text from `from'): cmark would take them for
 * link reference definitions.  Offsets and lines stay as they were.
 */
static int
find_notes(struct mdctx *ctx, size_t from, char *body)
{
	const char *s = ctx->text;
	size_t	 l, i, e, pre, lab, nlab, k, fn = 0;
	struct mdnote *d = NULL;
	char	 fc = 0, c;

	for (l = 0; l < ctx->nlines; l++) {
		if (ctx->lines[l] < from)
			continue;
		i = ctx->lines[l];
		e = l + 1 < ctx->nlines ? ctx->lines[l + 1] - 1 : ctx->len;
		if (fn > 0) {
			/* Inside a fence: only its closing line counts. */
			if (fence_of(s + i, s + e, &c) >= fn && c == fc)
				fn = 0;
			continue;
		}
		pre = def_prefix(s + i, s + e, &lab, &nlab);
		for (k = i; k < e && (s[k] == ' ' || s[k] == '\t'); k++)
			continue;
		if (d != NULL && pre == 0 && k < e && s[k] != '#' &&
		    fence_of(s + i, s + e, &c) == 0) {
			d->end = e;	/* a continuation line */
			memset(body + (i - from), ' ', e - i);
			continue;
		}
		d = NULL;
		if ((k = fence_of(s + i, s + e, &c)) > 0) {
			fn = k;
			fc = c;
			continue;
		}
		if (pre == 0)
			continue;
		if (ctx->nnotes >= CONTENT_MAX_NOTES) {
			int	 line, col;

			md_offpos(ctx, i, &line, &col);
			diag(DIAG_ERROR, ctx->file, line, col, "more than %d "
			    "footnotes in one text, the most a text may have: "
			    "split the text or write some notes into it",
			    CONTENT_MAX_NOTES);
			ctx->errors++;
			return 0;
		}
		GROW_NOTES(ctx);
		d = &ctx->notes[ctx->nnotes++];
		memset(d, 0, sizeof(*d));
		d->label = xstrndup(s + i + lab, nlab);
		d->line = l;
		d->text = i + pre;
		while (d->text < e && (s[d->text] == ' ' || s[d->text] == '\t'))
			d->text++;
		d->end = e;
		d->pos.file = ctx->file;
		md_offpos(ctx, i + lab - 2, &d->pos.line, &d->pos.col);
		for (k = 0; k + 1 < ctx->nnotes; k++)
			if (strcmp(ctx->notes[k].label, d->label) == 0) {
				diag(DIAG_ERROR, ctx->file, d->pos.line,
				    d->pos.col, "footnote [^%s] is defined "
				    "twice (first at line %d): delete one or "
				    "give it another label", d->label,
				    ctx->notes[k].pos.line);
				ctx->errors++;
				d->number = -1;
				break;
			}
		memset(body + (i - from), ' ', e - i);
	}
	return 1;
}

/*
 * Parses the Markdown body starting at byte `from' of ctx->text.  No
 * CMARK_OPT_SMART: it makes English quotes; content_smart() does the
 * Swedish ones.  Returns NULL after reporting.
 */
cmark_node *
md_parse(struct mdctx *ctx, size_t from)
{
	cmark_node *doc;
	char	*body;

	if (!prescan(ctx, from) || !brackets(ctx, from))
		return NULL;
	body = xmalloc(ctx->len - from + 1);
	memcpy(body, ctx->text + from, ctx->len - from);
	body[ctx->len - from] = '\0';
	if (!find_notes(ctx, from, body)) {
		free(body);
		notes_clear(ctx);
		return NULL;
	}
	doc = cmark_parse_document(body, ctx->len - from,
	    CMARK_OPT_SOURCEPOS);
	free(body);
	if (doc == NULL) {
		diag(DIAG_ERROR, ctx->file, 0, 0, "cannot parse the Markdown");
		ctx->errors++;
		notes_clear(ctx);
		return NULL;
	}
	if (!check_depth(ctx, doc)) {
		cmark_node_free(doc);
		notes_clear(ctx);
		return NULL;
	}
	return doc;
}

/* Plain text of a node's inlines (heading matching). */
char *
md_plain(cmark_node *node)
{
	struct buf b = { 0 };
	cmark_iter *it = cmark_iter_new(node);
	cmark_event_type ev;
	cmark_node *n;
	const char *lit;

	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		if (ev != CMARK_EVENT_ENTER)
			continue;
		n = cmark_iter_get_node(it);
		switch (cmark_node_get_type(n)) {
		case CMARK_NODE_TEXT:
		case CMARK_NODE_CODE:
		case CMARK_NODE_HTML_INLINE:
			if ((lit = cmark_node_get_literal(n)) != NULL)
				buf_puts(&b, lit);
			break;
		case CMARK_NODE_SOFTBREAK:
		case CMARK_NODE_LINEBREAK:
			buf_putc(&b, ' ');
			break;
		default:
			break;
		}
	}
	cmark_iter_free(it);
	if (b.data == NULL)
		return xstrdup("");
	return buf_detach(&b);
}

/* How much of a comment a message shows: its first line, 40 bytes at
 * most. */
static int
comment_shown(const char *s)
{
	size_t	 n = strcspn(s, "\n");

	return (int)(n > 40 ? 40 : n);
}

/* ------------------------------------------------------------------ */
/* Spans. */

struct spanlist {
	struct span	*head;
	struct span	*last;
	size_t		 lastlen;	/* strlen(last->text) */
};

static bool
same_target(const char *a, const char *b)
{
	if (a == NULL || b == NULL)
		return a == b;
	return strcmp(a, b) == 0;
}

/* Bytes allocated for a span text of len bytes (and its NUL). */
static size_t
text_cap(size_t len)
{
	size_t	 cap = 16;

	while (cap < len + 1)
		cap *= 2;
	return cap;
}

/* Appends a span, merging text into the previous span when it looks
 * the same. */
static void
sl_add(struct spanlist *sl, enum span_kind kind, unsigned flags,
    const char *text, size_t len, const char *target,
    const struct srcpos *pos)
{
	struct span *s, *l = sl->last;

	if (kind == SPAN_TEXT && len == 0)
		return;
	/* Merged text stays on one source line, so that a position inside
	 * a span can be found from its start (layout's messages). */
	if (kind == SPAN_TEXT && l != NULL && l->kind == SPAN_TEXT &&
	    l->flags == flags && same_target(l->target, target) &&
	    l->pos.line == pos->line) {
		size_t	 ol = sl->lastlen;

		/* Grow by doubling: merging many pieces stays linear. */
		if (text_cap(ol + len) > text_cap(ol))
			l->text = xrealloc(l->text, text_cap(ol + len));
		memcpy(l->text + ol, text, len);
		l->text[ol + len] = '\0';
		sl->lastlen = ol + len;
		return;
	}
	s = span_new(kind, flags, NULL);
	if (kind == SPAN_TEXT) {
		s->text = xmalloc(text_cap(len));
		memcpy(s->text, text, len);
		s->text[len] = '\0';
	}
	if (target != NULL)
		s->target = xstrdup(target);
	s->pos = *pos;
	sl->lastlen = len;
	if (l == NULL)
		sl->head = s;
	else
		l->next = s;
	sl->last = s;
}

/*
 * Adds the text of one node: cleaned, with Swedish punctuation unless
 * it is code or literal HTML, and with U+2028/U+2029 as line breaks.
 */
static void
add_text(struct mdctx *ctx, struct spanlist *sl, const char *raw,
    unsigned flags, const char *target, const struct srcpos *pos,
    bool smart)
{
	char	*clean = content_clean_text(raw), *s, *p, *q;
	size_t	 off;

	if (smart) {
		s = content_smart(clean);
		free(clean);
	} else
		s = clean;
	/* Raw controls were refused before parsing; entities such as
	 * "&#1;" can still make them. */
	if (content_ctrl(s, strlen(s), &off) && ctx->ctrls++ < 10) {
		diag(DIAG_ERROR, pos->file, pos->line, pos->col,
		    "control character U+%04X in the text: delete it",
		    (unsigned)(unsigned char)s[off]);
		ctx->errors++;
	}
	/* One pass: U+2028 and U+2029 (E2 80 A8/A9) are line breaks. */
	for (p = q = s; *q != '\0'; q++) {
		if ((unsigned char)q[0] != 0xe2 || (unsigned char)q[1] != 0x80 ||
		    ((unsigned char)q[2] != 0xa8 && (unsigned char)q[2] != 0xa9))
			continue;
		sl_add(sl, SPAN_TEXT, flags, p, (size_t)(q - p), target, pos);
		sl_add(sl, SPAN_BREAK, flags, NULL, 0, target, pos);
		q += 2;
		p = q + 1;
	}
	sl_add(sl, SPAN_TEXT, flags, p, (size_t)(q - p), target, pos);
	free(s);
}

/* A relative link to a document file (".md"), an attachment (".pdf")
 * or the program of the day (".xml") in the meeting folder: the
 * documents stage resolves it. */
static bool
file_link(const char *url)
{
	size_t	 n = strlen(url);

	return url[0] != '/' && url[0] != '\0' && strchr(url, ':') == NULL &&
	    n > 3 && (strcasecmp(url + n - 3, ".md") == 0 ||
	    (n > 4 && (strcasecmp(url + n - 4, ".pdf") == 0 ||
	    strcasecmp(url + n - 4, ".xml") == 0)));
}

/* A link titled public="yes" (or public=yes): the PDF file it leads to
 * is published even if its text cannot be checked. */
static bool
title_public(const char *t)
{
	return t != NULL && (strcmp(t, "public=\"yes\"") == 0 ||
	    strcmp(t, "public=yes") == 0);
}

static bool
link_allowed(const char *url)
{
	return file_link(url) || strncasecmp(url, "http://", 7) == 0 ||
	    strncasecmp(url, "https://", 8) == 0 ||
	    strncasecmp(url, "mailto:", 7) == 0 ||
	    (url[0] == '#' && url[1] != '\0');
}

/* Takes the empty texts out of a list of spans. */
struct span *
md_drop_empty(struct span *head)
{
	struct span **pp = &head, *sp;

	while ((sp = *pp) != NULL) {
		if (sp->kind == SPAN_TEXT && sp->text != NULL &&
		    sp->text[0] == '\0') {
			*pp = sp->next;
			sp->next = NULL;
			spans_free(sp);
		} else
			pp = &sp->next;
	}
	return head;
}

/* The definition of a label, or NULL. */
static struct mdnote *
note_def(struct mdctx *ctx, const char *label, size_t n)
{
	size_t	 i;

	for (i = 0; i < ctx->nnotes; i++)
		if (strlen(ctx->notes[i].label) == n &&
		    memcmp(ctx->notes[i].label, label, n) == 0)
			return &ctx->notes[i];
	return NULL;
}

/*
 * Splits "[^label]" out of the text spans as SPAN_NOTEREF, numbering
 * each note at its first reference.  Code and link texts keep it as
 * written (code is how to show "[^1]" itself).
 */
static struct span *
noterefs(struct mdctx *ctx, struct span *head)
{
	struct span *sp, *ref, *rest;
	struct mdnote *d;
	const char *p;
	size_t	 off, n;
	char	 num[16];

	for (sp = head; sp != NULL; sp = sp->next) {
		if (sp->kind != SPAN_TEXT || sp->text == NULL ||
		    (sp->flags & (SPAN_CODE | SPAN_LINK)) ||
		    (p = strstr(sp->text, "[^")) == NULL ||
		    (n = note_label(p + 2, p + strlen(p))) == 0)
			continue;
		off = (size_t)(p - sp->text);
		ref = span_new(SPAN_NOTEREF, sp->flags, NULL);
		ref->pos = sp->pos;
		ref->pos.col += (int)utf8_length(sp->text, off);
		ref->target = xstrndup(p + 2, n);
		if (ctx->innote) {
			diag(DIAG_ERROR, ref->pos.file, ref->pos.line,
			    ref->pos.col, "footnote reference [^%s] inside a "
			    "footnote: write the text into the note instead",
			    ref->target);
			ctx->errors++;
		} else if ((d = note_def(ctx, p + 2, n)) == NULL) {
			diag(DIAG_ERROR, ref->pos.file, ref->pos.line,
			    ref->pos.col, "footnote reference [^%s] has no "
			    "definition: add a line \"[^%s]: the note's text\" "
			    "after the paragraph", ref->target, ref->target);
			ctx->errors++;
		} else {
			if (d->number == 0)
				d->number = ++ctx->nextnum;
			snprintf(num, sizeof(num), "%d", d->number);
			ref->text = xstrdup(num);
		}
		if (ref->text == NULL)
			ref->text = xstrdup("?");
		/* The text after it, from which the loop goes on. */
		rest = span_new(SPAN_TEXT, sp->flags, p + 2 + n + 1);
		rest->pos = ref->pos;
		rest->pos.col += (int)utf8_length(p + 2, n) + 3;
		rest->next = sp->next;
		ref->next = rest;
		sp->text[off] = '\0';
		sp->next = ref;
		sp = ref;
	}
	/* Empty texts left where a reference began or ended. */
	return md_drop_empty(head);
}

/*
 * Converts the inline siblings [first, stop) to spans.  `skip' bytes
 * are left out at the start of `first' if it is text (a lettered
 * marker).  `pos' is where the text starts; it follows the nodes.
 */
static struct span *
conv_inlines(struct mdctx *ctx, cmark_node *first, cmark_node *stop,
    size_t skip, struct srcpos pos)
{
	struct spanlist sl = { NULL, NULL, 0 };
	struct posfix pf = { 0, 0, -1 };
	cmark_node *n, *c;
	cmark_iter *it;
	cmark_event_type ev;
	const char *lit, *url;
	char	*target = NULL;
	bool	 target_public = false;
	int	 em = 0, strong = 0, links = 0;
	unsigned flags;
	bool	 emit = false;

	if (first == NULL)
		return NULL;
	/* From the paragraph's start, for the positions (posfix). */
	for (n = cmark_node_first_child(cmark_node_parent(first));
	    n != NULL && n != stop; n = cmark_node_next(n)) {
		if (n == first)
			emit = true;
		it = cmark_iter_new(n);
		while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
			c = cmark_iter_get_node(it);
			if (ev == CMARK_EVENT_ENTER)
				fix_pos(ctx, &pf, c, &pos);
			if (cmark_node_get_type(c) == CMARK_NODE_SOFTBREAK ||
			    cmark_node_get_type(c) == CMARK_NODE_LINEBREAK)
				fix_break(ctx, &pf, cmark_node_get_type(c) ==
				    CMARK_NODE_SOFTBREAK, &pos);
			if (!emit)
				continue;
			flags = (strong ? SPAN_BOLD : 0) |
			    (em ? SPAN_ITALIC : 0) |
			    (target ? SPAN_LINK : 0) |
			    (target && target_public ? SPAN_PUBLIC : 0);
			lit = cmark_node_get_literal(c);
			switch (cmark_node_get_type(c)) {
			case CMARK_NODE_TEXT:
				if (lit == NULL)
					break;
				if (c == first && skip > 0) {
					pos.col += (int)utf8_length(lit, skip);
					lit += skip;
				}
				add_text(ctx, &sl, lit, flags, target, &pos,
				    true);
				break;
			case CMARK_NODE_CODE:
				if (lit != NULL)
					add_text(ctx, &sl, lit,
					    flags | SPAN_CODE, target, &pos,
					    false);
				break;
			case CMARK_NODE_HTML_INLINE:
				/* Never markup: shown as written.  A comment
				 * too, which its writer may think hidden. */
				if (lit != NULL && strncmp(lit, "<!--", 4) == 0)
					diag(DIAG_WARNING, ctx->file, pos.line,
					    pos.col, "\"%.*s\" is printed as "
					    "written: comments are not hidden "
					    "(only a line \"<!-- mer -->\" has a "
					    "meaning); remove it, or write it as "
					    "text", comment_shown(lit), lit);
				if (lit != NULL)
					add_text(ctx, &sl, lit, flags, target,
					    &pos, false);
				break;
			case CMARK_NODE_SOFTBREAK:
				if (ctx->breaks)
					sl_add(&sl, SPAN_BREAK, flags, NULL, 0,
					    target, &pos);
				else
					sl_add(&sl, SPAN_TEXT, flags, " ", 1,
					    target, &pos);
				break;
			case CMARK_NODE_LINEBREAK:
				sl_add(&sl, SPAN_BREAK, flags, NULL, 0,
				    target, &pos);
				break;
			case CMARK_NODE_EMPH:
				em += ev == CMARK_EVENT_ENTER ? 1 : -1;
				break;
			case CMARK_NODE_STRONG:
				strong += ev == CMARK_EVENT_ENTER ? 1 : -1;
				break;
			case CMARK_NODE_LINK:
				if (ev == CMARK_EVENT_EXIT) {
					if (--links == 0) {
						free(target);
						target = NULL;
					}
					break;
				}
				if (links++ > 0)
					break;
				url = cmark_node_get_url(c);
				if (url == NULL)
					url = "";
				target_public = title_public(
				    cmark_node_get_title(c));
				if (link_allowed(url))
					target = xstrdup(url);
				else
					diag(DIAG_WARNING, pos.file, pos.line,
					    pos.col, "link target \"%s\" is "
					    "not allowed (only http, https, "
					    "mailto, #anchor and a .md, .pdf "
					    "or program .xml file in the "
					    "meeting folder): the "
					    "link text is shown without the "
					    "link",
					    url);
				break;
			case CMARK_NODE_IMAGE:
				if (ev == CMARK_EVENT_ENTER)
					diag(DIAG_WARNING, pos.file, pos.line,
					    pos.col, "images are not supported "
					    "in case texts: their description "
					    "is shown instead; attach the image "
					    "as a document");
				break;
			default:
				break;
			}
		}
		cmark_iter_free(it);
	}
	free(target);
	/* Notes first: "[^1]" is no bracket of a language mark. */
	return md_lang_marks(ctx, noterefs(ctx, sl.head));
}

/* ------------------------------------------------------------------ */
/* Blocks. */

static struct block *
new_block(struct mdctx *ctx, enum block_kind kind, cmark_node *n)
{
	struct block *b = block_new(kind);

	b->pos.file = ctx->file;
	md_pos(ctx, n, &b->pos);
	return b;
}

/* Literal text of code and HTML blocks, one span per line. */
static struct span *
literal_lines(struct mdctx *ctx, const char *lit, unsigned flags,
    struct srcpos pos)
{
	struct spanlist sl = { NULL, NULL, 0 };
	struct buf line = { 0 };
	const char *p, *e;
	char	*clean;
	size_t	 i, vcol;

	if (lit == NULL)
		return NULL;
	for (p = lit; *p != '\0'; p = *e ? e + 1 : e) {
		e = strchr(p, '\n');
		if (e == NULL)
			e = p + strlen(p);
		/* Tabs to the next multiple of four, keeping code aligned. */
		buf_reset(&line);
		for (i = 0, vcol = 0; p + i < e; i++) {
			if (p[i] == '\t') {
				do
					buf_putc(&line, ' ');
				while (++vcol % 4 != 0);
			} else {
				buf_putc(&line, p[i]);
				if (((unsigned char)p[i] & 0xc0) != 0x80)
					vcol++;
			}
		}
		if (p != lit)
			sl_add(&sl, SPAN_BREAK, flags, NULL, 0, NULL, &pos);
		clean = content_clean_text(line.data ? line.data : "");
		sl_add(&sl, SPAN_TEXT, flags, clean, strlen(clean), NULL, &pos);
		free(clean);
		pos.line++;
		if (*e == '\0' || e[1] == '\0')
			break;
	}
	buf_free(&line);
	return sl.head;
}

/*
 * A paragraph holding only an image whose destination is a .csv or .xml
 * file places a figure: ![](../figurer/x.xml) its table,
 * ![](../figurer/x.xml "diagram") its first chart, "diagram: NAME" the
 * chart NAME.  Alt text, if any, replaces the caption.  The title
 * "register" places a register file instead.
 */
static struct block *
figure_ref(struct mdctx *ctx, cmark_node *n)
{
	cmark_node *img = cmark_node_first_child(n);
	const char *url, *title;
	struct block *b;
	size_t	 ul;
	char	*alt;

	if (img == NULL || cmark_node_get_type(img) != CMARK_NODE_IMAGE ||
	    cmark_node_next(img) != NULL ||
	    (url = cmark_node_get_url(img)) == NULL ||
	    (ul = strlen(url)) < 5 || (strcasecmp(url + ul - 4, ".csv") != 0 &&
	    strcasecmp(url + ul - 4, ".xml") != 0))
		return NULL;
	title = cmark_node_get_title(img);
	/* "register": a register file (register.c) placed here. */
	if (title != NULL && strcmp(title, "register") == 0) {
		b = new_block(ctx, BLOCK_REGISTER, n);
		b->figure_ref = xstrdup(url);
		return b;
	}
	b = new_block(ctx, BLOCK_FIGURE, n);
	b->figure_ref = xstrdup(url);
	if (title != NULL && strncmp(title, "diagram", 7) == 0 &&
	    (title[7] == '\0' || title[7] == ':')) {
		b->figure_view = FIGVIEW_CHART;
		if (title[7] == ':') {
			title += 8;
			while (*title == ' ')
				title++;
			if (*title != '\0')
				b->figure_chart = xstrdup(title);
		}
	} else if (title != NULL && *title != '\0' &&
	    strcmp(title, "tabell") != 0)
		diag(DIAG_WARNING, b->pos.file, b->pos.line, b->pos.col,
		    "figure title \"%s\" is not understood: write \"tabell\", "
		    "\"diagram\" or \"diagram: NAME\"; the table is shown",
		    title);
	alt = md_plain(img);
	if (alt != NULL && *alt != '\0') {
		char	*clean = content_clean_text(alt);

		b->spans = span_new(SPAN_TEXT, 0, clean);
		b->spans->pos = b->pos;
		free(clean);
	}
	free(alt);
	return b;
}

static struct block *
para(struct mdctx *ctx, cmark_node *n)
{
	struct block *b;
	cmark_node *first;

	if ((b = figure_ref(ctx, n)) != NULL)
		return b;
	b = new_block(ctx, BLOCK_PARA, n);
	if ((first = md_lang_block(ctx, n, b)) == NULL)
		first = cmark_node_first_child(n);
	b->spans = conv_inlines(ctx, first, NULL, 0, b->pos);
	return b;
}

/* One line of a paragraph, for lettered sub-points. */
struct lline {
	cmark_node	*first;
	cmark_node	*stop;		/* the break after it, or NULL */
	int		 letter;	/* 'a'.., or 0 if no marker */
	char		 delim;
	size_t		 skip;		/* bytes of "a. " */
	int		 para;		/* which paragraph of the group */
};

struct llines {
	struct lline	*v;
	size_t		 n, cap;
};

/* "a. " or "a) " at the start of a line's first text node. */
static void
lmarker(struct lline *l)
{
	const char *lit;
	size_t	 i;

	l->letter = 0;
	if (l->first == NULL || cmark_node_get_type(l->first) !=
	    CMARK_NODE_TEXT || (lit = cmark_node_get_literal(l->first)) == NULL)
		return;
	if (lit[0] < 'a' || lit[0] > 'z' || (lit[1] != '.' && lit[1] != ')') ||
	    (lit[2] != ' ' && lit[2] != '\t'))
		return;
	for (i = 2; lit[i] == ' ' || lit[i] == '\t'; i++)
		continue;
	l->letter = lit[0];
	l->delim = lit[1];
	l->skip = i;
}

static void
split_lines(cmark_node *p, int para, struct llines *ls)
{
	cmark_node *n, *start = cmark_node_first_child(p);
	cmark_node_type t;

	for (n = start; ; n = cmark_node_next(n)) {
		if (n != NULL) {
			t = cmark_node_get_type(n);
			if (t != CMARK_NODE_SOFTBREAK &&
			    t != CMARK_NODE_LINEBREAK)
				continue;
		}
		if (ls->n == ls->cap) {
			ls->cap = ls->cap ? ls->cap * 2 : 8;
			ls->v = xrealloc(ls->v, ls->cap * sizeof(*ls->v));
		}
		ls->v[ls->n].first = start;
		ls->v[ls->n].stop = n;
		ls->v[ls->n].para = para;
		lmarker(&ls->v[ls->n]);
		ls->n++;
		if (n == NULL)
			break;
		start = cmark_node_next(n);
	}
}

/* Checks markers from line i on: consecutive letters, one delimiter.
 * Returns the next expected letter, or 0. */
static int
lsequence(const struct llines *ls, size_t i, int expect, char delim)
{
	for (; i < ls->n; i++) {
		if (ls->v[i].letter == 0)
			continue;
		if (ls->v[i].letter != expect || ls->v[i].delim != delim)
			return 0;
		expect++;
	}
	return expect;
}

/*
 * Lettered sub-points "a. ... b. ...", as lines of paragraph p and/or
 * the paragraphs that follow it, become a LIST_ALPHA.  Returns the
 * blocks (an intro paragraph, then the list) and sets *next to the
 * first sibling not used, or returns NULL to leave the text alone.
 */
static struct block *
lettered(struct mdctx *ctx, cmark_node *p, cmark_node *stop,
    cmark_node **next)
{
	struct llines ls = { NULL, 0, 0 };
	struct block *intro = NULL, *list, *item, *text, **tail;
	cmark_node *q;
	size_t	 i0, i, j, mark;
	int	 expect, e2, npara = 1;
	char	 delim;

	split_lines(p, 0, &ls);
	for (i0 = 0; i0 < ls.n && ls.v[i0].letter != 'a'; i0++)
		continue;
	if (i0 == ls.n ||
	    (expect = lsequence(&ls, i0, 'a', ls.v[i0].delim)) == 0) {
		free(ls.v);
		return NULL;
	}
	delim = ls.v[i0].delim;
	/* Following paragraphs that go on with the sequence. */
	for (q = cmark_node_next(p); q != NULL && q != stop &&
	    cmark_node_get_type(q) == CMARK_NODE_PARAGRAPH;
	    q = cmark_node_next(q)) {
		mark = ls.n;
		split_lines(q, npara, &ls);
		if (ls.v[mark].letter != expect || ls.v[mark].delim != delim ||
		    (e2 = lsequence(&ls, mark, expect, delim)) == 0) {
			ls.n = mark;
			break;
		}
		expect = e2;
		npara++;
	}
	if (expect - 'a' < 2) {
		free(ls.v);
		return NULL;
	}
	*next = q;

	if (i0 > 0) {
		intro = new_block(ctx, BLOCK_PARA, p);
		intro->spans = conv_inlines(ctx, ls.v[0].first,
		    ls.v[i0 - 1].stop, 0, intro->pos);
	}
	list = new_block(ctx, BLOCK_LIST, ls.v[i0].first);
	list->list_style = LIST_ALPHA;
	list->list_start = 1;
	list->tight = npara == 1;
	tail = &list->children;
	for (i = i0; i < ls.n; i = j) {
		/* The item runs to the next marker or paragraph end. */
		for (j = i + 1; j < ls.n && ls.v[j].letter == 0 &&
		    ls.v[j].para == ls.v[i].para; j++)
			continue;
		item = new_block(ctx, BLOCK_ITEM, ls.v[i].first);
		text = new_block(ctx, BLOCK_PARA, ls.v[i].first);
		text->pos.col += (int)utf8_length(
		    cmark_node_get_literal(ls.v[i].first), ls.v[i].skip);
		text->spans = conv_inlines(ctx, ls.v[i].first,
		    ls.v[j - 1].stop, ls.v[i].skip, text->pos);
		item->children = text;
		*tail = item;
		tail = &item->next;
	}
	free(ls.v);
	if (intro != NULL) {
		intro->next = list;
		return intro;
	}
	return list;
}

/* cmark 0.30 does not say whether a code block is fenced: look. */
static bool
is_fence_line(const struct mdctx *ctx, cmark_node *n)
{
	int	 cl = cmark_node_get_start_line(n);
	int	 cc = cmark_node_get_start_column(n);
	size_t	 fl, off;

	if (cl <= 0 || cc <= 0)
		return false;
	fl = (size_t)cl + (size_t)ctx->lineoff;
	if (fl > ctx->nlines)
		return false;
	off = ctx->lines[fl - 1] + (size_t)cc - 1;
	return off + 3 <= ctx->len && (ctx->text[off] == '`' ||
	    ctx->text[off] == '~') && ctx->text[off + 1] == ctx->text[off] &&
	    ctx->text[off + 2] == ctx->text[off];
}

bool
md_more(cmark_node *n)
{
	const char *s, *e;
	size_t	 len;

	if (n == NULL || cmark_node_get_type(n) != CMARK_NODE_HTML_BLOCK ||
	    (s = cmark_node_get_literal(n)) == NULL)
		return false;
	len = strlen(s);
	while (len > 0 && (s[len - 1] == '\n' || s[len - 1] == ' ' ||
	    s[len - 1] == '\t'))
		len--;
	if (len < 7 || strncmp(s, "<!--", 4) != 0 ||
	    strncmp(s + len - 3, "-->", 3) != 0)
		return false;
	e = s + len - 3;
	for (s += 4; s < e && (*s == ' ' || *s == '\t'); s++)
		continue;
	while (e > s && (e[-1] == ' ' || e[-1] == '\t'))
		e--;
	len = (size_t)(e - s);
	return (len == 3 && strncasecmp(s, "mer", 3) == 0) ||
	    (len == 4 && strncasecmp(s, "more", 4) == 0);
}

static struct block *
conv_block(struct mdctx *ctx, cmark_node *n)
{
	struct block *b = NULL, *item, **tail;
	cmark_node *c;
	int	 level;

	switch (cmark_node_get_type(n)) {
	case CMARK_NODE_PARAGRAPH:
		b = para(ctx, n);
		break;
	case CMARK_NODE_HEADING:
		b = new_block(ctx, BLOCK_HEADING, n);
		/* "#" are sections; "##" is the first level inside. */
		level = cmark_node_get_heading_level(n) - 1;
		b->level = level < 1 ? 1 : level;
		b->spans = conv_inlines(ctx, cmark_node_first_child(n), NULL,
		    0, b->pos);
		break;
	case CMARK_NODE_LIST:
		b = new_block(ctx, BLOCK_LIST, n);
		if (cmark_node_get_list_type(n) == CMARK_ORDERED_LIST) {
			b->list_style = LIST_DECIMAL;
			b->list_start = cmark_node_get_list_start(n);
		} else
			b->list_style = LIST_BULLET;
		b->tight = cmark_node_get_list_tight(n) != 0;
		tail = &b->children;
		for (c = cmark_node_first_child(n); c != NULL;
		    c = cmark_node_next(c)) {
			item = new_block(ctx, BLOCK_ITEM, c);
			item->children = md_blocks(ctx,
			    cmark_node_first_child(c), NULL);
			*tail = item;
			tail = &item->next;
		}
		break;
	case CMARK_NODE_BLOCK_QUOTE:
		b = new_block(ctx, BLOCK_QUOTE, n);
		b->children = md_blocks(ctx, cmark_node_first_child(n), NULL);
		break;
	case CMARK_NODE_CODE_BLOCK:
		b = new_block(ctx, BLOCK_CODE, n);
		{
			struct srcpos pos = b->pos;

			/* A fenced block's text starts after the fence. */
			if (is_fence_line(ctx, n))
				pos.line++;
			b->spans = literal_lines(ctx,
			    cmark_node_get_literal(n), SPAN_CODE, pos);
		}
		break;
	case CMARK_NODE_HTML_BLOCK:
		/* The agenda's end marker, where it has no meaning: the
		 * reader of sections() takes the one that has. */
		if (md_more(n)) {
			struct srcpos pos = { ctx->file, 0, 0 };

			md_pos(ctx, n, &pos);
			diag(DIAG_WARNING, ctx->file, pos.line, pos.col,
			    "\"<!-- mer -->\" ends what the agenda shows only "
			    "once, in Ärendebeskrivning and outside lists and "
			    "quotes: it is ignored here");
			break;
		}
		/* Raw HTML is never markup: show it as written. */
		b = new_block(ctx, BLOCK_PARA, n);
		if (cmark_node_get_literal(n) != NULL &&
		    strncmp(cmark_node_get_literal(n), "<!--", 4) == 0)
			diag(DIAG_WARNING, ctx->file, b->pos.line, b->pos.col,
			    "\"%.*s\" is printed as written: comments are not "
			    "hidden (only a line \"<!-- mer -->\" has a meaning); "
			    "remove it, or write it as text",
			    comment_shown(cmark_node_get_literal(n)),
			    cmark_node_get_literal(n));
		b->spans = literal_lines(ctx, cmark_node_get_literal(n), 0,
		    b->pos);
		break;
	case CMARK_NODE_THEMATIC_BREAK:
		b = new_block(ctx, BLOCK_RULE, n);
		break;
	default:
		break;
	}
	return b;
}

/* Converts the block siblings [first, stop). */
struct block *
md_blocks(struct mdctx *ctx, cmark_node *first, cmark_node *stop)
{
	struct block *head = NULL, **tail = &head, *b;
	cmark_node *n, *next;

	for (n = first; n != NULL && n != stop; n = next) {
		next = cmark_node_next(n);
		b = NULL;
		/* A paragraph in another language is no list. */
		if (cmark_node_get_type(n) == CMARK_NODE_PARAGRAPH &&
		    !md_lang_starts(n))
			b = lettered(ctx, n, stop, &next);
		if (b == NULL) {
			next = cmark_node_next(n);
			b = conv_block(ctx, n);
		}
		if (b == NULL)
			continue;
		*tail = b;
		while (b->next != NULL)
			b = b->next;
		tail = &b->next;
	}
	return head;
}

/*
 * Converts each referenced definition's text as a paragraph of its
 * own, parsed alone with positions in the file.
 */
struct note *
md_notes(struct mdctx *ctx)
{
	struct note *head = NULL, **tail, *nt;
	struct mdnote *d;
	cmark_node *doc, *p;
	size_t	 i, j;
	int	 lineoff = ctx->lineoff, num;

	for (i = 0; i < ctx->nnotes; i++) {
		d = &ctx->notes[i];
		if (d->number < 0)
			continue;
		if (d->number == 0) {
			diag(DIAG_WARNING, d->pos.file, d->pos.line,
			    d->pos.col, "footnote [^%s] is never referenced: "
			    "add \"[^%s]\" where it belongs, or delete it",
			    d->label, d->label);
			continue;
		}
		doc = cmark_parse_document(ctx->text + d->text,
		    d->end - d->text, CMARK_OPT_SOURCEPOS);
		if (doc == NULL)
			continue;
		ctx->lineoff = (int)d->line;
		ctx->firstcol = (int)(d->text - ctx->lines[d->line]);
		ctx->innote = true;
		p = cmark_node_first_child(doc);
		if (p == NULL || cmark_node_get_type(p) !=
		    CMARK_NODE_PARAGRAPH || cmark_node_next(p) != NULL) {
			diag(DIAG_ERROR, d->pos.file, d->pos.line, d->pos.col,
			    "footnote [^%s] must be one paragraph of text",
			    d->label);
			ctx->errors++;
		} else
			d->spans = conv_inlines(ctx, cmark_node_first_child(p),
			    NULL, 0, d->pos);
		ctx->innote = false;
		ctx->firstcol = 0;
		ctx->lineoff = lineoff;
		cmark_node_free(doc);
	}
	/* By number: the order of first reference. */
	for (num = 1; num <= ctx->nextnum; num++)
		for (j = 0; j < ctx->nnotes; j++) {
			d = &ctx->notes[j];
			if (d->number != num)
				continue;
			nt = xcalloc(1, sizeof(*nt));
			nt->label = d->label;
			nt->number = d->number;
			nt->spans = d->spans;
			nt->pos = d->pos;
			d->label = NULL;
			d->spans = NULL;
			for (tail = &head; *tail != NULL; tail = &(*tail)->next)
				continue;
			*tail = nt;
		}
	notes_clear(ctx);
	return head;
}

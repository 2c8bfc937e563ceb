/*
 * Case files: a metadata header between "---" lines, then Markdown
 * split into the four sections by level-1 headings.
 */
#include <stdlib.h>
#include <string.h>

#include "extern.h"

#define META_MAX	100	/* fields in a metadata header */

/* Errors listed for one problem kind before the rest are left out. */
#define MAX_REPEAT	10

#define NO_BODY		((size_t)-1)

/* Line l (0-based) without its newline and trailing blanks. */
static void
line_span(const struct mdctx *ctx, size_t l, const char **s, const char **e)
{
	*s = ctx->text + ctx->lines[l];
	*e = ctx->text + (l + 1 < ctx->nlines ? ctx->lines[l + 1] - 1 :
	    ctx->len);
	while (*e > *s && ((*e)[-1] == ' ' || (*e)[-1] == '\t'))
		(*e)--;
}

static bool
is_fence(const struct mdctx *ctx, size_t l)
{
	const char *s, *e;

	line_span(ctx, l, &s, &e);
	return e - s == 3 && memcmp(s, "---", 3) == 0;
}

static void
col_of(struct mdctx *ctx, const char *p, struct srcpos *pos)
{
	pos->file = ctx->file;
	md_offpos(ctx, (size_t)(p - ctx->text), &pos->line, &pos->col);
}

/*
 * Reads the header; returns the line index where the body starts (0
 * if there is no header: all of it is body), or NO_BODY if the header
 * never ends.
 */
static size_t
header(struct mdctx *ctx, struct casefile *cs)
{
	const char *s, *e, *colon, *v, *ve;
	struct srcpos vpos, dnrpos = { 0 }, kindpos = { 0 };
	struct meta_field *f;
	char	*key, *value, *dnr = NULL, *kind = NULL;
	size_t	 l, close, i;
	bool	 dup;

	if (!is_fence(ctx, 0)) {
		diag(DIAG_ERROR, ctx->file, 1, 1, "missing metadata header: "
		    "start the file with a line \"---\", then lines "
		    "\"dnr: ...\" and \"title: ...\", then a line \"---\"");
		return 0;
	}
	for (close = 1; close < ctx->nlines && !is_fence(ctx, close); close++)
		continue;
	if (close == ctx->nlines) {
		diag(DIAG_ERROR, ctx->file, 1, 1, "the metadata header is "
		    "not closed: add a line \"---\" after its last field");
		return NO_BODY;
	}

	for (l = 1; l < close; l++) {
		line_span(ctx, l, &s, &e);
		while (s < e && (*s == ' ' || *s == '\t'))
			s++;
		if (s == e || *s == '#')
			continue;	/* blank line or comment */
		if ((colon = memchr(s, ':', (size_t)(e - s))) == NULL) {
			col_of(ctx, s, &vpos);
			diag(DIAG_ERROR, ctx->file, vpos.line, vpos.col,
			    "missing ':' in the metadata header: write each "
			    "field as \"key: value\"");
			continue;
		}
		for (ve = colon; ve > s && (ve[-1] == ' ' || ve[-1] == '\t');)
			ve--;
		if (ve == s) {
			col_of(ctx, s, &vpos);
			diag(DIAG_ERROR, ctx->file, vpos.line, vpos.col,
			    "missing field name before ':' in the metadata "
			    "header: write each field as \"key: value\"");
			continue;
		}
		/* A real header has a handful of fields; this bounds the
		 * duplicate check on hostile input. */
		if (cs->nmeta >= META_MAX) {
			col_of(ctx, s, &vpos);
			diag(DIAG_ERROR, ctx->file, vpos.line, vpos.col,
			    "more than %d fields in the metadata header: keep "
			    "the header to dnr, title and a few more", META_MAX);
			break;
		}
		key = content_fold(s, (size_t)(ve - s));
		for (v = colon + 1; v < e && (*v == ' ' || *v == '\t'); v++)
			continue;
		col_of(ctx, v, &vpos);
		ve = e;
		/* A YAML habit: "title: "..."" */
		if (ve - v >= 2 && (*v == '"' || *v == '\'') && ve[-1] == *v) {
			v++;
			ve--;
		}
		value = xstrndup(v, (size_t)(ve - v));

		dup = false;
		for (i = 0; i < cs->nmeta && !dup; i++) {
			char	*k2 = content_fold(cs->meta[i].key,
			    strlen(cs->meta[i].key));

			if (strcmp(k2, key) == 0) {
				col_of(ctx, s, &vpos);
				diag(DIAG_ERROR, ctx->file, vpos.line,
				    vpos.col, "duplicate field \"%s\" "
				    "(first at line %d): keep one of them",
				    cs->meta[i].key, cs->meta[i].pos.line);
				dup = true;
			}
			free(k2);
		}
		if (dup) {
			free(key);
			free(value);
			continue;
		}
		cs->meta = xrealloc(cs->meta,
		    (cs->nmeta + 1) * sizeof(*cs->meta));
		f = &cs->meta[cs->nmeta++];
		f->key = xstrndup(s, (size_t)(colon - s));
		while (strlen(f->key) > 0 && (f->key[strlen(f->key) - 1] ==
		    ' ' || f->key[strlen(f->key) - 1] == '\t'))
			f->key[strlen(f->key) - 1] = '\0';
		f->value = xstrdup(value);
		{
			struct srcpos kpos;

			col_of(ctx, s, &kpos);
			header_key_check(f->key, ctx->file, kpos.line, kpos.col,
			    HK_CASE);
		}
		/* Where the value starts: messages about its text (a
		 * character no font has) count from here. */
		col_of(ctx, v, &f->pos);

		if (strcmp(key, "dnr") == 0 && *value != '\0') {
			dnr = value;
			dnrpos = vpos;
			value = NULL;
		} else if ((strcmp(key, "title") == 0 ||
		    strcmp(key, "titel") == 0) && *value != '\0') {
			if (utf8_length(value, strlen(value)) >
			    CONTENT_MAX_TITLE)
				diag(DIAG_ERROR, ctx->file, vpos.line, vpos.col,
				    "the title is %zu characters long: keep it "
				    "under %d and put the rest in "
				    "Ärendebeskrivning",
				    utf8_length(value, strlen(value)),
				    CONTENT_MAX_TITLE);
			cs->title = content_typeset(value);
		} else if (strcmp(key, "kind") == 0 ||
		    strcmp(key, "typ") == 0) {
			kind = value;
			kindpos = vpos;
			value = NULL;
		} else if ((strcmp(key, "handläggare") == 0 ||
		    strcmp(key, "handlaggare") == 0) && *value != '\0')
			cs->handlaggare = content_typeset(value);
		else if (strcmp(key, "sekretess") == 0) {
			/* The item is secret: the public sees its number
			 * and title only. */
			if (secrecy_ground_check(value, "sekretess ",
			    ctx->file, vpos.line, vpos.col,
			    "OSL 18 kap. 8 \xc2\xa7"))
				cs->secret = xstrdup(value);
		}
		free(key);
		free(value);
	}

	if (kind != NULL) {
		char	*k = content_fold(kind, strlen(kind));

		if (strcmp(k, "beslut") == 0 ||
		    strcmp(k, "information") == 0)
			cs->kind = k;
		else {
			diag(DIAG_ERROR, ctx->file, kindpos.line, kindpos.col,
			    "unknown kind \"%s\": write \"beslut\" or "
			    "\"information\"", kind);
			free(k);
		}
		free(kind);
	}
	if (cs->kind == NULL)
		cs->kind = xstrdup("beslut");
	if (cs->title == NULL)
		diag(DIAG_ERROR, ctx->file, 1, 1, "the metadata header has "
		    "no title: add a line \"title: ...\"");
	if (dnr != NULL) {
		if (dnr_valid(dnr))
			cs->dnr = dnr;
		else {
			size_t	 ho, hl;

			/* What `boardgen new' writes until it is filled. */
			if (lint_hint(dnr, strlen(dnr), false, &ho, &hl))
				diag(DIAG_ERROR, ctx->file, dnrpos.line,
				    dnrpos.col + (int)utf8_length(dnr, ho),
				    "unfilled template hint \"%.*s\": write "
				    "the dnr as SERIES/NUMBER/YEAR, e.g. "
				    "RS/1119/2017", (int)hl, dnr + ho);
			else
				diag(DIAG_ERROR, ctx->file, dnrpos.line,
				    dnrpos.col, "malformed dnr \"%s\": write "
				    "it as SERIES/NUMBER/YEAR, e.g. "
				    "RS/1119/2017", dnr);
			free(dnr);
		}
	} else if (strcmp(cs->kind, "information") != 0)
		diag(DIAG_ERROR, ctx->file, 1, 1, "the metadata header has "
		    "no dnr: add a line \"dnr: SERIES/NUMBER/YEAR\", e.g. "
		    "\"dnr: RS/1119/2017\" (only kind: information may "
		    "leave it out)");
	return close + 1;
}

static const char *const allowed = "\"# Ärendebeskrivning\", "
    "\"# Förslag till beslut\", \"# Expedieras till\" or "
    "\"# Beslutsunderlag\"";

/*
 * The Ärendebeskrivning, the nodes [start, stop): a line "<!-- mer -->"
 * among them ends what the agenda shows; it is not text.  Another one,
 * or one in a list, is warned about where md_blocks() meets it.
 */
static void
description(struct mdctx *ctx, struct section *sec, cmark_node *start,
    cmark_node *stop)
{
	struct block **tail;
	cmark_node *n;

	for (n = start; n != NULL && n != stop; n = cmark_node_next(n))
		if (md_more(n))
			break;
	if (n == NULL || n == stop) {
		sec->blocks = md_blocks(ctx, start, stop);
		return;
	}
	sec->has_more = true;
	sec->more_pos.file = ctx->file;
	md_pos(ctx, n, &sec->more_pos);
	sec->blocks = md_blocks(ctx, start, n);
	for (tail = &sec->blocks; *tail != NULL; tail = &(*tail)->next)
		continue;
	*tail = md_blocks(ctx, cmark_node_next(n), stop);
	sec->more = *tail;
	if (sec->blocks == sec->more)
		diag(DIAG_WARNING, ctx->file, sec->more_pos.line,
		    sec->more_pos.col, "\"<!-- mer -->\" has no text before "
		    "it, so the agenda would show nothing of the description: "
		    "put it after the text the agenda shows");
}

/* A "## Sammanfattning" and a "<!-- mer -->": the first wins. */
static void
both_summaries(const struct casefile *cs)
{
	const struct section *sec = &cs->sections[SECTION_DESCRIPTION];
	const struct block *end, *sum;

	if (!sec->has_more || (sum = case_summary(cs, &end)) == NULL ||
	    sum == sec->blocks)
		return;
	diag(DIAG_WARNING, sec->more_pos.file, sec->more_pos.line,
	    sec->more_pos.col,
	    "the description has a \"## Sammanfattning\" too, which "
	    "decides what the agenda shows: remove one of them");
}

/* Level-1 headings split the body into the four sections. */
static void
sections(struct mdctx *ctx, struct casefile *cs, cmark_node *doc)
{
	cmark_node *n, *start = NULL;
	struct srcpos pos;
	int	 cur = -1, k, found;
	bool	 seen = false, before = false;
	char	*name, *want;

	for (n = cmark_node_first_child(doc); ; n = cmark_node_next(n)) {
		bool	 h1 = n != NULL &&
		    cmark_node_get_type(n) == CMARK_NODE_HEADING &&
		    cmark_node_get_heading_level(n) == 1;

		if (n != NULL && !h1) {
			if (!seen && !before) {
				pos.file = ctx->file;
				pos.line = pos.col = 0;
				md_pos(ctx, n, &pos);
				diag(DIAG_ERROR, ctx->file, pos.line, pos.col,
				    "text before the first section heading: "
				    "start with one of %s", allowed);
				before = true;
			}
			continue;
		}
		if (cur == SECTION_DESCRIPTION)
			description(ctx, &cs->sections[cur], start, n);
		else if (cur >= 0) {
			ctx->breaks = cur == SECTION_RECIPIENTS;
			cs->sections[cur].blocks = md_blocks(ctx, start, n);
			ctx->breaks = false;
		}
		if (n == NULL)
			break;
		seen = true;
		cur = -1;
		start = cmark_node_next(n);
		pos.file = ctx->file;
		pos.line = pos.col = 0;
		md_pos(ctx, n, &pos);
		name = md_plain(n);
		{
			char	*f = content_fold(name, strlen(name));

			free(name);
			name = f;
		}
		found = -1;
		for (k = 0; k < SECTION__MAX; k++) {
			const char *h = section_heading((enum section_kind)k);

			want = content_fold(h, strlen(h));
			if (strcmp(want, name) == 0)
				found = k;
			free(want);
		}
		if (found < 0 && name[strspn(name, " \t")] == '\0')
			diag(DIAG_ERROR, ctx->file, pos.line, pos.col,
			    "section heading is empty: write one of %s after "
			    "the \"#\"", allowed);
		else if (found < 0) {
			char	*raw = md_plain(n);

			diag(DIAG_ERROR, ctx->file, pos.line, pos.col,
			    "unknown section heading \"%s\": use one of %s "
			    "(\"##\" makes a sub-heading)", raw, allowed);
			free(raw);
		} else if (cs->sections[found].present) {
			diag(DIAG_ERROR, ctx->file, pos.line, pos.col,
			    "section \"%s\" appears twice (first at line %d): "
			    "merge the two",
			    section_heading((enum section_kind)found),
			    cs->sections[found].pos.line);
		} else {
			cs->sections[found].present = true;
			cs->sections[found].pos = pos;
			cur = found;
		}
		free(name);
	}
}

/* Copies data without a BOM and with CRLF and CR made LF. */
static char *
normalise(const char *data, size_t len, size_t *outlen)
{
	char	*out = xmalloc(len + 1);
	size_t	 i = 0, o = 0;

	if (len >= 3 && memcmp(data, "\xef\xbb\xbf", 3) == 0)
		i = 3;
	for (; i < len; i++) {
		if (data[i] == '\r') {
			out[o++] = '\n';
			if (i + 1 < len && data[i + 1] == '\n')
				i++;
		} else
			out[o++] = data[i];
	}
	out[o] = '\0';
	*outlen = o;
	return out;
}

/* Input checks before any parsing: UTF-8, then control characters. */
static int
check_bytes(struct mdctx *ctx)
{
	struct srcpos pos;
	size_t	 bad, off = 0;
	int	 n = 0;

	if ((bad = utf8_validate(ctx->text, ctx->len)) != (size_t)-1) {
		col_of(ctx, ctx->text + bad, &pos);
		diag(DIAG_ERROR, ctx->file, pos.line, pos.col,
		    "invalid UTF-8 at byte 0x%02x: save the file as UTF-8",
		    (unsigned char)ctx->text[bad]);
		return 0;
	}
	while (off < ctx->len &&
	    content_ctrl(ctx->text + off, ctx->len - off, &bad)) {
		off += bad;
		if (n++ < MAX_REPEAT) {
			col_of(ctx, ctx->text + off, &pos);
			diag(DIAG_ERROR, ctx->file, pos.line, pos.col,
			    "control character U+%04X in the text: delete it",
			    (unsigned)(unsigned char)ctx->text[off]);
		}
		off++;
	}
	return n == 0;
}

struct casefile *
casefile_parse(const char *path, const char *data, size_t len)
{
	struct casefile *cs = xcalloc(1, sizeof(*cs));
	struct mdctx ctx;
	cmark_node *doc;
	size_t	 errors = diag_errors(), body;
	char	*text;

	cs->path = xstrdup(path);
	cs->pos.file = cs->path;
	cs->pos.line = cs->pos.col = 1;
	if (len > CONTENT_MAX_CASE) {
		diag(DIAG_ERROR, cs->path, 0, 0, "file is too large (%zu "
		    "bytes; the limit is %u): split it or shorten it", len,
		    CONTENT_MAX_CASE);
		casefile_free(cs);
		return NULL;
	}
	memset(&ctx, 0, sizeof(ctx));
	ctx.file = cs->path;
	ctx.text = text = normalise(data, len, &ctx.len);
	md_lines(&ctx);
	if (check_bytes(&ctx) && (body = header(&ctx, cs)) != NO_BODY) {
		size_t	 at = body < ctx.nlines ? ctx.lines[body] : ctx.len;

		md_format(&ctx, 0, at, DIAG_ERROR);
		md_format(&ctx, at, ctx.len, DIAG_WARNING);
		ctx.lineoff = (int)body;
		if ((doc = md_parse(&ctx, body < ctx.nlines ?
		    ctx.lines[body] : ctx.len)) != NULL) {
			sections(&ctx, cs, doc);
			both_summaries(cs);
			cs->notes = md_notes(&ctx);
			cmark_node_free(doc);
		}
	}
	free(ctx.lines);
	free(text);
	if (diag_errors() > errors) {
		casefile_free(cs);
		return NULL;
	}
	return cs;
}

struct casefile *
casefile_load(const char *path)
{
	struct casefile *cs;
	char	*data;
	size_t	 len;

	if (!file_read(path, CONTENT_MAX_CASE, &data, &len))
		return NULL;
	cs = casefile_parse(path, data, len);
	free(data);
	return cs;
}

/*
 * Documents behind agenda items: document files (a metadata header,
 * then Markdown), the tjänsteskrivelse made from a case file's own
 * header and sections, and which Beslutsunderlag entry names which
 * document.  The proposal and the recipients are written once: a
 * tjänsteskrivelse file that states them too must agree with its case.
 */
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "extern.h"

#define DOC_MAX_META		100	/* header fields */
#define DOC_MAX_PER_ITEM	100	/* documents behind one item */
#define DOC_MAX_MEETING		1000	/* documents in one meeting */
/* PDF files made elsewhere in one meeting: the merged pack holds
 * them, and is held in memory to be checked and written. */
#define DOC_MAX_EXT_BYTES	(128ull * 1024u * 1024u)
#define DOC_MAX_EXT_PAGES	4000	/* as many as one PDF may have */

static bool
key_is(const char *key, const char *want)
{
	char	*k = content_fold(key, strlen(key));
	bool	 r = strcmp(k, want) == 0;

	free(k);
	return r;
}

static char *
trimdup(const char *s, size_t n)
{
	while (n > 0 && (*s == ' ' || *s == '\t'))
		s++, n--;
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	return xstrndup(s, n);
}

/* ------------------------------------------------------------------ */
/* Header fields into the document. */

static enum document_kind
kind_of(const char *v, bool *ok)
{
	char	*k = content_fold(v, strlen(v));
	enum document_kind r = DOCUMENT_REPORT;

	*ok = true;
	if (strcmp(k, "rapport") == 0)
		r = DOCUMENT_REPORT;
	else if (strcmp(k, "uppföljning") == 0 ||
	    strcmp(k, "uppföljningsrapport") == 0)
		r = DOCUMENT_FOLLOWUP;
	else if (strcmp(k, "brev") == 0 || strcmp(k, "remissvar") == 0 ||
	    strcmp(k, "yttrande") == 0)
		r = DOCUMENT_LETTER;
	else if (strcmp(k, "tjänsteskrivelse") == 0)
		r = DOCUMENT_TJANSTESKRIVELSE;
	else
		*ok = false;
	free(k);
	return r;
}

/* "Name, Title; Name, Title": the title may be left out when the staff
 * directory has it. */
static int
signers(struct document *d, const struct meta_field *f,
    const struct organisation *org)
{
	const char *p = f->value, *e, *comma;
	const struct contact *who;
	struct contact *c;

	while (*p != '\0') {
		e = p + strcspn(p, ";");
		if (e > p && strspn(p, " \t") < (size_t)(e - p)) {
			if (d->nsigners == CONTENT_MAX_SIGNERS) {
				diag(DIAG_ERROR, f->pos.file, f->pos.line,
				    f->pos.col, "more than %d signers: a "
				    "document is signed by one or two",
				    CONTENT_MAX_SIGNERS);
				return 0;
			}
			d->signers = xrealloc(d->signers,
			    (d->nsigners + 1) * sizeof(*d->signers));
			c = &d->signers[d->nsigners++];
			memset(c, 0, sizeof(*c));
			c->pos = f->pos;
			comma = memchr(p, ',', (size_t)(e - p));
			{
				char	*n = trimdup(p, (size_t)((comma ? comma :
				    e) - p));

				c->name = content_typeset(n);
				free(n);
			}
			if (comma != NULL) {
				char	*t = trimdup(comma + 1,
				    (size_t)(e - comma - 1));

				if (*t != '\0')
					c->role = content_typeset(t);
				free(t);
			}
			who = organisation_person(org, c->name);
			if (c->role == NULL && who != NULL && who->role != NULL) {
				c->role = xstrdup(who->role);
				c->from_directory = who->pos;
			}
		}
		p = *e == ';' ? e + 1 : e;
	}
	return 1;
}

static void
address(struct document *d, const struct meta_field *f)
{
	const char *p = f->value, *e;

	while (*p != '\0' && d->naddress < CONTENT_MAX_ADDRESS) {
		e = p + strcspn(p, ";");
		if (strspn(p, " \t") < (size_t)(e - p)) {
			char	*t = trimdup(p, (size_t)(e - p));

			d->address = xrealloc(d->address,
			    (d->naddress + 1) * sizeof(*d->address));
			d->address[d->naddress++] = content_typeset(t);
			free(t);
		}
		p = *e == ';' ? e + 1 : e;
	}
	if (*p != '\0')
		diag(DIAG_ERROR, f->pos.file, f->pos.line, f->pos.col,
		    "more than %d address lines: shorten the address",
		    CONTENT_MAX_ADDRESS);
}

/* "ja" or "nej" in a header field: 1 or 0; -1 after reporting. */
static int
yes_no(const struct meta_field *f)
{
	if (strcasecmp(f->value, "ja") == 0)
		return 1;
	if (strcasecmp(f->value, "nej") == 0)
		return 0;
	diag(DIAG_ERROR, f->pos.file, f->pos.line, f->pos.col, "%s \"%s\" "
	    "is neither ja nor nej: write \"%s: ja\" or \"%s: nej\"",
	    f->key, f->value, f->key, f->key);
	return -1;
}

/* About how much a report's body fills: its characters, and half a
 * page for each figure (a table or a chart). */
static size_t
body_size(const struct block *b)
{
	const struct span *sp;
	size_t	 n = 0;

	for (; b != NULL; b = b->next) {
		if (b->kind == BLOCK_FIGURE)
			n += REPORT_PAGE_CHARS / 2;
		for (sp = b->spans; sp != NULL; sp = sp->next)
			if (sp->text != NULL)
				n += strlen(sp->text);
		n += body_size(b->children);
	}
	return n;
}

/* A report's title page and contents: as its header says, else a
 * report longer than REPORT_SHORT_PAGES pages has both (a five-page
 * report gets neither a cover nor a near-empty contents page); its
 * headings numbered unless it says "rubriknummer: nej". */
static int
report_front(struct document *d)
{
	bool	 lng = body_size(d->blocks) > REPORT_SHORT_PAGES *
	    REPORT_PAGE_CHARS;
	int	 tp = -2, toc = -2, num = -2, ok = 1;
	size_t	 i;

	for (i = 0; i < d->nmeta; i++) {
		if (key_is(d->meta[i].key, "titelsida"))
			tp = yes_no(&d->meta[i]);
		else if (key_is(d->meta[i].key, "innehåll"))
			toc = yes_no(&d->meta[i]);
		else if (key_is(d->meta[i].key, "rubriknummer"))
			num = yes_no(&d->meta[i]);
	}
	if (tp == -1 || toc == -1 || num == -1)
		ok = 0;
	d->unnumbered = num == 0;
	d->title_page = tp == -2 ? lng : tp == 1;
	d->contents = toc == -2 ? lng : toc == 1;
	return ok;
}

/* Sets the document's fields from its header (or its case's header).
 * Returns 0 after reporting. */
static int
interpret(struct document *d, const struct organisation *org)
{
	const struct meta_field *f;
	const struct contact *who;
	const char *phone = NULL, *email = NULL;
	size_t	 i;
	int	 ok = 1;

	for (i = 0; i < d->nmeta; i++) {
		f = &d->meta[i];
		if (*f->value == '\0')
			continue;
		if (key_is(f->key, "datum")) {
			char	*why = iso_date_problem(f->value,
			    "2026-11-20");

			if (why != NULL) {
				diag(DIAG_ERROR, f->pos.file, f->pos.line,
				    f->pos.col, "datum \"%s\": %s", f->value,
				    why);
				free(why);
				ok = 0;
			} else {
				free(d->date);
				d->date = xstrdup(f->value);
			}
		} else if (key_is(f->key, "förvaltning")) {
			free(d->department);
			d->department = content_typeset(f->value);
		} else if (key_is(f->key, "till")) {
			free(d->recipient);
			d->recipient = content_typeset(f->value);
		} else if (key_is(f->key, "handläggare") ||
		    key_is(f->key, "handlaggare")) {
			free(d->author.name);
			d->author.name = content_typeset(f->value);
			d->author.pos = f->pos;
		} else if (key_is(f->key, "telefon") || key_is(f->key, "tfn"))
			phone = f->value;
		else if (key_is(f->key, "e-post"))
			email = f->value;
		else if (key_is(f->key, "undertecknare"))
			ok &= signers(d, f, org);
		else if (key_is(f->key, "adress"))
			address(d, f);
	}
	who = organisation_person(org, d->author.name);
	if (who != NULL)
		d->author.from_directory = who->pos;
	if (phone != NULL)
		d->author.phone = xstrdup(phone);
	else if (who != NULL && who->phone != NULL)
		d->author.phone = xstrdup(who->phone);
	if (email != NULL)
		d->author.email = xstrdup(email);
	else if (who != NULL && who->email != NULL)
		d->author.email = xstrdup(who->email);
	if (who != NULL && who->role != NULL)
		d->author.role = xstrdup(who->role);
	return ok;
}

static void
copy_meta(struct document *d, const struct meta_field *m, size_t n)
{
	size_t	 i;

	d->meta = n ? xcalloc(n, sizeof(*d->meta)) : NULL;
	for (i = 0; i < n; i++) {
		d->meta[i].key = xstrdup(m[i].key);
		d->meta[i].value = xstrdup(m[i].value);
		d->meta[i].pos = m[i].pos;
	}
	d->nmeta = n;
}

struct document *
document_from_case(const struct casefile *cs, const struct organisation *org,
    const char *body, const char *date)
{
	struct document *d = xcalloc(1, sizeof(*d));
	size_t	 errors = diag_errors();

	d->kind = DOCUMENT_TJANSTESKRIVELSE;
	d->path = xstrdup(cs->path);
	d->title = cs->title ? xstrdup(cs->title) : NULL;
	d->dnr = cs->dnr ? xstrdup(cs->dnr) : NULL;
	d->cs = cs;
	d->pos = cs->pos;
	copy_meta(d, cs->meta, cs->nmeta);
	interpret(d, org);
	if (d->date == NULL && date != NULL)
		d->date = xstrdup(date);
	if (d->recipient == NULL && body != NULL)
		d->recipient = xstrdup(body);
	if (diag_errors() > errors) {
		document_free(d);
		return NULL;
	}
	return d;
}

/* ------------------------------------------------------------------ */
/* Document files. */

/* The header: "key: value" lines between "---" lines.  Returns the
 * line where the body starts, or 0 after reporting. */
static size_t
header(struct mdctx *ctx, struct document *d)
{
	size_t	 l, close;
	const char *s, *e, *colon, *v, *ve;
	struct meta_field *f;
	struct srcpos pos;

#define LINE(l, s, e) do { \
	s = ctx->text + ctx->lines[l]; \
	e = ctx->text + ((l) + 1 < ctx->nlines ? ctx->lines[(l) + 1] - 1 : \
	    ctx->len); \
	while (e > s && (e[-1] == ' ' || e[-1] == '\t')) \
		e--; \
} while (0)

	LINE(0, s, e);
	if (e - s != 3 || memcmp(s, "---", 3) != 0) {
		diag(DIAG_ERROR, ctx->file, 1, 1, "missing metadata header: "
		    "start the file with a line \"---\", then lines such as "
		    "\"kind: rapport\" and \"title: ...\", then a line \"---\"");
		return 0;
	}
	for (close = 1; close < ctx->nlines; close++) {
		LINE(close, s, e);
		if (e - s == 3 && memcmp(s, "---", 3) == 0)
			break;
	}
	if (close == ctx->nlines) {
		diag(DIAG_ERROR, ctx->file, 1, 1, "the metadata header is "
		    "not closed: add a line \"---\" after its last field");
		return 0;
	}
	for (l = 1; l < close; l++) {
		LINE(l, s, e);
		while (s < e && (*s == ' ' || *s == '\t'))
			s++;
		if (s == e || *s == '#')
			continue;
		pos.file = ctx->file;
		md_offpos(ctx, (size_t)(s - ctx->text), &pos.line, &pos.col);
		if ((colon = memchr(s, ':', (size_t)(e - s))) == NULL ||
		    colon == s) {
			diag(DIAG_ERROR, ctx->file, pos.line, pos.col,
			    "%s in the metadata header: write each field as "
			    "\"key: value\"", colon ? "missing field name" :
			    "missing ':'");
			continue;
		}
		if (d->nmeta == DOC_MAX_META) {
			diag(DIAG_ERROR, ctx->file, pos.line, pos.col,
			    "more than %d fields in the metadata header",
			    DOC_MAX_META);
			break;
		}
		for (v = colon + 1; v < e && (*v == ' ' || *v == '\t'); v++)
			continue;
		ve = e;
		if (ve - v >= 2 && (*v == '"' || *v == '\'') && ve[-1] == *v) {
			v++;
			ve--;
		}
		d->meta = xrealloc(d->meta, (d->nmeta + 1) * sizeof(*d->meta));
		f = &d->meta[d->nmeta++];
		f->key = trimdup(s, (size_t)(colon - s));
		f->value = xstrndup(v, (size_t)(ve - v));
		f->pos.file = ctx->file;
		md_offpos(ctx, (size_t)(v - ctx->text), &f->pos.line,
		    &f->pos.col);
		{
			size_t	 i;

			for (i = 0; i + 1 < d->nmeta; i++)
				if (strcasecmp(d->meta[i].key, f->key) == 0) {
					diag(DIAG_ERROR, ctx->file, pos.line,
					    pos.col, "duplicate field \"%s\" "
					    "(first at line %d): keep one of "
					    "them", f->key, d->meta[i].pos.line);
					break;
				}
		}
	}
#undef LINE
	return close + 1;
}

/* Comparison text of blocks: their words and structure, blanks
 * collapsed, so that only a real difference counts. */
static void
block_text(struct buf *b, const struct block *bl)
{
	char	*t, *p;
	bool	 space = false;

	for (; bl != NULL; bl = bl->next) {
		buf_printf(b, "<%d>", (int)bl->kind);
		t = spans_text(bl->spans);
		for (p = t; *p != '\0'; p++) {
			if (*p == ' ' || *p == '\t' || *p == '\n') {
				space = true;
				continue;
			}
			if (space)
				buf_putc(b, ' ');
			space = false;
			buf_putc(b, *p);
		}
		free(t);
		block_text(b, bl->children);
	}
}

static bool
blocks_same(const struct block *a, const struct block *b)
{
	struct buf x = { 0 }, y = { 0 };
	bool	 same;

	block_text(&x, a);
	block_text(&y, b);
	same = x.len == y.len && (x.len == 0 || memcmp(x.data, y.data,
	    x.len) == 0);
	buf_free(&x);
	buf_free(&y);
	return same;
}

/*
 * A tjänsteskrivelse file's own proposal or recipients: equal to the
 * case's, or taken into the case when the case has none, so the agenda
 * and the letter always say the same.
 */
static int
one_truth(struct casefile *cs, enum section_kind k, struct block **own,
    const struct srcpos *pos, const char *label)
{
	struct section *sec = &cs->sections[k];

	if (*own == NULL)
		return 1;
	if (!sec->present || sec->blocks == NULL) {
		blocks_free(sec->blocks);
		sec->present = true;
		sec->pos = *pos;
		sec->blocks = *own;
		*own = NULL;
		return 1;
	}
	if (!blocks_same(sec->blocks, *own)) {
		diag(DIAG_ERROR, pos->file, pos->line, pos->col, "\"%s\" "
		    "differs from the case's \"%s\" at %s:%d:%d: write it "
		    "once, in the case file, and leave it out here", label,
		    section_heading(k), sec->pos.file, sec->pos.line,
		    sec->pos.col);
		return 0;
	}
	return 1;
}

/* The body of a tjänsteskrivelse file: its proposal ("Förslag till
 * beslut" or the organisation's heading) and "Utdrag till" are set
 * apart; the rest is its description. */
static int
ts_body(struct mdctx *ctx, struct document *d, cmark_node *doc,
    const struct organisation *org, struct casefile *cs)
{
	struct block *parts[3] = { NULL, NULL, NULL }, **tail;
	struct srcpos pos[3];
	char	*labels[3] = { NULL, NULL, NULL };
	cmark_node *n, *start;
	int	 cur = 0, next, ok = 1, i;
	char	*name, *prop = NULL;

	memset(pos, 0, sizeof(pos));
	if (org != NULL && org->proposal_heading != NULL)
		prop = content_fold(org->proposal_heading,
		    strlen(org->proposal_heading));
	start = cmark_node_first_child(doc);
	for (n = start; ; n = cmark_node_next(n)) {
		if (n != NULL && !(cmark_node_get_type(n) == CMARK_NODE_HEADING
		    && cmark_node_get_heading_level(n) == 1))
			continue;
		next = -1;
		if (n != NULL) {
			char	*raw = md_plain(n);

			name = content_fold(raw, strlen(raw));
			if (strcmp(name, "förslag till beslut") == 0 ||
			    (prop != NULL && strcmp(name, prop) == 0))
				next = 1;
			else if (strcmp(name, "utdrag till") == 0 ||
			    strcmp(name, "expedieras till") == 0)
				next = 2;
			else if (strcmp(name, "ärendebeskrivning") == 0)
				next = 0;
			free(name);
			if (next < 0) {
				free(raw);
				continue;	/* a chapter of the description */
			}
			if (labels[next] != NULL) {
				struct srcpos p = { ctx->file, 0, 0 };

				md_pos(ctx, n, &p);
				diag(DIAG_ERROR, ctx->file, p.line, p.col,
				    "\"%s\" appears twice: merge the two", raw);
				free(raw);
				ok = 0;
				break;
			}
			free(raw);
		}
		for (tail = &parts[cur]; *tail; tail = &(*tail)->next)
			continue;
		*tail = md_blocks(ctx, start, n);
		if (n == NULL)
			break;
		cur = next;
		labels[cur] = md_plain(n);
		pos[cur].file = ctx->file;
		md_pos(ctx, n, &pos[cur]);
		start = cmark_node_next(n);
	}
	free(prop);
	d->blocks = parts[0];
	if (ok && cs != NULL) {
		ok &= one_truth(cs, SECTION_PROPOSAL, &parts[1], &pos[1],
		    labels[1]);
		ok &= one_truth(cs, SECTION_RECIPIENTS, &parts[2], &pos[2],
		    labels[2]);
	}
	for (i = 0; i < 3; i++)
		free(labels[i]);
	blocks_free(parts[1]);
	blocks_free(parts[2]);
	return ok;
}

/* In a case, "#" starts a section and "##" is the first level of its
 * text; a document has no sections, so its "#" is the first level. */
static void
shift_headings(cmark_node *doc)
{
	cmark_node *n;
	int	 l;

	for (n = cmark_node_first_child(doc); n; n = cmark_node_next(n))
		if (cmark_node_get_type(n) == CMARK_NODE_HEADING &&
		    (l = cmark_node_get_heading_level(n)) < 6)
			cmark_node_set_heading_level(n, l + 1);
}

struct document *
document_parse(const char *path, const char *data, size_t len,
    const struct organisation *org, struct casefile *cs)
{
	struct document *d = xcalloc(1, sizeof(*d));
	struct mdctx ctx;
	cmark_node *doc;
	size_t	 errors = diag_errors(), body, i, o, bad;
	char	*text;
	const struct meta_field *kind = NULL, *title = NULL, *dnr = NULL;
	bool	 kok;

	d->path = xstrdup(path);
	d->pos.file = intern(path);
	d->pos.line = d->pos.col = 1;
	if (len > CONTENT_MAX_CASE) {
		diag(DIAG_ERROR, d->pos.file, 0, 0, "file is too large (%zu "
		    "bytes; the limit is %u): split it", len, CONTENT_MAX_CASE);
		document_free(d);
		return NULL;
	}
	/* Without a BOM, with CRLF and CR made LF. */
	text = xmalloc(len + 1);
	i = len >= 3 && memcmp(data, "\xef\xbb\xbf", 3) == 0 ? 3 : 0;
	for (o = 0; i < len; i++) {
		if (data[i] == '\r') {
			text[o++] = '\n';
			if (i + 1 < len && data[i + 1] == '\n')
				i++;
		} else
			text[o++] = data[i];
	}
	text[o] = '\0';
	memset(&ctx, 0, sizeof(ctx));
	ctx.file = d->pos.file;
	ctx.text = text;
	ctx.len = o;
	md_lines(&ctx);
	if ((bad = utf8_validate(text, o)) != (size_t)-1) {
		int	 l, c;

		md_offpos(&ctx, bad, &l, &c);
		diag(DIAG_ERROR, ctx.file, l, c, "invalid UTF-8 at byte "
		    "0x%02x: save the file as UTF-8", (unsigned char)text[bad]);
	} else if (content_ctrl(text, o, &bad)) {
		int	 l, c;

		md_offpos(&ctx, bad, &l, &c);
		diag(DIAG_ERROR, ctx.file, l, c, "control character U+%04X "
		    "in the text: delete it", (unsigned)(unsigned char)
		    text[bad]);
	} else if ((body = header(&ctx, d)) > 0) {
		size_t	 at = body < ctx.nlines ? ctx.lines[body] : ctx.len;

		md_format(&ctx, 0, at, DIAG_ERROR);
		md_format(&ctx, at, ctx.len, DIAG_WARNING);
		for (i = 0; i < d->nmeta; i++) {
			if (key_is(d->meta[i].key, "kind") ||
			    key_is(d->meta[i].key, "typ"))
				kind = &d->meta[i];
			else if (key_is(d->meta[i].key, "title") ||
			    key_is(d->meta[i].key, "titel"))
				title = &d->meta[i];
			else if (key_is(d->meta[i].key, "dnr"))
				dnr = &d->meta[i];
		}
		if (kind == NULL)
			diag(DIAG_ERROR, ctx.file, 1, 1, "the metadata header "
			    "has no kind: add a line \"kind: rapport\" (or "
			    "uppföljning, brev, tjänsteskrivelse)");
		else {
			d->kind = kind_of(kind->value, &kok);
			if (!kok)
				diag(DIAG_ERROR, kind->pos.file, kind->pos.line,
				    kind->pos.col, "unknown kind \"%s\": write "
				    "rapport, uppföljning, brev or "
				    "tjänsteskrivelse", kind->value);
		}
		if (kind != NULL && kok) {
			unsigned where = d->kind == DOCUMENT_TJANSTESKRIVELSE ?
			    HK_TJ : d->kind == DOCUMENT_LETTER ? HK_LETTER :
			    HK_REPORT;

			for (i = 0; i < d->nmeta; i++)
				header_key_check(d->meta[i].key,
				    d->meta[i].pos.file, d->meta[i].pos.line, 1,
				    where);
		}
		if (title == NULL || *title->value == '\0')
			diag(DIAG_ERROR, ctx.file, 1, 1, "the metadata header "
			    "has no title: add a line \"title: ...\"");
		else if (utf8_length(title->value, strlen(title->value)) >
		    CONTENT_MAX_TITLE)
			diag(DIAG_ERROR, title->pos.file, title->pos.line,
			    title->pos.col, "the title is longer than %d "
			    "characters: shorten it", CONTENT_MAX_TITLE);
		else
			d->title = content_typeset(title->value);
		if (dnr != NULL && *dnr->value != '\0') {
			if (dnr_valid(dnr->value))
				d->dnr = xstrdup(dnr->value);
			else
				diag(DIAG_ERROR, dnr->pos.file, dnr->pos.line,
				    dnr->pos.col, "malformed dnr \"%s\": write "
				    "it as SERIES/NUMBER/YEAR, e.g. "
				    "RS/1119/2017", dnr->value);
		} else if (cs != NULL && cs->dnr != NULL &&
		    d->kind == DOCUMENT_TJANSTESKRIVELSE)
			d->dnr = xstrdup(cs->dnr);
		interpret(d, org);
		if (d->kind == DOCUMENT_LETTER)
			d->subject = d->title ? xstrdup(d->title) : NULL;
		ctx.lineoff = (int)body;
		if (diag_errors() == errors && (doc = md_parse(&ctx,
		    body < ctx.nlines ? ctx.lines[body] : ctx.len)) != NULL) {
			if (d->kind == DOCUMENT_TJANSTESKRIVELSE) {
				d->cs = cs;
				ts_body(&ctx, d, doc, org, cs);
			} else {
				shift_headings(doc);
				d->blocks = md_blocks(&ctx,
				    cmark_node_first_child(doc), NULL);
				if (d->kind == DOCUMENT_REPORT ||
				    d->kind == DOCUMENT_FOLLOWUP)
					(void)report_front(d);
			}
			d->notes = md_notes(&ctx);
			cmark_node_free(doc);
		}
	}
	free(ctx.lines);
	free(text);
	if (diag_errors() > errors) {
		document_free(d);
		return NULL;
	}
	return d;
}

struct document *
document_load(const char *path, const struct organisation *org,
    struct casefile *cs)
{
	struct document *d;
	char	*data;
	size_t	 len;

	if (!file_read(path, CONTENT_MAX_CASE, &data, &len))
		return NULL;
	d = document_parse(path, data, len, org, cs);
	free(data);
	return d;
}

/* ------------------------------------------------------------------ */
/* Beslutsunderlag: which entry names which document. */

/* A link to a file in the meeting folder (not a URI, not an anchor). */
static bool
file_link(const char *t)
{
	return t != NULL && t[0] != '#' && t[0] != '/' &&
	    strstr(t, "://") == NULL && strncasecmp(t, "mailto:", 7) != 0;
}

/* The path a link from file `from' names: beside `from', else in the
 * meeting folder; inside the meeting folder either way.  NULL if it
 * names no file there. */
static char *
resolve_at(const struct meeting *m, const char *from, const char *target,
    bool *outside, const char **kind)
{
	char	*dir = xstrdup(from), *slash, *cand[2], *rdir, *r, *out = NULL;
	struct stat st;
	size_t	 i;

	if ((slash = strrchr(dir, '/')) != NULL)
		*slash = '\0';
	cand[0] = slash ? xasprintf("%s/%s", dir, target) : xstrdup(target);
	cand[1] = xasprintf("%s/%s", m->dir, target);
	free(dir);
	rdir = realpath(m->dir, NULL);
	for (i = 0; i < 2 && out == NULL; i++) {
		if (stat(cand[i], &st) == 0 && !S_ISREG(st.st_mode) &&
		    kind != NULL && *kind == NULL)
			*kind = file_kind(st.st_mode);
		if (stat(cand[i], &st) != 0 || !S_ISREG(st.st_mode) ||
		    rdir == NULL || (r = realpath(cand[i], NULL)) == NULL)
			continue;
		if (strncmp(r, rdir, strlen(rdir)) == 0 &&
		    r[strlen(rdir)] == '/')
			out = r;
		else {
			/* Through "..", or a symbolic link. */
			if (outside != NULL)
				*outside = true;
			free(r);
		}
	}
	free(rdir);
	free(cand[0]);
	free(cand[1]);
	return out;
}

static char *
resolve(const struct meeting *m, const char *from, const char *target)
{
	return resolve_at(m, from, target, NULL, NULL);
}

/* True if the link names a PDF file. */
static bool
pdf_link(const char *t)
{
	size_t	 n = strlen(t);

	return n > 4 && strcasecmp(t + n - 4, ".pdf") == 0;
}

/* The first ISO date in s, or NULL. */
static char *
date_in(const char *s)
{
	for (; *s != '\0'; s++)
		if (strlen(s) >= 10 && s[4] == '-' && s[7] == '-') {
			char	*d = xstrndup(s, 10);

			if (iso_date_valid(d))
				return d;
			free(d);
		}
	return NULL;
}

struct dload {
	struct meeting	*m;
	char		**real;		/* resolved path of each document */
	bool		 full;		/* DOC_MAX_MEETING reported */
	unsigned long long ext_bytes;	/* PDF files made elsewhere, so far */
	size_t		 ext_pages;
};

static struct document *
add_document(struct dload *dl, struct document *d, const char *real)
{
	struct meeting *m = dl->m;

	m->documents = xrealloc(m->documents,
	    (m->ndocuments + 1) * sizeof(*m->documents));
	m->documents[m->ndocuments++] = d;
	dl->real = xrealloc(dl->real, m->ndocuments * sizeof(*dl->real));
	dl->real[m->ndocuments - 1] = real ? xstrdup(real) : NULL;
	return d;
}

static void
attach(struct agenda_item *it, struct document *d, const struct srcpos *pos)
{
	size_t	 i;

	for (i = 0; i < it->ndocs; i++)
		if (it->docs[i] == d) {
			diag(DIAG_WARNING, pos->file, pos->line, pos->col,
			    "this document is already listed for item %d: "
			    "list it once", it->number);
			return;
		}
	if (it->ndocs == DOC_MAX_PER_ITEM) {
		diag(DIAG_ERROR, pos->file, pos->line, pos->col, "more than "
		    "%d documents behind one item", DOC_MAX_PER_ITEM);
		return;
	}
	it->docs = xrealloc(it->docs, (it->ndocs + 1) * sizeof(*it->docs));
	it->docs[it->ndocs++] = d;
}

/* A resolved path as messages name it: inside the meeting folder, as
 * the user sees it. */
static char *
shown_path(const struct meeting *m, const char *real)
{
	char	*rdir = realpath(m->dir, NULL), *shown;
	size_t	 n = strlen(m->dir);

	while (n > 1 && m->dir[n - 1] == '/')
		n--;
	shown = xasprintf("%.*s%s", (int)n, m->dir,
	    rdir ? real + strlen(rdir) : "");
	free(rdir);
	return shown;
}

/* The document of a PDF file, read once however many entries name
 * it; titled by the first entry's text. */
static struct document *
external_entry(struct dload *dl, const char *real, const char *text,
    const struct srcpos *at)
{
	struct meeting *m = dl->m;
	struct document *d = NULL;
	struct stat st;
	char	*shown, *date;
	size_t	 i;

	for (i = 0; i < m->ndocuments; i++)
		if (dl->real[i] != NULL && strcmp(dl->real[i], real) == 0)
			return m->documents[i];
	shown = shown_path(m, real);
	if (stat(real, &st) == 0)
		dl->ext_bytes += (unsigned long long)st.st_size;
	if (dl->ext_bytes > DOC_MAX_EXT_BYTES) {
		diag(DIAG_ERROR, at->file, at->line, at->col, "with \"%s\" "
		    "the PDF files behind the items come to more than %llu "
		    "MiB: link smaller copies", shown,
		    DOC_MAX_EXT_BYTES >> 20);
		free(shown);
		return NULL;
	}
	if ((d = document_external(real, shown, text, at)) != NULL &&
	    (dl->ext_pages += d->nextpages) > DOC_MAX_EXT_PAGES) {
		diag(DIAG_ERROR, at->file, at->line, at->col, "with \"%s\" "
		    "the PDF files behind the items have more than %d pages: "
		    "split the meeting's documents", shown,
		    DOC_MAX_EXT_PAGES);
		document_free(d);
		d = NULL;
	}
	if (d != NULL) {
		if ((date = date_in(text)) != NULL)
			d->date = date;
		add_document(dl, d, real);
		/* A scan: placed, but nobody can search it or hear it. */
		if (!d->ext_text)
			diag(DIAG_WARNING, at->file, at->line, at->col, "\"%s\" "
			    "has no text, only images (a scan?): it cannot be "
			    "searched or read aloud; ask the sender for the PDF "
			    "with its text, or run text recognition (OCR) on it",
			    shown);
	}
	free(shown);
	return d;
}

/* build --final: what names nothing in the pack is an error. */
static bool final_build;

void
documents_final(bool on)
{
	final_build = on;
}

/* "(finns hos nämndsekreteraren)", "(Finns hos registraturen.)": the
 * document exists on paper only, which the entry says at its end. */
bool
entry_paper_only(const char *text)
{
	const char *open = strrchr(text, '(');
	size_t	 n = strlen(text);
	char	*f;
	bool	 r;

	while (n > 0 && (text[n - 1] == ' ' || text[n - 1] == '.'))
		n--;
	if (open == NULL || n == 0 || text[n - 1] != ')' ||
	    open > text + n - 1)
		return false;
	f = content_fold(open + 1, (size_t)(text + n - 1 - (open + 1)));
	r = strncmp(f, "finns hos ", 10) == 0 && f[10] != '\0';
	free(f);
	return r;
}

/* The program of the day, when `real' is its file. */
static bool
is_program(const struct meeting *m, const char *real)
{
	char	*rp;
	bool	 r;

	if (m->program == NULL || m->program->path == NULL)
		return false;
	rp = realpath(m->program->path, NULL);
	r = rp != NULL && strcmp(rp, real) == 0;
	free(rp);
	return r;
}

/* An entry that names what is not in the pack: counted, and an error
 * for build --final. */
static void
unplaced(struct meeting *m, const struct srcpos *at, const char *fmt,
    const char *arg)
{
	m->nunplaced++;
	diag(final_build ? DIAG_ERROR : DIAG_WARNING, at->file, at->line,
	    at->col, fmt, arg);
}

/* One Beslutsunderlag entry. */
static void
entry(struct dload *dl, struct agenda_item *it, const struct block *para,
    const struct srcpos *where)
{
	struct meeting *m = dl->m;
	const struct span *sp, *link = NULL;
	struct document *d = NULL;
	struct srcpos pos;
	char	*text, *f, *real, *date;
	size_t	 i;

	if (para == NULL || para->spans == NULL)
		return;
	pos = para->spans->pos.file ? para->spans->pos : *where;
	for (sp = para->spans; sp != NULL && link == NULL; sp = sp->next)
		if ((sp->flags & SPAN_LINK) && file_link(sp->target))
			link = sp;
	text = spans_text(para->spans);
	f = content_fold(text, strlen(text));
	if (m->ndocuments >= DOC_MAX_MEETING) {
		if (!dl->full)
			diag(DIAG_ERROR, pos.file, pos.line, pos.col, "more "
			    "than %d documents in one meeting",
			    DOC_MAX_MEETING);
		dl->full = true;
	} else if (link != NULL) {
		bool	 outside = false;
		const char *kind = NULL;

		if ((real = resolve_at(m, it->cs->path, link->target,
		    &outside, &kind)) == NULL && kind != NULL)
			diag(DIAG_ERROR, link->pos.file, link->pos.line,
			    link->pos.col, "\"%s\" is %s, not a file: link "
			    "the document's file", link->target, kind);
		else if (real == NULL && outside && pdf_link(link->target))
			diag(DIAG_ERROR, link->pos.file, link->pos.line,
			    link->pos.col, "\"%s\" leads out of the meeting "
			    "folder: copy the file into it (e.g. into "
			    "bilagor/) and link it there", link->target);
		else if (real == NULL) {
			char	*dir = xstrdup(it->cs->path), *sl, *full, *near;

			if ((sl = strrchr(dir, '/')) != NULL)
				*sl = '\0';
			full = xasprintf("%s/%s", sl ? dir : ".", link->target);
			near = content_nearest_file(full, link->target);
			m->nunplaced++;
			if (near != NULL)
				diag(final_build ? DIAG_ERROR : DIAG_WARNING,
				    link->pos.file,
				    link->pos.line, link->pos.col, "\"%s\" does "
				    "not exist: did you mean \"%s\"? (until the "
				    "link is right the document is not in the "
				    "pack)", link->target, near);
			else
				diag(final_build ? DIAG_ERROR : DIAG_WARNING,
				    link->pos.file,
				    link->pos.line, link->pos.col, "\"%s\" does "
				    "not exist in the meeting folder: correct the "
				    "link (relative to the case file); until then "
				    "the document is not in the pack",
				    link->target);
			free(near);
			free(full);
			free(dir);
		}
		else if (is_program(m, real))
			;	/* in the pack already, where the manifest says */
		else if (pdf_link(real)) {
			d = external_entry(dl, real, text, &link->pos);
			if (d != NULL && (link->flags & SPAN_PUBLIC))
				d->ext_public = true;
		}
		else if (strlen(real) < 3 ||
		    strcasecmp(real + strlen(real) - 3, ".md") != 0)
			unplaced(m, &link->pos, "\"%s\" is neither a "
			    "document file (.md) nor a PDF: it is listed but "
			    "not placed in the pack", link->target);
		else {
			for (i = 0; i < m->ndocuments && d == NULL; i++)
				if (dl->real[i] != NULL &&
				    strcmp(dl->real[i], real) == 0)
					d = m->documents[i];
			if (d == NULL) {
				/* Messages name it inside the meeting
				 * folder, as the user sees it. */
				char	*rdir = realpath(m->dir, NULL);
				size_t	 n = strlen(m->dir);
				char	*shown;

				while (n > 1 && m->dir[n - 1] == '/')
					n--;
				shown = xasprintf("%.*s%s", (int)n, m->dir,
				    rdir ? real + strlen(rdir) : "");

				if (content_text_budget(m, real, shown,
				    &link->pos) && (d = document_load(shown,
				    m->org, it->cs)) != NULL)
					add_document(dl, d, real);
				free(shown);
				free(rdir);
			}
		}
		free(real);
	} else if (strncmp(f, "tjänsteskrivelse", 17) == 0) {
		date = date_in(text);
		if ((d = document_from_case(it->cs, m->org, m->body,
		    date)) != NULL) {
			add_document(dl, d, NULL);
			if (date != NULL && d->date != NULL &&
			    strcmp(date, d->date) != 0) {
				const struct srcpos *dp = &d->pos;

				for (i = 0; i < d->nmeta; i++)
					if (key_is(d->meta[i].key, "datum"))
						dp = &d->meta[i].pos;
				diag(DIAG_WARNING, pos.file, pos.line, pos.col,
				    "the entry says %s, the tjänsteskrivelse "
				    "is dated %s at %s:%d:%d: write the same "
				    "date in both", date, d->date, dp->file,
				    dp->line, dp->col);
			}
		}
		free(date);
	} else if (!entry_paper_only(text))
		unplaced(m, &pos, "Beslutsunderlag: \"%s\" names no "
		    "document: link the entry to its file, as in "
		    "[...](../handlingar/fil.md), or, if it exists on paper "
		    "only, end the entry with \"(finns hos "
		    "nämndsekreteraren)\"", text);
	if (d != NULL)
		attach(it, d, &pos);
	free(f);
	free(text);
}

/* Links in a case's text that name a document now name the path it
 * was loaded from, which the template turns into a link to it. */
static void
relink(struct dload *dl, const char *from, struct block *b)
{
	struct span *sp;
	char	*real;
	size_t	 i;

	for (; b != NULL; b = b->next) {
		for (sp = b->spans; sp != NULL; sp = sp->next) {
			if (!(sp->flags & SPAN_LINK) || !file_link(sp->target))
				continue;
			if ((real = resolve(dl->m, from, sp->target)) == NULL)
				continue;
			for (i = 0; i < dl->m->ndocuments; i++)
				if (dl->real[i] != NULL &&
				    strcmp(dl->real[i], real) == 0) {
					free(sp->target);
					sp->target = xstrdup(
					    dl->m->documents[i]->path);
					break;
				}
			if (i == dl->m->ndocuments && is_program(dl->m, real)) {
				free(sp->target);
				sp->target = xstrdup(dl->m->program->path);
			}
			free(real);
		}
		relink(dl, from, b->children);
	}
}

int
meeting_documents(struct meeting *m, const char *schema_dir)
{
	struct dload dl = { m, NULL, false, 0, 0 };
	struct agenda_item *it;
	const struct block *b, *c;
	size_t	 errors = diag_errors(), i, k;

	if (!organisation_find(m->dir, schema_dir, &m->org))
		return 0;
	/* The program's author: what program.xml leaves out, from the
	 * staff directory. */
	if (m->program != NULL && m->program->author.name != NULL) {
		struct contact *a = &m->program->author;
		const struct contact *who = organisation_person(m->org,
		    a->name);

		if (who != NULL) {
			if (a->role == NULL && who->role != NULL) {
				a->role = xstrdup(who->role);
				a->from_directory = who->pos;
			}
			if (a->phone == NULL && who->phone != NULL)
				a->phone = xstrdup(who->phone);
			if (a->email == NULL && who->email != NULL)
				a->email = xstrdup(who->email);
		}
	}
	for (i = 0; i < m->nitems; i++) {
		it = &m->items[i];
		if (it->kind != AGENDA_CASE || it->cs == NULL)
			continue;
		for (b = it->cs->sections[SECTION_DOCUMENTS].blocks; b;
		    b = b->next) {
			if (b->kind == BLOCK_PARA)
				entry(&dl, it, b, &b->pos);
			else if (b->kind == BLOCK_LIST)
				for (c = b->children; c; c = c->next)
					entry(&dl, it, c->children, &c->pos);
		}
	}
	for (i = 0; i < m->nitems; i++) {
		it = &m->items[i];
		if (it->cs == NULL)
			continue;
		for (k = 0; k < SECTION__MAX; k++)
			relink(&dl, it->cs->path, it->cs->sections[k].blocks);
	}
	for (i = 0; i < m->ndocuments; i++)
		relink(&dl, m->documents[i]->path, m->documents[i]->blocks);
	/* Printed without a date is printed wrong, and nothing else would
	 * say so. */
	for (i = 0; i < m->ndocuments; i++) {
		const struct document *d = m->documents[i];

		if (d->date == NULL && d->kind <= DOCUMENT_LETTER)
			diag(DIAG_WARNING, d->pos.file, d->pos.line, d->pos.col,
			    "the %s has no date and will be printed without "
			    "one: add \"datum: YYYY-MM-DD\" to its header%s",
			    d->kind == DOCUMENT_TJANSTESKRIVELSE ?
			    "tjänsteskrivelse" : d->kind == DOCUMENT_LETTER ?
			    "letter" : "report", d->kind ==
			    DOCUMENT_TJANSTESKRIVELSE ? ", or the date to its "
			    "Beslutsunderlag entry (\"Tjänsteskrivelse "
			    "2026-11-20\")" : "");
	}
	strv_free(dl.real, m->ndocuments);
	return diag_errors() == errors;
}

/* ------------------------------------------------------------------ */
/* One file alone (render). */

static bool
same_file(const char *a, const char *b)
{
	char	*ra = realpath(a, NULL), *rb = realpath(b, NULL);
	bool	 same = ra != NULL && rb != NULL && strcmp(ra, rb) == 0;

	free(ra);
	free(rb);
	return same;
}

/* True if the header names a document kind (not a case's beslut or
 * information). */
static bool
looks_like_document(const char *data, size_t len)
{
	const char *p = data, *e = data + len, *nl;
	bool	 ok, in = false;

	for (; p < e; p = nl + 1) {
		if ((nl = memchr(p, '\n', (size_t)(e - p))) == NULL)
			nl = e;
		if (nl - p >= 3 && memcmp(p, "---", 3) == 0) {
			if (in)
				break;
			in = true;
			continue;
		}
		if (in && (size_t)(nl - p) > 5 && (strncasecmp(p, "kind:", 5) ==
		    0 || strncasecmp(p, "typ:", 4) == 0)) {
			char	*v = trimdup(strchr(p, ':') + 1,
			    (size_t)(nl - strchr(p, ':') - 1));

			kind_of(v, &ok);
			free(v);
			return ok;
		}
		if (nl == e)
			break;
	}
	return false;
}

const struct document *
document_of_file(struct meeting *m, const char *path, struct document **own,
    struct casefile **owncase)
{
	size_t	 i, k;
	char	*data;
	size_t	 len;
	const struct agenda_item *it;

	*own = NULL;
	*owncase = NULL;
	if (pdf_link(path)) {
		diag(DIAG_ERROR, path, 0, 0, "a PDF file is not rendered: "
		    "render previews a Markdown document; a PDF file goes "
		    "into the pack as it is, linked from a case's "
		    "Beslutsunderlag");
		return NULL;
	}
	for (i = 0; i < m->ndocuments; i++)
		if (m->documents[i]->cs == NULL ||
		    strcmp(m->documents[i]->path, m->documents[i]->cs->path) != 0)
			if (same_file(m->documents[i]->path, path))
				return m->documents[i];
	if (m->program != NULL && m->program->path != NULL &&
	    same_file(m->program->path, path))
		return m->program;
	for (i = 0; i < m->nitems; i++) {
		it = &m->items[i];
		if (it->cs == NULL || !same_file(it->cs->path, path))
			continue;
		for (k = 0; k < it->ndocs; k++)
			if (it->docs[k]->kind == DOCUMENT_TJANSTESKRIVELSE &&
			    it->docs[k]->cs == it->cs)
				return it->docs[k];
		return *own = document_from_case(it->cs, m->org, m->body,
		    NULL);
	}
	/* Not (yet) in the meeting: read on its own. */
	if (!file_read(path, CONTENT_MAX_CASE, &data, &len))
		return NULL;
	if (looks_like_document(data, len))
		*own = document_parse(path, data, len, m->org, NULL);
	else if ((*owncase = casefile_parse(path, data, len)) != NULL)
		*own = document_from_case(*owncase, m->org, m->body, NULL);
	free(data);
	return *own;
}

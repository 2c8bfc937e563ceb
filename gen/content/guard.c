/*
 * The last guard of what is published: every public output (the public
 * pack, each page, data file and PDF of the site, their file names) is
 * searched as it is, after all processing, for personal identity
 * numbers (pnr.c folds it as a reader sees it) and for the text of
 * secret items and secret register fields.  A hit names the input it
 * came from where its digits can be found there, and the output, and
 * nothing of that output is written.  The scan of the inputs
 * (redact.c) comes first and says more; this one catches what came by
 * a way it does not know.
 */
#include <sys/stat.h>

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "extern.h"
#include "../util/pdfin.h"

/* Secret texts shorter than this are not searched: a name of a town
 * or a word alone would be found in public text by chance. */
#define GUARD_MIN_FIELD	6
#define GUARD_MIN_TEXT	40

struct secret {
	char		*text;		/* normalised */
	struct srcpos	 pos;
	const char	*what;
	bool		 sentence;	/* of a secret item */
	size_t		 group;		/* the closed text it is from */
	int		 item;		/* that closed item's number */
	bool		 copied;	/* in open text that copies most of
					 * its closed text: check has said */
};

struct source {
	const char	*path;
	char		*digits;	/* only the digits of the text */
	size_t		*off;		/* of each digit in text */
	char		*text;
};

struct guard {
	struct secret	*secrets;
	size_t		 nsecrets;
	size_t		 ngroups;	/* closed texts: case files and
					 * documents of closed items */
	int		 item;		/* the closed item being read */
	struct source	*sources;
	size_t		 nsources;
	/* check's rehearsal of build --public: a hit is a warning that
	 * says what build --public and site will refuse. */
	bool		 rehearsal;
};

/* ------------------------------------------------------------------ */
/* Text for comparing: folded, spaces one, ASCII and Swedish letters
 * lower case, a word broken at a line end joined again. */

static char *
normalise_flags(const char *s, size_t len, size_t **mapp, unsigned flags)
{
	struct pnr_text t;
	char	*r, *p;
	size_t	 i, *map = NULL;
	bool	 space = true;

	pnr_fold(s, len, flags, &t);
	r = p = xmalloc(t.len + 1);
	if (mapp != NULL)
		map = *mapp = xmalloc((t.len + 1) * sizeof(*map));
	for (i = 0; i < t.len; i++) {
		unsigned char c = (unsigned char)t.s[i];

		if (c == '-' && i + 1 < t.len && s[t.map[i + 1]] == '\n' &&
		    i + 2 < t.len && ((t.s[i + 2] >= 'a' && t.s[i + 2] <= 'z') ||
		    (unsigned char)t.s[i + 2] >= 0xc3)) {
			i++;
			continue;
		}
		if (map != NULL)
			map[p - r] = t.map[i];
		if (c == ' ') {
			if (!space)
				*p++ = ' ';
			space = true;
			continue;
		}
		space = false;
		if (c >= 'A' && c <= 'Z')
			c = (unsigned char)(c + 32);
		else if (c == 0xc3 && i + 1 < t.len &&
		    (unsigned char)t.s[i + 1] >= 0x80 &&
		    (unsigned char)t.s[i + 1] <= 0x9e &&
		    (unsigned char)t.s[i + 1] != 0x97) {
			*p++ = (char)c;
			if (map != NULL)
				map[p - r] = t.map[i];
			c = (unsigned char)(t.s[++i] + 0x20);
		}
		*p++ = (char)c;
	}
	if (p > r && p[-1] == ' ')
		p--;
	*p = '\0';
	if (map != NULL)
		map[p - r] = len;
	pnr_text_free(&t);
	return r;
}

static char *
normalise_map(const char *s, size_t len, size_t **mapp)
{
	return normalise_flags(s, len, mapp, 0);
}

static char *
normalise(const char *s, size_t len)
{
	return normalise_map(s, len, NULL);
}

static void
guard_spans(const struct span *s, struct buf *b)
{
	for (; s != NULL; s = s->next)
		if (s->text != NULL)
			buf_puts(b, s->text);
}

static void
secret_add(struct guard *g, const char *text, size_t len,
    const struct srcpos *pos, const char *what, size_t min)
{
	char	*n = normalise(text, len);

	if (utf8_length(n, strlen(n)) < min) {
		free(n);
		return;
	}
	g->secrets = xrealloc(g->secrets, (g->nsecrets + 1) *
	    sizeof(*g->secrets));
	memset(&g->secrets[g->nsecrets], 0, sizeof(*g->secrets));
	g->secrets[g->nsecrets].text = n;
	g->secrets[g->nsecrets].pos = *pos;
	g->secrets[g->nsecrets].what = what;
	g->secrets[g->nsecrets].sentence = min == GUARD_MIN_TEXT;
	g->secrets[g->nsecrets].group = g->ngroups;
	g->secrets[g->nsecrets].item = g->item;
	g->nsecrets++;
}

/* A secret item's text, sentence by sentence (of g->item, in group
 * g->ngroups). */
static void
secret_blocks(struct guard *g, const struct block *b)
{
	struct buf t = { 0 };
	size_t	 i, start;

	for (; b != NULL; b = b->next) {
		t.len = 0;
		guard_spans(b->spans, &t);
		for (i = start = 0; i <= t.len; i++)
			if (i == t.len || ((t.data[i] == '.' ||
			    t.data[i] == '?' || t.data[i] == '!' ||
			    t.data[i] == ':') && i + 1 < t.len &&
			    t.data[i + 1] == ' ')) {
				secret_add(g, t.data + start, i - start,
				    &b->pos, "the text of a secret item",
				    GUARD_MIN_TEXT);
				start = i + 1;
			}
		secret_blocks(g, b->children);
	}
	buf_free(&t);
}

/* ------------------------------------------------------------------ */
/* The inputs, to find where a number came from. */

/* An input read before: one that cannot be read now is left out. */
static bool
read_input(const char *path, char **data, size_t *len)
{
	struct stat st;

	return path != NULL && stat(path, &st) == 0 && S_ISREG(st.st_mode) &&
	    access(path, R_OK) == 0 && file_read(path, CONTENT_MAX_CASE * 8,
	    data, len);
}

static void
source_add(struct guard *g, const char *path)
{
	struct source *s;
	struct pnr_text t;
	char	*data;
	size_t	 len, i, n = 0;

	if (path == NULL)
		return;
	for (i = 0; i < g->nsources; i++)
		if (strcmp(g->sources[i].path, path) == 0)
			return;
	if (!read_input(path, &data, &len))
		return;
	pnr_fold(data, len, PNR_SOURCE, &t);
	g->sources = xrealloc(g->sources, (g->nsources + 1) *
	    sizeof(*g->sources));
	s = &g->sources[g->nsources++];
	s->path = intern(path);
	s->text = data;
	s->digits = xmalloc(t.len + 1);
	s->off = xmalloc((t.len + 1) * sizeof(*s->off));
	for (i = 0; i < t.len; i++)
		if (t.s[i] >= '0' && t.s[i] <= '9') {
			s->digits[n] = t.s[i];
			s->off[n++] = t.map[i];
		}
	s->digits[n] = '\0';
	pnr_text_free(&t);
}

static void
sources_blocks(struct guard *g, const struct block *b)
{
	for (; b != NULL; b = b->next) {
		if (b->kind == BLOCK_FIGURE && b->figure != NULL) {
			source_add(g, b->figure->path);
			source_add(g, b->figure->csv);
		}
		sources_blocks(g, b->children);
	}
}

/* The sentences of closed text that the open text file `path' (of open
 * item `item') has too.  A few of them (a formula most cases use) are
 * published by that item, with a warning naming both places; most of
 * a closed text is a copy of it, and stays secret: the outputs holding
 * it are refused (in check: a warning).  drop[s]: published. */
static void
open_file(struct guard *g, const char *path, int item, bool *drop,
    bool lint)
{
	char	*data, *n, *hit;
	size_t	 len, s, k, *map, *in, *all;
	int	 line, col;
	bool	*said;

	if (!read_input(path, &data, &len))
		return;
	n = normalise_map(data, len, &map);
	in = xcalloc(g->ngroups + 1, sizeof(*in));
	all = xcalloc(g->ngroups + 1, sizeof(*all));
	said = xcalloc(g->ngroups + 1, sizeof(*said));
	for (s = 0; s < g->nsecrets; s++)
		if (g->secrets[s].sentence) {
			all[g->secrets[s].group]++;
			if (strstr(n, g->secrets[s].text) != NULL)
				in[g->secrets[s].group]++;
		}
	for (s = 0; s < g->nsecrets; s++) {
		const struct secret *x = &g->secrets[s];

		if (!x->sentence || (hit = strstr(n, x->text)) == NULL)
			continue;
		text_position(data, map[hit - n], &line, &col);
		k = x->group;
		if (2 * in[k] >= all[k]) {
			/* A copy: said once, at its first sentence. */
			if (lint && !said[k])
				diag(DIAG_WARNING, path, line, col, "item %d "
				    "has the text of closed item %d (%s:%d:%d), "
				    "%zu of its %zu sentences: build --public "
				    "and site refuse to publish it; remove it",
				    item, x->item, x->pos.file, x->pos.line,
				    x->pos.col, in[k], all[k]);
			said[k] = true;
			g->secrets[s].copied = true;
			continue;
		}
		diag(DIAG_WARNING, path, line, col, "this sentence of open "
		    "item %d is also in closed item %d (%s:%d:%d) and is "
		    "published: if it is secret, remove it here", item,
		    x->item, x->pos.file, x->pos.line, x->pos.col);
		drop[s] = true;
	}
	free(in);
	free(all);
	free(said);
	free(map);
	free(n);
	free(data);
}

/* Open items' case files and documents that have sentences of closed
 * items; a secret field's text is never published. */
static void
open_copies(struct guard *g, const struct meeting *m, bool lint)
{
	bool	*drop;
	size_t	 i, j;

	if (g->nsecrets == 0)
		return;
	drop = xcalloc(g->nsecrets, sizeof(*drop));
	for (i = 0; i < m->nitems; i++) {
		const struct agenda_item *it = &m->items[i];

		if (it->closed)
			continue;
		if (it->cs != NULL)
			open_file(g, it->cs->path, it->number, drop, lint);
		for (j = 0; j < it->ndocs; j++)
			if (it->docs[j]->kind != DOCUMENT_EXTERNAL &&
			    it->docs[j]->path != NULL && (it->cs == NULL ||
			    strcmp(it->docs[j]->path, it->cs->path) != 0))
				open_file(g, it->docs[j]->path, it->number,
				    drop, lint);
	}
	for (i = j = 0; i < g->nsecrets; i++)
		if (drop[i])
			free(g->secrets[i].text);
		else
			g->secrets[j++] = g->secrets[i];
	g->nsecrets = j;
	free(drop);
}

static struct guard *
guard_make(const struct meeting *m, bool lint)
{
	struct guard *g = xcalloc(1, sizeof(*g));
	size_t	 i, j, k, e;

	source_add(g, m->manifest);
	if (m->org != NULL)
		source_add(g, m->org->path);
	if (m->program != NULL)
		source_add(g, m->program->path);
	for (i = 0; i < m->nregisters; i++)
		source_add(g, m->registers[i]->path);
	for (i = 0; i < m->nfigures; i++) {
		source_add(g, m->figures[i]->path);
		source_add(g, m->figures[i]->csv);
	}
	for (i = 0; i < m->nitems; i++) {
		const struct agenda_item *it = &m->items[i];

		g->item = it->number;
		if (it->cs != NULL) {
			source_add(g, it->cs->path);
			for (k = 0; k < SECTION__MAX; k++) {
				sources_blocks(g, it->cs->sections[k].blocks);
				if (it->closed)
					secret_blocks(g,
					    it->cs->sections[k].blocks);
			}
			if (it->closed)
				g->ngroups++;
		}
		for (j = 0; j < it->ndocs; j++) {
			const struct document *d = it->docs[j];

			if (d->kind == DOCUMENT_EXTERNAL)
				continue;
			source_add(g, d->path);
			/* A closed item's document is as secret as its
			 * text: a copy of it is found too. */
			if (it->closed && d->blocks != NULL) {
				secret_blocks(g, d->blocks);
				g->ngroups++;
			}
		}
	}
	g->item = 0;
	/* Secret register fields. */
	for (i = 0; i < m->nregisters; i++) {
		const struct register_file *r = m->registers[i];

		for (k = 0; k < r->ngroups; k++)
			for (e = 0; e < r->groups[k].nentries; e++) {
				const struct register_entry *en =
				    &r->groups[k].entries[e];
				const struct register_field *f[2] =
				    { &en->sender, &en->title };

				for (j = 0; j < 2 + en->nsubs; j++) {
					const struct register_field *x = j < 2 ?
					    f[j] : &en->subs[j - 2];

					if (x->secret != NULL && x->text != NULL)
						secret_add(g, x->text,
						    strlen(x->text), &x->pos,
						    "a secret register field",
						    GUARD_MIN_FIELD);
				}
			}
	}
	open_copies(g, m, lint);
	return g;
}

struct guard *
guard_new(const struct meeting *m)
{
	return guard_make(m, false);
}

void
guard_rehearse(struct guard *g)
{
	g->rehearsal = true;
}

size_t
guard_lint(const struct meeting *m)
{
	size_t	 n = diag_warnings();

	guard_free(guard_make(m, true));
	return diag_warnings() - n;
}

void
guard_free(struct guard *g)
{
	size_t	 i;

	if (g == NULL)
		return;
	for (i = 0; i < g->nsecrets; i++)
		free(g->secrets[i].text);
	for (i = 0; i < g->nsources; i++) {
		free(g->sources[i].digits);
		free(g->sources[i].off);
		free(g->sources[i].text);
	}
	free(g->secrets);
	free(g->sources);
	free(g);
}

/* ------------------------------------------------------------------ */
/* The outputs as text. */

static bool
inline_tag(const char *t, size_t n)
{
	static const char *tags[] = { "a", "abbr", "b", "bdi", "bdo", "cite",
	    "code", "data", "dfn", "em", "i", "kbd", "mark", "q", "s", "samp",
	    "small", "span", "strong", "sub", "sup", "time", "u", "var",
	    "wbr", "del", "ins" };
	size_t	 i;

	for (i = 0; i < sizeof(tags) / sizeof(tags[0]); i++)
		if (strlen(tags[i]) == n && strncmp(tags[i], t, n) == 0)
			return true;
	return false;
}

/* HTML and XML: the text, tags out (inline ones joining what they
 * split), then every attribute value on a line of its own. */
static void
markup_text(const char *s, size_t len, struct buf *text, struct buf *attrs)
{
	size_t	 i = 0, j, n;

	while (i < len) {
		if (s[i] != '<') {
			buf_put(text, s + i, 1);
			i++;
			continue;
		}
		if (len - i >= 4 && memcmp(s + i, "<!--", 4) == 0) {
			for (i += 4; i + 3 <= len && memcmp(s + i, "-->", 3) != 0;
			    i++)
				;
			i = i + 3 <= len ? i + 3 : len;
			continue;
		}
		j = i + 1;
		if (j < len && s[j] == '/')
			j++;
		for (n = j; n < len && ((s[n] >= 'a' && s[n] <= 'z') ||
		    (s[n] >= 'A' && s[n] <= 'Z') || (s[n] >= '0' &&
		    s[n] <= '9') || s[n] == ':'); n++)
			;
		if (!inline_tag(s + j, n - j))
			buf_putc(text, '\n');
		/* Attribute values. */
		for (i = n; i < len && s[i] != '>'; i++)
			if (s[i] == '"' || s[i] == '\'') {
				char	 q = s[i];

				for (j = i + 1; j < len && s[j] != q; j++)
					;
				buf_put(attrs, s + i + 1, j - i - 1);
				buf_putc(attrs, '\n');
				i = j < len ? j : len - 1;
			}
		i = i < len ? i + 1 : len;
	}
}

/* JSON: every string decoded, on a line of its own, and what lies
 * between them (numbers). */
static void
json_text(const char *s, size_t len, struct buf *b)
{
	size_t	 i, k;
	uint32_t cp, lo;
	char	 u[4];

	for (i = 0; i < len; i++) {
		if (s[i] != '"') {
			buf_put(b, s + i, 1);
			continue;
		}
		buf_putc(b, '\n');
		for (i++; i < len && s[i] != '"'; i++) {
			if (s[i] != '\\' || i + 1 >= len) {
				buf_put(b, s + i, 1);
				continue;
			}
			switch (s[++i]) {
			case 'n': case 'r': case 't': case 'b': case 'f':
				buf_putc(b, ' ');
				break;
			case 'u':
				for (cp = 0, k = 0; k < 4 && i + 1 < len; k++) {
					int	 h = s[i + 1];

					h = h >= '0' && h <= '9' ? h - '0' :
					    h >= 'a' && h <= 'f' ? h - 'a' + 10 :
					    h >= 'A' && h <= 'F' ? h - 'A' + 10 :
					    -1;
					if (h < 0)
						break;
					cp = cp * 16 + (uint32_t)h;
					i++;
				}
				if (cp >= 0xd800 && cp < 0xdc00 && i + 6 < len &&
				    s[i + 1] == '\\' && s[i + 2] == 'u') {
					lo = (uint32_t)strtoul((char[5]){ s[i + 3],
					    s[i + 4], s[i + 5], s[i + 6], 0 },
					    NULL, 16);
					if (lo >= 0xdc00 && lo < 0xe000) {
						cp = 0x10000 + ((cp - 0xd800) <<
						    10) + (lo - 0xdc00);
						i += 6;
					}
				}
				if (cp >= 0xd800 && cp < 0xe000)
					cp = 0xfffd;
				buf_put(b, u, utf8_encode(cp, u));
				break;
			default:
				buf_put(b, s + i, 1);
			}
		}
		buf_putc(b, '\n');
	}
}

/* A PDF: every page's text and, unless pages_only, every string. */
static bool
pdf_text(const char *out, const char *data, size_t len, struct buf *b,
    bool pages_only)
{
	qpdf_data q = qpdf_init();
	int	 n, i;
	bool	 ok = false;

	qpdf_silence_errors(q);
	qpdf_set_suppress_warnings(q, QPDF_TRUE);
	if (qpdf_read_memory(q, out, data, len, "") & QPDF_ERRORS)
		goto out;
	if ((n = qpdf_get_num_pages(q)) < 0 ||
	    (qpdf_push_inherited_attributes_to_page(q) & QPDF_ERRORS))
		goto out;
	for (i = 0; i < n; i++) {
		qpdf_oh	 page = qpdf_get_page_n(q, (size_t)i);
		unsigned char *c = NULL;
		size_t	 clen = 0, unread;
		char	*t;

		if (qpdf_oh_get_page_content_data(q, page, &c, &clen) &
		    QPDF_ERRORS) {
			free(c);
			goto out;
		}
		t = pdfin_page_text(q, page, c, clen, &unread);
		buf_puts(b, t);
		buf_putc(b, '\n');
		free(t);
		free(c);
		qpdf_oh_release_all(q);
	}
	if (!pages_only) {
		bool	 cut = false;
		char	*s = pdfin_strings(q, &cut);

		buf_puts(b, s);
		free(s);
		if (cut) {
			/* What was not read cannot be said to be clean. */
			diag(DIAG_ERROR, out, 0, 0, "the PDF written holds more "
			    "strings than can be checked (over 16 MiB, over "
			    "4 000 000 objects, or nested over 5000 deep): "
			    "nothing was written; leave out the attached PDF "
			    "file with the most text, or "
			    "attach it without its structure");
			qpdf_cleanup(&q);
			return false;
		}
	}
	ok = !qpdf_has_error(q);
out:
	if (!ok)
		diag(DIAG_ERROR, out, 0, 0, "the PDF written cannot be read "
		    "back to be checked (%s): nothing was written; report "
		    "this as a fault of boardgen", pdfin_reason(q));
	qpdf_cleanup(&q);
	return ok;
}

/* ------------------------------------------------------------------ */
/* Checking. */

static bool
ends_with(const char *s, const char *suffix)
{
	size_t	 n = strlen(s), k = strlen(suffix);

	return n >= k && strcmp(s + n - k, suffix) == 0;
}

/* Where the input has the hit's digits: file:line:col, or the output. */
static void
report(const struct guard *g, const struct pnr_hit *h, const char *out,
    const char *where)
{
	char	*d = pnr_describe(h), *p;
	size_t	 i;
	int	 line = 0, col = 0;
	const char *file = out;

	for (i = 0; g != NULL && i < g->nsources; i++)
		if ((p = strstr(g->sources[i].digits, h->key)) != NULL) {
			file = g->sources[i].path;
			text_position(g->sources[i].text,
			    g->sources[i].off[p - g->sources[i].digits], &line,
			    &col);
			break;
		}
	diag(g != NULL && g->rehearsal ? DIAG_WARNING : DIAG_ERROR, file,
	    line, col, "%s would be published in %s%s: %s; personal identity "
	    "numbers are never published: remove it, or mark the field or the "
	    "item secret", d, out, where, g != NULL && g->rehearsal ?
	    "build --public and site refuse it" : "nothing of it was written");
	free(d);
}

/* What one output was found to hold: each reported once. */
struct found {
	struct buf	 keys;
	bool		*secret;
};

static size_t
scan(const struct guard *g, struct found *f, const char *text, size_t len,
    unsigned flags, const char *out, const char *where)
{
	struct pnr_text t;
	struct pnr_hit h;
	size_t	 at = 0, n = 0, i;
	char	*norm;

	pnr_fold(text, len, flags, &t);
	while (pnr_find_folded(&t, at, &h)) {
		at = h.off + h.n;
		n++;
		if (f->keys.data != NULL && strstr(f->keys.data, h.key) != NULL)
			continue;
		report(g, &h, out, where);
		buf_puts(&f->keys, h.key);
		buf_putc(&f->keys, ' ');
	}
	pnr_text_free(&t);
	if (g == NULL || g->nsecrets == 0)
		return n;
	/* Markup's text as a reader reads it: "&amp;" is "&". */
	norm = normalise_flags(text, len, NULL, flags & PNR_SOURCE ? PNR_REFS :
	    0);
	for (i = 0; i < g->nsecrets; i++)
		if (strstr(norm, g->secrets[i].text) != NULL) {
			n++;
			if (f->secret[i] || (g->rehearsal &&
			    g->secrets[i].copied))
				continue;
			f->secret[i] = true;
			diag(g->rehearsal ? DIAG_WARNING : DIAG_ERROR,
			    g->secrets[i].pos.file, g->secrets[i].pos.line,
			    g->secrets[i].pos.col, "%s would be published in "
			    "%s%s: %s", g->secrets[i].what, out, where,
			    g->rehearsal ? "build --public and site refuse "
			    "it" : "nothing of it was written");
		}
	free(norm);
	return n;
}

/* The protocol: its file is an input a number may come from, and the
 * words of its paragraphs on closed items are secret. */
static void
secret_said(struct guard *g, const struct prot_said *v, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		if (v[i].text != NULL)
			secret_add(g, v[i].text, strlen(v[i].text), &v[i].pos,
			    "the protocol of a secret item", GUARD_MIN_TEXT);
}

void
guard_protocol(struct guard *g, const struct protocol *p,
    const struct meeting *m)
{
	size_t	 i, k;

	source_add(g, p->path);
	for (i = 0; i < p->npars; i++) {
		const struct prot_paragraph *q = &p->pars[i];

		if (q->index >= m->nitems || !m->items[q->index].closed)
			continue;
		secret_blocks(g, q->decision);
		if (q->reason != NULL)
			secret_add(g, q->reason, strlen(q->reason), &q->pos,
			    "the protocol of a secret item", GUARD_MIN_TEXT);
		if (q->proposition != NULL)
			secret_add(g, q->proposition, strlen(q->proposition),
			    &q->pos, "the protocol of a secret item",
			    GUARD_MIN_TEXT);
		secret_said(g, q->motions, q->nmotions);
		secret_said(g, q->reservations, q->nreservations);
		secret_said(g, q->notes, q->nnotes);
		for (k = 0; k < q->nrecipients; k++)
			secret_add(g, q->recipients[k], strlen(q->recipients[k]),
			    &q->pos, "the protocol of a secret item",
			    GUARD_MIN_TEXT);
	}
}

size_t
guard_check(const struct guard *g, const char *out, const char *data,
    size_t len)
{
	struct buf a = { 0 }, b = { 0 };
	struct found f = { { 0 }, NULL };
	size_t	 n;

	f.secret = xcalloc(g != NULL ? g->nsecrets + 1 : 1, sizeof(bool));
	n = scan(g, &f, out, strlen(out), 0, out, " (its file name)");
	if (ends_with(out, ".html") || ends_with(out, ".xml") ||
	    ends_with(out, ".atom")) {
		markup_text(data, len, &a, &b);
		n += scan(g, &f, a.data ? a.data : "", a.len, PNR_SOURCE, out, "");
		n += scan(g, &f, b.data ? b.data : "", b.len, PNR_SOURCE, out,
		    " (an attribute)");
	} else if (ends_with(out, ".json")) {
		json_text(data, len, &a);
		n += scan(g, &f, a.data ? a.data : "", a.len, 0, out, "");
	} else if (ends_with(out, ".pdf") || (len >= 5 &&
	    memcmp(data, "%PDF-", 5) == 0)) {
		/* check's rehearsal reads the pages' text: the strings
		 * (bookmarks, metadata) of a long pack take seconds, and
		 * build --public reads them. */
		if (!pdf_text(out, data, len, &a, g != NULL && g->rehearsal))
			n++;
		else
			n += scan(g, &f, a.data ? a.data : "", a.len, PNR_SOURCE,
			    out, "");
	} else
		n += scan(g, &f, data, len, 0, out, "");
	buf_free(&a);
	buf_free(&b);
	buf_free(&f.keys);
	free(f.secret);
	return n;
}

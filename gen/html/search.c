/*
 * html: search without a server.  Each meeting's summary keeps, for
 * every page a reader may look for (an item's page, a document's page,
 * a closed item's line on the meeting page), its title, dnr and the
 * words of its public text, folded (case folded, å ä ö kept apart).
 * From all summaries the site writes an index split by the first three
 * characters of a word, so that a query loads only the files of its
 * words, and the pages' titles in chunks of SEARCH_CHUNK, so that it
 * loads only those of its first hits; sok.html and sok.js search it in
 * the browser.  Everything indexed comes from the public view of the
 * meeting (meeting_redact), and the index files go through the same
 * last guard as every page.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../content/content.h"
#include "html_private.h"

#define SEARCH_CHUNK	256	/* pages' titles a file */
#define SEARCH_KEY	3	/* code points that name a word's file */
#define WORD_MAX	48	/* bytes: longer is not a word */

/* ------------------------------------------------------------------ */
/* Words. */

/* A code point that is part of a word: letters and digits, not the
 * punctuation, symbols and spaces of Latin-1 and the general
 * punctuation block. */
static bool
word_cp(uint32_t c)
{
	if (c < 0x80)
		return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
		    (c >= 'A' && c <= 'Z');
	if (c < 0xc0)
		return c == 0xaa || c == 0xb5 || c == 0xba;
	if (c == 0xd7 || c == 0xf7)
		return false;
	if ((c >= 0x2000 && c <= 0x2bff) || (c >= 0x3000 && c <= 0x303f) ||
	    (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff0f) ||
	    c == 0xfeff)
		return false;
	return true;
}

/* Case folding as sok.js does it: A-Z and the capitals of Latin-1
 * (Å Ä Ö É ...) to small letters; å, ä and ö stay letters of their
 * own. */
static uint32_t
fold_cp(uint32_t c)
{
	if ((c >= 'A' && c <= 'Z') || (c >= 0xc0 && c <= 0xde && c != 0xd7))
		return c + 0x20;
	return c;
}

struct wordset {
	char		**v;
	size_t		 n, cap;
};

static void
ws_add(struct wordset *ws, const char *w, size_t len)
{
	if (ws->n == ws->cap) {
		ws->cap = ws->cap ? ws->cap * 2 : 64;
		ws->v = xrealloc(ws->v, ws->cap * sizeof(*ws->v));
	}
	ws->v[ws->n++] = xstrndup(w, len);
}

/* The words of s, folded, into ws; a dnr is one word of its own
 * ("rs/1190/2026") besides its parts. */
static void
words_of(struct wordset *ws, const char *s)
{
	size_t	 len, i = 0, k, n;
	uint32_t c;
	char	 w[WORD_MAX + 8];
	size_t	 wl = 0;
	bool	 long_ = false;

	if (s == NULL)
		return;
	len = strlen(s);
	while (i <= len) {
		if ((n = i < len ? html_dnr_at(s + i) : 0) > 0 &&
		    (i == 0 || !word_cp((unsigned char)s[i - 1]))) {
			char	 d[128];
			size_t	 dl = 0, m;

			for (k = 0; k < n && dl + 4 < sizeof(d); k += m) {
				if ((m = utf8_decode(s + i + k, n - k, &c)) == 0)
					m = 1;
				dl += utf8_encode(fold_cp(c), d + dl);
			}
			ws_add(ws, d, dl);
		}
		c = 0;
		n = i < len ? utf8_decode(s + i, len - i, &c) : 1;
		if (n == 0)
			n = 1;
		if (i < len && word_cp(c)) {
			if (wl + 4 <= WORD_MAX)
				wl += utf8_encode(fold_cp(c), w + wl);
			else
				long_ = true;
		} else {
			if (wl >= 2 && !long_)
				ws_add(ws, w, wl);
			wl = 0;
			long_ = false;
		}
		i += n;
	}
}

static void
words_spans(struct wordset *ws, const struct span *sp)
{
	for (; sp != NULL; sp = sp->next)
		if (sp->kind == SPAN_TEXT)
			words_of(ws, sp->text);
}

static void
words_blocks(struct wordset *ws, const struct block *b)
{
	for (; b != NULL; b = b->next) {
		words_spans(ws, b->spans);
		words_blocks(ws, b->children);
		if (b->kind == BLOCK_REGISTER && b->reg != NULL) {
			/* As the page shows it: secret fields as their note. */
			struct block *pub = register_blocks(b->reg, true);

			words_blocks(ws, pub);
			blocks_free(pub);
		}
		if (b->kind == BLOCK_FIGURE && b->figure != NULL &&
		    b->figure->caption != NULL)
			words_of(ws, b->figure->caption);
	}
}

static int
str_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The set as one string, sorted, each word once, separated by spaces. */
static char *
ws_join(struct wordset *ws)
{
	struct buf b = { 0 };
	size_t	 i;

	if (ws->n > 0)
		qsort(ws->v, ws->n, sizeof(*ws->v), str_cmp);
	for (i = 0; i < ws->n; i++)
		if (i == 0 || strcmp(ws->v[i], ws->v[i - 1]) != 0) {
			if (b.len > 0)
				buf_putc(&b, ' ');
			buf_puts(&b, ws->v[i]);
		}
	strv_free(ws->v, ws->n);
	ws->v = NULL;
	ws->n = ws->cap = 0;
	buf_put(&b, "", 0);
	return buf_detach(&b);
}

static void
add_doc(struct sum_meeting *s, int item, char *url, const char *title,
    const char *dnr, struct wordset *ws)
{
	struct sum_doc *d;

	s->docs = xrealloc(s->docs, (s->ndocs + 1) * sizeof(*s->docs));
	d = &s->docs[s->ndocs++];
	d->item = item;
	d->url = url;
	d->title = xstrdup(title);
	d->dnr = dnr != NULL ? xstrdup(dnr) : NULL;
	words_of(ws, title);
	words_of(ws, dnr);
	d->words = ws_join(ws);
}

void
sum_search(struct sum_meeting *s, const struct meeting *m)
{
	struct wordset ws = { 0 };
	size_t	 i, k;
	char	*t;

	for (i = 0; i < m->nitems; i++) {
		const struct agenda_item *it = &m->items[i];

		if (it->kind == AGENDA_DIVIDER)
			continue;
		t = xasprintf("%d. %s", it->number, it->title);
		if (it->kind == AGENDA_CASE && it->cs != NULL && !it->closed) {
			for (k = 0; k < SECTION__MAX; k++)
				if (it->cs->sections[k].present)
					words_blocks(&ws,
					    it->cs->sections[k].blocks);
			add_doc(s, it->number, xasprintf("%s/%s/arende-%d.html",
			    s->body_slug, s->date_slug, it->number), t,
			    it->dnr, &ws);
		} else
			/* Its number, title and dnr on the meeting page. */
			add_doc(s, it->number, xasprintf("%s/%s/index.html",
			    s->body_slug, s->date_slug), t, it->dnr, &ws);
		free(t);
	}
	for (i = 0; i < m->ndocuments; i++) {
		const struct document *d = m->documents[i];
		char	*f;

		if (!web_document(d))
			continue;
		words_blocks(&ws, d->blocks);
		f = document_file(m, i);
		add_doc(s, 0, xasprintf("%s/%s/%s", s->body_slug, s->date_slug,
		    f), d->title != NULL ? d->title : f, d->dnr, &ws);
		free(f);
	}
}

/* ------------------------------------------------------------------ */
/* The index. */

struct term {
	char		*word;
	uint32_t	*ids;
	size_t		 n, cap;
};

struct terms {
	struct term	*slot;		/* open addressing */
	size_t		 cap, n;
};

static uint64_t
hash(const char *s)
{
	uint64_t h = 1469598103934665603ull;

	for (; *s != '\0'; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ull;
	return h;
}

static struct term *
term_get(struct terms *t, const char *w, size_t len)
{
	size_t	 i, j;
	struct term *old;
	char	*key = xstrndup(w, len);

	if (t->n * 2 >= t->cap) {
		old = t->slot;
		j = t->cap;
		t->cap = t->cap ? t->cap * 2 : 4096;
		t->slot = xcalloc(t->cap, sizeof(*t->slot));
		t->n = 0;
		for (i = 0; i < j; i++)
			if (old[i].word != NULL) {
				size_t	 h = hash(old[i].word) & (t->cap - 1);

				while (t->slot[h].word != NULL)
					h = (h + 1) & (t->cap - 1);
				t->slot[h] = old[i];
				t->n++;
			}
		free(old);
	}
	for (i = hash(key) & (t->cap - 1); t->slot[i].word != NULL;
	    i = (i + 1) & (t->cap - 1))
		if (strcmp(t->slot[i].word, key) == 0) {
			free(key);
			return &t->slot[i];
		}
	t->slot[i].word = key;
	t->n++;
	return &t->slot[i];
}

static void
term_add(struct terms *t, const char *w, size_t len, uint32_t id)
{
	struct term *e = term_get(t, w, len);

	/* A page's words come once each, its extra words after. */
	if (e->n > 0 && e->ids[e->n - 1] == id)
		return;
	if (e->n == e->cap) {
		e->cap = e->cap ? e->cap * 2 : 4;
		e->ids = xrealloc(e->ids, e->cap * sizeof(*e->ids));
	}
	e->ids[e->n++] = id;
}

static void
terms_add_words(struct terms *t, const char *words, uint32_t id)
{
	const char *p = words, *e;

	while (p != NULL && *p != '\0') {
		e = strchr(p, ' ');
		if (e == NULL)
			e = p + strlen(p);
		if (e > p)
			term_add(t, p, (size_t)(e - p), id);
		p = *e == ' ' ? e + 1 : e;
	}
}

static int
term_cmp(const void *a, const void *b)
{
	return strcmp(((const struct term *)a)->word,
	    ((const struct term *)b)->word);
}

/* Bytes of the first SEARCH_KEY code points of w. */
static size_t
key_len(const char *w)
{
	size_t	 i = 0, k;

	for (k = 0; k < SEARCH_KEY && w[i] != '\0'; k++)
		do
			i++;
		while (((unsigned char)w[i] & 0xc0) == 0x80);
	return i;
}

static void
base36(struct buf *b, uint32_t v)
{
	char	 t[16];
	int	 n = 0;

	do {
		t[n++] = "0123456789abcdefghijklmnopqrstuvwxyz"[v % 36];
		v /= 36;
	} while (v > 0);
	while (n > 0)
		buf_putc(b, t[--n]);
}

/* Newest meeting first, then by body. */
static int
by_date_desc(const void *a, const void *b)
{
	const struct sum_meeting *x = *(struct sum_meeting *const *)a;
	const struct sum_meeting *y = *(struct sum_meeting *const *)b;
	int	 c = strcmp(y->date, x->date);

	return c != 0 ? c : strcmp(x->body_slug, y->body_slug);
}

/* The outcome of an item in the protocol, to be found by its words. */
static const struct sum_item *
item_of(const struct sum_meeting *s, int number)
{
	size_t	 i;

	for (i = 0; i < s->nitems; i++)
		if (s->items[i].number == number)
			return &s->items[i];
	return NULL;
}

void
search_index(const struct site_all *all, struct outset *os)
{
	struct sum_meeting **v;
	struct terms t = { 0 };
	struct wordset ws = { 0 };
	struct buf *b = NULL;
	uint32_t id = 0;
	size_t	 i, k, j, kl;
	char	*p, *extra;

	v = xcalloc(all->n + 1, sizeof(*v));
	memcpy(v, all->v, all->n * sizeof(*v));
	if (all->n > 0)
		qsort(v, all->n, sizeof(*v), by_date_desc);
	for (i = 0; i < all->n; i++)
		for (k = 0; k < v[i]->ndocs; k++, id++) {
			const struct sum_doc *d = &v[i]->docs[k];
			const struct sum_item *it = d->item > 0 ?
			    item_of(v[i], d->item) : NULL;

			/* Its titles: [address, title, what and when]. */
			if (id % SEARCH_CHUNK == 0) {
				if (b != NULL)
					buf_puts(b, "\n]\n");
				p = xasprintf("sok/d-%u.json",
				    (unsigned)(id / SEARCH_CHUNK));
				b = outset_add(os, p);
				free(p);
				buf_putc(b, '[');
			} else
				buf_putc(b, ',');
			buf_puts(b, "\n[");
			json_str(b, d->url);
			buf_putc(b, ',');
			json_str(b, d->title);
			buf_putc(b, ',');
			p = xasprintf("%s%s%s %s", d->dnr != NULL ? d->dnr : "",
			    d->dnr != NULL ? ", " : "", v[i]->body,
			    v[i]->date);
			json_str(b, p);
			free(p);
			buf_putc(b, ']');
			terms_add_words(&t, d->words, id);
			/* The decision as the protocol has it. */
			if (it != NULL && (it->result != NULL ||
			    it->resolution != NULL)) {
				words_of(&ws, it->result);
				words_of(&ws, it->resolution);
				extra = ws_join(&ws);
				terms_add_words(&t, extra, id);
				free(extra);
			}
		}
	if (b != NULL)
		buf_puts(b, "\n]\n");
	/* The words, sorted, a file per key. */
	for (i = j = 0; i < t.cap; i++)
		if (t.slot[i].word != NULL)
			t.slot[j++] = t.slot[i];
	if (j > 0)
		qsort(t.slot, j, sizeof(*t.slot), term_cmp);
	for (i = 0; i < j; i = k) {
		const char *w = t.slot[i].word;

		kl = key_len(w);
		{
			struct buf name = { 0 };
			size_t	 q;

			/* Named by the key's bytes in hex, as sok.js names
			 * it. */
			buf_puts(&name, "sok/t-");
			for (q = 0; q < kl; q++)
				buf_printf(&name, "%02x",
				    (unsigned char)w[q]);
			buf_puts(&name, ".json");
			buf_put(&name, "", 0);
			b = outset_add(os, name.data);
			buf_free(&name);
		}
		buf_putc(b, '{');
		for (k = i; k < j && key_len(t.slot[k].word) == kl &&
		    strncmp(t.slot[k].word, w, kl) == 0; k++) {
			const struct term *e = &t.slot[k];
			size_t	 q;

			buf_puts(b, k > i ? ",\n" : "\n");
			json_str(b, e->word);
			buf_puts(b, ":\"");
			for (q = 0; q < e->n; q++) {
				if (q > 0)
					buf_putc(b, ',');
				base36(b, q == 0 ? e->ids[0] :
				    e->ids[q] - e->ids[q - 1]);
			}
			buf_putc(b, '"');
		}
		buf_puts(b, "\n}\n");
	}
	for (i = 0; i < j; i++) {
		free(t.slot[i].word);
		free(t.slot[i].ids);
	}
	free(t.slot);
	free(v);
}

/* ------------------------------------------------------------------ */
/* The search page and its script: the only script of the site.  It
 * folds and splits the query as words_of() does, loads the file of
 * each word's first three characters, takes every word that starts
 * with it (from three characters on; a shorter one is a whole word),
 * keeps the pages that have all the query's words, and loads the
 * titles of the first 50. */

static const char search_js[] =
"/* Search of the site's index (sok/), made by boardgen. */\n"
"(function () {\n"
"\t'use strict';\n"
"\tvar form = document.getElementById('sok-form');\n"
"\tvar input = document.getElementById('sok-q');\n"
"\tvar status = document.getElementById('sok-status');\n"
"\tvar list = document.getElementById('sok-traffar');\n"
"\tvar cache = {};\n"
"\tvar SHOW = 50, CHUNK = 256;\n"
"\tdocument.getElementById('sok-nojs').hidden = true;\n"
"\tform.hidden = false;\n"
"\tfunction fold(s) {\n"
"\t\tvar o = '';\n"
"\t\tfor (var ch of s) {\n"
"\t\t\tvar c = ch.codePointAt(0);\n"
"\t\t\tif ((c >= 65 && c <= 90) || (c >= 0xc0 && c <= 0xde && c !== 0xd7))\n"
"\t\t\t\tc += 32;\n"
"\t\t\to += String.fromCodePoint(c);\n"
"\t\t}\n"
"\t\treturn o;\n"
"\t}\n"
"\tfunction hex(s) {\n"
"\t\treturn Array.from(new TextEncoder().encode(s), function (b) {\n"
"\t\t\treturn (b < 16 ? '0' : '') + b.toString(16);\n"
"\t\t}).join('');\n"
"\t}\n"
"\tfunction get(path) {\n"
"\t\tif (!(path in cache))\n"
"\t\t\tcache[path] = fetch(path).then(function (r) {\n"
"\t\t\t\treturn r.ok ? r.json() : null;\n"
"\t\t\t}).catch(function () { return null; });\n"
"\t\treturn cache[path];\n"
"\t}\n"
"\tfunction ids(s, into) {\n"
"\t\tvar n = 0;\n"
"\t\ts.split(',').forEach(function (g, i) {\n"
"\t\t\tn = i ? n + parseInt(g, 36) : parseInt(g, 36);\n"
"\t\t\tinto.add(n);\n"
"\t\t});\n"
"\t}\n"
"\t/* A dnr is a word of its own; the rest splits at what is not a\n"
"\t * letter or a digit. */\n"
"\tfunction words(q) {\n"
"\t\tvar t = [];\n"
"\t\tq = q.replace(/[A-Za-z\\u00c5\\u00c4\\u00d6\\u00e5\\u00e4\\u00f6]{1,10}\\/\\d{1,6}(?:\\/\\d{0,4})?/g,\n"
"\t\t    function (m) { t.push(fold(m)); return ' '; });\n"
"\t\t(fold(q).match(/[\\p{L}\\p{N}]+/gu) || []).forEach(function (w) {\n"
"\t\t\tif (w.length >= 2)\n"
"\t\t\t\tt.push(w);\n"
"\t\t});\n"
"\t\treturn t;\n"
"\t}\n"
"\tfunction say(text) {\n"
"\t\tstatus.textContent = text;\n"
"\t}\n"
"\tasync function search(q) {\n"
"\t\tvar ws = words(q);\n"
"\t\tlist.textContent = '';\n"
"\t\tif (ws.length === 0) {\n"
"\t\t\tsay(q.trim() ? 'Skriv ord med minst två tecken.' : '');\n"
"\t\t\treturn;\n"
"\t\t}\n"
"\t\tsay('Söker …');\n"
"\t\tvar sets = await Promise.all(ws.map(async function (w) {\n"
"\t\t\tvar key = Array.from(w).slice(0, 3).join('');\n"
"\t\t\tvar file = await get('sok/t-' + hex(key) + '.json');\n"
"\t\t\tvar s = new Set();\n"
"\t\t\tif (file)\n"
"\t\t\t\tfor (var term in file)\n"
"\t\t\t\t\tif (term === w || (w.length >= 3 && term.startsWith(w)))\n"
"\t\t\t\t\t\tids(file[term], s);\n"
"\t\t\treturn s;\n"
"\t\t}));\n"
"\t\tvar hits = Array.from(sets[0]).filter(function (i) {\n"
"\t\t\treturn sets.every(function (s) { return s.has(i); });\n"
"\t\t}).sort(function (a, b) { return a - b; });\n"
"\t\tvar shown = hits.slice(0, SHOW);\n"
"\t\tvar chunks = {};\n"
"\t\tawait Promise.all(shown.map(async function (i) {\n"
"\t\t\tvar c = Math.floor(i / CHUNK);\n"
"\t\t\tchunks[c] = await get('sok/d-' + c + '.json');\n"
"\t\t}));\n"
"\t\tshown.forEach(function (i) {\n"
"\t\t\tvar c = chunks[Math.floor(i / CHUNK)], d = c && c[i % CHUNK];\n"
"\t\t\tif (!d)\n"
"\t\t\t\treturn;\n"
"\t\t\tvar li = document.createElement('li'), a = document.createElement('a');\n"
"\t\t\tvar m = document.createElement('span');\n"
"\t\t\ta.href = d[0];\n"
"\t\t\ta.textContent = d[1];\n"
"\t\t\tm.className = 'note';\n"
"\t\t\tm.textContent = d[2];\n"
"\t\t\tli.appendChild(a);\n"
"\t\t\tli.appendChild(m);\n"
"\t\t\tlist.appendChild(li);\n"
"\t\t});\n"
"\t\tsay(hits.length === 0 ? 'Inga träffar.' : hits.length === 1 ?\n"
"\t\t    '1 träff.' : hits.length > SHOW ? hits.length +\n"
"\t\t    ' träffar. De ' + SHOW + ' senaste visas.' :\n"
"\t\t    hits.length + ' träffar.');\n"
"\t}\n"
"\tform.addEventListener('submit', function (e) {\n"
"\t\te.preventDefault();\n"
"\t\thistory.replaceState(null, '', '?q=' + encodeURIComponent(input.value));\n"
"\t\tsearch(input.value);\n"
"\t});\n"
"\tvar q = new URLSearchParams(location.search).get('q');\n"
"\tif (q) {\n"
"\t\tinput.value = q;\n"
"\t\tsearch(q);\n"
"\t}\n"
"})();\n";

void
search_page(const struct site_all *all, struct outset *os)
{
	struct hctx h = { 0 };
	const char *crumbs[4] = { "index.html", "Start", NULL, "Sök" };

	buf_puts(outset_add(os, "sok.js"), search_js);
	page_open(&h, all->opts, os, "sok.html", "Sök", crumbs, 2);
	buf_puts(h.b, "<h1>Sök ärenden och handlingar</h1>\n"
	    "<div id=\"sok-nojs\">\n<p>Sökningen görs i webbläsaren och "
	    "behöver JavaScript, som är avstängt här. Du hittar ändå "
	    "allt:</p>\n<ul class=\"files\">\n"
	    "<li><a href=\"register/arenden.html\">Ärenden efter "
	    "diarienummer</a></li>\n"
	    "<li><a href=\"index.html\">Sammanträden</a>, per styrelse och "
	    "nämnd</li>\n"
	    "<li><a href=\"register/inkomna-handlingar.html\">Inkomna "
	    "handlingar</a> och <a href=\"register/delegationsbeslut.html\">"
	    "delegationsbeslut</a></li>\n</ul>\n</div>\n"
	    "<form id=\"sok-form\" action=\"sok.html\" method=\"get\" "
	    "role=\"search\" hidden>\n"
	    "<label for=\"sok-q\">Sökord eller diarienummer</label>\n"
	    "<div class=\"sok-rad\"><input id=\"sok-q\" name=\"q\" "
	    "type=\"search\" autocomplete=\"off\">"
	    "<button type=\"submit\">Sök</button></div>\n"
	    "<p class=\"meta\">Ord som börjar med det du skriver hittas från "
	    "tre tecken; alla ord ska finnas i träffen. Å, ä och ö är egna "
	    "bokstäver.</p>\n</form>\n"
	    "<p id=\"sok-status\" role=\"status\"></p>\n"
	    "<ol id=\"sok-traffar\" class=\"meetings\"></ol>\n"
	    "<script src=\"sok.js\" defer></script>\n");
	page_end(&h);
}

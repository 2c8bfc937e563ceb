/*
 * html: what the listing pages, registers, feed and open data need of
 * one meeting, and its text form.  The summary is saved beside the site
 * with the stamp of the inputs it was read from; a meeting whose stamp
 * is unchanged is not read again.
 */
#include <stdlib.h>
#include <string.h>

#include "html_private.h"

#define SUM_VERSION	"boardgen-site-summary 5"

static char *
dup_or_null(const char *v)
{
	return v != NULL ? xstrdup(v) : NULL;
}

/* An entry's sub-entries, public text, one a line; NULL: none. */
static char *
sub_lines(const struct register_entry *e)
{
	struct buf b = { 0 };
	size_t	 k;

	for (k = 0; k < e->nsubs; k++) {
		if (k > 0)
			buf_putc(&b, '\n');
		buf_puts(&b, register_field_public(&e->subs[k]));
	}
	return e->nsubs > 0 ? buf_detach(&b) : NULL;
}

/* The registers the meeting reported, public text only. */
static void
sum_regs(struct sum_meeting *s, const struct meeting *m)
{
	size_t	 i, g, e, n = 0;

	for (i = 0; i < m->nregisters; i++)
		for (g = 0; g < m->registers[i]->ngroups; g++)
			n += m->registers[i]->groups[g].nentries;
	s->regs = xcalloc(n + 1, sizeof(*s->regs));
	for (i = 0; i < m->nregisters; i++) {
		const struct register_file *r = m->registers[i];

		for (g = 0; g < r->ngroups; g++)
			for (e = 0; e < r->groups[g].nentries; e++) {
				const struct register_entry *en =
				    &r->groups[g].entries[e];
				struct sum_reg *sr = &s->regs[s->nregs++];

				sr->kind = r->kind;
				sr->item = r->item;
				sr->number = en->number;
				sr->level = dup_or_null(r->groups[g].level);
				sr->date = dup_or_null(en->date);
				sr->from = dup_or_null(en->from);
				sr->to = dup_or_null(en->to);
				sr->dnr = dup_or_null(en->dnr);
				sr->type = dup_or_null(en->type);
				sr->sender = dup_or_null(
				    register_field_public(&en->sender));
				sr->title = dup_or_null(
				    register_field_public(&en->title));
				sr->sender_secret = en->sender.secret != NULL;
				sr->title_secret = en->title.secret != NULL;
				sr->subs = sub_lines(en);
			}
	}
}

struct sum_meeting *
sum_from_meeting(const struct meeting *m, const char *body_slug,
    const char *date_slug)
{
	struct sum_meeting *s = xcalloc(1, sizeof(*s));
	size_t	 i;

	s->body_slug = xstrdup(body_slug);
	s->date_slug = xstrdup(date_slug);
	s->body = xstrdup(m->body ? m->body : body_slug);
	s->organisation = xstrdup(m->organisation ? m->organisation : "");
	/* Its full path: the listing pages are made from the summaries,
	 * in a later run too. */
	if (m->org != NULL && m->org->logo != NULL &&
	    (s->logo = realpath(m->org->logo, NULL)) != NULL) {
		s->logo_w = m->org->logo_w;
		s->logo_h = m->org->logo_h;
	}
	s->date = xstrdup(m->date ? m->date : date_slug);
	s->nsessions = m->nsessions;
	s->sessions = xcalloc(m->nsessions + 1, sizeof(*s->sessions));
	for (i = 0; i < m->nsessions; i++) {
		s->sessions[i].start = xstrdup(m->sessions[i].start);
		s->sessions[i].end = m->sessions[i].end ?
		    xstrdup(m->sessions[i].end) : NULL;
		s->sessions[i].place = xstrdup(m->sessions[i].place);
		s->sessions[i].open = m->sessions[i].open;
		s->sessions[i].unstated = m->sessions[i].unstated;
	}
	s->nitems = m->nitems;
	s->items = xcalloc(m->nitems + 1, sizeof(*s->items));
	for (i = 0; i < m->nitems; i++) {
		const struct agenda_item *it = &m->items[i];
		struct sum_item *si = &s->items[i];

		si->number = it->number;
		si->kind = it->kind;
		si->title = xstrdup(it->title ? it->title : "");
		si->dnr = it->dnr ? xstrdup(it->dnr) : NULL;
		si->casekind = it->cs && it->cs->kind ?
		    xstrdup(it->cs->kind) : NULL;
		si->page = it->kind == AGENDA_CASE && it->cs != NULL;
		si->closed = it->closed;
		if (si->closed)
			si->page = false;
	}
	sum_regs(s, m);
	return s;
}

void
sum_free(struct sum_meeting *s)
{
	size_t	 i;

	if (s == NULL)
		return;
	for (i = 0; i < s->nsessions; i++) {
		free(s->sessions[i].start);
		free(s->sessions[i].end);
		free(s->sessions[i].place);
	}
	for (i = 0; i < s->nitems; i++) {
		free(s->items[i].title);
		free(s->items[i].dnr);
		free(s->items[i].casekind);
		free(s->items[i].result);
		free(s->items[i].resolution);
	}
	strv_free(s->files, s->nfiles);
	free(s->justered);
	free(s->posted);
	free(s->kept);
	for (i = 0; i < s->nregs; i++) {
		struct sum_reg *r = &s->regs[i];

		free(r->level);
		free(r->date);
		free(r->from);
		free(r->to);
		free(r->dnr);
		free(r->type);
		free(r->sender);
		free(r->title);
		free(r->subs);
	}
	free(s->regs);
	free(s->sessions);
	free(s->items);
	free(s->body_slug);
	free(s->date_slug);
	free(s->body);
	free(s->organisation);
	free(s->logo);
	for (i = 0; i < s->ndocs; i++) {
		free(s->docs[i].url);
		free(s->docs[i].title);
		free(s->docs[i].dnr);
		free(s->docs[i].words);
	}
	free(s->docs);
	free(s->date);
	free(s->stamp);
	free(s);
}

/* A field: tab, newline and backslash escaped; NULL as "\0". */
static void
field(struct buf *b, const char *v)
{
	buf_putc(b, '\t');
	if (v == NULL) {
		buf_puts(b, "\\0");
		return;
	}
	for (; *v != '\0'; v++)
		switch (*v) {
		case '\t': buf_puts(b, "\\t"); break;
		case '\n': buf_puts(b, "\\n"); break;
		case '\r': buf_puts(b, "\\r"); break;
		case '\\': buf_puts(b, "\\\\"); break;
		default: buf_putc(b, *v);
		}
}

void
sum_write(struct buf *b, const struct sum_meeting *s)
{
	size_t	 i;
	char	 n[32];

	buf_puts(b, SUM_VERSION "\nT");
	field(b, s->stamp);
	buf_puts(b, "\nM");
	field(b, s->body_slug);
	field(b, s->date_slug);
	field(b, s->body);
	field(b, s->organisation);
	field(b, s->date);
	buf_putc(b, '\n');
	if (s->logo != NULL) {
		buf_puts(b, "L");
		field(b, s->logo);
		snprintf(n, sizeof(n), "%u", s->logo_w);
		field(b, n);
		snprintf(n, sizeof(n), "%u", s->logo_h);
		field(b, n);
		buf_putc(b, '\n');
	}
	for (i = 0; i < s->nsessions; i++) {
		buf_puts(b, "S");
		field(b, s->sessions[i].start);
		field(b, s->sessions[i].end);
		field(b, s->sessions[i].place);
		field(b, s->sessions[i].unstated ? "" :
		    s->sessions[i].open ? "1" : "0");
		buf_putc(b, '\n');
	}
	for (i = 0; i < s->nitems; i++) {
		const struct sum_item *it = &s->items[i];

		buf_puts(b, "I");
		snprintf(n, sizeof(n), "%d", it->number);
		field(b, n);
		snprintf(n, sizeof(n), "%d", it->kind);
		field(b, n);
		field(b, it->title);
		field(b, it->dnr);
		field(b, it->casekind);
		field(b, it->closed ? "1" : "0");
		field(b, it->page ? "1" : "0");
		buf_putc(b, '\n');
	}
	for (i = 0; i < s->nregs; i++) {
		const struct sum_reg *r = &s->regs[i];

		buf_printf(b, "R\t%d\t%d\t%d", r->kind, r->item, r->number);
		field(b, r->level);
		field(b, r->date);
		field(b, r->from);
		field(b, r->to);
		field(b, r->dnr);
		field(b, r->type);
		field(b, r->sender);
		field(b, r->sender_secret ? "1" : "0");
		field(b, r->title);
		field(b, r->title_secret ? "1" : "0");
		field(b, r->subs);
		buf_putc(b, '\n');
	}
	for (i = 0; i < s->ndocs; i++) {
		snprintf(n, sizeof(n), "%d", s->docs[i].item);
		buf_puts(b, "X");
		field(b, n);
		field(b, s->docs[i].url);
		field(b, s->docs[i].title);
		field(b, s->docs[i].dnr);
		field(b, s->docs[i].words);
		buf_putc(b, '\n');
	}
	for (i = 0; i < s->nfiles; i++) {
		buf_puts(b, "F");
		field(b, s->files[i]);
		buf_putc(b, '\n');
	}
	for (i = 0; i < s->nitems; i++) {
		if (s->items[i].result == NULL)
			continue;
		buf_printf(b, "Q\t%d", s->items[i].number);
		field(b, s->items[i].result);
		field(b, s->items[i].resolution);
		buf_putc(b, '\n');
	}
	if (s->prot_first > 0) {
		buf_printf(b, "P\t%d\t%d", s->prot_first, s->prot_last);
		field(b, s->justered);
		field(b, s->posted);
		field(b, s->kept);
		buf_putc(b, '\n');
	}
}

int
sum_by_body_date(const void *a, const void *b)
{
	const struct sum_meeting *x = *(const struct sum_meeting *const *)a;
	const struct sum_meeting *y = *(const struct sum_meeting *const *)b;
	int	 r = strcmp(x->body_slug, y->body_slug);

	return r != 0 ? r : strcmp(x->date, y->date);
}

void
sum_add_file(struct sum_meeting *s, const char *path)
{
	s->files = xrealloc(s->files, (s->nfiles + 1) * sizeof(*s->files));
	s->files[s->nfiles++] = xstrdup(path);
}

/* Splits one line into at most max unescaped fields after the record
 * letter; returns how many, or -1 if malformed. */
static int
split(const char *p, const char *end, char **f, int max)
{
	int	 n = 0;
	struct buf b = { 0 };

	while (p < end && *p == '\t') {
		if (n == max)
			goto bad;
		p++;
		buf_reset(&b);
		buf_put(&b, "", 0);
		if (end - p >= 2 && p[0] == '\\' && p[1] == '0' &&
		    (end - p == 2 || p[2] == '\t')) {
			f[n++] = NULL;
			p += 2;
			continue;
		}
		while (p < end && *p != '\t') {
			if (*p == '\\' && p + 1 < end) {
				p++;
				buf_putc(&b, *p == 't' ? '\t' : *p == 'n' ?
				    '\n' : *p == 'r' ? '\r' : *p);
			} else
				buf_putc(&b, *p);
			p++;
		}
		f[n++] = buf_detach(&b);
	}
	buf_free(&b);
	if (p != end)
		goto bad2;
	return n;
bad:
	buf_free(&b);
bad2:
	while (n > 0)
		free(f[--n]);
	return -1;
}

struct sum_meeting *
sum_read(const char *data, size_t len)
{
	struct sum_meeting *s;
	const char *p = data, *end = data + len, *nl;
	char	*f[16];
	int	 n, i;
	size_t	 vl = strlen(SUM_VERSION);

	if (len < vl + 1 || memcmp(data, SUM_VERSION "\n", vl + 1) != 0)
		return NULL;
	/* Its fields go into pages, open data and paths as they are: a
	 * damaged file is refused, not trusted to be UTF-8 without
	 * control characters (sum_write escapes tab, CR and LF). */
	if (utf8_validate(data, len) != (size_t)-1)
		return NULL;
	for (p = data; p < end; p++)
		if ((unsigned char)*p < 0x20 && *p != '\t' && *p != '\n')
			return NULL;
	p = data;
	s = xcalloc(1, sizeof(*s));
	for (p += vl + 1; p < end; p = nl + 1) {
		if ((nl = memchr(p, '\n', (size_t)(end - p))) == NULL)
			goto bad;
		n = split(p + 1, nl, f, 16);
		if (n < 0)
			goto bad;
		if (*p == 'T' && n == 1 && s->stamp == NULL)
			s->stamp = f[0];
		else if (*p == 'M' && n == 5 && s->body_slug == NULL &&
		    f[0] && f[1] && f[2] && f[3] && f[4]) {
			s->body_slug = f[0];
			s->date_slug = f[1];
			s->body = f[2];
			s->organisation = f[3];
			s->date = f[4];
		} else if (*p == 'S' && n == 4 && f[0] && f[2] && f[3]) {
			struct sum_session *ss;

			s->sessions = xrealloc(s->sessions,
			    (s->nsessions + 1) * sizeof(*s->sessions));
			ss = &s->sessions[s->nsessions++];
			ss->start = f[0];
			ss->end = f[1];
			ss->place = f[2];
			ss->open = strcmp(f[3], "1") == 0;
			ss->unstated = f[3][0] == '\0';
			free(f[3]);
		} else if (*p == 'I' && n == 7 && f[0] && f[1] && f[2] &&
		    f[5] && f[6]) {
			struct sum_item *si;

			s->items = xrealloc(s->items,
			    (s->nitems + 1) * sizeof(*s->items));
			si = &s->items[s->nitems++];
			memset(si, 0, sizeof(*si));
			si->number = atoi(f[0]);
			si->kind = atoi(f[1]);
			si->title = f[2];
			si->dnr = f[3];
			si->casekind = f[4];
			si->closed = strcmp(f[5], "1") == 0;
			si->page = strcmp(f[6], "1") == 0;
			free(f[0]);
			free(f[1]);
			free(f[5]);
			free(f[6]);
		} else if (*p == 'R' && n == 14 && f[0] && f[1] && f[2] &&
		    f[10] && f[12]) {
			struct sum_reg *r;

			s->regs = xrealloc(s->regs,
			    (s->nregs + 1) * sizeof(*s->regs));
			r = &s->regs[s->nregs++];
			r->kind = atoi(f[0]);
			r->item = atoi(f[1]);
			r->number = atoi(f[2]);
			r->level = f[3];
			r->date = f[4];
			r->from = f[5];
			r->to = f[6];
			r->dnr = f[7];
			r->type = f[8];
			r->sender = f[9];
			r->sender_secret = strcmp(f[10], "1") == 0;
			r->title = f[11];
			r->title_secret = strcmp(f[12], "1") == 0;
			r->subs = f[13];
			free(f[0]);
			free(f[1]);
			free(f[2]);
			free(f[10]);
			free(f[12]);
		} else if (*p == 'P' && n == 5 && f[0] && f[1] &&
		    s->prot_first == 0 && atoi(f[0]) > 0 &&
		    (f[3] == NULL || iso_date_valid(f[3]))) {
			s->prot_first = atoi(f[0]);
			s->prot_last = atoi(f[1]);
			s->justered = f[2];
			s->posted = f[3];
			s->kept = f[4];
			free(f[0]);
			free(f[1]);
		} else if (*p == 'Q' && n == 3 && f[0] && f[1]) {
			struct sum_item *si = NULL;

			for (i = 0; i < (int)s->nitems; i++)
				if (s->items[i].number == atoi(f[0]) &&
				    s->items[i].result == NULL)
					si = &s->items[i];
			free(f[0]);
			if (si == NULL) {
				free(f[1]);
				free(f[2]);
				goto bad;
			}
			si->result = f[1];
			si->resolution = f[2];
		} else if (*p == 'L' && n == 3 && f[0] && f[1] && f[2] &&
		    s->logo == NULL) {
			s->logo = f[0];
			s->logo_w = (unsigned)strtoul(f[1], NULL, 10);
			s->logo_h = (unsigned)strtoul(f[2], NULL, 10);
			free(f[1]);
			free(f[2]);
		} else if (*p == 'X' && n == 5 && f[0] && f[1] && f[2] &&
		    f[4]) {
			struct sum_doc *d;

			s->docs = xrealloc(s->docs, (s->ndocs + 1) *
			    sizeof(*s->docs));
			d = &s->docs[s->ndocs++];
			d->item = atoi(f[0]);
			free(f[0]);
			d->url = f[1];
			d->title = f[2];
			d->dnr = f[3];
			d->words = f[4];
		} else if (*p == 'F' && n == 1 && f[0] != NULL) {
			s->files = xrealloc(s->files,
			    (s->nfiles + 1) * sizeof(*s->files));
			s->files[s->nfiles++] = f[0];
		} else {
			for (i = 0; i < n; i++)
				free(f[i]);
			goto bad;
		}
	}
	if (s->body_slug == NULL || s->stamp == NULL ||
	    !html_slug_ok(s->body_slug) || !html_slug_ok(s->date_slug) ||
	    !iso_date_valid(s->date))
		goto bad;
	return s;
bad:
	sum_free(s);
	return NULL;
}

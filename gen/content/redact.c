/*
 * The public view of a meeting.  Redaction happens in the data, before
 * any writer sees it: a closed item loses its text and documents, a
 * secret register field its text, an official his direct phone number
 * and e-mail address (unless the profile publishes them).  What is
 * dropped is freed, so no public writer can show it by mistake.  And
 * the scan for personal identity numbers, over the files as written so
 * that every hit has its exact file:line:col.
 */
#include <sys/stat.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "extern.h"

/* Meta keys holding an official's direct contact data. */
static bool
contact_key(const char *key)
{
	char	*k = content_fold(key, strlen(key));
	bool	 r = strcmp(k, "telefon") == 0 || strcmp(k, "tfn") == 0 ||
	    strcmp(k, "e-post") == 0 || strcmp(k, "epost") == 0 ||
	    strcmp(k, "email") == 0 || strcmp(k, "e-mail") == 0;

	free(k);
	return r;
}

static void
meta_drop_contacts(struct meta_field *v, size_t *n)
{
	size_t	 i, k = 0;

	for (i = 0; i < *n; i++) {
		if (v[i].key != NULL && contact_key(v[i].key)) {
			free(v[i].key);
			free(v[i].value);
			continue;
		}
		v[k++] = v[i];
	}
	*n = k;
}

static void
contact_drop(struct contact *c)
{
	free(c->phone);
	free(c->email);
	c->phone = c->email = NULL;
}

static void
document_drop_contacts(struct document *d)
{
	size_t	 i;

	if (d == NULL)
		return;
	contact_drop(&d->author);
	for (i = 0; i < d->nsigners; i++)
		contact_drop(&d->signers[i]);
	meta_drop_contacts(d->meta, &d->nmeta);
}

/* Header fields of a closed case that are still published. */
static bool
kept_key(const char *key)
{
	char	*k = content_fold(key, strlen(key));
	bool	 r = strcmp(k, "title") == 0 || strcmp(k, "sekretess") == 0;

	free(k);
	return r;
}

/* What stands in a closed item's place: why its text is not shown. */
static void
casefile_close(struct casefile *cs, const struct agenda_item *it)
{
	struct block *b;
	char	*t;
	size_t	 s, i, k;

	for (s = 0; s < SECTION__MAX; s++) {
		blocks_free(cs->sections[s].blocks);
		cs->sections[s].blocks = NULL;
		cs->sections[s].more = NULL;
		cs->sections[s].has_more = false;
		cs->sections[s].present = false;
	}
	/* The title and the legal ground stay public: their fields are
	 * kept, with their places, for the personnummer scan. */
	for (i = k = 0; i < cs->nmeta; i++) {
		if (kept_key(cs->meta[i].key)) {
			cs->meta[k++] = cs->meta[i];
			continue;
		}
		free(cs->meta[i].key);
		free(cs->meta[i].value);
	}
	cs->nmeta = k;
	free(cs->handlaggare);
	cs->handlaggare = NULL;
	t = it->secret != NULL ? xasprintf("Ärendet omfattas av sekretess "
	    "enligt %s.", it->secret) :
	    xstrdup("Ärendet behandlas inom stängda dörrar.");
	b = block_new(BLOCK_PARA);
	b->pos = cs->pos;
	b->spans = span_new(SPAN_TEXT, 0, t);
	b->spans->pos = cs->pos;
	free(t);
	cs->sections[SECTION_DESCRIPTION].present = true;
	cs->sections[SECTION_DESCRIPTION].pos = cs->pos;
	cs->sections[SECTION_DESCRIPTION].blocks = b;
}

static void
item_free(struct agenda_item *it)
{
	free(it->title);
	free(it->dnr);
	free(it->note);
	casefile_free(it->cs);
	free(it->docs);
}

/* Marks in keep[] the figures and registers blocks still place, and
 * gives register blocks their public lists. */
struct keep {
	const struct meeting *m;
	bool	*figures;
	bool	*registers;
};

static void
keep_blocks(struct keep *k, struct block *b)
{
	size_t	 i;

	for (; b != NULL; b = b->next) {
		if (b->kind == BLOCK_FIGURE && b->figure != NULL)
			for (i = 0; i < k->m->nfigures; i++)
				if (k->m->figures[i] == b->figure)
					k->figures[i] = true;
		if (b->kind == BLOCK_REGISTER && b->reg != NULL) {
			for (i = 0; i < k->m->nregisters; i++)
				if (k->m->registers[i] == b->reg)
					k->registers[i] = true;
			blocks_free(b->children);
			b->children = register_blocks(b->reg, true);
			continue;
		}
		keep_blocks(k, b->children);
	}
}

static void
field_redact(struct register_field *f)
{
	if (f->secret != NULL) {
		free(f->text);
		f->text = xstrdup(f->note);
	}
}

static void
register_redact(struct register_file *r)
{
	size_t	 g, i, j;

	for (g = 0; g < r->ngroups; g++)
		for (i = 0; i < r->groups[g].nentries; i++) {
			struct register_entry *e = &r->groups[g].entries[i];

			field_redact(&e->sender);
			field_redact(&e->title);
			for (j = 0; j < e->nsubs; j++)
				field_redact(&e->subs[j]);
		}
}

/*
 * Documents of closed items.  A document a closed item leads to (in its
 * Beslutsunderlag, by a link in its text, or through a document that
 * one of those links) is never published, whatever else leads to it:
 * where an open text does, that is an error naming both places.
 */
struct secret_docs {
	const struct meeting *m;
	bool		*in;	/* by index in m->documents */
	struct srcpos	*by;	/* where a closed item reaches it */
	int		*item;	/* that item's number */
	enum diag_level	 level;	/* errors for public output, else
				 * warnings (check) */
	size_t		 errors;
};

static size_t
doc_index(const struct meeting *m, const struct document *d,
    const char *target)
{
	size_t	 i;

	for (i = 0; i < m->ndocuments; i++)
		if (m->documents[i] == d || (target != NULL &&
		    m->documents[i]->path != NULL &&
		    strcmp(m->documents[i]->path, target) == 0))
			return i;
	return (size_t)-1;
}

static void secret_reach(struct secret_docs *, size_t, const struct srcpos *,
	    int);

/* Every link in spans, to a document of the meeting: marks it (mark)
 * or reports it as an error if it is secret (!mark). */
static void
spans_links(struct secret_docs *sd, const struct span *sp, bool mark,
    int item)
{
	size_t	 i;

	for (; sp != NULL; sp = sp->next) {
		if (!(sp->flags & SPAN_LINK) || sp->target == NULL ||
		    (i = doc_index(sd->m, NULL, sp->target)) == (size_t)-1)
			continue;
		if (mark)
			secret_reach(sd, i, &sp->pos, item);
		else if (sd->in[i]) {
			diag(sd->level, sp->pos.file, sp->pos.line,
			    sp->pos.col, "this links \"%s\", a document of "
			    "closed item %d (%s:%d:%d), which is never "
			    "published: remove the link, or the document "
			    "from the closed item", sp->target, sd->item[i],
			    sd->by[i].file ? sd->by[i].file : "?",
			    sd->by[i].line, sd->by[i].col);
			sd->errors++;
		}
	}
}

static void
blocks_links(struct secret_docs *sd, const struct block *b, bool mark,
    int item)
{
	for (; b != NULL; b = b->next) {
		spans_links(sd, b->spans, mark, item);
		blocks_links(sd, b->children, mark, item);
	}
}

static void
text_links(struct secret_docs *sd, const struct block *b,
    const struct note *nt, bool mark, int item)
{
	blocks_links(sd, b, mark, item);
	for (; nt != NULL; nt = nt->next)
		spans_links(sd, nt->spans, mark, item);
}

static void
case_links(struct secret_docs *sd, const struct casefile *cs, bool mark,
    int item)
{
	size_t	 k;

	if (cs == NULL)
		return;
	/* An open item's Beslutsunderlag is checked as a list. */
	for (k = 0; k < SECTION__MAX; k++)
		if (mark || k != SECTION_DOCUMENTS)
			blocks_links(sd, cs->sections[k].blocks, mark, item);
	text_links(sd, NULL, cs->notes, mark, item);
}

static void
secret_reach(struct secret_docs *sd, size_t i, const struct srcpos *by,
    int item)
{
	const struct document *d = sd->m->documents[i];

	size_t	 j;

	if (sd->in[i])
		return;
	sd->in[i] = true;
	sd->by[i] = *by;
	sd->item[i] = item;
	text_links(sd, d->blocks, d->notes, true, item);
	/* The same file under another name (a hard or symbolic link, a
	 * path with "./") or a copy of it is the same document. */
	for (j = 0; j < sd->m->ndocuments; j++)
		if (!sd->in[j] && sd->m->documents[j]->path != NULL &&
		    file_same_or_copy(sd->m->documents[j]->path, d->path))
			secret_reach(sd, j, by, item);
}

/* Where an item lists document d: its Beslutsunderlag link, else the
 * item. */
static struct srcpos
listed_at(const struct meeting *m, const struct agenda_item *it,
    const struct document *d)
{
	const struct block *b, *c;
	const struct span *sp;

	if (it->cs != NULL)
		for (b = it->cs->sections[SECTION_DOCUMENTS].blocks; b != NULL;
		    b = b->next)
			for (c = b->kind == BLOCK_LIST ? b->children : b;
			    c != NULL; c = b->kind == BLOCK_LIST ? c->next :
			    NULL) {
				const struct block *p = b->kind == BLOCK_LIST ?
				    c->children : c;

				for (sp = p != NULL ? p->spans : NULL;
				    sp != NULL; sp = sp->next)
					if ((sp->flags & SPAN_LINK) &&
					    sp->target != NULL &&
					    doc_index(m, NULL, sp->target) ==
					    doc_index(m, d, NULL))
						return sp->pos;
			}
	return d->cs == it->cs && it->cs != NULL ? d->pos : it->pos;
}

/*
 * Figures of closed items: a figure file a closed item places (in its
 * text or a document of it) is never published; an open place that
 * places it too is an error naming both (a warning in check).
 */
struct secret_figs {
	const struct meeting *m;
	struct srcpos	*by;	/* by index in m->figures; file NULL:
				 * not a closed item's */
	int		*item;
	struct stat	*st;	/* by index in m->figures: its file, found
				 * once (a stat per pair made a pack of 840
				 * figures spend seconds in stat) */
	bool		*have;	/* st[i] holds the file's identity */
	uint64_t	*hash;	/* by index: FNV-1a of its bytes, 0 unread */
	enum diag_level	 level;
	size_t		 errors;
};

/* Whether figure i of the meeting and figure f (figure j, or not one
 * of the meeting's if j is nfigures) are the same file: the same path,
 * another name of it (a link, "./") or a byte copy of it. */
static bool
same_figure_file(const struct secret_figs *sf, size_t i,
    const struct figure *f, size_t j)
{
	const struct figure *a = sf->m->figures[i];
	const struct stat *sa = &sf->st[i], *sb;

	if (a == f)
		return true;
	if (a == NULL || f == NULL || a->path == NULL || f->path == NULL)
		return false;
	if (strcmp(a->path, f->path) == 0)
		return true;
	if (j == sf->m->nfigures)
		return file_same_or_copy(a->path, f->path);
	if (!sf->have[i] || !sf->have[j])
		return false;
	sb = &sf->st[j];
	if (sa->st_dev == sb->st_dev && sa->st_ino == sb->st_ino)
		return true;
	/* A byte copy is the same figure: only files of one size and
	 * one hash are compared byte for byte. */
	return sa->st_size == sb->st_size && sa->st_size > 0 &&
	    sf->hash[i] != 0 && sf->hash[i] == sf->hash[j] &&
	    file_same_or_copy(a->path, f->path);
}

static void
figs_walk(struct secret_figs *sf, const struct block *b, bool mark,
    int item)
{
	size_t	 i, j;

	for (; b != NULL; b = b->next) {
		if (b->kind == BLOCK_FIGURE && b->figure != NULL) {
			for (j = 0; j < sf->m->nfigures; j++)
				if (sf->m->figures[j] == b->figure)
					break;
			for (i = 0; i < sf->m->nfigures; i++) {
				if (!same_figure_file(sf, i, b->figure, j))
					continue;
				if (mark && sf->by[i].file == NULL) {
					sf->by[i] = b->pos;
					sf->item[i] = item;
				} else if (!mark && sf->by[i].file != NULL) {
					diag(sf->level, b->pos.file, b->pos.line,
					    b->pos.col, "this places the figure "
					    "\"%s\" of closed item %d (%s:%d:%d), "
					    "which is never published: place it "
					    "in one of them only",
					    b->figure_ref != NULL ?
					    b->figure_ref : "?",
					    sf->item[i], sf->by[i].file,
					    sf->by[i].line, sf->by[i].col);
					sf->errors++;
					break;
				}
			}
		}
		figs_walk(sf, b->children, mark, item);
	}
}

static size_t
secret_figures(const struct meeting *m, const bool *secret_doc,
    enum diag_level level, const int *doc_item)
{
	struct secret_figs sf = { m, NULL, NULL, NULL, NULL, NULL, level, 0 };
	size_t	 i, k, pass, len;
	char	*data;

	sf.by = xcalloc(m->nfigures + 1, sizeof(*sf.by));
	sf.item = xcalloc(m->nfigures + 1, sizeof(*sf.item));
	sf.st = xcalloc(m->nfigures + 1, sizeof(*sf.st));
	sf.have = xcalloc(m->nfigures + 1, sizeof(*sf.have));
	/* stat() follows links: a link and the file it names are one. */
	for (i = 0; i < m->nfigures; i++)
		sf.have[i] = m->figures[i] != NULL &&
		    m->figures[i]->path != NULL &&
		    stat(m->figures[i]->path, &sf.st[i]) == 0;
	/* Each file read once for its hash, not once per pair. */
	sf.hash = xcalloc(m->nfigures + 1, sizeof(*sf.hash));
	for (i = 0; i < m->nfigures; i++) {
		if (!sf.have[i] || sf.st[i].st_size <= 0 ||
		    sf.st[i].st_size > (off_t)FILE_COPY_MAX ||
		    !file_read_quiet(m->figures[i]->path, FILE_COPY_MAX,
		    &data, &len))
			continue;
		sf.hash[i] = 14695981039346656037ull;
		for (k = 0; k < len; k++)
			sf.hash[i] = (sf.hash[i] ^ (unsigned char)data[k]) *
			    1099511628211ull;
		sf.hash[i] |= 1;	/* never 0, "unread" */
		free(data);
	}
	/* First what closed items place, then what open ones do. */
	for (pass = 0; pass < 2; pass++) {
		for (i = 0; i < m->nitems; i++) {
			const struct agenda_item *it = &m->items[i];

			if (it->cs == NULL || it->closed != (pass == 0))
				continue;
			for (k = 0; k < SECTION__MAX; k++)
				figs_walk(&sf, it->cs->sections[k].blocks,
				    pass == 0, it->number);
		}
		for (i = 0; i < m->ndocuments; i++)
			if (secret_doc[i] == (pass == 0))
				figs_walk(&sf, m->documents[i]->blocks,
				    pass == 0, doc_item[i]);
	}
	free(sf.by);
	free(sf.item);
	free(sf.st);
	free(sf.have);
	free(sf.hash);
	return sf.errors;
}

/* Marks the documents of closed items; reports each open place that
 * leads to one.  Returns the marks (by document index). */
static bool *
secret_documents(const struct meeting *m, enum diag_level level,
    size_t *errors)
{
	struct secret_docs sd = { m, NULL, NULL, NULL, level, 0 };
	struct srcpos at;
	size_t	 i, j, k;

	sd.in = xcalloc(m->ndocuments + 1, sizeof(*sd.in));
	sd.by = xcalloc(m->ndocuments + 1, sizeof(*sd.by));
	sd.item = xcalloc(m->ndocuments + 1, sizeof(*sd.item));
	for (i = 0; i < m->nitems; i++) {
		const struct agenda_item *it = &m->items[i];

		if (!it->closed)
			continue;
		for (j = 0; j < it->ndocs; j++) {
			at = listed_at(m, it, it->docs[j]);
			if ((k = doc_index(m, it->docs[j], NULL)) != (size_t)-1)
				secret_reach(&sd, k, &at, it->number);
		}
		case_links(&sd, it->cs, true, it->number);
	}
	for (i = 0; i < m->nitems; i++) {
		const struct agenda_item *it = &m->items[i];

		if (it->closed)
			continue;
		for (j = 0; j < it->ndocs; j++) {
			k = doc_index(m, it->docs[j], NULL);
			if (k == (size_t)-1 || !sd.in[k])
				continue;
			at = listed_at(m, it, it->docs[j]);
			diag(sd.level, at.file, at.line, at.col, "item %d "
			    "lists \"%s\", a document of closed item %d "
			    "(%s:%d:%d), which is never published: list it "
			    "under one of them only", it->number,
			    it->docs[j]->path ? it->docs[j]->path : "?",
			    sd.item[k], sd.by[k].file ? sd.by[k].file : "?",
			    sd.by[k].line, sd.by[k].col);
			sd.errors++;
		}
		case_links(&sd, it->cs, false, it->number);
	}
	for (i = 0; i < m->ndocuments; i++)
		if (!sd.in[i])
			text_links(&sd, m->documents[i]->blocks,
			    m->documents[i]->notes, false, 0);
	sd.errors += secret_figures(m, sd.in, level, sd.item);
	free(sd.by);
	free(sd.item);
	*errors = sd.errors;
	return sd.in;
}

size_t
meeting_secret_links(const struct meeting *m, enum diag_level level)
{
	size_t	 n;

	free(secret_documents(m, level, &n));
	return n;
}

int
meeting_redact(struct meeting *m)
{
	struct keep k;
	bool	*docs, *secret;
	size_t	 i, j, n, errors;

	if (m->redacted)
		return 1;
	secret = secret_documents(m, DIAG_ERROR, &errors);
	if (errors > 0) {
		free(secret);
		return 0;
	}
	/* Closed items: number, title and dnr. */
	for (i = 0; i < m->nitems; i++) {
		struct agenda_item *it = &m->items[i];

		if (!it->closed)
			continue;
		/* The program is the meeting's, published on its own: it
		 * does not follow a closed item's number and title. */
		if (m->program_item == it->number)
			m->program_item = 0;
		if (it->cs != NULL)
			casefile_close(it->cs, it);
		free(it->docs);
		it->docs = NULL;
		it->ndocs = 0;
	}
	if (m->closed_items == CLOSED_OMIT) {
		for (i = n = 0; i < m->nitems; i++) {
			if (m->items[i].closed) {
				if (m->program_item == m->items[i].number)
					m->program_item = 0;
				item_free(&m->items[i]);
				continue;
			}
			m->items[n++] = m->items[i];
		}
		m->nitems = n;
	}
	/* Documents no open item leads to any more. */
	docs = xcalloc(m->ndocuments + 1, sizeof(*docs));
	for (i = 0; i < m->nitems; i++)
		for (j = 0; j < m->items[i].ndocs; j++)
			for (n = 0; n < m->ndocuments; n++)
				if (m->documents[n] == m->items[i].docs[j])
					docs[n] = true;
	for (i = n = 0; i < m->ndocuments; i++) {
		if (!docs[i] || secret[i]) {
			document_free(m->documents[i]);
			continue;
		}
		m->documents[n++] = m->documents[i];
	}
	m->ndocuments = n;
	free(docs);
	free(secret);
	/* Secret register fields; figures and registers left unplaced. */
	for (i = 0; i < m->nregisters; i++)
		register_redact(m->registers[i]);
	k.m = m;
	k.figures = xcalloc(m->nfigures + 1, sizeof(bool));
	k.registers = xcalloc(m->nregisters + 1, sizeof(bool));
	for (i = 0; i < m->nitems; i++)
		if (m->items[i].cs != NULL)
			for (j = 0; j < SECTION__MAX; j++)
				keep_blocks(&k, m->items[i].cs->sections[j].blocks);
	for (i = 0; i < m->ndocuments; i++)
		keep_blocks(&k, m->documents[i]->blocks);
	for (i = n = 0; i < m->nfigures; i++) {
		if (!k.figures[i]) {
			figure_free(m->figures[i]);
			continue;
		}
		m->figures[n++] = m->figures[i];
	}
	m->nfigures = n;
	for (i = n = 0; i < m->nregisters; i++) {
		if (!k.registers[i]) {
			register_file_free(m->registers[i]);
			continue;
		}
		m->registers[n++] = m->registers[i];
	}
	m->nregisters = n;
	free(k.figures);
	free(k.registers);
	/* Officials' direct phone numbers and e-mail addresses. */
	if (!m->publish_contacts) {
		contact_drop(&m->secretary);
		if (m->org != NULL)
			for (i = 0; i < m->org->npeople; i++)
				contact_drop(&m->org->people[i]);
		for (i = 0; i < m->ndocuments; i++)
			document_drop_contacts(m->documents[i]);
		document_drop_contacts(m->program);
		for (i = 0; i < m->nitems; i++)
			if (m->items[i].cs != NULL)
				meta_drop_contacts(m->items[i].cs->meta,
				    &m->items[i].cs->nmeta);
	}
	m->redacted = true;
	return 1;
}

/* Scans a file as written; a byte order mark is not a column. */
static size_t
scan_file(const char *path, enum diag_level level, const char *what)
{
	char	*data;
	size_t	 len, n;
	const char *t;

	if (path == NULL || !file_read(path, CONTENT_MAX_CASE * 8, &data,
	    &len))
		return 0;
	t = len >= 3 && memcmp(data, "\xef\xbb\xbf", 3) == 0 ? data + 3 : data;
	n = pnr_report(level, t, PNR_SOURCE, intern(path), 1, 1, what);
	free(data);
	return n;
}

/* Each path once. */
struct seen {
	const char **v;
	size_t	 n;
};

static bool
first_time(struct seen *s, const char *path)
{
	size_t	 i;

	if (path == NULL)
		return false;
	for (i = 0; i < s->n; i++)
		if (strcmp(s->v[i], path) == 0)
			return false;
	s->v = xrealloc(s->v, (s->n + 1) * sizeof(*s->v));
	s->v[s->n++] = path;
	return true;
}

/* A register field's text (unless secret and only the public text is
 * asked for) and its ground, which is in the pack after the text and,
 * as a note, in public output in its place: scanned in both. */
static size_t
scan_field(const struct register_field *f, enum diag_level level,
    bool public_only, const char *what)
{
	size_t	 n = 0;

	if (f->text != NULL && (!public_only || f->secret == NULL))
		n += pnr_report(level, f->text, 0, f->pos.file, f->pos.line,
		    f->pos.col, what);
	if (f->secret != NULL)
		n += pnr_report(level, f->secret, 0, f->pos.file,
		    f->pos.line, 0, what);
	return n;
}

static size_t
scan_blocks(const struct block *b, struct seen *s, enum diag_level level,
    bool public_only, const char *what)
{
	const struct register_file *r;
	size_t	 n = 0, g, i, k;

	for (; b != NULL; b = b->next) {
		if (b->kind == BLOCK_FIGURE && b->figure != NULL) {
			if (first_time(s, b->figure->path))
				n += scan_file(b->figure->path, level, what);
			if (first_time(s, b->figure->csv))
				n += scan_file(b->figure->csv, level, what);
		}
		if (b->kind == BLOCK_REGISTER && (r = b->reg) != NULL &&
		    first_time(s, r->path)) {
			for (g = 0; g < r->ngroups; g++)
				for (i = 0; i < r->groups[g].nentries; i++) {
					const struct register_entry *e =
					    &r->groups[g].entries[i];

					n += scan_field(&e->sender, level,
					    public_only, what);
					n += scan_field(&e->title, level,
					    public_only, what);
					for (k = 0; k < e->nsubs; k++)
						n += scan_field(&e->subs[k],
						    level, public_only, what);
				}
			continue;
		}
		n += scan_blocks(b->children, s, level, public_only, what);
	}
	return n;
}

/* How much of two pages' text is joined to find a number that runs
 * from one to the next. */
#define EXT_JOIN	64

/* A PDF file made elsewhere: its text page by page.  One whose text
 * cannot be read (a scan, fonts without a map to Unicode) cannot be
 * checked: said in check, and in public output it must be marked
 * public="yes" by whoever checked it. */
static size_t
scan_external(const struct document *d, enum diag_level level,
    bool public_only, const char *what)
{
	struct pnr_hit h;
	size_t	 i, n = 0, at;
	char	*desc;

	for (i = 0; i < d->nextpages; i++) {
		const char *t = d->ext_pagetext != NULL ?
		    d->ext_pagetext[i] : NULL;

		if (t == NULL)
			continue;
		for (at = 0; pnr_find(t + at, strlen(t + at), 0, &h);
		    at += h.off + h.n) {
			desc = pnr_describe(&h);
			diag(level, d->path, 0, 0, "page %zu: %s in the text of "
			    "this PDF file, in %s: personal identity numbers "
			    "are never published; ask for a copy without it, "
			    "or leave the file out", i + 1, desc, what);
			free(desc);
			n++;
		}
		/* A number that runs on from the foot of the page before
		 * to the head of this one. */
		if (i > 0 && d->ext_pagetext[i - 1] != NULL) {
			const char *p = d->ext_pagetext[i - 1];
			size_t	 pl = strlen(p), tl = strlen(t);
			char	*join = xasprintf("%s\n%.*s",
			    p + (pl > EXT_JOIN ? pl - EXT_JOIN : 0),
			    (int)(tl > EXT_JOIN ? EXT_JOIN : tl), t);

			if (pnr_find(join, strlen(join), 0, &h) &&
			    h.off < strlen(join) - (tl > EXT_JOIN ? EXT_JOIN :
			    tl) && h.off + h.n > strlen(join) - (tl > EXT_JOIN ?
			    EXT_JOIN : tl)) {
				desc = pnr_describe(&h);
				diag(level, d->path, 0, 0, "pages %zu and %zu: "
				    "%s in the text of this PDF file, from one "
				    "page to the next, in %s: personal identity "
				    "numbers are never published; ask for a copy "
				    "without it, or leave the file out", i, i + 1,
				    desc, what);
				free(desc);
				n++;
			}
			free(join);
		}
	}
	if (d->ext_text && d->ext_unread == 0)
		return n;
	if (public_only && !d->ext_public) {
		diag(DIAG_ERROR, d->pos.file, d->pos.line, d->pos.col, "\"%s\" "
		    "has text that cannot be read (a scan, fonts without "
		    "a Unicode map, or more than the reader takes): it "
		    "cannot be checked for personal "
		    "identity numbers; look through it yourself, then mark the "
		    "link public=\"yes\", as in [...](../bilagor/%s "
		    "'public=\"yes\"')", d->path, strrchr(d->path, '/') ?
		    strrchr(d->path, '/') + 1 : d->path);
		n++;
	} else if (!public_only && d->ext_text)
		diag(DIAG_WARNING, d->pos.file, d->pos.line, d->pos.col, "\"%s\" "
		    "has text that cannot be read (a scan, fonts without "
		    "a Unicode map, or more than the reader takes): it "
		    "cannot be checked for personal "
		    "identity numbers; before it is published, look through it "
		    "and mark the link public=\"yes\"", d->path);
	return n;
}

/* The names of the files behind what is published, inside the
 * meeting folder: the site names its PDF files after them. */
static size_t
scan_name(const struct meeting *m, const char *path, enum diag_level level,
    const char *what)
{
	size_t	 k = m->dir != NULL ? strlen(m->dir) : 0;
	const char *rel = path;

	if (path == NULL)
		return 0;
	if (k > 0 && strncmp(path, m->dir, k) == 0 && path[k] == '/')
		rel = path + k + 1;
	return pnr_report(level, rel, 0, path, 0, 0, what);
}

size_t
meeting_pnr_scan(const struct meeting *m, enum diag_level level,
    bool public_only)
{
	struct seen s = { NULL, 0 };
	const char *what = public_only ? "public text" : "the meeting's text";
	size_t	 n = 0, i, j, k;

	if (first_time(&s, m->manifest))
		n += scan_file(m->manifest, level, what);
	if (m->program != NULL && first_time(&s, m->program->path))
		n += scan_file(m->program->path, level, what);
	/* The profile: staff names and titles, the secretary, addresses. */
	if (m->org != NULL && first_time(&s, m->org->path))
		n += scan_file(m->org->path, level, what);
	for (i = 0; i < m->nitems; i++) {
		const struct agenda_item *it = &m->items[i];

		if (it->cs == NULL)
			continue;
		/* A closed item's files are not published (a redacted
		 * meeting no longer has their text), but its title and
		 * legal ground are. */
		if (public_only && it->closed) {
			for (k = 0; k < it->cs->nmeta; k++)
				if (kept_key(it->cs->meta[k].key))
					n += pnr_report(level,
					    it->cs->meta[k].value, 0,
					    it->cs->meta[k].pos.file,
					    it->cs->meta[k].pos.line,
					    it->cs->meta[k].pos.col, what);
			continue;
		}
		if (first_time(&s, it->cs->path)) {
			n += scan_file(it->cs->path, level, what);
			n += scan_name(m, it->cs->path, level, "a file name");
		}
		for (k = 0; k < SECTION__MAX; k++)
			n += scan_blocks(it->cs->sections[k].blocks, &s, level,
			    public_only, what);
		for (j = 0; j < it->ndocs; j++) {
			const struct document *d = it->docs[j];

			if (first_time(&s, d->path)) {
				n += scan_name(m, d->path, level,
				    "a file name");
				if (d->kind == DOCUMENT_EXTERNAL)
					n += scan_external(d, level,
					    public_only, what);
				else
					n += scan_file(d->path, level, what);
			}
			n += scan_blocks(d->blocks, &s, level, public_only,
			    what);
		}
	}
	free(s.v);
	return n;
}

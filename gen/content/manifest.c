/*
 * The meeting manifest (meeting.xml): validated against meeting.rng,
 * then checked for what a schema cannot say, and every case file it
 * names loaded.
 */
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "../util/xml.h"
#include "extern.h"

struct mload {
	struct meeting	*m;
	const char	*file;		/* the manifest, for diagnostics */
	const char	*data;		/* its text, for columns */
	size_t		 len;
	struct stat	*st;		/* by item: its case file, found once
					 * (a stat per pair of items made a
					 * long agenda slow) */
	bool		*have;		/* st[i] holds the file's identity */
	size_t		 cap;
};

/* Attribute, cleaned and with Swedish punctuation; NULL if absent. */
static char *
node_text(xmlNodePtr n)
{
	char	*v = xml_text(n), *s = content_typeset(v);

	free(v);
	return s;
}

static void
session(struct mload *ml, xmlNodePtr n)
{
	struct meeting *m = ml->m;
	struct session *s;
	char	*open;

	m->sessions = xrealloc(m->sessions,
	    (m->nsessions + 1) * sizeof(*m->sessions));
	s = &m->sessions[m->nsessions++];
	memset(s, 0, sizeof(*s));
	s->pos.file = ml->file;
	s->pos.line = xml_line(n);
	s->start = xml_attr(n, "start");
	s->end = xml_attr(n, "end");
	s->place = content_xml_attr(n, "place");
	s->note = content_xml_attr(n, "note");
	open = xml_attr(n, "open");
	s->open = open != NULL && strcmp(open, "yes") == 0;
	s->unstated = open == NULL;
	free(open);
	/* HH.MM with leading zeros (the schema): strings compare as times. */
	if (s->start != NULL && s->end != NULL &&
	    strcmp(s->end, s->start) <= 0) {
		int	 line, col;

		xml_locate(ml->data, ml->len, n, "end", &line, &col);
		diag(DIAG_ERROR, ml->file, line, col, "the session ends "
		    "(%s) before it starts (%s): check start and end",
		    s->end, s->start);
		/* Not measured against again (the program's times). */
		free(s->end);
		s->end = NULL;
	}
}

static void
contact(xmlNodePtr n, struct contact *c)
{
	c->name = content_xml_attr(n, "name");
	c->role = content_xml_attr(n, "role");
	c->phone = xml_attr(n, "phone");
	c->email = xml_attr(n, "email");
}

/* The existing file closest to the missing one (with the same
 * extension), written as the reference writes it, for a "did you mean"
 * hint; NULL if none is close.  path is the full path, file the name
 * as written. */
char *
content_nearest_file(const char *path, const char *file)
{
	char	*dir = xstrdup(path), *best = NULL, *slash, *r;
	const char *base, *fslash, *ext;
	size_t	 d, bestd = 4;
	DIR	*dp;
	struct dirent *de;

	if ((slash = strrchr(dir, '/')) == NULL) {
		free(dir);
		return NULL;
	}
	*slash = '\0';
	base = slash + 1;
	ext = strrchr(base, '.');
	if ((dp = opendir(dir)) == NULL) {
		free(dir);
		return NULL;
	}
	while ((de = readdir(dp)) != NULL) {
		const char *e = strrchr(de->d_name, '.');

		if (ext != NULL && (e == NULL || strcasecmp(e, ext) != 0))
			continue;
		/* The name itself is a broken link. */
		if (strcmp(base, de->d_name) != 0 &&
		    (d = suggest_distance(base, de->d_name)) < bestd) {
			bestd = d;
			free(best);
			best = xstrdup(de->d_name);
		}
	}
	closedir(dp);
	free(dir);
	if (best == NULL)
		return NULL;
	fslash = strrchr(file, '/');
	r = xasprintf("%.*s%s", fslash ? (int)(fslash - file + 1) : 0, file,
	    best);
	free(best);
	return r;
}

/*
 * A case path must name a file inside the meeting folder: relative, no
 * "..", and not through a symbolic link that leads out.  Returns the
 * path to open (dir/file), or NULL after reporting.
 */
static char *
case_path(struct mload *ml, xmlNodePtr n, const char *file)
{
	const char *dir = ml->m->dir, *p;
	char	*path;
	struct stat st;
	size_t	 dl;
	int	 line, col;

	xml_locate(ml->data, ml->len, n, "file", &line, &col);

	if (file[0] == '/' || strchr(file, '\\') != NULL ||
	    strchr(file, ':') != NULL) {
		diag(DIAG_ERROR, ml->file, line, col, "case file \"%s\": write "
		    "the path relative to the meeting folder with '/', e.g. "
		    "\"arenden/03-namn.md\"", file);
		return NULL;
	}
	for (p = file; *p != '\0'; p += strcspn(p, "/"), p += *p == '/') {
		if (strncmp(p, "..", 2) == 0 && (p[2] == '/' || p[2] == '\0')) {
			diag(DIAG_ERROR, ml->file, line, col, "case file \"%s\" "
			    "points outside the meeting folder (\"..\"): keep "
			    "case files inside the folder", file);
			return NULL;
		}
	}
	dl = strlen(dir);
	path = dl > 0 && dir[dl - 1] == '/' ? xasprintf("%s%s", dir, file) :
	    xasprintf("%s/%s", dir, file);
	if (stat(path, &st) == -1) {
		char	*near = errno == ENOENT ? content_nearest_file(path, file) :
		    NULL;

		if (near != NULL)
			diag(DIAG_ERROR, ml->file, line, col, "case file \"%s\" "
			    "does not exist: did you mean \"%s\"?", file, near);
		else if (errno == ENOENT)
			diag(DIAG_ERROR, ml->file, line, col, "case file \"%s\" "
			    "does not exist: check the name (it is relative "
			    "to the meeting folder)", file);
		else
			diag(DIAG_ERROR, ml->file, line, col, "case file \"%s\": "
			    "%s", file, strerror(errno));
		free(near);
		free(path);
		return NULL;
	}
	/* A symbolic link inside the folder may still lead out of it. */
	if (!path_inside(dir, path)) {
		diag(DIAG_ERROR, ml->file, line, col, "case file \"%s\" leads "
		    "outside the meeting folder through a symbolic link: "
		    "copy the file into the folder", file);
		free(path);
		path = NULL;
	}
	return path;
}

/* session="13.00": the session the item is handled in, by its start
 * (default the first); the items follow the sessions' times, and a
 * closed item is not in an open session when there is a closed one. */
static void
item_session(struct mload *ml, xmlNodePtr n, struct agenda_item *it)
{
	const struct meeting *m = ml->m;
	const struct agenda_item *prev = m->nitems > 1 ?
	    &m->items[m->nitems - 2] : NULL;
	char	*v = xml_attr(n, "session");
	size_t	 i;
	bool	 closed_session = false;

	if (v != NULL) {
		for (i = 0; i < m->nsessions; i++)
			if (m->sessions[i].start != NULL &&
			    strcmp(m->sessions[i].start, v) == 0)
				break;
		if (i == m->nsessions)
			diag(DIAG_ERROR, ml->file, it->pos.line, 0, "item %d: "
			    "session=\"%s\" names no session: write the "
			    "start time of one of the <session> elements",
			    it->number, v);
		else
			it->session = i;
		free(v);
	} else if (prev != NULL)
		it->session = prev->session;
	if (prev != NULL && it->session < prev->session)
		diag(DIAG_ERROR, ml->file, it->pos.line, 0, "item %d is in the "
		    "session at %s, after item %d in the session at %s: list "
		    "the items in the order of the sessions' times",
		    it->number, m->sessions[it->session].start, prev->number,
		    m->sessions[prev->session].start);
	for (i = 0; i < m->nsessions; i++)
		closed_session |= !m->sessions[i].open &&
		    !m->sessions[i].unstated;
	/* closed="yes" (not only secret papers: those may be handled in
	 * an open session without being read out). */
	if (it->closed && it->secret == NULL && closed_session &&
	    m->nsessions > it->session &&
	    m->sessions[it->session].open)
		diag(DIAG_WARNING, ml->file, it->pos.line, 0, "item %d is "
		    "closed but in the open session at %s: give it the "
		    "session=\"...\" of a closed session", it->number,
		    m->sessions[it->session].start);
}

bool
content_text_budget(struct meeting *m, const char *path, const char *shown,
    const struct srcpos *at)
{
	struct stat st;

	if (m->text_bytes > CONTENT_MAX_TEXT)
		return false;	/* said once */
	/* A file over its own limit is refused as it is read. */
	if (stat(path, &st) == 0 && st.st_size <= CONTENT_MAX_CASE)
		m->text_bytes += (unsigned long long)st.st_size;
	if (m->text_bytes <= CONTENT_MAX_TEXT)
		return true;
	diag(DIAG_ERROR, at->file, at->line, at->col, "with \"%s\" the case "
	    "and document files of the meeting come to more than %u MiB, "
	    "the most one meeting may have: shorten the texts or split the "
	    "meeting", shown, CONTENT_MAX_TEXT >> 20);
	return false;
}

static void
agenda_entry(struct mload *ml, xmlNodePtr n)
{
	struct meeting *m = ml->m;
	struct agenda_item *it;
	char	*file, *path;
	size_t	 i;

	m->items = xrealloc(m->items, (m->nitems + 1) * sizeof(*m->items));
	it = &m->items[m->nitems++];
	memset(it, 0, sizeof(*it));
	it->number = (int)m->nitems;
	it->pos.file = ml->file;
	it->pos.line = xml_line(n);
	if (xml_is(n, "procedural")) {
		it->kind = AGENDA_PROCEDURAL;
		it->title = node_text(n);
		it->note = content_xml_attr(n, "note");
		return;
	}
	if (xml_is(n, "divider")) {
		it->kind = AGENDA_DIVIDER;
		it->title = node_text(n);
		return;
	}
	it->kind = AGENDA_CASE;
	it->title = content_xml_attr(n, "title");
	if ((file = xml_attr(n, "closed")) != NULL)
		it->closed = strcmp(file, "yes") == 0;
	free(file);
	if ((file = xml_attr(n, "divider")) != NULL)
		it->divider = strcmp(file, "yes") == 0;
	free(file);
	if ((file = xml_attr(n, "file")) == NULL)
		return;		/* the schema requires it */
	if ((path = case_path(ml, n, file)) != NULL) {
		struct stat st;
		bool	 have = stat(path, &st) == 0;

		/* stat() follows links: a link, a hard link and the path
		 * written with "./" or "//" all name the same inode. */
		for (i = 0; i + 1 < m->nitems; i++) {
			if (m->items[i].cs == NULL || (strcmp(
			    m->items[i].cs->path, path) != 0 && !(have &&
			    i < ml->cap && ml->have[i] &&
			    ml->st[i].st_dev == st.st_dev &&
			    ml->st[i].st_ino == st.st_ino)))
				continue;
			/* Under another name (a link, "./") too: an open
			 * item would publish a closed one's text. */
			if (strcmp(m->items[i].cs->path, path) == 0)
				diag(DIAG_ERROR, ml->file, it->pos.line, 0,
				    "case file \"%s\" is already item %d "
				    "(line %d): list each case once", file,
				    m->items[i].number, m->items[i].pos.line);
			else {
				const char *o = m->items[i].cs->path;
				size_t	 dl = strlen(m->dir);

				if (strncmp(o, m->dir, dl) == 0 && o[dl] == '/')
					o += dl + 1;
				diag(DIAG_ERROR, ml->file, it->pos.line, 0,
				    "case file \"%s\" is the file of item %d "
				    "(line %d, \"%s\") under another name: "
				    "list each case once", file,
				    m->items[i].number, m->items[i].pos.line,
				    o);
			}
			free(path);
			free(file);
			return;
		}
		struct srcpos at = it->pos;

		if (m->nitems > ml->cap) {
			size_t	 cap = m->nitems * 2;

			ml->st = xrealloc(ml->st, cap * sizeof(*ml->st));
			ml->have = xrealloc(ml->have, cap * sizeof(*ml->have));
			memset(ml->have + ml->cap, 0,
			    (cap - ml->cap) * sizeof(*ml->have));
			ml->cap = cap;
		}
		ml->st[m->nitems - 1] = st;
		ml->have[m->nitems - 1] = have;
		xml_locate(ml->data, ml->len, n, "file", &at.line, &at.col);
		if (content_text_budget(m, path, file, &at))
			it->cs = casefile_load(path);
		free(path);
	}
	free(file);
	if (it->cs == NULL)
		return;
	if (it->title == NULL && it->cs->title != NULL)
		it->title = xstrdup(it->cs->title);
	if (it->cs->dnr != NULL)
		it->dnr = xstrdup(it->cs->dnr);
	if (it->cs->secret != NULL) {
		it->closed = true;
		it->secret = it->cs->secret;
	}
}

/* Titles written in the manifest have the case files' limit. */
static void
check_title(const struct mload *ml, const struct agenda_item *it)
{
	size_t	 n;

	if (it->title == NULL ||
	    (n = utf8_length(it->title, strlen(it->title))) <=
	    CONTENT_MAX_TITLE)
		return;
	if (it->cs != NULL && it->cs->title != NULL &&
	    strcmp(it->title, it->cs->title) == 0)
		return;		/* the case file's: reported there */
	diag(DIAG_ERROR, ml->file, it->pos.line, 0, "the title of item %d "
	    "is %zu characters long: keep it under %d", it->number, n,
	    CONTENT_MAX_TITLE);
}

/* The organisation's and the body's names head every page: a name is
 * limited to CONTENT_MAX_NAME characters. */
static char *
name_text(const struct mload *ml, xmlNodePtr n)
{
	char	*v = xml_text(n);
	size_t	 len = utf8_length(v, strlen(v));

	if (len > CONTENT_MAX_NAME)
		diag(DIAG_ERROR, ml->file, xml_line(n), 0, "<%s> is %zu "
		    "characters long: keep the name under %d",
		    (const char *)n->name, len, CONTENT_MAX_NAME);
	return v;
}

/* What to write instead, for the schema's messages. */
static const struct xml_hint manifest_hints[] = {
	{ "date", "the date must be written YYYY-MM-DD, e.g. 2026-12-08" },
	{ "start", "write the time as HH.MM with two digits each, e.g. 08.30" },
	{ "end", "write the time as HH.MM with two digits each, e.g. 12.00" },
	{ "open", "write yes (öppet sammanträde) or no" },
	{ "email", "write an e-mail address such as karin.ek@region.example" },
	{ "file", "name a case file ending in .md, relative to the meeting "
	    "folder" },
	{ "meeting", "the elements of <meeting> come in this order: "
	    "organisation, body, session (one or more), secretary, chair "
	    "(optional), program (optional), agenda" },
	{ "agenda", "<agenda> holds <procedural>, <case file=\"...\"/> and "
	    "<divider> entries" },
	{ NULL, NULL }
};

struct meeting *
meeting_load(const char *dir, const char *schema_dir)
{
	struct meeting *m;
	size_t	 errors = diag_errors();

	if ((m = meeting_read(dir, schema_dir)) != NULL &&
	    diag_errors() > errors) {
		meeting_free(m);
		return NULL;
	}
	return m;
}

/* <program item="N">: the program follows agenda item N, which must
 * have pages of its own; without the attribute it follows the agenda. */
static void
program_place(struct mload *ml, xmlNodePtr n)
{
	struct meeting *m = ml->m;
	char	*v = xml_attr(n, "item"), *end;
	long	 k;

	if (v == NULL)
		return;
	k = strtol(v, &end, 10);
	if (*end != '\0' || k < 1 || (size_t)k > m->nitems)
		diag(DIAG_ERROR, ml->file, xml_line(n), 0, "program item=\"%s\": "
		    "give the number of an agenda item, 1 to %zu", v,
		    m->nitems);
	else if (m->items[k - 1].kind != AGENDA_CASE)
		diag(DIAG_ERROR, ml->file, xml_line(n), 0, "program item=\"%s\": "
		    "agenda item %ld has no pages of its own (it has no case "
		    "file): name an item with a case file, or leave item out "
		    "to put the program after the agenda", v, k);
	else
		m->program_item = (int)k;
	free(v);
}

struct meeting *
meeting_read(const char *dir, const char *schema_dir)
{
	struct meeting *m;
	char	*manifest = xasprintf("%s/meeting.xml", dir), *data;
	size_t	 len;

	if (!file_read(manifest, CONTENT_MAX_MANIFEST, &data, &len)) {
		free(manifest);
		return NULL;
	}
	free(manifest);
	m = meeting_parse(dir, data, len, schema_dir);
	free(data);
	return m;
}

/* True if the pack holds documents of its own making: those carry the
 * profile's letterhead. */
static bool
has_documents(const struct meeting *m)
{
	size_t	 i;

	for (i = 0; i < m->ndocuments; i++)
		if (m->documents[i]->kind <= DOCUMENT_LETTER)
			return true;
	return false;
}

/* The first `w' in s[0..n), or NULL. */
static const char *
find_in(const char *s, size_t n, const char *w)
{
	size_t	 i, k = strlen(w);

	for (i = 0; i + k <= n; i++)
		if (memcmp(s + i, w, k) == 0)
			return s + i;
	return NULL;
}

/* True if the hint at s[j..j+n) is the whole value of an attribute
 * with a form of its own (a date, a time, an e-mail address): the
 * schema's message has named it as a hint already. */
static bool
hint_is_form_value(const char *s, size_t j, size_t n, size_t len)
{
	static const char *const form[] = { "date", "start", "end", "email",
	    NULL };
	size_t	 k, a;

	if (j < 2 || j + n >= len || s[j - 1] != '"' || s[j - 2] != '=' ||
	    s[j + n] != '"')
		return false;
	for (k = 0; form[k] != NULL; k++) {
		a = strlen(form[k]);
		if (j >= a + 3 && memcmp(s + j - 2 - a, form[k], a) == 0 &&
		    (s[j - 3 - a] == ' ' || s[j - 3 - a] == '\t'))
			return true;
	}
	return false;
}

/*
 * meeting.xml that the schema or the XML reader refused: its template
 * hints are reported all the same, so that check lists every hint of a
 * new meeting (boardgen init) at once and not after the rest is right.
 * Comments are passed over.
 */
static void
hints_of_refused(const char *file, const char *data, size_t len)
{
	const char *p, *e = data + len, *nl, *c;
	size_t	 i, n, seg, off, hl, found = 0;
	bool	 comment = false;
	int	 line = 0;
	char	*h;

	for (p = data; p < e; p = nl + 1) {
		if ((nl = memchr(p, '\n', (size_t)(e - p))) == NULL)
			nl = e;
		line++;
		n = (size_t)(nl - p);
		for (i = 0; i < n; ) {
			if (comment) {
				if ((c = find_in(p + i, n - i, "-->")) == NULL)
					break;
				i = (size_t)(c - p) + 3;
				comment = false;
				continue;
			}
			c = find_in(p + i, n - i, "<!--");
			seg = c != NULL ? (size_t)(c - p) : n;
			while (i < seg && lint_hint(p + i, seg - i, true, &off,
			    &hl)) {
				i += off;
				/* As many as check names in one file. */
				if (++found > 50)
					return;
				if (!hint_is_form_value(p, i, hl, n)) {
					h = xstrndup(p + i, hl);
					diag(DIAG_ERROR, file, line,
					    1 + (int)utf8_length(p, i),
					    "unfilled template hint \"%s\": "
					    "replace it with the real text", h);
					free(h);
				}
				i += hl;
			}
			if (c == NULL)
				break;
			i = seg + 4;
			comment = true;
		}
		if (nl == e)
			break;
	}
}

struct meeting *
meeting_parse(const char *dir, const char *data, size_t len,
    const char *schema_dir)
{
	struct meeting *m = xcalloc(1, sizeof(*m));
	struct mload ml;
	xmlDocPtr doc;
	xmlNodePtr root, n, c, prog = NULL;

	m->dir = xstrdup(dir);
	m->manifest = xasprintf("%s/meeting.xml", dir);
	memset(&ml, 0, sizeof(ml));
	ml.m = m;
	ml.file = m->manifest;
	ml.data = data;
	ml.len = len;
	doc = content_xml_load(m->manifest, data, len, schema_dir,
	    "meeting.rng", manifest_hints);
	if (doc == NULL) {
		hints_of_refused(m->manifest, data, len);
		meeting_free(m);
		return NULL;
	}
	root = xmlDocGetRootElement(doc);
	m->date = xml_attr(root, "date");
	{
		char	*why = iso_date_problem(m->date ? m->date : "",
		    "2026-12-08");

		int	 line, col;

		xml_locate(data, len, root, "date", &line, &col);
		if (why != NULL)
			diag(DIAG_ERROR, ml.file, line, col, "meeting date "
			    "\"%s\": %s", m->date ? m->date : "", why);
		free(why);
	}
	for (n = xmlFirstElementChild(root); n != NULL;
	    n = xmlNextElementSibling(n)) {
		if (xml_is(n, "organisation"))
			m->organisation = name_text(&ml, n);
		else if (xml_is(n, "body"))
			m->body = name_text(&ml, n);
		else if (xml_is(n, "session"))
			session(&ml, n);
		else if (xml_is(n, "secretary"))
			contact(n, &m->secretary);
		else if (xml_is(n, "chair"))
			contact(n, &m->chair);
		else if (xml_is(n, "program") && m->program == NULL) {
			char	*f = xml_attr(n, "file");

			m->program = program_entry(m, xml_line(n), f,
			    schema_dir);
			free(f);
			prog = n;
		} else if (xml_is(n, "agenda")) {
			for (c = n->children; c != NULL; c = c->next)
				if (c->type != XML_ELEMENT_NODE)
					;
				else if (m->nitems == CONTENT_MAX_ITEMS) {
					int	 line, col;

					xml_locate(data, len, c, NULL, &line,
					    &col);
					diag(DIAG_ERROR, ml.file, line, col,
					    "more than %d items on the "
					    "agenda, the most one meeting may "
					    "have: split the meeting",
					    CONTENT_MAX_ITEMS);
					break;
				} else {
					agenda_entry(&ml, c);
					check_title(&ml,
					    &m->items[m->nitems - 1]);
					item_session(&ml, c,
					    &m->items[m->nitems - 1]);
				}
		}
	}
	if (prog != NULL)
		program_place(&ml, prog);
	free(ml.st);
	free(ml.have);
	xmlFreeDoc(doc);
	/* The organisation profile and the documents behind the items. */
	meeting_documents(m, schema_dir);
	if (m->org != NULL) {
		m->closed_items = m->org->closed_items;
		m->publish_contacts = m->org->publish_contacts;
	}
	/* The figure files their texts place. */
	figures_load(m, schema_dir);
	/* The registers they place. */
	registers_load(m, schema_dir);
	if (m->org == NULL && has_documents(m))
		diag(DIAG_WARNING, m->manifest, 0, 0, "no organisation.xml in "
		    "the meeting folder or the two folders above it: the "
		    "documents will have no letterhead, logo or footer, "
		    "and no staff directory fills in contact data; write one "
		    "(see boardgen(5))");
	return m;
}

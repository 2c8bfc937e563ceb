/*
 * `boardgen init': a new meeting folder BODY/DATE whose meeting.xml is
 * filled from the body's previous meeting (organisation, body,
 * sessions, secretary, chair, the procedural items) and the nearest
 * organisation profile, with hints that `check' reports where neither
 * says.  Nothing is ever overwritten.  Also what `new' needs to write
 * hints in the body's own words: its previous meeting and dnr series.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../util/xml.h"
#include "extern.h"

/* Hints for what neither the previous meeting nor the profile says. */
#define HINT_ORGANISATION	"[Ange organisationens namn]"
#define HINT_BODY		"[Ange nämndens namn]"
#define HINT_TIME		"[Ange tid, t.ex. 09.00]"
#define HINT_PLACE		"[Ange plats]"
#define HINT_NAME		"[Skriv sekreterarens namn]"
#define HINT_EMAIL		"[Ange e-postadress]"
#define HINT_CHAIR		"[Skriv ordförandens namn och parti]"
/* The first item of every meeting, if the previous one names none. */
#define FIRST_ITEM		"Val av justerare och tid för justering"

static bool
is_dir(const char *p)
{
	struct stat st;

	return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

static bool
is_reg(const char *p)
{
	struct stat st;

	return stat(p, &st) == 0 && S_ISREG(st.st_mode);
}

char *
meeting_previous(const char *body, const char *date)
{
	DIR	*d;
	struct dirent *e;
	char	 best[16] = "", *p;

	if ((d = opendir(body)) == NULL)
		return NULL;
	while ((e = readdir(d)) != NULL) {
		if (strlen(e->d_name) != 10 || !iso_date_valid(e->d_name) ||
		    strcmp(e->d_name, date) >= 0 ||
		    strcmp(e->d_name, best) <= 0)
			continue;
		p = xasprintf("%s/%s/meeting.xml", body, e->d_name);
		if (is_reg(p))
			memcpy(best, e->d_name, 11);
		free(p);
	}
	closedir(d);
	return best[0] != '\0' ? xasprintf("%s/%s", body, best) : NULL;
}

/* The series of one "dnr:" header line's value ("RS/1502/2026": RS). */
static char *
series_of_line(const char *s, size_t n)
{
	char	*v, *slash, *series = NULL;
	size_t	 a = 0;

	while (a < n && (s[a] == ' ' || s[a] == '\t'))
		a++;
	while (n > a && (s[n - 1] == ' ' || s[n - 1] == '\t' ||
	    s[n - 1] == '\r'))
		n--;
	v = xstrndup(s + a, n - a);
	if (dnr_valid(v) && (slash = strchr(v, '/')) != NULL)
		series = xstrndup(v, (size_t)(slash - v));
	free(v);
	return series;
}

char *
dnr_series(const char *mdir)
{
	char	*folder = xasprintf("%s/arenden", mdir), *path, *data;
	char	*seen[64], *best = NULL, *s;
	int	 count[64], nseen = 0, i, top = 0;
	const char *line, *end;
	struct dirent *e;
	size_t	 len;
	DIR	*d;

	if ((d = opendir(folder)) == NULL) {
		free(folder);
		return NULL;
	}
	while ((e = readdir(d)) != NULL) {
		len = strlen(e->d_name);
		if (len < 4 || strcmp(e->d_name + len - 3, ".md") != 0)
			continue;
		path = xasprintf("%s/%s", folder, e->d_name);
		if (!is_reg(path) ||
		    !file_read_quiet(path, CONTENT_MAX_CASE, &data, &len)) {
			free(path);
			continue;
		}
		free(path);
		/* The header only: from "---" to "---". */
		if (strncmp(data, "---", 3) != 0) {
			free(data);
			continue;
		}
		for (line = strchr(data, '\n'); line != NULL &&
		    strncmp(line + 1, "---", 3) != 0; line = end) {
			line++;
			if ((end = strchr(line, '\n')) == NULL)
				end = line + strlen(line);
			s = strncmp(line, "dnr:", 4) == 0 ? series_of_line(
			    line + 4, (size_t)(end - line - 4)) : NULL;
			if (*end == '\0')
				end = NULL;
			if (s == NULL)
				continue;
			for (i = 0; i < nseen && strcmp(seen[i], s) != 0; i++)
				continue;
			if (i < nseen) {
				count[i]++;
				free(s);
			} else if (nseen < 64) {
				seen[nseen] = s;
				count[nseen++] = 1;
			} else
				free(s);
		}
		free(data);
	}
	closedir(d);
	free(folder);
	/* The most used; of equals, the first in the alphabet (the
	 * order of a folder's entries is not the same everywhere). */
	for (i = 0; i < nseen; i++)
		if (best == NULL || count[i] > top ||
		    (count[i] == top && strcmp(seen[i], best) < 0)) {
			best = seen[i];
			top = count[i];
		}
	best = best != NULL ? xstrdup(best) : NULL;
	for (i = 0; i < nseen; i++)
		free(seen[i]);
	return best;
}

/* Text or an attribute value as XML writes it. */
static void
put_escaped(struct buf *b, const char *s)
{
	for (; *s != '\0'; s++)
		switch (*s) {
		case '&': buf_puts(b, "&amp;"); break;
		case '<': buf_puts(b, "&lt;"); break;
		case '>': buf_puts(b, "&gt;"); break;
		case '"': buf_puts(b, "&quot;"); break;
		default: buf_putc(b, *s); break;
		}
}

static void
put_attr(struct buf *b, const char *name, const char *value)
{
	buf_printf(b, " %s=\"", name);
	put_escaped(b, value);
	buf_putc(b, '"');
}

/* An element of the previous meeting with its attributes as they were,
 * but those named in `drop'. */
static void
put_copy(struct buf *b, xmlNodePtr n, const char *drop)
{
	xmlAttrPtr a;
	char	*v;

	buf_printf(b, "  <%s", (const char *)n->name);
	for (a = n->properties; a != NULL; a = a->next) {
		if (drop != NULL && strcmp((const char *)a->name, drop) == 0)
			continue;
		if ((v = xml_attr(n, (const char *)a->name)) != NULL)
			put_attr(b, (const char *)a->name, v);
		free(v);
	}
	buf_puts(b, "/>\n");
}

static void
put_text_element(struct buf *b, const char *name, const char *text)
{
	buf_printf(b, "  <%s>", name);
	put_escaped(b, text);
	buf_printf(b, "</%s>\n", name);
}

/* The staff directory's one secretary ("Nämndsekreterare",
 * "Kommunsekreterare"), or NULL if it has none or several. */
static const struct contact *
profile_secretary(const struct organisation *o)
{
	const struct contact *found = NULL;
	size_t	 i;

	for (i = 0; o != NULL && i < o->npeople; i++) {
		const char *r = o->people[i].role;
		size_t	 n = r != NULL ? strlen(r) : 0;

		if (n < 11 || strcasecmp(r + n - 11, "sekreterare") != 0 ||
		    o->people[i].email == NULL)
			continue;
		if (found != NULL)
			return NULL;
		found = &o->people[i];
	}
	return found;
}

/* The first element named `name' under n, or NULL. */
static xmlNodePtr
child(xmlNodePtr n, const char *name)
{
	for (n = n != NULL ? n->children : NULL; n != NULL; n = n->next)
		if (n->type == XML_ELEMENT_NODE && xml_is(n, name))
			return n;
	return NULL;
}

/* The new meeting.xml. */
static void
write_manifest(struct buf *b, const char *date, xmlNodePtr prev,
    const struct organisation *org)
{
	const struct contact *sec;
	xmlNodePtr n, c;
	char	*t;
	bool	 any;

	buf_printf(b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	    "<meeting date=\"%s\">\n", date);
	if (org != NULL && org->name != NULL)
		put_text_element(b, "organisation", org->name);
	else if ((n = child(prev, "organisation")) != NULL) {
		t = xml_text(n);
		put_text_element(b, "organisation", t);
		free(t);
	} else
		put_text_element(b, "organisation", HINT_ORGANISATION);
	if ((n = child(prev, "body")) != NULL) {
		t = xml_text(n);
		put_text_element(b, "body", t);
		free(t);
	} else
		put_text_element(b, "body", HINT_BODY);
	any = false;
	for (n = prev != NULL ? prev->children : NULL; n != NULL; n = n->next)
		if (n->type == XML_ELEMENT_NODE && xml_is(n, "session")) {
			put_copy(b, n, NULL);
			any = true;
		}
	if (!any)
		buf_puts(b, "  <session start=\"" HINT_TIME "\" place=\""
		    HINT_PLACE "\"/>\n");
	if ((n = child(prev, "secretary")) != NULL)
		put_copy(b, n, NULL);
	else if ((sec = profile_secretary(org)) != NULL) {
		buf_puts(b, "  <secretary");
		put_attr(b, "name", sec->name);
		if (sec->role != NULL)
			put_attr(b, "role", sec->role);
		if (sec->phone != NULL)
			put_attr(b, "phone", sec->phone);
		put_attr(b, "email", sec->email);
		buf_puts(b, "/>\n");
	} else
		buf_puts(b, "  <secretary name=\"" HINT_NAME "\" email=\""
		    HINT_EMAIL "\"/>\n");
	if ((n = child(prev, "chair")) != NULL)
		put_copy(b, n, NULL);
	else
		buf_puts(b, "  <chair name=\"" HINT_CHAIR "\"/>\n");
	buf_puts(b, "  <agenda>\n");
	/* The standing items, without their notes (a justering date,
	 * a name: the previous meeting's). */
	any = false;
	for (c = (n = child(prev, "agenda")) != NULL ? n->children : NULL;
	    c != NULL; c = c->next) {
		if (c->type != XML_ELEMENT_NODE || !xml_is(c, "procedural"))
			continue;
		t = xml_text(c);
		buf_puts(b, "    <procedural");
		if ((n = (xmlNodePtr)xmlHasProp(c,
		    (const xmlChar *)"session")) != NULL) {
			char	*s = xml_attr(c, "session");

			put_attr(b, "session", s);
			free(s);
		}
		buf_putc(b, '>');
		put_escaped(b, t);
		buf_puts(b, "</procedural>\n");
		free(t);
		any = true;
	}
	if (!any)
		buf_puts(b, "    <procedural>" FIRST_ITEM "</procedural>\n");
	buf_puts(b, "  </agenda>\n</meeting>\n");
}

/* Copies from/name to to/name, never over a file; 0 after reporting. */
static int
copy_file(const char *from, const char *to)
{
	char	*data;
	size_t	 len;
	int	 fd;

	if (!file_read(from, CONTENT_MAX_TEXT, &data, &len))
		return 0;
	if ((fd = open(to, O_WRONLY | O_CREAT | O_EXCL, 0666)) == -1) {
		diag(DIAG_ERROR, to, 0, 0, "cannot create the file: %s",
		    strerror(errno));
		free(data);
		return 0;
	}
	if (write(fd, data, len) != (ssize_t)len || close(fd) != 0) {
		file_write_error(to, errno);
		unlink(to);
		free(data);
		return 0;
	}
	free(data);
	return 1;
}

/*
 * The previous meeting's own profile (in its folder), which the new
 * folder does not see: copied with its logo beside it.  Returns the
 * profile loaded from the copy, NULL if there was none to copy or after
 * reporting (*failed).
 */
static struct organisation *
copy_profile(const char *prevdir, const char *dir, const char *schema_dir,
    bool *failed)
{
	struct organisation *o, *copy = NULL;
	char	*from = xasprintf("%s/organisation.xml", prevdir);
	char	*to = xasprintf("%s/organisation.xml", dir), *lt = NULL;
	const char *rel;

	if (!is_reg(from)) {
		free(from);
		free(to);
		return NULL;
	}
	if ((o = organisation_load(from, schema_dir)) == NULL)
		goto fail;
	rel = o->logo != NULL && strncmp(o->logo, prevdir, strlen(prevdir)) ==
	    0 && o->logo[strlen(prevdir)] == '/' ? o->logo +
	    strlen(prevdir) + 1 : NULL;
	if (o->logo != NULL && (rel == NULL || strchr(rel, '/') != NULL)) {
		diag(DIAG_ERROR, from, o->logo_pos.line, 0, "the logo is in a "
		    "folder of its own: copy organisation.xml and the logo "
		    "into %s yourself, or move them up into the body's folder "
		    "for every meeting", dir);
		goto fail;
	}
	if (rel != NULL) {
		lt = xasprintf("%s/%s", dir, rel);
		if (!copy_file(o->logo, lt))
			goto fail;
	}
	if (!copy_file(from, to))
		goto fail;
	copy = organisation_load(to, schema_dir);
	*failed = copy == NULL;
	organisation_free(o);
	free(lt);
	free(from);
	free(to);
	return copy;
fail:
	if (lt != NULL)
		unlink(lt);
	*failed = true;
	organisation_free(o);
	free(lt);
	free(from);
	free(to);
	return NULL;
}

char *
meeting_init(const char *body, const char *date, const char *schema_dir,
    struct init_from *from)
{
	struct organisation *org = NULL;
	xmlDocPtr prev = NULL;
	char	*dir = NULL, *manifest = NULL, *data = NULL, *pm = NULL;
	struct buf b = { 0 };
	size_t	 len;
	bool	 made = false, failed = false, ok = false;
	int	 fd;

	memset(from, 0, sizeof(*from));
	if (!iso_date_valid(date)) {
		if (strlen(date) == 10 && strspn(date, "0123456789-") == 10 &&
		    date[4] == '-' && date[7] == '-')
			diag(DIAG_ERROR, NULL, 0, 0, "\"%s\": there is no such "
			    "day in the calendar: check the day and the month",
			    date);
		else
			diag(DIAG_ERROR, NULL, 0, 0, "\"%s\" is not a date: "
			    "write the meeting's date as YYYY-MM-DD, e.g. "
			    "2027-02-10", date);
		return NULL;
	}
	if (!is_dir(body) && mkdir(body, 0777) == -1) {
		diag(DIAG_ERROR, body, 0, 0, "cannot create the body's folder: "
		    "%s%s", strerror(errno), errno == ENOENT ? " (create the "
		    "folder above it first)" : "");
		return NULL;
	}
	dir = xasprintf("%s/%s", body, date);
	manifest = xasprintf("%s/meeting.xml", dir);
	if (is_reg(manifest) || (!is_dir(dir) && access(dir, F_OK) == 0)) {
		diag(DIAG_ERROR, manifest, 0, 0, "the meeting exists already: "
		    "it is left as it is; add cases with boardgen new %s "
		    "\"TITLE\"", dir);
		goto done;
	}
	if ((from->previous = meeting_previous(body, date)) != NULL) {
		pm = xasprintf("%s/meeting.xml", from->previous);
		if (!file_read(pm, CONTENT_MAX_MANIFEST, &data, &len) ||
		    (prev = xml_load_memory(pm, data, len, NULL, NULL)) ==
		    NULL)
			goto done;
	}
	if (!is_dir(dir)) {
		if (mkdir(dir, 0777) == -1) {
			diag(DIAG_ERROR, dir, 0, 0, "cannot create the folder: "
			    "%s", strerror(errno));
			goto done;
		}
		made = true;
	}
	if (!organisation_find(dir, schema_dir, &org))
		goto done;
	if (org == NULL && from->previous != NULL) {
		if ((org = copy_profile(from->previous, dir, schema_dir,
		    &failed)) == NULL && failed)
			goto done;
		from->profile_copied = org != NULL;
	}
	if (org != NULL) {
		/* Shown as "body/organisation.xml", not through "..". */
		from->profile = xstrdup(org->path);
		content_path_normalise(from->profile);
	}
	write_manifest(&b, date, prev != NULL ? xmlDocGetRootElement(prev) :
	    NULL, org);
	if ((fd = open(manifest, O_WRONLY | O_CREAT | O_EXCL, 0666)) == -1) {
		if (errno == EEXIST)
			diag(DIAG_ERROR, manifest, 0, 0, "the meeting exists "
			    "already: it is left as it is");
		else
			diag(DIAG_ERROR, manifest, 0, 0, "cannot create the "
			    "file: %s", strerror(errno));
		goto done;
	}
	if (write(fd, b.data, b.len) != (ssize_t)b.len || close(fd) != 0) {
		file_write_error(manifest, errno);
		unlink(manifest);
		goto done;
	}
	from->hints = lint_hint(b.data, b.len, true, &len, &len);
	ok = true;
done:
	if (!ok && from->profile_copied) {
		char	*p = xasprintf("%s/organisation.xml", dir);

		unlink(p);
		free(p);
	}
	if (!ok && made)
		rmdir(dir);	/* only if nothing else is in it */
	buf_free(&b);
	organisation_free(org);
	xmlFreeDoc(prev);
	free(data);
	free(pm);
	free(manifest);
	if (ok)
		return dir;
	free(dir);
	free(from->previous);
	free(from->profile);
	memset(from, 0, sizeof(*from));
	return NULL;
}

/*
 * `boardgen new': a new case file with its metadata header, the four
 * sections and hints in place of the text.  `check' reports every hint
 * until it is filled.  The file is created, never overwritten, and the
 * case is added to the end of the agenda in meeting.xml without
 * touching the rest of the file.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../util/xml.h"
#include "extern.h"

/* Longest file name made from a title, in bytes (before ".md"). */

static const char scaffold[] =
"---\n"
"dnr: %s\n"
"title: %s\n"
"kind: beslut\n"
"datum: [Ange tjänsteskrivelsens datum, ÅÅÅÅ-MM-DD]\n"
"förvaltning: [Ange förvaltning]\n"
"handläggare: [Skriv handläggarens namn]\n"
"tfn: [Ange telefonnummer, t.ex. 010-123 45 67]\n"
"e-post: [Ange e-postadress]\n"
"undertecknare: [Skriv namn och titel på den som undertecknar]\n"
"---\n"
"\n"
"# Ärendebeskrivning\n"
"\n"
"[Skriv bakgrunden till ärendet: vad det gäller, vad som har hänt "
"och vad förvaltningen bedömer.]\n"
"\n"
"# Förslag till beslut\n"
"\n"
"%s\n"
"\n"
"# Expedieras till\n"
"\n"
"[Skriv mottagarna, en per rad]\n"
"\n"
"# Beslutsunderlag\n"
"\n"
"- Tjänsteskrivelse\n";

static int
title_ok(const char *title)
{
	size_t	 len = strlen(title), i, n;
	uint32_t cp;

	if (strspn(title, " \t") == len) {
		diag(DIAG_ERROR, NULL, 0, 0, "the title is empty: give the "
		    "case's title, e.g. \"Motion om fler laddstolpar\"");
		return 0;
	}
	for (i = 0; i < len; i += n) {
		if ((n = utf8_decode(title + i, len - i, &cp)) == 0) {
			diag(DIAG_ERROR, NULL, 0, 0, "the title is not UTF-8: "
			    "check the terminal's character set");
			return 0;
		}
		if (cp < 0x20 || cp == 0x7f) {
			diag(DIAG_ERROR, NULL, 0, 0, "the title holds a line "
			    "break or a control character: give it on one "
			    "line");
			return 0;
		}
		if (unicode_format_name(cp) != NULL) {
			diag(DIAG_ERROR, NULL, 0, 0, "the title holds the "
			    "invisible format character U+%04X (%s): give it "
			    "without", (unsigned)cp, unicode_format_name(cp));
			return 0;
		}
	}
	if (utf8_length(title, len) > CONTENT_MAX_TITLE) {
		diag(DIAG_ERROR, NULL, 0, 0, "the title is %zu characters "
		    "long: keep it under %d", utf8_length(title, len),
		    CONTENT_MAX_TITLE);
		return 0;
	}
	return 1;
}

/* Agenda entries in meeting.xml (its structure only: a meeting whose
 * case files have errors still gets new cases). */
static int
agenda_count(const char *manifest, const char *data, size_t len,
    char **body, char **date)
{
	xmlDocPtr doc;
	xmlNodePtr n, c;
	int	 count = -1;

	if ((doc = xml_load_memory(manifest, data, len, NULL, NULL)) == NULL)
		return -1;
	*date = xml_attr(xmlDocGetRootElement(doc), "date");
	for (n = xmlDocGetRootElement(doc)->children; n; n = n->next)
		if (n->type == XML_ELEMENT_NODE && xml_is(n, "body") &&
		    *body == NULL)
			*body = xml_text(n);
		else if (n->type == XML_ELEMENT_NODE && xml_is(n, "agenda")) {
			count = 0;
			for (c = n->children; c != NULL; c = c->next)
				if (c->type == XML_ELEMENT_NODE)
					count++;
		}
	xmlFreeDoc(doc);
	if (count < 0)
		diag(DIAG_ERROR, manifest, 0, 0, "there is no <agenda>: add "
		    "<agenda> ... </agenda> at the end of <meeting>");
	return count;
}

/*
 * The manifest with `<case file="..."/>' as the agenda's last entry: a
 * line of its own before "</agenda>", indented like the line above.
 * NULL if "</agenda>" is not alone on its line (the caller then says
 * what to add).
 */
static char *
add_to_agenda(const char *data, size_t len, const char *file)
{
	const char *close = NULL, *p, *ls, *prev, *ind;
	struct buf b = { 0 };
	bool	 crlf;

	for (p = data; (p = strstr(p, "</agenda>")) != NULL; p++) {
		if (close != NULL)
			return NULL;	/* twice: in a comment? */
		close = p;
	}
	if (close == NULL)
		return NULL;
	for (ls = close; ls > data && ls[-1] != '\n'; ls--)
		if (ls[-1] != ' ' && ls[-1] != '\t')
			return NULL;
	/* The indentation of the line above (the last entry). */
	prev = ls;
	if (prev > data)
		prev--;
	while (prev > data && prev[-1] != '\n')
		prev--;
	for (ind = prev; *ind == ' ' || *ind == '\t'; ind++)
		continue;
	crlf = ls >= data + 2 && ls[-2] == '\r';
	buf_put(&b, data, (size_t)(ls - data));
	if (prev < ls && *ind != '<')
		ind = prev;	/* not an element line: no indentation */
	buf_put(&b, prev, (size_t)(ind - prev));
	buf_printf(&b, "<case file=\"%s\"/>%s", file, crlf ? "\r\n" : "\n");
	buf_put(&b, ls, len - (size_t)(ls - data));
	return buf_detach(&b);
}

/* The folder above a meeting folder: its body's. */
static char *
parent_of(const char *dir)
{
	const char *slash = strrchr(dir, '/'), *base = slash ? slash + 1 : dir;

	if (strcmp(base, ".") == 0 || strcmp(base, "..") == 0 || *base == '\0')
		return xasprintf("%s/..", dir);
	return slash != NULL ? xstrndup(dir, (size_t)(slash - dir)) :
	    xstrdup(".");
}

/* The hints of a new case in the body's own words: the dnr series of
 * this meeting's cases (else of the body's previous meeting's) and
 * the meeting's year; the body's name in the proposal. */
static void
body_hints(const char *dir, const char *body, const char *date,
    char **dnr, char **proposal)
{
	char	*series = dnr_series(dir), *parent, *prev;
	char	 year[16] = "ÅÅÅÅ";
	size_t	 off, n;

	if (date != NULL && iso_date_valid(date))
		snprintf(year, sizeof(year), "%.4s", date);
	if (series == NULL && date != NULL && iso_date_valid(date)) {
		parent = parent_of(dir);
		if ((prev = meeting_previous(parent, date)) != NULL)
			series = dnr_series(prev);
		free(prev);
		free(parent);
	}
	*dnr = series != NULL ? xasprintf("[Ange dnr: %s/NUMMER/%s]", series,
	    year) : xasprintf("[Ange dnr: SERIE/NUMMER/%s]", year);
	*proposal = body != NULL && *body != '\0' &&
	    !lint_hint(body, strlen(body), false, &off, &n) ?
	    xasprintf("[Skriv förslaget, t.ex. %s beslutar att ...]", body) :
	    xstrdup("[Skriv förslaget: nämnden beslutar att ...]");
	free(series);
}

char *
case_new(const char *dir, const char *title, int *number, bool *added)
{
	char	*manifest, *data = NULL, *slug = NULL, *rel = NULL;
	char	*path = NULL, *folder = NULL, *text = NULL, *edited = NULL;
	char	*body = NULL, *date = NULL, *dnr = NULL, *proposal = NULL;
	size_t	 len;
	int	 fd, count;
	struct buf b = { 0 };

	*added = false;
	*number = 0;
	manifest = xasprintf("%s/meeting.xml", dir);
	if (!title_ok(title))
		goto fail;
	if (!file_read(manifest, CONTENT_MAX_MANIFEST, &data, &len))
		goto fail;
	if ((count = agenda_count(manifest, data, len, &body, &date)) < 0)
		goto fail;
	*number = count + 1;
	slug = case_slug(title);
	rel = xasprintf("arenden/%02d-%s.md", *number, slug);
	folder = xasprintf("%s/arenden", dir);
	if (mkdir(folder, 0777) == -1 && errno != EEXIST) {
		diag(DIAG_ERROR, folder, 0, 0, "cannot create the folder: %s",
		    strerror(errno));
		goto fail;
	}
	path = xasprintf("%s/%s", dir, rel);
	body_hints(dir, body, date, &dnr, &proposal);
	/* The title goes into a "key: value" line as it is; quotes
	 * around it would be taken off, so a quoted title keeps them by
	 * being quoted once more. */
	if ((title[0] == '"' || title[0] == '\'') &&
	    title[strlen(title) - 1] == title[0])
		buf_printf(&b, scaffold, dnr, text = xasprintf("'%s'", title),
		    proposal);
	else
		buf_printf(&b, scaffold, dnr, title, proposal);
	/* O_EXCL: an existing file, or one made meanwhile, is never
	 * overwritten. */
	if ((fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0666)) == -1) {
		if (errno == EEXIST)
			diag(DIAG_ERROR, path, 0, 0, "the file already exists: "
			    "it is left as it is; give another title or move "
			    "the file away");
		else
			diag(DIAG_ERROR, path, 0, 0, "cannot create the file: "
			    "%s", strerror(errno));
		goto fail;
	}
	if (write(fd, b.data, b.len) != (ssize_t)b.len || close(fd) != 0) {
		diag(DIAG_ERROR, path, 0, 0, "cannot write the file: %s",
		    strerror(errno));
		unlink(path);
		goto fail;
	}
	if ((edited = add_to_agenda(data, len, rel)) != NULL) {
		if (!file_write_atomic(manifest, edited, strlen(edited)))
			goto done;
		*added = true;
	}
done:
	free(dnr);
	free(proposal);
	free(body);
	free(date);
	free(edited);
	free(text);
	buf_free(&b);
	free(folder);
	free(slug);
	free(data);
	free(manifest);
	free(path);
	return rel;
fail:
	free(dnr);
	free(proposal);
	free(body);
	free(date);
	free(text);
	buf_free(&b);
	free(folder);
	free(path);
	free(rel);
	free(slug);
	free(data);
	free(manifest);
	return NULL;
}

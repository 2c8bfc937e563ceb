/*
 * boardgen: turns a meeting folder into a numbered PDF board pack.
 * The command line: reads arguments, runs the stages in order, prints
 * the diagnostics they collected and decides the exit status.
 */
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "util/util.h"
#include "util/xml.h"
#include "model/model.h"
#include "content/content.h"
#include "template/template.h"
#include "layout/layout.h"
#include "pdf/pdf.h"
#include "site/site.h"

#ifndef BOARDGEN_VERSION
#define BOARDGEN_VERSION "0.0.0"
#endif
#ifndef BOARDGEN_DATADIR
#define BOARDGEN_DATADIR "/usr/local/share/boardgen"
#endif

/* Warnings build prints before it counts the rest. */
#define BUILD_MAX_WARNINGS	5

static const char usage_text[] =
"usage: boardgen build MEETING-FOLDER -o FILE.pdf [-s] [--templates DIR]\n"
"                     [--allow-failed-checks] [--public] [--final]\n"
"       boardgen check MEETING-FOLDER [-s] [--templates DIR]\n"
"       boardgen render CASE-OR-DOCUMENT.md -o FILE.pdf [--watch] [-s]\n"
"                     [--templates DIR]\n"
"       boardgen init BODY-FOLDER YYYY-MM-DD\n"
"       boardgen new MEETING-FOLDER \"TITLE\"\n"
"       boardgen protocol MEETING-FOLDER -o FILE.pdf [--public] [--templates DIR]\n"
"       boardgen extract MEETING-FOLDER -o FOLDER [--public] [--templates DIR]\n"
"       boardgen site CONTENT-FOLDER -o SITE-FOLDER [--today YYYY-MM-DD]\n"
"                     [--base-url URL] [--pdf] [-j N] [--force] [--no-search]\n"
"                     [-s]\n"
"       boardgen --help | --version\n";

static const char help_text[] =
"boardgen turns a meeting folder into a numbered PDF board pack.\n"
"\n"
"Commands:\n"
"  build FOLDER -o FILE.pdf   read FOLDER/meeting.xml and what it names and\n"
"                             write the pack (cover, agenda with page numbers,\n"
"                             program, each item followed by its documents)\n"
"                             to FILE.pdf; prints five warnings at most\n"
"  check FOLDER               report every problem at once as file:line:col\n"
"                             (errors and warnings, then a summary line),\n"
"                             write nothing; exit 1 if anything is an error\n"
"  render FILE.md -o FILE.pdf one document alone, as in the pack: a case\n"
"                             file's tjänsteskrivelse, or a report, letter\n"
"                             or program; the meeting (body, date,\n"
"                             organisation profile) is found from the file up;\n"
"                             with --watch again whenever the file or what it\n"
"                             uses changes (figures, case file, meeting.xml,\n"
"                             profile, logo, templates), a line per render,\n"
"                             until Ctrl-C\n"
"  init BODY DATE             start the meeting BODY/DATE: its meeting.xml\n"
"                             from the body's previous meeting (organisation,\n"
"                             body, sessions, secretary, chair, standing\n"
"                             items) and the organisation profile, hints for\n"
"                             the rest; never over an existing meeting\n"
"  new FOLDER \"TITLE\"         write a new case file arenden/NN-title.md with\n"
"                             hints to fill in (the body's dnr series and\n"
"                             name), and add it to the agenda; a folder\n"
"                             BODY/DATE without meeting.xml is started first\n"
"                             as init would\n"
"  protocol FOLDER -o FILE.pdf the protocol from FOLDER/protokoll.xml: cover\n"
"                             with attendance and signatures, a § per item\n"
"                             with motions, votes, decision, reservations;\n"
"                             nothing is written while check finds errors;\n"
"                             with --public closed items' paragraphs as\n"
"                             number and title\n"
"  extract FOLDER -o DIR      one protokollsutdrag per § into DIR, named\n"
"                             BODY-DATE-paragraf-N.pdf; with --public those\n"
"                             that may be published (none of a closed item)\n"
"  site CONTENT -o FOLDER     the public web site of every meeting folder\n"
"                             CONTENT/BODY/DATE/: start page, a page per\n"
"                             meeting, item and document, registers, open\n"
"                             data (JSON after OParl, CSV) and an Atom feed;\n"
"                             only what changed is read and written again\n"
"\n"
"Options:\n"
"  -o, --output FILE          where build writes the PDF (written to a temporary\n"
"                             file first: a failed build leaves FILE untouched)\n"
"  -t, --templates DIR        template folder (default: the installed templates,\n"
"                             or $BOARDGEN_TEMPLATES)\n"
"  -s, --stats                print timings, pages and peak memory to stderr\n"
"      --allow-failed-checks  build even if a figure's declared check fails:\n"
"                             the failures are warnings, and the pack says so\n"
"                             under each such table and in its metadata\n"
"      --today YYYY-MM-DD     site: meetings from this date on are upcoming\n"
"                             (default: the date of SOURCE_DATE_EPOCH; without\n"
"                             either the lists are not split)\n"
"      --base-url URL         site: its public address, for the feed and the\n"
"                             JSON ids (else they are relative)\n"
"      --pdf                  site: also write each meeting's pack beside its\n"
"                             page, and link it\n"
"  -j, --jobs N               site: worker processes (default: one per core)\n"
"      --force                site: read every meeting again\n"
"      --no-search            site: no search page and no search index\n"
"      --watch                render: render again on every change\n"
"      --final                build the pack to send: refuse it if check\n"
"                             has errors or a Beslutsunderlag entry names a\n"
"                             document that is not in the pack (and is not\n"
"                             marked \"(finns hos nämndsekreteraren)\")\n"
"      --public               build the public pack: closed items as number\n"
"                             and title, secret fields as their notes,\n"
"                             officials' direct contacts left out (see\n"
"                             <publishing> in organisation.xml); a\n"
"                             personnummer in what it shows is an error\n"
"  -h, --help                 this text\n"
"  -V, --version              the version\n"
"\n"
"Exit status: 0 done, 1 the input has errors (see the messages), 2 usage,\n"
"3 out of memory.\n"
"Timestamps in the PDF come from SOURCE_DATE_EPOCH if set, else from the\n"
"meeting date, so the same input always gives the same bytes.\n"
"See boardgen(1) and boardgen(5).\n";

/* Everything the command line says, passed down to the command. */
struct options {
	const char	*out;		/* -o: the PDF file or the site folder */
	const char	*templates;	/* --templates, or NULL */
	char		*tdir;		/* the template folder found */
	char		*summary;	/* the closing line on stdout, printed
					 * after the diagnostics on stderr */
	bool		 stats;		/* -s */
	bool		 allow_failed_checks; /* failed checks are warnings */
	bool		 public_pack;	/* --public: the pack as published */
	bool		 final_pack;	/* --final: the pack to send */
	bool		 watch;		/* render --watch */
	size_t		 final_problems; /* what --final would refuse, */
	size_t		 final_unplaced; /* of which Beslutsunderlag entries */
	struct site_options site;	/* --today, --base-url, --pdf, -j,
					 * --force */
	char	       **args;		/* the command's arguments */
};

static int
is_dir(const char *p)
{
	struct stat st;

	return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

/* Templates: the option, the environment, then beside the binary: the
 * source tree (gen/boardgen next to templates/) or an installation
 * (bin/boardgen next to share/boardgen/, whatever PREFIX and DESTDIR
 * were), and last the data folder compiled in. */
static char *
find_templates(const char *opt)
{
	static const char *const rel[] = {
		"../templates", "../share/boardgen"
	};
	char	 exe[PATH_MAX], *p, *cand, *real;
	ssize_t	 n;
	size_t	 i;

	if (opt != NULL)
		return xstrdup(opt);
	if ((p = getenv("BOARDGEN_TEMPLATES")) != NULL && *p != '\0')
		return xstrdup(p);
	if ((n = readlink("/proc/self/exe", exe, sizeof(exe) - 1)) > 0) {
		exe[n] = '\0';
		if ((p = strrchr(exe, '/')) != NULL) {
			*p = '\0';
			for (i = 0; i < sizeof(rel) / sizeof(rel[0]); i++) {
				cand = xasprintf("%s/%s/pack.xml", exe, rel[i]);
				real = realpath(cand, NULL);
				free(cand);
				if (real != NULL) {
					*strrchr(real, '/') = '\0';
					return real;
				}
			}
		}
	}
	return xstrdup(BOARDGEN_DATADIR);
}

static int
is_file_named(const char *path, const char *name)
{
	struct stat st;
	size_t	 lp = strlen(path), ln = strlen(name);

	return lp >= ln && strcmp(path + lp - ln, name) == 0 &&
	    (lp == ln || path[lp - ln - 1] == '/') &&
	    stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

/* What is at out may be replaced: not a file of the kinds a meeting is
 * written in (a manifest, a case file, a figure named by mistake). */
static int
output_may_replace(const char *out)
{
	static const char *inputs[] = { ".xml", ".md", ".csv", ".png",
	    ".rng" };
	size_t	 i, n = strlen(out), k;

	if (access(out, F_OK) != 0)
		return 1;
	for (i = 0; i < sizeof(inputs) / sizeof(inputs[0]); i++)
		if (n >= (k = strlen(inputs[i])) &&
		    strcasecmp(out + n - k, inputs[i]) == 0)
			return 0;
	return 1;
}

/* The output's folder must exist: said before any work is done. */
static int
output_folder_ok(const char *out)
{
	char	*d = xstrdup(out), *slash = strrchr(d, '/');
	int	 ok = 1;

	if (strlen(out) >= PATH_MAX) {
		fprintf(stderr, "boardgen: the output path is too long (%zu "
		    "bytes; the system takes fewer than %d): give a shorter "
		    "one\n", strlen(out), PATH_MAX);
		free(d);
		return 0;
	}
	if (slash != NULL) {
		*slash = '\0';
		if (*d != '\0' && !is_dir(d)) {
			fprintf(stderr, "boardgen: the output folder \"%s\" "
			    "does not exist: create it first (mkdir -p %s)\n",
			    d, d);
			ok = 0;
		}
	}
	if (ok && is_dir(out)) {
		fprintf(stderr, "boardgen: \"%s\" is a folder: give -o a "
		    "file name such as %s/pack.pdf\n", out, out);
		ok = 0;
	}
	if (ok && !output_may_replace(out)) {
		fprintf(stderr, "boardgen: \"%s\" exists and is a file of "
		    "the kind a meeting is written in (a manifest, a case file, "
		    "a figure): it is not written over; give -o a name such as "
		    "pack.pdf\n", out);
		ok = 0;
	}
	free(d);
	return ok;
}

/* The stage timings of write_pack, for -s. */
struct pack_times {
	double	 filled;		/* the template filled */
	double	 laid_out;		/* the pages laid out */
	double	 written;		/* the PDF written (0: none) */
};

/* The public pack's last guard, on the file before it is written. */
static int
guard_pdf(void *arg, const char *path, const char *data, size_t len)
{
	return guard_check(arg, path, data, len) == 0;
}

static int write_doc(struct doc *, const char *, size_t *,
    struct pack_times *, const struct guard *, size_t);

/* The one way a meeting becomes a PDF: the template (the whole pack, or
 * one document of it when doc is given), the fonts, layout and, when out
 * is given, the writer; g: the public pack's guard, or NULL.  Sets
 * *pages; returns 0 on failure. */
static int
write_pack(const struct meeting *m, const struct document *doc,
    const char *tdir, const char *out, size_t *pages, struct pack_times *t,
    const struct guard *g)
{
	struct doc *d = NULL;
	char	*sdir = xasprintf("%s/schema", tdir);
	size_t	 errors = diag_errors();
	int	 ok = 0;

	if (doc != NULL)
		d = template_document(m, doc, tdir, sdir);
	else if ((d = template_pack(m, tdir, sdir)) != NULL &&
	    diag_errors() > 0)
		goto out;	/* a pack is made only of a clean meeting */
	if (d == NULL)
		goto out;
	if (t != NULL)
		t->filled = now();
	ok = write_doc(d, out, pages, t, g, errors);
	d = NULL;
out:
	doc_free(d);
	free(sdir);
	return ok;
}

/* A filled document laid out and, when out is given, written; frees d.
 * errors: the count before the document was made. */
static int
write_doc(struct doc *d, const char *out, size_t *pages,
    struct pack_times *t, const struct guard *g, size_t errors)
{
	struct fontset *fs = NULL;
	struct pages *p = NULL;
	int	 ok = 0;

	/* A font refused while laying out is an error even where the
	 * fallback font stood in: no file is written. */
	if ((fs = fontset_new(d)) == NULL ||
	    (p = layout_doc(d, fs)) == NULL || diag_errors() > errors)
		goto out;
	/* The pages need no font data: what layout read is not kept
	 * while the writer reads the fonts it embeds. */
	fontset_free(fs);
	fs = NULL;
	if (t != NULL)
		t->laid_out = now();
	if (out != NULL) {
		if (g != NULL ? !pdf_write_checked(out, d, p, guard_pdf,
		    (void *)g) : !pdf_write(out, d, p))
			goto out;
		if (t != NULL)
			t->written = now();
	}
	*pages = p->n;
	ok = 1;
out:
	pages_free(p);
	fontset_free(fs);
	doc_free(d);
	return ok;
}

static void
print_stats(size_t pages, double t0, const struct pack_times *t,
    double read)
{
	struct rusage ru;

	getrusage(RUSAGE_SELF, &ru);
	if (read < 0) {
		fprintf(stderr, "stats: pages %zu total %.4f s peak %ld KiB\n",
		    pages, now() - t0, ru.ru_maxrss);
		return;
	}
	fprintf(stderr, "stats: pages %zu read %.4f template %.4f "
	    "layout %.4f pdf %.4f total %.4f s peak %ld KiB\n", pages,
	    read - t0, t->filled - read, t->laid_out - t->filled,
	    t->written > 0 ? t->written - t->laid_out : 0.0,
	    (t->written > 0 ? t->written : t->laid_out) - t0, ru.ru_maxrss);
}

/* build and check: the meeting folder (or its meeting.xml) argument. */
static char *
meeting_dir(const char *arg)
{
	char	*d = xstrdup(arg);

	/* "meeting.xml" for its folder: the file is what users see. */
	if (is_file_named(d, "meeting.xml")) {
		d[strlen(d) - strlen("meeting.xml")] = '\0';
		if (*d == '\0') {
			free(d);
			d = xstrdup(".");
		}
	}
	return d;
}

/* check: the protocol, when the meeting folder has one, against the
 * meeting and the template's rules. */
static void
check_protocol(const struct meeting *m, const char *tdir, const char *sdir)
{
	struct protocol *p;
	bool	 none;
	int	 days = 0;

	if ((p = protocol_load(m, sdir, &none)) == NULL)
		return;
	if (template_protocol_rules(tdir, sdir, &days))
		protocol_check(p, m, days);
	protocol_free(p);
}

/*
 * check: build --public's pack made in memory, as build --public makes
 * it (redacted, laid out, written), and searched by its last guard, so
 * that check finds what only that guard would refuse.  What reading and
 * laying out the meeting again says, check has said already: only the
 * guard's findings are kept, as warnings (the members' pack may carry
 * what is never published).
 */
static void
check_public(const char *dir, const char *sdir, const char *tdir)
{
	struct diag_point mk;
	struct meeting *m;
	struct guard *g = NULL;
	struct doc *d = NULL;
	struct fontset *fs = NULL;
	struct pages *p = NULL;
	char	*data = NULL;
	size_t	 len;

	diag_save(&mk);
	if ((m = meeting_load(dir, sdir)) == NULL ||
	    (g = guard_new(m)) == NULL || !meeting_redact(m) ||
	    meeting_pnr_scan(m, DIAG_ERROR, true) > 0 ||
	    (d = template_pack(m, tdir, sdir)) == NULL ||
	    diag_errors() > mk.nerrors || (fs = fontset_new(d)) == NULL ||
	    (p = layout_doc(d, fs)) == NULL || diag_errors() > mk.nerrors ||
	    !pdf_make("the pack of build --public", d, p, &data, &len)) {
		/* Refused before its guard: check has said why. */
		diag_rewind(&mk);
		goto out;
	}
	diag_rewind(&mk);
	guard_rehearse(g);
	guard_check(g, "the pack of build --public", data, len);
out:
	free(data);
	pages_free(p);
	fontset_free(fs);
	doc_free(d);
	guard_free(g);
	meeting_free(m);
}

/* build and check: out is where build writes, NULL for check. */
static int
build_or_check(struct options *o, const char *out)
{
	struct meeting *m = NULL;
	struct guard *g = NULL;
	struct pack_times t = { 0 };
	char	*dir = meeting_dir(o->args[0]);
	char	*sdir = xasprintf("%s/schema", o->tdir);
	double	 t0 = now(), read;
	size_t	 pages;
	int	 ok = 0;

	layout_preload();
	if (!is_dir(o->tdir)) {
		diag(DIAG_ERROR, o->tdir, 0, 0, "the template folder does not "
		    "exist: name the folder that holds pack.xml");
		goto out;
	}
	if (out == NULL || o->final_pack) {
		/* Every problem at once: what could be read is linted even
		 * when parts of it had errors; only a clean meeting is laid
		 * out (that finds what only layout can: glyphs, tables).
		 * build --final refuses what check calls an error. */
		documents_final(out != NULL);
		if ((m = meeting_read(dir, sdir)) == NULL)
			goto out;
		meeting_lint(m);
		if (out == NULL)
			figures_report(m, o->allow_failed_checks);
		/* What check calls an error, --final refuses: the
		 * protocol's too, when the folder has one. */
		check_protocol(m, o->tdir, sdir);
		if (diag_errors() > 0) {
			if (out != NULL)
				diag(DIAG_ERROR, NULL, 0, 0, "build --final "
				    "writes no pack with errors: correct "
				    "those above");
			goto out;
		}
	} else if ((m = meeting_load(dir, sdir)) == NULL)
		goto out;
	else {
		/* What --final would refuse, counted without being shown:
		 * check's errors and what is missing from the pack. */
		struct diag_point mk;

		diag_save(&mk);
		meeting_lint(m);
		check_protocol(m, o->tdir, sdir);
		o->final_problems = diag_errors() - mk.nerrors + m->nunplaced;
		o->final_unplaced = m->nunplaced;
		diag_rewind(&mk);
	}
	/* Redacted in the data, before anything is laid out; the guard
	 * keeps what was secret, to search the pack for it. */
	if (o->public_pack && ((g = guard_new(m)) == NULL ||
	    !meeting_redact(m) || meeting_pnr_scan(m, DIAG_ERROR, true) > 0))
		goto out;
	/* A figure whose check fails stops the build unless allowed; the
	 * pack then says so under the table and in its metadata. */
	if (out != NULL && figures_report(m, o->allow_failed_checks) > 0 &&
	    !o->allow_failed_checks)
		goto out;
	read = now();
	if (!write_pack(m, NULL, o->tdir, out, &pages, &t, g))
		goto out;
	if (out == NULL)
		check_public(dir, sdir, o->tdir);
	if (out != NULL)
		o->summary = xasprintf("%s: %zu pages, %zu agenda items\n",
		    out, pages, m->nitems);
	else if (diag_errors() == 0)
		o->summary = xasprintf("%s: no errors (%zu pages, %zu agenda "
		    "items)\n", dir, pages, m->nitems);
	ok = diag_errors() == 0;
	if (o->stats)
		print_stats(pages, t0, &t, read);
out:
	guard_free(g);
	meeting_free(m);
	free(sdir);
	free(dir);
	return ok;
}

static int
cmd_build(struct options *o)
{
	return build_or_check(o, o->out);
}

static int
cmd_check(struct options *o)
{
	return build_or_check(o, NULL);
}

/* The meeting folder a file belongs to: its own folder or one of the
 * three above that holds meeting.xml; NULL if there is none. */
static char *
meeting_of(const char *file)
{
	char	*dir = xstrdup(file), *slash, *p;
	int	 up;

	if ((slash = strrchr(dir, '/')) != NULL)
		*slash = '\0';
	else
		strcpy(dir, ".");
	for (up = 0; up < 4; up++) {
		p = xasprintf("%s/meeting.xml", dir);
		if (is_file_named(p, "meeting.xml")) {
			free(p);
			return dir;
		}
		free(p);
		/* One up: "a/b" to "a", "a" to ".", "." to "..". */
		slash = strrchr(dir, '/');
		if (slash != NULL && strcmp(slash + 1, "..") != 0 &&
		    strcmp(slash + 1, ".") != 0 && slash != dir)
			*slash = '\0';
		else if (slash == NULL && strcmp(dir, ".") != 0 &&
		    strcmp(dir, "..") != 0)
			strcpy(dir, ".");
		else {
			p = xasprintf("%s/..", dir);
			free(dir);
			dir = p;
		}
	}
	free(dir);
	return NULL;
}

/* The files whose errors stop a preview: the document's own, its case
 * file's and figures', and the meeting's manifest and profile. */
struct concern {
	const char	**paths;
	size_t		  n;
};

static bool
concerns(const char *msg, void *arg)
{
	const struct concern *c = arg;
	const char *colon;
	size_t	 i, n;

	if (strncmp(msg, "boardgen:", 9) == 0)
		return true;
	for (i = 0; i < c->n; i++) {
		n = strlen(c->paths[i]);
		if (strncmp(msg, c->paths[i], n) == 0 && msg[n] == ':')
			return true;
	}
	if ((colon = strchr(msg, ':')) == NULL)
		return true;
	n = (size_t)(colon - msg);
	return (n >= 11 && strncmp(colon - 11, "meeting.xml", 11) == 0) ||
	    (n >= 16 && strncmp(colon - 16, "organisation.xml", 16) == 0);
}

/* render --watch: what every render looks at whatever the document:
 * the file, the manifest and profile that may appear in its folder and
 * those above (meeting_of, organisation_find), and the templates. */
static void
watch_used(struct options *o, struct watch *w, const char *file)
{
	char	*dir = xstrdup(file), *slash, *p;
	int	 up;

	watch_reset(w);
	watch_file(w, file);
	if ((slash = strrchr(dir, '/')) != NULL)
		*slash = '\0';
	else
		strcpy(dir, ".");
	for (up = 0; up < 6; up++) {
		p = xasprintf("%s/meeting.xml", dir);
		watch_file(w, p);
		free(p);
		p = xasprintf("%s/organisation.xml", dir);
		watch_file(w, p);
		free(p);
		p = xasprintf("%s/..", dir);
		free(dir);
		dir = p;
	}
	free(dir);
	watch_dir(w, o->tdir);
	p = xasprintf("%s/schema", o->tdir);
	watch_dir(w, p);
	free(p);
}

/* render FILE -o OUT.pdf: one document alone, for a live preview: a
 * document file, or a case file's tjänsteskrivelse, with its meeting
 * (body, date, organisation profile) found from the file upward. */
static int
render_once(struct options *o, struct watch *w, size_t *pagesp)
{
	const char *file = o->args[0];
	struct meeting *m = NULL;
	struct document *own = NULL;
	struct casefile *owncase = NULL;
	const struct document *doc;
	char	*sdir = xasprintf("%s/schema", o->tdir), *mdir;
	double	 t0 = now();
	struct stat st;
	struct concern cc = { NULL, 0 };
	size_t	 pages, mark = diag_mark(), i;
	int	 ok = 0;

	layout_preload();
	if (w != NULL)
		watch_used(o, w, file);
	if (stat(file, &st) != 0 || !S_ISREG(st.st_mode)) {
		diag(DIAG_ERROR, file, 0, 0, "no such file: name a case file "
		    "or a document file (.md)");
		goto out;
	}
	if ((mdir = meeting_of(file)) != NULL) {
		/* What can be read: an error in another case or figure
		 * of the meeting does not stop this document's preview. */
		m = meeting_read(mdir, sdir);
		free(mdir);
		if (m == NULL)
			goto out;
	} else {
		/* A draft outside any meeting: the profile still applies. */
		char	*slash;

		m = xcalloc(1, sizeof(*m));
		m->dir = xstrdup(file);
		if ((slash = strrchr(m->dir, '/')) != NULL)
			*slash = '\0';
		else
			strcpy(m->dir, ".");
		if (!organisation_find(m->dir, sdir, &m->org))
			goto out;
	}
	/* The profile and its logo, found or not. */
	if (w != NULL && m->org != NULL) {
		watch_file(w, m->org->path);
		if (m->org->logo != NULL)
			watch_file(w, m->org->logo);
	}
	if ((doc = document_of_file(m, file, &own, &owncase)) == NULL)
		goto out;
	cc.n = figures_placed_paths(doc, doc->cs, &cc.paths);
	cc.paths = xrealloc(cc.paths, (cc.n + 3) * sizeof(*cc.paths));
	cc.paths[cc.n++] = file;
	if (doc->path != NULL)
		cc.paths[cc.n++] = doc->path;
	if (doc->cs != NULL && doc->cs->path != NULL)
		cc.paths[cc.n++] = doc->cs->path;
	/* What it uses: its case file, its figures. */
	for (i = 0; w != NULL && i < cc.n; i++)
		watch_file(w, cc.paths[i]);
	diag_release(mark, concerns, &cc);
	if (diag_errors() > 0)
		goto out;
	/* A document no case names: its figures were not loaded with the
	 * meeting. */
	if ((own != NULL || owncase != NULL) &&
	    !figures_load_alone(m, own, owncase, sdir))
		goto out;
	/* A failed check stops the preview as it stops a build, with
	 * the same message. */
	if (owncase == NULL && (doc->cs != NULL || own == NULL) &&
	    figures_report_placed(own == NULL && doc->cs == NULL ? doc : NULL,
	    doc->cs) > 0)
		goto out;
	if (!write_pack(m, doc, o->tdir, o->out, &pages, NULL, NULL))
		goto out;
	*pagesp = pages;
	ok = diag_errors() == 0;
	if (o->stats)
		print_stats(pages, t0, NULL, -1);
out:
	free(cc.paths);
	document_free(own);
	casefile_free(owncase);
	meeting_free(m);
	free(sdir);
	return ok;
}

/* The time of day for a line on the terminal (not in any output). */
static void
clock_now(char *buf, size_t len)
{
	time_t	 t = time(NULL);
	struct tm tm;

	if (localtime_r(&t, &tm) == NULL || strftime(buf, len, "%H:%M:%S",
	    &tm) == 0)
		snprintf(buf, len, "--:--:--");
}

/* render --watch: renders, then again whenever the file or anything it
 * uses changes, one line per render; ends on Ctrl-C (SIGINT), SIGTERM
 * or SIGHUP while waiting, with status 0. */
static int
render_watch(struct options *o)
{
	struct watch *w;
	char	 at[16];
	size_t	 pages, n;
	int	 r, ok;

	if ((w = watch_new()) == NULL)
		return 0;
	fprintf(stderr, "boardgen: watching %s and the files it uses; "
	    "Ctrl-C ends\n", o->args[0]);
	do {
		pages = 0;
		ok = render_once(o, w, &pages);
		/* What concerns the document, then the line of this
		 * render; each render starts with no diagnostics. */
		diag_flush_brief(stderr, (size_t)-1, o->args[0], "they concern "
		    "other files of the meeting: \"boardgen check\" lists "
		    "them");
		clock_now(at, sizeof(at));
		n = diag_errors();
		fflush(stderr);
		if (ok)
			printf("%s %s: %zu pages\n", at, o->out, pages);
		else
			printf("%s %s: not rendered (%zu error%s): %s is left as "
			    "it was; waiting for a change\n", at, o->args[0],
			    n, n == 1 ? "" : "s", o->out);
		fflush(stdout);
		diag_clear();
		/* A change made while rendering is rendered at once. */
		r = watch_pending(w) ? 1 : watch_wait(w);
	} while (r == 1);
	watch_free(w);
	if (r < 0) {
		diag(DIAG_ERROR, NULL, 0, 0, "cannot wait for changes: %s",
		    strerror(errno));
		return 0;
	}
	return 1;
}

static int
cmd_render(struct options *o)
{
	size_t	 pages = 0;

	if (o->watch)
		return render_watch(o);
	if (!render_once(o, NULL, &pages))
		return 0;
	o->summary = xasprintf("%s: %zu pages\n", o->out, pages);
	return 1;
}

/* protocol and extract: the meeting and its protocol, checked; NULL
 * after reporting (nothing is written of a protocol with errors). */
static struct protocol *
protocol_of(struct options *o, const char *sdir, struct meeting **mp,
    char **dirp)
{
	struct protocol *p = NULL;
	char	*dir = meeting_dir(o->args[0]);
	bool	 none;
	int	 days = 0;

	*dirp = dir;
	layout_preload();
	if ((*mp = meeting_load(dir, sdir)) == NULL)
		return NULL;
	if ((p = protocol_load(*mp, sdir, &none)) == NULL) {
		if (none)
			diag(DIAG_ERROR, dir, 0, 0, "the meeting folder has no "
			    "%s: write the protocol there (see boardgen(5))",
			    PROTOCOL_FILE);
		return NULL;
	}
	if (template_protocol_rules(o->tdir, sdir, &days))
		protocol_check(p, *mp, days);
	if (diag_errors() > 0) {
		diag(DIAG_ERROR, NULL, 0, 0, "no protocol is written while "
		    "it has errors: correct those above");
		protocol_free(p);
		return NULL;
	}
	return p;
}

/* protocol MEETING -o FILE.pdf: the protocol of the meeting. */
static int
cmd_protocol(struct options *o)
{
	struct meeting *m = NULL;
	struct protocol *p;
	struct guard *g = NULL;
	struct doc *d;
	char	*sdir = xasprintf("%s/schema", o->tdir), *dir;
	size_t	 pages, errors = diag_errors();
	int	 ok = 0;

	if ((p = protocol_of(o, sdir, &m, &dir)) == NULL)
		goto out;
	/* The public protocol: redacted in the data, the guard keeping
	 * what was secret to search the file for it. */
	if (o->public_pack) {
		g = guard_new(m);
		guard_protocol(g, p, m);
		if (!meeting_redact(m) ||
		    meeting_pnr_scan(m, DIAG_ERROR, true) > 0)
			goto out;
		protocol_redact(p, m);
	}
	if ((d = template_protocol(m, p, -1, o->tdir, sdir)) == NULL ||
	    !write_doc(d, o->out, &pages, NULL, g, errors))
		goto out;
	{
		size_t	 i, n = 0;

		for (i = 0; i < p->npars; i++)
			n += p->pars[i].number != 0;	/* struck: no § */
		printf("%s: %zu pages, %zu paragraphs\n", o->out, pages, n);
	}
	ok = diag_errors() == 0;
out:
	guard_free(g);
	protocol_free(p);
	meeting_free(m);
	free(dir);
	free(sdir);
	return ok;
}

/* extract MEETING -o FOLDER: one protokollsutdrag per paragraph, named
 * BODY-DATE-paragraf-N.pdf; with --public, as protocol --public makes
 * the protocol, those of open items only. */
static int
cmd_extract(struct options *o)
{
	struct meeting *m = NULL;
	struct protocol *p;
	struct guard *g = NULL;
	struct doc *d;
	char	*sdir = xasprintf("%s/schema", o->tdir), *dir, *slug, *path;
	size_t	 i, pages, errors = diag_errors();
	int	 ok = 0;

	if (!is_dir(o->out)) {
		diag(DIAG_ERROR, o->out, 0, 0, "extract writes into a folder: "
		    "create it first (mkdir -p %s)", o->out);
		free(sdir);
		return 0;
	}
	if ((p = protocol_of(o, sdir, &m, &dir)) == NULL)
		goto out;
	if (o->public_pack) {
		if ((g = guard_new(m)) == NULL)
			goto out;
		guard_protocol(g, p, m);
		if (!meeting_redact(m) ||
		    meeting_pnr_scan(m, DIAG_ERROR, true) > 0)
			goto out;
		protocol_redact(p, m);
	}
	slug = case_slug(m->body != NULL ? m->body : "protokoll");
	for (i = 0; i < p->npars; i++) {
		if (p->pars[i].number == 0)
			continue;	/* struck: no § to extract */
		if (p->pars[i].redacted)
			continue;	/* closed: nothing to publish */
		path = xasprintf("%s/%s-%s-paragraf-%d.pdf", o->out, slug,
		    m->date, p->pars[i].number);
		d = template_protocol(m, p, (long)i, o->tdir, sdir);
		if (d == NULL || !write_doc(d, path, &pages, NULL, g,
		    errors)) {
			free(path);
			free(slug);
			goto out;
		}
		printf("%s: %zu page%s, § %d\n", path, pages,
		    pages == 1 ? "" : "s", p->pars[i].number);
		free(path);
	}
	free(slug);
	ok = diag_errors() == 0;
out:
	guard_free(g);
	protocol_free(p);
	meeting_free(m);
	free(dir);
	free(sdir);
	return ok;
}

/* A folder argument without its trailing slashes ("." for none). */
static char *
folder_arg(const char *arg)
{
	char	*d = xstrdup(arg);

	while (strlen(d) > 1 && d[strlen(d) - 1] == '/')
		d[strlen(d) - 1] = '\0';
	if (*d == '\0') {
		free(d);
		d = xstrdup(".");
	}
	return d;
}

/* body/date/meeting.xml from the previous meeting and the profile;
 * says where it came from and what comes next.  NULL after reporting. */
static char *
init_meeting(struct options *o, const char *body, const char *date)
{
	struct init_from from;
	char	*sdir = xasprintf("%s/schema", o->tdir), *dir;

	dir = meeting_init(body, date, sdir, &from);
	free(sdir);
	if (dir == NULL)
		return NULL;
	if (from.previous != NULL)
		printf("%s/meeting.xml: new meeting; organisation, body, "
		    "sessions, secretary, chair and standing items from "
		    "%s/meeting.xml\n", dir, from.previous);
	else
		printf("%s/meeting.xml: new meeting; the body has no earlier "
		    "meeting to start from\n", dir);
	if (from.profile_copied)
		printf("%s: copied from %s, whose profile a new meeting does "
		    "not see (keep one in %s for every meeting)\n",
		    from.profile, from.previous, body);
	else if (from.profile != NULL)
		printf("%s: the organisation profile\n", from.profile);
	else
		printf("no organisation.xml in %s or above: the documents "
		    "will have no letterhead and no logo (see boardgen(5))\n",
		    dir);
	if (from.hints)
		printf("%s/meeting.xml: fill in the hints in brackets; "
		    "\"boardgen check %s\" lists them\n", dir, dir);
	free(from.previous);
	free(from.profile);
	return dir;
}

/* init BODY DATE: a new meeting folder BODY/DATE. */
static int
cmd_init(struct options *o)
{
	char	*body = folder_arg(o->args[0]), *dir;

	dir = init_meeting(o, body, o->args[1]);
	if (dir != NULL)
		printf("next: boardgen new %s \"TITLE\" for each case\n", dir);
	free(body);
	free(dir);
	return dir != NULL && diag_errors() == 0;
}

/* new MEETING "TITLE": a new case file with its header and sections;
 * a folder named by a date without meeting.xml is a meeting to start
 * first, as init would. */
static int
cmd_new(struct options *o)
{
	char	*d, *rel, *m, *base, *made, *body, *date;
	bool	 added;
	int	 number, ok;
	struct stat st;

	/* "meeting.xml" for its folder, as build and check take it. */
	d = xstrdup(o->args[0]);
	if (is_file_named(d, "meeting.xml")) {
		d[strlen(d) - strlen("meeting.xml")] = '\0';
		m = folder_arg(d);
		free(d);
		d = m;
	} else {
		m = folder_arg(d);
		free(d);
		d = m;
	}
	m = xasprintf("%s/meeting.xml", d);
	if (lstat(m, &st) != 0 && errno == ENOENT) {
		base = strrchr(d, '/') != NULL ? strrchr(d, '/') + 1 : d;
		if (!iso_date_valid(base)) {
			diag(DIAG_ERROR, m, 0, 0, "there is no meeting here: "
			    "start one with boardgen init BODY-FOLDER "
			    "YYYY-MM-DD (its folder is named by the date), "
			    "then add cases to it");
			free(m);
			free(d);
			return 0;
		}
		body = base == d ? xstrdup(".") :
		    xstrndup(d, (size_t)(base - 1 - d));
		date = xstrdup(base);
		made = init_meeting(o, *body != '\0' ? body : "/", date);
		free(body);
		free(date);
		free(d);
		free(m);
		if ((d = made) == NULL)
			return 0;
	} else
		free(m);
	if ((rel = case_new(d, o->args[1], &number, &added)) == NULL) {
		free(d);
		return 0;
	}
	ok = diag_errors() == 0;
	printf("%s/%s: new case, item %d\n", d, rel, number);
	if (added)
		printf("%s/meeting.xml: added <case file=\"%s\"/> at the end "
		    "of the agenda\n", d, rel);
	else
		printf("add this line to the agenda in %s/meeting.xml:\n"
		    "    <case file=\"%s\"/>\n", d, rel);
	printf("fill in the hints; \"boardgen check %s\" lists those left\n",
	    d);
	free(rel);
	free(d);
	return ok;
}

/* The pack of a meeting for the site, as build writes it. */
static int
site_pack(const struct meeting *m, const char *path, void *arg,
    const struct guard *g)
{
	size_t	 pages;

	return write_pack(m, NULL, arg, path, &pages, NULL, g);
}

/* The public protocol of a meeting for the site, as protocol --public
 * writes it (the meeting and protocol come redacted). */
static int
site_protocol(const struct meeting *m, const struct protocol *p,
    const char *path, void *arg, const struct guard *g)
{
	char	*sdir = xasprintf("%s/schema", (const char *)arg);
	struct doc *d;
	size_t	 pages, errors = diag_errors();
	int	 ok;

	d = template_protocol(m, p, -1, arg, sdir);
	ok = d != NULL && write_doc(d, path, &pages, NULL, g, errors);
	free(sdir);
	return ok;
}

/* A chart of the site, as the pack draws it. */
static struct chart *
site_chart(const struct block *ref, void *arg, bool *by_rows, bool *pct)
{
	return template_chart(arg, ref, by_rows, pct);
}

/* "Today" for the site: --today, else SOURCE_DATE_EPOCH's date (UTC),
 * never the clock. */
static const char *
site_today(const char *opt, char *buf, size_t len)
{
	const char *e = getenv("SOURCE_DATE_EPOCH");
	char	*end;
	long long v;
	time_t	 t;
	struct tm tm;

	if (opt != NULL)
		return opt;
	if (e == NULL || *e == '\0')
		return NULL;
	v = strtoll(e, &end, 10);
	if (*end != '\0' || v < 0)
		return NULL;
	t = (time_t)v;
	if (gmtime_r(&t, &tm) == NULL ||
	    strftime(buf, len, "%Y-%m-%d", &tm) == 0)
		return NULL;
	return buf;
}

static int
cmd_site(struct options *o)
{
	struct site_options *so = &o->site;
	struct template_charts *charts;
	char	 today[16];
	char	*base = NULL, *sdir;
	long	 n = sysconf(_SC_NPROCESSORS_ONLN);
	int	 ok;

	/* The site lays nothing out unless it writes the packs too; its
	 * workers are forks of this process, so the dictionary is read
	 * before. */
	if (so->pdf) {
		layout_preload();
		layout_preload_wait();
	}
	so->content = o->args[0];
	so->out = o->out;
	so->stats = o->stats;
	so->templates = o->tdir;
	so->today = site_today(so->today, today, sizeof(today));
	/* The protocol template's rules, checked in every meeting's
	 * protocol as check checks them. */
	sdir = xasprintf("%s/schema", o->tdir);
	ok = template_protocol_rules(o->tdir, sdir, &so->justering_days);
	free(sdir);
	if (!ok)
		return 0;
	if (so->base_url != NULL && *so->base_url != '\0' &&
	    so->base_url[strlen(so->base_url) - 1] != '/')
		so->base_url = base = xasprintf("%s/", so->base_url);
	if (so->jobs <= 0)
		so->jobs = n > 0 ? (int)n : 1;
	so->progress = isatty(STDERR_FILENO);
	so->pack = site_pack;
	so->pack_arg = o->tdir;
	so->protocol_pdf = site_protocol;
	so->max_warnings = BUILD_MAX_WARNINGS;
	/* The charts' look is the pack template's, read once before the
	 * workers are made. */
	sdir = xasprintf("%s/schema", o->tdir);
	charts = template_charts_new(o->tdir, sdir);
	free(sdir);
	if (charts == NULL) {
		free(base);
		return 0;
	}
	so->chart = site_chart;
	so->chart_arg = charts;
	ok = site_build(so);
	template_charts_free(charts);
	free(base);
	return ok;
}

/* How a command's diagnostics are printed when it is done. */
enum report {
	REPORT_ALL,		/* every one */
	REPORT_COUNTED,		/* every one, then the counts (check) */
	/* build is run often and its warnings are check's business: a
	 * few show that there are some, check lists them all. */
	REPORT_BRIEF,
	/* A preview shows what concerns the document at hand; the rest
	 * of the meeting is check's business. */
	REPORT_FILE
};

/* The commands: a new one is a row here and a handler. */
static const struct command {
	const char	*name;
	int		 nargs;		/* arguments after the name */
	const char	*output;	/* what -o names if it is needed */
	enum report	 report;
	int		(*run)(struct options *);
} commands[] = {
	{ "build",	1, "FILE.pdf",	REPORT_BRIEF,	cmd_build },
	{ "check",	1, NULL,	REPORT_COUNTED,	cmd_check },
	{ "extract",	1, "FOLDER",	REPORT_ALL,	cmd_extract },
	{ "init",	2, NULL,	REPORT_ALL,	cmd_init },
	{ "new",	2, NULL,	REPORT_ALL,	cmd_new },
	{ "protocol",	1, "FILE.pdf",	REPORT_ALL,	cmd_protocol },
	{ "render",	1, "FILE.pdf",	REPORT_FILE,	cmd_render },
	{ "site",	1, "FOLDER",	REPORT_BRIEF,	cmd_site },
};

static const struct command *
command_find(const char *name)
{
	size_t	 i;

	for (i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		if (strcmp(commands[i].name, name) == 0)
			return &commands[i];
	return NULL;
}

static void
report(const struct command *c, const char *arg)
{
	char	*more;

	switch (c->report) {
	case REPORT_BRIEF:
		/* check takes one meeting, not a site's content folder. */
		more = c->run == cmd_site ? xasprintf("run \"boardgen check "
		    "%s/BODY/DATE\" on the meeting folder they name to list "
		    "them all", arg) : xasprintf("run \"boardgen check %s\" "
		    "to list them all", arg);
		diag_flush_brief(stderr, BUILD_MAX_WARNINGS, NULL, more);
		free(more);
		break;
	case REPORT_FILE:
		diag_flush_brief(stderr, (size_t)-1, arg, "they concern other "
		    "files of the meeting: \"boardgen check\" lists them");
		break;
	case REPORT_COUNTED:
		diag_flush(stderr);
		fprintf(stderr, "check: %zu error%s, %zu warning%s\n",
		    diag_errors(), diag_errors() == 1 ? "" : "s",
		    diag_warnings(), diag_warnings() == 1 ? "" : "s");
		break;
	case REPORT_ALL:
		diag_flush(stderr);
		break;
	}
}

int
main(int argc, char *argv[])
{
	static const struct option longopts[] = {
		{ "output", required_argument, NULL, 'o' },
		{ "templates", required_argument, NULL, 't' },
		{ "stats", no_argument, NULL, 's' },
		{ "allow-failed-checks", no_argument, NULL, 'F' },
		{ "today", required_argument, NULL, 'T' },
		{ "base-url", required_argument, NULL, 'B' },
		{ "pdf", no_argument, NULL, 'P' },
		{ "jobs", required_argument, NULL, 'j' },
		{ "force", no_argument, NULL, 'f' },
		{ "no-search", no_argument, NULL, 'N' },
		{ "public", no_argument, NULL, 'U' },
		{ "final", no_argument, NULL, 'Z' },
		{ "watch", no_argument, NULL, 'W' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	const struct command *cmd;
	struct options o = { 0 };
	char	*end;
	int	 c, ok;

	/* An interrupted run leaves no temporary file behind. */
	temp_cleanup_on_signals();
	while ((c = getopt_long(argc, argv, "o:t:shVj:", longopts, NULL)) !=
	    -1) {
		switch (c) {
		case 'T':
			o.site.today = optarg;
			break;
		case 'B':
			o.site.base_url = optarg;
			break;
		case 'P':
			o.site.pdf = true;
			break;
		case 'f':
			o.site.force = true;
			break;
		case 'N':
			o.site.no_search = true;
			break;
		case 'j':
			o.site.jobs = (int)strtol(optarg, &end, 10);
			if (*end != '\0' || o.site.jobs < 1 ||
			    o.site.jobs > 64) {
				fprintf(stderr, "boardgen: -j wants a number "
				    "of workers, 1 to 64\n");
				return EXIT_USAGE;
			}
			break;
		case 'o':
			o.out = optarg;
			break;
		case 't':
			o.templates = optarg;
			break;
		case 's':
			o.stats = true;
			break;
		case 'F':
			o.allow_failed_checks = true;
			break;
		case 'U':
			o.public_pack = true;
			break;
		case 'Z':
			o.final_pack = true;
			break;
		case 'W':
			o.watch = true;
			break;
		case 'h':
			fputs(usage_text, stdout);
			fputs("\n", stdout);
			fputs(help_text, stdout);
			return 0;
		case 'V':
			printf("boardgen %s\n", BOARDGEN_VERSION);
			return 0;
		default:
			fputs(usage_text, stderr);
			return EXIT_USAGE;
		}
	}
	argc -= optind;
	argv += optind;
	if (argc < 1) {
		fprintf(stderr, "boardgen: give a command\n%s", usage_text);
		return EXIT_USAGE;
	}
	if ((cmd = command_find(argv[0])) == NULL) {
		fprintf(stderr, "boardgen: unknown command \"%s\"\n%s", argv[0],
		    usage_text);
		return EXIT_USAGE;
	}
	if (argc - 1 != cmd->nargs) {
		fprintf(stderr, "boardgen: %s takes %d argument%s\n%s",
		    cmd->name, cmd->nargs, cmd->nargs == 1 ? "" : "s",
		    usage_text);
		return EXIT_USAGE;
	}
	if (cmd->output != NULL && o.out == NULL) {
		fprintf(stderr, "boardgen: %s needs -o %s\n%s", cmd->name,
		    cmd->output, usage_text);
		return EXIT_USAGE;
	}
	if (o.watch && cmd->run != cmd_render) {
		fprintf(stderr, "boardgen: --watch goes with render: boardgen "
		    "render --watch FILE.md -o FILE.pdf\n");
		return EXIT_USAGE;
	}
	if (cmd->run == cmd_extract) {
		/* a folder: extract says if it is missing */
	} else if (cmd->run == cmd_site) {
		if (o.site.today != NULL && !iso_date_valid(o.site.today)) {
			fprintf(stderr, "boardgen: --today wants a date "
			    "YYYY-MM-DD, e.g. 2026-12-01\n");
			return EXIT_USAGE;
		}
	} else if (o.out != NULL && !output_folder_ok(o.out))
		return EXIT_USAGE;
	xml_setup();
	o.tdir = find_templates(o.templates);
	o.args = argv + 1;
	ok = cmd->run(&o);
	layout_preload_end();
	free(o.tdir);
	report(cmd, o.args[0]);
	if (o.final_problems > 0)
		fprintf(stderr, "boardgen: note: %zu problem%s would stop "
		    "build --final: %zu Beslutsunderlag entr%s naming no "
		    "document in the pack, %zu error%s from check\n",
		    o.final_problems, o.final_problems == 1 ? "" : "s",
		    o.final_unplaced, o.final_unplaced == 1 ? "y" : "ies",
		    o.final_problems - o.final_unplaced,
		    o.final_problems - o.final_unplaced == 1 ? "" : "s");
	/* On a terminal both streams go to one screen: the summary comes
	 * last, not between the warnings. */
	if (o.summary != NULL) {
		fflush(stderr);
		fputs(o.summary, stdout);
		free(o.summary);
	}
	xml_cleanup();
	intern_free();
	return ok ? 0 : EXIT_INPUT;
}

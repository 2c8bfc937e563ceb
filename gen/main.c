/*
 * boardgen: turns a meeting folder into a numbered PDF board pack.
 * The command line: reads arguments, runs the stages in order, prints
 * the diagnostics they collected and decides the exit status.
 */
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
#include "html/html.h"

#ifndef BOARDGEN_VERSION
#define BOARDGEN_VERSION "0.0.0"
#endif
#ifndef BOARDGEN_DATADIR
#define BOARDGEN_DATADIR "/usr/local/share/boardgen"
#endif

/* Warnings build prints before it counts the rest. */
#define BUILD_MAX_WARNINGS	5

enum {
	EXIT_INPUT = 1,		/* the input has errors: see the messages */
	EXIT_USAGE = 2		/* the command line is wrong */
};

static const char usage_text[] =
"usage: boardgen build MEETING-FOLDER -o FILE.pdf [-s] [--templates DIR]\n"
"                     [--allow-failed-checks] [--public]\n"
"       boardgen check MEETING-FOLDER [-s] [--templates DIR]\n"
"       boardgen render CASE-OR-DOCUMENT.md -o FILE.pdf [-s] [--templates DIR]\n"
"       boardgen new MEETING-FOLDER \"TITLE\"\n"
"       boardgen site CONTENT-FOLDER -o SITE-FOLDER [--today YYYY-MM-DD]\n"
"                     [--base-url URL] [--pdf] [-j N] [--force] [-s]\n"
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
"                             organisation profile) is found from the file up\n"
"  new FOLDER \"TITLE\"         write a new case file arenden/NN-title.md with\n"
"                             hints to fill in, and add it to the agenda\n"
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
"      --public               build the public pack: closed items as number\n"
"                             and title, secret fields as their notes,\n"
"                             officials' direct contacts left out (see\n"
"                             <publishing> in organisation.xml); a\n"
"                             personnummer in what it shows is an error\n"
"  -h, --help                 this text\n"
"  -V, --version              the version\n"
"\n"
"Exit status: 0 done, 1 the input has errors (see the messages), 2 usage.\n"
"Timestamps in the PDF come from SOURCE_DATE_EPOCH if set, else from the\n"
"meeting date, so the same input always gives the same bytes.\n"
"See boardgen(1) and boardgen(5).\n";

/* --allow-failed-checks: failed figure checks become warnings. */
static bool allow_failed_checks;
/* --public: the pack as it may be published. */
static bool public_pack;

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

/* The output's folder must exist: said before any work is done. */
static int
output_folder_ok(const char *out)
{
	char	*d = xstrdup(out), *slash = strrchr(d, '/');
	int	 ok = 1;

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
	free(d);
	return ok;
}

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int
run(const char *cmd, const char *dir, const char *out, const char *tdir,
    int stats)
{
	struct meeting *m = NULL;
	struct doc *d = NULL;
	struct fontset *fs = NULL;
	struct pages *p = NULL;
	char	*sdir = xasprintf("%s/schema", tdir);
	double	 t0 = now(), t1 = 0, t2 = 0, t3 = 0, t4 = 0;
	int	 ok = 0;

	if (!is_dir(tdir)) {
		diag(DIAG_ERROR, tdir, 0, 0, "the template folder does not "
		    "exist: name the folder that holds pack.xml");
		goto out;
	}
	if (strcmp(cmd, "check") == 0) {
		/* Every problem at once: what could be read is linted even
		 * when parts of it had errors; only a clean meeting is laid
		 * out (that finds what only layout can: glyphs, tables). */
		if ((m = meeting_read(dir, sdir)) == NULL)
			goto out;
		meeting_lint(m);
		figures_report(m, allow_failed_checks);
		if (diag_errors() > 0)
			goto out;
	} else if ((m = meeting_load(dir, sdir)) == NULL)
		goto out;
	/* Redacted in the data, before anything is laid out. */
	if (public_pack && (!meeting_redact(m) ||
	    meeting_pnr_scan(m, DIAG_ERROR, true) > 0))
		goto out;
	/* A figure whose check fails stops the build unless allowed; the
	 * pack then says so under the table and in its metadata. */
	if (strcmp(cmd, "check") != 0 &&
	    figures_report(m, allow_failed_checks) > 0 && !allow_failed_checks)
		goto out;
	t1 = now();
	if ((d = template_pack(m, tdir, sdir)) == NULL || diag_errors() > 0)
		goto out;
	t2 = now();
	if ((fs = fontset_new(d)) == NULL)
		goto out;
	if ((p = layout_doc(d, fs)) == NULL)
		goto out;
	/* The pages need no font data: what layout read is not kept
	 * while the writer reads the fonts it embeds. */
	fontset_free(fs);
	fs = NULL;
	t3 = now();
	if (strcmp(cmd, "build") == 0) {
		if (!pdf_write(out, d, p))
			goto out;
		t4 = now();
		printf("%s: %zu pages, %zu agenda items\n", out, p->n,
		    m->nitems);
	} else if (diag_errors() == 0)
		printf("%s: no errors (%zu pages, %zu agenda items)\n", dir,
		    p->n, m->nitems);
	ok = diag_errors() == 0;
	if (stats) {
		struct rusage ru;

		getrusage(RUSAGE_SELF, &ru);
		fprintf(stderr, "stats: pages %zu read %.4f template %.4f "
		    "layout %.4f pdf %.4f total %.4f s peak %ld KiB\n",
		    p->n, t1 - t0, t2 - t1, t3 - t2, t4 > 0 ? t4 - t3 : 0.0,
		    (t4 > 0 ? t4 : t3) - t0, ru.ru_maxrss);
	}
out:
	pages_free(p);
	fontset_free(fs);
	doc_free(d);
	meeting_free(m);
	free(sdir);
	return ok;
}

/* The arguments each command takes after its name; -1: no such command. */
static int
command_args(const char *cmd)
{
	if (strcmp(cmd, "build") == 0 || strcmp(cmd, "check") == 0 ||
	    strcmp(cmd, "render") == 0 || strcmp(cmd, "site") == 0)
		return 1;
	if (strcmp(cmd, "new") == 0)
		return 2;
	return -1;
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

/* render FILE -o OUT.pdf: one document alone, for a live preview: a
 * document file, or a case file's tjänsteskrivelse, with its meeting
 * (body, date, organisation profile) found from the file upward. */
static int
cmd_render(const char *file, const char *out, const char *tdir, int stats)
{
	struct meeting *m = NULL;
	struct document *own = NULL;
	struct casefile *owncase = NULL;
	const struct document *doc;
	struct doc *d = NULL;
	struct fontset *fs = NULL;
	struct pages *p = NULL;
	char	*sdir = xasprintf("%s/schema", tdir), *mdir;
	double	 t0 = now();
	struct stat st;
	int	 ok = 0;

	if (stat(file, &st) != 0 || !S_ISREG(st.st_mode)) {
		diag(DIAG_ERROR, file, 0, 0, "no such file: name a case file "
		    "or a document file (.md)");
		goto out;
	}
	if ((mdir = meeting_of(file)) != NULL) {
		m = meeting_load(mdir, sdir);
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
	if ((doc = document_of_file(m, file, &own, &owncase)) == NULL)
		goto out;
	/* A document no case names: its figures were not loaded with the
	 * meeting. */
	if ((own != NULL || owncase != NULL) &&
	    !figures_load_alone(m, own, owncase, sdir))
		goto out;
	if ((d = template_document(m, doc, tdir, sdir)) == NULL ||
	    (fs = fontset_new(d)) == NULL || (p = layout_doc(d, fs)) == NULL)
		goto out;
	fontset_free(fs);
	fs = NULL;
	if (!pdf_write(out, d, p))
		goto out;
	printf("%s: %zu pages\n", out, p->n);
	ok = diag_errors() == 0;
	if (stats) {
		struct rusage ru;

		getrusage(RUSAGE_SELF, &ru);
		fprintf(stderr, "stats: pages %zu total %.4f s peak %ld KiB\n",
		    p->n, now() - t0, ru.ru_maxrss);
	}
out:
	pages_free(p);
	fontset_free(fs);
	doc_free(d);
	document_free(own);
	casefile_free(owncase);
	meeting_free(m);
	free(sdir);
	return ok;
}

/* new MEETING "TITLE": a new case file with its header and sections. */
static int
cmd_new(const char *dir, const char *title, const char *tdir)
{
	char	*d = xstrdup(dir), *rel;
	bool	 added;
	int	 number, ok;

	/* "meeting.xml" for its folder, as build and check take it. */
	if (is_file_named(d, "meeting.xml"))
		d[strlen(d) - strlen("meeting.xml")] = '\0';
	while (strlen(d) > 1 && d[strlen(d) - 1] == '/')
		d[strlen(d) - 1] = '\0';
	if (*d == '\0') {
		free(d);
		d = xstrdup(".");
	}
	if ((rel = case_new(d, title, &number, &added)) == NULL) {
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
site_pack(const struct meeting *m, const char *path, void *arg)
{
	const char *tdir = arg;
	struct doc *d = NULL;
	struct fontset *fs = NULL;
	struct pages *p = NULL;
	char	*sdir = xasprintf("%s/schema", tdir);
	int	 ok;

	ok = (d = template_pack(m, tdir, sdir)) != NULL &&
	    diag_errors() == 0 && (fs = fontset_new(d)) != NULL &&
	    (p = layout_doc(d, fs)) != NULL && pdf_write(path, d, p);
	pages_free(p);
	fontset_free(fs);
	doc_free(d);
	free(sdir);
	return ok;
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
cmd_site(struct site_options *so, const char *tdir)
{
	char	 today[16];
	char	*base = NULL;
	long	 n = sysconf(_SC_NPROCESSORS_ONLN);
	int	 ok;

	so->templates = tdir;
	so->today = site_today(so->today, today, sizeof(today));
	if (so->base_url != NULL && *so->base_url != '\0' &&
	    so->base_url[strlen(so->base_url) - 1] != '/')
		so->base_url = base = xasprintf("%s/", so->base_url);
	if (so->jobs <= 0)
		so->jobs = n > 0 ? (int)n : 1;
	so->progress = isatty(STDERR_FILENO);
	so->pack = site_pack;
	so->pack_arg = (void *)tdir;
	so->max_warnings = BUILD_MAX_WARNINGS;
	so->more_warnings = "run \"boardgen check\" on the meeting folder to "
	    "list them all";
	ok = site_build(so);
	free(base);
	return ok;
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
		{ "public", no_argument, NULL, 'U' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	const char *out = NULL, *topt = NULL, *cmd, *dir;
	struct site_options so = { 0 };
	char	*tdir, *end;
	int	 c, ok, stats = 0;

	while ((c = getopt_long(argc, argv, "o:t:shVj:", longopts, NULL)) !=
	    -1) {
		switch (c) {
		case 'T':
			so.today = optarg;
			break;
		case 'B':
			so.base_url = optarg;
			break;
		case 'P':
			so.pdf = true;
			break;
		case 'f':
			so.force = true;
			break;
		case 'j':
			so.jobs = (int)strtol(optarg, &end, 10);
			if (*end != '\0' || so.jobs < 1 || so.jobs > 64) {
				fprintf(stderr, "boardgen: -j wants a number "
				    "of workers, 1 to 64\n");
				return EXIT_USAGE;
			}
			break;
		case 'o':
			out = optarg;
			break;
		case 't':
			topt = optarg;
			break;
		case 's':
			stats = 1;
			break;
		case 'F':
			allow_failed_checks = true;
			break;
		case 'U':
			public_pack = true;
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
	cmd = argv[0];
	if ((c = command_args(cmd)) < 0) {
		fprintf(stderr, "boardgen: unknown command \"%s\"\n%s", cmd,
		    usage_text);
		return EXIT_USAGE;
	}
	if (argc - 1 != c) {
		fprintf(stderr, "boardgen: %s takes %d argument%s\n%s", cmd, c,
		    c == 1 ? "" : "s", usage_text);
		return EXIT_USAGE;
	}
	if ((strcmp(cmd, "build") == 0 || strcmp(cmd, "render") == 0) &&
	    out == NULL) {
		fprintf(stderr, "boardgen: %s needs -o FILE.pdf\n%s", cmd,
		    usage_text);
		return EXIT_USAGE;
	}
	if (strcmp(cmd, "site") == 0) {
		if (out == NULL) {
			fprintf(stderr, "boardgen: site needs -o FOLDER\n%s",
			    usage_text);
			return EXIT_USAGE;
		}
		if (so.today != NULL && !iso_date_valid(so.today)) {
			fprintf(stderr, "boardgen: --today wants a date "
			    "YYYY-MM-DD, e.g. 2026-12-01\n");
			return EXIT_USAGE;
		}
	} else if (out != NULL && !output_folder_ok(out))
		return EXIT_USAGE;
	xml_setup();
	/* The site lays nothing out unless it writes the packs too. */
	if (strcmp(cmd, "new") != 0 && (strcmp(cmd, "site") != 0 || so.pdf))
		layout_preload();
	tdir = find_templates(topt);
	dir = argv[1];
	if (strcmp(cmd, "build") == 0 || strcmp(cmd, "check") == 0) {
		/* "meeting.xml" for its folder: the file is what users see. */
		if (is_file_named(dir, "meeting.xml")) {
			char	*d = xstrdup(dir);

			d[strlen(d) - strlen("meeting.xml")] = '\0';
			ok = run(cmd, *d ? d : ".", out, tdir, stats);
			free(d);
		} else
			ok = run(cmd, dir, out, tdir, stats);
	} else if (strcmp(cmd, "render") == 0)
		ok = cmd_render(dir, out, tdir, stats);
	else if (strcmp(cmd, "site") == 0) {
		so.content = dir;
		so.out = out;
		so.stats = stats;
		/* Its workers are forks of this process. */
		layout_preload_wait();
		ok = cmd_site(&so, tdir);
	}
	else
		ok = cmd_new(dir, argv[2], tdir);
	layout_preload_end();
	free(tdir);
	/* build is run often and its warnings are check's business: a
	 * few show that there are some, check lists them all. */
	if (strcmp(cmd, "build") == 0 || strcmp(cmd, "site") == 0) {
		char	*more = xasprintf("run \"boardgen check %s\" to list "
		    "them all", dir);

		diag_flush_brief(stderr, BUILD_MAX_WARNINGS, NULL, more);
		free(more);
	} else if (strcmp(cmd, "render") == 0) {
		/* A preview shows what concerns the document at hand; the
		 * rest of the meeting is check's business. */
		diag_flush_brief(stderr, (size_t)-1, dir, "they concern other "
		    "files of the meeting: \"boardgen check\" lists them");
	} else
		diag_flush(stderr);
	if (strcmp(cmd, "check") == 0)
		fprintf(stderr, "check: %zu error%s, %zu warning%s\n",
		    diag_errors(), diag_errors() == 1 ? "" : "s",
		    diag_warnings(), diag_warnings() == 1 ? "" : "s");
	xml_cleanup();
	intern_free();
	return ok ? 0 : EXIT_INPUT;
}

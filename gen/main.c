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

#ifndef BOARDGEN_VERSION
#define BOARDGEN_VERSION "0.0.0"
#endif
#ifndef BOARDGEN_DATADIR
#define BOARDGEN_DATADIR "/usr/local/share/boardgen"
#endif

enum {
	EXIT_INPUT = 1,		/* the input has errors: see the messages */
	EXIT_USAGE = 2		/* the command line is wrong */
};

static const char usage_text[] =
"usage: boardgen build MEETING-FOLDER -o FILE.pdf [-s] [--templates DIR]\n"
"       boardgen check MEETING-FOLDER [-s] [--templates DIR]\n"
"       boardgen --help | --version\n";

static const char help_text[] =
"boardgen turns a meeting folder into a numbered PDF board pack.\n"
"\n"
"Commands:\n"
"  build FOLDER -o FILE.pdf   read FOLDER/meeting.xml and its case files and\n"
"                             write the pack (cover, agenda with page numbers,\n"
"                             one document per item) to FILE.pdf\n"
"  check FOLDER               read and lay out everything, report every problem\n"
"                             as file:line:col, write nothing\n"
"\n"
"Options:\n"
"  -o, --output FILE          where build writes the PDF (written to a temporary\n"
"                             file first: a failed build leaves FILE untouched)\n"
"  -t, --templates DIR        template folder (default: the installed templates,\n"
"                             or $BOARDGEN_TEMPLATES)\n"
"  -s, --stats                print timings, pages and peak memory to stderr\n"
"  -h, --help                 this text\n"
"  -V, --version              the version\n"
"\n"
"Exit status: 0 done, 1 the input has errors (see the messages), 2 usage.\n"
"Timestamps in the PDF come from SOURCE_DATE_EPOCH if set, else from the\n"
"meeting date, so the same input always gives the same bytes.\n"
"See boardgen(1) and boardgen(5).\n";

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
	if ((m = meeting_load(dir, sdir)) == NULL)
		goto out;
	t1 = now();
	if ((d = template_pack(m, tdir, sdir)) == NULL)
		goto out;
	t2 = now();
	if ((fs = fontset_new(d)) == NULL)
		goto out;
	if ((p = layout_doc(d, fs)) == NULL)
		goto out;
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
	    strcmp(cmd, "render") == 0)
		return 1;
	if (strcmp(cmd, "new") == 0)
		return 2;
	return -1;
}

/* render FILE -o OUT.pdf: one document alone, for a live preview. */
static int
cmd_render(const char *file, const char *out, const char *tdir, int stats)
{
	diag(DIAG_ERROR, file, 0, 0, "render is not available yet");
	return 0;
}

/* new MEETING "TITLE": a new case file with its header and sections. */
static int
cmd_new(const char *dir, const char *title, const char *tdir)
{
	diag(DIAG_ERROR, dir, 0, 0, "new is not available yet (\"%s\")",
	    title);
	return 0;
}

int
main(int argc, char *argv[])
{
	static const struct option longopts[] = {
		{ "output", required_argument, NULL, 'o' },
		{ "templates", required_argument, NULL, 't' },
		{ "stats", no_argument, NULL, 's' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	const char *out = NULL, *topt = NULL, *cmd, *dir;
	char	*tdir;
	int	 c, ok, stats = 0;

	while ((c = getopt_long(argc, argv, "o:t:shV", longopts, NULL)) != -1) {
		switch (c) {
		case 'o':
			out = optarg;
			break;
		case 't':
			topt = optarg;
			break;
		case 's':
			stats = 1;
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
	if (strcmp(cmd, "build") == 0 && out == NULL) {
		fprintf(stderr, "boardgen: build needs -o FILE.pdf\n%s",
		    usage_text);
		return EXIT_USAGE;
	}
	if (out != NULL && !output_folder_ok(out))
		return EXIT_USAGE;
	xml_setup();
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
	else
		ok = cmd_new(dir, argv[2], tdir);
	free(tdir);
	diag_flush(stderr);
	xml_cleanup();
	intern_free();
	return ok ? 0 : EXIT_INPUT;
}

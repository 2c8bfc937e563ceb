/* What every fuzz target shares (fuzz.h), linked into each. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "fuzz.h"

/* The templates folder: BOARDGEN_TEMPLATES, else the source tree's
 * (FUZZ_SRCDIR, set by the Makefile). */
const char *
fuzz_templates(void)
{
	const char *t = getenv("BOARDGEN_TEMPLATES");

	return t != NULL && *t != '\0' ? t : FUZZ_SRCDIR "/templates";
}

static char	*fuzz_scratch_dir;

static void
fuzz_remove_scratch(void)
{
	char	*cmd;

	if (fuzz_scratch_dir == NULL)
		return;
	cmd = xasprintf("rm -rf '%s'", fuzz_scratch_dir);
	if (system(cmd) != 0)
		fprintf(stderr, "fuzz: cannot remove %s\n", fuzz_scratch_dir);
	free(cmd);
	free(fuzz_scratch_dir);
	fuzz_scratch_dir = NULL;
}

/* A fresh folder, removed at exit. */
const char *
fuzz_scratch(void)
{
	const char *tmp = getenv("TMPDIR");
	char	*t;

	if (fuzz_scratch_dir != NULL)
		return fuzz_scratch_dir;
	t = xasprintf("%s/boardgen-fuzz.XXXXXX", tmp && *tmp ? tmp : "/tmp");
	if (mkdtemp(t) == NULL) {
		perror("fuzz: mkdtemp");
		exit(2);
	}
	fuzz_scratch_dir = t;
	atexit(fuzz_remove_scratch);
	return t;
}

/* Writes len bytes to dir/name (folders made as needed). */
void
fuzz_write(const char *dir, const char *name, const void *data, size_t len)
{
	char	*path = xasprintf("%s/%s", dir, name), *slash;
	FILE	*f;

	for (slash = strchr(path + 1, '/'); slash != NULL;
	    slash = strchr(slash + 1, '/')) {
		*slash = '\0';
		mkdir(path, 0777);
		*slash = '/';
	}
	if ((f = fopen(path, "wb")) == NULL ||
	    fwrite(data, 1, len, f) != len || fclose(f) != 0) {
		perror(path);
		exit(2);
	}
	free(path);
}

void
fuzz_write_str(const char *dir, const char *name, const char *s)
{
	fuzz_write(dir, name, s, strlen(s));
}

/* Copies the files of folder `from' whose names end in `ending' into
 * folder `to'. */
void
fuzz_copy(const char *from, const char *to, const char *ending)
{
	DIR	*d;
	struct dirent *de;
	char	*path, *data;
	size_t	 len, n, ne = strlen(ending);

	if ((d = opendir(from)) == NULL) {
		perror(from);
		exit(2);
	}
	while ((de = readdir(d)) != NULL) {
		n = strlen(de->d_name);
		if (n <= ne || strcmp(de->d_name + n - ne, ending) != 0)
			continue;
		path = xasprintf("%s/%s", from, de->d_name);
		if (file_read(path, 1u << 24, &data, &len)) {
			fuzz_write(to, de->d_name, data, len);
			free(data);
		}
		free(path);
	}
	closedir(d);
	diag_clear();
}

/* The schema folder of the templates, made once. */
const char *
fuzz_schema(void)
{
	static char *s;

	if (s == NULL)
		s = xasprintf("%s/schema", fuzz_templates());
	return s;
}

/* Copies the files of the sample meeting's folder `sub' whose names
 * end in `ending' into dir/sub (a meeting's figures, registers). */
void
fuzz_sample(const char *dir, const char *sub, const char *ending)
{
	char	*from = xasprintf("%s/content/regionstyrelsen/2026-12-08/%s",
	    FUZZ_SRCDIR, sub), *to = xasprintf("%s/%s", dir, sub);

	fuzz_copy(from, to, ending);
	free(from);
	free(to);
}

void
fuzz_setup(void)
{
	static int done;

	if (done)
		return;
	done = 1;
	xml_setup();
}

/* After each input: nothing carried over to the next.  FUZZ_DIAG=1
 * prints the diagnostics of each input (to see what a seed reaches). */
void
fuzz_reset(void)
{
	static const char *show;

	if (show == NULL)
		show = getenv("FUZZ_DIAG") ? "1" : "";
	if (*show == '1')
		diag_flush(stderr);
	diag_clear();
}

/* A case file every meeting of the targets can name. */
const char fuzz_case[] =
    "---\n"
    "dnr: RS/12/2026\n"
    "title: Motion om laddstolpar\n"
    "kind: beslut\n"
    "---\n\n"
    "# Ärendebeskrivning\n\n"
    "Regionen har fått en motion om *laddstolpar* vid vårdcentralerna.\n\n"
    "# Förslag till beslut\n\n"
    "Regionstyrelsen beslutar\n\n"
    "1. att bifalla motionen.\n\n"
    "# Expedieras till\n\n"
    "- Fastighetsavdelningen\n";

const char fuzz_manifest[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<meeting date=\"2026-12-08\">\n"
    "  <organisation>Region Exempel</organisation>\n"
    "  <body>Regionstyrelsen</body>\n"
    "  <session start=\"08.30\" end=\"12.00\" place=\"Hörsalen\" open=\"yes\"/>\n"
    "  <secretary name=\"Karin Ek\" email=\"karin.ek@example.se\"/>\n"
    "  <agenda>\n"
    "    <procedural>Mötets öppnande</procedural>\n"
    "    <case file=\"arenden/01.md\"/>\n"
    "  </agenda>\n"
    "</meeting>\n";

/*
 * What the unit tests that lay out or write documents share: Debian's
 * font files and running a command for its output.
 */
#ifndef BOARDGEN_TESTDOC_H
#define BOARDGEN_TESTDOC_H

#include <stdio.h>
#include <string.h>

#include "../../gen/util/util.h"

#define FONTDIR	"/usr/share/fonts/truetype/"

#define TEST_UNUSED	__attribute__((unused))

static const char *const serif[4] TEST_UNUSED = {
	FONTDIR "liberation2/LiberationSerif-Regular.ttf",
	FONTDIR "liberation2/LiberationSerif-Bold.ttf",
	FONTDIR "liberation2/LiberationSerif-Italic.ttf",
	FONTDIR "liberation2/LiberationSerif-BoldItalic.ttf",
};
static const char *const sans[4] TEST_UNUSED = {
	FONTDIR "liberation2/LiberationSans-Regular.ttf",
	FONTDIR "liberation2/LiberationSans-Bold.ttf",
	FONTDIR "liberation2/LiberationSans-Italic.ttf",
	FONTDIR "liberation2/LiberationSans-BoldItalic.ttf",
};
static const char *const mono[4] TEST_UNUSED = {
	FONTDIR "liberation2/LiberationMono-Regular.ttf",
	FONTDIR "liberation2/LiberationMono-Bold.ttf",
	FONTDIR "liberation2/LiberationMono-Italic.ttf",
	FONTDIR "liberation2/LiberationMono-BoldItalic.ttf",
};
static const char *const dejavu[4] TEST_UNUSED = {
	FONTDIR "dejavu/DejaVuSans.ttf",
	FONTDIR "dejavu/DejaVuSans-Bold.ttf",
	FONTDIR "dejavu/DejaVuSans-Oblique.ttf",
	FONTDIR "dejavu/DejaVuSans-BoldOblique.ttf",
};

/* Runs cmd; returns its standard output (caller frees) and sets its
 * exit status. */
static TEST_UNUSED char *
test_run(const char *cmd, int *status)
{
	struct buf b;
	char	 chunk[4096];
	size_t	 n;
	FILE	*f;

	memset(&b, 0, sizeof(b));
	if ((f = popen(cmd, "r")) == NULL) {
		*status = -1;
		return xstrdup("");
	}
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		buf_put(&b, chunk, n);
	*status = pclose(f);
	return buf_detach(&b);
}

#endif /* BOARDGEN_TESTDOC_H */

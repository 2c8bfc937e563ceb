/*
 * What every fuzz target shares: libxml2 set up as boardgen sets it up,
 * the templates and schemas of the source tree, a scratch folder, and
 * a reset of the diagnostics after each input.  Each target defines
 * LLVMFuzzerTestOneInput and is linked with fuzz.c (where these are
 * defined) and -fsanitize=fuzzer.
 */
#ifndef BOARDGEN_FUZZ_H
#define BOARDGEN_FUZZ_H

#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../../gen/util/util.h"
#include "../../gen/util/xml.h"

/* The templates folder: BOARDGEN_TEMPLATES, else the source tree's
 * (FUZZ_SRCDIR, set by the Makefile); its schema folder. */
const char	*fuzz_templates(void);
const char	*fuzz_schema(void);
/* A fresh folder, removed at exit. */
const char	*fuzz_scratch(void);
/* Writes len bytes (or a string) to dir/name, folders made as needed. */
void		 fuzz_write(const char *dir, const char *name, const void *,
		    size_t len);
void		 fuzz_write_str(const char *dir, const char *name,
		    const char *);
/* Copies the files of folder `from' whose names end in `ending' into
 * folder `to'; fuzz_sample from the sample meeting's folder `sub' into
 * dir/sub. */
void		 fuzz_copy(const char *from, const char *to,
		    const char *ending);
void		 fuzz_sample(const char *dir, const char *sub,
		    const char *ending);
/* Once, before the first input: libxml2 set up as boardgen sets it. */
void		 fuzz_setup(void);
/* After each input: nothing carried over to the next.  FUZZ_DIAG=1
 * prints the diagnostics of each input (to see what a seed reaches). */
void		 fuzz_reset(void);

/* A case file every meeting of the targets can name, and a one-item
 * meeting naming it as arenden/01.md. */
extern const char fuzz_case[];
extern const char fuzz_manifest[];

#endif /* BOARDGEN_FUZZ_H */

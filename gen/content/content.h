/*
 * content: reads a meeting folder (manifest XML, case Markdown) into the
 * model.  Reports every problem it finds as file:line:col diagnostics;
 * returns NULL if any was an error.
 */
#ifndef BOARDGEN_CONTENT_H
#define BOARDGEN_CONTENT_H

#include "../model/model.h"

/* Largest files read, to bound time and memory on hostile input. */
#define CONTENT_MAX_MANIFEST	(1024u * 1024u)
#define CONTENT_MAX_CASE	(1024u * 1024u)
/* Longest title, in characters: headings, agenda lines and bookmarks
 * are made from it. */
#define CONTENT_MAX_TITLE	300
/* Longest name of the organisation or the body, in characters. */
#define CONTENT_MAX_NAME	200

/* Loads dir/meeting.xml (validated against schema_dir/meeting.rng) and
 * every case file it names.  Case paths must stay inside dir. */
struct meeting	*meeting_load(const char *dir, const char *schema_dir);

/* Loads one case file (metadata header + Markdown sections). */
struct casefile	*casefile_load(const char *path);
/* Same from memory (tests, fuzzing); `path' is used in diagnostics. */
struct casefile	*casefile_parse(const char *path, const char *data, size_t len);

/* SERIES/NUMBER/YEAR: series of 1-10 capital letters (A-Z, ÅÄÖ),
 * number 1-6 digits without leading zero, four-digit year. */
bool		 dnr_valid(const char *);

/* Cleans text as officials paste it: Word's private-use bullets
 * (U+F0B7, U+F0A7, U+F0A8, U+F076, U+F0D8) become U+2022; U+00A0 stays;
 * U+2028/U+2029 are reported as line breaks by the caller.  Returns a
 * fresh string. */
char		*content_clean_text(const char *);

#endif /* BOARDGEN_CONTENT_H */

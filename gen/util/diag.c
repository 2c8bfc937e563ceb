/* Diagnostics: collected in order, printed by main. */
#include <stdlib.h>
#include <string.h>

#include "util.h"

static char	**msgs;
static enum diag_level *levels;
static size_t	  nmsgs, capmsgs;
static size_t	  nerrors, nwarnings;

/* A runaway input must not produce unbounded output. */
#define DIAG_MAX	200

/*
 * What a message names may come from a hostile file name or text: a
 * control character must not reach the terminal (an escape sequence
 * could rewrite what the user sees), nor a bidi control reorder the
 * line.  Such bytes are written as \x1b, such characters as \u202E;
 * a backslash stays as it is.
 */
static char *
escape(const char *m, size_t len)
{
	struct buf b = { 0 };
	size_t	 i = 0, n;
	uint32_t cp;

	buf_grow(&b, len);
	while (i < len) {
		unsigned char c = (unsigned char)m[i];

		if (c >= 0x20 && c < 0x7f) {
			buf_putc(&b, c);
			i++;
		} else if (c < 0x80 || (n = utf8_decode(m + i, len - i,
		    &cp)) == 0) {
			buf_printf(&b, "\\x%02x", c);
			i++;
		} else if ((cp >= 0x80 && cp < 0xa0) || cp == 0x2028 ||
		    cp == 0x2029 || unicode_format_name(cp) != NULL) {
			buf_printf(&b, "\\u%04X", (unsigned)cp);
			i += n;
		} else {
			buf_put(&b, m + i, n);
			i += n;
		}
	}
	return buf_detach(&b);
}

void
vdiag(enum diag_level level, const char *file, int line, int col,
    const char *fmt, va_list ap)
{
	struct buf b = { 0 };
	const char *word = level == DIAG_ERROR ? "error" :
	    level == DIAG_WARNING ? "warning" : "note";
	size_t	 i;

	if (nmsgs >= DIAG_MAX) {
		if (level == DIAG_ERROR)
			nerrors++;
		else if (level == DIAG_WARNING)
			nwarnings++;
		return;
	}
	if (file != NULL) {
		buf_puts(&b, file);
		if (line > 0) {
			buf_printf(&b, ":%d", line);
			if (col > 0)
				buf_printf(&b, ":%d", col);
		}
		buf_puts(&b, ": ");
	} else
		buf_puts(&b, "boardgen: ");
	buf_printf(&b, "%s: ", word);
	buf_vprintf(&b, fmt, ap);
	/* The same error or warning at the same place once: a text laid
	 * out twice (a case and its tjänsteskrivelse) says it once. */
	if (level != DIAG_NOTE)
		for (i = nmsgs; i-- > 0;)
			if (levels[i] == level && strcmp(msgs[i], b.data) == 0) {
				buf_free(&b);
				return;
			}
	if (level == DIAG_ERROR)
		nerrors++;
	else if (level == DIAG_WARNING)
		nwarnings++;
	if (nmsgs == capmsgs) {
		capmsgs = capmsgs ? capmsgs * 2 : 16;
		msgs = xrealloc(msgs, capmsgs * sizeof(*msgs));
		levels = xrealloc(levels, capmsgs * sizeof(*levels));
	}
	levels[nmsgs] = level;
	msgs[nmsgs++] = escape(b.data, b.len);
	buf_free(&b);
}

void
diag(enum diag_level level, const char *file, int line, int col,
    const char *fmt, ...)
{
	va_list	 ap;

	va_start(ap, fmt);
	vdiag(level, file, line, col, fmt, ap);
	va_end(ap);
}

size_t
diag_errors(void)
{
	return nerrors;
}

size_t
diag_warnings(void)
{
	return nwarnings;
}

const char *
diag_first(void)
{
	return nmsgs ? msgs[0] : NULL;
}

void
diag_flush(FILE *f)
{
	diag_flush_brief(f, (size_t)-1, NULL, NULL);
}

/* True if message m is about file (starts with "file:"). */
static bool
about(const char *m, const char *file)
{
	size_t	 n = strlen(file);

	return strncmp(m, file, n) == 0 && m[n] == ':';
}

void
diag_flush_brief(FILE *f, size_t maxwarn, const char *file,
    const char *more)
{
	size_t	 i, total = nerrors + nwarnings, shown = 0, held = 0;

	for (i = 0; i < nmsgs; i++) {
		if (levels[i] != DIAG_WARNING ||
		    ((file == NULL || about(msgs[i], file)) &&
		    shown++ < maxwarn))
			fprintf(f, "%s\n", msgs[i]);
		else
			held++;
		free(msgs[i]);
	}
	if (held > 0)
		fprintf(f, "boardgen: note: %zu other warning%s not shown%s%s\n",
		    held, held == 1 ? "" : "s", more ? ": " : "",
		    more ? more : "");
	if (total > nmsgs && nmsgs == DIAG_MAX)
		fprintf(f, "boardgen: note: %zu more diagnostics not shown\n",
		    total - nmsgs);
	nmsgs = 0;
	free(msgs);
	free(levels);
	msgs = NULL;
	levels = NULL;
	capmsgs = 0;
}

size_t
diag_mark(void)
{
	return nmsgs;
}

void
diag_release(size_t from, bool (*keep)(const char *, void *), void *arg)
{
	struct buf b = { 0 };
	const char *e;
	size_t	 i;

	for (i = from; i < nmsgs; i++) {
		if (levels[i] != DIAG_ERROR || keep(msgs[i], arg) ||
		    (i + 1 < nmsgs && levels[i + 1] == DIAG_NOTE &&
		    keep(msgs[i + 1], arg)))
			continue;
		if ((e = strstr(msgs[i], ": error: ")) == NULL)
			continue;
		buf_put(&b, msgs[i], (size_t)(e - msgs[i]));
		buf_printf(&b, ": warning: %s", e + strlen(": error: "));
		free(msgs[i]);
		msgs[i] = buf_detach(&b);
		levels[i] = DIAG_WARNING;
		nerrors--;
		nwarnings++;
	}
}

void
diag_clear(void)
{
	strv_free(msgs, nmsgs);
	free(levels);
	msgs = NULL;
	levels = NULL;
	nmsgs = capmsgs = 0;
	nerrors = nwarnings = 0;
}

void
diag_save(struct diag_point *mk)
{
	mk->nmsgs = nmsgs;
	mk->nerrors = nerrors;
	mk->nwarnings = nwarnings;
}

void
diag_rewind(const struct diag_point *mk)
{
	while (nmsgs > mk->nmsgs)
		free(msgs[--nmsgs]);
	nerrors = mk->nerrors;
	nwarnings = mk->nwarnings;
}

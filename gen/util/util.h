/*
 * util: memory, growable buffers, an arena, UTF-8, diagnostics and
 * Swedish (sv-SE) formatting.  Every stage may use this header; it
 * depends on nothing but libc.
 */
#ifndef BOARDGEN_UTIL_H
#define BOARDGEN_UTIL_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/* Exit statuses, as boardgen(1) lists them. */
enum {
	EXIT_INPUT = 1,		/* the input has errors: see the messages */
	EXIT_USAGE = 2,		/* the command line is wrong */
	EXIT_NOMEM = 3		/* out of memory */
};

/* Allocation.  Out of memory is not recoverable for a batch tool:
 * these print one line and exit with EXIT_NOMEM. */
void	*xmalloc(size_t);
void	*xcalloc(size_t, size_t);
void	*xrealloc(void *, size_t);
char	*xstrdup(const char *);
char	*xstrndup(const char *, size_t);
char	*xasprintf(const char *, ...) __attribute__((format(printf, 1, 2)));
/* Frees the n strings of v, then v (which may be NULL). */
void	 strv_free(char **v, size_t n);

/* Growable byte buffer, always NUL-terminated when data != NULL. */
struct buf {
	char	*data;
	size_t	 len;
	size_t	 cap;
};
void	 buf_grow(struct buf *, size_t extra);
void	 buf_put(struct buf *, const void *, size_t);
void	 buf_puts(struct buf *, const char *);
void	 buf_putc(struct buf *, int);
void	 buf_printf(struct buf *, const char *, ...)
	    __attribute__((format(printf, 2, 3)));
void	 buf_vprintf(struct buf *, const char *, va_list);
void	 buf_reset(struct buf *);
void	 buf_free(struct buf *);
char	*buf_detach(struct buf *);	/* caller frees; buffer emptied */

/* A set of positive ints (a PDF file's object ids): a hash set at
 * most half full.  idset_add tells whether id was in it before. */
struct idset {
	int	*v;
	size_t	 n;
	size_t	 cap;
};
bool	 idset_add(struct idset *, int id);
void	 idset_free(struct idset *);

/* Arena: many small allocations freed at once (page items, runs). */
struct arena_chunk;
struct arena {
	struct arena_chunk *head;
};
void	*arena_alloc(struct arena *, size_t);
char	*arena_strndup(struct arena *, const char *, size_t);
char	*arena_strdup(struct arena *, const char *);
void	 arena_free(struct arena *);

/* Where something came from, for diagnostics.  file is owned by
 * whoever loaded the file (it outlives every position that names it). */
struct srcpos {
	const char	*file;
	int		 line;
	int		 col;
};

/* Interned strings live until intern_free(): file names that source
 * positions point at, whatever stage made them. */
const char *intern(const char *);
void	 intern_free(void);

/* Reading a whole ordinary file with a size cap (a folder, device or
 * pipe is refused without blocking).  *data is NUL-terminated; caller
 * frees.  Returns 0 and reports a diagnostic at path on failure. */
int	 file_read(const char *path, size_t maxlen, char **data, size_t *len);
/* The same without a diagnostic, for a file read again after a reader
 * has already said what is wrong with it, or a cache that may be gone. */
int	 file_read_quiet(const char *path, size_t maxlen, char **data,
	    size_t *len);

/* Writing an output file safely: data goes to a temporary file in the
 * same directory, then is renamed over path.  Nothing is left behind on
 * failure, and an existing file at path stays untouched.  A path that
 * is something else than a regular file (a device, a FIFO) is refused;
 * a full disk says so. */
int	 file_write_atomic(const char *path, const void *data, size_t len);
/* The same in two steps, for outputs that must appear together: the
 * data in *tmp, which temp_commit() renames to path or temp_drop()
 * removes. */
int	 file_write_temp(const char *path, const void *data, size_t len,
	    char **tmp);
/* Reports that writing path failed with errno e, in words a user can
 * act on ("no space left on device"). */
void	 file_write_error(const char *path, int e);
/* "a folder", "a named pipe (FIFO)", "a device": what a file that is
 * not a regular one is (mode as stat gives it). */
const char *file_kind(unsigned mode);

/*
 * Temporary files: PATH.boardgen-tmp.PID.XXXXXX beside PATH.  Those of
 * this process are removed on SIGINT, SIGTERM, SIGHUP and at exit once
 * temp_cleanup_on_signals() has run; temp_sweep() removes those of runs
 * that were killed (their process is gone) in dir (and below it if
 * deep), of base only unless base is NULL.
 */
void	 temp_cleanup_on_signals(void);
int	 temp_create(const char *path, char **tmp);	/* fd, or -1 */
int	 temp_commit(char *tmp, const char *path);	/* frees tmp */
void	 temp_drop(char *tmp);				/* frees tmp */
void	 temp_sweep(const char *dir, const char *base, bool deep);
/* True if path, with every symbolic link followed, lies inside dir;
 * false also if either cannot be resolved (does not exist, say): the
 * one test of every reader that must not leave its folder. */
bool	 path_inside(const char *dir, const char *path);
/* Do a and b name the same file (the same path, or the same device and
 * inode: a symbolic or hard link, "./" in the path)? */
bool	 file_same(const char *a, const char *b);
/* The same, or a byte-for-byte copy (of at most FILE_COPY_MAX bytes):
 * what a reader of either reads is the same. */
#define FILE_COPY_MAX	(64u * 1024u * 1024u)
bool	 file_same_or_copy(const char *a, const char *b);

/* Seconds on a monotonic clock, for timings printed with -s (never
 * for anything written). */
double	 now(void);

/* UTF-8. */
/* Decodes one code point at s[0..len).  Returns its length in bytes
 * (1..4) and sets *cp, or returns 0 for an invalid or truncated
 * sequence (overlong forms, surrogates and > U+10FFFF are invalid). */
size_t	 utf8_decode(const char *s, size_t len, uint32_t *cp);
/* Encodes cp into out (at least 4 bytes); returns the length. */
size_t	 utf8_encode(uint32_t cp, char *out);
/* Returns the offset of the first invalid byte, or (size_t)-1 if all
 * of s[0..len) is valid UTF-8. */
size_t	 utf8_validate(const char *s, size_t len);
/* Number of code points in a valid UTF-8 string. */
size_t	 utf8_length(const char *s, size_t len);
/* Invisible format characters (bidi controls, zero-width spaces, word
 * joiners, a BOM inside text, tags; not the joiners U+200C/U+200D nor
 * the soft hyphen): the character's name, or NULL if cp is none. */
const char *unicode_format_name(uint32_t cp);
/* The byte offset of the first format character in s[0..len) and its
 * code point and length (n may be NULL), or (size_t)-1 if none. */
size_t	 utf8_find_format(const char *s, size_t len, uint32_t *cp,
	    size_t *n);
/* Line and column (1-based, columns counted in code points) of byte
 * offset off in s. */
void	 text_position(const char *s, size_t off, int *line, int *col);
/* Start of line `line' (1-based) of the len bytes at s, its end (the
 * newline or the end of s) in *end; NULL if s has fewer lines. */
const char *text_find_line(const char *s, size_t len, int line,
	    const char **end);

/*
 * Diagnostics.  Stages report with a location and carry on or fail;
 * only main prints them (diag_flush) and decides the exit status.
 * Format on output: "file:line:col: error: message".  A line or column
 * of 0 is left out.
 */
enum diag_level {
	DIAG_ERROR,
	DIAG_WARNING,
	DIAG_NOTE
};
void	 diag(enum diag_level, const char *file, int line, int col,
	    const char *fmt, ...) __attribute__((format(printf, 5, 6)));
void	 vdiag(enum diag_level, const char *file, int line, int col,
	    const char *fmt, va_list);
size_t	 diag_errors(void);
size_t	 diag_warnings(void);
/* Prints the collected diagnostics in the order reported, then
 * forgets them. */
void	 diag_flush(FILE *);
/* The same, but only the first maxwarn warnings (and, if file is not
 * NULL, only those about that file) are printed; the rest are counted
 * in one note that ends with `more' (how to see them all).  Errors and
 * notes are always printed. */
void	 diag_flush_brief(FILE *, size_t maxwarn, const char *file,
	    const char *more);
/* The number of messages collected so far, for diag_release. */
size_t	 diag_mark(void);
/* Turns the errors collected since `from' into warnings, except those
 * keep(message, arg) says are to stay (or whose next message, a note,
 * is): errors in files that do not concern the work at hand. */
void	 diag_release(size_t from, bool (*keep)(const char *, void *),
	    void *arg);
/* Forgets all collected diagnostics (tests). */
void	 diag_clear(void);
/* A point to go back to: what was reported after diag_save() is
 * forgotten by diag_rewind() (a count made without showing it). */
struct diag_point {
	size_t		 nmsgs, nerrors, nwarnings;
};
void	 diag_save(struct diag_point *);
void	 diag_rewind(const struct diag_point *);
/* The first collected message, formatted as printed, or NULL (tests). */
const char *diag_first(void);

/* "Did you mean" (suggest.c).  Edit distance in code points, letter
 * case ignored, a swap of neighbours one edit. */
size_t	 suggest_distance(const char *, const char *);
/* Collects the candidate nearest to word that is close enough to be a
 * typo of it (never word itself); best points at the candidate given. */
struct suggest {
	const char	*word;
	const char	*best;
	size_t		 bestd, limit;
};
void	 suggest_init(struct suggest *, const char *word);
void	 suggest_try(struct suggest *, const char *candidate);
/* The nearest name of a NULL-ended set, or NULL if none is close. */
const char *suggest(const char *word, const char *const *set);

/* Swedish formatting. */
/* "2017-12-12" -> "12 december 2017"; returns NULL if not a valid ISO
 * date.  Caller frees. */
char	*sv_date_long(const char *iso);
/* "2017-12-12" -> "tisdag"; NULL if invalid.  Static string. */
const char *sv_weekday(const char *iso);
/* "2026-12-08" -> "tisdag 8 december 2026"; the date as given if it is
 * not valid.  Caller frees. */
char	*sv_date_weekday(const char *iso);
/* "+01:00" or "+02:00": Swedish time's offset from UTC on that date. */
const char *se_utc_offset(const char *iso);
/* Month 1..12 -> "januari".."december"; weekday 0..6 -> "måndag"..
 * "söndag" (Monday first, as Swedish calendars count). */
const char *sv_month_name(int month);
const char *sv_weekday_name(int day);
/* Days in a month; year 0 (not written) gives February 29. */
int	 days_in_month(int year, int month);
/* The file or address name a Swedish title gives: "Motion om fler
 * laddstolpar" -> "motion-om-fler-laddstolpar", å ä ö as a a o, at most
 * 60 letters cut at a word; "arende" if nothing is left.  Caller
 * frees. */
char	*case_slug(const char *title);
/* Validates YYYY-MM-DD as a real calendar date. */
bool	 iso_date_valid(const char *iso);
/* What is wrong with a date that is not valid, in words ("there is no
 * 30 February 2027 (February 2027 has 28 days): check the day"), with
 * `example' as the form to follow; NULL if valid.  Caller frees. */
char	*iso_date_problem(const char *iso, const char *example);
/* Days since 1970-01-01 for a valid ISO date (for timestamps). */
long	 iso_date_days(const char *iso);

/* The Swedish calendar of days off (holiday.c).  Days are counted
 * since 1970-01-01, as iso_date_days() counts them. */
long	 civil_days(int y, int m, int d);
void	 days_civil(long days, int *y, int *m, int *d);
void	 days_iso(long days, char out[11]);	/* "2026-12-08" */
int	 days_weekday(long days);		/* 0 Monday .. 6 Sunday */
long	 easter_days(int year);			/* påskdagen */
/* The public holiday (lag 1989:253) a day is, by its Swedish name
 * ("långfredagen", "midsommardagen"), or NULL; ordinary Sundays are
 * not named. */
const char *sv_holiday(long days);
/* A day a period may not end on (lag 1930:173): Saturday, Sunday, a
 * public holiday, midsommarafton, julafton, nyårsafton. */
bool	 sv_day_off(long days);
/* The day itself if it is a working day, else the next one. */
long	 sv_next_working_day(long days);
/* The last day an appeal may arrive (kommunallagen 13 kap. 5 §): three
 * weeks after the notice was posted, run on to the next working day.
 * False if posted is not a valid ISO date. */
bool	 sv_appeal_last_day(const char *posted, char out[11]);

/* sv-SE numbers (number.c). */
#define SVNUM_PLUS	0x01u	/* "+16,8": a sign on positive values */
#define SVNUM_PERCENT	0x02u	/* "4,2 %" (value 4.2, not 0.042) */
/* Formats v with `decimals' decimals (0..6), rounded half away from
 * zero as a reader computing by hand would: decimal comma, U+00A0
 * between groups of three digits, U+2212 for minus, never "−0".
 * Caller frees. */
char	*sv_number(double v, int decimals, unsigned flags);
/* Reads a number as officials write it: optional sign (-, +, U+2212,
 * U+2013), optionally followed by one space ("- 2 898,3"), digits in groups of three separated by a space, U+00A0,
 * U+202F or U+2009, `decimal' (',' or '.') and decimals, optionally
 * "%" or " %".  Sets *value, *decimals (as written) and *percent (if
 * non-NULL).  Returns false, touching nothing, if s is not such a
 * number. */
bool	 sv_parse_number(const char *s, char decimal, double *value,
	    int *decimals, bool *percent);
/* Reads a range as reports write it, "9–12", "9-12", "10 – 15 %": two
 * numbers, the first smaller, with a hyphen or an en dash between them
 * and "%" only at the end.  Sets *lo, *hi and *percent (if non-NULL);
 * false, touching nothing, if s is not such a range. */
bool	 sv_parse_range(const char *s, char decimal, double *lo, double *hi,
	    bool *percent);

/* Personal identity numbers (pnr.c): personnummer and samordningsnummer
 * (day + 60), 10 or 12 digits, in text folded as a reader sees it (see
 * pnr.c for the rules), not part of a longer digit run, in every
 * written form, Luhn-valid or not (checked says which). */
#define PNR_SOURCE	1u	/* text is Markdown or XML source: decode
				 * character references, drop backslash
				 * escapes and * _ ` ~ */
#define PNR_REFS	2u	/* decode character references only (the
				 * text of HTML and XML as written) */
/* Text folded for the scan, with the byte offset in the text as given
 * of every byte (map[len]: the given length). */
struct pnr_text {
	char	*s;
	size_t	 len;
	size_t	*map;
};
struct pnr_hit {
	size_t	 off, n;	/* where it is */
	bool	 coord;		/* a samordningsnummer */
	bool	 checked;	/* the check digit matches */
	char	 date[9];	/* the date part's digits, for messages */
	char	 key[11];	/* YYMMDDNNNN, to find it again */
};
void	 pnr_fold(const char *s, size_t len, unsigned flags,
	    struct pnr_text *);
void	 pnr_text_free(struct pnr_text *);
/* The first hit in t at or after folded offset `from' (offsets in h
 * are folded ones). */
bool	 pnr_find_folded(const struct pnr_text *t, size_t from,
	    struct pnr_hit *h);
/* The first hit in s[0..len) (offsets in h are s's). */
bool	 pnr_find(const char *s, size_t len, unsigned flags,
	    struct pnr_hit *h);
/* "personnummer 811218-XXXX" and a note if the check digit does not
 * match; the caller frees it. */
char	*pnr_describe(const struct pnr_hit *);
/* Reports every one in text as `level' at its own position: text
 * starts at file:line:col (col 0: unknown) and lines and columns are
 * counted on through it.  `what' says where it is ("public text").
 * The message shows the date part only.  Returns how many. */
size_t	 pnr_report(enum diag_level, const char *text, unsigned flags,
	    const char *file, int line, int col, const char *what);

/* Waiting for files to change (watch.c, inotify): their folders are
 * watched, so a save by rename is seen.  watch_wait returns 1 when a
 * watched file changed (after a short quiet time), 0 when SIGINT,
 * SIGTERM or SIGHUP asked to stop, -1 on failure; watch_pending is true
 * if a change came meanwhile (while the caller was rendering). */
struct watch;
struct watch *watch_new(void);		/* NULL after reporting */
void	 watch_free(struct watch *);
void	 watch_reset(struct watch *);	/* forget what is watched */
void	 watch_file(struct watch *, const char *path);
void	 watch_dir(struct watch *, const char *dir);	/* any file in it */
int	 watch_wait(struct watch *);
bool	 watch_pending(struct watch *);

#endif /* BOARDGEN_UTIL_H */

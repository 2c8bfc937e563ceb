/*
 * Figure files inside content/: the CSV reader, the figure builder and
 * the check language share these.  Unit tests may include it.
 */
#ifndef BOARDGEN_FIGURE_PRIVATE_H
#define BOARDGEN_FIGURE_PRIVATE_H

#include "content.h"

/* Bounds on hostile input. */
#define FIG_MAX_FILE	(16u * 1024u * 1024u)
#define FIG_MAX_ROWS	100000
#define FIG_MAX_COLS	64		/* what a table can lay out */
/* Cells in one file: every cell costs a few hundred bytes in the model
 * and the layout; 250 000 is a 50 000-row table of five columns. */
#define FIG_MAX_CELLS	250000
#define FIG_MAX_CELL	4000		/* characters in one cell */
/* Values a double holds exactly to the last printed digit (15
 * significant digits): larger ones are refused, not rounded. */
#define FIG_MAX_VALUE	1e15
#define FIG_MAX_CHECKS	200
#define FIG_MAX_CHARTS	20
#define FIG_MAX_EXPR	1000		/* bytes of one expression */
#define FIG_MAX_DEPTH	32		/* nesting of parentheses */
#define FIG_MAX_WORK	20000000	/* cells one formula or check reads */

enum csv_encoding {
	CSV_ENC_DETECT,
	CSV_ENC_UTF8,
	CSV_ENC_CP1252
};

/* How a CSV file is written; 0 / CSV_ENC_DETECT: find out. */
struct csv_dialect {
	char		 sep;		/* ';' ',' '\t' */
	char		 decimal;	/* ',' '.' */
	enum csv_encoding encoding;
	struct srcpos	 pos;		/* of the declaration, or file:0 */
};

struct csv_field {
	char		*text;		/* UTF-8 */
	int		 line, col;
};

struct csv_record {
	struct csv_field *f;
	size_t		 n;
	int		 line;
};

struct csv {
	const char	*path;		/* interned */
	struct csv_record *rec;
	size_t		 nrec;
	struct csv_dialect d;		/* as detected or declared */
};

/* csv.c */
/* Windows-1252 to UTF-8; NULL after reporting an undefined byte. */
char		*csv_cp1252(const char *path, const char *data, size_t len,
		    size_t *outlen);
struct csv	*csv_parse(const char *path, const char *data, size_t len,
		    const struct csv_dialect *declared);
struct csv	*csv_load(const char *path, const struct csv_dialect *);
void		 csv_free(struct csv *);

/* figure.c */
struct figure	*figure_new(const char *path);
/* A figure from parsed CSV records: header rows, then data. */
int		 figure_from_csv(struct figure *, const struct csv *,
		    size_t nhead, bool detect);
/* Parses one cell's text against its column's type. */
int		 figure_cell_value(const struct figure *, size_t col,
		    struct figure_cell *, char decimal);

/* figcheck.c */
/* Fills computed cells (column and cell formulas), then evaluates every
 * check, recording failures in f->failures.  Returns 0 if a formula or
 * check cannot be understood (reported). */
int		 figure_compute(struct figure *);
int		 figure_check(struct figure *);
/* A cell's value as shown (rounded to its column's decimals). */
double		 figure_shown(const struct figure *, size_t row, size_t col);
/* Statuses: level of a word ("Uppfyllt" 1), 0 if none. */
int		 figure_status_level(const struct figure *, const char *);

#endif /* BOARDGEN_FIGURE_PRIVATE_H */

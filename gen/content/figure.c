/*
 * Figure files: a bare CSV file (a plain table: header row, columns
 * typed from their cells, row roles from the first cell) or an XML
 * figure file (templates/schema/figure.rng) that holds the data inline
 * or names a CSV file, and adds caption, unit, source, column types,
 * header rows with spans, row roles, computed cells, checks and charts.
 * Every figure a meeting's texts place is read once, computed and
 * checked here.
 */
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../util/xml.h"
#include "extern.h"
#include "figure_private.h"

/* Words that stand for a missing number and are never one. */
static const char *const figure_words[] = {
	"?", "Saknas", "Utgår", "Inga uppgifter", "Uppgift saknas", "–", "-",
	"..", "x"
};

static const char *const default_levels[3] = {
	"Uppfyllt", "Delvis uppfyllt", "Ej uppfyllt"
};

struct figure *
figure_new(const char *path)
{
	struct figure *f = xcalloc(1, sizeof(*f));
	size_t	 i;

	f->path = xstrdup(path);
	f->pos.file = intern(path);
	for (i = 0; i < 3; i++)
		f->levels[i] = xstrdup(default_levels[i]);
	return f;
}

static bool
is_word(const char *s)
{
	size_t	 i;

	for (i = 0; i < sizeof(figure_words) / sizeof(figure_words[0]); i++)
		if (strcasecmp(s, figure_words[i]) == 0)
			return true;
	return false;
}

int
figure_status_level(const struct figure *f, const char *s)
{
	int	 i;

	for (i = 0; i < 3; i++)
		if (f->levels[i] != NULL && strcasecmp(s, f->levels[i]) == 0)
			return i + 1;
	return 0;
}

/* Text with surrounding spaces removed, runs of white space as one. */
static char *
trimmed(const char *s)
{
	struct buf b = { 0 };
	bool	 sp = false;

	for (; *s != '\0'; s++) {
		if (*s == ' ' || *s == '\t' || *s == '\n') {
			sp = b.len > 0;
			continue;
		}
		if (sp)
			buf_putc(&b, ' ');
		sp = false;
		buf_putc(&b, *s);
	}
	return buf_detach(&b);
}

int
figure_cell_value(const struct figure *f, size_t col,
    struct figure_cell *c, char decimal)
{
	const struct figure_col *fc = &f->cols[col];
	double	 v;
	int	 d;
	bool	 pct;

	c->kind = FIGVAL_EMPTY;
	if (c->text == NULL || c->text[0] == '\0')
		return 1;
	switch (fc->type) {
	case FIGCOL_TEXT:
		c->kind = FIGVAL_WORD;
		return 1;
	case FIGCOL_STATUS:
		if ((c->status = figure_status_level(f, c->text)) > 0) {
			c->kind = FIGVAL_STATUS;
			return 1;
		}
		if (is_word(c->text)) {
			c->kind = FIGVAL_WORD;
			return 1;
		}
		diag(DIAG_ERROR, c->pos.file, c->pos.line, c->pos.col,
		    "\"%s\" is not a status of column \"%s\": write %s, %s or "
		    "%s (or ?, Saknas, Utgår)", c->text, fc->name ? fc->name :
		    "", f->levels[0], f->levels[1], f->levels[2]);
		return 0;
	case FIGCOL_NUMBER:
	case FIGCOL_PERCENT:
		if (sv_parse_number(c->text, decimal, &v, &d, &pct)) {
			if (fabs(v) >= FIG_MAX_VALUE) {
				diag(DIAG_ERROR, c->pos.file, c->pos.line,
				    c->pos.col, "\"%s\" has more digits than "
				    "can be computed and printed exactly (15): "
				    "give it in a larger unit, e.g. mkr for kr",
				    c->text);
				return 0;
			}
			c->kind = FIGVAL_NUMBER;
			c->value = v;
			c->decimals = d;
			return 1;
		}
		if (is_word(c->text)) {
			c->kind = FIGVAL_WORD;
			return 1;
		}
		if (sv_parse_range(c->text, decimal, &v, &v, NULL)) {
			c->kind = FIGVAL_RANGE;
			return 1;
		}
		if (sv_parse_number(c->text, decimal == ',' ? '.' : ',', &v, &d,
		    NULL))
			diag(DIAG_ERROR, c->pos.file, c->pos.line, c->pos.col,
			    "\"%s\" is written with a decimal %s but the file "
			    "uses decimal %s: write it as the others, or "
			    "declare decimal=\"%c\"", c->text,
			    decimal == ',' ? "point" : "comma",
			    decimal == ',' ? "comma" : "point",
			    decimal == ',' ? '.' : ',');
		else
			diag(DIAG_ERROR, c->pos.file, c->pos.line, c->pos.col,
			    "\"%s\" is not a number, but column \"%s\" holds "
			    "numbers: write a number such as 1 234,5, leave "
			    "the cell empty or write ?, Saknas or Utgår",
			    c->text, fc->name ? fc->name : "");
		return 0;
	}
	return 1;
}

/* Row roles of a plain table, from its first cell. */
static int
role_of(const char *first)
{
	/* Past quotation marks and dashes: „Varav utomlands” and
	 * "–varav nattpersonal" are Varav rows. */
	for (;;) {
		if (*first == '"' || *first == '\'' || *first == ' ' ||
		    *first == '-')
			first++;
		else if (strncmp(first, "\xe2\x80\x9e", 3) == 0 ||
		    strncmp(first, "\xe2\x80\x93", 3) == 0 ||
		    strncmp(first, "\xe2\x80\x9c", 3) == 0 ||
		    strncmp(first, "\xe2\x80\x9d", 3) == 0)
			first += 3;		/* „ – “ ” */
		else if (strncmp(first, "\xc2\xab", 2) == 0 ||
		    strncmp(first, "\xc2\xbb", 2) == 0)
			first += 2;		/* « » */
		else
			break;
	}
	if (strncasecmp(first, "varav", 5) == 0)
		return ROW_PART;
	if (strncasecmp(first, "summa", 5) == 0)
		return ROW_SUBTOTAL;
	if (strncasecmp(first, "total", 5) == 0)
		return ROW_TOTAL;
	return ROW_DATA;
}

static struct figure_row *
add_row(struct figure *f, int role, struct srcpos pos)
{
	struct figure_row *r;
	size_t	 k;

	/* Doubling (powers of two from 16): linear time for long tables. */
	if (f->nrows >= 16 && (f->nrows & (f->nrows - 1)) == 0)
		f->rows = xrealloc(f->rows, 2 * f->nrows * sizeof(*f->rows));
	else if (f->nrows == 0)
		f->rows = xcalloc(16, sizeof(*f->rows));
	r = &f->rows[f->nrows++];
	memset(r, 0, sizeof(*r));
	r->role = role;
	r->pos = pos;
	r->cells = xcalloc(f->ncols ? f->ncols : 1, sizeof(*r->cells));
	for (k = 0; k < f->ncols; k++) {
		r->cells[k].colspan = r->cells[k].rowspan = 1;
		r->cells[k].pos = pos;
	}
	return r;
}

static void
set_cols(struct figure *f, size_t n)
{
	size_t	 i;

	f->cols = xcalloc(n ? n : 1, sizeof(*f->cols));
	f->ncols = n;
	for (i = 0; i < n; i++) {
		f->cols[i].type = FIGCOL_TEXT;
		f->cols[i].decimals = -1;
		f->cols[i].pos = f->pos;
	}
}

/* Column types of a plain table: numbers if every non-empty cell is a
 * number or a legitimate word, statuses if every one is a status word.
 * The first column names the rows and stays text. */
/* True if t is written like a number (digits with signs, spaces,
 * marks and %) even if it is not one in this file's dialect. */
static bool
looks_numeric(const char *t)
{
	bool	 digit = false;

	for (; *t != '\0'; t++) {
		if (*t >= '0' && *t <= '9')
			digit = true;
		else if (strchr(" .,+-%", *t) != NULL)
			continue;
		else if (strncmp(t, "\xc2\xa0", 2) == 0 ||
		    strncmp(t, "\xe2\x88\x92", 3) == 0)
			t += strncmp(t, "\xc2", 1) == 0 ? 1 : 2;
		else
			return false;
	}
	return digit;
}

/*
 * Column types of a bare CSV: number, percent or status when every
 * filled cell is one (or a word such as "Saknas").  A cell written like
 * a number that this file's dialect cannot read ("2.5" where the
 * decimal mark is a comma), or percentages mixed with plain numbers,
 * would silently turn a number column into text or drop the %: both
 * are errors at the cell.  Returns 0 after reporting.
 */
static int
detect_types(struct figure *f, char decimal)
{
	size_t	 c, r, pctr, plainr;
	double	 v;
	int	 d, ok = 1;
	bool	 pct, allnum, allpct, allstat;
	size_t	 nnum, nstat, nodd;

	for (c = 1; c < f->ncols; c++) {
		allnum = allpct = allstat = true;
		nnum = nstat = nodd = 0;
		pctr = plainr = (size_t)-1;
		for (r = f->nhead; r < f->nrows; r++) {
			const char *t = f->rows[r].cells[c].text;

			if (t == NULL || *t == '\0')
				continue;
			if (figure_status_level(f, t) > 0)
				nstat++;
			else if (!is_word(t))
				allstat = false;
			if (sv_parse_number(t, decimal, &v, &d, &pct) ||
			    sv_parse_range(t, decimal, &v, &v, &pct)) {
				nnum++;
				if (!pct) {
					allpct = false;
					if (plainr == (size_t)-1)
						plainr = r;
				} else if (pctr == (size_t)-1)
					pctr = r;
			} else if (!is_word(t)) {
				allnum = false;
				nodd += looks_numeric(t);
			}
		}
		/* Mostly numbers: the odd ones are mistakes, not text. */
		if (nnum > 0 && nodd > 0 && nnum >= nodd) {
			for (r = f->nhead; r < f->nrows; r++) {
				const struct figure_cell *cell =
				    &f->rows[r].cells[c];
				const char *t = cell->text;

				if (t == NULL || *t == '\0' || is_word(t) ||
				    sv_parse_number(t, decimal, &v, &d, &pct) ||
				    sv_parse_range(t, decimal, &v, &v, &pct) ||
				    !looks_numeric(t))
					continue;
				diag(DIAG_ERROR, cell->pos.file, cell->pos.line,
				    cell->pos.col, "\"%s\" is not a number as "
				    "this file writes them (decimal mark '%c', "
				    "spaces between thousands): write it like "
				    "the column's other numbers, or declare the "
				    "column as text in an XML figure file", t,
				    decimal);
				ok = 0;
			}
			continue;
		}
		if (allnum && nnum > 0 && !allpct && pctr != (size_t)-1) {
			const struct figure_cell *cell = &f->rows[pctr].cells[c];

			diag(DIAG_ERROR, cell->pos.file, cell->pos.line,
			    cell->pos.col, "\"%s\" is a percentage in a column "
			    "of plain numbers (\"%s\"): write %% on all of "
			    "them or on none", cell->text,
			    f->rows[plainr].cells[c].text);
			ok = 0;
			continue;
		}
		if (allnum && nnum > 0)
			f->cols[c].type = allpct ? FIGCOL_PERCENT :
			    FIGCOL_NUMBER;
		else if (allstat && nstat > 0)
			f->cols[c].type = FIGCOL_STATUS;
	}
	return ok;
}

/*
 * Decimals.  Undeclared: a written number keeps its own, and computed
 * cells get the number most written in the column (the larger on a
 * tie).  Declared: every number is printed with that many, which may
 * add zeros but never drops a written digit: a number written with more
 * is an error at its cell, not a silent rounding.  Once per figure.
 */
static int
settle_decimals(struct figure *f)
{
	size_t	 c, r;
	int	 count[7], d, best, ok = 1;

	for (c = 0; c < f->ncols; c++) {
		struct figure_col *col = &f->cols[c];

		if (col->decimals < 0) {
			memset(count, 0, sizeof(count));
			for (r = f->nhead; r < f->nrows; r++) {
				const struct figure_cell *cell =
				    &f->rows[r].cells[c];

				if (cell->kind == FIGVAL_NUMBER &&
				    cell->formula == NULL)
					count[cell->decimals > 6 ? 6 :
					    cell->decimals]++;
			}
			for (d = 0, best = 0; d < 7; d++)
				if (count[d] >= count[best] && count[d] > 0)
					best = d;
			col->decimals = best;
			continue;
		}
		for (r = f->nhead; r < f->nrows; r++) {
			struct figure_cell *cell = &f->rows[r].cells[c];

			if (cell->kind != FIGVAL_NUMBER ||
			    cell->formula != NULL)
				continue;
			if (cell->decimals > col->decimals) {
				diag(DIAG_ERROR, cell->pos.file,
				    cell->pos.line, cell->pos.col, "\"%s\" "
				    "has %d decimal%s but column \"%s\" "
				    "prints %d (decimals=\"%d\"): that would "
				    "drop a written digit; declare "
				    "decimals=\"%d\", or write the number as "
				    "it is to be printed", cell->text,
				    cell->decimals, cell->decimals == 1 ? "" :
				    "s", col->name ? col->name : "",
				    col->decimals, col->decimals,
				    cell->decimals);
				ok = 0;
			} else
				cell->decimals = col->decimals;
		}
	}
	return ok;
}

/* Column names: the last header row's cell over each column. */
static void
name_columns(struct figure *f)
{
	size_t	 c, r, k;

	for (c = 0; c < f->ncols; c++) {
		if (f->cols[c].name != NULL)
			continue;
		for (r = f->nhead; r-- > 0 && f->cols[c].name == NULL;) {
			for (k = c + 1; k-- > 0;) {
				const struct figure_cell *cell =
				    &f->rows[r].cells[k];

				if (cell->covered)
					continue;
				if (k + (size_t)cell->colspan > c &&
				    cell->text != NULL && *cell->text != '\0')
					f->cols[c].name = trimmed(cell->text);
				break;
			}
		}
		if (f->cols[c].name == NULL)
			f->cols[c].name = xasprintf("%zu", c + 1);
	}
}

static void
name_rows(struct figure *f)
{
	size_t	 r;

	for (r = f->nhead; r < f->nrows; r++) {
		free(f->rows[r].name);
		f->rows[r].name = trimmed(f->rows[r].cells[0].text ?
		    f->rows[r].cells[0].text : "");
	}
}

/* Cell values once the column types are known. */
static int
parse_values(struct figure *f, char decimal)
{
	size_t	 r, c;
	int	 ok = 1;

	for (r = f->nhead; r < f->nrows; r++) {
		if (f->rows[r].role == ROW_GROUP)
			continue;
		for (c = 0; c < f->ncols; c++) {
			struct figure_cell *cell = &f->rows[r].cells[c];

			if (cell->covered || cell->formula != NULL)
				continue;
			if (!figure_cell_value(f, c, cell, decimal))
				ok = 0;
		}
	}
	return ok;
}

int
figure_from_csv(struct figure *f, const struct csv *csv, size_t nhead,
    bool detect)
{
	size_t	 i, k, n = 0;
	struct figure_row *r;
	struct srcpos pos;

	if (csv->nrec <= nhead) {
		diag(DIAG_ERROR, csv->path, csv->nrec ? csv->rec[0].line : 0, 0,
		    "the table has no rows under its header: a figure file "
		    "needs a header line and data lines");
		return 0;
	}
	for (i = 0; i < csv->nrec; i++)
		if (csv->rec[i].n > n)
			n = csv->rec[i].n;
	for (i = 0; i < csv->nrec; i++)
		if (csv->rec[i].n != n) {
			diag(DIAG_ERROR, csv->path, csv->rec[i].line, 0, "this "
			    "line has %zu fields, others have %zu: every line "
			    "needs the same number of fields (quote a field "
			    "that holds the separator)", csv->rec[i].n, n);
			return 0;
		}
	if (f->ncols == 0)
		set_cols(f, n);
	else if (f->ncols != n) {
		diag(DIAG_ERROR, csv->path, csv->rec[0].line, 0, "the file has "
		    "%zu columns but %s declares %zu: make them agree", n,
		    f->path, f->ncols);
		return 0;
	}
	for (i = 0; i < csv->nrec; i++) {
		pos.file = csv->path;
		pos.line = csv->rec[i].line;
		pos.col = 1;
		r = add_row(f, i < nhead ? ROW_HEAD : ROW_DATA, pos);
		for (k = 0; k < n; k++) {
			r->cells[k].text = xstrdup(csv->rec[i].f[k].text);
			r->cells[k].pos.file = csv->path;
			r->cells[k].pos.line = csv->rec[i].f[k].line;
			r->cells[k].pos.col = csv->rec[i].f[k].col;
		}
		if (i >= nhead) {
			char	*t = trimmed(r->cells[0].text);

			r->role = role_of(t);
			free(t);
		}
	}
	f->nhead = nhead;
	if (detect && !detect_types(f, csv->d.decimal))
		return 0;
	name_columns(f);
	name_rows(f);
	if (!parse_values(f, csv->d.decimal))
		return 0;
	return settle_decimals(f);
}

/* ------------------------------------------------------------------ */
/* XML figure files. */

static struct srcpos
pos_of(const struct figure *f, xmlNodePtr n)
{
	struct srcpos p;

	p.file = f->pos.file;
	p.line = xml_line(n);
	p.col = 0;
	return p;
}

static int
attr_int(const struct figure *f, xmlNodePtr n, const char *name, int def,
    int lo, int hi, int *out)
{
	char	*v = xml_attr(n, name), *end;
	long	 l;

	*out = def;
	if (v == NULL)
		return 1;
	errno = 0;
	l = strtol(v, &end, 10);
	if (errno != 0 || *end != '\0' || end == v || l < lo || l > hi) {
		diag(DIAG_ERROR, f->pos.file, xml_line(n), 0, "%s=\"%s\": write "
		    "a whole number from %d to %d", name, v, lo, hi);
		free(v);
		return 0;
	}
	*out = (int)l;
	free(v);
	return 1;
}

static int
load_columns(struct figure *f, xmlNodePtr n)
{
	xmlNodePtr c;
	size_t	 i = 0, cnt = 0;
	char	*v;
	int	 ok = 1;

	for (c = n->children; c; c = c->next)
		if (xml_is(c, "column"))
			cnt++;
	if (cnt > FIG_MAX_COLS) {
		diag(DIAG_ERROR, f->pos.file, xml_line(n), 0, "more than %d "
		    "columns", FIG_MAX_COLS);
		return 0;
	}
	set_cols(f, cnt);
	for (c = n->children; c; c = c->next) {
		struct figure_col *col;

		if (!xml_is(c, "column"))
			continue;
		col = &f->cols[i++];
		col->pos = pos_of(f, c);
		if ((v = xml_attr(c, "name")) != NULL) {
			col->name = trimmed(v);
			free(v);
		}
		if ((v = xml_attr(c, "type")) != NULL) {
			col->type = strcmp(v, "number") == 0 ? FIGCOL_NUMBER :
			    strcmp(v, "percent") == 0 ? FIGCOL_PERCENT :
			    strcmp(v, "status") == 0 ? FIGCOL_STATUS :
			    FIGCOL_TEXT;
			free(v);
		}
		ok &= attr_int(f, c, "decimals", -1, 0, 6, &col->decimals);
		col->formula = xml_attr(c, "compute");
		if (col->formula != NULL && col->type != FIGCOL_NUMBER &&
		    col->type != FIGCOL_PERCENT) {
			diag(DIAG_ERROR, f->pos.file, xml_line(c), 0, "a "
			    "computed column needs type=\"number\" or "
			    "type=\"percent\"");
			ok = 0;
		}
	}
	return ok;
}

/* A cell's text; its <p> paragraphs (a comment of several) apart by
 * a blank line, as a spreadsheet cell writes them. */
static char *
cell_text(xmlNodePtr c)
{
	xmlNodePtr p;
	struct buf b = { 0 };
	char	*t;

	for (p = c->children; p != NULL; p = p->next)
		if (xml_is(p, "p")) {
			t = xml_text(p);
			if (*t != '\0')
				buf_printf(&b, "%s%s", b.len ? "\n\n" : "", t);
			free(t);
		}
	if (b.len > 0)
		return buf_detach(&b);
	buf_free(&b);
	return xml_text(c);
}

/* Cells of an XML row into r, honouring spans from rows above. */
static int
load_cells(struct figure *f, xmlNodePtr rn, size_t ri)
{
	xmlNodePtr c;
	size_t	 k = 0, j;
	int	 ok = 1, cs, rs;
	struct figure_row *r = &f->rows[ri];

	for (c = rn->children; c; c = c->next) {
		struct figure_cell *cell;

		if (!xml_is(c, "c"))
			continue;
		while (k < f->ncols && r->cells[k].covered)
			k++;
		if (k >= f->ncols) {
			diag(DIAG_ERROR, f->pos.file, xml_line(c), 0, "this row "
			    "has more cells than the table's %zu columns",
			    f->ncols);
			return 0;
		}
		cell = &r->cells[k];
		cell->pos = pos_of(f, c);
		cell->text = cell_text(c);
		cell->formula = xml_attr(c, "compute");
		ok &= attr_int(f, c, "colspan", 1, 1, FIG_MAX_COLS, &cs);
		ok &= attr_int(f, c, "rowspan", 1, 1, FIG_MAX_ROWS, &rs);
		if (k + (size_t)cs > f->ncols) {
			diag(DIAG_ERROR, f->pos.file, xml_line(c), 0, "colspan="
			    "\"%d\" reaches past the table's %zu columns", cs,
			    f->ncols);
			return 0;
		}
		if (cell->formula != NULL && *cell->text != '\0') {
			diag(DIAG_ERROR, f->pos.file, xml_line(c), 0, "a "
			    "computed cell is left empty: boardgen writes "
			    "its value");
			ok = 0;
		}
		cell->colspan = cs;
		cell->rowspan = rs;
		for (j = 1; j < (size_t)cs; j++)
			r->cells[k + j].covered = true;
		/* Rows below are covered when they are made. */
		k += (size_t)cs;
	}
	return ok;
}

/* Cells rows above span down into, by column: one past the last row
 * they cover (0: none).  Linear in the rows, however long. */
static void
cover_from_above(struct figure *f, size_t ri, size_t *until)
{
	size_t	 k;

	for (k = 0; k < f->ncols; k++)
		if (until[k] > ri)
			f->rows[ri].cells[k].covered = true;
}

static void
note_spans(const struct figure *f, size_t ri, size_t *until)
{
	size_t	 k, j, last;

	for (k = 0; k < f->ncols; k++) {
		const struct figure_cell *c = &f->rows[ri].cells[k];

		if (c->covered || c->rowspan <= 1)
			continue;
		last = ri + (size_t)c->rowspan;
		for (j = 0; j < (size_t)c->colspan && k + j < f->ncols; j++)
			if (last > until[k + j])
				until[k + j] = last;
	}
}

static int
role_name(const char *s)
{
	if (s == NULL || strcmp(s, "data") == 0)
		return ROW_DATA;
	if (strcmp(s, "part") == 0)
		return ROW_PART;
	if (strcmp(s, "subtotal") == 0)
		return ROW_SUBTOTAL;
	if (strcmp(s, "total") == 0)
		return ROW_TOTAL;
	if (strcmp(s, "group") == 0)
		return ROW_GROUP;
	return ROW_DATA;
}

static int
load_rows(struct figure *f, xmlNodePtr n, bool head)
{
	xmlNodePtr c;
	size_t	*until = xcalloc(f->ncols ? f->ncols : 1, sizeof(*until));
	int	 ok = 1;
	char	*v;

	for (c = n->children; c; c = c->next) {
		struct figure_row *r;

		if (!xml_is(c, "row"))
			continue;
		if (f->nrows >= FIG_MAX_ROWS ||
		    (f->nrows + 1) * f->ncols > FIG_MAX_CELLS) {
			diag(DIAG_ERROR, f->pos.file, xml_line(c), 0, "more than "
			    "%d rows or %d cells: split the table",
			    FIG_MAX_ROWS, FIG_MAX_CELLS);
			ok = 0;
			break;
		}
		v = xml_attr(c, "role");
		r = add_row(f, head ? ROW_HEAD : role_name(v), pos_of(f, c));
		free(v);
		cover_from_above(f, f->nrows - 1, until);
		if (r->role == ROW_GROUP) {
			/* One cell across the table. */
			r->cells[0].text = xml_text(c);
			r->cells[0].colspan = (int)f->ncols;
			r->cells[0].pos = r->pos;
			for (size_t k = 1; k < f->ncols; k++)
				r->cells[k].covered = true;
			continue;
		}
		if (!load_cells(f, c, f->nrows - 1)) {
			ok = 0;
			break;
		}
		note_spans(f, f->nrows - 1, until);
	}
	free(until);
	return ok;
}

static int
parse_tolerance(const struct figure *f, xmlNodePtr n, double *tol,
    int *dec)
{
	char	*v = xml_attr(n, "tolerance");
	int	 ok = 1;

	*tol = 0;
	*dec = 0;
	if (v == NULL)
		return 1;
	if ((!sv_parse_number(v, ',', tol, dec, NULL) &&
	    !sv_parse_number(v, '.', tol, dec, NULL)) || *tol < 0) {
		diag(DIAG_ERROR, f->pos.file, xml_line(n), 0, "tolerance=\"%s\": "
		    "write a number such as 0,1", v);
		ok = 0;
	}
	free(v);
	return ok;
}

/* rows="2-5" or columns="2": what a chart draws or a check covers
 * (1-based). */
static int
range_attr(const struct figure *f, xmlNodePtr n, const char *attr,
    size_t lim, size_t *first, size_t *last)
{
	char	*v = xml_attr(n, attr), *end;
	unsigned long a, b;

	*first = *last = 0;
	if (v == NULL)
		return 1;
	a = strtoul(v, &end, 10);
	b = a;
	if (*end == '-')
		b = strtoul(end + 1, &end, 10);
	if (*end != '\0' || a < 1 || b < a || b > lim) {
		diag(DIAG_ERROR, f->pos.file, xml_line(n), 0, "%s=\"%s\": write "
		    "N or N-M with 1 <= N <= M <= %zu", attr, v, lim);
		free(v);
		return 0;
	}
	*first = a;
	*last = b;
	free(v);
	return 1;
}

static int
load_check(struct figure *f, xmlNodePtr n)
{
	struct figure_check *ck;

	if (f->nchecks >= FIG_MAX_CHECKS) {
		diag(DIAG_ERROR, f->pos.file, xml_line(n), 0, "more than %d "
		    "checks", FIG_MAX_CHECKS);
		return 0;
	}
	f->checks = xrealloc(f->checks, (f->nchecks + 1) * sizeof(*f->checks));
	ck = &f->checks[f->nchecks++];
	memset(ck, 0, sizeof(*ck));
	ck->expr = xml_text(n);
	ck->pos = pos_of(f, n);
	return parse_tolerance(f, n, &ck->tolerance, &ck->tol_decimals) &
	    range_attr(f, n, "rows", f->nrows - f->nhead, &ck->row_first,
	    &ck->row_last) & range_attr(f, n, "columns", f->ncols,
	    &ck->col_first, &ck->col_last);
}

static int
load_chart(struct figure *f, xmlNodePtr n)
{
	struct figure_chart *ch;
	char	*v;

	if (f->ncharts >= FIG_MAX_CHARTS) {
		diag(DIAG_ERROR, f->pos.file, xml_line(n), 0, "more than %d "
		    "charts", FIG_MAX_CHARTS);
		return 0;
	}
	f->charts = xrealloc(f->charts, (f->ncharts + 1) * sizeof(*f->charts));
	ch = &f->charts[f->ncharts++];
	memset(ch, 0, sizeof(*ch));
	ch->pos = pos_of(f, n);
	ch->name = xml_attr(n, "name");
	ch->title = xml_attr(n, "title");
	v = xml_attr(n, "type");
	ch->kind = v != NULL && strcmp(v, "line") == 0 ? CHART_LINE :
	    CHART_BAR;
	free(v);
	v = xml_attr(n, "series");
	ch->by_rows = v != NULL && strcmp(v, "rows") == 0;
	free(v);
	return range_attr(f, n, "rows", f->nrows - f->nhead, &ch->row_first,
	    &ch->row_last) & range_attr(f, n, "columns", f->ncols,
	    &ch->col_first, &ch->col_last);
}

static int
load_levels(struct figure *f, xmlNodePtr n)
{
	xmlNodePtr c;
	int	 i = 0;

	for (c = n->children; c; c = c->next) {
		if (!xml_is(c, "level"))
			continue;
		if (i >= 3)
			break;
		free(f->levels[i]);
		f->levels[i++] = xml_text(c);
	}
	return 1;
}

/* Path of a file named inside a figure file: beside it, plain names
 * or sub-folders only. */
static char *
beside(const struct figure *f, xmlNodePtr n, const char *href)
{
	const char *p, *slash = strrchr(f->path, '/');
	char	*path, *dir;

	for (p = href; *p != '\0'; p += strcspn(p, "/"), p += *p == '/')
		if (strncmp(p, "..", 2) == 0 && (p[2] == '/' || p[2] == '\0'))
			break;
	if (href[0] == '/' || *p != '\0' || strchr(href, '\\') != NULL) {
		diag(DIAG_ERROR, f->pos.file, xml_line(n), 0, "href=\"%s\": name "
		    "a CSV file in the figure file's folder (no \"..\", no "
		    "absolute path)", href);
		return NULL;
	}
	path = slash ? xasprintf("%.*s/%s", (int)(slash - f->path), f->path,
	    href) : xstrdup(href);
	/* Nor through a symbolic link that leads out of the folder. */
	dir = slash ? xstrndup(f->path, (size_t)(slash - f->path)) :
	    xstrdup(".");
	/* A file that is not there is the CSV reader's to report. */
	if (access(path, F_OK) == 0 && !path_inside(dir, path)) {
		diag(DIAG_ERROR, f->pos.file, xml_line(n), 0, "href=\"%s\" "
		    "leads outside the figure file's folder through a symbolic "
		    "link: copy the file into the folder", href);
		free(path);
		path = NULL;
	}
	free(dir);
	return path;
}

static int
load_csv_ref(struct figure *f, xmlNodePtr n, bool declared_cols)
{
	struct csv_dialect d;
	struct csv *csv;
	char	*v, *path;
	int	 nhead, ok = 1;

	memset(&d, 0, sizeof(d));
	d.pos = pos_of(f, n);
	if ((v = xml_attr(n, "separator")) != NULL) {
		d.sep = strcmp(v, "tab") == 0 ? '\t' : v[0];
		free(v);
	}
	if ((v = xml_attr(n, "decimal")) != NULL) {
		d.decimal = v[0];
		free(v);
	}
	if ((v = xml_attr(n, "encoding")) != NULL) {
		d.encoding = strcasecmp(v, "windows-1252") == 0 ?
		    CSV_ENC_CP1252 : CSV_ENC_UTF8;
		free(v);
	}
	if (!attr_int(f, n, "header", 1, 0, 20, &nhead))
		return 0;
	v = xml_attr(n, "href");
	if (v == NULL || (path = beside(f, n, v)) == NULL) {
		free(v);
		return 0;
	}
	free(v);
	csv = csv_load(path, &d);
	f->csv = path;
	if (csv == NULL)
		return 0;
	/* Header rows given in <head> replace the CSV's. */
	ok = figure_from_csv(f, csv, (size_t)nhead, !declared_cols);
	csv_free(csv);
	return ok;
}

static const struct xml_hint figure_hints[] = {
	{ "type", "write type=\"text\", \"number\", \"percent\" or "
	    "\"status\" for a column, \"line\" or \"bar\" for a chart" },
	{ "role", "write role=\"data\", \"part\" (Varav), \"subtotal\", "
	    "\"total\" or \"group\"" },
	{ "decimals", "write a whole number from 0 to 6" },
	{ "figure", "the elements of <figure> come in this order: caption, "
	    "unit, source, levels, columns, head, then csv or data, then "
	    "check and chart elements" },
	{ NULL, NULL }
};

/* The figure of a parsed and validated XML file; frees doc. */
static struct figure *
figure_from_xml(const char *path, xmlDocPtr doc)
{
	struct figure *f;
	xmlNodePtr root, n, head = NULL, data = NULL, csvn = NULL;
	int	 ok = 1;
	bool	 declared = false;

	if (doc == NULL)
		return NULL;
	f = figure_new(path);
	root = xmlDocGetRootElement(doc);
	f->pos.line = xml_line(root);
	for (n = xmlFirstElementChild(root); n != NULL;
	    n = xmlNextElementSibling(n)) {
		if (xml_is(n, "caption"))
			f->caption = xml_text(n);
		else if (xml_is(n, "unit"))
			f->unit = xml_text(n);
		else if (xml_is(n, "source"))
			f->source = xml_text(n);
		else if (xml_is(n, "levels"))
			ok &= load_levels(f, n);
		else if (xml_is(n, "columns")) {
			ok &= load_columns(f, n);
			declared = true;
		} else if (xml_is(n, "head"))
			head = n;
		else if (xml_is(n, "data"))
			data = n;
		else if (xml_is(n, "csv"))
			csvn = n;
	}
	if (!ok)
		goto fail;
	if (csvn != NULL) {
		if (!load_csv_ref(f, csvn, declared))
			goto fail;
		if (head != NULL) {
			/* Own header rows replace the file's. */
			diag(DIAG_ERROR, f->pos.file, xml_line(head), 0, "<head> "
			    "with <csv>: give the header in the CSV file "
			    "(header=\"2\" for two lines)");
			goto fail;
		}
	} else {
		if (!declared) {
			diag(DIAG_ERROR, f->pos.file, xml_line(root), 0, "a "
			    "figure with inline <data> needs <columns>");
			goto fail;
		}
		if (head != NULL && !load_rows(f, head, true))
			goto fail;
		f->nhead = f->nrows;
		if (head == NULL) {
			/* The column names are the header. */
			struct figure_row *r = add_row(f, ROW_HEAD, f->pos);
			size_t	 k;

			for (k = 0; k < f->ncols; k++) {
				r->cells[k].text = xstrdup(f->cols[k].name ?
				    f->cols[k].name : "");
				r->cells[k].pos = f->cols[k].pos;
			}
			f->nhead = 1;
		}
		if (data == NULL || !load_rows(f, data, false))
			goto fail;
		if (f->nrows == f->nhead) {
			diag(DIAG_ERROR, f->pos.file, xml_line(data), 0,
			    "<data> has no rows");
			goto fail;
		}
		name_columns(f);
		name_rows(f);
		if (!parse_values(f, ','))
			goto fail;
		if (!settle_decimals(f))
			goto fail;
	}
	/* Checks and charts once the rows and columns are known. */
	for (n = root->children; n; n = n->next) {
		if (xml_is(n, "check"))
			ok &= load_check(f, n);
		else if (xml_is(n, "chart"))
			ok &= load_chart(f, n);
	}
	if (!ok)
		goto fail;
	/* Totals of data from a CSV file are checked unless the file
	 * declares its checks, or says there are none to make. */
	if (csvn != NULL && f->nchecks == 0) {
		char	*v = xml_attr(root, "checks");

		f->sum_totals = v == NULL || strcmp(v, "none") != 0;
		free(v);
	}
	xmlFreeDoc(doc);
	return f;
fail:
	xmlFreeDoc(doc);
	figure_free(f);
	return NULL;
}

static bool
ends_with(const char *s, const char *suf)
{
	size_t	 ls = strlen(s), lf = strlen(suf);

	return ls >= lf && strcasecmp(s + ls - lf, suf) == 0;
}

/* An XML figure file read from path (data NULL) or given in memory;
 * a CSV file's header, data and checks as figure_load makes them. */
static struct figure *
figure_read(const char *path, const char *data, size_t len,
    const char *schema_dir)
{
	struct figure *f;
	struct csv *csv;
	char	*schema;

	if (ends_with(path, ".xml")) {
		schema = xasprintf("%s/figure.rng", schema_dir);
		f = figure_from_xml(path, data == NULL ?
		    xml_load(path, schema, figure_hints) :
		    xml_load_memory(path, data, len, schema, figure_hints));
		free(schema);
	} else {
		csv = data == NULL ? csv_load(path, NULL) :
		    csv_parse(path, data, len, NULL);
		if (csv == NULL)
			return NULL;
		f = figure_new(path);
		if (!figure_from_csv(f, csv, 1, true)) {
			csv_free(csv);
			figure_free(f);
			return NULL;
		}
		csv_free(csv);
		f->sum_totals = true;
	}
	if (f == NULL)
		return NULL;
	if (!figure_compute(f) || !figure_check(f)) {
		figure_free(f);
		return NULL;
	}
	return f;
}

struct figure *
figure_load(const char *path, const char *schema_dir)
{
	return figure_read(path, NULL, 0, schema_dir);
}

struct figure *
figure_parse(const char *path, const char *data, size_t len,
    const char *schema_dir)
{
	return figure_read(path, data, len, schema_dir);
}

/* ------------------------------------------------------------------ */
/* Figures placed by a meeting's texts. */

struct figload {
	struct meeting	*m;
	const char	*schema_dir;
	char		*rdir;		/* the meeting folder, resolved */
	/* m->figures[i]'s resolved path, once: resolving every loaded
	 * figure again for each reference was quadratic. */
	char		**real;
	size_t		 nreal;
	/* Files that failed to load: reported once, not once for each
	 * place that shows them. */
	char		**failed;
	size_t		 nfailed;
	int		 ok;
};

/* "a/arenden/../figurer/x.xml" -> "a/figurer/x.xml", for messages;
 * leading ".." stay. */
void
content_path_normalise(char *path)
{
	char	*seg[256], *p, *out;
	size_t	 n = 0, i;
	bool	 abs = path[0] == '/';

	for (p = strtok(path, "/"); p != NULL && n < 256; p = strtok(NULL, "/")) {
		if (strcmp(p, ".") == 0)
			continue;
		if (strcmp(p, "..") == 0 && n > 0 && strcmp(seg[n - 1], "..") != 0)
			n--;
		else
			seg[n++] = p;
	}
	if (p != NULL)
		return;		/* too deep: left as it is */
	out = xstrdup("");
	for (i = 0; i < n; i++) {
		char	*t = xasprintf("%s%s%s", out, i || abs ? "/" : "",
		    seg[i]);

		free(out);
		out = t;
	}
	strcpy(path, out);	/* never longer than the original */
	free(out);
}

char *
content_ref_path(const char *ref, const struct srcpos *pos, const char *dir,
    const char *what, const char *example, const char *folder, char **realp)
{
	const char *file = pos->file, *slash;
	char	*path, *real;

	if (ref[0] == '/' || strchr(ref, '\\') != NULL ||
	    strstr(ref, "://") != NULL) {
		diag(DIAG_ERROR, file, pos->line, pos->col, "%s \"%s\": write "
		    "the path relative to this file with '/', e.g. %s", what,
		    ref, example);
		return NULL;
	}
	slash = file ? strrchr(file, '/') : NULL;
	path = slash ? xasprintf("%.*s/%s", (int)(slash - file), file, ref) :
	    xstrdup(ref);
	content_path_normalise(path);
	if ((real = realpath(path, NULL)) == NULL) {
		char	*near = content_nearest_file(path, ref);

		if (near != NULL)
			diag(DIAG_ERROR, file, pos->line, pos->col, "%s \"%s\" "
			    "does not exist: did you mean \"%s\"?", what, ref,
			    near);
		else
			diag(DIAG_ERROR, file, pos->line, pos->col, "%s \"%s\" "
			    "does not exist: the path is relative to this "
			    "file's folder", what, ref);
		free(near);
		free(path);
		return NULL;
	}
	if (!path_inside(dir, real)) {
		diag(DIAG_ERROR, file, pos->line, pos->col, "%s \"%s\" is "
		    "outside the meeting folder: keep %s files inside it (e.g. "
		    "in %s)", what, ref, what, folder);
		free(path);
		free(real);
		return NULL;
	}
	if (realp != NULL)
		*realp = real;
	else
		free(real);
	return path;
}

static char *
figure_path(struct figload *fl, const struct block *b)
{
	return content_ref_path(b->figure_ref, &b->pos, fl->rdir, "figure",
	    "../figurer/kostnader.xml", "figurer/", NULL);
}

static const struct figure *
figure_get(struct figload *fl, const struct block *b)
{
	struct meeting *m = fl->m;
	struct figure *f;
	char	*path, *real;
	size_t	 i;

	if ((path = figure_path(fl, b)) == NULL)
		return NULL;
	real = realpath(path, NULL);
	if (fl->nreal < m->nfigures) {
		fl->real = xrealloc(fl->real, m->nfigures * sizeof(*fl->real));
		for (; fl->nreal < m->nfigures; fl->nreal++)
			fl->real[fl->nreal] = realpath(
			    m->figures[fl->nreal]->path, NULL);
	}
	for (i = 0; i < m->nfigures; i++)
		if (fl->real[i] != NULL && real != NULL &&
		    strcmp(fl->real[i], real) == 0) {
			free(real);
			free(path);
			return m->figures[i];
		}
	for (i = 0; real != NULL && i < fl->nfailed; i++)
		if (strcmp(fl->failed[i], real) == 0) {
			free(real);
			free(path);
			return NULL;
		}
	if ((f = figure_load(path, fl->schema_dir)) == NULL) {
		diag(DIAG_NOTE, b->pos.file, b->pos.line, b->pos.col, "the "
		    "figure is placed here");
		if (real != NULL) {
			fl->failed = xrealloc(fl->failed, (fl->nfailed + 1) *
			    sizeof(*fl->failed));
			fl->failed[fl->nfailed++] = real;
		}
		free(path);
		return NULL;
	}
	free(path);
	m->figures = xrealloc(m->figures, (m->nfigures + 1) *
	    sizeof(*m->figures));
	m->figures[m->nfigures++] = f;
	fl->real = xrealloc(fl->real, (fl->nreal + 1) * sizeof(*fl->real));
	fl->real[fl->nreal++] = real;
	return f;
}

static void
resolve_blocks(struct figload *fl, struct block *b)
{
	const struct figure *f;
	size_t	 i;

	for (; b != NULL; b = b->next) {
		resolve_blocks(fl, b->children);
		if (b->kind != BLOCK_FIGURE)
			continue;
		if ((f = figure_get(fl, b)) == NULL) {
			fl->ok = 0;
			continue;
		}
		b->figure = f;
		if (b->figure_view != FIGVIEW_CHART || b->figure_chart == NULL)
			continue;
		for (i = 0; i < f->ncharts; i++)
			if (f->charts[i].name != NULL &&
			    strcmp(f->charts[i].name, b->figure_chart) == 0)
				break;
		if (i == f->ncharts) {
			diag(DIAG_ERROR, b->pos.file, b->pos.line, b->pos.col,
			    "figure \"%s\" has no chart named \"%s\"",
			    b->figure_ref, b->figure_chart);
			fl->ok = 0;
		}
	}
}

static int
figload_begin(struct figload *fl, struct meeting *m, const char *schema_dir)
{
	memset(fl, 0, sizeof(*fl));
	fl->m = m;
	fl->schema_dir = schema_dir;
	fl->ok = 1;
	if ((fl->rdir = realpath(m->dir, NULL)) == NULL) {
		diag(DIAG_ERROR, m->dir, 0, 0, "cannot resolve the meeting "
		    "folder: %s", strerror(errno));
		return 0;
	}
	return 1;
}

static int
figload_end(struct figload *fl)
{
	strv_free(fl->real, fl->nreal);
	strv_free(fl->failed, fl->nfailed);
	free(fl->rdir);
	return fl->ok;
}

int
figures_load(struct meeting *m, const char *schema_dir)
{
	struct figload fl;
	size_t	 i, s;

	if (!figload_begin(&fl, m, schema_dir))
		return 0;
	for (i = 0; i < m->nitems; i++) {
		if (m->items[i].cs == NULL)
			continue;
		for (s = 0; s < SECTION__MAX; s++)
			resolve_blocks(&fl, m->items[i].cs->sections[s].blocks);
	}
	for (i = 0; i < m->ndocuments; i++)
		if (m->documents[i] != NULL)
			resolve_blocks(&fl, m->documents[i]->blocks);
	return figload_end(&fl);
}

/* Reports the failed checks of the figures `b' places, each figure once
 * (`seen' holds those already reported). */
static void
report_placed(const struct block *b, const struct figure ***seen,
    size_t *nseen)
{
	size_t	 i, k;

	for (; b != NULL; b = b->next) {
		report_placed(b->children, seen, nseen);
		if (b->kind != BLOCK_FIGURE || b->figure == NULL)
			continue;
		for (i = 0; i < *nseen; i++)
			if ((*seen)[i] == b->figure)
				break;
		if (i < *nseen)
			continue;
		*seen = xrealloc(*seen, (*nseen + 1) * sizeof(**seen));
		(*seen)[(*nseen)++] = b->figure;
		for (k = 0; k < b->figure->nfailures; k++)
			diag(DIAG_ERROR, b->figure->failures[k].pos.file,
			    b->figure->failures[k].pos.line,
			    b->figure->failures[k].pos.col, "%s",
			    b->figure->failures[k].message);
	}
}

int
figures_load_alone(struct meeting *m, struct document *d,
    struct casefile *cs, const char *schema_dir)
{
	struct figload fl;
	const struct figure **seen = NULL;
	size_t	 nseen = 0, s, errors;
	int	 ok;

	if (!figload_begin(&fl, m, schema_dir))
		return 0;
	if (d != NULL && d->cs == NULL)
		resolve_blocks(&fl, d->blocks);
	if (cs != NULL)
		for (s = 0; s < SECTION__MAX; s++)
			resolve_blocks(&fl, cs->sections[s].blocks);
	ok = figload_end(&fl);
	errors = diag_errors();
	if (d != NULL && d->cs == NULL)
		report_placed(d->blocks, &seen, &nseen);
	if (cs != NULL)
		for (s = 0; s < SECTION__MAX; s++)
			report_placed(cs->sections[s].blocks, &seen, &nseen);
	free(seen);
	/* A failed check stops the preview as it stops a build. */
	return ok && diag_errors() == errors;
}

size_t
figures_report_placed(const struct document *d, const struct casefile *cs)
{
	const struct figure **seen = NULL;
	size_t	 nseen = 0, s, errors = diag_errors();

	if (d != NULL)
		report_placed(d->blocks, &seen, &nseen);
	if (cs != NULL)
		for (s = 0; s < SECTION__MAX; s++)
			report_placed(cs->sections[s].blocks, &seen, &nseen);
	free(seen);
	return diag_errors() - errors;
}

/* Figure files placed by `b': their paths to *paths. */
static void
placed_paths(const struct block *b, const char ***paths, size_t *n)
{
	for (; b != NULL; b = b->next) {
		placed_paths(b->children, paths, n);
		if (b->kind != BLOCK_FIGURE || b->figure == NULL)
			continue;
		*paths = xrealloc(*paths, (*n + 1) * sizeof(**paths));
		(*paths)[(*n)++] = b->figure->path;
	}
}

size_t
figures_placed_paths(const struct document *d, const struct casefile *cs,
    const char ***paths)
{
	size_t	 n = 0, s;

	*paths = NULL;
	if (d != NULL)
		placed_paths(d->blocks, paths, &n);
	if (cs != NULL)
		for (s = 0; s < SECTION__MAX; s++)
			placed_paths(cs->sections[s].blocks, paths, &n);
	return n;
}

size_t
figures_report(const struct meeting *m, bool allow)
{
	size_t	 i, k, n = 0;
	const struct figure *f;

	for (i = 0; i < m->nfigures; i++) {
		f = m->figures[i];
		for (k = 0; k < f->nfailures; k++, n++)
			diag(allow ? DIAG_WARNING : DIAG_ERROR,
			    f->failures[k].pos.file, f->failures[k].pos.line,
			    f->failures[k].pos.col, "%s",
			    f->failures[k].message);
	}
	return n;
}

/*
 * The check language of figure files, computed cells and checks.
 *
 *   check   := ref "=" expr
 *   expr    := term (("+" | "-" | "−") term)*
 *   term    := factor (("*" | "×" | "/") factor)*
 *   factor  := ("-" | "−") factor | "(" expr ")" | number | ref
 *            | "sum(" ("rows" | "cols") N "-" M ")"
 *   ref     := name | "row" N | "col" N | "row" "name" | "col" "name"
 *
 * A name is a row's first cell or a column's name, written as is
 * ("SUMMA VERKSAMHET", "2017") or in quotes.  A hyphen inside a word
 * belongs to the name ("Hälso- och sjukvård"); a minus has a space or
 * a digit after it and a space before.  Everything is evaluated at one
 * cell: a row reference takes that row's value in the cell's column, a
 * column reference that column's value in the cell's row.  Values are
 * taken as shown, rounded to their column's decimals.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "figure_private.h"

enum node_kind {
	N_NUM,
	N_ROW,			/* a = row index */
	N_COL,			/* a = column index */
	N_SUMROWS,		/* a..b row indexes */
	N_SUMCOLS,
	N_NEG,
	N_ADD,
	N_SUB,
	N_MUL,
	N_DIV
};

struct node {
	enum node_kind	 kind;
	double		 num;
	size_t		 a, b;
	char		*text;		/* as written: names, numbers */
	struct node	*l, *r;
};

struct parser {
	const struct figure *f;
	const char	*s, *p;
	struct srcpos	 pos;
	const char	*what;		/* "check", "formula" */
	int		 depth;
	bool		 failed;
};

static void
node_free(struct node *n)
{
	if (n == NULL)
		return;
	node_free(n->l);
	node_free(n->r);
	free(n->text);
	free(n);
}

static struct node *
node_new(enum node_kind k)
{
	struct node *n = xcalloc(1, sizeof(*n));

	n->kind = k;
	return n;
}

/*
 * The column of name in the source line of the check or formula, from
 * its own column on (an element's text has none: from the line's
 * start), so that the message points at the name; pos's column if the
 * line cannot be read or does not hold it as written.
 */
static int
name_col(const struct srcpos *pos, const char *name)
{
	char	*data;
	const char *p, *e, *hit, *t;
	size_t	 len, k, n;
	uint32_t cp;
	int	 line, col = pos->col;

	if (name == NULL || *name == '\0' || pos->file == NULL ||
	    pos->line <= 0 || !file_read_quiet(pos->file, FIG_MAX_FILE, &data,
	    &len))
		return col;
	for (p = data, line = 1; p != NULL && line < pos->line; line++)
		if ((p = memchr(p, '\n', len - (size_t)(p - data))) != NULL)
			p++;
	if (p != NULL) {
		if ((e = memchr(p, '\n', len - (size_t)(p - data))) == NULL)
			e = data + len;
		/* From the position's own column, counted in characters. */
		for (t = p, k = 1; pos->col > 0 && k < (size_t)pos->col &&
		    t < e; k++)
			t += (n = utf8_decode(t, (size_t)(e - t), &cp)) > 0 ?
			    n : 1;
		for (hit = NULL; t + strlen(name) <= e; t++)
			if (memcmp(t, name, strlen(name)) == 0) {
				hit = t;
				break;
			}
		if (hit != NULL)
			col = 1 + (int)utf8_length(p, (size_t)(hit - p));
	}
	free(data);
	return col;
}

static void
perr(struct parser *ps, const char *msg, const char *arg)
{
	if (ps->failed)
		return;
	ps->failed = true;
	diag(DIAG_ERROR, ps->pos.file, ps->pos.line, name_col(&ps->pos, arg),
	    "%s \"%s\": %s%s%s", ps->what, ps->s, msg, arg ? arg : "",
	    arg ? "\"" : "");
}

/* perr for a name not found, with the nearest one if any. */
static void
perr_near(struct parser *ps, const char *msg, const char *name,
    const char *near)
{
	if (near == NULL) {
		perr(ps, msg, name);
		return;
	}
	if (ps->failed)
		return;
	ps->failed = true;
	diag(DIAG_ERROR, ps->pos.file, ps->pos.line, name_col(&ps->pos, name),
	    "%s \"%s\": %s%s\"; did you mean \"%s\"?", ps->what, ps->s, msg,
	    name, near);
}

static void
skip_space(struct parser *ps)
{
	while (*ps->p == ' ' || *ps->p == '\t' || *ps->p == '\n' ||
	    strncmp(ps->p, "\xc2\xa0", 2) == 0)
		ps->p += *ps->p == (char)0xc2 ? 2 : 1;
}

/* Length of an operator at p, 0 if none; *op gets its ASCII form. */
static size_t
op_at(const char *start, const char *p, char *op)
{
	if (*p != '\0' && strchr("+*/()=", *p) != NULL) {
		*op = *p;
		return 1;
	}
	if (strncmp(p, "\xe2\x88\x92", 3) == 0 ||	/* − */
	    strncmp(p, "\xe2\x80\x93", 3) == 0) {	/* – */
		*op = '-';
		return 3;
	}
	if (strncmp(p, "\xc3\x97", 2) == 0) {		/* × */
		*op = '*';
		return 2;
	}
	/* A hyphen is a minus when it does not join two words. */
	if (*p == '-' && (p == start || p[-1] == ' ' || p[-1] == '(' ||
	    (p[-1] >= '0' && p[-1] <= '9'))) {
		*op = '-';
		return 1;
	}
	return 0;
}

static bool
is_op(struct parser *ps, char want)
{
	char	 op;
	size_t	 n;

	skip_space(ps);
	if ((n = op_at(ps->s, ps->p, &op)) > 0 && op == want) {
		ps->p += n;
		return true;
	}
	return false;
}

/* A bare name: up to the next operator; trailing spaces trimmed. */
static char *
read_name(struct parser *ps)
{
	const char *st, *e;
	char	 op, q;

	skip_space(ps);
	if (*ps->p == '"' || strncmp(ps->p, "\xe2\x80\x9c", 3) == 0 ||
	    strncmp(ps->p, "\xe2\x80\x9d", 3) == 0) {
		q = *ps->p;
		ps->p += q == '"' ? 1 : 3;
		st = ps->p;
		if (q == '"')
			e = strchr(st, '"');
		else if ((e = strstr(st, "\xe2\x80\x9d")) == NULL)
			e = strstr(st, "\xe2\x80\x9c");
		if (e == NULL) {
			perr(ps, "a quoted name is not closed", NULL);
			return NULL;
		}
		ps->p = e + (q == '"' ? 1 : 3);
		return xstrndup(st, (size_t)(e - st));
	}
	st = ps->p;
	while (*ps->p != '\0' && op_at(ps->s, ps->p, &op) == 0)
		ps->p++;
	e = ps->p;
	while (e > st && (e[-1] == ' ' || e[-1] == '\t'))
		e--;
	return xstrndup(st, (size_t)(e - st));
}

static bool
same_name(const char *a, const char *b)
{
	return a != NULL && b != NULL && strcmp(a, b) == 0;
}

static long
find_row(const struct figure *f, const char *name)
{
	size_t	 i;

	for (i = f->nhead; i < f->nrows; i++)
		if (same_name(f->rows[i].name, name))
			return (long)i;
	return -1;
}

static long
find_col(const struct figure *f, const char *name)
{
	size_t	 i;

	for (i = 0; i < f->ncols; i++)
		if (same_name(f->cols[i].name, name))
			return (long)i;
	return -1;
}

/* "12" as a 1-based row or column number, 0 if not a number. */
static size_t
index_of(const char *s)
{
	char	*end;
	long	 v;

	if (*s < '0' || *s > '9')
		return 0;
	v = strtol(s, &end, 10);
	while (*end == ' ')
		end++;
	return *end == '\0' && v > 0 && v < 1000000 ? (size_t)v : 0;
}

static struct node *parse_expr(struct parser *);

static struct node *
ref_node(struct parser *ps, const char *name, int want)
{
	const struct figure *f = ps->f;
	struct node *n;
	long	 r = -1, c = -1;
	size_t	 k;

	if (want != 'c')
		r = find_row(f, name);
	if (want != 'r')
		c = find_col(f, name);
	if (r >= 0 && c >= 0) {
		perr(ps, "both a row and a column are called \"", name);
		if (ps->failed)
			diag(DIAG_NOTE, ps->pos.file, ps->pos.line,
			    ps->pos.col, "write row \"%s\" or col \"%s\"",
			    name, name);
		return NULL;
	}
	if (r < 0 && c < 0 && want != 0 && (k = index_of(name)) > 0) {
		if (want == 'r' && k <= f->nrows - f->nhead)
			r = (long)(f->nhead + k - 1);
		if (want == 'c' && k <= f->ncols)
			c = (long)k - 1;
		if (r < 0 && c < 0) {
			perr(ps, want == 'r' ? "there is no such row: \"" :
			    "there is no such column: \"", name);
			return NULL;
		}
	}
	if (r < 0 && c < 0) {
		struct suggest sg;

		suggest_init(&sg, name);
		for (k = f->nhead; want != 'c' && k < f->nrows; k++)
			suggest_try(&sg, f->rows[k].name);
		for (k = 0; want != 'r' && k < f->ncols; k++)
			suggest_try(&sg, f->cols[k].name);
		perr_near(ps, want == 'r' ? "no row is called \"" :
		    want == 'c' ? "no column is called \"" :
		    "no row or column is called \"", name, sg.best);
		return NULL;
	}
	n = node_new(r >= 0 ? N_ROW : N_COL);
	n->a = r >= 0 ? (size_t)r : (size_t)c;
	n->text = xstrdup(name);
	return n;
}

static struct node *
parse_sum(struct parser *ps)
{
	struct node *n;
	char	*what, *a = NULL, *sp;
	size_t	 i, j, lim;
	bool	 rows;

	what = read_name(ps);
	if (what == NULL)
		return NULL;
	/* "rows 1" up to the minus: split word and first number. */
	sp = strchr(what, ' ');
	if (sp == NULL || (strncmp(what, "rows ", 5) != 0 &&
	    strncmp(what, "cols ", 5) != 0 &&
	    strncmp(what, "columns ", 8) != 0)) {
		perr(ps, "write sum(rows 1-3) or sum(cols 2-4), not sum(",
		    what);
		free(what);
		return NULL;
	}
	rows = what[0] == 'r';
	i = index_of(sp + 1);
	if (!is_op(ps, '-') || (a = read_name(ps)) == NULL ||
	    (j = index_of(a)) == 0 || i == 0) {
		perr(ps, "write sum(rows 1-3) or sum(cols 2-4) with numbers",
		    NULL);
		free(what);
		free(a);
		return NULL;
	}
	lim = rows ? ps->f->nrows - ps->f->nhead : ps->f->ncols;
	if (i > j || j > lim) {
		perr(ps, rows ? "the rows counted are 1 to " :
		    "the columns counted are 1 to ", NULL);
		if (ps->failed)
			diag(DIAG_NOTE, ps->pos.file, ps->pos.line,
			    ps->pos.col, "there are %zu %s", lim,
			    rows ? "data rows" : "columns");
		free(what);
		free(a);
		return NULL;
	}
	n = node_new(rows ? N_SUMROWS : N_SUMCOLS);
	n->a = rows ? ps->f->nhead + i - 1 : i - 1;
	n->b = rows ? ps->f->nhead + j - 1 : j - 1;
	free(what);
	free(a);
	if (!is_op(ps, ')')) {
		perr(ps, "a \")\" is missing after sum(", NULL);
		node_free(n);
		return NULL;
	}
	return n;
}

static struct node *
parse_factor(struct parser *ps)
{
	struct node *n;
	char	*name;
	double	 v;
	int	 d;

	if (++ps->depth > FIG_MAX_DEPTH) {
		perr(ps, "nested too deeply", NULL);
		return NULL;
	}
	if (is_op(ps, '-')) {
		n = node_new(N_NEG);
		if ((n->l = parse_factor(ps)) == NULL) {
			node_free(n);
			n = NULL;
		}
		ps->depth--;
		return n;
	}
	if (is_op(ps, '(')) {
		n = parse_expr(ps);
		if (n != NULL && !is_op(ps, ')')) {
			perr(ps, "a \")\" is missing", NULL);
			node_free(n);
			n = NULL;
		}
		ps->depth--;
		return n;
	}
	if ((name = read_name(ps)) == NULL)
		return NULL;
	n = NULL;
	if (*name == '\0') {
		perr(ps, "a row, a column or a number is missing", NULL);
	} else if (strcmp(name, "sum") == 0 && is_op(ps, '(')) {
		n = parse_sum(ps);
	} else if (strncmp(name, "row ", 4) == 0 ||
	    strncmp(name, "col ", 4) == 0) {
		n = ref_node(ps, name + 4, name[0]);
	} else if ((strcmp(name, "row") == 0 || strcmp(name, "col") == 0)) {
		/* row "Name" */
		char	*q = read_name(ps);

		if (q != NULL)
			n = ref_node(ps, q, name[0]);
		free(q);
	} else if (find_row(ps->f, name) >= 0 || find_col(ps->f, name) >= 0) {
		n = ref_node(ps, name, 0);
	} else if (sv_parse_number(name, ',', &v, &d, NULL) ||
	    sv_parse_number(name, '.', &v, &d, NULL)) {
		n = node_new(N_NUM);
		n->num = v;
		n->text = xstrdup(name);
	} else
		n = ref_node(ps, name, 0);
	free(name);
	ps->depth--;
	return n;
}

/* Operators by level, tightest last: a level's operands are the next
 * level's expressions (the last level's, factors), left to right. */
static const struct {
	char		 op[2];
	enum node_kind	 kind[2];
} levels[] = {
	{ { '+', '-' }, { N_ADD, N_SUB } },
	{ { '*', '/' }, { N_MUL, N_DIV } },
};
#define NLEVELS	(sizeof(levels) / sizeof(levels[0]))

static struct node *
parse_level(struct parser *ps, size_t lv)
{
	struct node *l, *n;
	int	 k;

	if ((l = lv + 1 < NLEVELS ? parse_level(ps, lv + 1) :
	    parse_factor(ps)) == NULL)
		return NULL;
	for (;;) {
		for (k = 0; k < 2 && !is_op(ps, levels[lv].op[k]); k++)
			;
		if (k == 2)
			return l;
		n = node_new(levels[lv].kind[k]);
		n->l = l;
		if ((n->r = lv + 1 < NLEVELS ? parse_level(ps, lv + 1) :
		    parse_factor(ps)) == NULL) {
			node_free(n);
			return NULL;
		}
		l = n;
	}
}

static struct node *
parse_expr(struct parser *ps)
{
	return parse_level(ps, 0);
}

static struct node *
parse_full(struct parser *ps)
{
	struct node *n;

	if (strlen(ps->s) > FIG_MAX_EXPR) {
		perr(ps, "too long", NULL);
		return NULL;
	}
	n = parse_expr(ps);
	skip_space(ps);
	if (n != NULL && *ps->p != '\0') {
		perr(ps, "cannot read from \"", ps->p);
		node_free(n);
		return NULL;
	}
	if (n == NULL)
		perr(ps, "cannot read it", NULL);
	return n;
}

/* ------------------------------------------------------------------ */
/* Evaluation. */

/* v rounded as sv_number() prints it with d decimals. */
static double
rounded(double v, int d)
{
	char	*t;
	double	 r;

	if (!isfinite(v))
		return v;
	t = sv_number(v, d, 0);
	if (!sv_parse_number(t, ',', &r, NULL, NULL))
		r = v;
	free(t);
	return r;
}

double
figure_shown(const struct figure *f, size_t row, size_t col)
{
	const struct figure_cell *c = &f->rows[row].cells[col];

	if (c->kind != FIGVAL_NUMBER)
		return NAN;
	/* Through the formatter, so checks see what readers see. */
	return rounded(c->value, c->decimals);
}

/* A cell that holds nothing to compute with, and says so: empty, or a
 * dash ("–": none).  Sums pass over it, and a check that needs it is
 * not made. */
static bool
is_nothing(const struct figure_cell *c)
{
	return c->kind == FIGVAL_EMPTY || (c->kind == FIGVAL_WORD &&
	    c->text != NULL && (strcmp(c->text, "-") == 0 ||
	    strcmp(c->text, "\xe2\x80\x93") == 0 ||
	    strcmp(c->text, "\xe2\x80\x94") == 0));
}

/* A cell whose number is unknown ("?", "Saknas") or a range ("9–12"):
 * a check that needs it cannot be made, and says so. */
static bool
is_unknown(const struct figure_cell *c)
{
	return (c->kind == FIGVAL_WORD || c->kind == FIGVAL_RANGE ||
	    c->kind == FIGVAL_STATUS) && !is_nothing(c);
}

static double
eval(const struct figure *f, const struct node *n, size_t r, size_t c)
{
	double	 s;
	size_t	 i;

	switch (n->kind) {
	case N_NUM:
		return n->num;
	case N_ROW:
		return figure_shown(f, n->a, c);
	case N_COL:
		return figure_shown(f, r, n->a);
	case N_SUMROWS:
	case N_SUMCOLS:
		s = 0;
		for (i = n->a; i <= n->b; i++) {
			size_t	 rr = n->kind == N_SUMROWS ? i : r;
			size_t	 cc = n->kind == N_SUMROWS ? c : i;

			if (f->rows[rr].role == ROW_GROUP ||
			    is_nothing(&f->rows[rr].cells[cc]))
				continue;
			s += figure_shown(f, rr, cc);
		}
		return s;
	case N_NEG:
		return -eval(f, n->l, r, c);
	case N_ADD:
		return eval(f, n->l, r, c) + eval(f, n->r, r, c);
	case N_SUB:
		return eval(f, n->l, r, c) - eval(f, n->r, r, c);
	case N_MUL:
		return eval(f, n->l, r, c) * eval(f, n->r, r, c);
	case N_DIV:
		s = eval(f, n->r, r, c);
		return s == 0 ? NAN : eval(f, n->l, r, c) / s;
	}
	return NAN;
}

/* The first cell n reads at (r, c) that is unknown or a range, as
 * (*br, *bc); false if none. */
static bool
blocker(const struct figure *f, const struct node *n, size_t r, size_t c,
    size_t *br, size_t *bc)
{
	size_t	 i, rr, cc;

	switch (n->kind) {
	case N_ROW:
	case N_COL:
		rr = n->kind == N_ROW ? n->a : r;
		cc = n->kind == N_ROW ? c : n->a;
		if (!is_unknown(&f->rows[rr].cells[cc]))
			return false;
		*br = rr;
		*bc = cc;
		return true;
	case N_SUMROWS:
	case N_SUMCOLS:
		for (i = n->a; i <= n->b; i++) {
			rr = n->kind == N_SUMROWS ? i : r;
			cc = n->kind == N_SUMROWS ? c : i;
			if (f->rows[rr].role != ROW_GROUP &&
			    is_unknown(&f->rows[rr].cells[cc])) {
				*br = rr;
				*bc = cc;
				return true;
			}
		}
		return false;
	default:
		return (n->l != NULL && blocker(f, n->l, r, c, br, bc)) ||
		    (n->r != NULL && blocker(f, n->r, r, c, br, bc));
	}
}

/* Says that `what' cannot be checked at (r, c) because of the cell
 * (br, bc); reported at the cell checked. */
static void
warn_unchecked(const struct figure *f, const char *what, size_t r,
    size_t c, size_t br, size_t bc)
{
	const struct figure_cell *cell = &f->rows[r].cells[c];
	const struct figure_cell *b = &f->rows[br].cells[bc];
	const char *kind = b->kind == FIGVAL_RANGE ? "a range, not one "
	    "number" : "not a number";

	if (br == r && bc == c)
		diag(DIAG_WARNING, cell->pos.file, cell->pos.line,
		    cell->pos.col, "%s is not checked at row \"%s\", column "
		    "\"%s\": the cell says \"%s\", %s", what,
		    f->rows[r].name ? f->rows[r].name : "",
		    f->cols[c].name ? f->cols[c].name : "", b->text, kind);
	else
		diag(DIAG_WARNING, cell->pos.file, cell->pos.line,
		    cell->pos.col, "%s is not checked at row \"%s\", column "
		    "\"%s\": it needs row \"%s\", column \"%s\" (line %d), "
		    "which says \"%s\", %s", what,
		    f->rows[r].name ? f->rows[r].name : "",
		    f->cols[c].name ? f->cols[c].name : "",
		    f->rows[br].name ? f->rows[br].name : "",
		    f->cols[bc].name ? f->cols[bc].name : "", b->pos.line,
		    b->text, kind);
}

/* Cells an evaluation reads: bounds the work a hostile file asks for. */
static size_t
cost(const struct node *n)
{
	if (n == NULL)
		return 0;
	if (n->kind == N_SUMROWS || n->kind == N_SUMCOLS)
		return n->b - n->a + 1;
	return 1 + cost(n->l) + cost(n->r);
}

static bool
too_costly(const struct node *n, size_t times, struct srcpos pos,
    const char *what, const char *expr)
{
	if (cost(n) <= FIG_MAX_WORK / (times ? times : 1))
		return false;
	diag(DIAG_ERROR, pos.file, pos.line, pos.col, "%s \"%s\": it would "
	    "read more than %d cells: sum fewer rows, or compute the sum "
	    "once in a row of its own", what, expr, FIG_MAX_WORK);
	return true;
}

/* The expression as a reader says it: "sum of rows 1–3", or in
 * Swedish for the printed page: "summan av raderna 1–3". */
static void
describe(const struct figure *f, const struct node *n, struct buf *b,
    int prec, bool sv)
{
	static const int p[] = { 9, 9, 9, 9, 9, 8, 1, 1, 2, 2 };
	int	 mine = p[n->kind];

	if (mine < prec)
		buf_putc(b, '(');
	switch (n->kind) {
	case N_NUM:
	case N_ROW:
	case N_COL:
		buf_puts(b, n->text);
		break;
	case N_SUMROWS:
		buf_printf(b, sv ? "summan av raderna %zu\xe2\x80\x93%zu" :
		    "sum of rows %zu\xe2\x80\x93%zu",
		    n->a - f->nhead + 1, n->b - f->nhead + 1);
		break;
	case N_SUMCOLS:
		buf_printf(b, sv ? "summan av kolumnerna %zu\xe2\x80\x93%zu" :
		    "sum of columns %zu\xe2\x80\x93%zu", n->a + 1, n->b + 1);
		break;
	case N_NEG:
		buf_puts(b, "\xe2\x88\x92");
		describe(f, n->l, b, mine, sv);
		break;
	default:
		describe(f, n->l, b, mine, sv);
		buf_puts(b, n->kind == N_ADD ? " + " : n->kind == N_SUB ?
		    " \xe2\x88\x92 " : n->kind == N_MUL ? " \xc3\x97 " : " / ");
		describe(f, n->r, b, mine + 1, sv);
		break;
	}
	if (mine < prec)
		buf_putc(b, ')');
}

/* The rows (or columns) a check or a column formula is evaluated on. */
static bool
row_counts(const struct figure *f, size_t r)
{
	return r >= f->nhead && f->rows[r].role != ROW_GROUP;
}

static bool
col_counts(const struct figure *f, size_t c)
{
	return f->cols[c].type == FIGCOL_NUMBER ||
	    f->cols[c].type == FIGCOL_PERCENT;
}

/* Sets a computed cell. */
static int
set_computed(struct figure *f, size_t r, size_t c, double v,
    const char *formula)
{
	struct figure_cell *cell = &f->rows[r].cells[c];

	free(cell->text);
	free(cell->formula);
	cell->formula = xstrdup(formula);
	if (isnan(v)) {
		cell->kind = FIGVAL_EMPTY;
		cell->text = xstrdup("");
		return 1;
	}
	/* A division by zero or an overflow has no number to print, and
	 * one of 16 digits or more cannot be printed exactly. */
	if (!isfinite(v) || fabs(v) >= FIG_MAX_VALUE) {
		diag(DIAG_ERROR, cell->pos.file, cell->pos.line, cell->pos.col,
		    "%s gives %s here: check the formula and the numbers it "
		    "uses", formula, isfinite(v) ? "a number too large to "
		    "print exactly" : "a division by zero or a number too "
		    "large");
		cell->kind = FIGVAL_EMPTY;
		cell->text = xstrdup("");
		return 0;
	}
	cell->kind = FIGVAL_NUMBER;
	cell->value = v;
	cell->decimals = f->cols[c].decimals;
	cell->text = sv_number(v, f->cols[c].decimals, 0);
	return 1;
}

static struct node *
parse_at(const struct figure *f, const char *s, struct srcpos pos,
    const char *what)
{
	struct parser ps;

	memset(&ps, 0, sizeof(ps));
	ps.f = f;
	ps.s = ps.p = s;
	ps.pos = pos;
	ps.what = what;
	return parse_full(&ps);
}

int
figure_compute(struct figure *f)
{
	struct node *n;
	size_t	 r, c, work = 0;
	int	 ok = 1;

	/* Cell formulas first, in reading order, then whole columns. */
	for (r = f->nhead; r < f->nrows; r++)
		for (c = 0; c < f->ncols; c++) {
			struct figure_cell *cell = &f->rows[r].cells[c];
			char	*fm;

			if (cell->formula == NULL)
				continue;
			if ((n = parse_at(f, cell->formula, cell->pos,
			    "formula")) == NULL) {
				ok = 0;
				continue;
			}
			/* All cell formulas together share one bound. */
			work += cost(n);
			if (too_costly(n, work / (cost(n) ? cost(n) : 1),
			    cell->pos, "formula", cell->formula)) {
				node_free(n);
				return 0;
			}
			fm = xstrdup(cell->formula);
			ok &= set_computed(f, r, c, eval(f, n, r, c), fm);
			free(fm);
			node_free(n);
		}
	for (c = 0; c < f->ncols; c++) {
		if (f->cols[c].formula == NULL)
			continue;
		if ((n = parse_at(f, f->cols[c].formula, f->cols[c].pos,
		    "formula")) == NULL) {
			ok = 0;
			continue;
		}
		if (too_costly(n, f->nrows, f->cols[c].pos, "formula",
		    f->cols[c].formula)) {
			node_free(n);
			ok = 0;
			continue;
		}
		for (r = f->nhead; r < f->nrows; r++)
			if (row_counts(f, r) &&
			    f->rows[r].cells[c].kind == FIGVAL_EMPTY &&
			    !f->rows[r].cells[c].covered)
				ok &= set_computed(f, r, c, eval(f, n, r, c),
				    f->cols[c].formula);
		node_free(n);
	}
	return ok;
}

static void
add_failure(struct figure *f, size_t check, size_t r, size_t c,
    const struct node *lhs, const struct node *rhs, double lv, double rv,
    double tol, int tdec)
{
	struct figure_failure *fl;
	struct buf b = { 0 }, sb = { 0 };
	char	*ls, *rs, *ts;
	int	 d = f->cols[c].decimals;
	bool	 pct = f->cols[c].type == FIGCOL_PERCENT;

	if (f->nfailures >= FIG_MAX_ROWS)
		return;
	d = f->rows[r].cells[c].decimals;
	ls = sv_number(lv, d, pct ? SVNUM_PERCENT : 0);
	/* Enough decimals that the two numbers differ on paper. */
	if (tdec > d)
		d = tdec;
	for (rs = sv_number(rv, d, pct ? SVNUM_PERCENT : 0);
	    strcmp(rs, ls) == 0 && d < 6; ) {
		free(rs);
		rs = sv_number(rv, ++d, pct ? SVNUM_PERCENT : 0);
	}
	ts = sv_number(tol, tdec, 0);
	buf_printf(&b, "%s %s \xe2\x89\xa0 %s = ", lhs->text, ls, rs);
	describe(f, rhs, &b, 0, false);
	buf_printf(&b, " (tolerance %s)", ts);
	buf_printf(&sb, "%s %s \xe2\x89\xa0 %s = ", lhs->text, ls, rs);
	describe(f, rhs, &sb, 0, true);
	buf_printf(&sb, " (tolerans %s)", ts);
	free(ls);
	free(rs);
	free(ts);
	f->failures = xrealloc(f->failures, (f->nfailures + 1) *
	    sizeof(*f->failures));
	fl = &f->failures[f->nfailures++];
	fl->check = check;
	fl->row = r;
	fl->col = c;
	fl->message = buf_detach(&b);
	fl->message_sv = buf_detach(&sb);
	fl->pos = f->rows[r].cells[c].pos;
}

/* True if every operand of n can be evaluated at (r, c). */
static bool
all_numbers(const struct figure *f, const struct node *n, size_t r,
    size_t c)
{
	switch (n->kind) {
	case N_ROW:
		return f->rows[n->a].cells[c].kind == FIGVAL_NUMBER;
	case N_COL:
		return f->rows[r].cells[n->a].kind == FIGVAL_NUMBER;
	default:
		return (n->l == NULL || all_numbers(f, n->l, r, c)) &&
		    (n->r == NULL || all_numbers(f, n->r, r, c));
	}
}

/*
 * Checks the cell (r, c) against rhs at the precision printed: the
 * computed side is rounded to the cell's decimals, so a percentage
 * rounded correctly from its counts passes with tolerance 0.  A cell or
 * operand that is unknown or a range is a warning naming it; an empty
 * one leaves nothing to check.
 */
static void
check_cell(struct figure *f, size_t k, const struct node *lhs,
    const struct node *rhs, size_t r, size_t c)
{
	const struct figure_check *ck = &f->checks[k];
	const struct figure_cell *cell = &f->rows[r].cells[c];
	double	 lv, rv;
	size_t	 br = r, bc = c;
	char	*what;

	if (is_nothing(cell))
		return;		/* empty, "–": nothing to check */
	if (is_unknown(cell) || blocker(f, rhs, r, c, &br, &bc)) {
		what = xasprintf("check \"%s\"", ck->expr);
		warn_unchecked(f, what, r, c, br, bc);
		free(what);
		return;
	}
	if (cell->kind != FIGVAL_NUMBER || !all_numbers(f, rhs, r, c))
		return;		/* an operand is empty */
	lv = figure_shown(f, r, c);
	rv = eval(f, rhs, r, c);
	if (isnan(lv) || isnan(rv))
		return;		/* e.g. a division by zero */
	/* The margin absorbs binary fractions: 0,1 means 0,1. */
	if (fabs(lv - rounded(rv, cell->decimals)) <= ck->tolerance +
	    1e-9 * (1 + fabs(rv)))
		return;
	add_failure(f, k, r, c, lhs, rhs, lv, rv, ck->tolerance,
	    ck->tol_decimals);
}

/*
 * The totals of a table from a CSV file that declares no checks: a
 * Summa or Totalt row is compared with the sum of the data rows above it
 * back to the previous one ("Varav" rows left out); a Totalt right
 * after its subtotals may also be their sum.  Up to one unit in the last
 * printed decimal is rounding (the rows are rounded as exported).  A
 * mismatch is a warning at the cell: nobody declared these as sums.
 */

/* Adds column c of the rows from..to-1 of role `role' to *sum and
 * counts them in *n; false with (*br, *bc) if a cell is unknown. */
static bool
sum_rows(const struct figure *f, size_t from, size_t to, size_t c,
    int role, double *sum, size_t *n, size_t *br, size_t *bc)
{
	size_t	 i;

	for (i = from; i < to; i++) {
		const struct figure_cell *cell = &f->rows[i].cells[c];

		if (f->rows[i].role != role)
			continue;
		if (is_unknown(cell)) {
			*br = i;
			*bc = c;
			return false;
		}
		if (cell->kind != FIGVAL_NUMBER)
			continue;
		*sum += figure_shown(f, i, c);
		(*n)++;
	}
	return true;
}

static void
check_total(const struct figure *f, size_t r, size_t c)
{
	const struct figure_cell *cell = &f->rows[r].cells[c];
	size_t	 a, b, i, n, nb = 0, br = r, bc = c;
	double	 lv, sa, sb = 0, tol;
	bool	 oka, okb = false, subs = false;
	char	*what, *ls, *rs;
	int	 d;

	if (is_nothing(cell))
		return;
	/* a: the first data row since the previous total or subtotal;
	 * b: since the previous total, for a total over subtotals. */
	for (a = r; a > f->nhead && f->rows[a - 1].role != ROW_SUBTOTAL &&
	    f->rows[a - 1].role != ROW_TOTAL; a--)
		;
	b = a;
	if (f->rows[r].role == ROW_TOTAL)
		for (; b > f->nhead && f->rows[b - 1].role != ROW_TOTAL; b--)
			subs |= f->rows[b - 1].role == ROW_SUBTOTAL;
	what = xasprintf("the sum \"%s\"", f->rows[r].name ?
	    f->rows[r].name : "");
	if (is_unknown(cell)) {
		warn_unchecked(f, what, r, c, r, c);
		free(what);
		return;
	}
	sa = 0;
	n = 0;
	oka = sum_rows(f, a, r, c, ROW_DATA, &sa, &n, &br, &bc);
	if (subs) {
		/* The subtotals, and the data rows after the last. */
		sb = sa;
		nb = n;
		okb = oka && sum_rows(f, b, a, c, ROW_SUBTOTAL, &sb, &nb,
		    &br, &bc);
	}
	lv = figure_shown(f, r, c);
	for (tol = 1, i = 0; i < (size_t)cell->decimals; i++)
		tol /= 10;
	if ((oka && n > 0 && fabs(lv - sa) <= tol + 1e-9 * (1 + fabs(sa))) ||
	    (okb && nb > 0 && fabs(lv - sb) <= tol + 1e-9 * (1 + fabs(sb)))) {
		free(what);
		return;
	}
	if (!oka || (subs && !okb)) {
		warn_unchecked(f, what, r, c, br, bc);
		free(what);
		return;
	}
	free(what);
	if (n == 0 && nb == 0)
		return;		/* nothing above to add up */
	if (n == 0) {
		sa = sb;
		a = b;
	}
	d = cell->decimals;
	ls = sv_number(lv, d, 0);
	rs = sv_number(sa, d, 0);
	diag(DIAG_WARNING, cell->pos.file, cell->pos.line, cell->pos.col,
	    "%s %s \xe2\x89\xa0 %s = sum of the rows above (lines %d\xe2\x80\x93"
	    "%d) in column \"%s\": declare a check in an XML figure file to "
	    "make it an error, or checks=\"none\" if this total is not a sum",
	    f->rows[r].name ? f->rows[r].name : "", ls, rs,
	    f->rows[a].pos.line, f->rows[r - 1].pos.line,
	    f->cols[c].name ? f->cols[c].name : "");
	free(ls);
	free(rs);
}

static void
check_totals(const struct figure *f)
{
	size_t	 r, c;

	for (r = f->nhead; r < f->nrows; r++) {
		if (f->rows[r].role != ROW_SUBTOTAL &&
		    f->rows[r].role != ROW_TOTAL)
			continue;
		for (c = 0; c < f->ncols; c++)
			if (f->cols[c].type == FIGCOL_NUMBER &&
			    f->rows[r].cells[c].formula == NULL)
				check_total(f, r, c);
	}
}

int
figure_check(struct figure *f)
{
	struct parser ps;
	struct node *lhs, *rhs;
	size_t	 k, i;
	int	 ok = 1;

	for (k = 0; k < f->nchecks; k++) {
		const struct figure_check *ck = &f->checks[k];

		memset(&ps, 0, sizeof(ps));
		ps.f = f;
		ps.s = ps.p = f->checks[k].expr;
		ps.pos = f->checks[k].pos;
		ps.what = "check";
		if (strlen(ps.s) > FIG_MAX_EXPR) {
			perr(&ps, "too long", NULL);
			ok = 0;
			continue;
		}
		lhs = parse_factor(&ps);
		if (lhs != NULL && lhs->kind != N_ROW && lhs->kind != N_COL) {
			perr(&ps, "the left side must name one row or one "
			    "column, e.g. TOTAL = sum(rows 1-3)", NULL);
			node_free(lhs);
			lhs = NULL;
		}
		if (lhs != NULL && !is_op(&ps, '=')) {
			perr(&ps, "write it as NAME = EXPRESSION", NULL);
			node_free(lhs);
			lhs = NULL;
		}
		if (lhs == NULL || (rhs = parse_full(&ps)) == NULL) {
			node_free(lhs);
			ok = 0;
			continue;
		}
		if (too_costly(rhs, lhs->kind == N_ROW ? f->ncols : f->nrows,
		    ck->pos, "check", ck->expr)) {
			node_free(lhs);
			node_free(rhs);
			ok = 0;
			continue;
		}
		if (lhs->kind == N_ROW) {
			for (i = 0; i < f->ncols; i++)
				if (col_counts(f, i) && (ck->col_last == 0 ||
				    (i + 1 >= ck->col_first &&
				    i + 1 <= ck->col_last)))
					check_cell(f, k, lhs, rhs, lhs->a, i);
		} else {
			for (i = f->nhead; i < f->nrows; i++)
				if (row_counts(f, i) && (ck->row_last == 0 ||
				    (i - f->nhead + 1 >= ck->row_first &&
				    i - f->nhead + 1 <= ck->row_last)))
					check_cell(f, k, lhs, rhs, i, lhs->a);
		}
		node_free(lhs);
		node_free(rhs);
	}
	if (f->sum_totals && f->nchecks == 0)
		check_totals(f);
	return ok;
}

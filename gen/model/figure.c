/* Constructors and destructors of figures (struct figure). */
#include <stdlib.h>
#include <string.h>

#include "model.h"

void
figure_free(struct figure *f)
{
	size_t	 i, k;

	if (f == NULL)
		return;
	free(f->path);
	free(f->csv);
	free(f->caption);
	free(f->unit);
	free(f->source);
	for (i = 0; i < 3; i++)
		free(f->levels[i]);
	for (i = 0; i < f->ncols; i++) {
		free(f->cols[i].name);
		free(f->cols[i].formula);
	}
	free(f->cols);
	for (i = 0; i < f->nrows; i++) {
		for (k = 0; k < f->ncols; k++) {
			free(f->rows[i].cells[k].text);
			free(f->rows[i].cells[k].formula);
		}
		free(f->rows[i].cells);
		free(f->rows[i].name);
	}
	free(f->rows);
	for (i = 0; i < f->nchecks; i++)
		free(f->checks[i].expr);
	free(f->checks);
	for (i = 0; i < f->nfailures; i++) {
		free(f->failures[i].message);
		free(f->failures[i].message_sv);
	}
	free(f->failures);
	for (i = 0; i < f->ncharts; i++) {
		free(f->charts[i].name);
		free(f->charts[i].title);
	}
	free(f->charts);
	free(f);
}

char *
figure_cell_text(const struct figure *f, size_t r, size_t c)
{
	const struct figure_cell *cell = &f->rows[r].cells[c];

	switch (cell->kind) {
	case FIGVAL_NUMBER:
		/* The cell's own decimals: a written number is printed
		 * with the digits it was written with, and a written
		 * plus sign is kept ("+16,8" in a column of changes). */
		return sv_number(cell->value, cell->decimals,
		    (f->cols[c].type == FIGCOL_PERCENT ? SVNUM_PERCENT : 0) |
		    (cell->formula == NULL && cell->text != NULL &&
		    cell->text[strspn(cell->text, " ")] == '+' ?
		    SVNUM_PLUS : 0));
	case FIGVAL_STATUS:
		if (cell->status >= 1 && cell->status <= STATUS_LEVELS &&
		    f->levels[cell->status - 1] != NULL)
			return xstrdup(f->levels[cell->status - 1]);
		return xstrdup("");
	case FIGVAL_EMPTY:
		return xstrdup("");
	case FIGVAL_WORD:
	case FIGVAL_RANGE:
		break;
	}
	return xstrdup(cell->text ? cell->text : "");
}

int
figure_next_para(const char **sp, const char **start, size_t *len)
{
	const char *s = *sp, *p, *q, *e;
	int	 nl, cr;

	while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
		s++;
	if (*s == '\0')
		return 0;
	for (p = s; *p != '\0'; p++) {
		if (*p != '\n' && *p != '\r')
			continue;
		/* A blank line: two line breaks, blanks between them. */
		nl = cr = 0;
		for (q = p; *q == '\n' || *q == '\r' || *q == ' ' ||
		    *q == '\t'; q++)
			if (*q == '\n')
				nl++;
			else if (*q == '\r')
				cr++;
		if ((nl > 0 ? nl : cr) >= 2)
			break;
		p = q - 1;
	}
	for (e = p; e > s && (e[-1] == ' ' || e[-1] == '\t' ||
	    e[-1] == '\n' || e[-1] == '\r'); e--)
		;
	*start = s;
	*len = (size_t)(e - s);
	*sp = p;
	return 1;
}

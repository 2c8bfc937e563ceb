/*
 * Figures into the document tree: a figure's table (header rows with
 * spans, row roles styled per template, numbers in sv-SE form aligned
 * on the decimal comma, status symbols with their words, caption with
 * unit, source note, status legend, a note for every failed check) or
 * its chart followed by the same numbers as a table, for readers who
 * cannot see the chart.  The look comes from the template's <figures>.
 */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../util/xml.h"
#include "template_private.h"

static int
fig_style(struct tmpl *t, xmlNodePtr n, const char *attr,
    const struct style **out, const struct style *def)
{
	char	*v = xml_attr(n, attr);

	*out = def;
	if (v == NULL)
		return 1;
	if ((*out = tmpl_style(t, v)) == NULL) {
		diag(DIAG_ERROR, tmpl_file(t, n), xml_line(n), 0, "%s=\"%s\": "
		    "style is not defined: define it with <style name=\"%s\">",
		    attr, v, v);
		free(v);
		return 0;
	}
	free(v);
	return 1;
}

static int
fig_text(struct tmpl *t, xmlNodePtr n, const char *attr, char *out,
    const char *def)
{
	char	*v = xml_attr(n, attr);
	int	 ok = 1;

	if (v != NULL && strlen(v) >= TMPL_FIG_TEXT) {
		diag(DIAG_ERROR, tmpl_file(t, n), xml_line(n), 0, "%s is longer "
		    "than %d bytes", attr, TMPL_FIG_TEXT - 1);
		ok = 0;
	}
	snprintf(out, TMPL_FIG_TEXT, "%s", v != NULL && ok ? v : def);
	free(v);
	return ok;
}

/* The attributes <figures> takes (the schema leaves them open). */
static const char *const fig_attrs[] = {
	"table", "cell", "caption", "head", "number", "part", "subtotal",
	"total", "group", "notes", "legend", "failed", "chart-text",
	"chart-title", "continued", "caption-format", "failed-text",
	"failed-subject", "line-word", "bar-word", "values-text", "status1",
	"status2", "status3", "chart-colors", "chart-height", "min-size",
	"landscape"
};

/* The styles <figures> names, each with the style it falls back on
 * (read before it). */
#define FM(f)	offsetof(struct figure_map, f)
static const struct {
	const char	*attr;
	size_t		 off, dflt;
} fig_styles[] = {
	{ "table", FM(table), FM(cell) },
	{ "caption", FM(caption), FM(cell) },
	{ "head", FM(head), FM(cell) },
	{ "number", FM(number), FM(cell) },
	{ "part", FM(part), FM(cell) },
	{ "subtotal", FM(subtotal), FM(cell) },
	{ "total", FM(total), FM(subtotal) },
	{ "group", FM(group), FM(head) },
	{ "notes", FM(notes), FM(cell) },
	{ "legend", FM(legend), FM(notes) },
	{ "failed", FM(failed), FM(notes) },
	{ "chart-text", FM(chart_text), FM(notes) },
	{ "chart-title", FM(chart_title), FM(caption) },
};
#undef FM

int
tmpl_load_figure_map(struct tmpl *t, xmlNodePtr n)
{
	struct figure_map *m = &t->fmap;
	xmlAttrPtr a;
	char	*v, *p, name[24];
	int	 ok = 1, i;
	size_t	 k;

	for (a = n->properties; a != NULL; a = a->next) {
		for (k = 0; k < sizeof(fig_attrs) / sizeof(fig_attrs[0]); k++)
			if (strcmp((const char *)a->name, fig_attrs[k]) == 0)
				break;
		if (k == sizeof(fig_attrs) / sizeof(fig_attrs[0])) {
			diag(DIAG_ERROR, tmpl_file(t, n), xml_line(n), 0,
			    "<figures> has no attribute %s (see "
			    "docs/templates.md)", (const char *)a->name);
			ok = 0;
		}
	}
	if (m->loaded) {
		diag(DIAG_ERROR, tmpl_file(t, n), xml_line(n), 0, "a second "
		    "<figures> element: keep one (in common.xml)");
		return 0;
	}
	memset(m, 0, sizeof(*m));
	ok &= fig_style(t, n, "cell", &m->cell, NULL);
	if (m->cell == NULL) {
		diag(DIAG_ERROR, tmpl_file(t, n), xml_line(n), 0, "<figures> "
		    "needs at least a cell style");
		return 0;
	}
	for (k = 0; k < sizeof(fig_styles) / sizeof(fig_styles[0]); k++)
		ok &= fig_style(t, n, fig_styles[k].attr, (const struct style **)
		    ((char *)m + fig_styles[k].off), *(const struct style **)
		    ((char *)m + fig_styles[k].dflt));
	ok &= fig_text(t, n, "continued", m->continued, " (forts.)");
	ok &= fig_text(t, n, "caption-format", m->unit_format,
	    "{caption} ({unit})");
	ok &= fig_text(t, n, "failed-text", m->failed_text,
	    "Kontrollen stämmer inte: ");
	ok &= fig_text(t, n, "failed-subject", m->failed_subject,
	    "innehåller tabeller med underkända kontroller");
	ok &= fig_text(t, n, "line-word", m->line_word, "Linjediagram");
	ok &= fig_text(t, n, "bar-word", m->bar_word, "Stapeldiagram");
	ok &= fig_text(t, n, "values-text", m->values_text,
	    "Värdena står i tabellen nedan.");
	/* Default status colours: green, amber, red. */
	tmpl_color("#2e7d32", &m->status[1]);
	tmpl_color("#e0a000", &m->status[2]);
	tmpl_color("#c62828", &m->status[3]);
	for (i = 1; i <= STATUS_LEVELS; i++) {
		snprintf(name, sizeof(name), "status%d", i);
		if ((v = xml_attr(n, name)) != NULL && !tmpl_color(v,
		    &m->status[i])) {
			diag(DIAG_ERROR, tmpl_file(t, n), xml_line(n), 0,
			    "%s=\"%s\": write it as #rrggbb", name, v);
			ok = 0;
		}
		free(v);
	}
	tmpl_color("#1f4e79", &m->colors[0]);
	tmpl_color("#c55a11", &m->colors[1]);
	tmpl_color("#548235", &m->colors[2]);
	tmpl_color("#7f6000", &m->colors[3]);
	tmpl_color("#7030a0", &m->colors[4]);
	tmpl_color("#404040", &m->colors[5]);
	if ((v = xml_attr(n, "chart-colors")) != NULL) {
		for (p = v, i = 0; *p != '\0' && i < 6; i++) {
			char	 tok[8];
			size_t	 len;

			while (*p == ' ')
				p++;
			len = strcspn(p, " ");
			if (len < sizeof(tok)) {
				memcpy(tok, p, len);
				tok[len] = '\0';
			}
			if (len >= sizeof(tok) || !tmpl_color(tok,
			    &m->colors[i])) {
				diag(DIAG_ERROR, tmpl_file(t, n), xml_line(n), 0,
				    "chart-colors=\"%s\": write up to six "
				    "#rrggbb separated by spaces", v);
				ok = 0;
				break;
			}
			p += len;
			while (*p == ' ')
				p++;
		}
		free(v);
	}
	m->chart_height = 160;
	if ((v = xml_attr(n, "chart-height")) != NULL) {
		if (!tmpl_length(v, &m->chart_height) ||
		    m->chart_height < 40 || m->chart_height > 600) {
			diag(DIAG_ERROR, tmpl_file(t, n), xml_line(n), 0,
			    "chart-height=\"%s\": write a length between 40 "
			    "and 600 pt, e.g. 60mm", v);
			ok = 0;
		}
		free(v);
	}
	/* A table too wide for the text: set smaller down to min-size,
	 * then on a landscape page. */
	m->min_size = 0;
	if ((v = xml_attr(n, "min-size")) != NULL) {
		if (!tmpl_length(v, &m->min_size) || m->min_size < 4 ||
		    m->min_size > 72) {
			diag(DIAG_ERROR, tmpl_file(t, n), xml_line(n), 0,
			    "min-size=\"%s\": write a size between 4 and "
			    "72 pt, e.g. 8", v);
			ok = 0;
		}
		free(v);
	}
	m->landscape = true;
	if ((v = xml_attr(n, "landscape")) != NULL) {
		if (strcmp(v, "yes") == 0 || strcmp(v, "no") == 0)
			m->landscape = strcmp(v, "yes") == 0;
		else {
			diag(DIAG_ERROR, tmpl_file(t, n), xml_line(n), 0,
			    "landscape=\"%s\": write yes or no", v);
			ok = 0;
		}
		free(v);
	}
	m->doc = t->doc;
	m->loaded = true;
	return ok;
}

/* ------------------------------------------------------------------ */

static struct block *
text_para(const struct style *st, const char *text, unsigned flags,
    struct srcpos pos)
{
	struct block *b = block_new(BLOCK_PARA);

	struct span **tail = &b->spans;
	char	*line, *p, *e;

	b->style = st;
	b->pos = pos;
	/* A line break in a cell (Alt+Enter in Excel) was made for a
	 * spreadsheet's column: here the column's width decides where
	 * lines break, so it is a space. */
	if (text == NULL || *text == '\0')
		return b;
	line = xstrdup(text);
	for (p = e = line; *p != '\0'; p++)
		if (*p == '\n' || *p == '\r') {
			if (e > line && e[-1] != ' ')
				*e++ = ' ';
		} else
			*e++ = *p;
	*e = '\0';
	*tail = span_new(SPAN_TEXT, flags, line);
	(*tail)->pos = pos;
	free(line);
	return b;
}

/* A cell's paragraphs: one, or several parted by blank lines (a
 * follow-up report's comment). */
static struct block *
cell_paras(const struct style *st, const char *text, unsigned flags,
    struct srcpos pos)
{
	struct block *head = NULL, **tail = &head;
	const char *s = text, *p;
	size_t	 n;
	char	*one;

	while (figure_next_para(&s, &p, &n)) {
		if (head == NULL && *s == '\0')
			return text_para(st, text, flags, pos);
		one = xstrndup(p, n);
		*tail = text_para(st, one, flags, pos);
		tail = &(*tail)->next;
		free(one);
	}
	return head;
}

/* "{caption} ({unit})" with the figure's words. */
static char *
caption_text(const struct figure_map *fm, const char *caption,
    const char *unit)
{
	struct buf b = { 0 };
	const char *p;

	if (caption == NULL && unit == NULL)
		return NULL;
	if (unit == NULL)
		return xstrdup(caption);
	for (p = fm->unit_format; *p != '\0'; p++) {
		if (strncmp(p, "{caption}", 9) == 0) {
			buf_puts(&b, caption ? caption : "");
			p += 8;
		} else if (strncmp(p, "{unit}", 6) == 0) {
			buf_puts(&b, unit);
			p += 5;
		} else
			buf_putc(&b, *p);
	}
	return buf_detach(&b);
}

static const struct style *
row_style(const struct figure_map *fm, int role)
{
	switch (role) {
	case ROW_HEAD:
		return fm->head;
	case ROW_PART:
		return fm->part;
	case ROW_SUBTOTAL:
		return fm->subtotal;
	case ROW_TOTAL:
		return fm->total;
	case ROW_GROUP:
		return fm->group;
	default:
		return NULL;
	}
}

static struct table *
figure_table(const struct figure_map *fm, const struct figure *f,
    const struct block *ref, bool with_caption)
{
	struct table *t = xcalloc(1, sizeof(*t));
	size_t	 r, c;
	char	*cap;
	int	 i;

	t->ncols = f->ncols;
	t->cols = xcalloc(f->ncols ? f->ncols : 1, sizeof(*t->cols));
	for (c = 0; c < f->ncols; c++) {
		bool	 num = f->cols[c].type == FIGCOL_NUMBER ||
		    f->cols[c].type == FIGCOL_PERCENT;

		t->cols[c].align = num ? CELL_DECIMAL : CELL_LEFT;
		/* Widths from the content (layout/table.c). */
		t->cols[c].weight = 0;
		t->cols[c].wrap = !num;
	}
	t->rows = xcalloc(f->nrows ? f->nrows : 1, sizeof(*t->rows));
	t->nrows = f->nrows;
	t->nhead = f->nhead;
	for (r = 0; r < f->nrows; r++) {
		const struct figure_row *fr = &f->rows[r];
		struct table_row *tr = &t->rows[r];
		const struct style *rs = row_style(fm, fr->role);

		tr->role = (enum row_role)fr->role;
		tr->style = rs;
		tr->pos = fr->pos;
		tr->cells = xcalloc(f->ncols ? f->ncols : 1,
		    sizeof(*tr->cells));
		for (c = 0; c < f->ncols; c++) {
			const struct figure_cell *fc = &fr->cells[c];
			struct table_cell *tc;
			const struct style *ps;
			bool	 num;
			char	*text;

			if (fc->covered)
				continue;
			tc = &tr->cells[tr->ncells++];
			tc->col = c;
			tc->colspan = fc->colspan > 0 ? fc->colspan : 1;
			tc->rowspan = fc->rowspan > 0 ? fc->rowspan : 1;
			tc->pos = fc->pos;
			num = fr->role != ROW_HEAD && fr->role != ROW_GROUP &&
			    (fc->kind == FIGVAL_NUMBER ||
			    fc->kind == FIGVAL_RANGE);
			tc->align = fr->role == ROW_HEAD ? (tc->colspan > 1 ?
			    CELL_CENTER : t->cols[c].align == CELL_DECIMAL ?
			    CELL_RIGHT : CELL_LEFT) : fr->role == ROW_GROUP ?
			    CELL_LEFT : t->cols[c].align;
			if (fc->kind == FIGVAL_STATUS)
				tc->status = fc->status;
			/* Text in "Varav" rows is indented by their style;
			 * sums and totals use theirs for every cell. */
			if (fr->role == ROW_HEAD || fr->role == ROW_GROUP ||
			    fr->role == ROW_SUBTOTAL || fr->role == ROW_TOTAL)
				ps = rs;
			else if (num)
				ps = fm->number;
			else if (fr->role == ROW_PART && c == 0)
				ps = fm->part;
			else
				ps = fm->cell;
			text = fr->role == ROW_HEAD || fr->role == ROW_GROUP ?
			    xstrdup(fc->text ? fc->text : "") :
			    figure_cell_text(f, r, c);
			if (*text != '\0')
				tc->blocks = cell_paras(ps, text,
				    num ? SPAN_NOBREAK : 0, fc->pos);
			free(text);
		}
	}
	if (with_caption) {
		cap = ref->spans != NULL ? spans_text(ref->spans) :
		    f->caption ? xstrdup(f->caption) : NULL;
		if (cap != NULL || f->unit != NULL) {
			char	*full = caption_text(fm, cap, f->unit);

			t->caption = text_para(fm->caption, full, 0, ref->pos);
			free(full);
		}
		free(cap);
	}
	if (*fm->continued != '\0')
		t->continued = xstrdup(fm->continued);
	if (f->source != NULL)
		t->notes = text_para(fm->notes, f->source, 0, f->pos);
	t->style = fm->table;
	t->min_size = fm->min_size;
	t->landscape = fm->landscape;
	for (i = 0; i <= STATUS_LEVELS; i++)
		t->status_color[i] = fm->status[i];
	t->pos = ref->pos;
	return t;
}

/* Symbols with their words, under a table with statuses. */
static struct block *
status_legend(const struct figure_map *fm, const struct figure *f,
    struct srcpos pos)
{
	struct block *b;
	struct table *t;
	size_t	 r, c;
	int	 i;
	bool	 any = false;

	for (r = f->nhead; r < f->nrows && !any; r++)
		for (c = 0; c < f->ncols; c++)
			if (f->rows[r].cells[c].kind == FIGVAL_STATUS)
				any = true;
	if (!any)
		return NULL;
	t = xcalloc(1, sizeof(*t));
	t->ncols = STATUS_LEVELS;
	t->cols = xcalloc(STATUS_LEVELS, sizeof(*t->cols));
	t->rows = xcalloc(1, sizeof(*t->rows));
	t->nrows = 1;
	t->rows[0].role = ROW_DATA;
	t->rows[0].pos = pos;
	t->rows[0].cells = xcalloc(STATUS_LEVELS, sizeof(*t->rows[0].cells));
	t->rows[0].ncells = STATUS_LEVELS;
	for (i = 0; i < STATUS_LEVELS; i++) {
		struct table_cell *tc = &t->rows[0].cells[i];

		t->cols[i].align = CELL_LEFT;
		tc->col = (size_t)i;
		tc->colspan = tc->rowspan = 1;
		tc->status = i + 1;
		tc->align = CELL_LEFT;
		tc->pos = pos;
		tc->blocks = text_para(fm->legend, f->levels[i], 0, pos);
	}
	/* The entries side by side from the left, the room to spare
	 * after the last. */
	t->cols[STATUS_LEVELS - 1].weight = 1;
	t->grid = true;
	t->style = fm->legend;
	for (i = 0; i <= STATUS_LEVELS; i++)
		t->status_color[i] = fm->status[i];
	t->pos = pos;
	b = block_new(BLOCK_TABLE);
	b->style = fm->legend;
	b->pos = pos;
	b->table = t;
	return b;
}

static bool
is_number_col(const struct figure *f, size_t c)
{
	return c > 0 && (f->cols[c].type == FIGCOL_NUMBER ||
	    f->cols[c].type == FIGCOL_PERCENT);
}

static struct chart *
figure_chart(const struct figure_map *fm, const struct figure *f,
    const struct figure_chart *fc, const struct block *ref, bool *pct)
{
	struct chart *ch = xcalloc(1, sizeof(*ch));
	size_t	 r, c, *rows, *cols, nr = 0, nc = 0, i, k;
	struct buf alt = { 0 };
	char	*cap;

	rows = xcalloc(f->nrows ? f->nrows : 1, sizeof(*rows));
	cols = xcalloc(f->ncols ? f->ncols : 1, sizeof(*cols));
	/* Data rows only: sums and "Varav" rows would double count. */
	for (r = f->nhead; r < f->nrows; r++)
		if (f->rows[r].role == ROW_DATA && (fc == NULL ||
		    fc->row_last == 0 || (r - f->nhead + 1 >= fc->row_first &&
		    r - f->nhead + 1 <= fc->row_last)))
			rows[nr++] = r;
	for (c = 0; c < f->ncols; c++)
		if (is_number_col(f, c) && (fc == NULL || fc->col_last == 0 ||
		    (c + 1 >= fc->col_first && c + 1 <= fc->col_last)))
			cols[nc++] = c;
	*pct = nc > 0;
	for (k = 0; k < nc; k++)
		if (f->cols[cols[k]].type != FIGCOL_PERCENT)
			*pct = false;
	ch->kind = fc != NULL ? (enum chart_kind)fc->kind : CHART_BAR;
	cap = ref->spans != NULL ? spans_text(ref->spans) : NULL;
	ch->title = cap != NULL ? cap : fc != NULL && fc->title != NULL ?
	    xstrdup(fc->title) : f->caption != NULL ? xstrdup(f->caption) :
	    NULL;
	ch->unit = f->unit ? xstrdup(f->unit) : NULL;
	/* By rows: a line per row over the number columns (months); by
	 * columns: a series per number column over the rows. */
	if (fc != NULL && fc->by_rows) {
		ch->ncategories = nc;
		ch->nseries = nr;
	} else {
		ch->ncategories = nr;
		ch->nseries = nc;
	}
	ch->categories = xcalloc(ch->ncategories ? ch->ncategories : 1,
	    sizeof(*ch->categories));
	ch->series = xcalloc(ch->nseries ? ch->nseries : 1,
	    sizeof(*ch->series));
	for (i = 0; i < ch->ncategories; i++)
		ch->categories[i] = xstrdup(fc != NULL && fc->by_rows ?
		    f->cols[cols[i]].name : f->rows[rows[i]].name);
	ch->decimals = 0;
	for (k = 0; k < nc; k++)
		if (f->cols[cols[k]].decimals > ch->decimals)
			ch->decimals = f->cols[cols[k]].decimals;
	for (k = 0; k < ch->nseries; k++) {
		struct chart_series *s = &ch->series[k];

		s->name = xstrdup(fc != NULL && fc->by_rows ?
		    f->rows[rows[k]].name : f->cols[cols[k]].name);
		s->values = xcalloc(ch->ncategories ? ch->ncategories : 1,
		    sizeof(*s->values));
		s->present = xcalloc(ch->ncategories ? ch->ncategories : 1,
		    sizeof(*s->present));
		for (i = 0; i < ch->ncategories; i++) {
			r = fc != NULL && fc->by_rows ? rows[k] : rows[i];
			c = fc != NULL && fc->by_rows ? cols[i] : cols[k];
			if (f->rows[r].cells[c].kind == FIGVAL_NUMBER) {
				s->values[i] = f->rows[r].cells[c].value;
				s->present[i] = true;
			}
		}
	}
	ch->height = fm->chart_height;
	ch->text = fm->chart_text;
	ch->title_style = fm->chart_title;
	memcpy(ch->colors, fm->colors, sizeof(ch->colors));
	/* One sentence for those who cannot see it. */
	buf_printf(&alt, "%s", ch->kind == CHART_LINE ? fm->line_word :
	    fm->bar_word);
	if (ch->title != NULL)
		buf_printf(&alt, ": %s", ch->title);
	if (ch->unit != NULL)
		buf_printf(&alt, " (%s)", ch->unit);
	buf_puts(&alt, ";");
	for (k = 0; k < ch->nseries; k++)
		buf_printf(&alt, "%s%s", k ? ", " : " ", ch->series[k].name);
	if (ch->ncategories > 0)
		buf_printf(&alt, "; %s\xe2\x80\x93%s", ch->categories[0],
		    ch->categories[ch->ncategories - 1]);
	buf_putc(&alt, '.');
	/* The numbers follow as a table: say where to find them. */
	if (fm->values_text[0] != '\0')
		buf_printf(&alt, " %s", fm->values_text);
	ch->alt = buf_detach(&alt);
	ch->pos = fc != NULL ? fc->pos : ref->pos;
	free(rows);
	free(cols);
	if (ch->nseries == 0 || ch->ncategories == 0) {
		diag(DIAG_ERROR, ref->pos.file, ref->pos.line, ref->pos.col,
		    "figure \"%s\" has nothing to draw: a chart needs number "
		    "columns and data rows", ref->figure_ref);
		chart_free(ch);
		return NULL;
	}
	return ch;
}

static void
chart_cell(const struct figure_map *fm, struct table_row *tr, size_t col,
    const char *text, bool num, struct srcpos pos)
{
	struct table_cell *tc = &tr->cells[tr->ncells++];

	tc->col = col;
	tc->colspan = tc->rowspan = 1;
	tc->pos = pos;
	tc->align = num ? CELL_DECIMAL : CELL_LEFT;
	if (tr->role == ROW_HEAD && col > 0)
		tc->align = CELL_RIGHT;
	if (text != NULL && *text != '\0')
		tc->blocks = text_para(tr->role == ROW_HEAD ? fm->head : num ?
		    fm->number : fm->cell, text, num ? SPAN_NOBREAK : 0, pos);
}

/*
 * The chart's numbers as a table, laid out like the figure: by rows
 * when the series are rows, else a row per category.
 */
static struct table *
chart_table(const struct figure_map *fm, const struct figure *f,
    const struct chart *ch, bool by_rows, bool pct)
{
	struct table *t = xcalloc(1, sizeof(*t));
	size_t	 nr = by_rows ? ch->nseries : ch->ncategories;
	size_t	 nc = 1 + (by_rows ? ch->ncategories : ch->nseries);
	size_t	 r, c;
	int	 i;

	t->ncols = nc;
	t->cols = xcalloc(nc, sizeof(*t->cols));
	for (c = 0; c < nc; c++) {
		t->cols[c].align = c == 0 ? CELL_LEFT : CELL_DECIMAL;
		t->cols[c].weight = 0;
		t->cols[c].wrap = c == 0;
	}
	t->nrows = nr + 1;
	t->nhead = 1;
	t->rows = xcalloc(t->nrows, sizeof(*t->rows));
	for (r = 0; r < t->nrows; r++) {
		struct table_row *tr = &t->rows[r];

		tr->role = r == 0 ? ROW_HEAD : ROW_DATA;
		tr->style = r == 0 ? fm->head : NULL;
		tr->pos = ch->pos;
		tr->cells = xcalloc(nc, sizeof(*tr->cells));
		for (c = 0; c < nc; c++) {
			const char *txt;
			char	*num = NULL;
			size_t	 si, ci;

			if (r == 0)
				txt = c == 0 ? f->cols[0].name : by_rows ?
				    ch->categories[c - 1] :
				    ch->series[c - 1].name;
			else if (c == 0)
				txt = by_rows ? ch->series[r - 1].name :
				    ch->categories[r - 1];
			else {
				si = by_rows ? r - 1 : c - 1;
				ci = by_rows ? c - 1 : r - 1;
				txt = "";
				if (ch->series[si].present[ci])
					txt = num = sv_number(
					    ch->series[si].values[ci],
					    ch->decimals, pct ? SVNUM_PERCENT :
					    0);
			}
			chart_cell(fm, tr, c, txt, r > 0 && c > 0, ch->pos);
			free(num);
		}
	}
	t->style = fm->table;
	t->min_size = fm->min_size;
	t->landscape = fm->landscape;
	if (*fm->continued != '\0')
		t->continued = xstrdup(fm->continued);
	if (f->source != NULL)
		t->notes = text_para(fm->notes, f->source, 0, f->pos);
	for (i = 0; i <= STATUS_LEVELS; i++)
		t->status_color[i] = fm->status[i];
	t->pos = ch->pos;
	return t;
}

/* The chart of a reference (FIGVIEW_CHART) as the pack draws it. */
struct chart *
tmpl_figure_chart(const struct figure_map *fm, const struct block *ref,
    bool *by_rows, bool *pct)
{
	const struct figure *f = ref->figure;
	const struct figure_chart *fc = NULL;
	size_t	 i;

	*by_rows = *pct = false;
	if (f == NULL || fm == NULL || !fm->loaded)
		return NULL;
	for (i = 0; i < f->ncharts; i++)
		if (ref->figure_chart == NULL || (f->charts[i].name &&
		    strcmp(f->charts[i].name, ref->figure_chart) == 0)) {
			fc = &f->charts[i];
			break;
		}
	*by_rows = fc != NULL && fc->by_rows;
	return figure_chart(fm, f, fc, ref, pct);
}

struct block *
tmpl_figure(struct figure_map *fm, const struct block *ref)
{
	const struct figure *f = ref->figure;
	const struct figure_chart *fc = NULL;
	struct block *head = NULL, **tail = &head, *b, *leg;
	size_t	 i;
	bool	 pct = false;

	if (f == NULL)
		return NULL;	/* content/ reported it */
	if (fm == NULL || !fm->loaded) {
		diag(DIAG_ERROR, ref->pos.file, ref->pos.line, ref->pos.col,
		    "the template has no <figures> element, so figure \"%s\" "
		    "cannot be styled: add one (see docs/templates.md)",
		    ref->figure_ref);
		return NULL;
	}
	if (fm->rows > TMPL_MAX_PACK_ROWS)
		return NULL;	/* said once */
	if ((fm->rows += f->nrows) > TMPL_MAX_PACK_ROWS) {
		diag(DIAG_ERROR, ref->pos.file, ref->pos.line, ref->pos.col,
		    "with \"%s\" (%zu rows) the tables of the pack come to "
		    "more than %d rows: place fewer or smaller figures",
		    ref->figure_ref, f->nrows, TMPL_MAX_PACK_ROWS);
		return NULL;
	}
	if (ref->figure_view == FIGVIEW_CHART) {
		for (i = 0; i < f->ncharts; i++)
			if (ref->figure_chart == NULL || (f->charts[i].name &&
			    strcmp(f->charts[i].name, ref->figure_chart) == 0)) {
				fc = &f->charts[i];
				break;
			}
		b = block_new(BLOCK_CHART);
		b->pos = ref->pos;
		b->style = fm->chart_text;
		if ((b->chart = figure_chart(fm, f, fc, ref, &pct)) == NULL) {
			blocks_free(b);
			return NULL;
		}
		*tail = b;
		tail = &b->next;
		/* Its numbers, for those who cannot see it. */
		b = block_new(BLOCK_TABLE);
		b->pos = ref->pos;
		b->style = fm->table;
		b->table = chart_table(fm, f, head->chart, fc != NULL &&
		    fc->by_rows, pct);
		*tail = b;
		return head;
	}
	b = block_new(BLOCK_TABLE);
	b->pos = ref->pos;
	b->style = fm->table;
	b->table = figure_table(fm, f, ref, true);
	*tail = b;
	tail = &b->next;
	/* The legend goes with the notes, so it stays by the table. */
	if ((leg = status_legend(fm, f, ref->pos)) != NULL) {
		struct block **nt = &b->table->notes;

		while (*nt != NULL)
			nt = &(*nt)->next;
		*nt = leg;
	}
	for (i = 0; i < f->nfailures; i++) {
		char	*s = xasprintf("%s%s", fm->failed_text,
		    f->failures[i].message_sv);

		b = text_para(fm->failed, s, 0, f->failures[i].pos);
		free(s);
		*tail = b;
		tail = &b->next;
	}
	if (f->nfailures > 0 && !fm->marked && fm->doc != NULL) {
		char	*s = fm->doc->subject != NULL && *fm->doc->subject ?
		    xasprintf("%s \xe2\x80\x93 %s", fm->doc->subject,
		    fm->failed_subject) : xstrdup(fm->failed_subject);

		free(fm->doc->subject);
		fm->doc->subject = s;
		fm->marked = true;
	}
	return head;
}

/*
 * Figure files: the CSV reader (dialects, encodings, quoting, limits),
 * plain tables from CSV, the check language and computed cells, and the
 * template stage's tables.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "test.h"
#include "../../gen/util/xml.h"
#include "../../gen/content/figure_private.h"
#include "../../gen/template/template_private.h"

#define NB	"\xc2\xa0"
#define MINUS	"\xe2\x88\x92"

static struct csv *
parse(const char *s)
{
	return csv_parse("t.csv", s, strlen(s), NULL);
}

static struct figure *
plain(const char *s)
{
	struct csv *c = parse(s);
	struct figure *f;

	if (c == NULL)
		return NULL;
	f = figure_new("t.csv");
	if (!figure_from_csv(f, c, 1, true)) {
		figure_free(f);
		f = NULL;
	}
	csv_free(c);
	return f;
}

/* Appends a check; returns the figure for chaining. */
static void
add_check(struct figure *f, const char *expr, double tol, int tdec)
{
	f->checks = xrealloc(f->checks, (f->nchecks + 1) * sizeof(*f->checks));
	memset(&f->checks[f->nchecks], 0, sizeof(*f->checks));
	f->checks[f->nchecks].expr = xstrdup(expr);
	f->checks[f->nchecks].tolerance = tol;
	f->checks[f->nchecks].tol_decimals = tdec;
	f->checks[f->nchecks].pos.file = "t.xml";
	f->checks[f->nchecks].pos.line = 40 + (int)f->nchecks;
	f->nchecks++;
}

TEST(swedish_excel)
{
	/* ";" and decimal comma, Windows-1252: Å (0xC5), € (0x80), – (0x96),
	 * ” (0x94), CR LF. */
	struct csv *c = parse("\xc5r;Belopp\r\n2024;1 234,5\r\n"
	    "\x80 \x96 \x94x\x94;2,0\r\n");

	CHECK(c != NULL);
	if (c == NULL)
		return;
	CHECK(c->d.sep == ';');
	CHECK(c->d.decimal == ',');
	CHECK(c->d.encoding == CSV_ENC_CP1252);
	CHECK_INT(c->nrec, 3);
	CHECK_STR(c->rec[0].f[0].text, "År");
	CHECK_STR(c->rec[2].f[0].text, "€ – ”x”");
	CHECK_INT(c->rec[1].f[1].line, 2);
	CHECK_INT(c->rec[1].f[1].col, 6);
	csv_free(c);
}

TEST(cp1252_undefined)
{
	CHECK(parse("a;b\n1;\x81x\n") == NULL);
	CHECK_STR(diag_first(), "t.csv:2:3: error: byte 0x81 is not a "
	    "Windows-1252 character: the file is in another encoding; save "
	    "it as UTF-8 or Windows-1252");
	diag_clear();
}

TEST(utf8_bom_and_quotes)
{
	struct csv *c = parse("\xef\xbb\xbf" "Namn;Text\n\"A;1\";\"två\nrader "
	    "\"\"citat\"\"\"\nB;x\n");

	CHECK(c != NULL);
	if (c == NULL)
		return;
	CHECK(c->d.encoding == CSV_ENC_UTF8);
	CHECK_INT(c->nrec, 3);
	CHECK_STR(c->rec[1].f[0].text, "A;1");
	CHECK_STR(c->rec[1].f[1].text, "två\nrader \"citat\"");
	CHECK_INT(c->rec[2].line, 4);	/* after the embedded newline */
	CHECK_INT(c->rec[1].f[1].col, 7);
	csv_free(c);
}

TEST(plain_dialect)
{
	struct csv *c = parse("name,value\nA,1234.5\nB,-2.25\n");

	CHECK(c != NULL && c->d.sep == ',' && c->d.decimal == '.');
	csv_free(c);
}

TEST(csv_errors)
{
	/* Both separators split consistently: say how to declare. */
	CHECK(parse("a;b,c\n1;2,3\n") == NULL);
	CHECK(strstr(diag_first(), "t.csv:1: error: cannot tell the "
	    "separator") != NULL);
	CHECK(strstr(diag_first(), "separator=\";\"") != NULL);
	diag_clear();
	CHECK(parse("a;b;c\n1;2;3\n4;5\n") == NULL);
	CHECK(strstr(diag_first(), "t.csv:3: error: this line has a "
	    "different number of \";\"-separated fields") != NULL);
	diag_clear();
	CHECK(parse("a;b\n\"open;2\n") == NULL);
	CHECK_STR(diag_first(), "t.csv:2:1: error: the quote opened here is "
	    "never closed: end the field with \"");
	diag_clear();
	CHECK(parse("a;b\n\"x\"y;2\n") == NULL);
	CHECK(strstr(diag_first(), "t.csv:2:4: error: text after the "
	    "closing quote") == diag_first());
	diag_clear();
	/* UTF-8 with one stray byte: neither encoding. */
	CHECK(parse("år;b\n\xe5r;2\n") == NULL);
	CHECK(strstr(diag_first(), "t.csv:2:1: error: invalid UTF-8 in a "
	    "file that is otherwise UTF-8") == diag_first());
	diag_clear();
	CHECK(parse("a;b\n1;\x01\n") == NULL);
	CHECK_STR(diag_first(), "t.csv:2:3: error: control character U+0001 "
	    "in the file: remove it");
	diag_clear();
	/* Tab-separated with both decimal marks. */
	CHECK(parse("a\tb\n1,5\t2.5\n") == NULL);
	CHECK(strstr(diag_first(), "cannot tell the decimal mark") != NULL);
	diag_clear();
}

TEST(csv_limits)
{
	struct buf b = { 0 };
	size_t	 i;

	/* Too many fields on a line. */
	for (i = 0; i < FIG_MAX_COLS + 5; i++)
		buf_puts(&b, i ? ";x" : "x");
	buf_putc(&b, '\n');
	CHECK(parse(b.data) == NULL);
	CHECK(strstr(diag_first(), "more than 64 fields") != NULL);
	diag_clear();
	/* A field longer than the cap. */
	buf_reset(&b);
	buf_puts(&b, "a;b\n1;");
	for (i = 0; i < FIG_MAX_CELL + 1; i++)
		buf_putc(&b, 'x');
	CHECK(parse(b.data) == NULL);
	CHECK(strstr(diag_first(), "t.csv:2:3: error: field longer than") ==
	    diag_first());
	diag_clear();
	/* Too many lines. */
	buf_reset(&b);
	for (i = 0; i < FIG_MAX_ROWS + 2; i++)
		buf_puts(&b, "1;2\n");
	CHECK(parse(b.data) == NULL);
	CHECK(strstr(diag_first(), "more than 100000 lines") != NULL);
	diag_clear();
	/* Too many cells: wide and long, each within its own limit, is
	 * refused before it costs gigabytes. */
	buf_reset(&b);
	for (i = 0; i < FIG_MAX_CELLS / FIG_MAX_COLS + 2; i++) {
		size_t	 k;

		for (k = 0; k < FIG_MAX_COLS; k++)
			buf_puts(&b, k ? ";1" : "1");
		buf_putc(&b, '\n');
	}
	CHECK(parse(b.data) == NULL);
	CHECK(strstr(diag_first(), "more than 250000 cells in the file") !=
	    NULL);
	diag_clear();
	buf_free(&b);
}

TEST(plain_table)
{
	struct figure *f = plain("Kostnadsslag;2024;2025;Andel;Status\n"
	    "Personal;2 512,4;2 618,9;4,2 %;Uppfyllt\n"
	    "Varav inhyrd personal;168,2;160,45;1,0 %;Delvis uppfyllt\n"
	    "Läkemedel;Saknas;655,3;?;Ej uppfyllt\n"
	    "SUMMA VERKSAMHET;3 100,1;;5,2 %;\n"
	    "Totalt;4 442,3;4 634,2;6,1 %;Utgår\n");

	CHECK(f != NULL);
	if (f == NULL)
		return;
	CHECK_INT(f->ncols, 5);
	CHECK_INT(f->nhead, 1);
	CHECK_INT(f->nrows, 6);
	CHECK(f->cols[0].type == FIGCOL_TEXT);
	CHECK(f->cols[1].type == FIGCOL_NUMBER);
	CHECK(f->cols[3].type == FIGCOL_PERCENT);
	CHECK(f->cols[4].type == FIGCOL_STATUS);
	CHECK_STR(f->cols[2].name, "2025");
	CHECK_INT(f->rows[1].role, ROW_DATA);
	CHECK_INT(f->rows[2].role, ROW_PART);
	CHECK_INT(f->rows[4].role, ROW_SUBTOTAL);
	CHECK_INT(f->rows[5].role, ROW_TOTAL);
	CHECK(f->rows[3].cells[1].kind == FIGVAL_WORD);
	CHECK(f->rows[4].cells[2].kind == FIGVAL_EMPTY);
	CHECK(f->rows[1].cells[1].kind == FIGVAL_NUMBER &&
	    f->rows[1].cells[1].value == 2512.4);
	CHECK_INT(f->rows[3].cells[4].status, 3);
	CHECK(f->rows[5].cells[4].kind == FIGVAL_WORD);
	figure_free(f);
}

TEST(plain_table_errors)
{
	/* A number column with a stray word is a text column... */
	struct figure *f = plain("A;B\nx;1\ny;oj\n");

	CHECK(f != NULL && f->cols[1].type == FIGCOL_TEXT);
	figure_free(f);
	/* ...but a decimal point in a decimal-comma file is an error. */
	f = figure_new("t.csv");
	{
		struct csv *c = parse("A;B\nx;1,5\ny;2.5\n");

		f->cols = xcalloc(2, sizeof(*f->cols));
		f->ncols = 2;
		f->cols[1].type = FIGCOL_NUMBER;
		CHECK(c != NULL && !figure_from_csv(f, c, 1, false));
		CHECK(strstr(diag_first(), "t.csv:3:3: error: \"2.5\" is "
		    "written with a decimal point but the file uses decimal "
		    "comma") == diag_first());
		csv_free(c);
	}
	figure_free(f);
	diag_clear();
	/* Undeclared, the same slip is an error too, not a text column
	 * that prints the wrong mark. */
	CHECK(plain("A;B\nx;1,5\ny;2.5\nz;3,5\n") == NULL);
	CHECK(diag_first() != NULL && strstr(diag_first(), "t.csv:3:3: "
	    "error: \"2.5\" is not a number as this file writes them") ==
	    diag_first());
	diag_clear();
	/* A percentage among plain numbers would lose its %. */
	CHECK(plain("A;B\nx;12 %\ny;5\nz;7,5\n") == NULL);
	CHECK(diag_first() != NULL && strstr(diag_first(), "t.csv:2:3: "
	    "error: \"12 %\" is a percentage in a column of plain numbers") ==
	    diag_first());
	diag_clear();
	/* Phone numbers with one short number stay a text column. */
	f = plain("A;Tfn\nx;112\ny;010-481 22 35\nz;0920-45 67 89\n");
	CHECK(f != NULL && f->cols[1].type == FIGCOL_TEXT);
	figure_free(f);
	diag_clear();
}

/* conventions §6: a Total row printed 135,5 / 151,1 where the rows sum
 * to 133,7 / 150,5. */
static const char totals_csv[] =
    "Verksamhet;2016;2017\n"
    "Primärvård;40,2;45,0\n"
    "Specialistvård;60,3;65,2\n"
    "Tandvård;33,2;40,3\n"
    "Total;135,5;151,1\n";

TEST(check_row_sum)
{
	struct figure *f = plain(totals_csv);

	CHECK(f != NULL);
	if (f == NULL)
		return;
	add_check(f, "Total = sum(rows 1-3)", 0.1, 1);
	CHECK(figure_check(f));
	CHECK_INT(f->nfailures, 2);
	if (f->nfailures == 2) {
		CHECK_STR(f->failures[0].message, "Total 135,5 \xe2\x89\xa0 "
		    "133,7 = sum of rows 1\xe2\x80\x93" "3 (tolerance 0,1)");
		CHECK_INT(f->failures[0].pos.line, 5);
		CHECK_INT(f->failures[0].pos.col, 7);
		CHECK_STR(f->failures[1].message, "Total 151,1 \xe2\x89\xa0 "
		    "150,5 = sum of rows 1\xe2\x80\x93" "3 (tolerance 0,1)");
		CHECK_INT(f->failures[1].pos.col, 13);
	}
	figure_free(f);
	/* The same with names, and the consistent table passes. */
	f = plain("Verksamhet;2016;2017\nPrimärvård;40,2;45,0\n"
	    "Specialistvård;60,3;65,2\nTandvård;33,2;40,3\nTotal;133,7;150,5\n");
	add_check(f, "Total = Primärvård + Specialistvård + Tandvård", 0, 0);
	add_check(f, "Total = sum(rows 1-3)", 0, 0);
	CHECK(figure_check(f));
	CHECK_INT(f->nfailures, 0);
	figure_free(f);
}

TEST(check_difference_and_percent)
{
	/* 35 038 printed for 90 000 − 54 902; 64 for (203 − 129) / 129. */
	struct figure *f = plain("Post;Intäkter;Kostnader;Resultat;"
	    "Före;Efter;Ökning\n"
	    "A;90 000;54 902;35 038;129;203;64\n"
	    "B;10 000;4 000;6 000;100;150;50\n");

	CHECK(f != NULL);
	if (f == NULL)
		return;
	add_check(f, "Resultat = Intäkter − Kostnader", 0, 0);
	add_check(f, "Ökning = (Efter - Före) / Före * 100", 0.1, 1);
	CHECK(figure_check(f));
	CHECK_INT(f->nfailures, 2);
	if (f->nfailures == 2) {
		CHECK_STR(f->failures[0].message, "Resultat 35" NB "038 "
		    "\xe2\x89\xa0 35" NB "098 = Intäkter " MINUS " Kostnader "
		    "(tolerance 0)");
		CHECK_INT(f->failures[0].pos.line, 2);
		CHECK_STR(f->failures[1].message, "Ökning 64 \xe2\x89\xa0 57,4 "
		    "= (Efter " MINUS " Före) / Före \xc3\x97 100 (tolerance "
		    "0,1)");
	}
	figure_free(f);
}

TEST(check_tolerance_unrounded)
{
	/* A change column computed from unrounded values is off by 0,1:
	 * it passes with tolerance 0,1, fails with 0,05. */
	static const char csv[] = "Nämnd;2016;2017;Förändring\n"
	    "A;12,3;15,5;3,1\nB;20,0;21,0;1,0\n";
	struct figure *f = plain(csv);

	add_check(f, "Förändring = 2017 − 2016", 0.1, 1);
	CHECK(figure_check(f));
	CHECK_INT(f->nfailures, 0);
	figure_free(f);
	f = plain(csv);
	add_check(f, "Förändring = 2017 − 2016", 0.05, 2);
	CHECK(figure_check(f));
	CHECK_INT(f->nfailures, 1);
	if (f->nfailures == 1)
		CHECK_STR(f->failures[0].message, "Förändring 3,1 \xe2\x89\xa0 "
		    "3,20 = 2017 " MINUS " 2016 (tolerance 0,05)");
	figure_free(f);
}

TEST(check_varav_not_summed)
{
	/* "Varav" rows are outside a sum that does not name them. */
	struct figure *f = plain("Verksamhet;Belopp\nA;10\nVarav a1;4\nB;5\n"
	    "TOTAL;15\n");

	add_check(f, "TOTAL = A + B", 0, 0);
	CHECK(figure_check(f));
	CHECK_INT(f->nfailures, 0);
	CHECK_INT(f->rows[2].role, ROW_PART);
	figure_free(f);
}

TEST(check_words_warn)
{
	/* "Saknas" cannot be checked: no failure, but a warning at the
	 * cell checked naming the cell that stops it; an empty cell or a
	 * dash is nothing to check, silently. */
	struct figure *f = plain("V;X;Y\nA;Saknas;\nB;5;" MINUS "\n"
	    "TOTAL;99;7\n");

	diag_clear();
	add_check(f, "TOTAL = A + B", 0, 0);
	CHECK(figure_check(f));
	CHECK_INT(f->nfailures, 0);
	CHECK_STR(diag_first(), "t.csv:4:7: warning: check \"TOTAL = A + B\" "
	    "is not checked at row \"TOTAL\", column \"X\": it needs row "
	    "\"A\", column \"X\" (line 2), which says \"Saknas\", not a "
	    "number");
	CHECK_INT(diag_warnings(), 1);
	diag_clear();
	figure_free(f);
}

TEST(check_bad_names)
{
	struct figure *f = plain(totals_csv);

	add_check(f, "Totalt = sum(rows 1-3)", 0, 0);
	CHECK(!figure_check(f));
	CHECK_STR(diag_first(), "t.xml:40: error: check \"Totalt = sum(rows "
	    "1-3)\": no row or column is called \"Totalt\"; did you mean "
	    "\"Total\"?");
	diag_clear();
	figure_free(f);
	f = plain(totals_csv);
	add_check(f, "Total = sum(rows 1-9)", 0, 0);
	CHECK(!figure_check(f));
	CHECK(strstr(diag_first(), "the rows counted are 1 to") != NULL);
	diag_clear();
	figure_free(f);
	f = plain(totals_csv);
	add_check(f, "Total = (Tandvård", 0, 0);
	CHECK(!figure_check(f));
	CHECK(strstr(diag_first(), "a \")\" is missing") != NULL);
	diag_clear();
	figure_free(f);
	f = plain(totals_csv);
	add_check(f, "Total Tandvård", 0, 0);
	CHECK(!figure_check(f));
	diag_clear();
	figure_free(f);
}

TEST(check_deep_nesting)
{
	struct figure *f = plain(totals_csv);
	struct buf b = { 0 };
	int	 i;

	buf_puts(&b, "Total = ");
	for (i = 0; i < 200; i++)
		buf_putc(&b, '(');
	buf_puts(&b, "Tandvård");
	for (i = 0; i < 200; i++)
		buf_putc(&b, ')');
	add_check(f, b.data, 0, 0);
	CHECK(!figure_check(f));
	CHECK(strstr(diag_first(), "nested too deeply") != NULL);
	diag_clear();
	buf_free(&b);
	figure_free(f);
}

TEST(work_bounded)
{
	/* A column formula summing 5 000 rows in each of 5 000 rows would
	 * read 25 million cells: refused, not run. */
	struct buf b = { 0 };
	struct figure *f;
	size_t	 i;

	buf_puts(&b, "Rad;Belopp;Summa\n");
	for (i = 0; i < 5000; i++)
		buf_printf(&b, "r%zu;1;\n", i);
	f = plain(b.data);
	CHECK(f != NULL);
	if (f != NULL) {
		f->cols[2].type = FIGCOL_NUMBER;
		f->cols[2].formula = xstrdup("sum(rows 1-5000)");
		CHECK(!figure_compute(f));
		CHECK(strstr(diag_first(), "it would read more than") != NULL);
		figure_free(f);
	}
	diag_clear();
	buf_free(&b);
}

TEST(hyphenated_names)
{
	struct figure *f = plain("Verksamhet;Belopp\nHälso- och sjukvård;10\n"
	    "Tand-vård;5\nSumma;15\n");

	add_check(f, "Summa = Hälso- och sjukvård + Tand-vård", 0, 0);
	CHECK(figure_check(f));
	CHECK_INT(f->nfailures, 0);
	figure_free(f);
}

TEST(computed_cells)
{
	struct figure *f = plain("Nämnd;Utfall;Budget;Avvikelse\n"
	    "A;−2 915,4;−2 828,7;\nB;10,25;10,0;\nC;Saknas;4,0;\n");

	CHECK(f != NULL);
	if (f == NULL)
		return;
	f->cols[3].type = FIGCOL_NUMBER;
	f->cols[3].decimals = 1;
	f->cols[3].formula = xstrdup("Utfall − Budget");
	CHECK(figure_compute(f));
	CHECK(f->rows[1].cells[3].kind == FIGVAL_NUMBER);
	CHECK_STR(f->rows[1].cells[3].text, MINUS "86,7");
	/* Computed from the value as shown: 10,3 − 10,0. */
	CHECK_STR(f->rows[2].cells[3].text, "0,3");
	CHECK(f->rows[3].cells[3].kind == FIGVAL_EMPTY);
	figure_free(f);
}

/* A computed cell too large to print exactly is an error at the cell,
 * not a silent "?" or a rounded number; so is a number written with
 * more digits than can be computed exactly.  (A division by zero gives
 * an empty cell: there is no number.) */
TEST(computed_out_of_range)
{
	struct figure *f = plain("Nämnd;A;B;Produkt\nX;100 000 000;2;\n"
	    "Y;1;0;\n");

	CHECK(f != NULL);
	if (f == NULL)
		return;
	f->cols[3].type = FIGCOL_NUMBER;
	f->cols[3].decimals = 1;
	f->cols[3].formula = xstrdup("A * A * B");
	diag_clear();
	CHECK(!figure_compute(f));
	CHECK(diag_first() != NULL && strstr(diag_first(), "t.csv:2:") ==
	    diag_first() && strstr(diag_first(), "too large to print "
	    "exactly") != NULL);
	CHECK_STR(f->rows[2].cells[3].text, "0,0");
	figure_free(f);
	diag_clear();
	CHECK(plain("A;B\nx;123 456 789 012 345 678,9\ny;2,5\n") == NULL);
	CHECK(diag_first() != NULL && strstr(diag_first(), "t.csv:2:3: error: "
	    "\"123 456 789 012 345 678,9\" has more digits than can be") ==
	    diag_first());
	diag_clear();
}

TEST(markdown_reference)
{
	static const char md[] = "---\ndnr: RS/1/2026\ntitle: T\n---\n\n"
	    "# Ärendebeskrivning\n\nText.\n\n"
	    "![](../figurer/a.xml)\n\n"
	    "![Nettokostnad, mkr](../figurer/a.xml \"diagram: avvikelse\")\n\n"
	    "![](../figurer/b.csv \"diagram\")\n\n"
	    "Text ![bild](x.png) med bild.\n";
	struct casefile *cs = casefile_parse("a/01.md", md, strlen(md));
	const struct block *b;

	CHECK(cs != NULL);
	if (cs == NULL)
		return;
	b = cs->sections[SECTION_DESCRIPTION].blocks;
	CHECK(b != NULL && b->kind == BLOCK_PARA);
	b = b ? b->next : NULL;
	CHECK(b != NULL && b->kind == BLOCK_FIGURE);
	if (b != NULL) {
		CHECK_STR(b->figure_ref, "../figurer/a.xml");
		CHECK(b->figure_view == FIGVIEW_TABLE);
		CHECK(b->spans == NULL);
		CHECK_INT(b->pos.line, 10);
		CHECK_INT(b->pos.col, 1);
		b = b->next;
	}
	CHECK(b != NULL && b->kind == BLOCK_FIGURE);
	if (b != NULL) {
		CHECK(b->figure_view == FIGVIEW_CHART);
		CHECK_STR(b->figure_chart, "avvikelse");
		CHECK(b->spans != NULL && strcmp(b->spans->text,
		    "Nettokostnad, mkr") == 0);
		b = b->next;
	}
	CHECK(b != NULL && b->kind == BLOCK_FIGURE &&
	    b->figure_view == FIGVIEW_CHART && b->figure_chart == NULL);
	b = b ? b->next : NULL;
	/* An image inside text is no figure (and still a warning). */
	CHECK(b != NULL && b->kind == BLOCK_PARA);
	CHECK(diag_warnings() > 0);
	casefile_free(cs);
	diag_clear();
}

TEST(template_table)
{
	struct tmpl t;
	struct figure *f = plain("Verksamhet;2025;Andel;Status\n"
	    "A;−1 234,56;4,2 %;Uppfyllt\nVarav a;1,25;1,0 %;Ej uppfyllt\n"
	    "TOTAL;5,00;?;\n");
	struct block ref, *b;
	const struct table *tb;
	int	 ok;

	memset(&t, 0, sizeof(t));
	t.doc = xcalloc(1, sizeof(*t.doc));
	t.dir = "templates";
	ok = tmpl_load_file(&t, "templates/pack.xml",
	    "templates/schema/template.rng") && tmpl_collect(&t);
	CHECK(ok);
	CHECK(f != NULL);
	if (!ok || f == NULL)
		goto out;
	f->caption = xstrdup("Kostnader");
	f->unit = xstrdup("mkr");
	memset(&ref, 0, sizeof(ref));
	ref.kind = BLOCK_FIGURE;
	ref.figure = f;
	ref.figure_ref = "x.csv";
	b = tmpl_figure(&t.fmap, &ref);
	CHECK(b != NULL && b->kind == BLOCK_TABLE && b->table != NULL);
	if (b == NULL || b->table == NULL)
		goto out;
	tb = b->table;
	CHECK_INT(tb->ncols, 4);
	CHECK_INT(tb->nhead, 1);
	CHECK_INT(tb->rows[0].role, ROW_HEAD);
	CHECK_INT(tb->rows[2].role, ROW_PART);
	CHECK_INT(tb->rows[3].role, ROW_TOTAL);
	CHECK(tb->cols[1].align == CELL_DECIMAL);
	CHECK(tb->cols[0].align == CELL_LEFT);
	CHECK(tb->rows[1].cells[1].blocks != NULL);
	if (tb->rows[1].cells[1].blocks != NULL) {
		const struct span *sp = tb->rows[1].cells[1].blocks->spans;

		CHECK_STR(sp->text, MINUS "1" NB "234,56");
		CHECK(sp->flags & SPAN_NOBREAK);
	}
	CHECK_STR(tb->rows[1].cells[2].blocks->spans->text, "4,2" NB "%");
	CHECK_INT(tb->rows[1].cells[3].status, 1);
	CHECK_STR(tb->rows[1].cells[3].blocks->spans->text, "Uppfyllt");
	CHECK_INT(tb->rows[2].cells[3].status, 3);
	CHECK(tb->rows[3].cells[3].blocks == NULL);	/* empty */
	CHECK_STR(tb->continued, " (forts.)");
	CHECK(tb->caption != NULL);
	if (tb->caption != NULL)
		CHECK_STR(tb->caption->spans->text, "Kostnader, mkr");
	/* The status legend follows the notes. */
	CHECK(tb->notes != NULL && tb->notes->kind == BLOCK_TABLE &&
	    tb->notes->table->grid);
	blocks_free(b);
	/* The chart view: a chart, then its numbers. */
	ref.figure_view = FIGVIEW_CHART;
	b = tmpl_figure(&t.fmap, &ref);
	CHECK(b != NULL && b->kind == BLOCK_CHART && b->next != NULL &&
	    b->next->kind == BLOCK_TABLE);
	if (b != NULL && b->chart != NULL) {
		CHECK_INT(b->chart->nseries, 2);
		CHECK_INT(b->chart->ncategories, 1);	/* data rows only */
		CHECK(b->chart->alt != NULL && strstr(b->chart->alt,
		    "Stapeldiagram: Kostnader") == b->chart->alt);
	}
	blocks_free(b);
	/* A comment of several paragraphs: a blank line in the cell
	 * (CRLF too) parts them, a single line break is a space. */
	figure_free(f);
	f = plain("Mål;Kommentar\nA;\"Ett.\n\nTvå.\r\n \r\nTre.\"\n"
	    "B;\"En\nrad.\"\n");
	CHECK(f != NULL);
	if (f == NULL)
		goto out;
	ref.figure = f;
	ref.figure_view = FIGVIEW_TABLE;
	b = tmpl_figure(&t.fmap, &ref);
	CHECK(b != NULL && b->table != NULL);
	if (b != NULL && b->table != NULL) {
		const struct block *p = b->table->rows[1].cells[1].blocks;

		CHECK(p != NULL && p->next != NULL && p->next->next != NULL &&
		    p->next->next->next == NULL);
		if (p != NULL && p->next != NULL && p->next->next != NULL) {
			CHECK_STR(p->spans->text, "Ett.");
			CHECK_STR(p->next->spans->text, "Två.");
			CHECK_STR(p->next->next->spans->text, "Tre.");
		}
		p = b->table->rows[2].cells[1].blocks;
		CHECK(p != NULL && p->next == NULL);
		if (p != NULL)
			CHECK_STR(p->spans->text, "En rad.");
	}
	blocks_free(b);
out:
	for (size_t i = 0; i < t.nxml; i++) {
		xmlFreeDoc(t.xml[i]);
		free(t.path[i]);
	}
	tmpl_free_cmaps(&t);
	doc_free(t.doc);
	figure_free(f);
	diag_clear();
}

int
main(void)
{
	xml_setup();
	RUN(swedish_excel);
	RUN(cp1252_undefined);
	RUN(utf8_bom_and_quotes);
	RUN(plain_dialect);
	RUN(csv_errors);
	RUN(csv_limits);
	RUN(plain_table);
	RUN(plain_table_errors);
	RUN(check_row_sum);
	RUN(check_difference_and_percent);
	RUN(check_tolerance_unrounded);
	RUN(check_varav_not_summed);
	RUN(check_words_warn);
	RUN(check_bad_names);
	RUN(check_deep_nesting);
	RUN(work_bounded);
	RUN(hyphenated_names);
	RUN(computed_cells);
	RUN(computed_out_of_range);
	RUN(markdown_reference);
	RUN(template_table);
	xml_cleanup();
	intern_free();
	TEST_END();
}

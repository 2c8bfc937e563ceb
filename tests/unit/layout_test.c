/* Unit tests of the layout stage: fonts, hyphenation, line breaking,
 * pagination, page references. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "../../gen/layout/layout.h"
#include "../../gen/layout/layout_private.h"
#include "test.h"
#include "testdoc.h"

#define EPS	0.02f

enum { S_BODY, S_RAGGED, S_HEAD, S_ITEM, S_AGENDA, S_CODE, S_FOOT, S__N };

static const char *lorem =
    "Regionstyrelsen föreslår att regionfullmäktige beslutar att anta "
    "verksamhetsplanen med budget för år 2018 samt ekonomisk plan för "
    "åren 2019–2020. Nettokostnadsutvecklingen ska begränsas så att den "
    "inte överstiger skatteintäkternas och de generella statsbidragens "
    "utveckling. Omhändertagande av patienter med kroniska sjukdomar "
    "kräver samordning mellan primärvård, specialistvård och kommunernas "
    "hälso- och sjukvård. EU-medel för regional utveckling söks i "
    "samverkan med länets kommuner och näringsliv.";

static struct doc *
mkdoc(size_t nparts)
{
	struct doc *d = xcalloc(1, sizeof(*d));
	struct style *s;
	struct page_style *ps;
	int	 v;

	d->nfamilies = 3;
	d->families = xcalloc(3, sizeof(*d->families));
	d->families[0].name = xstrdup("Liberation Serif");
	d->families[1].name = xstrdup("Liberation Mono");
	d->families[2].name = xstrdup("DejaVu Sans");
	for (v = 0; v < 4; v++) {
		d->families[0].file[v] = xstrdup(serif[v]);
		d->families[1].file[v] = xstrdup(mono[v]);
		d->families[2].file[v] = xstrdup(dejavu[v]);
	}
	d->fallback_family = 2;
	d->code_family = 1;
	d->nstyles = S__N;
	d->styles = s = xcalloc(S__N, sizeof(*s));
	for (v = 0; v < S__N; v++) {
		s[v].name = xasprintf("s%d", v);
		s[v].size = 11;
		s[v].leading = 14;
		s[v].align = ALIGN_JUSTIFY;
		s[v].hyphenate = true;
		s[v].space_after = 6;
	}
	s[S_RAGGED].align = ALIGN_LEFT;
	s[S_HEAD].size = 14;
	s[S_HEAD].leading = 18;
	s[S_HEAD].face = FACE_BOLD;
	s[S_HEAD].align = ALIGN_LEFT;
	s[S_HEAD].keep_with_next = true;
	s[S_HEAD].space_before = 12;
	s[S_HEAD].hyphenate = false;
	s[S_ITEM].label_width = 18;
	s[S_AGENDA].label_width = 24;
	s[S_AGENDA].trailer_width = 30;
	s[S_AGENDA].leader_dots = true;
	s[S_AGENDA].align = ALIGN_LEFT;
	s[S_CODE].family = 1;
	s[S_CODE].size = 9;
	s[S_CODE].leading = 11;
	s[S_FOOT].size = 9;
	d->npage_styles = 1;
	d->page_styles = ps = xcalloc(1, sizeof(*ps));
	ps->name = xstrdup("a4");
	ps->width = 595;
	ps->height = 842;
	ps->margin_top = ps->margin_bottom = 72;
	ps->margin_left = ps->margin_right = 72;
	ps->footer.center = xstrdup("Sida {page} ({pages})");
	ps->footer.right = xstrdup("{docpage}({docpages})");
	ps->footer.style = &s[S_FOOT];
	ps->footer.y = 40;
	ps->footer.rule = true;
	ps->header.left = xstrdup("Regionstyrelsen");
	ps->header.style = &s[S_FOOT];
	ps->header.y = 800;
	ps->header.skip_first = true;
	d->nparts = nparts;
	d->parts = xcalloc(nparts ? nparts : 1, sizeof(*d->parts));
	for (v = 0; v < (int)nparts; v++)
		d->parts[v].page = ps;
	return d;
}

static struct span *
txt(const char *t, unsigned flags)
{
	struct span *s = span_new(SPAN_TEXT, flags, t);

	s->pos.file = "test.md";
	s->pos.line = 1;
	s->pos.col = 1;
	return s;
}

static struct block *
para(struct doc *d, int style, const char *t)
{
	struct block *b = block_new(BLOCK_PARA);

	b->style = &d->styles[style];
	b->spans = txt(t, 0);
	return b;
}

static void
append(struct block **head, struct block *b)
{
	while (*head != NULL)
		head = &(*head)->next;
	*head = b;
}

/* Breaks spans at width w; the fontset and lb are shared by tests. */
static struct fontset *fs;
static struct doc *gd;
static struct lb *lb;
static struct arena ar;

static int
brk(const struct style *st, const struct span *sp, float w)
{
	struct lb_in in;

	memset(&in, 0, sizeof(in));
	in.style = st;
	in.width0 = in.width = w;
	in.arena = &ar;
	return lb_break(lb, &in, sp);
}

/*
 * Whether got (lines joined by newlines, added hyphens taken out) is
 * want with each newline standing for a space or for nothing.
 */
static bool
same(const char *got, const char *want)
{
	for (; *got != '\0'; got++) {
		if (*got == '\n') {
			if (*want == ' ')
				want++;
			continue;
		}
		if (*got != *want)
			return false;
		want++;
	}
	return *want == '\0';
}

/* The lines joined with newlines, added hyphens taken out. */
static char *
joined(void)
{
	struct buf b = { 0 };
	size_t	 l, r;
	const struct lb_run *run;

	for (l = 0; l < lb->nlines; l++) {
		for (r = 0; r < lb->lines[l].nruns; r++) {
			run = &lb->runs[lb->lines[l].run0 + r];
			buf_puts(&b, run->text);
			if (run->hyphen_added)
				b.data[--b.len] = '\0';
		}
		if (l + 1 < lb->nlines)
			buf_putc(&b, '\n');
	}
	return buf_detach(&b);
}

static bool
endshyph(size_t l)
{
	const struct lb_line *ln = &lb->lines[l];

	return ln->nruns > 0 && lb->runs[ln->run0 + ln->nruns - 1].hyphen_added;
}

TEST(font_metrics)
{
	int	 a, dsc;
	const char *cps = "åäöéøæ–”§•";
	size_t	 i, n, len = strlen(cps);
	uint32_t c;

	CHECK(fs != NULL);
	CHECK_INT(fontset_nfaces(fs), 12);
	CHECK(fontset_width(fs, 0, 'a') > 300);
	CHECK(fontset_width(fs, 0, 'M') > fontset_width(fs, 0, 'i'));
	CHECK_INT(fontset_width(fs, 4, 'i'), 600);	/* monospace */
	CHECK_INT(fontset_width(fs, 4, 'M'), 600);
	CHECK_INT(fontset_width(fs, 0, 0x4E00), -1);
	CHECK_INT(fontset_width(fs, 0, 0x1F600), -1);
	CHECK_INT(fontset_width(fs, 0, '\n'), -1);
	for (i = 0; i < len; i += n) {
		n = utf8_decode(cps + i, len - i, &c);
		CHECK(n > 0);
		CHECK(fontset_width(fs, 0, c) > 0);
	}
	fontset_vmetrics(fs, 0, &a, &dsc);
	CHECK(a > 800 && a < 1000);
	CHECK(dsc < 0 && dsc > -300);
	CHECK_STR(fontset_file(fs, 5), mono[1]);
	CHECK(fontset_file(fs, 12) == NULL);
}

TEST(font_missing)
{
	struct doc *d = mkdoc(0);
	struct fontset *f;

	free(d->families[1].file[2]);
	d->families[1].file[2] = xstrdup("/nonexistent/font.ttf");
	diag_clear();
	f = fontset_new(d);
	CHECK(f == NULL);
	CHECK(diag_errors() > 0);
	CHECK(diag_first() != NULL &&
	    strstr(diag_first(), "/nonexistent/font.ttf") != NULL);
	diag_clear();
	doc_free(d);
}

/* Hyphenates a UTF-8 word; returns it with '-' at the points. */
static char *
hyph(const char *w)
{
	struct hyph *h = fontset_hyph(fs);
	uint32_t cp[64];
	char	 ok[64], out[256];
	size_t	 i, n = 0, len = strlen(w), k, o = 0;

	for (i = 0; i < len; i += k) {
		k = utf8_decode(w + i, len - i, &cp[n]);
		n++;
	}
	if (h == NULL)
		return NULL;
	hyph_word(h, cp, n, ok);
	for (i = 0; i < n; i++) {
		if (ok[i])
			out[o++] = '-';
		o += utf8_encode(cp[i], out + o);
	}
	out[o] = '\0';
	return xstrdup(out);
}

TEST(hyphenation)
{
	const char *words[] = { "nettokostnadsutvecklingen",
	    "omhändertagande", "verksamhetsplan", "Regionstyrelsen" };
	char	*h;
	size_t	 i, len;

	for (i = 0; i < sizeof(words) / sizeof(words[0]); i++) {
		h = hyph(words[i]);
		CHECK(h != NULL);

		if (h == NULL)
			continue;
		len = strlen(h);
		/* Some points, never in the first or last two letters. */
		CHECK(strchr(h, '-') != NULL);
		CHECK(h[0] != '-' && h[1] != '-');
		CHECK(h[len - 1] != '-' && h[len - 2] != '-');
		free(h);
	}
	h = hyph("verksamhetsplan");
	CHECK(h != NULL && strstr(h, "verk-sam") != NULL);
	free(h);
	h = hyph("omhändertagande");
	CHECK(h != NULL && strstr(h, "hän") != NULL);
	free(h);
	/* A word with a letter outside Latin-1 is left alone. */
	h = hyph("verksamhetsplanŁ");
	CHECK(h != NULL && strchr(h, '-') == NULL);
	free(h);
	h = hyph("att");
	CHECK_STR(h, "att");
	free(h);
}

/* Every line fits, justified lines fill, the text survives. */
TEST(break_widths)
{
	struct span *sp = txt(lorem, 0);
	struct style st = gd->styles[S_BODY];
	float	 w;
	size_t	 l, full, lines = 0;
	char	*j;

	for (w = 60; w <= 480; w += 7) {
		st.align = ALIGN_JUSTIFY;
		diag_clear();
		CHECK(brk(&st, sp, w));
		CHECK(lb->nlines > 0);
		for (l = 0; l < lb->nlines; l++) {
			CHECK(lb->lines[l].width <= w + EPS);
		}
		/* Justified lines fill the measure with spaces at most
		 * 1.75 times their width; a paragraph that cannot is set
		 * ragged as a whole: no line of it stretched. */
		if (w > 150) {
			bool	 ragged = false, stretched = false;
			size_t	 r;

			for (l = 0; l < lb->nlines; l++) {
				if (l + 1 < lb->nlines &&
				    fabsf(lb->lines[l].width - w) > EPS)
					ragged = true;
				for (r = 0; r < lb->lines[l].nruns; r++) {
					float	 e = lb->runs[lb->lines[l].run0
					    + r].space_extra;

					stretched |= e > 0;
					if (e > 0.75f * 11 * 0.25f + EPS) {
						printf("w=%g line %zu spaces "
						    "+%g\n", w, l, e);
						CHECK(0);
					}
				}
			}
			if (ragged && stretched) {
				printf("w=%g: ragged and stretched lines\n", w);
				CHECK(0);
			}
		}
		lines += lb->nlines;
		j = joined();
		CHECK(same(j, lorem));
		free(j);
		st.align = ALIGN_LEFT;
		CHECK(brk(&st, sp, w));
		for (full = 0, l = 0; l < lb->nlines; l++) {
			CHECK(lb->lines[l].width <= w + EPS);
			CHECK(lb->runs[lb->lines[l].run0].x == 0);
			full += fabsf(lb->lines[l].width - w) < EPS;
		}
		CHECK(full < lb->nlines);
		j = joined();
		CHECK(same(j, lorem));
		free(j);
		st.align = ALIGN_RIGHT;
		CHECK(brk(&st, sp, w));
		for (l = 0; l < lb->nlines; l++) {
			const struct lb_line *ln = &lb->lines[l];
			const struct lb_run *r = &lb->runs[ln->run0 +
			    ln->nruns - 1];

			CHECK(fabsf(r->x + r->w - w) < EPS ||
			    lb->lines[l].width > w);
		}
	}
	CHECK(lines > 100);
	diag_clear();
	spans_free(sp);
}

TEST(break_justified_last_line)
{
	struct span *sp = txt(lorem, 0);
	const struct lb_line *ln;

	CHECK(brk(&gd->styles[S_BODY], sp, 300));
	CHECK(lb->nlines > 3);
	ln = &lb->lines[lb->nlines - 1];
	CHECK(ln->width < 300 - 1);
	CHECK(lb->runs[ln->run0].space_extra == 0);
	CHECK(lb->runs[lb->lines[0].run0].space_extra != 0 ||
	    fabsf(lb->lines[0].width - 300) < EPS);
	spans_free(sp);
}

TEST(break_whitespace)
{
	struct span *sp = txt("  Ett\n  två\t tre  ", 0);

	sp->next = txt(" fyra", SPAN_BOLD);
	CHECK(brk(&gd->styles[S_RAGGED], sp, 400));
	CHECK_INT(lb->nlines, 1);
	CHECK_INT(lb->lines[0].nruns, 2);
	CHECK_STR(lb->runs[0].text, "Ett två tre ");
	CHECK_STR(lb->runs[1].text, "fyra");
	CHECK_INT(lb->runs[0].face, 0);
	CHECK_INT(lb->runs[1].face, FACE_BOLD);
	CHECK(lb->runs[1].x > lb->runs[0].x);
	spans_free(sp);
}

TEST(break_hard)
{
	struct span *sp = txt("Första raden ", 0);

	sp->next = span_new(SPAN_BREAK, 0, NULL);
	sp->next->next = txt(" andra raden", 0);
	CHECK(brk(&gd->styles[S_BODY], sp, 400));
	CHECK_INT(lb->nlines, 2);
	CHECK_STR(lb->runs[lb->lines[0].run0].text, "Första raden");
	CHECK_STR(lb->runs[lb->lines[1].run0].text, "andra raden");
	CHECK(lb->runs[lb->lines[0].run0].space_extra == 0);
	spans_free(sp);
}

/* Dates and number ranges never break at their dash; names inside a
 * sentence are not hyphenated, a capitalised sentence start is. */
TEST(break_dates_names)
{
	struct buf b = { 0 };
	struct span *sp;
	size_t	 i, l, n, hyphens = 0;
	float	 w;
	const char *t;

	for (i = 0; i < 12; i++)
		buf_puts(&b, "beslutet 2026-10-23 gäller 2027–2030 enligt "
		    "ledamoten Strömgrensdotterberg (S). Nettokostnads"
		    "utvecklingen ska följas upp ");
	sp = txt(b.data, 0);
	for (w = 90; w < 300; w += 5) {
		CHECK(brk(&gd->styles[S_BODY], sp, w));
		for (l = 0; l < lb->nlines; l++) {
			const struct lb_line *ln = &lb->lines[l];

			t = lb->runs[ln->run0 + ln->nruns - 1].text;
			n = strlen(t);
			CHECK(!(n >= 5 && strcmp(t + n - 5, "2026-") == 0));
			CHECK(!(n >= 3 && strcmp(t + n - 3, "10-") == 0));
			CHECK(!(n >= 7 && strcmp(t + n - 7,
			    "2027\xe2\x80\x93") == 0));
			CHECK(strstr(t, "Strömgrens-") == NULL &&
			    strstr(t, "Ström-") == NULL &&
			    strstr(t, "dotter-") == NULL);
			if (n >= 6 && strcmp(t + n - 1, "-") == 0 &&
			    strstr(t, "Netto") != NULL)
				hyphens++;
		}
	}
	/* The sentence-initial compound is still hyphenated somewhere. */
	CHECK(hyphens > 0);
	spans_free(sp);
	buf_free(&b);
}

/* Long words that cannot break: no justified line stretches its spaces
 * beyond 2.5 times their width; such a line is left ragged. */
TEST(break_loose_lines)
{
	struct buf b = { 0 };
	struct span *sp;
	size_t	 i, l, r, loose = 0;
	float	 w, space = 11 * 0.25f;

	for (i = 0; i < 10; i++)
		buf_puts(&b, "Socialstyrelsen, beslut om statsbidrag för "
		    "förbättrad tillgänglighet i vården, 2026-10-28, "
		    "RS/1450/2026. ");
	sp = txt(b.data, 0);
	for (w = 120; w < 320; w += 9) {
		CHECK(brk(&gd->styles[S_BODY], sp, w));
		for (l = 0; l < lb->nlines; l++)
			for (r = 0; r < lb->lines[l].nruns; r++)
				if (lb->runs[lb->lines[l].run0 + r].space_extra >
				    1.5f * space + EPS)
					loose++;
	}
	CHECK_INT(loose, 0);
	spans_free(sp);
	buf_free(&b);
}

/* Ordinary spaces in numbers as officials type them: never broken. */
TEST(break_number_spaces)
{
	struct buf b = { 0 };
	struct span *sp;
	size_t	 i, l, r, n;
	float	 w;
	const char *t;

	for (i = 0; i < 20; i++)
		buf_puts(&b, "utfallet blev 3 808,3 mkr eller 4,2 % enligt "
		    "§ 128 och 1 248 mkr 12 345 678 kr; 2026 125 barn ");
	sp = txt(b.data, 0);
	/* From the width of the longest number ("12 345 678", 55 pt):
	 * narrower, a number must be cut as a last resort. */
	for (w = 60; w < 300; w += 7) {
		CHECK(brk(&gd->styles[S_RAGGED], sp, w));
		for (l = 0; l < lb->nlines; l++) {
			const struct lb_line *ln = &lb->lines[l];

			r = ln->nruns - 1;
			t = lb->runs[ln->run0 + r].text;
			n = strlen(t);
			/* No line ends in the first part of a number. */
			CHECK(!(n >= 2 && strcmp(t + n - 2, " 3") == 0));
			CHECK(!(n >= 2 && strcmp(t + n - 2, ",2") == 0));
			CHECK(!(n >= 2 && strcmp(t + n - 2, "\xc2\xa7") == 0));
			CHECK(!(n >= 3 && strcmp(t + n - 3, " 12") == 0));
			CHECK(!(n >= 4 && strcmp(t + n - 4, " 345") == 0));
			t = lb->runs[ln->run0].text;
			CHECK(strncmp(t, "808", 3) != 0 && t[0] != '%' &&
			    strncmp(t, "128", 3) != 0 &&
			    strncmp(t, "678", 3) != 0);
		}
	}
	/* "2026 125 barn": a year then a count is also grouped; the rule
	 * cannot tell them apart, and keeping them together is harmless. */
	spans_free(sp);
	buf_free(&b);
}

TEST(break_nbsp)
{
	struct buf b = { 0 };
	struct span *sp;
	size_t	 i, l, r;
	float	 w;

	for (i = 0; i < 30; i++)
		buf_puts(&b, "kostar 10\xc2\xa0" "000 kronor och 5\xe2\x80\xaf%"
		    " mer; ");
	sp = txt(b.data, 0);
	for (w = 50; w < 300; w += 13) {
		CHECK(brk(&gd->styles[S_BODY], sp, w));
		for (l = 0; l < lb->nlines; l++) {
			const struct lb_line *ln = &lb->lines[l];
			const char *t;
			size_t	 n;

			for (r = 0; r < ln->nruns; r++) {
				t = lb->runs[ln->run0 + r].text;
				n = strlen(t);
				/* Never a line ending in "10" or "5". */
				if (r + 1 == ln->nruns && n >= 2)
					CHECK(strcmp(t + n - 2, "10") != 0 &&
					    strcmp(t + n - 2, " 5") != 0);
				if (r == 0)
					CHECK(strncmp(t, "000", 3) != 0 &&
					    t[0] != '%');
			}
		}
	}
	buf_free(&b);
	spans_free(sp);
}

TEST(break_overlong)
{
	struct span *sp = txt("Se https://www.example.org/"
	    "regionstyrelsen/protokoll/2017/arendelista.pdf nu", 0);
	size_t	 l;
	char	*j;

	diag_clear();
	CHECK(brk(&gd->styles[S_BODY], sp, 90));
	CHECK(lb->nlines >= 3);
	for (l = 0; l < lb->nlines; l++)
		CHECK(lb->lines[l].width <= 90 + EPS);
	CHECK(diag_warnings() == 1);
	CHECK(diag_first() != NULL && strstr(diag_first(), "test.md:1:1: "
	    "warning") != NULL);
	/* No hyphens added inside a URL-like word. */
	for (l = 0; l < lb->nlines; l++)
		CHECK(!endshyph(l));
	j = joined();
	CHECK(same(j, sp->text));
	free(j);
	diag_clear();
	spans_free(sp);
}

/* A word many lines long, broken between characters: each line but
 * the last is full, the next character would not fit on it. */
TEST(break_overlong_fills)
{
	static const char *const words[] = { "a", "[a](" };
	struct buf w = { 0 };
	struct span *sp;
	size_t	 i, k, l;
	float	 cw;
	int	 st;
	char	*j;

	cw = (float)fontset_width(fs, lb_face(gd, &gd->styles[S_BODY], 0),
	    'a') * 11 / 1000;	/* the widest of them */
	CHECK(cw > 0);
	for (k = 0; k < 2; k++) {
		buf_reset(&w);
		for (i = 0; i < 3000; i++)
			buf_puts(&w, words[k]);
		for (st = S_BODY; st <= S_RAGGED; st++) {
			sp = txt(w.data, 0);
			diag_clear();
			CHECK(brk(&gd->styles[st], sp, 90));
			CHECK(lb->nlines > 20);
			for (l = 0; l + 1 < lb->nlines; l++) {
				CHECK(lb->lines[l].width <= 90 + EPS);
				CHECK(lb->lines[l].width > 90 - cw);
			}
			CHECK(diag_warnings() == 1);
			j = joined();
			CHECK(same(j, sp->text));
			free(j);
			diag_clear();
			spans_free(sp);
		}
	}
	buf_free(&w);
}

/* Text marked as another language is never hyphenated by the Swedish
 * patterns, and its runs say its language; Swedish marked as such is. */
TEST(break_foreign_unhyphenated)
{
	struct buf b = { 0 };
	struct span *sp;
	struct style st = gd->styles[S_BODY];
	const char *langs[] = { NULL, "sv-SE", "nb" };
	size_t	 i, k, l, hy;

	for (i = 0; i < 6; i++)
		buf_puts(&b, "akuttmedisinske kommunikasjonssentralen "
		    "samarbeidsavtalen ");
	sp = txt(b.data, 0);
	st.align = ALIGN_JUSTIFY;
	for (k = 0; k < 3; k++) {
		free(sp->lang);
		sp->lang = langs[k] != NULL ? xstrdup(langs[k]) : NULL;
		diag_clear();
		CHECK(brk(&st, sp, 90));
		for (l = 0, hy = 0; l < lb->nlines; l++)
			hy += endshyph(l);
		for (l = 0; l < lb->nruns; l++)
			CHECK(langs[k] == NULL ? lb->runs[l].lang == NULL :
			    lb->runs[l].lang != NULL &&
			    strcmp(lb->runs[l].lang, langs[k]) == 0);
		if (k < 2)
			CHECK(hy > 0);
		else
			CHECK_INT(hy, 0);
	}
	diag_clear();
	spans_free(sp);
	buf_free(&b);
}

TEST(break_hyphenates)
{
	struct span *sp = txt("Nettokostnadsutvecklingen "
	    "nettokostnadsutvecklingen nettokostnadsutvecklingen "
	    "nettokostnadsutvecklingen", 0);
	struct style st = gd->styles[S_BODY];
	size_t	 l, hy = 0;
	char	*j;

	CHECK(brk(&st, sp, 100));
	for (l = 0; l < lb->nlines; l++) {
		CHECK(lb->lines[l].width <= 100 + EPS);
		hy += endshyph(l);
	}
	CHECK(hy > 0);
	j = joined();
	CHECK(same(j, sp->text));
	free(j);
	/* Without hyphenation allowed: broken at characters instead. */
	st.hyphenate = false;
	diag_clear();
	CHECK(brk(&st, sp, 100));
	for (l = 0; l < lb->nlines; l++) {
		CHECK(lb->lines[l].width <= 100 + EPS);
		CHECK(!endshyph(l));
	}
	CHECK(diag_warnings() > 0);
	diag_clear();
	spans_free(sp);
}

TEST(break_explicit_hyphen)
{
	struct span *sp = txt("Ansökan om EU-medel", 0);
	char	*j;
	float	 w;
	int	 found = 0;

	for (w = 60; w < 120; w += 2) {
		CHECK(brk(&gd->styles[S_RAGGED], sp, w));
		if (lb->nlines == 2 && strcmp(lb->runs[lb->lines[1].run0].text,
		    "medel") == 0) {
			found = 1;
			CHECK(!endshyph(0));
			CHECK_STR(lb->runs[lb->lines[0].run0].text,
			    "Ansökan om EU-");
		}
		j = joined();
		CHECK(same(j, sp->text));
		free(j);
	}
	CHECK(found);
	spans_free(sp);
}

TEST(break_soft_hyphen)
{
	struct span *sp = txt("Detta är verk\xc2\xadsamhets\xc2\xadplanen", 0);
	float	 w;
	int	 broke = 0;
	size_t	 l, r;

	CHECK(brk(&gd->styles[S_RAGGED], sp, 400));
	CHECK_INT(lb->nlines, 1);
	CHECK_STR(lb->runs[0].text, "Detta är verksamhetsplanen");
	for (w = 60; w < 160; w += 3) {
		CHECK(brk(&gd->styles[S_RAGGED], sp, w));
		for (l = 0; l < lb->nlines; l++) {
			for (r = 0; r < lb->lines[l].nruns; r++)
				CHECK(strstr(lb->runs[lb->lines[l].run0 +
				    r].text, "\xc2\xad") == NULL);
			if (endshyph(l)) {
				broke = 1;
				CHECK(lb->lines[l].width <= w + EPS);
			}
		}
	}
	CHECK(broke);
	spans_free(sp);
}

TEST(break_utf8_widths)
{
	const char *t = "åäöéøæ–”§•";
	struct span *sp = txt(t, 0);
	size_t	 i, n, len = strlen(t);
	uint32_t c;
	float	 sum = 0;

	for (i = 0; i < len; i += n) {
		n = utf8_decode(t + i, len - i, &c);
		sum += (float)fontset_width(fs, 0, c) * 11 / 1000;
	}
	CHECK(brk(&gd->styles[S_RAGGED], sp, 400));
	CHECK_INT(lb->nlines, 1);
	CHECK_STR(lb->runs[0].text, t);
	CHECK(fabsf(lb->lines[0].width - sum) < EPS);
	/* Split at characters, never inside a sequence. */
	diag_clear();
	CHECK(brk(&gd->styles[S_RAGGED], sp, 20));
	CHECK(lb->nlines > 2);
	for (i = 0; i < lb->nruns; i++)
		CHECK(utf8_validate(lb->runs[i].text,
		    strlen(lb->runs[i].text)) == (size_t)-1);
	diag_clear();
	spans_free(sp);
}

TEST(break_fallback)
{
	struct span *sp = txt("Stjärna \xe2\x98\x85 här", 0);
	struct span *bad = txt("Kinesiska \xe4\xb8\x80", 0);

	CHECK(brk(&gd->styles[S_RAGGED], sp, 400));
	CHECK_INT(lb->lines[0].nruns, 3);
	CHECK_INT(lb->runs[1].face, 8);
	CHECK_STR(lb->runs[1].text, "\xe2\x98\x85 ");
	diag_clear();
	bad->pos.line = 7;
	bad->pos.col = 3;
	/* Laid out on, so that every missing character is named; the
	 * error keeps the pack from being written. */
	CHECK(brk(&gd->styles[S_RAGGED], bad, 400));
	CHECK(diag_errors() > 0);
	CHECK(diag_first() != NULL && strstr(diag_first(),
	    "test.md:7:13: error: the character U+4E00 is not in font "
	    "\"Liberation Serif\" nor in the fallback font") != NULL);
	diag_clear();
	spans_free(sp);
	spans_free(bad);
}

TEST(break_code)
{
	struct span *sp = txt("int\tmain(void)", SPAN_CODE);
	struct style st = gd->styles[S_CODE];

	sp->next = span_new(SPAN_BREAK, 0, NULL);
	sp->next->next = txt("{  return 0; }", SPAN_CODE);
	{
		struct lb_in in;

		memset(&in, 0, sizeof(in));
		in.style = &st;
		in.width0 = in.width = 400;
		in.code = true;
		in.arena = &ar;
		CHECK(lb_break(lb, &in, sp));
		CHECK_INT(lb->nlines, 2);
		CHECK_STR(lb->runs[lb->lines[1].run0].text,
		    "{  return 0; }");
		CHECK_INT(lb->runs[0].face, 4);
		in.width0 = in.width = 9 * 0.6f * 5 + 0.01f;
		CHECK(lb_break(lb, &in, sp));
		CHECK_INT(lb->nlines, 6);
		CHECK_STR(lb->runs[lb->lines[0].run0].text, "int m");
	}
	spans_free(sp);
}

TEST(break_links)
{
	struct span *sp = txt("Läs ", 0);

	sp->next = txt("beslutet i sin helhet", SPAN_LINK);
	sp->next->target = xstrdup("#beslut");
	sp->next->next = txt(" här.", 0);
	CHECK(brk(&gd->styles[S_RAGGED], sp, 400));
	CHECK_INT(lb->nlines, 1);
	CHECK_INT(lb->nlinks, 1);
	CHECK_STR(lb->links[0].target, "#beslut");
	CHECK(lb->links[0].x > 15 && lb->links[0].w > 50);
	CHECK(brk(&gd->styles[S_RAGGED], sp, 80));
	CHECK(lb->nlinks >= 2);
	spans_free(sp);
}

/* Layout of whole documents. */

static size_t
count_items(const struct pages *p, size_t page, const struct block *b)
{
	size_t	 i, n = 0;

	for (i = 0; i < p->v[page].nitems; i++)
		if (p->v[page].items[i].node == b &&
		    p->v[page].items[i].kind == PITEM_TEXT)
			n++;
	return n;
}

/* Distinct baselines of block b on a page. */
static size_t
count_lines(const struct pages *p, size_t page, const struct block *b)
{
	size_t	 i, n = 0;
	float	 last = -1;

	for (i = 0; i < p->v[page].nitems; i++) {
		const struct pitem *it = &p->v[page].items[i];

		if (it->node == b && it->kind == PITEM_TEXT &&
		    !it->artifact && it->y != last) {
			n++;
			last = it->y;
		}
	}
	return n;
}

TEST(layout_pages)
{
	struct doc *d = mkdoc(1);
	struct pages *p;
	struct block *b, *heads[40];
	size_t	 i, k, pg, nh = 0, split = 0;
	char	 para_text[4096];
	struct buf all = { 0 };

	for (i = 0; i < 40; i++) {
		b = block_new(BLOCK_HEADING);
		b->style = &d->styles[S_HEAD];
		b->spans = txt("Rubrik om verksamheten", 0);
		heads[nh++] = b;
		append(&d->parts[0].blocks, b);
		k = 100 + (i * 137) % 400;
		while (lorem[k] != ' ' && lorem[k] != '\0')
			k++;
		snprintf(para_text, sizeof(para_text), "%.*s", (int)k, lorem);
		append(&d->parts[0].blocks, para(d, S_BODY, para_text));
	}
	diag_clear();
	p = layout_doc(d, fs);
	CHECK(p != NULL);
	if (p == NULL) {
		printf("%s\n", diag_first() ? diag_first() : "");
		doc_free(d);
		return;
	}
	CHECK(p->n > 3);
	for (pg = 0; pg < p->n; pg++) {
		CHECK_INT(p->v[pg].docpage, (int)pg + 1);
		CHECK_INT(p->v[pg].docpages, (int)p->n);
		for (i = 0; i < p->v[pg].nitems; i++) {
			const struct pitem *it = &p->v[pg].items[i];

			CHECK(it->x >= 72 - EPS && it->x + it->w <= 595 - 72 +
			    EPS);
			if (!it->artifact)
				CHECK(it->y >= 72 - 4 && it->y <= 842 - 72);
		}
	}
	/* No orphan or widow line; a heading has two lines after it. */
	for (b = d->parts[0].blocks; b != NULL; b = b->next) {
		size_t	 pages = 0, total = 0, n, least = 1000;

		for (pg = 0; pg < p->n; pg++)
			if ((n = count_lines(p, pg, b)) > 0) {
				pages++;
				total += n;
				if (n < least)
					least = n;
			}
		CHECK(pages >= 1);
		if (pages > 1) {
			split++;
			CHECK(least >= 2);
			CHECK(total >= 4);
		}
		if (b->kind == BLOCK_HEADING) {
			for (pg = 0; count_lines(p, pg, b) == 0; pg++)
				continue;
			k = count_lines(p, pg, b->next);
			CHECK(k >= 2 || k == total);
		}
	}
	CHECK(split > 0);
	/* The text round-trips: items of a paragraph, joined. */
	b = heads[3]->next;
	for (pg = 0; pg < p->n; pg++)
		for (i = 0; i < p->v[pg].nitems; i++) {
			const struct pitem *it = &p->v[pg].items[i];

			if (it->node != b || it->kind != PITEM_TEXT)
				continue;
			buf_puts(&all, it->text);
			if (it->hyphen_added)
				all.data[--all.len] = '\0';
			if (i + 1 >= p->v[pg].nitems ||
			    p->v[pg].items[i + 1].y != it->y)
				buf_putc(&all, '\n');
		}
	CHECK(all.len > 0 && all.data[all.len - 1] == '\n');
	all.data[--all.len] = '\0';
	CHECK(same(all.data, b->spans->text));
	(void)count_items;
	buf_free(&all);
	/* Footer on every page, header from page 2. */
	for (pg = 0; pg < p->n; pg++) {
		char	 want[64];
		int	 foot = 0, head = 0;

		snprintf(want, sizeof(want), "Sida %zu (%zu)", pg + 1, p->n);
		for (i = 0; i < p->v[pg].nitems; i++) {
			const struct pitem *it = &p->v[pg].items[i];

			if (it->kind == PITEM_TEXT && it->artifact &&
			    strcmp(it->text, want) == 0 &&
			    fabsf(it->y - 40) < EPS)
				foot = 1;
			if (it->kind == PITEM_TEXT && it->artifact &&
			    strcmp(it->text, "Regionstyrelsen") == 0)
				head = 1;
		}
		CHECK(foot);
		CHECK(head == (pg > 0));
	}
	pages_free(p);
	doc_free(d);
}

/* Header items at y: none overlaps another, all within the margins;
 * returns how many there are and sets *last to the rightmost. */
static size_t
check_header(const struct pages *p, size_t pg, float y,
    const struct pitem **last)
{
	size_t	 i, j, n = 0;

	*last = NULL;
	for (i = 0; i < p->v[pg].nitems; i++) {
		const struct pitem *a = &p->v[pg].items[i];

		if (a->kind != PITEM_TEXT || a->y != y)
			continue;
		n++;
		CHECK(a->x >= 72 - EPS && a->x + a->w <= 595 - 72 + EPS);
		if (*last == NULL || a->x > (*last)->x)
			*last = a;
		for (j = 0; j < p->v[pg].nitems; j++) {
			const struct pitem *b = &p->v[pg].items[j];

			if (j != i && b->kind == PITEM_TEXT && b->y == y &&
			    b->x > a->x)
				CHECK(a->x + a->w <= b->x + EPS);
		}
	}
	return n;
}

/* Running header slots that do not fit: the centre and the left give
 * way, the right keeps its end (the page number); nothing overlaps,
 * and a very long slot costs little. */
TEST(layout_running_slots)
{
	struct doc *d = mkdoc(1);
	struct page_style *ps = (struct page_style *)d->parts[0].page;
	struct pages *p;
	const struct pitem *last;
	struct buf longtext = { 0 };
	size_t	 i, n;

	for (i = 0; i < 3000; i++)
		buf_puts(&longtext, "Utskott ");
	d->parts[0].blocks = para(d, S_BODY, "Text.");
	ps->header.skip_first = false;
	free(ps->header.left);
	ps->header.left = xstrdup("Regionstyrelsens arbetsutskott för hälso- "
	    "och sjukvård, folkhälsa och tandvård");
	ps->header.center = xstrdup("2026-12-08");
	ps->header.right = xstrdup("Kallelse med föredragningslista och "
	    "handlingar, ärende 4 av 21, RS/1/2026 {docpage}({docpages})");
	p = layout_doc(d, fs);
	CHECK(p != NULL);
	if (p != NULL) {
		n = check_header(p, 0, 800, &last);
		CHECK(n >= 2);
		CHECK(last != NULL && strstr(last->text, "1(1)") != NULL);
		pages_free(p);
	}
	/* The right slot alone wider than the line: cut from its start. */
	free(ps->header.right);
	ps->header.right = xasprintf("%s slut {docpage}({docpages})",
	    longtext.data);
	free(ps->header.left);
	ps->header.left = xstrdup(longtext.data);
	p = layout_doc(d, fs);
	CHECK(p != NULL);
	if (p != NULL) {
		n = check_header(p, 0, 800, &last);
		CHECK(n >= 1);
		CHECK(last != NULL && strstr(last->text, "slut 1(1)") != NULL);
		pages_free(p);
	}
	buf_free(&longtext);
	doc_free(d);
}

/* An internal link to a place that does not exist: warned where it
 * was written, and the text is still laid out. */
TEST(layout_dead_link)
{
	struct doc *d = mkdoc(1);
	struct pages *p;
	struct block *b = para(d, S_BODY, "Se ");
	struct span *l = txt("punkt 7", SPAN_LINK);

	l->target = xstrdup("#item-99");
	l->pos.line = 12;
	l->pos.col = 4;
	b->spans->next = l;
	d->parts[0].blocks = b;
	diag_clear();
	p = layout_doc(d, fs);
	CHECK(p != NULL);
	CHECK_INT(diag_errors(), 0);
	CHECK_STR(diag_first(), "test.md:12:4: warning: link to \"#item-99\": "
	    "there is no such place in the pack; the text is shown without "
	    "the link");
	diag_clear();
	pages_free(p);
	doc_free(d);
}

/* The last text line of page pg: its last item (lowest baseline). */
static const struct pitem *
last_line(const struct pages *p, size_t pg, size_t *nlines)
{
	const struct pitem *best = NULL;
	float	 last = -1;
	size_t	 i;

	*nlines = 0;
	for (i = 0; i < p->v[pg].nitems; i++) {
		const struct pitem *it = &p->v[pg].items[i];

		if (it->kind != PITEM_TEXT || it->artifact)
			continue;
		if (it->y != last)
			(*nlines)++;
		last = it->y;
		if (best == NULL || it->y < best->y ||
		    (it->y == best->y && it->x > best->x))
			best = it;
	}
	return best;
}

/* Over many page heights: no page ends in a hyphenated word, and no
 * document's last page holds a single line. */
TEST(layout_page_ends)
{
	struct doc *d = mkdoc(1);
	struct page_style *ps = (struct page_style *)d->parts[0].page;
	struct pages *p;
	size_t	 i, pg, n, pages = 0, hyphenated = 0;
	float	 mb;

	for (i = 0; i < 14; i++)
		append(&d->parts[0].blocks, para(d, S_BODY, lorem));
	for (i = 0; i < 3; i++)
		append(&d->parts[0].blocks, para(d, S_BODY, "Bilaga."));
	/* A narrow column: many hyphenated lines. */
	ps->margin_right = 330;
	for (mb = 72; mb < 420; mb += 3) {
		ps->margin_bottom = mb;
		diag_clear();
		if ((p = layout_doc(d, fs)) == NULL) {
			CHECK(0);
			break;
		}
		for (pg = 0; pg < p->n; pg++) {
			const struct pitem *it = last_line(p, pg, &n);

			pages++;
			if (pg + 1 < p->n && it != NULL && it->hyphen_added) {
				hyphenated++;
				printf("margin %g: page %zu ends in \"%s\"\n",
				    mb, pg + 1, it->text);
			}
			if (pg + 1 == p->n && p->n > 1 && n < 2) {
				printf("margin %g: last page holds %zu line\n",
				    mb, n);
				CHECK(0);
			}
		}
		pages_free(p);
	}
	CHECK(pages > 500);
	CHECK_INT(hyphenated, 0);
	doc_free(d);
}

/* An agenda number wider than its column pushes the line's text along
 * instead of printing over it. */
TEST(layout_wide_label)
{
	struct doc *d = mkdoc(1);
	struct pages *p;
	struct block *b = para(d, S_AGENDA, "Val av ombud");
	const struct pitem *lab = NULL, *text = NULL;
	size_t	 i;

	b->label = txt("38002.", 0);
	d->parts[0].blocks = b;
	p = layout_doc(d, fs);
	CHECK(p != NULL);
	if (p == NULL) {
		doc_free(d);
		return;
	}
	for (i = 0; i < p->v[0].nitems; i++) {
		const struct pitem *it = &p->v[0].items[i];

		if (it->kind != PITEM_TEXT || it->artifact)
			continue;
		if (strcmp(it->text, "38002.") == 0)
			lab = it;
		else if (strncmp(it->text, "Val", 3) == 0)
			text = it;
	}
	CHECK(lab != NULL && text != NULL);
	if (lab != NULL && text != NULL) {
		CHECK(lab->w > 24);	/* wider than the column */
		CHECK(lab->x + lab->w < text->x);
	}
	pages_free(p);
	doc_free(d);
}

/* Documents of one-line paragraphs, one more each time: some run
 * over a page by exactly one line, which must not stand alone on the
 * last page. */
TEST(layout_last_page)
{
	struct doc *d;
	struct pages *p;
	size_t	 n, i, lines, multi = 0;
	const struct pitem *it;

	for (n = 20; n < 130; n++) {
		d = mkdoc(1);
		for (i = 0; i < n; i++)
			append(&d->parts[0].blocks, para(d, S_RAGGED,
			    "Bilaga."));
		p = layout_doc(d, fs);
		CHECK(p != NULL);
		if (p != NULL && p->n > 1) {
			multi++;
			it = last_line(p, p->n - 1, &lines);
			if (lines < 2)
				printf("%zu paragraphs: the last page holds "
				    "%zu line\n", n, lines);
			CHECK(lines >= 2);
			(void)it;
		}
		pages_free(p);
		doc_free(d);
	}
	CHECK(multi > 10);
}

/* The cover with an agenda whose trailers refer to the items. */
TEST(layout_pagerefs)
{
	struct doc *d = mkdoc(6);
	struct pages *p;
	struct block *b, *entries[5], *targets[5];
	const struct anchor *a;
	size_t	 i, k, pg;
	char	 name[32], num[32];

	b = block_new(BLOCK_HEADING);
	b->style = &d->styles[S_HEAD];
	b->spans = txt("Föredragningslista", 0);
	d->parts[0].blocks = b;
	d->parts[0].anchor = xstrdup("cover");
	d->parts[0].outline = xstrdup("Kallelse");
	d->parts[0].outline_level = 1;
	for (i = 0; i < 5; i++) {
		b = para(d, S_AGENDA, i == 2 ? lorem :
		    "Verksamhetsplan med budget 2018");
		snprintf(name, sizeof(name), "arende-%zu", i + 1);
		snprintf(num, sizeof(num), "%zu.", i + 1);
		b->label = txt(num, 0);
		b->trailer = span_new(SPAN_PAGEREF, 0, NULL);
		b->trailer->target = xstrdup(name);
		entries[i] = b;
		append(&d->parts[0].blocks, b);
		/* Part i + 1: a few pages, the anchor on a later one. */
		for (k = 0; k < 3 + i * 7; k++)
			append(&d->parts[i + 1].blocks, para(d, S_BODY,
			    lorem));
		b = block_new(BLOCK_HEADING);
		b->style = &d->styles[S_HEAD];
		b->spans = txt("Beslut", 0);
		b->anchor = xstrdup(name);
		b->outline = xstrdup("Beslut");
		b->outline_level = 2;
		targets[i] = b;
		append(&d->parts[i + 1].blocks, b);
		append(&d->parts[i + 1].blocks, para(d, S_BODY, lorem));
		d->parts[i + 1].outline = xstrdup("Ärende");
		d->parts[i + 1].outline_level = 1;
		d->parts[i + 1].anchor = xasprintf("part-%zu", i + 1);
	}
	diag_clear();
	p = layout_doc(d, fs);
	CHECK(p != NULL);
	if (p == NULL) {
		printf("%s\n", diag_first() ? diag_first() : "");
		doc_free(d);
		return;
	}
	CHECK_INT(p->nanchors, 11);
	for (i = 1; i < p->nanchors; i++)
		CHECK(strcmp(p->anchors[i - 1].name, p->anchors[i].name) < 0);
	a = pages_anchor(p, "cover");
	CHECK(a != NULL && a->page == 0 && a->y == 842);
	CHECK_INT(p->noutlines, 11);

	CHECK_STR(p->outlines[0].title, "Kallelse");
	CHECK_INT(p->outlines[2].level, 2);
	for (i = 0; i < 5; i++) {
		const struct pitem *trail = NULL, *lab = NULL, *dots = NULL;
		float	 ly = 0;

		snprintf(name, sizeof(name), "arende-%zu", i + 1);
		a = pages_anchor(p, name);
		CHECK(a != NULL);
		if (a == NULL)
			continue;
		/* The anchor is on the page where the heading is. */
		CHECK(count_lines(p, a->page, targets[i]) == 1);
		CHECK(a->y > 72 && a->y <= 842 - 72);
		snprintf(num, sizeof(num), "%zu", a->page + 1);
		for (k = 0; k < p->v[0].nitems; k++) {
			const struct pitem *it = &p->v[0].items[k];

			if (it->node != entries[i] && !(it->artifact &&
			    it->kind == PITEM_TEXT && it->text[0] == '.'))
				continue;
			if (it->node == entries[i] && it->x == 72 &&
			    lab == NULL)
				lab = it;
			else if (it->node == entries[i])
				ly = it->y;
			if (it->node == entries[i] &&
			    strcmp(it->text, num) == 0)
				trail = it;
		}
		for (k = 0; trail != NULL && k < p->v[0].nitems; k++)
			if (p->v[0].items[k].artifact &&
			    p->v[0].items[k].kind == PITEM_TEXT &&
			    p->v[0].items[k].text[0] == '.' &&
			    p->v[0].items[k].y == trail->y)
				dots = &p->v[0].items[k];
		CHECK(lab != NULL && strcmp(lab->text, snprintf(num,
		    sizeof(num), "%zu.", i + 1) > 0 ? num : "") == 0);
		snprintf(num, sizeof(num), "%zu", a->page + 1);
		CHECK(trail != NULL);
		if (trail != NULL) {
			CHECK(fabsf(trail->x + trail->w - (595 - 72)) < EPS);
			/* On the last line of the entry. */
			CHECK(trail->y <= ly + EPS);
			CHECK(dots != NULL && dots->y == trail->y &&
			    dots->x + dots->w < trail->x);
		}
	}
	/* The entry with a long text: every line leaves the trailer room. */
	for (k = 0; k < p->v[0].nitems; k++) {
		const struct pitem *it = &p->v[0].items[k];

		if (it->node == entries[2] && it->kind == PITEM_TEXT &&
		    it->x > 72 + 1 && it->x < 595 - 72 - 30)
			CHECK(it->x + it->w <= 595 - 72 - 30 + EPS);
	}
	for (pg = 0; pg < p->n; pg++)
		CHECK_INT(p->v[pg].part, p->v[pg].part);
	pages_free(p);
	doc_free(d);
}

TEST(layout_errors)
{
	struct doc *d = mkdoc(2);
	struct pages *p;
	struct block *b;

	b = para(d, S_BODY, "Se sidan ");
	b->spans->next = span_new(SPAN_PAGEREF, 0, NULL);
	b->spans->next->target = xstrdup("finns-inte");
	b->spans->next->pos.file = "agenda.md";
	b->spans->next->pos.line = 4;
	b->spans->next->pos.col = 9;
	d->parts[0].blocks = b;
	diag_clear();
	p = layout_doc(d, fs);
	CHECK(p == NULL);
	CHECK(diag_first() != NULL && strstr(diag_first(),
	    "agenda.md:4:9: error: page reference to unknown anchor") != NULL);
	diag_clear();
	/* Duplicate anchors. */
	free(b->spans->next->target);
	b->spans->next->target = xstrdup("a");
	b->anchor = xstrdup("a");
	d->parts[1].blocks = para(d, S_BODY, "Text");
	d->parts[1].blocks->anchor = xstrdup("a");
	d->parts[1].blocks->pos.file = "x.md";
	d->parts[1].blocks->pos.line = 2;
	p = layout_doc(d, fs);
	CHECK(p == NULL);
	CHECK(diag_first() != NULL &&
	    strstr(diag_first(), "duplicate anchor \"a\"") != NULL);
	diag_clear();
	doc_free(d);
}

/* Markers wider than their column ("100.") and lists nested deeper
 * than the page allows: no marker is printed over its text, and the
 * text keeps at least half the width. */
TEST(layout_wide_and_deep_lists)
{
	struct doc *d = mkdoc(1);
	struct pages *p;
	struct block *list, *item, **tail, *inner = NULL;
	size_t	 i, k, depth;
	char	 lab[16];

	list = block_new(BLOCK_LIST);
	tail = &list->children;
	for (i = 98; i <= 100; i++) {
		item = block_new(BLOCK_ITEM);
		item->style = &d->styles[S_ITEM];
		snprintf(lab, sizeof(lab), "%zu.", i);
		item->label = txt(lab, 0);
		item->children = para(d, S_BODY, "punkt");
		*tail = item;
		tail = &item->next;
	}
	d->parts[0].blocks = list;
	/* 40 levels, each an item holding the next list. */
	for (depth = 0; depth < 40; depth++) {
		struct block *l = block_new(BLOCK_LIST);

		item = block_new(BLOCK_ITEM);
		item->style = &d->styles[S_ITEM];
		item->label = txt("•", 0);
		item->children = para(d, S_BODY, "nivå");
		l->children = item;
		if (inner == NULL)
			append(&d->parts[0].blocks, l);
		else
			append(&inner->children, l);
		inner = item;
	}
	diag_clear();
	p = layout_doc(d, fs);
	CHECK(p != NULL);
	if (p == NULL) {
		printf("%s\n", diag_first() ? diag_first() : "");
		doc_free(d);
		return;
	}
	for (k = 0; k < p->n; k++)
		for (i = 0; i < p->v[k].nitems; i++) {
			const struct pitem *a = &p->v[k].items[i], *b;
			size_t	 j;

			if (a->kind != PITEM_TEXT || a->artifact)
				continue;
			/* Text starts in the left half, however deep. */
			CHECK(a->x < 72 + (595 - 144) / 2 + 1);
			for (j = 0; j < p->v[k].nitems; j++) {
				b = &p->v[k].items[j];
				if (j == i || b->kind != PITEM_TEXT ||
				    b->artifact || b->y != a->y || b->x <= a->x)
					continue;
				/* Items on one line do not overlap. */
				CHECK(a->x + a->w <= b->x + EPS);
			}
		}
	pages_free(p);
	doc_free(d);
}

TEST(layout_lists)
{
	struct doc *d = mkdoc(1);
	struct pages *p;
	struct block *list, *item, *sub, *subitem, *q, *pb;
	size_t	 i;
	const struct pitem *lab = NULL, *first = NULL, *sublab = NULL;

	list = block_new(BLOCK_LIST);
	item = block_new(BLOCK_ITEM);
	item->style = &d->styles[S_ITEM];
	item->label = txt("1.", 0);
	item->children = para(d, S_BODY, lorem);
	sub = block_new(BLOCK_LIST);
	subitem = block_new(BLOCK_ITEM);
	subitem->style = &d->styles[S_ITEM];
	subitem->label = txt("a.", 0);
	subitem->children = para(d, S_BODY, "Underpunkt");
	sub->children = subitem;
	append(&item->children, sub);
	list->children = item;
	d->parts[0].blocks = list;
	q = block_new(BLOCK_QUOTE);
	q->style = &d->styles[S_RAGGED];
	q->children = para(d, S_RAGGED, "Citat");
	append(&d->parts[0].blocks, q);
	pb = block_new(BLOCK_PAGEBREAK);
	append(&d->parts[0].blocks, pb);
	append(&d->parts[0].blocks, para(d, S_BODY, "Ny sida"));
	append(&d->parts[0].blocks, block_new(BLOCK_RULE));
	p = layout_doc(d, fs);
	CHECK(p != NULL);
	if (p == NULL) {
		doc_free(d);
		return;
	}
	CHECK_INT(p->n, 2);
	{
		int	 rules = 0;

		for (i = 0; i < p->v[1].nitems; i++)
			if (p->v[1].items[i].kind == PITEM_LINE &&
			    p->v[1].items[i].artifact &&
			    p->v[1].items[i].y > 100)
				rules++;
		CHECK_INT(rules, 1);
	}
	for (i = 0; i < p->v[0].nitems; i++) {
		const struct pitem *it = &p->v[0].items[i];

		if (it->node == item && lab == NULL)
			lab = it;
		if (it->node == item->children && first == NULL)
			first = it;
		if (it->node == subitem)
			sublab = it;
	}
	CHECK(lab != NULL && first != NULL && sublab != NULL);
	if (lab && first && sublab) {
		CHECK_STR(lab->text, "1.");
		CHECK(lab->x == 72);
		CHECK(first->x == 72 + 18);
		CHECK(lab->y == first->y);
		CHECK_STR(sublab->text, "a.");
		CHECK(sublab->x == 72 + 18);
	}
	pages_free(p);
	doc_free(d);
}

/* The page a block's first text item is on, or -1. */
static int
page_of_node(const struct pages *p, const struct block *b)
{
	size_t	 pg, i;

	for (pg = 0; pg < p->n; pg++)
		for (i = 0; i < p->v[pg].nitems; i++)
			if (p->v[pg].items[i].node == b)
				return (int)pg;
	return -1;
}

/* A list item "N." with its text and lettered sub-points under it. */
static struct block *
point(struct doc *d, const char *label, const char *text, int nsub,
    struct block **subs)
{
	static const char *const letters[] = { "a.", "b.", "c." };
	struct block *item = block_new(BLOCK_ITEM), *sub, *si;
	int	 k;

	item->style = &d->styles[S_ITEM];
	item->label = txt(label, 0);
	item->children = para(d, S_BODY, text);
	if (nsub == 0)
		return item;
	sub = block_new(BLOCK_LIST);
	for (k = 0; k < nsub && k < 3; k++) {
		si = block_new(BLOCK_ITEM);
		si->style = &d->styles[S_ITEM];
		si->label = txt(letters[k], 0);
		si->children = para(d, S_BODY, "en underpunkt på en rad,");
		append(&sub->children, si);
		subs[k] = si;
	}
	append(&item->children, sub);
	return item;
}

/*
 * What a decision needs kept together, met by the page foot at every
 * height (one more line of filler each time): a heading with the first
 * lines after it, a list's intro line with its first point, and a
 * numbered point with its lettered sub-points.
 */
TEST(layout_keep_together)
{
	int	 k, bad = 0, moved = 0;

	for (k = 30; k < 80; k++) {
		struct doc *d = mkdoc(1);
		struct block *head, *body, *intro, *list, *p3, *p4, *subs[3];
		struct pages *p;
		int	 i, ph, pi, p3p, p4p, pa, pb, pc;

		for (i = 0; i < k; i++)
			append(&d->parts[0].blocks, para(d, S_BODY, "Rad."));
		append(&d->parts[0].blocks, head = para(d, S_HEAD,
		    "Förslag till beslut"));
		append(&d->parts[0].blocks, body = para(d, S_BODY, lorem));
		append(&d->parts[0].blocks, intro = para(d, S_BODY,
		    "Regionstyrelsen föreslår regionfullmäktige besluta"));
		list = block_new(BLOCK_LIST);
		append(&list->children, point(d, "1.", "att anta planen,",
		    0, subs));
		append(&list->children, point(d, "2.", "att ge nämnderna i "
		    "uppdrag att följa planen,", 0, subs));
		append(&list->children, p3 = point(d, "3.", "att uppdraget "
		    "redovisas i delårsrapporten,", 0, subs));
		append(&list->children, p4 = point(d, "4.", "att fördela "
		    "medlen enligt följande:", 3, subs));
		append(&d->parts[0].blocks, list);
		for (i = 0; i < 6; i++)
			append(&d->parts[0].blocks, para(d, S_BODY, "Efter."));
		if ((p = layout_doc(d, fs)) == NULL) {
			bad++;
			doc_free(d);
			continue;
		}
		ph = page_of_node(p, head);
		pi = page_of_node(p, intro);
		p3p = page_of_node(p, p3->children);
		p4p = page_of_node(p, p4->children);
		pa = page_of_node(p, subs[0]);
		pb = page_of_node(p, subs[1]);
		pc = page_of_node(p, subs[2]);
		if (ph < 0 || ph != page_of_node(p, body) ||
		    pi != page_of_node(p, list->children->children) ||
		    p4p != pa || pa != pb || pb != pc) {
			printf("%d lines: heading on page %d, intro %d, "
			    "point 1 %d, point 4 %d, a. %d, b. %d, c. %d\n", k,
			    ph, pi, page_of_node(p, list->children->children),
			    p4p, pa, pb, pc);
			bad++;
		}
		/* The foot did fall between points 3 and 4 once. */
		if (p3p >= 0 && p4p > p3p)
			moved++;
		pages_free(p);
		doc_free(d);
	}
	CHECK_INT(bad, 0);
	CHECK(moved > 0);
}

TEST(layout_break_before)
{
	struct doc *d = mkdoc(1);
	struct pages *p;
	struct block *h;
	struct style st;

	append(&d->parts[0].blocks, para(d, S_BODY, "Inledning"));
	h = block_new(BLOCK_HEADING);
	st = d->styles[S_HEAD];
	st.page_break_before = true;
	st.rule_below = 1;
	d->styles[S_HEAD] = st;
	h->style = &d->styles[S_HEAD];
	h->spans = txt("Ny sida", 0);
	h->anchor = xstrdup("ny");
	append(&d->parts[0].blocks, h);
	append(&d->parts[0].blocks, para(d, S_BODY, "Text"));
	p = layout_doc(d, fs);
	CHECK(p != NULL);
	if (p != NULL) {
		CHECK_INT(p->n, 2);
		CHECK(pages_anchor(p, "ny") != NULL &&
		    pages_anchor(p, "ny")->page == 1 &&
		    pages_anchor(p, "ny")->y == 842 - 72);
		pages_free(p);
	}
	/* At the top of a page already: no empty page. */
	blocks_free(d->parts[0].blocks);
	d->parts[0].blocks = h = block_new(BLOCK_HEADING);
	h->style = &d->styles[S_HEAD];
	h->spans = txt("Först", 0);
	p = layout_doc(d, fs);
	CHECK(p != NULL && p->n == 1);
	pages_free(p);
	doc_free(d);
}

TEST(break_nobreak_center)
{
	struct span *sp = txt("Ett två tre fyra fem sex sju ", 0);
	struct style st = gd->styles[S_BODY];
	size_t	 l;

	sp->next = txt("Region Västerbotten", SPAN_NOBREAK);
	sp->next->next = txt(" åtta nio tio elva tolv", 0);
	st.align = ALIGN_CENTER;
	st.hyphenate = false;
	for (l = 0; l < 30; l++) {
		float	 w = 60 + 10 * (float)l;
		size_t	 k;

		CHECK(brk(&st, sp, w));
		for (k = 0; k < lb->nlines; k++) {
			const struct lb_line *ln = &lb->lines[k];
			const struct lb_run *r = &lb->runs[ln->run0];
			const char *t = lb->runs[ln->run0 + ln->nruns - 1].text;

			CHECK(fabsf(r->x - (w - ln->width) / 2) < EPS);
			CHECK(strlen(t) < 6 ||
			    strcmp(t + strlen(t) - 6, "Region") != 0);
		}
	}
	spans_free(sp);
}

int
main(void)
{
	gd = mkdoc(0);
	fs = fontset_new(gd);
	if (fs == NULL) {
		diag_flush(stdout);
		return 1;
	}
	lb = lb_new(gd, fs);
	RUN(font_metrics);
	RUN(font_missing);
	RUN(hyphenation);
	RUN(break_widths);
	RUN(break_justified_last_line);
	RUN(break_whitespace);
	RUN(break_hard);
	RUN(break_nbsp);
	RUN(break_number_spaces);
	RUN(break_loose_lines);
	RUN(break_dates_names);
	RUN(break_overlong);
	RUN(break_overlong_fills);
	RUN(break_hyphenates);
	RUN(break_foreign_unhyphenated);
	RUN(break_explicit_hyphen);
	RUN(break_soft_hyphen);
	RUN(break_utf8_widths);
	RUN(break_fallback);
	RUN(break_code);
	RUN(break_links);
	RUN(layout_pages);
	RUN(layout_page_ends);
	RUN(layout_dead_link);
	RUN(layout_last_page);
	RUN(layout_wide_label);
	RUN(layout_running_slots);
	RUN(layout_pagerefs);
	RUN(layout_errors);
	RUN(layout_lists);
	RUN(layout_wide_and_deep_lists);
	RUN(layout_keep_together);
	RUN(layout_break_before);
	RUN(break_nobreak_center);
	lb_free(lb);
	fontset_free(fs);
	doc_free(gd);
	arena_free(&ar);
	diag_clear();
	TEST_END();
}

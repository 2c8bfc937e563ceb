/*
 * pdf: writes hand-made pages and reads the result back with the
 * poppler and qpdf tools: exact text extraction (ToUnicode), embedded
 * fonts, bookmarks, metadata, identical bytes on every run, and atomic
 * failure.
 */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include <libxml/parser.h>
#include <libxml/tree.h>

#include "../../gen/pdf/pdf.h"
#include "../../gen/pdf/pdf_private.h"
#include "test.h"
#include "testdoc.h"

static char	 tmpdir[256];
static char	*fontfiles[4];

/* Liberation Serif from Debian (testdoc.h). */
static void
setup_fonts(void)
{
	int	 i;

	for (i = 0; i < 4; i++)
		fontfiles[i] = xstrdup(serif[i]);
}

static struct doc *
make_doc(void)
{
	struct doc *d = xcalloc(1, sizeof(*d));
	int	 i;

	d->nfamilies = 1;
	d->families = xcalloc(1, sizeof(*d->families));
	d->families[0].name = xstrdup("Liberation Serif");
	for (i = 0; i < 4; i++)
		d->families[0].file[i] = xstrdup(fontfiles[i]);
	d->fallback_family = -1;
	d->code_family = -1;
	d->title = xstrdup("Regionstyrelsen – föredragningslista");
	d->author = xstrdup("Region Östergötland");
	d->subject = xstrdup("Sammanträde 2017-12-12");
	d->lang = xstrdup("sv-SE");
	d->date = xstrdup("2017-12-12");
	return d;
}

/* The texts, one a line, in page order: what pdftotext must return. */
static const char *texts[3][4] = {
	{ "Fastställande av föredragningslista",
	  "Ärendet gäller omhändertagande av (ett) arkiv \\ backslash",
	  NULL },
	{ "Detta är en rad med extra ordmellanrum för marginalutjämning",
	  "omhändertagande",
	  NULL },
	{ "å ä ö Å Ä Ö é ø æ – ” § •",
	  "Saldo −1 250 kr; čĨŜ (koder med parentes- och CR-byte)",
	  "Länk: https://example.se/möte",
	  NULL },
};

static void
add_item(struct page *pg, struct pitem it)
{
	if (pg->nitems == pg->capitems) {
		pg->capitems = pg->capitems ? pg->capitems * 2 : 8;
		pg->items = xrealloc(pg->items,
		    pg->capitems * sizeof(*pg->items));
	}
	pg->items[pg->nitems++] = it;
}

static struct pitem
text_item(float x, float y, int face, float size, const char *t)
{
	struct pitem it;

	memset(&it, 0, sizeof(it));
	it.kind = PITEM_TEXT;
	it.x = x;
	it.y = y;
	it.face = face;
	it.size = size;
	it.text = t;
	return it;
}

static struct pages *
make_pages(void)
{
	struct pages *p = xcalloc(1, sizeof(*p));
	struct pitem it;
	size_t	 i, j;

	p->n = 3;
	p->v = xcalloc(p->n, sizeof(*p->v));
	for (i = 0; i < p->n; i++) {
		p->v[i].width = 595.28f;
		p->v[i].height = 841.89f;
		p->v[i].docpage = (int)i + 1;
		p->v[i].docpages = 3;
		for (j = 0; texts[i][j] != NULL; j++) {
			it = text_item(72, 770 - 30 * (float)j,
			    i == 0 && j == 0 ? FACE_BOLD : FACE_REGULAR,
			    i == 0 && j == 0 ? 16 : 11, texts[i][j]);
			if (i == 1 && j == 0)
				it.space_extra = 3.5f;	/* justified */
			if (i == 2 && j == 1) {
				it.color.r = 0.6f;	/* red, then black */
				it.face = FACE_ITALIC;
			}
			add_item(&p->v[i], it);
		}
	}

	/* A rule under the heading, a grey box, a bold-italic footer. */
	memset(&it, 0, sizeof(it));
	it.kind = PITEM_LINE;
	it.x = 72;
	it.y = 762;
	it.w = 451.28f;
	it.line_width = 0.75f;
	add_item(&p->v[0], it);
	memset(&it, 0, sizeof(it));
	it.kind = PITEM_RECT;
	it.x = 72;
	it.y = 600;
	it.w = 200;
	it.h = 20;
	it.color.r = it.color.g = it.color.b = 0.85f;
	add_item(&p->v[1], it);
	add_item(&p->v[1], text_item(72, 40, FACE_BOLDITALIC, 9, "Sida 2(3)"));

	/* Links: heading to page 2, a URI on page 3. */
	memset(&it, 0, sizeof(it));
	it.kind = PITEM_LINK;
	it.x = 72;
	it.y = 766;
	it.w = 300;
	it.h = 18;
	it.target = "#arende-1";
	add_item(&p->v[0], it);
	it.y = 706;
	it.target = "https://example.se/möte";
	add_item(&p->v[2], it);

	p->nanchors = 2;
	p->anchors = xcalloc(p->nanchors, sizeof(*p->anchors));
	p->anchors[0].name = "arende-1";
	p->anchors[0].page = 1;
	p->anchors[0].y = 785;
	p->anchors[1].name = "bilaga";
	p->anchors[1].page = 2;
	p->anchors[1].y = 785;

	p->noutlines = 3;
	p->outlines = xcalloc(p->noutlines, sizeof(*p->outlines));
	p->outlines[0].title = "Föredragningslista";
	p->outlines[0].level = 1;
	p->outlines[0].page = 0;
	p->outlines[0].y = 800;
	p->outlines[1].title = "§ 1 Ärende: Åtgärd för öppna möten";
	p->outlines[1].level = 2;
	p->outlines[1].page = 1;
	p->outlines[1].y = 785;
	p->outlines[2].title = "Bilaga";
	p->outlines[2].level = 1;
	p->outlines[2].page = 2;
	p->outlines[2].y = 785;
	return p;
}

static char *
slurp(const char *path, size_t *len)
{
	FILE	*f = fopen(path, "rb");
	struct buf b;
	char	 chunk[4096];
	size_t	 n;

	memset(&b, 0, sizeof(b));
	if (f == NULL)
		return NULL;
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		buf_put(&b, chunk, n);
	fclose(f);
	*len = b.len;
	return buf_detach(&b);
}

/* Line breaks and form feeds to single newlines, ends trimmed. */
static char *
lines(const char *s)
{
	struct buf b;

	memset(&b, 0, sizeof(b));
	for (; *s != '\0'; s++) {
		if (*s == '\n' || *s == '\f') {
			if (b.len > 0 && b.data[b.len - 1] != '\n')
				buf_putc(&b, '\n');
		} else
			buf_putc(&b, *s);
	}
	while (b.len > 0 && b.data[b.len - 1] == '\n')
		b.data[--b.len] = '\0';
	return buf_detach(&b);
}

static char *
write_sample(const char *name)
{
	struct doc *d = make_doc();
	struct pages *p = make_pages();
	char	*path = xasprintf("%s/%s", tmpdir, name);

	CHECK(pdf_write(path, d, p));
	CHECK_INT(diag_errors(), 0);
	diag_flush(stdout);
	doc_free(d);
	pages_free(p);
	return path;
}

TEST(text_round_trip)
{
	char	*path = write_sample("a.pdf"), *cmd, *out, *got;
	struct buf want;
	int	 st, i, j;

	memset(&want, 0, sizeof(want));
	for (i = 0; i < 3; i++) {
		for (j = 0; texts[i][j] != NULL; j++) {
			buf_puts(&want, texts[i][j]);
			buf_putc(&want, '\n');
		}
		if (i == 1)
			buf_puts(&want, "Sida 2(3)\n");
	}
	want.data[--want.len] = '\0';

	/*
	 * -raw: content order.  The default mode drops the spaces of
	 * "å ä ö ..." (its word-gap heuristic cannot tell spaces from
	 * letter gaps on a line of one-letter words); mutool, which
	 * reads the space codes, agrees with -raw.
	 */
	cmd = xasprintf("pdftotext -raw -enc UTF-8 '%s' - 2>&1", path);
	out = test_run(cmd, &st);
	CHECK_INT(st, 0);
	got = lines(out);
	CHECK_STR(got, want.data);
	free(cmd);
	free(out);
	free(got);

	cmd = xasprintf("mutool draw -q -F txt -o - '%s' 2>/dev/null", path);
	out = test_run(cmd, &st);
	CHECK_INT(st, 0);
	got = lines(out);
	CHECK_STR(got, want.data);
	free(cmd);
	free(out);
	free(got);
	buf_free(&want);
	free(path);
}

TEST(qpdf_check)
{
	char	*path = write_sample("b.pdf"), *cmd, *out;
	int	 st;

	cmd = xasprintf("qpdf --check '%s' 2>&1", path);
	out = test_run(cmd, &st);
	CHECK_INT(st, 0);
	CHECK(strstr(out, "No syntax or stream encoding errors") != NULL);
	if (st != 0)
		printf("%s", out);
	free(cmd);
	free(out);
	free(path);
}

/* Every font embedded, with a ToUnicode map; only the four used. */
TEST(fonts_embedded)
{
	char	*path = write_sample("c.pdf"), *cmd, *out, *l, *save;
	int	 st, n = 0;

	cmd = xasprintf("pdffonts '%s' 2>&1", path);
	out = test_run(cmd, &st);
	CHECK_INT(st, 0);
	for (l = strtok_r(out, "\n", &save); l != NULL;
	    l = strtok_r(NULL, "\n", &save)) {
		if (strstr(l, "LiberationSerif") == NULL)
			continue;
		n++;
		CHECK(strstr(l, "CID TrueType") != NULL);
		CHECK(strstr(l, "Identity-H") != NULL);
		CHECK(strstr(l, "yes yes yes") != NULL); /* emb sub uni */
	}
	CHECK_INT(n, 4);
	free(cmd);
	free(out);
	free(path);
}

TEST(metadata_and_outline)
{
	char	*path = write_sample("d.pdf"), *cmd, *out;
	int	 st;

	cmd = xasprintf("pdfinfo '%s' 2>&1", path);
	out = test_run(cmd, &st);
	CHECK_INT(st, 0);
	CHECK(strstr(out, "Regionstyrelsen – föredragningslista") != NULL);
	CHECK(strstr(out, "Region Östergötland") != NULL);
	CHECK(strstr(out, "Sammanträde 2017-12-12") != NULL);
	CHECK(strstr(out, "boardgen") != NULL);
	CHECK(strstr(out, "Pages:           3") != NULL);
	free(cmd);
	free(out);

	/* CreationDate is midnight UTC of the meeting: check raw. */
	cmd = xasprintf("qpdf --show-object=trailer '%s' >/dev/null && "
	    "qpdf --qdf --object-streams=disable '%s' - | grep -a "
	    "-e CreationDate -e /Lang -e DisplayDocTitle -e PageMode "
	    "-e '/Nums'", path, path);
	out = test_run(cmd, &st);
	CHECK(strstr(out, "D:20171212000000+00'00'") != NULL);
	CHECK(strstr(out, "/Lang (sv-SE)") != NULL);
	CHECK(strstr(out, "/DisplayDocTitle true") != NULL);
	CHECK(strstr(out, "/PageMode /UseOutlines") != NULL);
	free(cmd);
	free(out);

	cmd = xasprintf("mutool show '%s' outline 2>&1", path);
	out = test_run(cmd, &st);
	CHECK_INT(st, 0);
	CHECK(strstr(out, "Föredragningslista") != NULL);
	CHECK(strstr(out, "§ 1 Ärende: Åtgärd för öppna möten") != NULL);
	CHECK(strstr(out, "Bilaga") != NULL);
	/* The second entry nests under the first. */
	CHECK(strstr(out, "\t\t\"§ 1") != NULL ||
	    strstr(out, "\t+\t\"§ 1") != NULL ||
	    strstr(out, "\t-\t\"§ 1") != NULL);
	if (strstr(out, "Föredragningslista") == NULL)
		printf("%s", out);
	free(cmd);
	free(out);
	free(path);
}

TEST(links)
{
	char	*path = write_sample("e.pdf"), *cmd, *out;
	int	 st;

	/* Dictionary keys and array items one a line; without the NUL
	 * bytes of binary streams (the ICC profile), for strstr. */
	cmd = xasprintf("qpdf --qdf --object-streams=disable '%s' '%s.qdf' "
	    "&& tr -d '\\000' <'%s.qdf'", path, path, path);
	out = test_run(cmd, &st);
	CHECK_INT(st, 0);
	CHECK(strstr(out, "/Subtype /Link") != NULL);
	CHECK(strstr(out, "/Border [\n    0\n    0\n    0\n  ]") != NULL);
	/* Printable, as PDF/A requires. */
	CHECK(strstr(out, "\n  /F 4\n") != NULL);
	/* Anchor arende-1: page 2 (object order: after page 1), y 785. */
	CHECK(strstr(out, "/XYZ\n  0\n  785\n  null\n]") != NULL);
	CHECK(strstr(out, "/URI (https://example.se/m%C3%B6te)") != NULL);
	free(cmd);
	free(out);
	free(path);
}

TEST(deterministic)
{
	char	*a = write_sample("f1.pdf"), *b = write_sample("f2.pdf");
	char	*da, *db;
	size_t	 la = 0, lb = 0;

	da = slurp(a, &la);
	db = slurp(b, &lb);
	CHECK(da != NULL && db != NULL);
	CHECK(la == lb && la > 0);
	CHECK(da != NULL && db != NULL && la == lb &&
	    memcmp(da, db, la) == 0);
	free(da);
	free(db);
	free(a);
	free(b);
}

/* SOURCE_DATE_EPOCH wins over the meeting date. */
TEST(source_date_epoch)
{
	char	*path, *cmd, *out;
	int	 st;

	setenv("SOURCE_DATE_EPOCH", "1513083600", 1);
	path = write_sample("g.pdf");
	unsetenv("SOURCE_DATE_EPOCH");
	cmd = xasprintf("qpdf --qdf --object-streams=disable '%s' - | "
	    "grep -a CreationDate", path);
	out = test_run(cmd, &st);
	CHECK(strstr(out, "D:20171212130000+00'00'") != NULL);
	free(cmd);
	free(out);
	free(path);
}

/* A family without its own bold: both faces are one embedded font. */
TEST(shared_face)
{
	struct doc *d = make_doc();
	struct pages *p = make_pages();
	char	*path = xasprintf("%s/s.pdf", tmpdir), *cmd, *out, *got;
	int	 st;

	free(d->families[0].file[1]);
	d->families[0].file[1] = xstrdup(fontfiles[0]);
	free(d->families[0].file[3]);
	d->families[0].file[3] = xstrdup(fontfiles[2]);
	CHECK(pdf_write(path, d, p));
	cmd = xasprintf("pdffonts '%s' | grep -c LiberationSerif", path);
	out = test_run(cmd, &st);
	CHECK_STR(out, "2\n");
	free(cmd);
	free(out);
	cmd = xasprintf("pdftotext -raw -f 1 -l 1 '%s' -", path);
	out = test_run(cmd, &st);
	got = lines(out);
	CHECK_STR(got, "Fastställande av föredragningslista\n"
	    "Ärendet gäller omhändertagande av (ett) arkiv \\ backslash");
	free(got);
	free(cmd);
	free(out);

	/* Another file with the same bytes: one font. */
	free(d->families[0].file[1]);
	d->families[0].file[1] = xasprintf("%s/copy.ttf", tmpdir);
	cmd = xasprintf("cp '%s' '%s'", fontfiles[0], d->families[0].file[1]);
	CHECK_INT(system(cmd), 0);
	free(cmd);
	CHECK(pdf_write(path, d, p));
	cmd = xasprintf("pdftotext -raw -f 1 -l 1 '%s' -", path);
	out = test_run(cmd, &st);
	got = lines(out);
	CHECK_STR(got, "Fastställande av föredragningslista\n"
	    "Ärendet gäller omhändertagande av (ett) arkiv \\ backslash");
	free(got);
	free(cmd);
	free(out);
	cmd = xasprintf("qpdf --check '%s' >/dev/null 2>&1", path);
	CHECK_INT(system(cmd), 0);
	free(cmd);
	free(path);
	doc_free(d);
	pages_free(p);
}

static void
put_file(const char *path, const char *s)
{
	FILE	*f = fopen(path, "wb");

	if (f != NULL) {
		fputs(s, f);
		fclose(f);
	}
}

/* Texts far longer than a PDF string may be (libharu stops at 64 KiB,
 * and once recursed on four-byte characters): cut with "…", and the
 * file is written. */
TEST(long_texts)
{
	struct doc *d = make_doc();
	struct pages *p = make_pages();
	struct buf emoji = { 0 }, ae = { 0 }, x = { 0 };
	char	*path = xasprintf("%s/long.pdf", tmpdir), *cmd, *out;
	int	 i, st;

	for (i = 0; i < 1100; i++)
		buf_puts(&emoji, "\xf0\x9f\x98\x80");
	for (i = 0; i < 10000; i++)
		buf_puts(&ae, "ä");
	for (i = 0; i < 70000; i++)
		buf_putc(&x, 'x');
	free(d->title);
	d->title = buf_detach(&emoji);
	free(d->subject);
	d->subject = buf_detach(&ae);
	p->outlines[0].title = x.data;
	diag_clear();
	CHECK(pdf_write(path, d, p));
	CHECK_INT(diag_errors(), 0);
	cmd = xasprintf("pdfinfo '%s' 2>&1", path);
	out = test_run(cmd, &st);
	CHECK_INT(st, 0);
	CHECK(strstr(out, "…\n") != NULL);
	free(cmd);
	free(out);
	cmd = xasprintf("qpdf --check '%s' >/dev/null 2>&1", path);
	out = test_run(cmd, &st);
	CHECK_INT(st, 0);
	free(cmd);
	free(out);
	buf_free(&x);
	free(path);
	doc_free(d);
	pages_free(p);
	diag_clear();
}

/* Whether the n bytes of pat occur in data[0..len). */
static bool
has_bytes(const char *data, size_t len, const char *pat)
{
	size_t	 n = strlen(pat), i;

	for (i = 0; i + n <= len; i++)
		if (memcmp(data + i, pat, n) == 0)
			return true;
	return false;
}

/* Control characters and over-long texts: the Info dictionary and the
 * (uncompressed) XMP get the same cleaned, cut text. */
TEST(metadata_cleaned)
{
	struct doc *d = make_doc();
	struct pages *p = make_pages();
	struct buf ae = { 0 };
	char	*path = xasprintf("%s/clean.pdf", tmpdir), *data = NULL;
	size_t	 len = 0;
	int	 i;

	for (i = 0; i < 5000; i++)
		buf_puts(&ae, "ä");
	free(d->title);
	d->title = xstrdup("A\x01" "B & <C>\tD");
	free(d->subject);
	d->subject = buf_detach(&ae);
	diag_clear();
	CHECK(pdf_write(path, d, p));
	CHECK_INT(diag_errors(), 0);
	CHECK(file_read(path, 1 << 24, &data, &len));
	if (data != NULL) {
		/* libharu writes < and > in octal. */
		CHECK(has_bytes(data, len, "/Title (A B & \\074C\\076 D)"));
		CHECK(has_bytes(data, len,
		    "<rdf:li xml:lang=\"x-default\">A B &amp; &lt;C&gt; D<"));
		/* 4000 bytes: 1998 "ä" and "…". */
		CHECK(has_bytes(data, len, "ää…</rdf:li>"));
		CHECK(has_bytes(data, len, "00E400E42026>") ||
		    has_bytes(data, len, "00e400e42026>"));
	}
	free(data);
	free(path);
	doc_free(d);
	pages_free(p);
	diag_clear();
}

/* x of the start of the last word on the line at baseline y, from
 * pdftotext -bbox (whose y is from the top of the page). */
static double
last_word_x(const char *bbox, double ytop)
{
	const char *p = bbox;
	double	 x0, y0, x1, y1, best = -1;

	while ((p = strstr(p, "<word xMin=\"")) != NULL) {
		if (sscanf(p, "<word xMin=\"%lf\" yMin=\"%lf\" xMax=\"%lf\" "
		    "yMax=\"%lf\"", &x0, &y0, &x1, &y1) == 4 &&
		    y0 < ytop && y1 > ytop && x0 > best)
			best = x0;
		p++;
	}
	return best;
}

/* Justified lines stretch or shrink their spaces: each of the three
 * spaces of "ett två tre fyra" moves the last word by space_extra,
 * whether it is positive or negative. */
TEST(space_adjustment)
{
	struct doc *d = make_doc();
	struct pages *p = xcalloc(1, sizeof(*p));
	struct pitem it;
	char	*path = xasprintf("%s/space.pdf", tmpdir), *cmd, *out;
	double	 natural, wide, narrow;
	int	 st;

	p->n = 1;
	p->v = xcalloc(1, sizeof(*p->v));
	p->v[0].width = 595.28f;
	p->v[0].height = 841.89f;
	it = text_item(72, 700, FACE_REGULAR, 11, "ett två tre fyra");
	add_item(&p->v[0], it);
	it.y = 650;
	it.space_extra = 2.0f;
	add_item(&p->v[0], it);
	it.y = 600;
	it.space_extra = -0.5f;
	add_item(&p->v[0], it);
	CHECK(pdf_write(path, d, p));
	cmd = xasprintf("pdftotext -bbox '%s' - 2>&1", path);
	out = test_run(cmd, &st);
	CHECK_INT(st, 0);
	natural = last_word_x(out, 841.89 - 700);
	wide = last_word_x(out, 841.89 - 650);
	narrow = last_word_x(out, 841.89 - 600);
	CHECK(natural > 72);
	CHECK(wide - natural > 5.9 && wide - natural < 6.1);
	CHECK(natural - narrow > 1.4 && natural - narrow < 1.6);
	free(cmd);
	free(out);
	free(path);
	doc_free(d);
	pages_free(p);
	diag_clear();
}

TEST(failures)
{
	struct doc *d = make_doc();
	struct pages *p = make_pages();
	char	*path, *data;
	size_t	 len;
	struct stat sb;

	/* A missing directory: reported with the path. */
	diag_clear();
	path = xasprintf("%s/missing/x.pdf", tmpdir);
	CHECK(!pdf_write(path, d, p));
	CHECK(diag_errors() > 0);
	CHECK(diag_first() != NULL && strstr(diag_first(), path) != NULL);
	free(path);

	/* A bad face: reported, the old file stays as it was. */
	diag_clear();
	path = xasprintf("%s/keep.pdf", tmpdir);
	put_file(path, "old");
	p->v[1].items[0].face = 42;
	CHECK(!pdf_write(path, d, p));
	CHECK(diag_errors() > 0);
	data = slurp(path, &len);
	CHECK_STR(data, "old");
	free(data);
	p->v[1].items[0].face = FACE_REGULAR;

	/* A missing font file: named in the diagnostic. */
	diag_clear();
	free(d->families[0].file[1]);
	d->families[0].file[1] = xasprintf("%s/nofont.ttf", tmpdir);
	CHECK(!pdf_write(path, d, p));
	CHECK(diag_first() != NULL &&
	    strstr(diag_first(), "nofont.ttf") != NULL);
	data = slurp(path, &len);
	CHECK_STR(data, "old");
	free(data);
	free(path);

	/* Writing over a directory fails at the rename: nothing left. */
	diag_clear();
	free(d->families[0].file[1]);
	d->families[0].file[1] = xstrdup(fontfiles[1]);
	path = xasprintf("%s/adir", tmpdir);
	mkdir(path, 0755);
	CHECK(!pdf_write(path, d, p));
	CHECK(diag_errors() > 0);
	CHECK(stat(path, &sb) == 0 && S_ISDIR(sb.st_mode));
	rmdir(path);
	free(path);

	/* A bad SOURCE_DATE_EPOCH. */
	diag_clear();
	setenv("SOURCE_DATE_EPOCH", "yesterday", 1);
	path = xasprintf("%s/h.pdf", tmpdir);
	CHECK(!pdf_write(path, d, p));
	CHECK(diag_first() != NULL &&
	    strstr(diag_first(), "SOURCE_DATE_EPOCH") != NULL);
	unsetenv("SOURCE_DATE_EPOCH");
	CHECK(access(path, F_OK) != 0);
	free(path);

	diag_clear();
	doc_free(d);
	pages_free(p);
}

/* ------------------------------------------------------------------ */
/* Paths, circles and images. */

/* The colour of pixel (x, y) (from the top left) of a page rendered at
 * 72 dpi: packed 0xRRGGBB, or -1. */
static long
pixel(const char *pdf, int page, int x, int y)
{
	char	*cmd, *out, *p;
	int	 st, w, h, max, n = 0;
	long	 rgb = -1;

	cmd = xasprintf("pdftoppm -r 72 -f %d -l %d '%s'", page, page,
	    pdf);
	out = test_run(cmd, &st);
	if (st == 0 && sscanf(out, "P6 %d %d %d%n", &w, &h, &max, &n) == 3 &&
	    n > 0 && x >= 0 && y >= 0 && x < w && y < h && max == 255) {
		p = out + n + 1 + ((size_t)y * (size_t)w + (size_t)x) * 3;
		rgb = (long)(unsigned char)p[0] << 16 |
		    (long)(unsigned char)p[1] << 8 | (unsigned char)p[2];
	}
	free(cmd);
	free(out);
	return rgb;
}

static bool
near(long rgb, long want)
{
	int	 i, d;

	if (rgb < 0)
		return false;
	for (i = 0; i < 3; i++) {
		d = (int)((rgb >> (8 * i)) & 0xff) - (int)((want >> (8 * i)) &
		    0xff);
		if (d < -40 || d > 40)
			return false;
	}
	return true;
}

static struct pages *
one_page(size_t n)
{
	struct pages *p = xcalloc(1, sizeof(*p));
	size_t	 i;

	p->n = n;
	p->v = xcalloc(n, sizeof(*p->v));
	for (i = 0; i < n; i++) {
		p->v[i].width = 595.28f;
		p->v[i].height = 841.89f;
		p->v[i].docpage = (int)i + 1;
		p->v[i].docpages = (int)n;
	}
	return p;
}

TEST(paths_and_circles)
{
	static const float square[8] = { 0, 0, 50, 0, 50, 50, 0, 50 };
	static const float zigzag[8] = { 0, 0, 40, 30, 80, 0, 120, 30 };
	struct doc *d = make_doc();
	struct pages *p = one_page(1);
	struct pitem it;
	char	*path = xasprintf("%s/paths.pdf", tmpdir), *cmd, *out;
	int	 st;

	/* A red square outlined in black; a blue circle; a dashed green
	 * zigzag; then text, which must still be black. */
	memset(&it, 0, sizeof(it));
	it.kind = PITEM_PATH;
	it.x = 100;
	it.y = 600;
	it.pts = square;
	it.npts = 4;
	it.closed = true;
	it.filled = true;
	it.color.r = 1;
	it.stroked = true;
	it.line_width = 2;
	add_item(&p->v[0], it);
	memset(&it, 0, sizeof(it));
	it.kind = PITEM_CIRCLE;
	it.x = 300;
	it.y = 500;
	it.w = 20;
	it.filled = true;
	it.color.b = 1;
	add_item(&p->v[0], it);
	memset(&it, 0, sizeof(it));
	it.kind = PITEM_PATH;
	it.x = 100;
	it.y = 400;
	it.pts = zigzag;
	it.npts = 4;
	it.stroked = true;
	it.stroke.g = 0.6f;
	it.line_width = 3;
	it.dash_on = 6;
	it.dash_off = 3;
	add_item(&p->v[0], it);
	add_item(&p->v[0], text_item(72, 300, FACE_BOLD, 40, "Svart text"));
	diag_clear();
	CHECK(pdf_write(path, d, p));
	CHECK_INT(diag_errors(), 0);
	/* Inside the square, inside the circle, outside both. */
	CHECK(near(pixel(path, 1, 125, 842 - 625), 0xff0000));
	CHECK(near(pixel(path, 1, 100, 842 - 625), 0x000000));
	CHECK(near(pixel(path, 1, 300, 842 - 500), 0x0000ff));
	CHECK(near(pixel(path, 1, 300 - 17, 842 - 500), 0x0000ff));
	CHECK(near(pixel(path, 1, 300 - 16, 842 - 516), 0xffffff));
	CHECK(near(pixel(path, 1, 200, 842 - 200), 0xffffff));
	cmd = xasprintf("qpdf --qdf --object-streams=disable '%s' - | "
	    "grep -a -e ' d$' -e ' c$' -e ' Q$' -e 'rg$'", path);
	out = test_run(cmd, &st);
	CHECK(strstr(out, "[6 3 ] 0 d\n") != NULL);
	CHECK(strstr(out, " c\n") != NULL);
	CHECK(strstr(out, "b Q\n") != NULL);	/* closed, filled, stroked */
	CHECK(strstr(out, "S Q\n") != NULL);	/* open, stroked */
	CHECK(strstr(out, "f Q\n") != NULL);	/* filled only */
	free(cmd);
	free(out);
	/* The text after the shapes is black: the state was restored. */
	cmd = xasprintf("pdftotext -raw '%s' - 2>&1", path);
	out = test_run(cmd, &st);
	CHECK(strstr(out, "Svart text") != NULL);
	free(cmd);
	free(out);
	{
		int	 dark = 0, coloured = 0, w, h, max, n = 0, x, y;
		unsigned char *px;

		cmd = xasprintf("pdftoppm -r 72 '%s'", path);
		out = test_run(cmd, &st);
		if (sscanf(out, "P6 %d %d %d%n", &w, &h, &max, &n) == 3 &&
		    w > 300 && h > 842 - 260) {
			for (y = 842 - 300 - 30; y < 842 - 300 + 8; y++)
				for (x = 72; x < 300; x++) {
					px = (unsigned char *)out + n + 1 +
					    ((size_t)y * (size_t)w +
					    (size_t)x) * 3;
					if (px[0] < 60 && px[1] < 60 &&
					    px[2] < 60)
						dark++;
					else if (abs(px[0] - px[1]) > 60 ||
					    abs(px[1] - px[2]) > 60)
						coloured++;
				}
		}
		CHECK(dark > 300);
		CHECK_INT(coloured, 0);
		free(cmd);
		free(out);
	}
	cmd = xasprintf("qpdf --check '%s' >/dev/null 2>&1", path);
	CHECK_INT(system(cmd), 0);
	free(cmd);
	free(path);
	doc_free(d);
	pages_free(p);
	diag_clear();
}

static void
png_chunk(struct buf *b, const char *type, const void *data, size_t n)
{
	unsigned char hd[8];
	uLong	 crc;

	hd[0] = (unsigned char)(n >> 24);
	hd[1] = (unsigned char)(n >> 16);
	hd[2] = (unsigned char)(n >> 8);
	hd[3] = (unsigned char)n;
	memcpy(hd + 4, type, 4);
	buf_put(b, hd, 8);
	if (n > 0)
		buf_put(b, data, n);
	crc = crc32(0, hd + 4, 4);
	if (n > 0)
		crc = crc32(crc, data, (uInt)n);
	hd[0] = (unsigned char)(crc >> 24);
	hd[1] = (unsigned char)(crc >> 16);
	hd[2] = (unsigned char)(crc >> 8);
	hd[3] = (unsigned char)crc;
	buf_put(b, hd, 4);
}

enum png_damage {
	PNG_OK,
	PNG_TRUNCATED,		/* the file cut in its image data */
	PNG_BADCRC,
	PNG_SHORTDATA,		/* fewer rows than the header says */
	PNG_BADFILTER,		/* a row filter type of 7 */
	PNG_HUGE,		/* 20000 x 20000 */
	PNG_NODATA
};

static const unsigned char test_palette[12] = {
	0xff, 0, 0, 0xff, 0xff, 0xff, 0, 0x80, 0xff, 0x1e, 0xc8, 0x3c
};
static const unsigned char test_trns[2] = { 0xff, 0x80 };

/*
 * Sample k of pixel (x, y) of a test image: plain, red on the left
 * half and white on the right (grey: black and white); patterned,
 * values that change from pixel to pixel so that every row filter
 * matters.
 */
static unsigned
test_sample(int ctype, int depth, bool pattern, unsigned w, unsigned x,
    unsigned y, unsigned k)
{
	unsigned max = (1u << depth) - 1, v;
	bool	 red = x < w / 2;

	if (ctype == 3)
		return pattern ? (x + 2 * y) % (depth == 1 ? 2 : 4) :
		    red ? 0 : 1;
	if (k == 3 || ((ctype == 4) && k == 1))
		return max;			/* opaque */
	if (!pattern)
		return (ctype == 2 || ctype == 6) && k == 0 ? max :
		    red ? 0 : max;
	if (ctype == 0 && depth < 8)
		return (x + 3 * y) % (max + 1);
	v = ctype == 0 || ctype == 4 ? (x * 5 + y * 9) & 255 :
	    (x * 31 + y * 17 + k * 80) & 255;
	return depth == 16 ? v * 257 : v;
}

/* The same as 8-bit grey or RGB (channel k), as a decoder shows it. */
static unsigned
test_expect(int ctype, int depth, unsigned w, unsigned x, unsigned y,
    unsigned k)
{
	unsigned v = test_sample(ctype, depth, true, w, x, y, k);

	if (ctype == 3)
		return test_palette[3 * v + k];
	if (depth == 16)
		return v >> 8;
	if (depth < 8)
		return v * 255 / ((1u << depth) - 1);
	return v;
}

/*
 * Writes a PNG of w x h pixels (see test_sample) in colour type ctype
 * and bit depth depth, interlaced or not, damaged as asked.  Rows use
 * each filter type in turn.  Palette images have four colours (two at
 * 1 bit), the second half transparent.
 */
static char *
make_png(const char *name, unsigned w, unsigned h, int ctype, int depth,
    int interlace, bool pattern, enum png_damage damage)
{
	static const unsigned a7[7][4] = {
		{ 0, 8, 0, 8 }, { 4, 8, 0, 8 }, { 0, 4, 4, 8 }, { 2, 4, 0, 4 },
		{ 0, 2, 2, 4 }, { 1, 2, 0, 2 }, { 0, 1, 1, 2 }
	};
	static const unsigned char sig[8] = {
		0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'
	};
	struct buf b = { 0 }, raw = { 0 };
	unsigned char ihdr[13];
	unsigned char *z;
	unsigned long zn;
	unsigned pass, x, y, x0, dx, y0, dy, ch, i, bit, v;
	char	*path = xasprintf("%s/%s", tmpdir, name);
	FILE	*f;

	ch = ctype == 2 ? 3 : ctype == 4 ? 2 : ctype == 6 ? 4 : 1;
	for (pass = 0; pass < (interlace ? 7u : 1u); pass++) {
		unsigned char prev[4096] = { 0 };

		x0 = interlace ? a7[pass][0] : 0;
		dx = interlace ? a7[pass][1] : 1;
		y0 = interlace ? a7[pass][2] : 0;
		dy = interlace ? a7[pass][3] : 1;
		if (x0 >= w || y0 >= h)
			continue;
		for (y = y0; y < h; y += dy) {
			unsigned char row[4096] = { 0 }, enc[4096];
			size_t	 n, j, bpp;
			int	 ft = (int)((y / dy) % 5), pa, pb, pc, pp;

			/* Every filter type in turn (a damaged one: 7). */
			buf_putc(&raw, damage == PNG_BADFILTER && y == h / 2 ?
			    7 : ft);
			for (x = x0, bit = 0; x < w; x += dx)
				for (i = 0; i < ch; i++) {
					v = test_sample(ctype, depth, pattern,
					    w, x, y, i);
					if (depth == 16) {
						row[bit / 8] = (unsigned char)
						    (v >> 8);
						row[bit / 8 + 1] =
						    (unsigned char)v;
					} else
						row[bit / 8] |= (unsigned char)
						    (v << (8 - depth -
						    bit % 8));
					bit += (unsigned)depth;
				}
			n = (bit + 7) / 8;
			bpp = depth < 8 ? 1 : ch * (unsigned)depth / 8;
			for (j = 0; j < n; j++) {
				unsigned a = j >= bpp ? row[j - bpp] : 0,
				    bb = prev[j], c = j >= bpp ? prev[j - bpp] : 0,
				    pred = 0;

				if (ft == 1)
					pred = a;
				else if (ft == 2)
					pred = bb;
				else if (ft == 3)
					pred = (a + bb) / 2;
				else if (ft == 4) {
					pp = (int)a + (int)bb - (int)c;
					pa = abs(pp - (int)a);
					pb = abs(pp - (int)bb);
					pc = abs(pp - (int)c);
					pred = pa <= pb && pa <= pc ? a :
					    pb <= pc ? bb : c;
				}
				enc[j] = (unsigned char)(row[j] - pred);
			}
			buf_put(&raw, enc, n);
			memcpy(prev, row, n);
		}
	}
	if (damage == PNG_SHORTDATA)
		raw.len /= 2;
	zn = compressBound(raw.len);
	z = xmalloc(zn);
	compress(z, &zn, (const unsigned char *)raw.data, raw.len);
	if (damage == PNG_HUGE)
		w = h = 20000;
	for (i = 0; i < 4; i++) {
		ihdr[i] = (unsigned char)(w >> (24 - 8 * i));
		ihdr[4 + i] = (unsigned char)(h >> (24 - 8 * i));
	}
	ihdr[8] = (unsigned char)depth;
	ihdr[9] = (unsigned char)ctype;
	ihdr[10] = ihdr[11] = 0;
	ihdr[12] = (unsigned char)interlace;
	buf_put(&b, sig, 8);
	png_chunk(&b, "IHDR", ihdr, 13);
	if (ctype == 3) {
		png_chunk(&b, "PLTE", test_palette, depth == 1 ? 6 : 12);
		png_chunk(&b, "tRNS", test_trns, 2);
	}
	if (damage != PNG_NODATA) {
		/* In two chunks, as encoders split it. */
		png_chunk(&b, "IDAT", z, zn / 2);
		png_chunk(&b, "IDAT", z + zn / 2, zn - zn / 2);
	}
	png_chunk(&b, "IEND", NULL, 0);
	if (damage == PNG_TRUNCATED)
		b.len = 8 + 25 + 12 + zn / 3;
	if (damage == PNG_BADCRC)
		b.data[8 + 25 + 12 + zn / 4] ^= 0x55;
	if ((f = fopen(path, "wb")) != NULL) {
		fwrite(b.data, 1, b.len, f);
		fclose(f);
	}
	free(z);
	buf_free(&raw);
	buf_free(&b);
	return path;
}

/* Reads a binary PGM or PPM: its pixels (caller frees), or NULL. */
static unsigned char *
read_pnm(const char *path, unsigned *w, unsigned *h, unsigned *ch)
{
	size_t	 len;
	char	*d = slurp(path, &len), kind;
	unsigned max;
	int	 n = 0;
	unsigned char *px;

	if (d == NULL)
		return NULL;
	if (sscanf(d, "P%c %u %u %u%n", &kind, w, h, &max, &n) != 4 ||
	    (kind != '5' && kind != '6') || max != 255 ||
	    (size_t)n + 1 + (size_t)*w * *h * (kind == '6' ? 3 : 1) > len) {
		free(d);
		return NULL;
	}
	*ch = kind == '6' ? 3 : 1;
	px = xmalloc((size_t)*w * *h * *ch);
	memcpy(px, d + n + 1, (size_t)*w * *h * *ch);
	free(d);
	return px;
}

static struct pitem
image_item(const char *png, float x, float y, float w, float h)
{
	struct pitem it;

	memset(&it, 0, sizeof(it));
	it.kind = PITEM_IMAGE;
	it.text = png;
	it.x = x;
	it.y = y;
	it.w = w;
	it.h = h;
	return it;
}

/* Counts lines of `qpdf --qdf` output holding s. */
static int
qdf_count(const char *pdf, const char *s)
{
	char	*cmd, *out;
	int	 st, n;

	cmd = xasprintf("qpdf --qdf --object-streams=disable '%s' - | "
	    "grep -a -c -e '%s'", pdf, s);
	out = test_run(cmd, &st);
	n = atoi(out);
	free(cmd);
	free(out);
	return n;
}

/* Every kind of PNG libharu takes: drawn, red where red. */
TEST(images)
{
	static const struct {
		int	 ctype, depth, interlace;
	} kinds[] = {
		{ 2, 8, 0 }, { 6, 8, 0 }, { 0, 1, 0 }, { 0, 8, 0 },
		{ 3, 8, 0 }, { 3, 1, 0 }, { 4, 8, 0 }, { 2, 16, 0 },
		{ 6, 16, 0 }, { 2, 8, 1 }, { 3, 2, 1 },
	};
	struct doc *d = make_doc();
	char	*png, *path = xasprintf("%s/img.pdf", tmpdir), *name, *cmd;
	size_t	 k;

	for (k = 0; k < sizeof(kinds) / sizeof(kinds[0]); k++) {
		struct pages *p = one_page(1);

		name = xasprintf("k%zu.png", k);
		png = make_png(name, 37, 21, kinds[k].ctype, kinds[k].depth,
		    kinds[k].interlace, false, PNG_OK);
		add_item(&p->v[0], image_item(png, 100, 500, 200, 100));
		diag_clear();
		CHECK(pdf_write(path, d, p));
		CHECK_INT(diag_errors(), 0);
		if (kinds[k].ctype == 0 || kinds[k].ctype == 4) {
			CHECK(near(pixel(path, 1, 120, 842 - 550), 0));
		} else
			CHECK(near(pixel(path, 1, 120, 842 - 550), 0xff0000));
		CHECK(near(pixel(path, 1, 280, 842 - 550), 0xffffff));
		CHECK(near(pixel(path, 1, 80, 842 - 550), 0xffffff));
		cmd = xasprintf("qpdf --check '%s' >/dev/null 2>&1", path);
		CHECK_INT(system(cmd), 0);
		free(cmd);
		if (test_current_failed) {
			printf("  in kind %zu: %s\n", k, diag_first() ?
			    diag_first() : "");
			break;
		}
		free(name);
		free(png);
		pages_free(p);
	}
	free(path);
	doc_free(d);
	diag_clear();
}

/* Image n of pdfimages' output in tmpdir/pix-NNN.p[gp]m, or NULL. */
static unsigned char *
extracted(int n, unsigned *w, unsigned *h, unsigned *ch)
{
	char	*file = xasprintf("%s/pix-%03d.pgm", tmpdir, n);
	unsigned char *px;

	if ((px = read_pnm(file, w, h, ch)) == NULL) {
		free(file);
		file = xasprintf("%s/pix-%03d.ppm", tmpdir, n);
		px = read_pnm(file, w, h, ch);
	}
	free(file);
	return px;
}

/* Every pixel comes out as written, whatever the format, filters and
 * interlacing; transparency becomes a soft mask. */
TEST(image_pixels)
{
	static const struct {
		int	 ctype, depth, interlace;
	} kinds[] = {
		{ 2, 8, 0 }, { 2, 8, 1 }, { 2, 16, 0 }, { 2, 16, 1 },
		{ 6, 8, 0 }, { 6, 16, 1 }, { 0, 1, 0 }, { 0, 2, 1 },
		{ 0, 4, 0 }, { 0, 8, 1 }, { 0, 16, 0 }, { 4, 8, 0 },
		{ 4, 16, 1 }, { 3, 1, 0 }, { 3, 2, 1 }, { 3, 4, 0 },
		{ 3, 8, 1 },
	};
	struct doc *d = make_doc();
	char	*png, *path = xasprintf("%s/pix.pdf", tmpdir), *name, *cmd;
	unsigned char *px, *mask;
	unsigned w, h, ch, mw, mh, mch, x, y, k, bad;
	size_t	 kk;
	bool	 grey;

	for (kk = 0; kk < sizeof(kinds) / sizeof(kinds[0]); kk++) {
		struct pages *p = one_page(1);

		name = xasprintf("pix%zu.png", kk);
		png = make_png(name, 37, 23, kinds[kk].ctype, kinds[kk].depth,
		    kinds[kk].interlace, true, PNG_OK);
		add_item(&p->v[0], image_item(png, 100, 500, 74, 46));
		diag_clear();
		CHECK(pdf_write(path, d, p));
		cmd = xasprintf("rm -f '%s'/pix-*; pdfimages '%s' '%s/pix'",
		    tmpdir, path, tmpdir);
		CHECK_INT(system(cmd), 0);
		free(cmd);
		/* Poppler writes grey as PGM or PPM: either will do. */
		px = extracted(0, &w, &h, &ch);
		CHECK(px != NULL);
		bad = 0;
		grey = kinds[kk].ctype == 0 || kinds[kk].ctype == 4;
		if (px != NULL) {
			CHECK(w == 37 && h == 23);
			if (!grey)
				CHECK_INT(ch, 3);
			for (y = 0; y < h && w == 37 && h == 23; y++)
				for (x = 0; x < w; x++)
					for (k = 0; k < ch; k++)
						bad += px[(y * w + x) * ch + k] !=
						    test_expect(kinds[kk].ctype,
						    kinds[kk].depth, w, x, y,
						    grey ? 0 : k);
		}
		CHECK_INT(bad, 0);
		free(px);
		/* Palette images: the second colour is half transparent. */
		mask = extracted(1, &mw, &mh, &mch);
		CHECK((mask != NULL) == (kinds[kk].ctype == 3));
		if (mask != NULL && mw == 37 && mh == 23) {
			bad = 0;
			for (y = 0; y < mh; y++)
				for (x = 0; x < mw; x++)
					bad += mask[(y * mw + x) * mch] !=
					    ((x + 2 * y) % (kinds[kk].depth == 1 ?
					    2 : 4) == 1 ? 0x80 : 0xff);
			CHECK_INT(bad, 0);
		}
		free(mask);
		free(name);
		free(png);
		pages_free(p);
		if (test_current_failed) {
			printf("  in kind %zu: %s\n", kk, diag_first() ?
			    diag_first() : "");
			break;
		}
	}
	free(path);
	doc_free(d);
	diag_clear();
}

/* A logo on 40 pages is one image object. */
TEST(image_cache)
{
	struct doc *d = make_doc();
	struct pages *p = one_page(40);
	char	*png = make_png("logo.png", 40, 20, 2, 8, 0, false, PNG_OK);
	char	*path = xasprintf("%s/logo40.pdf", tmpdir), *cmd, *out;
	size_t	 i;
	int	 st;

	for (i = 0; i < 40; i++) {
		add_item(&p->v[i], image_item(png, 72, 760, 80, 40));
		add_item(&p->v[i], text_item(72, 700, FACE_REGULAR, 11,
		    "Region Norrbacka"));
	}
	diag_clear();
	CHECK(pdf_write(path, d, p));
	CHECK_INT(diag_errors(), 0);
	CHECK_INT(qdf_count(path, "/Subtype /Image"), 1);
	CHECK_INT(qdf_count(path, " Do Q$"), 40);
	cmd = xasprintf("pdfimages -list '%s' | tail -n +3 | wc -l", path);
	out = test_run(cmd, &st);
	CHECK_INT(atoi(out), 40);	/* shown on every page */
	free(cmd);
	free(out);
	cmd = xasprintf("pdfimages -list '%s' | tail -n +3 | "
	    "awk '{print $11}' | sort -u | wc -l", path);
	out = test_run(cmd, &st);
	CHECK_INT(atoi(out), 1);	/* one object */
	free(cmd);
	free(out);
	CHECK(near(pixel(path, 40, 80, 842 - 780), 0xff0000));
	free(png);
	free(path);
	doc_free(d);
	pages_free(p);
	diag_clear();
}

/* Damaged or missing images: a clean error naming the file, the old
 * output untouched. */
TEST(bad_images)
{
	static const enum png_damage damages[] = {
		PNG_TRUNCATED, PNG_BADCRC, PNG_SHORTDATA, PNG_BADFILTER,
		PNG_HUGE, PNG_NODATA
	};
	struct doc *d = make_doc();
	char	*out = xasprintf("%s/badimg.pdf", tmpdir), *png, *name, *data;
	size_t	 k, len;
	int	 interlace;

	for (k = 0; k < sizeof(damages) / sizeof(damages[0]) * 2 + 3; k++) {
		struct pages *p = one_page(2);

		interlace = k % 2;
		name = xasprintf("bad%zu.png", k);
		if (k < sizeof(damages) / sizeof(damages[0]) * 2)
			png = make_png(name, 30, 30, 2, 8, interlace, false,
			    damages[k / 2]);
		else if (k == sizeof(damages) / sizeof(damages[0]) * 2) {
			png = xasprintf("%s/%s", tmpdir, name);
			put_file(png, "GIF89a not a PNG");
		} else if (k == sizeof(damages) / sizeof(damages[0]) * 2 + 1)
			png = xasprintf("%s/missing.png", tmpdir);
		else
			png = xstrdup(tmpdir);	/* a folder */
		add_item(&p->v[0], image_item(png, 72, 700, 50, 50));
		add_item(&p->v[1], image_item(png, 72, 700, 50, 50));
		put_file(out, "old");
		diag_clear();
		CHECK(!pdf_write(out, d, p));
		CHECK(diag_errors() > 0);
		CHECK(diag_first() != NULL &&
		    strncmp(diag_first(), png, strlen(png)) == 0);
		data = slurp(out, &len);
		CHECK_STR(data, "old");
		if (test_current_failed) {
			printf("  case %zu: %s\n", k, diag_first() ?
			    diag_first() : "");
			free(data);
			free(name);
			free(png);
			pages_free(p);
			break;
		}
		free(data);
		free(name);
		free(png);
		pages_free(p);
	}
	free(out);
	doc_free(d);
	diag_clear();
}

static char *
escaped(const char *s)
{
	struct buf b;

	memset(&b, 0, sizeof(b));
	pdf_xml_escape(&b, s);
	buf_putc(&b, '\0');
	return buf_detach(&b);
}

TEST(xml_escape)
{
	char	*s;

	s = escaped("a&b<c>\"d'e");
	CHECK_STR(s, "a&amp;b&lt;c&gt;&quot;d&apos;e");
	free(s);
	/* Kept: UTF-8, tab/newline/CR as references.  Replaced: other
	 * controls (space), invalid bytes and U+FFFF (U+FFFD). */
	s = escaped("\xc3\xa5\t\n\r|\x01\x1f|\xff|\xef\xbf\xbf|\xe2\x82");
	CHECK_STR(s, "\xc3\xa5&#x9;&#xA;&#xD;|  |\xef\xbf\xbd|\xef\xbf\xbd|"
	    "\xef\xbf\xbd\xef\xbf\xbd");
	free(s);
	s = escaped("");
	CHECK_STR(s, "");
	free(s);
}

/* The first element named name (local name) below n, depth first. */
static xmlNode *
find_elem(xmlNode *n, const char *name)
{
	xmlNode *r;

	for (; n != NULL; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (strcmp((const char *)n->name, name) == 0)
			return n;
		if ((r = find_elem(n->children, name)) != NULL)
			return r;
	}
	return NULL;
}

/* The same, in the namespace ns only. */
static xmlNode *
find_elem_ns(xmlNode *n, const char *ns, const char *name)
{
	xmlNode *r;

	for (; n != NULL; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (strcmp((const char *)n->name, name) == 0 && n->ns != NULL &&
		    strcmp((const char *)n->ns->href, ns) == 0)
			return n;
		if ((r = find_elem_ns(n->children, ns, name)) != NULL)
			return r;
	}
	return NULL;
}

static char *
elem_text(xmlDoc *x, const char *outer, const char *inner)
{
	xmlNode *n = find_elem(xmlDocGetRootElement(x), outer);
	xmlChar *c;
	char	*r;

	if (n == NULL || (inner != NULL &&
	    (n = find_elem(n->children, inner)) == NULL))
		return xstrdup("(missing)");
	c = xmlNodeGetContent(n);
	r = xstrdup((const char *)c);
	xmlFree(c);
	return r;
}

/* The XMP packet parses as XML and gives back what went in. */
TEST(xmp_packet)
{
	struct pdf_xmp m;
	struct buf b;
	xmlDoc	*x;
	char	*s;

	memset(&m, 0, sizeof(m));
	m.title = "Hälsa & vård <\"x\"> 'å'";
	m.author = "Region A&B";
	m.subject = "Rad ett\nrad två";
	m.lang = "sv-SE";
	m.date = "2026-12-08T00:00:00+00:00";
	m.creator = "boardgen";
	m.producer = "P<1>";
	memset(&b, 0, sizeof(b));
	pdf_xmp_packet(&b, &m);
	CHECK(utf8_validate(b.data, b.len) == (size_t)-1);
	x = xmlReadMemory(b.data, (int)b.len, "xmp.xml", NULL,
	    XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
	CHECK(x != NULL);
	if (x != NULL) {
		s = elem_text(x, "title", "li");
		CHECK_STR(s, m.title);
		free(s);
		s = elem_text(x, "creator", "li");
		CHECK_STR(s, m.author);
		free(s);
		s = elem_text(x, "description", "li");
		CHECK_STR(s, m.subject);
		free(s);
		s = elem_text(x, "Producer", NULL);
		CHECK_STR(s, m.producer);
		free(s);
		s = elem_text(x, "CreateDate", NULL);
		CHECK_STR(s, m.date);
		free(s);
		s = elem_text(x, "part", NULL);
		CHECK_STR(s, "2");
		free(s);
		s = elem_text(x, "conformance", NULL);
		CHECK_STR(s, "B");
		free(s);
		{
			xmlNode *ua = find_elem_ns(xmlDocGetRootElement(x),
			    "http://www.aiim.org/pdfua/ns/id/", "part");
			xmlChar *c = ua != NULL ? xmlNodeGetContent(ua) : NULL;

			CHECK(c != NULL && strcmp((char *)c, "1") == 0);
			xmlFree(c);
		}
		xmlFreeDoc(x);
	}
	/* No date, no subject: those elements are left out. */
	m.date = NULL;
	m.subject = NULL;
	buf_reset(&b);
	pdf_xmp_packet(&b, &m);
	x = xmlReadMemory(b.data, (int)b.len, "xmp.xml", NULL,
	    XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
	CHECK(x != NULL);
	if (x != NULL) {
		CHECK(find_elem(xmlDocGetRootElement(x), "CreateDate") == NULL);
		CHECK(find_elem_ns(xmlDocGetRootElement(x),
		    "http://purl.org/dc/elements/1.1/", "description") == NULL);
		xmlFreeDoc(x);
	}
	buf_free(&b);
}

/* graft.c: a page's content made part of another page's. */
#define ART	"/Artifact <</Type /Layout>> BDC\n"
static char *
grafted(const char *in, int base, bool keep, int *ret)
{
	struct buf b = { 0 };
	struct pdf_graft how = { "BgA", base, keep, NULL, NULL, NULL };

	*ret = pdf_graft_content((const unsigned char *)in, strlen(in), &how,
	    &b);
	buf_putc(&b, '\0');
	return buf_detach(&b);
}

TEST(graft)
{
	char	*s;
	int	 r;

	/* Resource names prefixed where an operator names a resource,
	 * device colour spaces and other names left. */
	s = grafted("q /GS1 gs /CS0 cs /DeviceRGB CS 0.5 /P0 scn "
	    "BT /F1 12 Tf (x) Tj ET /Im1 Do /Sh sh Q", 0, true, &r);
	CHECK_INT(r, 0);
	CHECK_STR(s, "q /BgAGS1 gs /BgACS0 cs /DeviceRGB CS 0.5 /BgAP0 scn "
	    "BT /BgAF1 12 Tf \n" ART "(x) Tj \nEMC\nET \n" ART
	    "/BgAIm1 Do /BgASh sh Q\nEMC\n");
	free(s);
	/* MCIDs moved up, a named property list prefixed, the tag kept. */
	s = grafted("/P <</MCID 0>> BDC BT (a) Tj ET EMC "
	    "/Span <</Lang (nb) /MCID 7>> BDC EMC /OC /oc1 BDC EMC", 5, true,
	    &r);
	CHECK_INT(r, 8);
	CHECK_STR(s, "/P <</MCID 5>> BDC BT (a) Tj ET EMC "
	    "/Span <</Lang (nb) /MCID 12>> BDC EMC /OC /BgAoc1 BDC EMC\n");
	free(s);
	/* Dropped but for optional content. */
	s = grafted("/P <</MCID 0>> BDC (a) Tj EMC /OC /oc1 BDC /Artifact "
	    "BMC 1 w EMC EMC", 0, false, &r);
	CHECK_INT(r, 0);
	CHECK_STR(s, " (a) Tj  /OC /BgAoc1 BDC  1 w  EMC\n");
	free(s);
	/* What the content closes and did not open is dropped; what it
	 * leaves open is closed. */
	s = grafted("Q EMC ET q /P <</MCID 1>> BDC BT (a) Tj", 0, true, &r);
	CHECK_INT(r, 2);
	CHECK_STR(s, "   q /P <</MCID 1>> BDC BT (a) Tj\nEMC\nET\nQ\n");
	free(s);
	/* An inline image's named colour space is a resource. */
	s = grafted("BI /W 1 /H 1 /CS /Cs1 /BPC 8 ID x EI "
	    "BI /W 1 /H 1 /CS /RGB /BPC 8 ID x EI", 0, true, &r);
	CHECK_STR(s, "\n" ART "BI /W 1 /H 1 /CS /BgACs1 /BPC 8 ID x EI "
	    "BI /W 1 /H 1 /CS /RGB /BPC 8 ID x EI\nEMC\n");
	free(s);
	/* What a tagged page paints unmarked is a layout artifact, begun
	 * at the path's start, ended before the file's marked content. */
	s = grafted("/P <</MCID 0>> BDC BT (a) Tj ET EMC 1 1 m 2 2 l S "
	    "/Artifact BMC 3 3 m 4 4 l S EMC /Span BMC BT (b) Tj ET EMC "
	    "/OC /oc1 BDC 5 5 10 10 re f EMC", 0, true, &r);
	CHECK_STR(s, "/P <</MCID 0>> BDC BT (a) Tj ET EMC \n" ART
	    "1 1 m 2 2 l S \nEMC\n/Artifact BMC 3 3 m 4 4 l S EMC "
	    "/Span BMC BT \n" ART "(b) Tj \nEMC\nET EMC /OC /BgAoc1 BDC \n"
	    ART "5 5 10 10 re f \nEMC\nEMC\n");
	free(s);
	/* The MCIDs kept, with their tags, as moved up. */
	{
		struct buf b = { 0 }, m = { 0 };
		struct pdf_graft how = { "", 4, true, NULL, NULL, &m };
		const struct pdf_graft_mcid *k;
		const char *in = "/H1 <</MCID 2>> BDC EMC /Artifact BMC EMC "
		    "/Span <</MCID 0>> BDC EMC";

		CHECK_INT(pdf_graft_content((const unsigned char *)in,
		    strlen(in), &how, &b), 3);
		CHECK_INT((int)(m.len / sizeof(*k)), 2);
		k = (const struct pdf_graft_mcid *)m.data;
		CHECK_INT(k[0].mcid, 6);
		CHECK_STR(k[0].tag, "H1");
		CHECK_INT(k[1].mcid, 4);
		CHECK_STR(k[1].tag, "Span");
		buf_free(&b);
		buf_free(&m);
	}
	/* An MCID that is no whole number in range is refused. */
	s = grafted("/P <</MCID 1.5>> BDC EMC", 0, true, &r);
	CHECK_INT(r, -1);
	free(s);
	s = grafted("/P <</MCID 100001>> BDC EMC", 0, true, &r);
	CHECK_INT(r, -1);
	free(s);
	s = grafted("/P <</MCID -1>> BDC EMC", 0, true, &r);
	CHECK_INT(r, -1);
	free(s);
}

int
main(void)
{
	const char *t = getenv("TMPDIR");
	char	*cmd;
	int	 i;

	unsetenv("SOURCE_DATE_EPOCH");
	snprintf(tmpdir, sizeof(tmpdir), "%s/pdf_test.XXXXXX",
	    t ? t : "/tmp");
	if (mkdtemp(tmpdir) == NULL) {
		perror("mkdtemp");
		return 1;
	}
	setup_fonts();
	RUN(xml_escape);
	RUN(xmp_packet);
	RUN(text_round_trip);
	RUN(qpdf_check);
	RUN(fonts_embedded);
	RUN(metadata_and_outline);
	RUN(links);
	RUN(deterministic);
	RUN(source_date_epoch);
	RUN(shared_face);
	RUN(space_adjustment);
	RUN(long_texts);
	RUN(metadata_cleaned);
	RUN(failures);
	RUN(paths_and_circles);
	RUN(images);
	RUN(image_pixels);
	RUN(image_cache);
	RUN(bad_images);
	RUN(graft);
	if (getenv("PDF_TEST_KEEP") == NULL) {
		cmd = xasprintf("rm -rf '%s'", tmpdir);
		if (system(cmd) != 0)
			printf("cannot remove %s\n", tmpdir);
		free(cmd);
	} else
		printf("output kept in %s\n", tmpdir);
	for (i = 0; i < 4; i++)
		free(fontfiles[i]);
	TEST_END();
}

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

#include "../../gen/pdf/pdf.h"
#include "test.h"

static char	 tmpdir[256];
static char	*fontfiles[4];

/* Font directory: Debian's, unless FONTDIR says otherwise. */
static void
setup_fonts(void)
{
	const char *dir = getenv("FONTDIR");
	static const char *names[4] = {
		"LiberationSerif-Regular.ttf", "LiberationSerif-Bold.ttf",
		"LiberationSerif-Italic.ttf", "LiberationSerif-BoldItalic.ttf"
	};
	int	 i;

	if (dir == NULL)
		dir = "/usr/share/fonts/truetype";
	for (i = 0; i < 4; i++)
		fontfiles[i] = xasprintf("%s/liberation2/%s", dir, names[i]);
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

/* Runs cmd, returns its standard output (caller frees) and status. */
static char *
run(const char *cmd, int *status)
{
	struct buf b;
	char	 chunk[4096];
	size_t	 n;
	FILE	*f;

	memset(&b, 0, sizeof(b));
	if ((f = popen(cmd, "r")) == NULL) {
		*status = -1;
		return xstrdup("");
	}
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		buf_put(&b, chunk, n);
	*status = pclose(f);
	return buf_detach(&b);
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
	out = run(cmd, &st);
	CHECK_INT(st, 0);
	got = lines(out);
	CHECK_STR(got, want.data);
	free(cmd);
	free(out);
	free(got);

	cmd = xasprintf("mutool draw -q -F txt -o - '%s' 2>/dev/null", path);
	out = run(cmd, &st);
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
	out = run(cmd, &st);
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
	out = run(cmd, &st);
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
	out = run(cmd, &st);
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
	out = run(cmd, &st);
	CHECK(strstr(out, "D:20171212000000+00'00'") != NULL);
	CHECK(strstr(out, "/Lang (sv-SE)") != NULL);
	CHECK(strstr(out, "/DisplayDocTitle true") != NULL);
	CHECK(strstr(out, "/PageMode /UseOutlines") != NULL);
	free(cmd);
	free(out);

	cmd = xasprintf("mutool show '%s' outline 2>&1", path);
	out = run(cmd, &st);
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

	/* Dictionary keys and array items one a line. */
	cmd = xasprintf("qpdf --qdf --object-streams=disable '%s' -", path);
	out = run(cmd, &st);
	CHECK_INT(st, 0);
	CHECK(strstr(out, "/Subtype /Link") != NULL);
	CHECK(strstr(out, "/Border [\n    0\n    0\n    0\n  ]") != NULL);
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
	out = run(cmd, &st);
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
	out = run(cmd, &st);
	CHECK_STR(out, "2\n");
	free(cmd);
	free(out);
	cmd = xasprintf("pdftotext -raw -f 1 -l 1 '%s' -", path);
	out = run(cmd, &st);
	got = lines(out);
	CHECK_STR(got, "Fastställande av föredragningslista\n"
	    "Ärendet gäller omhändertagande av (ett) arkiv \\ backslash");
	free(got);
	free(cmd);
	free(out);

	/* Another file, the same font name: libharu gives one font. */
	free(d->families[0].file[1]);
	d->families[0].file[1] = xasprintf("%s/copy.ttf", tmpdir);
	cmd = xasprintf("cp '%s' '%s'", fontfiles[0], d->families[0].file[1]);
	CHECK_INT(system(cmd), 0);
	free(cmd);
	CHECK(pdf_write(path, d, p));
	cmd = xasprintf("pdftotext -raw -f 1 -l 1 '%s' -", path);
	out = run(cmd, &st);
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
	out = run(cmd, &st);
	CHECK_INT(st, 0);
	CHECK(strstr(out, "…\n") != NULL);
	free(cmd);
	free(out);
	cmd = xasprintf("qpdf --check '%s' >/dev/null 2>&1", path);
	out = run(cmd, &st);
	CHECK_INT(st, 0);
	free(cmd);
	free(out);
	buf_free(&x);
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
	out = run(cmd, &st);
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
	RUN(failures);
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

/*
 * ttf: reading TrueType metrics and writing subset font programs.  The
 * subset is read back table by table: glyph count, widths, composite
 * glyphs' components renumbered, checksums.
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "test.h"
#include "testdoc.h"
#include "../../gen/font/ttf.h"
#include "../../gen/model/model.h"
#include "../../gen/layout/layout.h"

static struct ttf font;
static char	*data;
static size_t	 len;

static unsigned
be16(const struct buf *b, size_t off)
{
	const unsigned char *p = (const unsigned char *)b->data + off;

	return (unsigned)p[0] << 8 | p[1];
}

static uint32_t
be32(const struct buf *b, size_t off)
{
	return (uint32_t)be16(b, off) << 16 | be16(b, off + 2);
}

/* Offset and length of a table in a font program we wrote. */
static int
find(const struct buf *b, const char *tag, size_t *off, size_t *tlen)
{
	unsigned i, n = be16(b, 4);

	for (i = 0; i < n; i++)
		if (memcmp(b->data + 12 + 16 * i, tag, 4) == 0) {
			*off = be32(b, 12 + 16 * i + 8);
			*tlen = be32(b, 12 + 16 * i + 12);
			return *off + *tlen <= b->len;
		}
	return 0;
}

TEST(metrics)
{
	CHECK(ttf_parse(&font, (const unsigned char *)data, len));
	CHECK_STR(font.name, "LiberationSerif");
	CHECK_INT(font.upem, 2048);
	/* 'A' is 1479 units: 722 in 1/1000 em, truncated. */
	CHECK_INT(ttf_width(&font, ttf_glyph(&font, 'A')), 722);
	CHECK(ttf_glyph(&font, 0xE000) == 0);	/* private use: none */
	CHECK(ttf_glyph(&font, 0x00C5) != 0);	/* Å */
}

TEST(garbage_refused)
{
	struct ttf t;
	char	*copy = xmalloc(len);

	CHECK(!ttf_parse(&t, (const unsigned char *)"not a font", 10));
	/* Cut short: the tables no longer fit. */
	memcpy(copy, data, len);
	CHECK(!ttf_parse(&t, (const unsigned char *)copy, 2000));
	free(copy);
}

/* A copy of the font whose character map gives 'A' a glyph past the
 * font's glyph count. */
static char *
cmap_past_glyphs(void)
{
	char	*copy = xmalloc(len);
	unsigned char *u = (unsigned char *)copy;
	size_t	 ends = font.cmap4 + 14, starts = ends + font.segx2 + 2;
	size_t	 deltas = starts + font.segx2, ranges = deltas + font.segx2;
	size_t	 at;
	unsigned s, start, delta, want = font.nglyphs + 10;

	memcpy(copy, data, len);
	for (s = 0; s < font.segx2 / 2; s++)
		if ((u[ends + 2 * s] << 8 | u[ends + 2 * s + 1]) >= 'A')
			break;
	start = u[starts + 2 * s] << 8 | u[starts + 2 * s + 1];
	if (u[ranges + 2 * s] == 0 && u[ranges + 2 * s + 1] == 0) {
		/* glyph = code + delta */
		delta = (want - 'A') & 0xffff;
		u[deltas + 2 * s] = (unsigned char)(delta >> 8);
		u[deltas + 2 * s + 1] = (unsigned char)delta;
	} else {
		/* glyph = glyphIdArray[...] + delta */
		delta = u[deltas + 2 * s] << 8 | u[deltas + 2 * s + 1];
		at = ranges + 2 * s + (u[ranges + 2 * s] << 8 |
		    u[ranges + 2 * s + 1]) + 2 * ('A' - start);
		u[at] = (unsigned char)(((want - delta) & 0xffff) >> 8);
		u[at + 1] = (unsigned char)(want - delta);
	}
	return copy;
}

/* Layout and the writer read fonts with one reader: a font whose
 * character map names a glyph it does not have is refused with one
 * error that names the file, however often it is asked for. */
TEST(cmap_past_glyphs_refused)
{
	char	 path[] = "/tmp/boardgen-ttf-XXXXXX";
	char	*copy = cmap_past_glyphs();
	struct ttf t;
	struct doc *d;
	struct fontset *fs;
	int	 fd, v;

	CHECK(!ttf_parse(&t, (const unsigned char *)copy, len));
	if ((fd = mkstemp(path)) < 0 || write(fd, copy, len) != (ssize_t)len) {
		CHECK(!"cannot write the damaged font");
		free(copy);
		return;
	}
	close(fd);
	d = xcalloc(1, sizeof(*d));
	d->nfamilies = 1;
	d->families = xcalloc(1, sizeof(*d->families));
	d->families[0].name = xstrdup("Damaged");
	for (v = 0; v < 4; v++)
		d->families[0].file[v] = xstrdup(path);
	d->fallback_family = -1;
	d->code_family = -1;
	diag_clear();
	CHECK((fs = fontset_new(d)) != NULL);
	if (fs != NULL) {
		CHECK_INT(fontset_width(fs, 0, 'A'), -1);
		CHECK_INT(fontset_width(fs, 0, 'B'), -1);
		CHECK_INT(fontset_width(fs, 0, 'A'), -1);
		fontset_free(fs);
	}
	CHECK_INT(diag_errors(), 1);
	CHECK(diag_first() != NULL && strncmp(diag_first(), path,
	    strlen(path)) == 0 && strstr(diag_first(), "glyphs the font "
	    "does not have") != NULL);
	/* The writer's loading of it says the same. */
	diag_clear();
	CHECK(!ttf_load(&t, path));
	CHECK_INT(diag_errors(), 1);
	diag_clear();
	/* The font as it was is whole. */
	CHECK(ttf_load(&t, serif[0]));
	CHECK_INT(diag_errors(), 0);
	ttf_unload(&t);
	unlink(path);
	doc_free(d);
	free(copy);
}

TEST(subset)
{
	static const char text[] = "Åsa får ökad budget";
	uint8_t	*keep = xcalloc(font.nglyphs, 1);
	uint16_t *newgid = xcalloc(font.nglyphs, sizeof(*newgid));
	struct buf b;
	size_t	 i, n = 0, off, tl, hmtx, loca, glyf, head;
	uint32_t cp, sum = 0;
	unsigned g, aring = ttf_glyph(&font, 0x00C5);

	memset(&b, 0, sizeof(b));
	for (i = 0; text[i] != '\0'; i += utf8_decode(text + i, 4, &cp)) {
		utf8_decode(text + i, 4, &cp);
		keep[ttf_glyph(&font, cp)] = 1;
	}
	CHECK(ttf_close(&font, keep));
	CHECK(keep[0]);
	for (g = 0; g < font.nglyphs; g++)
		n += keep[g];
	CHECK(n > 10 && n < 40);
	CHECK(ttf_subset(&font, keep, newgid, &b));

	CHECK(find(&b, "maxp", &off, &tl));
	CHECK_INT(be16(&b, off + 4), n);
	CHECK(find(&b, "hhea", &off, &tl));
	CHECK_INT(be16(&b, off + 34), n);
	CHECK(find(&b, "hmtx", &hmtx, &tl));
	CHECK_INT(tl, 4 * n);
	/* Widths kept under the new numbers. */
	g = ttf_glyph(&font, 'b');
	CHECK(newgid[g] != 0);
	CHECK_INT(be16(&b, hmtx + 4 * (size_t)newgid[g]),
	    (unsigned char)data[font.hmtx + 4 * g] << 8 |
	    (unsigned char)data[font.hmtx + 4 * g + 1]);
	CHECK(find(&b, "head", &head, &tl));
	CHECK_INT(be16(&b, head + 50), 1);	/* long loca */
	CHECK(find(&b, "loca", &loca, &tl));
	CHECK_INT(tl, 4 * (n + 1));
	CHECK(find(&b, "glyf", &glyf, &tl));
	CHECK_INT(be32(&b, loca + 4 * n), tl);
	/* Å: if composite, its parts are kept and renumbered in range. */
	off = glyf + be32(&b, loca + 4 * (size_t)newgid[aring]);
	if ((int16_t)be16(&b, off) < 0) {
		unsigned part = be16(&b, off + 12);

		CHECK(part < n);
		CHECK(part != newgid[aring]);
	}
	/* The whole file sums to the magic number. */
	for (i = 0; i + 4 <= b.len; i += 4)
		sum += be32(&b, i);
	CHECK_INT(sum, 0xB1B0AFBAu);
	CHECK(find(&b, "fpgm", &off, &tl) && find(&b, "prep", &off, &tl));
	CHECK(b.len < 20000);
	buf_free(&b);
	free(keep);
	free(newgid);
}

int
main(void)
{
	if (!file_read(serif[0], 1 << 25, &data, &len)) {
		printf("cannot read %s\n", serif[0]);
		return 1;
	}
	RUN(metrics);
	RUN(garbage_refused);
	RUN(cmap_past_glyphs_refused);
	RUN(subset);
	free(data);
	TEST_END();
}

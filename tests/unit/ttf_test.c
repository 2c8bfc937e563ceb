/*
 * ttf: reading TrueType metrics and writing subset font programs.  The
 * subset is read back table by table: glyph count, widths, composite
 * glyphs' components renumbered, checksums.
 */
#include <stdlib.h>
#include <string.h>

#include "test.h"
#include "testdoc.h"
#include "../../gen/pdf/ttf.h"

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
	RUN(subset);
	free(data);
	TEST_END();
}

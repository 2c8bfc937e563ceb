/* Fuzz target: a TrueType font file, as templates name them: parsed,
 * the glyphs of some text mapped and measured, closed over composites
 * and written as a subset. */
#include "fuzz.h"
#include "../../gen/font/ttf.h"

static const unsigned text[] = {
	'A', 'a', 'z', ' ', '0', ',', 0xe5, 0xe4, 0xf6, 0xc5, 0x2013, 0x201d,
	0x20ac, 0xfffd, 0xffff
};

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct ttf t;
	struct buf out = { 0 };
	uint8_t	*keep;
	uint16_t *newgid;
	size_t	 i;

	fuzz_setup();
	if (!ttf_parse(&t, data, size))
		return 0;
	keep = xcalloc(t.nglyphs ? t.nglyphs : 1, 1);
	newgid = xcalloc(t.nglyphs ? t.nglyphs : 1, sizeof(*newgid));
	for (i = 0; i < sizeof(text) / sizeof(text[0]); i++) {
		unsigned g = ttf_glyph(&t, text[i]);

		if (g < t.nglyphs) {
			keep[g] = 1;
			(void)ttf_width(&t, g);
		}
	}
	if (ttf_close(&t, keep))
		(void)ttf_subset(&t, keep, newgid, &out);
	buf_free(&out);
	free(newgid);
	free(keep);
	fuzz_reset();
	return 0;
}

/* Fuzz target: a PDF made elsewhere, linked from a case's
 * Beslutsunderlag: opened with libqpdf (no repair), its pages sized and
 * their content decoded, as the pack places it. */
#include "fuzz.h"
#include "../../gen/content/content.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static char *path;
	static struct srcpos at = { "arenden/01.md", 12, 3 };
	struct document *d;

	fuzz_setup();
	if (path == NULL)
		path = xasprintf("%s/bilaga.pdf", fuzz_scratch());
	fuzz_write(fuzz_scratch(), "bilaga.pdf", data, size);
	d = document_external(path, "../bilagor/bilaga.pdf", "Bilaga", &at);
	document_free(d);
	fuzz_reset();
	return 0;
}

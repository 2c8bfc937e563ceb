/* Fuzz target: an XML figure file (validated against figure.rng, with
 * a CSV file beside it for <csv href="data.csv">), its computed cells
 * and checks. */
#include "fuzz.h"
#include "../../gen/content/content.h"

static const char beside[] =
    "År;Kostnad;Intäkt\n2025;1 234,5;1 000\n2026;2 345,6;2 100\n";

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static char *sdir, *path;
	struct figure *f;

	fuzz_setup();
	if (sdir == NULL) {
		const char *dir = fuzz_scratch();

		sdir = xasprintf("%s/schema", fuzz_templates());
		path = xasprintf("%s/figur.xml", dir);
		fuzz_write_str(dir, "data.csv", beside);
	}
	f = figure_parse(path, (const char *)data, size, sdir);
	figure_free(f);
	fuzz_reset();
	return 0;
}

/* Fuzz target: an XML figure file (validated against figure.rng, with
 * CSV files beside it for <csv href="data.csv"> and the seeds' names),
 * its computed cells and checks. */
#include "fuzz.h"
#include "../../gen/content/content.h"

static const char beside[] =
    "År;Kostnad;Intäkt\n2025;1 234,5;1 000\n2026;2 345,6;2 100\n";

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *sdir;
	static char *path;
	struct figure *f;

	fuzz_setup();
	if (sdir == NULL) {
		const char *dir = fuzz_scratch();

		sdir = fuzz_schema();
		path = xasprintf("%s/figur.xml", dir);
		fuzz_write_str(dir, "data.csv", beside);
		/* The CSV files the seeds name. */
		fuzz_copy(FUZZ_SRCDIR "/content/regionstyrelsen/2026-12-08/"
		    "figurer", dir, ".csv");
		fuzz_copy(FUZZ_SRCDIR "/tests/regress/figures/checks/figurer",
		    dir, ".csv");
	}
	f = figure_parse(path, (const char *)data, size, sdir);
	figure_free(f);
	fuzz_reset();
	return 0;
}

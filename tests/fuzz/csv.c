/* Fuzz target: a CSV figure file, read into a figure with its computed
 * cells and checks. */
#include "fuzz.h"
#include "../../gen/content/content.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *sdir;
	struct figure *f;

	fuzz_setup();
	if (sdir == NULL)
		sdir = fuzz_schema();
	f = figure_parse("figurer/tabell.csv", (const char *)data, size, sdir);
	figure_free(f);
	fuzz_reset();
	return 0;
}

/* Fuzz target: a case file (metadata header + Markdown through cmark). */
#include "fuzz.h"
#include "../../gen/content/content.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct casefile *cs;

	fuzz_setup();
	cs = casefile_parse("arenden/01.md", (const char *)data, size);
	casefile_free(cs);
	fuzz_reset();
	return 0;
}

/* Fuzz target: a document file behind an item (header + Markdown). */
#include "fuzz.h"
#include "../../gen/content/content.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct document *d;

	fuzz_setup();
	d = document_parse("handlingar/rapport.md", (const char *)data, size,
	    NULL, NULL);
	document_free(d);
	fuzz_reset();
	return 0;
}

/* Fuzz target: the summary of a meeting the site keeps between runs
 * (SITE/.boardgen/BODY/DATE.summary).  It is boardgen's own file, but
 * one left damaged or edited must be refused, not trusted. */
#include "fuzz.h"
#include "../../gen/html/html.h"
#include "../../gen/html/html_private.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct sum_meeting *s;
	struct buf b = { 0 };

	fuzz_setup();
	if ((s = sum_read((const char *)data, size)) != NULL) {
		struct sum_meeting *again;
		struct buf b2 = { 0 };

		/* What was read is written again, and that reads back to
		 * the same summary. */
		sum_write(&b, s);
		if ((again = sum_read(b.data, b.len)) == NULL) {
			fprintf(stderr, "a summary read does not read back "
			    "once written:\n%.*s\n", (int)b.len, b.data);
			abort();
		}
		sum_write(&b2, again);
		if (b2.len != b.len || memcmp(b.data, b2.data, b.len) != 0) {
			fprintf(stderr, "a summary changes when written "
			    "again:\n%.*s\n---\n%.*s\n", (int)b.len, b.data,
			    (int)b2.len, b2.data);
			abort();
		}
		buf_free(&b2);
		sum_free(again);
		buf_free(&b);
		sum_free(s);
	}
	fuzz_reset();
	return 0;
}

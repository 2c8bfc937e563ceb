/* Fuzz target: the content stream of a page of a PDF made elsewhere,
 * made part of the pack page's content (gen/pdf/graft.c), its marked
 * content kept and dropped: no read past the input, no leak, and what
 * it writes leaves nothing open (grafting it again closes nothing). */
#include <stdlib.h>

#include "fuzz.h"
#include "../../gen/pdf/pdf_private.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct buf out = { 0 }, again = { 0 };
	struct pdf_graft how = { "BgA", 3, true, NULL, NULL, NULL };
	int	 r;

	fuzz_setup();
	r = pdf_graft_content(data, size, &how, &out);
	if (r < -1 || r > PDF_GRAFT_MAX_MCID + 1)
		abort();
	buf_free(&out);
	how.keep_mc = false;
	if (pdf_graft_content(data, size, &how, &out) >= 0) {
		/* Its q, BT and marked content balanced already. */
		how.prefix = "";
		how.mcid_base = 0;
		if (pdf_graft_content((const unsigned char *)out.data, out.len,
		    &how, &again) < 0)
			abort();
		if (again.len < 1 || again.data[again.len - 1] != '\n')
			abort();
	}
	buf_free(&out);
	buf_free(&again);
	return 0;
}

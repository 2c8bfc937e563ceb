/* Fuzz target: the content stream of a page of a PDF made elsewhere
 * with text and no tags, rewritten with its text as paragraphs
 * (gen/pdf/retag.c): no read past the input, no leak, and every
 * sequence's paragraph one of those it counted. */
#include <stdlib.h>

#include "fuzz.h"
#include "../../gen/pdf/pdf_private.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct buf out = { 0 };
	int	*para = NULL, nmcids = 0, np, i;

	fuzz_setup();
	np = pdf_retag_text(data, size, &out, &para, &nmcids);
	for (i = 0; i < nmcids; i++)
		if (para[i] < 0 || para[i] >= np)
			abort();
	if (np < 0 && para != NULL)
		abort();
	free(para);
	buf_free(&out);
	return 0;
}

/* Fuzz target: the search for personal identity numbers (pnr_find,
 * pnr_report), which stands between every public file and the disk.
 * Each hit must be ten or twelve digits that are a hit alone too; the
 * report must count every hit; and with every hit it reports blotted
 * out, a search over the whole text must find nothing: a number the
 * report's walk stepped over would reach a public page. */
#include "fuzz.h"

static void
fail(const char *why, const char *s, size_t off, size_t n)
{
	fprintf(stderr, "%s: at byte %zu, %zu bytes: \"%.*s\"\n", why, off,
	    n, (int)(n < 64 ? n : 64), s + off);
	abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char	*s = xstrndup((const char *)data, size);
	size_t	 len = strlen(s), at = 0, off, n, i, digits, hits = 0, rep;
	size_t	 o2, n2;
	bool	 coord;

	fuzz_setup();
	while (at < len && pnr_find(s + at, len - at, &off, &n, &coord)) {
		off += at;
		if (n == 0 || off + n > len)
			fail("a hit outside the text", s, off, 0);
		for (i = digits = 0; i < n; i++)
			digits += s[off + i] >= '0' && s[off + i] <= '9';
		if (s[off] < '0' || s[off] > '9' ||
		    s[off + n - 1] < '0' || s[off + n - 1] > '9' ||
		    (digits != 10 && digits != 12))
			fail("a hit that is not 10 or 12 digits", s, off, n);
		if (!pnr_find(s + off, n, &o2, &n2, NULL) || o2 != 0 ||
		    n2 != n)
			fail("a hit that is none alone", s, off, n);
		hits++;
		at = off + n;
	}
	rep = pnr_report(DIAG_WARNING, s, "fuzz.txt", 1, 1, NULL);
	if (rep != hits) {
		fprintf(stderr, "pnr_report counts %zu, the search %zu\n", rep,
		    hits);
		abort();
	}
	/* Each hit blotted out (as the walk above found them): nothing
	 * left for a search from the start. */
	for (at = 0; at < len && pnr_find(s + at, len - at, &off, &n, NULL);
	    at += off + n)
		memset(s + at + off, 'x', n);
	if (pnr_find(s, len, &off, &n, NULL))
		fail("a number the walk stepped over", s, off, n);
	free(s);
	fuzz_reset();
	return 0;
}

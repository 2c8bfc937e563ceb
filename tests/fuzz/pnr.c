/* Fuzz target: the search for personal identity numbers (pnr_find,
 * pnr_find_folded, pnr_report), which stands between every public file
 * and the disk.  The first byte chooses plain text or Markdown/XML
 * source (PNR_SOURCE).  Each hit must lie inside the text and fold to
 * ten or twelve digits; the report must count what a walk over the
 * folded text finds; and with every hit blotted out, a search over the
 * whole text must find nothing: a number the walk stepped over would
 * reach a public page. */
#include "fuzz.h"

static void
fail(const char *why, const char *s, size_t off, size_t n)
{
	fprintf(stderr, "%s: at byte %zu, %zu bytes: \"%.*s\"\n", why, off,
	    n, (int)(n < 64 ? n : 64), s + off);
	abort();
}

/* The digits of s[off..off+n) as the scan reads them. */
static size_t
folded_digits(const char *s, size_t off, size_t n, unsigned flags)
{
	struct pnr_text t;
	size_t	 i, digits = 0;

	pnr_fold(s + off, n, flags, &t);
	for (i = 0; i < t.len; i++)
		digits += t.s[i] >= '0' && t.s[i] <= '9';
	pnr_text_free(&t);
	return digits;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct pnr_text t;
	struct pnr_hit h;
	unsigned flags;
	char	*s;
	size_t	 len, at, hits = 0, rep, digits;

	if (size == 0)
		return 0;
	flags = (data[0] & 1) ? PNR_SOURCE : 0;
	s = xstrndup((const char *)data + 1, size - 1);
	len = strlen(s);
	fuzz_setup();

	/* The walk over the folded text, as pnr_report makes it. */
	pnr_fold(s, len, flags, &t);
	for (at = 0; pnr_find_folded(&t, at, &h); at = h.off + h.n) {
		if (h.n == 0 || h.off + h.n > t.len || h.off < at)
			fail("a folded hit outside the text", t.s, 0, 0);
		if (t.map[h.off] > len || t.map[h.off + h.n] > len ||
		    t.map[h.off] >= t.map[h.off + h.n])
			fail("a hit mapped outside the text", s, 0, len);
		digits = folded_digits(t.s, h.off, h.n, 0);
		if (digits != 10 && digits != 12)
			fail("a hit that is not 10 or 12 digits", t.s, h.off,
			    h.n);
		hits++;
	}
	pnr_text_free(&t);

	rep = pnr_report(DIAG_WARNING, s, flags, "fuzz.txt", 1, 1, NULL);
	if (rep != hits) {
		fprintf(stderr, "pnr_report counts %zu, the search %zu\n", rep,
		    hits);
		abort();
	}

	/* Each hit in the text as given blotted out: nothing left for a
	 * search from the start. */
	for (at = 0; at < len && pnr_find(s + at, len - at, flags, &h);
	    at += h.off + h.n) {
		if (h.n == 0 || at + h.off + h.n > len)
			fail("a hit outside the text", s, at + h.off, 0);
		memset(s + at + h.off, 'x', h.n);
	}
	if (pnr_find(s, len, flags, &h))
		fail("a number the walk stepped over", s, h.off, h.n);
	free(s);
	fuzz_reset();
	return 0;
}

/* Fuzz target: the site's OParl JSON of one meeting, written from the
 * meeting itself (the meeting and the papers of its items), as the site
 * writes it.  The input is the case file of item 1 of a meeting whose
 * item 2 is closed and item 3 secret, with the sample's figure and
 * register files beside them; a first line "base URL" gives --base-url
 * (if site_build would take it), and a line "pdf" after it --pdf.  The
 * meeting is redacted and summed up as for the site; every file written
 * must be JSON (RFC 8259, checked strictly), or the run stops. */
#include "fuzz.h"
#include "../../gen/content/content.h"
#include "../../gen/html/html.h"
#include "../../gen/html/html_private.h"
#include "json.h"

static const char manifest[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<meeting date=\"2026-12-08\">\n"
    "  <organisation>Region Exempel</organisation>\n"
    "  <body>Regionstyrelsen</body>\n"
    "  <session start=\"08.30\" end=\"12.00\" place=\"Hörsalen\" open=\"yes\"/>\n"
    "  <session start=\"13.00\" end=\"15.00\" place=\"Styrelserummet\" "
    "open=\"no\"/>\n"
    "  <secretary name=\"Karin Ek\" email=\"karin.ek@example.se\" "
    "phone=\"010-123 45 67\"/>\n"
    "  <agenda>\n"
    "    <procedural>Mötets öppnande</procedural>\n"
    "    <case file=\"arenden/01.md\"/>\n"
    "    <case file=\"arenden/02.md\" closed=\"yes\"/>\n"
    "    <case file=\"arenden/03.md\"/>\n"
    "  </agenda>\n"
    "</meeting>\n";

static const char closed_case[] =
    "---\n"
    "dnr: RS/13/2026\n"
    "title: Förvärv av fastighet\n"
    "---\n\n"
    "# Ärendebeskrivning\n\n"
    "Säljaren har lämnat ett bud.\n";

static const char secret_case[] =
    "---\n"
    "dnr: RS/14/2026\n"
    "title: Utredning om \"vårdskada\"\n"
    "sekretess: OSL 25 kap. 1 §\n"
    "kind: information\n"
    "---\n\n"
    "# Ärendebeskrivning\n\n"
    "Utredningen redovisas.\n";

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *sdir;
	static char *mdir;
	static struct html_options opts;
	const char *s = (const char *)data, *e = s + size, *nl;
	char	*base = NULL;
	struct meeting *m = NULL;
	struct sum_meeting *sum = NULL;
	struct outset os = { 0 };
	size_t	 i;

	fuzz_setup();
	if (sdir == NULL) {
		sdir = fuzz_schema();
		mdir = xasprintf("%s/m", fuzz_scratch());
		fuzz_write_str(mdir, "meeting.xml", manifest);
		fuzz_write_str(mdir, "arenden/02.md", closed_case);
		fuzz_write_str(mdir, "arenden/03.md", secret_case);
		fuzz_sample(mdir, "figurer", ".csv");
		fuzz_sample(mdir, "figurer", ".xml");
		fuzz_sample(mdir, "register", ".xml");
	}
	memset(&opts, 0, sizeof(opts));
	if (size > 5 && memcmp(s, "base ", 5) == 0) {
		nl = memchr(s, '\n', size);
		base = xstrndup(s + 5, (size_t)((nl ? nl : e) - s - 5));
		/* As site_build refuses one. */
		if (!html_base_url_ok(base))
			goto out;
		opts.base_url = base;
		s = nl ? nl + 1 : e;
		if (e - s >= 4 && memcmp(s, "pdf\n", 4) == 0) {
			opts.pdf = true;
			s += 4;
		}
	}
	fuzz_write(mdir, "arenden/01.md", s, (size_t)(e - s));
	/* As site.c: the public view, then its summary. */
	if ((m = meeting_load(mdir, sdir)) == NULL || !meeting_redact(m))
		goto out;
	sum = sum_from_meeting(m, "regionstyrelsen", "2026-12-08");
	json_meeting(&opts, m, sum, &os);
	if (os.n == 0) {
		fprintf(stderr, "no JSON written for a meeting\n");
		abort();
	}
	for (i = 0; i < os.n; i++) {
		size_t	 n = strlen(os.v[i]->path);

		if (n < 5 || strcmp(os.v[i]->path + n - 5, ".json") != 0)
			refuse(os.v[i], 0, "a file that is not JSON");
		check_json(os.v[i]);
	}
out:
	outset_free(&os);
	if (sum != NULL)
		sum_free(sum);
	meeting_free(m);
	free(base);
	fuzz_reset();
	return 0;
}

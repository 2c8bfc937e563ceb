/* Fuzz target, end to end: the input is the case file of a one-item
 * meeting, which is read, filled into the templates, laid out and
 * written as PDF.  The sample meeting's figure files are beside it
 * (../figurer/), for tables and charts. */
#include "fuzz.h"
#include "../../gen/content/content.h"
#include "../../gen/template/template.h"
#include "../../gen/layout/layout.h"
#include "../../gen/pdf/pdf.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *sdir;
	static char *mdir, *out;
	struct meeting *m;
	struct doc *d = NULL;
	struct fontset *fs = NULL;
	struct pages *p = NULL;

	fuzz_setup();
	if (sdir == NULL) {
		char	*fig;

		sdir = fuzz_schema();
		mdir = xasprintf("%s/m", fuzz_scratch());
		out = xasprintf("%s/pack.pdf", fuzz_scratch());
		fuzz_write_str(mdir, "meeting.xml", fuzz_manifest);
		fig = xasprintf("%s/figurer", mdir);
		fuzz_write_str(fig, "x", "");
		fuzz_sample(mdir, "figurer", "");
		free(fig);
		setenv("SOURCE_DATE_EPOCH", "1796601600", 1);
	}
	fuzz_write(mdir, "arenden/01.md", data, size);
	if ((m = meeting_load(mdir, sdir)) != NULL &&
	    figures_report(m, false) == 0 &&
	    (d = template_pack(m, fuzz_templates(), sdir)) != NULL &&
	    diag_errors() == 0 &&
	    (fs = fontset_new(d)) != NULL &&
	    (p = layout_doc(d, fs)) != NULL)
		pdf_write(out, d, p);
	pages_free(p);
	fontset_free(fs);
	doc_free(d);
	meeting_free(m);
	fuzz_reset();
	return 0;
}

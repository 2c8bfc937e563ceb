/* Fuzz target: a template file.  The input is pack.xml in a copy of
 * the template folder (its <use href> files beside it), filled with a
 * small meeting. */
#include "fuzz.h"
#include "../../gen/content/content.h"
#include "../../gen/template/template.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *sdir;
	static char *tdir;
	static struct meeting *m;
	struct doc *d;

	fuzz_setup();
	if (sdir == NULL) {
		char	*mdir = xasprintf("%s/m", fuzz_scratch());

		sdir = fuzz_schema();
		tdir = xasprintf("%s/t", fuzz_scratch());
		fuzz_copy(fuzz_templates(), tdir, ".xml");
		fuzz_write_str(mdir, "meeting.xml", fuzz_manifest);
		fuzz_write_str(mdir, "arenden/01.md", fuzz_case);
		if ((m = meeting_load(mdir, sdir)) == NULL) {
			diag_flush(stderr);
			exit(2);
		}
		free(mdir);
	}
	fuzz_write(tdir, "pack.xml", data, size);
	d = template_pack(m, tdir, sdir);
	doc_free(d);
	fuzz_reset();
	return 0;
}

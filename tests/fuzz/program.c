/* Fuzz target: the program of the meeting day (program.xml, validated
 * against program.rng), its times checked against a meeting's
 * sessions. */
#include "fuzz.h"
#include "../../gen/content/content.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *sdir;
	static char *path;
	static struct meeting *m;
	struct program *p;

	fuzz_setup();
	if (sdir == NULL) {
		char	*mdir = xasprintf("%s/m", fuzz_scratch());

		sdir = fuzz_schema();
		path = xasprintf("%s/program.xml", mdir);
		fuzz_write_str(mdir, "meeting.xml", fuzz_manifest);
		fuzz_write_str(mdir, "arenden/01.md", fuzz_case);
		if ((m = meeting_load(mdir, sdir)) == NULL) {
			diag_flush(stderr);
			exit(2);
		}
		free(mdir);
	}
	p = program_parse(path, (const char *)data, size, m, sdir);
	program_free(p);
	fuzz_reset();
	return 0;
}

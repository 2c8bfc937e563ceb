/* Fuzz target: the protocol written after a meeting (protokoll.xml,
 * validated against protocol.rng), read and checked against a
 * meeting. */
#include "fuzz.h"
#include "../../gen/content/content.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *sdir;
	static char *path;
	static struct meeting *m;
	struct protocol *p;

	fuzz_setup();
	if (sdir == NULL) {
		char	*mdir = xasprintf("%s/m", fuzz_scratch());

		sdir = fuzz_schema();
		path = xasprintf("%s/protokoll.xml", mdir);
		fuzz_write_str(mdir, "meeting.xml", fuzz_manifest);
		fuzz_write_str(mdir, "arenden/01.md", fuzz_case);
		if ((m = meeting_load(mdir, sdir)) == NULL) {
			diag_flush(stderr);
			exit(2);
		}
		free(mdir);
	}
	if ((p = protocol_parse(path, (const char *)data, size, m, sdir)) !=
	    NULL)
		protocol_check(p, m, 14);
	protocol_free(p);
	fuzz_reset();
	return 0;
}

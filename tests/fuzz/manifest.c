/* Fuzz target: the meeting manifest (meeting.xml, validated against
 * meeting.rng), in a scratch meeting folder that holds two case files
 * and a symbolic link leading out of it. */
#include "fuzz.h"
#include "../../gen/content/content.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *sdir;
	static char *mdir;
	struct meeting *m;

	fuzz_setup();
	if (sdir == NULL) {
		char	*link;

		sdir = fuzz_schema();
		mdir = xasprintf("%s/m", fuzz_scratch());
		fuzz_write_str(mdir, "arenden/01.md", fuzz_case);
		fuzz_write_str(mdir, "arenden/02.md", fuzz_case);
		fuzz_write_str(fuzz_scratch(), "utanfor.md", fuzz_case);
		link = xasprintf("%s/arenden/ut.md", mdir);
		if (symlink("../../utanfor.md", link) != 0)
			perror(link);
		free(link);
	}
	m = meeting_parse(mdir, (const char *)data, size, sdir);
	meeting_free(m);
	fuzz_reset();
	return 0;
}

/* Fuzz target: the organisation profile (organisation.xml, validated
 * against organisation.rng), with a PNG logo, a file that is no PNG
 * and a symbolic link leading out beside it. */
#include "fuzz.h"
#include "../../gen/content/content.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *sdir;
	static char *path;
	struct organisation *o;

	fuzz_setup();
	if (sdir == NULL) {
		char	*dir = xasprintf("%s/m", fuzz_scratch()), *png, *link;
		size_t	 len;

		sdir = fuzz_schema();
		path = xasprintf("%s/organisation.xml", dir);
		if (!file_read(FUZZ_SRCDIR
		    "/content/regionstyrelsen/2026-12-08/logo.png",
		    1u << 20, &png, &len)) {
			png = xstrdup("");
			len = 0;
		}
		fuzz_write(dir, "logo.png", png, len);
		fuzz_write(dir, "logotyp.png", png, len);
		free(png);
		fuzz_write_str(dir, "text.png", "ingen bild\n");
		link = xasprintf("%s/ut.png", dir);
		if (symlink("/etc/passwd", link) != 0)
			perror(link);
		free(link);
		free(dir);
		diag_clear();
	}
	o = organisation_parse(path, (const char *)data, size, sdir);
	organisation_free(o);
	fuzz_reset();
	return 0;
}

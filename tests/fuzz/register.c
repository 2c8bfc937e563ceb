/* Fuzz target: a register file (incoming documents or delegation
 * decisions, validated against register.rng), each entry as the pack
 * prints it, in the full and the public form.  The public form must not
 * hold the text of a secret field (unless that text is also in one of
 * the entry's public parts): any that gets through stops the run. */
#include "fuzz.h"
#include "../../gen/content/content.h"

static int
in(const char *hay, const char *s)
{
	return hay != NULL && strstr(hay, s) != NULL;
}

static void
check_secret(const struct register_entry *e, const struct register_field *f,
    const struct register_field *other, const char *line)
{
	const char *t = f->text;

	if (f->secret == NULL || t == NULL || strlen(t) < 8 ||
	    !in(line, t))
		return;
	if (in(f->note, t) || in(e->date, t) || in(e->from, t) ||
	    in(e->to, t) || in(e->dnr, t) || in(e->type, t) ||
	    (other->secret == NULL && in(other->text, t)))
		return;
	fprintf(stderr, "secret text \"%s\" in the public line \"%s\"\n", t,
	    line);
	abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *sdir;
	struct register_file *r;
	struct block *b;
	size_t	 g, i;

	fuzz_setup();
	if (sdir == NULL)
		sdir = fuzz_schema();
	if ((r = register_parse("register/inkomna.xml", (const char *)data,
	    size, sdir)) != NULL) {
		for (g = 0; g < r->ngroups; g++)
			for (i = 0; i < r->groups[g].nentries; i++) {
				const struct register_entry *e =
				    &r->groups[g].entries[i];
				char	*full = register_entry_text(r, e, false);
				char	*pub = register_entry_text(r, e, true);

				check_secret(e, &e->sender, &e->title, pub);
				check_secret(e, &e->title, &e->sender, pub);
				free(full);
				free(pub);
			}
		blocks_free(register_blocks(r, true));
		b = register_blocks(r, false);
		blocks_free(b);
		register_file_free(r);
	}
	fuzz_reset();
	return 0;
}

/*
 * The organisation profile (organisation.xml): name, logo, addresses,
 * phone, org nr, labels and the staff directory that every template
 * draws on.  A meeting finds it in its own folder or one or two folders
 * above (the body's folder, the organisation's), the nearest first.
 */
#include <limits.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "../util/xml.h"
#include "extern.h"

/* min..max digits, '-', n digits. */
static bool
digits_dash(const char *s, size_t min, size_t max, size_t n)
{
	size_t	 a = strspn(s, "0123456789");

	return a >= min && a <= max && s[a] == '-' &&
	    strspn(s + a + 1, "0123456789") == n && s[a + 1 + n] == '\0';
}

/* A plusgiro number: 2 to 8 digits (groups of two may be separated by
 * spaces, "12 34 56-7"), '-', one check digit. */
static bool
plusgiro_valid(const char *s)
{
	size_t	 n = 0;

	for (; *s >= '0' && *s <= '9'; s++) {
		n++;
		if (s[1] == ' ' && s[2] >= '0' && s[2] <= '9' && n % 2 == 0)
			s++;
	}
	return n >= 2 && n <= 8 && s[0] == '-' && s[1] >= '0' &&
	    s[1] <= '9' && s[2] == '\0';
}

static bool
is_file(const char *p)
{
	struct stat st;

	return stat(p, &st) == 0 && S_ISREG(st.st_mode);
}

/* The logo: a PNG beside the profile (or below it), named without "..". */
static char *
logo_path(struct organisation *o, const char *profile, xmlNodePtr n)
{
	static const unsigned char sig[8] = {
		0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'
	};
	char	*file = xml_attr(n, "file"), *dir, *path = NULL, *slash;
	const char *p;
	unsigned char head[24];
	size_t	 got;
	struct stat st;
	FILE	*fp;

	if (file == NULL)
		return NULL;
	for (p = file; *p != '\0'; p += strcspn(p, "/"), p += *p == '/')
		if (strncmp(p, "..", 2) == 0 && (p[2] == '/' || p[2] == '\0')) {
			diag(DIAG_ERROR, profile, xml_line(n), 0, "logo \"%s\" "
			    "points outside the profile's folder (\"..\"): put "
			    "the PNG beside organisation.xml", file);
			free(file);
			return NULL;
		}
	dir = xstrdup(profile);
	if ((slash = strrchr(dir, '/')) != NULL)
		*slash = '\0';
	path = slash != NULL ? xasprintf("%s/%s", dir, file) : xstrdup(file);
	if (is_file(path) && !path_inside(slash != NULL ? dir : ".", path)) {
		diag(DIAG_ERROR, profile, xml_line(n), 0, "logo \"%s\" leads "
		    "outside the profile's folder through a symbolic link: "
		    "copy the PNG beside organisation.xml", file);
		free(dir);
		free(path);
		free(file);
		return NULL;
	}
	free(dir);
	if (stat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
		diag(DIAG_ERROR, profile, xml_line(n), 0, "logo \"%s\" is %s, "
		    "not a file: name a PNG file relative to organisation.xml",
		    file, file_kind(st.st_mode));
		free(path);
		free(file);
		return NULL;
	}
	if (!is_file(path) || (fp = fopen(path, "rb")) == NULL) {
		diag(DIAG_ERROR, profile, xml_line(n), 0, "logo \"%s\" does not "
		    "exist: name a PNG file relative to organisation.xml",
		    file);
		free(path);
		free(file);
		return NULL;
	}
	if ((got = fread(head, 1, sizeof(head), fp)) < sizeof(sig) ||
	    memcmp(head, sig, sizeof(sig)) != 0) {
		diag(DIAG_ERROR, profile, xml_line(n), 0, "logo \"%s\" is not "
		    "a PNG file: save the logo as PNG", file);
		free(path);
		path = NULL;
	} else if (got == sizeof(head)) {
		/* The first chunk, IHDR: width and height (the writer
		 * checks the rest), for the resolution it prints at. */
		o->logo_w = (unsigned)head[16] << 24 | (unsigned)head[17] << 16 |
		    (unsigned)head[18] << 8 | head[19];
		o->logo_h = (unsigned)head[20] << 24 | (unsigned)head[21] << 16 |
		    (unsigned)head[22] << 8 | head[23];
		o->logo_pos.file = intern(profile);
		o->logo_pos.line = xml_line(n);
	}
	fclose(fp);
	free(file);
	return path;
}

static void
person(struct organisation *o, const char *file, xmlNodePtr n)
{
	struct contact *c;
	size_t	 i;

	if (o->npeople >= CONTENT_MAX_PEOPLE) {
		if (o->npeople++ == CONTENT_MAX_PEOPLE)
			diag(DIAG_ERROR, file, xml_line(n), 0, "more than %d "
			    "people in the staff directory: keep it to those "
			    "who write or sign documents", CONTENT_MAX_PEOPLE);
		return;
	}
	o->people = xrealloc(o->people, (o->npeople + 1) * sizeof(*o->people));
	c = &o->people[o->npeople];
	memset(c, 0, sizeof(*c));
	c->name = content_xml_attr(n, "name");
	c->role = content_xml_attr(n, "title");
	c->phone = xml_attr(n, "phone");
	c->email = xml_attr(n, "email");
	c->pos.file = intern(file);
	c->pos.line = xml_line(n);
	for (i = 0; i < o->npeople; i++)
		if (c->name != NULL && o->people[i].name != NULL &&
		    strcmp(o->people[i].name, c->name) == 0) {
			diag(DIAG_ERROR, file, c->pos.line, 0, "\"%s\" is in "
			    "the staff directory twice (first at line %d): keep "
			    "one entry", c->name, o->people[i].pos.line);
			contact_free(c);
			return;
		}
	o->npeople++;
}

struct organisation *
organisation_load(const char *path, const char *schema_dir)
{
	struct organisation *o;
	char	*data;
	size_t	 len;

	if (!file_read(path, CONTENT_MAX_MANIFEST, &data, &len))
		return NULL;
	o = organisation_parse(path, data, len, schema_dir);
	free(data);
	return o;
}

struct organisation *
organisation_parse(const char *path, const char *data, size_t len,
    const char *schema_dir)
{
	static const struct xml_hint hints[] = {
		{ "email", "write an e-mail address such as "
		    "region@region.example" },
		{ "file", "name a PNG file, e.g. logo.png" },
		{ "organisation", "the elements of <organisation> come in "
		    "this order: name, logo, visit-address, postal-address, "
		    "phone, fax, email, web, orgnr, bankgiro, plusgiro, "
		    "director-title, "
		    "proposal-heading, people, publishing" },
		{ NULL, NULL }
	};
	/* Elements whose text is the profile's, as written. */
	static const struct {
		const char	*name;
		size_t		 off;
	} texts[] = {
		{ "name", offsetof(struct organisation, name) },
		{ "visit-address", offsetof(struct organisation,
		    visit_address) },
		{ "postal-address", offsetof(struct organisation,
		    postal_address) },
		{ "phone", offsetof(struct organisation, phone) },
		{ "web", offsetof(struct organisation, web) },
		{ "fax", offsetof(struct organisation, fax) },
		{ "director-title", offsetof(struct organisation,
		    director_title) },
		{ "proposal-heading", offsetof(struct organisation,
		    proposal_heading) },
	};
	struct organisation *o;
	xmlDocPtr doc;
	xmlNodePtr n, c;
	size_t	 errors = diag_errors();

	doc = content_xml_load(intern(path), data, len, schema_dir,
	    "organisation.rng", hints);
	if (doc == NULL)
		return NULL;
	o = xcalloc(1, sizeof(*o));
	o->path = xstrdup(path);
	o->pos.file = intern(path);
	o->pos.line = 1;
	for (n = xmlFirstElementChild(xmlDocGetRootElement(doc)); n != NULL;
	    n = xmlNextElementSibling(n)) {
		char	**dst = NULL;
		size_t	 i;

		for (i = 0; i < sizeof(texts) / sizeof(texts[0]); i++)
			if (xml_is(n, texts[i].name))
				dst = (char **)((char *)o + texts[i].off);
		if (dst != NULL)
			;
		else if (xml_is(n, "email"))
			o->email = xml_text(n);
		else if (xml_is(n, "orgnr")) {
			o->orgnr = xml_text(n);
			if (!digits_dash(o->orgnr, 6, 6, 4))
				diag(DIAG_ERROR, o->pos.file, xml_line(n), 0,
				    "organisation number \"%s\": write it as "
				    "six digits, '-', four digits, e.g. "
				    "232100-0412", o->orgnr);
		} else if (xml_is(n, "bankgiro")) {
			o->bankgiro = xml_text(n);
			if (!digits_dash(o->bankgiro, 3, 4, 4))
				diag(DIAG_ERROR, o->pos.file, xml_line(n), 0,
				    "bankgiro number \"%s\": write it as three "
				    "or four digits, '-', four digits, e.g. "
				    "5012-3456", o->bankgiro);
		} else if (xml_is(n, "plusgiro")) {
			o->plusgiro = xml_text(n);
			if (!plusgiro_valid(o->plusgiro))
				diag(DIAG_ERROR, o->pos.file, xml_line(n), 0,
				    "plusgiro number \"%s\": write it as two to "
				    "eight digits, '-', one check digit, e.g. "
				    "12 34 56-7 or 4711-2", o->plusgiro);
		}
		else if (xml_is(n, "logo"))
			o->logo = logo_path(o, path, n);
		else if (xml_is(n, "people")) {
			for (c = n->children; c; c = c->next)
				if (xml_is(c, "person"))
					person(o, o->pos.file, c);
		} else if (xml_is(n, "publishing")) {
			char	*ci = xml_attr(n, "closed-items");
			char	*ct = xml_attr(n, "contacts");

			/* The schema allows these values only. */
			if (ci != NULL && strcmp(ci, "omit") == 0)
				o->closed_items = CLOSED_OMIT;
			o->publish_contacts = ct != NULL &&
			    strcmp(ct, "yes") == 0;
			free(ci);
			free(ct);
		}
		if (dst != NULL) {
			free(*dst);
			*dst = content_xml_text(n);
			if (dst == &o->name && utf8_length(o->name,
			    strlen(o->name)) > CONTENT_MAX_NAME)
				diag(DIAG_ERROR, o->pos.file, xml_line(n), 0,
				    "<name> is longer than %d characters: "
				    "shorten it", CONTENT_MAX_NAME);
		}
	}
	xmlFreeDoc(doc);
	if (o->npeople > CONTENT_MAX_PEOPLE)
		o->npeople = CONTENT_MAX_PEOPLE;
	if (diag_errors() > errors) {
		organisation_free(o);
		return NULL;
	}
	return o;
}

int
organisation_find(const char *dir, const char *schema_dir,
    struct organisation **out)
{
	static const char *const up[] = { "", "/..", "/../.." };
	size_t	 i;
	char	*p;

	*out = NULL;
	for (i = 0; i < sizeof(up) / sizeof(up[0]); i++) {
		p = xasprintf("%s%s/organisation.xml", dir, up[i]);
		if (is_file(p)) {
			*out = organisation_load(p, schema_dir);
			free(p);
			return *out != NULL;
		}
		free(p);
	}
	return 1;
}

const struct contact *
organisation_person(const struct organisation *o, const char *name)
{
	size_t	 i;

	for (i = 0; o != NULL && name != NULL && i < o->npeople; i++)
		if (o->people[i].name != NULL &&
		    strcmp(o->people[i].name, name) == 0)
			return &o->people[i];
	return NULL;
}

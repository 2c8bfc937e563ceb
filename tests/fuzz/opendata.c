/* Fuzz target: the site's open data, written from the summaries of its
 * meetings (what the site keeps between runs): the OParl JSON, the CSV
 * of the registers, meetings and cases, the Atom feed and the search
 * index.  The input
 * is one or more summaries, each after a line "\f"; a first part
 * "base URL\n" gives --base-url (if site_build would take it).  Every
 * JSON file must be JSON (RFC 8259, checked strictly here), every CSV
 * file rows of as many fields as its header (RFC 4180), the feed
 * well-formed XML whose root is an Atom feed; anything else stops the
 * run. */
#include <libxml/parser.h>

#include "fuzz.h"
#include "../../gen/html/html.h"
#include "../../gen/html/html_private.h"
#include "json.h"

#define MAX_MEETINGS	8

/* ---- CSV ----------------------------------------------------------- */

/* RFC 4180: fields plain (no quote, comma or line break) or quoted
 * (quotes doubled), rows ended by CRLF, each with the header's number
 * of fields. */
static void
check_csv(const struct outfile *f)
{
	const char *s = f->data.data;
	size_t	 n = f->data.len, i = 0, fields, want = 0;
	bool	 header = true;

	if (n == 0)
		refuse(f, 0, "an empty CSV file (no header)");
	while (i < n) {
		for (fields = 1;; fields++) {
			if (i < n && s[i] == '"') {
				for (i++;; i++) {
					if (i >= n)
						refuse(f, i, "a quoted field "
						    "not closed");
					if (s[i] == '"' && i + 1 < n &&
					    s[i + 1] == '"')
						i++;
					else if (s[i] == '"')
						break;
				}
				i++;
			} else
				while (i < n && s[i] != ',' && s[i] != '"' &&
				    s[i] != '\r' && s[i] != '\n')
					i++;
			if (i < n && s[i] == ',') {
				i++;
				continue;
			}
			if (i + 1 < n && s[i] == '\r' && s[i + 1] == '\n')
				break;
			refuse(f, i, "a field not ended by ',' or CRLF");
		}
		i += 2;
		if (header)
			want = fields;
		else if (fields != want) {
			fprintf(stderr, "%s: a row of %zu fields under a "
			    "header of %zu\n", f->path, fields, want);
			refuse(f, i - 2, "a row of another width");
		}
		header = false;
	}
}

/* ---- Atom ---------------------------------------------------------- */

static void
ignore(void *ctx, const char *msg, ...)
{
	(void)ctx;
	(void)msg;
}

static void
check_atom(const struct outfile *f)
{
	xmlDocPtr doc;
	xmlNodePtr root;

	xmlSetGenericErrorFunc(NULL, ignore);
	doc = xmlReadMemory(f->data.data, (int)f->data.len, f->path, NULL,
	    XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
	if (doc == NULL) {
		const xmlError *e = xmlGetLastError();

		fprintf(stderr, "%s: not well-formed XML: %s", f->path,
		    e != NULL && e->message != NULL ? e->message : "?\n");
		refuse(f, 0, "not XML");
	}
	root = xmlDocGetRootElement(doc);
	if (root == NULL || strcmp((const char *)root->name, "feed") != 0 ||
	    root->ns == NULL || strcmp((const char *)root->ns->href,
	    "http://www.w3.org/2005/Atom") != 0)
		refuse(f, 0, "the root is no Atom feed");
	xmlFreeDoc(doc);
	xmlSetGenericErrorFunc(NULL, NULL);
}

static bool
ends(const char *s, const char *end)
{
	size_t	 n = strlen(s), k = strlen(end);

	return n >= k && strcmp(s + n - k, end) == 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct html_options opts;
	struct sum_meeting *v[MAX_MEETINGS];
	struct site_all all = { &opts, v, 0 };
	struct outset os = { 0 };
	const char *s = (const char *)data, *end = s + size, *e, *nl;
	char	*base = NULL;
	size_t	 i;

	fuzz_setup();
	memset(&opts, 0, sizeof(opts));
	/* Parts: each up to the next line "\f". */
	for (; s < end && all.n < MAX_MEETINGS; s = e + (e < end ? 2 : 0)) {
		for (e = s; e < end; e++)
			if (*e == '\f' && (e == s || e[-1] == '\n') &&
			    e + 1 < end && e[1] == '\n')
				break;
		if (s == (const char *)data && e - s > 5 &&
		    memcmp(s, "base ", 5) == 0 && base == NULL) {
			nl = memchr(s, '\n', (size_t)(e - s));
			base = xstrndup(s + 5, (size_t)((nl ? nl : e) - s - 5));
			/* As site_build refuses one. */
			if (!html_base_url_ok(base))
				goto out;
			opts.base_url = base;
			continue;
		}
		if ((v[all.n] = sum_read(s, (size_t)(e - s))) != NULL)
			all.n++;
	}
	qsort(v, all.n, sizeof(*v), sum_by_body_date);
	csv_registers(&all, &os);
	json_site(&all, &os);
	atom_feed(&all, &os);
	search_index(&all, &os);
	for (i = 0; i < os.n; i++) {
		if (ends(os.v[i]->path, ".json"))
			check_json(os.v[i]);
		else if (ends(os.v[i]->path, ".csv"))
			check_csv(os.v[i]);
		else if (ends(os.v[i]->path, ".atom"))
			check_atom(os.v[i]);
		else
			refuse(os.v[i], 0, "a file of no kind checked here");
	}
	outset_free(&os);
out:
	for (i = 0; i < all.n; i++)
		sum_free(v[i]);
	free(base);
	fuzz_reset();
	return 0;
}

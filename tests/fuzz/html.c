/* Fuzz target: the web site's case text.  The input is the case file of
 * a one-item meeting (with the sample's figure files beside it), read
 * as for the site and written as HTML with its footnotes; the HTML may
 * hold only the elements and attributes the writer makes, and only safe
 * links.  Any other markup that gets through stops the run. */
#include <ctype.h>

#include "fuzz.h"
#include "../../gen/content/content.h"
#include "../../gen/html/html.h"
#include "../../gen/html/html_private.h"

static const char *const elements[] = {
	"p", "br", "hr", "em", "strong", "code", "pre", "blockquote", "ul",
	"ol", "li", "a", "h2", "h3", "h4", "h5", "h6", "table", "caption",
	"thead", "tbody", "tr", "th", "td", "div", "span", "sup", "section",
	NULL
};
static const char *const attributes[] = {
	"class", "colspan", "rowspan", "scope", "start", "type", "href",
	"role", "tabindex", "aria-label", "lang", "id", NULL
};

static int
listed(const char *const *list, const char *s, size_t n)
{
	for (; *list != NULL; list++)
		if (strlen(*list) == n && strncmp(*list, s, n) == 0)
			return 1;
	return 0;
}

static void
refuse(const char *html, size_t at, const char *why)
{
	fprintf(stderr, "markup got through (%s) at byte %zu:\n%.200s\n",
	    why, at, html + at);
	abort();
}

/* Every tag is one the writer makes, every attribute value quoted,
 * every href safe; text holds no '<' or '>' of its own. */
static void
check_html(const char *s, size_t len)
{
	size_t	 i = 0, j, n;

	while (i < len) {
		if (s[i] == '>')
			refuse(s, i, "a bare '>'");
		if (s[i] != '<') {
			i++;
			continue;
		}
		j = i + 1;
		if (j < len && s[j] == '/')
			j++;
		for (n = 0; j + n < len && isalnum((unsigned char)s[j + n]); n++)
			continue;
		if (!listed(elements, s + j, n))
			refuse(s, i, "an element the writer does not make");
		j += n;
		for (;;) {
			while (j < len && s[j] == ' ')
				j++;
			if (j >= len)
				refuse(s, i, "an unclosed tag");
			if (s[j] == '>')
				break;
			for (n = 0; j + n < len && (isalnum((unsigned char)
			    s[j + n]) || s[j + n] == '-'); n++)
				continue;
			if (!listed(attributes, s + j, n))
				refuse(s, j, "an attribute the writer does not make");
			if (j + n + 1 >= len || s[j + n] != '=' ||
			    s[j + n + 1] != '"')
				refuse(s, j, "an attribute without a quoted value");
			{
				const char *v = s + j + n + 2, *e;
				char	*val;

				if ((e = memchr(v, '"', len - (size_t)(v - s))) ==
				    NULL || memchr(v, '<', (size_t)(e - v)) != NULL)
					refuse(s, j, "an attribute value not closed");
				val = xstrndup(v, (size_t)(e - v));
				if (n == 4 && strncmp(s + j, "href", 4) == 0 &&
				    (!html_url_safe(val) ||
				    strncasecmp(val, "javascript", 10) == 0))
					refuse(s, j, "an unsafe link");
				free(val);
				j = (size_t)(e - s) + 1;
			}
		}
		i = j + 1;
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *sdir;
	static char *mdir;
	static struct html_options opts;
	struct meeting *m;
	struct buf b = { 0 };
	struct hctx h;
	size_t	 i, k;

	fuzz_setup();
	if (sdir == NULL) {
		sdir = fuzz_schema();
		mdir = xasprintf("%s/m", fuzz_scratch());
		fuzz_write_str(mdir, "meeting.xml", fuzz_manifest);
		fuzz_sample(mdir, "figurer", ".csv");
		fuzz_sample(mdir, "figurer", ".xml");
	}
	fuzz_write(mdir, "arenden/01.md", data, size);
	if ((m = meeting_load(mdir, sdir)) != NULL) {
		memset(&h, 0, sizeof(h));
		h.opts = &opts;
		h.b = &b;
		h.root = "../../";
		h.m = m;
		h.body_slug = "regionstyrelsen";
		h.date_slug = "2026-12-08";
		for (i = 0; i < m->nitems; i++) {
			const struct agenda_item *it = &m->items[i];

			h.item = it;
			if (it->title != NULL)
				html_text(&h, it->title);
			if (it->cs == NULL)
				continue;
			h.srcfile = it->cs->path;
			/* As on the item's page: the notes after the text. */
			h.notepage = "";
			memset(h.noteseen, 0, sizeof(h.noteseen));
			for (k = 0; k < SECTION__MAX; k++)
				html_blocks(&h, it->cs->sections[k].blocks, 3);
			html_notes(&h, it->cs->notes);
			h.notepage = NULL;
		}
		check_html(b.data ? b.data : "", b.len);
	}
	buf_free(&b);
	meeting_free(m);
	fuzz_reset();
	return 0;
}

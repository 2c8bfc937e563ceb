/*
 * Unit tests of the web site's escaping, link allow-list, summaries and
 * dates (gen/html).
 */
#include <stdlib.h>

#include "../../gen/html/html_private.h"
#include "../../gen/content/content.h"
#include "test.h"

static char *
esc(void (*f)(struct buf *, const char *), const char *s)
{
	struct buf b = { 0 };

	f(&b, s);
	return buf_detach(&b);
}

TEST(html_escaping)
{
	char	*s = esc(html_esc, "<script>a&b</script> \"x\" 'y' åäö");

	CHECK_STR(s, "&lt;script&gt;a&amp;b&lt;/script&gt; &quot;x&quot; "
	    "&#39;y&#39; åäö");
	free(s);
	s = esc(html_esc, "");
	CHECK_STR(s, "");
	free(s);
}

/* Text in another language: <span lang> inline, lang on the block;
 * the tag is escaped like any text. */
TEST(lang_marks)
{
	struct buf b = { 0 };
	struct hctx h;
	struct block *bl = block_new(BLOCK_PARA), *p2 = block_new(BLOCK_PARA);
	struct span *s;
	char	*out;

	memset(&h, 0, sizeof(h));
	h.b = &b;
	bl->spans = s = span_new(SPAN_TEXT, 0, "Han sa ");
	s = s->next = span_new(SPAN_TEXT, 0, "Hei ");
	s->lang = xstrdup("nb");
	s = s->next = span_new(SPAN_TEXT, SPAN_ITALIC, "deg");
	s->lang = xstrdup("nb");
	s = s->next = span_new(SPAN_TEXT, 0, " och ");
	s = s->next = span_new(SPAN_TEXT, 0, "x");
	s->lang = xstrdup("\"><b>");
	bl->next = p2;
	p2->lang = xstrdup("en");
	p2->spans = span_new(SPAN_TEXT, 0, "The board");
	html_blocks(&h, bl, 2);
	out = buf_detach(&b);
	CHECK_STR(out, "<p>Han sa <span lang=\"nb\">Hei <em>deg</em></span> "
	    "och <span lang=\"&quot;&gt;&lt;b&gt;\">x</span></p>\n"
	    "<p lang=\"en\">The board</p>\n");
	free(out);
	blocks_free(bl);
}

/* Footnotes: the first reference is where the note's back-link
 * returns; on the meeting page the number leads to the item's page. */
TEST(footnotes)
{
	struct buf b = { 0 };
	struct hctx h;
	struct block *bl = block_new(BLOCK_PARA);
	struct note *n = xcalloc(1, sizeof(*n));
	struct span *s;
	char	*out;

	memset(&h, 0, sizeof(h));
	h.b = &b;
	bl->spans = s = span_new(SPAN_TEXT, 0, "Lagen");
	s = s->next = span_new(SPAN_NOTEREF, 0, "1");
	s->target = xstrdup("kl");
	s = s->next = span_new(SPAN_TEXT, 0, " och igen");
	s = s->next = span_new(SPAN_NOTEREF, 0, "1");
	s->target = xstrdup("kl");
	n->number = 1;
	n->label = xstrdup("kl");
	n->spans = span_new(SPAN_TEXT, 0, "6 kap. <script>");
	h.notepage = "";
	html_blocks(&h, bl, 2);
	html_notes(&h, n);
	out = buf_detach(&b);
	CHECK_STR(out, "<p>Lagen<sup><a href=\"#fn-1\" id=\"fnref-1\" "
	    "aria-label=\"Fotnot 1\">1</a></sup> och igen<sup><a "
	    "href=\"#fn-1\" aria-label=\"Fotnot 1\">1</a></sup></p>\n"
	    "<section class=\"notes\" aria-label=\"Fotnoter\">\n<ol>\n"
	    "<li id=\"fn-1\">6 kap. &lt;script&gt; <a href=\"#fnref-1\" "
	    "class=\"back\" aria-label=\"Tillbaka till texten\">↩</a></li>\n"
	    "</ol>\n</section>\n");
	free(out);
	/* Elsewhere: to the note on its item's page, no anchor here. */
	h.notepage = "arende-3.html";
	html_blocks(&h, bl, 2);
	out = buf_detach(&b);
	CHECK(strstr(out, "<sup><a href=\"arende-3.html#fn-1\" "
	    "aria-label=\"Fotnot 1\">1</a></sup>") != NULL);
	CHECK(strstr(out, "fnref") == NULL);
	free(out);
	/* Without a page for notes: the bare number. */
	h.notepage = NULL;
	html_blocks(&h, bl, 2);
	out = buf_detach(&b);
	CHECK_STR(out, "<p>Lagen<sup>1</sup> och igen<sup>1</sup></p>\n");
	free(out);
	notes_free(n);
	blocks_free(bl);
}

TEST(json_strings)
{
	char	*s = esc(json_str, "a\"b\\c\nd\t</script>\x01");

	CHECK_STR(s, "\"a\\\"b\\\\c\\nd\\t\\u003c/script>\\u0001\"");
	free(s);
}

TEST(csv_fields)
{
	char	*s = esc(csv_field, "RS/12/2026");

	CHECK_STR(s, "RS/12/2026");
	free(s);
	s = esc(csv_field, "Budget \"2027\", del 1");
	CHECK_STR(s, "\"Budget \"\"2027\"\", del 1\"");
	free(s);
	s = esc(csv_field, "rad\nny");
	CHECK_STR(s, "\"rad\nny\"");
	free(s);
}

TEST(url_allow_list)
{
	CHECK(html_url_safe("https://www.norrbacka.example/a?b=1&c=2"));
	CHECK(html_url_safe("http://example.se"));
	CHECK(html_url_safe("mailto:region@norrbacka.example"));
	CHECK(html_url_safe("handling-1.html"));
	CHECK(html_url_safe("../handlingar/rapport.md#del-2"));
	CHECK(html_url_safe("#punkt-3"));
	CHECK(!html_url_safe("javascript:alert(1)"));
	CHECK(!html_url_safe("JavaScript:alert(1)"));
	CHECK(!html_url_safe("vbscript:x"));
	CHECK(!html_url_safe("data:text/html,hej"));
	CHECK(!html_url_safe("file:///etc/passwd"));
	CHECK(!html_url_safe("//evil.example/x"));
	CHECK(!html_url_safe("java\tscript:x"));
	CHECK(!html_url_safe(" javascript:x"));
	CHECK(!html_url_safe("a\"onmouseover=x"));
	CHECK(!html_url_safe("https://"));
	CHECK(!html_url_safe(""));
	CHECK(!html_url_safe(NULL));
	/* --base-url: absolute, and UTF-8 (it goes into JSON and XML). */
	CHECK(html_base_url_ok("https://norrbacka.example/protokoll/"));
	CHECK(html_base_url_ok("http://example.se/n\xc3\xa4mnder/"));
	CHECK(!html_base_url_ok("protokoll/"));
	CHECK(!html_base_url_ok("mailto:region@norrbacka.example"));
	CHECK(!html_base_url_ok("https://example.se/\xc1\x81/"));
	CHECK(!html_base_url_ok("https://example.se/a b/"));
	CHECK(!html_base_url_ok(""));
}

TEST(slugs)
{
	CHECK(html_slug_ok("regionstyrelsen"));
	CHECK(html_slug_ok("hsn_2"));
	CHECK(!html_slug_ok("Regionstyrelsen"));
	CHECK(!html_slug_ok("nämnd"));
	CHECK(!html_slug_ok("-x"));
	CHECK(!html_slug_ok("a b"));
	CHECK(!html_slug_ok(".."));
	CHECK(!html_slug_ok(""));
}

TEST(summary_round_trip)
{
	struct sum_meeting s = { 0 }, *r;
	struct sum_session ss[1] = { { "08.30", NULL, "Hörsalen\tA", true, false } };
	struct sum_item it[2] = {
		{ 1, AGENDA_PROCEDURAL, "Val av justerare", NULL, NULL, false,
		    false, NULL, NULL },
		{ 3, AGENDA_CASE, "Rad\nmed \\ tecken", "RS/1/2026",
		    "beslut", true, true, NULL, NULL },
	};
	struct buf b = { 0 };

	s.body_slug = "regionstyrelsen";
	s.date_slug = "2026-12-08";
	s.body = "Regionstyrelsen";
	s.organisation = "Region Norrbacka";
	s.date = "2026-12-08";
	s.stamp = "0123456789abcdef";
	s.sessions = ss;
	s.nsessions = 1;
	s.items = it;
	s.nitems = 2;
	sum_write(&b, &s);
	r = sum_read(b.data, b.len);
	CHECK(r != NULL);
	if (r != NULL) {
		CHECK_STR(r->stamp, "0123456789abcdef");
		CHECK_STR(r->organisation, "Region Norrbacka");
		CHECK_INT(r->nsessions, 1);
		CHECK_STR(r->sessions[0].place, "Hörsalen\tA");
		CHECK(r->sessions[0].end == NULL);
		CHECK(r->sessions[0].open);
		CHECK_INT(r->nitems, 2);
		CHECK(r->items[0].dnr == NULL);
		CHECK_STR(r->items[1].title, "Rad\nmed \\ tecken");
		CHECK_INT(r->items[1].number, 3);
		CHECK(r->items[1].closed && r->items[1].page);
		sum_free(r);
	}
	/* Damaged or foreign files are refused, not half read. */
	CHECK(sum_read("x", 1) == NULL);
	/* Cut inside its last line. */
	CHECK(sum_read(b.data, b.len - 3) == NULL);
	buf_free(&b);
}

TEST(summer_time)
{
	CHECK_STR(se_utc_offset("2026-01-15"), "+01:00");
	CHECK_STR(se_utc_offset("2026-03-28"), "+01:00");
	CHECK_STR(se_utc_offset("2026-03-29"), "+02:00");
	CHECK_STR(se_utc_offset("2026-06-10"), "+02:00");
	CHECK_STR(se_utc_offset("2026-10-24"), "+02:00");
	CHECK_STR(se_utc_offset("2026-10-25"), "+01:00");
	CHECK_STR(se_utc_offset("2027-03-28"), "+02:00");
	CHECK_STR(se_utc_offset("2027-03-27"), "+01:00");
	CHECK_STR(se_utc_offset("2026-12-08"), "+01:00");
}

/* The site's last guard over the files made (guard.c). */
static int
outset_clean(const struct outset *os)
{
	size_t	 i, n = 0;

	for (i = 0; i < os->n; i++)
		n += guard_check(NULL, os->v[i]->path, os->v[i]->data.data,
		    os->v[i]->data.len);
	return n == 0;
}

TEST(no_personnummer_in_output)
{
	struct outset os = { 0 };

	buf_puts(outset_add(&os, "a/index.html"), "<p>Inget här.</p>\n");
	buf_puts(outset_add(&os, "a/arende-3.html"), "<p>Rad ett</p>\n"
	    "<p>Dnr RS/1119/2017, 2 512 400 kr, 2026-11-10-2027-01-06.</p>\n");
	diag_clear();
	CHECK(outset_clean(&os));
	CHECK_INT(diag_errors(), 0);
	buf_puts(outset_add(&os, "a/arende-4.html"), "<p>Rad ett</p>\n"
	    "<p>Sökande 811218-9876 bor i Storbacka.</p>\n");
	CHECK(!outset_clean(&os));
	CHECK_INT(diag_errors(), 1);
	CHECK_STR(diag_first(), "a/arende-4.html: error: personnummer "
	    "811218-XXXX would be published in a/arende-4.html: nothing of it "
	    "was written; personal identity numbers are never published: "
	    "remove it, or mark the field or the item secret");
	diag_clear();
	/* As a reader sees it: an entity, a tag inside, an attribute, a
	 * file name, JSON escapes. */
	outset_free(&os);
	buf_puts(outset_add(&os, "b/a.html"), "<p>8112<em>18</em>&#x2011;"
	    "9875</p>");
	buf_puts(outset_add(&os, "b/b.html"), "<img alt=\"811218&#45;9876\">");
	buf_puts(outset_add(&os, "b/811218-9876.html"), "<p></p>");
	buf_puts(outset_add(&os, "b/c.json"), "{\"a\": \"811218\\u002d9876\"}");
	/* Luhn-valid or not, in a table's adjacent cells too. */
	buf_puts(outset_add(&os, "b/d.html"), "<td>200112</td><td>2001</td>"
	    "<p>8112189875 2 512 400</p>");
	buf_puts(outset_add(&os, "b/e.html"), "<a href=\"https://bank.example/"
	    "?id=811218%2D9876\">Banken</a>");
	CHECK(!outset_clean(&os));
	CHECK_INT(diag_errors(), 7);
	diag_clear();
	outset_free(&os);
}

int
main(void)
{
	RUN(html_escaping);
	RUN(lang_marks);
	RUN(footnotes);
	RUN(json_strings);
	RUN(csv_fields);
	RUN(url_allow_list);
	RUN(slugs);
	RUN(summary_round_trip);
	RUN(summer_time);
	RUN(no_personnummer_in_output);
	TEST_END();
}

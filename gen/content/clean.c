/* Cleaning pasted text and typographic punctuation. */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "../util/xml.h"
#include "extern.h"

/* Word's private-use bullets (Symbol and Wingdings glyphs). */
static bool
word_bullet(uint32_t cp)
{
	return cp == 0xf0b7 || cp == 0xf0a7 || cp == 0xf0a8 ||
	    cp == 0xf076 || cp == 0xf0d8;
}

char *
content_clean_text(const char *s)
{
	struct buf b = { 0 };
	size_t	 len = strlen(s), i = 0, n;
	uint32_t cp;

	buf_grow(&b, len);
	while (i < len) {
		/* Ordinary ASCII in bulk: most text is.  The rest one
		 * character at a time: Word's bullets become ours, tabs
		 * spaces, and invisible format characters are left out. */
		for (n = i; n < len && (unsigned char)s[n] < 0x80 &&
		    s[n] != '\t'; n++)
			continue;
		if (n > i) {
			buf_put(&b, s + i, n - i);
			i = n;
			continue;
		}
		if ((n = utf8_decode(s + i, len - i, &cp)) == 0) {
			/* Validated earlier; copy rather than lose it. */
			buf_putc(&b, s[i++]);
			continue;
		}
		if (word_bullet(cp))
			buf_puts(&b, "\xe2\x80\xa2");
		else if (unicode_format_name(cp) != NULL)
			;	/* reported where it was read */
		else if (cp == '\t')
			buf_putc(&b, ' ');
		else
			buf_put(&b, s + i, n);
		i += n;
	}
	if (b.data == NULL)
		return xstrdup("");
	return buf_detach(&b);
}

/* Characters from s to the end of its piece: the word's end, or the
 * start of the address inside it. */
static ptrdiff_t
lim(const char *s, const char *a, const char *e, const char *w)
{
	return s < a && a < e ? a - s : w - s;
}

/* A URL, a web address or an e-mail address. */
static bool
looks_like_address(const char *s, size_t n)
{
	size_t	 i;

	if (n >= 4 && strncmp(s, "www.", 4) == 0)
		return true;
	for (i = 0; i + 2 < n; i++)
		if (s[i] == ':' && s[i + 1] == '/' && s[i + 2] == '/')
			return true;
	for (i = 1; i + 1 < n; i++)
		if (s[i] == '@')
			return true;
	return false;
}

/*
 * Swedish typography: ” on both sides of a quotation, ’ for the
 * apostrophe, – for "--", — for "---" and … for "...".
 */
char *
content_smart(const char *s)
{
	struct buf b = { 0 };
	const char *w, *a, *e;

	buf_grow(&b, strlen(s));
	while (*s != '\0') {
		if (*s == ' ') {
			buf_putc(&b, *s++);
			continue;
		}
		for (w = s; *w != '\0' && *w != ' '; w++)
			continue;
		/* Addresses are copied as written: "a--b" in a URL must
		 * stay what the reader types.  Quotes and punctuation
		 * around one are not part of it. */
		a = s;
		e = w;
		while (a < e && strchr("\"'(<[", *a) != NULL)
			a++;
		while (e > a && strchr("\"'.,;:!?)>]", e[-1]) != NULL)
			e--;
		if (!looks_like_address(a, (size_t)(e - a)))
			a = e = w;
		while (s < w) {
			size_t	 run;

			if (s == a && a < e) {
				buf_put(&b, a, (size_t)(e - a));
				s = e;
				continue;
			}
			/* Up to the next character that may change, in
			 * bulk, stopping at the address. */
			run = strcspn(s, "\"'.- ");
			if (s < a && a < e && (ptrdiff_t)run > a - s)
				run = (size_t)(a - s);
			if ((ptrdiff_t)run > w - s)
				run = (size_t)(w - s);
			if (run > 0) {
				buf_put(&b, s, run);
				s += run;
				continue;
			}
			if (*s == '"') {
				buf_puts(&b, "\xe2\x80\x9d");
				s++;
			} else if (*s == '\'') {
				buf_puts(&b, "\xe2\x80\x99");
				s++;
			} else if (lim(s, a, e, w) >= 3 && strncmp(s, "...", 3) == 0) {
				buf_puts(&b, "\xe2\x80\xa6");
				s += 3;
			} else if (lim(s, a, e, w) >= 3 && strncmp(s, "---", 3) == 0) {
				buf_puts(&b, "\xe2\x80\x94");
				s += 3;
			} else if (lim(s, a, e, w) >= 2 && strncmp(s, "--", 2) == 0) {
				buf_puts(&b, "\xe2\x80\x93");
				s += 2;
			} else
				buf_putc(&b, *s++);
		}
	}
	if (b.data == NULL)
		return xstrdup("");
	return buf_detach(&b);
}

/*
 * Looks for a C0 control character other than tab and newline in
 * s[0..len); sets *off to the first one.  NUL counts.
 */
bool
content_ctrl(const char *s, size_t len, size_t *off)
{
	size_t	 i;

	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c < 0x20 && c != '\t' && c != '\n') {
			*off = i;
			return true;
		}
	}
	return false;
}

char *
content_typeset(const char *raw)
{
	char	*c = content_clean_text(raw), *s = content_smart(c);

	free(c);
	return s;
}

/* Comparison form of a key or label: ASCII and ÅÄÖÉ lowered, blanks
 * collapsed, trimmed, a trailing ':' dropped. */
char *
content_fold(const char *s, size_t len)
{
	struct buf b = { 0 };
	bool	 space = false;
	size_t	 i;

	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c == ' ' || c == '\t') {
			space = true;
			continue;
		}
		if (space && b.len > 0)
			buf_putc(&b, ' ');
		space = false;
		if (c >= 'A' && c <= 'Z')
			buf_putc(&b, c + ('a' - 'A'));
		else if (c == 0xc3 && i + 1 < len &&
		    ((unsigned char)s[i + 1] == 0x85 ||
		    (unsigned char)s[i + 1] == 0x84 ||
		    (unsigned char)s[i + 1] == 0x96 ||
		    (unsigned char)s[i + 1] == 0x89)) {
			buf_putc(&b, c);
			buf_putc(&b, (unsigned char)s[++i] + 0x20);
		} else
			buf_putc(&b, c);
	}
	if (b.len > 0 && b.data[b.len - 1] == ':')
		b.data[--b.len] = '\0';
	if (b.data == NULL)
		return xstrdup("");
	return buf_detach(&b);
}

char *
content_xml_text(xmlNodePtr n)
{
	char	*v = xml_text(n), *s = content_typeset(v);

	free(v);
	return s;
}

xmlDocPtr
content_xml_load(const char *path, const char *data, size_t len,
    const char *schema_dir, const char *schema, const struct xml_hint *hints)
{
	char	*rng;
	xmlDocPtr doc;

	rng = schema_dir != NULL ? xasprintf("%s/%s", schema_dir, schema) :
	    NULL;
	doc = xml_load_memory(path, data, len, rng, hints);
	free(rng);
	return doc;
}

char *
content_xml_attr(xmlNodePtr n, const char *name)
{
	char	*v = xml_attr(n, name), *s;

	if (v == NULL)
		return NULL;
	s = content_typeset(v);
	free(v);
	return s;
}

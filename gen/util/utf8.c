/* UTF-8 decoding, encoding and validation (strict: RFC 3629). */
#include <string.h>

#include "util.h"

size_t
utf8_decode(const char *str, size_t len, uint32_t *cp)
{
	const unsigned char *s = (const unsigned char *)str;
	uint32_t c;
	size_t	 n, i;

	if (len == 0)
		return 0;
	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	} else if (s[0] >= 0xc2 && s[0] <= 0xdf) {
		n = 2;
		c = s[0] & 0x1f;
	} else if (s[0] >= 0xe0 && s[0] <= 0xef) {
		n = 3;
		c = s[0] & 0x0f;
	} else if (s[0] >= 0xf0 && s[0] <= 0xf4) {
		n = 4;
		c = s[0] & 0x07;
	} else
		return 0;
	if (len < n)
		return 0;
	for (i = 1; i < n; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		c = (c << 6) | (s[i] & 0x3f);
	}
	if ((n == 3 && c < 0x800) || (n == 4 && c < 0x10000) ||
	    c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff))
		return 0;
	*cp = c;
	return n;
}

size_t
utf8_encode(uint32_t c, char *out)
{
	unsigned char *o = (unsigned char *)out;

	if (c < 0x80) {
		o[0] = (unsigned char)c;
		return 1;
	} else if (c < 0x800) {
		o[0] = (unsigned char)(0xc0 | (c >> 6));
		o[1] = (unsigned char)(0x80 | (c & 0x3f));
		return 2;
	} else if (c < 0x10000) {
		o[0] = (unsigned char)(0xe0 | (c >> 12));
		o[1] = (unsigned char)(0x80 | ((c >> 6) & 0x3f));
		o[2] = (unsigned char)(0x80 | (c & 0x3f));
		return 3;
	}
	o[0] = (unsigned char)(0xf0 | (c >> 18));
	o[1] = (unsigned char)(0x80 | ((c >> 12) & 0x3f));
	o[2] = (unsigned char)(0x80 | ((c >> 6) & 0x3f));
	o[3] = (unsigned char)(0x80 | (c & 0x3f));
	return 4;
}

size_t
utf8_validate(const char *s, size_t len)
{
	size_t	 i = 0, n;
	uint32_t cp;

	while (i < len) {
		if ((unsigned char)s[i] < 0x80) {
			i++;
			continue;
		}
		if ((n = utf8_decode(s + i, len - i, &cp)) == 0)
			return i;
		i += n;
	}
	return (size_t)-1;
}

size_t
utf8_length(const char *s, size_t len)
{
	size_t	 i, n = 0;

	for (i = 0; i < len; i++)
		if (((unsigned char)s[i] & 0xc0) != 0x80)
			n++;
	return n;
}

void
text_position(const char *s, size_t off, int *line, int *col)
{
	size_t	 i;
	int	 l = 1, c = 1;

	for (i = 0; i < off && s[i] != '\0'; i++) {
		if (s[i] == '\n') {
			l++;
			c = 1;
		} else if (((unsigned char)s[i] & 0xc0) != 0x80)
			c++;
	}
	*line = l;
	*col = c;
}

const char *
text_find_line(const char *s, size_t len, int line, const char **end)
{
	const char *p = s, *e = s + len, *nl;
	int	 l;

	for (l = 1; l < line && p < e; l++) {
		if ((nl = memchr(p, '\n', (size_t)(e - p))) == NULL)
			return NULL;
		p = nl + 1;
	}
	if ((nl = memchr(p, '\n', (size_t)(e - p))) == NULL)
		nl = e;
	*end = nl;
	return p;
}

/*
 * Invisible format characters that change what text shows or how it is
 * ordered without being seen: bidi controls, zero-width spaces, word
 * joiners, a BOM inside text, tags.  Not the joiners U+200C/U+200D that
 * some scripts need, nor the soft hyphen (a hyphenation point).
 */
static const struct {
	uint32_t	 lo, hi;
	const char	*name;
} formats[] = {
	{ 0x061c, 0x061c, "Arabic letter mark" },
	{ 0x180e, 0x180e, "Mongolian vowel separator" },
	{ 0x200b, 0x200b, "zero-width space" },
	{ 0x200e, 0x200e, "left-to-right mark" },
	{ 0x200f, 0x200f, "right-to-left mark" },
	{ 0x202a, 0x202a, "left-to-right embedding" },
	{ 0x202b, 0x202b, "right-to-left embedding" },
	{ 0x202c, 0x202c, "pop directional formatting" },
	{ 0x202d, 0x202d, "left-to-right override" },
	{ 0x202e, 0x202e, "right-to-left override" },
	{ 0x2060, 0x2060, "word joiner" },
	{ 0x2061, 0x2064, "invisible operator" },
	{ 0x2066, 0x2066, "left-to-right isolate" },
	{ 0x2067, 0x2067, "right-to-left isolate" },
	{ 0x2068, 0x2068, "first strong isolate" },
	{ 0x2069, 0x2069, "pop directional isolate" },
	{ 0x206a, 0x206f, "deprecated format character" },
	{ 0xfeff, 0xfeff, "byte order mark" },
	{ 0xfff9, 0xfffb, "interlinear annotation" },
	{ 0xe0001, 0xe007f, "tag character" },
};

const char *
unicode_format_name(uint32_t cp)
{
	size_t	 i;

	if (cp < 0x61c)
		return NULL;
	for (i = 0; i < sizeof(formats) / sizeof(formats[0]); i++)
		if (cp >= formats[i].lo && cp <= formats[i].hi)
			return formats[i].name;
	return NULL;
}

size_t
utf8_find_format(const char *s, size_t len, uint32_t *cp, size_t *n)
{
	size_t	 i = 0, k;
	uint32_t c;

	while (i < len) {
		/* All of them are three or four bytes long: D8 9C, E1 A0 8E,
		 * E2 80/81 .., EF BB BF / EF BF .., F3 A0 ... */
		if ((unsigned char)s[i] < 0xd8) {
			i++;
			continue;
		}
		if ((k = utf8_decode(s + i, len - i, &c)) == 0) {
			i++;
			continue;
		}
		if (unicode_format_name(c) != NULL) {
			*cp = c;
			if (n != NULL)
				*n = k;
			return i;
		}
		i += k;
	}
	return (size_t)-1;
}

/*
 * html: escaping for HTML, XML, JSON and CSV, and which link targets
 * may appear on a public page.  Every text the site writes goes
 * through one of these.
 */
#include <string.h>
#include <strings.h>

#include "html_private.h"

void
html_escn(struct buf *b, const char *s, size_t len)
{
	size_t	 i, run = 0;

	for (i = 0; i < len; i++) {
		const char *rep;

		switch (s[i]) {
		case '&': rep = "&amp;"; break;
		case '<': rep = "&lt;"; break;
		case '>': rep = "&gt;"; break;
		case '"': rep = "&quot;"; break;
		case '\'': rep = "&#39;"; break;
		default: rep = NULL; break;
		}
		if (rep == NULL)
			continue;
		buf_put(b, s + run, i - run);
		buf_puts(b, rep);
		run = i + 1;
	}
	buf_put(b, s + run, len - run);
}

void
html_esc(struct buf *b, const char *s)
{
	if (s != NULL)
		html_escn(b, s, strlen(s));
}

static bool
digit(char c)
{
	return c >= '0' && c <= '9';
}

/* n digits at s. */
static bool
digits(const char *s, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		if (!digit(s[i]))
			return false;
	return true;
}

/* Length of an ISO date at s ("2026-09-29"), or 0. */
static size_t
date_at(const char *s)
{
	return digits(s, 4) && s[4] == '-' && digits(s + 5, 2) &&
	    s[7] == '-' && digits(s + 8, 2) && !digit(s[10]) ? 10 : 0;
}

/* An upper-case letter of a dnr's series (A-Z, Å, Ä, Ö): its bytes, or
 * 0. */
static size_t
series_letter(const char *s)
{
	if (*s >= 'A' && *s <= 'Z')
		return 1;
	if ((unsigned char)s[0] == 0xc3 && ((unsigned char)s[1] == 0x85 ||
	    (unsigned char)s[1] == 0x84 || (unsigned char)s[1] == 0x96))
		return 2;
	return 0;
}

size_t
html_dnr_at(const char *s)
{
	size_t	 i = 0, k, n = 0, d;

	while ((k = series_letter(s + i)) > 0 && n < 10) {
		i += k;
		n++;
	}
	if (n == 0 || s[i] != '/')
		return 0;
	for (d = 0, i++; digit(s[i]) && d < 7; i++, d++)
		;
	if (d == 0 || d > 6 || s[i] != '/' || !digits(s + i + 1, 4) ||
	    digit(s[i + 5]))
		return 0;
	return i + 5;
}

/* Length of a paragraph reference at s ("§ 212", "§§ 3–5"), or 0. */
static size_t
para_at(const char *s)
{
	size_t	 i = 0;

	while (strncmp(s + i, "\xc2\xa7", 2) == 0)
		i += 2;
	if (i == 0)
		return 0;
	if (s[i] == ' ')
		i++;
	else if (strncmp(s + i, "\xc2\xa0", 2) == 0)
		i += 2;
	if (!digit(s[i]))
		return 0;
	while (digit(s[i]))
		i++;
	/* A range: "§§ 3–5", "§ 3-5". */
	if ((strncmp(s + i, "\xe2\x80\x93", 3) == 0 && digit(s[i + 3])) ||
	    (s[i] == '-' && digit(s[i + 1]))) {
		i += s[i] == '-' ? 1 : 3;
		while (digit(s[i]))
			i++;
	}
	return i;
}

void
html_text_nb(struct buf *b, const char *s)
{
	size_t	 i, run = 0, n;
	bool	 after_word = false;

	if (s == NULL)
		return;
	for (i = 0; s[i] != '\0'; ) {
		n = 0;
		if (!after_word)
			n = para_at(s + i);
		if (n == 0 && !after_word)
			n = date_at(s + i);
		if (n == 0 && !after_word)
			n = html_dnr_at(s + i);
		if (n > 0) {
			html_escn(b, s + run, i - run);
			buf_puts(b, "<span class=\"nw\">");
			html_escn(b, s + i, n);
			buf_puts(b, "</span>");
			i += n;
			run = i;
			after_word = false;
			continue;
		}
		/* Only at the start of a word (a date inside a number or a
		 * series inside a word is not one). */
		after_word = digit(s[i]) || (s[i] >= 'A' && s[i] <= 'Z') ||
		    (s[i] >= 'a' && s[i] <= 'z') || ((unsigned char)s[i] >= 0x80);
		i++;
	}
	html_escn(b, s + run, i - run);
}

void
xml_esc(struct buf *b, const char *s)
{
	/* The same five entities are XML's own. */
	html_esc(b, s);
}

bool
html_url_safe(const char *t)
{
	const unsigned char *p;
	size_t	 i;

	if (t == NULL || *t == '\0')
		return false;
	for (p = (const unsigned char *)t; *p != '\0'; p++)
		if (*p <= 0x20 || *p == 0x7f || *p == '\\' || *p == '"' ||
		    *p == '<' || *p == '>' || *p == '\'' || *p == '`')
			return false;
	if (strncasecmp(t, "http://", 7) == 0 ||
	    strncasecmp(t, "https://", 8) == 0)
		return t[strncasecmp(t, "http://", 7) == 0 ? 7 : 8] != '\0';
	if (strncasecmp(t, "mailto:", 7) == 0)
		return t[7] != '\0';
	/* Relative: no scheme, i.e. no ':' before the first / ? #, and
	 * not "//host" (which leaves the site). */
	if (t[0] == '/' && t[1] == '/')
		return false;
	i = strcspn(t, ":/?#");
	return t[i] != ':';
}

bool
html_base_url_ok(const char *u)
{
	return u != NULL && utf8_validate(u, strlen(u)) == (size_t)-1 &&
	    html_url_safe(u) && (strncasecmp(u, "http://", 7) == 0 ||
	    strncasecmp(u, "https://", 8) == 0);
}

void
json_str(struct buf *b, const char *s)
{
	const unsigned char *p;

	buf_putc(b, '"');
	for (p = (const unsigned char *)(s ? s : ""); *p != '\0'; p++) {
		switch (*p) {
		case '"': buf_puts(b, "\\\""); break;
		case '\\': buf_puts(b, "\\\\"); break;
		case '\n': buf_puts(b, "\\n"); break;
		case '\r': buf_puts(b, "\\r"); break;
		case '\t': buf_puts(b, "\\t"); break;
		case '<':
			/* Safe to inline in a page, too. */
			buf_puts(b, "\\u003c");
			break;
		default:
			if (*p < 0x20)
				buf_printf(b, "\\u%04x", *p);
			else
				buf_putc(b, *p);
		}
	}
	buf_putc(b, '"');
}

void
csv_field(struct buf *b, const char *s)
{
	const char *p;

	bool	 formula;

	if (s == NULL)
		s = "";
	/* A spreadsheet runs a cell that starts with one of these as a
	 * formula (CSV injection): such a cell starts with ' instead,
	 * which spreadsheets show as text and do not display. */
	formula = *s != '\0' && strchr("=+-@\t\r", *s) != NULL;
	/* Quoted when it holds a separator (',' and the ';' Swedish
	 * spreadsheets use), a quote or a line break. */
	if (!formula && strpbrk(s, ",\"\r\n;") == NULL) {
		buf_puts(b, s);
		return;
	}
	buf_putc(b, '"');
	if (formula)
		buf_putc(b, '\'');
	for (p = s; *p != '\0'; p++) {
		if (*p == '"')
			buf_putc(b, '"');
		buf_putc(b, *p);
	}
	buf_putc(b, '"');
}

bool
html_slug_ok(const char *s)
{
	size_t	 n;

	if (s == NULL || *s == '\0' || *s == '-' || *s == '.')
		return false;
	n = strspn(s, "abcdefghijklmnopqrstuvwxyz0123456789-_");
	return s[n] == '\0' && n <= 64;
}

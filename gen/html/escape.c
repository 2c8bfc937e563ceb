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

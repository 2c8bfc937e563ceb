/*
 * A content stream of a PDF made elsewhere, token by token, and the
 * matrices its operators combine: one reader for the scan of its text
 * (pdftext.c) and for its retagging (pdf/retag.c).  Each token's place
 * in the input is kept, so a caller can copy operators as they stand.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "pdfin.h"

static bool
is_space(unsigned char c)
{
	return c == 0 || c == '\t' || c == '\n' || c == '\f' || c == '\r' ||
	    c == ' ';
}

static bool
is_delim(unsigned char c)
{
	return c == '(' || c == ')' || c == '<' || c == '>' || c == '[' ||
	    c == ']' || c == '{' || c == '}' || c == '/' || c == '%';
}

static bool
is_numchar(unsigned char c)
{
	return c == '+' || c == '-' || c == '.' || (c >= '0' && c <= '9');
}

int
pdflex_hexdigit(unsigned char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* A literal string from its '(': escapes decoded, nested parentheses
 * kept. */
static void
literal(struct pdflex *l)
{
	const unsigned char *s = l->s;
	size_t	 n = l->len, i;
	int	 depth = 1;
	unsigned char c;

	for (i = l->at + 1; i < n; i++) {
		c = s[i];
		if (c == '\\' && i + 1 < n) {
			c = s[++i];
			switch (c) {
			case 'n': c = '\n'; break;
			case 'r': c = '\r'; break;
			case 't': c = '\t'; break;
			case 'b': c = '\b'; break;
			case 'f': c = '\f'; break;
			case '\r':
				if (i + 1 < n && s[i + 1] == '\n')
					i++;
				continue;
			case '\n':
				continue;
			default:
				if (c >= '0' && c <= '7') {
					int	 v = c - '0', k;

					for (k = 1; k < 3 && i + 1 < n &&
					    s[i + 1] >= '0' && s[i + 1] <= '7';
					    k++)
						v = v * 8 + s[++i] - '0';
					c = (unsigned char)v;
				}
			}
			buf_put(&l->str, &c, 1);
			continue;
		}
		if (c == '(')
			depth++;
		else if (c == ')' && --depth == 0)
			break;
		buf_put(&l->str, &c, 1);
	}
	l->at = i < n ? i + 1 : n;
}

/* A hexadecimal string from its '<'; an odd last digit is followed
 * by 0. */
static void
hexstring(struct pdflex *l)
{
	const unsigned char *s = l->s;
	size_t	 n = l->len, i;
	int	 hi = -1, v;
	char	 b;

	for (i = l->at + 1; i < n && s[i] != '>'; i++) {
		if ((v = pdflex_hexdigit(s[i])) < 0)
			continue;
		if (hi < 0)
			hi = v;
		else {
			b = (char)(hi << 4 | v);
			buf_put(&l->str, &b, 1);
			hi = -1;
		}
	}
	if (hi >= 0) {
		b = (char)(hi << 4);
		buf_put(&l->str, &b, 1);
	}
	l->at = i < n ? i + 1 : n;
}

/* Inline image data, after ID: up to "EI" with white space before it
 * and white space, a delimiter or the end after it. */
static void
image(struct pdflex *l)
{
	const unsigned char *s = l->s;
	size_t	 p;

	for (p = l->at + 1; p + 2 <= l->len; p++)
		if (s[p] == 'E' && s[p + 1] == 'I' && is_space(s[p - 1]) &&
		    (p + 2 == l->len || is_space(s[p + 2]) ||
		    is_delim(s[p + 2]))) {
			l->at = p + 2;
			return;
		}
	l->at = l->len;
}

enum pdflex_tok
pdflex_next(struct pdflex *l)
{
	const unsigned char *s = l->s;
	size_t	 n = l->len, i, k;
	unsigned char c;
	char	 tmp[64];

	for (;;) {
		while (l->at < n && is_space(s[l->at]))
			l->at++;
		if (l->at < n && s[l->at] == '%') {
			while (l->at < n && s[l->at] != '\n' && s[l->at] != '\r')
				l->at++;
			continue;
		}
		break;
	}
	l->start = l->at;
	l->str.len = 0;
	if (l->at >= n)
		return l->tok = PDFLEX_END;
	c = s[l->at];
	switch (c) {
	case '(':
		literal(l);
		return l->tok = PDFLEX_STR;
	case '<':
		if (l->at + 1 < n && s[l->at + 1] == '<') {
			l->at += 2;
			return l->tok = PDFLEX_OTHER;
		}
		hexstring(l);
		return l->tok = PDFLEX_STR;
	case '>':
		l->at += l->at + 1 < n && s[l->at + 1] == '>' ? 2 : 1;
		return l->tok = PDFLEX_OTHER;
	case '[':
		l->at++;
		return l->tok = PDFLEX_ABEGIN;
	case ']':
		l->at++;
		return l->tok = PDFLEX_AEND;
	case '{': case '}': case ')':
		l->at++;
		return l->tok = PDFLEX_OTHER;
	case '/':
		for (i = l->at + 1; i < n && !is_space(s[i]) && !is_delim(s[i]);
		    i++)
			;
		buf_put(&l->str, s + l->at + 1, i - l->at - 1);
		l->at = i;
		return l->tok = PDFLEX_NAME;
	}
	for (i = l->at; i < n && !is_space(s[i]) && !is_delim(s[i]); i++)
		;
	if (is_numchar(c)) {
		/* Its value: the sign, digits and point it begins with. */
		for (k = 0; k < sizeof(tmp) - 1 && l->at + k < i &&
		    is_numchar(s[l->at + k]); k++)
			tmp[k] = (char)s[l->at + k];
		tmp[k] = '\0';
		l->num = strtod(tmp, NULL);
		if (!isfinite(l->num))
			l->num = 0;
		l->at = i;
		return l->tok = PDFLEX_NUM;
	}
	buf_put(&l->str, s + l->at, i - l->at);
	l->at = i;
	if (l->str.len == 2 && memcmp(l->str.data, "ID", 2) == 0) {
		/* The data is not tokens: it goes as one. */
		image(l);
		l->str.len = 0;
		return l->tok = PDFLEX_IMAGE;
	}
	return l->tok = PDFLEX_OP;
}

bool
pdflex_is(const struct pdflex *l, const char *op)
{
	size_t	 n = strlen(op);

	return l->tok == PDFLEX_OP && l->str.len == n &&
	    memcmp(l->str.data, op, n) == 0;
}

void
pdf_mat_mul(const double a[6], const double b[6], double r[6])
{
	double	 t[6];

	t[0] = a[0] * b[0] + a[1] * b[2];
	t[1] = a[0] * b[1] + a[1] * b[3];
	t[2] = a[2] * b[0] + a[3] * b[2];
	t[3] = a[2] * b[1] + a[3] * b[3];
	t[4] = a[4] * b[0] + a[5] * b[2] + b[4];
	t[5] = a[4] * b[1] + a[5] * b[3] + b[5];
	memcpy(r, t, sizeof(t));
}

void
pdf_mat_translate(double m[6], double tx, double ty)
{
	double	 t[6] = { 1, 0, 0, 1, tx, ty };

	pdf_mat_mul(t, m, m);
}

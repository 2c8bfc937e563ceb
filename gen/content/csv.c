/*
 * CSV as officials export it: Swedish Excel (";" separator, decimal
 * comma, Windows-1252 or UTF-8 with or without a BOM) and the plain ","
 * dialect, quoted fields with embedded newlines.  The dialect is found
 * from the file or declared; when the file does not say it unambiguously
 * that is an error naming how to declare it, never a guess.
 */
#include <stdlib.h>
#include <string.h>

#include "figure_private.h"

/* Windows-1252 0x80..0x9F; 0: undefined. */
static const uint16_t cp1252_hi[32] = {
	0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021,
	0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017d, 0,
	0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014,
	0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0, 0x017e, 0x0178
};

static const char decl_hint[] =
    "declare it in an XML figure file: <csv href=\"...\" separator=\";\" "
    "decimal=\",\" encoding=\"windows-1252\"/>";

char *
csv_cp1252(const char *path, const char *data, size_t len, size_t *outlen)
{
	struct buf b = { 0 };
	char	 enc[4];
	size_t	 i;
	int	 line = 1, col = 1;
	unsigned char c;
	uint32_t cp;

	buf_grow(&b, len + len / 4 + 1);
	for (i = 0; i < len; i++) {
		c = (unsigned char)data[i];
		if (c < 0x80)
			cp = c;
		else if (c < 0xa0)
			cp = cp1252_hi[c - 0x80];
		else
			cp = c;
		if (cp == 0) {
			diag(DIAG_ERROR, path, line, col, "byte 0x%02X is not "
			    "a Windows-1252 character: the file is in another "
			    "encoding; save it as UTF-8 or Windows-1252", c);
			buf_free(&b);
			return NULL;
		}
		buf_put(&b, enc, utf8_encode(cp, enc));
		if (c == '\n') {
			line++;
			col = 1;
		} else
			col++;
	}
	*outlen = b.len;
	return buf_detach(&b);
}

/* True if s holds a UTF-8 sequence of two bytes or more. */
static bool
has_utf8_multibyte(const char *s, size_t len)
{
	uint32_t cp;
	size_t	 i, n;

	for (i = 0; i < len; i++) {
		if ((unsigned char)s[i] < 0x80)
			continue;
		if ((n = utf8_decode(s + i, len - i, &cp)) >= 2)
			return true;
	}
	return false;
}

static const char *
sep_name(char sep)
{
	return sep == ';' ? ";" : sep == ',' ? "," : "tab";
}

/* Fields of one record, splitting on sep; stops at the record's end.
 * Returns the number of fields, or -1 for an unterminated quote. */
static long
count_fields(const char *s, size_t len, size_t *off, char sep)
{
	size_t	 i = *off;
	long	 n = 1;
	bool	 q = false, start = true;

	for (; i < len; i++) {
		if (q) {
			if (s[i] == '"') {
				if (i + 1 < len && s[i + 1] == '"')
					i++;
				else
					q = false;
			}
			continue;
		}
		if (s[i] == '"' && start) {
			q = true;
			start = false;
			continue;
		}
		start = false;
		if (s[i] == sep) {
			n++;
			start = true;
		} else if (s[i] == '\n') {
			i++;
			break;
		}
	}
	*off = i;
	return q ? -1 : n;
}

/*
 * The separator whose field count is the same (and above one) on every
 * record of the first lines.  Reports and returns 0 when none or more
 * than one fits.
 */
static char
detect_sep(const char *path, const char *s, size_t len)
{
	static const char cands[] = { ';', ',', '\t' };
	long	 first[3], n;
	bool	 consistent[3], seen[3];
	size_t	 off, k, recs;
	int	 nfit = 0, fit = -1, bad_line[3];

	for (k = 0; k < 3; k++) {
		consistent[k] = true;
		seen[k] = false;
		first[k] = -1;
		bad_line[k] = 0;
		for (off = 0, recs = 0; off < len && recs < 200; recs++) {
			size_t	 start = off;
			int	 l, c;

			if ((n = count_fields(s, len, &off, cands[k])) < 0)
				break;
			if (off == start + 1 && s[start] == '\n')
				continue;	/* blank line */
			if (n > 1)
				seen[k] = true;
			if (first[k] < 0)
				first[k] = n;
			else if (n != first[k] && consistent[k]) {
				consistent[k] = false;
				text_position(s, start, &l, &c);
				bad_line[k] = l;
			}
		}
		if (seen[k] && consistent[k] && first[k] > 1) {
			nfit++;
			fit = (int)k;
		}
	}
	if (nfit == 1)
		return cands[fit];
	if (nfit > 1) {
		diag(DIAG_ERROR, path, 1, 0, "cannot tell the separator: more "
		    "than one of \";\", \",\" and tab splits every line into "
		    "the same number of fields; %s", decl_hint);
		return 0;
	}
	if (!seen[0] && !seen[1] && !seen[2])
		return ';';	/* one column: any will do */
	for (k = 0; k < 3; k++)
		if (seen[k]) {
			diag(DIAG_ERROR, path, bad_line[k], 0, "this line has "
			    "a different number of \"%s\"-separated fields "
			    "than line 1: every line of a table needs the "
			    "same number of fields (quote fields that hold "
			    "the separator); if the separator is another, %s",
			    sep_name(cands[k]), decl_hint);
			return 0;
		}
	return 0;
}

/*
 * The decimal mark of a tab-separated file: the one numbers use.  For
 * ";" it is the comma and for "," the point, as the two dialects write.
 */
static char
detect_decimal(const char *path, const struct csv *c)
{
	size_t	 i, k;
	double	 v;
	int	 d, comma = 0, point = 0;
	const struct csv_field *fc = NULL, *fp = NULL;

	if (c->d.sep == ';')
		return ',';
	if (c->d.sep == ',')
		return '.';
	for (i = 0; i < c->nrec; i++)
		for (k = 0; k < c->rec[i].n; k++) {
			const struct csv_field *f = &c->rec[i].f[k];

			if (sv_parse_number(f->text, ',', &v, &d, NULL) &&
			    d > 0 && !sv_parse_number(f->text, '.', &v, &d,
			    NULL)) {
				comma++;
				fc = f;
			} else if (sv_parse_number(f->text, '.', &v, &d,
			    NULL) && d > 0) {
				point++;
				fp = f;
			}
		}
	if (comma > 0 && point > 0) {
		diag(DIAG_ERROR, path, fp->line, fp->col, "cannot tell the "
		    "decimal mark: \"%s\" has a point and \"%s\" (line %d) a "
		    "comma; %s", fp->text, fc->text, fc->line, decl_hint);
		return 0;
	}
	return point > 0 ? '.' : ',';
}

static void
add_field(struct csv_record *r, struct buf *b, int line, int col)
{
	r->f = xrealloc(r->f, (r->n + 1) * sizeof(*r->f));
	r->f[r->n].text = b->data ? buf_detach(b) : xstrdup("");
	r->f[r->n].line = line;
	r->f[r->n].col = col;
	r->n++;
}

/* Splits UTF-8 text s into records; positions in code points. */
static int
split(struct csv *c, const char *s, size_t len)
{
	struct buf b = { 0 };
	struct csv_record *r = NULL;
	size_t	 i = 0, cap = 0, ncells = 0;
	int	 line = 1, col = 1, fline = 1, fcol = 1, qline = 0, qcol = 0;
	bool	 q = false, quoted = false, after = false, ok = true;
	const char *path = c->path;
	char	 sep = c->d.sep;

	for (;;) {
		unsigned char ch = i < len ? (unsigned char)s[i] : 0;

		if (r == NULL) {
			if (i >= len)
				break;
			if (c->nrec == FIG_MAX_ROWS) {
				diag(DIAG_ERROR, path, line, 0, "more than %d "
				    "lines: split the table", FIG_MAX_ROWS);
				ok = false;
				break;
			}
			if (c->nrec == cap) {
				/* Doubling: 100 000 lines in linear time. */
				cap = cap ? cap * 2 : 64;
				c->rec = xrealloc(c->rec, cap *
				    sizeof(*c->rec));
			}
			r = &c->rec[c->nrec++];
			memset(r, 0, sizeof(*r));
			r->line = line;
			fline = line;
			fcol = col;
			quoted = after = false;
		}
		if (q) {
			if (i >= len) {
				diag(DIAG_ERROR, path, qline, qcol, "the quote "
				    "opened here is never closed: end the "
				    "field with \"");
				ok = false;
				break;
			}
			if (ch == '"') {
				if (i + 1 < len && s[i + 1] == '"') {
					buf_putc(&b, '"');
					i += 2;
					col += 2;
					continue;
				}
				q = false;
				after = true;
				i++;
				col++;
				continue;
			}
		} else if (i >= len || ch == '\n' || (unsigned char)ch == sep) {
			if (utf8_length(b.data ? b.data : "", b.len) >
			    FIG_MAX_CELL) {
				diag(DIAG_ERROR, path, fline, fcol, "field "
				    "longer than %d characters", FIG_MAX_CELL);
				ok = false;
				break;
			}
			add_field(r, &b, fline, fcol);
			if (++ncells > FIG_MAX_CELLS) {
				diag(DIAG_ERROR, path, fline, fcol, "more than "
				    "%d cells in the file: split the table",
				    FIG_MAX_CELLS);
				ok = false;
				break;
			}
			if (r->n > FIG_MAX_COLS) {
				diag(DIAG_ERROR, path, fline, fcol, "more than "
				    "%d fields on one line", FIG_MAX_COLS);
				ok = false;
				break;
			}
			if (i >= len || ch == '\n') {
				/* Blank lines are skipped. */
				if (r->n == 1 && r->f[0].text[0] == '\0' &&
				    !quoted) {
					free(r->f[0].text);
					free(r->f);
					c->nrec--;
				}
				r = NULL;
				if (i >= len)
					break;
				line++;
				col = 1;
				i++;
				continue;
			}
			quoted = after = false;
			i++;
			col++;
			fline = line;
			fcol = col;
			continue;
		} else if (after) {
			diag(DIAG_ERROR, path, line, col, "text after the "
			    "closing quote of a field: put the whole field in "
			    "quotes and double any \" inside it");
			ok = false;
			break;
		} else if (ch == '"' && b.len == 0 && !quoted) {
			q = quoted = true;
			qline = line;
			qcol = col;
			i++;
			col++;
			continue;
		}
		if (ch < 0x20 && ch != '\t' && ch != '\n') {
			diag(DIAG_ERROR, path, line, col, "control character "
			    "U+%04X in the file: remove it", ch);
			ok = false;
			break;
		}
		buf_putc(&b, (char)ch);
		if (ch == '\n') {
			line++;
			col = 1;
		} else if ((ch & 0xc0) != 0x80)
			col++;
		i++;
	}
	buf_free(&b);
	return ok;
}

struct csv *
csv_parse(const char *path, const char *data, size_t len,
    const struct csv_dialect *decl)
{
	struct csv *c = xcalloc(1, sizeof(*c));
	struct buf norm = { 0 };
	char	*conv = NULL;
	const char *s = data;
	size_t	 n = len, bad, i;
	uint32_t cp;
	int	 line, col;
	enum csv_encoding enc = decl ? decl->encoding : CSV_ENC_DETECT;

	c->path = intern(path);
	if (decl != NULL)
		c->d = *decl;
	if (n >= 3 && memcmp(s, "\xef\xbb\xbf", 3) == 0) {
		if (enc == CSV_ENC_CP1252) {
			diag(DIAG_ERROR, path, 1, 1, "the file starts with a "
			    "UTF-8 byte order mark but is declared "
			    "windows-1252: declare encoding=\"utf-8\"");
			goto fail;
		}
		s += 3;
		n -= 3;
		enc = CSV_ENC_UTF8;
	}
	if (enc == CSV_ENC_DETECT) {
		/* Valid UTF-8 is UTF-8.  Bytes that are not UTF-8 in a
		 * file without a single UTF-8 sequence are Windows-1252
		 * (Swedish Excel); a mix of both is neither. */
		if ((bad = utf8_validate(s, n)) == (size_t)-1)
			enc = CSV_ENC_UTF8;
		else if (!has_utf8_multibyte(s, n))
			enc = CSV_ENC_CP1252;
		else {
			text_position(s, bad, &line, &col);
			diag(DIAG_ERROR, path, line, col, "invalid UTF-8 in a "
			    "file that is otherwise UTF-8: save the file again "
			    "as UTF-8, or %s", decl_hint);
			goto fail;
		}
	}
	if (enc == CSV_ENC_CP1252) {
		if ((conv = csv_cp1252(path, s, n, &n)) == NULL)
			goto fail;
		s = conv;
	} else if ((bad = utf8_validate(s, n)) != (size_t)-1) {
		text_position(s, bad, &line, &col);
		diag(DIAG_ERROR, path, line, col, "invalid UTF-8: save the "
		    "file as UTF-8, or declare encoding=\"windows-1252\"");
		goto fail;
	}
	c->d.encoding = enc;
	/* CR LF and lone CR end lines like LF. */
	buf_grow(&norm, n + 1);
	for (i = 0; i < n; i++) {
		if (s[i] == '\r') {
			buf_putc(&norm, '\n');
			if (i + 1 < n && s[i + 1] == '\n')
				i++;
		} else if (s[i] == '\0') {
			text_position(s, i, &line, &col);
			diag(DIAG_ERROR, path, line, col, "NUL byte in the "
			    "file: it is not a text file");
			goto fail;
		} else
			buf_putc(&norm, s[i]);
	}
	/* Labels and numbers must show what they hold: no bidi control
	 * may reorder them, no zero-width character hide a part. */
	if (norm.len > 0 && (bad = utf8_find_format(norm.data, norm.len, &cp,
	    NULL)) != (size_t)-1) {
		text_position(norm.data, bad, &line, &col);
		diag(DIAG_ERROR, path, line, col, "invisible format character "
		    "U+%04X (%s): delete it (a label or number must show all "
		    "it holds)", (unsigned)cp, unicode_format_name(cp));
		goto fail;
	}
	if (c->d.sep == 0 &&
	    (c->d.sep = detect_sep(path, norm.data, norm.len)) == 0)
		goto fail;
	if (!split(c, norm.data, norm.len))
		goto fail;
	if (c->d.decimal == 0 && (c->d.decimal = detect_decimal(path, c)) == 0)
		goto fail;
	buf_free(&norm);
	free(conv);
	return c;
fail:
	buf_free(&norm);
	free(conv);
	csv_free(c);
	return NULL;
}

struct csv *
csv_load(const char *path, const struct csv_dialect *decl)
{
	struct csv *c;
	char	*data;
	size_t	 len;

	if (!file_read(path, FIG_MAX_FILE, &data, &len))
		return NULL;
	c = csv_parse(path, data, len, decl);
	free(data);
	return c;
}

void
csv_free(struct csv *c)
{
	size_t	 i, k;

	if (c == NULL)
		return;
	for (i = 0; i < c->nrec; i++) {
		for (k = 0; k < c->rec[i].n; k++)
			free(c->rec[i].f[k].text);
		free(c->rec[i].f);
	}
	free(c->rec);
	free(c);
}

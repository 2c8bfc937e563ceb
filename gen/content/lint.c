/*
 * Lints: what `check' reports beyond what reading needs.  Reading
 * stops at what makes a pack impossible; these find what makes a pack
 * wrong: missing sections, unfilled template hints, phone numbers and
 * e-mail addresses that are malformed or belong to someone else, a
 * handläggare nobody can reach, a document nobody signed, dates that
 * do not exist.  docs/check.md lists every lint with its level.
 *
 * Texts are scanned as written (not as typeset), so every finding has
 * the exact line and column of the source.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "../util/xml.h"
#include "extern.h"

/* Findings reported per file: a file full of one mistake says so
 * without burying everything else, and the rest of it is not scanned. */
#define LINT_MAX_PER_FILE	50
/* Longest template hint recognised, in bytes. */
#define HINT_MAX		200

/* A source file as written: BOM removed, line ends made LF (as the
 * readers see it, so lines agree with theirs). */
struct text {
	const char	*file;		/* interned */
	char		*data;
	size_t		 len;
	size_t		*lines;		/* offset of each line's start */
	size_t		 nlines;
};

struct lint {
	const struct meeting *m;
	struct text	*texts;
	size_t		 ntexts;
	int		 found;		/* findings in the current file */
};

/* ------------------------------------------------------------------ */
/* Characters. */

/* Letters and digits (of any script) make words; spaces, punctuation
 * and symbols do not. */
static bool
cp_word(uint32_t cp)
{
	if (cp < 0x80)
		return isalnum((int)cp) != 0;
	if (cp < 0xc0 || cp == 0xd7 || cp == 0xf7)
		return false;
	if (cp >= 0x2000 && cp <= 0x2bff)
		return false;
	return true;
}

/* Is the character ending just before s[i] part of a word? */
static bool
word_before(const char *s, size_t i)
{
	size_t	 j = i;
	uint32_t cp;

	if (i == 0)
		return false;
	while (j > 0 && i - j < 4 && ((unsigned char)s[j - 1] & 0xc0) == 0x80)
		j--;
	if (j == 0)
		return false;
	j--;
	if (utf8_decode(s + j, i - j, &cp) == 0)
		return false;
	return cp_word(cp);
}

static bool
word_at(const char *s, size_t len, size_t i)
{
	uint32_t cp;

	if (i >= len || utf8_decode(s + i, len - i, &cp) == 0)
		return false;
	return cp_word(cp);
}

/* Lower case of one character at s for comparisons: ASCII and the
 * Latin-1 capitals (Å Ä Ö É). */
static size_t
fold_cp(const char *s, size_t len, uint32_t *cp)
{
	size_t	 n = utf8_decode(s, len, cp);

	if (n == 0)
		return 0;
	if (*cp >= 'A' && *cp <= 'Z')
		*cp += 'a' - 'A';
	else if (*cp >= 0xc0 && *cp <= 0xde && *cp != 0xd7)
		*cp += 0x20;
	return n;
}

/* Length of s[0..len) that equals the lower-case word w (without
 * regard to case), or 0. */
static size_t
match_fold(const char *s, size_t len, const char *w)
{
	size_t	 i = 0, j = 0, wl = strlen(w), n, k;
	uint32_t a, b;

	while (j < wl) {
		if ((n = fold_cp(s + i, len - i, &a)) == 0 ||
		    (k = fold_cp(w + j, wl - j, &b)) == 0 || a != b)
			return 0;
		i += n;
		j += k;
	}
	return i;
}

static bool
is_blank_at(const char *s, size_t len, size_t i, size_t *n)
{
	if (i < len && (s[i] == ' ' || s[i] == '\t')) {
		*n = 1;
		return true;
	}
	/* U+00A0, U+2009, U+202F */
	if (i + 1 < len && (unsigned char)s[i] == 0xc2 &&
	    (unsigned char)s[i + 1] == 0xa0) {
		*n = 2;
		return true;
	}
	if (i + 2 < len && (unsigned char)s[i] == 0xe2 &&
	    (unsigned char)s[i + 1] == 0x80 &&
	    ((unsigned char)s[i + 2] == 0x89 ||
	    (unsigned char)s[i + 2] == 0xaf)) {
		*n = 3;
		return true;
	}
	return false;
}

/* ------------------------------------------------------------------ */
/* Template hints. */

/* Words that open a bracketed instruction: "[Skriv bakgrunden här]". */
static const char *const bracket_words[] = {
	"skriv", "ange", "fyll", "infoga", "lägg", "beskriv", "ersätt",
	"välj", "klistra", "namn", "datum", "rubrik", "titel", "text",
	"belopp", "dnr", "förvaltning", "mottagare", "todo", NULL
};

/* Words in angle brackets that stand for something to fill in:
 * "<namn>", "<datum>". */
static const char *const angle_words[] = {
	"namn", "datum", "titel", "rubrik", "text", "dnr", "belopp",
	"förvaltning", "nämnd", "handläggare", "telefon", "tfn", "e-post",
	"adress", "mottagare", "ort", "år", "antal", "…", "...", NULL
};

/* Literal placeholders, matched without regard to case where marked. */
static const struct {
	const char	*text;
	bool		 fold;
} literal_hints[] = {
	{ "ÅÅÅÅ-MM-DD", false }, { "YYYY-MM-DD", false },
	{ "ÅÅ-MM-DD", false }, { "ÅÅÅÅMMDD", false }, { "ÅÅMMDD", false },
	{ "ÅÅÅÅ", false }, { "YYYY", false },
	{ "lorem ipsum", true }, { "TODO", false }, { "FIXME", false },
	{ NULL, false }
};

static size_t
word_list(const char *s, size_t len, const char *const *words)
{
	size_t	 i, n;

	for (i = 0; words[i] != NULL; i++)
		if ((n = match_fold(s, len, words[i])) > 0 &&
		    (!word_at(s, len, n) || !cp_word((unsigned char)*words[i])))
			return n;
	return 0;
}

/* "[Skriv ...]": a bracket, an instruction word, the closing bracket on
 * the same line, and not a Markdown link ("[Ange](...)", "[x][y]"). */
static size_t
hint_bracket(const char *s, size_t len, size_t i)
{
	size_t	 j = i + 1, n;

	while (j < len && s[j] == ' ')
		j++;
	if (word_list(s + j, len - j, bracket_words) == 0)
		return 0;
	for (n = j; n < len && n - i < HINT_MAX && s[n] != ']' &&
	    s[n] != '\n' && s[n] != '['; n++)
		continue;
	if (n >= len || s[n] != ']')
		return 0;
	if (n + 1 < len && (s[n + 1] == '(' || s[n + 1] == '['))
		return 0;
	return n + 1 - i;
}

/* "<namn>" (in XML text written "&lt;namn&gt;"). */
static size_t
hint_angle(const char *s, size_t len, size_t i, bool xml)
{
	const char *open = xml ? "&lt;" : "<", *close = xml ? "&gt;" : ">";
	size_t	 ol = strlen(open), cl = strlen(close), j, n;

	if (len - i < ol || memcmp(s + i, open, ol) != 0)
		return 0;
	j = i + ol;
	if ((n = word_list(s + j, len - j, angle_words)) == 0)
		return 0;
	/* "<namn efternamn>", "<datum för beslut>" */
	for (j += n; j < len && j - i < HINT_MAX && s[j] != '<' &&
	    s[j] != '>' && s[j] != '&' && s[j] != '\n'; j++)
		continue;
	if (len - j < cl || memcmp(s + j, close, cl) != 0)
		return 0;
	return j + cl - i;
}

/* A word of only X (two or more) and digits: "XX", "20XX", "XXXX". */
static size_t
hint_x(const char *s, size_t len, size_t i)
{
	size_t	 j;
	int	 x = 0, run = 0, best = 0;
	char	 which = 0;

	for (j = i; j < len && word_at(s, len, j); j++) {
		if (s[j] == 'X' || s[j] == 'x') {
			if (which != 0 && s[j] != which)
				return 0;
			which = s[j];
			x++;
			if (++run > best)
				best = run;
		} else if (s[j] >= '0' && s[j] <= '9')
			run = 0;
		else
			return 0;
	}
	return x >= 2 && best >= 2 ? j - i : 0;
}

static size_t
hint_literal(const char *s, size_t len, size_t i)
{
	size_t	 k, n;

	for (k = 0; literal_hints[k].text != NULL; k++) {
		const char *t = literal_hints[k].text;

		if (literal_hints[k].fold)
			n = match_fold(s + i, len - i, t);
		else
			n = len - i >= strlen(t) &&
			    memcmp(s + i, t, strlen(t)) == 0 ? strlen(t) : 0;
		if (n > 0 && !word_at(s, len, i + n))
			return n;
	}
	return 0;
}

/* The template hint starting at s[i], or 0. */
static size_t
hint_at(const char *s, size_t len, size_t i, bool xml)
{
	size_t	 n;

	if (s[i] == '[')
		return hint_bracket(s, len, i);
	if (s[i] == '<' || s[i] == '&')
		return hint_angle(s, len, i, xml);
	if (word_before(s, i) || !word_at(s, len, i))
		return 0;
	if ((n = hint_literal(s, len, i)) > 0)
		return n;
	return hint_x(s, len, i);
}

bool
lint_hint(const char *s, size_t len, bool xml, size_t *off, size_t *hlen)
{
	size_t	 i, n;

	for (i = 0; i < len; i++)
		if ((n = hint_at(s, len, i, xml)) > 0) {
			*off = i;
			*hlen = n;
			return true;
		}
	return false;
}

/* ------------------------------------------------------------------ */
/* Phone numbers and e-mail addresses. */

enum phone_form
lint_phone(const char *s, const char **why)
{
	const char *e;
	size_t	 len, i, n, ngroups = 0, groups[24], ndigits = 0;
	char	 seps[24], digits[40], sep = 0;
	bool	 intl = false, paren0 = false;
	int	 hyphens = 0;

	*why = NULL;
	if (s == NULL)
		s = "";
	len = strlen(s);
	for (i = 0; i < len && is_blank_at(s, len, i, &n); i += n)
		continue;
	s += i;
	len -= i;
	for (e = s + len; e > s && (e[-1] == ' ' || e[-1] == '\t' ||
	    (e - s >= 2 && (unsigned char)e[-2] == 0xc2 &&
	    (unsigned char)e[-1] == 0xa0)); )
		e -= e[-1] == ' ' || e[-1] == '\t' ? 1 : 2;
	len = (size_t)(e - s);
	if (len == 0)
		return PHONE_EMPTY;
	i = 0;
	if (s[0] == '+') {
		intl = true;
		i = 1;
	}
	while (i < len) {
		if (s[i] >= '0' && s[i] <= '9') {
			if (ngroups == 0 || sep != 0) {
				if (ngroups == sizeof(groups) / sizeof(*groups)) {
					*why = "it is far too long";
					return PHONE_MALFORMED;
				}
				seps[ngroups] = sep;
				groups[ngroups++] = 0;
				sep = 0;
			}
			groups[ngroups - 1]++;
			if (ndigits < sizeof(digits) - 1)
				digits[ndigits] = s[i];
			ndigits++;
			i++;
		} else if (is_blank_at(s, len, i, &n)) {
			if (sep == 0)
				sep = ' ';
			else if (sep != ' ')
				sep = '!';	/* " - ": odd spacing */
			i += n;
		} else if (s[i] == '-' || (len - i >= 3 &&
		    (memcmp(s + i, "\xe2\x80\x93", 3) == 0 ||
		    memcmp(s + i, "\xe2\x80\x90", 3) == 0 ||
		    memcmp(s + i, "\xe2\x80\x91", 3) == 0))) {
			sep = sep == 0 && s[i] == '-' ? '-' : '!';
			hyphens++;
			i += s[i] == '-' ? 1 : 3;
		} else if (intl && len - i >= 3 &&
		    memcmp(s + i, "(0)", 3) == 0) {
			paren0 = true;
			sep = sep == 0 ? ' ' : sep;
			i += 3;
		} else {
			*why = "only digits, spaces, one hyphen and a leading "
			    "+ belong in a phone number";
			return PHONE_MALFORMED;
		}
	}
	if (sep != 0 || ndigits == 0) {
		*why = ndigits == 0 ? "it has no digits" :
		    "it ends in a separator";
		return PHONE_MALFORMED;
	}
	digits[ndigits < sizeof(digits) ? ndigits : sizeof(digits) - 1] = '\0';
	if (intl) {
		if (ndigits < 2 || digits[0] != '4' || digits[1] != '6') {
			/* Another country's number: its own grouping. */
			if (ndigits < 8 || ndigits > 15) {
				*why = "an international number has 8 to 15 "
				    "digits";
				return PHONE_MALFORMED;
			}
			return PHONE_OK;
		}
		if (ndigits > 2 && digits[2] == '0') {
			*why = "leave out the 0 of the area code after +46";
			return PHONE_MALFORMED;
		}
		if (ndigits - 2 < 7 || ndigits - 2 > 9) {
			*why = "a Swedish number has 7 to 9 digits after +46";
			return PHONE_MALFORMED;
		}
		if (paren0) {
			*why = "leave out (0) after +46";
			return PHONE_GROUPING;
		}
		if (groups[0] != 2 || hyphens > 0 || ngroups < 3)
			goto grouping;
		for (i = 1; i < ngroups; i++)
			if (seps[i] != ' ' || groups[i] > 4)
				goto grouping;
		return PHONE_OK;
	}
	if (digits[0] != '0') {
		/* 112, 1177, 113 13: short numbers have no area code. */
		if (ndigits >= 3 && ndigits <= 6 && hyphens == 0)
			return PHONE_OK;
		*why = "a Swedish number starts with its area code (010, 08, "
		    "0920)";
		return PHONE_MALFORMED;
	}
	if (ndigits > 1 && digits[1] == '0') {
		*why = "write + and the country code instead of 00";
		return PHONE_MALFORMED;
	}
	if (ndigits < 8 || ndigits > 10) {
		*why = ndigits < 8 ? "it has too few digits for a Swedish "
		    "number with its area code (8 to 10)" : "it has too many "
		    "digits for a Swedish number (8 to 10 with the area code)";
		return PHONE_MALFORMED;
	}
	if (ngroups < 2 || hyphens != 1 || seps[1] != '-' ||
	    groups[0] < 2 || groups[0] > 4)
		goto grouping;
	for (i = 1; i < ngroups; i++)
		if ((i > 1 && seps[i] != ' ') || groups[i] < 2 ||
		    groups[i] > 3)
			goto grouping;
	return PHONE_OK;
grouping:
	*why = "write the area code, a hyphen and the number in groups of "
	    "two or three digits";
	return PHONE_GROUPING;
}

const char *
lint_email(const char *s)
{
	const char *at, *d, *p, *label;
	size_t	 len;

	if (s == NULL)
		s = "";
	while (*s == ' ' || *s == '\t')
		s++;
	len = strlen(s);
	while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\t'))
		len--;
	if (len == 0)
		return "it is empty";
	if ((at = memchr(s, '@', len)) == NULL)
		return "it has no @";
	if (memchr(at + 1, '@', len - (size_t)(at + 1 - s)) != NULL)
		return "it has more than one @";
	if (at == s)
		return "nothing comes before @";
	if (at - s > 64)
		return "the part before @ is longer than 64 characters";
	for (p = s; p < s + len; p++) {
		if ((unsigned char)*p >= 0x80)
			return "letters such as å, ä and ö do not work in "
			    "e-mail addresses: write a, a, o";
		if (*p == ' ' || *p == '\t')
			return "it holds a space";
	}
	for (p = s; p < at; p++)
		if (!isalnum((unsigned char)*p) &&
		    strchr(".!#$%&'*+/=?^_`{|}~-", *p) == NULL)
			return "the part before @ holds a character that does "
			    "not belong in an address";
	if (*s == '.' || at[-1] == '.')
		return "the part before @ starts or ends with a dot";
	d = at + 1;
	if (d == s + len)
		return "nothing comes after @";
	if (memchr(d, '.', len - (size_t)(d - s)) == NULL)
		return "the domain after @ has no dot";
	for (label = p = d; p <= s + len; p++) {
		if (p < s + len && *p != '.') {
			if (!isalnum((unsigned char)*p) && *p != '-')
				return "the domain holds a character that does "
				    "not belong in an address";
			continue;
		}
		if (p == label || *label == '-' || p[-1] == '-')
			return "the domain has an empty or malformed part";
		if (p == s + len) {
			const char *q;

			if (p - label < 2)
				return "the domain ends in a part shorter than "
				    "two letters";
			for (q = label; q < p; q++)
				if (!isalpha((unsigned char)*q))
					return "the domain ends in a part that "
					    "is not a name";
		}
		label = p + 1;
	}
	for (p = s; p + 1 < s + len; p++)
		if (p[0] == '.' && p[1] == '.')
			return "it has two dots in a row";
	return NULL;
}

/* ------------------------------------------------------------------ */
/* Source texts. */

/* Finds needle in s[0..len). */
static const char *
find(const char *s, size_t len, const char *needle)
{
	size_t	 n = strlen(needle), i;

	for (i = 0; i + n <= len; i++)
		if (memcmp(s + i, needle, n) == 0)
			return s + i;
	return NULL;
}

static struct text *
text_get(struct lint *l, const char *path)
{
	struct text *t;
	char	*data;
	size_t	 len, i, o = 0;

	for (i = 0; i < l->ntexts; i++)
		if (strcmp(l->texts[i].file, path) == 0)
			return l->texts[i].data ? &l->texts[i] : NULL;
	l->texts = xrealloc(l->texts, (l->ntexts + 1) * sizeof(*l->texts));
	t = &l->texts[l->ntexts++];
	memset(t, 0, sizeof(*t));
	t->file = intern(path);
	/* The readers read the file already and reported what was wrong
	 * with it; a file that cannot be read again is left alone. */
	if (!file_read_quiet(path, CONTENT_MAX_CASE, &data, &len))
		return NULL;
	if (utf8_validate(data, len) != (size_t)-1) {
		free(data);
		return NULL;
	}
	t->data = xmalloc(len + 1);
	i = len >= 3 && memcmp(data, "\xef\xbb\xbf", 3) == 0 ? 3 : 0;
	for (; i < len; i++) {
		if (data[i] == '\r') {
			t->data[o++] = '\n';
			if (i + 1 < len && data[i + 1] == '\n')
				i++;
		} else
			t->data[o++] = data[i];
	}
	t->data[o] = '\0';
	t->len = o;
	free(data);
	t->lines = xmalloc((o + 1) * sizeof(*t->lines));
	t->lines[t->nlines++] = 0;
	for (i = 0; i < o; i++)
		if (t->data[i] == '\n')
			t->lines[t->nlines++] = i + 1;
	return t;
}

/* Start of line `line' (1-based) in t, or NULL. */
static const char *
text_line(const struct text *t, int line, size_t *llen)
{
	size_t	 s, e;

	if (line < 1 || (size_t)line > t->nlines)
		return NULL;
	s = t->lines[line - 1];
	e = (size_t)line < t->nlines ? t->lines[line] - 1 : t->len;
	*llen = e - s;
	return t->data + s;
}

/*
 * Where the value of attribute `attr' of the element `elem' starts,
 * looking from the element's line (libxml2 gives the line its start
 * tag ends on, so look back to the '<').  Leaves pos at the line with
 * column 0 if it is not found.
 */
static void
attr_pos(struct lint *l, const char *file, int line, const char *elem,
    const char *attr, struct srcpos *pos)
{
	struct text *t = text_get(l, file);
	const char *start, *p, *end, *e;
	size_t	 llen, al = strlen(attr), el = strlen(elem);
	int	 ln;

	pos->file = intern(file);
	pos->line = line;
	pos->col = 0;
	if (t == NULL)
		return;
	end = t->data + t->len;
	start = NULL;
	if (line > 0) {
		for (ln = line; ln > 0 && ln > line - 20 && start == NULL;
		    ln--) {
			if ((p = text_line(t, ln, &llen)) == NULL)
				return;
			for (e = p + llen; e > p; e--)
				if (e - p >= (ptrdiff_t)(el + 1) &&
				    e[-(ptrdiff_t)el - 1] == '<' &&
				    memcmp(e - el, elem, el) == 0)
					break;
			if (e > p) {
				/* The last "<elem" on that line at or
				 * before the tag's end. */
				start = e - el - 1;
			}
		}
	} else {
		for (p = t->data; p + el + 1 < end; p++)
			if (*p == '<' && memcmp(p + 1, elem, el) == 0 &&
			    !isalnum((unsigned char)p[el + 1])) {
				start = p;
				break;
			}
	}
	if (start == NULL)
		return;
	for (p = start + 1; p < end && *p != '>'; p++) {
		if (end - p > (ptrdiff_t)(al + 2) &&
		    (p[-1] == ' ' || p[-1] == '\t' || p[-1] == '\n') &&
		    memcmp(p, attr, al) == 0 && p[al] == '=' &&
		    (p[al + 1] == '"' || p[al + 1] == '\'')) {
			text_position(t->data, (size_t)(p + al + 2 - t->data),
			    &pos->line, &pos->col);
			return;
		}
	}
}

/* Where the text of the first element `elem' starts. */
static void
elem_pos(struct lint *l, const char *file, const char *elem,
    struct srcpos *pos)
{
	struct text *t = text_get(l, file);
	char	*open = xasprintf("<%s>", elem);
	const char *f;

	pos->file = intern(file);
	pos->line = pos->col = 0;
	if (t != NULL && (f = find(t->data, t->len, open)) != NULL)
		text_position(t->data, (size_t)(f - t->data) + strlen(open),
		    &pos->line, &pos->col);
	free(open);
}

/* ------------------------------------------------------------------ */
/* Reporting. */

static void
report(struct lint *l, enum diag_level lv, const char *file, int line,
    int col, const char *fmt, ...) __attribute__((format(printf, 6, 7)));

static void
report(struct lint *l, enum diag_level lv, const char *file, int line,
    int col, const char *fmt, ...)
{
	va_list	 ap;

	if (l->found++ == LINT_MAX_PER_FILE)
		diag(DIAG_NOTE, file, line, col, "more findings in this file "
		    "are not shown: fix these first");
	if (l->found > LINT_MAX_PER_FILE)
		return;
	va_start(ap, fmt);
	vdiag(lv, file, line, col, fmt, ap);
	va_end(ap);
}

/* ------------------------------------------------------------------ */
/* Dates, dnr, phone numbers and addresses in running text. */

static bool
digits_at(const char *s, size_t len, size_t i, size_t n)
{
	size_t	 k;

	for (k = 0; k < n; k++)
		if (i + k >= len || s[i + k] < '0' || s[i + k] > '9')
			return false;
	return true;
}

/* A Swedish month name as a whole word at s[j]: its number (1..12),
 * with *n its length; 0 if none. */
static int
month_at(const char *s, size_t len, size_t j, size_t *n)
{
	int	 k;

	for (k = 1; k <= 12; k++)
		if ((*n = match_fold(s + j, len - j, sv_month_name(k))) > 0 &&
		    !word_at(s, len, j + *n))
			return k;
	return 0;
}

/* An ISO date "2026-02-30" or a written one "31 november 2026" that
 * does not exist; returns its length (0: none, or a real date). */
static size_t
bad_date_at(const char *s, size_t len, size_t i)
{
	size_t	 j, n, b;
	int	 day, month, year = 0;
	char	 iso[11];

	if (i > 0 && (isdigit((unsigned char)s[i - 1]) || s[i - 1] == '/' ||
	    s[i - 1] == '-' || s[i - 1] == '.' || s[i - 1] == ','))
		return 0;
	if (digits_at(s, len, i, 4) && i + 10 <= len && s[i + 4] == '-' &&
	    digits_at(s, len, i + 5, 2) && s[i + 7] == '-' &&
	    digits_at(s, len, i + 8, 2) &&
	    (i + 10 == len || !isdigit((unsigned char)s[i + 10]))) {
		memcpy(iso, s + i, 10);
		iso[10] = '\0';
		return iso_date_valid(iso) ? 0 : 10;
	}
	for (j = i; j < len && j - i < 3 && isdigit((unsigned char)s[j]); j++)
		continue;
	if (j == i || j - i > 2 || !is_blank_at(s, len, j, &b))
		return 0;
	day = atoi(s + i);
	j += b;
	if ((month = month_at(s, len, j, &n)) == 0)
		return 0;
	j += n;
	if (is_blank_at(s, len, j, &b) && digits_at(s, len, j + b, 4) &&
	    !word_at(s, len, j + b + 4)) {
		year = atoi(s + j + b);
		j += b + 4;
	}
	return day >= 1 && day <= days_in_month(year, month) ? 0 : j - i;
}

/*
 * "tisdag(en) (den) 15 december 2026" where that date is another day of
 * the week: returns the length up to the year and sets *wrong to the
 * weekday written and *right to the date's; 0 if it agrees or is not
 * such a phrase.
 */
static size_t
bad_weekday_at(const char *s, size_t len, size_t i, const char **wrong,
    const char **right)
{
	size_t	 j, n = 0, b;
	int	 w, day, month, year;
	char	 iso[16];
	const char *real;

	if (word_before(s, i))
		return 0;
	for (w = 0; w < 7; w++)
		if ((n = match_fold(s + i, len - i, sv_weekday_name(w))) > 0)
			break;
	if (w == 7)
		return 0;
	j = i + n;
	if (match_fold(s + j, len - j, "en") == 2)
		j += 2;
	if (word_at(s, len, j) || !is_blank_at(s, len, j, &b))
		return 0;
	j += b;
	if (match_fold(s + j, len - j, "den") == 3 &&
	    is_blank_at(s, len, j + 3, &b))
		j += 3 + b;
	for (n = j; n < len && n - j < 3 && isdigit((unsigned char)s[n]); n++)
		continue;
	if (n == j || n - j > 2 || !is_blank_at(s, len, n, &b))
		return 0;
	day = atoi(s + j);
	j = n + b;
	if ((month = month_at(s, len, j, &n)) == 0)
		return 0;
	j += n;
	if (!is_blank_at(s, len, j, &b) || !digits_at(s, len, j + b, 4) ||
	    word_at(s, len, j + b + 4))
		return 0;
	year = atoi(s + j + b);
	j += b + 4;
	snprintf(iso, sizeof(iso), "%04d-%02d-%02d", year, month, day);
	if ((real = sv_weekday(iso)) == NULL ||
	    strcmp(real, sv_weekday_name(w)) == 0)
		return 0;
	*wrong = sv_weekday_name(w);
	*right = real;
	return j - i;
}

/* A dnr-shaped reference "RS/0119/2017" that is not a valid dnr;
 * returns its length or 0. */
static size_t
bad_dnr_at(const char *s, size_t len, size_t i)
{
	size_t	 j = i, letters = 0, d1, d2;
	char	 buf[64];

	if (i > 0 && (s[i - 1] == '/' || s[i - 1] == '-' ||
	    word_before(s, i)))
		return 0;
	while (j < len) {
		if (s[j] >= 'A' && s[j] <= 'Z')
			j++;
		else if (len - j >= 2 && (unsigned char)s[j] == 0xc3 &&
		    ((unsigned char)s[j + 1] == 0x85 ||
		    (unsigned char)s[j + 1] == 0x84 ||
		    (unsigned char)s[j + 1] == 0x96))
			j += 2;
		else
			break;
		letters++;
	}
	if (letters == 0 || letters > 10 || j >= len || s[j] != '/')
		return 0;
	for (d1 = ++j; j < len && isdigit((unsigned char)s[j]); j++)
		continue;
	if (j == d1 || j >= len || s[j] != '/')
		return 0;
	for (d2 = ++j; j < len && isdigit((unsigned char)s[j]); j++)
		continue;
	if (j == d2 || (j < len && (s[j] == '/' || word_at(s, len, j))))
		return 0;
	if (j - i >= sizeof(buf))
		return j - i;
	memcpy(buf, s + i, j - i);
	buf[j - i] = '\0';
	return dnr_valid(buf) ? 0 : j - i;
}

static const char *const phone_labels[] = {
	"telefonnummer", "telefon", "mobilnummer", "mobil", "tfn", "tel",
	"växel", NULL
};
static const char *const email_labels[] = {
	"e-postadress", "e-post", "epost", "e-mail", "mejl", NULL
};

/* Column of byte i in line s. */
static int
col_at(const char *s, size_t i)
{
	return (int)utf8_length(s, i) + 1;
}

static void
phone_verdict(struct lint *l, const char *file, int line, int col,
    const char *value)
{
	const char *why;

	switch (lint_phone(value, &why)) {
	case PHONE_OK:
		break;
	case PHONE_EMPTY:
		report(l, DIAG_ERROR, file, line, col, "empty phone number: "
		    "write the number, e.g. 010-481 22 35, or remove the "
		    "field");
		break;
	case PHONE_GROUPING:
		report(l, DIAG_WARNING, file, line, col, "phone number \"%s\" "
		    "is not written the Swedish way: %s, e.g. 010-481 22 35 "
		    "or +46 10 481 22 35", value, why);
		break;
	case PHONE_MALFORMED:
		report(l, DIAG_ERROR, file, line, col, "malformed phone number "
		    "\"%s\": %s; write it as e.g. 010-481 22 35", value, why);
		break;
	}
}

static void
email_verdict(struct lint *l, const char *file, int line, int col,
    const char *value)
{
	const char *why = lint_email(value);

	if (why == NULL)
		return;
	if (value == NULL || *value == '\0')
		report(l, DIAG_ERROR, file, line, col, "empty e-mail address: "
		    "write the address, e.g. namn.efternamn@region.se, or "
		    "remove the field");
	else
		report(l, DIAG_ERROR, file, line, col, "malformed e-mail "
		    "address \"%s\": %s", value, why);
}

/* "Tfn: 010-481 22 35", "E-post: namn@region.se" in running text. */
static size_t
contact_label_at(struct lint *l, const char *file, int line, const char *s,
    size_t len, size_t i)
{
	size_t	 n, j, v, ve, b;
	bool	 colon = false, phone;
	char	*value;

	if (word_before(s, i))
		return 0;
	if ((n = word_list(s + i, len - i, phone_labels)) > 0)
		phone = true;
	else if ((n = word_list(s + i, len - i, email_labels)) > 0)
		phone = false;
	else
		return 0;
	j = i + n;
	if (j < len && s[j] == '.')
		j++;
	while (j < len && is_blank_at(s, len, j, &b))
		j += b;
	if (j < len && s[j] == ':') {
		colon = true;
		j++;
		while (j < len && is_blank_at(s, len, j, &b))
			j += b;
	}
	v = j;
	if (phone) {
		/* The number runs over digits, blanks, hyphens and "+". */
		for (ve = v; ve < len; ) {
			if (isdigit((unsigned char)s[ve]) || s[ve] == '-' ||
			    s[ve] == '+' || s[ve] == '(' || s[ve] == ')')
				ve++;
			else if (is_blank_at(s, len, ve, &b))
				ve += b;
			else
				break;
		}
		while (ve > v && (s[ve - 1] == ' ' || s[ve - 1] == '-' ||
		    s[ve - 1] == '\t'))
			ve--;
		if (ve == v) {
			/* "Tfn:" with nothing after it on the line. */
			for (j = v; j < len && (s[j] == ' ' || s[j] == '\t');)
				j++;
			if (colon && (j == len || s[j] == ',' || s[j] == ';' ||
			    s[j] == '|'))
				phone_verdict(l, file, line, col_at(s, i), "");
			return colon ? j - i : n;
		}
		if (!colon && !isdigit((unsigned char)s[v]) && s[v] != '+')
			return n;
	} else {
		if (v < len && (s[v] == '[' || s[v] == '<'))
			v++;
		for (ve = v; ve < len && s[ve] != ' ' && s[ve] != '\t' &&
		    s[ve] != ',' && s[ve] != ';' && s[ve] != ']' &&
		    s[ve] != '>' && s[ve] != ')'; ve++)
			continue;
		while (ve > v && (s[ve - 1] == '.' || s[ve - 1] == ':'))
			ve--;
		if (ve == v) {
			if (colon && (v == len || s[v] == ',' || s[v] == ';' ||
			    s[v] == '|'))
				email_verdict(l, file, line, col_at(s, i), "");
			return colon ? v - i : n;
		}
		if (memchr(s + v, '@', ve - v) == NULL && !colon)
			return n;
	}
	value = xstrndup(s + v, ve - v);
	if (phone)
		phone_verdict(l, file, line, col_at(s, v), value);
	else
		email_verdict(l, file, line, col_at(s, v), value);
	free(value);
	return ve - i;
}

/* "mailto:adress" anywhere in a Markdown link. */
static size_t
mailto_at(struct lint *l, const char *file, int line, const char *s,
    size_t len, size_t i)
{
	size_t	 v, ve;
	char	*value;

	if (len - i < 7 || strncasecmp(s + i, "mailto:", 7) != 0)
		return 0;
	v = i + 7;
	for (ve = v; ve < len && s[ve] != ')' && s[ve] != '>' &&
	    s[ve] != '?' && s[ve] != ' ' && s[ve] != '"'; ve++)
		continue;
	value = xstrndup(s + v, ve - v);
	email_verdict(l, file, line, col_at(s, v), value);
	free(value);
	return ve - i;
}

/* A hint as the message shows it: XML's "&lt;" as "<", and a long
 * one cut with "…" (its position says where the rest is). */
static char *
hint_shown(const char *s, size_t n, bool xml)
{
	struct buf b = { 0 };
	size_t	 i, chars = 0;

	for (i = 0; i < n; i++) {
		if (xml && n - i >= 4 && memcmp(s + i, "&lt;", 4) == 0) {
			buf_putc(&b, '<');
			i += 3;
		} else if (xml && n - i >= 4 && memcmp(s + i, "&gt;", 4) == 0) {
			buf_putc(&b, '>');
			i += 3;
		} else {
			if (((unsigned char)s[i] & 0xc0) != 0x80 &&
			    ++chars > 50) {
				buf_puts(&b, "…");
				break;
			}
			buf_putc(&b, s[i]);
		}
	}
	return buf_detach(&b);
}

#define SCAN_HINTS	0x01u	/* template hints */
#define SCAN_XML	0x02u	/* XML text: "&lt;namn&gt;", comments */
#define SCAN_TEXT	0x04u	/* dates, dnr, contact data */
#define SCAN_WEEKDAY	0x08u	/* a weekday that is not the date's */
#define SCAN_MARKDOWN	0x10u	/* language marks */

/* Scans line s[0..len) from byte `from' on (columns count from s). */
/*
 * A language mark of Swedish at s[i] ("{lang=sv}", "{lang=sv-SE}"), not
 * in inline code: its length, else 0.
 */
static size_t
lang_sv_at(const char *s, size_t len, size_t i)
{
	const char *e;
	size_t	 k, ticks = 0;
	char	*tag;
	bool	 sv;

	if (len - i < 9 || memcmp(s + i, "{lang=", 6) != 0 ||
	    (e = memchr(s + i + 6, '}', len - i - 6)) == NULL)
		return 0;
	for (k = 0; k < i; k++)
		if (s[k] == '`')
			ticks++;
	if (ticks % 2 != 0)
		return 0;
	if ((tag = content_lang(s + i + 6, (size_t)(e - s - i - 6))) == NULL)
		return 0;
	sv = content_lang_swedish(tag);
	free(tag);
	return sv ? (size_t)(e - s) + 1 - i : 0;
}

static void
scan_line(struct lint *l, const char *file, int line, const char *s,
    size_t len, size_t from, unsigned what)
{
	size_t	 i, n;
	char	*h;
	const char *wrong, *right;

	for (i = from; i < len; i += n > 0 ? n : 1) {
		/* Past the cap the rest of the file is not looked at. */
		if (l->found > LINT_MAX_PER_FILE)
			return;
		n = 0;
		if ((what & SCAN_HINTS) &&
		    (n = hint_at(s, len, i, (what & SCAN_XML) != 0)) > 0) {
			h = hint_shown(s + i, n, (what & SCAN_XML) != 0);
			report(l, DIAG_ERROR, file, line, col_at(s, i),
			    "unfilled template hint \"%s\": replace it with "
			    "the real text", h);
			free(h);
			continue;
		}
		if (!(what & (SCAN_TEXT | SCAN_WEEKDAY)))
			continue;
		if ((n = bad_weekday_at(s, len, i, &wrong, &right)) > 0) {
			h = xstrndup(s + i, n);
			report(l, DIAG_WARNING, file, line, col_at(s, i),
			    "\"%s\": the day of that date is %s, not %s: "
			    "check the date and the day", h, right, wrong);
			free(h);
			continue;
		}
		if (!(what & SCAN_TEXT))
			continue;
		if ((what & SCAN_MARKDOWN) && (n = lang_sv_at(s, len, i)) > 0) {
			h = xstrndup(s + i, n);
			report(l, DIAG_WARNING, file, line, col_at(s, i),
			    "%s marks Swedish, the language of the "
			    "document: remove the mark", h);
			free(h);
			continue;
		}
		if ((n = bad_date_at(s, len, i)) > 0) {
			char	*why;

			h = xstrndup(s + i, n);
			/* Said as a header's date is: which day is not. */
			if ((why = iso_date_problem(h, "2026-11-20")) != NULL &&
			    strncmp(why, "the date must", 13) != 0)
				report(l, DIAG_ERROR, file, line, col_at(s, i),
				    "\"%s\": %s", h, why);
			else
				report(l, DIAG_ERROR, file, line, col_at(s, i),
				    "\"%s\" is not a real date: check the day "
				    "and the month", h);
			free(why);
			free(h);
		} else if ((n = bad_dnr_at(s, len, i)) > 0) {
			h = xstrndup(s + i, n);
			report(l, DIAG_WARNING, file, line, col_at(s, i),
			    "malformed dnr \"%s\": write it as "
			    "SERIES/NUMBER/YEAR, e.g. RS/1119/2017", h);
			free(h);
		} else if ((n = contact_label_at(l, file, line, s, len, i)) ==
		    0)
			n = mailto_at(l, file, line, s, len, i);
	}
}

/* Code fence: a line of three or more ` or ~ (up to three spaces in). */
static bool
fence_line(const char *s, size_t len)
{
	size_t	 i = 0, n = 0;

	while (i < len && i < 3 && s[i] == ' ')
		i++;
	if (i < len && (s[i] == '`' || s[i] == '~'))
		for (n = 0; i + n < len && s[i + n] == s[i]; n++)
			continue;
	return n >= 3;
}

/*
 * A Markdown file with a metadata header: hints everywhere; dates, dnr
 * and contact data in the body (the header's fields are checked where
 * they are read), outside code blocks.
 */
static void
scan_markdown(struct lint *l, const char *path)
{
	struct text *t = text_get(l, path);
	const char *p, *e, *nl;
	size_t	 len;
	int	 line = 0, fences = 0;
	bool	 code = false;

	if (t == NULL)
		return;
	l->found = 0;
	for (p = t->data, e = p + t->len; p < e || (p == e && line == 0);
	    p = nl + 1) {
		nl = memchr(p, '\n', (size_t)(e - p));
		if (nl == NULL)
			nl = e;
		len = (size_t)(nl - p);
		line++;
		if (fences < 2 && len == 3 && memcmp(p, "---", 3) == 0 &&
		    (line == 1 || fences == 1)) {
			fences++;
			continue;
		}
		if (fences == 1) {
			/* Comments are for the writer; the dnr field is
			 * checked (hints too) where it is read. */
			if (len > 0 && *p != '#' && match_fold(p, len, "dnr") ==
			    0)
				scan_line(l, t->file, line, p, len, 0,
				    SCAN_HINTS);
			continue;
		}
		if (fence_line(p, len)) {
			code = !code;
			continue;
		}
		scan_line(l, t->file, line, p, len, 0,
		    SCAN_HINTS | (code ? 0 : SCAN_TEXT | SCAN_WEEKDAY |
		    SCAN_MARKDOWN));
		if (nl == e)
			break;
	}
}

/* An XML file: hints in text and attribute values, not in comments. */
static void
scan_xml(struct lint *l, const char *path)
{
	struct text *t = text_get(l, path);
	const char *p, *e, *nl, *c, *s;
	size_t	 len;
	int	 line = 0;
	bool	 comment = false;

	if (t == NULL)
		return;
	l->found = 0;
	for (p = t->data, e = p + t->len; p < e; p = nl + 1) {
		nl = memchr(p, '\n', (size_t)(e - p));
		if (nl == NULL)
			nl = e;
		line++;
		/* Scan the parts of the line outside comments, with
		 * columns counted from the line's start. */
		for (s = p; s < nl; ) {
			if (comment) {
				c = find(s, (size_t)(nl - s), "-->");
				if (c == NULL)
					break;
				s = c + 3;
				comment = false;
				continue;
			}
			c = find(s, (size_t)(nl - s), "<!--");
			len = (size_t)((c != NULL ? c : nl) - p);
			scan_line(l, t->file, line, p, len, (size_t)(s - p),
			    SCAN_HINTS | SCAN_XML | SCAN_WEEKDAY);
			if (c == NULL)
				break;
			s = c + 4;
			comment = true;
		}
		if (nl == e)
			break;
	}
}

/* An XML figure file as XML; a CSV file (data as written) line by
 * line, for hints only. */
static void
scan_plain(struct lint *l, const char *path)
{
	size_t	 n = strlen(path);
	struct text *t;
	const char *p, *e, *nl;
	int	 line = 0;

	if (n > 4 && strcasecmp(path + n - 4, ".xml") == 0) {
		scan_xml(l, path);
		return;
	}
	if ((t = text_get(l, path)) == NULL)
		return;
	l->found = 0;
	for (p = t->data, e = p + t->len; p < e; p = nl + 1) {
		if ((nl = memchr(p, '\n', (size_t)(e - p))) == NULL)
			nl = e;
		scan_line(l, t->file, ++line, p, (size_t)(nl - p), 0,
		    SCAN_HINTS);
	}
}

/* ------------------------------------------------------------------ */
/* People. */

/* Comparison form of a name: lower case, blanks collapsed, a party
 * "(S)" at the end dropped. */
static char *
name_key(const char *name)
{
	struct buf b = { 0 };
	size_t	 len = strlen(name), i, n;
	uint32_t cp;
	char	 enc[4];
	bool	 space = false;

	while (len > 0 && name[len - 1] == ' ')
		len--;
	if (len > 0 && name[len - 1] == ')') {
		const char *o = memchr(name, '(', len);

		if (o != NULL)
			len = (size_t)(o - name);
	}
	for (i = 0; i < len; i += n) {
		if ((n = fold_cp(name + i, len - i, &cp)) == 0)
			break;
		if (cp == ' ' || cp == '\t' || cp == 0xa0) {
			space = b.len > 0;
			continue;
		}
		if (space)
			buf_putc(&b, ' ');
		space = false;
		buf_put(&b, enc, utf8_encode(cp, enc));
	}
	return b.data != NULL ? buf_detach(&b) : xstrdup("");
}

static bool
same_name(const char *a, const char *b)
{
	char	*ka, *kb;
	bool	 r;

	if (a == NULL || b == NULL)
		return false;
	ka = name_key(a);
	kb = name_key(b);
	r = strcmp(ka, kb) == 0;
	free(ka);
	free(kb);
	return r;
}

static const struct contact *
directory_find(const struct lint *l, const char *name)
{
	const struct organisation *o = l->m->org;
	size_t	 i;

	if (o == NULL || name == NULL)
		return NULL;
	for (i = 0; i < o->npeople; i++)
		if (same_name(o->people[i].name, name))
			return &o->people[i];
	return NULL;
}

/* ASCII letters of a name part as an address spells them. */
static void
ascii_part(struct buf *b, const char *s, size_t len)
{
	size_t	 i, n;
	uint32_t cp;

	for (i = 0; i < len; i += n) {
		if ((n = fold_cp(s + i, len - i, &cp)) == 0)
			return;
		if (cp < 0x80)
			buf_putc(b, (int)cp);
		else if (cp >= 0xe0 && cp <= 0xe5)
			buf_putc(b, 'a');
		else if (cp == 0xe6)
			buf_puts(b, "ae");
		else if (cp >= 0xe8 && cp <= 0xeb)
			buf_putc(b, 'e');
		else if (cp >= 0xec && cp <= 0xef)
			buf_putc(b, 'i');
		else if ((cp >= 0xf2 && cp <= 0xf6) || cp == 0xf8)
			buf_putc(b, 'o');
		else if (cp >= 0xf9 && cp <= 0xfc)
			buf_putc(b, 'u');
	}
}

/*
 * Does an address such as "fornamn.efternamn@..." name someone else?
 * Only addresses of two or more parts of two or more letters are
 * judged ("registrator@" says nothing): one of them must be one of
 * the name's parts.
 */
static bool
address_names_other(const char *name, const char *email)
{
	char	*key = name_key(name), *p, *q;
	const char *at = strchr(email, '@'), *s, *e;
	struct buf b = { 0 };
	size_t	 parts = 0;
	bool	 match = false;

	if (at == NULL) {
		free(key);
		return false;
	}
	for (p = key; *p != '\0' && !match; p = q + (*q != '\0')) {
		q = p + strcspn(p, " -");
		buf_reset(&b);
		ascii_part(&b, p, (size_t)(q - p));
		if (b.len < 2)
			continue;
		for (s = email; s < at; s = e + (e < at)) {
			e = s + strcspn(s, "._-");
			if (e > at)
				e = at;
			if ((size_t)(e - s) == b.len &&
			    strncasecmp(s, b.data, b.len) == 0)
				match = true;
			if (e == at)
				break;
		}
	}
	for (s = email; s < at; s = e + 1) {
		e = s + strcspn(s, "._-");
		if (e > at)
			e = at;
		if (e - s >= 2)
			parts++;
		if (e == at)
			break;
	}
	buf_free(&b);
	free(key);
	return !match && parts >= 2;
}

/* A person's address checked against the staff directory. */
static void
email_owner(struct lint *l, const char *name, const char *email,
    const struct srcpos *pos)
{
	const struct organisation *o = l->m->org;
	const struct contact *self;
	size_t	 i;

	if (name == NULL || email == NULL || lint_email(email) != NULL)
		return;
	for (i = 0; o != NULL && i < o->npeople; i++) {
		const struct contact *p = &o->people[i];

		if (p->email != NULL && strcasecmp(p->email, email) == 0 &&
		    !same_name(p->name, name)) {
			report(l, DIAG_ERROR, pos->file, pos->line, pos->col,
			    "the e-mail address \"%s\" belongs to %s (staff "
			    "directory, %s:%d): write %s's own address", email,
			    p->name, p->pos.file, p->pos.line, name);
			return;
		}
	}
	if ((self = directory_find(l, name)) != NULL) {
		if (self->email != NULL && strcasecmp(self->email, email) != 0)
			report(l, DIAG_WARNING, pos->file, pos->line, pos->col,
			    "%s's e-mail address is \"%s\" in the staff "
			    "directory (%s:%d), not \"%s\": make them the "
			    "same", name, self->email, self->pos.file,
			    self->pos.line, email);
		return;
	}
	if (address_names_other(name, email))
		report(l, DIAG_WARNING, pos->file, pos->line, pos->col,
		    "the e-mail address \"%s\" does not look like %s's: check "
		    "that it is the right person's", email, name);
}

/* The staff directory: every entry's phone and address, and addresses
 * given to two people. */
static void
lint_directory(struct lint *l)
{
	const struct organisation *o = l->m->org;
	struct srcpos pos;
	size_t	 i, k;

	if (o == NULL)
		return;
	l->found = 0;
	for (i = 0; i < o->npeople; i++) {
		const struct contact *p = &o->people[i];

		if (p->phone != NULL) {
			attr_pos(l, o->path, p->pos.line, "person", "phone",
			    &pos);
			phone_verdict(l, pos.file, pos.line, pos.col, p->phone);
		}
		if (p->email == NULL)
			continue;
		attr_pos(l, o->path, p->pos.line, "person", "email", &pos);
		email_verdict(l, pos.file, pos.line, pos.col, p->email);
		for (k = 0; k < i; k++)
			if (o->people[k].email != NULL &&
			    strcasecmp(o->people[k].email, p->email) == 0) {
				report(l, DIAG_WARNING, pos.file, pos.line,
				    pos.col, "%s has the same e-mail address "
				    "as %s (line %d): give each person their "
				    "own", p->name, o->people[k].name,
				    o->people[k].pos.line);
				break;
			}
		if (p->name != NULL && address_names_other(p->name, p->email))
			report(l, DIAG_WARNING, pos.file, pos.line, pos.col,
			    "the e-mail address \"%s\" does not look like "
			    "%s's: check that it is the right person's",
			    p->email, p->name);
	}
	if (o->phone != NULL) {
		elem_pos(l, o->path, "phone", &pos);
		phone_verdict(l, pos.file, pos.line, pos.col, o->phone);
	}
	if (o->email != NULL) {
		elem_pos(l, o->path, "email", &pos);
		email_verdict(l, pos.file, pos.line, pos.col, o->email);
	}
}

/* ------------------------------------------------------------------ */
/* Cases. */

static const char *const phone_keys[] = {
	"tfn", "telefon", "telefonnummer", "phone", NULL
};
static const char *const email_keys[] = {
	"e-post", "epost", "e-mail", "email", "mejl", NULL
};

static bool
key_in(const char *key, const char *const *keys)
{
	size_t	 i, n;

	for (i = 0; keys[i] != NULL; i++)
		if ((n = match_fold(key, strlen(key), keys[i])) > 0 &&
		    key[n] == '\0')
			return true;
	return false;
}

static const struct meta_field *
meta_find(const struct meta_field *meta, size_t nmeta,
    const char *const *keys)
{
	size_t	 i;

	for (i = 0; i < nmeta; i++)
		if (key_in(meta[i].key, keys))
			return &meta[i];
	return NULL;
}

/* A field whose value holds a template hint, as a field without a
 * value (value NULL); others as they are. */
static const struct meta_field *
unfilled(const struct meta_field *f)
{
	static const struct meta_field hint = { NULL, NULL, { NULL, 0, 0 } };
	size_t	 off, len;

	if (f != NULL && lint_hint(f->value, strlen(f->value), false, &off,
	    &len))
		return &hint;
	return f;
}

/*
 * The contact fields of a header ("tfn:", "e-post:") and the person they
 * belong to (the handläggare): the phone and the address well formed,
 * the address the person's own, and the person reachable: phone or
 * e-mail in the header or in the staff directory.
 */
/* True if there is an organisation.xml where organisation_find looks,
 * so that a meeting without a profile had one it could not read. */
static bool
profile_unread(const char *dir)
{
	static const char *const up[] = { "", "/..", "/../.." };
	struct stat st;
	size_t	 i;
	char	*p;
	bool	 r = false;

	for (i = 0; i < 3 && !r; i++) {
		p = xasprintf("%s%s/organisation.xml", dir, up[i]);
		r = stat(p, &st) == 0;
		free(p);
	}
	return r;
}

static void
lint_header_contact(struct lint *l, const char *file,
    const struct meta_field *meta, size_t nmeta)
{
	static const char *const who_keys[] = {
		"handläggare", "handlaggare", NULL
	};
	const struct meta_field *h, *ph, *em;
	const struct contact *dir;
	char	*name = NULL;

	/* A field still holding its hint is reported as the hint. */
	h = unfilled(meta_find(meta, nmeta, who_keys));
	ph = unfilled(meta_find(meta, nmeta, phone_keys));
	em = unfilled(meta_find(meta, nmeta, email_keys));
	if ((h != NULL && h->value == NULL) || (ph != NULL &&
	    ph->value == NULL) || (em != NULL && em->value == NULL))
		return;
	if (h != NULL && *h->value != '\0')
		name = content_typeset(h->value);
	if (ph != NULL)
		phone_verdict(l, file, ph->pos.line, ph->pos.col, ph->value);
	if (em != NULL) {
		email_verdict(l, file, em->pos.line, em->pos.col, em->value);
		if (name != NULL)
			email_owner(l, name, em->value, &em->pos);
	}
	if (name == NULL || (ph != NULL && *ph->value != '\0') ||
	    (em != NULL && *em->value != '\0')) {
		free(name);
		return;
	}
	dir = directory_find(l, name);
	if (dir == NULL && l->m->org != NULL) {
		struct suggest sg;
		size_t	 i;

		suggest_init(&sg, name);
		for (i = 0; i < l->m->org->npeople; i++)
			suggest_try(&sg, l->m->org->people[i].name);
		if (sg.best != NULL) {
			report(l, DIAG_ERROR, file, h->pos.line, h->pos.col,
			    "the handläggare %s is not in the staff directory: "
			    "did you mean %s?", name, sg.best);
			free(name);
			return;
		}
	}
	/* An organisation.xml that could not be read was reported. */
	if (dir == NULL && l->m->org == NULL && profile_unread(l->m->dir)) {
		free(name);
		return;
	}
	if (dir == NULL || ((dir->phone == NULL || *dir->phone == '\0') &&
	    (dir->email == NULL || *dir->email == '\0')))
		report(l, DIAG_ERROR, file, h->pos.line, h->pos.col, "the "
		    "handläggare %s has no contact data: add \"tfn:\" and "
		    "\"e-post:\" to the header%s", name, l->m->org != NULL ?
		    ", or the person to the staff directory" : "");
	free(name);
}

/* A decision needs a description and a proposal; an information item
 * needs neither (the program or an oral report may be all there is). */
static void
lint_sections(struct lint *l, const struct casefile *cs)
{
	bool	 decision = cs->kind == NULL || strcmp(cs->kind, "beslut") == 0;
	int	 k;

	if (decision && !cs->sections[SECTION_DESCRIPTION].present)
		report(l, DIAG_ERROR, cs->path, 1, 1, "the case has no section "
		    "\"# Ärendebeskrivning\": add it and describe the case");
	if (decision && !cs->sections[SECTION_PROPOSAL].present)
		report(l, DIAG_ERROR, cs->path, 1, 1, "the decision case has no "
		    "section \"# Förslag till beslut\": add it with the "
		    "proposal, or write \"kind: information\" in the header");
	for (k = 0; k < SECTION__MAX; k++) {
		const struct section *s = &cs->sections[k];

		if (!s->present || s->blocks != NULL)
			continue;
		report(l, (k == SECTION_PROPOSAL && decision) ||
		    k == SECTION_DESCRIPTION ? DIAG_ERROR : DIAG_WARNING,
		    cs->path, s->pos.line, s->pos.col, "section \"%s\" is "
		    "empty: write its text or remove the heading",
		    section_heading((enum section_kind)k));
	}
}

static void
lint_case(struct lint *l, const struct casefile *cs)
{
	scan_markdown(l, cs->path);
	lint_sections(l, cs);
	lint_header_contact(l, cs->path, cs->meta, cs->nmeta);
}

/* ------------------------------------------------------------------ */
/* Documents and the meeting. */

/* Line of the "---" that closes a file's metadata header (1 if none). */
static int
header_end(struct lint *l, const char *path)
{
	struct text *t = path != NULL ? text_get(l, path) : NULL;
	const char *p, *e, *nl;
	int	 line;

	if (t == NULL || t->len < 4 || memcmp(t->data, "---\n", 4) != 0)
		return 1;
	for (p = t->data + 4, e = t->data + t->len, line = 2; p < e;
	    p = nl + 1, line++) {
		if ((nl = memchr(p, '\n', (size_t)(e - p))) == NULL)
			nl = e;
		if (nl - p == 3 && memcmp(p, "---", 3) == 0)
			return line;
	}
	return 1;
}

static const char *
document_label(enum document_kind k)
{
	switch (k) {
	case DOCUMENT_TJANSTESKRIVELSE:
		return "tjänsteskrivelse";
	case DOCUMENT_REPORT:
		return "report";
	case DOCUMENT_FOLLOWUP:
		return "follow-up report";
	case DOCUMENT_LETTER:
		return "letter";
	case DOCUMENT_PROGRAM:
		return "program";
	default:
		return "document";
	}
}

/* True if a field is a misspelling of `key' (reported as such). */
static bool
misspelt(const struct meta_field *m, size_t n, const char *key)
{
	const char *k;
	size_t	 i;

	for (i = 0; i < n; i++)
		if ((k = header_key_meant(m[i].key)) != NULL &&
		    strcmp(k, key) == 0)
			return true;
	return false;
}

static void
lint_document(struct lint *l, const struct document *d)
{
	struct srcpos pos = d->pos;
	size_t	 i;

	l->found = 0;
	if (pos.file == NULL)
		pos.file = d->path;
	/* A tjänsteskrivelse made from its case file was linted as the
	 * case; one written as a file of its own is linted here. */
	if (d->kind != DOCUMENT_EXTERNAL && d->kind != DOCUMENT_PROGRAM &&
	    d->path != NULL && (d->cs == NULL || d->cs->path == NULL ||
	    strcmp(d->cs->path, d->path) != 0)) {
		scan_markdown(l, d->path);
		lint_header_contact(l, pos.file, d->meta, d->nmeta);
	}
	/* A tjänsteskrivelse and a letter are signed.  The field is
	 * missing where the header ends.  A tjänsteskrivelse keeps its
	 * "I tjänsten" without a name under it, as real ones sometimes
	 * do: a warning; a letter without a signature cannot be sent. */
	if ((d->kind == DOCUMENT_TJANSTESKRIVELSE ||
	    d->kind == DOCUMENT_LETTER) && d->nsigners == 0 &&
	    !misspelt(d->meta, d->nmeta, "undertecknare")) {
		if (d->kind == DOCUMENT_TJANSTESKRIVELSE)
			report(l, DIAG_WARNING, pos.file,
			    header_end(l, pos.file), 1, "the tjänsteskrivelse "
			    "has no signer: \"I tjänsten\" stands with no "
			    "name under it; add \"undertecknare: Namn, Titel\" "
			    "to the header");
		else
			report(l, DIAG_ERROR, pos.file,
			    header_end(l, pos.file), 1, "the %s has no signer: "
			    "add \"undertecknare: Namn, Titel\" to the header",
			    document_label(d->kind));
	}
	/* A PDF made elsewhere with text but no tags: the pack tags its
	 * text as paragraphs, and no more (one without text was warned
	 * about when it was read). */
	if (d->kind == DOCUMENT_EXTERNAL) {
		if (d->ext_text && !d->ext_tagged)
			report(l, DIAG_WARNING, pos.file, pos.line, pos.col,
			    "\"%s\" is not a tagged PDF (no structure tree): "
			    "in the pack its text is read aloud as paragraphs "
			    "in the order of its text layer, without headings, "
			    "lists or tables; ask the sender for a tagged PDF",
			    d->path);
	}
	for (i = 0; i < d->nsigners; i++)
		if (d->signers[i].name == NULL || *d->signers[i].name == '\0')
			report(l, DIAG_ERROR, d->signers[i].pos.file ?
			    d->signers[i].pos.file : pos.file,
			    d->signers[i].pos.line, d->signers[i].pos.col,
			    "a signer of the %s has no name: write the name "
			    "over the title", document_label(d->kind));
}

/* Adds a line of "Expedieras till" to v, folded and cut at its first
 * comma (", för kännedom"). */
static void
recipient_add(struct buf *line, char ***v, size_t *n)
{
	char	*t = buf_detach(line), *f;

	if (t == NULL)
		return;
	f = content_fold(t, strcspn(t, ","));
	free(t);
	if (*f == '\0') {
		free(f);
		return;
	}
	*v = xrealloc(*v, (*n + 1) * sizeof(**v));
	(*v)[(*n)++] = f;
}

/* The lines of the recipients' blocks: a line a paragraph's line or a
 * list item's. */
static void
recipient_lines(const struct block *b, char ***v, size_t *n)
{
	const struct span *s;
	struct buf line = { 0 };

	for (; b != NULL; b = b->next) {
		if (b->kind == BLOCK_PARA || b->kind == BLOCK_HEADING) {
			for (s = b->spans; s != NULL; s = s->next)
				if (s->kind == SPAN_BREAK)
					recipient_add(&line, v, n);
				else if (s->kind == SPAN_TEXT && s->text != NULL)
					buf_puts(&line, s->text);
			recipient_add(&line, v, n);
		}
		recipient_lines(b->children, v, n);
	}
}

/* True if the folded text h holds the folded name w as whole words. */
static bool
names(const char *h, const char *w)
{
	size_t	 hl = strlen(h), wl = strlen(w);
	const char *p;

	for (p = h; wl > 0 && (p = strstr(p, w)) != NULL; p++)
		if (!word_before(h, (size_t)(p - h)) &&
		    !word_at(h, hl, (size_t)(p - h) + wl))
			return true;
	return false;
}

/* An address line that names a body: not a street, box or postal line
 * (they hold digits), not a person's "Att:". */
static bool
names_body(const char *f)
{
	return f[strcspn(f, "0123456789")] == '\0' &&
	    strncmp(f, "att:", 4) != 0 && strncmp(f, "att ", 4) != 0 &&
	    strncmp(f, "c/o ", 4) != 0;
}

/* A letter behind an item is sent to its case's "Expedieras till": an
 * address that names none of them is a letter sent to the wrong body,
 * or a recipient forgotten. */
static void
lint_letter_recipients(struct lint *l, const struct agenda_item *it,
    const struct document *d)
{
	const struct section *sec = &it->cs->sections[SECTION_RECIPIENTS];
	const struct srcpos *at = &d->pos;
	char	**rv = NULL, *a;
	struct buf shown = { 0 };
	size_t	 nr = 0, i, j, nbody = 0;
	bool	 named = false;

	if (d->kind != DOCUMENT_LETTER || d->naddress == 0 || !sec->present)
		return;
	recipient_lines(sec->blocks, &rv, &nr);
	for (i = 0; i < d->naddress && !named; i++) {
		a = content_fold(d->address[i], strlen(d->address[i]));
		if (names_body(a)) {
			nbody++;
			for (j = 0; j < nr && !named; j++)
				named = names(rv[j], a) || names(a, rv[j]);
		}
		free(a);
	}
	if (!named && nbody > 0 && nr > 0) {
		for (i = 0; i < d->nmeta; i++) {
			a = content_fold(d->meta[i].key, strlen(d->meta[i].key));
			if (strcmp(a, "adress") == 0)
				at = &d->meta[i].pos;
			free(a);
		}
		for (i = 0; i < d->naddress; i++) {
			if (i > 0)
				buf_puts(&shown, "; ");
			buf_puts(&shown, d->address[i]);
		}
		a = buf_detach(&shown);
		report(l, DIAG_WARNING, at->file ? at->file : d->path,
		    at->line, at->col, "the letter is addressed to \"%s\", "
		    "which the case's \"Expedieras till\" (%s:%d) does not "
		    "name: send the letter where it is addressed, or correct "
		    "the address or the recipients", a, it->cs->path,
		    sec->pos.line);
		free(a);
	}
	strv_free(rv, nr);
}

static void
lint_secretary(struct lint *l)
{
	const struct contact *c = &l->m->secretary;
	struct srcpos pos;

	l->found = 0;
	if (c->phone != NULL) {
		attr_pos(l, l->m->manifest, 0, "secretary", "phone", &pos);
		phone_verdict(l, pos.file, pos.line, pos.col, c->phone);
	}
	if (c->email != NULL) {
		attr_pos(l, l->m->manifest, 0, "secretary", "email", &pos);
		email_verdict(l, pos.file, pos.line, pos.col, c->email);
		if (c->name != NULL)
			email_owner(l, c->name, c->email, &pos);
	}
}

/*
 * Case files that could not be read (an error in the header, say) are
 * still scanned as text, so that one check lists their hints too.  The
 * model has no path for them: the manifest names them, in agenda
 * order; only files inside the meeting folder are read.
 */
static void
lint_unread(struct lint *l)
{
	const struct meeting *m = l->m;
	struct text *t = text_get(l, m->manifest);
	xmlDocPtr doc;
	xmlNodePtr n, c;
	size_t	 i = 0;
	char	*file, *path;

	/* The manifest was read once already: it loads. */
	if (t == NULL || (doc = xml_load_memory(m->manifest, t->data, t->len,
	    NULL, NULL)) == NULL)
		return;
	for (n = xmlDocGetRootElement(doc); n != NULL;
	    n = n == xmlDocGetRootElement(doc) ? n->children : n->next) {
		if (n->type != XML_ELEMENT_NODE || !xml_is(n, "agenda"))
			continue;
		for (c = n->children; c != NULL && i < m->nitems;
		    c = c->next) {
			if (c->type != XML_ELEMENT_NODE)
				continue;
			if (m->items[i].kind == AGENDA_CASE &&
			    m->items[i].cs == NULL && xml_is(c, "case") &&
			    (file = xml_attr(c, "file")) != NULL) {
				path = xasprintf("%s/%s", m->dir, file);
				if (path_inside(m->dir, path))
					scan_markdown(l, intern(path));
				free(path);
				free(file);
			}
			i++;
		}
		break;
	}
	xmlFreeDoc(doc);
}

/* ------------------------------------------------------------------ */
/* A figure printed more than once in the pack. */

struct figseen {
	const struct block *b;		/* the first placement */
};

static bool
same_figure(const struct block *a, const struct block *b)
{
	return a->figure == b->figure && a->figure_view == b->figure_view &&
	    ((a->figure_chart == NULL && b->figure_chart == NULL) ||
	    (a->figure_chart != NULL && b->figure_chart != NULL &&
	    strcmp(a->figure_chart, b->figure_chart) == 0));
}

/* Each figure block of chain b, printed `times' times (0 when printed
 * only where the text asks, in its agenda summary). */
static void
figures_walk(struct lint *l, struct figseen **seen, size_t *nseen,
    size_t *cap, const struct block *b, const struct block *sum,
    const struct block *end, int times)
{
	size_t	 i;
	bool	 in = false;

	for (; b != NULL; b = b->next) {
		if (b == sum)
			in = true;
		if (b == end)
			in = false;
		if (b->children != NULL)
			figures_walk(l, seen, nseen, cap, b->children, NULL,
			    NULL, in ? 1 : times);
		if (b->kind != BLOCK_FIGURE || b->figure == NULL)
			continue;
		for (i = 0; i < *nseen; i++)
			if (same_figure((*seen)[i].b, b))
				break;
		if (i < *nseen)
			report(l, DIAG_WARNING, b->pos.file, b->pos.line,
			    b->pos.col, "the figure \"%s\" is printed more "
			    "than once in the pack (also at %s:%d:%d): place "
			    "it in one text only", b->figure_ref,
			    (*seen)[i].b->pos.file, (*seen)[i].b->pos.line,
			    (*seen)[i].b->pos.col);
		else if ((in ? 1 : times) > 1)
			report(l, DIAG_WARNING, b->pos.file, b->pos.line,
			    b->pos.col, "the figure \"%s\" is printed twice, "
			    "in the agenda and in the tjänsteskrivelse: put "
			    "what the agenda shows under \"## Sammanfattning\" "
			    "in the Ärendebeskrivning, and the figure outside "
			    "it", b->figure_ref);
		if (i == *nseen) {
			if (*nseen == *cap) {
				*cap = *cap ? *cap * 2 : 16;
				*seen = xrealloc(*seen, *cap * sizeof(**seen));
			}
			(*seen)[(*nseen)++].b = b;
		}
	}
}

static void
lint_figures_twice(struct lint *l)
{
	const struct meeting *m = l->m;
	const struct agenda_item *it;
	const struct block *sum, *end;
	struct figseen *seen = NULL;
	size_t	 nseen = 0, cap = 0, i, k;
	int	 k2, times;
	bool	 ts;

	for (i = 0; i < m->nitems; i++) {
		it = &m->items[i];
		if (it->kind != AGENDA_CASE || it->cs == NULL)
			continue;
		ts = false;
		for (k = 0; k < it->ndocs; k++)
			if (it->docs[k]->kind == DOCUMENT_TJANSTESKRIVELSE &&
			    it->docs[k]->cs == it->cs && it->docs[k]->blocks ==
			    NULL)
				ts = true;
		sum = ts ? case_summary(it->cs, &end) : NULL;
		if (sum == NULL)
			end = NULL;
		for (k2 = 0; k2 < SECTION__MAX; k2++) {
			/* Outside a summary the agenda does not show it. */
			times = (sum != NULL && k2 == SECTION_DESCRIPTION ?
			    0 : 1) + ts;
			if (it->cs->sections[k2].present)
				figures_walk(l, &seen, &nseen, &cap,
				    it->cs->sections[k2].blocks,
				    k2 == SECTION_DESCRIPTION ? sum : NULL,
				    end, times);
		}
	}
	for (i = 0; i < m->ndocuments; i++)
		if (m->documents[i] != NULL)
			figures_walk(l, &seen, &nseen, &cap,
			    m->documents[i]->blocks, NULL, NULL, 1);
	free(seen);
}

void
meeting_lint(const struct meeting *m)
{
	struct lint l;
	size_t	 i, j;

	if (m == NULL)
		return;
	memset(&l, 0, sizeof(l));
	l.m = m;
	scan_xml(&l, m->manifest);
	lint_secretary(&l);
	if (m->org != NULL && m->org->path != NULL) {
		scan_xml(&l, m->org->path);
		lint_directory(&l);
	}
	if (m->program != NULL && m->program->path != NULL)
		scan_xml(&l, m->program->path);
	for (i = 0; i < m->nitems; i++)
		if (m->items[i].cs != NULL)
			lint_case(&l, m->items[i].cs);
	lint_unread(&l);
	lint_figures_twice(&l);
	/* What build --public and site refuse. */
	meeting_secret_links(m, DIAG_WARNING);
	guard_lint(m);
	for (i = 0; i < m->ndocuments; i++)
		if (m->documents[i] != NULL)
			lint_document(&l, m->documents[i]);
	for (i = 0; i < m->nitems; i++)
		for (j = 0; m->items[i].cs != NULL && j < m->items[i].ndocs;
		    j++)
			lint_letter_recipients(&l, &m->items[i],
			    m->items[i].docs[j]);
	/* Figure files: hints in captions, notes and cells. */
	for (i = 0; i < m->nfigures; i++) {
		if (m->figures[i] == NULL)
			continue;
		if (m->figures[i]->path != NULL)
			scan_plain(&l, m->figures[i]->path);
		if (m->figures[i]->csv != NULL)
			scan_plain(&l, m->figures[i]->csv);
	}
	/* Personal identity numbers anywhere: a warning here, an error
	 * in what is published (meeting_pnr_scan with public_only). */
	meeting_pnr_scan(m, DIAG_WARNING, false);
	for (i = 0; i < l.ntexts; i++) {
		free(l.texts[i].data);
		free(l.texts[i].lines);
	}
	free(l.texts);
}

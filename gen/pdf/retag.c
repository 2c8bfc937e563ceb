/*
 * The text of a page of a PDF made elsewhere that has text but no
 * tags: its content rewritten so that a screen reader can read it.
 * The text the page shows is the marked content of paragraphs (each
 * sequence with an MCID, begun inside its text object), in the order
 * of the content, which is the order its text layer gives, a line a
 * sequence; everything else is a layout artifact.  Lines follow one
 * another into one paragraph while the next baseline is at most about
 * a line and a half below the last and the size of the text stays (a
 * heading apart from its text, paragraphs apart by their spacing).
 *
 * The file's own marked content has no structure to belong to: its
 * sequences are dropped, except optional content (/OC), which decides
 * what is shown; ours stay innermost.  Nothing else changes: the
 * operators and their operands are copied as they are.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "pdf_private.h"

#define RT_MAX_Q	64	/* nesting of q ... Q followed */
#define RT_MAX_MC	256	/* nesting of the file's own BMC/BDC */
#define RT_MAX_MCIDS	100000	/* sequences on one page */

struct retag {
	const unsigned char *in;
	size_t		 len, pos;
	struct buf	*out;
	/* Graphics and text state, as far as baselines need it. */
	double		 ctm[6], qstack[RT_MAX_Q][6];
	int		 nq;
	double		 tm[6], tlm[6];
	double		 tl, tfs;
	bool		 in_text;
	/* Operands of the operator being read. */
	double		 num[6];
	int		 nnum;
	const unsigned char *name;	/* first name operand */
	size_t		 namelen;
	/* Marked content: ours, and the file's kept (/OC) or dropped. */
	bool		 art_open, p_open;
	bool		 kept[RT_MAX_MC];
	int		 nmc;
	/* Paragraphs: the current one and its last line. */
	int		 npara;
	double		 last_y, last_size;
	int		*para;		/* per MCID */
	int		 nmcids, cap;
};

static void
mul(const double a[6], const double b[6], double r[6])
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

static void
identity(double m[6])
{
	static const double id[6] = { 1, 0, 0, 1, 0, 0 };

	memcpy(m, id, sizeof(id));
}

static bool
is_space(int c)
{
	return c == 0 || c == '\t' || c == '\n' || c == '\f' || c == '\r' ||
	    c == ' ';
}

static bool
is_delim(int c)
{
	return c == '(' || c == ')' || c == '<' || c == '>' || c == '[' ||
	    c == ']' || c == '{' || c == '}' || c == '/' || c == '%';
}

static void
put(struct retag *r, const char *s)
{
	buf_puts(r->out, s);
}

static void
close_ours(struct retag *r)
{
	if (r->art_open || r->p_open)
		put(r, "\nEMC\n");
	r->art_open = r->p_open = false;
}

static void
open_artifact(struct retag *r)
{
	if (!r->in_text && !r->art_open && !r->p_open) {
		put(r, "\n/Artifact <</Type /Layout>> BDC\n");
		r->art_open = true;
	}
}

/* Before text is shown: the paragraph it belongs to, by its baseline. */
static void
open_para(struct retag *r)
{
	double	 m[6], y, size;
	bool	 same, line;

	mul(r->tm, r->ctm, m);
	y = m[5];
	size = fabs(r->tfs) * sqrt(m[2] * m[2] + m[3] * m[3]);
	if (!isfinite(y) || !isfinite(size))
		y = size = 0;
	same = r->npara > 0 && (fabs(r->last_y - y) < 0.5 * size ||
	    (r->last_y > y && r->last_y - y <= 1.6 * fmax(size,
	    r->last_size))) && size <= r->last_size * 1.15 + 0.01 &&
	    r->last_size <= size * 1.15 + 0.01;
	line = r->npara > 0 && fabs(r->last_y - y) >= 0.5 * size;
	r->last_y = y;
	r->last_size = size;
	if (!same)
		r->npara++;
	/* A line a sequence: the line ends, where the file shows no
	 * space, are between sequences. */
	if ((!same || line) && r->p_open)
		close_ours(r);
	if (r->p_open)
		return;
	if (r->nmcids == r->cap) {
		r->cap = r->cap ? r->cap * 2 : 64;
		r->para = xrealloc(r->para, (size_t)r->cap *
		    sizeof(*r->para));
	}
	r->para[r->nmcids] = r->npara - 1;
	buf_printf(r->out, "\n/P <</MCID %d>> BDC\n", r->nmcids++);
	r->p_open = true;
}

/* Skips a token: its kind ('n' number, '/' name, 'o' operator, 'x'
 * other operand, 0 at the end). */
static int
token(struct retag *r, size_t *start)
{
	const unsigned char *in = r->in;
	size_t	 n = r->len, p = r->pos;
	int	 depth, kind;

	for (;;) {
		while (p < n && is_space(in[p]))
			p++;
		if (p < n && in[p] == '%') {
			while (p < n && in[p] != '\n' && in[p] != '\r')
				p++;
			continue;
		}
		break;
	}
	*start = p;
	if (p >= n) {
		r->pos = p;
		return 0;
	}
	switch (in[p]) {
	case '(':
		for (depth = 0; p < n; p++) {
			if (in[p] == '\\')
				p++;
			else if (in[p] == '(')
				depth++;
			else if (in[p] == ')' && --depth == 0) {
				p++;
				break;
			}
		}
		kind = 'x';
		break;
	case '<':
		if (p + 1 < n && in[p + 1] == '<')
			p += 2;
		else {
			while (p < n && in[p] != '>')
				p++;
			p++;
		}
		kind = 'x';
		break;
	case '>':
		p += p + 1 < n && in[p + 1] == '>' ? 2 : 1;
		kind = 'x';
		break;
	case '[': case ']': case '{': case '}': case ')':
		p++;
		kind = 'x';
		break;
	case '/':
		for (p++; p < n && !is_space(in[p]) && !is_delim(in[p]); p++)
			;
		kind = '/';
		break;
	default:
		for (; p < n && !is_space(in[p]) && !is_delim(in[p]); p++)
			;
		kind = (in[*start] >= '0' && in[*start] <= '9') ||
		    in[*start] == '-' || in[*start] == '+' ||
		    in[*start] == '.' ? 'n' : 'o';
		break;
	}
	r->pos = p > n ? n : p;
	return kind;
}

/* An inline image's data, after ID: up to "EI" between white space. */
static void
skip_image(struct retag *r)
{
	const unsigned char *in = r->in;
	size_t	 p = r->pos + 1;

	for (; p + 2 <= r->len; p++)
		if (in[p] == 'E' && in[p + 1] == 'I' && is_space(in[p - 1]) &&
		    (p + 2 == r->len || is_space(in[p + 2]) ||
		    is_delim(in[p + 2]))) {
			r->pos = p + 2;
			return;
		}
	r->pos = r->len;
}

static bool
op_is(const struct retag *r, size_t at, const char *op)
{
	size_t	 n = strlen(op);

	return r->pos - at == n && memcmp(r->in + at, op, n) == 0;
}

/* A number token (the input has no NUL to stop strtod). */
static double
number(const unsigned char *s, size_t n)
{
	char	 tmp[32];
	double	 v;

	if (n >= sizeof(tmp))
		n = sizeof(tmp) - 1;
	memcpy(tmp, s, n);
	tmp[n] = '\0';
	v = strtod(tmp, NULL);
	return isfinite(v) ? v : 0;
}

static void
text_line(struct retag *r, double tx, double ty)
{
	double	 t[6] = { 1, 0, 0, 1, tx, ty };

	mul(t, r->tlm, r->tlm);
	memcpy(r->tm, r->tlm, sizeof(r->tm));
}

int
pdf_retag_text(const unsigned char *in, size_t len, struct buf *out,
    int **para, int *nmcids)
{
	struct retag r;
	size_t	 at, copied = 0, opstart = (size_t)-1, segstart;
	int	 kind;
	bool	 show;

	memset(&r, 0, sizeof(r));
	r.in = in;
	r.len = len;
	r.out = out;
	identity(r.ctm);
	identity(r.tm);
	identity(r.tlm);
	open_artifact(&r);
	while ((kind = token(&r, &at)) != 0) {
		if (kind != 'o') {
			if (opstart == (size_t)-1)
				opstart = at;
			if (kind == 'n') {
				if (r.nnum == 6)
					memmove(r.num, r.num + 1,
					    5 * sizeof(*r.num));
				else
					r.nnum++;
				r.num[r.nnum - 1] = number(in + at, r.pos - at);
			} else if (kind == '/' && r.name == NULL) {
				r.name = in + at;
				r.namelen = r.pos - at;
			}
			continue;
		}
		if (op_is(&r, at, "BI")) {
			/* Its dictionary, then the data. */
			while ((kind = token(&r, &at)) != 0 && !(kind == 'o' &&
			    op_is(&r, at, "ID")))
				;
			skip_image(&r);
		}
		segstart = opstart != (size_t)-1 ? opstart : at;
		buf_put(out, (const char *)in + copied, segstart - copied);
		show = op_is(&r, at, "Tj") || op_is(&r, at, "TJ") ||
		    op_is(&r, at, "'") || op_is(&r, at, "\"");
		if (op_is(&r, at, "BT")) {
			close_ours(&r);
			r.in_text = true;
			identity(r.tm);
			identity(r.tlm);
		} else if (op_is(&r, at, "ET")) {
			close_ours(&r);
		} else if (op_is(&r, at, "BMC") || op_is(&r, at, "BDC")) {
			/* Optional content stays, outside ours. */
			bool	 keep = op_is(&r, at, "BDC") && r.name &&
			    r.namelen == 3 && memcmp(r.name, "/OC", 3) == 0;

			if (r.nmc < RT_MAX_MC)
				r.kept[r.nmc] = keep;
			r.nmc++;
			if (keep)
				close_ours(&r);
			else
				segstart = r.pos;	/* dropped */
		} else if (op_is(&r, at, "EMC")) {
			bool	 keep = r.nmc > 0 && r.nmc <= RT_MAX_MC &&
			    r.kept[r.nmc - 1];

			if (r.nmc > 0)
				r.nmc--;
			if (keep)
				close_ours(&r);
			else
				segstart = r.pos;
		} else if (op_is(&r, at, "MP") || op_is(&r, at, "DP")) {
			segstart = r.pos;
		} else if (show && r.in_text) {
			if (op_is(&r, at, "'") || op_is(&r, at, "\""))
				text_line(&r, 0, -r.tl);
			open_para(&r);
		}
		buf_put(out, (const char *)in + segstart, r.pos - segstart);
		copied = r.pos;
		/* The state after the operator. */
		if (op_is(&r, at, "ET")) {
			r.in_text = false;
			open_artifact(&r);
		} else if (op_is(&r, at, "q") && r.nq < RT_MAX_Q)
			memcpy(r.qstack[r.nq++], r.ctm, sizeof(r.ctm));
		else if (op_is(&r, at, "Q") && r.nq > 0)
			memcpy(r.ctm, r.qstack[--r.nq], sizeof(r.ctm));
		else if (op_is(&r, at, "cm") && r.nnum == 6)
			mul(r.num, r.ctm, r.ctm);
		else if (op_is(&r, at, "Tm") && r.nnum == 6) {
			memcpy(r.tm, r.num, sizeof(r.tm));
			memcpy(r.tlm, r.num, sizeof(r.tlm));
		} else if (op_is(&r, at, "Td") && r.nnum >= 2)
			text_line(&r, r.num[r.nnum - 2], r.num[r.nnum - 1]);
		else if (op_is(&r, at, "TD") && r.nnum >= 2) {
			r.tl = -r.num[r.nnum - 1];
			text_line(&r, r.num[r.nnum - 2], r.num[r.nnum - 1]);
		} else if (op_is(&r, at, "T*"))
			text_line(&r, 0, -r.tl);
		else if (op_is(&r, at, "TL") && r.nnum >= 1)
			r.tl = r.num[r.nnum - 1];
		else if (op_is(&r, at, "Tf") && r.nnum >= 1)
			r.tfs = r.num[r.nnum - 1];
		if (!r.in_text)
			open_artifact(&r);
		r.nnum = 0;
		r.name = NULL;
		opstart = (size_t)-1;
		if (r.nmcids > RT_MAX_MCIDS) {
			free(r.para);
			return -1;
		}
	}
	buf_put(out, (const char *)in + copied, len - copied);
	close_ours(&r);
	*para = r.para;
	*nmcids = r.nmcids;
	return r.npara;
}

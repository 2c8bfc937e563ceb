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

#include "../util/pdfin.h"
#include "pdf_private.h"

#define RT_MAX_Q	64	/* nesting of q ... Q followed */
#define RT_MAX_MC	256	/* nesting of the file's own BMC/BDC */
#define RT_MAX_MCIDS	100000	/* sequences on one page */

struct retag {
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
	bool		 named, oc;	/* a name operand; the first is /OC */
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
identity(double m[6])
{
	static const double id[6] = { 1, 0, 0, 1, 0, 0 };

	memcpy(m, id, sizeof(id));
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

	pdf_mat_mul(r->tm, r->ctm, m);
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

static void
text_line(struct retag *r, double tx, double ty)
{
	pdf_mat_translate(r->tlm, tx, ty);
	memcpy(r->tm, r->tlm, sizeof(r->tm));
}

int
pdf_retag_text(const unsigned char *in, size_t len, struct buf *out,
    int **para, int *nmcids)
{
	struct retag r;
	struct pdflex l = { in, len, 0, 0, PDFLEX_END, 0, { 0 } };
	size_t	 at, copied = 0, opstart = (size_t)-1, segstart;
	enum pdflex_tok t;
	bool	 show;

	memset(&r, 0, sizeof(r));
	r.out = out;
	identity(r.ctm);
	identity(r.tm);
	identity(r.tlm);
	open_artifact(&r);
	while ((t = pdflex_next(&l)) != PDFLEX_END) {
		at = l.start;
		if (t != PDFLEX_OP) {
			if (opstart == (size_t)-1)
				opstart = at;
			if (t == PDFLEX_NUM) {
				if (r.nnum == 6)
					memmove(r.num, r.num + 1,
					    5 * sizeof(*r.num));
				else
					r.nnum++;
				r.num[r.nnum - 1] = l.num;
			} else if (t == PDFLEX_NAME && !r.named) {
				r.named = true;
				r.oc = l.str.len == 2 &&
				    memcmp(l.str.data, "OC", 2) == 0;
			}
			continue;
		}
		if (pdflex_is(&l, "BI")) {
			/* Its dictionary, then the data. */
			while ((t = pdflex_next(&l)) != PDFLEX_END &&
			    t != PDFLEX_IMAGE)
				;
			at = l.start;
		}
		segstart = opstart != (size_t)-1 ? opstart : at;
		buf_put(out, (const char *)in + copied, segstart - copied);
		show = pdflex_is(&l, "Tj") || pdflex_is(&l, "TJ") ||
		    pdflex_is(&l, "'") || pdflex_is(&l, "\"");
		if (pdflex_is(&l, "BT")) {
			close_ours(&r);
			r.in_text = true;
			identity(r.tm);
			identity(r.tlm);
		} else if (pdflex_is(&l, "ET")) {
			close_ours(&r);
		} else if (pdflex_is(&l, "BMC") || pdflex_is(&l, "BDC")) {
			/* Optional content stays, outside ours. */
			bool	 keep = pdflex_is(&l, "BDC") && r.oc;

			if (r.nmc < RT_MAX_MC)
				r.kept[r.nmc] = keep;
			r.nmc++;
			if (keep)
				close_ours(&r);
			else
				segstart = l.at;	/* dropped */
		} else if (pdflex_is(&l, "EMC")) {
			bool	 keep = r.nmc > 0 && r.nmc <= RT_MAX_MC &&
			    r.kept[r.nmc - 1];

			if (r.nmc > 0)
				r.nmc--;
			if (keep)
				close_ours(&r);
			else
				segstart = l.at;
		} else if (pdflex_is(&l, "MP") || pdflex_is(&l, "DP")) {
			segstart = l.at;
		} else if (show && r.in_text) {
			if (pdflex_is(&l, "'") || pdflex_is(&l, "\""))
				text_line(&r, 0, -r.tl);
			open_para(&r);
		}
		buf_put(out, (const char *)in + segstart, l.at - segstart);
		copied = l.at;
		/* The state after the operator. */
		if (pdflex_is(&l, "ET")) {
			r.in_text = false;
			open_artifact(&r);
		} else if (pdflex_is(&l, "q") && r.nq < RT_MAX_Q)
			memcpy(r.qstack[r.nq++], r.ctm, sizeof(r.ctm));
		else if (pdflex_is(&l, "Q") && r.nq > 0)
			memcpy(r.ctm, r.qstack[--r.nq], sizeof(r.ctm));
		else if (pdflex_is(&l, "cm") && r.nnum == 6)
			pdf_mat_mul(r.num, r.ctm, r.ctm);
		else if (pdflex_is(&l, "Tm") && r.nnum == 6) {
			memcpy(r.tm, r.num, sizeof(r.tm));
			memcpy(r.tlm, r.num, sizeof(r.tlm));
		} else if (pdflex_is(&l, "Td") && r.nnum >= 2)
			text_line(&r, r.num[r.nnum - 2], r.num[r.nnum - 1]);
		else if (pdflex_is(&l, "TD") && r.nnum >= 2) {
			r.tl = -r.num[r.nnum - 1];
			text_line(&r, r.num[r.nnum - 2], r.num[r.nnum - 1]);
		} else if (pdflex_is(&l, "T*"))
			text_line(&r, 0, -r.tl);
		else if (pdflex_is(&l, "TL") && r.nnum >= 1)
			r.tl = r.num[r.nnum - 1];
		else if (pdflex_is(&l, "Tf") && r.nnum >= 1)
			r.tfs = r.num[r.nnum - 1];
		if (!r.in_text)
			open_artifact(&r);
		r.nnum = 0;
		r.named = r.oc = false;
		opstart = (size_t)-1;
		if (r.nmcids > RT_MAX_MCIDS) {
			buf_free(&l.str);
			free(r.para);
			return -1;
		}
	}
	buf_free(&l.str);
	buf_put(out, (const char *)in + copied, len - copied);
	close_ours(&r);
	*para = r.para;
	*nmcids = r.nmcids;
	return r.npara;
}

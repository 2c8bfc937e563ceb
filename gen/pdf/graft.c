/*
 * The content of a page of a PDF made elsewhere, made part of the
 * content of the pack's page that shows it.  Drawn as a form XObject,
 * its marked content would be numbered in the form's own MCIDs, which
 * a reader that builds a page's structure from the page's parent-tree
 * entry alone (pdf.js, and so Firefox) never reaches; in the page's
 * content, renumbered after the page's own MCIDs, every reader does.
 *
 * What changes: each resource name an operator uses gets a prefix (the
 * resources are merged into the page's under the same names, attach.c);
 * each MCID is moved up by the page's count; the file's marked content
 * is kept (a tagged file, or one retag.c has tagged) or dropped but
 * for optional content (/OC), which decides what is shown; an
 * operator that would close what the file did not open (Q, ET, EMC) is
 * dropped, and what it leaves open is closed at the end, so that the
 * page's own content after it starts as it did.  Everything else is
 * copied as it stands.
 */
#include <stdlib.h>
#include <string.h>

#include "../util/pdfin.h"
#include "pdf_private.h"

#define GR_MAX_MC	256	/* nesting of marked content followed */
#define GR_MAX_EDITS	4

/* A piece of the operator's operands to write otherwise. */
struct edit {
	size_t		 start, end;
	char		 text[32];
	bool		 prefix;	/* put the prefix before start */
};

struct graft {
	const struct pdf_graft *how;
	struct buf	*out;
	int		 nq, nmc;
	bool		 in_text, in_path;
	bool		 kept[GR_MAX_MC];
	bool		 covers[GR_MAX_MC];	/* an MCID's or an Artifact */
	int		 openkept;	/* kept sequences open */
	int		 ncovers;	/* of them, those that cover */
	bool		 art;		/* our artifact is open */
	/* The operands of the operator being read. */
	int		 ntok, dict, arr;
	int		 nnames;	/* names at the top level */
	size_t		 name1s, name2s, lasts;
	char		 name1[128];	/* the first name, as written */
	size_t		 name1len;
	bool		 name1_oc, name1_dev, last_name, mcid_next;
	size_t		 mcids, mcide;	/* the MCID's number */
	double		 mcid;
	bool		 has_mcid;
	struct edit	 edits[GR_MAX_EDITS];
	int		 nedits;
	int		 maxmcid;
};

static void
operands_reset(struct graft *g)
{
	g->ntok = g->dict = g->arr = g->nnames = 0;
	g->name1_oc = g->name1_dev = g->last_name = g->mcid_next = g->has_mcid = false;
	g->nedits = 0;
}

static void
edit_prefix(struct graft *g, size_t start)
{
	if (g->nedits < GR_MAX_EDITS) {
		g->edits[g->nedits].start = g->edits[g->nedits].end = start;
		g->edits[g->nedits].prefix = true;
		g->edits[g->nedits++].text[0] = '\0';
	}
}

/* The operands and operator in[from, to), with the edits made. */
static void
emit(struct graft *g, const unsigned char *in, size_t from, size_t to)
{
	size_t	 at = from;
	int	 i, j;
	struct edit t;

	/* In order of place (at most a few). */
	for (i = 1; i < g->nedits; i++)
		for (j = i; j > 0 && g->edits[j].start < g->edits[j - 1].start;
		    j--) {
			t = g->edits[j];
			g->edits[j] = g->edits[j - 1];
			g->edits[j - 1] = t;
		}
	for (i = 0; i < g->nedits; i++) {
		const struct edit *e = &g->edits[i];

		if (e->start < at || e->end > to)
			continue;
		buf_put(g->out, (const char *)in + at, e->start - at);
		if (e->prefix)
			buf_printf(g->out, "/%s", g->how->prefix);
		else
			buf_puts(g->out, e->text);
		/* A prefix goes before the name's '/', kept after it. */
		at = e->prefix ? e->start + 1 : e->end;
	}
	buf_put(g->out, (const char *)in + at, to - at);
}

static bool
device_space(const struct pdflex *l)
{
	static const char *const dev[] = {
		"DeviceGray", "DeviceRGB", "DeviceCMYK", "Pattern", "G",
		"RGB", "CMYK", "I", "Indexed"
	};
	size_t	 i;

	for (i = 0; i < sizeof(dev) / sizeof(*dev); i++)
		if (l->str.len == strlen(dev[i]) &&
		    memcmp(l->str.data, dev[i], l->str.len) == 0)
			return true;
	return false;
}

/* An inline image's dictionary (after BI) up to its data: a named
 * colour space is a resource. */
static void
inline_image(struct graft *g, struct pdflex *l)
{
	enum pdflex_tok t;
	bool	 cs = false;

	while ((t = pdflex_next(l)) != PDFLEX_END && t != PDFLEX_IMAGE) {
		if (t != PDFLEX_NAME) {
			cs = false;
			continue;
		}
		if (cs && !device_space(l))
			edit_prefix(g, l->start);
		cs = !cs && ((l->str.len == 2 &&
		    memcmp(l->str.data, "CS", 2) == 0) || (l->str.len == 10 &&
		    memcmp(l->str.data, "ColorSpace", 10) == 0));
	}
}

/* Begins marked content: kept (renumbered, its property list's name
 * prefixed) or dropped.  Returns whether it is written. */
static bool
begin_mc(struct graft *g, bool bdc, int *err)
{
	bool	 keep = g->how->keep_mc || (bdc && g->name1_oc);
	long	 m;

	if (g->nmc < GR_MAX_MC)
		g->kept[g->nmc] = keep;
	g->nmc++;
	if (!keep)
		return false;
	if (g->nmc > GR_MAX_MC) {
		*err = 1;
		return false;
	}
	g->openkept++;
	/* A property list by name is taken to hold an MCID. */
	g->covers[g->nmc - 1] = (g->name1len == 8 &&
	    memcmp(g->name1, "Artifact", 8) == 0) || (bdc && !g->name1_oc &&
	    (g->has_mcid || g->nnames >= 2));
	g->ncovers += g->covers[g->nmc - 1];
	if (bdc && g->nnames >= 2)
		edit_prefix(g, g->name2s);
	if (bdc && g->has_mcid && g->nedits < GR_MAX_EDITS) {
		if (!(g->mcid >= 0 && g->mcid <= PDF_GRAFT_MAX_MCID) ||
		    (double)(m = (long)g->mcid) != g->mcid) {
			*err = 1;
			return false;
		}
		if (m > g->maxmcid)
			g->maxmcid = (int)m;
		if (g->how->mcids != NULL) {
			struct pdf_graft_mcid r;

			memset(&r, 0, sizeof(r));
			r.mcid = (int)m + g->how->mcid_base;
			if (g->name1len < sizeof(r.tag))
				memcpy(r.tag, g->name1, g->name1len);
			buf_put(g->how->mcids, &r, sizeof(r));
		}
		g->edits[g->nedits].start = g->mcids;
		g->edits[g->nedits].end = g->mcide;
		g->edits[g->nedits].prefix = false;
		snprintf(g->edits[g->nedits++].text, sizeof(g->edits->text),
		    "%ld", m + g->how->mcid_base);
	}
	return true;
}

static bool
op_in(const struct pdflex *l, const char *const *ops)
{
	for (; *ops != NULL; ops++)
		if (pdflex_is(l, *ops))
			return true;
	return false;
}

/*
 * Kept marked content (a tagged page): what the file paints outside
 * an MCID's sequence and outside an artifact becomes a layout artifact
 * of ours, innermost, begun at a path's start or at what paints, ended
 * before the file's marked content, BT or ET, so no sequence overlaps
 * another or a text object.
 */
static void
cover(struct graft *g, const struct pdflex *l)
{
	static const char *const bound[] = {
		"BT", "ET", "BMC", "BDC", "EMC", NULL
	};
	static const char *const path[] = {
		"m", "l", "c", "v", "y", "h", "re", NULL
	};
	static const char *const paint[] = {
		"S", "s", "f", "F", "f*", "B", "B*", "b", "b*", "n", "Tj",
		"TJ", "'", "\"", "Do", "sh", "BI", NULL
	};
	bool	 starts;

	if (!g->how->keep_mc)
		return;
	if (op_in(l, bound)) {
		if (g->art)
			buf_puts(g->out, "\nEMC\n");
		g->art = false;
		return;
	}
	starts = op_in(l, path) ? !g->in_path : op_in(l, paint);
	if (op_in(l, path))
		g->in_path = true;
	else if (op_in(l, paint))
		g->in_path = false;
	if (starts && !g->art && g->ncovers == 0) {
		buf_puts(g->out, "\n/Artifact <</Type /Layout>> BDC\n");
		g->art = true;
	}
}

int
pdf_graft_content(const unsigned char *in, size_t len,
    const struct pdf_graft *how, struct buf *out)
{
	struct graft g;
	struct pdflex l = { in, len, 0, 0, PDFLEX_END, 0, { 0 } };
	size_t	 copied = 0, opstart = (size_t)-1;
	enum pdflex_tok t;
	bool	 write;
	int	 err = 0, drawn;

	memset(&g, 0, sizeof(g));
	g.how = how;
	g.out = out;
	g.maxmcid = -1;
	operands_reset(&g);
	while (!err && (t = pdflex_next(&l)) != PDFLEX_END) {
		if (t != PDFLEX_OP && t != PDFLEX_IMAGE) {
			if (opstart == (size_t)-1)
				opstart = l.start;
			g.ntok++;
			if (t == PDFLEX_OTHER && l.at - l.start == 2 &&
			    in[l.start] == '<')
				g.dict++;
			else if (t == PDFLEX_OTHER && l.at - l.start == 2 &&
			    in[l.start] == '>' && g.dict > 0)
				g.dict--;
			else if (t == PDFLEX_ABEGIN)
				g.arr++;
			else if (t == PDFLEX_AEND && g.arr > 0)
				g.arr--;
			if (t == PDFLEX_NUM && g.mcid_next) {
				g.has_mcid = true;
				g.mcid = l.num;
				g.mcids = l.start;
				g.mcide = l.at;
			}
			g.mcid_next = t == PDFLEX_NAME && g.dict == 1 &&
			    g.arr == 0 && l.str.len == 4 &&
			    memcmp(l.str.data, "MCID", 4) == 0;
			g.last_name = t == PDFLEX_NAME && g.dict == 0 &&
			    g.arr == 0;
			if (g.last_name) {
				if (g.nnames == 0) {
					g.name1s = l.start;
					g.name1len = l.str.len < sizeof(g.name1) ?
					    l.str.len : 0;
					if (g.name1len > 0)
						memcpy(g.name1, l.str.data,
						    g.name1len);
					g.name1_oc = l.str.len == 2 &&
					    memcmp(l.str.data, "OC", 2) == 0;
					g.name1_dev = device_space(&l);
				} else if (g.nnames == 1)
					g.name2s = l.start;
				g.nnames++;
				g.lasts = l.start;
			}
			continue;
		}
		if (opstart == (size_t)-1)
			opstart = l.start;
		/* What was before the operands is written already. */
		buf_put(out, (const char *)in + copied, opstart - copied);
		write = true;
		/* A form drawn in place is covered inside, if at all. */
		if (t == PDFLEX_OP && !pdflex_is(&l, "Do"))
			cover(&g, &l);
		if (t == PDFLEX_IMAGE) {
			/* Data of an image whose BI was not seen. */
		} else if (pdflex_is(&l, "BI")) {
			inline_image(&g, &l);
		} else if (pdflex_is(&l, "q")) {
			g.nq++;
		} else if (pdflex_is(&l, "Q")) {
			write = g.nq > 0;
			g.nq -= write;
		} else if (pdflex_is(&l, "BT")) {
			write = !g.in_text;
			g.in_text = true;
		} else if (pdflex_is(&l, "ET")) {
			write = g.in_text;
			g.in_text = false;
		} else if (pdflex_is(&l, "BMC") || pdflex_is(&l, "BDC")) {
			write = begin_mc(&g, pdflex_is(&l, "BDC"), &err);
		} else if (pdflex_is(&l, "EMC")) {
			write = g.nmc > 0 && g.nmc <= GR_MAX_MC &&
			    g.kept[g.nmc - 1];
			if (write)
				g.ncovers -= g.covers[g.nmc - 1];
			if (g.nmc > 0)
				g.nmc--;
			g.openkept -= write;
		} else if (pdflex_is(&l, "MP")) {
			write = how->keep_mc;
		} else if (pdflex_is(&l, "DP")) {
			write = how->keep_mc;
			if (g.nnames >= 2)
				edit_prefix(&g, g.name2s);
		} else if (pdflex_is(&l, "Do") && how->form != NULL &&
		    g.nnames >= 1 && g.name1len > 0 &&
		    (drawn = how->form(how->ctx, g.name1, g.name1len,
		    out)) != 0) {
			/* Drawn in its place: the Do goes. */
			err = drawn < 0;
			write = false;
		} else if (pdflex_is(&l, "Tf") || pdflex_is(&l, "Do") ||
		    pdflex_is(&l, "gs") || pdflex_is(&l, "sh")) {
			if (pdflex_is(&l, "Do"))
				cover(&g, &l);
			if (g.nnames >= 1)
				edit_prefix(&g, g.name1s);
		} else if (pdflex_is(&l, "cs") || pdflex_is(&l, "CS")) {
			if (g.nnames >= 1 && !g.name1_dev)
				edit_prefix(&g, g.name1s);
		} else if (pdflex_is(&l, "scn") || pdflex_is(&l, "SCN")) {
			if (g.last_name)
				edit_prefix(&g, g.lasts);
		}
		if (write)
			emit(&g, in, opstart, l.at);
		copied = l.at;
		opstart = (size_t)-1;
		operands_reset(&g);
	}
	buf_free(&l.str);
	if (err)
		return -1;
	/* Operands with no operator after them are left out. */
	buf_putc(out, '\n');
	if (g.art)
		buf_puts(out, "EMC\n");
	while (g.openkept-- > 0)
		buf_puts(out, "EMC\n");
	if (g.in_text)
		buf_puts(out, "ET\n");
	while (g.nq-- > 0)
		buf_puts(out, "Q\n");
	return g.maxmcid + 1;
}

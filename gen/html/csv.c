/*
 * html: the registers as CSV (RFC 4180: comma, double quotes, CRLF,
 * UTF-8, one header row), for spreadsheets and scripts.
 */
#include <stdlib.h>
#include <string.h>

#include "html_private.h"

/* A field and the comma after it. */
static void
cell(struct buf *b, const char *s)
{
	csv_field(b, s);
	buf_putc(b, ',');
}

static void
row_end(struct buf *b)
{
	buf_puts(b, "\r\n");
}

static void
page_url(struct buf *b, const struct html_options *o, const char *rel)
{
	char	*u = xasprintf("%s%s", o->base_url ? o->base_url : "", rel);

	csv_field(b, u);
	free(u);
}

static void
reg_csv(const struct site_all *all, int kind, const char *path,
    struct outset *os)
{
	struct reg_row *v;
	struct buf *b = outset_add(os, path);
	size_t	 n, i;
	char	*rel;
	bool	 inc = kind == REGISTER_INCOMING;

	/* A secret field holds its note, and the column beside it says
	 * so, for whoever reads the file by machine. */
	buf_puts(b, inc ? "datum,diarienummer,avsandare,avsandare_sekretess,"
	    "handling,handling_sekretess,typ,organ,sammantrade,arendenummer,"
	    "sida,underposter\r\n" : "datum,fran,till,diarienummer,delegat,"
	    "beslut,beslut_sekretess,organ,sammantrade,arendenummer,sida,"
	    "underposter\r\n");
	v = reg_rows(all, kind, &n);
	for (i = 0; i < n; i++) {
		const struct sum_reg *r = v[i].r;

		cell(b, r->date);
		if (inc) {
			cell(b, r->dnr);
			csv_field(b, r->sender);
			buf_puts(b, r->sender_secret ? ",ja," : ",nej,");
			csv_field(b, r->title);
			buf_puts(b, r->title_secret ? ",ja," : ",nej,");
			csv_field(b, r->type);
		} else {
			cell(b, r->from);
			cell(b, r->to);
			cell(b, r->dnr);
			cell(b, r->level);
			csv_field(b, r->title);
			buf_puts(b, r->title_secret ? ",ja" : ",nej");
		}
		buf_putc(b, ',');
		cell(b, v[i].m->body);
		csv_field(b, v[i].m->date);
		buf_printf(b, ",%d,", r->item);
		rel = xasprintf("%s/%s/arende-%d.html", v[i].m->body_slug,
		    v[i].m->date_slug, r->item);
		page_url(b, all->opts, rel);
		free(rel);
		/* Sub-entries, one a line in the quoted field. */
		buf_putc(b, ',');
		csv_field(b, r->subs);
		row_end(b);
	}
	free(v);
}

void
csv_registers(const struct site_all *all, struct outset *os)
{
	struct case_row *v;
	struct buf *b;
	size_t	 n, i, k;
	char	 num[32], *rel;

	reg_csv(all, REGISTER_INCOMING, "data/inkomna-handlingar.csv", os);
	reg_csv(all, REGISTER_DELEGATION, "data/delegationsbeslut.csv", os);
	v = case_rows(all, &n);
	b = outset_add(os, "data/arenden.csv");
	buf_puts(b, "diarienummer,titel,typ,organ,sammantrade,"
	    "arendenummer,sida\r\n");
	for (i = 0; i < n; i++) {
		cell(b, v[i].it->dnr);
		cell(b, v[i].it->title);
		cell(b, v[i].it->casekind);
		cell(b, v[i].m->body);
		csv_field(b, v[i].m->date);
		snprintf(num, sizeof(num), ",%d,", v[i].it->number);
		buf_puts(b, num);
		if (v[i].it->page && !v[i].it->closed) {
			rel = xasprintf("%s/%s/arende-%d.html",
			    v[i].m->body_slug, v[i].m->date_slug,
			    v[i].it->number);
			page_url(b, all->opts, rel);
			free(rel);
		}
		row_end(b);
	}
	free(v);
	b = outset_add(os, "data/sammantraden.csv");
	buf_puts(b, "organ,datum,borjar,slutar,plats,oppet,"
	    "antal_punkter,sida\r\n");
	for (i = 0; i < all->n; i++) {
		const struct sum_meeting *m = all->v[i];

		for (k = 0; k < m->nsessions; k++) {
			const struct sum_session *s = &m->sessions[k];

			cell(b, m->body);
			cell(b, m->date);
			cell(b, s->start);
			cell(b, s->end);
			csv_field(b, s->place);
			buf_puts(b, s->unstated ? ",," : s->open ? ",ja," :
			    ",nej,");
			snprintf(num, sizeof(num), "%zu,", m->nitems);
			buf_puts(b, num);
			rel = xasprintf("%s/%s/index.html", m->body_slug,
			    m->date_slug);
			page_url(b, all->opts, rel);
			free(rel);
			row_end(b);
		}
	}
}

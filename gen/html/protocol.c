/*
 * html: what the protocol publishes: a meeting's decisions page (each §
 * with its decision, motions, vote and reservations; a closed item's §
 * as number and title only, from the redacted protocol) and the
 * noticeboard (anslagstavla) with the notices of approved protocols,
 * the day each comes down and the last day to appeal, and the
 * kungörelse of a fullmäktige meeting the week before it.
 */
#include <stdlib.h>
#include <string.h>

#include "html_private.h"

static void
name(struct hctx *h, const struct protocol *p, const char *who)
{
	char	*n = protocol_name(p, who);

	html_text(h, n);
	free(n);
}

static void
said_list(struct hctx *h, const struct protocol *p, const char *heading,
    const struct prot_said *v, size_t n, const char *verb, bool colon)
{
	struct buf *b = h->b;
	size_t	 i;

	if (n == 0)
		return;
	buf_printf(b, "<h3>%s</h3>\n", heading);
	for (i = 0; i < n; i++) {
		buf_puts(b, "<p>");
		name(h, p, v[i].by);
		buf_printf(b, " %s", verb);
		if (v[i].text != NULL) {
			buf_puts(b, colon ? ": " : " ");
			html_text(h, v[i].text);
		}
		buf_puts(b, colon ? "</p>\n" : ".</p>\n");
	}
}

static void
vote(struct hctx *h, const struct protocol *p, const struct prot_vote *v)
{
	static const char *const words[] = { "Ja", "Nej", "Avstår" };
	struct buf *b = h->b;
	int	 w = protocol_vote_winner(p, v);
	size_t	 i;

	buf_puts(b, "<h3>Omröstning</h3>\n<p>Ja-röst för ");
	html_text(h, v->ja);
	buf_puts(b, ", nej-röst för ");
	html_text(h, v->nej);
	buf_printf(b, ". Med %d ja-röster mot %d nej-röster",
	    v->count[BALLOT_JA], v->count[BALLOT_NEJ]);
	if (v->count[BALLOT_AVSTAR] > 0)
		buf_printf(b, ", %d avstår,", v->count[BALLOT_AVSTAR]);
	buf_puts(b, " bifalls ");
	html_text(h, w == BALLOT_NEJ ? v->nej : v->ja);
	buf_puts(b, ".");
	if (v->count[BALLOT_JA] == v->count[BALLOT_NEJ])
		buf_puts(b, v->tie == TIE_LOT ? " Rösterna är lika; lotten "
		    "avgör." : " Rösterna är lika; ordförandens utslagsröst "
		    "avgör.");
	buf_puts(b, "</p>\n<table class=\"votes\"><caption>Så röstade "
	    "ledamöterna</caption>\n<thead><tr><th scope=\"col\">Ledamot</th>"
	    "<th scope=\"col\">Röst</th></tr></thead>\n<tbody>\n");
	for (i = 0; i < v->nballots; i++) {
		buf_puts(b, "<tr><th scope=\"row\">");
		name(h, p, v->ballots[i].member);
		buf_printf(b, "</th><td>%s</td></tr>\n",
		    words[v->ballots[i].vote]);
	}
	buf_puts(b, "</tbody>\n</table>\n");
}

static void
decision(struct hctx *h, const struct prot_paragraph *q,
    const struct agenda_item *it, const char *body)
{
	struct buf *b = h->b;
	const struct section *s = it->cs != NULL ?
	    &it->cs->sections[SECTION_PROPOSAL] : NULL;
	const struct block *d;
	char	*f;

	buf_puts(b, "<h3>Beslut</h3>\n");
	switch (q->outcome) {
	case OUTCOME_DECISION:
		if (q->decision != NULL) {
			for (d = q->decision; d != NULL; d = d->next) {
				buf_puts(b, "<p>");
				html_spans(h, d->spans);
				buf_puts(b, "</p>\n");
			}
		} else if (s != NULL && s->present && s->blocks != NULL) {
			/* The case's proposal, as decided; its notes are
			 * on the item's page. */
			f = item_file(it->number);
			h->srcfile = it->cs->path;
			h->notepage = f;
			html_blocks(h, proposal_as_decision(s->blocks, body),
			    4);
			h->notepage = NULL;
			h->srcfile = NULL;
			free(f);
		}
		break;
	case OUTCOME_TABLED:
	case OUTCOME_REFERRED:
		buf_puts(b, q->outcome == OUTCOME_TABLED ?
		    "<p>Ärendet bordläggs.</p>\n" :
		    "<p>Ärendet återremitteras.</p>\n");
		if (q->reason != NULL) {
			buf_puts(b, "<p>");
			html_text(h, q->reason);
			buf_puts(b, "</p>\n");
		}
		break;
	case OUTCOME_STRUCK:
		buf_puts(b, "<p>Ärendet utgår från föredragningslistan.</p>\n");
		break;
	case OUTCOME_NONE:
		break;
	}
	if (q->immediate)
		buf_puts(b, "<p><strong>Paragrafen justeras omedelbart."
		    "</strong></p>\n");
}

/* The facts of the notice, shared by the decisions page and the
 * noticeboard. */
static void
notice_facts(struct hctx *h, const struct sum_meeting *s)
{
	struct buf *b = h->b;
	char	 last[11], down[11];

	buf_printf(b, "<dt>Paragrafer</dt><dd><span class=\"nw\">§ %d–%d"
	    "</span></dd>\n", s->prot_first,
	    s->prot_last);
	if (s->justered != NULL) {
		buf_puts(b, "<dt>Protokollet justerat</dt><dd>");
		html_text(h, s->justered);
		buf_puts(b, "</dd>\n");
	}
	if (s->posted == NULL || !sv_appeal_last_day(s->posted, last))
		return;
	days_iso(iso_date_days(last) + 1, down);
	buf_puts(b, "<dt>Anslaget uppsatt</dt><dd>");
	html_text(h, s->posted);
	buf_puts(b, "</dd>\n<dt>Sista dag för överklagande</dt><dd>");
	html_text(h, last);
	buf_puts(b, "</dd>\n<dt>Anslaget tas ned</dt><dd>");
	html_text(h, down);
	buf_puts(b, "</dd>\n");
	if (s->kept != NULL) {
		buf_puts(b, "<dt>Förvaringsplats för protokollet</dt><dd>");
		html_text(h, s->kept);
		buf_puts(b, "</dd>\n");
	}
}

void
html_protocol(const struct html_options *o, const struct meeting *m,
    const struct protocol *p, const struct sum_meeting *sum,
    struct outset *os)
{
	struct hctx hc = { 0 }, *h = &hc;
	struct html_options mo;
	struct buf *b;
	char	*path, *date, *title, *f;
	const char *crumbs[8];
	size_t	 i;

	html_meeting_opts(&mo, o, m);
	h->opts = &mo;
	h->m = m;
	h->body_slug = sum->body_slug;
	h->date_slug = sum->date_slug;
	path = xasprintf("%s/%s/protokoll.html", sum->body_slug,
	    sum->date_slug);
	b = h->b = outset_add(os, path);
	free(path);
	h->root = "../../";
	date = sv_date_weekday(m->date);
	title = xasprintf("Protokoll %s %s", m->body, date);
	crumbs[0] = "../../index.html";
	crumbs[1] = "Start";
	crumbs[2] = "../index.html";
	crumbs[3] = m->body;
	crumbs[4] = "index.html";
	crumbs[5] = m->date;
	crumbs[6] = NULL;
	crumbs[7] = "Protokoll";
	page_begin(h, title, crumbs, 4);
	buf_puts(b, "<h1>Protokoll<br><span class=\"meta\">");
	html_text(h, m->body);
	buf_puts(b, ", sammanträde ");
	html_text(h, date);
	buf_puts(b, "</span></h1>\n<dl class=\"facts\">\n");
	notice_facts(h, sum);
	buf_puts(b, "</dl>\n");
	if (o->pdf) {
		f = protocol_file(sum->body_slug, sum->date_slug);
		buf_printf(b, "<p><a href=\"%s\">Protokollet (PDF)</a></p>\n",
		    f);
		free(f);
	}
	buf_puts(b, "<p>Detta är protokollets beslut i den form som "
	    "publiceras. Ärenden som har behandlats inom stängda dörrar "
	    "eller omfattas av sekretess visas med paragraf och rubrik.</p>\n");
	for (i = 0; i < p->npars; i++) {
		const struct prot_paragraph *q = &p->pars[i];
		const struct agenda_item *it = q->index < m->nitems ?
		    &m->items[q->index] : NULL;

		if (it == NULL)
			continue;
		if (q->number == 0) {
			/* Struck from the agenda: no §. */
			buf_printf(b, "<section aria-labelledby=\"u%d\">\n"
			    "<h2 id=\"u%d\"><span class=\"no\">Utgår</span> ",
			    q->item, q->item);
			html_text(h, it->title);
			buf_puts(b, "</h2>\n<p>Ärendet har strukits från "
			    "föredragningslistan.</p>\n</section>\n");
			continue;
		}
		buf_printf(b, "<section aria-labelledby=\"p%d\">\n<h2 "
		    "id=\"p%d\"><span class=\"no\">§ %d</span> ", q->number,
		    q->number, q->number);
		if (it->kind == AGENDA_CASE && it->cs != NULL && !it->closed) {
			f = item_file(it->number);
			buf_printf(b, "<a href=\"%s\">", f);
			free(f);
			html_text(h, it->title);
			buf_puts(b, "</a>");
		} else
			html_text(h, it->title);
		buf_puts(b, "</h2>\n");
		if (it->dnr != NULL) {
			buf_puts(b, "<p class=\"meta\">Dnr ");
			html_text(h, it->dnr);
			buf_puts(b, "</p>\n");
		}
		if (q->redacted) {
			buf_puts(b, "<p class=\"note closed\">Ärendet har "
			    "behandlats inom stängda dörrar eller omfattas av "
			    "sekretess. Paragrafen visas inte här.</p>\n"
			    "</section>\n");
			continue;
		}
		if (q->njav > 0) {
			size_t	 k;

			buf_puts(b, "<h3>Jäv</h3>\n");
			for (k = 0; k < q->njav; k++) {
				buf_puts(b, "<p>");
				name(h, p, q->jav[k].by);
				buf_puts(b, " deltar inte i handläggningen på "
				    "grund av jäv.");
				if (q->jav[k].deputy != NULL) {
					buf_puts(b, " ");
					name(h, p, q->jav[k].deputy);
					buf_puts(b, " tjänstgör i stället.");
				}
				buf_puts(b, "</p>\n");
			}
		}
		said_list(h, p, "Yrkanden", q->motions, q->nmotions, "yrkar",
		    false);
		if (q->proposition != NULL) {
			buf_puts(b, "<h3>Propositionsordning</h3>\n<p>");
			html_text(h, q->proposition);
			buf_puts(b, "</p>\n");
		}
		if (q->vote != NULL)
			vote(h, p, q->vote);
		decision(h, q, it, m->body);
		said_list(h, p, "Reservationer", q->reservations,
		    q->nreservations, "reserverar sig mot beslutet", false);
		said_list(h, p, "Protokollsanteckningar", q->notes, q->nnotes,
		    "lämnar följande protokollsanteckning", true);
		buf_puts(b, "</section>\n");
	}
	page_end(h);
	free(title);
	free(date);
}

char *
protocol_file(const char *body_slug, const char *date_slug)
{
	return xasprintf("protokoll-%s-%s.pdf", body_slug, date_slug);
}

void
sum_protocol(struct sum_meeting *s, const struct protocol *p)
{
	size_t	 i, k;

	protocol_numbers(p, &s->prot_first, &s->prot_last);
	free(s->justered);
	s->justered = p->justering_date ? xstrdup(p->justering_date) : NULL;
	free(s->posted);
	s->posted = p->posted ? xstrdup(p->posted) : NULL;
	free(s->kept);
	s->kept = p->kept ? xstrdup(p->kept) : NULL;
	for (i = 0; i < p->npars; i++) {
		const struct prot_paragraph *q = &p->pars[i];
		static const char *const words[] = {
			NULL, "Beslutat", "Bordlagt", "Återremitterat", "Utgår"
		};

		for (k = 0; k < s->nitems; k++) {
			struct sum_item *it = &s->items[k];

			if (it->number != q->item || it->result != NULL)
				continue;
			if (q->outcome == OUTCOME_DECISION)
				it->result = xstrdup(q->decision == NULL ?
				    "Beslutat enligt förslaget" :
				    it->kind == AGENDA_CASE ?
				    "Beslutat med ändringar" : "Beslutat");
			else if (q->outcome != OUTCOME_NONE)
				it->result = xstrdup(words[q->outcome]);
			if (q->decision != NULL && !q->redacted) {
				struct buf t = { 0 };
				const struct block *d;
				char	*x;

				for (d = q->decision; d != NULL; d = d->next) {
					x = spans_text(d->spans);
					buf_printf(&t, "%s%s", t.len ? "\n" : "",
					    x);
					free(x);
				}
				it->resolution = buf_detach(&t);
			}
		}
	}
}

/* ------------------------------------------------------------------ */
/* The noticeboard. */

static void
notice(struct hctx *h, const struct sum_meeting *s)
{
	struct buf *b = h->b;

	buf_puts(b, "<article class=\"notice\">\n<h3>Tillkännagivande av "
	    "justerat protokoll</h3>\n<dl class=\"facts\">\n<dt>Organ</dt><dd>");
	html_text(h, s->body);
	buf_puts(b, "</dd>\n<dt>Sammanträdesdatum</dt><dd>");
	html_text(h, s->date);
	buf_puts(b, "</dd>\n");
	notice_facts(h, s);
	buf_printf(b, "</dl>\n<p><a href=\"%s/%s/protokoll.html\">Protokollets "
	    "beslut, ", s->body_slug, s->date_slug);
	html_text(h, s->body);
	buf_puts(b, " ");
	html_text(h, s->date);
	buf_puts(b, "</a></p>\n</article>\n");
}

void
notice_page(const struct site_all *all, struct outset *os)
{
	struct hctx hc = { 0 }, *h = &hc;
	struct buf *b;
	const char *today = all->opts->today;
	const char *crumbs[4] = { "index.html", "Start", NULL, "Anslagstavla" };
	char	 last[11];
	size_t	 i, pass, shown;

	h->opts = all->opts;
	h->root = "";
	b = h->b = outset_add(os, "anslagstavla.html");
	page_begin(h, "Anslagstavla", crumbs, 2);
	buf_puts(b, "<h1>Anslagstavla</h1>\n<p>Här tillkännages att "
	    "protokoll har justerats. Den som är medlem i kommunen eller regionen kan "
	    "överklaga ett beslut genom laglighetsprövning. Överklagandet "
	    "ska ha kommit in inom tre veckor från den dag då "
	    "tillkännagivandet sattes upp; slutar tiden på en lördag, "
	    "söndag eller helgdag får överklagandet komma in nästa "
	    "vardag.</p>\n");
	/* Kungörelser: a fullmäktige meeting is announced the week
	 * before it. */
	buf_puts(b, "<h2>Kungörelser</h2>\n");
	for (i = shown = 0; i < all->n; i++) {
		const struct sum_meeting *s = all->v[i];
		long	 d;

		if (s->body == NULL || strstr(s->body, "ullmäktige") == NULL ||
		    s->date == NULL || !iso_date_valid(s->date))
			continue;
		d = iso_date_days(s->date);
		if (today != NULL && (iso_date_days(today) > d ||
		    iso_date_days(today) < d - 7))
			continue;
		buf_puts(b, "<p>");
		html_text(h, s->body);
		buf_puts(b, " sammanträder ");
		{
			char	*w = sv_date_weekday(s->date);

			html_text(h, w);
			free(w);
		}
		buf_printf(b, ". <a href=\"%s/%s/index.html\">"
		    "Föredragningslista och handlingar</a>.</p>\n",
		    s->body_slug, s->date_slug);
		shown++;
	}
	if (shown == 0)
		buf_puts(b, "<p>Inga kungörelser just nu.</p>\n");
	/* Notices up now, then those that have come down. */
	for (pass = 0; pass < 2; pass++) {
		buf_puts(b, pass == 0 ? "<h2>Tillkännagivanden</h2>\n" :
		    "<h2>Arkiv</h2>\n<p>Tillkännagivanden som har tagits "
		    "ned: tiden för överklagande har gått ut.</p>\n");
		for (i = shown = 0; i < all->n; i++) {
			const struct sum_meeting *s = all->v[i];
			bool	 down;

			if (s->prot_first == 0 || s->posted == NULL ||
			    !sv_appeal_last_day(s->posted, last))
				continue;
			if (today != NULL && strcmp(today, s->posted) < 0)
				continue;	/* not posted yet */
			down = today != NULL && strcmp(today, last) > 0;
			if (down != (pass == 1))
				continue;
			notice(h, s);
			shown++;
		}
		if (shown == 0)
			buf_puts(b, pass == 0 ? "<p>Inga tillkännagivanden "
			    "just nu.</p>\n" : "<p>Arkivet är tomt.</p>\n");
	}
	page_end(h);
}

/*
 * html: open data as JSON shaped after the OParl 1.1 object model.
 *
 *   System        data/oparl/system.json
 *   Body          the organisation ("Region Norrbacka"):
 *                 data/oparl/body/ORG.json, listed in bodies.json
 *   Organization  a board or committee (a content folder):
 *                 data/oparl/organization/BODY.json
 *   Meeting       data/oparl/meeting/BODY/DATE.json, with its
 *                 AgendaItems embedded
 *   Paper         a case on an agenda: data/oparl/paper/BODY/DATE/N.json
 *   File          the pack PDF (Meeting.invitation), the item and
 *                 document pages (Paper.mainFile, auxiliaryFile)
 *
 * Lists (the Body's meeting, paper, organization and person lists) are
 * written whole, without pagination.  Fields of our own carry the
 * prefix "boardgen:".  docs/site.md lists every deviation.
 */
#include <stdlib.h>
#include <string.h>

#include "../content/content.h"
#include "html_private.h"

#define OPARL	"https://schema.oparl.org/1.1/"

/* An address from the site root: absolute with --base-url. */
static void
url(struct buf *b, const struct html_options *o, const char *rel)
{
	char	*u = xasprintf("%s%s", o->base_url ? o->base_url : "", rel);

	json_str(b, u);
	free(u);
}

static void
key(struct buf *b, const char *k)
{
	buf_puts(b, ",\n");
	json_str(b, k);
	buf_puts(b, ": ");
}

static void
kv(struct buf *b, const char *k, const char *v)
{
	key(b, k);
	json_str(b, v);
}

static void
kurl(struct buf *b, const struct html_options *o, const char *k,
    const char *rel)
{
	key(b, k);
	url(b, o, rel);
}

static void
begin(struct buf *b, const struct html_options *o, const char *id,
    const char *type)
{
	buf_puts(b, "{\n\"id\": ");
	url(b, o, id);
	kv(b, "type", type);
}

static char *
org_slug(const char *organisation)
{
	char	*s = case_slug(organisation && *organisation ? organisation :
	    "organisation");

	if (*s == '\0') {
		free(s);
		s = xstrdup("organisation");
	}
	return s;
}

/* "2026-12-08" and "08.30" as an OParl date-time in Swedish time. */
static void
kdatetime(struct buf *b, const char *k, const char *date, const char *hm)
{
	char	 t[64];

	if (hm == NULL || strlen(hm) != 5)
		return;
	snprintf(t, sizeof(t), "%sT%.2s:%.2s:00%s", date, hm, hm + 3,
	    se_utc_offset(date));
	kv(b, k, t);
}

/* Plain text of blocks: paragraphs on lines of their own, list items
 * with their numbers or a dash. */
static void
plain(struct buf *b, const struct block *bl, int depth)
{
	const struct block *c;
	char	*t;
	int	 n;

	for (; bl != NULL; bl = bl->next) {
		switch (bl->kind) {
		case BLOCK_LIST:
			n = bl->list_start > 0 ? bl->list_start : 1;
			for (c = bl->children; c != NULL; c = c->next, n++) {
				if (b->len > 0 && b->data[b->len - 1] != '\n')
					buf_putc(b, '\n');
				if (bl->list_style == LIST_BULLET)
					buf_puts(b, "– ");
				else if (bl->list_style == LIST_ALPHA)
					buf_printf(b, "%c. ", 'a' + (n - 1) % 26);
				else
					buf_printf(b, "%d. ", n);
				plain(b, c->children, depth + 1);
			}
			break;
		case BLOCK_ITEM:
		case BLOCK_QUOTE:
			plain(b, bl->children, depth + 1);
			break;
		case BLOCK_PARA:
		case BLOCK_HEADING:
		case BLOCK_CODE:
			if (b->len > 0 && b->data[b->len - 1] != '\n')
				buf_putc(b, '\n');
			t = spans_text(bl->spans);
			buf_puts(b, t);
			free(t);
			break;
		default:
			break;
		}
	}
}

static void
agenda_item(struct buf *b, const struct html_options *o,
    const struct sum_meeting *s, const struct sum_item *it,
    const struct agenda_item *full)
{
	char	*id = xasprintf("data/oparl/meeting/%s/%s.json#punkt-%d",
	    s->body_slug, s->date_slug, it->number), *r, n[16];

	begin(b, o, id, OPARL "AgendaItem");
	free(id);
	r = xasprintf("data/oparl/meeting/%s/%s.json", s->body_slug,
	    s->date_slug);
	kurl(b, o, "meeting", r);
	free(r);
	snprintf(n, sizeof(n), "%d", it->number);
	kv(b, "number", n);
	key(b, "order");
	buf_printf(b, "%d", it->number);
	kv(b, "name", it->title);
	key(b, "public");
	buf_puts(b, it->closed ? "false" : "true");
	if (it->page && !it->closed) {
		r = xasprintf("%s/%s/arende-%d.html", s->body_slug,
		    s->date_slug, it->number);
		kurl(b, o, "web", r);
		free(r);
		r = xasprintf("data/oparl/paper/%s/%s/%d.json", s->body_slug,
		    s->date_slug, it->number);
		kurl(b, o, "boardgen:paper", r);
		free(r);
	}
	if (full != NULL && full->cs != NULL && !it->closed &&
	    full->cs->sections[SECTION_PROPOSAL].present) {
		struct buf t = { 0 };

		plain(&t, full->cs->sections[SECTION_PROPOSAL].blocks, 0);
		if (t.len > 0)
			kv(b, "boardgen:proposal", t.data);
		/* Decided as proposed: the proposal is the decision, without
		 * a lead-in that another proposes it. */
		if (t.len > 0 && it->result != NULL && it->resolution == NULL &&
		    strcmp(it->result, "Beslutat enligt förslaget") == 0) {
			struct buf dt = { 0 };

			plain(&dt, proposal_as_decision(full->cs->sections[
			    SECTION_PROPOSAL].blocks, s->body), 0);
			if (dt.len > 0)
				kv(b, "resolutionText", dt.data);
			buf_free(&dt);
		}
		buf_free(&t);
	}
	if (it->result != NULL && !it->closed)
		kv(b, "result", it->result);
	if (it->resolution != NULL && !it->closed)
		kv(b, "resolutionText", it->resolution);
	buf_puts(b, "\n}");
}

static void
file_obj(struct buf *b, const struct html_options *o, const char *id,
    const char *name, const char *file, const char *mime, const char *date)
{
	begin(b, o, id, OPARL "File");
	kv(b, "name", name);
	kv(b, "fileName", strrchr(file, '/') ? strrchr(file, '/') + 1 : file);
	kv(b, "mimeType", mime);
	if (date != NULL)
		kv(b, "date", date);
	kurl(b, o, "accessUrl", file);
	buf_puts(b, "\n}");
}

/* A Meeting: abbreviated in lists (full == NULL), whole in its file. */
static void
meeting_obj(struct buf *b, const struct html_options *o,
    const struct sum_meeting *s, const struct meeting *full)
{
	char	*id = xasprintf("data/oparl/meeting/%s/%s.json", s->body_slug,
	    s->date_slug), *r, *f;
	size_t	 i, k;

	begin(b, o, id, OPARL "Meeting");
	r = xasprintf("%s %s", s->body, s->date);
	kv(b, "name", r);
	free(r);
	/* Held and its protocol approved: the meeting is over. */
	kv(b, "meetingState", s->prot_first > 0 ? "terminated" : "scheduled");
	if (s->nsessions > 0) {
		kdatetime(b, "start", s->date, s->sessions[0].start);
		kdatetime(b, "end", s->date, s->sessions[s->nsessions - 1].end);
		key(b, "location");
		buf_puts(b, "{\n\"id\": ");
		f = xasprintf("%s#plats", id);
		url(b, o, f);
		free(f);
		kv(b, "type", OPARL "Location");
		kv(b, "description", s->sessions[0].place);
		buf_puts(b, "\n}");
	}
	key(b, "organization");
	r = xasprintf("data/oparl/organization/%s.json", s->body_slug);
	buf_puts(b, "[");
	url(b, o, r);
	buf_puts(b, "]");
	free(r);
	r = xasprintf("%s/%s/index.html", s->body_slug, s->date_slug);
	kurl(b, o, "web", r);
	free(r);
	if (o->pdf) {
		f = pack_file(s->body_slug, s->date_slug);
		r = xasprintf("%s/%s/%s", s->body_slug, s->date_slug, f);
		key(b, "invitation");
		{
			char	*fid = xasprintf("%s#kallelse", id);

			file_obj(b, o, fid, "Kallelse med handlingar", r,
			    "application/pdf", s->date);
			free(fid);
		}
		free(r);
		free(f);
	}
	if (s->prot_first > 0) {
		char	*fid = xasprintf("%s#protokoll", id);
		char	*web = xasprintf("%s/%s/protokoll.html", s->body_slug,
		    s->date_slug);
		const char *day = s->justered != NULL ? s->justered : s->date;

		key(b, "resultsProtocol");
		if (o->pdf) {
			/* The public protocol itself; its decisions page is
			 * the File's web view. */
			f = protocol_file(s->body_slug, s->date_slug);
			r = xasprintf("%s/%s/%s", s->body_slug, s->date_slug,
			    f);
			begin(b, o, fid, OPARL "File");
			kv(b, "name", "Protokoll");
			kv(b, "fileName", f);
			kv(b, "mimeType", "application/pdf");
			kv(b, "date", day);
			kurl(b, o, "accessUrl", r);
			kurl(b, o, "downloadUrl", r);
			kurl(b, o, "web", web);
			buf_puts(b, "\n}");
			free(r);
			free(f);
		} else
			file_obj(b, o, fid, "Protokoll, beslut", web,
			    "text/html", day);
		free(web);
		free(fid);
	}
	key(b, "boardgen:session");
	buf_puts(b, "[");
	for (i = 0; i < s->nsessions; i++) {
		buf_puts(b, i ? ",\n{" : "\n{");
		buf_puts(b, "\"start\": ");
		json_str(b, s->sessions[i].start);
		if (s->sessions[i].end != NULL)
			kv(b, "end", s->sessions[i].end);
		kv(b, "place", s->sessions[i].place);
		/* A session that is just a place and a time says
		 * nothing of the public. */
		if (!s->sessions[i].unstated) {
			key(b, "public");
			buf_puts(b, s->sessions[i].open ? "true" : "false");
		}
		buf_puts(b, "}");
	}
	buf_puts(b, "]");
	key(b, "agendaItem");
	buf_puts(b, "[\n");
	for (i = 0, k = 0; i < s->nitems; i++) {
		if (s->items[i].kind == AGENDA_DIVIDER)
			continue;
		if (k++ > 0)
			buf_puts(b, ",\n");
		agenda_item(b, o, s, &s->items[i], full && i < full->nitems ?
		    &full->items[i] : NULL);
	}
	buf_puts(b, "\n]\n}");
	free(id);
}

static void
paper_obj(struct buf *b, const struct html_options *o,
    const struct sum_meeting *s, const struct sum_item *it,
    const struct meeting *full, const struct agenda_item *fi)
{
	char	*id = xasprintf("data/oparl/paper/%s/%s/%d.json", s->body_slug,
	    s->date_slug, it->number), *r, *fid;
	char	*org = org_slug(s->organisation);
	size_t	 k, j, n = 0;

	begin(b, o, id, OPARL "Paper");
	r = xasprintf("data/oparl/body/%s.json", org);
	kurl(b, o, "body", r);
	free(r);
	free(org);
	kv(b, "name", it->title);
	if (it->dnr != NULL)
		kv(b, "reference", it->dnr);
	kv(b, "date", s->date);
	kv(b, "paperType", it->casekind && strcmp(it->casekind,
	    "information") == 0 ? "Informationsärende" : "Beslutsärende");
	r = xasprintf("%s/%s/arende-%d.html", s->body_slug, s->date_slug,
	    it->number);
	key(b, "mainFile");
	fid = xasprintf("%s#tjansteskrivelse", id);
	file_obj(b, o, fid, it->title, r, "text/html", NULL);
	free(fid);
	kurl(b, o, "web", r);
	free(r);
	if (fi != NULL) {
		for (k = 0; k < fi->ndocs; k++) {
			const struct document *d = fi->docs[k];

			if (d->kind != DOCUMENT_REPORT &&
			    d->kind != DOCUMENT_FOLLOWUP &&
			    d->kind != DOCUMENT_LETTER)
				continue;
			for (j = 0; j < full->ndocuments; j++)
				if (full->documents[j] == d)
					break;
			if (j == full->ndocuments)
				continue;
			if (n++ == 0) {
				key(b, "auxiliaryFile");
				buf_puts(b, "[\n");
			} else
				buf_puts(b, ",\n");
			{
				char	*f = document_file(full, j);

				r = xasprintf("%s/%s/%s", s->body_slug,
				    s->date_slug, f);
				fid = xasprintf("%s#handling-%zu", id, j + 1);
				file_obj(b, o, fid, d->title, r, "text/html",
				    d->date);
				free(fid);
				free(r);
				free(f);
			}
		}
		if (n > 0)
			buf_puts(b, "\n]");
	}
	buf_puts(b, "\n}");
	free(id);
}

void
json_meeting(const struct html_options *o, const struct meeting *m,
    const struct sum_meeting *s, struct outset *os)
{
	struct buf *b;
	char	*p;
	size_t	 i;

	p = xasprintf("data/oparl/meeting/%s/%s.json", s->body_slug,
	    s->date_slug);
	b = outset_add(os, p);
	free(p);
	meeting_obj(b, o, s, m);
	buf_putc(b, '\n');
	for (i = 0; i < s->nitems && i < m->nitems; i++) {
		if (!s->items[i].page || s->items[i].closed)
			continue;
		p = xasprintf("data/oparl/paper/%s/%s/%d.json", s->body_slug,
		    s->date_slug, s->items[i].number);
		b = outset_add(os, p);
		free(p);
		paper_obj(b, o, s, &s->items[i], m, &m->items[i]);
		buf_putc(b, '\n');
	}
}

static void
list_begin(struct buf *b)
{
	buf_puts(b, "{\n\"data\": [\n");
}

/* A list of one body's: data/oparl/body/ORG/WHAT.json, begun. */
static struct buf *
body_list(struct outset *os, const char *org, const char *what)
{
	char	*p = xasprintf("data/oparl/body/%s/%s.json", org, what);
	struct buf *b = outset_add(os, p);

	free(p);
	list_begin(b);
	return b;
}

static void
list_end(struct buf *b, size_t n)
{
	buf_printf(b, "\n],\n\"pagination\": {\"totalElements\": %zu, "
	    "\"elementsPerPage\": %zu, \"currentPage\": 1, "
	    "\"totalPages\": 1},\n\"links\": {}\n}\n", n, n > 0 ? n : 1);
}

void
json_site(const struct site_all *all, struct outset *os)
{
	const struct html_options *o = all->opts;
	struct buf *b, *bl;
	char	**orgs = NULL, *p;
	size_t	 norgs = 0, i, k, j, n;

	/* The distinct organisations, sorted. */
	for (i = 0; i < all->n; i++) {
		char	*s = org_slug(all->v[i]->organisation);

		for (k = 0; k < norgs && strcmp(orgs[k], s) != 0; k++)
			;
		if (k < norgs) {
			free(s);
			continue;
		}
		orgs = xrealloc(orgs, (norgs + 1) * sizeof(*orgs));
		for (k = norgs++; k > 0 && strcmp(orgs[k - 1], s) > 0; k--)
			orgs[k] = orgs[k - 1];
		orgs[k] = s;
	}
	b = outset_add(os, "data/oparl/system.json");
	begin(b, o, "data/oparl/system.json", OPARL "System");
	kv(b, "oparlVersion", OPARL);
	kv(b, "name", "Sammanträden och handlingar");
	kurl(b, o, "body", "data/oparl/bodies.json");
	kurl(b, o, "website", "index.html");
	buf_puts(b, "\n}\n");

	bl = outset_add(os, "data/oparl/bodies.json");
	list_begin(bl);
	for (k = 0; k < norgs; k++) {
		const char *name = NULL;
		struct buf *lm, *lp, *lo, *lpe;
		size_t	 nm = 0, np = 0, no = 0;

		for (i = 0; i < all->n && name == NULL; i++) {
			char	*s = org_slug(all->v[i]->organisation);

			if (strcmp(s, orgs[k]) == 0)
				name = all->v[i]->organisation;
			free(s);
		}
		p = xasprintf("data/oparl/body/%s.json", orgs[k]);
		b = outset_add(os, p);
		free(p);
		for (j = 0; j < 2; j++) {
			struct buf *t = j == 0 ? b : bl;
			char	*r;

			if (j == 1 && k > 0)
				buf_puts(t, ",\n");
			r = xasprintf("data/oparl/body/%s.json", orgs[k]);
			begin(t, o, r, OPARL "Body");
			free(r);
			kurl(t, o, "system", "data/oparl/system.json");
			kv(t, "name", name ? name : orgs[k]);
			kurl(t, o, "website", "index.html");
#define LISTURL(field, what) \
	r = xasprintf("data/oparl/body/%s/%s.json", orgs[k], what); \
	kurl(t, o, field, r); \
	free(r)
			LISTURL("organization", "organizations");
			LISTURL("person", "people");
			LISTURL("meeting", "meetings");
			LISTURL("paper", "papers");
#undef LISTURL
			key(t, "legislativeTerm");
			buf_puts(t, "[]");
			buf_puts(t, j == 0 ? "\n}\n" : "\n}");
		}
		/* Its lists. */
		lm = body_list(os, orgs[k], "meetings");
		lp = body_list(os, orgs[k], "papers");
		lo = body_list(os, orgs[k], "organizations");
		lpe = body_list(os, orgs[k], "people");
		for (i = 0; i < all->n; i++) {
			const struct sum_meeting *s = all->v[i];
			char	*os_ = org_slug(s->organisation);
			bool	 mine = strcmp(os_, orgs[k]) == 0;

			free(os_);
			if (!mine)
				continue;
			if (nm++ > 0)
				buf_puts(lm, ",\n");
			meeting_obj(lm, o, s, NULL);
			for (n = 0; n < s->nitems; n++) {
				if (!s->items[n].page || s->items[n].closed)
					continue;
				if (np++ > 0)
					buf_puts(lp, ",\n");
				paper_obj(lp, o, s, &s->items[n], NULL, NULL);
			}
			/* One Organization per board, from its first
			 * meeting in the list (they are sorted by body). */
			if (i == 0 || strcmp(all->v[i - 1]->body_slug,
			    s->body_slug) != 0) {
				struct buf *ob;
				char	*r;
				size_t	 last = i;

				while (last + 1 < all->n && strcmp(
				    all->v[last + 1]->body_slug,
				    s->body_slug) == 0)
					last++;
				p = xasprintf("data/oparl/organization/%s.json",
				    s->body_slug);
				ob = outset_add(os, p);
				for (j = 0; j < 2; j++) {
					struct buf *t = j == 0 ? ob : lo;

					if (j == 1 && no++ > 0)
						buf_puts(t, ",\n");
					begin(t, o, p, OPARL "Organization");
					r = xasprintf("data/oparl/body/%s.json",
					    orgs[k]);
					kurl(t, o, "body", r);
					free(r);
					kv(t, "name", all->v[last]->body);
					kv(t, "organizationType", "Gremium");
					kv(t, "classification",
					    "Styrelse eller nämnd");
					r = xasprintf("%s/index.html",
					    s->body_slug);
					kurl(t, o, "website", r);
					free(r);
					buf_puts(t, j == 0 ? "\n}\n" : "\n}");
				}
				free(p);
			}
		}
		list_end(lm, nm);
		list_end(lp, np);
		list_end(lo, no);
		list_end(lpe, 0);
	}
	list_end(bl, norgs);
	strv_free(orgs, norgs);
}

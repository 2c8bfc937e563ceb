/* The protocol model: constructor, destructor, look-ups. */
#include <stdlib.h>
#include <string.h>

#include "../util/util.h"
#include "protocol.h"

struct protocol *
protocol_new(void)
{
	return xcalloc(1, sizeof(struct protocol));
}

/* Frees what *v holds (*n of them) and leaves it empty. */
static void
said_clear(struct prot_said **v, size_t *n)
{
	size_t	 i;

	for (i = 0; i < *n; i++) {
		free((*v)[i].by);
		free((*v)[i].text);
		free((*v)[i].deputy);
	}
	free(*v);
	*v = NULL;
	*n = 0;
}

static void
vote_free(struct prot_vote *v)
{
	size_t	 i;

	if (v == NULL)
		return;
	free(v->ja);
	free(v->nej);
	for (i = 0; i < v->nballots; i++)
		free(v->ballots[i].member);
	free(v->ballots);
	free(v);
}

void
prot_paragraph_words_free(struct prot_paragraph *q)
{
	blocks_free(q->decision);
	free(q->reason);
	free(q->proposition);
	vote_free(q->vote);
	strv_free(q->recipients, q->nrecipients);
	q->decision = NULL;
	q->reason = q->proposition = NULL;
	q->vote = NULL;
	q->recipients = NULL;
	q->nrecipients = 0;
	said_clear(&q->jav, &q->njav);
	said_clear(&q->motions, &q->nmotions);
	said_clear(&q->reservations, &q->nreservations);
	said_clear(&q->notes, &q->nnotes);
}

void
protocol_free(struct protocol *p)
{
	size_t	 i;

	if (p == NULL)
		return;
	free(p->path);
	free(p->time);
	free(p->place);
	for (i = 0; i < p->npeople; i++) {
		struct prot_person *x = &p->people[i];

		free(x->name);
		free(x->party);
		free(x->title);
		free(x->paragraphs);
		free(x->serves_for);
		free(x->arrives_at);
		free(x->leaves_at);
	}
	free(p->people);
	strv_free(p->justerare, p->njusterare);
	free(p->justerare_pos);
	free(p->justering_date);
	free(p->justering_time);
	free(p->justering_place);
	free(p->posted);
	free(p->kept);
	for (i = 0; i < p->npars; i++)
		prot_paragraph_words_free(&p->pars[i]);
	free(p->pars);
	free(p->prev_path);
	free(p);
}

const struct prot_person *
protocol_person(const struct protocol *p, const char *name)
{
	size_t	 i;

	for (i = 0; name != NULL && i < p->npeople; i++)
		if (strcmp(p->people[i].name, name) == 0)
			return &p->people[i];
	return NULL;
}

char *
protocol_name(const struct protocol *p, const char *name)
{
	const struct prot_person *x = protocol_person(p, name);

	if (x == NULL || x->party == NULL)
		return xstrdup(name != NULL ? name : "");
	return xasprintf("%s (%s)", x->name, x->party);
}

bool
protocol_numbers(const struct protocol *p, int *first, int *last)
{
	size_t	 i;

	*first = *last = p->first;
	for (i = 0; i < p->npars && p->pars[i].number == 0; i++)
		continue;
	if (i == p->npars)
		return false;
	*first = p->pars[i].number;
	for (i = p->npars; p->pars[i - 1].number == 0; i--)
		continue;
	*last = p->pars[i - 1].number;
	return true;
}

const struct prot_person *
protocol_chair(const struct protocol *p)
{
	size_t	 i;

	for (i = 0; i < p->npeople; i++)
		if (p->people[i].role == PROT_MEMBER &&
		    p->people[i].title != NULL &&
		    strcmp(p->people[i].title, "ordförande") == 0)
			return &p->people[i];
	return NULL;
}

int
protocol_vote_winner(const struct protocol *p, const struct prot_vote *v)
{
	const struct prot_person *chair = protocol_chair(p);
	size_t	 i;

	if (v->count[BALLOT_JA] != v->count[BALLOT_NEJ])
		return v->count[BALLOT_JA] > v->count[BALLOT_NEJ] ?
		    BALLOT_JA : BALLOT_NEJ;
	if (v->tie == TIE_LOT)
		return v->lot;
	if (v->tie == TIE_CHAIR && chair != NULL)
		for (i = 0; i < v->nballots; i++)
			if (strcmp(v->ballots[i].member, chair->name) == 0 &&
			    v->ballots[i].vote != BALLOT_AVSTAR)
				return (int)v->ballots[i].vote;
	return -1;
}

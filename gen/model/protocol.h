/*
 * model: the protocol of a meeting (protokoll.xml; content/protocol.c
 * reads it): who attended and served, the justering, the notice on the
 * noticeboard, and one paragraph (§) per agenda item with its motions,
 * vote, outcome, reservations and notes.
 */
#ifndef BOARDGEN_MODEL_PROTOCOL_H
#define BOARDGEN_MODEL_PROTOCOL_H

#include "meeting.h"

enum prot_role {
	PROT_MEMBER,		/* ledamot */
	PROT_DEPUTY,		/* ersättare */
	PROT_OTHER		/* officials and others present */
};

/* Minutes since midnight; PROT_NOTIME: not given. */
#define PROT_NOTIME	(-1)

struct prot_person {
	enum prot_role	 role;
	char		*name;		/* "Karin Åhlund" */
	char		*party;		/* "S"; NULL for others */
	char		*title;		/* member: "ordförande"; other: role */
	char		*paragraphs;	/* other: "§ 130–134", or NULL */
	bool		 absent;	/* member: not at the meeting */
	char		*serves_for;	/* deputy: the member's name, or NULL */
	int		 from, until;	/* deputy: serves from, until */
	int		 arrives, leaves;	/* late, early */
	char		*arrives_at, *leaves_at;	/* "10.15", as written */
	struct srcpos	 pos;
};

/* Someone's words in a paragraph: a motion (yrkande), a reservation,
 * a protokollsanteckning, a jäv (no text). */
struct prot_said {
	char		*by;		/* name as in the attendance */
	char		*text;		/* NULL: none */
	/* jäv: the deputy who serves in the member's place in this §,
	 * or NULL. */
	char		*deputy;
	struct srcpos	 pos, deputy_pos;
};

enum prot_ballot_kind { BALLOT_JA, BALLOT_NEJ, BALLOT_AVSTAR };

struct prot_ballot {
	char		*member;
	enum prot_ballot_kind vote;
	struct srcpos	 pos;
};

enum prot_tie { TIE_NONE, TIE_CHAIR, TIE_LOT };

struct prot_vote {
	char		*ja, *nej;	/* what a ja and a nej vote are for */
	enum prot_tie	 tie;
	int		 lot;		/* TIE_LOT: BALLOT_JA or BALLOT_NEJ */
	struct prot_ballot *ballots;
	size_t		 nballots;
	int		 count[3];	/* by enum prot_ballot_kind */
	struct srcpos	 pos;
};

enum prot_outcome {
	OUTCOME_NONE,		/* not written: an error in check */
	OUTCOME_DECISION,	/* beslut */
	OUTCOME_TABLED,		/* bordlagt */
	OUTCOME_REFERRED,	/* återremitterat */
	OUTCOME_STRUCK		/* utgår */
};

struct prot_paragraph {
	int		 number;	/* §; 0: struck, no § */
	int		 item;		/* agenda number */
	size_t		 index;		/* into the meeting's items */
	int		 time;		/* minutes, PROT_NOTIME: not given */
	int		 at;		/* when it was handled: its time, the
					 * one before, or the meeting's start */
	bool		 immediate;	/* justeras omedelbart */
	enum prot_outcome outcome;
	/* The decision as amended (paragraphs, owned), or NULL: as the
	 * case proposes, its proposal's blocks. */
	struct block	*decision;
	char		*reason;	/* tabled, sent back: why */
	struct prot_said *jav;
	size_t		 njav;
	struct prot_said *motions;
	size_t		 nmotions;
	char		*proposition;	/* propositionsordning */
	struct prot_vote *vote;		/* NULL: none */
	struct prot_said *reservations;
	size_t		 nreservations;
	struct prot_said *notes;	/* protokollsanteckningar */
	size_t		 nnotes;
	char		**recipients;	/* own Expedieras, or NULL: the case's */
	size_t		 nrecipients;
	/* The public view (protocol_redact): a closed item's paragraph,
	 * its words gone. */
	bool		 redacted;
	struct srcpos	 pos, outcome_pos;
};

struct protocol {
	char		*path;
	struct srcpos	 pos;		/* of <protocol> */
	int		 first;		/* the first § */
	bool		 first_given;
	struct srcpos	 first_pos;
	char		*time;		/* as written, or NULL */
	char		*place;
	struct prot_person *people;
	size_t		 npeople;
	char		**justerare;
	size_t		 njusterare;
	struct srcpos	*justerare_pos;
	char		*justering_date;	/* ISO */
	char		*justering_time;	/* "10.00", or NULL */
	char		*justering_place;
	struct srcpos	 justering_pos;
	char		*posted;	/* notice posted, ISO, or NULL */
	char		*kept;		/* where the protocol is kept */
	struct srcpos	 notice_pos;
	struct prot_paragraph *pars;
	size_t		 npars;
	/* The body's previous protocol this year: its file and last §
	 * (prev_last 0: none). */
	char		*prev_path;
	int		 prev_last;
	bool		 fullmaktige;	/* the body is a council: ties by lot */
};

struct protocol	*protocol_new(void);
void		 protocol_free(struct protocol *);
/* Frees what a paragraph says (decision, reason, jäv, motions,
 * propositionsordning, vote, reservations, notes, recipients) and
 * leaves it empty; number, item and outcome stay. */
void		 prot_paragraph_words_free(struct prot_paragraph *);
/* The person of that name, or NULL. */
const struct prot_person *protocol_person(const struct protocol *,
		    const char *name);
/* "Karin Åhlund (S)": the name with party, as protocols write it.
 * Caller frees. */
char		*protocol_name(const struct protocol *, const char *name);
/* The first and last § (a struck item has none); false if no
 * paragraph has one, then both are the protocol's first. */
bool		 protocol_numbers(const struct protocol *, int *first,
		    int *last);
/* The chair (a member whose title is "ordförande"), or NULL. */
const struct prot_person *protocol_chair(const struct protocol *);
/* The side that won a vote: BALLOT_JA or BALLOT_NEJ (a tie by the
 * chair's vote or the lot), or -1 if a tie is not decided. */
int		 protocol_vote_winner(const struct protocol *,
		    const struct prot_vote *);

#endif /* BOARDGEN_MODEL_PROTOCOL_H */

/*
 * model: the meeting model (content/ builds it): the manifest's agenda,
 * case files, documents, the program, registers, the organisation
 * profile.  Blocks of text and figures are in doc.h.
 */
#ifndef BOARDGEN_MODEL_MEETING_H
#define BOARDGEN_MODEL_MEETING_H

#include "doc.h"

/* ------------------------------------------------------------------ */
/* The meeting model (content/ builds it). */

enum section_kind {
	SECTION_DESCRIPTION,	/* Ärendebeskrivning */
	SECTION_PROPOSAL,	/* Förslag till beslut */
	SECTION_RECIPIENTS,	/* Expedieras till */
	SECTION_DOCUMENTS,	/* Beslutsunderlag */
	SECTION__MAX
};

struct section {
	bool		 present;
	struct srcpos	 pos;		/* of its heading */
	struct block	*blocks;
	/* Ärendebeskrivning: a line "<!-- mer -->" ends what the agenda
	 * shows; more is the first block after it (NULL: none). */
	bool		 has_more;
	struct srcpos	 more_pos;
	const struct block *more;
};

struct meta_field {
	char		*key;
	char		*value;
	struct srcpos	 pos;
};

/* ------------------------------------------------------------------ */
/* Secrecy and registers (docs/content-format.md, "Registers" and
 * "Secrecy").  A field that may be secret keeps its legal ground; the
 * text the public may see is register_field_public(), and
 * meeting_redact() (content/) replaces every secret text in the
 * model by its note before any public writer runs. */

struct register_field {
	char		*text;		/* as written (cleaned); NULL: not
					 * given.  After redaction of a secret
					 * field: the note */
	char		*secret;	/* legal ground "OSL 25 kap. 1 §", or
					 * NULL: public */
	char		*note;		/* secret: "Sekretess enligt OSL 25
					 * kap. 1 §"; NULL otherwise */
	struct srcpos	 pos;		/* of the text in its file */
};

enum register_kind {
	REGISTER_INCOMING,	/* anmälan av inkomna handlingar */
	REGISTER_DELEGATION	/* anmälan av delegationsbeslut */
};

/* The parts of an entry's line, in the order its file gives them. */
enum register_part {
	REGISTER_PART_TYPE,	/* <type>Protokoll</type>, as written */
	REGISTER_PART_SENDER,
	REGISTER_PART_TITLE,
	REGISTER_PART__MAX
};

/* One incoming document or one delegation decision.  Dates are ISO
 * and optional (most real entries have none); a decision may cover a
 * period (from, to). */
struct register_entry {
	int		 number;	/* 1.. as printed, within its group */
	char		*date;		/* received / decided, or NULL */
	char		*from, *to;	/* period, or NULL */
	char		*dnr;		/* validated; NULL: none */
	char		*type;		/* incoming: "Protokoll", "cirkulär",
					 * as written; NULL: none given */
	struct register_field sender;	/* incoming: who sent it */
	struct register_field title;	/* the document or decision */
	enum register_part parts[REGISTER_PART__MAX];	/* printed, in
					 * file order (the type only when
					 * written as <type>) */
	int		 nparts;
	struct register_field *subs;	/* sub-entries, each its own line:
					 * a protocol's "Rapport: ..." */
	size_t		 nsubs;
	struct srcpos	 pos;
};

/* Incoming documents form one group (heading NULL); decisions are
 * grouped by delegate. */
struct register_group {
	char		*heading;	/* "Beslut av regiondirektören" */
	char		*level;		/* delegate: "regiondirektör" */
	struct register_entry *entries;
	size_t		 nentries;
	struct srcpos	 pos;
};

struct register_file {
	enum register_kind kind;
	char		*path;
	char		*from, *to;	/* period the register covers, or NULL */
	char		*heading;	/* printed before the lists, with "för
					 * perioden FROM – TO"; NULL: none */
	struct register_group *groups;
	size_t		 ngroups;
	int		 item;		/* agenda number of the item placing it */
	struct srcpos	 pos;
};

/* Closed agenda items in public output (organisation.xml
 * <publishing closed-items="..."/>). */
enum closed_items {
	CLOSED_TITLE,		/* number and title only (default) */
	CLOSED_OMIT		/* left out altogether */
};

/* One case file: metadata header + sections. */
struct casefile {
	char		*path;		/* as given: meeting dir + relative name */
	char		*dnr;		/* validated SERIES/NUMBER/YEAR */
	char		*title;
	char		*kind;		/* "beslut" | "information"; default beslut */
	char		*handlaggare;	/* optional */
	char		*secret;	/* "sekretess:" legal ground, or NULL */
	struct meta_field *meta;	/* every header field, in order */
	size_t		 nmeta;
	struct section	 sections[SECTION__MAX];
	struct note	*notes;		/* of all its sections, by number */
	struct srcpos	 pos;		/* line 1 */
};

struct session {
	char		*start;		/* "08.30" */
	char		*end;		/* "12.00", or NULL */
	char		*place;
	bool		 open;		/* öppet sammanträde */
	bool		 unstated;	/* no open="": just a place and a
					 * time, neither open nor closed */
	char		*note;		/* optional free text */
	struct srcpos	 pos;
};

struct contact {
	char		*name;
	char		*role;		/* "Nämndsekreterare" */
	char		*phone;
	char		*email;
	struct srcpos	 pos;		/* where it was given */
	/* Where the role came from when the staff directory gave it
	 * (file NULL: from pos): a fault in it is the profile's. */
	struct srcpos	 from_directory;
};

/* The organisation profile (organisation.xml): one file feeds every
 * template's letterhead, footer and labels. */
struct organisation {
	char		*path;
	char		*name;		/* "Region Norrbacka" */
	char		*logo;		/* PNG path (resolved), or NULL */
	unsigned	 logo_w, logo_h; /* its size in pixels */
	struct srcpos	 logo_pos;	/* the <logo> element */
	char		*visit_address;
	char		*postal_address;
	char		*phone;
	char		*fax;
	char		*email;
	char		*web;
	char		*orgnr;
	char		*bankgiro;
	char		*plusgiro;
	char		*director_title;	/* "Regiondirektör" */
	char		*proposal_heading;	/* "Regiondirektörens förslag" */
	struct contact	*people;	/* staff: name, title, phone, e-mail */
	size_t		 npeople;
	/* <publishing>: what public output shows (copied to the
	 * meeting's settings, below). */
	enum closed_items closed_items;
	bool		 publish_contacts;
	struct srcpos	 pos;
};

/* Documents that follow an agenda item in the pack. */
enum document_kind {
	DOCUMENT_TJANSTESKRIVELSE,	/* from the case file itself */
	DOCUMENT_REPORT,		/* rapport */
	DOCUMENT_FOLLOWUP,		/* uppföljningsrapport */
	DOCUMENT_LETTER,		/* brev, remissvar */
	DOCUMENT_PROGRAM,		/* program for the meeting day */
	DOCUMENT_EXTERNAL		/* a PDF made elsewhere */
};

/* One time slot of the program, with sub-points of its own. */
struct program_slot {
	char		*time;		/* "08.30", or NULL for a sub-point */
	char		*topic;
	char		**presenters;
	size_t		 npresenters;
	bool		 pause;		/* a break: "Kaffe" */
	bool		 closed;	/* the closed part of the meeting */
	struct program_slot *sub;
	size_t		 nsub;
	char		*day;		/* the heading of the day it starts,
					 * or NULL */
	struct srcpos	 pos;
};

struct program {
	char		*title;
	char		*time;		/* the "Tid:" line, as written */
	char		*place;		/* the "Plats:" line */
	struct contact	 author;	/* who wrote it (moved to its
					 * document's author) */
	struct program_slot *slots;
	size_t		 nslots;
	char		*notice;	/* closing notice for the public */
};

struct document {
	enum document_kind kind;
	char		*path;		/* source file; for a tjänsteskrivelse
					 * the case file */
	char		*title;
	char		*date;		/* ISO */
	char		*dnr;
	char		*department;	/* "Regionledningsförvaltningen" */
	char		*recipient;	/* body addressed: "Regionstyrelsen" */
	struct contact	 author;	/* handläggare */
	struct contact	*signers;	/* name over title, one or two */
	size_t		 nsigners;
	char		**address;	/* letters: address block lines */
	size_t		 naddress;
	char		*subject;	/* letters */
	/* Reports: a title page and a table of contents, as the header
	 * says ("titelsida: nej", "innehåll: ja") or else by length. */
	bool		 title_page, contents;
	/* Reports: "rubriknummer: nej" leaves the headings unnumbered
	 * (a monthly report's are); else the template numbers them. */
	bool		 unnumbered;
	struct meta_field *meta;	/* every header field, in order */
	size_t		 nmeta;
	struct block	*blocks;	/* body (reports, letters) */
	struct note	*notes;		/* of the body, by number */
	const struct casefile *cs;	/* tjänsteskrivelse: its case */
	struct program	*program;	/* DOCUMENT_PROGRAM */
	/* DOCUMENT_EXTERNAL: the file's pages, whether any page shows
	 * text (not images only, as a scan), whether it is tagged. */
	struct external_page *extpages;
	size_t		 nextpages;
	bool		 ext_text;
	bool		 ext_tagged;
	char		**ext_pagetext;	/* each page's text, for the scan */
	size_t		 ext_unread;	/* characters whose text is unknown */
	bool		 ext_public;	/* linked with public="yes" */
	struct srcpos	 pos;
};

enum agenda_kind {
	AGENDA_CASE,		/* refers to a case file */
	AGENDA_PROCEDURAL,	/* title only, no case file */
	AGENDA_DIVIDER		/* "TILL FULLMÄKTIGE": numbered, no body */
};

struct agenda_item {
	enum agenda_kind kind;
	int		 number;	/* 1..n, continuous over all kinds */
	char		*title;		/* manifest title, else the case's */
	char		*dnr;		/* case dnr, or NULL */
	struct casefile	*cs;		/* AGENDA_CASE only */
	char		*note;		/* optional procedural text */
	/* Closed: handled behind closed doors (manifest closed="yes") or
	 * secret (the case's "sekretess:", whose ground is `secret').  The
	 * public sees number and title only, or nothing. */
	bool		 closed;
	const char	*secret;	/* the case's ground, or NULL */
	bool		 divider;	/* divider="yes": a divider page
					 * before its documents */
	size_t		 session;	/* index into m->sessions of the
					 * session it is handled in */
	/* Documents behind the item, in the order of its
	 * Beslutsunderlag; owned by the meeting. */
	struct document	**docs;
	size_t		 ndocs;
	struct srcpos	 pos;
};

struct meeting {
	char		*dir;		/* meeting folder */
	char		*manifest;	/* path of the manifest file */
	char		*organisation;
	char		*body;		/* "Regionstyrelsen" */
	char		*date;		/* ISO */
	struct session	*sessions;
	size_t		 nsessions;
	struct contact	 secretary;
	struct contact	 chair;		/* optional (name may be NULL) */
	struct agenda_item *items;
	size_t		 nitems;
	struct organisation *org;	/* NULL: none found */
	struct document	**documents;	/* every document, owned */
	size_t		 ndocuments;
	struct document	*program;	/* the program of the day, or NULL */
	int		 program_item;	/* agenda number it follows; 0: it
					 * follows the agenda */
	struct figure	**figures;	/* every figure file read, owned */
	size_t		 nfigures;
	struct register_file **registers;	/* every register read, owned */
	size_t		 nregisters;
	/* Publishing settings (organisation.xml <publishing>). */
	enum closed_items closed_items;
	bool		 publish_contacts;	/* officials' direct phone and
						 * e-mail; default false */
	bool		 redacted;	/* meeting_redact() has run: this is
					 * the public view */
	size_t		 nunplaced;	/* Beslutsunderlag entries naming a
					 * document that is not in the pack
					 * and not marked paper-only */
	unsigned long long text_bytes;	/* case and document files read,
					 * against CONTENT_MAX_TEXT */
};

/* ------------------------------------------------------------------ */
/* Destructors (model.c). */

void		 casefile_free(struct casefile *);
void		 organisation_free(struct organisation *);
void		 document_free(struct document *);
void		 program_free(struct program *);
void		 contact_free(struct contact *);	/* members only */
void		 register_file_free(struct register_file *);
/* The text of a register field the public may see: its note when it
 * is secret, else its text (NULL: not given).  Every public writer
 * takes field texts through this. */
const char	*register_field_public(const struct register_field *);
void		 meeting_free(struct meeting *);
const char	*section_heading(enum section_kind);	/* Swedish name */

/* What the agenda shows of a case's description when the
 * tjänsteskrivelse shows the whole: its "## Sammanfattning" sub-section
 * (its first block after the heading, and in *end the first block
 * after it, NULL: to the end), else the text before a "<!-- mer -->"
 * line.  NULL if the case has neither. */
const struct block *case_summary(const struct casefile *,
		    const struct block **end);

#endif /* BOARDGEN_MODEL_MEETING_H */

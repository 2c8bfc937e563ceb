/*
 * content: reads a meeting folder (manifest XML, case Markdown) into the
 * model.  Reports every problem it finds as file:line:col diagnostics;
 * returns NULL if any was an error.
 */
#ifndef BOARDGEN_CONTENT_H
#define BOARDGEN_CONTENT_H

#include "../model/model.h"

/* Largest files read, to bound time and memory on hostile input. */
#define CONTENT_MAX_MANIFEST	(1024u * 1024u)
#define CONTENT_MAX_CASE	(1024u * 1024u)
/* Longest title, in characters: headings, agenda lines and bookmarks
 * are made from it. */
#define CONTENT_MAX_TITLE	300
/* Footnotes of one case text or document (their numbers). */
#define CONTENT_MAX_NOTES	NOTES_MAX
/* Longest name of the organisation or the body, in characters. */
#define CONTENT_MAX_NAME	200
/* Items on one agenda, and the bytes of all case and document files
 * of one meeting: with the pages of a PDF and the rows of its tables
 * they keep the memory of any accepted meeting well under 1 GiB. */
#define CONTENT_MAX_ITEMS	500
#define CONTENT_MAX_TEXT	(16u * 1024u * 1024u)

/* Loads dir/meeting.xml (validated against schema_dir/meeting.rng) and
 * every case file it names.  Case paths must stay inside dir. */
struct meeting	*meeting_load(const char *dir, const char *schema_dir);

/* Loads one case file (metadata header + Markdown sections). */
struct casefile	*casefile_load(const char *path);
/* Same from memory (tests, fuzzing); `path' is used in diagnostics. */
struct casefile	*casefile_parse(const char *path, const char *data, size_t len);

/* SERIES/NUMBER/YEAR: series of 1-10 capital letters (A-Z, ÅÄÖ),
 * number 1-6 digits without leading zero, four-digit year. */
bool		 dnr_valid(const char *);

/* Cleans text as officials paste it: Word's private-use bullets
 * (U+F0B7, U+F0A7, U+F0A8, U+F076, U+F0D8) become U+2022; U+00A0 stays;
 * U+2028/U+2029 are reported as line breaks by the caller.  Returns a
 * fresh string. */
char		*content_clean_text(const char *);

/* Documents behind agenda items (organisation.c, document.c). */
#define CONTENT_MAX_PEOPLE	2000	/* staff directory entries */
#define CONTENT_MAX_SIGNERS	4	/* signers of one document */
#define CONTENT_MAX_ADDRESS	8	/* address lines of a letter */
/* A report's title page and contents by default only when its body
 * fills more than REPORT_SHORT_PAGES pages of about REPORT_PAGE_CHARS
 * characters. */
#define REPORT_PAGE_CHARS	3000
#define REPORT_SHORT_PAGES	5
/* Reads the profile at path (validated against
 * schema_dir/organisation.rng); NULL after reporting. */
struct organisation *organisation_load(const char *path,
		    const char *schema_dir);
/* Same from memory (fuzzing); a logo is looked for beside path. */
struct organisation *organisation_parse(const char *path, const char *data,
		    size_t len, const char *schema_dir);
/* Looks for organisation.xml in dir, then one and two folders above.
 * Sets *out (NULL if there is none); returns 0 after reporting a
 * profile that cannot be read. */
int		 organisation_find(const char *dir, const char *schema_dir,
		    struct organisation **out);
/* The staff directory's entry for name, or NULL. */
const struct contact *organisation_person(const struct organisation *,
		    const char *name);
/* A document file: metadata header ("kind: rapport | uppföljning |
 * brev | tjänsteskrivelse", title, datum, dnr, ...), then Markdown.  A
 * tjänsteskrivelse file belongs to case cs (may be NULL otherwise); its
 * own proposal and "Utdrag till" must agree with the case's.  NULL
 * after reporting. */
struct document	*document_parse(const char *path, const char *data,
		    size_t len, const struct organisation *,
		    struct casefile *cs);
struct document	*document_load(const char *path,
		    const struct organisation *, struct casefile *cs);
/* The tjänsteskrivelse made from a case file's header and sections;
 * `date' is used when the header has no "datum". */
struct document	*document_from_case(const struct casefile *,
		    const struct organisation *, const char *body,
		    const char *date);
/* A PDF file made elsewhere (path as resolved; shown as messages name
 * it), its pages counted and measured with libqpdf.  An encrypted,
 * damaged, page-less file or one that is no PDF is reported at `at'
 * (the Beslutsunderlag entry); NULL. */
struct document	*document_external(const char *path, const char *shown,
		    const char *title, const struct srcpos *at);
/* Finds the profile and the documents each case's Beslutsunderlag
 * names (items' docs, m->documents).  Returns 0 after an error. */
int		 meeting_documents(struct meeting *, const char *schema_dir);
/* build --final: a Beslutsunderlag entry that names a document neither
 * in the pack nor marked paper-only ("(finns hos nämndsekreteraren)")
 * is an error, not a warning.  Counted in m->nunplaced either way. */
void		 documents_final(bool);
/* True if a Beslutsunderlag entry's text says the document exists on
 * paper only: it ends in "(finns hos ...)". */
bool		 entry_paper_only(const char *text);
/* The document file `path' is, for rendering it alone: one of the
 * meeting's documents, or the tjänsteskrivelse of one of its cases; a
 * file the meeting does not name is read on its own, and then *own
 * (and *owncase for a case file) must be freed by the caller.  NULL
 * after reporting. */
const struct document *document_of_file(struct meeting *, const char *path,
		    struct document **own, struct casefile **owncase);

/* What check reports beyond what reading needs (lint.c, program.c,
 * scaffold.c; docs/check.md). */
/* Like meeting_load, but returns the meeting even when case files or
 * documents had errors (NULL only if the manifest cannot be read), so
 * that check can go on and list every problem. */
struct meeting	*meeting_read(const char *dir, const char *schema_dir);
/* Same with the manifest's bytes given (fuzzing); case files and the
 * rest are still read from dir.  NULL only if the manifest cannot be
 * read. */
struct meeting	*meeting_parse(const char *dir, const char *data, size_t len,
		    const char *schema_dir);
/* Reports every lint finding of a loaded (maybe partly loaded) meeting:
 * sections, template hints, phone numbers, e-mail addresses, contact
 * data, signers, dates, dnr references, attachments. */
void		 meeting_lint(const struct meeting *);
enum phone_form {
	PHONE_OK,
	PHONE_EMPTY,		/* error */
	PHONE_GROUPING,		/* warning: digits right, form not */
	PHONE_MALFORMED		/* error */
};
/* Judges a phone number; *why says what is wrong (NULL if nothing). */
enum phone_form	 lint_phone(const char *, const char **why);
/* NULL if the e-mail address is well formed, else what is wrong. */
const char	*lint_email(const char *);
/* Finds the first template hint in s[0..len) ("[Skriv ...]", "XX",
 * "ÅÅÅÅ-MM-DD", "Lorem ipsum", "<namn>"; in XML text "&lt;namn&gt;"). */
bool		 lint_hint(const char *s, size_t len, bool xml, size_t *off,
		    size_t *hlen);
/* The program for the meeting day: file names program.xml (validated
 * against schema_dir/program.rng) relative to the meeting folder;
 * times are checked against m's sessions.  NULL after reporting. */
struct document	*program_entry(const struct meeting *m, int line,
		    const char *file, const char *schema_dir);
struct program	*program_parse(const char *path, const char *data,
		    size_t len, const struct meeting *m,
		    const char *schema_dir);
/* Writes a new case file for `title' as dir/arenden/NN-slug.md (NN:
 * the agenda number it gets, set in *number) and, if it can do so
 * without touching anything else, adds it to the end of the agenda in
 * dir/meeting.xml (*added).  Returns the path relative to dir (caller
 * frees), or NULL after reporting.  Never overwrites a file. */
char		*case_new(const char *dir, const char *title, int *number,
		    bool *added);

/* What `init' filled the new meeting.xml from (init.c). */
struct init_from {
	char	*previous;	/* the previous meeting's folder, or NULL */
	char	*profile;	/* the organisation profile used, or NULL */
	bool	 profile_copied;	/* copied from the previous meeting's
					 * folder, which the new one does not
					 * see */
	bool	 hints;		/* left hints to fill in */
};
/* Writes body/date/meeting.xml (making the folders) from the body's
 * previous meeting and the nearest organisation profile, hints where
 * neither says; never over an existing meeting.  Returns the new
 * folder (caller frees; *from's strings too), or NULL after
 * reporting. */
char		*meeting_init(const char *body, const char *date,
		    const char *schema_dir, struct init_from *from);
/* The folder of the body's latest meeting before date, or NULL. */
char		*meeting_previous(const char *body, const char *date);
/* The dnr series most used in mdir/arenden/'s case files ("RS" of
 * RS/1502/2026), or NULL. */
char		*dnr_series(const char *mdir);

/* Figure files (figure.c, csv.c, figcheck.c; docs/figures.md). */
/* Reads every figure the meeting's texts place (BLOCK_FIGURE) into
 * m->figures, each file once, computes its computed cells and
 * evaluates its checks; sets each reference's `figure'.  Failed checks
 * are kept in the figure, not reported (figures_report).  Returns 0
 * after reporting a figure that cannot be read. */
int		 figures_load(struct meeting *, const char *schema_dir);
/* The same for a document rendered alone, which no case of the meeting
 * names: the figures placed by `d' (a document file) and by `cs' (a case
 * file read on its own), either may be NULL; reports their failed
 * checks as errors, as a build does.  Returns 0 after an error or a
 * failed check. */
int		 figures_load_alone(struct meeting *, struct document *d,
		    struct casefile *cs, const char *schema_dir);
/* Reports, as errors, the failed checks of the figures placed by `d'
 * and by `cs' (either may be NULL), as a build does; returns how
 * many. */
size_t		 figures_report_placed(const struct document *d,
		    const struct casefile *cs);
/* The paths of the figure files `d' and `cs' place (either may be
 * NULL), as diagnostics name them; *paths to free, the strings not. */
size_t		 figures_placed_paths(const struct document *d,
		    const struct casefile *cs, const char ***paths);
/* One figure file: .xml (validated against schema_dir/figure.rng) or
 * a bare .csv.  NULL after reporting. */
struct figure	*figure_load(const char *path, const char *schema_dir);
/* Same from memory (fuzzing); path names the file in diagnostics, its
 * ending picks the form, and a <csv href> is read beside it. */
struct figure	*figure_parse(const char *path, const char *data, size_t len,
		    const char *schema_dir);
/* Reports every failed check of the meeting's figures, as errors or,
 * when allowed, as warnings.  Returns how many failed. */
size_t		 figures_report(const struct meeting *, bool allow);

/* Registers (register.c; docs/content-format.md, "Registers").  A
 * case places a register file with ![](../register/x.xml "register"):
 * <incoming-documents> or <delegation-decisions>, validated against
 * schema_dir/register.rng. */
#define CONTENT_MAX_REGISTER	5000	/* entries of one register file */
/* Reads the register files the meeting's case texts place into
 * m->registers (each once), sets each BLOCK_REGISTER's reg and its
 * children (the lists, everything shown), and each register's item.
 * Returns 0 after reporting. */
int		 registers_load(struct meeting *, const char *schema_dir);
struct register_file *register_load(const char *path,
		    const char *schema_dir);
struct register_file *register_parse(const char *path, const char *data,
		    size_t len, const char *schema_dir);
/* One entry as one line of the pack's list: its type (when written as
 * <type>), sender and title in the order the file gives them, then
 * " för perioden FROM – TO", the date and the dnr, each if given:
 * "Protokoll, Kommunförbundet, protokoll 2017-10-20, RS/1/2017."  With
 * public, secret fields are their notes; without, their text followed
 * by "(sekretess enligt GROUND)".  Caller frees. */
char		*register_entry_text(const struct register_file *,
		    const struct register_entry *, bool public);
/* A sub-entry's line ("Rapport: ..."), public or not as above. */
char		*register_sub_text(const struct register_field *, bool public);
/* The register as model blocks: the file's heading line with its
 * period, then per group its heading (level 1) and a numbered list of
 * register_entry_text() lines, each with its sub-entries as lines of
 * the item; an empty group says "Inga beslut att anmäla." */
struct block	*register_blocks(const struct register_file *, bool public);
/* "OSL 25 kap. 1 §", "OSL 21 kap. 3 a §", "OSL 21 kap. 7 § andra stycket
 * punkt 2", and nothing after it. */
bool		 secrecy_ground_valid(const char *);
/* An error at file:line:col unless g is a valid ground; key starts the
 * message ("secret=", "sekretess "), example is the form shown. */
bool		 secrecy_ground_check(const char *g, const char *key,
		    const char *file, int line, int col, const char *example);

/* Secrecy and the public view (redact.c; docs/content-format.md,
 * "Secrecy").  Every public output (the public pack, the site, its
 * open data) is made from a redacted meeting, so that no writer can
 * forget a field:
 *   - closed items (closed="yes" in the manifest, or "sekretess:" in the
 *     case file) keep number, title and dnr; their case text and
 *     documents are dropped (m->closed_items == CLOSED_OMIT: the item
 *     is dropped from m->items; numbers stay as they were);
 *   - secret register fields hold their note instead of their text
 *     (register_field_public() gives the same on an unredacted meeting);
 *   - without m->publish_contacts, officials' direct phone numbers and
 *     e-mail addresses (secretary, staff directory, documents' authors
 *     and signers) are dropped.
 * Sets m->redacted.  Returns 0 after reporting. */
int		 meeting_redact(struct meeting *);
/* Reports as `level' each open item that lists, and each open text that
 * links, a document a closed item leads to (which public output never
 * shows): what meeting_redact() refuses.  Returns how many. */
size_t		 meeting_secret_links(const struct meeting *,
		    enum diag_level);
/* Reports every personnummer and samordningsnummer in the meeting's
 * texts as `level' at its file:line:col: with public_only, in what a
 * redacted meeting publishes (the case and document files of items
 * that are not closed, the manifest, the program, public register
 * fields), else in every case file and register field.  Returns how
 * many. */
size_t		 meeting_pnr_scan(const struct meeting *, enum diag_level,
		    bool public_only);
/* The last guard (guard.c): made from the meeting before it is
 * redacted (it keeps the text of secret items and fields, and where
 * the inputs are), it searches each public output as written for
 * personal identity numbers and that secret text, and reports each hit
 * at the input its digits are found in, naming the output (`out', whose
 * name says what it is: .pdf, .html, .xml, .json, else plain text, and
 * what begins as a PDF file is one; the name itself is searched too).  g may be NULL: numbers only.  Returns
 * how many; the caller then writes nothing of it. */
struct guard;
struct guard	*guard_new(const struct meeting *);
/* For check's rehearsal of build --public: what the guard finds is a
 * warning saying that build --public and site will refuse it. */
void		 guard_rehearse(struct guard *);
/* For check: warns where open text has sentences of closed items (a
 * copy of most of a closed text is refused by build --public and site,
 * a few sentences are published by the open item).  Returns how many
 * warnings. */
size_t		 guard_lint(const struct meeting *);
void		 guard_free(struct guard *);
size_t		 guard_check(const struct guard *, const char *out,
		    const char *data, size_t len);
/* Adds to g what the protocol makes secret: the words of its
 * paragraphs on closed items (m not yet redacted); the protocol file
 * is searched for numbers too. */
void		 guard_protocol(struct guard *, const struct protocol *,
		    const struct meeting *m);
/* The public protocol: after meeting_redact(m), each paragraph on a
 * closed item keeps its number and the item's title, and loses every
 * word of its own (decision, reason, motions, vote, reservations,
 * notes, recipients); with CLOSED_OMIT such paragraphs are left out.
 * Items are found again by number. */
void		 protocol_redact(struct protocol *, const struct meeting *m);

/* The protocol (protocol.c; docs/content-format.md, "The protocol"):
 * PROTOCOL_FILE in the meeting folder, validated against
 * schema_dir/protocol.rng.  Paragraphs are numbered from its first=""
 * or on from the body's previous protocol this year (the meeting
 * folders beside this one).  protocol_load sets *none (and reports
 * nothing) when the folder has no protocol; NULL after reporting. */
#define PROTOCOL_FILE	"protokoll.xml"
struct protocol	*protocol_load(const struct meeting *, const char *schema_dir,
		    bool *none);
struct protocol	*protocol_parse(const char *path, const char *data,
		    size_t len, const struct meeting *, const char *schema_dir);
/* Reports what is wrong with a protocol read for meeting m: names not in
 * the attendance, deputies serving for members present or while absent
 * themselves, votes that do not add up to those serving, a member with
 * jäv who votes, ties undecided (the chair's casting vote in a nämnd,
 * lot in fullmäktige), § numbers colliding with or skipping from the
 * previous protocol, agenda items without a paragraph or an outcome,
 * justering more than justering_days after the meeting (0: no limit),
 * a notice posted later than the second day after justering. */
void		 protocol_check(const struct protocol *,
		    const struct meeting *m, int justering_days);
/* The justering date written in the meeting folder's protocol, read
 * quietly and without the schema (for the site's input stamp: the
 * protocol is published from that day), or NULL.  Caller frees. */
char		*protocol_justering_peek(const char *meeting_dir);

#endif /* BOARDGEN_CONTENT_H */

/*
 * Private to content/: what its files share.  Nothing outside
 * gen/content/ includes this.
 */
#ifndef BOARDGEN_CONTENT_EXTERN_H
#define BOARDGEN_CONTENT_EXTERN_H

#include <cmark.h>
#include <libxml/tree.h>

#include "../util/xml.h"

#include "content.h"

/* Comparison form of a key or label (clean.c): ASCII and ÅÄÖÉ
 * lowered, blanks collapsed, trimmed, a trailing ':' dropped. */
char	*content_fold(const char *, size_t);

/* Header fields (headerkeys.c).  `where' is the kind of file the
 * header is in; a case file's header also makes its tjänsteskrivelse. */
#define HK_CASE		0x01u
#define HK_TJ		0x02u	/* kind: tjänsteskrivelse */
#define HK_REPORT	0x04u	/* kind: rapport, uppföljning */
#define HK_LETTER	0x08u	/* kind: brev */
#define HK_ALL		0x0fu
/* Reports an unknown field (an error, with the nearest known one) or
 * one the kind of file does not print (a warning) at file:line:col.
 * Returns false if it reported an error. */
bool	 header_key_check(const char *key, const char *file, int line,
	    int col, unsigned where);
/* The file nearest in name to a missing one (manifest.c): the name as
 * written with its last part replaced, or NULL.  Caller frees. */
char	*content_nearest_file(const char *path, const char *written);
/* The known field an unknown key is a misspelling of, or NULL. */
const char *header_key_meant(const char *key);

/* Text of an XML element or attribute, cleaned and typeset as case
 * text is (clean.c); NULL for an absent attribute. */
char	*content_xml_text(xmlNodePtr);
char	*content_xml_attr(xmlNodePtr, const char *name);
/* The XML file path whose len bytes are data, checked against
 * schema_dir/schema (not checked where schema_dir is NULL); NULL after
 * a diagnostic. */
xmlDocPtr content_xml_load(const char *path, const char *data, size_t len,
	    const char *schema_dir, const char *schema,
	    const struct xml_hint *hints);

/* "a/arenden/../figurer/x.xml" -> "a/figurer/x.xml" in place, for
 * messages (figure.c). */
void	 content_path_normalise(char *);
/*
 * The file a reference names (figure.c): relative to the folder of the
 * text at pos, inside the meeting folder dir: no absolute path,
 * backslash or address, nothing missing, no ".." or symbolic link
 * leading out.  The messages name it as `what' ("figure"), with an
 * example path and the folder such files go in ("figurer/").  Returns
 * the path, normalised, and sets *realp (if not NULL) to it resolved;
 * NULL after reporting.
 */
char	*content_ref_path(const char *ref, const struct srcpos *pos,
	    const char *dir, const char *what, const char *example,
	    const char *folder, char **realp);

/* Counts the size of a case or document file about to be read
 * against CONTENT_MAX_TEXT; false after reporting, at `at', that the
 * meeting's texts pass it (`shown' names the file). */
bool	 content_text_budget(struct meeting *, const char *path,
	    const char *shown, const struct srcpos *at);

/* Deepest nesting of block quotes and lists a case may use. */
#define CONTENT_MAX_NEST	32
/* '[' still open in one paragraph (cmark's time grows with the square). */
#define CONTENT_MAX_OPENERS	1000

/*
 * One case text being converted.  cmark numbers lines from the start of
 * the Markdown body and counts columns in bytes; positions reported are
 * file lines and columns in code points, so every position goes through
 * md_pos().
 */
struct mdctx {
	const char	*file;		/* diagnostics; owned by the casefile */
	const char	*text;		/* whole file, BOM and CRs removed */
	size_t		 len;
	size_t		*lines;		/* byte offset of each line start */
	size_t		 nlines;
	int		 lineoff;	/* cmark line 1 is file line lineoff+1 */
	bool		 breaks;	/* soft breaks become hard breaks */
	int		 errors;
	int		 ctrls;		/* control characters reported */
	/* Last position computed: columns are counted on from it, so a
	 * long line costs linear time, not quadratic. */
	size_t		 c_line, c_off;
	int		 c_col;
	/* Footnotes: definitions found (and blanked) before cmark
	 * parses; references number them in the order they are met. */
	struct mdnote	*notes;
	size_t		 nnotes, capnotes;
	int		 nextnum;
	int		 firstcol;	/* bytes before cmark's column 1 on its
					 * line 1 (a note's "[^1]: ") */
	bool		 innote;	/* converting a note's own text */
};

/* A footnote definition as found. */
struct mdnote {
	char		*label;
	size_t		 text, end;	/* its text in ctx->text */
	size_t		 line;		/* 0-based line of the definition */
	int		 number;	/* 0 until referenced; -1: a second
					 * definition, reported */
	struct span	*spans;
	struct srcpos	 pos;
};

/* Longest footnote label. */
#define CONTENT_MAX_NOTELABEL	64

/* clean.c */
char		*content_smart(const char *);
/* Cleaned, then with Swedish punctuation: titles, notes, places. */
char		*content_typeset(const char *);
bool		 content_ctrl(const char *, size_t, size_t *);

/* markdown.c */
void		 md_lines(struct mdctx *);
void		 md_offpos(struct mdctx *, size_t, int *, int *);
size_t		 md_format(struct mdctx *, size_t, size_t, enum diag_level);
bool		 md_pos(struct mdctx *, cmark_node *, struct srcpos *);
cmark_node	*md_parse(struct mdctx *, size_t);
struct block	*md_blocks(struct mdctx *, cmark_node *, cmark_node *);
/* True if n is the marker that ends what the agenda shows of a
 * description: an HTML block "<!-- mer -->" (or "<!--more-->"). */
bool		 md_more(cmark_node *);
/* The footnotes referenced, by number, their texts converted; reports
 * those never referenced and frees ctx's definitions. */
struct note	*md_notes(struct mdctx *);
char		*md_plain(cmark_node *);

/* lang.c */
char		*content_lang(const char *, size_t);
bool		 content_lang_swedish(const char *);
struct span	*md_lang_marks(struct mdctx *, struct span *);
struct span	*md_drop_empty(struct span *);
bool		 md_lang_starts(cmark_node *);
cmark_node	*md_lang_block(struct mdctx *, cmark_node *, struct block *);

#endif /* BOARDGEN_CONTENT_EXTERN_H */

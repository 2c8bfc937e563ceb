/*
 * pdf: private interfaces between the writer's files.
 *
 *   pdf.c      pdf_write: the libharu document, error state, saving
 *   content.c  page content streams (text, lines, rectangles, paths,
 *              circles, images)
 *   image.c    PNG images: checked, decoded, embedded once for all pages
 *   fonts.c    loading faces, marking glyphs, the font objects
 *   deflate.c  page content compressed on a second thread
 *   outline.c  destinations, links, bookmarks, page labels
 *   meta.c     Info dictionary, catalog entries, PDF text strings
 *   xmp.c      PDF/A: XMP metadata, sRGB output intent, document ID
 *   tags.c     PDF/UA: structure tree, marked content, parent tree
 *   attach.c   pages of PDF files made elsewhere, and their structure
 *   retag.c    the text of an untagged one as paragraphs
 *   graft.c    a page of one made part of the pack page's content
 *
 * libharu's internals (dictionaries, streams, the font attributes) are
 * used directly where its public API is wrong for us; hpdf.h exposes
 * them because HPDF_SHARED is not defined.
 */
#ifndef BOARDGEN_PDF_PRIVATE_H
#define BOARDGEN_PDF_PRIVATE_H

#include <hpdf.h>
#include <hpdf_font.h>
#include <hpdf_fontdef.h>

#include "pdf.h"

/* One font face as used by this document. */
struct pdf_face {
	HPDF_Font	 font;		/* Type0 dict; NULL until first used */
	struct ttf	*ttf;		/* its file, read (gen/font/) */
	int		 canon;		/* 1 + face holding the font; 0: unset */
	bool		 failed;	/* loading failed: reported once */
	uint8_t		*used;		/* bitmap of BMP code points shown */
	uint16_t	 lo, hi;	/* range of used code points */
};

/* An image file, embedded once. */
struct pdf_image {
	char		*path;
	HPDF_Image	 img;
};

struct pdf_tags;

/* A page of a PDF made elsewhere, as tags.c leaves it to attach.c:
 * the object of its Part in the structure tree, and the MCID of a
 * scanned page's Figure (or -1). */
struct pdf_extpage {
	unsigned	 part_obj;
	int		 scan_mcid;
};

struct pdf_writer {
	const char	*path;		/* output, for diagnostics */
	const struct doc *doc;
	const struct pages *pages;
	HPDF_Doc	 pdf;
	HPDF_Page	*hpages;	/* one per pages->v[i] */

	/* First libharu error; later calls fail anyway. */
	HPDF_STATUS	 error;
	HPDF_STATUS	 detail;

	struct pdf_face	*faces;		/* doc->nfamilies * 4 */
	size_t		 nfaces;
	bool		 warned_cp;	/* reported an unsupported character */

	struct pdf_image *images;	/* loaded so far, by path */
	size_t		 nimages;

	struct buf	 content;	/* page content, reused */
	struct pdf_deflate *deflate;	/* compressing it, deflate.c */
	const char	**fontnames;	/* per face, this page's resource name */

	struct pdf_tags	*tags;		/* structure tree being built */
	struct pdf_extpage *ext;	/* per page; NULL: no PDF made
					 * elsewhere, or not tagged */
};

/* pdf.c */
int	 pdf_ok(struct pdf_writer *, const char *what);
/* The end of a step that writes what ("metadata"): 1 if ok and libharu
 * reported nothing, else 0 after an error that says which. */
int	 pdf_done(struct pdf_writer *, int ok, const char *what);

/* deflate.c: a page's content, compressed while the next is made;
 * finish puts every page's into its stream, free stops the thread. */
int	 pdf_content_put(struct pdf_writer *, size_t page, const char *data,
	    size_t len);
int	 pdf_content_finish(struct pdf_writer *);
void	 pdf_content_free(struct pdf_writer *);

/* content.c */
int	 pdf_page_content(struct pdf_writer *, size_t page);

/* image.c */
HPDF_Image pdf_image_get(struct pdf_writer *, const char *path);
void	 pdf_images_free(struct pdf_writer *);

/* fonts.c */
int	 pdf_face_get(struct pdf_writer *, int face);
void	 pdf_face_mark(struct pdf_face *, uint16_t code);
/* Marks a code point as shown: its glyph is embedded, its width and
 * Unicode value written. */
static inline void
pdf_face_use(struct pdf_face *f, uint16_t code)
{
	if (!(f->used[code >> 3] & (1u << (code & 7))))
		pdf_face_mark(f, code);
}

int	 pdf_fonts_finish(struct pdf_writer *);
void	 pdf_fonts_free(struct pdf_writer *);

/* outline.c */
int	 pdf_links(struct pdf_writer *, size_t page);
int	 pdf_outline(struct pdf_writer *);
int	 pdf_page_labels(struct pdf_writer *);

/* meta.c */
void	*pdf_text_string(struct pdf_writer *, const char *utf8);
int	 pdf_meta(struct pdf_writer *);

/* xmp.c */
/* Metadata as written to both the Info dictionary and the XMP. */
struct pdf_xmp {
	const char	*title;
	const char	*author;
	const char	*subject;
	const char	*lang;
	const char	*date;		/* XMP form, with time zone; or NULL */
	const char	*creator;
	const char	*producer;
};
void	 pdf_xml_escape(struct buf *, const char *);
void	 pdf_xmp_packet(struct buf *, const struct pdf_xmp *);
int	 pdf_xmp(struct pdf_writer *, const struct pdf_xmp *);
int	 pdf_output_intent(struct pdf_writer *);
int	 pdf_id_add(struct pdf_writer *);
int	 pdf_id_fill(struct pdf_writer *, char *data, size_t len);

/* tags.c */
#define TAG_NONE	(-1)	/* no content (a link's area) */
#define TAG_ARTIFACT	(-2)	/* decoration: rules, fills, leaders */
#define TAG_HEADER	(-3)	/* running header (a pagination artifact) */
#define TAG_FOOTER	(-4)	/* running footer, page numbers, stamp */
#define TAGF_SPACE	0x01u	/* a space follows in the logical text */
#define TAGF_PAGELAST	0x02u	/* the element's last text on the page */
int	 pdf_tags_new(struct pdf_writer *);
/* The element of a page's item (or TAG_*), and its TAGF_* flags. */
int	 pdf_tag_elem(const struct pdf_writer *, size_t page, size_t item);
unsigned pdf_tag_flags(const struct pdf_writer *, size_t page, size_t item);
const char *pdf_tag_type(const struct pdf_writer *, int elem);
/* The opening operator of an artifact of kind elem (TAG_ARTIFACT,
 * TAG_HEADER, TAG_FOOTER), typed as PDF/UA asks. */
const char *pdf_tag_artifact(int elem);
/* Starts a marked-content sequence of elem on page: its MCID. */
int	 pdf_tag_mcid(struct pdf_writer *, size_t page, int elem);
int	 pdf_tag_page(struct pdf_writer *, size_t page);
/* A scanned page of a PDF made elsewhere: its Figure's MCID, taken
 * before the page's others (attach.c writes the marked content). */
void	 pdf_tag_scan(struct pdf_writer *, size_t page);
int	 pdf_tag_link(struct pdf_writer *, size_t page, size_t item,
	    HPDF_Annotation);
int	 pdf_tags_finish(struct pdf_writer *);
void	 pdf_tags_free(struct pdf_writer *);

/* attach.c */
/* Draws the pages of PDF files made elsewhere under the pages laid out
 * for them (page->external), in the saved document; *data is replaced
 * by the merged file, with the ID placeholders for pdf_id_fill. */
int	 pdf_attach(struct pdf_writer *, char **data, size_t *len);
/* Where the file's page goes on pack page i: scaled by *s, its lower
 * left corner at (*tx, *ty), w x h as shown. */
void	 pdf_attach_place(const struct pdf_writer *, size_t i, double w,
	    double h, double *s, double *tx, double *ty);

/* retag.c */
/* A page's content with its text as paragraphs (marked content with
 * MCIDs 0, 1, ...) and the rest as artifacts, into out; (*para)[mcid]
 * is the paragraph of each of the *nmcids (caller frees).  Returns
 * the number of paragraphs, or -1 for a page with more than 100 000
 * sequences. */
int	 pdf_retag_text(const unsigned char *in, size_t len, struct buf *out,
	    int **para, int *nmcids);

/* graft.c */
#define PDF_GRAFT_MAX_MCID	100000
struct pdf_graft {
	const char	*prefix;	/* put before each resource name */
	int		 mcid_base;	/* added to each MCID */
	bool		 keep_mc;	/* keep the file's marked content; if
					 * not, only optional content (/OC) */
	/* If set, called for each Do with its name as written (no '/'):
	 * 1 if it wrote what to draw instead into out, 0 to keep the Do,
	 * -1 to fail. */
	int		(*form)(void *ctx, const char *name, size_t len,
			    struct buf *out);
	void		*ctx;
	/* If set, each MCID kept (as moved up) and its tag is added to
	 * it as a struct pdf_graft_mcid. */
	struct buf	*mcids;
};
struct pdf_graft_mcid {
	int		 mcid;
	char		 tag[64];	/* as written, without '/'; "" if
					 * longer */
};
/* A page's content made part of another's, into out: its resource
 * names prefixed, its MCIDs moved up, its marked content kept or
 * dropped, what it leaves open (q, BT, marked content) closed at the
 * end.  Returns 1 + the highest MCID kept (0: none), or -1 for an MCID
 * that is not a whole number up to PDF_GRAFT_MAX_MCID, or marked
 * content nested deeper than 256. */
int	 pdf_graft_content(const unsigned char *in, size_t len,
	    const struct pdf_graft *, struct buf *out);

/* Longest text string written (bookmark titles, metadata), in bytes. */
#define PDF_TEXT_MAX	4000

#endif /* BOARDGEN_PDF_PRIVATE_H */

/*
 * Images (PNG logos), decoded here and handed to libharu as raw pixels
 * with a soft mask for transparency.  libharu's own PNG loader is not
 * used: under its error handler libpng aborts the process on a damaged
 * file, and it draws palette images of under 8 bits with transparency
 * as noise.  Each file is embedded once, however many pages show it.
 */
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "pdf_private.h"

#define PNG_MAX_BYTES	(16u << 20)
#define PNG_MAX_SIDE	8000u
#define PNG_MAX_PIXELS	(4u << 20)

struct png_info {
	uint32_t	 width, height;
	unsigned	 depth, ctype, interlace;
	unsigned	 channels;
	const unsigned char *palette;	/* PLTE: npalette RGB triples */
	unsigned	 npalette;
	const unsigned char *trns;	/* tRNS, ntrns bytes */
	unsigned	 ntrns;
};

/* Decoded: 8-bit grey or RGB, and alpha unless every pixel is opaque. */
struct png_image {
	uint32_t	 width, height;
	unsigned	 ncomp;		/* 1 grey, 3 RGB */
	unsigned char	*pix;
	unsigned char	*alpha;		/* or NULL */
};

static uint32_t
be32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
	    (uint32_t)p[2] << 8 | p[3];
}

static const unsigned adam7[7][4] = {	/* x0, dx, y0, dy */
	{ 0, 8, 0, 8 }, { 4, 8, 0, 8 }, { 0, 4, 4, 8 }, { 2, 4, 0, 4 },
	{ 0, 2, 2, 4 }, { 1, 2, 0, 2 }, { 0, 1, 1, 2 }
};

/* Pixels of pass `pass' (0 for a plain image) across and down. */
static void
pass_size(const struct png_info *pi, int pass, uint64_t *w, uint64_t *h)
{
	const unsigned *a = adam7[pass];

	if (!pi->interlace) {
		*w = pi->width;
		*h = pi->height;
		return;
	}
	*w = pi->width > a[0] ? (pi->width - a[0] + a[1] - 1) / a[1] : 0;
	*h = pi->height > a[2] ? (pi->height - a[2] + a[3] - 1) / a[3] : 0;
}

static uint64_t
row_bytes(const struct png_info *pi, uint64_t w)
{
	return (w * pi->channels * pi->depth + 7) / 8;
}

/* Bytes of filtered image data the header promises. */
static uint64_t
data_size(const struct png_info *pi)
{
	uint64_t w, h, n = 0;
	int	 pass;

	for (pass = 0; pass < (pi->interlace ? 7 : 1); pass++) {
		pass_size(pi, pass, &w, &h);
		if (w > 0 && h > 0)
			n += h * (1 + row_bytes(pi, w));
	}
	return n;
}

static const char *
check_ihdr(const unsigned char *d, struct png_info *pi)
{
	pi->width = be32(d);
	pi->height = be32(d + 4);
	pi->depth = d[8];
	pi->ctype = d[9];
	pi->interlace = d[12];
	if (pi->width == 0 || pi->height == 0)
		return "it has no pixels";
	if (pi->width > PNG_MAX_SIDE || pi->height > PNG_MAX_SIDE ||
	    (uint64_t)pi->width * pi->height > PNG_MAX_PIXELS)
		return "it is too large (at most 8000 pixels a side and 4 "
		    "million pixels); scale it down";
	switch (pi->ctype) {
	case 0:		/* grey */
		pi->channels = 1;
		if (pi->depth != 1 && pi->depth != 2 && pi->depth != 4 &&
		    pi->depth != 8 && pi->depth != 16)
			return "invalid bit depth";
		break;
	case 3:		/* palette */
		pi->channels = 1;
		if (pi->depth != 1 && pi->depth != 2 && pi->depth != 4 &&
		    pi->depth != 8)
			return "invalid bit depth";
		break;
	case 2:		/* RGB */
	case 4:		/* grey + alpha */
	case 6:		/* RGBA */
		pi->channels = pi->ctype == 2 ? 3 : pi->ctype == 4 ? 2 : 4;
		if (pi->depth != 8 && pi->depth != 16)
			return "invalid bit depth";
		break;
	default:
		return "invalid colour type";
	}
	if (d[10] != 0 || d[11] != 0 || pi->interlace > 1)
		return "unknown compression, filter or interlace method";
	return NULL;
}

/*
 * Checks a whole PNG file: signature, chunk order and CRCs, header
 * fields, palette, transparency, and that the image data inflates to
 * exactly the rows the header promises, which it returns in *data
 * (caller frees).  Returns NULL, or why the file cannot be used.
 */
static const char *
png_read(const unsigned char *p, size_t len, struct png_info *pi,
    unsigned char **data)
{
	static const unsigned char sig[8] = {
		0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'
	};
	const unsigned char *d;
	const char *why = NULL;
	unsigned char *out = NULL;
	uint64_t want = 0;
	z_stream z;
	size_t	 off = 8;
	uint32_t n, type;
	bool	 ihdr = false, plte = false, trns = false, ended = false;
	int	 idat = 0;	/* 0 none yet, 1 in the run, 2 after it */
	int	 zr = Z_OK, i;

	memset(pi, 0, sizeof(*pi));
	*data = NULL;
	if (len < 8 || memcmp(p, sig, 8) != 0)
		return "it is not a PNG file";
	memset(&z, 0, sizeof(z));
	if (inflateInit(&z) != Z_OK)
		return "out of memory";
	for (;;) {
		if (len - off < 12) {
			why = "the file is cut short";
			break;
		}
		n = be32(p + off);
		type = be32(p + off + 4);
		d = p + off + 8;
		if (n > len - off - 12) {
			why = "the file is cut short";
			break;
		}
		if ((uint32_t)crc32(0, p + off + 4, n + 4) != be32(d + n)) {
			why = "a chunk is damaged (CRC mismatch)";
			break;
		}
		off += 12 + (size_t)n;
		for (i = 0; i < 4; i++) {
			unsigned char c = (unsigned char)(type >> (8 * i));

			if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')))
				why = "a chunk has an invalid name";
		}
		if (why != NULL)
			break;
		if (!ihdr && type != 0x49484452) {
			why = "it does not start with a header (IHDR)";
			break;
		}
		if (type != 0x49444154 && idat == 1)
			idat = 2;
		if (type == 0x49484452) {		/* IHDR */
			if (ihdr || n != 13) {
				why = "invalid header (IHDR)";
				break;
			}
			if ((why = check_ihdr(d, pi)) != NULL)
				break;
			ihdr = true;
			want = data_size(pi);
			out = xmalloc((size_t)want);
		} else if (type == 0x504c5445) {	/* PLTE */
			if (plte || idat || n == 0 || n % 3 != 0 ||
			    n / 3 > 256 || pi->ctype == 0 || pi->ctype == 4 ||
			    (pi->ctype == 3 && n / 3 > (1u << pi->depth))) {
				why = "invalid palette (PLTE)";
				break;
			}
			pi->palette = d;
			pi->npalette = n / 3;
			plte = true;
		} else if (type == 0x74524e53) {	/* tRNS */
			if (trns || idat || (pi->ctype == 3 ? !plte ||
			    n > pi->npalette : pi->ctype == 0 ? n != 2 :
			    pi->ctype == 2 ? n != 6 : true)) {
				why = "invalid transparency (tRNS)";
				break;
			}
			pi->trns = d;
			pi->ntrns = n;
			trns = true;
		} else if (type == 0x49444154) {	/* IDAT */
			if (idat == 2 || (pi->ctype == 3 && !plte)) {
				why = idat == 2 ? "its image data is split up "
				    "(IDAT)" : "it has no palette (PLTE)";
				break;
			}
			idat = 1;
			if (n == 0)
				continue;
			if (zr == Z_STREAM_END) {
				why = "extra image data after the image";
				break;
			}
			z.next_in = (unsigned char *)(uintptr_t)d;
			z.avail_in = n;
			/* Inflated straight into place; one byte of room more
			 * than promised shows data that goes on too long. */
			do {
				unsigned char extra;

				if (z.total_out < want) {
					z.next_out = out + z.total_out;
					z.avail_out = (uInt)(want - z.total_out);
				} else {
					z.next_out = &extra;
					z.avail_out = 1;
				}
				zr = inflate(&z, Z_NO_FLUSH);
				if (z.total_out > want) {
					why = "more image data than the header "
					    "says";
					break;
				}
			} while (zr == Z_OK && z.avail_in > 0);
			if (why != NULL)
				break;
			if (zr != Z_OK && zr != Z_STREAM_END &&
			    zr != Z_BUF_ERROR) {
				why = "its image data is damaged";
				break;
			}
			if (zr == Z_STREAM_END && z.avail_in > 0) {
				why = "extra image data after the image";
				break;
			}
		} else if (type == 0x49454e44) {	/* IEND */
			ended = true;
			break;
		} else if (!(type >> 24 & 0x20)) {
			/* An unknown chunk a decoder must understand. */
			why = "it uses an unknown critical chunk";
			break;
		}
	}
	if (why == NULL && (idat == 0 || !ended))
		why = "it has no image data";
	if (why == NULL && (zr != Z_STREAM_END || z.total_out != want))
		why = "its image data is cut short";
	inflateEnd(&z);
	if (why != NULL)
		free(out);
	else
		*data = out;
	return why;
}

static unsigned
paeth(unsigned a, unsigned b, unsigned c)
{
	int	 p = (int)a + (int)b - (int)c;
	int	 pa = abs(p - (int)a), pb = abs(p - (int)b), pc = abs(p - (int)c);

	if (pa <= pb && pa <= pc)
		return a;
	return pb <= pc ? b : c;
}

/* Sample k (0-based) of a row of samples of `depth' bits. */
static unsigned
sample(const unsigned char *row, uint64_t k, unsigned depth)
{
	uint64_t bit;

	if (depth == 16)
		return (unsigned)row[2 * k] << 8 | row[2 * k + 1];
	if (depth == 8)
		return row[k];
	bit = k * depth;
	return (row[bit / 8] >> (8 - depth - bit % 8)) & ((1u << depth) - 1);
}

/* A sample scaled to 8 bits. */
static unsigned char
to8(unsigned v, unsigned depth)
{
	switch (depth) {
	case 1:
		return v ? 255 : 0;
	case 2:
		return (unsigned char)(v * 85);
	case 4:
		return (unsigned char)(v * 17);
	case 16:
		return (unsigned char)(v >> 8);
	default:
		return (unsigned char)v;
	}
}

/*
 * Unfilters the rows (in place) and turns every pixel into 8-bit grey or
 * RGB with alpha.  Returns NULL, or why not (a bad row filter).
 */
static const char *
png_decode(const struct png_info *pi, unsigned char *data,
    struct png_image *im)
{
	uint64_t w, h, rb, x, y, X, Y, i, bpp, at = 0;
	unsigned char *row, *prev, a, b, c;
	unsigned v[4], key[3] = { 0, 0, 0 }, alpha, k, ch = pi->channels;
	bool	 opaque = true, haskey = false;
	int	 pass;

	memset(im, 0, sizeof(*im));
	im->width = pi->width;
	im->height = pi->height;
	im->ncomp = pi->ctype == 0 || pi->ctype == 4 ? 1 : 3;
	im->pix = xmalloc((size_t)pi->width * pi->height * im->ncomp);
	im->alpha = xmalloc((size_t)pi->width * pi->height);
	if (pi->trns != NULL && pi->ctype != 3) {
		haskey = true;
		for (k = 0; k < pi->ntrns / 2; k++)
			key[k] = (unsigned)pi->trns[2 * k] << 8 |
			    pi->trns[2 * k + 1];
	}
	bpp = (ch * pi->depth + 7) / 8;
	for (pass = 0; pass < (pi->interlace ? 7 : 1); pass++) {
		pass_size(pi, pass, &w, &h);
		if (w == 0 || h == 0)
			continue;
		rb = row_bytes(pi, w);
		prev = NULL;
		for (y = 0; y < h; y++, at += 1 + rb) {
			row = data + at + 1;
			for (i = 0; i < rb; i++) {
				a = i >= bpp ? row[i - bpp] : 0;
				b = prev != NULL ? prev[i] : 0;
				c = i >= bpp && prev != NULL ? prev[i - bpp] : 0;
				switch (data[at]) {
				case 0:
					break;
				case 1:
					row[i] = (unsigned char)(row[i] + a);
					break;
				case 2:
					row[i] = (unsigned char)(row[i] + b);
					break;
				case 3:
					row[i] = (unsigned char)(row[i] +
					    (a + b) / 2);
					break;
				case 4:
					row[i] = (unsigned char)(row[i] +
					    paeth(a, b, c));
					break;
				default:
					return "its image data is damaged "
					    "(row filter)";
				}
			}
			prev = row;
			Y = pi->interlace ? adam7[pass][2] + y * adam7[pass][3] :
			    y;
			for (x = 0; x < w; x++) {
				X = pi->interlace ? adam7[pass][0] +
				    x * adam7[pass][1] : x;
				for (k = 0; k < ch; k++)
					v[k] = sample(row, x * ch + k,
					    pi->depth);
				alpha = 255;
				i = Y * pi->width + X;
				switch (pi->ctype) {
				case 0:
					if (haskey && v[0] == key[0])
						alpha = 0;
					im->pix[i] = to8(v[0], pi->depth);
					break;
				case 2:
					if (haskey && v[0] == key[0] &&
					    v[1] == key[1] && v[2] == key[2])
						alpha = 0;
					for (k = 0; k < 3; k++)
						im->pix[3 * i + k] =
						    to8(v[k], pi->depth);
					break;
				case 3:
					/* An index past the palette: black,
					 * as libpng shows it. */
					for (k = 0; k < 3; k++)
						im->pix[3 * i + k] =
						    v[0] < pi->npalette ?
						    pi->palette[3 * v[0] + k] :
						    0;
					if (v[0] < pi->ntrns)
						alpha = pi->trns[v[0]];
					break;
				case 4:
					im->pix[i] = to8(v[0], pi->depth);
					alpha = to8(v[1], pi->depth);
					break;
				default:
					for (k = 0; k < 3; k++)
						im->pix[3 * i + k] =
						    to8(v[k], pi->depth);
					alpha = to8(v[3], pi->depth);
					break;
				}
				im->alpha[i] = (unsigned char)alpha;
				if (alpha != 255)
					opaque = false;
			}
		}
	}
	if (opaque) {
		free(im->alpha);
		im->alpha = NULL;
	}
	return NULL;
}

static void
png_image_free(struct png_image *im)
{
	free(im->pix);
	free(im->alpha);
	memset(im, 0, sizeof(*im));
}

/*
 * The image of a PNG file, loaded on first use.  NULL after reporting
 * with the file's path.
 */
HPDF_Image
pdf_image_get(struct pdf_writer *w, const char *path)
{
	struct pdf_image *im;
	struct png_info pi;
	struct png_image px;
	const char *why;
	char	*data, *what;
	unsigned char *raw = NULL;
	size_t	 len, i;
	HPDF_Image img = NULL, mask;

	if (path == NULL || *path == '\0') {
		diag(DIAG_ERROR, w->path, 0, 0, "cannot write PDF: an image "
		    "without a file name");
		return NULL;
	}
	for (i = 0; i < w->nimages; i++)
		if (strcmp(w->images[i].path, path) == 0)
			return w->images[i].img;
	if (!file_read(path, PNG_MAX_BYTES, &data, &len))
		return NULL;
	memset(&px, 0, sizeof(px));
	why = png_read((const unsigned char *)data, len, &pi, &raw);
	if (why == NULL)
		why = png_decode(&pi, raw, &px);
	free(raw);
	if (why != NULL) {
		diag(DIAG_ERROR, path, 0, 0, "cannot use this image: %s; save "
		    "it again as a PNG file", why);
		free(data);
		png_image_free(&px);
		return NULL;
	}
	free(data);
	img = HPDF_LoadRawImageFromMem(w->pdf, px.pix, px.width, px.height,
	    px.ncomp == 1 ? HPDF_CS_DEVICE_GRAY : HPDF_CS_DEVICE_RGB, 8);
	if (img != NULL && px.alpha != NULL) {
		mask = HPDF_LoadRawImageFromMem(w->pdf, px.alpha, px.width,
		    px.height, HPDF_CS_DEVICE_GRAY, 8);
		if (mask != NULL)
			HPDF_Image_AddSMask(img, mask);
	}
	png_image_free(&px);
	if (img == NULL || w->error != HPDF_OK) {
		what = xasprintf("embedding the image %s", path);
		if (pdf_ok(w, what))
			diag(DIAG_ERROR, path, 0, 0, "cannot use this image: "
			    "libharu could not load it");
		free(what);
		return NULL;
	}
	w->images = xrealloc(w->images, (w->nimages + 1) *
	    sizeof(*w->images));
	im = &w->images[w->nimages++];
	im->path = xstrdup(path);
	im->img = img;
	return img;
}

void
pdf_images_free(struct pdf_writer *w)
{
	size_t	 i;

	for (i = 0; i < w->nimages; i++)
		free(w->images[i].path);
	free(w->images);
	w->images = NULL;
	w->nimages = 0;
}

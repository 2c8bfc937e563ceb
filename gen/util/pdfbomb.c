/*
 * Compression bombs in PDF files made elsewhere: what every stream of
 * a file decodes to, measured on the file's bytes before libqpdf reads
 * it.  libqpdf decodes a stream whole in memory (object and cross-
 * reference streams as soon as it opens the file or resolves an object
 * in them), so the bound must hold before it sees any stream.  Each
 * filter libqpdf would decode (Flate, LZW, RunLength, ASCIIHex,
 * ASCII85, in any chain) is run here in pieces, counted and thrown
 * away, stopping at the bound.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <zlib.h>

#include "pdfin.h"

enum filter { F_FLATE, F_LZW, F_RL, F_AHX, F_A85, F_OTHER };

/* One stage's output: kept (for the next filter) up to cap bytes, or
 * only counted (the last filter). */
struct sink {
	unsigned char	*data;
	size_t		 len, size;
	unsigned long long n;		/* bytes produced */
	unsigned long long cap;
	bool		 keep;
};

/* False once the sink has passed its cap. */
static bool
put(struct sink *k, const unsigned char *s, size_t n)
{
	k->n += n;
	if (k->n > k->cap)
		return false;
	if (k->keep) {
		if (k->len + n > k->size) {
			k->size = k->size * 2 > k->len + n ? k->size * 2 :
			    k->len + n + 65536;
			k->data = xrealloc(k->data, k->size);
		}
		memcpy(k->data + k->len, s, n);
		k->len += n;
	}
	return true;
}

static void
flate(const unsigned char *s, size_t len, struct sink *k)
{
	unsigned char out[65536];
	z_stream z;
	int	 zr;

	memset(&z, 0, sizeof(z));
	if (inflateInit(&z) != Z_OK)
		return;
	z.next_in = (unsigned char *)s;
	z.avail_in = len > UINT32_MAX ? UINT32_MAX : (uInt)len;
	do {
		z.next_out = out;
		z.avail_out = sizeof(out);
		zr = inflate(&z, Z_NO_FLUSH);
		if (!put(k, out, sizeof(out) - z.avail_out))
			break;
	} while (zr == Z_OK && (z.avail_in > 0 || z.avail_out == 0));
	inflateEnd(&z);
}

/* LZW as PDF has it: 9 to 12-bit codes, 256 clears, 257 ends, the
 * code width growing one code early (EarlyChange 1, the default; with
 * 0 the strings only come out shorter). */
static void
lzw(const unsigned char *s, size_t len, struct sink *k)
{
	unsigned short prefix[4096];
	unsigned char suffix[4096], str[4097];
	unsigned long bits = 0;
	size_t	 i = 0, start;
	int	 nbits = 0, width = 9, next = 258, prev = -1, code, c;

	for (;;) {
		while (nbits < width && i < len) {
			bits = (bits << 8) | s[i++];
			nbits += 8;
		}
		if (nbits < width)
			return;
		code = (int)((bits >> (nbits - width)) & ((1ul << width) - 1));
		nbits -= width;
		if (code == 256) {
			next = 258, width = 9, prev = -1;
			continue;
		}
		if (code == 257 || code > next || (prev < 0 && code > 255))
			return;
		/* The string of code, or of prev followed by its first
		 * byte (code == next), backwards into str. */
		c = code < next ? code : prev;
		start = 4096;
		while (c >= 258) {
			str[--start] = suffix[c];
			c = prefix[c];
		}
		str[--start] = (unsigned char)c;
		if (code == next)
			str[4096] = str[start];
		if (!put(k, str + start, 4096 - start + (code == next)))
			return;
		if (prev >= 0 && next < 4096) {
			prefix[next] = (unsigned short)prev;
			suffix[next] = str[start];
			next++;
			if (next + 1 >= (1 << width) && width < 12)
				width++;
		}
		prev = code;
	}
}

static void
runlength(const unsigned char *s, size_t len, struct sink *k)
{
	unsigned char run[128];
	size_t	 i = 0, n;

	while (i < len && s[i] != 128) {
		if (s[i] < 128) {
			n = (size_t)s[i] + 1;
			if (i + 1 + n > len)
				n = len - i - 1;
			if (!put(k, s + i + 1, n))
				return;
			i += 1 + n;
		} else {
			if (i + 1 >= len)
				return;
			n = 257 - (size_t)s[i];
			memset(run, s[i + 1], n);
			if (!put(k, run, n))
				return;
			i += 2;
		}
	}
}

static void
asciihex(const unsigned char *s, size_t len, struct sink *k)
{
	unsigned char b;
	size_t	 i;
	int	 v, hi = -1;

	for (i = 0; i < len && s[i] != '>'; i++) {
		if ((v = pdflex_hexdigit(s[i])) < 0)
			continue;
		if (hi < 0) {
			hi = v;
			continue;
		}
		b = (unsigned char)(hi << 4 | v);
		hi = -1;
		if (!put(k, &b, 1))
			return;
	}
	if (hi >= 0) {
		b = (unsigned char)(hi << 4);
		put(k, &b, 1);
	}
}

static void
ascii85(const unsigned char *s, size_t len, struct sink *k)
{
	static const unsigned char zero[4];
	unsigned char b[4];
	unsigned long v = 0;
	size_t	 i;
	int	 n = 0, j;

	for (i = 0; i < len && s[i] != '~'; i++) {
		if (s[i] == 'z' && n == 0) {
			if (!put(k, zero, 4))
				return;
			continue;
		}
		if (s[i] < '!' || s[i] > 'u')
			continue;
		v = v * 85 + (unsigned long)(s[i] - '!');
		if (++n == 5) {
			for (j = 3; j >= 0; j--, v >>= 8)
				b[j] = (unsigned char)(v & 0xff);
			if (!put(k, b, 4))
				return;
			v = 0, n = 0;
		}
	}
	if (n > 1) {
		for (j = n; j < 5; j++)
			v = v * 85 + 84;
		for (j = 3; j >= 0; j--, v >>= 8)
			b[j] = (unsigned char)(v & 0xff);
		put(k, b, (size_t)n - 1);
	}
}

/* The decoder of each filter; none for one libqpdf does not decode. */
static void (*const decoders[])(const unsigned char *, size_t,
    struct sink *) = {
	[F_FLATE] = flate, [F_LZW] = lzw, [F_RL] = runlength,
	[F_AHX] = asciihex, [F_A85] = ascii85, [F_OTHER] = NULL,
};

static enum filter
filter_of(const char *name, size_t n)
{
	static const struct {
		const char	*name;
		enum filter	 f;
	} names[] = {
		{ "FlateDecode", F_FLATE }, { "Fl", F_FLATE },
		{ "LZWDecode", F_LZW }, { "LZW", F_LZW },
		{ "RunLengthDecode", F_RL }, { "RL", F_RL },
		{ "ASCIIHexDecode", F_AHX }, { "AHx", F_AHX },
		{ "ASCII85Decode", F_A85 }, { "A85", F_A85 },
	};
	size_t	 i;

	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (strlen(names[i].name) == n &&
		    memcmp(names[i].name, name, n) == 0)
			return names[i].f;
	return F_OTHER;
}

/* The filters of a stream, in order. */
struct chain {
	enum filter	 f[8];
	size_t		 n;
};

/* What the chain decodes s to, or more than limit if it passes it.
 * The output of a filter that is not the last is kept (at most limit
 * bytes) for the next one. */
static unsigned long long
decoded_size(const struct chain *fl, const unsigned char *s, size_t len,
    unsigned long long limit)
{
	struct sink k;
	const unsigned char *in = s;
	unsigned char *prev = NULL;
	size_t	 inlen = len, i;

	for (i = 0; i < fl->n; i++) {
		memset(&k, 0, sizeof(k));
		k.cap = limit;
		/* A filter libqpdf does not decode (an image's) ends the
		 * chain: what comes before it is all that is decoded. */
		k.keep = i + 1 < fl->n && fl->f[i + 1] != F_OTHER;
		if (decoders[fl->f[i]] != NULL)
			decoders[fl->f[i]](in, inlen, &k);
		free(prev);
		prev = k.data;
		if (fl->f[i] == F_OTHER) {
			free(prev);
			return inlen;
		}
		if (k.n > limit || !k.keep) {
			free(prev);
			return k.n;
		}
		in = k.data;
		inlen = k.len;
	}
	free(prev);
	return inlen;
}

static bool
is_space(int c)
{
	return c == ' ' || c == '\n' || c == '\r' || c == '\t' ||
	    c == '\f' || c == '\0';
}

static bool
is_delim(int c)
{
	return is_space(c) || strchr("()<>[]{}/%", c) != NULL;
}

/* The value of key in the dictionary text d (its top level only): a
 * pointer to it, or NULL. */
static const char *
dict_key(const char *d, size_t n, const char *key)
{
	size_t	 kl = strlen(key), i;
	int	 depth = 0;

	for (i = 0; i + 1 < n; i++) {
		if (d[i] == '<' && d[i + 1] == '<')
			depth++, i++;
		else if (d[i] == '>' && d[i + 1] == '>')
			depth--, i++;
		else if (d[i] == '[')
			depth++;
		else if (d[i] == ']')
			depth--;
		else if (depth == 1 && d[i] == '/' && i + kl <= n &&
		    memcmp(d + i, key, kl) == 0 &&
		    (i + kl == n || is_delim((unsigned char)d[i + kl]))) {
			i += kl;
			while (i < n && is_space((unsigned char)d[i]))
				i++;
			return d + i;
		}
	}
	return NULL;
}

/* The stream's filters from its dictionary text: false if /Filter is
 * not written there as a name or an array of names. */
static bool
chain_of(const char *d, size_t n, struct chain *c)
{
	const char *v = dict_key(d, n, "/Filter"), *e = d + n, *p;
	bool	 array;

	c->n = 0;
	if (v == NULL)
		return true;
	if ((array = *v == '['))
		v++;
	for (;;) {
		while (v < e && is_space((unsigned char)*v))
			v++;
		if (v >= e)
			return false;
		if (array && *v == ']')
			return true;
		if (*v != '/' || c->n == sizeof(c->f) / sizeof(c->f[0]))
			return false;
		for (p = ++v; p < e && !is_delim((unsigned char)*p); p++)
			;
		c->f[c->n++] = filter_of(v, (size_t)(p - v));
		v = p;
		if (!array)
			return true;
	}
}

/* Its /Length if written there as a number (not a reference). */
static bool
length_of(const char *d, size_t n, size_t *len)
{
	const char *v = dict_key(d, n, "/Length"), *e = d + n;
	unsigned long long x = 0;
	const char *p;

	if (v == NULL || v >= e || *v < '0' || *v > '9')
		return false;
	for (p = v; p < e && *p >= '0' && *p <= '9' && x < (1ull << 40); p++)
		x = x * 10 + (unsigned long long)(*p - '0');
	while (p < e && is_space((unsigned char)*p))
		p++;
	/* "12 0 R" is a reference. */
	if (p < e && *p >= '0' && *p <= '9')
		return false;
	*len = (size_t)x;
	return true;
}

/* memmem, which C11 and POSIX do not have. */
static const char *
find(const char *s, size_t n, const char *what)
{
	size_t	 w = strlen(what);
	const char *p = s, *e = s + n;

	while ((size_t)(e - p) >= w &&
	    (p = memchr(p, what[0], (size_t)(e - p - (ptrdiff_t)w) + 1)) !=
	    NULL) {
		if (memcmp(p, what, w) == 0)
			return p;
		p++;
	}
	return NULL;
}

int
pdfin_bombs(const char *data, size_t len, const char *shown,
    const struct srcpos *at)
{
	const char *p = data, *end = data + len, *s, *d, *ds, *de, *sub;
	unsigned long long total = 0, n;
	struct chain c;
	size_t	 l;
	int	 depth;

	while ((s = find(p, (size_t)(end - p), "stream")) != NULL) {
		p = s + 6;
		/* "stream" after a dictionary's ">>", at the end of a line;
		 * not "endstream". */
		for (de = s; de > data && is_space((unsigned char)de[-1]); de--)
			;
		if (de - data < 2 || de[-1] != '>' || de[-2] != '>' ||
		    p >= end || (*p != '\r' && *p != '\n'))
			continue;
		for (d = de - 1, depth = 0; d > data; d--) {
			if (d[0] == '>' && d[-1] == '>')
				depth++, d--;
			else if (d[0] == '<' && d[-1] == '<' && --depth == 0) {
				d--;
				break;
			}
		}
		if (depth != 0)
			continue;
		ds = p + (*p == '\r' && p + 1 < end && p[1] == '\n') + 1;
		if (length_of(d, (size_t)(de - d), &l) &&
		    l <= (size_t)(end - ds))
			p = ds + l;
		else if ((p = find(ds, (size_t)(end - ds), "endstream")) ==
		    NULL)
			p = end;
		if (!chain_of(d, (size_t)(de - d), &c)) {
			diag(DIAG_ERROR, at->file, at->line, at->col, "\"%s\" "
			    "names the filters of a stream elsewhere than in "
			    "the stream, so it cannot be checked for a "
			    "compression bomb: ask the sender for a new copy "
			    "(e.g. printed to PDF again)", shown);
			return 0;
		}
		if (c.n == 0)
			continue;
		n = decoded_size(&c, (const unsigned char *)ds,
		    (size_t)(p - ds), PDFIN_MAX_STREAM);
		/* Images are copied, never decoded: each is bounded, but
		 * not counted in the file's total. */
		sub = dict_key(d, (size_t)(de - d), "/Subtype");
		if (sub == NULL || (size_t)(de - sub) < 6 ||
		    memcmp(sub, "/Image", 6) != 0)
			total += n;
		if (n > PDFIN_MAX_STREAM || total > PDFIN_MAX_DECODED) {
			if (n > PDFIN_MAX_STREAM)
				diag(DIAG_ERROR, at->file, at->line, at->col,
				    "\"%s\" has a stream that decodes to more "
				    "than %llu MiB (a compression bomb?): ask "
				    "the sender for a new copy", shown,
				    PDFIN_MAX_STREAM >> 20);
			else
				diag(DIAG_ERROR, at->file, at->line, at->col,
				    "\"%s\": its streams decode to more than "
				    "%llu MiB in all (a compression bomb?): ask "
				    "the sender for a new copy", shown,
				    PDFIN_MAX_DECODED >> 20);
			return 0;
		}
	}
	return 1;
}

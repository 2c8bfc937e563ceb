/*
 * Page content streams are compressed on a second thread while the
 * next pages are made, instead of one after another when libharu saves
 * the document: compressing is a fifth of the writer's time.
 *
 * Each page is compressed on its own with the settings libharu uses
 * (zlib's default level), so the bytes are the same whichever thread
 * does it and whenever.  The compressed data goes back into the page's
 * stream with the filter turned off in libharu, which would compress
 * it again, and the /Filter entry written by a hook, exactly as libharu
 * writes it.  Only the main thread calls libharu.
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include <zlib.h>

#include "pdf_private.h"

struct zjob {
	size_t		 page;
	unsigned char	*in;		/* the content; freed when done */
	size_t		 inlen;
	unsigned char	*out;		/* compressed, or NULL */
	size_t		 outlen;
};

struct pdf_deflate {
	pthread_mutex_t	 mu;
	pthread_cond_t	 cv;
	pthread_t	 thread;
	bool		 threaded;
	bool		 closing;
	struct zjob	*jobs;
	size_t		 njobs, capjobs;
	size_t		 next;		/* the first job nobody has taken */
};

/* One compressor for each thread that compresses, kept from page to
 * page: a fresh zlib state and a worst-case output buffer for every
 * page would leave the second thread's heap full of holes. */
struct zctx {
	z_stream	 z;
	bool		 ready;
	unsigned char	*scratch;
	uLong		 cap;
};

static void
compress_job(struct zctx *c, unsigned char *in, size_t inlen,
    unsigned char **out, size_t *outlen)
{
	uLong	 need;

	*out = NULL;
	*outlen = 0;
	if (!c->ready) {
		memset(&c->z, 0, sizeof(c->z));
		if (deflateInit(&c->z, Z_DEFAULT_COMPRESSION) != Z_OK)
			return;
		c->ready = true;
	} else if (deflateReset(&c->z) != Z_OK)
		return;
	need = deflateBound(&c->z, (uLong)inlen);
	if (need > c->cap) {
		free(c->scratch);
		c->scratch = xmalloc(need);
		c->cap = need;
	}
	c->z.next_in = in;
	c->z.avail_in = (uInt)inlen;
	c->z.next_out = c->scratch;
	c->z.avail_out = (uInt)c->cap;
	if (deflate(&c->z, Z_FINISH) != Z_STREAM_END)
		return;
	*outlen = c->z.total_out;
	*out = xmalloc(*outlen > 0 ? *outlen : 1);
	memcpy(*out, c->scratch, *outlen);
}

static void
zctx_free(struct zctx *c)
{
	if (c->ready)
		deflateEnd(&c->z);
	free(c->scratch);
}

/* Takes the next job and does it; false if there is none. */
static bool
work_one(struct pdf_deflate *z, struct zctx *c, bool wait)
{
	unsigned char *in, *out;
	size_t	 j, inlen, outlen;

	pthread_mutex_lock(&z->mu);
	while (wait && z->next == z->njobs && !z->closing)
		pthread_cond_wait(&z->cv, &z->mu);
	if (z->next == z->njobs) {
		pthread_mutex_unlock(&z->mu);
		return false;
	}
	j = z->next++;
	in = z->jobs[j].in;
	inlen = z->jobs[j].inlen;
	pthread_mutex_unlock(&z->mu);

	compress_job(c, in, inlen, &out, &outlen);
	free(in);

	pthread_mutex_lock(&z->mu);
	z->jobs[j].in = NULL;
	z->jobs[j].out = out;
	z->jobs[j].outlen = outlen;
	pthread_cond_broadcast(&z->cv);
	pthread_mutex_unlock(&z->mu);
	return true;
}

static void *
worker(void *arg)
{
	struct zctx c;

	memset(&c, 0, sizeof(c));
	while (work_one(arg, &c, true))
		continue;
	zctx_free(&c);
	return NULL;
}

int
pdf_content_put(struct pdf_writer *w, size_t page, const char *data,
    size_t len)
{
	struct pdf_deflate *z = w->deflate;
	struct zjob *j;

	if (len == 0)
		return 1;
	if (z == NULL) {
		z = w->deflate = xcalloc(1, sizeof(*z));
		pthread_mutex_init(&z->mu, NULL);
		pthread_cond_init(&z->cv, NULL);
		z->threaded = pthread_create(&z->thread, NULL, worker, z) == 0;
	}
	pthread_mutex_lock(&z->mu);
	if (z->njobs == z->capjobs) {
		z->capjobs = z->capjobs ? z->capjobs * 2 : 64;
		z->jobs = xrealloc(z->jobs, z->capjobs * sizeof(*z->jobs));
	}
	j = &z->jobs[z->njobs++];
	memset(j, 0, sizeof(*j));
	j->page = page;
	j->in = xmalloc(len);
	memcpy(j->in, data, len);
	j->inlen = len;
	pthread_cond_signal(&z->cv);
	pthread_mutex_unlock(&z->mu);
	return 1;
}

/* What libharu writes for a stream with its Flate filter. */
static HPDF_STATUS
write_filter(HPDF_Dict d, HPDF_Stream s)
{
	(void)d;
	return HPDF_Stream_WriteStr(s, "/Filter [ /FlateDecode ]\012");
}

/* Stops the thread after the last job; the main thread helps. */
static void
drain(struct pdf_deflate *z)
{
	struct zctx c;

	memset(&c, 0, sizeof(c));
	while (work_one(z, &c, false))
		continue;
	zctx_free(&c);
	pthread_mutex_lock(&z->mu);
	z->closing = true;
	pthread_cond_broadcast(&z->cv);
	pthread_mutex_unlock(&z->mu);
	if (z->threaded)
		pthread_join(z->thread, NULL);
	z->threaded = false;
}

int
pdf_content_finish(struct pdf_writer *w)
{
	struct pdf_deflate *z = w->deflate;
	HPDF_PageAttr attr;
	size_t	 i;

	if (z == NULL)
		return 1;
	drain(z);
	for (i = 0; i < z->njobs; i++) {
		struct zjob *j = &z->jobs[i];

		if (j->out == NULL) {
			diag(DIAG_ERROR, w->path, 0, 0, "cannot write PDF: "
			    "zlib could not compress page %zu", j->page + 1);
			return 0;
		}
		attr = ((HPDF_Dict)w->hpages[j->page])->attr;
		if (HPDF_Stream_Write(attr->stream, j->out,
		    (HPDF_UINT)j->outlen) != HPDF_OK)
			return pdf_ok(w, "writing page content");
		attr->contents->filter = HPDF_STREAM_FILTER_NONE;
		attr->contents->write_fn = write_filter;
		free(j->out);
		j->out = NULL;
	}
	return pdf_ok(w, "writing page content");
}

void
pdf_content_free(struct pdf_writer *w)
{
	struct pdf_deflate *z = w->deflate;
	size_t	 i;

	if (z == NULL)
		return;
	drain(z);
	for (i = 0; i < z->njobs; i++) {
		free(z->jobs[i].in);
		free(z->jobs[i].out);
	}
	free(z->jobs);
	pthread_cond_destroy(&z->cv);
	pthread_mutex_destroy(&z->mu);
	free(z);
	w->deflate = NULL;
}

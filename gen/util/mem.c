/* Allocation, buffers and the arena. */
#include <stdlib.h>
#include <string.h>

#include "util.h"

static void
oom(void)
{
	fputs("boardgen: error: out of memory\n", stderr);
	exit(EXIT_NOMEM);
}

void *
xmalloc(size_t n)
{
	void	*p = malloc(n ? n : 1);

	if (p == NULL)
		oom();
	return p;
}

void *
xcalloc(size_t n, size_t size)
{
	void	*p = calloc(n ? n : 1, size ? size : 1);

	if (p == NULL)
		oom();
	return p;
}

void *
xrealloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (p == NULL)
		oom();
	return p;
}

char *
xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

char *
xstrndup(const char *s, size_t n)
{
	char	*p = xmalloc(n + 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *
xasprintf(const char *fmt, ...)
{
	struct buf b = { 0 };
	va_list	 ap;

	va_start(ap, fmt);
	buf_vprintf(&b, fmt, ap);
	va_end(ap);
	return buf_detach(&b);
}

void
strv_free(char **v, size_t n)
{
	size_t	 i;

	for (i = 0; v != NULL && i < n; i++)
		free(v[i]);
	free(v);
}

void
buf_grow(struct buf *b, size_t extra)
{
	size_t	 need = b->len + extra + 1;

	if (need <= b->cap)
		return;
	if (b->cap == 0)
		b->cap = 64;
	while (b->cap < need)
		b->cap *= 2;
	b->data = xrealloc(b->data, b->cap);
	/* A buffer is a string as soon as it has memory. */
	b->data[b->len] = '\0';
}

void
buf_put(struct buf *b, const void *p, size_t n)
{
	buf_grow(b, n);
	memcpy(b->data + b->len, p, n);
	b->len += n;
	b->data[b->len] = '\0';
}

void
buf_puts(struct buf *b, const char *s)
{
	buf_put(b, s, strlen(s));
}

void
buf_putc(struct buf *b, int c)
{
	char	 ch = (char)c;

	buf_put(b, &ch, 1);
}

void
buf_vprintf(struct buf *b, const char *fmt, va_list ap)
{
	va_list	 aq;
	int	 n;

	va_copy(aq, ap);
	n = fmt ? vsnprintf(NULL, 0, fmt, aq) : -1;
	va_end(aq);
	if (n < 0)
		return;
	buf_grow(b, (size_t)n);
	vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
	b->len += (size_t)n;
}

void
buf_printf(struct buf *b, const char *fmt, ...)
{
	va_list	 ap;

	va_start(ap, fmt);
	buf_vprintf(b, fmt, ap);
	va_end(ap);
}

void
buf_reset(struct buf *b)
{
	b->len = 0;
	if (b->data)
		b->data[0] = '\0';
}

void
buf_free(struct buf *b)
{
	free(b->data);
	b->data = NULL;
	b->len = b->cap = 0;
}

char *
buf_detach(struct buf *b)
{
	char	*p = b->data ? b->data : xstrdup("");

	b->data = NULL;
	b->len = b->cap = 0;
	return p;
}

struct arena_chunk {
	struct arena_chunk *next;
	size_t		 used, size;
	max_align_t	 data[];
};

#define ARENA_CHUNK	(64u * 1024u)

void *
arena_alloc(struct arena *a, size_t n)
{
	struct arena_chunk *c = a->head;
	size_t	 al = sizeof(max_align_t);

	n = (n + al - 1) / al * al;
	if (c == NULL || c->size - c->used < n) {
		size_t	 size = n > ARENA_CHUNK ? n : ARENA_CHUNK;

		c = xmalloc(sizeof(*c) + size);
		c->size = size;
		c->used = 0;
		c->next = a->head;
		a->head = c;
	}
	c->used += n;
	return (char *)c->data + c->used - n;
}

char *
arena_strndup(struct arena *a, const char *s, size_t n)
{
	char	*p = arena_alloc(a, n + 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *
arena_strdup(struct arena *a, const char *s)
{
	return arena_strndup(a, s, strlen(s));
}

void
arena_free(struct arena *a)
{
	struct arena_chunk *c, *next;

	for (c = a->head; c != NULL; c = next) {
		next = c->next;
		free(c);
	}
	a->head = NULL;
}

static char	**interned;
static size_t	  ninterned;

const char *
intern(const char *s)
{
	size_t	 i;

	for (i = 0; i < ninterned; i++)
		if (strcmp(interned[i], s) == 0)
			return interned[i];
	interned = xrealloc(interned, (ninterned + 1) * sizeof(*interned));
	return interned[ninterned++] = xstrdup(s);
}

void
intern_free(void)
{
	strv_free(interned, ninterned);
	interned = NULL;
	ninterned = 0;
}

bool
idset_add(struct idset *s, int id)
{
	size_t	 i, k;
	unsigned h;

	if (2 * (s->n + 1) > s->cap) {
		int	*old = s->v;
		size_t	 oldcap = s->cap;

		s->cap = s->cap ? s->cap * 2 : 256;
		s->v = xcalloc(s->cap, sizeof(*s->v));
		s->n = 0;
		for (k = 0; k < oldcap; k++)
			if (old[k] != 0)
				(void)idset_add(s, old[k]);
		free(old);
	}
	h = (unsigned)id * 2654435761u;
	for (i = h & (s->cap - 1); s->v[i] != 0; i = (i + 1) & (s->cap - 1))
		if (s->v[i] == id)
			return true;
	s->v[i] = id;
	s->n++;
	return false;
}

void
idset_free(struct idset *s)
{
	free(s->v);
	memset(s, 0, sizeof(*s));
}

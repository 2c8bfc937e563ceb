/*
 * "Did you mean": the name of a known set nearest to a misspelt one.
 * Distances count code points, so "handlägare" is one edit from
 * "handläggare", and a swap of two neighbours is one edit; letter case
 * costs nothing, so "<Chair>" finds "chair".
 */
#include <string.h>

#include "util.h"

#define SUGGEST_MAXLEN	64

static uint32_t
lower(uint32_t c)
{
	if (c >= 'A' && c <= 'Z')
		return c + 32;
	if ((c >= 0xC0 && c <= 0xDE && c != 0xD7))	/* Latin-1 capitals */
		return c + 32;
	return c;
}

/* Code points of s, lowered; 0 if longer than SUGGEST_MAXLEN or not
 * UTF-8. */
static size_t
points(const char *s, uint32_t *out)
{
	size_t	 len = strlen(s), n = 0, k;
	uint32_t c;

	while (len > 0) {
		if (n == SUGGEST_MAXLEN || (k = utf8_decode(s, len, &c)) == 0)
			return 0;
		out[n++] = lower(c);
		s += k;
		len -= k;
	}
	return n;
}

size_t
suggest_distance(const char *a, const char *b)
{
	uint32_t pa[SUGGEST_MAXLEN], pb[SUGGEST_MAXLEN];
	size_t	 la = points(a, pa), lb = points(b, pb), i, j, c;
	size_t	 d[SUGGEST_MAXLEN + 1][SUGGEST_MAXLEN + 1];

	if ((la == 0 && *a != '\0') || (lb == 0 && *b != '\0'))
		return (size_t)-1;
	for (i = 0; i <= la; i++)
		d[i][0] = i;
	for (j = 0; j <= lb; j++)
		d[0][j] = j;
	for (i = 1; i <= la; i++)
		for (j = 1; j <= lb; j++) {
			c = d[i - 1][j - 1] + (pa[i - 1] != pb[j - 1]);
			if (d[i - 1][j] + 1 < c)
				c = d[i - 1][j] + 1;
			if (d[i][j - 1] + 1 < c)
				c = d[i][j - 1] + 1;
			if (i > 1 && j > 1 && pa[i - 1] == pb[j - 2] &&
			    pa[i - 2] == pb[j - 1] && d[i - 2][j - 2] + 1 < c)
				c = d[i - 2][j - 2] + 1;
			d[i][j] = c;
		}
	return d[la][lb];
}

void
suggest_init(struct suggest *s, const char *word)
{
	size_t	 n = utf8_length(word, strlen(word));

	s->word = word;
	s->best = NULL;
	/* A typo is a letter or two; longer names allow a third. */
	s->limit = n <= 3 ? 1 : n <= 8 ? 2 : 3;
	s->bestd = s->limit + 1;
}

void
suggest_try(struct suggest *s, const char *candidate)
{
	size_t	 d;

	if (candidate == NULL || strcmp(candidate, s->word) == 0)
		return;
	d = suggest_distance(s->word, candidate);
	if (d < s->bestd) {
		s->bestd = d;
		s->best = candidate;
	}
}

const char *
suggest(const char *word, const char *const *set)
{
	struct suggest s;

	suggest_init(&s, word);
	for (; set != NULL && *set != NULL; set++)
		suggest_try(&s, *set);
	return s.best;
}

/*
 * The fields a metadata header may hold, and which documents show
 * them.  A misspelt field would be dropped in silence (the handläggare
 * vanishing from the tjänsteskrivelse), so a near miss of a known
 * field is an error that names it.  A field of one's own may be meant
 * for a template ({doc-meta:KEY}): in a case file, where that is rare,
 * it is a warning; a document file may hold it in silence.  A known field that the kind of
 * document does not print is a warning.
 */
#include <stdlib.h>
#include <string.h>

#include "extern.h"

struct hkey {
	const char	*key;
	unsigned	 where;
};

static const struct hkey hkeys[] = {
	{ "dnr", HK_ALL },
	{ "title", HK_ALL },
	{ "titel", HK_ALL },
	{ "kind", HK_ALL },
	{ "typ", HK_ALL },
	{ "datum", HK_ALL },
	{ "förvaltning", HK_CASE | HK_TJ | HK_REPORT | HK_LETTER },
	{ "handläggare", HK_CASE | HK_TJ | HK_REPORT | HK_LETTER },
	{ "handlaggare", HK_CASE | HK_TJ | HK_REPORT | HK_LETTER },
	{ "telefon", HK_CASE | HK_TJ | HK_LETTER },
	{ "tfn", HK_CASE | HK_TJ | HK_LETTER },
	{ "e-post", HK_CASE | HK_TJ | HK_LETTER },
	{ "undertecknare", HK_CASE | HK_TJ | HK_LETTER | HK_REPORT },
	{ "till", HK_CASE | HK_TJ },
	{ "sekretess", HK_CASE },
	{ "adress", HK_LETTER },
	{ "er referens", HK_LETTER },
	{ "mottagarens e-post", HK_LETTER },
	{ "titelsida", HK_REPORT },
	{ "innehåll", HK_REPORT },
	{ "rubriknummer", HK_REPORT },
	{ "avsändare", HK_LETTER },
	{ NULL, 0 }
};

static const char *
kind_name(unsigned where)
{
	return where == HK_CASE ? "a case file or its tjänsteskrivelse" :
	    where == HK_TJ ? "a tjänsteskrivelse" : where == HK_REPORT ?
	    "a report (kind: rapport or uppföljning)" :
	    "a letter (kind: brev)";
}

/* The known fields a near miss is tried against: the ASCII spelling
 * "handlaggare" is a field, not a suggestion. */
static const char *
nearest(const char *k)
{
	struct suggest sg;
	size_t	 i;

	suggest_init(&sg, k);
	for (i = 0; hkeys[i].key != NULL; i++)
		if (strcmp(hkeys[i].key, "handlaggare") != 0)
			suggest_try(&sg, hkeys[i].key);
	return sg.best;
}

const char *
header_key_meant(const char *key)
{
	char	*k = content_fold(key, strlen(key));
	const char *r = NULL;
	size_t	 i;

	for (i = 0; hkeys[i].key != NULL; i++)
		if (strcmp(hkeys[i].key, k) == 0)
			break;
	if (hkeys[i].key == NULL)
		r = nearest(k);
	free(k);
	return r;
}

bool
header_key_check(const char *key, const char *file, int line, int col,
    unsigned where)
{
	char	*k = content_fold(key, strlen(key));
	const char *near;
	size_t	 i;
	bool	 ok = true;

	for (i = 0; hkeys[i].key != NULL; i++)
		if (strcmp(hkeys[i].key, k) == 0)
			break;
	if (hkeys[i].key != NULL) {
		if (!(hkeys[i].where & where) && strcmp(hkeys[i].key,
		    "sekretess") == 0) {
			/* What the writer meant cannot be done here, and
			 * the document would be published: say so. */
			diag(DIAG_ERROR, file, line, col, "\"%s\" cannot make "
			    "%s secret: list it under a closed item (closed="
			    "\"yes\" in meeting.xml), or remove the field",
			    key, kind_name(where));
			ok = false;
		} else if (!(hkeys[i].where & where)) {
			struct buf b = { 0 };
			unsigned w;
			int	 n = 0;

			for (w = HK_CASE; w <= HK_LETTER; w <<= 1)
				if (hkeys[i].where & w)
					buf_printf(&b, "%s%s", n++ ? " and " :
					    "", kind_name(w));
			diag(DIAG_WARNING, file, line, col, "field \"%s\" is not "
			    "printed in %s: only %s show%s it; remove it here",
			    key, kind_name(where), b.data ? b.data : "",
			    n == 1 ? "s" : "");
			buf_free(&b);
		}
	} else if ((near = nearest(k)) != NULL) {
		diag(DIAG_ERROR, file, line, col, "unknown field \"%s\": did "
		    "you mean \"%s\"?", key, near);
		ok = false;
	} else if (where == HK_CASE) {
		/* A template of one's own may show it ({doc-meta:KEY}). */
		diag(DIAG_WARNING, file, line, col, "unknown field \"%s\": "
		    "it is printed only where a template asks for "
		    "{doc-meta:%s}; a case header holds dnr, title, kind, "
		    "handläggare, sekretess, datum, förvaltning, telefon, "
		    "e-post, undertecknare and till", key, key);
	}
	free(k);
	return ok;
}

/*
 * pdf_bench: writes N dense synthetic pages (50 lines of about 80
 * characters, every other line justified, a rule and a link a page)
 * and prints pages a second and peak memory.  Not a unit test.
 *
 *   pdf_bench [pages [output]]
 */
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "../../gen/pdf/pdf.h"

static const char *words[] = {
	"sammanträde", "föredragningslista", "beslut", "ärendet", "nämnden",
	"omhändertagande", "yttrande", "regionstyrelsen", "och", "att",
	"för", "på", "med", "åtgärder", "överläggning", "§", "–", "”kvalitet”",
	"budget", "2017", "ekonomi", "förslag", "till", "är", "en", "av"
};

int
main(int argc, char *argv[])
{
	const char *dir = getenv("FONTDIR"), *out;
	static const char *names[4] = {
		"LiberationSerif-Regular.ttf", "LiberationSerif-Bold.ttf",
		"LiberationSerif-Italic.ttf", "LiberationSerif-BoldItalic.ttf"
	};
	struct doc d;
	struct pages p;
	struct timespec t0, t1;
	struct rusage ru;
	size_t	 n = argc > 1 ? strtoul(argv[1], NULL, 10) : 1000, i, j;
	unsigned seed = 1;
	double	 secs;
	int	 k;

	out = argc > 2 ? argv[2] : "bench.pdf";
	if (dir == NULL)
		dir = "/usr/share/fonts/truetype";
	memset(&d, 0, sizeof(d));
	d.nfamilies = 1;
	d.families = xcalloc(1, sizeof(*d.families));
	for (k = 0; k < 4; k++)
		d.families[0].file[k] = xasprintf("%s/liberation2/%s", dir,
		    names[k]);
	d.title = xstrdup("Prestandatest");
	d.lang = xstrdup("sv-SE");
	d.date = xstrdup("2017-12-12");

	memset(&p, 0, sizeof(p));
	p.n = n;
	p.v = xcalloc(n, sizeof(*p.v));
	for (i = 0; i < n; i++) {
		struct page *pg = &p.v[i];

		pg->width = 595.28f;
		pg->height = 841.89f;
		pg->capitems = 53;
		pg->items = xcalloc(pg->capitems, sizeof(*pg->items));
		for (j = 0; j < 50; j++) {
			struct pitem *it = &pg->items[pg->nitems++];
			struct buf b;

			memset(&b, 0, sizeof(b));
			while (b.len < 76) {
				seed = seed * 1103515245u + 12345u;
				if (b.len > 0)
					buf_putc(&b, ' ');
				buf_puts(&b, words[(seed >> 16) %
				    (sizeof(words) / sizeof(words[0]))]);
			}
			it->kind = PITEM_TEXT;
			it->x = 56.7f;
			it->y = 790 - 14.5f * (float)j;
			it->face = j == 0 ? FACE_BOLD : FACE_REGULAR;
			it->size = 10;
			it->text = arena_strdup(&p.arena, b.data);
			it->space_extra = j % 2 ? 1.37f : 0;
			buf_free(&b);
		}
		pg->items[pg->nitems].kind = PITEM_LINE;
		pg->items[pg->nitems].x = 56.7f;
		pg->items[pg->nitems].y = 800;
		pg->items[pg->nitems].w = 481.9f;
		pg->items[pg->nitems++].line_width = 0.5f;
		pg->items[pg->nitems].kind = PITEM_LINK;
		pg->items[pg->nitems].x = 56.7f;
		pg->items[pg->nitems].y = 786;
		pg->items[pg->nitems].w = 200;
		pg->items[pg->nitems].h = 12;
		pg->items[pg->nitems++].target = "#top";
	}
	p.nanchors = 1;
	p.anchors = xcalloc(1, sizeof(*p.anchors));
	p.anchors[0].name = "top";
	p.anchors[0].y = 800;

	clock_gettime(CLOCK_MONOTONIC, &t0);
	if (!pdf_write(out, &d, &p)) {
		diag_flush(stderr);
		return 1;
	}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	secs = (double)(t1.tv_sec - t0.tv_sec) +
	    (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
	getrusage(RUSAGE_SELF, &ru);
	printf("%zu pages in %.3f s: %.0f pages/s; peak RSS %ld KB\n",
	    n, secs, (double)n / secs, ru.ru_maxrss);
	free(p.v);	/* the rest goes with the process */
	return 0;
}

/*
 * html: the page skeleton every page shares (lang="sv", a skip link,
 * the site header, a breadcrumb trail, one main landmark) and the style
 * sheet: readable on a phone, visible focus, contrast above 4.5:1, no
 * script anywhere.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "html_private.h"

const char html_css[] =
"*,*::before,*::after{box-sizing:border-box}\n"
"html{-webkit-text-size-adjust:100%;text-size-adjust:100%}\n"
"body{margin:0;font-family:\"Liberation Sans\",\"DejaVu Sans\",Arial,"
"sans-serif;font-size:1.0625rem;line-height:1.55;color:#1b1b1b;"
"background:#fff}\n"
"a{color:#0a4d8c;text-decoration:underline;text-underline-offset:.15em}\n"
"a:visited{color:#5b2a86}\n"
"a:hover{color:#062f57;text-decoration-thickness:2px}\n"
":focus{outline:3px solid #b3540e;outline-offset:2px}\n"
":focus:not(:focus-visible){outline:none}\n"
":focus-visible{outline:3px solid #b3540e;outline-offset:2px}\n"
".skip{position:absolute;left:.5rem;top:-4rem;background:#fff;"
"color:#0a4d8c;padding:.5rem 1rem;border:2px solid #0a4d8c;z-index:10}\n"
".skip:focus{top:.5rem}\n"
".site{background:#133a5e;color:#fff;padding:.75rem 1rem}\n"
".site a{color:#fff}\n"
".site .name{font-weight:bold;font-size:1.15rem;text-decoration:none;"
"display:inline-flex;flex-wrap:wrap;align-items:center;gap:.2rem .8rem}\n"
".site .logo{height:2.6rem;width:auto;background:#fff;padding:.2rem .35rem;"
"border-radius:.25rem}\n"
".site .org{font-size:1.3rem}\n"
".site .what{font-weight:normal}\n"
".site nav ul{list-style:none;margin:.4rem 0 0;padding:0;display:flex;"
"flex-wrap:wrap;gap:.25rem 1.25rem}\n"
".site :focus-visible,.site :focus{outline-color:#ffd28a}\n"
".crumbs{max-width:52rem;margin:0 auto;padding:.6rem 1rem 0;"
"font-size:.95rem}\n"
".crumbs ol{list-style:none;margin:0;padding:0;display:flex;"
"flex-wrap:wrap}\n"
".crumbs li+li::before{content:\"\\203A\";padding:0 .5rem;color:#555}\n"
"main{display:block;max-width:52rem;margin:0 auto;padding:.5rem 1rem 2rem}\n"
"h1{font-size:1.75rem;line-height:1.25;margin:.8rem 0 .8rem}\n"
"h2{font-size:1.35rem;line-height:1.3;margin:1.8rem 0 .6rem;"
"border-bottom:1px solid #c8c8c8;padding-bottom:.2rem}\n"
"h3{font-size:1.15rem;margin:1.4rem 0 .4rem}\n"
"h4,h5,h6{font-size:1rem;margin:1.2rem 0 .3rem}\n"
"p,ul,ol,dl,blockquote,pre,table{margin:0 0 .9rem}\n"
"ol.alpha{list-style-type:lower-alpha}\n"
"blockquote{margin-left:0;padding-left:1rem;border-left:4px solid #c8c8c8}\n"
"pre{overflow-x:auto;background:#f4f4f4;padding:.6rem;font-size:.95rem}\n"
"code{font-family:\"Liberation Mono\",\"DejaVu Sans Mono\",monospace;"
"font-size:.95em}\n"
".meta{color:#3d3d3d}\n"
"dl.facts{display:grid;grid-template-columns:max-content 1fr;"
"gap:.2rem 1rem}\n"
"dl.facts dt{font-weight:bold}\n"
"dl.facts dd{margin:0}\n"
".agenda{padding-left:0;list-style:none}\n"
".agenda li{margin:0 0 .7rem;padding-left:2.6rem;text-indent:-2.6rem}\n"
".agenda .no{display:inline-block;width:2.6rem;text-indent:0;"
"font-weight:bold}\n"
".agenda .divider{font-weight:bold;text-transform:uppercase;"
"letter-spacing:.03em;margin-top:1.2rem}\n"
".note{display:block;text-indent:0;color:#3d3d3d}\n"
".closed{color:#3d3d3d;font-style:italic}\n"
".tag{display:inline-block;text-indent:0;font-size:.85rem;"
"border:1px solid #6b6b6b;border-radius:.25rem;padding:0 .35rem;"
"margin-left:.35rem;color:#3d3d3d;font-style:normal}\n"
".proposal{background:#eef4fa;border-left:4px solid #0a4d8c;"
"padding:.6rem 1rem;margin:0 0 1rem}\n"
".proposal>:last-child{margin-bottom:0}\n"
".notes{border-top:1px solid #8a8a8a;margin-top:2em;font-size:.9em}\n"
"sup{line-height:0}sup a{text-decoration:none}\n"
".scroll{overflow-x:auto;max-width:100%;margin:0 0 1rem}\n"
".scroll:focus-visible{outline:3px solid #b3540e}\n"
"table{border-collapse:collapse;min-width:50%}\n"
"caption{text-align:left;font-weight:bold;padding:0 0 .3rem}\n"
"th,td{border-bottom:1px solid #c8c8c8;padding:.3rem .6rem;"
"text-align:left;vertical-align:top}\n"
"thead th{border-bottom:2px solid #6b6b6b}\n"
"td.num,th.num{text-align:right;font-variant-numeric:tabular-nums;"
"white-space:nowrap}\n"
"tbody th{font-weight:normal}\n"
"tr.total th,tr.total td,tr.subtotal th,tr.subtotal td{font-weight:bold}\n"
"tr.total th,tr.total td{border-top:2px solid #6b6b6b}\n"
"tr.subtotal th,tr.subtotal td{border-top:1px solid #6b6b6b}\n"
"table.stack{width:100%;font-size:.95rem}\n"
"table.stack th,table.stack td{padding:.3rem .45rem}\n"
"tr.part th{font-weight:normal;padding-left:1.6rem}\n"
"tr.group th{background:#eef4fa}\n"
"thead th{vertical-align:bottom}\n"
".chart{margin:0 0 1rem}\n"
".chart figcaption{font-weight:bold;margin:0 0 .3rem}\n"
".chart svg[role=img]{display:block;width:100%;max-width:36rem;"
"height:auto}\n"
".chart svg text{font-size:13px;fill:#1b1b1b}\n"
".legend{list-style:none;padding:0;margin:.3rem 0 0;display:flex;"
"flex-wrap:wrap;gap:.2rem 1.2rem;font-size:.95rem}\n"
".legend li{display:flex;align-items:center;gap:.4rem}\n"
".secret{font-style:italic;color:#3d3d3d}\n"
"[hidden]{display:none!important}\n"
".sok-rad{display:flex;gap:.5rem;margin:.3rem 0 .5rem}\n"
".sok-rad input{flex:1;min-width:0;font:inherit;padding:.4rem .5rem;"
"border:2px solid #6b6b6b;border-radius:.2rem}\n"
".sok-rad button{font:inherit;padding:.4rem 1rem;background:#0a4d8c;"
"color:#fff;border:0;border-radius:.2rem}\n"
".program{list-style:none;padding-left:0}\n"
".program li{margin:0 0 .5rem;padding-left:3.6rem;text-indent:-3.6rem}\n"
".program ul{list-style:disc;padding-left:1.2rem;margin:.3rem 0 0}\n"
".program ul li{padding-left:0;text-indent:0;margin:0 0 .2rem}\n"
".program .time{display:inline-block;width:3.6rem;text-indent:0;"
"font-weight:bold;font-variant-numeric:tabular-nums}\n"
".program .pause{font-style:italic}\n"
".nw,.no{white-space:nowrap}\n"
".meetings{padding-left:1.2rem}\n"
".meetings li{margin:0 0 .35rem}\n"
".files{padding-left:1.2rem}\n"
"footer.site-foot{max-width:52rem;margin:0 auto;padding:1rem;"
"border-top:1px solid #c8c8c8;font-size:.95rem;color:#3d3d3d}\n"
"@media (max-width:36rem){body{font-size:1rem}"
"h1{font-size:1.45rem}h2{font-size:1.2rem}"
"dl.facts{grid-template-columns:1fr}dl.facts dd{margin-bottom:.4rem}"
".agenda li{padding-left:2.1rem;text-indent:-2.1rem}"
".agenda .no{width:2.1rem}"
".scroll table{font-size:.95rem}.scroll th,.scroll td{padding:.25rem .4rem}"
/* Registers on a phone: a row is a block, each cell after its column's
 * name; the header row stays for screen readers. */
"table.stack,table.stack tbody,table.stack tr,table.stack th,"
"table.stack td{display:block;width:auto}"
"table.stack caption{display:block}"
"table.stack thead{position:absolute;width:1px;height:1px;overflow:hidden;"
"clip:rect(0 0 0 0);white-space:nowrap}"
"table.stack tr{border-bottom:1px solid #8a8a8a;padding:.4rem 0}"
"table.stack th,table.stack td{border:0;padding:.05rem 0}"
"table.stack [data-label]::before{content:attr(data-label) \": \";"
"font-weight:bold}}\n"
"@media print{.site nav,.skip,.crumbs{display:none}"
".site{background:none;color:#000}.site a{color:#000}}\n";

void
page_begin(struct hctx *h, const char *title, const char *const *crumbs,
    size_t ncrumbs)
{
	struct buf *b = h->b;
	size_t	 i;

	h->charts = 0;
	buf_puts(b, "<!DOCTYPE html>\n<html lang=\"sv\">\n<head>\n"
	    "<meta charset=\"utf-8\">\n"
	    "<meta name=\"viewport\" content=\"width=device-width, "
	    "initial-scale=1\">\n<title>");
	html_esc(b, title);
	/* "Item – Meeting – Organisation". */
	if (h->opts != NULL && h->opts->org != NULL && *h->opts->org != '\0') {
		buf_puts(b, " \xe2\x80\x93 ");
		html_esc(b, h->opts->org);
	}
	buf_puts(b, "</title>\n<link rel=\"stylesheet\" href=\"");
	buf_printf(b, "%sstil.css\">\n", h->root);
	buf_printf(b, "<link rel=\"alternate\" type=\"application/atom+xml\" "
	    "title=\"Sammanträden\" href=\"%ssammantraden.atom\">\n", h->root);
	buf_puts(b, "</head>\n<body>\n"
	    "<a class=\"skip\" href=\"#innehall\">Till innehållet</a>\n"
	    "<header class=\"site\">\n");
	buf_printf(b, "<a class=\"name\" href=\"%sindex.html\">", h->root);
	if (h->opts != NULL && h->opts->logo) {
		/* The logo says the name (it is the image's text). */
		buf_printf(b, "<img class=\"logo\" src=\"%slogo.png\" "
		    "width=\"%u\" height=\"%u\" alt=\"", h->root,
		    h->opts->logo_w, h->opts->logo_h);
		html_esc(b, h->opts->org != NULL ? h->opts->org : "");
		buf_puts(b, "\">");
	} else if (h->opts != NULL && h->opts->org != NULL &&
	    *h->opts->org != '\0') {
		buf_puts(b, "<span class=\"org\">");
		html_esc(b, h->opts->org);
		buf_puts(b, "</span>");
	}
	buf_puts(b, "<span class=\"what\">Sammanträden och handlingar"
	    "</span></a>\n");
	buf_printf(b, "<nav aria-label=\"Webbplatsen\"><ul>"
	    "<li><a href=\"%sindex.html\">Start</a></li>"
	    "<li><a href=\"%sregister/arenden.html\">Ärenden</a></li>"
	    "<li><a href=\"%sregister/inkomna-handlingar.html\">Inkomna "
	    "handlingar</a></li>"
	    "<li><a href=\"%sregister/delegationsbeslut.html\">"
	    "Delegationsbeslut</a></li>"
	    "<li><a href=\"%sanslagstavla.html\">Anslagstavla</a></li>"
	    "<li><a href=\"%soppna-data.html\">Öppna data</a></li>",
	    h->root, h->root, h->root, h->root, h->root, h->root);
	if (h->opts != NULL && h->opts->search)
		buf_printf(b, "<li><a href=\"%ssok.html\">Sök</a></li>",
		    h->root);
	buf_puts(b, "</ul></nav>\n</header>\n");
	if (ncrumbs > 0) {
		buf_puts(b, "<nav class=\"crumbs\" aria-label=\"Du är här\">"
		    "<ol>");
		for (i = 0; i + 1 < ncrumbs * 2; i += 2) {
			buf_puts(b, "<li>");
			if (crumbs[i] != NULL) {
				buf_puts(b, "<a href=\"");
				html_esc(b, crumbs[i]);
				buf_puts(b, "\">");
				html_text(h, crumbs[i + 1]);
				buf_puts(b, "</a>");
			} else {
				buf_puts(b, "<span aria-current=\"page\">");
				html_text(h, crumbs[i + 1]);
				buf_puts(b, "</span>");
			}
			buf_puts(b, "</li>");
		}
		buf_puts(b, "</ol></nav>\n");
	}
	buf_puts(b, "<main id=\"innehall\" tabindex=\"-1\">\n");
}

void
item_link(struct hctx *h, const char *before, const struct agenda_item *it,
    const char *after)
{
	char	*f = item_file(it->number);

	buf_printf(h->b, "%s<a href=\"%s\">%d. ", before, f, it->number);
	free(f);
	html_text(h, it->title);
	buf_printf(h->b, "</a>%s", after);
}

void
fact(struct hctx *h, const char *label, const char *text)
{
	if (text == NULL)
		return;
	buf_printf(h->b, "<dt>%s</dt><dd>", label);
	html_text(h, text);
	buf_puts(h->b, "</dd>\n");
}

void
page_open(struct hctx *h, const struct html_options *o, struct outset *os,
    const char *path, const char *title, const char *const *crumbs,
    size_t ncrumbs)
{
	h->opts = o;
	h->b = outset_add(os, path);
	h->root = strchr(path, '/') != NULL ? "../" : "";
	page_begin(h, title, crumbs, ncrumbs);
}

void
page_end(struct hctx *h)
{
	buf_puts(h->b, "</main>\n<footer class=\"site-foot\"><p>Sidorna är "
	    "gjorda av boardgen ur sammanträdenas handlingar. Sekretess"
	    "belagda uppgifter och ärenden som behandlas inom stängda dörrar "
	    "visas inte.</p></footer>\n</body>\n</html>\n");
}

char *
meeting_dir(const char *body_slug, const char *date_slug)
{
	return xasprintf("%s/%s/", body_slug, date_slug);
}

char *
item_file(int number)
{
	return xasprintf("arende-%d.html", number);
}

bool
web_document(const struct document *d)
{
	return d->kind == DOCUMENT_REPORT || d->kind == DOCUMENT_FOLLOWUP ||
	    d->kind == DOCUMENT_LETTER;
}

char *
document_file(const struct meeting *m, size_t index)
{
	size_t	 i, n = 1;

	for (i = 0; i < index && i < m->ndocuments; i++)
		if (web_document(m->documents[i]))
			n++;
	return xasprintf("handling-%zu.html", n);
}

char *
pack_file(const char *body_slug, const char *date_slug)
{
	return xasprintf("%s-%s.pdf", body_slug, date_slug);
}

/*
 * Loading templates: the files (with <use href> for shared parts), font
 * families, styles and page styles.  All styles are collected before any
 * block points at one, since the arrays grow while loading.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "../util/xml.h"
#include "template_private.h"

/* Where font files named in templates are looked for, after the
 * template folder itself. */
static const char *const font_dirs[] = {
	"/usr/share/fonts/truetype",
	"/usr/share/fonts/opentype",
	"/usr/local/share/fonts",
};

const char *
tmpl_file(const struct tmpl *t, xmlNodePtr n)
{
	size_t	 i;

	for (i = 0; i < t->nxml; i++)
		if (n != NULL && n->doc == t->xml[i])
			return intern(t->path[i]);
	return t->nxml ? intern(t->path[0]) : "template";
}

int
tmpl_length(const char *s, float *out)
{
	char	*end;
	double	 v;

	if (s == NULL || *s == '\0')
		return 0;
	errno = 0;
	v = strtod(s, &end);
	if (errno != 0 || end == s || v < 0 || v > 10000)
		return 0;
	if (*end == '\0' || strcmp(end, "pt") == 0)
		;
	else if (strcmp(end, "mm") == 0)
		v *= 72.0 / 25.4;
	else if (strcmp(end, "cm") == 0)
		v *= 72.0 / 2.54;
	else if (strcmp(end, "in") == 0)
		v *= 72.0;
	else
		return 0;
	*out = (float)v;
	return 1;
}

int
tmpl_load_file(struct tmpl *t, const char *path, const char *schema)
{
	xmlDocPtr doc;
	xmlNodePtr n;
	size_t	 i, me;

	for (i = 0; i < t->nxml; i++)
		if (strcmp(t->path[i], path) == 0)
			return 1;	/* already loaded (shared by two) */
	if (t->nxml == TMPL_MAX_FILES) {
		diag(DIAG_ERROR, path, 0, 0, "too many template files "
		    "(at most %d through <use>)", TMPL_MAX_FILES);
		return 0;
	}
	if ((doc = xml_load(path, schema, NULL)) == NULL)
		return 0;
	t->xml[t->nxml] = doc;
	t->path[t->nxml] = xstrdup(path);
	me = t->nxml++;
	for (n = xmlDocGetRootElement(doc)->children; n; n = n->next) {
		char	*href, *sub;

		if (!xml_is(n, "use"))
			continue;
		href = xml_attr(n, "href");
		/* Shared parts live beside the template: plain names only. */
		if (href == NULL || strchr(href, '/') != NULL ||
		    href[0] == '.') {
			diag(DIAG_ERROR, path, xml_line(n), 0, "<use href=\"%s\">"
			    " must name a file in the template folder",
			    href ? href : "");
			free(href);
			return 0;
		}
		sub = xasprintf("%s/%s", t->dir, href);
		free(href);
		if (!tmpl_load_file(t, sub, schema)) {
			free(sub);
			return 0;
		}
		free(sub);
	}
	t->order[t->norder++] = me;
	return 1;
}

const struct style *
tmpl_style(const struct tmpl *t, const char *name)
{
	size_t	 i;

	for (i = 0; name && i < t->doc->nstyles; i++)
		if (strcmp(t->doc->styles[i].name, name) == 0)
			return &t->doc->styles[i];
	return NULL;
}

const struct page_style *
tmpl_page_style(const struct tmpl *t, const char *name)
{
	size_t	 i;

	for (i = 0; name && i < t->doc->npage_styles; i++)
		if (strcmp(t->doc->page_styles[i].name, name) == 0)
			return &t->doc->page_styles[i];
	return NULL;
}

static int
family_index(const struct tmpl *t, const char *name)
{
	size_t	 i;

	for (i = 0; name && i < t->doc->nfamilies; i++)
		if (strcmp(t->doc->families[i].name, name) == 0)
			return (int)i;
	return -1;
}

static char *
find_font(const struct tmpl *t, const char *name)
{
	struct stat st;
	char	*p;
	size_t	 i;

	if (strstr(name, "..") != NULL || name[0] == '/')
		return NULL;
	p = xasprintf("%s/fonts/%s", t->dir, name);
	if (stat(p, &st) == 0 && S_ISREG(st.st_mode))
		return p;
	free(p);
	for (i = 0; i < sizeof(font_dirs) / sizeof(font_dirs[0]); i++) {
		p = xasprintf("%s/%s", font_dirs[i], name);
		if (stat(p, &st) == 0 && S_ISREG(st.st_mode))
			return p;
		free(p);
	}
	return NULL;
}

/* Face names by face (FACE_REGULAR ...), the attributes of
 * <font-family> and the values of face=""; alignments by enum align. */
static const char *const face_names[] = {
	"regular", "bold", "italic", "bold-italic", NULL
};
static const char *const align_names[] = {
	"left", "right", "center", "justify", NULL
};

/* The words an attribute of <style> takes, by attribute. */
static const struct {
	const char		*attr;
	const char *const	*names;
} keywords[] = {
	{ "align",	align_names },
	{ "face",	face_names },
};

int
tmpl_keyword(const char *attr, const char *v, const char **near)
{
	size_t	 i;
	int	 k;

	*near = NULL;
	for (i = 0; i < sizeof(keywords) / sizeof(keywords[0]); i++) {
		if (strcmp(attr, keywords[i].attr) != 0)
			continue;
		for (k = 0; keywords[i].names[k] != NULL; k++)
			if (strcmp(v, keywords[i].names[k]) == 0)
				return k;
		*near = suggest(v, keywords[i].names);
		return -1;
	}
	return -1;
}

/* The index of attr's value v, or -1 after an error that lists the
 * words it takes (face and align: four each). */
static int
name_index(const struct tmpl *t, xmlNodePtr n, const char *attr,
    const char *v, const char *const *names)
{
	const char *near;
	int	 k;

	if ((k = tmpl_keyword(attr, v, &near)) >= 0)
		return k;
	diag(DIAG_ERROR, tmpl_file(t, n), xml_line(n), 0, "%s=\"%s\": write "
	    "%s, %s, %s or %s%s%s%s", attr, v, names[0], names[1], names[2],
	    names[3], near ? "; did you mean \"" : "", near ? near : "",
	    near ? "\"?" : "");
	return -1;
}

static int
load_family(struct tmpl *t, xmlNodePtr n)
{
	struct font_family *f;
	char	*name = xml_attr(n, "name"), *file;
	int	 v, ok = 1;

	if (family_index(t, name) >= 0) {
		diag(DIAG_ERROR, tmpl_file(t, n), xml_line(n), 0,
		    "font family \"%s\" is defined twice", name);
		free(name);
		return 0;
	}
	t->doc->families = xrealloc(t->doc->families,
	    (t->doc->nfamilies + 1) * sizeof(*t->doc->families));
	f = &t->doc->families[t->doc->nfamilies++];
	memset(f, 0, sizeof(*f));
	f->name = name;
	for (v = 0; v < 4; v++) {
		/* A missing variant falls back to regular. */
		if ((file = xml_attr(n, face_names[v])) == NULL)
			file = xml_attr(n, "regular");
		if ((f->file[v] = find_font(t, file)) == NULL) {
			diag(DIAG_ERROR, tmpl_file(t, n), xml_line(n), 0,
			    "font file \"%s\" not found in the template's "
			    "fonts/ folder or the system font folders: install "
			    "the font package or correct the name", file);
			ok = 0;
		}
		free(file);
	}
	return ok;
}

static int
attr_bool(xmlNodePtr n, const char *name, bool *out)
{
	char	*v = xml_attr(n, name);

	if (v == NULL)
		return 1;
	*out = strcmp(v, "yes") == 0 || strcmp(v, "true") == 0;
	free(v);
	return 1;
}

static int
attr_length(struct tmpl *t, xmlNodePtr n, const char *name, float *out)
{
	char	*v = xml_attr(n, name);
	int	 ok = 1;

	if (v == NULL)
		return 1;
	if (!tmpl_length(v, out)) {
		diag(DIAG_ERROR, tmpl_file(t, n), xml_line(n), 0,
		    "%s=\"%s\" is not a length: write e.g. 11pt, 25mm or 1.5cm",
		    name, v);
		ok = 0;
	}
	free(v);
	return ok;
}

int
tmpl_color(const char *s, struct rgb *c)
{
	unsigned int r, g, b;

	if (s == NULL || strlen(s) != 7 || s[0] != '#' ||
	    sscanf(s + 1, "%2x%2x%2x", &r, &g, &b) != 3)
		return 0;
	c->r = (float)r / 255.0f;
	c->g = (float)g / 255.0f;
	c->b = (float)b / 255.0f;
	return 1;
}

static int
load_style(struct tmpl *t, xmlNodePtr n)
{
	struct style st, *sp;
	const struct style *base;
	char	*name = xml_attr(n, "name"), *v;
	const char *file = tmpl_file(t, n);
	int	 ok = 1, line = xml_line(n), k;

	if (tmpl_style(t, name) != NULL) {
		diag(DIAG_ERROR, file, line, 0, "style \"%s\" is defined twice",
		    name);
		free(name);
		return 0;
	}
	memset(&st, 0, sizeof(st));
	st.family = 0;
	st.size = 11;
	st.leading = 0;
	st.hyphenate = true;
	if ((v = xml_attr(n, "base")) != NULL) {
		if ((base = tmpl_style(t, v)) == NULL) {
			diag(DIAG_ERROR, file, line, 0, "base style \"%s\" is "
			    "not defined before style \"%s\"", v, name);
			ok = 0;
		} else {
			st = *base;
			/* Spacing and breaks belong to one style, not its
			 * descendants. */
			st.page_break_before = false;
		}
		free(v);
	}
	st.name = name;
	if ((v = xml_attr(n, "family")) != NULL) {
		if ((st.family = family_index(t, v)) < 0) {
			diag(DIAG_ERROR, file, line, 0, "font family \"%s\" is "
			    "not defined: add a <font-family name=\"%s\">", v, v);
			ok = 0;
			st.family = 0;
		}
		free(v);
	}
	if ((v = xml_attr(n, "face")) != NULL) {
		if ((k = name_index(t, n, "face", v, face_names)) < 0)
			ok = 0;
		else
			st.face = (unsigned)k;
		free(v);
	}
	if ((v = xml_attr(n, "align")) != NULL) {
		if ((k = name_index(t, n, "align", v, align_names)) < 0)
			ok = 0;
		else
			st.align = (enum align)k;
		free(v);
	}
	if ((v = xml_attr(n, "color")) != NULL) {
		if (!tmpl_color(v, &st.color)) {
			diag(DIAG_ERROR, file, line, 0, "color=\"%s\": write "
			    "it as #rrggbb", v);
			ok = 0;
		}
		free(v);
	}
	if ((v = xml_attr(n, "fill")) != NULL) {
		/* "none" clears a fill a base style has. */
		if (strcmp(v, "none") == 0)
			st.has_fill = false;
		else if (!tmpl_color(v, &st.fill)) {
			diag(DIAG_ERROR, file, line, 0, "fill=\"%s\": write "
			    "it as #rrggbb or none", v);
			ok = 0;
		} else
			st.has_fill = true;
		free(v);
	}
	if (xmlHasProp(n, (const xmlChar *)"padding")) {
		ok &= attr_length(t, n, "padding", &st.padding);
		st.has_padding = true;
	}
	ok &= attr_length(t, n, "size", &st.size);
	if (st.leading == 0 || xmlHasProp(n, (const xmlChar *)"size"))
		st.leading = st.size * 1.25f;
	ok &= attr_length(t, n, "leading", &st.leading);
	ok &= attr_length(t, n, "space-before", &st.space_before);
	ok &= attr_length(t, n, "space-after", &st.space_after);
	ok &= attr_length(t, n, "indent-left", &st.indent_left);
	ok &= attr_length(t, n, "indent-right", &st.indent_right);
	ok &= attr_length(t, n, "first-indent", &st.first_indent);
	ok &= attr_length(t, n, "label-width", &st.label_width);
	ok &= attr_length(t, n, "trailer-width", &st.trailer_width);
	ok &= attr_length(t, n, "rule-above", &st.rule_above);
	ok &= attr_length(t, n, "rule-below", &st.rule_below);
	attr_bool(n, "leader-dots", &st.leader_dots);
	attr_bool(n, "leader-rule", &st.leader_rule);
	attr_bool(n, "keep-with-next", &st.keep_with_next);
	attr_bool(n, "hyphenate", &st.hyphenate);
	attr_bool(n, "page-break-before", &st.page_break_before);
	if (st.size < 4 || st.size > 200) {
		diag(DIAG_ERROR, file, line, 0, "style \"%s\": size must be "
		    "between 4 and 200 pt", name);
		ok = 0;
	} else if (st.leading < st.size * 0.8f) {
		/* Lines closer than this print over each other. */
		diag(DIAG_ERROR, file, line, 0, "style \"%s\": leading %.1f "
		    "pt is less than 0.8 times the size (%.1f pt): lines would "
		    "overlap; make it at least %.1f", name, st.leading, st.size,
		    st.size * 0.8f);
		ok = 0;
	}
	t->doc->styles = xrealloc(t->doc->styles,
	    (t->doc->nstyles + 1) * sizeof(*t->doc->styles));
	sp = &t->doc->styles[t->doc->nstyles++];
	*sp = st;
	return ok;
}

static char *
running_text(xmlNodePtr r, const char *slot)
{
	xmlNodePtr c;

	for (c = r->children; c; c = c->next)
		if (xml_is(c, slot))
			return (char *)xmlNodeGetContent(c);
	return NULL;
}

static int
load_running(struct tmpl *t, xmlNodePtr n, struct running *r)
{
	char	*v, *s;
	const char *slots[3] = { "left", "center", "right" };
	char	**dst[3] = { &r->left, &r->center, &r->right };
	int	 i, ok = 1;

	for (i = 0; i < 3; i++) {
		if ((s = running_text(n, slots[i])) != NULL) {
			*dst[i] = xstrdup(s);
			xmlFree(s);
		}
	}
	v = xml_attr(n, "style");
	if ((r->style = tmpl_style(t, v)) == NULL) {
		diag(DIAG_ERROR, tmpl_file(t, n), xml_line(n), 0,
		    "style \"%s\" is not defined: define it with <style "
		    "name=\"%s\"> in this template or in common.xml",
		    v ? v : "", v ? v : "");
		ok = 0;
	}
	free(v);
	ok &= attr_length(t, n, "y", &r->y);
	r->pos.file = tmpl_file(t, n);
	r->pos.line = xml_line(n);
	attr_bool(n, "rule", &r->rule);
	attr_bool(n, "skip-first", &r->skip_first);
	ok &= attr_length(t, n, "clear-y", &r->clear_y);
	return ok;
}

static int
load_page_style(struct tmpl *t, xmlNodePtr n)
{
	struct page_style *ps;
	xmlNodePtr c;
	char	*v;
	int	 ok = 1;

	t->doc->page_styles = xrealloc(t->doc->page_styles,
	    (t->doc->npage_styles + 1) * sizeof(*t->doc->page_styles));
	ps = &t->doc->page_styles[t->doc->npage_styles++];
	memset(ps, 0, sizeof(*ps));
	ps->name = xml_attr(n, "name");
	/* A4 unless told otherwise. */
	ps->width = 595.276f;
	ps->height = 841.89f;
	if ((v = xml_attr(n, "size")) != NULL) {
		if (strcmp(v, "A4-landscape") == 0) {
			ps->width = 841.89f;
			ps->height = 595.276f;
		} else if (strcmp(v, "A4") != 0) {
			diag(DIAG_ERROR, tmpl_file(t, n), xml_line(n), 0,
			    "size=\"%s\": use A4 or A4-landscape, or give "
			    "width and height", v);
			ok = 0;
		}
		free(v);
	}
	ps->margin_top = ps->margin_bottom = 72;
	ps->margin_left = ps->margin_right = 72;
	ok &= attr_length(t, n, "width", &ps->width);
	ok &= attr_length(t, n, "height", &ps->height);
	ok &= attr_length(t, n, "margin-top", &ps->margin_top);
	ok &= attr_length(t, n, "margin-bottom", &ps->margin_bottom);
	ok &= attr_length(t, n, "margin-left", &ps->margin_left);
	ok &= attr_length(t, n, "margin-right", &ps->margin_right);
	if (ok && (ps->margin_left + ps->margin_right > ps->width - 72 ||
	    ps->margin_top + ps->margin_bottom > ps->height - 72)) {
		diag(DIAG_ERROR, tmpl_file(t, n), xml_line(n), 0,
		    "page style \"%s\": the margins leave less than an inch "
		    "for text", ps->name);
		ok = 0;
	}
	for (c = n->children; c; c = c->next) {
		if (xml_is(c, "header"))
			ok &= load_running(t, c, &ps->header);
		else if (xml_is(c, "footer"))
			ok &= load_running(t, c, &ps->footer);
		else if (xml_is(c, "first-header"))
			ok &= load_running(t, c, &ps->first_header);
		else if (xml_is(c, "first-footer"))
			ok &= load_running(t, c, ps->first_footer.pos.line ?
			    &ps->first_footer2 : &ps->first_footer);
		else if (xml_is(c, "stamp-margin"))
			ok &= attr_length(t, c, "top", &ps->stamp_top) &
			    attr_length(t, c, "bottom", &ps->stamp_bottom) &
			    attr_length(t, c, "left", &ps->stamp_left) &
			    attr_length(t, c, "right", &ps->stamp_right);
		else if (xml_is(c, "box")) {
			struct page_box *b;

			if (ps->nboxes == PAGE_MAX_BOXES) {
				diag(DIAG_ERROR, tmpl_file(t, c), xml_line(c),
				    0, "more than %d <box> in a page style",
				    PAGE_MAX_BOXES);
				ok = 0;
				continue;
			}
			b = &ps->boxes[ps->nboxes++];
			ok &= attr_length(t, c, "x", &b->x) &
			    attr_length(t, c, "y", &b->y) &
			    attr_length(t, c, "width", &b->w) &
			    attr_length(t, c, "height", &b->h);
		} else if (xml_is(c, "logo"))
			ok &= attr_length(t, c, "x", &ps->logo_x) &
			    attr_length(t, c, "y", &ps->logo_y) &
			    attr_length(t, c, "width", &ps->logo_w) &
			    attr_length(t, c, "height", &ps->logo_h);
	}
	return ok;
}

static const struct style *
map_style(struct tmpl *t, xmlNodePtr n, const char *attr, int *ok)
{
	char	*v = xml_attr(n, attr);
	const struct style *s;

	if (v == NULL)
		return NULL;
	if ((s = tmpl_style(t, v)) == NULL) {
		diag(DIAG_ERROR, tmpl_file(t, n), xml_line(n), 0,
		    "%s=\"%s\": style is not defined: define it with <style "
		    "name=\"%s\"> in this template or in common.xml", attr, v,
		    v);
		*ok = 0;
	}
	free(v);
	return s;
}

static int
load_content_map(struct tmpl *t, xmlNodePtr n)
{
	struct content_map *m;
	char	 name[32];
	int	 i, ok = 1;
	char	*v;

	/* <content name="report">: a map a <document content="report">
	 * chooses; the unnamed one is the default. */
	if ((m = tmpl_new_cmap(t, n)) == NULL)
		return 0;
	m->fig = &t->fmap;

	m->para = map_style(t, n, "para", &ok);
	for (i = 0; i < 6; i++) {
		snprintf(name, sizeof(name), "heading%d", i + 1);
		m->heading[i] = map_style(t, n, name, &ok);
		if (m->heading[i] == NULL && i > 0)
			m->heading[i] = m->heading[i - 1];
	}
	m->item = map_style(t, n, "item", &ok);
	m->item_para = map_style(t, n, "item-para", &ok);
	m->quote = map_style(t, n, "quote", &ok);
	m->quote_para = map_style(t, n, "quote-para", &ok);
	m->code = map_style(t, n, "code", &ok);
	m->rule = map_style(t, n, "rule", &ok);
	m->footnote = map_style(t, n, "footnote", &ok);
	m->heading_offset = 2;
	if ((v = xml_attr(n, "heading-offset")) != NULL) {
		m->heading_offset = atoi(v);
		free(v);
	}
	for (i = 0; i < 3; i++) {
		snprintf(name, sizeof(name), "bullet%d", i + 1);
		m->bullet[i] = xml_attr(n, name);
		if (m->bullet[i] == NULL)
			m->bullet[i] = xstrdup(i == 1 ? "–" : "•");
	}
	if (m->para == NULL || m->heading[0] == NULL || m->item == NULL ||
	    m->quote == NULL || m->code == NULL) {
		diag(DIAG_ERROR, tmpl_file(t, n), xml_line(n), 0, "<content> "
		    "needs at least para, heading1, item, quote and code styles");
		ok = 0;
	}
	if (m->item_para == NULL)
		m->item_para = m->para;
	if (m->quote_para == NULL)
		m->quote_para = m->para;
	if (m->rule == NULL)
		m->rule = m->para;
	if (m->footnote == NULL)
		m->footnote = m->para;
	t->have_cmap = true;
	return ok;
}

/* Runs fn over the top-level elements `name' of every loaded file, the
 * shared (<use>d) files first so a template can refer to their styles. */
static int
each(struct tmpl *t, const char *name,
    int (*fn)(struct tmpl *, xmlNodePtr))
{
	size_t	 i, k;
	xmlNodePtr n;
	int	 ok = 1;

	/* Each file after the files it uses (several may use one). */
	for (k = 0; k < t->norder; k++)
		for (i = t->order[k], n = xmlDocGetRootElement(t->xml[i])->
		    children; n; n = n->next)
			if (xml_is(n, name))
				ok &= fn(t, n);
	return ok;
}

static int
set_fallback(struct tmpl *t, xmlNodePtr n)
{
	char	*v = xml_attr(n, "family");
	int	 f = family_index(t, v);

	if (f < 0) {
		diag(DIAG_ERROR, tmpl_file(t, n), xml_line(n), 0,
		    "font family \"%s\" is not defined", v ? v : "");
		free(v);
		return 0;
	}
	if (xml_is(n, "fallback"))
		t->doc->fallback_family = f;
	else
		t->doc->code_family = f;
	free(v);
	return 1;
}

static int
take_document(struct tmpl *t, xmlNodePtr n)
{
	char	*role = xml_attr(n, "role");
	int	 k = tmpl_doc_role(role);
	xmlNodePtr *dst = k >= 0 ? &t->docs[k] :
	    role && strcmp(role, "item") == 0 ? &t->item :
	    role && strcmp(role, "protokoll") == 0 ? &t->protocol :
	    role && strcmp(role, "divider") == 0 ? &t->divider : &t->pack;

	free(role);
	if (*dst != NULL) {
		diag(DIAG_ERROR, tmpl_file(t, n), xml_line(n), 0,
		    "a second <document> with the same role");
		return 0;
	}
	*dst = n;
	return 1;
}

static int
take_protocol_rules(struct tmpl *t, xmlNodePtr n)
{
	char	*v = xml_attr(n, "justering-days");

	t->justering_days = v != NULL ? atoi(v) : 0;
	free(v);
	return 1;
}

static int
take_metadata(struct tmpl *t, xmlNodePtr n)
{
	t->metadata = n;
	return 1;
}

int
tmpl_collect(struct tmpl *t)
{
	int	 ok = 1;

	t->doc->fallback_family = -1;
	t->doc->code_family = -1;
	ok &= each(t, "font-family", load_family);
	if (t->doc->nfamilies == 0) {
		diag(DIAG_ERROR, t->path[0], 0, 0, "no <font-family> defined");
		return 0;
	}
	ok &= each(t, "fallback", set_fallback);
	ok &= each(t, "code", set_fallback);
	ok &= each(t, "style", load_style);
	if (!ok)
		return 0;
	ok &= each(t, "page-style", load_page_style);
	ok &= each(t, "content", load_content_map);
	ok &= each(t, "figures", tmpl_load_figure_map);
	ok &= each(t, "document", take_document);
	ok &= each(t, "metadata", take_metadata);
	ok &= each(t, "protocol", take_protocol_rules);
	if (ok && !t->have_cmap) {
		diag(DIAG_ERROR, t->path[0], 0, 0, "no <content> element "
		    "says how case texts are styled");
		ok = 0;
	}
	return ok;
}

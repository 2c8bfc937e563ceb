/*
 * template: fills XML templates with the model and yields the document
 * tree (styled blocks grouped in parts, page styles, fonts).  The look
 * lives in the template files; nothing here hard-codes it.
 */
#ifndef BOARDGEN_TEMPLATE_H
#define BOARDGEN_TEMPLATE_H

#include "../model/model.h"

/* The whole pack: cover with agenda, then one part per agenda item.
 * template_dir holds pack.xml (cover + agenda) and item.xml (agenda
 * item), validated against template.rng in schema_dir. */
struct doc	*template_pack(const struct meeting *, const char *template_dir,
		    const char *schema_dir);

/* One document alone (a preview): the template file of its kind
 * (tjansteskrivelse.xml, rapport.xml, brev.xml, program.xml), one part,
 * links to other documents left out. */
struct doc	*template_document(const struct meeting *,
		    const struct document *, const char *template_dir,
		    const char *schema_dir);

/* The protocol (protokoll.xml of the template folder, its <document
 * role="protokoll">): cover and every paragraph, or with only >= 0 the
 * extract (protokollsutdrag) of paragraph only (an index into p->pars;
 * the template's {extract} is then "yes"). */
struct doc	*template_protocol(const struct meeting *,
		    const struct protocol *, long only,
		    const char *template_dir, const char *schema_dir);
/* The protocol template's rules: days within which justering must
 * follow the meeting (0: none given).  0 after reporting. */
int		 template_protocol_rules(const char *template_dir,
		    const char *schema_dir, int *justering_days);

/* The template's charts, for pages that draw the pack's charts (the
 * web site): its <figures> loaded once, then a chart per figure
 * reference (FIGVIEW_CHART), with the series, colours, title and text
 * alternative the pack has.  by_rows: the series are the figure's rows;
 * pct: the values are percentages.  NULL after reporting; the chart is
 * the caller's (chart_free). */
struct template_charts;
struct template_charts *template_charts_new(const char *template_dir,
		    const char *schema_dir);
struct chart	*template_chart(const struct template_charts *,
		    const struct block *ref, bool *by_rows, bool *pct);
void		 template_charts_free(struct template_charts *);

#endif /* BOARDGEN_TEMPLATE_H */

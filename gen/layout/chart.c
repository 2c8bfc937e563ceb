/* Charts: line and bar charts drawn as vectors. */
#include "layout.h"
#include "layout_private.h"

int
chart_layout(struct lay *L, const struct block *b)
{
	(void)L;
	diag(DIAG_ERROR, b->pos.file, b->pos.line, b->pos.col,
	    "charts cannot be laid out yet");
	return 0;
}

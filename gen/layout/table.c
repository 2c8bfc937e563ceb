/* Tables: column widths from content, cells as boxes, header rows
 * repeated on every page. */
#include "layout.h"
#include "layout_private.h"

int
table_layout(struct lay *L, const struct block *b)
{
	(void)L;
	diag(DIAG_ERROR, b->pos.file, b->pos.line, b->pos.col,
	    "tables cannot be laid out yet");
	return 0;
}

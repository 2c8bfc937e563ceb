/* Constructors and destructors of figures (struct figure). */
#include <stdlib.h>

#include "model.h"

void
figure_free(struct figure *f)
{
	free(f);
}

/*
 * model: the types every stage shares.
 *
 *   content/  reads files into   struct meeting (with struct casefile)
 *   template/ turns that into    struct doc     (styled blocks, parts)
 *   layout/   turns that into    struct pages   (positioned items)
 *   pdf/      writes struct pages to a PDF file.
 *
 * Data flows one way.  Whoever calls x_new() (or a loader) calls
 * x_free().  Later stages never modify what earlier stages built.
 *
 * Three headers, one a model: meeting.h (the meeting), doc.h (the
 * document tree, with the text blocks and figures it shares with the
 * meeting) and pages.h (the page model).  A stage includes what it
 * reads and makes: pdf/ sees doc.h and pages.h, never the meeting.
 * This header is all three.
 */
#ifndef BOARDGEN_MODEL_H
#define BOARDGEN_MODEL_H

#include "meeting.h"	/* the meeting model, and doc.h */
#include "pages.h"	/* the page model */
#include "protocol.h"	/* the protocol of a meeting */

#endif /* BOARDGEN_MODEL_H */

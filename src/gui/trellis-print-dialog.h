/* trellis-print-dialog.h
 *
 * Copyright 2026 The Trellis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "trellis-print.h"

G_BEGIN_DECLS

/*
 * Printing a TrellisPrintout through GTK's print dialog: the same page
 * layout as the PDF export, drawn at the paper size the teacher picks.
 * For the learner profile, the conference summary and the choice board.
 */

/* A print operation for @printout (transfer full), one page per page of it. */
GtkPrintOperation *trellis_print_dialog_new_operation (TrellisPrintout *printout);
/*
 * Shows the print dialog for @printout (transfer full) without blocking;
 * an error is shown in a dialog on @parent.  The printer and paper chosen
 * are remembered on @parent for the next time.
 */
void               trellis_print_dialog_run           (GtkWindow       *parent,
                                                       TrellisPrintout *printout);
/*
 * Prints @learner's profile, or with @conference their latest conference
 * summary, as trellis_print_dialog_run() does.  FALSE, with @error, when
 * the printout cannot be made (no conference yet, an unreadable file).
 */
gboolean           trellis_print_dialog_run_learner   (GtkWindow         *parent,
                                                       TrellisClassroom  *classroom,
                                                       TrellisLearner    *learner,
                                                       gboolean           conference,
                                                       GError           **error);

G_END_DECLS

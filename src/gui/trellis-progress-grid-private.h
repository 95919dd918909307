/* trellis-progress-grid-private.h
 *
 * Copyright 2026 The Trellis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "trellis-progress-grid.h"

G_BEGIN_DECLS

/* For the UI tests: the cell of (@learner, @node), the popover it opened. */
GtkWidget  *_trellis_progress_grid_get_cell         (TrellisProgressGrid *self,
                                                     TrellisLearner      *learner,
                                                     TrellisNode         *node);
GtkWidget  *_trellis_progress_grid_get_row_header   (TrellisProgressGrid *self,
                                                     TrellisLearner      *learner);
GtkWidget  *_trellis_progress_grid_get_column_header (TrellisProgressGrid *self,
                                                     TrellisNode         *node);
GtkPopover *_trellis_progress_grid_get_popover      (TrellisProgressGrid *self);
/* The text a cell shows, e.g. "Complete" or "Egypt". */
char       *_trellis_progress_grid_dup_cell_text    (TrellisProgressGrid *self,
                                                     TrellisLearner      *learner,
                                                     TrellisNode         *node);
GtkWidget  *_trellis_progress_grid_get_learner_box  (TrellisProgressGrid *self);
guint       _trellis_progress_grid_get_n_rebuilds   (TrellisProgressGrid *self);
AdwToast   *_trellis_progress_grid_get_undo_toast   (TrellisProgressGrid *self);
/* How long the last mark can be undone (UNDO_TIMEOUT_MS unless set). */
void        _trellis_progress_grid_set_undo_timeout (TrellisProgressGrid *self,
                                                     guint                timeout_ms);
/* "empty" (with the status page's title through @title) or "grid". */
const char *_trellis_progress_grid_get_visible_page (TrellisProgressGrid *self,
                                                     const char         **title);

G_END_DECLS

/* trellis-progress-grid.h
 *
 * Copyright 2026 The Trellis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "trellis-classroom.h"
#include "trellis-progress.h"

G_BEGIN_DECLS

#define TRELLIS_TYPE_PROGRESS_GRID (trellis_progress_grid_get_type ())

G_DECLARE_FINAL_TYPE (TrellisProgressGrid, trellis_progress_grid, TRELLIS, PROGRESS_GRID, GtkWidget)

GtkWidget        *trellis_progress_grid_new            (void);
TrellisClassroom *trellis_progress_grid_get_classroom  (TrellisProgressGrid *self);
void              trellis_progress_grid_set_classroom  (TrellisProgressGrid *self,
                                                        TrellisClassroom    *classroom);
TrellisPlaylist  *trellis_progress_grid_get_playlist   (TrellisProgressGrid *self);
void              trellis_progress_grid_set_playlist   (TrellisProgressGrid *self,
                                                        TrellisPlaylist     *playlist);
TrellisLearner   *trellis_progress_grid_get_learner    (TrellisProgressGrid *self);
void              trellis_progress_grid_set_learner    (TrellisProgressGrid *self,
                                                        TrellisLearner      *learner);
void              trellis_progress_grid_show_learner   (TrellisProgressGrid *self,
                                                        TrellisLearner      *learner);
TrellisLearner   *trellis_progress_grid_get_shown_learner (TrellisProgressGrid *self);

G_END_DECLS

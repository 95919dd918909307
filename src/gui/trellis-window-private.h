/* trellis-window-private.h
 *
 * Copyright 2026 The Trellis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "trellis-learner-list-view-private.h"
#include "trellis-learner-page.h"
#include "trellis-recommendations-pane.h"
#include "trellis-start-page-private.h"
#include "trellis-window.h"

G_BEGIN_DECLS

/* For the UI tests: the widgets they drive, and the undo toast and the
 * name dialog that are currently shown (NULL when none). */
TrellisStartPage        *_trellis_window_get_start_page        (TrellisWindow *self);
TrellisLearnerListView  *_trellis_window_get_learner_list_view (TrellisWindow *self);
TrellisLearnerPage      *_trellis_window_get_learner_page      (TrellisWindow *self);
GtkWidget               *_trellis_window_get_content_stack     (TrellisWindow *self);
AdwToast                *_trellis_window_get_delete_toast      (TrellisWindow *self);
AdwMessageDialog        *_trellis_window_get_delete_dialog     (TrellisWindow *self);
AdwMessageDialog        *_trellis_window_get_name_dialog       (TrellisWindow *self);
TrellisRecommendationsPane *_trellis_window_get_recommendations_pane (TrellisWindow *self);

G_END_DECLS

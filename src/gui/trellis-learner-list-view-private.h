/* trellis-learner-list-view-private.h
 *
 * Copyright 2026 The Trellis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "trellis-learner-list-view.h"

G_BEGIN_DECLS

/* For the UI tests. */
GtkListBox     *_trellis_learner_list_view_get_list_box        (TrellisLearnerListView *self);
GtkEditable    *_trellis_learner_list_view_get_search_entry    (TrellisLearnerListView *self);
const char     *_trellis_learner_list_view_get_visible_state   (TrellisLearnerListView *self);

G_END_DECLS

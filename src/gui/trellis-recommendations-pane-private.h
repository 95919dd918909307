/* trellis-recommendations-pane-private.h
 *
 * Copyright 2026 The Trellis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "trellis-recommendations-pane.h"
#include "trellis-recommender.h"

G_BEGIN_DECLS

/* For the UI tests: the page shown ("suggestions", "empty", "history",
 * "history-empty"), the box of groups (one child per kind, named after
 * trellis_suggestion_kind_to_string(), holding a heading and a GtkListBox
 * of TrellisSuggestionRow), the history list, and the last toast's title. */
const char         *_trellis_recommendations_pane_get_visible_page (TrellisRecommendationsPane *self);
GtkWidget          *_trellis_recommendations_pane_get_groups_box   (TrellisRecommendationsPane *self);
GtkListBox         *_trellis_recommendations_pane_get_history_list (TrellisRecommendationsPane *self);
const char         *_trellis_recommendations_pane_get_scope_label  (TrellisRecommendationsPane *self);
const char         *_trellis_recommendations_pane_get_last_toast   (TrellisRecommendationsPane *self);
TrellisRecommender *_trellis_recommendations_pane_get_recommender  (TrellisRecommendationsPane *self);

G_END_DECLS

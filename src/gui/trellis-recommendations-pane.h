/* trellis-recommendations-pane.h
 *
 * Copyright 2026 The Trellis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "trellis-classroom.h"
#include "trellis-classroom-view.h"
#include "trellis-learner.h"

G_BEGIN_DECLS

#define TRELLIS_TYPE_RECOMMENDATIONS_PANE (trellis_recommendations_pane_get_type ())

G_DECLARE_FINAL_TYPE (TrellisRecommendationsPane, trellis_recommendations_pane, TRELLIS, RECOMMENDATIONS_PANE, TrellisClassroomView)

GtkWidget        *trellis_recommendations_pane_new              (void);
TrellisClassroom *trellis_recommendations_pane_get_classroom    (TrellisRecommendationsPane *self);
void              trellis_recommendations_pane_set_classroom    (TrellisRecommendationsPane *self,
                                                                 TrellisClassroom           *classroom);
TrellisLearner   *trellis_recommendations_pane_get_learner      (TrellisRecommendationsPane *self);
void              trellis_recommendations_pane_set_learner      (TrellisRecommendationsPane *self,
                                                                 TrellisLearner             *learner);
gboolean          trellis_recommendations_pane_get_show_history (TrellisRecommendationsPane *self);
void              trellis_recommendations_pane_set_show_history (TrellisRecommendationsPane *self,
                                                                 gboolean                    show_history);
/* Call after an edit elsewhere, so that the suggestions follow at once. */
void              trellis_recommendations_pane_refresh          (TrellisRecommendationsPane *self);
void              trellis_recommendations_pane_evidence_changed (TrellisRecommendationsPane *self,
                                                                 gint64                      learner_id,
                                                                 gint64                      skill_id);
void              trellis_recommendations_pane_progress_changed (TrellisRecommendationsPane *self,
                                                                 gint64                      learner_id);

G_END_DECLS

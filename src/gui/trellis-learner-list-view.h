/* trellis-learner-list-view.h
 *
 * Copyright 2026 The Trellis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "trellis-classroom.h"
#include "trellis-learner.h"

G_BEGIN_DECLS

#define TRELLIS_TYPE_LEARNER_LIST_VIEW (trellis_learner_list_view_get_type ())

G_DECLARE_FINAL_TYPE (TrellisLearnerListView, trellis_learner_list_view, TRELLIS, LEARNER_LIST_VIEW, GtkWidget)

GtkWidget      *trellis_learner_list_view_new                  (void);
GListModel     *trellis_learner_list_view_get_learners         (TrellisLearnerListView *self);
void            trellis_learner_list_view_set_learners         (TrellisLearnerListView *self,
                                                                GListModel             *learners);
TrellisLearner *trellis_learner_list_view_get_selected_learner (TrellisLearnerListView *self);
void            trellis_learner_list_view_select_learner       (TrellisLearnerListView *self,
                                                                TrellisLearner         *learner);
void            trellis_learner_list_view_select_position      (TrellisLearnerListView *self,
                                                                guint                   position);
guint           trellis_learner_list_view_get_selected_position (TrellisLearnerListView *self);
void            trellis_learner_list_view_focus_search         (TrellisLearnerListView *self);
void            trellis_learner_list_view_set_search_text      (TrellisLearnerListView *self,
                                                                const char             *text);
GListModel     *trellis_learner_list_view_get_visible_learners (TrellisLearnerListView *self);
void            trellis_learner_list_view_set_classroom        (TrellisLearnerListView *self,
                                                                TrellisClassroom       *classroom);
void            trellis_learner_list_view_refresh              (TrellisLearnerListView *self);

G_END_DECLS

/* trellis-learner-page.h
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

#define TRELLIS_TYPE_LEARNER_PAGE (trellis_learner_page_get_type ())

G_DECLARE_FINAL_TYPE (TrellisLearnerPage, trellis_learner_page, TRELLIS, LEARNER_PAGE, TrellisClassroomView)

GtkWidget        *trellis_learner_page_new              (void);
TrellisClassroom *trellis_learner_page_get_classroom    (TrellisLearnerPage *self);
void              trellis_learner_page_set_classroom    (TrellisLearnerPage *self,
                                                         TrellisClassroom   *classroom);
TrellisLearner   *trellis_learner_page_get_learner      (TrellisLearnerPage *self);
void              trellis_learner_page_set_learner      (TrellisLearnerPage *self,
                                                         TrellisLearner     *learner);
void              trellis_learner_page_reload           (TrellisLearnerPage *self);
void              trellis_learner_page_start_conference (TrellisLearnerPage *self);

G_END_DECLS

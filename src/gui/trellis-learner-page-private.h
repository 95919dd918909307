/* trellis-learner-page-private.h
 *
 * Copyright 2026 The Trellis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "trellis-conference-window.h"
#include "trellis-learner-page.h"
#include "trellis-profile.h"

G_BEGIN_DECLS

/* The fields of the goal dialog. */
typedef enum
{
  TRELLIS_GOAL_FIELD_TITLE,
  TRELLIS_GOAL_FIELD_CRITERIA,
  TRELLIS_GOAL_FIELD_TARGET_DATE,
  TRELLIS_GOAL_FIELD_REASON,
} TrellisGoalField;

#define TRELLIS_GOAL_N_FIELDS 4

/* For the UI tests: the widgets they drive (NULL when not shown). */
AdwEntryRow             *_trellis_learner_page_get_add_entry_row      (TrellisLearnerPage *self,
                                                                       TrellisProfileKind  kind);
AdwEntryRow             *_trellis_learner_page_get_add_reflection_row (TrellisLearnerPage *self);
AdwEntryRow             *_trellis_learner_page_get_preferred_name_row (TrellisLearnerPage *self);
AdwComboRow             *_trellis_learner_page_get_self_regulation_row (TrellisLearnerPage *self);
AdwMessageDialog        *_trellis_learner_page_get_goal_dialog        (TrellisLearnerPage *self);
AdwEntryRow             *_trellis_learner_page_get_goal_dialog_row    (TrellisLearnerPage *self,
                                                                       TrellisGoalField    field);
AdwToast                *_trellis_learner_page_get_undo_toast         (TrellisLearnerPage *self);
TrellisConferenceWindow *_trellis_learner_page_get_conference_window  (TrellisLearnerPage *self);
AdwComboRow             *_trellis_learner_page_get_reflection_author_row (TrellisLearnerPage *self);
gboolean                 _trellis_learner_page_select_reflection_about (TrellisLearnerPage *self,
                                                                       gint64              goal_id,
                                                                       gint64              node_id);
GtkCheckButton          *_trellis_learner_page_get_goal_dialog_skill_check (TrellisLearnerPage *self,
                                                                           gint64              skill_id);

G_END_DECLS

/* trellis-survey-record-window-private.h
 *
 * Copyright 2026 The Trellis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "trellis-likert-picker.h"
#include "trellis-survey-record-window.h"

G_BEGIN_DECLS

/* For the tests. */
AdwEntryRow         *_trellis_survey_record_window_get_date_row      (TrellisSurveyRecordWindow *self);
/* The answer of @learner_id to the item at @item_index, or NULL. */
TrellisLikertPicker *_trellis_survey_record_window_get_picker        (TrellisSurveyRecordWindow *self,
                                                                      gint64                     learner_id,
                                                                      guint                      item_index);
const char          *_trellis_survey_record_window_get_visible_page  (TrellisSurveyRecordWindow *self);
/* The last error shown, or NULL. */
const char          *_trellis_survey_record_window_get_error         (TrellisSurveyRecordWindow *self);
AdwMessageDialog    *_trellis_survey_record_window_get_discard_dialog (TrellisSurveyRecordWindow *self);

G_END_DECLS

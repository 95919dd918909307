/* trellis-survey-record-window.h
 *
 * Copyright 2026 The Trellis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "trellis-classroom.h"

G_BEGIN_DECLS

#define TRELLIS_TYPE_SURVEY_RECORD_WINDOW (trellis_survey_record_window_get_type ())

G_DECLARE_FINAL_TYPE (TrellisSurveyRecordWindow, trellis_survey_record_window, TRELLIS, SURVEY_RECORD_WINDOW, AdwWindow)

/* Emits "recorded" (administration id, number of responses, date) once saved. */
TrellisSurveyRecordWindow *trellis_survey_record_window_new           (GtkWindow                 *parent,
                                                                       TrellisClassroom          *classroom,
                                                                       gint64                     survey_id);
TrellisClassroom          *trellis_survey_record_window_get_classroom (TrellisSurveyRecordWindow *self);
gint64                     trellis_survey_record_window_get_survey_id (TrellisSurveyRecordWindow *self);

G_END_DECLS

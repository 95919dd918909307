/* trellis-survey-items-window.h
 *
 * Copyright 2026 The Trellis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "trellis-classroom.h"

G_BEGIN_DECLS

#define TRELLIS_TYPE_SURVEY_ITEMS_WINDOW (trellis_survey_items_window_get_type ())

G_DECLARE_FINAL_TYPE (TrellisSurveyItemsWindow, trellis_survey_items_window, TRELLIS, SURVEY_ITEMS_WINDOW, AdwWindow)

/* Emits "changed" after each edit of the item list. */
TrellisSurveyItemsWindow *trellis_survey_items_window_new           (GtkWindow                *parent,
                                                                     TrellisClassroom         *classroom,
                                                                     gint64                    survey_id);
gint64                    trellis_survey_items_window_get_survey_id (TrellisSurveyItemsWindow *self);

G_END_DECLS

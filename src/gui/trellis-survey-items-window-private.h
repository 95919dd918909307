/* trellis-survey-items-window-private.h
 *
 * Copyright 2026 The Trellis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "trellis-survey-items-window.h"

G_BEGIN_DECLS

/* For the tests: the rows in order, the "New Item" row and the dialogs. */
guint             _trellis_survey_items_window_get_n_rows        (TrellisSurveyItemsWindow *self);
AdwEntryRow      *_trellis_survey_items_window_get_row           (TrellisSurveyItemsWindow *self,
                                                                  guint                     index);
AdwEntryRow      *_trellis_survey_items_window_get_add_row       (TrellisSurveyItemsWindow *self);
GtkListBox       *_trellis_survey_items_window_get_list          (TrellisSurveyItemsWindow *self);
AdwMessageDialog *_trellis_survey_items_window_get_remove_dialog (TrellisSurveyItemsWindow *self);
AdwToast         *_trellis_survey_items_window_get_undo_toast    (TrellisSurveyItemsWindow *self);
const char       *_trellis_survey_items_window_get_error         (TrellisSurveyItemsWindow *self);

G_END_DECLS

/* trellis-conference-window-private.h
 *
 * Copyright 2026 The Trellis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "trellis-columns.h"
#include "trellis-conference-window.h"

G_BEGIN_DECLS

/* For the UI tests: the widgets they drive (NULL when not shown). */
GtkTextView      *_trellis_conference_window_get_notes_view      (TrellisConferenceWindow *self);
GtkTextView      *_trellis_conference_window_get_next_steps_view (TrellisConferenceWindow *self);
GtkTextView      *_trellis_conference_window_get_reflection_view (TrellisConferenceWindow *self);
gboolean          _trellis_conference_window_get_goal_editor     (TrellisConferenceWindow *self,
                                                                  gint64                   goal_id,
                                                                  GtkToggleButton        **met_button,
                                                                  AdwEntryRow            **title_row,
                                                                  AdwEntryRow            **reason_row);
AdwMessageDialog *_trellis_conference_window_get_discard_dialog  (TrellisConferenceWindow *self);
GtkLabel         *_trellis_conference_window_get_timer_label     (TrellisConferenceWindow *self);
GtkCheckButton   *_trellis_conference_window_get_goal_skill_check (TrellisConferenceWindow *self,
                                                                   gint64                   goal_id,
                                                                   gint64                   skill_id);
gboolean          _trellis_conference_window_get_goal_rows       (TrellisConferenceWindow  *self,
                                                                  gint64                    goal_id,
                                                                  AdwActionRow            **progress_row,
                                                                  AdwActionRow            **skills_row);
gboolean          _trellis_conference_window_select_reflection_about (TrellisConferenceWindow *self,
                                                                      gint64                   goal_id,
                                                                      gint64                   node_id);
TrellisColumns   *_trellis_conference_window_get_columns         (TrellisConferenceWindow *self);

G_END_DECLS

/* trellis-playlist-window-private.h
 *
 * Copyright 2026 The Trellis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "trellis-pacing-timeline.h"
#include "trellis-playlist-window.h"
#include "trellis-print.h"
#include "trellis-progress-grid.h"

G_BEGIN_DECLS

/* For the UI tests: the editor's widgets. */
AdwEntryRow    *_trellis_playlist_window_get_title_row    (TrellisPlaylistWindow *self);
AdwEntryRow    *_trellis_playlist_window_get_date_row     (TrellisPlaylistWindow *self);
GtkSpinButton  *_trellis_playlist_window_get_min_spin     (TrellisPlaylistWindow *self);
GtkSpinButton  *_trellis_playlist_window_get_max_spin     (TrellisPlaylistWindow *self);
GtkLabel       *_trellis_playlist_window_get_breadth_label (TrellisPlaylistWindow *self);
GtkListBox     *_trellis_playlist_window_get_node_list    (TrellisPlaylistWindow *self);
AdwActionRow   *_trellis_playlist_window_get_skills_row   (TrellisPlaylistWindow *self);
GtkMenuButton  *_trellis_playlist_window_get_skills_button (TrellisPlaylistWindow *self);
TrellisPacingTimeline *_trellis_playlist_window_get_pacing_timeline (TrellisPlaylistWindow *self);
GtkSpinButton  *_trellis_playlist_window_get_minutes_spin (TrellisPlaylistWindow *self);
AdwToast       *_trellis_playlist_window_get_undo_toast   (TrellisPlaylistWindow *self);
void            _trellis_playlist_window_show_error       (TrellisPlaylistWindow *self,
                                                           const GError          *error);

/* Drag and drop of the items (trellis-playlist-window-dnd.c) */
typedef enum
{
  TRELLIS_DROP_BEFORE,
  TRELLIS_DROP_AFTER,
  TRELLIS_DROP_INTO,
} TrellisDropPlace;

void            _trellis_playlist_window_setup_dnd        (TrellisPlaylistWindow *self);
gboolean        _trellis_playlist_window_drop_value       (TrellisPlaylistWindow  *self,
                                                           const GValue           *value,
                                                           int                     row_index,
                                                           TrellisDropPlace        place,
                                                           GError                **error);
TrellisProgressGrid *_trellis_playlist_window_get_progress_grid (TrellisPlaylistWindow *self);
AdwViewStack   *_trellis_playlist_window_get_view_stack   (TrellisPlaylistWindow *self);
AdwEntryRow    *_trellis_playlist_window_get_unit_ends_row (TrellisPlaylistWindow *self);
TrellisPrintout *_trellis_playlist_window_new_choice_board (TrellisPlaylistWindow  *self,
                                                           GError                **error);

G_END_DECLS

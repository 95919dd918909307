/* trellis-playlist-window-private.h
 *
 * Copyright 2026 The Trellis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "trellis-playlist-window.h"
#include "trellis-progress-grid.h"

G_BEGIN_DECLS

/* For the UI tests: the editor's widgets. */
AdwEntryRow    *_trellis_playlist_window_get_title_row    (TrellisPlaylistWindow *self);
AdwEntryRow    *_trellis_playlist_window_get_date_row     (TrellisPlaylistWindow *self);
GtkSpinButton  *_trellis_playlist_window_get_min_spin     (TrellisPlaylistWindow *self);
GtkSpinButton  *_trellis_playlist_window_get_max_spin     (TrellisPlaylistWindow *self);
GtkLabel       *_trellis_playlist_window_get_breadth_label (TrellisPlaylistWindow *self);
GtkListBox     *_trellis_playlist_window_get_node_list    (TrellisPlaylistWindow *self);
TrellisProgressGrid *_trellis_playlist_window_get_progress_grid (TrellisPlaylistWindow *self);
AdwViewStack   *_trellis_playlist_window_get_view_stack   (TrellisPlaylistWindow *self);

G_END_DECLS

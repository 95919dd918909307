/* trellis-playlist-window.h
 *
 * Copyright 2026 The Trellis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "trellis-classroom.h"

G_BEGIN_DECLS

#define TRELLIS_TYPE_PLAYLIST_WINDOW (trellis_playlist_window_get_type ())

G_DECLARE_FINAL_TYPE (TrellisPlaylistWindow, trellis_playlist_window, TRELLIS, PLAYLIST_WINDOW, AdwWindow)

TrellisPlaylistWindow *trellis_playlist_window_new              (GtkWindow             *parent,
                                                                 TrellisClassroom      *classroom);
TrellisClassroom      *trellis_playlist_window_get_classroom    (TrellisPlaylistWindow *self);
TrellisPlaylist       *trellis_playlist_window_get_playlist     (TrellisPlaylistWindow *self);
void                   trellis_playlist_window_select_playlist  (TrellisPlaylistWindow *self,
                                                                 TrellisPlaylist       *playlist);
TrellisNode           *trellis_playlist_window_get_node         (TrellisPlaylistWindow *self);
void                   trellis_playlist_window_select_node      (TrellisPlaylistWindow *self,
                                                                 TrellisNode           *node);
void                   trellis_playlist_window_show_progress    (TrellisPlaylistWindow *self,
                                                                 TrellisLearner        *learner);

G_END_DECLS

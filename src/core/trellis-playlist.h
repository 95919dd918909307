/* trellis-playlist.h
 *
 * Copyright 2026 The Trellis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define TRELLIS_TYPE_PLAYLIST (trellis_playlist_get_type ())

G_DECLARE_FINAL_TYPE (TrellisPlaylist, trellis_playlist, TRELLIS, PLAYLIST, GObject)

TrellisPlaylist *trellis_playlist_new             (gint64           id,
                                                   const char      *uid,
                                                   const char      *title);
gint64           trellis_playlist_get_id          (TrellisPlaylist *self);
const char      *trellis_playlist_get_uid         (TrellisPlaylist *self);
const char      *trellis_playlist_get_title       (TrellisPlaylist *self);
void             trellis_playlist_set_title       (TrellisPlaylist *self,
                                                   const char      *title);
const char      *trellis_playlist_get_description (TrellisPlaylist *self);
void             trellis_playlist_set_description (TrellisPlaylist *self,
                                                   const char      *description);
const char      *trellis_playlist_get_starts_on   (TrellisPlaylist *self);
void             trellis_playlist_set_starts_on   (TrellisPlaylist *self,
                                                   const char      *starts_on);
const char      *trellis_playlist_get_ends_on     (TrellisPlaylist *self);
void             trellis_playlist_set_ends_on     (TrellisPlaylist *self,
                                                   const char      *ends_on);

G_END_DECLS

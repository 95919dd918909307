/* trellis-window.h
 *
 * Copyright 2026 The Trellis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "trellis-classroom.h"

G_BEGIN_DECLS

#define TRELLIS_TYPE_WINDOW (trellis_window_get_type ())

G_DECLARE_FINAL_TYPE (TrellisWindow, trellis_window, TRELLIS, WINDOW, AdwApplicationWindow)

TrellisWindow    *trellis_window_new           (GtkApplication   *application);
TrellisClassroom *trellis_window_get_classroom (TrellisWindow    *self);
void              trellis_window_set_classroom (TrellisWindow    *self,
                                                TrellisClassroom *classroom);
void              trellis_window_add_toast     (TrellisWindow    *self,
                                                AdwToast         *toast);
void              trellis_window_reload_classroom (TrellisWindow *self);

G_END_DECLS

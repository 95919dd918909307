/* trellis-preferences-window-private.h
 *
 * Copyright 2026 The Trellis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "trellis-preferences-window.h"

G_BEGIN_DECLS

/* For the UI tests. */
AdwEntryRow      *_trellis_preferences_window_get_name_row (TrellisPreferencesWindow *self);

G_END_DECLS

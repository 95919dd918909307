/* trellis-preferences-window-private.h
 *
 * Copyright 2026 The Trellis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "trellis-preferences-window.h"

G_BEGIN_DECLS

typedef enum
{
  TRELLIS_PREFERENCE_CONFERENCE_CADENCE_DAYS,
  TRELLIS_PREFERENCE_STALE_PROFILE_WEEKS,
  TRELLIS_PREFERENCE_CLASS_MINUTES_PER_WEEK,
} TrellisPreference;

/* For the UI tests. */
AdwEntryRow      *_trellis_preferences_window_get_name_row (TrellisPreferencesWindow *self);
GtkSpinButton    *_trellis_preferences_window_get_spin     (TrellisPreferencesWindow *self,
                                                            TrellisPreference         preference);

G_END_DECLS

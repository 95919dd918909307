/* trellis-conference-window.h
 *
 * Copyright 2026 The Trellis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "trellis-classroom.h"

G_BEGIN_DECLS

#define TRELLIS_TYPE_CONFERENCE_WINDOW (trellis_conference_window_get_type ())

G_DECLARE_FINAL_TYPE (TrellisConferenceWindow, trellis_conference_window, TRELLIS, CONFERENCE_WINDOW, AdwWindow)

TrellisConferenceWindow *trellis_conference_window_new         (GtkWindow               *parent,
                                                                TrellisClassroom        *classroom,
                                                                TrellisLearner          *learner);
TrellisClassroom        *trellis_conference_window_get_classroom (TrellisConferenceWindow *self);
TrellisLearner          *trellis_conference_window_get_learner   (TrellisConferenceWindow *self);

G_END_DECLS

/* trellis-skills-window.h
 *
 * Copyright 2026 The Trellis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "trellis-classroom.h"

G_BEGIN_DECLS

#define TRELLIS_TYPE_SKILLS_WINDOW (trellis_skills_window_get_type ())

G_DECLARE_FINAL_TYPE (TrellisSkillsWindow, trellis_skills_window, TRELLIS, SKILLS_WINDOW, AdwWindow)

TrellisSkillsWindow *trellis_skills_window_new           (GtkWindow           *parent,
                                                          TrellisClassroom    *classroom);
TrellisClassroom    *trellis_skills_window_get_classroom (TrellisSkillsWindow *self);

G_END_DECLS

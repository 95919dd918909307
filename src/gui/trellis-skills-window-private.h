/* trellis-skills-window-private.h
 *
 * Copyright 2026 The Trellis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "trellis-skill-picker.h"
#include "trellis-skills-window.h"

G_BEGIN_DECLS

/* For the UI tests: the window's widgets, and the import without the file chooser. */
AdwEntryRow        *_trellis_skills_window_get_code_entry     (TrellisSkillsWindow *self);
AdwEntryRow        *_trellis_skills_window_get_name_entry     (TrellisSkillsWindow *self);
GtkListBox         *_trellis_skills_window_get_skill_list     (TrellisSkillsWindow *self);
GtkWidget          *_trellis_skills_window_get_skill_row      (TrellisSkillsWindow *self,
                                                               TrellisSkill        *skill);
AdwEntryRow        *_trellis_skills_window_get_row_code_entry (TrellisSkillsWindow *self,
                                                               TrellisSkill        *skill);
AdwEntryRow        *_trellis_skills_window_get_row_name_entry (TrellisSkillsWindow *self,
                                                               TrellisSkill        *skill);
GtkMenuButton      *_trellis_skills_window_get_prerequisites_button (TrellisSkillsWindow *self,
                                                                     TrellisSkill        *skill);
void                _trellis_skills_window_import_file        (TrellisSkillsWindow *self,
                                                               GFile               *file);
const char         *_trellis_skills_window_get_last_message   (TrellisSkillsWindow *self);
AdwToast           *_trellis_skills_window_get_undo_toast     (TrellisSkillsWindow *self);

G_END_DECLS

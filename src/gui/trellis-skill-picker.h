/* trellis-skill-picker.h
 *
 * Copyright 2026 The Trellis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "trellis-classroom.h"

G_BEGIN_DECLS

#define TRELLIS_TYPE_SKILL_PICKER (trellis_skill_picker_get_type ())

G_DECLARE_FINAL_TYPE (TrellisSkillPicker, trellis_skill_picker, TRELLIS, SKILL_PICKER, GtkPopover)

TrellisSkillPicker *trellis_skill_picker_new          (void);
void                trellis_skill_picker_populate     (TrellisSkillPicker *self,
                                                       GListModel         *skills,
                                                       TrellisSkill       *exclude,
                                                       GPtrArray          *selected,
                                                       GPtrArray          *unavailable);
GPtrArray          *trellis_skill_picker_dup_selected (TrellisSkillPicker *self);
GtkCheckButton     *trellis_skill_picker_get_button   (TrellisSkillPicker *self,
                                                       TrellisSkill       *skill);

G_END_DECLS

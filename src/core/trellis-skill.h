/* trellis-skill.h
 *
 * Copyright 2026 The Trellis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define TRELLIS_TYPE_SKILL (trellis_skill_get_type ())

G_DECLARE_FINAL_TYPE (TrellisSkill, trellis_skill, TRELLIS, SKILL, GObject)

TrellisSkill *trellis_skill_new             (gint64         id,
                                             const char    *code,
                                             const char    *name);
gint64        trellis_skill_get_id          (TrellisSkill  *self);
const char   *trellis_skill_get_code        (TrellisSkill  *self);
void          trellis_skill_set_code        (TrellisSkill  *self,
                                             const char    *code);
const char   *trellis_skill_get_name        (TrellisSkill  *self);
void          trellis_skill_set_name        (TrellisSkill  *self,
                                             const char    *name);
const char   *trellis_skill_get_description (TrellisSkill  *self);
void          trellis_skill_set_description (TrellisSkill  *self,
                                             const char    *description);
gint64        trellis_skill_get_position    (TrellisSkill  *self);
void          trellis_skill_set_position    (TrellisSkill  *self,
                                             gint64         position);
const gint64 *trellis_skill_get_prerequisite_ids (TrellisSkill *self,
                                                 guint        *n_ids);
void          trellis_skill_set_prerequisite_ids (TrellisSkill *self,
                                                 const gint64 *ids,
                                                 guint         n_ids);
gboolean      trellis_skill_has_prerequisite     (TrellisSkill *self,
                                                 gint64        id);
int           trellis_skill_compare         (gconstpointer  a,
                                             gconstpointer  b,
                                             gpointer       user_data);

G_END_DECLS

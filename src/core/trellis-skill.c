/* trellis-skill.c
 *
 * Copyright 2026 The Trellis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "trellis-skill.h"
#include "trellis-store-private.h"

/*
 * TrellisSkill is the in-memory view of one row of the `skills` table: a
 * standard or competency with a code and a name.  The classroom keeps it in
 * step with the file; setters here only change the object (TrellisClassroom
 * writes first, then updates the object).
 */
struct _TrellisSkill
{
  GObject  parent_instance;

  gint64   id;
  char    *code;
  char    *name;
  char    *description;
  gint64   position;
};

G_DEFINE_FINAL_TYPE (TrellisSkill, trellis_skill, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_CODE,
  PROP_NAME,
  PROP_DESCRIPTION,
  PROP_POSITION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
trellis_skill_finalize (GObject *object)
{
  TrellisSkill *self = (TrellisSkill *)object;

  g_clear_pointer (&self->code, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->description, g_free);

  G_OBJECT_CLASS (trellis_skill_parent_class)->finalize (object);
}

static void
trellis_skill_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  TrellisSkill *self = TRELLIS_SKILL (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_CODE:
      g_value_set_string (value, self->code);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;

    case PROP_POSITION:
      g_value_set_int64 (value, self->position);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trellis_skill_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  TrellisSkill *self = TRELLIS_SKILL (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_get_int64 (value);
      break;

    case PROP_CODE:
      trellis_skill_set_code (self, g_value_get_string (value));
      break;

    case PROP_NAME:
      trellis_skill_set_name (self, g_value_get_string (value));
      break;

    case PROP_DESCRIPTION:
      trellis_skill_set_description (self, g_value_get_string (value));
      break;

    case PROP_POSITION:
      trellis_skill_set_position (self, g_value_get_int64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trellis_skill_class_init (TrellisSkillClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = trellis_skill_finalize;
  object_class->get_property = trellis_skill_get_property;
  object_class->set_property = trellis_skill_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_CODE] =
    g_param_spec_string ("code", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* The sort key of skill lists (then the code); set by the classroom. */
  properties[PROP_POSITION] =
    g_param_spec_int64 ("position", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
trellis_skill_init (TrellisSkill *self)
{
}

TrellisSkill *
trellis_skill_new (gint64      id,
                   const char *code,
                   const char *name)
{
  return g_object_new (TRELLIS_TYPE_SKILL,
                       "id", id,
                       "code", code,
                       "name", name,
                       NULL);
}

gint64
trellis_skill_get_id (TrellisSkill *self)
{
  g_return_val_if_fail (TRELLIS_IS_SKILL (self), 0);

  return self->id;
}

const char *
trellis_skill_get_code (TrellisSkill *self)
{
  g_return_val_if_fail (TRELLIS_IS_SKILL (self), NULL);

  return self->code;
}

void
trellis_skill_set_code (TrellisSkill *self,
                        const char   *code)
{
  g_return_if_fail (TRELLIS_IS_SKILL (self));

  if (_trellis_replace_string (&self->code, code))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CODE]);
}

const char *
trellis_skill_get_name (TrellisSkill *self)
{
  g_return_val_if_fail (TRELLIS_IS_SKILL (self), NULL);

  return self->name;
}

void
trellis_skill_set_name (TrellisSkill *self,
                        const char   *name)
{
  g_return_if_fail (TRELLIS_IS_SKILL (self));

  if (_trellis_replace_string (&self->name, name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

const char *
trellis_skill_get_description (TrellisSkill *self)
{
  g_return_val_if_fail (TRELLIS_IS_SKILL (self), NULL);

  return self->description;
}

void
trellis_skill_set_description (TrellisSkill *self,
                               const char   *description)
{
  g_return_if_fail (TRELLIS_IS_SKILL (self));

  if (_trellis_replace_string (&self->description, description))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DESCRIPTION]);
}

gint64
trellis_skill_get_position (TrellisSkill *self)
{
  g_return_val_if_fail (TRELLIS_IS_SKILL (self), 0);

  return self->position;
}

void
trellis_skill_set_position (TrellisSkill *self,
                            gint64        position)
{
  g_return_if_fail (TRELLIS_IS_SKILL (self));

  if (self->position != position)
    {
      self->position = position;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POSITION]);
    }
}

/**
 * trellis_skill_compare:
 *
 * Sort order of skill lists: by position, then by code (byte order, as
 * SQLite's ORDER BY code), then by id.
 */
int
trellis_skill_compare (gconstpointer a,
                       gconstpointer b,
                       gpointer      user_data)
{
  TrellisSkill *sa = (TrellisSkill *)a;
  TrellisSkill *sb = (TrellisSkill *)b;
  int cmp;

  if (sa->position != sb->position)
    return sa->position < sb->position ? -1 : 1;

  cmp = strcmp (sa->code != NULL ? sa->code : "", sb->code != NULL ? sb->code : "");
  if (cmp != 0)
    return cmp;

  return (sa->id > sb->id) - (sa->id < sb->id);
}

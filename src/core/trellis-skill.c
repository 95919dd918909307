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
  /* The ids of the skills this one builds on, ascending; never NULL. */
  GArray  *prerequisite_ids;
};

G_DEFINE_FINAL_TYPE (TrellisSkill, trellis_skill, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_CODE,
  PROP_NAME,
  PROP_DESCRIPTION,
  PROP_POSITION,
  PROP_PREREQUISITE_IDS,
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
  g_clear_pointer (&self->prerequisite_ids, g_array_unref);

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

    case PROP_PREREQUISITE_IDS:
      g_value_set_boxed (value, self->prerequisite_ids);
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

  /*
   * The ids of the skills this one builds on (a #GArray of gint64,
   * ascending), as the classroom file has them; set by the classroom.
   */
  properties[PROP_PREREQUISITE_IDS] =
    g_param_spec_boxed ("prerequisite-ids", NULL, NULL,
                        G_TYPE_ARRAY,
                        (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
trellis_skill_init (TrellisSkill *self)
{
  self->prerequisite_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
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
 * trellis_skill_get_prerequisite_ids:
 * @n_ids: (out): the number of ids
 *
 * Returns: (transfer none) (array length=n_ids): the ids of the skills this
 *   one builds on, ascending
 */
const gint64 *
trellis_skill_get_prerequisite_ids (TrellisSkill *self,
                                    guint        *n_ids)
{
  g_return_val_if_fail (TRELLIS_IS_SKILL (self), NULL);
  g_return_val_if_fail (n_ids != NULL, NULL);

  *n_ids = self->prerequisite_ids->len;
  return (const gint64 *)(gpointer)self->prerequisite_ids->data;
}

/**
 * trellis_skill_has_prerequisite:
 *
 * Returns: whether the skill with @id is one this skill builds on
 */
gboolean
trellis_skill_has_prerequisite (TrellisSkill *self,
                                gint64        id)
{
  g_return_val_if_fail (TRELLIS_IS_SKILL (self), FALSE);

  for (guint i = 0; i < self->prerequisite_ids->len; i++)
    if (g_array_index (self->prerequisite_ids, gint64, i) == id)
      return TRUE;

  return FALSE;
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  gint64 ia = *(const gint64 *)a;
  gint64 ib = *(const gint64 *)b;

  return (ia > ib) - (ia < ib);
}

/**
 * trellis_skill_set_prerequisite_ids:
 * @ids: (array length=n_ids) (nullable): skill ids, in any order
 *
 * Changes the object only (the classroom writes the file first), and
 * notifies #TrellisSkill:prerequisite-ids when the set changes.
 */
void
trellis_skill_set_prerequisite_ids (TrellisSkill *self,
                                    const gint64 *ids,
                                    guint         n_ids)
{
  g_autoptr(GArray) sorted = NULL;

  g_return_if_fail (TRELLIS_IS_SKILL (self));
  g_return_if_fail (ids != NULL || n_ids == 0);

  sorted = g_array_sized_new (FALSE, FALSE, sizeof (gint64), n_ids);
  for (guint i = 0; i < n_ids; i++)
    {
      gboolean seen = FALSE;

      for (guint j = 0; j < sorted->len && !seen; j++)
        seen = g_array_index (sorted, gint64, j) == ids[i];
      if (!seen)
        g_array_append_val (sorted, ids[i]);
    }
  g_array_sort (sorted, compare_ids);

  if (sorted->len == self->prerequisite_ids->len &&
      (sorted->len == 0 ||
       memcmp (sorted->data, self->prerequisite_ids->data, sorted->len * sizeof (gint64)) == 0))
    return;

  /* A new array: holders of the old one (property values) keep theirs. */
  g_array_unref (self->prerequisite_ids);
  self->prerequisite_ids = g_steal_pointer (&sorted);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PREREQUISITE_IDS]);
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

/* trellis-learner.c
 *
 * Copyright 2026 The Trellis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "trellis-learner.h"
#include "trellis-store-private.h"

/*
 * TrellisLearner is the in-memory view of one row of the `learners` table.
 * The classroom keeps it in step with the file; setters here only change
 * the object (TrellisClassroom writes first, then updates the object).
 */
struct _TrellisLearner
{
  GObject  parent_instance;

  gint64   id;
  char    *name;
  char    *preferred_name;
  char    *pronouns;
  char    *sis_id;
  guint    self_regulation;
};

G_DEFINE_FINAL_TYPE (TrellisLearner, trellis_learner, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_PREFERRED_NAME,
  PROP_DISPLAY_NAME,
  PROP_PRONOUNS,
  PROP_SIS_ID,
  PROP_SELF_REGULATION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
trellis_learner_finalize (GObject *object)
{
  TrellisLearner *self = (TrellisLearner *)object;

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->preferred_name, g_free);
  g_clear_pointer (&self->pronouns, g_free);
  g_clear_pointer (&self->sis_id, g_free);

  G_OBJECT_CLASS (trellis_learner_parent_class)->finalize (object);
}

static void
trellis_learner_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  TrellisLearner *self = TRELLIS_LEARNER (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_PREFERRED_NAME:
      g_value_set_string (value, self->preferred_name);
      break;

    case PROP_DISPLAY_NAME:
      g_value_set_string (value, trellis_learner_get_display_name (self));
      break;

    case PROP_PRONOUNS:
      g_value_set_string (value, self->pronouns);
      break;

    case PROP_SIS_ID:
      g_value_set_string (value, self->sis_id);
      break;

    case PROP_SELF_REGULATION:
      g_value_set_uint (value, self->self_regulation);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trellis_learner_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  TrellisLearner *self = TRELLIS_LEARNER (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_get_int64 (value);
      break;

    case PROP_NAME:
      trellis_learner_set_name (self, g_value_get_string (value));
      break;

    case PROP_PREFERRED_NAME:
      trellis_learner_set_preferred_name (self, g_value_get_string (value));
      break;

    case PROP_PRONOUNS:
      trellis_learner_set_pronouns (self, g_value_get_string (value));
      break;

    case PROP_SIS_ID:
      trellis_learner_set_sis_id (self, g_value_get_string (value));
      break;

    case PROP_SELF_REGULATION:
      trellis_learner_set_self_regulation (self, g_value_get_uint (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trellis_learner_class_init (TrellisLearnerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = trellis_learner_finalize;
  object_class->get_property = trellis_learner_get_property;
  object_class->set_property = trellis_learner_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_PREFERRED_NAME] =
    g_param_spec_string ("preferred-name", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_DISPLAY_NAME] =
    g_param_spec_string ("display-name", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_PRONOUNS] =
    g_param_spec_string ("pronouns", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_SIS_ID] =
    g_param_spec_string ("sis-id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_SELF_REGULATION] =
    g_param_spec_uint ("self-regulation", NULL, NULL,
                       1, 3, 2,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
trellis_learner_init (TrellisLearner *self)
{
  self->self_regulation = 2;
}

TrellisLearner *
trellis_learner_new (gint64      id,
                     const char *name)
{
  return g_object_new (TRELLIS_TYPE_LEARNER,
                       "id", id,
                       "name", name,
                       NULL);
}

gint64
trellis_learner_get_id (TrellisLearner *self)
{
  g_return_val_if_fail (TRELLIS_IS_LEARNER (self), 0);

  return self->id;
}

const char *
trellis_learner_get_name (TrellisLearner *self)
{
  g_return_val_if_fail (TRELLIS_IS_LEARNER (self), NULL);

  return self->name;
}

void
trellis_learner_set_name (TrellisLearner *self,
                          const char     *name)
{
  g_return_if_fail (TRELLIS_IS_LEARNER (self));

  if (_trellis_replace_string (&self->name, name))
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
      if (self->preferred_name == NULL)
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DISPLAY_NAME]);
    }
}

const char *
trellis_learner_get_preferred_name (TrellisLearner *self)
{
  g_return_val_if_fail (TRELLIS_IS_LEARNER (self), NULL);

  return self->preferred_name;
}

void
trellis_learner_set_preferred_name (TrellisLearner *self,
                                    const char     *preferred_name)
{
  g_return_if_fail (TRELLIS_IS_LEARNER (self));

  if (_trellis_replace_string (&self->preferred_name, preferred_name))
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PREFERRED_NAME]);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DISPLAY_NAME]);
    }
}

/**
 * trellis_learner_get_display_name:
 *
 * The name to show: the preferred name when the learner has one.
 */
const char *
trellis_learner_get_display_name (TrellisLearner *self)
{
  g_return_val_if_fail (TRELLIS_IS_LEARNER (self), NULL);

  return self->preferred_name != NULL ? self->preferred_name : self->name;
}

const char *
trellis_learner_get_pronouns (TrellisLearner *self)
{
  g_return_val_if_fail (TRELLIS_IS_LEARNER (self), NULL);

  return self->pronouns;
}

void
trellis_learner_set_pronouns (TrellisLearner *self,
                              const char     *pronouns)
{
  g_return_if_fail (TRELLIS_IS_LEARNER (self));

  if (_trellis_replace_string (&self->pronouns, pronouns))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PRONOUNS]);
}

const char *
trellis_learner_get_sis_id (TrellisLearner *self)
{
  g_return_val_if_fail (TRELLIS_IS_LEARNER (self), NULL);

  return self->sis_id;
}

void
trellis_learner_set_sis_id (TrellisLearner *self,
                            const char     *sis_id)
{
  g_return_if_fail (TRELLIS_IS_LEARNER (self));

  if (_trellis_replace_string (&self->sis_id, sis_id))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SIS_ID]);
}

guint
trellis_learner_get_self_regulation (TrellisLearner *self)
{
  g_return_val_if_fail (TRELLIS_IS_LEARNER (self), 2);

  return self->self_regulation;
}

void
trellis_learner_set_self_regulation (TrellisLearner *self,
                                     guint           level)
{
  g_return_if_fail (TRELLIS_IS_LEARNER (self));
  g_return_if_fail (level >= 1 && level <= 3);

  if (self->self_regulation != level)
    {
      self->self_regulation = level;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELF_REGULATION]);
    }
}

/**
 * trellis_learner_dup_initials:
 *
 * Up to two initials for a photo-free avatar ("Mei-Ling Chen" → "MC").
 */
char *
trellis_learner_dup_initials (TrellisLearner *self)
{
  g_autoptr(GString) initials = g_string_new (NULL);
  g_auto(GStrv) words = NULL;
  guint n;

  g_return_val_if_fail (TRELLIS_IS_LEARNER (self), NULL);

  words = g_strsplit (trellis_learner_get_display_name (self), " ", -1);
  n = g_strv_length (words);

  for (guint i = 0; i < n; i++)
    {
      gunichar c;

      if (words[i][0] == '\0' || (i != 0 && i != n - 1))
        continue;

      c = g_unichar_toupper (g_utf8_get_char (words[i]));
      g_string_append_unichar (initials, c);
    }

  return g_string_free (g_steal_pointer (&initials), FALSE);
}

/**
 * trellis_learner_compare:
 *
 * Sort order of learner lists: by name, case-insensitively in the user's
 * collation, then by id so that two learners with the same name keep a
 * stable order.
 */
int
trellis_learner_compare (gconstpointer a,
                         gconstpointer b,
                         gpointer      user_data)
{
  TrellisLearner *la = (TrellisLearner *)a;
  TrellisLearner *lb = (TrellisLearner *)b;
  g_autofree char *ka = g_utf8_casefold (la->name, -1);
  g_autofree char *kb = g_utf8_casefold (lb->name, -1);
  int cmp = g_utf8_collate (ka, kb);

  if (cmp != 0)
    return cmp;

  return (la->id > lb->id) - (la->id < lb->id);
}

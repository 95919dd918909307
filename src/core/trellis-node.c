/* trellis-node.c
 *
 * Copyright 2026 The Trellis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "trellis-node.h"
#include "trellis-store-private.h"

/*
 * TrellisNode is the in-memory view of one row of the `nodes` table: an
 * activity, a choice group or a milestone of a playlist.  The options of a
 * choice group are nodes whose parent id is the group's id (0 at the top
 * level).  choose-min and choose-max are 0 for anything but a choice group;
 * estimated-minutes is -1 when not set.  The classroom keeps the object in
 * step with the file; setters here only change the object
 * (TrellisClassroom writes first, then updates the object).
 */
struct _TrellisNode
{
  GObject            parent_instance;

  gint64             id;
  gint64             playlist_id;
  gint64             parent_id;
  char              *uid;
  TrellisNodeKind    kind;
  char              *title;
  char              *instructions;
  char              *resource_url;
  int                estimated_minutes;
  TrellisSocialMode  social_mode;
  guint              choose_min;
  guint              choose_max;
  char              *suggested_date;
  char              *target_date;
  char              *must_show;
  guint              is_starter : 1;
  guint              is_challenge : 1;
};

G_DEFINE_ENUM_TYPE (TrellisNodeKind, trellis_node_kind,
  G_DEFINE_ENUM_VALUE (TRELLIS_NODE_KIND_ACTIVITY, "activity"),
  G_DEFINE_ENUM_VALUE (TRELLIS_NODE_KIND_CHOICE, "choice"),
  G_DEFINE_ENUM_VALUE (TRELLIS_NODE_KIND_MILESTONE, "milestone"))

G_DEFINE_ENUM_TYPE (TrellisSocialMode, trellis_social_mode,
  G_DEFINE_ENUM_VALUE (TRELLIS_SOCIAL_MODE_SOLO, "solo"),
  G_DEFINE_ENUM_VALUE (TRELLIS_SOCIAL_MODE_PAIR, "pair"),
  G_DEFINE_ENUM_VALUE (TRELLIS_SOCIAL_MODE_GROUP, "group"))

G_DEFINE_FINAL_TYPE (TrellisNode, trellis_node, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_PLAYLIST_ID,
  PROP_PARENT_ID,
  PROP_UID,
  PROP_KIND,
  PROP_TITLE,
  PROP_INSTRUCTIONS,
  PROP_RESOURCE_URL,
  PROP_ESTIMATED_MINUTES,
  PROP_SOCIAL_MODE,
  PROP_CHOOSE_MIN,
  PROP_CHOOSE_MAX,
  PROP_SUGGESTED_DATE,
  PROP_TARGET_DATE,
  PROP_MUST_SHOW,
  PROP_IS_STARTER,
  PROP_IS_CHALLENGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *
enum_to_nick (GType type,
              int   value)
{
  g_autoptr(GEnumClass) enum_class = g_type_class_ref (type);
  GEnumValue *enum_value = g_enum_get_value (enum_class, value);

  /* Nicks are static strings of the registered type, alive after unref. */
  return enum_value != NULL ? enum_value->value_nick : NULL;
}

static gboolean
enum_from_nick (GType       type,
                const char *nick,
                int        *value)
{
  g_autoptr(GEnumClass) enum_class = NULL;
  GEnumValue *enum_value;

  if (nick == NULL)
    return FALSE;

  enum_class = g_type_class_ref (type);
  enum_value = g_enum_get_value_by_nick (enum_class, nick);
  if (enum_value == NULL)
    return FALSE;

  *value = enum_value->value;
  return TRUE;
}

static void
trellis_node_finalize (GObject *object)
{
  TrellisNode *self = (TrellisNode *)object;

  g_clear_pointer (&self->uid, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->instructions, g_free);
  g_clear_pointer (&self->resource_url, g_free);
  g_clear_pointer (&self->suggested_date, g_free);
  g_clear_pointer (&self->target_date, g_free);
  g_clear_pointer (&self->must_show, g_free);

  G_OBJECT_CLASS (trellis_node_parent_class)->finalize (object);
}

static void
trellis_node_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  TrellisNode *self = TRELLIS_NODE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_PLAYLIST_ID:
      g_value_set_int64 (value, self->playlist_id);
      break;

    case PROP_PARENT_ID:
      g_value_set_int64 (value, self->parent_id);
      break;

    case PROP_UID:
      g_value_set_string (value, self->uid);
      break;

    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_INSTRUCTIONS:
      g_value_set_string (value, self->instructions);
      break;

    case PROP_RESOURCE_URL:
      g_value_set_string (value, self->resource_url);
      break;

    case PROP_ESTIMATED_MINUTES:
      g_value_set_int (value, self->estimated_minutes);
      break;

    case PROP_SOCIAL_MODE:
      g_value_set_enum (value, self->social_mode);
      break;

    case PROP_CHOOSE_MIN:
      g_value_set_uint (value, self->choose_min);
      break;

    case PROP_CHOOSE_MAX:
      g_value_set_uint (value, self->choose_max);
      break;

    case PROP_SUGGESTED_DATE:
      g_value_set_string (value, self->suggested_date);
      break;

    case PROP_TARGET_DATE:
      g_value_set_string (value, self->target_date);
      break;

    case PROP_MUST_SHOW:
      g_value_set_string (value, self->must_show);
      break;

    case PROP_IS_STARTER:
      g_value_set_boolean (value, self->is_starter);
      break;

    case PROP_IS_CHALLENGE:
      g_value_set_boolean (value, self->is_challenge);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trellis_node_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  TrellisNode *self = TRELLIS_NODE (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_get_int64 (value);
      break;

    case PROP_PLAYLIST_ID:
      self->playlist_id = g_value_get_int64 (value);
      break;

    case PROP_PARENT_ID:
      self->parent_id = g_value_get_int64 (value);
      break;

    case PROP_UID:
      self->uid = g_value_dup_string (value);
      break;

    case PROP_KIND:
      self->kind = g_value_get_enum (value);
      break;

    case PROP_TITLE:
      trellis_node_set_title (self, g_value_get_string (value));
      break;

    case PROP_INSTRUCTIONS:
      trellis_node_set_instructions (self, g_value_get_string (value));
      break;

    case PROP_RESOURCE_URL:
      trellis_node_set_resource_url (self, g_value_get_string (value));
      break;

    case PROP_ESTIMATED_MINUTES:
      trellis_node_set_estimated_minutes (self, g_value_get_int (value));
      break;

    case PROP_SOCIAL_MODE:
      trellis_node_set_social_mode (self, g_value_get_enum (value));
      break;

    case PROP_CHOOSE_MIN:
      trellis_node_set_choose_min (self, g_value_get_uint (value));
      break;

    case PROP_CHOOSE_MAX:
      trellis_node_set_choose_max (self, g_value_get_uint (value));
      break;

    case PROP_SUGGESTED_DATE:
      trellis_node_set_suggested_date (self, g_value_get_string (value));
      break;

    case PROP_TARGET_DATE:
      trellis_node_set_target_date (self, g_value_get_string (value));
      break;

    case PROP_MUST_SHOW:
      trellis_node_set_must_show (self, g_value_get_string (value));
      break;

    case PROP_IS_STARTER:
      trellis_node_set_is_starter (self, g_value_get_boolean (value));
      break;

    case PROP_IS_CHALLENGE:
      trellis_node_set_is_challenge (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trellis_node_class_init (TrellisNodeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = trellis_node_finalize;
  object_class->get_property = trellis_node_get_property;
  object_class->set_property = trellis_node_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_PLAYLIST_ID] =
    g_param_spec_int64 ("playlist-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /* The choice group this node is an option of; 0 at the top level. */
  properties[PROP_PARENT_ID] =
    g_param_spec_int64 ("parent-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_UID] =
    g_param_spec_string ("uid", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL,
                       TRELLIS_TYPE_NODE_KIND, TRELLIS_NODE_KIND_ACTIVITY,
                       (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_INSTRUCTIONS] =
    g_param_spec_string ("instructions", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_RESOURCE_URL] =
    g_param_spec_string ("resource-url", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_ESTIMATED_MINUTES] =
    g_param_spec_int ("estimated-minutes", NULL, NULL,
                      -1, G_MAXINT, -1,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_SOCIAL_MODE] =
    g_param_spec_enum ("social-mode", NULL, NULL,
                       TRELLIS_TYPE_SOCIAL_MODE, TRELLIS_SOCIAL_MODE_SOLO,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_CHOOSE_MIN] =
    g_param_spec_uint ("choose-min", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_CHOOSE_MAX] =
    g_param_spec_uint ("choose-max", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_SUGGESTED_DATE] =
    g_param_spec_string ("suggested-date", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_TARGET_DATE] =
    g_param_spec_string ("target-date", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_MUST_SHOW] =
    g_param_spec_string ("must-show", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_IS_STARTER] =
    g_param_spec_boolean ("is-starter", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_IS_CHALLENGE] =
    g_param_spec_boolean ("is-challenge", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
trellis_node_init (TrellisNode *self)
{
  self->estimated_minutes = -1;
  self->social_mode = TRELLIS_SOCIAL_MODE_SOLO;
}

/**
 * trellis_node_kind_to_string:
 *
 * Returns: the text of @kind in the classroom file ("activity", "choice",
 *   "milestone")
 */
const char *
trellis_node_kind_to_string (TrellisNodeKind kind)
{
  return enum_to_nick (TRELLIS_TYPE_NODE_KIND, kind);
}

gboolean
trellis_node_kind_from_string (const char      *text,
                               TrellisNodeKind *kind)
{
  int value;

  g_return_val_if_fail (kind != NULL, FALSE);

  if (!enum_from_nick (TRELLIS_TYPE_NODE_KIND, text, &value))
    return FALSE;

  *kind = value;
  return TRUE;
}

/**
 * trellis_social_mode_to_string:
 *
 * Returns: the text of @mode in the classroom file ("solo", "pair", "group")
 */
const char *
trellis_social_mode_to_string (TrellisSocialMode mode)
{
  return enum_to_nick (TRELLIS_TYPE_SOCIAL_MODE, mode);
}

gboolean
trellis_social_mode_from_string (const char        *text,
                                 TrellisSocialMode *mode)
{
  int value;

  g_return_val_if_fail (mode != NULL, FALSE);

  if (!enum_from_nick (TRELLIS_TYPE_SOCIAL_MODE, text, &value))
    return FALSE;

  *mode = value;
  return TRUE;
}

TrellisNode *
trellis_node_new (gint64           id,
                  gint64           playlist_id,
                  gint64           parent_id,
                  const char      *uid,
                  TrellisNodeKind  kind,
                  const char      *title)
{
  return g_object_new (TRELLIS_TYPE_NODE,
                       "id", id,
                       "playlist-id", playlist_id,
                       "parent-id", parent_id,
                       "uid", uid,
                       "kind", kind,
                       "title", title,
                       NULL);
}

gint64
trellis_node_get_id (TrellisNode *self)
{
  g_return_val_if_fail (TRELLIS_IS_NODE (self), 0);

  return self->id;
}

gint64
trellis_node_get_playlist_id (TrellisNode *self)
{
  g_return_val_if_fail (TRELLIS_IS_NODE (self), 0);

  return self->playlist_id;
}

/**
 * trellis_node_get_parent_id:
 *
 * Returns: the id of the choice group this node is an option of, or 0 for
 *   a node at the top level of its playlist
 */
gint64
trellis_node_get_parent_id (TrellisNode *self)
{
  g_return_val_if_fail (TRELLIS_IS_NODE (self), 0);

  return self->parent_id;
}

const char *
trellis_node_get_uid (TrellisNode *self)
{
  g_return_val_if_fail (TRELLIS_IS_NODE (self), NULL);

  return self->uid;
}

TrellisNodeKind
trellis_node_get_kind (TrellisNode *self)
{
  g_return_val_if_fail (TRELLIS_IS_NODE (self), TRELLIS_NODE_KIND_ACTIVITY);

  return self->kind;
}

const char *
trellis_node_get_title (TrellisNode *self)
{
  g_return_val_if_fail (TRELLIS_IS_NODE (self), NULL);

  return self->title;
}

void
trellis_node_set_title (TrellisNode *self,
                        const char  *title)
{
  g_return_if_fail (TRELLIS_IS_NODE (self));

  if (_trellis_replace_string (&self->title, title))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

/* For the classroom, when it moves the node into or out of a choice group. */
void
trellis_node_set_parent_id (TrellisNode *self,
                            gint64       parent_id)
{
  g_return_if_fail (TRELLIS_IS_NODE (self));
  g_return_if_fail (parent_id >= 0);

  if (self->parent_id == parent_id)
    return;

  self->parent_id = parent_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PARENT_ID]);
}

const char *
trellis_node_get_instructions (TrellisNode *self)
{
  g_return_val_if_fail (TRELLIS_IS_NODE (self), NULL);

  return self->instructions;
}

void
trellis_node_set_instructions (TrellisNode *self,
                               const char  *instructions)
{
  g_return_if_fail (TRELLIS_IS_NODE (self));

  if (_trellis_replace_string (&self->instructions, instructions))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INSTRUCTIONS]);
}

const char *
trellis_node_get_resource_url (TrellisNode *self)
{
  g_return_val_if_fail (TRELLIS_IS_NODE (self), NULL);

  return self->resource_url;
}

void
trellis_node_set_resource_url (TrellisNode *self,
                               const char  *resource_url)
{
  g_return_if_fail (TRELLIS_IS_NODE (self));

  if (_trellis_replace_string (&self->resource_url, resource_url))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RESOURCE_URL]);
}

/**
 * trellis_node_get_estimated_minutes:
 *
 * Returns: the estimated time in minutes, or -1 when not set
 */
int
trellis_node_get_estimated_minutes (TrellisNode *self)
{
  g_return_val_if_fail (TRELLIS_IS_NODE (self), -1);

  return self->estimated_minutes;
}

void
trellis_node_set_estimated_minutes (TrellisNode *self,
                                    int          minutes)
{
  g_return_if_fail (TRELLIS_IS_NODE (self));
  g_return_if_fail (minutes >= -1);

  if (self->estimated_minutes != minutes)
    {
      self->estimated_minutes = minutes;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ESTIMATED_MINUTES]);
    }
}

TrellisSocialMode
trellis_node_get_social_mode (TrellisNode *self)
{
  g_return_val_if_fail (TRELLIS_IS_NODE (self), TRELLIS_SOCIAL_MODE_SOLO);

  return self->social_mode;
}

void
trellis_node_set_social_mode (TrellisNode       *self,
                              TrellisSocialMode  mode)
{
  g_return_if_fail (TRELLIS_IS_NODE (self));

  if (self->social_mode != mode)
    {
      self->social_mode = mode;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SOCIAL_MODE]);
    }
}

guint
trellis_node_get_choose_min (TrellisNode *self)
{
  g_return_val_if_fail (TRELLIS_IS_NODE (self), 0);

  return self->choose_min;
}

void
trellis_node_set_choose_min (TrellisNode *self,
                             guint        choose_min)
{
  g_return_if_fail (TRELLIS_IS_NODE (self));

  if (self->choose_min != choose_min)
    {
      self->choose_min = choose_min;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHOOSE_MIN]);
    }
}

guint
trellis_node_get_choose_max (TrellisNode *self)
{
  g_return_val_if_fail (TRELLIS_IS_NODE (self), 0);

  return self->choose_max;
}

void
trellis_node_set_choose_max (TrellisNode *self,
                             guint        choose_max)
{
  g_return_if_fail (TRELLIS_IS_NODE (self));

  if (self->choose_max != choose_max)
    {
      self->choose_max = choose_max;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHOOSE_MAX]);
    }
}

const char *
trellis_node_get_suggested_date (TrellisNode *self)
{
  g_return_val_if_fail (TRELLIS_IS_NODE (self), NULL);

  return self->suggested_date;
}

void
trellis_node_set_suggested_date (TrellisNode *self,
                                 const char  *date)
{
  g_return_if_fail (TRELLIS_IS_NODE (self));

  if (_trellis_replace_string (&self->suggested_date, date))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUGGESTED_DATE]);
}

const char *
trellis_node_get_target_date (TrellisNode *self)
{
  g_return_val_if_fail (TRELLIS_IS_NODE (self), NULL);

  return self->target_date;
}

void
trellis_node_set_target_date (TrellisNode *self,
                              const char  *date)
{
  g_return_if_fail (TRELLIS_IS_NODE (self));

  if (_trellis_replace_string (&self->target_date, date))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TARGET_DATE]);
}

const char *
trellis_node_get_must_show (TrellisNode *self)
{
  g_return_val_if_fail (TRELLIS_IS_NODE (self), NULL);

  return self->must_show;
}

void
trellis_node_set_must_show (TrellisNode *self,
                            const char  *must_show)
{
  g_return_if_fail (TRELLIS_IS_NODE (self));

  if (_trellis_replace_string (&self->must_show, must_show))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MUST_SHOW]);
}

gboolean
trellis_node_get_is_starter (TrellisNode *self)
{
  g_return_val_if_fail (TRELLIS_IS_NODE (self), FALSE);

  return self->is_starter;
}

void
trellis_node_set_is_starter (TrellisNode *self,
                             gboolean     is_starter)
{
  g_return_if_fail (TRELLIS_IS_NODE (self));

  is_starter = !!is_starter;
  if (self->is_starter != (guint)is_starter)
    {
      self->is_starter = is_starter;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IS_STARTER]);
    }
}

gboolean
trellis_node_get_is_challenge (TrellisNode *self)
{
  g_return_val_if_fail (TRELLIS_IS_NODE (self), FALSE);

  return self->is_challenge;
}

void
trellis_node_set_is_challenge (TrellisNode *self,
                               gboolean     is_challenge)
{
  g_return_if_fail (TRELLIS_IS_NODE (self));

  is_challenge = !!is_challenge;
  if (self->is_challenge != (guint)is_challenge)
    {
      self->is_challenge = is_challenge;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IS_CHALLENGE]);
    }
}

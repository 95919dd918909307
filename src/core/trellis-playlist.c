/* trellis-playlist.c
 *
 * Copyright 2026 The Trellis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "trellis-playlist.h"
#include "trellis-store-private.h"

/*
 * TrellisPlaylist is the in-memory view of one row of the `playlists`
 * table: a unit's sequence of nodes.  The uid is stable for the life of the
 * playlist (Common Cartridge identifiers).  Dates are YYYY-MM-DD or NULL.
 * The classroom keeps the object in step with the file; setters here only
 * change the object (TrellisClassroom writes first, then updates it).
 */
struct _TrellisPlaylist
{
  GObject  parent_instance;

  gint64   id;
  char    *uid;
  char    *title;
  char    *description;
  char    *starts_on;
  char    *ends_on;
};

G_DEFINE_FINAL_TYPE (TrellisPlaylist, trellis_playlist, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_UID,
  PROP_TITLE,
  PROP_DESCRIPTION,
  PROP_STARTS_ON,
  PROP_ENDS_ON,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
trellis_playlist_finalize (GObject *object)
{
  TrellisPlaylist *self = (TrellisPlaylist *)object;

  g_clear_pointer (&self->uid, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->starts_on, g_free);
  g_clear_pointer (&self->ends_on, g_free);

  G_OBJECT_CLASS (trellis_playlist_parent_class)->finalize (object);
}

static void
trellis_playlist_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  TrellisPlaylist *self = TRELLIS_PLAYLIST (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_UID:
      g_value_set_string (value, self->uid);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;

    case PROP_STARTS_ON:
      g_value_set_string (value, self->starts_on);
      break;

    case PROP_ENDS_ON:
      g_value_set_string (value, self->ends_on);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trellis_playlist_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  TrellisPlaylist *self = TRELLIS_PLAYLIST (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_get_int64 (value);
      break;

    case PROP_UID:
      self->uid = g_value_dup_string (value);
      break;

    case PROP_TITLE:
      trellis_playlist_set_title (self, g_value_get_string (value));
      break;

    case PROP_DESCRIPTION:
      trellis_playlist_set_description (self, g_value_get_string (value));
      break;

    case PROP_STARTS_ON:
      trellis_playlist_set_starts_on (self, g_value_get_string (value));
      break;

    case PROP_ENDS_ON:
      trellis_playlist_set_ends_on (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trellis_playlist_class_init (TrellisPlaylistClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = trellis_playlist_finalize;
  object_class->get_property = trellis_playlist_get_property;
  object_class->set_property = trellis_playlist_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_UID] =
    g_param_spec_string ("uid", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_STARTS_ON] =
    g_param_spec_string ("starts-on", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_ENDS_ON] =
    g_param_spec_string ("ends-on", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
trellis_playlist_init (TrellisPlaylist *self)
{
}

TrellisPlaylist *
trellis_playlist_new (gint64      id,
                      const char *uid,
                      const char *title)
{
  return g_object_new (TRELLIS_TYPE_PLAYLIST,
                       "id", id,
                       "uid", uid,
                       "title", title,
                       NULL);
}

gint64
trellis_playlist_get_id (TrellisPlaylist *self)
{
  g_return_val_if_fail (TRELLIS_IS_PLAYLIST (self), 0);

  return self->id;
}

const char *
trellis_playlist_get_uid (TrellisPlaylist *self)
{
  g_return_val_if_fail (TRELLIS_IS_PLAYLIST (self), NULL);

  return self->uid;
}

const char *
trellis_playlist_get_title (TrellisPlaylist *self)
{
  g_return_val_if_fail (TRELLIS_IS_PLAYLIST (self), NULL);

  return self->title;
}

void
trellis_playlist_set_title (TrellisPlaylist *self,
                            const char      *title)
{
  g_return_if_fail (TRELLIS_IS_PLAYLIST (self));

  if (_trellis_replace_string (&self->title, title))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

const char *
trellis_playlist_get_description (TrellisPlaylist *self)
{
  g_return_val_if_fail (TRELLIS_IS_PLAYLIST (self), NULL);

  return self->description;
}

void
trellis_playlist_set_description (TrellisPlaylist *self,
                                  const char      *description)
{
  g_return_if_fail (TRELLIS_IS_PLAYLIST (self));

  if (_trellis_replace_string (&self->description, description))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DESCRIPTION]);
}

const char *
trellis_playlist_get_starts_on (TrellisPlaylist *self)
{
  g_return_val_if_fail (TRELLIS_IS_PLAYLIST (self), NULL);

  return self->starts_on;
}

void
trellis_playlist_set_starts_on (TrellisPlaylist *self,
                                const char      *starts_on)
{
  g_return_if_fail (TRELLIS_IS_PLAYLIST (self));

  if (_trellis_replace_string (&self->starts_on, starts_on))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STARTS_ON]);
}

const char *
trellis_playlist_get_ends_on (TrellisPlaylist *self)
{
  g_return_val_if_fail (TRELLIS_IS_PLAYLIST (self), NULL);

  return self->ends_on;
}

void
trellis_playlist_set_ends_on (TrellisPlaylist *self,
                              const char      *ends_on)
{
  g_return_if_fail (TRELLIS_IS_PLAYLIST (self));

  if (_trellis_replace_string (&self->ends_on, ends_on))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENDS_ON]);
}

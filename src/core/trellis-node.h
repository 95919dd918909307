/* trellis-node.h
 *
 * Copyright 2026 The Trellis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* The nicks are the `kind` and `social_mode` texts of the `nodes` table. */
typedef enum
{
  TRELLIS_NODE_KIND_ACTIVITY,
  TRELLIS_NODE_KIND_CHOICE,
  TRELLIS_NODE_KIND_MILESTONE,
} TrellisNodeKind;

typedef enum
{
  TRELLIS_SOCIAL_MODE_SOLO,
  TRELLIS_SOCIAL_MODE_PAIR,
  TRELLIS_SOCIAL_MODE_GROUP,
} TrellisSocialMode;

#define TRELLIS_TYPE_NODE_KIND (trellis_node_kind_get_type ())
#define TRELLIS_TYPE_SOCIAL_MODE (trellis_social_mode_get_type ())
#define TRELLIS_TYPE_NODE (trellis_node_get_type ())

GType              trellis_node_kind_get_type         (void) G_GNUC_CONST;
const char        *trellis_node_kind_to_string        (TrellisNodeKind    kind);
gboolean           trellis_node_kind_from_string      (const char        *text,
                                                       TrellisNodeKind   *kind);
GType              trellis_social_mode_get_type       (void) G_GNUC_CONST;
const char        *trellis_social_mode_to_string      (TrellisSocialMode  mode);
gboolean           trellis_social_mode_from_string    (const char        *text,
                                                       TrellisSocialMode *mode);

G_DECLARE_FINAL_TYPE (TrellisNode, trellis_node, TRELLIS, NODE, GObject)

TrellisNode       *trellis_node_new                   (gint64             id,
                                                       gint64             playlist_id,
                                                       gint64             parent_id,
                                                       const char        *uid,
                                                       TrellisNodeKind    kind,
                                                       const char        *title);
gint64             trellis_node_get_id                (TrellisNode       *self);
gint64             trellis_node_get_playlist_id       (TrellisNode       *self);
gint64             trellis_node_get_parent_id         (TrellisNode       *self);
void               trellis_node_set_parent_id         (TrellisNode       *self,
                                                       gint64             parent_id);
const char        *trellis_node_get_uid               (TrellisNode       *self);
TrellisNodeKind    trellis_node_get_kind              (TrellisNode       *self);
const char        *trellis_node_get_title             (TrellisNode       *self);
void               trellis_node_set_title             (TrellisNode       *self,
                                                       const char        *title);
const char        *trellis_node_get_instructions      (TrellisNode       *self);
void               trellis_node_set_instructions      (TrellisNode       *self,
                                                       const char        *instructions);
const char        *trellis_node_get_resource_url      (TrellisNode       *self);
void               trellis_node_set_resource_url      (TrellisNode       *self,
                                                       const char        *resource_url);
int                trellis_node_get_estimated_minutes (TrellisNode       *self);
void               trellis_node_set_estimated_minutes (TrellisNode       *self,
                                                       int                minutes);
TrellisSocialMode  trellis_node_get_social_mode       (TrellisNode       *self);
void               trellis_node_set_social_mode       (TrellisNode       *self,
                                                       TrellisSocialMode  mode);
guint              trellis_node_get_choose_min        (TrellisNode       *self);
void               trellis_node_set_choose_min        (TrellisNode       *self,
                                                       guint              choose_min);
guint              trellis_node_get_choose_max        (TrellisNode       *self);
void               trellis_node_set_choose_max        (TrellisNode       *self,
                                                       guint              choose_max);
const char        *trellis_node_get_suggested_date    (TrellisNode       *self);
void               trellis_node_set_suggested_date    (TrellisNode       *self,
                                                       const char        *date);
const char        *trellis_node_get_target_date       (TrellisNode       *self);
void               trellis_node_set_target_date       (TrellisNode       *self,
                                                       const char        *date);
const char        *trellis_node_get_must_show         (TrellisNode       *self);
void               trellis_node_set_must_show         (TrellisNode       *self,
                                                       const char        *must_show);
gboolean           trellis_node_get_is_starter        (TrellisNode       *self);
void               trellis_node_set_is_starter        (TrellisNode       *self,
                                                       gboolean           is_starter);
gboolean           trellis_node_get_is_challenge      (TrellisNode       *self);
void               trellis_node_set_is_challenge      (TrellisNode       *self,
                                                       gboolean           is_challenge);

G_END_DECLS

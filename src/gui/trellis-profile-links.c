/* trellis-profile-links.c
 *
 * Copyright 2026 The Trellis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "trellis-profile-links.h"

void
trellis_reflection_target_free (TrellisReflectionTarget *target)
{
  if (target == NULL)
    return;

  g_free (target->label);
  g_free (target);
}

static TrellisReflectionTarget *
target_new (gint64  goal_id,
            gint64  node_id,
            char   *label)
{
  TrellisReflectionTarget *target = g_new0 (TrellisReflectionTarget, 1);

  target->goal_id = goal_id;
  target->node_id = node_id;
  target->label = label;

  return target;
}

/*
 * The node with @node_id in any playlist, options of choice groups too.
 * (transfer none): the classroom's node models keep it.
 */
static TrellisNode *
find_node (TrellisClassroom *classroom,
           gint64            node_id)
{
  GListModel *playlists = trellis_classroom_get_playlists (classroom);

  for (guint p = 0; playlists != NULL && p < g_list_model_get_n_items (playlists); p++)
    {
      g_autoptr(TrellisPlaylist) playlist = g_list_model_get_item (playlists, p);
      GListModel *nodes = trellis_classroom_get_nodes (classroom, playlist, NULL);

      for (guint i = 0; nodes != NULL && i < g_list_model_get_n_items (nodes); i++)
        {
          g_autoptr(TrellisNode) node = g_list_model_get_item (nodes, i);
          GListModel *options;

          if (trellis_node_get_id (node) == node_id)
            return node;

          if (trellis_node_get_kind (node) != TRELLIS_NODE_KIND_CHOICE)
            continue;

          options = trellis_classroom_get_nodes (classroom, playlist, node);
          for (guint j = 0; options != NULL && j < g_list_model_get_n_items (options); j++)
            {
              g_autoptr(TrellisNode) option = g_list_model_get_item (options, j);

              if (trellis_node_get_id (option) == node_id)
                return option;
            }
        }
    }

  return NULL;
}

/**
 * trellis_profile_links_list_targets:
 *
 * Returns: (transfer full) (element-type TrellisReflectionTarget): what a
 *   reflection of @learner can be about
 */
GPtrArray *
trellis_profile_links_list_targets (TrellisClassroom  *classroom,
                                    TrellisLearner    *learner,
                                    GError           **error)
{
  g_autoptr(GPtrArray) targets = g_ptr_array_new_with_free_func ((GDestroyNotify) trellis_reflection_target_free);
  g_autoptr(GPtrArray) goals = NULL;
  GListModel *playlists;

  g_return_val_if_fail (TRELLIS_IS_CLASSROOM (classroom), NULL);
  g_return_val_if_fail (TRELLIS_IS_LEARNER (learner), NULL);

  goals = trellis_profile_list_goals (classroom, learner, error);
  if (goals == NULL)
    return NULL;

  for (guint i = 0; i < goals->len; i++)
    {
      TrellisGoal *goal = g_ptr_array_index (goals, i);

      if (goal->status == TRELLIS_GOAL_STATUS_DROPPED)
        continue;

      /* Translators: a reflection can be about this; %s is a goal */
      g_ptr_array_add (targets, target_new (goal->id, 0, g_strdup_printf (_("Goal: %s"), goal->title)));
    }

  playlists = trellis_classroom_get_playlists (classroom);
  for (guint p = 0; playlists != NULL && p < g_list_model_get_n_items (playlists); p++)
    {
      g_autoptr(TrellisPlaylist) playlist = g_list_model_get_item (playlists, p);
      GListModel *nodes = trellis_classroom_get_nodes (classroom, playlist, NULL);

      for (guint i = 0; nodes != NULL && i < g_list_model_get_n_items (nodes); i++)
        {
          g_autoptr(TrellisNode) node = g_list_model_get_item (nodes, i);

          if (trellis_node_get_kind (node) != TRELLIS_NODE_KIND_MILESTONE)
            continue;

          g_ptr_array_add (targets,
                           target_new (0, trellis_node_get_id (node),
                                       /* Translators: a reflection can be about this; a milestone, then its playlist */
                                       g_strdup_printf (_("Milestone: %s (%s)"), trellis_node_get_title (node),
                                                        trellis_playlist_get_title (playlist))));
        }
    }

  return g_steal_pointer (&targets);
}

char *
trellis_profile_links_describe_reflection (TrellisClassroom        *classroom,
                                           const TrellisReflection *reflection)
{
  g_return_val_if_fail (TRELLIS_IS_CLASSROOM (classroom), NULL);
  g_return_val_if_fail (reflection != NULL, NULL);

  if (reflection->goal_id > 0)
    {
      g_autoptr(TrellisGoal) goal = trellis_profile_get_goal (classroom, reflection->goal_id, NULL);

      if (goal != NULL)
        /* Translators: what a reflection is about; %s is a goal */
        return g_strdup_printf (_("on goal: %s"), goal->title);
    }

  if (reflection->node_id > 0)
    {
      TrellisNode *node = find_node (classroom, reflection->node_id);

      if (node != NULL && trellis_node_get_kind (node) == TRELLIS_NODE_KIND_MILESTONE)
        /* Translators: what a reflection is about; %s is a milestone */
        return g_strdup_printf (_("on milestone: %s"), trellis_node_get_title (node));
      else if (node != NULL)
        /* Translators: what a reflection is about; %s is an activity */
        return g_strdup_printf (_("on activity: %s"), trellis_node_get_title (node));
    }

  return NULL;
}

const char *
trellis_profile_links_describe_author (TrellisReflectionAuthor author)
{
  switch (author)
    {
    case TRELLIS_REFLECTION_AUTHOR_LEARNER:
      return _("in the learner’s words");
    case TRELLIS_REFLECTION_AUTHOR_TEACHER:
    default:
      return _("by the teacher");
    }
}

char *
trellis_profile_links_dup_skill_codes (TrellisClassroom *classroom,
                                       GArray           *skill_ids)
{
  GString *codes;

  g_return_val_if_fail (TRELLIS_IS_CLASSROOM (classroom), NULL);

  if (skill_ids == NULL || skill_ids->len == 0)
    return NULL;

  codes = g_string_new (NULL);
  for (guint i = 0; i < skill_ids->len; i++)
    {
      TrellisSkill *skill = trellis_classroom_lookup_skill (classroom, g_array_index (skill_ids, gint64, i));

      if (skill == NULL)
        continue;
      if (codes->len > 0)
        g_string_append (codes, ", ");
      g_string_append (codes, trellis_skill_get_code (skill));
    }

  if (codes->len == 0)
    {
      g_string_free (codes, TRUE);
      return NULL;
    }

  return g_string_free (codes, FALSE);
}

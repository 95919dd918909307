/* trellis-learner-summary.c
 *
 * Copyright 2026 The Trellis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "trellis-learner-summary.h"
#include "trellis-progress.h"

void
trellis_mastery_summary_free (TrellisMasterySummary *summary)
{
  if (summary == NULL)
    return;

  g_free (summary->skill);
  g_free (summary->code);
  g_free (summary->explanation);
  g_free (summary);
}

void
trellis_playlist_position_free (TrellisPlaylistPosition *position)
{
  if (position == NULL)
    return;

  g_free (position->playlist);
  g_free (position->current);
  g_free (position->next_milestone);
  g_free (position->milestone_date);
  g_free (position);
}

static char *
dup_column (sqlite3_stmt *stmt,
            int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  return text != NULL ? g_strdup (text) : NULL;
}

GPtrArray *
trellis_learner_summary_list_mastery (TrellisClassroom  *classroom,
                                      TrellisLearner    *learner,
                                      GError           **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (TRELLIS_IS_CLASSROOM (classroom), NULL);
  g_return_val_if_fail (TRELLIS_IS_LEARNER (learner), NULL);

  stmt = trellis_classroom_prepare (classroom,
                                    "SELECT s.name, s.code, m.p_known, m.n_evidence, m.explanation "
                                    "FROM mastery_state m JOIN skills s ON s.id = m.skill_id "
                                    "WHERE m.learner_id = ?1 AND m.n_evidence > 0 "
                                    "ORDER BY s.position, s.code",
                                    error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, trellis_learner_get_id (learner));

  rows = g_ptr_array_new_with_free_func ((GDestroyNotify) trellis_mastery_summary_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TrellisMasterySummary *summary = g_new0 (TrellisMasterySummary, 1);

      summary->skill = dup_column (stmt, 0);
      summary->code = dup_column (stmt, 1);
      summary->p_known = CLAMP (sqlite3_column_double (stmt, 2), 0.0, 1.0);
      summary->n_evidence = sqlite3_column_int (stmt, 3);
      summary->explanation = dup_column (stmt, 4);
      g_ptr_array_add (rows, summary);
    }

  if (rc != SQLITE_DONE)
    {
      trellis_classroom_set_db_error (classroom, rc, error);
      sqlite3_finalize (stmt);
      return NULL;
    }

  sqlite3_finalize (stmt);
  return g_steal_pointer (&rows);
}

gint64
trellis_learner_summary_count_evidence (TrellisClassroom *classroom,
                                        TrellisLearner   *learner)
{
  sqlite3_stmt *stmt;
  gint64 n = 0;

  g_return_val_if_fail (TRELLIS_IS_CLASSROOM (classroom), 0);
  g_return_val_if_fail (TRELLIS_IS_LEARNER (learner), 0);

  stmt = trellis_classroom_prepare (classroom, "SELECT count(*) FROM evidence WHERE learner_id = ?1", NULL);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, trellis_learner_get_id (learner));
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  return n;
}

static gboolean
status_done (GHashTable  *statuses,
             TrellisNode *node)
{
  gpointer value;
  TrellisProgressStatus status;

  if (!g_hash_table_lookup_extended (statuses, &(gint64) { trellis_node_get_id (node) }, NULL, &value))
    return FALSE;

  status = GPOINTER_TO_INT (value);
  return status == TRELLIS_PROGRESS_COMPLETE || status == TRELLIS_PROGRESS_SUBMITTED;
}

static gboolean
node_done (TrellisClassroom *classroom,
           TrellisLearner   *learner,
           GHashTable       *statuses,
           TrellisNode      *node)
{
  g_autoptr(GPtrArray) choices = NULL;
  guint n_done = 0;

  if (trellis_node_get_kind (node) != TRELLIS_NODE_KIND_CHOICE)
    return status_done (statuses, node);

  /* A choice group is done when enough of the chosen options are. */
  if (status_done (statuses, node))
    return TRUE;

  choices = trellis_progress_get_choices (classroom, learner, node, NULL);
  if (choices == NULL || choices->len == 0)
    return FALSE;

  for (guint i = 0; i < choices->len; i++)
    if (status_done (statuses, g_ptr_array_index (choices, i)))
      n_done++;

  return n_done >= MAX (trellis_node_get_choose_min (node), 1);
}

GPtrArray *
trellis_learner_summary_list_positions (TrellisClassroom  *classroom,
                                        TrellisLearner    *learner,
                                        GError           **error)
{
  g_autoptr(GPtrArray) positions = NULL;
  GListModel *playlists;

  g_return_val_if_fail (TRELLIS_IS_CLASSROOM (classroom), NULL);
  g_return_val_if_fail (TRELLIS_IS_LEARNER (learner), NULL);

  positions = g_ptr_array_new_with_free_func ((GDestroyNotify) trellis_playlist_position_free);
  playlists = trellis_classroom_get_playlists (classroom);

  for (guint i = 0; i < g_list_model_get_n_items (playlists); i++)
    {
      g_autoptr(TrellisPlaylist) playlist = g_list_model_get_item (playlists, i);
      g_autoptr(GPtrArray) progress = NULL;
      g_autoptr(GHashTable) statuses = NULL;
      TrellisPlaylistPosition *position;
      GListModel *nodes;

      progress = trellis_progress_list (classroom, learner, playlist, error);
      if (progress == NULL)
        return NULL;

      statuses = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
      for (guint p = 0; p < progress->len; p++)
        {
          TrellisProgress *row = g_ptr_array_index (progress, p);

          g_hash_table_insert (statuses, g_memdup2 (&row->node_id, sizeof row->node_id),
                               GINT_TO_POINTER (row->status));
        }

      position = g_new0 (TrellisPlaylistPosition, 1);
      position->playlist = g_strdup (trellis_playlist_get_title (playlist));

      nodes = trellis_classroom_get_nodes (classroom, playlist, NULL);
      position->n_nodes = g_list_model_get_n_items (nodes);
      for (guint n = 0; n < position->n_nodes; n++)
        {
          g_autoptr(TrellisNode) node = g_list_model_get_item (nodes, n);
          gboolean done = node_done (classroom, learner, statuses, node);

          if (done)
            position->n_done++;

          if (!done && position->current == NULL)
            {
              position->current = g_strdup (trellis_node_get_title (node));
              position->position = n + 1;
            }

          if (!done && position->next_milestone == NULL &&
              trellis_node_get_kind (node) == TRELLIS_NODE_KIND_MILESTONE)
            {
              position->next_milestone = g_strdup (trellis_node_get_title (node));
              position->milestone_date = g_strdup (trellis_node_get_target_date (node));
            }
        }

      g_ptr_array_add (positions, position);
    }

  return g_steal_pointer (&positions);
}

char *
trellis_learner_summary_format_date (const char *date)
{
  g_autoptr(GDateTime) datetime = NULL;
  int year, month, day;

  if (date == NULL)
    return NULL;

  if (sscanf (date, "%d-%d-%d", &year, &month, &day) != 3 ||
      (datetime = g_date_time_new_local (year, month, day, 12, 0, 0)) == NULL)
    return g_strdup (date);

  /* Translators: a date, see the strftime manual page */
  return g_date_time_format (datetime, _("%-d %B %Y"));
}

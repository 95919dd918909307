/* trellis-progress.c
 *
 * Copyright 2026 The Trellis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trellis-progress"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "trellis-mastery.h"
#include "trellis-progress.h"
#include "trellis-classroom-private.h"
#include "trellis-store-private.h"

/*
 * Progress lives in `progress` (one row per learner and node, made the
 * first time a node is marked) and `choices` (one row per chosen option).
 * A node that was never marked is "not started".
 */

static const char * const status_names[] = {
  "not_started", "in_progress", "submitted", "complete", "needs_revision",
};

const char *
trellis_progress_status_to_string (TrellisProgressStatus status)
{
  g_return_val_if_fail ((guint)status < G_N_ELEMENTS (status_names), NULL);

  return status_names[status];
}

gboolean
trellis_progress_status_from_string (const char            *text,
                                     TrellisProgressStatus *status)
{
  guint i;

  if (!_trellis_string_table_find (status_names, G_N_ELEMENTS (status_names), text, &i))
    return FALSE;

  *status = (TrellisProgressStatus)i;
  return TRUE;
}

const char *
trellis_progress_status_get_label (TrellisProgressStatus status)
{
  switch (status)
    {
    case TRELLIS_PROGRESS_NOT_STARTED:
      return _("Not started");
    case TRELLIS_PROGRESS_IN_PROGRESS:
      return _("In progress");
    case TRELLIS_PROGRESS_SUBMITTED:
      return _("Submitted");
    case TRELLIS_PROGRESS_COMPLETE:
      return _("Complete");
    case TRELLIS_PROGRESS_NEEDS_REVISION:
      return _("Needs revision");
    default:
      g_return_val_if_reached (NULL);
    }
}

void
trellis_progress_free (TrellisProgress *progress)
{
  if (progress == NULL)
    return;

  g_free (progress->format);
  g_free (progress->checkin_on);
  g_free (progress->checkin_note);
  g_free (progress->updated_at);
  g_free (progress);
}

void
trellis_behind_free (TrellisBehind *behind)
{
  if (behind == NULL)
    return;

  g_clear_object (&behind->learner);
  g_clear_object (&behind->milestone);
  g_free (behind);
}

/* ------------------------------------------------------------------ */
/* Helpers                                                             */

/* The node must still be in the file. */
static gboolean
check_node (TrellisClassroom  *classroom,
            TrellisNode       *node,
            GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = trellis_classroom_prepare (classroom, "SELECT 1 FROM nodes WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, trellis_node_get_id (node));

  if (sqlite3_step (stmt) != SQLITE_ROW)
    return _trellis_set_not_found (error, _("The item is no longer in this playlist"));

  return TRUE;
}

static gboolean
parse_date (const char *text,
            GDate      *date)
{
  g_date_clear (date, 1);
  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;

  g_date_set_parse (date, text);
  return g_date_valid (date);
}

static gpointer
progress_from_row (sqlite3_stmt *stmt)
{
  TrellisProgress *progress = g_new0 (TrellisProgress, 1);
  TrellisProgressStatus status = TRELLIS_PROGRESS_NOT_STARTED;

  progress->learner_id = sqlite3_column_int64 (stmt, 0);
  progress->node_id = sqlite3_column_int64 (stmt, 1);
  trellis_progress_status_from_string ((const char *)sqlite3_column_text (stmt, 2), &status);
  progress->status = status;
  progress->format = _trellis_column_dup (stmt, 3);
  progress->checkin_on = _trellis_column_dup (stmt, 4);
  progress->checkin_note = _trellis_column_dup (stmt, 5);
  progress->updated_at = _trellis_column_dup (stmt, 6);

  return progress;
}

#define PROGRESS_COLUMNS "p.learner_id, p.node_id, p.status, p.format, p.checkin_on, p.checkin_note, p.updated_at"

/* ------------------------------------------------------------------ */
/* Progress                                                            */

TrellisProgress *
trellis_progress_get (TrellisClassroom  *classroom,
                      TrellisLearner    *learner,
                      TrellisNode       *node,
                      GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  TrellisProgress *progress;
  int rc;

  g_return_val_if_fail (TRELLIS_IS_CLASSROOM (classroom), NULL);
  g_return_val_if_fail (TRELLIS_IS_LEARNER (learner), NULL);
  g_return_val_if_fail (TRELLIS_IS_NODE (node), NULL);

  if (!_trellis_check_learner (classroom, learner, error) || !check_node (classroom, node, error))
    return NULL;

  stmt = trellis_classroom_prepare (classroom,
                                    "SELECT " PROGRESS_COLUMNS " FROM progress p "
                                    "WHERE p.learner_id = ?1 AND p.node_id = ?2",
                                    error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, trellis_learner_get_id (learner));
  sqlite3_bind_int64 (stmt, 2, trellis_node_get_id (node));

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return progress_from_row (stmt);

  if (rc != SQLITE_DONE)
    {
      trellis_classroom_set_db_error (classroom, rc, error);
      return NULL;
    }

  progress = g_new0 (TrellisProgress, 1);
  progress->learner_id = trellis_learner_get_id (learner);
  progress->node_id = trellis_node_get_id (node);
  progress->status = TRELLIS_PROGRESS_NOT_STARTED;
  return progress;
}

GPtrArray *
trellis_progress_list (TrellisClassroom  *classroom,
                       TrellisLearner    *learner,
                       TrellisPlaylist   *playlist,
                       GError           **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify)trellis_progress_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (TRELLIS_IS_CLASSROOM (classroom), NULL);
  g_return_val_if_fail (TRELLIS_IS_LEARNER (learner), NULL);
  g_return_val_if_fail (TRELLIS_IS_PLAYLIST (playlist), NULL);

  if (!_trellis_check_learner (classroom, learner, error))
    return NULL;

  stmt = trellis_classroom_prepare (classroom,
                                    "SELECT " PROGRESS_COLUMNS " FROM progress p JOIN nodes n ON n.id = p.node_id "
                                    "WHERE p.learner_id = ?1 AND n.playlist_id = ?2 ORDER BY n.id",
                                    error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, trellis_learner_get_id (learner));
  sqlite3_bind_int64 (stmt, 2, trellis_playlist_get_id (playlist));

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (rows, progress_from_row (stmt));

  if (rc != SQLITE_DONE)
    {
      trellis_classroom_set_db_error (classroom, rc, error);
      return NULL;
    }

  return g_steal_pointer (&rows);
}

/* Writes one piece of evidence per skill of @node; the count through @n_written. */
static gboolean
write_node_evidence (TrellisClassroom               *classroom,
                     gint64                          learner_id,
                     gint64                          node_id,
                     const TrellisProgressEvidence  *evidence,
                     guint                          *n_written,
                     GError                        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GArray) skills = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;

  stmt = trellis_classroom_prepare (classroom,
                                    "SELECT skill_id FROM node_skills WHERE node_id = ?1 ORDER BY skill_id",
                                    error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, node_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 skill_id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (skills, skill_id);
    }
  if (rc != SQLITE_DONE)
    {
      trellis_classroom_set_db_error (classroom, rc, error);
      return FALSE;
    }

  if (skills->len == 0)
    return _trellis_set_invalid (error, _("This activity shows no skills, so no evidence can be recorded for it"));

  for (guint i = 0; i < skills->len; i++)
    {
      if (trellis_mastery_write_evidence (classroom, learner_id, g_array_index (skills, gint64, i), node_id,
                                          evidence->kind, evidence->score, evidence->max_score, NULL,
                                          evidence->note, error) == 0)
        return FALSE;
    }

  *n_written = skills->len;
  return TRUE;
}

/**
 * trellis_progress_update:
 *
 * Marks progress: writes the fields @update names (the others keep their
 * values) and, with @evidence, records evidence for the node's skills, all
 * in one transaction.  A choice group has no progress of its own: mark its
 * options.
 */
gboolean
trellis_progress_update (TrellisClassroom               *classroom,
                         TrellisLearner                 *learner,
                         TrellisNode                    *node,
                         const TrellisProgressUpdate    *update,
                         const TrellisProgressEvidence  *evidence,
                         guint                          *n_evidence,
                         GError                        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *format = NULL;
  g_autofree char *checkin_note = NULL;
  g_autofree char *now = NULL;
  guint n_written = 0;
  gboolean written;
  GDate date;

  g_return_val_if_fail (TRELLIS_IS_CLASSROOM (classroom), FALSE);
  g_return_val_if_fail (TRELLIS_IS_LEARNER (learner), FALSE);
  g_return_val_if_fail (TRELLIS_IS_NODE (node), FALSE);
  g_return_val_if_fail (update != NULL, FALSE);

  if (n_evidence != NULL)
    *n_evidence = 0;

  if (!_trellis_check_learner (classroom, learner, error) || !check_node (classroom, node, error))
    return FALSE;

  if (trellis_node_get_kind (node) == TRELLIS_NODE_KIND_CHOICE)
    return _trellis_set_invalid (error, _("A choice group has no progress of its own; mark the options chosen"));

  if ((update->fields & TRELLIS_PROGRESS_FIELD_STATUS) &&
      (guint)update->status >= G_N_ELEMENTS (status_names))
    return _trellis_set_invalid (error, _("The progress status is not valid"));

  if ((update->fields & TRELLIS_PROGRESS_FIELD_CHECKIN) && update->checkin_on != NULL &&
      !parse_date (update->checkin_on, &date))
    {
      g_set_error (error, TRELLIS_CLASSROOM_ERROR, TRELLIS_CLASSROOM_ERROR_INVALID,
                   _("“%s” is not a date (YYYY-MM-DD)"), update->checkin_on);
      return FALSE;
    }

  if (!_trellis_normalize_text (update->format, &format, error) ||
      !_trellis_normalize_text (update->checkin_note, &checkin_note, error))
    return FALSE;

  now = trellis_classroom_timestamp (classroom);
  if (!trellis_classroom_begin (classroom, error))
    return FALSE;

  /* Each field is written when its flag is set (?2, ?4, ?6 are 0 or 1). */
  stmt = trellis_classroom_prepare (classroom,
                                    "INSERT INTO progress (learner_id, node_id, status, format, checkin_on, "
                                    "  checkin_note, updated_at) "
                                    "VALUES (?8, ?9, CASE WHEN ?2 THEN ?1 ELSE 'not_started' END, "
                                    "  CASE WHEN ?4 THEN ?3 END, CASE WHEN ?6 THEN ?5 END, CASE WHEN ?6 THEN ?7 END, ?10) "
                                    "ON CONFLICT (learner_id, node_id) DO UPDATE SET "
                                    "  status = CASE WHEN ?2 THEN ?1 ELSE status END, "
                                    "  format = CASE WHEN ?4 THEN ?3 ELSE format END, "
                                    "  checkin_on = CASE WHEN ?6 THEN ?5 ELSE checkin_on END, "
                                    "  checkin_note = CASE WHEN ?6 THEN ?7 ELSE checkin_note END, "
                                    "  updated_at = ?10",
                                    error);
  written = stmt != NULL;
  if (written)
    {
      TrellisProgressFields fields = update->fields;

      sqlite3_bind_text (stmt, 1, status_names[(fields & TRELLIS_PROGRESS_FIELD_STATUS) ? update->status : 0],
                         -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 2, (fields & TRELLIS_PROGRESS_FIELD_STATUS) != 0);
      if (format != NULL)
        sqlite3_bind_text (stmt, 3, format, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (stmt, 4, (fields & TRELLIS_PROGRESS_FIELD_FORMAT) != 0);
      if (update->checkin_on != NULL)
        sqlite3_bind_text (stmt, 5, update->checkin_on, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (stmt, 6, (fields & TRELLIS_PROGRESS_FIELD_CHECKIN) != 0);
      if (checkin_note != NULL)
        sqlite3_bind_text (stmt, 7, checkin_note, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 8, trellis_learner_get_id (learner));
      sqlite3_bind_int64 (stmt, 9, trellis_node_get_id (node));
      sqlite3_bind_text (stmt, 10, now, -1, SQLITE_TRANSIENT);
      written = trellis_classroom_step (classroom, stmt, error);
    }

  if (written)
    _trellis_classroom_note_change (classroom, TRELLIS_DATA_PROGRESS, trellis_learner_get_id (learner), 0);

  if (written && evidence != NULL)
    written = write_node_evidence (classroom, trellis_learner_get_id (learner), trellis_node_get_id (node),
                                   evidence, &n_written, error);

  if (!_trellis_finish_edit (classroom, written, error))
    return FALSE;

  if (n_evidence != NULL)
    *n_evidence = n_written;
  return TRUE;
}

gboolean
trellis_progress_set_status (TrellisClassroom       *classroom,
                             TrellisLearner         *learner,
                             TrellisNode            *node,
                             TrellisProgressStatus   status,
                             GError                **error)
{
  TrellisProgressUpdate update = { TRELLIS_PROGRESS_FIELD_STATUS, status, NULL, NULL, NULL };

  return trellis_progress_update (classroom, learner, node, &update, NULL, NULL, error);
}

gboolean
trellis_progress_restore (TrellisClassroom       *classroom,
                          TrellisLearner         *learner,
                          TrellisNode            *node,
                          const TrellisProgress  *before,
                          GError                **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean written;

  g_return_val_if_fail (TRELLIS_IS_CLASSROOM (classroom), FALSE);
  g_return_val_if_fail (TRELLIS_IS_LEARNER (learner), FALSE);
  g_return_val_if_fail (TRELLIS_IS_NODE (node), FALSE);
  g_return_val_if_fail (before != NULL, FALSE);
  g_return_val_if_fail (before->learner_id == trellis_learner_get_id (learner), FALSE);
  g_return_val_if_fail (before->node_id == trellis_node_get_id (node), FALSE);

  if (!_trellis_check_learner (classroom, learner, error) || !check_node (classroom, node, error))
    return FALSE;

  if ((guint)before->status >= G_N_ELEMENTS (status_names))
    return _trellis_set_invalid (error, _("The progress status is not valid"));

  if (!trellis_classroom_begin (classroom, error))
    return FALSE;

  if (before->updated_at == NULL)
    stmt = trellis_classroom_prepare (classroom, "DELETE FROM progress WHERE learner_id = ?1 AND node_id = ?2",
                                      error);
  else
    stmt = trellis_classroom_prepare (classroom,
                                      "INSERT INTO progress (learner_id, node_id, status, format, checkin_on, "
                                      "  checkin_note, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) "
                                      "ON CONFLICT (learner_id, node_id) DO UPDATE SET "
                                      "  status = excluded.status, format = excluded.format, "
                                      "  checkin_on = excluded.checkin_on, checkin_note = excluded.checkin_note, "
                                      "  updated_at = excluded.updated_at",
                                      error);
  written = stmt != NULL;
  if (written)
    {
      sqlite3_bind_int64 (stmt, 1, trellis_learner_get_id (learner));
      sqlite3_bind_int64 (stmt, 2, trellis_node_get_id (node));
      if (before->updated_at != NULL)
        {
          sqlite3_bind_text (stmt, 3, status_names[before->status], -1, SQLITE_STATIC);
          sqlite3_bind_text (stmt, 4, before->format, -1, SQLITE_TRANSIENT);
          sqlite3_bind_text (stmt, 5, before->checkin_on, -1, SQLITE_TRANSIENT);
          sqlite3_bind_text (stmt, 6, before->checkin_note, -1, SQLITE_TRANSIENT);
          sqlite3_bind_text (stmt, 7, before->updated_at, -1, SQLITE_TRANSIENT);
        }
      written = trellis_classroom_step (classroom, stmt, error);
    }

  if (written)
    _trellis_classroom_note_change (classroom, TRELLIS_DATA_PROGRESS, trellis_learner_get_id (learner), 0);

  return _trellis_finish_edit (classroom, written, error);
}

/* ------------------------------------------------------------------ */
/* Choice breadth                                                      */

guint
trellis_choice_breadth_limit (guint self_regulation)
{
  switch (CLAMP (self_regulation, 1, 3))
    {
    case 1:
      return 2;
    case 2:
      return 3;
    default:
      return G_MAXUINT;
    }
}

/* Level-2 preference: starters (0), ordinary options (1), challenges (2). */
static guint
option_rank (const TrellisChoiceOption *option)
{
  if (option->is_starter)
    return 0;
  return option->is_challenge ? 2 : 1;
}

/* Offers up to @want more options, by rank then order. */
static guint
offer_ranked (const TrellisChoiceOption *options,
              guint                      n_options,
              gboolean                  *offered,
              guint                      want)
{
  guint n = 0;

  for (guint rank = 0; rank <= 2 && n < want; rank++)
    for (guint i = 0; i < n_options && n < want; i++)
      if (!offered[i] && option_rank (&options[i]) == rank)
        {
          offered[i] = TRUE;
          n++;
        }

  return n;
}

guint
trellis_choice_breadth (guint                      self_regulation,
                        guint                      choose_min,
                        const TrellisChoiceOption *options,
                        guint                      n_options,
                        gboolean                  *offered)
{
  guint level = CLAMP (self_regulation, 1, 3);
  guint limit = trellis_choice_breadth_limit (level);
  guint n = 0;

  g_return_val_if_fail (n_options == 0 || options != NULL, 0);
  g_return_val_if_fail (n_options == 0 || offered != NULL, 0);

  for (guint i = 0; i < n_options; i++)
    offered[i] = FALSE;

  if (level == 1)
    {
      for (guint i = 0; i < n_options && n < limit; i++)
        if (options[i].is_starter)
          {
            offered[i] = TRUE;
            n++;
          }

      /* No starters marked yet: the first options, in order. */
      for (guint i = 0; n == 0 && i < MIN (n_options, limit); i++)
        offered[i] = TRUE;
      if (n == 0)
        n = MIN (n_options, limit);
    }
  else
    n = offer_ranked (options, n_options, offered, MIN (limit, n_options));

  /* Never fewer than the group asks for. */
  if (n < MIN (choose_min, n_options))
    n += offer_ranked (options, n_options, offered, MIN (choose_min, n_options) - n);

  return n;
}

/* The options of @group, from the classroom's node lists. */
static GListModel *
get_options (TrellisClassroom  *classroom,
             TrellisNode       *group,
             GError           **error)
{
  TrellisPlaylist *playlist;

  if (trellis_node_get_kind (group) != TRELLIS_NODE_KIND_CHOICE)
    {
      _trellis_set_invalid (error, _("Only a choice group has options to choose"));
      return NULL;
    }

  playlist = trellis_classroom_lookup_playlist (classroom, trellis_node_get_playlist_id (group));
  if (playlist == NULL || !check_node (classroom, group, error))
    {
      if (error != NULL && *error == NULL)
        _trellis_set_not_found (error, _("The item is no longer in this playlist"));
      return NULL;
    }

  return trellis_classroom_get_nodes (classroom, playlist, group);
}

GPtrArray *
trellis_progress_offered_options (TrellisClassroom  *classroom,
                                  TrellisLearner    *learner,
                                  TrellisNode       *group,
                                  GError           **error)
{
  g_autoptr(GPtrArray) result = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree TrellisChoiceOption *options = NULL;
  g_autofree gboolean *offered = NULL;
  GListModel *model;
  guint n;

  g_return_val_if_fail (TRELLIS_IS_CLASSROOM (classroom), NULL);
  g_return_val_if_fail (TRELLIS_IS_LEARNER (learner), NULL);
  g_return_val_if_fail (TRELLIS_IS_NODE (group), NULL);

  if (!_trellis_check_learner (classroom, learner, error) || (model = get_options (classroom, group, error)) == NULL)
    return NULL;

  n = g_list_model_get_n_items (model);
  options = g_new0 (TrellisChoiceOption, MAX (n, 1));
  offered = g_new0 (gboolean, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TrellisNode) option = g_list_model_get_item (model, i);

      options[i].is_starter = trellis_node_get_is_starter (option);
      options[i].is_challenge = trellis_node_get_is_challenge (option);
    }

  trellis_choice_breadth (trellis_learner_get_self_regulation (learner), trellis_node_get_choose_min (group),
                          options, n, offered);

  for (guint i = 0; i < n; i++)
    if (offered[i])
      g_ptr_array_add (result, g_list_model_get_item (model, i));

  return g_steal_pointer (&result);
}

GPtrArray *
trellis_progress_get_choices (TrellisClassroom  *classroom,
                              TrellisLearner    *learner,
                              TrellisNode       *group,
                              GError           **error)
{
  g_autoptr(GPtrArray) result = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  GListModel *model;

  g_return_val_if_fail (TRELLIS_IS_CLASSROOM (classroom), NULL);
  g_return_val_if_fail (TRELLIS_IS_LEARNER (learner), NULL);
  g_return_val_if_fail (TRELLIS_IS_NODE (group), NULL);

  if (!_trellis_check_learner (classroom, learner, error) || (model = get_options (classroom, group, error)) == NULL)
    return NULL;

  stmt = trellis_classroom_prepare (classroom, "SELECT 1 FROM choices WHERE learner_id = ?1 AND option_id = ?2",
                                    error);
  if (stmt == NULL)
    return NULL;

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(TrellisNode) option = g_list_model_get_item (model, i);

      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, trellis_learner_get_id (learner));
      sqlite3_bind_int64 (stmt, 2, trellis_node_get_id (option));
      if (sqlite3_step (stmt) == SQLITE_ROW)
        g_ptr_array_add (result, g_steal_pointer (&option));
    }

  return g_steal_pointer (&result);
}

gboolean
trellis_progress_choose (TrellisClassroom  *classroom,
                         TrellisLearner    *learner,
                         TrellisNode       *group,
                         TrellisNode      **options,
                         guint              n_options,
                         GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *now = NULL;
  GListModel *model;
  guint choose_min, choose_max;
  gboolean written;

  g_return_val_if_fail (TRELLIS_IS_CLASSROOM (classroom), FALSE);
  g_return_val_if_fail (TRELLIS_IS_LEARNER (learner), FALSE);
  g_return_val_if_fail (TRELLIS_IS_NODE (group), FALSE);
  g_return_val_if_fail (n_options == 0 || options != NULL, FALSE);

  if (!_trellis_check_learner (classroom, learner, error) || (model = get_options (classroom, group, error)) == NULL)
    return FALSE;

  choose_min = trellis_node_get_choose_min (group);
  choose_max = trellis_node_get_choose_max (group);
  if (n_options > 0 && (n_options < choose_min || n_options > choose_max))
    {
      if (choose_min == choose_max)
        g_set_error (error, TRELLIS_CLASSROOM_ERROR, TRELLIS_CLASSROOM_ERROR_INVALID,
                     g_dngettext (GETTEXT_PACKAGE, "Choose %u option in “%s”", "Choose %u options in “%s”",
                                  choose_min),
                     choose_min, trellis_node_get_title (group));
      else
        g_set_error (error, TRELLIS_CLASSROOM_ERROR, TRELLIS_CLASSROOM_ERROR_INVALID,
                     _("Choose between %u and %u options in “%s”"), choose_min, choose_max,
                     trellis_node_get_title (group));
      return FALSE;
    }

  for (guint i = 0; i < n_options; i++)
    {
      guint position;

      g_return_val_if_fail (TRELLIS_IS_NODE (options[i]), FALSE);

      if (!g_list_store_find (G_LIST_STORE (model), options[i], &position))
        {
          g_set_error (error, TRELLIS_CLASSROOM_ERROR, TRELLIS_CLASSROOM_ERROR_INVALID,
                       _("“%s” is not an option of “%s”"), trellis_node_get_title (options[i]),
                       trellis_node_get_title (group));
          return FALSE;
        }

      for (guint j = 0; j < i; j++)
        if (options[j] == options[i])
          {
            g_set_error (error, TRELLIS_CLASSROOM_ERROR, TRELLIS_CLASSROOM_ERROR_INVALID,
                         _("“%s” is chosen twice"), trellis_node_get_title (options[i]));
            return FALSE;
          }
    }

  now = trellis_classroom_timestamp (classroom);
  if (!trellis_classroom_begin (classroom, error))
    return FALSE;

  /* Options chosen before and chosen again keep their date. */
  stmt = trellis_classroom_prepare (classroom,
                                    "DELETE FROM choices WHERE learner_id = ?1 AND option_id IN "
                                    "(SELECT id FROM nodes WHERE parent_id = ?2)",
                                    error);
  written = stmt != NULL;
  if (written)
    {
      g_autoptr(sqlite3_stmt) insert = NULL;
      g_autoptr(sqlite3_stmt) old = NULL;
      g_autoptr(GPtrArray) old_dates = g_ptr_array_new_with_free_func (g_free);

      /* Remember the dates of the options that stay chosen. */
      old = trellis_classroom_prepare (classroom,
                                       "SELECT chosen_at FROM choices WHERE learner_id = ?1 AND option_id = ?2",
                                       error);
      written = old != NULL;
      for (guint i = 0; written && i < n_options; i++)
        {
          sqlite3_reset (old);
          sqlite3_bind_int64 (old, 1, trellis_learner_get_id (learner));
          sqlite3_bind_int64 (old, 2, trellis_node_get_id (options[i]));
          g_ptr_array_add (old_dates, sqlite3_step (old) == SQLITE_ROW ? _trellis_column_dup (old, 0) : g_strdup (now));
        }

      if (written)
        {
          sqlite3_bind_int64 (stmt, 1, trellis_learner_get_id (learner));
          sqlite3_bind_int64 (stmt, 2, trellis_node_get_id (group));
          written = trellis_classroom_step (classroom, stmt, error);
        }

      if (written)
        insert = trellis_classroom_prepare (classroom,
                                            "INSERT INTO choices (learner_id, option_id, chosen_at) VALUES (?1, ?2, ?3)",
                                            error);
      written = written && insert != NULL;
      for (guint i = 0; written && i < n_options; i++)
        {
          sqlite3_reset (insert);
          sqlite3_bind_int64 (insert, 1, trellis_learner_get_id (learner));
          sqlite3_bind_int64 (insert, 2, trellis_node_get_id (options[i]));
          sqlite3_bind_text (insert, 3, g_ptr_array_index (old_dates, i), -1, SQLITE_TRANSIENT);
          written = trellis_classroom_step (classroom, insert, error);
        }
    }

  if (written)
    _trellis_classroom_note_change (classroom, TRELLIS_DATA_CHOICES, trellis_learner_get_id (learner), 0);

  return _trellis_finish_edit (classroom, written, error);
}

/* ------------------------------------------------------------------ */
/* Behind milestones                                                   */

static int
compare_behind (gconstpointer a,
                gconstpointer b)
{
  const TrellisBehind *ba = *(const TrellisBehind * const *)a;
  const TrellisBehind *bb = *(const TrellisBehind * const *)b;

  if (ba->days_late != bb->days_late)
    return ba->days_late > bb->days_late ? -1 : 1;

  return trellis_learner_compare (ba->learner, bb->learner, NULL);
}

GPtrArray *
trellis_progress_list_behind (TrellisClassroom  *classroom,
                              TrellisPlaylist   *playlist,
                              GError           **error)
{
  g_autoptr(GPtrArray) result = g_ptr_array_new_with_free_func ((GDestroyNotify)trellis_behind_free);
  g_autoptr(GHashTable) milestones = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *today = NULL;
  GListModel *playlists;
  GDate today_date;
  int rc;

  g_return_val_if_fail (TRELLIS_IS_CLASSROOM (classroom), NULL);
  g_return_val_if_fail (playlist == NULL || TRELLIS_IS_PLAYLIST (playlist), NULL);

  /* The milestones, as the objects the views hold. */
  playlists = trellis_classroom_get_playlists (classroom);
  for (guint i = 0; i < g_list_model_get_n_items (playlists); i++)
    {
      g_autoptr(TrellisPlaylist) p = g_list_model_get_item (playlists, i);
      GListModel *nodes;

      if (playlist != NULL && p != playlist)
        continue;

      nodes = trellis_classroom_get_nodes (classroom, p, NULL);
      for (guint j = 0; nodes != NULL && j < g_list_model_get_n_items (nodes); j++)
        {
          g_autoptr(TrellisNode) node = g_list_model_get_item (nodes, j);

          if (trellis_node_get_kind (node) == TRELLIS_NODE_KIND_MILESTONE)
            g_hash_table_insert (milestones, g_memdup2 (&(gint64) { trellis_node_get_id (node) }, sizeof (gint64)),
                                 g_object_ref (node));
        }
    }

  today = trellis_classroom_today (classroom);
  parse_date (today, &today_date);

  stmt = trellis_classroom_prepare (classroom,
                                    "SELECT l.id, n.id, n.target_date FROM learners l CROSS JOIN nodes n "
                                    "LEFT JOIN progress p ON p.learner_id = l.id AND p.node_id = n.id "
                                    "WHERE l.trashed = 0 AND n.kind = 'milestone' AND n.target_date IS NOT NULL "
                                    "  AND n.target_date < ?1 AND (?2 = 0 OR n.playlist_id = ?2) "
                                    "  AND coalesce (p.status, 'not_started') NOT IN ('submitted', 'complete')",
                                    error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, today, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, playlist != NULL ? trellis_playlist_get_id (playlist) : 0);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 node_id = sqlite3_column_int64 (stmt, 1);
      TrellisLearner *learner = trellis_classroom_lookup_learner (classroom, sqlite3_column_int64 (stmt, 0));
      TrellisNode *milestone = g_hash_table_lookup (milestones, &node_id);
      TrellisBehind *behind;
      GDate target;

      if (learner == NULL || milestone == NULL ||
          !parse_date ((const char *)sqlite3_column_text (stmt, 2), &target))
        continue;

      behind = g_new0 (TrellisBehind, 1);
      behind->learner = g_object_ref (learner);
      behind->milestone = g_object_ref (milestone);
      behind->days_late = g_date_days_between (&target, &today_date);
      g_ptr_array_add (result, behind);
    }

  if (rc != SQLITE_DONE)
    {
      trellis_classroom_set_db_error (classroom, rc, error);
      return NULL;
    }

  g_ptr_array_sort (result, compare_behind);
  return g_steal_pointer (&result);
}

/* trellis-gradebook.c
 *
 * Copyright 2026 The Trellis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trellis-gradebook"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "trellis-classroom-private.h"
#include "trellis-gradebook.h"
#include "trellis-mastery.h"
#include "trellis-store-private.h"

void
trellis_gradebook_item_free (TrellisGradebookItem *item)
{
  if (item == NULL)
    return;

  g_free (item->source);
  g_free (item->lms_id);
  g_free (item->title);
  g_free (item);
}

/* Whether @sql with ?1 = @id finds a row. */
static gboolean
row_exists (TrellisClassroom  *classroom,
            const char        *sql,
            gint64             id,
            gboolean          *exists,
            GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = trellis_classroom_prepare (classroom, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      trellis_classroom_set_db_error (classroom, rc, error);
      return FALSE;
    }

  *exists = rc == SQLITE_ROW;
  return TRUE;
}

/* Inside the caller's transaction; its statements are finalized on return. */
static gboolean
write_mapping (TrellisClassroom  *classroom,
               gint64             item_id,
               gint64             skill_id,
               gint64             node_id,
               GError           **error)
{
  g_autoptr(sqlite3_stmt) update_item = NULL;
  g_autoptr(sqlite3_stmt) update_evidence = NULL;
  g_autoptr(sqlite3_stmt) learners = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;

  /* The learners whose states change: those with evidence on the item. */
  learners = trellis_classroom_prepare (classroom,
                                        "SELECT DISTINCT learner_id FROM evidence WHERE item_id = ?1",
                                        error);
  if (learners == NULL)
    return FALSE;
  sqlite3_bind_int64 (learners, 1, item_id);
  while ((rc = sqlite3_step (learners)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (learners, 0);

      g_array_append_val (ids, id);
    }
  if (rc != SQLITE_DONE)
    {
      trellis_classroom_set_db_error (classroom, rc, error);
      return FALSE;
    }

  update_item = trellis_classroom_prepare (classroom,
                                           "UPDATE gradebook_items SET skill_id = ?2, node_id = ?3 WHERE id = ?1",
                                           error);
  update_evidence = trellis_classroom_prepare (classroom,
                                               "UPDATE evidence SET skill_id = ?2, node_id = ?3 WHERE item_id = ?1",
                                               error);
  if (update_item == NULL || update_evidence == NULL)
    return FALSE;

  sqlite3_bind_int64 (update_item, 1, item_id);
  _trellis_bind_id_or_null (update_item, 2, skill_id);
  _trellis_bind_id_or_null (update_item, 3, node_id);
  sqlite3_bind_int64 (update_evidence, 1, item_id);
  _trellis_bind_id_or_null (update_evidence, 2, skill_id);
  _trellis_bind_id_or_null (update_evidence, 3, node_id);
  if (!trellis_classroom_step (classroom, update_item, error) ||
      !trellis_classroom_step (classroom, update_evidence, error))
    return FALSE;

  for (guint i = 0; i < ids->len; i++)
    if (!trellis_mastery_update_state (classroom, g_array_index (ids, gint64, i), 0, error))
      return FALSE;

  /* The item's evidence now counts for another skill. */
  if (ids->len > 0)
    _trellis_classroom_note_change (classroom, TRELLIS_DATA_EVIDENCE, 0, 0);

  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Public API                                                          */

GPtrArray *
trellis_gradebook_list_items (TrellisClassroom  *classroom,
                              GError           **error)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (TRELLIS_IS_CLASSROOM (classroom), NULL);

  stmt = trellis_classroom_prepare (classroom,
                                    "SELECT g.id, g.source, g.lms_id, g.title, g.points_possible, "
                                    "       g.skill_id, g.node_id, "
                                    "       (SELECT count(*) FROM evidence e WHERE e.item_id = g.id) "
                                    "FROM gradebook_items g ORDER BY g.title COLLATE NOCASE, g.id",
                                    error);
  if (stmt == NULL)
    return NULL;

  items = g_ptr_array_new_with_free_func ((GDestroyNotify) trellis_gradebook_item_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TrellisGradebookItem *item = g_new0 (TrellisGradebookItem, 1);

      item->id = sqlite3_column_int64 (stmt, 0);
      item->source = _trellis_column_dup (stmt, 1);
      item->lms_id = _trellis_column_dup (stmt, 2);
      item->title = _trellis_column_dup (stmt, 3);
      item->points_possible = sqlite3_column_type (stmt, 4) == SQLITE_NULL ? -1.0
                                                                           : sqlite3_column_double (stmt, 4);
      item->skill_id = sqlite3_column_int64 (stmt, 5);
      item->node_id = sqlite3_column_int64 (stmt, 6);
      item->n_scores = (guint) sqlite3_column_int64 (stmt, 7);
      g_ptr_array_add (items, item);
    }
  if (rc != SQLITE_DONE)
    {
      trellis_classroom_set_db_error (classroom, rc, error);
      return NULL;
    }

  return g_steal_pointer (&items);
}

gboolean
trellis_gradebook_map_item (TrellisClassroom  *classroom,
                            gint64             item_id,
                            gint64             skill_id,
                            gint64             node_id,
                            GError           **error)
{
  gboolean exists = FALSE;
  gboolean written;

  g_return_val_if_fail (TRELLIS_IS_CLASSROOM (classroom), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!row_exists (classroom, "SELECT 1 FROM gradebook_items WHERE id = ?1", item_id, &exists, error))
    return FALSE;
  if (!exists)
    return _trellis_set_not_found (error, _("No such gradebook column"));

  if (skill_id < 0 || node_id < 0)
    return _trellis_set_invalid (error, _("The skill or node is not valid"));

  if (skill_id > 0)
    {
      if (!row_exists (classroom, "SELECT 1 FROM skills WHERE id = ?1", skill_id, &exists, error))
        return FALSE;
      if (!exists)
        return _trellis_set_not_found (error, _("No such skill"));
    }

  if (node_id > 0)
    {
      if (!row_exists (classroom, "SELECT 1 FROM nodes WHERE id = ?1", node_id, &exists, error))
        return FALSE;
      if (!exists)
        return _trellis_set_not_found (error, _("No such playlist node"));
    }

  if (!trellis_classroom_begin (classroom, error))
    return FALSE;
  written = write_mapping (classroom, item_id, skill_id, node_id, error);
  return _trellis_finish_edit (classroom, written, error);
}

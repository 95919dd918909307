/* trellis-classroom-curriculum.c
 *
 * Copyright 2026 The Trellis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trellis-classroom"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "trellis-classroom-private.h"
#include "trellis-row-snapshot-private.h"
#include "trellis-store-private.h"

/*
 * The curriculum side of TrellisClassroom: skills, playlists and the nodes
 * of each playlist, each as a GListModel that changes precisely.
 *
 * Every edit follows the same steps: validate, write in one transaction
 * (a static write_…() helper owns its statements, so they are finalized
 * before COMMIT), and only once the transaction is committed update the
 * objects and the lists.  A failed edit leaves the file and the lists as
 * they were.
 *
 * Skills and playlists are loaded with the classroom.  Node lists are made
 * on demand, one per playlist (its top-level nodes) and one per choice
 * group (its options), and kept for the life of the classroom so that the
 * same node is always the same object.  Node lists are ordered by their
 * `position` column; an edit that changes the order renumbers the
 * positions of the list 0, 1, 2… in the same transaction.
 *
 * Choice groups: the options of a group are activities (no nested groups).
 * A group asks learners to pick between choose-min and choose-max options:
 * 0 ≤ min ≤ max and max ≥ 1 always hold; once a group has options, max may
 * not exceed their number.  A group without options yet accepts any bounds
 * (it is being built; the builder warns), and deleting an option lowers
 * the bounds to the number of options left if needed, in the same
 * transaction, so that a group never asks for more options than it had.
 */

#define SKILL_COLUMNS "id, code, name, description, position"
#define PLAYLIST_COLUMNS "id, uid, title, description, starts_on, ends_on"
#define NODE_COLUMNS "id, playlist_id, parent_id, uid, kind, title, instructions, resource_url, " \
                     "estimated_minutes, social_mode, choose_min, choose_max, suggested_date, " \
                     "target_date, must_show, is_starter, is_challenge"

static gint64 *
int64_key (gint64 value)
{
  gint64 *key = g_new (gint64, 1);

  *key = value;
  return key;
}

/* Runs a query that returns one integer (count(*), max(…)). */
static gboolean
query_int64 (TrellisClassroom  *self,
             sqlite3_stmt      *stmt,
             gint64            *value,
             GError           **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_ROW)
    {
      trellis_classroom_set_db_error (self, rc, error);
      return FALSE;
    }

  *value = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

/* Whether a query with a bound key finds a row; FALSE with @error on failure. */
static gboolean
query_exists (TrellisClassroom  *self,
              sqlite3_stmt      *stmt,
              gboolean          *exists,
              GError           **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      trellis_classroom_set_db_error (self, rc, error);
      return FALSE;
    }

  *exists = rc == SQLITE_ROW;
  return TRUE;
}

/* Valid UTF-8, NFC, stripped and not empty. */
static char *
normalize_required (const char  *text,
                    const char  *empty_message,
                    GError     **error)
{
  g_autofree char *copy = NULL;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    {
      g_set_error_literal (error, TRELLIS_CLASSROOM_ERROR, TRELLIS_CLASSROOM_ERROR_INVALID,
                           _("The text is not valid"));
      return NULL;
    }

  copy = g_strstrip (g_utf8_normalize (text, -1, G_NORMALIZE_DEFAULT_COMPOSE));
  if (*copy == '\0')
    {
      g_set_error_literal (error, TRELLIS_CLASSROOM_ERROR, TRELLIS_CLASSROOM_ERROR_INVALID,
                           empty_message);
      return NULL;
    }

  return g_steal_pointer (&copy);
}

/*
 * A new identifier, unique in @table's `uid` column: @prefix and 32 hex
 * digits, a valid XML ID as Common Cartridge needs.
 */
static char *
generate_uid (TrellisClassroom  *self,
              const char        *table,
              const char        *prefix,
              GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *sql = g_strdup_printf ("SELECT 1 FROM %s WHERE uid = ?1", table);

  stmt = trellis_classroom_prepare (self, sql, error);
  if (stmt == NULL)
    return NULL;

  for (;;)
    {
      g_autofree char *uuid = g_uuid_string_random ();
      g_autoptr(GString) uid = g_string_new (prefix);
      gboolean exists;

      for (const char *p = uuid; *p != '\0'; p++)
        if (*p != '-')
          g_string_append_c (uid, *p);

      sqlite3_reset (stmt);
      sqlite3_bind_text (stmt, 1, uid->str, -1, SQLITE_TRANSIENT);
      if (!query_exists (self, stmt, &exists, error))
        return NULL;

      if (!exists)
        return g_string_free (g_steal_pointer (&uid), FALSE);
    }
}

/* ------------------------------------------------------------------ */
/* Rows to objects                                                     */

/* Row to object functions return gpointer so that load_rows() takes them all. */
static gpointer
skill_from_row (sqlite3_stmt *stmt)
{
  TrellisSkill *skill;

  skill = trellis_skill_new (sqlite3_column_int64 (stmt, 0), _trellis_column_text (stmt, 1),
                             _trellis_column_text (stmt, 2));
  trellis_skill_set_description (skill, _trellis_column_text (stmt, 3));
  trellis_skill_set_position (skill, sqlite3_column_int64 (stmt, 4));

  return skill;
}

static gpointer
playlist_from_row (sqlite3_stmt *stmt)
{
  TrellisPlaylist *playlist;

  playlist = trellis_playlist_new (sqlite3_column_int64 (stmt, 0), _trellis_column_text (stmt, 1),
                                   _trellis_column_text (stmt, 2));
  trellis_playlist_set_description (playlist, _trellis_column_text (stmt, 3));
  trellis_playlist_set_starts_on (playlist, _trellis_column_text (stmt, 4));
  trellis_playlist_set_ends_on (playlist, _trellis_column_text (stmt, 5));

  return playlist;
}

static gpointer
node_from_row (sqlite3_stmt *stmt)
{
  TrellisNodeKind kind = TRELLIS_NODE_KIND_ACTIVITY;
  TrellisSocialMode mode = TRELLIS_SOCIAL_MODE_SOLO;
  TrellisNode *node;

  /* The schema's CHECK constraints keep both texts valid. */
  trellis_node_kind_from_string (_trellis_column_text (stmt, 4), &kind);
  trellis_social_mode_from_string (_trellis_column_text (stmt, 9), &mode);

  node = trellis_node_new (sqlite3_column_int64 (stmt, 0),
                           sqlite3_column_int64 (stmt, 1),
                           sqlite3_column_int64 (stmt, 2),
                           _trellis_column_text (stmt, 3),
                           kind,
                           _trellis_column_text (stmt, 5));
  trellis_node_set_instructions (node, _trellis_column_text (stmt, 6));
  trellis_node_set_resource_url (node, _trellis_column_text (stmt, 7));
  if (sqlite3_column_type (stmt, 8) != SQLITE_NULL)
    trellis_node_set_estimated_minutes (node, (int)CLAMP (sqlite3_column_int64 (stmt, 8), 0, G_MAXINT));
  trellis_node_set_social_mode (node, mode);
  trellis_node_set_choose_min (node, (guint)CLAMP (sqlite3_column_int64 (stmt, 10), 0, G_MAXUINT));
  trellis_node_set_choose_max (node, (guint)CLAMP (sqlite3_column_int64 (stmt, 11), 0, G_MAXUINT));
  trellis_node_set_suggested_date (node, _trellis_column_text (stmt, 12));
  trellis_node_set_target_date (node, _trellis_column_text (stmt, 13));
  trellis_node_set_must_show (node, _trellis_column_text (stmt, 14));
  trellis_node_set_is_starter (node, sqlite3_column_int (stmt, 15) != 0);
  trellis_node_set_is_challenge (node, sqlite3_column_int (stmt, 16) != 0);

  return node;
}

static int
compare_skill_pointers (gconstpointer a,
                        gconstpointer b,
                        gpointer      user_data)
{
  return trellis_skill_compare (*(gconstpointer *)a, *(gconstpointer *)b, user_data);
}

/* Runs a SELECT and puts one object per row, made by @from_row, in @store. */
static gboolean
load_rows (TrellisClassroom  *self,
           sqlite3_stmt      *stmt,
           gpointer         (*from_row) (sqlite3_stmt *stmt),
           GCompareDataFunc   sort_func,
           GListStore        *store,
           GError           **error)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (items, from_row (stmt));

  if (rc != SQLITE_DONE)
    {
      trellis_classroom_set_db_error (self, rc, error);
      return FALSE;
    }

  if (sort_func != NULL)
    g_ptr_array_sort_with_data (items, sort_func, NULL);

  g_list_store_splice (store, g_list_model_get_n_items (G_LIST_MODEL (store)), 0,
                       items->pdata, items->len);
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Private API for trellis-classroom.c                                 */

void
_trellis_classroom_init_curriculum (TrellisClassroom *self)
{
  self->skills = g_list_store_new (TRELLIS_TYPE_SKILL);
  self->playlists = g_list_store_new (TRELLIS_TYPE_PLAYLIST);
  self->top_nodes = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  self->child_nodes = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
}

void
_trellis_classroom_clear_curriculum (TrellisClassroom *self)
{
  g_clear_pointer (&self->child_nodes, g_hash_table_unref);
  g_clear_pointer (&self->top_nodes, g_hash_table_unref);
  g_clear_object (&self->playlists);
  g_clear_object (&self->skills);
}

gboolean
_trellis_classroom_load_curriculum (TrellisClassroom  *self,
                                    GError           **error)
{
  g_autoptr(sqlite3_stmt) skills = NULL;
  g_autoptr(sqlite3_stmt) playlists = NULL;

  skills = trellis_classroom_prepare (self, "SELECT " SKILL_COLUMNS " FROM skills", error);
  if (skills == NULL ||
      !load_rows (self, skills, skill_from_row, compare_skill_pointers, self->skills, error) ||
      !_trellis_classroom_load_skill_prerequisites (self, error))
    return FALSE;

  playlists = trellis_classroom_prepare (self,
                                         "SELECT " PLAYLIST_COLUMNS " FROM playlists "
                                         "ORDER BY position, id",
                                         error);
  if (playlists == NULL ||
      !load_rows (self, playlists, playlist_from_row, NULL, self->playlists, error))
    return FALSE;

  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Skills                                                              */

/**
 * trellis_classroom_get_skills:
 *
 * Returns: (transfer none): a #GListModel of #TrellisSkill, sorted by
 *   position then code (trellis_skill_compare()), that changes precisely
 *   as skills are added, edited or deleted.
 */
GListModel *
trellis_classroom_get_skills (TrellisClassroom *self)
{
  g_return_val_if_fail (TRELLIS_IS_CLASSROOM (self), NULL);

  return G_LIST_MODEL (self->skills);
}

/**
 * trellis_classroom_lookup_skill:
 *
 * Returns: (transfer none) (nullable): the skill with @id.
 */
TrellisSkill *
trellis_classroom_lookup_skill (TrellisClassroom *self,
                                gint64            id)
{
  g_return_val_if_fail (TRELLIS_IS_CLASSROOM (self), NULL);

  return _trellis_model_lookup_id (G_LIST_MODEL (self->skills), (TrellisIdFunc)trellis_skill_get_id, id);
}

/**
 * trellis_classroom_find_skill:
 * @code_or_id: a skill's id, its code, or its exact name
 *
 * Finds a skill the way the command line names it: by id, else by code
 * (unique), else by name; a name shared by two skills is ambiguous.
 *
 * Returns: (transfer none) (nullable): the skill
 */
TrellisSkill *
trellis_classroom_find_skill (TrellisClassroom  *self,
                              const char        *code_or_id,
                              GError           **error)
{
  GListModel *model;
  TrellisSkill *found = NULL;
  gint64 id;
  guint n;

  g_return_val_if_fail (TRELLIS_IS_CLASSROOM (self), NULL);
  g_return_val_if_fail (code_or_id != NULL, NULL);

  if (_trellis_parse_id (code_or_id, &id) && (found = trellis_classroom_lookup_skill (self, id)) != NULL)
    return found;

  model = G_LIST_MODEL (self->skills);
  n = g_list_model_get_n_items (model);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TrellisSkill) skill = g_list_model_get_item (model, i);

      if (g_strcmp0 (trellis_skill_get_code (skill), code_or_id) == 0)
        return skill;
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TrellisSkill) skill = g_list_model_get_item (model, i);

      if (g_strcmp0 (trellis_skill_get_name (skill), code_or_id) != 0)
        continue;

      if (found != NULL)
        {
          g_set_error (error, TRELLIS_CLASSROOM_ERROR, TRELLIS_CLASSROOM_ERROR_NO_SUCH_ITEM,
                       _("More than one skill is called “%s”; use the code or the id instead"),
                       code_or_id);
          return NULL;
        }
      found = skill;
    }

  if (found == NULL)
    g_set_error (error, TRELLIS_CLASSROOM_ERROR, TRELLIS_CLASSROOM_ERROR_NO_SUCH_ITEM,
                 _("No skill “%s” in this classroom"), code_or_id);

  return found;
}

static gboolean
check_skill_code_free (TrellisClassroom  *self,
                       const char        *code,
                       gint64             except_id,
                       GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean exists;

  stmt = trellis_classroom_prepare (self, "SELECT 1 FROM skills WHERE code = ?1 AND id <> ?2", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, code, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, except_id);
  if (!query_exists (self, stmt, &exists, error))
    return FALSE;

  if (exists)
    {
      g_set_error (error, TRELLIS_CLASSROOM_ERROR, TRELLIS_CLASSROOM_ERROR_EXISTS,
                   _("A skill with the code “%s” already exists"), code);
      return FALSE;
    }

  return TRUE;
}

static gboolean
write_new_skill (TrellisClassroom  *self,
                 const char        *code,
                 const char        *name,
                 gint64            *id,
                 gint64            *position,
                 GError           **error)
{
  g_autoptr(sqlite3_stmt) max = NULL;
  g_autoptr(sqlite3_stmt) insert = NULL;

  if (!check_skill_code_free (self, code, 0, error))
    return FALSE;

  /* New skills go last. */
  max = trellis_classroom_prepare (self, "SELECT coalesce (max (position) + 1, 0) FROM skills", error);
  if (max == NULL || !query_int64 (self, max, position, error))
    return FALSE;

  insert = trellis_classroom_prepare (self,
                                      "INSERT INTO skills (code, name, position) VALUES (?1, ?2, ?3)",
                                      error);
  if (insert == NULL)
    return FALSE;
  sqlite3_bind_text (insert, 1, code, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (insert, 2, name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (insert, 3, *position);
  if (!trellis_classroom_step (self, insert, error))
    return FALSE;

  *id = sqlite3_last_insert_rowid (trellis_classroom_get_db (self));
  return TRUE;
}

/**
 * trellis_classroom_add_skill:
 * @code: the skill's code, unique in the classroom
 * @name: the skill's name
 *
 * Adds a skill at the end of the skill list (one transaction).  A code
 * already in use is refused with %TRELLIS_CLASSROOM_ERROR_EXISTS.
 *
 * Returns: (transfer none) (nullable): the new skill
 */
TrellisSkill *
trellis_classroom_add_skill (TrellisClassroom  *self,
                             const char        *code,
                             const char        *name,
                             GError           **error)
{
  g_autoptr(TrellisSkill) skill = NULL;
  g_autofree char *clean_code = NULL;
  g_autofree char *clean_name = NULL;
  gint64 id = 0;
  gint64 position = 0;
  gboolean written;

  g_return_val_if_fail (TRELLIS_IS_CLASSROOM (self), NULL);

  if ((clean_code = normalize_required (code, _("A skill needs a code"), error)) == NULL ||
      (clean_name = normalize_required (name, _("A skill needs a name"), error)) == NULL)
    return NULL;

  if (!trellis_classroom_begin (self, error))
    return NULL;
  written = write_new_skill (self, clean_code, clean_name, &id, &position, error);
  if (!_trellis_finish_edit (self, written, error))
    return NULL;

  skill = trellis_skill_new (id, clean_code, clean_name);
  trellis_skill_set_position (skill, position);
  g_list_store_insert_sorted (self->skills, skill, trellis_skill_compare, NULL);

  return skill;
}

static gboolean
check_skill_present (TrellisClassroom  *self,
                     TrellisSkill      *skill,
                     guint             *position,
                     GError           **error)
{
  if (g_list_store_find (self->skills, skill, position))
    return TRUE;

  g_set_error_literal (error, TRELLIS_CLASSROOM_ERROR, TRELLIS_CLASSROOM_ERROR_NO_SUCH_ITEM,
                       _("The skill is no longer in this classroom"));
  return FALSE;
}

static gboolean
write_skill (TrellisClassroom  *self,
             gint64             id,
             const char        *code,
             const char        *name,
             const char        *description,
             GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (!check_skill_code_free (self, code, id, error))
    return FALSE;

  stmt = trellis_classroom_prepare (self,
                                    "UPDATE skills SET code = ?1, name = ?2, description = ?3 "
                                    "WHERE id = ?4",
                                    error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, code, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, name, -1, SQLITE_TRANSIENT);
  if (description != NULL)
    sqlite3_bind_text (stmt, 3, description, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 4, id);

  return trellis_classroom_step (self, stmt, error);
}

/**
 * trellis_classroom_update_skill:
 * @code: the new code, unique in the classroom
 * @name: the new name
 * @description: (nullable): the new description; %NULL or "" for none
 *
 * Changes a skill (one transaction).  The skill list emits items-changed
 * only when the new code moves the skill to another place in the list
 * (one removal, then one insertion); otherwise the skill's properties
 * notify and the list stays as it is.
 */
gboolean
trellis_classroom_update_skill (TrellisClassroom  *self,
                                TrellisSkill      *skill,
                                const char        *code,
                                const char        *name,
                                const char        *description,
                                GError           **error)
{
  g_autoptr(TrellisSkill) probe = NULL;
  g_autofree char *clean_code = NULL;
  g_autofree char *clean_name = NULL;
  g_autofree char *clean_description = NULL;
  GListModel *model;
  gboolean written;
  gboolean moves = FALSE;
  guint position;
  guint n;

  g_return_val_if_fail (TRELLIS_IS_CLASSROOM (self), FALSE);
  g_return_val_if_fail (TRELLIS_IS_SKILL (skill), FALSE);

  if (!check_skill_present (self, skill, &position, error) ||
      (clean_code = normalize_required (code, _("A skill needs a code"), error)) == NULL ||
      (clean_name = normalize_required (name, _("A skill needs a name"), error)) == NULL ||
      !_trellis_normalize_text (description, &clean_description, error))
    return FALSE;

  if (g_strcmp0 (clean_code, trellis_skill_get_code (skill)) == 0 &&
      g_strcmp0 (clean_name, trellis_skill_get_name (skill)) == 0 &&
      g_strcmp0 (clean_description, trellis_skill_get_description (skill)) == 0)
    return TRUE;

  if (!trellis_classroom_begin (self, error))
    return FALSE;
  written = write_skill (self, trellis_skill_get_id (skill), clean_code, clean_name,
                         clean_description, error);
  if (!_trellis_finish_edit (self, written, error))
    return FALSE;

  /* Does the new code take the skill out of order with its neighbours? */
  model = G_LIST_MODEL (self->skills);
  probe = trellis_skill_new (trellis_skill_get_id (skill), clean_code, clean_name);
  trellis_skill_set_position (probe, trellis_skill_get_position (skill));
  n = g_list_model_get_n_items (model);
  if (position > 0)
    {
      g_autoptr(TrellisSkill) previous = g_list_model_get_item (model, position - 1);

      moves = trellis_skill_compare (previous, probe, NULL) > 0;
    }
  if (!moves && position + 1 < n)
    {
      g_autoptr(TrellisSkill) next = g_list_model_get_item (model, position + 1);

      moves = trellis_skill_compare (probe, next, NULL) > 0;
    }

  g_object_ref (skill);
  if (moves)
    g_list_store_remove (self->skills, position);

  g_object_freeze_notify (G_OBJECT (skill));
  trellis_skill_set_code (skill, clean_code);
  trellis_skill_set_name (skill, clean_name);
  trellis_skill_set_description (skill, clean_description);
  g_object_thaw_notify (G_OBJECT (skill));

  if (moves)
    g_list_store_insert_sorted (self->skills, skill, trellis_skill_compare, NULL);
  g_object_unref (skill);

  return TRUE;
}

static gboolean
write_delete (TrellisClassroom  *self,
              const char        *sql,
              gint64             id,
              const char        *gone_message,
              GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = trellis_classroom_prepare (self, sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!trellis_classroom_step (self, stmt, error))
    return FALSE;

  if (sqlite3_changes (trellis_classroom_get_db (self)) != 1)
    {
      g_set_error_literal (error, TRELLIS_CLASSROOM_ERROR, TRELLIS_CLASSROOM_ERROR_NO_SUCH_ITEM,
                           gone_message);
      return FALSE;
    }

  return TRUE;
}

/*
 * Deletes the row of @table with id @id, as write_delete(); with @rows,
 * first captures the rows the deletion removes or changes (@where picks
 * them, ?1 being @id) so that _trellis_row_snapshot_restore() can put them
 * back.
 */
static gboolean
write_delete_keeping (TrellisClassroom    *self,
                      const char          *table,
                      const char          *where,
                      gint64               id,
                      TrellisRowSnapshot **rows,
                      const char          *gone_message,
                      GError             **error)
{
  g_autofree char *sql = g_strdup_printf ("DELETE FROM %s WHERE id = ?1", table);

  if (rows != NULL && (*rows = _trellis_row_snapshot_capture (self, table, where, id, error)) == NULL)
    return FALSE;

  return write_delete (self, sql, id, gone_message, error);
}

/*
 * Says in plain words why a restore's rows could not go back: a row they
 * refer to is gone (@gone_message; also for %TRELLIS_CLASSROOM_ERROR_INVALID
 * with @invalid_is_gone, a foreign key that fails), or a new row took the
 * id of one of them (@taken_message).  Other errors stay as they are.
 */
static void
explain_restore_error (GError     **error,
                       gboolean     invalid_is_gone,
                       const char  *gone_message,
                       const char  *taken_message)
{
  if (error == NULL || *error == NULL || (*error)->domain != TRELLIS_CLASSROOM_ERROR)
    return;

  if ((*error)->code == TRELLIS_CLASSROOM_ERROR_NO_SUCH_ITEM ||
      (invalid_is_gone && (*error)->code == TRELLIS_CLASSROOM_ERROR_INVALID))
    {
      g_clear_error (error);
      _trellis_set_not_found (error, gone_message);
    }
  else if ((*error)->code == TRELLIS_CLASSROOM_ERROR_EXISTS)
    {
      g_clear_error (error);
      g_set_error_literal (error, TRELLIS_CLASSROOM_ERROR, TRELLIS_CLASSROOM_ERROR_EXISTS, taken_message);
    }
}

struct _TrellisSkillSnapshot
{
  TrellisRowSnapshot *rows;
  gint64              id;
  char               *code;
};

/* Deletes @skill; with @snapshot, first captures what to put back. */
static gboolean
delete_skill (TrellisClassroom      *self,
              TrellisSkill          *skill,
              TrellisSkillSnapshot **snapshot,
              GError               **error)
{
  g_autoptr(TrellisSkillSnapshot) saved = NULL;
  gboolean written;
  guint position;
  gint64 id = trellis_skill_get_id (skill);

  if (!check_skill_present (self, skill, &position, error))
    return FALSE;

  if (snapshot != NULL)
    {
      saved = g_new0 (TrellisSkillSnapshot, 1);
      saved->id = id;
      saved->code = g_strdup (trellis_skill_get_code (skill));
    }

  if (!trellis_classroom_begin (self, error))
    return FALSE;
  _trellis_classroom_note_change (self, TRELLIS_DATA_CURRICULUM, 0, 0);
  written = write_delete_keeping (self, "skills", "id = ?1", id, saved != NULL ? &saved->rows : NULL,
                                  _("The skill is no longer in this classroom"), error);
  if (!_trellis_finish_edit (self, written, error))
    return FALSE;

  g_list_store_remove (self->skills, position);
  _trellis_classroom_forget_skill_prerequisite (self, id);

  if (snapshot != NULL)
    *snapshot = g_steal_pointer (&saved);
  return TRUE;
}

/**
 * trellis_classroom_delete_skill:
 *
 * Deletes a skill for good (one transaction), and with it everything that
 * only means something for this skill: its evidence, mastery estimates,
 * prerequisite links and the links of playlists, nodes and goals to it.
 * Emits ::data-changed with %TRELLIS_DATA_CURRICULUM.
 */
gboolean
trellis_classroom_delete_skill (TrellisClassroom  *self,
                                TrellisSkill      *skill,
                                GError           **error)
{
  g_return_val_if_fail (TRELLIS_IS_CLASSROOM (self), FALSE);
  g_return_val_if_fail (TRELLIS_IS_SKILL (skill), FALSE);

  return delete_skill (self, skill, NULL, error);
}

/**
 * trellis_classroom_delete_skill_undoable:
 *
 * trellis_classroom_delete_skill(), keeping what it deletes: the skill's
 * row, its prerequisite links both ways, the links of playlists, nodes and
 * goals to it, its evidence, mastery parameters and estimates, the
 * recommendations about it, and the gradebook items and groups it
 * unlinks, ids and all.  trellis_classroom_restore_skill() puts it all
 * back.
 *
 * Returns: (transfer full) (nullable): what to restore the skill from;
 *   free with trellis_skill_snapshot_free()
 */
TrellisSkillSnapshot *
trellis_classroom_delete_skill_undoable (TrellisClassroom  *self,
                                         TrellisSkill      *skill,
                                         GError           **error)
{
  TrellisSkillSnapshot *snapshot = NULL;

  g_return_val_if_fail (TRELLIS_IS_CLASSROOM (self), NULL);
  g_return_val_if_fail (TRELLIS_IS_SKILL (skill), NULL);

  if (!delete_skill (self, skill, &snapshot, error))
    return NULL;

  return snapshot;
}

static TrellisSkill *
load_skill (TrellisClassroom  *self,
            gint64             id,
            GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = trellis_classroom_prepare (self, "SELECT " SKILL_COLUMNS " FROM skills WHERE id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      if (rc == SQLITE_DONE)
        _trellis_set_not_found (error, _("The skill is no longer in this classroom"));
      else
        trellis_classroom_set_db_error (self, rc, error);
      return NULL;
    }

  return skill_from_row (stmt);
}

/* Puts the rows back; reads the skill and its prerequisite links, both ways, as pairs of ids. */
static gboolean
write_restore_skill (TrellisClassroom      *self,
                     TrellisSkillSnapshot  *snapshot,
                     TrellisSkill         **restored,
                     GArray                *links,
                     GError               **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (!_trellis_row_snapshot_restore (self, snapshot->rows, error) ||
      (*restored = load_skill (self, snapshot->id, error)) == NULL)
    return FALSE;

  stmt = trellis_classroom_prepare (self,
                                    "SELECT skill_id, prerequisite_id FROM skill_prerequisites "
                                    "WHERE skill_id = ?1 OR prerequisite_id = ?1",
                                    error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, snapshot->id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 link[2] = { sqlite3_column_int64 (stmt, 0), sqlite3_column_int64 (stmt, 1) };

      g_array_append_vals (links, link, 2);
    }
  if (rc != SQLITE_DONE)
    {
      trellis_classroom_set_db_error (self, rc, error);
      return FALSE;
    }

  return TRUE;
}

/* Sets TRELLIS_CLASSROOM_ERROR_EXISTS. */
static void
set_exists (GError     **error,
            const char  *message)
{
  g_set_error_literal (error, TRELLIS_CLASSROOM_ERROR, TRELLIS_CLASSROOM_ERROR_EXISTS, message);
}

static gboolean
skill_code_taken (TrellisClassroom *self,
                  const char       *code)
{
  GListModel *model = G_LIST_MODEL (self->skills);
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TrellisSkill) skill = g_list_model_get_item (model, i);

      if (g_strcmp0 (trellis_skill_get_code (skill), code) == 0)
        return TRUE;
    }

  return FALSE;
}

static const char skill_taken_message[] =
  N_("The skill cannot come back: something added since it was deleted took its place in the classroom file");

/**
 * trellis_classroom_restore_skill:
 * @snapshot: what trellis_classroom_delete_skill_undoable() returned
 *
 * Puts a deleted skill back as it was (one transaction): same id, code,
 * name and place in the list, its prerequisites and the skills that build
 * on it, the links of playlists, nodes and goals to it, its evidence,
 * mastery parameters and estimates, recommendations, and the links of
 * gradebook items and groups that are unchanged since.  If its code is
 * now another skill's, or a skill added since took its id, nothing is
 * restored and @error says so with %TRELLIS_CLASSROOM_ERROR_EXISTS; if a
 * learner, goal or item its rows belong to is gone, with
 * %TRELLIS_CLASSROOM_ERROR_NO_SUCH_ITEM.  The skill list emits one
 * insertion; skills that build on it notify
 * #TrellisSkill:prerequisite-ids; ::data-changed comes with
 * %TRELLIS_DATA_CURRICULUM.  @snapshot can be used once.
 *
 * Returns: (transfer none) (nullable): the skill, a new object
 */
TrellisSkill *
trellis_classroom_restore_skill (TrellisClassroom      *self,
                                 TrellisSkillSnapshot  *snapshot,
                                 GError               **error)
{
  g_autoptr(TrellisSkill) restored = NULL;
  g_autoptr(GArray) links = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) prerequisites = g_array_new (FALSE, FALSE, sizeof (gint64));
  gboolean written;

  g_return_val_if_fail (TRELLIS_IS_CLASSROOM (self), NULL);
  g_return_val_if_fail (snapshot != NULL, NULL);

  if (snapshot->rows == NULL)
    {
      _trellis_set_not_found (error, _("The skill was already restored"));
      return NULL;
    }

  /* Not restored yet: a skill with its id is a new one that took the id. */
  if (trellis_classroom_lookup_skill (self, snapshot->id) != NULL)
    {
      set_exists (error, _("The skill cannot come back: a skill added since it was deleted took its place "
                           "in the classroom file"));
      return NULL;
    }

  if (skill_code_taken (self, snapshot->code))
    {
      g_set_error (error, TRELLIS_CLASSROOM_ERROR, TRELLIS_CLASSROOM_ERROR_EXISTS,
                   /* Translators: %s is a skill code, "RL.4.1" */
                   _("The skill cannot come back: another skill now has the code “%s”; change that skill’s "
                     "code first"),
                   snapshot->code);
      return NULL;
    }

  if (!trellis_classroom_begin (self, error))
    return NULL;
  _trellis_classroom_note_change (self, TRELLIS_DATA_CURRICULUM, 0, 0);
  written = write_restore_skill (self, snapshot, &restored, links, error);
  /* Taken: the id of a piece of its evidence, or of a recommendation. */
  if (!written)
    explain_restore_error (error, FALSE,
                           _("The skill cannot come back: a learner, goal or playlist item "
                             "its evidence or links belong to was deleted meanwhile"),
                           _(skill_taken_message));
  if (!_trellis_finish_edit (self, written, error))
    return NULL;

  g_clear_pointer (&snapshot->rows, _trellis_row_snapshot_free);
  g_list_store_insert_sorted (self->skills, restored, trellis_skill_compare, NULL);

  /* The prerequisite links, both ways, as the objects know them. */
  for (guint i = 0; i + 1 < links->len; i += 2)
    {
      gint64 skill_id = g_array_index (links, gint64, i);
      gint64 prerequisite_id = g_array_index (links, gint64, i + 1);
      TrellisSkill *dependent;
      g_autoptr(GArray) ids = NULL;
      const gint64 *old_ids;
      guint n_old;

      if (skill_id == snapshot->id)
        {
          g_array_append_val (prerequisites, prerequisite_id);
          continue;
        }
      if ((dependent = trellis_classroom_lookup_skill (self, skill_id)) == NULL)
        continue;
      old_ids = trellis_skill_get_prerequisite_ids (dependent, &n_old);
      ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), n_old + 1);
      g_array_append_vals (ids, old_ids, n_old);
      g_array_append_val (ids, prerequisite_id);
      trellis_skill_set_prerequisite_ids (dependent, (const gint64 *)(gpointer)ids->data, ids->len);
    }
  trellis_skill_set_prerequisite_ids (restored, (const gint64 *)(gpointer)prerequisites->data, prerequisites->len);

  return restored;
}

void
trellis_skill_snapshot_free (TrellisSkillSnapshot *snapshot)
{
  if (snapshot == NULL)
    return;

  g_clear_pointer (&snapshot->rows, _trellis_row_snapshot_free);
  g_free (snapshot->code);
  g_free (snapshot);
}

/* ------------------------------------------------------------------ */
/* Playlists                                                           */

/**
 * trellis_classroom_get_playlists:
 *
 * Returns: (transfer none): a #GListModel of #TrellisPlaylist in the
 *   teacher's order (position, then id), that changes precisely as
 *   playlists are added or deleted.  Renaming a playlist notifies its
 *   #TrellisPlaylist:title and leaves the list as it is.
 */
GListModel *
trellis_classroom_get_playlists (TrellisClassroom *self)
{
  g_return_val_if_fail (TRELLIS_IS_CLASSROOM (self), NULL);

  return G_LIST_MODEL (self->playlists);
}

/**
 * trellis_classroom_lookup_playlist:
 *
 * Returns: (transfer none) (nullable): the playlist with @id.
 */
TrellisPlaylist *
trellis_classroom_lookup_playlist (TrellisClassroom *self,
                                   gint64            id)
{
  g_return_val_if_fail (TRELLIS_IS_CLASSROOM (self), NULL);

  return _trellis_model_lookup_id (G_LIST_MODEL (self->playlists), (TrellisIdFunc)trellis_playlist_get_id, id);
}

/**
 * trellis_classroom_find_playlist:
 * @title_or_id: a playlist's id, or its exact title
 *
 * Finds a playlist the way the command line names it.  A title shared by
 * two playlists is ambiguous and an error: the id must be used.
 *
 * Returns: (transfer none) (nullable): the playlist
 */
TrellisPlaylist *
trellis_classroom_find_playlist (TrellisClassroom  *self,
                                 const char        *title_or_id,
                                 GError           **error)
{
  TrellisPlaylist *found = NULL;
  gint64 id;
  guint n;

  g_return_val_if_fail (TRELLIS_IS_CLASSROOM (self), NULL);
  g_return_val_if_fail (title_or_id != NULL, NULL);

  if (_trellis_parse_id (title_or_id, &id) && (found = trellis_classroom_lookup_playlist (self, id)) != NULL)
    return found;

  n = g_list_model_get_n_items (G_LIST_MODEL (self->playlists));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TrellisPlaylist) playlist = g_list_model_get_item (G_LIST_MODEL (self->playlists), i);

      if (g_strcmp0 (trellis_playlist_get_title (playlist), title_or_id) != 0)
        continue;

      if (found != NULL)
        {
          g_set_error (error, TRELLIS_CLASSROOM_ERROR, TRELLIS_CLASSROOM_ERROR_NO_SUCH_ITEM,
                       _("More than one playlist is called “%s”; use the id instead"), title_or_id);
          return NULL;
        }
      found = playlist;
    }

  if (found == NULL)
    g_set_error (error, TRELLIS_CLASSROOM_ERROR, TRELLIS_CLASSROOM_ERROR_NO_SUCH_ITEM,
                 _("No playlist “%s” in this classroom"), title_or_id);

  return found;
}

static gboolean
write_new_playlist (TrellisClassroom  *self,
                    const char        *title,
                    gint64            *id,
                    char             **uid,
                    GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *now = NULL;

  if ((*uid = generate_uid (self, "playlists", "pl-", error)) == NULL)
    return FALSE;

  now = trellis_classroom_timestamp (self);
  stmt = trellis_classroom_prepare (self,
                                    "INSERT INTO playlists (title, position, uid, created_at) "
                                    "VALUES (?1, (SELECT coalesce (max (position) + 1, 0) FROM playlists), ?2, ?3)",
                                    error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, title, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, *uid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, now, -1, SQLITE_TRANSIENT);
  if (!trellis_classroom_step (self, stmt, error))
    return FALSE;

  *id = sqlite3_last_insert_rowid (trellis_classroom_get_db (self));
  return TRUE;
}

/**
 * trellis_classroom_add_playlist:
 *
 * Adds an empty playlist at the end of the playlist list (one
 * transaction), with a new uid ("pl-" and 32 hex digits) unique in the file.
 *
 * Returns: (transfer none) (nullable): the new playlist
 */
TrellisPlaylist *
trellis_classroom_add_playlist (TrellisClassroom  *self,
                                const char        *title,
                                GError           **error)
{
  g_autoptr(TrellisPlaylist) playlist = NULL;
  g_autofree char *clean = NULL;
  g_autofree char *uid = NULL;
  gboolean written;
  gint64 id = 0;

  g_return_val_if_fail (TRELLIS_IS_CLASSROOM (self), NULL);

  if ((clean = normalize_required (title, _("A playlist needs a title"), error)) == NULL ||
      !trellis_classroom_begin (self, error))
    return NULL;

  written = write_new_playlist (self, clean, &id, &uid, error);
  if (!_trellis_finish_edit (self, written, error))
    return NULL;

  playlist = trellis_playlist_new (id, uid, clean);
  g_list_store_append (self->playlists, playlist);

  return playlist;
}

static gboolean
check_playlist_present (TrellisClassroom  *self,
                        TrellisPlaylist   *playlist,
                        guint             *position,
                        GError           **error)
{
  if (g_list_store_find (self->playlists, playlist, position))
    return TRUE;

  g_set_error_literal (error, TRELLIS_CLASSROOM_ERROR, TRELLIS_CLASSROOM_ERROR_NO_SUCH_ITEM,
                       _("The playlist is no longer in this classroom"));
  return FALSE;
}

static gboolean
write_playlist_title (TrellisClassroom  *self,
                      gint64             id,
                      const char        *title,
                      GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = trellis_classroom_prepare (self, "UPDATE playlists SET title = ?1 WHERE id = ?2", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, title, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, id);

  return trellis_classroom_step (self, stmt, error);
}

/**
 * trellis_classroom_rename_playlist:
 *
 * Renames a playlist (one transaction).  The playlist list is ordered by
 * the teacher, not by title, so it does not change; the playlist notifies
 * #TrellisPlaylist:title.
 */
gboolean
trellis_classroom_rename_playlist (TrellisClassroom  *self,
                                   TrellisPlaylist   *playlist,
                                   const char        *title,
                                   GError           **error)
{
  g_autofree char *clean = NULL;
  gboolean written;

  g_return_val_if_fail (TRELLIS_IS_CLASSROOM (self), FALSE);
  g_return_val_if_fail (TRELLIS_IS_PLAYLIST (playlist), FALSE);

  if (!check_playlist_present (self, playlist, NULL, error) ||
      (clean = normalize_required (title, _("A playlist needs a title"), error)) == NULL)
    return FALSE;

  if (g_strcmp0 (clean, trellis_playlist_get_title (playlist)) == 0)
    return TRUE;

  if (!trellis_classroom_begin (self, error))
    return FALSE;
  written = write_playlist_title (self, trellis_playlist_get_id (playlist), clean, error);
  if (!_trellis_finish_edit (self, written, error))
    return FALSE;

  trellis_playlist_set_title (playlist, clean);
  return TRUE;
}

/* Empties a cached node list (for whoever still holds it) and forgets it. */
static void
drop_node_store (GHashTable *table,
                 gint64      key)
{
  GListStore *store = g_hash_table_lookup (table, &key);

  if (store == NULL)
    return;

  g_object_ref (store);
  g_hash_table_remove (table, &key);
  g_list_store_remove_all (store);
  g_object_unref (store);
}

/* Forgets the node lists of @node and, for a choice group, of its options. */
static void
drop_node_stores_below (TrellisClassroom *self,
                        TrellisNode      *node)
{
  if (trellis_node_get_kind (node) == TRELLIS_NODE_KIND_CHOICE)
    drop_node_store (self->child_nodes, trellis_node_get_id (node));
}

/**
 * trellis_classroom_delete_playlist:
 *
 * Deletes a playlist for good (one transaction), with all its nodes and
 * the progress and choices recorded on them.  Node lists of the playlist
 * that are still held elsewhere are emptied.  Emits ::data-changed with
 * %TRELLIS_DATA_CURRICULUM.
 */
gboolean
trellis_classroom_delete_playlist (TrellisClassroom  *self,
                                   TrellisPlaylist   *playlist,
                                   GError           **error)
{
  GListStore *top;
  gboolean written;
  guint position;
  gint64 id;

  g_return_val_if_fail (TRELLIS_IS_CLASSROOM (self), FALSE);
  g_return_val_if_fail (TRELLIS_IS_PLAYLIST (playlist), FALSE);

  if (!check_playlist_present (self, playlist, &position, error) ||
      !trellis_classroom_begin (self, error))
    return FALSE;

  id = trellis_playlist_get_id (playlist);
  _trellis_classroom_note_change (self, TRELLIS_DATA_CURRICULUM, 0, 0);
  written = write_delete (self, "DELETE FROM playlists WHERE id = ?1", id,
                          _("The playlist is no longer in this classroom"), error);
  if (!_trellis_finish_edit (self, written, error))
    return FALSE;

  g_object_ref (playlist);
  g_list_store_remove (self->playlists, position);

  /* Options lists hang off top-level choice groups, which are all in `top`. */
  top = g_hash_table_lookup (self->top_nodes, &id);
  if (top != NULL)
    {
      guint n = g_list_model_get_n_items (G_LIST_MODEL (top));

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(TrellisNode) node = g_list_model_get_item (G_LIST_MODEL (top), i);

          drop_node_stores_below (self, node);
        }
      drop_node_store (self->top_nodes, id);
    }
  g_object_unref (playlist);

  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Nodes                                                               */

/* The cached list of nodes under @parent_id (0: the playlist's top level). */
static GListStore *
ensure_node_store (TrellisClassroom  *self,
                   gint64             playlist_id,
                   gint64             parent_id,
                   GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GListStore) store = NULL;
  GHashTable *table = parent_id != 0 ? self->child_nodes : self->top_nodes;
  gint64 key = parent_id != 0 ? parent_id : playlist_id;
  GListStore *cached;

  if ((cached = g_hash_table_lookup (table, &key)) != NULL)
    return cached;

  if (parent_id != 0)
    stmt = trellis_classroom_prepare (self,
                                      "SELECT " NODE_COLUMNS " FROM nodes "
                                      "WHERE parent_id = ?1 ORDER BY position, id",
                                      error);
  else
    stmt = trellis_classroom_prepare (self,
                                      "SELECT " NODE_COLUMNS " FROM nodes "
                                      "WHERE playlist_id = ?1 AND parent_id IS NULL ORDER BY position, id",
                                      error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, key);

  store = g_list_store_new (TRELLIS_TYPE_NODE);
  if (!load_rows (self, stmt, node_from_row, NULL, store, error))
    return NULL;

  g_hash_table_insert (table, int64_key (key), g_object_ref (store));
  return store;
}

/* The cached list that holds @node, and @node's place in it. */
static GListStore *
find_node (TrellisClassroom  *self,
           TrellisNode       *node,
           guint             *position,
           GError           **error)
{
  gint64 parent_id = trellis_node_get_parent_id (node);
  gint64 key = parent_id != 0 ? parent_id : trellis_node_get_playlist_id (node);
  GListStore *store = g_hash_table_lookup (parent_id != 0 ? self->child_nodes : self->top_nodes, &key);

  if (store != NULL && g_list_store_find (store, node, position))
    return store;

  g_set_error_literal (error, TRELLIS_CLASSROOM_ERROR, TRELLIS_CLASSROOM_ERROR_NO_SUCH_ITEM,
                       _("The item is no longer in this playlist"));
  return NULL;
}

/*
 * Sets the `position` of the nodes @ids to 0, 1, 2… in that order,
 * writing only the rows whose position changes.
 */
static gboolean
write_positions (TrellisClassroom  *self,
                 GArray            *ids,
                 GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = trellis_classroom_prepare (self,
                                    "UPDATE nodes SET position = ?1 WHERE id = ?2 AND position IS NOT ?1",
                                    error);
  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; i < ids->len; i++)
    {
      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, i);
      sqlite3_bind_int64 (stmt, 2, g_array_index (ids, gint64, i));
      if (!trellis_classroom_step (self, stmt, error))
        return FALSE;
    }

  return TRUE;
}

/* The ids of the nodes in @store, in order. */
static GArray *
dup_node_ids (GListStore *store)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (store));
  GArray *ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), n + 1);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TrellisNode) node = g_list_model_get_item (G_LIST_MODEL (store), i);
      gint64 id = trellis_node_get_id (node);

      g_array_append_val (ids, id);
    }

  return ids;
}

/**
 * trellis_classroom_get_nodes:
 * @playlist: a playlist of @self
 * @parent: (nullable): a choice group of @playlist, or %NULL for the
 *   playlist's top level
 *
 * The nodes of @playlist at its top level, or the options of the choice
 * group @parent, in order.  The list is made the first time it is asked
 * for and kept: asking again returns the same list, which changes
 * precisely as nodes are added, moved or deleted.  When its playlist or
 * choice group is deleted, the list is emptied.
 *
 * Returns: (transfer none): a #GListModel of #TrellisNode
 */
GListModel *
trellis_classroom_get_nodes (TrellisClassroom *self,
                             TrellisPlaylist  *playlist,
                             TrellisNode      *parent)
{
  g_autoptr(GError) error = NULL;
  GListStore *store;
  gint64 parent_id;

  g_return_val_if_fail (TRELLIS_IS_CLASSROOM (self), NULL);
  g_return_val_if_fail (TRELLIS_IS_PLAYLIST (playlist), NULL);
  g_return_val_if_fail (parent == NULL || TRELLIS_IS_NODE (parent), NULL);
  g_return_val_if_fail (parent == NULL ||
                        trellis_node_get_playlist_id (parent) == trellis_playlist_get_id (playlist),
                        NULL);

  parent_id = parent != NULL ? trellis_node_get_id (parent) : 0;
  store = ensure_node_store (self, trellis_playlist_get_id (playlist), parent_id, &error);
  if (store == NULL)
    {
      /* Only a read error (a damaged file) gets here: show an empty list. */
      g_warning ("Could not read the playlist “%s”: %s",
                 trellis_playlist_get_title (playlist), error->message);
      store = g_list_store_new (TRELLIS_TYPE_NODE);
      g_hash_table_insert (parent != NULL ? self->child_nodes : self->top_nodes,
                           int64_key (parent != NULL ? parent_id : trellis_playlist_get_id (playlist)),
                           store);
    }

  return G_LIST_MODEL (store);
}

static gboolean
write_new_node (TrellisClassroom  *self,
                GListStore        *store,
                gint64             playlist_id,
                gint64             parent_id,
                TrellisNodeKind    kind,
                const char        *title,
                guint              index,
                gint64            *id,
                char             **uid,
                GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GArray) ids = NULL;

  if ((*uid = generate_uid (self, "nodes", "nd-", error)) == NULL)
    return FALSE;

  stmt = trellis_classroom_prepare (self,
                                    "INSERT INTO nodes (playlist_id, parent_id, position, kind, uid, title, "
                                    "                   choose_min, choose_max) "
                                    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)",
                                    error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, playlist_id);
  if (parent_id != 0)
    sqlite3_bind_int64 (stmt, 2, parent_id);
  sqlite3_bind_int64 (stmt, 3, index);
  sqlite3_bind_text (stmt, 4, trellis_node_kind_to_string (kind), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, *uid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, title, -1, SQLITE_TRANSIENT);
  /* A new choice group asks for one option. */
  if (kind == TRELLIS_NODE_KIND_CHOICE)
    sqlite3_bind_int (stmt, 7, 1);
  if (!trellis_classroom_step (self, stmt, error))
    return FALSE;

  *id = sqlite3_last_insert_rowid (trellis_classroom_get_db (self));

  ids = dup_node_ids (store);
  g_array_insert_val (ids, index, *id);

  return write_positions (self, ids, error);
}

/**
 * trellis_classroom_add_node:
 * @playlist: a playlist of @self
 * @parent: (nullable): a choice group of @playlist to add an option to,
 *   or %NULL to add to the playlist's top level
 * @kind: what the node is; the options of a choice group are activities
 * @title: the node's title
 * @position: where in the list to insert the node, or -1 for the end
 *
 * Adds a node (one transaction), with a new uid ("nd-" and 32 hex digits)
 * unique in the file.  A new choice group asks learners to choose exactly
 * one option (choose-min and choose-max 1).  Adding under anything but a
 * choice group, or adding anything but an activity to a choice group, is
 * refused with %TRELLIS_CLASSROOM_ERROR_INVALID.  The list emits one
 * insertion.
 *
 * Returns: (transfer none) (nullable): the new node
 */
TrellisNode *
trellis_classroom_add_node (TrellisClassroom  *self,
                            TrellisPlaylist   *playlist,
                            TrellisNode       *parent,
                            TrellisNodeKind    kind,
                            const char        *title,
                            int                position,
                            GError           **error)
{
  g_autoptr(TrellisNode) node = NULL;
  g_autofree char *clean = NULL;
  g_autofree char *uid = NULL;
  GListStore *store;
  gint64 playlist_id;
  gint64 parent_id;
  gboolean written;
  gint64 id = 0;
  guint n;

  g_return_val_if_fail (TRELLIS_IS_CLASSROOM (self), NULL);
  g_return_val_if_fail (TRELLIS_IS_PLAYLIST (playlist), NULL);
  g_return_val_if_fail (parent == NULL || TRELLIS_IS_NODE (parent), NULL);
  g_return_val_if_fail (kind == TRELLIS_NODE_KIND_ACTIVITY ||
                        kind == TRELLIS_NODE_KIND_CHOICE ||
                        kind == TRELLIS_NODE_KIND_MILESTONE, NULL);

  if (!check_playlist_present (self, playlist, NULL, error) ||
      (parent != NULL && find_node (self, parent, NULL, error) == NULL) ||
      (clean = normalize_required (title, _("Every item of a playlist needs a title"), error)) == NULL)
    return NULL;

  playlist_id = trellis_playlist_get_id (playlist);
  parent_id = parent != NULL ? trellis_node_get_id (parent) : 0;

  if (parent != NULL)
    {
      const char *message = NULL;

      if (trellis_node_get_playlist_id (parent) != playlist_id)
        message = _("The choice group is in another playlist");
      else if (trellis_node_get_kind (parent) != TRELLIS_NODE_KIND_CHOICE)
        message = _("Only a choice group can have options");
      else if (kind != TRELLIS_NODE_KIND_ACTIVITY)
        message = _("The options of a choice group must be activities");

      if (message != NULL)
        {
          g_set_error_literal (error, TRELLIS_CLASSROOM_ERROR, TRELLIS_CLASSROOM_ERROR_INVALID, message);
          return NULL;
        }
    }

  store = ensure_node_store (self, playlist_id, parent_id, error);
  if (store == NULL)
    return NULL;

  n = g_list_model_get_n_items (G_LIST_MODEL (store));
  if (position < -1 || position > (int)n)
    {
      g_set_error (error, TRELLIS_CLASSROOM_ERROR, TRELLIS_CLASSROOM_ERROR_INVALID,
                   _("There is no place %d in a list of %u"), position, n);
      return NULL;
    }
  if (position == -1)
    position = (int)n;

  if (!trellis_classroom_begin (self, error))
    return NULL;
  written = write_new_node (self, store, playlist_id, parent_id, kind, clean, (guint)position,
                            &id, &uid, error);
  if (!_trellis_finish_edit (self, written, error))
    return NULL;

  node = trellis_node_new (id, playlist_id, parent_id, uid, kind, clean);
  if (kind == TRELLIS_NODE_KIND_CHOICE)
    {
      trellis_node_set_choose_min (node, 1);
      trellis_node_set_choose_max (node, 1);
    }
  g_list_store_insert (store, (guint)position, node);

  return node;
}

/**
 * trellis_classroom_move_node:
 * @new_position: the node's new place in its list, or -1 for the end
 *
 * Moves a node within its list (its playlist's top level, or its choice
 * group), renumbering the list's positions in one transaction.  The list
 * emits one removal at the old place and one insertion at the new place.
 */
gboolean
trellis_classroom_move_node (TrellisClassroom  *self,
                             TrellisNode       *node,
                             int                new_position,
                             GError           **error)
{
  g_autoptr(GArray) ids = NULL;
  GListStore *store;
  gboolean written;
  guint position;
  gint64 id;
  guint n;

  g_return_val_if_fail (TRELLIS_IS_CLASSROOM (self), FALSE);
  g_return_val_if_fail (TRELLIS_IS_NODE (node), FALSE);

  if ((store = find_node (self, node, &position, error)) == NULL)
    return FALSE;

  n = g_list_model_get_n_items (G_LIST_MODEL (store));
  if (new_position < -1 || new_position >= (int)n)
    {
      g_set_error (error, TRELLIS_CLASSROOM_ERROR, TRELLIS_CLASSROOM_ERROR_INVALID,
                   _("There is no place %d in a list of %u"), new_position, n);
      return FALSE;
    }
  if (new_position == -1)
    new_position = (int)n - 1;

  if ((guint)new_position == position)
    return TRUE;

  ids = dup_node_ids (store);
  g_array_remove_index (ids, position);
  id = trellis_node_get_id (node);
  g_array_insert_val (ids, (guint)new_position, id);

  if (!trellis_classroom_begin (self, error))
    return FALSE;
  written = write_positions (self, ids, error);
  if (!_trellis_finish_edit (self, written, error))
    return FALSE;

  g_object_ref (node);
  g_list_store_remove (store, position);
  g_list_store_insert (store, (guint)new_position, node);
  g_object_unref (node);

  return TRUE;
}

static gboolean
write_choice_bounds (TrellisClassroom  *self,
                     gint64             id,
                     guint              choose_min,
                     guint              choose_max,
                     GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = trellis_classroom_prepare (self,
                                    "UPDATE nodes SET choose_min = ?1, choose_max = ?2 WHERE id = ?3",
                                    error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, choose_min);
  sqlite3_bind_int64 (stmt, 2, choose_max);
  sqlite3_bind_int64 (stmt, 3, id);

  return trellis_classroom_step (self, stmt, error);
}

static void
set_choice_bounds (TrellisNode *node,
                   guint        choose_min,
                   guint        choose_max)
{
  g_object_freeze_notify (G_OBJECT (node));
  trellis_node_set_choose_min (node, choose_min);
  trellis_node_set_choose_max (node, choose_max);
  g_object_thaw_notify (G_OBJECT (node));
}

/* The choice group @node is an option of, if any. */
static TrellisNode *
lookup_parent (TrellisClassroom *self,
               TrellisNode      *node)
{
  gint64 playlist_id = trellis_node_get_playlist_id (node);
  gint64 parent_id = trellis_node_get_parent_id (node);
  GListStore *top;
  guint n;

  if (parent_id == 0 || (top = g_hash_table_lookup (self->top_nodes, &playlist_id)) == NULL)
    return NULL;

  n = g_list_model_get_n_items (G_LIST_MODEL (top));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TrellisNode) parent = g_list_model_get_item (G_LIST_MODEL (top), i);

      if (trellis_node_get_id (parent) == parent_id)
        return parent;
    }

  return NULL;
}

struct _TrellisNodeSnapshot
{
  TrellisRowSnapshot *rows;
  gint64              id;
  gint64              playlist_id;
  gint64              parent_id;
  /* The group's bounds, when deleting the option lowered them */
  gboolean            clamped;
  guint               choose_min;
  guint               choose_max;
};

/* Deletes @node; with @snapshot, first captures what to put back. */
static gboolean
delete_node (TrellisClassroom     *self,
             TrellisNode          *node,
             TrellisNodeSnapshot **snapshot,
             GError              **error)
{
  g_autoptr(TrellisNodeSnapshot) saved = NULL;
  TrellisNode *parent;
  GListStore *store;
  gboolean clamp = FALSE;
  gboolean written;
  guint position;
  guint new_min = 0;
  guint new_max = 0;

  if ((store = find_node (self, node, &position, error)) == NULL)
    return FALSE;

  parent = lookup_parent (self, node);
  if (parent != NULL)
    {
      guint n_left = g_list_model_get_n_items (G_LIST_MODEL (store)) - 1;

      if (n_left > 0 && trellis_node_get_choose_max (parent) > n_left)
        {
          clamp = TRUE;
          new_max = n_left;
          new_min = MIN (trellis_node_get_choose_min (parent), new_max);
        }
    }

  if (snapshot != NULL)
    {
      saved = g_new0 (TrellisNodeSnapshot, 1);
      saved->id = trellis_node_get_id (node);
      saved->playlist_id = trellis_node_get_playlist_id (node);
      saved->parent_id = trellis_node_get_parent_id (node);
      saved->clamped = clamp;
      if (clamp)
        {
          saved->choose_min = trellis_node_get_choose_min (parent);
          saved->choose_max = trellis_node_get_choose_max (parent);
        }
    }

  if (!trellis_classroom_begin (self, error))
    return FALSE;
  _trellis_classroom_note_change (self, TRELLIS_DATA_CURRICULUM, 0, 0);
  written = write_delete_keeping (self, "nodes", "id = ?1 OR parent_id = ?1", trellis_node_get_id (node),
                                  saved != NULL ? &saved->rows : NULL,
                                  _("The item is no longer in this playlist"), error) &&
            (!clamp || write_choice_bounds (self, trellis_node_get_id (parent), new_min, new_max, error));
  if (!_trellis_finish_edit (self, written, error))
    return FALSE;

  g_object_ref (node);
  g_list_store_remove (store, position);
  drop_node_stores_below (self, node);
  if (clamp)
    set_choice_bounds (parent, new_min, new_max);
  g_object_unref (node);

  if (snapshot != NULL)
    *snapshot = g_steal_pointer (&saved);
  return TRUE;
}

/**
 * trellis_classroom_delete_node:
 *
 * Deletes a node for good (one transaction), with the progress and choices
 * recorded on it and, for a choice group, its options.  Deleting an option
 * of a choice group that asks for more options than are left lowers the
 * group's bounds to the number left, in the same transaction.  The list
 * emits one removal; the options list of a deleted choice group, if held
 * elsewhere, is emptied.  Emits ::data-changed with
 * %TRELLIS_DATA_CURRICULUM.
 */
gboolean
trellis_classroom_delete_node (TrellisClassroom  *self,
                               TrellisNode       *node,
                               GError           **error)
{
  g_return_val_if_fail (TRELLIS_IS_CLASSROOM (self), FALSE);
  g_return_val_if_fail (TRELLIS_IS_NODE (node), FALSE);

  return delete_node (self, node, NULL, error);
}

/**
 * trellis_classroom_delete_node_undoable:
 *
 * trellis_classroom_delete_node(), keeping what it deletes: the node's
 * row, its options', their formats and skills, the progress and choices
 * learners recorded on them and every other row the deletion removes or
 * unlinks, ids and all, and the bounds of the choice group it may lower.
 * trellis_classroom_restore_node() puts it all back.
 *
 * Returns: (transfer full) (nullable): what to restore the node from;
 *   free with trellis_node_snapshot_free()
 */
TrellisNodeSnapshot *
trellis_classroom_delete_node_undoable (TrellisClassroom  *self,
                                        TrellisNode       *node,
                                        GError           **error)
{
  TrellisNodeSnapshot *snapshot = NULL;

  g_return_val_if_fail (TRELLIS_IS_CLASSROOM (self), NULL);
  g_return_val_if_fail (TRELLIS_IS_NODE (node), NULL);

  if (!delete_node (self, node, &snapshot, error))
    return NULL;

  return snapshot;
}

/* The node with id @id in @store, if there. */
static TrellisNode *
store_lookup_node (GListStore *store,
                   gint64      id)
{
  return _trellis_model_lookup_id (G_LIST_MODEL (store), (TrellisIdFunc)trellis_node_get_id, id);
}

static TrellisNode *load_node (TrellisClassroom  *self,
                               gint64             id,
                               GError           **error);

static gboolean
write_restore_node (TrellisClassroom     *self,
                    TrellisNodeSnapshot  *snapshot,
                    guint                *index,
                    TrellisNode         **restored,
                    GError              **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 count;

  if (!_trellis_row_snapshot_restore (self, snapshot->rows, error) ||
      (snapshot->clamped &&
       !write_choice_bounds (self, snapshot->parent_id, snapshot->choose_min, snapshot->choose_max, error)))
    return FALSE;

  /* Its place among the nodes of its list as the file orders them. */
  stmt = trellis_classroom_prepare (self,
                                    "SELECT count(*) FROM nodes AS other, nodes AS restored "
                                    "WHERE restored.id = ?1 AND other.id <> ?1 "
                                    "AND other.playlist_id = restored.playlist_id "
                                    "AND other.parent_id IS restored.parent_id "
                                    "AND (other.position < restored.position OR "
                                    "     (other.position = restored.position AND other.id < restored.id))",
                                    error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, snapshot->id);
  if (!query_int64 (self, stmt, &count, error))
    return FALSE;
  *index = (guint)count;

  return (*restored = load_node (self, snapshot->id, error)) != NULL;
}

static const char node_taken_message[] =
  N_("The item cannot come back: something added since it was deleted took its place in the classroom file");

/**
 * trellis_classroom_restore_node:
 * @snapshot: what trellis_classroom_delete_node_undoable() returned
 *
 * Puts a deleted node back as it was (one transaction): same id, uid and
 * place, its options, formats, skills, the learners' progress and choices,
 * the links other rows had to it (on the rows unchanged since), and its
 * group's bounds.  If something it needs is gone meanwhile (its playlist,
 * its choice group, a learner), nothing is restored and @error says so
 * with %TRELLIS_CLASSROOM_ERROR_NO_SUCH_ITEM; if something added since
 * took its id or the id of a row deleted with it (ids are reused), with
 * %TRELLIS_CLASSROOM_ERROR_EXISTS.  The list emits one insertion, and
 * ::data-changed comes with %TRELLIS_DATA_CURRICULUM.  @snapshot can be
 * used once.
 *
 * Returns: (transfer none) (nullable): the node, a new object
 */
TrellisNode *
trellis_classroom_restore_node (TrellisClassroom     *self,
                                TrellisNodeSnapshot  *snapshot,
                                GError              **error)
{
  g_autoptr(TrellisNode) restored = NULL;
  TrellisNode *parent = NULL;
  GListStore *store;
  gboolean written;
  guint index = 0;

  g_return_val_if_fail (TRELLIS_IS_CLASSROOM (self), NULL);
  g_return_val_if_fail (snapshot != NULL, NULL);

  if (snapshot->rows == NULL)
    {
      _trellis_set_not_found (error, _("The item was already restored"));
      return NULL;
    }

  if (trellis_classroom_lookup_playlist (self, snapshot->playlist_id) == NULL)
    {
      _trellis_set_not_found (error, _("The item's playlist is no longer in this classroom"));
      return NULL;
    }

  /* The lists as they are before the node comes back. */
  if (snapshot->parent_id != 0)
    {
      GListStore *top = ensure_node_store (self, snapshot->playlist_id, 0, error);

      if (top == NULL)
        return NULL;
      if ((parent = store_lookup_node (top, snapshot->parent_id)) == NULL)
        {
          _trellis_set_not_found (error, _("The item's choice group is no longer in this playlist"));
          return NULL;
        }
    }
  /*
   * Not restored yet, so a node with its id is a new one that took the id
   * (ids are reused): the node cannot come back as it was.
   */
  store = ensure_node_store (self, snapshot->playlist_id, snapshot->parent_id, error);
  if (store == NULL)
    return NULL;
  if (store_lookup_node (store, snapshot->id) != NULL)
    {
      set_exists (error, _(node_taken_message));
      return NULL;
    }

  if (!trellis_classroom_begin (self, error))
    return NULL;
  _trellis_classroom_note_change (self, TRELLIS_DATA_CURRICULUM, 0, 0);
  written = write_restore_node (self, snapshot, &index, &restored, error);
  /* Gone: a learner or a skill it refers to.  Taken: its id, an option's, a recommendation's. */
  if (!written)
    explain_restore_error (error, TRUE,
                           _("The item cannot come back: something it belongs to was deleted meanwhile"),
                           _(node_taken_message));
  if (!_trellis_finish_edit (self, written, error))
    return NULL;

  g_clear_pointer (&snapshot->rows, _trellis_row_snapshot_free);
  g_list_store_insert (store, MIN (index, g_list_model_get_n_items (G_LIST_MODEL (store))), restored);
  if (snapshot->clamped)
    set_choice_bounds (parent, snapshot->choose_min, snapshot->choose_max);

  return restored;
}

void
trellis_node_snapshot_free (TrellisNodeSnapshot *snapshot)
{
  if (snapshot == NULL)
    return;

  g_clear_pointer (&snapshot->rows, _trellis_row_snapshot_free);
  g_free (snapshot);
}

/**
 * trellis_classroom_set_choice_bounds:
 * @node: a choice group
 * @choose_min: the fewest options a learner must choose (may be 0)
 * @choose_max: the most options a learner may choose (at least 1)
 *
 * Sets how many options of a choice group a learner chooses (one
 * transaction).  @choose_min may not exceed @choose_max, and once the group
 * has options, @choose_max may not exceed their number; a group without
 * options yet accepts any bounds, so that it can be built in any order.
 * Anything else is refused with %TRELLIS_CLASSROOM_ERROR_INVALID.
 */
gboolean
trellis_classroom_set_choice_bounds (TrellisClassroom  *self,
                                     TrellisNode       *node,
                                     guint              choose_min,
                                     guint              choose_max,
                                     GError           **error)
{
  GListStore *options;
  gboolean written;
  guint n_options;

  g_return_val_if_fail (TRELLIS_IS_CLASSROOM (self), FALSE);
  g_return_val_if_fail (TRELLIS_IS_NODE (node), FALSE);

  if (find_node (self, node, NULL, error) == NULL)
    return FALSE;

  if (trellis_node_get_kind (node) != TRELLIS_NODE_KIND_CHOICE)
    {
      g_set_error_literal (error, TRELLIS_CLASSROOM_ERROR, TRELLIS_CLASSROOM_ERROR_INVALID,
                           _("Only a choice group has a number of options to choose"));
      return FALSE;
    }

  if (choose_max == 0 || choose_max > G_MAXINT)
    {
      g_set_error_literal (error, TRELLIS_CLASSROOM_ERROR, TRELLIS_CLASSROOM_ERROR_INVALID,
                           _("A choice group must let learners choose at least one option"));
      return FALSE;
    }

  if (choose_min > choose_max)
    {
      g_set_error (error, TRELLIS_CLASSROOM_ERROR, TRELLIS_CLASSROOM_ERROR_INVALID,
                   _("A choice group cannot ask for at least %u options but at most %u"),
                   choose_min, choose_max);
      return FALSE;
    }

  options = ensure_node_store (self, trellis_node_get_playlist_id (node), trellis_node_get_id (node), error);
  if (options == NULL)
    return FALSE;

  n_options = g_list_model_get_n_items (G_LIST_MODEL (options));
  if (n_options > 0 && choose_max > n_options)
    {
      g_set_error (error, TRELLIS_CLASSROOM_ERROR, TRELLIS_CLASSROOM_ERROR_INVALID,
                   g_dngettext (GETTEXT_PACKAGE,
                                "The choice group has %u option; learners cannot choose more",
                                "The choice group has %u options; learners cannot choose more",
                                n_options),
                   n_options);
      return FALSE;
    }

  if (choose_min == trellis_node_get_choose_min (node) && choose_max == trellis_node_get_choose_max (node))
    return TRUE;

  if (!trellis_classroom_begin (self, error))
    return FALSE;
  written = write_choice_bounds (self, trellis_node_get_id (node), choose_min, choose_max, error);
  if (!_trellis_finish_edit (self, written, error))
    return FALSE;

  set_choice_bounds (node, choose_min, choose_max);
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Editing nodes                                                       */

/* NULL or empty: NULL; otherwise valid UTF-8, NFC and stripped. */
static gboolean
normalize_optional (const char  *text,
                    char       **result,
                    GError     **error)
{
  g_autofree char *copy = NULL;

  *result = NULL;
  if (text == NULL)
    return TRUE;

  if (!g_utf8_validate (text, -1, NULL))
    return _trellis_set_invalid (error, _("The text is not valid"));

  copy = g_strstrip (g_utf8_normalize (text, -1, G_NORMALIZE_DEFAULT_COMPOSE));
  if (*copy != '\0')
    *result = g_steal_pointer (&copy);

  return TRUE;
}

/* NULL or empty: NULL; otherwise a valid YYYY-MM-DD date. */
static gboolean
normalize_date (const char  *text,
                char       **result,
                GError     **error)
{
  g_autofree char *clean = NULL;
  unsigned int year, month, day;
  char end;

  if (!normalize_optional (text, &clean, error))
    return FALSE;

  if (clean != NULL &&
      (strlen (clean) != 10 ||
       !g_ascii_isdigit (clean[0]) || !g_ascii_isdigit (clean[1]) || !g_ascii_isdigit (clean[2]) ||
       !g_ascii_isdigit (clean[3]) || clean[4] != '-' || !g_ascii_isdigit (clean[5]) ||
       !g_ascii_isdigit (clean[6]) || clean[7] != '-' || !g_ascii_isdigit (clean[8]) ||
       !g_ascii_isdigit (clean[9]) ||
       sscanf (clean, "%4u-%2u-%2u%c", &year, &month, &day, &end) != 3 ||
       !g_date_valid_dmy ((GDateDay)day, (GDateMonth)month, (GDateYear)year)))
    {
      g_set_error (error, TRELLIS_CLASSROOM_ERROR, TRELLIS_CLASSROOM_ERROR_INVALID,
                   _("“%s” is not a date (YYYY-MM-DD)"), clean);
      return FALSE;
    }

  *result = g_steal_pointer (&clean);
  return TRUE;
}

/**
 * trellis_classroom_update_playlist_details:
 * @description: (nullable): what the unit is about; %NULL or empty clears it
 * @starts_on: (nullable): the unit's first day, YYYY-MM-DD; %NULL or empty clears it
 * @ends_on: (nullable): the unit's last day, YYYY-MM-DD; %NULL or empty clears it
 *
 * Sets a playlist's description and unit dates (one transaction).  A unit
 * that ends before it starts is refused; nothing changes on error.  The
 * playlist notifies the properties that changed.
 */
gboolean
trellis_classroom_update_playlist_details (TrellisClassroom  *self,
                                           TrellisPlaylist   *playlist,
                                           const char        *description,
                                           const char        *starts_on,
                                           const char        *ends_on,
                                           GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *clean_description = NULL;
  g_autofree char *clean_starts = NULL;
  g_autofree char *clean_ends = NULL;
  gboolean written;

  g_return_val_if_fail (TRELLIS_IS_CLASSROOM (self), FALSE);
  g_return_val_if_fail (TRELLIS_IS_PLAYLIST (playlist), FALSE);

  if (!check_playlist_present (self, playlist, NULL, error) ||
      !normalize_optional (description, &clean_description, error) ||
      !normalize_date (starts_on, &clean_starts, error) ||
      !normalize_date (ends_on, &clean_ends, error))
    return FALSE;

  if (clean_starts != NULL && clean_ends != NULL && strcmp (clean_starts, clean_ends) > 0)
    return _trellis_set_invalid (error, _("The unit cannot end before it starts"));

  if (!trellis_classroom_begin (self, error))
    return FALSE;
  stmt = trellis_classroom_prepare (self,
                                    "UPDATE playlists SET description = ?1, starts_on = ?2, ends_on = ?3 "
                                    "WHERE id = ?4",
                                    error);
  written = stmt != NULL;
  if (written)
    {
      _trellis_bind_text_or_null (stmt, 1, clean_description);
      _trellis_bind_text_or_null (stmt, 2, clean_starts);
      _trellis_bind_text_or_null (stmt, 3, clean_ends);
      sqlite3_bind_int64 (stmt, 4, trellis_playlist_get_id (playlist));
      written = trellis_classroom_step (self, stmt, error);
    }
  g_clear_pointer (&stmt, sqlite3_finalize);
  if (!_trellis_finish_edit (self, written, error))
    return FALSE;

  trellis_playlist_set_description (playlist, clean_description);
  trellis_playlist_set_starts_on (playlist, clean_starts);
  trellis_playlist_set_ends_on (playlist, clean_ends);
  return TRUE;
}

/* Runs one statement whose only parameter is @id. */
static gboolean
write_with_id (TrellisClassroom  *self,
               const char        *sql,
               gint64             id,
               GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = trellis_classroom_prepare (self, sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);

  return trellis_classroom_step (self, stmt, error);
}

/* Runs one statement whose parameters are @id1 and @id2. */
static gboolean
write_with_ids (TrellisClassroom  *self,
                const char        *sql,
                gint64             id1,
                gint64             id2,
                GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = trellis_classroom_prepare (self, sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id1);
  sqlite3_bind_int64 (stmt, 2, id2);

  return trellis_classroom_step (self, stmt, error);
}

/* The node's fields after an update, as texts ready to write. */
typedef struct
{
  char              *title;
  char              *instructions;
  char              *resource_url;
  int                estimated_minutes;
  TrellisSocialMode  social_mode;
  char              *suggested_date;
  char              *target_date;
  char              *must_show;
  gboolean           is_starter;
  gboolean           is_challenge;
} NodeValues;

static void
node_values_clear (NodeValues *values)
{
  g_clear_pointer (&values->title, g_free);
  g_clear_pointer (&values->instructions, g_free);
  g_clear_pointer (&values->resource_url, g_free);
  g_clear_pointer (&values->suggested_date, g_free);
  g_clear_pointer (&values->target_date, g_free);
  g_clear_pointer (&values->must_show, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (NodeValues, node_values_clear)

static gboolean
merge_node_values (TrellisNode             *node,
                   const TrellisNodeFields *fields,
                   NodeValues              *values,
                   GError                 **error)
{
  TrellisNodeFieldMask mask = fields->mask;

  if (mask & TRELLIS_NODE_FIELD_TITLE)
    {
      if ((values->title = normalize_required (fields->title, _("Every item of a playlist needs a title"),
                                               error)) == NULL)
        return FALSE;
    }
  else
    values->title = g_strdup (trellis_node_get_title (node));

  if (mask & TRELLIS_NODE_FIELD_INSTRUCTIONS)
    {
      if (!normalize_optional (fields->instructions, &values->instructions, error))
        return FALSE;
    }
  else
    values->instructions = g_strdup (trellis_node_get_instructions (node));

  if (mask & TRELLIS_NODE_FIELD_RESOURCE_URL)
    {
      if (!normalize_optional (fields->resource_url, &values->resource_url, error))
        return FALSE;
      if (values->resource_url != NULL && !g_uri_is_valid (values->resource_url, G_URI_FLAGS_NONE, NULL))
        {
          g_set_error (error, TRELLIS_CLASSROOM_ERROR, TRELLIS_CLASSROOM_ERROR_INVALID,
                       _("“%s” is not a link"), values->resource_url);
          return FALSE;
        }
    }
  else
    values->resource_url = g_strdup (trellis_node_get_resource_url (node));

  if (mask & TRELLIS_NODE_FIELD_ESTIMATED_MINUTES)
    {
      if (fields->estimated_minutes < -1)
        return _trellis_set_invalid (error, _("The estimated time cannot be negative"));
      values->estimated_minutes = fields->estimated_minutes;
    }
  else
    values->estimated_minutes = trellis_node_get_estimated_minutes (node);

  if (mask & TRELLIS_NODE_FIELD_SOCIAL_MODE)
    {
      if (trellis_social_mode_to_string (fields->social_mode) == NULL)
        return _trellis_set_invalid (error, _("Unknown social mode"));
      values->social_mode = fields->social_mode;
    }
  else
    values->social_mode = trellis_node_get_social_mode (node);

  if (mask & TRELLIS_NODE_FIELD_SUGGESTED_DATE)
    {
      if (!normalize_date (fields->suggested_date, &values->suggested_date, error))
        return FALSE;
    }
  else
    values->suggested_date = g_strdup (trellis_node_get_suggested_date (node));

  if (mask & TRELLIS_NODE_FIELD_TARGET_DATE)
    {
      if (!normalize_date (fields->target_date, &values->target_date, error))
        return FALSE;
    }
  else
    values->target_date = g_strdup (trellis_node_get_target_date (node));

  if (mask & TRELLIS_NODE_FIELD_MUST_SHOW)
    {
      if (!normalize_optional (fields->must_show, &values->must_show, error))
        return FALSE;
    }
  else
    values->must_show = g_strdup (trellis_node_get_must_show (node));

  values->is_starter = (mask & TRELLIS_NODE_FIELD_IS_STARTER) ? !!fields->is_starter
                                                               : trellis_node_get_is_starter (node);
  values->is_challenge = (mask & TRELLIS_NODE_FIELD_IS_CHALLENGE) ? !!fields->is_challenge
                                                                   : trellis_node_get_is_challenge (node);

  return TRUE;
}

static gboolean
write_node_values (TrellisClassroom  *self,
                   gint64             id,
                   const NodeValues  *values,
                   GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = trellis_classroom_prepare (self,
                                    "UPDATE nodes SET title = ?1, instructions = ?2, resource_url = ?3, "
                                    "estimated_minutes = ?4, social_mode = ?5, suggested_date = ?6, "
                                    "target_date = ?7, must_show = ?8, is_starter = ?9, is_challenge = ?10 "
                                    "WHERE id = ?11",
                                    error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, values->title, -1, SQLITE_TRANSIENT);
  _trellis_bind_text_or_null (stmt, 2, values->instructions);
  _trellis_bind_text_or_null (stmt, 3, values->resource_url);
  if (values->estimated_minutes >= 0)
    sqlite3_bind_int (stmt, 4, values->estimated_minutes);
  sqlite3_bind_text (stmt, 5, trellis_social_mode_to_string (values->social_mode), -1, SQLITE_STATIC);
  _trellis_bind_text_or_null (stmt, 6, values->suggested_date);
  _trellis_bind_text_or_null (stmt, 7, values->target_date);
  _trellis_bind_text_or_null (stmt, 8, values->must_show);
  sqlite3_bind_int (stmt, 9, values->is_starter ? 1 : 0);
  sqlite3_bind_int (stmt, 10, values->is_challenge ? 1 : 0);
  sqlite3_bind_int64 (stmt, 11, id);

  return trellis_classroom_step (self, stmt, error);
}

/**
 * trellis_classroom_update_node:
 * @fields: the new values; only the fields in @fields->mask are set
 *
 * Edits a node's fields (one transaction).  The title may not be empty;
 * other texts may be %NULL or empty to clear them; dates are YYYY-MM-DD;
 * the resource link must be a URI.  Anything else is refused with
 * %TRELLIS_CLASSROOM_ERROR_INVALID and changes nothing.  The node notifies
 * the properties that changed, once each; its list does not change.
 */
gboolean
trellis_classroom_update_node (TrellisClassroom        *self,
                               TrellisNode             *node,
                               const TrellisNodeFields *fields,
                               GError                 **error)
{
  g_auto(NodeValues) values = { 0 };
  gboolean written;

  g_return_val_if_fail (TRELLIS_IS_CLASSROOM (self), FALSE);
  g_return_val_if_fail (TRELLIS_IS_NODE (node), FALSE);
  g_return_val_if_fail (fields != NULL, FALSE);

  if (find_node (self, node, NULL, error) == NULL ||
      !merge_node_values (node, fields, &values, error))
    return FALSE;

  if (!trellis_classroom_begin (self, error))
    return FALSE;
  written = write_node_values (self, trellis_node_get_id (node), &values, error);
  if (!_trellis_finish_edit (self, written, error))
    return FALSE;

  g_object_freeze_notify (G_OBJECT (node));
  trellis_node_set_title (node, values.title);
  trellis_node_set_instructions (node, values.instructions);
  trellis_node_set_resource_url (node, values.resource_url);
  trellis_node_set_estimated_minutes (node, values.estimated_minutes);
  trellis_node_set_social_mode (node, values.social_mode);
  trellis_node_set_suggested_date (node, values.suggested_date);
  trellis_node_set_target_date (node, values.target_date);
  trellis_node_set_must_show (node, values.must_show);
  trellis_node_set_is_starter (node, values.is_starter);
  trellis_node_set_is_challenge (node, values.is_challenge);
  g_object_thaw_notify (G_OBJECT (node));

  return TRUE;
}

/**
 * trellis_classroom_dup_node_formats:
 *
 * Returns: (transfer full): the demonstration formats a node offers, in
 *   the teacher's order, or %NULL with @error set
 */
char **
trellis_classroom_dup_node_formats (TrellisClassroom  *self,
                                    TrellisNode       *node,
                                    GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  int rc;

  g_return_val_if_fail (TRELLIS_IS_CLASSROOM (self), NULL);
  g_return_val_if_fail (TRELLIS_IS_NODE (node), NULL);

  stmt = trellis_classroom_prepare (self,
                                    "SELECT format FROM node_formats WHERE node_id = ?1 ORDER BY position, format",
                                    error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, trellis_node_get_id (node));

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_strv_builder_add (builder, _trellis_column_text (stmt, 0));
  if (rc != SQLITE_DONE)
    {
      trellis_classroom_set_db_error (self, rc, error);
      return NULL;
    }

  return g_strv_builder_end (builder);
}

static gboolean
write_node_formats (TrellisClassroom  *self,
                    gint64             id,
                    GPtrArray         *formats,
                    GError           **error)
{
  g_autoptr(sqlite3_stmt) insert = NULL;

  if (!write_with_id (self, "DELETE FROM node_formats WHERE node_id = ?1", id, error))
    return FALSE;

  insert = trellis_classroom_prepare (self,
                                      "INSERT INTO node_formats (node_id, format, position) VALUES (?1, ?2, ?3)",
                                      error);
  if (insert == NULL)
    return FALSE;

  for (guint i = 0; i < formats->len; i++)
    {
      sqlite3_reset (insert);
      sqlite3_bind_int64 (insert, 1, id);
      sqlite3_bind_text (insert, 2, g_ptr_array_index (formats, i), -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (insert, 3, i);
      if (!trellis_classroom_step (self, insert, error))
        return FALSE;
    }

  return TRUE;
}

/**
 * trellis_classroom_set_node_formats:
 * @formats: (nullable) (array zero-terminated=1): the demonstration
 *   formats the node offers (essay, video, model…), in order
 *
 * Replaces the formats a node offers (one transaction).  Each format is
 * stripped; empty ones and repeats are dropped.
 */
gboolean
trellis_classroom_set_node_formats (TrellisClassroom   *self,
                                    TrellisNode        *node,
                                    const char * const *formats,
                                    GError            **error)
{
  g_autoptr(GPtrArray) clean = g_ptr_array_new_with_free_func (g_free);
  gboolean written;

  g_return_val_if_fail (TRELLIS_IS_CLASSROOM (self), FALSE);
  g_return_val_if_fail (TRELLIS_IS_NODE (node), FALSE);

  if (find_node (self, node, NULL, error) == NULL)
    return FALSE;

  for (guint i = 0; formats != NULL && formats[i] != NULL; i++)
    {
      g_autofree char *format = NULL;
      gboolean seen = FALSE;

      if (!normalize_optional (formats[i], &format, error))
        return FALSE;
      if (format == NULL)
        continue;

      for (guint j = 0; j < clean->len && !seen; j++)
        seen = g_strcmp0 (g_ptr_array_index (clean, j), format) == 0;
      if (!seen)
        g_ptr_array_add (clean, g_steal_pointer (&format));
    }

  if (!trellis_classroom_begin (self, error))
    return FALSE;
  written = write_node_formats (self, trellis_node_get_id (node), clean, error);

  return _trellis_finish_edit (self, written, error);
}

/**
 * trellis_classroom_dup_node_skills:
 *
 * Returns: (transfer full) (element-type TrellisSkill): the skills a node
 *   shows, in skill order, or %NULL with @error set
 */
GPtrArray *
trellis_classroom_dup_node_skills (TrellisClassroom  *self,
                                   TrellisNode       *node,
                                   GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) skills = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  g_return_val_if_fail (TRELLIS_IS_CLASSROOM (self), NULL);
  g_return_val_if_fail (TRELLIS_IS_NODE (node), NULL);

  stmt = trellis_classroom_prepare (self, "SELECT skill_id FROM node_skills WHERE node_id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, trellis_node_get_id (node));

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TrellisSkill *skill = trellis_classroom_lookup_skill (self, sqlite3_column_int64 (stmt, 0));

      if (skill != NULL)
        g_ptr_array_add (skills, g_object_ref (skill));
    }
  if (rc != SQLITE_DONE)
    {
      trellis_classroom_set_db_error (self, rc, error);
      return NULL;
    }

  g_ptr_array_sort_with_data (skills, compare_skill_pointers, NULL);
  return g_steal_pointer (&skills);
}

static gboolean
write_node_skills (TrellisClassroom  *self,
                   gint64             id,
                   GPtrArray         *skills,
                   GError           **error)
{
  g_autoptr(sqlite3_stmt) insert = NULL;

  if (!write_with_id (self, "DELETE FROM node_skills WHERE node_id = ?1", id, error))
    return FALSE;

  insert = trellis_classroom_prepare (self,
                                      "INSERT OR IGNORE INTO node_skills (node_id, skill_id) VALUES (?1, ?2)",
                                      error);
  if (insert == NULL)
    return FALSE;

  for (guint i = 0; skills != NULL && i < skills->len; i++)
    {
      sqlite3_reset (insert);
      sqlite3_bind_int64 (insert, 1, id);
      sqlite3_bind_int64 (insert, 2, trellis_skill_get_id (g_ptr_array_index (skills, i)));
      if (!trellis_classroom_step (self, insert, error))
        return FALSE;
    }

  return TRUE;
}

/**
 * trellis_classroom_set_node_skills:
 * @skills: (nullable) (element-type TrellisSkill): skills of @self
 *
 * Replaces the skills a node shows (one transaction).  A skill that is not
 * in the classroom's skill list is refused with
 * %TRELLIS_CLASSROOM_ERROR_NO_SUCH_ITEM.
 */
gboolean
trellis_classroom_set_node_skills (TrellisClassroom  *self,
                                   TrellisNode       *node,
                                   GPtrArray         *skills,
                                   GError           **error)
{
  gboolean written;

  g_return_val_if_fail (TRELLIS_IS_CLASSROOM (self), FALSE);
  g_return_val_if_fail (TRELLIS_IS_NODE (node), FALSE);

  if (find_node (self, node, NULL, error) == NULL)
    return FALSE;

  for (guint i = 0; skills != NULL && i < skills->len; i++)
    {
      gpointer skill = g_ptr_array_index (skills, i);

      g_return_val_if_fail (TRELLIS_IS_SKILL (skill), FALSE);
      if (!g_list_store_find (self->skills, skill, NULL))
        return _trellis_set_not_found (error, _("The skill is no longer in this classroom"));
    }

  if (!trellis_classroom_begin (self, error))
    return FALSE;
  written = write_node_skills (self, trellis_node_get_id (node), skills, error);

  return _trellis_finish_edit (self, written, error);
}

/*
 * Copies node @source_id (fields, formats, skills and, for a choice group,
 * its options) into @playlist_id under @parent_id at @index, with new
 * uids; no progress or choices.
 */
static gboolean
copy_node_tree (TrellisClassroom  *self,
                gint64             source_id,
                gint64             playlist_id,
                gint64             parent_id,
                gint64             index,
                gint64            *new_id,
                GError           **error)
{
  g_autoptr(sqlite3_stmt) copy = NULL;
  g_autoptr(sqlite3_stmt) children = NULL;
  g_autoptr(GArray) child_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *uid = NULL;
  int rc;

  if ((uid = generate_uid (self, "nodes", "nd-", error)) == NULL)
    return FALSE;

  copy = trellis_classroom_prepare (self,
                                    "INSERT INTO nodes (playlist_id, parent_id, position, kind, uid, title, "
                                    "  instructions, resource_url, estimated_minutes, social_mode, choose_min, "
                                    "  choose_max, suggested_date, target_date, must_show, is_starter, is_challenge) "
                                    "SELECT ?1, ?2, ?3, kind, ?4, title, instructions, resource_url, "
                                    "  estimated_minutes, social_mode, choose_min, choose_max, suggested_date, "
                                    "  target_date, must_show, is_starter, is_challenge FROM nodes WHERE id = ?5",
                                    error);
  if (copy == NULL)
    return FALSE;
  sqlite3_bind_int64 (copy, 1, playlist_id);
  if (parent_id != 0)
    sqlite3_bind_int64 (copy, 2, parent_id);
  sqlite3_bind_int64 (copy, 3, index);
  sqlite3_bind_text (copy, 4, uid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (copy, 5, source_id);
  if (!trellis_classroom_step (self, copy, error))
    return FALSE;
  *new_id = sqlite3_last_insert_rowid (trellis_classroom_get_db (self));

  if (!write_with_ids (self,
                       "INSERT INTO node_formats (node_id, format, position) "
                       "SELECT ?1, format, position FROM node_formats WHERE node_id = ?2",
                       *new_id, source_id, error) ||
      !write_with_ids (self,
                       "INSERT INTO node_skills (node_id, skill_id) "
                       "SELECT ?1, skill_id FROM node_skills WHERE node_id = ?2",
                       *new_id, source_id, error))
    return FALSE;

  children = trellis_classroom_prepare (self,
                                        "SELECT id FROM nodes WHERE parent_id = ?1 ORDER BY position, id",
                                        error);
  if (children == NULL)
    return FALSE;
  sqlite3_bind_int64 (children, 1, source_id);
  while ((rc = sqlite3_step (children)) == SQLITE_ROW)
    {
      gint64 child = sqlite3_column_int64 (children, 0);

      g_array_append_val (child_ids, child);
    }
  if (rc != SQLITE_DONE)
    {
      trellis_classroom_set_db_error (self, rc, error);
      return FALSE;
    }

  for (guint i = 0; i < child_ids->len; i++)
    {
      gint64 child_copy;

      if (!copy_node_tree (self, g_array_index (child_ids, gint64, i), playlist_id, *new_id, i,
                           &child_copy, error))
        return FALSE;
    }

  return TRUE;
}

/* The node with id @id, read from the file. */
static TrellisNode *
load_node (TrellisClassroom  *self,
           gint64             id,
           GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = trellis_classroom_prepare (self, "SELECT " NODE_COLUMNS " FROM nodes WHERE id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      if (rc == SQLITE_DONE)
        _trellis_set_not_found (error, _("The item is no longer in this playlist"));
      else
        trellis_classroom_set_db_error (self, rc, error);
      return NULL;
    }

  return node_from_row (stmt);
}

static gboolean
write_duplicate_node (TrellisClassroom  *self,
                      GListStore        *store,
                      TrellisNode       *node,
                      guint              index,
                      gint64            *new_id,
                      GError           **error)
{
  g_autoptr(GArray) ids = NULL;

  if (!copy_node_tree (self, trellis_node_get_id (node), trellis_node_get_playlist_id (node),
                       trellis_node_get_parent_id (node), index, new_id, error))
    return FALSE;

  ids = dup_node_ids (store);
  g_array_insert_val (ids, index, *new_id);

  return write_positions (self, ids, error);
}

/**
 * trellis_classroom_duplicate_node:
 *
 * Copies a node just after itself in its list (one transaction): its
 * fields, formats and skills and, for a choice group, its options, all
 * with new uids; no progress or choices.  Duplicating an option of a
 * choice group that is full keeps the group's bounds.  The list emits one
 * insertion.
 *
 * Returns: (transfer none) (nullable): the copy
 */
TrellisNode *
trellis_classroom_duplicate_node (TrellisClassroom  *self,
                                  TrellisNode       *node,
                                  GError           **error)
{
  g_autoptr(TrellisNode) copy = NULL;
  GListStore *store;
  gboolean written;
  guint position;
  gint64 id = 0;

  g_return_val_if_fail (TRELLIS_IS_CLASSROOM (self), NULL);
  g_return_val_if_fail (TRELLIS_IS_NODE (node), NULL);

  if ((store = find_node (self, node, &position, error)) == NULL ||
      !trellis_classroom_begin (self, error))
    return NULL;

  written = write_duplicate_node (self, store, node, position + 1, &id, error);
  if (written && (copy = load_node (self, id, error)) == NULL)
    written = FALSE;
  if (!_trellis_finish_edit (self, written, error))
    return NULL;

  g_list_store_insert (store, position + 1, copy);
  return copy;
}

static gboolean
write_duplicate_playlist (TrellisClassroom  *self,
                          TrellisPlaylist   *source,
                          const char        *title,
                          gint64            *id,
                          char             **uid,
                          GError           **error)
{
  g_autoptr(sqlite3_stmt) top = NULL;
  g_autoptr(GArray) top_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 source_id = trellis_playlist_get_id (source);
  int rc;

  if (!write_new_playlist (self, title, id, uid, error))
    return FALSE;

  if (!write_with_ids (self,
                       "UPDATE playlists SET (description, starts_on, ends_on) = "
                       "(SELECT description, starts_on, ends_on FROM playlists WHERE id = ?2) "
                       "WHERE id = ?1",
                       *id, source_id, error) ||
      !write_with_ids (self,
                       "INSERT INTO playlist_skills (playlist_id, skill_id) "
                       "SELECT ?1, skill_id FROM playlist_skills WHERE playlist_id = ?2",
                       *id, source_id, error))
    return FALSE;

  top = trellis_classroom_prepare (self,
                                   "SELECT id FROM nodes WHERE playlist_id = ?1 AND parent_id IS NULL "
                                   "ORDER BY position, id",
                                   error);
  if (top == NULL)
    return FALSE;
  sqlite3_bind_int64 (top, 1, source_id);
  while ((rc = sqlite3_step (top)) == SQLITE_ROW)
    {
      gint64 node_id = sqlite3_column_int64 (top, 0);

      g_array_append_val (top_ids, node_id);
    }
  if (rc != SQLITE_DONE)
    {
      trellis_classroom_set_db_error (self, rc, error);
      return FALSE;
    }

  for (guint i = 0; i < top_ids->len; i++)
    {
      gint64 copy_id;

      if (!copy_node_tree (self, g_array_index (top_ids, gint64, i), *id, 0, i, &copy_id, error))
        return FALSE;
    }

  return TRUE;
}

/**
 * trellis_classroom_duplicate_playlist:
 * @title: (nullable): the copy's title, or %NULL for “TITLE (copy)”
 *
 * Copies a playlist at the end of the playlist list (one transaction): its
 * description, dates and skills, and all its nodes with their options,
 * formats and skills, with new uids; no progress or choices.  The
 * playlist list emits one insertion.
 *
 * Returns: (transfer none) (nullable): the copy
 */
TrellisPlaylist *
trellis_classroom_duplicate_playlist (TrellisClassroom  *self,
                                      TrellisPlaylist   *playlist,
                                      const char        *title,
                                      GError           **error)
{
  g_autoptr(TrellisPlaylist) copy = NULL;
  g_autofree char *default_title = NULL;
  g_autofree char *clean = NULL;
  g_autofree char *uid = NULL;
  gboolean written;
  gint64 id = 0;

  g_return_val_if_fail (TRELLIS_IS_CLASSROOM (self), NULL);
  g_return_val_if_fail (TRELLIS_IS_PLAYLIST (playlist), NULL);

  if (!check_playlist_present (self, playlist, NULL, error))
    return NULL;

  if (title == NULL)
    /* Translators: the title of a copy of a playlist */
    title = default_title = g_strdup_printf (_("%s (copy)"), trellis_playlist_get_title (playlist));

  if ((clean = normalize_required (title, _("A playlist needs a title"), error)) == NULL ||
      !trellis_classroom_begin (self, error))
    return NULL;

  written = write_duplicate_playlist (self, playlist, clean, &id, &uid, error);
  if (!_trellis_finish_edit (self, written, error))
    return NULL;

  copy = trellis_playlist_new (id, uid, clean);
  trellis_playlist_set_description (copy, trellis_playlist_get_description (playlist));
  trellis_playlist_set_starts_on (copy, trellis_playlist_get_starts_on (playlist));
  trellis_playlist_set_ends_on (copy, trellis_playlist_get_ends_on (playlist));
  g_list_store_append (self->playlists, copy);

  return copy;
}

static gboolean
write_move_to_parent (TrellisClassroom  *self,
                      TrellisNode       *node,
                      gint64             parent_id,
                      GArray            *old_ids,
                      GArray            *new_ids,
                      TrellisNode       *old_parent,
                      guint              clamp_min,
                      guint              clamp_max,
                      GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = trellis_classroom_prepare (self, "UPDATE nodes SET parent_id = ?1 WHERE id = ?2", error);
  if (stmt == NULL)
    return FALSE;
  if (parent_id != 0)
    sqlite3_bind_int64 (stmt, 1, parent_id);
  sqlite3_bind_int64 (stmt, 2, trellis_node_get_id (node));
  if (!trellis_classroom_step (self, stmt, error))
    return FALSE;

  if (!write_positions (self, old_ids, error) ||
      !write_positions (self, new_ids, error))
    return FALSE;

  if (old_parent != NULL &&
      !write_choice_bounds (self, trellis_node_get_id (old_parent), clamp_min, clamp_max, error))
    return FALSE;

  return TRUE;
}

/**
 * trellis_classroom_move_node_to_parent:
 * @parent: (nullable): a choice group of the node's playlist, or %NULL for
 *   the playlist's top level
 * @position: the node's place in its new list, or -1 for the end
 *
 * Moves a node into or out of a choice group, or between groups (one
 * transaction).  Only activities go into a choice group.  Leaving a group
 * that then asks for more options than it has lowers its bounds, as
 * trellis_classroom_delete_node() does.  The old list emits one removal and
 * the new list one insertion; the node notifies #TrellisNode:parent-id.
 */
gboolean
trellis_classroom_move_node_to_parent (TrellisClassroom  *self,
                                       TrellisNode       *node,
                                       TrellisNode       *parent,
                                       int                position,
                                       GError           **error)
{
  g_autoptr(GArray) old_ids = NULL;
  g_autoptr(GArray) new_ids = NULL;
  TrellisNode *old_parent;
  GListStore *old_store;
  GListStore *new_store;
  gint64 parent_id;
  gint64 id;
  gboolean written;
  gboolean clamp = FALSE;
  guint old_position;
  guint new_min = 0;
  guint new_max = 0;
  guint n;

  g_return_val_if_fail (TRELLIS_IS_CLASSROOM (self), FALSE);
  g_return_val_if_fail (TRELLIS_IS_NODE (node), FALSE);
  g_return_val_if_fail (parent == NULL || TRELLIS_IS_NODE (parent), FALSE);

  if ((old_store = find_node (self, node, &old_position, error)) == NULL ||
      (parent != NULL && find_node (self, parent, NULL, error) == NULL))
    return FALSE;

  parent_id = parent != NULL ? trellis_node_get_id (parent) : 0;
  if (parent_id == trellis_node_get_parent_id (node))
    return trellis_classroom_move_node (self, node, position, error);

  if (parent != NULL)
    {
      const char *message = NULL;

      if (trellis_node_get_playlist_id (parent) != trellis_node_get_playlist_id (node))
        message = _("The choice group is in another playlist");
      else if (trellis_node_get_kind (parent) != TRELLIS_NODE_KIND_CHOICE)
        message = _("Only a choice group can have options");
      else if (trellis_node_get_kind (node) != TRELLIS_NODE_KIND_ACTIVITY)
        message = _("The options of a choice group must be activities");

      if (message != NULL)
        return _trellis_set_invalid (error, message);
    }

  new_store = ensure_node_store (self, trellis_node_get_playlist_id (node), parent_id, error);
  if (new_store == NULL)
    return FALSE;

  n = g_list_model_get_n_items (G_LIST_MODEL (new_store));
  if (position < -1 || position > (int)n)
    {
      g_set_error (error, TRELLIS_CLASSROOM_ERROR, TRELLIS_CLASSROOM_ERROR_INVALID,
                   _("There is no place %d in a list of %u"), position, n);
      return FALSE;
    }
  if (position == -1)
    position = (int)n;

  old_parent = lookup_parent (self, node);
  if (old_parent != NULL)
    {
      guint n_left = g_list_model_get_n_items (G_LIST_MODEL (old_store)) - 1;

      if (n_left > 0 && trellis_node_get_choose_max (old_parent) > n_left)
        {
          clamp = TRUE;
          new_max = n_left;
          new_min = MIN (trellis_node_get_choose_min (old_parent), new_max);
        }
    }

  old_ids = dup_node_ids (old_store);
  g_array_remove_index (old_ids, old_position);
  new_ids = dup_node_ids (new_store);
  id = trellis_node_get_id (node);
  g_array_insert_val (new_ids, (guint)position, id);

  if (!trellis_classroom_begin (self, error))
    return FALSE;
  written = write_move_to_parent (self, node, parent_id, old_ids, new_ids,
                                  clamp ? old_parent : NULL, new_min, new_max, error);
  if (!_trellis_finish_edit (self, written, error))
    return FALSE;

  g_object_ref (node);
  g_list_store_remove (old_store, old_position);
  trellis_node_set_parent_id (node, parent_id);
  g_list_store_insert (new_store, (guint)position, node);
  if (clamp)
    set_choice_bounds (old_parent, new_min, new_max);
  g_object_unref (node);

  return TRUE;
}

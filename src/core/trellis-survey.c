/* trellis-survey.c
 *
 * Copyright 2026 The Trellis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trellis-survey"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "trellis-row-snapshot-private.h"
#include "trellis-store-private.h"
#include "trellis-survey.h"

G_DEFINE_QUARK (trellis-survey-error-quark, trellis_survey_error)

struct _TrellisSurveyItemSnapshot
{
  gint64              item_id;
  gint64              survey_id;
  TrellisRowSnapshot *rows;   /* NULL once restored */
};

static const char * const default_prompts[] = {
  N_("I can choose how I learn best"),
  N_("I set goals and check them"),
  N_("I know what to do when I get stuck"),
  N_("I can explain what I am learning and why"),
  NULL
};

/* ------------------------------------------------------------------ */
/* Helpers                                                             */

static char *
normalize_prompt (const char  *prompt,
                  GError     **error)
{
  char *copy;

  if (prompt == NULL || !g_utf8_validate (prompt, -1, NULL))
    {
      g_set_error_literal (error, TRELLIS_SURVEY_ERROR, TRELLIS_SURVEY_ERROR_INVALID,
                           _("The item is not valid text"));
      return NULL;
    }

  copy = g_strstrip (g_utf8_normalize (prompt, -1, G_NORMALIZE_DEFAULT_COMPOSE));
  if (*copy == '\0')
    {
      g_free (copy);
      g_set_error_literal (error, TRELLIS_SURVEY_ERROR, TRELLIS_SURVEY_ERROR_INVALID,
                           _("A survey item needs a prompt"));
      return NULL;
    }

  return copy;
}

static gboolean
valid_date (const char *text)
{
  unsigned int y, m, d;
  int consumed = 0;

  return text != NULL && strlen (text) == 10 &&
         sscanf (text, "%4u-%2u-%2u%n", &y, &m, &d, &consumed) == 3 && consumed == 10 &&
         g_date_valid_dmy ((GDateDay)d, (GDateMonth)m, (GDateYear)y);
}

/* The survey an item belongs to, or 0 with an error. */
static gint64
item_survey (TrellisClassroom  *classroom,
             gint64             item_id,
             GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = trellis_classroom_prepare (classroom, "SELECT survey_id FROM survey_items WHERE id = ?1", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, item_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return sqlite3_column_int64 (stmt, 0);
  if (rc != SQLITE_DONE)
    trellis_classroom_set_db_error (classroom, rc, error);
  else
    g_set_error (error, TRELLIS_SURVEY_ERROR, TRELLIS_SURVEY_ERROR_NOT_FOUND,
                 _("There is no survey item with id %" G_GINT64_FORMAT), item_id);
  return 0;
}

static gboolean
check_survey (TrellisClassroom  *classroom,
              gint64             survey_id,
              GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = trellis_classroom_prepare (classroom, "SELECT 1 FROM surveys WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, survey_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return TRUE;
  if (rc != SQLITE_DONE)
    trellis_classroom_set_db_error (classroom, rc, error);
  else
    g_set_error (error, TRELLIS_SURVEY_ERROR, TRELLIS_SURVEY_ERROR_NOT_FOUND,
                 _("There is no survey with id %" G_GINT64_FORMAT), survey_id);
  return FALSE;
}

static gint64
insert_item (TrellisClassroom  *classroom,
             gint64             survey_id,
             const char        *prompt,
             GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *normalized = normalize_prompt (prompt, error);

  if (normalized == NULL)
    return 0;

  stmt = trellis_classroom_prepare (classroom,
                                    "INSERT INTO survey_items (survey_id, position, prompt, scale_min, scale_max) "
                                    "VALUES (?1, (SELECT coalesce (max (position) + 1, 0) FROM survey_items "
                                    "WHERE survey_id = ?1), ?2, ?3, ?4)",
                                    error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, survey_id);
  sqlite3_bind_text (stmt, 2, normalized, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 3, TRELLIS_SURVEY_SCALE_MIN);
  sqlite3_bind_int (stmt, 4, TRELLIS_SURVEY_SCALE_MAX);
  if (!trellis_classroom_step (classroom, stmt, error))
    return 0;

  return sqlite3_last_insert_rowid (trellis_classroom_get_db (classroom));
}

/* ------------------------------------------------------------------ */
/* Surveys and items                                                   */

void
trellis_survey_item_free (TrellisSurveyItem *item)
{
  if (item == NULL)
    return;

  g_free (item->prompt);
  g_free (item);
}

/**
 * trellis_survey_default_prompts:
 *
 * Returns: (transfer none): the default items, untranslated; translate
 *   them with g_dgettext (GETTEXT_PACKAGE, …)
 */
const char * const *
trellis_survey_default_prompts (void)
{
  return default_prompts;
}

gint64
trellis_survey_create (TrellisClassroom    *classroom,
                       const char          *title,
                       const char * const  *prompts,
                       GError             **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *today = NULL;
  g_autofree char *normalized = NULL;
  gint64 survey_id;

  g_return_val_if_fail (TRELLIS_IS_CLASSROOM (classroom), 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  normalized = normalize_prompt (title != NULL ? title : _("Learner agency"), NULL);
  if (normalized == NULL)
    {
      g_set_error_literal (error, TRELLIS_SURVEY_ERROR, TRELLIS_SURVEY_ERROR_INVALID,
                           _("A survey needs a title"));
      return 0;
    }

  if (!trellis_classroom_begin (classroom, error))
    return 0;

  today = trellis_classroom_today (classroom);
  stmt = trellis_classroom_prepare (classroom, "INSERT INTO surveys (title, created_on) VALUES (?1, ?2)", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_text (stmt, 1, normalized, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, today, -1, SQLITE_STATIC);
  if (!trellis_classroom_step (classroom, stmt, error))
    goto failed;
  survey_id = sqlite3_last_insert_rowid (trellis_classroom_get_db (classroom));

  if (prompts == NULL)
    {
      for (guint i = 0; default_prompts[i] != NULL; i++)
        if (insert_item (classroom, survey_id, g_dgettext (GETTEXT_PACKAGE, default_prompts[i]), error) == 0)
          goto failed;
    }
  else
    {
      for (guint i = 0; prompts[i] != NULL; i++)
        if (insert_item (classroom, survey_id, prompts[i], error) == 0)
          goto failed;
    }

  if (!trellis_classroom_commit (classroom, error))
    return 0;

  return survey_id;

failed:
  trellis_classroom_rollback (classroom);
  return 0;
}

gint64
trellis_survey_get_default (TrellisClassroom  *classroom,
                            gboolean           create,
                            GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (TRELLIS_IS_CLASSROOM (classroom), 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  stmt = trellis_classroom_prepare (classroom, "SELECT id FROM surveys ORDER BY id LIMIT 1", error);
  if (stmt == NULL)
    return 0;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return sqlite3_column_int64 (stmt, 0);
  if (rc != SQLITE_DONE)
    {
      trellis_classroom_set_db_error (classroom, rc, error);
      return 0;
    }

  if (!create)
    return 0;

  g_clear_pointer (&stmt, sqlite3_finalize);
  return trellis_survey_create (classroom, NULL, NULL, error);
}

/**
 * trellis_survey_get_items:
 *
 * Returns: (transfer container) (element-type TrellisSurveyItem) (nullable):
 *   the survey's items in order
 */
GPtrArray *
trellis_survey_get_items (TrellisClassroom  *classroom,
                          gint64             survey_id,
                          GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) items = NULL;
  int rc;

  g_return_val_if_fail (TRELLIS_IS_CLASSROOM (classroom), NULL);

  if (!check_survey (classroom, survey_id, error))
    return NULL;

  stmt = trellis_classroom_prepare (classroom,
                                    "SELECT id, prompt, scale_min, scale_max FROM survey_items "
                                    "WHERE survey_id = ?1 ORDER BY position, id",
                                    error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, survey_id);

  items = g_ptr_array_new_with_free_func ((GDestroyNotify)trellis_survey_item_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TrellisSurveyItem *item = g_new0 (TrellisSurveyItem, 1);

      item->id = sqlite3_column_int64 (stmt, 0);
      item->position = items->len;
      item->prompt = g_strdup ((const char *)sqlite3_column_text (stmt, 1));
      item->scale_min = sqlite3_column_int (stmt, 2);
      item->scale_max = sqlite3_column_int (stmt, 3);
      g_ptr_array_add (items, item);
    }
  if (rc != SQLITE_DONE)
    {
      trellis_classroom_set_db_error (classroom, rc, error);
      return NULL;
    }

  return g_steal_pointer (&items);
}

gint64
trellis_survey_add_item (TrellisClassroom  *classroom,
                         gint64             survey_id,
                         const char        *prompt,
                         GError           **error)
{
  gint64 id;

  g_return_val_if_fail (TRELLIS_IS_CLASSROOM (classroom), 0);

  if (!check_survey (classroom, survey_id, error) ||
      !trellis_classroom_begin (classroom, error))
    return 0;

  id = insert_item (classroom, survey_id, prompt, error);
  if (id == 0 || !trellis_classroom_commit (classroom, error))
    {
      trellis_classroom_rollback (classroom);
      return 0;
    }

  return id;
}

gboolean
trellis_survey_set_item_prompt (TrellisClassroom  *classroom,
                                gint64             item_id,
                                const char        *prompt,
                                GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *normalized = NULL;

  g_return_val_if_fail (TRELLIS_IS_CLASSROOM (classroom), FALSE);

  if (item_survey (classroom, item_id, error) == 0)
    return FALSE;
  normalized = normalize_prompt (prompt, error);
  if (normalized == NULL)
    return FALSE;

  stmt = trellis_classroom_prepare (classroom, "UPDATE survey_items SET prompt = ?2 WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, item_id);
  sqlite3_bind_text (stmt, 2, normalized, -1, SQLITE_STATIC);
  return trellis_classroom_step (classroom, stmt, error);
}

gboolean
trellis_survey_move_item (TrellisClassroom  *classroom,
                          gint64             item_id,
                          guint              position,
                          GError           **error)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  TrellisSurveyItem *moved = NULL;
  gint64 survey_id;

  g_return_val_if_fail (TRELLIS_IS_CLASSROOM (classroom), FALSE);

  survey_id = item_survey (classroom, item_id, error);
  if (survey_id == 0)
    return FALSE;
  items = trellis_survey_get_items (classroom, survey_id, error);
  if (items == NULL)
    return FALSE;

  for (guint i = 0; i < items->len; i++)
    {
      TrellisSurveyItem *item = g_ptr_array_index (items, i);

      if (item->id == item_id)
        {
          moved = g_ptr_array_steal_index (items, i);
          break;
        }
    }
  g_assert (moved != NULL);
  g_ptr_array_insert (items, (int)MIN (position, items->len), moved);

  if (!trellis_classroom_begin (classroom, error))
    return FALSE;
  stmt = trellis_classroom_prepare (classroom, "UPDATE survey_items SET position = ?2 WHERE id = ?1", error);
  if (stmt == NULL)
    goto failed;
  for (guint i = 0; i < items->len; i++)
    {
      TrellisSurveyItem *item = g_ptr_array_index (items, i);

      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, item->id);
      sqlite3_bind_int (stmt, 2, (int)i);
      if (!trellis_classroom_step (classroom, stmt, error))
        goto failed;
    }
  if (!trellis_classroom_commit (classroom, error))
    return FALSE;
  return TRUE;

failed:
  trellis_classroom_rollback (classroom);
  return FALSE;
}

/* Deletes the item's row; its answers cascade. */
static gboolean
delete_item (TrellisClassroom  *classroom,
             gint64             item_id,
             GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = trellis_classroom_prepare (classroom, "DELETE FROM survey_items WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, item_id);
  return trellis_classroom_step (classroom, stmt, error);
}

gboolean
trellis_survey_remove_item (TrellisClassroom  *classroom,
                            gint64             item_id,
                            GError           **error)
{
  g_return_val_if_fail (TRELLIS_IS_CLASSROOM (classroom), FALSE);

  return item_survey (classroom, item_id, error) != 0 && delete_item (classroom, item_id, error);
}

TrellisSurveyItemSnapshot *
trellis_survey_remove_item_undoable (TrellisClassroom  *classroom,
                                     gint64             item_id,
                                     GError           **error)
{
  g_autoptr(TrellisSurveyItemSnapshot) snapshot = NULL;
  gboolean written;

  g_return_val_if_fail (TRELLIS_IS_CLASSROOM (classroom), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  snapshot = g_new0 (TrellisSurveyItemSnapshot, 1);
  snapshot->item_id = item_id;
  if ((snapshot->survey_id = item_survey (classroom, item_id, error)) == 0)
    return NULL;

  if (!trellis_classroom_begin (classroom, error))
    return NULL;
  written = (snapshot->rows = _trellis_row_snapshot_capture (classroom, "survey_items", "id = ?1",
                                                             item_id, error)) != NULL &&
            delete_item (classroom, item_id, error);
  if (!_trellis_finish_edit (classroom, written, error))
    return NULL;

  return g_steal_pointer (&snapshot);
}

gint64
trellis_survey_restore_item (TrellisClassroom           *classroom,
                             TrellisSurveyItemSnapshot  *snapshot,
                             GError                    **error)
{
  gboolean written;

  g_return_val_if_fail (TRELLIS_IS_CLASSROOM (classroom), 0);
  g_return_val_if_fail (snapshot != NULL, 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  if (snapshot->rows == NULL)
    {
      g_set_error_literal (error, TRELLIS_SURVEY_ERROR, TRELLIS_SURVEY_ERROR_NOT_FOUND,
                           _("The survey item was already put back"));
      return 0;
    }
  if (!check_survey (classroom, snapshot->survey_id, error))
    return 0;

  if (!trellis_classroom_begin (classroom, error))
    return 0;
  written = _trellis_row_snapshot_restore (classroom, snapshot->rows, error);
  /* What the answers belong to is gone: an administration or a learner.
   * (Ids taken meanwhile come back as the classroom's EXISTS error, whose
   * message says so.) */
  if (!written && g_error_matches (error != NULL ? *error : NULL, TRELLIS_CLASSROOM_ERROR,
                                   TRELLIS_CLASSROOM_ERROR_NO_SUCH_ITEM))
    {
      g_clear_error (error);
      g_set_error_literal (error, TRELLIS_SURVEY_ERROR, TRELLIS_SURVEY_ERROR_NOT_FOUND,
                           _("The survey item cannot come back: answers it had belong to something deleted meanwhile"));
    }
  if (!_trellis_finish_edit (classroom, written, error))
    return 0;

  g_clear_pointer (&snapshot->rows, _trellis_row_snapshot_free);
  return snapshot->item_id;
}

void
trellis_survey_item_snapshot_free (TrellisSurveyItemSnapshot *snapshot)
{
  if (snapshot == NULL)
    return;

  g_clear_pointer (&snapshot->rows, _trellis_row_snapshot_free);
  g_free (snapshot);
}

/* ------------------------------------------------------------------ */
/* Administrations                                                     */

gint64
trellis_survey_record (TrellisClassroom             *classroom,
                       gint64                        survey_id,
                       const char                   *administered_on,
                       const TrellisSurveyResponse  *responses,
                       gsize                         n_responses,
                       GError                      **error)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GHashTable) seen = NULL;
  g_autoptr(sqlite3_stmt) learner = NULL;
  g_autoptr(sqlite3_stmt) insert = NULL;
  g_autoptr(sqlite3_stmt) admin = NULL;
  gint64 admin_id;

  g_return_val_if_fail (TRELLIS_IS_CLASSROOM (classroom), 0);
  g_return_val_if_fail (responses != NULL || n_responses == 0, 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  if (!valid_date (administered_on))
    {
      g_set_error (error, TRELLIS_SURVEY_ERROR, TRELLIS_SURVEY_ERROR_INVALID,
                   _("“%s” is not a date (YYYY-MM-DD)"), administered_on != NULL ? administered_on : "");
      return 0;
    }

  items = trellis_survey_get_items (classroom, survey_id, error);
  if (items == NULL)
    return 0;

  learner = trellis_classroom_prepare (classroom, "SELECT 1 FROM learners WHERE id = ?1 AND trashed = 0", error);
  if (learner == NULL)
    return 0;

  /* Check everything before writing anything. */
  seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (gsize r = 0; r < n_responses; r++)
    {
      const TrellisSurveyResponse *resp = &responses[r];
      TrellisSurveyItem *item = NULL;
      char *key;

      for (guint i = 0; i < items->len; i++)
        if (((TrellisSurveyItem *)g_ptr_array_index (items, i))->id == resp->item_id)
          item = g_ptr_array_index (items, i);
      if (item == NULL)
        {
          g_set_error (error, TRELLIS_SURVEY_ERROR, TRELLIS_SURVEY_ERROR_INVALID,
                       _("Item %" G_GINT64_FORMAT " is not part of this survey"), resp->item_id);
          return 0;
        }
      if (resp->value < item->scale_min || resp->value > item->scale_max)
        {
          g_set_error (error, TRELLIS_SURVEY_ERROR, TRELLIS_SURVEY_ERROR_INVALID,
                       _("%d is not on the scale %d to %d of “%s”"),
                       resp->value, item->scale_min, item->scale_max, item->prompt);
          return 0;
        }

      sqlite3_reset (learner);
      sqlite3_bind_int64 (learner, 1, resp->learner_id);
      if (sqlite3_step (learner) != SQLITE_ROW)
        {
          g_set_error (error, TRELLIS_SURVEY_ERROR, TRELLIS_SURVEY_ERROR_INVALID,
                       _("There is no learner with id %" G_GINT64_FORMAT), resp->learner_id);
          return 0;
        }

      key = g_strdup_printf ("%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT, resp->learner_id, resp->item_id);
      if (!g_hash_table_add (seen, key))
        {
          g_set_error (error, TRELLIS_SURVEY_ERROR, TRELLIS_SURVEY_ERROR_INVALID,
                       _("Learner %" G_GINT64_FORMAT " answers “%s” twice"), resp->learner_id, item->prompt);
          return 0;
        }
    }
  g_clear_pointer (&learner, sqlite3_finalize);

  if (!trellis_classroom_begin (classroom, error))
    return 0;

  admin = trellis_classroom_prepare (classroom,
                                     "INSERT INTO survey_administrations (survey_id, administered_on) VALUES (?1, ?2)",
                                     error);
  if (admin == NULL)
    goto failed;
  sqlite3_bind_int64 (admin, 1, survey_id);
  sqlite3_bind_text (admin, 2, administered_on, -1, SQLITE_STATIC);
  if (!trellis_classroom_step (classroom, admin, error))
    goto failed;
  admin_id = sqlite3_last_insert_rowid (trellis_classroom_get_db (classroom));

  insert = trellis_classroom_prepare (classroom,
                                      "INSERT INTO survey_responses (administration_id, item_id, learner_id, value) "
                                      "VALUES (?1, ?2, ?3, ?4)",
                                      error);
  if (insert == NULL)
    goto failed;
  for (gsize r = 0; r < n_responses; r++)
    {
      sqlite3_reset (insert);
      sqlite3_bind_int64 (insert, 1, admin_id);
      sqlite3_bind_int64 (insert, 2, responses[r].item_id);
      sqlite3_bind_int64 (insert, 3, responses[r].learner_id);
      sqlite3_bind_int (insert, 4, responses[r].value);
      if (!trellis_classroom_step (classroom, insert, error))
        goto failed;
    }

  if (!trellis_classroom_commit (classroom, error))
    return 0;

  return admin_id;

failed:
  trellis_classroom_rollback (classroom);
  return 0;
}

/* ------------------------------------------------------------------ */
/* CSV import                                                          */

typedef struct
{
  const char *p;
  const char *end;
  guint       line;        /* the line the current record started on */
  guint       next_line;
  GPtrArray  *fields;      /* char * */
} CsvReader;

/* Reads one record; FALSE at the end of the data or on error (*error set). */
static gboolean
csv_read_record (CsvReader  *r,
                 GError    **error)
{
  GString *field = g_string_new (NULL);

  g_ptr_array_set_size (r->fields, 0);
  if (r->p >= r->end)
    {
      g_string_free (field, TRUE);
      return FALSE;
    }

  r->line = r->next_line;
  for (;;)
    {
      gboolean quoted = FALSE;

      g_string_truncate (field, 0);
      if (r->p < r->end && *r->p == '"')
        {
          quoted = TRUE;
          r->p++;
          for (;;)
            {
              if (r->p >= r->end)
                {
                  g_set_error (error, TRELLIS_SURVEY_ERROR, TRELLIS_SURVEY_ERROR_PARSE,
                               _("Line %u: a quoted field is not closed"), r->line);
                  g_string_free (field, TRUE);
                  return FALSE;
                }
              if (*r->p == '"')
                {
                  if (r->p + 1 < r->end && r->p[1] == '"')
                    {
                      g_string_append_c (field, '"');
                      r->p += 2;
                      continue;
                    }
                  r->p++;
                  break;
                }
              if (*r->p == '\n')
                r->next_line++;
              g_string_append_c (field, *r->p++);
            }
        }

      while (r->p < r->end && *r->p != ',' && *r->p != '\n' && *r->p != '\r')
        {
          if (quoted)
            {
              g_set_error (error, TRELLIS_SURVEY_ERROR, TRELLIS_SURVEY_ERROR_PARSE,
                           _("Line %u: text after a closing quote"), r->line);
              g_string_free (field, TRUE);
              return FALSE;
            }
          if (*r->p == '"')
            {
              g_set_error (error, TRELLIS_SURVEY_ERROR, TRELLIS_SURVEY_ERROR_PARSE,
                           _("Line %u: a quote inside an unquoted field"), r->line);
              g_string_free (field, TRUE);
              return FALSE;
            }
          g_string_append_c (field, *r->p++);
        }

      g_ptr_array_add (r->fields, g_strdup (field->str));

      if (r->p < r->end && *r->p == ',')
        {
          r->p++;
          continue;
        }

      /* End of record: \n, \r\n, \r or the end of the data. */
      if (r->p < r->end && *r->p == '\r')
        r->p++;
      if (r->p < r->end && *r->p == '\n')
        r->p++;
      r->next_line++;
      break;
    }

  g_string_free (field, TRUE);
  return TRUE;
}

static gboolean
record_is_blank (GPtrArray *fields)
{
  for (guint i = 0; i < fields->len; i++)
    if (*g_strstrip ((char *)g_ptr_array_index (fields, i)) != '\0')
      return FALSE;
  return TRUE;
}

/* Finds a learner by SIS id, else by a name exactly one learner has. */
static gint64
match_learner (TrellisClassroom  *classroom,
               sqlite3_stmt      *by_sis,
               sqlite3_stmt      *by_name,
               const char        *text,
               guint              line,
               GError           **error)
{
  gint64 id = 0;
  guint n = 0;
  int rc;

  sqlite3_reset (by_sis);
  sqlite3_bind_text (by_sis, 1, text, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (by_sis);
  if (rc == SQLITE_ROW)
    return sqlite3_column_int64 (by_sis, 0);

  sqlite3_reset (by_name);
  sqlite3_bind_text (by_name, 1, text, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (by_name)) == SQLITE_ROW)
    {
      id = sqlite3_column_int64 (by_name, 0);
      n++;
    }
  if (rc != SQLITE_DONE)
    {
      trellis_classroom_set_db_error (classroom, rc, error);
      return 0;
    }

  if (n == 1)
    return id;

  if (n == 0)
    g_set_error (error, TRELLIS_SURVEY_ERROR, TRELLIS_SURVEY_ERROR_PARSE,
                 _("Line %u: no learner has the SIS id or name “%s”"), line, text);
  else
    g_set_error (error, TRELLIS_SURVEY_ERROR, TRELLIS_SURVEY_ERROR_PARSE,
                 g_dngettext (GETTEXT_PACKAGE,
                              "Line %u: %u learner is called “%s”; use the SIS id",
                              "Line %u: %u learners are called “%s”; use the SIS id", n),
                 line, n, text);
  return 0;
}

gint64
trellis_survey_import_csv (TrellisClassroom  *classroom,
                           gint64             survey_id,
                           const char        *administered_on,
                           const char        *data,
                           gsize              length,
                           guint             *n_responses,
                           GError           **error)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) responses = g_array_new (FALSE, FALSE, sizeof (TrellisSurveyResponse));
  g_autoptr(GHashTable) learner_lines = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(sqlite3_stmt) by_sis = NULL;
  g_autoptr(sqlite3_stmt) by_name = NULL;
  g_autofree TrellisSurveyItem **columns = NULL;
  g_autoptr(GError) local_error = NULL;
  CsvReader reader = { 0 };
  guint n_columns;
  gint64 admin_id;

  g_return_val_if_fail (TRELLIS_IS_CLASSROOM (classroom), 0);
  g_return_val_if_fail (data != NULL || length == 0, 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  if (n_responses != NULL)
    *n_responses = 0;

  if (!valid_date (administered_on))
    {
      g_set_error (error, TRELLIS_SURVEY_ERROR, TRELLIS_SURVEY_ERROR_INVALID,
                   _("“%s” is not a date (YYYY-MM-DD)"), administered_on != NULL ? administered_on : "");
      return 0;
    }

  if (!g_utf8_validate (data, (gssize)length, NULL))
    {
      g_set_error_literal (error, TRELLIS_SURVEY_ERROR, TRELLIS_SURVEY_ERROR_PARSE,
                           _("The file is not UTF-8 text"));
      return 0;
    }

  items = trellis_survey_get_items (classroom, survey_id, error);
  if (items == NULL)
    return 0;

  reader.p = data;
  reader.end = data + length;
  reader.next_line = 1;
  reader.fields = fields;
  if (length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    reader.p += 3;

  /* The header. */
  if (!csv_read_record (&reader, &local_error))
    {
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error_literal (error, TRELLIS_SURVEY_ERROR, TRELLIS_SURVEY_ERROR_PARSE,
                             _("The file is empty; it needs a header row: learner, then the items"));
      return 0;
    }
  n_columns = fields->len;
  if (n_columns < 2)
    {
      g_set_error (error, TRELLIS_SURVEY_ERROR, TRELLIS_SURVEY_ERROR_PARSE,
                   _("Line %u: the header needs the learner column and at least one item"), reader.line);
      return 0;
    }

  columns = g_new0 (TrellisSurveyItem *, n_columns);
  for (guint c = 1; c < n_columns; c++)
    {
      char *heading = g_strstrip ((char *)g_ptr_array_index (fields, c));
      g_autofree char *normalized = g_utf8_normalize (heading, -1, G_NORMALIZE_DEFAULT_COMPOSE);
      char *end = NULL;
      guint64 number = g_ascii_strtoull (heading, &end, 10);

      if (*heading != '\0' && end != NULL && *end == '\0' && number >= 1 && number <= items->len)
        columns[c] = g_ptr_array_index (items, number - 1);
      else
        for (guint i = 0; i < items->len; i++)
          if (g_strcmp0 (((TrellisSurveyItem *)g_ptr_array_index (items, i))->prompt, normalized) == 0)
            columns[c] = g_ptr_array_index (items, i);

      if (columns[c] == NULL)
        {
          g_set_error (error, TRELLIS_SURVEY_ERROR, TRELLIS_SURVEY_ERROR_PARSE,
                       _("Line %u: column %u “%s” is not an item of this survey"), reader.line, c + 1, heading);
          return 0;
        }
      for (guint other = 1; other < c; other++)
        if (columns[other] == columns[c])
          {
            g_set_error (error, TRELLIS_SURVEY_ERROR, TRELLIS_SURVEY_ERROR_PARSE,
                         _("Line %u: the item “%s” has two columns"), reader.line, columns[c]->prompt);
            return 0;
          }
    }

  by_sis = trellis_classroom_prepare (classroom,
                                      "SELECT id FROM learners WHERE sis_id = ?1 AND trashed = 0", error);
  if (by_sis == NULL)
    return 0;
  by_name = trellis_classroom_prepare (classroom,
                                       "SELECT id FROM learners WHERE name = ?1 AND trashed = 0", error);
  if (by_name == NULL)
    return 0;

  /* The rows. */
  while (csv_read_record (&reader, &local_error))
    {
      const char *who;
      gint64 learner_id;
      gpointer previous;

      if (record_is_blank (fields))
        continue;

      if (fields->len != n_columns)
        {
          g_set_error (error, TRELLIS_SURVEY_ERROR, TRELLIS_SURVEY_ERROR_PARSE,
                       g_dngettext (GETTEXT_PACKAGE,
                                    "Line %u: %u field where the header has %u",
                                    "Line %u: %u fields where the header has %u", fields->len),
                       reader.line, fields->len, n_columns);
          return 0;
        }

      who = g_ptr_array_index (fields, 0);
      if (*who == '\0')
        {
          g_set_error (error, TRELLIS_SURVEY_ERROR, TRELLIS_SURVEY_ERROR_PARSE,
                       _("Line %u: the learner is missing"), reader.line);
          return 0;
        }
      learner_id = match_learner (classroom, by_sis, by_name, who, reader.line, error);
      if (learner_id == 0)
        return 0;

      previous = g_hash_table_lookup (learner_lines, &learner_id);
      if (previous != NULL)
        {
          g_set_error (error, TRELLIS_SURVEY_ERROR, TRELLIS_SURVEY_ERROR_PARSE,
                       _("Line %u: “%s” already answered on line %u"),
                       reader.line, who, GPOINTER_TO_UINT (previous));
          return 0;
        }
      g_hash_table_insert (learner_lines, g_memdup2 (&learner_id, sizeof learner_id),
                           GUINT_TO_POINTER (reader.line));

      for (guint c = 1; c < n_columns; c++)
        {
          const char *cell = g_ptr_array_index (fields, c);
          TrellisSurveyResponse resp = { learner_id, columns[c]->id, 0 };
          char *end = NULL;
          gint64 value;

          if (*cell == '\0')
            continue;
          value = g_ascii_strtoll (cell, &end, 10);
          if (end == cell || *end != '\0' || value < columns[c]->scale_min || value > columns[c]->scale_max)
            {
              g_set_error (error, TRELLIS_SURVEY_ERROR, TRELLIS_SURVEY_ERROR_PARSE,
                           _("Line %u, column %u: “%s” is not a whole number from %d to %d"),
                           reader.line, c + 1, cell, columns[c]->scale_min, columns[c]->scale_max);
              return 0;
            }
          resp.value = (int)value;
          g_array_append_val (responses, resp);
        }
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return 0;
    }

  if (responses->len == 0)
    {
      g_set_error_literal (error, TRELLIS_SURVEY_ERROR, TRELLIS_SURVEY_ERROR_PARSE,
                           _("The file has no responses"));
      return 0;
    }

  g_clear_pointer (&by_sis, sqlite3_finalize);
  g_clear_pointer (&by_name, sqlite3_finalize);

  admin_id = trellis_survey_record (classroom, survey_id, administered_on,
                                    (const TrellisSurveyResponse *)(gpointer)responses->data,
                                    responses->len, error);
  if (admin_id != 0 && n_responses != NULL)
    *n_responses = responses->len;

  return admin_id;
}

gint64
trellis_survey_import_csv_file (TrellisClassroom  *classroom,
                                gint64             survey_id,
                                const char        *administered_on,
                                const char        *path,
                                guint             *n_responses,
                                GError           **error)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_return_val_if_fail (path != NULL, 0);

  if (!g_file_get_contents (path, &contents, &length, error))
    return 0;

  return trellis_survey_import_csv (classroom, survey_id, administered_on, contents, length,
                                    n_responses, error);
}

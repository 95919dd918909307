/* trellis-store.c
 *
 * Copyright 2026 The Trellis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "trellis-store-private.h"

/*
 * Helpers that several core files used to keep a copy of each.  Keep
 * translatable text out of this file: messages are passed in by callers.
 */

/*
 * Replaces *@field by a copy of @value, "" counting as %NULL.
 *
 * Returns: %TRUE if the field changed (and a property should notify)
 */
gboolean
_trellis_replace_string (char       **field,
                         const char  *value)
{
  g_assert (field != NULL);

  if (value != NULL && *value == '\0')
    value = NULL;

  if (g_strcmp0 (*field, value) == 0)
    return FALSE;

  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

/*
 * Ends an edit begun with trellis_classroom_begin(): commits when
 * @written, rolls back when not or when the commit fails.
 */
gboolean
_trellis_finish_edit (TrellisClassroom  *classroom,
                      gboolean           written,
                      GError           **error)
{
  if (written && trellis_classroom_commit (classroom, error))
    return TRUE;

  trellis_classroom_rollback (classroom);
  return FALSE;
}

/* Sets TRELLIS_CLASSROOM_ERROR_INVALID; returns %FALSE. */
gboolean
_trellis_set_invalid (GError     **error,
                      const char  *message)
{
  g_set_error_literal (error, TRELLIS_CLASSROOM_ERROR, TRELLIS_CLASSROOM_ERROR_INVALID, message);
  return FALSE;
}

/* Sets TRELLIS_CLASSROOM_ERROR_NO_SUCH_ITEM; returns %FALSE. */
gboolean
_trellis_set_not_found (GError     **error,
                        const char  *message)
{
  g_set_error_literal (error, TRELLIS_CLASSROOM_ERROR, TRELLIS_CLASSROOM_ERROR_NO_SUCH_ITEM, message);
  return FALSE;
}

const char *
_trellis_column_text (sqlite3_stmt *stmt,
                      int           column)
{
  return (const char *)sqlite3_column_text (stmt, column);
}

/* A copy of a text column; %NULL for NULL. */
char *
_trellis_column_dup (sqlite3_stmt *stmt,
                     int           column)
{
  return g_strdup ((const char *)sqlite3_column_text (stmt, column));
}

/* Binds @text (copied), or NULL when @text is %NULL. */
void
_trellis_bind_text_or_null (sqlite3_stmt *stmt,
                            int           index,
                            const char   *text)
{
  if (text != NULL)
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, index);
}

/*
 * Binds @id, or NULL when it is 0 (or less): no row.
 *
 * Returns: %TRUE if the binding succeeded
 */
gboolean
_trellis_bind_id_or_null (sqlite3_stmt *stmt,
                          int           index,
                          gint64        id)
{
  if (id > 0)
    return sqlite3_bind_int64 (stmt, index, id) == SQLITE_OK;

  return sqlite3_bind_null (stmt, index) == SQLITE_OK;
}

/* A row id written as decimal text: 1 to G_MAXINT64, nothing else. */
gboolean
_trellis_parse_id (const char *text,
                   gint64     *id)
{
  guint64 value;

  if (!g_ascii_string_to_unsigned (text, 10, 1, G_MAXINT64, &value, NULL))
    return FALSE;

  *id = (gint64)value;
  return TRUE;
}

/*
 * Finds @text in @names (the names of an enumeration, in order) and
 * sets *@index, when @index is not %NULL, to its position.
 */
gboolean
_trellis_string_table_find (const char * const *names,
                            guint               n_names,
                            const char         *text,
                            guint              *index)
{
  for (guint i = 0; i < n_names; i++)
    {
      if (g_strcmp0 (text, names[i]) == 0)
        {
          if (index != NULL)
            *index = i;
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * _trellis_model_lookup_id:
 * @model: a list of domain objects
 * @get_id: reads an item's id
 *
 * Returns: (transfer none) (nullable): the item whose id is @id; the
 *   model keeps it alive
 */
gpointer
_trellis_model_lookup_id (GListModel    *model,
                          TrellisIdFunc  get_id,
                          gint64         id)
{
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);

      if (get_id (item) == id)
        return item;
    }

  return NULL;
}

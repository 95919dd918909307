/* trellis-row-snapshot.c
 *
 * Copyright 2026 The Trellis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trellis-classroom"

#include "config.h"

#include "trellis-row-snapshot-private.h"

/*
 * Undo for deletions that cascade.  Before a DELETE, the snapshot reads
 * the rows it will remove and follows the schema's foreign keys (from
 * sqlite_master and pragma_foreign_key_list, so a table added later is
 * covered without changes here): rows that reference them ON DELETE
 * CASCADE are read too, recursively, and for ON DELETE SET NULL the key
 * and the old value of the referencing column.  Restoring inserts the rows
 * again, parents first, with every column as it was (ids included), then
 * sets the nulled references back where they are still NULL.
 *
 * A foreign key of a table to itself is not followed: the condition given
 * to the capture must include such descendants (a choice group's
 * options).  Both functions run inside the caller's transaction.
 */

/* Rows of one table, every column. */
typedef struct
{
  char       *table;
  GPtrArray  *columns;   /* char * */
  GPtrArray  *rows;      /* sqlite3_value ** of columns->len values */
} Rows;

/* References set to NULL: a row's key and the column's old value. */
typedef struct
{
  char       *table;
  char       *column;
  GPtrArray  *keys;      /* char *: key column names */
  GPtrArray  *rows;      /* sqlite3_value ** of keys->len values, then the old value */
} Nulled;

struct _TrellisRowSnapshot
{
  GPtrArray *inserts;    /* Rows *, parents first */
  GPtrArray *updates;    /* Nulled * */
};

/* Deeper than any schema of ours: a loop in the foreign keys stops here. */
#define MAX_DEPTH 8

static void
values_free (sqlite3_value **values,
             guint           n)
{
  for (guint i = 0; i < n; i++)
    sqlite3_value_free (values[i]);
  g_free (values);
}

static void
rows_free (gpointer data)
{
  Rows *rows = data;

  for (guint i = 0; i < rows->rows->len; i++)
    values_free (g_ptr_array_index (rows->rows, i), rows->columns->len);
  g_ptr_array_unref (rows->rows);
  g_ptr_array_unref (rows->columns);
  g_free (rows->table);
  g_free (rows);
}

static void
nulled_free (gpointer data)
{
  Nulled *nulled = data;

  for (guint i = 0; i < nulled->rows->len; i++)
    values_free (g_ptr_array_index (nulled->rows, i), nulled->keys->len + 1);
  g_ptr_array_unref (nulled->rows);
  g_ptr_array_unref (nulled->keys);
  g_free (nulled->table);
  g_free (nulled->column);
  g_free (nulled);
}

static char *
quote (const char *name)
{
  GString *text = g_string_new ("\"");

  for (const char *p = name; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (text, '"');
      g_string_append_c (text, *p);
    }
  g_string_append_c (text, '"');

  return g_string_free (text, FALSE);
}

/* Runs @stmt (?1 bound to @key) and copies every row's values. */
static gboolean
read_values (TrellisClassroom  *classroom,
             sqlite3_stmt      *stmt,
             GPtrArray         *rows,
             GError           **error)
{
  int n = sqlite3_column_count (stmt);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      sqlite3_value **values = g_new0 (sqlite3_value *, MAX (n, 1));

      for (int i = 0; i < n; i++)
        if ((values[i] = sqlite3_value_dup (sqlite3_column_value (stmt, i))) == NULL)
          {
            values_free (values, (guint)n);
            trellis_classroom_set_db_error (classroom, SQLITE_NOMEM, error);
            return FALSE;
          }
      g_ptr_array_add (rows, values);
    }

  if (rc != SQLITE_DONE)
    {
      trellis_classroom_set_db_error (classroom, rc, error);
      return FALSE;
    }

  return TRUE;
}

static GPtrArray *
read_names (TrellisClassroom  *classroom,
            const char        *sql,
            const char        *argument,
            GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = trellis_classroom_prepare (classroom, sql, error);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  int rc;

  if (stmt == NULL)
    return NULL;
  if (argument != NULL)
    sqlite3_bind_text (stmt, 1, argument, -1, SQLITE_TRANSIENT);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (names, g_strdup ((const char *)sqlite3_column_text (stmt, 0)));
  if (rc != SQLITE_DONE)
    {
      trellis_classroom_set_db_error (classroom, rc, error);
      return NULL;
    }

  return g_steal_pointer (&names);
}

static gboolean capture_rows (TrellisClassroom    *classroom,
                              TrellisRowSnapshot  *snapshot,
                              const char          *table,
                              const char          *where,
                              gint64               key,
                              guint                depth,
                              GError             **error);

static gboolean
capture_nulled (TrellisClassroom    *classroom,
                TrellisRowSnapshot  *snapshot,
                const char          *table,
                const char          *column,
                const char          *where,
                gint64               key,
                GError             **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) keys = NULL;
  g_autoptr(GString) sql = g_string_new ("SELECT ");
  g_autofree char *quoted_table = quote (table);
  g_autofree char *quoted_column = quote (column);
  Nulled *nulled;

  keys = read_names (classroom, "SELECT name FROM pragma_table_info (?1) WHERE pk > 0 ORDER BY pk", table, error);
  if (keys == NULL)
    return FALSE;
  if (keys->len == 0)
    g_ptr_array_add (keys, g_strdup ("rowid"));

  for (guint i = 0; i < keys->len; i++)
    {
      g_autofree char *quoted = quote (g_ptr_array_index (keys, i));

      g_string_append_printf (sql, "%s, ", quoted);
    }
  g_string_append_printf (sql, "%s FROM %s WHERE %s", quoted_column, quoted_table, where);

  stmt = trellis_classroom_prepare (classroom, sql->str, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, key);

  nulled = g_new0 (Nulled, 1);
  nulled->table = g_strdup (table);
  nulled->column = g_strdup (column);
  nulled->keys = g_steal_pointer (&keys);
  nulled->rows = g_ptr_array_new ();
  g_ptr_array_add (snapshot->updates, nulled);

  return read_values (classroom, stmt, nulled->rows, error);
}

/* Follows the foreign keys that point at @table's rows matching @where. */
static gboolean
capture_references (TrellisClassroom    *classroom,
                    TrellisRowSnapshot  *snapshot,
                    const char          *table,
                    const char          *where,
                    gint64               key,
                    guint                depth,
                    GError             **error)
{
  g_autoptr(GPtrArray) tables = NULL;
  g_autofree char *quoted_table = quote (table);

  tables = read_names (classroom,
                       "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
                       "ORDER BY name",
                       NULL, error);
  if (tables == NULL)
    return FALSE;

  for (guint t = 0; t < tables->len; t++)
    {
      const char *child = g_ptr_array_index (tables, t);
      g_autoptr(sqlite3_stmt) fks = NULL;
      int rc;

      if (g_ascii_strcasecmp (child, table) == 0)
        continue;

      fks = trellis_classroom_prepare (classroom,
                                       "SELECT \"from\", \"to\", on_delete FROM pragma_foreign_key_list (?1) "
                                       "WHERE \"table\" = ?2 COLLATE NOCASE AND seq = 0 ORDER BY id",
                                       error);
      if (fks == NULL)
        return FALSE;
      sqlite3_bind_text (fks, 1, child, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (fks, 2, table, -1, SQLITE_TRANSIENT);

      while ((rc = sqlite3_step (fks)) == SQLITE_ROW)
        {
          const char *from = (const char *)sqlite3_column_text (fks, 0);
          const char *to = (const char *)sqlite3_column_text (fks, 1);
          const char *on_delete = (const char *)sqlite3_column_text (fks, 2);
          g_autofree char *quoted_from = quote (from);
          g_autofree char *quoted_to = quote (to != NULL ? to : "rowid");
          g_autofree char *condition = g_strdup_printf ("%s IN (SELECT %s FROM %s WHERE %s)",
                                                        quoted_from, quoted_to, quoted_table, where);

          if (g_ascii_strcasecmp (on_delete, "CASCADE") == 0)
            {
              if (!capture_rows (classroom, snapshot, child, condition, key, depth + 1, error))
                return FALSE;
            }
          else if (g_ascii_strcasecmp (on_delete, "SET NULL") == 0)
            {
              if (!capture_nulled (classroom, snapshot, child, from, condition, key, error))
                return FALSE;
            }
        }
      if (rc != SQLITE_DONE)
        {
          trellis_classroom_set_db_error (classroom, rc, error);
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
capture_rows (TrellisClassroom    *classroom,
              TrellisRowSnapshot  *snapshot,
              const char          *table,
              const char          *where,
              gint64               key,
              guint                depth,
              GError             **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *quoted_table = quote (table);
  g_autofree char *sql = g_strdup_printf ("SELECT * FROM %s WHERE %s", quoted_table, where);
  Rows *rows;
  int n;

  if (depth > MAX_DEPTH)
    {
      trellis_classroom_set_db_error (classroom, SQLITE_CONSTRAINT, error);
      return FALSE;
    }

  stmt = trellis_classroom_prepare (classroom, sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, key);

  rows = g_new0 (Rows, 1);
  rows->table = g_strdup (table);
  rows->columns = g_ptr_array_new_with_free_func (g_free);
  rows->rows = g_ptr_array_new ();
  n = sqlite3_column_count (stmt);
  for (int i = 0; i < n; i++)
    g_ptr_array_add (rows->columns, g_strdup (sqlite3_column_name (stmt, i)));
  g_ptr_array_add (snapshot->inserts, rows);

  if (!read_values (classroom, stmt, rows->rows, error))
    return FALSE;

  /* Nothing to delete here: nothing below either. */
  if (rows->rows->len == 0)
    return TRUE;

  return capture_references (classroom, snapshot, table, where, key, depth, error);
}

/**
 * _trellis_row_snapshot_capture:
 * @table: the table the DELETE removes rows from
 * @where: the DELETE's condition, an SQL expression in which ?1 is @key
 *
 * Reads the rows of @table that match @where and everything their
 * deletion would remove or change through foreign keys.  Call it in the
 * transaction of the DELETE, just before it.
 *
 * Returns: (transfer full) (nullable): the snapshot
 */
TrellisRowSnapshot *
_trellis_row_snapshot_capture (TrellisClassroom  *classroom,
                               const char        *table,
                               const char        *where,
                               gint64             key,
                               GError           **error)
{
  g_autoptr(TrellisRowSnapshot) snapshot = g_new0 (TrellisRowSnapshot, 1);

  snapshot->inserts = g_ptr_array_new_with_free_func (rows_free);
  snapshot->updates = g_ptr_array_new_with_free_func (nulled_free);

  if (!capture_rows (classroom, snapshot, table, where, key, 0, error))
    return NULL;

  return g_steal_pointer (&snapshot);
}

static gboolean
restore_rows (TrellisClassroom  *classroom,
              Rows              *rows,
              GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GString) sql = NULL;
  g_autofree char *quoted_table = NULL;

  if (rows->rows->len == 0)
    return TRUE;

  quoted_table = quote (rows->table);
  sql = g_string_new (NULL);
  g_string_append_printf (sql, "INSERT INTO %s (", quoted_table);
  for (guint i = 0; i < rows->columns->len; i++)
    {
      g_autofree char *quoted = quote (g_ptr_array_index (rows->columns, i));

      g_string_append_printf (sql, "%s%s", i > 0 ? ", " : "", quoted);
    }
  g_string_append (sql, ") VALUES (");
  for (guint i = 0; i < rows->columns->len; i++)
    g_string_append_printf (sql, "%s?%u", i > 0 ? ", " : "", i + 1);
  g_string_append (sql, ")");

  stmt = trellis_classroom_prepare (classroom, sql->str, error);
  if (stmt == NULL)
    return FALSE;

  for (guint r = 0; r < rows->rows->len; r++)
    {
      sqlite3_value **values = g_ptr_array_index (rows->rows, r);

      sqlite3_reset (stmt);
      for (guint i = 0; i < rows->columns->len; i++)
        sqlite3_bind_value (stmt, (int)i + 1, values[i]);
      if (!trellis_classroom_step (classroom, stmt, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
restore_nulled (TrellisClassroom  *classroom,
                Nulled            *nulled,
                GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GString) sql = NULL;
  g_autofree char *quoted_table = NULL;
  g_autofree char *quoted_column = NULL;
  guint n_keys = nulled->keys->len;

  if (nulled->rows->len == 0)
    return TRUE;

  quoted_table = quote (nulled->table);
  quoted_column = quote (nulled->column);
  sql = g_string_new (NULL);
  g_string_append_printf (sql, "UPDATE %s SET %s = ?%u WHERE %s IS NULL",
                          quoted_table, quoted_column, n_keys + 1, quoted_column);
  for (guint i = 0; i < n_keys; i++)
    {
      g_autofree char *quoted = quote (g_ptr_array_index (nulled->keys, i));

      g_string_append_printf (sql, " AND %s = ?%u", quoted, i + 1);
    }

  stmt = trellis_classroom_prepare (classroom, sql->str, error);
  if (stmt == NULL)
    return FALSE;

  for (guint r = 0; r < nulled->rows->len; r++)
    {
      sqlite3_value **values = g_ptr_array_index (nulled->rows, r);

      sqlite3_reset (stmt);
      for (guint i = 0; i <= n_keys; i++)
        sqlite3_bind_value (stmt, (int)i + 1, values[i]);
      if (!trellis_classroom_step (classroom, stmt, error))
        return FALSE;
    }

  return TRUE;
}

/**
 * _trellis_row_snapshot_restore:
 *
 * Puts the captured rows back, in the caller's transaction.  Fails (and
 * the caller rolls back) if a row cannot go back, for instance because a
 * row it refers to was deleted meanwhile.
 */
gboolean
_trellis_row_snapshot_restore (TrellisClassroom    *classroom,
                               TrellisRowSnapshot  *snapshot,
                               GError             **error)
{
  for (guint i = 0; i < snapshot->inserts->len; i++)
    if (!restore_rows (classroom, g_ptr_array_index (snapshot->inserts, i), error))
      return FALSE;

  for (guint i = 0; i < snapshot->updates->len; i++)
    if (!restore_nulled (classroom, g_ptr_array_index (snapshot->updates, i), error))
      return FALSE;

  return TRUE;
}

void
_trellis_row_snapshot_free (TrellisRowSnapshot *snapshot)
{
  if (snapshot == NULL)
    return;

  g_clear_pointer (&snapshot->inserts, g_ptr_array_unref);
  g_clear_pointer (&snapshot->updates, g_ptr_array_unref);
  g_free (snapshot);
}

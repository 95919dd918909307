/* trellis-row-snapshot.c
 *
 * Copyright 2026 The Trellis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trellis-classroom"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "trellis-row-snapshot-private.h"

/*
 * Undo for deletions that cascade.  Before a DELETE, the snapshot reads
 * the rows it will remove and follows the schema's foreign keys (from
 * sqlite_master and pragma_foreign_key_list, so a table added later is
 * covered without changes here): rows that reference them ON DELETE
 * CASCADE are read too, recursively, and for ON DELETE SET NULL the whole
 * referencing row and which of its columns the deletion nulls.  A row
 * reached twice (through two foreign keys) is kept once.
 *
 * Restoring inserts the rows again with every column as it was (ids
 * included).  The order they were read in does not matter: a row whose
 * foreign key fails because the row it refers to is not back yet (an
 * option read before its choice group) waits for the next pass, until a
 * pass puts nothing back; then the foreign key error stands.  Then the
 * nulled references are set back, but only on rows that are still the
 * same row: every column as captured, the nulled ones still NULL.  A row
 * deleted meanwhile whose id a new row took (ids without AUTOINCREMENT
 * are reused) differs in some column, or is an exact copy of the old row.
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

/* A row whose references are set to NULL, as it was before. */
typedef struct
{
  sqlite3_value **values;
  gboolean       *nulled;  /* per column: does the deletion set it to NULL? */
} NulledRow;

/* The rows of one table whose references are set to NULL. */
typedef struct
{
  char       *table;
  GPtrArray  *columns;   /* char *: rowid first when the table has no primary key */
  GPtrArray  *rows;      /* NulledRow * */
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
    {
      NulledRow *row = g_ptr_array_index (nulled->rows, i);

      values_free (row->values, nulled->columns->len);
      g_free (row->nulled);
      g_free (row);
    }
  g_ptr_array_unref (nulled->rows);
  g_ptr_array_unref (nulled->columns);
  g_free (nulled->table);
  g_free (nulled);
}

/* Same type, same value: the same stored value, read twice. */
static gboolean
value_equal (sqlite3_value *a,
             sqlite3_value *b)
{
  int type = sqlite3_value_type (a);
  int n;

  if (type != sqlite3_value_type (b))
    return FALSE;

  switch (type)
    {
    case SQLITE_NULL:
      return TRUE;

    case SQLITE_INTEGER:
      return sqlite3_value_int64 (a) == sqlite3_value_int64 (b);

    case SQLITE_FLOAT:
      return sqlite3_value_double (a) == sqlite3_value_double (b);

    default:
      /* TEXT or BLOB, compared byte for byte. */
      n = sqlite3_value_bytes (a);
      if (n != sqlite3_value_bytes (b))
        return FALSE;
      return n == 0 || memcmp (sqlite3_value_blob (a), sqlite3_value_blob (b), (size_t)n) == 0;
    }
}

static gboolean
values_equal (sqlite3_value **a,
              sqlite3_value **b,
              guint           n)
{
  for (guint i = 0; i < n; i++)
    if (!value_equal (a[i], b[i]))
      return FALSE;

  return TRUE;
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

/* The rows of @table already captured as nulled, or a new empty set. */
static Nulled *
lookup_nulled (TrellisRowSnapshot *snapshot,
               const char         *table)
{
  Nulled *nulled;

  for (guint i = 0; i < snapshot->updates->len; i++)
    {
      nulled = g_ptr_array_index (snapshot->updates, i);
      if (g_ascii_strcasecmp (nulled->table, table) == 0)
        return nulled;
    }

  nulled = g_new0 (Nulled, 1);
  nulled->table = g_strdup (table);
  nulled->columns = g_ptr_array_new_with_free_func (g_free);
  nulled->rows = g_ptr_array_new ();
  g_ptr_array_add (snapshot->updates, nulled);

  return nulled;
}

/* Reads the rows of @table matching @where whose @column becomes NULL. */
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
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  g_autofree char *quoted_table = quote (table);
  g_autofree char *sql = NULL;
  Nulled *nulled;
  int n, target = -1;

  /* Without a primary key, the rowid tells identical rows apart. */
  keys = read_names (classroom, "SELECT name FROM pragma_table_info (?1) WHERE pk > 0", table, error);
  if (keys == NULL)
    return FALSE;
  sql = g_strdup_printf ("SELECT %s* FROM %s WHERE %s", keys->len == 0 ? "rowid, " : "", quoted_table, where);

  stmt = trellis_classroom_prepare (classroom, sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, key);

  nulled = lookup_nulled (snapshot, table);
  n = sqlite3_column_count (stmt);
  if (nulled->columns->len == 0)
    for (int i = 0; i < n; i++)
      g_ptr_array_add (nulled->columns, g_strdup (sqlite3_column_name (stmt, i)));
  if (nulled->columns->len != (guint)n)
    {
      trellis_classroom_set_db_error (classroom, SQLITE_SCHEMA, error);
      return FALSE;
    }
  for (int i = keys->len == 0 ? 1 : 0; i < n && target < 0; i++)
    if (g_ascii_strcasecmp (g_ptr_array_index (nulled->columns, i), column) == 0)
      target = i;
  if (target < 0)
    {
      trellis_classroom_set_db_error (classroom, SQLITE_SCHEMA, error);
      return FALSE;
    }

  if (!read_values (classroom, stmt, rows, error))
    {
      for (guint r = 0; r < rows->len; r++)
        values_free (g_ptr_array_index (rows, r), (guint)n);
      return FALSE;
    }

  /* A row nulled through two foreign keys is one row with two columns to set back. */
  for (guint r = 0; r < rows->len; r++)
    {
      sqlite3_value **values = g_ptr_array_index (rows, r);
      NulledRow *row = NULL;

      for (guint i = 0; i < nulled->rows->len && row == NULL; i++)
        {
          NulledRow *other = g_ptr_array_index (nulled->rows, i);

          if (values_equal (other->values, values, (guint)n))
            row = other;
        }

      if (row == NULL)
        {
          row = g_new0 (NulledRow, 1);
          row->values = values;
          row->nulled = g_new0 (gboolean, n);
          g_ptr_array_add (nulled->rows, row);
        }
      else
        values_free (values, (guint)n);
      row->nulled[target] = TRUE;
    }

  return TRUE;
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

  /* Rows reached before through another foreign key are there already. */
  for (guint i = 0; i + 1 < snapshot->inserts->len; i++)
    {
      Rows *other = g_ptr_array_index (snapshot->inserts, i);

      if (g_ascii_strcasecmp (other->table, table) != 0 || other->columns->len != (guint)n)
        continue;
      for (guint r = rows->rows->len; r-- > 0;)
        for (guint o = 0; o < other->rows->len; o++)
          if (values_equal (g_ptr_array_index (rows->rows, r), g_ptr_array_index (other->rows, o), (guint)n))
            {
              values_free (g_ptr_array_steal_index (rows->rows, r), (guint)n);
              break;
            }
    }

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

static void
statement_free (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static sqlite3_stmt *
prepare_insert (TrellisClassroom  *classroom,
                Rows              *rows,
                GError           **error)
{
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autofree char *quoted_table = quote (rows->table);

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

  return trellis_classroom_prepare (classroom, sql->str, error);
}

/* A row still to insert: which Rows, which of its rows. */
typedef struct
{
  guint table;
  guint row;
} Pending;

/*
 * Inserts every captured row, in passes: a row refused only because a row
 * it refers to is not back yet is tried again in the next pass.
 */
static gboolean
restore_inserts (TrellisClassroom    *classroom,
                 TrellisRowSnapshot  *snapshot,
                 GError             **error)
{
  g_autoptr(GPtrArray) statements = g_ptr_array_new_with_free_func (statement_free);
  g_autoptr(GArray) pending = g_array_new (FALSE, FALSE, sizeof (Pending));

  for (guint t = 0; t < snapshot->inserts->len; t++)
    {
      Rows *rows = g_ptr_array_index (snapshot->inserts, t);
      sqlite3_stmt *stmt = NULL;

      if (rows->rows->len > 0 && (stmt = prepare_insert (classroom, rows, error)) == NULL)
        return FALSE;
      g_ptr_array_add (statements, stmt);
      for (guint r = 0; r < rows->rows->len; r++)
        g_array_append_val (pending, ((Pending) { t, r }));
    }

  while (pending->len > 0)
    {
      g_autoptr(GArray) waiting = g_array_new (FALSE, FALSE, sizeof (Pending));

      for (guint p = 0; p < pending->len; p++)
        {
          Pending *at = &g_array_index (pending, Pending, p);
          Rows *rows = g_ptr_array_index (snapshot->inserts, at->table);
          sqlite3_stmt *stmt = g_ptr_array_index (statements, at->table);
          sqlite3_value **values = g_ptr_array_index (rows->rows, at->row);
          int rc;

          sqlite3_reset (stmt);
          for (guint i = 0; i < rows->columns->len; i++)
            sqlite3_bind_value (stmt, (int)i + 1, values[i]);
          rc = sqlite3_step (stmt);
          if (rc == SQLITE_CONSTRAINT_FOREIGNKEY)
            g_array_append_val (waiting, *at);
          else if (rc == SQLITE_CONSTRAINT_PRIMARYKEY || rc == SQLITE_CONSTRAINT_ROWID ||
                   rc == SQLITE_CONSTRAINT_UNIQUE)
            {
              g_set_error_literal (error, TRELLIS_CLASSROOM_ERROR, TRELLIS_CLASSROOM_ERROR_EXISTS,
                                   _("Something added since took the place of what was deleted"));
              return FALSE;
            }
          else if (rc != SQLITE_DONE)
            {
              trellis_classroom_set_db_error (classroom, rc, error);
              return FALSE;
            }
        }

      /* Nothing went back in this pass: a row refers to one that is gone. */
      if (waiting->len == pending->len)
        {
          g_set_error_literal (error, TRELLIS_CLASSROOM_ERROR, TRELLIS_CLASSROOM_ERROR_NO_SUCH_ITEM,
                               _("Something that what was deleted belongs to was deleted since"));
          return FALSE;
        }
      g_array_set_size (pending, 0);
      g_array_append_vals (pending, waiting->data, waiting->len);
    }

  return TRUE;
}

/* Sets the nulled columns of @row back, if it is still the same row. */
static gboolean
restore_nulled_row (TrellisClassroom  *classroom,
                    Nulled            *nulled,
                    NulledRow         *row,
                    GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autoptr(GString) where = g_string_new (NULL);
  g_autofree char *quoted_table = quote (nulled->table);
  gboolean first = TRUE;

  g_string_append_printf (sql, "UPDATE %s SET ", quoted_table);
  for (guint i = 0; i < nulled->columns->len; i++)
    {
      g_autofree char *quoted = quote (g_ptr_array_index (nulled->columns, i));

      if (row->nulled[i])
        {
          g_string_append_printf (sql, "%s%s = ?%u", first ? "" : ", ", quoted, i + 1);
          g_string_append_printf (where, "%s%s IS NULL", i > 0 ? " AND " : "", quoted);
          first = FALSE;
        }
      else
        g_string_append_printf (where, "%s%s IS ?%u", i > 0 ? " AND " : "", quoted, i + 1);
    }
  g_string_append_printf (sql, " WHERE %s", where->str);

  stmt = trellis_classroom_prepare (classroom, sql->str, error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < nulled->columns->len; i++)
    sqlite3_bind_value (stmt, (int)i + 1, row->values[i]);

  return trellis_classroom_step (classroom, stmt, error);
}

/**
 * _trellis_row_snapshot_restore:
 *
 * Puts the captured rows back, in the caller's transaction.  Fails (and
 * the caller rolls back) if a row cannot go back: with
 * %TRELLIS_CLASSROOM_ERROR_NO_SUCH_ITEM when a row it refers to was
 * deleted meanwhile, with %TRELLIS_CLASSROOM_ERROR_EXISTS when a row added
 * meanwhile took a captured row's id or unique value.  Callers say which
 * in their own words.
 */
gboolean
_trellis_row_snapshot_restore (TrellisClassroom    *classroom,
                               TrellisRowSnapshot  *snapshot,
                               GError             **error)
{
  if (!restore_inserts (classroom, snapshot, error))
    return FALSE;

  for (guint i = 0; i < snapshot->updates->len; i++)
    {
      Nulled *nulled = g_ptr_array_index (snapshot->updates, i);

      for (guint r = 0; r < nulled->rows->len; r++)
        if (!restore_nulled_row (classroom, nulled, g_ptr_array_index (nulled->rows, r), error))
          return FALSE;
    }

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

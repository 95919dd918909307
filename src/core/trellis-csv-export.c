/* trellis-csv-export.c
 *
 * Copyright 2026 The Trellis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "trellis-csv-export.h"

/*
 * Progress and mastery reports as CSV, safe to open in a spreadsheet
 * (../shared/exchange/LMS-CSV.md §5): every text cell that starts with
 * = + - @ tab CR or LF gets a leading ', and every cell is quoted when it
 * holds a separator, quote or line break.  Numbers that Trellis computed
 * (scores, probabilities, counts) are written as plain numbers, and so is
 * a text cell that is only a negative decimal ("-3.5"), which a
 * spreadsheet reads as a number, not a formula; "-2+3" or "-A1" are quoted.  A pseudonymized report names learners by a code
 * kept in learners.pseudonym: the same code every time, the key table
 * stays in the classroom file.
 */

typedef enum
{
  COL_TEXT,
  COL_NUMBER,
} ColumnKind;

/*
 * A plain negative decimal ("-3", "-0.5", "-.5"): a spreadsheet reads it
 * as a number, never as a formula, so it needs no quote.  Anything more
 * ("-2+3", "-A1", "-1e3", "- 3") is not.
 */
static gboolean
is_negative_number (const char *text)
{
  const char *p = text;
  guint digits = 0;

  if (*p++ != '-')
    return FALSE;
  for (; g_ascii_isdigit (*p); p++)
    digits++;
  if (*p == '.')
    for (p++; g_ascii_isdigit (*p); p++)
      digits++;

  return digits > 0 && *p == '\0';
}

char *
trellis_csv_export_neutralize (const char *text)
{
  if (text == NULL)
    return g_strdup ("");

  if (text[0] != '\0' && strchr ("=+-@\t\r\n", text[0]) != NULL && !is_negative_number (text))
    return g_strconcat ("'", text, NULL);

  return g_strdup (text);
}

static void
append_cell (GString    *s,
             const char *text)
{
  if (strpbrk (text, ",\"\r\n") != NULL)
    {
      g_string_append_c (s, '"');
      for (const char *p = text; *p != '\0'; p++)
        {
          if (*p == '"')
            g_string_append_c (s, '"');
          g_string_append_c (s, *p);
        }
      g_string_append_c (s, '"');
    }
  else
    g_string_append (s, text);
}

static void
append_row (GString      *s,
            sqlite3_stmt *stmt,
            const ColumnKind *kinds,
            int           n)
{
  for (int i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append_c (s, ',');

      if (sqlite3_column_type (stmt, i) == SQLITE_NULL)
        continue;

      if (kinds[i] == COL_NUMBER)
        {
          char buffer[G_ASCII_DTOSTR_BUF_SIZE];

          if (sqlite3_column_type (stmt, i) == SQLITE_INTEGER)
            g_string_append_printf (s, "%" G_GINT64_FORMAT, (gint64)sqlite3_column_int64 (stmt, i));
          else
            g_string_append (s, g_ascii_formatd (buffer, sizeof buffer, "%.4g", sqlite3_column_double (stmt, i)));
        }
      else
        {
          g_autofree char *safe = trellis_csv_export_neutralize ((const char *)sqlite3_column_text (stmt, i));

          append_cell (s, safe);
        }
    }
  g_string_append (s, "\r\n");
}

/* Gives every learner without a pseudonym a new random code. */
static gboolean
assign_pseudonyms (TrellisClassroom  *classroom,
                   GError           **error)
{
  g_autoptr(sqlite3_stmt) missing = NULL;
  g_autoptr(sqlite3_stmt) update = NULL;
  g_autoptr(GRand) rand = g_rand_new ();
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;

  if ((missing = trellis_classroom_prepare (classroom, "SELECT id FROM learners WHERE pseudonym IS NULL", error)) == NULL)
    return FALSE;
  while ((rc = sqlite3_step (missing)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (missing, 0);
      g_array_append_val (ids, id);
    }
  if (rc != SQLITE_DONE)
    {
      trellis_classroom_set_db_error (classroom, rc, error);
      return FALSE;
    }
  if (ids->len == 0)
    return TRUE;

  if (!trellis_classroom_begin (classroom, error))
    return FALSE;
  if ((update = trellis_classroom_prepare (classroom,
                  "UPDATE learners SET pseudonym = ?2 WHERE id = ?1"
                  " AND NOT EXISTS (SELECT 1 FROM learners WHERE pseudonym = ?2)", error)) == NULL)
    goto fail;

  for (guint i = 0; i < ids->len; i++)
    {
      /* L- and 6 letters/digits without look-alikes (0/O, 1/I). */
      static const char alphabet[] = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

      do
        {
          char code[9] = "L-";

          for (guint k = 2; k < 8; k++)
            code[k] = alphabet[g_rand_int_range (rand, 0, sizeof alphabet - 1)];
          sqlite3_reset (update);
          sqlite3_bind_int64 (update, 1, g_array_index (ids, gint64, i));
          sqlite3_bind_text (update, 2, code, -1, SQLITE_TRANSIENT);
          if (!trellis_classroom_step (classroom, update, error))
            goto fail;
        }
      while (sqlite3_changes (trellis_classroom_get_db (classroom)) == 0);
    }

  return trellis_classroom_commit (classroom, error);

fail:
  trellis_classroom_rollback (classroom);
  return FALSE;
}

gboolean
trellis_csv_export (TrellisClassroom      *classroom,
                    TrellisCsvReport       report,
                    const char            *output_path,
                    TrellisCsvExportFlags  flags,
                    GError               **error)
{
  static const ColumnKind progress_kinds[] = {
    COL_TEXT, COL_TEXT, COL_TEXT, COL_TEXT, COL_TEXT, COL_TEXT, COL_TEXT, COL_TEXT,
  };
  static const ColumnKind mastery_kinds[] = {
    COL_TEXT, COL_TEXT, COL_TEXT, COL_NUMBER, COL_NUMBER, COL_NUMBER, COL_NUMBER, COL_NUMBER,
  };
  gboolean pseudonymize = (flags & TRELLIS_CSV_EXPORT_FLAGS_PSEUDONYMIZE) != 0;
  const char *who = pseudonymize ? "l.pseudonym" : "l.name";
  g_autofree char *sql = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GString) s = g_string_new (NULL);
  const ColumnKind *kinds;
  int rc, n;

  g_return_val_if_fail (TRELLIS_IS_CLASSROOM (classroom), FALSE);
  g_return_val_if_fail (output_path != NULL, FALSE);

  if (pseudonymize && !assign_pseudonyms (classroom, error))
    return FALSE;

  if (report == TRELLIS_CSV_REPORT_PROGRESS)
    {
      sql = g_strdup_printf (
        "SELECT %s AS learner, p.title AS playlist, n.title AS step, n.kind AS kind,"
        "       coalesce (pr.status, 'not_started') AS status, n.target_date AS target_date,"
        "       pr.checkin_on AS checkin_on, pr.updated_at AS updated_at"
        "  FROM learners l CROSS JOIN nodes n JOIN playlists p ON p.id = n.playlist_id"
        "  LEFT JOIN progress pr ON pr.learner_id = l.id AND pr.node_id = n.id"
        " WHERE l.trashed = 0"
        " ORDER BY %s COLLATE NOCASE, l.id, p.position, p.id, n.parent_id IS NOT NULL, n.position, n.id",
        who, who);
      kinds = progress_kinds;
    }
  else
    {
      sql = g_strdup_printf (
        "SELECT %s AS learner, s.code AS skill_code, s.name AS skill,"
        "       m.p_known AS p_known, m.p_correct AS p_correct, m.n_evidence AS evidence,"
        "       (SELECT count(*) FROM evidence e WHERE e.learner_id = l.id AND e.skill_id = s.id) AS observations,"
        "       (SELECT avg (e.score / e.max_score) FROM evidence e"
        "         WHERE e.learner_id = l.id AND e.skill_id = s.id AND e.max_score > 0) AS mean_score"
        "  FROM learners l CROSS JOIN skills s"
        "  LEFT JOIN mastery_state m ON m.learner_id = l.id AND m.skill_id = s.id"
        " WHERE l.trashed = 0"
        " ORDER BY %s COLLATE NOCASE, l.id, s.position, s.code",
        who, who);
      kinds = mastery_kinds;
    }

  if ((stmt = trellis_classroom_prepare (classroom, sql, error)) == NULL)
    return FALSE;

  n = sqlite3_column_count (stmt);
  for (int i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append_c (s, ',');
      append_cell (s, sqlite3_column_name (stmt, i));
    }
  g_string_append (s, "\r\n");

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    append_row (s, stmt, kinds, n);
  if (rc != SQLITE_DONE)
    {
      trellis_classroom_set_db_error (classroom, rc, error);
      return FALSE;
    }

  /* g_file_set_contents writes a temporary file and renames it. */
  return g_file_set_contents (output_path, s->str, (gssize)s->len, error);
}

/* trellis-mastery-csv.c
 *
 * Copyright 2026 The Trellis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "trellis-bkt.h"
#include "trellis-mastery-csv.h"

void
trellis_mastery_log_free (TrellisMasteryLog *log)
{
  if (log == NULL)
    return;

  g_free (log->learner);
  g_free (log->skill);
  g_free (log->correct);
  if (log->learner_names != NULL)
    g_ptr_array_unref (log->learner_names);
  if (log->skill_names != NULL)
    g_ptr_array_unref (log->skill_names);
  if (log->skill_index != NULL)
    g_hash_table_unref (log->skill_index);
  g_free (log);
}

#define MAX_FIELDS 64

typedef struct
{
  const char *p;       /* cursor */
  const char *end;
  guint       line;
  GString    *scratch[MAX_FIELDS];
  const char *field[MAX_FIELDS];
  gsize       len[MAX_FIELDS];
  guint       n_fields;
} Reader;

/*
 * Reads one record (RFC 4180: quoted fields may hold commas, quotes and
 * line breaks).  Returns FALSE at the end of the data.  Fields beyond
 * MAX_FIELDS are dropped.
 */
static gboolean
read_record (Reader  *r,
             GError **error,
             const char *name)
{
  guint start_line;

  if (r->p >= r->end)
    return FALSE;

  r->line++;
  start_line = r->line;
  r->n_fields = 0;

  for (;;)
    {
      guint f = r->n_fields;
      gboolean keep = f < MAX_FIELDS;

      if (r->p < r->end && *r->p == '"')
        {
          GString *s = keep ? r->scratch[f] : NULL;

          if (s != NULL)
            g_string_truncate (s, 0);
          r->p++;
          for (;;)
            {
              if (r->p >= r->end)
                {
                  g_set_error (error, TRELLIS_BKT_ERROR, TRELLIS_BKT_ERROR_PARSE,
                               "%s:%u: unterminated quoted field", name, start_line);
                  return FALSE;
                }
              if (*r->p == '"')
                {
                  if (r->p + 1 < r->end && r->p[1] == '"')
                    {
                      if (s != NULL)
                        g_string_append_c (s, '"');
                      r->p += 2;
                      continue;
                    }
                  r->p++;
                  break;
                }
              if (*r->p == '\n')
                r->line++;
              if (s != NULL)
                g_string_append_c (s, *r->p);
              r->p++;
            }
          if (keep)
            {
              r->field[f] = s->str;
              r->len[f] = s->len;
            }
          /* Anything up to the separator after the closing quote is kept
           * too (lenient, like most spreadsheets). */
          while (r->p < r->end && *r->p != ',' && *r->p != '\n' && *r->p != '\r')
            {
              if (s != NULL)
                {
                  g_string_append_c (s, *r->p);
                  r->field[f] = s->str;
                  r->len[f] = s->len;
                }
              r->p++;
            }
        }
      else
        {
          const char *b = r->p;

          while (r->p < r->end && *r->p != ',' && *r->p != '\n' && *r->p != '\r')
            r->p++;
          if (keep)
            {
              r->field[f] = b;
              r->len[f] = r->p - b;
            }
        }
      if (keep)
        r->n_fields++;

      if (r->p < r->end && *r->p == ',')
        {
          r->p++;
          continue;
        }
      if (r->p < r->end && *r->p == '\r')
        r->p++;
      if (r->p < r->end && *r->p == '\n')
        r->p++;
      return TRUE;
    }
}

static void
trim (const char **s,
      gsize       *len)
{
  while (*len > 0 && g_ascii_isspace ((*s)[0]))
    {
      (*s)++;
      (*len)--;
    }
  while (*len > 0 && g_ascii_isspace ((*s)[*len - 1]))
    (*len)--;
}

static gboolean
field_is (const char *s,
          gsize       len,
          const char *want)
{
  trim (&s, &len);
  return strlen (want) == len && g_ascii_strncasecmp (s, want, len) == 0;
}

TrellisMasteryLog *
trellis_mastery_log_parse (const char  *data,
                           gsize        length,
                           const char  *name,
                           GError     **error)
{
  g_autoptr(TrellisMasteryLog) log = NULL;
  g_autoptr(GHashTable) learner_index = NULL;
  g_autoptr(GError) local_error = NULL;
  Reader r = { 0, };
  int col_user = -1, col_skill = -1, col_correct = -1;
  guint need;
  gsize cap;
  char *prev_user = NULL;
  gsize prev_user_len = 0;
  guint32 prev_learner = 0;
  TrellisMasteryLog *ret = NULL;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  if (name == NULL)
    name = "input";

  for (guint i = 0; i < MAX_FIELDS; i++)
    r.scratch[i] = g_string_new (NULL);
  r.p = data;
  r.end = data + length;

  /* UTF-8 byte order mark */
  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    r.p += 3;

  /* Header (leading blank lines are an error: the header is line 1) */
  if (!read_record (&r, &local_error, name))
    {
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, TRELLIS_BKT_ERROR, TRELLIS_BKT_ERROR_EMPTY,
                     "%s: empty file (expected a header user_id,skill_name,correct)", name);
      goto out;
    }
  for (guint f = 0; f < r.n_fields; f++)
    {
      if (col_user < 0 && field_is (r.field[f], r.len[f], "user_id"))
        col_user = f;
      else if (col_skill < 0 && field_is (r.field[f], r.len[f], "skill_name"))
        col_skill = f;
      else if (col_correct < 0 && field_is (r.field[f], r.len[f], "correct"))
        col_correct = f;
    }
  if (col_user < 0 || col_skill < 0 || col_correct < 0)
    {
      g_set_error (error, TRELLIS_BKT_ERROR, TRELLIS_BKT_ERROR_PARSE,
                   "%s:%u: header lacks column%s%s%s%s (need user_id,skill_name,correct)",
                   name, r.line,
                   (col_user < 0) + (col_skill < 0) + (col_correct < 0) > 1 ? "s" : "",
                   col_user < 0 ? " user_id" : "",
                   col_skill < 0 ? " skill_name" : "",
                   col_correct < 0 ? " correct" : "");
      goto out;
    }
  need = MAX (MAX (col_user, col_skill), col_correct) + 1;

  log = g_new0 (TrellisMasteryLog, 1);
  cap = MAX (length / 12, 16);
  log->learner = g_new (guint32, cap);
  log->skill = g_new (guint32, cap);
  log->correct = g_new (guint8, cap);
  log->learner_names = g_ptr_array_new_with_free_func (g_free);
  log->skill_names = g_ptr_array_new_with_free_func (g_free);
  log->skill_index = g_hash_table_new (g_str_hash, g_str_equal);
  learner_index = g_hash_table_new (g_str_hash, g_str_equal);

  while (read_record (&r, &local_error, name))
    {
      const char *u, *s, *c;
      gsize ul, sl, cl;
      guint32 li, si;
      gpointer v;
      char *key;

      /* Blank lines (typically at the end) are skipped. */
      if (r.n_fields == 1 && r.len[0] == 0)
        continue;
      if (r.n_fields < need)
        {
          g_set_error (error, TRELLIS_BKT_ERROR, TRELLIS_BKT_ERROR_PARSE,
                       "%s:%u: expected at least %u fields, found %u",
                       name, r.line, need, r.n_fields);
          goto out;
        }

      u = r.field[col_user];
      ul = r.len[col_user];
      s = r.field[col_skill];
      sl = r.len[col_skill];
      c = r.field[col_correct];
      cl = r.len[col_correct];
      trim (&u, &ul);
      trim (&s, &sl);
      trim (&c, &cl);

      if (cl != 1 || (c[0] != '0' && c[0] != '1'))
        {
          g_set_error (error, TRELLIS_BKT_ERROR, TRELLIS_BKT_ERROR_PARSE,
                       "%s:%u: correct must be 0 or 1, found \"%.*s\"",
                       name, r.line, (int) MIN (cl, 40), c);
          goto out;
        }
      if (ul == 0 || sl == 0)
        {
          g_set_error (error, TRELLIS_BKT_ERROR, TRELLIS_BKT_ERROR_PARSE,
                       "%s:%u: empty %s", name, r.line, ul == 0 ? "user_id" : "skill_name");
          goto out;
        }

      if (log->n_rows == cap)
        {
          cap *= 2;
          log->learner = g_renew (guint32, log->learner, cap);
          log->skill = g_renew (guint32, log->skill, cap);
          log->correct = g_renew (guint8, log->correct, cap);
        }

      /* Learners' rows are mostly contiguous: try the previous one first. */
      if (prev_user != NULL && ul == prev_user_len && memcmp (u, prev_user, ul) == 0)
        li = prev_learner;
      else
        {
          key = g_strndup (u, ul);
          v = g_hash_table_lookup (learner_index, key);
          if (v == NULL)
            {
              g_ptr_array_add (log->learner_names, key);
              li = log->learner_names->len - 1;
              g_hash_table_insert (learner_index, key, GUINT_TO_POINTER (li + 1));
            }
          else
            {
              li = GPOINTER_TO_UINT (v) - 1;
              g_free (key);
              key = g_ptr_array_index (log->learner_names, li);
            }
          prev_user = key;
          prev_user_len = ul;
          prev_learner = li;
        }

      {
        char buf[128];
        char *tmp = sl < sizeof buf ? buf : g_malloc (sl + 1);

        memcpy (tmp, s, sl);
        tmp[sl] = '\0';
        v = g_hash_table_lookup (log->skill_index, tmp);
        if (v == NULL)
          {
            key = g_strdup (tmp);
            g_ptr_array_add (log->skill_names, key);
            si = log->skill_names->len - 1;
            g_hash_table_insert (log->skill_index, key, GUINT_TO_POINTER (si + 1));
          }
        else
          si = GPOINTER_TO_UINT (v) - 1;
        if (tmp != buf)
          g_free (tmp);
      }

      log->learner[log->n_rows] = li;
      log->skill[log->n_rows] = si;
      log->correct[log->n_rows] = c[0] == '1';
      log->n_rows++;
    }

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      goto out;
    }
  if (log->n_rows == 0)
    {
      g_set_error (error, TRELLIS_BKT_ERROR, TRELLIS_BKT_ERROR_EMPTY,
                   "%s:%u: no data rows after the header", name, r.line);
      goto out;
    }

  ret = g_steal_pointer (&log);

out:
  for (guint i = 0; i < MAX_FIELDS; i++)
    g_string_free (r.scratch[i], TRUE);

  return ret;
}

TrellisMasteryLog *
trellis_mastery_log_load (const char  *path,
                          GError     **error)
{
  g_autoptr(GMappedFile) map = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  map = g_mapped_file_new (path, FALSE, &local_error);
  if (map == NULL)
    {
      g_set_error (error, TRELLIS_BKT_ERROR, TRELLIS_BKT_ERROR_PARSE,
                   "%s: %s", path, local_error->message);
      return NULL;
    }

  return trellis_mastery_log_parse (g_mapped_file_get_contents (map),
                                    g_mapped_file_get_length (map),
                                    path, error);
}

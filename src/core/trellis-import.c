/* trellis-import.c
 *
 * Copyright 2026 The Trellis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <archive.h>
#include <archive_entry.h>
#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "trellis-csv.h"
#include "trellis-import.h"
#include "trellis-classroom-private.h"
#include "trellis-store-private.h"

/*
 * Gradebook and roster import (../shared/exchange/LMS-CSV.md).  Each format
 * reader fills one neutral model: people (with their stable keys), items
 * (assignment columns) and cells (a score, or why there is none).  Then
 * plan() matches people to learners and items to gradebook items with
 * queries only, and counts everything the report says; apply() writes the
 * plan in one transaction.  A dry run stops after plan(), so it reports
 * exactly what an import would do and writes nothing.
 */

G_DEFINE_QUARK (trellis-import-error-quark, trellis_import_error)

/* Moodle exports no maximum; its default maximum grade. */
#define MOODLE_DEFAULT_MAX 100.0
#define MAX_WARNINGS 200

typedef struct
{
  char   *name;
  char   *sis_id;
  char   *login;
  char   *email;
  guint   line;
  /* plan */
  gint64  learner_id;   /* 0: none (yet) */
  gboolean create;
} Person;

typedef struct
{
  char    *lms_id;
  char    *title;
  double   points;      /* < 0: unknown */
  char    *due_on;      /* YYYY-MM-DD or NULL: the date of its scores without one */
  /* plan */
  gint64   item_id;     /* 0: to create */
  double   max;         /* the max score its evidence gets, < 0: none */
} Item;

typedef enum
{
  CELL_SCORE,
  CELL_PERCENT,
  CELL_SKIP,
} CellKind;

typedef struct
{
  guint              person;
  guint              item;
  CellKind           kind;
  TrellisImportSkip  skip;
  double             value;
  char              *observed_on;  /* YYYY-MM-DD or NULL */
  /* plan */
  gboolean           remove;       /* no score now: the last import's goes */
} Cell;

typedef struct
{
  TrellisClassroom    *classroom;
  TrellisImportFlags   flags;
  TrellisImportReport *report;
  const char          *source;
  GPtrArray           *people;    /* (element-type Person) */
  GPtrArray           *items;     /* (element-type Item) */
  GArray              *cells;     /* (element-type Cell) */
  GHashTable          *existing;  /* "learner:item" of imported evidence */
  const char          *observed_on; /* YYYY-MM-DD for scores the file gives no date, or NULL: now */
} Import;

static void
person_free (gpointer data)
{
  Person *p = data;

  g_free (p->name);
  g_free (p->sis_id);
  g_free (p->login);
  g_free (p->email);
  g_free (p);
}

static void
item_free (gpointer data)
{
  Item *item = data;

  g_free (item->lms_id);
  g_free (item->title);
  g_free (item->due_on);
  g_free (item);
}

static void
cell_clear (gpointer data)
{
  Cell *cell = data;

  g_free (cell->observed_on);
}

void
trellis_import_report_free (TrellisImportReport *report)
{
  if (report == NULL)
    return;

  g_ptr_array_unref (report->unmatched);
  g_ptr_array_unref (report->absent);
  g_ptr_array_unref (report->warnings);
  g_free (report);
}

static const char * const format_names[] = {
  [TRELLIS_IMPORT_FORMAT_AUTO] = "auto",
  [TRELLIS_IMPORT_FORMAT_CANVAS] = "canvas",
  [TRELLIS_IMPORT_FORMAT_MOODLE] = "moodle",
  [TRELLIS_IMPORT_FORMAT_GOOGLE] = "google",
  [TRELLIS_IMPORT_FORMAT_ONEROSTER] = "oneroster",
};

const char *
trellis_import_format_to_string (TrellisImportFormat format)
{
  g_return_val_if_fail ((guint)format < G_N_ELEMENTS (format_names), NULL);

  return format_names[format];
}

gboolean
trellis_import_format_from_string (const char          *text,
                                   TrellisImportFormat *format)
{
  guint i;

  if (!_trellis_string_table_find (format_names, G_N_ELEMENTS (format_names), text, &i))
    return FALSE;

  *format = (TrellisImportFormat)i;
  return TRUE;
}

static const char * const skip_names[] = {
  [TRELLIS_IMPORT_SKIP_EMPTY] = "empty",
  [TRELLIS_IMPORT_SKIP_EXCUSED] = "excused",
  [TRELLIS_IMPORT_SKIP_NOT_ASSIGNED] = "not_assigned",
  [TRELLIS_IMPORT_SKIP_MISSING] = "missing",
  [TRELLIS_IMPORT_SKIP_UNGRADED] = "ungraded",
  [TRELLIS_IMPORT_SKIP_NOT_NUMERIC] = "not_numeric",
  [TRELLIS_IMPORT_SKIP_NEGATIVE] = "negative",
  [TRELLIS_IMPORT_SKIP_NO_POINTS_POSSIBLE] = "no_points_possible",
  [TRELLIS_IMPORT_SKIP_UNKNOWN_LEARNER] = "unknown_learner",
};

const char *
trellis_import_skip_to_string (TrellisImportSkip skip)
{
  g_return_val_if_fail ((guint)skip < TRELLIS_IMPORT_SKIP_N, NULL);

  return skip_names[skip];
}

static void G_GNUC_PRINTF (2, 3)
warn (Import     *imp,
      const char *format,
      ...)
{
  va_list args;

  if (imp->report->warnings->len >= MAX_WARNINGS)
    return;

  va_start (args, format);
  g_ptr_array_add (imp->report->warnings, g_strdup_vprintf (format, args));
  va_end (args);
}

/* NULL for an empty or blank value. */
static char *
dup_clean (const char *text)
{
  g_autofree char *copy = g_strstrip (g_strdup (text != NULL ? text : ""));

  return *copy != '\0' ? g_steal_pointer (&copy) : NULL;
}

static guint
add_person (Import     *imp,
            const char *name,
            const char *sis_id,
            const char *login,
            const char *email,
            guint       line)
{
  Person *p = g_new0 (Person, 1);

  p->name = dup_clean (name);
  p->sis_id = dup_clean (sis_id);
  p->login = dup_clean (login);
  p->email = dup_clean (email);
  p->line = line;
  g_ptr_array_add (imp->people, p);

  return imp->people->len - 1;
}

static guint
add_item (Import     *imp,
          const char *lms_id,
          const char *title,
          double      points)
{
  Item *item = g_new0 (Item, 1);

  item->lms_id = g_strdup (lms_id);
  item->title = dup_clean (title);
  if (item->title == NULL)
    item->title = g_strdup (lms_id);
  item->points = points;
  g_ptr_array_add (imp->items, item);

  return imp->items->len - 1;
}

/* @text if it starts with a valid YYYY-MM-DD date (an ISO 8601 date or date-time), else NULL. */
static char *
parse_iso_date (const char *text)
{
  unsigned int y, m, d;
  int consumed = 0;

  if (text == NULL || strlen (text) < 10 ||
      sscanf (text, "%4u-%2u-%2u%n", &y, &m, &d, &consumed) != 3 || consumed != 10 ||
      !g_date_valid_dmy ((GDateDay)d, (GDateMonth)m, (GDateYear)y))
    return NULL;
  if (text[10] != '\0' && text[10] != 'T' && text[10] != ' ')
    return NULL;

  return g_strndup (text, 10);
}

/*
 * A due date as Google Classroom writes it, "Mar 7, 2025" (English month
 * names, abbreviated or not), or YYYY-MM-DD; NULL for anything else, such
 * as "No due date".
 */
static char *
parse_google_date (const char *text)
{
  static const char * const months[] = { "jan", "feb", "mar", "apr", "may", "jun",
                                         "jul", "aug", "sep", "oct", "nov", "dec" };
  g_autofree char *copy = g_strstrip (g_strdup (text != NULL ? text : ""));
  g_auto(GStrv) words = NULL;
  char *end;
  guint64 day, year;
  guint month = 0;

  if (g_ascii_isdigit (copy[0]))
    return parse_iso_date (copy);

  /* "Mar 7, 2025": month, day with its comma, year. */
  words = g_strsplit_set (copy, " ,", -1);
  if (g_strv_length (words) != 4 || *words[2] != '\0' || strlen (words[0]) < 3)
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (months); i++)
    if (g_ascii_strncasecmp (words[0], months[i], 3) == 0)
      month = i + 1;
  day = g_ascii_strtoull (words[1], &end, 10);
  if (month == 0 || *words[1] == '\0' || *end != '\0')
    return NULL;
  year = g_ascii_strtoull (words[3], &end, 10);
  if (*words[3] == '\0' || *end != '\0' || year > 9999 ||
      !g_date_valid_dmy ((GDateDay)MIN (day, 32), (GDateMonth)month, (GDateYear)year))
    return NULL;

  return g_strdup_printf ("%04u-%02u-%02u", (guint)year, month, (guint)day);
}

/*
 * A number as LMSs write it: "-3.5", "8,50", "1.234,5", "85,00 %", "90%".
 * The last '.' or ',' is the decimal mark (what Canvas's importer does).
 */
static gboolean
parse_number (const char *text,
              double     *value,
              gboolean   *percent)
{
  char buffer[64];
  const char *p = text;
  const char *last_mark = NULL;
  gsize n = 0;
  gboolean digits = FALSE;
  char *end;

  *percent = FALSE;
  if (*p == '-')
    buffer[n++] = *p++;

  for (const char *q = p; *q != '\0'; q++)
    if (*q == '.' || *q == ',')
      last_mark = q;

  for (; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        {
          digits = TRUE;
          buffer[n++] = *p;
        }
      else if (*p == '.' || *p == ',')
        {
          if (p == last_mark)
            buffer[n++] = '.';
        }
      else
        break;
      if (n >= sizeof buffer - 1)
        return FALSE;
    }

  while (*p == ' ')
    p++;
  if (*p == '%')
    {
      *percent = TRUE;
      p++;
    }
  if (*p != '\0' || !digits)
    return FALSE;

  buffer[n] = '\0';
  *value = g_ascii_strtod (buffer, &end);

  return *end == '\0' && isfinite (*value);
}

/* Reads a gradebook cell into @cell (kind, skip, value). */
static void
read_mark (Cell       *cell,
           const char *raw)
{
  g_autofree char *text = g_strstrip (g_strdup (raw));
  gboolean percent;

  cell->kind = CELL_SKIP;
  if (*text == '\0' || g_str_equal (text, "-"))
    cell->skip = TRELLIS_IMPORT_SKIP_EMPTY;
  else if (g_ascii_strcasecmp (text, "EX") == 0)
    cell->skip = TRELLIS_IMPORT_SKIP_EXCUSED;
  else if (g_ascii_strcasecmp (text, "N/A") == 0)
    cell->skip = TRELLIS_IMPORT_SKIP_NOT_ASSIGNED;
  else if (!parse_number (text, &cell->value, &percent))
    cell->skip = TRELLIS_IMPORT_SKIP_NOT_NUMERIC;
  else if (cell->value < 0)
    cell->skip = TRELLIS_IMPORT_SKIP_NEGATIVE;
  else
    cell->kind = percent ? CELL_PERCENT : CELL_SCORE;
}

static void
add_cell (Import     *imp,
          guint       person,
          guint       item,
          const char *raw,
          const char *where,
          guint       line)
{
  Cell cell = { person, item, CELL_SKIP, TRELLIS_IMPORT_SKIP_EMPTY, 0, NULL };

  read_mark (&cell, raw);
  if (cell.kind == CELL_SKIP && cell.skip == TRELLIS_IMPORT_SKIP_NOT_NUMERIC)
    warn (imp, _("%s, line %u: “%s” under “%s” is not a number of points; skipped"),
          where, line, raw, ((Item *)g_ptr_array_index (imp->items, item))->title);
  else if (cell.kind == CELL_SKIP && cell.skip == TRELLIS_IMPORT_SKIP_NEGATIVE)
    warn (imp, _("%s, line %u: a negative score under “%s”; skipped"),
          where, line, ((Item *)g_ptr_array_index (imp->items, item))->title);
  g_array_append_val (imp->cells, cell);
}

static gboolean
parse_points (const char *raw,
              double     *points)
{
  g_autofree char *text = g_strstrip (g_strdup (raw));
  gboolean percent;

  return parse_number (text, points, &percent) && !percent && *points >= 0;
}

/* --- Canvas ----------------------------------------------------------------- */

static gboolean
is_canvas_total (const char *header)
{
  static const char * const totals[] = {
    "Current Score", "Current Points", "Current Grade", "Final Score", "Final Points",
    "Final Grade", "Override Score", "Override Grade", "Override Status",
  };

  for (guint i = 0; i < G_N_ELEMENTS (totals); i++)
    if (strstr (header, totals[i]) != NULL)
      return TRUE;
  return FALSE;
}

/* "Timeline (draft) (1238)": the title and the last parenthesised number. */
static gboolean
split_canvas_title (const char  *header,
                    char       **title,
                    char       **id)
{
  gsize len = strlen (header);
  gsize i;

  if (len < 4 || header[len - 1] != ')')
    return FALSE;
  i = len - 1;
  while (i > 0 && g_ascii_isdigit (header[i - 1]))
    i--;
  if (i == len - 1 || i < 2 || header[i - 1] != '(' || header[i - 2] != ' ')
    return FALSE;

  *id = g_strndup (header + i, len - 1 - i);
  *title = g_strndup (header, i - 2);
  return TRUE;
}

static gboolean
is_hex_login (const char *login)
{
  gsize n = 0;

  for (; login[n] != '\0'; n++)
    if (!g_ascii_isxdigit (login[n]))
      return FALSE;
  return n == 40;
}

/* "Last, First" → "First Last"; Canvas's ="…" guard unwrapped. */
static char *
canvas_display_name (const char *sortable)
{
  g_autofree char *name = g_strstrip (g_strdup (sortable));
  char *comma;

  if (g_str_has_prefix (name, "=\"") && g_str_has_suffix (name, "\"") && strlen (name) >= 3)
    {
      char *inner = g_strndup (name + 2, strlen (name) - 3);
      g_free (name);
      name = inner;
    }

  comma = strchr (name, ',');
  if (comma != NULL && strchr (comma + 1, ',') == NULL && comma[1] != '\0')
    {
      g_autofree char *last = g_strstrip (g_strndup (name, (gsize)(comma - name)));
      g_autofree char *first = g_strstrip (g_strdup (comma + 1));

      if (*first != '\0' && *last != '\0')
        return g_strdup_printf ("%s %s", first, last);
    }

  return g_steal_pointer (&name);
}

static gboolean
read_canvas (Import      *imp,
             TrellisCsv  *csv,
             GError     **error)
{
  const char *where = trellis_csv_get_name (csv);
  guint width = trellis_csv_get_n_fields (csv, 0);
  int c_student = trellis_csv_find_column (csv, 0, "Student");
  int c_last = trellis_csv_find_column (csv, 0, "LastName");
  int c_first = trellis_csv_find_column (csv, 0, "FirstName");
  int c_sis = trellis_csv_find_column (csv, 0, "SIS User ID");
  int c_login = trellis_csv_find_column (csv, 0, "SIS Login ID");
  int c_section = trellis_csv_find_column (csv, 0, "Section");
  g_autoptr(GArray) columns = g_array_new (FALSE, FALSE, sizeof (guint));
  int points_row = -1;

  if ((c_student < 0 && (c_last < 0 || c_first < 0)) || c_section < 0 || (c_sis < 0 && c_login < 0))
    {
      g_set_error (error, TRELLIS_IMPORT_ERROR, TRELLIS_IMPORT_ERROR_FORMAT,
                   _("%s, line %u: not a Canvas gradebook header (it needs Student, SIS Login ID and Section)"),
                   where, trellis_csv_get_line (csv, 0));
      return FALSE;
    }

  for (guint r = 1; r < trellis_csv_get_n_rows (csv); r++)
    if (strstr (trellis_csv_get_field (csv, r, 0), "Points Possible") != NULL)
      {
        points_row = (int)r;
        break;
      }

  for (guint col = (guint)c_section + 1; col < width; col++)
    {
      const char *header = trellis_csv_get_field (csv, 0, col);
      g_autofree char *title = NULL;
      g_autofree char *id = NULL;
      double points = -1;
      guint item;

      if (is_canvas_total (header) || !split_canvas_title (header, &title, &id))
        continue;
      if (points_row >= 0 && !parse_points (trellis_csv_get_field (csv, (guint)points_row, col), &points))
        points = -1;
      item = add_item (imp, id, title, points);
      g_array_append_val (columns, col);
      g_assert (item == columns->len - 1);
    }

  for (guint r = 1; r < trellis_csv_get_n_rows (csv); r++)
    {
      const char *login = c_login >= 0 ? trellis_csv_get_field (csv, r, (guint)c_login) : "";
      g_autofree char *name = NULL;
      gboolean hidden_row = TRUE;
      guint person;

      if ((int)r == points_row)
        continue;

      /* The "Manual Posting"/"Muted" row. */
      for (guint col = 0; col < trellis_csv_get_n_fields (csv, r) && hidden_row; col++)
        {
          g_autofree char *v = g_strstrip (g_strdup (trellis_csv_get_field (csv, r, col)));

          hidden_row = *v == '\0' || g_ascii_strncasecmp (v, "Muted", 5) == 0 ||
                       g_ascii_strncasecmp (v, "Manual Posting", 14) == 0;
        }
      if (hidden_row)
        continue;

      imp->report->rows_read++;

      /* The Test Student (student view): never a learner. */
      if (is_hex_login (login))
        continue;

      if (c_student >= 0)
        name = canvas_display_name (trellis_csv_get_field (csv, r, (guint)c_student));
      else
        name = g_strdup_printf ("%s %s", trellis_csv_get_field (csv, r, (guint)c_first),
                                trellis_csv_get_field (csv, r, (guint)c_last));

      person = add_person (imp, name, c_sis >= 0 ? trellis_csv_get_field (csv, r, (guint)c_sis) : NULL,
                           login, NULL, trellis_csv_get_line (csv, r));
      for (guint i = 0; i < columns->len; i++)
        add_cell (imp, person, i, trellis_csv_get_field (csv, r, g_array_index (columns, guint, i)),
                  where, trellis_csv_get_line (csv, r));
    }

  return TRUE;
}

/* --- Moodle ----------------------------------------------------------------- */

/* "Assignment: Egypt report (Real)" → name "Assignment: Egypt report", type "Real". */
static gboolean
split_moodle_header (const char  *header,
                     char       **name,
                     const char **type)
{
  static const char * const types[] = { "Real", "Percentage", "Letter", "Feedback" };

  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    {
      g_autofree char *suffix = g_strdup_printf (" (%s)", types[i]);

      if (g_str_has_suffix (header, suffix) && strlen (header) > strlen (suffix))
        {
          *name = g_strndup (header, strlen (header) - strlen (suffix));
          *type = types[i];
          return TRUE;
        }
    }

  return FALSE;
}

static int
find_column_ci (TrellisCsv  *csv,
                guint        row,
                const char  *name)
{
  for (guint i = 0; i < trellis_csv_get_n_fields (csv, row); i++)
    {
      g_autofree char *field = g_strstrip (g_strdup (trellis_csv_get_field (csv, row, i)));

      if (g_ascii_strcasecmp (field, name) == 0)
        return (int)i;
    }

  return -1;
}

static gboolean
read_moodle (Import      *imp,
             TrellisCsv  *csv,
             GError     **error)
{
  const char *where = trellis_csv_get_name (csv);
  guint width = trellis_csv_get_n_fields (csv, 0);
  int c_first = find_column_ci (csv, 0, "First name");
  int c_last = find_column_ci (csv, 0, "Last name");
  int c_idnumber = find_column_ci (csv, 0, "ID number");
  int c_email = find_column_ci (csv, 0, "Email address");
  g_autoptr(GArray) columns = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) pct_columns = g_array_new (FALSE, FALSE, sizeof (int));

  if (c_last < 0)
    c_last = find_column_ci (csv, 0, "Surname");

  if (c_idnumber < 0 && c_email < 0)
    {
      g_set_error (error, TRELLIS_IMPORT_ERROR, TRELLIS_IMPORT_ERROR_FORMAT,
                   _("%s, line %u: not a Moodle grade export (it needs an ID number or Email address column)"),
                   where, trellis_csv_get_line (csv, 0));
      return FALSE;
    }

  for (guint col = 0; col < width; col++)
    {
      g_autofree char *name = NULL;
      g_autofree char *pct_header = NULL;
      const char *type;
      const char *title;
      int pct;

      if (!split_moodle_header (trellis_csv_get_field (csv, 0, col), &name, &type) ||
          !g_str_equal (type, "Real") || g_str_has_suffix (name, " total") ||
          g_ascii_strcasecmp (name, "Course total") == 0)
        continue;

      title = strstr (name, ": ") != NULL ? strstr (name, ": ") + 2 : name;
      add_item (imp, name, title, -1);
      g_array_append_val (columns, col);
      pct_header = g_strdup_printf ("%s (Percentage)", name);
      pct = trellis_csv_find_column (csv, 0, pct_header);
      g_array_append_val (pct_columns, pct);
    }

  /* The maximum from a Percentage column beside the Real one. */
  for (guint i = 0; i < columns->len; i++)
    {
      int pct = g_array_index (pct_columns, int, i);
      Item *item = g_ptr_array_index (imp->items, i);

      for (guint r = 1; pct >= 0 && r < trellis_csv_get_n_rows (csv) && item->points < 0; r++)
        {
          Cell real = { 0 }, percent = { 0 };

          read_mark (&real, trellis_csv_get_field (csv, r, g_array_index (columns, guint, i)));
          read_mark (&percent, trellis_csv_get_field (csv, r, (guint)pct));
          if (real.kind == CELL_SCORE && percent.kind != CELL_SKIP && percent.value > 0)
            item->points = round (real.value / percent.value * 100 * 100) / 100;
        }
    }

  for (guint r = 1; r < trellis_csv_get_n_rows (csv); r++)
    {
      g_autofree char *name = g_strdup_printf ("%s %s",
                                               c_first >= 0 ? trellis_csv_get_field (csv, r, (guint)c_first) : "",
                                               c_last >= 0 ? trellis_csv_get_field (csv, r, (guint)c_last) : "");
      guint person;

      imp->report->rows_read++;
      person = add_person (imp, name,
                           c_idnumber >= 0 ? trellis_csv_get_field (csv, r, (guint)c_idnumber) : NULL,
                           NULL,
                           c_email >= 0 ? trellis_csv_get_field (csv, r, (guint)c_email) : NULL,
                           trellis_csv_get_line (csv, r));
      for (guint i = 0; i < columns->len; i++)
        add_cell (imp, person, i, trellis_csv_get_field (csv, r, g_array_index (columns, guint, i)),
                  where, trellis_csv_get_line (csv, r));
    }

  return TRUE;
}

/* --- Google Classroom --------------------------------------------------------- */

static int
google_header_row (TrellisCsv *csv)
{
  for (guint r = 0; r < MIN (5, trellis_csv_get_n_rows (csv)); r++)
    if (find_column_ci (csv, r, "Email Address") >= 0)
      return (int)r;
  return -1;
}

static gboolean
read_google (Import      *imp,
             TrellisCsv  *csv,
             GError     **error)
{
  const char *where = trellis_csv_get_name (csv);
  int header = google_header_row (csv);
  g_autoptr(GArray) columns = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  int c_email, c_first, c_last;
  guint h;

  if (header < 0)
    {
      g_set_error (error, TRELLIS_IMPORT_ERROR, TRELLIS_IMPORT_ERROR_FORMAT,
                   _("%s, line %u: not a Google Classroom grade file (no Email Address column)"),
                   where, trellis_csv_get_line (csv, 0));
      return FALSE;
    }
  h = (guint)header;
  c_email = find_column_ci (csv, h, "Email Address");
  c_first = find_column_ci (csv, h, "First Name");
  c_last = find_column_ci (csv, h, "Last Name");

  for (guint col = 0; col < trellis_csv_get_n_fields (csv, h); col++)
    {
      g_autofree char *title = g_strstrip (g_strdup (trellis_csv_get_field (csv, h, col)));
      g_autofree char *lms_id = NULL;
      guint n;

      if ((int)col == c_email || (int)col == c_first || (int)col == c_last || *title == '\0' ||
          g_ascii_strncasecmp (title, "Overall", 7) == 0)
        continue;

      /* Titles are the only key and may repeat: the second is "title #2". */
      n = GPOINTER_TO_UINT (g_hash_table_lookup (seen, title)) + 1;
      g_hash_table_replace (seen, g_strdup (title), GUINT_TO_POINTER (n));
      lms_id = n == 1 ? g_strdup (title) : g_strdup_printf ("%s #%u", title, n);
      add_item (imp, lms_id, title, -1);
      g_array_append_val (columns, col);
    }

  for (guint r = h + 1; r < trellis_csv_get_n_rows (csv); r++)
    {
      g_autofree char *first = g_strstrip (g_strdup (trellis_csv_get_field (csv, r, 0)));
      const char *email = trellis_csv_get_field (csv, r, (guint)c_email);
      g_autofree char *name = NULL;
      guint person;

      /* The due dates: the date of each column's scores. */
      if (g_ascii_strcasecmp (first, "Date") == 0 || g_ascii_strcasecmp (first, "Due Date") == 0)
        {
          for (guint i = 0; i < columns->len; i++)
            {
              Item *item = g_ptr_array_index (imp->items, i);

              g_free (item->due_on);
              item->due_on = parse_google_date (trellis_csv_get_field (csv, r, g_array_index (columns, guint, i)));
            }
          continue;
        }

      if (g_ascii_strcasecmp (first, "Points") == 0)
        {
          for (guint i = 0; i < columns->len; i++)
            {
              Item *item = g_ptr_array_index (imp->items, i);

              if (!parse_points (trellis_csv_get_field (csv, r, g_array_index (columns, guint, i)), &item->points))
                item->points = -1;
            }
          continue;
        }

      if (strchr (email, '@') == NULL)
        continue;

      imp->report->rows_read++;
      name = g_strdup_printf ("%s %s", c_first >= 0 ? trellis_csv_get_field (csv, r, (guint)c_first) : "",
                              c_last >= 0 ? trellis_csv_get_field (csv, r, (guint)c_last) : "");
      person = add_person (imp, name, NULL, NULL, email, trellis_csv_get_line (csv, r));
      for (guint i = 0; i < columns->len; i++)
        add_cell (imp, person, i, trellis_csv_get_field (csv, r, g_array_index (columns, guint, i)),
                  where, trellis_csv_get_line (csv, r));
    }

  return TRUE;
}

/* --- OneRoster ------------------------------------------------------------------- */

typedef struct
{
  GHashTable *files;   /* name → TrellisCsv */
} Roster;

static gboolean
roster_add (Roster      *roster,
            const char  *name,
            const char  *data,
            gsize        len,
            GError     **error)
{
  TrellisCsv *csv;

  if (!g_str_has_suffix (name, ".csv") || g_hash_table_contains (roster->files, name))
    return TRUE;

  csv = trellis_csv_parse (data, len, ',', TRELLIS_CSV_FLAGS_ALLOW_NO_ROWS, name, error);
  if (csv == NULL)
    return FALSE;
  g_hash_table_insert (roster->files, g_strdup (name), csv);
  return TRUE;
}

static gboolean
roster_load_dir (Roster      *roster,
                 const char  *path,
                 GError     **error)
{
  static const char * const names[] = { "manifest.csv", "users.csv", "enrollments.csv",
                                        "lineItems.csv", "results.csv", "classes.csv" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *file = g_build_filename (path, names[i], NULL);
      g_autofree char *data = NULL;
      gsize len;

      if (!g_file_test (file, G_FILE_TEST_IS_REGULAR))
        continue;
      if (!g_file_get_contents (file, &data, &len, error) ||
          !roster_add (roster, names[i], data, len, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
roster_load_zip (Roster      *roster,
                 const char  *path,
                 GError     **error)
{
  struct archive *a = archive_read_new ();
  struct archive_entry *entry;
  gsize total = 0;
  gboolean ok = TRUE;
  int rc;

  archive_read_support_format_zip (a);
  if (archive_read_open_filename (a, path, 65536) != ARCHIVE_OK)
    {
      g_set_error (error, TRELLIS_IMPORT_ERROR, TRELLIS_IMPORT_ERROR_IO,
                   _("Could not read the zip file: %s"), archive_error_string (a));
      archive_read_free (a);
      return FALSE;
    }

  while (ok && (rc = archive_read_next_header (a, &entry)) == ARCHIVE_OK)
    {
      const char *name = archive_entry_pathname (entry);
      const char *base;
      g_autoptr(GByteArray) data = NULL;
      char buffer[65536];
      la_ssize_t n;

      if (name == NULL || archive_entry_filetype (entry) != AE_IFREG)
        continue;
      base = strrchr (name, '/') != NULL ? strrchr (name, '/') + 1 : name;
      if (!g_str_has_suffix (base, ".csv"))
        continue;

      data = g_byte_array_new ();
      while ((n = archive_read_data (a, buffer, sizeof buffer)) > 0)
        {
          total += (gsize)n;
          if (total > 4 * (gsize)TRELLIS_CSV_MAX_SIZE)
            {
              g_set_error (error, TRELLIS_IMPORT_ERROR, TRELLIS_IMPORT_ERROR_IO,
                           _("The zip file is too large to import"));
              ok = FALSE;
              break;
            }
          g_byte_array_append (data, (const guint8 *)buffer, (guint)n);
        }
      if (ok && n < 0)
        {
          g_set_error (error, TRELLIS_IMPORT_ERROR, TRELLIS_IMPORT_ERROR_IO,
                       _("Could not read %s in the zip file: %s"), name, archive_error_string (a));
          ok = FALSE;
        }
      if (ok)
        ok = roster_add (roster, base, (const char *)data->data, data->len, error);
    }

  if (ok && rc != ARCHIVE_EOF)
    {
      g_set_error (error, TRELLIS_IMPORT_ERROR, TRELLIS_IMPORT_ERROR_IO,
                   _("Could not read the zip file: %s"), archive_error_string (a));
      ok = FALSE;
    }

  archive_read_free (a);
  return ok;
}

/* The columns of @file, or an error naming the missing one. */
static TrellisCsv *
roster_table (Roster              *roster,
              const char          *file,
              const char * const  *columns,
              int                 *indexes,
              GError             **error)
{
  TrellisCsv *csv = g_hash_table_lookup (roster->files, file);

  if (csv == NULL)
    {
      g_set_error (error, TRELLIS_IMPORT_ERROR, TRELLIS_IMPORT_ERROR_FORMAT,
                   _("The OneRoster package has no %s"), file);
      return NULL;
    }

  for (guint i = 0; columns[i] != NULL; i++)
    {
      indexes[i] = trellis_csv_find_column (csv, 0, columns[i]);
      if (indexes[i] < 0)
        {
          g_set_error (error, TRELLIS_IMPORT_ERROR, TRELLIS_IMPORT_ERROR_FORMAT,
                       _("%s, line 1: no %s column"), file, columns[i]);
          return NULL;
        }
    }

  return csv;
}

static gboolean
is_deleted (TrellisCsv *csv,
            guint       row,
            int         status_column)
{
  return status_column >= 0 &&
         g_ascii_strcasecmp (trellis_csv_get_field (csv, row, (guint)status_column), "tobedeleted") == 0;
}

/* The package at @path (a folder or a zip), which must have a manifest. */
static gboolean
roster_load (Roster      *roster,
             const char  *path,
             GError     **error)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR) ? !roster_load_dir (roster, path, error)
                                             : !roster_load_zip (roster, path, error))
    return FALSE;

  if (!g_hash_table_contains (roster->files, "manifest.csv"))
    {
      g_set_error (error, TRELLIS_IMPORT_ERROR, TRELLIS_IMPORT_ERROR_FORMAT,
                   _("Not a OneRoster package: there is no manifest.csv"));
      return FALSE;
    }

  return TRUE;
}

static const char * const enr_cols[] = { "sourcedId", "status", "classSourcedId", "userSourcedId", "role", NULL };
enum { ENR_ID, ENR_STATUS, ENR_CLASS, ENR_USER, ENR_ROLE };

static gboolean
is_student_enrollment (TrellisCsv *enrollments,
                       guint       row,
                       const int  *e)
{
  return !is_deleted (enrollments, row, e[ENR_STATUS]) &&
         g_str_equal (trellis_csv_get_field (enrollments, row, (guint)e[ENR_ROLE]), "student");
}

/* The classes that enroll students, in the order of enrollments.csv. */
static GPtrArray *
roster_class_ids (TrellisCsv *enrollments,
                  const int  *e)
{
  GPtrArray *classes = g_ptr_array_new_with_free_func (g_free);

  for (guint row = 1; row < trellis_csv_get_n_rows (enrollments); row++)
    {
      const char *cls = trellis_csv_get_field (enrollments, row, (guint)e[ENR_CLASS]);

      if (is_student_enrollment (enrollments, row, e) &&
          !g_ptr_array_find_with_equal_func (classes, cls, g_str_equal, NULL))
        g_ptr_array_add (classes, g_strdup (cls));
    }

  return classes;
}

static gboolean
read_oneroster (Import      *imp,
                const char  *path,
                const char  *class_id,
                GError     **error)
{
  static const char * const user_cols[] = { "sourcedId", "status", "role", "username", "givenName",
                                            "familyName", "identifier", "email", NULL };
  static const char * const li_cols[] = { "sourcedId", "status", "title", "classSourcedId", "resultValueMax", NULL };
  static const char * const res_cols[] = { "sourcedId", "status", "lineItemSourcedId", "studentSourcedId",
                                           "scoreStatus", "score", "scoreDate", NULL };
  Roster roster = { g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify)trellis_csv_free) };
  g_autoptr(GHashTable) students = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) items = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) classes = NULL;
  int u[8], e[5], l[5], r[7];
  int l_due;
  TrellisCsv *users, *enrollments, *line_items, *results;
  gboolean ok = FALSE;

  if (!roster_load (&roster, path, error))
    goto out;

  if ((users = roster_table (&roster, "users.csv", user_cols, u, error)) == NULL ||
      (enrollments = roster_table (&roster, "enrollments.csv", enr_cols, e, error)) == NULL ||
      (line_items = roster_table (&roster, "lineItems.csv", li_cols, l, error)) == NULL ||
      (results = roster_table (&roster, "results.csv", res_cols, r, error)) == NULL)
    goto out;

  /* Which class: --class, or the only one with students. */
  classes = roster_class_ids (enrollments, e);

  if (class_id == NULL)
    {
      if (classes->len == 0)
        {
          g_set_error (error, TRELLIS_IMPORT_ERROR, TRELLIS_IMPORT_ERROR_CLASS,
                       _("The OneRoster package enrolls no students"));
          goto out;
        }
      if (classes->len > 1)
        {
          g_autofree char *names = NULL;

          g_ptr_array_add (classes, NULL);
          names = g_strjoinv (", ", (char **)classes->pdata);
          g_set_error (error, TRELLIS_IMPORT_ERROR, TRELLIS_IMPORT_ERROR_CLASS,
                       _("The OneRoster package has several classes; choose one with --class: %s"), names);
          goto out;
        }
      class_id = g_ptr_array_index (classes, 0);
    }
  else
    {
      if (!g_ptr_array_find_with_equal_func (classes, class_id, g_str_equal, NULL))
        {
          g_set_error (error, TRELLIS_IMPORT_ERROR, TRELLIS_IMPORT_ERROR_CLASS,
                       _("The OneRoster package has no class “%s” with students"), class_id);
          goto out;
        }
    }

  /* Students of the class. */
  {
    g_autoptr(GHashTable) enrolled = g_hash_table_new (g_str_hash, g_str_equal);

    for (guint row = 1; row < trellis_csv_get_n_rows (enrollments); row++)
      if (!is_deleted (enrollments, row, e[1]) &&
          g_str_equal (trellis_csv_get_field (enrollments, row, (guint)e[4]), "student") &&
          g_str_equal (trellis_csv_get_field (enrollments, row, (guint)e[2]), class_id))
        g_hash_table_add (enrolled, (gpointer)trellis_csv_get_field (enrollments, row, (guint)e[3]));

    for (guint row = 1; row < trellis_csv_get_n_rows (users); row++)
      {
        const char *id = trellis_csv_get_field (users, row, (guint)u[0]);
        g_autofree char *name = NULL;
        guint person;

        if (is_deleted (users, row, u[1]) || !g_hash_table_contains (enrolled, id) ||
            g_hash_table_contains (students, id))
          continue;
        name = g_strdup_printf ("%s %s", trellis_csv_get_field (users, row, (guint)u[4]),
                                trellis_csv_get_field (users, row, (guint)u[5]));
        person = add_person (imp, name, trellis_csv_get_field (users, row, (guint)u[6]),
                             trellis_csv_get_field (users, row, (guint)u[3]),
                             trellis_csv_get_field (users, row, (guint)u[7]),
                             trellis_csv_get_line (users, row));
        g_hash_table_insert (students, g_strdup (id), GUINT_TO_POINTER (person + 1));
      }
  }

  l_due = trellis_csv_find_column (line_items, 0, "dueDate");
  for (guint row = 1; row < trellis_csv_get_n_rows (line_items); row++)
    {
      const char *id = trellis_csv_get_field (line_items, row, (guint)l[0]);
      double points;
      guint item;

      if (is_deleted (line_items, row, l[1]) ||
          !g_str_equal (trellis_csv_get_field (line_items, row, (guint)l[3]), class_id) ||
          g_hash_table_contains (items, id))
        continue;
      if (!parse_points (trellis_csv_get_field (line_items, row, (guint)l[4]), &points) || points <= 0)
        points = -1;
      item = add_item (imp, id, trellis_csv_get_field (line_items, row, (guint)l[2]), points);
      /* A score without a scoreDate gets its line item's due date. */
      if (l_due >= 0)
        ((Item *)g_ptr_array_index (imp->items, item))->due_on =
          parse_iso_date (trellis_csv_get_field (line_items, row, (guint)l_due));
      g_hash_table_insert (items, g_strdup (id), GUINT_TO_POINTER (item + 1));
    }

  for (guint row = 1; row < trellis_csv_get_n_rows (results); row++)
    {
      guint item = GPOINTER_TO_UINT (g_hash_table_lookup (items, trellis_csv_get_field (results, row, (guint)r[2]))) ;
      guint person = GPOINTER_TO_UINT (g_hash_table_lookup (students, trellis_csv_get_field (results, row, (guint)r[3])));
      const char *status = trellis_csv_get_field (results, row, (guint)r[4]);
      const char *date = trellis_csv_get_field (results, row, (guint)r[6]);
      Cell cell = { 0 };

      if (is_deleted (results, row, r[1]) || item == 0 || person == 0)
        continue;

      imp->report->rows_read++;
      cell.person = person - 1;
      cell.item = item - 1;
      cell.kind = CELL_SKIP;
      if (g_str_equal (status, "exempt"))
        cell.skip = TRELLIS_IMPORT_SKIP_EXCUSED;
      else if (g_str_equal (status, "not submitted"))
        cell.skip = TRELLIS_IMPORT_SKIP_MISSING;
      else if (g_str_equal (status, "submitted"))
        cell.skip = TRELLIS_IMPORT_SKIP_UNGRADED;
      else if (g_str_equal (status, "fully graded") || g_str_equal (status, "partially graded"))
        read_mark (&cell, trellis_csv_get_field (results, row, (guint)r[5]));
      else
        {
          cell.skip = TRELLIS_IMPORT_SKIP_NOT_NUMERIC;
          warn (imp, _("results.csv, line %u: unknown scoreStatus “%s”; skipped"),
                trellis_csv_get_line (results, row), status);
        }
      if (cell.kind == CELL_PERCENT)
        {
          cell.kind = CELL_SKIP;
          cell.skip = TRELLIS_IMPORT_SKIP_NOT_NUMERIC;
        }
      cell.observed_on = parse_iso_date (date);
      g_array_append_val (imp->cells, cell);
    }

  ok = TRUE;

out:
  g_hash_table_unref (roster.files);
  return ok;
}

/* --- detection --------------------------------------------------------------------- */

static TrellisImportFormat
detect_csv_format (TrellisCsv *csv)
{
  gboolean moodle_columns = FALSE;

  if (trellis_csv_find_column (csv, 0, "Student") == 0 ||
      trellis_csv_find_column (csv, 0, "SIS Login ID") >= 0 ||
      (trellis_csv_find_column (csv, 0, "LastName") >= 0 && trellis_csv_find_column (csv, 0, "ID") >= 0))
    return TRELLIS_IMPORT_FORMAT_CANVAS;

  for (guint i = 0; i < trellis_csv_get_n_fields (csv, 0); i++)
    {
      g_autofree char *name = NULL;
      const char *type;

      if (split_moodle_header (trellis_csv_get_field (csv, 0, i), &name, &type) ||
          g_str_equal (trellis_csv_get_field (csv, 0, i), "Last downloaded from this course"))
        moodle_columns = TRUE;
    }
  if (moodle_columns || find_column_ci (csv, 0, "ID number") >= 0)
    return TRELLIS_IMPORT_FORMAT_MOODLE;

  if (google_header_row (csv) >= 0)
    return TRELLIS_IMPORT_FORMAT_GOOGLE;

  return TRELLIS_IMPORT_FORMAT_AUTO;
}

static gboolean
is_zip (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) stream = g_file_read (file, NULL, NULL);
  guchar magic[4];
  gsize n = 0;

  return stream != NULL &&
         g_input_stream_read_all (G_INPUT_STREAM (stream), magic, 4, &n, NULL, NULL) &&
         n == 4 && memcmp (magic, "PK\003\004", 4) == 0;
}

/* --- OneRoster classes ------------------------------------------------------------ */

void
trellis_import_class_free (TrellisImportClass *klass)
{
  if (klass == NULL)
    return;

  g_free (klass->sourced_id);
  g_free (klass->title);
  g_free (klass);
}

/**
 * trellis_import_list_classes:
 * @input: a OneRoster package, a folder or a zip
 * @error: return location for an error
 *
 * Lists the classes of @input that enroll students, in the order of its
 * enrollments.csv, with their title from classes.csv (when it has one) and
 * the number of their students that users.csv knows: the learners an import
 * of that class would read.  A teacher picks one for trellis_import().
 *
 * Returns: (transfer full) (element-type TrellisImportClass): the classes
 *   (possibly none), or %NULL with @error set when @input is not a
 *   readable OneRoster package.
 */
GPtrArray *
trellis_import_list_classes (const char  *input,
                             GError     **error)
{
  static const char * const user_cols[] = { "sourcedId", "status", NULL };
  Roster roster = { g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify)trellis_csv_free) };
  g_autoptr(GPtrArray) ids = NULL;
  g_autoptr(GHashTable) known_users = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *classes = NULL;
  TrellisCsv *users, *enrollments, *class_table;
  int u[2], e[5];

  g_return_val_if_fail (input != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!g_file_test (input, G_FILE_TEST_IS_DIR) && !is_zip (input))
    {
      g_set_error (error, TRELLIS_IMPORT_ERROR, TRELLIS_IMPORT_ERROR_FORMAT,
                   _("A OneRoster import needs a folder or a zip file"));
      goto out;
    }

  if (!roster_load (&roster, input, error) ||
      (users = roster_table (&roster, "users.csv", user_cols, u, error)) == NULL ||
      (enrollments = roster_table (&roster, "enrollments.csv", enr_cols, e, error)) == NULL)
    goto out;

  for (guint row = 1; row < trellis_csv_get_n_rows (users); row++)
    if (!is_deleted (users, row, u[1]))
      g_hash_table_add (known_users, (gpointer)trellis_csv_get_field (users, row, (guint)u[0]));

  ids = roster_class_ids (enrollments, e);
  classes = g_ptr_array_new_with_free_func ((GDestroyNotify)trellis_import_class_free);
  class_table = g_hash_table_lookup (roster.files, "classes.csv");

  for (guint i = 0; i < ids->len; i++)
    {
      TrellisImportClass *klass = g_new0 (TrellisImportClass, 1);
      g_autoptr(GHashTable) students = g_hash_table_new (g_str_hash, g_str_equal);

      klass->sourced_id = g_strdup (g_ptr_array_index (ids, i));

      for (guint row = 1; row < trellis_csv_get_n_rows (enrollments); row++)
        {
          const char *user = trellis_csv_get_field (enrollments, row, (guint)e[ENR_USER]);

          if (is_student_enrollment (enrollments, row, e) &&
              g_str_equal (trellis_csv_get_field (enrollments, row, (guint)e[ENR_CLASS]), klass->sourced_id) &&
              g_hash_table_contains (known_users, user))
            g_hash_table_add (students, (gpointer)user);
        }
      klass->n_students = g_hash_table_size (students);

      if (class_table != NULL)
        {
          int c_id = trellis_csv_find_column (class_table, 0, "sourcedId");
          int c_title = trellis_csv_find_column (class_table, 0, "title");
          int c_status = trellis_csv_find_column (class_table, 0, "status");

          for (guint row = 1; c_id >= 0 && c_title >= 0 && row < trellis_csv_get_n_rows (class_table); row++)
            {
              const char *title = trellis_csv_get_field (class_table, row, (guint)c_title);

              if (!is_deleted (class_table, row, c_status) &&
                  g_str_equal (trellis_csv_get_field (class_table, row, (guint)c_id), klass->sourced_id) &&
                  *title != '\0')
                {
                  klass->title = g_strdup (title);
                  break;
                }
            }
        }

      g_ptr_array_add (classes, klass);
    }

out:
  g_hash_table_unref (roster.files);
  return classes;
}

/* --- plan and apply ------------------------------------------------------------------- */

static gint64
query_id (TrellisClassroom  *classroom,
          sqlite3_stmt      *stmt,
          const char        *value,
          GError           **error)
{
  gint64 id = 0;
  int rc;

  sqlite3_reset (stmt);
  sqlite3_bind_text (stmt, 1, value, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  else if (rc != SQLITE_DONE)
    {
      trellis_classroom_set_db_error (classroom, rc, error);
      id = -1;
    }
  sqlite3_reset (stmt);

  return id;
}

static char *
person_label (Person *p)
{
  const char *key = p->sis_id != NULL ? p->sis_id : p->login != NULL ? p->login : p->email;

  if (key != NULL)
    return g_strdup_printf ("%s (%s)", p->name != NULL ? p->name : "?", key);
  return g_strdup (p->name != NULL ? p->name : "?");
}

static gboolean
plan (Import  *imp,
      GError **error)
{
  TrellisImportReport *report = imp->report;
  g_autoptr(sqlite3_stmt) by_sis = NULL;
  g_autoptr(sqlite3_stmt) by_login = NULL;
  g_autoptr(sqlite3_stmt) by_email = NULL;
  g_autoptr(sqlite3_stmt) by_item = NULL;
  g_autoptr(sqlite3_stmt) by_title = NULL;
  g_autoptr(sqlite3_stmt) all = NULL;
  g_autoptr(sqlite3_stmt) existing = NULL;
  g_autoptr(GHashTable) matched = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GHashTable) new_keys = g_hash_table_new (g_str_hash, g_str_equal);
  gboolean create = (imp->flags & TRELLIS_IMPORT_FLAGS_CREATE_LEARNERS) != 0;
  int rc;

  if ((by_sis = trellis_classroom_prepare (imp->classroom,
                  "SELECT id FROM learners WHERE trashed = 0 AND sis_id = ?1", error)) == NULL ||
      (by_login = trellis_classroom_prepare (imp->classroom,
                  "SELECT id FROM learners WHERE trashed = 0 AND login = ?1 COLLATE NOCASE", error)) == NULL ||
      (by_email = trellis_classroom_prepare (imp->classroom,
                  "SELECT id FROM learners WHERE trashed = 0 AND email = ?1 COLLATE NOCASE", error)) == NULL ||
      (by_item = trellis_classroom_prepare (imp->classroom,
                  "SELECT id, points_possible FROM gradebook_items WHERE source = ?1 AND lms_id = ?2", error)) == NULL ||
      (by_title = trellis_classroom_prepare (imp->classroom,
                  "SELECT points_possible FROM gradebook_items WHERE title = ?1 COLLATE NOCASE"
                  " AND points_possible > 0 ORDER BY id LIMIT 1", error)) == NULL ||
      (all = trellis_classroom_prepare (imp->classroom,
                  "SELECT id, name FROM learners WHERE trashed = 0 ORDER BY name COLLATE NOCASE, id", error)) == NULL ||
      (existing = trellis_classroom_prepare (imp->classroom,
                  "SELECT DISTINCT e.learner_id || ':' || e.item_id FROM evidence e"
                  " JOIN gradebook_items g ON g.id = e.item_id"
                  " WHERE e.source = 'import' AND g.source = ?1", error)) == NULL)
    return FALSE;

  /* People → learners: SIS id, then login, then e-mail; never the name.
   * A login that is an e-mail address (Canvas's SIS Login ID often is)
   * also finds the learner known by that e-mail, and the other way round. */
  for (guint i = 0; i < imp->people->len; i++)
    {
      Person *p = g_ptr_array_index (imp->people, i);
      const char *keys[] = { p->sis_id, p->login, p->email,
                             p->login != NULL && strchr (p->login, '@') != NULL ? p->login : NULL,
                             p->email };
      sqlite3_stmt *stmts[] = { by_sis, by_login, by_email, by_email, by_login };

      report->learners_in_file++;
      for (guint k = 0; k < G_N_ELEMENTS (keys) && p->learner_id == 0; k++)
        if (keys[k] != NULL && (p->learner_id = query_id (imp->classroom, stmts[k], keys[k], error)) < 0)
          return FALSE;

      if (p->learner_id > 0)
        {
          report->learners_matched++;
          g_hash_table_add (matched, &p->learner_id);
        }
      else if (create && (p->sis_id != NULL || p->login != NULL || p->email != NULL))
        {
          const char *key = p->sis_id != NULL ? p->sis_id : p->login != NULL ? p->login : p->email;

          /* The same person twice in the file is created once. */
          if (!g_hash_table_contains (new_keys, key))
            {
              g_hash_table_add (new_keys, (gpointer)key);
              report->learners_created++;
            }
          p->create = TRUE;
        }
      else
        {
          report->learners_unmatched++;
          g_ptr_array_add (report->unmatched, person_label (p));
        }
    }

  while ((rc = sqlite3_step (all)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (all, 0);

      if (!g_hash_table_contains (matched, &id))
        {
          report->learners_absent++;
          g_ptr_array_add (report->absent, g_strdup ((const char *)sqlite3_column_text (all, 1)));
        }
    }
  if (rc != SQLITE_DONE)
    {
      trellis_classroom_set_db_error (imp->classroom, rc, error);
      return FALSE;
    }

  /* Items → gradebook items (source, lms_id). */
  for (guint i = 0; i < imp->items->len; i++)
    {
      Item *item = g_ptr_array_index (imp->items, i);
      double known = -1;

      sqlite3_reset (by_item);
      sqlite3_bind_text (by_item, 1, imp->source, -1, SQLITE_STATIC);
      sqlite3_bind_text (by_item, 2, item->lms_id, -1, SQLITE_STATIC);
      rc = sqlite3_step (by_item);
      if (rc == SQLITE_ROW)
        {
          item->item_id = sqlite3_column_int64 (by_item, 0);
          if (sqlite3_column_type (by_item, 1) != SQLITE_NULL)
            known = sqlite3_column_double (by_item, 1);
          report->items_updated++;
        }
      else if (rc == SQLITE_DONE)
        report->items_created++;
      else
        {
          trellis_classroom_set_db_error (imp->classroom, rc, error);
          return FALSE;
        }
      sqlite3_reset (by_item);

      item->max = item->points > 0 ? item->points : known > 0 ? known : -1;
      if (item->max < 0)
        {
          sqlite3_reset (by_title);
          sqlite3_bind_text (by_title, 1, item->title, -1, SQLITE_STATIC);
          if (sqlite3_step (by_title) == SQLITE_ROW)
            item->max = sqlite3_column_double (by_title, 0);
          sqlite3_reset (by_title);
        }
      if (item->max < 0 && g_str_equal (imp->source, "moodle"))
        {
          item->max = MOODLE_DEFAULT_MAX;
          warn (imp, _("“%s”: the file does not say its maximum points; %g assumed (Moodle’s default)"),
                item->title, MOODLE_DEFAULT_MAX);
        }
    }

  sqlite3_bind_text (existing, 1, imp->source, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (existing)) == SQLITE_ROW)
    g_hash_table_add (imp->existing, g_strdup ((const char *)sqlite3_column_text (existing, 0)));
  if (rc != SQLITE_DONE)
    {
      trellis_classroom_set_db_error (imp->classroom, rc, error);
      return FALSE;
    }

  /* Cells. */
  for (guint i = 0; i < imp->cells->len; i++)
    {
      Cell *cell = &g_array_index (imp->cells, Cell, i);
      Person *p = g_ptr_array_index (imp->people, cell->person);
      Item *item = g_ptr_array_index (imp->items, cell->item);

      if (cell->kind != CELL_SKIP && p->learner_id == 0 && !p->create)
        {
          cell->kind = CELL_SKIP;
          cell->skip = TRELLIS_IMPORT_SKIP_UNKNOWN_LEARNER;
        }
      if (cell->kind != CELL_SKIP && item->max <= 0)
        {
          cell->kind = CELL_SKIP;
          cell->skip = TRELLIS_IMPORT_SKIP_NO_POINTS_POSSIBLE;
        }
      if (cell->kind == CELL_PERCENT)
        {
          cell->value = cell->value * item->max / 100;
          cell->kind = CELL_SCORE;
        }

      if (cell->kind == CELL_SKIP)
        {
          report->cells_skipped++;
          report->skipped[cell->skip]++;

          /* The LMS has no score there any more (excused, removed...):
           * neither has the classroom, but the teacher's own evidence
           * stays. */
          if ((cell->skip == TRELLIS_IMPORT_SKIP_EMPTY || cell->skip == TRELLIS_IMPORT_SKIP_EXCUSED ||
               cell->skip == TRELLIS_IMPORT_SKIP_NOT_ASSIGNED || cell->skip == TRELLIS_IMPORT_SKIP_MISSING) &&
              p->learner_id > 0 && item->item_id > 0)
            {
              g_autofree char *key = g_strdup_printf ("%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT,
                                                      p->learner_id, item->item_id);

              if (g_hash_table_contains (imp->existing, key))
                {
                  cell->remove = TRUE;
                  report->evidence_removed++;
                }
            }
          continue;
        }

      report->evidence_added++;
      if (cell->observed_on == NULL && item->due_on == NULL)
        report->evidence_undated++;
      report->points_total += cell->value;
      if (p->learner_id > 0 && item->item_id > 0)
        {
          g_autofree char *key = g_strdup_printf ("%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT,
                                                  p->learner_id, item->item_id);

          if (g_hash_table_contains (imp->existing, key))
            report->evidence_replaced++;
        }
    }

  return TRUE;
}

static gboolean
step_done (TrellisClassroom  *classroom,
           sqlite3_stmt      *stmt,
           GError           **error)
{
  gboolean ok = trellis_classroom_step (classroom, stmt, error);

  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  return ok;
}

static gboolean
apply (Import  *imp,
       GError **error)
{
  g_autoptr(sqlite3_stmt) insert_learner = NULL;
  g_autoptr(sqlite3_stmt) insert_item = NULL;
  g_autoptr(sqlite3_stmt) update_item = NULL;
  g_autoptr(sqlite3_stmt) delete_evidence = NULL;
  g_autoptr(sqlite3_stmt) insert_evidence = NULL;
  g_autoptr(GHashTable) created = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_autofree char *now = trellis_classroom_timestamp (imp->classroom);
  sqlite3 *db = trellis_classroom_get_db (imp->classroom);

  if ((insert_learner = trellis_classroom_prepare (imp->classroom,
         "INSERT INTO learners (name, sis_id, login, email, created_at) VALUES (?1, ?2, ?3, ?4, ?5)", error)) == NULL ||
      (insert_item = trellis_classroom_prepare (imp->classroom,
         "INSERT INTO gradebook_items (source, lms_id, title, points_possible) VALUES (?1, ?2, ?3, ?4)", error)) == NULL ||
      (update_item = trellis_classroom_prepare (imp->classroom,
         "UPDATE gradebook_items SET title = ?2, points_possible = coalesce (?3, points_possible) WHERE id = ?1", error)) == NULL ||
      (delete_evidence = trellis_classroom_prepare (imp->classroom,
         "DELETE FROM evidence WHERE learner_id = ?1 AND item_id = ?2 AND source = 'import'", error)) == NULL ||
      (insert_evidence = trellis_classroom_prepare (imp->classroom,
         "INSERT INTO evidence (learner_id, skill_id, node_id, item_id, observed_at, kind, score, max_score, source)"
         " SELECT ?1, skill_id, node_id, id, ?3, 'points', ?4, ?5, 'import' FROM gradebook_items WHERE id = ?2", error)) == NULL)
    return FALSE;

  for (guint i = 0; i < imp->people->len; i++)
    {
      Person *p = g_ptr_array_index (imp->people, i);
      const char *key = p->sis_id != NULL ? p->sis_id : p->login != NULL ? p->login : p->email;
      gint64 *id;
      g_autofree char *name = NULL;

      if (!p->create)
        continue;
      if ((id = g_hash_table_lookup (created, key)) != NULL)
        {
          p->learner_id = *id;
          continue;
        }

      name = p->name != NULL ? g_strdup (p->name) : g_strdup (key);
      sqlite3_bind_text (insert_learner, 1, name, -1, SQLITE_STATIC);
      _trellis_bind_text_or_null (insert_learner, 2, p->sis_id);
      _trellis_bind_text_or_null (insert_learner, 3, p->login);
      _trellis_bind_text_or_null (insert_learner, 4, p->email);
      sqlite3_bind_text (insert_learner, 5, now, -1, SQLITE_STATIC);
      if (!step_done (imp->classroom, insert_learner, error))
        return FALSE;
      p->learner_id = sqlite3_last_insert_rowid (db);
      g_hash_table_insert (created, (gpointer)key, g_memdup2 (&p->learner_id, sizeof p->learner_id));
    }

  for (guint i = 0; i < imp->items->len; i++)
    {
      Item *item = g_ptr_array_index (imp->items, i);

      if (item->item_id > 0)
        {
          sqlite3_bind_int64 (update_item, 1, item->item_id);
          sqlite3_bind_text (update_item, 2, item->title, -1, SQLITE_STATIC);
          if (item->points >= 0)
            sqlite3_bind_double (update_item, 3, item->points);
          if (!step_done (imp->classroom, update_item, error))
            return FALSE;
          continue;
        }

      sqlite3_bind_text (insert_item, 1, imp->source, -1, SQLITE_STATIC);
      sqlite3_bind_text (insert_item, 2, item->lms_id, -1, SQLITE_STATIC);
      sqlite3_bind_text (insert_item, 3, item->title, -1, SQLITE_STATIC);
      if (item->points >= 0)
        sqlite3_bind_double (insert_item, 4, item->points);
      if (!step_done (imp->classroom, insert_item, error))
        return FALSE;
      item->item_id = sqlite3_last_insert_rowid (db);
    }

  for (guint i = 0; i < imp->cells->len; i++)
    {
      Cell *cell = &g_array_index (imp->cells, Cell, i);
      Person *p = g_ptr_array_index (imp->people, cell->person);
      Item *item = g_ptr_array_index (imp->items, cell->item);
      g_autofree char *observed = NULL;

      if (cell->kind == CELL_SKIP && !cell->remove)
        continue;

      /* A re-import replaces what the last import of this item said. */
      if (g_hash_table_size (imp->existing) > 0)
        {
          sqlite3_bind_int64 (delete_evidence, 1, p->learner_id);
          sqlite3_bind_int64 (delete_evidence, 2, item->item_id);
          if (!step_done (imp->classroom, delete_evidence, error))
            return FALSE;
        }
      if (cell->remove)
        continue;

      /* The file's date for the score, else its item's due date, else the one given. */
      if (cell->observed_on != NULL)
        observed = g_strdup_printf ("%sT00:00:00Z", cell->observed_on);
      else if (item->due_on != NULL)
        observed = g_strdup_printf ("%sT00:00:00Z", item->due_on);
      else if (imp->observed_on != NULL)
        observed = g_strdup_printf ("%sT00:00:00Z", imp->observed_on);
      sqlite3_bind_int64 (insert_evidence, 1, p->learner_id);
      sqlite3_bind_int64 (insert_evidence, 2, item->item_id);
      sqlite3_bind_text (insert_evidence, 3, observed != NULL ? observed : now, -1, SQLITE_STATIC);
      sqlite3_bind_double (insert_evidence, 4, cell->value);
      sqlite3_bind_double (insert_evidence, 5, item->max);
      if (!step_done (imp->classroom, insert_evidence, error))
        return FALSE;
    }

  return TRUE;
}

TrellisImportReport *
trellis_import (TrellisClassroom     *classroom,
                const char           *input,
                TrellisImportFormat   format,
                const char           *class_sourced_id,
                TrellisImportFlags    flags,
                GError              **error)
{
  return trellis_import_full (classroom, input, format, class_sourced_id, flags, NULL, error);
}

TrellisImportReport *
trellis_import_full (TrellisClassroom     *classroom,
                     const char           *input,
                     TrellisImportFormat   format,
                     const char           *class_sourced_id,
                     TrellisImportFlags    flags,
                     const char           *observed_on,
                     GError              **error)
{
  g_autoptr(TrellisImportReport) report = NULL;
  g_autoptr(TrellisCsv) csv = NULL;
  g_autofree char *date = NULL;
  Import imp = { 0 };
  gboolean roster;
  gboolean ok = FALSE;

  g_return_val_if_fail (TRELLIS_IS_CLASSROOM (classroom), NULL);
  g_return_val_if_fail (input != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  report = g_new0 (TrellisImportReport, 1);
  report->dry_run = (flags & TRELLIS_IMPORT_FLAGS_DRY_RUN) != 0;
  report->unmatched = g_ptr_array_new_with_free_func (g_free);
  report->absent = g_ptr_array_new_with_free_func (g_free);
  report->warnings = g_ptr_array_new_with_free_func (g_free);

  if (observed_on != NULL &&
      ((date = parse_iso_date (observed_on)) == NULL || strlen (observed_on) != 10))
    {
      g_set_error (error, TRELLIS_IMPORT_ERROR, TRELLIS_IMPORT_ERROR_INVALID,
                   _("“%s” is not a date (YYYY-MM-DD)"), observed_on);
      return NULL;
    }

  if (!g_file_test (input, G_FILE_TEST_EXISTS))
    {
      g_autofree char *display = g_filename_display_name (input);

      g_set_error (error, TRELLIS_IMPORT_ERROR, TRELLIS_IMPORT_ERROR_IO,
                   _("Could not open “%s”: No such file or directory"), display);
      return NULL;
    }

  roster = g_file_test (input, G_FILE_TEST_IS_DIR) || is_zip (input);
  if (format == TRELLIS_IMPORT_FORMAT_ONEROSTER && !roster)
    {
      g_set_error (error, TRELLIS_IMPORT_ERROR, TRELLIS_IMPORT_ERROR_FORMAT,
                   _("A OneRoster import needs a folder or a zip file"));
      return NULL;
    }
  if (roster && format != TRELLIS_IMPORT_FORMAT_AUTO && format != TRELLIS_IMPORT_FORMAT_ONEROSTER)
    {
      g_set_error (error, TRELLIS_IMPORT_ERROR, TRELLIS_IMPORT_ERROR_FORMAT,
                   _("A folder or zip file can only be a OneRoster package"));
      return NULL;
    }

  if (roster)
    format = TRELLIS_IMPORT_FORMAT_ONEROSTER;
  else
    {
      csv = trellis_csv_parse_file (input, 0, TRELLIS_CSV_FLAGS_NONE, error);
      if (csv == NULL)
        return NULL;
      if (format == TRELLIS_IMPORT_FORMAT_AUTO &&
          (format = detect_csv_format (csv)) == TRELLIS_IMPORT_FORMAT_AUTO)
        {
          g_set_error (error, TRELLIS_IMPORT_ERROR, TRELLIS_IMPORT_ERROR_UNKNOWN_FORMAT,
                       _("%s, line 1: not a Canvas, Moodle or Google Classroom gradebook; choose one with --format"),
                       trellis_csv_get_name (csv));
          return NULL;
        }
    }

  report->format = format;
  imp.classroom = classroom;
  imp.flags = flags;
  imp.report = report;
  imp.source = trellis_import_format_to_string (format);
  imp.observed_on = date;
  imp.people = g_ptr_array_new_with_free_func (person_free);
  imp.items = g_ptr_array_new_with_free_func (item_free);
  imp.cells = g_array_new (FALSE, TRUE, sizeof (Cell));
  g_array_set_clear_func (imp.cells, cell_clear);
  imp.existing = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  switch (format)
    {
    case TRELLIS_IMPORT_FORMAT_CANVAS:
      ok = read_canvas (&imp, csv, error);
      break;
    case TRELLIS_IMPORT_FORMAT_MOODLE:
      ok = read_moodle (&imp, csv, error);
      break;
    case TRELLIS_IMPORT_FORMAT_GOOGLE:
      ok = read_google (&imp, csv, error);
      break;
    case TRELLIS_IMPORT_FORMAT_ONEROSTER:
      ok = read_oneroster (&imp, input, class_sourced_id, error);
      break;
    case TRELLIS_IMPORT_FORMAT_AUTO:
    default:
      g_assert_not_reached ();
    }

  if (ok && imp.people->len == 0)
    {
      g_set_error (error, TRELLIS_IMPORT_ERROR, TRELLIS_IMPORT_ERROR_FORMAT,
                   _("The file has no learners to import"));
      ok = FALSE;
    }

  /* Everything in one transaction; a dry run only reads. */
  if (ok && !report->dry_run)
    {
      ok = trellis_classroom_begin (classroom, error) &&
           plan (&imp, error) &&
           apply (&imp, error);
      if (ok)
        {
          /* Many learners' evidence (and perhaps new learners). */
          _trellis_classroom_note_change (classroom, TRELLIS_DATA_EVIDENCE, 0, 0);
          ok = trellis_classroom_commit (classroom, error);
        }
      else
        trellis_classroom_rollback (classroom);
    }
  else if (ok)
    ok = plan (&imp, error);

  g_ptr_array_unref (imp.people);
  g_ptr_array_unref (imp.items);
  g_array_unref (imp.cells);
  g_hash_table_unref (imp.existing);

  return ok ? g_steal_pointer (&report) : NULL;
}

JsonNode *
trellis_import_report_to_json (TrellisImportReport *report)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  GPtrArray *lists[] = { report->unmatched, report->absent, report->warnings };
  const char *list_names[] = { "unmatched", "absent", "warnings" };

  json_builder_begin_object (builder);
#define INT_MEMBER(name) \
  json_builder_set_member_name (builder, #name); \
  json_builder_add_int_value (builder, report->name);
  json_builder_set_member_name (builder, "format");
  json_builder_add_string_value (builder, trellis_import_format_to_string (report->format));
  json_builder_set_member_name (builder, "dry_run");
  json_builder_add_boolean_value (builder, report->dry_run);
  INT_MEMBER (rows_read)
  INT_MEMBER (learners_in_file)
  INT_MEMBER (learners_matched)
  INT_MEMBER (learners_created)
  INT_MEMBER (learners_unmatched)
  INT_MEMBER (learners_absent)
  INT_MEMBER (items_created)
  INT_MEMBER (items_updated)
  INT_MEMBER (evidence_added)
  INT_MEMBER (evidence_replaced)
  INT_MEMBER (evidence_removed)
  json_builder_set_member_name (builder, "points_total");
  json_builder_add_double_value (builder, round (report->points_total * 1000) / 1000);
  INT_MEMBER (cells_skipped)
#undef INT_MEMBER
  json_builder_set_member_name (builder, "skipped");
  json_builder_begin_object (builder);
  for (guint i = 0; i < TRELLIS_IMPORT_SKIP_N; i++)
    {
      json_builder_set_member_name (builder, skip_names[i]);
      json_builder_add_int_value (builder, report->skipped[i]);
    }
  json_builder_end_object (builder);
  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    {
      json_builder_set_member_name (builder, list_names[l]);
      json_builder_begin_array (builder);
      for (guint i = 0; i < lists[l]->len; i++)
        json_builder_add_string_value (builder, g_ptr_array_index (lists[l], i));
      json_builder_end_array (builder);
    }
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

char *
trellis_import_report_to_text (TrellisImportReport *report)
{
  GString *s = g_string_new (NULL);
  static const char * const skip_labels[] = {
    [TRELLIS_IMPORT_SKIP_EMPTY] = N_("empty"),
    [TRELLIS_IMPORT_SKIP_EXCUSED] = N_("excused"),
    [TRELLIS_IMPORT_SKIP_NOT_ASSIGNED] = N_("not assigned"),
    [TRELLIS_IMPORT_SKIP_MISSING] = N_("missing"),
    [TRELLIS_IMPORT_SKIP_UNGRADED] = N_("submitted, not graded"),
    [TRELLIS_IMPORT_SKIP_NOT_NUMERIC] = N_("not a number"),
    [TRELLIS_IMPORT_SKIP_NEGATIVE] = N_("negative"),
    [TRELLIS_IMPORT_SKIP_NO_POINTS_POSSIBLE] = N_("no points possible"),
    [TRELLIS_IMPORT_SKIP_UNKNOWN_LEARNER] = N_("learner not in the classroom"),
  };

  if (report->dry_run)
    g_string_append_printf (s, "%s\n", _("Dry run: nothing was written."));
  g_string_append_printf (s, _("Format: %s\n"), trellis_import_format_to_string (report->format));
  g_string_append_printf (s, _("Rows read: %u\n"), report->rows_read);
  g_string_append_printf (s, _("Learners in the file: %u (matched %u, created %u, unmatched %u)\n"),
                          report->learners_in_file, report->learners_matched,
                          report->learners_created, report->learners_unmatched);
  g_string_append_printf (s, _("Classroom learners not in the file: %u\n"), report->learners_absent);
  g_string_append_printf (s, _("Gradebook items: %u created, %u updated\n"),
                          report->items_created, report->items_updated);
  g_string_append_printf (s, _("Evidence added: %u (%g points; %u replace an earlier import)\n"),
                          report->evidence_added, round (report->points_total * 1000) / 1000,
                          report->evidence_replaced);
  if (report->evidence_removed > 0)
    g_string_append_printf (s, _("Evidence removed: %u (an earlier import scored them; the file has no score now)\n"),
                            report->evidence_removed);
  g_string_append_printf (s, _("Cells skipped: %u\n"), report->cells_skipped);
  for (guint i = 0; i < TRELLIS_IMPORT_SKIP_N; i++)
    if (report->skipped[i] > 0)
      g_string_append_printf (s, "  %s: %u\n", _(skip_labels[i]), report->skipped[i]);
  if (report->unmatched->len > 0)
    {
      g_string_append_printf (s, "%s\n", _("In the file, not in the classroom (use --create-learners to add them):"));
      for (guint i = 0; i < report->unmatched->len; i++)
        g_string_append_printf (s, "  %s\n", (const char *)g_ptr_array_index (report->unmatched, i));
    }
  if (report->absent->len > 0)
    {
      g_string_append_printf (s, "%s\n", _("In the classroom, not in the file:"));
      for (guint i = 0; i < report->absent->len; i++)
        g_string_append_printf (s, "  %s\n", (const char *)g_ptr_array_index (report->absent, i));
    }
  for (guint i = 0; i < report->warnings->len; i++)
    g_string_append_printf (s, _("Warning: %s\n"), (const char *)g_ptr_array_index (report->warnings, i));

  return g_string_free (s, FALSE);
}

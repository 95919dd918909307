/* trellis-csv.c
 *
 * Copyright 2026 The Trellis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <csv.h>
#include <glib/gi18n-lib.h>
#include <string.h>

#include "trellis-csv.h"

/*
 * A CSV file read whole into rows of fields, on top of libcsv (strict
 * mode: a stray or unbalanced quote is an error, not a silent merge).
 * Fields live in one string chunk, rows are offsets into one array of field
 * pointers, so a 600 × 80 gradebook costs a few allocations.
 *
 * libcsv does not count lines, so the callbacks do: with CSV_REPALL_NL every
 * unquoted CR and LF is reported (a CRLF as two), and line breaks inside
 * quoted fields are counted in the field's text.
 */

G_DEFINE_QUARK (trellis-csv-error-quark, trellis_csv_error)

typedef struct
{
  guint line;
  guint first;     /* index in fields */
  guint n_fields;
} Row;

struct _TrellisCsv
{
  char         *name;
  char          separator;
  GStringChunk *chunk;
  GPtrArray    *fields;   /* (element-type utf8), in chunk */
  GArray       *rows;     /* (element-type Row) */
};

typedef struct
{
  TrellisCsv *csv;
  guint       line;       /* the line the parser is on */
  Row         row;        /* the row being read */
  gboolean    after_cr;   /* the last thing seen was an unquoted CR */
  gboolean    all_blank;  /* the row so far has only blank fields */
} Reader;

static guint
count_line_breaks (const char *text,
                   gsize       len)
{
  guint n = 0;

  for (gsize i = 0; i < len; i++)
    if (text[i] == '\n' || (text[i] == '\r' && (i + 1 == len || text[i + 1] != '\n')))
      n++;

  return n;
}

static gboolean
is_blank (const char *text,
          gsize       len)
{
  for (gsize i = 0; i < len; i++)
    if (text[i] != ' ' && text[i] != '\t')
      return FALSE;
  return TRUE;
}

static void
on_field_cb (void   *data,
             size_t  len,
             void   *user_data)
{
  Reader *r = user_data;
  const char *text = data != NULL ? data : "";

  if (r->row.n_fields == 0)
    {
      r->row.line = r->line;
      r->row.first = r->csv->fields->len;
      r->all_blank = TRUE;
    }

  g_ptr_array_add (r->csv->fields, g_string_chunk_insert_len (r->csv->chunk, text, (gssize)len));
  r->row.n_fields++;
  r->all_blank = r->all_blank && is_blank (text, len);
  r->line += count_line_breaks (text, len);
  r->after_cr = FALSE;
}

static void
on_row_cb (int   c,
           void *user_data)
{
  Reader *r = user_data;

  if (r->row.n_fields > 0)
    {
      /* Blank lines and lines of separators only are dropped. */
      if (r->all_blank)
        g_ptr_array_set_size (r->csv->fields, r->row.first);
      else
        g_array_append_val (r->csv->rows, r->row);
      r->row.n_fields = 0;
    }
  else if (c == '\n' && r->after_cr)
    {
      /* The LF of a CRLF. */
      r->after_cr = FALSE;
      return;
    }

  if (c == '\n' || c == '\r')
    r->line++;
  r->after_cr = c == '\r';
}

static int
never_space (unsigned char c)
{
  return 0;
}

static guint
line_at (const char *data,
         gsize       offset)
{
  return 1 + count_line_breaks (data, offset);
}

/* The separator that splits the header line into the most fields. */
static char
detect_separator (const char *data,
                  gsize       len)
{
  static const char candidates[] = { ',', ';', '\t' };
  guint counts[G_N_ELEMENTS (candidates)] = { 0 };
  gboolean quoted = FALSE;
  char best = ',';
  guint best_count = 0;

  for (gsize i = 0; i < len; i++)
    {
      char c = data[i];

      if (c == '"')
        quoted = !quoted;
      else if (!quoted && (c == '\n' || c == '\r'))
        break;
      else if (!quoted)
        for (guint k = 0; k < G_N_ELEMENTS (candidates); k++)
          if (c == candidates[k])
            counts[k]++;
    }

  for (guint k = 0; k < G_N_ELEMENTS (candidates); k++)
    if (counts[k] > best_count)
      {
        best = candidates[k];
        best_count = counts[k];
      }

  return best;
}

void
trellis_csv_free (TrellisCsv *csv)
{
  if (csv == NULL)
    return;

  g_free (csv->name);
  g_string_chunk_free (csv->chunk);
  g_ptr_array_unref (csv->fields);
  g_array_unref (csv->rows);
  g_free (csv);
}

TrellisCsv *
trellis_csv_parse (const char       *data,
                   gsize             length,
                   char              separator,
                   TrellisCsvFlags   flags,
                   const char       *name,
                   GError          **error)
{
  g_autoptr(TrellisCsv) csv = NULL;
  g_autofree char *converted = NULL;
  struct csv_parser parser;
  Reader reader = { 0 };
  const char *bad;
  gsize done;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  if (length > TRELLIS_CSV_MAX_SIZE)
    {
      g_set_error (error, TRELLIS_CSV_ERROR, TRELLIS_CSV_ERROR_TOO_BIG,
                   _("%s is too large to import (more than %d MB)"), name,
                   TRELLIS_CSV_MAX_SIZE / (1024 * 1024));
      return NULL;
    }

  /* Byte order marks: UTF-8 is skipped, UTF-16 (Excel "Unicode Text") converted. */
  if (length >= 2 && (((guchar)data[0] == 0xFF && (guchar)data[1] == 0xFE) ||
                      ((guchar)data[0] == 0xFE && (guchar)data[1] == 0xFF)))
    {
      gsize written = 0;
      g_autoptr(GError) local_error = NULL;

      converted = g_convert (data + 2, (gssize)length - 2, "UTF-8",
                             (guchar)data[0] == 0xFF ? "UTF-16LE" : "UTF-16BE",
                             NULL, &written, &local_error);
      if (converted == NULL)
        {
          g_set_error (error, TRELLIS_CSV_ERROR, TRELLIS_CSV_ERROR_ENCODING,
                       _("%s is not valid UTF-16 text: %s"), name, local_error->message);
          return NULL;
        }
      data = converted;
      length = written;
    }
  else if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      data += 3;
      length -= 3;
    }

  {
    gboolean only_space = TRUE;

    for (gsize i = 0; i < length && only_space; i++)
      only_space = g_ascii_isspace (data[i]);
    if (only_space)
      {
        g_set_error (error, TRELLIS_CSV_ERROR, TRELLIS_CSV_ERROR_EMPTY,
                     _("%s is empty"), name);
        return NULL;
      }
  }

  bad = memchr (data, '\0', length);
  if (bad != NULL)
    {
      g_set_error (error, TRELLIS_CSV_ERROR, TRELLIS_CSV_ERROR_BINARY,
                   _("%s, line %u: binary data, not a CSV text file"), name,
                   line_at (data, (gsize)(bad - data)));
      return NULL;
    }

  if (!g_utf8_validate_len (data, length, &bad))
    {
      g_set_error (error, TRELLIS_CSV_ERROR, TRELLIS_CSV_ERROR_ENCODING,
                   _("%s, line %u: the text is not UTF-8 (save the file as “CSV UTF-8”)"), name,
                   line_at (data, (gsize)(bad - data)));
      return NULL;
    }

  if (separator == 0)
    separator = detect_separator (data, length);

  csv = g_new0 (TrellisCsv, 1);
  csv->name = g_strdup (name);
  csv->separator = separator;
  csv->chunk = g_string_chunk_new (MAX (4096, MIN (length + 64, 1024 * 1024)));
  csv->fields = g_ptr_array_sized_new (1024);
  csv->rows = g_array_sized_new (FALSE, FALSE, sizeof (Row), 128);

  if (csv_init (&parser, CSV_STRICT | CSV_STRICT_FINI | CSV_REPALL_NL | CSV_APPEND_NULL) != 0)
    {
      g_set_error (error, TRELLIS_CSV_ERROR, TRELLIS_CSV_ERROR_TOO_BIG,
                   _("Out of memory reading %s"), name);
      return NULL;
    }
  csv_set_delim (&parser, (unsigned char)separator);
  csv_set_space_func (&parser, never_space);

  reader.csv = csv;
  reader.line = 1;

  done = csv_parse (&parser, data, length, on_field_cb, on_row_cb, &reader);
  if (done != length || csv_fini (&parser, on_field_cb, on_row_cb, &reader) != 0)
    {
      int status = csv_error (&parser);

      if (status == CSV_EPARSE && done != length)
        g_set_error (error, TRELLIS_CSV_ERROR, TRELLIS_CSV_ERROR_QUOTE,
                     _("%s, line %u: a misplaced quote (\") in a field"), name,
                     line_at (data, done));
      else if (status == CSV_EPARSE)
        g_set_error (error, TRELLIS_CSV_ERROR, TRELLIS_CSV_ERROR_QUOTE,
                     _("%s, line %u: a quote (\") opened here is never closed"), name,
                     reader.row.n_fields > 0 ? reader.row.line : reader.line);
      else
        g_set_error (error, TRELLIS_CSV_ERROR, TRELLIS_CSV_ERROR_TOO_BIG,
                     _("%s, line %u: %s"), name, line_at (data, done), csv_strerror (status));
      csv_free (&parser);
      return NULL;
    }
  csv_free (&parser);

  if (csv->rows->len == 0)
    {
      g_set_error (error, TRELLIS_CSV_ERROR, TRELLIS_CSV_ERROR_EMPTY,
                   _("%s is empty"), name);
      return NULL;
    }

  if (csv->rows->len == 1 && !(flags & TRELLIS_CSV_FLAGS_ALLOW_NO_ROWS))
    {
      g_set_error (error, TRELLIS_CSV_ERROR, TRELLIS_CSV_ERROR_HEADER_ONLY,
                   _("%s, line %u: there is a header but no rows after it"), name,
                   g_array_index (csv->rows, Row, 0).line);
      return NULL;
    }

  /* Every row as long as the header: a short row is a truncated file. */
  {
    guint width = g_array_index (csv->rows, Row, 0).n_fields;

    for (guint i = 1; i < csv->rows->len; i++)
      {
        Row *row = &g_array_index (csv->rows, Row, i);

        if (row->n_fields < width)
          {
            g_set_error (error, TRELLIS_CSV_ERROR, TRELLIS_CSV_ERROR_SHORT_ROW,
                         _("%s, line %u: %u fields where the header has %u (a truncated or broken row)"),
                         name, row->line, row->n_fields, width);
            return NULL;
          }

        for (guint f = width; f < row->n_fields; f++)
          if (!is_blank (g_ptr_array_index (csv->fields, row->first + f),
                         strlen (g_ptr_array_index (csv->fields, row->first + f))))
            {
              g_set_error (error, TRELLIS_CSV_ERROR, TRELLIS_CSV_ERROR_SHORT_ROW,
                           _("%s, line %u: %u fields where the header has %u"),
                           name, row->line, row->n_fields, width);
              return NULL;
            }
      }
  }

  return g_steal_pointer (&csv);
}

TrellisCsv *
trellis_csv_parse_file (const char       *path,
                        char              separator,
                        TrellisCsvFlags   flags,
                        GError          **error)
{
  g_autoptr(GMappedFile) file = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  name = g_filename_display_basename (path);
  file = g_mapped_file_new (path, FALSE, &local_error);
  if (file == NULL)
    {
      g_set_error (error, TRELLIS_CSV_ERROR, TRELLIS_CSV_ERROR_IO,
                   "%s", local_error->message);
      return NULL;
    }

  return trellis_csv_parse (g_mapped_file_get_contents (file) != NULL ? g_mapped_file_get_contents (file) : "",
                            g_mapped_file_get_length (file), separator, flags, name, error);
}

char
trellis_csv_get_separator (TrellisCsv *csv)
{
  return csv->separator;
}

const char *
trellis_csv_get_name (TrellisCsv *csv)
{
  return csv->name;
}

guint
trellis_csv_get_n_rows (TrellisCsv *csv)
{
  return csv->rows->len;
}

guint
trellis_csv_get_n_fields (TrellisCsv *csv,
                          guint       row)
{
  g_return_val_if_fail (row < csv->rows->len, 0);

  return g_array_index (csv->rows, Row, row).n_fields;
}

const char *
trellis_csv_get_field (TrellisCsv *csv,
                       guint       row,
                       guint       field)
{
  Row *r;

  g_return_val_if_fail (row < csv->rows->len, "");

  r = &g_array_index (csv->rows, Row, row);
  if (field >= r->n_fields)
    return "";
  return g_ptr_array_index (csv->fields, r->first + field);
}

guint
trellis_csv_get_line (TrellisCsv *csv,
                      guint       row)
{
  g_return_val_if_fail (row < csv->rows->len, 0);

  return g_array_index (csv->rows, Row, row).line;
}

int
trellis_csv_find_column (TrellisCsv *csv,
                         guint       row,
                         const char *name)
{
  guint n = trellis_csv_get_n_fields (csv, row);

  for (guint i = 0; i < n; i++)
    if (g_str_equal (trellis_csv_get_field (csv, row, i), name))
      return (int)i;

  return -1;
}

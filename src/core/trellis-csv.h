/* trellis-csv.h
 *
 * Copyright 2026 The Trellis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define TRELLIS_CSV_ERROR (trellis_csv_error_quark ())

typedef enum
{
  TRELLIS_CSV_ERROR_EMPTY,
  TRELLIS_CSV_ERROR_BINARY,
  TRELLIS_CSV_ERROR_ENCODING,
  TRELLIS_CSV_ERROR_QUOTE,
  TRELLIS_CSV_ERROR_HEADER_ONLY,
  TRELLIS_CSV_ERROR_SHORT_ROW,
  TRELLIS_CSV_ERROR_TOO_BIG,
  TRELLIS_CSV_ERROR_IO,
} TrellisCsvError;

/* The largest file the reader accepts. */
#define TRELLIS_CSV_MAX_SIZE (64 * 1024 * 1024)

typedef enum
{
  TRELLIS_CSV_FLAGS_NONE         = 0,
  /* A header without rows is not an error (OneRoster tables). */
  TRELLIS_CSV_FLAGS_ALLOW_NO_ROWS = 1 << 0,
} TrellisCsvFlags;

typedef struct _TrellisCsv TrellisCsv;

GQuark      trellis_csv_error_quark    (void);

/*
 * Parses a whole CSV file (RFC 4180 through libcsv): UTF-8 with or without
 * a BOM (UTF-16 with a BOM is converted), LF or CRLF, quoted fields with
 * separators, quotes and line breaks.  @separator is ',', ';', '\t' or 0
 * to detect it from the first lines.  Blank lines and lines of separators
 * only are dropped.  Errors name the line: an unbalanced quote, binary
 * data, invalid UTF-8, an empty file, a header without rows, a row shorter
 * than the header.  @name is used in messages.
 */
TrellisCsv *trellis_csv_parse          (const char  *data,
                                        gsize        length,
                                        char         separator,
                                        TrellisCsvFlags flags,
                                        const char  *name,
                                        GError     **error);
TrellisCsv *trellis_csv_parse_file     (const char  *path,
                                        char         separator,
                                        TrellisCsvFlags flags,
                                        GError     **error);
void        trellis_csv_free           (TrellisCsv  *csv);

char        trellis_csv_get_separator  (TrellisCsv  *csv);
const char *trellis_csv_get_name       (TrellisCsv  *csv);
guint       trellis_csv_get_n_rows     (TrellisCsv  *csv);
guint       trellis_csv_get_n_fields   (TrellisCsv  *csv,
                                        guint        row);
/* "" for a field past the end of the row. */
const char *trellis_csv_get_field      (TrellisCsv  *csv,
                                        guint        row,
                                        guint        field);
/* The line of the file where @row starts (1-based). */
guint       trellis_csv_get_line       (TrellisCsv  *csv,
                                        guint        row);
/* The first field of @row exactly equal to @name, or -1. */
int         trellis_csv_find_column    (TrellisCsv  *csv,
                                        guint        row,
                                        const char  *name);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TrellisCsv, trellis_csv_free)

G_END_DECLS

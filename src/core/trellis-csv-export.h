/* trellis-csv-export.h
 *
 * Copyright 2026 The Trellis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "trellis-classroom.h"

G_BEGIN_DECLS

typedef enum
{
  TRELLIS_CSV_REPORT_PROGRESS,
  TRELLIS_CSV_REPORT_MASTERY,
} TrellisCsvReport;

typedef enum
{
  TRELLIS_CSV_EXPORT_FLAGS_NONE        = 0,
  /* Names replaced by stable codes kept in learners.pseudonym. */
  TRELLIS_CSV_EXPORT_FLAGS_PSEUDONYMIZE = 1 << 0,
} TrellisCsvExportFlags;

/* A text cell made safe for spreadsheets (OWASP CSV injection): a leading
 * ' before = + - @ tab CR LF, except on a plain negative decimal ("-3"). */
char     *trellis_csv_export_neutralize (const char            *text);

/*
 * Writes a report as CSV (UTF-8, CRLF, RFC 4180 quoting).  Text cells that
 * a spreadsheet would run as a formula get a leading single quote; numbers
 * Trellis computed are written as numbers.  Written beside @output_path and
 * renamed, so a failure leaves no partial file.  Pseudonymizing assigns
 * codes to learners that have none, so it needs a writable classroom.
 */
gboolean  trellis_csv_export            (TrellisClassroom      *classroom,
                                         TrellisCsvReport       report,
                                         const char            *output_path,
                                         TrellisCsvExportFlags  flags,
                                         GError               **error);

G_END_DECLS

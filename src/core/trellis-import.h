/* trellis-import.h
 *
 * Copyright 2026 The Trellis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "trellis-classroom.h"

G_BEGIN_DECLS

#define TRELLIS_IMPORT_ERROR (trellis_import_error_quark ())

typedef enum
{
  TRELLIS_IMPORT_ERROR_FORMAT,
  TRELLIS_IMPORT_ERROR_UNKNOWN_FORMAT,
  TRELLIS_IMPORT_ERROR_CLASS,
  TRELLIS_IMPORT_ERROR_IO,
  TRELLIS_IMPORT_ERROR_INVALID,   /* a bad argument, such as a date */
} TrellisImportError;

typedef enum
{
  TRELLIS_IMPORT_FORMAT_AUTO,
  TRELLIS_IMPORT_FORMAT_CANVAS,
  TRELLIS_IMPORT_FORMAT_MOODLE,
  TRELLIS_IMPORT_FORMAT_GOOGLE,
  TRELLIS_IMPORT_FORMAT_ONEROSTER,
} TrellisImportFormat;

typedef enum
{
  TRELLIS_IMPORT_FLAGS_NONE            = 0,
  /* Add the learners the classroom lacks (otherwise only reported). */
  TRELLIS_IMPORT_FLAGS_CREATE_LEARNERS = 1 << 0,
  /* Compute the report, write nothing. */
  TRELLIS_IMPORT_FLAGS_DRY_RUN         = 1 << 1,
} TrellisImportFlags;

/* Why a cell gave no evidence. */
typedef enum
{
  TRELLIS_IMPORT_SKIP_EMPTY,             /* blank, or Moodle's "-" */
  TRELLIS_IMPORT_SKIP_EXCUSED,           /* EX, OneRoster exempt */
  TRELLIS_IMPORT_SKIP_NOT_ASSIGNED,      /* N/A */
  TRELLIS_IMPORT_SKIP_MISSING,           /* OneRoster not submitted */
  TRELLIS_IMPORT_SKIP_UNGRADED,          /* OneRoster submitted */
  TRELLIS_IMPORT_SKIP_NOT_NUMERIC,       /* letters, scale words, junk */
  TRELLIS_IMPORT_SKIP_NEGATIVE,
  TRELLIS_IMPORT_SKIP_NO_POINTS_POSSIBLE, /* a percentage without a maximum */
  TRELLIS_IMPORT_SKIP_UNKNOWN_LEARNER,   /* the learner is not in the classroom */
  TRELLIS_IMPORT_SKIP_N
} TrellisImportSkip;

typedef struct
{
  TrellisImportFormat  format;
  gboolean             dry_run;
  guint                rows_read;          /* learner rows (results for OneRoster) */
  guint                learners_in_file;
  guint                learners_matched;
  guint                learners_created;
  guint                learners_unmatched;
  guint                learners_absent;    /* in the classroom, not in the file */
  guint                items_created;
  guint                items_updated;
  guint                evidence_added;
  guint                evidence_replaced;  /* of those, replacing an earlier import */
  guint                evidence_removed;   /* earlier imported scores the file no longer has */
  guint                evidence_undated;   /* of those added, scores the file gives no date for */
  double               points_total;
  guint                cells_skipped;
  guint                skipped[TRELLIS_IMPORT_SKIP_N];
  GPtrArray           *unmatched;          /* (element-type utf8) */
  GPtrArray           *absent;             /* (element-type utf8) */
  GPtrArray           *warnings;           /* (element-type utf8) */
} TrellisImportReport;

GQuark               trellis_import_error_quark       (void);

const char          *trellis_import_format_to_string  (TrellisImportFormat  format);
gboolean             trellis_import_format_from_string (const char          *text,
                                                        TrellisImportFormat *format);
const char          *trellis_import_skip_to_string    (TrellisImportSkip    skip);

/*
 * Imports a gradebook or roster export (a CSV file; for OneRoster a folder
 * or a zip) into @classroom in one transaction: learners are matched by
 * SIS id, then login, then e-mail (never by name), assignment columns
 * become gradebook items and their scores evidence of kind points.
 * @class_sourced_id picks the OneRoster class (NULL: the only one).
 */
TrellisImportReport *trellis_import                   (TrellisClassroom     *classroom,
                                                       const char           *input,
                                                       TrellisImportFormat   format,
                                                       const char           *class_sourced_id,
                                                       TrellisImportFlags    flags,
                                                       GError              **error);

/*
 * trellis_import(), giving the scores the file has no date for (neither
 * its own, like a OneRoster scoreDate, nor its assignment's due date, like
 * a OneRoster dueDate or Google Classroom's Date row) the date
 * @observed_on (YYYY-MM-DD) instead of now; NULL: now.
 */
TrellisImportReport *trellis_import_full              (TrellisClassroom     *classroom,
                                                       const char           *input,
                                                       TrellisImportFormat   format,
                                                       const char           *class_sourced_id,
                                                       TrellisImportFlags    flags,
                                                       const char           *observed_on,
                                                       GError              **error);

void                 trellis_import_report_free       (TrellisImportReport  *report);

/* A class of a OneRoster package, for picking one to import. */
typedef struct
{
  char  *sourced_id;
  char  *title;        /* from classes.csv, or NULL */
  guint  n_students;   /* enrolled students that users.csv knows */
} TrellisImportClass;

GPtrArray           *trellis_import_list_classes      (const char           *input,
                                                       GError              **error);
void                 trellis_import_class_free        (TrellisImportClass   *klass);
JsonNode            *trellis_import_report_to_json    (TrellisImportReport  *report);
char                *trellis_import_report_to_text    (TrellisImportReport  *report);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TrellisImportReport, trellis_import_report_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TrellisImportClass, trellis_import_class_free)

G_END_DECLS

/* trellis-test-utils.h
 *
 * Copyright 2026 The Trellis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "trellis-classroom.h"

G_BEGIN_DECLS

/* Temporary directories */

char       *trellis_test_make_tmp_dir          (const char         *tmpl);
void        trellis_test_remove_tree           (const char         *dir);
void        trellis_test_iterate_pending       (void);

/* A test fixture: a fresh temporary directory for a classroom file. */

typedef struct
{
  char             *dir;
  char             *path;
  TrellisClassroom *classroom;
} TrellisTestFixture;

void        trellis_test_fixture_set_up        (TrellisTestFixture *fixture,
                                                gconstpointer       data);
void        trellis_test_fixture_set_up_sample (TrellisTestFixture *fixture,
                                                gconstpointer       data);
void        trellis_test_fixture_tear_down     (TrellisTestFixture *fixture,
                                                gconstpointer       data);
char       *trellis_test_fixture_file          (TrellisTestFixture *fixture,
                                                const char         *name);

/* Files */

GBytes     *trellis_test_read_bytes            (const char         *path);
void        trellis_test_write_bytes           (const char         *path,
                                                const void         *data,
                                                gssize              length);
void        trellis_test_assert_bytes_equal    (GBytes             *expected,
                                                GBytes             *actual);

/* Classroom queries: the first column of the first row of @sql. */

gint64      trellis_test_query_int             (TrellisClassroom   *classroom,
                                                const char         *sql);
double      trellis_test_query_double          (TrellisClassroom   *classroom,
                                                const char         *sql);
char       *trellis_test_query_text            (TrellisClassroom   *classroom,
                                                const char         *sql);

/* Fixed clocks for trellis_classroom_set_clock() and friends. */

GDateTime  *trellis_test_clock_iso8601         (gpointer            user_data);
GDateTime  *trellis_test_clock_date_time       (gpointer            user_data);

/* Running programs and $TRELLIS_CLI */

typedef struct
{
  int   status;
  char *out;
  char *err;
} TrellisTestResult;

void        trellis_test_result_clear          (TrellisTestResult  *result);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (TrellisTestResult, trellis_test_result_clear)

int         trellis_test_spawn                 (const char         *working_directory,
                                                const char * const *argv,
                                                char              **out,
                                                char              **err);
const char *trellis_test_get_cli               (void);
int         trellis_test_run_cli_argv          (const char         *working_directory,
                                                const char * const *args,
                                                char              **out,
                                                char              **err);
int         trellis_test_run_cli               (const char         *working_directory,
                                                char              **out,
                                                char              **err,
                                                const char         *first,
                                                ...) G_GNUC_NULL_TERMINATED;
void        trellis_test_result_run_cli        (TrellisTestResult  *result,
                                                const char         *working_directory,
                                                const char         *first,
                                                ...) G_GNUC_NULL_TERMINATED;
void        trellis_test_assert_one_line       (const char         *err);
void        trellis_test_assert_cli_error      (int                 status,
                                                const char         *out,
                                                const char         *err,
                                                const char         *needle);

/* PDF files (poppler-utils) */

typedef enum
{
  TRELLIS_TEST_PDF_LAYOUT = 1 << 0,  /* pdftotext -layout: keep the page's columns */
} TrellisTestPdfFlags;

char       *trellis_test_pdf_text              (const char         *path,
                                                guint               n_pages,
                                                const char         *page_size,
                                                TrellisTestPdfFlags flags);

/* Exchange samples */

char       *trellis_test_make_oneroster_classes (const char        *dir);

G_END_DECLS

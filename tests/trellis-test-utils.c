/* trellis-test-utils.c
 *
 * Copyright 2026 The Trellis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/wait.h>

#include "trellis-sample.h"
#include "trellis-test-utils.h"

/*
 * Helpers shared by the test programs. They assert rather than report
 * errors: a failing helper fails the test that called it.
 */

/* A new directory from the g_dir_make_tmp() template @tmpl; free it with g_free(). */
char *
trellis_test_make_tmp_dir (const char *tmpl)
{
  g_autoptr(GError) error = NULL;
  char *dir;

  dir = g_dir_make_tmp (tmpl, &error);
  g_assert_no_error (error);
  g_assert_nonnull (dir);
  return dir;
}

/* Removes @dir and everything in it, as far as it can; a missing @dir is fine. */
void
trellis_test_remove_tree (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *child = g_build_filename (dir, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        trellis_test_remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (dir);
}

/*
 * The fixture's set-up for g_test_add(): @dir is a fresh temporary
 * directory named after the test program, @path is "class.trellis" in it (not created) and @classroom
 * is NULL, for the test to make.
 */
void
trellis_test_fixture_set_up (TrellisTestFixture *fixture,
                             gconstpointer       data)
{
  g_autofree char *program = g_path_get_basename (g_get_prgname ());
  g_autofree char *tmpl = g_strdup_printf ("trellis-%s-XXXXXX", program);

  fixture->dir = trellis_test_make_tmp_dir (tmpl);
  fixture->path = g_build_filename (fixture->dir, "class.trellis", NULL);
  fixture->classroom = NULL;
}

/* trellis_test_fixture_set_up() with @classroom the sample classroom (no extra learners). */
void
trellis_test_fixture_set_up_sample (TrellisTestFixture *fixture,
                                    gconstpointer       data)
{
  g_autoptr(GError) error = NULL;

  trellis_test_fixture_set_up (fixture, data);
  fixture->classroom = trellis_sample_create (fixture->path, 0, &error);
  g_assert_no_error (error);
}

/* The fixture's tear-down: closes @classroom if open and removes @dir. */
void
trellis_test_fixture_tear_down (TrellisTestFixture *fixture,
                                gconstpointer       data)
{
  g_clear_object (&fixture->classroom);
  trellis_test_remove_tree (fixture->dir);
  g_clear_pointer (&fixture->dir, g_free);
  g_clear_pointer (&fixture->path, g_free);
}

/* The path of @name in the fixture's directory; free it with g_free(). */
char *
trellis_test_fixture_file (TrellisTestFixture *fixture,
                           const char         *name)
{
  return g_build_filename (fixture->dir, name, NULL);
}

GBytes *
trellis_test_read_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

/* Writes @length bytes of @data (-1: a NUL-terminated string) to @path. */
void
trellis_test_write_bytes (const char *path,
                          const void *data,
                          gssize      length)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, data, length, &error);
  g_assert_no_error (error);
}

/* Byte identity. */
void
trellis_test_assert_bytes_equal (GBytes *expected,
                                 GBytes *actual)
{
  gsize expected_len, actual_len;
  const guint8 *expected_data = g_bytes_get_data (expected, &expected_len);
  const guint8 *actual_data = g_bytes_get_data (actual, &actual_len);

  g_assert_cmpmem (expected_data, expected_len, actual_data, actual_len);
}

/*
 * Prepares @sql and steps it to its first row. A statement with
 * parameters gets the classroom's today (YYYY-MM-DD) as ?1.
 */
static sqlite3_stmt *
prepare_row (TrellisClassroom *classroom,
             const char       *sql)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt;

  stmt = trellis_classroom_prepare (classroom, sql, &error);
  g_assert_no_error (error);
  g_assert_nonnull (stmt);
  if (sqlite3_bind_parameter_count (stmt) >= 1)
    {
      g_autofree char *today = trellis_classroom_today (classroom);

      sqlite3_bind_text (stmt, 1, today, -1, SQLITE_TRANSIENT);
    }
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return stmt;
}

gint64
trellis_test_query_int (TrellisClassroom *classroom,
                        const char       *sql)
{
  g_autoptr(sqlite3_stmt) stmt = prepare_row (classroom, sql);

  return sqlite3_column_int64 (stmt, 0);
}

double
trellis_test_query_double (TrellisClassroom *classroom,
                           const char       *sql)
{
  g_autoptr(sqlite3_stmt) stmt = prepare_row (classroom, sql);

  return sqlite3_column_double (stmt, 0);
}

/* The text (NULL for SQL NULL); free it with g_free(). */
char *
trellis_test_query_text (TrellisClassroom *classroom,
                         const char       *sql)
{
  g_autoptr(sqlite3_stmt) stmt = prepare_row (classroom, sql);

  return g_strdup ((const char *)sqlite3_column_text (stmt, 0));
}

/* A clock stopped at @user_data, an ISO 8601 string such as "2026-09-14T08:30:00Z". */
GDateTime *
trellis_test_clock_iso8601 (gpointer user_data)
{
  GDateTime *now = g_date_time_new_from_iso8601 (user_data, NULL);

  g_assert_nonnull (now);
  return now;
}

/* A clock stopped at @user_data, a GDateTime. */
GDateTime *
trellis_test_clock_date_time (gpointer user_data)
{
  return g_date_time_ref (user_data);
}

void
trellis_test_result_clear (TrellisTestResult *result)
{
  g_clear_pointer (&result->out, g_free);
  g_clear_pointer (&result->err, g_free);
}

/*
 * Runs @argv (a bare program name is looked up in PATH) in
 * @working_directory (NULL: the test's own), collecting its standard
 * output and error into @out and @err where not NULL (NULL: inherited).
 * The program must exit normally; returns its exit status.
 */
int
trellis_test_spawn (const char         *working_directory,
                    const char * const *argv,
                    char              **out,
                    char              **err)
{
  g_autoptr(GError) error = NULL;
  int wait_status = 0;

  g_spawn_sync (working_directory, (char **)argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                out, err, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  return WEXITSTATUS (wait_status);
}

/*
 * Checks that @path is a PDF of @n_pages pages (0: any number) whose page
 * size pdfinfo gives as @page_size ("612 x 792", NULL: any), and returns
 * its text (pdftotext) with each run of white space made one space.
 */
char *
trellis_test_pdf_text (const char          *path,
                       guint                n_pages,
                       const char          *page_size,
                       TrellisTestPdfFlags  flags)
{
  const char *info_argv[] = { "pdfinfo", path, NULL };
  const char *text_argv[] = { "pdftotext", path, "-", NULL };
  const char *layout_argv[] = { "pdftotext", "-layout", path, "-", NULL };
  g_autofree char *contents = NULL;
  g_autofree char *info = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) words = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_true (length > 5 && memcmp (contents, "%PDF-", 5) == 0);

  g_assert_cmpint (trellis_test_spawn (NULL, info_argv, &info, NULL), ==, 0);
  if (n_pages > 0)
    {
      g_autofree char *pattern = g_strdup_printf ("^Pages:\\s+%u$", n_pages);

      if (!g_regex_match_simple (pattern, info, G_REGEX_MULTILINE, 0))
        g_error ("Expected %u pages:\n%s", n_pages, info);
    }
  if (page_size != NULL)
    {
      g_autofree char *pattern = g_strdup_printf ("^Page size:\\s+%s", page_size);

      if (!g_regex_match_simple (pattern, info, G_REGEX_MULTILINE, 0))
        g_error ("Expected page size %s:\n%s", page_size, info);
    }

  g_assert_cmpint (trellis_test_spawn (NULL, (flags & TRELLIS_TEST_PDF_LAYOUT) ? layout_argv : text_argv,
                                       &text, NULL), ==, 0);
  words = g_regex_split_simple ("\\s+", text, 0, 0);
  return g_strjoinv (" ", words);
}

/* The trellis-cli binary under test, $TRELLIS_CLI. */
const char *
trellis_test_get_cli (void)
{
  const char *cli = g_getenv ("TRELLIS_CLI");

  g_assert_nonnull (cli);
  return cli;
}

/* trellis_test_spawn() of trellis-cli with the NULL-terminated @args. */
int
trellis_test_run_cli_argv (const char         *working_directory,
                           const char * const *args,
                           char              **out,
                           char              **err)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();

  g_ptr_array_add (argv, (gpointer)trellis_test_get_cli ());
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer)args[i]);
  g_ptr_array_add (argv, NULL);

  return trellis_test_spawn (working_directory, (const char * const *)argv->pdata, out, err);
}

static int
run_cli_valist (const char  *working_directory,
                char       **out,
                char       **err,
                const char  *first,
                va_list      args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();

  for (const char *arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer)arg);
  g_ptr_array_add (argv, NULL);

  return trellis_test_run_cli_argv (working_directory, (const char * const *)argv->pdata, out, err);
}

/* trellis_test_run_cli_argv() with the arguments as a NULL-terminated list. */
int
trellis_test_run_cli (const char  *working_directory,
                      char       **out,
                      char       **err,
                      const char  *first,
                      ...)
{
  va_list args;
  int status;

  va_start (args, first);
  status = run_cli_valist (working_directory, out, err, first, args);
  va_end (args);
  return status;
}

/* trellis_test_run_cli() into @result, whose old contents are cleared. */
void
trellis_test_result_run_cli (TrellisTestResult *result,
                             const char        *working_directory,
                             const char        *first,
                             ...)
{
  va_list args;

  trellis_test_result_clear (result);
  va_start (args, first);
  result->status = run_cli_valist (working_directory, &result->out, &result->err, first, args);
  va_end (args);
}

/* @err is one "trellis-cli: …" line: its only line break ends it. */
void
trellis_test_assert_one_line (const char *err)
{
  const char *newline;

  g_assert_nonnull (err);
  g_assert_true (g_str_has_prefix (err, "trellis-cli: "));
  newline = strchr (err, '\n');
  g_assert_nonnull (newline);
  g_assert_cmpstr (newline + 1, ==, "");
}

/*
 * trellis-cli failed the way it should: a non-zero status, nothing on
 * standard output and a one-line error, mentioning @needle if not NULL.
 */
void
trellis_test_assert_cli_error (int         status,
                               const char *out,
                               const char *err,
                               const char *needle)
{
  g_assert_cmpint (status, !=, 0);
  g_assert_cmpstr (out, ==, "");
  trellis_test_assert_one_line (err);
  if (needle != NULL)
    g_assert_nonnull (strstr (err, needle));
}

/* Runs what the default main context has ready, without blocking. */
void
trellis_test_iterate_pending (void)
{
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

/*
 * A copy of the OneRoster sample package in @dir/oneroster with two more
 * classes: cls-ss6-p5 ("Social Studies 6 - Period 5") enrolls two known
 * students (one of them twice) besides a teacher, a deleted enrollment and
 * a user users.csv lacks; cls-ss6-x enrolls one student and has no row in
 * classes.csv; cls-club enrolls only a teacher.  Returns the folder.
 */
char *
trellis_test_make_oneroster_classes (const char *dir)
{
  static const char extra_classes[] =
    "cls-ss6-p5,,,Social Studies 6 - Period 5,06,crs-ss6,SS6-P5,scheduled,Room 114,org-rms,as-2025-s2,Social Studies,,5\n"
    "cls-club,,,Debate club,06,crs-ss6,CLUB,homeroom,Room 2,org-rms,as-2025-s2,,,\n";
  static const char extra_enrollments[] =
    "enr-p5-t,,,cls-ss6-p5,org-rms,usr-t-okoro,teacher,true,2025-01-06,\n"
    "enr-p5-1,,,cls-ss6-p5,org-rms,usr-s25-0092,student,false,2025-01-06,\n"
    "enr-p5-1b,,,cls-ss6-p5,org-rms,usr-s25-0092,student,false,2025-02-01,\n"
    "enr-p5-2,,,cls-ss6-p5,org-rms,usr-s25-0101,student,false,2025-01-06,\n"
    "enr-p5-3,tobedeleted,2025-03-01T00:00:00Z,cls-ss6-p5,org-rms,usr-s25-0104,student,false,2025-01-06,\n"
    "enr-p5-4,,,cls-ss6-p5,org-rms,usr-nobody,student,false,2025-01-06,\n"
    "enr-x-1,,,cls-ss6-x,org-rms,usr-s25-0099,student,false,2025-01-06,\n"
    "enr-club-t,,,cls-club,org-rms,usr-t-okoro,teacher,true,2025-01-06,\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) samples = NULL;
  g_autofree char *from_dir = NULL;
  char *folder = g_build_filename (dir, "oneroster", NULL);
  const char *shared = g_getenv ("TRELLIS_SHARED_DIR");
  const char *name;

  g_assert_nonnull (shared);
  from_dir = g_build_filename (shared, "exchange", "samples", "oneroster", NULL);
  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  samples = g_dir_open (from_dir, 0, &error);
  g_assert_no_error (error);

  while ((name = g_dir_read_name (samples)) != NULL)
    {
      g_autofree char *from = g_build_filename (from_dir, name, NULL);
      g_autofree char *to = g_build_filename (folder, name, NULL);
      g_autofree char *contents = NULL;
      g_autoptr(GString) text = NULL;

      g_file_get_contents (from, &contents, NULL, &error);
      g_assert_no_error (error);
      text = g_string_new (contents);
      if (g_str_equal (name, "classes.csv"))
        g_string_append (text, extra_classes);
      else if (g_str_equal (name, "enrollments.csv"))
        g_string_append (text, extra_enrollments);
      g_file_set_contents (to, text->str, (gssize)text->len, &error);
      g_assert_no_error (error);
    }

  return folder;
}

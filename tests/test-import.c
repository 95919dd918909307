/* test-import.c
 *
 * Copyright 2026 The Trellis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "trellis-csv.h"
#include "trellis-import.h"
#include "trellis-test-utils.h"

/*
 * Gradebook and roster import: the samples in
 * $TRELLIS_SHARED_DIR/exchange/samples import with the counts their README
 * states, malformed files fail with a line number and leave the classroom
 * file byte-identical, and mutated inputs never crash.
 */

typedef TrellisTestFixture Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  trellis_test_fixture_set_up (fixture, data);
  fixture->classroom = trellis_classroom_create (fixture->path, "Social Studies 6", &error);
  g_assert_no_error (error);
}

static char *
sample_path (const char *name)
{
  const char *shared = g_getenv ("TRELLIS_SHARED_DIR");

  g_assert_nonnull (shared);
  return g_build_filename (shared, "exchange", "samples", name, NULL);
}

/* The ten learners of the samples, with their stable keys. */
static const struct
{
  const char *name;
  const char *sis_id;
  const char *login;
  const char *email;
} roster[] = {
  { "Zoë Achterberg", "S25-0101", "zachterberg", "zoe.achterberg@riverside.example" },
  { "Oluwaseun Adeyemi", "S25-0104", "oadeyemi", "oluwaseun.adeyemi@riverside.example" },
  { "José Álvarez García", "S25-0109", "jalvarez", "jose.alvarez@riverside.example" },
  { "Mei-Ling Chen", "S25-0097", "mchen", "meiling.chen@riverside.example" },
  { "Élodie Durand-Leclerc", "S25-0120", "edurand", "elodie.durand@riverside.example" },
  { "Søren Lindqvist", "S25-0092", "slindqvist", "soren.lindqvist@riverside.example" },
  { "Thị Lan Nguyễn", "S25-0115", "tlnguyen", "lan.nguyen@riverside.example" },
  { "Liam O'Brien", "S25-0107", "lobrien", "liam.obrien@riverside.example" },
  { "Amara Okonkwo-Bello", "S25-0123", "aokonkwo", "amara.okonkwo@riverside.example" },
  { "Aiyana Redcloud", "S25-0099", "aredcloud", "aiyana.redcloud@riverside.example" },
};

static void
add_roster (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (roster); i++)
    {
      g_autoptr(sqlite3_stmt) stmt = trellis_classroom_prepare (fixture->classroom,
        "INSERT INTO learners (name, sis_id, login, email, created_at) VALUES (?1, ?2, ?3, ?4, '2026-01-01T00:00:00Z')",
        &error);

      g_assert_no_error (error);
      sqlite3_bind_text (stmt, 1, roster[i].name, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, roster[i].sis_id, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, roster[i].login, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, roster[i].email, -1, SQLITE_STATIC);
      trellis_classroom_step (fixture->classroom, stmt, &error);
      g_assert_no_error (error);
    }
  /* Two learners who share a name: never merged by it. */
  trellis_classroom_exec (fixture->classroom,
                          "INSERT INTO learners (name, created_at) VALUES ('Mei-Ling Chen', '2026-01-01T00:00:00Z')",
                          &error);
  g_assert_no_error (error);
}

typedef struct
{
  const char          *file;
  TrellisImportFormat  format;
  guint                items;
  guint                scores;
  double               points;
  guint                excused;
  guint                not_assigned;
  guint                empty;
  const char          *max_points;   /* points_possible of the items, sorted */
  gboolean             create;       /* --create-learners into an empty classroom */
} SampleCase;

static const SampleCase sample_cases[] = {
  { "canvas-gradebook.csv", TRELLIS_IMPORT_FORMAT_CANVAS, 6, 45, 497.5, 2, 1, 12, "5,10,10,20,25,50", FALSE },
  { "canvas-gradebook.csv", TRELLIS_IMPORT_FORMAT_AUTO, 6, 45, 497.5, 2, 1, 12, "5,10,10,20,25,50", TRUE },
  { "moodle-grades.csv", TRELLIS_IMPORT_FORMAT_MOODLE, 5, 36, 432.0, 0, 0, 14, "", FALSE },
  { "moodle-grades.csv", TRELLIS_IMPORT_FORMAT_AUTO, 5, 36, 432.0, 0, 0, 14, "", TRUE },
  { "google-classroom-grades.csv", TRELLIS_IMPORT_FORMAT_GOOGLE, 4, 27, 396.0, 0, 0, 13, "10,20,25,50", FALSE },
  { "google-classroom-grades.csv", TRELLIS_IMPORT_FORMAT_AUTO, 4, 27, 396.0, 0, 0, 13, "10,20,25,50", TRUE },
  { "oneroster", TRELLIS_IMPORT_FORMAT_ONEROSTER, 5, 36, 432.0, 2, 0, 0, "5,10,20,25,50", FALSE },
  { "oneroster", TRELLIS_IMPORT_FORMAT_AUTO, 5, 36, 432.0, 2, 0, 0, "5,10,20,25,50", TRUE },
};

static void
test_sample (Fixture       *fixture,
             gconstpointer  data)
{
  const SampleCase *c = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisImportReport) dry = NULL;
  g_autoptr(TrellisImportReport) report = NULL;
  g_autoptr(TrellisImportReport) again = NULL;
  g_autofree char *input = sample_path (c->file);
  g_autofree char *max_points = NULL;
  TrellisImportFlags flags = c->create ? TRELLIS_IMPORT_FLAGS_CREATE_LEARNERS : TRELLIS_IMPORT_FLAGS_NONE;

  if (!c->create)
    add_roster (fixture);

  /* The dry run says what the import does, and writes nothing. */
  dry = trellis_import (fixture->classroom, input, c->format, NULL, flags | TRELLIS_IMPORT_FLAGS_DRY_RUN, &error);
  g_assert_no_error (error);
  g_assert_cmpint (trellis_test_query_int (fixture->classroom, "SELECT count(*) FROM gradebook_items"), ==, 0);

  report = trellis_import (fixture->classroom, input, c->format, NULL, flags, &error);
  g_assert_no_error (error);

  g_assert_cmpuint (report->learners_in_file, ==, 10);
  g_assert_cmpuint (report->learners_matched, ==, c->create ? 0 : 10);
  g_assert_cmpuint (report->learners_created, ==, c->create ? 10 : 0);
  g_assert_cmpuint (report->learners_unmatched, ==, 0);
  g_assert_cmpuint (report->learners_absent, ==, c->create ? 0 : 1);  /* the other Mei-Ling Chen */
  g_assert_cmpuint (report->items_created, ==, c->items);
  g_assert_cmpuint (report->evidence_added, ==, c->scores);
  g_assert_cmpfloat_with_epsilon (report->points_total, c->points, 1e-9);
  g_assert_cmpuint (report->skipped[TRELLIS_IMPORT_SKIP_EXCUSED], ==, c->excused);
  g_assert_cmpuint (report->skipped[TRELLIS_IMPORT_SKIP_NOT_ASSIGNED], ==, c->not_assigned);
  g_assert_cmpuint (report->skipped[TRELLIS_IMPORT_SKIP_EMPTY], ==, c->empty);
  g_assert_cmpuint (report->skipped[TRELLIS_IMPORT_SKIP_NOT_NUMERIC], ==, 0);

  g_assert_cmpuint (dry->evidence_added, ==, report->evidence_added);
  g_assert_cmpuint (dry->items_created, ==, report->items_created);
  g_assert_cmpuint (dry->learners_created, ==, report->learners_created);
  g_assert_cmpuint (dry->cells_skipped, ==, report->cells_skipped);

  /* What the file holds now. */
  g_assert_cmpint (trellis_test_query_int (fixture->classroom, "SELECT count(*) FROM gradebook_items"), ==, c->items);
  g_assert_cmpint (trellis_test_query_int (fixture->classroom,
                                           "SELECT count(*) FROM evidence WHERE kind = 'points' AND source = 'import'"),
                   ==, c->scores);
  g_assert_cmpfloat_with_epsilon (trellis_test_query_double (fixture->classroom, "SELECT total (score) FROM evidence"),
                                  c->points, 1e-9);
  g_assert_cmpint (trellis_test_query_int (fixture->classroom, "SELECT count(*) FROM evidence WHERE score > max_score"),
                   ==, 0);
  g_assert_cmpint (trellis_test_query_int (fixture->classroom, "SELECT count(*) FROM learners"),
                   ==, c->create ? 10 : 11);
  {
    g_autoptr(sqlite3_stmt) stmt = trellis_classroom_prepare (fixture->classroom,
      "SELECT coalesce (group_concat (p, ','), '') FROM"
      " (SELECT CAST (points_possible AS INTEGER) AS p FROM gradebook_items"
      "   WHERE points_possible IS NOT NULL ORDER BY points_possible)", &error);

    g_assert_no_error (error);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    max_points = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  }
  g_assert_cmpstr (max_points, ==, c->max_points);
  if (c->format == TRELLIS_IMPORT_FORMAT_CANVAS)
    {
      g_assert_cmpint (trellis_test_query_int (fixture->classroom,
                                               "SELECT count(*) FROM gradebook_items WHERE source = 'canvas' AND lms_id = '1238'"
                                               " AND title = 'Timeline (draft)'"), ==, 1);
      g_assert_cmpint (trellis_test_query_int (fixture->classroom,
                                               "SELECT count(*) FROM gradebook_items WHERE lms_id = '1237'"
                                               " AND title = 'Map quiz: Nile, Tigris & Euphrates'"), ==, 1);
      /* The Test Student is not a learner; the real 0.00 is a score. */
      g_assert_cmpint (trellis_test_query_int (fixture->classroom, "SELECT count(*) FROM evidence WHERE score = 0"),
                       ==, 1);
    }
  if (c->format == TRELLIS_IMPORT_FORMAT_ONEROSTER)
    g_assert_cmpint (trellis_test_query_int (fixture->classroom, "SELECT count(*) FROM evidence WHERE score = 0"),
                     ==, 1);

  /* A re-import updates: no second copy of anything. */
  again = trellis_import (fixture->classroom, input, c->format, NULL, flags, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (again->items_created, ==, 0);
  g_assert_cmpuint (again->items_updated, ==, c->items);
  g_assert_cmpuint (again->learners_created, ==, 0);
  g_assert_cmpuint (again->evidence_replaced, ==, c->scores);
  g_assert_cmpint (trellis_test_query_int (fixture->classroom, "SELECT count(*) FROM evidence"), ==, c->scores);
  g_assert_cmpint (trellis_test_query_int (fixture->classroom, "SELECT count(*) FROM learners"),
                   ==, c->create ? 10 : 11);
}

/* Without --create-learners nobody is added: they are reported. */
static void
test_unmatched (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisImportReport) report = NULL;
  g_autofree char *input = sample_path ("canvas-gradebook.csv");

  /* Same name as a sample learner, no key: not a match. */
  trellis_classroom_exec (fixture->classroom,
                          "INSERT INTO learners (name, created_at) VALUES ('Zoë Achterberg', '2026-01-01T00:00:00Z')",
                          &error);
  g_assert_no_error (error);

  report = trellis_import (fixture->classroom, input, TRELLIS_IMPORT_FORMAT_AUTO, NULL, TRELLIS_IMPORT_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->learners_matched, ==, 0);
  g_assert_cmpuint (report->learners_unmatched, ==, 10);
  g_assert_cmpuint (report->unmatched->len, ==, 10);
  g_assert_cmpuint (report->learners_absent, ==, 1);
  g_assert_cmpuint (report->evidence_added, ==, 0);
  g_assert_cmpuint (report->skipped[TRELLIS_IMPORT_SKIP_UNKNOWN_LEARNER], ==, 45);
  g_assert_cmpint (trellis_test_query_int (fixture->classroom, "SELECT count(*) FROM learners"), ==, 1);
  g_assert_cmpint (trellis_test_query_int (fixture->classroom, "SELECT count(*) FROM evidence"), ==, 0);
}

static void
test_oneroster_zip_and_class (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisImportReport) report = NULL;
  g_autofree char *dir = sample_path ("oneroster");
  g_autofree char *zip = g_build_filename (fixture->dir, "roster.zip", NULL);
  g_autofree char *cmd = g_strdup_printf ("cd '%s' && zip -q -X '%s' *.csv", dir, zip);
  g_autofree char *zip_program = g_find_program_in_path ("zip");
  int status;

  if (zip_program == NULL)
    {
      /* Build the zip with python's zipfile instead. */
      g_free (cmd);
      cmd = g_strdup_printf ("cd '%s' && python3 -c \"import zipfile,glob;"
                             "z=zipfile.ZipFile('%s','w');[z.write(f) for f in sorted(glob.glob('*.csv'))]\"",
                             dir, zip);
    }
  {
    const char *argv[] = { "sh", "-c", cmd, NULL };

    g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, &status, &error);
    g_assert_no_error (error);
    g_assert_true (g_spawn_check_wait_status (status, NULL));
  }

  report = trellis_import (fixture->classroom, zip, TRELLIS_IMPORT_FORMAT_AUTO, "no-such-class",
                           TRELLIS_IMPORT_FLAGS_CREATE_LEARNERS, &error);
  g_assert_error (error, TRELLIS_IMPORT_ERROR, TRELLIS_IMPORT_ERROR_CLASS);
  g_assert_null (report);
  g_clear_error (&error);

  report = trellis_import (fixture->classroom, zip, TRELLIS_IMPORT_FORMAT_AUTO, "cls-ss6-p3",
                           TRELLIS_IMPORT_FLAGS_CREATE_LEARNERS, &error);
  g_assert_no_error (error);
  g_assert_cmpint (report->format, ==, TRELLIS_IMPORT_FORMAT_ONEROSTER);
  g_assert_cmpuint (report->learners_created, ==, 10);
  g_assert_cmpuint (report->evidence_added, ==, 36);
  g_assert_cmpfloat_with_epsilon (report->points_total, 432.0, 1e-9);
  /* The teacher and the guardian are not learners. */
  g_assert_cmpint (trellis_test_query_int (fixture->classroom,
                                           "SELECT count(*) FROM learners WHERE name LIKE '%Okoro%' OR name LIKE 'Maartje%'"), ==, 0);
}

/* The classes of a OneRoster package, to pick one: title, sourcedId and
 * the students an import of it would read, from a folder and a zip. */
static void
assert_classes (GPtrArray *classes)
{
  TrellisImportClass *klass;

  g_assert_nonnull (classes);
  /* The club enrolls only a teacher: nothing to import there. */
  g_assert_cmpuint (classes->len, ==, 3);

  klass = g_ptr_array_index (classes, 0);
  g_assert_cmpstr (klass->sourced_id, ==, "cls-ss6-p3");
  g_assert_cmpstr (klass->title, ==, "Social Studies 6 - Period 3");
  g_assert_cmpuint (klass->n_students, ==, 10);

  /* Two students: not the duplicate enrollment, the deleted one, the
   * teacher or the user users.csv does not know. */
  klass = g_ptr_array_index (classes, 1);
  g_assert_cmpstr (klass->sourced_id, ==, "cls-ss6-p5");
  g_assert_cmpstr (klass->title, ==, "Social Studies 6 - Period 5");
  g_assert_cmpuint (klass->n_students, ==, 2);

  klass = g_ptr_array_index (classes, 2);
  g_assert_cmpstr (klass->sourced_id, ==, "cls-ss6-x");
  g_assert_null (klass->title);
  g_assert_cmpuint (klass->n_students, ==, 1);
}

static void
test_oneroster_classes (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) classes = NULL;
  g_autoptr(TrellisImportReport) report = NULL;
  g_autofree char *folder = trellis_test_make_oneroster_classes (fixture->dir);
  g_autofree char *zip = g_build_filename (fixture->dir, "classes.zip", NULL);
  g_autofree char *csv = sample_path ("canvas-gradebook.csv");
  g_autofree char *no_manifest = g_build_filename (fixture->dir, "not-a-package", NULL);
  g_autofree char *manifest = g_build_filename (folder, "manifest.csv", NULL);
  g_autofree char *sample = sample_path ("oneroster");
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  int status;

  classes = trellis_import_list_classes (folder, &error);
  g_assert_no_error (error);
  assert_classes (classes);
  g_clear_pointer (&classes, g_ptr_array_unref);

  /* The same from a zip. */
  {
    g_autofree char *cmd = g_strdup_printf ("cd '%s' && python3 -c \"import zipfile,glob;"
                                            "z=zipfile.ZipFile('%s','w');[z.write(f) for f in sorted(glob.glob('*.csv'))]\"",
                                            folder, zip);
    const char *argv[] = { "sh", "-c", cmd, NULL };

    g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, &status, &error);
    g_assert_no_error (error);
    g_assert_true (g_spawn_check_wait_status (status, NULL));
  }
  classes = trellis_import_list_classes (zip, &error);
  g_assert_no_error (error);
  assert_classes (classes);
  g_clear_pointer (&classes, g_ptr_array_unref);

  /* The sample has one class. */
  classes = trellis_import_list_classes (sample, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (classes->len, ==, 1);
  g_clear_pointer (&classes, g_ptr_array_unref);

  /* Not a package: an error, no list. */
  classes = trellis_import_list_classes (csv, &error);
  g_assert_error (error, TRELLIS_IMPORT_ERROR, TRELLIS_IMPORT_ERROR_FORMAT);
  g_assert_null (classes);
  g_clear_error (&error);
  g_assert_cmpint (g_mkdir (no_manifest, 0700), ==, 0);
  classes = trellis_import_list_classes (no_manifest, &error);
  g_assert_error (error, TRELLIS_IMPORT_ERROR, TRELLIS_IMPORT_ERROR_FORMAT);
  g_assert_null (classes);
  g_clear_error (&error);

  /* Without a class, the import names them all and changes nothing. */
  add_roster (fixture);
  before = trellis_test_read_bytes (fixture->path);
  report = trellis_import (fixture->classroom, folder, TRELLIS_IMPORT_FORMAT_AUTO, NULL,
                           TRELLIS_IMPORT_FLAGS_NONE, &error);
  g_assert_null (report);
  g_assert_error (error, TRELLIS_IMPORT_ERROR, TRELLIS_IMPORT_ERROR_CLASS);
  g_assert_nonnull (strstr (error->message, "cls-ss6-p3, cls-ss6-p5, cls-ss6-x"));
  g_clear_error (&error);
  after = trellis_test_read_bytes (fixture->path);
  trellis_test_assert_bytes_equal (before, after);

  /* A listed class imports with the students the list counted. */
  report = trellis_import (fixture->classroom, folder, TRELLIS_IMPORT_FORMAT_AUTO, "cls-ss6-p5",
                           TRELLIS_IMPORT_FLAGS_DRY_RUN, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->learners_in_file, ==, 2);
  g_assert_cmpuint (report->learners_matched, ==, 2);
  g_clear_pointer (&report, trellis_import_report_free);

  /* The teacher-only class is not importable. */
  report = trellis_import (fixture->classroom, folder, TRELLIS_IMPORT_FORMAT_AUTO, "cls-club",
                           TRELLIS_IMPORT_FLAGS_DRY_RUN, &error);
  g_assert_null (report);
  g_assert_error (error, TRELLIS_IMPORT_ERROR, TRELLIS_IMPORT_ERROR_CLASS);
  g_clear_error (&error);

  /* A package without a manifest is refused by both. */
  g_assert_cmpint (g_unlink (manifest), ==, 0);
  classes = trellis_import_list_classes (folder, &error);
  g_assert_error (error, TRELLIS_IMPORT_ERROR, TRELLIS_IMPORT_ERROR_FORMAT);
  g_assert_null (classes);
}

/* Keys that cross: a Canvas login that is an e-mail finds the learner
 * known by that e-mail, an e-mail finds the learner whose login it is;
 * a shared name alone still finds nobody. */
static void
test_login_email (Fixture       *fixture,
                  gconstpointer  data)
{
  static const char canvas[] =
    "Student,ID,SIS Login ID,Section,Essay (1)\n"
    "    Points Possible,,,,20.00\n"
    "\"Achterberg, Zoë\",1,ZOE.Achterberg@riverside.example,P3,18.00\n"
    "\"O'Brien, Liam\",2,lobrien-canvas,P3,12.00\n";
  static const char google[] =
    "Last Name,First Name,Email Address,Essay\r\n"
    "Points,,,20\r\n"
    "Nguyễn,Thị Lan,lan.nguyen@riverside.example,17\r\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisImportReport) report = NULL;
  g_autofree char *canvas_path = g_build_filename (fixture->dir, "canvas.csv", NULL);
  g_autofree char *google_path = g_build_filename (fixture->dir, "google.csv", NULL);

  trellis_classroom_exec (fixture->classroom,
                          "INSERT INTO learners (name, email, created_at)"
                          " VALUES ('Zoë Achterberg', 'zoe.achterberg@riverside.example', '2026-01-01T00:00:00Z');"
                          "INSERT INTO learners (name, login, created_at)"
                          " VALUES ('Thị Lan Nguyễn', 'lan.nguyen@riverside.example', '2026-01-01T00:00:00Z');"
                          "INSERT INTO learners (name, created_at) VALUES ('Liam O''Brien', '2026-01-01T00:00:00Z');",
                          &error);
  g_assert_no_error (error);
  trellis_test_write_bytes (canvas_path, canvas, -1);
  trellis_test_write_bytes (google_path, google, -1);

  report = trellis_import (fixture->classroom, canvas_path, TRELLIS_IMPORT_FORMAT_AUTO, NULL,
                           TRELLIS_IMPORT_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->learners_matched, ==, 1);
  g_assert_cmpuint (report->learners_unmatched, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (report->unmatched, 0), ==, "Liam O'Brien (lobrien-canvas)");
  g_assert_cmpuint (report->evidence_added, ==, 1);
  g_assert_cmpint (trellis_test_query_int (fixture->classroom,
                                           "SELECT count(*) FROM evidence e JOIN learners l ON l.id = e.learner_id"
                                           " WHERE l.email = 'zoe.achterberg@riverside.example' AND e.score = 18"), ==, 1);
  g_clear_pointer (&report, trellis_import_report_free);

  report = trellis_import (fixture->classroom, google_path, TRELLIS_IMPORT_FORMAT_AUTO, NULL,
                           TRELLIS_IMPORT_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (report->format, ==, TRELLIS_IMPORT_FORMAT_GOOGLE);
  g_assert_cmpuint (report->learners_matched, ==, 1);
  g_assert_cmpuint (report->evidence_added, ==, 1);
  g_assert_cmpint (trellis_test_query_int (fixture->classroom,
                                           "SELECT count(*) FROM evidence e JOIN learners l ON l.id = e.learner_id"
                                           " WHERE l.login = 'lan.nguyen@riverside.example' AND e.score = 17"), ==, 1);
  g_assert_cmpint (trellis_test_query_int (fixture->classroom, "SELECT count(*) FROM learners"), ==, 3);
}

/* A score an earlier import brought in goes when the LMS has none there
 * any more (excused, emptied): excused never stays a number.  The
 * teacher's own evidence and other cells stay; a dry run only counts. */
static void
test_reimport_removes (Fixture       *fixture,
                       gconstpointer  data)
{
  static const char first[] =
    "Student,ID,SIS User ID,SIS Login ID,Section,Essay (1),Quiz (2)\n"
    "    Points Possible,,,,,20.00,10.00\n"
    "\"Achterberg, Zoë\",1,S25-0101,zachterberg,P3,18.00,7.00\n"
    "\"Adeyemi, Oluwaseun\",2,S25-0104,oadeyemi,P3,15.00,9.00\n"
    "\"Chen, Mei-Ling\",3,S25-0097,mchen,P3,12.00,6.00\n";
  static const char second[] =
    "Student,ID,SIS User ID,SIS Login ID,Section,Essay (1),Quiz (2)\n"
    "    Points Possible,,,,,20.00,10.00\n"
    "\"Achterberg, Zoë\",1,S25-0101,zachterberg,P3,EX,7.00\n"
    "\"Adeyemi, Oluwaseun\",2,S25-0104,oadeyemi,P3,,9.00\n"
    "\"Chen, Mei-Ling\",3,S25-0097,mchen,P3,B+,6.00\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisImportReport) report = NULL;
  g_autofree char *input = g_build_filename (fixture->dir, "gradebook.csv", NULL);
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;

  add_roster (fixture);
  trellis_test_write_bytes (input, first, -1);
  report = trellis_import (fixture->classroom, input, TRELLIS_IMPORT_FORMAT_CANVAS, NULL,
                           TRELLIS_IMPORT_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->evidence_added, ==, 6);
  g_assert_cmpuint (report->evidence_removed, ==, 0);
  g_clear_pointer (&report, trellis_import_report_free);

  /* The teacher's own evidence on the essay item. */
  trellis_classroom_exec (fixture->classroom,
                          "INSERT INTO evidence (learner_id, item_id, observed_at, kind, score, max_score, source)"
                          " SELECT l.id, g.id, '2026-01-02T00:00:00Z', 'points', 19, 20, 'teacher'"
                          "   FROM learners l, gradebook_items g WHERE l.sis_id = 'S25-0101' AND g.lms_id = '1'",
                          &error);
  g_assert_no_error (error);

  trellis_test_write_bytes (input, second, -1);
  before = trellis_test_read_bytes (fixture->path);
  report = trellis_import (fixture->classroom, input, TRELLIS_IMPORT_FORMAT_CANVAS, NULL,
                           TRELLIS_IMPORT_FLAGS_DRY_RUN, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->evidence_removed, ==, 2);
  g_assert_cmpuint (report->evidence_added, ==, 3);
  after = trellis_test_read_bytes (fixture->path);
  trellis_test_assert_bytes_equal (before, after);
  g_clear_pointer (&report, trellis_import_report_free);

  report = trellis_import (fixture->classroom, input, TRELLIS_IMPORT_FORMAT_CANVAS, NULL,
                           TRELLIS_IMPORT_FLAGS_NONE, &error);
  g_assert_no_error (error);
  /* Excused and emptied: removed.  A letter is no score but says
   * nothing about the old one being wrong: it stays. */
  g_assert_cmpuint (report->evidence_removed, ==, 2);
  g_assert_cmpuint (report->evidence_added, ==, 3);
  g_assert_cmpuint (report->skipped[TRELLIS_IMPORT_SKIP_EXCUSED], ==, 1);
  g_assert_cmpuint (report->skipped[TRELLIS_IMPORT_SKIP_NOT_NUMERIC], ==, 1);
  g_assert_cmpint (trellis_test_query_int (fixture->classroom,
                                           "SELECT count(*) FROM evidence e JOIN learners l ON l.id = e.learner_id"
                                           " JOIN gradebook_items g ON g.id = e.item_id"
                                           " WHERE g.lms_id = '1' AND e.source = 'import'"
                                           "   AND l.sis_id IN ('S25-0101', 'S25-0104')"), ==, 0);
  g_assert_cmpint (trellis_test_query_int (fixture->classroom,
                                           "SELECT count(*) FROM evidence e JOIN learners l ON l.id = e.learner_id"
                                           " JOIN gradebook_items g ON g.id = e.item_id"
                                           " WHERE g.lms_id = '1' AND l.sis_id = 'S25-0097' AND e.score = 12"), ==, 1);
  g_assert_cmpint (trellis_test_query_int (fixture->classroom,
                                           "SELECT count(*) FROM evidence WHERE source = 'teacher' AND score = 19"), ==, 1);
  g_assert_cmpint (trellis_test_query_int (fixture->classroom,
                                           "SELECT count(*) FROM evidence WHERE source = 'import'"), ==, 4);
}

/* Numbers as spreadsheets and LMSs write them. */
static void
test_numbers (Fixture       *fixture,
              gconstpointer  data)
{
  static const char csv[] =
    "\xEF\xBB\xBFStudent;ID;SIS User ID;SIS Login ID;Section;Essay (1);Quiz (2);Lab (3)\r\n"
    "    Points Possible;;;;;\"20,00\";10.00;50\r\n"
    "\"Achterberg; Zoë\";1;S25-0101;zachterberg;P3;\"8,50\";90%;\"1.234,5\"\r\n"
    "\"Adeyemi, \"\"Seun\"\"\";2;S25-0104;oadeyemi;P3;B+;-3.5;\"85,00 %\"\r\n"
    ";;;;;;;\r\n"
    "\"Chen, Mei-Ling\";3;S25-0097;mchen;P3;=1+1;12 pts;ex\r\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisImportReport) report = NULL;
  g_autofree char *input = g_build_filename (fixture->dir, "numbers.csv", NULL);

  add_roster (fixture);
  g_file_set_contents (input, csv, -1, &error);
  g_assert_no_error (error);

  report = trellis_import (fixture->classroom, input, TRELLIS_IMPORT_FORMAT_AUTO, NULL, TRELLIS_IMPORT_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (report->format, ==, TRELLIS_IMPORT_FORMAT_CANVAS);
  g_assert_cmpuint (report->learners_matched, ==, 3);
  /* 8.5 + 9 (90 % of 10) + 1234.5 + 42.5 (85 % of 50) */
  g_assert_cmpuint (report->evidence_added, ==, 4);
  g_assert_cmpfloat_with_epsilon (report->points_total, 8.5 + 9 + 1234.5 + 42.5, 1e-9);
  g_assert_cmpuint (report->skipped[TRELLIS_IMPORT_SKIP_NOT_NUMERIC], ==, 3);  /* B+, =1+1, 12 pts */
  g_assert_cmpuint (report->skipped[TRELLIS_IMPORT_SKIP_NEGATIVE], ==, 1);
  g_assert_cmpuint (report->skipped[TRELLIS_IMPORT_SKIP_EXCUSED], ==, 1);
  g_assert_cmpuint (report->warnings->len, ==, 4);
  g_assert_nonnull (strstr (g_ptr_array_index (report->warnings, 0), "line 4"));
}

typedef struct
{
  const char     *name;
  const char     *content;
  gssize          length;
  int             code;     /* TrellisCsvError, or -1 for TRELLIS_IMPORT_ERROR */
  const char     *line;     /* expected in the message */
} BadCase;

static const BadCase bad_cases[] = {
  { "empty", "", 0, TRELLIS_CSV_ERROR_EMPTY, NULL },
  { "blank", "\n\r\n  \n", -1, TRELLIS_CSV_ERROR_EMPTY, NULL },
  { "bom-only", "\xEF\xBB\xBF", -1, TRELLIS_CSV_ERROR_EMPTY, NULL },
  { "header-only", "Student,ID,SIS User ID,SIS Login ID,Section,Essay (1)\n", -1,
    TRELLIS_CSV_ERROR_HEADER_ONLY, "line 1" },
  { "unbalanced-quote", "Student,ID,SIS User ID,SIS Login ID,Section,Essay (1)\n"
                        "\"Achterberg, Zoë\",1,S25-0101,zachterberg,P3,5\n"
                        "\"Adeyemi, Seun,2,S25-0104,oadeyemi,P3,6\n", -1, TRELLIS_CSV_ERROR_QUOTE, "line 3" },
  { "stray-quote", "Student,ID,SIS User ID,SIS Login ID,Section,Essay (1)\n"
                   "\"Achterberg, Zoë\",1,S25-0101,zachterberg,P3,5\n"
                   "Adeyemi \"Seun\",2,S25-0104,oadeyemi,P3,6\n", -1, TRELLIS_CSV_ERROR_QUOTE, "line 3" },
  { "truncated", "Student,ID,SIS User ID,SIS Login ID,Section,Essay (1)\r\n"
                 "\"Achterberg,\r\n Zoë\",1,S25-0101,zachterberg,P3,5\r\n"
                 "\"Adeyemi, Seun\",2,S25-0104,oad", -1, TRELLIS_CSV_ERROR_SHORT_ROW, "line 4" },
  { "binary", "GIF89a\001\000\001\000\200\000\000\377\377\377", 16, TRELLIS_CSV_ERROR_BINARY, "line 1" },
  { "broken-zip", "PK\003\004\024\000\000\000\010\000lots of zip", 21, -1, NULL },
  { "binary-later", "Student,ID\n\"x\",1\nab\000cd\n", 20, TRELLIS_CSV_ERROR_BINARY, "line 3" },
  { "latin1", "Student,ID,SIS User ID,SIS Login ID,Section\nAchterberg Zo\xEB,1,S,z,P\n", -1,
    TRELLIS_CSV_ERROR_ENCODING, "line 2" },
  { "not-a-gradebook", "a,b,c\n1,2,3\n", -1, -1, "line 1" },
};

static void
test_malformed (Fixture       *fixture,
                gconstpointer  data)
{
  const BadCase *c = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisImportReport) report = NULL;
  g_autofree char *input = g_build_filename (fixture->dir, "bad.csv", NULL);
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;

  add_roster (fixture);
  g_clear_object (&fixture->classroom);
  before = trellis_test_read_bytes (fixture->path);
  fixture->classroom = trellis_classroom_open (fixture->path, TRELLIS_OPEN_FLAGS_NONE, &error);
  g_assert_no_error (error);

  g_file_set_contents (input, c->content, c->length, &error);
  g_assert_no_error (error);

  report = trellis_import (fixture->classroom, input, TRELLIS_IMPORT_FORMAT_AUTO, NULL,
                           TRELLIS_IMPORT_FLAGS_CREATE_LEARNERS, &error);
  g_assert_null (report);
  if (c->code >= 0)
    g_assert_error (error, TRELLIS_CSV_ERROR, c->code);
  else
    g_assert_true (error->domain == TRELLIS_IMPORT_ERROR);
  if (c->line != NULL)
    g_assert_nonnull (strstr (error->message, "bad.csv"));
  if (c->line != NULL && strstr (error->message, c->line) == NULL)
    g_error ("“%s” does not say %s", error->message, c->line);

  g_clear_object (&fixture->classroom);
  after = trellis_test_read_bytes (fixture->path);
  trellis_test_assert_bytes_equal (before, after);
}

/* A failure after some rows were written rolls everything back. */
static void
test_rollback (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisImportReport) report = NULL;
  g_autofree char *input = sample_path ("canvas-gradebook.csv");

  /* A trigger makes the 20th evidence row fail. */
  trellis_classroom_exec (fixture->classroom,
                          "CREATE TEMP TRIGGER fail AFTER INSERT ON evidence"
                          " WHEN (SELECT count(*) FROM evidence) >= 20"
                          " BEGIN SELECT RAISE (ABORT, 'disk on fire'); END",
                          &error);
  g_assert_no_error (error);

  report = trellis_import (fixture->classroom, input, TRELLIS_IMPORT_FORMAT_CANVAS, NULL,
                           TRELLIS_IMPORT_FLAGS_CREATE_LEARNERS, &error);
  g_assert_null (report);
  g_assert_nonnull (error);
  g_assert_cmpint (trellis_test_query_int (fixture->classroom, "SELECT count(*) FROM learners"), ==, 0);
  g_assert_cmpint (trellis_test_query_int (fixture->classroom, "SELECT count(*) FROM gradebook_items"), ==, 0);
  g_assert_cmpint (trellis_test_query_int (fixture->classroom, "SELECT count(*) FROM evidence"), ==, 0);
}

/*
 * Mutated samples (bytes flipped, inserted, deleted, lines cut and
 * duplicated, quotes and separators sprinkled) never crash the reader or
 * the importer: each either imports or fails with an error.
 */
static void
test_mutations (Fixture       *fixture,
                gconstpointer  data)
{
  static const char * const files[] = { "canvas-gradebook.csv", "moodle-grades.csv", "google-classroom-grades.csv" };
  static const char specials[] = "\",;\t\r\n\\-%.=EX0123456789\xC3\xA9\xEF\xBB\xBF\x00";
  g_autoptr(GRand) rand = g_rand_new_with_seed (20260308);
  g_autofree char *input = g_build_filename (fixture->dir, "mutant.csv", NULL);
  guint imported = 0, failed = 0;
  guint n = g_test_slow () ? 20000 : 3000;

  add_roster (fixture);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *path = sample_path (files[i % G_N_ELEMENTS (files)]);
      g_autofree char *original = NULL;
      g_autoptr(GByteArray) bytes = g_byte_array_new ();
      g_autoptr(GError) error = NULL;
      g_autoptr(TrellisImportReport) report = NULL;
      g_autoptr(TrellisCsv) csv = NULL;
      gsize len;
      guint edits = (guint)g_rand_int_range (rand, 1, 9);

      g_assert_true (g_file_get_contents (path, &original, &len, NULL));
      g_byte_array_append (bytes, (const guint8 *)original, (guint)len);

      for (guint e = 0; e < edits && bytes->len > 0; e++)
        {
          guint at = (guint)g_rand_int_range (rand, 0, (gint32)bytes->len);
          guint8 c = (guint8)specials[g_rand_int_range (rand, 0, sizeof specials - 1)];

          switch (g_rand_int_range (rand, 0, 6))
            {
            case 0: bytes->data[at] = c; break;
            case 1: g_byte_array_prepend (bytes, &c, 1); break;
            case 2: g_byte_array_remove_index (bytes, at); break;
            case 3: g_byte_array_set_size (bytes, at); break;
            case 4: bytes->data[at] = (guint8)g_rand_int_range (rand, 0, 256); break;
            default:
              {
                guint want = (guint)g_rand_int_range (rand, 1, 200);
                guint span = MIN (want, bytes->len - at);
                g_autofree guint8 *copy = g_memdup2 (bytes->data + at, span);

                g_byte_array_append (bytes, copy, span);
              }
              break;
            }
        }

      /* The reader alone, with each separator. */
      csv = trellis_csv_parse ((const char *)bytes->data, bytes->len, (i & 1) ? 0 : ';',
                               TRELLIS_CSV_FLAGS_NONE, "mutant.csv", &error);
      g_clear_error (&error);

      /* The importer, every tenth time (it writes). */
      if (i % 10 != 0)
        continue;
      g_file_set_contents (input, (const char *)bytes->data, bytes->len, &error);
      g_assert_no_error (error);
      report = trellis_import (fixture->classroom, input, TRELLIS_IMPORT_FORMAT_AUTO, NULL,
                               (i & 2) ? TRELLIS_IMPORT_FLAGS_DRY_RUN : TRELLIS_IMPORT_FLAGS_CREATE_LEARNERS, &error);
      if (report != NULL)
        {
          imported++;
          g_assert_no_error (error);
        }
      else
        {
          failed++;
          g_assert_nonnull (error);
          g_assert_cmpstr (error->message, !=, "");
        }
    }

  g_test_message ("%u imported, %u refused", imported, failed);
  g_assert_cmpuint (imported, >, 0);
  g_assert_cmpuint (failed, >, 0);
  g_assert_cmpint (trellis_test_query_int (fixture->classroom, "SELECT count(*) FROM evidence WHERE score < 0 OR score > 1e6"),
                   ==, 0);
}

/* The date of each score: the file's own (a OneRoster scoreDate, else its
 * line item's dueDate; a Google Classroom due date), else the date given,
 * else now; a bad date given is refused before anything is read. */
#define NOW "2026-10-22T10:00:00Z"

static gint64
count_dated (TrellisClassroom *classroom,
             const char       *observed_at)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM evidence WHERE observed_at = '%s'", observed_at);

  return trellis_test_query_int (classroom, sql);
}

static void
test_dates (Fixture       *fixture,
            gconstpointer  data)
{
  static const char canvas[] =
    "Student,ID,SIS Login ID,Section,Essay (1),Quiz (2)\n"
    "    Points Possible,,,,20.00,10.00\n"
    "\"Achterberg, Zoë\",1,zoe.achterberg@riverside.example,P3,18.00,7.00\n"
    "\"Adeyemi, Oluwaseun\",2,oluwaseun.adeyemi@riverside.example,P3,15.00,\n";
  static const char google[] =
    "Last Name,First Name,Email Address,Egypt report,Museum presentation\n"
    "Date,,,\"Mar 7, 2025\",No due date\n"
    "Points,,,20,50\n"
    "Achterberg,Zoë,zoe.achterberg@riverside.example,18,41\n"
    "Adeyemi,Oluwaseun,oluwaseun.adeyemi@riverside.example,20,\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisImportReport) report = NULL;
  g_autofree char *canvas_path = g_build_filename (fixture->dir, "canvas.csv", NULL);
  g_autofree char *google_path = g_build_filename (fixture->dir, "google.csv", NULL);
  static const char * const bad_dates[] = { "2026-02-30", "2026-3-02", "yesterday", "2026-03-02T10:00:00Z", "" };

  trellis_classroom_set_clock (fixture->classroom, trellis_test_clock_iso8601, (gpointer)NOW);
  trellis_test_write_bytes (canvas_path, canvas, -1);
  trellis_test_write_bytes (google_path, google, -1);

  /* Canvas has no dates: the one given, for every score. */
  report = trellis_import_full (fixture->classroom, canvas_path, TRELLIS_IMPORT_FORMAT_AUTO, NULL,
                                TRELLIS_IMPORT_FLAGS_CREATE_LEARNERS, "2026-03-02", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->evidence_added, ==, 3);
  g_assert_cmpuint (report->evidence_undated, ==, 3);
  g_assert_cmpint (count_dated (fixture->classroom, "2026-03-02T00:00:00Z"), ==, 3);
  g_assert_cmpint (trellis_test_query_int (fixture->classroom, "SELECT count(*) FROM evidence"), ==, 3);
  g_clear_pointer (&report, trellis_import_report_free);

  /* No date given (the CLI): now, as before. */
  report = trellis_import (fixture->classroom, canvas_path, TRELLIS_IMPORT_FORMAT_AUTO, NULL,
                           TRELLIS_IMPORT_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->evidence_replaced, ==, 3);
  g_assert_cmpint (count_dated (fixture->classroom, NOW), ==, 3);
  g_assert_cmpint (trellis_test_query_int (fixture->classroom, "SELECT count(*) FROM evidence"), ==, 3);
  g_clear_pointer (&report, trellis_import_report_free);

  /* A dry run counts the undated scores too. */
  report = trellis_import_full (fixture->classroom, google_path, TRELLIS_IMPORT_FORMAT_AUTO, NULL,
                                TRELLIS_IMPORT_FLAGS_DRY_RUN, "2026-03-02", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->evidence_added, ==, 3);
  g_assert_cmpuint (report->evidence_undated, ==, 1);
  g_clear_pointer (&report, trellis_import_report_free);

  /* Google: the Date row's due date; "No due date" takes the one given. */
  report = trellis_import_full (fixture->classroom, google_path, TRELLIS_IMPORT_FORMAT_AUTO, NULL,
                                TRELLIS_IMPORT_FLAGS_CREATE_LEARNERS, "2026-03-02", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->evidence_added, ==, 3);
  g_assert_cmpuint (report->evidence_undated, ==, 1);
  g_assert_cmpint (trellis_test_query_int (fixture->classroom,
                                           "SELECT count(*) FROM evidence e JOIN gradebook_items i ON i.id = e.item_id"
                                           " WHERE i.title = 'Egypt report' AND e.observed_at = '2025-03-07T00:00:00Z'"),
                   ==, 2);
  g_assert_cmpint (trellis_test_query_int (fixture->classroom,
                                           "SELECT count(*) FROM evidence e JOIN gradebook_items i ON i.id = e.item_id"
                                           " WHERE i.title = 'Museum presentation'"
                                           " AND e.observed_at = '2026-03-02T00:00:00Z' AND e.score = 41"),
                   ==, 1);
  g_clear_pointer (&report, trellis_import_report_free);

  /* Not a date: refused, nothing written. */
  for (guint i = 0; i < G_N_ELEMENTS (bad_dates); i++)
    {
      gint64 n = trellis_test_query_int (fixture->classroom, "SELECT count(*) FROM evidence");

      report = trellis_import_full (fixture->classroom, canvas_path, TRELLIS_IMPORT_FORMAT_AUTO, NULL,
                                    TRELLIS_IMPORT_FLAGS_CREATE_LEARNERS, bad_dates[i], &error);
      g_assert_error (error, TRELLIS_IMPORT_ERROR, TRELLIS_IMPORT_ERROR_INVALID);
      g_assert_null (report);
      g_clear_error (&error);
      g_assert_cmpint (trellis_test_query_int (fixture->classroom, "SELECT count(*) FROM evidence"), ==, n);
      g_assert_cmpint (count_dated (fixture->classroom, NOW), ==, 3);
    }
}

/* OneRoster: each result's scoreDate; without one, its line item's dueDate. */
static void
test_oneroster_dates (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisImportReport) report = NULL;
  g_autofree char *sample = sample_path ("oneroster");
  g_autofree char *folder = g_build_filename (fixture->dir, "oneroster", NULL);
  g_autoptr(GDir) dir = g_dir_open (sample, 0, &error);
  const char *name;

  g_assert_no_error (error);
  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *from = g_build_filename (sample, name, NULL);
      g_autofree char *to = g_build_filename (folder, name, NULL);
      g_autofree char *text = NULL;
      g_autoptr(GString) edited = NULL;

      g_assert_true (g_file_get_contents (from, &text, NULL, &error));
      g_assert_no_error (error);
      edited = g_string_new (text);
      /* One result loses its scoreDate; its line item gets another due date. */
      if (g_str_equal (name, "results.csv"))
        g_assert_cmpuint (g_string_replace (edited, "li-egypt,usr-s25-0092,fully graded,12.0,2025-03-07,",
                                            "li-egypt,usr-s25-0092,fully graded,12.0,,", 0), ==, 1);
      else if (g_str_equal (name, "lineItems.csv"))
        g_assert_cmpuint (g_string_replace (edited, ",2025-02-24,2025-03-07,", ",2025-02-24,2025-03-09,", 0), ==, 1);
      trellis_test_write_bytes (to, edited->str, (gssize)edited->len);
    }

  report = trellis_import_full (fixture->classroom, folder, TRELLIS_IMPORT_FORMAT_AUTO, NULL,
                                TRELLIS_IMPORT_FLAGS_CREATE_LEARNERS, "2026-03-02", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->evidence_added, >, 1);
  g_assert_cmpuint (report->evidence_undated, ==, 0);
  g_assert_cmpint (count_dated (fixture->classroom, "2026-03-02T00:00:00Z"), ==, 0);
  g_assert_cmpint (trellis_test_query_int (fixture->classroom,
                                           "SELECT count(*) FROM evidence e JOIN learners l ON l.id = e.learner_id"
                                           " JOIN gradebook_items i ON i.id = e.item_id"
                                           " WHERE l.sis_id = 'S25-0092' AND i.title = 'Egypt report'"
                                           " AND e.observed_at = '2025-03-09T00:00:00Z'"), ==, 1);
  /* The others keep their own scoreDate. */
  g_assert_cmpint (count_dated (fixture->classroom, "2025-03-09T00:00:00Z"), ==, 1);
  g_assert_cmpint (trellis_test_query_int (fixture->classroom,
                                           "SELECT count(*) FROM evidence e JOIN gradebook_items i ON i.id = e.item_id"
                                           " WHERE i.title = 'Egypt report' AND e.observed_at = '2025-03-07T00:00:00Z'"),
                   >, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (sample_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/import/sample/%s/%s%s", sample_cases[i].file,
                                               trellis_import_format_to_string (sample_cases[i].format),
                                               sample_cases[i].create ? "/create-learners" : "");
      g_test_add (path, Fixture, &sample_cases[i], fixture_set_up, test_sample, trellis_test_fixture_tear_down);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/import/malformed/%s", bad_cases[i].name);
      g_test_add (path, Fixture, &bad_cases[i], fixture_set_up, test_malformed, trellis_test_fixture_tear_down);
    }
  g_test_add ("/import/unmatched", Fixture, NULL, fixture_set_up, test_unmatched, trellis_test_fixture_tear_down);
  g_test_add ("/import/oneroster-zip", Fixture, NULL,
              fixture_set_up, test_oneroster_zip_and_class, trellis_test_fixture_tear_down);
  g_test_add ("/import/oneroster-classes", Fixture, NULL,
              fixture_set_up, test_oneroster_classes, trellis_test_fixture_tear_down);
  g_test_add ("/import/login-email", Fixture, NULL, fixture_set_up, test_login_email, trellis_test_fixture_tear_down);
  g_test_add ("/import/reimport-removes", Fixture, NULL, fixture_set_up, test_reimport_removes, trellis_test_fixture_tear_down);
  g_test_add ("/import/numbers", Fixture, NULL, fixture_set_up, test_numbers, trellis_test_fixture_tear_down);
  g_test_add ("/import/rollback", Fixture, NULL, fixture_set_up, test_rollback, trellis_test_fixture_tear_down);
  g_test_add ("/import/mutations", Fixture, NULL, fixture_set_up, test_mutations, trellis_test_fixture_tear_down);
  g_test_add ("/import/dates", Fixture, NULL, fixture_set_up, test_dates, trellis_test_fixture_tear_down);
  g_test_add ("/import/oneroster-dates", Fixture, NULL, fixture_set_up, test_oneroster_dates,
              trellis_test_fixture_tear_down);

  return g_test_run ();
}

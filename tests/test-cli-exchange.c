/* test-cli-exchange.c
 *
 * Copyright 2026 The Trellis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * `trellis-cli import` and `trellis-cli export-csv` through the real binary
 * ($TRELLIS_CLI), with the samples of $TRELLIS_SHARED_DIR/exchange: the
 * counts their README states (also under `info --json` "evidence"), a dry
 * run that leaves the file byte-identical, --create-learners, --class for
 * a package with several classes, re-imports that keep their gradebook
 * items and mapping, one-line errors that change nothing, and a CSV export
 * whose negative numbers stay numbers while formulas are neutralized.
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "trellis-test-utils.h"

typedef TrellisTestFixture Fixture;

/* The ten learners of the samples, with their stable keys (README.md). */
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

/* Fixture data for a classroom without learners. */
static const int no_learners;

/* A classroom file with the ten learners (none with &no_learners), closed
 * so that only the binary touches it. */
static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisClassroom) classroom = NULL;

  trellis_test_fixture_set_up (fixture, data);
  classroom = trellis_classroom_create (fixture->path, "Social Studies 6", &error);
  g_assert_no_error (error);

  for (guint i = 0; data != &no_learners && i < G_N_ELEMENTS (roster); i++)
    {
      g_autoptr(sqlite3_stmt) stmt = trellis_classroom_prepare (classroom,
        "INSERT INTO learners (name, sis_id, login, email, created_at) VALUES (?1, ?2, ?3, ?4, '2026-01-01T00:00:00Z')",
        &error);

      g_assert_no_error (error);
      sqlite3_bind_text (stmt, 1, roster[i].name, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, roster[i].sis_id, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, roster[i].login, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, roster[i].email, -1, SQLITE_STATIC);
      trellis_classroom_step (classroom, stmt, &error);
      g_assert_no_error (error);
    }
}

static char *
sample_path (const char *name)
{
  const char *shared = g_getenv ("TRELLIS_SHARED_DIR");

  g_assert_nonnull (shared);
  return g_build_filename (shared, "exchange", "samples", name, NULL);
}

static JsonObject *
parse_object (JsonParser *parser,
              const char *text)
{
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));
  return json_node_get_object (json_parser_get_root (parser));
}

/* `info FILE --json`'s @key. */
static gint64
info_count (Fixture    *fixture,
            const char *key)
{
  g_auto(TrellisTestResult) result = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *info;

  trellis_test_result_run_cli (&result, NULL, "info", fixture->path, "--json", NULL);
  g_assert_cmpint (result.status, ==, 0);
  info = parse_object (parser, result.out);
  g_assert_true (json_object_has_member (info, key));
  return json_object_get_int_member (info, key);
}

typedef struct
{
  const char *input;
  const char *format;
  guint       items;
  guint       scores;
  double      points;
  guint       excused;
} SampleCase;

static const SampleCase sample_cases[] = {
  { "canvas-gradebook.csv", "canvas", 6, 45, 497.5, 2 },
  { "moodle-grades.csv", "moodle", 5, 36, 432.0, 0 },
  { "google-classroom-grades.csv", "google", 4, 27, 396.0, 0 },
  { "oneroster", "oneroster", 5, 36, 432.0, 2 },
  { "canvas-gradebook.csv", "auto", 6, 45, 497.5, 2 },
  { "oneroster", "auto", 5, 36, 432.0, 2 },
};

static void
assert_sample_report (JsonObject       *report,
                      const SampleCase *c,
                      gboolean          dry_run)
{
  JsonObject *skipped = json_object_get_object_member (report, "skipped");

  g_assert_cmpint (json_object_get_boolean_member (report, "dry_run"), ==, dry_run);
  g_assert_cmpint (json_object_get_int_member (report, "learners_in_file"), ==, 10);
  g_assert_cmpint (json_object_get_int_member (report, "learners_matched"), ==, 10);
  g_assert_cmpint (json_object_get_int_member (report, "learners_unmatched"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (report, "learners_created"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (report, "items_created"), ==, c->items);
  g_assert_cmpint (json_object_get_int_member (report, "evidence_added"), ==, c->scores);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (report, "points_total"), c->points, 1e-9);
  g_assert_cmpint (json_object_get_int_member (skipped, "excused"), ==, c->excused);
}

/* Each sample imports with the README's counts; the dry run before it
 * says the same and writes nothing. */
static void
test_import_sample (Fixture       *fixture,
                    gconstpointer  data)
{
  const SampleCase *c = data;
  g_autofree char *input = sample_path (c->input);
  g_auto(TrellisTestResult) result = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GBytes) before = trellis_test_read_bytes (fixture->path);
  g_autoptr(GBytes) after = NULL;
  JsonObject *report;

  trellis_test_result_run_cli (&result, NULL, "import", fixture->path, input, "--format", c->format,
                               "--dry-run", "--json", NULL);
  g_assert_cmpstr (result.err, ==, "");
  g_assert_cmpint (result.status, ==, 0);
  report = parse_object (parser, result.out);
  g_assert_cmpstr (json_object_get_string_member (report, "format"), ==,
                   g_str_equal (c->format, "auto") ? (g_str_has_suffix (c->input, ".csv") ? "canvas" : "oneroster")
                                                   : c->format);
  assert_sample_report (report, c, TRUE);
  after = trellis_test_read_bytes (fixture->path);
  trellis_test_assert_bytes_equal (before, after);

  trellis_test_result_run_cli (&result, NULL, "import", fixture->path, input, "--format", c->format, "--json", NULL);
  g_assert_cmpstr (result.err, ==, "");
  g_assert_cmpint (result.status, ==, 0);
  report = parse_object (parser, result.out);
  assert_sample_report (report, c, FALSE);

  /* Imported scores are evidence of the classroom. */
  g_assert_cmpint (info_count (fixture, "evidence"), ==, c->scores);
  g_assert_cmpint (info_count (fixture, "learners"), ==, 10);
}

/* Importing the same export again updates the same gradebook items and
 * replaces their scores; a mapping made in between stays and applies. */
static void
test_reimport (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *input = sample_path ("canvas-gradebook.csv");
  g_auto(TrellisTestResult) result = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(TrellisClassroom) classroom = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *report;

  trellis_test_result_run_cli (&result, NULL, "import", fixture->path, input, "--format", "canvas", NULL);
  g_assert_cmpint (result.status, ==, 0);

  /* The teacher maps "Egypt report" to a skill. */
  classroom = trellis_classroom_open (fixture->path, TRELLIS_OPEN_FLAGS_NONE, &error);
  g_assert_no_error (error);
  trellis_classroom_exec (classroom,
                          "INSERT INTO skills (code, name, position) VALUES ('RH.1', 'Cite evidence', 0);"
                          "UPDATE gradebook_items SET skill_id = (SELECT id FROM skills WHERE code = 'RH.1')"
                          " WHERE title = 'Egypt report';",
                          &error);
  g_assert_no_error (error);
  g_clear_object (&classroom);

  trellis_test_result_run_cli (&result, NULL, "import", fixture->path, input, "--format", "canvas", "--json", NULL);
  g_assert_cmpint (result.status, ==, 0);
  report = parse_object (parser, result.out);
  g_assert_cmpint (json_object_get_int_member (report, "items_created"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (report, "items_updated"), ==, 6);
  g_assert_cmpint (json_object_get_int_member (report, "evidence_added"), ==, 45);
  g_assert_cmpint (json_object_get_int_member (report, "evidence_replaced"), ==, 45);
  g_assert_true (json_object_has_member (report, "evidence_removed"));
  g_assert_cmpint (json_object_get_int_member (report, "evidence_removed"), ==, 0);
  g_assert_cmpint (info_count (fixture, "evidence"), ==, 45);

  classroom = trellis_classroom_open (fixture->path, TRELLIS_OPEN_FLAGS_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_cmpint (trellis_test_query_int (classroom, "SELECT count(*) FROM gradebook_items"), ==, 6);
  g_assert_cmpint (trellis_test_query_int (classroom,
                                           "SELECT count(*) FROM evidence e JOIN gradebook_items g ON g.id = e.item_id"
                                           " WHERE g.title = 'Egypt report' AND e.skill_id IS NULL"), ==, 0);
  g_assert_cmpint (trellis_test_query_int (classroom,
                                           "SELECT count(*) FROM evidence e JOIN gradebook_items g ON g.id = e.item_id"
                                           " WHERE g.title = 'Egypt report' AND e.skill_id IS NOT NULL"), >, 0);
}

/* Learners the classroom lacks are listed, not added, until asked. */
static void
test_create_learners (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *input = sample_path ("canvas-gradebook.csv");
  g_auto(TrellisTestResult) result = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *report;

  trellis_test_result_run_cli (&result, NULL, "import", fixture->path, input, "--format", "canvas", NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_nonnull (strstr (result.out, "--create-learners"));
  g_assert_nonnull (strstr (result.out, "  Zoë Achterberg (S25-0101)\n"));
  g_assert_null (strstr (result.out, "Test"));
  g_assert_cmpint (info_count (fixture, "learners"), ==, 0);
  g_assert_cmpint (info_count (fixture, "evidence"), ==, 0);

  trellis_test_result_run_cli (&result, NULL, "import", fixture->path, input, "--format", "canvas",
                               "--create-learners", "--json", NULL);
  g_assert_cmpint (result.status, ==, 0);
  report = parse_object (parser, result.out);
  g_assert_cmpint (json_object_get_int_member (report, "learners_created"), ==, 10);
  g_assert_cmpint (json_object_get_int_member (report, "evidence_added"), ==, 45);
  /* Not the Test Student. */
  g_assert_cmpint (info_count (fixture, "learners"), ==, 10);
  g_assert_cmpint (info_count (fixture, "evidence"), ==, 45);
}

/* --class picks the OneRoster class; without it, a package with several
 * classes is an error that names them. */
static void
test_class (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *folder = trellis_test_make_oneroster_classes (fixture->dir);
  g_auto(TrellisTestResult) result = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GBytes) before = trellis_test_read_bytes (fixture->path);
  g_autoptr(GBytes) after = NULL;
  JsonObject *report;

  trellis_test_result_run_cli (&result, NULL, "import", fixture->path, folder, "--format", "oneroster", NULL);
  trellis_test_assert_cli_error (result.status, result.out, result.err, "cls-ss6-p3, cls-ss6-p5, cls-ss6-x");
  g_assert_cmpint (result.status, ==, 1);

  trellis_test_result_run_cli (&result, NULL, "import", fixture->path, folder, "--format", "oneroster",
                               "--class", "cls-club", NULL);
  trellis_test_assert_cli_error (result.status, result.out, result.err, "cls-club");
  g_assert_cmpint (result.status, ==, 1);

  /* --class goes with OneRoster only: a usage error. */
  trellis_test_result_run_cli (&result, NULL, "import", fixture->path, folder, "--format", "canvas",
                               "--class", "cls-ss6-p5", NULL);
  g_assert_cmpint (result.status, ==, 2);

  after = trellis_test_read_bytes (fixture->path);
  trellis_test_assert_bytes_equal (before, after);

  trellis_test_result_run_cli (&result, NULL, "import", fixture->path, folder, "--format", "oneroster",
                               "--class", "cls-ss6-p5", "--json", NULL);
  g_assert_cmpint (result.status, ==, 0);
  report = parse_object (parser, result.out);
  g_assert_cmpint (json_object_get_int_member (report, "learners_in_file"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (report, "learners_matched"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (report, "learners_absent"), ==, 8);
  g_assert_cmpint (json_object_get_int_member (report, "evidence_added"), ==, 0);

  trellis_test_result_run_cli (&result, NULL, "import", fixture->path, folder, "--format", "auto",
                               "--class", "cls-ss6-p3", "--json", NULL);
  g_assert_cmpint (result.status, ==, 0);
  report = parse_object (parser, result.out);
  g_assert_cmpint (json_object_get_int_member (report, "learners_in_file"), ==, 10);
  g_assert_cmpint (json_object_get_int_member (report, "evidence_added"), ==, 36);
  g_assert_cmpint (info_count (fixture, "evidence"), ==, 36);
}

/* Malformed input: one line naming the line, nothing written. */
static void
test_malformed (Fixture       *fixture,
                gconstpointer  data)
{
  static const char unbalanced[] =
    "Student,ID,SIS User ID,SIS Login ID,Section,Essay (1)\n"
    "    Points Possible,,,,,20.00\n"
    "\"Achterberg, Zoë,1,S25-0101,zachterberg,P3,18\n";
  g_autofree char *input = g_build_filename (fixture->dir, "bad.csv", NULL);
  g_autofree char *missing = g_build_filename (fixture->dir, "missing.csv", NULL);
  g_auto(TrellisTestResult) result = { 0 };
  g_autoptr(GBytes) before = trellis_test_read_bytes (fixture->path);
  g_autoptr(GBytes) after = NULL;

  trellis_test_write_bytes (input, unbalanced, -1);
  trellis_test_result_run_cli (&result, NULL, "import", fixture->path, input, "--format", "auto", NULL);
  trellis_test_assert_cli_error (result.status, result.out, result.err, "line");
  g_assert_cmpint (result.status, ==, 1);

  trellis_test_result_run_cli (&result, NULL, "import", fixture->path, missing, "--format", "auto", NULL);
  trellis_test_assert_cli_error (result.status, result.out, result.err, "missing.csv");

  trellis_test_result_run_cli (&result, NULL, "import", fixture->path, input, "--format", "blackboard", NULL);
  g_assert_cmpint (result.status, ==, 2);

  after = trellis_test_read_bytes (fixture->path);
  trellis_test_assert_bytes_equal (before, after);
}

/* export-csv: negative numbers stay numbers, formulas are neutralized. */
static void
test_export_csv (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *output = g_build_filename (fixture->dir, "progress.csv", NULL);
  g_autofree char *csv = NULL;
  g_auto(TrellisTestResult) result = { 0 };
  g_autoptr(TrellisClassroom) classroom = NULL;
  g_autoptr(GError) error = NULL;
  TrellisPlaylist *playlist;

  classroom = trellis_classroom_open (fixture->path, TRELLIS_OPEN_FLAGS_NONE, &error);
  g_assert_no_error (error);
  playlist = trellis_classroom_add_playlist (classroom, "Unit", &error);
  g_assert_no_error (error);
  trellis_classroom_add_node (classroom, playlist, NULL, TRELLIS_NODE_KIND_ACTIVITY, "-1", -1, &error);
  g_assert_no_error (error);
  trellis_classroom_exec (classroom,
                          "UPDATE learners SET name = '-3' WHERE sis_id = 'S25-0101';"
                          "UPDATE learners SET name = '-0.5' WHERE sis_id = 'S25-0104';"
                          "UPDATE learners SET name = '-2+3' WHERE sis_id = 'S25-0109';"
                          "UPDATE learners SET name = '=HYPERLINK(\"http://x/\",\"a\")' WHERE sis_id = 'S25-0097';",
                          &error);
  g_assert_no_error (error);
  g_clear_object (&classroom);

  trellis_test_result_run_cli (&result, NULL, "export-csv", fixture->path, "--report", "progress",
                               "--output", output, NULL);
  g_assert_cmpstr (result.err, ==, "");
  g_assert_cmpint (result.status, ==, 0);
  g_assert_true (g_file_get_contents (output, &csv, NULL, NULL));

  g_assert_nonnull (strstr (csv, "\r\n-3,Unit,-1,activity,not_started,"));
  g_assert_nonnull (strstr (csv, "\r\n-0.5,Unit,-1,activity,not_started,"));
  g_assert_nonnull (strstr (csv, "\r\n'-2+3,Unit,-1,activity,not_started,"));
  g_assert_nonnull (strstr (csv, "\r\n\"'=HYPERLINK(\"\"http://x/\"\",\"\"a\"\")\",Unit,-1,"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (sample_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/cli-exchange/import/%s/%s", sample_cases[i].format,
                                               sample_cases[i].input);
      g_test_add (path, Fixture, &sample_cases[i], fixture_set_up, test_import_sample, trellis_test_fixture_tear_down);
    }
  g_test_add ("/cli-exchange/reimport", Fixture, NULL, fixture_set_up, test_reimport, trellis_test_fixture_tear_down);
  g_test_add ("/cli-exchange/create-learners", Fixture, &no_learners,
              fixture_set_up, test_create_learners, trellis_test_fixture_tear_down);
  g_test_add ("/cli-exchange/class", Fixture, NULL, fixture_set_up, test_class, trellis_test_fixture_tear_down);
  g_test_add ("/cli-exchange/malformed", Fixture, NULL, fixture_set_up, test_malformed, trellis_test_fixture_tear_down);
  g_test_add ("/cli-exchange/export-csv", Fixture, NULL, fixture_set_up, test_export_csv, trellis_test_fixture_tear_down);

  return g_test_run ();
}

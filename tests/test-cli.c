/* test-cli.c
 *
 * Copyright 2026 The Trellis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>
#include <sys/stat.h>

#include "trellis-test-utils.h"

/* Tests of trellis-cli through its real binary ($TRELLIS_CLI). */

typedef TrellisTestFixture Fixture;

/* Where the tests start trellis-cli; NULL: the test's own directory. */
static const char *run_directory;

static JsonNode *
parse_json (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

static void
test_help (Fixture       *fixture,
           gconstpointer  data)
{
  static const char * const commands[] = { "create", "info", "list", "show", "mastery" };
  g_auto(TrellisTestResult) result = { 0 };

  trellis_test_result_run_cli (&result, run_directory, "--help", NULL);
  g_assert_cmpint (result.status, ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    g_assert_nonnull (strstr (result.out, commands[i]));

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_auto(TrellisTestResult) sub = { 0 };

      trellis_test_result_run_cli (&sub, run_directory, commands[i], "--help", NULL);
      g_assert_cmpint (sub.status, ==, 0);
      g_assert_nonnull (strstr (sub.out, commands[i]));
    }
}

static void
test_create_and_info (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *file = trellis_test_fixture_file (fixture, "room.trellis");
  g_auto(TrellisTestResult) created = { 0 };
  g_auto(TrellisTestResult) info = { 0 };
  g_auto(TrellisTestResult) text = { 0 };
  g_auto(TrellisTestResult) again = { 0 };
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object;
  GStatBuf st;

  trellis_test_result_run_cli (&created, run_directory, "create", file, "--name", "Room 12", NULL);
  g_assert_cmpint (created.status, ==, 0);
  g_assert_cmpint (g_stat (file, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  trellis_test_result_run_cli (&info, run_directory, "info", file, "--json", NULL);
  g_assert_cmpint (info.status, ==, 0);
  root = parse_json (info.out);
  object = json_node_get_object (root);
  g_assert_cmpstr (json_object_get_string_member (object, "name"), ==, "Room 12");
  g_assert_cmpint (json_object_get_int_member (object, "format_version"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (object, "learners"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (object, "playlists"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (object, "skills"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (object, "evidence"), ==, 0);
  g_assert_cmpstr (json_object_get_string_member (object, "integrity"), ==, "ok");

  trellis_test_result_run_cli (&text, run_directory, "info", file, NULL);
  g_assert_cmpint (text.status, ==, 0);
  g_assert_nonnull (strstr (text.out, "format_version: 1\n"));
  g_assert_nonnull (strstr (text.out, "integrity: ok\n"));

  /* Never overwrite. */
  trellis_test_result_run_cli (&again, run_directory, "create", file, NULL);
  trellis_test_assert_cli_error (again.status, again.out, again.err, NULL);
  g_assert_cmpint (again.status, ==, 1);
}

static void
test_sample (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *first = trellis_test_fixture_file (fixture, "first.trellis");
  g_autofree char *second = trellis_test_fixture_file (fixture, "second.trellis");
  g_auto(TrellisTestResult) info = { 0 };
  g_auto(TrellisTestResult) list = { 0 };
  g_autoptr(JsonNode) info_root = NULL;
  g_autoptr(JsonNode) list_root = NULL;
  JsonObject *counts;
  JsonArray *learners;

  {
    g_auto(TrellisTestResult) a = { 0 };
    g_auto(TrellisTestResult) b = { 0 };

    trellis_test_result_run_cli (&a, run_directory, "create", first, "--sample", NULL);
    g_assert_cmpint (a.status, ==, 0);
    trellis_test_result_run_cli (&b, run_directory, "create", second, "--sample", NULL);
    g_assert_cmpint (b.status, ==, 0);
  }

  trellis_test_result_run_cli (&info, run_directory, "info", first, "--json", NULL);
  g_assert_cmpint (info.status, ==, 0);
  info_root = parse_json (info.out);
  counts = json_node_get_object (info_root);
  g_assert_cmpint (json_object_get_int_member (counts, "learners"), ==, 24);
  g_assert_cmpint (json_object_get_int_member (counts, "playlists"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (counts, "skills"), >=, 8);
  g_assert_cmpint (json_object_get_int_member (counts, "evidence"), >, 300);
  g_assert_cmpstr (json_object_get_string_member (counts, "integrity"), ==, "ok");

  trellis_test_result_run_cli (&list, run_directory, "list", first, "learners", "--json", NULL);
  g_assert_cmpint (list.status, ==, 0);
  list_root = parse_json (list.out);
  learners = json_node_get_array (list_root);
  g_assert_cmpuint (json_array_get_length (learners), ==, 24);

  /* Deterministic: every learner's whole record is the same in both files. */
  for (guint i = 0; i < json_array_get_length (learners); i++)
    {
      JsonObject *learner = json_array_get_object_element (learners, i);
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, json_object_get_int_member (learner, "id"));
      g_auto(TrellisTestResult) a = { 0 };
      g_auto(TrellisTestResult) b = { 0 };
      g_autoptr(JsonNode) record = NULL;
      JsonObject *object;

      trellis_test_result_run_cli (&a, run_directory, "show", first, "learner", id, "--json", NULL);
      trellis_test_result_run_cli (&b, run_directory, "show", second, "learner", id, "--json", NULL);
      g_assert_cmpint (a.status, ==, 0);
      g_assert_cmpint (b.status, ==, 0);
      g_assert_cmpstr (a.out, ==, b.out);

      record = parse_json (a.out);
      object = json_node_get_object (record);
      g_assert_cmpstr (json_object_get_string_member (object, "name"), ==,
                       json_object_get_string_member (learner, "name"));
      g_assert_true (json_object_has_member (object, "profile"));
      g_assert_true (json_object_has_member (object, "goals"));
      g_assert_true (json_object_has_member (object, "reflections"));
      g_assert_true (json_object_has_member (object, "conferences"));
      g_assert_true (json_object_has_member (object, "evidence"));
    }

  /* Playlists and skills, by name and by id. */
  {
    g_auto(TrellisTestResult) playlists = { 0 };
    g_autoptr(JsonNode) root = NULL;
    JsonArray *array;

    trellis_test_result_run_cli (&playlists, run_directory, "list", first, "playlists", "--json", NULL);
    g_assert_cmpint (playlists.status, ==, 0);
    root = parse_json (playlists.out);
    array = json_node_get_array (root);
    g_assert_cmpuint (json_array_get_length (array), ==, 2);

    for (guint i = 0; i < json_array_get_length (array); i++)
      {
        JsonObject *playlist = json_array_get_object_element (array, i);
        g_auto(TrellisTestResult) by_title = { 0 };
        g_auto(TrellisTestResult) by_id = { 0 };
        g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, json_object_get_int_member (playlist, "id"));
        g_autoptr(JsonNode) shown = NULL;
        JsonArray *nodes;

        trellis_test_result_run_cli (&by_title, run_directory, "show", first, "playlist",
                                     json_object_get_string_member (playlist, "title"), "--json", NULL);
        trellis_test_result_run_cli (&by_id, run_directory, "show", first, "playlist", id, "--json", NULL);
        g_assert_cmpint (by_title.status, ==, 0);
        g_assert_cmpstr (by_title.out, ==, by_id.out);
        shown = parse_json (by_title.out);
        nodes = json_object_get_array_member (json_node_get_object (shown), "nodes");
        g_assert_cmpuint (json_array_get_length (nodes), >, 0);
      }
  }

  {
    g_auto(TrellisTestResult) skills = { 0 };
    g_autoptr(JsonNode) root = NULL;
    JsonObject *skill;
    g_auto(TrellisTestResult) shown = { 0 };

    trellis_test_result_run_cli (&skills, run_directory, "list", first, "skills", "--json", NULL);
    g_assert_cmpint (skills.status, ==, 0);
    root = parse_json (skills.out);
    skill = json_array_get_object_element (json_node_get_array (root), 0);
    trellis_test_result_run_cli (&shown, run_directory, "show", first, "skill",
                                 json_object_get_string_member (skill, "code"), "--json", NULL);
    g_assert_cmpint (shown.status, ==, 0);
    g_assert_nonnull (strstr (shown.out, json_object_get_string_member (skill, "code")));
  }
}

typedef struct
{
  const char *name;
  const char *args[6];
  int         status;
  const char *message;
} ErrorCase;

/* "@" stands for a classroom file, "%" for a text file, "!" for a missing one. */
static const ErrorCase error_cases[] = {
  { "no-command", { NULL }, 2, NULL },
  { "unknown-command", { "frobnicate", NULL }, 2, "Unknown command" },
  { "create-no-file", { "create", NULL }, 2, NULL },
  { "create-bad-flag", { "create", "!", "--colour", NULL }, 2, NULL },
  { "create-learners-without-sample", { "create", "!", "--learners", "30", NULL }, 2, "--sample" },
  { "info-missing", { "info", "!", NULL }, 1, "No such file" },
  { "info-text", { "info", "%", NULL }, 1, "not a classroom" },
  { "list-what", { "list", "@", "goats", NULL }, 2, "goats" },
  { "show-what", { "show", "@", "goat", "1", "--json", NULL }, 2, "goat" },
  { "show-unknown-learner", { "show", "@", "learner", "Nobody Here", "--json", NULL }, 1, "Nobody Here" },
  { "show-unknown-playlist", { "show", "@", "playlist", "999", "--json", NULL }, 1, "999" },
  { "show-unknown-skill", { "show", "@", "skill", "NO.SUCH.CODE", "--json", NULL }, 1, "NO.SUCH.CODE" },
};

static void
test_errors (Fixture       *fixture,
             gconstpointer  data)
{
  const ErrorCase *error_case = data;
  g_autofree char *classroom = trellis_test_fixture_file (fixture, "room.trellis");
  g_autofree char *text = trellis_test_fixture_file (fixture, "notes.txt");
  g_autofree char *missing = trellis_test_fixture_file (fixture, "missing.trellis");
  g_auto(TrellisTestResult) created = { 0 };
  g_auto(TrellisTestResult) result = { 0 };
  const char *args[6] = { NULL };

  trellis_test_result_run_cli (&created, run_directory, "create", classroom, NULL);
  g_assert_cmpint (created.status, ==, 0);
  g_assert_true (g_file_set_contents (text, "Just some notes about the field trip.\n", -1, NULL));

  for (guint i = 0; i < G_N_ELEMENTS (args) - 1 && error_case->args[i] != NULL; i++)
    {
      const char *arg = error_case->args[i];

      args[i] = g_str_equal (arg, "@") ? classroom
              : g_str_equal (arg, "%") ? text
              : g_str_equal (arg, "!") ? missing
              : arg;
    }

  trellis_test_result_run_cli (&result, run_directory, args[0], args[1], args[2], args[3], args[4], args[5], NULL);

  if (error_case->args[0] == NULL)
    {
      /* No command at all: the usage goes to stderr. */
      g_assert_cmpint (result.status, ==, 2);
      g_assert_nonnull (strstr (result.err, "Usage"));
      return;
    }

  trellis_test_assert_cli_error (result.status, result.out, result.err, NULL);
  g_assert_cmpint (result.status, ==, error_case->status);
  if (error_case->message != NULL)
    g_assert_nonnull (strstr (result.err, error_case->message));
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
}

static void
test_relative_path (Fixture       *fixture,
                    gconstpointer  data)
{
  g_auto(TrellisTestResult) created = { 0 };
  g_auto(TrellisTestResult) info = { 0 };

  /* Scripts name files relative to where they run. */
  run_directory = fixture->dir;
  trellis_test_result_run_cli (&created, run_directory, "create", "relative.trellis", NULL);
  trellis_test_result_run_cli (&info, run_directory, "info", "relative.trellis", "--json", NULL);
  run_directory = NULL;

  g_assert_cmpint (created.status, ==, 0);
  g_assert_cmpint (info.status, ==, 0);
  g_assert_nonnull (strstr (info.out, "\"integrity\" : \"ok\""));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/cli/relative-path", Fixture, NULL,
              trellis_test_fixture_set_up, test_relative_path, trellis_test_fixture_tear_down);
  g_test_add ("/cli/help", Fixture, NULL, trellis_test_fixture_set_up, test_help, trellis_test_fixture_tear_down);
  g_test_add ("/cli/create-and-info", Fixture, NULL,
              trellis_test_fixture_set_up, test_create_and_info, trellis_test_fixture_tear_down);
  g_test_add ("/cli/sample", Fixture, NULL, trellis_test_fixture_set_up, test_sample, trellis_test_fixture_tear_down);
  for (guint i = 0; i < G_N_ELEMENTS (error_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/cli/errors/%s", error_cases[i].name);
      g_test_add (path, Fixture, &error_cases[i],
                  trellis_test_fixture_set_up, test_errors, trellis_test_fixture_tear_down);
    }

  return g_test_run ();
}

/* test-cli-recommend.c
 *
 * Copyright 2026 The Trellis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* `trellis-cli recommend FILE [--json]` through the real binary ($TRELLIS_CLI). */

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>
#include <sys/wait.h>

#include "trellis-classroom.h"
#include "trellis-sample.h"

typedef struct
{
  char *dir;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("trellis-cli-recommend-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (f->dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (f->dir, name, NULL);

      g_remove (path);
    }
  g_rmdir (f->dir);
  g_free (f->dir);
}

static char *
path_in (Fixture    *f,
         const char *name)
{
  return g_build_filename (f->dir, name, NULL);
}

/* Runs trellis-cli with the given arguments (NULL-terminated). */
static int
run_cli (char      **out,
         char      **err,
         const char *first,
         ...)
{
  const char *cli = g_getenv ("TRELLIS_CLI");
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  int status = -1;
  va_list args;

  if (cli == NULL)
    cli = "trellis-cli";
  g_ptr_array_add (argv, (gpointer) cli);
  va_start (args, first);
  for (const char *a = first; a != NULL; a = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) a);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                out, err, &status, &error);
  g_assert_no_error (error);

  if (g_spawn_check_wait_status (status, NULL))
    return 0;
  return WIFEXITED (status) ? WEXITSTATUS (status) : 255;
}

static void
assert_one_line_error (const char *err)
{
  g_assert_true (g_str_has_prefix (err, "trellis-cli: "));
  g_assert_nonnull (strchr (err, '\n'));
  g_assert_cmpstr (strchr (err, '\n') + 1, ==, "");
}

static void
test_json (Fixture       *f,
           gconstpointer  data)
{
  static const char * const kinds[] = {
    "needs_help", "small_group", "behind_milestone", "ready_for_more", "peer_pair",
    "conference_due", "profile_stale", "goal_overdue", "equity",
  };
  g_autofree char *path = path_in (f, "sample.trellis");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  JsonArray *array;

  g_assert_cmpint (run_cli (NULL, NULL, "create", path, "--sample", NULL), ==, 0);
  g_assert_cmpint (run_cli (&out, &err, "recommend", path, "--json", NULL), ==, 0);
  g_assert_cmpstr (err, ==, "");

  json_parser_load_from_data (parser, out, -1, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (json_parser_get_root (parser)));
  array = json_node_get_array (json_parser_get_root (parser));
  g_assert_cmpuint (json_array_get_length (array), >, 10);

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *s = json_array_get_object_element (array, i);
      JsonNode *skill = json_object_get_member (s, "skill");
      JsonNode *node = json_object_get_member (s, "node");
      double confidence;

      g_assert_true (json_object_has_member (s, "kind"));
      g_assert_true (json_object_has_member (s, "key"));
      g_assert_true (json_object_has_member (s, "reason"));
      g_assert_true (json_object_has_member (s, "evidence_hash"));
      g_assert_true (JSON_NODE_HOLDS_ARRAY (json_object_get_member (s, "learners")));
      g_assert_true (JSON_NODE_HOLDS_OBJECT (json_object_get_member (s, "evidence")));
      g_assert_true (skill != NULL && (JSON_NODE_HOLDS_NULL (skill) || JSON_NODE_HOLDS_OBJECT (skill)));
      g_assert_true (node != NULL && (JSON_NODE_HOLDS_NULL (node) || JSON_NODE_HOLDS_OBJECT (node)));
      if (JSON_NODE_HOLDS_OBJECT (skill))
        g_assert_true (json_object_has_member (json_node_get_object (skill), "code"));
      if (JSON_NODE_HOLDS_OBJECT (node))
        g_assert_true (json_object_has_member (json_node_get_object (node), "title"));
      confidence = json_object_get_double_member (s, "confidence");
      g_assert_cmpfloat (confidence, >=, 0.0);
      g_assert_cmpfloat (confidence, <=, 1.0);
      g_assert_cmpuint (strlen (json_object_get_string_member (s, "reason")), >, 10);
      for (guint j = 0; j < json_array_get_length (json_object_get_array_member (s, "learners")); j++)
        {
          JsonObject *l = json_array_get_object_element (json_object_get_array_member (s, "learners"), j);

          g_assert_cmpint (json_object_get_int_member (l, "id"), >, 0);
          g_assert_nonnull (json_object_get_string_member (l, "name"));
        }
      g_hash_table_add (seen, (gpointer) json_object_get_string_member (s, "kind"));
    }

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    if (!g_hash_table_contains (seen, kinds[k]))
      g_error ("no %s suggestion in the sample", kinds[k]);
}

static void
test_plain (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *path = path_in (f, "sample.trellis");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (run_cli (NULL, NULL, "create", path, "--sample", NULL), ==, 0);
  g_assert_cmpint (run_cli (&out, &err, "recommend", path, NULL), ==, 0);
  g_assert_cmpstr (err, ==, "");
  /* Headings by kind, most urgent kind first. */
  g_assert_true (g_str_has_prefix (out, "Behind a milestone ("));
  g_assert_nonnull (strstr (out, "\nSmall group ("));
  g_assert_nonnull (strstr (out, "\n  • "));
  g_assert_nonnull (strstr (out, "[confidence "));
}

static void
test_empty (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *path = path_in (f, "empty.trellis");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (run_cli (NULL, NULL, "create", path, NULL), ==, 0);
  g_assert_cmpint (run_cli (&out, &err, "recommend", path, "--json", NULL), ==, 0);
  g_assert_cmpstr (g_strstrip (out), ==, "[]");
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run_cli (&out, NULL, "recommend", path, NULL), ==, 0);
  g_assert_cmpstr (out, ==, "No suggestions.\n");
}

static void
test_bad_input (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *missing = path_in (f, "missing.trellis");
  g_autofree char *text = path_in (f, "notes.trellis");
  g_autofree char *err = NULL;
  g_autofree char *out = NULL;

  g_assert_cmpint (run_cli (&out, &err, "recommend", missing, "--json", NULL), !=, 0);
  g_assert_cmpstr (out, ==, "");
  assert_one_line_error (err);
  g_clear_pointer (&err, g_free);
  g_clear_pointer (&out, g_free);

  g_assert_true (g_file_set_contents (text, "not a classroom, just some notes\n", -1, NULL));
  g_assert_cmpint (run_cli (&out, &err, "recommend", text, "--json", NULL), !=, 0);
  g_assert_cmpstr (out, ==, "");
  assert_one_line_error (err);
  g_clear_pointer (&err, g_free);
  g_clear_pointer (&out, g_free);

  /* Usage mistakes exit 2. */
  g_assert_cmpint (run_cli (&out, &err, "recommend", NULL), ==, 2);
  assert_one_line_error (err);
  g_clear_pointer (&err, g_free);
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run_cli (&out, &err, "recommend", text, "--bogus", NULL), ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/cli/recommend/json", Fixture, NULL, fixture_setup, test_json, fixture_teardown);
  g_test_add ("/cli/recommend/plain", Fixture, NULL, fixture_setup, test_plain, fixture_teardown);
  g_test_add ("/cli/recommend/empty", Fixture, NULL, fixture_setup, test_empty, fixture_teardown);
  g_test_add ("/cli/recommend/bad-input", Fixture, NULL, fixture_setup, test_bad_input, fixture_teardown);

  return g_test_run ();
}

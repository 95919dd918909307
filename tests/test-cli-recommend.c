/* test-cli-recommend.c
 *
 * Copyright 2026 The Trellis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* `trellis-cli recommend FILE [--json]` through the real binary ($TRELLIS_CLI). */

#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "trellis-classroom.h"
#include "trellis-sample.h"
#include "trellis-test-utils.h"

typedef TrellisTestFixture Fixture;

static void
test_json (Fixture       *f,
           gconstpointer  data)
{
  static const char * const kinds[] = {
    "needs_help", "small_group", "behind_milestone", "ready_for_more", "peer_pair",
    "conference_due", "profile_stale", "goal_overdue", "equity",
  };
  g_autofree char *path = trellis_test_fixture_file (f, "sample.trellis");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  JsonArray *array;

  g_assert_cmpint (trellis_test_run_cli (NULL, NULL, NULL, "create", path, "--sample", NULL), ==, 0);
  g_assert_cmpint (trellis_test_run_cli (NULL, &out, &err, "recommend", path, "--json", NULL), ==, 0);
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
  g_autofree char *path = trellis_test_fixture_file (f, "sample.trellis");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (trellis_test_run_cli (NULL, NULL, NULL, "create", path, "--sample", NULL), ==, 0);
  g_assert_cmpint (trellis_test_run_cli (NULL, &out, &err, "recommend", path, NULL), ==, 0);
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
  g_autofree char *path = trellis_test_fixture_file (f, "empty.trellis");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (trellis_test_run_cli (NULL, NULL, NULL, "create", path, NULL), ==, 0);
  g_assert_cmpint (trellis_test_run_cli (NULL, &out, &err, "recommend", path, "--json", NULL), ==, 0);
  g_assert_cmpstr (g_strstrip (out), ==, "[]");
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (trellis_test_run_cli (NULL, &out, NULL, "recommend", path, NULL), ==, 0);
  g_assert_cmpstr (out, ==, "No suggestions.\n");
}

static void
test_bad_input (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *missing = trellis_test_fixture_file (f, "missing.trellis");
  g_autofree char *text = trellis_test_fixture_file (f, "notes.trellis");
  g_autofree char *err = NULL;
  g_autofree char *out = NULL;

  g_assert_cmpint (trellis_test_run_cli (NULL, &out, &err, "recommend", missing, "--json", NULL), !=, 0);
  g_assert_cmpstr (out, ==, "");
  trellis_test_assert_one_line (err);
  g_clear_pointer (&err, g_free);
  g_clear_pointer (&out, g_free);

  g_assert_true (g_file_set_contents (text, "not a classroom, just some notes\n", -1, NULL));
  g_assert_cmpint (trellis_test_run_cli (NULL, &out, &err, "recommend", text, "--json", NULL), !=, 0);
  g_assert_cmpstr (out, ==, "");
  trellis_test_assert_one_line (err);
  g_clear_pointer (&err, g_free);
  g_clear_pointer (&out, g_free);

  /* Usage mistakes exit 2. */
  g_assert_cmpint (trellis_test_run_cli (NULL, &out, &err, "recommend", NULL), ==, 2);
  trellis_test_assert_one_line (err);
  g_clear_pointer (&err, g_free);
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (trellis_test_run_cli (NULL, &out, &err, "recommend", text, "--bogus", NULL), ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/cli/recommend/json", Fixture, NULL,
              trellis_test_fixture_set_up, test_json, trellis_test_fixture_tear_down);
  g_test_add ("/cli/recommend/plain", Fixture, NULL,
              trellis_test_fixture_set_up, test_plain, trellis_test_fixture_tear_down);
  g_test_add ("/cli/recommend/empty", Fixture, NULL,
              trellis_test_fixture_set_up, test_empty, trellis_test_fixture_tear_down);
  g_test_add ("/cli/recommend/bad-input", Fixture, NULL,
              trellis_test_fixture_set_up, test_bad_input, trellis_test_fixture_tear_down);

  return g_test_run ();
}

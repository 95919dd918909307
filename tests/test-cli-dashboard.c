/* test-cli-dashboard.c
 *
 * Copyright 2026 The Trellis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* `trellis-cli dashboard` through the real binary ($TRELLIS_CLI). */

#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "trellis-test-utils.h"

typedef struct
{
  char *dir;
  char *sample;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  f->dir = trellis_test_make_tmp_dir ("trellis-cli-dashboard-XXXXXX");
  f->sample = g_build_filename (f->dir, "sample.trellis", NULL);
  g_assert_cmpint (trellis_test_run_cli (NULL, &out, &err, "create", f->sample, "--sample", NULL), ==, 0);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  trellis_test_remove_tree (f->dir);
  g_free (f->sample);
  g_free (f->dir);
}

static JsonObject *
parse_object (const char *text,
              JsonParser *parser)
{
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));
  return json_node_get_object (json_parser_get_root (parser));
}

static void
assert_members (JsonObject         *object,
                const char * const *keys)
{
  for (guint i = 0; keys[i] != NULL; i++)
    if (!json_object_has_member (object, keys[i]))
      g_error ("JSON key “%s” missing", keys[i]);
}

static void
test_json (Fixture       *f,
           gconstpointer  data)
{
  static const char * const top_keys[] = {
    "range", "pseudonymized", "learners", "thresholds", "progress", "pathways", "agency", "goals", NULL
  };
  static const char * const range_keys[] = { "kind", "playlist_id", "starts_on", "ends_on", "as_of", "caption", NULL };
  static const char * const skill_keys[] = { "id", "code", "name", "mastery", "rollup", "caption", "rollup_caption", NULL };
  static const char * const level_keys[] = { "none", "not_yet", "developing", "mastered", NULL };
  static const char * const strip_keys[] = { "learner_id", "name", "mastery", "rollup", "p_known", NULL };
  static const char * const playlist_keys[] = {
    "id", "title", "starts_on", "ends_on", "milestones", "milestones_due", "on_track", "behind", "ahead",
    "next_milestone", "caption", "checkin_caption", NULL
  };
  static const char * const survey_keys[] = {
    "id", "title", "scale_max", "items", "administrations", "changes", "rose", "fell", "unchanged", "caption", NULL
  };
  static const char * const admin_keys[] = { "id", "administered_on", "respondents", "mean", "item_means", NULL };
  static const char * const goal_keys[] = {
    "learners", "with_active_goal", "active_goal_share", "goals_set", "goals_met", "goals_revised",
    "conferences_held", "learners_conferenced", "conferences_expected", "cadence_days", "learners_due",
    "reflections", "learners_reflecting", "goals_caption", "conferences_caption", "reflections_caption", NULL
  };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  JsonObject *root, *progress, *pathways, *agency, *goals;
  JsonArray *skills, *strips, *playlists, *surveys, *admins;

  g_assert_cmpint (trellis_test_run_cli (NULL, &out, &err, "dashboard", f->sample, "--json", NULL), ==, 0);
  g_assert_cmpstr (err, ==, "");
  root = parse_object (out, parser);
  assert_members (root, top_keys);
  assert_members (json_object_get_object_member (root, "range"), range_keys);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (root, "range"), "kind"), ==, "term");
  g_assert_cmpint (json_object_get_int_member (root, "learners"), ==, 24);

  progress = json_object_get_object_member (root, "progress");
  skills = json_object_get_array_member (progress, "skills");
  g_assert_cmpuint (json_array_get_length (skills), >, 0);
  for (guint i = 0; i < json_array_get_length (skills); i++)
    {
      JsonObject *skill = json_array_get_object_element (skills, i);
      JsonObject *mastery = json_object_get_object_member (skill, "mastery");
      gint64 total = 0;

      assert_members (skill, skill_keys);
      assert_members (mastery, level_keys);
      assert_members (json_object_get_object_member (skill, "rollup"), level_keys);
      for (guint l = 0; level_keys[l] != NULL; l++)
        total += json_object_get_int_member (mastery, level_keys[l]);
      g_assert_cmpint (total, ==, 24);
    }
  strips = json_object_get_array_member (progress, "strips");
  g_assert_cmpuint (json_array_get_length (strips), ==, 24);
  assert_members (json_array_get_object_element (strips, 0), strip_keys);
  g_assert_cmpuint (strlen (json_object_get_string_member (json_array_get_object_element (strips, 0), "mastery")),
                    ==, json_array_get_length (skills));

  pathways = json_object_get_object_member (root, "pathways");
  playlists = json_object_get_array_member (pathways, "playlists");
  g_assert_cmpuint (json_array_get_length (playlists), ==, 2);
  for (guint i = 0; i < json_array_get_length (playlists); i++)
    {
      JsonObject *p = json_array_get_object_element (playlists, i);

      assert_members (p, playlist_keys);
      g_assert_cmpint (json_object_get_int_member (p, "on_track") + json_object_get_int_member (p, "behind") +
                       json_object_get_int_member (p, "ahead"), ==, 24);
    }

  agency = json_object_get_object_member (root, "agency");
  g_assert_true (json_object_has_member (agency, "caption"));
  surveys = json_object_get_array_member (agency, "surveys");
  g_assert_cmpuint (json_array_get_length (surveys), >, 0);
  assert_members (json_array_get_object_element (surveys, 0), survey_keys);
  admins = json_object_get_array_member (json_array_get_object_element (surveys, 0), "administrations");
  g_assert_cmpuint (json_array_get_length (admins), ==, 2);
  assert_members (json_array_get_object_element (admins, 0), admin_keys);

  goals = json_object_get_object_member (root, "goals");
  assert_members (goals, goal_keys);
  g_assert_cmpint (json_object_get_int_member (goals, "learners"), ==, 24);
}

static void
test_options (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *plain = NULL;
  JsonObject *root;
  JsonObject *strip;

  g_assert_cmpint (trellis_test_run_cli (NULL, &out, &err, "dashboard", f->sample, "--json", "--range", "unit",
                                         "--pseudonymize", NULL), ==, 0);
  root = parse_object (out, parser);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (root, "range"), "kind"), ==, "unit");
  g_assert_true (json_object_get_boolean_member (root, "pseudonymized"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (json_object_get_object_member (root, "pathways"), "playlists")), ==, 1);
  strip = json_array_get_object_element (json_object_get_array_member (json_object_get_object_member (root, "progress"), "strips"), 0);
  g_assert_false (json_object_has_member (strip, "learner_id"));

  /* Plain output: the section headings and captions. */
  g_assert_cmpint (trellis_test_run_cli (NULL, &plain, NULL, "dashboard", f->sample, NULL), ==, 0);
  g_assert_nonnull (strstr (plain, "Academic progress"));
  g_assert_nonnull (strstr (plain, "on track for"));
  g_assert_nonnull (strstr (plain, "Class mean"));
  g_assert_nonnull (strstr (plain, "have an active goal"));
}

static void
test_errors (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *bad = g_build_filename (f->dir, "bad.trellis", NULL);
  g_autofree char *missing = g_build_filename (f->dir, "missing.trellis", NULL);
  struct { const char *args[5]; int status; } cases[] = {
    { { "dashboard", bad, NULL }, 1 },
    { { "dashboard", missing, "--json", NULL }, 1 },
    { { "dashboard", f->sample, "--range", "week", NULL }, 2 },
    { { "dashboard", f->sample, "--playlist", "No such unit", NULL }, 1 },
    { { "dashboard", f->sample, "--since", "yesterday", NULL }, 1 },
    { { "dashboard", NULL }, 2 },
  };

  g_assert_true (g_file_set_contents (bad, "this is not a classroom\n", -1, NULL));

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;
      int status = trellis_test_run_cli (NULL, &out, &err, cases[i].args[0], cases[i].args[1], cases[i].args[2],
                                         cases[i].args[3], NULL);

      g_test_message ("case %u: %s", i, err);
      g_assert_cmpint (status, ==, cases[i].status);
      trellis_test_assert_cli_error (status, out, err, NULL);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/cli/dashboard/json", Fixture, NULL, fixture_setup, test_json, fixture_teardown);
  g_test_add ("/cli/dashboard/options", Fixture, NULL, fixture_setup, test_options, fixture_teardown);
  g_test_add ("/cli/dashboard/errors", Fixture, NULL, fixture_setup, test_errors, fixture_teardown);

  return g_test_run ();
}

/* test-cli-mastery.c
 *
 * Copyright 2026 The Trellis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* `trellis-cli mastery …` through the real binary ($TRELLIS_CLI). */

#include "config.h"

#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "trellis-test-utils.h"

typedef TrellisTestFixture Fixture;

/* A small BKT-simulated class: 2 skills × 80 learners × 8 answers. */
static char *
simulated_csv (guint32 seed)
{
  const double prior[2] = { 0.3, 0.5 }, learn[2] = { 0.2, 0.1 };
  const double guess[2] = { 0.15, 0.25 }, slip[2] = { 0.1, 0.05 };
  GString *s = g_string_new ("user_id,skill_name,correct,extra\n");
  GRand *rand = g_rand_new_with_seed (seed);

  for (guint l = 0; l < 80; l++)
    for (guint k = 0; k < 2; k++)
      {
        gboolean known = g_rand_double (rand) < prior[k];

        for (guint t = 0; t < 8; t++)
          {
            gboolean right = known ? g_rand_double (rand) >= slip[k] : g_rand_double (rand) < guess[k];

            g_string_append_printf (s, "learner %u,%s,%d,x\n", l,
                                    k == 0 ? "\"Ratios, rates\"" : "Fractions", right);
            known = known || g_rand_double (rand) < learn[k];
          }
      }
  g_rand_free (rand);
  return g_string_free (s, FALSE);
}

static JsonObject *
load_json (JsonParser *parser,
           const char *path)
{
  g_autoptr(GError) error = NULL;

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));
  return json_node_get_object (json_parser_get_root (parser));
}

static void
assert_skill_params (JsonObject *skill)
{
  const char *names[] = { "prior", "learn", "guess", "slip", "forget" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      double v = json_object_get_double_member (skill, names[i]);

      g_assert_true (json_object_has_member (skill, names[i]));
      g_assert_true (isfinite (v));
      g_assert_cmpfloat (v, >=, 0.0);
      g_assert_cmpfloat (v, <=, 1.0);
    }
}

static void
test_round_trip (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *csv = simulated_csv (1);
  g_autofree char *input = trellis_test_fixture_file (f, "log.csv");
  g_autofree char *params = trellis_test_fixture_file (f, "params.json");
  g_autofree char *pred = trellis_test_fixture_file (f, "pred.csv");
  g_autofree char *test_input = trellis_test_fixture_file (f, "test.csv");
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  JsonObject *root, *skills;

  trellis_test_write_bytes (input, csv, -1);
  g_assert_cmpint (trellis_test_run_cli (NULL, &out, &err, "mastery", "fit", input, "--output", params, NULL), ==, 0);
  g_assert_cmpstr (err, ==, "");

  root = load_json (parser, params);
  g_assert_cmpstr (json_object_get_string_member (root, "model"), ==, "best");
  skills = json_object_get_object_member (root, "skills");
  g_assert_cmpuint (json_object_get_size (skills), ==, 2);
  assert_skill_params (json_object_get_object_member (skills, "Ratios, rates"));
  assert_skill_params (json_object_get_object_member (skills, "Fractions"));
  assert_skill_params (json_object_get_object_member (root, "pooled"));

  /* predict on rows with a skill the fit never saw */
  trellis_test_write_bytes (test_input,
                            "user_id,skill_name,correct\n"
                            "new,Fractions,1\n"
                            "new,Fractions,0\n"
                            "new,Geometry,1\n"
                            "other,\"Ratios, rates\",1\n"
                            "new,Geometry,1\n",
                            -1);
  g_clear_pointer (&err, g_free);
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (trellis_test_run_cli (NULL, &out, &err, "mastery", "predict", params, test_input,
                                         "--output", pred, NULL), ==, 0);
  g_assert_cmpstr (err, ==, "");

  g_file_get_contents (pred, &text, NULL, NULL);
  g_assert_nonnull (text);
  lines = g_strsplit (text, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 7);   /* header, 5 rows, "" */
  g_assert_cmpstr (lines[0], ==, "p_correct");
  g_assert_cmpstr (lines[6], ==, "");
  for (guint i = 1; i <= 5; i++)
    {
      char *end = NULL;
      double p = g_ascii_strtod (lines[i], &end);
      guint digits = 0;

      g_assert_true (end != lines[i] && *end == '\0');
      g_assert_cmpfloat (p, >, 0.0);
      g_assert_cmpfloat (p, <, 1.0);
      for (const char *c = lines[i]; *c != '\0' && *c != 'e'; c++)
        if (g_ascii_isdigit (*c) && (digits > 0 || *c != '0'))
          digits++;
      g_assert_cmpuint (digits, >=, 9);
    }
  /* a wrong answer lowers the next prediction on the same skill */
  g_assert_cmpfloat (g_ascii_strtod (lines[3], NULL), !=, g_ascii_strtod (lines[1], NULL));
}

static void
test_same_seed (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *csv = simulated_csv (2);
  g_autofree char *input = trellis_test_fixture_file (f, "log.csv");
  g_autofree char *a = trellis_test_fixture_file (f, "a.json");
  g_autofree char *b = trellis_test_fixture_file (f, "b.json");
  g_autofree char *ta = NULL;
  g_autofree char *tb = NULL;

  trellis_test_write_bytes (input, csv, -1);
  g_assert_cmpint (trellis_test_run_cli (NULL, NULL, NULL, "mastery", "fit", input, "--output", a,
                                         "--seed", "7", "--restarts", "3", NULL), ==, 0);
  g_assert_cmpint (trellis_test_run_cli (NULL, NULL, NULL, "mastery", "fit", input, "--output", b,
                                         "--seed", "7", "--restarts", "3", NULL), ==, 0);
  g_file_get_contents (a, &ta, NULL, NULL);
  g_file_get_contents (b, &tb, NULL, NULL);
  g_assert_nonnull (ta);
  g_assert_cmpstr (ta, ==, tb);
}

static void
test_models (Fixture       *f,
             gconstpointer  data)
{
  const char *models[] = { "bkt", "forgets", "best" };
  g_autofree char *csv = simulated_csv (3);
  g_autofree char *input = trellis_test_fixture_file (f, "log.csv");
  g_autofree char *params = trellis_test_fixture_file (f, "params.json");

  trellis_test_write_bytes (input, csv, -1);
  for (guint i = 0; i < G_N_ELEMENTS (models); i++)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      JsonObject *root, *skill;

      g_assert_cmpint (trellis_test_run_cli (NULL, NULL, NULL, "mastery", "fit", input, "--output", params,
                                             "--model", models[i], NULL), ==, 0);
      root = load_json (parser, params);
      g_assert_cmpstr (json_object_get_string_member (root, "model"), ==, models[i]);
      skill = json_object_get_object_member (json_object_get_object_member (root, "skills"), "Fractions");
      assert_skill_params (skill);
      if (i == 0)
        g_assert_cmpfloat (json_object_get_double_member (skill, "forget"), ==, 0.0);
      g_assert_cmpint (JSON_NODE_HOLDS_NULL (json_object_get_member (root, "layer")), ==, i != 2);
      /* bkt and forgets are the reference models; best adds the class priors */
      g_assert_cmpint (json_object_get_boolean_member (root, "class_priors"), ==, i == 2);
    }
}

typedef struct
{
  const char *name;
  const char *csv;       /* NULL: no file at all */
  const char *expect;    /* substring of the error line */
} BadInput;

static const BadInput bad_inputs[] = {
  { "empty", "", "empty file" },
  { "missing-column", "user_id,correct\nu,1\n", "in.csv:1: header lacks column skill_name" },
  { "bad-correct", "user_id,skill_name,correct\nu,s,1\nu,s,yes\n", "in.csv:3: correct must be 0 or 1" },
  { "short-row", "user_id,skill_name,correct\nu,s,1\nu,s,0\nu,s\n", "in.csv:4: expected at least 3 fields" },
  { "header-only", "user_id,skill_name,correct\n", "no data rows" },
  { "missing-file", NULL, "in.csv" },
};

static void
test_bad_input (Fixture       *f,
                gconstpointer  data)
{
  const BadInput *bad = data;
  g_autofree char *input = trellis_test_fixture_file (f, "in.csv");
  g_autofree char *params = trellis_test_fixture_file (f, "params.json");
  g_autofree char *pred = trellis_test_fixture_file (f, "pred.csv");
  g_autofree char *good = trellis_test_fixture_file (f, "good.csv");
  g_autofree char *csv = simulated_csv (4);
  const char *modes[] = { "fit", "predict" };

  if (bad->csv != NULL)
    trellis_test_write_bytes (input, bad->csv, -1);
  trellis_test_write_bytes (good, csv, -1);
  g_assert_cmpint (trellis_test_run_cli (NULL, NULL, NULL, "mastery", "fit", good, "--output", params, NULL), ==, 0);

  for (guint m = 0; m < G_N_ELEMENTS (modes); m++)
    {
      g_autofree char *err = NULL;
      int status;

      if (m == 0)
        status = trellis_test_run_cli (NULL, NULL, &err, "mastery", "fit", input, "--output", params, NULL);
      else
        status = trellis_test_run_cli (NULL, NULL, &err, "mastery", "predict", params, input, "--output", pred, NULL);
      g_assert_cmpint (status, !=, 0);
      trellis_test_assert_one_line (err);
      if (strstr (err, bad->expect) == NULL)
        g_error ("%s: \"%s\" lacks \"%s\"", modes[m], err, bad->expect);
    }
  g_assert_false (g_file_test (pred, G_FILE_TEST_EXISTS));
}

typedef struct
{
  const char *name;
  const char *args[6];
  const char *expect;
} BadUsage;

static const BadUsage bad_usages[] = {
  { "no-subcommand", { NULL }, "expected fit or predict" },
  { "unknown-subcommand", { "train", NULL }, "unknown command" },
  { "no-output", { "fit", "@good", NULL }, "--output" },
  { "bad-model", { "fit", "@good", "--output", "@params", "--model", "dkt" }, "unknown --model" },
  { "bad-restarts", { "fit", "@good", "--output", "@params", "--restarts", "0" }, "--restarts" },
  { "predict-no-csv", { "predict", "@params", "--output", "@pred", NULL }, "expected PARAMS.json and INPUT.csv" },
  { "predict-bad-json", { "predict", "@good", "@good", "--output", "@pred", NULL }, "good.csv" },
};

static void
test_bad_usage (Fixture       *f,
                gconstpointer  data)
{
  const BadUsage *bad = data;
  g_autofree char *good = trellis_test_fixture_file (f, "good.csv");
  g_autofree char *params = trellis_test_fixture_file (f, "params.json");
  g_autofree char *pred = trellis_test_fixture_file (f, "pred.csv");
  g_autofree char *csv = simulated_csv (5);
  g_autofree char *err = NULL;
  const char *argv[8] = { "mastery", NULL };
  guint n = 1;

  trellis_test_write_bytes (good, csv, -1);
  for (guint i = 0; i < G_N_ELEMENTS (bad->args) && bad->args[i] != NULL; i++)
    {
      const char *a = bad->args[i];

      if (g_str_equal (a, "@good"))
        a = good;
      else if (g_str_equal (a, "@params"))
        a = params;
      else if (g_str_equal (a, "@pred"))
        a = pred;
      argv[n++] = a;
    }
  argv[n] = NULL;

  g_assert_cmpint (trellis_test_run_cli (NULL, NULL, &err, argv[0], argv[1], argv[2], argv[3], argv[4],
                                         argv[5], argv[6], NULL), !=, 0);
  if (strstr (err, bad->expect) == NULL)
    g_error ("\"%s\" lacks \"%s\"", err, bad->expect);
  g_assert_nonnull (strstr (err, "trellis-cli: "));
}

static void
test_help (Fixture       *f,
           gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *out2 = NULL;

  g_assert_cmpint (trellis_test_run_cli (NULL, &out, NULL, "mastery", "--help", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "mastery fit INPUT.csv --output PARAMS.json"));
  g_assert_nonnull (strstr (out, "mastery predict PARAMS.json INPUT.csv --output PRED.csv"));
  g_assert_cmpint (trellis_test_run_cli (NULL, &out2, NULL, "mastery", "fit", "--help", NULL), ==, 0);
  g_assert_nonnull (strstr (out2, "--restarts"));
}

/* The published small-class set: recovery through the CLI. */
static void
test_shared_recovery (Fixture       *f,
                      gconstpointer  data)
{
  const char *shared = g_getenv ("TRELLIS_SHARED_DIR");
  g_autofree char *csv = NULL;
  g_autofree char *truth_path = NULL;
  g_autofree char *params = trellis_test_fixture_file (f, "params.json");
  g_autoptr(JsonParser) tp = json_parser_new ();
  g_autoptr(JsonParser) fp = json_parser_new ();
  JsonObject *truth, *fitted;
  g_autoptr(GList) names = NULL;
  double mae = 0.0;
  guint n = 0;

  if (shared == NULL)
    {
      g_test_skip ("TRELLIS_SHARED_DIR not set");
      return;
    }
  csv = g_build_filename (shared, "data", "mastery", "synthetic", "syn_s2_60x5.csv", NULL);
  truth_path = g_build_filename (shared, "data", "mastery", "synthetic", "syn_s2_60x5_params.json", NULL);
  if (!g_file_test (csv, G_FILE_TEST_EXISTS) || !g_file_test (truth_path, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("shared data not found");
      return;
    }

  g_assert_cmpint (trellis_test_run_cli (NULL, NULL, NULL, "mastery", "fit", csv, "--output", params,
                                         "--model", "bkt", NULL), ==, 0);
  truth = json_object_get_object_member (load_json (tp, truth_path), "skills");
  fitted = json_object_get_object_member (load_json (fp, params), "skills");
  names = json_object_get_members (truth);
  for (GList *l = names; l != NULL; l = l->next)
    {
      JsonObject *t = json_object_get_object_member (truth, l->data);
      JsonObject *s = json_object_get_object_member (fitted, l->data);
      const char *keys[] = { "prior", "learn", "guess", "slip" };

      g_assert_nonnull (s);
      g_assert_false (json_object_get_boolean_member (s, "label_swapped"));
      for (guint k = 0; k < G_N_ELEMENTS (keys); k++, n++)
        mae += fabs (json_object_get_double_member (t, keys[k]) -
                     json_object_get_double_member (s, keys[k]));
    }
  mae /= n;
  g_test_message ("syn_s2_60x5 recovery MAE %.4f", mae);
  g_assert_cmpfloat (mae, <=, 0.030);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/cli-mastery/round-trip", Fixture, NULL,
              trellis_test_fixture_set_up, test_round_trip, trellis_test_fixture_tear_down);
  g_test_add ("/cli-mastery/same-seed", Fixture, NULL,
              trellis_test_fixture_set_up, test_same_seed, trellis_test_fixture_tear_down);
  g_test_add ("/cli-mastery/models", Fixture, NULL,
              trellis_test_fixture_set_up, test_models, trellis_test_fixture_tear_down);
  g_test_add ("/cli-mastery/help", Fixture, NULL,
              trellis_test_fixture_set_up, test_help, trellis_test_fixture_tear_down);
  g_test_add ("/cli-mastery/shared-recovery", Fixture, NULL,
              trellis_test_fixture_set_up, test_shared_recovery, trellis_test_fixture_tear_down);
  for (guint i = 0; i < G_N_ELEMENTS (bad_inputs); i++)
    {
      g_autofree char *path = g_strdup_printf ("/cli-mastery/bad-input/%s", bad_inputs[i].name);

      g_test_add (path, Fixture, &bad_inputs[i],
                  trellis_test_fixture_set_up, test_bad_input, trellis_test_fixture_tear_down);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad_usages); i++)
    {
      g_autofree char *path = g_strdup_printf ("/cli-mastery/bad-usage/%s", bad_usages[i].name);

      g_test_add (path, Fixture, &bad_usages[i],
                  trellis_test_fixture_set_up, test_bad_usage, trellis_test_fixture_tear_down);
    }

  return g_test_run ();
}

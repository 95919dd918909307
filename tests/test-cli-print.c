/* test-cli-print.c
 *
 * Copyright 2026 The Trellis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "trellis-test-utils.h"

/*
 * `trellis-cli print` through the real binary ($TRELLIS_CLI) on the sample
 * classroom: every form makes a valid one-page PDF (pdfinfo) whose text
 * (pdftotext) has what the page is for; mistakes are one-line errors.
 */

typedef struct
{
  char *dir;
  char *classroom;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_auto(TrellisTestResult) result = { 0 };

  fixture->dir = trellis_test_make_tmp_dir ("trellis-cli-print-XXXXXX");
  fixture->classroom = g_build_filename (fixture->dir, "sample.trellis", NULL);
  trellis_test_result_run_cli (&result, NULL, "create", fixture->classroom, "--sample", NULL);
  g_assert_cmpint (result.status, ==, 0);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{

  trellis_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->classroom);
}

static void
assert_contains (const char *text,
                 const char *needle)
{
  if (strstr (text, needle) == NULL)
    g_error ("“%s” not found in the PDF text:\n%s", needle, text);
}

/* The directory holds only @expected files: no temporary file was left behind. */
static void
assert_no_leftovers (Fixture *fixture,
                     guint    expected)
{
  g_autoptr(GDir) dir = g_dir_open (fixture->dir, 0, NULL);
  guint n = 0;

  while (g_dir_read_name (dir) != NULL)
    n++;
  g_assert_cmpuint (n, ==, expected);
}

static void
test_conference (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *out = g_build_filename (fixture->dir, "conference.pdf", NULL);
  g_autofree char *text = NULL;
  g_auto(TrellisTestResult) result = { 0 };

  trellis_test_result_run_cli (&result, NULL, "print", fixture->classroom, "conference", "Amara Okafor",
                               "--output", out, NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_cmpstr (result.err, ==, "");

  text = trellis_test_pdf_text (out, 1, "612 x 792", TRELLIS_TEST_PDF_LAYOUT);
  assert_contains (text, "Amara Okafor");
  assert_contains (text, "CONFERENCE SUMMARY");
  /* Her active goal, the latest conference's notes and next steps, the mastery summary. */
  assert_contains (text, "Take on the challenge option");
  assert_contains (text, "Interested in the challenge option");
  assert_contains (text, "Start the disruption study");
  assert_contains (text, "MASTERY SUMMARY");
  assert_contains (text, "CCSS.ELA-LITERACY.RH.6-8.1");
  assert_no_leftovers (fixture, 2);
}

static void
test_profile (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *out = g_build_filename (fixture->dir, "profile.pdf", NULL);
  g_autofree char *text = NULL;
  g_auto(TrellisTestResult) result = { 0 };

  /* By id as well as by name: Elijah is learner 11 in the sample. */
  trellis_test_result_run_cli (&result, NULL, "print", fixture->classroom, "profile", "11", "--output", out, NULL);
  g_assert_cmpint (result.status, ==, 0);

  text = trellis_test_pdf_text (out, 1, "612 x 792", TRELLIS_TEST_PDF_LAYOUT);
  assert_contains (text, "Elijah Washington");
  assert_contains (text, "(Eli)");
  assert_contains (text, "Ask for help within ten minutes of getting stuck");
  assert_contains (text, "Basketball and drawing sneakers");
  assert_contains (text, "Audio versions of long texts");
  assert_contains (text, "Revisited November");
  assert_contains (text, "RECENT REFLECTIONS");

  /* A learner without a conference still has a profile. */
  trellis_test_result_run_cli (&result, NULL, "print", fixture->classroom, "profile", "Kai Kahananui", "--output",
                               out, NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_free (text);
  text = trellis_test_pdf_text (out, 1, "612 x 792", TRELLIS_TEST_PDF_LAYOUT);
  assert_contains (text, "Kai Kahananui");
  assert_no_leftovers (fixture, 2);
}

static void
test_choice_board (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *out = g_build_filename (fixture->dir, "board.pdf", NULL);
  g_autofree char *text = NULL;
  g_auto(TrellisTestResult) result = { 0 };

  trellis_test_result_run_cli (&result, NULL, "print", fixture->classroom, "choice-board", "Ancient civilizations",
                               "--output", out, NULL);
  g_assert_cmpint (result.status, ==, 0);

  text = trellis_test_pdf_text (out, 1, "612 x 792", TRELLIS_TEST_PDF_LAYOUT);
  assert_contains (text, "Ancient civilizations");
  assert_contains (text, "Name:");
  /* Every option of both choice groups, and the milestones with their dates. */
  assert_contains (text, "Ancient Egypt: life along the Nile");
  assert_contains (text, "Ancient Greece: city-states and");
  assert_contains (text, "Ancient China: dynasties and");
  assert_contains (text, "Written report");
  assert_contains (text, "Build a model");
  assert_contains (text, "Write and perform a short play");
  assert_contains (text, "Week 1 check-in: research question");
  assert_contains (text, "Museum presentation");
  assert_contains (text, "MUST DO");
  assert_contains (text, "Nov 6");
  assert_contains (text, "Dec 4");
  assert_contains (text, "My choice:");
  assert_no_leftovers (fixture, 2);
}

static void
test_choice_board_learner (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *out = g_build_filename (fixture->dir, "board.pdf", NULL);
  g_autofree char *text = NULL;
  g_auto(TrellisTestResult) result = { 0 };

  /* Level 1: the two starter options of four, by the playlist's uid. */
  trellis_test_result_run_cli (&result, NULL, "print", fixture->classroom, "choice-board", "pl-eco",
                               "--learner", "Jonah Goldberg", "--output", out, NULL);
  g_assert_cmpint (result.status, ==, 0);
  text = trellis_test_pdf_text (out, 1, "612 x 792", TRELLIS_TEST_PDF_LAYOUT);
  assert_contains (text, "Jonah Goldberg");
  assert_contains (text, "Coral reef");
  assert_contains (text, "Temperate forest");
  g_assert_null (strstr (text, "Design a disruption study"));
  assert_contains (text, "Ecosystem disruption claim");
  assert_contains (text, "Dec 2");
  g_clear_pointer (&text, g_free);

  /* Level 3: every option. */
  trellis_test_result_run_cli (&result, NULL, "print", fixture->classroom, "choice-board",
                               "Ecosystems and energy flow", "--learner", "Amara Okafor", "--output", out, NULL);
  g_assert_cmpint (result.status, ==, 0);
  text = trellis_test_pdf_text (out, 1, "612 x 792", TRELLIS_TEST_PDF_LAYOUT);
  assert_contains (text, "Amara Okafor");
  assert_contains (text, "Design a disruption study");
  assert_contains (text, "Desert");
}

static void
test_errors (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *out = g_build_filename (fixture->dir, "out.pdf", NULL);
  g_autofree char *missing_dir = g_build_filename (fixture->dir, "no-such-dir", "out.pdf", NULL);

  {
    g_auto(TrellisTestResult) result = { 0 };
    trellis_test_result_run_cli (&result, NULL, "print", fixture->classroom, "conference", "Kai Kahananui",
                                 "--output", out, NULL);
    trellis_test_assert_cli_error (result.status, result.out, result.err, "no conference");
  }
  {
    g_auto(TrellisTestResult) result = { 0 };
    trellis_test_result_run_cli (&result, NULL, "print", fixture->classroom, "profile", "Nobody Here", "--output",
                                 out, NULL);
    trellis_test_assert_cli_error (result.status, result.out, result.err, "Nobody Here");
  }
  {
    g_auto(TrellisTestResult) result = { 0 };
    trellis_test_result_run_cli (&result, NULL, "print", fixture->classroom, "conference", "Nobody Here",
                                 "--output", out, NULL);
    trellis_test_assert_cli_error (result.status, result.out, result.err, "Nobody Here");
  }
  {
    g_auto(TrellisTestResult) result = { 0 };
    trellis_test_result_run_cli (&result, NULL, "print", fixture->classroom, "choice-board", "No such unit",
                                 "--output", out, NULL);
    trellis_test_assert_cli_error (result.status, result.out, result.err, "No such unit");
  }
  {
    g_auto(TrellisTestResult) result = { 0 };
    trellis_test_result_run_cli (&result, NULL, "print", fixture->classroom, "choice-board",
                                 "Ancient civilizations", "--learner", "Nobody Here", "--output", out, NULL);
    trellis_test_assert_cli_error (result.status, result.out, result.err, "Nobody Here");
  }
  {
    g_auto(TrellisTestResult) result = { 0 };
    trellis_test_result_run_cli (&result, NULL, "print", fixture->classroom, "profile", "Amara Okafor", NULL);
    trellis_test_assert_cli_error (result.status, result.out, result.err, "--output");
    g_assert_cmpint (result.status, ==, 2);
  }
  {
    g_auto(TrellisTestResult) result = { 0 };
    trellis_test_result_run_cli (&result, NULL, "print", fixture->classroom, "report-card", "Amara Okafor",
                                 "--output", out, NULL);
    trellis_test_assert_cli_error (result.status, result.out, result.err, "report-card");
    g_assert_cmpint (result.status, ==, 2);
  }
  {
    g_auto(TrellisTestResult) result = { 0 };
    trellis_test_result_run_cli (&result, NULL, "print", fixture->classroom, "profile", "Amara Okafor",
                                 "--learner", "Amara Okafor", "--output", out, NULL);
    trellis_test_assert_cli_error (result.status, result.out, result.err, "--learner");
  }
  {
    g_auto(TrellisTestResult) result = { 0 };
    trellis_test_result_run_cli (&result, NULL, "print", fixture->classroom, "profile", "Amara Okafor", "--output",
                                 missing_dir, NULL);
    trellis_test_assert_cli_error (result.status, result.out, result.err, NULL);
  }

  /* Nothing was written. */
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
  assert_no_leftovers (fixture, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/cli/print/conference", test_conference);
  ADD ("/cli/print/profile", test_profile);
  ADD ("/cli/print/choice-board", test_choice_board);
  ADD ("/cli/print/choice-board/learner", test_choice_board_learner);
  ADD ("/cli/print/errors", test_errors);

#undef ADD

  return g_test_run ();
}

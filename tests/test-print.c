/* test-print.c
 *
 * Copyright 2026 The Trellis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <cairo-pdf.h>
#include <fontconfig/fontconfig.h>
#include <glib/gstdio.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "trellis-print.h"
#include "trellis-profile.h"
#include "trellis-test-utils.h"

/*
 * TrellisPrintout on the sample classroom: it draws the page the PDF export
 * writes on any cairo context at any paper size (what the print dialog
 * does), its text is there (pdftotext), and what cannot be printed says so.
 */

static void
assert_contains (const char *text,
                 const char *needle)
{
  if (strstr (text, needle) == NULL)
    g_error ("“%s” not found in the printed text:\n%s", needle, text);
}

/* Draws @printout on an A4 PDF surface, as a print dialog's context would. */
static void
draw_a4 (TrellisPrintout *printout,
         const char      *path)
{
  const double width = 595.28, height = 841.89;
  cairo_surface_t *surface = cairo_pdf_surface_create (path, width, height);
  cairo_t *cr = cairo_create (surface);

  g_assert_cmpuint (trellis_printout_get_n_pages (printout), ==, 1);
  trellis_printout_draw_page (printout, cr, width, height, 0);
  cairo_show_page (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
}

static void
test_any_page_size (TrellisTestFixture *fixture,
                    gconstpointer       data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisPrintout) profile = NULL;
  g_autoptr(TrellisPrintout) board = NULL;
  g_autoptr(GPtrArray) goals = NULL;
  g_autoptr(TrellisPlaylist) playlist = NULL;
  g_autofree char *a4_path = trellis_test_fixture_file (fixture, "profile-a4.pdf");
  g_autofree char *letter_path = trellis_test_fixture_file (fixture, "profile-letter.pdf");
  g_autofree char *board_path = trellis_test_fixture_file (fixture, "board-a4.pdf");
  g_autofree char *a4_text = NULL;
  g_autofree char *letter_text = NULL;
  g_autofree char *board_text = NULL;
  TrellisLearner *learner = trellis_classroom_lookup_learner (fixture->classroom, 1);
  GStatBuf st;

  g_assert_nonnull (learner);
  goals = trellis_profile_list_goals (fixture->classroom, learner, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (goals->len, >, 0);

  profile = trellis_printout_new_profile (fixture->classroom, learner, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (trellis_printout_get_title (profile), trellis_learner_get_name (learner)));

  /* The same page on A4, drawn by the caller, and on Letter, by the PDF export. */
  draw_a4 (profile, a4_path);
  g_assert_true (trellis_printout_write_pdf (profile, letter_path, &error));
  g_assert_no_error (error);
  a4_text = trellis_test_pdf_text (a4_path, 1, "595(\\.[0-9]+)? x 841(\\.[0-9]+)? pts", 0);
  letter_text = trellis_test_pdf_text (letter_path, 1, "612 x 792 pts", 0);
  assert_contains (a4_text, trellis_learner_get_name (learner));
  assert_contains (a4_text, ((TrellisGoal *) g_ptr_array_index (goals, 0))->title);
  assert_contains (letter_text, trellis_learner_get_name (learner));
  assert_contains (letter_text, ((TrellisGoal *) g_ptr_array_index (goals, 0))->title);

  /* Student records stay the owner's. */
  g_assert_cmpint (g_stat (letter_path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  playlist = g_list_model_get_item (trellis_classroom_get_playlists (fixture->classroom), 0);
  board = trellis_printout_new_choice_board (fixture->classroom, playlist, NULL, &error);
  g_assert_no_error (error);
  draw_a4 (board, board_path);
  board_text = trellis_test_pdf_text (board_path, 1, "595(\\.[0-9]+)? x 841(\\.[0-9]+)? pts", 0);
  assert_contains (board_text, trellis_playlist_get_title (playlist));
}

static void
test_errors (TrellisTestFixture *fixture,
             gconstpointer       data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisPrintout) printout = NULL;
  g_autoptr(TrellisPrintout) profile = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "no-such-folder", "out.pdf", NULL);
  TrellisLearner *learner;

  /* A learner without a conference has no conference summary. */
  learner = trellis_classroom_add_learner (fixture->classroom, "New Learner", &error);
  g_assert_no_error (error);
  printout = trellis_printout_new_conference (fixture->classroom, learner, &error);
  g_assert_null (printout);
  g_assert_error (error, TRELLIS_CLASSROOM_ERROR, TRELLIS_CLASSROOM_ERROR_NO_SUCH_ITEM);
  g_clear_error (&error);

  /* A folder that does not exist: an error, and no file. */
  profile = trellis_printout_new_profile (fixture->classroom, learner, &error);
  g_assert_no_error (error);
  g_assert_false (trellis_printout_write_pdf (profile, path, &error));
  g_assert_error (error, TRELLIS_CLASSROOM_ERROR, TRELLIS_CLASSROOM_ERROR_IO);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, TrellisTestFixture, NULL, trellis_test_fixture_set_up_sample, func, trellis_test_fixture_tear_down)

  ADD ("/print/any-page-size", test_any_page_size);
  ADD ("/print/errors", test_errors);

#undef ADD

  status = g_test_run ();

  /* Let go of the fonts, as trellis-cli does, for the leak checkers. */
  pango_cairo_font_map_set_default (NULL);
  cairo_debug_reset_static_data ();
  FcFini ();

  return status;
}

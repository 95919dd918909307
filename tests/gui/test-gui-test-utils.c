/* test-gui-test-utils.c
 *
 * Copyright 2026 The Trellis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * The UI tests' own helpers: the fixture's tear-down fails a test that
 * leaves the classroom alive, finding a missing window fails the test
 * naming the window's type, and the widget search finds what its matchers
 * describe and nothing else.
 */

#include "config.h"

#include <adwaita.h>

#include "trellis-dashboard-window.h"
#include "trellis-gui-test-utils.h"
#include "trellis-test-utils.h"

typedef TrellisGuiTestFixture Fixture;

/* The fixture shows the sample in a drawn window; its tear-down removes
 * the directory. */
static void
test_fixture (void)
{
  TrellisGuiTestFixture fixture = { 0 };
  g_autofree char *dir = NULL;

  trellis_gui_test_fixture_set_up (&fixture, NULL);
  g_assert_true (g_file_test (fixture.path, G_FILE_TEST_IS_REGULAR));
  g_assert_true (trellis_window_get_classroom (fixture.window) == fixture.classroom);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (fixture.window)));
  dir = g_strdup (fixture.dir);

  trellis_gui_test_fixture_tear_down (&fixture, NULL);
  g_assert_false (g_file_test (dir, G_FILE_TEST_EXISTS));
}

/* A classroom the test still holds fails the tear-down. */
static void
test_fixture_leak (void)
{
  if (g_test_subprocess ())
    {
      TrellisGuiTestFixture fixture = { 0 };

      trellis_gui_test_fixture_set_up (&fixture, NULL);
      /* The failing tear-down stops before removing the directory. */
      trellis_test_remove_tree (fixture.dir);
      g_object_ref (fixture.classroom);
      trellis_gui_test_fixture_tear_down (&fixture, NULL);
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr ("*g_assert_finalize_object*");
}

/* A window that is not there fails the test, naming its type. */
static void
test_find_toplevel (Fixture       *fixture,
                    gconstpointer  data)
{
  if (g_test_subprocess ())
    {
      trellis_test_remove_tree (fixture->dir);  /* no tear-down after a failure */
      trellis_gui_test_find_transient (TRELLIS_TYPE_DASHBOARD_WINDOW, GTK_WINDOW (fixture->window));
      return;
    }

  g_assert_null (trellis_gui_test_lookup_toplevel (TRELLIS_TYPE_DASHBOARD_WINDOW, NULL));
  g_assert_true (trellis_gui_test_find_toplevel (TRELLIS_TYPE_WINDOW) == (gpointer)fixture->window);

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr ("*no visible TrellisDashboardWindow transient for a TrellisWindow*");

  g_assert_true (trellis_gui_test_open_transient (fixture->window, "win.dashboard", TRELLIS_TYPE_DASHBOARD_WINDOW) ==
                 trellis_gui_test_find_transient (TRELLIS_TYPE_DASHBOARD_WINDOW, GTK_WINDOW (fixture->window)));
}

/* Each matcher finds its widget, and only that one. */
static void
test_find_widget (void)
{
  GtkWidget *box = g_object_ref_sink (gtk_box_new (GTK_ORIENTATION_VERTICAL, 0));
  GtkWidget *inner = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *label = gtk_label_new ("Level 1: starter");
  GtkWidget *hidden = gtk_label_new ("Hidden");
  GtkWidget *button = gtk_button_new_with_mnemonic ("_Save");
  GtkWidget *check = gtk_check_button_new_with_label ("Ancient Greece: city-states");
  GtkWidget *list = gtk_list_box_new ();

  gtk_widget_set_tooltip_text (button, "Save it");
  gtk_box_append (GTK_BOX (box), inner);
  gtk_box_append (GTK_BOX (inner), label);
  gtk_box_append (GTK_BOX (inner), hidden);
  gtk_widget_set_visible (hidden, FALSE);
  gtk_box_append (GTK_BOX (box), button);
  gtk_box_append (GTK_BOX (box), check);
  gtk_box_append (GTK_BOX (box), list);
  gtk_list_box_append (GTK_LIST_BOX (list), gtk_label_new ("one"));
  gtk_list_box_append (GTK_LIST_BOX (list), gtk_label_new ("two"));

  g_assert_true (trellis_gui_test_find_widget (box, trellis_gui_test_is_label, "Level 1: starter") == label);
  g_assert_null (trellis_gui_test_find_widget (box, trellis_gui_test_is_label, "Level 1"));
  g_assert_true (trellis_gui_test_find_widget (box, trellis_gui_test_is_label_with_prefix, "Level 1") == label);
  g_assert_true (trellis_gui_test_has_label (box, "Hidden"));
  g_assert_false (trellis_gui_test_has_label (box, "Shown"));
  g_assert_null (trellis_gui_test_find_widget (box, trellis_gui_test_is_visible_label, "Hidden"));
  g_assert_null (trellis_gui_test_find_visible_widget (box, trellis_gui_test_is_label, "Hidden"));
  g_assert_true (trellis_gui_test_find_visible_widget (box, trellis_gui_test_is_label, "Level 1: starter") == label);
  g_assert_true (trellis_gui_test_find_widget (box, trellis_gui_test_is_button_labelled, "_Save") == button);
  g_assert_null (trellis_gui_test_find_widget (box, trellis_gui_test_is_button_labelled, "Save"));
  g_assert_true (trellis_gui_test_find_widget (box, trellis_gui_test_is_button_with_tooltip, "Save it") == button);
  g_assert_true (trellis_gui_test_find_widget (box, trellis_gui_test_is_check_labelled, "Ancient Greece") == check);
  g_assert_null (trellis_gui_test_find_widget (box, trellis_gui_test_is_check_labelled, "Ancient China"));
  g_assert_true (trellis_gui_test_find_widget (box, trellis_gui_test_is_of_type, "GtkBox") == box);
  g_assert_true (trellis_gui_test_find_widget (box, trellis_gui_test_is_of_type, "GtkListBox") == list);
  g_assert_cmpuint (trellis_gui_test_count_rows (GTK_LIST_BOX (list)), ==, 2);

  g_assert_finalize_object (box);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/gui-test-utils/fixture", test_fixture);
  g_test_add_func ("/gui-test-utils/fixture-leak", test_fixture_leak);
  g_test_add ("/gui-test-utils/find-toplevel", Fixture, NULL, trellis_gui_test_fixture_set_up, test_find_toplevel,
              trellis_gui_test_fixture_tear_down);
  g_test_add_func ("/gui-test-utils/find-widget", test_find_widget);

  return g_test_run ();
}

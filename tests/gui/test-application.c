/* test-application.c
 *
 * Copyright 2026 The Trellis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * The application's actions, as the menus and the start page fire them:
 * opening the sample classroom (created once in the user data folder),
 * never opening one file in two windows, recent classrooms, and a file that
 * cannot be opened getting a dialog with the core's message while the app
 * keeps running.
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "trellis-gui-test-utils.h"
#include "trellis-test-utils.h"
#include "trellis-application.h"
#include "trellis-window.h"

static char *data_home;

static guint
count_trellis_windows (GtkApplication *app)
{
  guint n = 0;

  for (GList *l = gtk_application_get_windows (app); l != NULL; l = l->next)
    n += TRELLIS_IS_WINDOW (l->data) ? 1 : 0;

  return n;
}

static gboolean
action_enabled (GtkApplication *app,
                const char     *name)
{
  return g_action_group_get_action_enabled (G_ACTION_GROUP (app), name);
}

static void
test_open_sample (void)
{
  g_autoptr(TrellisApplication) app = trellis_application_new ();
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sample = g_build_filename (data_home, "trellis", "Sample Classroom.trellis", NULL);
  g_autofree char *bad = g_build_filename (data_home, "Not a classroom.trellis", NULL);
  g_autofree char *expected_message = NULL;
  g_auto(GStrv) recent = NULL;
  g_autofree char *last_opened = NULL;
  TrellisWindow *first, *second;
  TrellisClassroom *classroom;
  AdwMessageDialog *dialog;
  GtkApplication *gtk_app = GTK_APPLICATION (app);

  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);

  settings = g_settings_new (APP_ID);
  g_settings_reset (settings, "recent-classrooms");

  /* Every action of the menus exists; Preferences needs a classroom. */
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (app), "new-window"));
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (app), "open"));
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (app), "new-classroom"));
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (app), "open-sample"));
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (app), "about"));
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (app), "shortcuts"));
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (app), "quit"));

  /* A window with the start page. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "new-window", NULL);
  trellis_test_iterate_pending ();
  g_assert_cmpuint (count_trellis_windows (gtk_app), ==, 1);
  first = TRELLIS_WINDOW (gtk_application_get_windows (gtk_app)->data);
  g_assert_null (trellis_window_get_classroom (first));
  g_assert_false (action_enabled (gtk_app, "preferences"));

  /* The sample classroom is created in the user data folder, in that window. */
  g_assert_false (g_file_test (sample, G_FILE_TEST_EXISTS));
  g_action_group_activate_action (G_ACTION_GROUP (app), "open-sample", NULL);
  trellis_test_iterate_pending ();
  g_assert_true (g_file_test (sample, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpuint (count_trellis_windows (gtk_app), ==, 1);
  classroom = trellis_window_get_classroom (first);
  g_assert_nonnull (classroom);
  g_assert_cmpuint (g_list_model_get_n_items (trellis_classroom_get_learners (classroom)), ==, 24);
  g_assert_true (action_enabled (gtk_app, "preferences"));

  recent = g_settings_get_strv (settings, "recent-classrooms");
  g_assert_cmpuint (g_strv_length (recent), ==, 1);
  g_assert_cmpstr (recent[0], ==, sample);
  last_opened = g_settings_get_string (settings, "last-opened");
  g_assert_cmpstr (last_opened, ==, sample);

  /* Opening it again, from another window, presents the first one. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "new-window", NULL);
  trellis_test_iterate_pending ();
  g_assert_cmpuint (count_trellis_windows (gtk_app), ==, 2);
  second = TRELLIS_WINDOW (gtk_application_get_windows (gtk_app)->data);
  g_assert_true (second != first);

  g_action_group_activate_action (G_ACTION_GROUP (app), "open-path", g_variant_new_string (sample));
  trellis_test_iterate_pending ();
  g_assert_cmpuint (count_trellis_windows (gtk_app), ==, 2);
  g_assert_null (trellis_window_get_classroom (second));
  g_assert_true (trellis_window_get_classroom (first) == classroom);

  g_action_group_activate_action (G_ACTION_GROUP (app), "open-sample", NULL);
  trellis_test_iterate_pending ();
  g_assert_cmpuint (count_trellis_windows (gtk_app), ==, 2);
  g_assert_null (trellis_window_get_classroom (second));

  /* A file that is not a classroom: a dialog with the core's message. */
  g_assert_true (g_file_set_contents (bad, "not a classroom", -1, NULL));
  g_assert_null (trellis_classroom_open (bad, TRELLIS_OPEN_FLAGS_READ_ONLY, &error));
  g_assert_error (error, TRELLIS_CLASSROOM_ERROR, TRELLIS_CLASSROOM_ERROR_NOT_SQLITE);
  expected_message = g_strdup (error->message);
  g_clear_error (&error);

  g_assert_null (trellis_gui_test_lookup_toplevel (ADW_TYPE_MESSAGE_DIALOG, NULL));
  g_action_group_activate_action (G_ACTION_GROUP (app), "open-path", g_variant_new_string (bad));
  trellis_test_iterate_pending ();
  dialog = trellis_gui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_cmpstr (adw_message_dialog_get_body (dialog), ==, expected_message);
  g_assert_cmpuint (count_trellis_windows (gtk_app), ==, 2);
  g_assert_null (trellis_window_get_classroom (second));
  adw_message_dialog_response (dialog, "close");
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* The failed file is not a recent classroom. */
  g_strfreev (recent);
  recent = g_settings_get_strv (settings, "recent-classrooms");
  g_assert_cmpuint (g_strv_length (recent), ==, 1);

  /* Quit closes every window. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
  trellis_test_iterate_pending ();
  g_assert_cmpuint (count_trellis_windows (gtk_app), ==, 0);
}

static void
test_recent_limit (void)
{
  g_autoptr(TrellisApplication) app = trellis_application_new ();
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) recent = NULL;

  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));

  settings = g_settings_new (APP_ID);
  g_settings_reset (settings, "recent-classrooms");

  for (guint i = 0; i < 15; i++)
    {
      g_autofree char *path = g_strdup_printf ("/classrooms/%u.trellis", i);

      trellis_application_add_recent (app, path);
    }

  /* Most recent first, at most ten, no duplicates. */
  trellis_application_add_recent (app, "/classrooms/12.trellis");
  recent = g_settings_get_strv (settings, "recent-classrooms");
  g_assert_cmpuint (g_strv_length (recent), ==, TRELLIS_MAX_RECENT_CLASSROOMS);
  g_assert_cmpstr (recent[0], ==, "/classrooms/12.trellis");
  g_assert_cmpstr (recent[1], ==, "/classrooms/14.trellis");
  g_assert_cmpstr (recent[2], ==, "/classrooms/13.trellis");
  g_assert_cmpstr (recent[3], ==, "/classrooms/11.trellis");
  g_assert_cmpstr (recent[9], ==, "/classrooms/5.trellis");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  /* Before anything asks GLib for the user data folder. */
  data_home = g_dir_make_tmp ("trellis-test-app-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  /* As in test-window.c: libadwaita 1.2 cannot dismiss a toast during its
   * show animation, and tests are faster than people. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  g_test_add_func ("/application/open-sample", test_open_sample);
  g_test_add_func ("/application/recent-limit", test_recent_limit);

  status = g_test_run ();

  trellis_test_remove_tree (data_home);
  g_free (data_home);

  return status;
}

/* test-playlists.c
 *
 * Copyright 2026 The Trellis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * The playlist builder (issue 6) on the sample classroom: win.playlists
 * opens one builder per classroom window; driving its actions and editor
 * builds a playlist with a choice group of two options (choose 1 to 1) and
 * a milestone with a target date; Alt+Down's action reorders; closing the
 * classroom closes the builder, and the file holds it all, in order.
 *
 * With TRELLIS_SCREENSHOT_DIR set, the test also leaves playlists.png there.
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "trellis-gui-test-utils.h"
#include "trellis-test-utils.h"
#include "trellis-export-dialog-private.h"
#include "trellis-playlist-window-private.h"
#include "trellis-sample.h"
#include "trellis-window-private.h"

typedef TrellisGuiTestFixture Fixture;

/* Helpers */

static char *
titles (GListModel *model)
{
  g_autoptr(GString) text = g_string_new (NULL);
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TrellisNode) node = g_list_model_get_item (model, i);

      g_string_append_printf (text, "%s%s", i > 0 ? "|" : "", trellis_node_get_title (node));
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* Tests */

static void
test_build (Fixture       *fixture,
            gconstpointer  data)
{
  TrellisPlaylistWindow *builder = trellis_gui_test_open_builder (fixture);
  g_autoptr(GList) windows = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *top_titles = NULL;
  g_autofree char *option_titles = NULL;
  TrellisPlaylist *playlist;
  TrellisNode *group, *milestone, *first, *second;
  GListModel *playlists, *top;
  guint n_playlists;
  gint64 playlist_id;

  g_assert_true (trellis_playlist_window_get_classroom (builder) == fixture->classroom);
  playlists = trellis_classroom_get_playlists (fixture->classroom);
  n_playlists = g_list_model_get_n_items (playlists);
  /* The sample's first playlist is selected. */
  g_assert_nonnull (trellis_playlist_window_get_playlist (builder));

  /* One builder per classroom window. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.playlists", NULL));
  windows = trellis_gui_test_list_transients (TRELLIS_TYPE_PLAYLIST_WINDOW, GTK_WINDOW (fixture->window));
  g_assert_cmpuint (g_list_length (windows), ==, 1);

  /* A new playlist, renamed. */
  trellis_gui_test_activate (builder, "builder.add-playlist");
  g_assert_cmpuint (g_list_model_get_n_items (playlists), ==, n_playlists + 1);
  playlist = trellis_playlist_window_get_playlist (builder);
  g_assert_nonnull (playlist);
  playlist_id = trellis_playlist_get_id (playlist);
  g_assert_null (trellis_playlist_window_get_node (builder));

  /* A milestone first, then a choice group after it (Alt+Down below). */
  trellis_gui_test_activate (builder, "builder.add-milestone");
  milestone = trellis_playlist_window_get_node (builder);
  g_assert_nonnull (milestone);
  g_assert_cmpint (trellis_node_get_kind (milestone), ==, TRELLIS_NODE_KIND_MILESTONE);
  trellis_gui_test_enter (_trellis_playlist_window_get_title_row (builder), "Timeline check-in");
  trellis_gui_test_enter (_trellis_playlist_window_get_date_row (builder), "2026-10-02");
  g_assert_cmpstr (trellis_node_get_title (milestone), ==, "Timeline check-in");
  g_assert_cmpstr (trellis_node_get_target_date (milestone), ==, "2026-10-02");

  /* A bad date is refused and the editor shows the stored one again. */
  trellis_gui_test_enter (_trellis_playlist_window_get_date_row (builder), "2026-13-40");
  g_assert_cmpstr (trellis_node_get_target_date (milestone), ==, "2026-10-02");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (_trellis_playlist_window_get_date_row (builder))), ==,
                   "2026-10-02");

  trellis_gui_test_activate (builder, "builder.add-choice");
  group = trellis_playlist_window_get_node (builder);
  g_assert_cmpint (trellis_node_get_kind (group), ==, TRELLIS_NODE_KIND_CHOICE);
  trellis_gui_test_enter (_trellis_playlist_window_get_title_row (builder), "Show what you know");

  /* With the group selected, new activities are its options. */
  trellis_gui_test_activate (builder, "builder.add-activity");
  first = trellis_playlist_window_get_node (builder);
  g_assert_cmpint (trellis_node_get_parent_id (first), ==, trellis_node_get_id (group));
  trellis_gui_test_enter (_trellis_playlist_window_get_title_row (builder), "Build a model");
  trellis_gui_test_activate (builder, "builder.add-activity");
  second = trellis_playlist_window_get_node (builder);
  g_assert_cmpint (trellis_node_get_parent_id (second), ==, trellis_node_get_id (group));
  trellis_gui_test_enter (_trellis_playlist_window_get_title_row (builder), "Write a diary");

  /* Bounds 1..1 through the spin buttons. */
  trellis_playlist_window_select_node (builder, group);
  g_assert_true (trellis_playlist_window_get_node (builder) == group);
  gtk_spin_button_set_value (_trellis_playlist_window_get_max_spin (builder), 2);
  g_assert_cmpuint (trellis_node_get_choose_max (group), ==, 2);
  gtk_spin_button_set_value (_trellis_playlist_window_get_max_spin (builder), 1);
  gtk_spin_button_set_value (_trellis_playlist_window_get_min_spin (builder), 1);
  g_assert_cmpuint (trellis_node_get_choose_min (group), ==, 1);
  g_assert_cmpuint (trellis_node_get_choose_max (group), ==, 1);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (_trellis_playlist_window_get_breadth_label (builder))));

  /* The list shows milestone, group, and the two options. */
  g_assert_cmpuint (trellis_gui_test_count_rows (_trellis_playlist_window_get_node_list (builder)), ==, 4);

  /* Alt+Down on the milestone puts it after the group. */
  trellis_playlist_window_select_node (builder, milestone);
  trellis_gui_test_activate (builder, "builder.move-down");
  top = trellis_classroom_get_nodes (fixture->classroom, playlist, NULL);
  top_titles = titles (top);
  g_assert_cmpstr (top_titles, ==, "Show what you know|Timeline check-in");
  g_assert_true (trellis_playlist_window_get_node (builder) == milestone);

  /* A fifth option warns about breadth. */
  trellis_playlist_window_select_node (builder, group);
  trellis_gui_test_activate (builder, "builder.add-activity");
  trellis_gui_test_activate (builder, "builder.add-activity");
  trellis_gui_test_activate (builder, "builder.add-activity");
  trellis_playlist_window_select_node (builder, group);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (_trellis_playlist_window_get_breadth_label (builder))));
  for (guint i = 0; i < 3; i++)
    {
      GListModel *options = trellis_classroom_get_nodes (fixture->classroom, playlist, group);
      g_autoptr(TrellisNode) extra = g_list_model_get_item (options, 2);

      g_assert_true (trellis_classroom_delete_node (fixture->classroom, extra, &error));
      g_assert_no_error (error);
    }
  trellis_test_iterate_pending ();
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (_trellis_playlist_window_get_breadth_label (builder))));

  if (g_getenv ("TRELLIS_SCREENSHOT_DIR") != NULL)
    {
      g_autofree char *png = g_build_filename (g_getenv ("TRELLIS_SCREENSHOT_DIR"), "playlists.png", NULL);

      gtk_window_set_default_size (GTK_WINDOW (builder), 1200, 720);
      trellis_playlist_window_select_node (builder, group);
      trellis_gui_test_settle (GTK_WIDGET (builder), 300);
      trellis_gui_test_save_png (GTK_WIDGET (builder), NULL, png);
      g_free (png);
      png = g_build_filename (g_getenv ("TRELLIS_SCREENSHOT_DIR"), "playlists-option.png", NULL);
      trellis_playlist_window_select_node (builder, first);
      trellis_gui_test_settle (GTK_WIDGET (builder), 300);
      trellis_gui_test_save_png (GTK_WIDGET (builder), NULL, png);
    }

  /* Closing the classroom closes the builder. */
  trellis_window_set_classroom (fixture->window, NULL);
  trellis_test_iterate_pending ();
  g_clear_pointer (&windows, g_list_free);
  windows = trellis_gui_test_list_transients (TRELLIS_TYPE_PLAYLIST_WINDOW, GTK_WINDOW (fixture->window));
  g_assert_null (windows);
  trellis_gui_test_finalize_classroom (g_steal_pointer (&fixture->classroom));

  /* The file holds it all, in order. */
  {
    g_autoptr(TrellisClassroom) reopened = trellis_classroom_open (fixture->path, TRELLIS_OPEN_FLAGS_NONE, &error);
    g_autoptr(TrellisNode) reloaded_group = NULL;
    g_autoptr(TrellisNode) reloaded_milestone = NULL;
    TrellisPlaylist *reloaded;

    g_assert_no_error (error);
    reloaded = trellis_classroom_lookup_playlist (reopened, playlist_id);
    g_assert_nonnull (reloaded);
    top = trellis_classroom_get_nodes (reopened, reloaded, NULL);
    g_clear_pointer (&top_titles, g_free);
    top_titles = titles (top);
    g_assert_cmpstr (top_titles, ==, "Show what you know|Timeline check-in");
    reloaded_group = g_list_model_get_item (top, 0);
    reloaded_milestone = g_list_model_get_item (top, 1);
    g_assert_cmpint (trellis_node_get_kind (reloaded_group), ==, TRELLIS_NODE_KIND_CHOICE);
    g_assert_cmpuint (trellis_node_get_choose_min (reloaded_group), ==, 1);
    g_assert_cmpuint (trellis_node_get_choose_max (reloaded_group), ==, 1);
    option_titles = titles (trellis_classroom_get_nodes (reopened, reloaded, reloaded_group));
    g_assert_cmpstr (option_titles, ==, "Build a model|Write a diary");
    g_assert_cmpint (trellis_node_get_kind (reloaded_milestone), ==, TRELLIS_NODE_KIND_MILESTONE);
    g_assert_cmpstr (trellis_node_get_target_date (reloaded_milestone), ==, "2026-10-02");
  }
}

static void
test_playlist_actions (Fixture       *fixture,
                       gconstpointer  data)
{
  TrellisPlaylistWindow *builder = trellis_gui_test_open_builder (fixture);
  GListModel *playlists = trellis_classroom_get_playlists (fixture->classroom);
  guint n = g_list_model_get_n_items (playlists);
  TrellisPlaylist *original = trellis_playlist_window_get_playlist (builder);
  TrellisPlaylist *copy;
  g_autofree char *expected = NULL;

  trellis_gui_test_activate (builder, "builder.duplicate-playlist");
  g_assert_cmpuint (g_list_model_get_n_items (playlists), ==, n + 1);
  copy = trellis_playlist_window_get_playlist (builder);
  g_assert_true (copy != original);
  expected = g_strdup_printf ("%s (copy)", trellis_playlist_get_title (original));
  g_assert_cmpstr (trellis_playlist_get_title (copy), ==, expected);
  g_assert_cmpuint (g_list_model_get_n_items (trellis_classroom_get_nodes (fixture->classroom, copy, NULL)), ==,
                    g_list_model_get_n_items (trellis_classroom_get_nodes (fixture->classroom, original, NULL)));

  /* An activity goes into the choice group above it and out again. */
  {
    TrellisNode *group, *activity;
    GListModel *options;

    trellis_playlist_window_select_node (builder, NULL);
    trellis_gui_test_activate (builder, "builder.add-choice");
    group = trellis_playlist_window_get_node (builder);
    trellis_playlist_window_select_node (builder, NULL);
    trellis_gui_test_activate (builder, "builder.add-activity");
    activity = trellis_playlist_window_get_node (builder);
    g_assert_cmpint (trellis_node_get_parent_id (activity), ==, 0);
    trellis_gui_test_activate (builder, "builder.group-node");
    g_assert_cmpint (trellis_node_get_parent_id (activity), ==, trellis_node_get_id (group));
    options = trellis_classroom_get_nodes (fixture->classroom, copy, group);
    g_assert_cmpuint (g_list_model_get_n_items (options), ==, 1);
    g_assert_true (trellis_playlist_window_get_node (builder) == activity);
    trellis_gui_test_activate (builder, "builder.ungroup-node");
    g_assert_cmpint (trellis_node_get_parent_id (activity), ==, 0);
    g_assert_cmpuint (g_list_model_get_n_items (options), ==, 0);
  }

  /* Deleting asks first. */
  trellis_gui_test_activate (builder, "builder.delete-playlist");
  {
    g_autoptr(GList) toplevels = gtk_window_list_toplevels ();
    AdwMessageDialog *dialog = NULL;

    for (GList *l = toplevels; l != NULL; l = l->next)
      if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_window_get_transient_for (l->data) == GTK_WINDOW (builder))
        dialog = l->data;
    g_assert_nonnull (dialog);
    g_assert_cmpuint (g_list_model_get_n_items (playlists), ==, n + 1);
    adw_message_dialog_response (dialog, "delete");
    trellis_test_iterate_pending ();
  }
  g_assert_cmpuint (g_list_model_get_n_items (playlists), ==, n);
  g_assert_true (trellis_playlist_window_get_playlist (builder) != copy);
}

/* Export to LMS… in the playlist's menu opens the export dialog on this playlist. */
static void
test_export_from_playlist (Fixture       *fixture,
                           gconstpointer  data)
{
  TrellisPlaylistWindow *builder = trellis_gui_test_open_builder (fixture);
  TrellisPlaylist *playlist = trellis_playlist_window_get_playlist (builder);
  GListModel *toplevels = gtk_window_get_toplevels ();
  TrellisExportDialog *dialog = NULL;
  g_autofree char *name = NULL;

  g_assert_nonnull (playlist);
  trellis_gui_test_activate (builder, "builder.export");

  for (guint i = 0; i < g_list_model_get_n_items (toplevels) && dialog == NULL; i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (TRELLIS_IS_EXPORT_DIALOG (window))
        dialog = TRELLIS_EXPORT_DIALOG (window);
    }
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (builder));

  /* The suggested file is this playlist's cartridge. */
  name = _trellis_export_dialog_dup_suggested_name (dialog);
  g_assert_true (g_str_has_prefix (name, trellis_playlist_get_title (playlist)));
  g_assert_true (g_str_has_suffix (name, ".imscc"));
  gtk_window_destroy (GTK_WINDOW (dialog));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, trellis_gui_test_fixture_set_up, func, trellis_gui_test_fixture_tear_down)

  ADD ("/playlists/build", test_build);
  ADD ("/playlists/playlist-actions", test_playlist_actions);
  ADD ("/playlists/export-from-playlist", test_export_from_playlist);

#undef ADD

  return g_test_run ();
}

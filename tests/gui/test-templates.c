/* test-templates.c
 *
 * Copyright 2026 The Trellis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * Every widget of the app is built from its template, and the template's
 * children are there.  (On GTK 4.8, gtk4-builder-tool validate cannot
 * resolve libadwaita or our own types, so instantiating is the check.)
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "trellis-learner-list-view-private.h"
#include "trellis-learner-page.h"
#include "trellis-learner-row.h"
#include "trellis-preferences-window-private.h"
#include "trellis-progress-grid-private.h"
#include "trellis-recommendations-pane-private.h"
#include "trellis-sample.h"
#include "trellis-start-page-private.h"
#include "trellis-suggestion-row.h"
#include "trellis-window-private.h"

static void
test_window (void)
{
  TrellisWindow *window = trellis_window_new (NULL);
  GtkWidget *content_stack;

  g_object_ref (window);

  g_assert_true (TRELLIS_IS_START_PAGE (_trellis_window_get_start_page (window)));
  g_assert_true (TRELLIS_IS_LEARNER_LIST_VIEW (_trellis_window_get_learner_list_view (window)));
  g_assert_true (TRELLIS_IS_LEARNER_PAGE (_trellis_window_get_learner_page (window)));

  content_stack = _trellis_window_get_content_stack (window);
  g_assert_true (GTK_IS_STACK (content_stack));
  g_assert_nonnull (gtk_stack_get_child_by_name (GTK_STACK (content_stack), "empty"));
  g_assert_nonnull (gtk_stack_get_child_by_name (GTK_STACK (content_stack), "no-learners"));
  g_assert_nonnull (gtk_stack_get_child_by_name (GTK_STACK (content_stack), "learner"));

  g_assert_null (trellis_window_get_classroom (window));
  g_assert_null (_trellis_window_get_delete_toast (window));
  g_assert_null (_trellis_window_get_name_dialog (window));

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);
}

static void
test_start_page (void)
{
  GtkWidget *page = g_object_ref_sink (trellis_start_page_new ());
  GtkListBox *recent = _trellis_start_page_get_recent_list (TRELLIS_START_PAGE (page));

  g_assert_true (GTK_IS_LIST_BOX (recent));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (recent), "boxed-list"));

  g_assert_finalize_object (page);
}

static void
test_learner_list_view (void)
{
  GtkWidget *view = g_object_ref_sink (trellis_learner_list_view_new ());
  TrellisLearnerListView *list_view = TRELLIS_LEARNER_LIST_VIEW (view);

  g_assert_true (GTK_IS_LIST_BOX (_trellis_learner_list_view_get_list_box (list_view)));
  g_assert_true (GTK_IS_SEARCH_ENTRY (_trellis_learner_list_view_get_search_entry (list_view)));
  g_assert_cmpstr (_trellis_learner_list_view_get_visible_state (list_view), ==, "empty");
  g_assert_null (trellis_learner_list_view_get_selected_learner (list_view));
  g_assert_null (trellis_learner_list_view_get_learners (list_view));

  g_assert_finalize_object (view);
}

static void
test_learner_row (void)
{
  g_autoptr(TrellisLearner) learner = trellis_learner_new (1, "Ada Lovelace");
  GtkWidget *row = g_object_ref_sink (trellis_learner_row_new (learner));
  GtkWidget *box = gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row));
  GtkWidget *avatar, *label;

  g_assert_true (trellis_learner_row_get_learner (TRELLIS_LEARNER_ROW (row)) == learner);

  g_assert_true (GTK_IS_BOX (box));
  avatar = gtk_widget_get_first_child (box);
  label = gtk_widget_get_next_sibling (avatar);
  g_assert_true (ADW_IS_AVATAR (avatar));
  g_assert_true (adw_avatar_get_show_initials (ADW_AVATAR (avatar)));
  g_assert_cmpstr (adw_avatar_get_text (ADW_AVATAR (avatar)), ==, "Ada Lovelace");
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (label)), ==, "Ada Lovelace");

  /* The row follows the learner. */
  trellis_learner_set_preferred_name (learner, "Ada");
  g_assert_cmpstr (adw_avatar_get_text (ADW_AVATAR (avatar)), ==, "Ada");
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (label)), ==, "Ada");

  g_assert_finalize_object (row);
}

static void
test_learner_page (void)
{
  g_autoptr(TrellisLearner) learner = trellis_learner_new (7, "Grace Hopper");
  GtkWidget *page = g_object_ref_sink (trellis_learner_page_new ());

  g_assert_null (trellis_learner_page_get_learner (TRELLIS_LEARNER_PAGE (page)));
  trellis_learner_page_set_learner (TRELLIS_LEARNER_PAGE (page), learner);
  g_assert_true (trellis_learner_page_get_learner (TRELLIS_LEARNER_PAGE (page)) == learner);
  trellis_learner_page_set_learner (TRELLIS_LEARNER_PAGE (page), NULL);

  g_assert_finalize_object (page);
}

static void
test_preferences_window (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("trellis-test-XXXXXX", &error);
  g_autofree char *path = NULL;
  TrellisClassroom *classroom;
  GtkWidget *window;
  AdwEntryRow *name_row;

  g_assert_no_error (error);
  path = g_build_filename (dir, "Templates.trellis", NULL);
  classroom = trellis_classroom_create (path, "Room 12", &error);
  g_assert_no_error (error);

  window = trellis_preferences_window_new (classroom);
  g_object_ref (window);
  g_assert_true (trellis_preferences_window_get_classroom (TRELLIS_PREFERENCES_WINDOW (window)) == classroom);

  name_row = _trellis_preferences_window_get_name_row (TRELLIS_PREFERENCES_WINDOW (window));
  g_assert_true (ADW_IS_ENTRY_ROW (name_row));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name_row)), ==, "Room 12");

  /* Applying the entry renames the classroom, in the file. */
  gtk_editable_set_text (GTK_EDITABLE (name_row), "  Room 14 ");
  g_signal_emit_by_name (name_row, "apply");
  g_assert_cmpstr (trellis_classroom_get_name (classroom), ==, "Room 14");

  /* A name set elsewhere shows up. */
  trellis_classroom_set_name (classroom, "Room 16", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name_row)), ==, "Room 16");

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);
  g_assert_finalize_object (classroom);

  classroom = trellis_classroom_open (path, TRELLIS_OPEN_FLAGS_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (trellis_classroom_get_name (classroom), ==, "Room 16");
  g_assert_finalize_object (classroom);

  g_remove (path);
  g_rmdir (dir);
}

static void
test_recommendations_pane (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("trellis-test-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autoptr(GPtrArray) suggestions = NULL;
  TrellisClassroom *classroom;
  GtkWidget *pane = g_object_ref_sink (trellis_recommendations_pane_new ());
  GtkWidget *row;

  /* Without a classroom: the empty state, for the whole class. */
  g_assert_cmpstr (_trellis_recommendations_pane_get_visible_page (TRELLIS_RECOMMENDATIONS_PANE (pane)), ==, "empty");
  g_assert_cmpstr (_trellis_recommendations_pane_get_scope_label (TRELLIS_RECOMMENDATIONS_PANE (pane)), ==, "Whole class");
  g_assert_true (GTK_IS_LIST_BOX (_trellis_recommendations_pane_get_history_list (TRELLIS_RECOMMENDATIONS_PANE (pane))));
  g_assert_true (GTK_IS_BOX (_trellis_recommendations_pane_get_groups_box (TRELLIS_RECOMMENDATIONS_PANE (pane))));

  trellis_recommendations_pane_set_show_history (TRELLIS_RECOMMENDATIONS_PANE (pane), TRUE);
  g_assert_cmpstr (_trellis_recommendations_pane_get_visible_page (TRELLIS_RECOMMENDATIONS_PANE (pane)), ==,
                   "history-empty");

  /* A suggestion's card. */
  g_assert_no_error (error);
  path = g_build_filename (dir, "Templates.trellis", NULL);
  classroom = trellis_sample_create (path, 0, &error);
  g_assert_no_error (error);
  suggestions = trellis_recommender_compute (classroom, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (suggestions->len, >, 0);

  row = g_object_ref_sink (trellis_suggestion_row_new (g_ptr_array_index (suggestions, 0)));
  g_assert_true (trellis_suggestion_row_get_suggestion (TRELLIS_SUGGESTION_ROW (row)) == g_ptr_array_index (suggestions, 0));
  g_assert_false (trellis_suggestion_row_get_expanded (TRELLIS_SUGGESTION_ROW (row)));

  g_clear_pointer (&suggestions, g_ptr_array_unref);
  g_assert_finalize_object (row);
  g_assert_finalize_object (pane);
  g_assert_finalize_object (classroom);

  g_remove (path);
  g_rmdir (dir);
}

static void
test_progress_grid (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("trellis-test-XXXXXX", &error);
  g_autofree char *path = NULL;
  TrellisClassroom *classroom;
  TrellisPlaylist *playlist;
  GtkWidget *grid = g_object_ref_sink (trellis_progress_grid_new ());
  const char *title = NULL;

  /* Each empty state says what to do. */
  g_assert_cmpstr (_trellis_progress_grid_get_visible_page (TRELLIS_PROGRESS_GRID (grid), &title), ==, "empty");
  g_assert_cmpstr (title, ==, "No Playlist Selected");

  g_assert_no_error (error);
  path = g_build_filename (dir, "Templates.trellis", NULL);
  classroom = trellis_classroom_create (path, "Room 12", &error);
  g_assert_no_error (error);
  playlist = trellis_classroom_add_playlist (classroom, "Civilizations", &error);
  g_assert_no_error (error);
  trellis_progress_grid_set_classroom (TRELLIS_PROGRESS_GRID (grid), classroom);
  trellis_progress_grid_set_playlist (TRELLIS_PROGRESS_GRID (grid), playlist);
  g_assert_cmpstr (_trellis_progress_grid_get_visible_page (TRELLIS_PROGRESS_GRID (grid), &title), ==, "empty");
  g_assert_cmpstr (title, ==, "No Learners");

  trellis_classroom_add_learner (classroom, "Ada Lovelace", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (_trellis_progress_grid_get_visible_page (TRELLIS_PROGRESS_GRID (grid), &title), ==, "empty");
  g_assert_cmpstr (title, ==, "Nothing to Mark Yet");

  trellis_classroom_add_node (classroom, playlist, NULL, TRELLIS_NODE_KIND_ACTIVITY, "Map walk", -1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (_trellis_progress_grid_get_visible_page (TRELLIS_PROGRESS_GRID (grid), NULL), ==, "grid");

  trellis_progress_grid_set_classroom (TRELLIS_PROGRESS_GRID (grid), NULL);
  g_assert_cmpstr (_trellis_progress_grid_get_visible_page (TRELLIS_PROGRESS_GRID (grid), NULL), ==, "empty");
  g_assert_finalize_object (grid);
  g_assert_finalize_object (classroom);

  g_remove (path);
  g_rmdir (dir);
}

static void
test_help_overlay (void)
{
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource ("/io/github/trellis/Trellis/gtk/help-overlay.ui");
  GObject *overlay = gtk_builder_get_object (builder, "help_overlay");

  g_assert_true (GTK_IS_SHORTCUTS_WINDOW (overlay));
  gtk_window_destroy (GTK_WINDOW (overlay));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/templates/window", test_window);
  g_test_add_func ("/templates/start-page", test_start_page);
  g_test_add_func ("/templates/learner-list-view", test_learner_list_view);
  g_test_add_func ("/templates/learner-row", test_learner_row);
  g_test_add_func ("/templates/learner-page", test_learner_page);
  g_test_add_func ("/templates/preferences-window", test_preferences_window);
  g_test_add_func ("/templates/recommendations-pane", test_recommendations_pane);
  g_test_add_func ("/templates/progress-grid", test_progress_grid);
  g_test_add_func ("/templates/help-overlay", test_help_overlay);

  return g_test_run ();
}

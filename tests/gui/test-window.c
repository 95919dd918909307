/* test-window.c
 *
 * Copyright 2026 The Trellis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * The classroom window driven like a teacher would, through its actions:
 * the sample classroom's learners are listed, a learner is deleted and
 * brought back with Undo, a deletion without Undo is purged from the file,
 * learners are added, renamed and searched, and the start page lists the
 * recent classrooms.
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "trellis-gui-test-utils.h"
#include "trellis-mastery.h"
#include "trellis-test-utils.h"
#include "trellis-learner-list-view-private.h"
#include "trellis-learner-page.h"
#include "trellis-learner-row.h"
#include "trellis-profile.h"
#include "trellis-sample.h"
#include "trellis-start-page-private.h"
#include "trellis-window-private.h"

#define N_SAMPLE_LEARNERS 24

typedef struct
{
  TrellisGuiTestFixture   gui;
  TrellisLearnerListView *list_view;
  GtkListBox             *list_box;
} Fixture;

/* Helpers */

static guint
count_rows (GtkListBox *list_box)
{
  guint n = 0;

  while (gtk_list_box_get_row_at_index (list_box, (int) n) != NULL)
    n++;

  return n;
}

static gboolean
model_contains (GListModel *model,
                gpointer    item)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) object = g_list_model_get_item (model, i);

      if (object == item)
        return TRUE;
    }

  return FALSE;
}

static gint64
count_learner_rows_in_file (TrellisClassroom *classroom)
{
  sqlite3_stmt *stmt = NULL;
  gint64 n;

  /* Trashed learners included: after a purge, they are gone from the file. */
  g_assert_cmpint (sqlite3_prepare_v2 (trellis_classroom_get_db (classroom),
                                       "SELECT count(*) FROM learners", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  return n;
}

static gboolean
on_timeout_cb (gpointer data)
{
  gboolean *timed_out = data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until the list box has @n rows (the search entry
 * filters after a short typing delay), failing after 10 seconds. */
static void
wait_for_rows (GtkListBox *list_box,
               guint       n)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (10, on_timeout_cb, &timed_out);

  while (count_rows (list_box) != n && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  if (!timed_out)
    g_source_remove (id);

  g_assert_cmpuint (count_rows (list_box), ==, n);
}

static TrellisLearner *
learner_at (Fixture *fixture,
            int      index)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (fixture->list_box, index);

  g_assert_nonnull (row);
  return trellis_learner_row_get_learner (TRELLIS_LEARNER_ROW (row));
}

static void
select_row (Fixture *fixture,
            int      index)
{
  gtk_list_box_select_row (fixture->list_box, gtk_list_box_get_row_at_index (fixture->list_box, index));
  g_assert_true (trellis_learner_list_view_get_selected_learner (fixture->list_view) == learner_at (fixture, index));
}

/* win.delete-learner asks first; this answers the confirmation with Delete. */
static void
delete_selected (Fixture *fixture)
{
  AdwMessageDialog *dialog;

  gtk_widget_activate_action (GTK_WIDGET (fixture->gui.window), "win.delete-learner", NULL);
  dialog = _trellis_window_get_delete_dialog (fixture->gui.window);
  if (dialog == NULL)
    return;  /* nothing selected: nothing asked */

  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (fixture->gui.window));
  adw_message_dialog_response (dialog, "delete");
  g_assert_null (_trellis_window_get_delete_dialog (fixture->gui.window));
}

static gboolean
action_enabled (Fixture    *fixture,
                const char *name)
{
  /* Class actions are activatable only when enabled. */
  gboolean enabled = FALSE;
  GtkWidgetClass *widget_class = GTK_WIDGET_GET_CLASS (fixture->gui.window);

  for (guint i = 0; ; i++)
    {
      const char *action_name;
      GType owner;
      const GVariantType *parameter_type;
      const char *property_name;

      if (!gtk_widget_class_query_action (widget_class, i, &owner, &action_name,
                                          &parameter_type, &property_name))
        break;

      if (g_strcmp0 (action_name, name) == 0)
        {
          GtkWidget *button = gtk_button_new ();

          /* An actionable follows the action's enabled state. */
          gtk_actionable_set_action_name (GTK_ACTIONABLE (button), name);
          gtk_box_append (GTK_BOX (trellis_gui_test_find_widget (GTK_WIDGET (fixture->gui.window), trellis_gui_test_is_of_type,
                                                                g_type_name (GTK_TYPE_BOX))), button);
          enabled = gtk_widget_get_sensitive (button);
          gtk_box_remove (GTK_BOX (gtk_widget_get_parent (button)), button);
          return enabled;
        }
    }

  g_assert_not_reached ();
  return enabled;
}

/* Fixture */

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  g_settings_reset (settings, "recent-classrooms");
  g_settings_reset (settings, "window-width");
  g_settings_reset (settings, "window-height");
  g_settings_reset (settings, "window-maximized");

  /* @data: the name of an empty classroom to open instead of the sample */
  if (data != NULL)
    trellis_gui_test_fixture_set_up_empty (&fixture->gui, data);
  else
    trellis_gui_test_fixture_set_up (&fixture->gui, NULL);

  fixture->list_view = _trellis_window_get_learner_list_view (fixture->gui.window);
  fixture->list_box = _trellis_learner_list_view_get_list_box (fixture->list_view);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  /* Some tests close the window themselves. */
  trellis_gui_test_fixture_tear_down (&fixture->gui, data);
}

/* Tests */

static void
test_lists_learners (Fixture       *fixture,
                     gconstpointer  data)
{
  GListModel *learners = trellis_classroom_get_learners (fixture->gui.classroom);
  GtkStack *content = GTK_STACK (_trellis_window_get_content_stack (fixture->gui.window));
  TrellisLearnerPage *page = _trellis_window_get_learner_page (fixture->gui.window);

  g_assert_cmpuint (g_list_model_get_n_items (learners), ==, N_SAMPLE_LEARNERS);
  g_assert_cmpuint (count_rows (fixture->list_box), ==, N_SAMPLE_LEARNERS);
  g_assert_cmpstr (_trellis_learner_list_view_get_visible_state (fixture->list_view), ==, "list");

  /* Rows in the model's order, showing the display names. */
  for (guint i = 0; i < N_SAMPLE_LEARNERS; i++)
    {
      g_autoptr(TrellisLearner) learner = g_list_model_get_item (learners, i);
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (fixture->list_box, (int) i);

      g_assert_true (trellis_learner_row_get_learner (TRELLIS_LEARNER_ROW (row)) == learner);
      g_assert_nonnull (trellis_gui_test_find_widget (GTK_WIDGET (row), trellis_gui_test_is_visible_label,
                                                      trellis_learner_get_display_name (learner)));
    }

  /* The window is titled after the classroom. */
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (fixture->gui.window)), ==,
                   trellis_classroom_get_name (fixture->gui.classroom));

  /* Nothing selected: an empty state, and nothing to delete or rename. */
  g_assert_cmpstr (gtk_stack_get_visible_child_name (content), ==, "empty");
  g_assert_false (action_enabled (fixture, "win.delete-learner"));
  g_assert_false (action_enabled (fixture, "win.rename-learner"));
  g_assert_false (action_enabled (fixture, "win.undo-delete"));
  g_assert_true (action_enabled (fixture, "win.add-learner"));
  g_assert_true (action_enabled (fixture, "win.find"));
  g_assert_true (action_enabled (fixture, "win.export"));
  g_assert_true (action_enabled (fixture, "win.import"));

  /* Selecting a learner shows them. */
  select_row (fixture, 2);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (content), ==, "learner");
  g_assert_true (trellis_learner_page_get_learner (page) == learner_at (fixture, 2));
  g_assert_nonnull (trellis_gui_test_find_widget (GTK_WIDGET (page), trellis_gui_test_is_visible_label,
                                                trellis_learner_get_display_name (learner_at (fixture, 2))));
  g_assert_true (action_enabled (fixture, "win.delete-learner"));
  g_assert_true (action_enabled (fixture, "win.rename-learner"));
}

static void
test_delete_and_undo (Fixture       *fixture,
                      gconstpointer  data)
{
  GListModel *learners = trellis_classroom_get_learners (fixture->gui.classroom);
  g_autoptr(TrellisLearner) learner = NULL;
  g_autofree char *name = NULL;
  AdwToast *toast;

  select_row (fixture, 3);
  learner = g_object_ref (learner_at (fixture, 3));
  name = g_strdup (trellis_learner_get_name (learner));

  delete_selected (fixture);

  g_assert_cmpuint (count_rows (fixture->list_box), ==, N_SAMPLE_LEARNERS - 1);
  g_assert_cmpuint (g_list_model_get_n_items (learners), ==, N_SAMPLE_LEARNERS - 1);
  g_assert_false (model_contains (learners, learner));
  g_assert_cmpint (trellis_classroom_count (fixture->gui.classroom, "learners"), ==, N_SAMPLE_LEARNERS - 1);

  /* The toast offers Undo; the next learner is selected. */
  toast = _trellis_window_get_delete_toast (fixture->gui.window);
  g_assert_nonnull (toast);
  g_assert_cmpstr (adw_toast_get_action_name (toast), ==, "win.undo-delete");
  g_assert_nonnull (adw_toast_get_button_label (toast));
  g_assert_true (action_enabled (fixture, "win.undo-delete"));
  g_assert_true (trellis_learner_list_view_get_selected_learner (fixture->list_view) == learner_at (fixture, 3));

  gtk_widget_activate_action (GTK_WIDGET (fixture->gui.window), "win.undo-delete", NULL);

  g_assert_cmpuint (count_rows (fixture->list_box), ==, N_SAMPLE_LEARNERS);
  g_assert_cmpuint (g_list_model_get_n_items (learners), ==, N_SAMPLE_LEARNERS);
  g_assert_true (model_contains (learners, learner));
  g_assert_true (learner_at (fixture, 3) == learner);
  g_assert_true (trellis_learner_list_view_get_selected_learner (fixture->list_view) == learner);
  g_assert_null (_trellis_window_get_delete_toast (fixture->gui.window));
  g_assert_false (action_enabled (fixture, "win.undo-delete"));

  /* Nothing was lost: the file still has every learner. */
  g_assert_cmpint (count_learner_rows_in_file (fixture->gui.classroom), ==, N_SAMPLE_LEARNERS);
  g_assert_cmpint (trellis_classroom_count (fixture->gui.classroom, "learners"), ==, N_SAMPLE_LEARNERS);
  trellis_test_iterate_pending ();
  g_assert_cmpint (count_learner_rows_in_file (fixture->gui.classroom), ==, N_SAMPLE_LEARNERS);
}

static void
test_delete_and_dismiss (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisClassroom) reopened = NULL;
  g_autofree char *name = NULL;
  AdwToast *toast;

  select_row (fixture, 0);
  name = g_strdup (trellis_learner_get_name (learner_at (fixture, 0)));

  delete_selected (fixture);
  g_assert_cmpuint (count_rows (fixture->list_box), ==, N_SAMPLE_LEARNERS - 1);

  /* Until the toast goes, the learner's data is still in the file. */
  g_assert_cmpint (count_learner_rows_in_file (fixture->gui.classroom), ==, N_SAMPLE_LEARNERS);

  toast = _trellis_window_get_delete_toast (fixture->gui.window);
  g_assert_nonnull (toast);
  adw_toast_dismiss (toast);
  trellis_test_iterate_pending ();

  g_assert_null (_trellis_window_get_delete_toast (fixture->gui.window));
  g_assert_false (action_enabled (fixture, "win.undo-delete"));
  g_assert_cmpint (count_learner_rows_in_file (fixture->gui.classroom), ==, N_SAMPLE_LEARNERS - 1);

  /* Undo now does nothing. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->gui.window), "win.undo-delete", NULL);
  g_assert_cmpuint (count_rows (fixture->list_box), ==, N_SAMPLE_LEARNERS - 1);

  reopened = trellis_classroom_open (fixture->gui.path, TRELLIS_OPEN_FLAGS_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (trellis_classroom_get_learners (reopened)), ==, N_SAMPLE_LEARNERS - 1);
  g_assert_null (trellis_classroom_find_learner (reopened, name, NULL));
}

static void
test_delete_twice (Fixture       *fixture,
                   gconstpointer  data)
{
  GListModel *learners = trellis_classroom_get_learners (fixture->gui.classroom);
  g_autoptr(TrellisLearner) first = NULL;
  g_autoptr(TrellisLearner) second = NULL;
  AdwToast *toast;

  /* A second deletion makes the first one final; Undo brings back the second. */
  select_row (fixture, 5);
  first = g_object_ref (learner_at (fixture, 5));
  delete_selected (fixture);

  second = g_object_ref (trellis_learner_list_view_get_selected_learner (fixture->list_view));
  g_assert_true (second != first);
  toast = _trellis_window_get_delete_toast (fixture->gui.window);
  g_assert_nonnull (toast);
  delete_selected (fixture);

  /* The same toast, now about the second learner. */
  g_assert_true (_trellis_window_get_delete_toast (fixture->gui.window) == toast);
  g_assert_nonnull (strstr (adw_toast_get_title (toast), trellis_learner_get_display_name (second)));

  g_assert_cmpuint (g_list_model_get_n_items (learners), ==, N_SAMPLE_LEARNERS - 2);
  g_assert_cmpint (count_learner_rows_in_file (fixture->gui.classroom), ==, N_SAMPLE_LEARNERS - 1);

  gtk_widget_activate_action (GTK_WIDGET (fixture->gui.window), "win.undo-delete", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (learners), ==, N_SAMPLE_LEARNERS - 1);
  g_assert_true (model_contains (learners, second));
  g_assert_false (model_contains (learners, first));
}

static void
test_close_purges (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  select_row (fixture, 1);
  delete_selected (fixture);
  g_assert_cmpint (count_learner_rows_in_file (fixture->gui.classroom), ==, N_SAMPLE_LEARNERS);

  /* Closing the window ends the chance to undo, and saves its size. */
  gtk_window_set_default_size (GTK_WINDOW (fixture->gui.window), 900, 640);
  gtk_widget_activate_action (GTK_WIDGET (fixture->gui.window), "win.close", NULL);
  trellis_test_iterate_pending ();

  g_assert_cmpint (count_learner_rows_in_file (fixture->gui.classroom), ==, N_SAMPLE_LEARNERS - 1);
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 900);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 640);
  g_assert_false (g_settings_get_boolean (settings, "window-maximized"));
}

static AdwMessageDialog *
open_name_dialog (Fixture    *fixture,
                  const char *action)
{
  AdwMessageDialog *dialog;

  gtk_widget_activate_action (GTK_WIDGET (fixture->gui.window), action, NULL);
  dialog = _trellis_window_get_name_dialog (fixture->gui.window);
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (fixture->gui.window));
  g_assert_true (GTK_IS_EDITABLE (adw_message_dialog_get_extra_child (dialog)));

  return dialog;
}

static void
test_add_learner (Fixture       *fixture,
                  gconstpointer  data)
{
  GListModel *learners = trellis_classroom_get_learners (fixture->gui.classroom);
  AdwMessageDialog *dialog;
  GtkEditable *entry;
  TrellisLearner *added;

  /* Cancelling adds nobody. */
  dialog = open_name_dialog (fixture, "win.add-learner");
  adw_message_dialog_response (dialog, "cancel");
  g_assert_null (_trellis_window_get_name_dialog (fixture->gui.window));
  g_assert_cmpuint (g_list_model_get_n_items (learners), ==, N_SAMPLE_LEARNERS);

  dialog = open_name_dialog (fixture, "win.add-learner");
  entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, "");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "apply"));
  gtk_editable_set_text (entry, "   ");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "apply"));
  gtk_editable_set_text (entry, "Zora Neale Hurston");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "apply"));

  adw_message_dialog_response (dialog, "apply");
  trellis_test_iterate_pending ();

  g_assert_null (_trellis_window_get_name_dialog (fixture->gui.window));
  g_assert_cmpuint (g_list_model_get_n_items (learners), ==, N_SAMPLE_LEARNERS + 1);
  g_assert_cmpuint (count_rows (fixture->list_box), ==, N_SAMPLE_LEARNERS + 1);

  added = trellis_learner_list_view_get_selected_learner (fixture->list_view);
  g_assert_nonnull (added);
  g_assert_cmpstr (trellis_learner_get_name (added), ==, "Zora Neale Hurston");
  g_assert_true (model_contains (learners, added));
  g_assert_cmpint (count_learner_rows_in_file (fixture->gui.classroom), ==, N_SAMPLE_LEARNERS + 1);
}

static void
test_rename_learner (Fixture       *fixture,
                     gconstpointer  data)
{
  GListModel *learners = trellis_classroom_get_learners (fixture->gui.classroom);
  AdwMessageDialog *dialog;
  GtkEditable *entry;
  TrellisLearner *learner;

  select_row (fixture, 4);
  learner = learner_at (fixture, 4);

  dialog = open_name_dialog (fixture, "win.rename-learner");
  entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, trellis_learner_get_name (learner));
  /* The same name is no rename. */
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "apply"));

  gtk_editable_set_text (entry, "Aaron Aardvark");
  adw_message_dialog_response (dialog, "apply");
  trellis_test_iterate_pending ();

  g_assert_cmpstr (trellis_learner_get_name (learner), ==, "Aaron Aardvark");
  g_assert_cmpuint (g_list_model_get_n_items (learners), ==, N_SAMPLE_LEARNERS);
  g_assert_cmpuint (count_rows (fixture->list_box), ==, N_SAMPLE_LEARNERS);
  /* Still selected, now first by name. */
  g_assert_true (trellis_learner_list_view_get_selected_learner (fixture->list_view) == learner);
  g_assert_true (learner_at (fixture, 0) == learner);
  g_assert_nonnull (trellis_gui_test_find_widget (GTK_WIDGET (gtk_list_box_get_row_at_index (fixture->list_box, 0)),
                                                trellis_gui_test_is_visible_label,
                                                trellis_learner_get_display_name (learner)));
}

static void
test_search (Fixture       *fixture,
             gconstpointer  data)
{
  GtkEditable *entry = _trellis_learner_list_view_get_search_entry (fixture->list_view);
  TrellisLearner *learner = learner_at (fixture, 7);
  g_autofree char *display_name = g_strdup (trellis_learner_get_display_name (learner));
  g_autofree char *upper = g_utf8_strup (display_name, -1);
  GtkWidget *focus;
  guint n;

  /* Ctrl+F's action focuses the search entry. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->gui.window), "win.find", NULL);
  focus = gtk_window_get_focus (GTK_WINDOW (fixture->gui.window));
  g_assert_nonnull (focus);
  g_assert_true (focus == GTK_WIDGET (entry) || gtk_widget_is_ancestor (focus, GTK_WIDGET (entry)));

  /* Typing filters, ignoring case, after the entry's short delay. */
  gtk_editable_set_text (entry, upper);
  {
    gboolean timed_out = FALSE;
    guint id = g_timeout_add_seconds (10, on_timeout_cb, &timed_out);

    while (count_rows (fixture->list_box) == N_SAMPLE_LEARNERS && !timed_out)
      g_main_context_iteration (NULL, TRUE);
    if (!timed_out)
      g_source_remove (id);
  }

  n = count_rows (fixture->list_box);
  g_assert_cmpuint (n, >=, 1);
  g_assert_cmpuint (n, <, N_SAMPLE_LEARNERS);
  g_assert_cmpuint (n, ==, g_list_model_get_n_items (trellis_learner_list_view_get_visible_learners (fixture->list_view)));
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *shown = g_utf8_strup (trellis_learner_get_display_name (learner_at (fixture, (int) i)), -1);
      g_autofree char *full = g_utf8_strup (trellis_learner_get_name (learner_at (fixture, (int) i)), -1);

      g_assert_true (strstr (shown, upper) != NULL || strstr (full, upper) != NULL);
    }

  /* The classroom's model is untouched. */
  g_assert_cmpuint (g_list_model_get_n_items (trellis_classroom_get_learners (fixture->gui.classroom)), ==, N_SAMPLE_LEARNERS);

  /* No match: a "No Results" state. */
  gtk_editable_set_text (entry, "zzqx no such learner");
  wait_for_rows (fixture->list_box, 0);
  g_assert_cmpstr (_trellis_learner_list_view_get_visible_state (fixture->list_view), ==, "no-results");

  /* Clearing shows everyone again. */
  gtk_editable_set_text (entry, "");
  wait_for_rows (fixture->list_box, N_SAMPLE_LEARNERS);
  g_assert_cmpstr (_trellis_learner_list_view_get_visible_state (fixture->list_view), ==, "list");
}

/* What the list shows, as an array of learners. */
static GPtrArray *
visible_learners (Fixture *fixture)
{
  GListModel *visible = trellis_learner_list_view_get_visible_learners (fixture->list_view);
  GPtrArray *array = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (visible); i++)
    g_ptr_array_add (array, g_list_model_get_item (visible, i));

  return array;
}

static gboolean
contains_folded (const char *text,
                 const char *folded_query)
{
  g_autofree char *folded = NULL;

  if (text == NULL)
    return FALSE;
  folded = g_utf8_casefold (text, -1);
  return strstr (folded, folded_query) != NULL;
}

static void
test_search_interest (Fixture       *fixture,
                      gconstpointer  data)
{
  GListModel *learners = trellis_classroom_get_learners (fixture->gui.classroom);
  g_autoptr(GPtrArray) visible = NULL;
  g_autofree char *query = NULL;
  g_autofree char *folded_query = NULL;
  TrellisLearner *owner = NULL;
  TrellisProfileKind kinds[] = { TRELLIS_PROFILE_KIND_INTEREST, TRELLIS_PROFILE_KIND_NEED };

  /* Each kind searched: an entry's text finds its learner, not by name. */
  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      guint n_expected = 0;

      owner = NULL;
      g_clear_pointer (&query, g_free);
      for (guint i = 0; i < g_list_model_get_n_items (learners) && owner == NULL; i++)
        {
          g_autoptr(TrellisLearner) learner = g_list_model_get_item (learners, i);
          g_autoptr(GPtrArray) entries = trellis_profile_list_entries (fixture->gui.classroom, learner, NULL);

          for (guint j = 0; entries != NULL && j < entries->len; j++)
            {
              TrellisProfileEntry *entry = g_ptr_array_index (entries, j);

              if (entry->kind == kinds[k])
                {
                  owner = learner;
                  query = g_strdup (entry->text);
                  break;
                }
            }
        }

      if (owner == NULL)
        {
          /* The sample has none of this kind: give one learner one. */
          g_autoptr(GError) error = NULL;
          g_autoptr(TrellisLearner) learner = g_list_model_get_item (learners, 5);

          owner = learner;
          query = g_strdup (k == 0 ? "Origami cranes" : "Extra time on tests");
          trellis_profile_add_entry (fixture->gui.classroom, learner, kinds[k], query, &error);
          g_assert_no_error (error);
        }

      g_clear_pointer (&folded_query, g_free);
      folded_query = g_utf8_casefold (query, -1);

      trellis_learner_list_view_set_search_text (fixture->list_view, query);
      g_clear_pointer (&visible, g_ptr_array_unref);
      visible = visible_learners (fixture);

      g_assert_true (g_ptr_array_find (visible, owner, NULL));
      g_assert_cmpuint (visible->len, <, N_SAMPLE_LEARNERS);

      /* Everyone whose name, interests or needs hold the text is shown. */
      for (guint i = 0; i < g_list_model_get_n_items (learners); i++)
        {
          g_autoptr(TrellisLearner) learner = g_list_model_get_item (learners, i);
          g_autoptr(GPtrArray) entries = trellis_profile_list_entries (fixture->gui.classroom, learner, NULL);
          gboolean expected = contains_folded (trellis_learner_get_name (learner), folded_query) ||
                              contains_folded (trellis_learner_get_display_name (learner), folded_query);

          for (guint j = 0; entries != NULL && j < entries->len; j++)
            {
              TrellisProfileEntry *entry = g_ptr_array_index (entries, j);

              if ((entry->kind == TRELLIS_PROFILE_KIND_INTEREST || entry->kind == TRELLIS_PROFILE_KIND_NEED) &&
                  contains_folded (entry->text, folded_query))
                expected = TRUE;
            }

          if (expected)
            {
              n_expected++;
              g_assert_true (g_ptr_array_find (visible, learner, NULL));
            }
        }
      g_assert_cmpuint (n_expected, >=, 1);
      g_test_message ("“%s” finds %u learners", query, visible->len);
    }

  trellis_learner_list_view_set_search_text (fixture->list_view, "");
  g_assert_cmpuint (count_rows (fixture->list_box), ==, N_SAMPLE_LEARNERS);
}

typedef enum
{
  FILTER_STALE,
  FILTER_CONFERENCE_DUE,
  FILTER_GOAL_OVERDUE,
} FilterKind;

static gboolean
expect_filtered (TrellisClassroom *classroom,
                 TrellisLearner   *learner,
                 FilterKind        kind,
                 GPtrArray        *stale)
{
  g_autofree char *today = trellis_classroom_today (classroom);

  switch (kind)
    {
    case FILTER_STALE:
      return g_ptr_array_find (stale, learner, NULL);

    case FILTER_CONFERENCE_DUE:
      {
        g_autofree char *due = trellis_profile_next_conference_due (classroom, learner, NULL);

        return due != NULL && strcmp (due, today) <= 0;
      }

    case FILTER_GOAL_OVERDUE:
      {
        g_autoptr(GPtrArray) goals = trellis_profile_list_goals (classroom, learner, NULL);

        for (guint i = 0; goals != NULL && i < goals->len; i++)
          {
            TrellisGoal *goal = g_ptr_array_index (goals, i);

            if (goal->status == TRELLIS_GOAL_STATUS_ACTIVE && goal->target_date != NULL &&
                strcmp (goal->target_date, today) < 0)
              return TRUE;
          }
        return FALSE;
      }

    default:
      g_assert_not_reached ();
    }
}

static void
test_filters (Fixture       *fixture,
              gconstpointer  data)
{
  static const struct {
    FilterKind  kind;
    const char *action;
    const char *property;
  } filters[] = {
    { FILTER_STALE, "learner-list.filter-stale", "filter-stale" },
    { FILTER_CONFERENCE_DUE, "learner-list.filter-conference-due", "filter-conference-due" },
    { FILTER_GOAL_OVERDUE, "learner-list.filter-goal-overdue", "filter-goal-overdue" },
  };
  GListModel *learners = trellis_classroom_get_learners (fixture->gui.classroom);
  g_autoptr(GPtrArray) stale = trellis_profile_list_stale_learners (fixture->gui.classroom, NULL);

  g_assert_nonnull (stale);

  /* The stale marker is on exactly the stale learners' rows. */
  for (guint i = 0; i < N_SAMPLE_LEARNERS; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (fixture->list_box, (int) i);
      TrellisLearner *learner = trellis_learner_row_get_learner (TRELLIS_LEARNER_ROW (row));

      g_assert_cmpint (trellis_learner_row_get_stale (TRELLIS_LEARNER_ROW (row)), ==,
                       g_ptr_array_find (stale, learner, NULL));
    }

  for (guint f = 0; f < G_N_ELEMENTS (filters); f++)
    {
      g_autoptr(GPtrArray) expected = g_ptr_array_new_with_free_func (g_object_unref);
      g_autoptr(GPtrArray) visible = NULL;
      gboolean active = FALSE;

      for (guint i = 0; i < g_list_model_get_n_items (learners); i++)
        {
          g_autoptr(TrellisLearner) learner = g_list_model_get_item (learners, i);

          if (expect_filtered (fixture->gui.classroom, learner, filters[f].kind, stale))
            g_ptr_array_add (expected, g_object_ref (learner));
        }

      /* The menu's check item is the property's action. */
      gtk_widget_activate_action (GTK_WIDGET (fixture->list_view), filters[f].action, NULL);
      g_object_get (fixture->list_view, filters[f].property, &active, NULL);
      g_assert_true (active);

      visible = visible_learners (fixture);
      g_test_message ("%s: %u of %u learners", filters[f].property, visible->len, N_SAMPLE_LEARNERS);
      g_assert_cmpuint (visible->len, ==, expected->len);
      for (guint i = 0; i < visible->len; i++)
        g_assert_true (g_ptr_array_index (visible, i) == g_ptr_array_index (expected, i));
      g_assert_cmpuint (count_rows (fixture->list_box), ==, expected->len);
      g_assert_cmpstr (_trellis_learner_list_view_get_visible_state (fixture->list_view), ==,
                       expected->len > 0 ? "list" : "no-results");

      gtk_widget_activate_action (GTK_WIDGET (fixture->list_view), filters[f].action, NULL);
      g_object_get (fixture->list_view, filters[f].property, &active, NULL);
      g_assert_false (active);
      g_assert_cmpuint (count_rows (fixture->list_box), ==, N_SAMPLE_LEARNERS);
    }

  /* A profile revisited is no longer stale: the filter follows an edit once refreshed. */
  if (stale->len > 0)
    {
      TrellisLearner *learner = g_ptr_array_index (stale, 0);
      g_autoptr(GError) error = NULL;

      g_object_set (fixture->list_view, "filter-stale", TRUE, NULL);
      g_assert_cmpuint (count_rows (fixture->list_box), ==, stale->len);

      trellis_profile_add_entry (fixture->gui.classroom, learner, TRELLIS_PROFILE_KIND_INTEREST, "Chess", &error);
      g_assert_no_error (error);
      trellis_learner_list_view_refresh (fixture->list_view);
      g_assert_cmpuint (count_rows (fixture->list_box), ==, stale->len - 1);
      g_object_set (fixture->list_view, "filter-stale", FALSE, NULL);
    }
}

static void
test_delete_confirmation (Fixture       *fixture,
                          gconstpointer  data)
{
  GListModel *learners = trellis_classroom_get_learners (fixture->gui.classroom);
  g_autoptr(GError) error = NULL;
  TrellisLearnerDataCounts counts;
  AdwMessageDialog *dialog;
  TrellisLearner *learner;
  const char *body;
  guint best = 0;

  /* The learner with the most data. */
  for (guint i = 0, most = 0; i < N_SAMPLE_LEARNERS; i++)
    {
      guint total;

      g_assert_true (trellis_profile_count_learner_data (fixture->gui.classroom, learner_at (fixture, (int) i), &counts, &error));
      g_assert_no_error (error);
      total = counts.n_entries + counts.n_goals + counts.n_reflections + counts.n_conferences + counts.n_evidence + counts.n_progress;
      if (total > most)
        {
          most = total;
          best = i;
        }
    }

  select_row (fixture, (int) best);
  learner = learner_at (fixture, (int) best);
  g_assert_true (trellis_profile_count_learner_data (fixture->gui.classroom, learner, &counts, &error));

  gtk_widget_activate_action (GTK_WIDGET (fixture->gui.window), "win.delete-learner", NULL);
  dialog = _trellis_window_get_delete_dialog (fixture->gui.window);
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (fixture->gui.window));
  g_assert_nonnull (strstr (adw_message_dialog_get_heading (dialog), trellis_learner_get_display_name (learner)));

  /* The body names every kind of data with its count. */
  body = adw_message_dialog_get_body (dialog);
  g_test_message ("%s", body);
#define EXPECT_COUNT(n, fmt) \
  if ((n) > 1) \
    { \
      g_autofree char *part = g_strdup_printf (fmt, (n)); \
      g_assert_nonnull (strstr (body, part)); \
    }
  EXPECT_COUNT (counts.n_entries, "profile (%u entries)");
  EXPECT_COUNT (counts.n_goals, "%u goals");
  EXPECT_COUNT (counts.n_reflections, "%u reflections");
  EXPECT_COUNT (counts.n_conferences, "%u conferences");
  EXPECT_COUNT (counts.n_evidence, "%u pieces of evidence");
  EXPECT_COUNT (counts.n_progress, "progress on %u activities");
#undef EXPECT_COUNT
  g_assert_nonnull (strstr (body, "undo"));

  /* Cancel deletes nothing. */
  adw_message_dialog_response (dialog, "cancel");
  trellis_test_iterate_pending ();
  g_assert_null (_trellis_window_get_delete_dialog (fixture->gui.window));
  g_assert_null (_trellis_window_get_delete_toast (fixture->gui.window));
  g_assert_cmpuint (g_list_model_get_n_items (learners), ==, N_SAMPLE_LEARNERS);
  g_assert_cmpuint (count_rows (fixture->list_box), ==, N_SAMPLE_LEARNERS);
  g_assert_cmpint (count_learner_rows_in_file (fixture->gui.classroom), ==, N_SAMPLE_LEARNERS);
  g_assert_true (trellis_learner_list_view_get_selected_learner (fixture->list_view) == learner);
  {
    TrellisLearnerDataCounts after;

    g_assert_true (trellis_profile_count_learner_data (fixture->gui.classroom, learner, &after, &error));
    g_assert_true (memcmp (&after, &counts, sizeof counts) == 0);
  }
}

static void
test_empty_classroom (Fixture       *fixture,
                      gconstpointer  data)
{
  GtkStack *content = GTK_STACK (_trellis_window_get_content_stack (fixture->gui.window));
  AdwMessageDialog *dialog;

  g_assert_cmpuint (count_rows (fixture->list_box), ==, 0);
  g_assert_cmpstr (_trellis_learner_list_view_get_visible_state (fixture->list_view), ==, "empty");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (content), ==, "no-learners");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (fixture->gui.window)), ==, "Empty Room");

  dialog = open_name_dialog (fixture, "win.add-learner");
  gtk_editable_set_text (GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog)), "Ada Lovelace");
  adw_message_dialog_response (dialog, "apply");
  trellis_test_iterate_pending ();

  g_assert_cmpuint (count_rows (fixture->list_box), ==, 1);
  g_assert_cmpstr (_trellis_learner_list_view_get_visible_state (fixture->list_view), ==, "list");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (content), ==, "learner");

  /* Deleting the only learner comes back to the empty state. */
  delete_selected (fixture);
  g_assert_cmpuint (count_rows (fixture->list_box), ==, 0);
  g_assert_cmpstr (_trellis_learner_list_view_get_visible_state (fixture->list_view), ==, "empty");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (content), ==, "no-learners");
}

static void
test_start_page_recent (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *dir = g_dir_make_tmp ("trellis-test-recent-XXXXXX", &error);
  g_autofree char *present = NULL;
  g_autofree char *missing = NULL;
  g_autofree char *folder = NULL;
  g_auto(GStrv) remaining = NULL;
  TrellisClassroom *classroom;
  TrellisWindow *window;
  GtkListBox *recent;
  GtkListBoxRow *row;
  GtkWidget *remove_button;

  g_assert_no_error (error);
  present = g_build_filename (dir, "Room 12.trellis", NULL);
  missing = g_build_filename (dir, "Gone.trellis", NULL);
  classroom = trellis_classroom_create (present, "Room 12", &error);
  g_assert_no_error (error);
  g_assert_finalize_object (classroom);

  g_settings_set_strv (settings, "recent-classrooms",
                       (const char * const[]) { present, missing, NULL });

  window = g_object_ref (trellis_window_new (NULL));
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));

  recent = _trellis_start_page_get_recent_list (_trellis_window_get_start_page (window));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (recent)));
  g_assert_cmpuint (count_rows (recent), ==, 2);

  /* The file that is there: its name, its folder, opens when activated. */
  folder = g_filename_display_name (dir);
  row = gtk_list_box_get_row_at_index (recent, 0);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Room 12");
  g_assert_true (g_str_has_suffix (folder, adw_action_row_get_subtitle (ADW_ACTION_ROW (row)) + 1));
  g_assert_true (gtk_list_box_row_get_activatable (row));
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (row)), ==, "app.open-path");
  g_assert_cmpstr (g_variant_get_string (gtk_actionable_get_action_target_value (GTK_ACTIONABLE (row)), NULL), ==, present);
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (row), "missing"));
  g_assert_null (trellis_gui_test_find_widget (GTK_WIDGET (row), trellis_gui_test_is_visible_label, "File Missing"));

  /* The missing one says so and cannot be opened. */
  row = gtk_list_box_get_row_at_index (recent, 1);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Gone");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (row), "missing"));
  g_assert_nonnull (trellis_gui_test_find_widget (GTK_WIDGET (row), trellis_gui_test_is_visible_label, "File Missing"));
  g_assert_false (gtk_list_box_row_get_activatable (row));
  g_assert_null (gtk_actionable_get_action_name (GTK_ACTIONABLE (row)));

  /* Its remove button has a name for screen readers, and removes it. */
  remove_button = trellis_gui_test_find_widget (GTK_WIDGET (row), trellis_gui_test_is_of_type,
                                                g_type_name (GTK_TYPE_BUTTON));
  g_assert_nonnull (remove_button);
  g_assert_nonnull (gtk_widget_get_tooltip_text (remove_button));
  g_signal_emit_by_name (remove_button, "clicked");
  trellis_test_iterate_pending ();

  remaining = g_settings_get_strv (settings, "recent-classrooms");
  g_assert_cmpuint (g_strv_length (remaining), ==, 1);
  g_assert_cmpstr (remaining[0], ==, present);
  g_assert_cmpuint (count_rows (recent), ==, 1);

  /* No recent classrooms: no list at all. */
  g_settings_reset (settings, "recent-classrooms");
  g_assert_cmpuint (count_rows (recent), ==, 0);
  g_assert_false (gtk_widget_get_visible (gtk_widget_get_parent (GTK_WIDGET (recent))));

  gtk_window_destroy (GTK_WINDOW (window));
  trellis_test_iterate_pending ();
  g_assert_finalize_object (window);
  trellis_test_remove_tree (dir);
}

static void
test_screenshot_renders (Fixture       *fixture,
                         gconstpointer  data)
{
  GtkWidget *widget = GTK_WIDGET (fixture->gui.window);
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  select_row (fixture, 0);
  gtk_test_widget_wait_for_draw (widget);

  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_to_node (snapshot);
  g_assert_nonnull (node);

  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (widget)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_cmpint (gdk_texture_get_width (texture), ==, width);
  g_assert_cmpint (gdk_texture_get_height (texture), ==, height);
}

static void
on_window_data_changed (TrellisClassroom        *classroom,
                        const TrellisDataChange *change,
                        guint                   *refits)
{
  if (change->kinds & TRELLIS_DATA_MASTERY)
    (*refits)++;
}

/* Waits (main loop running) until the window's classroom has no refit
 * pending; FALSE after 20 s. */
static gboolean
wait_fitted (TrellisClassroom *classroom)
{
  gint64 end = g_get_monotonic_time () + 20 * G_TIME_SPAN_SECOND;

  while (trellis_mastery_needs_refit (classroom))
    {
      if (g_get_monotonic_time () > end)
        return FALSE;
      g_main_context_iteration (NULL, FALSE);
      g_usleep (2000);
    }
  return TRUE;
}

/* The open window keeps the model fitted to new evidence, without being
 * asked and without blocking: the refit runs in the background, and the
 * views hear of it through ::data-changed. */
static void
test_mastery_refit_in_background (Fixture       *fixture,
                                  gconstpointer  data)
{
  TrellisClassroom *classroom = trellis_window_get_classroom (fixture->gui.window);
  TrellisLearner *learner = TRELLIS_LEARNER (g_list_model_get_item (trellis_classroom_get_learners (classroom), 0));
  g_autoptr(GError) error = NULL;
  gint64 skill;
  guint refits = 0;

  g_assert_true (wait_fitted (classroom));
  g_signal_connect (classroom, "data-changed", G_CALLBACK (on_window_data_changed), &refits);

  skill = trellis_test_query_int (classroom, "SELECT min(id) FROM skills");
  for (guint day = 1; day <= 3; day++)
    {
      g_autofree char *date = g_strdup_printf ("2026-11-%02u", day);

      g_assert_cmpint (trellis_mastery_add_evidence (classroom, trellis_learner_get_id (learner), skill,
                                                     TRELLIS_BKT_EVIDENCE_BINARY, day % 2, 0, date, &error),
                       >, 0);
      g_assert_no_error (error);
    }
  g_assert_true (trellis_mastery_needs_refit (classroom));
  g_assert_cmpuint (refits, ==, 0);

  g_assert_true (wait_fitted (classroom));
  trellis_gui_test_settle (GTK_WIDGET (fixture->gui.window), 100);
  g_assert_cmpuint (refits, ==, 1);

  g_signal_handlers_disconnect_by_data (classroom, &refits);
  g_object_unref (learner);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  /* Tests act faster than people: without animations, a toast is not
   * dismissed during its show animation, which libadwaita 1.2's toast
   * overlay does not survive (it frees the toast while animating). */
  if (g_getenv ("TRELLIS_TEST_ANIMATIONS") == NULL)
    g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

#define ADD(path, func, empty) \
  g_test_add (path, Fixture, (empty) ? "Empty Room" : NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/window/lists-learners", test_lists_learners, FALSE);
  ADD ("/window/delete-and-undo", test_delete_and_undo, FALSE);
  ADD ("/window/delete-and-dismiss", test_delete_and_dismiss, FALSE);
  ADD ("/window/delete-twice", test_delete_twice, FALSE);
  ADD ("/window/close-purges", test_close_purges, FALSE);
  ADD ("/window/add-learner", test_add_learner, FALSE);
  ADD ("/window/rename-learner", test_rename_learner, FALSE);
  ADD ("/window/search", test_search, FALSE);
  ADD ("/window/search-interest", test_search_interest, FALSE);
  ADD ("/window/filters", test_filters, FALSE);
  ADD ("/window/delete-confirmation", test_delete_confirmation, FALSE);
  ADD ("/window/empty-classroom", test_empty_classroom, TRUE);
  ADD ("/window/screenshot-renders", test_screenshot_renders, FALSE);
  ADD ("/window/mastery-refit-in-background", test_mastery_refit_in_background, FALSE);
  g_test_add_func ("/window/start-page-recent", test_start_page_recent);

#undef ADD

  return g_test_run ();
}

/* test-gradebook.c
 *
 * Copyright 2026 The Trellis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * Gradebook Columns… from the window: on a classroom with the Canvas
 * sample imported, choosing a skill in a column's row writes the mapping
 * at once, and the file's evidence rows for that column carry the skill.
 * The import's report opens the same dialog; a failed write puts the row
 * back.  With $TRELLIS_TEST_SCREENSHOTS set to a folder, the dialogs are
 * also rendered there as PNG files, to look at.
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "trellis-gui-test-utils.h"
#include "trellis-test-utils.h"
#include "trellis-gradebook.h"
#include "trellis-gradebook-dialog-private.h"
#include "trellis-import.h"
#include "trellis-import-dialog-private.h"
#include "trellis-window-private.h"

typedef struct
{
  TrellisGuiTestFixture  gui;
  gint64                 skill_id;
} Fixture;

static char *
sample_path (void)
{
  const char *shared = g_getenv ("TRELLIS_SHARED_DIR");

  g_assert_nonnull (shared);
  return g_build_filename (shared, "exchange", "samples", "canvas-gradebook.csv", NULL);
}

static gint64
query_int (const char *path,
           const char *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisClassroom) classroom = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  /* A connection of its own: what the file holds, not what the window caches. */
  classroom = trellis_classroom_open (path, TRELLIS_OPEN_FLAGS_READ_ONLY, &error);
  g_assert_no_error (error);
  stmt = trellis_classroom_prepare (classroom, sql, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);

  return sqlite3_column_int64 (stmt, 0);
}

static void
render_png (GtkWidget  *widget,
            const char *name)
{
  const char *dir = g_getenv ("TRELLIS_TEST_SCREENSHOTS");
  g_autofree char *path = NULL;

  if (dir == NULL)
    return;

  gtk_test_widget_wait_for_draw (widget);
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
  gtk_test_widget_wait_for_draw (widget);

  path = g_build_filename (dir, name, NULL);
  trellis_gui_test_save_png (widget, NULL, path);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisImportReport) report = NULL;
  g_autofree char *input = NULL;
  gboolean import = GPOINTER_TO_INT (data);
  TrellisSkill *skill;

  trellis_gui_test_fixture_make_dir (&fixture->gui, "Social Studies 6.trellis");

  fixture->gui.classroom = trellis_classroom_create (fixture->gui.path, "Social Studies 6", &error);
  g_assert_no_error (error);
  trellis_classroom_add_skill (fixture->gui.classroom, "SS6.1", "Reading maps", &error);
  g_assert_no_error (error);
  skill = trellis_classroom_add_skill (fixture->gui.classroom, "SS6.2", "Primary sources", &error);
  g_assert_no_error (error);
  fixture->skill_id = trellis_skill_get_id (skill);

  if (import)
    {
      input = sample_path ();
      report = trellis_import (fixture->gui.classroom, input, TRELLIS_IMPORT_FORMAT_CANVAS, NULL,
                               TRELLIS_IMPORT_FLAGS_CREATE_LEARNERS, &error);
      g_assert_no_error (error);
      g_assert_nonnull (report);
    }

  /* The window shows the file as opened afresh. */
  g_clear_object (&fixture->gui.classroom);
  fixture->gui.classroom = trellis_classroom_open (fixture->gui.path, TRELLIS_OPEN_FLAGS_NONE, &error);
  g_assert_no_error (error);

  trellis_gui_test_fixture_open_window (&fixture->gui);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  trellis_gui_test_fixture_tear_down (&fixture->gui, data);
}

static TrellisGradebookDialog *
find_dialog (Fixture *fixture)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (TRELLIS_IS_GRADEBOOK_DIALOG (window))
        {
          g_assert_true (gtk_window_get_transient_for (window) == GTK_WINDOW (fixture->gui.window));
          g_assert_true (gtk_window_get_modal (window));
          return TRELLIS_GRADEBOOK_DIALOG (window);
        }
    }

  return NULL;
}

static void
test_map_column (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(TrellisGradebookDialog) dialog = NULL;
  g_autofree char *mapped_sql = NULL;
  g_autofree char *scores_sql = NULL;
  TrellisGradebookItem *item = NULL;
  AdwComboRow *row;
  guint position;

  items = trellis_gradebook_list_items (fixture->gui.classroom, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < items->len && item == NULL; i++)
    if (((TrellisGradebookItem *) g_ptr_array_index (items, i))->n_scores > 0)
      item = g_ptr_array_index (items, i);
  g_assert_nonnull (item);

  gtk_widget_activate_action (GTK_WIDGET (fixture->gui.window), "win.gradebook", NULL);
  dialog = g_object_ref (find_dialog (fixture));
  g_assert_nonnull (dialog);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (dialog));

  /* Every column has its row, none mapped yet. */
  for (guint i = 0; i < items->len; i++)
    {
      TrellisGradebookItem *other = g_ptr_array_index (items, i);

      row = _trellis_gradebook_dialog_get_row (dialog, other->id);
      g_assert_nonnull (row);
      g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, other->title);
      g_assert_cmpuint (adw_combo_row_get_selected (row), ==, 0);
    }

  row = _trellis_gradebook_dialog_get_row (dialog, item->id);
  position = _trellis_gradebook_dialog_find_skill (dialog, fixture->skill_id);
  g_assert_cmpuint (position, >, 0);
  g_assert_cmpstr (gtk_string_object_get_string (adw_combo_row_get_selected_item (row)), ==, "Not mapped");

  /* Choosing the skill in the row writes it to the file. */
  adw_combo_row_set_selected (row, position);
  g_assert_null (_trellis_gradebook_dialog_get_error (dialog));

  mapped_sql = g_strdup_printf ("SELECT count(*) FROM evidence WHERE item_id = %" G_GINT64_FORMAT
                                " AND skill_id = %" G_GINT64_FORMAT, item->id, fixture->skill_id);
  scores_sql = g_strdup_printf ("SELECT count(*) FROM evidence WHERE item_id = %" G_GINT64_FORMAT, item->id);
  g_assert_cmpint (query_int (fixture->gui.path, mapped_sql), ==, item->n_scores);
  g_assert_cmpint (query_int (fixture->gui.path, scores_sql), ==, item->n_scores);
  g_assert_cmpint (query_int (fixture->gui.path, "SELECT count(*) FROM evidence WHERE skill_id IS NOT NULL"),
                   ==, item->n_scores);
  g_assert_cmpint (query_int (fixture->gui.path, "SELECT count(*) FROM mastery_state"), >, 0);

  render_png (GTK_WIDGET (dialog), "gradebook.png");

  /* Back to "Not mapped". */
  adw_combo_row_set_selected (row, 0);
  g_assert_null (_trellis_gradebook_dialog_get_error (dialog));
  g_assert_cmpint (query_int (fixture->gui.path, "SELECT count(*) FROM evidence WHERE skill_id IS NOT NULL"), ==, 0);

  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* A skill deleted meanwhile: the row goes back to what the file holds. */
static void
test_map_error (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(TrellisGradebookDialog) dialog = NULL;
  g_autoptr(TrellisClassroom) other = NULL;
  g_autofree char *sql = NULL;
  TrellisGradebookItem *item;
  AdwComboRow *row;
  guint position;

  items = trellis_gradebook_list_items (fixture->gui.classroom, &error);
  g_assert_no_error (error);
  item = g_ptr_array_index (items, 0);

  gtk_widget_activate_action (GTK_WIDGET (fixture->gui.window), "win.gradebook", NULL);
  dialog = g_object_ref (find_dialog (fixture));
  g_assert_nonnull (dialog);
  row = _trellis_gradebook_dialog_get_row (dialog, item->id);
  position = _trellis_gradebook_dialog_find_skill (dialog, fixture->skill_id);

  other = trellis_classroom_open (fixture->gui.path, TRELLIS_OPEN_FLAGS_NONE, &error);
  g_assert_no_error (error);
  sql = g_strdup_printf ("DELETE FROM skills WHERE id = %" G_GINT64_FORMAT, fixture->skill_id);
  trellis_classroom_exec (other, sql, &error);
  g_assert_no_error (error);

  adw_combo_row_set_selected (row, position);
  g_assert_nonnull (_trellis_gradebook_dialog_get_error (dialog));
  g_assert_cmpuint (adw_combo_row_get_selected (row), ==, 0);
  g_assert_cmpint (query_int (fixture->gui.path, "SELECT count(*) FROM gradebook_items WHERE skill_id IS NOT NULL"), ==, 0);
  render_png (GTK_WIDGET (dialog), "gradebook-error.png");

  gtk_window_destroy (GTK_WINDOW (dialog));
}

static gboolean
import_busy (gpointer dialog)
{
  return _trellis_import_dialog_get_busy (dialog);
}

/* The import's report offers the mapping of the new columns. */
static void
test_from_import (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *input = sample_path ();
  g_autoptr(GFile) file = g_file_new_for_path (input);
  g_autoptr(TrellisImportDialog) import = NULL;
  g_autoptr(TrellisGradebookDialog) dialog = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *toplevels = gtk_window_get_toplevels ();
  GtkButton *map_button;

  g_assert_null (find_dialog (fixture));
  gtk_widget_activate_action (GTK_WIDGET (fixture->gui.window), "win.import", NULL);
  for (guint i = 0; i < g_list_model_get_n_items (toplevels) && import == NULL; i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (TRELLIS_IS_IMPORT_DIALOG (window))
        import = g_object_ref (TRELLIS_IMPORT_DIALOG (window));
    }
  g_assert_nonnull (import);

  _trellis_import_dialog_set_create_learners (import, TRUE);
  _trellis_import_dialog_set_file (import, file);
  trellis_gui_test_wait_while (import_busy, import, 30);
  map_button = GTK_BUTTON (trellis_gui_test_find_widget (GTK_WIDGET (import), trellis_gui_test_is_button_labelled,
                                                        "_Map Columns to Skills…"));
  g_assert_nonnull (map_button);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (map_button)));

  _trellis_import_dialog_run_import (import);
  trellis_gui_test_wait_while (import_busy, import, 30);
  g_assert_null (_trellis_import_dialog_get_error (import));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (map_button)));
  render_png (GTK_WIDGET (import), "gradebook-import-done.png");

  /* The window reloaded the classroom: the dialog shows the new columns. */
  g_signal_emit_by_name (map_button, "clicked");
  dialog = g_object_ref (find_dialog (fixture));
  g_assert_nonnull (dialog);

  items = trellis_gradebook_list_items (trellis_window_get_classroom (fixture->gui.window), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (items->len, >, 0);
  for (guint i = 0; i < items->len; i++)
    g_assert_nonnull (_trellis_gradebook_dialog_get_row (dialog, ((TrellisGradebookItem *) g_ptr_array_index (items, i))->id));

  gtk_window_destroy (GTK_WINDOW (dialog));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  g_test_add ("/gradebook/map-column", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up, test_map_column,
              fixture_tear_down);
  g_test_add ("/gradebook/map-error", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up, test_map_error,
              fixture_tear_down);
  g_test_add ("/gradebook/from-import", Fixture, GINT_TO_POINTER (FALSE), fixture_set_up, test_from_import,
              fixture_tear_down);

  return g_test_run ();
}

/* test-exchange.c
 *
 * Copyright 2026 The Trellis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * Exchange with the LMS from the window: Import… previews the Canvas
 * sample gradebook (the counts of samples/README.md) without writing a
 * byte, then imports it and the window shows the reloaded classroom; a
 * malformed file gives a plain error and changes nothing; Export… writes
 * a playlist as a Common Cartridge that passes validate-cc, and a CSV
 * report.  Imports and exports run in threads: the tests iterate the main
 * context until they finish.
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>

#include "trellis-gui-test-utils.h"
#include "trellis-test-utils.h"
#include "trellis-export-dialog-private.h"
#include "trellis-import-dialog-private.h"
#include "trellis-sample.h"
#include "trellis-window-private.h"

typedef TrellisGuiTestFixture Fixture;

/* The ten learners of the samples, with their stable keys (README.md). */
static const struct
{
  const char *name;
  const char *sis_id;
  const char *login;
  const char *email;
} roster[] = {
  { "Zoë Achterberg", "S25-0101", "zachterberg", "zoe.achterberg@riverside.example" },
  { "Oluwaseun Adeyemi", "S25-0104", "oadeyemi", "oluwaseun.adeyemi@riverside.example" },
  { "José Álvarez García", "S25-0109", "jalvarez", "jose.alvarez@riverside.example" },
  { "Mei-Ling Chen", "S25-0097", "mchen", "meiling.chen@riverside.example" },
  { "Élodie Durand-Leclerc", "S25-0120", "edurand", "elodie.durand@riverside.example" },
  { "Søren Lindqvist", "S25-0092", "slindqvist", "soren.lindqvist@riverside.example" },
  { "Thị Lan Nguyễn", "S25-0115", "tlnguyen", "lan.nguyen@riverside.example" },
  { "Liam O'Brien", "S25-0107", "lobrien", "liam.obrien@riverside.example" },
  { "Amara Okonkwo-Bello", "S25-0123", "aokonkwo", "amara.okonkwo@riverside.example" },
  { "Aiyana Redcloud", "S25-0099", "aredcloud", "aiyana.redcloud@riverside.example" },
};

/* Helpers */

static char *
sample_path (const char *name)
{
  const char *shared = g_getenv ("TRELLIS_SHARED_DIR");

  g_assert_nonnull (shared);
  return g_build_filename (shared, "exchange", "samples", name, NULL);
}

static GBytes *
read_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *data = NULL;
  gsize length = 0;

  g_file_get_contents (path, &data, &length, &error);
  g_assert_no_error (error);

  return g_bytes_new_take (data, length);
}

static gboolean
import_busy (gpointer dialog)
{
  return _trellis_import_dialog_get_busy (dialog);
}

static gboolean
export_busy (gpointer dialog)
{
  return _trellis_export_dialog_get_busy (dialog);
}

/* The dialog an action opened, transient for the window. */
static GtkWindow *
find_dialog (Fixture *fixture,
             GType    type)
{
  GtkWindow *window = trellis_gui_test_find_transient (type, GTK_WINDOW (fixture->window));

  g_assert_true (gtk_window_get_modal (window));
  return window;
}

static void
maybe_screenshot (gpointer    widget,
                  const char *name)
{
  const char *dir = g_getenv ("TRELLIS_TEST_SCREENSHOTS");
  g_autofree char *path = NULL;

  if (dir == NULL)
    return;

  if (g_getenv ("TRELLIS_TEST_SCREENSHOTS_DARK") != NULL)
    adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  if (g_getenv ("TRELLIS_TEST_SCREENSHOTS_WIDTH") != NULL)
    {
      /* A new default size applies when the window is mapped again. */
      gtk_widget_set_visible (GTK_WIDGET (widget), FALSE);
      gtk_window_set_default_size (GTK_WINDOW (widget), atoi (g_getenv ("TRELLIS_TEST_SCREENSHOTS_WIDTH")), 760);
    }

  gtk_window_present (GTK_WINDOW (widget));
  gtk_test_widget_wait_for_draw (widget);
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
  gtk_test_widget_wait_for_draw (widget);
  path = g_build_filename (dir, name, NULL);
  trellis_gui_test_save_png (widget, NULL, path);

  /* Then the end of it, scrolled down. */
  if (!g_str_has_prefix (name, "bottom-"))
    {
      GtkWidget *scrolled = trellis_gui_test_find_widget (widget, trellis_gui_test_is_of_type,
                                                          g_type_name (GTK_TYPE_SCROLLED_WINDOW));
      GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
      g_autofree char *bottom = g_strconcat ("bottom-", name, NULL);

      if (gtk_adjustment_get_upper (adjustment) > gtk_adjustment_get_page_size (adjustment))
        {
          gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
          maybe_screenshot (widget, bottom);
          gtk_adjustment_set_value (adjustment, 0);
        }
    }
}

/* Fixture */

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gboolean sample = GPOINTER_TO_INT (data);

  trellis_gui_test_fixture_make_dir (fixture, "Social Studies 6.trellis");

  if (sample)
    {
      fixture->classroom = trellis_sample_create (fixture->path, 0, &error);
      g_assert_no_error (error);
    }
  else
    {
      fixture->classroom = trellis_classroom_create (fixture->path, "Social Studies 6", &error);
      g_assert_no_error (error);

      for (guint i = 0; i < G_N_ELEMENTS (roster); i++)
        {
          g_autoptr(sqlite3_stmt) stmt = trellis_classroom_prepare (fixture->classroom,
            "INSERT INTO learners (name, sis_id, login, email, created_at) "
            "VALUES (?1, ?2, ?3, ?4, '2026-01-01T00:00:00Z')", &error);

          g_assert_no_error (error);
          sqlite3_bind_text (stmt, 1, roster[i].name, -1, SQLITE_STATIC);
          sqlite3_bind_text (stmt, 2, roster[i].sis_id, -1, SQLITE_STATIC);
          sqlite3_bind_text (stmt, 3, roster[i].login, -1, SQLITE_STATIC);
          sqlite3_bind_text (stmt, 4, roster[i].email, -1, SQLITE_STATIC);
          trellis_classroom_step (fixture->classroom, stmt, &error);
          g_assert_no_error (error);
        }

      /* The window lists the learners as a file opened afresh would. */
      g_clear_object (&fixture->classroom);
      fixture->classroom = trellis_classroom_open (fixture->path, TRELLIS_OPEN_FLAGS_NONE, &error);
      g_assert_no_error (error);
    }

  trellis_gui_test_fixture_open_window (fixture);
}

/* Tests */

static void
test_import_canvas (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *input = sample_path ("canvas-gradebook.csv");
  g_autoptr(GFile) file = g_file_new_for_path (input);
  g_autoptr(GBytes) before = read_bytes (fixture->path);
  g_autoptr(GBytes) after = NULL;
  g_autoptr(TrellisImportDialog) dialog = NULL;
  const TrellisImportReport *report;
  TrellisClassroom *reloaded;

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.import", NULL);
  dialog = g_object_ref ((TrellisImportDialog *) find_dialog (fixture, TRELLIS_TYPE_IMPORT_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_null (_trellis_import_dialog_get_report (dialog));

  /* Choosing the file runs the dry run at once. */
  _trellis_import_dialog_set_file (dialog, file);
  g_assert_true (_trellis_import_dialog_get_busy (dialog));
  trellis_gui_test_wait_while (import_busy, dialog, 30);

  g_assert_null (_trellis_import_dialog_get_error (dialog));
  report = _trellis_import_dialog_get_report (dialog);
  g_assert_nonnull (report);
  g_assert_true (report->dry_run);
  g_assert_cmpint (report->format, ==, TRELLIS_IMPORT_FORMAT_CANVAS);
  g_assert_cmpuint (report->learners_in_file, ==, 10);
  g_assert_cmpuint (report->learners_matched, ==, 10);
  g_assert_cmpuint (report->learners_created, ==, 0);
  g_assert_cmpuint (report->learners_unmatched, ==, 0);
  g_assert_cmpuint (report->items_created, ==, 6);
  g_assert_cmpuint (report->evidence_added, ==, 45);
  g_assert_cmpfloat_with_epsilon (report->points_total, 497.5, 1e-9);
  g_assert_cmpuint (report->skipped[TRELLIS_IMPORT_SKIP_EXCUSED], ==, 2);
  g_assert_cmpuint (report->skipped[TRELLIS_IMPORT_SKIP_NOT_ASSIGNED], ==, 1);

  /* The preview shows the counts and the first rows of the file... */
  g_assert_nonnull (trellis_gui_test_find_visible_widget (GTK_WIDGET (dialog), trellis_gui_test_is_label, "45"));
  g_assert_nonnull (trellis_gui_test_find_visible_widget (GTK_WIDGET (dialog), trellis_gui_test_is_label,
                                                          "Scores to add"));
  g_assert_nonnull (trellis_gui_test_find_visible_widget (GTK_WIDGET (dialog), trellis_gui_test_is_label, "Student"));
  g_assert_cmpuint (_trellis_import_dialog_get_preview_rows (dialog), >, 0);
  maybe_screenshot (dialog, "import-preview.png");

  /* ...and nothing has been written. */
  after = read_bytes (fixture->path);
  g_assert_true (g_bytes_equal (before, after));
  g_assert_cmpint (trellis_classroom_count (fixture->classroom, "evidence"), ==, 0);

  /* Import writes them, and the window shows the classroom as it is now. */
  _trellis_import_dialog_run_import (dialog);
  g_assert_true (_trellis_import_dialog_get_busy (dialog));
  trellis_gui_test_wait_while (import_busy, dialog, 30);

  g_assert_null (_trellis_import_dialog_get_error (dialog));
  report = _trellis_import_dialog_get_report (dialog);
  g_assert_false (report->dry_run);
  g_assert_cmpuint (report->evidence_added, ==, 45);
  g_assert_nonnull (trellis_gui_test_find_visible_widget (GTK_WIDGET (dialog), trellis_gui_test_is_label,
                                                          "Scores added"));
  maybe_screenshot (dialog, "import-done.png");

  reloaded = trellis_window_get_classroom (fixture->window);
  g_assert_nonnull (reloaded);
  g_assert_true (reloaded != fixture->classroom);
  g_assert_cmpstr (trellis_classroom_get_path (reloaded), ==, fixture->path);
  g_assert_cmpint (trellis_classroom_count (reloaded, "evidence"), ==, 45);
  g_assert_cmpint (trellis_classroom_count (reloaded, "gradebook_items"), ==, 6);
  g_assert_cmpint (trellis_classroom_count (reloaded, "learners"), ==, 10);
  g_assert_cmpuint (g_list_model_get_n_items (trellis_classroom_get_learners (reloaded)), ==, 10);

  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* A Canvas file has no dates: the preview asks for the date of its
 * scores, and the import gives them the day picked in the calendar. */
static void
test_import_date (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *input = sample_path ("canvas-gradebook.csv");
  g_autoptr(GFile) file = g_file_new_for_path (input);
  g_autoptr(TrellisImportDialog) dialog = NULL;
  g_autoptr(GDateTime) picked = g_date_time_new_local (2025, 3, 12, 0, 0, 0);
  g_autoptr(GDateTime) shown = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  const TrellisImportReport *report;
  TrellisClassroom *reloaded;
  GtkCalendar *calendar;
  GtkWidget *button;
  GtkWidget *row;

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.import", NULL);
  dialog = g_object_ref ((TrellisImportDialog *) find_dialog (fixture, TRELLIS_TYPE_IMPORT_DIALOG));
  _trellis_import_dialog_set_file (dialog, file);
  trellis_gui_test_wait_while (import_busy, dialog, 30);
  g_assert_null (_trellis_import_dialog_get_error (dialog));
  report = _trellis_import_dialog_get_report (dialog);
  g_assert_cmpuint (report->evidence_added, ==, 45);
  g_assert_cmpuint (report->evidence_undated, ==, 45);

  /* The row says how many scores need the date; the calendar starts on today. */
  calendar = _trellis_import_dialog_get_date_calendar (dialog);
  row = gtk_widget_get_ancestor (GTK_WIDGET (calendar), ADW_TYPE_ACTION_ROW);
  g_assert_nonnull (row);
  g_assert_true (gtk_widget_is_visible (row));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Date of These Scores");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "45 scores have no date in the file");
  shown = gtk_calendar_get_date (calendar);
  g_assert_cmpint (g_date_time_get_year (shown), ==, g_date_time_get_year (now));
  g_assert_cmpint (g_date_time_get_day_of_year (shown), ==, g_date_time_get_day_of_year (now));

  /* Open the popover, pick a day: the button shows it. */
  button = gtk_widget_get_ancestor (GTK_WIDGET (calendar), GTK_TYPE_MENU_BUTTON);
  g_assert_nonnull (button);
  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  trellis_gui_test_settle (GTK_WIDGET (dialog), 200);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (calendar)));
  /* A day after today goes back to today: scores are not given in the future. */
  {
    g_autoptr(GDateTime) later = g_date_time_add_days (now, 3);
    g_autoptr(GDateTime) today = NULL;

    gtk_calendar_select_day (calendar, later);
    today = gtk_calendar_get_date (calendar);
    g_assert_cmpint (g_date_time_get_year (today), ==, g_date_time_get_year (now));
    g_assert_cmpint (g_date_time_get_day_of_year (today), ==, g_date_time_get_day_of_year (now));
  }
  gtk_calendar_select_day (calendar, picked);
  g_assert_cmpstr (gtk_menu_button_get_label (GTK_MENU_BUTTON (button)), ==, "12 March 2025");
  maybe_screenshot (dialog, "import-date.png");
  gtk_menu_button_popdown (GTK_MENU_BUTTON (button));

  _trellis_import_dialog_run_import (dialog);
  trellis_gui_test_wait_while (import_busy, dialog, 30);
  g_assert_null (_trellis_import_dialog_get_error (dialog));
  g_assert_false (_trellis_import_dialog_get_report (dialog)->dry_run);
  g_assert_false (gtk_widget_is_visible (row));

  /* Every imported score carries that date. */
  reloaded = trellis_window_get_classroom (fixture->window);
  g_assert_cmpint (trellis_classroom_count (reloaded, "evidence"), ==, 45);
  g_assert_cmpint (trellis_test_query_int (reloaded, "SELECT count(*) FROM evidence"
                                           " WHERE observed_at = '2025-03-12T00:00:00Z' AND source = 'import'"), ==, 45);

  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
test_import_create_learners (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autofree char *input = sample_path ("oneroster");
  g_autoptr(GFile) file = g_file_new_for_path (input);
  g_autoptr(TrellisImportDialog) dialog = NULL;
  const TrellisImportReport *report;
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisClassroom) empty = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "Empty.trellis", NULL);

  /* A classroom without learners: the folder is read as OneRoster, and
   * its learners are listed, not added, until asked. */
  empty = trellis_classroom_create (path, "Empty", &error);
  g_assert_no_error (error);
  trellis_window_set_classroom (fixture->window, empty);

  dialog = g_object_ref (trellis_import_dialog_new (fixture->window));
  _trellis_import_dialog_set_file (dialog, file);
  trellis_gui_test_wait_while (import_busy, dialog, 30);

  g_assert_null (_trellis_import_dialog_get_error (dialog));
  report = _trellis_import_dialog_get_report (dialog);
  g_assert_cmpint (report->format, ==, TRELLIS_IMPORT_FORMAT_ONEROSTER);
  /* One class: nothing to pick. */
  g_assert_false (gtk_widget_get_visible (gtk_widget_get_ancestor (GTK_WIDGET (_trellis_import_dialog_get_class_list (dialog)),
                                                                   ADW_TYPE_PREFERENCES_GROUP)));
  g_assert_cmpuint (report->learners_matched, ==, 0);
  g_assert_cmpuint (report->learners_unmatched, ==, 10);
  g_assert_cmpuint (report->evidence_added, ==, 0);
  g_assert_nonnull (trellis_gui_test_find_visible_widget (GTK_WIDGET (dialog), trellis_gui_test_is_label,
                                                          "Learners in the file but not in the classroom"));
  maybe_screenshot (dialog, "import-unmatched.png");

  /* Create missing learners: the preview follows the option at once. */
  _trellis_import_dialog_set_create_learners (dialog, TRUE);
  g_assert_true (_trellis_import_dialog_get_busy (dialog));
  trellis_gui_test_wait_while (import_busy, dialog, 30);

  report = _trellis_import_dialog_get_report (dialog);
  g_assert_true (report->dry_run);
  g_assert_cmpuint (report->learners_created, ==, 10);
  g_assert_cmpuint (report->evidence_added, ==, 36);
  g_assert_cmpint (trellis_classroom_count (empty, "learners"), ==, 0);

  _trellis_import_dialog_run_import (dialog);
  trellis_gui_test_wait_while (import_busy, dialog, 30);
  g_assert_null (_trellis_import_dialog_get_error (dialog));
  g_assert_cmpint (trellis_classroom_count (trellis_window_get_classroom (fixture->window), "learners"), ==, 10);
  g_assert_cmpint (trellis_classroom_count (trellis_window_get_classroom (fixture->window), "evidence"), ==, 36);

  gtk_window_destroy (GTK_WINDOW (dialog));
}

static GtkWidget *
class_row_at (TrellisImportDialog *dialog,
              int                  index)
{
  return GTK_WIDGET (gtk_list_box_get_row_at_index (_trellis_import_dialog_get_class_list (dialog), index));
}

static gboolean
class_row_checked (GtkWidget *row)
{
  GtkWidget *check = adw_action_row_get_activatable_widget (ADW_ACTION_ROW (row));

  g_assert_true (GTK_IS_CHECK_BUTTON (check));
  return gtk_check_button_get_active (GTK_CHECK_BUTTON (check));
}

/* A OneRoster package with several classes: the dialog lists them (title,
 * sourcedId, students), picks none and previews nothing until the teacher
 * picks one; the preview and the import then use that class. */
static void
test_import_oneroster_class (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autofree char *folder = trellis_test_make_oneroster_classes (fixture->dir);
  g_autoptr(GFile) file = g_file_new_for_path (folder);
  g_autoptr(TrellisImportDialog) dialog = NULL;
  g_autoptr(GBytes) before = read_bytes (fixture->path);
  g_autoptr(GBytes) after = NULL;
  const TrellisImportReport *report;
  GtkListBox *list;
  GtkWidget *group;
  GtkWidget *row;
  TrellisClassroom *reloaded;

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.import", NULL);
  dialog = g_object_ref ((TrellisImportDialog *) find_dialog (fixture, TRELLIS_TYPE_IMPORT_DIALOG));
  list = _trellis_import_dialog_get_class_list (dialog);
  group = gtk_widget_get_ancestor (GTK_WIDGET (list), ADW_TYPE_PREFERENCES_GROUP);
  g_assert_false (gtk_widget_get_visible (group));

  _trellis_import_dialog_set_file (dialog, file);
  g_assert_true (_trellis_import_dialog_get_busy (dialog));
  trellis_gui_test_wait_while (import_busy, dialog, 30);

  /* Three classes with students (the club has only a teacher). */
  g_assert_null (_trellis_import_dialog_get_error (dialog));
  g_assert_true (gtk_widget_get_visible (group));
  g_assert_nonnull (class_row_at (dialog, 2));
  g_assert_null (class_row_at (dialog, 3));
  row = class_row_at (dialog, 0);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Social Studies 6 - Period 3");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "cls-ss6-p3 · 10 students");
  row = class_row_at (dialog, 1);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Social Studies 6 - Period 5");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "cls-ss6-p5 · 2 students");
  /* No title in classes.csv: the sourcedId stands for it. */
  row = class_row_at (dialog, 2);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "cls-ss6-x");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "cls-ss6-x · 1 student");
  g_assert_nonnull (trellis_gui_test_find_visible_widget (GTK_WIDGET (dialog), trellis_gui_test_is_label,
                                                          "This package holds 3 classes. Choose the one to import; nothing is previewed until you do."));

  /* None picked: no preview, nothing to import. */
  for (int i = 0; i < 3; i++)
    g_assert_false (class_row_checked (class_row_at (dialog, i)));
  g_assert_null (_trellis_import_dialog_get_class (dialog));
  g_assert_null (_trellis_import_dialog_get_report (dialog));
  g_assert_cmpuint (_trellis_import_dialog_get_preview_rows (dialog), ==, 0);
  g_assert_null (trellis_gui_test_find_visible_widget (GTK_WIDGET (dialog), trellis_gui_test_is_label, "Rows read"));
  _trellis_import_dialog_run_import (dialog);
  g_assert_false (_trellis_import_dialog_get_busy (dialog));
  maybe_screenshot (dialog, "import-classes.png");

  /* Picking a row previews that class. */
  gtk_widget_activate (class_row_at (dialog, 1));
  g_assert_true (class_row_checked (class_row_at (dialog, 1)));
  g_assert_cmpstr (_trellis_import_dialog_get_class (dialog), ==, "cls-ss6-p5");
  g_assert_true (_trellis_import_dialog_get_busy (dialog));
  trellis_gui_test_wait_while (import_busy, dialog, 30);
  g_assert_null (_trellis_import_dialog_get_error (dialog));
  report = _trellis_import_dialog_get_report (dialog);
  g_assert_nonnull (report);
  g_assert_true (report->dry_run);
  g_assert_cmpuint (report->learners_in_file, ==, 2);
  g_assert_cmpuint (report->learners_matched, ==, 2);
  g_assert_cmpuint (report->evidence_added, ==, 0);

  /* Another pick, another preview; the rows stay, one checked. */
  gtk_widget_activate (class_row_at (dialog, 0));
  trellis_gui_test_wait_while (import_busy, dialog, 30);
  g_assert_true (class_row_checked (class_row_at (dialog, 0)));
  g_assert_false (class_row_checked (class_row_at (dialog, 1)));
  report = _trellis_import_dialog_get_report (dialog);
  g_assert_cmpuint (report->learners_in_file, ==, 10);
  g_assert_cmpuint (report->learners_matched, ==, 10);
  g_assert_cmpuint (report->evidence_added, ==, 36);
  g_assert_nonnull (trellis_gui_test_find_visible_widget (GTK_WIDGET (dialog), trellis_gui_test_is_label,
                                                          "Scores to add"));
  maybe_screenshot (dialog, "import-class-chosen.png");

  after = read_bytes (fixture->path);
  g_assert_true (g_bytes_equal (before, after));

  /* The import takes the class picked. */
  _trellis_import_dialog_run_import (dialog);
  g_assert_true (_trellis_import_dialog_get_busy (dialog));
  trellis_gui_test_wait_while (import_busy, dialog, 30);
  g_assert_null (_trellis_import_dialog_get_error (dialog));
  report = _trellis_import_dialog_get_report (dialog);
  g_assert_false (report->dry_run);
  g_assert_cmpuint (report->evidence_added, ==, 36);
  reloaded = trellis_window_get_classroom (fixture->window);
  g_assert_cmpint (trellis_classroom_count (reloaded, "evidence"), ==, 36);
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (list)));

  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
test_import_malformed (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *input = g_build_filename (fixture->dir, "gradebook.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (input);
  g_autoptr(GBytes) before = read_bytes (fixture->path);
  g_autoptr(GBytes) after = NULL;
  g_autoptr(TrellisImportDialog) dialog = NULL;
  g_autoptr(GError) error = NULL;
  static const char csv[] =
    "Student,ID,SIS User ID,SIS Login ID,Section,Essay (1)\n"
    "\"Achterberg, Zoë,1,S25-0101,zachterberg,P3,18\n";

  g_file_set_contents (input, csv, -1, &error);
  g_assert_no_error (error);

  dialog = g_object_ref (trellis_import_dialog_new (fixture->window));
  _trellis_import_dialog_set_file (dialog, file);
  trellis_gui_test_wait_while (import_busy, dialog, 30);

  /* A plain error naming the line, no report, nothing to import. */
  g_assert_nonnull (_trellis_import_dialog_get_error (dialog));
  g_assert_nonnull (strstr (_trellis_import_dialog_get_error (dialog), "line"));
  g_assert_nonnull (trellis_gui_test_find_visible_widget (GTK_WIDGET (dialog), trellis_gui_test_is_label,
                                                          _trellis_import_dialog_get_error (dialog)));
  g_assert_null (_trellis_import_dialog_get_report (dialog));
  maybe_screenshot (dialog, "import-error.png");

  _trellis_import_dialog_run_import (dialog);
  g_assert_false (_trellis_import_dialog_get_busy (dialog));

  after = read_bytes (fixture->path);
  g_assert_true (g_bytes_equal (before, after));

  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
assert_valid_cc (const char *package)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *validator = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status = -1;

  validator = g_build_filename (g_getenv ("TRELLIS_SHARED_DIR"), "exchange", "validate-cc", NULL);
  g_spawn_sync (NULL, (char *[]) { validator, (char *) package, NULL }, NULL, G_SPAWN_DEFAULT,
                NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("validate-cc %s failed:\n%s%s", package, out, err);
  g_assert_true (g_str_has_prefix (out, "validate-cc: OK"));
}

static void
test_export_cc (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(TrellisExportDialog) dialog = NULL;
  g_autoptr(TrellisPlaylist) playlist = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *output = g_build_filename (fixture->dir, "export.imscc", NULL);
  g_autofree char *canvas = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (output);
  GListModel *playlists = trellis_classroom_get_playlists (fixture->classroom);

  g_assert_cmpuint (g_list_model_get_n_items (playlists), >, 0);
  playlist = g_list_model_get_item (playlists, 0);

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.export", NULL);
  dialog = g_object_ref ((TrellisExportDialog *) find_dialog (fixture, TRELLIS_TYPE_EXPORT_DIALOG));
  g_assert_nonnull (dialog);

  _trellis_export_dialog_set_playlist (dialog, playlist);
  name = _trellis_export_dialog_dup_suggested_name (dialog);
  g_assert_true (g_str_has_suffix (name, ".imscc"));
  g_assert_true (g_str_has_prefix (name, trellis_playlist_get_title (playlist)));
  maybe_screenshot (dialog, "export.png");

  _trellis_export_dialog_export_to (dialog, file);
  g_assert_true (_trellis_export_dialog_get_busy (dialog));
  trellis_gui_test_wait_while (export_busy, dialog, 30);
  g_assert_null (_trellis_export_dialog_get_error (dialog));
  g_assert_true (g_file_test (output, G_FILE_TEST_IS_REGULAR));

  /* Done: the dialog closed itself. */
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (dialog)));

  assert_valid_cc (output);

  /* Canvas layout, one module per milestone: still a valid cartridge. */
  g_clear_object (&dialog);
  dialog = g_object_ref (trellis_export_dialog_new (fixture->window));
  _trellis_export_dialog_set_playlist (dialog, playlist);
  _trellis_export_dialog_set_cc_options (dialog, TRUE, TRUE);
  g_clear_object (&file);
  file = g_file_new_build_filename (fixture->dir, "canvas.imscc", NULL);
  _trellis_export_dialog_export_to (dialog, file);
  trellis_gui_test_wait_while (export_busy, dialog, 30);
  g_assert_null (_trellis_export_dialog_get_error (dialog));
  canvas = g_file_get_path (file);
  assert_valid_cc (canvas);

  /* Never shown, so not closed by its export: the fixture checks that the
   * classroom is finalized. */
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
test_export_csv (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(TrellisExportDialog) dialog = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *output = g_build_filename (fixture->dir, "progress.csv", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (output);

  dialog = g_object_ref (trellis_export_dialog_new (fixture->window));
  _trellis_export_dialog_set_csv_report (dialog, TRUE, FALSE);
  name = _trellis_export_dialog_dup_suggested_name (dialog);
  g_assert_true (g_str_has_suffix (name, ".csv"));

  _trellis_export_dialog_export_to (dialog, file);
  trellis_gui_test_wait_while (export_busy, dialog, 30);
  g_assert_null (_trellis_export_dialog_get_error (dialog));

  g_file_get_contents (output, &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (strlen (contents), >, 0);

  /* A failure is said in the dialog, which stays open. */
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_clear_object (&dialog);
  dialog = g_object_ref (trellis_export_dialog_new (fixture->window));
  _trellis_export_dialog_set_csv_report (dialog, TRUE, TRUE);
  g_clear_object (&file);
  file = g_file_new_build_filename (fixture->dir, "no such folder", "mastery.csv", NULL);
  _trellis_export_dialog_export_to (dialog, file);
  trellis_gui_test_wait_while (export_busy, dialog, 30);
  g_assert_nonnull (_trellis_export_dialog_get_error (dialog));
  gtk_window_destroy (GTK_WINDOW (dialog));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  g_test_add ("/exchange/import-canvas", Fixture, GINT_TO_POINTER (FALSE),
              fixture_set_up, test_import_canvas, trellis_gui_test_fixture_tear_down);
  g_test_add ("/exchange/import-date", Fixture, GINT_TO_POINTER (FALSE),
              fixture_set_up, test_import_date, trellis_gui_test_fixture_tear_down);
  g_test_add ("/exchange/import-create-learners", Fixture, GINT_TO_POINTER (FALSE),
              fixture_set_up, test_import_create_learners, trellis_gui_test_fixture_tear_down);
  g_test_add ("/exchange/import-oneroster-class", Fixture, GINT_TO_POINTER (FALSE),
              fixture_set_up, test_import_oneroster_class, trellis_gui_test_fixture_tear_down);
  g_test_add ("/exchange/import-malformed", Fixture, GINT_TO_POINTER (FALSE),
              fixture_set_up, test_import_malformed, trellis_gui_test_fixture_tear_down);
  g_test_add ("/exchange/export-cc", Fixture, GINT_TO_POINTER (TRUE),
              fixture_set_up, test_export_cc, trellis_gui_test_fixture_tear_down);
  g_test_add ("/exchange/export-csv", Fixture, GINT_TO_POINTER (TRUE),
              fixture_set_up, test_export_csv, trellis_gui_test_fixture_tear_down);

  return g_test_run ();
}

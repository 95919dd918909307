/* test-survey.c
 *
 * Copyright 2026 The Trellis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * Entering the agency survey from the class dashboard (issue 9), on the
 * sample classroom: "Edit Survey Items…" adds, edits (and undoes), moves
 * and removes items (after a confirmation); "Record Responses…" records
 * the answers typed for a few learners as one administration, and the
 * dashboard shows it at once; "Import Responses…" imports a good CSV file
 * and refuses a malformed one, naming the line and writing nothing; all of
 * it is in the file when it is opened again.  On a classroom without a
 * survey, the first use creates one with the default items.
 *
 * With TRELLIS_SCREENSHOT_DIR set, the test also leaves survey-record-*.png
 * and survey-items-*.png there, light, dark and narrow, to look at.
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "trellis-gui-test-utils.h"
#include "trellis-test-utils.h"
#include "trellis-dashboard-window-private.h"
#include "trellis-learner.h"
#include "trellis-sample.h"
#include "trellis-survey.h"
#include "trellis-survey-items-window-private.h"
#include "trellis-survey-record-window-private.h"
#include "trellis-window.h"

typedef struct
{
  TrellisGuiTestFixture   gui;
  TrellisDashboardWindow *dashboard;
} Fixture;

/* Helpers */

static gint64
count_rows (TrellisClassroom *classroom,
            const char       *sql)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GError) error = NULL;

  stmt = trellis_classroom_prepare (classroom, sql, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);

  return sqlite3_column_int64 (stmt, 0);
}

static gint64
n_responses (TrellisClassroom *classroom)
{
  return count_rows (classroom, "SELECT count(*) FROM survey_responses");
}

static gint64
n_administrations (TrellisClassroom *classroom)
{
  return count_rows (classroom, "SELECT count(*) FROM survey_administrations");
}

static const TrellisDashboardSurvey *
shown_survey (TrellisDashboardWindow *dashboard)
{
  TrellisDashboard *d = trellis_dashboard_window_get_dashboard (dashboard);

  g_assert_nonnull (d);
  g_assert_cmpuint (d->surveys->len, >, 0);

  return &g_array_index (d->surveys, TrellisDashboardSurvey, 0);
}

/* The shown survey's administration on @date, or NULL. */
static const TrellisDashboardAdministration *
shown_administration (TrellisDashboardWindow *dashboard,
                      const char             *date)
{
  const TrellisDashboardSurvey *survey = shown_survey (dashboard);

  for (guint i = 0; i < survey->administrations->len; i++)
    {
      const TrellisDashboardAdministration *a =
        &g_array_index (survey->administrations, TrellisDashboardAdministration, i);

      if (g_strcmp0 (a->administered_on, date) == 0)
        return a;
    }

  return NULL;
}

static const char *
agency_caption (TrellisDashboardWindow *dashboard)
{
  return gtk_label_get_label (_trellis_dashboard_window_get_caption_label (dashboard,
                                                                            TRELLIS_DASHBOARD_CAPTION_AGENCY));
}

/* The window shows the agency caption the core computes now. */
static void
assert_caption_computed (Fixture *fixture)
{
  TrellisDashboardRange range = { trellis_dashboard_window_get_range (fixture->dashboard), 0, NULL, FALSE };
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisDashboard) expected = trellis_dashboard_compute (fixture->gui.classroom, &range, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (agency_caption (fixture->dashboard), ==, expected->agency_caption);
}

static TrellisLearner *
nth_learner (TrellisClassroom *classroom,
             guint             n)
{
  GListModel *learners = trellis_classroom_get_learners (classroom);
  g_autoptr(TrellisLearner) learner = g_list_model_get_item (learners, n);

  g_assert_nonnull (learner);
  return learner;  /* the model keeps it */
}

static TrellisDashboardWindow *
open_dashboard (TrellisWindow *window)
{
  return trellis_gui_test_open_transient (window, "win.dashboard", TRELLIS_TYPE_DASHBOARD_WINDOW);
}

static TrellisSurveyRecordWindow *
open_record (TrellisDashboardWindow *dashboard)
{
  TrellisSurveyRecordWindow *record;

  g_assert_null (trellis_gui_test_lookup_toplevel (TRELLIS_TYPE_SURVEY_RECORD_WINDOW, NULL));
  record = trellis_gui_test_open_transient (dashboard, "dashboard.record-survey", TRELLIS_TYPE_SURVEY_RECORD_WINDOW);
  g_assert_true (trellis_gui_test_find_toplevel (TRELLIS_TYPE_SURVEY_RECORD_WINDOW) == GTK_WINDOW (record));

  return record;
}

static TrellisSurveyItemsWindow *
open_items (TrellisDashboardWindow *dashboard)
{
  TrellisSurveyItemsWindow *items;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dashboard), "dashboard.edit-survey", NULL));
  items = TRELLIS_SURVEY_ITEMS_WINDOW (trellis_gui_test_find_toplevel (TRELLIS_TYPE_SURVEY_ITEMS_WINDOW));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (items));

  return items;
}

static GPtrArray *
core_items (TrellisClassroom *classroom,
            gint64            survey_id)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *items = trellis_survey_get_items (classroom, survey_id, &error);

  g_assert_no_error (error);
  return items;
}

/* Presses @keyval on @widget's key controller, as the keyboard would. */
static gboolean
press_key (GtkWidget *widget,
           guint      keyval)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        {
          g_signal_emit_by_name (controller, "key-pressed", keyval, 0, 0, &handled);
          return handled;
        }
    }

  g_assert_not_reached ();
}

/* Clicks the @value button of @picker. */
static void
click_value (TrellisLikertPicker *picker,
             int                  value)
{
  GtkWidget *button = gtk_widget_get_first_child (GTK_WIDGET (picker));

  for (int v = trellis_likert_picker_get_scale_min (picker); v < value; v++)
    button = gtk_widget_get_next_sibling (button);
  g_assert_true (GTK_IS_TOGGLE_BUTTON (button));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (button)), ==, g_strdup_printf ("%d", value));
  g_signal_emit_by_name (button, "clicked");
}

/* Fixture */

static void
open_window (Fixture *fixture)
{
  trellis_gui_test_fixture_open_window (&fixture->gui);
  fixture->dashboard = open_dashboard (fixture->gui.window);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  trellis_gui_test_fixture_set_up (&fixture->gui, NULL);
  fixture->dashboard = open_dashboard (fixture->gui.window);
}

/* A classroom with learners and no survey. */
static void
fixture_set_up_empty (Fixture       *fixture,
                      gconstpointer  data)
{
  const char *names[] = { "Ada Lovelace", "Grace Hopper", "Katherine Johnson" };
  g_autoptr(GError) error = NULL;

  trellis_gui_test_fixture_make_dir (&fixture->gui, "Empty.trellis");
  fixture->gui.classroom = trellis_classroom_create (fixture->gui.path, "Room 12", &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      TrellisLearner *learner = trellis_classroom_add_learner (fixture->gui.classroom, names[i], &error);

      g_assert_no_error (error);
      g_assert_nonnull (learner);
    }

  open_window (fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  trellis_gui_test_fixture_tear_down (&fixture->gui, data);
}

/* Tests */

static void
test_items (Fixture       *fixture,
            gconstpointer  data)
{
  TrellisSurveyItemsWindow *window = open_items (fixture->dashboard);
  gint64 survey_id = trellis_survey_items_window_get_survey_id (window);
  g_autoptr(GPtrArray) before = core_items (fixture->gui.classroom, survey_id);
  g_autoptr(GPtrArray) after = NULL;
  const char *added = "I ask for help when I need it";
  AdwEntryRow *row;
  AdwMessageDialog *dialog;
  AdwToast *toast;
  GtkWidget *undo;
  g_autofree char *last_error = NULL;
  gint64 first_id, second_id;
  gint64 responses;
  g_autofree char *first_prompt = NULL;

  /* The sample's survey, a row per item in order. */
  g_assert_cmpint (survey_id, ==, shown_survey (fixture->dashboard)->survey_id);
  g_assert_cmpuint (before->len, >=, 2);
  g_assert_cmpuint (_trellis_survey_items_window_get_n_rows (window), ==, before->len);
  for (guint i = 0; i < before->len; i++)
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (_trellis_survey_items_window_get_row (window, i))), ==,
                     ((TrellisSurveyItem *) g_ptr_array_index (before, i))->prompt);
  first_id = ((TrellisSurveyItem *) g_ptr_array_index (before, 0))->id;
  second_id = ((TrellisSurveyItem *) g_ptr_array_index (before, 1))->id;
  first_prompt = g_strdup (((TrellisSurveyItem *) g_ptr_array_index (before, 0))->prompt);

  /* Add: typed in "New Item" and applied; the dashboard follows. */
  row = _trellis_survey_items_window_get_add_row (window);
  gtk_editable_set_text (GTK_EDITABLE (row), added);
  g_signal_emit_by_name (row, "apply");
  after = core_items (fixture->gui.classroom, survey_id);
  g_assert_cmpuint (after->len, ==, before->len + 1);
  g_assert_cmpstr (((TrellisSurveyItem *) g_ptr_array_index (after, before->len))->prompt, ==, added);
  g_assert_cmpuint (_trellis_survey_items_window_get_n_rows (window), ==, before->len + 1);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "");
  g_assert_cmpuint (shown_survey (fixture->dashboard)->n_items, ==, before->len + 1);
  g_clear_pointer (&after, g_ptr_array_unref);

  /* An empty statement is refused, with a reason, and nothing changes. */
  gtk_editable_set_text (GTK_EDITABLE (row), "   ");
  g_signal_emit_by_name (row, "apply");
  g_assert_nonnull (_trellis_survey_items_window_get_error (window));
  after = core_items (fixture->gui.classroom, survey_id);
  g_assert_cmpuint (after->len, ==, before->len + 1);
  g_clear_pointer (&after, g_ptr_array_unref);

  /* Edit in place, then undo from the toast. */
  row = _trellis_survey_items_window_get_row (window, 0);
  gtk_editable_set_text (GTK_EDITABLE (row), "I choose how I learn best");
  g_signal_emit_by_name (row, "apply");
  after = core_items (fixture->gui.classroom, survey_id);
  g_assert_cmpstr (((TrellisSurveyItem *) g_ptr_array_index (after, 0))->prompt, ==, "I choose how I learn best");
  g_clear_pointer (&after, g_ptr_array_unref);
  g_assert_cmpstr (shown_survey (fixture->dashboard)->item_prompts[0], ==, "I choose how I learn best");
  toast = _trellis_survey_items_window_get_undo_toast (window);
  g_assert_nonnull (toast);
  g_signal_emit_by_name (toast, "button-clicked");
  after = core_items (fixture->gui.classroom, survey_id);
  g_assert_cmpstr (((TrellisSurveyItem *) g_ptr_array_index (after, 0))->prompt, ==, first_prompt);
  g_clear_pointer (&after, g_ptr_array_unref);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (_trellis_survey_items_window_get_row (window, 0))), ==,
                   first_prompt);

  /* Reorder: the first item down, then back up. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "items.move-down", "x", first_id));
  after = core_items (fixture->gui.classroom, survey_id);
  g_assert_cmpint (((TrellisSurveyItem *) g_ptr_array_index (after, 0))->id, ==, second_id);
  g_assert_cmpint (((TrellisSurveyItem *) g_ptr_array_index (after, 1))->id, ==, first_id);
  g_clear_pointer (&after, g_ptr_array_unref);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (_trellis_survey_items_window_get_row (window, 1))), ==,
                   first_prompt);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "items.move-up", "x", first_id));
  after = core_items (fixture->gui.classroom, survey_id);
  g_assert_cmpint (((TrellisSurveyItem *) g_ptr_array_index (after, 0))->id, ==, first_id);
  g_clear_pointer (&after, g_ptr_array_unref);

  /* Remove asks first: cancelled, nothing goes. */
  responses = n_responses (fixture->gui.classroom);
  g_assert_cmpint (count_rows (fixture->gui.classroom, "SELECT count(*) FROM survey_responses r "
                               "JOIN survey_items i ON i.id = r.item_id WHERE i.position = 0"), >, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "items.remove", "x", first_id));
  dialog = _trellis_survey_items_window_get_remove_dialog (window);
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), first_prompt));
  adw_message_dialog_response (dialog, "cancel");
  g_assert_null (_trellis_survey_items_window_get_remove_dialog (window));
  after = core_items (fixture->gui.classroom, survey_id);
  g_assert_cmpuint (after->len, ==, before->len + 1);
  g_clear_pointer (&after, g_ptr_array_unref);
  g_assert_cmpint (n_responses (fixture->gui.classroom), ==, responses);

  /* Confirmed: the item and its answers go. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "items.remove", "x", first_id));
  adw_message_dialog_response (_trellis_survey_items_window_get_remove_dialog (window), "remove");
  after = core_items (fixture->gui.classroom, survey_id);
  g_assert_cmpuint (after->len, ==, before->len);
  g_assert_cmpint (((TrellisSurveyItem *) g_ptr_array_index (after, 0))->id, ==, second_id);
  g_clear_pointer (&after, g_ptr_array_unref);
  g_assert_cmpint (n_responses (fixture->gui.classroom), <, responses);
  g_assert_cmpint (count_rows (fixture->gui.classroom, "SELECT count(*) FROM survey_responses WHERE item_id NOT IN "
                               "(SELECT id FROM survey_items)"), ==, 0);
  g_assert_cmpuint (_trellis_survey_items_window_get_n_rows (window), ==, before->len);
  g_assert_cmpuint (shown_survey (fixture->dashboard)->n_items, ==, before->len);

  /* The toast's Undo, clicked, brings the item back first, with its answers. */
  toast = _trellis_survey_items_window_get_undo_toast (window);
  g_assert_nonnull (toast);
  g_assert_cmpstr (adw_toast_get_title (toast), ==, "Item removed");
  g_assert_cmpstr (adw_toast_get_action_name (toast), ==, "items.undo-remove");
  trellis_gui_test_settle (GTK_WIDGET (window), 300);
  if (g_getenv ("TRELLIS_SCREENSHOT_DIR") != NULL)
    trellis_gui_test_save_screenshot (GTK_WIDGET (window), "survey-item-removed.png");
  undo = trellis_gui_test_find_visible_widget (GTK_WIDGET (window), trellis_gui_test_is_button_labelled, "_Undo");
  g_assert_nonnull (undo);
  trellis_gui_test_click (undo);
  after = core_items (fixture->gui.classroom, survey_id);
  g_assert_cmpuint (after->len, ==, before->len + 1);
  g_assert_cmpint (((TrellisSurveyItem *) g_ptr_array_index (after, 0))->id, ==, first_id);
  g_assert_cmpstr (((TrellisSurveyItem *) g_ptr_array_index (after, 0))->prompt, ==, first_prompt);
  g_clear_pointer (&after, g_ptr_array_unref);
  g_assert_cmpint (n_responses (fixture->gui.classroom), ==, responses);
  g_assert_cmpuint (_trellis_survey_items_window_get_n_rows (window), ==, before->len + 1);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (_trellis_survey_items_window_get_row (window, 0))), ==,
                   first_prompt);
  g_assert_cmpuint (shown_survey (fixture->dashboard)->n_items, ==, before->len + 1);
  /* Once only. */
  g_assert_null (_trellis_survey_items_window_get_undo_toast (window));
  last_error = g_strdup (_trellis_survey_items_window_get_error (window));
  gtk_widget_activate_action (GTK_WIDGET (window), "items.undo-remove", NULL);
  after = core_items (fixture->gui.classroom, survey_id);
  g_assert_cmpuint (after->len, ==, before->len + 1);
  g_clear_pointer (&after, g_ptr_array_unref);
  g_assert_cmpstr (_trellis_survey_items_window_get_error (window), ==, last_error);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_record (Fixture       *fixture,
             gconstpointer  data)
{
  TrellisSurveyRecordWindow *record = open_record (fixture->dashboard);
  gint64 survey_id = trellis_survey_record_window_get_survey_id (record);
  g_autoptr(GPtrArray) items = core_items (fixture->gui.classroom, survey_id);
  g_autofree char *today = trellis_classroom_today (fixture->gui.classroom);
  g_autofree char *caption_before = NULL;
  AdwEntryRow *date_row = _trellis_survey_record_window_get_date_row (record);
  TrellisLearner *learners[3];
  TrellisLikertPicker *picker;
  gint64 responses = n_responses (fixture->gui.classroom);
  gint64 administrations = n_administrations (fixture->gui.classroom);
  const TrellisDashboardAdministration *shown;
  g_autoptr(GDateTime) now = trellis_classroom_now (fixture->gui.classroom);
  g_autoptr(GDateTime) yesterday = g_date_time_add_days (now, -1);
  g_autofree char *date = g_date_time_format (yesterday, "%Y-%m-%d");
  double mean = 0;
  guint n = 0;

  trellis_dashboard_window_set_range (fixture->dashboard, TRELLIS_DASHBOARD_RANGE_TERM);
  caption_before = g_strdup (agency_caption (fixture->dashboard));
  g_assert_cmpstr (_trellis_survey_record_window_get_visible_page (record), ==, "form");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (date_row)), ==, today);
  g_assert_null (shown_administration (fixture->dashboard, today));

  for (guint l = 0; l < G_N_ELEMENTS (learners); l++)
    learners[l] = nth_learner (fixture->gui.classroom, l);

  /* Nothing entered: saving says so and writes nothing. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (record), "record.save", NULL));
  g_assert_nonnull (_trellis_survey_record_window_get_error (record));
  g_assert_cmpint (n_administrations (fixture->gui.classroom), ==, administrations);

  /* The keyboard: the first answer has the focus; a digit sets it and
   * moves on to the next item, after the last item to the next learner. */
  picker = _trellis_survey_record_window_get_picker (record, trellis_learner_get_id (learners[0]), 0);
  g_assert_true (gtk_window_get_focus (GTK_WINDOW (record)) == GTK_WIDGET (picker));
  for (guint i = 0; i < items->len; i++)
    {
      picker = _trellis_survey_record_window_get_picker (record, trellis_learner_get_id (learners[0]), i);
      g_assert_true (gtk_window_get_focus (GTK_WINDOW (record)) == GTK_WIDGET (picker));
      g_assert_true (press_key (GTK_WIDGET (picker), GDK_KEY_1 + (i % 4)));
      g_assert_cmpint (trellis_likert_picker_get_value (picker), ==, 1 + (int) (i % 4));
      mean += 1 + (int) (i % 4);
      n++;
    }
  g_assert_true (gtk_window_get_focus (GTK_WINDOW (record)) ==
                 GTK_WIDGET (_trellis_survey_record_window_get_picker (record, trellis_learner_get_id (learners[1]), 0)));

  /* A digit off the scale is refused; 0 clears. */
  picker = _trellis_survey_record_window_get_picker (record, trellis_learner_get_id (learners[1]), 0);
  g_assert_true (press_key (GTK_WIDGET (picker), GDK_KEY_7));
  g_assert_cmpint (trellis_likert_picker_get_value (picker), ==, 0);
  g_assert_true (press_key (GTK_WIDGET (picker), GDK_KEY_KP_3));
  g_assert_cmpint (trellis_likert_picker_get_value (picker), ==, 3);
  g_assert_true (press_key (GTK_WIDGET (picker), GDK_KEY_0));
  g_assert_cmpint (trellis_likert_picker_get_value (picker), ==, 0);

  /* The pointer: learner 2 answers the first two items with 4 and 2;
   * clicking the active button again takes the answer back. */
  click_value (picker, 4);
  g_assert_cmpint (trellis_likert_picker_get_value (picker), ==, 4);
  picker = _trellis_survey_record_window_get_picker (record, trellis_learner_get_id (learners[1]), 1);
  click_value (picker, 1);
  click_value (picker, 2);
  g_assert_cmpint (trellis_likert_picker_get_value (picker), ==, 2);
  mean += 4 + 2;
  n += 2;
  picker = _trellis_survey_record_window_get_picker (record, trellis_learner_get_id (learners[2]), 0);
  click_value (picker, 3);
  click_value (picker, 3);
  g_assert_cmpint (trellis_likert_picker_get_value (picker), ==, 0);
  /* The third learner was absent. */

  /* A date that is not one is refused, nothing written. */
  gtk_editable_set_text (GTK_EDITABLE (date_row), "15/01/2026");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (date_row), "error"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (record), "record.save", NULL));
  g_assert_nonnull (strstr (_trellis_survey_record_window_get_error (record), "15/01/2026"));
  g_assert_cmpint (n_administrations (fixture->gui.classroom), ==, administrations);
  g_assert_true (trellis_gui_test_lookup_toplevel (TRELLIS_TYPE_SURVEY_RECORD_WINDOW, NULL) == GTK_WINDOW (record));

  /* Saved: one administration, the window closes, the dashboard shows it. */
  gtk_editable_set_text (GTK_EDITABLE (date_row), date);
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (date_row), "error"));
  g_object_add_weak_pointer (G_OBJECT (record), (gpointer *) &record);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (record), "record.save", NULL));
  trellis_test_iterate_pending ();
  g_assert_null (record);
  g_assert_cmpint (n_administrations (fixture->gui.classroom), ==, administrations + 1);
  g_assert_cmpint (n_responses (fixture->gui.classroom), ==, responses + n);

  shown = shown_administration (fixture->dashboard, date);
  g_assert_nonnull (shown);
  g_assert_cmpuint (shown->n_respondents, ==, 2);
  g_assert_cmpfloat_with_epsilon (shown->mean, mean / n, 1e-9);
  g_assert_nonnull (strstr (_trellis_dashboard_window_get_last_toast (fixture->dashboard), date));
  g_assert_cmpstr (agency_caption (fixture->dashboard), !=, caption_before);
  g_assert_nonnull (strstr (agency_caption (fixture->dashboard), date));
  assert_caption_computed (fixture);

  /* In the file: opened again, the answers are there. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(TrellisClassroom) again = trellis_classroom_open (fixture->gui.path, TRELLIS_OPEN_FLAGS_READ_ONLY, &error);
    g_autoptr(sqlite3_stmt) stmt = NULL;

    g_assert_no_error (error);
    stmt = trellis_classroom_prepare (again,
                                      "SELECT r.learner_id, r.item_id, r.value FROM survey_responses r "
                                      "JOIN survey_administrations a ON a.id = r.administration_id "
                                      "WHERE a.administered_on = ?1 ORDER BY r.learner_id, r.item_id",
                                      &error);
    g_assert_no_error (error);
    sqlite3_bind_text (stmt, 1, date, -1, SQLITE_STATIC);
    n = 0;
    while (sqlite3_step (stmt) == SQLITE_ROW)
      {
        gint64 learner_id = sqlite3_column_int64 (stmt, 0);
        gint64 item_id = sqlite3_column_int64 (stmt, 1);
        int value = sqlite3_column_int (stmt, 2);
        guint index = 0;

        while (((TrellisSurveyItem *) g_ptr_array_index (items, index))->id != item_id)
          index++;
        if (learner_id == trellis_learner_get_id (learners[0]))
          g_assert_cmpint (value, ==, 1 + (int) (index % 4));
        else if (learner_id == trellis_learner_get_id (learners[1]))
          g_assert_cmpint (value, ==, index == 0 ? 4 : 2);
        else
          g_assert_not_reached ();
        n++;
      }
    g_assert_cmpuint (n, ==, items->len + 2);
  }
}

static void
test_discard (Fixture       *fixture,
              gconstpointer  data)
{
  TrellisSurveyRecordWindow *record = open_record (fixture->dashboard);
  TrellisLearner *learner = nth_learner (fixture->gui.classroom, 0);
  gint64 administrations = n_administrations (fixture->gui.classroom);
  AdwMessageDialog *dialog;

  /* Closing an empty form just closes. */
  g_object_add_weak_pointer (G_OBJECT (record), (gpointer *) &record);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (record), "record.cancel", NULL));
  trellis_test_iterate_pending ();
  g_assert_null (record);

  /* With answers, it asks; "Keep Editing" keeps them. */
  record = open_record (fixture->dashboard);
  g_object_add_weak_pointer (G_OBJECT (record), (gpointer *) &record);
  trellis_likert_picker_set_value (_trellis_survey_record_window_get_picker (record, trellis_learner_get_id (learner), 0), 2);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (record), "record.cancel", NULL));
  dialog = _trellis_survey_record_window_get_discard_dialog (record);
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "cancel");
  trellis_test_iterate_pending ();
  g_assert_nonnull (record);
  g_assert_cmpint (trellis_likert_picker_get_value (_trellis_survey_record_window_get_picker (record, trellis_learner_get_id (learner), 0)), ==, 2);

  /* "Discard" closes without writing. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (record), "record.cancel", NULL));
  adw_message_dialog_response (_trellis_survey_record_window_get_discard_dialog (record), "discard");
  trellis_test_iterate_pending ();
  g_assert_null (record);
  g_assert_cmpint (n_administrations (fixture->gui.classroom), ==, administrations);
}

static void
test_import (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *good_path = g_build_filename (fixture->gui.dir, "good.csv", NULL);
  g_autofree char *bad_path = g_build_filename (fixture->gui.dir, "bad.csv", NULL);
  g_autoptr(GFile) good = g_file_new_for_path (good_path);
  g_autoptr(GFile) bad = g_file_new_for_path (bad_path);
  g_autofree char *today = trellis_classroom_today (fixture->gui.classroom);
  g_autofree char *good_csv = NULL;
  g_autofree char *bad_csv = NULL;
  g_autofree char *caption_before = NULL;
  g_autofree char *expected_toast = NULL;
  TrellisLearner *a = nth_learner (fixture->gui.classroom, 0);
  TrellisLearner *b = nth_learner (fixture->gui.classroom, 1);
  gint64 responses = n_responses (fixture->gui.classroom);
  gint64 administrations = n_administrations (fixture->gui.classroom);
  const TrellisDashboardAdministration *shown;
  AdwMessageDialog *dialog;
  const char *body;

  trellis_dashboard_window_set_range (fixture->dashboard, TRELLIS_DASHBOARD_RANGE_TERM);
  caption_before = g_strdup (agency_caption (fixture->dashboard));

  /* Malformed: line 3 answers 7 on a 1–4 scale. */
  bad_csv = g_strdup_printf ("learner,1,2\n%s,3,4\n%s,7,2\n",
                             trellis_learner_get_name (a), trellis_learner_get_name (b));
  g_assert_true (g_file_set_contents (bad_path, bad_csv, -1, NULL));
  g_assert_false (_trellis_dashboard_window_import_survey (fixture->dashboard, bad));
  dialog = _trellis_dashboard_window_get_import_error_dialog (fixture->dashboard);
  g_assert_nonnull (dialog);
  body = adw_message_dialog_get_body (dialog);
  g_assert_nonnull (strstr (body, "Line 3"));
  g_assert_nonnull (strstr (body, "bad.csv"));
  g_assert_nonnull (strstr (body, "unchanged"));
  g_assert_cmpint (n_responses (fixture->gui.classroom), ==, responses);
  g_assert_cmpint (n_administrations (fixture->gui.classroom), ==, administrations);
  g_assert_cmpstr (agency_caption (fixture->dashboard), ==, caption_before);
  adw_message_dialog_response (dialog, "close");
  g_assert_null (_trellis_dashboard_window_get_import_error_dialog (fixture->dashboard));

  /* A file that is not there is an error too. */
  {
    g_autofree char *missing_path = g_build_filename (fixture->gui.dir, "missing.csv", NULL);
    g_autoptr(GFile) missing = g_file_new_for_path (missing_path);

    g_assert_false (_trellis_dashboard_window_import_survey (fixture->dashboard, missing));
    g_assert_nonnull (_trellis_dashboard_window_get_import_error_dialog (fixture->dashboard));
    adw_message_dialog_response (_trellis_dashboard_window_get_import_error_dialog (fixture->dashboard), "close");
  }

  /* Good: two learners (SIS id or name), one empty cell; counted, shown at once. */
  good_csv = g_strdup_printf ("learner,1,2\n%s,3,4\n\"%s\",1,\n",
                              trellis_learner_get_sis_id (a) != NULL ? trellis_learner_get_sis_id (a)
                                                                     : trellis_learner_get_name (a),
                              trellis_learner_get_name (b));
  g_assert_true (g_file_set_contents (good_path, good_csv, -1, NULL));
  g_assert_true (_trellis_dashboard_window_import_survey (fixture->dashboard, good));
  g_assert_null (_trellis_dashboard_window_get_import_error_dialog (fixture->dashboard));
  g_assert_cmpint (n_responses (fixture->gui.classroom), ==, responses + 3);
  g_assert_cmpint (n_administrations (fixture->gui.classroom), ==, administrations + 1);
  expected_toast = g_strdup_printf ("3 answers imported for %s", today);
  g_assert_cmpstr (_trellis_dashboard_window_get_last_toast (fixture->dashboard), ==, expected_toast);

  shown = shown_administration (fixture->dashboard, today);
  g_assert_nonnull (shown);
  g_assert_cmpuint (shown->n_respondents, ==, 2);
  g_assert_cmpfloat_with_epsilon (shown->mean, (3 + 4 + 1) / 3.0, 1e-9);
  g_assert_cmpstr (agency_caption (fixture->dashboard), !=, caption_before);
  g_assert_true (g_str_has_suffix (agency_caption (fixture->dashboard), "fell") &&
                 strstr (agency_caption (fixture->dashboard), today) != NULL);
  assert_caption_computed (fixture);

  /* In the file. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(TrellisClassroom) again = trellis_classroom_open (fixture->gui.path, TRELLIS_OPEN_FLAGS_READ_ONLY, &error);

    g_assert_no_error (error);
    g_assert_cmpint (n_responses (again), ==, responses + 3);
    g_assert_cmpint (count_rows (again, "SELECT count(*) FROM survey_responses r JOIN survey_administrations a "
                                 "ON a.id = r.administration_id WHERE a.id = (SELECT max(id) FROM "
                                 "survey_administrations) AND r.value = 4"), ==, 1);
  }
}

static void
test_first_use (Fixture       *fixture,
                gconstpointer  data)
{
  const char * const *defaults = trellis_survey_default_prompts ();
  TrellisSurveyRecordWindow *record;
  g_autoptr(GPtrArray) items = NULL;
  TrellisLearner *learner = nth_learner (fixture->gui.classroom, 1);
  gint64 survey_id;

  /* No playlist, so no unit to show: the survey can be entered all the same. */
  g_assert_null (trellis_dashboard_window_get_dashboard (fixture->dashboard));
  g_assert_cmpint (count_rows (fixture->gui.classroom, "SELECT count(*) FROM surveys"), ==, 0);
  trellis_dashboard_window_set_range (fixture->dashboard, TRELLIS_DASHBOARD_RANGE_TERM);
  g_assert_cmpstr (agency_caption (fixture->dashboard), ==, "No agency survey yet");
  trellis_dashboard_window_set_range (fixture->dashboard, TRELLIS_DASHBOARD_RANGE_UNIT);
  g_assert_null (trellis_dashboard_window_get_dashboard (fixture->dashboard));

  /* "Record Responses…" creates the survey with the default items. */
  record = open_record (fixture->dashboard);
  survey_id = trellis_survey_record_window_get_survey_id (record);
  g_assert_cmpint (count_rows (fixture->gui.classroom, "SELECT count(*) FROM surveys"), ==, 1);
  items = core_items (fixture->gui.classroom, survey_id);
  g_assert_cmpuint (items->len, ==, g_strv_length ((char **) defaults));
  for (guint i = 0; i < items->len; i++)
    g_assert_cmpstr (((TrellisSurveyItem *) g_ptr_array_index (items, i))->prompt, ==, defaults[i]);

  /* A picker per learner and item. */
  for (guint l = 0; l < 3; l++)
    for (guint i = 0; i < items->len; i++)
      g_assert_nonnull (_trellis_survey_record_window_get_picker (record,
                                                                 trellis_learner_get_id (nth_learner (fixture->gui.classroom, l)),
                                                                 i));
  g_assert_null (_trellis_survey_record_window_get_picker (record, trellis_learner_get_id (learner), items->len));

  trellis_likert_picker_set_value (_trellis_survey_record_window_get_picker (record, trellis_learner_get_id (learner), 2), 4);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (record), "record.save", NULL));
  trellis_test_iterate_pending ();
  g_assert_cmpint (n_responses (fixture->gui.classroom), ==, 1);
  trellis_dashboard_window_set_range (fixture->dashboard, TRELLIS_DASHBOARD_RANGE_TERM);
  g_assert_true (g_str_has_prefix (agency_caption (fixture->dashboard), "Class mean 4.0 of 4 on "));
  g_assert_nonnull (strstr (agency_caption (fixture->dashboard), "1 of 3 learners answered"));

  /* The items window edits the same survey; no second one is created. */
  {
    TrellisSurveyItemsWindow *window = open_items (fixture->dashboard);

    g_assert_cmpint (trellis_survey_items_window_get_survey_id (window), ==, survey_id);
    g_assert_cmpuint (_trellis_survey_items_window_get_n_rows (window), ==, items->len);
    g_assert_cmpint (count_rows (fixture->gui.classroom, "SELECT count(*) FROM surveys"), ==, 1);
    gtk_window_destroy (GTK_WINDOW (window));
  }
}

/* No learners: the form says what to do instead. */
static void
test_no_learners (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("trellis-test-survey-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "Empty.trellis", NULL);
  TrellisClassroom *classroom = trellis_classroom_create (path, "Empty", &error);
  TrellisSurveyRecordWindow *record;
  TrellisSurveyItemsWindow *items;
  gint64 survey_id;

  g_assert_no_error (error);
  survey_id = trellis_survey_create (classroom, NULL, (const char * const[]) { NULL }, &error);
  g_assert_no_error (error);

  record = g_object_ref_sink (trellis_survey_record_window_new (NULL, classroom, survey_id));
  g_assert_cmpstr (_trellis_survey_record_window_get_visible_page (record), ==, "no-learners");
  gtk_window_destroy (GTK_WINDOW (record));
  g_assert_finalize_object (record);

  g_assert_nonnull (trellis_classroom_add_learner (classroom, "Ada Lovelace", &error));
  g_assert_no_error (error);
  record = g_object_ref_sink (trellis_survey_record_window_new (NULL, classroom, survey_id));
  g_assert_cmpstr (_trellis_survey_record_window_get_visible_page (record), ==, "no-items");
  gtk_window_destroy (GTK_WINDOW (record));
  g_assert_finalize_object (record);

  /* No items: the list says how to add one. */
  items = g_object_ref_sink (trellis_survey_items_window_new (NULL, classroom, survey_id));
  g_assert_cmpuint (_trellis_survey_items_window_get_n_rows (items), ==, 0);
  gtk_window_destroy (GTK_WINDOW (items));
  g_assert_finalize_object (items);

  g_assert_finalize_object (classroom);
  trellis_test_remove_tree (dir);
}

static void
screenshot (GtkWidget  *window,
            const char *dir,
            const char *name)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  const struct { const char *suffix; AdwColorScheme scheme; int width; } shots[] = {
    { "light", ADW_COLOR_SCHEME_FORCE_LIGHT, 820 },
    { "dark", ADW_COLOR_SCHEME_FORCE_DARK, 820 },
    { "narrow", ADW_COLOR_SCHEME_FORCE_LIGHT, 360 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (shots); i++)
    {
      g_autofree char *file = g_strdup_printf ("%s-%s.png", name, shots[i].suffix);
      g_autofree char *path = g_build_filename (dir, file, NULL);

      adw_style_manager_set_color_scheme (manager, shots[i].scheme);
      gtk_window_set_default_size (GTK_WINDOW (window), shots[i].width, 600);
      trellis_gui_test_settle (window, 300);
      trellis_gui_test_save_png (window, NULL, path);
    }
  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_DEFAULT);
}

static void
test_screenshots (Fixture       *fixture,
                  gconstpointer  data)
{
  const char *dir = g_getenv ("TRELLIS_SCREENSHOT_DIR");
  g_autoptr(GtkCssProvider) provider = NULL;
  TrellisSurveyRecordWindow *record;
  TrellisSurveyItemsWindow *items;
  GListModel *learners = trellis_classroom_get_learners (fixture->gui.classroom);

  if (dir == NULL)
    {
      g_test_skip ("TRELLIS_SCREENSHOT_DIR is not set");
      return;
    }

  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, "/io/github/trellis/Trellis/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

  record = open_record (fixture->dashboard);
  for (guint l = 0; l < 5; l++)
    {
      g_autoptr(TrellisLearner) learner = g_list_model_get_item (learners, l);

      for (guint i = 0; i < 4; i++)
        trellis_likert_picker_set_value (_trellis_survey_record_window_get_picker (record, trellis_learner_get_id (learner), i),
                                         1 + (int) ((l * 3 + i) % 4));
    }
  screenshot (GTK_WIDGET (record), dir, "survey-record");
  {
    AdwMessageDialog *dialog;

    gtk_widget_activate_action (GTK_WIDGET (record), "record.cancel", NULL);
    dialog = _trellis_survey_record_window_get_discard_dialog (record);
    adw_message_dialog_response (dialog, "discard");
  }

  items = open_items (fixture->dashboard);
  screenshot (GTK_WIDGET (items), dir, "survey-items");
  gtk_window_destroy (GTK_WINDOW (items));

  /* The dashboard's agency section, with its buttons. */
  {
    GtkWidget *section = gtk_widget_get_parent (_trellis_dashboard_window_get_agency_box (fixture->dashboard));
    AdwStyleManager *manager = adw_style_manager_get_default ();
    g_autofree char *light = g_build_filename (dir, "survey-agency-light.png", NULL);
    g_autofree char *dark = g_build_filename (dir, "survey-agency-dark.png", NULL);

    trellis_dashboard_window_set_range (fixture->dashboard, TRELLIS_DASHBOARD_RANGE_TERM);
    adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_LIGHT);
    trellis_gui_test_settle (GTK_WIDGET (fixture->dashboard), 300);
    trellis_gui_test_save_png (section, &(GdkRGBA) { 0.98, 0.98, 0.98, 1 }, light);
    adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_DARK);
    trellis_gui_test_settle (GTK_WIDGET (fixture->dashboard), 300);
    trellis_gui_test_save_png (section, &(GdkRGBA) { 0.14, 0.14, 0.14, 1 }, dark);
    adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_DEFAULT);
  }
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

#define ADD(path, setup, func) \
  g_test_add (path, Fixture, NULL, setup, func, fixture_tear_down)

  ADD ("/survey/items", fixture_set_up, test_items);
  ADD ("/survey/record", fixture_set_up, test_record);
  ADD ("/survey/discard", fixture_set_up, test_discard);
  ADD ("/survey/import", fixture_set_up, test_import);
  ADD ("/survey/first-use", fixture_set_up_empty, test_first_use);
  g_test_add_func ("/survey/no-learners", test_no_learners);
  ADD ("/survey/screenshots", fixture_set_up, test_screenshots);

#undef ADD

  return g_test_run ();
}

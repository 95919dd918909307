/* test-recommendations.c
 *
 * Copyright 2026 The Trellis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * The recommendations pane driven like a teacher would, through its
 * widgets' actions, on the sample classroom: suggestions are grouped by
 * kind, most urgent first; accepting a small group creates the group and
 * logs the decision; dismissing with a reason removes the suggestion for
 * good; scoping to a learner narrows the list; the window toggles the pane
 * and opens a suggestion's learner.
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "trellis-gui-test-utils.h"
#include "trellis-test-utils.h"
#include "trellis-learner-list-view.h"
#include "trellis-recommendations-pane-private.h"
#include "trellis-recommender.h"
#include "trellis-sample.h"
#include "trellis-suggestion-row.h"
#include "trellis-window-private.h"

typedef struct
{
  TrellisGuiTestFixture       gui;
  TrellisRecommendationsPane *pane;
} Fixture;

/* Helpers */

/* The cards shown, in order. */
static GPtrArray *
list_rows (Fixture *fixture)
{
  GtkWidget *groups = _trellis_recommendations_pane_get_groups_box (fixture->pane);
  GPtrArray *rows = g_ptr_array_new ();

  for (GtkWidget *group = gtk_widget_get_first_child (groups);
       group != NULL;
       group = gtk_widget_get_next_sibling (group))
    {
      GtkWidget *list = gtk_widget_get_last_child (group);

      g_assert_true (GTK_IS_LIST_BOX (list));
      for (GtkWidget *row = gtk_widget_get_first_child (list);
           row != NULL;
           row = gtk_widget_get_next_sibling (row))
        {
          if (TRELLIS_IS_SUGGESTION_ROW (row))
            g_ptr_array_add (rows, row);
        }
    }

  return rows;
}

static TrellisSuggestionRow *
find_row (Fixture               *fixture,
          TrellisSuggestionKind  kind,
          const char            *key)
{
  g_autoptr(GPtrArray) rows = list_rows (fixture);

  for (guint i = 0; i < rows->len; i++)
    {
      TrellisSuggestion *s = trellis_suggestion_row_get_suggestion (g_ptr_array_index (rows, i));

      if ((key != NULL && g_strcmp0 (s->key, key) == 0) || (key == NULL && s->kind == kind))
        return g_ptr_array_index (rows, i);
    }

  return NULL;
}

static gboolean
names_learner (TrellisSuggestion *s,
               gint64             id)
{
  for (guint i = 0; i < s->learners->len; i++)
    {
      if (g_array_index (s->learners, TrellisSuggestionLearner, i).id == id)
        return TRUE;
    }

  return FALSE;
}

static gint64
query_int (TrellisClassroom *classroom,
           const char       *sql,
           const char       *text)
{
  sqlite3_stmt *stmt = NULL;
  gint64 n;

  g_assert_cmpint (sqlite3_prepare_v2 (trellis_classroom_get_db (classroom), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (text != NULL)
    sqlite3_bind_text (stmt, 1, text, -1, SQLITE_TRANSIENT);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  return n;
}

static char *
query_text (TrellisClassroom *classroom,
            const char       *sql,
            const char       *text)
{
  sqlite3_stmt *stmt = NULL;
  char *result;

  g_assert_cmpint (sqlite3_prepare_v2 (trellis_classroom_get_db (classroom), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, text, -1, SQLITE_TRANSIENT);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  result = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);

  return result;
}

static gboolean
computed_has_key (TrellisClassroom *classroom,
                  const char       *key)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) suggestions = trellis_recommender_compute (classroom, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < suggestions->len; i++)
    {
      TrellisSuggestion *s = g_ptr_array_index (suggestions, i);

      if (g_strcmp0 (s->key, key) == 0)
        return TRUE;
    }

  return FALSE;
}

/* Fixture */

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  g_settings_reset (settings, "window-width");
  g_settings_reset (settings, "window-height");
  g_settings_reset (settings, "window-maximized");

  trellis_gui_test_fixture_set_up (&fixture->gui, NULL);
  fixture->pane = _trellis_window_get_recommendations_pane (fixture->gui.window);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  trellis_gui_test_fixture_tear_down (&fixture->gui, data);
}

/* Tests */

static void
test_grouped_by_kind (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) computed = trellis_recommender_compute (fixture->gui.classroom, &error);
  g_autoptr(GPtrArray) rows = list_rows (fixture);
  GtkWidget *groups = _trellis_recommendations_pane_get_groups_box (fixture->pane);
  int previous_kind = -1;
  guint n_groups = 0;

  g_assert_no_error (error);
  g_assert_cmpuint (computed->len, >, 0);

  g_assert_true (trellis_recommendations_pane_get_classroom (fixture->pane) == fixture->gui.classroom);
  g_assert_null (trellis_recommendations_pane_get_learner (fixture->pane));
  g_assert_cmpstr (_trellis_recommendations_pane_get_visible_page (fixture->pane), ==, "suggestions");
  g_assert_cmpstr (_trellis_recommendations_pane_get_scope_label (fixture->pane), ==, "Whole class");

  /* Every current suggestion, in the recommender's order. */
  g_assert_cmpuint (rows->len, ==, computed->len);
  for (guint i = 0; i < rows->len; i++)
    {
      TrellisSuggestion *shown = trellis_suggestion_row_get_suggestion (g_ptr_array_index (rows, i));

      g_assert_cmpstr (shown->key, ==, ((TrellisSuggestion *) g_ptr_array_index (computed, i))->key);
      g_assert_true (trellis_gui_test_has_label (g_ptr_array_index (rows, i), shown->reason));
    }

  /* One group per kind, in urgency order, titled, holding only that kind,
   * most urgent first. */
  for (GtkWidget *group = gtk_widget_get_first_child (groups);
       group != NULL;
       group = gtk_widget_get_next_sibling (group))
    {
      TrellisSuggestionKind kind;
      double previous_urgency = G_MAXDOUBLE;
      guint n_rows = 0;

      g_assert_true (trellis_suggestion_kind_from_string (gtk_widget_get_name (group), &kind));
      g_assert_cmpint ((int) kind, >, previous_kind);
      previous_kind = (int) kind;
      g_assert_true (trellis_gui_test_has_label (group, trellis_suggestion_kind_get_title (kind)));

      for (GtkWidget *row = gtk_widget_get_first_child (gtk_widget_get_last_child (group));
           row != NULL;
           row = gtk_widget_get_next_sibling (row))
        {
          TrellisSuggestion *s = trellis_suggestion_row_get_suggestion (TRELLIS_SUGGESTION_ROW (row));

          g_assert_cmpint (s->kind, ==, kind);
          g_assert_cmpfloat (s->urgency, <=, previous_urgency);
          previous_urgency = s->urgency;
          n_rows++;
        }
      g_assert_cmpuint (n_rows, >, 0);
      n_groups++;
    }

  /* The sample classroom has suggestions of several kinds, small groups among them. */
  g_assert_cmpuint (n_groups, >=, 3);
  g_assert_nonnull (find_row (fixture, TRELLIS_SUGGESTION_SMALL_GROUP, NULL));

  /* The "Why?" text spells the evidence out. */
  {
    TrellisSuggestionRow *row = find_row (fixture, TRELLIS_SUGGESTION_SMALL_GROUP, NULL);
    g_autofree char *why = trellis_suggestion_describe_evidence (trellis_suggestion_row_get_suggestion (row));
    TrellisSuggestion *s = trellis_suggestion_row_get_suggestion (row);

    g_assert_nonnull (strstr (why, "Confidence: "));
    g_assert_nonnull (strstr (why, "Mastery threshold: 50%"));
    g_assert_nonnull (strstr (why, g_array_index (s->learners, TrellisSuggestionLearner, 0).name));
    g_assert_nonnull (strstr (why, "mastery "));
  }
}

static void
test_accept_small_group (Fixture       *fixture,
                         gconstpointer  data)
{
  TrellisSuggestionRow *row = find_row (fixture, TRELLIS_SUGGESTION_SMALL_GROUP, NULL);
  g_autoptr(TrellisSuggestion) s = NULL;
  g_autoptr(GPtrArray) rows_before = list_rows (fixture);
  g_autoptr(GPtrArray) rows_after = NULL;
  g_autofree char *group_title = NULL;
  GtkListBox *history;
  gint64 group_id;

  g_assert_nonnull (row);
  s = trellis_suggestion_ref (trellis_suggestion_row_get_suggestion (row));
  g_assert_cmpuint (s->learners->len, >=, 2);
  g_assert_cmpint (query_int (fixture->gui.classroom, "SELECT count(*) FROM groups", NULL), ==, 0);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (row), "suggestion.accept", NULL));

  /* The decision is logged… */
  g_assert_cmpint (query_int (fixture->gui.classroom,
                              "SELECT count(*) FROM recommendations WHERE key = ?1 AND decision = 'accepted'",
                              s->key), ==, 1);
  g_assert_cmpint (query_int (fixture->gui.classroom,
                              "SELECT count(*) FROM recommendation_learners rl JOIN recommendations r "
                              "ON r.id = rl.recommendation_id WHERE r.key = ?1", s->key), ==, s->learners->len);

  /* …the group exists with the suggested learners… */
  group_id = query_int (fixture->gui.classroom,
                        "SELECT g.id FROM groups g JOIN recommendations r ON r.id = g.recommendation_id "
                        "WHERE r.key = ?1 AND g.kind = 'small_group'", s->key);
  g_assert_cmpint (group_id, >, 0);
  g_assert_cmpint (query_int (fixture->gui.classroom, "SELECT count(*) FROM groups", NULL), ==, 1);
  g_assert_cmpint (query_int (fixture->gui.classroom,
                              "SELECT count(*) FROM group_members m JOIN groups g ON g.id = m.group_id "
                              "JOIN recommendations r ON r.id = g.recommendation_id WHERE r.key = ?1",
                              s->key), ==, s->learners->len);
  for (guint i = 0; i < s->learners->len; i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM group_members WHERE group_id = %" G_GINT64_FORMAT
                                              " AND learner_id = %" G_GINT64_FORMAT " AND ?1 IS NOT NULL",
                                              group_id, g_array_index (s->learners, TrellisSuggestionLearner, i).id);

      g_assert_cmpint (query_int (fixture->gui.classroom, sql, "x"), ==, 1);
    }

  /* …a toast names it, and the card is gone. */
  group_title = query_text (fixture->gui.classroom,
                            "SELECT g.title FROM groups g JOIN recommendations r ON r.id = g.recommendation_id "
                            "WHERE r.key = ?1", s->key);
  g_assert_nonnull (_trellis_recommendations_pane_get_last_toast (fixture->pane));
  g_assert_nonnull (strstr (_trellis_recommendations_pane_get_last_toast (fixture->pane), group_title));
  g_assert_null (find_row (fixture, 0, s->key));
  rows_after = list_rows (fixture);
  g_assert_cmpuint (rows_after->len, <, rows_before->len);

  /* The history lists the decision. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->pane), "recommendations.show-history", NULL);
  g_assert_true (trellis_recommendations_pane_get_show_history (fixture->pane));
  g_assert_cmpstr (_trellis_recommendations_pane_get_visible_page (fixture->pane), ==, "history");
  history = _trellis_recommendations_pane_get_history_list (fixture->pane);
  g_assert_nonnull (gtk_list_box_get_row_at_index (history, 0));
  g_assert_null (gtk_list_box_get_row_at_index (history, 1));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (gtk_list_box_get_row_at_index (history, 0))),
                   ==, "Small group: Accepted");

  gtk_widget_activate_action (GTK_WIDGET (fixture->pane), "recommendations.show-history", NULL);
  g_assert_cmpstr (_trellis_recommendations_pane_get_visible_page (fixture->pane), ==, "suggestions");
}

static void
test_dismiss_with_reason (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(TrellisSuggestion) s = NULL;
  g_autoptr(TrellisClassroom) reopened = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *reason = NULL;
  GtkListBox *history;
  TrellisSuggestionRow *row;

  row = find_row (fixture, TRELLIS_SUGGESTION_CONFERENCE_DUE, NULL);
  g_assert_nonnull (row);
  s = trellis_suggestion_ref (trellis_suggestion_row_get_suggestion (row));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (row), "suggestion.dismiss", "s", "already_handled"));

  g_assert_null (find_row (fixture, 0, s->key));
  reason = query_text (fixture->gui.classroom,
                       "SELECT decision_reason FROM recommendations WHERE key = ?1 AND decision = 'dismissed'",
                       s->key);
  g_assert_cmpstr (reason, ==, "already_handled");
  g_assert_cmpint (query_int (fixture->gui.classroom, "SELECT count(*) FROM groups", NULL), ==, 0);

  /* A refresh does not bring it back. */
  trellis_recommendations_pane_refresh (fixture->pane);
  g_assert_null (find_row (fixture, 0, s->key));

  /* Nor does opening the file again. */
  reopened = trellis_classroom_open (fixture->gui.path, TRELLIS_OPEN_FLAGS_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_false (computed_has_key (reopened, s->key));

  /* The history shows the reason in words. */
  trellis_recommendations_pane_set_show_history (fixture->pane, TRUE);
  history = _trellis_recommendations_pane_get_history_list (fixture->pane);
  g_assert_nonnull (gtk_list_box_get_row_at_index (history, 0));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (gtk_list_box_get_row_at_index (history, 0))),
                            "Already handled"));

  /* A snooze hides another one for a week. */
  trellis_recommendations_pane_set_show_history (fixture->pane, FALSE);
  row = find_row (fixture, TRELLIS_SUGGESTION_CONFERENCE_DUE, NULL);
  g_assert_nonnull (row);
  g_clear_pointer (&s, trellis_suggestion_unref);
  s = trellis_suggestion_ref (trellis_suggestion_row_get_suggestion (row));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (row), "suggestion.snooze", NULL));
  g_assert_null (find_row (fixture, 0, s->key));
  g_assert_cmpint (query_int (fixture->gui.classroom,
                              "SELECT count(*) FROM recommendations WHERE key = ?1 AND decision = 'snoozed' "
                              "AND snoozed_until IS NOT NULL", s->key), ==, 1);
}

static void
test_scope_to_learner (Fixture       *fixture,
                       gconstpointer  data)
{
  TrellisLearnerListView *list_view = _trellis_window_get_learner_list_view (fixture->gui.window);
  g_autoptr(GPtrArray) class_rows = list_rows (fixture);
  g_autoptr(GPtrArray) learner_rows = NULL;
  g_autoptr(GPtrArray) back_rows = NULL;
  TrellisSuggestionRow *row = find_row (fixture, TRELLIS_SUGGESTION_SMALL_GROUP, NULL);
  TrellisSuggestion *s = trellis_suggestion_row_get_suggestion (row);
  gint64 id = g_array_index (s->learners, TrellisSuggestionLearner, 0).id;
  TrellisLearner *learner = trellis_classroom_lookup_learner (fixture->gui.classroom, id);
  g_autofree char *scope = NULL;
  guint expected = 0;

  g_assert_nonnull (learner);
  for (guint i = 0; i < class_rows->len; i++)
    {
      if (names_learner (trellis_suggestion_row_get_suggestion (g_ptr_array_index (class_rows, i)), id))
        expected++;
    }
  g_assert_cmpuint (expected, >, 0);
  g_assert_cmpuint (expected, <, class_rows->len);

  /* Selecting a learner in the list scopes the pane to them. */
  trellis_learner_list_view_select_learner (list_view, learner);
  g_assert_true (trellis_recommendations_pane_get_learner (fixture->pane) == learner);

  learner_rows = list_rows (fixture);
  g_assert_cmpuint (learner_rows->len, ==, expected);
  for (guint i = 0; i < learner_rows->len; i++)
    g_assert_true (names_learner (trellis_suggestion_row_get_suggestion (g_ptr_array_index (learner_rows, i)), id));

  scope = g_strdup_printf ("For %s", trellis_learner_get_display_name (learner));
  g_assert_cmpstr (_trellis_recommendations_pane_get_scope_label (fixture->pane), ==, scope);

  /* And back to the whole class. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->pane), "recommendations.show-class", NULL));
  g_assert_null (trellis_recommendations_pane_get_learner (fixture->pane));
  back_rows = list_rows (fixture);
  g_assert_cmpuint (back_rows->len, ==, class_rows->len);
  g_assert_cmpstr (_trellis_recommendations_pane_get_scope_label (fixture->pane), ==, "Whole class");
}

static void
test_window_actions (Fixture       *fixture,
                     gconstpointer  data)
{
  TrellisLearnerListView *list_view = _trellis_window_get_learner_list_view (fixture->gui.window);
  TrellisSuggestionRow *row = find_row (fixture, TRELLIS_SUGGESTION_CONFERENCE_DUE, NULL);
  TrellisSuggestion *s = trellis_suggestion_row_get_suggestion (row);
  gint64 id = g_array_index (s->learners, TrellisSuggestionLearner, 0).id;
  gboolean shown = FALSE;

  /* The pane shows by default and toggles (F9, the header bar button). */
  g_object_get (fixture->gui.window, "show-recommendations", &shown, NULL);
  g_assert_true (shown);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (fixture->pane)));

  gtk_widget_activate_action (GTK_WIDGET (fixture->gui.window), "win.toggle-recommendations", NULL);
  g_object_get (fixture->gui.window, "show-recommendations", &shown, NULL);
  g_assert_false (shown);

  gtk_widget_activate_action (GTK_WIDGET (fixture->gui.window), "win.toggle-recommendations", NULL);
  g_object_get (fixture->gui.window, "show-recommendations", &shown, NULL);
  g_assert_true (shown);

  /* "Open Learner" on a card selects the learner in the list. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (row), "suggestion.open-learner", NULL));
  g_assert_nonnull (trellis_learner_list_view_get_selected_learner (list_view));
  g_assert_cmpint (trellis_learner_get_id (trellis_learner_list_view_get_selected_learner (list_view)), ==, id);
  g_assert_cmpint (trellis_learner_get_id (trellis_recommendations_pane_get_learner (fixture->pane)), ==, id);
}

static void
test_live_update (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) before = list_rows (fixture);
  g_autoptr(GPtrArray) after = NULL;
  TrellisSuggestionRow *row = find_row (fixture, TRELLIS_SUGGESTION_GOAL_OVERDUE, NULL);
  g_autoptr(TrellisSuggestion) s = NULL;
  TrellisLearner *learner;
  char *sql;
  guint n_learner = 0;

  g_assert_nonnull (row);
  s = trellis_suggestion_ref (trellis_suggestion_row_get_suggestion (row));
  learner = trellis_classroom_lookup_learner (fixture->gui.classroom,
                                              g_array_index (s->learners, TrellisSuggestionLearner, 0).id);
  for (guint i = 0; i < before->len; i++)
    {
      if (names_learner (trellis_suggestion_row_get_suggestion (g_ptr_array_index (before, i)),
                         trellis_learner_get_id (learner)))
        n_learner++;
    }

  /* Deleting a learner (the learner model changes) drops their suggestions at once. */
  g_assert_true (trellis_classroom_trash_learner (fixture->gui.classroom, learner, &error));
  g_assert_no_error (error);
  after = list_rows (fixture);
  g_assert_cmpuint (n_learner, >, 0);
  g_assert_null (find_row (fixture, 0, s->key));
  for (guint i = 0; i < after->len; i++)
    g_assert_false (names_learner (trellis_suggestion_row_get_suggestion (g_ptr_array_index (after, i)),
                                   trellis_learner_get_id (learner)));

  /* A refresh that finds the same suggestions keeps the cards as they are. */
  g_clear_pointer (&before, g_ptr_array_unref);
  before = list_rows (fixture);
  trellis_recommendations_pane_refresh (fixture->pane);
  g_clear_pointer (&after, g_ptr_array_unref);
  after = list_rows (fixture);
  g_assert_cmpuint (after->len, ==, before->len);
  for (guint i = 0; i < after->len; i++)
    g_assert_true (g_ptr_array_index (after, i) == g_ptr_array_index (before, i));

  /* An edit made elsewhere shows after the window's call. */
  sql = g_strdup ("UPDATE goals SET status = 'met' WHERE status = 'active'");
  g_assert_cmpint (sqlite3_exec (trellis_classroom_get_db (fixture->gui.classroom), sql, NULL, NULL, NULL), ==, SQLITE_OK);
  g_free (sql);
  trellis_recommendations_pane_refresh (fixture->pane);
  g_assert_null (find_row (fixture, TRELLIS_SUGGESTION_GOAL_OVERDUE, NULL));
}

/* Accepting "ready for more" assigns the challenge option it names. */
static void
test_accept_ready_for_more (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GPtrArray) rows = list_rows (fixture);
  TrellisSuggestionRow *row = NULL;
  g_autoptr(TrellisSuggestion) s = NULL;
  g_autofree char *sql = NULL;
  gint64 learner_id;

  /* The sample has learners ready for more on a playlist with a challenge option. */
  for (guint i = 0; i < rows->len && row == NULL; i++)
    {
      TrellisSuggestion *candidate = trellis_suggestion_row_get_suggestion (g_ptr_array_index (rows, i));

      if (candidate->kind == TRELLIS_SUGGESTION_READY_FOR_MORE && candidate->node_id > 0)
        row = g_ptr_array_index (rows, i);
    }
  g_assert_nonnull (row);
  s = trellis_suggestion_ref (trellis_suggestion_row_get_suggestion (row));
  learner_id = g_array_index (s->learners, TrellisSuggestionLearner, 0).id;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (row), "suggestion.accept", NULL));
  trellis_test_iterate_pending ();

  /* The challenge option is now that learner's choice, and the toast says so. */
  sql = g_strdup_printf ("SELECT count(*) FROM choices WHERE learner_id = %" G_GINT64_FORMAT
                         " AND option_id = %" G_GINT64_FORMAT, learner_id, s->node_id);
  g_assert_cmpint (query_int (fixture->gui.classroom, sql, NULL), ==, 1);
  g_assert_nonnull (_trellis_recommendations_pane_get_last_toast (fixture->pane));
  g_assert_nonnull (strstr (_trellis_recommendations_pane_get_last_toast (fixture->pane), "assigned to"));
  g_assert_nonnull (strstr (_trellis_recommendations_pane_get_last_toast (fixture->pane), s->node_title));
}

/* Accepting "conference due" opens that learner in conference mode. */
static void
test_accept_conference_due (Fixture       *fixture,
                            gconstpointer  data)
{
  TrellisSuggestionRow *row = find_row (fixture, TRELLIS_SUGGESTION_CONFERENCE_DUE, NULL);
  g_autoptr(TrellisSuggestion) s = NULL;
  gboolean found = FALSE;
  GListModel *toplevels;

  g_assert_nonnull (row);
  s = trellis_suggestion_ref (trellis_suggestion_row_get_suggestion (row));
  g_assert_cmpuint (s->learners->len, ==, 1);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (row), "suggestion.accept", NULL));
  trellis_test_iterate_pending ();

  toplevels = gtk_window_get_toplevels ();
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (window != GTK_WINDOW (fixture->gui.window) &&
          gtk_window_get_transient_for (window) == GTK_WINDOW (fixture->gui.window) &&
          g_str_equal (G_OBJECT_TYPE_NAME (window), "TrellisConferenceWindow"))
        {
          found = TRUE;
          gtk_window_destroy (window);
        }
    }
  g_assert_true (found);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  /* As in test-window.c: libadwaita 1.2's toast overlay does not survive a
   * toast dismissed during its show animation. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

#define ADD(name, func) \
  g_test_add ("/recommendations/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("grouped-by-kind", test_grouped_by_kind);
  ADD ("accept-small-group", test_accept_small_group);
  ADD ("accept-ready-for-more", test_accept_ready_for_more);
  ADD ("accept-conference-due", test_accept_conference_due);
  ADD ("dismiss-with-reason", test_dismiss_with_reason);
  ADD ("scope-to-learner", test_scope_to_learner);
  ADD ("window-actions", test_window_actions);
  ADD ("live-update", test_live_update);

#undef ADD

  return g_test_run ();
}

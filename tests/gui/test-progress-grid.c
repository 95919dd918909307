/* test-progress-grid.c
 *
 * Copyright 2026 The Trellis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * The class progress grid in the playlist builder (issue 6) and the live
 * suggestions sidebar (issue 7), on the sample classroom, driving the real
 * widgets: Alt+2's action shows Progress; a cell's popover marks a status
 * with evidence, a choice and a milestone check-in; the digit keys'
 * action marks the focused cell and the arrow keys' action moves; a row
 * header shows what the learner is offered.  After closing and reopening
 * the file, the core and a new grid find it all.  With the main window's
 * sidebar open, marks in the grid change its suggestions without a
 * refresh.
 *
 * With TRELLIS_SCREENSHOT_DIR set, the test also leaves progress-grid.png,
 * progress-grid-dark.png, progress-grid-narrow.png and
 * progress-popover.png there.
 */

#include "config.h"

#include <adwaita.h>
#include <math.h>
#include <string.h>

#include "trellis-gui-test-utils.h"
#include "trellis-learner-list-view.h"
#include "trellis-mastery.h"
#include "trellis-playlist-window-private.h"
#include "trellis-print-dialog.h"
#include "trellis-progress-grid-private.h"
#include "trellis-recommendations-pane-private.h"
#include "trellis-recommender.h"
#include "trellis-sample.h"
#include "trellis-test-utils.h"
#include "trellis-window-private.h"

typedef TrellisGuiTestFixture Fixture;

/* Helpers */

static TrellisProgressGrid *
show_progress (TrellisPlaylistWindow *builder)
{
  AdwViewStack *stack = _trellis_playlist_window_get_view_stack (builder);

  g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "build");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (builder), "builder.show-progress", NULL));
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "progress");
  gtk_test_widget_wait_for_draw (GTK_WIDGET (builder));

  return _trellis_playlist_window_get_progress_grid (builder);
}

static TrellisNode *
node_titled (TrellisClassroom *classroom,
             TrellisPlaylist  *playlist,
             TrellisNode      *parent,
             const char       *prefix)
{
  GListModel *nodes = trellis_classroom_get_nodes (classroom, playlist, parent);

  for (guint i = 0; i < g_list_model_get_n_items (nodes); i++)
    {
      g_autoptr(TrellisNode) node = g_list_model_get_item (nodes, i);

      if (g_str_has_prefix (trellis_node_get_title (node), prefix))
        return node;
    }

  g_assert_not_reached ();
}

static TrellisLearner *
learner_named (TrellisClassroom *classroom,
               const char       *name)
{
  g_autoptr(GError) error = NULL;
  TrellisLearner *learner = trellis_classroom_find_learner (classroom, name, &error);

  g_assert_no_error (error);
  g_assert_nonnull (learner);
  return learner;
}

/* Clicks @learner's cell for @node; returns the popover it opened. */
static GtkWidget *
open_cell (TrellisProgressGrid *grid,
           TrellisLearner      *learner,
           TrellisNode         *node)
{
  GtkWidget *cell = _trellis_progress_grid_get_cell (grid, learner, node);
  GtkPopover *popover;

  g_assert_nonnull (cell);
  g_signal_emit_by_name (cell, "clicked");
  trellis_test_iterate_pending ();
  popover = _trellis_progress_grid_get_popover (grid);
  g_assert_nonnull (popover);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (popover)));
  g_assert_true (gtk_widget_is_ancestor (cell, gtk_widget_get_parent (GTK_WIDGET (popover))));

  return GTK_WIDGET (popover);
}

static void
untick_all (GtkWidget *widget)
{
  if (GTK_IS_CHECK_BUTTON (widget))
    gtk_check_button_set_active (GTK_CHECK_BUTTON (widget), FALSE);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    untick_all (child);
}

/* The digit keys' action on @learner's cell for @node. */
static void
press_digit (TrellisProgressGrid *grid,
             TrellisLearner      *learner,
             TrellisNode         *node,
             int                  digit)
{
  GtkWidget *cell = _trellis_progress_grid_get_cell (grid, learner, node);

  g_assert_true (gtk_widget_grab_focus (cell));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (grid), "grid.mark", "i", digit - 1));
  trellis_test_iterate_pending ();
}

static TrellisProgressStatus
status_of (TrellisClassroom *classroom,
           TrellisLearner   *learner,
           TrellisNode      *node)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisProgress) progress = trellis_progress_get (classroom, learner, node, &error);

  g_assert_no_error (error);
  return progress->status;
}

static gint64
count_evidence (TrellisClassroom *classroom,
                TrellisLearner   *learner,
                TrellisNode      *node)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM evidence WHERE learner_id = %" G_GINT64_FORMAT
                                          " AND node_id = %" G_GINT64_FORMAT,
                                          trellis_learner_get_id (learner), trellis_node_get_id (node));

  return trellis_test_query_int (classroom, sql);
}

/* Tests */

static void
test_mark (Fixture       *fixture,
           gconstpointer  data)
{
  TrellisClassroom *classroom = fixture->classroom;
  TrellisPlaylistWindow *builder = trellis_gui_test_open_builder (fixture);
  TrellisProgressGrid *grid = show_progress (builder);
  TrellisPlaylist *playlist = trellis_playlist_window_get_playlist (builder);
  TrellisLearner *amara = learner_named (classroom, "Amara Okafor");
  TrellisLearner *jonah = learner_named (classroom, "Jonah Goldberg");
  TrellisNode *map_walk = node_titled (classroom, playlist, NULL, "Map walk");
  TrellisNode *sources = node_titled (classroom, playlist, NULL, "Reading primary sources");
  TrellisNode *week2 = node_titled (classroom, playlist, NULL, "Week 2 check-in");
  TrellisNode *civilization = node_titled (classroom, playlist, NULL, "Choose your civilization");
  TrellisNode *china = node_titled (classroom, playlist, civilization, "Ancient China");
  TrellisNode *greece = node_titled (classroom, playlist, civilization, "Ancient Greece");
  AdwToast *toast;
  g_autoptr(GPtrArray) offered = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *today = trellis_classroom_today (classroom);
  GtkWidget *popover, *widget, *save;
  gint64 evidence_before;
  gint64 playlist_id = trellis_playlist_get_id (playlist);
  guint rebuilds;

  g_assert_true (trellis_progress_grid_get_playlist (grid) == playlist);
  g_assert_nonnull (_trellis_progress_grid_get_cell (grid, amara, map_walk));
  rebuilds = _trellis_progress_grid_get_n_rebuilds (grid);

  /* Click, then Complete with rubric evidence: one transaction, evidence
   * for each of the activity's two skills, and the cell says so. */
  g_assert_true (trellis_progress_update (classroom, amara, map_walk,
                                          &(TrellisProgressUpdate) { TRELLIS_PROGRESS_FIELD_STATUS,
                                                                     TRELLIS_PROGRESS_IN_PROGRESS, NULL, NULL, NULL },
                                          NULL, NULL, &error));
  g_assert_no_error (error);
  evidence_before = count_evidence (classroom, amara, map_walk);
  popover = open_cell (grid, amara, map_walk);
  widget = trellis_gui_test_find_widget (popover, trellis_gui_test_is_check_labelled, "Record _evidence");
  g_assert_nonnull (widget);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (widget), TRUE);
  widget = trellis_gui_test_find_widget (popover, trellis_gui_test_is_of_type, "GtkDropDown");
  g_assert_nonnull (widget);
  /* The first drop-down is the format: choose “annotated map”. */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (widget), 1);
  {
    g_autoptr(TrellisProgress) progress = trellis_progress_get (classroom, amara, map_walk, &error);

    g_assert_cmpstr (progress->format, ==, "annotated map");
  }
  popover = open_cell (grid, amara, map_walk);
  widget = trellis_gui_test_find_widget (popover, trellis_gui_test_is_check_labelled, "Record _evidence");
  gtk_check_button_set_active (GTK_CHECK_BUTTON (widget), TRUE);
  trellis_gui_test_click (trellis_gui_test_find_widget (popover, trellis_gui_test_is_button_with_tooltip,
                                                        "Complete (4)"));
  g_assert_cmpint (status_of (classroom, amara, map_walk), ==, TRELLIS_PROGRESS_COMPLETE);
  g_assert_cmpint (count_evidence (classroom, amara, map_walk), ==, evidence_before + 2);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (_trellis_progress_grid_get_popover (grid))));
  {
    g_autofree char *text = _trellis_progress_grid_dup_cell_text (grid, amara, map_walk);

    g_assert_cmpstr (text, ==, "Complete");
  }

  /* The digit keys mark the focused cell; the arrow keys move. */
  press_digit (grid, amara, sources, 3);
  g_assert_cmpint (status_of (classroom, amara, sources), ==, TRELLIS_PROGRESS_SUBMITTED);
  toast = _trellis_progress_grid_get_undo_toast (grid);
  g_assert_nonnull (toast);

  /* A mis-key is undone from its toast: the one still showing, retitled. */
  press_digit (grid, amara, sources, 5);
  g_assert_cmpint (status_of (classroom, amara, sources), ==, TRELLIS_PROGRESS_NEEDS_REVISION);
  g_assert_true (_trellis_progress_grid_get_undo_toast (grid) == toast);
  g_assert_nonnull (strstr (adw_toast_get_title (toast), "Needs revision"));
  g_signal_emit_by_name (_trellis_progress_grid_get_undo_toast (grid), "button-clicked");
  trellis_test_iterate_pending ();
  g_assert_cmpint (status_of (classroom, amara, sources), ==, TRELLIS_PROGRESS_SUBMITTED);
  {
    g_autofree char *text = _trellis_progress_grid_dup_cell_text (grid, amara, sources);

    g_assert_cmpstr (text, ==, "Submitted");
  }
  g_assert_true (gtk_widget_grab_focus (_trellis_progress_grid_get_cell (grid, amara, sources)));
  {
    GListModel *learners = trellis_classroom_get_learners (classroom);
    g_autoptr(TrellisLearner) below = NULL;
    guint position;

    /* Rows are in the classroom's order of learners. */
    g_assert_true (g_list_store_find (G_LIST_STORE (learners), amara, &position));
    below = g_list_model_get_item (learners, position + 1);

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (grid), "grid.move", "(ii)", 0, 1));
    g_assert_true (gtk_widget_is_focus (_trellis_progress_grid_get_cell (grid, below, sources)));
  }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (grid), "grid.move", "(ii)", 0, -1));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (grid), "grid.move", "(ii)", -1, 0));
  g_assert_true (gtk_widget_is_focus (_trellis_progress_grid_get_cell (grid, amara, map_walk)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (grid), "grid.mark", "i", 4));
  trellis_test_iterate_pending ();
  g_assert_cmpint (status_of (classroom, amara, map_walk), ==, TRELLIS_PROGRESS_NEEDS_REVISION);
  {
    g_autofree char *text = _trellis_progress_grid_dup_cell_text (grid, amara, map_walk);

    g_assert_cmpstr (text, ==, "Revise");
  }

  /* Marks update cells, not the whole grid. */
  g_assert_cmpuint (_trellis_progress_grid_get_n_rebuilds (grid), ==, rebuilds);

  /* A choice: Jonah (level 1) is offered the starter option first; more
   * than the group's one is refused before anything is written. */
  offered = trellis_progress_offered_options (classroom, jonah, civilization, &error);
  g_assert_no_error (error);
  g_assert_false (g_ptr_array_find (offered, china, NULL));
  popover = open_cell (grid, jonah, civilization);
  g_assert_nonnull (trellis_gui_test_find_widget (popover, trellis_gui_test_is_label_with_prefix,
                                                  "Beyond their level"));
  save = trellis_gui_test_find_widget (popover, trellis_gui_test_is_button_labelled, "_Save Choice");
  g_assert_nonnull (save);
  untick_all (popover);
  g_assert_true (gtk_widget_get_sensitive (save));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (trellis_gui_test_find_widget (popover, trellis_gui_test_is_check_labelled, "Ancient China")), TRUE);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (trellis_gui_test_find_widget (popover, trellis_gui_test_is_check_labelled, "Ancient Greece")), TRUE);
  g_assert_false (gtk_widget_get_sensitive (save));
  g_assert_nonnull (trellis_gui_test_find_widget (popover, trellis_gui_test_is_label_with_prefix,
                                                  "Choose 1 option. Untick 1."));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (trellis_gui_test_find_widget (popover, trellis_gui_test_is_check_labelled, "Ancient Greece")), FALSE);
  g_assert_true (gtk_widget_get_sensitive (save));
  trellis_gui_test_click (save);
  {
    g_autoptr(GPtrArray) chosen = trellis_progress_get_choices (classroom, jonah, civilization, &error);
    g_autofree char *text = _trellis_progress_grid_dup_cell_text (grid, jonah, civilization);

    g_assert_cmpuint (chosen->len, ==, 1);
    g_assert_true (g_ptr_array_index (chosen, 0) == china);
    g_assert_cmpstr (text, ==, trellis_node_get_title (china));
  }
  /* A status on a choice group goes on the option chosen. */
  press_digit (grid, jonah, civilization, 2);
  g_assert_cmpint (status_of (classroom, jonah, china), ==, TRELLIS_PROGRESS_IN_PROGRESS);
  g_assert_cmpint (status_of (classroom, jonah, greece), ==, TRELLIS_PROGRESS_NOT_STARTED);

  /* A check-in on a milestone: today by default; a bad date is refused
   * and leaves the file as it was. */
  {
    /* Jonah is late for Week 3 (Week 2 is submitted): his row says so,
     * and so does the cell. */
    TrellisNode *week3 = node_titled (classroom, playlist, NULL, "Week 3 check-in");
    GtkWidget *header = _trellis_progress_grid_get_row_header (grid, jonah);
    GtkWidget *late = trellis_gui_test_find_widget (header, trellis_gui_test_is_label_with_prefix, "");

    late = gtk_widget_get_next_sibling (late);
    g_assert_true (gtk_widget_get_visible (late));
    g_assert_true (g_str_has_suffix (gtk_label_get_label (GTK_LABEL (late)), " days late"));
    g_assert_true (gtk_widget_has_css_class (_trellis_progress_grid_get_cell (grid, jonah, week3), "late"));
    g_assert_false (gtk_widget_has_css_class (_trellis_progress_grid_get_cell (grid, jonah, week2), "late"));
  }
  popover = open_cell (grid, jonah, week2);
  widget = trellis_gui_test_find_widget (popover, trellis_gui_test_is_of_type, "GtkEntry");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (widget)), ==, today);
  gtk_editable_set_text (GTK_EDITABLE (widget), "5 Nov");
  trellis_gui_test_click (trellis_gui_test_find_widget (popover, trellis_gui_test_is_button_labelled,
                                                        "Record _Check-in"));
  {
    g_autoptr(TrellisProgress) progress = trellis_progress_get (classroom, jonah, week2, &error);

    g_assert_cmpstr (progress->checkin_on, !=, "5 Nov");
    g_assert_true (_trellis_progress_grid_get_popover (grid) == GTK_POPOVER (popover));
  }
  gtk_editable_set_text (GTK_EDITABLE (widget), "2026-11-05");
  {
    GtkWidget *note = gtk_widget_get_next_sibling (widget);

    g_assert_true (GTK_IS_ENTRY (note));
    gtk_editable_set_text (GTK_EDITABLE (note), "Has a research question");
  }
  trellis_gui_test_click (trellis_gui_test_find_widget (popover, trellis_gui_test_is_button_labelled,
                                                        "Record _Check-in"));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (_trellis_progress_grid_get_popover (grid))));

  /* The row header shows what Jonah is offered, with his level. */
  trellis_gui_test_click (_trellis_progress_grid_get_row_header (grid, jonah));
  g_assert_true (trellis_progress_grid_get_learner (grid) == jonah);
  g_assert_nonnull (trellis_gui_test_find_widget (_trellis_progress_grid_get_learner_box (grid), trellis_gui_test_is_label_with_prefix, "Level 1: "));

  if (g_getenv ("TRELLIS_SCREENSHOT_DIR") != NULL)
    {
      AdwStyleManager *style = adw_style_manager_get_default ();

      gtk_window_set_default_size (GTK_WINDOW (builder), 1280, 760);
      trellis_gui_test_save_screenshot (GTK_WIDGET (builder), "progress-grid.png");
      adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
      trellis_gui_test_save_screenshot (GTK_WIDGET (builder), "progress-grid-dark.png");
      adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
      gtk_window_set_default_size (GTK_WINDOW (builder), 480, 700);
      trellis_gui_test_save_screenshot (GTK_WIDGET (builder), "progress-grid-narrow.png");
      gtk_window_set_default_size (GTK_WINDOW (builder), 1280, 760);
      open_cell (grid, amara, map_walk);
      trellis_gui_test_save_screenshot (GTK_WIDGET (_trellis_progress_grid_get_popover (grid)), "progress-popover.png");
      gtk_popover_popdown (_trellis_progress_grid_get_popover (grid));
      trellis_test_iterate_pending ();
    }

  /* Close the classroom (and the builder), then reopen the file. */
  trellis_window_set_classroom (fixture->window, NULL);
  trellis_test_iterate_pending ();
  trellis_gui_test_finalize_classroom (g_steal_pointer (&fixture->classroom));

  {
    g_autoptr(TrellisClassroom) reopened = trellis_classroom_open (fixture->path, TRELLIS_OPEN_FLAGS_NONE, &error);
    TrellisPlaylist *reloaded;
    TrellisLearner *amara2, *jonah2;
    TrellisNode *map_walk2, *sources2, *week22, *civilization2, *china2;
    g_autoptr(TrellisProgress) progress = NULL;
    g_autoptr(GPtrArray) chosen = NULL;
    GtkWidget *window;
    GtkWidget *new_grid;
    char *text;

    g_assert_no_error (error);
    reloaded = trellis_classroom_lookup_playlist (reopened, playlist_id);
    amara2 = learner_named (reopened, "Amara Okafor");
    jonah2 = learner_named (reopened, "Jonah Goldberg");
    map_walk2 = node_titled (reopened, reloaded, NULL, "Map walk");
    sources2 = node_titled (reopened, reloaded, NULL, "Reading primary sources");
    week22 = node_titled (reopened, reloaded, NULL, "Week 2 check-in");
    civilization2 = node_titled (reopened, reloaded, NULL, "Choose your civilization");
    china2 = node_titled (reopened, reloaded, civilization2, "Ancient China");

    /* Through the core. */
    progress = trellis_progress_get (reopened, amara2, map_walk2, &error);
    g_assert_cmpint (progress->status, ==, TRELLIS_PROGRESS_NEEDS_REVISION);
    g_assert_cmpstr (progress->format, ==, "annotated map");
    g_assert_cmpint (count_evidence (reopened, amara2, map_walk2), ==, evidence_before + 2);
    g_assert_cmpint (status_of (reopened, amara2, sources2), ==, TRELLIS_PROGRESS_SUBMITTED);
    g_clear_pointer (&progress, trellis_progress_free);
    progress = trellis_progress_get (reopened, jonah2, week22, &error);
    g_assert_cmpstr (progress->checkin_on, ==, "2026-11-05");
    g_assert_cmpstr (progress->checkin_note, ==, "Has a research question");
    chosen = trellis_progress_get_choices (reopened, jonah2, civilization2, &error);
    g_assert_cmpuint (chosen->len, ==, 1);
    g_assert_true (g_ptr_array_index (chosen, 0) == china2);
    g_assert_cmpint (status_of (reopened, jonah2, china2), ==, TRELLIS_PROGRESS_IN_PROGRESS);

    /* And in a grid. */
    window = gtk_window_new ();
    new_grid = trellis_progress_grid_new ();
    gtk_window_set_child (GTK_WINDOW (window), new_grid);
    trellis_progress_grid_set_classroom (TRELLIS_PROGRESS_GRID (new_grid), reopened);
    trellis_progress_grid_set_playlist (TRELLIS_PROGRESS_GRID (new_grid), reloaded);
    text = _trellis_progress_grid_dup_cell_text (TRELLIS_PROGRESS_GRID (new_grid), amara2, map_walk2);
    g_assert_cmpstr (text, ==, "Revise");
    g_free (text);
    text = _trellis_progress_grid_dup_cell_text (TRELLIS_PROGRESS_GRID (new_grid), amara2, sources2);
    g_assert_cmpstr (text, ==, "Submitted");
    g_free (text);
    text = _trellis_progress_grid_dup_cell_text (TRELLIS_PROGRESS_GRID (new_grid), jonah2, civilization2);
    g_assert_cmpstr (text, ==, trellis_node_get_title (china2));
    g_free (text);
    gtk_window_destroy (GTK_WINDOW (window));
    trellis_test_iterate_pending ();
  }
}

/* A suggestion of @kind naming the learner @name (on @skill_name, if not NULL). */
static TrellisSuggestion *
find_suggestion (GPtrArray             *suggestions,
                 TrellisSuggestionKind  kind,
                 const char            *skill_name,
                 const char            *name)
{
  for (guint i = 0; i < suggestions->len; i++)
    {
      TrellisSuggestion *s = g_ptr_array_index (suggestions, i);

      if (s->kind != kind || (skill_name != NULL && g_strcmp0 (s->skill_name, skill_name) != 0))
        continue;
      for (guint j = 0; j < s->learners->len; j++)
        if (g_strcmp0 (g_array_index (s->learners, TrellisSuggestionLearner, j).name, name) == 0)
          return s;
    }

  return NULL;
}

/* Whether a suggestion of @kind about @name says @text. */
static gboolean
mentions (GPtrArray             *suggestions,
          TrellisSuggestionKind  kind,
          const char            *name,
          const char            *text)
{
  for (guint i = 0; i < suggestions->len; i++)
    {
      TrellisSuggestion *s = g_ptr_array_index (suggestions, i);

      if (s->kind != kind || strstr (s->reason, text) == NULL)
        continue;
      for (guint j = 0; j < s->learners->len; j++)
        if (g_strcmp0 (g_array_index (s->learners, TrellisSuggestionLearner, j).name, name) == 0)
          return TRUE;
    }

  return FALSE;
}

/* The suggestions a full recompute gives now. */
static void
assert_same_as_recompute (TrellisClassroom *classroom,
                          GPtrArray        *shown)
{
  g_autoptr(TrellisRecommender) fresh = trellis_recommender_new (classroom);
  g_autoptr(GError) error = NULL;
  GPtrArray *expected;

  g_assert_true (trellis_recommender_refresh (fresh, &error));
  g_assert_no_error (error);
  expected = trellis_recommender_get_suggestions (fresh);
  g_assert_cmpuint (shown->len, ==, expected->len);
  for (guint i = 0; i < expected->len; i++)
    g_assert_true (trellis_suggestion_equal (g_ptr_array_index (shown, i), g_ptr_array_index (expected, i)));
}

static void
test_live_sidebar (Fixture       *fixture,
                   gconstpointer  data)
{
  TrellisClassroom *classroom = fixture->classroom;
  TrellisRecommendationsPane *pane = _trellis_window_get_recommendations_pane (fixture->window);
  TrellisRecommender *recommender = _trellis_recommendations_pane_get_recommender (pane);
  TrellisPlaylistWindow *builder = trellis_gui_test_open_builder (fixture);
  TrellisProgressGrid *grid = show_progress (builder);
  TrellisPlaylist *playlist = trellis_playlist_window_get_playlist (builder);
  TrellisLearner *jonah = learner_named (classroom, "Jonah Goldberg");
  TrellisNode *week2 = node_titled (classroom, playlist, NULL, "Week 2 check-in");
  TrellisNode *sources = node_titled (classroom, playlist, NULL, "Reading primary sources");
  gboolean main_active = gtk_window_is_active (GTK_WINDOW (fixture->window));
  GtkWidget *popover, *widget;
  guint marks = 0;

  g_assert_nonnull (recommender);
  trellis_test_iterate_pending ();

  /* Jonah is behind on two milestones, the oldest Week 2. */
  g_assert_true (mentions (trellis_recommender_get_suggestions (recommender), TRELLIS_SUGGESTION_BEHIND_MILESTONE,
                           "Jonah Goldberg", "Week 2 check-in"));

  /* Check-in and Complete on Week 2 in the grid: the sidebar drops it at
   * once, with no refresh and no window switch. */
  popover = open_cell (grid, jonah, week2);
  trellis_gui_test_click (trellis_gui_test_find_widget (popover, trellis_gui_test_is_button_labelled,
                                                        "Record _Check-in"));
  press_digit (grid, jonah, week2, 4);
  trellis_test_iterate_pending ();
  g_assert_false (mentions (trellis_recommender_get_suggestions (recommender), TRELLIS_SUGGESTION_BEHIND_MILESTONE,
                            "Jonah Goldberg", "Week 2 check-in"));
  assert_same_as_recompute (classroom, trellis_recommender_get_suggestions (recommender));

  /* Full marks with rubric evidence on Reading primary sources, until
   * Jonah leaves the small group on citing evidence; the sidebar follows
   * each mark. */
  g_assert_nonnull (find_suggestion (trellis_recommender_get_suggestions (recommender),
                                     TRELLIS_SUGGESTION_SMALL_GROUP, "Cite textual evidence", "Jonah Goldberg"));
  while (find_suggestion (trellis_recommender_get_suggestions (recommender),
                          TRELLIS_SUGGESTION_SMALL_GROUP, "Cite textual evidence", "Jonah Goldberg") != NULL)
    {
      g_assert_cmpuint (marks, <, 8);
      popover = open_cell (grid, jonah, sources);
      widget = trellis_gui_test_find_widget (popover, trellis_gui_test_is_check_labelled, "Record _evidence");
      gtk_check_button_set_active (GTK_CHECK_BUTTON (widget), TRUE);
      /* After the tick: the kind of evidence (rubric), then the level
       * out of the highest level (4 of 4). */
      widget = gtk_widget_get_next_sibling (widget);
      g_assert_true (GTK_IS_DROP_DOWN (widget));
      gtk_drop_down_set_selected (GTK_DROP_DOWN (widget), 1);
      widget = gtk_widget_get_first_child (gtk_widget_get_next_sibling (widget));
      g_assert_true (GTK_IS_SPIN_BUTTON (widget));
      gtk_spin_button_set_value (GTK_SPIN_BUTTON (widget), 4);
      trellis_gui_test_click (trellis_gui_test_find_widget (popover, trellis_gui_test_is_button_with_tooltip,
                                                            "Complete (4)"));
      trellis_test_iterate_pending ();
      marks++;
      assert_same_as_recompute (classroom, trellis_recommender_get_suggestions (recommender));
    }
  g_assert_cmpuint (marks, >, 0);

  /* No window was activated meanwhile (that would refresh the pane). */
  g_assert_cmpint (gtk_window_is_active (GTK_WINDOW (fixture->window)), ==, main_active);
}

/* Whether @cell is not wholly in its scrolled window's view (yet). */
static gboolean
is_out_of_view (gpointer cell)
{
  GtkWidget *scroller = gtk_widget_get_ancestor (cell, GTK_TYPE_SCROLLED_WINDOW);
  graphene_rect_t view, bounds;

  gtk_test_widget_wait_for_draw (GTK_WIDGET (gtk_widget_get_root (cell)));
  return !gtk_widget_compute_bounds (scroller, scroller, &view) ||
         !gtk_widget_compute_bounds (cell, scroller, &bounds) ||
         !graphene_rect_contains_rect (&view, &bounds);
}

/*
 * 30 learners × 20 items: the grid is built once, a mark redraws one row
 * and no rebuild.  Times are reported (not asserted: the machine decides).
 */
static void
test_scale (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = trellis_test_make_tmp_dir ("trellis-test-progress-scale-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "Big.trellis", NULL);
  TrellisClassroom *classroom = trellis_sample_create (path, 30, &error);
  TrellisPlaylist *playlist;
  GListModel *learners;
  GtkWidget *window, *grid, *scroller;
  GtkAdjustment *vadjustment;
  TrellisNode *first = NULL;
  g_autoptr(TrellisLearner) learner = NULL;
  guint rebuilds;
  gint64 start;

  g_assert_no_error (error);
  learners = trellis_classroom_get_learners (classroom);
  g_assert_cmpuint (g_list_model_get_n_items (learners), ==, 30);
  playlist = trellis_classroom_add_playlist (classroom, "Twenty items", &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 20; i++)
    {
      g_autofree char *title = g_strdup_printf ("Item %u", i + 1);
      TrellisNodeKind kind = i % 5 == 4 ? TRELLIS_NODE_KIND_MILESTONE
                             : i % 7 == 3 ? TRELLIS_NODE_KIND_CHOICE : TRELLIS_NODE_KIND_ACTIVITY;
      TrellisNode *node = trellis_classroom_add_node (classroom, playlist, NULL, kind, title, -1, &error);

      g_assert_no_error (error);
      if (first == NULL)
        first = node;
      if (kind == TRELLIS_NODE_KIND_CHOICE)
        for (guint j = 0; j < 3; j++)
          {
            g_autofree char *option = g_strdup_printf ("Option %u", j + 1);

            trellis_classroom_add_node (classroom, playlist, node, TRELLIS_NODE_KIND_ACTIVITY, option, -1, &error);
            g_assert_no_error (error);
          }
    }

  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  grid = trellis_progress_grid_new ();
  gtk_window_set_child (GTK_WINDOW (window), grid);
  gtk_window_present (GTK_WINDOW (window));
  trellis_progress_grid_set_classroom (TRELLIS_PROGRESS_GRID (grid), classroom);

  start = g_get_monotonic_time ();
  trellis_progress_grid_set_playlist (TRELLIS_PROGRESS_GRID (grid), playlist);
  g_test_message ("Built 30 × 20 cells in %.1f ms", (g_get_monotonic_time () - start) / 1000.0);
  start = g_get_monotonic_time ();
  gtk_test_widget_wait_for_draw (window);
  g_test_message ("First frame in %.1f ms", (g_get_monotonic_time () - start) / 1000.0);

  learner = g_list_model_get_item (learners, 29);
  g_assert_nonnull (_trellis_progress_grid_get_cell (TRELLIS_PROGRESS_GRID (grid), learner, first));
  rebuilds = _trellis_progress_grid_get_n_rebuilds (TRELLIS_PROGRESS_GRID (grid));

  /* Scrolling from top to bottom, a frame at a time. */
  scroller = gtk_widget_get_ancestor (_trellis_progress_grid_get_cell (TRELLIS_PROGRESS_GRID (grid), learner, first),
                                      GTK_TYPE_SCROLLED_WINDOW);
  vadjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  start = g_get_monotonic_time ();
  for (guint i = 1; i <= 10; i++)
    {
      gtk_adjustment_set_value (vadjustment, gtk_adjustment_get_upper (vadjustment) * i / 10);
      gtk_test_widget_wait_for_draw (window);
    }
  g_test_message ("10 scrolled frames in %.1f ms", (g_get_monotonic_time () - start) / 1000.0);

  /* Scrolled to the end both ways, the headers stay in view, level with
   * their cells. */
  gtk_adjustment_set_value (gtk_scrolled_window_get_hadjustment (GTK_SCROLLED_WINDOW (scroller)),
                            gtk_adjustment_get_upper (gtk_scrolled_window_get_hadjustment (GTK_SCROLLED_WINDOW (scroller))));
  gtk_test_widget_wait_for_draw (window);
  g_assert_cmpfloat (gtk_adjustment_get_value (vadjustment), >, 0);
  {
    GListModel *nodes = trellis_classroom_get_nodes (classroom, playlist, NULL);
    g_autoptr(TrellisNode) last = g_list_model_get_item (nodes, g_list_model_get_n_items (nodes) - 1);
    g_autoptr(TrellisLearner) top = g_list_model_get_item (learners, 0);
    GtkWidget *row_header = _trellis_progress_grid_get_row_header (TRELLIS_PROGRESS_GRID (grid), learner);
    GtkWidget *column_header = _trellis_progress_grid_get_column_header (TRELLIS_PROGRESS_GRID (grid), last);
    GtkWidget *cell = _trellis_progress_grid_get_cell (TRELLIS_PROGRESS_GRID (grid), learner, last);
    graphene_rect_t view, header_bounds, column_bounds, cell_bounds;

    g_assert_true (gtk_widget_compute_bounds (scroller, window, &view));
    g_assert_true (gtk_widget_compute_bounds (row_header, window, &header_bounds));
    g_assert_true (gtk_widget_compute_bounds (column_header, window, &column_bounds));
    g_assert_true (gtk_widget_compute_bounds (cell, window, &cell_bounds));

    /* The last cell is in view, its learner's name left of the cells and
     * its item's header above them, in the window. */
    g_assert_true (graphene_rect_contains_rect (&view, &cell_bounds));
    g_assert_cmpfloat (header_bounds.origin.x + header_bounds.size.width, <=, view.origin.x);
    g_assert_cmpfloat (header_bounds.origin.x, >=, 0);
    g_assert_cmpfloat (column_bounds.origin.y + column_bounds.size.height, <=, view.origin.y);
    g_assert_cmpfloat (column_bounds.origin.y, >=, 0);
    g_assert_cmpfloat (fabs (header_bounds.origin.y - cell_bounds.origin.y), <, 0.5);
    g_assert_cmpfloat (fabs (header_bounds.size.height - cell_bounds.size.height), <, 0.5);
    g_assert_cmpfloat (fabs (column_bounds.origin.x - cell_bounds.origin.x), <, 0.5);
    g_assert_cmpfloat (fabs (column_bounds.size.width - cell_bounds.size.width), <, 0.5);

    /* The first learner's name has scrolled out with their row. */
    g_assert_true (gtk_widget_compute_bounds (_trellis_progress_grid_get_row_header (TRELLIS_PROGRESS_GRID (grid), top),
                                              window, &header_bounds));
    g_assert_cmpfloat (header_bounds.origin.y + header_bounds.size.height, <=, view.origin.y);

    /* The arrow keys' action from the last cell back to the first scrolls
     * the headers too. */
    g_assert_true (gtk_widget_grab_focus (cell));
    for (guint i = 0; i < 50; i++)
      {
        /* A key at a time, as the teacher presses them. */
        g_assert_true (gtk_widget_activate_action (grid, "grid.move", "(ii)", i < 30 ? 0 : -1, i < 30 ? -1 : 0));
        gtk_test_widget_wait_for_draw (window);
      }
    g_assert_true (gtk_widget_has_focus (_trellis_progress_grid_get_cell (TRELLIS_PROGRESS_GRID (grid), top, first)));
    /* The viewport animates its way there. */
    trellis_gui_test_wait_while (is_out_of_view, _trellis_progress_grid_get_cell (TRELLIS_PROGRESS_GRID (grid), top,
                                                                                  first), 5);
    g_assert_true (gtk_widget_compute_bounds (_trellis_progress_grid_get_row_header (TRELLIS_PROGRESS_GRID (grid), top),
                                              window, &header_bounds));
    g_assert_true (gtk_widget_compute_bounds (_trellis_progress_grid_get_column_header (TRELLIS_PROGRESS_GRID (grid),
                                                                                        first),
                                              window, &column_bounds));
    g_assert_true (gtk_widget_compute_bounds (_trellis_progress_grid_get_cell (TRELLIS_PROGRESS_GRID (grid), top, first),
                                              window, &cell_bounds));
    g_assert_cmpfloat (fabs (header_bounds.origin.y - cell_bounds.origin.y), <, 0.5);
    g_assert_cmpfloat (fabs (column_bounds.origin.x - cell_bounds.origin.x), <, 0.5);
  }
  if (g_getenv ("TRELLIS_SCREENSHOT_DIR") != NULL)
    trellis_gui_test_save_screenshot (window, "progress-grid-scrolled.png");

  /* A mark redraws that learner's row only. */
  start = g_get_monotonic_time ();
  g_assert_true (gtk_widget_grab_focus (_trellis_progress_grid_get_cell (TRELLIS_PROGRESS_GRID (grid), learner,
                                                                         first)));
  g_assert_true (gtk_widget_activate_action (grid, "grid.mark", "i", 3));
  g_test_message ("A mark in %.1f ms", (g_get_monotonic_time () - start) / 1000.0);
  g_assert_cmpint (status_of (classroom, learner, first), ==, TRELLIS_PROGRESS_COMPLETE);
  {
    g_autofree char *text = _trellis_progress_grid_dup_cell_text (TRELLIS_PROGRESS_GRID (grid), learner, first);

    g_assert_cmpstr (text, ==, "Complete");
  }
  g_assert_cmpuint (_trellis_progress_grid_get_n_rebuilds (TRELLIS_PROGRESS_GRID (grid)), ==, rebuilds);

  gtk_window_destroy (GTK_WINDOW (window));
  trellis_test_iterate_pending ();
  g_assert_finalize_object (classroom);
  trellis_test_remove_tree (dir);
}

/* From the main window: the selected learner's progress and choices. */
/* The builder's choice board, printed through GtkPrintOperation to a PDF; its text. */
static char *
print_choice_board (TrellisPlaylistWindow *builder,
                    const char            *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkPrintOperation) operation = NULL;
  TrellisPrintout *printout;

  printout = _trellis_playlist_window_new_choice_board (builder, &error);
  g_assert_no_error (error);
  operation = trellis_print_dialog_new_operation (printout);
  gtk_print_operation_set_export_filename (operation, path);
  g_assert_cmpint (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, GTK_WINDOW (builder), &error),
                   ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_no_error (error);

  return trellis_test_pdf_text (path, 0, NULL, TRELLIS_TEST_PDF_LAYOUT);
}

static void
test_from_learner (Fixture       *fixture,
                   gconstpointer  data)
{
  TrellisLearner *jonah = learner_named (fixture->classroom, "Jonah Goldberg");
  TrellisPlaylistWindow *builder;
  TrellisProgressGrid *grid;

  trellis_learner_list_view_select_learner (_trellis_window_get_learner_list_view (fixture->window), jonah);
  trellis_test_iterate_pending ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.playlist-progress", NULL));
  builder = trellis_gui_test_open_builder (fixture);
  grid = _trellis_playlist_window_get_progress_grid (builder);
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (_trellis_playlist_window_get_view_stack (builder)), ==,
                   "progress");
  g_assert_true (trellis_progress_grid_get_learner (grid) == jonah);
  g_assert_nonnull (trellis_gui_test_find_widget (_trellis_progress_grid_get_learner_box (grid), trellis_gui_test_is_label_with_prefix, "Level 1: "));

  /* Printing from Progress with Jonah beside the grid: his choice board. */
  {
    g_autofree char *path = g_build_filename (fixture->dir, "board.pdf", NULL);
    g_autofree char *text = print_choice_board (builder, path);

    g_assert_nonnull (strstr (text, "Jonah"));
    g_assert_nonnull (strstr (text, "Ancient"));
  }

  /* Alt+1's action goes back to Build. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (builder), "builder.show-build", NULL));
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (_trellis_playlist_window_get_view_stack (builder)), ==,
                   "build");

  /* From Build, the class's board: no learner's name on it. */
  {
    g_autofree char *path = g_build_filename (fixture->dir, "class-board.pdf", NULL);
    g_autofree char *text = print_choice_board (builder, path);

    g_assert_null (strstr (text, "Jonah"));
    g_assert_nonnull (strstr (text, "Ancient"));
  }
}

/* A format that cannot be saved (the file refuses writes): the drop-down
 * goes back to what the file holds. */
static void
test_format_not_saved (Fixture       *fixture,
                       gconstpointer  data)
{
  TrellisClassroom *classroom = fixture->classroom;
  TrellisPlaylistWindow *builder = trellis_gui_test_open_builder (fixture);
  TrellisProgressGrid *grid = show_progress (builder);
  TrellisPlaylist *playlist = trellis_playlist_window_get_playlist (builder);
  TrellisLearner *amara = learner_named (classroom, "Amara Okafor");
  TrellisNode *map_walk = node_titled (classroom, playlist, NULL, "Map walk");
  GtkWidget *popover, *dropdown;
  guint before;

  popover = open_cell (grid, amara, map_walk);
  dropdown = trellis_gui_test_find_widget (popover, trellis_gui_test_is_of_type, "GtkDropDown");
  g_assert_nonnull (dropdown);
  before = gtk_drop_down_get_selected (GTK_DROP_DOWN (dropdown));

  g_assert_cmpint (sqlite3_exec (trellis_classroom_get_db (classroom), "PRAGMA query_only = ON", NULL, NULL, NULL),
                   ==, SQLITE_OK);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), before == 0 ? 1 : 0);
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (dropdown)), ==, before);
  g_assert_cmpint (sqlite3_exec (trellis_classroom_get_db (classroom), "PRAGMA query_only = OFF", NULL, NULL, NULL),
                   ==, SQLITE_OK);

  /* Closed as the teacher would, before the windows go. */
  gtk_popover_popdown (GTK_POPOVER (popover));
  trellis_test_iterate_pending ();
}

/* How many progress rows @learner has on @node: 0 or 1. */
static gint64
count_progress (TrellisClassroom *classroom,
                TrellisLearner   *learner,
                TrellisNode      *node)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM progress WHERE learner_id = %" G_GINT64_FORMAT
                                          " AND node_id = %" G_GINT64_FORMAT,
                                          trellis_learner_get_id (learner), trellis_node_get_id (node));

  return trellis_test_query_int (classroom, sql);
}

/* A learner new to the class, so never marked on anything. */
static TrellisLearner *
add_new_learner (TrellisClassroom *classroom)
{
  g_autoptr(GError) error = NULL;
  TrellisLearner *learner = trellis_classroom_add_learner (classroom, "Noor Haddad", &error);

  g_assert_no_error (error);
  g_assert_cmpint (trellis_test_query_int (classroom, "SELECT count(*) FROM progress p JOIN learners l "
                                                      "ON l.id = p.learner_id WHERE l.name = 'Noor Haddad'"), ==, 0);
  return learner;
}

/* The first top-level activity of @playlist. */
static TrellisNode *
first_activity (TrellisClassroom *classroom,
                TrellisPlaylist  *playlist)
{
  GListModel *nodes = trellis_classroom_get_nodes (classroom, playlist, NULL);

  for (guint i = 0; i < g_list_model_get_n_items (nodes); i++)
    {
      g_autoptr(TrellisNode) node = g_list_model_get_item (nodes, i);

      if (trellis_node_get_kind (node) == TRELLIS_NODE_KIND_ACTIVITY)
        return node;
    }

  g_assert_not_reached ();
}

static gboolean
undo_toast_shows (gpointer data)
{
  return _trellis_progress_grid_get_undo_toast (data) != NULL;
}

/* Undoing a learner's first mark on an item, from the toast's button,
 * leaves no progress row: the item is untouched again. */
static void
test_undo_first_mark (Fixture       *fixture,
                      gconstpointer  data)
{
  TrellisClassroom *classroom = fixture->classroom;
  TrellisLearner *noor = add_new_learner (classroom);
  TrellisPlaylistWindow *builder = trellis_gui_test_open_builder (fixture);
  TrellisProgressGrid *grid = show_progress (builder);
  TrellisPlaylist *playlist = trellis_playlist_window_get_playlist (builder);
  TrellisNode *node = first_activity (classroom, playlist);
  gint64 n_rows = trellis_test_query_int (classroom, "SELECT count(*) FROM progress");
  GtkWidget *popover, *undo;

  g_assert_nonnull (node);
  popover = open_cell (grid, noor, node);
  trellis_gui_test_click (trellis_gui_test_find_widget (popover, trellis_gui_test_is_button_with_tooltip,
                                                        "Complete (4)"));
  g_assert_cmpint (status_of (classroom, noor, node), ==, TRELLIS_PROGRESS_COMPLETE);
  g_assert_cmpint (count_progress (classroom, noor, node), ==, 1);
  g_assert_nonnull (_trellis_progress_grid_get_undo_toast (grid));

  /* The toast's Undo button, as shown in the builder's overlay. */
  trellis_gui_test_settle (GTK_WIDGET (builder), 50);
  undo = trellis_gui_test_find_visible_widget (GTK_WIDGET (builder), trellis_gui_test_is_button_labelled, "_Undo");
  g_assert_nonnull (undo);
  trellis_gui_test_click (undo);

  g_assert_cmpint (count_progress (classroom, noor, node), ==, 0);
  g_assert_cmpint (trellis_test_query_int (classroom, "SELECT count(*) FROM progress"), ==, n_rows);
  g_assert_null (_trellis_progress_grid_get_undo_toast (grid));
  {
    g_autofree char *text = _trellis_progress_grid_dup_cell_text (grid, noor, node);

    g_assert_cmpstr (text, ==, "Not started");
  }
  trellis_gui_test_settle (GTK_WIDGET (builder), 400);
}

static gboolean
on_wait_cb (gpointer data)
{
  *(gboolean *)data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until the monotonic time @until (µs). */
static void
run_until (gint64 until)
{
  while (g_get_monotonic_time () < until)
    {
      gboolean done = FALSE;

      g_timeout_add (MAX (1, (until - g_get_monotonic_time ()) / 1000), on_wait_cb, &done);
      while (!done)
        g_main_context_iteration (NULL, TRUE);
    }
}

/* Each mark restarts the time to undo: a toast reused for a later mark
 * stays its full time after that mark (past the time of the first), then
 * goes by itself.  The times are taken around each mark, so that a slow
 * machine cannot make the test pass or fail wrongly; when it is too slow
 * to look in time, the test says so and does not judge. */
static void
test_undo_time (Fixture       *fixture,
                gconstpointer  data)
{
  TrellisClassroom *classroom = fixture->classroom;
  TrellisLearner *noor = add_new_learner (classroom);
  TrellisPlaylistWindow *builder = trellis_gui_test_open_builder (fixture);
  TrellisProgressGrid *grid = show_progress (builder);
  TrellisPlaylist *playlist = trellis_playlist_window_get_playlist (builder);
  TrellisNode *node = first_activity (classroom, playlist);
  const gint64 timeout = 4000 * 1000;
  const gint64 margin = 300 * 1000;
  gint64 first_done, second_start;
  GtkWidget *cell = _trellis_progress_grid_get_cell (grid, noor, node);
  AdwToast *toast;

  _trellis_progress_grid_set_undo_timeout (grid, timeout / 1000);

  /* The digit keys' action; the times are taken around the marks, not
   * the frames that follow. */
  g_assert_true (gtk_widget_grab_focus (cell));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (grid), "grid.mark", "i", 1));
  first_done = g_get_monotonic_time ();
  toast = _trellis_progress_grid_get_undo_toast (grid);
  g_assert_nonnull (toast);
  trellis_test_iterate_pending ();

  /* Halfway, a second mark; the toast is the same, retitled. */
  run_until (first_done + timeout / 2);
  second_start = g_get_monotonic_time ();
  if (second_start > first_done + timeout - margin)
    {
      g_test_skip ("Too slow to mark again before the first mark's time was over");
      return;
    }
  g_assert_true (_trellis_progress_grid_get_undo_toast (grid) == toast);
  g_assert_true (gtk_widget_grab_focus (cell));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (grid), "grid.mark", "i", 2));
  g_assert_true (_trellis_progress_grid_get_undo_toast (grid) == toast);
  g_assert_nonnull (strstr (adw_toast_get_title (toast), "Submitted"));
  trellis_test_iterate_pending ();

  /* Past the first mark's time: the second can still be undone. */
  run_until (first_done + timeout + margin);
  if (g_get_monotonic_time () > second_start + timeout - margin)
    {
      g_test_skip ("Too slow to look before the second mark's time was over");
      return;
    }
  g_assert_true (_trellis_progress_grid_get_undo_toast (grid) == toast);
  g_assert_nonnull (trellis_gui_test_find_visible_widget (GTK_WIDGET (builder), trellis_gui_test_is_button_labelled,
                                                          "_Undo"));

  /* Then it goes by itself, and the last mark stays. */
  trellis_gui_test_wait_while (undo_toast_shows, grid, 10);
  g_assert_cmpint (status_of (classroom, noor, node), ==, TRELLIS_PROGRESS_SUBMITTED);
  trellis_gui_test_settle (GTK_WIDGET (builder), 400);
  g_assert_null (trellis_gui_test_find_visible_widget (GTK_WIDGET (builder), trellis_gui_test_is_button_labelled,
                                                       "_Undo"));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, trellis_gui_test_fixture_set_up, func, trellis_gui_test_fixture_tear_down)

  ADD ("/progress-grid/mark", test_mark);
  g_test_add_func ("/progress-grid/scale", test_scale);
  ADD ("/progress-grid/format-not-saved", test_format_not_saved);
  ADD ("/progress-grid/from-learner", test_from_learner);
  ADD ("/progress-grid/live-sidebar", test_live_sidebar);
  ADD ("/progress-grid/undo-first-mark", test_undo_first_mark);
  ADD ("/progress-grid/undo-time", test_undo_time);

#undef ADD

  return g_test_run ();
}

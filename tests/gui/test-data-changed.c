/* test-data-changed.c
 *
 * Copyright 2026 The Trellis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * Open views follow changes made in another window, with no further
 * action: an item deleted in the playlist builder or elsewhere (and put
 * back) is gone from the progress grid, from the main window's
 * recommendations sidebar and from its learner page; a skill deleted
 * elsewhere leaves the learner page's goals and mastery summary; a
 * mastery refit finishing in the background shows in the sidebar and in
 * the learner page.  On the sample classroom with its clock stopped on
 * Thursday 22 October 2026.
 *
 * With TRELLIS_SCREENSHOT_DIR set, the tests also leave
 * item-deleted-grid.png, item-deleted-grid-dark.png and
 * item-deleted-grid-narrow.png there: the grid after its choice group was
 * deleted in the builder; skill-deleted-page.png and
 * skill-deleted-page-dark.png: the learner page after a skill was deleted.
 */

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "trellis-gui-test-utils.h"
#include "trellis-learner-list-view.h"
#include "trellis-learner-page-private.h"
#include "trellis-mastery.h"
#include "trellis-playlist-window-private.h"
#include "trellis-progress-grid-private.h"
#include "trellis-recommendations-pane-private.h"
#include "trellis-recommender.h"
#include "trellis-test-utils.h"
#include "trellis-window-private.h"

#define NOW "2026-10-22T10:00:00Z"

typedef TrellisGuiTestFixture Fixture;

/* Helpers */

/* The item anywhere in any playlist with id @id, and its playlist. */
static TrellisNode *
lookup_node (TrellisClassroom  *classroom,
             gint64             id,
             TrellisPlaylist  **playlist)
{
  GListModel *playlists = trellis_classroom_get_playlists (classroom);

  for (guint p = 0; p < g_list_model_get_n_items (playlists); p++)
    {
      g_autoptr(TrellisPlaylist) candidate = g_list_model_get_item (playlists, p);
      GListModel *top = trellis_classroom_get_nodes (classroom, candidate, NULL);

      for (guint i = 0; i < g_list_model_get_n_items (top); i++)
        {
          g_autoptr(TrellisNode) node = g_list_model_get_item (top, i);

          if (trellis_node_get_id (node) == id)
            {
              *playlist = candidate;
              return node;
            }
        }
    }

  g_assert_not_reached ();
}

/* Deletes the selected item through the builder, confirming. */
static void
delete_in_builder (TrellisPlaylistWindow *builder,
                   TrellisNode           *node)
{
  AdwMessageDialog *dialog;

  trellis_playlist_window_select_node (builder, node);
  g_assert_true (trellis_playlist_window_get_node (builder) == node);
  trellis_gui_test_activate (builder, "builder.delete-node");
  dialog = trellis_gui_test_find_transient (ADW_TYPE_MESSAGE_DIALOG, GTK_WINDOW (builder));
  adw_message_dialog_response (dialog, "delete");
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* The keys of the suggestions the sidebar has, joined, in order. */
static char *
shown_keys (TrellisRecommendationsPane *pane)
{
  GPtrArray *suggestions = trellis_recommender_get_suggestions (_trellis_recommendations_pane_get_recommender (pane));
  g_autoptr(GString) keys = g_string_new (NULL);

  for (guint i = 0; i < suggestions->len; i++)
    g_string_append_printf (keys, "%s\n", ((TrellisSuggestion *) g_ptr_array_index (suggestions, i))->key);

  return g_string_free (g_steal_pointer (&keys), FALSE);
}

/* The same for a full recompute from the file as it is now. */
static char *
computed_keys (TrellisClassroom *classroom)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) suggestions = trellis_recommender_compute (classroom, &error);
  g_autoptr(GString) keys = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < suggestions->len; i++)
    g_string_append_printf (keys, "%s\n", ((TrellisSuggestion *) g_ptr_array_index (suggestions, i))->key);

  return g_string_free (g_steal_pointer (&keys), FALSE);
}

/* A behind-milestone suggestion the sidebar shows: its node's id. */
static gint64
shown_milestone (TrellisRecommendationsPane *pane)
{
  GPtrArray *suggestions = trellis_recommender_get_suggestions (_trellis_recommendations_pane_get_recommender (pane));

  for (guint i = 0; i < suggestions->len; i++)
    {
      TrellisSuggestion *s = g_ptr_array_index (suggestions, i);

      if (s->kind == TRELLIS_SUGGESTION_BEHIND_MILESTONE && s->node_id != 0)
        return s->node_id;
    }

  g_assert_not_reached ();
}

static gboolean
shows_node (TrellisRecommendationsPane *pane,
            gint64                      node_id)
{
  GPtrArray *suggestions = trellis_recommender_get_suggestions (_trellis_recommendations_pane_get_recommender (pane));

  for (guint i = 0; i < suggestions->len; i++)
    {
      if (((TrellisSuggestion *) g_ptr_array_index (suggestions, i))->node_id == node_id)
        return TRUE;
    }

  return FALSE;
}

/* A mastery row's probability, like “73%”. */
static gboolean
is_percent_label (GtkWidget  *widget,
                  const char *text)
{
  const char *label;

  if (!GTK_IS_LABEL (widget))
    return FALSE;
  label = gtk_label_get_label (GTK_LABEL (widget));
  return g_ascii_isdigit (label[0]) && g_str_has_suffix (label, "%");
}

/* A label whose text contains @text. */
static gboolean
is_label_containing (GtkWidget  *widget,
                     const char *text)
{
  return GTK_IS_LABEL (widget) && strstr (gtk_label_get_label (GTK_LABEL (widget)), text) != NULL;
}

static guint
count_widgets (GtkWidget           *root,
               TrellisGuiTestMatch  match,
               const char          *text)
{
  guint n = match (root, text) ? 1 : 0;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    n += count_widgets (child, match, text);

  return n;
}

/* Tests */

/*
 * An option deleted and put back elsewhere (another window, through the
 * same calls the builder and its Undo make): the grid's cell of a learner
 * who had chosen it stops naming it, then names it again, each with one
 * rebuild.  A choice group deleted in the grid's own window: its column
 * goes with one rebuild too (the deletion's data-changed and the list's
 * items-changed coalesce).
 */
static void
test_grid_follows_deletions (Fixture       *fixture,
                             gconstpointer  data)
{
  TrellisPlaylistWindow *builder = trellis_gui_test_open_builder (fixture);
  TrellisProgressGrid *grid = _trellis_playlist_window_get_progress_grid (builder);
  TrellisPlaylist *playlist = trellis_playlist_window_get_playlist (builder);
  GListModel *top = trellis_classroom_get_nodes (fixture->classroom, playlist, NULL);
  TrellisNode *group = trellis_gui_test_find_node (top, "Choose your civilization");
  TrellisNode *option = trellis_gui_test_find_node (trellis_classroom_get_nodes (fixture->classroom, playlist, group),
                                                    "Ancient Egypt: life along the Nile");
  g_autofree char *sql = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *restored = NULL;
  g_autoptr(TrellisNodeSnapshot) snapshot = NULL;
  g_autoptr(GError) error = NULL;
  TrellisLearner *learner;
  guint n_rebuilds;

  sql = g_strdup_printf ("SELECT min(learner_id) FROM choices WHERE option_id = %" G_GINT64_FORMAT,
                         trellis_node_get_id (option));
  learner = trellis_classroom_lookup_learner (fixture->classroom, trellis_test_query_int (fixture->classroom, sql));
  g_assert_nonnull (learner);

  trellis_playlist_window_show_progress (builder, NULL);
  trellis_test_iterate_pending ();
  before = _trellis_progress_grid_dup_cell_text (grid, learner, group);
  g_assert_nonnull (strstr (before, "Ancient Egypt"));

  n_rebuilds = _trellis_progress_grid_get_n_rebuilds (grid);
  snapshot = trellis_classroom_delete_node_undoable (fixture->classroom, option, &error);
  g_assert_no_error (error);
  trellis_test_iterate_pending ();
  g_assert_cmpuint (_trellis_progress_grid_get_n_rebuilds (grid), ==, n_rebuilds + 1);
  after = _trellis_progress_grid_dup_cell_text (grid, learner, group);
  g_assert_null (strstr (after, "Ancient Egypt"));

  /* Put back, with the learner's choice. */
  n_rebuilds = _trellis_progress_grid_get_n_rebuilds (grid);
  g_assert_nonnull (trellis_classroom_restore_node (fixture->classroom, snapshot, &error));
  g_assert_no_error (error);
  trellis_test_iterate_pending ();
  g_assert_cmpuint (_trellis_progress_grid_get_n_rebuilds (grid), ==, n_rebuilds + 1);
  restored = _trellis_progress_grid_dup_cell_text (grid, learner, group);
  g_assert_cmpstr (restored, ==, before);

  /* A top-level item: its column goes, with one rebuild. */
  n_rebuilds = _trellis_progress_grid_get_n_rebuilds (grid);
  delete_in_builder (builder, group);
  trellis_test_iterate_pending ();
  g_assert_cmpuint (_trellis_progress_grid_get_n_rebuilds (grid), ==, n_rebuilds + 1);
  g_assert_null (_trellis_progress_grid_get_cell (grid, learner, group));

  if (g_getenv ("TRELLIS_SCREENSHOT_DIR") != NULL)
    {
      AdwStyleManager *style = adw_style_manager_get_default ();

      trellis_gui_test_settle (GTK_WIDGET (builder), 400);
      trellis_gui_test_save_screenshot (GTK_WIDGET (builder), "item-deleted-grid.png");
      adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
      trellis_gui_test_settle (GTK_WIDGET (builder), 400);
      trellis_gui_test_save_screenshot (GTK_WIDGET (builder), "item-deleted-grid-dark.png");
      adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
      gtk_window_set_default_size (GTK_WINDOW (builder), 480, 720);
      trellis_gui_test_settle (GTK_WIDGET (builder), 400);
      trellis_gui_test_save_screenshot (GTK_WIDGET (builder), "item-deleted-grid-narrow.png");
    }
}

/*
 * The main window's sidebar shows a learner behind a milestone, and its
 * learner page offers the milestone as what a reflection is about; the
 * milestone deleted in the builder, the suggestion and the offer go at
 * once, and the sidebar shows what a full recompute finds.
 */
static void
test_views_follow_milestone_deletion (Fixture       *fixture,
                                      gconstpointer  data)
{
  TrellisRecommendationsPane *pane = _trellis_window_get_recommendations_pane (fixture->window);
  TrellisLearnerListView *list_view = _trellis_window_get_learner_list_view (fixture->window);
  TrellisLearnerPage *page = _trellis_window_get_learner_page (fixture->window);
  TrellisPlaylistWindow *builder = trellis_gui_test_open_builder (fixture);
  TrellisPlaylist *playlist = NULL;
  g_autofree char *before = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *expected = NULL;
  TrellisNode *milestone;
  gint64 id;

  trellis_learner_list_view_select_position (list_view, 1);
  trellis_test_iterate_pending ();
  before = shown_keys (pane);
  id = shown_milestone (pane);
  g_assert_true (_trellis_learner_page_select_reflection_about (page, 0, id));
  milestone = lookup_node (fixture->classroom, id, &playlist);
  trellis_playlist_window_select_playlist (builder, playlist);
  trellis_test_iterate_pending ();

  delete_in_builder (builder, milestone);
  trellis_test_iterate_pending ();
  g_assert_false (shows_node (pane, id));
  shown = shown_keys (pane);
  expected = computed_keys (fixture->classroom);
  g_assert_cmpstr (shown, ==, expected);
  g_assert_cmpstr (shown, !=, before);
  g_assert_false (_trellis_learner_page_select_reflection_about (page, 0, id));
}

/*
 * A skill deleted elsewhere (the skills window): the learner page drops it
 * from the goals that named it and from the mastery summary at once.
 */
static void
test_learner_page_follows_skill_deletion (Fixture       *fixture,
                                          gconstpointer  data)
{
  TrellisLearnerListView *list_view = _trellis_window_get_learner_list_view (fixture->window);
  TrellisLearnerPage *page = _trellis_window_get_learner_page (fixture->window);
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *named = NULL;
  TrellisLearner *learner;
  TrellisSkill *skill;
  gint64 learner_id, n_states;
  guint n_percent;

  learner_id = trellis_test_query_int (fixture->classroom,
                                       "SELECT min(g.learner_id) FROM goals g JOIN goal_skills s ON s.goal_id = g.id");
  sql = g_strdup_printf ("SELECT min(s.skill_id) FROM goals g JOIN goal_skills s ON s.goal_id = g.id "
                         "WHERE g.learner_id = %" G_GINT64_FORMAT, learner_id);
  skill = trellis_classroom_lookup_skill (fixture->classroom, trellis_test_query_int (fixture->classroom, sql));
  g_assert_nonnull (skill);
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("SELECT count(*) FROM mastery_state WHERE learner_id = %" G_GINT64_FORMAT
                         " AND skill_id = %" G_GINT64_FORMAT, learner_id, trellis_skill_get_id (skill));
  n_states = trellis_test_query_int (fixture->classroom, sql);
  g_assert_cmpint (n_states, >, 0);

  learner = trellis_classroom_lookup_learner (fixture->classroom, learner_id);
  trellis_learner_list_view_select_learner (list_view, learner);
  trellis_test_iterate_pending ();
  g_assert_true (trellis_learner_page_get_learner (page) == learner);

  named = g_strdup_printf ("Skills: %s", trellis_skill_get_code (skill));
  g_assert_nonnull (trellis_gui_test_find_widget (GTK_WIDGET (page), is_label_containing, named));
  n_percent = count_widgets (GTK_WIDGET (page), is_percent_label, NULL);

  g_assert_true (trellis_classroom_delete_skill (fixture->classroom, skill, &error));
  g_assert_no_error (error);
  trellis_test_iterate_pending ();

  g_assert_null (trellis_gui_test_find_widget (GTK_WIDGET (page), is_label_containing, named));
  g_assert_cmpuint (count_widgets (GTK_WIDGET (page), is_percent_label, NULL), ==, n_percent - (guint) n_states);

  if (g_getenv ("TRELLIS_SCREENSHOT_DIR") != NULL)
    {
      AdwStyleManager *style = adw_style_manager_get_default ();
      GtkWidget *goals = trellis_gui_test_find_widget (GTK_WIDGET (page), trellis_gui_test_is_label, "Goals");
      GtkWidget *scrolled = gtk_widget_get_ancestor (goals, GTK_TYPE_SCROLLED_WINDOW);
      graphene_point_t at;

      /* The goals at the top of the view. */
      g_assert_true (gtk_widget_compute_point (goals, scrolled, &GRAPHENE_POINT_INIT (0, 0), &at));
      gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled)), at.y - 12);
      trellis_gui_test_settle (GTK_WIDGET (fixture->window), 400);
      trellis_gui_test_save_screenshot (GTK_WIDGET (fixture->window), "skill-deleted-page.png");
      adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
      trellis_gui_test_settle (GTK_WIDGET (fixture->window), 400);
      trellis_gui_test_save_screenshot (GTK_WIDGET (fixture->window), "skill-deleted-page-dark.png");
      adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
    }
}

static void
on_refit_done_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  gboolean *done = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (trellis_mastery_refit_finish (result, &error));
  g_assert_no_error (error);
  *done = TRUE;
}

static gboolean
is_not_done (gpointer data)
{
  return !*(gboolean *) data;
}

/*
 * The class's mastery wiped behind the views' back (as if never fitted)
 * and shown so; a refit in the background: the learner page's mastery
 * summary and the sidebar show its result with no further action.
 */
static void
test_views_follow_refit (Fixture       *fixture,
                         gconstpointer  data)
{
  TrellisRecommendationsPane *pane = _trellis_window_get_recommendations_pane (fixture->window);
  TrellisLearnerListView *list_view = _trellis_window_get_learner_list_view (fixture->window);
  TrellisLearnerPage *page = _trellis_window_get_learner_page (fixture->window);
  g_autoptr(GError) error = NULL;
  g_autofree char *unfitted = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *expected = NULL;
  const char *placeholder = "Evidence is recorded, but the mastery model has not been fitted yet.";
  gboolean done = FALSE;

  trellis_learner_list_view_select_position (list_view, 1);
  g_assert_nonnull (trellis_learner_page_get_learner (page));

  g_assert_true (trellis_classroom_exec (fixture->classroom, "DELETE FROM mastery_state", &error));
  g_assert_no_error (error);
  trellis_learner_page_reload (page);
  g_assert_true (trellis_recommender_refresh (_trellis_recommendations_pane_get_recommender (pane), &error));
  g_assert_no_error (error);
  trellis_test_iterate_pending ();
  g_assert_nonnull (trellis_gui_test_find_widget (GTK_WIDGET (page), trellis_gui_test_is_label, placeholder));
  g_assert_null (trellis_gui_test_find_widget (GTK_WIDGET (page), is_percent_label, NULL));
  unfitted = shown_keys (pane);

  trellis_mastery_refit_async (fixture->classroom, NULL, on_refit_done_cb, &done);
  trellis_gui_test_wait_while (is_not_done, &done, 30);
  trellis_test_iterate_pending ();

  g_assert_null (trellis_gui_test_find_widget (GTK_WIDGET (page), trellis_gui_test_is_label, placeholder));
  g_assert_nonnull (trellis_gui_test_find_widget (GTK_WIDGET (page), is_percent_label, NULL));
  shown = shown_keys (pane);
  expected = computed_keys (fixture->classroom);
  g_assert_cmpstr (shown, ==, expected);
  g_assert_cmpstr (shown, !=, unfitted);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  /* The application loads its style sheet; the windows here have none. */
  if (g_getenv ("TRELLIS_SCREENSHOT_DIR") != NULL)
    trellis_gui_test_load_style ();

#define ADD(path, func) \
  g_test_add (path, Fixture, NOW, trellis_gui_test_fixture_set_up, func, trellis_gui_test_fixture_tear_down)

  ADD ("/data-changed/grid-follows-deletions", test_grid_follows_deletions);
  ADD ("/data-changed/views-follow-milestone-deletion", test_views_follow_milestone_deletion);
  ADD ("/data-changed/learner-page-follows-skill-deletion", test_learner_page_follows_skill_deletion);
  ADD ("/data-changed/views-follow-refit", test_views_follow_refit);

#undef ADD

  return g_test_run ();
}

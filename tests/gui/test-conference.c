/* test-conference.c
 *
 * Copyright 2026 The Trellis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * Conference mode in a narrow window: TrellisColumns on its own (side by
 * side above :stack-below, one under the other below it), then the
 * conference window of a sample learner with a goal, sized wide, narrow
 * (a laptop half-screen, and a phone-wide 360 px) and wide again.  When
 * narrow, the columns stack and every control the teacher uses is still
 * shown whole inside the window and reachable with Tab.
 *
 * Also: a goal and a reflection look the same on the learner page and in
 * conference mode (one builder makes both).
 */

#include "config.h"

#include <adwaita.h>

#include "trellis-columns.h"
#include "trellis-conference-window-private.h"
#include "trellis-gui-test-utils.h"
#include "trellis-learner-list-view.h"
#include "trellis-learner-page-private.h"
#include "trellis-profile.h"
#include "trellis-test-utils.h"
#include "trellis-window-private.h"

typedef struct
{
  TrellisGuiTestFixture    gui;
  TrellisConferenceWindow *conference;
  gint64                   goal_id;
} Fixture;

/* A child of a fixed size, for the columns. */
static GtkWidget *
sized_box (int width,
           int height)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  gtk_widget_set_size_request (box, width, height);

  return box;
}

static void
test_columns_layout (void)
{
  GtkWidget *columns = g_object_ref_sink (trellis_columns_new ());
  GtkWidget *first = sized_box (200, 100);
  GtkWidget *second = sized_box (180, 150);
  int min, nat;

  gtk_widget_set_parent (first, columns);
  gtk_widget_set_parent (second, columns);
  trellis_columns_set_spacing (TRELLIS_COLUMNS (columns), 10);
  trellis_columns_set_stack_below (TRELLIS_COLUMNS (columns), 500);

  /* As narrow as its widest child; naturally two equal columns. */
  gtk_widget_measure (columns, GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat, NULL, NULL);
  g_assert_cmpint (min, ==, 200);
  g_assert_cmpint (nat, ==, 2 * 200 + 10);

  /* Below the threshold the heights add up; above it the taller one counts. */
  gtk_widget_measure (columns, GTK_ORIENTATION_VERTICAL, 400, &min, &nat, NULL, NULL);
  g_assert_cmpint (min, ==, 100 + 10 + 150);
  gtk_widget_measure (columns, GTK_ORIENTATION_VERTICAL, 600, &min, &nat, NULL, NULL);
  g_assert_cmpint (min, ==, 150);

  gtk_widget_size_allocate (columns, &(GtkAllocation) { 0, 0, 400, 260 }, -1);
  g_assert_true (trellis_columns_get_stacked (TRELLIS_COLUMNS (columns)));
  g_assert_true (gtk_widget_has_css_class (columns, "stacked"));
  g_assert_cmpint (gtk_widget_get_width (first), ==, 400);
  g_assert_cmpint (gtk_widget_get_width (second), ==, 400);
  g_assert_cmpint (gtk_widget_get_height (first), ==, 100);

  gtk_widget_size_allocate (columns, &(GtkAllocation) { 0, 0, 610, 150 }, -1);
  g_assert_false (trellis_columns_get_stacked (TRELLIS_COLUMNS (columns)));
  g_assert_false (gtk_widget_has_css_class (columns, "stacked"));
  g_assert_cmpint (gtk_widget_get_width (first), ==, 300);
  g_assert_cmpint (gtk_widget_get_width (second), ==, 300);
  g_assert_cmpint (gtk_widget_get_height (second), ==, 150);

  /* One child alone never stacks. */
  gtk_widget_set_visible (second, FALSE);
  gtk_widget_size_allocate (columns, &(GtkAllocation) { 0, 0, 300, 100 }, -1);
  g_assert_false (trellis_columns_get_stacked (TRELLIS_COLUMNS (columns)));
  g_assert_cmpint (gtk_widget_get_width (first), ==, 300);

  gtk_widget_unparent (first);
  gtk_widget_unparent (second);
  g_assert_finalize_object (columns);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  TrellisLearnerListView *list_view;
  TrellisLearnerPage *page;

  trellis_gui_test_fixture_set_up (&fixture->gui, NULL);
  list_view = _trellis_window_get_learner_list_view (fixture->gui.window);
  page = _trellis_window_get_learner_page (fixture->gui.window);

  /* The first learner with an active goal, so that a goal's editor shows. */
  for (guint i = 0; fixture->goal_id == 0; i++)
    {
      g_autoptr(GPtrArray) goals = NULL;
      g_autoptr(GError) error = NULL;
      TrellisLearner *learner;

      trellis_learner_list_view_select_position (list_view, i);
      learner = trellis_learner_list_view_get_selected_learner (list_view);
      g_assert_nonnull (learner);
      goals = trellis_profile_list_goals (fixture->gui.classroom, learner, &error);
      g_assert_no_error (error);
      for (guint g = 0; g < goals->len && fixture->goal_id == 0; g++)
        {
          TrellisGoal *goal = g_ptr_array_index (goals, g);

          if (goal->status == TRELLIS_GOAL_STATUS_ACTIVE)
            fixture->goal_id = goal->id;
        }
    }

  gtk_widget_activate_action (GTK_WIDGET (fixture->gui.window), "win.conference", NULL);
  fixture->conference = _trellis_learner_page_get_conference_window (page);
  g_assert_nonnull (fixture->conference);
}

static gboolean
is_goal_row (GtkWidget  *widget,
             const char *title)
{
  return ADW_IS_EXPANDER_ROW (widget) && gtk_widget_has_css_class (widget, "goal") &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

static gboolean
is_reflection_row (GtkWidget  *widget,
                   const char *text)
{
  return ADW_IS_ACTION_ROW (widget) && gtk_widget_has_css_class (widget, "reflection") &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), text) == 0;
}

static gboolean
is_goal_progress_row (GtkWidget  *widget,
                      const char *unused)
{
  return ADW_IS_ACTION_ROW (widget) && gtk_widget_has_css_class (widget, "goal-progress");
}

/* The same subtitle and style classes. */
static void
assert_rows_alike (GtkWidget *a,
                   GtkWidget *b)
{
  g_auto(GStrv) classes_a = gtk_widget_get_css_classes (a);
  g_auto(GStrv) classes_b = gtk_widget_get_css_classes (b);
  const char *subtitle_a, *subtitle_b;

  if (ADW_IS_EXPANDER_ROW (a))
    {
      subtitle_a = adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (a));
      subtitle_b = adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (b));
    }
  else
    {
      subtitle_a = adw_action_row_get_subtitle (ADW_ACTION_ROW (a));
      subtitle_b = adw_action_row_get_subtitle (ADW_ACTION_ROW (b));
    }

  g_assert_nonnull (subtitle_a);
  g_assert_cmpstr (subtitle_a, !=, "");
  g_assert_cmpstr (subtitle_a, ==, subtitle_b);
  g_assert_true (g_strv_equal ((const char * const *) classes_a, (const char * const *) classes_b));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  if (fixture->conference != NULL)
    gtk_window_destroy (GTK_WINDOW (fixture->conference));
  trellis_gui_test_fixture_tear_down (&fixture->gui, data);
}

static void
resize (Fixture *fixture,
        int      width,
        int      height)
{
  gtk_window_set_default_size (GTK_WINDOW (fixture->conference), width, height);
  trellis_gui_test_settle (GTK_WIDGET (fixture->conference), 200);
}

/* The controls the teacher uses, the header's visible Save button among them. */
static GPtrArray *
list_controls (Fixture *fixture)
{
  GtkWidget *window = GTK_WIDGET (fixture->conference);
  GPtrArray *controls = g_ptr_array_new ();
  GtkToggleButton *met_button = NULL;
  AdwEntryRow *title_row = NULL;
  AdwEntryRow *reason_row = NULL;
  GtkWidget *save;

  g_assert_true (_trellis_conference_window_get_goal_editor (fixture->conference, fixture->goal_id,
                                                             &met_button, &title_row, &reason_row));
  g_ptr_array_add (controls, met_button);
  g_ptr_array_add (controls, title_row);
  g_ptr_array_add (controls, reason_row);
  g_ptr_array_add (controls, _trellis_conference_window_get_notes_view (fixture->conference));
  g_ptr_array_add (controls, _trellis_conference_window_get_next_steps_view (fixture->conference));
  g_ptr_array_add (controls, _trellis_conference_window_get_reflection_view (fixture->conference));
  g_ptr_array_add (controls, trellis_gui_test_find_widget (window, trellis_gui_test_is_of_type, "AdwComboRow"));
  g_ptr_array_add (controls, trellis_gui_test_find_widget (window, trellis_gui_test_is_button_labelled, "_Cancel"));
  g_ptr_array_add (controls, trellis_gui_test_find_widget (window, trellis_gui_test_is_of_type, "GtkMenuButton"));

  /* The header shows one of them, whichever fits. */
  save = trellis_gui_test_find_widget (window, trellis_gui_test_is_button_labelled, "_Save Conference");
  if (save != NULL && !gtk_widget_get_mapped (save))
    save = trellis_gui_test_find_widget (window, trellis_gui_test_is_button_labelled, "_Save");
  g_ptr_array_add (controls, save);

  for (guint i = 0; i < controls->len; i++)
    g_assert_nonnull (g_ptr_array_index (controls, i));

  return controls;
}

/* Every control mapped, with a size, and whole inside the window's width. */
static void
assert_controls_shown (Fixture *fixture)
{
  g_autoptr(GPtrArray) controls = list_controls (fixture);
  GtkWidget *window = GTK_WIDGET (fixture->conference);
  int window_width = gtk_widget_get_width (window);

  for (guint i = 0; i < controls->len; i++)
    {
      GtkWidget *control = g_ptr_array_index (controls, i);
      graphene_rect_t bounds;

      g_assert_true (gtk_widget_get_mapped (control));
      g_assert_cmpint (gtk_widget_get_width (control), >, 0);
      g_assert_cmpint (gtk_widget_get_height (control), >, 0);
      g_assert_true (gtk_widget_compute_bounds (control, window, &bounds));
      g_assert_cmpfloat (bounds.origin.x, >=, 0);
      g_assert_cmpfloat (bounds.origin.x + bounds.size.width, <=, window_width);
    }
}

/* Whether Tab, from the start, reaches each control that takes the focus. */
static void
assert_tab_reaches_controls (Fixture *fixture)
{
  g_autoptr(GPtrArray) controls = list_controls (fixture);
  g_autoptr(GHashTable) reached = g_hash_table_new (NULL, NULL);
  GtkWidget *window = GTK_WIDGET (fixture->conference);

  gtk_window_set_focus (GTK_WINDOW (window), NULL);
  for (guint step = 0; step < 300; step++)
    {
      GtkWidget *focus;

      if (!gtk_widget_child_focus (window, GTK_DIR_TAB_FORWARD))
        break;
      for (focus = gtk_root_get_focus (GTK_ROOT (window)); focus != NULL; focus = gtk_widget_get_parent (focus))
        g_hash_table_add (reached, focus);
    }

  for (guint i = 0; i < controls->len; i++)
    {
      GtkWidget *control = g_ptr_array_index (controls, i);

      if (gtk_widget_get_focusable (control) || GTK_IS_TEXT_VIEW (control) || ADW_IS_ENTRY_ROW (control))
        g_assert_true (g_hash_table_contains (reached, control));
    }
}

static void
test_narrow_window_stacks (Fixture       *fixture,
                           gconstpointer  data)
{
  TrellisColumns *columns = _trellis_conference_window_get_columns (fixture->conference);
  GtkWidget *met_button = NULL;
  GtkWidget *goal_row;
  GtkWidget *notes;
  graphene_rect_t goal_bounds, notes_bounds;

  /* The goal open, so that its editor rows show. */
  g_assert_true (_trellis_conference_window_get_goal_editor (fixture->conference, fixture->goal_id,
                                                             (GtkToggleButton **) &met_button, NULL, NULL));
  goal_row = gtk_widget_get_ancestor (met_button, ADW_TYPE_EXPANDER_ROW);
  g_assert_nonnull (goal_row);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (goal_row), TRUE);
  notes = GTK_WIDGET (_trellis_conference_window_get_notes_view (fixture->conference));

  /* Wide: goals on the left, the notes beside them. */
  resize (fixture, 1180, 780);
  g_assert_false (trellis_columns_get_stacked (columns));
  g_assert_true (gtk_widget_compute_bounds (goal_row, GTK_WIDGET (columns), &goal_bounds));
  g_assert_true (gtk_widget_compute_bounds (notes, GTK_WIDGET (columns), &notes_bounds));
  g_assert_cmpfloat (notes_bounds.origin.x, >=, goal_bounds.origin.x + goal_bounds.size.width);
  assert_controls_shown (fixture);

  /* Half a laptop screen, then as narrow as the window goes. */
  for (guint i = 0; i < 2; i++)
    {
      int width = i == 0 ? 600 : 360;

      resize (fixture, width, 700);
      g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (fixture->conference)), <=, width);
      g_assert_true (trellis_columns_get_stacked (columns));
      g_assert_true (gtk_widget_compute_bounds (goal_row, GTK_WIDGET (columns), &goal_bounds));
      g_assert_true (gtk_widget_compute_bounds (notes, GTK_WIDGET (columns), &notes_bounds));
      g_assert_cmpfloat (notes_bounds.origin.y, >=, goal_bounds.origin.y + goal_bounds.size.height);
      assert_controls_shown (fixture);
      assert_tab_reaches_controls (fixture);
    }

  /* And back. */
  resize (fixture, 1180, 780);
  g_assert_false (trellis_columns_get_stacked (columns));
  assert_controls_shown (fixture);
}

static void
test_same_rows (Fixture       *fixture,
                gconstpointer  data)
{
  TrellisLearnerPage *page = _trellis_window_get_learner_page (fixture->gui.window);
  TrellisLearner *learner = trellis_learner_page_get_learner (page);
  g_autoptr(TrellisGoal) goal = NULL;
  g_autoptr(GPtrArray) reflections = NULL;
  g_autoptr(GError) error = NULL;
  TrellisReflection *reflection;
  AdwActionRow *progress_row = NULL;
  GtkWidget *page_row, *conference_row, *page_progress;

  goal = trellis_profile_get_goal (fixture->gui.classroom, fixture->goal_id, &error);
  g_assert_no_error (error);
  page_row = trellis_gui_test_find_widget (GTK_WIDGET (page), is_goal_row, goal->title);
  conference_row = trellis_gui_test_find_widget (GTK_WIDGET (fixture->conference), is_goal_row, goal->title);
  g_assert_nonnull (page_row);
  g_assert_nonnull (conference_row);
  assert_rows_alike (page_row, conference_row);
  g_assert_true (gtk_widget_has_css_class (page_row, trellis_goal_status_to_string (goal->status)));

  /* Both open on what the evidence says about the goal's skills. */
  g_assert_true (_trellis_conference_window_get_goal_rows (fixture->conference, fixture->goal_id, &progress_row, NULL));
  g_assert_true (gtk_widget_is_ancestor (GTK_WIDGET (progress_row), conference_row));
  page_progress = trellis_gui_test_find_widget (page_row, is_goal_progress_row, NULL);
  g_assert_nonnull (page_progress);
  assert_rows_alike (page_progress, GTK_WIDGET (progress_row));

  /* The latest reflection, on both. */
  reflections = trellis_profile_list_reflections (fixture->gui.classroom, learner, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (reflections->len, ==, 1);
  reflection = g_ptr_array_index (reflections, 0);
  assert_rows_alike (trellis_gui_test_find_widget (GTK_WIDGET (page), is_reflection_row, reflection->text),
                     trellis_gui_test_find_widget (GTK_WIDGET (fixture->conference), is_reflection_row, reflection->text));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  g_test_add_func ("/conference/columns-layout", test_columns_layout);
  g_test_add ("/conference/narrow-window-stacks", Fixture, NULL,
              fixture_set_up, test_narrow_window_stacks, fixture_tear_down);
  g_test_add ("/conference/same-rows", Fixture, NULL,
              fixture_set_up, test_same_rows, fixture_tear_down);

  return g_test_run ();
}

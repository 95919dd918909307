/* test-builder.c
 *
 * Copyright 2026 The Trellis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * The playlist builder's pacing timeline, drag-and-drop reordering and
 * undoable deletion (issue 6), on the sample classroom made with a clock
 * stopped on Thursday 22 October 2026, so that its dates are known: the
 * "Ancient civilizations" unit runs from Monday 28 September to Tuesday
 * 3 November, with 250 class minutes a week.
 *
 * With TRELLIS_SCREENSHOT_DIR set, the tests also leave pacing-light.png,
 * pacing-dark.png, pacing-narrow.png, drop-indicator.png,
 * drop-indicator-dark.png and undo-toast.png there.
 */

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "trellis-gui-test-utils.h"
#include "trellis-pacing.h"
#include "trellis-playlist-window-private.h"
#include "trellis-profile.h"
#include "trellis-sample.h"
#include "trellis-test-utils.h"
#include "trellis-window-private.h"

#define NOW "2026-10-22T10:00:00Z"

typedef TrellisGuiTestFixture Fixture;

/* Helpers */

static const TrellisPacingWeek *
week_at (const TrellisPacing *pacing,
         guint                i)
{
  g_assert_cmpuint (i, <, pacing->weeks->len);
  return g_ptr_array_index (pacing->weeks, i);
}

static void
assert_week (const TrellisPacing *pacing,
             guint                i,
             const char          *monday,
             guint                planned,
             guint                available)
{
  const TrellisPacingWeek *week = week_at (pacing, i);

  g_assert_cmpstr (week->monday, ==, monday);
  g_assert_cmpuint (week->planned_minutes, ==, planned);
  g_assert_cmpuint (week->available_minutes, ==, available);
  g_assert_cmpint (week->overloaded, ==, planned > available);
}

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

/* The item list's row that shows @node. */
static int
row_of (TrellisPlaylistWindow *builder,
        TrellisNode           *node)
{
  GtkListBox *list = _trellis_playlist_window_get_node_list (builder);
  GtkListBoxRow *row;

  trellis_test_iterate_pending ();
  for (int i = 0; (row = gtk_list_box_get_row_at_index (list, i)) != NULL; i++)
    if (g_object_get_data (G_OBJECT (row), "trellis-node") == node)
      return i;

  g_assert_not_reached ();
}

/* Drops @node as the list's drop target would, with the node in a GValue. */
static gboolean
drop (TrellisPlaylistWindow  *builder,
      TrellisNode            *node,
      int                     row,
      TrellisDropPlace        place,
      GError                **error)
{
  g_auto(GValue) value = G_VALUE_INIT;
  gboolean dropped;

  g_value_init (&value, TRELLIS_TYPE_NODE);
  g_value_set_object (&value, node);
  dropped = _trellis_playlist_window_drop_value (builder, &value, row, place, error);
  trellis_test_iterate_pending ();

  return dropped;
}

static void
assert_titles (GListModel *model,
               const char *expected)
{
  g_autofree char *text = titles (model);

  g_assert_cmpstr (text, ==, expected);
}

/* Tests */

/*
 * Ctrl+T's action shows the timeline of the selected playlist; its weeks
 * follow the class minutes per week as soon as the preference changes, and
 * the editor's minutes at once.
 */
static void
test_pacing (Fixture       *fixture,
             gconstpointer  data)
{
  TrellisPlaylistWindow *builder = trellis_gui_test_open_builder (fixture);
  TrellisPacingTimeline *timeline = _trellis_playlist_window_get_pacing_timeline (builder);
  g_autoptr(GError) error = NULL;
  const TrellisPacing *pacing;
  TrellisPlaylist *playlist;
  TrellisNode *feedback;
  const char *text;
  gboolean shown;

  playlist = trellis_playlist_window_get_playlist (builder);
  g_assert_cmpstr (trellis_playlist_get_title (playlist), ==, "Ancient civilizations");

  /* Hidden at first, then shown by its action. */
  g_object_get (builder, "show-pacing", &shown, NULL);
  g_assert_false (shown);
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (timeline)));
  trellis_gui_test_activate (builder, "builder.show-pacing");
  g_object_get (builder, "show-pacing", &shown, NULL);
  g_assert_true (shown);
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (gtk_widget_get_parent (GTK_WIDGET (timeline)))));

  /*
   * Worked from the sample: week 1 has the map walk (45) and the sources
   * (50); week 2 the first check-in (10) and the longest civilization
   * (150, all equal); week 5 the play (220, the longest way to show what
   * you know) and the fourth check-in (10); the unit's last week has two
   * school days (100 minutes) and the museum (60).
   */
  pacing = trellis_pacing_timeline_get_pacing (timeline);
  g_assert_nonnull (pacing);
  g_assert_cmpuint (pacing->class_minutes_per_week, ==, 250);
  g_assert_cmpuint (pacing->weeks->len, ==, 6);
  assert_week (pacing, 0, "2026-09-28", 95, 250);
  assert_week (pacing, 1, "2026-10-05", 160, 250);
  assert_week (pacing, 2, "2026-10-12", 10, 250);
  assert_week (pacing, 3, "2026-10-19", 50, 250);
  assert_week (pacing, 4, "2026-10-26", 230, 250);
  assert_week (pacing, 5, "2026-11-02", 60, 100);
  g_assert_cmpuint (pacing->n_overloaded, ==, 0);
  g_assert_cmpuint (week_at (pacing, 5)->milestones->len, ==, 1);

  text = trellis_pacing_timeline_get_text (timeline);
  g_assert_nonnull (strstr (text, "Week of 5 Oct: 160 of 250 class minutes planned — 90 to spare. "
                                  "Milestones: Week 1 check-in: research question, due 5 Oct."));
  g_assert_nonnull (strstr (text, "Week of 2 Nov: 60 of 100 class minutes planned — 40 to spare. "
                                  "Milestones: Museum presentation, due 2 Nov."));

  /* 150 minutes a week, set in the preferences: the timeline follows at once. */
  g_assert_true (trellis_profile_set_class_minutes_per_week (fixture->classroom, 150, &error));
  g_assert_no_error (error);
  pacing = trellis_pacing_timeline_get_pacing (timeline);
  g_assert_cmpuint (pacing->class_minutes_per_week, ==, 150);
  assert_week (pacing, 1, "2026-10-05", 160, 150);
  assert_week (pacing, 4, "2026-10-26", 230, 150);
  assert_week (pacing, 5, "2026-11-02", 60, 60);
  g_assert_cmpuint (pacing->n_overloaded, ==, 2);
  text = trellis_pacing_timeline_get_text (timeline);
  g_assert_nonnull (strstr (text, "Week of 26 Oct: 230 of 150 class minutes planned — over by 80."));

  /* The editor's minutes show at once: the gallery walk goes from 40 to 100. */
  feedback = trellis_gui_test_find_node (trellis_classroom_get_nodes (fixture->classroom, playlist, NULL),
                                         "Peer feedback gallery walk");
  trellis_playlist_window_select_node (builder, feedback);
  gtk_spin_button_set_value (_trellis_playlist_window_get_minutes_spin (builder), 100);
  trellis_test_iterate_pending ();
  g_assert_cmpint (trellis_node_get_estimated_minutes (feedback), ==, 100);
  pacing = trellis_pacing_timeline_get_pacing (timeline);
  assert_week (pacing, 3, "2026-10-19", 110, 150);

  /* The unit's end, typed in its row: the timeline ends with it. */
  {
    AdwEntryRow *ends = _trellis_playlist_window_get_unit_ends_row (builder);
    g_autofree char *ends_before = g_strdup (trellis_playlist_get_ends_on (playlist));

    gtk_editable_set_text (GTK_EDITABLE (ends), "2026-13-01");
    g_signal_emit_by_name (ends, "apply");
    g_assert_cmpstr (trellis_playlist_get_ends_on (playlist), ==, ends_before);
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (ends)), ==, ends_before);

    gtk_editable_set_text (GTK_EDITABLE (ends), "2026-10-23");
    g_signal_emit_by_name (ends, "apply");
    g_assert_cmpstr (trellis_playlist_get_ends_on (playlist), ==, "2026-10-23");
    pacing = trellis_pacing_timeline_get_pacing (timeline);
    g_assert_cmpuint (pacing->weeks->len, ==, 4);
    g_assert_cmpstr (pacing->last_day, ==, "2026-10-23");

    gtk_editable_set_text (GTK_EDITABLE (ends), ends_before);
    g_signal_emit_by_name (ends, "apply");
    g_assert_cmpstr (trellis_playlist_get_ends_on (playlist), ==, ends_before);
  }

  if (g_getenv ("TRELLIS_SCREENSHOT_DIR") != NULL)
    {
      gtk_window_set_default_size (GTK_WINDOW (builder), 1200, 800);
      trellis_gui_test_settle (GTK_WIDGET (builder), 400);
      trellis_gui_test_save_screenshot (GTK_WIDGET (builder), "pacing-light.png");
      adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
      trellis_gui_test_settle (GTK_WIDGET (builder), 400);
      trellis_gui_test_save_screenshot (GTK_WIDGET (builder), "pacing-dark.png");
      adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
      gtk_window_set_default_size (GTK_WINDOW (builder), 560, 720);
      trellis_gui_test_settle (GTK_WIDGET (builder), 400);
      trellis_gui_test_save_screenshot (GTK_WIDGET (builder), "pacing-narrow.png");
    }

  /* And hidden again. */
  trellis_gui_test_activate (builder, "builder.show-pacing");
  g_object_get (builder, "show-pacing", &shown, NULL);
  g_assert_false (shown);
}

/* A timeline on its own: no playlist, then one without dates, then dates. */
static void
test_pacing_empty (Fixture       *fixture,
                   gconstpointer  data)
{
  GtkWidget *timeline = g_object_ref_sink (trellis_pacing_timeline_new ());
  TrellisPacingTimeline *self = TRELLIS_PACING_TIMELINE (timeline);
  g_autoptr(GError) error = NULL;
  TrellisNodeFields fields = { 0 };
  AdwStatusPage *empty = NULL;
  TrellisPlaylist *playlist;
  TrellisNode *node;

  for (GtkWidget *child = gtk_widget_get_first_child (timeline); child != NULL; child = gtk_widget_get_next_sibling (child))
    if (ADW_IS_STATUS_PAGE (child))
      empty = ADW_STATUS_PAGE (child);
  g_assert_nonnull (empty);

  trellis_pacing_timeline_update (self, fixture->classroom, NULL);
  g_assert_null (trellis_pacing_timeline_get_pacing (self));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (empty)));
  g_assert_cmpstr (trellis_pacing_timeline_get_text (self), ==, "No playlist selected.");

  playlist = trellis_classroom_add_playlist (fixture->classroom, "Fresh unit", &error);
  g_assert_no_error (error);
  node = trellis_classroom_add_node (fixture->classroom, playlist, NULL, TRELLIS_NODE_KIND_ACTIVITY, "Warm-up", -1,
                                     &error);
  g_assert_no_error (error);
  fields.mask = TRELLIS_NODE_FIELD_ESTIMATED_MINUTES;
  fields.estimated_minutes = 30;
  g_assert_true (trellis_classroom_update_node (fixture->classroom, node, &fields, &error));

  trellis_pacing_timeline_update (self, fixture->classroom, playlist);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (empty)));
  g_assert_cmpstr (trellis_pacing_timeline_get_text (self), ==,
                   "No item has a date yet. 1 item has no date (30 minutes).\n"
                   "No date yet: Warm-up (30 min).");

  fields.mask = TRELLIS_NODE_FIELD_SUGGESTED_DATE;
  fields.suggested_date = "2026-11-04";
  g_assert_true (trellis_classroom_update_node (fixture->classroom, node, &fields, &error));
  trellis_pacing_timeline_update (self, fixture->classroom, playlist);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (empty)));
  g_assert_cmpstr (trellis_pacing_timeline_get_text (self), ==,
                   "Items dated 4 Nov: 1 week; every week fits in 250 class minutes.\n"
                   "Week of 2 Nov: 30 of 250 class minutes planned — 220 to spare.");

  g_assert_finalize_object (timeline);
}

/*
 * Dropping rows through the drop handler's code: within the top level,
 * into a choice group, out of one, a milestone dropped on an option lands
 * beside the group, below the rows is the end; Alt+Up still works after,
 * and the file keeps the order.
 */
static void
test_drag_and_drop (Fixture       *fixture,
                    gconstpointer  data)
{
  TrellisPlaylistWindow *builder = trellis_gui_test_open_builder (fixture);
  TrellisPlaylist *playlist = trellis_playlist_window_get_playlist (builder);
  g_autoptr(GError) error = NULL;
  TrellisNode *map, *reading, *choose, *greece, *feedback, *checkin2, *report, *show, *museum, *other;
  TrellisPlaylist *ecosystems;
  GListModel *top, *civilizations, *demonstrations;
  gint64 playlist_id = trellis_playlist_get_id (playlist);

  top = trellis_classroom_get_nodes (fixture->classroom, playlist, NULL);
  map = trellis_gui_test_find_node (top, "Map walk: where civilizations began");
  reading = trellis_gui_test_find_node (top, "Reading primary sources");
  choose = trellis_gui_test_find_node (top, "Choose your civilization");
  checkin2 = trellis_gui_test_find_node (top, "Week 2 check-in: sources and notes");
  show = trellis_gui_test_find_node (top, "Show what you know");
  feedback = trellis_gui_test_find_node (top, "Peer feedback gallery walk");
  museum = trellis_gui_test_find_node (top, "Museum presentation");
  civilizations = trellis_classroom_get_nodes (fixture->classroom, playlist, choose);
  demonstrations = trellis_classroom_get_nodes (fixture->classroom, playlist, show);
  greece = trellis_gui_test_find_node (civilizations, "Ancient Greece: city-states and citizens");
  report = trellis_gui_test_find_node (demonstrations, "Written report");

  if (g_getenv ("TRELLIS_SCREENSHOT_DIR") != NULL)
    {
      GtkListBox *list = _trellis_playlist_window_get_node_list (builder);

      /* What the drop target's motion shows: a line, or a group to drop into. */
      gtk_window_set_default_size (GTK_WINDOW (builder), 1200, 800);
      gtk_widget_add_css_class (GTK_WIDGET (gtk_list_box_get_row_at_index (list, row_of (builder, reading))),
                                "drop-after");
      gtk_widget_add_css_class (GTK_WIDGET (gtk_list_box_get_row_at_index (list, row_of (builder, choose))),
                                "drop-into");
      trellis_gui_test_settle (GTK_WIDGET (builder), 400);
      trellis_gui_test_save_screenshot (GTK_WIDGET (builder), "drop-indicator.png");
      adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
      trellis_gui_test_settle (GTK_WIDGET (builder), 400);
      trellis_gui_test_save_screenshot (GTK_WIDGET (builder), "drop-indicator-dark.png");
      adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
      gtk_widget_remove_css_class (GTK_WIDGET (gtk_list_box_get_row_at_index (list, row_of (builder, reading))),
                                   "drop-after");
      gtk_widget_remove_css_class (GTK_WIDGET (gtk_list_box_get_row_at_index (list, row_of (builder, choose))),
                                   "drop-into");
    }

  /* Below the reading: after it, and it stays selected. */
  g_assert_true (drop (builder, map, row_of (builder, reading), TRELLIS_DROP_AFTER, &error));
  g_assert_no_error (error);
  g_assert_true (trellis_playlist_window_get_node (builder) == map);
  {
    g_autoptr(TrellisNode) first = g_list_model_get_item (top, 0);
    g_autoptr(TrellisNode) second = g_list_model_get_item (top, 1);

    g_assert_true (first == reading);
    g_assert_true (second == map);
  }

  /* Onto the middle of a choice group: its last option. */
  g_assert_true (drop (builder, feedback, row_of (builder, choose), TRELLIS_DROP_INTO, &error));
  g_assert_no_error (error);
  assert_titles (civilizations, "Ancient Egypt: life along the Nile|Ancient Greece: city-states and citizens|"
                                "Ancient China: dynasties and inventions|Peer feedback gallery walk");
  g_assert_cmpint (trellis_node_get_parent_id (feedback), ==, trellis_node_get_id (choose));

  /* An option before the museum: out of its group. */
  g_assert_true (drop (builder, greece, row_of (builder, museum), TRELLIS_DROP_BEFORE, &error));
  g_assert_no_error (error);
  g_assert_cmpint (trellis_node_get_parent_id (greece), ==, 0);
  assert_titles (civilizations, "Ancient Egypt: life along the Nile|Ancient China: dynasties and inventions|"
                                "Peer feedback gallery walk");

  /* A milestone dropped after an option lands after that option's group. */
  g_assert_true (drop (builder, checkin2, row_of (builder, report), TRELLIS_DROP_AFTER, &error));
  g_assert_no_error (error);
  g_assert_cmpint (trellis_node_get_parent_id (checkin2), ==, 0);
  g_assert_cmpint (g_list_model_get_n_items (demonstrations), ==, 3);

  /* Below every row: the end. */
  g_assert_true (drop (builder, reading, -1, TRELLIS_DROP_AFTER, &error));
  g_assert_no_error (error);
  assert_titles (top, "Map walk: where civilizations began|Week 1 check-in: research question|"
                      "Choose your civilization|Show what you know|Week 2 check-in: sources and notes|"
                      "Week 3 check-in: first draft|Week 4 check-in: rehearsal|"
                      "Ancient Greece: city-states and citizens|Museum presentation|Reading primary sources");

  /* Onto itself: nothing moves. */
  g_assert_true (drop (builder, reading, row_of (builder, reading), TRELLIS_DROP_BEFORE, &error));
  g_assert_no_error (error);

  /* An item of another playlist is refused in words, and nothing moves. */
  ecosystems = trellis_classroom_find_playlist (fixture->classroom, "Ecosystems and energy flow", &error);
  g_assert_no_error (error);
  other = trellis_gui_test_find_node (trellis_classroom_get_nodes (fixture->classroom, ecosystems, NULL),
                                      "Energy pyramid lab");
  g_assert_false (drop (builder, other, 0, TRELLIS_DROP_BEFORE, &error));
  g_assert_error (error, TRELLIS_CLASSROOM_ERROR, TRELLIS_CLASSROOM_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpuint (g_list_model_get_n_items (top), ==, 10);

  /* Alt+Up's action still moves the dropped item. */
  trellis_playlist_window_select_node (builder, reading);
  trellis_gui_test_activate (builder, "builder.move-up");
  {
    g_autoptr(TrellisNode) ninth = g_list_model_get_item (top, 8);

    g_assert_true (ninth == reading);
  }

  /* The file keeps it all. */
  trellis_window_set_classroom (fixture->window, NULL);
  trellis_test_iterate_pending ();
  trellis_gui_test_finalize_classroom (g_steal_pointer (&fixture->classroom));
  {
    g_autoptr(TrellisClassroom) reopened = trellis_classroom_open (fixture->path, TRELLIS_OPEN_FLAGS_NONE, &error);
    TrellisPlaylist *reloaded;
    TrellisNode *group;

    g_assert_no_error (error);
    reloaded = trellis_classroom_lookup_playlist (reopened, playlist_id);
    top = trellis_classroom_get_nodes (reopened, reloaded, NULL);
    assert_titles (top, "Map walk: where civilizations began|Week 1 check-in: research question|"
                        "Choose your civilization|Show what you know|Week 2 check-in: sources and notes|"
                        "Week 3 check-in: first draft|Week 4 check-in: rehearsal|"
                        "Ancient Greece: city-states and citizens|Reading primary sources|Museum presentation");
    group = trellis_gui_test_find_node (top, "Choose your civilization");
    assert_titles (trellis_classroom_get_nodes (reopened, reloaded, group),
                   "Ancient Egypt: life along the Nile|Ancient China: dynasties and inventions|"
                   "Peer feedback gallery walk");
  }
}

/* The item list's drop target, as the list's controllers hold it. */
static GtkDropTarget *
list_drop_target (GtkListBox *list)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (list));
  guint n = g_list_model_get_n_items (controllers);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        return GTK_DROP_TARGET (controller);
    }

  g_assert_not_reached ();
}

/* Emits the drop target's "drop" at @fraction of @node's row height. */
static gboolean
drop_at (TrellisPlaylistWindow *builder,
         TrellisNode           *node,
         TrellisNode           *onto,
         double                 fraction)
{
  GtkListBox *list = _trellis_playlist_window_get_node_list (builder);
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, row_of (builder, onto));
  g_auto(GValue) value = G_VALUE_INIT;
  graphene_rect_t bounds;
  gboolean dropped = FALSE;

  g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (row), GTK_WIDGET (list), &bounds));
  g_value_init (&value, TRELLIS_TYPE_NODE);
  g_value_set_object (&value, node);
  g_signal_emit_by_name (list_drop_target (list), "drop", &value,
                         (double)bounds.origin.x + 10, (double)bounds.origin.y + bounds.size.height * fraction,
                         &dropped);
  trellis_test_iterate_pending ();

  return dropped;
}

/*
 * The drop target's own handler, with the pointer's place: the top of a
 * row drops before it, its bottom after it, a choice group's middle into it.
 */
static void
test_drop_target (Fixture       *fixture,
                  gconstpointer  data)
{
  TrellisPlaylistWindow *builder = trellis_gui_test_open_builder (fixture);
  TrellisPlaylist *playlist = trellis_playlist_window_get_playlist (builder);
  TrellisNode *map, *checkin1, *choose, *feedback, *museum;
  GListModel *top;

  gtk_window_set_default_size (GTK_WINDOW (builder), 1200, 800);
  trellis_gui_test_settle (GTK_WIDGET (builder), 400);
  top = trellis_classroom_get_nodes (fixture->classroom, playlist, NULL);
  map = trellis_gui_test_find_node (top, "Map walk: where civilizations began");
  checkin1 = trellis_gui_test_find_node (top, "Week 1 check-in: research question");
  choose = trellis_gui_test_find_node (top, "Choose your civilization");
  feedback = trellis_gui_test_find_node (top, "Peer feedback gallery walk");
  museum = trellis_gui_test_find_node (top, "Museum presentation");

  /* While a drag moves over the list, the row under it shows the place. */
  {
    GtkListBox *list = _trellis_playlist_window_get_node_list (builder);
    GtkDropTarget *target = list_drop_target (list);
    GtkWidget *group_row = GTK_WIDGET (gtk_list_box_get_row_at_index (list, row_of (builder, choose)));
    GtkWidget *checkin_row = GTK_WIDGET (gtk_list_box_get_row_at_index (list, row_of (builder, checkin1)));
    graphene_rect_t bounds;
    GdkDragAction action = 0;

    g_assert_true (gtk_widget_compute_bounds (group_row, GTK_WIDGET (list), &bounds));
    g_signal_emit_by_name (target, "motion", 10.0, (double)(bounds.origin.y + bounds.size.height / 2), &action);
    g_assert_cmpint (action, ==, GDK_ACTION_MOVE);
    g_assert_true (gtk_widget_has_css_class (group_row, "drop-into"));

    g_assert_true (gtk_widget_compute_bounds (checkin_row, GTK_WIDGET (list), &bounds));
    g_signal_emit_by_name (target, "motion", 10.0, (double)(bounds.origin.y + 2), &action);
    g_assert_false (gtk_widget_has_css_class (group_row, "drop-into"));
    g_assert_true (gtk_widget_has_css_class (checkin_row, "drop-before"));

    g_signal_emit_by_name (target, "leave");
    g_assert_false (gtk_widget_has_css_class (checkin_row, "drop-before"));
  }

  /* The bottom quarter of the first check-in: after it. */
  g_assert_true (drop_at (builder, map, checkin1, 0.75));
  assert_titles (top, "Reading primary sources|Week 1 check-in: research question|"
                      "Map walk: where civilizations began|Choose your civilization|"
                      "Week 2 check-in: sources and notes|Show what you know|Week 3 check-in: first draft|"
                      "Peer feedback gallery walk|Week 4 check-in: rehearsal|Museum presentation");

  /* The top quarter of the museum: before it. */
  g_assert_true (drop_at (builder, map, museum, 0.25));
  {
    g_autoptr(TrellisNode) ninth = g_list_model_get_item (top, 8);

    g_assert_true (ninth == map);
  }

  /* The middle of a choice group: into it, at the end. */
  g_assert_true (drop_at (builder, feedback, choose, 0.5));
  g_assert_cmpint (trellis_node_get_parent_id (feedback), ==, trellis_node_get_id (choose));
  assert_titles (trellis_classroom_get_nodes (fixture->classroom, playlist, choose),
                 "Ancient Egypt: life along the Nile|Ancient Greece: city-states and citizens|"
                 "Ancient China: dynasties and inventions|Peer feedback gallery walk");

  /* A choice group does not go into another: it lands just after it. */
  g_assert_true (drop_at (builder, trellis_gui_test_find_node (top, "Show what you know"), choose, 0.5));
  assert_titles (top, "Reading primary sources|Week 1 check-in: research question|Choose your civilization|"
                      "Show what you know|Week 2 check-in: sources and notes|Week 3 check-in: first draft|"
                      "Week 4 check-in: rehearsal|Map walk: where civilizations began|Museum presentation");
}

/*
 * Deleting a choice group after the confirmation, then its toast's Undo:
 * the group is back in its place with its options, the learners' progress
 * and choices, and the reopened file has it all.
 */
static void
test_delete_undo (Fixture       *fixture,
                  gconstpointer  data)
{
  TrellisPlaylistWindow *builder = trellis_gui_test_open_builder (fixture);
  TrellisPlaylist *playlist = trellis_playlist_window_get_playlist (builder);
  g_autoptr(GError) error = NULL;
  g_autofree char *titles_before = NULL;
  AdwMessageDialog *dialog;
  AdwToast *toast;
  TrellisNode *choose, *restored;
  GListModel *top;
  gint64 id, n_progress, n_choices;
  gint64 playlist_id = trellis_playlist_get_id (playlist);
  const char *action;

  top = trellis_classroom_get_nodes (fixture->classroom, playlist, NULL);
  titles_before = titles (top);
  choose = trellis_gui_test_find_node (top, "Choose your civilization");
  id = trellis_node_get_id (choose);
  n_progress = trellis_test_query_int (fixture->classroom, "SELECT count(*) FROM progress");
  n_choices = trellis_test_query_int (fixture->classroom, "SELECT count(*) FROM choices");
  /* Nothing to undo yet. */
  gtk_widget_activate_action (GTK_WIDGET (builder), "builder.undo-delete", NULL);
  trellis_test_iterate_pending ();
  g_assert_null (_trellis_playlist_window_get_undo_toast (builder));
  assert_titles (top, titles_before);

  /* Delete asks first; Cancel keeps it. */
  trellis_playlist_window_select_node (builder, choose);
  trellis_gui_test_activate (builder, "builder.delete-node");
  dialog = trellis_gui_test_find_transient (ADW_TYPE_MESSAGE_DIALOG, GTK_WINDOW (builder));
  adw_message_dialog_response (dialog, "cancel");
  gtk_window_destroy (GTK_WINDOW (dialog));
  trellis_test_iterate_pending ();
  g_assert_cmpuint (g_list_model_get_n_items (top), ==, 10);

  trellis_gui_test_activate (builder, "builder.delete-node");
  dialog = trellis_gui_test_find_transient (ADW_TYPE_MESSAGE_DIALOG, GTK_WINDOW (builder));
  adw_message_dialog_response (dialog, "delete");
  gtk_window_destroy (GTK_WINDOW (dialog));
  trellis_test_iterate_pending ();
  g_assert_cmpuint (g_list_model_get_n_items (top), ==, 9);
  g_assert_cmpint (trellis_test_query_int (fixture->classroom, "SELECT count(*) FROM progress"), <, n_progress);
  g_assert_cmpint (trellis_test_query_int (fixture->classroom, "SELECT count(*) FROM choices"), <, n_choices);

  /* The toast offers Undo through its action. */
  if (g_getenv ("TRELLIS_SCREENSHOT_DIR") != NULL)
    {
      trellis_gui_test_settle (GTK_WIDGET (builder), 400);
      trellis_gui_test_save_screenshot (GTK_WIDGET (builder), "undo-toast.png");
    }
  toast = _trellis_playlist_window_get_undo_toast (builder);
  g_assert_nonnull (toast);
  g_assert_cmpstr (adw_toast_get_title (toast), ==, "“Choose your civilization” deleted");
  action = adw_toast_get_action_name (toast);
  g_assert_cmpstr (action, ==, "builder.undo-delete");
  trellis_gui_test_activate (builder, action);

  g_assert_cmpuint (g_list_model_get_n_items (top), ==, 10);
  assert_titles (top, titles_before);
  restored = trellis_playlist_window_get_node (builder);
  g_assert_nonnull (restored);
  g_assert_cmpint (trellis_node_get_id (restored), ==, id);
  g_assert_cmpuint (g_list_model_get_n_items (trellis_classroom_get_nodes (fixture->classroom, playlist, restored)), ==, 3);
  g_assert_cmpint (trellis_test_query_int (fixture->classroom, "SELECT count(*) FROM progress"), ==, n_progress);
  g_assert_cmpint (trellis_test_query_int (fixture->classroom, "SELECT count(*) FROM choices"), ==, n_choices);
  /* Once only. */
  g_assert_null (_trellis_playlist_window_get_undo_toast (builder));

  trellis_window_set_classroom (fixture->window, NULL);
  trellis_test_iterate_pending ();
  trellis_gui_test_finalize_classroom (g_steal_pointer (&fixture->classroom));
  {
    g_autoptr(TrellisClassroom) reopened = trellis_classroom_open (fixture->path, TRELLIS_OPEN_FLAGS_NONE, &error);
    TrellisPlaylist *reloaded;
    TrellisNode *group;

    g_assert_no_error (error);
    reloaded = trellis_classroom_lookup_playlist (reopened, playlist_id);
    top = trellis_classroom_get_nodes (reopened, reloaded, NULL);
    assert_titles (top, titles_before);
    group = trellis_gui_test_find_node (top, "Choose your civilization");
    g_assert_cmpint (trellis_node_get_id (group), ==, id);
    assert_titles (trellis_classroom_get_nodes (reopened, reloaded, group),
                   "Ancient Egypt: life along the Nile|Ancient Greece: city-states and citizens|"
                   "Ancient China: dynasties and inventions");
    g_assert_cmpint (trellis_test_query_int (reopened, "SELECT count(*) FROM progress"), ==, n_progress);
    g_assert_cmpint (trellis_test_query_int (reopened, "SELECT count(*) FROM choices"), ==, n_choices);
  }
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

  ADD ("/builder/pacing", test_pacing);
  ADD ("/builder/pacing-empty", test_pacing_empty);
  ADD ("/builder/drag-and-drop", test_drag_and_drop);
  ADD ("/builder/drop-target", test_drop_target);
  ADD ("/builder/delete-undo", test_delete_undo);

#undef ADD

  return g_test_run ();
}

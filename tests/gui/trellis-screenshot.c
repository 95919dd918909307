/* trellis-screenshot.c
 *
 * Copyright 2026 The Trellis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * Renders a Trellis window to a PNG file, for the README and the AppStream
 * screenshots.  Not a test.
 *
 *   trellis-screenshot [--dark] [--start] [--empty] [--select N] [--search TEXT]
 *                      [--delete] [--conference [--expand-goal] [--scroll F]] [--preferences] [--goal-dialog]
 *                      [--reflection] [--progress [--progress-popover]] [--dashboard]
 *                      [--width W] [--height H] OUTPUT.png
 *
 * Without --start, the window shows the sample classroom (created in a
 * temporary folder; with --empty, a classroom without learners) with the
 * Nth learner selected, optionally a search, or the undo toast of a
 * deletion, or (--conference) conference mode with that learner (its first
 * goal open with --expand-goal, scrolled down by a fraction F of the page
 * with --scroll), or the
 * classroom preferences (--preferences), or the goal dialog of the
 * learner's first goal (--goal-dialog), or the learner page scrolled to
 * the reflection form (--reflection), or the playlist builder's Progress
 * view with that learner's choices (--progress; a cell's popover with
 * --progress-popover), or the class dashboard (--dashboard); with --start,
 * the start page with that classroom and a missing one among the recent
 * classrooms.
 * Needs a display (xvfb-run) and GSETTINGS_SCHEMA_DIR pointing at the
 * compiled schema; use GSETTINGS_BACKEND=memory to leave your settings alone.
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <stdlib.h>

#include "trellis-application.h"
#include "trellis-conference-window-private.h"
#include "trellis-learner-list-view.h"
#include "trellis-learner-page-private.h"
#include "trellis-preferences-window.h"
#include "trellis-profile.h"
#include "trellis-playlist-window-private.h"
#include "trellis-progress-grid-private.h"
#include "trellis-sample.h"
#include "trellis-window-private.h"

static void
remove_dir (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir == NULL)
    return;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      g_remove (child);
    }

  g_rmdir (path);
}

static gboolean
on_timeout_cb (gpointer data)
{
  gboolean *done = data;

  *done = TRUE;
  return G_SOURCE_REMOVE;
}

/* Lets transitions and idle work finish before the picture is taken. */
static void
settle (GtkWidget *widget)
{
  gboolean done = FALSE;

  gtk_test_widget_wait_for_draw (widget);
  g_timeout_add (500, on_timeout_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  gtk_test_widget_wait_for_draw (widget);
}

/* The first expander row with @css_class under @widget. */
static GtkWidget *
find_expander (GtkWidget  *widget,
               const char *css_class)
{
  if (ADW_IS_EXPANDER_ROW (widget) && gtk_widget_has_css_class (widget, css_class))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_expander (child, css_class);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The window of type @type_name that @window opened, if any. */
static GtkWidget *
find_transient (TrellisWindow *window,
                const char    *type_name)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (gtk_window_get_transient_for (toplevel) == GTK_WINDOW (window) &&
          g_str_equal (G_OBJECT_TYPE_NAME (toplevel), type_name))
        return GTK_WIDGET (toplevel);
    }

  return NULL;
}

static gboolean
save_png (GtkWidget   *widget,
          const char  *path,
          GError     **error)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_to_node (snapshot);
  if (node == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, "The window drew nothing");
      return FALSE;
    }

  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (widget)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  if (!gdk_texture_save_to_png (texture, path))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "Could not write %s", path);
      return FALSE;
    }

  return TRUE;
}

int
main (int   argc,
      char *argv[])
{
  gboolean dark = FALSE;
  gboolean start = FALSE;
  gboolean empty = FALSE;
  gboolean delete = FALSE;
  gboolean confirm_delete = FALSE;
  g_autofree char *filter = NULL;
  gboolean conference = FALSE;
  double scroll = 0;
  gboolean expand_goal = FALSE;
  gboolean preferences = FALSE;
  gboolean goal_dialog = FALSE;
  gboolean reflection = FALSE;
  gboolean progress = FALSE;
  gboolean progress_popover = FALSE;
  gboolean dashboard = FALSE;
  g_autofree char *search = NULL;
  int select = 2;
  int width = 1100;
  int height = 720;
  g_auto(GStrv) outputs = NULL;
  GOptionEntry entries[] = {
    { "dark", 0, 0, G_OPTION_ARG_NONE, &dark, "Use the dark style", NULL },
    { "start", 0, 0, G_OPTION_ARG_NONE, &start, "Show the start page", NULL },
    { "empty", 0, 0, G_OPTION_ARG_NONE, &empty, "Show a classroom without learners", NULL },
    { "search", 0, 0, G_OPTION_ARG_STRING, &search, "Search the learners for TEXT", "TEXT" },
    { "delete", 0, 0, G_OPTION_ARG_NONE, &delete, "Delete the selected learner (the undo toast)", NULL },
    { "confirm-delete", 0, 0, G_OPTION_ARG_NONE, &confirm_delete, "Show the confirmation of deleting the selected learner", NULL },
    { "filter", 0, 0, G_OPTION_ARG_STRING, &filter, "Filter the learners: stale, conference-due or goal-overdue", "NAME" },
    { "conference", 0, 0, G_OPTION_ARG_NONE, &conference, "Show conference mode with the selected learner", NULL },
    { "expand-goal", 0, 0, G_OPTION_ARG_NONE, &expand_goal, "In conference mode, open the first goal", NULL },
    { "scroll", 0, 0, G_OPTION_ARG_DOUBLE, &scroll, "In conference mode, scroll down by this fraction of the page (0 to 1)", "F" },
    { "preferences", 0, 0, G_OPTION_ARG_NONE, &preferences, "Show the classroom preferences", NULL },
    { "goal-dialog", 0, 0, G_OPTION_ARG_NONE, &goal_dialog, "Edit the selected learner's first goal", NULL },
    { "reflection", 0, 0, G_OPTION_ARG_NONE, &reflection, "Scroll the learner page to the reflection form", NULL },
    { "progress", 0, 0, G_OPTION_ARG_NONE, &progress, "Show the playlist builder's Progress view", NULL },
    { "progress-popover", 0, 0, G_OPTION_ARG_NONE, &progress_popover, "With --progress: the popover of a cell", NULL },
    { "dashboard", 0, 0, G_OPTION_ARG_NONE, &dashboard, "Show the class dashboard", NULL },
    { "select", 0, 0, G_OPTION_ARG_INT, &select, "Select the Nth learner (-1: none)", "N" },
    { "width", 0, 0, G_OPTION_ARG_INT, &width, "Window width", "W" },
    { "height", 0, 0, G_OPTION_ARG_INT, &height, "Window height", "H" },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &outputs, NULL, "OUTPUT.png" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("OUTPUT.png");
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisApplication) app = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(TrellisClassroom) classroom = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *missing = NULL;
  TrellisWindow *window;
  int status = EXIT_SUCCESS;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) ||
      outputs == NULL || g_strv_length (outputs) != 1)
    {
      g_printerr ("trellis-screenshot: %s\n", error ? error->message : "one OUTPUT.png is needed");
      return EXIT_FAILURE;
    }

  /* The real application, registered without D-Bus uniqueness: its
   * actions, style sheet and icons, as when the app runs. */
  app = trellis_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  if (!g_application_register (G_APPLICATION (app), NULL, &error))
    {
      g_printerr ("trellis-screenshot: %s\n", error->message);
      return EXIT_FAILURE;
    }

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      dark ? ADW_COLOR_SCHEME_FORCE_DARK : ADW_COLOR_SCHEME_FORCE_LIGHT);

  dir = g_dir_make_tmp ("trellis-screenshot-XXXXXX", &error);
  if (dir == NULL)
    {
      g_printerr ("trellis-screenshot: %s\n", error->message);
      return EXIT_FAILURE;
    }
  path = g_build_filename (dir, "Sample Classroom.trellis", NULL);
  missing = g_build_filename (g_get_home_dir (), "Documents", "Science Club 2025.trellis", NULL);

  if (empty)
    classroom = trellis_classroom_create (path, "Room 12", &error);
  else
    classroom = trellis_sample_create (path, 0, &error);
  if (classroom == NULL)
    {
      g_printerr ("trellis-screenshot: %s\n", error->message);
      remove_dir (dir);
      return EXIT_FAILURE;
    }

  settings = g_settings_new (APP_ID);
  g_settings_set_strv (settings, "recent-classrooms", (const char * const[]) { path, missing, NULL });
  g_settings_set_int (settings, "window-width", width);
  g_settings_set_int (settings, "window-height", height);
  g_settings_set_boolean (settings, "window-maximized", FALSE);

  window = trellis_window_new (GTK_APPLICATION (app));
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);

  if (!start)
    {
      TrellisLearnerListView *list_view = _trellis_window_get_learner_list_view (window);

      trellis_window_set_classroom (window, classroom);
      if (search != NULL)
        trellis_learner_list_view_set_search_text (list_view, search);
      if (filter != NULL)
        {
          g_autofree char *property = g_strconcat ("filter-", filter, NULL);

          g_object_set (list_view, property, TRUE, NULL);
        }
      if (select >= 0)
        trellis_learner_list_view_select_position (list_view, (guint) select);
    }

  gtk_window_present (GTK_WINDOW (window));
  settle (GTK_WIDGET (window));

  if (delete || confirm_delete)
    {
      AdwMessageDialog *dialog;

      gtk_widget_activate_action (GTK_WIDGET (window), "win.delete-learner", NULL);
      dialog = _trellis_window_get_delete_dialog (window);
      if (dialog != NULL && confirm_delete)
        {
          settle (GTK_WIDGET (dialog));
          if (!save_png (GTK_WIDGET (dialog), outputs[0], &error))
            {
              g_printerr ("trellis-screenshot: %s\n", error->message);
              status = EXIT_FAILURE;
            }
          gtk_window_destroy (GTK_WINDOW (window));
          g_clear_object (&classroom);
          remove_dir (dir);
          return status;
        }
      if (dialog != NULL)
        adw_message_dialog_response (dialog, "delete");
      settle (GTK_WIDGET (window));
    }

  if (conference)
    {
      GtkWidget *focused = NULL;

      gtk_widget_activate_action (GTK_WIDGET (window), "win.conference", NULL);
      focused = (GtkWidget *) _trellis_learner_page_get_conference_window (_trellis_window_get_learner_page (window));
      if (focused != NULL)
        {
          gtk_window_set_default_size (GTK_WINDOW (focused), width, height);
          if (expand_goal)
            {
              GtkWidget *goal = find_expander (focused, "goal");

              if (goal != NULL)
                adw_expander_row_set_expanded (ADW_EXPANDER_ROW (goal), TRUE);
            }
          settle (focused);
          if (scroll > 0)
            {
              GtkWidget *columns = GTK_WIDGET (_trellis_conference_window_get_columns (TRELLIS_CONFERENCE_WINDOW (focused)));
              GtkWidget *scrolled = gtk_widget_get_ancestor (columns, GTK_TYPE_SCROLLED_WINDOW);
              GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
              double range = gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment);

              gtk_adjustment_set_value (adjustment, MIN (scroll, 1.0) * range);
              settle (focused);
            }
          if (!save_png (focused, outputs[0], &error))
            {
              g_printerr ("trellis-screenshot: %s\n", error->message);
              status = EXIT_FAILURE;
            }
          gtk_window_destroy (GTK_WINDOW (focused));
          gtk_window_destroy (GTK_WINDOW (window));
          g_clear_object (&classroom);
          remove_dir (dir);
          return status;
        }
    }

  if (preferences || goal_dialog)
    {
      TrellisLearnerPage *page = _trellis_window_get_learner_page (window);
      GtkWidget *shown = NULL;

      if (preferences)
        {
          shown = trellis_preferences_window_new (classroom);
          gtk_window_set_transient_for (GTK_WINDOW (shown), GTK_WINDOW (window));
          gtk_window_present (GTK_WINDOW (shown));
        }
      else
        {
          g_autoptr(GPtrArray) goals = NULL;

          if (trellis_learner_page_get_learner (page) != NULL)
            goals = trellis_profile_list_goals (classroom, trellis_learner_page_get_learner (page), NULL);
          if (goals != NULL && goals->len > 0)
            gtk_widget_activate_action (GTK_WIDGET (page), "profile.edit-goal", "x",
                                        ((TrellisGoal *) g_ptr_array_index (goals, 0))->id);
          else
            gtk_widget_activate_action (GTK_WIDGET (page), "profile.add-goal", NULL);
          shown = (GtkWidget *) _trellis_learner_page_get_goal_dialog (page);
        }

      if (shown != NULL)
        {
          settle (shown);
          if (!save_png (shown, outputs[0], &error))
            {
              g_printerr ("trellis-screenshot: %s\n", error->message);
              status = EXIT_FAILURE;
            }
          /* The page owns its dialog: closed as the teacher would. */
          if (ADW_IS_MESSAGE_DIALOG (shown))
            adw_message_dialog_response (ADW_MESSAGE_DIALOG (shown), "cancel");
          else
            gtk_window_destroy (GTK_WINDOW (shown));
          gtk_window_destroy (GTK_WINDOW (window));
          g_clear_object (&classroom);
          remove_dir (dir);
          return status;
        }
    }

  if (reflection)
    {
      TrellisLearnerPage *page = _trellis_window_get_learner_page (window);
      AdwEntryRow *row = _trellis_learner_page_get_add_reflection_row (page);
      GtkWidget *scrolled = row != NULL ? gtk_widget_get_ancestor (GTK_WIDGET (row), GTK_TYPE_SCROLLED_WINDOW) : NULL;
      graphene_point_t point;

      /* The form at the bottom of the view, the reflections above it. */
      if (scrolled != NULL &&
          gtk_widget_compute_point (GTK_WIDGET (row), gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled)),
                                    &GRAPHENE_POINT_INIT (0, 0), &point))
        {
          GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));

          gtk_adjustment_set_value (adjustment,
                                    point.y + gtk_widget_get_height (GTK_WIDGET (row)) + 24 -
                                    gtk_adjustment_get_page_size (adjustment));
        }
      settle (GTK_WIDGET (window));
    }

  if (progress)
    {
      g_autoptr(GList) toplevels = NULL;
      TrellisPlaylistWindow *builder = NULL;
      TrellisProgressGrid *grid;
      g_autoptr(TrellisLearner) learner = g_list_model_get_item (trellis_classroom_get_learners (classroom),
                                                                 (guint) MAX (select, 0));
      GtkWidget *shot;

      gtk_widget_activate_action (GTK_WIDGET (window), "win.playlists", NULL);
      toplevels = gtk_window_list_toplevels ();
      for (GList *l = toplevels; l != NULL; l = l->next)
        if (TRELLIS_IS_PLAYLIST_WINDOW (l->data))
          builder = l->data;
      g_assert (builder != NULL);
      gtk_window_set_default_size (GTK_WINDOW (builder), width, height);
      gtk_widget_activate_action (GTK_WIDGET (builder), "builder.show-progress", NULL);
      grid = _trellis_playlist_window_get_progress_grid (builder);
      g_signal_emit_by_name (_trellis_progress_grid_get_row_header (grid, learner), "clicked");
      settle (GTK_WIDGET (builder));
      shot = GTK_WIDGET (builder);
      if (progress_popover)
        {
          GListModel *nodes = trellis_classroom_get_nodes (classroom, trellis_playlist_window_get_playlist (builder),
                                                           NULL);
          g_autoptr(TrellisNode) node = g_list_model_get_item (nodes, 0);

          g_signal_emit_by_name (_trellis_progress_grid_get_cell (grid, learner, node), "clicked");
          shot = GTK_WIDGET (_trellis_progress_grid_get_popover (grid));
          settle (shot);
        }
      if (!save_png (shot, outputs[0], &error))
        {
          g_printerr ("trellis-screenshot: %s\n", error->message);
          status = EXIT_FAILURE;
        }
      gtk_window_destroy (GTK_WINDOW (builder));
      gtk_window_destroy (GTK_WINDOW (window));
      g_clear_object (&classroom);
      remove_dir (dir);
      return status;
    }

  if (dashboard)
    {
      GtkWidget *focused;

      gtk_widget_activate_action (GTK_WIDGET (window), "win.dashboard", NULL);
      focused = find_transient (window, "TrellisDashboardWindow");
      if (focused != NULL)
        {
          gtk_window_set_default_size (GTK_WINDOW (focused), width, height);
          settle (focused);
          if (!save_png (focused, outputs[0], &error))
            {
              g_printerr ("trellis-screenshot: %s\n", error->message);
              status = EXIT_FAILURE;
            }
          gtk_window_destroy (GTK_WINDOW (focused));
          gtk_window_destroy (GTK_WINDOW (window));
          g_clear_object (&classroom);
          remove_dir (dir);
          return status;
        }
    }

  if (!save_png (GTK_WIDGET (window), outputs[0], &error))
    {
      g_printerr ("trellis-screenshot: %s\n", error->message);
      status = EXIT_FAILURE;
    }

  gtk_window_destroy (GTK_WINDOW (window));
  g_clear_object (&classroom);
  remove_dir (dir);

  return status;
}

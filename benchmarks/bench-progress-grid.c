/* bench-progress-grid.c
 *
 * Copyright 2026 The Trellis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * How fast the class progress grid draws while it scrolls, at the size of
 * a class: 30 learners (the sample classroom's generator) × a playlist of
 * 20 items (activities, choice groups of three options, milestones), two
 * learners in three marked on each activity and milestone, in a 1000 × 700
 * window.  Needs a display: run it under xvfb-run (software
 * rendering, the worst case).
 *
 * The grid is scrolled from the top to the bottom and back, then from the
 * left to the right and back, 40 steps each way; each step waits for the
 * frame that draws it.  A frame's time runs from the frame clock's
 * "before-paint" to its "after-paint": layout, snapshot and rendering.  It
 * prints the median, 95th percentile and maximum per frame, and the
 * process CPU time per frame (all threads, less sensitive to other load).
 * Last, the same vertical scroll of an empty area of the grid's size in
 * the same window: the floor of the display.
 *
 *   xvfb-run -a -s "-screen 0 1280x1024x24" build/benchmarks/bench-progress-grid [PASSES]
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <stdlib.h>

#include "trellis-classroom.h"
#include "trellis-progress.h"
#include "trellis-progress-grid-private.h"
#include "trellis-sample.h"

#include "bench-frame-timing.h"

#define STEPS 40

typedef struct
{
  BenchFrameStart  paint_start;
  GArray          *times;       /* double, ms of every frame painted */
  GArray          *cpu_times;   /* double, ms */
  guint            since;       /* while waiting: the frames painted before */
} Bench;

static void
on_before_paint_cb (GdkFrameClock *clock,
                    Bench         *bench)
{
  bench_frame_start (&bench->paint_start);
}

static void
on_after_paint_cb (GdkFrameClock *clock,
                   Bench         *bench)
{
  double ms, cpu_ms;

  if (bench->paint_start.wall_us == 0)
    return;

  bench_frame_elapsed (&bench->paint_start, &ms, &cpu_ms);
  g_array_append_val (bench->times, ms);
  g_array_append_val (bench->cpu_times, cpu_ms);
}

static gboolean
frame_painted (gpointer data)
{
  Bench *bench = data;

  return bench->times->len > bench->since;
}

/* Runs the main loop until a frame after frame number @since is painted;
 * FALSE after 2 s without one. */
static gboolean
wait_for_frame (Bench *bench,
                guint  since)
{
  bench->since = since;
  return bench_iterate_until (frame_painted, bench);
}

/* Scrolls @adjustment to its end and back, a frame a step, @passes times;
 * returns the frame times and, through @cpu_times, their CPU times. */
static GArray *
scroll (Bench         *bench,
        GtkAdjustment *adjustment,
        guint          passes,
        GArray       **cpu_times)
{
  GArray *times = g_array_new (FALSE, FALSE, sizeof (double));
  double range = gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment);
  guint missed = 0;

  *cpu_times = g_array_new (FALSE, FALSE, sizeof (double));
  if (range <= 0)
    return times;

  for (guint p = 0; p < passes; p++)
    for (guint step = 1; step <= 2 * STEPS; step++)
      {
        guint k = step <= STEPS ? step : 2 * STEPS - step;
        guint since = bench->times->len;

        gtk_adjustment_set_value (adjustment, range * k / STEPS);
        if (!wait_for_frame (bench, since))
          {
            missed++;
            continue;
          }
        /* The last frame painted: the one that drew the step. */
        g_array_append_val (times, g_array_index (bench->times, double, bench->times->len - 1));
        g_array_append_val (*cpu_times, g_array_index (bench->cpu_times, double, bench->cpu_times->len - 1));
      }

  if (missed > 0)
    g_printerr ("%u steps were never drawn\n", missed);

  return times;
}

/* A playlist of 20 items, as tests/gui/test-progress-grid.c's scale test makes. */
static TrellisPlaylist *
add_playlist (TrellisClassroom *classroom,
              TrellisNode     **first)
{
  g_autoptr(GError) error = NULL;
  TrellisPlaylist *playlist = trellis_classroom_add_playlist (classroom, "Twenty items", &error);

  g_assert_no_error (error);
  *first = NULL;
  for (guint i = 0; i < 20; i++)
    {
      g_autofree char *title = g_strdup_printf ("Item %u", i + 1);
      TrellisNodeKind kind = i % 5 == 4 ? TRELLIS_NODE_KIND_MILESTONE
                             : i % 7 == 3 ? TRELLIS_NODE_KIND_CHOICE : TRELLIS_NODE_KIND_ACTIVITY;
      TrellisNode *node = trellis_classroom_add_node (classroom, playlist, NULL, kind, title, -1, &error);

      g_assert_no_error (error);
      if (*first == NULL)
        *first = node;
      if (kind == TRELLIS_NODE_KIND_CHOICE)
        for (guint j = 0; j < 3; j++)
          {
            g_autofree char *option = g_strdup_printf ("Option %u", j + 1);

            trellis_classroom_add_node (classroom, playlist, node, TRELLIS_NODE_KIND_ACTIVITY, option, -1, &error);
            g_assert_no_error (error);
          }
    }

  return playlist;
}

/* Marks two learners in three on each activity and milestone, with every
 * status in turn, as a class halfway through a playlist. */
static void
mark_half (TrellisClassroom *classroom,
           TrellisPlaylist  *playlist)
{
  g_autoptr(GError) error = NULL;
  GListModel *learners = trellis_classroom_get_learners (classroom);
  GListModel *nodes = trellis_classroom_get_nodes (classroom, playlist, NULL);

  for (guint i = 0; i < g_list_model_get_n_items (learners); i++)
    for (guint j = 0; j < g_list_model_get_n_items (nodes); j++)
      {
        g_autoptr(TrellisLearner) learner = g_list_model_get_item (learners, i);
        g_autoptr(TrellisNode) node = g_list_model_get_item (nodes, j);

        if ((i + j) % 3 == 0 || trellis_node_get_kind (node) == TRELLIS_NODE_KIND_CHOICE)
          continue;
        if (!trellis_progress_set_status (classroom, learner, node, (TrellisProgressStatus) ((i + 2 * j) % 5), &error))
          g_error ("mark: %s", error->message);
      }
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisClassroom) classroom = NULL;
  g_autoptr(TrellisLearner) learner = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  TrellisPlaylist *playlist;
  TrellisNode *first;
  GtkWidget *window, *grid, *scroller;
  GArray *times, *cpu_times;
  Bench bench = { 0 };
  GdkFrameClock *clock;
  guint passes = argc > 1 ? (guint) MAX (1, atoi (argv[1])) : 2;
  int width, height;
  gint64 start;

  setlocale (LC_ALL, "");
  gtk_init ();
  adw_init ();
  /* Animations would add frames of their own. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  /* The app's style, as AdwApplication loads it from the resources. */
  {
    g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();

    gtk_css_provider_load_from_resource (provider, "/io/github/trellis/Trellis/style.css");
    gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (provider),
                                                GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  }

  /* BENCH_CSS: style to add, to see what a part of the cells costs. */
  if (g_getenv ("BENCH_CSS") != NULL)
    {
      g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();

      gtk_css_provider_load_from_data (provider, g_getenv ("BENCH_CSS"), -1);
      gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (provider),
                                                  GTK_STYLE_PROVIDER_PRIORITY_USER);
    }

  dir = g_dir_make_tmp ("trellis-bench-progress-grid-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "bench.trellis", NULL);
  classroom = trellis_sample_create (path, 30, &error);
  g_assert_no_error (error);
  playlist = add_playlist (classroom, &first);
  mark_half (classroom, playlist);

  bench.times = g_array_new (FALSE, FALSE, sizeof (double));
  bench.cpu_times = g_array_new (FALSE, FALSE, sizeof (double));

  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  grid = trellis_progress_grid_new ();
  gtk_window_set_child (GTK_WINDOW (window), grid);
  trellis_progress_grid_set_classroom (TRELLIS_PROGRESS_GRID (grid), classroom);
  start = g_get_monotonic_time ();
  trellis_progress_grid_set_playlist (TRELLIS_PROGRESS_GRID (grid), playlist);
  gtk_window_present (GTK_WINDOW (window));
  clock = gtk_widget_get_frame_clock (window);
  g_assert_nonnull (clock);
  g_signal_connect (clock, "before-paint", G_CALLBACK (on_before_paint_cb), &bench);
  g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint_cb), &bench);
  while (bench.times->len == 0)
    g_main_context_iteration (NULL, TRUE);
  g_print ("30 × 20 grid built and drawn in %.1f ms (%s, %s)\n", (g_get_monotonic_time () - start) / 1000.0,
           G_OBJECT_TYPE_NAME (gtk_native_get_renderer (GTK_NATIVE (window))),
           G_OBJECT_TYPE_NAME (gtk_widget_get_display (window)));

  learner = g_list_model_get_item (trellis_classroom_get_learners (classroom), 0);
  scroller = gtk_widget_get_ancestor (_trellis_progress_grid_get_cell (TRELLIS_PROGRESS_GRID (grid), learner, first),
                                      GTK_TYPE_SCROLLED_WINDOW);
  g_assert_nonnull (scroller);

  times = scroll (&bench, gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller)), passes, &cpu_times);
  bench_report ("progress grid, scrolling down and up", times);
  bench_report ("  CPU time (all threads)", cpu_times);
  g_array_unref (times);
  g_array_unref (cpu_times);

  times = scroll (&bench, gtk_scrolled_window_get_hadjustment (GTK_SCROLLED_WINDOW (scroller)), passes, &cpu_times);
  bench_report ("progress grid, scrolling right and left", times);
  bench_report ("  CPU time (all threads)", cpu_times);
  g_array_unref (times);
  g_array_unref (cpu_times);

  width = (int) gtk_adjustment_get_upper (gtk_scrolled_window_get_hadjustment (GTK_SCROLLED_WINDOW (scroller)));
  height = (int) gtk_adjustment_get_upper (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller)));
  g_signal_handlers_disconnect_by_data (clock, &bench);
  gtk_window_destroy (GTK_WINDOW (window));

  /* The floor: an empty scrolled area of the grid's size, in the same window. */
  {
    GtkWidget *area = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

    window = gtk_window_new ();
    gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
    scroller = gtk_scrolled_window_new ();
    gtk_widget_set_size_request (area, width, height);
    gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), area);
    gtk_window_set_child (GTK_WINDOW (window), scroller);
    gtk_window_present (GTK_WINDOW (window));
    g_array_set_size (bench.times, 0);
    g_array_set_size (bench.cpu_times, 0);
    clock = gtk_widget_get_frame_clock (window);
    g_signal_connect (clock, "before-paint", G_CALLBACK (on_before_paint_cb), &bench);
    g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint_cb), &bench);
    while (bench.times->len == 0)
      g_main_context_iteration (NULL, TRUE);

    times = scroll (&bench, gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller)), passes, &cpu_times);
    bench_report ("empty scrolled area of the same size (the display's floor)", times);
    bench_report ("  CPU time (all threads)", cpu_times);
    g_array_unref (times);
    g_array_unref (cpu_times);
    g_signal_handlers_disconnect_by_data (clock, &bench);
    gtk_window_destroy (GTK_WINDOW (window));
  }

  while (g_main_context_iteration (NULL, FALSE))
    ;

  g_array_unref (bench.times);
  g_array_unref (bench.cpu_times);
  g_clear_object (&classroom);
  g_unlink (path);
  g_rmdir (dir);

  return 0;
}

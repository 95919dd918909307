/* bench-dashboard-draw.c
 *
 * Copyright 2026 The Trellis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * How fast the class dashboard window draws while it is resized (issue 9:
 * "the view draws at 60 fps while resizing", so ≤ 16.7 ms a frame), on the
 * classroom of bench-dashboard: 40 learners × 60 skills × 20,000 evidence
 * rows.  Needs a display: run it under xvfb-run (software rendering, the
 * worst case).
 *
 * The window is shown, then its size steps through a resize drag (narrower
 * and shorter, then back, a few pixels a step); each step waits for the
 * frame that draws the new size.  A frame's time runs from the frame
 * clock's "before-paint" to its "after-paint": layout, snapshot and
 * rendering.  It prints the median, 95th percentile and maximum per frame
 * and the frames per second the median and the 95th percentile allow,
 * once with the learners' skill strips folded (as the window opens) and
 * once unfolded.
 *
 *   xvfb-run -a -s "-screen 0 1280x1024x24" build/benchmarks/bench-dashboard-draw [PASSES]
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <stdlib.h>

#include "trellis-classroom.h"
#include "trellis-dashboard-window.h"
#include "trellis-mastery.h"

#include "bench-dashboard-data.h"
#include "bench-frame-timing.h"

typedef struct
{
  int    width;
  int    height;
  double ms;
  double layout_ms;      /* of which layout (measure and allocate) */
  double cpu_ms;         /* CPU time of the process (all threads) */
} Frame;

typedef struct
{
  GtkWidget *window;
  int        dx, dy;     /* default size − the window widget's size (decorations) */
  BenchFrameStart paint_start;
  gint64     layout_end;
  GArray    *frames;     /* Frame, every frame painted */
  /* While waiting: the frames painted before, the size looked for, and
   * the index of the first frame of that size after them (or -1). */
  guint      since;
  int        width, height;
  int        found;
} Bench;

static GDateTime *
fixed_clock (gpointer user_data)
{
  return g_date_time_new_local (2026, 3, 2, 12, 0, 0);
}

static void
on_before_paint_cb (GdkFrameClock *clock,
                    Bench         *bench)
{
  bench_frame_start (&bench->paint_start);
}

/* Connected after GTK's own handler: the layout is done. */
static void
on_layout_cb (GdkFrameClock *clock,
              Bench         *bench)
{
  bench->layout_end = g_get_monotonic_time ();
}

static void
on_after_paint_cb (GdkFrameClock *clock,
                   Bench         *bench)
{
  Frame frame;

  gint64 start = bench->paint_start.wall_us;

  if (start == 0)
    return;

  frame.width = gtk_widget_get_width (bench->window);
  frame.height = gtk_widget_get_height (bench->window);
  frame.layout_ms = bench->layout_end > start ? (bench->layout_end - start) / 1000.0 : 0;
  bench_frame_elapsed (&bench->paint_start, &frame.ms, &frame.cpu_ms);
  g_array_append_val (bench->frames, frame);
}

static gboolean
frame_of_size_painted (gpointer data)
{
  Bench *bench = data;

  for (guint i = bench->since; i < bench->frames->len; i++)
    {
      const Frame *f = &g_array_index (bench->frames, Frame, i);

      if (f->width == bench->width && f->height == bench->height)
        {
          bench->found = (int) i;
          return TRUE;
        }
    }

  return FALSE;
}

/* Runs the main loop until a frame of @width × @height has been painted
 * after frame number @since; returns its index, or -1 after 2 s. */
static int
wait_for_frame (Bench *bench,
                guint  since,
                int    width,
                int    height)
{
  bench->since = since;
  bench->width = width;
  bench->height = height;
  bench->found = -1;
  if (!bench_iterate_until (frame_of_size_painted, bench))
    return -1;

  return bench->found;
}

/* One resize drag, @passes times: returns the times of the frames that
 * drew a new size, and their layout and CPU times. */
static GArray *
drag (Bench   *bench,
      guint    passes,
      GArray **layout_times,
      GArray **cpu_times)
{
  GArray *times = g_array_new (FALSE, FALSE, sizeof (double));

  *layout_times = g_array_new (FALSE, FALSE, sizeof (double));
  *cpu_times = g_array_new (FALSE, FALSE, sizeof (double));
  guint missed = 0;

  for (guint p = 0; p < passes; p++)
    {
      /* 1000 × 800 down to 640 × 500 (above the window's smallest size) and back. */
      for (int step = 0; step <= 120; step++)
        {
          int k = step <= 60 ? step : 120 - step;
          int width = 1000 - 6 * k;
          int height = 800 - 5 * k;
          guint since = bench->frames->len;
          int found;

          gtk_window_set_default_size (GTK_WINDOW (bench->window), width, height);
          found = wait_for_frame (bench, since, width - bench->dx, height - bench->dy);
          if (found < 0)
            {
              missed++;
              continue;
            }
          g_array_append_val (times, g_array_index (bench->frames, Frame, found).ms);
          g_array_append_val (*layout_times, g_array_index (bench->frames, Frame, found).layout_ms);
          g_array_append_val (*cpu_times, g_array_index (bench->frames, Frame, found).cpu_ms);
        }
    }

  if (missed > 0)
    g_printerr ("%u sizes were never drawn (the window manager refused them?)\n", missed);

  return times;
}

static GtkWidget *
find_expander (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_EXPANDER (child))
        return child;
      if ((found = find_expander (child)) != NULL)
        return found;
    }

  return NULL;
}

static void
free_times (GArray **times,
            GArray **layout_times,
            GArray **cpu_times)
{
  g_clear_pointer (times, g_array_unref);
  g_clear_pointer (layout_times, g_array_unref);
  g_clear_pointer (cpu_times, g_array_unref);
}

/* Shows @window at 1000 × 800, measures its frames; returns its frame clock. */
static GdkFrameClock *
open_window (Bench     *bench,
             GtkWidget *window)
{
  GdkFrameClock *clock;
  guint since = bench->frames->len;

  bench->window = window;
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 800);
  gtk_window_present (GTK_WINDOW (window));
  clock = gtk_widget_get_frame_clock (window);
  g_assert_nonnull (clock);
  g_signal_connect (clock, "before-paint", G_CALLBACK (on_before_paint_cb), bench);
  g_signal_connect (clock, "layout", G_CALLBACK (on_layout_cb), bench);
  g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint_cb), bench);
  while (bench->frames->len == since)
    g_main_context_iteration (NULL, TRUE);
  bench->dx = 1000 - gtk_widget_get_width (window);
  bench->dy = 800 - gtk_widget_get_height (window);

  return clock;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisClassroom) classroom = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  GArray *times, *layout_times, *cpu_times;
  int min_width = 0, min_height = 0;
  Bench bench = { 0 };
  GdkFrameClock *clock;
  GtkWidget *expander;
  guint passes = argc > 1 ? (guint) MAX (1, atoi (argv[1])) : 2;
  gint64 start;

  setlocale (LC_ALL, "");
  gtk_init ();
  adw_init ();
  /* Animations would add frames of their own. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  dir = g_dir_make_tmp ("trellis-bench-dashboard-draw-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "bench.trellis", NULL);
  classroom = trellis_classroom_create (path, "Benchmark", &error);
  g_assert_no_error (error);
  trellis_classroom_set_clock (classroom, fixed_clock, NULL);
  trellis_classroom_exec (classroom, "BEGIN", &error);
  g_assert_no_error (error);
  trellis_classroom_exec (classroom, bench_dashboard_sql, &error);
  g_assert_no_error (error);
  trellis_classroom_exec (classroom, "COMMIT", &error);
  g_assert_no_error (error);
  if (!trellis_mastery_refit (classroom, &error))
    g_error ("refit: %s", error->message);

  bench.frames = g_array_new (FALSE, FALSE, sizeof (Frame));

  start = g_get_monotonic_time ();
  clock = open_window (&bench, GTK_WIDGET (trellis_dashboard_window_new (NULL, classroom)));
  g_print ("dashboard open and drawn in %.1f ms (%s, %s)\n", (g_get_monotonic_time () - start) / 1000.0,
           G_OBJECT_TYPE_NAME (gtk_native_get_renderer (GTK_NATIVE (bench.window))),
           G_OBJECT_TYPE_NAME (gtk_widget_get_display (bench.window)));

  gtk_widget_measure (bench.window, GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL, NULL, NULL);
  gtk_widget_measure (bench.window, GTK_ORIENTATION_VERTICAL, min_width, &min_height, NULL, NULL, NULL);
  g_print ("smallest size: %d × %d\n", min_width + bench.dx, min_height + bench.dy);

  times = drag (&bench, passes, &layout_times, &cpu_times);
  bench_report ("dashboard, skill strips folded", times);
  bench_report ("  of which layout", layout_times);
  bench_report ("  CPU time (all threads)", cpu_times);
  free_times (&times, &layout_times, &cpu_times);

  expander = find_expander (bench.window);
  g_assert_nonnull (expander);
  gtk_expander_set_expanded (GTK_EXPANDER (expander), TRUE);
  times = drag (&bench, passes, &layout_times, &cpu_times);
  bench_report ("dashboard, skill strips unfolded", times);
  bench_report ("  of which layout", layout_times);
  bench_report ("  CPU time (all threads)", cpu_times);
  free_times (&times, &layout_times, &cpu_times);

  g_signal_handlers_disconnect_by_data (clock, &bench);
  gtk_window_destroy (GTK_WINDOW (bench.window));

  /* The floor: a window with a header bar and nothing else, on the same display. */
  {
    GtkWidget *window = adw_window_new ();
    GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

    gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
    gtk_box_append (GTK_BOX (box), adw_status_page_new ());
    adw_window_set_content (ADW_WINDOW (window), box);
    gtk_widget_set_size_request (window, 360, 360);
    g_array_set_size (bench.frames, 0);
    clock = open_window (&bench, window);
    times = drag (&bench, passes, &layout_times, &cpu_times);
    bench_report ("empty window (the display's floor)", times);
    bench_report ("  CPU time (all threads)", cpu_times);
    free_times (&times, &layout_times, &cpu_times);
    g_signal_handlers_disconnect_by_data (clock, &bench);
    gtk_window_destroy (GTK_WINDOW (window));
  }

  g_array_unref (bench.frames);
  g_clear_object (&classroom);
  g_unlink (path);
  g_rmdir (dir);

  return 0;
}

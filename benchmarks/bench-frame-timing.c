/* bench-frame-timing.c
 *
 * Copyright 2026 The Trellis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * What the drawing benchmarks share: a frame's time from the frame clock's
 * "before-paint" to its "after-paint", wall clock and process CPU time
 * (all threads, less sensitive to other load), waiting for a frame with a
 * time limit, and the figures printed for a series of frames.
 */

#include "config.h"

#include <stdlib.h>
#include <time.h>

#include "bench-frame-timing.h"

/* How long to wait for a frame before giving up on it. */
#define WAIT_MS 2000

static gint64
cpu_time_us (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return (gint64) ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

/* Notes that a frame starts now (from "before-paint"). */
void
bench_frame_start (BenchFrameStart *start)
{
  start->wall_us = g_get_monotonic_time ();
  start->cpu_us = cpu_time_us ();
}

/* The time since bench_frame_start(), in ms, and the CPU time; forgets
 * the start, so that a frame is counted once. */
void
bench_frame_elapsed (BenchFrameStart *start,
                     double          *ms,
                     double          *cpu_ms)
{
  *ms = (g_get_monotonic_time () - start->wall_us) / 1000.0;
  *cpu_ms = (cpu_time_us () - start->cpu_us) / 1000.0;
  start->wall_us = 0;
}

static gboolean
on_timeout_cb (gpointer data)
{
  gboolean *expired = data;

  *expired = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until @done (@data) is TRUE; FALSE if it is not
 * within 2 s. */
gboolean
bench_iterate_until (gboolean (*done) (gpointer data),
                     gpointer   data)
{
  gboolean expired = FALSE;
  guint timeout = g_timeout_add (WAIT_MS, on_timeout_cb, &expired);

  while (!done (data) && !expired)
    g_main_context_iteration (NULL, TRUE);

  if (!expired)
    g_source_remove (timeout);

  return !expired;
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* Prints the median, 95th percentile and maximum of @times (double, ms;
 * sorted in place) and the frames per second they allow. */
void
bench_report (const char *what,
              GArray     *times)
{
  double *t = (double *) (gpointer) times->data;
  double median, p95;

  if (times->len == 0)
    {
      g_print ("%s: no frames\n", what);
      return;
    }

  qsort (t, times->len, sizeof (double), compare_doubles);
  median = t[times->len / 2];
  p95 = t[MIN (times->len - 1, (guint) (times->len * 0.95))];
  g_print ("%s: %u frames, median %.2f ms (%.0f fps), 95th percentile %.2f ms (%.0f fps), max %.2f ms; "
           "%s the %.1f ms budget of 60 fps\n",
           what, times->len, median, 1000.0 / median, p95, 1000.0 / p95, t[times->len - 1],
           p95 <= BENCH_FRAME_BUDGET_MS ? "within" : "MISSES", BENCH_FRAME_BUDGET_MS);
}

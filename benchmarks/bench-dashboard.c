/* bench-dashboard.c
 *
 * Copyright 2026 The Trellis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * The whole class dashboard on 40 learners × 60 skills × 20,000 evidence
 * rows (issue 9: ≤ 20 ms), generated deterministically with SQL; mastery
 * states by trellis_mastery_refit().  Prints the median of the
 * computations and the figures.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <stdlib.h>

#include "trellis-classroom.h"
#include "trellis-dashboard.h"
#include "trellis-mastery.h"

#include "bench-dashboard-data.h"

#define N_RUNS 15

static GDateTime *
fixed_clock (gpointer user_data)
{
  return g_date_time_new_local (2026, 3, 2, 12, 0, 0);
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *)a, y = *(const double *)b;

  return (x > y) - (x < y);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisClassroom) classroom = NULL;
  g_autoptr(TrellisDashboard) d = NULL;
  g_autofree char *dir = g_dir_make_tmp ("trellis-bench-dashboard-XXXXXX", &error);
  g_autofree char *path = NULL;
  TrellisDashboardRange range = { TRELLIS_DASHBOARD_RANGE_UNIT, 0, NULL, FALSE };
  double times[N_RUNS];
  gint64 start;

  setlocale (LC_ALL, "");
  g_assert_no_error (error);
  path = g_build_filename (dir, "bench.trellis", NULL);
  classroom = trellis_classroom_create (path, "Benchmark", &error);
  g_assert_no_error (error);
  trellis_classroom_set_clock (classroom, fixed_clock, NULL);

  start = g_get_monotonic_time ();
  trellis_classroom_exec (classroom, "BEGIN", &error);
  g_assert_no_error (error);
  trellis_classroom_exec (classroom, bench_dashboard_sql, &error);
  g_assert_no_error (error);
  trellis_classroom_exec (classroom, "COMMIT", &error);
  g_assert_no_error (error);
  g_print ("generated %" G_GINT64_FORMAT " learners, %" G_GINT64_FORMAT " skills, %" G_GINT64_FORMAT
           " evidence rows in %.1f ms\n",
           trellis_classroom_count (classroom, "learners"), trellis_classroom_count (classroom, "skills"),
           trellis_classroom_count (classroom, "evidence"), (g_get_monotonic_time () - start) / 1000.0);

  start = g_get_monotonic_time ();
  if (!trellis_mastery_refit (classroom, &error))
    g_error ("refit: %s", error->message);
  g_print ("mastery refit: %.1f ms\n", (g_get_monotonic_time () - start) / 1000.0);

  for (guint r = 0; r < N_RUNS; r++)
    {
      g_clear_pointer (&d, trellis_dashboard_unref);
      start = g_get_monotonic_time ();
      d = trellis_dashboard_compute (classroom, &range, &error);
      times[r] = (g_get_monotonic_time () - start) / 1000.0;
      if (d == NULL)
        g_error ("dashboard: %s", error->message);
    }
  qsort (times, N_RUNS, sizeof times[0], compare_doubles);
  g_print ("dashboard (unit range, %u runs): median %.2f ms, min %.2f ms, max %.2f ms (target 20 ms)\n",
           N_RUNS, times[N_RUNS / 2], times[0], times[N_RUNS - 1]);

  g_print ("\n%s\n%s\n", d->range_caption, d->progress_caption);
  for (guint k = 0; k < 3; k++)
    {
      TrellisDashboardSkill *s = &g_array_index (d->skills, TrellisDashboardSkill, k);

      g_print ("  %s: %s | roll-up: %s\n", s->code, s->caption, s->rollup_caption);
    }
  g_print ("  … %u skills, %u learner strips\n", d->skills->len, d->learners->len);
  for (guint p = 0; p < d->playlists->len; p++)
    g_print ("%s\n  %s\n", g_array_index (d->playlists, TrellisDashboardPlaylist, p).caption,
             g_array_index (d->playlists, TrellisDashboardPlaylist, p).checkin_caption);
  g_print ("%s\n%s\n%s\n%s\n", d->agency_caption, d->goals.goals_caption,
           d->goals.conferences_caption, d->goals.reflections_caption);

  g_clear_object (&classroom);
  g_unlink (path);
  g_rmdir (dir);

  return 0;
}

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

#define N_RUNS 15

static GDateTime *
fixed_clock (gpointer user_data)
{
  return g_date_time_new_local (2026, 3, 2, 12, 0, 0);
}

/*
 * 40 learners, 60 skills, one unit holding all of them with 4 milestones,
 * 20,000 evidence rows (learner i mod 40, skill (i ÷ 40) mod 60, a hashed
 * outcome that leans right as i grows), a 4-item survey given 3 times,
 * goals, conferences and reflections.
 */
static const char bench_sql[] =
  "UPDATE classroom SET created_at = '2026-01-05T08:00:00Z';"
  "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 40)"
  " INSERT INTO learners (id, name, sis_id, created_at) SELECT i, 'Learner ' || i, 'S' || i, 'x' FROM n;"
  "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 60)"
  " INSERT INTO skills (id, code, name, position) SELECT i, 'SK.' || i, 'Skill ' || i, i FROM n;"
  "INSERT INTO playlists (id, title, starts_on, ends_on, uid, created_at)"
  " VALUES (1, 'Big unit', '2026-01-12', '2026-03-20', 'pl-1', 'x');"
  "INSERT INTO playlist_skills SELECT 1, id FROM skills;"
  "INSERT INTO nodes (id, playlist_id, position, kind, uid, title, target_date) VALUES"
  " (1, 1, 0, 'milestone', 'm1', 'Milestone 1', '2026-01-30'),"
  " (2, 1, 1, 'milestone', 'm2', 'Milestone 2', '2026-02-20'),"
  " (3, 1, 2, 'milestone', 'm3', 'Milestone 3', '2026-03-06'),"
  " (4, 1, 3, 'milestone', 'm4', 'Museum day', '2026-03-20');"
  "INSERT INTO progress (learner_id, node_id, status, checkin_on, updated_at)"
  " SELECT l.id, m.id, 'complete', m.target_date, 'x' FROM learners l, nodes m"
  " WHERE (l.id * 7 + m.id * 3) % 10 < 8 - m.id;"
  "WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 19999)"
  " INSERT INTO evidence (learner_id, skill_id, observed_at, kind, score, max_score)"
  " SELECT i % 40 + 1, (i / 40) % 60 + 1,"
  "  strftime ('%Y-%m-%dT%H:%M:%SZ', '2026-01-12', '+' || (i * 3) || ' minutes'),"
  "  CASE WHEN i % 5 = 0 THEN 'points' ELSE 'binary' END,"
  "  CASE WHEN i % 5 = 0 THEN (i * 2654435761) % 11"
  "       ELSE ((i * 2654435761) % 100 < 35 + (i / 400) + (i % 40)) END,"
  "  CASE WHEN i % 5 = 0 THEN 10 END"
  " FROM n;"
  "INSERT INTO surveys (id, title, created_on) VALUES (1, 'Agency', '2026-01-05');"
  "INSERT INTO survey_items (id, survey_id, position, prompt) VALUES"
  " (1, 1, 0, 'a'), (2, 1, 1, 'b'), (3, 1, 2, 'c'), (4, 1, 3, 'd');"
  "INSERT INTO survey_administrations (id, survey_id, administered_on) VALUES"
  " (1, 1, '2026-01-15'), (2, 1, '2026-02-05'), (3, 1, '2026-02-26');"
  "INSERT INTO survey_responses SELECT a.id, it.id, l.id, 1 + ((l.id * 3 + a.id * (l.id % 3) + it.id) % 7) / 2"
  " FROM survey_administrations a, survey_items it, learners l;"
  "INSERT INTO goals (learner_id, title, status, created_on, updated_on)"
  " SELECT id, 'Goal', CASE id % 4 WHEN 0 THEN 'met' WHEN 1 THEN 'revised' ELSE 'active' END,"
  " '2026-01-20', '2026-02-' || (10 + id % 15) FROM learners;"
  "INSERT INTO conferences (learner_id, held_on)"
  " SELECT id, '2026-02-' || (10 + id % 18) FROM learners WHERE id % 3 <> 0;"
  "INSERT INTO reflections (learner_id, written_on, text)"
  " SELECT id, '2026-02-' || (1 + id % 27), 'r' FROM learners;";

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
  trellis_classroom_exec (classroom, bench_sql, &error);
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

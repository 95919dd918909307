/* bench-recommend.c
 *
 * Copyright 2026 The Trellis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * bench-recommend [RUNS]
 *
 * Builds a classroom of 40 learners × 60 skills × a 60-node playlist ×
 * 20,000 evidence rows with SQL (deterministic: every value is a function
 * of the row number), fits mastery once, then prints the median time of
 * a full recompute of all suggestions (target ≤ 10 ms) and of the
 * incremental update after one evidence edit (target ≤ 2 ms), the latter
 * both for the recommender alone and with the mastery forward step.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "trellis-mastery.h"
#include "trellis-recommender.h"

#define N_LEARNERS 40
#define N_SKILLS   60
#define N_NODES    60
#define N_EVIDENCE 20000

static GDateTime *
bench_clock (gpointer user_data)
{
  return g_date_time_new_utc (2026, 3, 10, 12, 0, 0);
}

/* This thread's CPU time in µs: robust when the machine is loaded by other jobs. */
static gint64
cpu_time (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return (gint64) ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

static int
cmp_double (const void *a,
            const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median (double *v,
        guint   n)
{
  qsort (v, n, sizeof *v, cmp_double);
  return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

/*
 * The classroom.  Learner l has an ability, skill k a difficulty; an answer
 * is right when a fixed hash of the row number falls below their mix, so a
 * spread of low, middling and strong states appears.
 */
static const char generate_sql[] =
  "INSERT INTO learners (name, created_at) "
  "  WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 40) "
  "  SELECT printf ('Learner %02d', i), '2025-11-01T08:00:00Z' FROM n;"
  "INSERT INTO skills (code, name, position) "
  "  WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 60) "
  "  SELECT printf ('SK.%02d', i), printf ('Skill %02d', i), i FROM n;"
  /* Each skill after the first ten has the skill ten before it as a prerequisite. */
  "INSERT INTO skill_prerequisites (skill_id, prerequisite_id) SELECT id, id - 10 FROM skills WHERE id > 10;"
  "INSERT INTO playlists (title, uid, starts_on, ends_on, created_at) "
  "  VALUES ('Big unit', 'pl-bench', '2026-02-01', '2026-04-30', '2025-11-01T08:00:00Z');"
  /* 60 nodes: every sixth a milestone (target dates around today), every fourth a pair or group activity. */
  "INSERT INTO nodes (playlist_id, kind, uid, title, estimated_minutes, social_mode, position, "
  "  suggested_date, target_date, is_challenge) "
  "  WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 60) "
  "  SELECT 1, CASE WHEN i % 6 = 0 THEN 'milestone' ELSE 'activity' END, printf ('n-%02d', i), "
  "    printf ('Node %02d', i), 20 + (i * 37) % 90, "
  "    CASE WHEN i % 6 = 0 THEN 'solo' WHEN i % 4 = 0 THEN 'pair' WHEN i % 4 = 1 THEN 'group' ELSE 'solo' END, i, "
  "    CASE WHEN i % 6 = 0 THEN NULL ELSE date ('2026-02-01', printf ('+%d days', i)) END, "
  "    CASE WHEN i % 6 = 0 THEN date ('2026-02-01', printf ('+%d days', i * 6 / 5)) ELSE NULL END, "
  "    i = 59 FROM n;"
  "INSERT INTO node_skills (node_id, skill_id) SELECT id, id FROM nodes;"
  "INSERT INTO node_skills (node_id, skill_id) SELECT id, 1 + (id * 7) % 60 FROM nodes WHERE 1 + (id * 7) % 60 <> id;"
  /* Progress: learner l has finished the first 20 + (l * 3) % 30 nodes; check-ins for most. */
  "INSERT INTO progress (learner_id, node_id, status, checkin_on, updated_at) "
  "  SELECT l.id, n.id, CASE WHEN n.position <= 20 + (l.id * 3) % 30 THEN 'complete' "
  "    WHEN n.position % 13 = l.id % 13 THEN 'needs_revision' ELSE 'in_progress' END, "
  "    CASE WHEN n.kind = 'milestone' AND n.position <= 20 + (l.id * 3) % 30 AND l.id % 7 <> 0 "
  "      THEN n.target_date ELSE NULL END, '2026-03-01T10:00:00Z' "
  "  FROM learners l, nodes n WHERE n.position <= 24 + (l.id * 3) % 30;"
  "INSERT INTO conferences (learner_id, held_on) "
  "  SELECT id, date ('2026-03-09', printf ('-%d days', (id * 11) % 50)) FROM learners WHERE id % 9 <> 0;"
  "INSERT INTO profile_entries (learner_id, kind, text, revisited_on, created_at) "
  "  SELECT id, 'interest', 'Something', date ('2026-03-09', printf ('-%d days', (id * 13) % 70)), "
  "    '2025-11-01T08:00:00Z' FROM learners;"
  "INSERT INTO goals (learner_id, title, target_date, status, created_on, updated_on) "
  "  SELECT id, 'A goal', date ('2026-03-10', printf ('%+d days', (id * 5) % 30 - 10)), 'active', "
  "    '2026-01-10', '2026-01-10' FROM learners;"
  /* 20,000 evidence rows, binary, in time order. */
  "INSERT INTO evidence (learner_id, skill_id, observed_at, kind, score) "
  "  WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 19999) "
  "  SELECT 1 + i % 40, 1 + (i / 40) % 60, "
  "    strftime ('%Y-%m-%dT%H:%M:%SZ', '2026-02-02T08:00:00Z', printf ('+%d minutes', i * 3)), 'binary', "
  "    CASE WHEN ((i * 2654435761) % 1000) / 1000.0 < "
  "      0.15 + 0.8 * (((1 + i % 40) * 37) % 100) / 100.0 * (1.0 - 0.5 * (((1 + (i / 40) % 60) * 53) % 100) / 100.0) "
  "      + 0.02 * (i / 2400) "
  "    THEN 1 ELSE 0 END FROM n;";

int
main (int   argc,
      char *argv[])
{
  g_autoptr(TrellisClassroom) classroom = NULL;
  g_autoptr(TrellisRecommender) recommender = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree double *full = NULL;
  g_autofree double *incremental = NULL;
  g_autofree double *with_mastery = NULL;
  g_autofree double *full_cpu = NULL;
  g_autofree double *incremental_cpu = NULL;
  guint runs = argc > 1 ? (guint) atoi (argv[1]) : 50;
  guint n_suggestions;
  gint64 t0;

  if (runs == 0)
    runs = 50;

  dir = g_dir_make_tmp ("bench-recommend-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "bench.trellis", NULL);
  classroom = trellis_classroom_create (path, "Benchmark", &error);
  g_assert_no_error (error);
  trellis_classroom_set_clock (classroom, bench_clock, NULL);

  t0 = g_get_monotonic_time ();
  g_assert_true (trellis_classroom_exec (classroom, "BEGIN", &error));
  g_assert_true (trellis_classroom_exec (classroom, generate_sql, &error));
  g_assert_true (trellis_classroom_exec (classroom, "COMMIT", &error));
  g_assert_no_error (error);
  g_assert_true (trellis_mastery_refit (classroom, &error));
  g_assert_no_error (error);
  printf ("classroom: %" G_GINT64_FORMAT " learners × %" G_GINT64_FORMAT " skills × %d nodes × %" G_GINT64_FORMAT
          " evidence rows (generated and fitted in %.0f ms)\n",
          trellis_classroom_count (classroom, "learners"), trellis_classroom_count (classroom, "skills"),
          N_NODES, trellis_classroom_count (classroom, "evidence"),
          (g_get_monotonic_time () - t0) / 1000.0);

  recommender = trellis_recommender_new (classroom);
  full = g_new (double, runs);
  incremental = g_new (double, runs);
  with_mastery = g_new (double, runs);
  full_cpu = g_new (double, runs);
  incremental_cpu = g_new (double, runs);

  /* Full recompute. */
  for (guint i = 0; i < runs; i++)
    {
      gint64 c0 = cpu_time ();

      t0 = g_get_monotonic_time ();
      g_assert_true (trellis_recommender_refresh (recommender, &error));
      full[i] = (g_get_monotonic_time () - t0) / 1000.0;
      full_cpu[i] = (cpu_time () - c0) / 1000.0;
    }
  n_suggestions = trellis_recommender_get_suggestions (recommender)->len;

  /* One evidence edit: the mastery forward step, then the recommender's update. */
  for (guint i = 0; i < runs; i++)
    {
      gint64 learner = 1 + (i * 7) % N_LEARNERS;
      gint64 skill = 1 + (i * 13) % N_SKILLS;
      gint64 t1, c1;

      t0 = g_get_monotonic_time ();
      g_assert_cmpint (trellis_mastery_add_evidence (classroom, learner, skill, TRELLIS_BKT_EVIDENCE_BINARY,
                                                     i % 2, 0, "2026-03-10", &error), >, 0);
      t1 = g_get_monotonic_time ();
      c1 = cpu_time ();
      g_assert_true (trellis_recommender_evidence_changed (recommender, learner, skill, &error));
      g_assert_no_error (error);
      incremental[i] = (g_get_monotonic_time () - t1) / 1000.0;
      incremental_cpu[i] = (cpu_time () - c1) / 1000.0;
      with_mastery[i] = (g_get_monotonic_time () - t0) / 1000.0;
    }

  printf ("suggestions: %u\n", n_suggestions);
  printf ("full recompute:        median %.2f ms wall, %.2f ms CPU (target ≤ 10 ms), %u runs\n",
          median (full, runs), median (full_cpu, runs), runs);
  printf ("incremental update:    median %.3f ms wall, %.3f ms CPU (target ≤ 2 ms), %u runs\n",
          median (incremental, runs), median (incremental_cpu, runs), runs);
  printf ("  with mastery update: median %.3f ms (add_evidence + evidence_changed)\n", median (with_mastery, runs));

  g_clear_object (&recommender);
  g_clear_object (&classroom);
  g_unlink (path);
  g_rmdir (dir);

  return 0;
}

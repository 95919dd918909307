/* bench-import.c
 *
 * Copyright 2026 The Trellis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "trellis-import.h"

/*
 * Imports a generated Canvas gradebook of 600 learners × 80 assignments
 * into a fresh classroom five times and prints the median (target ≤ 0.5 s).
 */

#define N_LEARNERS 600
#define N_ITEMS 80
#define N_RUNS 5

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *)a, y = *(const double *)b;

  return (x > y) - (x < y);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("bench-import-XXXXXX", &error);
  g_autofree char *csv_path = g_build_filename (dir, "gradebook.csv", NULL);
  g_autoptr(GString) csv = g_string_new ("Student,ID,SIS User ID,SIS Login ID,Section");
  g_autoptr(GRand) rand = g_rand_new_with_seed (8);
  double times[N_RUNS];

  g_assert_no_error (error);

  for (guint j = 0; j < N_ITEMS; j++)
    g_string_append_printf (csv, ",Assignment %u (%u)", j + 1, 5000 + j);
  g_string_append (csv, ",Current Score,Final Score,Current Grade\n    Points Possible,,,,");
  for (guint j = 0; j < N_ITEMS; j++)
    g_string_append (csv, ",10.00");
  g_string_append (csv, ",(read only),(read only),(read only)\n");
  for (guint i = 0; i < N_LEARNERS; i++)
    {
      g_string_append_printf (csv, "\"Learner%u, Given\",%u,S-%05u,login%u,Period %u", i, 40000 + i, i, i, i % 5);
      for (guint j = 0; j < N_ITEMS; j++)
        {
          int r = g_rand_int_range (rand, 0, 20);

          if (r == 0)
            g_string_append (csv, ",EX");
          else if (r == 1)
            g_string_append (csv, ",");
          else
            g_string_append_printf (csv, ",%d.%02d", g_rand_int_range (rand, 0, 10), g_rand_int_range (rand, 0, 100));
        }
      g_string_append (csv, ",85.00,85.00,B\n");
    }
  g_file_set_contents (csv_path, csv->str, (gssize)csv->len, &error);
  g_assert_no_error (error);

  for (guint run = 0; run < N_RUNS; run++)
    {
      g_autofree char *path = g_strdup_printf ("%s/class-%u.trellis", dir, run);
      g_autoptr(TrellisClassroom) classroom = trellis_classroom_create (path, "Bench", &error);
      g_autoptr(TrellisImportReport) report = NULL;
      gint64 start;

      g_assert_no_error (error);
      /* The classroom knows its learners (by SIS id), as after a roster import. */
      trellis_classroom_exec (classroom,
                              "WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 599)"
                              " INSERT INTO learners (name, sis_id, created_at)"
                              " SELECT 'Learner ' || i, printf ('S-%05d', i), '2026-01-01T00:00:00Z' FROM n",
                              &error);
      g_assert_no_error (error);

      start = g_get_monotonic_time ();
      report = trellis_import (classroom, csv_path, TRELLIS_IMPORT_FORMAT_AUTO, NULL, TRELLIS_IMPORT_FLAGS_NONE, &error);
      times[run] = (g_get_monotonic_time () - start) / 1e6;
      g_assert_no_error (error);
      g_assert_cmpuint (report->learners_matched, ==, N_LEARNERS);
      g_assert_cmpuint (report->items_created, ==, N_ITEMS);
      g_unlink (path);
    }

  qsort (times, N_RUNS, sizeof times[0], (GCompareFunc)compare_doubles);
  g_print ("import %u learners x %u assignments (%.0f KB Canvas CSV): median %.3f s (min %.3f, max %.3f) target <= 0.5 s\n",
           N_LEARNERS, N_ITEMS, csv->len / 1024.0, times[N_RUNS / 2], times[0], times[N_RUNS - 1]);

  g_unlink (csv_path);
  g_rmdir (dir);

  return times[N_RUNS / 2] <= 0.5 ? 0 : 1;
}

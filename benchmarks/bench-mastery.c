/* bench-mastery.c
 *
 * Copyright 2026 The Trellis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * bench-mastery [SHARED_DIR]
 *
 * Fits the mastery engine on the benchmark data in SHARED_DIR/data/mastery
 * (see ORIGIN.md there) and prints, per data set and model: rows, fit wall
 * time (median of 5), rows × EM iterations per second, test AUC (ties
 * averaged) and RMSE, parameter recovery on the synthetic sets; then a
 * classroom-sized refit and one online update.  Peak memory is that of this
 * process (measure `trellis-cli mastery fit` with /usr/bin/time -v).
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

#include "trellis-bkt.h"
#include "trellis-mastery-csv.h"

#define N_RUNS 5

#ifndef BENCH_SHARED_DIR
#define BENCH_SHARED_DIR "../shared"
#endif

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

static double
peak_rss_mb (void)
{
  struct rusage ru;

  getrusage (RUSAGE_SELF, &ru);
  return ru.ru_maxrss / 1024.0;
}

static TrellisMasteryLog *
load (const char *dir,
      const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;
  TrellisMasteryLog *log = trellis_mastery_log_load (path, &error);

  if (log == NULL)
    g_printerr ("bench-mastery: %s\n", error->message);
  return log;
}

/* Test rows' skills in the training log's index space (unknown: pooled). */
static guint32 *
map_skills (TrellisMasteryLog *train,
            TrellisMasteryLog *test)
{
  guint32 *sk = g_new (guint32, test->n_rows);

  for (gsize i = 0; i < test->n_rows; i++)
    {
      gpointer v = g_hash_table_lookup (train->skill_index,
                                        g_ptr_array_index (test->skill_names, test->skill[i]));

      sk[i] = v != NULL ? GPOINTER_TO_UINT (v) - 1 : train->skill_names->len + test->skill[i];
    }
  return sk;
}

static TrellisBktModel *
timed_fit (TrellisMasteryLog       *train,
           const TrellisBktOptions *options,
           double                  *out_ms,
           double                  *out_rate)
{
  double t[N_RUNS];
  TrellisBktModel *model = NULL;
  double work = 0.0;

  for (guint r = 0; r < N_RUNS; r++)
    {
      gint64 t0;

      trellis_bkt_model_free (model);
      t0 = g_get_monotonic_time ();
      model = trellis_bkt_fit (train->skill, train->learner, train->correct, train->n_rows,
                               train->skill_names->len, options, NULL);
      t[r] = (g_get_monotonic_time () - t0) / 1000.0;
    }
  for (guint s = 0; s < train->skill_names->len; s++)
    {
      const TrellisBktSkillFit *f = trellis_bkt_model_get_skill (model, s);

      work += (double) f->n_evidence * f->iterations;
    }
  *out_ms = median (t, N_RUNS);
  *out_rate = work / (*out_ms / 1000.0);
  return model;
}

static void
bench_split (const char *dir,
             const char *label,
             const char *train_name,
             const char *test_name)
{
  const TrellisBktVariant variants[] = {
    TRELLIS_BKT_VARIANT_BKT, TRELLIS_BKT_VARIANT_FORGETS, TRELLIS_BKT_VARIANT_BEST,
  };
  g_autoptr(TrellisMasteryLog) train = load (dir, train_name);
  g_autoptr(TrellisMasteryLog) test = load (dir, test_name);
  g_autofree guint32 *sk = NULL;
  g_autofree double *p = NULL;

  if (train == NULL || test == NULL)
    return;
  sk = map_skills (train, test);
  p = g_new (double, test->n_rows);

  for (guint v = 0; v < G_N_ELEMENTS (variants); v++)
    {
      TrellisBktOptions options;
      TrellisBktModel *model;
      double ms, rate;

      trellis_bkt_options_init (&options);
      trellis_bkt_options_set_variant (&options, variants[v]);
      model = timed_fit (train, &options, &ms, &rate);
      trellis_bkt_model_predict (model, sk, test->learner, test->correct, test->n_rows, p);
      printf ("%-10s %-8s train %7" G_GSIZE_FORMAT " rows  fit %8.1f ms  %7.1f M rows×it/s  "
              "test %6" G_GSIZE_FORMAT " rows  AUC %.4f  RMSE %.4f  peak %5.1f MB\n",
              label, trellis_bkt_variant_to_string (variants[v]), train->n_rows, ms, rate / 1e6,
              test->n_rows, trellis_bkt_auc (p, test->correct, test->n_rows),
              trellis_bkt_rmse (p, test->correct, test->n_rows), peak_rss_mb ());
      trellis_bkt_model_free (model);
    }
}

/* Recovery of known parameters: MAE per parameter over the skills. */
typedef struct
{
  double   err[4];   /* prior, learn, guess, slip */
  double   mae;
  guint    swapped;
  guint    out_of_bounds;
} Recovery;

static void
recovery_of (TrellisBktModel         *model,
             const TrellisBktParams  *truth,
             guint                    n_skills,
             const TrellisBktOptions *options,
             Recovery                *r)
{
  memset (r, 0, sizeof *r);
  for (guint s = 0; s < n_skills; s++)
    {
      const TrellisBktSkillFit *f = trellis_bkt_model_get_skill (model, s);
      gboolean large = options->large_evidence > 0 && f->n_evidence >= options->large_evidence;
      double max_guess = large ? MAX (options->max_guess, options->large_max_guess) : options->max_guess;
      double max_slip = large ? MAX (options->max_slip, options->large_max_guess) : options->max_slip;

      r->err[0] += fabs (f->params.prior - truth[s].prior) / n_skills;
      r->err[1] += fabs (f->params.learn - truth[s].learn) / n_skills;
      r->err[2] += fabs (f->params.guess - truth[s].guess) / n_skills;
      r->err[3] += fabs (f->params.slip - truth[s].slip) / n_skills;
      r->swapped += f->label_swapped || f->params.guess > 1 - f->params.slip;
      r->out_of_bounds += !trellis_bkt_params_valid (&f->params) ||
                          f->params.guess > max_guess || f->params.slip > max_slip;
    }
  r->mae = (r->err[0] + r->err[1] + r->err[2] + r->err[3]) / 4;
}

static void
bench_recovery (const char *dir,
                const char *base)
{
  g_autofree char *csv = g_strdup_printf ("synthetic/%s.csv", base);
  g_autofree char *json = g_strdup_printf ("%s/synthetic/%s_params.json", dir, base);
  g_autoptr(TrellisMasteryLog) log = load (dir, csv);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree double *p = NULL;
  g_autofree TrellisBktParams *truth = NULL;
  JsonObject *skills;

  if (log == NULL || !json_parser_load_from_file (parser, json, NULL))
    return;
  skills = json_object_get_object_member (json_node_get_object (json_parser_get_root (parser)), "skills");
  truth = g_new0 (TrellisBktParams, log->skill_names->len);
  for (guint s = 0; s < log->skill_names->len; s++)
    {
      JsonObject *t = json_object_get_object_member (skills, g_ptr_array_index (log->skill_names, s));

      truth[s].prior = json_object_get_double_member (t, "prior");
      truth[s].learn = json_object_get_double_member (t, "learn");
      truth[s].guess = json_object_get_double_member (t, "guess");
      truth[s].slip = json_object_get_double_member (t, "slip");
    }
  p = g_new (double, log->n_rows);

  /* Plain BKT as the reference fits it, then with the class priors. */
  for (guint class_priors = 0; class_priors <= 1; class_priors++)
    {
      TrellisBktOptions options;
      TrellisBktModel *model;
      Recovery r;
      double ms, rate;

      trellis_bkt_options_init (&options);
      trellis_bkt_options_set_variant (&options, TRELLIS_BKT_VARIANT_BKT);
      options.class_priors = class_priors;
      model = timed_fit (log, &options, &ms, &rate);
      recovery_of (model, truth, log->skill_names->len, &options, &r);
      trellis_bkt_model_predict (model, log->skill, log->learner, log->correct, log->n_rows, p);
      printf ("%-16s bkt%s  %6" G_GSIZE_FORMAT " rows  fit %6.1f ms  %6.1f M rows×it/s  in-sample AUC %.4f  "
              "recovery MAE %.5f (prior %.4f learn %.4f guess %.4f slip %.4f)  swaps %u  out of bounds %u\n",
              base, class_priors ? " + class priors" : "", log->n_rows, ms, rate / 1e6,
              trellis_bkt_auc (p, log->correct, log->n_rows), r.mae,
              r.err[0], r.err[1], r.err[2], r.err[3], r.swapped, r.out_of_bounds);
      trellis_bkt_model_free (model);
    }
}

/*
 * One published synthetic set is one draw: its figures carry that draw's
 * luck.  Expected recovery: many classes generated as ORIGIN.md describes
 * (parameters uniform in prior 0.1–0.6, learn 0.05–0.3, guess 0.05–0.3,
 * slip 0.05–0.2; each learner practises a skill with probability
 * @coverage, @min_len … @max_len answers), fitted without and with the
 * class priors; mean MAE over the classes.
 */
static void
bench_recovery_generated (guint  n_learners,
                          guint  n_skills,
                          double coverage,
                          guint  min_len,
                          guint  max_len,
                          guint  n_classes)
{
  double sum[2] = { 0, }, err[2][4] = { { 0, } };
  guint better = 0, swapped = 0, out_of_bounds = 0;

  for (guint c = 0; c < n_classes; c++)
    {
      g_autoptr(GArray) skill = g_array_new (FALSE, FALSE, sizeof (guint32));
      g_autoptr(GArray) learner = g_array_new (FALSE, FALSE, sizeof (guint32));
      g_autoptr(GArray) correct = g_array_new (FALSE, FALSE, sizeof (guint8));
      g_autofree TrellisBktParams *truth = g_new0 (TrellisBktParams, n_skills);
      GRand *rand = g_rand_new_with_seed (1000 + c);
      double mae[2];

      for (guint s = 0; s < n_skills; s++)
        {
          truth[s].prior = g_rand_double_range (rand, 0.1, 0.6);
          truth[s].learn = g_rand_double_range (rand, 0.05, 0.3);
          truth[s].guess = g_rand_double_range (rand, 0.05, 0.3);
          truth[s].slip = g_rand_double_range (rand, 0.05, 0.2);
        }
      for (guint32 l = 0; l < n_learners; l++)
        for (guint32 s = 0; s < n_skills; s++)
          {
            gboolean known = g_rand_double (rand) < truth[s].prior;
            guint len = g_rand_int_range (rand, min_len, max_len + 1);

            if (coverage < 1.0 && g_rand_double (rand) >= coverage)
              continue;
            for (guint t = 0; t < len; t++)
              {
                guint8 right = known ? g_rand_double (rand) >= truth[s].slip
                                     : g_rand_double (rand) < truth[s].guess;

                g_array_append_val (skill, s);
                g_array_append_val (learner, l);
                g_array_append_val (correct, right);
                if (!known)
                  known = g_rand_double (rand) < truth[s].learn;
              }
          }
      g_rand_free (rand);

      for (guint class_priors = 0; class_priors <= 1; class_priors++)
        {
          TrellisBktOptions options;
          TrellisBktModel *model;
          Recovery r;

          trellis_bkt_options_init (&options);
          trellis_bkt_options_set_variant (&options, TRELLIS_BKT_VARIANT_BKT);
          options.class_priors = class_priors;
          model = trellis_bkt_fit ((guint32 *) skill->data, (guint32 *) learner->data,
                                   (guint8 *) correct->data, skill->len, n_skills, &options, NULL);
          recovery_of (model, truth, n_skills, &options, &r);
          mae[class_priors] = r.mae;
          sum[class_priors] += r.mae;
          for (guint k = 0; k < 4; k++)
            err[class_priors][k] += r.err[k];
          swapped += r.swapped;
          out_of_bounds += r.out_of_bounds;
          trellis_bkt_model_free (model);
        }
      better += mae[1] < mae[0];
    }

  for (guint class_priors = 0; class_priors <= 1; class_priors++)
    printf ("generated %3u×%-2u ×%u classes  bkt%-16s  mean recovery MAE %.5f "
            "(prior %.4f learn %.4f guess %.4f slip %.4f)\n",
            n_learners, n_skills, n_classes, class_priors ? " + class priors" : "",
            sum[class_priors] / n_classes, err[class_priors][0] / n_classes,
            err[class_priors][1] / n_classes, err[class_priors][2] / n_classes,
            err[class_priors][3] / n_classes);
  printf ("generated %3u×%-2u   class priors better in %u of %u classes; swaps %u, out of bounds %u\n",
          n_learners, n_skills, better, n_classes, swapped, out_of_bounds);
}

/* A classroom: 30 learners × 40 skills, 2,000 evidence rows. */
static void
bench_classroom (void)
{
  enum { N = 2000, LEARNERS = 30, SKILLS = 40 };
  guint32 skill[N], learner[N];
  guint8 correct[N];
  GRand *rand = g_rand_new_with_seed (1);
  TrellisBktOptions options;
  TrellisBktModel *model = NULL;
  TrellisBktState state;
  TrellisBktLearnerState ls;
  double t[N_RUNS * 4];
  volatile double sink = 0;
  const guint n_updates = 1000000;
  gint64 t0;

  for (guint i = 0; i < N; i++)
    {
      skill[i] = g_rand_int_range (rand, 0, SKILLS);
      learner[i] = g_rand_int_range (rand, 0, LEARNERS);
      correct[i] = g_rand_double (rand) < 0.3 + 0.5 * i / N;
    }
  g_rand_free (rand);

  trellis_bkt_options_init (&options);
  for (guint r = 0; r < G_N_ELEMENTS (t); r++)
    {
      trellis_bkt_model_free (model);
      t0 = g_get_monotonic_time ();
      model = trellis_bkt_fit (skill, learner, correct, N, SKILLS, &options, NULL);
      t[r] = (g_get_monotonic_time () - t0) / 1000.0;
    }

  trellis_bkt_state_init (&state, trellis_bkt_model_params_for (model, 0));
  trellis_bkt_learner_state_init (&ls);
  t0 = g_get_monotonic_time ();
  for (guint i = 0; i < n_updates; i++)
    {
      trellis_bkt_model_update (model, i % SKILLS, &state, &ls, (i * 7) % 3 != 0);
      sink += trellis_bkt_model_p_correct (model, i % SKILLS, &state, &ls);
    }
  printf ("classroom 30×40×2000 refit (best, 5 restarts): %.2f ms (median of %u)\n",
          median (t, G_N_ELEMENTS (t)), (guint) G_N_ELEMENTS (t));
  printf ("online update + prediction: %.3f µs\n",
          (g_get_monotonic_time () - t0) / (double) n_updates);
  (void) sink;
  trellis_bkt_model_free (model);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = NULL;

  if (argc > 2 || (argc == 2 && argv[1][0] == '-'))
    {
      g_printerr ("Usage: bench-mastery [SHARED_DIR]\n");
      return 2;
    }
  dir = g_build_filename (argc == 2 ? argv[1] : BENCH_SHARED_DIR, "data", "mastery", NULL);
  if (!g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      g_printerr ("bench-mastery: %s: no such directory\n", dir);
      return 1;
    }

  printf ("data: %s   (%u cores)\n", dir, g_get_num_processors ());
  bench_split (dir, "assist09", "assist09_train.csv", "assist09_test.csv");
  bench_split (dir, "ct", "ct_train.csv", "ct_test.csv");
  bench_recovery (dir, "syn_s1_500x10");
  bench_recovery (dir, "syn_s2_60x5");
  bench_recovery_generated (500, 10, 0.8, 3, 20, 40);
  bench_recovery_generated (60, 5, 1.0, 4, 12, 100);
  bench_recovery_generated (25, 8, 1.0, 3, 10, 100);
  bench_classroom ();
  printf ("peak RSS of this process: %.1f MB\n", peak_rss_mb ());

  return 0;
}

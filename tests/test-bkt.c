/* test-bkt.c
 *
 * Copyright 2026 The Trellis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "trellis-bkt.h"
#include "trellis-mastery-csv.h"

/* ---------------------------------------------------------------------- */
/* Simulated classes                                                       */

typedef struct
{
  GArray *skill;
  GArray *learner;
  GArray *correct;
} Rows;

static void
rows_init (Rows *r)
{
  r->skill = g_array_new (FALSE, FALSE, sizeof (guint32));
  r->learner = g_array_new (FALSE, FALSE, sizeof (guint32));
  r->correct = g_array_new (FALSE, FALSE, sizeof (guint8));
}

static void
rows_clear (Rows *r)
{
  g_array_unref (r->skill);
  g_array_unref (r->learner);
  g_array_unref (r->correct);
}

static void
rows_add (Rows    *r,
          guint32  skill,
          guint32  learner,
          guint8   correct)
{
  g_array_append_val (r->skill, skill);
  g_array_append_val (r->learner, learner);
  g_array_append_val (r->correct, correct);
}

#define ROWS_ARGS(r) (guint32 *) (r)->skill->data, (guint32 *) (r)->learner->data, \
                     (guint8 *) (r)->correct->data, (r)->skill->len

/* BKT simulator: each learner practises each skill @len times, skill after skill. */
static void
simulate (Rows                   *r,
          const TrellisBktParams *params,
          guint                   n_skills,
          guint                   n_learners,
          guint                   len,
          guint32                 seed)
{
  GRand *rand = g_rand_new_with_seed (seed);

  for (guint l = 0; l < n_learners; l++)
    for (guint s = 0; s < n_skills; s++)
      {
        const TrellisBktParams *p = &params[s];
        gboolean known = g_rand_double (rand) < p->prior;

        for (guint t = 0; t < len; t++)
          {
            gboolean right = known ? g_rand_double (rand) >= p->slip
                                   : g_rand_double (rand) < p->guess;

            rows_add (r, s, l, right);
            if (known)
              known = g_rand_double (rand) >= p->forget;
            else
              known = g_rand_double (rand) < p->learn;
          }
      }
  g_rand_free (rand);
}

static void
assert_prob (double p)
{
  g_assert_true (isfinite (p));
  g_assert_cmpfloat (p, >=, 0.0);
  g_assert_cmpfloat (p, <=, 1.0);
}

static void
assert_model_sane (TrellisBktModel *model,
                   const guint32   *skill,
                   const guint32   *learner,
                   const guint8    *correct,
                   gsize            n)
{
  g_autofree double *p = g_new0 (double, MAX (n, 1));

  for (guint s = 0; s < trellis_bkt_model_get_n_skills (model); s++)
    {
      const TrellisBktSkillFit *fit = trellis_bkt_model_get_skill (model, s);

      g_assert_true (trellis_bkt_params_valid (&fit->params));
      g_assert_cmpfloat (fit->params.guess, <=, 1.0 - fit->params.slip);
    }
  g_assert_true (trellis_bkt_params_valid (trellis_bkt_model_get_pooled (model)));

  trellis_bkt_model_predict (model, skill, learner, correct, n, p);
  for (gsize i = 0; i < n; i++)
    assert_prob (p[i]);
}

/* ---------------------------------------------------------------------- */

static void
test_recovery (void)
{
  const TrellisBktParams truth[2] = {
    { .prior = 0.3, .learn = 0.2, .guess = 0.15, .slip = 0.1, .forget = 0.0 },
    { .prior = 0.5, .learn = 0.1, .guess = 0.25, .slip = 0.05, .forget = 0.0 },
  };
  TrellisBktOptions options;
  TrellisBktModel *model;
  g_autoptr(GError) error = NULL;
  Rows r;
  double mae = 0.0;

  rows_init (&r);
  simulate (&r, truth, 2, 400, 12, 7);

  trellis_bkt_options_init (&options);
  trellis_bkt_options_set_variant (&options, TRELLIS_BKT_VARIANT_BKT);
  model = trellis_bkt_fit (ROWS_ARGS (&r), 2, &options, &error);
  g_assert_no_error (error);

  for (guint s = 0; s < 2; s++)
    {
      const TrellisBktSkillFit *fit = trellis_bkt_model_get_skill (model, s);

      g_assert_false (fit->pooled);
      g_assert_cmpuint (fit->n_evidence, ==, 400 * 12);
      g_assert_cmpuint (fit->n_learners, ==, 400);
      mae += fabs (fit->params.prior - truth[s].prior) +
             fabs (fit->params.learn - truth[s].learn) +
             fabs (fit->params.guess - truth[s].guess) +
             fabs (fit->params.slip - truth[s].slip);
      g_assert_cmpfloat (fit->params.forget, ==, 0.0);
    }
  mae /= 8;
  g_test_message ("recovery MAE %.4f", mae);
  g_assert_cmpfloat (mae, <=, 0.04);

  trellis_bkt_model_free (model);
  rows_clear (&r);
}

static void
test_recovery_single_skill (void)
{
  const TrellisBktParams truth = { .prior = 0.4, .learn = 0.15, .guess = 0.2, .slip = 0.1 };
  TrellisBktSkillFit fit;
  g_autoptr(GError) error = NULL;
  Rows r;

  rows_init (&r);
  simulate (&r, &truth, 1, 300, 10, 11);
  g_assert_true (trellis_bkt_fit_skill ((guint32 *) r.learner->data, (guint8 *) r.correct->data,
                                        r.learner->len, NULL, &fit, &error));
  g_assert_no_error (error);
  g_assert_false (fit.pooled);
  g_assert_cmpfloat (fabs (fit.params.prior - truth.prior), <, 0.1);
  g_assert_cmpfloat (fabs (fit.params.learn - truth.learn), <, 0.1);
  g_assert_cmpfloat (fabs (fit.params.guess - truth.guess), <, 0.1);
  g_assert_cmpfloat (fabs (fit.params.slip - truth.slip), <, 0.1);
  rows_clear (&r);
}

static void
test_same_seed_same_fit (void)
{
  const TrellisBktParams truth[3] = {
    { 0.3, 0.2, 0.15, 0.1, 0.05 }, { 0.5, 0.1, 0.25, 0.05, 0.0 }, { 0.2, 0.3, 0.1, 0.2, 0.1 },
  };
  TrellisBktVariant variants[] = { TRELLIS_BKT_VARIANT_BKT, TRELLIS_BKT_VARIANT_FORGETS, TRELLIS_BKT_VARIANT_BEST };
  Rows r;

  rows_init (&r);
  simulate (&r, truth, 3, 120, 8, 3);

  for (guint v = 0; v < G_N_ELEMENTS (variants); v++)
    {
      TrellisBktOptions options;
      TrellisBktModel *a, *b, *c;
      g_autofree double *pa = g_new (double, r.skill->len);
      g_autofree double *pb = g_new (double, r.skill->len);

      trellis_bkt_options_init (&options);
      trellis_bkt_options_set_variant (&options, variants[v]);
      options.seed = 1234;
      options.n_threads = 1;
      a = trellis_bkt_fit (ROWS_ARGS (&r), 3, &options, NULL);
      b = trellis_bkt_fit (ROWS_ARGS (&r), 3, &options, NULL);
      options.n_threads = 2;
      c = trellis_bkt_fit (ROWS_ARGS (&r), 3, &options, NULL);

      for (guint s = 0; s < 3; s++)
        {
          g_assert_cmpmem (&trellis_bkt_model_get_skill (a, s)->params, sizeof (TrellisBktParams),
                           &trellis_bkt_model_get_skill (b, s)->params, sizeof (TrellisBktParams));
          g_assert_cmpmem (&trellis_bkt_model_get_skill (a, s)->params, sizeof (TrellisBktParams),
                           &trellis_bkt_model_get_skill (c, s)->params, sizeof (TrellisBktParams));
        }
      trellis_bkt_model_predict (a, ROWS_ARGS (&r), pa);
      trellis_bkt_model_predict (b, ROWS_ARGS (&r), pb);
      g_assert_cmpmem (pa, sizeof (double) * r.skill->len, pb, sizeof (double) * r.skill->len);

      trellis_bkt_model_free (a);
      trellis_bkt_model_free (b);
      trellis_bkt_model_free (c);
    }
  rows_clear (&r);
}

/* Recovery MAE over prior, learn, guess and slip. */
static double
recovery_mae (TrellisBktModel        *model,
              const TrellisBktParams *truth,
              guint                   n_skills)
{
  double mae = 0.0;

  for (guint s = 0; s < n_skills; s++)
    {
      const TrellisBktParams *p = &trellis_bkt_model_get_skill (model, s)->params;

      mae += fabs (p->prior - truth[s].prior) + fabs (p->learn - truth[s].learn) +
             fabs (p->guess - truth[s].guess) + fabs (p->slip - truth[s].slip);
    }
  return mae / (4 * n_skills);
}

/*
 * Small classes: skills' parameters drawn at random, 25 learners, 8
 * answers each.  Priors centred on the class's own skills recover the
 * parameters better than the fixed weak priors, on average and in most
 * classes (the benchmark measures the size of the gain).
 */
static void
test_class_priors_small_classes (void)
{
  enum { CLASSES = 30, SKILLS = 8, LEARNERS = 25, LEN = 8 };
  GRand *rand = g_rand_new_with_seed (99);
  double sum[2] = { 0, };
  guint better = 0;

  for (guint c = 0; c < CLASSES; c++)
    {
      TrellisBktParams truth[SKILLS];
      double mae[2];
      Rows r;

      for (guint s = 0; s < SKILLS; s++)
        {
          truth[s].prior = g_rand_double_range (rand, 0.1, 0.6);
          truth[s].learn = g_rand_double_range (rand, 0.05, 0.3);
          truth[s].guess = g_rand_double_range (rand, 0.05, 0.3);
          truth[s].slip = g_rand_double_range (rand, 0.05, 0.2);
          truth[s].forget = 0.0;
        }
      rows_init (&r);
      simulate (&r, truth, SKILLS, LEARNERS, LEN, g_rand_int (rand));

      for (guint class_priors = 0; class_priors <= 1; class_priors++)
        {
          TrellisBktOptions options;
          TrellisBktModel *model;

          trellis_bkt_options_init (&options);
          trellis_bkt_options_set_variant (&options, TRELLIS_BKT_VARIANT_BKT);
          options.class_priors = class_priors;
          model = trellis_bkt_fit (ROWS_ARGS (&r), SKILLS, &options, NULL);
          assert_model_sane (model, ROWS_ARGS (&r));
          mae[class_priors] = recovery_mae (model, truth, SKILLS);
          sum[class_priors] += mae[class_priors];
          trellis_bkt_model_free (model);
        }
      better += mae[1] < mae[0];
      rows_clear (&r);
    }
  g_rand_free (rand);

  g_test_message ("mean MAE %.4f without, %.4f with class priors; better in %u of %u",
                  sum[0] / CLASSES, sum[1] / CLASSES, better, (guint) CLASSES);
  g_assert_cmpfloat (sum[1], <, sum[0]);
  g_assert_cmpuint (better, >, CLASSES / 2);
}

/* Class priors need three fitted skills and weak priors at all; the best
 * variant has them, the reference variants do not. */
static void
test_class_priors_when (void)
{
  const TrellisBktParams truth[3] = {
    { 0.3, 0.2, 0.15, 0.1, 0.0 }, { 0.5, 0.1, 0.25, 0.05, 0.0 }, { 0.2, 0.3, 0.1, 0.2, 0.0 },
  };
  TrellisBktOptions options;
  Rows r;
  struct { guint n_skills; double strength; gboolean differs; } cases[] = {
    { 2, 4.0, FALSE },   /* too few skills to say what the class is like */
    { 3, 0.0, FALSE },   /* plain ML asked for */
    { 3, 4.0, TRUE },
  };

  trellis_bkt_options_init (&options);
  g_assert_true (options.class_priors);
  trellis_bkt_options_set_variant (&options, TRELLIS_BKT_VARIANT_BKT);
  g_assert_false (options.class_priors);
  trellis_bkt_options_set_variant (&options, TRELLIS_BKT_VARIANT_FORGETS);
  g_assert_false (options.class_priors);
  trellis_bkt_options_set_variant (&options, TRELLIS_BKT_VARIANT_BEST);
  g_assert_true (options.class_priors);

  rows_init (&r);
  simulate (&r, truth, 3, 40, 6, 5);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      TrellisBktModel *with, *without;
      gboolean differs = FALSE;
      gsize n = 0;

      /* Rows of the first n_skills skills only (the simulator writes skill
       * after skill for each learner). */
      g_autoptr(GArray) skill = g_array_new (FALSE, FALSE, sizeof (guint32));
      g_autoptr(GArray) learner = g_array_new (FALSE, FALSE, sizeof (guint32));
      g_autoptr(GArray) correct = g_array_new (FALSE, FALSE, sizeof (guint8));

      for (gsize j = 0; j < r.skill->len; j++)
        if (g_array_index (r.skill, guint32, j) < cases[i].n_skills)
          {
            g_array_append_val (skill, g_array_index (r.skill, guint32, j));
            g_array_append_val (learner, g_array_index (r.learner, guint32, j));
            g_array_append_val (correct, g_array_index (r.correct, guint8, j));
            n++;
          }

      trellis_bkt_options_set_variant (&options, TRELLIS_BKT_VARIANT_BKT);
      options.prior_strength = cases[i].strength;
      options.class_priors = TRUE;
      with = trellis_bkt_fit ((guint32 *) skill->data, (guint32 *) learner->data,
                              (guint8 *) correct->data, n, cases[i].n_skills, &options, NULL);
      options.class_priors = FALSE;
      without = trellis_bkt_fit ((guint32 *) skill->data, (guint32 *) learner->data,
                                 (guint8 *) correct->data, n, cases[i].n_skills, &options, NULL);
      for (guint s = 0; s < cases[i].n_skills; s++)
        differs |= memcmp (&trellis_bkt_model_get_skill (with, s)->params,
                           &trellis_bkt_model_get_skill (without, s)->params,
                           sizeof (TrellisBktParams)) != 0;
      g_assert_cmpint (differs, ==, cases[i].differs);
      trellis_bkt_model_free (with);
      trellis_bkt_model_free (without);
    }
  rows_clear (&r);
}

/* Degenerate inputs: table-driven */
typedef struct
{
  const char *name;
  guint       n;
  guint32     skill[12];
  guint32     learner[12];
  guint8      correct[12];
  guint       n_skills;
} Degenerate;

static const Degenerate degenerate_cases[] = {
  { "empty", 0, { 0 }, { 0 }, { 0 }, 1 },
  { "one-answer", 1, { 0 }, { 0 }, { 1 }, 1 },
  { "all-right", 12, { 0 }, { 0, 0, 0, 1, 1, 1, 2, 2, 2, 3, 3, 3 },
    { 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1 }, 1 },
  { "all-wrong", 12, { 0 }, { 0, 0, 0, 1, 1, 1, 2, 2, 2, 3, 3, 3 },
    { 0 }, 1 },
  { "one-learner-one-skill", 12, { 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1 },
    { 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2 }, { 0, 1, 1, 1, 0, 0, 1, 0, 1, 1, 0, 1 }, 2 },
  { "skill-without-rows", 3, { 0, 0, 0 }, { 0, 1, 2 }, { 1, 0, 1 }, 3 },
};

static void
test_degenerate (gconstpointer data)
{
  const Degenerate *d = data;
  TrellisBktVariant variants[] = { TRELLIS_BKT_VARIANT_BKT, TRELLIS_BKT_VARIANT_FORGETS, TRELLIS_BKT_VARIANT_BEST };

  for (guint v = 0; v < G_N_ELEMENTS (variants); v++)
    {
      TrellisBktOptions options;
      TrellisBktModel *model;
      g_autoptr(GError) error = NULL;
      TrellisBktSkillFit fit;

      trellis_bkt_options_init (&options);
      trellis_bkt_options_set_variant (&options, variants[v]);
      options.min_evidence = 1;  /* force fits on tiny data too */
      options.min_learners = 1;
      model = trellis_bkt_fit (d->skill, d->learner, d->correct, d->n, d->n_skills, &options, &error);
      g_assert_no_error (error);
      g_assert_nonnull (model);
      assert_model_sane (model, d->skill, d->learner, d->correct, d->n);
      trellis_bkt_model_free (model);

      /* default thresholds: pooled, still sane */
      trellis_bkt_options_init (&options);
      trellis_bkt_options_set_variant (&options, variants[v]);
      model = trellis_bkt_fit (d->skill, d->learner, d->correct, d->n, d->n_skills, &options, &error);
      g_assert_no_error (error);
      assert_model_sane (model, d->skill, d->learner, d->correct, d->n);
      trellis_bkt_model_free (model);

      g_assert_true (trellis_bkt_fit_skill (d->learner, d->correct, d->n, &options, &fit, &error));
      g_assert_true (trellis_bkt_params_valid (&fit.params));
    }
}

static void
test_pooled_fallback (void)
{
  const TrellisBktParams truth = { 0.4, 0.15, 0.2, 0.1, 0.0 };
  TrellisBktOptions options;
  TrellisBktModel *model;
  Rows r;
  const TrellisBktSkillFit *small;

  rows_init (&r);
  simulate (&r, &truth, 1, 60, 8, 5);
  rows_add (&r, 1, 0, 1);   /* skill 1: two answers only */
  rows_add (&r, 1, 1, 0);

  trellis_bkt_options_init (&options);
  trellis_bkt_options_set_variant (&options, TRELLIS_BKT_VARIANT_BKT);
  model = trellis_bkt_fit (ROWS_ARGS (&r), 2, &options, NULL);

  g_assert_false (trellis_bkt_model_get_skill (model, 0)->pooled);
  small = trellis_bkt_model_get_skill (model, 1);
  g_assert_true (small->pooled);
  g_assert_cmpuint (small->n_evidence, ==, 2);
  g_assert_cmpmem (&small->params, sizeof (TrellisBktParams),
                   trellis_bkt_model_get_pooled (model), sizeof (TrellisBktParams));
  /* unknown skills use the pooled defaults */
  g_assert_true (trellis_bkt_model_params_for (model, 99) == trellis_bkt_model_get_pooled (model));

  trellis_bkt_model_free (model);
  rows_clear (&r);
}

static void
test_online (void)
{
  const TrellisBktParams truth[2] = { { 0.3, 0.2, 0.15, 0.1, 0.05 }, { 0.5, 0.1, 0.25, 0.05, 0.0 } };
  TrellisBktVariant variants[] = { TRELLIS_BKT_VARIANT_BKT, TRELLIS_BKT_VARIANT_FORGETS, TRELLIS_BKT_VARIANT_BEST };
  Rows r;

  rows_init (&r);
  simulate (&r, truth, 2, 150, 6, 9);

  for (guint v = 0; v < G_N_ELEMENTS (variants); v++)
    {
      TrellisBktOptions options;
      TrellisBktModel *model;
      gsize n = r.skill->len;
      g_autofree double *p = g_new (double, n);
      g_autofree double *q = g_new (double, n);
      g_autofree guint8 *changed = g_memdup2 (r.correct->data, n);

      trellis_bkt_options_init (&options);
      trellis_bkt_options_set_variant (&options, variants[v]);
      model = trellis_bkt_fit (ROWS_ARGS (&r), 2, &options, NULL);
      trellis_bkt_model_predict (model, ROWS_ARGS (&r), p);

      /* Flip answers from row k on: rows before k must keep their predictions. */
      for (gsize k = n / 3; k < n; k += n / 4)
        {
          for (gsize i = k; i < n; i++)
            changed[i] = !((guint8 *) r.correct->data)[i];
          trellis_bkt_model_predict (model, (guint32 *) r.skill->data, (guint32 *) r.learner->data,
                                     changed, n, q);
          g_assert_cmpmem (p, sizeof (double) * (k + 1), q, sizeof (double) * (k + 1));
          /* and the change does show later on */
          g_assert_true (memcmp (p, q, sizeof (double) * n) != 0);
          memcpy (changed, r.correct->data, n);
        }
      g_assert_cmpint (trellis_bkt_model_get_layer (model)->enabled, ==, variants[v] == TRELLIS_BKT_VARIANT_BEST);
      trellis_bkt_model_free (model);
    }
  rows_clear (&r);
}

typedef struct
{
  TrellisBktParams in;
  gboolean         forgets;
  gboolean         swapped;
  TrellisBktParams out;
} SwapCase;

static void
test_label_swap_correction (void)
{
  const SwapCase cases[] = {
    { { 0.2, 0.3, 0.9, 0.8, 0.05 }, TRUE, TRUE, { 0.8, 0.05, 0.2, 0.1, 0.3 } },
    { { 0.2, 0.3, 0.9, 0.8, 0.0 }, FALSE, TRUE, { 0.8, 0.3, 0.2, 0.1, 0.0 } },
    { { 0.2, 0.3, 0.6, 0.4, 0.0 }, FALSE, FALSE, { 0.2, 0.3, 0.6, 0.4, 0.0 } },  /* boundary */
    { { 0.4, 0.1, 0.2, 0.1, 0.0 }, TRUE, FALSE, { 0.4, 0.1, 0.2, 0.1, 0.0 } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      TrellisBktParams p = cases[i].in;

      g_assert_cmpint (trellis_bkt_params_fix_label_swap (&p, cases[i].forgets), ==, cases[i].swapped);
      g_assert_cmpfloat_with_epsilon (p.prior, cases[i].out.prior, 1e-12);
      g_assert_cmpfloat_with_epsilon (p.learn, cases[i].out.learn, 1e-12);
      g_assert_cmpfloat_with_epsilon (p.guess, cases[i].out.guess, 1e-12);
      g_assert_cmpfloat_with_epsilon (p.slip, cases[i].out.slip, 1e-12);
      g_assert_cmpfloat_with_epsilon (p.forget, cases[i].out.forget, 1e-12);
      g_assert_cmpfloat (p.guess, <=, 1.0 - p.slip + 1e-12);
    }
}

static void
test_label_swap (void)
{
  /* Ordinary BKT data with every answer flipped: the data are best explained
   * with guess > 1 − slip (the "known" state answers worse); even without
   * the bounds no fit may come out that way. */
  TrellisBktParams gen = { .prior = 0.2, .learn = 0.3, .guess = 0.1, .slip = 0.1, .forget = 0.0 };
  TrellisBktOptions options;
  TrellisBktSkillFit fit;
  g_autoptr(GError) error = NULL;
  Rows r;

  rows_init (&r);
  simulate (&r, &gen, 1, 300, 10, 13);
  for (guint i = 0; i < r.correct->len; i++)
    ((guint8 *) r.correct->data)[i] ^= 1;

  trellis_bkt_options_init (&options);
  trellis_bkt_options_set_variant (&options, TRELLIS_BKT_VARIANT_BKT);
  options.max_guess = 1.0;
  options.max_slip = 1.0;
  options.large_max_guess = 1.0;
  g_assert_true (trellis_bkt_fit_skill ((guint32 *) r.learner->data, (guint8 *) r.correct->data,
                                        r.learner->len, &options, &fit, &error));
  g_test_message ("fit: prior %g learn %g guess %g slip %g, swapped %d", fit.params.prior,
                  fit.params.learn, fit.params.guess, fit.params.slip, fit.label_swapped);
  g_assert_true (trellis_bkt_params_valid (&fit.params));
  g_assert_cmpfloat (fit.params.guess, <=, 1.0 - fit.params.slip);

  /* With the default bounds no fit ever has guess > 1 − slip. */
  trellis_bkt_options_init (&options);
  trellis_bkt_options_set_variant (&options, TRELLIS_BKT_VARIANT_FORGETS);
  g_assert_true (trellis_bkt_fit_skill ((guint32 *) r.learner->data, (guint8 *) r.correct->data,
                                        r.learner->len, &options, &fit, &error));
  g_assert_cmpfloat (fit.params.guess, <=, 0.3);
  g_assert_cmpfloat (fit.params.slip, <=, 0.3);
  g_assert_cmpfloat (fit.params.guess, <=, 1.0 - fit.params.slip);
  rows_clear (&r);
}

static void
test_state_masses (void)
{
  /* With a tiny guess rate P(unknown) drops below 1e-16 after a few right
   * answers; a state kept as P(known) alone would be stuck at 1. */
  TrellisBktParams p = { .prior = 0.5, .learn = 0.0, .guess = 0.01, .slip = 0.1, .forget = 0.0 };
  TrellisBktState st;

  trellis_bkt_state_init (&st, &p);
  for (guint i = 0; i < 10; i++)
    trellis_bkt_state_update (&st, &p, TRUE);
  g_assert_cmpfloat (1.0 - trellis_bkt_state_p_known (&st), <, 1e-16);
  g_assert_cmpfloat (st.unknown, >, 0.0);
  for (guint i = 0; i < 30; i++)
    trellis_bkt_state_update (&st, &p, FALSE);
  g_assert_cmpfloat (trellis_bkt_state_p_known (&st), <, 0.5);
  g_assert_cmpuint (st.n_evidence, ==, 40);
  assert_prob (trellis_bkt_state_p_correct (&st, &p));

  /* thousands of answers stay finite */
  for (guint i = 0; i < 5000; i++)
    {
      trellis_bkt_state_update (&st, &p, i % 7 != 0);
      assert_prob (trellis_bkt_state_p_known (&st));
    }
}

static void
test_model_update_matches_predict (void)
{
  const TrellisBktParams truth[2] = { { 0.3, 0.2, 0.15, 0.1, 0.05 }, { 0.5, 0.1, 0.25, 0.05, 0.0 } };
  TrellisBktOptions options;
  TrellisBktModel *model;
  Rows r;
  gsize n;
  g_autofree double *p = NULL;
  TrellisBktState states[60][2];
  TrellisBktLearnerState learners[60];

  rows_init (&r);
  simulate (&r, truth, 2, 60, 6, 21);
  n = r.skill->len;
  p = g_new (double, n);
  trellis_bkt_options_init (&options);
  model = trellis_bkt_fit (ROWS_ARGS (&r), 2, &options, NULL);
  trellis_bkt_model_predict (model, ROWS_ARGS (&r), p);

  for (guint l = 0; l < 60; l++)
    {
      trellis_bkt_learner_state_init (&learners[l]);
      for (guint s = 0; s < 2; s++)
        trellis_bkt_state_init (&states[l][s], trellis_bkt_model_params_for (model, s));
    }
  for (gsize i = 0; i < n; i++)
    {
      guint32 s = ((guint32 *) r.skill->data)[i];
      guint32 l = ((guint32 *) r.learner->data)[i];
      double q = trellis_bkt_model_p_correct (model, s, &states[l][s], &learners[l]);

      g_assert_cmpfloat_with_epsilon (q, p[i], 1e-12);
      trellis_bkt_model_update (model, s, &states[l][s], &learners[l], ((guint8 *) r.correct->data)[i]);
    }
  trellis_bkt_model_free (model);
  rows_clear (&r);
}

static void
test_explain (void)
{
  TrellisBktParams p = { 0.4, 0.2, 0.2, 0.1, 0.0 };
  TrellisBktState st;
  const gboolean answers[] = { TRUE, FALSE, TRUE, TRUE, TRUE, TRUE };
  g_autofree char *none = NULL;
  g_autofree char *two = NULL;
  g_autofree char *six = NULL;
  g_autofree char *want = NULL;

  trellis_bkt_state_init (&st, &p);
  none = trellis_bkt_state_explain (&st, &p);
  g_assert_cmpstr (none, ==, "No answers yet; probability known 0.40");

  trellis_bkt_state_update (&st, &p, TRUE);
  trellis_bkt_state_update (&st, &p, FALSE);
  two = trellis_bkt_state_explain (&st, &p);
  g_assert_true (g_str_has_prefix (two, "1 of 2 answers right; probability known 0."));

  trellis_bkt_state_init (&st, &p);
  for (guint i = 0; i < G_N_ELEMENTS (answers); i++)
    trellis_bkt_state_update (&st, &p, answers[i]);
  six = trellis_bkt_state_explain (&st, &p);
  want = g_strdup_printf ("4 of the last 5 answers right; probability known %.2f",
                          trellis_bkt_state_p_known (&st));
  g_assert_cmpstr (six, ==, want);
  g_assert_cmpuint (trellis_bkt_state_recent_right (&st, 6), ==, 5);
  g_assert_cmpuint (st.run, ==, 4);
}

typedef struct
{
  TrellisBktRollupKind kind;
  double               expect;
  gboolean             mastered;
} RollupCase;

static void
test_rollups (void)
{
  const double scores[] = { 0.5, 0.9, 0.7, 0.8 };
  const RollupCase cases[] = {
    { TRELLIS_BKT_ROLLUP_LATEST, 0.8, TRUE },
    { TRELLIS_BKT_ROLLUP_HIGHEST, 0.9, TRUE },
    { TRELLIS_BKT_ROLLUP_AVERAGE, 0.725, TRUE },
    /* 0.5 → 0.65·0.9+0.35·0.5 = 0.76 → 0.721 → 0.77235 */
    { TRELLIS_BKT_ROLLUP_DECAYING_AVERAGE, 0.77235, TRUE },
    { TRELLIS_BKT_ROLLUP_N_TIMES, 1.0, TRUE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      TrellisBktRollup rollup;
      gboolean mastered = !cases[i].mastered;

      trellis_bkt_rollup_init (&rollup, cases[i].kind);
      g_assert_cmpfloat_with_epsilon (trellis_bkt_rollup_compute (&rollup, scores, 4, &mastered),
                                      cases[i].expect, 1e-9);
      g_assert_cmpint (mastered, ==, cases[i].mastered);
      g_assert_cmpfloat (trellis_bkt_rollup_compute (&rollup, NULL, 0, NULL), <, 0.0);
    }

  {
    TrellisBktRollup rollup;
    gboolean mastered = TRUE;

    trellis_bkt_rollup_init (&rollup, TRELLIS_BKT_ROLLUP_N_TIMES);
    rollup.n_times = 4;
    g_assert_cmpfloat_with_epsilon (trellis_bkt_rollup_compute (&rollup, scores, 4, &mastered),
                                    0.75, 1e-9);
    g_assert_false (mastered);
  }
}

typedef struct
{
  TrellisBktEvidenceKind kind;
  double                 score;
  double                 max_score;
  gboolean               ok;
  gboolean               correct;
  double                 unit;
} EvidenceCase;

static void
test_evidence (void)
{
  const EvidenceCase cases[] = {
    { TRELLIS_BKT_EVIDENCE_BINARY, 1, 0, TRUE, TRUE, 1.0 },
    { TRELLIS_BKT_EVIDENCE_BINARY, 0, 0, TRUE, FALSE, 0.0 },
    { TRELLIS_BKT_EVIDENCE_BINARY, 0.5, 0, FALSE, FALSE, 0.0 },
    { TRELLIS_BKT_EVIDENCE_RUBRIC, 3, 4, TRUE, TRUE, 0.75 },
    { TRELLIS_BKT_EVIDENCE_RUBRIC, 2, 4, TRUE, FALSE, 0.5 },
    { TRELLIS_BKT_EVIDENCE_RUBRIC, 4, 5, TRUE, TRUE, 0.8 },
    { TRELLIS_BKT_EVIDENCE_RUBRIC, 3, 5, TRUE, FALSE, 0.6 },
    { TRELLIS_BKT_EVIDENCE_RUBRIC, 5, 4, FALSE, FALSE, 0.0 },
    { TRELLIS_BKT_EVIDENCE_POINTS, 7, 10, TRUE, TRUE, 0.7 },
    { TRELLIS_BKT_EVIDENCE_POINTS, 6.9, 10, TRUE, FALSE, 0.69 },
    { TRELLIS_BKT_EVIDENCE_POINTS, 3, 0, FALSE, FALSE, 0.0 },
    { TRELLIS_BKT_EVIDENCE_POINTS, -1, 10, FALSE, FALSE, 0.0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      gboolean correct = FALSE;
      double unit = -1;
      gboolean ok;

      ok = trellis_bkt_evidence_to_correct (cases[i].kind, cases[i].score, cases[i].max_score,
                                            NULL, &correct, &error);
      g_assert_cmpint (ok, ==, cases[i].ok);
      if (!ok)
        {
          g_assert_error (error, TRELLIS_BKT_ERROR, TRELLIS_BKT_ERROR_INVALID);
          continue;
        }
      g_assert_cmpint (correct, ==, cases[i].correct);
      g_assert_true (trellis_bkt_evidence_to_score (cases[i].kind, cases[i].score,
                                                    cases[i].max_score, &unit, NULL));
      g_assert_cmpfloat_with_epsilon (unit, cases[i].unit, 1e-12);
    }

  {
    g_autofree char *d = trellis_bkt_evidence_rule_describe (TRELLIS_BKT_EVIDENCE_RUBRIC, NULL);

    g_assert_cmpstr (d, ==, "Rubric level 3 of 4 or above counts as right");
  }
}

static void
test_auc (void)
{
  const double p[] = { 0.5, 0.5, 0.2, 0.8 };
  const guint8 y[] = { 1, 0, 0, 1 };
  const guint8 all[] = { 1, 1, 1, 1 };

  /* pairs: (0.5|0.5) tie 0.5, (0.5|0.2) 1, (0.8|0.5) 1, (0.8|0.2) 1 */
  g_assert_cmpfloat_with_epsilon (trellis_bkt_auc (p, y, 4), 3.5 / 4, 1e-12);
  g_assert_true (isnan (trellis_bkt_auc (p, all, 4)));
  g_assert_cmpfloat_with_epsilon (trellis_bkt_rmse (p, y, 4),
                                  sqrt ((0.25 + 0.25 + 0.04 + 0.04) / 4), 1e-12);
}

typedef struct
{
  const char *name;
  const char *csv;
  const char *error;  /* substring, NULL: parses */
  gsize       n_rows;
} CsvCase;

static const CsvCase csv_cases[] = {
  { "plain", "user_id,skill_name,correct\na,s,1\nb,s,0\n", NULL, 2 },
  { "reordered-extra", "order_id,correct,skill_name,x,user_id\r\n1,1,\"s, with comma\",z,u\r\n", NULL, 1 },
  { "no-final-newline", "user_id,skill_name,correct\na,s,1", NULL, 1 },
  { "empty", "", "empty file", 0 },
  { "header-only", "user_id,skill_name,correct\n", "no data rows", 0 },
  { "missing-column", "user_id,skill,correct\na,s,1\n", "input:1: header lacks column skill_name", 0 },
  { "bad-correct", "user_id,skill_name,correct\na,s,1\na,s,2\n", "input:3: correct must be 0 or 1", 0 },
  { "short-row", "user_id,skill_name,correct\na,s,1\n\na,s\n", "input:4: expected at least 3 fields", 0 },
  { "unterminated", "user_id,skill_name,correct\n\"a,s,1\n", "input:2: unterminated", 0 },
};

static void
test_csv (gconstpointer data)
{
  const CsvCase *c = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisMasteryLog) log = NULL;

  log = trellis_mastery_log_parse (c->csv, strlen (c->csv), "input", &error);
  if (c->error == NULL)
    {
      g_assert_no_error (error);
      g_assert_cmpuint (log->n_rows, ==, c->n_rows);
    }
  else
    {
      g_assert_null (log);
      g_assert_nonnull (error);
      g_assert_true (error->domain == TRELLIS_BKT_ERROR);
      if (strstr (error->message, c->error) == NULL)
        g_error ("\"%s\" lacks \"%s\"", error->message, c->error);
    }
}

static void
test_csv_names (void)
{
  const char *csv = "user_id,skill_name,correct\nu1,\"a, b\",1\nu2,c,0\nu1,c,1\nu1,\"a, b\",0\n";
  g_autoptr(TrellisMasteryLog) log = trellis_mastery_log_parse (csv, strlen (csv), NULL, NULL);

  g_assert_cmpuint (log->n_rows, ==, 4);
  g_assert_cmpuint (log->skill_names->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (log->skill_names, 0), ==, "a, b");
  g_assert_cmpuint (log->learner[2], ==, 0);
  g_assert_cmpuint (log->skill[3], ==, 0);
  g_assert_cmpuint (log->correct[3], ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/bkt/recovery", test_recovery);
  g_test_add_func ("/bkt/recovery-single-skill", test_recovery_single_skill);
  g_test_add_func ("/bkt/same-seed-same-fit", test_same_seed_same_fit);
  g_test_add_func ("/bkt/class-priors/small-classes", test_class_priors_small_classes);
  g_test_add_func ("/bkt/class-priors/when", test_class_priors_when);
  for (guint i = 0; i < G_N_ELEMENTS (degenerate_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/bkt/degenerate/%s", degenerate_cases[i].name);

      g_test_add_data_func (path, &degenerate_cases[i], test_degenerate);
    }
  g_test_add_func ("/bkt/pooled-fallback", test_pooled_fallback);
  g_test_add_func ("/bkt/online", test_online);
  g_test_add_func ("/bkt/label-swap/correction", test_label_swap_correction);
  g_test_add_func ("/bkt/label-swap/fit", test_label_swap);
  g_test_add_func ("/bkt/state-masses", test_state_masses);
  g_test_add_func ("/bkt/model-update-matches-predict", test_model_update_matches_predict);
  g_test_add_func ("/bkt/explain", test_explain);
  g_test_add_func ("/bkt/rollups", test_rollups);
  g_test_add_func ("/bkt/evidence", test_evidence);
  g_test_add_func ("/bkt/auc", test_auc);
  for (guint i = 0; i < G_N_ELEMENTS (csv_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/bkt/csv/%s", csv_cases[i].name);

      g_test_add_data_func (path, &csv_cases[i], test_csv);
    }
  g_test_add_func ("/bkt/csv/names", test_csv_names);

  return g_test_run ();
}

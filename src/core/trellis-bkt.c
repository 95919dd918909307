/* trellis-bkt.c
 *
 * Copyright 2026 The Trellis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * Fitting BKT by EM over a prefix tree of answer sequences.
 *
 * All learners' answer sequences on a skill are merged into a prefix tree
 * (trie): a node is one answer after a given history, shared by every
 * learner with that history.  Forward–backward then runs once per node
 * instead of once per row.  Nodes are created parent first, so a forward
 * pass is a loop over the node array and a backward pass the reverse loop.
 *
 * Forward: a(node) is the normalised filtered state (known, unknown) after
 * the node's answer and c(node) the probability of that answer given the
 * history, so log P(sequence) is the sum of log c along its path.
 * Backward: B(node) = (sequences ending here) + sum over children of
 * T · E(child) · B(child) / c(child); the expected state count at a node,
 * summed over every sequence through it, is then a(node) × B(node).
 *
 * The random restarts run side by side in the lanes of one vector (GCC
 * vector extensions, lowered to whatever SIMD the target has), in single
 * precision with block-wise double accumulation of the sums.  Known and
 * unknown masses are carried separately everywhere.
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "trellis-bkt.h"
#include "trellis-bkt-private.h"

G_DEFINE_QUARK (trellis-bkt-error-quark, trellis_bkt_error)

#define LANES 8
#define BLOCK 256
#define TINY 1e-30f

typedef float vf __attribute__ ((vector_size (LANES * sizeof (float))));
typedef gint32 vi __attribute__ ((vector_size (LANES * sizeof (gint32))));

/* ---------------------------------------------------------------------- */
/* Options and parameters                                                   */

void
trellis_bkt_options_init (TrellisBktOptions *options)
{
  g_return_if_fail (options != NULL);

  memset (options, 0, sizeof *options);
  options->variant = TRELLIS_BKT_VARIANT_BEST;
  options->restarts = 5;
  options->seed = 42;
  options->max_iterations = 100;
  options->tolerance = 1e-6;
  options->max_guess = 0.3;
  options->max_slip = 0.3;
  options->large_evidence = 2000;
  options->large_max_guess = 0.5;
  options->max_forget = 0.5;
  options->prior_strength = 4.0;
  options->class_priors = TRUE;
  options->min_evidence = 10;
  options->min_learners = 3;
  options->n_threads = 0;
}

/*
 * Sets the variant with what belongs to it: plain BKT and BKT with
 * forgetting are the reference models (per skill, as pyBKT fits them);
 * the best configuration adds the class priors and the logistic layer.
 */
void
trellis_bkt_options_set_variant (TrellisBktOptions *options,
                                 TrellisBktVariant  variant)
{
  g_return_if_fail (options != NULL);

  options->variant = variant;
  options->class_priors = variant == TRELLIS_BKT_VARIANT_BEST;
}

const char *
trellis_bkt_variant_to_string (TrellisBktVariant variant)
{
  switch (variant)
    {
    case TRELLIS_BKT_VARIANT_BKT:
      return "bkt";
    case TRELLIS_BKT_VARIANT_FORGETS:
      return "forgets";
    case TRELLIS_BKT_VARIANT_BEST:
      return "best";
    default:
      return "best";
    }
}

gboolean
trellis_bkt_variant_from_string (const char        *str,
                                 TrellisBktVariant *variant)
{
  g_return_val_if_fail (variant != NULL, FALSE);

  if (g_strcmp0 (str, "bkt") == 0)
    *variant = TRELLIS_BKT_VARIANT_BKT;
  else if (g_strcmp0 (str, "forgets") == 0)
    *variant = TRELLIS_BKT_VARIANT_FORGETS;
  else if (g_strcmp0 (str, "best") == 0)
    *variant = TRELLIS_BKT_VARIANT_BEST;
  else
    return FALSE;

  return TRUE;
}

void
trellis_bkt_params_default (TrellisBktParams *params)
{
  g_return_if_fail (params != NULL);

  params->prior = 0.4;
  params->learn = 0.15;
  params->guess = 0.2;
  params->slip = 0.1;
  params->forget = 0.0;
}

static gboolean
prob_ok (double p)
{
  return isfinite (p) && p >= 0.0 && p <= 1.0;
}

gboolean
trellis_bkt_params_fix_label_swap (TrellisBktParams *params,
                                   gboolean          forgets)
{
  double g, s, l;

  g_return_val_if_fail (params != NULL, FALSE);

  if (!(params->guess > 1.0 - params->slip))
    return FALSE;

  g = params->guess;
  s = params->slip;
  l = params->learn;
  params->prior = 1.0 - params->prior;
  params->guess = 1.0 - s;
  params->slip = 1.0 - g;
  if (forgets)
    {
      params->learn = params->forget;
      params->forget = l;
    }
  return TRUE;
}

gboolean
trellis_bkt_params_valid (const TrellisBktParams *params)
{
  g_return_val_if_fail (params != NULL, FALSE);

  return prob_ok (params->prior) && prob_ok (params->learn) &&
         prob_ok (params->guess) && prob_ok (params->slip) &&
         prob_ok (params->forget);
}

/* ---------------------------------------------------------------------- */
/* Random numbers: splitmix64, so results do not depend on GLib's RNG.     */

static guint64
splitmix64 (guint64 *state)
{
  guint64 z = (*state += G_GUINT64_CONSTANT (0x9E3779B97F4A7C15));

  z = (z ^ (z >> 30)) * G_GUINT64_CONSTANT (0xBF58476D1CE4E5B9);
  z = (z ^ (z >> 27)) * G_GUINT64_CONSTANT (0x94D049BB133111EB);
  return z ^ (z >> 31);
}

static double
uniform (guint64 *state,
         double   lo,
         double   hi)
{
  return lo + (hi - lo) * ((splitmix64 (state) >> 11) * (1.0 / 9007199254740992.0));
}

/* ---------------------------------------------------------------------- */
/* Prefix tree                                                             */

void
_trellis_bkt_trie_init (TrellisBktTrie *trie)
{
  memset (trie, 0, sizeof *trie);
}

void
_trellis_bkt_trie_clear (TrellisBktTrie *trie)
{
  g_free (trie->parent);
  g_free (trie->obs);
  g_free (trie->count);
  g_free (trie->endc);
  g_free (trie->child);
  memset (trie, 0, sizeof *trie);
}

static void
trie_reserve (TrellisBktTrie *trie,
              guint           n)
{
  guint cap;

  if (n <= trie->capacity)
    return;

  cap = MAX (n, trie->capacity * 2);
  cap = MAX (cap, 64);
  trie->parent = g_renew (guint32, trie->parent, cap);
  trie->obs = g_renew (guint8, trie->obs, cap);
  trie->count = g_renew (float, trie->count, cap);
  trie->endc = g_renew (float, trie->endc, cap);
  trie->child = g_renew (guint32, trie->child, 2 * (gsize) cap);
  trie->capacity = cap;
}

static guint32
trie_add_node (TrellisBktTrie *trie,
               guint32         parent,
               guint8          obs)
{
  guint32 n = trie->n_nodes;

  trie_reserve (trie, n + 1);
  trie->parent[n] = parent;
  trie->obs[n] = obs;
  trie->count[n] = 0.0f;
  trie->endc[n] = 0.0f;
  trie->child[2 * n] = 0;
  trie->child[2 * n + 1] = 0;
  trie->n_nodes = n + 1;

  return n;
}

/* Starts an empty trie (root only). */
void
_trellis_bkt_trie_reset (TrellisBktTrie *trie)
{
  trie->n_nodes = 0;
  trie->n_rows = 0;
  trie->n_sequences = 0;
  trie_add_node (trie, 0, 0);
}

/* Appends an answer to the sequence whose last node is *cursor (0: new). */
void
_trellis_bkt_trie_push (TrellisBktTrie *trie,
                        guint32        *cursor,
                        guint8          obs)
{
  guint32 node = *cursor;
  guint32 next;

  obs = obs ? 1 : 0;
  if (node == 0)
    trie->n_sequences++;

  next = trie->child[2 * node + obs];
  if (next == 0)
    {
      next = trie_add_node (trie, node, obs);
      trie->child[2 * node + obs] = next;
    }
  trie->count[next] += 1.0f;
  trie->n_rows++;
  *cursor = next;
}

void
_trellis_bkt_trie_end (TrellisBktTrie *trie,
                       guint32         cursor)
{
  if (cursor != 0)
    trie->endc[cursor] += 1.0f;
}

/* ---------------------------------------------------------------------- */
/* EM on a trie, LANES restarts at once                                    */

typedef struct
{
  double prior, learn, guess, slip, forget;
} Lane;

struct _TrellisBktWork
{
  guint  capacity;
  float *ak;
  float *au;
  float *cc;
  float *bk;
  float *bu;
};

TrellisBktWork *
_trellis_bkt_work_new (void)
{
  return g_new0 (TrellisBktWork, 1);
}

void
_trellis_bkt_work_free (TrellisBktWork *work)
{
  if (work == NULL)
    return;

  g_free (work->ak);
  g_free (work->au);
  g_free (work->cc);
  g_free (work->bk);
  g_free (work->bu);
  g_free (work);
}

static void
work_reserve (TrellisBktWork *work,
              guint           n_nodes)
{
  if (n_nodes <= work->capacity)
    return;

  g_free (work->ak);
  g_free (work->au);
  g_free (work->cc);
  g_free (work->bk);
  g_free (work->bu);
  work->ak = g_aligned_alloc (n_nodes, sizeof (vf), sizeof (vf));
  work->au = g_aligned_alloc (n_nodes, sizeof (vf), sizeof (vf));
  work->cc = g_aligned_alloc (n_nodes, sizeof (vf), sizeof (vf));
  work->bk = g_aligned_alloc (n_nodes, sizeof (vf), sizeof (vf));
  work->bu = g_aligned_alloc (n_nodes, sizeof (vf), sizeof (vf));
  work->capacity = n_nodes;
}

typedef struct
{
  double prior_k, prior_n;
  double xkk, xku, xuk, xuu;
  double ck, cu, tk, tu;
  double ll;
} Stats;

typedef float vf4 __attribute__ ((vector_size (4 * sizeof (float))));
typedef gint32 vi4 __attribute__ ((vector_size (4 * sizeof (gint32))));

/* Full width: all restarts of a batch; half width: once at most four
 * are still running (twice as fast where the vector unit is 4 wide). */
#define W LANES
#define VF vf
#define VI vi
#define VLOG vlog
#define E_STEP e_step
#include "trellis-bkt-estep.h"

#define W 4
#define VF vf4
#define VI vi4
#define VLOG vlog4
#define E_STEP e_step4
#include "trellis-bkt-estep.h"

/*
 * E step for the lanes not yet @done: packed into half-width vectors when
 * at most four are left.  Stats of done lanes are left untouched.
 */
static void
e_step_active (const TrellisBktTrie *trie,
               TrellisBktWork       *work,
               const Lane           *lanes,
               const gboolean       *done,
               Stats                *stats)
{
  Lane packed[4];
  Stats st4[4];
  guint map[4];
  guint k = 0;

  for (guint l = 0; l < LANES; l++)
    {
      if (done[l])
        continue;
      if (k == 4)
        {
          e_step (trie, work, lanes, stats);
          return;
        }
      map[k] = l;
      packed[k++] = lanes[l];
    }
  if (k == 0)
    return;
  for (guint j = k; j < 4; j++)
    packed[j] = packed[0];
  e_step4 (trie, work, packed, st4);
  for (guint j = 0; j < k; j++)
    stats[map[j]] = st4[j];
}

#define P_MIN 1e-4

/* Means of the default weak Beta priors; their weight is options->prior_strength. */
static const double default_prior_means[TRELLIS_BKT_N_PARAMS] = { 0.5, 0.15, 0.15, 0.1, 0.02 };

void
_trellis_bkt_priors_default (TrellisBktPriors        *priors,
                             const TrellisBktOptions *options)
{
  for (guint k = 0; k < TRELLIS_BKT_N_PARAMS; k++)
    {
      priors->mean[k] = default_prior_means[k];
      priors->strength[k] = options->prior_strength;
    }
}

static double
map_ratio (double num,
           double den,
           double mean,
           double strength,
           double lo,
           double hi)
{
  double v = (num + strength * mean) / (den + strength);

  if (!isfinite (v))
    v = mean;
  return CLAMP (v, lo, hi);
}

/* The log of the Beta priors (up to a constant), for comparing restarts. */
static double
log_prior (const Lane             *lane,
           const TrellisBktPriors *priors,
           gboolean                forgets)
{
  double x[TRELLIS_BKT_N_PARAMS] = { lane->prior, lane->learn, lane->guess, lane->slip,
                                     MAX (lane->forget, P_MIN) };
  guint n = forgets ? TRELLIS_BKT_N_PARAMS : TRELLIS_BKT_N_PARAMS - 1;
  double r = 0.0;

  for (guint k = 0; k < n; k++)
    {
      double s = priors->strength[k], m = priors->mean[k];

      r += s * m * log (x[k]) + s * (1.0 - m) * log (1.0 - x[k]);
    }

  return r;
}

static gboolean
m_step (Lane                    *lane,
        const Stats             *st,
        const TrellisBktOptions *options,
        const TrellisBktPriors  *priors,
        gboolean                 forgets)
{
  const double *m = priors->mean, *s = priors->strength;
  gboolean swapped = FALSE;

  lane->prior = map_ratio (st->prior_k, st->prior_n, m[0], s[0], P_MIN, 1.0 - P_MIN);
  lane->learn = map_ratio (st->xuk, st->xuk + st->xuu, m[1], s[1], P_MIN, 1.0 - P_MIN);
  lane->guess = map_ratio (st->cu, st->tu, m[2], s[2], P_MIN, 1.0 - P_MIN);
  lane->slip = map_ratio (st->tk - st->ck, st->tk, m[3], s[3], P_MIN, 1.0 - P_MIN);
  if (forgets)
    lane->forget = map_ratio (st->xku, st->xkk + st->xku, m[4], s[4],
                              0.0, options->max_forget);
  else
    lane->forget = 0.0;

  /* Label swap: the "known" state performs worse than the unknown one. */
  {
    TrellisBktParams p = { lane->prior, lane->learn, lane->guess, lane->slip, lane->forget };

    if (trellis_bkt_params_fix_label_swap (&p, forgets))
      {
        lane->prior = CLAMP (p.prior, P_MIN, 1.0 - P_MIN);
        lane->learn = MAX (p.learn, P_MIN);
        lane->guess = p.guess;
        lane->slip = p.slip;
        lane->forget = MIN (p.forget, options->max_forget);
        swapped = TRUE;
      }
  }

  lane->guess = CLAMP (lane->guess, P_MIN, options->max_guess);
  lane->slip = CLAMP (lane->slip, P_MIN, options->max_slip);

  return swapped;
}

static void
random_lane (Lane                    *lane,
             guint64                 *rng,
             const TrellisBktOptions *options,
             gboolean                 forgets,
             gboolean                 first)
{
  if (first)
    {
      lane->prior = 0.5;
      lane->learn = 0.15;
      lane->guess = 0.15;
      lane->slip = 0.1;
      lane->forget = forgets ? 0.05 : 0.0;
      return;
    }

  lane->prior = uniform (rng, 0.05, 0.95);
  lane->learn = uniform (rng, 0.01, 0.5);
  lane->guess = uniform (rng, 0.01, MIN (0.3, options->max_guess));
  lane->slip = uniform (rng, 0.01, MIN (0.3, options->max_slip));
  lane->forget = forgets ? uniform (rng, 0.0, MIN (0.2, options->max_forget)) : 0.0;
}

/*
 * SQUAREM (Varadhan & Roland 2008, scheme S3): from three successive EM
 * points θ0, θ1 = M(θ0), θ2 = M(θ1), jumps to
 * θ0 − 2αr + α²v with r = θ1 − θ0, v = θ2 − 2θ1 + θ0, α = −|r|/|v| ≤ −1,
 * clamped into the bounds.  The caller evaluates the jump and falls back
 * to θ2 if the objective got worse, so the fit stays monotone: it reaches
 * the same optimum as plain EM in far fewer E steps (EM on BKT crawls).
 * Returns FALSE when there is nothing to extrapolate.
 */
static gboolean
extrapolate (const Lane              *t0,
             const Lane              *t1,
             const Lane              *t2,
             Lane                    *out,
             const TrellisBktOptions *options,
             gboolean                 forgets)
{
  double a0[5] = { t0->prior, t0->learn, t0->guess, t0->slip, t0->forget };
  double a1[5] = { t1->prior, t1->learn, t1->guess, t1->slip, t1->forget };
  double a2[5] = { t2->prior, t2->learn, t2->guess, t2->slip, t2->forget };
  double rr = 0.0, vv = 0.0, alpha, x[5];
  guint n = forgets ? 5 : 4;

  for (guint j = 0; j < n; j++)
    {
      double r = a1[j] - a0[j];
      double v = a2[j] - 2.0 * a1[j] + a0[j];

      rr += r * r;
      vv += v * v;
    }
  if (!(vv > 0.0) || !(rr > 0.0))
    return FALSE;
  alpha = -sqrt (rr / vv);
  if (alpha > -1.0)
    return FALSE;
  alpha = MAX (alpha, -64.0);
  for (guint j = 0; j < 5; j++)
    x[j] = a0[j] - 2.0 * alpha * (a1[j] - a0[j]) + alpha * alpha * (a2[j] - 2.0 * a1[j] + a0[j]);

  out->prior = CLAMP (x[0], P_MIN, 1.0 - P_MIN);
  out->learn = CLAMP (x[1], P_MIN, 1.0 - P_MIN);
  out->guess = CLAMP (x[2], P_MIN, options->max_guess);
  out->slip = CLAMP (x[3], P_MIN, options->max_slip);
  out->forget = forgets ? CLAMP (x[4], 0.0, options->max_forget) : 0.0;
  if (!(out->guess < 1.0 - out->slip))
    return FALSE;
  return TRUE;
}

/*
 * Fits one trie.  Restarts run LANES at a time; each lane stops when its
 * relative log-likelihood change falls below the tolerance.
 */
void
_trellis_bkt_fit_trie (const TrellisBktTrie    *trie,
                       TrellisBktWork          *work,
                       const TrellisBktOptions *options,
                       gboolean                 forgets,
                       const TrellisBktPriors  *priors,
                       guint64                  seed,
                       const TrellisBktParams  *start,
                       TrellisBktSkillFit      *out)
{
  TrellisBktOptions bounded = *options;
  TrellisBktPriors defaults;
  guint restarts = MAX (options->restarts, 1);
  guint64 rng = seed;
  double best_obj = -INFINITY;
  Lane best = { 0, };
  guint best_iter = 0;
  double best_ll = 0.0;
  gboolean best_swapped = FALSE;

  work_reserve (work, trie->n_nodes);
  if (priors == NULL)
    {
      _trellis_bkt_priors_default (&defaults, options);
      priors = &defaults;
    }

  if (options->large_evidence > 0 && trie->n_rows >= options->large_evidence)
    {
      bounded.max_guess = MAX (options->max_guess, options->large_max_guess);
      bounded.max_slip = MAX (options->max_slip, options->large_max_guess);
    }
  options = &bounded;

  for (guint batch = 0; batch < restarts; batch += LANES)
    {
      Lane lanes[LANES];
      Stats stats[LANES];
      double prev[LANES];
      double obj[LANES];
      gboolean done[LANES];
      gboolean swapped[LANES];
      guint iters[LANES];
      guint phase[LANES];
      Lane theta0[LANES], theta2[LANES];
      guint active = MIN (LANES, restarts - batch);
      guint n_done = 0;

      for (guint l = 0; l < LANES; l++)
        {
          if (l < active)
            {
              random_lane (&lanes[l], &rng, options, forgets, batch + l == 0);
              if (batch + l == 0 && start != NULL)
                {
                  lanes[l].prior = start->prior;
                  lanes[l].learn = start->learn;
                  lanes[l].guess = start->guess;
                  lanes[l].slip = start->slip;
                  lanes[l].forget = forgets ? start->forget : 0.0;
                }
            }
          else
            lanes[l] = lanes[0];
          prev[l] = -INFINITY;
          obj[l] = -INFINITY;
          done[l] = l >= active;
          swapped[l] = FALSE;
          iters[l] = 0;
          phase[l] = 0;
          n_done += done[l];
        }

      for (guint it = 0; it < options->max_iterations && n_done < LANES; it++)
        {
          e_step_active (trie, work, lanes, done, stats);
          for (guint l = 0; l < LANES; l++)
            {
              double o;

              if (done[l])
                continue;
              o = stats[l].ll + log_prior (&lanes[l], priors, forgets);
              iters[l] = it + 1;

              if (phase[l] == 2)
                {
                  /* At an extrapolated point: keep it only if it beats
                   * the last plain EM point (EM itself never loses). */
                  if (!isfinite (o) || o < obj[l])
                    {
                      lanes[l] = theta2[l];
                      phase[l] = 0;
                      continue;
                    }
                  obj[l] = o;
                  phase[l] = 0;
                  swapped[l] |= m_step (&lanes[l], &stats[l], options, priors, forgets);
                  continue;
                }

              obj[l] = o;
              /* Convergence is judged on plain EM steps only. */
              if (isfinite (prev[l]) &&
                  fabs (o - prev[l]) <= options->tolerance * fabs (o))
                {
                  done[l] = TRUE;
                  n_done++;
                  continue;
                }
              prev[l] = o;
              if (phase[l] == 0)
                {
                  theta0[l] = lanes[l];
                  swapped[l] |= m_step (&lanes[l], &stats[l], options, priors, forgets);
                  phase[l] = 1;
                }
              else
                {
                  Lane t1 = lanes[l];

                  swapped[l] |= m_step (&lanes[l], &stats[l], options, priors, forgets);
                  theta2[l] = lanes[l];
                  if (extrapolate (&theta0[l], &t1, &theta2[l], &lanes[l], options, forgets))
                    phase[l] = 2;
                  else
                    phase[l] = 0;
                }
            }
        }

      /* Lanes stopped by the iteration cap: their objective is that of
       * the parameters before the last M step; score them afresh. */
      if (n_done < LANES)
        {
          e_step_active (trie, work, lanes, done, stats);
          for (guint l = 0; l < active; l++)
            if (!done[l])
              obj[l] = stats[l].ll + log_prior (&lanes[l], priors, forgets);
        }

      for (guint l = 0; l < active; l++)
        {
          if (isfinite (obj[l]) && obj[l] > best_obj)
            {
              best_obj = obj[l];
              best = lanes[l];
              best_iter = iters[l];
              best_ll = obj[l] - log_prior (&lanes[l], priors, forgets);
              best_swapped = swapped[l];
            }
        }
    }

  if (!isfinite (best_obj))
    {
      TrellisBktParams d;

      trellis_bkt_params_default (&d);
      best.prior = d.prior;
      best.learn = d.learn;
      best.guess = d.guess;
      best.slip = d.slip;
      best.forget = 0.0;
      best_ll = 0.0;
    }

  out->params.prior = best.prior;
  out->params.learn = best.learn;
  out->params.guess = best.guess;
  out->params.slip = best.slip;
  out->params.forget = forgets ? best.forget : 0.0;
  out->iterations = best_iter;
  out->log_likelihood = best_ll;
  out->label_swapped = best_swapped;
  out->n_evidence = trie->n_rows;
  out->n_learners = trie->n_sequences;
  out->pooled = FALSE;
}

/* ---------------------------------------------------------------------- */
/* One skill from arrays                                                   */

gboolean
trellis_bkt_fit_skill (const guint32           *learner,
                       const guint8            *correct,
                       gsize                    n_rows,
                       const TrellisBktOptions *options,
                       TrellisBktSkillFit      *out_fit,
                       GError                 **error)
{
  TrellisBktOptions defaults;
  TrellisBktTrie trie;
  TrellisBktWork *work;
  GHashTable *cursors;
  GHashTableIter iter;
  gpointer value;

  g_return_val_if_fail (n_rows == 0 || (learner != NULL && correct != NULL), FALSE);
  g_return_val_if_fail (out_fit != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (options == NULL)
    {
      trellis_bkt_options_init (&defaults);
      options = &defaults;
    }

  memset (out_fit, 0, sizeof *out_fit);
  for (gsize i = 0; i < n_rows; i++)
    {
      if (correct[i] > 1)
        {
          g_set_error (error, TRELLIS_BKT_ERROR, TRELLIS_BKT_ERROR_INVALID,
                       "answer %" G_GSIZE_FORMAT " is neither 0 nor 1", i);
          return FALSE;
        }
    }

  _trellis_bkt_trie_init (&trie);
  _trellis_bkt_trie_reset (&trie);
  cursors = g_hash_table_new (g_direct_hash, g_direct_equal);
  for (gsize i = 0; i < n_rows; i++)
    {
      gpointer key = GUINT_TO_POINTER (learner[i] + 1);
      guint32 cur = GPOINTER_TO_UINT (g_hash_table_lookup (cursors, key));

      _trellis_bkt_trie_push (&trie, &cur, correct[i]);
      g_hash_table_insert (cursors, key, GUINT_TO_POINTER (cur));
    }
  g_hash_table_iter_init (&iter, cursors);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    _trellis_bkt_trie_end (&trie, GPOINTER_TO_UINT (value));
  g_hash_table_unref (cursors);

  if (trie.n_rows < MAX (options->min_evidence, 1) ||
      trie.n_sequences < options->min_learners)
    {
      trellis_bkt_params_default (&out_fit->params);
      out_fit->pooled = TRUE;
      out_fit->n_evidence = trie.n_rows;
      out_fit->n_learners = trie.n_sequences;
    }
  else
    {
      work = _trellis_bkt_work_new ();
      _trellis_bkt_fit_trie (&trie, work, options,
                             options->variant != TRELLIS_BKT_VARIANT_BKT,
                             NULL, options->seed, NULL, out_fit);
      _trellis_bkt_work_free (work);
    }

  _trellis_bkt_trie_clear (&trie);

  return TRUE;
}

/* ---------------------------------------------------------------------- */
/* Online state                                                            */

void
trellis_bkt_state_init (TrellisBktState        *state,
                        const TrellisBktParams *params)
{
  g_return_if_fail (state != NULL);
  g_return_if_fail (params != NULL);

  memset (state, 0, sizeof *state);
  state->known = params->prior;
  state->unknown = 1.0 - params->prior;
}

double
trellis_bkt_state_p_known (const TrellisBktState *state)
{
  double s;

  g_return_val_if_fail (state != NULL, 0.0);

  s = state->known + state->unknown;
  if (!(s > 0.0))
    return 0.0;
  return CLAMP (state->known / s, 0.0, 1.0);
}

double
trellis_bkt_state_p_correct (const TrellisBktState  *state,
                             const TrellisBktParams *params)
{
  double s, p;

  g_return_val_if_fail (state != NULL, 0.5);
  g_return_val_if_fail (params != NULL, 0.5);

  s = state->known + state->unknown;
  if (!(s > 0.0))
    return 0.5;
  p = (state->known * (1.0 - params->slip) + state->unknown * params->guess) / s;
  return CLAMP (p, 0.0, 1.0);
}

void
trellis_bkt_state_update (TrellisBktState        *state,
                          const TrellisBktParams *params,
                          gboolean                correct)
{
  double k, u, s;

  g_return_if_fail (state != NULL);
  g_return_if_fail (params != NULL);

  if (correct)
    {
      k = state->known * (1.0 - params->slip);
      u = state->unknown * params->guess;
    }
  else
    {
      k = state->known * params->slip;
      u = state->unknown * (1.0 - params->guess);
    }
  s = k + u;
  if (s > 0.0 && isfinite (s))
    {
      k /= s;
      u /= s;
    }
  else
    {
      /* Impossible answer under the parameters: keep the old belief. */
      s = state->known + state->unknown;
      k = s > 0.0 ? state->known / s : 0.5;
      u = s > 0.0 ? state->unknown / s : 0.5;
    }

  state->known = k * (1.0 - params->forget) + u * params->learn;
  state->unknown = k * params->forget + u * (1.0 - params->learn);
  if (state->unknown < 1e-300)
    state->unknown = 1e-300;
  if (state->known < 1e-300)
    state->known = 1e-300;

  if (state->n_evidence > 0 && ((state->recent & 1) != 0) == (correct != FALSE))
    state->run++;
  else
    state->run = 1;
  state->recent = (state->recent << 1) | (correct ? 1 : 0);
  state->n_evidence++;
}

guint
trellis_bkt_state_recent_right (const TrellisBktState *state,
                                guint                  n)
{
  guint32 mask;

  g_return_val_if_fail (state != NULL, 0);

  n = MIN (n, MIN (state->n_evidence, 32));
  if (n == 0)
    return 0;
  mask = n >= 32 ? G_MAXUINT32 : ((1u << n) - 1);
  return (guint) __builtin_popcount (state->recent & mask);
}

/* ---------------------------------------------------------------------- */
/* Metrics                                                                 */

typedef struct
{
  double p;
  guint8 y;
} Scored;

static int
cmp_scored (const void *a,
            const void *b)
{
  double pa = ((const Scored *) a)->p;
  double pb = ((const Scored *) b)->p;

  return (pa > pb) - (pa < pb);
}

double
trellis_bkt_auc (const double *p,
                 const guint8 *y,
                 gsize         n)
{
  Scored *s;
  double rank_sum = 0.0;
  double n_pos = 0.0, n_neg;
  gsize i = 0;

  g_return_val_if_fail (n == 0 || (p != NULL && y != NULL), NAN);

  s = g_new (Scored, MAX (n, 1));
  for (gsize j = 0; j < n; j++)
    {
      s[j].p = p[j];
      s[j].y = y[j] ? 1 : 0;
      n_pos += s[j].y;
    }
  qsort (s, n, sizeof *s, cmp_scored);

  /* Ranks 1 … n, ties get the average rank. */
  while (i < n)
    {
      gsize j = i;
      double pos = 0.0;
      double avg;

      while (j < n && s[j].p == s[i].p)
        pos += s[j++].y;
      avg = (i + 1 + j) / 2.0;
      rank_sum += avg * pos;
      i = j;
    }
  g_free (s);

  n_neg = (double) n - n_pos;
  if (n_pos == 0.0 || n_neg == 0.0)
    return NAN;
  return (rank_sum - n_pos * (n_pos + 1) / 2.0) / (n_pos * n_neg);
}

double
trellis_bkt_rmse (const double *p,
                  const guint8 *y,
                  gsize         n)
{
  double s = 0.0;

  g_return_val_if_fail (n == 0 || (p != NULL && y != NULL), NAN);

  if (n == 0)
    return NAN;
  for (gsize i = 0; i < n; i++)
    {
      double d = p[i] - (y[i] ? 1.0 : 0.0);
      s += d * d;
    }
  return sqrt (s / n);
}

/* trellis-bkt-model.c
 *
 * Copyright 2026 The Trellis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * A fitted model over many skills: per-skill BKT fits (in parallel over
 * skills), pooled class-level defaults, the optional logistic layer, and
 * online prediction.
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "trellis-bkt.h"
#include "trellis-bkt-private.h"

TrellisBktModel *
trellis_bkt_model_new (guint             n_skills,
                       TrellisBktVariant variant)
{
  TrellisBktModel *model = g_new0 (TrellisBktModel, 1);

  model->variant = variant;
  model->n_skills = n_skills;
  model->skills = g_new0 (TrellisBktSkillFit, MAX (n_skills, 1));
  trellis_bkt_params_default (&model->pooled);
  for (guint s = 0; s < n_skills; s++)
    {
      model->skills[s].params = model->pooled;
      model->skills[s].pooled = TRUE;
    }
  model->layer.enabled = FALSE;
  model->layer.ability_shrink = 20.0;

  return model;
}

void
trellis_bkt_model_free (TrellisBktModel *model)
{
  if (model == NULL)
    return;

  g_free (model->skills);
  g_free (model);
}

guint
trellis_bkt_model_get_n_skills (const TrellisBktModel *model)
{
  g_return_val_if_fail (model != NULL, 0);

  return model->n_skills;
}

TrellisBktVariant
trellis_bkt_model_get_variant (const TrellisBktModel *model)
{
  g_return_val_if_fail (model != NULL, TRELLIS_BKT_VARIANT_BKT);

  return model->variant;
}

TrellisBktSkillFit *
trellis_bkt_model_get_skill (TrellisBktModel *model,
                             guint            skill)
{
  g_return_val_if_fail (model != NULL, NULL);
  g_return_val_if_fail (skill < model->n_skills, NULL);

  return &model->skills[skill];
}

TrellisBktParams *
trellis_bkt_model_get_pooled (TrellisBktModel *model)
{
  g_return_val_if_fail (model != NULL, NULL);

  return &model->pooled;
}

TrellisBktLayer *
trellis_bkt_model_get_layer (TrellisBktModel *model)
{
  g_return_val_if_fail (model != NULL, NULL);

  return &model->layer;
}

const TrellisBktParams *
trellis_bkt_model_params_for (const TrellisBktModel *model,
                              guint                  skill)
{
  g_return_val_if_fail (model != NULL, NULL);

  if (skill >= model->n_skills)
    return &model->pooled;
  return &model->skills[skill].params;
}

/* ---------------------------------------------------------------------- */
/* Fitting all skills                                                      */

typedef struct
{
  const guint32           *learner;
  const guint8            *correct;
  const guint32           *order;    /* row indices grouped by skill */
  const guint32           *offsets;  /* n_skills + 1 */
  const guint32           *by_size;  /* skills, largest first */
  guint                    n_skills;
  guint                    n_learners;
  const TrellisBktOptions *options;
  gboolean                 forgets;
  const TrellisBktPriors  *priors;   /* NULL: the defaults */
  gboolean                 refit;    /* second pass: from each fitted skill's parameters */
  TrellisBktTrie          *tries;    /* n_skills, kept for the second pass; NULL: none */
  TrellisBktSkillFit      *fits;
  gint                     next;     /* atomic */
} FitJob;

static guint64
skill_seed (guint64 seed,
            guint   skill)
{
  guint64 z = seed ^ (G_GUINT64_CONSTANT (0xD1B54A32D192ED03) * (skill + 1));

  z = (z ^ (z >> 31)) * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15);
  return z ^ (z >> 29);
}

/* Builds the trie of the rows @order[from … to) into @trie. */
static void
build_trie (TrellisBktTrie *trie,
            const guint32  *learner,
            const guint8   *correct,
            const guint32  *order,
            guint32         from,
            guint32         to,
            guint32        *cursor,
            guint32        *touched)
{
  guint n_touched = 0;

  _trellis_bkt_trie_reset (trie);
  for (guint32 j = from; j < to; j++)
    {
      guint32 r = order[j];
      guint32 l = learner[r];

      if (cursor[l] == 0)
        touched[n_touched++] = l;
      _trellis_bkt_trie_push (trie, &cursor[l], correct[r]);
    }
  for (guint i = 0; i < n_touched; i++)
    {
      _trellis_bkt_trie_end (trie, cursor[touched[i]]);
      cursor[touched[i]] = 0;
    }
}

static gpointer
fit_worker (gpointer data)
{
  FitJob *job = data;
  TrellisBktTrie trie;
  TrellisBktWork *work = _trellis_bkt_work_new ();
  guint32 *cursor = g_new0 (guint32, MAX (job->n_learners, 1));
  guint32 *touched = g_new (guint32, MAX (job->n_learners, 1));

  _trellis_bkt_trie_init (&trie);

  for (;;)
    {
      gint k = g_atomic_int_add (&job->next, 1);
      TrellisBktTrie *t;
      guint s;
      guint32 n;

      if (k >= (gint) job->n_skills)
        break;
      s = job->by_size[k];
      n = job->offsets[s + 1] - job->offsets[s];
      t = job->tries != NULL ? &job->tries[s] : &trie;

      if (job->refit)
        {
          TrellisBktSkillFit first = job->fits[s];

          if (first.pooled)
            continue;
          _trellis_bkt_fit_trie (t, work, job->options, job->forgets, job->priors,
                                 skill_seed (job->options->seed, s), &first.params,
                                 &job->fits[s]);
          job->fits[s].iterations += first.iterations;
          job->fits[s].label_swapped |= first.label_swapped;
          continue;
        }

      if (n == 0)
        {
          job->fits[s].pooled = TRUE;
          continue;
        }

      build_trie (t, job->learner, job->correct, job->order,
                  job->offsets[s], job->offsets[s + 1], cursor, touched);

      if (t->n_rows < MAX (job->options->min_evidence, 1) ||
          t->n_sequences < job->options->min_learners)
        {
          job->fits[s].pooled = TRUE;
          job->fits[s].n_evidence = t->n_rows;
          job->fits[s].n_learners = t->n_sequences;
          continue;
        }

      _trellis_bkt_fit_trie (t, work, job->options, job->forgets, job->priors,
                             skill_seed (job->options->seed, s), NULL,
                             &job->fits[s]);
    }

  _trellis_bkt_trie_clear (&trie);
  _trellis_bkt_work_free (work);
  g_free (cursor);
  g_free (touched);

  return NULL;
}

static gint
cmp_by_size (gconstpointer a,
             gconstpointer b,
             gpointer      data)
{
  const guint32 *sizes = data;
  guint32 sa = sizes[*(const guint32 *) a];
  guint32 sb = sizes[*(const guint32 *) b];

  if (sa != sb)
    return sa < sb ? 1 : -1;
  return *(const guint32 *) a < *(const guint32 *) b ? -1 : 1;
}

/*
 * Empirical Bayes over the class's skills: weak Beta priors for prior,
 * learn, guess and slip centred on the mean of the fitted skills, each
 * weighted by the method of moments (a Beta with that mean and the skills'
 * spread) within [CLASS_PRIOR_MIN, CLASS_PRIOR_MAX] pseudo-answers.  Skills
 * alike pull each other's noisy estimates together; skills that differ
 * much get a weak pull.  Measured on generated classes (benchmarks/README.md):
 * parameter recovery improves most for small classes.  Needs at least
 * CLASS_PRIOR_MIN_SKILLS fitted skills; the forget rate keeps its default.
 */
#define CLASS_PRIOR_MIN_SKILLS 3
#define CLASS_PRIOR_MIN        2.0
#define CLASS_PRIOR_MAX        20.0

static gboolean
estimate_class_priors (const TrellisBktModel   *model,
                       const TrellisBktOptions *options,
                       TrellisBktPriors        *priors)
{
  double mean[4] = { 0, }, var[4] = { 0, };
  guint n = 0;

  if (!options->class_priors || options->prior_strength <= 0.0)
    return FALSE;

  for (guint s = 0; s < model->n_skills; s++)
    {
      const TrellisBktParams *p = &model->skills[s].params;

      if (model->skills[s].pooled)
        continue;
      mean[0] += p->prior;
      mean[1] += p->learn;
      mean[2] += p->guess;
      mean[3] += p->slip;
      n++;
    }
  if (n < CLASS_PRIOR_MIN_SKILLS)
    return FALSE;
  for (guint k = 0; k < 4; k++)
    mean[k] /= n;

  for (guint s = 0; s < model->n_skills; s++)
    {
      const TrellisBktParams *p = &model->skills[s].params;
      double x[4] = { p->prior, p->learn, p->guess, p->slip };

      if (model->skills[s].pooled)
        continue;
      for (guint k = 0; k < 4; k++)
        var[k] += (x[k] - mean[k]) * (x[k] - mean[k]) / (n - 1);
    }

  _trellis_bkt_priors_default (priors, options);
  for (guint k = 0; k < 4; k++)
    {
      double strength = mean[k] * (1.0 - mean[k]) / MAX (var[k], 1e-9) - 1.0;

      priors->mean[k] = mean[k];
      priors->strength[k] = CLAMP (strength, CLASS_PRIOR_MIN, CLASS_PRIOR_MAX);
    }

  return TRUE;
}

/* Runs @job on @n_threads threads (the calling one included). */
static void
run_fit_job (FitJob *job,
             guint   n_threads)
{
  GThread *threads[64];

  n_threads = MIN (n_threads, G_N_ELEMENTS (threads));
  job->next = 0;
  for (guint t = 1; t < n_threads; t++)
    threads[t] = g_thread_new ("trellis-bkt-fit", fit_worker, job);
  fit_worker (job);
  for (guint t = 1; t < n_threads; t++)
    g_thread_join (threads[t]);
}

TrellisBktModel *
trellis_bkt_fit (const guint32           *skill,
                 const guint32           *learner,
                 const guint8            *correct,
                 gsize                    n_rows,
                 guint                    n_skills,
                 const TrellisBktOptions *options,
                 GError                 **error)
{
  TrellisBktOptions defaults;
  TrellisBktModel *model;
  FitJob job = { 0, };
  guint32 *offsets, *order, *sizes, *by_size;
  guint n_learners = 0;
  guint n_threads;
  TrellisBktPriors class_priors;
  double wsum = 0.0;
  TrellisBktParams mean = { 0, };
  gboolean forgets;

  g_return_val_if_fail (n_rows == 0 || (skill != NULL && learner != NULL && correct != NULL), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (options == NULL)
    {
      trellis_bkt_options_init (&defaults);
      options = &defaults;
    }

  if (n_rows >= G_MAXUINT32)
    {
      g_set_error (error, TRELLIS_BKT_ERROR, TRELLIS_BKT_ERROR_INVALID,
                   "too many rows");
      return NULL;
    }

  for (gsize i = 0; i < n_rows; i++)
    {
      if (skill[i] >= n_skills)
        {
          g_set_error (error, TRELLIS_BKT_ERROR, TRELLIS_BKT_ERROR_INVALID,
                       "row %" G_GSIZE_FORMAT ": skill index %u out of range",
                       i, skill[i]);
          return NULL;
        }
      if (correct[i] > 1)
        {
          g_set_error (error, TRELLIS_BKT_ERROR, TRELLIS_BKT_ERROR_INVALID,
                       "row %" G_GSIZE_FORMAT ": answer is neither 0 nor 1", i);
          return NULL;
        }
      if (learner[i] >= G_MAXUINT32 - 1)
        {
          g_set_error (error, TRELLIS_BKT_ERROR, TRELLIS_BKT_ERROR_INVALID,
                       "row %" G_GSIZE_FORMAT ": learner index out of range", i);
          return NULL;
        }
      n_learners = MAX (n_learners, learner[i] + 1);
    }

  model = trellis_bkt_model_new (n_skills, options->variant);
  forgets = options->variant != TRELLIS_BKT_VARIANT_BKT;

  /* Counting sort of the rows by skill, keeping time order. */
  offsets = g_new0 (guint32, n_skills + 1);
  sizes = g_new0 (guint32, MAX (n_skills, 1));
  order = g_new (guint32, MAX (n_rows, 1));
  by_size = g_new (guint32, MAX (n_skills, 1));
  for (gsize i = 0; i < n_rows; i++)
    sizes[skill[i]]++;
  for (guint s = 0; s < n_skills; s++)
    offsets[s + 1] = offsets[s] + sizes[s];
  {
    guint32 *pos = g_memdup2 (offsets, sizeof (guint32) * (n_skills + 1));

    for (gsize i = 0; i < n_rows; i++)
      order[pos[skill[i]]++] = (guint32) i;
    g_free (pos);
  }
  for (guint s = 0; s < n_skills; s++)
    by_size[s] = s;
  g_qsort_with_data (by_size, n_skills, sizeof (guint32), cmp_by_size, sizes);

  job.learner = learner;
  job.correct = correct;
  job.order = order;
  job.offsets = offsets;
  job.by_size = by_size;
  job.n_skills = n_skills;
  job.n_learners = n_learners;
  job.options = options;
  job.forgets = forgets;
  job.fits = model->skills;
  job.next = 0;
  for (guint s = 0; s < n_skills; s++)
    model->skills[s].pooled = FALSE;

  n_threads = options->n_threads ? options->n_threads : g_get_num_processors ();
  n_threads = MAX (n_threads, 1);
  n_threads = MIN (n_threads, MAX (n_skills, 1));
  if (n_rows < 20000)
    n_threads = 1;

  /* Each skill's trie is kept for the second pass when there may be one. */
  if (options->class_priors && options->prior_strength > 0.0 &&
      n_skills >= CLASS_PRIOR_MIN_SKILLS)
    job.tries = g_new0 (TrellisBktTrie, n_skills);

  run_fit_job (&job, n_threads);

  /* Second pass with the class's own priors, from each skill's first fit
   * (one start: the first pass has already searched with restarts). */
  if (job.tries != NULL && estimate_class_priors (model, options, &class_priors))
    {
      TrellisBktOptions once = *options;

      once.restarts = 1;
      job.options = &once;
      job.priors = &class_priors;
      job.refit = TRUE;
      run_fit_job (&job, n_threads);
      job.options = options;
    }
  if (job.tries != NULL)
    {
      for (guint s = 0; s < n_skills; s++)
        _trellis_bkt_trie_clear (&job.tries[s]);
      g_free (job.tries);
    }

  /* Pooled class-level defaults: the evidence-weighted mean of the fitted
   * skills; with no skill fitted, one fit over every sequence together. */
  for (guint s = 0; s < n_skills; s++)
    {
      const TrellisBktSkillFit *f = &model->skills[s];
      double w;

      if (f->pooled)
        continue;
      w = f->n_evidence;
      mean.prior += w * f->params.prior;
      mean.learn += w * f->params.learn;
      mean.guess += w * f->params.guess;
      mean.slip += w * f->params.slip;
      mean.forget += w * f->params.forget;
      wsum += w;
    }

  if (wsum > 0.0)
    {
      mean.prior /= wsum;
      mean.learn /= wsum;
      mean.guess /= wsum;
      mean.slip /= wsum;
      mean.forget /= wsum;
      model->pooled = mean;
    }
  else if (n_rows > 0)
    {
      TrellisBktTrie trie;
      TrellisBktWork *work = _trellis_bkt_work_new ();
      TrellisBktSkillFit fit;
      guint32 *cursor = g_new0 (guint32, MAX (n_learners, 1));
      guint32 *touched = g_new (guint32, MAX (n_learners, 1));
      TrellisBktOptions o = *options;

      /* Each (skill, learner) sequence separately: consecutive skills'
       * blocks in `order` never share a cursor. */
      _trellis_bkt_trie_init (&trie);
      _trellis_bkt_trie_reset (&trie);
      for (guint s = 0; s < n_skills; s++)
        {
          guint n_touched = 0;

          for (guint32 j = offsets[s]; j < offsets[s + 1]; j++)
            {
              guint32 l = learner[order[j]];

              if (cursor[l] == 0)
                touched[n_touched++] = l;
              _trellis_bkt_trie_push (&trie, &cursor[l], correct[order[j]]);
            }
          for (guint i = 0; i < n_touched; i++)
            {
              _trellis_bkt_trie_end (&trie, cursor[touched[i]]);
              cursor[touched[i]] = 0;
            }
        }
      _trellis_bkt_fit_trie (&trie, work, &o, forgets, NULL,
                             skill_seed (options->seed, G_MAXUINT32 - 1), NULL, &fit);
      model->pooled = fit.params;
      _trellis_bkt_trie_clear (&trie);
      _trellis_bkt_work_free (work);
      g_free (cursor);
      g_free (touched);
    }

  for (guint s = 0; s < n_skills; s++)
    if (model->skills[s].pooled)
      model->skills[s].params = model->pooled;

  g_free (offsets);
  g_free (sizes);
  g_free (order);
  g_free (by_size);

  if (options->variant == TRELLIS_BKT_VARIANT_BEST && n_rows > 0)
    _trellis_bkt_layer_fit (model, skill, learner, correct, n_rows);

  return model;
}

/* ---------------------------------------------------------------------- */
/* The logistic layer                                                      */

static const char * const feature_names[TRELLIS_BKT_N_LAYER_WEIGHTS] = {
  "bias",
  "logit_bkt",        /* BKT's own prediction */
  "ability",          /* the learner's mean residual over earlier answers */
  "ability_first",    /* ability, on a skill's first answer only */
  "log_count",        /* log (1 + answers on the skill so far) */
  "ability_x_logit",  /* interaction */
};

const char *
trellis_bkt_layer_feature_name (guint i)
{
  g_return_val_if_fail (i < TRELLIS_BKT_N_LAYER_WEIGHTS, NULL);

  return feature_names[i];
}

static double
logit (double p)
{
  p = CLAMP (p, 1e-6, 1.0 - 1e-6);
  return log (p / (1.0 - p));
}

void
_trellis_bkt_layer_features (const TrellisBktLayer        *layer,
                             double                        p_bkt,
                             const TrellisBktState        *state,
                             const TrellisBktLearnerState *learner,
                             double                       *x)
{
  double ability = 0.0;
  guint n = state->n_evidence;

  if (learner != NULL)
    ability = learner->residual / (learner->n_evidence + layer->ability_shrink);

  x[0] = 1.0;
  x[1] = logit (p_bkt);
  x[2] = ability;
  x[3] = n == 0 ? ability : 0.0;
  x[4] = log1p ((double) n);
  x[5] = ability * x[1];
}

double
_trellis_bkt_layer_apply (const TrellisBktLayer *layer,
                          const double          *x)
{
  double z = 0.0;

  for (guint j = 0; j < TRELLIS_BKT_N_LAYER_WEIGHTS; j++)
    z += layer->weights[j] * x[j];
  z = CLAMP (z, -30.0, 30.0);
  return 1.0 / (1.0 + exp (-z));
}

/* ---------------------------------------------------------------------- */
/* Online prediction                                                       */

void
trellis_bkt_learner_state_init (TrellisBktLearnerState *learner)
{
  g_return_if_fail (learner != NULL);

  memset (learner, 0, sizeof *learner);
}

static double
p_correct_full (const TrellisBktModel        *model,
                const TrellisBktParams       *params,
                const TrellisBktState        *state,
                const TrellisBktLearnerState *learner,
                double                       *out_p_bkt)
{
  double p = trellis_bkt_state_p_correct (state, params);
  double x[TRELLIS_BKT_N_LAYER_WEIGHTS];

  if (out_p_bkt != NULL)
    *out_p_bkt = p;
  if (!model->layer.enabled)
    return p;

  _trellis_bkt_layer_features (&model->layer, p, state, learner, x);
  return _trellis_bkt_layer_apply (&model->layer, x);
}

double
trellis_bkt_model_p_correct (const TrellisBktModel        *model,
                             guint                         skill,
                             const TrellisBktState        *state,
                             const TrellisBktLearnerState *learner)
{
  g_return_val_if_fail (model != NULL, 0.5);
  g_return_val_if_fail (state != NULL, 0.5);

  return p_correct_full (model, trellis_bkt_model_params_for (model, skill),
                         state, learner, NULL);
}

void
trellis_bkt_model_update (const TrellisBktModel  *model,
                          guint                   skill,
                          TrellisBktState        *state,
                          TrellisBktLearnerState *learner,
                          gboolean                correct)
{
  const TrellisBktParams *params;

  g_return_if_fail (model != NULL);
  g_return_if_fail (state != NULL);

  params = trellis_bkt_model_params_for (model, skill);
  if (learner != NULL)
    {
      learner->residual += (correct ? 1.0 : 0.0) - trellis_bkt_state_p_correct (state, params);
      learner->n_evidence++;
    }
  trellis_bkt_state_update (state, params, correct);
}

/*
 * States of (learner, skill) pairs, allocated in order of first use; a
 * dense index (or a hash table for huge inputs) finds them.
 */
typedef struct
{
  guint            n_slots;
  guint32         *index;   /* learner × slot → state + 1, or NULL */
  GHashTable      *hash;    /* else: key → state + 1 */
  TrellisBktState *states;
  gsize            n_states;
  gsize            capacity;
} StateTable;

static void
state_table_init (StateTable *t,
                  guint       n_learners,
                  guint       n_slots)
{
  memset (t, 0, sizeof *t);
  t->n_slots = n_slots;
  if ((guint64) n_learners * n_slots <= (1u << 22))
    t->index = g_new0 (guint32, MAX ((gsize) n_learners * n_slots, 1));
  else
    t->hash = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  t->capacity = 1024;
  t->states = g_new (TrellisBktState, t->capacity);
}

static TrellisBktState *
state_table_get (StateTable             *t,
                 guint32                 learner,
                 guint32                 slot,
                 const TrellisBktParams *params)
{
  guint32 *ref = NULL;
  gint64 key = 0;
  gsize i;

  if (t->index != NULL)
    {
      ref = &t->index[(gsize) learner * t->n_slots + slot];
      if (*ref != 0)
        return &t->states[*ref - 1];
    }
  else
    {
      key = ((gint64) learner << 32) | slot;
      i = GPOINTER_TO_SIZE (g_hash_table_lookup (t->hash, &key));
      if (i != 0)
        return &t->states[i - 1];
    }

  if (t->n_states == t->capacity)
    {
      t->capacity *= 2;
      t->states = g_renew (TrellisBktState, t->states, t->capacity);
    }
  i = t->n_states++;
  trellis_bkt_state_init (&t->states[i], params);
  if (ref != NULL)
    *ref = (guint32) (i + 1);
  else
    g_hash_table_insert (t->hash, g_memdup2 (&key, sizeof key), GSIZE_TO_POINTER (i + 1));

  return &t->states[i];
}

static void
state_table_clear (StateTable *t)
{
  g_free (t->index);
  g_free (t->states);
  if (t->hash != NULL)
    g_hash_table_unref (t->hash);
}

/*
 * Walks the rows online.  @out_p gets the model's predictions; @out_pbkt
 * (nullable) the plain BKT ones; @out_x (nullable) the layer features.
 */
static void
walk (const TrellisBktModel *model,
      const guint32         *skill,
      const guint32         *learner,
      const guint8          *correct,
      gsize                  n_rows,
      double                *out_p,
      float                 *out_x,
      gsize                  x_stride)
{
  guint32 max_skill = 0;
  guint32 max_learner = 0;
  guint32 unknown_slot;
  StateTable table;
  TrellisBktLearnerState *learners;

  for (gsize i = 0; i < n_rows; i++)
    {
      if (skill[i] != TRELLIS_BKT_UNKNOWN_SKILL)
        max_skill = MAX (max_skill, skill[i]);
      max_learner = MAX (max_learner, learner[i]);
    }
  unknown_slot = max_skill + 1;

  state_table_init (&table, max_learner + 1, unknown_slot + 1);
  learners = g_new0 (TrellisBktLearnerState, (gsize) max_learner + 1);

  for (gsize i = 0; i < n_rows; i++)
    {
      guint32 s = skill[i];
      guint32 slot = s == TRELLIS_BKT_UNKNOWN_SKILL ? unknown_slot : s;
      const TrellisBktParams *params = trellis_bkt_model_params_for (model, s);
      TrellisBktState *st = state_table_get (&table, learner[i], slot, params);
      TrellisBktLearnerState *ls = &learners[learner[i]];
      double p_bkt = trellis_bkt_state_p_correct (st, params);

      if (out_x != NULL && i % x_stride == 0)
        {
          double x[TRELLIS_BKT_N_LAYER_WEIGHTS];
          float *o = &out_x[(i / x_stride) * TRELLIS_BKT_N_LAYER_WEIGHTS];

          _trellis_bkt_layer_features (&model->layer, p_bkt, st, ls, x);
          for (guint j = 0; j < TRELLIS_BKT_N_LAYER_WEIGHTS; j++)
            o[j] = (float) x[j];
        }
      if (out_p != NULL)
        {
          if (model->layer.enabled)
            {
              double x[TRELLIS_BKT_N_LAYER_WEIGHTS];

              _trellis_bkt_layer_features (&model->layer, p_bkt, st, ls, x);
              out_p[i] = _trellis_bkt_layer_apply (&model->layer, x);
            }
          else
            out_p[i] = p_bkt;
        }

      ls->residual += (correct[i] ? 1.0 : 0.0) - p_bkt;
      ls->n_evidence++;
      trellis_bkt_state_update (st, params, correct[i]);
    }

  state_table_clear (&table);
  g_free (learners);
}

void
trellis_bkt_model_predict (const TrellisBktModel *model,
                           const guint32         *skill,
                           const guint32         *learner,
                           const guint8          *correct,
                           gsize                  n_rows,
                           double                *out_p)
{
  g_return_if_fail (model != NULL);
  g_return_if_fail (n_rows == 0 || (skill != NULL && learner != NULL &&
                                    correct != NULL && out_p != NULL));

  walk (model, skill, learner, correct, n_rows, out_p, NULL, 1);
}

/*
 * Fits the layer's weights by Newton's method (L2-regularised logistic
 * regression) on the online features of the training rows.
 */
#define LAYER_MAX_ROWS 100000

void
_trellis_bkt_layer_fit (TrellisBktModel *model,
                        const guint32   *skill,
                        const guint32   *learner,
                        const guint8    *correct,
                        gsize            n_rows)
{
  enum { D = TRELLIS_BKT_N_LAYER_WEIGHTS };
  float *x;
  double w[D] = { 0, };
  gsize stride = 1;
  guint8 *y;
  gsize n;

  model->layer.enabled = FALSE;
  if (n_rows < 200)
    return;

  /* Subsample big inputs evenly (keeps the fit fast). */
  if (n_rows > LAYER_MAX_ROWS)
    stride = (n_rows + LAYER_MAX_ROWS - 1) / LAYER_MAX_ROWS;
  n = (n_rows + stride - 1) / stride;
  x = g_new (float, n * D);
  walk (model, skill, learner, correct, n_rows, NULL, x, stride);
  y = g_new (guint8, n);
  for (gsize i = 0; i < n; i++)
    y[i] = correct[i * stride];

  w[1] = 1.0;
  for (guint it = 0; it < 8; it++)
    {
      double g[D] = { 0, };
      double h[D][D] = { { 0, } };
      double step[D];
      double max_step = 0.0;

      for (gsize i = 0; i < n; i++)
        {
          const float *xi = &x[i * D];
          double z = 0.0, p, r, v;

          for (guint j = 0; j < D; j++)
            z += w[j] * xi[j];
          z = CLAMP (z, -30.0, 30.0);
          p = 1.0 / (1.0 + exp (-z));
          r = y[i] - p;
          v = p * (1.0 - p);
          for (guint j = 0; j < D; j++)
            {
              double vx = v * xi[j];

              g[j] += r * xi[j];
              for (guint k = 0; k <= j; k++)
                h[j][k] += vx * xi[k];
            }
        }

      /* L2 penalty (tiny), Hessian symmetric */
      for (guint j = 0; j < D; j++)
        {
          g[j] -= 1e-3 * w[j];
          h[j][j] += 1e-3;
          for (guint k = 0; k < j; k++)
            h[k][j] = h[j][k];
        }

      /* Solve h · step = g by Cholesky. */
      {
        double L[D][D] = { { 0, } };
        double z[D];
        gboolean ok = TRUE;

        for (guint j = 0; j < D && ok; j++)
          {
            double s = h[j][j];

            for (guint k = 0; k < j; k++)
              s -= L[j][k] * L[j][k];
            if (!(s > 0.0))
              {
                ok = FALSE;
                break;
              }
            L[j][j] = sqrt (s);
            for (guint i2 = j + 1; i2 < D; i2++)
              {
                double t = h[i2][j];

                for (guint k = 0; k < j; k++)
                  t -= L[i2][k] * L[j][k];
                L[i2][j] = t / L[j][j];
              }
          }
        if (!ok)
          break;
        for (guint j = 0; j < D; j++)
          {
            double t = g[j];

            for (guint k = 0; k < j; k++)
              t -= L[j][k] * z[k];
            z[j] = t / L[j][j];
          }
        for (guint j = D; j-- > 0;)
          {
            double t = z[j];

            for (guint k = j + 1; k < D; k++)
              t -= L[k][j] * step[k];
            step[j] = t / L[j][j];
          }
      }

      for (guint j = 0; j < D; j++)
        {
          w[j] += step[j];
          max_step = MAX (max_step, fabs (step[j]));
        }
      if (max_step < 1e-4)
        break;
    }

  for (guint j = 0; j < D; j++)
    if (!isfinite (w[j]))
      goto out;

  memcpy (model->layer.weights, w, sizeof w);
  model->layer.enabled = TRUE;

out:
  g_free (x);
  g_free (y);
}

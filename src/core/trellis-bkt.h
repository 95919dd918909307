/* trellis-bkt.h
 *
 * Copyright 2026 The Trellis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * The mastery engine: Bayesian Knowledge Tracing per skill, with optional
 * forgetting and an optional logistic layer (learner ability, recency) on top
 * of the knowledge state.  Plain C API: arrays in, arrays out.  Nothing here
 * knows about SQLite or GTK.
 *
 * Indices: learners and skills are dense indices chosen by the caller
 * (0 … n − 1).  Rows are given in time order.
 */

#define TRELLIS_BKT_ERROR (trellis_bkt_error_quark ())

typedef enum
{
  TRELLIS_BKT_ERROR_INVALID,   /* malformed input (bad value, bad column) */
  TRELLIS_BKT_ERROR_EMPTY,     /* no rows at all */
  TRELLIS_BKT_ERROR_PARSE,     /* malformed file (JSON, CSV) */
} TrellisBktError;

GQuark trellis_bkt_error_quark (void);

/* A skill index meaning "not fitted": predictions use the pooled defaults. */
#define TRELLIS_BKT_UNKNOWN_SKILL G_MAXUINT32

/* Parameters of one skill.  All probabilities in [0, 1]. */
typedef struct
{
  double prior;   /* P(known) before the first answer */
  double learn;   /* P(unknown → known) after an answer */
  double guess;   /* P(correct | unknown) */
  double slip;    /* P(wrong | known) */
  double forget;  /* P(known → unknown) after an answer; 0 in plain BKT */
} TrellisBktParams;

/* The result of fitting one skill. */
typedef struct
{
  TrellisBktParams params;
  guint            n_evidence;     /* answers seen for the skill */
  guint            n_learners;     /* distinct learners among them */
  guint            iterations;     /* EM iterations of the best restart */
  double           log_likelihood; /* of the training data under params */
  gboolean         pooled;         /* TRUE: too little evidence, params are the class defaults */
  gboolean         label_swapped;  /* TRUE: the fit had guess > 1 − slip and was corrected */
} TrellisBktSkillFit;

typedef enum
{
  TRELLIS_BKT_VARIANT_BKT,      /* plain BKT: prior, learn, guess, slip */
  TRELLIS_BKT_VARIANT_FORGETS,  /* BKT with a fitted forget rate */
  TRELLIS_BKT_VARIANT_BEST,     /* BKT with forgetting plus the logistic layer */
} TrellisBktVariant;

typedef struct
{
  TrellisBktVariant variant;
  guint             restarts;        /* random restarts per skill (≥ 1) */
  guint64           seed;            /* same seed, same data → same fit */
  guint             max_iterations;  /* EM iterations per restart */
  double            tolerance;       /* stop when relative log-likelihood change < this */
  double            max_guess;       /* default 0.3 */
  double            max_slip;        /* default 0.3 */
  guint             large_evidence;  /* skills with at least this many answers (2000) … */
  double            large_max_guess; /* … may have guess and slip up to this (0.5, e.g. */
                                     /* true/false items); classes never get there */
  double            max_forget;      /* default 0.5 */
  double            prior_strength;  /* pseudo-answers of the weak Beta priors (MAP-EM); 0: plain ML */
  gboolean          class_priors;    /* trellis_bkt_fit(): refit with weak priors centred on */
                                     /* this class's own skills (empirical Bayes); TRUE for */
                                     /* the best variant (see trellis_bkt_options_set_variant) */
  guint             min_evidence;    /* fewer answers than this: pooled defaults */
  guint             min_learners;    /* fewer learners than this: pooled defaults */
  guint             n_threads;       /* 0: one per core */
} TrellisBktOptions;

void       trellis_bkt_options_init      (TrellisBktOptions       *options);
void       trellis_bkt_options_set_variant (TrellisBktOptions     *options,
                                            TrellisBktVariant      variant);

const char *trellis_bkt_variant_to_string   (TrellisBktVariant  variant);
gboolean    trellis_bkt_variant_from_string (const char        *str,
                                             TrellisBktVariant *variant);

/* Class-level defaults used before any fit (and when nothing can be fitted). */
void       trellis_bkt_params_default    (TrellisBktParams        *params);

/*
 * A fit with guess > 1 − slip has its two states swapped (the "known" one
 * answers worse).  Swaps them back: prior → 1 − prior, guess ↔ 1 − slip,
 * learn ↔ forget (exact when forgetting is allowed; with @forgets FALSE the
 * forget rate stays 0 and learn is kept).  Returns TRUE if it swapped.
 */
gboolean   trellis_bkt_params_fix_label_swap (TrellisBktParams *params,
                                              gboolean          forgets);

/* TRUE if every value is finite and in its bounds. */
gboolean   trellis_bkt_params_valid      (const TrellisBktParams  *params);

/*
 * Fits one skill from its answers in time order: @learner[i] is the learner
 * of answer i, @correct[i] is 0 or 1.  A skill with too little evidence gets
 * the default parameters and pooled = TRUE; callers that have class-level
 * parameters should use trellis_bkt_fit() instead, which pools over skills.
 */
gboolean   trellis_bkt_fit_skill         (const guint32           *learner,
                                          const guint8            *correct,
                                          gsize                    n_rows,
                                          const TrellisBktOptions *options,
                                          TrellisBktSkillFit      *out_fit,
                                          GError                 **error);

/* ---------------------------------------------------------------------- */
/* A fitted model over many skills (per-skill BKT plus optional layer).    */

/* Number of weights of the logistic layer, and what each one multiplies. */
#define TRELLIS_BKT_N_LAYER_WEIGHTS 6

typedef struct
{
  gboolean enabled;
  double   weights[TRELLIS_BKT_N_LAYER_WEIGHTS];
  double   ability_shrink; /* pseudo-answers shrinking the learner ability to 0 */
} TrellisBktLayer;

const char *trellis_bkt_layer_feature_name (guint i);

typedef struct _TrellisBktModel TrellisBktModel;

TrellisBktModel *trellis_bkt_model_new          (guint                    n_skills,
                                                 TrellisBktVariant        variant);
void             trellis_bkt_model_free         (TrellisBktModel         *model);
guint            trellis_bkt_model_get_n_skills (const TrellisBktModel   *model);
TrellisBktVariant trellis_bkt_model_get_variant (const TrellisBktModel   *model);
TrellisBktSkillFit *trellis_bkt_model_get_skill (TrellisBktModel         *model,
                                                 guint                    skill);
TrellisBktParams *trellis_bkt_model_get_pooled  (TrellisBktModel         *model);
TrellisBktLayer  *trellis_bkt_model_get_layer   (TrellisBktModel         *model);

/* The parameters predictions use for @skill (pooled for unknown skills). */
const TrellisBktParams *trellis_bkt_model_params_for (const TrellisBktModel *model,
                                                      guint                  skill);

/*
 * Fits all skills (in parallel; the result does not depend on the number
 * of threads), the pooled class-level defaults and, for the BEST variant,
 * the logistic layer.  @skill[i] < @n_skills, rows in time order.
 */
TrellisBktModel *trellis_bkt_fit                (const guint32           *skill,
                                                 const guint32           *learner,
                                                 const guint8            *correct,
                                                 gsize                    n_rows,
                                                 guint                    n_skills,
                                                 const TrellisBktOptions *options,
                                                 GError                 **error);

/*
 * Online predictions: @out_p[i] is P(correct) for row i given only rows
 * 0 … i − 1.  @skill[i] may be TRELLIS_BKT_UNKNOWN_SKILL or ≥ n_skills
 * (pooled defaults).
 */
void             trellis_bkt_model_predict      (const TrellisBktModel   *model,
                                                 const guint32           *skill,
                                                 const guint32           *learner,
                                                 const guint8            *correct,
                                                 gsize                    n_rows,
                                                 double                  *out_p);

/* ---------------------------------------------------------------------- */
/* Online state of one learner on one skill.                               */

typedef struct
{
  double  known;      /* P(known) mass  } kept separately so that a tiny  */
  double  unknown;    /* P(unknown) mass } P(unknown) is never rounded off */
  guint   n_evidence; /* answers seen */
  guint32 recent;     /* last answers, bit 0 the latest (1 = right) */
  guint32 run;        /* same-outcome run length of the latest answers */
} TrellisBktState;

/* Per-learner state of the logistic layer (shared across skills). */
typedef struct
{
  double residual;    /* sum of (answer − BKT prediction) over all skills */
  guint  n_evidence;
} TrellisBktLearnerState;

void     trellis_bkt_state_init       (TrellisBktState        *state,
                                       const TrellisBktParams *params);
void     trellis_bkt_state_update     (TrellisBktState        *state,
                                       const TrellisBktParams *params,
                                       gboolean                correct);
double   trellis_bkt_state_p_known    (const TrellisBktState  *state);
double   trellis_bkt_state_p_correct  (const TrellisBktState  *state,
                                       const TrellisBktParams *params);

/* Number of right answers among the last @n (at most 32, at most n_evidence). */
guint    trellis_bkt_state_recent_right (const TrellisBktState *state,
                                         guint                  n);

/* "4 of the last 5 answers right; probability known 0.91" (translated). */
char    *trellis_bkt_state_explain    (const TrellisBktState  *state,
                                       const TrellisBktParams *params);

/* With the model's layer (if any): P(correct) of the next answer. */
void     trellis_bkt_learner_state_init (TrellisBktLearnerState *learner);
double   trellis_bkt_model_p_correct  (const TrellisBktModel        *model,
                                       guint                         skill,
                                       const TrellisBktState        *state,
                                       const TrellisBktLearnerState *learner);
/* One forward step after an answer; @learner may be NULL. */
void     trellis_bkt_model_update     (const TrellisBktModel        *model,
                                       guint                         skill,
                                       TrellisBktState              *state,
                                       TrellisBktLearnerState       *learner,
                                       gboolean                      correct);

/* ---------------------------------------------------------------------- */
/* Evidence mapping and LMS-style roll-ups                                 */

typedef enum
{
  TRELLIS_BKT_EVIDENCE_BINARY,  /* score 0 or 1 */
  TRELLIS_BKT_EVIDENCE_RUBRIC,  /* score is a level 1 … max_score */
  TRELLIS_BKT_EVIDENCE_POINTS,  /* score out of max_score */
} TrellisBktEvidenceKind;

typedef struct
{
  double rubric_level;      /* "proficient": 3 … */
  double rubric_levels;     /* … on a scale of 4; other scales proportionally */
  double points_fraction;   /* points / max ≥ this counts as right (0.7) */
} TrellisBktEvidenceRule;

void     trellis_bkt_evidence_rule_init (TrellisBktEvidenceRule *rule);
gboolean trellis_bkt_evidence_kind_from_string (const char             *str,
                                                TrellisBktEvidenceKind *kind);

/* Maps a piece of evidence to right/wrong by the visible rule. */
gboolean trellis_bkt_evidence_to_correct (TrellisBktEvidenceKind        kind,
                                          double                        score,
                                          double                        max_score,
                                          const TrellisBktEvidenceRule *rule,
                                          gboolean                     *out_correct,
                                          GError                      **error);
/* Maps a piece of evidence to a score in [0, 1] for roll-ups. */
gboolean trellis_bkt_evidence_to_score   (TrellisBktEvidenceKind        kind,
                                          double                        score,
                                          double                        max_score,
                                          double                       *out_score,
                                          GError                      **error);
/* The rule in words, e.g. "Rubric level 3 of 4 or above counts as right". */
char    *trellis_bkt_evidence_rule_describe (TrellisBktEvidenceKind        kind,
                                             const TrellisBktEvidenceRule *rule);

typedef enum
{
  TRELLIS_BKT_ROLLUP_LATEST,
  TRELLIS_BKT_ROLLUP_HIGHEST,
  TRELLIS_BKT_ROLLUP_AVERAGE,
  TRELLIS_BKT_ROLLUP_DECAYING_AVERAGE, /* weight × latest + (1 − weight) × earlier roll-up */
  TRELLIS_BKT_ROLLUP_N_TIMES,          /* share of the n required scores ≥ threshold */
} TrellisBktRollupKind;

typedef struct
{
  TrellisBktRollupKind kind;
  double               weight;     /* decaying average: weight of the latest (0.65) */
  guint                n_times;    /* n-times: how many (default 3) */
  double               threshold;  /* n-times: mastery score (default 0.7) */
} TrellisBktRollup;

void     trellis_bkt_rollup_init  (TrellisBktRollup       *rollup,
                                   TrellisBktRollupKind    kind);
/*
 * Rolls up @scores (in [0, 1], oldest first).  Returns the roll-up score in
 * [0, 1], or a negative value for no scores.  @out_mastered (nullable): for
 * n-times, TRUE once n scores reached the threshold; for the others, TRUE
 * when the roll-up reaches the threshold.
 */
double   trellis_bkt_rollup_compute (const TrellisBktRollup *rollup,
                                     const double           *scores,
                                     gsize                   n_scores,
                                     gboolean               *out_mastered);

/* Metrics helpers (used by the benchmark and tests). */
double   trellis_bkt_auc  (const double *p, const guint8 *y, gsize n);
double   trellis_bkt_rmse (const double *p, const guint8 *y, gsize n);

G_END_DECLS

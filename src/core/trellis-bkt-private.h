/* trellis-bkt-private.h
 *
 * Copyright 2026 The Trellis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "trellis-bkt.h"

G_BEGIN_DECLS

/* Prefix tree of the answer sequences of one skill; node 0 is the root. */
typedef struct
{
  guint    n_nodes;
  guint    capacity;
  guint    n_rows;
  guint    n_sequences;
  guint32 *parent;
  guint8  *obs;
  float   *count;   /* answers at this node (sequences through it) */
  float   *endc;    /* sequences ending at this node */
  guint32 *child;   /* 2 per node, 0 = none */
} TrellisBktTrie;

typedef struct _TrellisBktWork TrellisBktWork;

struct _TrellisBktModel
{
  TrellisBktVariant   variant;
  guint               n_skills;
  TrellisBktSkillFit *skills;
  TrellisBktParams    pooled;
  TrellisBktLayer     layer;
};

void            _trellis_bkt_trie_init  (TrellisBktTrie *trie);
void            _trellis_bkt_trie_clear (TrellisBktTrie *trie);
void            _trellis_bkt_trie_reset (TrellisBktTrie *trie);
void            _trellis_bkt_trie_push  (TrellisBktTrie *trie,
                                         guint32        *cursor,
                                         guint8          obs);
void            _trellis_bkt_trie_end   (TrellisBktTrie *trie,
                                         guint32         cursor);

TrellisBktWork *_trellis_bkt_work_new   (void);
void            _trellis_bkt_work_free  (TrellisBktWork *work);

/*
 * The weak Beta priors of MAP-EM: a mean and a weight (in pseudo-answers)
 * for each parameter, in the order prior, learn, guess, slip, forget.
 */
#define TRELLIS_BKT_N_PARAMS 5

typedef struct
{
  double mean[TRELLIS_BKT_N_PARAMS];
  double strength[TRELLIS_BKT_N_PARAMS];
} TrellisBktPriors;

/* The defaults: fixed means, each weighted by options->prior_strength. */
void            _trellis_bkt_priors_default (TrellisBktPriors        *priors,
                                             const TrellisBktOptions *options);

/* Fits one trie; @priors NULL: the defaults.  @start, if given, replaces
 * the first restart's starting point. */
void            _trellis_bkt_fit_trie   (const TrellisBktTrie    *trie,
                                         TrellisBktWork          *work,
                                         const TrellisBktOptions *options,
                                         gboolean                 forgets,
                                         const TrellisBktPriors  *priors,
                                         guint64                  seed,
                                         const TrellisBktParams  *start,
                                         TrellisBktSkillFit      *out);

/* Features of the logistic layer for one prediction. */
void            _trellis_bkt_layer_features (const TrellisBktLayer        *layer,
                                             double                        p_bkt,
                                             const TrellisBktState        *state,
                                             const TrellisBktLearnerState *learner,
                                             double                       *x);
double          _trellis_bkt_layer_apply    (const TrellisBktLayer        *layer,
                                             const double                 *x);
void            _trellis_bkt_layer_fit      (TrellisBktModel              *model,
                                             const guint32                *skill,
                                             const guint32                *learner,
                                             const guint8                 *correct,
                                             gsize                         n_rows);

G_END_DECLS

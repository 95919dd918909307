/* trellis-bkt-evidence.c
 *
 * Copyright 2026 The Trellis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * What teachers see of the model: evidence mapped to right/wrong by a
 * visible rule, plain-language explanations, and LMS-style roll-ups.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "trellis-bkt.h"

/* ---------------------------------------------------------------------- */
/* Evidence                                                                */

void
trellis_bkt_evidence_rule_init (TrellisBktEvidenceRule *rule)
{
  g_return_if_fail (rule != NULL);

  rule->rubric_level = 3.0;
  rule->rubric_levels = 4.0;
  rule->points_fraction = 0.7;
}

gboolean
trellis_bkt_evidence_kind_from_string (const char             *str,
                                       TrellisBktEvidenceKind *kind)
{
  g_return_val_if_fail (kind != NULL, FALSE);

  if (g_strcmp0 (str, "binary") == 0)
    *kind = TRELLIS_BKT_EVIDENCE_BINARY;
  else if (g_strcmp0 (str, "rubric") == 0)
    *kind = TRELLIS_BKT_EVIDENCE_RUBRIC;
  else if (g_strcmp0 (str, "points") == 0)
    *kind = TRELLIS_BKT_EVIDENCE_POINTS;
  else
    return FALSE;

  return TRUE;
}

static gboolean
check_evidence (TrellisBktEvidenceKind  kind,
                double                  score,
                double                  max_score,
                GError                **error)
{
  if (!isfinite (score) || score < 0.0)
    {
      g_set_error (error, TRELLIS_BKT_ERROR, TRELLIS_BKT_ERROR_INVALID,
                   "score %g is not a non-negative number", score);
      return FALSE;
    }

  switch (kind)
    {
    case TRELLIS_BKT_EVIDENCE_BINARY:
      if (score != 0.0 && score != 1.0)
        {
          g_set_error (error, TRELLIS_BKT_ERROR, TRELLIS_BKT_ERROR_INVALID,
                       "a right/wrong score must be 0 or 1, not %g", score);
          return FALSE;
        }
      return TRUE;

    case TRELLIS_BKT_EVIDENCE_RUBRIC:
    case TRELLIS_BKT_EVIDENCE_POINTS:
      if (!isfinite (max_score) || max_score <= 0.0)
        {
          g_set_error (error, TRELLIS_BKT_ERROR, TRELLIS_BKT_ERROR_INVALID,
                       "the maximum score must be positive, not %g", max_score);
          return FALSE;
        }
      if (score > max_score)
        {
          g_set_error (error, TRELLIS_BKT_ERROR, TRELLIS_BKT_ERROR_INVALID,
                       "score %g exceeds the maximum %g", score, max_score);
          return FALSE;
        }
      return TRUE;

    default:
      g_set_error (error, TRELLIS_BKT_ERROR, TRELLIS_BKT_ERROR_INVALID,
                   "unknown evidence kind %d", (int) kind);
      return FALSE;
    }
}

gboolean
trellis_bkt_evidence_to_correct (TrellisBktEvidenceKind        kind,
                                 double                        score,
                                 double                        max_score,
                                 const TrellisBktEvidenceRule *rule,
                                 gboolean                     *out_correct,
                                 GError                      **error)
{
  TrellisBktEvidenceRule defaults;

  g_return_val_if_fail (out_correct != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (rule == NULL)
    {
      trellis_bkt_evidence_rule_init (&defaults);
      rule = &defaults;
    }
  if (!check_evidence (kind, score, max_score, error))
    return FALSE;

  switch (kind)
    {
    case TRELLIS_BKT_EVIDENCE_BINARY:
      *out_correct = score == 1.0;
      break;
    case TRELLIS_BKT_EVIDENCE_RUBRIC:
      /* level ≥ threshold on the rule's scale; other scales proportionally
       * (a small epsilon so 3/4 ≥ 3/4 holds in floating point) */
      *out_correct = score / max_score + 1e-9 >= rule->rubric_level / rule->rubric_levels;
      break;
    case TRELLIS_BKT_EVIDENCE_POINTS:
      *out_correct = score / max_score + 1e-9 >= rule->points_fraction;
      break;
    default:
      g_assert_not_reached ();
    }

  return TRUE;
}

gboolean
trellis_bkt_evidence_to_score (TrellisBktEvidenceKind   kind,
                               double                   score,
                               double                   max_score,
                               double                  *out_score,
                               GError                 **error)
{
  g_return_val_if_fail (out_score != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_evidence (kind, score, max_score, error))
    return FALSE;

  *out_score = kind == TRELLIS_BKT_EVIDENCE_BINARY ? score : score / max_score;
  return TRUE;
}

char *
trellis_bkt_evidence_rule_describe (TrellisBktEvidenceKind        kind,
                                    const TrellisBktEvidenceRule *rule)
{
  TrellisBktEvidenceRule defaults;

  if (rule == NULL)
    {
      trellis_bkt_evidence_rule_init (&defaults);
      rule = &defaults;
    }

  switch (kind)
    {
    case TRELLIS_BKT_EVIDENCE_BINARY:
      return g_strdup (_("A right answer counts as right, a wrong one as wrong"));
    case TRELLIS_BKT_EVIDENCE_RUBRIC:
      /* Translators: rubric levels, e.g. "level 3 of 4" */
      return g_strdup_printf (_("Rubric level %g of %g or above counts as right"),
                              rule->rubric_level, rule->rubric_levels);
    case TRELLIS_BKT_EVIDENCE_POINTS:
      return g_strdup_printf (_("%.0f%% of the points or more counts as right"),
                              100.0 * rule->points_fraction);
    default:
      g_return_val_if_reached (NULL);
    }
}

/* ---------------------------------------------------------------------- */
/* Explanation                                                             */

char *
trellis_bkt_state_explain (const TrellisBktState  *state,
                           const TrellisBktParams *params)
{
  g_autofree char *p_known = NULL;
  g_autofree char *answers = NULL;
  guint n, right;

  g_return_val_if_fail (state != NULL, NULL);

  p_known = g_strdup_printf ("%.2f", trellis_bkt_state_p_known (state));

  if (state->n_evidence == 0)
    /* Translators: %s is a probability such as 0.40 */
    return g_strdup_printf (_("No answers yet; probability known %s"), p_known);

  n = MIN (state->n_evidence, 5);
  right = trellis_bkt_state_recent_right (state, n);
  if (n == state->n_evidence)
    /* Translators: "3 of 4 answers right" */
    answers = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "%u of %u answer right",
                                            "%u of %u answers right", n),
                               right, n);
  else
    /* Translators: "4 of the last 5 answers right" */
    answers = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "%u of the last %u answer right",
                                            "%u of the last %u answers right", n),
                               right, n);

  /* Translators: the first %s is e.g. "4 of the last 5 answers right",
   * the second a probability such as 0.91 */
  return g_strdup_printf (_("%s; probability known %s"), answers, p_known);
}

/* ---------------------------------------------------------------------- */
/* Roll-ups                                                                */

void
trellis_bkt_rollup_init (TrellisBktRollup     *rollup,
                         TrellisBktRollupKind  kind)
{
  g_return_if_fail (rollup != NULL);

  rollup->kind = kind;
  rollup->weight = 0.65;
  rollup->n_times = 3;
  rollup->threshold = 0.7;
}

double
trellis_bkt_rollup_compute (const TrellisBktRollup *rollup,
                            const double           *scores,
                            gsize                   n_scores,
                            gboolean               *out_mastered)
{
  double r = 0.0;
  gsize n_ok = 0;

  g_return_val_if_fail (rollup != NULL, -1.0);
  g_return_val_if_fail (n_scores == 0 || scores != NULL, -1.0);

  if (out_mastered != NULL)
    *out_mastered = FALSE;

  /* Out-of-range scores are clamped; NaN counts as 0. */
#define SCORE(i) (isnan (scores[i]) ? 0.0 : CLAMP (scores[i], 0.0, 1.0))

  if (n_scores == 0)
    return -1.0;

  switch (rollup->kind)
    {
    case TRELLIS_BKT_ROLLUP_LATEST:
      r = SCORE (n_scores - 1);
      break;

    case TRELLIS_BKT_ROLLUP_HIGHEST:
      for (gsize i = 0; i < n_scores; i++)
        r = MAX (r, SCORE (i));
      break;

    case TRELLIS_BKT_ROLLUP_AVERAGE:
      for (gsize i = 0; i < n_scores; i++)
        r += SCORE (i);
      r /= n_scores;
      break;

    case TRELLIS_BKT_ROLLUP_DECAYING_AVERAGE:
      {
        double w = CLAMP (rollup->weight, 0.0, 1.0);

        r = SCORE (0);
        for (gsize i = 1; i < n_scores; i++)
          r = w * SCORE (i) + (1.0 - w) * r;
      }
      break;

    case TRELLIS_BKT_ROLLUP_N_TIMES:
      {
        guint need = MAX (rollup->n_times, 1);

        for (gsize i = 0; i < n_scores; i++)
          if (SCORE (i) + 1e-9 >= rollup->threshold)
            n_ok++;
        r = MIN ((double) n_ok / need, 1.0);
        if (out_mastered != NULL)
          *out_mastered = n_ok >= need;
        return r;
      }

    default:
      g_return_val_if_reached (-1.0);
    }
#undef SCORE

  if (out_mastered != NULL)
    *out_mastered = r + 1e-9 >= rollup->threshold;

  return CLAMP (r, 0.0, 1.0);
}

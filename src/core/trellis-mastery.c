/* trellis-mastery.c
 *
 * Copyright 2026 The Trellis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trellis-mastery"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "trellis-classroom-private.h"
#include "trellis-mastery.h"

/*
 * Where the model lives in the file:
 *   mastery_params   one row per fitted skill (pooled = 1 when the skill had
 *                    too little evidence and uses the class defaults)
 *   settings         "mastery.pooled": the class defaults, "mastery.layer":
 *                    the logistic layer, "mastery.rule.*": the mapping rule
 *   mastery_state    one row per learner and skill with evidence
 * Numbers in settings are written in the C locale, space-separated.
 */

#define KEY_POOLED "mastery.pooled"
#define KEY_LAYER "mastery.layer"
#define KEY_RUBRIC_LEVEL "mastery.rule.rubric-level"
#define KEY_RUBRIC_LEVELS "mastery.rule.rubric-levels"
#define KEY_POINTS_FRACTION "mastery.rule.points-fraction"
#define KEY_FITTED_ON "mastery.fitted-on"

#define EVIDENCE_QUERY \
  "SELECT e.learner_id, e.skill_id, e.kind, e.score, e.max_score FROM evidence e " \
  "JOIN learners l ON l.id = e.learner_id WHERE l.trashed = 0 AND e.skill_id IS NOT NULL "

static double
setting_double (TrellisClassroom *classroom,
                const char       *key,
                double            fallback)
{
  g_autofree char *value = trellis_classroom_get_setting (classroom, key);
  char *end = NULL;
  double d;

  if (value == NULL)
    return fallback;

  d = g_ascii_strtod (value, &end);
  return (end != value && isfinite (d)) ? d : fallback;
}

/* Parses exactly @n numbers; FALSE if the text is missing or malformed. */
static gboolean
setting_doubles (TrellisClassroom *classroom,
                 const char       *key,
                 double           *out,
                 guint             n)
{
  g_autofree char *value = trellis_classroom_get_setting (classroom, key);
  const char *p = value;

  if (value == NULL)
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      char *end = NULL;

      out[i] = g_ascii_strtod (p, &end);
      if (end == p || !isfinite (out[i]))
        return FALSE;
      p = end;
    }

  return TRUE;
}

static char *
format_doubles (const double *values,
                guint         n)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    {
      char buffer[G_ASCII_DTOSTR_BUF_SIZE];

      if (i > 0)
        g_string_append_c (text, ' ');
      g_string_append (text, g_ascii_dtostr (buffer, sizeof buffer, values[i]));
    }

  return g_string_free (text, FALSE);
}

static gboolean
set_setting_double (TrellisClassroom  *classroom,
                    const char        *key,
                    double             value,
                    GError           **error)
{
  g_autofree char *text = format_doubles (&value, 1);

  return trellis_classroom_set_setting (classroom, key, text, error);
}

/**
 * trellis_mastery_get_rule:
 *
 * The classroom's rule that maps rubric levels and points to right/wrong
 * (defaults: level 3 of 4, "proficient"; 70% of the points).
 */
void
trellis_mastery_get_rule (TrellisClassroom       *classroom,
                          TrellisBktEvidenceRule *rule)
{
  g_return_if_fail (TRELLIS_IS_CLASSROOM (classroom));
  g_return_if_fail (rule != NULL);

  trellis_bkt_evidence_rule_init (rule);
  rule->rubric_level = setting_double (classroom, KEY_RUBRIC_LEVEL, rule->rubric_level);
  rule->rubric_levels = setting_double (classroom, KEY_RUBRIC_LEVELS, rule->rubric_levels);
  rule->points_fraction = setting_double (classroom, KEY_POINTS_FRACTION, rule->points_fraction);
}

gboolean
trellis_mastery_set_rule (TrellisClassroom              *classroom,
                          const TrellisBktEvidenceRule  *rule,
                          GError                       **error)
{
  g_return_val_if_fail (TRELLIS_IS_CLASSROOM (classroom), FALSE);
  g_return_val_if_fail (rule != NULL, FALSE);

  if (!(rule->rubric_levels >= 1 && rule->rubric_level >= 0 && rule->rubric_level <= rule->rubric_levels &&
        rule->points_fraction > 0 && rule->points_fraction <= 1))
    {
      g_set_error_literal (error, TRELLIS_CLASSROOM_ERROR, TRELLIS_CLASSROOM_ERROR_INVALID,
                           _("The mastery rule is not valid"));
      return FALSE;
    }

  if (!trellis_classroom_begin (classroom, error))
    return FALSE;
  /* Evidence now counts differently: the model needs a refit. */
  _trellis_classroom_note_change (classroom, TRELLIS_DATA_EVIDENCE, 0, 0);

  if (!set_setting_double (classroom, KEY_RUBRIC_LEVEL, rule->rubric_level, error) ||
      !set_setting_double (classroom, KEY_RUBRIC_LEVELS, rule->rubric_levels, error) ||
      !set_setting_double (classroom, KEY_POINTS_FRACTION, rule->points_fraction, error))
    {
      trellis_classroom_rollback (classroom);
      return FALSE;
    }

  return trellis_classroom_commit (classroom, error);
}

/* Dense indices for database ids, in order of first appearance. */
typedef struct
{
  GHashTable *index;  /* id → index + 1 */
  GArray     *ids;    /* index → id */
} IdMap;

static void
id_map_init (IdMap *map)
{
  map->index = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  map->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
}

static void
id_map_clear (IdMap *map)
{
  g_clear_pointer (&map->index, g_hash_table_unref);
  g_clear_pointer (&map->ids, g_array_unref);
}

static guint32
id_map_get (IdMap  *map,
            gint64  id)
{
  gpointer value = g_hash_table_lookup (map->index, &id);

  if (value == NULL)
    {
      g_array_append_val (map->ids, id);
      value = GUINT_TO_POINTER (map->ids->len);
      g_hash_table_insert (map->index, g_memdup2 (&id, sizeof id), value);
    }

  return GPOINTER_TO_UINT (value) - 1;
}

static guint32
id_map_lookup (IdMap  *map,
               gint64  id)
{
  gpointer value = g_hash_table_lookup (map->index, &id);

  return value != NULL ? GPOINTER_TO_UINT (value) - 1 : TRELLIS_BKT_UNKNOWN_SKILL;
}

/* Reads one evidence row and maps it to right/wrong by @rule. */
static gboolean
evidence_row_correct (sqlite3_stmt                 *stmt,
                      const TrellisBktEvidenceRule *rule,
                      gboolean                     *correct)
{
  TrellisBktEvidenceKind kind;

  if (!trellis_bkt_evidence_kind_from_string ((const char *)sqlite3_column_text (stmt, 2), &kind))
    return FALSE;

  return trellis_bkt_evidence_to_correct (kind,
                                          sqlite3_column_double (stmt, 3),
                                          sqlite3_column_type (stmt, 4) == SQLITE_NULL ? 0.0
                                            : sqlite3_column_double (stmt, 4),
                                          rule, correct, NULL);
}

/*
 * The model as stored: every skill of the classroom (dense indices in
 * @skills), fitted ones with their parameters, the rest pooled.
 */
static TrellisBktModel *
load_model (TrellisClassroom  *classroom,
            IdMap             *skills,
            GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  TrellisBktModel *model;
  double values[TRELLIS_BKT_N_LAYER_WEIGHTS + 1];
  guint n_skills;
  int rc;

  stmt = trellis_classroom_prepare (classroom, "SELECT id FROM skills ORDER BY id", error);
  if (stmt == NULL)
    return NULL;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    id_map_get (skills, sqlite3_column_int64 (stmt, 0));
  g_clear_pointer (&stmt, sqlite3_finalize);

  n_skills = skills->ids->len;
  model = trellis_bkt_model_new (n_skills, TRELLIS_BKT_VARIANT_BEST);

  if (setting_doubles (classroom, KEY_POOLED, values, 5))
    {
      TrellisBktParams pooled = { values[0], values[1], values[2], values[3], values[4] };

      if (trellis_bkt_params_valid (&pooled))
        {
          *trellis_bkt_model_get_pooled (model) = pooled;
          for (guint s = 0; s < n_skills; s++)
            trellis_bkt_model_get_skill (model, s)->params = pooled;
        }
    }

  if (setting_doubles (classroom, KEY_LAYER, values, G_N_ELEMENTS (values)))
    {
      TrellisBktLayer *layer = trellis_bkt_model_get_layer (model);

      layer->enabled = TRUE;
      memcpy (layer->weights, values, sizeof layer->weights);
      layer->ability_shrink = values[TRELLIS_BKT_N_LAYER_WEIGHTS];
    }

  stmt = trellis_classroom_prepare (classroom,
                                    "SELECT skill_id, prior, learn, guess, slip, forget, pooled, n_evidence "
                                    "FROM mastery_params",
                                    error);
  if (stmt == NULL)
    {
      trellis_bkt_model_free (model);
      return NULL;
    }

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      guint32 s = id_map_lookup (skills, sqlite3_column_int64 (stmt, 0));
      TrellisBktSkillFit *fit;
      TrellisBktParams params = {
        sqlite3_column_double (stmt, 1), sqlite3_column_double (stmt, 2),
        sqlite3_column_double (stmt, 3), sqlite3_column_double (stmt, 4),
        sqlite3_column_double (stmt, 5),
      };

      if (s == TRELLIS_BKT_UNKNOWN_SKILL || !trellis_bkt_params_valid (&params))
        continue;

      fit = trellis_bkt_model_get_skill (model, s);
      fit->params = params;
      fit->pooled = sqlite3_column_int (stmt, 6) != 0;
      fit->n_evidence = sqlite3_column_int (stmt, 7);
    }

  if (rc != SQLITE_DONE)
    {
      trellis_classroom_set_db_error (classroom, rc, error);
      trellis_bkt_model_free (model);
      return NULL;
    }

  return model;
}

/*
 * Runs one learner's evidence through @model in time order and rewrites
 * their mastery_state rows.  Must be called inside a transaction.
 */
static gboolean
write_learner_states (TrellisClassroom             *classroom,
                      const TrellisBktModel        *model,
                      IdMap                        *skills,
                      const TrellisBktEvidenceRule *rule,
                      gint64                        learner_id,
                      const char                   *now,
                      GError                      **error)
{
  g_autoptr(sqlite3_stmt) select = NULL;
  g_autoptr(sqlite3_stmt) delete = NULL;
  g_autoptr(sqlite3_stmt) insert = NULL;
  g_autofree TrellisBktState *states = NULL;
  g_autofree gboolean *seen = NULL;
  TrellisBktLearnerState learner;
  guint n_skills = skills->ids->len;
  int rc;

  states = g_new0 (TrellisBktState, MAX (n_skills, 1));
  seen = g_new0 (gboolean, MAX (n_skills, 1));
  trellis_bkt_learner_state_init (&learner);

  select = trellis_classroom_prepare (classroom,
                                      EVIDENCE_QUERY "AND e.learner_id = ?1 ORDER BY e.observed_at, e.id",
                                      error);
  if (select == NULL)
    return FALSE;
  sqlite3_bind_int64 (select, 1, learner_id);

  while ((rc = sqlite3_step (select)) == SQLITE_ROW)
    {
      guint32 s = id_map_lookup (skills, sqlite3_column_int64 (select, 1));
      gboolean correct;

      if (s == TRELLIS_BKT_UNKNOWN_SKILL || !evidence_row_correct (select, rule, &correct))
        continue;

      if (!seen[s])
        {
          trellis_bkt_state_init (&states[s], trellis_bkt_model_params_for (model, s));
          seen[s] = TRUE;
        }
      trellis_bkt_model_update (model, s, &states[s], &learner, correct);
    }
  if (rc != SQLITE_DONE)
    {
      trellis_classroom_set_db_error (classroom, rc, error);
      return FALSE;
    }

  delete = trellis_classroom_prepare (classroom, "DELETE FROM mastery_state WHERE learner_id = ?1", error);
  if (delete == NULL)
    return FALSE;
  sqlite3_bind_int64 (delete, 1, learner_id);
  if (!trellis_classroom_step (classroom, delete, error))
    return FALSE;

  insert = trellis_classroom_prepare (classroom,
                                      "INSERT INTO mastery_state (learner_id, skill_id, p_known, p_correct, "
                                      "n_evidence, explanation, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                                      error);
  if (insert == NULL)
    return FALSE;

  for (guint s = 0; s < n_skills; s++)
    {
      g_autofree char *explanation = NULL;
      double p_known, p_correct;

      if (!seen[s])
        continue;

      p_known = CLAMP (trellis_bkt_state_p_known (&states[s]), 0.0, 1.0);
      p_correct = CLAMP (trellis_bkt_model_p_correct (model, s, &states[s], &learner), 0.0, 1.0);
      explanation = trellis_bkt_state_explain (&states[s], trellis_bkt_model_params_for (model, s));

      sqlite3_reset (insert);
      sqlite3_bind_int64 (insert, 1, learner_id);
      sqlite3_bind_int64 (insert, 2, g_array_index (skills->ids, gint64, s));
      sqlite3_bind_double (insert, 3, p_known);
      sqlite3_bind_double (insert, 4, p_correct);
      sqlite3_bind_int (insert, 5, states[s].n_evidence);
      sqlite3_bind_text (insert, 6, explanation, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (insert, 7, now, -1, SQLITE_TRANSIENT);
      if (!trellis_classroom_step (classroom, insert, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
write_all_states (TrellisClassroom             *classroom,
                  const TrellisBktModel        *model,
                  IdMap                        *skills,
                  const TrellisBktEvidenceRule *rule,
                  const char                   *now,
                  GError                      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GArray) learners = g_array_new (FALSE, FALSE, sizeof (gint64));

  stmt = trellis_classroom_prepare (classroom, "SELECT id FROM learners WHERE trashed = 0", error);
  if (stmt == NULL)
    return FALSE;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (learners, id);
    }

  for (guint i = 0; i < learners->len; i++)
    if (!write_learner_states (classroom, model, skills, rule,
                               g_array_index (learners, gint64, i), now, error))
      return FALSE;

  return TRUE;
}

static gboolean
write_model (TrellisClassroom  *classroom,
             TrellisBktModel   *model,
             IdMap             *skills,
             const char        *now,
             GError           **error)
{
  g_autoptr(sqlite3_stmt) insert = NULL;
  g_autofree char *pooled_text = NULL;
  g_autofree char *layer_text = NULL;
  const TrellisBktParams *pooled = trellis_bkt_model_get_pooled (model);
  const TrellisBktLayer *layer = trellis_bkt_model_get_layer (model);
  double pooled_values[5] = { pooled->prior, pooled->learn, pooled->guess, pooled->slip, pooled->forget };

  if (!trellis_classroom_exec (classroom, "DELETE FROM mastery_params", error))
    return FALSE;

  insert = trellis_classroom_prepare (classroom,
                                      "INSERT INTO mastery_params (skill_id, prior, learn, guess, slip, forget, "
                                      "pooled, n_evidence, fitted_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                                      error);
  if (insert == NULL)
    return FALSE;

  for (guint s = 0; s < skills->ids->len; s++)
    {
      const TrellisBktSkillFit *fit = trellis_bkt_model_get_skill (model, s);

      sqlite3_reset (insert);
      sqlite3_bind_int64 (insert, 1, g_array_index (skills->ids, gint64, s));
      sqlite3_bind_double (insert, 2, fit->params.prior);
      sqlite3_bind_double (insert, 3, fit->params.learn);
      sqlite3_bind_double (insert, 4, fit->params.guess);
      sqlite3_bind_double (insert, 5, fit->params.slip);
      sqlite3_bind_double (insert, 6, fit->params.forget);
      sqlite3_bind_int (insert, 7, fit->pooled ? 1 : 0);
      sqlite3_bind_int (insert, 8, fit->n_evidence);
      sqlite3_bind_text (insert, 9, now, -1, SQLITE_TRANSIENT);
      if (!trellis_classroom_step (classroom, insert, error))
        return FALSE;
    }

  pooled_text = format_doubles (pooled_values, G_N_ELEMENTS (pooled_values));
  if (!trellis_classroom_set_setting (classroom, KEY_POOLED, pooled_text, error))
    return FALSE;

  if (layer->enabled)
    {
      double values[TRELLIS_BKT_N_LAYER_WEIGHTS + 1];

      memcpy (values, layer->weights, sizeof layer->weights);
      values[TRELLIS_BKT_N_LAYER_WEIGHTS] = layer->ability_shrink;
      layer_text = format_doubles (values, G_N_ELEMENTS (values));
    }

  return trellis_classroom_set_setting (classroom, KEY_LAYER, layer_text, error);
}

/*
 * What the fit depends on, in one line: the evidence it reads (count and
 * sums over learner, skill, time, kind and score — any edit, addition,
 * deletion or learner moved to the trash changes them), the skills and the
 * rule.  Stored by each refit; a different value now means the stored
 * parameters were fitted on other data.
 */
static char *
fit_input_signature (TrellisClassroom  *classroom,
                     GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  TrellisBktEvidenceRule rule;
  GString *sig;
  int rc;

  stmt = trellis_classroom_prepare (classroom,
                                    "SELECT count(*), total(e.id), total(e.learner_id), total(e.skill_id), "
                                    "total(julianday(e.observed_at)), total(e.score), "
                                    "total(coalesce(e.max_score, 0)), total(e.kind = 'rubric'), "
                                    "total(e.kind = 'points'), "
                                    "(SELECT count(*) FROM skills), (SELECT total(id) FROM skills) "
                                    "FROM evidence e JOIN learners l ON l.id = e.learner_id "
                                    "WHERE l.trashed = 0 AND e.skill_id IS NOT NULL",
                                    error);
  if (stmt == NULL)
    return NULL;
  if ((rc = sqlite3_step (stmt)) != SQLITE_ROW)
    {
      trellis_classroom_set_db_error (classroom, rc, error);
      return NULL;
    }

  sig = g_string_new ("1");
  for (int i = 0; i < sqlite3_column_count (stmt); i++)
    {
      char buf[G_ASCII_DTOSTR_BUF_SIZE];

      g_string_append_c (sig, ' ');
      g_string_append (sig, g_ascii_dtostr (buf, sizeof buf, sqlite3_column_double (stmt, i)));
    }

  trellis_mastery_get_rule (classroom, &rule);
  g_string_append_printf (sig, " %.17g %.17g %.17g", rule.rubric_level, rule.rubric_levels, rule.points_fraction);

  return g_string_free (sig, FALSE);
}

/**
 * trellis_mastery_needs_refit:
 *
 * Whether the evidence, the skills or the rule changed since the last
 * refit (or there never was one), so the stored parameters no longer come
 * from the classroom's data.  Evidence recorded one piece at a time keeps
 * the states current already (a forward step); a refit also relearns the
 * parameters.
 *
 * Returns: %TRUE if a refit would fit other data; also when that cannot
 *   be read (the refit then reports why)
 */
gboolean
trellis_mastery_needs_refit (TrellisClassroom *classroom)
{
  g_autofree char *now = NULL;
  g_autofree char *fitted_on = NULL;

  g_return_val_if_fail (TRELLIS_IS_CLASSROOM (classroom), FALSE);

  now = fit_input_signature (classroom, NULL);
  fitted_on = trellis_classroom_get_setting (classroom, KEY_FITTED_ON);

  return now == NULL || g_strcmp0 (now, fitted_on) != 0;
}

/**
 * trellis_mastery_refit:
 *
 * Fits the model (the best configuration) on all the classroom's evidence
 * and rewrites parameters and states, in one transaction.  Emits
 * ::data-changed with %TRELLIS_DATA_MASTERY.
 */
gboolean
trellis_mastery_refit (TrellisClassroom  *classroom,
                       GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GArray) skill_col = g_array_new (FALSE, FALSE, sizeof (guint32));
  g_autoptr(GArray) learner_col = g_array_new (FALSE, FALSE, sizeof (guint32));
  g_autoptr(GArray) correct_col = g_array_new (FALSE, FALSE, sizeof (guint8));
  g_autofree char *now = NULL;
  g_autofree char *signature = NULL;
  TrellisBktEvidenceRule rule;
  TrellisBktOptions options;
  TrellisBktModel *model = NULL;
  IdMap skills, learners;
  gboolean ok = FALSE;
  int rc;

  g_return_val_if_fail (TRELLIS_IS_CLASSROOM (classroom), FALSE);

  trellis_mastery_get_rule (classroom, &rule);
  id_map_init (&skills);
  id_map_init (&learners);
  now = trellis_classroom_timestamp (classroom);

  if (!trellis_classroom_begin (classroom, error))
    goto out;
  _trellis_classroom_note_change (classroom, TRELLIS_DATA_MASTERY, 0, 0);

  /* Every skill gets an index, also those without evidence (pooled). */
  stmt = trellis_classroom_prepare (classroom, "SELECT id FROM skills ORDER BY id", error);
  if (stmt == NULL)
    goto rollback;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    id_map_get (&skills, sqlite3_column_int64 (stmt, 0));
  g_clear_pointer (&stmt, sqlite3_finalize);

  stmt = trellis_classroom_prepare (classroom, EVIDENCE_QUERY "ORDER BY e.observed_at, e.id", error);
  if (stmt == NULL)
    goto rollback;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      guint32 s = id_map_lookup (&skills, sqlite3_column_int64 (stmt, 1));
      guint32 l = id_map_get (&learners, sqlite3_column_int64 (stmt, 0));
      gboolean correct;
      guint8 c;

      if (s == TRELLIS_BKT_UNKNOWN_SKILL || !evidence_row_correct (stmt, &rule, &correct))
        continue;

      c = correct ? 1 : 0;
      g_array_append_val (skill_col, s);
      g_array_append_val (learner_col, l);
      g_array_append_val (correct_col, c);
    }
  if (rc != SQLITE_DONE)
    {
      trellis_classroom_set_db_error (classroom, rc, error);
      goto rollback;
    }
  g_clear_pointer (&stmt, sqlite3_finalize);

  trellis_bkt_options_init (&options);
  trellis_bkt_options_set_variant (&options, TRELLIS_BKT_VARIANT_BEST);

  if (skill_col->len > 0)
    {
      model = trellis_bkt_fit ((guint32 *)skill_col->data, (guint32 *)learner_col->data,
                               (guint8 *)correct_col->data, skill_col->len, skills.ids->len,
                               &options, error);
      if (model == NULL)
        goto rollback;
    }
  else
    model = trellis_bkt_model_new (skills.ids->len, TRELLIS_BKT_VARIANT_BEST);

  if (!write_model (classroom, model, &skills, now, error) ||
      !write_all_states (classroom, model, &skills, &rule, now, error))
    goto rollback;

  /* In the same transaction: exactly the data just fitted. */
  signature = fit_input_signature (classroom, error);
  if (signature == NULL || !trellis_classroom_set_setting (classroom, KEY_FITTED_ON, signature, error))
    goto rollback;

  ok = trellis_classroom_commit (classroom, error);
  goto out;

rollback:
  trellis_classroom_rollback (classroom);
out:
  trellis_bkt_model_free (model);
  id_map_clear (&skills);
  id_map_clear (&learners);
  return ok;
}

static void
refit_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  g_autoptr(TrellisClassroom) classroom = NULL;
  GError *error = NULL;

  if (g_task_return_error_if_cancelled (task))
    return;

  /* Its own connection: SQLite connections are not shared across threads here. */
  classroom = trellis_classroom_open (task_data, TRELLIS_OPEN_FLAGS_NONE, &error);
  if (classroom == NULL || !trellis_mastery_refit (classroom, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  g_task_return_boolean (task, TRUE);
}

/* Back on the caller's thread: the file's mastery changed under the
 * caller's connection, whose listeners learn of it before the caller does. */
static void
on_refit_thread_done_cb (GObject      *source,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  TrellisClassroom *classroom = g_task_get_source_object (task);
  GError *error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_task_return_error (task, error);
      return;
    }

  _trellis_classroom_emit_change (classroom, TRELLIS_DATA_MASTERY, 0);
  g_task_return_boolean (task, TRUE);
}

/**
 * trellis_mastery_refit_async:
 *
 * trellis_mastery_refit() on @classroom's file, in a worker thread with
 * its own connection.  Once the refit is committed, @classroom emits
 * ::data-changed with %TRELLIS_DATA_MASTERY (on the thread that called
 * this), then @callback runs.
 */
void
trellis_mastery_refit_async (TrellisClassroom    *classroom,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GTask) work = NULL;
  GError *error = NULL;

  g_return_if_fail (TRELLIS_IS_CLASSROOM (classroom));

  task = g_task_new (classroom, cancellable, callback, user_data);
  g_task_set_source_tag (task, trellis_mastery_refit_async);

  if (trellis_classroom_get_read_only (classroom))
    {
      g_set_error_literal (&error, TRELLIS_CLASSROOM_ERROR, TRELLIS_CLASSROOM_ERROR_READ_ONLY,
                           _("The classroom is open read-only"));
      g_task_return_error (task, error);
      return;
    }

  /* A refit that committed is announced even if cancelled meanwhile. */
  work = g_task_new (NULL, cancellable, on_refit_thread_done_cb, g_object_ref (task));
  g_task_set_check_cancellable (work, FALSE);
  g_task_set_task_data (work, g_strdup (trellis_classroom_get_path (classroom)), g_free);
  g_task_run_in_thread (work, refit_thread);
}

gboolean
trellis_mastery_refit_finish (GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == trellis_mastery_refit_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * trellis_mastery_update_state:
 *
 * Recomputes @learner_id's mastery with the stored parameters after their
 * evidence changed.  The logistic layer shares the learner's ability across
 * skills, so all of the learner's rows are rewritten; other learners' rows
 * and the parameters are untouched.
 */
gboolean
trellis_mastery_update_state (TrellisClassroom  *classroom,
                              gint64             learner_id,
                              gint64             skill_id,
                              GError           **error)
{
  g_autofree char *now = NULL;
  TrellisBktEvidenceRule rule;
  TrellisBktModel *model;
  IdMap skills;
  gboolean ok;

  g_return_val_if_fail (TRELLIS_IS_CLASSROOM (classroom), FALSE);

  trellis_mastery_get_rule (classroom, &rule);
  now = trellis_classroom_timestamp (classroom);
  id_map_init (&skills);

  model = load_model (classroom, &skills, error);
  ok = model != NULL &&
       write_learner_states (classroom, model, &skills, &rule, learner_id, now, error);

  trellis_bkt_model_free (model);
  id_map_clear (&skills);
  return ok;
}

gint64
trellis_mastery_add_evidence (TrellisClassroom        *classroom,
                              gint64                   learner_id,
                              gint64                   skill_id,
                              TrellisBktEvidenceKind   kind,
                              double                   score,
                              double                   max_score,
                              const char              *observed_at,
                              GError                 **error)
{
  static const char * const kinds[] = { "binary", "rubric", "points" };
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *now = NULL;
  gboolean correct;
  gint64 id;

  g_return_val_if_fail (TRELLIS_IS_CLASSROOM (classroom), 0);
  g_return_val_if_fail ((guint)kind < G_N_ELEMENTS (kinds), 0);

  {
    TrellisBktEvidenceRule rule;
    g_autoptr(GError) local_error = NULL;

    trellis_mastery_get_rule (classroom, &rule);
    if (!trellis_bkt_evidence_to_correct (kind, score, max_score, &rule, &correct, &local_error))
      {
        g_set_error_literal (error, TRELLIS_CLASSROOM_ERROR, TRELLIS_CLASSROOM_ERROR_INVALID,
                             local_error->message);
        return 0;
      }
  }

  now = trellis_classroom_timestamp (classroom);
  if (!trellis_classroom_begin (classroom, error))
    return 0;

  stmt = trellis_classroom_prepare (classroom,
                                    "INSERT INTO evidence (learner_id, skill_id, observed_at, kind, score, max_score) "
                                    "VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                                    error);
  if (stmt == NULL)
    goto rollback;
  sqlite3_bind_int64 (stmt, 1, learner_id);
  sqlite3_bind_int64 (stmt, 2, skill_id);
  sqlite3_bind_text (stmt, 3, observed_at != NULL ? observed_at : now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, kinds[kind], -1, SQLITE_STATIC);
  sqlite3_bind_double (stmt, 5, score);
  if (kind == TRELLIS_BKT_EVIDENCE_BINARY)
    sqlite3_bind_null (stmt, 6);
  else
    sqlite3_bind_double (stmt, 6, max_score);
  if (!trellis_classroom_step (classroom, stmt, error))
    goto rollback;
  id = sqlite3_last_insert_rowid (trellis_classroom_get_db (classroom));

  if (!trellis_mastery_update_state (classroom, learner_id, skill_id, error))
    goto rollback;
  _trellis_classroom_note_change (classroom, TRELLIS_DATA_EVIDENCE, learner_id, skill_id);

  if (!trellis_classroom_commit (classroom, error))
    return 0;

  return id;

rollback:
  trellis_classroom_rollback (classroom);
  return 0;
}

/**
 * trellis_mastery_write_evidence:
 *
 * Like trellis_mastery_add_evidence(), but inside the caller's transaction:
 * it writes the evidence row and updates the learner's state, and leaves
 * committing or rolling back to the caller.
 *
 * Returns: the new evidence id, or 0 on error
 */
gint64
trellis_mastery_write_evidence (TrellisClassroom        *classroom,
                                gint64                   learner_id,
                                gint64                   skill_id,
                                gint64                   node_id,
                                TrellisBktEvidenceKind   kind,
                                double                   score,
                                double                   max_score,
                                const char              *observed_at,
                                const char              *note,
                                GError                 **error)
{
  static const char * const kinds[] = { "binary", "rubric", "points" };
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *now = NULL;
  TrellisBktEvidenceRule rule;
  gboolean correct;
  gint64 id;

  g_return_val_if_fail (TRELLIS_IS_CLASSROOM (classroom), 0);
  g_return_val_if_fail ((guint)kind < G_N_ELEMENTS (kinds), 0);

  trellis_mastery_get_rule (classroom, &rule);
  if (!trellis_bkt_evidence_to_correct (kind, score, max_score, &rule, &correct, &local_error))
    {
      g_set_error_literal (error, TRELLIS_CLASSROOM_ERROR, TRELLIS_CLASSROOM_ERROR_INVALID,
                           local_error->message);
      return 0;
    }

  now = trellis_classroom_timestamp (classroom);
  stmt = trellis_classroom_prepare (classroom,
                                    "INSERT INTO evidence (learner_id, skill_id, node_id, observed_at, kind, score, "
                                    "max_score, note) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                                    error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, learner_id);
  sqlite3_bind_int64 (stmt, 2, skill_id);
  if (node_id > 0)
    sqlite3_bind_int64 (stmt, 3, node_id);
  else
    sqlite3_bind_null (stmt, 3);
  sqlite3_bind_text (stmt, 4, observed_at != NULL ? observed_at : now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, kinds[kind], -1, SQLITE_STATIC);
  sqlite3_bind_double (stmt, 6, score);
  if (kind == TRELLIS_BKT_EVIDENCE_BINARY)
    sqlite3_bind_null (stmt, 7);
  else
    sqlite3_bind_double (stmt, 7, max_score);
  if (note != NULL && *note != '\0')
    sqlite3_bind_text (stmt, 8, note, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, 8);
  if (!trellis_classroom_step (classroom, stmt, error))
    return 0;
  id = sqlite3_last_insert_rowid (trellis_classroom_get_db (classroom));

  if (!trellis_mastery_update_state (classroom, learner_id, skill_id, error))
    return 0;
  _trellis_classroom_note_change (classroom, TRELLIS_DATA_EVIDENCE, learner_id, skill_id);

  return id;
}

/* trellis-dashboard.c
 *
 * Copyright 2026 The Trellis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trellis-dashboard"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "trellis-bkt.h"
#include "trellis-dashboard.h"
#include "trellis-store-private.h"

/*
 * How the figures are defined (the captions say the same in words):
 *
 * The period.  UNIT: the playlist's starts_on … ends_on (a missing start is
 * the day the playlist was created, a missing end is today).  LAST_4_WEEKS:
 * today and the 27 days before.  TERM: the given first day (or the day the
 * classroom was created) to today.  The "as-of" day is the earlier of today
 * and the end of the period: milestones are due, and conferences are due,
 * as of that day; things "in the period" happened from its first day to the
 * as-of day, both included.
 *
 * Academic progress.  The skills of the playlists in the period (UNIT: of
 * the unit; otherwise of every playlist whose dates overlap it; a
 * playlist's skills are its own and those of its nodes).  With no such
 * playlist, the skills with evidence in the period.  Levels are the
 * learner's current state (all evidence so far): the mastery engine's
 * p_known from mastery_state, and the decaying average (weight
 * TRELLIS_DASHBOARD_ROLLUP_WEIGHT on the latest score) of all their scores
 * on the skill, both cut at TRELLIS_DASHBOARD_DEVELOPING and _MASTERED.
 *
 * Pathway.  Per playlist, the milestones with a target date.  A learner
 * has reached (checked in on) a milestone when it has a check-in date or
 * is complete.  Behind: a milestone due before the as-of day not reached.
 * Ahead: not behind, and reached a milestone whose date is the as-of day or
 * later.  On track: the others.  The next milestone is the first whose date
 * is the as-of day or later.
 *
 * Agency.  Per survey, its administrations in the period in date order:
 * the class mean per item and over all responses.  Per learner, the mean of
 * their answers in the first and the last administration in the period
 * that they answered, when these differ.
 *
 * Goal-setting.  Learners with an active goal (now).  Goals set (created),
 * met (a revision to "met", or status met and updated) and revised (a
 * revision that neither met nor dropped the goal, or status revised and
 * updated) in the period.  Conferences held in the period; expected:
 * learners × days of the period ÷ cadence, rounded down; due now: learners
 * without a conference in the cadence days up to the as-of day.
 * Reflections written by learners in the period.
 *
 * Learners in the trash are left out everywhere.
 */

G_DEFINE_BOXED_TYPE (TrellisDashboard, trellis_dashboard, trellis_dashboard_ref, trellis_dashboard_unref)

typedef struct
{
  TrellisClassroom *classroom;
  TrellisDashboard *dashboard;
  char             *today;
  char             *unit_title;
  GHashTable       *learner_index;    /* gint64 id → index + 1 */
  GHashTable       *skill_index;      /* gint64 id → index + 1 */
  GHashTable       *playlist_index;   /* gint64 id → index + 1 */
  GPtrArray        *playlist_titles;
} Ctx;

/* ------------------------------------------------------------------ */
/* Helpers                                                             */

static GHashTable *
id_map_new (void)
{
  return g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
}

static void
id_map_insert (GHashTable *map,
               gint64      id,
               guint       index)
{
  g_hash_table_insert (map, g_memdup2 (&id, sizeof id), GUINT_TO_POINTER (index + 1));
}

/* Returns the index, or -1. */
static int
id_map_lookup (GHashTable *map,
               gint64      id)
{
  return (int)GPOINTER_TO_UINT (g_hash_table_lookup (map, &id)) - 1;
}

static gboolean
query_done (Ctx     *ctx,
            int      rc,
            GError **error)
{
  if (rc == SQLITE_DONE)
    return TRUE;

  trellis_classroom_set_db_error (ctx->classroom, rc, error);
  return FALSE;
}

static gboolean
parse_date (const char *text,
            GDate      *date)
{
  unsigned int y, m, d;
  char tail;

  g_date_clear (date, 1);
  if (text == NULL || strlen (text) < 10 ||
      sscanf (text, "%4u-%2u-%2u%c", &y, &m, &d, &tail) < 3 ||
      !g_date_valid_dmy ((GDateDay)d, (GDateMonth)m, (GDateYear)y))
    return FALSE;

  g_date_set_dmy (date, (GDateDay)d, (GDateMonth)m, (GDateYear)y);
  return TRUE;
}

static char *
format_date (const GDate *date)
{
  return g_strdup_printf ("%04u-%02u-%02u", (guint)g_date_get_year (date),
                          (guint)g_date_get_month (date), (guint)g_date_get_day (date));
}

static char *
date_add_days (const char *text,
               int         days)
{
  GDate date;

  if (!parse_date (text, &date))
    return g_strdup (text);

  if (days < 0)
    g_date_subtract_days (&date, (guint)-days);
  else
    g_date_add_days (&date, (guint)days);

  return format_date (&date);
}

static guint
days_between (const char *from,
              const char *to)
{
  GDate a, b;

  if (!parse_date (from, &a) || !parse_date (to, &b))
    return 0;

  return g_date_days_between (&a, &b) >= 0 ? (guint)g_date_days_between (&a, &b) + 1 : 0;
}

static TrellisDashboardLevel
level_for (double p)
{
  if (p < 0)
    return TRELLIS_DASHBOARD_LEVEL_NONE;
  if (p < TRELLIS_DASHBOARD_DEVELOPING)
    return TRELLIS_DASHBOARD_LEVEL_NOT_YET;
  if (p < TRELLIS_DASHBOARD_MASTERED)
    return TRELLIS_DASHBOARD_LEVEL_DEVELOPING;
  return TRELLIS_DASHBOARD_LEVEL_MASTERED;
}

/* ------------------------------------------------------------------ */
/* Freeing                                                             */

static void
skill_clear (gpointer data)
{
  TrellisDashboardSkill *s = data;

  g_free (s->code);
  g_free (s->name);
  g_free (s->caption);
  g_free (s->rollup_caption);
}

static void
learner_clear (gpointer data)
{
  TrellisDashboardLearner *l = data;

  g_free (l->name);
  g_free (l->levels);
  g_free (l->rollup_levels);
  g_free (l->p_known);
  g_free (l->rollup_score);
}

static void
playlist_clear (gpointer data)
{
  TrellisDashboardPlaylist *p = data;

  g_free (p->title);
  g_free (p->starts_on);
  g_free (p->ends_on);
  g_free (p->pace);
  g_free (p->next_milestone_title);
  g_free (p->next_milestone_date);
  g_free (p->caption);
  g_free (p->checkin_caption);
}

static void
administration_clear (gpointer data)
{
  TrellisDashboardAdministration *a = data;

  g_free (a->administered_on);
  g_free (a->item_means);
}

static void
change_clear (gpointer data)
{
  TrellisDashboardAgencyChange *c = data;

  g_free (c->name);
}

static void
survey_clear (gpointer data)
{
  TrellisDashboardSurvey *s = data;

  g_free (s->title);
  g_free (s->item_ids);
  g_strfreev (s->item_prompts);
  g_clear_pointer (&s->administrations, g_array_unref);
  g_clear_pointer (&s->changes, g_array_unref);
  g_free (s->caption);
}

static TrellisDashboard *
dashboard_new (void)
{
  TrellisDashboard *self = g_new0 (TrellisDashboard, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->skills = g_array_new (FALSE, TRUE, sizeof (TrellisDashboardSkill));
  g_array_set_clear_func (self->skills, skill_clear);
  self->learners = g_array_new (FALSE, TRUE, sizeof (TrellisDashboardLearner));
  g_array_set_clear_func (self->learners, learner_clear);
  self->playlists = g_array_new (FALSE, TRUE, sizeof (TrellisDashboardPlaylist));
  g_array_set_clear_func (self->playlists, playlist_clear);
  self->surveys = g_array_new (FALSE, TRUE, sizeof (TrellisDashboardSurvey));
  g_array_set_clear_func (self->surveys, survey_clear);

  return self;
}

static void
dashboard_free (TrellisDashboard *self)
{
  g_free (self->starts_on);
  g_free (self->ends_on);
  g_free (self->as_of);
  g_array_unref (self->skills);
  g_array_unref (self->learners);
  g_array_unref (self->playlists);
  g_array_unref (self->surveys);
  g_free (self->goals.goals_caption);
  g_free (self->goals.conferences_caption);
  g_free (self->goals.reflections_caption);
  g_free (self->range_caption);
  g_free (self->progress_caption);
  g_free (self->pathway_caption);
  g_free (self->agency_caption);
  g_free (self);
}

/* ------------------------------------------------------------------ */
/* The period                                                          */

static gboolean
pick_unit (Ctx          *ctx,
           gint64        playlist_id,
           GError      **error)
{
  TrellisDashboard *d = ctx->dashboard;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *best_starts = NULL;
  g_autofree char *best_ends = NULL;
  g_autofree char *best_title = NULL;
  int best_rank = -1;
  gint64 best_id = 0;
  int rc;

  stmt = trellis_classroom_prepare (ctx->classroom,
                                    "SELECT id, title, coalesce (starts_on, substr (created_at, 1, 10)), "
                                    "ends_on FROM playlists ORDER BY position, id",
                                    error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      const char *starts = (const char *)sqlite3_column_text (stmt, 2);
      const char *ends = (const char *)sqlite3_column_text (stmt, 3);
      gboolean replace = FALSE;
      int rank;

      if (playlist_id != 0)
        {
          if (id != playlist_id)
            continue;
          rank = 3;
          replace = TRUE;
        }
      else
        {
          /* 2: holds today; 1: started before today; 0: the others. */
          if (g_strcmp0 (starts, ctx->today) <= 0 && (ends == NULL || g_strcmp0 (ends, ctx->today) >= 0))
            rank = 2;
          else if (g_strcmp0 (starts, ctx->today) <= 0)
            rank = 1;
          else
            rank = 0;

          if (rank > best_rank)
            replace = TRUE;
          else if (rank == best_rank && rank == 2)
            replace = ends != NULL && (best_ends == NULL || strcmp (ends, best_ends) < 0);
          else if (rank == best_rank && rank == 1)
            replace = g_strcmp0 (starts, best_starts) > 0;
        }

      if (replace)
        {
          best_rank = rank;
          best_id = id;
          g_free (best_title);
          best_title = _trellis_column_dup (stmt, 1);
          g_free (best_starts);
          best_starts = g_strdup (starts);
          g_free (best_ends);
          best_ends = g_strdup (ends);
        }
    }
  if (!query_done (ctx, rc, error))
    return FALSE;

  if (best_id == 0)
    {
      if (playlist_id != 0)
        g_set_error (error, TRELLIS_CLASSROOM_ERROR, TRELLIS_CLASSROOM_ERROR_NO_SUCH_ITEM,
                     _("There is no playlist with id %" G_GINT64_FORMAT), playlist_id);
      else
        g_set_error_literal (error, TRELLIS_CLASSROOM_ERROR, TRELLIS_CLASSROOM_ERROR_NOT_FOUND,
                             _("The classroom has no playlist to show as this unit"));
      return FALSE;
    }

  d->playlist_id = best_id;
  d->starts_on = g_steal_pointer (&best_starts);
  d->ends_on = best_ends != NULL ? g_steal_pointer (&best_ends) : g_strdup (ctx->today);
  ctx->unit_title = g_steal_pointer (&best_title);
  if (strcmp (d->ends_on, d->starts_on) < 0)
    {
      g_free (d->ends_on);
      d->ends_on = g_strdup (d->starts_on);
    }

  return TRUE;
}

static gboolean
resolve_range (Ctx                         *ctx,
               const TrellisDashboardRange *range,
               GError                     **error)
{
  TrellisDashboard *d = ctx->dashboard;

  d->kind = range->kind;

  switch (range->kind)
    {
    case TRELLIS_DASHBOARD_RANGE_UNIT:
      if (!pick_unit (ctx, range->playlist_id, error))
        return FALSE;
      break;

    case TRELLIS_DASHBOARD_RANGE_LAST_4_WEEKS:
      d->starts_on = date_add_days (ctx->today, -(TRELLIS_DASHBOARD_RECENT_DAYS - 1));
      d->ends_on = g_strdup (ctx->today);
      break;

    case TRELLIS_DASHBOARD_RANGE_TERM:
      if (range->starts_on != NULL)
        {
          GDate date;

          if (!parse_date (range->starts_on, &date) || strlen (range->starts_on) != 10)
            {
              g_set_error (error, TRELLIS_CLASSROOM_ERROR, TRELLIS_CLASSROOM_ERROR_INVALID,
                           _("“%s” is not a date (YYYY-MM-DD)"), range->starts_on);
              return FALSE;
            }
          d->starts_on = format_date (&date);
        }
      else
        {
          g_autoptr(sqlite3_stmt) stmt = NULL;
          int rc;

          stmt = trellis_classroom_prepare (ctx->classroom,
                                            "SELECT substr (created_at, 1, 10) FROM classroom", error);
          if (stmt == NULL)
            return FALSE;
          rc = sqlite3_step (stmt);
          if (rc == SQLITE_ROW)
            d->starts_on = _trellis_column_dup (stmt, 0);
          else if (!query_done (ctx, rc, error))
            return FALSE;
          if (d->starts_on == NULL)
            d->starts_on = g_strdup (ctx->today);
        }
      d->ends_on = g_strdup (ctx->today);
      if (strcmp (d->starts_on, d->ends_on) > 0)
        {
          g_free (d->starts_on);
          d->starts_on = g_strdup (d->ends_on);
        }
      break;

    default:
      g_set_error_literal (error, TRELLIS_CLASSROOM_ERROR, TRELLIS_CLASSROOM_ERROR_INVALID,
                           _("Unknown dashboard range"));
      return FALSE;
    }

  d->as_of = g_strdup (strcmp (ctx->today, d->ends_on) < 0 ? ctx->today : d->ends_on);

  switch (range->kind)
    {
    case TRELLIS_DASHBOARD_RANGE_UNIT:
      /* Translators: a unit's title, its first and last day */
      d->range_caption = g_strdup_printf (_("%s, %s to %s"), ctx->unit_title, d->starts_on, d->ends_on);
      break;
    case TRELLIS_DASHBOARD_RANGE_LAST_4_WEEKS:
      d->range_caption = g_strdup_printf (_("Last 4 weeks, %s to %s"), d->starts_on, d->ends_on);
      break;
    case TRELLIS_DASHBOARD_RANGE_TERM:
    default:
      d->range_caption = g_strdup_printf (_("Term, %s to %s"), d->starts_on, d->ends_on);
      break;
    }

  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Learners, playlists, skills                                         */

static gboolean
load_learners (Ctx      *ctx,
               gboolean  pseudonymize,
               GError  **error)
{
  TrellisDashboard *d = ctx->dashboard;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  /*
   * Pseudonymized, the order is by id, so that the order does not give the
   * names away.  A learner without a pseudonym is "Learner N", N being
   * their place in that order (stable while nobody is added before them or
   * deleted); making stable codes for everyone is the CSV export's job.
   */
  stmt = trellis_classroom_prepare (ctx->classroom,
                                    pseudonymize
                                    ? "SELECT id, name, pseudonym FROM learners WHERE trashed = 0 ORDER BY id"
                                    : "SELECT id, name, pseudonym FROM learners WHERE trashed = 0 "
                                      "ORDER BY name COLLATE NOCASE, id",
                                    error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TrellisDashboardLearner l = { 0 };

      l.learner_id = sqlite3_column_int64 (stmt, 0);
      if (!pseudonymize)
        l.name = _trellis_column_dup (stmt, 1);
      else if (sqlite3_column_type (stmt, 2) != SQLITE_NULL)
        l.name = _trellis_column_dup (stmt, 2);
      else
        /* Translators: a pseudonym for a learner, %u is a number */
        l.name = g_strdup_printf (_("Learner %u"), d->learners->len + 1);

      id_map_insert (ctx->learner_index, l.learner_id, d->learners->len);
      g_array_append_val (d->learners, l);
    }
  if (!query_done (ctx, rc, error))
    return FALSE;

  d->n_learners = d->learners->len;
  d->goals.n_learners = d->n_learners;
  d->pseudonymized = pseudonymize;

  return TRUE;
}

static gboolean
load_playlists (Ctx     *ctx,
                GError **error)
{
  TrellisDashboard *d = ctx->dashboard;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = trellis_classroom_prepare (ctx->classroom,
                                    "SELECT id, title, starts_on, ends_on FROM playlists ORDER BY position, id",
                                    error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TrellisDashboardPlaylist p = { 0 };
      const char *starts = (const char *)sqlite3_column_text (stmt, 2);
      const char *ends = (const char *)sqlite3_column_text (stmt, 3);

      p.playlist_id = sqlite3_column_int64 (stmt, 0);
      if (d->kind == TRELLIS_DASHBOARD_RANGE_UNIT)
        {
          if (p.playlist_id != d->playlist_id)
            continue;
        }
      else if ((starts != NULL && strcmp (starts, d->ends_on) > 0) ||
               (ends != NULL && strcmp (ends, d->starts_on) < 0))
        continue;

      p.title = _trellis_column_dup (stmt, 1);
      p.starts_on = g_strdup (starts);
      p.ends_on = g_strdup (ends);
      p.pace = g_new0 (guint8, MAX (d->n_learners, 1));
      id_map_insert (ctx->playlist_index, p.playlist_id, d->playlists->len);
      g_array_append_val (d->playlists, p);
    }

  return query_done (ctx, rc, error);
}

static gboolean
load_skills (Ctx     *ctx,
             GError **error)
{
  TrellisDashboard *d = ctx->dashboard;
  g_autoptr(GHashTable) wanted = id_map_new ();
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (d->playlists->len > 0)
    {
      stmt = trellis_classroom_prepare (ctx->classroom,
                                        "SELECT playlist_id, skill_id FROM playlist_skills "
                                        "UNION SELECT n.playlist_id, ns.skill_id FROM node_skills ns "
                                        "JOIN nodes n ON n.id = ns.node_id",
                                        error);
      if (stmt == NULL)
        return FALSE;
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        if (id_map_lookup (ctx->playlist_index, sqlite3_column_int64 (stmt, 0)) >= 0)
          id_map_insert (wanted, sqlite3_column_int64 (stmt, 1), 0);
    }
  else
    {
      stmt = trellis_classroom_prepare (ctx->classroom,
                                        "SELECT DISTINCT skill_id FROM evidence "
                                        "WHERE skill_id IS NOT NULL AND substr (observed_at, 1, 10) BETWEEN ?1 AND ?2",
                                        error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, d->starts_on, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, d->as_of, -1, SQLITE_STATIC);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        id_map_insert (wanted, sqlite3_column_int64 (stmt, 0), 0);
    }
  if (!query_done (ctx, rc, error))
    return FALSE;
  g_clear_pointer (&stmt, sqlite3_finalize);

  stmt = trellis_classroom_prepare (ctx->classroom, "SELECT id, code, name FROM skills ORDER BY position, id", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TrellisDashboardSkill s = { 0 };

      s.skill_id = sqlite3_column_int64 (stmt, 0);
      if (id_map_lookup (wanted, s.skill_id) < 0)
        continue;
      s.code = _trellis_column_dup (stmt, 1);
      s.name = _trellis_column_dup (stmt, 2);
      id_map_insert (ctx->skill_index, s.skill_id, d->skills->len);
      g_array_append_val (d->skills, s);
    }
  if (!query_done (ctx, rc, error))
    return FALSE;

  for (guint i = 0; i < d->learners->len; i++)
    {
      TrellisDashboardLearner *l = &g_array_index (d->learners, TrellisDashboardLearner, i);
      guint n = MAX (d->skills->len, 1);

      l->levels = g_new0 (guint8, n);
      l->rollup_levels = g_new0 (guint8, n);
      l->p_known = g_new (double, n);
      l->rollup_score = g_new (double, n);
      for (guint k = 0; k < n; k++)
        {
          l->p_known[k] = -1;
          l->rollup_score[k] = -1;
        }
    }

  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Academic progress                                                   */

static char *
distribution_caption (const guint counts[TRELLIS_DASHBOARD_N_LEVELS],
                      guint       n_learners)
{
  GString *s = g_string_new (NULL);

  g_string_append_printf (s,
                          /* Translators: "12 of 24 learners mastered, 8 developing, 3 not yet" */
                          g_dngettext (GETTEXT_PACKAGE,
                                       "%u of %u learner mastered, %u developing, %u not yet",
                                       "%u of %u learners mastered, %u developing, %u not yet",
                                       n_learners),
                          counts[TRELLIS_DASHBOARD_LEVEL_MASTERED], n_learners,
                          counts[TRELLIS_DASHBOARD_LEVEL_DEVELOPING],
                          counts[TRELLIS_DASHBOARD_LEVEL_NOT_YET]);
  if (counts[TRELLIS_DASHBOARD_LEVEL_NONE] > 0)
    g_string_append_printf (s,
                            /* Translators: appended to the distribution of mastery */
                            g_dngettext (GETTEXT_PACKAGE, ", %u without evidence", ", %u without evidence",
                                         counts[TRELLIS_DASHBOARD_LEVEL_NONE]),
                            counts[TRELLIS_DASHBOARD_LEVEL_NONE]);

  return g_string_free (s, FALSE);
}

typedef struct
{
  guint32 pair;    /* learner × n_skills + skill */
  gint64  time;    /* observed_at's digits, YYYYMMDDHHMMSS */
  gint64  id;
  double  score;
} ScoreRow;

static int
compare_score_rows (gconstpointer a,
                    gconstpointer b)
{
  const ScoreRow *x = a, *y = b;

  if (x->pair != y->pair)
    return x->pair < y->pair ? -1 : 1;
  if (x->time != y->time)
    return x->time < y->time ? -1 : 1;
  return (x->id > y->id) - (x->id < y->id);
}

/* "2026-02-17T10:00:00Z" → 20260217100000; a date alone → 20260217000000. */
static gint64
time_key (const unsigned char *text)
{
  gint64 key = 0;
  guint n = 0;

  for (const unsigned char *p = text; p != NULL && *p != '\0' && n < 14; p++)
    if (g_ascii_isdigit (*p))
      {
        key = key * 10 + (*p - '0');
        n++;
      }
  for (; n < 14; n++)
    key *= 10;

  return key;
}

/*
 * Reads the evidence in table order (a sequential scan: much cheaper than
 * following the learner/skill index into the table row by row), sorts it
 * by learner, skill and time in memory, and rolls up each learner's scores
 * on each skill.
 */
static gboolean
compute_rollup (Ctx     *ctx,
                GError **error)
{
  TrellisDashboard *d = ctx->dashboard;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, sizeof (ScoreRow));
  g_autoptr(GArray) scores = g_array_new (FALSE, FALSE, sizeof (double));
  guint n_skills = d->skills->len;
  TrellisBktRollup rollup;
  int rc;

  if (n_skills == 0 || d->n_learners == 0)
    return TRUE;

  trellis_bkt_rollup_init (&rollup, TRELLIS_BKT_ROLLUP_DECAYING_AVERAGE);
  rollup.weight = TRELLIS_DASHBOARD_ROLLUP_WEIGHT;

  stmt = trellis_classroom_prepare (ctx->classroom,
                                    "SELECT learner_id, skill_id, kind, score, max_score, observed_at, id "
                                    "FROM evidence NOT INDEXED WHERE skill_id IS NOT NULL",
                                    error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int learner = id_map_lookup (ctx->learner_index, sqlite3_column_int64 (stmt, 0));
      int skill = id_map_lookup (ctx->skill_index, sqlite3_column_int64 (stmt, 1));
      TrellisBktEvidenceKind kind;
      ScoreRow row;

      if (learner < 0 || skill < 0 ||
          !trellis_bkt_evidence_kind_from_string ((const char *)sqlite3_column_text (stmt, 2), &kind) ||
          !trellis_bkt_evidence_to_score (kind, sqlite3_column_double (stmt, 3),
                                          sqlite3_column_double (stmt, 4), &row.score, NULL))
        continue;

      row.pair = (guint32)learner * n_skills + (guint32)skill;
      row.time = time_key (sqlite3_column_text (stmt, 5));
      row.id = sqlite3_column_int64 (stmt, 6);
      g_array_append_val (rows, row);
    }
  if (!query_done (ctx, rc, error))
    return FALSE;

  g_array_sort (rows, compare_score_rows);

  for (guint i = 0; i < rows->len;)
    {
      guint32 pair = g_array_index (rows, ScoreRow, i).pair;
      TrellisDashboardLearner *l = &g_array_index (d->learners, TrellisDashboardLearner, pair / n_skills);
      guint skill = pair % n_skills;
      double r;

      g_array_set_size (scores, 0);
      for (; i < rows->len && g_array_index (rows, ScoreRow, i).pair == pair; i++)
        g_array_append_val (scores, g_array_index (rows, ScoreRow, i).score);

      r = trellis_bkt_rollup_compute (&rollup, (const double *)(gpointer)scores->data, scores->len, NULL);
      l->rollup_score[skill] = r;
      l->rollup_levels[skill] = level_for (r);
    }

  return TRUE;
}

static gboolean
compute_progress (Ctx     *ctx,
                  GError **error)
{
  TrellisDashboard *d = ctx->dashboard;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  guint totals[TRELLIS_DASHBOARD_N_LEVELS] = { 0 };
  guint n_pairs;
  int rc;

  stmt = trellis_classroom_prepare (ctx->classroom,
                                    "SELECT learner_id, skill_id, p_known FROM mastery_state WHERE n_evidence > 0",
                                    error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int learner = id_map_lookup (ctx->learner_index, sqlite3_column_int64 (stmt, 0));
      int skill = id_map_lookup (ctx->skill_index, sqlite3_column_int64 (stmt, 1));
      TrellisDashboardLearner *l;

      if (learner < 0 || skill < 0)
        continue;
      l = &g_array_index (d->learners, TrellisDashboardLearner, learner);
      l->p_known[skill] = CLAMP (sqlite3_column_double (stmt, 2), 0.0, 1.0);
      l->levels[skill] = level_for (l->p_known[skill]);
    }
  if (!query_done (ctx, rc, error))
    return FALSE;

  if (!compute_rollup (ctx, error))
    return FALSE;

  for (guint k = 0; k < d->skills->len; k++)
    {
      TrellisDashboardSkill *s = &g_array_index (d->skills, TrellisDashboardSkill, k);

      for (guint i = 0; i < d->learners->len; i++)
        {
          TrellisDashboardLearner *l = &g_array_index (d->learners, TrellisDashboardLearner, i);

          s->mastery[l->levels[k]]++;
          s->rollup[l->rollup_levels[k]]++;
          totals[l->levels[k]]++;
        }
      s->caption = distribution_caption (s->mastery, d->n_learners);
      s->rollup_caption = distribution_caption (s->rollup, d->n_learners);
    }

  n_pairs = d->skills->len * d->n_learners;
  if (n_pairs == 0)
    d->progress_caption = g_strdup (_("No skills to show in this period"));
  else
    d->progress_caption =
      g_strdup_printf (/* Translators: percentages of learner–skill pairs; %% is a percent sign */
                       g_dngettext (GETTEXT_PACKAGE,
                                    "Across %u skill: %u%% mastered, %u%% developing, %u%% not yet, %u%% without evidence",
                                    "Across %u skills: %u%% mastered, %u%% developing, %u%% not yet, %u%% without evidence",
                                    d->skills->len),
                       d->skills->len,
                       (guint)lround (100.0 * totals[TRELLIS_DASHBOARD_LEVEL_MASTERED] / n_pairs),
                       (guint)lround (100.0 * totals[TRELLIS_DASHBOARD_LEVEL_DEVELOPING] / n_pairs),
                       (guint)lround (100.0 * totals[TRELLIS_DASHBOARD_LEVEL_NOT_YET] / n_pairs),
                       (guint)lround (100.0 * totals[TRELLIS_DASHBOARD_LEVEL_NONE] / n_pairs));

  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Pathway completion                                                  */

typedef struct
{
  gint64  node_id;
  int     playlist;   /* index in d->playlists */
  char   *title;
  char   *target_date;
} Milestone;

static void
milestone_clear (gpointer data)
{
  Milestone *m = data;

  g_free (m->title);
  g_free (m->target_date);
}

static gboolean
compute_pathway (Ctx     *ctx,
                 GError **error)
{
  TrellisDashboard *d = ctx->dashboard;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GArray) milestones = g_array_new (FALSE, TRUE, sizeof (Milestone));
  g_autoptr(GHashTable) milestone_index = id_map_new ();
  g_autofree guint8 *reached = NULL;
  g_autofree gboolean *behind_any = NULL;
  guint n_behind_any = 0;
  int rc;

  g_array_set_clear_func (milestones, milestone_clear);

  stmt = trellis_classroom_prepare (ctx->classroom,
                                    "SELECT id, playlist_id, title, target_date FROM nodes "
                                    "WHERE kind = 'milestone' AND target_date IS NOT NULL "
                                    "ORDER BY target_date, position, id",
                                    error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Milestone m = { 0 };

      m.playlist = id_map_lookup (ctx->playlist_index, sqlite3_column_int64 (stmt, 1));
      if (m.playlist < 0)
        continue;
      m.node_id = sqlite3_column_int64 (stmt, 0);
      m.title = _trellis_column_dup (stmt, 2);
      m.target_date = _trellis_column_dup (stmt, 3);
      id_map_insert (milestone_index, m.node_id, milestones->len);
      g_array_append_val (milestones, m);
    }
  if (!query_done (ctx, rc, error))
    return FALSE;
  g_clear_pointer (&stmt, sqlite3_finalize);

  /* reached[milestone × n_learners + learner] */
  reached = g_new0 (guint8, MAX (milestones->len * d->n_learners, 1));
  stmt = trellis_classroom_prepare (ctx->classroom,
                                    "SELECT p.learner_id, p.node_id FROM progress p "
                                    "JOIN nodes n ON n.id = p.node_id WHERE n.kind = 'milestone' "
                                    "AND (p.checkin_on IS NOT NULL OR p.status = 'complete')",
                                    error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int learner = id_map_lookup (ctx->learner_index, sqlite3_column_int64 (stmt, 0));
      int m = id_map_lookup (milestone_index, sqlite3_column_int64 (stmt, 1));

      if (learner >= 0 && m >= 0)
        reached[(guint)m * d->n_learners + (guint)learner] = 1;
    }
  if (!query_done (ctx, rc, error))
    return FALSE;

  behind_any = g_new0 (gboolean, MAX (d->n_learners, 1));
  for (guint p = 0; p < d->playlists->len; p++)
    {
      TrellisDashboardPlaylist *pl = &g_array_index (d->playlists, TrellisDashboardPlaylist, p);
      Milestone *next = NULL;

      for (guint m = 0; m < milestones->len; m++)
        {
          Milestone *ms = &g_array_index (milestones, Milestone, m);

          if (ms->playlist != (int)p)
            continue;
          pl->n_milestones++;
          if (strcmp (ms->target_date, d->as_of) < 0)
            pl->n_due++;
          else if (next == NULL)
            next = ms;
        }

      for (guint i = 0; i < d->n_learners; i++)
        {
          gboolean behind = FALSE;
          gboolean ahead = FALSE;

          for (guint m = 0; m < milestones->len; m++)
            {
              Milestone *ms = &g_array_index (milestones, Milestone, m);
              gboolean done = reached[m * d->n_learners + i];

              if (ms->playlist != (int)p)
                continue;
              if (strcmp (ms->target_date, d->as_of) < 0)
                behind |= !done;
              else
                ahead |= done;
            }

          if (behind)
            {
              pl->pace[i] = TRELLIS_DASHBOARD_PACE_BEHIND;
              pl->behind++;
              if (!behind_any[i])
                n_behind_any++;
              behind_any[i] = TRUE;
            }
          else if (ahead)
            {
              pl->pace[i] = TRELLIS_DASHBOARD_PACE_AHEAD;
              pl->ahead++;
            }
          else
            {
              pl->pace[i] = TRELLIS_DASHBOARD_PACE_ON_TRACK;
              pl->on_track++;
            }
        }

      if (next != NULL)
        {
          guint m = (guint)(next - &g_array_index (milestones, Milestone, 0));

          pl->next_milestone_id = next->node_id;
          pl->next_milestone_title = g_strdup (next->title);
          pl->next_milestone_date = g_strdup (next->target_date);
          for (guint i = 0; i < d->n_learners; i++)
            pl->next_checked_in += reached[m * d->n_learners + i];

          pl->caption =
            g_strdup_printf (/* Translators: "18 of 24 on track for “Museum day”, 3 ahead, 3 behind" */
                             g_dngettext (GETTEXT_PACKAGE,
                                          "%u of %u on track for “%s”, %u ahead, %u behind",
                                          "%u of %u on track for “%s”, %u ahead, %u behind",
                                          d->n_learners),
                             pl->on_track, d->n_learners, next->title, pl->ahead, pl->behind);
          pl->checkin_caption =
            g_strdup_printf (/* Translators: "5 of 24 checked in for “Museum day” (due 2026-03-20)" */
                             g_dngettext (GETTEXT_PACKAGE,
                                          "%u of %u checked in for “%s” (due %s)",
                                          "%u of %u checked in for “%s” (due %s)",
                                          d->n_learners),
                             pl->next_checked_in, d->n_learners, next->title, next->target_date);
        }
      else if (pl->n_milestones > 0)
        {
          pl->caption =
            g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "%u of %u reached every milestone, %u behind",
                                          "%u of %u reached every milestone, %u behind",
                                          d->n_learners),
                             pl->on_track + pl->ahead, d->n_learners, pl->behind);
          pl->checkin_caption = g_strdup (_("Every milestone is past its date"));
        }
      else
        {
          pl->caption = g_strdup (_("No milestones with a date in this playlist"));
          pl->checkin_caption = g_strdup (_("No milestones with a date in this playlist"));
        }
    }

  if (d->playlists->len == 0)
    d->pathway_caption = g_strdup (_("No playlists in this period"));
  else
    d->pathway_caption =
      g_strdup_printf (/* Translators: "3 of 24 learners behind a milestone" */
                       g_dngettext (GETTEXT_PACKAGE,
                                    "%u of %u learner behind a milestone",
                                    "%u of %u learners behind a milestone",
                                    d->n_learners),
                       n_behind_any, d->n_learners);

  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Agency                                                              */

typedef struct
{
  double *sum;     /* [administration × n_learners + learner] */
  guint  *count;
} LearnerSums;

static char *
survey_caption (TrellisDashboardSurvey *s,
                guint                   n_learners)
{
  GString *str = g_string_new (NULL);
  guint n = s->administrations->len;

  if (n == 0)
    {
      g_string_append (str, _("No survey given in this period"));
    }
  else if (n == 1)
    {
      TrellisDashboardAdministration *a = &g_array_index (s->administrations, TrellisDashboardAdministration, 0);

      g_string_append_printf (str,
                              /* Translators: "Class mean 2.8 of 4 on 2026-02-01, 20 of 24 learners answered" */
                              g_dngettext (GETTEXT_PACKAGE,
                                           "Class mean %.1f of %d on %s, %u of %u learner answered",
                                           "Class mean %.1f of %d on %s, %u of %u learners answered",
                                           n_learners),
                              a->mean, s->scale_max, a->administered_on, a->n_respondents, n_learners);
    }
  else
    {
      TrellisDashboardAdministration *first = &g_array_index (s->administrations, TrellisDashboardAdministration, 0);
      TrellisDashboardAdministration *last = &g_array_index (s->administrations, TrellisDashboardAdministration, n - 1);
      guint n_changes = s->changes->len;

      g_string_append_printf (str,
                              /* Translators: "Class mean went from 2.6 to 3.1 of 4 between 2026-01-05 and 2026-02-04" */
                              _("Class mean went from %.1f to %.1f of %d between %s and %s"),
                              first->mean, last->mean, s->scale_max,
                              first->administered_on, last->administered_on);
      g_string_append (str, "; ");
      g_string_append_printf (str,
                              /* Translators: "14 of 20 learners rose, 3 fell" */
                              g_dngettext (GETTEXT_PACKAGE,
                                           "%u of %u learner rose, %u fell",
                                           "%u of %u learners rose, %u fell",
                                           n_changes),
                              s->rose, n_changes, s->fell);
    }

  return g_string_free (str, FALSE);
}

static gboolean
compute_agency (Ctx     *ctx,
                GError **error)
{
  TrellisDashboard *d = ctx->dashboard;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GHashTable) survey_index = id_map_new ();
  g_autoptr(GHashTable) item_index = id_map_new ();        /* item → position within its survey */
  g_autoptr(GHashTable) admin_index = id_map_new ();       /* administration → position within its survey */
  g_autoptr(GHashTable) admin_survey = id_map_new ();      /* administration → survey index */
  g_autoptr(GPtrArray) prompts = NULL;
  g_autoptr(GArray) item_ids = NULL;
  LearnerSums *sums;
  const char *latest = NULL;
  int latest_survey = -1;
  int rc;

  stmt = trellis_classroom_prepare (ctx->classroom, "SELECT id, title FROM surveys ORDER BY id", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TrellisDashboardSurvey s = { 0 };

      s.survey_id = sqlite3_column_int64 (stmt, 0);
      s.title = _trellis_column_dup (stmt, 1);
      s.administrations = g_array_new (FALSE, TRUE, sizeof (TrellisDashboardAdministration));
      g_array_set_clear_func (s.administrations, administration_clear);
      s.changes = g_array_new (FALSE, TRUE, sizeof (TrellisDashboardAgencyChange));
      g_array_set_clear_func (s.changes, change_clear);
      id_map_insert (survey_index, s.survey_id, d->surveys->len);
      g_array_append_val (d->surveys, s);
    }
  if (!query_done (ctx, rc, error))
    return FALSE;
  g_clear_pointer (&stmt, sqlite3_finalize);

  if (d->surveys->len == 0)
    {
      d->agency_caption = g_strdup (_("No agency survey yet"));
      return TRUE;
    }

  /* Items, in order, survey by survey. */
  stmt = trellis_classroom_prepare (ctx->classroom,
                                    "SELECT id, survey_id, prompt, scale_max FROM survey_items "
                                    "ORDER BY survey_id, position, id",
                                    error);
  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  for (guint si = 0; si < d->surveys->len; si++)
    {
      TrellisDashboardSurvey *s = &g_array_index (d->surveys, TrellisDashboardSurvey, si);

      prompts = g_ptr_array_new ();
      item_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      s->scale_max = 0;
      for (; rc == SQLITE_ROW; rc = sqlite3_step (stmt))
        {
          gint64 id = sqlite3_column_int64 (stmt, 0);
          int survey = id_map_lookup (survey_index, sqlite3_column_int64 (stmt, 1));

          if (survey < (int)si)
            continue;
          if (survey > (int)si)
            break;
          id_map_insert (item_index, id, item_ids->len);
          g_array_append_val (item_ids, id);
          g_ptr_array_add (prompts, _trellis_column_dup (stmt, 2));
          s->scale_max = MAX (s->scale_max, sqlite3_column_int (stmt, 3));
        }
      s->n_items = item_ids->len;
      s->item_ids = (gint64 *)(gpointer)g_array_free (g_steal_pointer (&item_ids), FALSE);
      g_ptr_array_add (prompts, NULL);
      s->item_prompts = (char **)g_ptr_array_free (g_steal_pointer (&prompts), FALSE);
    }
  if (rc != SQLITE_ROW && !query_done (ctx, rc, error))
    return FALSE;
  g_clear_pointer (&stmt, sqlite3_finalize);

  /* Administrations in the period. */
  stmt = trellis_classroom_prepare (ctx->classroom,
                                    "SELECT id, survey_id, administered_on FROM survey_administrations "
                                    "WHERE administered_on BETWEEN ?1 AND ?2 ORDER BY administered_on, id",
                                    error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, d->starts_on, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, d->as_of, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int survey = id_map_lookup (survey_index, sqlite3_column_int64 (stmt, 1));
      TrellisDashboardSurvey *s = &g_array_index (d->surveys, TrellisDashboardSurvey, survey);
      TrellisDashboardAdministration a = { 0 };

      a.administration_id = sqlite3_column_int64 (stmt, 0);
      a.administered_on = _trellis_column_dup (stmt, 2);
      a.item_means = g_new0 (double, MAX (s->n_items, 1));
      id_map_insert (admin_index, a.administration_id, s->administrations->len);
      id_map_insert (admin_survey, a.administration_id, (guint)survey);
      g_array_append_val (s->administrations, a);
    }
  if (!query_done (ctx, rc, error))
    return FALSE;
  g_clear_pointer (&stmt, sqlite3_finalize);

  /* Sums: per administration and item in item_means (divided below), per learner apart. */
  sums = g_new0 (LearnerSums, d->surveys->len);
  for (guint si = 0; si < d->surveys->len; si++)
    {
      TrellisDashboardSurvey *s = &g_array_index (d->surveys, TrellisDashboardSurvey, si);
      gsize n = MAX ((gsize)s->administrations->len * d->n_learners, 1);

      sums[si].sum = g_new0 (double, n);
      sums[si].count = g_new0 (guint, n);
    }

  {
    g_autofree guint *item_counts = NULL;
    g_autoptr(GHashTable) admin_item_base = id_map_new ();  /* administration → offset in item_counts */
    guint n_counts = 0;

    for (guint si = 0; si < d->surveys->len; si++)
      {
        TrellisDashboardSurvey *s = &g_array_index (d->surveys, TrellisDashboardSurvey, si);

        for (guint ai = 0; ai < s->administrations->len; ai++)
          {
            id_map_insert (admin_item_base,
                           g_array_index (s->administrations, TrellisDashboardAdministration, ai).administration_id,
                           n_counts);
            n_counts += s->n_items;
          }
      }
    item_counts = g_new0 (guint, MAX (n_counts, 1));

    stmt = trellis_classroom_prepare (ctx->classroom,
                                      "SELECT r.administration_id, r.item_id, r.learner_id, r.value "
                                      "FROM survey_responses r JOIN survey_administrations a "
                                      "ON a.id = r.administration_id WHERE a.administered_on BETWEEN ?1 AND ?2",
                                      error);
    if (stmt == NULL)
      goto failed;
    sqlite3_bind_text (stmt, 1, d->starts_on, -1, SQLITE_STATIC);
    sqlite3_bind_text (stmt, 2, d->as_of, -1, SQLITE_STATIC);
    while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
      {
        gint64 admin_id = sqlite3_column_int64 (stmt, 0);
        int admin = id_map_lookup (admin_index, admin_id);
        int survey = id_map_lookup (admin_survey, admin_id);
        int item = id_map_lookup (item_index, sqlite3_column_int64 (stmt, 1));
        int learner = id_map_lookup (ctx->learner_index, sqlite3_column_int64 (stmt, 2));
        double value = sqlite3_column_double (stmt, 3);
        TrellisDashboardSurvey *s;
        TrellisDashboardAdministration *a;
        guint slot;

        if (admin < 0 || survey < 0 || item < 0 || learner < 0)
          continue;
        s = &g_array_index (d->surveys, TrellisDashboardSurvey, survey);
        if ((guint)item >= s->n_items)
          continue;
        a = &g_array_index (s->administrations, TrellisDashboardAdministration, admin);
        a->item_means[item] += value;
        item_counts[(guint)id_map_lookup (admin_item_base, admin_id) + (guint)item]++;
        slot = (guint)admin * d->n_learners + (guint)learner;
        sums[survey].sum[slot] += value;
        sums[survey].count[slot]++;
      }
    if (!query_done (ctx, rc, error))
      goto failed;
    g_clear_pointer (&stmt, sqlite3_finalize);

    for (guint si = 0; si < d->surveys->len; si++)
      {
        TrellisDashboardSurvey *s = &g_array_index (d->surveys, TrellisDashboardSurvey, si);

        for (guint ai = 0; ai < s->administrations->len; ai++)
          {
            TrellisDashboardAdministration *a = &g_array_index (s->administrations, TrellisDashboardAdministration, ai);
            guint base = (guint)id_map_lookup (admin_item_base, a->administration_id);
            double total = 0;
            guint n_total = 0;

            for (guint it = 0; it < s->n_items; it++)
              {
                guint c = item_counts[base + it];

                total += a->item_means[it];
                n_total += c;
                a->item_means[it] = c > 0 ? a->item_means[it] / c : NAN;
              }
            a->mean = n_total > 0 ? total / n_total : NAN;
            for (guint i = 0; i < d->n_learners; i++)
              if (sums[si].count[ai * d->n_learners + i] > 0)
                a->n_respondents++;

            if (latest == NULL || strcmp (a->administered_on, latest) >= 0)
              {
                latest = a->administered_on;
                latest_survey = (int)si;
              }
          }

        /* Per learner: first and last administration they answered. */
        for (guint i = 0; i < d->n_learners; i++)
          {
            TrellisDashboardLearner *l = &g_array_index (d->learners, TrellisDashboardLearner, i);
            TrellisDashboardAgencyChange c = { 0 };
            int first = -1, last = -1;

            for (guint ai = 0; ai < s->administrations->len; ai++)
              if (sums[si].count[ai * d->n_learners + i] > 0)
                {
                  if (first < 0)
                    first = (int)ai;
                  last = (int)ai;
                }
            if (first < 0 || first == last)
              continue;

            c.learner_id = l->learner_id;
            c.name = g_strdup (l->name);
            c.first = sums[si].sum[(guint)first * d->n_learners + i] / sums[si].count[(guint)first * d->n_learners + i];
            c.last = sums[si].sum[(guint)last * d->n_learners + i] / sums[si].count[(guint)last * d->n_learners + i];
            c.change = c.last - c.first;
            /* Means of small integers: treat differences below 1e-9 as none. */
            if (c.change > 1e-9)
              s->rose++;
            else if (c.change < -1e-9)
              s->fell++;
            else
              s->unchanged++;
            g_array_append_val (s->changes, c);
          }

        s->caption = survey_caption (s, d->n_learners);
      }
  }

  for (guint si = 0; si < d->surveys->len; si++)
    {
      g_free (sums[si].sum);
      g_free (sums[si].count);
    }
  g_free (sums);

  if (latest_survey >= 0)
    d->agency_caption = g_strdup (g_array_index (d->surveys, TrellisDashboardSurvey, latest_survey).caption);
  else
    d->agency_caption = g_strdup (_("No survey given in this period"));

  return TRUE;

failed:
  for (guint si = 0; si < d->surveys->len; si++)
    {
      g_free (sums[si].sum);
      g_free (sums[si].count);
    }
  g_free (sums);
  return FALSE;
}

/* ------------------------------------------------------------------ */
/* Goal-setting                                                        */

/* Runs a query with ?1 = start, ?2 = as-of, ?3 = a third date, returning one or two counts. */
static gboolean
count_query (Ctx         *ctx,
             const char  *sql,
             const char  *third,
             guint       *out1,
             guint       *out2,
             GError     **error)
{
  TrellisDashboard *d = ctx->dashboard;
  g_autoptr(sqlite3_stmt) stmt = trellis_classroom_prepare (ctx->classroom, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  if (sqlite3_bind_parameter_count (stmt) >= 1)
    sqlite3_bind_text (stmt, 1, d->starts_on, -1, SQLITE_STATIC);
  if (sqlite3_bind_parameter_count (stmt) >= 2)
    sqlite3_bind_text (stmt, 2, d->as_of, -1, SQLITE_STATIC);
  if (sqlite3_bind_parameter_count (stmt) >= 3)
    sqlite3_bind_text (stmt, 3, third, -1, SQLITE_STATIC);

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    return query_done (ctx, rc == SQLITE_DONE ? SQLITE_CORRUPT : rc, error);

  *out1 = (guint)sqlite3_column_int64 (stmt, 0);
  if (out2 != NULL)
    *out2 = (guint)sqlite3_column_int64 (stmt, 1);

  return TRUE;
}

static gboolean
compute_goals (Ctx     *ctx,
               GError **error)
{
  TrellisDashboard *d = ctx->dashboard;
  TrellisDashboardGoals *g = &d->goals;
  g_autofree char *due_after = NULL;
  guint cadence = 21;
  guint days;
  GString *s;

  if (!count_query (ctx, "SELECT conference_cadence_days FROM classroom", NULL, &cadence, NULL, error))
    return FALSE;
  g->cadence_days = MAX (cadence, 1);
  due_after = date_add_days (d->as_of, -(int)g->cadence_days);

  if (!count_query (ctx,
                    "SELECT count (DISTINCT g.learner_id) FROM goals g JOIN learners l ON l.id = g.learner_id "
                    "WHERE l.trashed = 0 AND g.status = 'active'",
                    NULL, &g->with_active_goal, NULL, error) ||
      !count_query (ctx,
                    "SELECT count (*), "
                    "  sum (g.status = 'met' AND g.updated_on BETWEEN ?1 AND ?2 "
                    "       OR EXISTS (SELECT 1 FROM goal_revisions r WHERE r.goal_id = g.id "
                    "                  AND r.new_status = 'met' AND r.changed_on BETWEEN ?1 AND ?2)) "
                    "FROM goals g JOIN learners l ON l.id = g.learner_id WHERE l.trashed = 0",
                    NULL, &days /* unused here */, &g->goals_met, error) ||
      !count_query (ctx,
                    "SELECT sum (g.created_on BETWEEN ?1 AND ?2), "
                    "  sum (g.status = 'revised' AND g.updated_on BETWEEN ?1 AND ?2 "
                    "       OR EXISTS (SELECT 1 FROM goal_revisions r WHERE r.goal_id = g.id "
                    "                  AND r.changed_on BETWEEN ?1 AND ?2 "
                    "                  AND (r.new_status IS NULL OR r.new_status IN ('active', 'revised')))) "
                    "FROM goals g JOIN learners l ON l.id = g.learner_id WHERE l.trashed = 0",
                    NULL, &g->goals_set, &g->goals_revised, error) ||
      !count_query (ctx,
                    "SELECT count (*), count (DISTINCT c.learner_id) FROM conferences c "
                    "JOIN learners l ON l.id = c.learner_id "
                    "WHERE l.trashed = 0 AND c.held_on BETWEEN ?1 AND ?2",
                    NULL, &g->conferences_held, &g->learners_conferenced, error) ||
      !count_query (ctx,
                    "SELECT count (*) FROM learners l WHERE l.trashed = 0 AND NOT EXISTS "
                    "(SELECT 1 FROM conferences c WHERE c.learner_id = l.id "
                    " AND c.held_on > ?3 AND c.held_on <= ?2)",
                    due_after, &g->learners_due, NULL, error) ||
      !count_query (ctx,
                    "SELECT count (*), count (DISTINCT r.learner_id) FROM reflections r "
                    "JOIN learners l ON l.id = r.learner_id "
                    "WHERE l.trashed = 0 AND r.author = 'learner' AND r.written_on BETWEEN ?1 AND ?2",
                    NULL, &g->reflections, &g->learners_reflecting, error))
    return FALSE;

  days = days_between (d->starts_on, d->as_of);
  g->conferences_expected = (guint)(((guint64)d->n_learners * days) / g->cadence_days);

  s = g_string_new (NULL);
  g_string_append_printf (s,
                          /* Translators: "15 of 24 learners have an active goal" */
                          g_dngettext (GETTEXT_PACKAGE,
                                       "%u of %u learner has an active goal",
                                       "%u of %u learners have an active goal",
                                       d->n_learners),
                          g->with_active_goal, d->n_learners);
  g_string_append (s, "; ");
  g_string_append_printf (s, g_dngettext (GETTEXT_PACKAGE, "%u goal met", "%u goals met", g->goals_met),
                          g->goals_met);
  g_string_append (s, ", ");
  /* Translators: goals revised */
  g_string_append_printf (s, g_dngettext (GETTEXT_PACKAGE, "%u revised", "%u revised", g->goals_revised),
                          g->goals_revised);
  g->goals_caption = g_string_free (s, FALSE);

  s = g_string_new (NULL);
  g_string_append_printf (s,
                          g_dngettext (GETTEXT_PACKAGE, "%u conference held", "%u conferences held",
                                       g->conferences_held),
                          g->conferences_held);
  g_string_append (s, " ");
  g_string_append_printf (s,
                          /* Translators: "(24 expected at one every 21 days)" */
                          g_dngettext (GETTEXT_PACKAGE,
                                       "(%u expected at one every %u day)",
                                       "(%u expected at one every %u days)",
                                       g->cadence_days),
                          g->conferences_expected, g->cadence_days);
  g_string_append (s, "; ");
  g_string_append_printf (s,
                          g_dngettext (GETTEXT_PACKAGE, "%u learner due now", "%u learners due now",
                                       g->learners_due),
                          g->learners_due);
  g->conferences_caption = g_string_free (s, FALSE);

  g->reflections_caption =
    g_strdup_printf (/* Translators: "31 reflections written by 18 of 24 learners" */
                     g_dngettext (GETTEXT_PACKAGE,
                                  "%u reflection written by %u of %u learners",
                                  "%u reflections written by %u of %u learners",
                                  g->reflections),
                     g->reflections, g->learners_reflecting, d->n_learners);

  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Public API                                                          */

/**
 * trellis_dashboard_compute:
 * @classroom: a classroom
 * @range: the period and options
 * @error: return location for an error
 *
 * Computes the whole dashboard in one read transaction.  Nothing is
 * written.
 *
 * Returns: (transfer full) (nullable): the dashboard, or %NULL on error
 */
TrellisDashboard *
trellis_dashboard_compute (TrellisClassroom             *classroom,
                           const TrellisDashboardRange  *range,
                           GError                      **error)
{
  g_autoptr(TrellisDashboard) dashboard = NULL;
  gboolean own_transaction;
  gboolean ok;
  Ctx ctx = { 0 };

  g_return_val_if_fail (TRELLIS_IS_CLASSROOM (classroom), NULL);
  g_return_val_if_fail (range != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  own_transaction = sqlite3_get_autocommit (trellis_classroom_get_db (classroom));
  if (own_transaction && !trellis_classroom_exec (classroom, "BEGIN DEFERRED", error))
    return NULL;

  dashboard = dashboard_new ();
  ctx.classroom = classroom;
  ctx.dashboard = dashboard;
  ctx.today = trellis_classroom_today (classroom);
  ctx.learner_index = id_map_new ();
  ctx.skill_index = id_map_new ();
  ctx.playlist_index = id_map_new ();

  ok = resolve_range (&ctx, range, error) &&
       load_learners (&ctx, range->pseudonymize, error) &&
       load_playlists (&ctx, error) &&
       load_skills (&ctx, error) &&
       compute_progress (&ctx, error) &&
       compute_pathway (&ctx, error) &&
       compute_agency (&ctx, error) &&
       compute_goals (&ctx, error);

  if (own_transaction)
    trellis_classroom_exec (classroom, "COMMIT", NULL);

  g_free (ctx.today);
  g_free (ctx.unit_title);
  g_hash_table_unref (ctx.learner_index);
  g_hash_table_unref (ctx.skill_index);
  g_hash_table_unref (ctx.playlist_index);

  return ok ? g_steal_pointer (&dashboard) : NULL;
}

TrellisDashboard *
trellis_dashboard_ref (TrellisDashboard *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
trellis_dashboard_unref (TrellisDashboard *self)
{
  g_return_if_fail (self != NULL);

  if (g_atomic_ref_count_dec (&self->ref_count))
    dashboard_free (self);
}

const char *
trellis_dashboard_level_to_string (TrellisDashboardLevel level)
{
  switch (level)
    {
    case TRELLIS_DASHBOARD_LEVEL_NONE:
      return "none";
    case TRELLIS_DASHBOARD_LEVEL_NOT_YET:
      return "not_yet";
    case TRELLIS_DASHBOARD_LEVEL_DEVELOPING:
      return "developing";
    case TRELLIS_DASHBOARD_LEVEL_MASTERED:
      return "mastered";
    case TRELLIS_DASHBOARD_N_LEVELS:
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
trellis_dashboard_pace_to_string (TrellisDashboardPace pace)
{
  switch (pace)
    {
    case TRELLIS_DASHBOARD_PACE_ON_TRACK:
      return "on_track";
    case TRELLIS_DASHBOARD_PACE_BEHIND:
      return "behind";
    case TRELLIS_DASHBOARD_PACE_AHEAD:
      return "ahead";
    default:
      g_return_val_if_reached (NULL);
    }
}

static const char * const range_names[] = {
  [TRELLIS_DASHBOARD_RANGE_UNIT] = "unit",
  [TRELLIS_DASHBOARD_RANGE_LAST_4_WEEKS] = "4weeks",
  [TRELLIS_DASHBOARD_RANGE_TERM] = "term",
};

const char *
trellis_dashboard_range_kind_to_string (TrellisDashboardRangeKind kind)
{
  g_return_val_if_fail ((guint)kind < G_N_ELEMENTS (range_names), NULL);

  return range_names[kind];
}

gboolean
trellis_dashboard_range_kind_from_string (const char                *str,
                                          TrellisDashboardRangeKind *kind)
{
  guint i;

  if (!_trellis_string_table_find (range_names, G_N_ELEMENTS (range_names), str, &i))
    return FALSE;

  *kind = (TrellisDashboardRangeKind)i;
  return TRUE;
}

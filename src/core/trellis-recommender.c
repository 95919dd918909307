/* trellis-recommender.c
 *
 * Copyright 2026 The Trellis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trellis-recommender"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "trellis-recommender.h"
#include "trellis-store-private.h"

/*
 * The rules.  Every suggestion rests on one of them, and its evidence says
 * which numbers met which threshold.  Mastery comes from scored evidence
 * only (mastery_state); nothing here looks at time on task or engagement.
 *
 * "In play": a skill that a node of a current playlist shows (or the
 * playlist lists); a playlist is current when today lies between its
 * starts_on and ends_on (a missing bound is open).
 *
 * needs_help       a learner's predicted success (p_correct) on a skill in
 *                  play is below NEEDS_HELP_P_CORRECT after at least
 *                  NEEDS_HELP_MIN_ATTEMPTS pieces of evidence (one
 *                  suggestion per learner, on the weakest such skill); or at
 *                  least NEEDS_HELP_MIN_REVISIONS nodes of current playlists
 *                  are marked "needs revision".
 * small_group      at least SMALL_GROUP_MIN_SIZE learners (and at most
 *                  SMALL_GROUP_MAX_SHARE of the class: more is a whole-class
 *                  reteach) have p_known below SMALL_GROUP_P_KNOWN on a skill
 *                  in play, each with SMALL_GROUP_MIN_EVIDENCE pieces of
 *                  evidence.  The gap is "in a prerequisite" when at least
 *                  SMALL_GROUP_PREREQ_SHARE of them are also below the
 *                  threshold on a prerequisite skill.
 * behind_milestone a learner has a milestone of a current playlist past its
 *                  target date with neither a check-in nor completion; or,
 *                  for the next milestone within BEHIND_HORIZON_DAYS, the
 *                  estimated minutes of the work left up to it exceed
 *                  BEHIND_PACE_MARGIN times the class minutes left (days
 *                  left × class minutes per week / 7): estimates are rough,
 *                  so only learners clearly behind are surfaced.
 * ready_for_more   on a current playlist, a learner has evidence
 *                  (READY_MIN_EVIDENCE) on at least READY_MIN_SKILLS and
 *                  READY_MIN_COVERAGE of its skills, with mean p_known at
 *                  least READY_MEAN_P_KNOWN and none below READY_MIN_P_KNOWN.
 * peer_pair        for a skill in play with a pair or group activity not
 *                  older than PEER_PAIR_RECENT_DAYS, the learners still
 *                  learning it (p_known below PEER_LEARNING_P_KNOWN) are
 *                  paired, lowest first, with the strongest free learner
 *                  (p_known at least PEER_STRONG_P_KNOWN): never two
 *                  learners who are both still learning, never two who were
 *                  a pair before (groups of kind pair); at most
 *                  PEER_PAIR_MAX_PER_SKILL pairs per skill.
 * conference_due   no conference for the class cadence (classroom
 *                  conference_cadence_days), or none at all once the learner
 *                  has been in the class that long.
 * profile_stale    no profile entry revisited for the class's
 *                  stale_profile_weeks (or no entries after that long).
 * goal_overdue     an active goal past its target date.
 * equity           (a) over the last EQUITY_WINDOW_DAYS, at least
 *                  EQUITY_MIN_ACCEPTED help (needs_help, small_group) or
 *                  challenge (ready_for_more) suggestions were accepted, and
 *                  learners who got none have evidence within
 *                  EQUITY_SIMILAR_MARGIN of a recipient's (same skill, or
 *                  mean mastery when the suggestion had no skill);
 *                  (b) "not seen": learners with no accepted positive
 *                  suggestion and no conference for EQUITY_NOT_SEEN_DAYS.
 *
 * Confidence: evidence-based kinds grow with the evidence count (n / (n +
 * CONFIDENCE_HALF_EVIDENCE)) and with the margin past the threshold; facts
 * from dates (a missed check-in, an overdue goal) have confidence 1.
 *
 * The evidence hash covers what a new observation or record changes (who,
 * evidence counts, dates of records), not what changes with the calendar
 * alone, so a dismissed suggestion returns when there is new evidence and
 * not the next morning.
 */

#define NEEDS_HELP_P_CORRECT      0.4
#define NEEDS_HELP_MIN_ATTEMPTS   3
#define NEEDS_HELP_MIN_REVISIONS  2
#define SMALL_GROUP_P_KNOWN       0.5
#define SMALL_GROUP_MIN_EVIDENCE  2
#define SMALL_GROUP_MIN_SIZE      3
#define SMALL_GROUP_MAX_SHARE     0.5
#define SMALL_GROUP_PREREQ_SHARE  0.5
#define SMALL_GROUP_MINUTES       15
#define BEHIND_HORIZON_DAYS       21
#define BEHIND_PACE_MARGIN        2.0
#define READY_MIN_EVIDENCE        2
#define READY_MIN_SKILLS          2
#define READY_MIN_COVERAGE        0.5
#define READY_MEAN_P_KNOWN        0.95
#define READY_MIN_P_KNOWN         0.85
#define PEER_STRONG_P_KNOWN       0.8
#define PEER_LEARNING_P_KNOWN     0.6
#define PEER_MIN_EVIDENCE         2
#define PEER_PAIR_RECENT_DAYS     7
#define PEER_PAIR_MAX_PER_SKILL   3
#define EQUITY_WINDOW_DAYS        28
#define EQUITY_MIN_ACCEPTED       3
#define EQUITY_SIMILAR_MARGIN     0.1
#define EQUITY_MIN_EVIDENCE       2
#define EQUITY_NOT_SEEN_DAYS      42
#define CONFIDENCE_HALF_EVIDENCE  3.0

G_DEFINE_QUARK (trellis-recommender-error-quark, trellis_recommender_error)

/* ------------------------------------------------------------------ */
/* TrellisSuggestion                                                    */

static const char * const kind_names[TRELLIS_SUGGESTION_N_KINDS] = {
  [TRELLIS_SUGGESTION_BEHIND_MILESTONE] = "behind_milestone",
  [TRELLIS_SUGGESTION_NEEDS_HELP] = "needs_help",
  [TRELLIS_SUGGESTION_SMALL_GROUP] = "small_group",
  [TRELLIS_SUGGESTION_GOAL_OVERDUE] = "goal_overdue",
  [TRELLIS_SUGGESTION_CONFERENCE_DUE] = "conference_due",
  [TRELLIS_SUGGESTION_EQUITY] = "equity",
  [TRELLIS_SUGGESTION_PEER_PAIR] = "peer_pair",
  [TRELLIS_SUGGESTION_READY_FOR_MORE] = "ready_for_more",
  [TRELLIS_SUGGESTION_PROFILE_STALE] = "profile_stale",
};

static const char * const kind_titles[TRELLIS_SUGGESTION_N_KINDS] = {
  [TRELLIS_SUGGESTION_BEHIND_MILESTONE] = N_("Behind a milestone"),
  [TRELLIS_SUGGESTION_NEEDS_HELP] = N_("Needs help"),
  [TRELLIS_SUGGESTION_SMALL_GROUP] = N_("Small group"),
  [TRELLIS_SUGGESTION_GOAL_OVERDUE] = N_("Goal overdue"),
  [TRELLIS_SUGGESTION_CONFERENCE_DUE] = N_("Conference due"),
  [TRELLIS_SUGGESTION_EQUITY] = N_("Equity check"),
  [TRELLIS_SUGGESTION_PEER_PAIR] = N_("Peer pair"),
  [TRELLIS_SUGGESTION_READY_FOR_MORE] = N_("Ready for more"),
  [TRELLIS_SUGGESTION_PROFILE_STALE] = N_("Profile to revisit"),
};

static const char * const decision_names[] = {
  [TRELLIS_DECISION_NONE] = NULL,
  [TRELLIS_DECISION_ACCEPTED] = "accepted",
  [TRELLIS_DECISION_DISMISSED] = "dismissed",
  [TRELLIS_DECISION_SNOOZED] = "snoozed",
};

static void
clear_suggestion_learner (gpointer data)
{
  TrellisSuggestionLearner *learner = data;

  g_free (learner->name);
}

static TrellisSuggestion *
suggestion_new (TrellisSuggestionKind kind)
{
  TrellisSuggestion *self = g_new0 (TrellisSuggestion, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->kind = kind;
  self->learners = g_array_new (FALSE, TRUE, sizeof (TrellisSuggestionLearner));
  g_array_set_clear_func (self->learners, clear_suggestion_learner);

  return self;
}

TrellisSuggestion *
trellis_suggestion_ref (TrellisSuggestion *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
trellis_suggestion_unref (TrellisSuggestion *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_free (self->key);
  g_array_unref (self->learners);
  g_free (self->skill_code);
  g_free (self->skill_name);
  g_free (self->node_title);
  g_free (self->reason);
  g_clear_pointer (&self->evidence, json_object_unref);
  g_free (self->evidence_hash);
  g_free (self->decision_reason);
  g_free (self->decided_at);
  g_free (self->snoozed_until);
  g_free (self);
}

G_DEFINE_BOXED_TYPE (TrellisSuggestion, trellis_suggestion, trellis_suggestion_ref, trellis_suggestion_unref)

const char *
trellis_suggestion_kind_to_string (TrellisSuggestionKind kind)
{
  g_return_val_if_fail (kind < TRELLIS_SUGGESTION_N_KINDS, NULL);

  return kind_names[kind];
}

gboolean
trellis_suggestion_kind_from_string (const char            *string,
                                     TrellisSuggestionKind *kind)
{
  guint i;

  if (!_trellis_string_table_find (kind_names, TRELLIS_SUGGESTION_N_KINDS, string, &i))
    return FALSE;

  if (kind != NULL)
    *kind = (TrellisSuggestionKind)i;
  return TRUE;
}

const char *
trellis_suggestion_kind_get_title (TrellisSuggestionKind kind)
{
  g_return_val_if_fail (kind < TRELLIS_SUGGESTION_N_KINDS, NULL);

  return _(kind_titles[kind]);
}

const char *
trellis_decision_to_string (TrellisDecision decision)
{
  g_return_val_if_fail (decision <= TRELLIS_DECISION_SNOOZED, NULL);

  return decision_names[decision];
}

char *
trellis_suggestion_get_evidence_json (TrellisSuggestion *self)
{
  g_autoptr(JsonNode) node = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  if (self->evidence == NULL)
    return g_strdup ("{}");

  node = json_node_new (JSON_NODE_OBJECT);
  json_node_set_object (node, self->evidence);
  return json_to_string (node, FALSE);
}

gboolean
trellis_suggestion_equal (TrellisSuggestion *a,
                          TrellisSuggestion *b)
{
  g_autofree char *ea = NULL;
  g_autofree char *eb = NULL;

  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  if (a->kind != b->kind ||
      g_strcmp0 (a->key, b->key) != 0 ||
      g_strcmp0 (a->reason, b->reason) != 0 ||
      g_strcmp0 (a->evidence_hash, b->evidence_hash) != 0 ||
      a->skill_id != b->skill_id ||
      a->node_id != b->node_id ||
      fabs (a->confidence - b->confidence) > 1e-12 ||
      fabs (a->urgency - b->urgency) > 1e-12 ||
      a->learners->len != b->learners->len)
    return FALSE;

  for (guint i = 0; i < a->learners->len; i++)
    {
      if (g_array_index (a->learners, TrellisSuggestionLearner, i).id !=
          g_array_index (b->learners, TrellisSuggestionLearner, i).id)
        return FALSE;
    }

  ea = trellis_suggestion_get_evidence_json (a);
  eb = trellis_suggestion_get_evidence_json (b);
  return g_strcmp0 (ea, eb) == 0;
}

/* ------------------------------------------------------------------ */
/* The snapshot: what the rules read, loaded with a few queries          */

typedef struct
{
  gint64   id;
  char    *name;
  guint32  created_day;
  guint32  last_conference_day;   /* 0: never */
  guint32  last_seen_day;         /* conference or accepted positive suggestion */
  GHashTable *progress;           /* node id → Progress */
  GHashTable *chosen;             /* option node ids */
} Learner;

typedef struct
{
  gint64   id;
  char    *code;
  char    *name;
  GArray  *prerequisites;         /* guint skill indexes */
  GArray  *dependents;            /* skills that have this one as a prerequisite */
  gboolean in_play;
  gint64   pair_node_id;
  char    *pair_node_title;
} Skill;

typedef struct
{
  gint64   id;
  char    *kind;
  char    *title;
  int      minutes;
  guint32  target_day;
  int      choose_min;
  GArray  *children;              /* guint node indexes (a choice's options) */
} Node;

typedef struct
{
  gint64   id;
  char    *title;
  GArray  *skills;                /* guint skill indexes */
  GArray  *top;                   /* guint node indexes in order */
  gint     challenge;             /* node index or -1 */
} Playlist;

typedef struct
{
  char    *status;
  char    *checkin_on;
  char    *updated_at;
} Progress;

typedef struct
{
  double   p_known;
  double   p_correct;
  int      n;                     /* -1: no state */
} Cell;

typedef struct
{
  TrellisDecision decision;
  char           *hash;
  guint32         snoozed_until_day;
} Decision;

typedef enum
{
  CATEGORY_HELP,
  CATEGORY_CHALLENGE,
  N_CATEGORIES
} Category;

typedef struct
{
  Category category;
  guint    learner;
  gint     skill;                 /* -1: none */
} Accepted;

typedef struct
{
  char       *today;
  guint32     today_day;
  int         class_minutes;
  int         cadence_days;
  int         stale_weeks;

  GPtrArray  *learners;           /* Learner */
  GHashTable *learner_index;      /* id → index + 1 */
  GPtrArray  *skills;             /* Skill */
  GHashTable *skill_index;
  GPtrArray  *nodes;              /* Node */
  GHashTable *node_index;
  GPtrArray  *playlists;          /* Playlist (current ones) */
  Cell       *cells;              /* learners × skills */
  GHashTable *past_pairs;         /* "a:b" */
  GHashTable *decisions;          /* key → Decision */
  GArray     *accepted;           /* Accepted, within the equity window */

  /* Results, by what they depend on. */
  GPtrArray **by_learner_mastery; /* needs_help (mastery), ready_for_more */
  GPtrArray **by_learner_progress; /* needs_help (revision), behind_milestone */
  GPtrArray **by_learner_records; /* conference_due, profile_stale, goal_overdue */
  GPtrArray **by_skill;           /* small_group, peer_pair */
  GPtrArray  *equity;
} Snapshot;

static void
learner_free (gpointer data)
{
  Learner *l = data;

  g_free (l->name);
  g_clear_pointer (&l->progress, g_hash_table_unref);
  g_clear_pointer (&l->chosen, g_hash_table_unref);
  g_free (l);
}

static void
skill_free (gpointer data)
{
  Skill *s = data;

  g_free (s->code);
  g_free (s->name);
  g_array_unref (s->prerequisites);
  g_array_unref (s->dependents);
  g_free (s->pair_node_title);
  g_free (s);
}

static void
node_free (gpointer data)
{
  Node *n = data;

  g_free (n->kind);
  g_free (n->title);
  g_array_unref (n->children);
  g_free (n);
}

static void
playlist_free (gpointer data)
{
  Playlist *p = data;

  g_free (p->title);
  g_array_unref (p->skills);
  g_array_unref (p->top);
  g_free (p);
}

static void
progress_free (gpointer data)
{
  Progress *p = data;

  g_free (p->status);
  g_free (p->checkin_on);
  g_free (p->updated_at);
  g_free (p);
}

static void
decision_free (gpointer data)
{
  Decision *d = data;

  g_free (d->hash);
  g_free (d);
}

static void
free_result_arrays (GPtrArray **arrays,
                    guint       n)
{
  if (arrays == NULL)
    return;
  for (guint i = 0; i < n; i++)
    g_clear_pointer (&arrays[i], g_ptr_array_unref);
  g_free (arrays);
}

static void
snapshot_free (Snapshot *snap)
{
  guint n_learners = snap->learners != NULL ? snap->learners->len : 0;
  guint n_skills = snap->skills != NULL ? snap->skills->len : 0;

  free_result_arrays (snap->by_learner_mastery, n_learners);
  free_result_arrays (snap->by_learner_progress, n_learners);
  free_result_arrays (snap->by_learner_records, n_learners);
  free_result_arrays (snap->by_skill, n_skills);
  g_clear_pointer (&snap->equity, g_ptr_array_unref);
  g_free (snap->today);
  g_clear_pointer (&snap->learners, g_ptr_array_unref);
  g_clear_pointer (&snap->learner_index, g_hash_table_unref);
  g_clear_pointer (&snap->skills, g_ptr_array_unref);
  g_clear_pointer (&snap->skill_index, g_hash_table_unref);
  g_clear_pointer (&snap->nodes, g_ptr_array_unref);
  g_clear_pointer (&snap->node_index, g_hash_table_unref);
  g_clear_pointer (&snap->playlists, g_ptr_array_unref);
  g_free (snap->cells);
  g_clear_pointer (&snap->past_pairs, g_hash_table_unref);
  g_clear_pointer (&snap->decisions, g_hash_table_unref);
  g_clear_pointer (&snap->accepted, g_array_unref);
  g_free (snap);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Snapshot, snapshot_free)

/* The Julian day of "YYYY-MM-DD…" (a date or a timestamp), or 0. */
static guint32
parse_day (const char *text)
{
  GDate date;
  int y, m, d;

  if (text == NULL || strlen (text) < 10 || sscanf (text, "%4d-%2d-%2d", &y, &m, &d) != 3)
    return 0;
  if (!g_date_valid_dmy ((GDateDay)d, (GDateMonth)m, (GDateYear)y))
    return 0;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, (GDateDay)d, (GDateMonth)m, (GDateYear)y);
  return g_date_get_julian (&date);
}

static char *
format_day (guint32 day)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, day);
  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (&date), g_date_get_month (&date),
                          g_date_get_day (&date));
}

static gint
index_of (GHashTable *index,
          gint64      id)
{
  return GPOINTER_TO_INT (g_hash_table_lookup (index, &id)) - 1;
}

static void
index_add (GHashTable *index,
           gint64      id,
           guint       i)
{
  gint64 *key = g_new (gint64, 1);

  *key = id;
  g_hash_table_insert (index, key, GINT_TO_POINTER ((gint)i + 1));
}

static inline Cell *
cell_at (Snapshot *snap,
         guint     learner,
         guint     skill)
{
  return &snap->cells[(gsize)learner * snap->skills->len + skill];
}

static Learner *
learner_at (Snapshot *snap,
            guint     i)
{
  return g_ptr_array_index (snap->learners, i);
}

static Skill *
skill_at (Snapshot *snap,
          guint     i)
{
  return g_ptr_array_index (snap->skills, i);
}

static gboolean
finish_query (TrellisClassroom  *classroom,
              sqlite3_stmt      *stmt,
              int                rc,
              GError           **error)
{
  if (rc != SQLITE_DONE)
    {
      trellis_classroom_set_db_error (classroom, rc, error);
      return FALSE;
    }
  return TRUE;
}

/* Loads one learner's progress and choices (@learner), or everyone's (-1). */
static gboolean
load_progress (TrellisClassroom  *classroom,
               Snapshot          *snap,
               gint               learner,
               GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(sqlite3_stmt) choices = NULL;
  int rc;

  for (guint i = 0; i < snap->learners->len; i++)
    {
      Learner *l = g_ptr_array_index (snap->learners, i);

      if (learner >= 0 && (guint)learner != i)
        continue;
      g_clear_pointer (&l->progress, g_hash_table_unref);
      g_clear_pointer (&l->chosen, g_hash_table_unref);
      l->progress = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, progress_free);
      l->chosen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
    }

  stmt = trellis_classroom_prepare (classroom,
                                    "SELECT learner_id, node_id, status, checkin_on, updated_at FROM progress "
                                    "WHERE ?1 = 0 OR learner_id = ?1",
                                    error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, learner >= 0 ? ((Learner *)g_ptr_array_index (snap->learners, learner))->id : 0);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint li = index_of (snap->learner_index, sqlite3_column_int64 (stmt, 0));
      gint64 node_id = sqlite3_column_int64 (stmt, 1);
      Learner *l;
      Progress *p;
      gint64 *key;

      if (li < 0 || index_of (snap->node_index, node_id) < 0)
        continue;
      l = g_ptr_array_index (snap->learners, li);
      p = g_new0 (Progress, 1);
      p->status = g_strdup (_trellis_column_text (stmt, 2));
      p->checkin_on = g_strdup (_trellis_column_text (stmt, 3));
      p->updated_at = g_strdup (_trellis_column_text (stmt, 4));
      key = g_new (gint64, 1);
      *key = node_id;
      g_hash_table_insert (l->progress, key, p);
    }
  if (!finish_query (classroom, stmt, rc, error))
    return FALSE;

  choices = trellis_classroom_prepare (classroom,
                                       "SELECT learner_id, option_id FROM choices WHERE ?1 = 0 OR learner_id = ?1",
                                       error);
  if (choices == NULL)
    return FALSE;
  sqlite3_bind_int64 (choices, 1, learner >= 0 ? ((Learner *)g_ptr_array_index (snap->learners, learner))->id : 0);
  while ((rc = sqlite3_step (choices)) == SQLITE_ROW)
    {
      gint li = index_of (snap->learner_index, sqlite3_column_int64 (choices, 0));
      gint64 *key;

      if (li < 0)
        continue;
      key = g_new (gint64, 1);
      *key = sqlite3_column_int64 (choices, 1);
      g_hash_table_add (((Learner *)g_ptr_array_index (snap->learners, li))->chosen, key);
    }

  return finish_query (classroom, choices, rc, error);
}

/*
 * Reloads one learner's mastery states (the mastery engine rewrites all of a
 * learner's rows after one edit: their ability is shared across skills) and
 * appends to @changed the indexes of the skills whose p_known or evidence
 * count changed (what the skill-level rules read).
 */
static gboolean
load_learner_row (TrellisClassroom  *classroom,
                  Snapshot          *snap,
                  guint              learner,
                  GArray            *changed,
                  GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree Cell *row = g_new (Cell, MAX (1, snap->skills->len));
  int rc;

  stmt = trellis_classroom_prepare (classroom,
                                    "SELECT skill_id, p_known, p_correct, n_evidence FROM mastery_state "
                                    "WHERE learner_id = ?1",
                                    error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, learner_at (snap, learner)->id);

  for (guint k = 0; k < snap->skills->len; k++)
    row[k] = (Cell) { 0, 0, -1 };
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint k = index_of (snap->skill_index, sqlite3_column_int64 (stmt, 0));

      if (k < 0)
        continue;
      row[k].p_known = sqlite3_column_double (stmt, 1);
      row[k].p_correct = sqlite3_column_double (stmt, 2);
      row[k].n = sqlite3_column_int (stmt, 3);
    }
  if (!finish_query (classroom, stmt, rc, error))
    return FALSE;

  for (guint k = 0; k < snap->skills->len; k++)
    {
      Cell *cell = cell_at (snap, learner, k);

      /* Skill-level rules read p_known and the count, not p_correct. */
      gboolean moved = cell->n != row[k].n || (row[k].n >= 0 && cell->p_known != row[k].p_known);

      *cell = row[k];
      if (moved)
        g_array_append_val (changed, k);
    }

  return TRUE;
}

static Snapshot *
snapshot_load (TrellisClassroom  *classroom,
               GError           **error)
{
  g_autoptr(Snapshot) snap = g_new0 (Snapshot, 1);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *window_start = NULL;
  guint n_learners, n_skills;
  int rc;

  snap->today = trellis_classroom_today (classroom);
  snap->today_day = parse_day (snap->today);
  window_start = format_day (snap->today_day - EQUITY_WINDOW_DAYS);

  /* The class's settings. */
  stmt = trellis_classroom_prepare (classroom,
                                    "SELECT class_minutes_per_week, conference_cadence_days, stale_profile_weeks "
                                    "FROM classroom WHERE id = 1",
                                    error);
  if (stmt == NULL)
    return NULL;
  if ((rc = sqlite3_step (stmt)) != SQLITE_ROW)
    {
      finish_query (classroom, stmt, rc == SQLITE_DONE ? SQLITE_CORRUPT : rc, error);
      return NULL;
    }
  snap->class_minutes = sqlite3_column_int (stmt, 0);
  snap->cadence_days = sqlite3_column_int (stmt, 1);
  snap->stale_weeks = sqlite3_column_int (stmt, 2);
  g_clear_pointer (&stmt, sqlite3_finalize);

  /* Learners (not in the trash), in name order. */
  snap->learners = g_ptr_array_new_with_free_func (learner_free);
  snap->learner_index = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  stmt = trellis_classroom_prepare (classroom,
                                    "SELECT id, name, created_at FROM learners WHERE trashed = 0 "
                                    "ORDER BY name COLLATE NOCASE, id",
                                    error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Learner *l = g_new0 (Learner, 1);

      l->id = sqlite3_column_int64 (stmt, 0);
      l->name = g_strdup (_trellis_column_text (stmt, 1));
      l->created_day = parse_day (_trellis_column_text (stmt, 2));
      index_add (snap->learner_index, l->id, snap->learners->len);
      g_ptr_array_add (snap->learners, l);
    }
  if (!finish_query (classroom, stmt, rc, error))
    return NULL;
  g_clear_pointer (&stmt, sqlite3_finalize);
  n_learners = snap->learners->len;

  /* Skills and prerequisites. */
  snap->skills = g_ptr_array_new_with_free_func (skill_free);
  snap->skill_index = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  stmt = trellis_classroom_prepare (classroom, "SELECT id, code, name FROM skills ORDER BY position, id", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Skill *s = g_new0 (Skill, 1);

      s->id = sqlite3_column_int64 (stmt, 0);
      s->code = g_strdup (_trellis_column_text (stmt, 1));
      s->name = g_strdup (_trellis_column_text (stmt, 2));
      s->prerequisites = g_array_new (FALSE, FALSE, sizeof (guint));
      s->dependents = g_array_new (FALSE, FALSE, sizeof (guint));
      index_add (snap->skill_index, s->id, snap->skills->len);
      g_ptr_array_add (snap->skills, s);
    }
  if (!finish_query (classroom, stmt, rc, error))
    return NULL;
  g_clear_pointer (&stmt, sqlite3_finalize);
  n_skills = snap->skills->len;

  stmt = trellis_classroom_prepare (classroom,
                                    "SELECT skill_id, prerequisite_id FROM skill_prerequisites "
                                    "ORDER BY skill_id, prerequisite_id",
                                    error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint si = index_of (snap->skill_index, sqlite3_column_int64 (stmt, 0));
      gint pi = index_of (snap->skill_index, sqlite3_column_int64 (stmt, 1));
      guint usi = (guint)si, upi = (guint)pi;

      if (si < 0 || pi < 0)
        continue;
      g_array_append_val (((Skill *)g_ptr_array_index (snap->skills, si))->prerequisites, upi);
      g_array_append_val (((Skill *)g_ptr_array_index (snap->skills, pi))->dependents, usi);
    }
  if (!finish_query (classroom, stmt, rc, error))
    return NULL;
  g_clear_pointer (&stmt, sqlite3_finalize);

  /* Current playlists, their nodes in order and their skills. */
  snap->playlists = g_ptr_array_new_with_free_func (playlist_free);
  snap->nodes = g_ptr_array_new_with_free_func (node_free);
  snap->node_index = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  stmt = trellis_classroom_prepare (classroom,
                                    "SELECT p.id, p.title, n.id, n.parent_id, n.kind, n.title, n.estimated_minutes, "
                                    "  n.target_date, n.choose_min, n.is_challenge "
                                    "FROM playlists p JOIN nodes n ON n.playlist_id = p.id "
                                    "WHERE (p.starts_on IS NULL OR p.starts_on <= ?1) "
                                    "  AND (p.ends_on IS NULL OR p.ends_on >= ?1) "
                                    "ORDER BY p.position, p.id, n.parent_id IS NOT NULL, n.parent_id, n.position, n.id",
                                    error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, snap->today, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 playlist_id = sqlite3_column_int64 (stmt, 0);
      Playlist *p = snap->playlists->len > 0 ? g_ptr_array_index (snap->playlists, snap->playlists->len - 1) : NULL;
      Node *n = g_new0 (Node, 1);
      guint ni = snap->nodes->len;

      if (p == NULL || p->id != playlist_id)
        {
          p = g_new0 (Playlist, 1);
          p->id = playlist_id;
          p->title = g_strdup (_trellis_column_text (stmt, 1));
          p->skills = g_array_new (FALSE, FALSE, sizeof (guint));
          p->top = g_array_new (FALSE, FALSE, sizeof (guint));
          p->challenge = -1;
          g_ptr_array_add (snap->playlists, p);
        }

      n->id = sqlite3_column_int64 (stmt, 2);
      n->kind = g_strdup (_trellis_column_text (stmt, 4));
      n->title = g_strdup (_trellis_column_text (stmt, 5));
      n->minutes = sqlite3_column_int (stmt, 6);
      n->target_day = parse_day (_trellis_column_text (stmt, 7));
      n->choose_min = sqlite3_column_int (stmt, 8);
      n->children = g_array_new (FALSE, FALSE, sizeof (guint));
      index_add (snap->node_index, n->id, ni);
      g_ptr_array_add (snap->nodes, n);

      if (sqlite3_column_type (stmt, 3) == SQLITE_NULL)
        g_array_append_val (p->top, ni);
      else
        {
          gint parent = index_of (snap->node_index, sqlite3_column_int64 (stmt, 3));

          if (parent >= 0)
            g_array_append_val (((Node *)g_ptr_array_index (snap->nodes, parent))->children, ni);
        }

      if (sqlite3_column_int (stmt, 9) && p->challenge < 0)
        p->challenge = (gint)ni;
    }
  if (!finish_query (classroom, stmt, rc, error))
    return NULL;
  g_clear_pointer (&stmt, sqlite3_finalize);

  stmt = trellis_classroom_prepare (classroom,
                                    "SELECT DISTINCT n.playlist_id, ns.skill_id FROM node_skills ns "
                                    "JOIN nodes n ON n.id = ns.node_id "
                                    "UNION SELECT playlist_id, skill_id FROM playlist_skills "
                                    "ORDER BY 1, 2",
                                    error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 playlist_id = sqlite3_column_int64 (stmt, 0);
      gint si = index_of (snap->skill_index, sqlite3_column_int64 (stmt, 1));
      guint usi = (guint)si;

      if (si < 0)
        continue;
      for (guint i = 0; i < snap->playlists->len; i++)
        {
          Playlist *p = g_ptr_array_index (snap->playlists, i);

          if (p->id == playlist_id)
            {
              g_array_append_val (p->skills, usi);
              ((Skill *)g_ptr_array_index (snap->skills, si))->in_play = TRUE;
            }
        }
    }
  if (!finish_query (classroom, stmt, rc, error))
    return NULL;
  g_clear_pointer (&stmt, sqlite3_finalize);

  /* The nearest pair or group activity of each skill. */
  stmt = trellis_classroom_prepare (classroom,
                                    "SELECT ns.skill_id, n.id, n.title FROM node_skills ns "
                                    "JOIN nodes n ON n.id = ns.node_id JOIN playlists p ON p.id = n.playlist_id "
                                    "WHERE n.kind = 'activity' AND n.social_mode IN ('pair', 'group') "
                                    "  AND (p.starts_on IS NULL OR p.starts_on <= ?1) "
                                    "  AND (p.ends_on IS NULL OR p.ends_on >= ?1) "
                                    "  AND (n.suggested_date IS NULL OR n.suggested_date >= date (?1, ?2)) "
                                    "ORDER BY ns.skill_id, n.suggested_date IS NULL, n.suggested_date, n.position, n.id",
                                    error);
  if (stmt == NULL)
    return NULL;
  {
    g_autofree char *recent = g_strdup_printf ("-%d days", PEER_PAIR_RECENT_DAYS);

    sqlite3_bind_text (stmt, 1, snap->today, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text (stmt, 2, recent, -1, SQLITE_TRANSIENT);
  }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint si = index_of (snap->skill_index, sqlite3_column_int64 (stmt, 0));
      Skill *s;

      if (si < 0)
        continue;
      s = g_ptr_array_index (snap->skills, si);
      if (s->pair_node_id == 0)
        {
          s->pair_node_id = sqlite3_column_int64 (stmt, 1);
          s->pair_node_title = g_strdup (_trellis_column_text (stmt, 2));
        }
    }
  if (!finish_query (classroom, stmt, rc, error))
    return NULL;
  g_clear_pointer (&stmt, sqlite3_finalize);

  /* Mastery states. */
  snap->cells = g_new (Cell, MAX (1, (gsize)n_learners * n_skills));
  for (gsize i = 0; i < (gsize)n_learners * n_skills; i++)
    snap->cells[i].n = -1;
  stmt = trellis_classroom_prepare (classroom,
                                    "SELECT learner_id, skill_id, p_known, p_correct, n_evidence FROM mastery_state",
                                    error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint li = index_of (snap->learner_index, sqlite3_column_int64 (stmt, 0));
      gint si = index_of (snap->skill_index, sqlite3_column_int64 (stmt, 1));
      Cell *cell;

      if (li < 0 || si < 0)
        continue;
      cell = cell_at (snap, (guint)li, (guint)si);
      cell->p_known = sqlite3_column_double (stmt, 2);
      cell->p_correct = sqlite3_column_double (stmt, 3);
      cell->n = sqlite3_column_int (stmt, 4);
    }
  if (!finish_query (classroom, stmt, rc, error))
    return NULL;
  g_clear_pointer (&stmt, sqlite3_finalize);

  if (!load_progress (classroom, snap, -1, error))
    return NULL;

  /* Pairs formed before. */
  snap->past_pairs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  stmt = trellis_classroom_prepare (classroom,
                                    "SELECT a.learner_id, b.learner_id FROM groups g "
                                    "JOIN group_members a ON a.group_id = g.id "
                                    "JOIN group_members b ON b.group_id = g.id AND b.learner_id > a.learner_id "
                                    "WHERE g.kind = 'pair'",
                                    error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_add (snap->past_pairs,
                      g_strdup_printf ("%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT,
                                       (gint64)sqlite3_column_int64 (stmt, 0),
                                       (gint64)sqlite3_column_int64 (stmt, 1)));
  if (!finish_query (classroom, stmt, rc, error))
    return NULL;
  g_clear_pointer (&stmt, sqlite3_finalize);

  /* The latest decision on each key. */
  snap->decisions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, decision_free);
  stmt = trellis_classroom_prepare (classroom,
                                    "SELECT key, decision, evidence_hash, snoozed_until FROM recommendations "
                                    "WHERE decision IS NOT NULL ORDER BY decided_at, id",
                                    error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Decision *d = g_new0 (Decision, 1);
      const char *decision = _trellis_column_text (stmt, 1);

      d->decision = g_strcmp0 (decision, "accepted") == 0 ? TRELLIS_DECISION_ACCEPTED :
                    g_strcmp0 (decision, "dismissed") == 0 ? TRELLIS_DECISION_DISMISSED :
                    TRELLIS_DECISION_SNOOZED;
      d->hash = g_strdup (_trellis_column_text (stmt, 2));
      d->snoozed_until_day = parse_day (_trellis_column_text (stmt, 3));
      g_hash_table_replace (snap->decisions, g_strdup (_trellis_column_text (stmt, 0)), d);
    }
  if (!finish_query (classroom, stmt, rc, error))
    return NULL;
  g_clear_pointer (&stmt, sqlite3_finalize);

  /* Accepted help and challenge suggestions within the equity window. */
  snap->accepted = g_array_new (FALSE, FALSE, sizeof (Accepted));
  stmt = trellis_classroom_prepare (classroom,
                                    "SELECT r.kind, rl.learner_id, r.skill_id FROM recommendations r "
                                    "JOIN recommendation_learners rl ON rl.recommendation_id = r.id "
                                    "WHERE r.decision = 'accepted' AND substr (r.decided_at, 1, 10) >= ?1 "
                                    "  AND r.kind IN ('needs_help', 'small_group', 'ready_for_more') "
                                    "ORDER BY r.id, rl.learner_id",
                                    error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, window_start, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Accepted a;
      gint li = index_of (snap->learner_index, sqlite3_column_int64 (stmt, 1));

      if (li < 0)
        continue;
      a.category = g_strcmp0 (_trellis_column_text (stmt, 0), "ready_for_more") == 0
                   ? CATEGORY_CHALLENGE : CATEGORY_HELP;
      a.learner = (guint)li;
      a.skill = sqlite3_column_type (stmt, 2) == SQLITE_NULL ? -1
                : index_of (snap->skill_index, sqlite3_column_int64 (stmt, 2));
      g_array_append_val (snap->accepted, a);
    }
  if (!finish_query (classroom, stmt, rc, error))
    return NULL;
  g_clear_pointer (&stmt, sqlite3_finalize);

  /* Last conference, and last time seen (a conference or an accepted positive suggestion). */
  stmt = trellis_classroom_prepare (classroom,
                                    "SELECT learner_id, max (held_on), 0 FROM conferences GROUP BY learner_id "
                                    "UNION ALL "
                                    "SELECT rl.learner_id, max (substr (r.decided_at, 1, 10)), 1 FROM recommendations r "
                                    "JOIN recommendation_learners rl ON rl.recommendation_id = r.id "
                                    "WHERE r.decision = 'accepted' AND r.kind IN ('needs_help', 'small_group', "
                                    "  'ready_for_more', 'peer_pair', 'conference_due') "
                                    "GROUP BY rl.learner_id",
                                    error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint li = index_of (snap->learner_index, sqlite3_column_int64 (stmt, 0));
      guint32 day = parse_day (_trellis_column_text (stmt, 1));
      Learner *l;

      if (li < 0)
        continue;
      l = g_ptr_array_index (snap->learners, li);
      if (sqlite3_column_int (stmt, 2) == 0)
        l->last_conference_day = MAX (l->last_conference_day, day);
      l->last_seen_day = MAX (l->last_seen_day, day);
    }
  if (!finish_query (classroom, stmt, rc, error))
    return NULL;

  snap->by_learner_mastery = g_new0 (GPtrArray *, MAX (1, n_learners));
  snap->by_learner_progress = g_new0 (GPtrArray *, MAX (1, n_learners));
  snap->by_learner_records = g_new0 (GPtrArray *, MAX (1, n_learners));
  snap->by_skill = g_new0 (GPtrArray *, MAX (1, n_skills));

  return g_steal_pointer (&snap);
}

/* ------------------------------------------------------------------ */
/* Building suggestions                                                 */

static void
add_learner (TrellisSuggestion *s,
             Learner           *l)
{
  TrellisSuggestionLearner sl = { l->id, g_strdup (l->name) };

  g_array_append_val (s->learners, sl);
}

static void
set_skill (TrellisSuggestion *s,
           Skill             *skill)
{
  s->skill_id = skill->id;
  s->skill_code = g_strdup (skill->code);
  s->skill_name = g_strdup (skill->name);
}

static void
set_node (TrellisSuggestion *s,
          gint64             id,
          const char        *title)
{
  s->node_id = id;
  s->node_title = g_strdup (title);
}

/* Takes @builder's object as the evidence and @material as what the hash covers. */
static void
finish_suggestion (TrellisSuggestion *s,
                   JsonBuilder       *builder,
                   const char        *material)
{
  g_autoptr(JsonNode) root = json_builder_get_root (builder);
  g_autofree char *text = g_strconcat (kind_names[s->kind], "|", material, NULL);
  g_autofree char *digest = g_compute_checksum_for_string (G_CHECKSUM_SHA256, text, -1);

  s->evidence = json_object_ref (json_node_get_object (root));
  s->evidence_hash = g_strndup (digest, 16);
  s->confidence = CLAMP (s->confidence, 0.0, 1.0);
}

static double
evidence_confidence (int n)
{
  return n <= 0 ? 0.0 : n / (n + CONFIDENCE_HALF_EVIDENCE);
}

static int
percent (double p)
{
  return (int)floor (p * 100.0 + 0.5);
}

/* Evidence values are rounded so that JSON and comparisons are stable. */
static double
round3 (double p)
{
  return floor (p * 1000.0 + 0.5) / 1000.0;
}

static char *
days_ago (int days)
{
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day ago", "%d days ago", days), days);
}

static char *
join_names (TrellisSuggestion *s)
{
  GString *names = g_string_new (NULL);

  for (guint i = 0; i < s->learners->len; i++)
    {
      if (i > 0)
        g_string_append (names, ", ");
      g_string_append (names, g_array_index (s->learners, TrellisSuggestionLearner, i).name);
    }
  return g_string_free (names, FALSE);
}

static void
member_int (JsonBuilder *b,
            const char  *name,
            gint64       value)
{
  json_builder_set_member_name (b, name);
  json_builder_add_int_value (b, value);
}

static void
member_double (JsonBuilder *b,
               const char  *name,
               double       value)
{
  json_builder_set_member_name (b, name);
  json_builder_add_double_value (b, round3 (value));
}

static void
member_string (JsonBuilder *b,
               const char  *name,
               const char  *value)
{
  json_builder_set_member_name (b, name);
  if (value != NULL)
    json_builder_add_string_value (b, value);
  else
    json_builder_add_null_value (b);
}

static void
add_skill_cell (JsonBuilder *b,
                Skill       *skill,
                Cell        *cell)
{
  json_builder_begin_object (b);
  member_int (b, "skill_id", skill->id);
  member_string (b, "code", skill->code);
  member_string (b, "name", skill->name);
  member_double (b, "p_known", cell->p_known);
  member_double (b, "p_correct", cell->p_correct);
  member_int (b, "n_evidence", cell->n);
  json_builder_end_object (b);
}

static void
add_learner_cell (JsonBuilder *b,
                  Learner     *l,
                  Cell        *cell)
{
  json_builder_begin_object (b);
  member_int (b, "learner_id", l->id);
  member_string (b, "name", l->name);
  member_double (b, "p_known", cell->p_known);
  member_int (b, "n_evidence", cell->n);
  json_builder_end_object (b);
}

static GPtrArray *
result_array (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify)trellis_suggestion_unref);
}

/* ------------------------------------------------------------------ */
/* needs_help and ready_for_more: one learner's mastery                 */

static void
compute_needs_help (Snapshot  *snap,
                    guint      li,
                    GPtrArray *out)
{
  g_autoptr(JsonBuilder) b = NULL;
  g_autoptr(GString) material = NULL;
  g_autofree char *key = NULL;
  Learner *l = learner_at (snap, li);
  TrellisSuggestion *s;
  gint weakest = -1;
  Cell *w;
  double margin;

  for (guint k = 0; k < snap->skills->len; k++)
    {
      Cell *cell = cell_at (snap, li, k);

      if (!skill_at (snap, k)->in_play || cell->n < NEEDS_HELP_MIN_ATTEMPTS ||
          cell->p_correct >= NEEDS_HELP_P_CORRECT)
        continue;
      if (weakest < 0 || cell->p_correct < cell_at (snap, li, (guint)weakest)->p_correct)
        weakest = (gint)k;
    }

  if (weakest < 0)
    return;

  w = cell_at (snap, li, (guint)weakest);
  s = suggestion_new (TRELLIS_SUGGESTION_NEEDS_HELP);
  s->key = g_strdup_printf ("needs_help:learner=%" G_GINT64_FORMAT, l->id);
  add_learner (s, l);
  set_skill (s, skill_at (snap, (guint)weakest));
  s->reason = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            /* Translators: learner, percent, skill name, attempts */
                                            "%s has a %d%% predicted chance of success on “%s” after %d attempt.",
                                            "%s has a %d%% predicted chance of success on “%s” after %d attempts.",
                                            w->n),
                               l->name, percent (w->p_correct), s->skill_name, w->n);
  margin = (NEEDS_HELP_P_CORRECT - w->p_correct) / NEEDS_HELP_P_CORRECT;
  s->confidence = evidence_confidence (w->n) * (0.5 + 0.5 * margin);
  s->urgency = 1.0 - w->p_correct;

  b = json_builder_new ();
  material = g_string_new (NULL);
  json_builder_begin_object (b);
  member_string (b, "rule", "p_correct below threshold after several attempts");
  member_double (b, "p_correct_threshold", NEEDS_HELP_P_CORRECT);
  member_int (b, "min_attempts", NEEDS_HELP_MIN_ATTEMPTS);
  json_builder_set_member_name (b, "skills");
  json_builder_begin_array (b);
  add_skill_cell (b, skill_at (snap, (guint)weakest), w);
  g_string_append_printf (material, "%" G_GINT64_FORMAT ":%d;", skill_at (snap, (guint)weakest)->id, w->n);
  for (guint k = 0; k < snap->skills->len; k++)
    {
      Cell *cell = cell_at (snap, li, k);

      if ((gint)k == weakest || !skill_at (snap, k)->in_play ||
          cell->n < NEEDS_HELP_MIN_ATTEMPTS || cell->p_correct >= NEEDS_HELP_P_CORRECT)
        continue;
      add_skill_cell (b, skill_at (snap, k), cell);
      g_string_append_printf (material, "%" G_GINT64_FORMAT ":%d;", skill_at (snap, k)->id, cell->n);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
  finish_suggestion (s, b, material->str);
  g_ptr_array_add (out, s);
}

static void
compute_ready_for_more (Snapshot  *snap,
                        guint      li,
                        GPtrArray *out)
{
  Learner *l = learner_at (snap, li);

  for (guint pi = 0; pi < snap->playlists->len; pi++)
    {
      Playlist *p = g_ptr_array_index (snap->playlists, pi);
      g_autoptr(JsonBuilder) b = NULL;
      g_autoptr(GString) material = NULL;
      TrellisSuggestion *s;
      guint covered = 0;
      double sum = 0, min_p = 1;
      int min_n = G_MAXINT;
      Node *challenge = NULL;

      for (guint i = 0; i < p->skills->len; i++)
        {
          Cell *cell = cell_at (snap, li, g_array_index (p->skills, guint, i));

          if (cell->n < READY_MIN_EVIDENCE)
            continue;
          covered++;
          sum += cell->p_known;
          min_p = MIN (min_p, cell->p_known);
          min_n = MIN (min_n, cell->n);
        }

      if (covered < READY_MIN_SKILLS || covered < READY_MIN_COVERAGE * p->skills->len ||
          sum / covered < READY_MEAN_P_KNOWN || min_p < READY_MIN_P_KNOWN)
        continue;

      if (p->challenge >= 0)
        {
          challenge = g_ptr_array_index (snap->nodes, p->challenge);
          if (g_hash_table_contains (l->chosen, &challenge->id))
            challenge = NULL;
        }

      s = suggestion_new (TRELLIS_SUGGESTION_READY_FOR_MORE);
      s->key = g_strdup_printf ("ready_for_more:learner=%" G_GINT64_FORMAT ":playlist=%" G_GINT64_FORMAT,
                                l->id, p->id);
      add_learner (s, l);
      if (challenge != NULL)
        {
          set_node (s, challenge->id, challenge->title);
          s->reason = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                    /* Translators: learner, percent, count, playlist, node */
                                                    "%s averages %d%% mastery on %u skill of “%s”: offer the challenge option “%s”.",
                                                    "%s averages %d%% mastery on %u skills of “%s”: offer the challenge option “%s”.",
                                                    covered),
                                       l->name, percent (sum / covered), covered, p->title, challenge->title);
        }
      else
        s->reason = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                  /* Translators: learner, percent, count, playlist */
                                                  "%s averages %d%% mastery on %u skill of “%s”: consider widening their choice.",
                                                  "%s averages %d%% mastery on %u skills of “%s”: consider widening their choice.",
                                                  covered),
                                     l->name, percent (sum / covered), covered, p->title);
      s->confidence = evidence_confidence (min_n);
      s->urgency = sum / covered;

      b = json_builder_new ();
      material = g_string_new (NULL);
      json_builder_begin_object (b);
      member_string (b, "rule", "high mastery on the unit's skills");
      member_int (b, "playlist_id", p->id);
      member_string (b, "playlist", p->title);
      member_double (b, "mean_p_known", sum / covered);
      member_double (b, "min_p_known", min_p);
      member_double (b, "mean_threshold", READY_MEAN_P_KNOWN);
      member_double (b, "min_threshold", READY_MIN_P_KNOWN);
      member_int (b, "unit_skills", p->skills->len);
      json_builder_set_member_name (b, "skills");
      json_builder_begin_array (b);
      for (guint i = 0; i < p->skills->len; i++)
        {
          guint k = g_array_index (p->skills, guint, i);
          Cell *cell = cell_at (snap, li, k);

          if (cell->n < READY_MIN_EVIDENCE)
            continue;
          add_skill_cell (b, skill_at (snap, k), cell);
          g_string_append_printf (material, "%" G_GINT64_FORMAT ":%d;", skill_at (snap, k)->id, cell->n);
        }
      json_builder_end_array (b);
      json_builder_end_object (b);
      g_string_append_printf (material, "node:%" G_GINT64_FORMAT, s->node_id);
      finish_suggestion (s, b, material->str);
      g_ptr_array_add (out, s);
    }
}

static void
compute_learner_mastery (Snapshot *snap,
                         guint     li)
{
  g_clear_pointer (&snap->by_learner_mastery[li], g_ptr_array_unref);
  snap->by_learner_mastery[li] = result_array ();
  compute_needs_help (snap, li, snap->by_learner_mastery[li]);
  compute_ready_for_more (snap, li, snap->by_learner_mastery[li]);
}

/* ------------------------------------------------------------------ */
/* needs_help (revisions) and behind_milestone: one learner's progress  */

static gboolean
node_done (Progress *p)
{
  return p != NULL && (g_strcmp0 (p->status, "complete") == 0 || g_strcmp0 (p->status, "submitted") == 0);
}

static int
node_remaining_minutes (Snapshot *snap,
                        Learner  *l,
                        Node     *n)
{
  int minutes = 0, n_chosen = 0, other_minutes = 0, n_other = 0;

  if (g_strcmp0 (n->kind, "choice") != 0)
    return node_done (g_hash_table_lookup (l->progress, &n->id)) ? 0 : n->minutes;

  for (guint i = 0; i < n->children->len; i++)
    {
      Node *option = g_ptr_array_index (snap->nodes, g_array_index (n->children, guint, i));

      if (g_hash_table_contains (l->chosen, &option->id))
        {
          n_chosen++;
          if (!node_done (g_hash_table_lookup (l->progress, &option->id)))
            minutes += option->minutes;
        }
      else
        {
          n_other++;
          other_minutes += option->minutes;
        }
    }

  /* Options still to choose count at the average of the others. */
  if (n_chosen < n->choose_min && n_other > 0)
    minutes += (n->choose_min - n_chosen) * (other_minutes / n_other);

  return minutes;
}

static void
compute_revisions (Snapshot  *snap,
                   guint      li,
                   GPtrArray *out)
{
  g_autoptr(JsonBuilder) b = NULL;
  g_autoptr(GString) material = NULL;
  Learner *l = learner_at (snap, li);
  TrellisSuggestion *s;
  Node *latest = NULL;
  const char *latest_at = NULL;
  guint count = 0;

  for (guint ni = 0; ni < snap->nodes->len; ni++)
    {
      Node *n = g_ptr_array_index (snap->nodes, ni);
      Progress *p = g_hash_table_lookup (l->progress, &n->id);

      if (p == NULL || g_strcmp0 (p->status, "needs_revision") != 0)
        continue;
      count++;
      if (latest == NULL || g_strcmp0 (p->updated_at, latest_at) > 0)
        {
          latest = n;
          latest_at = p->updated_at;
        }
    }

  if (count < NEEDS_HELP_MIN_REVISIONS)
    return;

  s = suggestion_new (TRELLIS_SUGGESTION_NEEDS_HELP);
  s->key = g_strdup_printf ("needs_help:revision:learner=%" G_GINT64_FORMAT, l->id);
  add_learner (s, l);
  set_node (s, latest->id, latest->title);
  s->reason = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            /* Translators: learner, count, node title */
                                            "%s has %u piece of work sent back for revision, most recently “%s”.",
                                            "%s has %u pieces of work sent back for revision, most recently “%s”.",
                                            count),
                               l->name, count, latest->title);
  s->confidence = 1.0;
  s->urgency = 0.5 + 0.1 * count;

  b = json_builder_new ();
  material = g_string_new (NULL);
  json_builder_begin_object (b);
  member_string (b, "rule", "repeatedly needs revision");
  member_int (b, "min_revisions", NEEDS_HELP_MIN_REVISIONS);
  json_builder_set_member_name (b, "nodes");
  json_builder_begin_array (b);
  for (guint ni = 0; ni < snap->nodes->len; ni++)
    {
      Node *n = g_ptr_array_index (snap->nodes, ni);
      Progress *p = g_hash_table_lookup (l->progress, &n->id);

      if (p == NULL || g_strcmp0 (p->status, "needs_revision") != 0)
        continue;
      json_builder_begin_object (b);
      member_int (b, "node_id", n->id);
      member_string (b, "title", n->title);
      member_string (b, "updated_at", p->updated_at);
      json_builder_end_object (b);
      g_string_append_printf (material, "%" G_GINT64_FORMAT ";", n->id);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
  finish_suggestion (s, b, material->str);
  g_ptr_array_add (out, s);
}

static void
compute_behind (Snapshot  *snap,
                guint      li,
                GPtrArray *out)
{
  Learner *l = learner_at (snap, li);

  for (guint pi = 0; pi < snap->playlists->len; pi++)
    {
      Playlist *pl = g_ptr_array_index (snap->playlists, pi);
      g_autoptr(GArray) past = g_array_new (FALSE, FALSE, sizeof (guint));
      g_autoptr(JsonBuilder) b = NULL;
      g_autoptr(GString) material = NULL;
      TrellisSuggestion *s;
      Node *pace = NULL;
      int remaining = 0, pace_remaining = 0, pace_available = 0;

      for (guint i = 0; i < pl->top->len; i++)
        {
          guint ni = g_array_index (pl->top, guint, i);
          Node *n = g_ptr_array_index (snap->nodes, ni);
          Progress *p;
          gboolean done;

          remaining += node_remaining_minutes (snap, l, n);
          if (g_strcmp0 (n->kind, "milestone") != 0 || n->target_day == 0)
            continue;

          p = g_hash_table_lookup (l->progress, &n->id);
          done = p != NULL && (g_strcmp0 (p->status, "complete") == 0 || p->checkin_on != NULL);
          if (done)
            continue;

          if (n->target_day < snap->today_day)
            g_array_append_val (past, ni);
          else if (past->len == 0 && pace == NULL &&
                   n->target_day - snap->today_day <= BEHIND_HORIZON_DAYS)
            {
              int available = (int)((n->target_day - snap->today_day) * snap->class_minutes / 7);

              if (remaining > BEHIND_PACE_MARGIN * available)
                {
                  pace = n;
                  pace_remaining = remaining;
                  pace_available = available;
                }
            }
        }

      if (past->len == 0 && pace == NULL)
        continue;

      s = suggestion_new (TRELLIS_SUGGESTION_BEHIND_MILESTONE);
      s->key = g_strdup_printf ("behind_milestone:learner=%" G_GINT64_FORMAT ":playlist=%" G_GINT64_FORMAT,
                                l->id, pl->id);
      add_learner (s, l);
      b = json_builder_new ();
      material = g_string_new (NULL);
      json_builder_begin_object (b);
      member_int (b, "playlist_id", pl->id);
      member_string (b, "playlist", pl->title);
      member_string (b, "today", snap->today);

      if (past->len > 0)
        {
          Node *first = g_ptr_array_index (snap->nodes, g_array_index (past, guint, 0));
          g_autofree char *due = format_day (first->target_day);
          g_autofree char *ago = days_ago ((int)(snap->today_day - first->target_day));

          set_node (s, first->id, first->title);
          if (past->len == 1)
            /* Translators: learner, milestone, date, "N days ago" */
            s->reason = g_strdup_printf (_("%s has not had a check-in for “%s”, due on %s (%s)."),
                                         l->name, first->title, due, ago);
          else
            s->reason = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                      /* Translators: learner, count, milestone, date, "N days ago" */
                                                      "%s has %u past-due milestone without a check-in; the oldest is “%s”, due on %s (%s).",
                                                      "%s has %u past-due milestones without a check-in; the oldest is “%s”, due on %s (%s).",
                                                      past->len),
                                         l->name, past->len, first->title, due, ago);
          s->confidence = 1.0;
          s->urgency = 1000.0 + (snap->today_day - first->target_day);

          member_string (b, "rule", "past the target date without a check-in");
          json_builder_set_member_name (b, "past_due");
          json_builder_begin_array (b);
          for (guint i = 0; i < past->len; i++)
            {
              Node *n = g_ptr_array_index (snap->nodes, g_array_index (past, guint, i));
              Progress *p = g_hash_table_lookup (l->progress, &n->id);
              g_autofree char *target = format_day (n->target_day);

              json_builder_begin_object (b);
              member_int (b, "node_id", n->id);
              member_string (b, "title", n->title);
              member_string (b, "target_date", target);
              member_string (b, "status", p != NULL ? p->status : "not_started");
              json_builder_end_object (b);
              g_string_append_printf (material, "past:%" G_GINT64_FORMAT ":%s;", n->id, target);
            }
          json_builder_end_array (b);
        }
      else
        {
          g_autofree char *due = format_day (pace->target_day);
          int days_left = (int)(pace->target_day - snap->today_day);

          set_node (s, pace->id, pace->title);
          s->reason = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                    /* Translators: learner, minutes, milestone, date, minutes, days */
                                                    "%s has about %d minutes of work left before “%s” on %s, but only about %d class minutes remain in %d day.",
                                                    "%s has about %d minutes of work left before “%s” on %s, but only about %d class minutes remain in %d days.",
                                                    days_left),
                                       l->name, pace_remaining, pace->title, due, pace_available, days_left);
          s->confidence = pace_available > 0
                          ? MIN (1.0, 0.5 + 0.5 * (pace_remaining - pace_available) / (double)pace_remaining)
                          : 1.0;
          s->urgency = (pace_remaining - pace_available) / (double)pace_remaining;

          member_string (b, "rule", "remaining estimated minutes exceed class minutes left");
          member_int (b, "node_id", pace->id);
          member_string (b, "target_date", due);
          member_int (b, "remaining_minutes", pace_remaining);
          member_int (b, "available_minutes", pace_available);
          member_int (b, "days_left", days_left);
          member_int (b, "class_minutes_per_week", snap->class_minutes);
          member_double (b, "margin", BEHIND_PACE_MARGIN);
          g_string_append_printf (material, "pace:%" G_GINT64_FORMAT ":%s:%d", pace->id, due, pace_remaining);
        }

      json_builder_end_object (b);
      finish_suggestion (s, b, material->str);
      g_ptr_array_add (out, s);
    }
}

static void
compute_learner_progress (Snapshot *snap,
                          guint     li)
{
  g_clear_pointer (&snap->by_learner_progress[li], g_ptr_array_unref);
  snap->by_learner_progress[li] = result_array ();
  compute_revisions (snap, li, snap->by_learner_progress[li]);
  compute_behind (snap, li, snap->by_learner_progress[li]);
}

/* ------------------------------------------------------------------ */
/* conference_due, profile_stale, goal_overdue: records                  */

static void
compute_conference_due (Snapshot  *snap,
                        guint      li,
                        GPtrArray *out)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autofree char *material = NULL;
  g_autofree char *last = NULL;
  Learner *l = learner_at (snap, li);
  TrellisSuggestion *s;
  int since;

  if (l->last_conference_day != 0)
    {
      since = (int)snap->today_day - (int)l->last_conference_day;
      if (since < snap->cadence_days)
        return;
    }
  else
    {
      since = (int)snap->today_day - (int)l->created_day;
      if (l->created_day == 0 || since < snap->cadence_days)
        return;
    }

  s = suggestion_new (TRELLIS_SUGGESTION_CONFERENCE_DUE);
  s->key = g_strdup_printf ("conference_due:learner=%" G_GINT64_FORMAT, l->id);
  add_learner (s, l);
  s->confidence = 1.0;
  if (l->last_conference_day != 0)
    {
      g_autofree char *ago = days_ago (since);

      last = format_day (l->last_conference_day);
      s->reason = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                /* Translators: learner, "N days ago", date, cadence in days */
                                                "The last conference with %s was %s (%s); the class meets each learner every %d day.",
                                                "The last conference with %s was %s (%s); the class meets each learner every %d days.",
                                                snap->cadence_days),
                                   l->name, ago, last, snap->cadence_days);
      s->urgency = since - snap->cadence_days;
    }
  else
    {
      s->reason = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                /* Translators: learner, days */
                                                "%s has not had a conference yet, after %d day in the class.",
                                                "%s has not had a conference yet, after %d days in the class.",
                                                since),
                                   l->name, since);
      s->urgency = 10000.0 + since;
    }

  json_builder_begin_object (b);
  member_string (b, "rule", "no conference within the class cadence");
  member_string (b, "last_conference", last);
  member_int (b, "days_since", since);
  member_int (b, "cadence_days", snap->cadence_days);
  json_builder_end_object (b);
  material = g_strdup_printf ("%s:%d", last != NULL ? last : "none", snap->cadence_days);
  finish_suggestion (s, b, material);
  g_ptr_array_add (out, s);
}

typedef struct
{
  gint64  learner_id;
  char   *last_revisited;
  int     n_entries;
} ProfileRow;

static gboolean
compute_records (TrellisClassroom  *classroom,
                 Snapshot          *snap,
                 GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  guint32 stale_days = (guint32)snap->stale_weeks * 7;
  int rc;

  for (guint li = 0; li < snap->learners->len; li++)
    {
      g_clear_pointer (&snap->by_learner_records[li], g_ptr_array_unref);
      snap->by_learner_records[li] = result_array ();
      compute_conference_due (snap, li, snap->by_learner_records[li]);
    }

  /* Profiles: the latest revisit of any entry. */
  stmt = trellis_classroom_prepare (classroom,
                                    "SELECT l.id, max (p.revisited_on), count (p.id) FROM learners l "
                                    "LEFT JOIN profile_entries p ON p.learner_id = l.id "
                                    "WHERE l.trashed = 0 GROUP BY l.id",
                                    error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();
      g_autofree char *material = NULL;
      gint li = index_of (snap->learner_index, sqlite3_column_int64 (stmt, 0));
      const char *last = _trellis_column_text (stmt, 1);
      guint32 last_day = parse_day (last);
      int n_entries = sqlite3_column_int (stmt, 2);
      TrellisSuggestion *s;
      Learner *l;
      int since;

      if (li < 0)
        continue;
      l = learner_at (snap, (guint)li);
      since = (int)snap->today_day - (int)(last_day != 0 ? last_day : l->created_day);
      if ((last_day == 0 && l->created_day == 0) || since < (int)stale_days)
        continue;

      s = suggestion_new (TRELLIS_SUGGESTION_PROFILE_STALE);
      s->key = g_strdup_printf ("profile_stale:learner=%" G_GINT64_FORMAT, l->id);
      add_learner (s, l);
      s->confidence = 1.0;
      s->urgency = since;
      if (last_day != 0)
        {
          g_autofree char *ago = days_ago (since);

          s->reason = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                    /* Translators: learner, "N days ago", date, weeks */
                                                    "The profile of %s was last revisited %s (%s); the class revisits profiles every %d week.",
                                                    "The profile of %s was last revisited %s (%s); the class revisits profiles every %d weeks.",
                                                    snap->stale_weeks),
                                       l->name, ago, last, snap->stale_weeks);
        }
      else
        s->reason = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                  /* Translators: learner, days */
                                                  "%s has no profile entries yet, after %d day in the class.",
                                                  "%s has no profile entries yet, after %d days in the class.",
                                                  since),
                                     l->name, since);

      json_builder_begin_object (b);
      member_string (b, "rule", "profile not revisited within the class's weeks");
      member_string (b, "last_revisited", last);
      member_int (b, "entries", n_entries);
      member_int (b, "days_since", since);
      member_int (b, "stale_profile_weeks", snap->stale_weeks);
      json_builder_end_object (b);
      material = g_strdup_printf ("%s:%d:%d", last != NULL ? last : "none", n_entries, snap->stale_weeks);
      finish_suggestion (s, b, material);
      g_ptr_array_add (snap->by_learner_records[li], s);
    }
  if (!finish_query (classroom, stmt, rc, error))
    return FALSE;
  g_clear_pointer (&stmt, sqlite3_finalize);

  /* Active goals past their target date. */
  stmt = trellis_classroom_prepare (classroom,
                                    "SELECT id, learner_id, title, target_date, updated_on FROM goals "
                                    "WHERE status = 'active' AND target_date IS NOT NULL AND target_date < ?1 "
                                    "ORDER BY target_date, id",
                                    error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, snap->today, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();
      g_autofree char *material = NULL;
      g_autofree char *ago = NULL;
      gint64 goal_id = sqlite3_column_int64 (stmt, 0);
      gint li = index_of (snap->learner_index, sqlite3_column_int64 (stmt, 1));
      const char *title = _trellis_column_text (stmt, 2);
      const char *target = _trellis_column_text (stmt, 3);
      int overdue = (int)snap->today_day - (int)parse_day (target);
      TrellisSuggestion *s;
      Learner *l;

      if (li < 0 || parse_day (target) == 0)
        continue;
      l = learner_at (snap, (guint)li);
      ago = days_ago (overdue);

      s = suggestion_new (TRELLIS_SUGGESTION_GOAL_OVERDUE);
      s->key = g_strdup_printf ("goal_overdue:goal=%" G_GINT64_FORMAT, goal_id);
      add_learner (s, l);
      /* Translators: goal title, learner, "N days ago", date */
      s->reason = g_strdup_printf (_("The goal “%s” of %s was due %s (%s) and is still active."),
                                   title, l->name, ago, target);
      s->confidence = 1.0;
      s->urgency = overdue;

      json_builder_begin_object (b);
      member_string (b, "rule", "active goal past its target date");
      member_int (b, "goal_id", goal_id);
      member_string (b, "title", title);
      member_string (b, "target_date", target);
      member_int (b, "days_overdue", overdue);
      member_string (b, "updated_on", _trellis_column_text (stmt, 4));
      json_builder_end_object (b);
      material = g_strdup_printf ("%" G_GINT64_FORMAT ":%s:%s", goal_id, target, _trellis_column_text (stmt, 4));
      finish_suggestion (s, b, material);
      g_ptr_array_add (snap->by_learner_records[li], s);
    }

  return finish_query (classroom, stmt, rc, error);
}

/* ------------------------------------------------------------------ */
/* small_group and peer_pair: one skill                                 */

static int
compare_by_p_known (gconstpointer a,
                    gconstpointer b,
                    gpointer      user_data)
{
  const double *p = user_data;
  guint ia = *(const guint *)a, ib = *(const guint *)b;

  if (p[ia] != p[ib])
    return p[ia] < p[ib] ? -1 : 1;
  return ia < ib ? -1 : ia > ib;
}

static void
compute_small_group (Snapshot  *snap,
                     guint      k,
                     GPtrArray *out)
{
  Skill *skill = skill_at (snap, k);
  g_autoptr(GArray) members = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree double *p = g_new0 (double, MAX (1, snap->learners->len));
  g_autoptr(JsonBuilder) b = NULL;
  g_autoptr(GString) material = NULL;
  g_autofree char *names = NULL;
  TrellisSuggestion *s;
  Skill *gap = NULL;
  guint gap_below = 0;
  double confidence = 0, sum = 0;

  if (!skill->in_play)
    return;

  for (guint li = 0; li < snap->learners->len; li++)
    {
      Cell *cell = cell_at (snap, li, k);

      p[li] = cell->p_known;
      if (cell->n >= SMALL_GROUP_MIN_EVIDENCE && cell->p_known < SMALL_GROUP_P_KNOWN)
        g_array_append_val (members, li);
    }

  if (members->len < SMALL_GROUP_MIN_SIZE || members->len > SMALL_GROUP_MAX_SHARE * snap->learners->len)
    return;
  g_array_sort_with_data (members, compare_by_p_known, p);

  /* Is the gap in a prerequisite? */
  for (guint i = 0; i < skill->prerequisites->len; i++)
    {
      Skill *pre = skill_at (snap, g_array_index (skill->prerequisites, guint, i));
      guint below = 0;

      for (guint m = 0; m < members->len; m++)
        {
          Cell *cell = cell_at (snap, g_array_index (members, guint, m), g_array_index (skill->prerequisites, guint, i));

          if (cell->n >= 1 && cell->p_known < SMALL_GROUP_P_KNOWN)
            below++;
        }
      if (below >= SMALL_GROUP_PREREQ_SHARE * members->len && below > gap_below)
        {
          gap = pre;
          gap_below = below;
        }
    }

  s = suggestion_new (TRELLIS_SUGGESTION_SMALL_GROUP);
  s->key = g_strdup_printf ("small_group:skill=%" G_GINT64_FORMAT, skill->id);
  set_skill (s, skill);
  for (guint m = 0; m < members->len; m++)
    {
      guint li = g_array_index (members, guint, m);
      Cell *cell = cell_at (snap, li, k);

      add_learner (s, learner_at (snap, li));
      confidence += evidence_confidence (cell->n);
      sum += cell->p_known;
    }
  names = join_names (s);
  if (gap != NULL)
    s->reason = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              /* Translators: count, class size, percent, skill, names, prerequisite, minutes */
                                              "%u of %u learners is below %d%% on “%s” (%s), and most also on its prerequisite “%s”: start their %d-minute small group there.",
                                              "%u of %u learners are below %d%% on “%s” (%s), and most also on its prerequisite “%s”: start their %d-minute small group there.",
                                              members->len),
                                 members->len, snap->learners->len, percent (SMALL_GROUP_P_KNOWN), skill->name, names,
                                 gap->name, SMALL_GROUP_MINUTES);
  else
    s->reason = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              /* Translators: count, class size, percent, skill, names, minutes */
                                              "%u of %u learners is below %d%% on “%s” (%s): pull them for a %d-minute small group.",
                                              "%u of %u learners are below %d%% on “%s” (%s): pull them for a %d-minute small group.",
                                              members->len),
                                 members->len, snap->learners->len, percent (SMALL_GROUP_P_KNOWN), skill->name, names,
                                 SMALL_GROUP_MINUTES);
  s->confidence = confidence / members->len;
  s->urgency = members->len + (SMALL_GROUP_P_KNOWN - sum / members->len);

  b = json_builder_new ();
  material = g_string_new (NULL);
  json_builder_begin_object (b);
  member_string (b, "rule", "several learners below the mastery threshold on one skill");
  member_double (b, "p_known_threshold", SMALL_GROUP_P_KNOWN);
  member_int (b, "class_size", snap->learners->len);
  member_int (b, "minutes", SMALL_GROUP_MINUTES);
  json_builder_set_member_name (b, "learners");
  json_builder_begin_array (b);
  for (guint m = 0; m < members->len; m++)
    {
      guint li = g_array_index (members, guint, m);
      Cell *cell = cell_at (snap, li, k);

      add_learner_cell (b, learner_at (snap, li), cell);
      g_string_append_printf (material, "%" G_GINT64_FORMAT ":%d;", learner_at (snap, li)->id, cell->n);
    }
  json_builder_end_array (b);
  json_builder_set_member_name (b, "prerequisites");
  json_builder_begin_array (b);
  for (guint i = 0; i < skill->prerequisites->len; i++)
    {
      guint pk = g_array_index (skill->prerequisites, guint, i);
      guint below = 0;

      for (guint m = 0; m < members->len; m++)
        {
          Cell *cell = cell_at (snap, g_array_index (members, guint, m), pk);

          if (cell->n >= 1 && cell->p_known < SMALL_GROUP_P_KNOWN)
            below++;
        }
      json_builder_begin_object (b);
      member_int (b, "skill_id", skill_at (snap, pk)->id);
      member_string (b, "code", skill_at (snap, pk)->code);
      member_string (b, "name", skill_at (snap, pk)->name);
      member_int (b, "below", below);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_set_member_name (b, "gap_in_prerequisite");
  if (gap != NULL)
    json_builder_add_string_value (b, gap->code);
  else
    json_builder_add_null_value (b);
  json_builder_end_object (b);
  g_string_append_printf (material, "gap:%s", gap != NULL ? gap->code : "");
  finish_suggestion (s, b, material->str);
  g_ptr_array_add (out, s);
}

static void
compute_peer_pairs (Snapshot  *snap,
                    guint      k,
                    GPtrArray *out)
{
  Skill *skill = skill_at (snap, k);
  g_autoptr(GArray) learning = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) strong = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree double *p = g_new0 (double, MAX (1, snap->learners->len));
  g_autofree double *minus_p = g_new0 (double, MAX (1, snap->learners->len));
  g_autofree gboolean *taken = g_new0 (gboolean, MAX (1, snap->learners->len));
  guint n_pairs = 0;

  if (!skill->in_play || skill->pair_node_id == 0)
    return;

  for (guint li = 0; li < snap->learners->len; li++)
    {
      Cell *cell = cell_at (snap, li, k);

      p[li] = cell->p_known;
      minus_p[li] = -cell->p_known;
      if (cell->n < PEER_MIN_EVIDENCE)
        continue;
      if (cell->p_known >= PEER_STRONG_P_KNOWN)
        g_array_append_val (strong, li);
      else if (cell->p_known < PEER_LEARNING_P_KNOWN)
        g_array_append_val (learning, li);
    }
  g_array_sort_with_data (learning, compare_by_p_known, p);
  g_array_sort_with_data (strong, compare_by_p_known, minus_p);

  for (guint i = 0; i < learning->len && n_pairs < PEER_PAIR_MAX_PER_SKILL; i++)
    {
      guint low = g_array_index (learning, guint, i);
      Learner *a = learner_at (snap, low);

      for (guint j = 0; j < strong->len; j++)
        {
          guint high = g_array_index (strong, guint, j);
          Learner *h = learner_at (snap, high);
          g_autofree char *pair = g_strdup_printf ("%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT,
                                                   MIN (a->id, h->id), MAX (a->id, h->id));
          g_autoptr(JsonBuilder) b = NULL;
          g_autofree char *material = NULL;
          TrellisSuggestion *s;
          Cell *ca, *ch;

          if (taken[high] || g_hash_table_contains (snap->past_pairs, pair))
            continue;

          taken[high] = TRUE;
          ca = cell_at (snap, low, k);
          ch = cell_at (snap, high, k);
          s = suggestion_new (TRELLIS_SUGGESTION_PEER_PAIR);
          s->key = g_strdup_printf ("peer_pair:skill=%" G_GINT64_FORMAT ":learners=%s", skill->id, pair);
          add_learner (s, a);
          add_learner (s, h);
          set_skill (s, skill);
          set_node (s, skill->pair_node_id, skill->pair_node_title);
          /* Translators: learner, skill, percent, learner, percent, activity */
          s->reason = g_strdup_printf (_("Pair %s, still learning “%s” (%d%%), with %s (%d%%) for “%s”."),
                                       a->name, skill->name, percent (ca->p_known), h->name, percent (ch->p_known),
                                       skill->pair_node_title);
          s->confidence = MIN (evidence_confidence (ca->n), evidence_confidence (ch->n));
          s->urgency = 1.0 - ca->p_known;

          b = json_builder_new ();
          json_builder_begin_object (b);
          member_string (b, "rule", "a learner strong on the skill with one still learning it");
          member_double (b, "strong_threshold", PEER_STRONG_P_KNOWN);
          member_double (b, "learning_threshold", PEER_LEARNING_P_KNOWN);
          json_builder_set_member_name (b, "learners");
          json_builder_begin_array (b);
          add_learner_cell (b, a, ca);
          add_learner_cell (b, h, ch);
          json_builder_end_array (b);
          json_builder_end_object (b);
          material = g_strdup_printf ("%s:%d:%d:%" G_GINT64_FORMAT, pair, ca->n, ch->n, skill->pair_node_id);
          finish_suggestion (s, b, material);
          g_ptr_array_add (out, s);
          n_pairs++;
          break;
        }
    }
}

static void
compute_skill (Snapshot *snap,
               guint     k)
{
  g_clear_pointer (&snap->by_skill[k], g_ptr_array_unref);
  snap->by_skill[k] = result_array ();
  compute_small_group (snap, k, snap->by_skill[k]);
  compute_peer_pairs (snap, k, snap->by_skill[k]);
}

/* ------------------------------------------------------------------ */
/* equity                                                               */

static double
learner_mean (Snapshot *snap,
              guint     li,
              int      *n_out)
{
  double sum = 0;
  int n = 0;

  for (guint k = 0; k < snap->skills->len; k++)
    {
      Cell *cell = cell_at (snap, li, k);

      if (cell->n >= EQUITY_MIN_EVIDENCE)
        {
          sum += cell->p_known;
          n++;
        }
    }
  *n_out = n;
  return n > 0 ? sum / n : 0;
}

static void
compute_skew (Snapshot  *snap,
              Category   category,
              GPtrArray *out)
{
  guint n_learners = snap->learners->len;
  g_autofree guint *received = g_new0 (guint, MAX (1, n_learners));
  g_autofree gint *matched = g_new (gint, MAX (1, n_learners));   /* entry index, or -1 */
  g_autoptr(JsonBuilder) b = NULL;
  g_autoptr(GString) material = NULL;
  g_autoptr(GString) recipients = NULL;
  g_autofree char *names = NULL;
  g_autofree char *recipient_names = NULL;
  TrellisSuggestion *s;
  guint n_accepted = 0, n_recipients = 0, n_overlooked = 0;

  for (guint i = 0; i < snap->accepted->len; i++)
    {
      Accepted *a = &g_array_index (snap->accepted, Accepted, i);

      if (a->category != category)
        continue;
      n_accepted++;
      if (received[a->learner]++ == 0)
        n_recipients++;
    }
  if (n_accepted < EQUITY_MIN_ACCEPTED)
    return;

  for (guint li = 0; li < n_learners; li++)
    {
      matched[li] = -1;
      if (received[li] > 0)
        continue;
      for (guint i = 0; i < snap->accepted->len && matched[li] < 0; i++)
        {
          Accepted *a = &g_array_index (snap->accepted, Accepted, i);

          if (a->category != category)
            continue;
          if (a->skill >= 0)
            {
              Cell *mine = cell_at (snap, li, (guint)a->skill);
              Cell *theirs = cell_at (snap, a->learner, (guint)a->skill);

              if (mine->n >= EQUITY_MIN_EVIDENCE && theirs->n >= 0 &&
                  fabs (mine->p_known - theirs->p_known) <= EQUITY_SIMILAR_MARGIN)
                matched[li] = (gint)i;
            }
          else
            {
              int n_mine, n_theirs;
              double mine = learner_mean (snap, li, &n_mine);
              double theirs = learner_mean (snap, a->learner, &n_theirs);

              if (n_mine > 0 && n_theirs > 0 && fabs (mine - theirs) <= EQUITY_SIMILAR_MARGIN)
                matched[li] = (gint)i;
            }
        }
      if (matched[li] >= 0)
        n_overlooked++;
    }
  if (n_overlooked == 0)
    return;

  s = suggestion_new (TRELLIS_SUGGESTION_EQUITY);
  s->key = g_strdup (category == CATEGORY_HELP ? "equity:help" : "equity:challenge");
  b = json_builder_new ();
  material = g_string_new (NULL);
  recipients = g_string_new (NULL);
  json_builder_begin_object (b);
  member_string (b, "rule", category == CATEGORY_HELP
                            ? "accepted help suggestions skewed across learners with similar evidence"
                            : "accepted challenge suggestions skewed across learners with similar evidence");
  member_int (b, "window_days", EQUITY_WINDOW_DAYS);
  member_int (b, "accepted", n_accepted);
  member_double (b, "similar_margin", EQUITY_SIMILAR_MARGIN);
  json_builder_set_member_name (b, "recipients");
  json_builder_begin_array (b);
  for (guint li = 0; li < n_learners; li++)
    {
      if (received[li] == 0)
        continue;
      json_builder_begin_object (b);
      member_int (b, "learner_id", learner_at (snap, li)->id);
      member_string (b, "name", learner_at (snap, li)->name);
      member_int (b, "accepted", received[li]);
      json_builder_end_object (b);
      if (recipients->len > 0)
        g_string_append (recipients, ", ");
      g_string_append (recipients, learner_at (snap, li)->name);
      g_string_append_printf (material, "r%" G_GINT64_FORMAT ":%u;", learner_at (snap, li)->id, received[li]);
    }
  json_builder_end_array (b);
  json_builder_set_member_name (b, "overlooked");
  json_builder_begin_array (b);
  for (guint li = 0; li < n_learners; li++)
    {
      Accepted *a;

      if (matched[li] < 0)
        continue;
      a = &g_array_index (snap->accepted, Accepted, matched[li]);
      add_learner (s, learner_at (snap, li));
      json_builder_begin_object (b);
      member_int (b, "learner_id", learner_at (snap, li)->id);
      member_string (b, "name", learner_at (snap, li)->name);
      member_int (b, "similar_to", learner_at (snap, a->learner)->id);
      if (a->skill >= 0)
        {
          member_string (b, "skill", skill_at (snap, (guint)a->skill)->code);
          member_double (b, "p_known", cell_at (snap, li, (guint)a->skill)->p_known);
          member_double (b, "their_p_known", cell_at (snap, a->learner, (guint)a->skill)->p_known);
        }
      else
        {
          int n;

          member_string (b, "skill", NULL);
          member_double (b, "p_known", learner_mean (snap, li, &n));
          member_double (b, "their_p_known", learner_mean (snap, a->learner, &n));
        }
      json_builder_end_object (b);
      g_string_append_printf (material, "o%" G_GINT64_FORMAT ";", learner_at (snap, li)->id);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);

  names = join_names (s);
  recipient_names = g_string_free (g_steal_pointer (&recipients), FALSE);
  if (category == CATEGORY_HELP)
    s->reason = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              /* Translators: days, accepted count (3 or more), names, count, names */
                                              "In the last %d days, %u help suggestions were accepted for %s, while %u learner with similar evidence got none: %s.",
                                              "In the last %d days, %u help suggestions were accepted for %s, while %u learners with similar evidence got none: %s.",
                                              n_overlooked),
                                 EQUITY_WINDOW_DAYS, n_accepted, recipient_names, n_overlooked, names);
  else
    s->reason = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              /* Translators: days, accepted count (3 or more), names, count, names */
                                              "In the last %d days, %u challenge suggestions were accepted for %s, while %u learner with similar evidence got none: %s.",
                                              "In the last %d days, %u challenge suggestions were accepted for %s, while %u learners with similar evidence got none: %s.",
                                              n_overlooked),
                                 EQUITY_WINDOW_DAYS, n_accepted, recipient_names, n_overlooked, names);
  s->confidence = evidence_confidence ((int)n_accepted);
  s->urgency = category == CATEGORY_HELP ? 3.0 : 2.0;
  finish_suggestion (s, b, material->str);
  g_ptr_array_add (out, s);
}

static void
compute_not_seen (Snapshot  *snap,
                  GPtrArray *out)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(GString) material = g_string_new (NULL);
  g_autofree char *names = NULL;
  TrellisSuggestion *s = suggestion_new (TRELLIS_SUGGESTION_EQUITY);
  guint32 since = snap->today_day - EQUITY_NOT_SEEN_DAYS;

  s->key = g_strdup ("equity:not_seen");
  json_builder_begin_object (b);
  member_string (b, "rule", "no accepted positive suggestion and no conference for a long time");
  member_int (b, "days", EQUITY_NOT_SEEN_DAYS);
  json_builder_set_member_name (b, "learners");
  json_builder_begin_array (b);
  for (guint li = 0; li < snap->learners->len; li++)
    {
      Learner *l = learner_at (snap, li);
      g_autofree char *last = NULL;

      if (l->created_day == 0 || l->created_day > since || l->last_seen_day >= since)
        continue;
      add_learner (s, l);
      last = l->last_seen_day != 0 ? format_day (l->last_seen_day) : NULL;
      json_builder_begin_object (b);
      member_int (b, "learner_id", l->id);
      member_string (b, "name", l->name);
      member_string (b, "last_seen", last);
      json_builder_end_object (b);
      g_string_append_printf (material, "%" G_GINT64_FORMAT ":%s;", l->id, last != NULL ? last : "none");
    }
  json_builder_end_array (b);
  json_builder_end_object (b);

  if (s->learners->len == 0)
    {
      trellis_suggestion_unref (s);
      return;
    }

  names = join_names (s);
  s->reason = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            /* Translators: count, days, names */
                                            "%u learner has had no accepted suggestion and no conference in the last %d days: %s.",
                                            "%u learners have had no accepted suggestion and no conference in the last %d days: %s.",
                                            s->learners->len),
                               s->learners->len, EQUITY_NOT_SEEN_DAYS, names);
  s->confidence = 1.0;
  s->urgency = 1.0;
  finish_suggestion (s, b, material->str);
  g_ptr_array_add (out, s);
}

static void
compute_equity (Snapshot *snap)
{
  g_clear_pointer (&snap->equity, g_ptr_array_unref);
  snap->equity = result_array ();
  compute_skew (snap, CATEGORY_HELP, snap->equity);
  compute_skew (snap, CATEGORY_CHALLENGE, snap->equity);
  compute_not_seen (snap, snap->equity);
}

/* ------------------------------------------------------------------ */
/* Putting it together                                                  */

static gboolean
compute_all (TrellisClassroom  *classroom,
             Snapshot          *snap,
             GError           **error)
{
  for (guint li = 0; li < snap->learners->len; li++)
    {
      compute_learner_mastery (snap, li);
      compute_learner_progress (snap, li);
    }
  for (guint k = 0; k < snap->skills->len; k++)
    compute_skill (snap, k);
  compute_equity (snap);

  return compute_records (classroom, snap, error);
}

static gboolean
is_hidden (Snapshot          *snap,
           TrellisSuggestion *s)
{
  Decision *d = g_hash_table_lookup (snap->decisions, s->key);

  if (d == NULL)
    return FALSE;

  switch (d->decision)
    {
    case TRELLIS_DECISION_SNOOZED:
      return snap->today_day < d->snoozed_until_day;

    case TRELLIS_DECISION_ACCEPTED:
    case TRELLIS_DECISION_DISMISSED:
      return g_strcmp0 (d->hash, s->evidence_hash) == 0;

    case TRELLIS_DECISION_NONE:
    default:
      return FALSE;
    }
}

static void
collect (Snapshot   *snap,
         GPtrArray  *into,
         GPtrArray  *from)
{
  if (from == NULL)
    return;
  for (guint i = 0; i < from->len; i++)
    {
      TrellisSuggestion *s = g_ptr_array_index (from, i);

      if (!is_hidden (snap, s))
        g_ptr_array_add (into, trellis_suggestion_ref (s));
    }
}

static int
compare_suggestions (gconstpointer a,
                     gconstpointer b)
{
  const TrellisSuggestion *sa = *(TrellisSuggestion * const *)a;
  const TrellisSuggestion *sb = *(TrellisSuggestion * const *)b;

  if (sa->kind != sb->kind)
    return sa->kind < sb->kind ? -1 : 1;
  if (sa->urgency != sb->urgency)
    return sa->urgency > sb->urgency ? -1 : 1;
  return strcmp (sa->key, sb->key);
}

static GPtrArray *
assemble (Snapshot *snap)
{
  GPtrArray *all = result_array ();

  for (guint li = 0; li < snap->learners->len; li++)
    {
      collect (snap, all, snap->by_learner_progress[li]);
      collect (snap, all, snap->by_learner_mastery[li]);
      collect (snap, all, snap->by_learner_records[li]);
    }
  for (guint k = 0; k < snap->skills->len; k++)
    collect (snap, all, snap->by_skill[k]);
  collect (snap, all, snap->equity);

  g_ptr_array_sort (all, compare_suggestions);
  return all;
}

GPtrArray *
trellis_recommender_compute (TrellisClassroom  *classroom,
                             GError           **error)
{
  g_autoptr(Snapshot) snap = NULL;

  g_return_val_if_fail (TRELLIS_IS_CLASSROOM (classroom), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  snap = snapshot_load (classroom, error);
  if (snap == NULL || !compute_all (classroom, snap, error))
    return NULL;

  return assemble (snap);
}

/* ------------------------------------------------------------------ */
/* Decisions and history                                                */

static gint64
record_decision (TrellisClassroom   *classroom,
                 TrellisSuggestion  *s,
                 TrellisDecision     decision,
                 const char         *until,
                 const char         *reason,
                 GError            **error)
{
  g_autoptr(sqlite3_stmt) insert = NULL;
  g_autoptr(sqlite3_stmt) learner = NULL;
  g_autofree char *timestamp = trellis_classroom_timestamp (classroom);
  g_autofree char *today = trellis_classroom_today (classroom);
  g_autofree char *evidence = trellis_suggestion_get_evidence_json (s);
  g_autofree char *snoozed_until = NULL;
  sqlite3 *db = trellis_classroom_get_db (classroom);
  gint64 id;

  if (decision == TRELLIS_DECISION_SNOOZED)
    {
      if (until != NULL)
        {
          if (parse_day (until) == 0 || strlen (until) != 10)
            {
              g_set_error (error, TRELLIS_RECOMMENDER_ERROR, TRELLIS_RECOMMENDER_ERROR_INVALID,
                           _("“%s” is not a date (YYYY-MM-DD)"), until);
              return 0;
            }
          snoozed_until = g_strdup (until);
        }
      else
        snoozed_until = format_day (parse_day (today) + TRELLIS_RECOMMENDER_SNOOZE_DAYS);
    }

  if (!trellis_classroom_begin (classroom, error))
    return 0;

  insert = trellis_classroom_prepare (classroom,
                                      "INSERT INTO recommendations (kind, key, skill_id, node_id, reason, evidence, "
                                      "  evidence_hash, confidence, created_at, decision, decision_reason, decided_at, "
                                      "  snoozed_until) "
                                      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?9, ?12)",
                                      error);
  if (insert == NULL)
    goto fail;
  sqlite3_bind_text (insert, 1, kind_names[s->kind], -1, SQLITE_STATIC);
  sqlite3_bind_text (insert, 2, s->key, -1, SQLITE_TRANSIENT);
  _trellis_bind_id_or_null (insert, 3, s->skill_id);
  _trellis_bind_id_or_null (insert, 4, s->node_id);
  sqlite3_bind_text (insert, 5, s->reason, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (insert, 6, evidence, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (insert, 7, s->evidence_hash, -1, SQLITE_TRANSIENT);
  sqlite3_bind_double (insert, 8, CLAMP (s->confidence, 0.0, 1.0));
  sqlite3_bind_text (insert, 9, timestamp, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (insert, 10, decision_names[decision], -1, SQLITE_STATIC);
  if (reason != NULL && *reason != '\0')
    sqlite3_bind_text (insert, 11, reason, -1, SQLITE_TRANSIENT);
  if (snoozed_until != NULL)
    sqlite3_bind_text (insert, 12, snoozed_until, -1, SQLITE_TRANSIENT);
  if (!trellis_classroom_step (classroom, insert, error))
    goto fail;
  id = sqlite3_last_insert_rowid (db);

  learner = trellis_classroom_prepare (classroom,
                                       "INSERT OR IGNORE INTO recommendation_learners (recommendation_id, learner_id) "
                                       "VALUES (?1, ?2)",
                                       error);
  if (learner == NULL)
    goto fail;
  for (guint i = 0; i < s->learners->len; i++)
    {
      sqlite3_reset (learner);
      sqlite3_bind_int64 (learner, 1, id);
      sqlite3_bind_int64 (learner, 2, g_array_index (s->learners, TrellisSuggestionLearner, i).id);
      if (!trellis_classroom_step (classroom, learner, error))
        goto fail;
    }

  /* Accepting a small group or a pair forms it. */
  if (decision == TRELLIS_DECISION_ACCEPTED &&
      (s->kind == TRELLIS_SUGGESTION_SMALL_GROUP || s->kind == TRELLIS_SUGGESTION_PEER_PAIR))
    {
      g_autoptr(sqlite3_stmt) group = NULL;
      g_autoptr(sqlite3_stmt) member = NULL;
      g_autofree char *title = NULL;
      gint64 group_id;

      if (s->kind == TRELLIS_SUGGESTION_SMALL_GROUP)
        /* Translators: a skill name */
        title = g_strdup_printf (_("Small group: %s"), s->skill_name != NULL ? s->skill_name : "");
      else
        title = g_strdup_printf (_("Pair: %s"), s->skill_name != NULL ? s->skill_name : "");

      group = trellis_classroom_prepare (classroom,
                                         "INSERT INTO groups (kind, title, skill_id, node_id, recommendation_id, note, "
                                         "  created_on) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                                         error);
      if (group == NULL)
        goto fail;
      sqlite3_bind_text (group, 1, s->kind == TRELLIS_SUGGESTION_SMALL_GROUP ? "small_group" : "pair", -1,
                         SQLITE_STATIC);
      sqlite3_bind_text (group, 2, title, -1, SQLITE_TRANSIENT);
      _trellis_bind_id_or_null (group, 3, s->skill_id);
      _trellis_bind_id_or_null (group, 4, s->node_id);
      sqlite3_bind_int64 (group, 5, id);
      sqlite3_bind_text (group, 6, s->reason, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (group, 7, today, -1, SQLITE_TRANSIENT);
      if (!trellis_classroom_step (classroom, group, error))
        goto fail;
      group_id = sqlite3_last_insert_rowid (db);

      member = trellis_classroom_prepare (classroom,
                                          "INSERT OR IGNORE INTO group_members (group_id, learner_id) VALUES (?1, ?2)",
                                          error);
      if (member == NULL)
        goto fail;
      for (guint i = 0; i < s->learners->len; i++)
        {
          sqlite3_reset (member);
          sqlite3_bind_int64 (member, 1, group_id);
          sqlite3_bind_int64 (member, 2, g_array_index (s->learners, TrellisSuggestionLearner, i).id);
          if (!trellis_classroom_step (classroom, member, error))
            goto fail;
        }
    }

  if (!trellis_classroom_commit (classroom, error))
    return 0;

  return id;

fail:
  trellis_classroom_rollback (classroom);
  return 0;
}

gint64
trellis_recommender_accept (TrellisClassroom   *classroom,
                            TrellisSuggestion  *suggestion,
                            const char         *reason,
                            GError            **error)
{
  g_return_val_if_fail (TRELLIS_IS_CLASSROOM (classroom), 0);
  g_return_val_if_fail (suggestion != NULL, 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  return record_decision (classroom, suggestion, TRELLIS_DECISION_ACCEPTED, NULL, reason, error);
}

gint64
trellis_recommender_dismiss (TrellisClassroom   *classroom,
                             TrellisSuggestion  *suggestion,
                             const char         *reason,
                             GError            **error)
{
  g_return_val_if_fail (TRELLIS_IS_CLASSROOM (classroom), 0);
  g_return_val_if_fail (suggestion != NULL, 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  return record_decision (classroom, suggestion, TRELLIS_DECISION_DISMISSED, NULL, reason, error);
}

gint64
trellis_recommender_snooze (TrellisClassroom   *classroom,
                            TrellisSuggestion  *suggestion,
                            const char         *until,
                            const char         *reason,
                            GError            **error)
{
  g_return_val_if_fail (TRELLIS_IS_CLASSROOM (classroom), 0);
  g_return_val_if_fail (suggestion != NULL, 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  return record_decision (classroom, suggestion, TRELLIS_DECISION_SNOOZED, until, reason, error);
}

GPtrArray *
trellis_recommender_history (TrellisClassroom  *classroom,
                             gint64             learner_id,
                             GError           **error)
{
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(sqlite3_stmt) learners = NULL;
  int rc;

  g_return_val_if_fail (TRELLIS_IS_CLASSROOM (classroom), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = trellis_classroom_prepare (classroom,
                                    "SELECT r.id, r.kind, r.key, r.skill_id, s.code, s.name, r.node_id, n.title, "
                                    "  r.reason, r.evidence, r.evidence_hash, r.confidence, r.decision, "
                                    "  r.decision_reason, r.decided_at, r.snoozed_until "
                                    "FROM recommendations r LEFT JOIN skills s ON s.id = r.skill_id "
                                    "LEFT JOIN nodes n ON n.id = r.node_id "
                                    "WHERE r.decision IS NOT NULL AND (?1 = 0 OR EXISTS (SELECT 1 FROM "
                                    "  recommendation_learners rl WHERE rl.recommendation_id = r.id AND rl.learner_id = ?1)) "
                                    "ORDER BY r.decided_at DESC, r.id DESC",
                                    error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, MAX (learner_id, 0));

  learners = trellis_classroom_prepare (classroom,
                                        "SELECT l.id, l.name FROM recommendation_learners rl "
                                        "JOIN learners l ON l.id = rl.learner_id WHERE rl.recommendation_id = ?1 "
                                        "ORDER BY l.name COLLATE NOCASE, l.id",
                                        error);
  if (learners == NULL)
    return NULL;

  history = result_array ();
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TrellisSuggestionKind kind = TRELLIS_SUGGESTION_NEEDS_HELP;
      TrellisSuggestion *s;
      const char *decision = _trellis_column_text (stmt, 12);
      const char *evidence = _trellis_column_text (stmt, 9);
      int lrc;

      trellis_suggestion_kind_from_string (_trellis_column_text (stmt, 1), &kind);
      s = suggestion_new (kind);
      s->recommendation_id = sqlite3_column_int64 (stmt, 0);
      s->key = g_strdup (_trellis_column_text (stmt, 2));
      s->skill_id = sqlite3_column_int64 (stmt, 3);
      s->skill_code = g_strdup (_trellis_column_text (stmt, 4));
      s->skill_name = g_strdup (_trellis_column_text (stmt, 5));
      s->node_id = sqlite3_column_int64 (stmt, 6);
      s->node_title = g_strdup (_trellis_column_text (stmt, 7));
      s->reason = g_strdup (_trellis_column_text (stmt, 8));
      if (evidence != NULL)
        {
          g_autoptr(JsonNode) node = json_from_string (evidence, NULL);

          if (node != NULL && JSON_NODE_HOLDS_OBJECT (node))
            s->evidence = json_object_ref (json_node_get_object (node));
        }
      s->evidence_hash = g_strdup (_trellis_column_text (stmt, 10));
      s->confidence = sqlite3_column_double (stmt, 11);
      s->decision = g_strcmp0 (decision, "accepted") == 0 ? TRELLIS_DECISION_ACCEPTED :
                    g_strcmp0 (decision, "dismissed") == 0 ? TRELLIS_DECISION_DISMISSED :
                    TRELLIS_DECISION_SNOOZED;
      s->decision_reason = g_strdup (_trellis_column_text (stmt, 13));
      s->decided_at = g_strdup (_trellis_column_text (stmt, 14));
      s->snoozed_until = g_strdup (_trellis_column_text (stmt, 15));

      sqlite3_reset (learners);
      sqlite3_bind_int64 (learners, 1, s->recommendation_id);
      while ((lrc = sqlite3_step (learners)) == SQLITE_ROW)
        {
          TrellisSuggestionLearner sl = {
            sqlite3_column_int64 (learners, 0), g_strdup (_trellis_column_text (learners, 1))
          };

          g_array_append_val (s->learners, sl);
        }
      g_ptr_array_add (history, s);
      if (!finish_query (classroom, learners, lrc, error))
        return NULL;
    }
  if (!finish_query (classroom, stmt, rc, error))
    return NULL;

  return g_steal_pointer (&history);
}

/* ------------------------------------------------------------------ */
/* TrellisRecommender                                                   */

struct _TrellisRecommender
{
  GObject           parent_instance;

  TrellisClassroom *classroom;
  Snapshot         *snapshot;
  GPtrArray        *suggestions;
};

G_DEFINE_FINAL_TYPE (TrellisRecommender, trellis_recommender, G_TYPE_OBJECT)

static gboolean
same_suggestion (TrellisSuggestion *a,
                 TrellisSuggestion *b)
{
  return a == b || trellis_suggestion_equal (a, b);
}

enum {
  PROP_0,
  PROP_CLASSROOM,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/*
 * Replaces the suggestions and says which stretch changed.  After a full
 * recompute everything is new; after an incremental one, suggestions that
 * were not recomputed are the same objects, so the changed stretch is found
 * cheaply.
 */
static void
publish (TrellisRecommender *self,
         GPtrArray          *suggestions,
         gboolean            full)
{
  g_autoptr(GPtrArray) old = g_steal_pointer (&self->suggestions);
  guint n_old = old != NULL ? old->len : 0;
  guint n_new = suggestions->len;
  guint prefix = 0, suffix = 0;

  self->suggestions = suggestions;

  if (!full)
    {
      while (prefix < n_old && prefix < n_new &&
             same_suggestion (g_ptr_array_index (old, prefix), g_ptr_array_index (suggestions, prefix)))
        prefix++;
      while (suffix < n_old - prefix && suffix < n_new - prefix &&
             same_suggestion (g_ptr_array_index (old, n_old - 1 - suffix),
                              g_ptr_array_index (suggestions, n_new - 1 - suffix)))
        suffix++;
    }

  if (n_old - prefix - suffix > 0 || n_new - prefix - suffix > 0)
    g_signal_emit (self, signals[CHANGED], 0, prefix, n_old - prefix - suffix, n_new - prefix - suffix);
}

static void
trellis_recommender_finalize (GObject *object)
{
  TrellisRecommender *self = (TrellisRecommender *)object;

  g_clear_pointer (&self->snapshot, snapshot_free);
  g_clear_pointer (&self->suggestions, g_ptr_array_unref);
  g_clear_object (&self->classroom);

  G_OBJECT_CLASS (trellis_recommender_parent_class)->finalize (object);
}

static void
trellis_recommender_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  TrellisRecommender *self = TRELLIS_RECOMMENDER (object);

  switch (prop_id)
    {
    case PROP_CLASSROOM:
      g_value_set_object (value, self->classroom);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trellis_recommender_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  TrellisRecommender *self = TRELLIS_RECOMMENDER (object);

  switch (prop_id)
    {
    case PROP_CLASSROOM:
      self->classroom = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trellis_recommender_class_init (TrellisRecommenderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = trellis_recommender_finalize;
  object_class->get_property = trellis_recommender_get_property;
  object_class->set_property = trellis_recommender_set_property;

  properties[PROP_CLASSROOM] =
    g_param_spec_object ("classroom", NULL, NULL,
                         TRELLIS_TYPE_CLASSROOM,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * TrellisRecommender::changed:
   * @position: the first suggestion that changed
   * @removed: how many were removed there
   * @added: how many were added there
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 3, G_TYPE_UINT, G_TYPE_UINT, G_TYPE_UINT);
}

static void
trellis_recommender_init (TrellisRecommender *self)
{
  self->suggestions = result_array ();
}

TrellisRecommender *
trellis_recommender_new (TrellisClassroom *classroom)
{
  g_return_val_if_fail (TRELLIS_IS_CLASSROOM (classroom), NULL);

  return g_object_new (TRELLIS_TYPE_RECOMMENDER, "classroom", classroom, NULL);
}

TrellisClassroom *
trellis_recommender_get_classroom (TrellisRecommender *self)
{
  g_return_val_if_fail (TRELLIS_IS_RECOMMENDER (self), NULL);

  return self->classroom;
}

gboolean
trellis_recommender_refresh (TrellisRecommender  *self,
                             GError             **error)
{
  g_autoptr(Snapshot) snap = NULL;

  g_return_val_if_fail (TRELLIS_IS_RECOMMENDER (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  snap = snapshot_load (self->classroom, error);
  if (snap == NULL || !compute_all (self->classroom, snap, error))
    return FALSE;

  g_clear_pointer (&self->snapshot, snapshot_free);
  self->snapshot = g_steal_pointer (&snap);
  publish (self, assemble (self->snapshot), TRUE);
  return TRUE;
}

/* A refresh when the day changed since the snapshot (every date rule moves). */
static gboolean
snapshot_is_current (TrellisRecommender *self)
{
  g_autofree char *today = NULL;

  if (self->snapshot == NULL)
    return FALSE;
  today = trellis_classroom_today (self->classroom);
  return g_strcmp0 (today, self->snapshot->today) == 0;
}

gboolean
trellis_recommender_evidence_changed (TrellisRecommender  *self,
                                      gint64               learner_id,
                                      gint64               skill_id,
                                      GError             **error)
{
  g_autoptr(GArray) changed = NULL;
  g_autofree gboolean *recompute = NULL;
  Snapshot *snap;
  gint li, k;

  g_return_val_if_fail (TRELLIS_IS_RECOMMENDER (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  snap = self->snapshot;
  if (!snapshot_is_current (self) ||
      (li = index_of (snap->learner_index, learner_id)) < 0 ||
      (k = index_of (snap->skill_index, skill_id)) < 0)
    return trellis_recommender_refresh (self, error);

  /* The edited skill always, and every other skill whose state moved with it. */
  changed = g_array_new (FALSE, FALSE, sizeof (guint));
  if (!load_learner_row (self->classroom, snap, (guint)li, changed, error))
    return FALSE;
  recompute = g_new0 (gboolean, snap->skills->len);
  recompute[k] = TRUE;
  for (guint i = 0; i < changed->len; i++)
    {
      Skill *skill = skill_at (snap, g_array_index (changed, guint, i));

      recompute[g_array_index (changed, guint, i)] = TRUE;
      for (guint j = 0; j < skill->dependents->len; j++)
        recompute[g_array_index (skill->dependents, guint, j)] = TRUE;
    }
  for (guint j = 0; j < skill_at (snap, (guint)k)->dependents->len; j++)
    recompute[g_array_index (skill_at (snap, (guint)k)->dependents, guint, j)] = TRUE;

  compute_learner_mastery (snap, (guint)li);
  for (guint i = 0; i < snap->skills->len; i++)
    if (recompute[i])
      compute_skill (snap, i);
  compute_equity (snap);

  publish (self, assemble (snap), FALSE);
  return TRUE;
}

gboolean
trellis_recommender_progress_changed (TrellisRecommender  *self,
                                      gint64               learner_id,
                                      GError             **error)
{
  Snapshot *snap;
  gint li;

  g_return_val_if_fail (TRELLIS_IS_RECOMMENDER (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  snap = self->snapshot;
  if (!snapshot_is_current (self) || (li = index_of (snap->learner_index, learner_id)) < 0)
    return trellis_recommender_refresh (self, error);

  if (!load_progress (self->classroom, snap, li, error))
    return FALSE;

  compute_learner_progress (snap, (guint)li);
  /* ready_for_more reads the learner's choices too. */
  compute_learner_mastery (snap, (guint)li);

  publish (self, assemble (snap), FALSE);
  return TRUE;
}

GPtrArray *
trellis_recommender_get_suggestions (TrellisRecommender *self)
{
  g_return_val_if_fail (TRELLIS_IS_RECOMMENDER (self), NULL);

  return self->suggestions;
}

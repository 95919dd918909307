/* trellis-profile.c
 *
 * Copyright 2026 The Trellis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trellis-profile"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "trellis-profile.h"
#include "trellis-store-private.h"

/*
 * The learner's record: profile entries, goals and their revisions,
 * reflections and conferences.  Each public edit opens one transaction and
 * calls write_*() helpers that do not, so that a conference can combine
 * several of them in a single transaction.  Rows of learners in the trash
 * are invisible here, as everywhere.
 */

static const char * const kind_names[TRELLIS_PROFILE_N_KINDS] = {
  "interest", "strength", "preference", "experience", "need",
};

static const char * const status_names[] = {
  "active", "met", "revised", "dropped",
};

static const char * const author_names[] = {
  "learner", "teacher",
};

const char *
trellis_profile_kind_to_string (TrellisProfileKind kind)
{
  g_return_val_if_fail ((guint)kind < G_N_ELEMENTS (kind_names), NULL);

  return kind_names[kind];
}

gboolean
trellis_profile_kind_from_string (const char         *text,
                                  TrellisProfileKind *kind)
{
  guint i;

  if (!_trellis_string_table_find (kind_names, G_N_ELEMENTS (kind_names), text, &i))
    return FALSE;

  *kind = (TrellisProfileKind)i;
  return TRUE;
}

const char *
trellis_profile_kind_get_label (TrellisProfileKind kind)
{
  switch (kind)
    {
    case TRELLIS_PROFILE_KIND_INTEREST:
      return _("Interests");
    case TRELLIS_PROFILE_KIND_STRENGTH:
      return _("Strengths");
    case TRELLIS_PROFILE_KIND_PREFERENCE:
      return _("How they like to learn");
    case TRELLIS_PROFILE_KIND_EXPERIENCE:
      return _("Out-of-school experiences");
    case TRELLIS_PROFILE_KIND_NEED:
      return _("Needs and accommodations");
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
trellis_goal_status_to_string (TrellisGoalStatus status)
{
  g_return_val_if_fail ((guint)status < G_N_ELEMENTS (status_names), NULL);

  return status_names[status];
}

gboolean
trellis_goal_status_from_string (const char        *text,
                                 TrellisGoalStatus *status)
{
  guint i;

  if (!_trellis_string_table_find (status_names, G_N_ELEMENTS (status_names), text, &i))
    return FALSE;

  *status = (TrellisGoalStatus)i;
  return TRUE;
}

const char *
trellis_goal_status_get_label (TrellisGoalStatus status)
{
  switch (status)
    {
    case TRELLIS_GOAL_STATUS_ACTIVE:
      return C_("goal status", "Active");
    case TRELLIS_GOAL_STATUS_MET:
      return C_("goal status", "Met");
    case TRELLIS_GOAL_STATUS_REVISED:
      return C_("goal status", "Revised");
    case TRELLIS_GOAL_STATUS_DROPPED:
      return C_("goal status", "Dropped");
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
trellis_reflection_author_to_string (TrellisReflectionAuthor author)
{
  g_return_val_if_fail ((guint)author < G_N_ELEMENTS (author_names), NULL);

  return author_names[author];
}

void
trellis_profile_entry_free (TrellisProfileEntry *entry)
{
  if (entry == NULL)
    return;

  g_free (entry->text);
  g_free (entry->revisited_on);
  g_free (entry);
}

void
trellis_goal_free (TrellisGoal *goal)
{
  if (goal == NULL)
    return;

  g_free (goal->title);
  g_free (goal->success_criteria);
  g_free (goal->target_date);
  g_free (goal->created_on);
  g_free (goal->updated_on);
  g_clear_pointer (&goal->skill_ids, g_array_unref);
  g_free (goal);
}

void
trellis_goal_revision_free (TrellisGoalRevision *revision)
{
  if (revision == NULL)
    return;

  g_free (revision->changed_on);
  g_free (revision->old_title);
  g_free (revision->old_success_criteria);
  g_free (revision->old_target_date);
  g_free (revision->reason);
  g_free (revision);
}

void
trellis_reflection_free (TrellisReflection *reflection)
{
  if (reflection == NULL)
    return;

  g_free (reflection->written_on);
  g_free (reflection->text);
  g_free (reflection);
}

void
trellis_conference_free (TrellisConference *conference)
{
  if (conference == NULL)
    return;

  g_free (conference->held_on);
  g_free (conference->notes);
  g_free (conference->next_steps);
  g_free (conference);
}

void
trellis_profile_freshness_clear (TrellisProfileFreshness *freshness)
{
  for (guint i = 0; i < TRELLIS_PROFILE_N_KINDS; i++)
    g_clear_pointer (&freshness->last_revisited[i], g_free);
  g_clear_pointer (&freshness->last_revisited_any, g_free);
  freshness->stale = FALSE;
}

/* ------------------------------------------------------------------ */
/* Helpers                                                             */

static char *
normalize_required (const char  *text,
                    const char  *empty_message,
                    GError     **error)
{
  char *result;

  if (!_trellis_normalize_text (text, &result, error))
    return NULL;

  if (result == NULL)
    _trellis_set_invalid (error, empty_message);

  return result;
}

/* A date as YYYY-MM-DD; NULL or empty is no date. */
static gboolean
normalize_date (const char  *text,
                char       **result,
                GError     **error)
{
  guint64 y, m, d;
  g_auto(GStrv) parts = NULL;

  *result = NULL;
  if (text == NULL || *text == '\0')
    return TRUE;

  parts = g_strsplit (text, "-", -1);
  if (strlen (text) != 10 || g_strv_length (parts) != 3 ||
      !g_ascii_string_to_unsigned (parts[0], 10, 1, 9999, &y, NULL) ||
      !g_ascii_string_to_unsigned (parts[1], 10, 1, 12, &m, NULL) ||
      !g_ascii_string_to_unsigned (parts[2], 10, 1, 31, &d, NULL) ||
      !g_date_valid_dmy ((GDateDay)d, (GDateMonth)m, (GDateYear)y))
    {
      g_set_error (error, TRELLIS_CLASSROOM_ERROR, TRELLIS_CLASSROOM_ERROR_INVALID,
                   _("“%s” is not a date (YYYY-MM-DD)"), text);
      return FALSE;
    }

  *result = g_strdup (text);
  return TRUE;
}

/* @date (YYYY-MM-DD) plus @days, as YYYY-MM-DD. */
static char *
date_add_days (const char *date,
               int         days)
{
  GDate d;
  char buffer[16];

  g_date_clear (&d, 1);
  g_date_set_parse (&d, date);
  if (!g_date_valid (&d))
    return g_strdup (date);

  if (days >= 0)
    g_date_add_days (&d, (guint)days);
  else
    g_date_subtract_days (&d, (guint)-days);

  g_date_strftime (buffer, sizeof buffer, "%Y-%m-%d", &d);
  return g_strdup (buffer);
}

/* Runs a one-id statement that must change exactly one row. */
static gboolean
write_by_id (TrellisClassroom  *classroom,
             const char        *sql,
             gint64             id,
             const char        *not_found,
             GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = trellis_classroom_prepare (classroom, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!trellis_classroom_step (classroom, stmt, error))
    return FALSE;

  if (sqlite3_changes (trellis_classroom_get_db (classroom)) != 1)
    return _trellis_set_not_found (error, not_found);

  return TRUE;
}

/* Steps a query to its end, appending one record per row made by @from_row. */
static GPtrArray *
collect_rows (TrellisClassroom  *classroom,
              sqlite3_stmt      *stmt,
              gpointer         (*from_row) (sqlite3_stmt *stmt),
              GDestroyNotify     free_func,
              GError           **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (free_func);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (rows, from_row (stmt));

  if (rc != SQLITE_DONE)
    {
      trellis_classroom_set_db_error (classroom, rc, error);
      return NULL;
    }

  return g_steal_pointer (&rows);
}

/* ------------------------------------------------------------------ */
/* Classroom preferences                                               */

static guint
get_classroom_int (TrellisClassroom *classroom,
                   const char       *sql,
                   guint             fallback)
{
  g_autoptr(sqlite3_stmt) stmt = trellis_classroom_prepare (classroom, sql, NULL);

  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_int64 (stmt, 0) > 0)
    return (guint)MIN (sqlite3_column_int64 (stmt, 0), G_MAXINT);

  return fallback;
}

/* Emits TrellisClassroom::preferences-changed::@preference when the value changes. */
static gboolean
set_classroom_int (TrellisClassroom  *classroom,
                   const char        *get_sql,
                   const char        *set_sql,
                   const char        *preference,
                   guint              value,
                   GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *signal = NULL;

  if (value == 0 || value > 3650)
    return _trellis_set_invalid (error, _("The number must be between 1 and 3650"));

  if (get_classroom_int (classroom, get_sql, 0) == value)
    return TRUE;

  stmt = trellis_classroom_prepare (classroom, set_sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, value);

  if (!trellis_classroom_step (classroom, stmt, error))
    return FALSE;

  signal = g_strconcat ("preferences-changed::", preference, NULL);
  g_signal_emit_by_name (classroom, signal);

  return TRUE;
}

guint
trellis_profile_get_conference_cadence_days (TrellisClassroom *classroom)
{
  g_return_val_if_fail (TRELLIS_IS_CLASSROOM (classroom), 21);

  return get_classroom_int (classroom, "SELECT conference_cadence_days FROM classroom WHERE id = 1", 21);
}

gboolean
trellis_profile_set_conference_cadence_days (TrellisClassroom  *classroom,
                                             guint              days,
                                             GError           **error)
{
  g_return_val_if_fail (TRELLIS_IS_CLASSROOM (classroom), FALSE);

  return set_classroom_int (classroom,
                            "SELECT conference_cadence_days FROM classroom WHERE id = 1",
                            "UPDATE classroom SET conference_cadence_days = ?1 WHERE id = 1",
                            "conference-cadence-days", days, error);
}

guint
trellis_profile_get_stale_profile_weeks (TrellisClassroom *classroom)
{
  g_return_val_if_fail (TRELLIS_IS_CLASSROOM (classroom), 6);

  return get_classroom_int (classroom, "SELECT stale_profile_weeks FROM classroom WHERE id = 1", 6);
}

gboolean
trellis_profile_set_stale_profile_weeks (TrellisClassroom  *classroom,
                                         guint              weeks,
                                         GError           **error)
{
  g_return_val_if_fail (TRELLIS_IS_CLASSROOM (classroom), FALSE);

  return set_classroom_int (classroom,
                            "SELECT stale_profile_weeks FROM classroom WHERE id = 1",
                            "UPDATE classroom SET stale_profile_weeks = ?1 WHERE id = 1",
                            "stale-profile-weeks", weeks, error);
}

guint
trellis_profile_get_class_minutes_per_week (TrellisClassroom *classroom)
{
  g_return_val_if_fail (TRELLIS_IS_CLASSROOM (classroom), 225);

  return get_classroom_int (classroom, "SELECT class_minutes_per_week FROM classroom WHERE id = 1", 225);
}

gboolean
trellis_profile_set_class_minutes_per_week (TrellisClassroom  *classroom,
                                            guint              minutes,
                                            GError           **error)
{
  g_return_val_if_fail (TRELLIS_IS_CLASSROOM (classroom), FALSE);

  return set_classroom_int (classroom,
                            "SELECT class_minutes_per_week FROM classroom WHERE id = 1",
                            "UPDATE classroom SET class_minutes_per_week = ?1 WHERE id = 1",
                            "class-minutes-per-week", minutes, error);
}

/* ------------------------------------------------------------------ */
/* The learner's own fields                                            */

typedef enum
{
  FIELD_PREFERRED_NAME,
  FIELD_PRONOUNS,
  FIELD_SIS_ID,
} LearnerField;

static gboolean
set_learner_text (TrellisClassroom  *classroom,
                  TrellisLearner    *learner,
                  LearnerField       field,
                  const char        *value,
                  GError           **error)
{
  static const char * const sql[] = {
    [FIELD_PREFERRED_NAME] = "UPDATE learners SET preferred_name = ?1 WHERE id = ?2",
    [FIELD_PRONOUNS] = "UPDATE learners SET pronouns = ?1 WHERE id = ?2",
    [FIELD_SIS_ID] = "UPDATE learners SET sis_id = ?1 WHERE id = ?2",
  };
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *clean = NULL;

  if (!_trellis_check_learner (classroom, learner, error) ||
      !_trellis_normalize_text (value, &clean, error))
    return FALSE;

  if (field == FIELD_SIS_ID && clean != NULL)
    {
      g_autoptr(sqlite3_stmt) check = NULL;

      check = trellis_classroom_prepare (classroom,
                                         "SELECT name FROM learners WHERE sis_id = ?1 AND id <> ?2",
                                         error);
      if (check == NULL)
        return FALSE;
      sqlite3_bind_text (check, 1, clean, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (check, 2, trellis_learner_get_id (learner));
      if (sqlite3_step (check) == SQLITE_ROW)
        {
          g_set_error (error, TRELLIS_CLASSROOM_ERROR, TRELLIS_CLASSROOM_ERROR_EXISTS,
                       _("The SIS id “%s” already belongs to %s"), clean,
                       (const char *)sqlite3_column_text (check, 0));
          return FALSE;
        }
    }

  stmt = trellis_classroom_prepare (classroom, sql[field], error);
  if (stmt == NULL)
    return FALSE;
  _trellis_bind_text_or_null (stmt, 1, clean);
  sqlite3_bind_int64 (stmt, 2, trellis_learner_get_id (learner));
  if (!trellis_classroom_step (classroom, stmt, error))
    return FALSE;

  switch (field)
    {
    case FIELD_PREFERRED_NAME:
      trellis_learner_set_preferred_name (learner, clean);
      break;
    case FIELD_PRONOUNS:
      trellis_learner_set_pronouns (learner, clean);
      break;
    case FIELD_SIS_ID:
      trellis_learner_set_sis_id (learner, clean);
      break;
    default:
      g_assert_not_reached ();
    }

  return TRUE;
}

gboolean
trellis_profile_set_preferred_name (TrellisClassroom  *classroom,
                                    TrellisLearner    *learner,
                                    const char        *preferred_name,
                                    GError           **error)
{
  g_return_val_if_fail (TRELLIS_IS_CLASSROOM (classroom), FALSE);
  g_return_val_if_fail (TRELLIS_IS_LEARNER (learner), FALSE);

  return set_learner_text (classroom, learner, FIELD_PREFERRED_NAME, preferred_name, error);
}

gboolean
trellis_profile_set_pronouns (TrellisClassroom  *classroom,
                              TrellisLearner    *learner,
                              const char        *pronouns,
                              GError           **error)
{
  g_return_val_if_fail (TRELLIS_IS_CLASSROOM (classroom), FALSE);
  g_return_val_if_fail (TRELLIS_IS_LEARNER (learner), FALSE);

  return set_learner_text (classroom, learner, FIELD_PRONOUNS, pronouns, error);
}

gboolean
trellis_profile_set_sis_id (TrellisClassroom  *classroom,
                            TrellisLearner    *learner,
                            const char        *sis_id,
                            GError           **error)
{
  g_return_val_if_fail (TRELLIS_IS_CLASSROOM (classroom), FALSE);
  g_return_val_if_fail (TRELLIS_IS_LEARNER (learner), FALSE);

  return set_learner_text (classroom, learner, FIELD_SIS_ID, sis_id, error);
}

gboolean
trellis_profile_set_self_regulation (TrellisClassroom  *classroom,
                                     TrellisLearner    *learner,
                                     guint              level,
                                     GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (TRELLIS_IS_CLASSROOM (classroom), FALSE);
  g_return_val_if_fail (TRELLIS_IS_LEARNER (learner), FALSE);

  if (!_trellis_check_learner (classroom, learner, error))
    return FALSE;

  if (level < 1 || level > 3)
    return _trellis_set_invalid (error, _("The self-regulation level is 1, 2 or 3"));

  stmt = trellis_classroom_prepare (classroom, "UPDATE learners SET self_regulation = ?1 WHERE id = ?2", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, (int)level);
  sqlite3_bind_int64 (stmt, 2, trellis_learner_get_id (learner));
  if (!trellis_classroom_step (classroom, stmt, error))
    return FALSE;

  trellis_learner_set_self_regulation (learner, level);
  return TRUE;
}

const char *
trellis_profile_describe_self_regulation (guint level)
{
  switch (level)
    {
    case 1:
      return _("Sees up to two starter options in each choice group, picked by the teacher.");
    case 2:
      return _("Sees up to three options in each choice group.");
    case 3:
      return _("Sees every option in each choice group.");
    default:
      g_return_val_if_reached (NULL);
    }
}

/* ------------------------------------------------------------------ */
/* Profile entries                                                     */

#define ENTRY_COLUMNS "e.id, e.learner_id, e.kind, e.text, e.position, e.revisited_on"

static gpointer
entry_from_row (sqlite3_stmt *stmt)
{
  TrellisProfileEntry *entry = g_new0 (TrellisProfileEntry, 1);
  TrellisProfileKind kind = TRELLIS_PROFILE_KIND_INTEREST;

  entry->id = sqlite3_column_int64 (stmt, 0);
  entry->learner_id = sqlite3_column_int64 (stmt, 1);
  trellis_profile_kind_from_string ((const char *)sqlite3_column_text (stmt, 2), &kind);
  entry->kind = kind;
  entry->text = _trellis_column_dup (stmt, 3);
  entry->position = sqlite3_column_int (stmt, 4);
  entry->revisited_on = _trellis_column_dup (stmt, 5);

  return entry;
}

/* An entry of a learner in the classroom, or NO_SUCH_ITEM. */
static TrellisProfileEntry *
lookup_entry (TrellisClassroom  *classroom,
              gint64             entry_id,
              GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = trellis_classroom_prepare (classroom,
                                    "SELECT " ENTRY_COLUMNS " FROM profile_entries e "
                                    "JOIN learners l ON l.id = e.learner_id "
                                    "WHERE e.id = ?1 AND l.trashed = 0",
                                    error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, entry_id);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return entry_from_row (stmt);

  if (rc == SQLITE_DONE)
    _trellis_set_not_found (error, _("The profile entry no longer exists"));
  else
    trellis_classroom_set_db_error (classroom, rc, error);

  return NULL;
}

GPtrArray *
trellis_profile_list_entries (TrellisClassroom  *classroom,
                              TrellisLearner    *learner,
                              GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (TRELLIS_IS_CLASSROOM (classroom), NULL);
  g_return_val_if_fail (TRELLIS_IS_LEARNER (learner), NULL);

  if (!_trellis_check_learner (classroom, learner, error))
    return NULL;

  stmt = trellis_classroom_prepare (classroom,
                                    "SELECT " ENTRY_COLUMNS " FROM profile_entries e "
                                    "WHERE e.learner_id = ?1 "
                                    "ORDER BY CASE e.kind WHEN 'interest' THEN 0 WHEN 'strength' THEN 1 "
                                    "  WHEN 'preference' THEN 2 WHEN 'experience' THEN 3 ELSE 4 END, "
                                    "  e.position, e.id",
                                    error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, trellis_learner_get_id (learner));

  return collect_rows (classroom, stmt, entry_from_row, (GDestroyNotify)trellis_profile_entry_free, error);
}

gint64
trellis_profile_add_entry (TrellisClassroom    *classroom,
                           TrellisLearner      *learner,
                           TrellisProfileKind   kind,
                           const char          *text,
                           GError             **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *clean = NULL;
  g_autofree char *today = NULL;
  g_autofree char *now = NULL;
  gint64 id;

  g_return_val_if_fail (TRELLIS_IS_CLASSROOM (classroom), 0);
  g_return_val_if_fail (TRELLIS_IS_LEARNER (learner), 0);
  g_return_val_if_fail ((guint)kind < TRELLIS_PROFILE_N_KINDS, 0);

  if (!_trellis_check_learner (classroom, learner, error) ||
      (clean = normalize_required (text, _("A profile entry needs some text"), error)) == NULL)
    return 0;

  today = trellis_classroom_today (classroom);
  now = trellis_classroom_timestamp (classroom);

  stmt = trellis_classroom_prepare (classroom,
                                    "INSERT INTO profile_entries (learner_id, kind, text, position, revisited_on, created_at) "
                                    "VALUES (?1, ?2, ?3, (SELECT coalesce (max (position) + 1, 0) FROM profile_entries "
                                    "                     WHERE learner_id = ?1 AND kind = ?2), ?4, ?5)",
                                    error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, trellis_learner_get_id (learner));
  sqlite3_bind_text (stmt, 2, kind_names[kind], -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, clean, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, today, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, now, -1, SQLITE_TRANSIENT);
  if (!trellis_classroom_step (classroom, stmt, error))
    return 0;

  id = sqlite3_last_insert_rowid (trellis_classroom_get_db (classroom));
  return id;
}

/**
 * trellis_profile_update_entry:
 *
 * Changes an entry's text.  Editing an entry is revisiting it: its
 * revisited date becomes today.
 */
gboolean
trellis_profile_update_entry (TrellisClassroom  *classroom,
                              gint64             entry_id,
                              const char        *text,
                              GError           **error)
{
  g_autoptr(TrellisProfileEntry) entry = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *clean = NULL;
  g_autofree char *today = NULL;

  g_return_val_if_fail (TRELLIS_IS_CLASSROOM (classroom), FALSE);

  if ((clean = normalize_required (text, _("A profile entry needs some text"), error)) == NULL ||
      (entry = lookup_entry (classroom, entry_id, error)) == NULL)
    return FALSE;

  today = trellis_classroom_today (classroom);
  stmt = trellis_classroom_prepare (classroom,
                                    "UPDATE profile_entries SET text = ?1, revisited_on = ?2 WHERE id = ?3",
                                    error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, clean, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, today, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, entry_id);

  return trellis_classroom_step (classroom, stmt, error);
}

gboolean
trellis_profile_mark_entry_revisited (TrellisClassroom  *classroom,
                                      gint64             entry_id,
                                      GError           **error)
{
  g_autoptr(TrellisProfileEntry) entry = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *today = NULL;

  g_return_val_if_fail (TRELLIS_IS_CLASSROOM (classroom), FALSE);

  if ((entry = lookup_entry (classroom, entry_id, error)) == NULL)
    return FALSE;

  today = trellis_classroom_today (classroom);
  stmt = trellis_classroom_prepare (classroom, "UPDATE profile_entries SET revisited_on = ?1 WHERE id = ?2", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, today, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, entry_id);

  return trellis_classroom_step (classroom, stmt, error);
}

/**
 * trellis_profile_mark_revisited:
 *
 * Marks every entry of the learner's profile revisited today (after going
 * through the profile with the learner and finding it still true).
 */
gboolean
trellis_profile_mark_revisited (TrellisClassroom  *classroom,
                                TrellisLearner    *learner,
                                GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *today = NULL;

  g_return_val_if_fail (TRELLIS_IS_CLASSROOM (classroom), FALSE);
  g_return_val_if_fail (TRELLIS_IS_LEARNER (learner), FALSE);

  if (!_trellis_check_learner (classroom, learner, error))
    return FALSE;

  today = trellis_classroom_today (classroom);
  stmt = trellis_classroom_prepare (classroom, "UPDATE profile_entries SET revisited_on = ?1 WHERE learner_id = ?2",
                                    error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, today, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, trellis_learner_get_id (learner));

  return trellis_classroom_step (classroom, stmt, error);
}

/* The ids of @entry's kind for its learner, in order. */
static GArray *
dup_kind_ids (TrellisClassroom     *classroom,
              TrellisProfileEntry  *entry,
              GError              **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;

  stmt = trellis_classroom_prepare (classroom,
                                    "SELECT id FROM profile_entries WHERE learner_id = ?1 AND kind = ?2 "
                                    "ORDER BY position, id",
                                    error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, entry->learner_id);
  sqlite3_bind_text (stmt, 2, kind_names[entry->kind], -1, SQLITE_STATIC);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }

  if (rc != SQLITE_DONE)
    {
      trellis_classroom_set_db_error (classroom, rc, error);
      return NULL;
    }

  return g_steal_pointer (&ids);
}

static gboolean
write_entry_positions (TrellisClassroom  *classroom,
                       GArray            *ids,
                       GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = trellis_classroom_prepare (classroom, "UPDATE profile_entries SET position = ?1 WHERE id = ?2", error);
  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; i < ids->len; i++)
    {
      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, i);
      sqlite3_bind_int64 (stmt, 2, g_array_index (ids, gint64, i));
      if (!trellis_classroom_step (classroom, stmt, error))
        return FALSE;
    }

  return TRUE;
}

/**
 * trellis_profile_move_entry:
 * @new_position: the entry's place among the entries of its kind
 *
 * Reorders an entry within its kind (one transaction).
 */
gboolean
trellis_profile_move_entry (TrellisClassroom  *classroom,
                            gint64             entry_id,
                            guint              new_position,
                            GError           **error)
{
  g_autoptr(TrellisProfileEntry) entry = NULL;
  g_autoptr(GArray) ids = NULL;
  gboolean written;
  guint old_position = 0;

  g_return_val_if_fail (TRELLIS_IS_CLASSROOM (classroom), FALSE);

  if ((entry = lookup_entry (classroom, entry_id, error)) == NULL)
    return FALSE;

  if (!trellis_classroom_begin (classroom, error))
    return FALSE;

  ids = dup_kind_ids (classroom, entry, error);
  written = ids != NULL;
  if (written && new_position >= ids->len)
    written = _trellis_set_invalid (error, _("The profile entry cannot move past the end of its list"));

  if (written)
    {
      for (guint i = 0; i < ids->len; i++)
        if (g_array_index (ids, gint64, i) == entry_id)
          old_position = i;
      g_array_remove_index (ids, old_position);
      g_array_insert_val (ids, new_position, entry_id);
      written = write_entry_positions (classroom, ids, error);
    }

  return _trellis_finish_edit (classroom, written, error);
}

gboolean
trellis_profile_delete_entry (TrellisClassroom  *classroom,
                              gint64             entry_id,
                              GError           **error)
{
  g_autoptr(TrellisProfileEntry) entry = NULL;

  g_return_val_if_fail (TRELLIS_IS_CLASSROOM (classroom), FALSE);

  if ((entry = lookup_entry (classroom, entry_id, error)) == NULL)
    return FALSE;

  return write_by_id (classroom, "DELETE FROM profile_entries WHERE id = ?1", entry_id,
                      _("The profile entry no longer exists"), error);
}

gboolean
trellis_profile_restore_entry (TrellisClassroom           *classroom,
                               const TrellisProfileEntry  *entry,
                               GError                    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autofree char *now = NULL;
  TrellisLearner *learner;
  gboolean written;

  g_return_val_if_fail (TRELLIS_IS_CLASSROOM (classroom), FALSE);
  g_return_val_if_fail (entry != NULL, FALSE);

  learner = trellis_classroom_lookup_learner (classroom, entry->learner_id);
  if (learner == NULL)
    return _trellis_set_not_found (error, _("The learner is no longer in this classroom"));

  now = trellis_classroom_timestamp (classroom);
  if (!trellis_classroom_begin (classroom, error))
    return FALSE;

  stmt = trellis_classroom_prepare (classroom,
                                    "INSERT INTO profile_entries (id, learner_id, kind, text, position, revisited_on, created_at) "
                                    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                                    error);
  written = stmt != NULL;
  if (written)
    {
      sqlite3_bind_int64 (stmt, 1, entry->id);
      sqlite3_bind_int64 (stmt, 2, entry->learner_id);
      sqlite3_bind_text (stmt, 3, kind_names[entry->kind], -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, entry->text, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (stmt, 5, entry->position);
      sqlite3_bind_text (stmt, 6, entry->revisited_on, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 7, now, -1, SQLITE_TRANSIENT);
      written = trellis_classroom_step (classroom, stmt, error);
    }

  /* Put it back at its place: before the entry that now holds its position. */
  if (written)
    {
      TrellisProfileEntry key = *entry;

      ids = dup_kind_ids (classroom, &key, error);
      written = ids != NULL;
    }
  if (written)
    {
      guint at = 0;

      for (guint i = 0; i < ids->len; i++)
        if (g_array_index (ids, gint64, i) == entry->id)
          at = i;
      g_array_remove_index (ids, at);
      g_array_insert_val (ids, MIN ((guint)MAX (entry->position, 0), ids->len), entry->id);
      written = write_entry_positions (classroom, ids, error);
    }

  return _trellis_finish_edit (classroom, written, error);
}

/* ------------------------------------------------------------------ */
/* Staleness                                                           */

static gboolean
is_stale (TrellisClassroom *classroom,
          const char       *last_revisited,
          const char       *today)
{
  g_autofree char *limit = NULL;

  if (last_revisited == NULL)
    return TRUE;

  limit = date_add_days (today, -7 * (int)trellis_profile_get_stale_profile_weeks (classroom));
  return strcmp (last_revisited, limit) < 0;
}

gboolean
trellis_profile_get_freshness (TrellisClassroom         *classroom,
                               TrellisLearner           *learner,
                               TrellisProfileFreshness  *freshness,
                               GError                  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *today = NULL;
  int rc;

  g_return_val_if_fail (TRELLIS_IS_CLASSROOM (classroom), FALSE);
  g_return_val_if_fail (TRELLIS_IS_LEARNER (learner), FALSE);
  g_return_val_if_fail (freshness != NULL, FALSE);

  memset (freshness, 0, sizeof *freshness);
  if (!_trellis_check_learner (classroom, learner, error))
    return FALSE;

  stmt = trellis_classroom_prepare (classroom,
                                    "SELECT kind, max (revisited_on) FROM profile_entries "
                                    "WHERE learner_id = ?1 GROUP BY kind",
                                    error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, trellis_learner_get_id (learner));

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TrellisProfileKind kind;
      const char *date = (const char *)sqlite3_column_text (stmt, 1);

      if (!trellis_profile_kind_from_string ((const char *)sqlite3_column_text (stmt, 0), &kind))
        continue;

      freshness->last_revisited[kind] = g_strdup (date);
      if (freshness->last_revisited_any == NULL || g_strcmp0 (date, freshness->last_revisited_any) > 0)
        {
          g_free (freshness->last_revisited_any);
          freshness->last_revisited_any = g_strdup (date);
        }
    }

  if (rc != SQLITE_DONE)
    {
      trellis_profile_freshness_clear (freshness);
      trellis_classroom_set_db_error (classroom, rc, error);
      return FALSE;
    }

  today = trellis_classroom_today (classroom);
  freshness->stale = is_stale (classroom, freshness->last_revisited_any, today);
  return TRUE;
}

GPtrArray *
trellis_profile_list_stale_learners (TrellisClassroom  *classroom,
                                     GError           **error)
{
  g_autoptr(GPtrArray) stale = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) latest = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *today = NULL;
  GListModel *learners;
  int rc;

  g_return_val_if_fail (TRELLIS_IS_CLASSROOM (classroom), NULL);

  stmt = trellis_classroom_prepare (classroom,
                                    "SELECT learner_id, max (revisited_on) FROM profile_entries GROUP BY learner_id",
                                    error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_insert (latest, g_memdup2 (&(gint64) { sqlite3_column_int64 (stmt, 0) }, sizeof (gint64)),
                         _trellis_column_dup (stmt, 1));

  if (rc != SQLITE_DONE)
    {
      trellis_classroom_set_db_error (classroom, rc, error);
      return NULL;
    }

  today = trellis_classroom_today (classroom);
  learners = trellis_classroom_get_learners (classroom);
  for (guint i = 0; i < g_list_model_get_n_items (learners); i++)
    {
      g_autoptr(TrellisLearner) learner = g_list_model_get_item (learners, i);
      gint64 id = trellis_learner_get_id (learner);

      if (is_stale (classroom, g_hash_table_lookup (latest, &id), today))
        g_ptr_array_add (stale, g_object_ref (learner));
    }

  return g_steal_pointer (&stale);
}

/* ------------------------------------------------------------------ */
/* Goals                                                               */

#define GOAL_COLUMNS "g.id, g.learner_id, g.title, g.success_criteria, g.target_date, g.status, " \
                     "g.created_on, g.updated_on"

static gpointer
goal_from_row (sqlite3_stmt *stmt)
{
  TrellisGoal *goal = g_new0 (TrellisGoal, 1);
  TrellisGoalStatus status = TRELLIS_GOAL_STATUS_ACTIVE;

  goal->id = sqlite3_column_int64 (stmt, 0);
  goal->learner_id = sqlite3_column_int64 (stmt, 1);
  goal->title = _trellis_column_dup (stmt, 2);
  goal->success_criteria = _trellis_column_dup (stmt, 3);
  goal->target_date = _trellis_column_dup (stmt, 4);
  trellis_goal_status_from_string ((const char *)sqlite3_column_text (stmt, 5), &status);
  goal->status = status;
  goal->created_on = _trellis_column_dup (stmt, 6);
  goal->updated_on = _trellis_column_dup (stmt, 7);
  goal->skill_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  return goal;
}

static gboolean
load_goal_skills (TrellisClassroom  *classroom,
                  TrellisGoal       *goal,
                  GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = trellis_classroom_prepare (classroom,
                                    "SELECT s.id FROM goal_skills gs JOIN skills s ON s.id = gs.skill_id "
                                    "WHERE gs.goal_id = ?1 ORDER BY s.position, s.code",
                                    error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, goal->id);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (goal->skill_ids, id);
    }

  if (rc != SQLITE_DONE)
    {
      trellis_classroom_set_db_error (classroom, rc, error);
      return FALSE;
    }

  return TRUE;
}

/* A goal of a learner in the classroom (with skills), or NO_SUCH_ITEM. */
TrellisGoal *
trellis_profile_get_goal (TrellisClassroom  *classroom,
                          gint64             goal_id,
                          GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(TrellisGoal) goal = NULL;
  int rc;

  g_return_val_if_fail (TRELLIS_IS_CLASSROOM (classroom), NULL);

  stmt = trellis_classroom_prepare (classroom,
                                    "SELECT " GOAL_COLUMNS " FROM goals g JOIN learners l ON l.id = g.learner_id "
                                    "WHERE g.id = ?1 AND l.trashed = 0",
                                    error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, goal_id);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      _trellis_set_not_found (error, _("The goal no longer exists"));
      return NULL;
    }
  if (rc != SQLITE_ROW)
    {
      trellis_classroom_set_db_error (classroom, rc, error);
      return NULL;
    }

  goal = goal_from_row (stmt);
  if (!load_goal_skills (classroom, goal, error))
    return NULL;

  return g_steal_pointer (&goal);
}

GPtrArray *
trellis_profile_list_goals (TrellisClassroom  *classroom,
                            TrellisLearner    *learner,
                            GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) goals = NULL;

  g_return_val_if_fail (TRELLIS_IS_CLASSROOM (classroom), NULL);
  g_return_val_if_fail (TRELLIS_IS_LEARNER (learner), NULL);

  if (!_trellis_check_learner (classroom, learner, error))
    return NULL;

  stmt = trellis_classroom_prepare (classroom,
                                    "SELECT " GOAL_COLUMNS " FROM goals g WHERE g.learner_id = ?1 "
                                    "ORDER BY g.created_on DESC, g.id DESC",
                                    error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, trellis_learner_get_id (learner));

  goals = collect_rows (classroom, stmt, goal_from_row, (GDestroyNotify)trellis_goal_free, error);
  if (goals == NULL)
    return NULL;

  for (guint i = 0; i < goals->len; i++)
    if (!load_goal_skills (classroom, g_ptr_array_index (goals, i), error))
      return NULL;

  return g_steal_pointer (&goals);
}

gint64
trellis_profile_add_goal (TrellisClassroom  *classroom,
                          TrellisLearner    *learner,
                          const char        *title,
                          const char        *success_criteria,
                          const char        *target_date,
                          GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *clean_title = NULL;
  g_autofree char *clean_criteria = NULL;
  g_autofree char *clean_date = NULL;
  g_autofree char *today = NULL;

  g_return_val_if_fail (TRELLIS_IS_CLASSROOM (classroom), 0);
  g_return_val_if_fail (TRELLIS_IS_LEARNER (learner), 0);

  if (!_trellis_check_learner (classroom, learner, error) ||
      (clean_title = normalize_required (title, _("A goal needs a title"), error)) == NULL ||
      !_trellis_normalize_text (success_criteria, &clean_criteria, error) ||
      !normalize_date (target_date, &clean_date, error))
    return 0;

  today = trellis_classroom_today (classroom);
  stmt = trellis_classroom_prepare (classroom,
                                    "INSERT INTO goals (learner_id, title, success_criteria, target_date, status, "
                                    "created_on, updated_on) VALUES (?1, ?2, ?3, ?4, 'active', ?5, ?5)",
                                    error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, trellis_learner_get_id (learner));
  sqlite3_bind_text (stmt, 2, clean_title, -1, SQLITE_TRANSIENT);
  _trellis_bind_text_or_null (stmt, 3, clean_criteria);
  _trellis_bind_text_or_null (stmt, 4, clean_date);
  sqlite3_bind_text (stmt, 5, today, -1, SQLITE_TRANSIENT);
  if (!trellis_classroom_step (classroom, stmt, error))
    return 0;

  return sqlite3_last_insert_rowid (trellis_classroom_get_db (classroom));
}

gboolean
trellis_profile_update_goal (TrellisClassroom  *classroom,
                             gint64             goal_id,
                             const char        *title,
                             const char        *success_criteria,
                             const char        *target_date,
                             GError           **error)
{
  g_autoptr(TrellisGoal) goal = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *clean_title = NULL;
  g_autofree char *clean_criteria = NULL;
  g_autofree char *clean_date = NULL;
  g_autofree char *today = NULL;

  g_return_val_if_fail (TRELLIS_IS_CLASSROOM (classroom), FALSE);

  if ((clean_title = normalize_required (title, _("A goal needs a title"), error)) == NULL ||
      !_trellis_normalize_text (success_criteria, &clean_criteria, error) ||
      !normalize_date (target_date, &clean_date, error) ||
      (goal = trellis_profile_get_goal (classroom, goal_id, error)) == NULL)
    return FALSE;

  today = trellis_classroom_today (classroom);
  stmt = trellis_classroom_prepare (classroom,
                                    "UPDATE goals SET title = ?1, success_criteria = ?2, target_date = ?3, "
                                    "updated_on = ?4 WHERE id = ?5",
                                    error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, clean_title, -1, SQLITE_TRANSIENT);
  _trellis_bind_text_or_null (stmt, 2, clean_criteria);
  _trellis_bind_text_or_null (stmt, 3, clean_date);
  sqlite3_bind_text (stmt, 4, today, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 5, goal_id);

  return trellis_classroom_step (classroom, stmt, error);
}

/*
 * Writes one goal change and its revision row, without a transaction of
 * its own.  @learner_id, when not 0, is the learner the goal must belong to.
 */
static gboolean write_goal_skills (TrellisClassroom  *classroom,
                                   gint64             goal_id,
                                   const gint64      *skill_ids,
                                   guint              n_skill_ids,
                                   GError           **error);

static gboolean
write_goal_change (TrellisClassroom         *classroom,
                   gint64                    learner_id,
                   const TrellisGoalChange  *change,
                   GError                  **error)
{
  g_autoptr(TrellisGoal) goal = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *title = NULL;
  g_autofree char *criteria = NULL;
  g_autofree char *date = NULL;
  g_autofree char *reason = NULL;
  g_autofree char *today = NULL;
  gboolean revise;

  if ((guint)change->status >= G_N_ELEMENTS (status_names))
    return _trellis_set_invalid (error, _("The goal status is not valid"));

  if ((goal = trellis_profile_get_goal (classroom, change->goal_id, error)) == NULL)
    return FALSE;

  if (learner_id != 0 && goal->learner_id != learner_id)
    return _trellis_set_invalid (error, _("The goal belongs to another learner"));

  if (!_trellis_normalize_text (change->title, &title, error) ||
      !_trellis_normalize_text (change->success_criteria, &criteria, error) ||
      !normalize_date (change->target_date, &date, error) ||
      !_trellis_normalize_text (change->reason, &reason, error))
    return FALSE;

  if (change->title != NULL && title == NULL)
    return _trellis_set_invalid (error, _("A goal needs a title"));

  if (change->set_skills &&
      !write_goal_skills (classroom, goal->id, change->skill_ids, change->n_skill_ids, error))
    return FALSE;

  revise = title != NULL || criteria != NULL || date != NULL;
  if (!revise && change->status == goal->status)
    return TRUE;

  today = trellis_classroom_today (classroom);
  stmt = trellis_classroom_prepare (classroom,
                                    "INSERT INTO goal_revisions (goal_id, changed_on, old_title, "
                                    "old_success_criteria, old_target_date, old_status, new_status, reason) "
                                    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                                    error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, goal->id);
  sqlite3_bind_text (stmt, 2, today, -1, SQLITE_TRANSIENT);
  _trellis_bind_text_or_null (stmt, 3, title != NULL && g_strcmp0 (title, goal->title) != 0 ? goal->title : NULL);
  _trellis_bind_text_or_null (stmt, 4, criteria != NULL && g_strcmp0 (criteria, goal->success_criteria) != 0
                              ? goal->success_criteria : NULL);
  _trellis_bind_text_or_null (stmt, 5,
                              date != NULL && g_strcmp0 (date, goal->target_date) != 0 ? goal->target_date : NULL);
  sqlite3_bind_text (stmt, 6, status_names[goal->status], -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, status_names[change->status], -1, SQLITE_STATIC);
  _trellis_bind_text_or_null (stmt, 8, reason);
  if (!trellis_classroom_step (classroom, stmt, error))
    return FALSE;
  g_clear_pointer (&stmt, sqlite3_finalize);

  stmt = trellis_classroom_prepare (classroom,
                                    "UPDATE goals SET title = coalesce (?1, title), "
                                    "success_criteria = coalesce (?2, success_criteria), "
                                    "target_date = coalesce (?3, target_date), status = ?4, updated_on = ?5 "
                                    "WHERE id = ?6",
                                    error);
  if (stmt == NULL)
    return FALSE;
  _trellis_bind_text_or_null (stmt, 1, title);
  _trellis_bind_text_or_null (stmt, 2, criteria);
  _trellis_bind_text_or_null (stmt, 3, date);
  sqlite3_bind_text (stmt, 4, status_names[change->status], -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, today, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 6, goal->id);

  return trellis_classroom_step (classroom, stmt, error);
}

static gboolean
change_goal (TrellisClassroom         *classroom,
             const TrellisGoalChange  *change,
             GError                  **error)
{
  if (!trellis_classroom_begin (classroom, error))
    return FALSE;

  return _trellis_finish_edit (classroom, write_goal_change (classroom, 0, change, error), error);
}

gboolean
trellis_profile_set_goal_status (TrellisClassroom   *classroom,
                                 gint64              goal_id,
                                 TrellisGoalStatus   status,
                                 const char         *reason,
                                 GError            **error)
{
  TrellisGoalChange change = { goal_id, status, NULL, NULL, NULL, reason };

  g_return_val_if_fail (TRELLIS_IS_CLASSROOM (classroom), FALSE);

  return change_goal (classroom, &change, error);
}

gboolean
trellis_profile_revise_goal (TrellisClassroom  *classroom,
                             gint64             goal_id,
                             const char        *title,
                             const char        *success_criteria,
                             const char        *target_date,
                             const char        *reason,
                             GError           **error)
{
  TrellisGoalChange change = {
    goal_id, TRELLIS_GOAL_STATUS_REVISED, title, success_criteria, target_date, reason
  };

  g_return_val_if_fail (TRELLIS_IS_CLASSROOM (classroom), FALSE);

  return change_goal (classroom, &change, error);
}

/* Replaces the goal's skills, without a transaction of its own. */
static gboolean
write_goal_skills (TrellisClassroom  *classroom,
                   gint64             goal_id,
                   const gint64      *skill_ids,
                   guint              n_skill_ids,
                   GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  for (guint i = 0; i < n_skill_ids; i++)
    if (trellis_classroom_lookup_skill (classroom, skill_ids[i]) == NULL)
      return _trellis_set_not_found (error, _("The skill is no longer in this classroom"));

  stmt = trellis_classroom_prepare (classroom, "DELETE FROM goal_skills WHERE goal_id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, goal_id);
  if (!trellis_classroom_step (classroom, stmt, error))
    return FALSE;
  g_clear_pointer (&stmt, sqlite3_finalize);

  stmt = trellis_classroom_prepare (classroom,
                                    "INSERT OR IGNORE INTO goal_skills (goal_id, skill_id) VALUES (?1, ?2)",
                                    error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < n_skill_ids; i++)
    {
      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, goal_id);
      sqlite3_bind_int64 (stmt, 2, skill_ids[i]);
      if (!trellis_classroom_step (classroom, stmt, error))
        return FALSE;
    }

  return TRUE;
}

gboolean
trellis_profile_set_goal_skills (TrellisClassroom  *classroom,
                                 gint64             goal_id,
                                 const gint64      *skill_ids,
                                 guint              n_skill_ids,
                                 GError           **error)
{
  g_autoptr(TrellisGoal) goal = NULL;
  gboolean written;

  g_return_val_if_fail (TRELLIS_IS_CLASSROOM (classroom), FALSE);
  g_return_val_if_fail (n_skill_ids == 0 || skill_ids != NULL, FALSE);

  if ((goal = trellis_profile_get_goal (classroom, goal_id, error)) == NULL)
    return FALSE;

  for (guint i = 0; i < n_skill_ids; i++)
    if (trellis_classroom_lookup_skill (classroom, skill_ids[i]) == NULL)
      return _trellis_set_not_found (error, _("The skill is no longer in this classroom"));

  if (!trellis_classroom_begin (classroom, error))
    return FALSE;

  written = write_goal_skills (classroom, goal_id, skill_ids, n_skill_ids, error);

  return _trellis_finish_edit (classroom, written, error);
}

gboolean
trellis_profile_delete_goal (TrellisClassroom  *classroom,
                             gint64             goal_id,
                             GError           **error)
{
  g_autoptr(TrellisGoal) goal = NULL;

  g_return_val_if_fail (TRELLIS_IS_CLASSROOM (classroom), FALSE);

  if ((goal = trellis_profile_get_goal (classroom, goal_id, error)) == NULL)
    return FALSE;

  return write_by_id (classroom, "DELETE FROM goals WHERE id = ?1", goal_id,
                      _("The goal no longer exists"), error);
}

static gpointer
revision_from_row (sqlite3_stmt *stmt)
{
  TrellisGoalRevision *revision = g_new0 (TrellisGoalRevision, 1);
  TrellisGoalStatus status;

  revision->id = sqlite3_column_int64 (stmt, 0);
  revision->goal_id = sqlite3_column_int64 (stmt, 1);
  revision->changed_on = _trellis_column_dup (stmt, 2);
  revision->old_title = _trellis_column_dup (stmt, 3);
  revision->old_success_criteria = _trellis_column_dup (stmt, 4);
  revision->old_target_date = _trellis_column_dup (stmt, 5);
  status = TRELLIS_GOAL_STATUS_ACTIVE;
  trellis_goal_status_from_string ((const char *)sqlite3_column_text (stmt, 6), &status);
  revision->old_status = status;
  trellis_goal_status_from_string ((const char *)sqlite3_column_text (stmt, 7), &status);
  revision->new_status = status;
  revision->reason = _trellis_column_dup (stmt, 8);

  return revision;
}

GPtrArray *
trellis_profile_list_goal_revisions (TrellisClassroom  *classroom,
                                     gint64             goal_id,
                                     GError           **error)
{
  g_autoptr(TrellisGoal) goal = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (TRELLIS_IS_CLASSROOM (classroom), NULL);

  if ((goal = trellis_profile_get_goal (classroom, goal_id, error)) == NULL)
    return NULL;

  stmt = trellis_classroom_prepare (classroom,
                                    "SELECT id, goal_id, changed_on, old_title, old_success_criteria, "
                                    "old_target_date, old_status, new_status, reason FROM goal_revisions "
                                    "WHERE goal_id = ?1 ORDER BY changed_on, id",
                                    error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, goal_id);

  return collect_rows (classroom, stmt, revision_from_row, (GDestroyNotify)trellis_goal_revision_free, error);
}

/* ------------------------------------------------------------------ */
/* Reflections                                                         */

#define REFLECTION_COLUMNS "r.id, r.learner_id, r.written_on, r.text, r.author, r.goal_id, r.node_id, " \
                           "r.conference_id"

static gpointer
reflection_from_row (sqlite3_stmt *stmt)
{
  TrellisReflection *reflection = g_new0 (TrellisReflection, 1);

  reflection->id = sqlite3_column_int64 (stmt, 0);
  reflection->learner_id = sqlite3_column_int64 (stmt, 1);
  reflection->written_on = _trellis_column_dup (stmt, 2);
  reflection->text = _trellis_column_dup (stmt, 3);
  reflection->author = g_strcmp0 ((const char *)sqlite3_column_text (stmt, 4), "teacher") == 0
                       ? TRELLIS_REFLECTION_AUTHOR_TEACHER : TRELLIS_REFLECTION_AUTHOR_LEARNER;
  reflection->goal_id = sqlite3_column_int64 (stmt, 5);
  reflection->node_id = sqlite3_column_int64 (stmt, 6);
  reflection->conference_id = sqlite3_column_int64 (stmt, 7);

  return reflection;
}

GPtrArray *
trellis_profile_list_reflections (TrellisClassroom  *classroom,
                                  TrellisLearner    *learner,
                                  guint              limit,
                                  GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (TRELLIS_IS_CLASSROOM (classroom), NULL);
  g_return_val_if_fail (TRELLIS_IS_LEARNER (learner), NULL);

  if (!_trellis_check_learner (classroom, learner, error))
    return NULL;

  stmt = trellis_classroom_prepare (classroom,
                                    "SELECT " REFLECTION_COLUMNS " FROM reflections r WHERE r.learner_id = ?1 "
                                    "ORDER BY r.written_on DESC, r.id DESC LIMIT ?2",
                                    error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, trellis_learner_get_id (learner));
  sqlite3_bind_int64 (stmt, 2, limit > 0 ? (gint64)limit : -1);

  return collect_rows (classroom, stmt, reflection_from_row, (GDestroyNotify)trellis_reflection_free, error);
}

/* Whether row @id of @table exists with learner_id @learner_id (or, for nodes, at all). */
static gboolean
check_link (TrellisClassroom  *classroom,
            const char        *sql,
            gint64             id,
            gint64             learner_id,
            const char        *message,
            GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (id <= 0)
    return TRUE;

  stmt = trellis_classroom_prepare (classroom, sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_bind_parameter_count (stmt) >= 2)
    sqlite3_bind_int64 (stmt, 2, learner_id);

  if (sqlite3_step (stmt) != SQLITE_ROW)
    return _trellis_set_invalid (error, message);

  return TRUE;
}

/* Inserts a reflection without a transaction of its own. */
static gint64
write_reflection (TrellisClassroom         *classroom,
                  gint64                    learner_id,
                  TrellisReflectionAuthor   author,
                  const char               *text,
                  const char               *written_on,
                  gint64                    goal_id,
                  gint64                    node_id,
                  gint64                    conference_id,
                  GError                  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *clean = NULL;
  g_autofree char *date = NULL;

  if ((guint)author >= G_N_ELEMENTS (author_names))
    {
      _trellis_set_invalid (error, _("A reflection is written by the learner or the teacher"));
      return 0;
    }

  if ((clean = normalize_required (text, _("A reflection needs some text"), error)) == NULL ||
      !normalize_date (written_on, &date, error))
    return 0;

  if (!check_link (classroom, "SELECT 1 FROM goals WHERE id = ?1 AND learner_id = ?2", goal_id, learner_id,
                   _("The reflection’s goal is not one of this learner’s goals"), error) ||
      !check_link (classroom, "SELECT 1 FROM nodes WHERE id = ?1", node_id, learner_id,
                   _("The reflection’s activity is not in this classroom"), error) ||
      !check_link (classroom, "SELECT 1 FROM conferences WHERE id = ?1 AND learner_id = ?2", conference_id,
                   learner_id, _("The reflection’s conference is not one of this learner’s"), error))
    return 0;

  if (date == NULL)
    date = trellis_classroom_today (classroom);

  stmt = trellis_classroom_prepare (classroom,
                                    "INSERT INTO reflections (learner_id, written_on, text, author, goal_id, node_id, "
                                    "conference_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                                    error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, learner_id);
  sqlite3_bind_text (stmt, 2, date, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, clean, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, author_names[author], -1, SQLITE_STATIC);
  _trellis_bind_id_or_null (stmt, 5, goal_id);
  _trellis_bind_id_or_null (stmt, 6, node_id);
  _trellis_bind_id_or_null (stmt, 7, conference_id);
  if (!trellis_classroom_step (classroom, stmt, error))
    return 0;

  return sqlite3_last_insert_rowid (trellis_classroom_get_db (classroom));
}

gint64
trellis_profile_add_reflection (TrellisClassroom         *classroom,
                                TrellisLearner           *learner,
                                TrellisReflectionAuthor   author,
                                const char               *text,
                                const char               *written_on,
                                gint64                    goal_id,
                                gint64                    node_id,
                                gint64                    conference_id,
                                GError                  **error)
{
  gint64 id;

  g_return_val_if_fail (TRELLIS_IS_CLASSROOM (classroom), 0);
  g_return_val_if_fail (TRELLIS_IS_LEARNER (learner), 0);

  if (!_trellis_check_learner (classroom, learner, error) || !trellis_classroom_begin (classroom, error))
    return 0;

  id = write_reflection (classroom, trellis_learner_get_id (learner), author, text, written_on,
                         goal_id, node_id, conference_id, error);

  return _trellis_finish_edit (classroom, id != 0, error) ? id : 0;
}

static gboolean
check_reflection (TrellisClassroom  *classroom,
                  gint64             reflection_id,
                  GError           **error)
{
  const char *message = _("The reflection no longer exists");
  g_autoptr(GError) local_error = NULL;

  if (reflection_id > 0 &&
      check_link (classroom,
                  "SELECT 1 FROM reflections r JOIN learners l ON l.id = r.learner_id "
                  "WHERE r.id = ?1 AND l.trashed = 0",
                  reflection_id, 0, message, &local_error))
    return TRUE;

  return _trellis_set_not_found (error, message);
}

gboolean
trellis_profile_update_reflection (TrellisClassroom  *classroom,
                                   gint64             reflection_id,
                                   const char        *text,
                                   GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *clean = NULL;

  g_return_val_if_fail (TRELLIS_IS_CLASSROOM (classroom), FALSE);

  if ((clean = normalize_required (text, _("A reflection needs some text"), error)) == NULL ||
      !check_reflection (classroom, reflection_id, error))
    return FALSE;

  stmt = trellis_classroom_prepare (classroom, "UPDATE reflections SET text = ?1 WHERE id = ?2", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, clean, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, reflection_id);

  return trellis_classroom_step (classroom, stmt, error);
}

gboolean
trellis_profile_delete_reflection (TrellisClassroom  *classroom,
                                   gint64             reflection_id,
                                   GError           **error)
{
  g_return_val_if_fail (TRELLIS_IS_CLASSROOM (classroom), FALSE);

  if (!check_reflection (classroom, reflection_id, error))
    return FALSE;

  return write_by_id (classroom, "DELETE FROM reflections WHERE id = ?1", reflection_id,
                      _("The reflection no longer exists"), error);
}

/* ------------------------------------------------------------------ */
/* Conferences                                                         */

#define CONFERENCE_COLUMNS "c.id, c.learner_id, c.held_on, c.notes, c.next_steps, c.duration_seconds"

static gpointer
conference_from_row (sqlite3_stmt *stmt)
{
  TrellisConference *conference = g_new0 (TrellisConference, 1);

  conference->id = sqlite3_column_int64 (stmt, 0);
  conference->learner_id = sqlite3_column_int64 (stmt, 1);
  conference->held_on = _trellis_column_dup (stmt, 2);
  conference->notes = _trellis_column_dup (stmt, 3);
  conference->next_steps = _trellis_column_dup (stmt, 4);
  conference->duration_seconds = sqlite3_column_type (stmt, 5) == SQLITE_NULL
                                 ? -1 : (int)CLAMP (sqlite3_column_int64 (stmt, 5), 0, G_MAXINT);

  return conference;
}

/**
 * trellis_profile_save_conference:
 *
 * Saves one dated conference record: the notes and next steps, every goal
 * change and the reflection (tied to the conference), all in one
 * transaction.  If anything is refused nothing is written.
 *
 * Returns: the new conference's id, or 0 on error
 */
gint64
trellis_profile_save_conference (TrellisClassroom               *classroom,
                                 TrellisLearner                 *learner,
                                 const TrellisConferenceRecord  *record,
                                 GError                        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *notes = NULL;
  g_autofree char *next_steps = NULL;
  g_autofree char *held_on = NULL;
  g_autofree char *reflection = NULL;
  gint64 learner_id;
  gint64 id = 0;
  gboolean written;

  g_return_val_if_fail (TRELLIS_IS_CLASSROOM (classroom), 0);
  g_return_val_if_fail (TRELLIS_IS_LEARNER (learner), 0);
  g_return_val_if_fail (record != NULL, 0);
  g_return_val_if_fail (record->n_goal_changes == 0 || record->goal_changes != NULL, 0);

  if (!_trellis_check_learner (classroom, learner, error) ||
      !_trellis_normalize_text (record->notes, &notes, error) ||
      !_trellis_normalize_text (record->next_steps, &next_steps, error) ||
      !_trellis_normalize_text (record->reflection, &reflection, error) ||
      !normalize_date (record->held_on, &held_on, error))
    return 0;

  if (held_on == NULL)
    held_on = trellis_classroom_today (classroom);
  learner_id = trellis_learner_get_id (learner);

  if (!trellis_classroom_begin (classroom, error))
    return 0;

  stmt = trellis_classroom_prepare (classroom,
                                    "INSERT INTO conferences (learner_id, held_on, notes, next_steps, duration_seconds) "
                                    "VALUES (?1, ?2, ?3, ?4, ?5)",
                                    error);
  written = stmt != NULL;
  if (written)
    {
      sqlite3_bind_int64 (stmt, 1, learner_id);
      sqlite3_bind_text (stmt, 2, held_on, -1, SQLITE_TRANSIENT);
      _trellis_bind_text_or_null (stmt, 3, notes);
      _trellis_bind_text_or_null (stmt, 4, next_steps);
      if (record->duration_seconds >= 0)
        sqlite3_bind_int (stmt, 5, record->duration_seconds);
      else
        sqlite3_bind_null (stmt, 5);
      written = trellis_classroom_step (classroom, stmt, error);
      id = sqlite3_last_insert_rowid (trellis_classroom_get_db (classroom));
    }

  for (guint i = 0; written && i < record->n_goal_changes; i++)
    written = write_goal_change (classroom, learner_id, &record->goal_changes[i], error);

  if (written && reflection != NULL)
    written = write_reflection (classroom, learner_id, record->reflection_author, reflection, held_on,
                                record->reflection_goal_id, record->reflection_node_id, id, error) != 0;

  return _trellis_finish_edit (classroom, written, error) ? id : 0;
}

gboolean
trellis_profile_delete_conference (TrellisClassroom  *classroom,
                                   gint64             conference_id,
                                   GError           **error)
{
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (TRELLIS_IS_CLASSROOM (classroom), FALSE);

  if (!check_link (classroom,
                   "SELECT 1 FROM conferences c JOIN learners l ON l.id = c.learner_id "
                   "WHERE c.id = ?1 AND l.trashed = 0",
                   conference_id, 0, _("The conference no longer exists"), &local_error) ||
      conference_id <= 0)
    return _trellis_set_not_found (error, _("The conference no longer exists"));

  return write_by_id (classroom, "DELETE FROM conferences WHERE id = ?1", conference_id,
                      _("The conference no longer exists"), error);
}

GPtrArray *
trellis_profile_list_conferences (TrellisClassroom  *classroom,
                                  TrellisLearner    *learner,
                                  GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (TRELLIS_IS_CLASSROOM (classroom), NULL);
  g_return_val_if_fail (TRELLIS_IS_LEARNER (learner), NULL);

  if (!_trellis_check_learner (classroom, learner, error))
    return NULL;

  stmt = trellis_classroom_prepare (classroom,
                                    "SELECT " CONFERENCE_COLUMNS " FROM conferences c WHERE c.learner_id = ?1 "
                                    "ORDER BY c.held_on DESC, c.id DESC",
                                    error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, trellis_learner_get_id (learner));

  return collect_rows (classroom, stmt, conference_from_row, (GDestroyNotify)trellis_conference_free, error);
}

TrellisConference *
trellis_profile_get_latest_conference (TrellisClassroom  *classroom,
                                       TrellisLearner    *learner,
                                       GError           **error)
{
  g_autoptr(GPtrArray) conferences = NULL;

  g_return_val_if_fail (TRELLIS_IS_CLASSROOM (classroom), NULL);
  g_return_val_if_fail (TRELLIS_IS_LEARNER (learner), NULL);

  conferences = trellis_profile_list_conferences (classroom, learner, error);
  if (conferences == NULL)
    return NULL;

  if (conferences->len == 0)
    {
      g_set_error (error, TRELLIS_CLASSROOM_ERROR, TRELLIS_CLASSROOM_ERROR_NO_SUCH_ITEM,
                   _("%s has had no conference yet"), trellis_learner_get_name (learner));
      return NULL;
    }

  return g_ptr_array_steal_index (conferences, 0);
}

GPtrArray *
trellis_profile_list_conference_reflections (TrellisClassroom  *classroom,
                                             gint64             conference_id,
                                             GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (TRELLIS_IS_CLASSROOM (classroom), NULL);

  stmt = trellis_classroom_prepare (classroom,
                                    "SELECT " REFLECTION_COLUMNS " FROM reflections r WHERE r.conference_id = ?1 "
                                    "ORDER BY r.written_on, r.id",
                                    error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, conference_id);

  return collect_rows (classroom, stmt, reflection_from_row, (GDestroyNotify)trellis_reflection_free, error);
}

char *
trellis_profile_next_conference_due (TrellisClassroom  *classroom,
                                     TrellisLearner    *learner,
                                     GError           **error)
{
  g_autoptr(TrellisConference) latest = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (TRELLIS_IS_CLASSROOM (classroom), NULL);
  g_return_val_if_fail (TRELLIS_IS_LEARNER (learner), NULL);

  latest = trellis_profile_get_latest_conference (classroom, learner, &local_error);
  if (latest == NULL)
    {
      if (g_error_matches (local_error, TRELLIS_CLASSROOM_ERROR, TRELLIS_CLASSROOM_ERROR_NO_SUCH_ITEM) &&
          _trellis_check_learner (classroom, learner, NULL))
        return trellis_classroom_today (classroom);

      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  return date_add_days (latest->held_on, (int)trellis_profile_get_conference_cadence_days (classroom));
}

gboolean
trellis_profile_count_learner_data (TrellisClassroom          *classroom,
                                    TrellisLearner            *learner,
                                    TrellisLearnerDataCounts  *counts,
                                    GError                   **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (TRELLIS_IS_CLASSROOM (classroom), FALSE);
  g_return_val_if_fail (TRELLIS_IS_LEARNER (learner), FALSE);
  g_return_val_if_fail (counts != NULL, FALSE);

  memset (counts, 0, sizeof *counts);

  stmt = trellis_classroom_prepare (classroom,
                                    "SELECT"
                                    " (SELECT count(*) FROM profile_entries WHERE learner_id = ?1),"
                                    " (SELECT count(*) FROM goals WHERE learner_id = ?1),"
                                    " (SELECT count(*) FROM reflections WHERE learner_id = ?1),"
                                    " (SELECT count(*) FROM conferences WHERE learner_id = ?1),"
                                    " (SELECT count(*) FROM evidence WHERE learner_id = ?1),"
                                    " (SELECT count(*) FROM progress WHERE learner_id = ?1)",
                                    error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, trellis_learner_get_id (learner));

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      trellis_classroom_set_db_error (classroom, rc, error);
      return FALSE;
    }

  counts->n_entries = (guint) sqlite3_column_int64 (stmt, 0);
  counts->n_goals = (guint) sqlite3_column_int64 (stmt, 1);
  counts->n_reflections = (guint) sqlite3_column_int64 (stmt, 2);
  counts->n_conferences = (guint) sqlite3_column_int64 (stmt, 3);
  counts->n_evidence = (guint) sqlite3_column_int64 (stmt, 4);
  counts->n_progress = (guint) sqlite3_column_int64 (stmt, 5);

  return TRUE;
}

/* trellis-profile.h
 *
 * Copyright 2026 The Trellis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "trellis-classroom.h"

G_BEGIN_DECLS

/*
 * A learner's record beyond scores: profile entries, goals with their
 * revisions, reflections and conferences, and the learner's own fields.
 * Every edit is one transaction; errors are in TRELLIS_CLASSROOM_ERROR.
 * Records are returned as plain structures, copies of the rows: the views
 * reload them after an edit.  Dates are YYYY-MM-DD text.
 */

/* The nicks are the `kind` texts of the `profile_entries` table. */
typedef enum
{
  TRELLIS_PROFILE_KIND_INTEREST,
  TRELLIS_PROFILE_KIND_STRENGTH,
  TRELLIS_PROFILE_KIND_PREFERENCE,
  TRELLIS_PROFILE_KIND_EXPERIENCE,
  TRELLIS_PROFILE_KIND_NEED,
} TrellisProfileKind;

#define TRELLIS_PROFILE_N_KINDS 5

typedef enum
{
  TRELLIS_GOAL_STATUS_ACTIVE,
  TRELLIS_GOAL_STATUS_MET,
  TRELLIS_GOAL_STATUS_REVISED,
  TRELLIS_GOAL_STATUS_DROPPED,
} TrellisGoalStatus;

typedef enum
{
  TRELLIS_REFLECTION_AUTHOR_LEARNER,
  TRELLIS_REFLECTION_AUTHOR_TEACHER,
} TrellisReflectionAuthor;

const char *trellis_profile_kind_to_string        (TrellisProfileKind       kind);
gboolean    trellis_profile_kind_from_string      (const char              *text,
                                                   TrellisProfileKind      *kind);
/* "Interests", "Strengths", …, translated. */
const char *trellis_profile_kind_get_label        (TrellisProfileKind       kind);
const char *trellis_goal_status_to_string         (TrellisGoalStatus        status);
gboolean    trellis_goal_status_from_string       (const char              *text,
                                                   TrellisGoalStatus       *status);
/* "Active", "Met", …, translated. */
const char *trellis_goal_status_get_label         (TrellisGoalStatus        status);
const char *trellis_reflection_author_to_string   (TrellisReflectionAuthor  author);

typedef struct
{
  gint64              id;
  gint64              learner_id;
  TrellisProfileKind  kind;
  char               *text;
  int                 position;
  char               *revisited_on;
} TrellisProfileEntry;

typedef struct
{
  gint64             id;
  gint64             learner_id;
  char              *title;
  char              *success_criteria;  /* nullable */
  char              *target_date;       /* nullable */
  TrellisGoalStatus  status;
  char              *created_on;
  char              *updated_on;
  GArray            *skill_ids;         /* gint64, by skill position */
} TrellisGoal;

typedef struct
{
  gint64             id;
  gint64             goal_id;
  char              *changed_on;
  char              *old_title;             /* NULL when unchanged */
  char              *old_success_criteria;
  char              *old_target_date;
  TrellisGoalStatus  old_status;
  TrellisGoalStatus  new_status;
  char              *reason;                /* nullable */
} TrellisGoalRevision;

typedef struct
{
  gint64                   id;
  gint64                   learner_id;
  char                    *written_on;
  char                    *text;
  TrellisReflectionAuthor  author;
  gint64                   goal_id;        /* 0: none */
  gint64                   node_id;        /* 0: none */
  gint64                   conference_id;  /* 0: none */
} TrellisReflection;

typedef struct
{
  gint64  id;
  gint64  learner_id;
  char   *held_on;
  char   *notes;             /* nullable */
  char   *next_steps;        /* nullable */
  int     duration_seconds;  /* -1: not timed */
} TrellisConference;

void trellis_profile_entry_free    (TrellisProfileEntry *entry);
void trellis_goal_free             (TrellisGoal         *goal);
void trellis_goal_revision_free    (TrellisGoalRevision *revision);
void trellis_reflection_free       (TrellisReflection   *reflection);
void trellis_conference_free       (TrellisConference   *conference);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TrellisProfileEntry, trellis_profile_entry_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TrellisGoal, trellis_goal_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TrellisGoalRevision, trellis_goal_revision_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TrellisReflection, trellis_reflection_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TrellisConference, trellis_conference_free)

/*
 * Classroom preferences the profile uses (columns of `classroom`).  A
 * change emits TrellisClassroom::preferences-changed, detailed with
 * "conference-cadence-days", "stale-profile-weeks" or "class-minutes-per-week".
 */
guint      trellis_profile_get_conference_cadence_days (TrellisClassroom  *classroom);
gboolean   trellis_profile_set_conference_cadence_days (TrellisClassroom  *classroom,
                                                        guint              days,
                                                        GError           **error);
guint      trellis_profile_get_stale_profile_weeks     (TrellisClassroom  *classroom);
gboolean   trellis_profile_set_stale_profile_weeks     (TrellisClassroom  *classroom,
                                                        guint              weeks,
                                                        GError           **error);
/* Minutes of class time a week, for pacing (default 225). */
guint      trellis_profile_get_class_minutes_per_week  (TrellisClassroom  *classroom);
gboolean   trellis_profile_set_class_minutes_per_week  (TrellisClassroom  *classroom,
                                                        guint              minutes,
                                                        GError           **error);

/* The learner's own fields; the TrellisLearner is updated too.  Empty text clears. */
gboolean   trellis_profile_set_preferred_name  (TrellisClassroom    *classroom,
                                                TrellisLearner      *learner,
                                                const char          *preferred_name,
                                                GError             **error);
gboolean   trellis_profile_set_pronouns        (TrellisClassroom    *classroom,
                                                TrellisLearner      *learner,
                                                const char          *pronouns,
                                                GError             **error);
gboolean   trellis_profile_set_sis_id          (TrellisClassroom    *classroom,
                                                TrellisLearner      *learner,
                                                const char          *sis_id,
                                                GError             **error);
gboolean   trellis_profile_set_self_regulation (TrellisClassroom    *classroom,
                                                TrellisLearner      *learner,
                                                guint                level,
                                                GError             **error);
/* What a self-regulation level changes, in one translated sentence. */
const char *trellis_profile_describe_self_regulation (guint level);

/* Profile entries: by kind in the order above, then by position. */
GPtrArray *trellis_profile_list_entries        (TrellisClassroom    *classroom,
                                                TrellisLearner      *learner,
                                                GError             **error);
gint64     trellis_profile_add_entry           (TrellisClassroom    *classroom,
                                                TrellisLearner      *learner,
                                                TrellisProfileKind   kind,
                                                const char          *text,
                                                GError             **error);
gboolean   trellis_profile_update_entry        (TrellisClassroom    *classroom,
                                                gint64               entry_id,
                                                const char          *text,
                                                GError             **error);
gboolean   trellis_profile_mark_entry_revisited (TrellisClassroom   *classroom,
                                                gint64               entry_id,
                                                GError             **error);
gboolean   trellis_profile_mark_revisited      (TrellisClassroom    *classroom,
                                                TrellisLearner      *learner,
                                                GError             **error);
gboolean   trellis_profile_move_entry          (TrellisClassroom    *classroom,
                                                gint64               entry_id,
                                                guint                new_position,
                                                GError             **error);
gboolean   trellis_profile_delete_entry        (TrellisClassroom    *classroom,
                                                gint64               entry_id,
                                                GError             **error);
/* Undo of a deletion: puts @entry back as it was (same id, place and date). */
gboolean   trellis_profile_restore_entry       (TrellisClassroom    *classroom,
                                                const TrellisProfileEntry *entry,
                                                GError             **error);

/*
 * Staleness: the latest revisited date per kind (NULL: no entries of the
 * kind) and over the whole profile.  A profile is stale when it was not
 * revisited in the classroom's stale_profile_weeks, or has no entries.
 */
typedef struct
{
  char     *last_revisited[TRELLIS_PROFILE_N_KINDS];
  char     *last_revisited_any;
  gboolean  stale;
} TrellisProfileFreshness;

void       trellis_profile_freshness_clear     (TrellisProfileFreshness *freshness);
gboolean   trellis_profile_get_freshness       (TrellisClassroom    *classroom,
                                                TrellisLearner      *learner,
                                                TrellisProfileFreshness *freshness,
                                                GError             **error);
/* The learners (TrellisLearner, in list order) whose profile is stale. */
GPtrArray *trellis_profile_list_stale_learners (TrellisClassroom    *classroom,
                                                GError             **error);

/* Goals, newest first; with their skills. */
GPtrArray *trellis_profile_list_goals          (TrellisClassroom    *classroom,
                                                TrellisLearner      *learner,
                                                GError             **error);
TrellisGoal *trellis_profile_get_goal          (TrellisClassroom    *classroom,
                                                gint64               goal_id,
                                                GError             **error);
gint64     trellis_profile_add_goal            (TrellisClassroom    *classroom,
                                                TrellisLearner      *learner,
                                                const char          *title,
                                                const char          *success_criteria,
                                                const char          *target_date,
                                                GError             **error);
/* Corrects the text of a goal in place (no revision: editing, not revising). */
gboolean   trellis_profile_update_goal         (TrellisClassroom    *classroom,
                                                gint64               goal_id,
                                                const char          *title,
                                                const char          *success_criteria,
                                                const char          *target_date,
                                                GError             **error);
/* Marks a goal met, dropped or active again, with a revision row carrying @reason. */
gboolean   trellis_profile_set_goal_status     (TrellisClassroom    *classroom,
                                                gint64               goal_id,
                                                TrellisGoalStatus    status,
                                                const char          *reason,
                                                GError             **error);
/*
 * Revises a goal: new title, success criteria or target date (NULL keeps
 * one), status "revised", and a revision row with the old text and @reason.
 */
gboolean   trellis_profile_revise_goal         (TrellisClassroom    *classroom,
                                                gint64               goal_id,
                                                const char          *title,
                                                const char          *success_criteria,
                                                const char          *target_date,
                                                const char          *reason,
                                                GError             **error);
gboolean   trellis_profile_set_goal_skills     (TrellisClassroom    *classroom,
                                                gint64               goal_id,
                                                const gint64        *skill_ids,
                                                guint                n_skill_ids,
                                                GError             **error);
gboolean   trellis_profile_delete_goal         (TrellisClassroom    *classroom,
                                                gint64               goal_id,
                                                GError             **error);
/* The goal's history, oldest first. */
GPtrArray *trellis_profile_list_goal_revisions (TrellisClassroom    *classroom,
                                                gint64               goal_id,
                                                GError             **error);

/* Reflections, newest first; @limit 0 for all. */
GPtrArray *trellis_profile_list_reflections    (TrellisClassroom    *classroom,
                                                TrellisLearner      *learner,
                                                guint                limit,
                                                GError             **error);
/* @written_on NULL: today; @goal_id, @node_id, @conference_id 0: none. */
gint64     trellis_profile_add_reflection      (TrellisClassroom    *classroom,
                                                TrellisLearner      *learner,
                                                TrellisReflectionAuthor author,
                                                const char          *text,
                                                const char          *written_on,
                                                gint64               goal_id,
                                                gint64               node_id,
                                                gint64               conference_id,
                                                GError             **error);
gboolean   trellis_profile_update_reflection   (TrellisClassroom    *classroom,
                                                gint64               reflection_id,
                                                const char          *text,
                                                GError             **error);
gboolean   trellis_profile_delete_reflection   (TrellisClassroom    *classroom,
                                                gint64               reflection_id,
                                                GError             **error);

/*
 * A change to one goal agreed in a conference: @status with @reason; when
 * any of @title, @success_criteria, @target_date is set the goal is
 * revised (its old text kept in the revision row).  With @set_skills the
 * goal's skills become @skill_ids (no revision: linking is not revising);
 * keep @status the goal's own to change only its skills.
 */
typedef struct
{
  gint64             goal_id;
  TrellisGoalStatus  status;
  const char        *title;
  const char        *success_criteria;
  const char        *target_date;
  const char        *reason;
  gboolean           set_skills;
  const gint64      *skill_ids;
  guint              n_skill_ids;
} TrellisGoalChange;

/* Everything written in one conference. */
typedef struct
{
  const char              *held_on;           /* NULL: today */
  const char              *notes;
  const char              *next_steps;
  int                      duration_seconds;  /* < 0: not timed */
  const TrellisGoalChange *goal_changes;
  guint                    n_goal_changes;
  const char              *reflection;        /* NULL or empty: none */
  TrellisReflectionAuthor  reflection_author;
  gint64                   reflection_goal_id; /* 0: none */
  gint64                   reflection_node_id; /* 0: none; a milestone, say */
} TrellisConferenceRecord;

/* Saves a conference, its goal changes and its reflection in one transaction. */
gint64     trellis_profile_save_conference     (TrellisClassroom    *classroom,
                                                TrellisLearner      *learner,
                                                const TrellisConferenceRecord *record,
                                                GError             **error);
gboolean   trellis_profile_delete_conference   (TrellisClassroom    *classroom,
                                                gint64               conference_id,
                                                GError             **error);
/* Conference history, newest first. */
GPtrArray *trellis_profile_list_conferences    (TrellisClassroom    *classroom,
                                                TrellisLearner      *learner,
                                                GError             **error);
/* The latest conference; %TRELLIS_CLASSROOM_ERROR_NO_SUCH_ITEM if none. */
TrellisConference *trellis_profile_get_latest_conference (TrellisClassroom *classroom,
                                                          TrellisLearner   *learner,
                                                          GError          **error);
/* The reflections recorded in a conference, oldest first. */
GPtrArray *trellis_profile_list_conference_reflections (TrellisClassroom *classroom,
                                                        gint64            conference_id,
                                                        GError          **error);
/*
 * When the next conference is due: the latest one plus the classroom's
 * cadence, or today for a learner who has had none.
 */
char      *trellis_profile_next_conference_due (TrellisClassroom    *classroom,
                                                TrellisLearner      *learner,
                                                GError             **error);

/* What deleting a learner deletes, counted for the confirmation. */
typedef struct
{
  guint n_entries;
  guint n_goals;
  guint n_reflections;
  guint n_conferences;
  guint n_evidence;
  guint n_progress;
} TrellisLearnerDataCounts;

gboolean   trellis_profile_count_learner_data  (TrellisClassroom    *classroom,
                                                TrellisLearner      *learner,
                                                TrellisLearnerDataCounts *counts,
                                                GError             **error);

G_END_DECLS

/* trellis-recommender.h
 *
 * Copyright 2026 The Trellis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "trellis-classroom.h"

G_BEGIN_DECLS

/*
 * The recommender: explained suggestions the teacher accepts, dismisses or
 * snoozes (DESIGN.md principles 1, 6, 7, 8).  It only suggests; nothing
 * here changes a learner's path.  Suggestions are computed from what the
 * classroom file holds (mastery states, progress, conferences, profiles,
 * goals and past decisions), never from engagement or time on task.
 *
 * trellis_recommender_compute() is the pure function; TrellisRecommender
 * keeps the current suggestions of one classroom and updates only what an
 * evidence edit can change.
 */

#define TRELLIS_RECOMMENDER_ERROR (trellis_recommender_error_quark ())

/* How long a snooze lasts when no date is given. */
#define TRELLIS_RECOMMENDER_SNOOZE_DAYS 7

typedef enum
{
  TRELLIS_RECOMMENDER_ERROR_INVALID,
} TrellisRecommenderError;

/* In order of urgency: the sidebar and the CLI show kinds in this order. */
typedef enum
{
  TRELLIS_SUGGESTION_BEHIND_MILESTONE,
  TRELLIS_SUGGESTION_NEEDS_HELP,
  TRELLIS_SUGGESTION_SMALL_GROUP,
  TRELLIS_SUGGESTION_GOAL_OVERDUE,
  TRELLIS_SUGGESTION_CONFERENCE_DUE,
  TRELLIS_SUGGESTION_EQUITY,
  TRELLIS_SUGGESTION_PEER_PAIR,
  TRELLIS_SUGGESTION_READY_FOR_MORE,
  TRELLIS_SUGGESTION_PROFILE_STALE,
  TRELLIS_SUGGESTION_N_KINDS
} TrellisSuggestionKind;

typedef enum
{
  TRELLIS_DECISION_NONE,
  TRELLIS_DECISION_ACCEPTED,
  TRELLIS_DECISION_DISMISSED,
  TRELLIS_DECISION_SNOOZED,
} TrellisDecision;

typedef struct
{
  gint64  id;
  char   *name;
} TrellisSuggestionLearner;

/**
 * TrellisSuggestion:
 * @kind: what kind of suggestion
 * @key: identifies the suggestion (kind and target) across recomputes
 * @learners: (element-type TrellisSuggestionLearner): who, most urgent first
 * @skill_id: the skill, or 0
 * @skill_code: (nullable): its code
 * @skill_name: (nullable): its name
 * @node_id: the playlist node, or 0
 * @node_title: (nullable): its title
 * @reason: one translated sentence with the names and numbers
 * @evidence: the evidence behind it (counts, probabilities, dates)
 * @evidence_hash: a digest of the evidence that decides whether a dismissed
 *   suggestion returns
 * @confidence: in [0, 1]
 * @urgency: orders suggestions of one kind (higher first)
 * @recommendation_id: in history: the `recommendations` row, else 0
 * @decision: in history: the decision, else %TRELLIS_DECISION_NONE
 * @decision_reason: (nullable): the teacher's reason
 * @decided_at: (nullable): when (UTC timestamp)
 * @snoozed_until: (nullable): a snoozed suggestion returns on this date
 *
 * Read-only for users; reference counted.
 */
typedef struct
{
  TrellisSuggestionKind  kind;
  char                  *key;
  GArray                *learners;
  gint64                 skill_id;
  char                  *skill_code;
  char                  *skill_name;
  gint64                 node_id;
  char                  *node_title;
  char                  *reason;
  JsonObject            *evidence;
  char                  *evidence_hash;
  double                 confidence;
  double                 urgency;

  gint64                 recommendation_id;
  TrellisDecision        decision;
  char                  *decision_reason;
  char                  *decided_at;
  char                  *snoozed_until;

  /*< private >*/
  gatomicrefcount        ref_count;
} TrellisSuggestion;

#define TRELLIS_TYPE_SUGGESTION (trellis_suggestion_get_type ())

GType              trellis_suggestion_get_type          (void) G_GNUC_CONST;
TrellisSuggestion *trellis_suggestion_ref               (TrellisSuggestion      *self);
void               trellis_suggestion_unref             (TrellisSuggestion      *self);
/* "needs_help", "small_group", … as stored in the file and printed by the CLI */
const char        *trellis_suggestion_kind_to_string    (TrellisSuggestionKind   kind);
gboolean           trellis_suggestion_kind_from_string  (const char             *string,
                                                         TrellisSuggestionKind  *kind);
/* A translated heading for a kind ("Needs help") */
const char        *trellis_suggestion_kind_get_title    (TrellisSuggestionKind   kind);
const char        *trellis_decision_to_string           (TrellisDecision         decision);
/* The evidence object as compact JSON text */
char              *trellis_suggestion_get_evidence_json (TrellisSuggestion      *self);
/* Whether two suggestions say the same (key, learners, reason, evidence, hash, confidence) */
gboolean           trellis_suggestion_equal             (TrellisSuggestion      *a,
                                                         TrellisSuggestion      *b);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TrellisSuggestion, trellis_suggestion_unref)

GQuark             trellis_recommender_error_quark      (void);

/*
 * All current suggestions: kinds in urgency order, most urgent first within
 * a kind; without those the teacher dismissed (until their evidence
 * changes), accepted (likewise) or snoozed (until the snooze ends).
 *
 * Returns: (transfer full) (element-type TrellisSuggestion): or %NULL on error
 */
GPtrArray         *trellis_recommender_compute          (TrellisClassroom       *classroom,
                                                         GError                **error);

/*
 * Decisions: each writes one `recommendations` row (with the reason,
 * the evidence and its hash) and its `recommendation_learners`, in one
 * transaction.  Accepting a small group creates a `groups` row of kind
 * small_group with its members; accepting a peer pair, one of kind pair.
 * @reason may be %NULL.  A snooze lasts until @until (YYYY-MM-DD), or
 * TRELLIS_RECOMMENDER_SNOOZE_DAYS from today when @until is %NULL.
 * Returns the new row's id, or 0 on error.
 */
gint64             trellis_recommender_accept           (TrellisClassroom       *classroom,
                                                         TrellisSuggestion      *suggestion,
                                                         const char             *reason,
                                                         GError                **error);
gint64             trellis_recommender_dismiss          (TrellisClassroom       *classroom,
                                                         TrellisSuggestion      *suggestion,
                                                         const char             *reason,
                                                         GError                **error);
gint64             trellis_recommender_snooze           (TrellisClassroom       *classroom,
                                                         TrellisSuggestion      *suggestion,
                                                         const char             *until,
                                                         const char             *reason,
                                                         GError                **error);

/*
 * Past decisions, newest first, as suggestions with @decision,
 * @decision_reason, @decided_at and @snoozed_until set.  @learner_id > 0
 * keeps those naming that learner.
 *
 * Returns: (transfer full) (element-type TrellisSuggestion): or %NULL on error
 */
GPtrArray         *trellis_recommender_history          (TrellisClassroom       *classroom,
                                                         gint64                  learner_id,
                                                         GError                **error);

/*
 * TrellisRecommender: the current suggestions of one classroom, for the
 * sidebar.  refresh() recomputes everything (after opening, after a
 * decision, after a refit, at midnight); evidence_changed() after one
 * evidence edit for (learner, skill) recomputes only what that can change:
 * the learner's needs_help and ready_for_more, the skill's small group (and
 * those of skills that have it as a prerequisite), its peer pairs, and the
 * equity check; progress_changed() after a progress or check-in edit
 * recomputes the learner's needs_help and behind_milestone.  The result
 * always equals a full recompute.
 *
 * ::changed (position, removed, added) says which part of the suggestion
 * array changed, as GListModel::items-changed would.
 */
#define TRELLIS_TYPE_RECOMMENDER (trellis_recommender_get_type ())

G_DECLARE_FINAL_TYPE (TrellisRecommender, trellis_recommender, TRELLIS, RECOMMENDER, GObject)

TrellisRecommender *trellis_recommender_new              (TrellisClassroom       *classroom);
TrellisClassroom   *trellis_recommender_get_classroom    (TrellisRecommender     *self);
gboolean            trellis_recommender_refresh          (TrellisRecommender     *self,
                                                          GError                **error);
gboolean            trellis_recommender_evidence_changed (TrellisRecommender     *self,
                                                          gint64                  learner_id,
                                                          gint64                  skill_id,
                                                          GError                **error);
gboolean            trellis_recommender_progress_changed (TrellisRecommender     *self,
                                                          gint64                  learner_id,
                                                          GError                **error);
/* (transfer none) (element-type TrellisSuggestion) */
GPtrArray          *trellis_recommender_get_suggestions  (TrellisRecommender     *self);

G_END_DECLS

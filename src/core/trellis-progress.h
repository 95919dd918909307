/* trellis-progress.h
 *
 * Copyright 2026 The Trellis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "trellis-bkt.h"
#include "trellis-classroom.h"

G_BEGIN_DECLS

/*
 * Progress per learner and node, the options learners choose in choice
 * groups, the choice-breadth rule, and who is behind a milestone.  Every
 * edit is one transaction; errors are in TRELLIS_CLASSROOM_ERROR.
 */

/* The nicks are the `status` texts of the `progress` table. */
typedef enum
{
  TRELLIS_PROGRESS_NOT_STARTED,
  TRELLIS_PROGRESS_IN_PROGRESS,
  TRELLIS_PROGRESS_SUBMITTED,
  TRELLIS_PROGRESS_COMPLETE,
  TRELLIS_PROGRESS_NEEDS_REVISION,
} TrellisProgressStatus;

const char *trellis_progress_status_to_string   (TrellisProgressStatus  status);
gboolean    trellis_progress_status_from_string (const char            *text,
                                                 TrellisProgressStatus *status);
/* "Not started", "In progress", …, translated. */
const char *trellis_progress_status_get_label   (TrellisProgressStatus  status);

typedef struct
{
  gint64                 learner_id;
  gint64                 node_id;
  TrellisProgressStatus  status;
  char                  *format;        /* nullable: the demonstration format chosen */
  char                  *checkin_on;    /* nullable */
  char                  *checkin_note;  /* nullable */
  char                  *updated_at;    /* NULL: never marked */
} TrellisProgress;

void trellis_progress_free (TrellisProgress *progress);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TrellisProgress, trellis_progress_free)

/* Which fields of a TrellisProgressUpdate to write. */
typedef enum
{
  TRELLIS_PROGRESS_FIELD_STATUS  = 1 << 0,
  TRELLIS_PROGRESS_FIELD_FORMAT  = 1 << 1,
  TRELLIS_PROGRESS_FIELD_CHECKIN = 1 << 2,  /* checkin_on and checkin_note */
} TrellisProgressFields;

typedef struct
{
  TrellisProgressFields  fields;
  TrellisProgressStatus  status;
  const char            *format;        /* NULL or empty clears */
  const char            *checkin_on;    /* YYYY-MM-DD; NULL clears */
  const char            *checkin_note;
} TrellisProgressUpdate;

/* Evidence recorded, with a progress mark, for each skill the node shows. */
typedef struct
{
  TrellisBktEvidenceKind  kind;
  double                  score;
  double                  max_score;   /* ignored for binary evidence */
  const char             *note;        /* nullable */
} TrellisProgressEvidence;

/* The learner's progress on @node; a "not started" record if never marked. */
TrellisProgress *trellis_progress_get        (TrellisClassroom              *classroom,
                                              TrellisLearner                *learner,
                                              TrellisNode                   *node,
                                              GError                       **error);
/* Every progress row of @learner on @playlist's nodes (TrellisProgress). */
GPtrArray       *trellis_progress_list       (TrellisClassroom              *classroom,
                                              TrellisLearner                *learner,
                                              TrellisPlaylist               *playlist,
                                              GError                       **error);
/*
 * Writes the fields of @update and, when @evidence is given, one piece of
 * evidence per skill of the node (feeding the mastery model), all in one
 * transaction.  Returns the number of evidence rows written through
 * @n_evidence (nullable).
 */
gboolean         trellis_progress_update     (TrellisClassroom              *classroom,
                                              TrellisLearner                *learner,
                                              TrellisNode                   *node,
                                              const TrellisProgressUpdate   *update,
                                              const TrellisProgressEvidence *evidence,
                                              guint                         *n_evidence,
                                              GError                       **error);
gboolean         trellis_progress_set_status (TrellisClassroom              *classroom,
                                              TrellisLearner                *learner,
                                              TrellisNode                   *node,
                                              TrellisProgressStatus          status,
                                              GError                       **error);
/*
 * Puts back @before, a record trellis_progress_get() read for @learner and
 * @node: its status, format, check-in and time.  A record of a node never
 * marked (no updated_at) removes the progress row, so that the node is
 * untouched again.  For undo.
 */
gboolean         trellis_progress_restore    (TrellisClassroom              *classroom,
                                              TrellisLearner                *learner,
                                              TrellisNode                   *node,
                                              const TrellisProgress         *before,
                                              GError                       **error);

/*
 * The choice-breadth rule (DESIGN.md principle 2), a pure function.
 * Given a learner's self-regulation level and a choice group's options in
 * order, sets @offered[i] for the options the learner is offered:
 *   level 1: the starter options the teacher marked, at most 2 (the first
 *            two options when none is marked);
 *   level 2: up to 3: starters first, then ordinary options, challenge
 *            options last, each in playlist order;
 *   level 3: every option.
 * A learner is never offered fewer options than the group's @choose_min
 * (topped up in the level-2 order), so the group can always be completed.
 * Levels outside 1…3 are clamped.  Returns how many are offered.
 */
typedef struct
{
  gboolean is_starter;
  gboolean is_challenge;
} TrellisChoiceOption;

guint            trellis_choice_breadth       (guint                      self_regulation,
                                               guint                      choose_min,
                                               const TrellisChoiceOption *options,
                                               guint                      n_options,
                                               gboolean                  *offered);
/* The most options a level offers (G_MAXUINT: all). */
guint            trellis_choice_breadth_limit (guint                      self_regulation);

/* The options of @group @learner is offered (TrellisNode, in order). */
GPtrArray       *trellis_progress_offered_options (TrellisClassroom     *classroom,
                                                   TrellisLearner       *learner,
                                                   TrellisNode          *group,
                                                   GError              **error);
/* The options of @group @learner chose (TrellisNode, in order). */
GPtrArray       *trellis_progress_get_choices     (TrellisClassroom     *classroom,
                                                   TrellisLearner       *learner,
                                                   TrellisNode          *group,
                                                   GError              **error);
/*
 * Replaces @learner's choice in @group by @options (options of the group,
 * between its min and max, no duplicates; none clears the choice).  The
 * teacher decides: an option beyond the learner's breadth is accepted.
 */
gboolean         trellis_progress_choose          (TrellisClassroom     *classroom,
                                                   TrellisLearner       *learner,
                                                   TrellisNode          *group,
                                                   TrellisNode         **options,
                                                   guint                 n_options,
                                                   GError              **error);

/* A learner past a milestone's target date without submitting or completing it. */
typedef struct
{
  TrellisLearner *learner;
  TrellisNode    *milestone;
  int             days_late;
} TrellisBehind;

void             trellis_behind_free              (TrellisBehind        *behind);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TrellisBehind, trellis_behind_free)

/*
 * Who is behind, on @playlist's milestones (or every playlist's, when
 * NULL), as of today: most days late first (TrellisBehind).
 */
GPtrArray       *trellis_progress_list_behind     (TrellisClassroom     *classroom,
                                                   TrellisPlaylist      *playlist,
                                                   GError              **error);

G_END_DECLS

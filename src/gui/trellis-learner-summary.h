/* trellis-learner-summary.h
 *
 * Copyright 2026 The Trellis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "trellis-classroom.h"

G_BEGIN_DECLS

/*
 * What the learner page and conference mode show about a learner's
 * learning, read from the classroom: the mastery model's state per skill
 * and where the learner is in each playlist.  Plain records, no GObject.
 */

typedef struct
{
  char   *skill;        /* the skill's name */
  char   *code;
  double  p_known;
  int     n_evidence;
  char   *explanation;  /* nullable: the model's plain sentence */
} TrellisMasterySummary;

typedef struct
{
  char   *playlist;
  char   *current;          /* NULL: every node done */
  guint   position;         /* 1-based position of @current */
  guint   n_nodes;
  guint   n_done;
  char   *next_milestone;   /* NULL: none left */
  char   *milestone_date;   /* nullable */
} TrellisPlaylistPosition;

void       trellis_mastery_summary_free            (TrellisMasterySummary  *summary);
void       trellis_playlist_position_free          (TrellisPlaylistPosition *position);

/* The learner's mastery per skill with evidence, in skill order. */
GPtrArray *trellis_learner_summary_list_mastery    (TrellisClassroom  *classroom,
                                                    TrellisLearner    *learner,
                                                    GError           **error);
/* How many pieces of evidence the learner has. */
gint64     trellis_learner_summary_count_evidence  (TrellisClassroom  *classroom,
                                                    TrellisLearner    *learner);
/* Where the learner stands in each playlist, in playlist order. */
GPtrArray *trellis_learner_summary_list_positions  (TrellisClassroom  *classroom,
                                                    TrellisLearner    *learner,
                                                    GError           **error);
/* A date (YYYY-MM-DD) for people: "12 September 2026"; a copy of @date if unparsable. */
char      *trellis_learner_summary_format_date     (const char        *date);

G_END_DECLS

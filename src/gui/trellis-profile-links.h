/* trellis-profile-links.h
 *
 * Copyright 2026 The Trellis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "trellis-classroom.h"
#include "trellis-profile.h"

G_BEGIN_DECLS

/*
 * What goals and reflections are linked to, in words, for the learner page
 * and conference mode: a goal's skills as codes, and what a reflection is
 * about (one of the learner's goals, or a milestone of a playlist).  Plain
 * records read from the classroom, no GObject.
 */

/* Something a reflection can be about: a goal or a milestone. */
typedef struct
{
  gint64  goal_id;  /* 0 for a milestone */
  gint64  node_id;  /* 0 for a goal */
  char   *label;    /* "Goal: Read 3 books", "Milestone: Museum day (Egypt)" */
} TrellisReflectionTarget;

void       trellis_reflection_target_free           (TrellisReflectionTarget *target);

/* The learner's goals (but dropped ones), then every playlist's milestones. */
GPtrArray *trellis_profile_links_list_targets       (TrellisClassroom        *classroom,
                                                     TrellisLearner          *learner,
                                                     GError                 **error);
/* "on goal: Read 3 books", "on milestone: Museum day", or NULL. */
char      *trellis_profile_links_describe_reflection (TrellisClassroom       *classroom,
                                                     const TrellisReflection *reflection);
/* "in the learner’s words" or "by the teacher". */
const char *trellis_profile_links_describe_author   (TrellisReflectionAuthor  author);
/* The skills' codes, comma-separated, in the order given; NULL for none. */
char      *trellis_profile_links_dup_skill_codes    (TrellisClassroom        *classroom,
                                                     GArray                  *skill_ids);

G_END_DECLS

/* trellis-profile-rows.h
 *
 * Copyright 2026 The Trellis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "trellis-classroom.h"
#include "trellis-profile.h"

G_BEGIN_DECLS

/*
 * The rows the learner page and conference mode both show, built the same
 * way in both places: a goal (title, status, target date, success
 * criteria, its linked skills and what the mastery model makes of them)
 * and a reflection (what was said, when, who wrote it and what it is
 * about).  The caller adds what it offers to do with a goal (a menu, a
 * "Mark Met" button) and any rows of its own under it.
 *
 * @mastery is the learner's TrellisMasterySummary list, or NULL.
 */

/* A dim, wrapped text row for an empty list, saying what to do. */
GtkWidget *trellis_profile_rows_new_placeholder (const char              *text);

/*
 * An AdwExpanderRow for @goal.  Its first row, returned in @progress_row
 * when not NULL, says for each linked skill what the evidence shows.
 */
GtkWidget *trellis_profile_rows_new_goal        (TrellisClassroom        *classroom,
                                                 const TrellisGoal       *goal,
                                                 GPtrArray               *mastery,
                                                 AdwActionRow           **progress_row);

/* An AdwActionRow for @reflection. */
GtkWidget *trellis_profile_rows_new_reflection  (TrellisClassroom        *classroom,
                                                 const TrellisReflection *reflection);

/*
 * The ids of the skills ticked among @checks (GtkCheckButtons with
 * "skill-id" data), in their order; NULL when @checks is NULL.
 */
GArray    *trellis_profile_rows_dup_checked_skills (GPtrArray            *checks);

/* Days from @date (YYYY-MM-DD) to the classroom's today; G_MININT when unparsable. */
int        trellis_profile_rows_days_since      (TrellisClassroom        *classroom,
                                                 const char              *date);

G_END_DECLS

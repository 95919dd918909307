/* trellis-print.h
 *
 * Copyright 2026 The Trellis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "trellis-classroom.h"

G_BEGIN_DECLS

/*
 * One-page printouts as PDF, laid out with cairo and pango so that the
 * core prints without a display (the command line, and the app through its
 * print dialog).  Pages are US Letter (8.5 × 11 in) with 0.6 in margins;
 * text that does not fit is wrapped, then ellipsized, then set smaller, so
 * every printout stays one page.  The file is written to a temporary file
 * beside @path and renamed, so a failure leaves nothing half-written.
 */

#define TRELLIS_PRINT_PAGE_WIDTH  612.0  /* points */
#define TRELLIS_PRINT_PAGE_HEIGHT 792.0

/* The learner's latest conference: goals, notes, next steps, reflection, mastery. */
gboolean trellis_print_conference   (TrellisClassroom  *classroom,
                                     TrellisLearner    *learner,
                                     const char        *path,
                                     GError           **error);
/* The learner's profile by kind with revisited dates, goals, recent reflections. */
gboolean trellis_print_profile      (TrellisClassroom  *classroom,
                                     TrellisLearner    *learner,
                                     const char        *path,
                                     GError           **error);
/*
 * A choice board: milestones as must-do boxes with dates, each choice
 * group's options as a grid, space for a name and choices.  With
 * @learner, only the options their choice breadth offers, their name and
 * the choices they made.
 */
gboolean trellis_print_choice_board (TrellisClassroom  *classroom,
                                     TrellisPlaylist   *playlist,
                                     TrellisLearner    *learner,
                                     const char        *path,
                                     GError           **error);

G_END_DECLS

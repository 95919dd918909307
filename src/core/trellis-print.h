/* trellis-print.h
 *
 * Copyright 2026 The Trellis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>

#include "trellis-classroom.h"

G_BEGIN_DECLS

/*
 * One-page printouts, laid out with cairo and pango so that the core prints
 * without a display (the command line, and the app through its print
 * dialog).  A TrellisPrintout holds what a page shows, read from the
 * classroom when it is made, and draws it on any cairo context at any page
 * size with 0.6 in margins; text that does not fit is wrapped, then
 * ellipsized, then set smaller, so every printout stays one page.  PDFs
 * are US Letter (8.5 × 11 in), written to a temporary file beside @path and
 * renamed, so a failure leaves nothing half-written.
 */

#define TRELLIS_PRINT_PAGE_WIDTH  612.0  /* points */
#define TRELLIS_PRINT_PAGE_HEIGHT 792.0

typedef struct _TrellisPrintout TrellisPrintout;

TrellisPrintout *trellis_printout_new_conference   (TrellisClassroom  *classroom,
                                                    TrellisLearner    *learner,
                                                    GError           **error);
TrellisPrintout *trellis_printout_new_profile      (TrellisClassroom  *classroom,
                                                    TrellisLearner    *learner,
                                                    GError           **error);
TrellisPrintout *trellis_printout_new_choice_board (TrellisClassroom  *classroom,
                                                    TrellisPlaylist   *playlist,
                                                    TrellisLearner    *learner,
                                                    GError           **error);
void             trellis_printout_free             (TrellisPrintout   *printout);
const char      *trellis_printout_get_title        (TrellisPrintout   *printout);
guint            trellis_printout_get_n_pages      (TrellisPrintout   *printout);
/* Draws on @cr in points, the page's top left corner at the origin. */
void             trellis_printout_draw_page        (TrellisPrintout   *printout,
                                                    cairo_t           *cr,
                                                    double             width,
                                                    double             height,
                                                    guint              page_nr);
gboolean         trellis_printout_write_pdf        (TrellisPrintout   *printout,
                                                    const char        *path,
                                                    GError           **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TrellisPrintout, trellis_printout_free)

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

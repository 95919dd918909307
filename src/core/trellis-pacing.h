/* trellis-pacing.h
 *
 * Copyright 2026 The Trellis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "trellis-classroom.h"

G_BEGIN_DECLS

/* The most weeks a pacing covers; items dated later count as outside. */
#define TRELLIS_PACING_MAX_WEEKS 104

/*
 * One node of a playlist, as the pacing sees it.  The options of a choice
 * group name their group by its index in the same array.
 */
typedef struct
{
  gint64           id;
  const char      *title;
  TrellisNodeKind  kind;
  /* For an option: the index of its choice group in the array; otherwise -1. */
  int              group;
  /* For a choice group: how many options every learner does (choose-min). */
  guint            choose_min;
  /* Estimated minutes, or -1 for none. */
  int              minutes;
  /* The suggested date, or a milestone's target date (YYYY-MM-DD); NULL for none. */
  const char      *date;
} TrellisPacingNode;

/* A node the pacing could not place in a week, or a milestone in a week. */
typedef struct
{
  gint64           id;
  char            *title;
  TrellisNodeKind  kind;
  /* YYYY-MM-DD, or NULL for an unscheduled node */
  char            *date;
  guint            minutes;
} TrellisPacingEntry;

typedef struct
{
  /* The week's Monday, YYYY-MM-DD */
  char      *monday;
  guint      planned_minutes;
  guint      available_minutes;
  gboolean   overloaded;
  /* How many nodes (or counted options) are planned in the week */
  guint      n_items;
  /* TrellisPacingEntry *: the milestones due in the week, by date */
  GPtrArray *milestones;
} TrellisPacingWeek;

typedef struct
{
  guint      class_minutes_per_week;
  /* The first and last day the weeks cover (YYYY-MM-DD), or NULL with no weeks */
  char      *first_day;
  char      *last_day;
  /* TRUE when the range comes from the unit's dates, FALSE when from the nodes' dates */
  gboolean   from_unit_dates;
  /* TrellisPacingWeek *, Monday-based, in order */
  GPtrArray *weeks;
  /* TrellisPacingEntry *: nodes without a date, and their minutes */
  GPtrArray *unscheduled;
  guint      unscheduled_minutes;
  /* TrellisPacingEntry *: nodes dated outside the unit, and their minutes */
  GPtrArray *outside;
  guint      outside_minutes;
  guint      n_overloaded;
} TrellisPacing;

TrellisPacing *trellis_pacing_compute              (const char              *unit_starts_on,
                                                    const char              *unit_ends_on,
                                                    const TrellisPacingNode *nodes,
                                                    guint                    n_nodes,
                                                    guint                    class_minutes_per_week);
TrellisPacing *trellis_pacing_compute_for_playlist (TrellisClassroom        *classroom,
                                                    TrellisPlaylist         *playlist,
                                                    guint                    class_minutes_per_week);
char          *trellis_pacing_format_day           (const char              *iso);
char          *trellis_pacing_describe_week        (const TrellisPacingWeek *week);
char          *trellis_pacing_describe             (const TrellisPacing     *pacing);
void           trellis_pacing_free                 (TrellisPacing           *pacing);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TrellisPacing, trellis_pacing_free)

G_END_DECLS

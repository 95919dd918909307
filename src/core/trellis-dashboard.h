/* trellis-dashboard.h
 *
 * Copyright 2026 The Trellis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "trellis-classroom.h"

G_BEGIN_DECLS

/*
 * The balanced class dashboard (issue 9): academic progress, pathway
 * completion, agency and goal-setting, computed in one read transaction
 * into a plain, immutable, reference-counted structure.  The GTK view, the
 * PDF page and `trellis-cli dashboard` all show these figures and captions.
 *
 * Every section has a plain-language caption ("18 of 24 on track for
 * “Museum day”"), already translated.
 */

/*
 * Mastery levels by probability known (the mastery engine) or by roll-up
 * score (the LMS-style alternative), both in [0, 1]:
 *   p < TRELLIS_DASHBOARD_DEVELOPING                    not yet
 *   TRELLIS_DASHBOARD_DEVELOPING ≤ p < _MASTERED        developing
 *   p ≥ TRELLIS_DASHBOARD_MASTERED                      mastered
 * A learner with no evidence on a skill is counted apart ("no evidence").
 */
#define TRELLIS_DASHBOARD_DEVELOPING 0.5
#define TRELLIS_DASHBOARD_MASTERED   0.8

/* Weight of the latest score in the decaying-average roll-up. */
#define TRELLIS_DASHBOARD_ROLLUP_WEIGHT 0.65

/* The "last 4 weeks" range: today and the 27 days before. */
#define TRELLIS_DASHBOARD_RECENT_DAYS 28

typedef enum
{
  TRELLIS_DASHBOARD_LEVEL_NONE,        /* no evidence */
  TRELLIS_DASHBOARD_LEVEL_NOT_YET,
  TRELLIS_DASHBOARD_LEVEL_DEVELOPING,
  TRELLIS_DASHBOARD_LEVEL_MASTERED,
  TRELLIS_DASHBOARD_N_LEVELS,
} TrellisDashboardLevel;

typedef enum
{
  TRELLIS_DASHBOARD_PACE_ON_TRACK,
  TRELLIS_DASHBOARD_PACE_BEHIND,
  TRELLIS_DASHBOARD_PACE_AHEAD,
} TrellisDashboardPace;

typedef enum
{
  TRELLIS_DASHBOARD_RANGE_UNIT,          /* a playlist's dates */
  TRELLIS_DASHBOARD_RANGE_LAST_4_WEEKS,  /* today and the 27 days before */
  TRELLIS_DASHBOARD_RANGE_TERM,          /* from the term's first day to today */
} TrellisDashboardRangeKind;

typedef struct
{
  TrellisDashboardRangeKind kind;
  /* UNIT: the playlist; 0 for the current unit (the playlist whose dates
   * hold today and that ends first; else the one that started last). */
  gint64      playlist_id;
  /* TERM: the first day (YYYY-MM-DD); NULL: the day the classroom was created. */
  const char *starts_on;
  /* Names become pseudonyms (see TrellisDashboardLearner.name). */
  gboolean    pseudonymize;
} TrellisDashboardRange;

/* One skill of the range: learners per level. */
typedef struct
{
  gint64  skill_id;
  char   *code;
  char   *name;
  guint   mastery[TRELLIS_DASHBOARD_N_LEVELS];  /* by the mastery engine's p_known */
  guint   rollup[TRELLIS_DASHBOARD_N_LEVELS];   /* by the decaying-average roll-up */
  char   *caption;         /* "12 of 24 mastered, 8 developing, 3 not yet, 1 without evidence" */
  char   *rollup_caption;  /* the same by the roll-up */
} TrellisDashboardSkill;

/* One learner: a compact strip over the skills of the range (same order). */
typedef struct
{
  gint64  learner_id;
  char   *name;            /* the name, or the pseudonym when pseudonymized */
  guint8 *levels;          /* TrellisDashboardLevel per skill, mastery engine */
  guint8 *rollup_levels;   /* TrellisDashboardLevel per skill, roll-up */
  double *p_known;         /* per skill; negative: no evidence */
  double *rollup_score;    /* per skill; negative: no evidence */
} TrellisDashboardLearner;

typedef struct
{
  gint64  playlist_id;
  char   *title;
  char   *starts_on;              /* nullable */
  char   *ends_on;                /* nullable */
  guint   n_milestones;           /* with a target date */
  guint   n_due;                  /* target date before the as-of day */
  guint   on_track;
  guint   behind;
  guint   ahead;
  guint8 *pace;                   /* TrellisDashboardPace per learner (dashboard order) */
  gint64  next_milestone_id;      /* 0: none */
  char   *next_milestone_title;   /* nullable */
  char   *next_milestone_date;    /* nullable */
  guint   next_checked_in;        /* learners checked in on the next milestone */
  char   *caption;                /* "18 of 24 on track for “Museum day”, 3 ahead, 3 behind" */
  char   *checkin_caption;        /* "5 of 24 checked in for “Museum day” (due 2026-03-20)" */
} TrellisDashboardPlaylist;

typedef struct
{
  gint64  administration_id;
  char   *administered_on;
  guint   n_respondents;
  double  mean;                   /* over all responses; NAN when none */
  double *item_means;             /* per item of the survey; NAN when nobody answered */
} TrellisDashboardAdministration;

typedef struct
{
  gint64  learner_id;
  char   *name;
  double  first;                  /* the learner's mean in their first administration in range */
  double  last;                   /* … and in their last one */
  double  change;                 /* last − first */
} TrellisDashboardAgencyChange;

typedef struct
{
  gint64      survey_id;
  char       *title;
  guint       n_items;
  gint64     *item_ids;
  char      **item_prompts;       /* NULL-terminated */
  int         scale_max;          /* the highest scale maximum of its items */
  GArray     *administrations;    /* TrellisDashboardAdministration, in date order, in range */
  GArray     *changes;            /* TrellisDashboardAgencyChange, learners with ≥ 2 administrations */
  guint       rose;
  guint       fell;
  guint       unchanged;
  char       *caption;            /* "Class mean rose from 2.6 to 3.1 of 4 over 2 surveys; …" */
} TrellisDashboardSurvey;

typedef struct
{
  guint  n_learners;
  guint  with_active_goal;        /* learners with at least one active goal (now) */
  guint  goals_set;               /* goals created in the period */
  guint  goals_met;               /* goals marked met in the period */
  guint  goals_revised;           /* goals revised or extended in the period */
  guint  conferences_held;        /* in the period */
  guint  learners_conferenced;    /* distinct learners conferenced in the period */
  guint  conferences_expected;    /* learners × days of the period ÷ cadence */
  guint  cadence_days;            /* classroom.conference_cadence_days */
  guint  learners_due;            /* no conference in the last cadence days (as of the as-of day) */
  guint  reflections;             /* written by learners in the period */
  guint  learners_reflecting;
  char  *goals_caption;           /* "15 of 24 learners have an active goal; 4 goals met, 3 revised" */
  char  *conferences_caption;     /* "9 conferences held (24 due at one every 21 days); 5 learners due now" */
  char  *reflections_caption;     /* "31 reflections written by 18 of 24 learners" */
} TrellisDashboardGoals;

typedef struct
{
  TrellisDashboardRangeKind  kind;
  gint64                     playlist_id;    /* UNIT: the unit shown; else 0 */
  char                      *starts_on;      /* the period, YYYY-MM-DD */
  char                      *ends_on;
  char                      *as_of;          /* min (today, ends_on): pace and "due" are judged here */
  gboolean                   pseudonymized;
  guint                      n_learners;

  GArray                    *skills;         /* TrellisDashboardSkill */
  GArray                    *learners;       /* TrellisDashboardLearner */
  GArray                    *playlists;      /* TrellisDashboardPlaylist */
  GArray                    *surveys;        /* TrellisDashboardSurvey */
  TrellisDashboardGoals      goals;

  char                      *range_caption;  /* "Ancient civilizations, 2026-02-02 to 2026-03-12" */
  char                      *progress_caption;
  char                      *pathway_caption;
  char                      *agency_caption;

  /*< private >*/
  gatomicrefcount            ref_count;
} TrellisDashboard;

#define TRELLIS_TYPE_DASHBOARD (trellis_dashboard_get_type ())

GType             trellis_dashboard_get_type        (void) G_GNUC_CONST;

TrellisDashboard *trellis_dashboard_compute         (TrellisClassroom             *classroom,
                                                     const TrellisDashboardRange  *range,
                                                     GError                      **error);
TrellisDashboard *trellis_dashboard_ref             (TrellisDashboard             *self);
void              trellis_dashboard_unref           (TrellisDashboard             *self);

const char       *trellis_dashboard_level_to_string (TrellisDashboardLevel         level);
const char       *trellis_dashboard_pace_to_string  (TrellisDashboardPace          pace);
const char       *trellis_dashboard_range_kind_to_string   (TrellisDashboardRangeKind  kind);
gboolean          trellis_dashboard_range_kind_from_string (const char                *str,
                                                            TrellisDashboardRangeKind *kind);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TrellisDashboard, trellis_dashboard_unref)

G_END_DECLS

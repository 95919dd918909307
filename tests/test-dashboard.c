/* test-dashboard.c
 *
 * Copyright 2026 The Trellis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "trellis-classroom.h"
#include "trellis-dashboard.h"
#include "trellis-sample.h"
#include "trellis-survey.h"
#include "trellis-test-utils.h"

/*
 * The dashboard on a small hand-built classroom whose figures are worked
 * out by hand below, the agency survey (entry, CSV import, malformed CSV),
 * and the sample classroom.
 */

typedef TrellisTestFixture Fixture;

/* Today is Monday 2026-03-02 (noon, local time). */
static GDateTime *
fixed_clock (gpointer user_data)
{
  return g_date_time_new_local (2026, 3, 2, 12, 0, 0);
}

/*
 * Learners (ids): 1 Ada (S1, pseudonym P-AAA), 2 Ben (S2), 3 Cy (S3),
 * 4 Dee (S4), 5 Eve (trashed: left out everywhere).
 * Skills: 1 S.A, 2 S.B, 3 S.C (by position).
 * Playlists: 1 "Unit One" 2026-02-16 … 2026-03-13 with S.A (its own) and
 * S.B (through node 10); 2 "Old Unit" 2026-01-05 … 2026-01-30 with S.C.
 * Milestones: 11 "M1" 02-23, 12 "Museum day" 03-06, 13 "Final" 03-13
 * (Unit One); 20 "Old M" 01-20 (Old Unit).
 */
static const char hand_sql[] =
  "UPDATE classroom SET created_at = '2026-01-05T08:00:00Z', conference_cadence_days = 14;"
  "INSERT INTO learners (id, name, sis_id, pseudonym, created_at, trashed) VALUES"
  " (1, 'Ada', 'S1', 'P-AAA', '2026-01-05T08:00:00Z', 0),"
  " (2, 'Ben', 'S2', NULL, '2026-01-05T08:00:00Z', 0),"
  " (3, 'Cy', 'S3', NULL, '2026-01-05T08:00:00Z', 0),"
  " (4, 'Dee', 'S4', NULL, '2026-01-05T08:00:00Z', 0),"
  " (5, 'Eve', 'S5', NULL, '2026-01-05T08:00:00Z', 1);"
  "INSERT INTO skills (id, code, name, position) VALUES"
  " (1, 'S.A', 'Skill A', 0), (2, 'S.B', 'Skill B', 1), (3, 'S.C', 'Skill C', 2);"
  "INSERT INTO playlists (id, title, starts_on, ends_on, position, uid, created_at) VALUES"
  " (1, 'Unit One', '2026-02-16', '2026-03-13', 0, 'pl-1', '2026-01-05T08:00:00Z'),"
  " (2, 'Old Unit', '2026-01-05', '2026-01-30', 1, 'pl-2', '2026-01-05T08:00:00Z');"
  "INSERT INTO playlist_skills VALUES (1, 1), (2, 3);"
  "INSERT INTO nodes (id, playlist_id, position, kind, uid, title, target_date) VALUES"
  " (10, 1, 0, 'activity', 'n10', 'Act', NULL),"
  " (11, 1, 1, 'milestone', 'n11', 'M1', '2026-02-23'),"
  " (12, 1, 2, 'milestone', 'n12', 'Museum day', '2026-03-06'),"
  " (13, 1, 3, 'milestone', 'n13', 'Final', '2026-03-13'),"
  " (20, 2, 0, 'milestone', 'n20', 'Old M', '2026-01-20');"
  "INSERT INTO node_skills VALUES (10, 2);"
  /*
   * Milestones reached (check-in date or complete):
   * Ada M1 + Museum day (ahead), Ben M1 (on track), Cy nothing (behind),
   * Dee M1 submitted with a check-in date (on track); Old M: Ada only.
   */
  "INSERT INTO progress (learner_id, node_id, status, checkin_on, updated_at) VALUES"
  " (1, 11, 'complete', '2026-02-23', 'x'), (1, 12, 'complete', '2026-03-02', 'x'),"
  " (2, 11, 'complete', '2026-02-23', 'x'), (2, 12, 'in_progress', NULL, 'x'),"
  " (3, 11, 'in_progress', NULL, 'x'),"
  " (4, 11, 'submitted', '2026-02-24', 'x'),"
  " (1, 20, 'complete', '2026-01-20', 'x');"
  /*
   * Mastery engine (p_known): S.A Ada 0.8 (mastered: the threshold is
   * inclusive), Ben 0.5 (developing), Cy 0.49 (not yet), Dee none;
   * S.B Ada 0.95, Ben 0.95 (mastered), Cy 0.2 (not yet), Dee 0.79
   * (developing); Eve (trashed) 0.9.
   */
  "INSERT INTO mastery_state (learner_id, skill_id, p_known, p_correct, n_evidence, updated_at) VALUES"
  " (1, 1, 0.8, 0.8, 2, 'x'), (2, 1, 0.5, 0.5, 2, 'x'), (3, 1, 0.49, 0.5, 2, 'x'),"
  " (1, 2, 0.95, 0.9, 1, 'x'), (2, 2, 0.95, 0.9, 1, 'x'), (3, 2, 0.2, 0.3, 1, 'x'),"
  " (4, 2, 0.79, 0.7, 1, 'x'), (5, 1, 0.9, 0.9, 1, 'x');"
  /*
   * Roll-up (decaying average, weight 0.65 on the latest):
   * S.A Ada 1, 1 → 1 (mastered); Ben 6/10, 0 → 0.35 × 0.6 = 0.21 (not
   * yet); Cy 0, 9/10 → 0.65 × 0.9 = 0.585 (developing); Dee 1 (mastered).
   * S.B Ada 7/10 → 0.7 (developing); Ben 1 (mastered); Dee 0 (not yet);
   * Cy none.  Eve's evidence is left out.
   */
  "INSERT INTO evidence (learner_id, skill_id, observed_at, kind, score, max_score) VALUES"
  " (1, 1, '2026-02-17T10:00:00Z', 'binary', 1, NULL), (1, 1, '2026-02-18T10:00:00Z', 'binary', 1, NULL),"
  " (2, 1, '2026-02-17T10:00:00Z', 'points', 6, 10), (2, 1, '2026-02-18T10:00:00Z', 'binary', 0, NULL),"
  " (3, 1, '2026-02-18T10:00:00Z', 'points', 9, 10), (3, 1, '2026-02-17T10:00:00Z', 'binary', 0, NULL),"
  " (4, 1, '2026-02-17T10:00:00Z', 'binary', 1, NULL),"
  " (1, 2, '2026-02-19T10:00:00Z', 'points', 7, 10), (2, 2, '2026-02-19T10:00:00Z', 'binary', 1, NULL),"
  " (4, 2, '2026-02-19T10:00:00Z', 'binary', 0, NULL), (5, 1, '2026-02-19T10:00:00Z', 'binary', 1, NULL);"
  /* The agency survey: two items, three administrations. */
  "INSERT INTO surveys (id, title, created_on) VALUES (1, 'Agency', '2026-01-05');"
  "INSERT INTO survey_items (id, survey_id, position, prompt) VALUES"
  " (101, 1, 0, 'I choose'), (102, 1, 1, 'I set goals');"
  "INSERT INTO survey_administrations (id, survey_id, administered_on) VALUES"
  " (201, 1, '2026-01-10'), (202, 1, '2026-02-20'), (203, 1, '2026-02-27');"
  "INSERT INTO survey_responses (administration_id, item_id, learner_id, value) VALUES"
  " (201, 101, 1, 1), (201, 102, 1, 1),"
  " (202, 101, 1, 2), (202, 102, 1, 3), (202, 101, 2, 1), (202, 102, 2, 1), (202, 101, 3, 4),"
  " (202, 101, 5, 4),"
  " (203, 101, 1, 3), (203, 102, 1, 4), (203, 101, 2, 1), (203, 102, 2, 1),"
  " (203, 101, 4, 2), (203, 102, 4, 2);"
  /* Goals (see test_goals). */
  "INSERT INTO goals (id, learner_id, title, status, created_on, updated_on) VALUES"
  " (1, 1, 'g1', 'active', '2026-02-17', '2026-02-17'),"
  " (2, 2, 'g2', 'met', '2026-01-12', '2026-02-25'),"
  " (3, 3, 'g3', 'revised', '2026-01-15', '2026-02-18'),"
  " (4, 3, 'g4', 'active', '2026-02-18', '2026-02-18'),"
  " (5, 4, 'g5', 'dropped', '2026-01-20', '2026-02-01'),"
  " (6, 4, 'g6', 'active', '2026-01-20', '2026-02-26'),"
  " (7, 5, 'g7', 'active', '2026-02-20', '2026-02-20'),"
  " (8, 1, 'g8', 'met', '2026-01-06', '2026-01-25');"
  "INSERT INTO goal_revisions (goal_id, changed_on, old_status, new_status) VALUES"
  " (2, '2026-02-25', 'active', 'met'), (3, '2026-02-18', 'active', 'revised'),"
  " (5, '2026-02-01', 'active', 'dropped'), (6, '2026-02-26', 'active', 'active');"
  "INSERT INTO conferences (learner_id, held_on) VALUES"
  " (1, '2026-02-20'), (1, '2026-01-10'), (2, '2026-02-10'), (4, '2026-02-27'), (5, '2026-02-25');"
  "INSERT INTO reflections (learner_id, written_on, text, author) VALUES"
  " (1, '2026-02-20', 'r', 'learner'), (1, '2026-02-25', 'r', 'learner'), (2, '2026-02-18', 'r', 'teacher'),"
  " (3, '2026-01-20', 'r', 'learner'), (4, '2026-02-28', 'r', 'learner'), (5, '2026-02-20', 'r', 'learner');";

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  trellis_test_fixture_set_up (f, data);
  f->classroom = trellis_classroom_create (f->path, "Hand-built", &error);
  g_assert_no_error (error);
  trellis_classroom_set_clock (f->classroom, fixed_clock, NULL);

  if (data != NULL)
    {
      trellis_classroom_exec (f->classroom, hand_sql, &error);
      g_assert_no_error (error);
    }
}

static TrellisDashboard *
compute (Fixture                   *f,
         TrellisDashboardRangeKind  kind,
         gboolean                   pseudonymize)
{
  TrellisDashboardRange range = { kind, 0, NULL, pseudonymize };
  g_autoptr(GError) error = NULL;
  TrellisDashboard *d = trellis_dashboard_compute (f->classroom, &range, &error);

  g_assert_no_error (error);
  g_assert_nonnull (d);
  return d;
}

#define SKILL(d, k) (&g_array_index ((d)->skills, TrellisDashboardSkill, (k)))
#define LEARNER(d, i) (&g_array_index ((d)->learners, TrellisDashboardLearner, (i)))
#define PLAYLIST(d, p) (&g_array_index ((d)->playlists, TrellisDashboardPlaylist, (p)))
#define SURVEY(d, s) (&g_array_index ((d)->surveys, TrellisDashboardSurvey, (s)))

static void
assert_levels (const guint  counts[TRELLIS_DASHBOARD_N_LEVELS],
               guint        none,
               guint        not_yet,
               guint        developing,
               guint        mastered)
{
  g_assert_cmpuint (counts[TRELLIS_DASHBOARD_LEVEL_NONE], ==, none);
  g_assert_cmpuint (counts[TRELLIS_DASHBOARD_LEVEL_NOT_YET], ==, not_yet);
  g_assert_cmpuint (counts[TRELLIS_DASHBOARD_LEVEL_DEVELOPING], ==, developing);
  g_assert_cmpuint (counts[TRELLIS_DASHBOARD_LEVEL_MASTERED], ==, mastered);
}

static void
test_range (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(TrellisDashboard) unit = compute (f, TRELLIS_DASHBOARD_RANGE_UNIT, FALSE);
  g_autoptr(TrellisDashboard) recent = compute (f, TRELLIS_DASHBOARD_RANGE_LAST_4_WEEKS, FALSE);
  g_autoptr(TrellisDashboard) term = compute (f, TRELLIS_DASHBOARD_RANGE_TERM, FALSE);
  TrellisDashboardRange old = { TRELLIS_DASHBOARD_RANGE_UNIT, 2, NULL, FALSE };
  TrellisDashboardRange bad = { TRELLIS_DASHBOARD_RANGE_TERM, 0, "2026-02-30", FALSE };
  g_autoptr(TrellisDashboard) past = NULL;
  g_autoptr(GError) error = NULL;

  /* The current unit holds today: Unit One (Old Unit only started earlier). */
  g_assert_cmpint (unit->playlist_id, ==, 1);
  g_assert_cmpstr (unit->starts_on, ==, "2026-02-16");
  g_assert_cmpstr (unit->ends_on, ==, "2026-03-13");
  g_assert_cmpstr (unit->as_of, ==, "2026-03-02");
  g_assert_cmpstr (unit->range_caption, ==, "Unit One, 2026-02-16 to 2026-03-13");
  g_assert_cmpuint (unit->n_learners, ==, 4);

  /* 28 days: 2026-02-03 … 2026-03-02; Old Unit ended before. */
  g_assert_cmpstr (recent->starts_on, ==, "2026-02-03");
  g_assert_cmpstr (recent->ends_on, ==, "2026-03-02");
  g_assert_cmpuint (recent->playlists->len, ==, 1);

  /* The term starts the day the classroom was created. */
  g_assert_cmpstr (term->starts_on, ==, "2026-01-05");
  g_assert_cmpuint (term->playlists->len, ==, 2);

  /* A past unit is judged as of its last day. */
  past = trellis_dashboard_compute (f->classroom, &old, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (past->as_of, ==, "2026-01-30");
  g_assert_cmpuint (past->skills->len, ==, 1);
  g_assert_cmpstr (SKILL (past, 0)->code, ==, "S.C");

  g_assert_null (trellis_dashboard_compute (f->classroom, &bad, &error));
  g_assert_error (error, TRELLIS_CLASSROOM_ERROR, TRELLIS_CLASSROOM_ERROR_INVALID);
  g_clear_error (&error);

  old.playlist_id = 99;
  g_assert_null (trellis_dashboard_compute (f->classroom, &old, &error));
  g_assert_error (error, TRELLIS_CLASSROOM_ERROR, TRELLIS_CLASSROOM_ERROR_NO_SUCH_ITEM);
}

static void
test_progress (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(TrellisDashboard) d = compute (f, TRELLIS_DASHBOARD_RANGE_UNIT, FALSE);
  g_autoptr(TrellisDashboard) term = compute (f, TRELLIS_DASHBOARD_RANGE_TERM, FALSE);
  static const guint8 strips[4][2] = {
    /* Ada, Ben, Cy, Dee (name order) on S.A, S.B */
    { TRELLIS_DASHBOARD_LEVEL_MASTERED, TRELLIS_DASHBOARD_LEVEL_MASTERED },
    { TRELLIS_DASHBOARD_LEVEL_DEVELOPING, TRELLIS_DASHBOARD_LEVEL_MASTERED },
    { TRELLIS_DASHBOARD_LEVEL_NOT_YET, TRELLIS_DASHBOARD_LEVEL_NOT_YET },
    { TRELLIS_DASHBOARD_LEVEL_NONE, TRELLIS_DASHBOARD_LEVEL_DEVELOPING },
  };
  static const char * const names[] = { "Ada", "Ben", "Cy", "Dee" };

  /* The unit's own skill and its node's skill, in skill order; not S.C. */
  g_assert_cmpuint (d->skills->len, ==, 2);
  g_assert_cmpstr (SKILL (d, 0)->code, ==, "S.A");
  g_assert_cmpstr (SKILL (d, 1)->code, ==, "S.B");

  /* S.A: Dee none, Cy 0.49 not yet, Ben 0.5 developing, Ada 0.8 mastered. */
  assert_levels (SKILL (d, 0)->mastery, 1, 1, 1, 1);
  /* S.B: Cy not yet, Dee 0.79 developing, Ada and Ben mastered. */
  assert_levels (SKILL (d, 1)->mastery, 0, 1, 1, 2);
  /* Roll-up S.A: Ben 0.21, Cy 0.585, Ada 1 and Dee 1. */
  assert_levels (SKILL (d, 0)->rollup, 0, 1, 1, 2);
  /* Roll-up S.B: Cy none, Dee 0, Ada 0.7, Ben 1. */
  assert_levels (SKILL (d, 1)->rollup, 1, 1, 1, 1);

  g_assert_cmpstr (SKILL (d, 0)->caption, ==,
                   "1 of 4 learners mastered, 1 developing, 1 not yet, 1 without evidence");
  g_assert_cmpstr (SKILL (d, 1)->caption, ==, "2 of 4 learners mastered, 1 developing, 1 not yet");
  g_assert_cmpstr (SKILL (d, 0)->rollup_caption, ==, "2 of 4 learners mastered, 1 developing, 1 not yet");

  /* 8 pairs: 3 mastered (38%), 2 developing (25%), 2 not yet (25%), 1 none (12.5 → 13%). */
  g_assert_cmpstr (d->progress_caption, ==,
                   "Across 2 skills: 38% mastered, 25% developing, 25% not yet, 13% without evidence");

  g_assert_cmpuint (d->learners->len, ==, 4);
  for (guint i = 0; i < 4; i++)
    {
      TrellisDashboardLearner *l = LEARNER (d, i);

      g_assert_cmpstr (l->name, ==, names[i]);
      g_assert_cmpuint (l->levels[0], ==, strips[i][0]);
      g_assert_cmpuint (l->levels[1], ==, strips[i][1]);
    }
  g_assert_cmpfloat_with_epsilon (LEARNER (d, 1)->rollup_score[0], 0.21, 1e-9);
  g_assert_cmpfloat_with_epsilon (LEARNER (d, 2)->rollup_score[0], 0.585, 1e-9);
  g_assert_cmpfloat (LEARNER (d, 3)->p_known[0], <, 0);
  g_assert_cmpfloat (LEARNER (d, 2)->rollup_score[1], <, 0);

  /* The term has Old Unit's S.C too, where nobody has evidence. */
  g_assert_cmpuint (term->skills->len, ==, 3);
  assert_levels (SKILL (term, 2)->mastery, 4, 0, 0, 0);
}

static void
test_pathway (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(TrellisDashboard) d = compute (f, TRELLIS_DASHBOARD_RANGE_UNIT, FALSE);
  g_autoptr(TrellisDashboard) term = compute (f, TRELLIS_DASHBOARD_RANGE_TERM, FALSE);
  TrellisDashboardPlaylist *p;

  g_assert_cmpuint (d->playlists->len, ==, 1);
  p = PLAYLIST (d, 0);
  /* M1 (02-23) is due; Museum day (03-06) is next. */
  g_assert_cmpuint (p->n_milestones, ==, 3);
  g_assert_cmpuint (p->n_due, ==, 1);
  /* Ben and Dee on track, Cy behind on M1, Ada reached Museum day early. */
  g_assert_cmpuint (p->on_track, ==, 2);
  g_assert_cmpuint (p->behind, ==, 1);
  g_assert_cmpuint (p->ahead, ==, 1);
  g_assert_cmpuint (p->pace[0], ==, TRELLIS_DASHBOARD_PACE_AHEAD);
  g_assert_cmpuint (p->pace[2], ==, TRELLIS_DASHBOARD_PACE_BEHIND);
  g_assert_cmpint (p->next_milestone_id, ==, 12);
  g_assert_cmpstr (p->next_milestone_title, ==, "Museum day");
  g_assert_cmpstr (p->next_milestone_date, ==, "2026-03-06");
  g_assert_cmpuint (p->next_checked_in, ==, 1);
  g_assert_cmpstr (p->caption, ==, "2 of 4 on track for “Museum day”, 1 ahead, 1 behind");
  g_assert_cmpstr (p->checkin_caption, ==, "1 of 4 checked in for “Museum day” (due 2026-03-06)");
  g_assert_cmpstr (d->pathway_caption, ==, "1 of 4 learners behind a milestone");

  /* Old Unit: only Ada reached Old M; every milestone is past. */
  p = PLAYLIST (term, 1);
  g_assert_cmpstr (p->title, ==, "Old Unit");
  g_assert_cmpuint (p->behind, ==, 3);
  g_assert_cmpint (p->next_milestone_id, ==, 0);
  g_assert_cmpstr (p->caption, ==, "1 of 4 reached every milestone, 3 behind");
  /* Ben, Cy and Dee are behind somewhere. */
  g_assert_cmpstr (term->pathway_caption, ==, "3 of 4 learners behind a milestone");
}

static void
test_agency (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(TrellisDashboard) d = compute (f, TRELLIS_DASHBOARD_RANGE_UNIT, FALSE);
  g_autoptr(TrellisDashboard) term = compute (f, TRELLIS_DASHBOARD_RANGE_TERM, FALSE);
  TrellisDashboardSurvey *s;
  TrellisDashboardAdministration *a;
  TrellisDashboardAgencyChange *c;

  g_assert_cmpuint (d->surveys->len, ==, 1);
  s = SURVEY (d, 0);
  g_assert_cmpuint (s->n_items, ==, 2);
  g_assert_cmpstr (s->item_prompts[1], ==, "I set goals");
  g_assert_cmpint (s->scale_max, ==, 4);

  /* In the unit: 02-20 and 02-27 (not 01-10). */
  g_assert_cmpuint (s->administrations->len, ==, 2);
  a = &g_array_index (s->administrations, TrellisDashboardAdministration, 0);
  /* 02-20: I choose (2 + 1 + 4) / 3, I set goals (3 + 1) / 2, all 11 / 5; Eve left out. */
  g_assert_cmpstr (a->administered_on, ==, "2026-02-20");
  g_assert_cmpuint (a->n_respondents, ==, 3);
  g_assert_cmpfloat_with_epsilon (a->item_means[0], 7.0 / 3, 1e-9);
  g_assert_cmpfloat_with_epsilon (a->item_means[1], 2.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (a->mean, 2.2, 1e-9);
  /* 02-27: (3 + 1 + 2) / 3, (4 + 1 + 2) / 3, all 13 / 6. */
  a = &g_array_index (s->administrations, TrellisDashboardAdministration, 1);
  g_assert_cmpfloat_with_epsilon (a->item_means[0], 2.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (a->item_means[1], 7.0 / 3, 1e-9);
  g_assert_cmpfloat_with_epsilon (a->mean, 13.0 / 6, 1e-9);

  /* Ada 2.5 → 3.5, Ben 1 → 1; Cy and Dee answered once. */
  g_assert_cmpuint (s->changes->len, ==, 2);
  c = &g_array_index (s->changes, TrellisDashboardAgencyChange, 0);
  g_assert_cmpstr (c->name, ==, "Ada");
  g_assert_cmpfloat_with_epsilon (c->first, 2.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (c->last, 3.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (c->change, 1.0, 1e-9);
  g_assert_cmpuint (s->rose, ==, 1);
  g_assert_cmpuint (s->fell, ==, 0);
  g_assert_cmpuint (s->unchanged, ==, 1);
  g_assert_cmpstr (s->caption, ==,
                   "Class mean went from 2.2 to 2.2 of 4 between 2026-02-20 and 2026-02-27; "
                   "1 of 2 learners rose, 0 fell");
  g_assert_cmpstr (d->agency_caption, ==, s->caption);

  /* The term: Ada's first is 01-10 (1.0), so +2.5. */
  s = SURVEY (term, 0);
  g_assert_cmpuint (s->administrations->len, ==, 3);
  c = &g_array_index (s->changes, TrellisDashboardAgencyChange, 0);
  g_assert_cmpfloat_with_epsilon (c->change, 2.5, 1e-9);
}

static void
test_goals (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(TrellisDashboard) d = compute (f, TRELLIS_DASHBOARD_RANGE_UNIT, FALSE);
  g_autoptr(TrellisDashboard) term = compute (f, TRELLIS_DASHBOARD_RANGE_TERM, FALSE);
  const TrellisDashboardGoals *g = &d->goals;

  /* Active: Ada (g1), Cy (g4), Dee (g6); Eve is trashed. */
  g_assert_cmpuint (g->with_active_goal, ==, 3);
  /* Unit 02-16 … 03-02: set g1, g4; met g2 (02-25); revised g3 (02-18), g6 (extended 02-26). */
  g_assert_cmpuint (g->goals_set, ==, 2);
  g_assert_cmpuint (g->goals_met, ==, 1);
  g_assert_cmpuint (g->goals_revised, ==, 2);
  /* Conferences Ada 02-20, Dee 02-27; 15 days × 4 learners ÷ 14 = 4.3 → 4;
   * due now (none after 02-16): Ben (02-10) and Cy (never). */
  g_assert_cmpuint (g->conferences_held, ==, 2);
  g_assert_cmpuint (g->learners_conferenced, ==, 2);
  g_assert_cmpuint (g->cadence_days, ==, 14);
  g_assert_cmpuint (g->conferences_expected, ==, 4);
  g_assert_cmpuint (g->learners_due, ==, 2);
  /* Reflections by learners: Ada 02-20, 02-25, Dee 02-28 (Ben's is the teacher's). */
  g_assert_cmpuint (g->reflections, ==, 3);
  g_assert_cmpuint (g->learners_reflecting, ==, 2);

  g_assert_cmpstr (g->goals_caption, ==, "3 of 4 learners have an active goal; 1 goal met, 2 revised");
  g_assert_cmpstr (g->conferences_caption, ==,
                   "2 conferences held (4 expected at one every 14 days); 2 learners due now");
  g_assert_cmpstr (g->reflections_caption, ==, "3 reflections written by 2 of 4 learners");

  /* Term 01-05 … 03-02 (57 days): all 7 goals set, g2 and g8 met; 4
   * conferences by 3 learners, 4 × 57 ÷ 14 = 16.3 → 16 expected; 4 reflections by 3. */
  g = &term->goals;
  g_assert_cmpuint (g->goals_set, ==, 7);
  g_assert_cmpuint (g->goals_met, ==, 2);
  g_assert_cmpuint (g->goals_revised, ==, 2);
  g_assert_cmpuint (g->conferences_held, ==, 4);
  g_assert_cmpuint (g->learners_conferenced, ==, 3);
  g_assert_cmpuint (g->conferences_expected, ==, 16);
  g_assert_cmpuint (g->reflections, ==, 4);
  g_assert_cmpuint (g->learners_reflecting, ==, 3);
}

static void
test_pseudonymize (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(TrellisDashboard) d = compute (f, TRELLIS_DASHBOARD_RANGE_UNIT, TRUE);
  static const char * const names[] = { "P-AAA", "Learner 2", "Learner 3", "Learner 4" };
  TrellisDashboardAgencyChange *c;

  g_assert_true (d->pseudonymized);
  for (guint i = 0; i < 4; i++)
    g_assert_cmpstr (LEARNER (d, i)->name, ==, names[i]);
  c = &g_array_index (SURVEY (d, 0)->changes, TrellisDashboardAgencyChange, 1);
  g_assert_cmpstr (c->name, ==, "Learner 2");
}

static void
test_empty (Fixture       *f,
            gconstpointer  data)
{
  TrellisDashboardRange unit = { TRELLIS_DASHBOARD_RANGE_UNIT, 0, NULL, FALSE };
  g_autoptr(TrellisDashboard) d = compute (f, TRELLIS_DASHBOARD_RANGE_TERM, FALSE);
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (d->n_learners, ==, 0);
  g_assert_cmpuint (d->skills->len, ==, 0);
  g_assert_cmpstr (d->progress_caption, ==, "No skills to show in this period");
  g_assert_cmpstr (d->agency_caption, ==, "No agency survey yet");
  g_assert_nonnull (d->goals.goals_caption);

  g_assert_null (trellis_dashboard_compute (f->classroom, &unit, &error));
  g_assert_error (error, TRELLIS_CLASSROOM_ERROR, TRELLIS_CLASSROOM_ERROR_NOT_FOUND);
}

/* ------------------------------------------------------------------ */
/* Surveys                                                             */

static gint64
count_rows (Fixture    *f,
            const char *sql)
{
  g_autoptr(sqlite3_stmt) stmt = trellis_classroom_prepare (f->classroom, sql, NULL);

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}

static void
test_survey_entry (Fixture       *f,
                   gconstpointer  data)
{
  const char * const *defaults = trellis_survey_default_prompts ();
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisDashboard) d = NULL;
  TrellisSurveyResponse responses[3];
  gint64 survey, extra, admin;

  survey = trellis_survey_create (f->classroom, NULL, NULL, &error);
  g_assert_no_error (error);
  items = trellis_survey_get_items (f->classroom, survey, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (items->len, ==, g_strv_length ((char **)defaults));
  g_assert_cmpstr (((TrellisSurveyItem *)items->pdata[0])->prompt, ==, "I can choose how I learn best");
  g_assert_cmpint (((TrellisSurveyItem *)items->pdata[0])->scale_max, ==, 4);

  /* Edit the list: add, rename, move to the front, remove one. */
  extra = trellis_survey_add_item (f->classroom, survey, "  I help a classmate  ", &error);
  g_assert_no_error (error);
  g_assert_true (trellis_survey_set_item_prompt (f->classroom, extra, "I help classmates", &error));
  g_assert_true (trellis_survey_move_item (f->classroom, extra, 0, &error));
  g_assert_true (trellis_survey_remove_item (f->classroom, ((TrellisSurveyItem *)items->pdata[3])->id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (trellis_survey_add_item (f->classroom, survey, "   ", &error), ==, 0);
  g_assert_error (error, TRELLIS_SURVEY_ERROR, TRELLIS_SURVEY_ERROR_INVALID);
  g_clear_error (&error);

  g_clear_pointer (&items, g_ptr_array_unref);
  items = trellis_survey_get_items (f->classroom, survey, &error);
  g_assert_cmpuint (items->len, ==, 4);
  g_assert_cmpstr (((TrellisSurveyItem *)items->pdata[0])->prompt, ==, "I help classmates");
  g_assert_cmpstr (((TrellisSurveyItem *)items->pdata[1])->prompt, ==, "I can choose how I learn best");

  /* Record: Ada 4 and 3, Ben 2 on the first item. */
  responses[0] = (TrellisSurveyResponse) { 1, extra, 4 };
  responses[1] = (TrellisSurveyResponse) { 1, ((TrellisSurveyItem *)items->pdata[1])->id, 3 };
  responses[2] = (TrellisSurveyResponse) { 2, extra, 2 };
  admin = trellis_survey_record (f->classroom, survey, "2026-03-01", responses, 3, &error);
  g_assert_no_error (error);
  g_assert_cmpint (admin, >, 0);

  /* Read back through the dashboard (the hand-built survey is survey 0). */
  d = compute (f, TRELLIS_DASHBOARD_RANGE_UNIT, FALSE);
  {
    TrellisDashboardSurvey *s = SURVEY (d, 1);
    TrellisDashboardAdministration *a = &g_array_index (s->administrations, TrellisDashboardAdministration, 0);

    g_assert_cmpint (s->survey_id, ==, survey);
    g_assert_cmpuint (a->n_respondents, ==, 2);
    g_assert_cmpfloat_with_epsilon (a->item_means[0], 3.0, 1e-9);
    g_assert_cmpfloat_with_epsilon (a->item_means[1], 3.0, 1e-9);
    g_assert_true (isnan (a->item_means[2]));
    g_assert_cmpfloat_with_epsilon (a->mean, 3.0, 1e-9);
  }

  /* Bad entries write nothing. */
  responses[2].value = 5;
  g_assert_cmpint (trellis_survey_record (f->classroom, survey, "2026-03-02", responses, 3, &error), ==, 0);
  g_assert_error (error, TRELLIS_SURVEY_ERROR, TRELLIS_SURVEY_ERROR_INVALID);
  g_clear_error (&error);
  responses[2] = responses[0];
  g_assert_cmpint (trellis_survey_record (f->classroom, survey, "2026-03-02", responses, 3, &error), ==, 0);
  g_assert_error (error, TRELLIS_SURVEY_ERROR, TRELLIS_SURVEY_ERROR_INVALID);
  g_clear_error (&error);
  responses[2] = (TrellisSurveyResponse) { 5, extra, 2 };  /* Eve is in the trash */
  g_assert_cmpint (trellis_survey_record (f->classroom, survey, "2026-03-02", responses, 3, &error), ==, 0);
  g_assert_error (error, TRELLIS_SURVEY_ERROR, TRELLIS_SURVEY_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (trellis_survey_record (f->classroom, survey, "March 2", responses, 2, &error), ==, 0);
  g_assert_error (error, TRELLIS_SURVEY_ERROR, TRELLIS_SURVEY_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (count_rows (f, "SELECT count (*) FROM survey_administrations"), ==, 4);
}

static void
test_survey_csv (Fixture       *f,
                 gconstpointer  data)
{
  /* Item 2 by number, item 1 by prompt; Ben by name, Cy quoted; an empty cell; a blank line. */
  static const char csv[] =
    "\xef\xbb\xbflearner,2,I choose\r\n"
    "S1,4,3\r\n"
    "Ben,,1\r\n"
    "\r\n"
    "\"Cy\",2,\"4\"\r\n";
  g_autofree char *path = g_build_filename (f->dir, "responses.csv", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  GString *back = g_string_new (NULL);
  guint n = 0;
  gint64 admin;

  g_assert_true (g_file_set_contents (path, csv, -1, NULL));
  admin = trellis_survey_import_csv_file (f->classroom, 1, "2026-03-02", path, &n, &error);
  g_assert_no_error (error);
  g_assert_cmpint (admin, >, 0);
  g_assert_cmpuint (n, ==, 5);

  /* Round trip: the stored responses are the file's. */
  stmt = trellis_classroom_prepare (f->classroom,
                                    "SELECT l.sis_id, r.item_id, r.value FROM survey_responses r "
                                    "JOIN learners l ON l.id = r.learner_id WHERE r.administration_id = ?1 "
                                    "ORDER BY l.id, r.item_id",
                                    NULL);
  sqlite3_bind_int64 (stmt, 1, admin);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (back, "%s:%d=%d ", sqlite3_column_text (stmt, 0),
                            sqlite3_column_int (stmt, 1), sqlite3_column_int (stmt, 2));
  g_assert_cmpstr (back->str, ==, "S1:101=3 S1:102=4 S2:101=1 S3:101=4 S3:102=2 ");
  g_string_free (back, TRUE);
  g_assert_cmpint (count_rows (f, "SELECT count (*) FROM survey_administrations WHERE administered_on = '2026-03-02'"), ==, 1);
}

typedef struct
{
  const char *csv;
  const char *message;   /* the start of the error message */
} BadCsv;

static const BadCsv bad_csvs[] = {
  { "", "The file is empty" },
  { "learner\nS1\n", "Line 1: the header needs" },
  { "learner,Nope\nS1,3\n", "Line 1: column 2 “Nope” is not an item" },
  { "learner,1,I choose\nS1,3,3\n", "Line 1: the item “I choose” has two columns" },
  { "learner,1\nS1,5\n", "Line 2, column 2: “5” is not a whole number from 1 to 4" },
  { "learner,1\nS1,x\n", "Line 2, column 2: “x”" },
  { "learner,1\nS1,3\nNobody,2\n", "Line 3: no learner has the SIS id or name “Nobody”" },
  { "learner,1\nS1,3\nTwin,2\n", "Line 3: 2 learners are called “Twin”" },
  { "learner,1,2\nS1,3,4\nS2,3\n", "Line 3: 2 fields where the header has 3" },
  { "learner,1\nS1,3\nAda,2\n", "Line 3: “Ada” already answered on line 2" },
  { "learner,1\n\"S1,3\n", "Line 2: a quoted field is not closed" },
  { "learner,1\nS1,3\nS2,\"4\"x\n", "Line 3: text after a closing quote" },
  { "\"learner\nname\",1\nS1,3\nS2,9\n", "Line 4, column 2" },
  { "learner,1\n,3\n", "Line 2: the learner is missing" },
  { "learner,1\nEve,3\n", "Line 2: no learner" },
  { "learner,1\nS1,\n", "The file has no responses" },
  { "learner,1\nS1,\xff\n", "The file is not UTF-8" },
};

static void
test_survey_csv_errors (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;

  trellis_classroom_exec (f->classroom,
                          "INSERT INTO learners (name, created_at) VALUES ('Twin', 'x'), ('Twin', 'x')",
                          &error);
  g_assert_no_error (error);
  before = trellis_test_read_bytes (f->path);

  for (guint i = 0; i < G_N_ELEMENTS (bad_csvs); i++)
    {
      guint n = 99;

      g_test_message ("CSV %u", i);
      g_assert_cmpint (trellis_survey_import_csv (f->classroom, 1, "2026-03-02", bad_csvs[i].csv,
                                                  strlen (bad_csvs[i].csv), &n, &error), ==, 0);
      g_assert_nonnull (error);
      g_assert_true (error->domain == TRELLIS_SURVEY_ERROR);
      if (!g_str_has_prefix (error->message, bad_csvs[i].message))
        g_error ("CSV %u: “%s” does not start with “%s”", i, error->message, bad_csvs[i].message);
      g_assert_null (strchr (error->message, '\n'));
      g_assert_cmpuint (n, ==, 0);
      g_clear_error (&error);
    }

  /* A bad date and a missing survey. */
  g_assert_cmpint (trellis_survey_import_csv (f->classroom, 1, "2026-13-01", "learner,1\nS1,3\n", 15, NULL, &error), ==, 0);
  g_assert_error (error, TRELLIS_SURVEY_ERROR, TRELLIS_SURVEY_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (trellis_survey_import_csv (f->classroom, 7, "2026-03-01", "learner,1\nS1,3\n", 15, NULL, &error), ==, 0);
  g_assert_error (error, TRELLIS_SURVEY_ERROR, TRELLIS_SURVEY_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Nothing was written: the file is byte-identical after closing it. */
  g_clear_object (&f->classroom);
  after = trellis_test_read_bytes (f->path);
  trellis_test_assert_bytes_equal (before, after);
}

/* ------------------------------------------------------------------ */
/* The sample classroom                                                */

static void
assert_caption (const char *caption)
{
  g_assert_nonnull (caption);
  g_assert_cmpstr (caption, !=, "");
}

static void
check_sample_dashboard (TrellisDashboard *d)
{
  g_assert_cmpuint (d->n_learners, ==, 24);
  g_assert_cmpuint (d->learners->len, ==, 24);
  g_assert_cmpuint (d->skills->len, >, 0);
  g_assert_cmpuint (d->playlists->len, >, 0);
  g_assert_cmpuint (d->surveys->len, >, 0);
  assert_caption (d->range_caption);
  assert_caption (d->progress_caption);
  assert_caption (d->pathway_caption);
  assert_caption (d->agency_caption);
  assert_caption (d->goals.goals_caption);
  assert_caption (d->goals.conferences_caption);
  assert_caption (d->goals.reflections_caption);

  for (guint k = 0; k < d->skills->len; k++)
    {
      TrellisDashboardSkill *s = SKILL (d, k);
      guint total = 0;
      g_autofree char *start = g_strdup_printf ("%u of 24 learners mastered", s->mastery[TRELLIS_DASHBOARD_LEVEL_MASTERED]);

      for (guint l = 0; l < TRELLIS_DASHBOARD_N_LEVELS; l++)
        total += s->mastery[l];
      g_assert_cmpuint (total, ==, 24);
      g_assert_true (g_str_has_prefix (s->caption, start));
    }

  for (guint p = 0; p < d->playlists->len; p++)
    {
      TrellisDashboardPlaylist *pl = PLAYLIST (d, p);

      g_assert_cmpuint (pl->on_track + pl->behind + pl->ahead, ==, 24);
      g_assert_cmpuint (pl->n_milestones, >, 0);
      if (pl->next_milestone_title != NULL)
        {
          g_autofree char *expected = g_strdup_printf ("%u of 24 on track for “%s”, %u ahead, %u behind",
                                                       pl->on_track, pl->next_milestone_title,
                                                       pl->ahead, pl->behind);
          g_assert_cmpstr (pl->caption, ==, expected);
        }
    }
}

static void
test_sample (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "sample.trellis", NULL);
  g_autoptr(TrellisClassroom) sample = NULL;
  g_autoptr(GError) error = NULL;
  TrellisDashboardRange range = { TRELLIS_DASHBOARD_RANGE_TERM, 0, NULL, FALSE };
  g_autoptr(TrellisDashboard) term = NULL;
  g_autoptr(TrellisDashboard) unit = NULL;
  g_autoptr(TrellisDashboard) recent = NULL;
  TrellisDashboardSurvey *s;
  guint behind = 0;
  guint mastered = 0;

  sample = trellis_sample_create_full (path, 0, fixed_clock, NULL, &error);
  g_assert_no_error (error);

  term = trellis_dashboard_compute (sample, &range, &error);
  g_assert_no_error (error);
  check_sample_dashboard (term);

  /* Two surveys in the term: class trend and per-learner change. */
  s = SURVEY (term, 0);
  g_assert_cmpuint (s->administrations->len, ==, 2);
  g_assert_cmpuint (s->changes->len, >, 0);
  g_assert_true (g_str_has_prefix (s->caption, "Class mean went from"));
  g_assert_cmpuint (term->goals.with_active_goal, >, 0);
  g_assert_cmpuint (term->goals.conferences_held, >, 0);
  g_assert_cmpuint (term->goals.reflections, >, 0);
  g_assert_cmpuint (term->goals.goals_met + term->goals.goals_revised, >, 0);
  for (guint p = 0; p < term->playlists->len; p++)
    behind += PLAYLIST (term, p)->behind;
  g_assert_cmpuint (behind, >, 0);
  for (guint k = 0; k < term->skills->len; k++)
    mastered += SKILL (term, k)->mastery[TRELLIS_DASHBOARD_LEVEL_MASTERED] +
                SKILL (term, k)->mastery[TRELLIS_DASHBOARD_LEVEL_DEVELOPING];
  g_assert_cmpuint (mastered, >, 0);

  range.kind = TRELLIS_DASHBOARD_RANGE_UNIT;
  unit = trellis_dashboard_compute (sample, &range, &error);
  g_assert_no_error (error);
  check_sample_dashboard (unit);
  g_assert_cmpuint (unit->playlists->len, ==, 1);
  g_assert_nonnull (PLAYLIST (unit, 0)->next_milestone_title);

  range.kind = TRELLIS_DASHBOARD_RANGE_LAST_4_WEEKS;
  range.pseudonymize = TRUE;
  recent = trellis_dashboard_compute (sample, &range, &error);
  g_assert_no_error (error);
  check_sample_dashboard (recent);
  for (guint i = 0; i < recent->learners->len; i++)
    for (guint j = 0; j < term->learners->len; j++)
      g_assert_cmpstr (LEARNER (recent, i)->name, !=, LEARNER (term, j)->name);
}

/* The class's survey: none until asked to create it, then always the first. */
static void
test_survey_default (Fixture       *f,
                     gconstpointer  data)
{
  const char * const *defaults = trellis_survey_default_prompts ();
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;
  gint64 survey, second;

  g_assert_cmpint (trellis_survey_get_default (f->classroom, FALSE, &error), ==, 0);
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM surveys"), ==, 0);

  survey = trellis_survey_get_default (f->classroom, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (survey, >, 0);
  items = trellis_survey_get_items (f->classroom, survey, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (items->len, ==, g_strv_length ((char **)defaults));
  for (guint i = 0; i < items->len; i++)
    g_assert_cmpstr (((TrellisSurveyItem *)items->pdata[i])->prompt, ==, defaults[i]);

  /* Asked again, the same survey, also after another one was created. */
  g_assert_cmpint (trellis_survey_get_default (f->classroom, TRUE, &error), ==, survey);
  second = trellis_survey_create (f->classroom, "Spring check-in", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (second, >, survey);
  g_assert_cmpint (trellis_survey_get_default (f->classroom, FALSE, &error), ==, survey);
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM surveys"), ==, 2);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func, data) \
  g_test_add (name, Fixture, data, fixture_set_up, func, trellis_test_fixture_tear_down)

  ADD ("/dashboard/range", test_range, "hand");
  ADD ("/dashboard/progress", test_progress, "hand");
  ADD ("/dashboard/pathway", test_pathway, "hand");
  ADD ("/dashboard/agency", test_agency, "hand");
  ADD ("/dashboard/goals", test_goals, "hand");
  ADD ("/dashboard/pseudonymize", test_pseudonymize, "hand");
  ADD ("/dashboard/empty", test_empty, NULL);
  ADD ("/dashboard/survey/entry", test_survey_entry, "hand");
  ADD ("/dashboard/survey/default", test_survey_default, NULL);
  ADD ("/dashboard/survey/csv", test_survey_csv, "hand");
  ADD ("/dashboard/survey/csv-errors", test_survey_csv_errors, "hand");
  ADD ("/dashboard/sample", test_sample, NULL);

#undef ADD

  return g_test_run ();
}

/* test-pacing.c
 *
 * Copyright 2026 The Trellis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "trellis-classroom.h"
#include "trellis-pacing.h"
#include "trellis-test-utils.h"

/*
 * The pacing of a unit, week by week, on hand-worked cases.  2026-10-12
 * is a Monday.
 */

#define ACTIVITY TRELLIS_NODE_KIND_ACTIVITY
#define CHOICE TRELLIS_NODE_KIND_CHOICE
#define MILESTONE TRELLIS_NODE_KIND_MILESTONE

static TrellisPacingWeek *
week_at (TrellisPacing *pacing,
         guint          i)
{
  g_assert_cmpuint (i, <, pacing->weeks->len);
  return g_ptr_array_index (pacing->weeks, i);
}

static TrellisPacingEntry *
entry_at (GPtrArray *entries,
          guint      i)
{
  g_assert_cmpuint (i, <, entries->len);
  return g_ptr_array_index (entries, i);
}

static void
assert_week (TrellisPacing *pacing,
             guint          i,
             const char    *monday,
             guint          planned,
             guint          available,
             guint          n_items,
             guint          n_milestones)
{
  TrellisPacingWeek *week = week_at (pacing, i);

  g_assert_cmpstr (week->monday, ==, monday);
  g_assert_cmpuint (week->planned_minutes, ==, planned);
  g_assert_cmpuint (week->available_minutes, ==, available);
  g_assert_cmpint (week->overloaded, ==, planned > available);
  g_assert_cmpuint (week->n_items, ==, n_items);
  g_assert_cmpuint (week->milestones->len, ==, n_milestones);
}

/*
 * A unit from Wednesday 14 Oct to Friday 30 Oct, 225 class minutes a week:
 * the first week has three school days (135 minutes).  A Sunday milestone
 * belongs to the week that began the Monday before; an activity dated
 * before the unit is outside; one without a date is unscheduled; the
 * choice group counts its longest option, at the group's date when the
 * option has none.
 */
static void
test_unit_dates (void)
{
  const TrellisPacingNode nodes[] = {
    /* 0 */ { 1, "Map walk", ACTIVITY, -1, 0, 45, "2026-10-14" },
    /* 1 */ { 2, "Sources", ACTIVITY, -1, 0, 100, "2026-10-16" },
    /* 2 */ { 3, "Check-in 1", MILESTONE, -1, 0, 10, "2026-10-18" },
    /* 3 */ { 4, "Choose", CHOICE, -1, 1, -1, "2026-10-19" },
    /* 4 */ { 5, "Egypt", ACTIVITY, 3, 0, 150, NULL },
    /* 5 */ { 6, "Greece", ACTIVITY, 3, 0, 120, "2026-10-26" },
    /* 6 */ { 7, "Reflect", ACTIVITY, -1, 0, 30, NULL },
    /* 7 */ { 8, "Early", ACTIVITY, -1, 0, 20, "2026-10-05" },
    /* 8 */ { 9, "Museum", MILESTONE, -1, 0, 60, "2026-10-30" },
    /* 9 */ { 10, "No estimate", ACTIVITY, -1, 0, -1, "2026-10-27" },
  };
  g_autoptr(TrellisPacing) pacing = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *summary = NULL;
  TrellisPacingEntry *entry;

  pacing = trellis_pacing_compute ("2026-10-14", "2026-10-30", nodes, G_N_ELEMENTS (nodes), 225);

  g_assert_true (pacing->from_unit_dates);
  g_assert_cmpstr (pacing->first_day, ==, "2026-10-14");
  g_assert_cmpstr (pacing->last_day, ==, "2026-10-30");
  g_assert_cmpuint (pacing->weeks->len, ==, 3);
  /* 45 + 100 + 10 against 3/5 of 225 */
  assert_week (pacing, 0, "2026-10-12", 155, 135, 3, 1);
  /* Egypt, the longest option, at the group's date; Greece does not count */
  assert_week (pacing, 1, "2026-10-19", 150, 225, 1, 0);
  assert_week (pacing, 2, "2026-10-26", 60, 225, 2, 1);
  g_assert_cmpuint (pacing->n_overloaded, ==, 1);

  entry = entry_at (week_at (pacing, 0)->milestones, 0);
  g_assert_cmpint (entry->id, ==, 3);
  g_assert_cmpstr (entry->title, ==, "Check-in 1");
  g_assert_cmpstr (entry->date, ==, "2026-10-18");
  entry = entry_at (week_at (pacing, 2)->milestones, 0);
  g_assert_cmpstr (entry->title, ==, "Museum");

  g_assert_cmpuint (pacing->unscheduled->len, ==, 1);
  entry = entry_at (pacing->unscheduled, 0);
  g_assert_cmpstr (entry->title, ==, "Reflect");
  g_assert_null (entry->date);
  g_assert_cmpuint (entry->minutes, ==, 30);
  g_assert_cmpuint (pacing->unscheduled_minutes, ==, 30);

  g_assert_cmpuint (pacing->outside->len, ==, 1);
  entry = entry_at (pacing->outside, 0);
  g_assert_cmpstr (entry->title, ==, "Early");
  g_assert_cmpstr (entry->date, ==, "2026-10-05");
  g_assert_cmpuint (pacing->outside_minutes, ==, 20);

  first = trellis_pacing_describe_week (week_at (pacing, 0));
  g_assert_cmpstr (first, ==,
                   "Week of 12 Oct: 155 of 135 class minutes planned — over by 20. "
                   "Milestones: Check-in 1, due 18 Oct.");
  second = trellis_pacing_describe_week (week_at (pacing, 1));
  g_assert_cmpstr (second, ==, "Week of 19 Oct: 150 of 225 class minutes planned — 75 to spare.");
  summary = trellis_pacing_describe (pacing);
  g_assert_cmpstr (summary, ==,
                   "3 weeks; 1 plans more than 225 class minutes. 1 item has no date (30 minutes). "
                   "1 item is dated outside the unit (20 minutes).");
}

/*
 * No unit dates: the weeks run from the earliest to the latest node date,
 * whole weeks.  A group whose learners do two options counts its two
 * longest, each in its own week; a group with no date anywhere is
 * unscheduled, with its longest option's minutes.
 */
static void
test_dates_from_nodes (void)
{
  const TrellisPacingNode nodes[] = {
    /* 0 */ { 1, "Show", CHOICE, -1, 2, -1, "2026-10-13" },
    /* 1 */ { 2, "Report", ACTIVITY, 0, 0, 180, "2026-10-21" },
    /* 2 */ { 3, "Model", ACTIVITY, 0, 0, 200, NULL },
    /* 3 */ { 4, "Play", ACTIVITY, 0, 0, 90, "2026-10-22" },
    /* 4 */ { 5, "Pick", CHOICE, -1, 0, -1, NULL },
    /* 5 */ { 6, "A", ACTIVITY, 4, 0, 40, NULL },
    /* 6 */ { 7, "B", ACTIVITY, 4, 0, 50, NULL },
    /* 7 */ { 8, "Due", MILESTONE, -1, 0, 10, "2026-10-23" },
  };
  g_autoptr(TrellisPacing) pacing = NULL;
  g_autofree char *text = NULL;
  TrellisPacingEntry *entry;

  pacing = trellis_pacing_compute (NULL, NULL, nodes, G_N_ELEMENTS (nodes), 225);

  g_assert_false (pacing->from_unit_dates);
  g_assert_cmpstr (pacing->first_day, ==, "2026-10-13");
  g_assert_cmpstr (pacing->last_day, ==, "2026-10-23");
  g_assert_cmpuint (pacing->weeks->len, ==, 2);
  /* Model (200) at the group's date; whole weeks of 225 */
  assert_week (pacing, 0, "2026-10-12", 200, 225, 1, 0);
  /* Report (180) and the milestone (10); Play is the third-longest */
  assert_week (pacing, 1, "2026-10-19", 190, 225, 2, 1);
  g_assert_cmpuint (pacing->n_overloaded, ==, 0);

  g_assert_cmpuint (pacing->unscheduled->len, ==, 1);
  entry = entry_at (pacing->unscheduled, 0);
  g_assert_cmpint (entry->id, ==, 5);
  g_assert_cmpstr (entry->title, ==, "Pick");
  g_assert_cmpint (entry->kind, ==, CHOICE);
  g_assert_cmpuint (entry->minutes, ==, 50);
  g_assert_cmpuint (pacing->outside->len, ==, 0);

  text = trellis_pacing_describe_week (week_at (pacing, 1));
  g_assert_cmpstr (text, ==,
                   "Week of 19 Oct: 190 of 225 class minutes planned — 35 to spare. "
                   "Milestones: Due, due 23 Oct.");
}

/*
 * Only a start date: nodes before it are outside, the end comes from the
 * latest node and does not cut its week.  250 class minutes a week.
 */
static void
test_start_date_only (void)
{
  const TrellisPacingNode nodes[] = {
    { 1, "Before", ACTIVITY, -1, 0, 30, "2026-10-06" },
    { 2, "Start", ACTIVITY, -1, 0, 200, "2026-10-15" },
    { 3, "Last", MILESTONE, -1, 0, 300, "2026-11-03" },
  };
  g_autoptr(TrellisPacing) pacing = NULL;

  pacing = trellis_pacing_compute ("2026-10-14", NULL, nodes, G_N_ELEMENTS (nodes), 250);

  g_assert_false (pacing->from_unit_dates);
  g_assert_cmpstr (pacing->first_day, ==, "2026-10-14");
  g_assert_cmpstr (pacing->last_day, ==, "2026-11-03");
  g_assert_cmpuint (pacing->weeks->len, ==, 4);
  /* 3 school days of 5 from Wednesday 14 Oct */
  assert_week (pacing, 0, "2026-10-12", 200, 150, 1, 0);
  assert_week (pacing, 1, "2026-10-19", 0, 250, 0, 0);
  assert_week (pacing, 2, "2026-10-26", 0, 250, 0, 0);
  assert_week (pacing, 3, "2026-11-02", 300, 250, 1, 1);
  g_assert_cmpuint (pacing->n_overloaded, ==, 2);
  g_assert_cmpuint (pacing->outside->len, ==, 1);
  g_assert_cmpstr (entry_at (pacing->outside, 0)->title, ==, "Before");
  g_assert_cmpuint (pacing->outside_minutes, ==, 30);
}

/* Nothing dated: no weeks, everything unscheduled. */
static void
test_no_dates (void)
{
  const TrellisPacingNode nodes[] = {
    { 1, "One", ACTIVITY, -1, 0, 45, NULL },
    { 2, "Two", MILESTONE, -1, 0, 30, NULL },
  };
  g_autoptr(TrellisPacing) pacing = NULL;
  g_autoptr(TrellisPacing) empty = NULL;
  g_autofree char *text = NULL;

  pacing = trellis_pacing_compute (NULL, NULL, nodes, G_N_ELEMENTS (nodes), 225);
  g_assert_cmpuint (pacing->weeks->len, ==, 0);
  g_assert_null (pacing->first_day);
  g_assert_cmpuint (pacing->unscheduled->len, ==, 2);
  g_assert_cmpuint (pacing->unscheduled_minutes, ==, 75);
  text = trellis_pacing_describe (pacing);
  g_assert_cmpstr (text, ==, "No item has a date yet. 2 items have no date (75 minutes).");

  empty = trellis_pacing_compute (NULL, NULL, NULL, 0, 225);
  g_assert_cmpuint (empty->weeks->len, ==, 0);
  g_assert_cmpuint (empty->unscheduled->len, ==, 0);
}

/*
 * Dates that are not YYYY-MM-DD count as missing; unit dates in the wrong
 * order are ignored (the nodes give the range).
 */
static void
test_bad_dates (void)
{
  const TrellisPacingNode nodes[] = {
    { 1, "Month 13", ACTIVITY, -1, 0, 10, "2026-13-01" },
    { 2, "Soon", ACTIVITY, -1, 0, 20, "soon" },
    { 3, "Good", ACTIVITY, -1, 0, 30, "2026-10-20" },
  };
  g_autoptr(TrellisPacing) pacing = NULL;

  pacing = trellis_pacing_compute ("2026-10-30", "2026-10-01", nodes, G_N_ELEMENTS (nodes), 225);
  g_assert_false (pacing->from_unit_dates);
  g_assert_cmpuint (pacing->weeks->len, ==, 1);
  assert_week (pacing, 0, "2026-10-19", 30, 225, 1, 0);
  g_assert_cmpuint (pacing->unscheduled->len, ==, 2);
  g_assert_cmpuint (pacing->unscheduled_minutes, ==, 30);
}

/* A far-away date does not make thousands of weeks. */
static void
test_max_weeks (void)
{
  const TrellisPacingNode nodes[] = {
    { 1, "Now", ACTIVITY, -1, 0, 10, "2026-01-05" },
    { 2, "Typo", ACTIVITY, -1, 0, 20, "2036-01-05" },
  };
  g_autoptr(TrellisPacing) pacing = NULL;

  pacing = trellis_pacing_compute (NULL, NULL, nodes, G_N_ELEMENTS (nodes), 225);
  g_assert_cmpuint (pacing->weeks->len, ==, TRELLIS_PACING_MAX_WEEKS);
  g_assert_cmpuint (pacing->outside->len, ==, 1);
  g_assert_cmpstr (entry_at (pacing->outside, 0)->title, ==, "Typo");
}

/* A playlist built through the classroom: its dates, nodes and options. */
static void
test_playlist (TrellisTestFixture *fixture,
               gconstpointer       data)
{
  g_autoptr(TrellisPacing) pacing = NULL;
  g_autoptr(GError) error = NULL;
  TrellisNodeFields fields = { 0 };
  TrellisClassroom *classroom;
  TrellisPlaylist *playlist;
  TrellisNode *activity, *group, *option, *milestone;

  classroom = fixture->classroom = trellis_classroom_create (fixture->path, "Room 12", &error);
  g_assert_no_error (error);
  playlist = trellis_classroom_add_playlist (classroom, "Unit", &error);
  g_assert_no_error (error);
  g_assert_true (trellis_classroom_exec (classroom,
                                         "UPDATE playlists SET starts_on = '2026-10-12', ends_on = '2026-10-23'",
                                         &error));
  g_assert_no_error (error);
  trellis_playlist_set_starts_on (playlist, "2026-10-12");
  trellis_playlist_set_ends_on (playlist, "2026-10-23");

  activity = trellis_classroom_add_node (classroom, playlist, NULL, ACTIVITY, "Read", -1, &error);
  g_assert_no_error (error);
  fields.mask = TRELLIS_NODE_FIELD_ESTIMATED_MINUTES | TRELLIS_NODE_FIELD_SUGGESTED_DATE;
  fields.estimated_minutes = 120;
  fields.suggested_date = "2026-10-13";
  g_assert_true (trellis_classroom_update_node (classroom, activity, &fields, &error));

  group = trellis_classroom_add_node (classroom, playlist, NULL, CHOICE, "Pick one", -1, &error);
  g_assert_no_error (error);
  fields.estimated_minutes = -1;
  fields.suggested_date = "2026-10-14";
  g_assert_true (trellis_classroom_update_node (classroom, group, &fields, &error));
  option = trellis_classroom_add_node (classroom, playlist, group, ACTIVITY, "Poster", -1, &error);
  g_assert_no_error (error);
  fields.estimated_minutes = 150;
  fields.suggested_date = NULL;
  g_assert_true (trellis_classroom_update_node (classroom, option, &fields, &error));

  milestone = trellis_classroom_add_node (classroom, playlist, NULL, MILESTONE, "Show it", -1, &error);
  g_assert_no_error (error);
  fields.mask = TRELLIS_NODE_FIELD_ESTIMATED_MINUTES | TRELLIS_NODE_FIELD_TARGET_DATE;
  fields.estimated_minutes = 20;
  fields.target_date = "2026-10-22";
  g_assert_true (trellis_classroom_update_node (classroom, milestone, &fields, &error));

  pacing = trellis_pacing_compute_for_playlist (classroom, playlist, 200);
  g_assert_cmpuint (pacing->weeks->len, ==, 2);
  /* Read (120) and Poster (150, at its group's date) */
  assert_week (pacing, 0, "2026-10-12", 270, 200, 2, 0);
  assert_week (pacing, 1, "2026-10-19", 20, 200, 1, 1);
  g_assert_cmpstr (entry_at (week_at (pacing, 1)->milestones, 0)->title, ==, "Show it");
  g_assert_cmpuint (pacing->unscheduled->len, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pacing/unit-dates", test_unit_dates);
  g_test_add_func ("/pacing/dates-from-nodes", test_dates_from_nodes);
  g_test_add_func ("/pacing/start-date-only", test_start_date_only);
  g_test_add_func ("/pacing/no-dates", test_no_dates);
  g_test_add_func ("/pacing/bad-dates", test_bad_dates);
  g_test_add_func ("/pacing/max-weeks", test_max_weeks);
  g_test_add ("/pacing/playlist", TrellisTestFixture, NULL,
              trellis_test_fixture_set_up, test_playlist, trellis_test_fixture_tear_down);

  return g_test_run ();
}

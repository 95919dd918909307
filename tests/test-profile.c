/* test-profile.c
 *
 * Copyright 2026 The Trellis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "trellis-classroom.h"
#include "trellis-mastery.h"
#include "trellis-profile.h"
#include "trellis-progress.h"
#include "trellis-test-utils.h"

/* The learner's record: profile entries, goals, reflections, conferences. */

/* The fixed clock's default: the classroom's now. */
#define NOW "2026-11-23T10:00:00Z"

typedef struct
{
  char             *dir;
  char             *path;
  TrellisClassroom *classroom;
  TrellisLearner   *learner;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = trellis_test_make_tmp_dir ("trellis-profile-XXXXXX");
  fixture->path = g_build_filename (fixture->dir, "class.trellis", NULL);
  fixture->classroom = trellis_classroom_create (fixture->path, "Room 12", &error);
  g_assert_no_error (error);
  trellis_classroom_set_clock (fixture->classroom, trellis_test_clock_iso8601, (gpointer)NOW);
  fixture->learner = trellis_classroom_add_learner (fixture->classroom, "Ada Lovelace", &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->classroom);
  trellis_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
}

static TrellisProfileEntry *
entry_at (GPtrArray *entries,
          guint      i)
{
  g_assert_cmpuint (i, <, entries->len);
  return g_ptr_array_index (entries, i);
}

static void
test_kinds (void)
{
  for (guint i = 0; i < TRELLIS_PROFILE_N_KINDS; i++)
    {
      TrellisProfileKind kind;

      g_assert_true (trellis_profile_kind_from_string (trellis_profile_kind_to_string (i), &kind));
      g_assert_cmpint (kind, ==, i);
      g_assert_nonnull (trellis_profile_kind_get_label (i));
    }
  for (guint i = 0; i <= TRELLIS_GOAL_STATUS_DROPPED; i++)
    {
      TrellisGoalStatus status;

      g_assert_true (trellis_goal_status_from_string (trellis_goal_status_to_string (i), &status));
      g_assert_cmpint (status, ==, i);
    }
  g_assert_false (trellis_goal_status_from_string ("done", &(TrellisGoalStatus) { 0 }));
}

static void
test_entries (Fixture       *fixture,
              gconstpointer  data)
{
  TrellisClassroom *classroom = fixture->classroom;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  gint64 chess, music, lego, need;

  chess = trellis_profile_add_entry (classroom, fixture->learner, TRELLIS_PROFILE_KIND_INTEREST, "  Chess  ", &error);
  g_assert_no_error (error);
  music = trellis_profile_add_entry (classroom, fixture->learner, TRELLIS_PROFILE_KIND_INTEREST, "Music", &error);
  lego = trellis_profile_add_entry (classroom, fixture->learner, TRELLIS_PROFILE_KIND_INTEREST, "Lego", &error);
  need = trellis_profile_add_entry (classroom, fixture->learner, TRELLIS_PROFILE_KIND_NEED, "Quiet corner", &error);
  g_assert_no_error (error);
  g_assert_cmpint (chess, >, 0);

  /* Empty text is refused. */
  g_assert_cmpint (trellis_profile_add_entry (classroom, fixture->learner, TRELLIS_PROFILE_KIND_STRENGTH, " \t", &error),
                   ==, 0);
  g_assert_error (error, TRELLIS_CLASSROOM_ERROR, TRELLIS_CLASSROOM_ERROR_INVALID);
  g_clear_error (&error);

  entries = trellis_profile_list_entries (classroom, fixture->learner, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 4);
  g_assert_cmpstr (entry_at (entries, 0)->text, ==, "Chess");
  g_assert_cmpstr (entry_at (entries, 0)->revisited_on, ==, "2026-11-23");
  g_assert_cmpint (entry_at (entries, 2)->id, ==, lego);
  g_assert_cmpint (entry_at (entries, 3)->kind, ==, TRELLIS_PROFILE_KIND_NEED);
  g_clear_pointer (&entries, g_ptr_array_unref);

  /* Reorder within the kind: Lego first. */
  g_assert_true (trellis_profile_move_entry (classroom, lego, 0, &error));
  g_assert_no_error (error);
  entries = trellis_profile_list_entries (classroom, fixture->learner, &error);
  g_assert_cmpint (entry_at (entries, 0)->id, ==, lego);
  g_assert_cmpint (entry_at (entries, 1)->id, ==, chess);
  g_assert_cmpint (entry_at (entries, 2)->id, ==, music);
  g_clear_pointer (&entries, g_ptr_array_unref);
  g_assert_false (trellis_profile_move_entry (classroom, lego, 3, &error));
  g_assert_error (error, TRELLIS_CLASSROOM_ERROR, TRELLIS_CLASSROOM_ERROR_INVALID);
  g_clear_error (&error);

  /* Edit later: the text changes and the entry counts as revisited. */
  trellis_classroom_set_clock (classroom, trellis_test_clock_iso8601, (gpointer)"2026-12-01T10:00:00Z");
  g_assert_true (trellis_profile_update_entry (classroom, music, "Piano and guitar", &error));
  g_assert_no_error (error);
  g_assert_true (trellis_profile_mark_entry_revisited (classroom, need, &error));
  entries = trellis_profile_list_entries (classroom, fixture->learner, &error);
  g_assert_cmpstr (entry_at (entries, 2)->text, ==, "Piano and guitar");
  g_assert_cmpstr (entry_at (entries, 2)->revisited_on, ==, "2026-12-01");
  g_assert_cmpstr (entry_at (entries, 0)->revisited_on, ==, "2026-11-23");
  g_assert_cmpstr (entry_at (entries, 3)->revisited_on, ==, "2026-12-01");

  /* Delete, then undo: the entry comes back where it was, as it was. */
  {
    g_autoptr(TrellisProfileEntry) copy = g_new0 (TrellisProfileEntry, 1);
    g_autoptr(GPtrArray) after = NULL;

    *copy = *entry_at (entries, 1);
    copy->text = g_strdup (copy->text);
    copy->revisited_on = g_strdup (copy->revisited_on);

    g_assert_true (trellis_profile_delete_entry (classroom, chess, &error));
    g_assert_no_error (error);
    g_assert_false (trellis_profile_delete_entry (classroom, chess, &error));
    g_assert_error (error, TRELLIS_CLASSROOM_ERROR, TRELLIS_CLASSROOM_ERROR_NO_SUCH_ITEM);
    g_clear_error (&error);
    g_assert_false (trellis_profile_update_entry (classroom, chess, "x", &error));
    g_assert_error (error, TRELLIS_CLASSROOM_ERROR, TRELLIS_CLASSROOM_ERROR_NO_SUCH_ITEM);
    g_clear_error (&error);

    g_assert_true (trellis_profile_restore_entry (classroom, copy, &error));
    g_assert_no_error (error);
    after = trellis_profile_list_entries (classroom, fixture->learner, &error);
    g_assert_cmpuint (after->len, ==, 4);
    g_assert_cmpint (entry_at (after, 1)->id, ==, chess);
    g_assert_cmpstr (entry_at (after, 1)->text, ==, "Chess");
    g_assert_cmpstr (entry_at (after, 1)->revisited_on, ==, "2026-11-23");
  }

  /* Mark the whole profile revisited. */
  trellis_classroom_set_clock (classroom, trellis_test_clock_iso8601, (gpointer)"2026-12-05T10:00:00Z");
  g_assert_true (trellis_profile_mark_revisited (classroom, fixture->learner, &error));
  g_assert_cmpint (trellis_test_query_int (classroom, "SELECT count(*) FROM profile_entries WHERE revisited_on = '2026-12-05'"),
                   ==, 4);
}

static void
test_freshness (Fixture       *fixture,
                gconstpointer  data)
{
  TrellisClassroom *classroom = fixture->classroom;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) stale = NULL;
  TrellisProfileFreshness freshness;
  TrellisLearner *other;

  other = trellis_classroom_add_learner (classroom, "Grace Hopper", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (trellis_profile_get_stale_profile_weeks (classroom), ==, 6);

  /* An empty profile is stale: nothing is known yet. */
  g_assert_true (trellis_profile_get_freshness (classroom, fixture->learner, &freshness, &error));
  g_assert_true (freshness.stale);
  g_assert_null (freshness.last_revisited_any);
  trellis_profile_freshness_clear (&freshness);

  trellis_classroom_set_clock (classroom, trellis_test_clock_iso8601, (gpointer)"2026-09-01T10:00:00Z");
  trellis_profile_add_entry (classroom, fixture->learner, TRELLIS_PROFILE_KIND_INTEREST, "Chess", &error);
  trellis_profile_add_entry (classroom, other, TRELLIS_PROFILE_KIND_INTEREST, "Ships", &error);
  trellis_classroom_set_clock (classroom, trellis_test_clock_iso8601, (gpointer)"2026-10-13T10:00:00Z");
  trellis_profile_add_entry (classroom, fixture->learner, TRELLIS_PROFILE_KIND_NEED, "Glasses", &error);
  g_assert_no_error (error);

  /* On 2026-11-23, six weeks back is 2026-10-12: the learner is fresh, the other stale. */
  trellis_classroom_set_clock (classroom, trellis_test_clock_iso8601, (gpointer)NOW);
  g_assert_true (trellis_profile_get_freshness (classroom, fixture->learner, &freshness, &error));
  g_assert_cmpstr (freshness.last_revisited[TRELLIS_PROFILE_KIND_INTEREST], ==, "2026-09-01");
  g_assert_cmpstr (freshness.last_revisited[TRELLIS_PROFILE_KIND_NEED], ==, "2026-10-13");
  g_assert_null (freshness.last_revisited[TRELLIS_PROFILE_KIND_STRENGTH]);
  g_assert_cmpstr (freshness.last_revisited_any, ==, "2026-10-13");
  g_assert_false (freshness.stale);
  trellis_profile_freshness_clear (&freshness);

  stale = trellis_profile_list_stale_learners (classroom, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stale->len, ==, 1);
  g_assert_true (g_ptr_array_index (stale, 0) == (gpointer)other);
  g_clear_pointer (&stale, g_ptr_array_unref);

  /* A shorter preference makes both stale. */
  g_assert_true (trellis_profile_set_stale_profile_weeks (classroom, 2, &error));
  g_assert_cmpuint (trellis_profile_get_stale_profile_weeks (classroom), ==, 2);
  stale = trellis_profile_list_stale_learners (classroom, &error);
  g_assert_cmpuint (stale->len, ==, 2);
  g_assert_false (trellis_profile_set_stale_profile_weeks (classroom, 0, &error));
  g_assert_error (error, TRELLIS_CLASSROOM_ERROR, TRELLIS_CLASSROOM_ERROR_INVALID);
}

static void
test_class_minutes (Fixture       *fixture,
                    gconstpointer  data)
{
  TrellisClassroom *classroom = fixture->classroom;
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (trellis_profile_get_class_minutes_per_week (classroom), ==, 225);
  g_assert_true (trellis_profile_set_class_minutes_per_week (classroom, 300, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (trellis_profile_get_class_minutes_per_week (classroom), ==, 300);

  g_assert_false (trellis_profile_set_class_minutes_per_week (classroom, 0, &error));
  g_assert_error (error, TRELLIS_CLASSROOM_ERROR, TRELLIS_CLASSROOM_ERROR_INVALID);
  g_assert_cmpuint (trellis_profile_get_class_minutes_per_week (classroom), ==, 300);
}

static void
count_emission_cb (TrellisClassroom *classroom,
                   guint            *count)
{
  (*count)++;
}

/* Each preference notifies with its own detail, and only on a change. */
static void
test_preferences_changed (Fixture       *fixture,
                          gconstpointer  data)
{
  TrellisClassroom *classroom = fixture->classroom;
  g_autoptr(GError) error = NULL;
  guint any = 0, cadence = 0, stale = 0, minutes = 0;

  g_signal_connect (classroom, "preferences-changed", G_CALLBACK (count_emission_cb), &any);
  g_signal_connect (classroom, "preferences-changed::conference-cadence-days", G_CALLBACK (count_emission_cb), &cadence);
  g_signal_connect (classroom, "preferences-changed::stale-profile-weeks", G_CALLBACK (count_emission_cb), &stale);
  g_signal_connect (classroom, "preferences-changed::class-minutes-per-week", G_CALLBACK (count_emission_cb), &minutes);

  g_assert_true (trellis_profile_set_conference_cadence_days (classroom, 10, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (cadence, ==, 1);
  g_assert_cmpuint (any, ==, 1);

  /* The same value again: nothing changed, no emission. */
  g_assert_true (trellis_profile_set_conference_cadence_days (classroom, 10, &error));
  g_assert_cmpuint (cadence, ==, 1);

  g_assert_true (trellis_profile_set_stale_profile_weeks (classroom, 3, &error));
  g_assert_true (trellis_profile_set_class_minutes_per_week (classroom, 180, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (stale, ==, 1);
  g_assert_cmpuint (minutes, ==, 1);
  g_assert_cmpuint (cadence, ==, 1);
  g_assert_cmpuint (any, ==, 3);

  /* A refused value changes nothing and says nothing. */
  g_assert_false (trellis_profile_set_stale_profile_weeks (classroom, 0, &error));
  g_assert_error (error, TRELLIS_CLASSROOM_ERROR, TRELLIS_CLASSROOM_ERROR_INVALID);
  g_assert_cmpuint (stale, ==, 1);
  g_assert_cmpuint (trellis_profile_get_stale_profile_weeks (classroom), ==, 3);

  g_signal_handlers_disconnect_by_func (classroom, count_emission_cb, &any);
  g_signal_handlers_disconnect_by_func (classroom, count_emission_cb, &cadence);
  g_signal_handlers_disconnect_by_func (classroom, count_emission_cb, &stale);
  g_signal_handlers_disconnect_by_func (classroom, count_emission_cb, &minutes);
}

static void
test_learner_fields (Fixture       *fixture,
                     gconstpointer  data)
{
  TrellisClassroom *classroom = fixture->classroom;
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisClassroom) reopened = NULL;
  TrellisLearner *other;
  TrellisLearner *again;

  g_assert_true (trellis_profile_set_preferred_name (classroom, fixture->learner, " Ada ", &error));
  g_assert_true (trellis_profile_set_pronouns (classroom, fixture->learner, "she/her", &error));
  g_assert_true (trellis_profile_set_sis_id (classroom, fixture->learner, "S-100", &error));
  g_assert_true (trellis_profile_set_self_regulation (classroom, fixture->learner, 3, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (trellis_learner_get_preferred_name (fixture->learner), ==, "Ada");
  g_assert_cmpstr (trellis_learner_get_display_name (fixture->learner), ==, "Ada");
  g_assert_cmpuint (trellis_learner_get_self_regulation (fixture->learner), ==, 3);

  g_assert_false (trellis_profile_set_self_regulation (classroom, fixture->learner, 4, &error));
  g_assert_error (error, TRELLIS_CLASSROOM_ERROR, TRELLIS_CLASSROOM_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_nonnull (trellis_profile_describe_self_regulation (1));

  /* SIS ids are unique. */
  other = trellis_classroom_add_learner (classroom, "Grace Hopper", &error);
  g_assert_false (trellis_profile_set_sis_id (classroom, other, "S-100", &error));
  g_assert_error (error, TRELLIS_CLASSROOM_ERROR, TRELLIS_CLASSROOM_ERROR_EXISTS);
  g_clear_error (&error);
  g_assert_null (trellis_learner_get_sis_id (other));

  /* Empty clears. */
  g_assert_true (trellis_profile_set_pronouns (classroom, fixture->learner, "", &error));
  g_assert_null (trellis_learner_get_pronouns (fixture->learner));

  g_clear_object (&fixture->classroom);
  reopened = trellis_classroom_open (fixture->path, TRELLIS_OPEN_FLAGS_NONE, &error);
  g_assert_no_error (error);
  again = trellis_classroom_find_learner (reopened, "Ada Lovelace", &error);
  g_assert_nonnull (again);
  g_assert_cmpstr (trellis_learner_get_preferred_name (again), ==, "Ada");
  g_assert_null (trellis_learner_get_pronouns (again));
  g_assert_cmpstr (trellis_learner_get_sis_id (again), ==, "S-100");
  g_assert_cmpuint (trellis_learner_get_self_regulation (again), ==, 3);
  fixture->classroom = g_steal_pointer (&reopened);
}

static void
test_goals (Fixture       *fixture,
            gconstpointer  data)
{
  TrellisClassroom *classroom = fixture->classroom;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) goals = NULL;
  g_autoptr(GPtrArray) revisions = NULL;
  g_autoptr(TrellisGoal) goal = NULL;
  TrellisSkill *skill_a, *skill_b;
  TrellisGoalRevision *revision;
  gint64 id, other_id;

  id = trellis_profile_add_goal (classroom, fixture->learner, "Cite two sources",
                                 "I name the author of each source", "2026-12-15", &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  g_assert_cmpint (trellis_profile_add_goal (classroom, fixture->learner, "", NULL, NULL, &error), ==, 0);
  g_assert_error (error, TRELLIS_CLASSROOM_ERROR, TRELLIS_CLASSROOM_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (trellis_profile_add_goal (classroom, fixture->learner, "Read more", NULL, "2026-02-30", &error), ==, 0);
  g_assert_error (error, TRELLIS_CLASSROOM_ERROR, TRELLIS_CLASSROOM_ERROR_INVALID);
  g_clear_error (&error);

  /* Editing in place leaves no revision. */
  g_assert_true (trellis_profile_update_goal (classroom, id, "Cite two sources in every paragraph",
                                              "I name the author of each source", "2026-12-15", &error));
  g_assert_no_error (error);
  g_assert_cmpint (trellis_test_query_int (classroom, "SELECT count(*) FROM goal_revisions"), ==, 0);

  /* Skills. */
  skill_a = trellis_classroom_add_skill (classroom, "RH.1", "Cite evidence", &error);
  skill_b = trellis_classroom_add_skill (classroom, "RH.2", "Central idea", &error);
  g_assert_no_error (error);
  {
    gint64 ids[] = { trellis_skill_get_id (skill_b), trellis_skill_get_id (skill_a), trellis_skill_get_id (skill_a) };

    g_assert_true (trellis_profile_set_goal_skills (classroom, id, ids, G_N_ELEMENTS (ids), &error));
    g_assert_no_error (error);
    ids[0] = 9999;
    g_assert_false (trellis_profile_set_goal_skills (classroom, id, ids, 1, &error));
    g_assert_error (error, TRELLIS_CLASSROOM_ERROR, TRELLIS_CLASSROOM_ERROR_NO_SUCH_ITEM);
    g_clear_error (&error);
  }
  goal = trellis_profile_get_goal (classroom, id, &error);
  g_assert_cmpuint (goal->skill_ids->len, ==, 2);
  g_assert_cmpstr (goal->title, ==, "Cite two sources in every paragraph");
  g_clear_pointer (&goal, trellis_goal_free);

  /* Revise with a reason: old text kept, status revised. */
  trellis_classroom_set_clock (classroom, trellis_test_clock_iso8601, (gpointer)"2026-12-01T10:00:00Z");
  g_assert_true (trellis_profile_revise_goal (classroom, id, "Cite one source per paragraph", NULL, "2027-01-15",
                                              "Two was too many at once", &error));
  g_assert_no_error (error);
  g_assert_true (trellis_profile_set_goal_status (classroom, id, TRELLIS_GOAL_STATUS_MET, "Done in the report", &error));
  g_assert_no_error (error);
  /* Setting the same status again records nothing. */
  g_assert_true (trellis_profile_set_goal_status (classroom, id, TRELLIS_GOAL_STATUS_MET, NULL, &error));

  goal = trellis_profile_get_goal (classroom, id, &error);
  g_assert_cmpstr (goal->title, ==, "Cite one source per paragraph");
  g_assert_cmpstr (goal->success_criteria, ==, "I name the author of each source");
  g_assert_cmpstr (goal->target_date, ==, "2027-01-15");
  g_assert_cmpint (goal->status, ==, TRELLIS_GOAL_STATUS_MET);
  g_assert_cmpstr (goal->updated_on, ==, "2026-12-01");

  revisions = trellis_profile_list_goal_revisions (classroom, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (revisions->len, ==, 2);
  revision = g_ptr_array_index (revisions, 0);
  g_assert_cmpstr (revision->old_title, ==, "Cite two sources in every paragraph");
  g_assert_null (revision->old_success_criteria);
  g_assert_cmpstr (revision->old_target_date, ==, "2026-12-15");
  g_assert_cmpint (revision->old_status, ==, TRELLIS_GOAL_STATUS_ACTIVE);
  g_assert_cmpint (revision->new_status, ==, TRELLIS_GOAL_STATUS_REVISED);
  g_assert_cmpstr (revision->reason, ==, "Two was too many at once");
  revision = g_ptr_array_index (revisions, 1);
  g_assert_null (revision->old_title);
  g_assert_cmpint (revision->old_status, ==, TRELLIS_GOAL_STATUS_REVISED);
  g_assert_cmpint (revision->new_status, ==, TRELLIS_GOAL_STATUS_MET);

  /* Newest first. */
  other_id = trellis_profile_add_goal (classroom, fixture->learner, "Ask for help early", NULL, NULL, &error);
  goals = trellis_profile_list_goals (classroom, fixture->learner, &error);
  g_assert_cmpuint (goals->len, ==, 2);
  g_assert_cmpint (((TrellisGoal *)g_ptr_array_index (goals, 0))->id, ==, other_id);

  /* Delete: revisions and skill links go with it. */
  g_assert_true (trellis_profile_delete_goal (classroom, id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (trellis_test_query_int (classroom, "SELECT count(*) FROM goal_revisions"), ==, 0);
  g_assert_cmpint (trellis_test_query_int (classroom, "SELECT count(*) FROM goal_skills"), ==, 0);
  g_assert_null (trellis_profile_get_goal (classroom, id, &error));
  g_assert_error (error, TRELLIS_CLASSROOM_ERROR, TRELLIS_CLASSROOM_ERROR_NO_SUCH_ITEM);
}

static void
test_reflections (Fixture       *fixture,
                  gconstpointer  data)
{
  TrellisClassroom *classroom = fixture->classroom;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) reflections = NULL;
  TrellisLearner *other;
  TrellisReflection *reflection;
  gint64 goal, other_goal, first, second;

  other = trellis_classroom_add_learner (classroom, "Grace Hopper", &error);
  goal = trellis_profile_add_goal (classroom, fixture->learner, "Finish drafts", NULL, NULL, &error);
  other_goal = trellis_profile_add_goal (classroom, other, "Debug", NULL, NULL, &error);
  g_assert_no_error (error);

  first = trellis_profile_add_reflection (classroom, fixture->learner, TRELLIS_REFLECTION_AUTHOR_LEARNER,
                                          "I liked the map walk", "2026-11-02", 0, 0, 0, &error);
  g_assert_no_error (error);
  second = trellis_profile_add_reflection (classroom, fixture->learner, TRELLIS_REFLECTION_AUTHOR_TEACHER,
                                           "Working steadily", NULL, goal, 0, 0, &error);
  g_assert_no_error (error);

  /* A goal of another learner, a missing node, empty text: refused. */
  g_assert_cmpint (trellis_profile_add_reflection (classroom, fixture->learner, TRELLIS_REFLECTION_AUTHOR_LEARNER,
                                                   "x", NULL, other_goal, 0, 0, &error), ==, 0);
  g_assert_error (error, TRELLIS_CLASSROOM_ERROR, TRELLIS_CLASSROOM_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (trellis_profile_add_reflection (classroom, fixture->learner, TRELLIS_REFLECTION_AUTHOR_LEARNER,
                                                   "x", NULL, 0, 4242, 0, &error), ==, 0);
  g_assert_error (error, TRELLIS_CLASSROOM_ERROR, TRELLIS_CLASSROOM_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (trellis_profile_add_reflection (classroom, fixture->learner, TRELLIS_REFLECTION_AUTHOR_LEARNER,
                                                   "  ", NULL, 0, 0, 0, &error), ==, 0);
  g_assert_error (error, TRELLIS_CLASSROOM_ERROR, TRELLIS_CLASSROOM_ERROR_INVALID);
  g_clear_error (&error);

  reflections = trellis_profile_list_reflections (classroom, fixture->learner, 0, &error);
  g_assert_cmpuint (reflections->len, ==, 2);
  reflection = g_ptr_array_index (reflections, 0);
  g_assert_cmpint (reflection->id, ==, second);
  g_assert_cmpstr (reflection->written_on, ==, "2026-11-23");
  g_assert_cmpint (reflection->author, ==, TRELLIS_REFLECTION_AUTHOR_TEACHER);
  g_assert_cmpint (reflection->goal_id, ==, goal);
  g_clear_pointer (&reflections, g_ptr_array_unref);

  reflections = trellis_profile_list_reflections (classroom, fixture->learner, 1, &error);
  g_assert_cmpuint (reflections->len, ==, 1);
  g_clear_pointer (&reflections, g_ptr_array_unref);

  g_assert_true (trellis_profile_update_reflection (classroom, first, "I loved the map walk", &error));
  g_assert_no_error (error);
  g_assert_true (trellis_profile_delete_reflection (classroom, second, &error));
  g_assert_false (trellis_profile_delete_reflection (classroom, second, &error));
  g_assert_error (error, TRELLIS_CLASSROOM_ERROR, TRELLIS_CLASSROOM_ERROR_NO_SUCH_ITEM);
  g_clear_error (&error);

  reflections = trellis_profile_list_reflections (classroom, fixture->learner, 0, &error);
  g_assert_cmpuint (reflections->len, ==, 1);
  g_assert_cmpstr (((TrellisReflection *)g_ptr_array_index (reflections, 0))->text, ==, "I loved the map walk");
}

static void
test_conference (Fixture       *fixture,
                 gconstpointer  data)
{
  TrellisClassroom *classroom = fixture->classroom;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) conferences = NULL;
  g_autoptr(GPtrArray) reflections = NULL;
  g_autoptr(TrellisGoal) goal = NULL;
  g_autoptr(TrellisConference) latest = NULL;
  g_autofree char *due = NULL;
  gint64 met_goal, revised_goal, first, second;

  /* No conference yet: due today. */
  g_assert_null (trellis_profile_get_latest_conference (classroom, fixture->learner, &error));
  g_assert_error (error, TRELLIS_CLASSROOM_ERROR, TRELLIS_CLASSROOM_ERROR_NO_SUCH_ITEM);
  g_clear_error (&error);
  due = trellis_profile_next_conference_due (classroom, fixture->learner, &error);
  g_assert_cmpstr (due, ==, "2026-11-23");
  g_clear_pointer (&due, g_free);

  met_goal = trellis_profile_add_goal (classroom, fixture->learner, "Finish the map", NULL, NULL, &error);
  revised_goal = trellis_profile_add_goal (classroom, fixture->learner, "Read three books", NULL, "2026-12-01", &error);
  g_assert_no_error (error);

  first = trellis_profile_save_conference (classroom, fixture->learner,
                                           &(TrellisConferenceRecord) {
                                             .held_on = "2026-11-02", .notes = "First talk",
                                             .duration_seconds = -1,
                                           },
                                           &error);
  g_assert_no_error (error);

  {
    TrellisGoalChange changes[] = {
      { met_goal, TRELLIS_GOAL_STATUS_MET, NULL, NULL, NULL, "Map is done" },
      { revised_goal, TRELLIS_GOAL_STATUS_REVISED, "Read two books", NULL, "2027-01-10", "Long books" },
    };
    TrellisConferenceRecord record = {
      .notes = "Talked about reading.",
      .next_steps = "Pick the second book by Friday.",
      .duration_seconds = 420,
      .goal_changes = changes,
      .n_goal_changes = G_N_ELEMENTS (changes),
      .reflection = "I read faster when I pick the book myself.",
      .reflection_author = TRELLIS_REFLECTION_AUTHOR_LEARNER,
      .reflection_goal_id = revised_goal,
    };

    second = trellis_profile_save_conference (classroom, fixture->learner, &record, &error);
    g_assert_no_error (error);
    g_assert_cmpint (second, >, first);
  }

  /* One dated record, newest first, with its reflection and goal changes. */
  conferences = trellis_profile_list_conferences (classroom, fixture->learner, &error);
  g_assert_cmpuint (conferences->len, ==, 2);
  latest = trellis_profile_get_latest_conference (classroom, fixture->learner, &error);
  g_assert_cmpint (latest->id, ==, second);
  g_assert_cmpstr (latest->held_on, ==, "2026-11-23");
  g_assert_cmpstr (latest->next_steps, ==, "Pick the second book by Friday.");
  g_assert_cmpint (latest->duration_seconds, ==, 420);
  g_assert_cmpint (((TrellisConference *)g_ptr_array_index (conferences, 1))->duration_seconds, ==, -1);

  reflections = trellis_profile_list_conference_reflections (classroom, second, &error);
  g_assert_cmpuint (reflections->len, ==, 1);
  g_assert_cmpint (((TrellisReflection *)g_ptr_array_index (reflections, 0))->goal_id, ==, revised_goal);
  g_assert_cmpstr (((TrellisReflection *)g_ptr_array_index (reflections, 0))->written_on, ==, "2026-11-23");

  goal = trellis_profile_get_goal (classroom, met_goal, &error);
  g_assert_cmpint (goal->status, ==, TRELLIS_GOAL_STATUS_MET);
  g_clear_pointer (&goal, trellis_goal_free);
  goal = trellis_profile_get_goal (classroom, revised_goal, &error);
  g_assert_cmpint (goal->status, ==, TRELLIS_GOAL_STATUS_REVISED);
  g_assert_cmpstr (goal->title, ==, "Read two books");
  g_assert_cmpint (trellis_test_query_int (classroom, "SELECT count(*) FROM goal_revisions"), ==, 2);

  /* Next conference: the latest plus the cadence (21 days). */
  due = trellis_profile_next_conference_due (classroom, fixture->learner, &error);
  g_assert_cmpstr (due, ==, "2026-12-14");
  g_clear_pointer (&due, g_free);
  g_assert_true (trellis_profile_set_conference_cadence_days (classroom, 14, &error));
  due = trellis_profile_next_conference_due (classroom, fixture->learner, &error);
  g_assert_cmpstr (due, ==, "2026-12-07");

  /* Deleting a conference keeps its reflection, untied. */
  g_assert_true (trellis_profile_delete_conference (classroom, second, &error));
  g_assert_no_error (error);
  g_assert_cmpint (trellis_test_query_int (classroom, "SELECT count(*) FROM reflections WHERE conference_id IS NULL"),
                   ==, 1);
  g_assert_false (trellis_profile_delete_conference (classroom, second, &error));
  g_assert_error (error, TRELLIS_CLASSROOM_ERROR, TRELLIS_CLASSROOM_ERROR_NO_SUCH_ITEM);
}

/*
 * A conference links goals to skills (no revision: linking is not
 * revising) and ties the learner's reflection to a milestone; a skill
 * that is not in the classroom refuses the whole record.
 */
static void
test_conference_links (Fixture       *fixture,
                       gconstpointer  data)
{
  TrellisClassroom *classroom = fixture->classroom;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) reflections = NULL;
  g_autoptr(TrellisGoal) goal = NULL;
  TrellisPlaylist *playlist;
  TrellisNode *milestone;
  TrellisSkill *skill_a, *skill_b;
  gint64 linked_goal, met_goal, id;
  gint64 conferences_before;

  skill_a = trellis_classroom_add_skill (classroom, "RH.1", "Cite evidence", &error);
  skill_b = trellis_classroom_add_skill (classroom, "RH.2", "Central idea", &error);
  playlist = trellis_classroom_add_playlist (classroom, "Ancient Egypt", &error);
  g_assert_no_error (error);
  milestone = trellis_classroom_add_node (classroom, playlist, NULL, TRELLIS_NODE_KIND_MILESTONE,
                                          "Museum presentation", -1, &error);
  g_assert_no_error (error);
  linked_goal = trellis_profile_add_goal (classroom, fixture->learner, "Cite sources", NULL, NULL, &error);
  met_goal = trellis_profile_add_goal (classroom, fixture->learner, "Find the main idea", NULL, NULL, &error);
  g_assert_no_error (error);

  {
    gint64 both[] = { trellis_skill_get_id (skill_a), trellis_skill_get_id (skill_b) };
    gint64 one[] = { trellis_skill_get_id (skill_b) };
    TrellisGoalChange changes[] = {
      { linked_goal, TRELLIS_GOAL_STATUS_ACTIVE, .set_skills = TRUE, .skill_ids = both, .n_skill_ids = 2 },
      { met_goal, TRELLIS_GOAL_STATUS_MET, .reason = "Got it", .set_skills = TRUE, .skill_ids = one, .n_skill_ids = 1 },
    };
    TrellisConferenceRecord record = {
      .notes = "Sources and main ideas.",
      .duration_seconds = 300,
      .goal_changes = changes,
      .n_goal_changes = G_N_ELEMENTS (changes),
      .reflection = "The museum talk is what I want to get right.",
      .reflection_author = TRELLIS_REFLECTION_AUTHOR_LEARNER,
      .reflection_node_id = trellis_node_get_id (milestone),
    };

    id = trellis_profile_save_conference (classroom, fixture->learner, &record, &error);
    g_assert_no_error (error);
    g_assert_cmpint (id, >, 0);
  }

  goal = trellis_profile_get_goal (classroom, linked_goal, &error);
  g_assert_no_error (error);
  g_assert_cmpint (goal->status, ==, TRELLIS_GOAL_STATUS_ACTIVE);
  g_assert_cmpuint (goal->skill_ids->len, ==, 2);
  g_assert_cmpint (g_array_index (goal->skill_ids, gint64, 0), ==, trellis_skill_get_id (skill_a));
  g_assert_cmpint (g_array_index (goal->skill_ids, gint64, 1), ==, trellis_skill_get_id (skill_b));
  g_clear_pointer (&goal, trellis_goal_free);

  goal = trellis_profile_get_goal (classroom, met_goal, &error);
  g_assert_cmpint (goal->status, ==, TRELLIS_GOAL_STATUS_MET);
  g_assert_cmpuint (goal->skill_ids->len, ==, 1);
  g_assert_cmpint (g_array_index (goal->skill_ids, gint64, 0), ==, trellis_skill_get_id (skill_b));
  g_clear_pointer (&goal, trellis_goal_free);

  /* Only the goal marked met has a revision row. */
  g_assert_cmpint (trellis_test_query_int (classroom, "SELECT count(*) FROM goal_revisions"), ==, 1);

  reflections = trellis_profile_list_conference_reflections (classroom, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (reflections->len, ==, 1);
  g_assert_cmpint (((TrellisReflection *)g_ptr_array_index (reflections, 0))->node_id, ==,
                   trellis_node_get_id (milestone));
  g_assert_cmpint (((TrellisReflection *)g_ptr_array_index (reflections, 0))->goal_id, ==, 0);

  /* A skill no longer in the classroom: nothing of the conference is written. */
  conferences_before = trellis_test_query_int (classroom, "SELECT count(*) FROM conferences");
  {
    gint64 missing[] = { trellis_skill_get_id (skill_b) + 1000 };
    TrellisGoalChange changes[] = {
      { linked_goal, TRELLIS_GOAL_STATUS_ACTIVE, .set_skills = TRUE, .skill_ids = missing, .n_skill_ids = 1 },
    };
    TrellisConferenceRecord record = {
      .notes = "Should not be kept.",
      .duration_seconds = -1,
      .goal_changes = changes,
      .n_goal_changes = 1,
    };

    g_assert_cmpint (trellis_profile_save_conference (classroom, fixture->learner, &record, &error), ==, 0);
    g_assert_error (error, TRELLIS_CLASSROOM_ERROR, TRELLIS_CLASSROOM_ERROR_NO_SUCH_ITEM);
    g_clear_error (&error);
  }
  g_assert_cmpint (trellis_test_query_int (classroom, "SELECT count(*) FROM conferences"), ==, conferences_before);
  goal = trellis_profile_get_goal (classroom, linked_goal, &error);
  g_assert_cmpuint (goal->skill_ids->len, ==, 2);
}

/* A conference whose last part is refused writes nothing at all. */
static void
test_conference_atomic (Fixture       *fixture,
                        gconstpointer  data)
{
  TrellisClassroom *classroom = fixture->classroom;
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisGoal) goal = NULL;
  TrellisLearner *other;
  gint64 own_goal, other_goal;
  static const struct {
    const char *name;
    gint64      bad_goal;      /* 1: another learner's goal, 2: a missing goal */
    const char *bad_date;
    gint64      reflection_goal;
    const char *reflection;
  } cases[] = {
    { "other learner's goal", 1, NULL, 0, "ok" },
    { "missing goal", 2, NULL, 0, "ok" },
    { "bad target date", 0, "someday", 0, "ok" },
    { "reflection on a missing goal", 0, NULL, 777, "ok" },
  };

  other = trellis_classroom_add_learner (classroom, "Grace Hopper", &error);
  own_goal = trellis_profile_add_goal (classroom, fixture->learner, "Finish the map", NULL, NULL, &error);
  other_goal = trellis_profile_add_goal (classroom, other, "Debug", NULL, NULL, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      TrellisGoalChange changes[] = {
        { own_goal, TRELLIS_GOAL_STATUS_MET, NULL, NULL, NULL, "Done" },
        { cases[i].bad_goal == 1 ? other_goal : cases[i].bad_goal == 2 ? 31337 : own_goal,
          TRELLIS_GOAL_STATUS_REVISED, NULL, NULL, cases[i].bad_date, NULL },
      };
      TrellisConferenceRecord record = {
        .notes = "Notes", .next_steps = "Steps", .duration_seconds = 60,
        .goal_changes = changes, .n_goal_changes = G_N_ELEMENTS (changes),
        .reflection = cases[i].reflection, .reflection_goal_id = cases[i].reflection_goal,
      };

      g_test_message ("%s", cases[i].name);
      g_assert_cmpint (trellis_profile_save_conference (classroom, fixture->learner, &record, &error), ==, 0);
      g_assert_nonnull (error);
      g_assert_true (error->domain == TRELLIS_CLASSROOM_ERROR);
      g_clear_error (&error);

      g_assert_cmpint (trellis_test_query_int (classroom, "SELECT count(*) FROM conferences"), ==, 0);
      g_assert_cmpint (trellis_test_query_int (classroom, "SELECT count(*) FROM reflections"), ==, 0);
      g_assert_cmpint (trellis_test_query_int (classroom, "SELECT count(*) FROM goal_revisions"), ==, 0);
      goal = trellis_profile_get_goal (classroom, own_goal, &error);
      g_assert_cmpint (goal->status, ==, TRELLIS_GOAL_STATUS_ACTIVE);
      g_clear_pointer (&goal, trellis_goal_free);
    }

  /* A failure while writing (the file cannot grow) rolls back too. */
  {
    g_autofree char *long_text = g_strnfill (200000, 'x');
    TrellisGoalChange change = { own_goal, TRELLIS_GOAL_STATUS_MET, NULL, NULL, NULL, "Done" };
    TrellisConferenceRecord record = {
      .notes = "Notes", .duration_seconds = -1, .goal_changes = &change, .n_goal_changes = 1,
      .reflection = long_text,
    };
    gint64 pages = trellis_test_query_int (classroom, "PRAGMA page_count");
    g_autofree char *limit = g_strdup_printf ("PRAGMA max_page_count = %" G_GINT64_FORMAT, pages + 2);

    g_assert_true (trellis_classroom_exec (classroom, limit, &error));
    g_assert_cmpint (trellis_profile_save_conference (classroom, fixture->learner, &record, &error), ==, 0);
    g_assert_error (error, TRELLIS_CLASSROOM_ERROR, TRELLIS_CLASSROOM_ERROR_IO);
    g_clear_error (&error);
    g_assert_cmpint (trellis_test_query_int (classroom, "SELECT count(*) FROM conferences"), ==, 0);
    g_assert_cmpint (trellis_test_query_int (classroom, "SELECT count(*) FROM goal_revisions"), ==, 0);
    goal = trellis_profile_get_goal (classroom, own_goal, &error);
    g_assert_cmpint (goal->status, ==, TRELLIS_GOAL_STATUS_ACTIVE);
  }
}

/* Trash + purge removes every row of the learner's record, and only theirs. */
static void
test_delete_cascade (Fixture       *fixture,
                     gconstpointer  data)
{
  static const char * const tables[] = {
    "profile_entries", "goals", "reflections", "conferences", "evidence", "progress", "choices",
    "mastery_state",
  };
  TrellisClassroom *classroom = fixture->classroom;
  g_autoptr(GError) error = NULL;
  TrellisLearner *learners[2];
  TrellisPlaylist *playlist;
  TrellisNode *activity, *group, *option;
  TrellisSkill *skill;
  gint64 ada_id = trellis_learner_get_id (fixture->learner);

  learners[0] = fixture->learner;
  learners[1] = trellis_classroom_add_learner (classroom, "Grace Hopper", &error);
  playlist = trellis_classroom_add_playlist (classroom, "Unit", &error);
  activity = trellis_classroom_add_node (classroom, playlist, NULL, TRELLIS_NODE_KIND_ACTIVITY, "Read", -1, &error);
  group = trellis_classroom_add_node (classroom, playlist, NULL, TRELLIS_NODE_KIND_CHOICE, "Pick", -1, &error);
  option = trellis_classroom_add_node (classroom, playlist, group, TRELLIS_NODE_KIND_ACTIVITY, "Essay", -1, &error);
  skill = trellis_classroom_add_skill (classroom, "RH.1", "Cite evidence", &error);
  g_assert_no_error (error);
  {
    g_autofree char *sql = g_strdup_printf ("INSERT INTO node_skills VALUES (%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ")",
                                            trellis_node_get_id (activity), trellis_skill_get_id (skill));
    g_assert_true (trellis_classroom_exec (classroom, sql, &error));
  }

  for (guint i = 0; i < G_N_ELEMENTS (learners); i++)
    {
      TrellisLearner *learner = learners[i];
      TrellisProgressEvidence evidence = { TRELLIS_BKT_EVIDENCE_RUBRIC, 3, 4, NULL };
      TrellisProgressUpdate update = { TRELLIS_PROGRESS_FIELD_STATUS, TRELLIS_PROGRESS_COMPLETE, NULL, NULL, NULL };
      gint64 goal;

      trellis_profile_add_entry (classroom, learner, TRELLIS_PROFILE_KIND_INTEREST, "Chess", &error);
      goal = trellis_profile_add_goal (classroom, learner, "Goal", NULL, NULL, &error);
      trellis_profile_set_goal_status (classroom, goal, TRELLIS_GOAL_STATUS_MET, "Met", &error);
      trellis_profile_save_conference (classroom, learner,
                                       &(TrellisConferenceRecord) { .notes = "n", .duration_seconds = -1,
                                                                    .reflection = "r" },
                                       &error);
      g_assert_no_error (error);
      g_assert_true (trellis_progress_update (classroom, learner, activity, &update, &evidence, NULL, &error));
      g_assert_no_error (error);
      g_assert_true (trellis_progress_choose (classroom, learner, group, &option, 1, &error));
      g_assert_no_error (error);
    }

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", tables[i]);
      g_assert_cmpint (trellis_test_query_int (classroom, sql), ==, 2);
    }
  g_assert_cmpint (trellis_test_query_int (classroom, "SELECT count(*) FROM goal_revisions"), ==, 2);

  /* In the trash the data is hidden from the API but still there. */
  g_assert_true (trellis_classroom_trash_learner (classroom, fixture->learner, &error));
  g_assert_null (trellis_profile_list_entries (classroom, fixture->learner, &error));
  g_assert_error (error, TRELLIS_CLASSROOM_ERROR, TRELLIS_CLASSROOM_ERROR_NO_SUCH_ITEM);
  g_clear_error (&error);
  g_assert_cmpint (trellis_test_query_int (classroom, "SELECT count(*) FROM profile_entries"), ==, 2);

  /* Restore brings it all back; trash and purge removes it for good. */
  g_assert_true (trellis_classroom_restore_learner (classroom, fixture->learner, &error));
  g_assert_nonnull (trellis_profile_list_entries (classroom, fixture->learner, &error));
  g_assert_true (trellis_classroom_trash_learner (classroom, fixture->learner, &error));
  g_assert_true (trellis_classroom_purge_trash (classroom, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", tables[i]);
      g_autofree char *mine = g_strdup_printf ("SELECT count(*) FROM %s WHERE learner_id = %" G_GINT64_FORMAT,
                                               tables[i], ada_id);

      g_test_message ("%s", tables[i]);
      g_assert_cmpint (trellis_test_query_int (classroom, sql), ==, 1);
      g_assert_cmpint (trellis_test_query_int (classroom, mine), ==, 0);
    }
  g_assert_cmpint (trellis_test_query_int (classroom, "SELECT count(*) FROM goal_revisions"), ==, 1);
}

static void
test_read_only (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(TrellisClassroom) reader = NULL;
  g_autoptr(GError) error = NULL;
  TrellisLearner *learner;

  g_clear_object (&fixture->classroom);
  reader = trellis_classroom_open (fixture->path, TRELLIS_OPEN_FLAGS_READ_ONLY, &error);
  g_assert_no_error (error);
  learner = trellis_classroom_find_learner (reader, "Ada Lovelace", &error);
  g_assert_cmpint (trellis_profile_add_entry (reader, learner, TRELLIS_PROFILE_KIND_INTEREST, "Chess", &error), ==, 0);
  g_assert_error (error, TRELLIS_CLASSROOM_ERROR, TRELLIS_CLASSROOM_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_cmpint (trellis_profile_save_conference (reader, learner,
                                                    &(TrellisConferenceRecord) { .notes = "x", .duration_seconds = -1 },
                                                    &error), ==, 0);
  g_assert_error (error, TRELLIS_CLASSROOM_ERROR, TRELLIS_CLASSROOM_ERROR_READ_ONLY);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  g_test_add_func ("/profile/kinds", test_kinds);
  ADD ("/profile/entries", test_entries);
  ADD ("/profile/freshness", test_freshness);
  ADD ("/profile/class-minutes", test_class_minutes);
  ADD ("/profile/preferences-changed", test_preferences_changed);
  ADD ("/profile/learner-fields", test_learner_fields);
  ADD ("/profile/goals", test_goals);
  ADD ("/profile/reflections", test_reflections);
  ADD ("/profile/conference", test_conference);
  ADD ("/profile/conference/atomic", test_conference_atomic);
  ADD ("/profile/conference/links", test_conference_links);
  ADD ("/profile/delete-cascade", test_delete_cascade);
  ADD ("/profile/read-only", test_read_only);

#undef ADD

  return g_test_run ();
}

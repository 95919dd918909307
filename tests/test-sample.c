/* test-sample.c
 *
 * Copyright 2026 The Trellis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#include "trellis-classroom.h"
#include "trellis-sample.h"
#include "trellis-test-utils.h"

typedef TrellisTestFixture Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  trellis_test_fixture_set_up (fixture, user_data);
}

static TrellisClassroom *
create_sample (Fixture    *fixture,
               const char *name,
               guint       n_learners,
               GDateTime  *now)
{
  g_autoptr(TrellisClassroom) classroom = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = trellis_test_fixture_file (fixture, name);

  classroom = trellis_sample_create_full (path, n_learners, trellis_test_clock_date_time, now, &error);
  g_assert_no_error (error);
  g_assert_nonnull (classroom);

  return g_steal_pointer (&classroom);
}

/* Every row of every table, each table ordered by all its columns. */
static char *
dump (TrellisClassroom *classroom)
{
  sqlite3 *db = trellis_classroom_get_db (classroom);
  g_autoptr(sqlite3_stmt) tables = NULL;
  GString *out = g_string_new (NULL);

  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "SELECT name FROM sqlite_schema WHERE type = 'table' "
                                       "AND name NOT LIKE 'sqlite_%' ORDER BY name",
                                       -1, &tables, NULL), ==, SQLITE_OK);

  while (sqlite3_step (tables) == SQLITE_ROW)
    {
      const char *table = (const char *)sqlite3_column_text (tables, 0);
      g_autoptr(sqlite3_stmt) probe = NULL;
      g_autoptr(sqlite3_stmt) rows = NULL;
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM \"%s\"", table);
      GString *ordered = g_string_new (sql);
      int n_columns;

      g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &probe, NULL), ==, SQLITE_OK);
      n_columns = sqlite3_column_count (probe);
      g_string_append (ordered, " ORDER BY ");
      for (int i = 1; i <= n_columns; i++)
        g_string_append_printf (ordered, "%s%d", i > 1 ? ", " : "", i);

      g_assert_cmpint (sqlite3_prepare_v2 (db, ordered->str, -1, &rows, NULL), ==, SQLITE_OK);
      g_string_free (ordered, TRUE);

      g_string_append_printf (out, "== %s\n", table);
      while (sqlite3_step (rows) == SQLITE_ROW)
        {
          for (int i = 0; i < n_columns; i++)
            {
              switch (sqlite3_column_type (rows, i))
                {
                case SQLITE_NULL:
                  g_string_append (out, "NULL");
                  break;

                case SQLITE_INTEGER:
                  g_string_append_printf (out, "%" G_GINT64_FORMAT, (gint64)sqlite3_column_int64 (rows, i));
                  break;

                case SQLITE_FLOAT:
                  g_string_append_printf (out, "%.17g", sqlite3_column_double (rows, i));
                  break;

                default:
                  g_string_append_printf (out, "'%s'", (const char *)sqlite3_column_text (rows, i));
                  break;
                }
              g_string_append_c (out, i + 1 < n_columns ? '|' : '\n');
            }
        }
    }

  return g_string_free (out, FALSE);
}

static void
assert_clean (TrellisClassroom *classroom)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *integrity = trellis_classroom_check_integrity (classroom);
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (integrity, ==, "ok");

  stmt = trellis_classroom_prepare (classroom, "PRAGMA foreign_key_check", &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
}

static void
test_deterministic (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autoptr(GDateTime) now = g_date_time_new_utc (2026, 3, 18, 14, 0, 0);
  g_autoptr(TrellisClassroom) first = create_sample (fixture, "first.trellis", 0, now);
  g_autoptr(TrellisClassroom) second = create_sample (fixture, "second.trellis", 0, now);
  g_autofree char *first_dump = dump (first);
  g_autofree char *second_dump = dump (second);

  g_assert_cmpuint (strlen (first_dump), >, 100000);
  g_assert_cmpstr (first_dump, ==, second_dump);
}

static void
test_contents (Fixture       *fixture,
               gconstpointer  user_data)
{
  g_autoptr(GDateTime) now = g_date_time_new_utc (2026, 3, 18, 14, 0, 0);
  g_autoptr(TrellisClassroom) classroom = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = trellis_test_fixture_file (fixture, "sample.trellis");
  g_autofree char *created = NULL;
  TrellisLearner *learner;
  GStatBuf st;
  gint64 start = g_get_monotonic_time ();

  classroom = create_sample (fixture, "sample.trellis", 0, now);
  g_test_message ("sample classroom with 24 learners built in %.1f ms",
                  (g_get_monotonic_time () - start) / 1000.0);

  /* The file is private, and sound. */
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  assert_clean (classroom);

  g_assert_cmpstr (trellis_classroom_get_name (classroom), ==, TRELLIS_SAMPLE_CLASSROOM_NAME);

  /* The learners are in the in-memory list too. */
  g_assert_cmpuint (g_list_model_get_n_items (trellis_classroom_get_learners (classroom)), ==, 24);
  learner = trellis_classroom_find_learner (classroom, "Teo", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (trellis_learner_get_name (learner), ==, "Mateo Hernández");
  g_assert_cmpstr (trellis_learner_get_pronouns (learner), ==, "he/him");

  g_assert_cmpint (trellis_classroom_count (classroom, "learners"), ==, 24);
  g_assert_cmpint (trellis_classroom_count (classroom, "playlists"), ==, 2);
  g_assert_cmpint (trellis_classroom_count (classroom, "skills"), >=, 8);
  g_assert_cmpint (trellis_classroom_count (classroom, "evidence"), >, 300);
  g_test_message ("%" G_GINT64_FORMAT " evidence rows, %" G_GINT64_FORMAT " nodes",
                  trellis_classroom_count (classroom, "evidence"),
                  trellis_classroom_count (classroom, "nodes"));

  /* Learner identities: some preferred names, pronouns, SIS ids, logins. */
  g_assert_cmpint (trellis_test_query_int (classroom, "SELECT count(*) FROM learners WHERE preferred_name IS NOT NULL"),
                   >=, 3);
  g_assert_cmpint (trellis_test_query_int (classroom, "SELECT count(*) FROM learners WHERE pronouns IS NOT NULL"),
                   >=, 5);
  g_assert_cmpint (trellis_test_query_int (classroom, "SELECT count(*) FROM learners WHERE sis_id IS NOT NULL"), >=, 5);
  g_assert_cmpint (trellis_test_query_int (classroom, "SELECT count(*) FROM learners WHERE email LIKE '%@%'"), >=, 3);
  g_assert_cmpint (trellis_test_query_int (classroom, "SELECT count(DISTINCT self_regulation) FROM learners"), ==, 3);

  /* Skills and their links. */
  g_assert_cmpint (trellis_test_query_int (classroom, "SELECT count(*) FROM skills WHERE code = 'MS-LS2-3'"), ==, 1);
  g_assert_cmpint (trellis_test_query_int (classroom, "SELECT count(*) FROM skill_prerequisites"), >=, 3);
  g_assert_cmpint (trellis_test_query_int (classroom, "SELECT count(DISTINCT playlist_id) FROM playlist_skills"),
                   ==, 2);

  /* The playlists: choice groups with starters, milestones with dates. */
  g_assert_cmpint (trellis_test_query_int (classroom, "SELECT count(*) FROM nodes WHERE kind = 'choice'"), ==, 3);
  g_assert_cmpint (trellis_test_query_int (classroom,
                                           "SELECT count(*) FROM nodes WHERE kind = 'milestone' AND target_date IS NOT NULL"), >=, 6);
  g_assert_cmpint (trellis_test_query_int (classroom,
                                           "SELECT count(*) FROM nodes n JOIN nodes g ON g.id = n.parent_id "
                                           "WHERE g.uid = 'node-civ-choose'"), ==, 3);
  g_assert_cmpint (trellis_test_query_int (classroom,
                                           "SELECT choose_max FROM nodes WHERE uid = 'node-civ-demo'"), ==, 2);
  g_assert_cmpint (trellis_test_query_int (classroom, "SELECT count(*) FROM nodes WHERE is_starter = 1"), >=, 2);
  g_assert_cmpint (trellis_test_query_int (classroom, "SELECT count(*) FROM nodes WHERE is_challenge = 1"), >=, 1);
  g_assert_cmpint (trellis_test_query_int (classroom, "SELECT count(DISTINCT social_mode) FROM nodes"), ==, 3);
  g_assert_cmpint (trellis_test_query_int (classroom, "SELECT count(DISTINCT node_id) FROM node_formats"), >=, 10);
  g_assert_cmpint (trellis_test_query_int (classroom, "SELECT count(DISTINCT node_id) FROM node_skills"), >=, 15);
  g_assert_cmpint (trellis_test_query_int (classroom,
                                           "SELECT target_date = date (?1, '+11 days') FROM nodes "
                                           "WHERE uid = 'node-civ-museum'"), ==, 1);

  /* Every kind of profile entry, progress status and goal status. */
  g_assert_cmpint (trellis_test_query_int (classroom, "SELECT count(DISTINCT kind) FROM profile_entries"), ==, 5);
  g_assert_cmpint (trellis_test_query_int (classroom, "SELECT count(DISTINCT status) FROM progress"), ==, 5);
  g_assert_cmpint (trellis_test_query_int (classroom, "SELECT count(DISTINCT status) FROM goals"), ==, 4);
  g_assert_cmpint (trellis_test_query_int (classroom, "SELECT count(*) FROM goal_revisions"), >=, 5);
  g_assert_cmpint (trellis_test_query_int (classroom, "SELECT count(DISTINCT goal_id) FROM goal_skills"), >=, 10);

  /* Stale profiles (six weeks), most fresh. */
  g_assert_cmpint (trellis_test_query_int (classroom,
                                           "SELECT count(*) FROM (SELECT learner_id FROM profile_entries "
                                           "GROUP BY learner_id HAVING max (revisited_on) < date (?1, '-42 days'))"), >=, 1);
  g_assert_cmpint (trellis_test_query_int (classroom,
                                           "SELECT count(*) FROM (SELECT learner_id FROM profile_entries "
                                           "GROUP BY learner_id HAVING max (revisited_on) >= date (?1, '-21 days'))"), >=, 18);

  /* Overdue active goals. */
  g_assert_cmpint (trellis_test_query_int (classroom,
                                           "SELECT count(*) FROM goals WHERE status = 'active' AND target_date < ?1"), >=, 1);

  /* Conferences due: none within the cadence (21 days), or none at all. */
  g_assert_cmpint (trellis_test_query_int (classroom,
                                           "SELECT count(*) FROM learners l WHERE NOT EXISTS (SELECT 1 FROM conferences c "
                                           "WHERE c.learner_id = l.id AND c.held_on >= date (?1, '-21 days'))"), >=, 3);
  g_assert_cmpint (trellis_test_query_int (classroom,
                                           "SELECT count(*) FROM learners l WHERE NOT EXISTS (SELECT 1 FROM conferences c "
                                           "WHERE c.learner_id = l.id)"), >=, 1);

  /* Reflections by both authors, tied to goals, milestones and conferences. */
  g_assert_cmpint (trellis_test_query_int (classroom, "SELECT count(DISTINCT author) FROM reflections"), ==, 2);
  g_assert_cmpint (trellis_test_query_int (classroom, "SELECT count(*) FROM reflections WHERE goal_id IS NOT NULL"),
                   >=, 10);
  g_assert_cmpint (trellis_test_query_int (classroom, "SELECT count(*) FROM reflections WHERE node_id IS NOT NULL"),
                   >=, 10);
  g_assert_cmpint (trellis_test_query_int (classroom, "SELECT count(*) FROM reflections WHERE conference_id IS NOT NULL"),
                   >=, 10);

  /* Choices respect each group's min and max. */
  g_assert_cmpint (trellis_test_query_int (classroom, "SELECT count(*) FROM choices"), >=, 48);
  g_assert_cmpint (trellis_test_query_int (classroom,
                                           "SELECT count(*) FROM (SELECT c.learner_id, n.parent_id AS group_id, count(*) AS k "
                                           "FROM choices c JOIN nodes n ON n.id = c.option_id GROUP BY 1, 2) x "
                                           "JOIN nodes g ON g.id = x.group_id WHERE x.k < g.choose_min OR x.k > g.choose_max"), ==, 0);
  g_assert_cmpint (trellis_test_query_int (classroom,
                                           "SELECT count(*) FROM choices c JOIN nodes n ON n.id = c.option_id WHERE n.parent_id IS NULL"), ==, 0);

  /* Check-ins, and learners behind a past-due milestone. */
  g_assert_cmpint (trellis_test_query_int (classroom, "SELECT count(*) FROM progress WHERE checkin_on IS NOT NULL"),
                   >=, 24);
  g_assert_cmpint (trellis_test_query_int (classroom,
                                           "SELECT count(DISTINCT p.learner_id) FROM progress p JOIN nodes n ON n.id = p.node_id "
                                           "WHERE n.kind = 'milestone' AND n.target_date < ?1 "
                                           "AND p.status IN ('not_started', 'in_progress')"), >=, 3);

  /* Evidence: three kinds, rubric levels out of 4, none in the future or on weekends. */
  g_assert_cmpint (trellis_test_query_int (classroom, "SELECT count(DISTINCT kind) FROM evidence"), ==, 3);
  g_assert_cmpint (trellis_test_query_int (classroom,
                                           "SELECT count(*) FROM evidence WHERE kind = 'rubric' "
                                           "AND (max_score <> 4 OR score < 1 OR score > 4)"), ==, 0);
  g_assert_cmpint (trellis_test_query_int (classroom, "SELECT count(*) FROM evidence WHERE substr (observed_at, 1, 10) > ?1"),
                   ==, 0);
  g_assert_cmpint (trellis_test_query_int (classroom,
                                           "SELECT count(*) FROM evidence WHERE strftime ('%w', observed_at) IN ('0', '6')"), ==, 0);
  g_assert_cmpint (trellis_test_query_int (classroom,
                                           "SELECT count(DISTINCT date (observed_at, 'weekday 0')) FROM evidence"), >=, 5);

  /* A small group low on one skill, and learners ready for more. */
  g_assert_cmpint (trellis_test_query_int (classroom,
                                           "SELECT count(*) FROM (SELECT e.learner_id FROM evidence e JOIN skills s ON s.id = e.skill_id "
                                           "WHERE s.code = 'CCSS.ELA-LITERACY.RH.6-8.1' GROUP BY e.learner_id "
                                           "HAVING avg (CASE e.kind WHEN 'binary' THEN e.score "
                                           "WHEN 'rubric' THEN (e.score - 1) / (e.max_score - 1) "
                                           "ELSE e.score / e.max_score END) < 0.5)"), >=, 4);
  g_assert_cmpint (trellis_test_query_int (classroom,
                                           "SELECT count(DISTINCT learner_id) FROM (SELECT e.learner_id, e.skill_id FROM evidence e "
                                           "WHERE e.skill_id IS NOT NULL GROUP BY 1, 2 "
                                           "HAVING avg (CASE e.kind WHEN 'binary' THEN e.score "
                                           "WHEN 'rubric' THEN (e.score - 1) / (e.max_score - 1) "
                                           "ELSE e.score / e.max_score END) >= 0.85)"), >=, 3);

  /* The LMS gradebook, mapped and not yet mapped. */
  g_assert_cmpint (trellis_test_query_int (classroom, "SELECT count(*) FROM gradebook_items WHERE source = 'canvas'"),
                   >=, 3);
  g_assert_cmpint (trellis_test_query_int (classroom, "SELECT count(*) FROM gradebook_items WHERE skill_id IS NULL"),
                   >=, 1);
  g_assert_cmpint (trellis_test_query_int (classroom,
                                           "SELECT count(*) FROM evidence WHERE item_id IS NOT NULL AND source = 'import'"), >=, 48);

  /* The agency survey. */
  g_assert_cmpint (trellis_test_query_int (classroom, "SELECT count(*) FROM survey_items"), ==, 4);
  g_assert_cmpint (trellis_test_query_int (classroom, "SELECT count(*) FROM survey_administrations"), ==, 2);
  g_assert_cmpint (trellis_test_query_int (classroom, "SELECT count(*) FROM survey_responses WHERE value NOT BETWEEN 1 AND 4"),
                   ==, 0);
  g_assert_cmpint (trellis_test_query_int (classroom, "SELECT count(DISTINCT administration_id) FROM survey_responses"),
                   ==, 2);

  /* Classroom preferences; dates relative to the clock, not the wall. */
  created = trellis_test_query_text (classroom, "SELECT created_at FROM classroom");
  g_assert_true (g_str_has_prefix (created, "2025-12-"));
  g_assert_cmpint (trellis_test_query_int (classroom, "SELECT school_year = '2025-2026' FROM classroom"), ==, 1);
  g_assert_cmpint (trellis_test_query_int (classroom, "SELECT class_minutes_per_week FROM classroom"), ==, 250);

  /* The mastery model was fitted on the sample's evidence: every skill has
   * parameters, every learner with evidence on a skill has a state. */
  g_assert_cmpint (trellis_test_query_int (classroom, "SELECT count(*) FROM mastery_params"), ==,
                   trellis_test_query_int (classroom, "SELECT count(*) FROM skills"));
  g_assert_cmpint (trellis_test_query_int (classroom, "SELECT count(*) FROM mastery_state"), ==,
                   trellis_test_query_int (classroom, "SELECT count(*) FROM (SELECT DISTINCT learner_id, skill_id "
                                                      "FROM evidence WHERE skill_id IS NOT NULL)"));
  g_assert_cmpint (trellis_test_query_int (classroom, "SELECT count(*) FROM mastery_state WHERE p_known < 0.5"), >, 0);
  g_assert_cmpint (trellis_test_query_int (classroom, "SELECT count(*) FROM mastery_state WHERE p_known > 0.8"), >, 0);
  /* Suggestions are left to the recommender. */
  g_assert_cmpint (trellis_test_query_int (classroom, "SELECT count(*) FROM recommendations"), ==, 0);
}

static void
test_more_learners (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autoptr(GDateTime) now = g_date_time_new_utc (2025, 10, 7, 9, 30, 0);
  g_autoptr(TrellisClassroom) small = create_sample (fixture, "small.trellis", 24, now);
  g_autoptr(TrellisClassroom) large = NULL;
  gint64 start = g_get_monotonic_time ();

  large = create_sample (fixture, "large.trellis", 40, now);
  g_test_message ("sample classroom with 40 learners built in %.1f ms",
                  (g_get_monotonic_time () - start) / 1000.0);

  assert_clean (large);
  g_assert_cmpint (trellis_classroom_count (large, "learners"), ==, 40);
  g_assert_cmpuint (g_list_model_get_n_items (trellis_classroom_get_learners (large)), ==, 40);
  g_assert_cmpint (trellis_classroom_count (large, "evidence"), >,
                   trellis_classroom_count (small, "evidence") * 40 / 24 * 9 / 10);
  g_assert_cmpint (trellis_test_query_int (large, "SELECT count(DISTINCT name) FROM learners"), ==, 40);
  g_assert_cmpint (trellis_test_query_int (large, "SELECT count(DISTINCT sis_id) FROM learners WHERE sis_id IS NOT NULL"), ==,
                   trellis_test_query_int (large, "SELECT count(sis_id) FROM learners"));

  /* The first learners are the same whatever the class size. */
  g_assert_cmpint (trellis_test_query_int (large, "SELECT count(*) FROM evidence WHERE learner_id <= 24"), ==,
                   trellis_classroom_count (small, "evidence"));
}

/* Dates across a year's end and on a weekend are fine. */
static void
test_other_dates (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_autoptr(GDateTime) sunday = g_date_time_new_utc (2026, 1, 4, 12, 0, 0);
  g_autoptr(TrellisClassroom) classroom = create_sample (fixture, "winter.trellis", 0, sunday);

  assert_clean (classroom);
  g_assert_cmpint (trellis_test_query_int (classroom, "SELECT school_year = '2025-2026' FROM classroom"), ==, 1);
  g_assert_cmpint (trellis_test_query_int (classroom,
                                           "SELECT count(*) FROM evidence WHERE strftime ('%w', observed_at) IN ('0', '6')"), ==, 0);
  g_assert_cmpint (trellis_test_query_int (classroom, "SELECT count(*) FROM evidence WHERE substr (observed_at, 1, 10) > ?1"),
                   ==, 0);
  g_assert_cmpint (trellis_test_query_int (classroom, "SELECT count(*) FROM progress WHERE checkin_on > ?1"), ==, 0);
  g_assert_cmpint (trellis_test_query_int (classroom, "SELECT count(*) FROM conferences WHERE held_on > ?1"), ==, 0);
  g_assert_cmpint (trellis_test_query_int (classroom, "SELECT count(*) FROM reflections WHERE written_on > ?1"), ==, 0);
}

static void
test_errors (Fixture       *fixture,
             gconstpointer  user_data)
{
  g_autoptr(GDateTime) now = g_date_time_new_utc (2026, 3, 18, 14, 0, 0);
  g_autoptr(TrellisClassroom) classroom = NULL;
  g_autoptr(TrellisClassroom) empty = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *existing = trellis_test_fixture_file (fixture, "existing.txt");
  g_autofree char *too_many = trellis_test_fixture_file (fixture, "too-many.trellis");
  g_autofree char *real = trellis_test_fixture_file (fixture, "real-clock.trellis");
  g_autofree char *empty_path = trellis_test_fixture_file (fixture, "empty.trellis");
  g_autofree char *contents = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  /* An existing file is never touched. */
  g_assert_true (g_file_set_contents (existing, "keep me", -1, NULL));
  classroom = trellis_sample_create (existing, 0, &error);
  g_assert_error (error, TRELLIS_CLASSROOM_ERROR, TRELLIS_CLASSROOM_ERROR_EXISTS);
  g_assert_null (classroom);
  g_clear_error (&error);
  g_assert_true (g_file_get_contents (existing, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "keep me");

  /* A failure leaves no file behind. */
  classroom = trellis_sample_create (too_many, TRELLIS_SAMPLE_MAX_LEARNERS + 1, &error);
  g_assert_error (error, TRELLIS_CLASSROOM_ERROR, TRELLIS_CLASSROOM_ERROR_INVALID);
  g_assert_null (classroom);
  g_clear_error (&error);
  g_assert_false (g_file_test (too_many, G_FILE_TEST_EXISTS));

  /* The real clock works too. */
  classroom = trellis_sample_create (real, 0, &error);
  g_assert_no_error (error);
  g_assert_nonnull (classroom);

  /* Populating twice is refused and changes nothing. */
  before = dump (classroom);
  g_assert_false (trellis_sample_populate (classroom, 0, &error));
  g_assert_error (error, TRELLIS_CLASSROOM_ERROR, TRELLIS_CLASSROOM_ERROR_EXISTS);
  g_clear_error (&error);
  after = dump (classroom);
  g_assert_cmpstr (before, ==, after);

  /* Populating an empty classroom, then opening it again, gives the same file. */
  empty = trellis_classroom_create (empty_path, "Empty", &error);
  g_assert_no_error (error);
  trellis_classroom_set_clock (empty, trellis_test_clock_date_time, now);
  g_assert_true (trellis_sample_populate (empty, 0, &error));
  g_assert_no_error (error);
  assert_clean (empty);
  g_assert_cmpint (trellis_classroom_count (empty, "learners"), ==, 24);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add (name, Fixture, NULL, fixture_set_up, func, trellis_test_fixture_tear_down)
  ADD ("/sample/deterministic", test_deterministic);
  ADD ("/sample/contents", test_contents);
  ADD ("/sample/more-learners", test_more_learners);
  ADD ("/sample/other-dates", test_other_dates);
  ADD ("/sample/errors", test_errors);
#undef ADD

  return g_test_run ();
}

/* test-mastery.c
 *
 * Copyright 2026 The Trellis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "trellis-mastery.h"
#include "trellis-mastery-scheduler.h"
#include "trellis-test-utils.h"

/* The mastery engine wired to a classroom file. */

typedef struct
{
  char             *dir;
  char             *path;
  TrellisClassroom *classroom;
  gint64            strong;   /* right almost always */
  gint64            weak;     /* wrong almost always */
  gint64            skill;
  gint64            other_skill;
} Fixture;

static void
add_evidence (Fixture *fixture,
              gint64   learner,
              gint64   skill,
              gboolean correct,
              guint    day)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *date = g_strdup_printf ("2026-10-%02u", day);
  gint64 id;

  id = trellis_mastery_add_evidence (fixture->classroom, learner, skill, TRELLIS_BKT_EVIDENCE_BINARY,
                                     correct ? 1 : 0, 0, date, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
}

static gboolean
get_state (TrellisClassroom *classroom,
           gint64            learner,
           gint64            skill,
           double           *p_known,
           double           *p_correct,
           int              *n,
           char            **explanation)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = trellis_classroom_prepare (classroom,
                                    "SELECT p_known, p_correct, n_evidence, explanation FROM mastery_state "
                                    "WHERE learner_id = ?1 AND skill_id = ?2",
                                    NULL);
  sqlite3_bind_int64 (stmt, 1, learner);
  sqlite3_bind_int64 (stmt, 2, skill);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return FALSE;

  *p_known = sqlite3_column_double (stmt, 0);
  *p_correct = sqlite3_column_double (stmt, 1);
  *n = sqlite3_column_int (stmt, 2);
  if (explanation != NULL)
    *explanation = g_strdup ((const char *)sqlite3_column_text (stmt, 3));
  return TRUE;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = trellis_test_make_tmp_dir ("trellis-mastery-XXXXXX");
  fixture->path = g_build_filename (fixture->dir, "class.trellis", NULL);
  fixture->classroom = trellis_classroom_create (fixture->path, "Room 12", &error);
  g_assert_no_error (error);

  g_assert_true (trellis_classroom_exec (fixture->classroom,
                                         "INSERT INTO skills (id, code, name) VALUES (1, 'RP.A.1', 'Ratios'),"
                                         " (2, 'RP.A.2', 'Unit rates'), (3, 'NS.B.2', 'Division');",
                                         &error));
  g_assert_no_error (error);
  fixture->skill = 1;
  fixture->other_skill = 2;
  fixture->strong = trellis_learner_get_id (trellis_classroom_add_learner (fixture->classroom, "Amara", &error));
  fixture->weak = trellis_learner_get_id (trellis_classroom_add_learner (fixture->classroom, "Liam", &error));
  g_assert_no_error (error);

  /* A class of 20 with a realistic mix, so the fit has something to learn. */
  for (guint i = 0; i < 18; i++)
    {
      g_autofree char *name = g_strdup_printf ("Learner %02u", i);
      gint64 id = trellis_learner_get_id (trellis_classroom_add_learner (fixture->classroom, name, &error));

      g_assert_no_error (error);
      /* Learner i masters both skills after (i % 6) attempts; a few slips and guesses. */
      for (guint day = 1; day <= 8; day++)
        {
          guint attempt = (day - 1) / 2;
          gboolean correct = attempt >= i % 6 / 2;

          if ((i + day) % 9 == 0)
            correct = !correct;
          add_evidence (fixture, id, day % 2 ? fixture->skill : fixture->other_skill, correct, day);
        }
    }

  for (guint day = 1; day <= 8; day++)
    {
      add_evidence (fixture, fixture->strong, fixture->skill, day != 2, day);
      add_evidence (fixture, fixture->weak, fixture->skill, day == 5, day);
    }
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

static void
test_refit (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *explanation = NULL;
  double strong_known, strong_correct, weak_known, weak_correct;
  int n;

  g_assert_true (trellis_mastery_refit (fixture->classroom, &error));
  g_assert_no_error (error);

  /* Every skill has parameters, within bounds; the unused one is pooled. */
  g_assert_cmpint (trellis_test_query_int (fixture->classroom, "SELECT count(*) FROM mastery_params"), ==, 3);
  g_assert_cmpint (trellis_test_query_int (fixture->classroom,
                                           "SELECT count(*) FROM mastery_params WHERE guess <= 0.3 AND slip <= 0.3 "
                                           "AND guess < 1 - slip"), ==, 3);
  g_assert_cmpint (trellis_test_query_int (fixture->classroom, "SELECT pooled FROM mastery_params WHERE skill_id = 3"),
                   ==, 1);
  g_assert_cmpint (trellis_test_query_int (fixture->classroom, "SELECT n_evidence FROM mastery_params WHERE skill_id = 1"),
                   ==, 18 * 4 + 16);

  /* States exist only where there is evidence. */
  g_assert_cmpint (trellis_test_query_int (fixture->classroom, "SELECT count(*) FROM mastery_state"), ==, 18 * 2 + 2);
  g_assert_cmpint (trellis_test_query_int (fixture->classroom, "SELECT count(*) FROM mastery_state WHERE skill_id = 3"),
                   ==, 0);

  g_assert_true (get_state (fixture->classroom, fixture->strong, fixture->skill,
                            &strong_known, &strong_correct, &n, &explanation));
  g_assert_cmpint (n, ==, 8);
  g_assert_true (get_state (fixture->classroom, fixture->weak, fixture->skill,
                            &weak_known, &weak_correct, &n, NULL));
  g_assert_cmpfloat (strong_known, >, 0.8);
  g_assert_cmpfloat (weak_known, <, 0.4);
  g_assert_cmpfloat (strong_correct, >, weak_correct);

  /* The plain sentence says what the evidence was. */
  g_test_message ("%s", explanation);
  g_assert_nonnull (strstr (explanation, "5 of the last 5"));
}

static void
test_add_evidence_updates_at_once (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  double known_before, known_after, p;
  int n_before, n_after;
  double other_before, other_after;
  int n;

  g_assert_true (trellis_mastery_refit (fixture->classroom, &error));
  g_assert_true (get_state (fixture->classroom, fixture->weak, fixture->skill, &known_before, &p, &n_before, NULL));
  g_assert_true (get_state (fixture->classroom, fixture->strong, fixture->skill, &other_before, &p, &n, NULL));

  for (guint day = 20; day < 25; day++)
    add_evidence (fixture, fixture->weak, fixture->skill, TRUE, day);

  g_assert_true (get_state (fixture->classroom, fixture->weak, fixture->skill, &known_after, &p, &n_after, NULL));
  g_assert_cmpint (n_after, ==, n_before + 5);
  g_assert_cmpfloat (known_after, >, known_before + 0.3);

  /* Other learners are untouched, and nothing was refitted. */
  g_assert_true (get_state (fixture->classroom, fixture->strong, fixture->skill, &other_after, &p, &n, NULL));
  g_assert_cmpfloat (other_after, ==, other_before);
  g_assert_cmpint (trellis_test_query_int (fixture->classroom, "SELECT n_evidence FROM mastery_params WHERE skill_id = 1"),
                   ==, 18 * 4 + 16);
}

static void
test_rule (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  TrellisBktEvidenceRule rule;
  gint64 learner;
  double known_3, known_2, p;
  int n;

  learner = trellis_learner_get_id (trellis_classroom_add_learner (fixture->classroom, "Mei-Ling", &error));
  g_assert_no_error (error);

  trellis_mastery_get_rule (fixture->classroom, &rule);
  g_assert_cmpfloat (rule.rubric_level, ==, 3);
  g_assert_cmpfloat (rule.rubric_levels, ==, 4);

  /* Level 2 of 4 is below "proficient": counts as wrong. */
  for (guint i = 0; i < 4; i++)
    g_assert_cmpint (trellis_mastery_add_evidence (fixture->classroom, learner, fixture->skill,
                                                   TRELLIS_BKT_EVIDENCE_RUBRIC, 2, 4, "2026-10-10", &error), >, 0);
  g_assert_true (get_state (fixture->classroom, learner, fixture->skill, &known_3, &p, &n, NULL));

  /* The teacher lowers the bar to level 2: the same evidence now counts as right. */
  rule.rubric_level = 2;
  g_assert_true (trellis_mastery_set_rule (fixture->classroom, &rule, &error));
  g_assert_no_error (error);
  g_assert_true (trellis_mastery_update_state (fixture->classroom, learner, fixture->skill, &error));
  g_assert_true (get_state (fixture->classroom, learner, fixture->skill, &known_2, &p, &n, NULL));
  g_assert_cmpfloat (known_2, >, known_3);

  /* A level above the scale is refused and nothing is written. */
  g_assert_cmpint (trellis_mastery_add_evidence (fixture->classroom, learner, fixture->skill,
                                                 TRELLIS_BKT_EVIDENCE_RUBRIC, 7, 4, NULL, &error), ==, 0);
  g_assert_error (error, TRELLIS_CLASSROOM_ERROR, TRELLIS_CLASSROOM_ERROR_INVALID);
  g_assert_cmpint (trellis_test_query_int (fixture->classroom, "SELECT count(*) FROM evidence WHERE score = 7"), ==, 0);
}

static void
on_refit_done (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  GError **error = user_data;

  trellis_mastery_refit_finish (result, error);
  if (*error == NULL)
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_EXISTS, "done");
}

static void
test_refit_async (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  /* The worker writes through its own connection; this one sees it. */
  trellis_mastery_refit_async (fixture->classroom, NULL, on_refit_done, &error);
  while (error == NULL)
    g_main_context_iteration (NULL, TRUE);
  /* "done" is the marker on_refit_done sets on success. */
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);

  g_assert_cmpint (trellis_test_query_int (fixture->classroom, "SELECT count(*) FROM mastery_state"), ==, 18 * 2 + 2);
}

static void
test_deterministic (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) first = g_string_new (NULL);
  g_autoptr(GString) second = g_string_new (NULL);
  GString *dumps[2] = { first, second };

  for (guint round = 0; round < 2; round++)
    {
      g_autoptr(sqlite3_stmt) stmt = NULL;

      g_assert_true (trellis_mastery_refit (fixture->classroom, &error));
      g_assert_no_error (error);
      stmt = trellis_classroom_prepare (fixture->classroom,
                                        "SELECT printf('%d %.17g %.17g %.17g %.17g', skill_id, prior, learn, guess, slip) "
                                        "FROM mastery_params ORDER BY skill_id",
                                        NULL);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        g_string_append_printf (dumps[round], "%s\n", sqlite3_column_text (stmt, 0));
    }

  g_assert_cmpstr (first->str, ==, second->str);
}

/* Every change the fit depends on makes the stored model stale; a refit
 * makes it current again; edits that do not feed the fit do not. */
static void
test_needs_refit (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  TrellisBktEvidenceRule rule;
  TrellisLearner *learner;

#define REFIT() G_STMT_START { \
    g_assert_true (trellis_mastery_refit (fixture->classroom, &error)); \
    g_assert_no_error (error); \
    g_assert_false (trellis_mastery_needs_refit (fixture->classroom)); \
  } G_STMT_END

  /* Never fitted. */
  g_assert_true (trellis_mastery_needs_refit (fixture->classroom));
  REFIT ();

  /* A new piece of evidence. */
  add_evidence (fixture, fixture->weak, fixture->skill, TRUE, 20);
  g_assert_true (trellis_mastery_needs_refit (fixture->classroom));
  REFIT ();

  /* A score edited, a date edited, a piece deleted. */
  g_assert_true (trellis_classroom_exec (fixture->classroom,
                                         "UPDATE evidence SET score = 1 - score WHERE id = 3", &error));
  g_assert_true (trellis_mastery_needs_refit (fixture->classroom));
  REFIT ();
  g_assert_true (trellis_classroom_exec (fixture->classroom,
                                         "UPDATE evidence SET observed_at = '2026-09-01' WHERE id = 4", &error));
  g_assert_true (trellis_mastery_needs_refit (fixture->classroom));
  REFIT ();
  g_assert_true (trellis_classroom_exec (fixture->classroom, "DELETE FROM evidence WHERE id = 5", &error));
  g_assert_true (trellis_mastery_needs_refit (fixture->classroom));
  REFIT ();

  /* A learner moved to the trash, and back. */
  learner = trellis_classroom_lookup_learner (fixture->classroom, fixture->weak);
  g_assert_nonnull (learner);
  g_assert_true (trellis_classroom_trash_learner (fixture->classroom, learner, &error));
  g_assert_true (trellis_mastery_needs_refit (fixture->classroom));
  REFIT ();
  g_assert_true (trellis_classroom_restore_learner (fixture->classroom, learner, &error));
  g_assert_true (trellis_mastery_needs_refit (fixture->classroom));
  REFIT ();

  /* A new skill; the rule. */
  g_assert_true (trellis_classroom_exec (fixture->classroom,
                                         "INSERT INTO skills (id, code, name) VALUES (9, 'G.A.1', 'Area')", &error));
  g_assert_true (trellis_mastery_needs_refit (fixture->classroom));
  REFIT ();
  trellis_mastery_get_rule (fixture->classroom, &rule);
  rule.points_fraction = rule.points_fraction > 0.6 ? 0.6 : 0.8;
  g_assert_true (trellis_mastery_set_rule (fixture->classroom, &rule, &error));
  g_assert_true (trellis_mastery_needs_refit (fixture->classroom));
  REFIT ();

  /* A note on a piece of evidence does not feed the fit. */
  g_assert_true (trellis_classroom_exec (fixture->classroom,
                                         "UPDATE evidence SET note = 'retook it' WHERE id = 6", &error));
  g_assert_no_error (error);
  g_assert_false (trellis_mastery_needs_refit (fixture->classroom));

#undef REFIT
}

typedef struct
{
  guint mastery;   /* ::data-changed with TRELLIS_DATA_MASTERY */
  guint failed;
} SchedulerCounts;

static void
on_scheduler_data_changed (TrellisClassroom        *classroom,
                           const TrellisDataChange *change,
                           SchedulerCounts         *counts)
{
  if (change->kinds & TRELLIS_DATA_MASTERY)
    counts->mastery++;
}

static void
on_scheduler_failed (TrellisMasteryScheduler *scheduler,
                     const GError            *error,
                     SchedulerCounts         *counts)
{
  counts->failed++;
}

/* Runs the main loop for @ms milliseconds. */
static void
run_for (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * G_TIME_SPAN_MILLISECOND;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE), g_usleep (1000);
}

/* Runs the main loop until the scheduler is idle with nothing pending. */
static void
run_until_fitted (TrellisMasteryScheduler *scheduler,
                  TrellisClassroom        *classroom)
{
  gint64 end = g_get_monotonic_time () + 30 * G_TIME_SPAN_SECOND;

  while (g_get_monotonic_time () < end &&
         (trellis_mastery_scheduler_get_busy (scheduler) || trellis_mastery_needs_refit (classroom)))
    g_main_context_iteration (NULL, FALSE), g_usleep (1000);
  run_for (50);
}

static void
test_scheduler (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(TrellisMasteryScheduler) scheduler = NULL;
  SchedulerCounts counts = { 0, };

  g_signal_connect (fixture->classroom, "data-changed", G_CALLBACK (on_scheduler_data_changed), &counts);

  /* Opened with evidence never fitted: one refit in the background. */
  scheduler = trellis_mastery_scheduler_new (fixture->classroom, 20);
  g_signal_connect (scheduler, "failed", G_CALLBACK (on_scheduler_failed), &counts);
  g_assert_false (trellis_mastery_scheduler_get_busy (scheduler));
  run_until_fitted (scheduler, fixture->classroom);
  g_assert_cmpuint (counts.mastery, ==, 1);
  g_assert_false (trellis_mastery_needs_refit (fixture->classroom));
  g_assert_cmpint (trellis_test_query_int (fixture->classroom, "SELECT count(*) FROM mastery_params"), ==, 3);

  /* A burst of evidence: one more refit after it. */
  for (guint day = 21; day <= 25; day++)
    add_evidence (fixture, fixture->weak, fixture->other_skill, day % 2, day);
  g_assert_true (trellis_mastery_needs_refit (fixture->classroom));
  run_until_fitted (scheduler, fixture->classroom);
  g_assert_cmpuint (counts.mastery, ==, 2);

  /* Nothing changed: no refit, the file is left alone. */
  g_clear_object (&scheduler);
  scheduler = trellis_mastery_scheduler_new (fixture->classroom, 20);
  run_for (200);
  g_assert_cmpuint (counts.mastery, ==, 2);
  g_assert_cmpuint (counts.failed, ==, 0);

  g_signal_handlers_disconnect_by_data (fixture->classroom, &counts);
}

/* A refit that cannot be written says so once, leaves the classroom as it
 * was, and the next change is refitted again. */
static void
test_scheduler_failure (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(TrellisMasteryScheduler) scheduler = NULL;
  g_autoptr(GError) error = NULL;
  SchedulerCounts counts = { 0, };
  gint64 end;

  g_assert_true (trellis_classroom_exec (fixture->classroom,
                                         "CREATE TRIGGER block_refit BEFORE INSERT ON mastery_params "
                                         "BEGIN SELECT RAISE (ABORT, 'disk full'); END;",
                                         &error));
  g_assert_no_error (error);
  g_signal_connect (fixture->classroom, "data-changed", G_CALLBACK (on_scheduler_data_changed), &counts);
  scheduler = trellis_mastery_scheduler_new (fixture->classroom, 10);
  g_signal_connect (scheduler, "failed", G_CALLBACK (on_scheduler_failed), &counts);

  end = g_get_monotonic_time () + 30 * G_TIME_SPAN_SECOND;
  while (counts.failed == 0 && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE), g_usleep (1000);
  run_for (100);
  g_assert_cmpuint (counts.failed, ==, 1);
  g_assert_cmpuint (counts.mastery, ==, 0);
  g_assert_false (trellis_mastery_scheduler_get_busy (scheduler));
  g_assert_true (trellis_mastery_needs_refit (fixture->classroom));
  g_assert_cmpint (trellis_test_query_int (fixture->classroom, "SELECT count(*) FROM mastery_params"), ==, 0);

  g_assert_true (trellis_classroom_exec (fixture->classroom, "DROP TRIGGER block_refit", &error));
  add_evidence (fixture, fixture->strong, fixture->other_skill, TRUE, 27);
  run_until_fitted (scheduler, fixture->classroom);
  g_assert_cmpuint (counts.failed, ==, 1);
  g_assert_cmpuint (counts.mastery, ==, 1);

  g_signal_handlers_disconnect_by_data (fixture->classroom, &counts);
}

/* A read-only classroom is never written, however stale its model. */
static void
test_scheduler_read_only (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(TrellisClassroom) read_only = NULL;
  g_autoptr(TrellisMasteryScheduler) scheduler = NULL;
  g_autoptr(GError) error = NULL;
  SchedulerCounts counts = { 0, };

  read_only = trellis_classroom_open (fixture->path, TRELLIS_OPEN_FLAGS_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_true (trellis_mastery_needs_refit (read_only));
  g_signal_connect (read_only, "data-changed", G_CALLBACK (on_scheduler_data_changed), &counts);
  scheduler = trellis_mastery_scheduler_new (read_only, 10);
  g_signal_connect (scheduler, "failed", G_CALLBACK (on_scheduler_failed), &counts);
  run_for (200);
  g_assert_false (trellis_mastery_scheduler_get_busy (scheduler));
  g_assert_cmpuint (counts.mastery, ==, 0);
  g_assert_cmpuint (counts.failed, ==, 0);
  g_assert_cmpint (trellis_test_query_int (fixture->classroom, "SELECT count(*) FROM mastery_params"), ==, 0);
  g_signal_handlers_disconnect_by_data (read_only, &counts);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/mastery/refit", test_refit);
  ADD ("/mastery/add-evidence-updates-at-once", test_add_evidence_updates_at_once);
  ADD ("/mastery/rule", test_rule);
  ADD ("/mastery/refit-async", test_refit_async);
  ADD ("/mastery/deterministic", test_deterministic);
  ADD ("/mastery/needs-refit", test_needs_refit);
  ADD ("/mastery/scheduler", test_scheduler);
  ADD ("/mastery/scheduler-failure", test_scheduler_failure);
  ADD ("/mastery/scheduler-read-only", test_scheduler_read_only);

#undef ADD

  return g_test_run ();
}

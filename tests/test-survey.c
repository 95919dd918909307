/* test-survey.c
 *
 * Copyright 2026 The Trellis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "trellis-survey.h"
#include "trellis-test-utils.h"

/*
 * Removing a survey item undoably and restoring it, on the sample
 * classroom (whose survey has items answered in two administrations): the
 * item and its answers come back as the very same rows.
 */

#define ITEMS_SQL \
  "SELECT group_concat (row, ';') FROM (SELECT id || '|' || survey_id || '|' || position || '|' || " \
  "prompt || '|' || scale_min || '|' || scale_max AS row FROM survey_items ORDER BY id)"
#define RESPONSES_SQL \
  "SELECT group_concat (row, ';') FROM (SELECT administration_id || '|' || item_id || '|' || " \
  "learner_id || '|' || value AS row FROM survey_responses " \
  "ORDER BY administration_id, item_id, learner_id)"

/* The item of the sample's survey with the most answers. */
static gint64
answered_item (TrellisClassroom *classroom)
{
  gint64 item_id = trellis_test_query_int (classroom,
                                           "SELECT item_id FROM survey_responses GROUP BY item_id "
                                           "ORDER BY count(*) DESC, item_id LIMIT 1");

  g_assert_cmpint (item_id, >, 0);
  return item_id;
}

static gint64
count_answers (TrellisClassroom *classroom,
               gint64            item_id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM survey_responses WHERE item_id = %" G_GINT64_FORMAT,
                                          item_id);

  return trellis_test_query_int (classroom, sql);
}

static void
test_remove_restore (TrellisTestFixture *fixture,
                     gconstpointer       data)
{
  g_autoptr(TrellisSurveyItemSnapshot) snapshot = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autofree char *items_before = trellis_test_query_text (fixture->classroom, ITEMS_SQL);
  g_autofree char *responses_before = trellis_test_query_text (fixture->classroom, RESPONSES_SQL);
  g_autofree char *items_after = NULL;
  g_autofree char *responses_after = NULL;
  gint64 survey_id = trellis_survey_get_default (fixture->classroom, FALSE, &error);
  gint64 item_id = answered_item (fixture->classroom);
  gint64 answers = count_answers (fixture->classroom, item_id);

  g_assert_no_error (error);
  g_assert_cmpint (answers, >, 0);
  before = trellis_survey_get_items (fixture->classroom, survey_id, &error);
  g_assert_no_error (error);

  snapshot = trellis_survey_remove_item_undoable (fixture->classroom, item_id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (snapshot);

  /* Gone, with its answers, and nothing else. */
  after = trellis_survey_get_items (fixture->classroom, survey_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (after->len, ==, before->len - 1);
  for (guint i = 0; i < after->len; i++)
    g_assert_cmpint (((TrellisSurveyItem *)g_ptr_array_index (after, i))->id, !=, item_id);
  g_clear_pointer (&after, g_ptr_array_unref);
  g_assert_cmpint (count_answers (fixture->classroom, item_id), ==, 0);
  g_assert_cmpint (trellis_test_query_int (fixture->classroom, "SELECT count(*) FROM survey_responses"), >, 0);

  /* Back: the same rows, ids, positions and answers included. */
  g_assert_cmpint (trellis_survey_restore_item (fixture->classroom, snapshot, &error), ==, item_id);
  g_assert_no_error (error);
  items_after = trellis_test_query_text (fixture->classroom, ITEMS_SQL);
  responses_after = trellis_test_query_text (fixture->classroom, RESPONSES_SQL);
  g_assert_cmpstr (items_after, ==, items_before);
  g_assert_cmpstr (responses_after, ==, responses_before);
  g_assert_cmpint (count_answers (fixture->classroom, item_id), ==, answers);

  after = trellis_survey_get_items (fixture->classroom, survey_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (after->len, ==, before->len);
  for (guint i = 0; i < after->len; i++)
    {
      TrellisSurveyItem *a = g_ptr_array_index (before, i);
      TrellisSurveyItem *b = g_ptr_array_index (after, i);

      g_assert_cmpint (a->id, ==, b->id);
      g_assert_cmpstr (a->prompt, ==, b->prompt);
    }

  /* Once only. */
  g_assert_cmpint (trellis_survey_restore_item (fixture->classroom, snapshot, &error), ==, 0);
  g_assert_error (error, TRELLIS_SURVEY_ERROR, TRELLIS_SURVEY_ERROR_NOT_FOUND);
  g_clear_pointer (&items_after, g_free);
  items_after = trellis_test_query_text (fixture->classroom, ITEMS_SQL);
  g_assert_cmpstr (items_after, ==, items_before);
}

/* An administration the answers belong to is gone: nothing comes back. */
static void
test_restore_after_administration_gone (TrellisTestFixture *fixture,
                                        gconstpointer       data)
{
  g_autoptr(TrellisSurveyItemSnapshot) snapshot = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *items_removed = NULL;
  g_autofree char *items_after = NULL;
  g_autofree char *responses_removed = NULL;
  g_autofree char *responses_after = NULL;
  gint64 item_id = answered_item (fixture->classroom);
  gint64 administration_id;

  administration_id = trellis_test_query_int (fixture->classroom,
                                              "SELECT max (administration_id) FROM survey_responses");
  snapshot = trellis_survey_remove_item_undoable (fixture->classroom, item_id, &error);
  g_assert_no_error (error);

  stmt = trellis_classroom_prepare (fixture->classroom, "DELETE FROM survey_administrations WHERE id = ?1", &error);
  g_assert_no_error (error);
  sqlite3_bind_int64 (stmt, 1, administration_id);
  g_assert_true (trellis_classroom_step (fixture->classroom, stmt, &error));
  g_assert_no_error (error);
  items_removed = trellis_test_query_text (fixture->classroom, ITEMS_SQL);
  responses_removed = trellis_test_query_text (fixture->classroom, RESPONSES_SQL);

  g_assert_cmpint (trellis_survey_restore_item (fixture->classroom, snapshot, &error), ==, 0);
  g_assert_error (error, TRELLIS_SURVEY_ERROR, TRELLIS_SURVEY_ERROR_NOT_FOUND);
  items_after = trellis_test_query_text (fixture->classroom, ITEMS_SQL);
  responses_after = trellis_test_query_text (fixture->classroom, RESPONSES_SQL);
  g_assert_cmpstr (items_after, ==, items_removed);
  g_assert_cmpstr (responses_after, ==, responses_removed);
  g_assert_cmpint (count_answers (fixture->classroom, item_id), ==, 0);
}

static void
test_remove_unknown (TrellisTestFixture *fixture,
                     gconstpointer       data)
{
  g_autoptr(TrellisSurveyItemSnapshot) snapshot = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *items_before = trellis_test_query_text (fixture->classroom, ITEMS_SQL);
  g_autofree char *items_after = NULL;

  snapshot = trellis_survey_remove_item_undoable (fixture->classroom, 999999, &error);
  g_assert_null (snapshot);
  g_assert_error (error, TRELLIS_SURVEY_ERROR, TRELLIS_SURVEY_ERROR_NOT_FOUND);
  items_after = trellis_test_query_text (fixture->classroom, ITEMS_SQL);
  g_assert_cmpstr (items_after, ==, items_before);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, TrellisTestFixture, NULL, trellis_test_fixture_set_up_sample, func, \
              trellis_test_fixture_tear_down)

  ADD ("/survey/remove-restore", test_remove_restore);
  ADD ("/survey/restore-after-administration-gone", test_restore_after_administration_gone);
  ADD ("/survey/remove-unknown", test_remove_unknown);

  return g_test_run ();
}

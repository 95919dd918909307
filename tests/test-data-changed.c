/* test-data-changed.c
 *
 * Copyright 2026 The Trellis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gio.h>

#include "trellis-classroom.h"
#include "trellis-mastery.h"
#include "trellis-sample.h"
#include "trellis-test-utils.h"

/*
 * TrellisClassroom::data-changed for the writers that change what every
 * open view shows without being a progress or evidence edit: removing and
 * putting back playlist items, deleting skills and playlists (curriculum)
 * and refitting the mastery model (mastery).  Each emits exactly once,
 * after its COMMIT, and a write that fails inside its transaction emits
 * nothing, not even with the next write.  (Progress, choices and
 * evidence: test-progress.c.)
 */

/* What data-changed reported. */
typedef struct
{
  guint            n_emissions;
  TrellisDataKinds kinds;
  gint64           learner_id;
  guint            n_evidence;
  gboolean         in_transaction;
  gint64           n_states;   /* mastery_state rows this connection saw */
  gboolean         done;       /* the async refit's callback ran */
  guint            n_before_done;
  GError          *error;
} ChangeLog;

static void
on_data_changed_cb (TrellisClassroom        *classroom,
                    const TrellisDataChange *change,
                    ChangeLog               *log)
{
  log->n_emissions++;
  log->kinds = change->kinds;
  log->learner_id = change->learner_id;
  log->n_evidence = change->evidence->len;
  log->in_transaction |= !sqlite3_get_autocommit (trellis_classroom_get_db (classroom));
  log->n_states = trellis_test_query_int (classroom, "SELECT count(*) FROM mastery_state");
}

static void
change_log_reset (ChangeLog *log)
{
  log->n_emissions = 0;
  log->kinds = 0;
  log->learner_id = -1;
  log->n_evidence = 0;
  log->n_states = -1;
  log->done = FALSE;
  log->n_before_done = 0;
  g_clear_error (&log->error);
}

typedef struct
{
  TrellisTestFixture base;
  ChangeLog          log;
  TrellisPlaylist   *playlist;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  trellis_test_fixture_set_up_sample (&fixture->base, data);
  fixture->playlist = trellis_classroom_find_playlist (fixture->base.classroom, "Ancient civilizations", &error);
  g_assert_no_error (error);
  g_assert_nonnull (fixture->playlist);

  change_log_reset (&fixture->log);
  g_signal_connect (fixture->base.classroom, "data-changed", G_CALLBACK (on_data_changed_cb), &fixture->log);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_assert_false (fixture->log.in_transaction);
  g_signal_handlers_disconnect_by_func (fixture->base.classroom, on_data_changed_cb, &fixture->log);
  g_clear_error (&fixture->log.error);
  trellis_test_fixture_tear_down (&fixture->base, data);
}

static void
assert_one_change (ChangeLog        *log,
                   TrellisDataKinds  kinds)
{
  g_assert_cmpuint (log->n_emissions, ==, 1);
  g_assert_cmpint (log->kinds, ==, kinds);
  g_assert_cmpint (log->learner_id, ==, 0);
  g_assert_cmpuint (log->n_evidence, ==, 0);
}

/* The @index-th top-level item of the fixture's playlist (a new reference). */
static TrellisNode *
nth_node (Fixture *fixture,
          guint    index)
{
  GListModel *nodes = trellis_classroom_get_nodes (fixture->base.classroom, fixture->playlist, NULL);

  g_assert_cmpuint (g_list_model_get_n_items (nodes), >, index);
  return g_list_model_get_item (nodes, index);
}

/* Removes the row behind @id from the file without the classroom knowing,
 * so that the classroom's own delete fails inside its transaction. */
static void
delete_behind_its_back (TrellisClassroom *classroom,
                        const char       *table,
                        gint64            id)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = g_strdup_printf ("DELETE FROM %s WHERE id = %" G_GINT64_FORMAT, table, id);

  g_assert_true (trellis_classroom_exec (classroom, sql, &error));
  g_assert_no_error (error);
}

/* A write that emits nothing: renaming, which is not a data change. */
static void
assert_nothing_pending (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (trellis_classroom_rename_playlist (fixture->base.classroom, fixture->playlist, "Old worlds", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (fixture->log.n_emissions, ==, 0);
}

static void
test_delete_node (Fixture       *fixture,
                  gconstpointer  data)
{
  TrellisClassroom *classroom = fixture->base.classroom;
  g_autoptr(TrellisNode) node = nth_node (fixture, 0);
  g_autoptr(TrellisNode) gone = nth_node (fixture, 1);
  g_autoptr(GError) error = NULL;

  g_assert_true (trellis_classroom_delete_node (classroom, node, &error));
  g_assert_no_error (error);
  assert_one_change (&fixture->log, TRELLIS_DATA_CURRICULUM);

  /* Gone from the file already: the DELETE fails, the transaction is rolled back. */
  change_log_reset (&fixture->log);
  delete_behind_its_back (classroom, "nodes", trellis_node_get_id (gone));
  g_assert_false (trellis_classroom_delete_node (classroom, gone, &error));
  g_assert_error (error, TRELLIS_CLASSROOM_ERROR, TRELLIS_CLASSROOM_ERROR_NO_SUCH_ITEM);
  g_assert_cmpuint (fixture->log.n_emissions, ==, 0);
  assert_nothing_pending (fixture);
}

static void
test_delete_restore_node (Fixture       *fixture,
                          gconstpointer  data)
{
  TrellisClassroom *classroom = fixture->base.classroom;
  g_autoptr(TrellisNode) node = nth_node (fixture, 0);
  g_autoptr(TrellisNodeSnapshot) snapshot = NULL;
  g_autoptr(GError) error = NULL;
  TrellisNode *restored;

  snapshot = trellis_classroom_delete_node_undoable (classroom, node, &error);
  g_assert_no_error (error);
  g_assert_nonnull (snapshot);
  assert_one_change (&fixture->log, TRELLIS_DATA_CURRICULUM);

  change_log_reset (&fixture->log);
  restored = trellis_classroom_restore_node (classroom, snapshot, &error);
  g_assert_no_error (error);
  g_assert_nonnull (restored);
  assert_one_change (&fixture->log, TRELLIS_DATA_CURRICULUM);

  /* Refused before any transaction (already restored): nothing. */
  change_log_reset (&fixture->log);
  g_assert_null (trellis_classroom_restore_node (classroom, snapshot, &error));
  g_assert_error (error, TRELLIS_CLASSROOM_ERROR, TRELLIS_CLASSROOM_ERROR_NO_SUCH_ITEM);
  g_assert_cmpuint (fixture->log.n_emissions, ==, 0);
}

/* A learner with progress on the item is gone meanwhile: the restore's
 * writes fail inside the transaction, and nothing is emitted. */
static void
test_restore_node_fails (Fixture       *fixture,
                         gconstpointer  data)
{
  TrellisClassroom *classroom = fixture->base.classroom;
  g_autoptr(TrellisNodeSnapshot) snapshot = NULL;
  g_autoptr(TrellisNode) node = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;
  gint64 learner_id = 0;

  for (guint i = 0; learner_id == 0; i++)
    {
      g_clear_object (&node);
      node = nth_node (fixture, i);
      sql = g_strdup_printf ("SELECT coalesce(min(learner_id), 0) FROM progress WHERE node_id = %" G_GINT64_FORMAT,
                             trellis_node_get_id (node));
      learner_id = trellis_test_query_int (classroom, sql);
      g_clear_pointer (&sql, g_free);
    }

  snapshot = trellis_classroom_delete_node_undoable (classroom, node, &error);
  g_assert_no_error (error);
  delete_behind_its_back (classroom, "learners", learner_id);

  change_log_reset (&fixture->log);
  g_assert_null (trellis_classroom_restore_node (classroom, snapshot, &error));
  g_assert_error (error, TRELLIS_CLASSROOM_ERROR, TRELLIS_CLASSROOM_ERROR_NO_SUCH_ITEM);
  g_assert_cmpuint (fixture->log.n_emissions, ==, 0);
  assert_nothing_pending (fixture);
}

static void
test_delete_skill (Fixture       *fixture,
                   gconstpointer  data)
{
  TrellisClassroom *classroom = fixture->base.classroom;
  GListModel *skills = trellis_classroom_get_skills (classroom);
  g_autoptr(TrellisSkill) skill = g_list_model_get_item (skills, 0);
  g_autoptr(TrellisSkill) gone = g_list_model_get_item (skills, 1);
  g_autoptr(GError) error = NULL;

  g_assert_true (trellis_classroom_delete_skill (classroom, skill, &error));
  g_assert_no_error (error);
  assert_one_change (&fixture->log, TRELLIS_DATA_CURRICULUM);

  change_log_reset (&fixture->log);
  delete_behind_its_back (classroom, "skills", trellis_skill_get_id (gone));
  g_assert_false (trellis_classroom_delete_skill (classroom, gone, &error));
  g_assert_error (error, TRELLIS_CLASSROOM_ERROR, TRELLIS_CLASSROOM_ERROR_NO_SUCH_ITEM);
  g_assert_cmpuint (fixture->log.n_emissions, ==, 0);
  assert_nothing_pending (fixture);
}

/* The undoable deletion and the restore each announce themselves; a
 * restore refused (its code taken meanwhile) announces nothing. */
static void
test_delete_skill_undoable (Fixture       *fixture,
                            gconstpointer  data)
{
  TrellisClassroom *classroom = fixture->base.classroom;
  GListModel *skills = trellis_classroom_get_skills (classroom);
  g_autoptr(TrellisSkill) skill = g_list_model_get_item (skills, 0);
  g_autoptr(TrellisSkill) other = g_list_model_get_item (skills, 1);
  g_autoptr(TrellisSkillSnapshot) snapshot = NULL;
  g_autoptr(TrellisSkillSnapshot) refused = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *code = g_strdup (trellis_skill_get_code (other));
  g_autofree char *sql = NULL;

  snapshot = trellis_classroom_delete_skill_undoable (classroom, skill, &error);
  g_assert_no_error (error);
  g_assert_nonnull (snapshot);
  assert_one_change (&fixture->log, TRELLIS_DATA_CURRICULUM);

  change_log_reset (&fixture->log);
  g_assert_nonnull (trellis_classroom_restore_skill (classroom, snapshot, &error));
  g_assert_no_error (error);
  assert_one_change (&fixture->log, TRELLIS_DATA_CURRICULUM);

  refused = trellis_classroom_delete_skill_undoable (classroom, other, &error);
  g_assert_no_error (error);
  sql = g_strdup_printf ("INSERT INTO skills (code, name) VALUES ('%s', 'Taken meanwhile')", code);
  g_assert_true (trellis_classroom_exec (classroom, sql, &error));
  change_log_reset (&fixture->log);
  g_assert_null (trellis_classroom_restore_skill (classroom, refused, &error));
  g_assert_error (error, TRELLIS_CLASSROOM_ERROR, TRELLIS_CLASSROOM_ERROR_EXISTS);
  g_assert_cmpuint (fixture->log.n_emissions, ==, 0);
  assert_nothing_pending (fixture);
}

static void
test_delete_playlist (Fixture       *fixture,
                      gconstpointer  data)
{
  TrellisClassroom *classroom = fixture->base.classroom;
  GListModel *playlists = trellis_classroom_get_playlists (classroom);
  g_autoptr(TrellisPlaylist) other = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (trellis_classroom_delete_playlist (classroom, fixture->playlist, &error));
  g_assert_no_error (error);
  assert_one_change (&fixture->log, TRELLIS_DATA_CURRICULUM);

  change_log_reset (&fixture->log);
  other = g_list_model_get_item (playlists, 0);
  delete_behind_its_back (classroom, "playlists", trellis_playlist_get_id (other));
  g_assert_false (trellis_classroom_delete_playlist (classroom, other, &error));
  g_assert_error (error, TRELLIS_CLASSROOM_ERROR, TRELLIS_CLASSROOM_ERROR_NO_SUCH_ITEM);
  g_assert_cmpuint (fixture->log.n_emissions, ==, 0);
}

/* Makes every write of mastery parameters fail, on every connection. */
static void
refuse_mastery_params (TrellisClassroom *classroom)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (trellis_classroom_exec (classroom,
                                         "CREATE TRIGGER test_refuse_params BEFORE INSERT ON mastery_params "
                                         "BEGIN SELECT RAISE(ABORT, 'refused by the test'); END",
                                         &error));
  g_assert_no_error (error);
}

static void
test_refit (Fixture       *fixture,
            gconstpointer  data)
{
  TrellisClassroom *classroom = fixture->base.classroom;
  g_autoptr(GError) error = NULL;

  g_assert_true (trellis_classroom_exec (classroom, "DELETE FROM mastery_state", &error));
  g_assert_no_error (error);

  g_assert_true (trellis_mastery_refit (classroom, &error));
  g_assert_no_error (error);
  assert_one_change (&fixture->log, TRELLIS_DATA_MASTERY);
  g_assert_cmpint (fixture->log.n_states, >, 0);

  change_log_reset (&fixture->log);
  refuse_mastery_params (classroom);
  g_assert_false (trellis_mastery_refit (classroom, &error));
  g_assert_nonnull (error);
  g_assert_cmpuint (fixture->log.n_emissions, ==, 0);
  assert_nothing_pending (fixture);
}

static void
on_refit_done_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  ChangeLog *log = user_data;

  g_assert_true (TRELLIS_IS_CLASSROOM (source));
  log->n_before_done = log->n_emissions;
  trellis_mastery_refit_finish (result, &log->error);
  log->done = TRUE;
}

static void
run_refit_async (TrellisClassroom *classroom,
                 ChangeLog        *log)
{
  trellis_mastery_refit_async (classroom, NULL, on_refit_done_cb, log);
  while (!log->done)
    g_main_context_iteration (NULL, TRUE);
}

/* The refit runs on its own connection in a thread; the caller's
 * classroom emits once, on this thread, before the callback, and its
 * listeners already read the new states. */
static void
test_refit_async (Fixture       *fixture,
                  gconstpointer  data)
{
  TrellisClassroom *classroom = fixture->base.classroom;
  g_autoptr(GError) error = NULL;

  g_assert_true (trellis_classroom_exec (classroom, "DELETE FROM mastery_state", &error));
  g_assert_no_error (error);

  run_refit_async (classroom, &fixture->log);
  g_assert_no_error (fixture->log.error);
  assert_one_change (&fixture->log, TRELLIS_DATA_MASTERY);
  g_assert_cmpuint (fixture->log.n_before_done, ==, 1);
  g_assert_cmpint (fixture->log.n_states, >, 0);

  /* The worker's write fails: an error, and nothing emitted here. */
  change_log_reset (&fixture->log);
  refuse_mastery_params (classroom);
  run_refit_async (classroom, &fixture->log);
  g_assert_nonnull (fixture->log.error);
  g_assert_cmpuint (fixture->log.n_emissions, ==, 0);
}

static void
test_refit_async_read_only (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(TrellisClassroom) reader = NULL;
  g_autoptr(GError) error = NULL;
  ChangeLog log = { 0 };

  change_log_reset (&log);
  reader = trellis_classroom_open (fixture->base.path, TRELLIS_OPEN_FLAGS_READ_ONLY, &error);
  g_assert_no_error (error);
  g_signal_connect (reader, "data-changed", G_CALLBACK (on_data_changed_cb), &log);

  run_refit_async (reader, &log);
  g_assert_error (log.error, TRELLIS_CLASSROOM_ERROR, TRELLIS_CLASSROOM_ERROR_READ_ONLY);
  g_assert_cmpuint (log.n_emissions, ==, 0);
  g_clear_error (&log.error);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/data-changed/delete-node", test_delete_node);
  ADD ("/data-changed/delete-restore-node", test_delete_restore_node);
  ADD ("/data-changed/restore-node-fails", test_restore_node_fails);
  ADD ("/data-changed/delete-skill", test_delete_skill);
  ADD ("/data-changed/delete-skill-undoable", test_delete_skill_undoable);
  ADD ("/data-changed/delete-playlist", test_delete_playlist);
  ADD ("/data-changed/refit", test_refit);
  ADD ("/data-changed/refit-async", test_refit_async);
  ADD ("/data-changed/refit-async-read-only", test_refit_async_read_only);

#undef ADD

  return g_test_run ();
}

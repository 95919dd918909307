/* test-node-undo.c
 *
 * Copyright 2026 The Trellis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "trellis-classroom.h"
#include "trellis-profile.h"
#include "trellis-row-snapshot-private.h"
#include "trellis-sample.h"
#include "trellis-test-utils.h"

/*
 * Deleting a playlist node or a skill undoably and restoring it gives back
 * the very same file content: every row of every table, compared as text.
 */

#define NOW "2026-10-22T10:00:00Z"

static void
fixture_set_up (TrellisTestFixture *fixture,
                gconstpointer       data)
{
  g_autoptr(GError) error = NULL;

  trellis_test_fixture_set_up (fixture, data);
  fixture->classroom = trellis_sample_create_full (fixture->path, 0, trellis_test_clock_iso8601, (gpointer)NOW,
                                                   &error);
  g_assert_no_error (error);
}

/* Every row of every table, in a fixed order, as text. */
static char *
dump (TrellisClassroom *classroom)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(sqlite3_stmt) names = NULL;
  g_autoptr(GError) error = NULL;

  names = trellis_classroom_prepare (classroom,
                                     "SELECT name FROM sqlite_master WHERE type = 'table' "
                                     "AND name NOT LIKE 'sqlite_%' ORDER BY name",
                                     &error);
  g_assert_no_error (error);
  while (sqlite3_step (names) == SQLITE_ROW)
    g_ptr_array_add (tables, g_strdup ((const char *)sqlite3_column_text (names, 0)));

  for (guint t = 0; t < tables->len; t++)
    {
      g_autofree char *probe_sql = g_strdup_printf ("SELECT * FROM \"%s\"", (char *)g_ptr_array_index (tables, t));
      g_autoptr(sqlite3_stmt) probe = trellis_classroom_prepare (classroom, probe_sql, &error);
      g_autoptr(sqlite3_stmt) rows = NULL;
      g_autoptr(GString) sql = g_string_new (probe_sql);
      int n;

      g_assert_no_error (error);
      n = sqlite3_column_count (probe);
      g_string_append (sql, " ORDER BY ");
      for (int i = 1; i <= n; i++)
        g_string_append_printf (sql, "%s%d", i > 1 ? ", " : "", i);

      rows = trellis_classroom_prepare (classroom, sql->str, &error);
      g_assert_no_error (error);
      g_string_append_printf (text, "[%s]\n", (char *)g_ptr_array_index (tables, t));
      while (sqlite3_step (rows) == SQLITE_ROW)
        {
          for (int i = 0; i < n; i++)
            {
              if (sqlite3_column_type (rows, i) == SQLITE_NULL)
                g_string_append (text, "NULL");
              else
                g_string_append_printf (text, "%d:%s", sqlite3_column_type (rows, i),
                                        (const char *)sqlite3_column_text (rows, i));
              g_string_append_c (text, i + 1 < n ? '|' : '\n');
            }
        }
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* The first column of @sql's first row, ?1 being @id. */
static gint64
count (TrellisClassroom *classroom,
       const char       *sql,
       gint64            id)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GError) error = NULL;

  stmt = trellis_classroom_prepare (classroom, sql, &error);
  g_assert_no_error (error);
  sqlite3_bind_int64 (stmt, 1, id);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);

  return sqlite3_column_int64 (stmt, 0);
}

typedef const char *(*NameFunc) (gpointer item);

/* The first item of @model whose @name_func is @name, and its position. */
static gpointer
find_item (GListModel *model,
           NameFunc    name_func,
           const char *name,
           guint      *position)
{
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);

      if (g_str_equal (name_func (item), name))
        {
          if (position != NULL)
            *position = i;
          return item;
        }
    }

  g_assert_not_reached ();
}

static TrellisNode *
find_node (GListModel *model,
           const char *title,
           guint      *position)
{
  return find_item (model, (NameFunc) trellis_node_get_title, title, position);
}

/*
 * A choice group with options chosen by learners, progress, evidence and
 * reflections linked to it: all gone, then all back, in its place.
 */
static void
test_choice_group (TrellisTestFixture *fixture,
                   gconstpointer       data)
{
  TrellisClassroom *classroom = fixture->classroom;
  g_autoptr(TrellisNodeSnapshot) snapshot = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  TrellisPlaylist *playlist;
  TrellisNode *group, *restored;
  GListModel *top;
  guint position, n_top;
  gint64 id, n_choices;

  playlist = trellis_classroom_find_playlist (classroom, "Ancient civilizations", &error);
  g_assert_no_error (error);
  top = trellis_classroom_get_nodes (classroom, playlist, NULL);
  n_top = g_list_model_get_n_items (top);
  group = find_node (top, "Choose your civilization", &position);
  id = trellis_node_get_id (group);
  g_assert_cmpuint (g_list_model_get_n_items (trellis_classroom_get_nodes (classroom, playlist, group)), ==, 3);

  /* The sample has learners' choices and progress on the options. */
  g_assert_cmpint (count (classroom, "SELECT count(*) FROM choices WHERE option_id IN "
                                     "(SELECT id FROM nodes WHERE parent_id = ?1)", id), >, 0);
  g_assert_cmpint (count (classroom, "SELECT count(*) FROM progress WHERE node_id IN "
                                     "(SELECT id FROM nodes WHERE id = ?1 OR parent_id = ?1)", id), >, 0);
  g_assert_cmpint (count (classroom, "SELECT count(*) FROM node_skills WHERE node_id IN "
                                     "(SELECT id FROM nodes WHERE parent_id = ?1)", id), >, 0);

  n_choices = trellis_test_query_int (classroom, "SELECT count(*) FROM choices");
  before = dump (classroom);
  snapshot = trellis_classroom_delete_node_undoable (classroom, group, &error);
  g_assert_no_error (error);
  g_assert_nonnull (snapshot);
  g_assert_cmpuint (g_list_model_get_n_items (top), ==, n_top - 1);
  g_assert_cmpint (count (classroom, "SELECT count(*) FROM nodes WHERE id = ?1 OR parent_id = ?1", id), ==, 0);
  g_assert_cmpint (trellis_test_query_int (classroom, "SELECT count(*) FROM choices"), <, n_choices);
  after = dump (classroom);
  g_assert_cmpstr (before, !=, after);
  g_clear_pointer (&after, g_free);

  restored = trellis_classroom_restore_node (classroom, snapshot, &error);
  g_assert_no_error (error);
  g_assert_nonnull (restored);
  g_assert_cmpint (trellis_node_get_id (restored), ==, id);
  g_assert_cmpuint (g_list_model_get_n_items (top), ==, n_top);
  {
    g_autoptr(TrellisNode) at = g_list_model_get_item (top, position);

    g_assert_true (at == restored);
  }
  g_assert_cmpuint (g_list_model_get_n_items (trellis_classroom_get_nodes (classroom, playlist, restored)), ==, 3);

  after = dump (classroom);
  g_assert_cmpstr (before, ==, after);

  /* Once only. */
  g_assert_null (trellis_classroom_restore_node (classroom, snapshot, &error));
  g_assert_error (error, TRELLIS_CLASSROOM_ERROR, TRELLIS_CLASSROOM_ERROR_NO_SUCH_ITEM);

  /* And the file reopens the same. */
  g_clear_error (&error);
  g_clear_object (&fixture->classroom);
  fixture->classroom = trellis_classroom_open (fixture->path, TRELLIS_OPEN_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (fixture->classroom);
  g_clear_pointer (&after, g_free);
  after = dump (fixture->classroom);
  g_assert_cmpstr (before, ==, after);
}

/*
 * An option whose deletion lowered its group's bounds (choose up to 3 of
 * 3, then 2 left): the bounds come back too, in the file and the object.
 */
static void
test_option_bounds (TrellisTestFixture *fixture,
                    gconstpointer       data)
{
  TrellisClassroom *classroom = fixture->classroom;
  g_autoptr(TrellisNodeSnapshot) snapshot = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  TrellisPlaylist *playlist;
  TrellisNode *group, *option, *restored;
  GListModel *options;
  guint position;

  playlist = trellis_classroom_find_playlist (classroom, "Ancient civilizations", &error);
  g_assert_no_error (error);
  group = find_node (trellis_classroom_get_nodes (classroom, playlist, NULL), "Show what you know", NULL);
  g_assert_true (trellis_classroom_set_choice_bounds (classroom, group, 1, 3, &error));
  g_assert_no_error (error);
  options = trellis_classroom_get_nodes (classroom, playlist, group);
  option = find_node (options, "Build a model", &position);
  g_assert_cmpuint (position, ==, 1);

  before = dump (classroom);
  snapshot = trellis_classroom_delete_node_undoable (classroom, option, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (trellis_node_get_choose_max (group), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (options), ==, 2);

  restored = trellis_classroom_restore_node (classroom, snapshot, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (trellis_node_get_choose_max (group), ==, 3);
  g_assert_cmpuint (trellis_node_get_choose_min (group), ==, 1);
  {
    g_autoptr(TrellisNode) at = g_list_model_get_item (options, 1);

    g_assert_true (at == restored);
  }
  after = dump (classroom);
  g_assert_cmpstr (before, ==, after);
}

/* Its playlist gone meanwhile: an error in words, and no change. */
static void
test_playlist_gone (TrellisTestFixture *fixture,
                    gconstpointer       data)
{
  TrellisClassroom *classroom = fixture->classroom;
  g_autoptr(TrellisNodeSnapshot) snapshot = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  TrellisPlaylist *playlist;
  TrellisNode *node;

  playlist = trellis_classroom_find_playlist (classroom, "Ecosystems and energy flow", &error);
  g_assert_no_error (error);
  node = find_node (trellis_classroom_get_nodes (classroom, playlist, NULL), "Energy pyramid lab", NULL);
  snapshot = trellis_classroom_delete_node_undoable (classroom, node, &error);
  g_assert_no_error (error);
  g_assert_true (trellis_classroom_delete_playlist (classroom, playlist, &error));
  g_assert_no_error (error);

  before = dump (classroom);
  g_assert_null (trellis_classroom_restore_node (classroom, snapshot, &error));
  g_assert_error (error, TRELLIS_CLASSROOM_ERROR, TRELLIS_CLASSROOM_ERROR_NO_SUCH_ITEM);
  after = dump (classroom);
  g_assert_cmpstr (before, ==, after);
}

/* A learner it refers to is gone meanwhile: the whole restore is refused. */
static void
test_learner_gone (TrellisTestFixture *fixture,
                   gconstpointer       data)
{
  TrellisClassroom *classroom = fixture->classroom;
  g_autoptr(TrellisNodeSnapshot) snapshot = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  TrellisPlaylist *playlist;
  TrellisNode *node;
  gint64 learner_id;
  g_autofree char *sql = NULL;

  playlist = trellis_classroom_find_playlist (classroom, "Ancient civilizations", &error);
  g_assert_no_error (error);
  node = find_node (trellis_classroom_get_nodes (classroom, playlist, NULL), "Map walk: where civilizations began",
                    NULL);
  learner_id = count (classroom, "SELECT min(learner_id) FROM progress WHERE node_id = ?1",
                      trellis_node_get_id (node));
  g_assert_cmpint (learner_id, >, 0);

  snapshot = trellis_classroom_delete_node_undoable (classroom, node, &error);
  g_assert_no_error (error);
  sql = g_strdup_printf ("DELETE FROM learners WHERE id = %" G_GINT64_FORMAT, learner_id);
  g_assert_true (trellis_classroom_exec (classroom, sql, &error));
  g_assert_no_error (error);

  before = dump (classroom);
  g_assert_null (trellis_classroom_restore_node (classroom, snapshot, &error));
  g_assert_error (error, TRELLIS_CLASSROOM_ERROR, TRELLIS_CLASSROOM_ERROR_NO_SUCH_ITEM);
  after = dump (classroom);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpuint (g_list_model_get_n_items (trellis_classroom_get_nodes (classroom, playlist, NULL)), ==, 9);
}

/* Runs @sql, which must succeed. */
static void
exec_sql (TrellisClassroom *classroom,
          const char       *sql)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (trellis_classroom_exec (classroom, sql, &error));
  g_assert_no_error (error);
}

/*
 * A reflection unlinked by the deletion (ON DELETE SET NULL) and deleted
 * since, its id taken by a new reflection: the new one stays unlinked.
 * Another reflection, untouched, is linked again.
 */
static void
test_nulled_row_replaced (TrellisTestFixture *fixture,
                          gconstpointer       data)
{
  TrellisClassroom *classroom = fixture->classroom;
  g_autoptr(TrellisNodeSnapshot) snapshot = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;
  TrellisPlaylist *playlist;
  TrellisNode *node;
  gint64 node_id, kept, replaced, learner_id;

  playlist = trellis_classroom_find_playlist (classroom, "Ancient civilizations", &error);
  g_assert_no_error (error);
  node = find_node (trellis_classroom_get_nodes (classroom, playlist, NULL), "Map walk: where civilizations began",
                    NULL);
  node_id = trellis_node_get_id (node);
  learner_id = trellis_test_query_int (classroom, "SELECT min(id) FROM learners");

  sql = g_strdup_printf ("INSERT INTO reflections (learner_id, written_on, text, node_id) "
                         "VALUES (%" G_GINT64_FORMAT ", '2026-10-01', 'Kept', %" G_GINT64_FORMAT "), "
                         "(%" G_GINT64_FORMAT ", '2026-10-02', 'Deleted later', %" G_GINT64_FORMAT ")",
                         learner_id, node_id, learner_id, node_id);
  exec_sql (classroom, sql);
  kept = trellis_test_query_int (classroom, "SELECT id FROM reflections WHERE text = 'Kept'");
  replaced = trellis_test_query_int (classroom, "SELECT id FROM reflections WHERE text = 'Deleted later'");
  g_assert_cmpint (replaced, ==, trellis_test_query_int (classroom, "SELECT max(id) FROM reflections"));

  snapshot = trellis_classroom_delete_node_undoable (classroom, node, &error);
  g_assert_no_error (error);
  g_assert_cmpint (trellis_test_query_int (classroom, "SELECT count(*) FROM reflections WHERE node_id IS NULL "
                                                      "AND text IN ('Kept', 'Deleted later')"), ==, 2);

  /* The largest id, freed, goes to the next new row. */
  exec_sql (classroom, "DELETE FROM reflections WHERE text = 'Deleted later'");
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("INSERT INTO reflections (learner_id, written_on, text) "
                         "VALUES (%" G_GINT64_FORMAT ", '2026-10-03', 'Written after')", learner_id);
  exec_sql (classroom, sql);
  g_assert_cmpint (trellis_test_query_int (classroom, "SELECT id FROM reflections WHERE text = 'Written after'"),
                   ==, replaced);

  g_assert_nonnull (trellis_classroom_restore_node (classroom, snapshot, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (classroom, "SELECT node_id FROM reflections WHERE id = ?1", kept), ==, node_id);
  g_assert_cmpint (count (classroom, "SELECT node_id IS NULL FROM reflections WHERE id = ?1", replaced), ==, 1);
}

/*
 * Rows captured child first (the options, with smaller ids, before their
 * choice group, as a scan in id order reads them) still go back.
 */
static void
test_child_first (TrellisTestFixture *fixture,
                  gconstpointer       data)
{
  TrellisClassroom *classroom = fixture->classroom;
  g_autoptr(TrellisRowSnapshot) rows = NULL;
  g_autoptr(sqlite3_stmt) order = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  const char *where = "+id = ?1 OR +parent_id = ?1";
  gint64 top, group_id, playlist_id, learner_id;

  top = trellis_test_query_int (classroom, "SELECT max(id) FROM nodes");
  group_id = top + 100;
  playlist_id = trellis_test_query_int (classroom, "SELECT min(id) FROM playlists");
  learner_id = trellis_test_query_int (classroom, "SELECT min(id) FROM learners");
  sql = g_strdup_printf ("INSERT INTO nodes (id, playlist_id, position, kind, uid, title, choose_min, choose_max) "
                         "VALUES (%1$" G_GINT64_FORMAT ", %2$" G_GINT64_FORMAT ", 99, 'choice', 'test-group', "
                         "'Group', 1, 1);"
                         "INSERT INTO nodes (id, playlist_id, parent_id, position, kind, uid, title) "
                         "VALUES (%3$" G_GINT64_FORMAT ", %2$" G_GINT64_FORMAT ", %1$" G_GINT64_FORMAT ", 0, "
                         "'activity', 'test-option-1', 'First'), "
                         "(%4$" G_GINT64_FORMAT ", %2$" G_GINT64_FORMAT ", %1$" G_GINT64_FORMAT ", 1, "
                         "'activity', 'test-option-2', 'Second');"
                         "INSERT INTO choices (learner_id, option_id, chosen_at) "
                         "VALUES (%5$" G_GINT64_FORMAT ", %3$" G_GINT64_FORMAT ", '2026-10-01T09:00:00Z')",
                         group_id, playlist_id, top + 10, top + 11, learner_id);
  exec_sql (classroom, sql);

  /* The condition reads the options first (id is the first column). */
  order = trellis_classroom_prepare (classroom, "SELECT * FROM nodes WHERE +id = ?1 OR +parent_id = ?1", &error);
  g_assert_no_error (error);
  sqlite3_bind_int64 (order, 1, group_id);
  g_assert_cmpint (sqlite3_step (order), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int64 (order, 0), ==, top + 10);

  before = dump (classroom);
  g_assert_true (trellis_classroom_begin (classroom, &error));
  rows = _trellis_row_snapshot_capture (classroom, "nodes", where, group_id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (rows);
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("DELETE FROM nodes WHERE id = %" G_GINT64_FORMAT, group_id);
  exec_sql (classroom, sql);
  g_assert_true (trellis_classroom_commit (classroom, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (classroom, "SELECT count(*) FROM nodes WHERE id = ?1 OR parent_id = ?1", group_id), ==, 0);

  g_assert_true (trellis_classroom_begin (classroom, &error));
  g_assert_true (_trellis_row_snapshot_restore (classroom, rows, &error));
  g_assert_no_error (error);
  g_assert_true (trellis_classroom_commit (classroom, &error));
  g_assert_no_error (error);

  after = dump (classroom);
  g_assert_cmpstr (before, ==, after);
}

/*
 * A node added after the deletion took the deleted node's id (the largest
 * id is reused), in the same list or another playlist: the restore says
 * so, not that something was deleted, and changes nothing.
 */
static void
test_id_taken (TrellisTestFixture *fixture,
               gconstpointer       data)
{
  gboolean same_list = GPOINTER_TO_INT (data);
  TrellisClassroom *classroom = fixture->classroom;
  g_autoptr(TrellisNodeSnapshot) snapshot = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  TrellisPlaylist *playlist, *other;
  TrellisNode *node, *newer;
  GListModel *nodes;
  guint n_nodes;
  gint64 id;

  playlist = trellis_classroom_find_playlist (classroom, "Ancient civilizations", &error);
  g_assert_no_error (error);
  other = trellis_classroom_find_playlist (classroom, "Ecosystems and energy flow", &error);
  g_assert_no_error (error);
  nodes = trellis_classroom_get_nodes (classroom, playlist, NULL);
  node = trellis_classroom_add_node (classroom, playlist, NULL, TRELLIS_NODE_KIND_ACTIVITY, "Timeline", -1, &error);
  g_assert_no_error (error);
  id = trellis_node_get_id (node);
  g_assert_cmpint (id, ==, trellis_test_query_int (classroom, "SELECT max(id) FROM nodes"));

  snapshot = trellis_classroom_delete_node_undoable (classroom, node, &error);
  g_assert_no_error (error);
  newer = trellis_classroom_add_node (classroom, same_list ? playlist : other, NULL, TRELLIS_NODE_KIND_ACTIVITY,
                                      "Newer", -1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (trellis_node_get_id (newer), ==, id);

  n_nodes = g_list_model_get_n_items (nodes);
  before = dump (classroom);
  g_assert_null (trellis_classroom_restore_node (classroom, snapshot, &error));
  g_assert_error (error, TRELLIS_CLASSROOM_ERROR, TRELLIS_CLASSROOM_ERROR_EXISTS);
  g_assert_null (strstr (error->message, "deleted meanwhile"));
  after = dump (classroom);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpuint (g_list_model_get_n_items (nodes), ==, n_nodes);
}

/* The skill with @code, which the classroom must have. */
static TrellisSkill *
find_skill (TrellisClassroom *classroom,
            const char       *code,
            guint            *position)
{
  return find_item (trellis_classroom_get_skills (classroom), (NameFunc) trellis_skill_get_code, code, position);
}

/* The prerequisite ids of @skill as text, "1,5". */
static char *
prerequisite_text (TrellisSkill *skill)
{
  g_autoptr(GString) text = g_string_new (NULL);
  const gint64 *ids;
  guint n;

  ids = trellis_skill_get_prerequisite_ids (skill, &n);
  for (guint i = 0; i < n; i++)
    g_string_append_printf (text, "%s%" G_GINT64_FORMAT, i > 0 ? "," : "", ids[i]);

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/*
 * A skill with prerequisites both ways, evidence, mastery, playlist, node
 * and goal links, a gradebook item mapped to it, a recommendation and a
 * group: all gone, then all back, in the file and in the objects.
 */
static void
test_skill_restore (TrellisTestFixture *fixture,
                    gconstpointer       data)
{
  TrellisClassroom *classroom = fixture->classroom;
  g_autoptr(TrellisSkillSnapshot) snapshot = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *prerequisites = NULL;
  g_autofree char *sql = NULL;
  GListModel *skills = trellis_classroom_get_skills (classroom);
  TrellisSkill *skill, *restored;
  TrellisSkill *dependent = NULL;
  guint position, n_skills;
  gint64 id, dependent_id;
  const char *linked[] = {
    "SELECT count(*) FROM skill_prerequisites WHERE skill_id = ?1",
    "SELECT count(*) FROM skill_prerequisites WHERE prerequisite_id = ?1",
    "SELECT count(*) FROM evidence WHERE skill_id = ?1",
    "SELECT count(*) FROM mastery_state WHERE skill_id = ?1",
    "SELECT count(*) FROM mastery_params WHERE skill_id = ?1",
    "SELECT count(*) FROM node_skills WHERE skill_id = ?1",
    "SELECT count(*) FROM goal_skills WHERE skill_id = ?1",
    "SELECT count(*) FROM playlist_skills WHERE skill_id = ?1",
    "SELECT count(*) FROM gradebook_items WHERE skill_id = ?1",
    "SELECT count(*) FROM recommendations WHERE skill_id = ?1",
    "SELECT count(*) FROM recommendation_learners WHERE recommendation_id IN "
    "  (SELECT id FROM recommendations WHERE skill_id = ?1)",
    "SELECT count(*) FROM groups WHERE skill_id = ?1 AND recommendation_id IS NOT NULL",
  };

  skill = find_skill (classroom, "MS-LS2-3", &position);
  id = trellis_skill_get_id (skill);
  prerequisites = prerequisite_text (skill);

  /*
   * A recommendation about it (deleted with it, and its learners) and a
   * group formed from it that names the skill too: the group is unlinked
   * through two foreign keys, and both links come back.
   */
  sql = g_strdup_printf ("INSERT INTO recommendations (kind, key, skill_id, reason, created_at, decision, decided_at) "
                         "VALUES ('small_group', 'small_group:%1$" G_GINT64_FORMAT "', %1$" G_GINT64_FORMAT ", "
                         "'Three learners need help', '" NOW "', 'accepted', '" NOW "');"
                         "INSERT INTO recommendation_learners (recommendation_id, learner_id) "
                         "SELECT max(recommendations.id), learners.id FROM recommendations, learners "
                         "GROUP BY learners.id LIMIT 3;"
                         "INSERT INTO groups (title, skill_id, recommendation_id, created_on) "
                         "SELECT 'Energy group', %1$" G_GINT64_FORMAT ", max(id), '2026-10-22' FROM recommendations",
                         id);
  g_assert_true (trellis_classroom_exec (classroom, sql, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (linked); i++)
    g_assert_cmpint (count (classroom, linked[i], id), >, 0);
  dependent_id = count (classroom, "SELECT min(skill_id) FROM skill_prerequisites WHERE prerequisite_id = ?1", id);
  dependent = trellis_classroom_lookup_skill (classroom, dependent_id);
  g_assert_true (trellis_skill_has_prerequisite (dependent, id));

  n_skills = g_list_model_get_n_items (skills);
  before = dump (classroom);
  snapshot = trellis_classroom_delete_skill_undoable (classroom, skill, &error);
  g_assert_no_error (error);
  g_assert_nonnull (snapshot);
  g_assert_cmpuint (g_list_model_get_n_items (skills), ==, n_skills - 1);
  g_assert_null (trellis_classroom_lookup_skill (classroom, id));
  g_assert_false (trellis_skill_has_prerequisite (dependent, id));
  for (guint i = 0; i < G_N_ELEMENTS (linked); i++)
    g_assert_cmpint (count (classroom, linked[i], id), ==, 0);
  g_assert_cmpint (trellis_test_query_int (classroom, "SELECT count(*) FROM groups WHERE title = 'Energy group' "
                                                      "AND skill_id IS NULL AND recommendation_id IS NULL"), ==, 1);

  restored = trellis_classroom_restore_skill (classroom, snapshot, &error);
  g_assert_no_error (error);
  g_assert_nonnull (restored);
  g_assert_cmpint (trellis_skill_get_id (restored), ==, id);
  g_assert_cmpstr (trellis_skill_get_code (restored), ==, "MS-LS2-3");
  g_assert_cmpuint (g_list_model_get_n_items (skills), ==, n_skills);
  {
    g_autoptr(TrellisSkill) at = g_list_model_get_item (skills, position);
    g_autofree char *restored_prerequisites = prerequisite_text (restored);

    g_assert_true (at == restored);
    g_assert_cmpstr (restored_prerequisites, ==, prerequisites);
  }
  g_assert_true (trellis_skill_has_prerequisite (dependent, id));

  after = dump (classroom);
  g_assert_cmpstr (before, ==, after);

  /* Once only. */
  g_assert_null (trellis_classroom_restore_skill (classroom, snapshot, &error));
  g_assert_error (error, TRELLIS_CLASSROOM_ERROR, TRELLIS_CLASSROOM_ERROR_NO_SUCH_ITEM);

  /* And the file reopens the same. */
  g_clear_error (&error);
  g_clear_object (&fixture->classroom);
  fixture->classroom = trellis_classroom_open (fixture->path, TRELLIS_OPEN_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_clear_pointer (&after, g_free);
  after = dump (fixture->classroom);
  g_assert_cmpstr (before, ==, after);
}

/* What a row added after a skill's deletion takes from it. */
typedef enum
{
  TAKEN_CODE,
  TAKEN_ID,
  TAKEN_EVIDENCE_ID,
} Taken;

/*
 * A new skill took the deleted skill's code or its id, or new evidence
 * took the id of a piece of its evidence: an error in words, and no
 * change to the file or the list.
 */
static void
test_skill_taken (TrellisTestFixture *fixture,
                  gconstpointer       data)
{
  Taken taken = GPOINTER_TO_INT (data);
  TrellisClassroom *classroom = fixture->classroom;
  g_autoptr(TrellisSkillSnapshot) snapshot = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *sql = NULL;
  GListModel *skills = trellis_classroom_get_skills (classroom);
  TrellisSkill *skill, *newer = NULL;
  guint n_skills;
  gint64 id, evidence_id = 0;

  switch (taken)
    {
    case TAKEN_CODE:
      skill = find_skill (classroom, "MS-LS2-3", NULL);
      break;

    case TAKEN_ID:
      /* The largest id, which the next new skill takes again. */
      skill = trellis_classroom_add_skill (classroom, "ESS.1", "Earth's place in the universe", &error);
      g_assert_no_error (error);
      g_assert_cmpint (trellis_skill_get_id (skill), ==,
                       trellis_test_query_int (classroom, "SELECT max(id) FROM skills"));
      break;

    case TAKEN_EVIDENCE_ID:
    default:
      /* Its newest evidence has the largest id, which new evidence takes again. */
      skill = find_skill (classroom, "MS-LS2-3", NULL);
      sql = g_strdup_printf ("INSERT INTO evidence (learner_id, skill_id, observed_at, kind, score) "
                             "SELECT min(id), %" G_GINT64_FORMAT ", '2026-10-22T10:30:00Z', 'binary', 1 FROM learners",
                             trellis_skill_get_id (skill));
      g_assert_true (trellis_classroom_exec (classroom, sql, &error));
      g_assert_no_error (error);
      evidence_id = trellis_test_query_int (classroom, "SELECT max(id) FROM evidence");
      g_assert_cmpint (count (classroom, "SELECT skill_id FROM evidence WHERE id = ?1", evidence_id), ==,
                       trellis_skill_get_id (skill));
      g_clear_pointer (&sql, g_free);
      break;
    }
  id = trellis_skill_get_id (skill);

  snapshot = trellis_classroom_delete_skill_undoable (classroom, skill, &error);
  g_assert_no_error (error);
  switch (taken)
    {
    case TAKEN_CODE:
      newer = trellis_classroom_add_skill (classroom, "MS-LS2-3", "Newer", &error);
      g_assert_no_error (error);
      break;

    case TAKEN_ID:
      newer = trellis_classroom_add_skill (classroom, "ESS.2", "Newer", &error);
      g_assert_no_error (error);
      g_assert_cmpint (trellis_skill_get_id (newer), ==, id);
      break;

    case TAKEN_EVIDENCE_ID:
    default:
      sql = g_strdup_printf ("INSERT INTO evidence (learner_id, skill_id, observed_at, kind, score) "
                             "SELECT min(learner_id), min(skill_id), '2026-10-22T11:00:00Z', 'binary', 1 "
                             "FROM evidence WHERE skill_id <> %" G_GINT64_FORMAT, id);
      g_assert_true (trellis_classroom_exec (classroom, sql, &error));
      g_assert_no_error (error);
      g_assert_cmpint (trellis_test_query_int (classroom, "SELECT max(id) FROM evidence"), ==, evidence_id);
      break;
    }

  n_skills = g_list_model_get_n_items (skills);
  before = dump (classroom);
  g_assert_null (trellis_classroom_restore_skill (classroom, snapshot, &error));
  g_assert_error (error, TRELLIS_CLASSROOM_ERROR, TRELLIS_CLASSROOM_ERROR_EXISTS);
  if (taken == TAKEN_CODE)
    g_assert_nonnull (strstr (error->message, "MS-LS2-3"));
  g_assert_null (strstr (error->message, "deleted meanwhile"));
  after = dump (classroom);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpuint (g_list_model_get_n_items (skills), ==, n_skills);
  if (taken != TAKEN_ID)
    g_assert_null (trellis_classroom_lookup_skill (classroom, id));
  if (newer != NULL)
    g_assert_true (trellis_classroom_lookup_skill (classroom, trellis_skill_get_id (newer)) == newer);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, TrellisTestFixture, NULL, fixture_set_up, func, trellis_test_fixture_tear_down)

  ADD ("/node-undo/choice-group", test_choice_group);
  ADD ("/node-undo/option-bounds", test_option_bounds);
  ADD ("/node-undo/playlist-gone", test_playlist_gone);
  ADD ("/node-undo/learner-gone", test_learner_gone);
  ADD ("/node-undo/nulled-row-replaced", test_nulled_row_replaced);
  ADD ("/node-undo/child-first", test_child_first);
  g_test_add ("/node-undo/id-taken/same-list", TrellisTestFixture, GINT_TO_POINTER (TRUE), fixture_set_up,
              test_id_taken, trellis_test_fixture_tear_down);
  g_test_add ("/node-undo/id-taken/other-playlist", TrellisTestFixture, GINT_TO_POINTER (FALSE), fixture_set_up,
              test_id_taken, trellis_test_fixture_tear_down);
  ADD ("/skill-undo/restore", test_skill_restore);
  g_test_add ("/skill-undo/taken/code", TrellisTestFixture, GINT_TO_POINTER (TAKEN_CODE), fixture_set_up,
              test_skill_taken, trellis_test_fixture_tear_down);
  g_test_add ("/skill-undo/taken/id", TrellisTestFixture, GINT_TO_POINTER (TAKEN_ID), fixture_set_up,
              test_skill_taken, trellis_test_fixture_tear_down);
  g_test_add ("/skill-undo/taken/evidence-id", TrellisTestFixture, GINT_TO_POINTER (TAKEN_EVIDENCE_ID),
              fixture_set_up, test_skill_taken, trellis_test_fixture_tear_down);

#undef ADD

  return g_test_run ();
}

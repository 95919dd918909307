/* test-curriculum.c
 *
 * Copyright 2026 The Trellis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "trellis-classroom.h"
#include "trellis-sample.h"
#include "trellis-test-utils.h"

/*
 * Skills, playlists and nodes: the lists change precisely (exact
 * items-changed), edits persist, and a failed edit changes nothing, in the
 * file or in the lists.
 */

/* The fixed clock: the classroom's now. */
#define NOW "2026-09-14T08:30:00Z"

typedef TrellisTestFixture Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  trellis_test_fixture_set_up (fixture, data);

  fixture->classroom = trellis_classroom_create (fixture->path, "Room 12", &error);
  g_assert_no_error (error);
  g_assert_nonnull (fixture->classroom);
  trellis_classroom_set_clock (fixture->classroom, trellis_test_clock_iso8601, (gpointer)NOW);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_assert_finalize_object (g_steal_pointer (&fixture->classroom));
  trellis_test_fixture_tear_down (fixture, data);
}

/* Closes the classroom (it must not leak) and opens the file again. */
static void
reopen (Fixture          *fixture,
        TrellisOpenFlags  flags)
{
  g_autoptr(GError) error = NULL;

  g_assert_finalize_object (fixture->classroom);
  fixture->classroom = trellis_classroom_open (fixture->path, flags, &error);
  g_assert_no_error (error);
  g_assert_nonnull (fixture->classroom);
  trellis_classroom_set_clock (fixture->classroom, trellis_test_clock_iso8601, (gpointer)NOW);
}

static void
exec (TrellisClassroom *classroom,
      const char       *sql)
{
  g_autoptr(GError) error = NULL;

  trellis_classroom_exec (classroom, sql, &error);
  g_assert_no_error (error);
}

/*
 * The titles of the nodes under @parent_id (0: the top level of
 * @playlist_id) in `position` order, as the file has them, checking that
 * the positions are 0, 1, 2…
 */
static char *
query_titles (TrellisClassroom *classroom,
              gint64            playlist_id,
              gint64            parent_id)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GString) titles = g_string_new (NULL);
  gint64 expected = 0;

  stmt = trellis_classroom_prepare (classroom,
                                    "SELECT title, position FROM nodes "
                                    "WHERE playlist_id = ?1 AND parent_id IS ?2 ORDER BY position, id",
                                    NULL);
  g_assert_nonnull (stmt);
  sqlite3_bind_int64 (stmt, 1, playlist_id);
  if (parent_id != 0)
    sqlite3_bind_int64 (stmt, 2, parent_id);

  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_assert_cmpint (sqlite3_column_int64 (stmt, 1), ==, expected);
      expected++;
      if (titles->len > 0)
        g_string_append_c (titles, ' ');
      g_string_append (titles, (const char *)sqlite3_column_text (stmt, 0));
    }

  return g_string_free (g_steal_pointer (&titles), FALSE);
}

/* The titles (or codes) of the items of @model, space-separated. */
static char *
model_titles (GListModel *model)
{
  g_autoptr(GString) titles = g_string_new (NULL);
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);
      const char *title;

      if (TRELLIS_IS_SKILL (item))
        title = trellis_skill_get_code (TRELLIS_SKILL (item));
      else if (TRELLIS_IS_PLAYLIST (item))
        title = trellis_playlist_get_title (TRELLIS_PLAYLIST (item));
      else
        title = trellis_node_get_title (TRELLIS_NODE (item));

      if (i > 0)
        g_string_append_c (titles, ' ');
      g_string_append (titles, title);
    }

  return g_string_free (g_steal_pointer (&titles), FALSE);
}

#define assert_titles(model, expected) \
  G_STMT_START { \
    g_autofree char *titles_ = model_titles (G_LIST_MODEL (model)); \
    g_assert_cmpstr (titles_, ==, expected); \
  } G_STMT_END

#define assert_file_titles(classroom, playlist_id, parent_id, expected) \
  G_STMT_START { \
    g_autofree char *titles_ = query_titles (classroom, playlist_id, parent_id); \
    g_assert_cmpstr (titles_, ==, expected); \
  } G_STMT_END

/* --- Recording items-changed --- */

typedef struct
{
  guint position;
  guint removed;
  guint added;
} Change;

typedef struct
{
  GListModel *model;
  GArray     *changes;
  gulong      handler;
} Recorder;

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Recorder   *recorder)
{
  Change change = { position, removed, added };

  g_array_append_val (recorder->changes, change);
}

static Recorder *
recorder_new (GListModel *model)
{
  Recorder *recorder = g_new0 (Recorder, 1);

  recorder->model = g_object_ref (model);
  recorder->changes = g_array_new (FALSE, FALSE, sizeof (Change));
  recorder->handler = g_signal_connect (model, "items-changed", G_CALLBACK (on_items_changed), recorder);
  return recorder;
}

static void
recorder_free (Recorder *recorder)
{
  g_signal_handler_disconnect (recorder->model, recorder->handler);
  g_object_unref (recorder->model);
  g_array_unref (recorder->changes);
  g_free (recorder);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Recorder, recorder_free)

/*
 * Asserts that exactly @n_changes emissions happened since the last check,
 * given as (position, removed, added) triples, and forgets them.
 */
static void
assert_changes (Recorder *recorder,
                guint     n_changes,
                ...)
{
  va_list args;

  g_assert_cmpuint (recorder->changes->len, ==, n_changes);

  va_start (args, n_changes);
  for (guint i = 0; i < n_changes; i++)
    {
      Change *change = &g_array_index (recorder->changes, Change, i);

      g_assert_cmpuint (change->position, ==, va_arg (args, guint));
      g_assert_cmpuint (change->removed, ==, va_arg (args, guint));
      g_assert_cmpuint (change->added, ==, va_arg (args, guint));
    }
  va_end (args);

  g_array_set_size (recorder->changes, 0);
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *count)
{
  (*count)++;
}

static TrellisPlaylist *
add_playlist (TrellisClassroom *classroom,
              const char       *title)
{
  g_autoptr(GError) error = NULL;
  TrellisPlaylist *playlist = trellis_classroom_add_playlist (classroom, title, &error);

  g_assert_no_error (error);
  g_assert_nonnull (playlist);
  return playlist;
}

static TrellisNode *
add_node (TrellisClassroom *classroom,
          TrellisPlaylist  *playlist,
          TrellisNode      *parent,
          TrellisNodeKind   kind,
          const char       *title,
          int               position)
{
  g_autoptr(GError) error = NULL;
  TrellisNode *node = trellis_classroom_add_node (classroom, playlist, parent, kind, title, position, &error);

  g_assert_no_error (error);
  g_assert_nonnull (node);
  return node;
}

static void
assert_uid (const char *uid,
            const char *prefix)
{
  g_assert_true (g_str_has_prefix (uid, prefix));
  g_assert_cmpuint (strlen (uid), ==, strlen (prefix) + 32);
  for (const char *p = uid + strlen (prefix); *p != '\0'; p++)
    g_assert_true (g_ascii_isxdigit (*p));
}

/* --- Skills --- */

static void
test_skills_model (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(Recorder) recorder = NULL;
  GListModel *skills = trellis_classroom_get_skills (fixture->classroom);
  TrellisSkill *ratio, *area, *skill;
  guint n_name = 0, n_code = 0;
  gint64 ratio_id;

  g_assert_cmpuint (g_list_model_get_item_type (skills), ==, TRELLIS_TYPE_SKILL);
  g_assert_cmpuint (g_list_model_get_n_items (skills), ==, 0);
  recorder = recorder_new (skills);

  /* New skills go last, whatever their code. */
  ratio = trellis_classroom_add_skill (fixture->classroom, " 6.RP.A.1 ", "Ratios", &error);
  g_assert_no_error (error);
  assert_changes (recorder, 1, 0, 0, 1);
  g_assert_cmpstr (trellis_skill_get_code (ratio), ==, "6.RP.A.1");
  ratio_id = trellis_skill_get_id (ratio);
  area = trellis_classroom_add_skill (fixture->classroom, "6.G.A.1", "Area", &error);
  g_assert_no_error (error);
  assert_changes (recorder, 1, 1, 0, 1);
  assert_titles (skills, "6.RP.A.1 6.G.A.1");

  /* A duplicate code is refused, and nothing changes. */
  skill = trellis_classroom_add_skill (fixture->classroom, "6.G.A.1", "Area again", &error);
  g_assert_error (error, TRELLIS_CLASSROOM_ERROR, TRELLIS_CLASSROOM_ERROR_EXISTS);
  g_assert_null (skill);
  g_clear_error (&error);
  assert_changes (recorder, 0);
  g_assert_cmpint (trellis_classroom_count (fixture->classroom, "skills"), ==, 2);

  skill = trellis_classroom_add_skill (fixture->classroom, "  ", "Blank", &error);
  g_assert_error (error, TRELLIS_CLASSROOM_ERROR, TRELLIS_CLASSROOM_ERROR_INVALID);
  g_assert_null (skill);
  g_clear_error (&error);
  skill = trellis_classroom_add_skill (fixture->classroom, "X", "", &error);
  g_assert_error (error, TRELLIS_CLASSROOM_ERROR, TRELLIS_CLASSROOM_ERROR_INVALID);
  g_clear_error (&error);
  assert_changes (recorder, 0);

  /* An edit that keeps the order notifies and leaves the list alone. */
  g_signal_connect (ratio, "notify::name", G_CALLBACK (count_notify), &n_name);
  g_signal_connect (ratio, "notify::code", G_CALLBACK (count_notify), &n_code);
  trellis_classroom_update_skill (fixture->classroom, ratio, "6.RP.A.1", "Ratio language",
                                  "Understand ratios", &error);
  g_assert_no_error (error);
  assert_changes (recorder, 0);
  g_assert_cmpuint (n_name, ==, 1);
  g_assert_cmpuint (n_code, ==, 0);
  g_assert_cmpstr (trellis_skill_get_description (ratio), ==, "Understand ratios");

  /* Taking another skill's code is refused. */
  g_assert_false (trellis_classroom_update_skill (fixture->classroom, ratio, "6.G.A.1", "Ratios",
                                                  NULL, &error));
  g_assert_error (error, TRELLIS_CLASSROOM_ERROR, TRELLIS_CLASSROOM_ERROR_EXISTS);
  g_clear_error (&error);
  g_assert_cmpstr (trellis_skill_get_code (ratio), ==, "6.RP.A.1");
  g_assert_cmpuint (n_name, ==, 1);
  assert_changes (recorder, 0);

  /* Find by id, code and name. */
  {
    g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, ratio_id);

    g_assert_true (trellis_classroom_find_skill (fixture->classroom, id_text, &error) == ratio);
    g_assert_true (trellis_classroom_find_skill (fixture->classroom, "6.G.A.1", &error) == area);
    g_assert_true (trellis_classroom_find_skill (fixture->classroom, "Area", &error) == area);
    g_assert_no_error (error);
    g_assert_null (trellis_classroom_find_skill (fixture->classroom, "7.EE.1", &error));
    g_assert_error (error, TRELLIS_CLASSROOM_ERROR, TRELLIS_CLASSROOM_ERROR_NO_SUCH_ITEM);
    g_clear_error (&error);
  }

  /* Delete: one removal, and gone from the file. */
  g_assert_true (trellis_classroom_delete_skill (fixture->classroom, area, &error));
  g_assert_no_error (error);
  assert_changes (recorder, 1, 1, 1, 0);
  g_assert_cmpint (trellis_classroom_count (fixture->classroom, "skills"), ==, 1);

  g_clear_pointer (&recorder, recorder_free);
  reopen (fixture, TRELLIS_OPEN_FLAGS_NONE);
  skills = trellis_classroom_get_skills (fixture->classroom);
  assert_titles (skills, "6.RP.A.1");
  skill = trellis_classroom_lookup_skill (fixture->classroom, ratio_id);
  g_assert_nonnull (skill);
  g_assert_cmpstr (trellis_skill_get_name (skill), ==, "Ratio language");
  g_assert_cmpstr (trellis_skill_get_description (skill), ==, "Understand ratios");
}

static void
test_skills_order (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(Recorder) recorder = NULL;
  GListModel *skills;
  TrellisSkill *skill;

  /* By position, then code. */
  exec (fixture->classroom,
        "INSERT INTO skills (code, name, position) VALUES"
        " ('C', 'c', 0), ('B', 'b', 1), ('A', 'a', 0), ('B2', 'b2', 0)");
  reopen (fixture, TRELLIS_OPEN_FLAGS_NONE);
  skills = trellis_classroom_get_skills (fixture->classroom);
  assert_titles (skills, "A B2 C B");

  /* A new code that sorts elsewhere: one removal, one insertion. */
  recorder = recorder_new (skills);
  skill = trellis_classroom_find_skill (fixture->classroom, "A", &error);
  g_assert_no_error (error);
  trellis_classroom_update_skill (fixture->classroom, skill, "D", "d", NULL, &error);
  g_assert_no_error (error);
  assert_changes (recorder, 2, 0, 1, 0, 2, 0, 1);
  assert_titles (skills, "B2 C D B");

  /* A new skill goes after the last position. */
  trellis_classroom_add_skill (fixture->classroom, "0", "zero", &error);
  g_assert_no_error (error);
  assert_changes (recorder, 1, 4, 0, 1);
  assert_titles (skills, "B2 C D B 0");

  g_clear_pointer (&recorder, recorder_free);
  reopen (fixture, TRELLIS_OPEN_FLAGS_NONE);
  assert_titles (trellis_classroom_get_skills (fixture->classroom), "B2 C D B 0");
}

/* --- Playlists --- */

static void
test_playlists_model (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(Recorder) recorder = NULL;
  GListModel *playlists = trellis_classroom_get_playlists (fixture->classroom);
  TrellisPlaylist *one, *two, *three;
  g_autofree char *uid_two = NULL;
  g_autofree char *uid_three = NULL;
  guint n_title = 0;

  g_assert_cmpuint (g_list_model_get_item_type (playlists), ==, TRELLIS_TYPE_PLAYLIST);
  recorder = recorder_new (playlists);

  one = add_playlist (fixture->classroom, "Unit 1");
  assert_changes (recorder, 1, 0, 0, 1);
  two = add_playlist (fixture->classroom, "Unit 2");
  assert_changes (recorder, 1, 1, 0, 1);
  three = add_playlist (fixture->classroom, "Unit 3");
  assert_changes (recorder, 1, 2, 0, 1);
  assert_titles (playlists, "Unit 1 Unit 2 Unit 3");

  assert_uid (trellis_playlist_get_uid (one), "pl-");
  assert_uid (trellis_playlist_get_uid (two), "pl-");
  g_assert_cmpstr (trellis_playlist_get_uid (one), !=, trellis_playlist_get_uid (two));
  g_assert_cmpstr (trellis_playlist_get_uid (two), !=, trellis_playlist_get_uid (three));
  uid_two = g_strdup (trellis_playlist_get_uid (two));
  uid_three = g_strdup (trellis_playlist_get_uid (three));

  /* Renaming: the order is the teacher's, so only the title notifies. */
  g_signal_connect (two, "notify::title", G_CALLBACK (count_notify), &n_title);
  g_assert_true (trellis_classroom_rename_playlist (fixture->classroom, two, "Unit Two", &error));
  g_assert_no_error (error);
  assert_changes (recorder, 0);
  g_assert_cmpuint (n_title, ==, 1);
  g_assert_true (trellis_classroom_rename_playlist (fixture->classroom, two, "Unit Two", &error));
  g_assert_cmpuint (n_title, ==, 1);
  g_assert_false (trellis_classroom_rename_playlist (fixture->classroom, two, " ", &error));
  g_assert_error (error, TRELLIS_CLASSROOM_ERROR, TRELLIS_CLASSROOM_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpstr (trellis_playlist_get_title (two), ==, "Unit Two");
  g_assert_cmpuint (n_title, ==, 1);
  assert_changes (recorder, 0);

  g_assert_true (trellis_classroom_find_playlist (fixture->classroom, "Unit Two", &error) == two);
  g_assert_no_error (error);
  g_assert_null (trellis_classroom_find_playlist (fixture->classroom, "Unit 2", &error));
  g_assert_error (error, TRELLIS_CLASSROOM_ERROR, TRELLIS_CLASSROOM_ERROR_NO_SUCH_ITEM);
  g_clear_error (&error);

  g_object_ref (one);
  g_assert_true (trellis_classroom_delete_playlist (fixture->classroom, one, &error));
  g_assert_no_error (error);
  assert_changes (recorder, 1, 0, 1, 0);
  g_assert_false (trellis_classroom_delete_playlist (fixture->classroom, one, &error));
  g_assert_finalize_object (one);
  g_assert_error (error, TRELLIS_CLASSROOM_ERROR, TRELLIS_CLASSROOM_ERROR_NO_SUCH_ITEM);
  g_clear_error (&error);
  assert_changes (recorder, 0);

  g_clear_pointer (&recorder, recorder_free);
  reopen (fixture, TRELLIS_OPEN_FLAGS_NONE);
  playlists = trellis_classroom_get_playlists (fixture->classroom);
  assert_titles (playlists, "Unit Two Unit 3");
  {
    g_autoptr(TrellisPlaylist) first = g_list_model_get_item (playlists, 0);
    g_autoptr(TrellisPlaylist) second = g_list_model_get_item (playlists, 1);

    g_assert_cmpstr (trellis_playlist_get_uid (first), ==, uid_two);
    g_assert_cmpstr (trellis_playlist_get_uid (second), ==, uid_three);
  }
}

/* Description and unit dates: validated, written together, kept on reopening. */
static void
test_playlists_details (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  TrellisPlaylist *unit = add_playlist (fixture->classroom, "Ancient worlds");
  guint n_starts = 0;

  g_signal_connect (unit, "notify::starts-on", G_CALLBACK (count_notify), &n_starts);
  g_assert_true (trellis_classroom_update_playlist_details (fixture->classroom, unit, " Egypt, Greece, China ",
                                                            "2026-10-05", "2026-11-06", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (trellis_playlist_get_description (unit), ==, "Egypt, Greece, China");
  g_assert_cmpstr (trellis_playlist_get_starts_on (unit), ==, "2026-10-05");
  g_assert_cmpstr (trellis_playlist_get_ends_on (unit), ==, "2026-11-06");
  g_assert_cmpuint (n_starts, ==, 1);

  /* Refused, and nothing changes: a unit ending before it starts, a non-date. */
  g_assert_false (trellis_classroom_update_playlist_details (fixture->classroom, unit, "Other",
                                                             "2026-11-10", "2026-11-06", &error));
  g_assert_error (error, TRELLIS_CLASSROOM_ERROR, TRELLIS_CLASSROOM_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (trellis_classroom_update_playlist_details (fixture->classroom, unit, "Other",
                                                             "2026-02-30", NULL, &error));
  g_assert_error (error, TRELLIS_CLASSROOM_ERROR, TRELLIS_CLASSROOM_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (trellis_classroom_update_playlist_details (fixture->classroom, unit, "Other",
                                                             "2026- 1-05", NULL, &error));
  g_assert_error (error, TRELLIS_CLASSROOM_ERROR, TRELLIS_CLASSROOM_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (trellis_classroom_update_playlist_details (fixture->classroom, unit, "Other",
                                                             "+026-01-05", NULL, &error));
  g_assert_error (error, TRELLIS_CLASSROOM_ERROR, TRELLIS_CLASSROOM_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpstr (trellis_playlist_get_description (unit), ==, "Egypt, Greece, China");
  g_assert_cmpstr (trellis_playlist_get_starts_on (unit), ==, "2026-10-05");
  g_assert_cmpuint (n_starts, ==, 1);

  /* An empty end date clears it. */
  g_assert_true (trellis_classroom_update_playlist_details (fixture->classroom, unit, "Egypt, Greece, China",
                                                            "2026-10-05", "", &error));
  g_assert_no_error (error);
  g_assert_null (trellis_playlist_get_ends_on (unit));
  g_assert_cmpuint (n_starts, ==, 1);

  reopen (fixture, TRELLIS_OPEN_FLAGS_NONE);
  unit = trellis_classroom_find_playlist (fixture->classroom, "Ancient worlds", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (trellis_playlist_get_description (unit), ==, "Egypt, Greece, China");
  g_assert_cmpstr (trellis_playlist_get_starts_on (unit), ==, "2026-10-05");
  g_assert_null (trellis_playlist_get_ends_on (unit));
}

static void
test_playlists_delete_cascades (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(Recorder) top_recorder = NULL;
  g_autoptr(Recorder) options_recorder = NULL;
  TrellisPlaylist *unit, *other;
  TrellisNode *choice, *kept;
  GListModel *top, *options;

  unit = add_playlist (fixture->classroom, "Civilizations");
  other = add_playlist (fixture->classroom, "Ecosystems");
  add_node (fixture->classroom, unit, NULL, TRELLIS_NODE_KIND_ACTIVITY, "Read", -1);
  choice = add_node (fixture->classroom, unit, NULL, TRELLIS_NODE_KIND_CHOICE, "Show it", -1);
  add_node (fixture->classroom, unit, choice, TRELLIS_NODE_KIND_ACTIVITY, "Essay", -1);
  add_node (fixture->classroom, unit, choice, TRELLIS_NODE_KIND_ACTIVITY, "Model", -1);
  add_node (fixture->classroom, unit, NULL, TRELLIS_NODE_KIND_MILESTONE, "Check-in", -1);
  kept = add_node (fixture->classroom, other, NULL, TRELLIS_NODE_KIND_ACTIVITY, "Food web", -1);

  /* Progress on a node goes with it. */
  exec (fixture->classroom, "INSERT INTO learners (name, created_at) VALUES ('Ana', '2026-09-14')");
  exec (fixture->classroom,
        "INSERT INTO progress (learner_id, node_id, updated_at) SELECT 1, id, '2026-09-14' FROM nodes");
  g_assert_cmpint (trellis_test_query_int (fixture->classroom, "SELECT count(*) FROM progress"), ==, 6);

  top = trellis_classroom_get_nodes (fixture->classroom, unit, NULL);
  options = trellis_classroom_get_nodes (fixture->classroom, unit, choice);
  top_recorder = recorder_new (top);
  options_recorder = recorder_new (options);

  g_assert_true (trellis_classroom_delete_playlist (fixture->classroom, unit, &error));
  g_assert_no_error (error);

  /* Lists still held elsewhere are emptied, each in one emission. */
  assert_changes (top_recorder, 1, 0, 3, 0);
  assert_changes (options_recorder, 1, 0, 2, 0);
  g_assert_cmpint (trellis_classroom_count (fixture->classroom, "nodes"), ==, 1);
  g_assert_cmpint (trellis_test_query_int (fixture->classroom, "SELECT count(*) FROM progress"), ==, 1);
  assert_titles (trellis_classroom_get_playlists (fixture->classroom), "Ecosystems");
  {
    g_autoptr(TrellisNode) first = g_list_model_get_item (trellis_classroom_get_nodes (fixture->classroom, other, NULL), 0);
    g_autofree char *integrity = trellis_classroom_check_integrity (fixture->classroom);

    g_assert_true (first == kept);
    g_assert_cmpstr (integrity, ==, "ok");
  }
}

/* --- Nodes --- */

static void
test_nodes_add (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(Recorder) recorder = NULL;
  g_autoptr(Recorder) options_recorder = NULL;
  TrellisPlaylist *unit;
  TrellisNode *read, *choice, *check, *essay, *node;
  GListModel *top, *options;
  gint64 unit_id, choice_id;

  unit = add_playlist (fixture->classroom, "Civilizations");
  unit_id = trellis_playlist_get_id (unit);
  top = trellis_classroom_get_nodes (fixture->classroom, unit, NULL);
  g_assert_cmpuint (g_list_model_get_item_type (top), ==, TRELLIS_TYPE_NODE);
  g_assert_true (trellis_classroom_get_nodes (fixture->classroom, unit, NULL) == top);
  recorder = recorder_new (top);

  read = add_node (fixture->classroom, unit, NULL, TRELLIS_NODE_KIND_ACTIVITY, "Read", -1);
  assert_changes (recorder, 1, 0, 0, 1);
  check = add_node (fixture->classroom, unit, NULL, TRELLIS_NODE_KIND_MILESTONE, "Check-in", -1);
  assert_changes (recorder, 1, 1, 0, 1);
  choice = add_node (fixture->classroom, unit, NULL, TRELLIS_NODE_KIND_CHOICE, "Show it", 0);
  assert_changes (recorder, 1, 0, 0, 1);
  choice_id = trellis_node_get_id (choice);
  assert_titles (top, "Show it Read Check-in");
  assert_file_titles (fixture->classroom, unit_id, 0, "Show it Read Check-in");

  g_assert_cmpint (trellis_node_get_kind (read), ==, TRELLIS_NODE_KIND_ACTIVITY);
  g_assert_cmpint (trellis_node_get_kind (check), ==, TRELLIS_NODE_KIND_MILESTONE);
  g_assert_cmpint (trellis_node_get_kind (choice), ==, TRELLIS_NODE_KIND_CHOICE);
  g_assert_cmpuint (trellis_node_get_choose_min (choice), ==, 1);
  g_assert_cmpuint (trellis_node_get_choose_max (choice), ==, 1);
  g_assert_cmpuint (trellis_node_get_choose_max (read), ==, 0);
  g_assert_cmpint (trellis_node_get_parent_id (read), ==, 0);
  g_assert_cmpint (trellis_node_get_playlist_id (read), ==, unit_id);
  g_assert_cmpint (trellis_node_get_estimated_minutes (read), ==, -1);
  g_assert_cmpint (trellis_node_get_social_mode (read), ==, TRELLIS_SOCIAL_MODE_SOLO);
  assert_uid (trellis_node_get_uid (read), "nd-");
  g_assert_cmpstr (trellis_node_get_uid (read), !=, trellis_node_get_uid (check));

  /* Only a choice group has options, and its options are activities. */
  node = trellis_classroom_add_node (fixture->classroom, unit, read, TRELLIS_NODE_KIND_ACTIVITY, "Notes", -1, &error);
  g_assert_error (error, TRELLIS_CLASSROOM_ERROR, TRELLIS_CLASSROOM_ERROR_INVALID);
  g_assert_null (node);
  g_clear_error (&error);
  node = trellis_classroom_add_node (fixture->classroom, unit, check, TRELLIS_NODE_KIND_ACTIVITY, "Notes", -1, &error);
  g_assert_error (error, TRELLIS_CLASSROOM_ERROR, TRELLIS_CLASSROOM_ERROR_INVALID);
  g_clear_error (&error);
  node = trellis_classroom_add_node (fixture->classroom, unit, choice, TRELLIS_NODE_KIND_CHOICE, "Nested", -1, &error);
  g_assert_error (error, TRELLIS_CLASSROOM_ERROR, TRELLIS_CLASSROOM_ERROR_INVALID);
  g_clear_error (&error);
  node = trellis_classroom_add_node (fixture->classroom, unit, NULL, TRELLIS_NODE_KIND_ACTIVITY, "Far", 4, &error);
  g_assert_error (error, TRELLIS_CLASSROOM_ERROR, TRELLIS_CLASSROOM_ERROR_INVALID);
  g_clear_error (&error);
  node = trellis_classroom_add_node (fixture->classroom, unit, NULL, TRELLIS_NODE_KIND_ACTIVITY, "", -1, &error);
  g_assert_error (error, TRELLIS_CLASSROOM_ERROR, TRELLIS_CLASSROOM_ERROR_INVALID);
  g_clear_error (&error);
  assert_changes (recorder, 0);
  g_assert_cmpint (trellis_classroom_count (fixture->classroom, "nodes"), ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (trellis_classroom_get_nodes (fixture->classroom, unit, read)), ==, 0);

  /* Options go to the group's own list, not the top level. */
  options = trellis_classroom_get_nodes (fixture->classroom, unit, choice);
  options_recorder = recorder_new (options);
  essay = add_node (fixture->classroom, unit, choice, TRELLIS_NODE_KIND_ACTIVITY, "Essay", -1);
  assert_changes (options_recorder, 1, 0, 0, 1);
  add_node (fixture->classroom, unit, choice, TRELLIS_NODE_KIND_ACTIVITY, "Model", 0);
  assert_changes (options_recorder, 1, 0, 0, 1);
  assert_changes (recorder, 0);
  g_assert_cmpint (trellis_node_get_parent_id (essay), ==, choice_id);
  assert_titles (options, "Model Essay");
  assert_file_titles (fixture->classroom, unit_id, choice_id, "Model Essay");
  assert_file_titles (fixture->classroom, unit_id, 0, "Show it Read Check-in");

  g_clear_pointer (&recorder, recorder_free);
  g_clear_pointer (&options_recorder, recorder_free);
  reopen (fixture, TRELLIS_OPEN_FLAGS_NONE);
  unit = trellis_classroom_lookup_playlist (fixture->classroom, unit_id);
  g_assert_nonnull (unit);
  top = trellis_classroom_get_nodes (fixture->classroom, unit, NULL);
  assert_titles (top, "Show it Read Check-in");
  choice = g_list_model_get_item (top, 0);
  g_assert_cmpint (trellis_node_get_kind (choice), ==, TRELLIS_NODE_KIND_CHOICE);
  g_assert_cmpuint (trellis_node_get_choose_max (choice), ==, 1);
  assert_titles (trellis_classroom_get_nodes (fixture->classroom, unit, choice), "Model Essay");
  g_object_unref (choice);
}

static void
test_nodes_move (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(Recorder) recorder = NULL;
  TrellisPlaylist *unit;
  TrellisNode *a, *d, *choice, *x;
  GListModel *top, *options;
  gint64 unit_id;

  unit = add_playlist (fixture->classroom, "Unit");
  unit_id = trellis_playlist_get_id (unit);
  a = add_node (fixture->classroom, unit, NULL, TRELLIS_NODE_KIND_ACTIVITY, "A", -1);
  add_node (fixture->classroom, unit, NULL, TRELLIS_NODE_KIND_ACTIVITY, "B", -1);
  choice = add_node (fixture->classroom, unit, NULL, TRELLIS_NODE_KIND_CHOICE, "C", -1);
  d = add_node (fixture->classroom, unit, NULL, TRELLIS_NODE_KIND_MILESTONE, "D", -1);
  x = add_node (fixture->classroom, unit, choice, TRELLIS_NODE_KIND_ACTIVITY, "x", -1);
  add_node (fixture->classroom, unit, choice, TRELLIS_NODE_KIND_ACTIVITY, "y", -1);
  add_node (fixture->classroom, unit, choice, TRELLIS_NODE_KIND_ACTIVITY, "z", -1);

  top = trellis_classroom_get_nodes (fixture->classroom, unit, NULL);
  options = trellis_classroom_get_nodes (fixture->classroom, unit, choice);
  recorder = recorder_new (top);

  /* One removal at the old place, one insertion at the new. */
  g_assert_true (trellis_classroom_move_node (fixture->classroom, d, 0, &error));
  g_assert_no_error (error);
  assert_changes (recorder, 2, 3, 1, 0, 0, 0, 1);
  assert_titles (top, "D A B C");
  assert_file_titles (fixture->classroom, unit_id, 0, "D A B C");

  g_assert_true (trellis_classroom_move_node (fixture->classroom, a, -1, &error));
  g_assert_no_error (error);
  assert_changes (recorder, 2, 1, 1, 0, 3, 0, 1);
  assert_titles (top, "D B C A");
  assert_file_titles (fixture->classroom, unit_id, 0, "D B C A");

  /* Staying in place changes nothing; a place past the end is refused. */
  g_assert_true (trellis_classroom_move_node (fixture->classroom, a, 3, &error));
  g_assert_no_error (error);
  g_assert_false (trellis_classroom_move_node (fixture->classroom, a, 4, &error));
  g_assert_error (error, TRELLIS_CLASSROOM_ERROR, TRELLIS_CLASSROOM_ERROR_INVALID);
  g_clear_error (&error);
  assert_changes (recorder, 0);

  /* Options move within their group. */
  g_clear_pointer (&recorder, recorder_free);
  recorder = recorder_new (options);
  g_assert_true (trellis_classroom_move_node (fixture->classroom, x, 2, &error));
  g_assert_no_error (error);
  assert_changes (recorder, 2, 0, 1, 0, 2, 0, 1);
  assert_titles (options, "y z x");
  assert_file_titles (fixture->classroom, unit_id, trellis_node_get_id (choice), "y z x");
  assert_file_titles (fixture->classroom, unit_id, 0, "D B C A");

  /* The order persists. */
  {
    gint64 choice_id = trellis_node_get_id (choice);
    g_autoptr(TrellisNode) reloaded = NULL;

    g_clear_pointer (&recorder, recorder_free);
    reopen (fixture, TRELLIS_OPEN_FLAGS_NONE);
    unit = trellis_classroom_lookup_playlist (fixture->classroom, unit_id);
    top = trellis_classroom_get_nodes (fixture->classroom, unit, NULL);
    assert_titles (top, "D B C A");
    reloaded = g_list_model_get_item (top, 2);
    g_assert_cmpint (trellis_node_get_id (reloaded), ==, choice_id);
    assert_titles (trellis_classroom_get_nodes (fixture->classroom, unit, reloaded), "y z x");
  }
}

static void
test_nodes_delete (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(Recorder) recorder = NULL;
  g_autoptr(Recorder) options_recorder = NULL;
  g_autoptr(TrellisNode) gone = NULL;
  TrellisPlaylist *unit;
  TrellisNode *read, *choice;
  GListModel *top, *options;

  unit = add_playlist (fixture->classroom, "Unit");
  read = add_node (fixture->classroom, unit, NULL, TRELLIS_NODE_KIND_ACTIVITY, "Read", -1);
  choice = add_node (fixture->classroom, unit, NULL, TRELLIS_NODE_KIND_CHOICE, "Show it", -1);
  add_node (fixture->classroom, unit, choice, TRELLIS_NODE_KIND_ACTIVITY, "Essay", -1);
  add_node (fixture->classroom, unit, choice, TRELLIS_NODE_KIND_ACTIVITY, "Model", -1);
  add_node (fixture->classroom, unit, NULL, TRELLIS_NODE_KIND_MILESTONE, "Check-in", -1);

  top = trellis_classroom_get_nodes (fixture->classroom, unit, NULL);
  options = trellis_classroom_get_nodes (fixture->classroom, unit, choice);
  recorder = recorder_new (top);
  options_recorder = recorder_new (options);

  gone = g_object_ref (read);
  g_assert_true (trellis_classroom_delete_node (fixture->classroom, read, &error));
  g_assert_no_error (error);
  assert_changes (recorder, 1, 0, 1, 0);
  assert_changes (options_recorder, 0);
  g_assert_false (trellis_classroom_delete_node (fixture->classroom, gone, &error));
  g_assert_error (error, TRELLIS_CLASSROOM_ERROR, TRELLIS_CLASSROOM_ERROR_NO_SUCH_ITEM);
  g_clear_error (&error);
  g_assert_false (trellis_classroom_move_node (fixture->classroom, gone, 0, &error));
  g_assert_error (error, TRELLIS_CLASSROOM_ERROR, TRELLIS_CLASSROOM_ERROR_NO_SUCH_ITEM);
  g_clear_error (&error);

  /* A choice group goes with its options; its options list is emptied. */
  g_assert_true (trellis_classroom_delete_node (fixture->classroom, choice, &error));
  g_assert_no_error (error);
  assert_changes (recorder, 1, 0, 1, 0);
  assert_changes (options_recorder, 1, 0, 2, 0);
  assert_titles (top, "Check-in");
  g_assert_cmpint (trellis_classroom_count (fixture->classroom, "nodes"), ==, 1);
}

static void
test_choice_bounds (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  TrellisPlaylist *unit;
  TrellisNode *choice, *read, *essay, *model;
  guint n_min = 0, n_max = 0;
  g_autofree char *sql = NULL;

  unit = add_playlist (fixture->classroom, "Unit");
  read = add_node (fixture->classroom, unit, NULL, TRELLIS_NODE_KIND_ACTIVITY, "Read", -1);
  choice = add_node (fixture->classroom, unit, NULL, TRELLIS_NODE_KIND_CHOICE, "Show it", -1);
  sql = g_strdup_printf ("SELECT choose_min * 100 + choose_max FROM nodes WHERE id = %" G_GINT64_FORMAT,
                         trellis_node_get_id (choice));
  g_signal_connect (choice, "notify::choose-min", G_CALLBACK (count_notify), &n_min);
  g_signal_connect (choice, "notify::choose-max", G_CALLBACK (count_notify), &n_max);

  /* Not a choice group; min above max; max 0. */
  g_assert_false (trellis_classroom_set_choice_bounds (fixture->classroom, read, 1, 1, &error));
  g_assert_error (error, TRELLIS_CLASSROOM_ERROR, TRELLIS_CLASSROOM_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (trellis_classroom_set_choice_bounds (fixture->classroom, choice, 2, 1, &error));
  g_assert_error (error, TRELLIS_CLASSROOM_ERROR, TRELLIS_CLASSROOM_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (trellis_classroom_set_choice_bounds (fixture->classroom, choice, 0, 0, &error));
  g_assert_error (error, TRELLIS_CLASSROOM_ERROR, TRELLIS_CLASSROOM_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (trellis_test_query_int (fixture->classroom, sql), ==, 101);
  g_assert_cmpuint (n_min + n_max, ==, 0);

  /* A group without options yet accepts any bounds: it is being built. */
  g_assert_true (trellis_classroom_set_choice_bounds (fixture->classroom, choice, 2, 3, &error));
  g_assert_no_error (error);
  g_assert_cmpint (trellis_test_query_int (fixture->classroom, sql), ==, 203);
  g_assert_cmpuint (n_min, ==, 1);
  g_assert_cmpuint (n_max, ==, 1);

  /* With two options, no more than two can be asked for. */
  essay = add_node (fixture->classroom, unit, choice, TRELLIS_NODE_KIND_ACTIVITY, "Essay", -1);
  model = add_node (fixture->classroom, unit, choice, TRELLIS_NODE_KIND_ACTIVITY, "Model", -1);
  g_assert_false (trellis_classroom_set_choice_bounds (fixture->classroom, choice, 1, 3, &error));
  g_assert_error (error, TRELLIS_CLASSROOM_ERROR, TRELLIS_CLASSROOM_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (trellis_classroom_set_choice_bounds (fixture->classroom, choice, 0, 2, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (trellis_node_get_choose_min (choice), ==, 0);
  g_assert_cmpuint (trellis_node_get_choose_max (choice), ==, 2);
  g_assert_cmpint (trellis_test_query_int (fixture->classroom, sql), ==, 2);
  g_assert_true (trellis_classroom_set_choice_bounds (fixture->classroom, choice, 2, 2, &error));
  g_assert_no_error (error);
  n_min = n_max = 0;

  /* Deleting an option lowers bounds that ask for more than are left. */
  g_assert_true (trellis_classroom_delete_node (fixture->classroom, essay, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (trellis_node_get_choose_min (choice), ==, 1);
  g_assert_cmpuint (trellis_node_get_choose_max (choice), ==, 1);
  g_assert_cmpuint (n_min, ==, 1);
  g_assert_cmpuint (n_max, ==, 1);
  g_assert_cmpint (trellis_test_query_int (fixture->classroom, sql), ==, 101);

  /* The last option: an empty group keeps its bounds. */
  g_assert_true (trellis_classroom_delete_node (fixture->classroom, model, &error));
  g_assert_no_error (error);
  g_assert_cmpint (trellis_test_query_int (fixture->classroom, sql), ==, 101);

  reopen (fixture, TRELLIS_OPEN_FLAGS_NONE);
  unit = trellis_classroom_find_playlist (fixture->classroom, "Unit", &error);
  g_assert_no_error (error);
  {
    g_autoptr(TrellisNode) reloaded = g_list_model_get_item (trellis_classroom_get_nodes (fixture->classroom, unit, NULL), 1);

    g_assert_cmpuint (trellis_node_get_choose_min (reloaded), ==, 1);
    g_assert_cmpuint (trellis_node_get_choose_max (reloaded), ==, 1);
  }
}

/* --- A failed edit changes nothing --- */

static void
test_failed_edits (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(Recorder) top_recorder = NULL;
  g_autoptr(Recorder) options_recorder = NULL;
  g_autoptr(Recorder) skills_recorder = NULL;
  g_autoptr(Recorder) playlists_recorder = NULL;
  TrellisPlaylist *unit;
  TrellisNode *c, *choice, *essay;
  GListModel *top, *options;
  gint64 unit_id;
  g_autofree char *bounds_sql = NULL;

  unit = add_playlist (fixture->classroom, "Unit");
  unit_id = trellis_playlist_get_id (unit);
  add_node (fixture->classroom, unit, NULL, TRELLIS_NODE_KIND_ACTIVITY, "A", -1);
  choice = add_node (fixture->classroom, unit, NULL, TRELLIS_NODE_KIND_CHOICE, "B", -1);
  c = add_node (fixture->classroom, unit, NULL, TRELLIS_NODE_KIND_ACTIVITY, "C", -1);
  essay = add_node (fixture->classroom, unit, choice, TRELLIS_NODE_KIND_ACTIVITY, "Essay", -1);
  add_node (fixture->classroom, unit, choice, TRELLIS_NODE_KIND_ACTIVITY, "Model", -1);
  trellis_classroom_set_choice_bounds (fixture->classroom, choice, 2, 2, &error);
  g_assert_no_error (error);
  bounds_sql = g_strdup_printf ("SELECT choose_min * 100 + choose_max FROM nodes WHERE id = %" G_GINT64_FORMAT,
                                trellis_node_get_id (choice));

  top = trellis_classroom_get_nodes (fixture->classroom, unit, NULL);
  options = trellis_classroom_get_nodes (fixture->classroom, unit, choice);
  top_recorder = recorder_new (top);
  options_recorder = recorder_new (options);
  skills_recorder = recorder_new (trellis_classroom_get_skills (fixture->classroom));
  playlists_recorder = recorder_new (trellis_classroom_get_playlists (fixture->classroom));

  /* Make the second statement of an edit fail: renumbering positions. */
  exec (fixture->classroom,
        "CREATE TEMP TRIGGER fail_renumber BEFORE UPDATE OF position ON nodes "
        "BEGIN SELECT RAISE (ABORT, 'injected failure'); END");

  g_assert_false (trellis_classroom_move_node (fixture->classroom, c, 0, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  assert_titles (top, "A B C");
  assert_file_titles (fixture->classroom, unit_id, 0, "A B C");

  /* The INSERT is undone with the failed renumbering. */
  g_assert_null (trellis_classroom_add_node (fixture->classroom, unit, NULL, TRELLIS_NODE_KIND_ACTIVITY,
                                             "First", 0, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_cmpint (trellis_classroom_count (fixture->classroom, "nodes"), ==, 5);
  assert_titles (top, "A B C");
  assert_changes (top_recorder, 0);
  exec (fixture->classroom, "DROP TRIGGER fail_renumber");

  /* The deletion is undone with the failed lowering of the bounds. */
  exec (fixture->classroom,
        "CREATE TEMP TRIGGER fail_bounds BEFORE UPDATE OF choose_max ON nodes "
        "BEGIN SELECT RAISE (ABORT, 'injected failure'); END");
  g_assert_false (trellis_classroom_delete_node (fixture->classroom, essay, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  assert_titles (options, "Essay Model");
  assert_changes (options_recorder, 0);
  g_assert_cmpint (trellis_classroom_count (fixture->classroom, "nodes"), ==, 5);
  g_assert_cmpint (trellis_test_query_int (fixture->classroom, bounds_sql), ==, 202);
  g_assert_cmpuint (trellis_node_get_choose_max (choice), ==, 2);
  exec (fixture->classroom, "DROP TRIGGER fail_bounds");

  /* Deleting a playlist fails when deleting its nodes fails. */
  exec (fixture->classroom,
        "CREATE TEMP TRIGGER fail_delete BEFORE DELETE ON nodes "
        "BEGIN SELECT RAISE (ABORT, 'injected failure'); END");
  g_assert_false (trellis_classroom_delete_playlist (fixture->classroom, unit, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_false (trellis_classroom_delete_node (fixture->classroom, c, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  assert_changes (playlists_recorder, 0);
  assert_changes (top_recorder, 0);
  assert_changes (options_recorder, 0);
  g_assert_cmpint (trellis_classroom_count (fixture->classroom, "playlists"), ==, 1);
  g_assert_cmpint (trellis_classroom_count (fixture->classroom, "nodes"), ==, 5);
  assert_titles (top, "A B C");
  assert_titles (options, "Essay Model");
  exec (fixture->classroom, "DROP TRIGGER fail_delete");

  exec (fixture->classroom,
        "CREATE TEMP TRIGGER fail_skill BEFORE INSERT ON skills "
        "BEGIN SELECT RAISE (ABORT, 'injected failure'); END");
  g_assert_null (trellis_classroom_add_skill (fixture->classroom, "6.RP.A.1", "Ratios", &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  assert_changes (skills_recorder, 0);
  exec (fixture->classroom, "DROP TRIGGER fail_skill");

  /* And the classroom still works. */
  g_assert_true (trellis_classroom_move_node (fixture->classroom, c, 0, &error));
  g_assert_no_error (error);
  assert_changes (top_recorder, 2, 2, 1, 0, 0, 0, 1);
  assert_file_titles (fixture->classroom, unit_id, 0, "C A B");

  g_clear_pointer (&top_recorder, recorder_free);
  g_clear_pointer (&options_recorder, recorder_free);
  g_clear_pointer (&skills_recorder, recorder_free);
  g_clear_pointer (&playlists_recorder, recorder_free);

  /* Read-only: refused before anything is written. */
  reopen (fixture, TRELLIS_OPEN_FLAGS_READ_ONLY);
  unit = trellis_classroom_lookup_playlist (fixture->classroom, unit_id);
  g_assert_null (trellis_classroom_add_playlist (fixture->classroom, "Unit 2", &error));
  g_assert_error (error, TRELLIS_CLASSROOM_ERROR, TRELLIS_CLASSROOM_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_false (trellis_classroom_rename_playlist (fixture->classroom, unit, "Unit 1", &error));
  g_assert_error (error, TRELLIS_CLASSROOM_ERROR, TRELLIS_CLASSROOM_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_null (trellis_classroom_add_node (fixture->classroom, unit, NULL, TRELLIS_NODE_KIND_MILESTONE,
                                             "Check-in", -1, &error));
  g_assert_error (error, TRELLIS_CLASSROOM_ERROR, TRELLIS_CLASSROOM_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_cmpstr (trellis_playlist_get_title (unit), ==, "Unit");
  assert_titles (trellis_classroom_get_nodes (fixture->classroom, unit, NULL), "C A B");
}

/* --- The sample classroom: every column of real rows loads --- */

static void
test_sample_loads (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "sample.trellis", NULL);
  g_autoptr(TrellisClassroom) sample = NULL;
  GListModel *playlists;
  gint64 n_nodes = 0;
  guint n_choices = 0;

  sample = trellis_sample_create_full (path, 0, trellis_test_clock_iso8601, (gpointer)NOW, &error);
  g_assert_no_error (error);

  g_assert_cmpint (g_list_model_get_n_items (trellis_classroom_get_skills (sample)), ==,
                   trellis_classroom_count (sample, "skills"));
  playlists = trellis_classroom_get_playlists (sample);
  g_assert_cmpint (g_list_model_get_n_items (playlists), ==, trellis_classroom_count (sample, "playlists"));

  for (guint p = 0; p < g_list_model_get_n_items (playlists); p++)
    {
      g_autoptr(TrellisPlaylist) playlist = g_list_model_get_item (playlists, p);
      GListModel *top = trellis_classroom_get_nodes (sample, playlist, NULL);

      g_assert_nonnull (trellis_playlist_get_uid (playlist));
      for (guint i = 0; i < g_list_model_get_n_items (top); i++)
        {
          g_autoptr(TrellisNode) node = g_list_model_get_item (top, i);
          GListModel *options = trellis_classroom_get_nodes (sample, playlist, node);
          guint n_options = g_list_model_get_n_items (options);

          n_nodes += 1 + n_options;
          if (trellis_node_get_kind (node) != TRELLIS_NODE_KIND_CHOICE)
            {
              g_assert_cmpuint (n_options, ==, 0);
              continue;
            }

          n_choices++;
          g_assert_cmpuint (trellis_node_get_choose_min (node), <=, trellis_node_get_choose_max (node));
          g_assert_cmpuint (trellis_node_get_choose_max (node), <=, n_options);
        }
    }

  g_assert_cmpint (n_nodes, ==, trellis_classroom_count (sample, "nodes"));
  g_assert_cmpuint (n_choices, >, 0);
  g_assert_finalize_object (g_steal_pointer (&sample));
}

/* --- The objects --- */

static void
test_enums (void)
{
  TrellisNodeKind kind;
  TrellisSocialMode mode;

  g_assert_true (G_TYPE_IS_ENUM (TRELLIS_TYPE_NODE_KIND));
  g_assert_cmpstr (trellis_node_kind_to_string (TRELLIS_NODE_KIND_CHOICE), ==, "choice");
  g_assert_true (trellis_node_kind_from_string ("milestone", &kind));
  g_assert_cmpint (kind, ==, TRELLIS_NODE_KIND_MILESTONE);
  g_assert_false (trellis_node_kind_from_string ("quiz", &kind));
  g_assert_false (trellis_node_kind_from_string (NULL, &kind));
  g_assert_cmpstr (trellis_social_mode_to_string (TRELLIS_SOCIAL_MODE_PAIR), ==, "pair");
  g_assert_true (trellis_social_mode_from_string ("group", &mode));
  g_assert_cmpint (mode, ==, TRELLIS_SOCIAL_MODE_GROUP);
}

static void
test_node_properties (void)
{
  g_autoptr(TrellisNode) node = trellis_node_new (7, 2, 0, "nd-1", TRELLIS_NODE_KIND_ACTIVITY, "Read");
  guint n_notify = 0;
  TrellisNodeKind kind;
  int minutes;

  g_signal_connect (node, "notify", G_CALLBACK (count_notify), &n_notify);

  /* Notify only on change. */
  trellis_node_set_title (node, "Read");
  trellis_node_set_is_starter (node, FALSE);
  trellis_node_set_estimated_minutes (node, -1);
  g_assert_cmpuint (n_notify, ==, 0);

  g_object_set (node,
                "estimated-minutes", 45,
                "social-mode", TRELLIS_SOCIAL_MODE_PAIR,
                "is-challenge", TRUE,
                "target-date", "2026-10-02",
                NULL);
  g_assert_cmpuint (n_notify, ==, 4);
  g_object_get (node, "kind", &kind, "estimated-minutes", &minutes, NULL);
  g_assert_cmpint (kind, ==, TRELLIS_NODE_KIND_ACTIVITY);
  g_assert_cmpint (minutes, ==, 45);
  g_assert_true (trellis_node_get_is_challenge (node));
  g_assert_cmpstr (trellis_node_get_target_date (node), ==, "2026-10-02");
  trellis_node_set_target_date (node, "");
  g_assert_null (trellis_node_get_target_date (node));
  g_assert_cmpuint (n_notify, ==, 5);
}

/* --- Editing, duplicating and regrouping nodes --- */

static void
test_nodes_update (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(Recorder) recorder = NULL;
  TrellisNodeFields fields = { 0 };
  TrellisPlaylist *unit;
  TrellisNode *node;
  gint64 unit_id, node_id;
  guint n_notify = 0;

  unit = add_playlist (fixture->classroom, "Unit");
  unit_id = trellis_playlist_get_id (unit);
  node = add_node (fixture->classroom, unit, NULL, TRELLIS_NODE_KIND_MILESTONE, "Check-in", -1);
  node_id = trellis_node_get_id (node);
  recorder = recorder_new (trellis_classroom_get_nodes (fixture->classroom, unit, NULL));
  g_signal_connect (node, "notify", G_CALLBACK (count_notify), &n_notify);

  fields.mask = TRELLIS_NODE_FIELD_TITLE | TRELLIS_NODE_FIELD_INSTRUCTIONS |
                TRELLIS_NODE_FIELD_RESOURCE_URL | TRELLIS_NODE_FIELD_ESTIMATED_MINUTES |
                TRELLIS_NODE_FIELD_SOCIAL_MODE | TRELLIS_NODE_FIELD_TARGET_DATE |
                TRELLIS_NODE_FIELD_MUST_SHOW | TRELLIS_NODE_FIELD_IS_CHALLENGE;
  fields.title = "  Timeline check  ";
  fields.instructions = "Bring your timeline.";
  fields.resource_url = "https://example.org/timeline";
  fields.estimated_minutes = 20;
  fields.social_mode = TRELLIS_SOCIAL_MODE_PAIR;
  fields.target_date = "2026-10-02";
  fields.must_show = "Five dated events";
  fields.is_challenge = TRUE;
  g_assert_true (trellis_classroom_update_node (fixture->classroom, node, &fields, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_notify, ==, 8);
  assert_changes (recorder, 0);
  g_assert_cmpstr (trellis_node_get_title (node), ==, "Timeline check");
  g_assert_cmpint (trellis_node_get_estimated_minutes (node), ==, 20);

  /* Fields outside the mask stay; a bad date or link changes nothing. */
  n_notify = 0;
  fields.mask = TRELLIS_NODE_FIELD_SUGGESTED_DATE;
  fields.suggested_date = "2026-02-30";
  g_assert_false (trellis_classroom_update_node (fixture->classroom, node, &fields, &error));
  g_assert_error (error, TRELLIS_CLASSROOM_ERROR, TRELLIS_CLASSROOM_ERROR_INVALID);
  g_clear_error (&error);
  fields.mask = TRELLIS_NODE_FIELD_RESOURCE_URL | TRELLIS_NODE_FIELD_TITLE;
  fields.resource_url = "not a link";
  g_assert_false (trellis_classroom_update_node (fixture->classroom, node, &fields, &error));
  g_assert_error (error, TRELLIS_CLASSROOM_ERROR, TRELLIS_CLASSROOM_ERROR_INVALID);
  g_clear_error (&error);
  fields.mask = TRELLIS_NODE_FIELD_TITLE;
  fields.title = " ";
  g_assert_false (trellis_classroom_update_node (fixture->classroom, node, &fields, &error));
  g_assert_error (error, TRELLIS_CLASSROOM_ERROR, TRELLIS_CLASSROOM_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpuint (n_notify, ==, 0);

  /* Clearing. */
  fields.mask = TRELLIS_NODE_FIELD_INSTRUCTIONS | TRELLIS_NODE_FIELD_ESTIMATED_MINUTES;
  fields.instructions = "";
  fields.estimated_minutes = -1;
  g_assert_true (trellis_classroom_update_node (fixture->classroom, node, &fields, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_notify, ==, 2);
  g_assert_null (trellis_node_get_instructions (node));
  g_signal_handlers_disconnect_by_func (node, count_notify, &n_notify);
  g_clear_pointer (&recorder, recorder_free);

  reopen (fixture, TRELLIS_OPEN_FLAGS_NONE);
  unit = trellis_classroom_lookup_playlist (fixture->classroom, unit_id);
  {
    g_autoptr(TrellisNode) reloaded = g_list_model_get_item (trellis_classroom_get_nodes (fixture->classroom, unit, NULL), 0);

    g_assert_cmpint (trellis_node_get_id (reloaded), ==, node_id);
    g_assert_cmpstr (trellis_node_get_title (reloaded), ==, "Timeline check");
    g_assert_null (trellis_node_get_instructions (reloaded));
    g_assert_cmpstr (trellis_node_get_resource_url (reloaded), ==, "https://example.org/timeline");
    g_assert_cmpint (trellis_node_get_estimated_minutes (reloaded), ==, -1);
    g_assert_cmpint (trellis_node_get_social_mode (reloaded), ==, TRELLIS_SOCIAL_MODE_PAIR);
    g_assert_cmpstr (trellis_node_get_target_date (reloaded), ==, "2026-10-02");
    g_assert_null (trellis_node_get_suggested_date (reloaded));
    g_assert_cmpstr (trellis_node_get_must_show (reloaded), ==, "Five dated events");
    g_assert_true (trellis_node_get_is_challenge (reloaded));
    g_assert_false (trellis_node_get_is_starter (reloaded));
  }
}

static void
test_nodes_formats_skills (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) skills = g_ptr_array_new ();
  g_autoptr(GPtrArray) found = NULL;
  g_auto(GStrv) formats = NULL;
  const char *set[] = { "essay", " video ", "", "essay", "model", NULL };
  TrellisPlaylist *unit;
  TrellisNode *node;
  TrellisSkill *a, *b;

  a = trellis_classroom_add_skill (fixture->classroom, "H.1", "Chronology", &error);
  g_assert_no_error (error);
  b = trellis_classroom_add_skill (fixture->classroom, "H.2", "Sources", &error);
  g_assert_no_error (error);
  unit = add_playlist (fixture->classroom, "Unit");
  node = add_node (fixture->classroom, unit, NULL, TRELLIS_NODE_KIND_ACTIVITY, "Report", -1);

  g_assert_true (trellis_classroom_set_node_formats (fixture->classroom, node, set, &error));
  g_assert_no_error (error);
  formats = trellis_classroom_dup_node_formats (fixture->classroom, node, &error);
  g_assert_no_error (error);
  g_assert_cmpstrv (formats, ((const char *[]) { "essay", "video", "model", NULL }));
  g_clear_pointer (&formats, g_strfreev);

  g_ptr_array_add (skills, b);
  g_ptr_array_add (skills, a);
  g_assert_true (trellis_classroom_set_node_skills (fixture->classroom, node, skills, &error));
  g_assert_no_error (error);
  found = trellis_classroom_dup_node_skills (fixture->classroom, node, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 2);
  g_assert_true (g_ptr_array_index (found, 0) == a);
  g_assert_true (g_ptr_array_index (found, 1) == b);
  g_clear_pointer (&found, g_ptr_array_unref);

  /* Replacing, and clearing. */
  g_ptr_array_set_size (skills, 1);
  g_assert_true (trellis_classroom_set_node_skills (fixture->classroom, node, skills, &error));
  g_assert_no_error (error);
  g_assert_true (trellis_classroom_set_node_formats (fixture->classroom, node, NULL, &error));
  g_assert_no_error (error);
  formats = trellis_classroom_dup_node_formats (fixture->classroom, node, &error);
  g_assert_cmpuint (g_strv_length (formats), ==, 0);
  found = trellis_classroom_dup_node_skills (fixture->classroom, node, &error);
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_true (g_ptr_array_index (found, 0) == b);
}

static void
test_nodes_duplicate (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(Recorder) recorder = NULL;
  g_auto(GStrv) formats = NULL;
  const char *set[] = { "play", "model", NULL };
  TrellisPlaylist *unit;
  TrellisNode *choice, *x, *copy;
  GListModel *top, *copy_options;
  gint64 unit_id;

  unit = add_playlist (fixture->classroom, "Unit");
  unit_id = trellis_playlist_get_id (unit);
  add_node (fixture->classroom, unit, NULL, TRELLIS_NODE_KIND_ACTIVITY, "A", -1);
  choice = add_node (fixture->classroom, unit, NULL, TRELLIS_NODE_KIND_CHOICE, "C", -1);
  add_node (fixture->classroom, unit, NULL, TRELLIS_NODE_KIND_MILESTONE, "M", -1);
  x = add_node (fixture->classroom, unit, choice, TRELLIS_NODE_KIND_ACTIVITY, "x", -1);
  add_node (fixture->classroom, unit, choice, TRELLIS_NODE_KIND_ACTIVITY, "y", -1);
  g_assert_true (trellis_classroom_set_choice_bounds (fixture->classroom, choice, 1, 2, &error));
  g_assert_no_error (error);
  g_assert_true (trellis_classroom_set_node_formats (fixture->classroom, x, set, &error));
  g_assert_no_error (error);

  top = trellis_classroom_get_nodes (fixture->classroom, unit, NULL);
  recorder = recorder_new (top);
  copy = trellis_classroom_duplicate_node (fixture->classroom, choice, &error);
  g_assert_no_error (error);
  g_assert_nonnull (copy);
  assert_changes (recorder, 1, 2, 0, 1);
  assert_titles (top, "A C C M");
  assert_file_titles (fixture->classroom, unit_id, 0, "A C C M");
  assert_uid (trellis_node_get_uid (copy), "nd-");
  g_assert_cmpstr (trellis_node_get_uid (copy), !=, trellis_node_get_uid (choice));
  g_assert_cmpuint (trellis_node_get_choose_max (copy), ==, 2);
  copy_options = trellis_classroom_get_nodes (fixture->classroom, unit, copy);
  assert_titles (copy_options, "x y");
  {
    g_autoptr(TrellisNode) x_copy = g_list_model_get_item (copy_options, 0);

    g_assert_true (x_copy != x);
    g_assert_cmpint (trellis_node_get_parent_id (x_copy), ==, trellis_node_get_id (copy));
    formats = trellis_classroom_dup_node_formats (fixture->classroom, x_copy, &error);
    g_assert_cmpstrv (formats, set);
  }

  /* An option duplicates within its group. */
  g_clear_pointer (&recorder, recorder_free);
  recorder = recorder_new (trellis_classroom_get_nodes (fixture->classroom, unit, choice));
  g_assert_nonnull (trellis_classroom_duplicate_node (fixture->classroom, x, &error));
  g_assert_no_error (error);
  assert_changes (recorder, 1, 1, 0, 1);
  assert_file_titles (fixture->classroom, unit_id, trellis_node_get_id (choice), "x x y");
}

static void
test_playlists_duplicate (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(Recorder) recorder = NULL;
  TrellisPlaylist *unit, *copy;
  TrellisNode *choice;
  gint64 copy_id;

  unit = add_playlist (fixture->classroom, "Ancient Egypt");
  add_node (fixture->classroom, unit, NULL, TRELLIS_NODE_KIND_ACTIVITY, "A", -1);
  choice = add_node (fixture->classroom, unit, NULL, TRELLIS_NODE_KIND_CHOICE, "C", -1);
  add_node (fixture->classroom, unit, NULL, TRELLIS_NODE_KIND_MILESTONE, "M", -1);
  add_node (fixture->classroom, unit, choice, TRELLIS_NODE_KIND_ACTIVITY, "x", -1);
  add_node (fixture->classroom, unit, choice, TRELLIS_NODE_KIND_ACTIVITY, "y", -1);

  recorder = recorder_new (trellis_classroom_get_playlists (fixture->classroom));
  copy = trellis_classroom_duplicate_playlist (fixture->classroom, unit, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (copy);
  assert_changes (recorder, 1, 1, 0, 1);
  g_assert_cmpstr (trellis_playlist_get_title (copy), ==, "Ancient Egypt (copy)");
  g_assert_cmpstr (trellis_playlist_get_uid (copy), !=, trellis_playlist_get_uid (unit));
  copy_id = trellis_playlist_get_id (copy);
  assert_file_titles (fixture->classroom, copy_id, 0, "A C M");
  g_clear_pointer (&recorder, recorder_free);

  reopen (fixture, TRELLIS_OPEN_FLAGS_NONE);
  copy = trellis_classroom_lookup_playlist (fixture->classroom, copy_id);
  g_assert_nonnull (copy);
  {
    GListModel *top = trellis_classroom_get_nodes (fixture->classroom, copy, NULL);
    g_autoptr(TrellisNode) group = g_list_model_get_item (top, 1);

    assert_titles (top, "A C M");
    g_assert_cmpint (trellis_node_get_kind (group), ==, TRELLIS_NODE_KIND_CHOICE);
    assert_titles (trellis_classroom_get_nodes (fixture->classroom, copy, group), "x y");
  }
}

static void
test_nodes_regroup (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(Recorder) top_recorder = NULL;
  g_autoptr(Recorder) options_recorder = NULL;
  TrellisPlaylist *unit;
  TrellisNode *a, *choice, *m, *x;
  GListModel *top, *options;
  gint64 unit_id;

  unit = add_playlist (fixture->classroom, "Unit");
  unit_id = trellis_playlist_get_id (unit);
  a = add_node (fixture->classroom, unit, NULL, TRELLIS_NODE_KIND_ACTIVITY, "A", -1);
  choice = add_node (fixture->classroom, unit, NULL, TRELLIS_NODE_KIND_CHOICE, "C", -1);
  m = add_node (fixture->classroom, unit, NULL, TRELLIS_NODE_KIND_MILESTONE, "M", -1);
  x = add_node (fixture->classroom, unit, choice, TRELLIS_NODE_KIND_ACTIVITY, "x", -1);
  add_node (fixture->classroom, unit, choice, TRELLIS_NODE_KIND_ACTIVITY, "y", -1);
  g_assert_true (trellis_classroom_set_choice_bounds (fixture->classroom, choice, 2, 2, &error));
  g_assert_no_error (error);

  top = trellis_classroom_get_nodes (fixture->classroom, unit, NULL);
  options = trellis_classroom_get_nodes (fixture->classroom, unit, choice);
  top_recorder = recorder_new (top);
  options_recorder = recorder_new (options);

  /* Into a group. */
  g_assert_true (trellis_classroom_move_node_to_parent (fixture->classroom, a, choice, 1, &error));
  g_assert_no_error (error);
  assert_changes (top_recorder, 1, 0, 1, 0);
  assert_changes (options_recorder, 1, 1, 0, 1);
  g_assert_cmpint (trellis_node_get_parent_id (a), ==, trellis_node_get_id (choice));
  assert_file_titles (fixture->classroom, unit_id, 0, "C M");
  assert_file_titles (fixture->classroom, unit_id, trellis_node_get_id (choice), "x A y");

  /* Only activities go into a group, and only into a group. */
  g_assert_false (trellis_classroom_move_node_to_parent (fixture->classroom, m, choice, 0, &error));
  g_assert_error (error, TRELLIS_CLASSROOM_ERROR, TRELLIS_CLASSROOM_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (trellis_classroom_move_node_to_parent (fixture->classroom, x, m, 0, &error));
  g_assert_error (error, TRELLIS_CLASSROOM_ERROR, TRELLIS_CLASSROOM_ERROR_INVALID);
  g_clear_error (&error);
  assert_changes (top_recorder, 0);
  assert_changes (options_recorder, 0);

  /* Out of a group: three options left keep the bounds 2..2. */
  g_assert_true (trellis_classroom_move_node_to_parent (fixture->classroom, x, NULL, -1, &error));
  g_assert_no_error (error);
  assert_changes (options_recorder, 1, 0, 1, 0);
  assert_changes (top_recorder, 1, 2, 0, 1);
  g_assert_cmpint (trellis_node_get_parent_id (x), ==, 0);
  g_assert_cmpuint (trellis_node_get_choose_max (choice), ==, 2);

  /* One option left lowers the bounds. */
  g_assert_true (trellis_classroom_move_node_to_parent (fixture->classroom, a, NULL, 0, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (trellis_node_get_choose_min (choice), ==, 1);
  g_assert_cmpuint (trellis_node_get_choose_max (choice), ==, 1);
  assert_titles (top, "A C M x");
  assert_file_titles (fixture->classroom, unit_id, 0, "A C M x");
  assert_file_titles (fixture->classroom, unit_id, trellis_node_get_id (choice), "y");
  g_clear_pointer (&top_recorder, recorder_free);
  g_clear_pointer (&options_recorder, recorder_free);

  reopen (fixture, TRELLIS_OPEN_FLAGS_NONE);
  unit = trellis_classroom_lookup_playlist (fixture->classroom, unit_id);
  assert_titles (trellis_classroom_get_nodes (fixture->classroom, unit, NULL), "A C M x");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  g_test_add_func ("/curriculum/node/enums", test_enums);
  g_test_add_func ("/curriculum/node/properties", test_node_properties);
  ADD ("/curriculum/skills/model", test_skills_model);
  ADD ("/curriculum/skills/order", test_skills_order);
  ADD ("/curriculum/playlists/model", test_playlists_model);
  ADD ("/curriculum/playlists/details", test_playlists_details);
  ADD ("/curriculum/playlists/delete-cascades", test_playlists_delete_cascades);
  ADD ("/curriculum/nodes/add", test_nodes_add);
  ADD ("/curriculum/nodes/move", test_nodes_move);
  ADD ("/curriculum/nodes/delete", test_nodes_delete);
  ADD ("/curriculum/nodes/choice-bounds", test_choice_bounds);
  ADD ("/curriculum/failed-edits-change-nothing", test_failed_edits);
  ADD ("/curriculum/sample-loads", test_sample_loads);
  ADD ("/curriculum/nodes/update", test_nodes_update);
  ADD ("/curriculum/nodes/formats-skills", test_nodes_formats_skills);
  ADD ("/curriculum/nodes/duplicate", test_nodes_duplicate);
  ADD ("/curriculum/nodes/regroup", test_nodes_regroup);
  ADD ("/curriculum/playlists/duplicate", test_playlists_duplicate);

#undef ADD

  return g_test_run ();
}

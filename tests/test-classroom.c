/* test-classroom.c
 *
 * Copyright 2026 The Trellis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "trellis-classroom.h"
#include "trellis-schema.h"
#include "trellis-test-utils.h"

typedef struct
{
  char *dir;
  char *path;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = trellis_test_make_tmp_dir ("trellis-test-XXXXXX");
  fixture->path = g_build_filename (fixture->dir, "class.trellis", NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  trellis_schema_set_test_migrations (NULL, 0);
  trellis_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
}

static void
create_closed (Fixture    *fixture,
               const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisClassroom) classroom = trellis_classroom_create (fixture->path, name, &error);

  g_assert_no_error (error);
  g_assert_nonnull (classroom);
}

static void
test_create (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(TrellisClassroom) classroom = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *integrity = NULL;
  GStatBuf st;
  mode_t old_umask;

  /* Even with a permissive umask the file is the owner's alone. */
  old_umask = umask (0);
  classroom = trellis_classroom_create (fixture->path, "Room 12", &error);
  umask (old_umask);
  g_assert_no_error (error);
  g_assert_nonnull (classroom);

  g_assert_cmpint (g_stat (fixture->path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  g_assert_cmpstr (trellis_classroom_get_name (classroom), ==, "Room 12");
  g_assert_cmpuint (trellis_classroom_get_format_version (classroom), ==, trellis_schema_get_version ());
  g_assert_cmpint (trellis_test_query_int (classroom, "PRAGMA application_id"), ==, TRELLIS_APPLICATION_ID);
  g_assert_cmpint (trellis_test_query_int (classroom, "PRAGMA user_version"), ==, trellis_schema_get_version ());
  g_assert_cmpint (trellis_test_query_int (classroom, "PRAGMA foreign_keys"), ==, 1);
  g_assert_cmpint (trellis_test_query_int (classroom, "PRAGMA synchronous"), ==, 2);
  g_assert_cmpint (trellis_classroom_count (classroom, "learners"), ==, 0);
  g_assert_cmpint (trellis_classroom_count (classroom, "evidence"), ==, 0);
  integrity = trellis_classroom_check_integrity (classroom);
  g_assert_cmpstr (integrity, ==, "ok");

  {
    g_autoptr(sqlite3_stmt) stmt = trellis_classroom_prepare (classroom, "PRAGMA journal_mode", NULL);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpstr ((const char *)sqlite3_column_text (stmt, 0), ==, "delete");
  }
}

static void
test_create_refuses_existing (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(TrellisClassroom) classroom = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;

  trellis_test_write_bytes (fixture->path, "my essay", 8);
  before = trellis_test_read_bytes (fixture->path);

  classroom = trellis_classroom_create (fixture->path, "Room 12", &error);
  g_assert_error (error, TRELLIS_CLASSROOM_ERROR, TRELLIS_CLASSROOM_ERROR_EXISTS);
  g_assert_null (classroom);

  after = trellis_test_read_bytes (fixture->path);
  trellis_test_assert_bytes_equal (before, after);
}

static void
test_create_empty_name (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(TrellisClassroom) classroom = NULL;
  g_autoptr(GError) error = NULL;

  classroom = trellis_classroom_create (fixture->path, "", &error);
  g_assert_error (error, TRELLIS_CLASSROOM_ERROR, TRELLIS_CLASSROOM_ERROR_INVALID);
  g_assert_null (classroom);
  g_assert_false (g_file_test (fixture->path, G_FILE_TEST_EXISTS));
}

/* --- Files that must be refused and left byte-identical --- */

typedef void (*MakeBadFile) (Fixture *fixture);

typedef struct
{
  const char  *name;
  MakeBadFile  make;
  int          code;
} BadFileCase;

static void
make_zero_bytes (Fixture *fixture)
{
  trellis_test_write_bytes (fixture->path, "", 0);
}

static void
make_text_file (Fixture *fixture)
{
  const char text[] = "name,score\nAmara,3\nLiam,4\n"
                      "This is a spreadsheet export, not a classroom, and it is long enough "
                      "to fill the hundred bytes of a database header easily.\n";

  trellis_test_write_bytes (fixture->path, text, sizeof text - 1);
}

static void
make_random_bytes (Fixture *fixture)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  guint8 data[8192];

  for (guint i = 0; i < sizeof data; i++)
    data[i] = (guint8)g_rand_int_range (rand, 0, 256);
  trellis_test_write_bytes (fixture->path, data, sizeof data);
}

static void
make_foreign_sqlite (Fixture *fixture)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (fixture->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE photos (id INTEGER PRIMARY KEY, path TEXT);"
                                     "INSERT INTO photos (path) VALUES ('beach.jpg');",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

static void
make_newer_version (Fixture *fixture)
{
  sqlite3 *db = NULL;

  create_closed (fixture, "From the future");
  g_assert_cmpint (sqlite3_open (fixture->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA user_version = 99", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

static void
make_classroom_with_learners (Fixture *fixture)
{
  g_autoptr(TrellisClassroom) classroom = NULL;
  g_autoptr(GError) error = NULL;

  classroom = trellis_classroom_create (fixture->path, "Full", &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 400; i++)
    {
      g_autofree char *name = g_strdup_printf ("Learner %03u with a long enough name to fill pages", i);
      g_assert_nonnull (trellis_classroom_add_learner (classroom, name, &error));
      g_assert_no_error (error);
    }
}

static void
make_truncated (Fixture *fixture)
{
  g_autoptr(GBytes) bytes = NULL;

  make_classroom_with_learners (fixture);
  bytes = trellis_test_read_bytes (fixture->path);
  g_assert_cmpuint (g_bytes_get_size (bytes), >, 8192);
  trellis_test_write_bytes (fixture->path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes) / 2);
}

static void
make_corrupt (Fixture *fixture)
{
  g_autoptr(GBytes) bytes = NULL;
  guint8 *data;
  gsize length;

  make_classroom_with_learners (fixture);
  bytes = trellis_test_read_bytes (fixture->path);
  data = g_bytes_unref_to_data (g_steal_pointer (&bytes), &length);

  /* Scribble over every page but the first (the header and schema stay). */
  for (gsize i = 4096; i < length; i += 4096)
    memset (data + i, 0x5a, 1024);
  trellis_test_write_bytes (fixture->path, data, length);
  g_free (data);
}

static void
make_not_quite_classroom (Fixture *fixture)
{
  sqlite3 *db = NULL;

  /* Trellis' application id, but no schema: an interrupted foreign tool. */
  g_assert_cmpint (sqlite3_open (fixture->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA application_id = 1414679635; CREATE TABLE x (y);",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

static const BadFileCase bad_files[] = {
  { "zero-bytes", make_zero_bytes, TRELLIS_CLASSROOM_ERROR_NOT_SQLITE },
  { "text", make_text_file, TRELLIS_CLASSROOM_ERROR_NOT_SQLITE },
  { "random", make_random_bytes, TRELLIS_CLASSROOM_ERROR_NOT_SQLITE },
  { "foreign-sqlite", make_foreign_sqlite, TRELLIS_CLASSROOM_ERROR_NOT_CLASSROOM },
  { "newer-version", make_newer_version, TRELLIS_CLASSROOM_ERROR_TOO_NEW },
  { "truncated", make_truncated, TRELLIS_CLASSROOM_ERROR_DAMAGED },
  { "corrupt", make_corrupt, TRELLIS_CLASSROOM_ERROR_DAMAGED },
  { "no-schema", make_not_quite_classroom, TRELLIS_CLASSROOM_ERROR_NOT_CLASSROOM },
};

static void
test_bad_file (Fixture       *fixture,
               gconstpointer  data)
{
  const BadFileCase *bad = data;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autofree char *journal = NULL;

  bad->make (fixture);
  before = trellis_test_read_bytes (fixture->path);

  for (guint flags = 0; flags < 2; flags++)
    {
      g_autoptr(TrellisClassroom) classroom = NULL;
      g_autoptr(GError) error = NULL;

      classroom = trellis_classroom_open (fixture->path, flags ? TRELLIS_OPEN_FLAGS_READ_ONLY : 0, &error);
      g_assert_error (error, TRELLIS_CLASSROOM_ERROR, bad->code);
      g_assert_null (classroom);
      /* A plain-language message that names the file, on one line. */
      g_assert_nonnull (strstr (error->message, "class.trellis"));
      g_assert_null (strchr (error->message, '\n'));
    }

  after = trellis_test_read_bytes (fixture->path);
  trellis_test_assert_bytes_equal (before, after);

  journal = g_strconcat (fixture->path, "-journal", NULL);
  g_assert_false (g_file_test (journal, G_FILE_TEST_EXISTS));
}

static void
test_missing_file (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(TrellisClassroom) classroom = NULL;
  g_autoptr(GError) error = NULL;

  classroom = trellis_classroom_open (fixture->path, 0, &error);
  g_assert_error (error, TRELLIS_CLASSROOM_ERROR, TRELLIS_CLASSROOM_ERROR_NOT_FOUND);
  g_assert_false (g_file_test (fixture->path, G_FILE_TEST_EXISTS));
}

/* --- Migrations --- */

static const char * const good_migrations[] = {
  "ALTER TABLE learners ADD COLUMN nickname TEXT;"
  "CREATE TABLE test_added (id INTEGER PRIMARY KEY);",
  "UPDATE learners SET nickname = 'n-' || name;",
};

static const char * const bad_migrations[] = {
  "ALTER TABLE learners ADD COLUMN nickname TEXT;",
  "THIS IS NOT SQL;",
};

static void
fill_for_migration (Fixture *fixture)
{
  g_autoptr(TrellisClassroom) classroom = NULL;
  g_autoptr(GError) error = NULL;
  TrellisLearner *learner;

  classroom = trellis_classroom_create (fixture->path, "Old", &error);
  g_assert_no_error (error);
  learner = trellis_classroom_add_learner (classroom, "Amara Okonkwo", &error);
  g_assert_no_error (error);
  trellis_classroom_add_learner (classroom, "Liam O'Brien", &error);
  g_assert_no_error (error);
  g_assert_true (trellis_classroom_exec (classroom,
                                         "INSERT INTO skills (code, name) VALUES ('RH.6-8.1', 'Cite evidence');"
                                         "INSERT INTO profile_entries (learner_id, kind, text, revisited_on, created_at)"
                                         " VALUES (1, 'interest', 'Pyramids', '2026-09-01', '2026-09-01T10:00:00Z');"
                                         "INSERT INTO evidence (learner_id, skill_id, observed_at, kind, score)"
                                         " VALUES (1, 1, '2026-09-02', 'binary', 1);",
                                         &error));
  g_assert_no_error (error);
  g_assert_cmpint (trellis_learner_get_id (learner), ==, 1);
}

static void
test_migration (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(TrellisClassroom) classroom = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) backup = NULL;
  g_autofree char *backup_path = NULL;

  fill_for_migration (fixture);
  before = trellis_test_read_bytes (fixture->path);

  trellis_schema_set_test_migrations (good_migrations, G_N_ELEMENTS (good_migrations));
  g_assert_cmpuint (trellis_schema_get_version (), ==, 3);

  classroom = trellis_classroom_open (fixture->path, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (trellis_classroom_get_format_version (classroom), ==, 3);
  g_assert_cmpint (trellis_test_query_int (classroom, "PRAGMA user_version"), ==, 3);

  /* Every row is still there, and the migrations ran in order. */
  g_assert_cmpint (trellis_classroom_count (classroom, "learners"), ==, 2);
  g_assert_cmpint (trellis_classroom_count (classroom, "skills"), ==, 1);
  g_assert_cmpint (trellis_classroom_count (classroom, "evidence"), ==, 1);
  g_assert_cmpint (trellis_test_query_int (classroom, "SELECT count(*) FROM profile_entries"), ==, 1);
  g_assert_cmpint (trellis_test_query_int (classroom, "SELECT count(*) FROM learners WHERE nickname = 'n-' || name"),
                   ==, 2);
  g_assert_cmpint (trellis_test_query_int (classroom, "SELECT count(*) FROM test_added"), ==, 0);

  /* The backup is the file as it was before. */
  backup_path = g_strconcat (fixture->path, ".v1-backup", NULL);
  backup = trellis_test_read_bytes (backup_path);
  trellis_test_assert_bytes_equal (before, backup);
  {
    GStatBuf st;
    g_assert_cmpint (g_stat (backup_path, &st), ==, 0);
    g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  }
}

static void
test_migration_failure (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(TrellisClassroom) classroom = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;

  fill_for_migration (fixture);
  before = trellis_test_read_bytes (fixture->path);

  trellis_schema_set_test_migrations (bad_migrations, G_N_ELEMENTS (bad_migrations));
  classroom = trellis_classroom_open (fixture->path, 0, &error);
  g_assert_error (error, TRELLIS_CLASSROOM_ERROR, TRELLIS_CLASSROOM_ERROR_MIGRATION);
  g_assert_null (classroom);

  /* Nothing was half-done: the file is as it was. */
  after = trellis_test_read_bytes (fixture->path);
  trellis_test_assert_bytes_equal (before, after);
}

static void
test_migration_read_only (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(TrellisClassroom) classroom = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;

  fill_for_migration (fixture);
  before = trellis_test_read_bytes (fixture->path);

  trellis_schema_set_test_migrations (good_migrations, G_N_ELEMENTS (good_migrations));
  classroom = trellis_classroom_open (fixture->path, TRELLIS_OPEN_FLAGS_READ_ONLY, &error);
  g_assert_error (error, TRELLIS_CLASSROOM_ERROR, TRELLIS_CLASSROOM_ERROR_READ_ONLY);

  after = trellis_test_read_bytes (fixture->path);
  trellis_test_assert_bytes_equal (before, after);
}

/* --- Learners and their list model --- */

typedef struct
{
  guint position;
  guint removed;
  guint added;
} Change;

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  GArray     *changes)
{
  Change change = { position, removed, added };

  g_array_append_val (changes, change);
}

static void
assert_change (GArray *changes,
               guint   index,
               guint   position,
               guint   removed,
               guint   added)
{
  Change *change;

  g_assert_cmpuint (index, <, changes->len);
  change = &g_array_index (changes, Change, index);
  g_assert_cmpuint (change->position, ==, position);
  g_assert_cmpuint (change->removed, ==, removed);
  g_assert_cmpuint (change->added, ==, added);
}

static const char *
name_at (GListModel *model,
         guint       position)
{
  g_autoptr(TrellisLearner) learner = g_list_model_get_item (model, position);

  return trellis_learner_get_name (learner);
}

static void
test_learners (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(TrellisClassroom) classroom = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) changes = g_array_new (FALSE, FALSE, sizeof (Change));
  GListModel *learners;
  TrellisLearner *mei, *amara, *zoe;

  classroom = trellis_classroom_create (fixture->path, "Room 12", &error);
  g_assert_no_error (error);
  learners = trellis_classroom_get_learners (classroom);
  g_signal_connect (learners, "items-changed", G_CALLBACK (on_items_changed), changes);

  mei = trellis_classroom_add_learner (classroom, "Mei-Ling Chen", &error);
  g_assert_no_error (error);
  zoe = trellis_classroom_add_learner (classroom, "  Zoë Achterberg ", &error);
  g_assert_no_error (error);
  amara = trellis_classroom_add_learner (classroom, "Amara Okonkwo", &error);
  g_assert_no_error (error);

  /* Each addition is one precise insertion at its sorted place. */
  g_assert_cmpuint (changes->len, ==, 3);
  assert_change (changes, 0, 0, 0, 1);
  assert_change (changes, 1, 1, 0, 1);
  assert_change (changes, 2, 0, 0, 1);
  g_assert_cmpstr (trellis_learner_get_name (zoe), ==, "Zoë Achterberg");
  g_assert_cmpstr (name_at (learners, 0), ==, "Amara Okonkwo");
  g_assert_cmpstr (name_at (learners, 1), ==, "Mei-Ling Chen");
  g_assert_cmpstr (name_at (learners, 2), ==, "Zoë Achterberg");

  /* An empty name is refused and nothing changes. */
  g_assert_null (trellis_classroom_add_learner (classroom, "   ", &error));
  g_assert_error (error, TRELLIS_CLASSROOM_ERROR, TRELLIS_CLASSROOM_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpuint (changes->len, ==, 3);

  /* A rename moves the learner: one removal, one insertion. */
  g_assert_true (trellis_classroom_rename_learner (classroom, amara, "Yusuf Amara", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changes->len, ==, 5);
  assert_change (changes, 3, 0, 1, 0);
  assert_change (changes, 4, 1, 0, 1);
  g_assert_cmpstr (name_at (learners, 1), ==, "Yusuf Amara");

  /* Trash and restore. */
  g_assert_true (trellis_classroom_trash_learner (classroom, mei, &error));
  g_assert_no_error (error);
  assert_change (changes, 5, 0, 1, 0);
  g_assert_cmpuint (g_list_model_get_n_items (learners), ==, 2);
  g_assert_cmpint (trellis_classroom_count (classroom, "learners"), ==, 2);
  g_assert_true (trellis_classroom_restore_learner (classroom, mei, &error));
  g_assert_no_error (error);
  assert_change (changes, 6, 0, 0, 1);
  g_assert_cmpint (trellis_classroom_count (classroom, "learners"), ==, 3);

  /* Everything is in the file. */
  g_clear_object (&classroom);
  classroom = trellis_classroom_open (fixture->path, TRELLIS_OPEN_FLAGS_READ_ONLY, &error);
  g_assert_no_error (error);
  learners = trellis_classroom_get_learners (classroom);
  g_assert_cmpuint (g_list_model_get_n_items (learners), ==, 3);
  g_assert_cmpstr (name_at (learners, 0), ==, "Mei-Ling Chen");
  g_assert_cmpstr (name_at (learners, 1), ==, "Yusuf Amara");
  g_assert_cmpstr (name_at (learners, 2), ==, "Zoë Achterberg");

  /* Read-only means read-only. */
  g_assert_null (trellis_classroom_add_learner (classroom, "Another", &error));
  g_assert_error (error, TRELLIS_CLASSROOM_ERROR, TRELLIS_CLASSROOM_ERROR_READ_ONLY);
}

static void
test_purge_cascades (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(TrellisLearner) held = NULL;
  g_autoptr(TrellisClassroom) classroom = NULL;
  g_autoptr(GError) error = NULL;
  TrellisLearner *learner;

  classroom = trellis_classroom_create (fixture->path, "Room 12", &error);
  g_assert_no_error (error);
  learner = trellis_classroom_add_learner (classroom, "Søren Lindqvist", &error);
  trellis_classroom_add_learner (classroom, "Thị Lan Nguyễn", &error);
  g_assert_no_error (error);

  g_assert_true (trellis_classroom_exec (classroom,
    "INSERT INTO skills (code, name) VALUES ('S1', 'Skill');"
    "INSERT INTO playlists (title, uid, created_at) VALUES ('Unit', 'pl-1', 'x');"
    "INSERT INTO nodes (playlist_id, kind, uid, title) VALUES (1, 'activity', 'n-1', 'Read');"
    "INSERT INTO profile_entries (learner_id, kind, text, revisited_on, created_at) VALUES (1, 'need', 'Large print', 'd', 't');"
    "INSERT INTO goals (learner_id, title, created_on, updated_on) VALUES (1, 'Read more', 'd', 'd');"
    "INSERT INTO goal_revisions (goal_id, changed_on, reason) VALUES (1, 'd', 'r');"
    "INSERT INTO conferences (learner_id, held_on, notes) VALUES (1, 'd', 'Talked');"
    "INSERT INTO reflections (learner_id, written_on, text, goal_id) VALUES (1, 'd', 'I liked it', 1);"
    "INSERT INTO evidence (learner_id, skill_id, observed_at, kind, score) VALUES (1, 1, 'd', 'binary', 1);"
    "INSERT INTO evidence (learner_id, skill_id, observed_at, kind, score) VALUES (2, 1, 'd', 'binary', 0);"
    "INSERT INTO progress (learner_id, node_id, status, updated_at) VALUES (1, 1, 'complete', 't');"
    "INSERT INTO mastery_state (learner_id, skill_id, p_known, p_correct, updated_at) VALUES (1, 1, 0.5, 0.5, 't');",
    &error));
  g_assert_no_error (error);

  /* The undo toast holds its own reference to the learner. */
  held = g_object_ref (learner);
  g_assert_true (trellis_classroom_trash_learner (classroom, learner, &error));
  g_assert_no_error (error);
  /* Trashed, not yet gone: hidden from counts. */
  g_assert_cmpint (trellis_classroom_count (classroom, "evidence"), ==, 1);
  g_assert_cmpint (trellis_test_query_int (classroom, "SELECT count(*) FROM profile_entries"), ==, 1);

  g_assert_true (trellis_classroom_purge_trash (classroom, &error));
  g_assert_no_error (error);

  g_assert_cmpint (trellis_test_query_int (classroom, "SELECT count(*) FROM learners"), ==, 1);
  g_assert_cmpint (trellis_test_query_int (classroom, "SELECT count(*) FROM profile_entries"), ==, 0);
  g_assert_cmpint (trellis_test_query_int (classroom, "SELECT count(*) FROM goals"), ==, 0);
  g_assert_cmpint (trellis_test_query_int (classroom, "SELECT count(*) FROM goal_revisions"), ==, 0);
  g_assert_cmpint (trellis_test_query_int (classroom, "SELECT count(*) FROM conferences"), ==, 0);
  g_assert_cmpint (trellis_test_query_int (classroom, "SELECT count(*) FROM reflections"), ==, 0);
  g_assert_cmpint (trellis_test_query_int (classroom, "SELECT count(*) FROM evidence"), ==, 1);
  g_assert_cmpint (trellis_test_query_int (classroom, "SELECT count(*) FROM progress"), ==, 0);
  g_assert_cmpint (trellis_test_query_int (classroom, "SELECT count(*) FROM mastery_state"), ==, 0);

  /* Restoring after the purge is refused, plainly. */
  g_assert_false (trellis_classroom_restore_learner (classroom, learner, &error));
  g_assert_error (error, TRELLIS_CLASSROOM_ERROR, TRELLIS_CLASSROOM_ERROR_NO_SUCH_ITEM);
}

static void
test_trash_purged_on_open (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(TrellisClassroom) classroom = NULL;
  g_autoptr(GError) error = NULL;
  TrellisLearner *learner;

  classroom = trellis_classroom_create (fixture->path, "Room 12", &error);
  learner = trellis_classroom_add_learner (classroom, "Aiyana Redcloud", &error);
  trellis_classroom_add_learner (classroom, "Liam O'Brien", &error);
  g_assert_no_error (error);
  g_assert_true (trellis_classroom_trash_learner (classroom, learner, &error));
  g_assert_no_error (error);
  g_clear_object (&classroom);

  /* The app stopped before the undo toast closed: the deletion stands. */
  classroom = trellis_classroom_open (fixture->path, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (trellis_classroom_get_learners (classroom)), ==, 1);
  g_assert_cmpint (trellis_test_query_int (classroom, "SELECT count(*) FROM learners"), ==, 1);
}

static void
test_find_learner (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(TrellisClassroom) classroom = NULL;
  g_autoptr(GError) error = NULL;
  TrellisLearner *first, *second, *found;

  classroom = trellis_classroom_create (fixture->path, "Room 12", &error);
  first = trellis_classroom_add_learner (classroom, "Alex Kim", &error);
  second = trellis_classroom_add_learner (classroom, "Alex Kim", &error);
  trellis_classroom_add_learner (classroom, "José Álvarez García", &error);
  g_assert_no_error (error);

  /* Two learners share a name: never guess. */
  g_assert_null (trellis_classroom_find_learner (classroom, "Alex Kim", &error));
  g_assert_error (error, TRELLIS_CLASSROOM_ERROR, TRELLIS_CLASSROOM_ERROR_NO_SUCH_ITEM);
  g_clear_error (&error);

  {
    g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, trellis_learner_get_id (second));
    found = trellis_classroom_find_learner (classroom, id, &error);
    g_assert_no_error (error);
    g_assert_true (found == second);
  }
  g_assert_true (found != first);

  found = trellis_classroom_find_learner (classroom, "José Álvarez García", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (trellis_learner_get_name (found), ==, "José Álvarez García");

  g_assert_null (trellis_classroom_find_learner (classroom, "Nobody", &error));
  g_assert_error (error, TRELLIS_CLASSROOM_ERROR, TRELLIS_CLASSROOM_ERROR_NO_SUCH_ITEM);
}

static void
test_schema_constraints (Fixture       *fixture,
                         gconstpointer  data)
{
  static const char * const invalid[] = {
    "UPDATE learners SET self_regulation = 4",
    "INSERT INTO profile_entries (learner_id, kind, text, revisited_on, created_at) VALUES (1, 'hobby', 't', 'd', 't')",
    "INSERT INTO profile_entries (learner_id, kind, text, revisited_on, created_at) VALUES (99, 'need', 't', 'd', 't')",
    "INSERT INTO goals (learner_id, title, status, created_on, updated_on) VALUES (1, 'g', 'forgotten', 'd', 'd')",
    "INSERT INTO nodes (playlist_id, kind, uid, title, choose_min, choose_max) VALUES (1, 'choice', 'c1', 'Pick', 3, 2)",
    "INSERT INTO nodes (playlist_id, kind, uid, title) VALUES (1, 'choice', 'c2', 'Pick')",
    "INSERT INTO nodes (playlist_id, kind, uid, title, social_mode) VALUES (1, 'activity', 'a1', 'A', 'crowd')",
    "INSERT INTO nodes (playlist_id, kind, uid, title) VALUES (1, 'activity', 'n-1', 'Duplicate uid')",
    "INSERT INTO progress (learner_id, node_id, status, updated_at) VALUES (1, 1, 'done', 't')",
    "INSERT INTO evidence (learner_id, skill_id, observed_at, kind, score) VALUES (1, 1, 'd', 'binary', 2)",
    "INSERT INTO evidence (learner_id, observed_at, kind, score) VALUES (1, 'd', 'binary', 1)",
    "INSERT INTO evidence (learner_id, skill_id, observed_at, kind, score) VALUES (1, 1, 'd', 'points', 7)",
    "INSERT INTO skill_prerequisites (skill_id, prerequisite_id) VALUES (1, 1)",
    "INSERT INTO skills (code, name) VALUES ('S1', 'Same code')",
    "INSERT INTO classroom (id, name, created_at) VALUES (2, 'Second', 't')",
  };
  g_autoptr(TrellisClassroom) classroom = NULL;
  g_autoptr(GError) error = NULL;

  classroom = trellis_classroom_create (fixture->path, "Room 12", &error);
  trellis_classroom_add_learner (classroom, "Amara Okonkwo", &error);
  g_assert_no_error (error);
  g_assert_true (trellis_classroom_exec (classroom,
    "INSERT INTO skills (code, name) VALUES ('S1', 'Skill');"
    "INSERT INTO playlists (title, uid, created_at) VALUES ('Unit', 'pl-1', 'x');"
    "INSERT INTO nodes (playlist_id, kind, uid, title) VALUES (1, 'activity', 'n-1', 'Read');"
    "INSERT INTO nodes (playlist_id, kind, uid, title, choose_min, choose_max) VALUES (1, 'choice', 'c0', 'Pick', 1, 2);",
    &error));
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      g_test_message ("%s", invalid[i]);
      g_assert_false (trellis_classroom_exec (classroom, invalid[i], &error));
      g_assert_error (error, TRELLIS_CLASSROOM_ERROR, TRELLIS_CLASSROOM_ERROR_INVALID);
      g_clear_error (&error);
    }
}

static void
test_disk_full (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(TrellisClassroom) classroom = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *learners;
  guint added = 0;

  classroom = trellis_classroom_create (fixture->path, "Room 12", &error);
  g_assert_no_error (error);
  learners = trellis_classroom_get_learners (classroom);

  /* Let the file grow by a few pages only, as a nearly full USB stick would. */
  g_assert_true (trellis_classroom_exec (classroom, "PRAGMA max_page_count = 40", &error));

  for (guint i = 0; i < 2000; i++)
    {
      g_autofree char *name = g_strdup_printf ("Learner %u %s", i, "with a fairly long name to fill pages");

      if (trellis_classroom_add_learner (classroom, name, &error) == NULL)
        break;
      added++;
    }

  g_assert_error (error, TRELLIS_CLASSROOM_ERROR, TRELLIS_CLASSROOM_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "disk is full"));
  g_assert_cmpuint (added, >, 0);
  /* The model holds exactly what the file holds. */
  g_assert_cmpuint (g_list_model_get_n_items (learners), ==, added);
  g_assert_cmpint (trellis_classroom_count (classroom, "learners"), ==, added);
}

static void
test_settings (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(TrellisClassroom) classroom = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *value = NULL;
  g_autofree char *today = NULL;
  g_autofree char *stamp = NULL;

  classroom = trellis_classroom_create (fixture->path, "Room 12", &error);
  g_assert_no_error (error);
  trellis_classroom_set_clock (classroom, trellis_test_clock_iso8601, (gpointer)"2026-09-14T08:30:00Z");

  g_assert_null (trellis_classroom_get_setting (classroom, "rubric.proficient"));
  g_assert_true (trellis_classroom_set_setting (classroom, "rubric.proficient", "3", &error));
  g_assert_true (trellis_classroom_set_setting (classroom, "rubric.proficient", "2", &error));
  g_assert_no_error (error);
  value = trellis_classroom_get_setting (classroom, "rubric.proficient");
  g_assert_cmpstr (value, ==, "2");
  g_assert_true (trellis_classroom_set_setting (classroom, "rubric.proficient", NULL, &error));
  g_assert_null (trellis_classroom_get_setting (classroom, "rubric.proficient"));

  stamp = trellis_classroom_timestamp (classroom);
  g_assert_cmpstr (stamp, ==, "2026-09-14T08:30:00Z");
  today = trellis_classroom_today (classroom);
  g_assert_true (g_str_has_prefix (today, "2026-09-1"));

  g_assert_true (trellis_classroom_set_name (classroom, "Room 14", &error));
  g_clear_object (&classroom);
  classroom = trellis_classroom_open (fixture->path, TRELLIS_OPEN_FLAGS_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (trellis_classroom_get_name (classroom), ==, "Room 14");
}

/*
 * A child process adds learners as fast as it can and reports each id
 * after its transaction committed; it is killed with SIGKILL in the middle.
 * Every reported learner must be in the file, which must open cleanly.
 */
static void
test_killed_writer (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(TrellisClassroom) classroom = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) committed = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *integrity = NULL;
  int fds[2];
  pid_t pid;
  int status;
  FILE *in;

  create_closed (fixture, "Room 12");
  g_assert_cmpint (pipe (fds), ==, 0);

  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      TrellisClassroom *child;
      char line[64];

      close (fds[0]);
      child = trellis_classroom_open (fixture->path, 0, NULL);
      if (child == NULL)
        _exit (3);
      for (guint i = 0; ; i++)
        {
          TrellisLearner *learner;
          int n;

          g_snprintf (line, sizeof line, "Learner %u", i);
          learner = trellis_classroom_add_learner (child, line, NULL);
          if (learner == NULL)
            _exit (4);
          n = g_snprintf (line, sizeof line, "%" G_GINT64_FORMAT "\n", trellis_learner_get_id (learner));
          if (write (fds[1], line, n) != n)
            _exit (5);
        }
    }

  close (fds[1]);
  in = fdopen (fds[0], "r");
  g_assert_nonnull (in);
  while (committed->len < 60)
    {
      char line[64];
      gint64 id;

      g_assert_nonnull (fgets (line, sizeof line, in));
      id = g_ascii_strtoll (line, NULL, 10);
      g_array_append_val (committed, id);
    }
  kill (pid, SIGKILL);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFSIGNALED (status));
  /* Drain what the child reported before it died. */
  {
    char line[64];

    while (fgets (line, sizeof line, in) != NULL)
      {
        gint64 id = g_ascii_strtoll (line, NULL, 10);
        g_array_append_val (committed, id);
      }
  }
  fclose (in);

  classroom = trellis_classroom_open (fixture->path, 0, &error);
  g_assert_no_error (error);
  integrity = trellis_classroom_check_integrity (classroom);
  g_assert_cmpstr (integrity, ==, "ok");

  for (guint i = 0; i < committed->len; i++)
    g_assert_nonnull (trellis_classroom_lookup_learner (classroom, g_array_index (committed, gint64, i)));
  g_assert_cmpuint (g_list_model_get_n_items (trellis_classroom_get_learners (classroom)), >=, committed->len);
}

/*
 * Two processes add learners to the same file at the same time: SQLite's
 * locking serializes them, nothing is lost and the file stays sound.
 */
static void
test_two_writers (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(TrellisClassroom) classroom = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *integrity = NULL;
  pid_t pids[2];

  create_closed (fixture, "Room 12");

  for (guint p = 0; p < G_N_ELEMENTS (pids); p++)
    {
      pids[p] = fork ();
      g_assert_cmpint (pids[p], >=, 0);
      if (pids[p] == 0)
        {
          TrellisClassroom *child = trellis_classroom_open (fixture->path, 0, NULL);

          if (child == NULL)
            _exit (3);
          for (guint i = 0; i < 40; i++)
            {
              char name[64];

              g_snprintf (name, sizeof name, "Writer %u learner %u", p, i);
              if (trellis_classroom_add_learner (child, name, NULL) == NULL)
                _exit (4);
            }
          _exit (0);
        }
    }

  for (guint p = 0; p < G_N_ELEMENTS (pids); p++)
    {
      int status;

      g_assert_cmpint (waitpid (pids[p], &status, 0), ==, pids[p]);
      g_assert_true (WIFEXITED (status));
      g_assert_cmpint (WEXITSTATUS (status), ==, 0);
    }

  classroom = trellis_classroom_open (fixture->path, TRELLIS_OPEN_FLAGS_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_cmpint (trellis_classroom_count (classroom, "learners"), ==, 80);
  integrity = trellis_classroom_check_integrity (classroom);
  g_assert_cmpstr (integrity, ==, "ok");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/classroom/create", test_create);
  ADD ("/classroom/create/refuses-existing", test_create_refuses_existing);
  ADD ("/classroom/create/empty-name", test_create_empty_name);
  ADD ("/classroom/open/missing", test_missing_file);
  for (guint i = 0; i < G_N_ELEMENTS (bad_files); i++)
    {
      g_autofree char *path = g_strdup_printf ("/classroom/open/refuses/%s", bad_files[i].name);
      g_test_add (path, Fixture, &bad_files[i], fixture_set_up, test_bad_file, fixture_tear_down);
    }
  ADD ("/classroom/migration/keeps-rows", test_migration);
  ADD ("/classroom/migration/failure-leaves-file", test_migration_failure);
  ADD ("/classroom/migration/read-only", test_migration_read_only);
  ADD ("/classroom/learners/model", test_learners);
  ADD ("/classroom/learners/purge-cascades", test_purge_cascades);
  ADD ("/classroom/learners/trash-purged-on-open", test_trash_purged_on_open);
  ADD ("/classroom/learners/find", test_find_learner);
  ADD ("/classroom/schema/constraints", test_schema_constraints);
  ADD ("/classroom/disk-full", test_disk_full);
  ADD ("/classroom/settings", test_settings);
  ADD ("/classroom/killed-writer", test_killed_writer);
  ADD ("/classroom/two-writers", test_two_writers);

#undef ADD

  return g_test_run ();
}

/* test-gradebook.c
 *
 * Copyright 2026 The Trellis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Gradebook items: mapping an imported column to a skill moves its
 * evidence with it and updates mastery; unmapping reverts; a re-import
 * keeps the mapping; bad ids change nothing.
 */

#include "config.h"

#include "trellis-gradebook.h"
#include "trellis-import.h"
#include "trellis-test-utils.h"

typedef struct
{
  TrellisTestFixture base;
  gint64             skill_id;
  gint64             item_id;
} Fixture;

static char *
sample_path (void)
{
  const char *shared = g_getenv ("TRELLIS_SHARED_DIR");

  g_assert_nonnull (shared);
  return g_build_filename (shared, "exchange", "samples", "canvas-gradebook.csv", NULL);
}

static void
import_sample (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisImportReport) report = NULL;
  g_autofree char *input = sample_path ();

  report = trellis_import (fixture->base.classroom, input, TRELLIS_IMPORT_FORMAT_CANVAS, NULL,
                           TRELLIS_IMPORT_FLAGS_CREATE_LEARNERS, &error);
  g_assert_no_error (error);
  g_assert_nonnull (report);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = NULL;
  TrellisSkill *skill;

  trellis_test_fixture_set_up (&fixture->base, data);
  fixture->base.classroom = trellis_classroom_create (fixture->base.path, "Social Studies 6", &error);
  g_assert_no_error (error);

  skill = trellis_classroom_add_skill (fixture->base.classroom, "SS6.1", "Map reading", &error);
  g_assert_no_error (error);
  fixture->skill_id = trellis_skill_get_id (skill);

  import_sample (fixture);

  items = trellis_gradebook_list_items (fixture->base.classroom, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (items->len, >, 0);

  /* The first item that has scores. */
  for (guint i = 0; i < items->len; i++)
    {
      TrellisGradebookItem *item = g_ptr_array_index (items, i);

      g_assert_nonnull (item->title);
      g_assert_nonnull (item->lms_id);
      g_assert_cmpstr (item->source, ==, "canvas");
      g_assert_cmpint (item->skill_id, ==, 0);
      g_assert_cmpint (item->node_id, ==, 0);
      if (fixture->item_id == 0 && item->n_scores > 0)
        fixture->item_id = item->id;
    }
  g_assert_cmpint (fixture->item_id, >, 0);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  trellis_test_fixture_tear_down (&fixture->base, data);
}

static gint64
count (Fixture    *fixture,
       const char *format,
       ...) G_GNUC_PRINTF (2, 3);

static gint64
count (Fixture    *fixture,
       const char *format,
       ...)
{
  g_autofree char *sql = NULL;
  va_list args;

  va_start (args, format);
  sql = g_strdup_vprintf (format, args);
  va_end (args);

  return trellis_test_query_int (fixture->base.classroom, sql);
}

static void
test_map_unmap (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = NULL;
  gint64 n_scores = count (fixture, "SELECT count(*) FROM evidence WHERE item_id = %" G_GINT64_FORMAT,
                           fixture->item_id);
  gint64 n_learners = count (fixture, "SELECT count(DISTINCT learner_id) FROM evidence WHERE item_id = %"
                             G_GINT64_FORMAT, fixture->item_id);
  gint64 n_evidence = count (fixture, "SELECT count(*) FROM evidence");
  gint64 start, elapsed;

  g_assert_cmpint (n_scores, >, 0);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM mastery_state"), ==, 0);

  start = g_get_monotonic_time ();
  trellis_gradebook_map_item (fixture->base.classroom, fixture->item_id, fixture->skill_id, 0, &error);
  elapsed = g_get_monotonic_time () - start;
  g_assert_no_error (error);
  g_assert_cmpint (elapsed, <, G_USEC_PER_SEC / 4);

  g_assert_cmpint (count (fixture, "SELECT skill_id FROM gradebook_items WHERE id = %" G_GINT64_FORMAT,
                          fixture->item_id), ==, fixture->skill_id);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM evidence WHERE item_id = %" G_GINT64_FORMAT
                          " AND skill_id = %" G_GINT64_FORMAT, fixture->item_id, fixture->skill_id),
                   ==, n_scores);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM evidence WHERE skill_id IS NOT NULL"), ==, n_scores);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM mastery_state WHERE skill_id = %" G_GINT64_FORMAT,
                          fixture->skill_id), ==, n_learners);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM evidence"), ==, n_evidence);

  items = trellis_gradebook_list_items (fixture->base.classroom, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < items->len; i++)
    {
      TrellisGradebookItem *item = g_ptr_array_index (items, i);

      g_assert_cmpint (item->skill_id, ==, item->id == fixture->item_id ? fixture->skill_id : 0);
    }

  /* Unmapping reverts the evidence and the states. */
  trellis_gradebook_map_item (fixture->base.classroom, fixture->item_id, 0, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM gradebook_items WHERE skill_id IS NOT NULL"), ==, 0);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM evidence WHERE skill_id IS NOT NULL"), ==, 0);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM mastery_state"), ==, 0);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM evidence"), ==, n_evidence);
}

/* The mapping is remembered: a re-import of the same file is mapped too. */
static void
test_reimport (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 n_scores;

  trellis_gradebook_map_item (fixture->base.classroom, fixture->item_id, fixture->skill_id, 0, &error);
  g_assert_no_error (error);
  n_scores = count (fixture, "SELECT count(*) FROM evidence WHERE item_id = %" G_GINT64_FORMAT, fixture->item_id);

  import_sample (fixture);

  g_assert_cmpint (count (fixture, "SELECT skill_id FROM gradebook_items WHERE id = %" G_GINT64_FORMAT,
                          fixture->item_id), ==, fixture->skill_id);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM evidence WHERE item_id = %" G_GINT64_FORMAT,
                          fixture->item_id), ==, n_scores);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM evidence WHERE item_id = %" G_GINT64_FORMAT
                          " AND skill_id = %" G_GINT64_FORMAT, fixture->item_id, fixture->skill_id),
                   ==, n_scores);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM evidence WHERE skill_id IS NOT NULL"), ==, n_scores);
}

/* A column mapped to a playlist node only: its evidence shows on the node, no mastery. */
static void
test_map_node (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  TrellisPlaylist *playlist;
  TrellisNode *node;
  gint64 n_scores = count (fixture, "SELECT count(*) FROM evidence WHERE item_id = %" G_GINT64_FORMAT,
                           fixture->item_id);

  playlist = trellis_classroom_add_playlist (fixture->base.classroom, "Ancient rivers", &error);
  g_assert_no_error (error);
  node = trellis_classroom_add_node (fixture->base.classroom, playlist, NULL, TRELLIS_NODE_KIND_ACTIVITY,
                                     "Map the Nile", -1, &error);
  g_assert_no_error (error);

  trellis_gradebook_map_item (fixture->base.classroom, fixture->item_id, 0, trellis_node_get_id (node), &error);
  g_assert_no_error (error);
  g_assert_cmpint (count (fixture, "SELECT node_id FROM gradebook_items WHERE id = %" G_GINT64_FORMAT,
                          fixture->item_id), ==, trellis_node_get_id (node));
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM evidence WHERE node_id = %" G_GINT64_FORMAT
                          " AND skill_id IS NULL", trellis_node_get_id (node)), ==, n_scores);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM mastery_state"), ==, 0);

  /* Both, then neither. */
  trellis_gradebook_map_item (fixture->base.classroom, fixture->item_id, fixture->skill_id,
                              trellis_node_get_id (node), &error);
  g_assert_no_error (error);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM evidence WHERE node_id IS NOT NULL"
                          " AND skill_id IS NOT NULL"), ==, n_scores);
  trellis_gradebook_map_item (fixture->base.classroom, fixture->item_id, 0, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM evidence WHERE node_id IS NOT NULL"
                          " OR skill_id IS NOT NULL"), ==, 0);
}

typedef struct
{
  const char *name;
  gint64      item_offset;  /* added to the fixture's item id */
  gint64      skill;        /* 1: the fixture's skill, 0: none, other: that id */
  gint64      node;
  int         code;
} BadCase;

static const BadCase bad_cases[] = {
  { "no-item", 100000, 1, 0, TRELLIS_CLASSROOM_ERROR_NO_SUCH_ITEM },
  { "no-skill", 0, 99999, 0, TRELLIS_CLASSROOM_ERROR_NO_SUCH_ITEM },
  { "no-node", 0, 1, 99999, TRELLIS_CLASSROOM_ERROR_NO_SUCH_ITEM },
  { "negative-skill", 0, -5, 0, TRELLIS_CLASSROOM_ERROR_INVALID },
};

static void
test_bad_ids (Fixture       *fixture,
              gconstpointer  data)
{
  const BadCase *c = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  gint64 skill = c->skill == 1 ? fixture->skill_id : c->skill;

  before = trellis_test_read_bytes (fixture->base.path);
  g_assert_false (trellis_gradebook_map_item (fixture->base.classroom, fixture->item_id + c->item_offset,
                                              skill, c->node, &error));
  g_assert_error (error, TRELLIS_CLASSROOM_ERROR, c->code);
  after = trellis_test_read_bytes (fixture->base.path);
  trellis_test_assert_bytes_equal (before, after);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/gradebook/map-unmap", Fixture, NULL, fixture_set_up, test_map_unmap, fixture_tear_down);
  g_test_add ("/gradebook/map-node", Fixture, NULL, fixture_set_up, test_map_node, fixture_tear_down);
  g_test_add ("/gradebook/reimport", Fixture, NULL, fixture_set_up, test_reimport, fixture_tear_down);
  for (guint i = 0; i < G_N_ELEMENTS (bad_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/gradebook/bad-ids/%s", bad_cases[i].name);

      g_test_add (path, Fixture, &bad_cases[i], fixture_set_up, test_bad_ids, fixture_tear_down);
    }

  return g_test_run ();
}

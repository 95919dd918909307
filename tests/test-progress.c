/* test-progress.c
 *
 * Copyright 2026 The Trellis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "trellis-classroom.h"
#include "trellis-mastery.h"
#include "trellis-profile.h"
#include "trellis-progress.h"
#include "trellis-sample.h"
#include "trellis-test-utils.h"

/* Progress, choices, the choice-breadth rule and learners behind milestones. */

/* The fixed clock: the classroom's now. */
#define NOW "2026-11-23T10:00:00Z"

typedef struct
{
  char             *dir;
  char             *path;
  TrellisClassroom *classroom;
  TrellisLearner   *learner;
  TrellisPlaylist  *playlist;
  TrellisNode      *activity;
  TrellisNode      *group;
  TrellisNode      *options[4];
  TrellisNode      *milestone;
  TrellisSkill     *skills[2];
} Fixture;

static void
exec_printf (TrellisClassroom *classroom,
             const char       *format,
             ...) G_GNUC_PRINTF (2, 3);

static void
exec_printf (TrellisClassroom *classroom,
             const char       *format,
             ...)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;
  va_list args;

  va_start (args, format);
  sql = g_strdup_vprintf (format, args);
  va_end (args);

  g_assert_true (trellis_classroom_exec (classroom, sql, &error));
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  static const char * const titles[] = { "Egypt", "Greece", "China", "Rome" };
  g_autoptr(GError) error = NULL;
  TrellisClassroom *classroom;

  fixture->dir = trellis_test_make_tmp_dir ("trellis-progress-XXXXXX");
  fixture->path = g_build_filename (fixture->dir, "class.trellis", NULL);
  classroom = fixture->classroom = trellis_classroom_create (fixture->path, "Room 12", &error);
  g_assert_no_error (error);
  trellis_classroom_set_clock (classroom, trellis_test_clock_iso8601, (gpointer)NOW);

  fixture->learner = trellis_classroom_add_learner (classroom, "Ada Lovelace", &error);
  fixture->playlist = trellis_classroom_add_playlist (classroom, "Civilizations", &error);
  fixture->activity = trellis_classroom_add_node (classroom, fixture->playlist, NULL, TRELLIS_NODE_KIND_ACTIVITY,
                                                  "Map walk", -1, &error);
  fixture->group = trellis_classroom_add_node (classroom, fixture->playlist, NULL, TRELLIS_NODE_KIND_CHOICE,
                                               "Choose a civilization", -1, &error);
  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    fixture->options[i] = trellis_classroom_add_node (classroom, fixture->playlist, fixture->group,
                                                      TRELLIS_NODE_KIND_ACTIVITY, titles[i], -1, &error);
  fixture->milestone = trellis_classroom_add_node (classroom, fixture->playlist, NULL, TRELLIS_NODE_KIND_MILESTONE,
                                                   "Check-in", -1, &error);
  fixture->skills[0] = trellis_classroom_add_skill (classroom, "RH.1", "Cite evidence", &error);
  fixture->skills[1] = trellis_classroom_add_skill (classroom, "RH.7", "Read maps", &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (fixture->skills); i++)
    exec_printf (classroom, "INSERT INTO node_skills VALUES (%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ")",
                 trellis_node_get_id (fixture->activity), trellis_skill_get_id (fixture->skills[i]));
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
test_status_strings (void)
{
  for (guint i = 0; i <= TRELLIS_PROGRESS_NEEDS_REVISION; i++)
    {
      TrellisProgressStatus status;

      g_assert_true (trellis_progress_status_from_string (trellis_progress_status_to_string (i), &status));
      g_assert_cmpint (status, ==, i);
      g_assert_nonnull (trellis_progress_status_get_label (i));
    }
  g_assert_false (trellis_progress_status_from_string ("done", &(TrellisProgressStatus) { 0 }));
}

static void
test_progress (Fixture       *fixture,
               gconstpointer  data)
{
  TrellisClassroom *classroom = fixture->classroom;
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisProgress) progress = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  TrellisProgressUpdate update = { 0 };

  /* Never marked: not started. */
  progress = trellis_progress_get (classroom, fixture->learner, fixture->activity, &error);
  g_assert_no_error (error);
  g_assert_cmpint (progress->status, ==, TRELLIS_PROGRESS_NOT_STARTED);
  g_assert_null (progress->updated_at);
  g_clear_pointer (&progress, trellis_progress_free);

  g_assert_true (trellis_progress_set_status (classroom, fixture->learner, fixture->activity,
                                              TRELLIS_PROGRESS_IN_PROGRESS, &error));
  g_assert_no_error (error);

  /* Format only: the status stays. */
  update.fields = TRELLIS_PROGRESS_FIELD_FORMAT;
  update.format = " annotated map ";
  g_assert_true (trellis_progress_update (classroom, fixture->learner, fixture->activity, &update, NULL, NULL, &error));
  progress = trellis_progress_get (classroom, fixture->learner, fixture->activity, &error);
  g_assert_cmpint (progress->status, ==, TRELLIS_PROGRESS_IN_PROGRESS);
  g_assert_cmpstr (progress->format, ==, "annotated map");
  g_assert_cmpstr (progress->updated_at, ==, "2026-11-23T10:00:00Z");
  g_clear_pointer (&progress, trellis_progress_free);

  /* A milestone check-in with a note; the format stays. */
  update.fields = TRELLIS_PROGRESS_FIELD_STATUS | TRELLIS_PROGRESS_FIELD_CHECKIN;
  update.status = TRELLIS_PROGRESS_COMPLETE;
  update.checkin_on = "2026-11-20";
  update.checkin_note = "Strong question";
  g_assert_true (trellis_progress_update (classroom, fixture->learner, fixture->milestone, &update, NULL, NULL, &error));
  g_assert_no_error (error);
  progress = trellis_progress_get (classroom, fixture->learner, fixture->milestone, &error);
  g_assert_cmpint (progress->status, ==, TRELLIS_PROGRESS_COMPLETE);
  g_assert_cmpstr (progress->checkin_on, ==, "2026-11-20");
  g_assert_cmpstr (progress->checkin_note, ==, "Strong question");
  g_assert_null (progress->format);
  g_clear_pointer (&progress, trellis_progress_free);

  /* Refused: a bad date, a choice group, a bad status. */
  update.checkin_on = "20 Nov";
  g_assert_false (trellis_progress_update (classroom, fixture->learner, fixture->milestone, &update, NULL, NULL, &error));
  g_assert_error (error, TRELLIS_CLASSROOM_ERROR, TRELLIS_CLASSROOM_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (trellis_progress_set_status (classroom, fixture->learner, fixture->group,
                                               TRELLIS_PROGRESS_COMPLETE, &error));
  g_assert_error (error, TRELLIS_CLASSROOM_ERROR, TRELLIS_CLASSROOM_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (trellis_progress_set_status (classroom, fixture->learner, fixture->activity, 17, &error));
  g_assert_error (error, TRELLIS_CLASSROOM_ERROR, TRELLIS_CLASSROOM_ERROR_INVALID);
  g_clear_error (&error);

  rows = trellis_progress_list (classroom, fixture->learner, fixture->playlist, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 2);

  /* Deleting the node deletes its progress. */
  g_assert_true (trellis_classroom_delete_node (classroom, fixture->milestone, &error));
  g_assert_cmpint (trellis_test_query_int (classroom, "SELECT count(*) FROM progress"), ==, 1);
}

static void
test_progress_evidence (Fixture       *fixture,
                        gconstpointer  data)
{
  TrellisClassroom *classroom = fixture->classroom;
  g_autoptr(GError) error = NULL;
  TrellisProgressUpdate update = { TRELLIS_PROGRESS_FIELD_STATUS, TRELLIS_PROGRESS_COMPLETE, NULL, NULL, NULL };
  TrellisProgressEvidence rubric = { TRELLIS_BKT_EVIDENCE_RUBRIC, 3, 4, "Museum label" };
  TrellisProgressEvidence bad = { TRELLIS_BKT_EVIDENCE_POINTS, 12, 10, NULL };
  guint n = 99;

  /* One piece of evidence per skill of the node, tied to it, with mastery updated. */
  g_assert_true (trellis_progress_update (classroom, fixture->learner, fixture->activity, &update, &rubric, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpint (trellis_test_query_int (classroom, "SELECT count(*) FROM evidence WHERE kind = 'rubric' AND score = 3 "
                                                      "AND max_score = 4 AND note = 'Museum label' AND node_id IS NOT NULL"), ==, 2);
  g_assert_cmpint (trellis_test_query_int (classroom, "SELECT count(*) FROM mastery_state"), ==, 2);

  /* Invalid evidence: nothing is written, not even the status. */
  update.status = TRELLIS_PROGRESS_NEEDS_REVISION;
  g_assert_false (trellis_progress_update (classroom, fixture->learner, fixture->activity, &update, &bad, &n, &error));
  g_assert_error (error, TRELLIS_CLASSROOM_ERROR, TRELLIS_CLASSROOM_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpuint (n, ==, 0);
  g_assert_cmpint (trellis_test_query_int (classroom, "SELECT count(*) FROM evidence"), ==, 2);
  g_assert_cmpint (trellis_test_query_int (classroom, "SELECT count(*) FROM progress WHERE status = 'complete'"),
                   ==, 1);

  /* A node that shows no skills cannot take evidence; the mark is not written either. */
  g_assert_false (trellis_progress_update (classroom, fixture->learner, fixture->milestone, &update, &rubric, NULL,
                                           &error));
  g_assert_error (error, TRELLIS_CLASSROOM_ERROR, TRELLIS_CLASSROOM_ERROR_INVALID);
  g_assert_cmpint (trellis_test_query_int (classroom, "SELECT count(*) FROM progress"), ==, 1);
}

static void
test_choose (Fixture       *fixture,
             gconstpointer  data)
{
  TrellisClassroom *classroom = fixture->classroom;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) chosen = NULL;
  TrellisNode *two[] = { fixture->options[2], fixture->options[0] };
  TrellisNode *three[] = { fixture->options[0], fixture->options[1], fixture->options[2] };
  TrellisNode *dup[] = { fixture->options[1], fixture->options[1] };
  TrellisNode *foreign[] = { fixture->activity };

  /* Exactly one by default. */
  g_assert_true (trellis_progress_choose (classroom, fixture->learner, fixture->group, &fixture->options[1], 1, &error));
  g_assert_no_error (error);
  g_assert_false (trellis_progress_choose (classroom, fixture->learner, fixture->group, two, 2, &error));
  g_assert_error (error, TRELLIS_CLASSROOM_ERROR, TRELLIS_CLASSROOM_ERROR_INVALID);
  g_clear_error (&error);

  /* Choose 2 to 3. */
  g_assert_true (trellis_classroom_set_choice_bounds (classroom, fixture->group, 2, 3, &error));
  g_assert_false (trellis_progress_choose (classroom, fixture->learner, fixture->group, &fixture->options[1], 1, &error));
  g_assert_error (error, TRELLIS_CLASSROOM_ERROR, TRELLIS_CLASSROOM_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (trellis_progress_choose (classroom, fixture->learner, fixture->group, fixture->options, 4, &error));
  g_assert_error (error, TRELLIS_CLASSROOM_ERROR, TRELLIS_CLASSROOM_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (trellis_progress_choose (classroom, fixture->learner, fixture->group, dup, 2, &error));
  g_assert_error (error, TRELLIS_CLASSROOM_ERROR, TRELLIS_CLASSROOM_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (trellis_progress_choose (classroom, fixture->learner, fixture->group, foreign, 1, &error));
  g_assert_error (error, TRELLIS_CLASSROOM_ERROR, TRELLIS_CLASSROOM_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (trellis_progress_choose (classroom, fixture->learner, fixture->activity, two, 2, &error));
  g_assert_error (error, TRELLIS_CLASSROOM_ERROR, TRELLIS_CLASSROOM_ERROR_INVALID);
  g_clear_error (&error);

  /* The refusals left the earlier choice alone. */
  chosen = trellis_progress_get_choices (classroom, fixture->learner, fixture->group, &error);
  g_assert_cmpuint (chosen->len, ==, 1);
  g_assert_true (g_ptr_array_index (chosen, 0) == (gpointer)fixture->options[1]);
  g_clear_pointer (&chosen, g_ptr_array_unref);

  g_assert_true (trellis_progress_choose (classroom, fixture->learner, fixture->group, two, 2, &error));
  g_assert_no_error (error);
  chosen = trellis_progress_get_choices (classroom, fixture->learner, fixture->group, &error);
  g_assert_cmpuint (chosen->len, ==, 2);
  g_assert_true (g_ptr_array_index (chosen, 0) == (gpointer)fixture->options[0]);
  g_assert_true (g_ptr_array_index (chosen, 1) == (gpointer)fixture->options[2]);
  g_clear_pointer (&chosen, g_ptr_array_unref);

  g_assert_true (trellis_progress_choose (classroom, fixture->learner, fixture->group, three, 3, &error));
  g_assert_cmpint (trellis_test_query_int (classroom, "SELECT count(*) FROM choices"), ==, 3);

  /* None clears. */
  g_assert_true (trellis_progress_choose (classroom, fixture->learner, fixture->group, NULL, 0, &error));
  g_assert_no_error (error);
  g_assert_cmpint (trellis_test_query_int (classroom, "SELECT count(*) FROM choices"), ==, 0);
}

/* The rule itself, as a table. */
static void
test_breadth_rule (void)
{
  static const struct {
    const char *name;
    guint       level;
    guint       choose_min;
    const char *options;    /* S starter, C challenge, . ordinary */
    const char *offered;    /* x offered */
  } cases[] = {
    { "level 1: the starters", 1, 1, "S.S.", "x.x." },
    { "level 1: at most two starters", 1, 1, "SSS.", "xx.." },
    { "level 1: one starter is one option", 1, 1, ".S..", ".x.." },
    { "level 1: no starters marked", 1, 1, "....", "xx.." },
    { "level 1: a single option", 1, 1, ".", "x" },
    { "level 1: min 3 tops up", 1, 3, "S..C", "xxx." },
    { "level 2: starters, then ordinary", 2, 1, "C..S", ".xxx" },
    { "level 2: challenges last", 2, 1, "CC.S.", "..xxx" },
    { "level 2: fewer than three", 2, 1, "S.", "xx" },
    { "level 2: min 4 tops up, challenge still last", 2, 4, "SC...", "x.xxx" },
    { "level 2: min 5 takes the challenge too", 2, 5, "SC...", "xxxxx" },
    { "level 3: all", 3, 1, "SC..", "xxxx" },
    { "level 3: all of six", 3, 1, "S.C...", "xxxxxx" },
    { "level 0 clamps to 1", 0, 1, "S.S.", "x.x." },
    { "level 9 clamps to 3", 9, 1, "S.S.", "xxxx" },
    { "min beyond the options", 1, 9, "S..", "xxx" },
    { "no options", 2, 1, "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      guint n = strlen (cases[i].options);
      g_autofree TrellisChoiceOption *options = g_new0 (TrellisChoiceOption, MAX (n, 1));
      g_autofree gboolean *offered = g_new0 (gboolean, MAX (n, 1));
      g_autofree char *result = g_malloc0 (n + 1);
      guint count, expected = 0;

      for (guint j = 0; j < n; j++)
        {
          options[j].is_starter = cases[i].options[j] == 'S';
          options[j].is_challenge = cases[i].options[j] == 'C';
          expected += cases[i].offered[j] == 'x';
        }

      count = trellis_choice_breadth (cases[i].level, cases[i].choose_min, options, n, offered);
      for (guint j = 0; j < n; j++)
        result[j] = offered[j] ? 'x' : '.';

      g_test_message ("%s", cases[i].name);
      g_assert_cmpstr (result, ==, cases[i].offered);
      g_assert_cmpuint (count, ==, expected);
    }

  g_assert_cmpuint (trellis_choice_breadth_limit (1), ==, 2);
  g_assert_cmpuint (trellis_choice_breadth_limit (2), ==, 3);
  g_assert_cmpuint (trellis_choice_breadth_limit (3), ==, G_MAXUINT);
}

static void
test_offered_options (Fixture       *fixture,
                      gconstpointer  data)
{
  TrellisClassroom *classroom = fixture->classroom;
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisClassroom) reopened = NULL;
  TrellisLearner *learner;
  TrellisPlaylist *playlist;
  GListModel *top, *options;
  TrellisNode *group;

  /* Greece and Rome are starters, China a challenge. */
  exec_printf (classroom, "UPDATE nodes SET is_starter = 1 WHERE title IN ('Greece', 'Rome')");
  exec_printf (classroom, "UPDATE nodes SET is_challenge = 1 WHERE title = 'China'");
  g_clear_object (&fixture->classroom);
  reopened = trellis_classroom_open (fixture->path, TRELLIS_OPEN_FLAGS_NONE, &error);
  g_assert_no_error (error);
  learner = trellis_classroom_find_learner (reopened, "Ada Lovelace", &error);
  playlist = trellis_classroom_find_playlist (reopened, "Civilizations", &error);
  top = trellis_classroom_get_nodes (reopened, playlist, NULL);
  group = g_list_model_get_item (top, 1);
  g_object_unref (group);
  options = trellis_classroom_get_nodes (reopened, playlist, group);
  g_assert_cmpuint (g_list_model_get_n_items (options), ==, 4);

  for (guint level = 1; level <= 3; level++)
    {
      static const char * const expected[] = { NULL, "Greece Rome", "Egypt Greece Rome", "Egypt Greece China Rome" };
      g_autoptr(GPtrArray) offered = NULL;
      g_autoptr(GString) titles = g_string_new (NULL);

      g_assert_true (trellis_profile_set_self_regulation (reopened, learner, level, &error));
      offered = trellis_progress_offered_options (reopened, learner, group, &error);
      g_assert_no_error (error);
      for (guint i = 0; i < offered->len; i++)
        g_string_append_printf (titles, "%s%s", i > 0 ? " " : "", trellis_node_get_title (g_ptr_array_index (offered, i)));
      g_assert_cmpstr (titles->str, ==, expected[level]);
    }

  fixture->classroom = g_steal_pointer (&reopened);
}

/* The sample's learners behind past-due milestones. */
static void
test_behind (void)
{
  g_autofree char *dir = g_dir_make_tmp ("trellis-progress-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "sample.trellis", NULL);
  g_autoptr(TrellisClassroom) classroom = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) behind = NULL;
  g_autoptr(GPtrArray) civ_behind = NULL;
  TrellisPlaylist *civ;
  TrellisBehind *first;
  gboolean found_jonah = FALSE;

  classroom = trellis_sample_create_full (path, TRELLIS_SAMPLE_DEFAULT_LEARNERS, trellis_test_clock_iso8601, (gpointer)NOW, &error);
  g_assert_no_error (error);

  behind = trellis_progress_list_behind (classroom, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (behind->len, >, 0);
  first = g_ptr_array_index (behind, 0);
  for (guint i = 0; i < behind->len; i++)
    {
      TrellisBehind *b = g_ptr_array_index (behind, i);
      g_autoptr(TrellisProgress) progress = trellis_progress_get (classroom, b->learner, b->milestone, &error);

      g_assert_cmpint (b->days_late, >, 0);
      g_assert_cmpint (b->days_late, <=, first->days_late);
      g_assert_cmpint (trellis_node_get_kind (b->milestone), ==, TRELLIS_NODE_KIND_MILESTONE);
      g_assert_cmpint (progress->status, !=, TRELLIS_PROGRESS_COMPLETE);
      g_assert_cmpint (progress->status, !=, TRELLIS_PROGRESS_SUBMITTED);
      if (g_strcmp0 (trellis_learner_get_name (b->learner), "Jonah Goldberg") == 0)
        found_jonah = TRUE;
    }
  g_assert_true (found_jonah);

  civ = trellis_classroom_find_playlist (classroom, "Ancient civilizations", &error);
  civ_behind = trellis_progress_list_behind (classroom, civ, &error);
  g_assert_cmpuint (civ_behind->len, <=, behind->len);
  for (guint i = 0; i < civ_behind->len; i++)
    g_assert_cmpint (trellis_node_get_playlist_id (((TrellisBehind *)g_ptr_array_index (civ_behind, i))->milestone),
                     ==, trellis_playlist_get_id (civ));

  /* Completing it takes the learner off the list. */
  {
    TrellisBehind *b = g_ptr_array_index (civ_behind, 0);
    g_autoptr(GPtrArray) after = NULL;
    TrellisLearner *learner = b->learner;
    TrellisNode *milestone = b->milestone;

    g_assert_true (trellis_progress_set_status (classroom, learner, milestone, TRELLIS_PROGRESS_SUBMITTED, &error));
    after = trellis_progress_list_behind (classroom, civ, &error);
    g_assert_cmpuint (after->len, ==, civ_behind->len - 1);
    for (guint i = 0; i < after->len; i++)
      {
        TrellisBehind *a = g_ptr_array_index (after, i);
        g_assert_false (a->learner == learner && a->milestone == milestone);
      }
  }

  g_clear_object (&classroom);
  g_unlink (path);
  g_rmdir (dir);
}

/* What TrellisClassroom::data-changed reported, and when. */
typedef struct
{
  TrellisClassroom *classroom;
  guint             n_emissions;
  TrellisDataKinds  kinds;
  gint64            learner_id;
  GArray           *evidence;
  gboolean          in_transaction;
} ChangeLog;

static void
on_data_changed_cb (TrellisClassroom        *classroom,
                    const TrellisDataChange *change,
                    ChangeLog               *log)
{
  log->n_emissions++;
  log->kinds = change->kinds;
  log->learner_id = change->learner_id;
  g_array_set_size (log->evidence, 0);
  g_array_append_vals (log->evidence, change->evidence->data, change->evidence->len);
  /* Emitted after the COMMIT: no transaction is open. */
  log->in_transaction |= !sqlite3_get_autocommit (trellis_classroom_get_db (classroom));
}

static void
change_log_reset (ChangeLog *log)
{
  log->n_emissions = 0;
  log->kinds = 0;
  log->learner_id = -1;
  g_array_set_size (log->evidence, 0);
}

static gboolean
change_log_has_evidence (ChangeLog    *log,
                         gint64        learner_id,
                         TrellisSkill *skill)
{
  for (guint i = 0; i < log->evidence->len; i++)
    {
      TrellisEvidenceKey *key = &g_array_index (log->evidence, TrellisEvidenceKey, i);

      if (key->learner_id == learner_id && key->skill_id == trellis_skill_get_id (skill))
        return TRUE;
    }

  return FALSE;
}

static void
test_data_changed (Fixture       *fixture,
                   gconstpointer  data)
{
  TrellisClassroom *classroom = fixture->classroom;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) evidence = g_array_new (FALSE, FALSE, sizeof (TrellisEvidenceKey));
  ChangeLog log = { classroom, 0, 0, -1, evidence, FALSE };
  gint64 learner_id = trellis_learner_get_id (fixture->learner);
  TrellisProgressUpdate update = { TRELLIS_PROGRESS_FIELD_STATUS, TRELLIS_PROGRESS_COMPLETE, NULL, NULL, NULL };
  TrellisProgressEvidence rubric = { TRELLIS_BKT_EVIDENCE_RUBRIC, 3, 4, NULL };
  TrellisProgressEvidence bad = { TRELLIS_BKT_EVIDENCE_POINTS, 12, 10, NULL };
  TrellisNode *two[] = { fixture->options[0], fixture->options[1] };
  TrellisLearner *other;

  g_signal_connect (classroom, "data-changed", G_CALLBACK (on_data_changed_cb), &log);

  /* A status: once, progress, this learner, no evidence. */
  g_assert_true (trellis_progress_set_status (classroom, fixture->learner, fixture->milestone,
                                              TRELLIS_PROGRESS_IN_PROGRESS, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (log.n_emissions, ==, 1);
  g_assert_cmpint (log.kinds, ==, TRELLIS_DATA_PROGRESS);
  g_assert_cmpint (log.learner_id, ==, learner_id);
  g_assert_cmpuint (log.evidence->len, ==, 0);

  /* A mark with evidence on two skills: still one emission, naming both. */
  change_log_reset (&log);
  g_assert_true (trellis_progress_update (classroom, fixture->learner, fixture->activity, &update, &rubric, NULL,
                                          &error));
  g_assert_no_error (error);
  g_assert_cmpuint (log.n_emissions, ==, 1);
  g_assert_cmpint (log.kinds, ==, TRELLIS_DATA_PROGRESS | TRELLIS_DATA_EVIDENCE);
  g_assert_cmpint (log.learner_id, ==, learner_id);
  g_assert_cmpuint (log.evidence->len, ==, 2);
  g_assert_true (change_log_has_evidence (&log, learner_id, fixture->skills[0]));
  g_assert_true (change_log_has_evidence (&log, learner_id, fixture->skills[1]));

  /* A failed write (rolled back inside the transaction): nothing, and
   * nothing left over for the next write either. */
  change_log_reset (&log);
  update.status = TRELLIS_PROGRESS_NEEDS_REVISION;
  g_assert_false (trellis_progress_update (classroom, fixture->learner, fixture->activity, &update, &bad, NULL,
                                           &error));
  g_assert_error (error, TRELLIS_CLASSROOM_ERROR, TRELLIS_CLASSROOM_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (trellis_progress_update (classroom, fixture->learner, fixture->milestone, &update, &rubric, NULL,
                                           &error));
  g_assert_error (error, TRELLIS_CLASSROOM_ERROR, TRELLIS_CLASSROOM_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpuint (log.n_emissions, ==, 0);

  /* A refused choice: nothing; a choice: once, choices. */
  g_assert_false (trellis_progress_choose (classroom, fixture->learner, fixture->group, fixture->options, 4, &error));
  g_clear_error (&error);
  g_assert_cmpuint (log.n_emissions, ==, 0);
  g_assert_true (trellis_progress_choose (classroom, fixture->learner, fixture->group, two, 1, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (log.n_emissions, ==, 1);
  g_assert_cmpint (log.kinds, ==, TRELLIS_DATA_CHOICES);
  g_assert_cmpint (log.learner_id, ==, learner_id);

  /* Evidence recorded directly: once, for that learner and skill. */
  other = trellis_classroom_add_learner (classroom, "Grace Hopper", &error);
  g_assert_no_error (error);
  change_log_reset (&log);
  g_assert_cmpint (trellis_mastery_add_evidence (classroom, trellis_learner_get_id (other),
                                                 trellis_skill_get_id (fixture->skills[1]),
                                                 TRELLIS_BKT_EVIDENCE_BINARY, 1, 1, NULL, &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpuint (log.n_emissions, ==, 1);
  g_assert_cmpint (log.kinds, ==, TRELLIS_DATA_EVIDENCE);
  g_assert_cmpint (log.learner_id, ==, trellis_learner_get_id (other));
  g_assert_cmpuint (log.evidence->len, ==, 1);
  g_assert_true (change_log_has_evidence (&log, trellis_learner_get_id (other), fixture->skills[1]));

  /* Invalid evidence: nothing. */
  change_log_reset (&log);
  g_assert_cmpint (trellis_mastery_add_evidence (classroom, learner_id, trellis_skill_get_id (fixture->skills[0]),
                                                 TRELLIS_BKT_EVIDENCE_POINTS, 12, 10, NULL, &error), ==, 0);
  g_assert_error (error, TRELLIS_CLASSROOM_ERROR, TRELLIS_CLASSROOM_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpuint (log.n_emissions, ==, 0);

  /* Other edits are not data changes. */
  g_assert_true (trellis_classroom_rename_learner (classroom, other, "Grace B. Hopper", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (log.n_emissions, ==, 0);

  g_assert_false (log.in_transaction);
  g_signal_handlers_disconnect_by_func (classroom, on_data_changed_cb, &log);
}

/* Undo puts back exactly what was there: no row for a node never marked. */
static void
test_restore (Fixture       *fixture,
              gconstpointer  data)
{
  TrellisClassroom *classroom = fixture->classroom;
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisProgress) never = NULL;
  g_autoptr(TrellisProgress) marked = NULL;
  g_autoptr(TrellisProgress) progress = NULL;
  g_autoptr(TrellisNode) gone = NULL;
  g_autoptr(GArray) evidence = g_array_new (FALSE, FALSE, sizeof (TrellisEvidenceKey));
  ChangeLog log = { classroom, 0, 0, -1, evidence, FALSE };
  TrellisProgressUpdate update = { TRELLIS_PROGRESS_FIELD_STATUS | TRELLIS_PROGRESS_FIELD_FORMAT |
                                   TRELLIS_PROGRESS_FIELD_CHECKIN,
                                   TRELLIS_PROGRESS_SUBMITTED, "poster", "2026-11-20", "Good start" };

  /* A first mark, undone: the row goes, the node is untouched again. */
  never = trellis_progress_get (classroom, fixture->learner, fixture->activity, &error);
  g_assert_no_error (error);
  g_assert_true (trellis_progress_set_status (classroom, fixture->learner, fixture->activity,
                                              TRELLIS_PROGRESS_COMPLETE, &error));
  g_assert_no_error (error);
  g_assert_cmpint (trellis_test_query_int (classroom, "SELECT count(*) FROM progress"), ==, 1);

  g_signal_connect (classroom, "data-changed", G_CALLBACK (on_data_changed_cb), &log);
  g_assert_true (trellis_progress_restore (classroom, fixture->learner, fixture->activity, never, &error));
  g_assert_no_error (error);
  g_assert_cmpint (trellis_test_query_int (classroom, "SELECT count(*) FROM progress"), ==, 0);
  g_assert_cmpuint (log.n_emissions, ==, 1);
  g_assert_cmpint (log.kinds, ==, TRELLIS_DATA_PROGRESS);
  g_assert_cmpint (log.learner_id, ==, trellis_learner_get_id (fixture->learner));
  g_signal_handlers_disconnect_by_func (classroom, on_data_changed_cb, &log);

  /* A mark over an earlier one, undone: every field and the time as they were. */
  trellis_classroom_set_clock (classroom, trellis_test_clock_iso8601, (gpointer)"2026-11-20T09:00:00Z");
  g_assert_true (trellis_progress_update (classroom, fixture->learner, fixture->milestone, &update, NULL, NULL,
                                          &error));
  g_assert_no_error (error);
  marked = trellis_progress_get (classroom, fixture->learner, fixture->milestone, &error);
  trellis_classroom_set_clock (classroom, trellis_test_clock_iso8601, (gpointer)NOW);
  update.status = TRELLIS_PROGRESS_NEEDS_REVISION;
  update.format = NULL;
  update.checkin_on = NULL;
  update.checkin_note = NULL;
  g_assert_true (trellis_progress_update (classroom, fixture->learner, fixture->milestone, &update, NULL, NULL,
                                          &error));
  g_assert_no_error (error);

  g_assert_true (trellis_progress_restore (classroom, fixture->learner, fixture->milestone, marked, &error));
  g_assert_no_error (error);
  progress = trellis_progress_get (classroom, fixture->learner, fixture->milestone, &error);
  g_assert_cmpint (progress->status, ==, TRELLIS_PROGRESS_SUBMITTED);
  g_assert_cmpstr (progress->format, ==, "poster");
  g_assert_cmpstr (progress->checkin_on, ==, "2026-11-20");
  g_assert_cmpstr (progress->checkin_note, ==, "Good start");
  g_assert_cmpstr (progress->updated_at, ==, "2026-11-20T09:00:00Z");
  g_assert_cmpint (trellis_test_query_int (classroom, "SELECT count(*) FROM progress"), ==, 1);

  /* A node gone: refused, nothing written. */
  gone = g_object_ref (fixture->activity);
  g_assert_true (trellis_classroom_delete_node (classroom, gone, &error));
  g_assert_no_error (error);
  g_assert_false (trellis_progress_restore (classroom, fixture->learner, gone, never, &error));
  g_assert_error (error, TRELLIS_CLASSROOM_ERROR, TRELLIS_CLASSROOM_ERROR_NO_SUCH_ITEM);
  g_assert_cmpint (trellis_test_query_int (classroom, "SELECT count(*) FROM progress"), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  g_test_add_func ("/progress/status-strings", test_status_strings);
  ADD ("/progress/update", test_progress);
  ADD ("/progress/evidence", test_progress_evidence);
  ADD ("/progress/choose", test_choose);
  ADD ("/progress/data-changed", test_data_changed);
  ADD ("/progress/restore", test_restore);
  g_test_add_func ("/progress/breadth-rule", test_breadth_rule);
  ADD ("/progress/offered-options", test_offered_options);
  g_test_add_func ("/progress/behind", test_behind);

#undef ADD

  return g_test_run ();
}

/* test-recommender.c
 *
 * Copyright 2026 The Trellis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "trellis-classroom.h"
#include "trellis-mastery.h"
#include "trellis-recommender.h"
#include "trellis-sample.h"
#include "trellis-test-utils.h"

/*
 * Each rule on a small hand-built classroom (rows inserted with SQL, the
 * clock fixed): one where the suggestion must appear, one where it must
 * not.  Today is 2026-03-10 throughout; learners joined on 2026-01-05.
 */

#define TODAY "2026-03-10"

typedef struct
{
  char             *dir;
  char             *path;
  GDateTime        *now;
  TrellisClassroom *classroom;
} Fixture;

static GDateTime *
fixture_clock (gpointer user_data)
{
  Fixture *fixture = user_data;

  return g_date_time_ref (fixture->now);
}

static void
set_today (Fixture *fixture,
           int      year,
           int      month,
           int      day)
{
  g_date_time_unref (fixture->now);
  fixture->now = g_date_time_new_utc (year, month, day, 12, 0, 0);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = trellis_test_make_tmp_dir ("trellis-test-recommender-XXXXXX");
  fixture->path = g_build_filename (fixture->dir, "class.trellis", NULL);
  fixture->now = g_date_time_new_utc (2026, 3, 10, 12, 0, 0);
  fixture->classroom = trellis_classroom_create (fixture->path, "Room 12", &error);
  g_assert_no_error (error);
  trellis_classroom_set_clock (fixture->classroom, fixture_clock, fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_clear_object (&fixture->classroom);
  trellis_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
  g_date_time_unref (fixture->now);
}

static void
reopen (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;

  g_clear_object (&fixture->classroom);
  fixture->classroom = trellis_classroom_open (fixture->path, TRELLIS_OPEN_FLAGS_NONE, &error);
  g_assert_no_error (error);
  trellis_classroom_set_clock (fixture->classroom, fixture_clock, fixture);
}

static void
sql (Fixture    *fixture,
     const char *format,
     ...) G_GNUC_PRINTF (2, 3);

static void
sql (Fixture    *fixture,
     const char *format,
     ...)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  va_list args;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);

  trellis_classroom_exec (fixture->classroom, text, &error);
  g_assert_no_error (error);
}

static gint64
last_id (Fixture *fixture)
{
  return sqlite3_last_insert_rowid (trellis_classroom_get_db (fixture->classroom));
}

static gint64
add_learner (Fixture    *fixture,
             const char *name)
{
  sql (fixture, "INSERT INTO learners (name, created_at) VALUES ('%s', '2026-01-05T08:00:00Z')", name);
  return last_id (fixture);
}

static gint64
add_skill (Fixture    *fixture,
           const char *code,
           const char *name)
{
  sql (fixture, "INSERT INTO skills (code, name) VALUES ('%s', '%s')", code, name);
  return last_id (fixture);
}

static gint64
add_playlist (Fixture    *fixture,
              const char *title)
{
  static int n;

  sql (fixture, "INSERT INTO playlists (title, uid, created_at) VALUES ('%s', 'pl-%d', '2026-01-05T08:00:00Z')",
       title, ++n);
  return last_id (fixture);
}

/* An activity or milestone; @target may be NULL. */
static gint64
add_node (Fixture    *fixture,
          gint64      playlist,
          const char *kind,
          const char *title,
          int         minutes,
          const char *social_mode,
          const char *date,
          gboolean    challenge,
          gint64      skill)
{
  static int n;
  g_autofree char *date_sql = date != NULL ? g_strdup_printf ("'%s'", date) : g_strdup ("NULL");

  n++;
  sql (fixture,
       "INSERT INTO nodes (playlist_id, kind, uid, title, estimated_minutes, social_mode, position, "
       "  suggested_date, target_date, is_challenge) "
       "VALUES (%" G_GINT64_FORMAT ", '%s', 'n-%d', '%s', %d, '%s', %d, %s, %s, %d)",
       playlist, kind, n, title, minutes, social_mode, n,
       g_str_equal (kind, "activity") ? date_sql : "NULL",
       g_str_equal (kind, "milestone") ? date_sql : "NULL",
       challenge);
  {
    gint64 id = last_id (fixture);

    if (skill > 0)
      sql (fixture, "INSERT INTO node_skills (node_id, skill_id) VALUES (%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ")",
           id, skill);
    return id;
  }
}

static void
set_state (Fixture *fixture,
           gint64   learner,
           gint64   skill,
           double   p_known,
           double   p_correct,
           int      n)
{
  sql (fixture,
       "INSERT OR REPLACE INTO mastery_state (learner_id, skill_id, p_known, p_correct, n_evidence, updated_at) "
       "VALUES (%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", %.3f, %.3f, %d, '2026-03-09T10:00:00Z')",
       learner, skill, p_known, p_correct, n);
}

static void
add_progress (Fixture    *fixture,
              gint64      learner,
              gint64      node,
              const char *status,
              const char *checkin_on)
{
  g_autofree char *checkin = checkin_on != NULL ? g_strdup_printf ("'%s'", checkin_on) : g_strdup ("NULL");

  sql (fixture,
       "INSERT OR REPLACE INTO progress (learner_id, node_id, status, checkin_on, updated_at) "
       "VALUES (%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", '%s', %s, '2026-03-09T10:00:00Z')",
       learner, node, status, checkin);
}

static GPtrArray *
compute (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *suggestions = trellis_recommender_compute (fixture->classroom, &error);

  g_assert_no_error (error);
  g_assert_nonnull (suggestions);
  return suggestions;
}

/* The suggestion of @kind whose key contains @key_part (or any of the kind). */
static TrellisSuggestion *
find (GPtrArray             *suggestions,
      TrellisSuggestionKind  kind,
      const char            *key_part)
{
  for (guint i = 0; i < suggestions->len; i++)
    {
      TrellisSuggestion *s = g_ptr_array_index (suggestions, i);

      if (s->kind == kind && (key_part == NULL || strstr (s->key, key_part) != NULL))
        return s;
    }
  return NULL;
}

static guint
count_kind (GPtrArray             *suggestions,
            TrellisSuggestionKind  kind)
{
  guint n = 0;

  for (guint i = 0; i < suggestions->len; i++)
    if (((TrellisSuggestion *)g_ptr_array_index (suggestions, i))->kind == kind)
      n++;
  return n;
}

static gboolean
has_learner (TrellisSuggestion *s,
             gint64             id)
{
  for (guint i = 0; i < s->learners->len; i++)
    if (g_array_index (s->learners, TrellisSuggestionLearner, i).id == id)
      return TRUE;
  return FALSE;
}

static char *
key_for (const char *prefix,
         gint64      id)
{
  return g_strdup_printf ("%s=%" G_GINT64_FORMAT, prefix, id);
}

static void
assert_valid (GPtrArray *suggestions)
{
  for (guint i = 0; i < suggestions->len; i++)
    {
      TrellisSuggestion *s = g_ptr_array_index (suggestions, i);

      g_assert_nonnull (s->key);
      g_assert_nonnull (s->reason);
      g_assert_nonnull (s->evidence);
      g_assert_cmpuint (strlen (s->evidence_hash), ==, 16);
      g_assert_cmpfloat (s->confidence, >=, 0.0);
      g_assert_cmpfloat (s->confidence, <=, 1.0);
      if (i > 0)
        {
          TrellisSuggestion *prev = g_ptr_array_index (suggestions, i - 1);

          g_assert_cmpint (prev->kind, <=, s->kind);
          if (prev->kind == s->kind)
            g_assert_cmpfloat (prev->urgency, >=, s->urgency);
        }
    }
}

/* ------------------------------------------------------------------ */

static void
test_needs_help (Fixture       *fixture,
                 gconstpointer  user_data)
{
  g_autoptr(GPtrArray) suggestions = NULL;
  g_autofree char *ann_key = NULL;
  g_autofree char *ben_key = NULL;
  g_autofree char *cal_key = NULL;
  gint64 playlist = add_playlist (fixture, "Ratios");
  gint64 skill = add_skill (fixture, "RP.A.1", "Understand ratios");
  gint64 other = add_skill (fixture, "NS.1", "Divide fractions");  /* not in play */
  gint64 ann = add_learner (fixture, "Ann Example");
  gint64 ben = add_learner (fixture, "Ben Example");
  gint64 cal = add_learner (fixture, "Cal Example");
  gint64 dee = add_learner (fixture, "Dee Example");
  gint64 n1, n2;
  TrellisSuggestion *s;

  add_node (fixture, playlist, "activity", "Ratio tables", 30, "solo", NULL, FALSE, skill);
  n1 = add_node (fixture, playlist, "activity", "Recipe ratios", 30, "solo", NULL, FALSE, 0);
  n2 = add_node (fixture, playlist, "activity", "Map scales", 30, "solo", NULL, FALSE, 0);
  set_state (fixture, ann, skill, 0.2, 0.25, 5);   /* low after several attempts */
  set_state (fixture, ben, skill, 0.2, 0.25, 2);   /* too few attempts */
  set_state (fixture, cal, skill, 0.6, 0.65, 6);   /* doing fine */
  set_state (fixture, cal, other, 0.1, 0.15, 6);   /* low, but not in play */
  add_progress (fixture, dee, n1, "needs_revision", NULL);
  add_progress (fixture, dee, n2, "needs_revision", NULL);
  add_progress (fixture, ben, n1, "needs_revision", NULL);  /* only once */

  suggestions = compute (fixture);
  assert_valid (suggestions);
  ann_key = key_for ("needs_help:learner", ann);
  ben_key = key_for ("needs_help:learner", ben);
  cal_key = key_for ("needs_help:learner", cal);

  s = find (suggestions, TRELLIS_SUGGESTION_NEEDS_HELP, ann_key);
  g_assert_nonnull (s);
  g_assert_cmpint (s->skill_id, ==, skill);
  g_assert_true (has_learner (s, ann));
  g_assert_cmpstr (s->reason, ==,
                   "Ann Example has a 25% predicted chance of success on “Understand ratios” after 5 attempts.");
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (
                     json_object_get_array_member (s->evidence, "skills"), 0), "n_evidence"), ==, 5);
  g_assert_null (find (suggestions, TRELLIS_SUGGESTION_NEEDS_HELP, ben_key));
  g_assert_null (find (suggestions, TRELLIS_SUGGESTION_NEEDS_HELP, cal_key));

  /* Repeated "needs revision". */
  s = find (suggestions, TRELLIS_SUGGESTION_NEEDS_HELP, "revision");
  g_assert_nonnull (s);
  g_assert_true (has_learner (s, dee));
  g_assert_nonnull (strstr (s->reason, "Dee Example has 2 pieces of work sent back for revision"));
  g_assert_cmpuint (count_kind (suggestions, TRELLIS_SUGGESTION_NEEDS_HELP), ==, 2);
}

static void
test_small_group (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_autoptr(GPtrArray) suggestions = NULL;
  gint64 playlist = add_playlist (fixture, "Ratios");
  gint64 skill = add_skill (fixture, "RP.A.1", "Understand ratios");
  gint64 pre = add_skill (fixture, "NS.1", "Divide fractions");
  gint64 learners[8];
  const char *names[8] = { "Ann", "Ben", "Cal", "Dee", "Eve", "Fay", "Gus", "Hal" };
  TrellisSuggestion *s;
  JsonObject *evidence;

  add_node (fixture, playlist, "activity", "Ratio tables", 30, "solo", NULL, FALSE, skill);
  for (guint i = 0; i < 8; i++)
    {
      learners[i] = add_learner (fixture, names[i]);
      set_state (fixture, learners[i], skill, i < 2 ? 0.3 + 0.05 * i : 0.8, 0.6, 4);
    }

  /* Two below: no group. */
  suggestions = compute (fixture);
  g_assert_null (find (suggestions, TRELLIS_SUGGESTION_SMALL_GROUP, NULL));
  g_clear_pointer (&suggestions, g_ptr_array_unref);

  /* Three below. */
  set_state (fixture, learners[2], skill, 0.45, 0.6, 3);
  suggestions = compute (fixture);
  assert_valid (suggestions);
  s = find (suggestions, TRELLIS_SUGGESTION_SMALL_GROUP, NULL);
  g_assert_nonnull (s);
  g_assert_cmpuint (s->learners->len, ==, 3);
  g_assert_cmpint (g_array_index (s->learners, TrellisSuggestionLearner, 0).id, ==, learners[0]);
  g_assert_cmpstr (s->reason, ==,
                   "3 of 8 learners are below 50% on “Understand ratios” (Ann, Ben, Cal): "
                   "pull them for a 15-minute small group.");
  g_assert_true (json_object_get_null_member (s->evidence, "gap_in_prerequisite"));
  g_clear_pointer (&suggestions, g_ptr_array_unref);

  /* The gap is in the prerequisite for two of the three. */
  sql (fixture, "INSERT INTO skill_prerequisites VALUES (%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ")", skill, pre);
  set_state (fixture, learners[0], pre, 0.2, 0.3, 3);
  set_state (fixture, learners[1], pre, 0.3, 0.3, 3);
  set_state (fixture, learners[2], pre, 0.9, 0.9, 3);
  suggestions = compute (fixture);
  s = find (suggestions, TRELLIS_SUGGESTION_SMALL_GROUP, NULL);
  g_assert_nonnull (s);
  g_assert_nonnull (strstr (s->reason, "prerequisite “Divide fractions”"));
  evidence = s->evidence;
  g_assert_cmpstr (json_object_get_string_member (evidence, "gap_in_prerequisite"), ==, "NS.1");
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (
                     json_object_get_array_member (evidence, "prerequisites"), 0), "below"), ==, 2);
}

static void
test_behind_milestone (Fixture       *fixture,
                       gconstpointer  user_data)
{
  g_autoptr(GPtrArray) suggestions = NULL;
  g_autofree char *key = NULL;
  gint64 playlist = add_playlist (fixture, "Museum unit");
  gint64 ann = add_learner (fixture, "Ann");
  gint64 ben = add_learner (fixture, "Ben");
  gint64 cal = add_learner (fixture, "Cal");
  gint64 dee = add_learner (fixture, "Dee");
  gint64 intro, checkin, research, museum;
  TrellisSuggestion *s;

  /* 225 class minutes a week: 5 days left are about 160 minutes; behind is over twice that. */
  intro = add_node (fixture, playlist, "activity", "Intro", 20, "solo", NULL, FALSE, 0);
  checkin = add_node (fixture, playlist, "milestone", "Week 1 check-in", 10, "solo", "2026-03-07", FALSE, 0);
  research = add_node (fixture, playlist, "activity", "Research", 400, "solo", NULL, FALSE, 0);
  museum = add_node (fixture, playlist, "milestone", "Museum", 10, "solo", "2026-03-15", FALSE, 0);

  /* Ann: checked in, but the research is not started: behind pace. */
  add_progress (fixture, ann, intro, "complete", NULL);
  add_progress (fixture, ann, checkin, "complete", "2026-03-07");
  /* Ben: checked in and research done: on track. */
  add_progress (fixture, ben, intro, "complete", NULL);
  add_progress (fixture, ben, checkin, "complete", "2026-03-06");
  add_progress (fixture, ben, research, "complete", NULL);
  /* Cal: past the check-in without one. */
  add_progress (fixture, cal, intro, "in_progress", NULL);
  /* Dee: checked in, research submitted. */
  add_progress (fixture, dee, checkin, "in_progress", "2026-03-07");
  add_progress (fixture, dee, intro, "complete", NULL);
  add_progress (fixture, dee, research, "submitted", NULL);

  suggestions = compute (fixture);
  assert_valid (suggestions);

  key = key_for ("behind_milestone:learner", ann);
  s = find (suggestions, TRELLIS_SUGGESTION_BEHIND_MILESTONE, key);
  g_assert_nonnull (s);
  g_assert_cmpint (s->node_id, ==, museum);
  g_assert_cmpstr (s->reason, ==,
                   "Ann has about 410 minutes of work left before “Museum” on 2026-03-15, "
                   "but only about 160 class minutes remain in 5 days.");
  g_assert_cmpint (json_object_get_int_member (s->evidence, "remaining_minutes"), ==, 410);
  g_clear_pointer (&key, g_free);

  key = key_for ("behind_milestone:learner", cal);
  s = find (suggestions, TRELLIS_SUGGESTION_BEHIND_MILESTONE, key);
  g_assert_nonnull (s);
  g_assert_cmpint (s->node_id, ==, checkin);
  g_assert_cmpstr (s->reason, ==, "Cal has not had a check-in for “Week 1 check-in”, due on 2026-03-07 (3 days ago).");
  g_assert_cmpfloat (s->confidence, ==, 1.0);
  /* Past due comes before behind pace. */
  g_assert_true (find (suggestions, TRELLIS_SUGGESTION_BEHIND_MILESTONE, NULL) == s);
  g_clear_pointer (&key, g_free);

  key = key_for ("behind_milestone:learner", ben);
  g_assert_null (find (suggestions, TRELLIS_SUGGESTION_BEHIND_MILESTONE, key));
  g_clear_pointer (&key, g_free);
  key = key_for ("behind_milestone:learner", dee);
  g_assert_null (find (suggestions, TRELLIS_SUGGESTION_BEHIND_MILESTONE, key));
  g_assert_cmpuint (count_kind (suggestions, TRELLIS_SUGGESTION_BEHIND_MILESTONE), ==, 2);
}

static void
test_ready_for_more (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autoptr(GPtrArray) suggestions = NULL;
  g_autofree char *ann_key = NULL;
  g_autofree char *ben_key = NULL;
  gint64 playlist = add_playlist (fixture, "Ecosystems");
  gint64 skills[3];
  gint64 ann = add_learner (fixture, "Ann");
  gint64 ben = add_learner (fixture, "Ben");
  gint64 challenge;
  TrellisSuggestion *s;

  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *code = g_strdup_printf ("LS.%u", i + 1);

      skills[i] = add_skill (fixture, code, code);
      add_node (fixture, playlist, "activity", code, 30, "solo", NULL, FALSE, skills[i]);
      set_state (fixture, ann, skills[i], 0.96, 0.9, 4);
      set_state (fixture, ben, skills[i], i == 2 ? 0.8 : 0.99, 0.9, 4);
    }
  challenge = add_node (fixture, playlist, "activity", "Design a disruption study", 150, "solo", NULL, TRUE, 0);

  suggestions = compute (fixture);
  assert_valid (suggestions);
  ann_key = key_for ("ready_for_more:learner", ann);
  ben_key = key_for ("ready_for_more:learner", ben);
  s = find (suggestions, TRELLIS_SUGGESTION_READY_FOR_MORE, ann_key);
  g_assert_nonnull (s);
  g_assert_cmpint (s->node_id, ==, challenge);
  g_assert_cmpstr (s->reason, ==,
                   "Ann averages 96% mastery on 3 skills of “Ecosystems”: "
                   "offer the challenge option “Design a disruption study”.");
  g_assert_null (find (suggestions, TRELLIS_SUGGESTION_READY_FOR_MORE, ben_key));
}

static void
test_peer_pair (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GPtrArray) suggestions = NULL;
  gint64 playlist = add_playlist (fixture, "Sources");
  gint64 skill = add_skill (fixture, "RH.1", "Cite textual evidence");
  gint64 strong = add_learner (fixture, "Sam Strong");
  gint64 low = add_learner (fixture, "Lou Low");
  gint64 lower = add_learner (fixture, "Lee Lower");
  gint64 middle = add_learner (fixture, "Mia Middle");
  gint64 node, group;
  TrellisSuggestion *s;

  node = add_node (fixture, playlist, "activity", "Reading sources together", 50, "pair", "2026-03-12", FALSE, skill);
  set_state (fixture, strong, skill, 0.92, 0.9, 5);
  set_state (fixture, low, skill, 0.35, 0.4, 4);
  set_state (fixture, lower, skill, 0.25, 0.3, 4);
  set_state (fixture, middle, skill, 0.7, 0.7, 4);

  /* One strong learner: the lowest gets them; the other low one gets no low partner. */
  suggestions = compute (fixture);
  assert_valid (suggestions);
  g_assert_cmpuint (count_kind (suggestions, TRELLIS_SUGGESTION_PEER_PAIR), ==, 1);
  s = find (suggestions, TRELLIS_SUGGESTION_PEER_PAIR, NULL);
  g_assert_cmpint (s->node_id, ==, node);
  g_assert_true (has_learner (s, lower) && has_learner (s, strong));
  g_assert_cmpstr (s->reason, ==,
                   "Pair Lee Lower, still learning “Cite textual evidence” (25%), with Sam Strong (92%) "
                   "for “Reading sources together”.");
  g_clear_pointer (&suggestions, g_ptr_array_unref);

  /* They were a pair before: the next still-learning learner gets Sam instead. */
  sql (fixture, "INSERT INTO groups (kind, title, created_on) VALUES ('pair', 'Before', '2026-02-01')");
  group = last_id (fixture);
  sql (fixture, "INSERT INTO group_members (group_id, learner_id) VALUES (%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT "), "
       "(%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ")", group, lower, group, strong);
  suggestions = compute (fixture);
  g_assert_cmpuint (count_kind (suggestions, TRELLIS_SUGGESTION_PEER_PAIR), ==, 1);
  s = find (suggestions, TRELLIS_SUGGESTION_PEER_PAIR, NULL);
  g_assert_true (has_learner (s, low) && has_learner (s, strong));
  g_assert_false (has_learner (s, lower));
  g_clear_pointer (&suggestions, g_ptr_array_unref);

  /* No strong learner: no pairs at all (never two still learning). */
  set_state (fixture, strong, skill, 0.5, 0.5, 5);
  suggestions = compute (fixture);
  g_assert_cmpuint (count_kind (suggestions, TRELLIS_SUGGESTION_PEER_PAIR), ==, 0);
}

static void
test_conference_due (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autoptr(GPtrArray) suggestions = NULL;
  g_autofree char *ann_key = NULL;
  g_autofree char *ben_key = NULL;
  g_autofree char *cal_key = NULL;
  g_autofree char *dee_key = NULL;
  gint64 ann = add_learner (fixture, "Ann");
  gint64 ben = add_learner (fixture, "Ben");
  gint64 cal = add_learner (fixture, "Cal");
  gint64 dee;
  TrellisSuggestion *s;

  sql (fixture, "INSERT INTO learners (name, created_at) VALUES ('Dee', '2026-03-01T08:00:00Z')");
  dee = last_id (fixture);
  sql (fixture, "INSERT INTO conferences (learner_id, held_on) VALUES (%" G_GINT64_FORMAT ", '2026-02-08')", ann);
  sql (fixture, "INSERT INTO conferences (learner_id, held_on) VALUES (%" G_GINT64_FORMAT ", '2026-02-28')", ben);

  suggestions = compute (fixture);
  assert_valid (suggestions);
  ann_key = key_for ("conference_due:learner", ann);
  ben_key = key_for ("conference_due:learner", ben);
  cal_key = key_for ("conference_due:learner", cal);
  dee_key = key_for ("conference_due:learner", dee);

  s = find (suggestions, TRELLIS_SUGGESTION_CONFERENCE_DUE, ann_key);
  g_assert_nonnull (s);
  g_assert_cmpstr (s->reason, ==,
                   "The last conference with Ann was 30 days ago (2026-02-08); "
                   "the class meets each learner every 21 days.");
  s = find (suggestions, TRELLIS_SUGGESTION_CONFERENCE_DUE, cal_key);
  g_assert_nonnull (s);
  g_assert_cmpstr (s->reason, ==, "Cal has not had a conference yet, after 64 days in the class.");
  /* Never conferenced comes first. */
  g_assert_true (find (suggestions, TRELLIS_SUGGESTION_CONFERENCE_DUE, NULL) == s);
  g_assert_null (find (suggestions, TRELLIS_SUGGESTION_CONFERENCE_DUE, ben_key));
  g_assert_null (find (suggestions, TRELLIS_SUGGESTION_CONFERENCE_DUE, dee_key));  /* new this month */
  g_clear_pointer (&suggestions, g_ptr_array_unref);

  /* The class cadence decides. */
  sql (fixture, "UPDATE classroom SET conference_cadence_days = 35");
  suggestions = compute (fixture);
  g_assert_null (find (suggestions, TRELLIS_SUGGESTION_CONFERENCE_DUE, ann_key));
}

static void
test_profile_stale (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autoptr(GPtrArray) suggestions = NULL;
  g_autofree char *ann_key = NULL;
  g_autofree char *ben_key = NULL;
  gint64 ann = add_learner (fixture, "Ann");
  gint64 ben = add_learner (fixture, "Ben");
  TrellisSuggestion *s;

  sql (fixture, "INSERT INTO profile_entries (learner_id, kind, text, revisited_on, created_at) VALUES "
       "(%" G_GINT64_FORMAT ", 'interest', 'Chess', '2026-01-19', '2026-01-19T08:00:00Z'), "
       "(%" G_GINT64_FORMAT ", 'need', 'Audio texts', '2026-01-12', '2026-01-12T08:00:00Z'), "
       "(%" G_GINT64_FORMAT ", 'interest', 'Soccer', '2026-03-05', '2026-01-12T08:00:00Z')",
       ann, ann, ben);

  suggestions = compute (fixture);
  assert_valid (suggestions);
  ann_key = key_for ("profile_stale:learner", ann);
  ben_key = key_for ("profile_stale:learner", ben);
  s = find (suggestions, TRELLIS_SUGGESTION_PROFILE_STALE, ann_key);
  g_assert_nonnull (s);
  g_assert_cmpstr (s->reason, ==,
                   "The profile of Ann was last revisited 50 days ago (2026-01-19); "
                   "the class revisits profiles every 6 weeks.");
  g_assert_null (find (suggestions, TRELLIS_SUGGESTION_PROFILE_STALE, ben_key));
}

static void
test_goal_overdue (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autoptr(GPtrArray) suggestions = NULL;
  gint64 ann = add_learner (fixture, "Ann");
  gint64 ben = add_learner (fixture, "Ben");
  TrellisSuggestion *s;

  sql (fixture, "INSERT INTO goals (learner_id, title, target_date, status, created_on, updated_on) VALUES "
       "(%" G_GINT64_FORMAT ", 'Read two chapters a week', '2026-02-26', 'active', '2026-01-10', '2026-01-10'), "
       "(%" G_GINT64_FORMAT ", 'Finish the model', '2026-02-20', 'met', '2026-01-10', '2026-02-20'), "
       "(%" G_GINT64_FORMAT ", 'Present to the class', '2026-03-20', 'active', '2026-01-10', '2026-01-10')",
       ann, ben, ben);

  suggestions = compute (fixture);
  assert_valid (suggestions);
  g_assert_cmpuint (count_kind (suggestions, TRELLIS_SUGGESTION_GOAL_OVERDUE), ==, 1);
  s = find (suggestions, TRELLIS_SUGGESTION_GOAL_OVERDUE, NULL);
  g_assert_true (has_learner (s, ann));
  g_assert_cmpstr (s->reason, ==,
                   "The goal “Read two chapters a week” of Ann was due 12 days ago (2026-02-26) and is still active.");
  g_assert_cmpint (json_object_get_int_member (s->evidence, "days_overdue"), ==, 12);
}

static void
accept_row (Fixture    *fixture,
            const char *kind,
            gint64      learner,
            gint64      skill,
            const char *decided_at)
{
  gint64 id;

  sql (fixture,
       "INSERT INTO recommendations (kind, key, skill_id, reason, created_at, decision, decided_at) "
       "VALUES ('%s', 'old:%" G_GINT64_FORMAT ":%s', %" G_GINT64_FORMAT ", 'Earlier', '%s', 'accepted', '%s')",
       kind, learner, decided_at, skill, decided_at, decided_at);
  id = last_id (fixture);
  sql (fixture, "INSERT INTO recommendation_learners VALUES (%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ")", id, learner);
}

static void
test_equity (Fixture       *fixture,
             gconstpointer  user_data)
{
  g_autoptr(GPtrArray) suggestions = NULL;
  gint64 skill = add_skill (fixture, "RH.1", "Cite textual evidence");
  gint64 ann = add_learner (fixture, "Ann");
  gint64 ben = add_learner (fixture, "Ben");
  gint64 cal = add_learner (fixture, "Cal");
  gint64 dee = add_learner (fixture, "Dee");
  gint64 eve = add_learner (fixture, "Eve");
  TrellisSuggestion *s;

  set_state (fixture, ann, skill, 0.30, 0.4, 5);
  set_state (fixture, ben, skill, 0.32, 0.4, 5);
  set_state (fixture, cal, skill, 0.28, 0.4, 5);   /* similar, never helped */
  set_state (fixture, dee, skill, 0.35, 0.4, 5);   /* similar, never helped */
  set_state (fixture, eve, skill, 0.90, 0.9, 5);   /* not similar */
  for (guint i = 0; i < 2; i++)
    {
      accept_row (fixture, "needs_help", ann, skill, i == 0 ? "2026-02-20T10:00:00Z" : "2026-03-02T10:00:00Z");
      accept_row (fixture, "needs_help", ben, skill, i == 0 ? "2026-02-21T10:00:00Z" : "2026-03-03T10:00:00Z");
    }
  /* Outside the window: does not count. */
  accept_row (fixture, "needs_help", eve, skill, "2026-01-10T10:00:00Z");
  sql (fixture, "INSERT INTO conferences (learner_id, held_on) VALUES (%" G_GINT64_FORMAT ", '2026-03-01'), "
       "(%" G_GINT64_FORMAT ", '2026-03-02')", cal, dee);

  suggestions = compute (fixture);
  assert_valid (suggestions);
  s = find (suggestions, TRELLIS_SUGGESTION_EQUITY, "equity:help");
  g_assert_nonnull (s);
  g_assert_cmpuint (s->learners->len, ==, 2);
  g_assert_true (has_learner (s, cal) && has_learner (s, dee));
  g_assert_cmpstr (s->reason, ==,
                   "In the last 28 days, 4 help suggestions were accepted for Ann, Ben, "
                   "while 2 learners with similar evidence got none: Cal, Dee.");
  g_assert_cmpint (json_object_get_int_member (s->evidence, "accepted"), ==, 4);
  /* Everyone was seen lately: by a conference or an accepted suggestion, except Eve. */
  s = find (suggestions, TRELLIS_SUGGESTION_EQUITY, "equity:not_seen");
  g_assert_nonnull (s);
  g_assert_cmpuint (s->learners->len, ==, 1);
  g_assert_true (has_learner (s, eve));
  g_assert_cmpstr (s->reason, ==,
                   "1 learner has had no accepted suggestion and no conference in the last 42 days: Eve.");
  g_clear_pointer (&suggestions, g_ptr_array_unref);

  /* Help spread across everyone with similar evidence: no skew; Eve seen. */
  accept_row (fixture, "small_group", cal, skill, "2026-03-04T10:00:00Z");
  accept_row (fixture, "small_group", dee, skill, "2026-03-04T10:00:00Z");
  sql (fixture, "INSERT INTO conferences (learner_id, held_on) VALUES (%" G_GINT64_FORMAT ", '2026-03-09')", eve);
  suggestions = compute (fixture);
  g_assert_null (find (suggestions, TRELLIS_SUGGESTION_EQUITY, NULL));
}

static void
test_decisions (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GPtrArray) suggestions = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisSuggestion) help = NULL;
  g_autoptr(TrellisSuggestion) group = NULL;
  g_autoptr(TrellisSuggestion) pair = NULL;
  g_autoptr(TrellisSuggestion) goal = NULL;
  g_autofree char *help_key = NULL;
  gint64 playlist = add_playlist (fixture, "Ratios");
  gint64 skill = add_skill (fixture, "RP.A.1", "Understand ratios");
  gint64 ids[6];
  gint64 id, group_id;
  TrellisSuggestion *h;

  add_node (fixture, playlist, "activity", "Ratio partners", 30, "pair", NULL, FALSE, skill);
  for (guint i = 0; i < 6; i++)
    {
      g_autofree char *name = g_strdup_printf ("Learner %u", i + 1);

      ids[i] = add_learner (fixture, name);
      sql (fixture, "INSERT INTO conferences (learner_id, held_on) VALUES (%" G_GINT64_FORMAT ", '2026-03-05')", ids[i]);
    }
  set_state (fixture, ids[0], skill, 0.2, 0.25, 5);
  set_state (fixture, ids[1], skill, 0.3, 0.45, 4);
  set_state (fixture, ids[2], skill, 0.4, 0.5, 4);
  set_state (fixture, ids[3], skill, 0.9, 0.9, 4);
  set_state (fixture, ids[4], skill, 0.85, 0.9, 4);
  set_state (fixture, ids[5], skill, 0.88, 0.9, 4);
  sql (fixture, "INSERT INTO goals (learner_id, title, target_date, status, created_on, updated_on) VALUES "
       "(%" G_GINT64_FORMAT ", 'Ask for help early', '2026-03-01', 'active', '2026-01-10', '2026-01-10')", ids[5]);

  suggestions = compute (fixture);
  help_key = key_for ("needs_help:learner", ids[0]);
  help = trellis_suggestion_ref (find (suggestions, TRELLIS_SUGGESTION_NEEDS_HELP, help_key));
  group = trellis_suggestion_ref (find (suggestions, TRELLIS_SUGGESTION_SMALL_GROUP, NULL));
  pair = trellis_suggestion_ref (find (suggestions, TRELLIS_SUGGESTION_PEER_PAIR, NULL));
  goal = trellis_suggestion_ref (find (suggestions, TRELLIS_SUGGESTION_GOAL_OVERDUE, NULL));
  g_clear_pointer (&suggestions, g_ptr_array_unref);

  /* Dismiss, accept, snooze: logged with the reason. */
  id = trellis_recommender_dismiss (fixture->classroom, help, "Already handled", &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  id = trellis_recommender_accept (fixture->classroom, group, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  g_assert_cmpint (trellis_recommender_accept (fixture->classroom, pair, "Good match", &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (trellis_recommender_snooze (fixture->classroom, goal, NULL, NULL, &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (trellis_recommender_snooze (fixture->classroom, goal, "someday", NULL, &error), ==, 0);
  g_assert_error (error, TRELLIS_RECOMMENDER_ERROR, TRELLIS_RECOMMENDER_ERROR_INVALID);
  g_clear_error (&error);

  /* Accepting the small group formed it, and the pair too. */
  group_id = 0;
  {
    g_autoptr(sqlite3_stmt) stmt = trellis_classroom_prepare (fixture->classroom,
                                                              "SELECT g.id, count (*) FROM groups g "
                                                              "JOIN group_members m ON m.group_id = g.id "
                                                              "WHERE g.kind = 'small_group' AND g.recommendation_id = ?1 "
                                                              "GROUP BY g.id", NULL);

    sqlite3_bind_int64 (stmt, 1, id);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    group_id = sqlite3_column_int64 (stmt, 0);
    g_assert_cmpint (sqlite3_column_int (stmt, 1), ==, 3);
  }
  g_assert_cmpint (group_id, >, 0);
  {
    g_autoptr(sqlite3_stmt) stmt = trellis_classroom_prepare (fixture->classroom,
                                                              "SELECT count (*) FROM groups g JOIN group_members m "
                                                              "ON m.group_id = g.id WHERE g.kind = 'pair'", NULL);

    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 2);
  }

  /* Persisted across reopening. */
  reopen (fixture);
  suggestions = compute (fixture);
  g_assert_null (find (suggestions, TRELLIS_SUGGESTION_NEEDS_HELP, help_key));
  g_assert_null (find (suggestions, TRELLIS_SUGGESTION_SMALL_GROUP, NULL));
  g_assert_null (find (suggestions, TRELLIS_SUGGESTION_GOAL_OVERDUE, NULL));
  g_clear_pointer (&suggestions, g_ptr_array_unref);

  history = trellis_recommender_history (fixture->classroom, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 4);
  h = NULL;
  for (guint i = 0; i < history->len; i++)
    if (g_str_equal (((TrellisSuggestion *)g_ptr_array_index (history, i))->key, help->key))
      h = g_ptr_array_index (history, i);
  g_assert_nonnull (h);
  g_assert_cmpint (h->decision, ==, TRELLIS_DECISION_DISMISSED);
  g_assert_cmpstr (h->decision_reason, ==, "Already handled");
  g_assert_cmpstr (h->decided_at, ==, "2026-03-10T12:00:00Z");
  g_assert_cmpstr (h->reason, ==, help->reason);
  g_assert_cmpstr (h->evidence_hash, ==, help->evidence_hash);
  g_assert_true (has_learner (h, ids[0]));
  g_clear_pointer (&history, g_ptr_array_unref);
  history = trellis_recommender_history (fixture->classroom, ids[5], &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 1);
  g_assert_cmpint (((TrellisSuggestion *)g_ptr_array_index (history, 0))->decision, ==, TRELLIS_DECISION_SNOOZED);
  g_assert_cmpstr (((TrellisSuggestion *)g_ptr_array_index (history, 0))->snoozed_until, ==, "2026-03-17");

  /* The same evidence a day later: still dismissed; the snooze still on. */
  set_today (fixture, 2026, 3, 11);
  suggestions = compute (fixture);
  g_assert_null (find (suggestions, TRELLIS_SUGGESTION_NEEDS_HELP, help_key));
  g_assert_null (find (suggestions, TRELLIS_SUGGESTION_GOAL_OVERDUE, NULL));
  g_clear_pointer (&suggestions, g_ptr_array_unref);

  /* New evidence brings the dismissed suggestion back. */
  set_state (fixture, ids[0], skill, 0.2, 0.22, 6);
  suggestions = compute (fixture);
  g_assert_nonnull (find (suggestions, TRELLIS_SUGGESTION_NEEDS_HELP, help_key));
  g_clear_pointer (&suggestions, g_ptr_array_unref);

  /* The snooze ends. */
  set_today (fixture, 2026, 3, 17);
  suggestions = compute (fixture);
  g_assert_nonnull (find (suggestions, TRELLIS_SUGGESTION_GOAL_OVERDUE, NULL));
}

static void
test_read_only (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GPtrArray) suggestions = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisClassroom) ro = NULL;

  add_learner (fixture, "Ann");
  suggestions = compute (fixture);
  g_assert_nonnull (find (suggestions, TRELLIS_SUGGESTION_CONFERENCE_DUE, NULL));

  ro = trellis_classroom_open (fixture->path, TRELLIS_OPEN_FLAGS_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_cmpint (trellis_recommender_dismiss (ro, g_ptr_array_index (suggestions, 0), NULL, &error), ==, 0);
  g_assert_error (error, TRELLIS_CLASSROOM_ERROR, TRELLIS_CLASSROOM_ERROR_READ_ONLY);
}

/* ------------------------------------------------------------------ */
/* The sample classroom                                                 */

static TrellisClassroom *
create_sample (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "sample.trellis", NULL);
  TrellisClassroom *classroom;

  classroom = trellis_sample_create_full (path, 0, fixture_clock, fixture, &error);
  g_assert_no_error (error);
  return classroom;
}

static void
test_sample_every_kind (Fixture       *fixture,
                        gconstpointer  user_data)
{
  g_autoptr(TrellisClassroom) classroom = NULL;
  g_autoptr(GPtrArray) suggestions = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) ready = NULL;
  TrellisSuggestion *group;

  set_today (fixture, 2026, 3, 18);
  classroom = create_sample (fixture);
  suggestions = trellis_recommender_compute (classroom, &error);
  g_assert_no_error (error);
  assert_valid (suggestions);

  for (guint k = 0; k < TRELLIS_SUGGESTION_N_KINDS; k++)
    {
      if (g_test_verbose ())
        g_test_message ("%s: %u", trellis_suggestion_kind_to_string (k), count_kind (suggestions, k));
      if (k == TRELLIS_SUGGESTION_EQUITY)
        continue;
      g_assert_cmpuint (count_kind (suggestions, k), >, 0);
    }
  /* Not seen (no decisions yet, so no skew). */
  g_assert_nonnull (find (suggestions, TRELLIS_SUGGESTION_EQUITY, "equity:not_seen"));

  /* The small group on citing evidence. */
  group = NULL;
  for (guint i = 0; i < suggestions->len; i++)
    {
      TrellisSuggestion *s = g_ptr_array_index (suggestions, i);

      if (s->kind == TRELLIS_SUGGESTION_SMALL_GROUP &&
          g_strcmp0 (s->skill_code, "CCSS.ELA-LITERACY.RH.6-8.1") == 0)
        group = s;
    }
  g_assert_nonnull (group);
  g_assert_cmpuint (group->learners->len, >=, 4);

  /* Ready for more is for a handful of strong learners, not a wall that
   * covers most of the class. */
  ready = g_hash_table_new (g_int64_hash, g_int64_equal);
  for (guint i = 0; i < suggestions->len; i++)
    {
      TrellisSuggestion *s = g_ptr_array_index (suggestions, i);

      if (s->kind == TRELLIS_SUGGESTION_READY_FOR_MORE)
        g_hash_table_add (ready, &g_array_index (s->learners, TrellisSuggestionLearner, 0).id);
    }
  g_test_message ("ready for more: %u of %u learners", g_hash_table_size (ready),
                  (guint)TRELLIS_SAMPLE_DEFAULT_LEARNERS);
  g_assert_cmpuint (g_hash_table_size (ready), >=, 3);
  g_assert_cmpuint (g_hash_table_size (ready), <=, TRELLIS_SAMPLE_DEFAULT_LEARNERS / 4);
}

static void
count_changed_cb (TrellisRecommender *recommender,
                  guint               position,
                  guint               removed,
                  guint               added,
                  guint              *count)
{
  (*count)++;
}

static void
assert_same (GPtrArray *a,
             GPtrArray *b)
{
  g_assert_cmpuint (a->len, ==, b->len);
  for (guint i = 0; i < a->len; i++)
    {
      TrellisSuggestion *sa = g_ptr_array_index (a, i);
      TrellisSuggestion *sb = g_ptr_array_index (b, i);

      if (!trellis_suggestion_equal (sa, sb))
        g_error ("suggestion %u differs: %s (%s) vs %s (%s)", i, sa->key, sa->reason, sb->key, sb->reason);
    }
}

static void
test_incremental (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_autoptr(TrellisClassroom) classroom = NULL;
  g_autoptr(TrellisRecommender) recommender = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GArray) learners = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 skill = 0;
  guint changed = 0;

  set_today (fixture, 2026, 3, 18);
  classroom = create_sample (fixture);
  recommender = trellis_recommender_new (classroom);
  g_signal_connect (recommender, "changed", G_CALLBACK (count_changed_cb), &changed);
  g_assert_true (trellis_recommender_refresh (recommender, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changed, ==, 1);

  /* Low learners on citing evidence, and one strong one. */
  stmt = trellis_classroom_prepare (classroom,
                                    "SELECT m.learner_id, m.skill_id FROM mastery_state m JOIN skills s ON s.id = m.skill_id "
                                    "WHERE s.code = 'CCSS.ELA-LITERACY.RH.6-8.1' ORDER BY m.p_known", NULL);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (learners, id);
      skill = sqlite3_column_int64 (stmt, 1);
    }
  g_assert_cmpuint (learners->len, >=, 10);

  /* Good answers lift the lowest; bad answers drop the strongest. */
  for (guint round = 0; round < 12; round++)
    {
      g_autoptr(GPtrArray) full = NULL;
      gboolean low = round % 3 != 2;
      gint64 learner = low ? g_array_index (learners, gint64, round % 4)
                           : g_array_index (learners, gint64, learners->len - 1);

      g_assert_cmpint (trellis_mastery_add_evidence (classroom, learner, skill, TRELLIS_BKT_EVIDENCE_BINARY,
                                                     low ? 1 : 0, 0, "2026-03-18", &error), >, 0);
      g_assert_no_error (error);
      g_assert_true (trellis_recommender_evidence_changed (recommender, learner, skill, &error));
      g_assert_no_error (error);

      full = trellis_recommender_compute (classroom, &error);
      g_assert_no_error (error);
      assert_same (trellis_recommender_get_suggestions (recommender), full);
    }
  g_assert_cmpuint (changed, >, 1);

  /* A progress edit. */
  {
    g_autoptr(GPtrArray) full = NULL;
    gint64 learner = g_array_index (learners, gint64, 0);
    g_autofree char *update = g_strdup_printf ("UPDATE progress SET status = 'complete', checkin_on = '2026-03-18' "
                                               "WHERE learner_id = %" G_GINT64_FORMAT, learner);

    g_assert_true (trellis_classroom_exec (classroom, update, &error));
    g_assert_true (trellis_recommender_progress_changed (recommender, learner, &error));
    g_assert_no_error (error);
    full = trellis_recommender_compute (classroom, &error);
    assert_same (trellis_recommender_get_suggestions (recommender), full);
  }

  /* A decision, then refresh. */
  {
    g_autoptr(GPtrArray) full = NULL;
    TrellisSuggestion *first = g_ptr_array_index (trellis_recommender_get_suggestions (recommender), 0);

    g_assert_cmpint (trellis_recommender_dismiss (classroom, first, "Not relevant", &error), >, 0);
    g_assert_true (trellis_recommender_refresh (recommender, &error));
    full = trellis_recommender_compute (classroom, &error);
    assert_same (trellis_recommender_get_suggestions (recommender), full);
  }

  g_clear_object (&recommender);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) g_test_add ("/recommender/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("needs-help", test_needs_help);
  ADD ("small-group", test_small_group);
  ADD ("behind-milestone", test_behind_milestone);
  ADD ("ready-for-more", test_ready_for_more);
  ADD ("peer-pair", test_peer_pair);
  ADD ("conference-due", test_conference_due);
  ADD ("profile-stale", test_profile_stale);
  ADD ("goal-overdue", test_goal_overdue);
  ADD ("equity", test_equity);
  ADD ("decisions", test_decisions);
  ADD ("read-only", test_read_only);
  ADD ("sample-every-kind", test_sample_every_kind);
  ADD ("incremental", test_incremental);
#undef ADD

  return g_test_run ();
}

/* trellis-schema.c
 *
 * Copyright 2026 The Trellis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "trellis-schema.h"

/*
 * The whole schema of the classroom file, version 1.
 *
 * Dates are ISO 8601 text (YYYY-MM-DD), timestamps are ISO 8601 text in
 * UTC (YYYY-MM-DDTHH:MM:SSZ).  Every learner's data hangs off `learners`
 * with ON DELETE CASCADE so that deleting a learner really deletes it.
 */
static const char schema_v1[] =
  "CREATE TABLE classroom ("
  "  id INTEGER PRIMARY KEY CHECK (id = 1),"
  "  name TEXT NOT NULL CHECK (length (name) > 0),"
  "  created_at TEXT NOT NULL,"
  "  school_year TEXT,"
  "  class_minutes_per_week INTEGER NOT NULL DEFAULT 225 CHECK (class_minutes_per_week > 0),"
  "  conference_cadence_days INTEGER NOT NULL DEFAULT 21 CHECK (conference_cadence_days > 0),"
  "  stale_profile_weeks INTEGER NOT NULL DEFAULT 6 CHECK (stale_profile_weeks > 0)"
  ");"

  /* Classroom preferences and remembered choices (import mappings, rules). */
  "CREATE TABLE settings ("
  "  key TEXT PRIMARY KEY,"
  "  value TEXT"
  ") WITHOUT ROWID;"

  "CREATE TABLE learners ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL CHECK (length (name) > 0),"
  "  preferred_name TEXT,"
  "  pronouns TEXT,"
  "  sis_id TEXT,"
  "  login TEXT,"
  "  email TEXT,"
  "  self_regulation INTEGER NOT NULL DEFAULT 2 CHECK (self_regulation BETWEEN 1 AND 3),"
  "  pseudonym TEXT UNIQUE,"
  "  created_at TEXT NOT NULL,"
  /* Set while an undoable deletion is pending; purged for good afterwards. */
  "  trashed INTEGER NOT NULL DEFAULT 0 CHECK (trashed IN (0, 1))"
  ");"
  "CREATE UNIQUE INDEX learners_sis_id ON learners (sis_id) WHERE sis_id IS NOT NULL;"
  "CREATE INDEX learners_login ON learners (login) WHERE login IS NOT NULL;"
  "CREATE INDEX learners_email ON learners (email) WHERE email IS NOT NULL;"
  "CREATE INDEX learners_name ON learners (name COLLATE NOCASE);"

  "CREATE TABLE profile_entries ("
  "  id INTEGER PRIMARY KEY,"
  "  learner_id INTEGER NOT NULL REFERENCES learners (id) ON DELETE CASCADE,"
  "  kind TEXT NOT NULL CHECK (kind IN ('interest', 'strength', 'preference', 'experience', 'need')),"
  "  text TEXT NOT NULL CHECK (length (text) > 0),"
  "  position INTEGER NOT NULL DEFAULT 0,"
  "  revisited_on TEXT NOT NULL,"
  "  created_at TEXT NOT NULL"
  ");"
  "CREATE INDEX profile_entries_learner ON profile_entries (learner_id, kind, position);"

  "CREATE TABLE skills ("
  "  id INTEGER PRIMARY KEY,"
  "  code TEXT NOT NULL UNIQUE CHECK (length (code) > 0),"
  "  name TEXT NOT NULL CHECK (length (name) > 0),"
  "  description TEXT,"
  "  position INTEGER NOT NULL DEFAULT 0"
  ");"

  "CREATE TABLE skill_prerequisites ("
  "  skill_id INTEGER NOT NULL REFERENCES skills (id) ON DELETE CASCADE,"
  "  prerequisite_id INTEGER NOT NULL REFERENCES skills (id) ON DELETE CASCADE,"
  "  PRIMARY KEY (skill_id, prerequisite_id),"
  "  CHECK (skill_id <> prerequisite_id)"
  ") WITHOUT ROWID;"
  "CREATE INDEX skill_prerequisites_prerequisite ON skill_prerequisites (prerequisite_id);"

  "CREATE TABLE goals ("
  "  id INTEGER PRIMARY KEY,"
  "  learner_id INTEGER NOT NULL REFERENCES learners (id) ON DELETE CASCADE,"
  "  title TEXT NOT NULL CHECK (length (title) > 0),"
  "  success_criteria TEXT,"
  "  target_date TEXT,"
  "  status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'met', 'revised', 'dropped')),"
  "  created_on TEXT NOT NULL,"
  "  updated_on TEXT NOT NULL"
  ");"
  "CREATE INDEX goals_learner ON goals (learner_id, status);"

  "CREATE TABLE goal_revisions ("
  "  id INTEGER PRIMARY KEY,"
  "  goal_id INTEGER NOT NULL REFERENCES goals (id) ON DELETE CASCADE,"
  "  changed_on TEXT NOT NULL,"
  "  old_title TEXT,"
  "  old_success_criteria TEXT,"
  "  old_target_date TEXT,"
  "  old_status TEXT,"
  "  new_status TEXT,"
  "  reason TEXT"
  ");"
  "CREATE INDEX goal_revisions_goal ON goal_revisions (goal_id, changed_on);"

  "CREATE TABLE goal_skills ("
  "  goal_id INTEGER NOT NULL REFERENCES goals (id) ON DELETE CASCADE,"
  "  skill_id INTEGER NOT NULL REFERENCES skills (id) ON DELETE CASCADE,"
  "  PRIMARY KEY (goal_id, skill_id)"
  ") WITHOUT ROWID;"
  "CREATE INDEX goal_skills_skill ON goal_skills (skill_id);"

  "CREATE TABLE playlists ("
  "  id INTEGER PRIMARY KEY,"
  "  title TEXT NOT NULL CHECK (length (title) > 0),"
  "  description TEXT,"
  "  starts_on TEXT,"
  "  ends_on TEXT,"
  "  position INTEGER NOT NULL DEFAULT 0,"
  "  uid TEXT NOT NULL UNIQUE,"
  "  created_at TEXT NOT NULL,"
  "  CHECK (starts_on IS NULL OR ends_on IS NULL OR starts_on <= ends_on)"
  ");"

  "CREATE TABLE playlist_skills ("
  "  playlist_id INTEGER NOT NULL REFERENCES playlists (id) ON DELETE CASCADE,"
  "  skill_id INTEGER NOT NULL REFERENCES skills (id) ON DELETE CASCADE,"
  "  PRIMARY KEY (playlist_id, skill_id)"
  ") WITHOUT ROWID;"
  "CREATE INDEX playlist_skills_skill ON playlist_skills (skill_id);"

  /*
   * A playlist's nodes.  Top-level nodes have parent_id NULL; the options of
   * a choice group are activities whose parent_id is the group.  `uid` is
   * stable across edits and re-exports (Common Cartridge identifiers).
   */
  "CREATE TABLE nodes ("
  "  id INTEGER PRIMARY KEY,"
  "  playlist_id INTEGER NOT NULL REFERENCES playlists (id) ON DELETE CASCADE,"
  "  parent_id INTEGER REFERENCES nodes (id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL DEFAULT 0,"
  "  kind TEXT NOT NULL CHECK (kind IN ('activity', 'choice', 'milestone')),"
  "  uid TEXT NOT NULL UNIQUE,"
  "  title TEXT NOT NULL CHECK (length (title) > 0),"
  "  instructions TEXT,"
  "  resource_url TEXT,"
  "  estimated_minutes INTEGER CHECK (estimated_minutes IS NULL OR estimated_minutes >= 0),"
  "  social_mode TEXT NOT NULL DEFAULT 'solo' CHECK (social_mode IN ('solo', 'pair', 'group')),"
  "  choose_min INTEGER,"
  "  choose_max INTEGER,"
  "  suggested_date TEXT,"
  "  target_date TEXT,"
  "  must_show TEXT,"
  "  is_starter INTEGER NOT NULL DEFAULT 0 CHECK (is_starter IN (0, 1)),"
  "  is_challenge INTEGER NOT NULL DEFAULT 0 CHECK (is_challenge IN (0, 1)),"
  "  CHECK (kind <> 'choice' OR (choose_min IS NOT NULL AND choose_max IS NOT NULL"
  "                              AND choose_min >= 0 AND choose_min <= choose_max)),"
  "  CHECK (kind = 'choice' OR (choose_min IS NULL AND choose_max IS NULL))"
  ");"
  "CREATE INDEX nodes_playlist ON nodes (playlist_id, parent_id, position);"
  "CREATE INDEX nodes_parent ON nodes (parent_id);"

  "CREATE TABLE node_formats ("
  "  node_id INTEGER NOT NULL REFERENCES nodes (id) ON DELETE CASCADE,"
  "  format TEXT NOT NULL CHECK (length (format) > 0),"
  "  position INTEGER NOT NULL DEFAULT 0,"
  "  PRIMARY KEY (node_id, format)"
  ") WITHOUT ROWID;"

  "CREATE TABLE node_skills ("
  "  node_id INTEGER NOT NULL REFERENCES nodes (id) ON DELETE CASCADE,"
  "  skill_id INTEGER NOT NULL REFERENCES skills (id) ON DELETE CASCADE,"
  "  PRIMARY KEY (node_id, skill_id)"
  ") WITHOUT ROWID;"
  "CREATE INDEX node_skills_skill ON node_skills (skill_id);"

  "CREATE TABLE progress ("
  "  learner_id INTEGER NOT NULL REFERENCES learners (id) ON DELETE CASCADE,"
  "  node_id INTEGER NOT NULL REFERENCES nodes (id) ON DELETE CASCADE,"
  "  status TEXT NOT NULL DEFAULT 'not_started'"
  "    CHECK (status IN ('not_started', 'in_progress', 'submitted', 'complete', 'needs_revision')),"
  "  format TEXT,"
  "  checkin_on TEXT,"
  "  checkin_note TEXT,"
  "  updated_at TEXT NOT NULL,"
  "  PRIMARY KEY (learner_id, node_id)"
  ") WITHOUT ROWID;"
  "CREATE INDEX progress_node ON progress (node_id);"

  /* The options a learner chose in a choice group. */
  "CREATE TABLE choices ("
  "  learner_id INTEGER NOT NULL REFERENCES learners (id) ON DELETE CASCADE,"
  "  option_id INTEGER NOT NULL REFERENCES nodes (id) ON DELETE CASCADE,"
  "  chosen_at TEXT NOT NULL,"
  "  PRIMARY KEY (learner_id, option_id)"
  ") WITHOUT ROWID;"
  "CREATE INDEX choices_option ON choices (option_id);"

  "CREATE TABLE conferences ("
  "  id INTEGER PRIMARY KEY,"
  "  learner_id INTEGER NOT NULL REFERENCES learners (id) ON DELETE CASCADE,"
  "  held_on TEXT NOT NULL,"
  "  notes TEXT,"
  "  next_steps TEXT,"
  "  duration_seconds INTEGER CHECK (duration_seconds IS NULL OR duration_seconds >= 0)"
  ");"
  "CREATE INDEX conferences_learner ON conferences (learner_id, held_on);"

  "CREATE TABLE reflections ("
  "  id INTEGER PRIMARY KEY,"
  "  learner_id INTEGER NOT NULL REFERENCES learners (id) ON DELETE CASCADE,"
  "  written_on TEXT NOT NULL,"
  "  text TEXT NOT NULL CHECK (length (text) > 0),"
  "  author TEXT NOT NULL DEFAULT 'learner' CHECK (author IN ('learner', 'teacher')),"
  "  goal_id INTEGER REFERENCES goals (id) ON DELETE SET NULL,"
  "  node_id INTEGER REFERENCES nodes (id) ON DELETE SET NULL,"
  "  conference_id INTEGER REFERENCES conferences (id) ON DELETE SET NULL"
  ");"
  "CREATE INDEX reflections_learner ON reflections (learner_id, written_on);"
  "CREATE INDEX reflections_goal ON reflections (goal_id);"
  "CREATE INDEX reflections_node ON reflections (node_id);"
  "CREATE INDEX reflections_conference ON reflections (conference_id);"

  /*
   * Gradebook items: columns imported from an LMS export (or created by the
   * teacher), mapped to a skill or a playlist node now or later.
   */
  "CREATE TABLE gradebook_items ("
  "  id INTEGER PRIMARY KEY,"
  "  source TEXT NOT NULL,"
  "  lms_id TEXT NOT NULL,"
  "  title TEXT NOT NULL,"
  "  points_possible REAL CHECK (points_possible IS NULL OR points_possible >= 0),"
  "  skill_id INTEGER REFERENCES skills (id) ON DELETE SET NULL,"
  "  node_id INTEGER REFERENCES nodes (id) ON DELETE SET NULL,"
  "  UNIQUE (source, lms_id)"
  ");"
  "CREATE INDEX gradebook_items_skill ON gradebook_items (skill_id);"

  /*
   * Evidence: a scored observation of a learner.  `kind` says how to read
   * the score: binary (score 0 or 1), rubric (score is a level, max_score
   * the top level) or points (score out of max_score).  An imported score
   * may not be mapped to a skill yet (skill_id NULL, item_id set).
   */
  "CREATE TABLE evidence ("
  "  id INTEGER PRIMARY KEY,"
  "  learner_id INTEGER NOT NULL REFERENCES learners (id) ON DELETE CASCADE,"
  "  skill_id INTEGER REFERENCES skills (id) ON DELETE CASCADE,"
  "  node_id INTEGER REFERENCES nodes (id) ON DELETE SET NULL,"
  "  item_id INTEGER REFERENCES gradebook_items (id) ON DELETE CASCADE,"
  "  observed_at TEXT NOT NULL,"
  "  kind TEXT NOT NULL CHECK (kind IN ('binary', 'rubric', 'points')),"
  "  score REAL NOT NULL CHECK (score >= 0),"
  "  max_score REAL CHECK (max_score IS NULL OR max_score > 0),"
  "  source TEXT NOT NULL DEFAULT 'teacher' CHECK (source IN ('teacher', 'import')),"
  "  note TEXT,"
  "  CHECK (skill_id IS NOT NULL OR item_id IS NOT NULL),"
  "  CHECK (kind <> 'binary' OR score IN (0, 1)),"
  "  CHECK (kind = 'binary' OR max_score IS NOT NULL)"
  ");"
  "CREATE INDEX evidence_learner_skill ON evidence (learner_id, skill_id, observed_at);"
  "CREATE INDEX evidence_skill ON evidence (skill_id, observed_at);"
  "CREATE INDEX evidence_item ON evidence (item_id);"

  /* Fitted model parameters per skill (NULL skill_id row: pooled class defaults). */
  "CREATE TABLE mastery_params ("
  "  skill_id INTEGER PRIMARY KEY REFERENCES skills (id) ON DELETE CASCADE,"
  "  prior REAL NOT NULL CHECK (prior BETWEEN 0 AND 1),"
  "  learn REAL NOT NULL CHECK (learn BETWEEN 0 AND 1),"
  "  guess REAL NOT NULL CHECK (guess BETWEEN 0 AND 1),"
  "  slip REAL NOT NULL CHECK (slip BETWEEN 0 AND 1),"
  "  forget REAL NOT NULL DEFAULT 0 CHECK (forget BETWEEN 0 AND 1),"
  "  extra TEXT,"
  "  pooled INTEGER NOT NULL DEFAULT 0 CHECK (pooled IN (0, 1)),"
  "  n_evidence INTEGER NOT NULL DEFAULT 0,"
  "  fitted_at TEXT NOT NULL"
  ");"

  "CREATE TABLE mastery_state ("
  "  learner_id INTEGER NOT NULL REFERENCES learners (id) ON DELETE CASCADE,"
  "  skill_id INTEGER NOT NULL REFERENCES skills (id) ON DELETE CASCADE,"
  "  p_known REAL NOT NULL CHECK (p_known BETWEEN 0 AND 1),"
  "  p_correct REAL NOT NULL CHECK (p_correct BETWEEN 0 AND 1),"
  "  n_evidence INTEGER NOT NULL DEFAULT 0,"
  "  explanation TEXT,"
  "  updated_at TEXT NOT NULL,"
  "  PRIMARY KEY (learner_id, skill_id)"
  ") WITHOUT ROWID;"
  "CREATE INDEX mastery_state_skill ON mastery_state (skill_id, p_known);"

  /*
   * Recommendations and the teacher's decisions.  `key` identifies the
   * suggestion (kind + target) and `evidence_hash` the evidence it rests on,
   * so a dismissed suggestion returns only when its evidence changes.
   */
  "CREATE TABLE recommendations ("
  "  id INTEGER PRIMARY KEY,"
  "  kind TEXT NOT NULL CHECK (kind IN ('needs_help', 'small_group', 'behind_milestone',"
  "    'ready_for_more', 'peer_pair', 'conference_due', 'profile_stale', 'goal_overdue', 'equity')),"
  "  key TEXT NOT NULL,"
  "  skill_id INTEGER REFERENCES skills (id) ON DELETE CASCADE,"
  "  node_id INTEGER REFERENCES nodes (id) ON DELETE CASCADE,"
  "  reason TEXT NOT NULL,"
  "  evidence TEXT,"
  "  evidence_hash TEXT,"
  "  confidence REAL CHECK (confidence IS NULL OR confidence BETWEEN 0 AND 1),"
  "  created_at TEXT NOT NULL,"
  "  decision TEXT CHECK (decision IS NULL OR decision IN ('accepted', 'dismissed', 'snoozed')),"
  "  decision_reason TEXT,"
  "  decided_at TEXT,"
  "  snoozed_until TEXT"
  ");"
  "CREATE INDEX recommendations_key ON recommendations (key, decided_at);"

  "CREATE TABLE recommendation_learners ("
  "  recommendation_id INTEGER NOT NULL REFERENCES recommendations (id) ON DELETE CASCADE,"
  "  learner_id INTEGER NOT NULL REFERENCES learners (id) ON DELETE CASCADE,"
  "  PRIMARY KEY (recommendation_id, learner_id)"
  ") WITHOUT ROWID;"
  "CREATE INDEX recommendation_learners_learner ON recommendation_learners (learner_id);"

  /* Small groups and peer pairs the teacher formed (often from a suggestion). */
  "CREATE TABLE groups ("
  "  id INTEGER PRIMARY KEY,"
  "  kind TEXT NOT NULL DEFAULT 'small_group' CHECK (kind IN ('small_group', 'pair')),"
  "  title TEXT NOT NULL,"
  "  skill_id INTEGER REFERENCES skills (id) ON DELETE SET NULL,"
  "  node_id INTEGER REFERENCES nodes (id) ON DELETE SET NULL,"
  "  recommendation_id INTEGER REFERENCES recommendations (id) ON DELETE SET NULL,"
  "  note TEXT,"
  "  created_on TEXT NOT NULL"
  ");"

  "CREATE TABLE group_members ("
  "  group_id INTEGER NOT NULL REFERENCES groups (id) ON DELETE CASCADE,"
  "  learner_id INTEGER NOT NULL REFERENCES learners (id) ON DELETE CASCADE,"
  "  checked_in INTEGER NOT NULL DEFAULT 0 CHECK (checked_in IN (0, 1)),"
  "  PRIMARY KEY (group_id, learner_id)"
  ") WITHOUT ROWID;"
  "CREATE INDEX group_members_learner ON group_members (learner_id);"

  /* Learner agency surveys: items, administrations and responses. */
  "CREATE TABLE surveys ("
  "  id INTEGER PRIMARY KEY,"
  "  title TEXT NOT NULL CHECK (length (title) > 0),"
  "  created_on TEXT NOT NULL"
  ");"

  "CREATE TABLE survey_items ("
  "  id INTEGER PRIMARY KEY,"
  "  survey_id INTEGER NOT NULL REFERENCES surveys (id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL DEFAULT 0,"
  "  prompt TEXT NOT NULL CHECK (length (prompt) > 0),"
  "  scale_min INTEGER NOT NULL DEFAULT 1,"
  "  scale_max INTEGER NOT NULL DEFAULT 4,"
  "  CHECK (scale_min < scale_max)"
  ");"
  "CREATE INDEX survey_items_survey ON survey_items (survey_id, position);"

  "CREATE TABLE survey_administrations ("
  "  id INTEGER PRIMARY KEY,"
  "  survey_id INTEGER NOT NULL REFERENCES surveys (id) ON DELETE CASCADE,"
  "  administered_on TEXT NOT NULL"
  ");"
  "CREATE INDEX survey_administrations_survey ON survey_administrations (survey_id, administered_on);"

  "CREATE TABLE survey_responses ("
  "  administration_id INTEGER NOT NULL REFERENCES survey_administrations (id) ON DELETE CASCADE,"
  "  item_id INTEGER NOT NULL REFERENCES survey_items (id) ON DELETE CASCADE,"
  "  learner_id INTEGER NOT NULL REFERENCES learners (id) ON DELETE CASCADE,"
  "  value INTEGER NOT NULL,"
  "  PRIMARY KEY (administration_id, item_id, learner_id)"
  ") WITHOUT ROWID;"
  "CREATE INDEX survey_responses_learner ON survey_responses (learner_id);"
  ;

/*
 * Forward migrations, NULL-terminated: migrations[i] takes a file from
 * version i + 1 to version i + 2.  Version 1 is the first released format, so there are none
 * yet; tests register their own through trellis_schema_set_test_migrations().
 */
static const char * const builtin_migrations[] = {
  NULL,
};

static const char * const *test_migrations;
static guint n_test_migrations;

static guint
count_builtin_migrations (void)
{
  guint n = 0;

  while (builtin_migrations[n] != NULL)
    n++;

  return n;
}

const char *
trellis_schema_get_sql (void)
{
  return schema_v1;
}

guint
trellis_schema_get_version (void)
{
  if (test_migrations != NULL)
    return 1 + n_test_migrations;

  return 1 + count_builtin_migrations ();
}

const char *
trellis_schema_get_migration (guint from_version)
{
  g_return_val_if_fail (from_version >= 1, NULL);

  if (test_migrations != NULL)
    return from_version - 1 < n_test_migrations ? test_migrations[from_version - 1] : NULL;

  if (from_version - 1 < count_builtin_migrations ())
    return builtin_migrations[from_version - 1];

  return NULL;
}

void
trellis_schema_set_test_migrations (const char * const *migrations,
                                    guint               n_migrations)
{
  test_migrations = migrations;
  n_test_migrations = n_migrations;
}

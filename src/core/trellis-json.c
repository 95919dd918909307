/* trellis-json.c
 *
 * Copyright 2026 The Trellis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "trellis-json.h"

/*
 * Rows become JSON objects whose keys are the column names of the query
 * (so the SQL below is the documentation of the keys), NULL becomes null.
 */

static void
add_column_value (JsonBuilder  *builder,
                  sqlite3_stmt *stmt,
                  int           column)
{
  switch (sqlite3_column_type (stmt, column))
    {
    case SQLITE_INTEGER:
      json_builder_add_int_value (builder, sqlite3_column_int64 (stmt, column));
      break;

    case SQLITE_FLOAT:
      json_builder_add_double_value (builder, sqlite3_column_double (stmt, column));
      break;

    case SQLITE_TEXT:
      json_builder_add_string_value (builder, (const char *)sqlite3_column_text (stmt, column));
      break;

    case SQLITE_NULL:
    case SQLITE_BLOB:
    default:
      json_builder_add_null_value (builder);
      break;
    }
}

static void
add_row_members (JsonBuilder  *builder,
                 sqlite3_stmt *stmt)
{
  int n = sqlite3_column_count (stmt);

  for (int i = 0; i < n; i++)
    {
      json_builder_set_member_name (builder, sqlite3_column_name (stmt, i));
      add_column_value (builder, stmt, i);
    }
}

/* Binds ?1 (and ?2 when @id2 >= 0) and runs @sql. */
static sqlite3_stmt *
query (TrellisClassroom  *classroom,
       const char        *sql,
       gint64             id1,
       gint64             id2,
       GError           **error)
{
  sqlite3_stmt *stmt = trellis_classroom_prepare (classroom, sql, error);

  if (stmt == NULL)
    return NULL;

  if (sqlite3_bind_parameter_count (stmt) >= 1)
    sqlite3_bind_int64 (stmt, 1, id1);
  if (sqlite3_bind_parameter_count (stmt) >= 2)
    sqlite3_bind_int64 (stmt, 2, id2);

  return stmt;
}

/* Adds an array with one object per row of @sql. */
static gboolean
add_rows (JsonBuilder       *builder,
          TrellisClassroom  *classroom,
          const char        *sql,
          gint64             id,
          GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = query (classroom, sql, id, -1, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  json_builder_begin_array (builder);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      json_builder_begin_object (builder);
      add_row_members (builder, stmt);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  if (rc != SQLITE_DONE)
    {
      trellis_classroom_set_db_error (classroom, rc, error);
      return FALSE;
    }

  return TRUE;
}

/* Adds an array of the first column's values of @sql. */
static gboolean
add_values (JsonBuilder       *builder,
            TrellisClassroom  *classroom,
            const char        *sql,
            gint64             id,
            GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = query (classroom, sql, id, -1, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  json_builder_begin_array (builder);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    add_column_value (builder, stmt, 0);
  json_builder_end_array (builder);

  if (rc != SQLITE_DONE)
    {
      trellis_classroom_set_db_error (classroom, rc, error);
      return FALSE;
    }

  return TRUE;
}

/* Adds the members of the single row @sql returns for @id. */
static gboolean
add_single_row (JsonBuilder       *builder,
                TrellisClassroom  *classroom,
                const char        *sql,
                gint64             id,
                GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = query (classroom, sql, id, -1, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      trellis_classroom_set_db_error (classroom, rc, error);
      return FALSE;
    }

  add_row_members (builder, stmt);
  return TRUE;
}

static JsonNode *
finish (JsonBuilder *builder,
        gboolean     ok)
{
  return ok ? json_builder_get_root (builder) : NULL;
}

/**
 * trellis_json_info:
 *
 * Keys: name, format_version, learners, playlists, skills, nodes, evidence,
 * goals, conferences, reflections, gradebook_items, integrity.
 */
JsonNode *
trellis_json_info (TrellisClassroom *classroom)
{
  static const char * const counted[] = {
    "learners", "playlists", "skills", "nodes", "evidence",
    "goals", "conferences", "reflections", "gradebook_items",
  };
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *integrity = NULL;

  g_return_val_if_fail (TRELLIS_IS_CLASSROOM (classroom), NULL);

  integrity = trellis_classroom_check_integrity (classroom);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, trellis_classroom_get_name (classroom));
  json_builder_set_member_name (builder, "format_version");
  json_builder_add_int_value (builder, trellis_classroom_get_format_version (classroom));
  for (guint i = 0; i < G_N_ELEMENTS (counted); i++)
    {
      json_builder_set_member_name (builder, counted[i]);
      json_builder_add_int_value (builder, trellis_classroom_count (classroom, counted[i]));
    }
  json_builder_set_member_name (builder, "integrity");
  json_builder_add_string_value (builder, integrity);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/**
 * trellis_json_list:
 * @what: "learners", "playlists" or "skills"
 */
JsonNode *
trellis_json_list (TrellisClassroom  *classroom,
                   const char        *what,
                   GError           **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  const char *sql;

  g_return_val_if_fail (TRELLIS_IS_CLASSROOM (classroom), NULL);

  if (g_strcmp0 (what, "learners") == 0)
    sql = "SELECT id, name, preferred_name, pronouns, sis_id, self_regulation "
          "FROM learners WHERE trashed = 0 ORDER BY name COLLATE NOCASE, id";
  else if (g_strcmp0 (what, "playlists") == 0)
    sql = "SELECT p.id, p.title, p.starts_on, p.ends_on, "
          "  (SELECT count(*) FROM nodes n WHERE n.playlist_id = p.id) AS nodes "
          "FROM playlists p ORDER BY p.position, p.id";
  else if (g_strcmp0 (what, "skills") == 0)
    sql = "SELECT id, code, name FROM skills ORDER BY position, code";
  else
    {
      g_set_error (error, TRELLIS_CLASSROOM_ERROR, TRELLIS_CLASSROOM_ERROR_INVALID,
                   _("Cannot list “%s”: choose learners, playlists or skills"), what);
      return NULL;
    }

  return finish (builder, add_rows (builder, classroom, sql, 0, error));
}

static const char * const profile_kinds[] = {
  "interest", "strength", "preference", "experience", "need",
};

/**
 * trellis_json_learner:
 *
 * The learner's whole record: identity, profile entries by kind, goals with
 * their revision history and skills, reflections, conferences (newest
 * first), progress, choices and evidence.
 */
JsonNode *
trellis_json_learner (TrellisClassroom  *classroom,
                      const char        *name_or_id,
                      GError           **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(sqlite3_stmt) goals = NULL;
  TrellisLearner *learner;
  gint64 id;
  int rc;

  g_return_val_if_fail (TRELLIS_IS_CLASSROOM (classroom), NULL);

  learner = trellis_classroom_find_learner (classroom, name_or_id, error);
  if (learner == NULL)
    return NULL;
  id = trellis_learner_get_id (learner);

  json_builder_begin_object (builder);
  if (!add_single_row (builder, classroom,
                       "SELECT id, name, preferred_name, pronouns, sis_id, login, email, "
                       "self_regulation, created_at FROM learners WHERE id = ?1",
                       id, error))
    return NULL;

  json_builder_set_member_name (builder, "profile");
  json_builder_begin_object (builder);
  for (guint i = 0; i < G_N_ELEMENTS (profile_kinds); i++)
    {
      g_autoptr(sqlite3_stmt) stmt = NULL;

      json_builder_set_member_name (builder, profile_kinds[i]);
      json_builder_begin_array (builder);
      stmt = trellis_classroom_prepare (classroom,
                                        "SELECT id, text, revisited_on FROM profile_entries "
                                        "WHERE learner_id = ?1 AND kind = ?2 ORDER BY position, id",
                                        error);
      if (stmt == NULL)
        return NULL;
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_text (stmt, 2, profile_kinds[i], -1, SQLITE_STATIC);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          json_builder_begin_object (builder);
          add_row_members (builder, stmt);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
    }
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "goals");
  json_builder_begin_array (builder);
  goals = query (classroom,
                 "SELECT id, title, success_criteria, target_date, status, created_on, updated_on "
                 "FROM goals WHERE learner_id = ?1 ORDER BY created_on, id",
                 id, -1, error);
  if (goals == NULL)
    return NULL;
  while ((rc = sqlite3_step (goals)) == SQLITE_ROW)
    {
      gint64 goal_id = sqlite3_column_int64 (goals, 0);

      json_builder_begin_object (builder);
      add_row_members (builder, goals);
      json_builder_set_member_name (builder, "skills");
      if (!add_values (builder, classroom,
                       "SELECT s.code FROM goal_skills g JOIN skills s ON s.id = g.skill_id "
                       "WHERE g.goal_id = ?1 ORDER BY s.code",
                       goal_id, error))
        return NULL;
      json_builder_set_member_name (builder, "history");
      if (!add_rows (builder, classroom,
                     "SELECT changed_on, old_title, old_success_criteria, old_target_date, "
                     "old_status, new_status, reason FROM goal_revisions "
                     "WHERE goal_id = ?1 ORDER BY changed_on, id",
                     goal_id, error))
        return NULL;
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  if (rc != SQLITE_DONE)
    {
      trellis_classroom_set_db_error (classroom, rc, error);
      return NULL;
    }

  json_builder_set_member_name (builder, "reflections");
  if (!add_rows (builder, classroom,
                 "SELECT id, written_on, text, author, goal_id, node_id, conference_id "
                 "FROM reflections WHERE learner_id = ?1 ORDER BY written_on DESC, id DESC",
                 id, error))
    return NULL;

  json_builder_set_member_name (builder, "conferences");
  if (!add_rows (builder, classroom,
                 "SELECT id, held_on, notes, next_steps, duration_seconds "
                 "FROM conferences WHERE learner_id = ?1 ORDER BY held_on DESC, id DESC",
                 id, error))
    return NULL;

  json_builder_set_member_name (builder, "progress");
  if (!add_rows (builder, classroom,
                 "SELECT n.playlist_id, p.node_id, n.title AS node_title, p.status, p.format, "
                 "p.checkin_on, p.checkin_note, p.updated_at FROM progress p "
                 "JOIN nodes n ON n.id = p.node_id WHERE p.learner_id = ?1 "
                 "ORDER BY n.playlist_id, n.id",
                 id, error))
    return NULL;

  json_builder_set_member_name (builder, "choices");
  if (!add_rows (builder, classroom,
                 "SELECT n.parent_id AS group_id, c.option_id, n.title AS option_title, c.chosen_at "
                 "FROM choices c JOIN nodes n ON n.id = c.option_id WHERE c.learner_id = ?1 "
                 "ORDER BY n.parent_id, n.position, n.id",
                 id, error))
    return NULL;

  json_builder_set_member_name (builder, "evidence");
  if (!add_rows (builder, classroom,
                 "SELECT e.id, s.code AS skill, e.node_id, g.title AS item, e.observed_at, e.kind, "
                 "e.score, e.max_score, e.source, e.note FROM evidence e "
                 "LEFT JOIN skills s ON s.id = e.skill_id "
                 "LEFT JOIN gradebook_items g ON g.id = e.item_id "
                 "WHERE e.learner_id = ?1 ORDER BY e.observed_at, e.id",
                 id, error))
    return NULL;

  json_builder_set_member_name (builder, "mastery");
  if (!add_rows (builder, classroom,
                 "SELECT s.code AS skill, m.p_known, m.p_correct, m.n_evidence, m.explanation "
                 "FROM mastery_state m JOIN skills s ON s.id = m.skill_id "
                 "WHERE m.learner_id = ?1 ORDER BY s.code",
                 id, error))
    return NULL;

  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

#define NODE_COLUMNS \
  "id, uid, kind, title, instructions, resource_url, estimated_minutes, social_mode, " \
  "choose_min AS min, choose_max AS max, suggested_date, target_date, must_show, is_starter, is_challenge"

static gboolean
add_nodes (JsonBuilder       *builder,
           TrellisClassroom  *classroom,
           gint64             playlist_id,
           gint64             parent_id,
           GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (parent_id < 0)
    stmt = query (classroom,
                  "SELECT " NODE_COLUMNS " FROM nodes WHERE playlist_id = ?1 AND parent_id IS NULL "
                  "ORDER BY position, id",
                  playlist_id, -1, error);
  else
    stmt = query (classroom,
                  "SELECT " NODE_COLUMNS " FROM nodes WHERE parent_id = ?1 ORDER BY position, id",
                  parent_id, -1, error);
  if (stmt == NULL)
    return FALSE;

  json_builder_begin_array (builder);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 node_id = sqlite3_column_int64 (stmt, 0);

      json_builder_begin_object (builder);
      add_row_members (builder, stmt);
      json_builder_set_member_name (builder, "formats");
      if (!add_values (builder, classroom,
                       "SELECT format FROM node_formats WHERE node_id = ?1 ORDER BY position, format",
                       node_id, error))
        return FALSE;
      json_builder_set_member_name (builder, "skills");
      if (!add_values (builder, classroom,
                       "SELECT s.code FROM node_skills n JOIN skills s ON s.id = n.skill_id "
                       "WHERE n.node_id = ?1 ORDER BY s.code",
                       node_id, error))
        return FALSE;
      if (g_strcmp0 ((const char *)sqlite3_column_text (stmt, 2), "choice") == 0)
        {
          json_builder_set_member_name (builder, "children");
          if (!add_nodes (builder, classroom, playlist_id, node_id, error))
            return FALSE;
        }
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  if (rc != SQLITE_DONE)
    {
      trellis_classroom_set_db_error (classroom, rc, error);
      return FALSE;
    }

  return TRUE;
}

/**
 * trellis_json_playlist:
 *
 * The playlist with its nodes in order (choice groups with their children),
 * its skills, and every learner's progress and choices on it.
 */
JsonNode *
trellis_json_playlist (TrellisClassroom  *classroom,
                       const char        *name_or_id,
                       GError           **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  TrellisPlaylist *playlist;
  gint64 id;

  g_return_val_if_fail (TRELLIS_IS_CLASSROOM (classroom), NULL);

  playlist = trellis_classroom_find_playlist (classroom, name_or_id, error);
  if (playlist == NULL)
    return NULL;
  id = trellis_playlist_get_id (playlist);

  json_builder_begin_object (builder);
  if (!add_single_row (builder, classroom,
                       "SELECT id, uid, title, description, starts_on, ends_on FROM playlists WHERE id = ?1",
                       id, error))
    return NULL;

  json_builder_set_member_name (builder, "skills");
  if (!add_values (builder, classroom,
                   "SELECT s.code FROM playlist_skills p JOIN skills s ON s.id = p.skill_id "
                   "WHERE p.playlist_id = ?1 ORDER BY s.position, s.code",
                   id, error))
    return NULL;

  json_builder_set_member_name (builder, "nodes");
  if (!add_nodes (builder, classroom, id, -1, error))
    return NULL;

  json_builder_set_member_name (builder, "progress");
  if (!add_rows (builder, classroom,
                 "SELECT p.learner_id, l.name AS learner, p.node_id, p.status, p.format, "
                 "p.checkin_on, p.checkin_note FROM progress p "
                 "JOIN nodes n ON n.id = p.node_id JOIN learners l ON l.id = p.learner_id "
                 "WHERE n.playlist_id = ?1 AND l.trashed = 0 ORDER BY l.name, l.id, n.id",
                 id, error))
    return NULL;

  json_builder_set_member_name (builder, "choices");
  if (!add_rows (builder, classroom,
                 "SELECT c.learner_id, n.parent_id AS group_id, c.option_id FROM choices c "
                 "JOIN nodes n ON n.id = c.option_id JOIN learners l ON l.id = c.learner_id "
                 "WHERE n.playlist_id = ?1 AND l.trashed = 0 ORDER BY c.learner_id, n.parent_id, n.position",
                 id, error))
    return NULL;

  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/**
 * trellis_json_skill:
 *
 * A skill by id, code or name: its prerequisites, the skills that need it,
 * the nodes that show it, and how much evidence there is.
 */
JsonNode *
trellis_json_skill (TrellisClassroom  *classroom,
                    const char        *name_or_id,
                    GError           **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  TrellisSkill *skill;
  gint64 id;

  g_return_val_if_fail (TRELLIS_IS_CLASSROOM (classroom), NULL);

  skill = trellis_classroom_find_skill (classroom, name_or_id, error);
  if (skill == NULL)
    return NULL;
  id = trellis_skill_get_id (skill);

  json_builder_begin_object (builder);
  if (!add_single_row (builder, classroom,
                       "SELECT id, code, name, description, "
                       "  (SELECT count(*) FROM evidence e JOIN learners l ON l.id = e.learner_id "
                       "   WHERE e.skill_id = skills.id AND l.trashed = 0) AS evidence "
                       "FROM skills WHERE id = ?1",
                       id, error))
    return NULL;

  json_builder_set_member_name (builder, "prerequisites");
  if (!add_values (builder, classroom,
                   "SELECT s.code FROM skill_prerequisites p JOIN skills s ON s.id = p.prerequisite_id "
                   "WHERE p.skill_id = ?1 ORDER BY s.code",
                   id, error))
    return NULL;

  json_builder_set_member_name (builder, "required_by");
  if (!add_values (builder, classroom,
                   "SELECT s.code FROM skill_prerequisites p JOIN skills s ON s.id = p.skill_id "
                   "WHERE p.prerequisite_id = ?1 ORDER BY s.code",
                   id, error))
    return NULL;

  json_builder_set_member_name (builder, "nodes");
  if (!add_rows (builder, classroom,
                 "SELECT n.id, n.playlist_id, n.title FROM node_skills k JOIN nodes n ON n.id = k.node_id "
                 "WHERE k.skill_id = ?1 ORDER BY n.playlist_id, n.id",
                 id, error))
    return NULL;

  json_builder_set_member_name (builder, "mastery");
  if (!add_rows (builder, classroom,
                 "SELECT m.learner_id, m.p_known, m.p_correct, m.n_evidence FROM mastery_state m "
                 "JOIN learners l ON l.id = m.learner_id WHERE m.skill_id = ?1 AND l.trashed = 0 "
                 "ORDER BY m.learner_id",
                 id, error))
    return NULL;

  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

char *
trellis_json_to_string (JsonNode *node)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, node);

  return json_generator_to_data (generator, NULL);
}

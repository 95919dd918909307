/* trellis-skill-list.c
 *
 * Copyright 2026 The Trellis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trellis-skill-list"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "trellis-classroom-private.h"
#include "trellis-csv.h"
#include "trellis-skill-list.h"
#include "trellis-store-private.h"

/*
 * The classroom's skill list beyond adding, renaming and deleting one skill
 * (trellis-classroom-curriculum.c): which skills a skill builds on, and
 * importing a whole list from a CSV file.
 *
 * Prerequisites live in `skill_prerequisites` and, for the app, in each
 * TrellisSkill's prerequisite-ids (read with the classroom, changed only
 * after a committed edit).  They form a directed graph that must stay
 * acyclic: every edit builds the graph as it would be afterwards and looks
 * for a circle before writing anything.  A prerequisite edit never moves a
 * skill in the list, so the skills model emits items-changed only when an
 * import adds skills (one insertion each); edited skills notify.
 */

G_DEFINE_QUARK (trellis-skill-list-error-quark, trellis_skill_list_error)

/* ------------------------------------------------------------------ */
/* Helpers                                                             */

static TrellisSkill *
lookup_code (TrellisClassroom *self,
             const char       *code)
{
  GListModel *model = G_LIST_MODEL (self->skills);
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      TrellisSkill *skill = g_list_model_get_item (model, i);

      g_object_unref (skill);  /* the store keeps it */
      if (g_strcmp0 (trellis_skill_get_code (skill), code) == 0)
        return skill;
    }

  return NULL;
}

static int
compare_skill_pointers (gconstpointer a,
                        gconstpointer b)
{
  return trellis_skill_compare (*(gconstpointer *)a, *(gconstpointer *)b, NULL);
}

/* NFC, stripped; "" for NULL or invalid text (the callers refuse ""). */
static char *
normalize (const char *text)
{
  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return g_strdup ("");

  return g_strstrip (g_utf8_normalize (text, -1, G_NORMALIZE_DEFAULT_COMPOSE));
}

/*
 * A directed graph over skills: vertex i builds on the vertices in
 * edges[i].  Used to refuse circles before anything is written.
 */
typedef struct
{
  GPtrArray *codes;   /* (element-type utf8) owned */
  GPtrArray *edges;   /* (element-type GArray of guint) */
} Graph;

static void
graph_init (Graph *graph)
{
  graph->codes = g_ptr_array_new_with_free_func (g_free);
  graph->edges = g_ptr_array_new_with_free_func ((GDestroyNotify)g_array_unref);
}

static void
graph_clear (Graph *graph)
{
  g_clear_pointer (&graph->codes, g_ptr_array_unref);
  g_clear_pointer (&graph->edges, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Graph, graph_clear)

static guint
graph_add (Graph      *graph,
           const char *code)
{
  g_ptr_array_add (graph->codes, g_strdup (code));
  g_ptr_array_add (graph->edges, g_array_new (FALSE, FALSE, sizeof (guint)));

  return graph->codes->len - 1;
}

static void
graph_link (Graph *graph,
            guint  from,
            guint  to)
{
  g_array_append_val (g_ptr_array_index (graph->edges, from), to);
}

enum { WHITE, GREY, BLACK };

static gboolean
visit (Graph  *graph,
       guint   v,
       guint8 *colour,
       guint  *parent,
       GArray *cycle)
{
  GArray *edges = g_ptr_array_index (graph->edges, v);

  colour[v] = GREY;
  for (guint i = 0; i < edges->len; i++)
    {
      guint w = g_array_index (edges, guint, i);

      if (colour[w] == GREY)
        {
          /* w … v → w: walk back from v to w. */
          g_array_append_val (cycle, w);
          for (guint u = v; u != w; u = parent[u])
            g_array_insert_val (cycle, 1, u);
          g_array_append_val (cycle, w);
          return TRUE;
        }
      if (colour[w] == WHITE)
        {
          parent[w] = v;
          if (visit (graph, w, colour, parent, cycle))
            return TRUE;
        }
    }
  colour[v] = BLACK;

  return FALSE;
}

/*
 * Looks for a circle.
 *
 * Returns: (transfer full) (nullable): the circle as vertices v0 … vn = v0,
 *   each building on the next, or %NULL if there is none
 */
static GArray *
graph_find_cycle (Graph *graph)
{
  g_autofree guint8 *colour = g_new0 (guint8, graph->codes->len + 1);
  g_autofree guint *parent = g_new0 (guint, graph->codes->len + 1);
  g_autoptr(GArray) cycle = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint v = 0; v < graph->codes->len; v++)
    if (colour[v] == WHITE && visit (graph, v, colour, parent, cycle))
      return g_steal_pointer (&cycle);

  return NULL;
}

/* "A → B → A" */
static char *
format_cycle (Graph  *graph,
              GArray *cycle)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < cycle->len; i++)
    {
      if (i > 0)
        g_string_append (text, " → ");
      g_string_append (text, g_ptr_array_index (graph->codes, g_array_index (cycle, guint, i)));
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* The classroom's skills as a graph, vertex i = item i of the skill list. */
static void
graph_from_classroom (TrellisClassroom *self,
                      Graph            *graph,
                      GHashTable       *index_of_id)
{
  GListModel *model = G_LIST_MODEL (self->skills);
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TrellisSkill) skill = g_list_model_get_item (model, i);
      gint64 *key = g_new (gint64, 1);

      *key = trellis_skill_get_id (skill);
      g_hash_table_insert (index_of_id, key, GUINT_TO_POINTER (graph_add (graph, trellis_skill_get_code (skill))));
    }
}

/* Links each vertex of the classroom's skills to its stored prerequisites. */
static void
graph_link_stored (TrellisClassroom *self,
                   Graph            *graph,
                   GHashTable       *index_of_id,
                   TrellisSkill     *except)
{
  GListModel *model = G_LIST_MODEL (self->skills);
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TrellisSkill) skill = g_list_model_get_item (model, i);
      const gint64 *ids;
      guint n_ids;

      if (skill == except)
        continue;

      ids = trellis_skill_get_prerequisite_ids (skill, &n_ids);
      for (guint k = 0; k < n_ids; k++)
        {
          gpointer to;

          if (g_hash_table_lookup_extended (index_of_id, &ids[k], NULL, &to))
            graph_link (graph, i, GPOINTER_TO_UINT (to));
        }
    }
}

static gboolean
write_prerequisites (TrellisClassroom  *self,
                     gint64             skill_id,
                     const gint64      *ids,
                     guint              n_ids,
                     GError           **error)
{
  g_autoptr(sqlite3_stmt) clear = NULL;
  g_autoptr(sqlite3_stmt) insert = NULL;

  clear = trellis_classroom_prepare (self, "DELETE FROM skill_prerequisites WHERE skill_id = ?1", error);
  if (clear == NULL)
    return FALSE;
  sqlite3_bind_int64 (clear, 1, skill_id);
  if (!trellis_classroom_step (self, clear, error))
    return FALSE;

  insert = trellis_classroom_prepare (self,
                                      "INSERT OR IGNORE INTO skill_prerequisites (skill_id, prerequisite_id) "
                                      "VALUES (?1, ?2)",
                                      error);
  if (insert == NULL)
    return FALSE;

  for (guint i = 0; i < n_ids; i++)
    {
      sqlite3_reset (insert);
      sqlite3_bind_int64 (insert, 1, skill_id);
      sqlite3_bind_int64 (insert, 2, ids[i]);
      if (!trellis_classroom_step (self, insert, error))
        return FALSE;
    }

  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Private API for trellis-classroom-curriculum.c                      */

gboolean
_trellis_classroom_load_skill_prerequisites (TrellisClassroom  *self,
                                             GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 current = 0;
  int rc;

  stmt = trellis_classroom_prepare (self,
                                    "SELECT skill_id, prerequisite_id FROM skill_prerequisites "
                                    "ORDER BY skill_id, prerequisite_id",
                                    error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 skill_id = sqlite3_column_int64 (stmt, 0);
      gint64 prerequisite_id = sqlite3_column_int64 (stmt, 1);

      if (skill_id != current && ids->len > 0)
        {
          TrellisSkill *skill = trellis_classroom_lookup_skill (self, current);

          if (skill != NULL)
            trellis_skill_set_prerequisite_ids (skill, (const gint64 *)(gpointer)ids->data, ids->len);
          g_array_set_size (ids, 0);
        }
      current = skill_id;
      g_array_append_val (ids, prerequisite_id);
    }

  if (rc != SQLITE_DONE)
    {
      trellis_classroom_set_db_error (self, rc, error);
      return FALSE;
    }

  if (ids->len > 0)
    {
      TrellisSkill *skill = trellis_classroom_lookup_skill (self, current);

      if (skill != NULL)
        trellis_skill_set_prerequisite_ids (skill, (const gint64 *)(gpointer)ids->data, ids->len);
    }

  return TRUE;
}

/* The skill with @id was deleted: the file dropped its links, so do the objects. */
void
_trellis_classroom_forget_skill_prerequisite (TrellisClassroom *self,
                                              gint64            id)
{
  GListModel *model = G_LIST_MODEL (self->skills);
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TrellisSkill) skill = g_list_model_get_item (model, i);
      g_autoptr(GArray) kept = NULL;
      const gint64 *ids;
      guint n_ids;

      if (!trellis_skill_has_prerequisite (skill, id))
        continue;

      ids = trellis_skill_get_prerequisite_ids (skill, &n_ids);
      kept = g_array_sized_new (FALSE, FALSE, sizeof (gint64), n_ids);
      for (guint k = 0; k < n_ids; k++)
        if (ids[k] != id)
          g_array_append_val (kept, ids[k]);
      trellis_skill_set_prerequisite_ids (skill, (const gint64 *)(gpointer)kept->data, kept->len);
    }
}

/* ------------------------------------------------------------------ */
/* Prerequisites                                                       */

/**
 * trellis_classroom_dup_skill_prerequisites:
 *
 * Returns: (transfer full) (element-type TrellisSkill): the skills @skill
 *   builds on, in skill-list order
 */
GPtrArray *
trellis_classroom_dup_skill_prerequisites (TrellisClassroom *self,
                                           TrellisSkill     *skill)
{
  g_autoptr(GPtrArray) skills = g_ptr_array_new_with_free_func (g_object_unref);
  const gint64 *ids;
  guint n_ids;

  g_return_val_if_fail (TRELLIS_IS_CLASSROOM (self), NULL);
  g_return_val_if_fail (TRELLIS_IS_SKILL (skill), NULL);

  ids = trellis_skill_get_prerequisite_ids (skill, &n_ids);
  for (guint i = 0; i < n_ids; i++)
    {
      TrellisSkill *prerequisite = trellis_classroom_lookup_skill (self, ids[i]);

      if (prerequisite != NULL)
        g_ptr_array_add (skills, g_object_ref (prerequisite));
    }
  g_ptr_array_sort (skills, compare_skill_pointers);

  return g_steal_pointer (&skills);
}

/**
 * trellis_classroom_dup_skill_dependents:
 *
 * Returns: (transfer full) (element-type TrellisSkill): the skills that
 *   build directly on @skill, in skill-list order
 */
GPtrArray *
trellis_classroom_dup_skill_dependents (TrellisClassroom *self,
                                        TrellisSkill     *skill)
{
  g_autoptr(GPtrArray) skills = g_ptr_array_new_with_free_func (g_object_unref);
  GListModel *model;
  guint n;

  g_return_val_if_fail (TRELLIS_IS_CLASSROOM (self), NULL);
  g_return_val_if_fail (TRELLIS_IS_SKILL (skill), NULL);

  model = G_LIST_MODEL (self->skills);
  n = g_list_model_get_n_items (model);
  for (guint i = 0; i < n; i++)
    {
      TrellisSkill *other = g_list_model_get_item (model, i);

      if (trellis_skill_has_prerequisite (other, trellis_skill_get_id (skill)))
        g_ptr_array_add (skills, other);
      else
        g_object_unref (other);
    }

  return g_steal_pointer (&skills);
}

/**
 * trellis_classroom_set_skill_prerequisites:
 * @prerequisites: (nullable) (element-type TrellisSkill): skills of @self
 *
 * Replaces the skills @skill builds on (one transaction).  A skill named
 * as its own prerequisite is refused with %TRELLIS_SKILL_LIST_ERROR_SELF,
 * a set that would make prerequisites go round in a circle with
 * %TRELLIS_SKILL_LIST_ERROR_CYCLE, and a skill not in the classroom with
 * %TRELLIS_CLASSROOM_ERROR_NO_SUCH_ITEM; the file is then unchanged.  The
 * skill list keeps its items; @skill notifies
 * #TrellisSkill:prerequisite-ids if the set changed.
 */
gboolean
trellis_classroom_set_skill_prerequisites (TrellisClassroom  *self,
                                           TrellisSkill      *skill,
                                           GPtrArray         *prerequisites,
                                           GError           **error)
{
  g_auto(Graph) graph = { 0 };
  g_autoptr(GHashTable) index_of_id = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) cycle = NULL;
  guint position;
  gboolean written;

  g_return_val_if_fail (TRELLIS_IS_CLASSROOM (self), FALSE);
  g_return_val_if_fail (TRELLIS_IS_SKILL (skill), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!g_list_store_find (self->skills, skill, &position))
    return _trellis_set_not_found (error, _("The skill is no longer in this classroom"));

  for (guint i = 0; prerequisites != NULL && i < prerequisites->len; i++)
    {
      TrellisSkill *prerequisite = g_ptr_array_index (prerequisites, i);
      gint64 id;

      g_return_val_if_fail (TRELLIS_IS_SKILL (prerequisite), FALSE);

      if (!g_list_store_find (self->skills, prerequisite, NULL))
        return _trellis_set_not_found (error, _("The skill is no longer in this classroom"));

      if (prerequisite == skill)
        {
          g_set_error (error, TRELLIS_SKILL_LIST_ERROR, TRELLIS_SKILL_LIST_ERROR_SELF,
                       _("“%s” cannot be its own prerequisite"), trellis_skill_get_code (skill));
          return FALSE;
        }

      id = trellis_skill_get_id (prerequisite);
      g_array_append_val (ids, id);
    }

  /* The graph as it would be afterwards. */
  graph_init (&graph);
  index_of_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  graph_from_classroom (self, &graph, index_of_id);
  graph_link_stored (self, &graph, index_of_id, skill);
  for (guint i = 0; i < ids->len; i++)
    graph_link (&graph, position,
                GPOINTER_TO_UINT (g_hash_table_lookup (index_of_id, &g_array_index (ids, gint64, i))));

  cycle = graph_find_cycle (&graph);
  if (cycle != NULL)
    {
      g_autofree char *circle = format_cycle (&graph, cycle);

      g_set_error (error, TRELLIS_SKILL_LIST_ERROR, TRELLIS_SKILL_LIST_ERROR_CYCLE,
                   /* Translators: the second %s is a chain of skill codes, "A → B → A" */
                   _("“%s” cannot build on those skills: the prerequisites would go round in a circle (%s)"),
                   trellis_skill_get_code (skill), circle);
      return FALSE;
    }

  if (!trellis_classroom_begin (self, error))
    return FALSE;
  written = write_prerequisites (self, trellis_skill_get_id (skill),
                                 (const gint64 *)(gpointer)ids->data, ids->len, error);
  if (!_trellis_finish_edit (self, written, error))
    return FALSE;

  trellis_skill_set_prerequisite_ids (skill, (const gint64 *)(gpointer)ids->data, ids->len);
  return TRUE;
}

static gboolean
count_where (TrellisClassroom  *self,
             const char        *sql,
             gint64             id,
             gint64            *count,
             GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = trellis_classroom_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      trellis_classroom_set_db_error (self, rc, error);
      return FALSE;
    }

  *count = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

/**
 * trellis_classroom_count_skill_uses:
 * @uses: (out caller-allocates): the counts
 *
 * Counts what trellis_classroom_delete_skill() would delete with @skill,
 * so that the teacher can be told before.
 */
gboolean
trellis_classroom_count_skill_uses (TrellisClassroom  *self,
                                    TrellisSkill      *skill,
                                    TrellisSkillUses  *uses,
                                    GError           **error)
{
  gint64 id;

  g_return_val_if_fail (TRELLIS_IS_CLASSROOM (self), FALSE);
  g_return_val_if_fail (TRELLIS_IS_SKILL (skill), FALSE);
  g_return_val_if_fail (uses != NULL, FALSE);

  memset (uses, 0, sizeof *uses);
  id = trellis_skill_get_id (skill);

  return count_where (self, "SELECT count(*) FROM evidence WHERE skill_id = ?1", id, &uses->n_evidence, error) &&
         count_where (self, "SELECT count(*) FROM mastery_state WHERE skill_id = ?1", id, &uses->n_mastery, error) &&
         count_where (self, "SELECT count(*) FROM node_skills WHERE skill_id = ?1", id, &uses->n_nodes, error) &&
         count_where (self, "SELECT count(*) FROM playlist_skills WHERE skill_id = ?1", id, &uses->n_playlists, error) &&
         count_where (self, "SELECT count(*) FROM goal_skills WHERE skill_id = ?1", id, &uses->n_goals, error) &&
         count_where (self, "SELECT count(*) FROM skill_prerequisites WHERE prerequisite_id = ?1", id,
                      &uses->n_dependents, error);
}

/* ------------------------------------------------------------------ */
/* Import                                                              */

typedef struct
{
  guint         line;
  char         *code;
  char         *name;
  GPtrArray    *prerequisites;  /* (element-type utf8) codes; NULL without the column */
  TrellisSkill *existing;       /* (nullable) (unowned) */
  gint64        id;             /* the skill's id once written */
  guint         vertex;
} ImportRow;

static void
import_row_free (ImportRow *row)
{
  g_free (row->code);
  g_free (row->name);
  g_clear_pointer (&row->prerequisites, g_ptr_array_unref);
  g_free (row);
}

static gboolean
heading_is (const char         *field,
            const char * const *names)
{
  g_autofree char *clean = normalize (field);
  g_autofree char *folded = g_utf8_casefold (clean, -1);

  for (guint i = 0; names[i] != NULL; i++)
    if (strcmp (folded, names[i]) == 0)
      return TRUE;

  return FALSE;
}

static const char * const code_headings[] = { "code", "skill code", "standard code", NULL };
static const char * const name_headings[] = { "name", "skill name", "title", NULL };
static const char * const prerequisite_headings[] = {
  "prerequisites", "prerequisite codes", "prerequisite", "prerequisite code", "prereqs",
  "requires", NULL
};

/*
 * Reads the file with the separator that gives it columns: a comma, else a
 * tab or a semicolon (spreadsheets in some languages save those).  A file
 * the comma cannot read (a tab-separated one with commas in its names) is
 * tried with the others; if none reads it, the comma's error is the one
 * the teacher sees.
 */
static TrellisCsv *
parse_csv (const char  *data,
           gsize        length,
           const char  *name,
           GError     **error)
{
  static const char separators[] = { ',', '\t', ';' };
  g_autoptr(GError) comma_error = NULL;
  TrellisCsv *first = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (separators); i++)
    {
      TrellisCsv *csv = trellis_csv_parse (data, length, separators[i], TRELLIS_CSV_FLAGS_ALLOW_NO_ROWS,
                                           name, i == 0 ? &comma_error : NULL);

      if (csv == NULL)
        continue;

      if (trellis_csv_get_n_fields (csv, 0) >= 2)
        {
          trellis_csv_free (first);
          return csv;
        }

      if (first == NULL)
        first = csv;
      else
        trellis_csv_free (csv);
    }

  if (first == NULL)
    {
      if (comma_error != NULL)
        g_propagate_error (error, g_steal_pointer (&comma_error));
      else
        g_set_error (error, TRELLIS_SKILL_LIST_ERROR, TRELLIS_SKILL_LIST_ERROR_PARSE,
                     _("%s: not a CSV file"), name);
      return NULL;
    }

  g_set_error (error, TRELLIS_SKILL_LIST_ERROR, TRELLIS_SKILL_LIST_ERROR_PARSE,
               _("%s, line %u: a skill list needs at least two columns, code and name"),
               name, trellis_csv_get_line (first, 0));
  trellis_csv_free (first);
  return NULL;
}

/* Splits a cell of prerequisite codes on semicolons, commas and spaces. */
static GPtrArray *
split_codes (const char *cell)
{
  g_autoptr(GPtrArray) codes = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *clean = normalize (cell);
  g_auto(GStrv) parts = g_strsplit_set (clean, ";, \t\r\n", -1);

  for (guint i = 0; parts[i] != NULL; i++)
    if (*parts[i] != '\0')
      g_ptr_array_add (codes, g_strdup (parts[i]));

  return g_steal_pointer (&codes);
}

static gboolean
write_import (TrellisClassroom  *self,
              GPtrArray         *rows,
              GHashTable        *by_code,
              GError           **error)
{
  g_autoptr(sqlite3_stmt) max = NULL;
  g_autoptr(sqlite3_stmt) insert = NULL;
  g_autoptr(sqlite3_stmt) rename = NULL;
  gint64 position;
  int rc;

  max = trellis_classroom_prepare (self, "SELECT coalesce (max (position) + 1, 0) FROM skills", error);
  if (max == NULL)
    return FALSE;
  rc = sqlite3_step (max);
  if (rc != SQLITE_ROW)
    {
      trellis_classroom_set_db_error (self, rc, error);
      return FALSE;
    }
  position = sqlite3_column_int64 (max, 0);

  insert = trellis_classroom_prepare (self, "INSERT INTO skills (code, name, position) VALUES (?1, ?2, ?3)", error);
  rename = trellis_classroom_prepare (self, "UPDATE skills SET name = ?1 WHERE id = ?2", error);
  if (insert == NULL || rename == NULL)
    return FALSE;

  for (guint i = 0; i < rows->len; i++)
    {
      ImportRow *row = g_ptr_array_index (rows, i);

      if (row->existing == NULL)
        {
          sqlite3_reset (insert);
          sqlite3_bind_text (insert, 1, row->code, -1, SQLITE_TRANSIENT);
          sqlite3_bind_text (insert, 2, row->name, -1, SQLITE_TRANSIENT);
          sqlite3_bind_int64 (insert, 3, position++);
          if (!trellis_classroom_step (self, insert, error))
            return FALSE;
          row->id = sqlite3_last_insert_rowid (trellis_classroom_get_db (self));
        }
      else
        {
          row->id = trellis_skill_get_id (row->existing);
          if (g_strcmp0 (row->name, trellis_skill_get_name (row->existing)) == 0)
            continue;

          sqlite3_reset (rename);
          sqlite3_bind_text (rename, 1, row->name, -1, SQLITE_TRANSIENT);
          sqlite3_bind_int64 (rename, 2, row->id);
          if (!trellis_classroom_step (self, rename, error))
            return FALSE;
        }
    }

  /* Prerequisites once every skill of the file has its id. */
  for (guint i = 0; i < rows->len; i++)
    {
      ImportRow *row = g_ptr_array_index (rows, i);
      g_autoptr(GArray) ids = NULL;

      if (row->prerequisites == NULL)
        continue;

      ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      for (guint k = 0; k < row->prerequisites->len; k++)
        {
          const char *code = g_ptr_array_index (row->prerequisites, k);
          ImportRow *target = g_hash_table_lookup (by_code, code);
          gint64 id = target != NULL ? target->id : trellis_skill_get_id (lookup_code (self, code));

          g_array_append_val (ids, id);
        }

      if (!write_prerequisites (self, row->id, (const gint64 *)(gpointer)ids->data, ids->len, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
import_error (GError    **error,
              int         code,
              const char *format,
              ...) G_GNUC_PRINTF (3, 4);

static gboolean
import_error (GError    **error,
              int         code,
              const char *format,
              ...)
{
  va_list args;

  va_start (args, format);
  g_propagate_error (error, g_error_new_valist (TRELLIS_SKILL_LIST_ERROR, code, format, args));
  va_end (args);

  return FALSE;
}

/* The ids a file row's prerequisite codes stand for, for the objects. */
static GArray *
row_prerequisite_ids (TrellisClassroom *self,
                      ImportRow        *row,
                      GHashTable       *by_code)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint k = 0; k < row->prerequisites->len; k++)
    {
      const char *code = g_ptr_array_index (row->prerequisites, k);
      ImportRow *target = g_hash_table_lookup (by_code, code);
      gint64 id = target != NULL ? target->id : trellis_skill_get_id (lookup_code (self, code));

      g_array_append_val (ids, id);
    }

  return ids;
}

/**
 * trellis_classroom_import_skills_csv:
 * @data: the file's contents
 * @name: the file's name, for messages
 * @report: (out caller-allocates) (optional): what the import did
 *
 * Imports a skill list: one skill per row, columns code, name and
 * (optionally) prerequisite codes separated by semicolons, commas or
 * spaces.  A first row naming its columns ("code", "name",
 * "prerequisites"…, in any case) is a header and may put them in any
 * order, with other columns besides; without one the columns are taken in
 * that order.
 *
 * New codes are added at the end of the list; existing codes get the
 * file's name and, when the file has the prerequisites column, its
 * prerequisites instead of theirs.  Prerequisites may name skills of the
 * file (before or after) or of the classroom.
 *
 * Everything is checked first and written in one transaction: an empty
 * code or name, a code twice in the file, an unknown prerequisite, a
 * skill as its own prerequisite, prerequisites that go round in a circle
 * or a malformed file is an error that names the line, and the file is
 * then unchanged.
 */
gboolean
trellis_classroom_import_skills_csv (TrellisClassroom          *self,
                                     const char                *data,
                                     gsize                      length,
                                     const char                *name,
                                     TrellisSkillImportReport  *report,
                                     GError                   **error)
{
  g_autoptr(TrellisCsv) csv = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify)import_row_free);
  g_autoptr(GHashTable) by_code = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) index_of_id = NULL;
  g_autoptr(GArray) cycle = NULL;
  g_auto(Graph) graph = { 0 };
  TrellisSkillImportReport counts = { 0 };
  int code_column = 0, name_column = 1, prerequisite_column = -1;
  guint first_row = 0;
  guint n_fields;
  gboolean written;

  g_return_val_if_fail (TRELLIS_IS_CLASSROOM (self), FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);
  g_return_val_if_fail (name != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (report != NULL)
    memset (report, 0, sizeof *report);

  csv = parse_csv (data != NULL ? data : "", length, name, error);
  if (csv == NULL)
    return FALSE;

  /* A header names its columns. */
  n_fields = trellis_csv_get_n_fields (csv, 0);
  {
    int found_code = -1, found_name = -1, found_prerequisites = -1;

    for (guint f = 0; f < n_fields; f++)
      {
        const char *field = trellis_csv_get_field (csv, 0, f);

        if (found_code < 0 && heading_is (field, code_headings))
          found_code = (int)f;
        else if (found_name < 0 && heading_is (field, name_headings))
          found_name = (int)f;
        else if (found_prerequisites < 0 && heading_is (field, prerequisite_headings))
          found_prerequisites = (int)f;
      }

    if ((found_code >= 0) != (found_name >= 0))
      return import_error (error, TRELLIS_SKILL_LIST_ERROR_PARSE,
                           _("%s, line %u: the header needs a “code” and a “name” column"),
                           name, trellis_csv_get_line (csv, 0));

    if (found_code >= 0 && found_name >= 0)
      {
        code_column = found_code;
        name_column = found_name;
        prerequisite_column = found_prerequisites;
        first_row = 1;
      }
    else if (n_fields >= 3)
      prerequisite_column = 2;
  }

  if (first_row >= trellis_csv_get_n_rows (csv))
    return import_error (error, TRELLIS_SKILL_LIST_ERROR_PARSE,
                         _("%s, line %u: there is a header but no skills after it"),
                         name, trellis_csv_get_line (csv, 0));

  /* Each row on its own. */
  for (guint r = first_row; r < trellis_csv_get_n_rows (csv); r++)
    {
      g_autofree char *code = normalize (trellis_csv_get_field (csv, r, (guint)code_column));
      g_autofree char *skill_name = normalize (trellis_csv_get_field (csv, r, (guint)name_column));
      guint line = trellis_csv_get_line (csv, r);
      ImportRow *previous;
      ImportRow *row;

      if (*code == '\0')
        return import_error (error, TRELLIS_SKILL_LIST_ERROR_MISSING,
                             _("%s, line %u: the skill has no code"), name, line);
      if (*skill_name == '\0')
        return import_error (error, TRELLIS_SKILL_LIST_ERROR_MISSING,
                             _("%s, line %u: the skill “%s” has no name"), name, line, code);

      previous = g_hash_table_lookup (by_code, code);
      if (previous != NULL)
        return import_error (error, TRELLIS_SKILL_LIST_ERROR_DUPLICATE,
                             _("%s, line %u: the code “%s” is already on line %u"),
                             name, line, code, previous->line);

      row = g_new0 (ImportRow, 1);
      row->line = line;
      row->code = g_steal_pointer (&code);
      row->name = g_steal_pointer (&skill_name);
      row->existing = lookup_code (self, row->code);
      if (prerequisite_column >= 0)
        row->prerequisites = split_codes (trellis_csv_get_field (csv, r, (guint)prerequisite_column));
      g_ptr_array_add (rows, row);
      g_hash_table_insert (by_code, row->code, row);
    }

  /* Prerequisites name skills of the file or of the classroom. */
  for (guint i = 0; i < rows->len; i++)
    {
      ImportRow *row = g_ptr_array_index (rows, i);

      for (guint k = 0; row->prerequisites != NULL && k < row->prerequisites->len; k++)
        {
          const char *code = g_ptr_array_index (row->prerequisites, k);

          if (strcmp (code, row->code) == 0)
            return import_error (error, TRELLIS_SKILL_LIST_ERROR_SELF,
                                 _("%s, line %u: “%s” cannot be its own prerequisite"),
                                 name, row->line, code);

          if (!g_hash_table_contains (by_code, code) && lookup_code (self, code) == NULL)
            return import_error (error, TRELLIS_SKILL_LIST_ERROR_UNKNOWN,
                                 _("%s, line %u: the prerequisite “%s” is neither in the file nor in this classroom"),
                                 name, row->line, code);
        }
    }

  /* No circle in the list as it would be afterwards. */
  graph_init (&graph);
  index_of_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  graph_from_classroom (self, &graph, index_of_id);
  {
    g_autoptr(GHashTable) replaced = g_hash_table_new (NULL, NULL);
    guint n_classroom = graph.codes->len;

    for (guint i = 0; i < rows->len; i++)
      {
        ImportRow *row = g_ptr_array_index (rows, i);

        if (row->existing != NULL)
          {
            gint64 id = trellis_skill_get_id (row->existing);

            row->vertex = GPOINTER_TO_UINT (g_hash_table_lookup (index_of_id, &id));
            if (row->prerequisites != NULL)
              g_hash_table_add (replaced, row->existing);
          }
        else
          row->vertex = graph_add (&graph, row->code);
      }

    /* Stored links of the skills the file leaves alone… */
    for (guint v = 0; v < n_classroom; v++)
      {
        g_autoptr(TrellisSkill) skill = g_list_model_get_item (G_LIST_MODEL (self->skills), v);
        const gint64 *ids;
        guint n_ids;

        if (g_hash_table_contains (replaced, skill))
          continue;

        ids = trellis_skill_get_prerequisite_ids (skill, &n_ids);
        for (guint k = 0; k < n_ids; k++)
          {
            gpointer to;

            if (g_hash_table_lookup_extended (index_of_id, &ids[k], NULL, &to))
              graph_link (&graph, v, GPOINTER_TO_UINT (to));
          }
      }

    /* …and the file's. */
    for (guint i = 0; i < rows->len; i++)
      {
        ImportRow *row = g_ptr_array_index (rows, i);

        for (guint k = 0; row->prerequisites != NULL && k < row->prerequisites->len; k++)
          {
            const char *code = g_ptr_array_index (row->prerequisites, k);
            ImportRow *target = g_hash_table_lookup (by_code, code);
            guint to;

            if (target != NULL)
              to = target->vertex;
            else
              {
                gint64 id = trellis_skill_get_id (lookup_code (self, code));

                to = GPOINTER_TO_UINT (g_hash_table_lookup (index_of_id, &id));
              }
            graph_link (&graph, row->vertex, to);
          }
      }
  }

  cycle = graph_find_cycle (&graph);
  if (cycle != NULL)
    {
      g_autofree char *circle = format_cycle (&graph, cycle);
      guint line = G_MAXUINT;

      /* The first line of the file that takes part in the circle. */
      for (guint i = 0; i < rows->len; i++)
        {
          ImportRow *row = g_ptr_array_index (rows, i);

          for (guint c = 0; c < cycle->len && line == G_MAXUINT; c++)
            if (g_array_index (cycle, guint, c) == row->vertex && row->prerequisites != NULL)
              line = row->line;
        }

      return import_error (error, TRELLIS_SKILL_LIST_ERROR_CYCLE,
                           /* Translators: the last %s is a chain of skill codes, "A → B → A" */
                           _("%s, line %u: the prerequisites go round in a circle (%s)"),
                           name, line, circle);
    }

  /* Write it all. */
  if (!trellis_classroom_begin (self, error))
    return FALSE;
  written = write_import (self, rows, by_code, error);
  if (!_trellis_finish_edit (self, written, error))
    return FALSE;

  /* Then the objects and the list: one insertion per new skill. */
  {
    gint64 position = 0;
    guint n = g_list_model_get_n_items (G_LIST_MODEL (self->skills));

    for (guint i = 0; i < n; i++)
      {
        g_autoptr(TrellisSkill) skill = g_list_model_get_item (G_LIST_MODEL (self->skills), i);

        position = MAX (position, trellis_skill_get_position (skill) + 1);
      }

    for (guint i = 0; i < rows->len; i++)
      {
        ImportRow *row = g_ptr_array_index (rows, i);
        g_autoptr(GArray) ids = NULL;

        if (row->existing == NULL)
          {
            g_autoptr(TrellisSkill) skill = trellis_skill_new (row->id, row->code, row->name);

            trellis_skill_set_position (skill, position++);
            if (row->prerequisites != NULL)
              {
                ids = row_prerequisite_ids (self, row, by_code);
                trellis_skill_set_prerequisite_ids (skill, (const gint64 *)(gpointer)ids->data, ids->len);
              }
            g_list_store_insert_sorted (self->skills, skill, trellis_skill_compare, NULL);
            counts.n_added++;
            continue;
          }

        {
          gboolean changed = g_strcmp0 (row->name, trellis_skill_get_name (row->existing)) != 0;

          g_object_freeze_notify (G_OBJECT (row->existing));
          trellis_skill_set_name (row->existing, row->name);
          if (row->prerequisites != NULL)
            {
              guint n_before = 0;
              g_autofree gint64 *before = NULL;
              const gint64 *stored;
              const gint64 *after;
              guint n_after;

              stored = trellis_skill_get_prerequisite_ids (row->existing, &n_before);
              before = g_memdup2 (stored, n_before * sizeof (gint64));
              ids = row_prerequisite_ids (self, row, by_code);
              trellis_skill_set_prerequisite_ids (row->existing, (const gint64 *)(gpointer)ids->data, ids->len);
              after = trellis_skill_get_prerequisite_ids (row->existing, &n_after);
              changed = changed || n_before != n_after ||
                        (n_after > 0 && memcmp (before, after, n_after * sizeof (gint64)) != 0);
            }
          g_object_thaw_notify (G_OBJECT (row->existing));

          if (changed)
            counts.n_updated++;
          else
            counts.n_unchanged++;
        }
      }
  }

  if (report != NULL)
    *report = counts;

  return TRUE;
}

/**
 * trellis_classroom_import_skills_csv_file:
 * @report: (out caller-allocates) (optional): what the import did
 *
 * trellis_classroom_import_skills_csv() on the file at @path.
 */
gboolean
trellis_classroom_import_skills_csv_file (TrellisClassroom          *self,
                                          const char                *path,
                                          TrellisSkillImportReport  *report,
                                          GError                   **error)
{
  g_autofree char *contents = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize length = 0;

  g_return_val_if_fail (TRELLIS_IS_CLASSROOM (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (report != NULL)
    memset (report, 0, sizeof *report);

  if (!g_file_get_contents (path, &contents, &length, &local_error))
    {
      g_set_error_literal (error, TRELLIS_SKILL_LIST_ERROR, TRELLIS_SKILL_LIST_ERROR_PARSE,
                           local_error->message);
      return FALSE;
    }

  name = g_filename_display_basename (path);
  return trellis_classroom_import_skills_csv (self, contents, length, name, report, error);
}

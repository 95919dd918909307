/* test-skill-list.c
 *
 * Copyright 2026 The Trellis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "trellis-classroom.h"
#include "trellis-csv.h"
#include "trellis-skill-list.h"
#include "trellis-test-utils.h"

/*
 * Skill prerequisites and the skill-list CSV import: edits persist, the
 * skill list changes precisely, circles and self-references are refused,
 * and every refused import names the line and leaves the file as it was.
 */

#define NOW "2026-09-14T08:30:00Z"

typedef TrellisTestFixture Fixture;

/* items-changed of the skill list, as "position-removed+added" entries. */
typedef struct
{
  GString *log;
} Changes;

static void
on_items_changed_cb (GListModel *model,
                     guint       position,
                     guint       removed,
                     guint       added,
                     Changes    *changes)
{
  g_string_append_printf (changes->log, "%s%u-%u+%u", changes->log->len > 0 ? " " : "",
                          position, removed, added);
}

static void
on_notify_cb (GObject    *object,
              GParamSpec *pspec,
              guint      *count)
{
  (*count)++;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  trellis_test_fixture_set_up (fixture, data);
  fixture->classroom = trellis_classroom_create (fixture->path, "Room 12", &error);
  g_assert_no_error (error);
  trellis_classroom_set_clock (fixture->classroom, trellis_test_clock_iso8601, (gpointer)NOW);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  if (fixture->classroom != NULL)
    g_assert_finalize_object (g_steal_pointer (&fixture->classroom));
  trellis_test_fixture_tear_down (fixture, data);
}

static void
reopen (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;

  g_assert_finalize_object (g_steal_pointer (&fixture->classroom));
  fixture->classroom = trellis_classroom_open (fixture->path, TRELLIS_OPEN_FLAGS_NONE, &error);
  g_assert_no_error (error);
}

static TrellisSkill *
add (Fixture    *fixture,
     const char *code,
     const char *name)
{
  g_autoptr(GError) error = NULL;
  TrellisSkill *skill = trellis_classroom_add_skill (fixture->classroom, code, name, &error);

  g_assert_no_error (error);
  g_assert_nonnull (skill);
  return skill;
}

static TrellisSkill *
find (Fixture    *fixture,
      const char *code)
{
  g_autoptr(GError) error = NULL;
  TrellisSkill *skill = trellis_classroom_find_skill (fixture->classroom, code, &error);

  g_assert_no_error (error);
  g_assert_nonnull (skill);
  g_assert_cmpstr (trellis_skill_get_code (skill), ==, code);
  return skill;
}

/* The codes of a skill's prerequisites as the objects have them, "A B". */
static char *
prerequisite_codes (Fixture    *fixture,
                    const char *code)
{
  g_autoptr(GPtrArray) prerequisites = trellis_classroom_dup_skill_prerequisites (fixture->classroom,
                                                                                 find (fixture, code));
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < prerequisites->len; i++)
    g_string_append_printf (text, "%s%s", i > 0 ? " " : "",
                            trellis_skill_get_code (g_ptr_array_index (prerequisites, i)));

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* The same, as the file has them. */
static char *
stored_prerequisite_codes (Fixture    *fixture,
                           const char *code)
{
  g_autofree char *sql = g_strdup_printf ("SELECT coalesce (group_concat (code, ' '), '') FROM "
                                          "(SELECT p.code FROM skill_prerequisites sp "
                                          " JOIN skills s ON s.id = sp.skill_id "
                                          " JOIN skills p ON p.id = sp.prerequisite_id "
                                          " WHERE s.code = '%s' ORDER BY p.position, p.code)",
                                          code);

  return trellis_test_query_text (fixture->classroom, sql);
}

static void
set_prerequisites (Fixture     *fixture,
                   const char  *code,
                   const char **prerequisites)
{
  g_autoptr(GPtrArray) skills = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;

  for (guint i = 0; prerequisites[i] != NULL; i++)
    g_ptr_array_add (skills, find (fixture, prerequisites[i]));

  g_assert_true (trellis_classroom_set_skill_prerequisites (fixture->classroom, find (fixture, code),
                                                            skills, &error));
  g_assert_no_error (error);
}

/* Prerequisites */

static void
test_prerequisites_set (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) dependents = NULL;
  g_autofree char *codes = NULL;
  g_autofree char *stored = NULL;
  Changes changes = { g_string_new (NULL) };
  TrellisSkill *ratio;
  guint notified = 0;

  add (fixture, "6.RP.A.1", "Understand ratios");
  add (fixture, "6.RP.A.2", "Unit rates");
  ratio = add (fixture, "6.RP.A.3", "Ratio reasoning");
  g_signal_connect (trellis_classroom_get_skills (fixture->classroom), "items-changed",
                    G_CALLBACK (on_items_changed_cb), &changes);
  g_signal_connect (ratio, "notify::prerequisite-ids", G_CALLBACK (on_notify_cb), &notified);

  set_prerequisites (fixture, "6.RP.A.3", (const char *[]) { "6.RP.A.2", "6.RP.A.1", NULL });
  codes = prerequisite_codes (fixture, "6.RP.A.3");
  g_assert_cmpstr (codes, ==, "6.RP.A.1 6.RP.A.2");
  stored = stored_prerequisite_codes (fixture, "6.RP.A.3");
  g_assert_cmpstr (stored, ==, "6.RP.A.1 6.RP.A.2");
  g_assert_cmpuint (notified, ==, 1);
  dependents = trellis_classroom_dup_skill_dependents (fixture->classroom, find (fixture, "6.RP.A.1"));
  g_assert_cmpuint (dependents->len, ==, 1);
  g_assert_true (g_ptr_array_index (dependents, 0) == ratio);

  /* The same set again changes nothing and says nothing. */
  set_prerequisites (fixture, "6.RP.A.3", (const char *[]) { "6.RP.A.1", "6.RP.A.2", NULL });
  g_assert_cmpuint (notified, ==, 1);

  /* The list itself never changes for a prerequisite edit. */
  g_assert_cmpstr (changes.log->str, ==, "");

  /* The file keeps them. */
  g_signal_handlers_disconnect_by_func (trellis_classroom_get_skills (fixture->classroom),
                                        on_items_changed_cb, &changes);
  g_signal_handlers_disconnect_by_func (ratio, on_notify_cb, &notified);
  reopen (fixture);
  g_clear_pointer (&codes, g_free);
  codes = prerequisite_codes (fixture, "6.RP.A.3");
  g_assert_cmpstr (codes, ==, "6.RP.A.1 6.RP.A.2");
  g_clear_pointer (&codes, g_free);
  codes = prerequisite_codes (fixture, "6.RP.A.1");
  g_assert_cmpstr (codes, ==, "");

  /* Clearing them. */
  g_assert_true (trellis_classroom_set_skill_prerequisites (fixture->classroom, find (fixture, "6.RP.A.3"),
                                                            NULL, &error));
  g_assert_no_error (error);
  g_clear_pointer (&stored, g_free);
  stored = stored_prerequisite_codes (fixture, "6.RP.A.3");
  g_assert_cmpstr (stored, ==, "");
  g_string_free (changes.log, TRUE);
}

static void
test_prerequisites_refused (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) skills = g_ptr_array_new ();
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autofree char *codes = NULL;
  TrellisSkill *a, *c;
  guint notified = 0;

  a = add (fixture, "A", "Alpha");
  add (fixture, "B", "Beta");
  c = add (fixture, "C", "Gamma");
  set_prerequisites (fixture, "A", (const char *[]) { "B", NULL });
  set_prerequisites (fixture, "B", (const char *[]) { "C", NULL });
  g_signal_connect (c, "notify", G_CALLBACK (on_notify_cb), &notified);
  g_signal_connect (a, "notify", G_CALLBACK (on_notify_cb), &notified);
  before = trellis_test_read_bytes (fixture->path);

  /* Itself. */
  g_ptr_array_add (skills, a);
  g_assert_false (trellis_classroom_set_skill_prerequisites (fixture->classroom, a, skills, &error));
  g_assert_error (error, TRELLIS_SKILL_LIST_ERROR, TRELLIS_SKILL_LIST_ERROR_SELF);
  g_assert_nonnull (strstr (error->message, "“A”"));
  g_clear_error (&error);

  /* C needing A closes the circle A → B → C → A. */
  g_assert_false (trellis_classroom_set_skill_prerequisites (fixture->classroom, c, skills, &error));
  g_assert_error (error, TRELLIS_SKILL_LIST_ERROR, TRELLIS_SKILL_LIST_ERROR_CYCLE);
  g_assert_nonnull (strstr (error->message, "A → B → C → A"));
  g_clear_error (&error);

  /* A skill of another classroom. */
  {
    g_autoptr(TrellisSkill) stranger = trellis_skill_new (9999, "Z", "Zeta");

    g_ptr_array_set_size (skills, 0);
    g_ptr_array_add (skills, stranger);
    g_assert_false (trellis_classroom_set_skill_prerequisites (fixture->classroom, c, skills, &error));
    g_assert_error (error, TRELLIS_CLASSROOM_ERROR, TRELLIS_CLASSROOM_ERROR_NO_SUCH_ITEM);
    g_clear_error (&error);
  }

  after = trellis_test_read_bytes (fixture->path);
  trellis_test_assert_bytes_equal (before, after);
  g_assert_cmpuint (notified, ==, 0);
  codes = prerequisite_codes (fixture, "C");
  g_assert_cmpstr (codes, ==, "");
  g_signal_handlers_disconnect_by_func (c, on_notify_cb, &notified);
  g_signal_handlers_disconnect_by_func (a, on_notify_cb, &notified);
}

/* Deleting a skill drops the links to it, and everything the count promised. */
static void
test_prerequisites_delete (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *codes = NULL;
  TrellisSkillUses uses;
  TrellisSkill *base;
  guint notified = 0;
  TrellisSkill *a;

  a = add (fixture, "A", "Alpha");
  base = add (fixture, "BASE", "Basics");
  add (fixture, "C", "Gamma");
  set_prerequisites (fixture, "A", (const char *[]) { "BASE", "C", NULL });

  /* Two learners with evidence and mastery on BASE, a node and a goal showing it. */
  trellis_classroom_exec (fixture->classroom,
                          "INSERT INTO learners (id, name, created_at) VALUES (1, 'Ada', '2026-09-01'), (2, 'Ben', '2026-09-01');"
                          "INSERT INTO evidence (learner_id, skill_id, observed_at, kind, score) "
                          "  SELECT 1, id, '2026-09-02', 'binary', 1 FROM skills WHERE code = 'BASE';"
                          "INSERT INTO evidence (learner_id, skill_id, observed_at, kind, score) "
                          "  SELECT 2, id, '2026-09-02', 'binary', 0 FROM skills WHERE code = 'BASE';"
                          "INSERT INTO evidence (learner_id, skill_id, observed_at, kind, score) "
                          "  SELECT 2, id, '2026-09-03', 'binary', 1 FROM skills WHERE code = 'BASE';"
                          "INSERT INTO evidence (learner_id, skill_id, observed_at, kind, score) "
                          "  SELECT 2, id, '2026-09-03', 'binary', 1 FROM skills WHERE code = 'C';"
                          "INSERT INTO mastery_state (learner_id, skill_id, p_known, p_correct, updated_at) "
                          "  SELECT 1, id, 0.6, 0.7, '2026-09-03' FROM skills WHERE code = 'BASE';"
                          "INSERT INTO mastery_state (learner_id, skill_id, p_known, p_correct, updated_at) "
                          "  SELECT 2, id, 0.4, 0.5, '2026-09-03' FROM skills WHERE code = 'BASE';",
                          &error);
  g_assert_no_error (error);
  {
    TrellisPlaylist *playlist = trellis_classroom_add_playlist (fixture->classroom, "Ratios", &error);
    TrellisNode *node;
    g_autoptr(GPtrArray) shown = g_ptr_array_new ();

    g_assert_no_error (error);
    node = trellis_classroom_add_node (fixture->classroom, playlist, NULL, TRELLIS_NODE_KIND_ACTIVITY,
                                       "Recipes", -1, &error);
    g_assert_no_error (error);
    g_ptr_array_add (shown, base);
    g_assert_true (trellis_classroom_set_node_skills (fixture->classroom, node, shown, &error));
    g_assert_no_error (error);
  }

  g_assert_true (trellis_classroom_count_skill_uses (fixture->classroom, base, &uses, &error));
  g_assert_no_error (error);
  g_assert_cmpint (uses.n_evidence, ==, 3);
  g_assert_cmpint (uses.n_mastery, ==, 2);
  g_assert_cmpint (uses.n_nodes, ==, 1);
  g_assert_cmpint (uses.n_playlists, ==, 0);
  g_assert_cmpint (uses.n_goals, ==, 0);
  g_assert_cmpint (uses.n_dependents, ==, 1);

  g_signal_connect (a, "notify::prerequisite-ids", G_CALLBACK (on_notify_cb), &notified);
  g_assert_true (trellis_classroom_delete_skill (fixture->classroom, base, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (notified, ==, 1);
  codes = prerequisite_codes (fixture, "A");
  g_assert_cmpstr (codes, ==, "C");
  g_signal_handlers_disconnect_by_func (a, on_notify_cb, &notified);

  /* What the confirmation counted is gone; the rest stays. */
  g_assert_cmpint (trellis_test_query_int (fixture->classroom, "SELECT count(*) FROM evidence"), ==, 1);
  g_assert_cmpint (trellis_test_query_int (fixture->classroom, "SELECT count(*) FROM mastery_state"), ==, 0);
  g_assert_cmpint (trellis_test_query_int (fixture->classroom, "SELECT count(*) FROM node_skills"), ==, 0);
  g_assert_cmpint (trellis_test_query_int (fixture->classroom, "SELECT count(*) FROM skill_prerequisites"), ==, 1);
}

/* Import */

static gboolean
import (Fixture                  *fixture,
        const char               *csv,
        TrellisSkillImportReport *report,
        GError                  **error)
{
  return trellis_classroom_import_skills_csv (fixture->classroom, csv, strlen (csv), "skills.csv",
                                              report, error);
}

static void
test_import (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  TrellisSkillImportReport report = { 99, 99, 99 };
  Changes changes = { g_string_new (NULL) };
  g_autofree char *codes = NULL;
  g_autofree char *stored = NULL;
  guint n;

  add (fixture, "OLD", "Old name");
  add (fixture, "BASE", "Basics");
  g_signal_connect (trellis_classroom_get_skills (fixture->classroom), "items-changed",
                    G_CALLBACK (on_items_changed_cb), &changes);

  /*
   * A BOM, CRLF, the header in another order; F2 needs F1, defined after
   * it, and BASE from the classroom; OLD is renamed and needs both new
   * skills; BASE is listed as it is.
   */
  g_assert_true (import (fixture,
                         "\xEF\xBB\xBFName,Code,Prerequisite codes\r\n"
                         "Equivalent fractions,F2,F1 BASE\r\n"
                         "\"Fractions, the idea\",F1,\r\n"
                         "New name,OLD,F1;F2\r\n"
                         "Basics,BASE,\r\n",
                         &report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report.n_added, ==, 2);
  g_assert_cmpuint (report.n_updated, ==, 1);
  g_assert_cmpuint (report.n_unchanged, ==, 1);

  /* Two insertions at the end of the list, one each. */
  g_assert_cmpstr (changes.log->str, ==, "2-0+1 3-0+1");
  n = g_list_model_get_n_items (trellis_classroom_get_skills (fixture->classroom));
  g_assert_cmpuint (n, ==, 4);
  g_assert_cmpstr (trellis_skill_get_name (find (fixture, "F1")), ==, "Fractions, the idea");
  g_assert_cmpstr (trellis_skill_get_name (find (fixture, "OLD")), ==, "New name");
  codes = prerequisite_codes (fixture, "F2");
  g_assert_cmpstr (codes, ==, "BASE F1");
  g_clear_pointer (&codes, g_free);
  codes = prerequisite_codes (fixture, "OLD");
  g_assert_cmpstr (codes, ==, "F2 F1");
  g_signal_handlers_disconnect_by_func (trellis_classroom_get_skills (fixture->classroom),
                                        on_items_changed_cb, &changes);
  g_string_free (changes.log, TRUE);

  /* The file has it all. */
  reopen (fixture);
  g_assert_cmpuint (g_list_model_get_n_items (trellis_classroom_get_skills (fixture->classroom)), ==, 4);
  g_assert_cmpstr (trellis_skill_get_name (find (fixture, "OLD")), ==, "New name");
  stored = stored_prerequisite_codes (fixture, "OLD");
  g_assert_cmpstr (stored, ==, "F2 F1");
  g_clear_pointer (&codes, g_free);
  codes = prerequisite_codes (fixture, "F2");
  g_assert_cmpstr (codes, ==, "BASE F1");

  /* Without the column, prerequisites stay; with an empty cell, they go. */
  g_assert_true (import (fixture, "OLD,Newer name\n", &report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report.n_added, ==, 0);
  g_assert_cmpuint (report.n_updated, ==, 1);
  g_clear_pointer (&codes, g_free);
  codes = prerequisite_codes (fixture, "OLD");
  g_assert_cmpstr (codes, ==, "F2 F1");
  g_assert_true (import (fixture, "code,name,prerequisites\nOLD,Newer name,\n", &report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report.n_updated, ==, 1);
  g_clear_pointer (&codes, g_free);
  codes = prerequisite_codes (fixture, "OLD");
  g_assert_cmpstr (codes, ==, "");
  g_clear_pointer (&stored, g_free);
  stored = stored_prerequisite_codes (fixture, "OLD");
  g_assert_cmpstr (stored, ==, "");
}

/* Spreadsheets that save with semicolons: the prerequisites then use spaces. */
static void
test_import_semicolons (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *codes = NULL;
  TrellisSkillImportReport report;

  g_assert_true (import (fixture, "A;Alpha;\nB;Beta;A\nC;Gamma;A B\n", &report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report.n_added, ==, 3);
  codes = prerequisite_codes (fixture, "C");
  g_assert_cmpstr (codes, ==, "A B");

  /* A header with a column of its own, in capitals. */
  g_assert_true (import (fixture, "GRADE,CODE,NAME,PREREQUISITES\n6,D,Delta,C\n", &report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report.n_added, ==, 1);
  g_assert_cmpstr (trellis_skill_get_name (find (fixture, "D")), ==, "Delta");
  g_clear_pointer (&codes, g_free);
  codes = prerequisite_codes (fixture, "D");
  g_assert_cmpstr (codes, ==, "C");

  /* Commas inside the names of a semicolon or tab file. */
  g_assert_true (import (fixture, "code;name\nE;Fractions, halves\n", &report, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (trellis_skill_get_name (find (fixture, "E")), ==, "Fractions, halves");
  g_assert_true (import (fixture, "code\tname\nF\tAdd, subtract\n", &report, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (trellis_skill_get_name (find (fixture, "F")), ==, "Add, subtract");
}

typedef struct
{
  const char *name;
  const char *csv;
  GQuark      (*domain) (void);
  int         code;
  const char *needle;
  gsize       length;  /* 0: the text's length */
} ImportErrorCase;

static const ImportErrorCase import_errors[] = {
  { "unknown-prerequisite", "code,name,prerequisites\nA,Alpha,\nB,Beta,ZZZ\n",
    trellis_skill_list_error_quark, TRELLIS_SKILL_LIST_ERROR_UNKNOWN, "skills.csv, line 3: the prerequisite “ZZZ”" },
  { "empty-code", "A,Alpha\n ,Nameless\n",
    trellis_skill_list_error_quark, TRELLIS_SKILL_LIST_ERROR_MISSING, "skills.csv, line 2:" },
  { "empty-name", "A,Alpha\nB, \n",
    trellis_skill_list_error_quark, TRELLIS_SKILL_LIST_ERROR_MISSING, "line 2: the skill “B” has no name" },
  { "duplicate", "A,Alpha\r\nB,Beta\r\nA,Again\r\n",
    trellis_skill_list_error_quark, TRELLIS_SKILL_LIST_ERROR_DUPLICATE, "line 3: the code “A” is already on line 1" },
  { "cycle", "code,name,prerequisites\nA,Alpha,B\nB,Beta,C\nC,Gamma,A\n",
    trellis_skill_list_error_quark, TRELLIS_SKILL_LIST_ERROR_CYCLE, "line 2: the prerequisites go round in a circle (A → B → C → A)" },
  { "cycle-through-classroom", "KEEP,Kept,X\nX,Ex,OLD\n",
    trellis_skill_list_error_quark, TRELLIS_SKILL_LIST_ERROR_CYCLE, "line 1:" },
  { "self", "A,Alpha,\nB,Beta,A B\n",
    trellis_skill_list_error_quark, TRELLIS_SKILL_LIST_ERROR_SELF, "line 2: “B” cannot be its own prerequisite" },
  { "unclosed-quote", "A,Alpha\nB,\"Beta\nC,Gamma\n",
    trellis_csv_error_quark, TRELLIS_CSV_ERROR_QUOTE, "skills.csv, line 2:" },
  { "header-only", "code,name,prerequisites\n",
    trellis_skill_list_error_quark, TRELLIS_SKILL_LIST_ERROR_PARSE, "line 1: there is a header but no skills" },
  { "header-without-name", "Code,Skill,Prerequisites\nA,Alpha,\n",
    trellis_skill_list_error_quark, TRELLIS_SKILL_LIST_ERROR_PARSE, "line 1: the header needs a “code” and a “name” column" },
  { "one-column", "A\nB\n",
    trellis_skill_list_error_quark, TRELLIS_SKILL_LIST_ERROR_PARSE, "line 1:" },
  { "empty", "",
    trellis_csv_error_quark, TRELLIS_CSV_ERROR_EMPTY, "skills.csv is empty" },
  { "binary", "A,Alpha\nB,\0Beta\n",
    trellis_csv_error_quark, TRELLIS_CSV_ERROR_BINARY, "line 2", sizeof "A,Alpha\nB,\0Beta\n" - 1 },
};

/* Each case is refused, names the line, and writes nothing. */
static void
test_import_refused (Fixture       *fixture,
                     gconstpointer  data)
{
  const ImportErrorCase *c = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  TrellisSkillImportReport report = { 7, 7, 7 };
  Changes changes = { g_string_new (NULL) };
  g_autofree char *codes = NULL;
  gsize length = c->length > 0 ? c->length : strlen (c->csv);

  add (fixture, "OLD", "Old name");
  add (fixture, "KEEP", "Kept");
  set_prerequisites (fixture, "OLD", (const char *[]) { "KEEP", NULL });
  before = trellis_test_read_bytes (fixture->path);
  g_signal_connect (trellis_classroom_get_skills (fixture->classroom), "items-changed",
                    G_CALLBACK (on_items_changed_cb), &changes);

  g_assert_false (trellis_classroom_import_skills_csv (fixture->classroom, c->csv, length, "skills.csv",
                                                       &report, &error));
  g_assert_error (error, c->domain (), c->code);
  if (strstr (error->message, c->needle) == NULL)
    g_error ("“%s” does not contain “%s”", error->message, c->needle);

  after = trellis_test_read_bytes (fixture->path);
  trellis_test_assert_bytes_equal (before, after);
  g_assert_cmpstr (changes.log->str, ==, "");
  g_assert_cmpuint (report.n_added + report.n_updated + report.n_unchanged, ==, 0);
  g_assert_cmpstr (trellis_skill_get_name (find (fixture, "OLD")), ==, "Old name");
  codes = prerequisite_codes (fixture, "OLD");
  g_assert_cmpstr (codes, ==, "KEEP");

  g_signal_handlers_disconnect_by_func (trellis_classroom_get_skills (fixture->classroom),
                                        on_items_changed_cb, &changes);
  g_string_free (changes.log, TRUE);
}

static void
test_import_file (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = trellis_test_fixture_file (fixture, "standards.csv");
  g_autofree char *missing = trellis_test_fixture_file (fixture, "missing.csv");
  TrellisSkillImportReport report;
  static const char csv[] = "code,name\nRL.6.1,Cite textual evidence\nRL.6.2,Determine a theme\n";

  trellis_test_write_bytes (path, csv, sizeof csv - 1);
  g_assert_true (trellis_classroom_import_skills_csv_file (fixture->classroom, path, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report.n_added, ==, 2);
  g_assert_cmpstr (trellis_skill_get_name (find (fixture, "RL.6.2")), ==, "Determine a theme");

  g_assert_false (trellis_classroom_import_skills_csv_file (fixture->classroom, missing, &report, &error));
  g_assert_error (error, TRELLIS_SKILL_LIST_ERROR, TRELLIS_SKILL_LIST_ERROR_PARSE);
  g_assert_cmpuint (report.n_added, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/skill-list/prerequisites/set", test_prerequisites_set);
  ADD ("/skill-list/prerequisites/refused", test_prerequisites_refused);
  ADD ("/skill-list/prerequisites/delete", test_prerequisites_delete);
  ADD ("/skill-list/import/ok", test_import);
  ADD ("/skill-list/import/semicolons", test_import_semicolons);
  ADD ("/skill-list/import/file", test_import_file);

  for (guint i = 0; i < G_N_ELEMENTS (import_errors); i++)
    {
      g_autofree char *path = g_strdup_printf ("/skill-list/import/refused/%s", import_errors[i].name);

      g_test_add (path, Fixture, &import_errors[i], fixture_set_up, test_import_refused, fixture_tear_down);
    }

#undef ADD

  return g_test_run ();
}

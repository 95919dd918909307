/* test-profile.c
 *
 * Copyright 2026 The Trellis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * The learner profile and conference mode driven like a teacher would, on
 * a copy of the sample classroom: a profile entry is added (and deleted
 * and brought back with Undo), a goal is set through the goal dialog, a
 * conference is held through win.conference (notes, next steps, a goal
 * revision with a reason, a reflection in the learner's words) and saved;
 * then the file is opened again with the core and all of it is there.
 * Entries move up, and the header fields write through the core.
 * Cancelling a conference with something typed asks first.
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "trellis-gui-test-utils.h"
#include "trellis-test-utils.h"
#include "trellis-conference-window-private.h"
#include "trellis-learner-list-view-private.h"
#include "trellis-learner-page-private.h"
#include "trellis-learner-row.h"
#include "trellis-preferences-window-private.h"
#include "trellis-print-dialog.h"
#include "trellis-profile.h"
#include "trellis-sample.h"
#include "trellis-window-private.h"

typedef struct
{
  TrellisGuiTestFixture  gui;
  TrellisLearnerPage    *page;
  TrellisLearner        *learner;
  gint64                 learner_id;
} Fixture;

static void
set_text_view (GtkTextView *view,
               const char  *text)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), text, -1);
}

static gboolean
has_entry (GPtrArray          *entries,
           TrellisProfileKind  kind,
           const char         *text)
{
  for (guint i = 0; i < entries->len; i++)
    {
      TrellisProfileEntry *entry = g_ptr_array_index (entries, i);

      if (entry->kind == kind && g_strcmp0 (entry->text, text) == 0)
        return TRUE;
    }

  return FALSE;
}

static gint64
find_entry_id (GPtrArray  *entries,
               const char *text)
{
  for (guint i = 0; i < entries->len; i++)
    {
      TrellisProfileEntry *entry = g_ptr_array_index (entries, i);

      if (g_strcmp0 (entry->text, text) == 0)
        return entry->id;
    }

  return 0;
}

static TrellisGoal *
find_goal (GPtrArray  *goals,
           const char *title)
{
  for (guint i = 0; i < goals->len; i++)
    {
      TrellisGoal *goal = g_ptr_array_index (goals, i);

      if (g_strcmp0 (goal->title, title) == 0)
        return goal;
    }

  return NULL;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  TrellisLearnerListView *list_view;

  trellis_gui_test_fixture_set_up (&fixture->gui, NULL);

  list_view = _trellis_window_get_learner_list_view (fixture->gui.window);
  trellis_learner_list_view_select_position (list_view, 1);
  fixture->learner = trellis_learner_list_view_get_selected_learner (list_view);
  g_assert_nonnull (fixture->learner);
  fixture->learner_id = trellis_learner_get_id (fixture->learner);

  fixture->page = _trellis_window_get_learner_page (fixture->gui.window);
  g_assert_true (trellis_learner_page_get_learner (fixture->page) == fixture->learner);
  g_assert_true (trellis_learner_page_get_classroom (fixture->page) == fixture->gui.classroom);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  trellis_gui_test_fixture_tear_down (&fixture->gui, data);
}

/* Adds a profile entry through the kind's add row. */
static void
add_entry (Fixture            *fixture,
           TrellisProfileKind  kind,
           const char         *text)
{
  AdwEntryRow *row = _trellis_learner_page_get_add_entry_row (fixture->page, kind);

  g_assert_nonnull (row);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  g_signal_emit_by_name (row, "apply");
  trellis_test_iterate_pending ();
}

static gint64
add_goal (Fixture    *fixture,
          const char *title,
          const char *criteria,
          const char *target_date)
{
  g_autoptr(GPtrArray) goals = NULL;
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;
  TrellisGoal *goal;

  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "profile.add-goal", NULL);
  dialog = _trellis_learner_page_get_goal_dialog (fixture->page);
  g_assert_nonnull (dialog);

  /* No title, nothing to add. */
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "apply"));
  gtk_editable_set_text (GTK_EDITABLE (_trellis_learner_page_get_goal_dialog_row (fixture->page, TRELLIS_GOAL_FIELD_TITLE)), title);
  gtk_editable_set_text (GTK_EDITABLE (_trellis_learner_page_get_goal_dialog_row (fixture->page, TRELLIS_GOAL_FIELD_CRITERIA)), criteria);
  gtk_editable_set_text (GTK_EDITABLE (_trellis_learner_page_get_goal_dialog_row (fixture->page, TRELLIS_GOAL_FIELD_TARGET_DATE)), target_date);
  g_assert_null (_trellis_learner_page_get_goal_dialog_row (fixture->page, TRELLIS_GOAL_FIELD_REASON));
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "apply"));

  adw_message_dialog_response (dialog, "apply");
  trellis_test_iterate_pending ();
  g_assert_null (_trellis_learner_page_get_goal_dialog (fixture->page));

  goals = trellis_profile_list_goals (fixture->gui.classroom, fixture->learner, &error);
  g_assert_no_error (error);
  goal = find_goal (goals, title);
  g_assert_nonnull (goal);
  g_assert_cmpstr (goal->success_criteria, ==, criteria);
  g_assert_cmpstr (goal->target_date, ==, target_date);
  g_assert_cmpint (goal->status, ==, TRELLIS_GOAL_STATUS_ACTIVE);

  return goal->id;
}

static void
test_profile_and_conference (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GPtrArray) goals = NULL;
  g_autoptr(GPtrArray) revisions = NULL;
  g_autoptr(GPtrArray) conferences = NULL;
  g_autoptr(GPtrArray) reflections = NULL;
  g_autoptr(TrellisClassroom) reopened = NULL;
  TrellisConferenceWindow *conference;
  TrellisGoalRevision *revision;
  TrellisConference *record;
  TrellisLearner *learner;
  GtkToggleButton *met_button = NULL;
  AdwEntryRow *title_row = NULL;
  AdwEntryRow *reason_row = NULL;
  TrellisGoal *goal;
  gint64 goal_id;

  /* A profile entry, through the page. */
  add_entry (fixture, TRELLIS_PROFILE_KIND_INTEREST, "Builds marble runs at home");
  entries = trellis_profile_list_entries (fixture->gui.classroom, fixture->learner, &error);
  g_assert_no_error (error);
  g_assert_true (has_entry (entries, TRELLIS_PROFILE_KIND_INTEREST, "Builds marble runs at home"));
  /* The add row is empty again, ready for the next. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (_trellis_learner_page_get_add_entry_row (fixture->page, TRELLIS_PROFILE_KIND_INTEREST))), ==, "");

  /* A goal, through the goal dialog. */
  goal_id = add_goal (fixture, "Write a paragraph with evidence", "Three quotes, each explained", "2026-12-18");

  /* Conference mode, through the window action. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->gui.window), "win.conference", NULL);
  conference = _trellis_learner_page_get_conference_window (fixture->page);
  g_assert_nonnull (conference);
  g_assert_true (trellis_conference_window_get_learner (conference) == fixture->learner);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (conference)) == GTK_WINDOW (fixture->gui.window));
  g_assert_nonnull (gtk_label_get_label (_trellis_conference_window_get_timer_label (conference)));

  /* Starting again brings the same window forward. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->gui.window), "win.conference", NULL);
  g_assert_true (_trellis_learner_page_get_conference_window (fixture->page) == conference);

  set_text_view (_trellis_conference_window_get_notes_view (conference), "Talked about the museum presentation.");
  set_text_view (_trellis_conference_window_get_next_steps_view (conference), "Draft the opening by Friday.");
  set_text_view (_trellis_conference_window_get_reflection_view (conference), "I get stuck choosing quotes.");

  g_assert_true (_trellis_conference_window_get_goal_editor (conference, goal_id, &met_button, &title_row, &reason_row));
  gtk_editable_set_text (GTK_EDITABLE (title_row), "Write a paragraph with two pieces of evidence");
  gtk_editable_set_text (GTK_EDITABLE (reason_row), "Three quotes was too many for now");

  gtk_widget_activate_action (GTK_WIDGET (conference), "conference.save", NULL);
  trellis_test_iterate_pending ();
  g_assert_null (_trellis_learner_page_get_conference_window (fixture->page));

  /* Close everything; the file has it all. */
  gtk_window_destroy (GTK_WINDOW (fixture->gui.window));
  trellis_test_iterate_pending ();
  g_clear_pointer (&entries, g_ptr_array_unref);
  g_assert_finalize_object (g_steal_pointer (&fixture->gui.window));
  fixture->gui.window = g_object_ref (trellis_window_new (NULL));
  trellis_gui_test_finalize_classroom (g_steal_pointer (&fixture->gui.classroom));

  reopened = trellis_classroom_open (fixture->gui.path, TRELLIS_OPEN_FLAGS_READ_ONLY, &error);
  g_assert_no_error (error);
  learner = trellis_classroom_lookup_learner (reopened, fixture->learner_id);
  g_assert_nonnull (learner);

  entries = trellis_profile_list_entries (reopened, learner, &error);
  g_assert_no_error (error);
  g_assert_true (has_entry (entries, TRELLIS_PROFILE_KIND_INTEREST, "Builds marble runs at home"));

  goals = trellis_profile_list_goals (reopened, learner, &error);
  g_assert_no_error (error);
  goal = find_goal (goals, "Write a paragraph with two pieces of evidence");
  g_assert_nonnull (goal);
  g_assert_cmpint (goal->id, ==, goal_id);
  g_assert_cmpint (goal->status, ==, TRELLIS_GOAL_STATUS_REVISED);

  revisions = trellis_profile_list_goal_revisions (reopened, goal_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (revisions->len, ==, 1);
  revision = g_ptr_array_index (revisions, 0);
  g_assert_cmpstr (revision->old_title, ==, "Write a paragraph with evidence");
  g_assert_cmpstr (revision->reason, ==, "Three quotes was too many for now");
  g_assert_cmpint (revision->new_status, ==, TRELLIS_GOAL_STATUS_REVISED);

  conferences = trellis_profile_list_conferences (reopened, learner, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (conferences->len, >=, 1);
  record = g_ptr_array_index (conferences, 0);
  g_assert_cmpstr (record->notes, ==, "Talked about the museum presentation.");
  g_assert_cmpstr (record->next_steps, ==, "Draft the opening by Friday.");
  g_assert_cmpint (record->duration_seconds, >=, 0);

  reflections = trellis_profile_list_conference_reflections (reopened, record->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (reflections->len, ==, 1);
  g_assert_cmpstr (((TrellisReflection *) g_ptr_array_index (reflections, 0))->text, ==, "I get stuck choosing quotes.");
  g_assert_cmpint (((TrellisReflection *) g_ptr_array_index (reflections, 0))->author, ==, TRELLIS_REFLECTION_AUTHOR_LEARNER);
}

static void
test_delete_entry_and_undo (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GPtrArray) restored = NULL;
  AdwToast *toast;
  gint64 id;

  add_entry (fixture, TRELLIS_PROFILE_KIND_NEED, "Front-row seat");
  entries = trellis_profile_list_entries (fixture->gui.classroom, fixture->learner, &error);
  g_assert_no_error (error);
  id = find_entry_id (entries, "Front-row seat");
  g_assert_cmpint (id, !=, 0);

  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "profile.delete-entry", "x", id);
  trellis_test_iterate_pending ();
  after = trellis_profile_list_entries (fixture->gui.classroom, fixture->learner, &error);
  g_assert_no_error (error);
  g_assert_cmpint (find_entry_id (after, "Front-row seat"), ==, 0);

  toast = _trellis_learner_page_get_undo_toast (fixture->page);
  g_assert_nonnull (toast);
  g_assert_nonnull (adw_toast_get_button_label (toast));
  g_signal_emit_by_name (toast, "button-clicked");
  trellis_test_iterate_pending ();
  g_assert_null (_trellis_learner_page_get_undo_toast (fixture->page));

  restored = trellis_profile_list_entries (fixture->gui.classroom, fixture->learner, &error);
  g_assert_no_error (error);
  g_assert_cmpint (find_entry_id (restored, "Front-row seat"), ==, id);
}

static void
test_reorder_and_fields (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GPtrArray) moved = NULL;
  gint64 second;
  guint index_first = G_MAXUINT, index_second = G_MAXUINT;

  add_entry (fixture, TRELLIS_PROFILE_KIND_STRENGTH, "Patient with younger kids");
  add_entry (fixture, TRELLIS_PROFILE_KIND_STRENGTH, "Sketches ideas before writing");
  entries = trellis_profile_list_entries (fixture->gui.classroom, fixture->learner, &error);
  g_assert_no_error (error);
  second = find_entry_id (entries, "Sketches ideas before writing");

  /* Move Up puts the newer one before the older one. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "profile.move-entry-up", "x", second);
  trellis_test_iterate_pending ();
  moved = trellis_profile_list_entries (fixture->gui.classroom, fixture->learner, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < moved->len; i++)
    {
      TrellisProfileEntry *entry = g_ptr_array_index (moved, i);

      if (g_strcmp0 (entry->text, "Patient with younger kids") == 0)
        index_first = i;
      else if (entry->id == second)
        index_second = i;
    }
  g_assert_cmpuint (index_second, <, index_first);

  /* The header fields write through the core. */
  gtk_editable_set_text (GTK_EDITABLE (_trellis_learner_page_get_preferred_name_row (fixture->page)), "Lu");
  g_signal_emit_by_name (_trellis_learner_page_get_preferred_name_row (fixture->page), "apply");
  g_assert_cmpstr (trellis_learner_get_preferred_name (fixture->learner), ==, "Lu");

  adw_combo_row_set_selected (_trellis_learner_page_get_self_regulation_row (fixture->page), 0);
  g_assert_cmpuint (trellis_learner_get_self_regulation (fixture->learner), ==, 1);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (_trellis_learner_page_get_self_regulation_row (fixture->page))), ==,
                   trellis_profile_describe_self_regulation (1));
}

static void
test_cancel_asks (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  TrellisConferenceWindow *conference;
  AdwMessageDialog *dialog;

  before = trellis_profile_list_conferences (fixture->gui.classroom, fixture->learner, &error);
  g_assert_no_error (error);

  /* Nothing typed: Cancel just closes. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->gui.window), "win.conference", NULL);
  conference = _trellis_learner_page_get_conference_window (fixture->page);
  g_assert_nonnull (conference);
  gtk_widget_activate_action (GTK_WIDGET (conference), "conference.cancel", NULL);
  trellis_test_iterate_pending ();
  g_assert_null (_trellis_learner_page_get_conference_window (fixture->page));

  /* Something typed: Cancel asks; Keep Writing keeps it, Discard drops it. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->gui.window), "win.conference", NULL);
  conference = _trellis_learner_page_get_conference_window (fixture->page);
  set_text_view (_trellis_conference_window_get_notes_view (conference), "Half a thought");
  gtk_widget_activate_action (GTK_WIDGET (conference), "conference.cancel", NULL);
  dialog = _trellis_conference_window_get_discard_dialog (conference);
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "cancel");
  trellis_test_iterate_pending ();
  g_assert_true (_trellis_learner_page_get_conference_window (fixture->page) == conference);

  gtk_widget_activate_action (GTK_WIDGET (conference), "conference.cancel", NULL);
  dialog = _trellis_conference_window_get_discard_dialog (conference);
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "discard");
  trellis_test_iterate_pending ();
  g_assert_null (_trellis_learner_page_get_conference_window (fixture->page));

  after = trellis_profile_list_conferences (fixture->gui.classroom, fixture->learner, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (after->len, ==, before->len);
}

/* The first row under @widget that is a @type titled @title. */
static GtkWidget *
find_row (GtkWidget  *widget,
          GType       type,
          const char *title)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_row (child, type, title);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gint64
skill_id_at (TrellisClassroom *classroom,
             guint             position)
{
  g_autoptr(TrellisSkill) skill = g_list_model_get_item (trellis_classroom_get_skills (classroom), position);

  g_assert_nonnull (skill);
  return trellis_skill_get_id (skill);
}

static const char *
skill_code_at (TrellisClassroom *classroom,
               guint             position)
{
  g_autoptr(TrellisSkill) skill = g_list_model_get_item (trellis_classroom_get_skills (classroom), position);

  g_assert_nonnull (skill);
  /* The classroom's skill model keeps the skill. */
  return trellis_skill_get_code (skill);
}

static TrellisReflection *
find_reflection (GPtrArray  *reflections,
                 const char *text)
{
  for (guint i = 0; i < reflections->len; i++)
    {
      TrellisReflection *reflection = g_ptr_array_index (reflections, i);

      if (g_strcmp0 (reflection->text, text) == 0)
        return reflection;
    }

  return NULL;
}

/* Writes a reflection through the page's form. */
static void
write_reflection (Fixture    *fixture,
                  guint       author,
                  gint64      goal_id,
                  gint64      node_id,
                  const char *text)
{
  AdwEntryRow *row = _trellis_learner_page_get_add_reflection_row (fixture->page);

  g_assert_nonnull (row);
  adw_combo_row_set_selected (_trellis_learner_page_get_reflection_author_row (fixture->page), author);
  g_assert_true (_trellis_learner_page_select_reflection_about (fixture->page, goal_id, node_id));
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  g_signal_emit_by_name (row, "apply");
  trellis_test_iterate_pending ();
}

/*
 * Goals linked to skills through the goal dialog and in conference mode,
 * reflections about a goal or a milestone from the page and the
 * conference; the rows say so, and the file has it all when reopened.
 */
static void
test_goal_skills_and_reflections (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) goals = NULL;
  g_autoptr(GPtrArray) reflections = NULL;
  g_autoptr(GPtrArray) revisions = NULL;
  g_autoptr(TrellisGoal) goal = NULL;
  g_autoptr(TrellisClassroom) reopened = NULL;
  g_autofree char *code_0 = g_strdup (skill_code_at (fixture->gui.classroom, 0));
  g_autofree char *code_2 = g_strdup (skill_code_at (fixture->gui.classroom, 2));
  gint64 skill_0 = skill_id_at (fixture->gui.classroom, 0);
  gint64 skill_1 = skill_id_at (fixture->gui.classroom, 1);
  gint64 skill_2 = skill_id_at (fixture->gui.classroom, 2);
  gint64 milestone = trellis_test_query_int (fixture->gui.classroom,
                                             "SELECT id FROM nodes WHERE kind = 'milestone' ORDER BY id LIMIT 1");
  g_autofree char *milestone_title = trellis_test_query_text (fixture->gui.classroom,
                                                              "SELECT title FROM nodes WHERE kind = 'milestone' ORDER BY id LIMIT 1");
  TrellisConferenceWindow *conference;
  AdwActionRow *progress_row = NULL;
  AdwActionRow *skills_row = NULL;
  GtkCheckButton *check;
  AdwMessageDialog *dialog;
  GtkWidget *row;
  TrellisReflection *reflection;
  TrellisLearner *learner;
  gint64 goal_id;

  g_assert_cmpint (milestone, >, 0);

  /* A goal with a skill, through the goal dialog. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "profile.add-goal", NULL);
  dialog = _trellis_learner_page_get_goal_dialog (fixture->page);
  g_assert_nonnull (dialog);
  gtk_editable_set_text (GTK_EDITABLE (_trellis_learner_page_get_goal_dialog_row (fixture->page, TRELLIS_GOAL_FIELD_TITLE)),
                         "Read 3 books");
  check = _trellis_learner_page_get_goal_dialog_skill_check (fixture->page, skill_0);
  g_assert_nonnull (check);
  g_assert_false (gtk_check_button_get_active (check));
  gtk_check_button_set_active (check, TRUE);
  adw_message_dialog_response (dialog, "apply");
  trellis_test_iterate_pending ();

  goals = trellis_profile_list_goals (fixture->gui.classroom, fixture->learner, &error);
  g_assert_no_error (error);
  g_assert_nonnull (find_goal (goals, "Read 3 books"));
  goal_id = find_goal (goals, "Read 3 books")->id;
  g_clear_pointer (&goals, g_ptr_array_unref);
  goal = trellis_profile_get_goal (fixture->gui.classroom, goal_id, &error);
  g_assert_cmpuint (goal->skill_ids->len, ==, 1);
  g_assert_cmpint (g_array_index (goal->skill_ids, gint64, 0), ==, skill_0);
  g_clear_pointer (&goal, trellis_goal_free);

  /* Editing it shows the link; swap it for two others. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "profile.edit-goal", "x", goal_id);
  dialog = _trellis_learner_page_get_goal_dialog (fixture->page);
  g_assert_nonnull (dialog);
  g_assert_true (gtk_check_button_get_active (_trellis_learner_page_get_goal_dialog_skill_check (fixture->page, skill_0)));
  gtk_check_button_set_active (_trellis_learner_page_get_goal_dialog_skill_check (fixture->page, skill_0), FALSE);
  gtk_check_button_set_active (_trellis_learner_page_get_goal_dialog_skill_check (fixture->page, skill_1), TRUE);
  gtk_check_button_set_active (_trellis_learner_page_get_goal_dialog_skill_check (fixture->page, skill_2), TRUE);
  adw_message_dialog_response (dialog, "apply");
  trellis_test_iterate_pending ();

  goal = trellis_profile_get_goal (fixture->gui.classroom, goal_id, &error);
  g_assert_cmpuint (goal->skill_ids->len, ==, 2);
  g_assert_cmpint (g_array_index (goal->skill_ids, gint64, 0), ==, skill_1);
  g_assert_cmpint (g_array_index (goal->skill_ids, gint64, 1), ==, skill_2);
  g_clear_pointer (&goal, trellis_goal_free);

  /* The goal's row shows the codes. */
  row = find_row (GTK_WIDGET (fixture->page), ADW_TYPE_EXPANDER_ROW, "Read 3 books");
  g_assert_nonnull (row);
  g_assert_nonnull (strstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row)), code_2));
  g_assert_null (strstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row)), code_0));

  /* A reflection on the goal in the learner's words, one of the teacher's on a milestone. */
  write_reflection (fixture, 1, goal_id, 0, "I like the second book better.");
  write_reflection (fixture, 0, 0, milestone, "Ready for the presentation.");
  reflections = trellis_profile_list_reflections (fixture->gui.classroom, fixture->learner, 0, &error);
  g_assert_no_error (error);
  reflection = find_reflection (reflections, "I like the second book better.");
  g_assert_nonnull (reflection);
  g_assert_cmpint (reflection->goal_id, ==, goal_id);
  g_assert_cmpint (reflection->author, ==, TRELLIS_REFLECTION_AUTHOR_LEARNER);
  reflection = find_reflection (reflections, "Ready for the presentation.");
  g_assert_nonnull (reflection);
  g_assert_cmpint (reflection->node_id, ==, milestone);
  g_assert_cmpint (reflection->author, ==, TRELLIS_REFLECTION_AUTHOR_TEACHER);
  g_clear_pointer (&reflections, g_ptr_array_unref);

  /* Their rows say who wrote them and what about. */
  row = find_row (GTK_WIDGET (fixture->page), ADW_TYPE_ACTION_ROW, "I like the second book better.");
  g_assert_nonnull (row);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "on goal: Read 3 books"));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "learner"));
  row = find_row (GTK_WIDGET (fixture->page), ADW_TYPE_ACTION_ROW, "Ready for the presentation.");
  g_assert_nonnull (row);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), milestone_title));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "teacher"));

  /* In conference mode: the goal's progress names its skills; link one more. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->gui.window), "win.conference", NULL);
  conference = _trellis_learner_page_get_conference_window (fixture->page);
  g_assert_nonnull (conference);
  g_assert_true (_trellis_conference_window_get_goal_rows (conference, goal_id, &progress_row, &skills_row));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (progress_row), code_2));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (skills_row), code_2));
  g_assert_null (strstr (adw_action_row_get_subtitle (skills_row), code_0));
  check = _trellis_conference_window_get_goal_skill_check (conference, goal_id, skill_0);
  g_assert_nonnull (check);
  gtk_check_button_set_active (check, TRUE);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (skills_row), code_0));

  set_text_view (_trellis_conference_window_get_reflection_view (conference), "The museum talk scares me a bit.");
  g_assert_true (_trellis_conference_window_select_reflection_about (conference, 0, milestone));
  gtk_widget_activate_action (GTK_WIDGET (conference), "conference.save", NULL);
  trellis_test_iterate_pending ();
  g_assert_null (_trellis_learner_page_get_conference_window (fixture->page));

  /* Reopen the file: all of it is there. */
  gtk_window_destroy (GTK_WINDOW (fixture->gui.window));
  trellis_test_iterate_pending ();
  g_assert_finalize_object (g_steal_pointer (&fixture->gui.window));
  fixture->gui.window = g_object_ref (trellis_window_new (NULL));
  trellis_gui_test_finalize_classroom (g_steal_pointer (&fixture->gui.classroom));

  reopened = trellis_classroom_open (fixture->gui.path, TRELLIS_OPEN_FLAGS_READ_ONLY, &error);
  g_assert_no_error (error);
  learner = trellis_classroom_lookup_learner (reopened, fixture->learner_id);
  g_assert_nonnull (learner);

  goal = trellis_profile_get_goal (reopened, goal_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (goal->status, ==, TRELLIS_GOAL_STATUS_ACTIVE);
  g_assert_cmpuint (goal->skill_ids->len, ==, 3);
  g_assert_cmpint (g_array_index (goal->skill_ids, gint64, 0), ==, skill_0);
  g_assert_cmpint (g_array_index (goal->skill_ids, gint64, 1), ==, skill_1);
  g_assert_cmpint (g_array_index (goal->skill_ids, gint64, 2), ==, skill_2);
  /* Linking skills is no revision. */
  revisions = trellis_profile_list_goal_revisions (reopened, goal_id, &error);
  g_assert_cmpuint (revisions->len, ==, 0);

  reflections = trellis_profile_list_reflections (reopened, learner, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (find_reflection (reflections, "I like the second book better.")->goal_id, ==, goal_id);
  g_assert_cmpint (find_reflection (reflections, "Ready for the presentation.")->node_id, ==, milestone);
  reflection = find_reflection (reflections, "The museum talk scares me a bit.");
  g_assert_nonnull (reflection);
  g_assert_cmpint (reflection->node_id, ==, milestone);
  g_assert_cmpint (reflection->author, ==, TRELLIS_REFLECTION_AUTHOR_LEARNER);
  g_assert_cmpint (reflection->conference_id, >, 0);
}

static guint
count_stale_rows (Fixture *fixture)
{
  GtkListBox *list_box = _trellis_learner_list_view_get_list_box (_trellis_window_get_learner_list_view (fixture->gui.window));
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (list_box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (TRELLIS_IS_LEARNER_ROW (child) && trellis_learner_row_get_stale (TRELLIS_LEARNER_ROW (child)))
      n++;

  return n;
}

static void
set_spin (TrellisPreferencesWindow *preferences,
          TrellisPreference         preference,
          double                    value)
{
  GtkSpinButton *spin = _trellis_preferences_window_get_spin (preferences, preference);

  g_assert_nonnull (spin);
  gtk_spin_button_set_value (spin, value);
  trellis_test_iterate_pending ();
}

/*
 * The class preferences in the preferences window are written to the file
 * at once, and the learner list's stale marks and "conference due" filter
 * follow without reopening anything.
 */
static void
test_preferences (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisClassroom) reopened = NULL;
  TrellisLearnerListView *list_view = _trellis_window_get_learner_list_view (fixture->gui.window);
  GListModel *visible = trellis_learner_list_view_get_visible_learners (list_view);
  guint n_learners = g_list_model_get_n_items (visible);
  TrellisPreferencesWindow *preferences;
  guint stale_short, stale_long, due_short, due_long;

  preferences = TRELLIS_PREFERENCES_WINDOW (trellis_preferences_window_new (fixture->gui.classroom));
  gtk_window_set_transient_for (GTK_WINDOW (preferences), GTK_WINDOW (fixture->gui.window));
  gtk_window_present (GTK_WINDOW (preferences));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (preferences));

  /* The window shows what the file has. */
  g_assert_cmpint (gtk_spin_button_get_value_as_int (_trellis_preferences_window_get_spin (preferences, TRELLIS_PREFERENCE_CONFERENCE_CADENCE_DAYS)),
                   ==, trellis_profile_get_conference_cadence_days (fixture->gui.classroom));
  g_assert_cmpint (gtk_spin_button_get_value_as_int (_trellis_preferences_window_get_spin (preferences, TRELLIS_PREFERENCE_STALE_PROFILE_WEEKS)),
                   ==, trellis_profile_get_stale_profile_weeks (fixture->gui.classroom));
  g_assert_cmpint (gtk_spin_button_get_value_as_int (_trellis_preferences_window_get_spin (preferences, TRELLIS_PREFERENCE_CLASS_MINUTES_PER_WEEK)),
                   ==, trellis_profile_get_class_minutes_per_week (fixture->gui.classroom));

  /* Stale after one week marks more profiles than after a year. */
  set_spin (preferences, TRELLIS_PREFERENCE_STALE_PROFILE_WEEKS, 52);
  g_assert_cmpuint (trellis_profile_get_stale_profile_weeks (fixture->gui.classroom), ==, 52);
  stale_long = count_stale_rows (fixture);
  set_spin (preferences, TRELLIS_PREFERENCE_STALE_PROFILE_WEEKS, 1);
  g_assert_cmpuint (trellis_profile_get_stale_profile_weeks (fixture->gui.classroom), ==, 1);
  stale_short = count_stale_rows (fixture);
  g_assert_cmpuint (stale_short, >, stale_long);

  /* Filtered to "conference due", a short cadence shows more learners. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (list_view), "learner-list.filter-conference-due", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (visible), <=, n_learners);
  set_spin (preferences, TRELLIS_PREFERENCE_CONFERENCE_CADENCE_DAYS, 365);
  g_assert_cmpuint (trellis_profile_get_conference_cadence_days (fixture->gui.classroom), ==, 365);
  due_long = g_list_model_get_n_items (visible);
  set_spin (preferences, TRELLIS_PREFERENCE_CONFERENCE_CADENCE_DAYS, 1);
  due_short = g_list_model_get_n_items (visible);
  g_assert_cmpuint (due_short, >, due_long);
  g_assert_cmpuint (due_short, <=, n_learners);
  g_object_set (list_view, "filter-conference-due", FALSE, NULL);

  set_spin (preferences, TRELLIS_PREFERENCE_CLASS_MINUTES_PER_WEEK, 180);
  g_assert_cmpuint (trellis_profile_get_class_minutes_per_week (fixture->gui.classroom), ==, 180);

  /* A change made elsewhere shows in the window. */
  g_assert_true (trellis_profile_set_conference_cadence_days (fixture->gui.classroom, 28, &error));
  g_assert_no_error (error);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (_trellis_preferences_window_get_spin (preferences, TRELLIS_PREFERENCE_CONFERENCE_CADENCE_DAYS)),
                   ==, 28);

  gtk_window_destroy (GTK_WINDOW (preferences));
  trellis_test_iterate_pending ();

  /* They are in the file. */
  reopened = trellis_classroom_open (fixture->gui.path, TRELLIS_OPEN_FLAGS_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (trellis_profile_get_conference_cadence_days (reopened), ==, 28);
  g_assert_cmpuint (trellis_profile_get_stale_profile_weeks (reopened), ==, 1);
  g_assert_cmpuint (trellis_profile_get_class_minutes_per_week (reopened), ==, 180);
}

/* Runs @printout through GtkPrintOperation, exported to @path as PDF on @paper. */
static void
export_printout (GtkWindow       *parent,
                 TrellisPrintout *printout,
                 const char      *paper,
                 const char      *path)
{
  g_autoptr(GtkPrintOperation) operation = trellis_print_dialog_new_operation (printout);
  g_autoptr(GtkPageSetup) page_setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) paper_size = gtk_paper_size_new (paper);
  g_autoptr(GError) error = NULL;
  GtkPrintOperationResult result;

  gtk_page_setup_set_paper_size (page_setup, paper_size);
  gtk_print_operation_set_default_page_setup (operation, page_setup);
  gtk_print_operation_set_export_filename (operation, path);
  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, parent, &error);
  g_assert_no_error (error);
  g_assert_cmpint (result, ==, GTK_PRINT_OPERATION_RESULT_APPLY);
}

static void
assert_contains (const char *text,
                 const char *needle)
{
  if (strstr (text, needle) == NULL)
    g_error ("“%s” not found in the printed text:\n%s", needle, text);
}

/*
 * The learner profile and the conference summary go through the print
 * dialog's operation (exported to PDF, as "Print to File" does): the
 * learner's name and goals are on the page, laid out for the paper chosen.
 */
static void
test_print (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *profile_path = g_build_filename (fixture->gui.dir, "profile.pdf", NULL);
  g_autofree char *conference_path = g_build_filename (fixture->gui.dir, "conference.pdf", NULL);
  g_autofree char *profile_text = NULL;
  g_autofree char *conference_text = NULL;
  TrellisPrintout *printout;
  const char *name = trellis_learner_get_name (fixture->learner);

  add_goal (fixture, "Finish the river model", "It floods and drains on cue", "2026-12-11");
  g_assert_cmpint (trellis_profile_save_conference (fixture->gui.classroom, fixture->learner,
                                                    &(TrellisConferenceRecord) {
                                                      .notes = "Model is half built.",
                                                      .next_steps = "Test the drain on Monday.",
                                                      .duration_seconds = 360,
                                                    },
                                                    &error), >, 0);
  g_assert_no_error (error);

  printout = trellis_printout_new_profile (fixture->gui.classroom, fixture->learner, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (trellis_printout_get_title (printout), name));
  export_printout (GTK_WINDOW (fixture->gui.window), printout, GTK_PAPER_NAME_A4, profile_path);
  profile_text = trellis_test_pdf_text (profile_path, 1, "595(\\.[0-9]+)? x 841(\\.[0-9]+)? pts", 0);
  assert_contains (profile_text, name);
  assert_contains (profile_text, "Finish the river model");
  assert_contains (profile_text, "It floods and drains on cue");

  printout = trellis_printout_new_conference (fixture->gui.classroom, fixture->learner, &error);
  g_assert_no_error (error);
  export_printout (GTK_WINDOW (fixture->gui.window), printout, GTK_PAPER_NAME_LETTER, conference_path);
  conference_text = trellis_test_pdf_text (conference_path, 1, "612 x 792 pts", 0);
  assert_contains (conference_text, name);
  assert_contains (conference_text, "Finish the river model");
  assert_contains (conference_text, "Test the drain on Monday.");
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  /* As in test-window.c: no toast dismissed during its show animation. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/profile/profile-and-conference", test_profile_and_conference);
  ADD ("/profile/delete-entry-and-undo", test_delete_entry_and_undo);
  ADD ("/profile/reorder-and-fields", test_reorder_and_fields);
  ADD ("/profile/cancel-asks", test_cancel_asks);
  ADD ("/profile/preferences", test_preferences);
  ADD ("/profile/goal-skills-and-reflections", test_goal_skills_and_reflections);
  ADD ("/profile/print", test_print);

#undef ADD

  return g_test_run ();
}

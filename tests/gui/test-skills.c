/* test-skills.c
 *
 * Copyright 2026 The Trellis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * The skill list editor and the "Skills Shown" row of the playlist
 * builder (issue 6), on the sample classroom, driving the real widgets:
 * Ctrl+K's action opens the Skills window over the builder; a skill is
 * added through the form, renamed in its row and given a prerequisite in
 * its popover; a prerequisite that would close a circle is refused and
 * the popover shows the stored set again; a CSV file is imported (and a
 * broken one refused with a dialog, changing nothing); deleting asks
 * first and says how much evidence goes with the skill, and its toast's
 * Undo button brings the skill back with its prerequisites, the skills
 * that build on it and its evidence.  The builder's
 * editor picks the skills an activity shows.  The main window's menu
 * opens the Skills window too.  Reopening the file finds it
 * all.
 *
 * With TRELLIS_SCREENSHOT_DIR set, the test leaves skills-top.png, skills.png,
 * skills-picker.png, skills-delete.png, skills-undo.png, skills-undo-dark.png,
 * skills-undo-narrow.png, skills-undo-refused.png, skills-dark.png, skills-narrow.png and playlist-skills.png there.
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "trellis-gui-test-utils.h"
#include "trellis-playlist-window-private.h"
#include "trellis-sample.h"
#include "trellis-skill-list.h"
#include "trellis-skills-window-private.h"
#include "trellis-test-utils.h"
#include "trellis-window-private.h"

typedef TrellisGuiTestFixture Fixture;

/* Helpers */

static TrellisSkillsWindow *
open_skills (TrellisPlaylistWindow *builder)
{
  TrellisSkillsWindow *skills = trellis_gui_test_open_transient (builder, "builder.skills", TRELLIS_TYPE_SKILLS_WINDOW);

  g_assert_true (gtk_window_get_modal (GTK_WINDOW (skills)));

  return skills;
}

static TrellisSkill *
skill_by_code (TrellisClassroom *classroom,
               const char       *code)
{
  GListModel *skills = trellis_classroom_get_skills (classroom);

  for (guint i = 0; i < g_list_model_get_n_items (skills); i++)
    {
      g_autoptr(TrellisSkill) skill = g_list_model_get_item (skills, i);

      if (g_strcmp0 (trellis_skill_get_code (skill), code) == 0)
        return skill;
    }

  return NULL;
}

static char *
prerequisite_codes (TrellisClassroom *classroom,
                    TrellisSkill     *skill)
{
  g_autoptr(GPtrArray) prerequisites = trellis_classroom_dup_skill_prerequisites (classroom, skill);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < prerequisites->len; i++)
    g_string_append_printf (text, "%s%s", i > 0 ? " " : "",
                            trellis_skill_get_code (g_ptr_array_index (prerequisites, i)));

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* Ticks or unticks @skill in @picker as a click does. */
static void
tick (TrellisSkillPicker *picker,
      TrellisSkill       *skill,
      gboolean            active)
{
  GtkCheckButton *button = trellis_skill_picker_get_button (picker, skill);

  g_assert_nonnull (button);
  g_assert_true (gtk_check_button_get_active (button) != active);
  gtk_check_button_set_active (button, active);
  trellis_test_iterate_pending ();
}

/* Expands @skill's row and opens its prerequisites popover, as clicks do. */
static TrellisSkillPicker *
open_prerequisites (TrellisSkillsWindow *window,
                    TrellisSkill        *skill)
{
  GtkWidget *row = _trellis_skills_window_get_skill_row (window, skill);
  GtkMenuButton *button = _trellis_skills_window_get_prerequisites_button (window, skill);

  g_assert_nonnull (row);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (button)));
  /* Scrolled into view, as the teacher would see it before clicking. */
  {
    GtkWidget *scrolled = gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_SCROLLED_WINDOW);
    GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
    graphene_rect_t bounds;

    g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (button), scrolled, &bounds));
    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + bounds.origin.y - 120);
    trellis_gui_test_settle (GTK_WIDGET (window), 300);
  }
  gtk_menu_button_popup (button);
  trellis_test_iterate_pending ();

  return TRELLIS_SKILL_PICKER (gtk_menu_button_get_popover (button));
}

static void
write_file (const char *path,
            const char *text)
{
  trellis_test_write_bytes (path, text, (gssize)strlen (text));
}

/* Fixture */

/* Closes the classroom (closing its windows) and opens the file again. */
static TrellisClassroom *
close_and_reopen (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  TrellisClassroom *reopened;

  trellis_window_set_classroom (fixture->window, NULL);
  trellis_test_iterate_pending ();
  trellis_gui_test_finalize_classroom (g_steal_pointer (&fixture->classroom));

  reopened = trellis_classroom_open (fixture->path, TRELLIS_OPEN_FLAGS_NONE, &error);
  g_assert_no_error (error);
  return reopened;
}

/* Tests */

static void
test_edit_skills (Fixture       *fixture,
                  gconstpointer  data)
{
  TrellisPlaylistWindow *builder = trellis_gui_test_open_builder (fixture);
  TrellisSkillsWindow *window = open_skills (builder);
  TrellisClassroom *classroom = fixture->classroom;
  GListModel *skills = trellis_classroom_get_skills (classroom);
  g_autofree char *csv = g_build_filename (fixture->dir, "standards.csv", NULL);
  g_autofree char *broken = g_build_filename (fixture->dir, "broken.csv", NULL);
  g_autoptr(GFile) csv_file = g_file_new_for_path (csv);
  g_autoptr(GFile) broken_file = g_file_new_for_path (broken);
  g_autofree char *codes = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *base_code = NULL;
  TrellisSkillPicker *picker;
  TrellisSkill *added, *base, *busiest = NULL;
  TrellisSkillUses uses = { 0 };
  AdwMessageDialog *dialog;
  guint n = g_list_model_get_n_items (skills);
  gint64 busiest_id;

  g_assert_cmpuint (n, >, 2);
  g_assert_cmpuint (trellis_gui_test_count_rows (_trellis_skills_window_get_skill_list (window)), ==, n);

  /* Adding needs a code and a name. */
  gtk_editable_set_text (GTK_EDITABLE (_trellis_skills_window_get_code_entry (window)), "HIST.6.1");
  gtk_widget_activate_action (GTK_WIDGET (window), "skills.add", NULL);
  trellis_test_iterate_pending ();
  g_assert_cmpuint (g_list_model_get_n_items (skills), ==, n);
  gtk_editable_set_text (GTK_EDITABLE (_trellis_skills_window_get_code_entry (window)), "HIST.6.1");
  gtk_editable_set_text (GTK_EDITABLE (_trellis_skills_window_get_name_entry (window)), "Use sources");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "skills.add", NULL));
  trellis_test_iterate_pending ();
  g_assert_cmpuint (g_list_model_get_n_items (skills), ==, n + 1);
  added = skill_by_code (classroom, "HIST.6.1");
  g_assert_nonnull (added);
  g_assert_cmpstr (trellis_skill_get_name (added), ==, "Use sources");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (_trellis_skills_window_get_code_entry (window))), ==, "");
  g_assert_cmpuint (trellis_gui_test_count_rows (_trellis_skills_window_get_skill_list (window)), ==, n + 1);

  /* The same code again is refused in plain words. */
  gtk_editable_set_text (GTK_EDITABLE (_trellis_skills_window_get_code_entry (window)), "HIST.6.1");
  gtk_editable_set_text (GTK_EDITABLE (_trellis_skills_window_get_name_entry (window)), "Again");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "skills.add", NULL));
  trellis_test_iterate_pending ();
  g_assert_cmpuint (g_list_model_get_n_items (skills), ==, n + 1);
  g_assert_nonnull (strstr (_trellis_skills_window_get_last_message (window), "already exists"));

  /* Renamed in its row; the row's title follows the code. */
  trellis_gui_test_enter (_trellis_skills_window_get_row_name_entry (window, added), "Use primary sources");
  g_assert_cmpstr (trellis_skill_get_name (added), ==, "Use primary sources");
  trellis_gui_test_enter (_trellis_skills_window_get_row_code_entry (window, added), "HIST.6.2");
  g_assert_cmpstr (trellis_skill_get_code (added), ==, "HIST.6.2");
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (_trellis_skills_window_get_skill_row (window, added))),
                   ==, "HIST.6.2");
  /* An empty name is refused and the row shows the stored one again. */
  trellis_gui_test_enter (_trellis_skills_window_get_row_name_entry (window, added), "  ");
  g_assert_cmpstr (trellis_skill_get_name (added), ==, "Use primary sources");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (_trellis_skills_window_get_row_name_entry (window, added))),
                   ==, "Use primary sources");

  /* It builds on the sample's first skill. */
  base = g_list_model_get_item (skills, 0);
  g_object_unref (base);
  base_code = g_strdup (trellis_skill_get_code (base));
  picker = open_prerequisites (window, added);
  g_assert_nonnull (picker);
  g_assert_null (trellis_skill_picker_get_button (picker, added));  /* not itself */
  tick (picker, base, TRUE);
  codes = prerequisite_codes (classroom, added);
  g_assert_cmpstr (codes, ==, base_code);
  expected = g_strdup_printf ("Use primary sources · builds on %s", base_code);
  g_assert_cmpstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (_trellis_skills_window_get_skill_row (window, added))),
                   ==, expected);
  gtk_popover_popdown (GTK_POPOVER (picker));

  /*
   * The first skill building on it would close a circle: not offered, and
   * refused if ticked anyway; it shows unticked again.
   */
  picker = open_prerequisites (window, base);
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (trellis_skill_picker_get_button (picker, added))));
  tick (picker, added, TRUE);
  g_clear_pointer (&codes, g_free);
  codes = prerequisite_codes (classroom, base);
  g_assert_null (strstr (codes, "HIST.6.2"));
  g_assert_nonnull (strstr (_trellis_skills_window_get_last_message (window), "circle"));
  g_assert_false (gtk_check_button_get_active (trellis_skill_picker_get_button (picker, added)));
  gtk_popover_popdown (GTK_POPOVER (picker));

  /* A CSV file: two new skills, one building on the new one. */
  write_file (csv, "code,name,prerequisites\r\n"
                   "HIST.6.3,Compare civilizations,HIST.6.2\r\n"
                   "HIST.6.4,Explain change over time,HIST.6.3 HIST.6.2\r\n");
  _trellis_skills_window_import_file (window, csv_file);
  trellis_test_iterate_pending ();
  g_assert_cmpuint (g_list_model_get_n_items (skills), ==, n + 3);
  g_assert_cmpstr (_trellis_skills_window_get_last_message (window), ==, "2 skills added, 0 updated");
  g_clear_pointer (&codes, g_free);
  codes = prerequisite_codes (classroom, skill_by_code (classroom, "HIST.6.4"));
  g_assert_cmpstr (codes, ==, "HIST.6.2 HIST.6.3");
  g_assert_cmpuint (trellis_gui_test_count_rows (_trellis_skills_window_get_skill_list (window)), ==, n + 3);

  /*
   * HIST.6.2 cannot build on what builds on it, even through another
   * skill; the rest is offered.  Ticking one changes its row's subtitle
   * but not what the teacher is typing in another row.
   */
  gtk_editable_set_text (GTK_EDITABLE (_trellis_skills_window_get_row_name_entry (window, skill_by_code (classroom, "HIST.6.3"))),
                         "Compare civilizations (typing)");
  picker = open_prerequisites (window, added);
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (trellis_skill_picker_get_button (picker, skill_by_code (classroom, "HIST.6.3")))));
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (trellis_skill_picker_get_button (picker, skill_by_code (classroom, "HIST.6.4")))));
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (trellis_skill_picker_get_button (picker, base))));
  {
    g_autoptr(TrellisSkill) second = g_list_model_get_item (skills, 1);
    g_autofree char *subtitle = NULL;

    tick (picker, second, TRUE);
    subtitle = g_strdup_printf ("Use primary sources · builds on %s, %s", base_code, trellis_skill_get_code (second));
    g_assert_cmpstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (_trellis_skills_window_get_skill_row (window, added))),
                     ==, subtitle);
    tick (picker, second, FALSE);
  }
  gtk_popover_popdown (GTK_POPOVER (picker));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (_trellis_skills_window_get_row_name_entry (window, skill_by_code (classroom, "HIST.6.3")))),
                   ==, "Compare civilizations (typing)");
  /* A code change shows in the subtitles of the skills that build on it. */
  trellis_gui_test_enter (_trellis_skills_window_get_row_code_entry (window, added), "HIST.6.2a");
  g_assert_cmpstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (_trellis_skills_window_get_skill_row (window, skill_by_code (classroom, "HIST.6.3")))),
                   ==, "Compare civilizations · builds on HIST.6.2a");
  trellis_gui_test_enter (_trellis_skills_window_get_row_code_entry (window, added), "HIST.6.2");

  /* A broken one: a dialog names the line, nothing changes. */
  write_file (broken, "code,name,prerequisites\nHIST.6.5,Ask questions,\nHIST.6.6,Answer them,NOPE\n");
  _trellis_skills_window_import_file (window, broken_file);
  trellis_test_iterate_pending ();
  g_assert_cmpuint (g_list_model_get_n_items (skills), ==, n + 3);
  g_assert_null (skill_by_code (classroom, "HIST.6.5"));
  dialog = trellis_gui_test_lookup_toplevel (ADW_TYPE_MESSAGE_DIALOG, GTK_WINDOW (window));
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "broken.csv, line 3"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "Nothing was imported"));
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* Deleting the skill with the most evidence says how much goes with it. */
  for (guint i = 0; i < g_list_model_get_n_items (skills); i++)
    {
      g_autoptr(TrellisSkill) skill = g_list_model_get_item (skills, i);
      TrellisSkillUses these;

      g_assert_true (trellis_classroom_count_skill_uses (classroom, skill, &these, NULL));
      if (busiest == NULL || these.n_evidence > uses.n_evidence)
        {
          busiest = skill;
          uses = these;
        }
    }
  g_assert_cmpint (uses.n_evidence, >, 1);
  busiest_id = trellis_skill_get_id (busiest);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "skills.delete", "x", busiest_id));
  trellis_test_iterate_pending ();
  dialog = trellis_gui_test_lookup_toplevel (ADW_TYPE_MESSAGE_DIALOG, GTK_WINDOW (window));
  g_assert_nonnull (dialog);
  g_clear_pointer (&expected, g_free);
  expected = g_strdup_printf ("%u pieces of evidence", (guint)uses.n_evidence);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), expected));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "You can undo this"));
  if (g_getenv ("TRELLIS_SCREENSHOT_DIR") != NULL)
    trellis_gui_test_save_screenshot (GTK_WIDGET (dialog), "skills-delete.png");
  /* Cancel keeps it; Delete deletes it. */
  adw_message_dialog_response (dialog, "cancel");
  trellis_test_iterate_pending ();
  g_assert_nonnull (trellis_classroom_lookup_skill (classroom, busiest_id));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "skills.delete", "x", busiest_id));
  trellis_test_iterate_pending ();
  dialog = trellis_gui_test_lookup_toplevel (ADW_TYPE_MESSAGE_DIALOG, GTK_WINDOW (window));
  adw_message_dialog_response (dialog, "delete");
  trellis_test_iterate_pending ();
  g_assert_null (trellis_classroom_lookup_skill (classroom, busiest_id));
  g_assert_cmpuint (g_list_model_get_n_items (skills), ==, n + 2);
  g_assert_cmpuint (trellis_gui_test_count_rows (_trellis_skills_window_get_skill_list (window)), ==, n + 2);
  g_assert_cmpint (trellis_test_query_int (classroom, "SELECT count(*) FROM evidence WHERE skill_id IS NOT NULL "
                                                      "AND skill_id NOT IN (SELECT id FROM skills)"), ==, 0);

  if (g_getenv ("TRELLIS_SCREENSHOT_DIR") != NULL)
    {
      AdwStyleManager *manager = adw_style_manager_get_default ();
      GtkWidget *row = _trellis_skills_window_get_skill_row (window, skill_by_code (classroom, "HIST.6.4"));

      GtkWidget *scrolled = gtk_widget_get_ancestor (row, GTK_TYPE_SCROLLED_WINDOW);
      TrellisSkillPicker *open;

      gtk_window_set_default_size (GTK_WINDOW (window), 640, 900);
      gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled)), 0);
      trellis_gui_test_save_screenshot (GTK_WIDGET (window), "skills-top.png");
      open = open_prerequisites (window, skill_by_code (classroom, "HIST.6.4"));
      trellis_gui_test_save_screenshot (GTK_WIDGET (open), "skills-picker.png");
      gtk_popover_popdown (GTK_POPOVER (open));
      trellis_gui_test_save_screenshot (GTK_WIDGET (window), "skills.png");
      adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_DARK);
      trellis_gui_test_save_screenshot (GTK_WIDGET (window), "skills-dark.png");
      adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_DEFAULT);
      gtk_window_set_default_size (GTK_WINDOW (window), 360, 640);
      trellis_gui_test_save_screenshot (GTK_WIDGET (window), "skills-narrow.png");
    }

  /* The file has it all. */
  {
    g_autoptr(TrellisClassroom) reopened = close_and_reopen (fixture);
    TrellisSkill *skill = skill_by_code (reopened, "HIST.6.2");

    g_assert_null (trellis_gui_test_lookup_toplevel (TRELLIS_TYPE_SKILLS_WINDOW, NULL));
    g_assert_nonnull (skill);
    g_assert_cmpstr (trellis_skill_get_name (skill), ==, "Use primary sources");
    g_clear_pointer (&codes, g_free);
    codes = prerequisite_codes (reopened, skill);
    g_assert_cmpstr (codes, ==, base_code);
    g_clear_pointer (&codes, g_free);
    codes = prerequisite_codes (reopened, skill_by_code (reopened, "HIST.6.4"));
    g_assert_cmpstr (codes, ==, "HIST.6.2 HIST.6.3");
    g_assert_null (trellis_classroom_lookup_skill (reopened, busiest_id));
    g_assert_null (skill_by_code (reopened, "HIST.6.5"));
    g_assert_cmpuint (g_list_model_get_n_items (trellis_classroom_get_skills (reopened)), ==, n + 2);
  }
}

/* An empty classroom: the list says what to do, the builder's row too. */
static void
test_empty (Fixture       *fixture,
            gconstpointer  data)
{
  TrellisPlaylistWindow *builder = trellis_gui_test_open_builder (fixture);
  TrellisSkillsWindow *window;
  GtkListBox *list;
  gboolean placeholder = FALSE;

  window = open_skills (builder);
  list = _trellis_skills_window_get_skill_list (window);
  g_assert_cmpuint (trellis_gui_test_count_rows (list), ==, 0);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (ADW_IS_STATUS_PAGE (child) && gtk_widget_get_mapped (child))
      placeholder = strstr (adw_status_page_get_description (ADW_STATUS_PAGE (child)), "import") != NULL;
  g_assert_true (placeholder);
  gtk_widget_activate_action (GTK_WIDGET (window), "skills.add", NULL);
  trellis_test_iterate_pending ();
  g_assert_cmpuint (g_list_model_get_n_items (trellis_classroom_get_skills (fixture->classroom)), ==, 0);

  /* Escape closes it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "window.close", NULL));
  trellis_test_iterate_pending ();
  g_assert_null (trellis_gui_test_lookup_toplevel (TRELLIS_TYPE_SKILLS_WINDOW, NULL));

  /* The item editor says where skills come from. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (builder), "builder.add-playlist", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (builder), "builder.add-activity", NULL));
  trellis_test_iterate_pending ();
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (_trellis_playlist_window_get_skills_row (builder))));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (_trellis_playlist_window_get_skills_row (builder)),
                            "Ctrl+K"));
}

static void
test_node_skills (Fixture       *fixture,
                  gconstpointer  data)
{
  TrellisPlaylistWindow *builder = trellis_gui_test_open_builder (fixture);
  TrellisClassroom *classroom = fixture->classroom;
  TrellisPlaylist *playlist = trellis_playlist_window_get_playlist (builder);
  GListModel *top = trellis_classroom_get_nodes (classroom, playlist, NULL);
  AdwActionRow *row = _trellis_playlist_window_get_skills_row (builder);
  GtkMenuButton *button = _trellis_playlist_window_get_skills_button (builder);
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) shown = g_string_new (NULL);
  TrellisSkillPicker *picker;
  TrellisNode *activity = NULL, *group = NULL, *milestone = NULL;
  TrellisSkill *extra = NULL;
  gint64 activity_id, extra_id;

  for (guint i = 0; i < g_list_model_get_n_items (top); i++)
    {
      g_autoptr(TrellisNode) node = g_list_model_get_item (top, i);

      if (trellis_node_get_kind (node) == TRELLIS_NODE_KIND_ACTIVITY && activity == NULL)
        activity = node;
      else if (trellis_node_get_kind (node) == TRELLIS_NODE_KIND_CHOICE && group == NULL)
        group = node;
      else if (trellis_node_get_kind (node) == TRELLIS_NODE_KIND_MILESTONE && milestone == NULL)
        milestone = node;
    }
  g_assert_nonnull (activity);
  g_assert_nonnull (group);
  g_assert_nonnull (milestone);

  /* Choice groups show no skills of their own; milestones and activities do. */
  trellis_playlist_window_select_node (builder, group);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (row)));
  trellis_playlist_window_select_node (builder, milestone);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (row)));
  trellis_playlist_window_select_node (builder, activity);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (row)));

  /* The subtitle lists the codes it shows now. */
  before = trellis_classroom_dup_node_skills (classroom, activity, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < before->len; i++)
    g_string_append_printf (shown, "%s%s", i > 0 ? ", " : "",
                            trellis_skill_get_code (g_ptr_array_index (before, i)));
  if (before->len > 0)
    g_assert_cmpstr (adw_action_row_get_subtitle (row), ==, shown->str);

  /* Tick a skill it does not show yet. */
  gtk_menu_button_popup (button);
  trellis_test_iterate_pending ();
  picker = TRELLIS_SKILL_PICKER (gtk_menu_button_get_popover (button));
  for (guint i = 0; i < g_list_model_get_n_items (trellis_classroom_get_skills (classroom)) && extra == NULL; i++)
    {
      g_autoptr(TrellisSkill) skill = g_list_model_get_item (trellis_classroom_get_skills (classroom), i);

      if (!g_ptr_array_find (before, skill, NULL))
        extra = skill;
    }
  g_assert_nonnull (extra);
  for (guint i = 0; i < before->len; i++)
    g_assert_true (gtk_check_button_get_active (trellis_skill_picker_get_button (picker, g_ptr_array_index (before, i))));
  tick (picker, extra, TRUE);
  after = trellis_classroom_dup_node_skills (classroom, activity, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (after->len, ==, before->len + 1);
  g_assert_true (g_ptr_array_find (after, extra, NULL));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (row), trellis_skill_get_code (extra)));
  gtk_popover_popdown (GTK_POPOVER (picker));

  if (g_getenv ("TRELLIS_SCREENSHOT_DIR") != NULL)
    {
      gtk_window_set_default_size (GTK_WINDOW (builder), 1200, 800);
      trellis_gui_test_save_screenshot (GTK_WIDGET (builder), "playlist-skills.png");
    }

  activity_id = trellis_node_get_id (activity);
  extra_id = trellis_skill_get_id (extra);

  /* The file has it. */
  {
    g_autoptr(TrellisClassroom) reopened = close_and_reopen (fixture);
    g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM node_skills WHERE node_id = %" G_GINT64_FORMAT
                                            " AND skill_id = %" G_GINT64_FORMAT, activity_id, extra_id);
    g_autofree char *all = g_strdup_printf ("SELECT count(*) FROM node_skills WHERE node_id = %" G_GINT64_FORMAT,
                                            activity_id);

    g_assert_cmpint (trellis_test_query_int (reopened, sql), ==, 1);
    g_assert_cmpint (trellis_test_query_int (reopened, all), ==, (gint64)before->len + 1);
  }
}

/* A classroom opened read-only shows its skills but offers no edit. */
static void
test_read_only (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(TrellisClassroom) read_only = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  TrellisSkillsWindow *window;
  g_autoptr(TrellisSkill) first = NULL;
  guint n;

  trellis_window_set_classroom (fixture->window, NULL);
  trellis_test_iterate_pending ();
  trellis_gui_test_finalize_classroom (g_steal_pointer (&fixture->classroom));
  before = trellis_test_read_bytes (fixture->path);
  read_only = trellis_classroom_open (fixture->path, TRELLIS_OPEN_FLAGS_READ_ONLY, &error);
  g_assert_no_error (error);
  trellis_window_set_classroom (fixture->window, read_only);
  n = g_list_model_get_n_items (trellis_classroom_get_skills (read_only));
  first = g_list_model_get_item (trellis_classroom_get_skills (read_only), 0);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.skills", NULL));
  window = trellis_gui_test_lookup_toplevel (TRELLIS_TYPE_SKILLS_WINDOW, GTK_WINDOW (fixture->window));
  g_assert_nonnull (window);
  g_assert_cmpuint (trellis_gui_test_count_rows (_trellis_skills_window_get_skill_list (window)), ==, n);
  g_assert_false (gtk_widget_is_sensitive (GTK_WIDGET (_trellis_skills_window_get_code_entry (window))));
  g_assert_false (gtk_widget_is_sensitive (GTK_WIDGET (_trellis_skills_window_get_row_name_entry (window, first))));
  g_assert_false (gtk_widget_is_sensitive (GTK_WIDGET (_trellis_skills_window_get_prerequisites_button (window, first))));

  /* Delete asks nothing and deletes nothing. */
  gtk_widget_activate_action (GTK_WIDGET (window), "skills.delete", "x", trellis_skill_get_id (first));
  trellis_test_iterate_pending ();
  g_assert_null (trellis_gui_test_lookup_toplevel (ADW_TYPE_MESSAGE_DIALOG, GTK_WINDOW (window)));
  g_assert_cmpuint (g_list_model_get_n_items (trellis_classroom_get_skills (read_only)), ==, n);

  trellis_window_set_classroom (fixture->window, NULL);
  trellis_test_iterate_pending ();
  g_assert_finalize_object (g_steal_pointer (&read_only));
  after = trellis_test_read_bytes (fixture->path);
  trellis_test_assert_bytes_equal (before, after);
}

/* The main window's menu opens it too; closing the classroom closes it. */
static void
test_from_main_window (Fixture       *fixture,
                       gconstpointer  data)
{
  TrellisSkillsWindow *window;
  GListModel *skills = trellis_classroom_get_skills (fixture->classroom);
  guint n = g_list_model_get_n_items (skills);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.skills", NULL));
  window = trellis_gui_test_lookup_toplevel (TRELLIS_TYPE_SKILLS_WINDOW, GTK_WINDOW (fixture->window));
  g_assert_nonnull (window);
  g_assert_true (trellis_skills_window_get_classroom (window) == fixture->classroom);

  /* Once per window. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.skills", NULL));
  g_assert_true (trellis_gui_test_lookup_toplevel (TRELLIS_TYPE_SKILLS_WINDOW, GTK_WINDOW (fixture->window)) == window);

  gtk_editable_set_text (GTK_EDITABLE (_trellis_skills_window_get_code_entry (window)), "GEO.1");
  gtk_editable_set_text (GTK_EDITABLE (_trellis_skills_window_get_name_entry (window)), "Read a map");
  g_signal_emit_by_name (_trellis_skills_window_get_name_entry (window), "entry-activated");
  trellis_test_iterate_pending ();
  g_assert_cmpuint (g_list_model_get_n_items (skills), ==, n + 1);
  g_assert_nonnull (skill_by_code (fixture->classroom, "GEO.1"));

  trellis_window_set_classroom (fixture->window, NULL);
  trellis_test_iterate_pending ();
  g_assert_null (trellis_gui_test_lookup_toplevel (TRELLIS_TYPE_SKILLS_WINDOW, NULL));
}

/*
 * Deleting a skill, then clicking Undo on its toast: the skill is back in
 * its row with its prerequisites, the skill that builds on it has it
 * again, its evidence is back, and the reopened file has it all.
 */
static void
test_delete_undo (Fixture       *fixture,
                  gconstpointer  data)
{
  TrellisPlaylistWindow *builder = trellis_gui_test_open_builder (fixture);
  TrellisSkillsWindow *window = open_skills (builder);
  TrellisClassroom *classroom = fixture->classroom;
  GListModel *skills = trellis_classroom_get_skills (classroom);
  g_autofree char *codes = NULL;
  g_autofree char *dependent_codes = NULL;
  g_autofree char *expected = NULL;
  AdwMessageDialog *dialog;
  TrellisSkill *skill, *dependent, *restored;
  GtkWidget *undo;
  AdwToast *toast;
  guint n;
  gint64 id, n_evidence;

  skill = skill_by_code (classroom, "MS-LS2-3");
  dependent = skill_by_code (classroom, "MS-LS2-4");
  g_assert_nonnull (skill);
  g_assert_nonnull (dependent);
  id = trellis_skill_get_id (skill);
  codes = prerequisite_codes (classroom, skill);
  g_assert_cmpstr (codes, !=, "");
  dependent_codes = prerequisite_codes (classroom, dependent);
  g_assert_nonnull (strstr (dependent_codes, "MS-LS2-3"));
  n = g_list_model_get_n_items (skills);
  expected = g_strdup_printf ("SELECT count(*) FROM evidence WHERE skill_id = %" G_GINT64_FORMAT, id);
  n_evidence = trellis_test_query_int (classroom, expected);
  g_assert_cmpint (n_evidence, >, 0);
  g_assert_null (_trellis_skills_window_get_undo_toast (window));

  /* Deleting still asks first, and says it can be undone. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "skills.delete", "x", id));
  trellis_test_iterate_pending ();
  dialog = trellis_gui_test_find_transient (ADW_TYPE_MESSAGE_DIALOG, GTK_WINDOW (window));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "You can undo this"));
  adw_message_dialog_response (dialog, "delete");
  gtk_window_destroy (GTK_WINDOW (dialog));
  trellis_test_iterate_pending ();
  g_assert_null (trellis_classroom_lookup_skill (classroom, id));
  g_assert_null (_trellis_skills_window_get_skill_row (window, skill));
  g_assert_cmpuint (trellis_gui_test_count_rows (_trellis_skills_window_get_skill_list (window)), ==, n - 1);
  g_clear_pointer (&dependent_codes, g_free);
  dependent_codes = prerequisite_codes (classroom, dependent);
  g_assert_null (strstr (dependent_codes, "MS-LS2-3"));
  g_assert_cmpint (trellis_test_query_int (classroom, expected), ==, 0);

  toast = _trellis_skills_window_get_undo_toast (window);
  g_assert_nonnull (toast);
  g_assert_cmpstr (adw_toast_get_title (toast), ==, "“MS-LS2-3” deleted");
  if (g_getenv ("TRELLIS_SCREENSHOT_DIR") != NULL)
    {
      AdwStyleManager *manager = adw_style_manager_get_default ();

      trellis_gui_test_settle (GTK_WIDGET (window), 400);
      trellis_gui_test_save_screenshot (GTK_WIDGET (window), "skills-undo.png");
      adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_DARK);
      trellis_gui_test_save_screenshot (GTK_WIDGET (window), "skills-undo-dark.png");
      adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_DEFAULT);
      gtk_window_set_default_size (GTK_WINDOW (window), 360, 640);
      trellis_gui_test_settle (GTK_WIDGET (window), 300);
      trellis_gui_test_save_screenshot (GTK_WIDGET (window), "skills-undo-narrow.png");
    }

  /* The toast's own Undo button, as the teacher clicks it. */
  undo = trellis_gui_test_find_visible_widget (GTK_WIDGET (window), trellis_gui_test_is_button_labelled, "_Undo");
  g_assert_nonnull (undo);
  trellis_gui_test_click (undo);

  restored = trellis_classroom_lookup_skill (classroom, id);
  g_assert_nonnull (restored);
  g_assert_cmpstr (trellis_skill_get_code (restored), ==, "MS-LS2-3");
  g_assert_nonnull (_trellis_skills_window_get_skill_row (window, restored));
  g_assert_cmpuint (trellis_gui_test_count_rows (_trellis_skills_window_get_skill_list (window)), ==, n);
  {
    g_autofree char *restored_codes = prerequisite_codes (classroom, restored);

    g_assert_cmpstr (restored_codes, ==, codes);
  }
  g_clear_pointer (&dependent_codes, g_free);
  dependent_codes = prerequisite_codes (classroom, dependent);
  g_assert_nonnull (strstr (dependent_codes, "MS-LS2-3"));
  g_assert_cmpint (trellis_test_query_int (classroom, expected), ==, n_evidence);
  /* Once only. */
  g_assert_null (_trellis_skills_window_get_undo_toast (window));

  {
    g_autoptr(TrellisClassroom) reopened = close_and_reopen (fixture);
    TrellisSkill *again = skill_by_code (reopened, "MS-LS2-3");
    g_autofree char *reopened_codes = NULL;

    g_assert_nonnull (again);
    g_assert_cmpint (trellis_skill_get_id (again), ==, id);
    reopened_codes = prerequisite_codes (reopened, again);
    g_assert_cmpstr (reopened_codes, ==, codes);
    g_clear_pointer (&reopened_codes, g_free);
    reopened_codes = prerequisite_codes (reopened, skill_by_code (reopened, "MS-LS2-4"));
    g_assert_nonnull (strstr (reopened_codes, "MS-LS2-3"));
    g_assert_cmpint (trellis_test_query_int (reopened, expected), ==, n_evidence);
  }
}

/*
 * Undo after a new skill took the deleted skill's code: a dialog says so
 * in words, the new skill stays and the deleted one stays deleted.
 */
static void
test_undo_refused (Fixture       *fixture,
                   gconstpointer  data)
{
  TrellisPlaylistWindow *builder = trellis_gui_test_open_builder (fixture);
  TrellisSkillsWindow *window = open_skills (builder);
  TrellisClassroom *classroom = fixture->classroom;
  GListModel *skills = trellis_classroom_get_skills (classroom);
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;
  TrellisSkill *skill, *newer;
  GtkWidget *undo;
  const char *message;
  guint n;
  gint64 id;

  skill = skill_by_code (classroom, "MS-LS2-3");
  id = trellis_skill_get_id (skill);
  n = g_list_model_get_n_items (skills);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "skills.delete", "x", id));
  trellis_test_iterate_pending ();
  dialog = trellis_gui_test_find_transient (ADW_TYPE_MESSAGE_DIALOG, GTK_WINDOW (window));
  adw_message_dialog_response (dialog, "delete");
  gtk_window_destroy (GTK_WINDOW (dialog));
  trellis_test_iterate_pending ();
  g_assert_nonnull (_trellis_skills_window_get_undo_toast (window));

  /* Another program adds a skill with the same code meanwhile. */
  newer = trellis_classroom_add_skill (classroom, "MS-LS2-3", "Newer", &error);
  g_assert_no_error (error);
  trellis_test_iterate_pending ();

  undo = trellis_gui_test_find_visible_widget (GTK_WIDGET (window), trellis_gui_test_is_button_labelled, "_Undo");
  g_assert_nonnull (undo);
  trellis_gui_test_click (undo);

  message = _trellis_skills_window_get_last_message (window);
  g_assert_nonnull (strstr (message, "cannot come back"));
  g_assert_nonnull (strstr (message, "MS-LS2-3"));
  dialog = trellis_gui_test_find_transient (ADW_TYPE_MESSAGE_DIALOG, GTK_WINDOW (window));
  g_assert_cmpstr (adw_message_dialog_get_body (dialog), ==, message);
  g_assert_null (_trellis_skills_window_get_undo_toast (window));
  g_assert_null (trellis_classroom_lookup_skill (classroom, id));
  g_assert_true (skill_by_code (classroom, "MS-LS2-3") == newer);
  g_assert_cmpuint (g_list_model_get_n_items (skills), ==, n);
  g_assert_cmpuint (trellis_gui_test_count_rows (_trellis_skills_window_get_skill_list (window)), ==, n);
  if (g_getenv ("TRELLIS_SCREENSHOT_DIR") != NULL)
    trellis_gui_test_save_screenshot (GTK_WIDGET (dialog), "skills-undo-refused.png");
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* Deletes @skill through its confirmation, as the Delete button does. */
static void
delete_confirmed (TrellisSkillsWindow *window,
                  TrellisSkill        *skill)
{
  AdwMessageDialog *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "skills.delete", "x", trellis_skill_get_id (skill)));
  trellis_test_iterate_pending ();
  dialog = trellis_gui_test_find_transient (ADW_TYPE_MESSAGE_DIALOG, GTK_WINDOW (window));
  adw_message_dialog_response (dialog, "delete");
  gtk_window_destroy (GTK_WINDOW (dialog));
  trellis_test_iterate_pending ();
}

/*
 * Two deletions in a row: Undo (Ctrl+Z's action) brings back the second
 * only, the first stays deleted, and a second Undo does nothing.
 */
static void
test_undo_latest_only (Fixture       *fixture,
                       gconstpointer  data)
{
  TrellisPlaylistWindow *builder = trellis_gui_test_open_builder (fixture);
  TrellisSkillsWindow *window = open_skills (builder);
  TrellisClassroom *classroom = fixture->classroom;
  GListModel *skills = trellis_classroom_get_skills (classroom);
  AdwToast *first_toast;
  gint64 first, second;
  guint n;

  n = g_list_model_get_n_items (skills);
  first = trellis_skill_get_id (skill_by_code (classroom, "MS-LS2-3"));
  second = trellis_skill_get_id (skill_by_code (classroom, "MS-LS2-4"));

  /* Nothing to undo yet. */
  gtk_widget_activate_action (GTK_WIDGET (window), "skills.undo-delete", NULL);
  trellis_test_iterate_pending ();
  g_assert_cmpuint (g_list_model_get_n_items (skills), ==, n);

  delete_confirmed (window, skill_by_code (classroom, "MS-LS2-3"));
  first_toast = _trellis_skills_window_get_undo_toast (window);
  g_assert_nonnull (first_toast);
  delete_confirmed (window, skill_by_code (classroom, "MS-LS2-4"));
  g_assert_nonnull (_trellis_skills_window_get_undo_toast (window));
  g_assert_true (_trellis_skills_window_get_undo_toast (window) != first_toast);
  g_assert_cmpstr (adw_toast_get_title (_trellis_skills_window_get_undo_toast (window)), ==, "“MS-LS2-4” deleted");
  g_assert_cmpuint (g_list_model_get_n_items (skills), ==, n - 2);

  gtk_widget_activate_action (GTK_WIDGET (window), "skills.undo-delete", NULL);
  trellis_test_iterate_pending ();
  g_assert_nonnull (trellis_classroom_lookup_skill (classroom, second));
  g_assert_null (trellis_classroom_lookup_skill (classroom, first));
  g_assert_null (_trellis_skills_window_get_undo_toast (window));
  g_assert_cmpuint (trellis_gui_test_count_rows (_trellis_skills_window_get_skill_list (window)), ==, n - 1);

  gtk_widget_activate_action (GTK_WIDGET (window), "skills.undo-delete", NULL);
  trellis_test_iterate_pending ();
  g_assert_null (trellis_classroom_lookup_skill (classroom, first));
  g_assert_cmpuint (g_list_model_get_n_items (skills), ==, n - 1);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

#define ADD(path, set_up, data, func) \
  g_test_add (path, Fixture, data, set_up, func, trellis_gui_test_fixture_tear_down)

  ADD ("/skills/edit", trellis_gui_test_fixture_set_up, NULL, test_edit_skills);
  ADD ("/skills/empty", trellis_gui_test_fixture_set_up_empty, "Empty", test_empty);
  ADD ("/skills/node-skills", trellis_gui_test_fixture_set_up, NULL, test_node_skills);
  ADD ("/skills/read-only", trellis_gui_test_fixture_set_up, NULL, test_read_only);
  ADD ("/skills/main-window", trellis_gui_test_fixture_set_up, NULL, test_from_main_window);
  ADD ("/skills/delete-undo", trellis_gui_test_fixture_set_up, NULL, test_delete_undo);
  ADD ("/skills/undo-refused", trellis_gui_test_fixture_set_up, NULL, test_undo_refused);
  ADD ("/skills/undo-latest-only", trellis_gui_test_fixture_set_up, NULL, test_undo_latest_only);

#undef ADD

  return g_test_run ();
}

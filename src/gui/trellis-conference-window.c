/* trellis-conference-window.c
 *
 * Copyright 2026 The Trellis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "trellis-columns.h"
#include "trellis-conference-window-private.h"
#include "trellis-confirm-dialog.h"
#include "trellis-learner-summary.h"
#include "trellis-print-dialog.h"
#include "trellis-profile.h"
#include "trellis-profile-links.h"
#include "trellis-profile-rows.h"

/*
 * TrellisConferenceWindow: conference mode, a focused window for a
 * one-on-one with one learner beside the teacher.  Large type, nothing
 * about other learners.  It shows the learner's goals with their progress,
 * recent reflections, where they are in each playlist and what the mastery
 * model makes of their evidence; the teacher writes notes and agreed next
 * steps, marks goals met or revises them with a reason, and writes down a
 * reflection in the learner's words.  Save writes all of it as one dated
 * conference record (one transaction); Cancel asks before throwing away
 * what was typed.  A timer shows the time spent, and never rings.
 */

typedef struct
{
  gint64             goal_id;
  TrellisGoalStatus  status;
  char              *title;
  char              *success_criteria;
  GArray            *skills_before;  /* gint64 */
  GPtrArray         *skill_checks;   /* GtkCheckButton, "skill-id" data */
  GtkToggleButton   *met_button;
  AdwEntryRow       *title_row;
  AdwEntryRow       *criteria_row;
  AdwEntryRow       *reason_row;
  AdwActionRow      *progress_row;
  AdwActionRow      *skills_row;
} GoalEditor;

struct _TrellisConferenceWindow
{
  AdwWindow            parent_instance;

  TrellisClassroom    *classroom;
  TrellisLearner      *learner;

  GArray              *goal_editors;  /* GoalEditor */
  gint64               started_at;    /* monotonic, µs */
  guint                timer_source;
  AdwMessageDialog    *discard_dialog;
  gboolean             closing;

  AdwToastOverlay     *toast_overlay;
  AdwWindowTitle      *window_title;
  GtkLabel            *timer_label;
  AdwAvatar           *avatar;
  GtkLabel            *name_label;
  GtkLabel            *due_label;
  AdwPreferencesGroup *goals_group;
  AdwPreferencesGroup *reflections_group;
  AdwPreferencesGroup *positions_group;
  AdwPreferencesGroup *mastery_group;
  AdwPreferencesGroup *history_group;
  TrellisColumns      *columns;
  GtkTextView         *notes_view;
  GtkTextView         *next_steps_view;
  GtkTextView         *reflection_view;
  AdwComboRow         *reflection_about_row;
  GPtrArray           *reflection_targets;  /* TrellisReflectionTarget, after "nothing" */
};

G_DEFINE_FINAL_TYPE (TrellisConferenceWindow, trellis_conference_window, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_CLASSROOM,
  PROP_LEARNER,
  N_PROPS
};

enum {
  SAVED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Helpers */

static void
goal_editor_clear (GoalEditor *editor)
{
  g_clear_pointer (&editor->title, g_free);
  g_clear_pointer (&editor->success_criteria, g_free);
  g_clear_pointer (&editor->skills_before, g_array_unref);
  g_clear_pointer (&editor->skill_checks, g_ptr_array_unref);
}

static gboolean
skills_changed (GoalEditor *editor)
{
  g_autoptr(GArray) now = trellis_profile_rows_dup_checked_skills (editor->skill_checks);

  if (now->len != editor->skills_before->len)
    return TRUE;

  /* Both are in skill order. */
  for (guint i = 0; i < now->len; i++)
    if (g_array_index (now, gint64, i) != g_array_index (editor->skills_before, gint64, i))
      return TRUE;

  return FALSE;
}

static char *
dup_buffer_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;
  char *text;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
  if (text[0] == '\0')
    g_clear_pointer (&text, g_free);

  return text;
}

static char *
dup_row_text (AdwEntryRow *row)
{
  char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  if (text[0] == '\0')
    g_clear_pointer (&text, g_free);

  return text;
}

static gboolean
has_input (TrellisConferenceWindow *self)
{
  GtkTextView *views[] = { self->notes_view, self->next_steps_view, self->reflection_view };

  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      g_autofree char *text = dup_buffer_text (views[i]);

      if (text != NULL)
        return TRUE;
    }

  for (guint i = 0; i < self->goal_editors->len; i++)
    {
      GoalEditor *editor = &g_array_index (self->goal_editors, GoalEditor, i);
      AdwEntryRow *rows[] = { editor->title_row, editor->criteria_row, editor->reason_row };

      if (gtk_toggle_button_get_active (editor->met_button) || skills_changed (editor))
        return TRUE;

      for (guint r = 0; r < G_N_ELEMENTS (rows); r++)
        {
          g_autofree char *text = dup_row_text (rows[r]);

          if (text != NULL)
            return TRUE;
        }
    }

  return FALSE;
}

static int
elapsed_seconds (TrellisConferenceWindow *self)
{
  return (int) ((g_get_monotonic_time () - self->started_at) / G_USEC_PER_SEC);
}

static void
update_timer (TrellisConferenceWindow *self)
{
  int seconds = elapsed_seconds (self);
  g_autofree char *text = g_strdup_printf ("%d:%02d", seconds / 60, seconds % 60);
  g_autofree char *accessible = NULL;

  gtk_label_set_label (self->timer_label, text);

  /* Translators: the time a conference has taken so far */
  accessible = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d minute elapsed", "%d minutes elapsed",
                                             (gulong) (seconds / 60)),
                                seconds / 60);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->timer_label), accessible);
}

static gboolean
on_timer_cb (gpointer data)
{
  update_timer (data);

  return G_SOURCE_CONTINUE;
}

static void
show_error (TrellisConferenceWindow *self,
            const GError            *error)
{
  g_autofree char *escaped = g_markup_escape_text (error->message, -1);
  AdwToast *toast = adw_toast_new (escaped);

  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static GtkWidget *
text_row (const char *title,
          const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 4);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 4);

  return row;
}

static AdwEntryRow *
add_editor_row (AdwExpanderRow *expander,
                const char     *title)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_expander_row_add_row (expander, row);

  return ADW_ENTRY_ROW (row);
}

static void
on_met_toggled_cb (GtkToggleButton *button,
                   AdwExpanderRow  *row)
{
  /* Marking a goal met asks for nothing more than an optional reason. */
  if (gtk_toggle_button_get_active (button))
    {
      gtk_button_set_label (GTK_BUTTON (button), _("Met ✓"));
      gtk_widget_add_css_class (GTK_WIDGET (row), "met");
    }
  else
    {
      gtk_button_set_label (GTK_BUTTON (button), _("Mark Met"));
      gtk_widget_remove_css_class (GTK_WIDGET (row), "met");
    }
}

static void
update_skills_row (TrellisConferenceWindow *self,
                   GoalEditor              *editor)
{
  g_autoptr(GArray) skills = trellis_profile_rows_dup_checked_skills (editor->skill_checks);
  g_autofree char *codes = trellis_profile_links_dup_skill_codes (self->classroom, skills);

  adw_action_row_set_subtitle (editor->skills_row,
                               codes != NULL ? codes : _("None yet: link the skills this goal works on"));
}

static void
on_skill_toggled_cb (GtkCheckButton          *check,
                     TrellisConferenceWindow *self)
{
  gint64 goal_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (check), "goal-id"));

  for (guint i = 0; i < self->goal_editors->len; i++)
    {
      GoalEditor *editor = &g_array_index (self->goal_editors, GoalEditor, i);

      if (editor->goal_id == goal_id)
        update_skills_row (self, editor);
    }
}

/* A "Choose" button with a popover of check buttons, one per skill. */
static GtkWidget *
new_skills_button (TrellisConferenceWindow *self,
                   GoalEditor              *editor)
{
  GListModel *skills = trellis_classroom_get_skills (self->classroom);
  guint n_skills = skills != NULL ? g_list_model_get_n_items (skills) : 0;
  GtkWidget *button = gtk_menu_button_new ();
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);

  gtk_menu_button_set_label (GTK_MENU_BUTTON (button), _("Choose…"));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, _("Link this goal to skills"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Choose linked skills"),
                                  -1);
  gtk_widget_set_sensitive (button, n_skills > 0);

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);

  for (guint i = 0; i < n_skills; i++)
    {
      g_autoptr(TrellisSkill) skill = g_list_model_get_item (skills, i);
      gint64 id = trellis_skill_get_id (skill);
      g_autofree char *label = NULL;
      GtkWidget *check;
      gboolean linked = FALSE;

      for (guint j = 0; j < editor->skills_before->len; j++)
        if (g_array_index (editor->skills_before, gint64, j) == id)
          linked = TRUE;

      /* Translators: a skill's code, then its name */
      label = g_strdup_printf (_("%s — %s"), trellis_skill_get_code (skill), trellis_skill_get_name (skill));
      check = gtk_check_button_new_with_label (label);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), linked);
      g_object_set_data (G_OBJECT (check), "skill-id", GSIZE_TO_POINTER (id));
      g_object_set_data (G_OBJECT (check), "goal-id", GSIZE_TO_POINTER (editor->goal_id));
      g_signal_connect (check, "toggled", G_CALLBACK (on_skill_toggled_cb), self);
      gtk_box_append (GTK_BOX (box), check);
      g_ptr_array_add (editor->skill_checks, check);
    }

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_propagate_natural_width (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 360);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), box);
  gtk_popover_set_child (GTK_POPOVER (popover), scrolled);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), popover);

  return button;
}

static void
load_goals (TrellisConferenceWindow *self,
            GPtrArray               *mastery)
{
  g_autoptr(GPtrArray) goals = NULL;
  g_autoptr(GError) error = NULL;
  guint n_shown = 0;

  goals = trellis_profile_list_goals (self->classroom, self->learner, &error);
  if (goals == NULL)
    {
      show_error (self, error);
      return;
    }

  for (guint i = 0; i < goals->len; i++)
    {
      TrellisGoal *goal = g_ptr_array_index (goals, i);
      GoalEditor editor = { 0 };
      GtkWidget *skills_row;
      GtkWidget *row;
      GtkWidget *met;

      if (goal->status != TRELLIS_GOAL_STATUS_ACTIVE && goal->status != TRELLIS_GOAL_STATUS_REVISED)
        continue;

      /* The goal and its progress on the linked skills, then what can change. */
      row = trellis_profile_rows_new_goal (self->classroom, goal, mastery, &editor.progress_row);

      met = gtk_toggle_button_new_with_label (_("Mark Met"));
      gtk_widget_set_valign (met, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (met, _("The learner met this goal"));
      g_signal_connect (met, "toggled", G_CALLBACK (on_met_toggled_cb), row);
      adw_expander_row_add_action (ADW_EXPANDER_ROW (row), met);

      editor.goal_id = goal->id;
      editor.status = goal->status;
      editor.title = g_strdup (goal->title);
      editor.success_criteria = g_strdup (goal->success_criteria);
      editor.skills_before = g_array_new (FALSE, FALSE, sizeof (gint64));
      if (goal->skill_ids != NULL)
        g_array_append_vals (editor.skills_before, goal->skill_ids->data, goal->skill_ids->len);
      editor.skill_checks = g_ptr_array_new ();
      editor.met_button = GTK_TOGGLE_BUTTON (met);

      skills_row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (skills_row), _("Linked Skills"));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (skills_row), FALSE);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (skills_row), 3);
      editor.skills_row = ADW_ACTION_ROW (skills_row);
      adw_action_row_add_suffix (ADW_ACTION_ROW (skills_row), new_skills_button (self, &editor));
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), skills_row);

      editor.title_row = add_editor_row (ADW_EXPANDER_ROW (row), _("Revised goal (leave empty to keep it)"));
      editor.criteria_row = add_editor_row (ADW_EXPANDER_ROW (row), _("Revised “I will know I’ve met it when…”"));
      editor.reason_row = add_editor_row (ADW_EXPANDER_ROW (row), _("Why (the reason for the change)"));
      g_array_append_val (self->goal_editors, editor);
      update_skills_row (self, &g_array_index (self->goal_editors, GoalEditor, self->goal_editors->len - 1));

      adw_preferences_group_add (self->goals_group, row);
      n_shown++;
    }

  if (n_shown == 0)
    adw_preferences_group_add (self->goals_group,
                               trellis_profile_rows_new_placeholder (_("No active goals. Agree one together and write it in the next steps; add it to the learner’s page afterwards.")));
}

static void
load_reflections (TrellisConferenceWindow *self)
{
  g_autoptr(GPtrArray) reflections = NULL;
  g_autoptr(GError) error = NULL;

  reflections = trellis_profile_list_reflections (self->classroom, self->learner, 3, &error);
  if (reflections == NULL)
    {
      show_error (self, error);
      return;
    }

  if (reflections->len == 0)
    adw_preferences_group_add (self->reflections_group,
                               trellis_profile_rows_new_placeholder (_("No reflections yet. Ask the learner how their work is going and write it below in their words.")));

  for (guint i = 0; i < reflections->len; i++)
    {
      TrellisReflection *reflection = g_ptr_array_index (reflections, i);

      adw_preferences_group_add (self->reflections_group,
                                 trellis_profile_rows_new_reflection (self->classroom, reflection));
    }
}

/* What the learner's reflection can be about: nothing, a goal, a milestone. */
static void
load_reflection_targets (TrellisConferenceWindow *self)
{
  g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);
  g_autoptr(GError) error = NULL;

  self->reflection_targets = trellis_profile_links_list_targets (self->classroom, self->learner, &error);
  if (self->reflection_targets == NULL)
    {
      show_error (self, error);
      self->reflection_targets = g_ptr_array_new_with_free_func ((GDestroyNotify) trellis_reflection_target_free);
    }

  gtk_string_list_append (model, _("Nothing in particular"));
  for (guint i = 0; i < self->reflection_targets->len; i++)
    gtk_string_list_append (model, ((TrellisReflectionTarget *) g_ptr_array_index (self->reflection_targets, i))->label);
  adw_combo_row_set_model (self->reflection_about_row, G_LIST_MODEL (model));
  adw_combo_row_set_selected (self->reflection_about_row, 0);
}

static void
load_positions (TrellisConferenceWindow *self)
{
  g_autoptr(GPtrArray) positions = NULL;
  g_autoptr(GError) error = NULL;

  positions = trellis_learner_summary_list_positions (self->classroom, self->learner, &error);
  if (positions == NULL)
    {
      show_error (self, error);
      return;
    }

  if (positions->len == 0)
    adw_preferences_group_add (self->positions_group,
                               trellis_profile_rows_new_placeholder (_("No playlists in this classroom yet.")));

  for (guint i = 0; i < positions->len; i++)
    {
      TrellisPlaylistPosition *position = g_ptr_array_index (positions, i);
      GString *subtitle = g_string_new (NULL);

      if (position->current != NULL)
        /* Translators: the activity a learner is on, its position and the playlist's length */
        g_string_append_printf (subtitle, _("Now: %s (%u of %u)"),
                                position->current, position->position, position->n_nodes);
      else
        g_string_append (subtitle, _("Everything done"));

      if (position->next_milestone != NULL)
        {
          g_string_append_c (subtitle, '\n');
          if (position->milestone_date != NULL)
            {
              g_autofree char *date = trellis_learner_summary_format_date (position->milestone_date);

              /* Translators: a milestone and its target date */
              g_string_append_printf (subtitle, _("Next milestone: %s, %s"), position->next_milestone, date);
            }
          else
            {
              /* Translators: a milestone */
              g_string_append_printf (subtitle, _("Next milestone: %s"), position->next_milestone);
            }
        }

      adw_preferences_group_add (self->positions_group, text_row (position->playlist, subtitle->str));
      g_string_free (subtitle, TRUE);
    }
}

static void
load_mastery (TrellisConferenceWindow *self,
              GPtrArray               *mastery)
{
  gint64 n_evidence = trellis_learner_summary_count_evidence (self->classroom, self->learner);

  if (mastery == NULL || mastery->len == 0)
    adw_preferences_group_add (self->mastery_group,
                               trellis_profile_rows_new_placeholder (n_evidence > 0
                                                ? _("Evidence is recorded, but the mastery model has not been fitted yet.")
                                                : _("No evidence recorded yet.")));

  for (guint i = 0; mastery != NULL && i < mastery->len; i++)
    {
      TrellisMasterySummary *summary = g_ptr_array_index (mastery, i);
      g_autofree char *percent = NULL;
      GtkWidget *row = text_row (summary->skill, summary->explanation);
      GtkWidget *label;

      /* Translators: a probability as a percentage */
      percent = g_strdup_printf (_("%d%%"), (int) (summary->p_known * 100 + 0.5));
      label = gtk_label_new (percent);
      gtk_widget_add_css_class (label, "heading");
      gtk_widget_add_css_class (label, "numeric");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
      adw_preferences_group_add (self->mastery_group, row);
    }
}

static void
load_history (TrellisConferenceWindow *self)
{
  g_autoptr(GPtrArray) conferences = NULL;
  g_autoptr(GError) error = NULL;

  conferences = trellis_profile_list_conferences (self->classroom, self->learner, &error);
  if (conferences == NULL)
    {
      show_error (self, error);
      return;
    }

  if (conferences->len == 0)
    adw_preferences_group_add (self->history_group,
                               trellis_profile_rows_new_placeholder (_("This is the first conference with this learner.")));

  for (guint i = 0; i < conferences->len && i < 3; i++)
    {
      TrellisConference *conference = g_ptr_array_index (conferences, i);
      g_autofree char *date = trellis_learner_summary_format_date (conference->held_on);

      adw_preferences_group_add (self->history_group,
                                 text_row (date, conference->next_steps ? conference->next_steps : conference->notes));
    }
}

static void
load (TrellisConferenceWindow *self)
{
  g_autoptr(GPtrArray) mastery = NULL;
  g_autofree char *title = NULL;
  g_autofree char *due = NULL;
  const char *pronouns;

  if (self->classroom == NULL || self->learner == NULL)
    return;

  /* Translators: %s is a learner's name */
  title = g_strdup_printf (_("Conference with %s"), trellis_learner_get_display_name (self->learner));
  gtk_window_set_title (GTK_WINDOW (self), title);
  adw_window_title_set_title (self->window_title, title);

  adw_avatar_set_text (self->avatar, trellis_learner_get_display_name (self->learner));
  gtk_label_set_label (self->name_label, trellis_learner_get_display_name (self->learner));

  pronouns = trellis_learner_get_pronouns (self->learner);
  due = trellis_profile_next_conference_due (self->classroom, self->learner, NULL);
  if (due != NULL)
    {
      g_autofree char *date = trellis_learner_summary_format_date (due);
      g_autofree char *text = NULL;

      if (pronouns != NULL && pronouns[0] != '\0')
        /* Translators: pronouns, then a date */
        text = g_strdup_printf (_("%s · conference due %s"), pronouns, date);
      else
        /* Translators: %s is a date */
        text = g_strdup_printf (_("Conference due %s"), date);
      gtk_label_set_label (self->due_label, text);
    }

  {
    g_autoptr(TrellisConference) latest = trellis_profile_get_latest_conference (self->classroom, self->learner, NULL);

    gtk_widget_action_set_enabled (GTK_WIDGET (self), "conference.print-last", latest != NULL);
  }

  mastery = trellis_learner_summary_list_mastery (self->classroom, self->learner, NULL);
  load_goals (self, mastery);
  load_reflections (self);
  load_reflection_targets (self);
  load_positions (self);
  load_mastery (self, mastery);
  load_history (self);
}

static gboolean
on_destroy_idle_cb (gpointer data)
{
  gtk_window_destroy (GTK_WINDOW (data));

  return G_SOURCE_REMOVE;
}

static void
on_discard_response_cb (AdwMessageDialog        *dialog,
                        const char              *response,
                        TrellisConferenceWindow *self)
{
  g_signal_handlers_disconnect_by_data (dialog, self);
  self->discard_dialog = NULL;

  /* Not destroyed at once: the dialog, transient for this window, is
   * still finishing its response. */
  if (g_strcmp0 (response, "discard") == 0)
    {
      self->closing = TRUE;
      g_idle_add_full (G_PRIORITY_DEFAULT, on_destroy_idle_cb, g_object_ref (self), g_object_unref);
    }
}

static void
ask_discard (TrellisConferenceWindow *self)
{
  AdwMessageDialog *dialog;

  if (self->discard_dialog != NULL)
    {
      gtk_window_present (GTK_WINDOW (self->discard_dialog));
      return;
    }

  dialog = trellis_confirm_dialog_new (GTK_WINDOW (self), _("Discard This Conference?"),
                                       _("The notes, goal changes and reflection written so far will be lost."),
                                       _("_Keep Writing"), "discard", _("_Discard"));

  self->discard_dialog = dialog;
  g_signal_connect (dialog, "response", G_CALLBACK (on_discard_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Actions */

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TrellisConferenceWindow *self = TRELLIS_CONFERENCE_WINDOW (widget);
  g_autoptr(GArray) changes = g_array_new (FALSE, TRUE, sizeof (TrellisGoalChange));
  g_autoptr(GPtrArray) strings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) arrays = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  g_autoptr(GError) error = NULL;
  g_autofree char *notes = dup_buffer_text (self->notes_view);
  g_autofree char *next_steps = dup_buffer_text (self->next_steps_view);
  g_autofree char *reflection = dup_buffer_text (self->reflection_view);
  TrellisConferenceRecord record = { 0 };
  guint about;
  gint64 id;

  if (self->classroom == NULL || self->learner == NULL)
    return;

  for (guint i = 0; i < self->goal_editors->len; i++)
    {
      GoalEditor *editor = &g_array_index (self->goal_editors, GoalEditor, i);
      char *title = dup_row_text (editor->title_row);
      char *criteria = dup_row_text (editor->criteria_row);
      char *reason = dup_row_text (editor->reason_row);
      TrellisGoalChange change = { 0 };

      g_ptr_array_add (strings, title);
      g_ptr_array_add (strings, criteria);
      g_ptr_array_add (strings, reason);

      /* Unchanged text is no revision. */
      if (g_strcmp0 (title, editor->title) == 0)
        title = NULL;
      if (g_strcmp0 (criteria, editor->success_criteria) == 0)
        criteria = NULL;

      change.goal_id = editor->goal_id;
      change.reason = reason;

      /* Linking skills is no revision: the status stays, unless changed too. */
      if (skills_changed (editor))
        {
          GArray *skills = trellis_profile_rows_dup_checked_skills (editor->skill_checks);

          g_ptr_array_add (arrays, skills);
          change.set_skills = TRUE;
          change.skill_ids = (const gint64 *) skills->data;
          change.n_skill_ids = skills->len;
        }

      if (gtk_toggle_button_get_active (editor->met_button))
        {
          change.status = TRELLIS_GOAL_STATUS_MET;
        }
      else if (title != NULL || criteria != NULL)
        {
          change.status = TRELLIS_GOAL_STATUS_REVISED;
          change.title = title;
          change.success_criteria = criteria;
        }
      else if (change.set_skills)
        {
          change.status = editor->status;
        }
      else
        {
          continue;
        }

      g_array_append_val (changes, change);
    }

  record.held_on = NULL;
  record.notes = notes;
  record.next_steps = next_steps;
  record.duration_seconds = elapsed_seconds (self);
  record.goal_changes = (const TrellisGoalChange *) changes->data;
  record.n_goal_changes = changes->len;
  record.reflection = reflection;
  record.reflection_author = TRELLIS_REFLECTION_AUTHOR_LEARNER;
  record.reflection_goal_id = 0;
  record.reflection_node_id = 0;

  /* The first item is "nothing in particular". */
  about = adw_combo_row_get_selected (self->reflection_about_row);
  if (about != GTK_INVALID_LIST_POSITION && about > 0 &&
      self->reflection_targets != NULL && about - 1 < self->reflection_targets->len)
    {
      TrellisReflectionTarget *target = g_ptr_array_index (self->reflection_targets, about - 1);

      record.reflection_goal_id = target->goal_id;
      record.reflection_node_id = target->node_id;
    }

  id = trellis_profile_save_conference (self->classroom, self->learner, &record, &error);
  if (id == 0)
    {
      show_error (self, error);
      return;
    }

  g_signal_emit (self, signals[SAVED], 0, id);

  self->closing = TRUE;
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  TrellisConferenceWindow *self = TRELLIS_CONFERENCE_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (self->classroom == NULL || self->learner == NULL)
    return;

  if (!trellis_print_dialog_run_learner (GTK_WINDOW (self), self->classroom, self->learner,
                                         g_str_equal (action_name, "conference.print-last"), &error))
    show_error (self, error);
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  gtk_window_close (GTK_WINDOW (widget));
}

/* Overrides */

static gboolean
trellis_conference_window_close_request (GtkWindow *window)
{
  TrellisConferenceWindow *self = TRELLIS_CONFERENCE_WINDOW (window);

  if (!self->closing && has_input (self))
    {
      ask_discard (self);
      return TRUE;
    }

  return GTK_WINDOW_CLASS (trellis_conference_window_parent_class)->close_request (window);
}

static void
trellis_conference_window_constructed (GObject *object)
{
  TrellisConferenceWindow *self = TRELLIS_CONFERENCE_WINDOW (object);

  G_OBJECT_CLASS (trellis_conference_window_parent_class)->constructed (object);

  load (self);
}

static void
trellis_conference_window_dispose (GObject *object)
{
  TrellisConferenceWindow *self = TRELLIS_CONFERENCE_WINDOW (object);

  g_clear_handle_id (&self->timer_source, g_source_remove);

  if (self->discard_dialog != NULL)
    {
      AdwMessageDialog *dialog = g_steal_pointer (&self->discard_dialog);

      g_signal_handlers_disconnect_by_data (dialog, self);
      gtk_window_destroy (GTK_WINDOW (dialog));
    }

  gtk_widget_dispose_template (GTK_WIDGET (self), TRELLIS_TYPE_CONFERENCE_WINDOW);

  g_clear_object (&self->learner);
  g_clear_object (&self->classroom);

  G_OBJECT_CLASS (trellis_conference_window_parent_class)->dispose (object);
}

static void
trellis_conference_window_finalize (GObject *object)
{
  TrellisConferenceWindow *self = TRELLIS_CONFERENCE_WINDOW (object);

  g_array_unref (self->goal_editors);
  g_clear_pointer (&self->reflection_targets, g_ptr_array_unref);

  G_OBJECT_CLASS (trellis_conference_window_parent_class)->finalize (object);
}

static void
trellis_conference_window_get_property (GObject    *object,
                                        guint       prop_id,
                                        GValue     *value,
                                        GParamSpec *pspec)
{
  TrellisConferenceWindow *self = TRELLIS_CONFERENCE_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CLASSROOM:
      g_value_set_object (value, self->classroom);
      break;

    case PROP_LEARNER:
      g_value_set_object (value, self->learner);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trellis_conference_window_set_property (GObject      *object,
                                        guint         prop_id,
                                        const GValue *value,
                                        GParamSpec   *pspec)
{
  TrellisConferenceWindow *self = TRELLIS_CONFERENCE_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CLASSROOM:
      self->classroom = g_value_dup_object (value);
      break;

    case PROP_LEARNER:
      self->learner = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trellis_conference_window_class_init (TrellisConferenceWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = trellis_conference_window_constructed;
  object_class->dispose = trellis_conference_window_dispose;
  object_class->finalize = trellis_conference_window_finalize;
  object_class->get_property = trellis_conference_window_get_property;
  object_class->set_property = trellis_conference_window_set_property;

  window_class->close_request = trellis_conference_window_close_request;

  properties[PROP_CLASSROOM] =
    g_param_spec_object ("classroom", NULL, NULL,
                         TRELLIS_TYPE_CLASSROOM,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_LEARNER] =
    g_param_spec_object ("learner", NULL, NULL,
                         TRELLIS_TYPE_LEARNER,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * TrellisConferenceWindow::saved:
   * @conference_id: the id of the conference record written
   *
   * Emitted when the conference was saved, just before the window closes.
   */
  signals[SAVED] =
    g_signal_new ("saved",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);

  g_type_ensure (TRELLIS_TYPE_COLUMNS);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/trellis/Trellis/trellis-conference-window.ui");
  gtk_widget_class_bind_template_child (widget_class, TrellisConferenceWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, TrellisConferenceWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, TrellisConferenceWindow, timer_label);
  gtk_widget_class_bind_template_child (widget_class, TrellisConferenceWindow, avatar);
  gtk_widget_class_bind_template_child (widget_class, TrellisConferenceWindow, name_label);
  gtk_widget_class_bind_template_child (widget_class, TrellisConferenceWindow, due_label);
  gtk_widget_class_bind_template_child (widget_class, TrellisConferenceWindow, goals_group);
  gtk_widget_class_bind_template_child (widget_class, TrellisConferenceWindow, reflections_group);
  gtk_widget_class_bind_template_child (widget_class, TrellisConferenceWindow, positions_group);
  gtk_widget_class_bind_template_child (widget_class, TrellisConferenceWindow, mastery_group);
  gtk_widget_class_bind_template_child (widget_class, TrellisConferenceWindow, history_group);
  gtk_widget_class_bind_template_child (widget_class, TrellisConferenceWindow, columns);
  gtk_widget_class_bind_template_child (widget_class, TrellisConferenceWindow, notes_view);
  gtk_widget_class_bind_template_child (widget_class, TrellisConferenceWindow, next_steps_view);
  gtk_widget_class_bind_template_child (widget_class, TrellisConferenceWindow, reflection_view);
  gtk_widget_class_bind_template_child (widget_class, TrellisConferenceWindow, reflection_about_row);

  gtk_widget_class_install_action (widget_class, "conference.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "conference.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "conference.print-profile", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "conference.print-last", NULL, print_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "conference.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "conference.cancel", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "conference.print-profile", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "conference.cancel", NULL);
}

static void
trellis_conference_window_init (TrellisConferenceWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->goal_editors = g_array_new (FALSE, TRUE, sizeof (GoalEditor));
  g_array_set_clear_func (self->goal_editors, (GDestroyNotify) goal_editor_clear);

  self->started_at = g_get_monotonic_time ();
  self->timer_source = g_timeout_add_seconds (1, on_timer_cb, self);
  update_timer (self);
}

/* Public API */

TrellisConferenceWindow *
trellis_conference_window_new (GtkWindow        *parent,
                               TrellisClassroom *classroom,
                               TrellisLearner   *learner)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (TRELLIS_IS_CLASSROOM (classroom), NULL);
  g_return_val_if_fail (TRELLIS_IS_LEARNER (learner), NULL);

  return g_object_new (TRELLIS_TYPE_CONFERENCE_WINDOW,
                       "transient-for", parent,
                       "application", parent ? gtk_window_get_application (parent) : NULL,
                       "classroom", classroom,
                       "learner", learner,
                       NULL);
}

/**
 * trellis_conference_window_get_classroom:
 *
 * Returns: (transfer none): the classroom
 */
TrellisClassroom *
trellis_conference_window_get_classroom (TrellisConferenceWindow *self)
{
  g_return_val_if_fail (TRELLIS_IS_CONFERENCE_WINDOW (self), NULL);

  return self->classroom;
}

/**
 * trellis_conference_window_get_learner:
 *
 * Returns: (transfer none): the learner in the conference
 */
TrellisLearner *
trellis_conference_window_get_learner (TrellisConferenceWindow *self)
{
  g_return_val_if_fail (TRELLIS_IS_CONFERENCE_WINDOW (self), NULL);

  return self->learner;
}

GtkTextView *
_trellis_conference_window_get_notes_view (TrellisConferenceWindow *self)
{
  g_return_val_if_fail (TRELLIS_IS_CONFERENCE_WINDOW (self), NULL);

  return self->notes_view;
}

GtkTextView *
_trellis_conference_window_get_next_steps_view (TrellisConferenceWindow *self)
{
  g_return_val_if_fail (TRELLIS_IS_CONFERENCE_WINDOW (self), NULL);

  return self->next_steps_view;
}

GtkTextView *
_trellis_conference_window_get_reflection_view (TrellisConferenceWindow *self)
{
  g_return_val_if_fail (TRELLIS_IS_CONFERENCE_WINDOW (self), NULL);

  return self->reflection_view;
}

gboolean
_trellis_conference_window_get_goal_editor (TrellisConferenceWindow  *self,
                                            gint64                    goal_id,
                                            GtkToggleButton         **met_button,
                                            AdwEntryRow             **title_row,
                                            AdwEntryRow             **reason_row)
{
  g_return_val_if_fail (TRELLIS_IS_CONFERENCE_WINDOW (self), FALSE);

  for (guint i = 0; i < self->goal_editors->len; i++)
    {
      GoalEditor *editor = &g_array_index (self->goal_editors, GoalEditor, i);

      if (editor->goal_id != goal_id)
        continue;

      if (met_button != NULL)
        *met_button = editor->met_button;
      if (title_row != NULL)
        *title_row = editor->title_row;
      if (reason_row != NULL)
        *reason_row = editor->reason_row;
      return TRUE;
    }

  return FALSE;
}

AdwMessageDialog *
_trellis_conference_window_get_discard_dialog (TrellisConferenceWindow *self)
{
  g_return_val_if_fail (TRELLIS_IS_CONFERENCE_WINDOW (self), NULL);

  return self->discard_dialog;
}

GtkLabel *
_trellis_conference_window_get_timer_label (TrellisConferenceWindow *self)
{
  g_return_val_if_fail (TRELLIS_IS_CONFERENCE_WINDOW (self), NULL);

  return self->timer_label;
}

GtkCheckButton *
_trellis_conference_window_get_goal_skill_check (TrellisConferenceWindow *self,
                                                 gint64                   goal_id,
                                                 gint64                   skill_id)
{
  g_return_val_if_fail (TRELLIS_IS_CONFERENCE_WINDOW (self), NULL);

  for (guint i = 0; i < self->goal_editors->len; i++)
    {
      GoalEditor *editor = &g_array_index (self->goal_editors, GoalEditor, i);

      if (editor->goal_id != goal_id)
        continue;

      for (guint j = 0; j < editor->skill_checks->len; j++)
        {
          GtkCheckButton *check = g_ptr_array_index (editor->skill_checks, j);

          if ((gint64) GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (check), "skill-id")) == skill_id)
            return check;
        }
    }

  return NULL;
}

/* Selects what the reflection is about: a goal or a node (0, 0: nothing). */
gboolean
_trellis_conference_window_select_reflection_about (TrellisConferenceWindow *self,
                                                    gint64                   goal_id,
                                                    gint64                   node_id)
{
  g_return_val_if_fail (TRELLIS_IS_CONFERENCE_WINDOW (self), FALSE);

  if (goal_id == 0 && node_id == 0)
    {
      adw_combo_row_set_selected (self->reflection_about_row, 0);
      return TRUE;
    }

  for (guint i = 0; self->reflection_targets != NULL && i < self->reflection_targets->len; i++)
    {
      TrellisReflectionTarget *target = g_ptr_array_index (self->reflection_targets, i);

      if ((goal_id != 0 && target->goal_id == goal_id) || (node_id != 0 && target->node_id == node_id))
        {
          adw_combo_row_set_selected (self->reflection_about_row, i + 1);
          return TRUE;
        }
    }

  return FALSE;
}

gboolean
_trellis_conference_window_get_goal_rows (TrellisConferenceWindow  *self,
                                          gint64                    goal_id,
                                          AdwActionRow            **progress_row,
                                          AdwActionRow            **skills_row)
{
  g_return_val_if_fail (TRELLIS_IS_CONFERENCE_WINDOW (self), FALSE);

  for (guint i = 0; i < self->goal_editors->len; i++)
    {
      GoalEditor *editor = &g_array_index (self->goal_editors, GoalEditor, i);

      if (editor->goal_id != goal_id)
        continue;

      if (progress_row != NULL)
        *progress_row = editor->progress_row;
      if (skills_row != NULL)
        *skills_row = editor->skills_row;
      return TRUE;
    }

  return FALSE;
}

/* The two columns: side by side, or stacked in a narrow window. */
TrellisColumns *
_trellis_conference_window_get_columns (TrellisConferenceWindow *self)
{
  g_return_val_if_fail (TRELLIS_IS_CONFERENCE_WINDOW (self), NULL);

  return self->columns;
}

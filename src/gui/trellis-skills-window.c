/* trellis-skills-window.c
 *
 * Copyright 2026 The Trellis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trellis-skills-window"

#include "config.h"

#include <glib/gi18n.h>

#include "trellis-confirm-dialog.h"
#include "trellis-skill-list.h"
#include "trellis-skills-window-private.h"
#include "trellis-undo-toast.h"

/*
 * The classroom's skill list (issue 6): a form to add a skill, then one
 * expander row per skill (code as title, name and prerequisites as
 * subtitle) holding its code and name as entry rows, the skills it builds
 * on (a TrellisSkillPicker) and a delete button.  Every edit is one
 * classroom transaction; rows follow the skill list model and refresh
 * when a skill notifies.  Deleting asks first and says how much evidence
 * and mastery goes with the skill; then an Undo toast (or Ctrl+Z while it
 * shows) puts the skill back with everything that went with it, or says
 * in a dialog why it cannot.
 */

struct _TrellisSkillsWindow
{
  AdwWindow             parent_instance;

  TrellisClassroom     *classroom;
  GtkFileChooserNative *chooser;
  char                 *last_message;
  /* The toast shown last: a new message replaces it rather than queueing. */
  AdwToast             *toast;
  /* The last deletion, while its Undo toast shows */
  TrellisSkillSnapshot *deleted;
  AdwToast             *undo_toast;
  guint                 refresh_id;

  AdwWindowTitle       *window_title;
  AdwToastOverlay      *toast_overlay;
  AdwPreferencesGroup  *add_group;
  AdwEntryRow          *code_entry;
  AdwEntryRow          *name_entry;
  GtkListBox           *skill_list;
};

G_DEFINE_FINAL_TYPE (TrellisSkillsWindow, trellis_skills_window, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_CLASSROOM,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/* Helpers */

static gboolean
is_writable (TrellisSkillsWindow *self)
{
  return self->classroom != NULL && !trellis_classroom_get_read_only (self->classroom);
}

static void
show_message (TrellisSkillsWindow *self,
              const char          *message)
{
  g_autofree char *escaped = g_markup_escape_text (message, -1);

  g_free (self->last_message);
  self->last_message = g_strdup (message);
  if (self->toast != NULL)
    adw_toast_dismiss (self->toast);
  g_set_object (&self->toast, adw_toast_new (escaped));
  adw_toast_overlay_add_toast (self->toast_overlay, g_object_ref (self->toast));
}

static void
update_actions (TrellisSkillsWindow *self)
{
  gboolean writable = is_writable (self);
  g_autofree char *code = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->code_entry))));
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_entry))));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "skills.add", writable && *code != '\0' && *name != '\0');
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "skills.import", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "skills.delete", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "skills.undo-delete", writable && self->deleted != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->add_group), writable);
}

static void
update_subtitle (TrellisSkillsWindow *self)
{
  guint n = g_list_model_get_n_items (trellis_classroom_get_skills (self->classroom));
  g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u skill", "%u skills", n), n);

  adw_window_title_set_subtitle (self->window_title, text);
}

static char *
prerequisite_codes (TrellisSkillsWindow *self,
                    TrellisSkill        *skill)
{
  g_autoptr(GPtrArray) prerequisites = trellis_classroom_dup_skill_prerequisites (self->classroom, skill);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < prerequisites->len; i++)
    g_string_append_printf (text, "%s%s", i > 0 ? ", " : "",
                            trellis_skill_get_code (g_ptr_array_index (prerequisites, i)));

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
set_entry_text (AdwEntryRow *row,
                const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
  /* What the file holds has nothing to apply: hide the apply button. */
  adw_entry_row_set_show_apply_button (row, FALSE);
  adw_entry_row_set_show_apply_button (row, TRUE);
}

/* Accessible names that say which skill a button is for. */
static void
update_row_labels (GtkWidget    *row,
                   TrellisSkill *skill)
{
  GtkWidget *delete = g_object_get_data (G_OBJECT (row), "delete-button");
  GtkWidget *choose = g_object_get_data (G_OBJECT (row), "choose-button");
  /* Translators: the accessible name of a skill's delete button; %s is its code */
  g_autofree char *delete_label = g_strdup_printf (_("Delete %s"), trellis_skill_get_code (skill));
  /* Translators: the accessible name of the button that picks a skill's prerequisites */
  g_autofree char *choose_label = g_strdup_printf (_("Choose what %s builds on"), trellis_skill_get_code (skill));

  if (delete != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (delete), GTK_ACCESSIBLE_PROPERTY_LABEL, delete_label, -1);
  if (choose != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (choose), GTK_ACCESSIBLE_PROPERTY_LABEL, choose_label, -1);
}

/*
 * Shows @skill's code, name and prerequisites in its row's title and
 * subtitles; with @entries, in its entries too (which drops what the
 * teacher typed there and did not apply).
 */
static void
refresh_row (TrellisSkillsWindow *self,
             GtkWidget           *row,
             gboolean             entries)
{
  TrellisSkill *skill = g_object_get_data (G_OBJECT (row), "trellis-skill");
  AdwActionRow *prerequisites_row = g_object_get_data (G_OBJECT (row), "prerequisites-row");
  g_autofree char *codes = prerequisite_codes (self, skill);
  g_autofree char *title = g_markup_escape_text (trellis_skill_get_code (skill), -1);
  g_autofree char *subtitle = NULL;
  g_autofree char *escaped = NULL;

  if (*codes != '\0')
    /* Translators: a skill's name, then the codes of the skills it builds on */
    subtitle = g_strdup_printf (_("%s · builds on %s"), trellis_skill_get_name (skill), codes);
  else
    subtitle = g_strdup (trellis_skill_get_name (skill));
  escaped = g_markup_escape_text (subtitle, -1);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), escaped);
  if (entries)
    {
      set_entry_text (g_object_get_data (G_OBJECT (row), "code-entry"), trellis_skill_get_code (skill));
      set_entry_text (g_object_get_data (G_OBJECT (row), "name-entry"), trellis_skill_get_name (skill));
    }
  update_row_labels (row, skill);

  g_clear_pointer (&escaped, g_free);
  escaped = g_markup_escape_text (*codes != '\0' ? codes : _("None: a starting point"), -1);
  adw_action_row_set_subtitle (prerequisites_row, escaped);
}

/* A skill's code shows in other rows' subtitles: refresh them all, once. */
static gboolean
refresh_rows_cb (gpointer user_data)
{
  TrellisSkillsWindow *self = user_data;

  self->refresh_id = 0;
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->skill_list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (ADW_IS_EXPANDER_ROW (child) && g_object_get_data (G_OBJECT (child), "trellis-skill") != NULL)
      refresh_row (self, child, FALSE);

  return G_SOURCE_REMOVE;
}

static GtkWidget *
find_row (TrellisSkillsWindow *self,
          TrellisSkill        *skill)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->skill_list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (g_object_get_data (G_OBJECT (child), "trellis-skill") == skill)
      return child;

  return NULL;
}

/* Callbacks */

static void
on_skill_notify_cb (TrellisSkill *skill,
                    GParamSpec   *pspec,
                    GtkWidget    *row)
{
  GtkRoot *root = gtk_widget_get_root (row);
  TrellisSkillsWindow *self;

  if (!TRELLIS_IS_SKILLS_WINDOW (root))
    return;

  self = TRELLIS_SKILLS_WINDOW (root);
  refresh_row (self, row, g_str_equal (pspec->name, "code") || g_str_equal (pspec->name, "name"));
  if (self->refresh_id == 0)
    self->refresh_id = g_idle_add (refresh_rows_cb, self);
}

static void
on_skills_changed_cb (GListModel          *skills,
                      guint                position,
                      guint                removed,
                      guint                added,
                      TrellisSkillsWindow *self)
{
  update_subtitle (self);
}

static void
on_row_code_apply_cb (AdwEntryRow         *entry,
                      TrellisSkillsWindow *self)
{
  GtkWidget *row = g_object_get_data (G_OBJECT (entry), "skill-row");
  TrellisSkill *skill = g_object_get_data (G_OBJECT (row), "trellis-skill");
  g_autoptr(GError) error = NULL;

  if (!trellis_classroom_update_skill (self->classroom, skill, gtk_editable_get_text (GTK_EDITABLE (entry)),
                                       trellis_skill_get_name (skill), trellis_skill_get_description (skill),
                                       &error))
    {
      show_message (self, error->message);
      refresh_row (self, row, TRUE);
    }
}

static void
on_row_name_apply_cb (AdwEntryRow         *entry,
                      TrellisSkillsWindow *self)
{
  GtkWidget *row = g_object_get_data (G_OBJECT (entry), "skill-row");
  TrellisSkill *skill = g_object_get_data (G_OBJECT (row), "trellis-skill");
  g_autoptr(GError) error = NULL;

  if (!trellis_classroom_update_skill (self->classroom, skill, trellis_skill_get_code (skill),
                                       gtk_editable_get_text (GTK_EDITABLE (entry)),
                                       trellis_skill_get_description (skill), &error))
    {
      show_message (self, error->message);
      refresh_row (self, row, TRUE);
    }
}

/* The skills that build on @skill, directly or through others: it cannot need them. */
static GPtrArray *
dup_all_dependents (TrellisSkillsWindow *self,
                    TrellisSkill        *skill)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_object_unref);

  g_ptr_array_add (found, g_object_ref (skill));
  for (guint i = 0; i < found->len; i++)
    {
      g_autoptr(GPtrArray) direct = trellis_classroom_dup_skill_dependents (self->classroom,
                                                                           g_ptr_array_index (found, i));

      for (guint k = 0; k < direct->len; k++)
        if (!g_ptr_array_find (found, g_ptr_array_index (direct, k), NULL))
          g_ptr_array_add (found, g_object_ref (g_ptr_array_index (direct, k)));
    }
  g_ptr_array_remove_index (found, 0);

  return g_steal_pointer (&found);
}

static void
fill_picker (TrellisSkillsWindow *self,
             TrellisSkillPicker  *picker,
             TrellisSkill        *skill)
{
  g_autoptr(GPtrArray) prerequisites = trellis_classroom_dup_skill_prerequisites (self->classroom, skill);
  g_autoptr(GPtrArray) dependents = dup_all_dependents (self, skill);

  trellis_skill_picker_populate (picker, trellis_classroom_get_skills (self->classroom), skill,
                                 prerequisites, dependents);
}

static void
on_prerequisites_changed_cb (TrellisSkillPicker  *picker,
                             TrellisSkillsWindow *self)
{
  GtkWidget *row = g_object_get_data (G_OBJECT (picker), "skill-row");
  TrellisSkill *skill = g_object_get_data (G_OBJECT (row), "trellis-skill");
  g_autoptr(GPtrArray) selected = trellis_skill_picker_dup_selected (picker);
  g_autoptr(GError) error = NULL;

  if (!trellis_classroom_set_skill_prerequisites (self->classroom, skill, selected, &error))
    {
      show_message (self, error->message);
      /* Show what the file has again. */
      fill_picker (self, picker, skill);
    }
}

static void
populate_picker_cb (GtkMenuButton *button,
                    gpointer       user_data)
{
  GtkWidget *row = user_data;
  TrellisSkillsWindow *self = TRELLIS_SKILLS_WINDOW (gtk_widget_get_root (row));

  fill_picker (self, TRELLIS_SKILL_PICKER (gtk_menu_button_get_popover (button)),
               g_object_get_data (G_OBJECT (row), "trellis-skill"));
}

static GtkWidget *
create_skill_row_cb (gpointer item,
                     gpointer user_data)
{
  TrellisSkillsWindow *self = user_data;
  TrellisSkill *skill = item;
  gboolean writable = is_writable (self);
  TrellisSkillPicker *picker;
  GtkWidget *row = adw_expander_row_new ();
  GtkWidget *code_entry = adw_entry_row_new ();
  GtkWidget *name_entry = adw_entry_row_new ();
  GtkWidget *prerequisites_row = adw_action_row_new ();
  GtkWidget *choose = gtk_menu_button_new ();
  GtkWidget *delete = gtk_button_new_from_icon_name ("user-trash-symbolic");

  g_object_set_data_full (G_OBJECT (row), "trellis-skill", g_object_ref (skill), g_object_unref);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (code_entry), _("Code"));
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (code_entry), TRUE);
  gtk_widget_set_sensitive (code_entry, writable);
  g_object_set_data (G_OBJECT (code_entry), "skill-row", row);
  g_signal_connect (code_entry, "apply", G_CALLBACK (on_row_code_apply_cb), self);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), code_entry);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (name_entry), _("Name"));
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (name_entry), TRUE);
  gtk_widget_set_sensitive (name_entry, writable);
  g_object_set_data (G_OBJECT (name_entry), "skill-row", row);
  g_signal_connect (name_entry, "apply", G_CALLBACK (on_row_name_apply_cb), self);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), name_entry);

  /* The skills it builds on, ticked in a popover. */
  picker = trellis_skill_picker_new ();
  g_object_set_data (G_OBJECT (picker), "skill-row", row);
  g_signal_connect (picker, "changed", G_CALLBACK (on_prerequisites_changed_cb), self);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (choose), GTK_WIDGET (picker));
  gtk_menu_button_set_create_popup_func (GTK_MENU_BUTTON (choose), populate_picker_cb, row, NULL);
  gtk_menu_button_set_label (GTK_MENU_BUTTON (choose), _("Choose…"));
  gtk_widget_set_valign (choose, GTK_ALIGN_CENTER);
  gtk_widget_set_sensitive (choose, writable);
  gtk_widget_set_tooltip_text (choose, _("Choose the skills this one builds on"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (prerequisites_row), _("Builds On"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (prerequisites_row), choose);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (prerequisites_row), choose);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), prerequisites_row);

  gtk_widget_add_css_class (delete, "flat");
  gtk_widget_set_valign (delete, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (delete, _("Delete Skill…"));
  {
    /* Translators: the accessible name of a skill's delete button; %s is its code */
    g_autofree char *name = g_strdup_printf (_("Delete %s"), trellis_skill_get_code (skill));

    gtk_accessible_update_property (GTK_ACCESSIBLE (delete), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  }
  gtk_actionable_set_action_name (GTK_ACTIONABLE (delete), "skills.delete");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (delete), "x", trellis_skill_get_id (skill));
  adw_expander_row_add_action (ADW_EXPANDER_ROW (row), delete);

  g_object_set_data (G_OBJECT (row), "code-entry", code_entry);
  g_object_set_data (G_OBJECT (row), "name-entry", name_entry);
  g_object_set_data (G_OBJECT (row), "prerequisites-row", prerequisites_row);
  g_object_set_data (G_OBJECT (row), "picker", picker);
  g_object_set_data (G_OBJECT (row), "choose-button", choose);
  g_object_set_data (G_OBJECT (row), "delete-button", delete);

  refresh_row (self, row, TRUE);
  g_signal_connect_object (skill, "notify", G_CALLBACK (on_skill_notify_cb), row, 0);

  return row;
}

static void
on_new_skill_changed_cb (GtkEditable         *editable,
                         TrellisSkillsWindow *self)
{
  update_actions (self);
}

static void
on_new_skill_activated_cb (AdwEntryRow         *entry,
                           TrellisSkillsWindow *self)
{
  if (entry == self->code_entry && *gtk_editable_get_text (GTK_EDITABLE (self->name_entry)) == '\0')
    gtk_widget_grab_focus (GTK_WIDGET (self->name_entry));
  else
    gtk_widget_activate_action (GTK_WIDGET (self), "skills.add", NULL);
}

/* Actions */

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  TrellisSkillsWindow *self = TRELLIS_SKILLS_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  TrellisSkill *skill;
  GtkWidget *row;

  skill = trellis_classroom_add_skill (self->classroom,
                                       gtk_editable_get_text (GTK_EDITABLE (self->code_entry)),
                                       gtk_editable_get_text (GTK_EDITABLE (self->name_entry)),
                                       &error);
  if (skill == NULL)
    {
      show_message (self, error->message);
      return;
    }

  gtk_editable_set_text (GTK_EDITABLE (self->code_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->name_entry), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->code_entry));

  row = find_row (self, skill);
  if (row != NULL)
    adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
}

static void
focus_new_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  TrellisSkillsWindow *self = TRELLIS_SKILLS_WINDOW (widget);

  gtk_widget_grab_focus (GTK_WIDGET (self->code_entry));
}

/* Undo */

static void
on_undo_toast_dismissed_cb (AdwToast            *toast,
                            TrellisSkillsWindow *self)
{
  /* Only the latest deletion can be undone. */
  if (toast != self->undo_toast)
    return;

  g_clear_object (&self->undo_toast);
  g_clear_pointer (&self->deleted, trellis_skill_snapshot_free);
  update_actions (self);
}

/* Deletes @skill, keeping it for the Undo toast. */
static void
delete_skill_with_undo (TrellisSkillsWindow *self,
                        TrellisSkill        *skill)
{
  g_autoptr(TrellisSkillSnapshot) deleted = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  g_autofree char *escaped = NULL;
  AdwToast *toast;

  /* Translators: %s is a skill's code */
  message = g_strdup_printf (_("“%s” deleted"), trellis_skill_get_code (skill));
  deleted = trellis_classroom_delete_skill_undoable (self->classroom, skill, &error);
  if (deleted == NULL)
    {
      show_message (self, error->message);
      return;
    }

  escaped = g_markup_escape_text (message, -1);
  toast = trellis_undo_toast_new (escaped, "skills.undo-delete");

  /* It replaces the toast shown before, an older Undo included. */
  if (self->toast != NULL)
    adw_toast_dismiss (self->toast);
  trellis_skill_snapshot_free (self->deleted);
  self->deleted = g_steal_pointer (&deleted);
  trellis_undo_toast_show (self->toast_overlay, &self->undo_toast, toast,
                           G_CALLBACK (on_undo_toast_dismissed_cb), self);
  g_set_object (&self->toast, toast);
  g_free (self->last_message);
  self->last_message = g_steal_pointer (&message);
  update_actions (self);
}

static void
undo_delete_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  TrellisSkillsWindow *self = TRELLIS_SKILLS_WINDOW (widget);
  g_autoptr(TrellisSkillSnapshot) deleted = g_steal_pointer (&self->deleted);
  g_autoptr(GError) error = NULL;
  TrellisSkill *skill;
  GtkWidget *row;

  if (deleted == NULL)
    return;

  trellis_undo_toast_withdraw (&self->undo_toast);
  update_actions (self);

  skill = trellis_classroom_restore_skill (self->classroom, deleted, &error);
  if (skill == NULL)
    {
      GtkWidget *dialog;
      g_autofree char *body = NULL;

      /* A dialog, not a toast: the reason is too long to cut short. */
      body = g_strdup_printf (_("%s\n\nThe skill stays deleted; nothing else changed."), error->message);
      g_free (self->last_message);
      self->last_message = g_strdup (body);
      dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Could Not Undo"), body);
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  /* Back where it was, and where the teacher looks. */
  row = find_row (self, skill);
  if (row != NULL)
    gtk_widget_grab_focus (row);
}

static void
on_delete_response_cb (AdwMessageDialog    *dialog,
                       const char          *response,
                       TrellisSkillsWindow *self)
{
  TrellisSkill *skill = g_object_get_data (G_OBJECT (dialog), "trellis-skill");

  if (g_strcmp0 (response, "delete") != 0)
    return;

  delete_skill_with_undo (self, skill);
}

/* "…, with 12 pieces of evidence and 8 mastery estimates." and the like. */
static char *
describe_uses (TrellisSkill           *skill,
               const TrellisSkillUses *uses)
{
  g_autoptr(GString) body = g_string_new (NULL);
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  guint n;

  g_string_append_printf (body, _("“%s” (%s) will be deleted."),
                          trellis_skill_get_name (skill), trellis_skill_get_code (skill));

  if (uses->n_evidence > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u piece of evidence",
                                                          "%u pieces of evidence", (gulong)uses->n_evidence),
                                             (guint)uses->n_evidence));
  if (uses->n_mastery > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "the mastery estimate of %u learner",
                                                          "the mastery estimates of %u learners", (gulong)uses->n_mastery),
                                             (guint)uses->n_mastery));
  n = parts->len;
  if (n > 0)
    {
      g_string_append_c (body, ' ');
      if (n == 1)
        /* Translators: what is deleted with a skill, e.g. "3 pieces of evidence" */
        g_string_append_printf (body, _("So will %s."), (char *)g_ptr_array_index (parts, 0));
      else
        /* Translators: what is deleted with a skill: "3 pieces of evidence", "the mastery estimates of 2 learners" */
        g_string_append_printf (body, _("So will %s and %s."),
                                (char *)g_ptr_array_index (parts, 0), (char *)g_ptr_array_index (parts, 1));
    }
  else
    g_string_append_printf (body, " %s", _("No evidence or mastery estimate rests on it."));

  g_ptr_array_set_size (parts, 0);
  if (uses->n_nodes > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u playlist item",
                                                          "%u playlist items", (gulong)uses->n_nodes),
                                             (guint)uses->n_nodes));
  if (uses->n_playlists > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u playlist",
                                                          "%u playlists", (gulong)uses->n_playlists),
                                             (guint)uses->n_playlists));
  if (uses->n_goals > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u goal",
                                                          "%u goals", (gulong)uses->n_goals),
                                             (guint)uses->n_goals));
  if (uses->n_dependents > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u other skill",
                                                          "%u other skills", (gulong)uses->n_dependents),
                                             (guint)uses->n_dependents));
  if (parts->len > 0)
    {
      g_autofree char *joined = NULL;

      g_ptr_array_add (parts, NULL);
      /* Translators: separates the things that mention a skill, "2 playlist items, 1 goal" */
      joined = g_strjoinv (_(", "), (char **)parts->pdata);
      g_string_append_c (body, ' ');
      /* Translators: %s lists what mentions the skill, "2 playlist items, 1 goal" */
      g_string_append_printf (body, _("It will also be removed from %s."), joined);
    }

  g_string_append_c (body, ' ');
  g_string_append (body, _("You can undo this for a few seconds afterwards."));

  return g_string_free (g_steal_pointer (&body), FALSE);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TrellisSkillsWindow *self = TRELLIS_SKILLS_WINDOW (widget);
  TrellisSkill *skill = trellis_classroom_lookup_skill (self->classroom, g_variant_get_int64 (parameter));
  g_autoptr(GError) error = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  TrellisSkillUses uses;
  AdwMessageDialog *dialog;

  if (skill == NULL)
    return;

  if (!trellis_classroom_count_skill_uses (self->classroom, skill, &uses, &error))
    {
      show_message (self, error->message);
      return;
    }

  heading = g_strdup_printf (_("Delete “%s”?"), trellis_skill_get_code (skill));
  body = describe_uses (skill, &uses);
  dialog = trellis_confirm_dialog_new (GTK_WINDOW (self), heading, body, NULL, "delete", _("_Delete"));
  g_object_set_data_full (G_OBJECT (dialog), "trellis-skill", g_object_ref (skill), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_delete_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_import_response_cb (GtkNativeDialog     *chooser,
                       int                  response,
                       TrellisSkillsWindow *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

  g_clear_object (&self->chooser);

  if (file != NULL)
    _trellis_skills_window_import_file (self, file);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TrellisSkillsWindow *self = TRELLIS_SKILLS_WINDOW (widget);
  g_autoptr(GtkFileFilter) csv = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  if (self->chooser != NULL)
    return;

  self->chooser = gtk_file_chooser_native_new (_("Import Skills"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), _("_Cancel"));
  gtk_file_filter_set_name (csv, _("CSV files"));
  gtk_file_filter_add_mime_type (csv, "text/csv");
  gtk_file_filter_add_suffix (csv, "csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), csv);
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), all);
  g_signal_connect (self->chooser, "response", G_CALLBACK (on_import_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* Overrides */

static void
trellis_skills_window_constructed (GObject *object)
{
  TrellisSkillsWindow *self = TRELLIS_SKILLS_WINDOW (object);
  GListModel *skills;

  G_OBJECT_CLASS (trellis_skills_window_parent_class)->constructed (object);

  g_assert (TRELLIS_IS_CLASSROOM (self->classroom));

  skills = trellis_classroom_get_skills (self->classroom);
  gtk_list_box_bind_model (self->skill_list, skills, create_skill_row_cb, self, NULL);
  g_signal_connect_object (skills, "items-changed", G_CALLBACK (on_skills_changed_cb), self, 0);

  update_subtitle (self);
  update_actions (self);
}

static void
trellis_skills_window_dispose (GObject *object)
{
  TrellisSkillsWindow *self = TRELLIS_SKILLS_WINDOW (object);

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  g_clear_pointer (&self->deleted, trellis_skill_snapshot_free);
  g_clear_object (&self->undo_toast);
  if (self->chooser != NULL)
    {
      gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
      g_clear_object (&self->chooser);
    }
  if (self->skill_list != NULL)
    gtk_list_box_bind_model (self->skill_list, NULL, NULL, NULL, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (self), TRELLIS_TYPE_SKILLS_WINDOW);

  G_OBJECT_CLASS (trellis_skills_window_parent_class)->dispose (object);
}

static void
trellis_skills_window_finalize (GObject *object)
{
  TrellisSkillsWindow *self = TRELLIS_SKILLS_WINDOW (object);

  g_clear_pointer (&self->last_message, g_free);
  g_clear_object (&self->toast);
  g_clear_object (&self->classroom);

  G_OBJECT_CLASS (trellis_skills_window_parent_class)->finalize (object);
}

static void
trellis_skills_window_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  TrellisSkillsWindow *self = TRELLIS_SKILLS_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CLASSROOM:
      g_value_set_object (value, self->classroom);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trellis_skills_window_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  TrellisSkillsWindow *self = TRELLIS_SKILLS_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CLASSROOM:
      self->classroom = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trellis_skills_window_class_init (TrellisSkillsWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = trellis_skills_window_constructed;
  object_class->dispose = trellis_skills_window_dispose;
  object_class->finalize = trellis_skills_window_finalize;
  object_class->get_property = trellis_skills_window_get_property;
  object_class->set_property = trellis_skills_window_set_property;

  properties[PROP_CLASSROOM] =
    g_param_spec_object ("classroom", NULL, NULL,
                         TRELLIS_TYPE_CLASSROOM,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (TRELLIS_TYPE_SKILL_PICKER);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/trellis/Trellis/trellis-skills-window.ui");
  gtk_widget_class_bind_template_child (widget_class, TrellisSkillsWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, TrellisSkillsWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, TrellisSkillsWindow, add_group);
  gtk_widget_class_bind_template_child (widget_class, TrellisSkillsWindow, code_entry);
  gtk_widget_class_bind_template_child (widget_class, TrellisSkillsWindow, name_entry);
  gtk_widget_class_bind_template_child (widget_class, TrellisSkillsWindow, skill_list);
  gtk_widget_class_bind_template_callback (widget_class, on_new_skill_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_new_skill_activated_cb);

  gtk_widget_class_install_action (widget_class, "skills.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "skills.focus-new", NULL, focus_new_action);
  gtk_widget_class_install_action (widget_class, "skills.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "skills.delete", "x", delete_action);
  gtk_widget_class_install_action (widget_class, "skills.undo-delete", NULL, undo_delete_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "skills.focus-new", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_i, GDK_CONTROL_MASK, "skills.import", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "skills.undo-delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
trellis_skills_window_init (TrellisSkillsWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* Public API */

TrellisSkillsWindow *
trellis_skills_window_new (GtkWindow        *parent,
                           TrellisClassroom *classroom)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (TRELLIS_IS_CLASSROOM (classroom), NULL);

  return g_object_new (TRELLIS_TYPE_SKILLS_WINDOW,
                       "transient-for", parent,
                       "destroy-with-parent", TRUE,
                       "application", parent != NULL ? gtk_window_get_application (parent) : NULL,
                       "classroom", classroom,
                       NULL);
}

TrellisClassroom *
trellis_skills_window_get_classroom (TrellisSkillsWindow *self)
{
  g_return_val_if_fail (TRELLIS_IS_SKILLS_WINDOW (self), NULL);

  return self->classroom;
}

/* Private API */

/* Imports @file and tells the teacher what happened, in a toast or a dialog. */
void
_trellis_skills_window_import_file (TrellisSkillsWindow *self,
                                    GFile               *file)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_file_get_path (file);
  TrellisSkillImportReport report;

  g_return_if_fail (TRELLIS_IS_SKILLS_WINDOW (self));

  if (path == NULL ||
      !trellis_classroom_import_skills_csv_file (self->classroom, path, &report, &error))
    {
      GtkWidget *dialog;
      g_autofree char *body = NULL;

      body = g_strdup_printf (_("%s\n\nNothing was imported; the skill list is as it was."),
                              error != NULL ? error->message : _("The file is not on this computer."));
      g_free (self->last_message);
      self->last_message = g_strdup (body);
      dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Could Not Import Skills"), body);
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  if (report.n_added == 0 && report.n_updated == 0)
    show_message (self, _("The skill list already matched the file"));
  else
    {
      g_autofree char *added = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u skill added",
                                                             "%u skills added", report.n_added),
                                                report.n_added);
      g_autofree char *updated = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u updated",
                                                               "%u updated", report.n_updated),
                                                  report.n_updated);
      /* Translators: the result of an import, "3 skills added, 2 updated" */
      g_autofree char *message = g_strdup_printf (_("%s, %s"), added, updated);

      show_message (self, message);
    }
}

const char *
_trellis_skills_window_get_last_message (TrellisSkillsWindow *self)
{
  return self->last_message;
}

/* The toast offering to undo the last deletion, while it shows. */
AdwToast *
_trellis_skills_window_get_undo_toast (TrellisSkillsWindow *self)
{
  return self->undo_toast;
}

AdwEntryRow *
_trellis_skills_window_get_code_entry (TrellisSkillsWindow *self)
{
  return self->code_entry;
}

AdwEntryRow *
_trellis_skills_window_get_name_entry (TrellisSkillsWindow *self)
{
  return self->name_entry;
}

GtkListBox *
_trellis_skills_window_get_skill_list (TrellisSkillsWindow *self)
{
  return self->skill_list;
}

GtkWidget *
_trellis_skills_window_get_skill_row (TrellisSkillsWindow *self,
                                      TrellisSkill        *skill)
{
  return find_row (self, skill);
}

AdwEntryRow *
_trellis_skills_window_get_row_code_entry (TrellisSkillsWindow *self,
                                           TrellisSkill        *skill)
{
  GtkWidget *row = find_row (self, skill);

  return row != NULL ? g_object_get_data (G_OBJECT (row), "code-entry") : NULL;
}

AdwEntryRow *
_trellis_skills_window_get_row_name_entry (TrellisSkillsWindow *self,
                                           TrellisSkill        *skill)
{
  GtkWidget *row = find_row (self, skill);

  return row != NULL ? g_object_get_data (G_OBJECT (row), "name-entry") : NULL;
}

/* The button that opens @skill's prerequisites popover. */
GtkMenuButton *
_trellis_skills_window_get_prerequisites_button (TrellisSkillsWindow *self,
                                                 TrellisSkill        *skill)
{
  GtkWidget *row = find_row (self, skill);

  return row != NULL ? g_object_get_data (G_OBJECT (row), "choose-button") : NULL;
}

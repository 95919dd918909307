/* trellis-skill-picker.c
 *
 * Copyright 2026 The Trellis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trellis-skill-picker"

#include "config.h"

#include <glib/gi18n.h>

#include "trellis-skill-picker.h"

/*
 * A popover of check buttons, one per skill of the classroom ("code ·
 * name"), with a filter: where the teacher picks a skill's prerequisites
 * or the skills an activity shows.  The owner fills it each time it opens
 * (trellis_skill_picker_populate(), from its menu button's create-popup
 * function) and listens to ::changed, emitted when the teacher ticks or
 * unticks a skill (not when the owner populates it).
 */

struct _TrellisSkillPicker
{
  GtkPopover      parent_instance;

  /* (element-type TrellisSkill) the skills of the rows, in order */
  GPtrArray      *skills;
  gboolean        populating;

  GtkSearchEntry *search_entry;
  GtkListBox     *list;
  GtkLabel       *placeholder;
};

G_DEFINE_FINAL_TYPE (TrellisSkillPicker, trellis_skill_picker, GTK_TYPE_POPOVER)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Helpers */

static char *
skill_label (TrellisSkill *skill)
{
  /* Translators: a skill in a list: its code, then its name */
  return g_strdup_printf (_("%s · %s"), trellis_skill_get_code (skill), trellis_skill_get_name (skill));
}

static gboolean
filter_row_cb (GtkListBoxRow *row,
               gpointer       user_data)
{
  TrellisSkillPicker *self = user_data;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  TrellisSkill *skill = g_object_get_data (G_OBJECT (row), "trellis-skill");
  g_autofree char *label = NULL;
  g_autofree char *folded_label = NULL;
  g_autofree char *folded_text = NULL;

  if (text == NULL || *text == '\0' || skill == NULL)
    return TRUE;

  label = skill_label (skill);
  folded_label = g_utf8_casefold (label, -1);
  folded_text = g_utf8_casefold (text, -1);

  return strstr (folded_label, folded_text) != NULL;
}

static void
update_placeholder (TrellisSkillPicker *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  if (self->skills->len == 0)
    gtk_label_set_text (self->placeholder,
                        _("No skills to choose from yet. Add skills in the Skills window (Ctrl+K)."));
  else
    {
      g_autofree char *message = g_strdup_printf (_("No skill matches “%s”."), text);

      gtk_label_set_text (self->placeholder, message);
    }
}

/* Callbacks */

static void
on_search_changed_cb (GtkSearchEntry     *entry,
                      TrellisSkillPicker *self)
{
  gtk_list_box_invalidate_filter (self->list);
  update_placeholder (self);
}

static void
on_check_toggled_cb (GtkCheckButton     *button,
                     TrellisSkillPicker *self)
{
  if (!self->populating)
    g_signal_emit (self, signals[CHANGED], 0);
}

/* Overrides */

static void
trellis_skill_picker_dispose (GObject *object)
{
  TrellisSkillPicker *self = TRELLIS_SKILL_PICKER (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), TRELLIS_TYPE_SKILL_PICKER);
  g_clear_pointer (&self->skills, g_ptr_array_unref);

  G_OBJECT_CLASS (trellis_skill_picker_parent_class)->dispose (object);
}

static void
trellis_skill_picker_class_init (TrellisSkillPickerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = trellis_skill_picker_dispose;

  /**
   * TrellisSkillPicker::changed:
   *
   * The teacher ticked or unticked a skill.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/trellis/Trellis/trellis-skill-picker.ui");
  gtk_widget_class_bind_template_child (widget_class, TrellisSkillPicker, search_entry);
  gtk_widget_class_bind_template_child (widget_class, TrellisSkillPicker, list);
  gtk_widget_class_bind_template_child (widget_class, TrellisSkillPicker, placeholder);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
}

static void
trellis_skill_picker_init (TrellisSkillPicker *self)
{
  self->skills = g_ptr_array_new_with_free_func (g_object_unref);

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_list_box_set_filter_func (self->list, filter_row_cb, self, NULL);
}

/* Public API */

TrellisSkillPicker *
trellis_skill_picker_new (void)
{
  return g_object_new (TRELLIS_TYPE_SKILL_PICKER, NULL);
}

/**
 * trellis_skill_picker_populate:
 * @skills: a #GListModel of #TrellisSkill
 * @exclude: (nullable): a skill not to offer (the one being edited)
 * @selected: (nullable) (element-type TrellisSkill): the skills ticked
 * @unavailable: (nullable) (element-type TrellisSkill): skills shown but
 *   not offered (they would make prerequisites go round in a circle)
 *
 * Shows one check button per skill of @skills, ticked for @selected,
 * without emitting ::changed.
 */
void
trellis_skill_picker_populate (TrellisSkillPicker *self,
                               GListModel         *skills,
                               TrellisSkill       *exclude,
                               GPtrArray          *selected,
                               GPtrArray          *unavailable)
{
  GtkWidget *child;
  guint n;

  g_return_if_fail (TRELLIS_IS_SKILL_PICKER (self));
  g_return_if_fail (G_IS_LIST_MODEL (skills));

  self->populating = TRUE;
  for (child = gtk_widget_get_first_child (GTK_WIDGET (self->list)); child != NULL;)
    {
      GtkWidget *next = gtk_widget_get_next_sibling (child);

      if (GTK_IS_LIST_BOX_ROW (child))
        gtk_list_box_remove (self->list, child);
      child = next;
    }
  g_ptr_array_set_size (self->skills, 0);

  n = g_list_model_get_n_items (skills);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TrellisSkill) skill = g_list_model_get_item (skills, i);
      g_autofree char *label = NULL;
      GtkWidget *button;
      GtkWidget *row;

      if (skill == exclude)
        continue;

      label = skill_label (skill);
      button = gtk_check_button_new_with_label (label);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (button),
                                   selected != NULL && g_ptr_array_find (selected, skill, NULL));
      g_signal_connect (button, "toggled", G_CALLBACK (on_check_toggled_cb), self);
      if (unavailable != NULL && g_ptr_array_find (unavailable, skill, NULL))
        {
          gtk_widget_set_sensitive (button, FALSE);
          gtk_widget_set_tooltip_text (button, _("Already builds on this skill"));
        }

      row = gtk_list_box_row_new ();
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), button);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      g_object_set_data_full (G_OBJECT (row), "trellis-skill", g_object_ref (skill), g_object_unref);
      g_object_set_data (G_OBJECT (row), "trellis-button", button);
      gtk_list_box_append (self->list, row);
      g_ptr_array_add (self->skills, g_object_ref (skill));
    }

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  update_placeholder (self);
  self->populating = FALSE;
}

/**
 * trellis_skill_picker_dup_selected:
 *
 * Returns: (transfer container) (element-type TrellisSkill): the ticked
 *   skills, in list order
 */
GPtrArray *
trellis_skill_picker_dup_selected (TrellisSkillPicker *self)
{
  GPtrArray *selected;

  g_return_val_if_fail (TRELLIS_IS_SKILL_PICKER (self), NULL);

  selected = g_ptr_array_new_with_free_func (g_object_unref);
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      GtkCheckButton *button = g_object_get_data (G_OBJECT (row), "trellis-button");
      TrellisSkill *skill = g_object_get_data (G_OBJECT (row), "trellis-skill");

      if (button != NULL && skill != NULL && gtk_check_button_get_active (button))
        g_ptr_array_add (selected, g_object_ref (skill));
    }

  return selected;
}

/**
 * trellis_skill_picker_get_button:
 *
 * Returns: (transfer none) (nullable): the check button of @skill
 */
GtkCheckButton *
trellis_skill_picker_get_button (TrellisSkillPicker *self,
                                 TrellisSkill       *skill)
{
  g_return_val_if_fail (TRELLIS_IS_SKILL_PICKER (self), NULL);

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (g_object_get_data (G_OBJECT (row), "trellis-skill") == skill)
      return g_object_get_data (G_OBJECT (row), "trellis-button");

  return NULL;
}

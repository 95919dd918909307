/* trellis-gradebook-dialog.c
 *
 * Copyright 2026 The Trellis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "trellis-gradebook.h"
#include "trellis-gradebook-dialog-private.h"

/*
 * TrellisGradebookDialog: the gradebook columns imported from the LMS,
 * each a row with its LMS id, points and number of scores, and a choice
 * of the skill it is evidence for ("Not mapped" first).  Each choice is
 * written at once (one short transaction that also updates mastery); on
 * failure the row goes back to what the file holds and a toast says why.
 */

struct _TrellisGradebookDialog
{
  AdwWindow            parent_instance;

  TrellisClassroom    *classroom;
  GtkStringList       *skill_labels;  /* "Not mapped", then the skills */
  GArray              *skill_ids;     /* (element-type gint64), 0 first */
  GHashTable          *rows;          /* item id (gint64 *) → AdwComboRow */
  char                *error_message;
  gboolean             updating;

  AdwToastOverlay     *toast_overlay;
  GtkStack            *stack;
  GtkLabel            *error_label;
  AdwPreferencesGroup *items_group;
};

G_DEFINE_FINAL_TYPE (TrellisGradebookDialog, trellis_gradebook_dialog, ADW_TYPE_WINDOW)

#define ITEM_ID_KEY "trellis-item-id"
#define MAPPED_KEY "trellis-mapped-position"

static guint
find_skill_position (TrellisGradebookDialog *self,
                     gint64                  skill_id)
{
  for (guint i = 0; i < self->skill_ids->len; i++)
    if (g_array_index (self->skill_ids, gint64, i) == skill_id)
      return i;

  return 0;
}

static void
show_error (TrellisGradebookDialog *self,
            const char             *message)
{
  g_free (self->error_message);
  self->error_message = g_strdup (message);
  gtk_label_set_label (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);

  if (message != NULL)
    adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

static void
on_skill_selected_cb (AdwComboRow            *row,
                      GParamSpec             *pspec,
                      TrellisGradebookDialog *self)
{
  g_autoptr(GError) error = NULL;
  gint64 *item_id = g_object_get_data (G_OBJECT (row), ITEM_ID_KEY);
  guint mapped = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), MAPPED_KEY));
  guint selected = adw_combo_row_get_selected (row);
  gint64 skill_id;

  if (self->updating || selected == mapped || selected >= self->skill_ids->len)
    return;

  skill_id = g_array_index (self->skill_ids, gint64, selected);
  if (!trellis_gradebook_map_item (self->classroom, *item_id, skill_id, 0, &error))
    {
      g_autofree char *message = NULL;

      /* Translators: %s is the reason, like “The file is read-only” */
      message = g_strdup_printf (_("Could not map the column: %s"), error->message);
      show_error (self, message);

      self->updating = TRUE;
      adw_combo_row_set_selected (row, mapped);
      self->updating = FALSE;
      return;
    }

  g_object_set_data (G_OBJECT (row), MAPPED_KEY, GUINT_TO_POINTER (selected));
  show_error (self, NULL);
}

static char *
describe_item (const TrellisGradebookItem *item)
{
  g_autofree char *scores = NULL;

  /* Translators: the number of learners' scores imported for a gradebook column */
  scores = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u score", "%u scores", item->n_scores),
                            item->n_scores);
  if (item->points_possible >= 0)
    {
      g_autofree char *points = g_strdup_printf ("%g", item->points_possible);

      /* Translators: a gradebook column: its id in the LMS, its points possible and its number of scores */
      return g_strdup_printf (_("LMS id %s · %s points · %s"), item->lms_id, points, scores);
    }

  /* Translators: a gradebook column: its id in the LMS and its number of scores */
  return g_strdup_printf (_("LMS id %s · %s"), item->lms_id, scores);
}

static void
load_skills (TrellisGradebookDialog *self)
{
  GListModel *skills = trellis_classroom_get_skills (self->classroom);
  gint64 none = 0;

  gtk_string_list_append (self->skill_labels, _("Not mapped"));
  g_array_append_val (self->skill_ids, none);

  for (guint i = 0; i < g_list_model_get_n_items (skills); i++)
    {
      g_autoptr(TrellisSkill) skill = g_list_model_get_item (skills, i);
      g_autofree char *label = NULL;
      gint64 id = trellis_skill_get_id (skill);

      /* Translators: a skill: its code and its name */
      label = g_strdup_printf (_("%s — %s"), trellis_skill_get_code (skill), trellis_skill_get_name (skill));
      gtk_string_list_append (self->skill_labels, label);
      g_array_append_val (self->skill_ids, id);
    }
}

static void
load_items (TrellisGradebookDialog *self)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;

  items = trellis_gradebook_list_items (self->classroom, &error);
  if (items == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "items");
      show_error (self, error->message);
      return;
    }

  gtk_stack_set_visible_child_name (self->stack, items->len > 0 ? "items" : "empty");

  self->updating = TRUE;
  for (guint i = 0; i < items->len; i++)
    {
      TrellisGradebookItem *item = g_ptr_array_index (items, i);
      g_autofree char *subtitle = describe_item (item);
      gint64 *key = g_memdup2 (&item->id, sizeof item->id);
      guint position = find_skill_position (self, item->skill_id);
      GtkWidget *row = adw_combo_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), item->title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (self->skill_labels));
      adw_combo_row_set_selected (ADW_COMBO_ROW (row), position);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, subtitle,
                                      -1);

      g_object_set_data_full (G_OBJECT (row), ITEM_ID_KEY, key, g_free);
      g_object_set_data (G_OBJECT (row), MAPPED_KEY, GUINT_TO_POINTER (position));
      g_signal_connect_object (row, "notify::selected", G_CALLBACK (on_skill_selected_cb), self, 0);

      g_hash_table_insert (self->rows, key, row);
      adw_preferences_group_add (self->items_group, row);
    }
  self->updating = FALSE;
}

static void
trellis_gradebook_dialog_dispose (GObject *object)
{
  TrellisGradebookDialog *self = TRELLIS_GRADEBOOK_DIALOG (object);

  g_hash_table_remove_all (self->rows);
  gtk_widget_dispose_template (GTK_WIDGET (self), TRELLIS_TYPE_GRADEBOOK_DIALOG);
  g_clear_object (&self->classroom);

  G_OBJECT_CLASS (trellis_gradebook_dialog_parent_class)->dispose (object);
}

static void
trellis_gradebook_dialog_finalize (GObject *object)
{
  TrellisGradebookDialog *self = TRELLIS_GRADEBOOK_DIALOG (object);

  g_clear_object (&self->skill_labels);
  g_clear_pointer (&self->skill_ids, g_array_unref);
  g_clear_pointer (&self->rows, g_hash_table_unref);
  g_free (self->error_message);

  G_OBJECT_CLASS (trellis_gradebook_dialog_parent_class)->finalize (object);
}

static void
trellis_gradebook_dialog_class_init (TrellisGradebookDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = trellis_gradebook_dialog_dispose;
  object_class->finalize = trellis_gradebook_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/trellis/Trellis/trellis-gradebook-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, TrellisGradebookDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, TrellisGradebookDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, TrellisGradebookDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, TrellisGradebookDialog, items_group);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
trellis_gradebook_dialog_init (TrellisGradebookDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->skill_labels = gtk_string_list_new (NULL);
  self->skill_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->rows = g_hash_table_new (g_int64_hash, g_int64_equal);
}

TrellisGradebookDialog *
trellis_gradebook_dialog_new (TrellisWindow *window)
{
  TrellisGradebookDialog *self;
  TrellisClassroom *classroom;

  g_return_val_if_fail (TRELLIS_IS_WINDOW (window), NULL);

  classroom = trellis_window_get_classroom (window);
  g_return_val_if_fail (classroom != NULL, NULL);

  self = g_object_new (TRELLIS_TYPE_GRADEBOOK_DIALOG,
                       "transient-for", window,
                       NULL);
  self->classroom = g_object_ref (classroom);

  load_skills (self);
  load_items (self);

  return self;
}

AdwComboRow *
_trellis_gradebook_dialog_get_row (TrellisGradebookDialog *self,
                                   gint64                  item_id)
{
  g_return_val_if_fail (TRELLIS_IS_GRADEBOOK_DIALOG (self), NULL);

  return g_hash_table_lookup (self->rows, &item_id);
}

guint
_trellis_gradebook_dialog_find_skill (TrellisGradebookDialog *self,
                                      gint64                  skill_id)
{
  g_return_val_if_fail (TRELLIS_IS_GRADEBOOK_DIALOG (self), 0);

  return find_skill_position (self, skill_id);
}

const char *
_trellis_gradebook_dialog_get_error (TrellisGradebookDialog *self)
{
  g_return_val_if_fail (TRELLIS_IS_GRADEBOOK_DIALOG (self), NULL);

  return self->error_message;
}

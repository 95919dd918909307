/* trellis-survey-items-window.c
 *
 * Copyright 2026 The Trellis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "trellis-confirm-dialog.h"
#include "trellis-survey.h"
#include "trellis-survey-items-window-private.h"
#include "trellis-undo-toast.h"

/*
 * TrellisSurveyItemsWindow: the agency survey's item list (issue 9), a row
 * per statement edited in place, moved up or down, removed after a
 * confirmation (its answers go with it), and a "New Item" row.  Each edit
 * is one short transaction; on failure the list shows what the file holds
 * and a toast says why.  A changed statement and a removed item (with its
 * answers) can be undone from their toast; only the latest.
 */

struct _TrellisSurveyItemsWindow
{
  AdwWindow          parent_instance;

  TrellisClassroom  *classroom;
  gint64             survey_id;
  GPtrArray         *items;           /* TrellisSurveyItem, as shown */
  GPtrArray         *rows;            /* AdwEntryRow, as shown */
  char              *error_message;
  AdwMessageDialog  *remove_dialog;
  AdwToast          *undo_toast;
  gint64             undo_item_id;
  char              *undo_prompt;     /* the statement before a change */
  TrellisSurveyItemSnapshot *removed; /* the item removed last */

  AdwToastOverlay   *toast_overlay;
  GtkListBox        *items_list;
  AdwEntryRow       *add_row;
};

G_DEFINE_FINAL_TYPE (TrellisSurveyItemsWindow, trellis_survey_items_window, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_CLASSROOM,
  PROP_SURVEY_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

#define ITEM_ID_KEY "trellis-item-id"

static void reload (TrellisSurveyItemsWindow *self,
                    gint64                    focus_item_id);

static void
show_error (TrellisSurveyItemsWindow *self,
            const char               *what,
            const GError             *error)
{
  g_autofree char *message = NULL;
  g_autofree char *escaped = NULL;

  /* Translators: what failed, then the reason, like “Could not remove the item: The file is read-only” */
  message = g_strdup_printf (_("%s: %s"), what, error->message);
  escaped = g_markup_escape_text (message, -1);
  g_free (self->error_message);
  self->error_message = g_steal_pointer (&message);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (escaped));
}

static const TrellisSurveyItem *
find_item (TrellisSurveyItemsWindow *self,
           gint64                    item_id,
           guint                    *index)
{
  for (guint i = 0; i < self->items->len; i++)
    {
      const TrellisSurveyItem *item = g_ptr_array_index (self->items, i);

      if (item->id == item_id)
        {
          if (index != NULL)
            *index = i;
          return item;
        }
    }

  return NULL;
}

static void
changed (TrellisSurveyItemsWindow *self,
         gint64                    focus_item_id)
{
  reload (self, focus_item_id);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
update_actions (TrellisSurveyItemsWindow *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "items.undo-remove", self->removed != NULL);
}

/* Forgets what the Undo toast shown could undo. */
static void
clear_undo (TrellisSurveyItemsWindow *self)
{
  g_clear_object (&self->undo_toast);
  g_clear_pointer (&self->undo_prompt, g_free);
  g_clear_pointer (&self->removed, trellis_survey_item_snapshot_free);
  update_actions (self);
}

static void
on_undo_dismissed_cb (AdwToast                 *toast,
                      TrellisSurveyItemsWindow *self)
{
  if (self->undo_toast == toast)
    clear_undo (self);
}

/* Shows @toast (from trellis_undo_toast_new()) as the one Undo toast, replacing the last. */
static void
show_undo_toast (TrellisSurveyItemsWindow *self,
                 AdwToast                 *toast)
{
  trellis_undo_toast_withdraw (&self->undo_toast);
  clear_undo (self);
  trellis_undo_toast_show (self->toast_overlay, &self->undo_toast, toast, G_CALLBACK (on_undo_dismissed_cb), self);
}

static void
on_undo_clicked_cb (AdwToast                 *toast,
                    TrellisSurveyItemsWindow *self)
{
  g_autoptr(GError) error = NULL;

  if (self->undo_toast != toast || self->undo_prompt == NULL)
    return;

  if (!trellis_survey_set_item_prompt (self->classroom, self->undo_item_id, self->undo_prompt, &error))
    show_error (self, _("Could not undo"), error);
  changed (self, self->undo_item_id);
}

static void
on_row_apply_cb (AdwEntryRow              *row,
                 TrellisSurveyItemsWindow *self)
{
  gint64 item_id = *(gint64 *) g_object_get_data (G_OBJECT (row), ITEM_ID_KEY);
  const TrellisSurveyItem *item = find_item (self, item_id, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  AdwToast *toast;

  if (item == NULL)
    return;

  before = g_strdup (item->prompt);
  if (g_strcmp0 (before, gtk_editable_get_text (GTK_EDITABLE (row))) == 0)
    return;

  if (!trellis_survey_set_item_prompt (self->classroom, item_id, gtk_editable_get_text (GTK_EDITABLE (row)), &error))
    {
      show_error (self, _("Could not change the item"), error);
      gtk_editable_set_text (GTK_EDITABLE (row), before);
      return;
    }

  toast = trellis_undo_toast_new (_("Item changed"), NULL);
  g_signal_connect (toast, "button-clicked", G_CALLBACK (on_undo_clicked_cb), self);
  show_undo_toast (self, toast);
  self->undo_item_id = item_id;
  self->undo_prompt = g_steal_pointer (&before);

  changed (self, item_id);
}

static void
on_add_apply_cb (TrellisSurveyItemsWindow *self)
{
  g_autoptr(GError) error = NULL;
  gint64 item_id;

  item_id = trellis_survey_add_item (self->classroom, self->survey_id,
                                     gtk_editable_get_text (GTK_EDITABLE (self->add_row)), &error);
  if (item_id == 0)
    {
      show_error (self, _("Could not add the item"), error);
      return;
    }

  gtk_editable_set_text (GTK_EDITABLE (self->add_row), "");
  changed (self, 0);
  gtk_widget_grab_focus (GTK_WIDGET (self->add_row));
}

static gboolean
on_row_key_pressed_cb (GtkEventControllerKey *controller,
                       guint                  keyval,
                       guint                  keycode,
                       GdkModifierType        state,
                       AdwEntryRow           *row)
{
  gint64 item_id = *(gint64 *) g_object_get_data (G_OBJECT (row), ITEM_ID_KEY);
  const char *action;

  if ((state & GDK_ALT_MASK) == 0)
    return FALSE;

  if (keyval == GDK_KEY_Up || keyval == GDK_KEY_KP_Up)
    action = "items.move-up";
  else if (keyval == GDK_KEY_Down || keyval == GDK_KEY_KP_Down)
    action = "items.move-down";
  else
    return FALSE;

  gtk_widget_activate_action (GTK_WIDGET (row), action, "x", item_id);
  return TRUE;
}

static GtkWidget *
suffix_button_new (const char *icon_name,
                   const char *tooltip,
                   const char *accessible_label,
                   const char *action_name,
                   gint64      item_id)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_label,
                                  -1);
  /* No action: insensitive (an action's enablement would override it). */
  if (action_name != NULL)
    {
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "x", item_id);
    }
  else
    gtk_widget_set_sensitive (button, FALSE);

  return button;
}

static GtkWidget *
row_new (TrellisSurveyItemsWindow *self,
         const TrellisSurveyItem  *item,
         guint                     index)
{
  GtkWidget *row = adw_entry_row_new ();
  GtkEventController *keys;
  GtkWidget *button;
  g_autofree char *title = NULL;
  g_autofree char *label = NULL;

  /* Translators: the title of a survey item's row; %u is its number */
  title = g_strdup_printf (_("Item %u"), index + 1);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (row), item->prompt);
  g_object_set_data_full (G_OBJECT (row), ITEM_ID_KEY, g_memdup2 (&item->id, sizeof item->id), g_free);
  g_signal_connect (row, "apply", G_CALLBACK (on_row_apply_cb), self);

  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_row_key_pressed_cb), row);
  gtk_widget_add_controller (row, keys);

  /* Translators: %u is the number of a survey item */
  label = g_strdup_printf (_("Move Item %u Up"), index + 1);
  button = suffix_button_new ("go-up-symbolic", _("Move Up (Alt+Up)"), label,
                              index > 0 ? "items.move-up" : NULL, item->id);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), button);
  g_free (label);

  /* Translators: %u is the number of a survey item */
  label = g_strdup_printf (_("Move Item %u Down"), index + 1);
  button = suffix_button_new ("go-down-symbolic", _("Move Down (Alt+Down)"), label,
                              index + 1 < self->items->len ? "items.move-down" : NULL, item->id);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), button);
  g_free (label);

  /* Translators: %u is the number of a survey item */
  label = g_strdup_printf (_("Remove Item %u"), index + 1);
  button = suffix_button_new ("user-trash-symbolic", _("Remove…"), label, "items.remove", item->id);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), button);

  return row;
}

static void
reload (TrellisSurveyItemsWindow *self,
        gint64                    focus_item_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = NULL;
  GtkWidget *child;

  items = trellis_survey_get_items (self->classroom, self->survey_id, &error);
  if (items == NULL)
    {
      show_error (self, _("Could not read the survey"), error);
      items = g_ptr_array_new_with_free_func ((GDestroyNotify) trellis_survey_item_free);
    }
  g_clear_pointer (&self->items, g_ptr_array_unref);
  self->items = g_steal_pointer (&items);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->items_list))) != NULL)
    {
      if (GTK_IS_LIST_BOX_ROW (child))
        gtk_list_box_remove (self->items_list, child);
      else
        break;
    }
  g_ptr_array_set_size (self->rows, 0);

  for (guint i = 0; i < self->items->len; i++)
    {
      const TrellisSurveyItem *item = g_ptr_array_index (self->items, i);
      GtkWidget *row = row_new (self, item, i);

      gtk_list_box_append (self->items_list, row);
      g_ptr_array_add (self->rows, row);
      if (item->id == focus_item_id)
        gtk_widget_grab_focus (row);
    }
}

static void
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TrellisSurveyItemsWindow *self = TRELLIS_SURVEY_ITEMS_WINDOW (widget);
  gint64 item_id = g_variant_get_int64 (parameter);
  g_autoptr(GError) error = NULL;
  guint index;

  if (find_item (self, item_id, &index) == NULL)
    return;

  if (g_str_equal (action_name, "items.move-up"))
    {
      if (index == 0)
        return;
      index--;
    }
  else
    {
      if (index + 1 >= self->items->len)
        return;
      index++;
    }

  if (!trellis_survey_move_item (self->classroom, item_id, index, &error))
    show_error (self, _("Could not move the item"), error);
  changed (self, item_id);
}

static void
on_remove_response_cb (AdwMessageDialog         *dialog,
                       const char               *response,
                       TrellisSurveyItemsWindow *self)
{
  gint64 item_id = *(gint64 *) g_object_get_data (G_OBJECT (dialog), ITEM_ID_KEY);
  g_autoptr(TrellisSurveyItemSnapshot) removed = NULL;
  g_autoptr(GError) error = NULL;
  AdwToast *toast;

  self->remove_dialog = NULL;

  if (g_strcmp0 (response, "remove") != 0)
    return;

  removed = trellis_survey_remove_item_undoable (self->classroom, item_id, &error);
  if (removed == NULL)
    show_error (self, _("Could not remove the item"), error);
  else
    {
      toast = trellis_undo_toast_new (_("Item removed"), "items.undo-remove");
      show_undo_toast (self, toast);
      self->removed = g_steal_pointer (&removed);
      update_actions (self);
    }
  changed (self, 0);
}

static void
undo_remove_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  TrellisSurveyItemsWindow *self = TRELLIS_SURVEY_ITEMS_WINDOW (widget);
  g_autoptr(TrellisSurveyItemSnapshot) removed = g_steal_pointer (&self->removed);
  g_autoptr(GError) error = NULL;
  gint64 item_id;

  if (removed == NULL)
    return;

  trellis_undo_toast_withdraw (&self->undo_toast);
  update_actions (self);

  item_id = trellis_survey_restore_item (self->classroom, removed, &error);
  if (item_id == 0)
    show_error (self, _("Could not undo"), error);
  changed (self, item_id);
}

static void
remove_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TrellisSurveyItemsWindow *self = TRELLIS_SURVEY_ITEMS_WINDOW (widget);
  gint64 item_id = g_variant_get_int64 (parameter);
  const TrellisSurveyItem *item = find_item (self, item_id, NULL);
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;

  if (item == NULL || self->remove_dialog != NULL)
    return;

  /* Translators: %s is a survey item's statement */
  body = g_strdup_printf (_("“%s” and the answers to it in every survey already given are removed. "
                            "You can undo this for a few seconds afterwards."),
                          item->prompt);
  dialog = trellis_confirm_dialog_new (GTK_WINDOW (self), _("Remove This Item?"), body,
                                       NULL, "remove", _("_Remove"));
  g_object_set_data_full (G_OBJECT (dialog), ITEM_ID_KEY, g_memdup2 (&item_id, sizeof item_id), g_free);
  g_signal_connect (dialog, "response", G_CALLBACK (on_remove_response_cb), self);
  self->remove_dialog = dialog;
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
close_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  gtk_window_close (GTK_WINDOW (widget));
}

static void
trellis_survey_items_window_dispose (GObject *object)
{
  TrellisSurveyItemsWindow *self = TRELLIS_SURVEY_ITEMS_WINDOW (object);

  if (self->remove_dialog != NULL)
    {
      AdwMessageDialog *dialog = g_steal_pointer (&self->remove_dialog);

      g_signal_handlers_disconnect_by_data (dialog, self);
      gtk_window_destroy (GTK_WINDOW (dialog));
    }
  if (self->undo_toast != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->undo_toast, self);
      g_clear_object (&self->undo_toast);
    }
  g_clear_pointer (&self->removed, trellis_survey_item_snapshot_free);

  gtk_widget_dispose_template (GTK_WIDGET (self), TRELLIS_TYPE_SURVEY_ITEMS_WINDOW);

  g_clear_object (&self->classroom);

  G_OBJECT_CLASS (trellis_survey_items_window_parent_class)->dispose (object);
}

static void
trellis_survey_items_window_finalize (GObject *object)
{
  TrellisSurveyItemsWindow *self = TRELLIS_SURVEY_ITEMS_WINDOW (object);

  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_free (self->error_message);
  g_free (self->undo_prompt);

  G_OBJECT_CLASS (trellis_survey_items_window_parent_class)->finalize (object);
}

static void
trellis_survey_items_window_get_property (GObject    *object,
                                          guint       prop_id,
                                          GValue     *value,
                                          GParamSpec *pspec)
{
  TrellisSurveyItemsWindow *self = TRELLIS_SURVEY_ITEMS_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CLASSROOM:
      g_value_set_object (value, self->classroom);
      break;

    case PROP_SURVEY_ID:
      g_value_set_int64 (value, self->survey_id);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trellis_survey_items_window_set_property (GObject      *object,
                                          guint         prop_id,
                                          const GValue *value,
                                          GParamSpec   *pspec)
{
  TrellisSurveyItemsWindow *self = TRELLIS_SURVEY_ITEMS_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CLASSROOM:
      g_assert (self->classroom == NULL);
      self->classroom = g_value_dup_object (value);
      break;

    case PROP_SURVEY_ID:
      self->survey_id = g_value_get_int64 (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trellis_survey_items_window_constructed (GObject *object)
{
  TrellisSurveyItemsWindow *self = TRELLIS_SURVEY_ITEMS_WINDOW (object);

  G_OBJECT_CLASS (trellis_survey_items_window_parent_class)->constructed (object);

  g_assert (TRELLIS_IS_CLASSROOM (self->classroom));

  reload (self, 0);
}

static void
trellis_survey_items_window_class_init (TrellisSurveyItemsWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = trellis_survey_items_window_dispose;
  object_class->finalize = trellis_survey_items_window_finalize;
  object_class->get_property = trellis_survey_items_window_get_property;
  object_class->set_property = trellis_survey_items_window_set_property;
  object_class->constructed = trellis_survey_items_window_constructed;

  properties[PROP_CLASSROOM] =
    g_param_spec_object ("classroom", NULL, NULL,
                         TRELLIS_TYPE_CLASSROOM,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_SURVEY_ID] =
    g_param_spec_int64 ("survey-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/trellis/Trellis/trellis-survey-items-window.ui");
  gtk_widget_class_bind_template_child (widget_class, TrellisSurveyItemsWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, TrellisSurveyItemsWindow, items_list);
  gtk_widget_class_bind_template_child (widget_class, TrellisSurveyItemsWindow, add_row);

  gtk_widget_class_install_action (widget_class, "items.move-up", "x", move_action);
  gtk_widget_class_install_action (widget_class, "items.move-down", "x", move_action);
  gtk_widget_class_install_action (widget_class, "items.remove", "x", remove_action);
  gtk_widget_class_install_action (widget_class, "items.undo-remove", NULL, undo_remove_action);
  gtk_widget_class_install_action (widget_class, "items.close", NULL, close_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "items.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "items.undo-remove", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "items.close", NULL);
}

static void
trellis_survey_items_window_init (TrellisSurveyItemsWindow *self)
{
  GtkWidget *placeholder;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->rows = g_ptr_array_new ();

  placeholder = gtk_label_new (_("No items yet: type a statement in “New Item” below and press Enter."));
  gtk_label_set_wrap (GTK_LABEL (placeholder), TRUE);
  gtk_widget_set_margin_top (placeholder, 18);
  gtk_widget_set_margin_bottom (placeholder, 18);
  gtk_widget_set_margin_start (placeholder, 12);
  gtk_widget_set_margin_end (placeholder, 12);
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_list_box_set_placeholder (self->items_list, placeholder);
  update_actions (self);

  g_signal_connect_swapped (self->add_row, "apply", G_CALLBACK (on_add_apply_cb), self);
  g_signal_connect_swapped (self->add_row, "entry-activated", G_CALLBACK (on_add_apply_cb), self);
}

TrellisSurveyItemsWindow *
trellis_survey_items_window_new (GtkWindow        *parent,
                                 TrellisClassroom *classroom,
                                 gint64            survey_id)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (TRELLIS_IS_CLASSROOM (classroom), NULL);
  g_return_val_if_fail (survey_id > 0, NULL);

  return g_object_new (TRELLIS_TYPE_SURVEY_ITEMS_WINDOW,
                       "classroom", classroom,
                       "survey-id", survey_id,
                       "transient-for", parent,
                       "destroy-with-parent", TRUE,
                       NULL);
}

gint64
trellis_survey_items_window_get_survey_id (TrellisSurveyItemsWindow *self)
{
  g_return_val_if_fail (TRELLIS_IS_SURVEY_ITEMS_WINDOW (self), 0);

  return self->survey_id;
}

guint
_trellis_survey_items_window_get_n_rows (TrellisSurveyItemsWindow *self)
{
  g_return_val_if_fail (TRELLIS_IS_SURVEY_ITEMS_WINDOW (self), 0);

  return self->rows->len;
}

AdwEntryRow *
_trellis_survey_items_window_get_row (TrellisSurveyItemsWindow *self,
                                      guint                     index)
{
  g_return_val_if_fail (TRELLIS_IS_SURVEY_ITEMS_WINDOW (self), NULL);
  g_return_val_if_fail (index < self->rows->len, NULL);

  return g_ptr_array_index (self->rows, index);
}

AdwEntryRow *
_trellis_survey_items_window_get_add_row (TrellisSurveyItemsWindow *self)
{
  g_return_val_if_fail (TRELLIS_IS_SURVEY_ITEMS_WINDOW (self), NULL);

  return self->add_row;
}

GtkListBox *
_trellis_survey_items_window_get_list (TrellisSurveyItemsWindow *self)
{
  g_return_val_if_fail (TRELLIS_IS_SURVEY_ITEMS_WINDOW (self), NULL);

  return self->items_list;
}

AdwMessageDialog *
_trellis_survey_items_window_get_remove_dialog (TrellisSurveyItemsWindow *self)
{
  g_return_val_if_fail (TRELLIS_IS_SURVEY_ITEMS_WINDOW (self), NULL);

  return self->remove_dialog;
}

AdwToast *
_trellis_survey_items_window_get_undo_toast (TrellisSurveyItemsWindow *self)
{
  g_return_val_if_fail (TRELLIS_IS_SURVEY_ITEMS_WINDOW (self), NULL);

  return self->undo_toast;
}

const char *
_trellis_survey_items_window_get_error (TrellisSurveyItemsWindow *self)
{
  g_return_val_if_fail (TRELLIS_IS_SURVEY_ITEMS_WINDOW (self), NULL);

  return self->error_message;
}

/* trellis-survey-record-window.c
 *
 * Copyright 2026 The Trellis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "trellis-confirm-dialog.h"
#include "trellis-learner.h"
#include "trellis-survey.h"
#include "trellis-survey-record-window-private.h"

/*
 * TrellisSurveyRecordWindow: one administration of the agency survey (issue
 * 9), entered by the teacher: the date (today by default), then a row per
 * learner with an answer picker per item.  A digit sets the focused answer
 * and moves on, so a class is typed in a few keystrokes per learner; a
 * learner without answers was absent.  "Save" records everything with
 * trellis_survey_record() in one transaction, or nothing and says why.
 */

struct _TrellisSurveyRecordWindow
{
  AdwWindow          parent_instance;

  TrellisClassroom  *classroom;
  gint64             survey_id;
  GPtrArray         *items;        /* TrellisSurveyItem */
  GArray            *learner_ids;  /* gint64, in row order */
  GPtrArray         *pickers;      /* TrellisLikertPicker, learner by learner, item by item */
  char              *error_message;
  gboolean           done;         /* saved or discarded: close without asking */
  AdwMessageDialog  *discard_dialog;

  AdwToastOverlay   *toast_overlay;
  GtkStack          *stack;
  AdwEntryRow       *date_row;
  GtkGrid           *answers_grid;
};

G_DEFINE_FINAL_TYPE (TrellisSurveyRecordWindow, trellis_survey_record_window, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_CLASSROOM,
  PROP_SURVEY_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  RECORDED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
show_error (TrellisSurveyRecordWindow *self,
            const char                *message)
{
  g_autofree char *escaped = g_markup_escape_text (message, -1);

  g_free (self->error_message);
  self->error_message = g_strdup (message);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (escaped));
}

static gboolean
valid_date (const char *text)
{
  unsigned int y, m, d;
  int consumed = 0;

  return text != NULL && strlen (text) == 10 &&
         sscanf (text, "%4u-%2u-%2u%n", &y, &m, &d, &consumed) == 3 && consumed == 10 &&
         g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y);
}

static guint
count_answers (TrellisSurveyRecordWindow *self)
{
  guint n = 0;

  for (guint i = 0; i < self->pickers->len; i++)
    if (trellis_likert_picker_get_value (g_ptr_array_index (self->pickers, i)) != 0)
      n++;

  return n;
}

static void
on_date_changed_cb (TrellisSurveyRecordWindow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->date_row));

  if (valid_date (text))
    gtk_widget_remove_css_class (GTK_WIDGET (self->date_row), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->date_row), "error");
}

static GtkWidget *
header_label_new (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_yalign (GTK_LABEL (label), 1);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 16);
  gtk_label_set_width_chars (GTK_LABEL (label), 12);
  gtk_widget_add_css_class (label, "caption-heading");

  return label;
}

static void
build_form (TrellisSurveyRecordWindow *self)
{
  g_autoptr(GError) error = NULL;
  GListModel *learners = trellis_classroom_get_learners (self->classroom);
  guint n_learners = g_list_model_get_n_items (learners);
  GtkWidget *first = NULL;

  self->items = trellis_survey_get_items (self->classroom, self->survey_id, &error);
  if (self->items == NULL)
    {
      show_error (self, error->message);
      self->items = g_ptr_array_new_with_free_func ((GDestroyNotify) trellis_survey_item_free);
    }

  if (n_learners == 0)
    {
      gtk_stack_set_visible_child_name (self->stack, "no-learners");
      return;
    }
  if (self->items->len == 0)
    {
      gtk_stack_set_visible_child_name (self->stack, "no-items");
      return;
    }

  for (guint i = 0; i < self->items->len; i++)
    {
      const TrellisSurveyItem *item = g_ptr_array_index (self->items, i);
      g_autofree char *heading = g_strdup_printf ("%u. %s", i + 1, item->prompt);

      gtk_grid_attach (self->answers_grid, header_label_new (heading), (int) i + 1, 0, 1, 1);
    }

  for (guint l = 0; l < n_learners; l++)
    {
      g_autoptr(TrellisLearner) learner = g_list_model_get_item (learners, l);
      const char *name = trellis_learner_get_display_name (learner);
      gint64 learner_id = trellis_learner_get_id (learner);
      GtkWidget *name_label = gtk_label_new (name);

      gtk_label_set_xalign (GTK_LABEL (name_label), 0);
      gtk_label_set_ellipsize (GTK_LABEL (name_label), PANGO_ELLIPSIZE_END);
      gtk_label_set_max_width_chars (GTK_LABEL (name_label), 24);
      gtk_label_set_width_chars (GTK_LABEL (name_label), 16);
      gtk_widget_set_tooltip_text (name_label, name);
      gtk_grid_attach (self->answers_grid, name_label, 0, (int) l + 1, 1, 1);
      g_array_append_val (self->learner_ids, learner_id);

      for (guint i = 0; i < self->items->len; i++)
        {
          const TrellisSurveyItem *item = g_ptr_array_index (self->items, i);
          GtkWidget *picker = trellis_likert_picker_new (item->scale_min, item->scale_max);
          /* Translators: the name of an answer picker: a learner’s name and a survey item */
          g_autofree char *label = g_strdup_printf (_("%s: %s"), name, item->prompt);

          gtk_widget_set_halign (picker, GTK_ALIGN_START);
          gtk_accessible_update_property (GTK_ACCESSIBLE (picker),
                                          GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                          -1);
          gtk_grid_attach (self->answers_grid, picker, (int) i + 1, (int) l + 1, 1, 1);
          g_ptr_array_add (self->pickers, picker);
          if (first == NULL)
            first = picker;
        }
    }

  gtk_stack_set_visible_child_name (self->stack, "form");
  gtk_window_set_focus (GTK_WINDOW (self), first);
}

static gboolean
close_idle_cb (gpointer data)
{
  gtk_window_close (GTK_WINDOW (data));
  return G_SOURCE_REMOVE;
}

static void
on_discard_response_cb (AdwMessageDialog          *dialog,
                        const char                *response,
                        TrellisSurveyRecordWindow *self)
{
  self->discard_dialog = NULL;

  if (g_strcmp0 (response, "discard") != 0)
    return;

  /* After the dialog has finished with its response: closing now would
   * destroy the dialog (transient for this window) under its own feet. */
  self->done = TRUE;
  g_idle_add_full (G_PRIORITY_DEFAULT, close_idle_cb, g_object_ref (self), g_object_unref);
}

static gboolean
on_close_request_cb (TrellisSurveyRecordWindow *self)
{
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;
  guint n;

  if (self->done || (n = count_answers (self)) == 0)
    return FALSE;

  if (self->discard_dialog != NULL)
    {
      gtk_window_present (GTK_WINDOW (self->discard_dialog));
      return TRUE;
    }

  body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%u answer has not been saved.",
                                       "%u answers have not been saved.", n),
                          n);
  dialog = trellis_confirm_dialog_new (GTK_WINDOW (self), _("Discard the Answers?"), body,
                                       _("_Keep Editing"), "discard", _("_Discard"));
  g_signal_connect (dialog, "response", G_CALLBACK (on_discard_response_cb), self);
  self->discard_dialog = dialog;
  gtk_window_present (GTK_WINDOW (dialog));

  return TRUE;
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TrellisSurveyRecordWindow *self = TRELLIS_SURVEY_RECORD_WINDOW (widget);
  g_autoptr(GArray) responses = g_array_new (FALSE, FALSE, sizeof (TrellisSurveyResponse));
  g_autoptr(GError) error = NULL;
  g_autofree char *date = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->date_row))));
  gint64 admin_id;

  if (!valid_date (date))
    {
      g_autofree char *message = NULL;

      /* Translators: %s is what the teacher typed as the date */
      message = g_strdup_printf (_("“%s” is not a date: write it as YYYY-MM-DD, like 2026-03-12"), date);
      show_error (self, message);
      gtk_widget_grab_focus (GTK_WIDGET (self->date_row));
      return;
    }

  for (guint l = 0; l < self->learner_ids->len; l++)
    for (guint i = 0; i < self->items->len; i++)
      {
        TrellisLikertPicker *picker = g_ptr_array_index (self->pickers, l * self->items->len + i);
        const TrellisSurveyItem *item = g_ptr_array_index (self->items, i);
        TrellisSurveyResponse response;

        response.value = trellis_likert_picker_get_value (picker);
        if (response.value == 0)
          continue;
        response.learner_id = g_array_index (self->learner_ids, gint64, l);
        response.item_id = item->id;
        g_array_append_val (responses, response);
      }

  if (responses->len == 0)
    {
      show_error (self, _("Enter at least one answer before saving"));
      return;
    }

  admin_id = trellis_survey_record (self->classroom, self->survey_id, date,
                                    (const TrellisSurveyResponse *) (gpointer) responses->data,
                                    responses->len, &error);
  if (admin_id == 0)
    {
      g_autofree char *message = NULL;

      /* Translators: %s is the reason, like “The file is read-only” */
      message = g_strdup_printf (_("Could not record the answers: %s"), error->message);
      show_error (self, message);
      return;
    }

  self->done = TRUE;
  g_signal_emit (self, signals[RECORDED], 0, admin_id, responses->len, date);
  gtk_window_close (GTK_WINDOW (self));
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  gtk_window_close (GTK_WINDOW (widget));
}

static void
trellis_survey_record_window_dispose (GObject *object)
{
  TrellisSurveyRecordWindow *self = TRELLIS_SURVEY_RECORD_WINDOW (object);

  if (self->discard_dialog != NULL)
    {
      AdwMessageDialog *dialog = g_steal_pointer (&self->discard_dialog);

      g_signal_handlers_disconnect_by_data (dialog, self);
      gtk_window_destroy (GTK_WINDOW (dialog));
    }

  gtk_widget_dispose_template (GTK_WIDGET (self), TRELLIS_TYPE_SURVEY_RECORD_WINDOW);

  g_clear_object (&self->classroom);

  G_OBJECT_CLASS (trellis_survey_record_window_parent_class)->dispose (object);
}

static void
trellis_survey_record_window_finalize (GObject *object)
{
  TrellisSurveyRecordWindow *self = TRELLIS_SURVEY_RECORD_WINDOW (object);

  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->learner_ids, g_array_unref);
  g_clear_pointer (&self->pickers, g_ptr_array_unref);
  g_free (self->error_message);

  G_OBJECT_CLASS (trellis_survey_record_window_parent_class)->finalize (object);
}

static void
trellis_survey_record_window_get_property (GObject    *object,
                                           guint       prop_id,
                                           GValue     *value,
                                           GParamSpec *pspec)
{
  TrellisSurveyRecordWindow *self = TRELLIS_SURVEY_RECORD_WINDOW (object);

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
trellis_survey_record_window_set_property (GObject      *object,
                                           guint         prop_id,
                                           const GValue *value,
                                           GParamSpec   *pspec)
{
  TrellisSurveyRecordWindow *self = TRELLIS_SURVEY_RECORD_WINDOW (object);

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
trellis_survey_record_window_constructed (GObject *object)
{
  TrellisSurveyRecordWindow *self = TRELLIS_SURVEY_RECORD_WINDOW (object);
  g_autofree char *today = NULL;

  G_OBJECT_CLASS (trellis_survey_record_window_parent_class)->constructed (object);

  g_assert (TRELLIS_IS_CLASSROOM (self->classroom));

  today = trellis_classroom_today (self->classroom);
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), today);

  build_form (self);
}

static void
trellis_survey_record_window_class_init (TrellisSurveyRecordWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = trellis_survey_record_window_dispose;
  object_class->finalize = trellis_survey_record_window_finalize;
  object_class->get_property = trellis_survey_record_window_get_property;
  object_class->set_property = trellis_survey_record_window_set_property;
  object_class->constructed = trellis_survey_record_window_constructed;

  properties[PROP_CLASSROOM] =
    g_param_spec_object ("classroom", NULL, NULL,
                         TRELLIS_TYPE_CLASSROOM,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_SURVEY_ID] =
    g_param_spec_int64 ("survey-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * TrellisSurveyRecordWindow::recorded:
   * @administration_id: the administration recorded
   * @n_responses: how many answers it holds
   * @date: the day it was given
   */
  signals[RECORDED] =
    g_signal_new ("recorded",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 3, G_TYPE_INT64, G_TYPE_UINT, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/trellis/Trellis/trellis-survey-record-window.ui");
  gtk_widget_class_bind_template_child (widget_class, TrellisSurveyRecordWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, TrellisSurveyRecordWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, TrellisSurveyRecordWindow, date_row);
  gtk_widget_class_bind_template_child (widget_class, TrellisSurveyRecordWindow, answers_grid);

  gtk_widget_class_install_action (widget_class, "record.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "record.cancel", NULL, cancel_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "record.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "record.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "record.cancel", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "record.cancel", NULL);

  g_type_ensure (TRELLIS_TYPE_LIKERT_PICKER);
}

static void
trellis_survey_record_window_init (TrellisSurveyRecordWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->learner_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->pickers = g_ptr_array_new ();

  g_signal_connect_swapped (self->date_row, "changed", G_CALLBACK (on_date_changed_cb), self);
  g_signal_connect (self, "close-request", G_CALLBACK (on_close_request_cb), NULL);
}

TrellisSurveyRecordWindow *
trellis_survey_record_window_new (GtkWindow        *parent,
                                  TrellisClassroom *classroom,
                                  gint64            survey_id)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (TRELLIS_IS_CLASSROOM (classroom), NULL);
  g_return_val_if_fail (survey_id > 0, NULL);

  return g_object_new (TRELLIS_TYPE_SURVEY_RECORD_WINDOW,
                       "classroom", classroom,
                       "survey-id", survey_id,
                       "transient-for", parent,
                       "destroy-with-parent", TRUE,
                       NULL);
}

TrellisClassroom *
trellis_survey_record_window_get_classroom (TrellisSurveyRecordWindow *self)
{
  g_return_val_if_fail (TRELLIS_IS_SURVEY_RECORD_WINDOW (self), NULL);

  return self->classroom;
}

gint64
trellis_survey_record_window_get_survey_id (TrellisSurveyRecordWindow *self)
{
  g_return_val_if_fail (TRELLIS_IS_SURVEY_RECORD_WINDOW (self), 0);

  return self->survey_id;
}

AdwEntryRow *
_trellis_survey_record_window_get_date_row (TrellisSurveyRecordWindow *self)
{
  g_return_val_if_fail (TRELLIS_IS_SURVEY_RECORD_WINDOW (self), NULL);

  return self->date_row;
}

TrellisLikertPicker *
_trellis_survey_record_window_get_picker (TrellisSurveyRecordWindow *self,
                                          gint64                     learner_id,
                                          guint                      item_index)
{
  g_return_val_if_fail (TRELLIS_IS_SURVEY_RECORD_WINDOW (self), NULL);

  if (item_index >= self->items->len)
    return NULL;

  for (guint l = 0; l < self->learner_ids->len; l++)
    if (g_array_index (self->learner_ids, gint64, l) == learner_id)
      return g_ptr_array_index (self->pickers, l * self->items->len + item_index);

  return NULL;
}

const char *
_trellis_survey_record_window_get_visible_page (TrellisSurveyRecordWindow *self)
{
  g_return_val_if_fail (TRELLIS_IS_SURVEY_RECORD_WINDOW (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

const char *
_trellis_survey_record_window_get_error (TrellisSurveyRecordWindow *self)
{
  g_return_val_if_fail (TRELLIS_IS_SURVEY_RECORD_WINDOW (self), NULL);

  return self->error_message;
}

AdwMessageDialog *
_trellis_survey_record_window_get_discard_dialog (TrellisSurveyRecordWindow *self)
{
  g_return_val_if_fail (TRELLIS_IS_SURVEY_RECORD_WINDOW (self), NULL);

  return self->discard_dialog;
}

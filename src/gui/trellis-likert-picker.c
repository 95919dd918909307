/* trellis-likert-picker.c
 *
 * Copyright 2026 The Trellis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "trellis-likert-picker.h"

/*
 * TrellisLikertPicker: one answer on a short Likert scale (1–4), a row of
 * linked toggle buttons, or no answer.  For fast entry the picker is one
 * focus stop: a digit on the scale sets the answer and moves the focus on
 * (to the next item, then to the next learner), 0, Delete or BackSpace
 * clears it, Left and Right step it.  The buttons serve the pointer.
 */

struct _TrellisLikertPicker
{
  GtkWidget  parent_instance;

  int        scale_min;
  int        scale_max;
  int        value;       /* 0: no answer */
  gboolean   updating;

  GtkWidget *buttons[10];
};

G_DEFINE_FINAL_TYPE (TrellisLikertPicker, trellis_likert_picker, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SCALE_MIN,
  PROP_SCALE_MAX,
  PROP_VALUE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

#define MAX_BUTTONS ((int) G_N_ELEMENTS (((TrellisLikertPicker *) NULL)->buttons))

static guint
n_buttons (TrellisLikertPicker *self)
{
  return (guint) (self->scale_max - self->scale_min + 1);
}

static void
sync_buttons (TrellisLikertPicker *self)
{
  g_autofree char *description = NULL;

  self->updating = TRUE;
  for (guint i = 0; i < n_buttons (self); i++)
    gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->buttons[i]),
                                  self->value == self->scale_min + (int) i);
  self->updating = FALSE;

  if (self->value == 0)
    description = g_strdup (_("No answer"));
  else
    /* Translators: an answer on a scale, like “3 of 4” */
    description = g_strdup_printf (_("%d of %d"), self->value, self->scale_max);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
}

static void
on_button_toggled_cb (GtkToggleButton     *button,
                      TrellisLikertPicker *self)
{
  int value = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "trellis-value"));

  if (self->updating)
    return;

  if (gtk_toggle_button_get_active (button))
    trellis_likert_picker_set_value (self, value);
  else if (self->value == value)
    trellis_likert_picker_set_value (self, 0);
}

static void
move_focus_on (TrellisLikertPicker *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (root != NULL)
    gtk_widget_child_focus (GTK_WIDGET (root), GTK_DIR_TAB_FORWARD);
}

static gboolean
on_key_pressed_cb (GtkEventControllerKey *controller,
                   guint                  keyval,
                   guint                  keycode,
                   GdkModifierType        state,
                   TrellisLikertPicker   *self)
{
  guint32 c;

  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SUPER_MASK)) != 0)
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_Delete:
    case GDK_KEY_KP_Delete:
    case GDK_KEY_BackSpace:
      trellis_likert_picker_set_value (self, 0);
      return TRUE;

    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      if (self->value > self->scale_min)
        trellis_likert_picker_set_value (self, self->value - 1);
      return TRUE;

    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      if (self->value == 0)
        trellis_likert_picker_set_value (self, self->scale_min);
      else if (self->value < self->scale_max)
        trellis_likert_picker_set_value (self, self->value + 1);
      return TRUE;

    default:
      break;
    }

  c = gdk_keyval_to_unicode (keyval);
  if (c == '0')
    {
      trellis_likert_picker_set_value (self, 0);
      return TRUE;
    }
  if (c >= '1' && c <= '9')
    {
      int value = (int) (c - '0');

      if (value < self->scale_min || value > self->scale_max)
        {
          gtk_widget_error_bell (GTK_WIDGET (self));
          return TRUE;
        }
      trellis_likert_picker_set_value (self, value);
      move_focus_on (self);
      return TRUE;
    }

  return FALSE;
}

static void
on_pressed_cb (GtkGestureClick     *gesture,
               int                  n_press,
               double               x,
               double               y,
               TrellisLikertPicker *self)
{
  /* A click keeps the keyboard where the teacher works. */
  gtk_widget_grab_focus (GTK_WIDGET (self));
}

static void
rebuild (TrellisLikertPicker *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  memset (self->buttons, 0, sizeof self->buttons);

  for (guint i = 0; i < n_buttons (self); i++)
    {
      int value = self->scale_min + (int) i;
      g_autofree char *label = g_strdup_printf ("%d", value);
      GtkWidget *button = gtk_toggle_button_new_with_label (label);

      gtk_widget_set_focusable (button, FALSE);
      gtk_widget_set_focus_on_click (button, FALSE);
      g_object_set_data (G_OBJECT (button), "trellis-value", GINT_TO_POINTER (value));
      g_signal_connect (button, "toggled", G_CALLBACK (on_button_toggled_cb), self);
      gtk_widget_set_parent (button, GTK_WIDGET (self));
      self->buttons[i] = button;
    }

  sync_buttons (self);
}

static void
trellis_likert_picker_dispose (GObject *object)
{
  TrellisLikertPicker *self = TRELLIS_LIKERT_PICKER (object);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  memset (self->buttons, 0, sizeof self->buttons);

  G_OBJECT_CLASS (trellis_likert_picker_parent_class)->dispose (object);
}

static void
trellis_likert_picker_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  TrellisLikertPicker *self = TRELLIS_LIKERT_PICKER (object);

  switch (prop_id)
    {
    case PROP_SCALE_MIN:
      g_value_set_int (value, self->scale_min);
      break;

    case PROP_SCALE_MAX:
      g_value_set_int (value, self->scale_max);
      break;

    case PROP_VALUE:
      g_value_set_int (value, self->value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trellis_likert_picker_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  TrellisLikertPicker *self = TRELLIS_LIKERT_PICKER (object);

  switch (prop_id)
    {
    case PROP_SCALE_MIN:
      self->scale_min = g_value_get_int (value);
      break;

    case PROP_SCALE_MAX:
      self->scale_max = g_value_get_int (value);
      break;

    case PROP_VALUE:
      trellis_likert_picker_set_value (self, g_value_get_int (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trellis_likert_picker_constructed (GObject *object)
{
  TrellisLikertPicker *self = TRELLIS_LIKERT_PICKER (object);

  G_OBJECT_CLASS (trellis_likert_picker_parent_class)->constructed (object);

  /* Scales of up to 9 points, each a digit key. */
  self->scale_min = CLAMP (self->scale_min, 1, 9);
  self->scale_max = CLAMP (self->scale_max, self->scale_min, MIN (9, self->scale_min + MAX_BUTTONS - 1));
  rebuild (self);
}

static void
trellis_likert_picker_class_init (TrellisLikertPickerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = trellis_likert_picker_dispose;
  object_class->get_property = trellis_likert_picker_get_property;
  object_class->set_property = trellis_likert_picker_set_property;
  object_class->constructed = trellis_likert_picker_constructed;

  properties[PROP_SCALE_MIN] =
    g_param_spec_int ("scale-min", NULL, NULL,
                      1, 9, 1,
                      (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_SCALE_MAX] =
    g_param_spec_int ("scale-max", NULL, NULL,
                      1, 9, 4,
                      (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_VALUE] =
    g_param_spec_int ("value", NULL, NULL,
                      0, 9, 0,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "likertpicker");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_RADIO_GROUP);
}

static void
trellis_likert_picker_init (TrellisLikertPicker *self)
{
  GtkEventController *keys;
  GtkGesture *click;

  self->scale_min = 1;
  self->scale_max = 4;

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_valign (GTK_WIDGET (self), GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (GTK_WIDGET (self), "linked");

  keys = gtk_event_controller_key_new ();
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);

  click = gtk_gesture_click_new ();
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_CAPTURE);
  g_signal_connect (click, "pressed", G_CALLBACK (on_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
}

GtkWidget *
trellis_likert_picker_new (int scale_min,
                           int scale_max)
{
  return g_object_new (TRELLIS_TYPE_LIKERT_PICKER,
                       "scale-min", scale_min,
                       "scale-max", scale_max,
                       NULL);
}

int
trellis_likert_picker_get_scale_min (TrellisLikertPicker *self)
{
  g_return_val_if_fail (TRELLIS_IS_LIKERT_PICKER (self), 0);

  return self->scale_min;
}

int
trellis_likert_picker_get_scale_max (TrellisLikertPicker *self)
{
  g_return_val_if_fail (TRELLIS_IS_LIKERT_PICKER (self), 0);

  return self->scale_max;
}

int
trellis_likert_picker_get_value (TrellisLikertPicker *self)
{
  g_return_val_if_fail (TRELLIS_IS_LIKERT_PICKER (self), 0);

  return self->value;
}

void
trellis_likert_picker_set_value (TrellisLikertPicker *self,
                                 int                  value)
{
  g_return_if_fail (TRELLIS_IS_LIKERT_PICKER (self));
  g_return_if_fail (value == 0 || (value >= self->scale_min && value <= self->scale_max));

  if (self->value == value)
    return;

  self->value = value;
  sync_buttons (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALUE]);
}

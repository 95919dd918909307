/* trellis-preferences-window.c
 *
 * Copyright 2026 The Trellis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "trellis-preferences-window-private.h"
#include "trellis-profile.h"

/*
 * TrellisPreferencesWindow: the preferences of one classroom, stored in its
 * file: its name, where the file is, how often each learner has a
 * conference, when a profile counts as stale, and the class minutes a week
 * that pacing plans with.  A change is written at once; the views that use
 * it hear of it through TrellisClassroom::preferences-changed.
 */
struct _TrellisPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  TrellisClassroom     *classroom;

  AdwEntryRow          *name_row;
  AdwActionRow         *file_row;
  GtkSpinButton        *cadence_spin;
  GtkSpinButton        *stale_weeks_spin;
  GtkSpinButton        *minutes_spin;
};

G_DEFINE_FINAL_TYPE (TrellisPreferencesWindow, trellis_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

enum {
  PROP_0,
  PROP_CLASSROOM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_name (TrellisPreferencesWindow *self)
{
  const char *name = trellis_classroom_get_name (self->classroom);

  gtk_editable_set_text (GTK_EDITABLE (self->name_row), name ? name : "");
}

static void
on_classroom_name_changed_cb (TrellisPreferencesWindow *self)
{
  update_name (self);
}

static void
on_name_apply_cb (TrellisPreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));

  if (name[0] == '\0')
    {
      adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self),
                                        adw_toast_new (_("A classroom needs a name")));
      update_name (self);
      return;
    }

  if (!trellis_classroom_set_name (self->classroom, name, &error))
    {
      g_autofree char *escaped = g_markup_escape_text (error->message, -1);

      adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (escaped));
      update_name (self);
    }
}

static void
update_numbers (TrellisPreferencesWindow *self)
{
  const struct {
    GtkSpinButton *spin;
    guint          value;
  } numbers[] = {
    { self->cadence_spin, trellis_profile_get_conference_cadence_days (self->classroom) },
    { self->stale_weeks_spin, trellis_profile_get_stale_profile_weeks (self->classroom) },
    { self->minutes_spin, trellis_profile_get_class_minutes_per_week (self->classroom) },
  };

  for (guint i = 0; i < G_N_ELEMENTS (numbers); i++)
    {
      g_signal_handlers_block_matched (numbers[i].spin, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
      gtk_spin_button_set_value (numbers[i].spin, numbers[i].value);
      g_signal_handlers_unblock_matched (numbers[i].spin, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
    }
}

static void
on_preferences_changed_cb (TrellisPreferencesWindow *self)
{
  update_numbers (self);
}

static void
on_spin_value_changed_cb (TrellisPreferencesWindow *self,
                          GtkSpinButton            *spin)
{
  g_autoptr(GError) error = NULL;
  guint value = (guint) gtk_spin_button_get_value_as_int (spin);
  gboolean ok = FALSE;

  if (trellis_classroom_get_read_only (self->classroom))
    return;

  if (spin == self->cadence_spin)
    ok = trellis_profile_set_conference_cadence_days (self->classroom, value, &error);
  else if (spin == self->stale_weeks_spin)
    ok = trellis_profile_set_stale_profile_weeks (self->classroom, value, &error);
  else if (spin == self->minutes_spin)
    ok = trellis_profile_set_class_minutes_per_week (self->classroom, value, &error);
  else
    g_assert_not_reached ();

  if (!ok)
    {
      g_autofree char *escaped = g_markup_escape_text (error->message, -1);

      adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (escaped));
      update_numbers (self);
    }
}

static void
trellis_preferences_window_constructed (GObject *object)
{
  TrellisPreferencesWindow *self = TRELLIS_PREFERENCES_WINDOW (object);
  const char *path;

  G_OBJECT_CLASS (trellis_preferences_window_parent_class)->constructed (object);

  g_assert (TRELLIS_IS_CLASSROOM (self->classroom));

  path = trellis_classroom_get_path (self->classroom);
  if (path != NULL)
    {
      g_autofree char *display = g_filename_display_name (path);

      adw_action_row_set_subtitle (self->file_row, display);
    }

  gtk_widget_set_sensitive (GTK_WIDGET (self->name_row),
                            !trellis_classroom_get_read_only (self->classroom));
  gtk_widget_set_sensitive (GTK_WIDGET (self->cadence_spin),
                            !trellis_classroom_get_read_only (self->classroom));
  gtk_widget_set_sensitive (GTK_WIDGET (self->stale_weeks_spin),
                            !trellis_classroom_get_read_only (self->classroom));
  gtk_widget_set_sensitive (GTK_WIDGET (self->minutes_spin),
                            !trellis_classroom_get_read_only (self->classroom));

  update_name (self);
  update_numbers (self);
  g_signal_connect_object (self->classroom, "notify::name",
                           G_CALLBACK (on_classroom_name_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->classroom, "preferences-changed",
                           G_CALLBACK (on_preferences_changed_cb), self,
                           G_CONNECT_SWAPPED);
}

static void
trellis_preferences_window_dispose (GObject *object)
{
  TrellisPreferencesWindow *self = TRELLIS_PREFERENCES_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), TRELLIS_TYPE_PREFERENCES_WINDOW);

  g_clear_object (&self->classroom);

  G_OBJECT_CLASS (trellis_preferences_window_parent_class)->dispose (object);
}

static void
trellis_preferences_window_get_property (GObject    *object,
                                         guint       prop_id,
                                         GValue     *value,
                                         GParamSpec *pspec)
{
  TrellisPreferencesWindow *self = TRELLIS_PREFERENCES_WINDOW (object);

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
trellis_preferences_window_set_property (GObject      *object,
                                         guint         prop_id,
                                         const GValue *value,
                                         GParamSpec   *pspec)
{
  TrellisPreferencesWindow *self = TRELLIS_PREFERENCES_WINDOW (object);

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
trellis_preferences_window_class_init (TrellisPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = trellis_preferences_window_constructed;
  object_class->dispose = trellis_preferences_window_dispose;
  object_class->get_property = trellis_preferences_window_get_property;
  object_class->set_property = trellis_preferences_window_set_property;

  properties[PROP_CLASSROOM] =
    g_param_spec_object ("classroom", NULL, NULL,
                         TRELLIS_TYPE_CLASSROOM,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/trellis/Trellis/trellis-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, TrellisPreferencesWindow, name_row);
  gtk_widget_class_bind_template_child (widget_class, TrellisPreferencesWindow, file_row);
  gtk_widget_class_bind_template_child (widget_class, TrellisPreferencesWindow, cadence_spin);
  gtk_widget_class_bind_template_child (widget_class, TrellisPreferencesWindow, stale_weeks_spin);
  gtk_widget_class_bind_template_child (widget_class, TrellisPreferencesWindow, minutes_spin);
  gtk_widget_class_bind_template_callback (widget_class, on_name_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_spin_value_changed_cb);
}

static void
trellis_preferences_window_init (TrellisPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
trellis_preferences_window_new (TrellisClassroom *classroom)
{
  g_return_val_if_fail (TRELLIS_IS_CLASSROOM (classroom), NULL);

  return g_object_new (TRELLIS_TYPE_PREFERENCES_WINDOW,
                       "classroom", classroom,
                       NULL);
}

/**
 * trellis_preferences_window_get_classroom:
 *
 * Returns: (transfer none): the classroom whose preferences are shown
 */
TrellisClassroom *
trellis_preferences_window_get_classroom (TrellisPreferencesWindow *self)
{
  g_return_val_if_fail (TRELLIS_IS_PREFERENCES_WINDOW (self), NULL);

  return self->classroom;
}

AdwEntryRow *
_trellis_preferences_window_get_name_row (TrellisPreferencesWindow *self)
{
  g_return_val_if_fail (TRELLIS_IS_PREFERENCES_WINDOW (self), NULL);

  return self->name_row;
}

GtkSpinButton *
_trellis_preferences_window_get_spin (TrellisPreferencesWindow *self,
                                      TrellisPreference         preference)
{
  g_return_val_if_fail (TRELLIS_IS_PREFERENCES_WINDOW (self), NULL);

  switch (preference)
    {
    case TRELLIS_PREFERENCE_CONFERENCE_CADENCE_DAYS:
      return self->cadence_spin;
    case TRELLIS_PREFERENCE_STALE_PROFILE_WEEKS:
      return self->stale_weeks_spin;
    case TRELLIS_PREFERENCE_CLASS_MINUTES_PER_WEEK:
      return self->minutes_spin;
    default:
      g_return_val_if_reached (NULL);
    }
}

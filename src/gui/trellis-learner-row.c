/* trellis-learner-row.c
 *
 * Copyright 2026 The Trellis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "trellis-learner-row.h"

/*
 * TrellisLearnerRow: one learner in the sidebar, an avatar with their
 * initials and their display name (the preferred name when there is one).
 */
struct _TrellisLearnerRow
{
  GtkListBoxRow   parent_instance;

  TrellisLearner *learner;
  GBinding       *avatar_binding;
  GBinding       *label_binding;

  AdwAvatar      *avatar;
  GtkLabel       *name_label;
  GtkImage       *stale_image;

  gboolean        stale;
};

G_DEFINE_FINAL_TYPE (TrellisLearnerRow, trellis_learner_row, GTK_TYPE_LIST_BOX_ROW)

enum {
  PROP_0,
  PROP_LEARNER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_accessible_label (TrellisLearnerRow *self)
{
  const char *name = "";

  if (self->learner != NULL)
    name = trellis_learner_get_display_name (self->learner);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  self->stale ? _("Profile not revisited recently") : "",
                                  -1);
}

static void
on_display_name_changed_cb (TrellisLearnerRow *self)
{
  update_accessible_label (self);
}

static void
trellis_learner_row_dispose (GObject *object)
{
  TrellisLearnerRow *self = TRELLIS_LEARNER_ROW (object);

  trellis_learner_row_set_learner (self, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (self), TRELLIS_TYPE_LEARNER_ROW);

  G_OBJECT_CLASS (trellis_learner_row_parent_class)->dispose (object);
}

static void
trellis_learner_row_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  TrellisLearnerRow *self = TRELLIS_LEARNER_ROW (object);

  switch (prop_id)
    {
    case PROP_LEARNER:
      g_value_set_object (value, self->learner);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trellis_learner_row_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  TrellisLearnerRow *self = TRELLIS_LEARNER_ROW (object);

  switch (prop_id)
    {
    case PROP_LEARNER:
      trellis_learner_row_set_learner (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trellis_learner_row_class_init (TrellisLearnerRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = trellis_learner_row_dispose;
  object_class->get_property = trellis_learner_row_get_property;
  object_class->set_property = trellis_learner_row_set_property;

  properties[PROP_LEARNER] =
    g_param_spec_object ("learner", NULL, NULL,
                         TRELLIS_TYPE_LEARNER,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/trellis/Trellis/trellis-learner-row.ui");
  gtk_widget_class_bind_template_child (widget_class, TrellisLearnerRow, avatar);
  gtk_widget_class_bind_template_child (widget_class, TrellisLearnerRow, name_label);
  gtk_widget_class_bind_template_child (widget_class, TrellisLearnerRow, stale_image);
}

static void
trellis_learner_row_init (TrellisLearnerRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
trellis_learner_row_new (TrellisLearner *learner)
{
  g_return_val_if_fail (learner == NULL || TRELLIS_IS_LEARNER (learner), NULL);

  return g_object_new (TRELLIS_TYPE_LEARNER_ROW,
                       "learner", learner,
                       NULL);
}

/**
 * trellis_learner_row_get_learner:
 *
 * Returns: (transfer none) (nullable): the learner the row shows
 */
TrellisLearner *
trellis_learner_row_get_learner (TrellisLearnerRow *self)
{
  g_return_val_if_fail (TRELLIS_IS_LEARNER_ROW (self), NULL);

  return self->learner;
}

void
trellis_learner_row_set_learner (TrellisLearnerRow *self,
                                 TrellisLearner    *learner)
{
  g_return_if_fail (TRELLIS_IS_LEARNER_ROW (self));
  g_return_if_fail (learner == NULL || TRELLIS_IS_LEARNER (learner));

  if (self->learner == learner)
    return;

  g_clear_pointer (&self->avatar_binding, g_binding_unbind);
  g_clear_pointer (&self->label_binding, g_binding_unbind);
  if (self->learner != NULL)
    g_signal_handlers_disconnect_by_func (self->learner, on_display_name_changed_cb, self);

  g_set_object (&self->learner, learner);

  if (learner != NULL)
    {
      self->avatar_binding = g_object_bind_property (learner, "display-name",
                                                     self->avatar, "text",
                                                     G_BINDING_SYNC_CREATE);
      self->label_binding = g_object_bind_property (learner, "display-name",
                                                    self->name_label, "label",
                                                    G_BINDING_SYNC_CREATE);
      g_signal_connect_swapped (learner, "notify::display-name",
                                G_CALLBACK (on_display_name_changed_cb), self);
    }

  update_accessible_label (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LEARNER]);
}

gboolean
trellis_learner_row_get_stale (TrellisLearnerRow *self)
{
  g_return_val_if_fail (TRELLIS_IS_LEARNER_ROW (self), FALSE);

  return self->stale;
}

/* Marks the row of a learner whose profile is stale. */
void
trellis_learner_row_set_stale (TrellisLearnerRow *self,
                               gboolean           stale)
{
  g_return_if_fail (TRELLIS_IS_LEARNER_ROW (self));

  stale = !!stale;
  if (self->stale == stale)
    return;

  self->stale = stale;
  gtk_widget_set_visible (GTK_WIDGET (self->stale_image), stale);
  update_accessible_label (self);
}

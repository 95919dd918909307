/* trellis-learner-page.c
 *
 * Copyright 2026 The Trellis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "trellis-learner-page.h"

/*
 * TrellisLearnerPage: the content area for the selected learner.  For now
 * a header (avatar, name, pronouns) and what the classroom knows about the
 * learner; the profile editor, goals and evidence come here later.
 */
struct _TrellisLearnerPage
{
  GtkWidget       parent_instance;

  TrellisLearner *learner;

  AdwAvatar      *avatar;
  GtkLabel       *name_label;
  GtkLabel       *pronouns_label;
  AdwActionRow   *full_name_row;
  AdwActionRow   *preferred_name_row;
  AdwActionRow   *pronouns_row;
  AdwActionRow   *self_regulation_row;
};

G_DEFINE_FINAL_TYPE (TrellisLearnerPage, trellis_learner_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_LEARNER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
set_row (AdwActionRow *row,
         const char   *value)
{
  gboolean has_value = value != NULL && value[0] != '\0';

  adw_action_row_set_subtitle (row, has_value ? value : "");
  gtk_widget_set_visible (GTK_WIDGET (row), has_value);
}

static void
update (TrellisLearnerPage *self)
{
  const char *display_name = "";
  const char *name = NULL;
  const char *preferred_name = NULL;
  const char *pronouns = NULL;
  g_autofree char *level = NULL;

  if (self->learner != NULL)
    {
      guint self_regulation = trellis_learner_get_self_regulation (self->learner);

      display_name = trellis_learner_get_display_name (self->learner);
      name = trellis_learner_get_name (self->learner);
      preferred_name = trellis_learner_get_preferred_name (self->learner);
      pronouns = trellis_learner_get_pronouns (self->learner);

      if (self_regulation > 0)
        /* Translators: the self-regulation level of a learner, 1 to 3 */
        level = g_strdup_printf (_("Level %u of 3"), self_regulation);
    }

  adw_avatar_set_text (self->avatar, display_name);
  gtk_label_set_label (self->name_label, display_name);
  gtk_label_set_label (self->pronouns_label, pronouns ? pronouns : "");
  gtk_widget_set_visible (GTK_WIDGET (self->pronouns_label), pronouns != NULL && pronouns[0] != '\0');

  /* The full name only adds something when the learner goes by another. */
  set_row (self->full_name_row, g_strcmp0 (name, display_name) != 0 ? name : NULL);
  set_row (self->preferred_name_row, preferred_name);
  set_row (self->pronouns_row, pronouns);
  set_row (self->self_regulation_row, level);
}

static void
on_learner_notify_cb (TrellisLearnerPage *self)
{
  update (self);
}

static void
trellis_learner_page_dispose (GObject *object)
{
  TrellisLearnerPage *self = TRELLIS_LEARNER_PAGE (object);
  GtkWidget *child;

  if (self->learner != NULL)
    g_signal_handlers_disconnect_by_func (self->learner, on_learner_notify_cb, self);
  g_clear_object (&self->learner);

  gtk_widget_dispose_template (GTK_WIDGET (self), TRELLIS_TYPE_LEARNER_PAGE);

  /* dispose_template() unparents only the children with an id. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (trellis_learner_page_parent_class)->dispose (object);
}

static void
trellis_learner_page_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  TrellisLearnerPage *self = TRELLIS_LEARNER_PAGE (object);

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
trellis_learner_page_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  TrellisLearnerPage *self = TRELLIS_LEARNER_PAGE (object);

  switch (prop_id)
    {
    case PROP_LEARNER:
      trellis_learner_page_set_learner (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trellis_learner_page_class_init (TrellisLearnerPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = trellis_learner_page_dispose;
  object_class->get_property = trellis_learner_page_get_property;
  object_class->set_property = trellis_learner_page_set_property;

  properties[PROP_LEARNER] =
    g_param_spec_object ("learner", NULL, NULL,
                         TRELLIS_TYPE_LEARNER,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/trellis/Trellis/trellis-learner-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TrellisLearnerPage, avatar);
  gtk_widget_class_bind_template_child (widget_class, TrellisLearnerPage, name_label);
  gtk_widget_class_bind_template_child (widget_class, TrellisLearnerPage, pronouns_label);
  gtk_widget_class_bind_template_child (widget_class, TrellisLearnerPage, full_name_row);
  gtk_widget_class_bind_template_child (widget_class, TrellisLearnerPage, preferred_name_row);
  gtk_widget_class_bind_template_child (widget_class, TrellisLearnerPage, pronouns_row);
  gtk_widget_class_bind_template_child (widget_class, TrellisLearnerPage, self_regulation_row);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "learnerpage");
}

static void
trellis_learner_page_init (TrellisLearnerPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  update (self);
}

GtkWidget *
trellis_learner_page_new (void)
{
  return g_object_new (TRELLIS_TYPE_LEARNER_PAGE, NULL);
}

/**
 * trellis_learner_page_get_learner:
 *
 * Returns: (transfer none) (nullable): the learner shown
 */
TrellisLearner *
trellis_learner_page_get_learner (TrellisLearnerPage *self)
{
  g_return_val_if_fail (TRELLIS_IS_LEARNER_PAGE (self), NULL);

  return self->learner;
}

void
trellis_learner_page_set_learner (TrellisLearnerPage *self,
                                  TrellisLearner     *learner)
{
  g_return_if_fail (TRELLIS_IS_LEARNER_PAGE (self));
  g_return_if_fail (learner == NULL || TRELLIS_IS_LEARNER (learner));

  if (self->learner == learner)
    return;

  if (self->learner != NULL)
    g_signal_handlers_disconnect_by_func (self->learner, on_learner_notify_cb, self);

  g_set_object (&self->learner, learner);

  if (learner != NULL)
    g_signal_connect_swapped (learner, "notify", G_CALLBACK (on_learner_notify_cb), self);

  update (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LEARNER]);
}

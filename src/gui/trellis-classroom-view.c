/* trellis-classroom-view.c
 *
 * Copyright 2026 The Trellis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "trellis-classroom-view.h"

/*
 * TrellisClassroomView: the base of the widgets that show a classroom,
 * whole or for its current learner (the learner page, the recommendations
 * pane).  It owns :classroom and :learner, and keeps the signal handlers a
 * subclass asks for (trellis_classroom_view_connect_classroom(), _learner())
 * connected to whichever classroom and learner are set: they move when
 * those change and go at dispose, so a subclass never connects or
 * disconnects them itself.  After a change, the class's
 * classroom_changed or learner_changed runs, then the property notifies.
 */

typedef struct
{
  char          *detailed_signal;
  GCallback      callback;
  GConnectFlags  flags;
  gulong         handler_id;   /* on the current instance; 0: none */
} Connection;

typedef struct
{
  TrellisClassroom *classroom;
  TrellisLearner   *learner;
  GArray           *classroom_connections;  /* Connection */
  GArray           *learner_connections;    /* Connection */
} TrellisClassroomViewPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (TrellisClassroomView, trellis_classroom_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CLASSROOM,
  PROP_LEARNER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Helpers */

static void
connection_clear (Connection *connection)
{
  g_clear_pointer (&connection->detailed_signal, g_free);
}

static void
connect_all (TrellisClassroomView *self,
             GArray               *connections,
             gpointer              instance)
{
  for (guint i = 0; instance != NULL && i < connections->len; i++)
    {
      Connection *connection = &g_array_index (connections, Connection, i);

      connection->handler_id = g_signal_connect_data (instance, connection->detailed_signal,
                                                      connection->callback, self, NULL,
                                                      connection->flags);
    }
}

static void
disconnect_all (GArray   *connections,
                gpointer  instance)
{
  for (guint i = 0; i < connections->len; i++)
    {
      Connection *connection = &g_array_index (connections, Connection, i);

      if (instance != NULL)
        g_clear_signal_handler (&connection->handler_id, instance);
      connection->handler_id = 0;
    }
}

static void
add_connection (TrellisClassroomView *self,
                guint                 prop_id,
                const char           *detailed_signal,
                GCallback             callback,
                GConnectFlags         flags)
{
  TrellisClassroomViewPrivate *priv = trellis_classroom_view_get_instance_private (self);
  GArray *connections = prop_id == PROP_CLASSROOM ? priv->classroom_connections : priv->learner_connections;
  gpointer instance = prop_id == PROP_CLASSROOM ? (gpointer) priv->classroom : (gpointer) priv->learner;
  Connection connection = { g_strdup (detailed_signal), callback, flags, 0 };

  g_return_if_fail (detailed_signal != NULL);
  g_return_if_fail (callback != NULL);

  if (instance != NULL)
    connection.handler_id = g_signal_connect_data (instance, detailed_signal, callback, self, NULL, flags);
  g_array_append_val (connections, connection);
}

/*
 * Shows @object as the classroom or the learner (@prop_id): moves the
 * handlers to it, tells the subclass, then notifies.
 */
static void
set_shown (TrellisClassroomView *self,
           guint                 prop_id,
           gpointer              object)
{
  TrellisClassroomViewPrivate *priv = trellis_classroom_view_get_instance_private (self);
  TrellisClassroomViewClass *klass = TRELLIS_CLASSROOM_VIEW_GET_CLASS (self);
  gboolean classroom = prop_id == PROP_CLASSROOM;
  gpointer *slot = classroom ? (gpointer *) &priv->classroom : (gpointer *) &priv->learner;
  GArray *connections = classroom ? priv->classroom_connections : priv->learner_connections;
  g_autoptr(GObject) old = NULL;

  if (*slot == object)
    return;

  disconnect_all (connections, *slot);
  old = g_steal_pointer (slot);
  *slot = object != NULL ? g_object_ref (object) : NULL;
  connect_all (self, connections, object);

  if (classroom && klass->classroom_changed != NULL)
    klass->classroom_changed (self, (TrellisClassroom *) old);
  else if (!classroom && klass->learner_changed != NULL)
    klass->learner_changed (self, (TrellisLearner *) old);

  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

/* Overrides */

static void
trellis_classroom_view_dispose (GObject *object)
{
  TrellisClassroomView *self = TRELLIS_CLASSROOM_VIEW (object);
  TrellisClassroomViewPrivate *priv = trellis_classroom_view_get_instance_private (self);

  disconnect_all (priv->learner_connections, priv->learner);
  disconnect_all (priv->classroom_connections, priv->classroom);
  g_clear_object (&priv->learner);
  g_clear_object (&priv->classroom);

  G_OBJECT_CLASS (trellis_classroom_view_parent_class)->dispose (object);
}

static void
trellis_classroom_view_finalize (GObject *object)
{
  TrellisClassroomView *self = TRELLIS_CLASSROOM_VIEW (object);
  TrellisClassroomViewPrivate *priv = trellis_classroom_view_get_instance_private (self);

  g_clear_pointer (&priv->classroom_connections, g_array_unref);
  g_clear_pointer (&priv->learner_connections, g_array_unref);

  G_OBJECT_CLASS (trellis_classroom_view_parent_class)->finalize (object);
}

static void
trellis_classroom_view_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  TrellisClassroomView *self = TRELLIS_CLASSROOM_VIEW (object);
  TrellisClassroomViewPrivate *priv = trellis_classroom_view_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_CLASSROOM:
      g_value_set_object (value, priv->classroom);
      break;

    case PROP_LEARNER:
      g_value_set_object (value, priv->learner);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trellis_classroom_view_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  TrellisClassroomView *self = TRELLIS_CLASSROOM_VIEW (object);

  switch (prop_id)
    {
    case PROP_CLASSROOM:
      trellis_classroom_view_set_classroom (self, g_value_get_object (value));
      break;

    case PROP_LEARNER:
      trellis_classroom_view_set_learner (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trellis_classroom_view_class_init (TrellisClassroomViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = trellis_classroom_view_dispose;
  object_class->finalize = trellis_classroom_view_finalize;
  object_class->get_property = trellis_classroom_view_get_property;
  object_class->set_property = trellis_classroom_view_set_property;

  properties[PROP_CLASSROOM] =
    g_param_spec_object ("classroom", NULL, NULL,
                         TRELLIS_TYPE_CLASSROOM,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_LEARNER] =
    g_param_spec_object ("learner", NULL, NULL,
                         TRELLIS_TYPE_LEARNER,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
trellis_classroom_view_init (TrellisClassroomView *self)
{
  TrellisClassroomViewPrivate *priv = trellis_classroom_view_get_instance_private (self);

  priv->classroom_connections = g_array_new (FALSE, FALSE, sizeof (Connection));
  g_array_set_clear_func (priv->classroom_connections, (GDestroyNotify) connection_clear);
  priv->learner_connections = g_array_new (FALSE, FALSE, sizeof (Connection));
  g_array_set_clear_func (priv->learner_connections, (GDestroyNotify) connection_clear);
}

/* Public API */

/**
 * trellis_classroom_view_get_classroom:
 *
 * Returns: (transfer none) (nullable): the classroom shown
 */
TrellisClassroom *
trellis_classroom_view_get_classroom (TrellisClassroomView *self)
{
  TrellisClassroomViewPrivate *priv = trellis_classroom_view_get_instance_private (self);

  g_return_val_if_fail (TRELLIS_IS_CLASSROOM_VIEW (self), NULL);

  return priv->classroom;
}

void
trellis_classroom_view_set_classroom (TrellisClassroomView *self,
                                      TrellisClassroom     *classroom)
{
  g_return_if_fail (TRELLIS_IS_CLASSROOM_VIEW (self));
  g_return_if_fail (classroom == NULL || TRELLIS_IS_CLASSROOM (classroom));

  set_shown (self, PROP_CLASSROOM, classroom);
}

/**
 * trellis_classroom_view_get_learner:
 *
 * Returns: (transfer none) (nullable): the learner shown, or %NULL
 */
TrellisLearner *
trellis_classroom_view_get_learner (TrellisClassroomView *self)
{
  TrellisClassroomViewPrivate *priv = trellis_classroom_view_get_instance_private (self);

  g_return_val_if_fail (TRELLIS_IS_CLASSROOM_VIEW (self), NULL);

  return priv->learner;
}

void
trellis_classroom_view_set_learner (TrellisClassroomView *self,
                                    TrellisLearner       *learner)
{
  g_return_if_fail (TRELLIS_IS_CLASSROOM_VIEW (self));
  g_return_if_fail (learner == NULL || TRELLIS_IS_LEARNER (learner));

  set_shown (self, PROP_LEARNER, learner);
}

/**
 * trellis_classroom_view_connect_classroom:
 * @detailed_signal: a signal of TrellisClassroom, such as "data-changed"
 * @callback: its handler, called with @self as user data
 * @flags: as for g_signal_connect_data(), such as %G_CONNECT_SWAPPED
 *
 * Keeps @callback connected to the classroom shown, whichever it is, from
 * now until @self is disposed.  Call it from the subclass's init.
 */
void
trellis_classroom_view_connect_classroom (TrellisClassroomView *self,
                                          const char           *detailed_signal,
                                          GCallback             callback,
                                          GConnectFlags         flags)
{
  g_return_if_fail (TRELLIS_IS_CLASSROOM_VIEW (self));

  add_connection (self, PROP_CLASSROOM, detailed_signal, callback, flags);
}

/**
 * trellis_classroom_view_connect_learner:
 *
 * Like trellis_classroom_view_connect_classroom(), for the learner shown
 * (a signal of TrellisLearner, such as "notify::display-name").
 */
void
trellis_classroom_view_connect_learner (TrellisClassroomView *self,
                                        const char           *detailed_signal,
                                        GCallback             callback,
                                        GConnectFlags         flags)
{
  g_return_if_fail (TRELLIS_IS_CLASSROOM_VIEW (self));

  add_connection (self, PROP_LEARNER, detailed_signal, callback, flags);
}

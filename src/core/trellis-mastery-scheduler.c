/* trellis-mastery-scheduler.c
 *
 * Copyright 2026 The Trellis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trellis-mastery"

#include "config.h"

#include "trellis-mastery.h"
#include "trellis-mastery-scheduler.h"

/*
 * Keeps an open classroom's mastery model fitted to its data, in the
 * background.  Recording evidence updates the learner's state at once
 * with the stored parameters; the parameters themselves are relearned by
 * a refit (trellis_mastery_refit_async(), a worker thread with its own
 * connection).  The scheduler starts one @delay_ms after the classroom is
 * opened and after the last of a burst of evidence or curriculum changes,
 * and only when trellis_mastery_needs_refit() says the data differ from
 * what was fitted, so opening a file to look at it leaves it untouched.
 * One refit at a time; changes during a refit start another after it.
 * A read-only classroom is never refitted.  The refit's own
 * ::data-changed (%TRELLIS_DATA_MASTERY) tells the views.
 *
 * Signals: ::failed (GError *) when a refit could not be made; the
 * classroom is then as it was.
 */

struct _TrellisMasteryScheduler
{
  GObject           parent_instance;

  TrellisClassroom *classroom;
  GCancellable     *cancellable;
  guint             delay_ms;
  guint             timeout_id;
  gboolean          busy;
  gboolean          again;     /* data changed during the refit */
};

G_DEFINE_FINAL_TYPE (TrellisMasteryScheduler, trellis_mastery_scheduler, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_BUSY,
  N_PROPS
};

enum {
  FAILED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void schedule (TrellisMasteryScheduler *self);

static void
set_busy (TrellisMasteryScheduler *self,
          gboolean                 busy)
{
  if (self->busy == busy)
    return;
  self->busy = busy;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
on_refit_done_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(TrellisMasteryScheduler) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!trellis_mastery_refit_finish (result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      g_debug ("Could not refit the mastery model: %s", error->message);
      set_busy (self, FALSE);
      self->again = FALSE;
      g_signal_emit (self, signals[FAILED], 0, error);
      return;
    }

  set_busy (self, FALSE);
  if (self->again)
    {
      self->again = FALSE;
      schedule (self);
    }
}

static gboolean
on_timeout_cb (gpointer user_data)
{
  TrellisMasteryScheduler *self = user_data;

  self->timeout_id = 0;

  if (!trellis_mastery_needs_refit (self->classroom))
    return G_SOURCE_REMOVE;

  set_busy (self, TRUE);
  trellis_mastery_refit_async (self->classroom, self->cancellable, on_refit_done_cb, g_object_ref (self));

  return G_SOURCE_REMOVE;
}

/* (Re)starts the quiet period; during a refit, asks for another after it. */
static void
schedule (TrellisMasteryScheduler *self)
{
  if (self->busy)
    {
      self->again = TRUE;
      return;
    }
  g_clear_handle_id (&self->timeout_id, g_source_remove);
  self->timeout_id = g_timeout_add (self->delay_ms, on_timeout_cb, self);
}

static void
on_data_changed_cb (TrellisMasteryScheduler *self,
                    const TrellisDataChange *change)
{
  if (change->kinds & (TRELLIS_DATA_EVIDENCE | TRELLIS_DATA_CURRICULUM))
    schedule (self);
}

static void
trellis_mastery_scheduler_dispose (GObject *object)
{
  TrellisMasteryScheduler *self = TRELLIS_MASTERY_SCHEDULER (object);

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->classroom != NULL)
    g_signal_handlers_disconnect_by_data (self->classroom, self);
  g_clear_object (&self->classroom);

  G_OBJECT_CLASS (trellis_mastery_scheduler_parent_class)->dispose (object);
}

static void
trellis_mastery_scheduler_get_property (GObject    *object,
                                        guint       prop_id,
                                        GValue     *value,
                                        GParamSpec *pspec)
{
  TrellisMasteryScheduler *self = TRELLIS_MASTERY_SCHEDULER (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trellis_mastery_scheduler_class_init (TrellisMasterySchedulerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = trellis_mastery_scheduler_dispose;
  object_class->get_property = trellis_mastery_scheduler_get_property;

  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[FAILED] =
    g_signal_new ("failed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_ERROR);
}

static void
trellis_mastery_scheduler_init (TrellisMasteryScheduler *self)
{
  self->cancellable = g_cancellable_new ();
}

/**
 * trellis_mastery_scheduler_new:
 * @classroom: the open classroom
 * @delay_ms: the quiet period before a refit
 *
 * Returns: (transfer full): a scheduler that keeps @classroom's model
 *   fitted for as long as it lives
 */
TrellisMasteryScheduler *
trellis_mastery_scheduler_new (TrellisClassroom *classroom,
                               guint             delay_ms)
{
  TrellisMasteryScheduler *self;

  g_return_val_if_fail (TRELLIS_IS_CLASSROOM (classroom), NULL);

  self = g_object_new (TRELLIS_TYPE_MASTERY_SCHEDULER, NULL);
  self->classroom = g_object_ref (classroom);
  self->delay_ms = delay_ms;

  if (!trellis_classroom_get_read_only (classroom))
    {
      g_signal_connect_swapped (classroom, "data-changed", G_CALLBACK (on_data_changed_cb), self);
      schedule (self);
    }

  return self;
}

TrellisClassroom *
trellis_mastery_scheduler_get_classroom (TrellisMasteryScheduler *self)
{
  g_return_val_if_fail (TRELLIS_IS_MASTERY_SCHEDULER (self), NULL);

  return self->classroom;
}

gboolean
trellis_mastery_scheduler_get_busy (TrellisMasteryScheduler *self)
{
  g_return_val_if_fail (TRELLIS_IS_MASTERY_SCHEDULER (self), FALSE);

  return self->busy;
}

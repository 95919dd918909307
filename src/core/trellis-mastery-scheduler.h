/* trellis-mastery-scheduler.h
 *
 * Copyright 2026 The Trellis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "trellis-classroom.h"

G_BEGIN_DECLS

#define TRELLIS_TYPE_MASTERY_SCHEDULER (trellis_mastery_scheduler_get_type ())

G_DECLARE_FINAL_TYPE (TrellisMasteryScheduler, trellis_mastery_scheduler, TRELLIS, MASTERY_SCHEDULER, GObject)

TrellisMasteryScheduler *trellis_mastery_scheduler_new      (TrellisClassroom        *classroom,
                                                             guint                    delay_ms);
TrellisClassroom        *trellis_mastery_scheduler_get_classroom (TrellisMasteryScheduler *self);
gboolean                 trellis_mastery_scheduler_get_busy (TrellisMasteryScheduler *self);

G_END_DECLS

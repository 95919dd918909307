/* trellis-classroom-view.h
 *
 * Copyright 2026 The Trellis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "trellis-classroom.h"

G_BEGIN_DECLS

#define TRELLIS_TYPE_CLASSROOM_VIEW (trellis_classroom_view_get_type ())

G_DECLARE_DERIVABLE_TYPE (TrellisClassroomView, trellis_classroom_view, TRELLIS, CLASSROOM_VIEW, GtkWidget)

/**
 * TrellisClassroomViewClass:
 * @classroom_changed: the classroom changed; the handlers given to
 *   trellis_classroom_view_connect_classroom() already moved to the new one
 * @learner_changed: likewise for the learner
 */
struct _TrellisClassroomViewClass
{
  GtkWidgetClass parent_class;

  void (*classroom_changed) (TrellisClassroomView *self,
                             TrellisClassroom     *old_classroom);
  void (*learner_changed)   (TrellisClassroomView *self,
                             TrellisLearner       *old_learner);
};

TrellisClassroom *trellis_classroom_view_get_classroom     (TrellisClassroomView *self);
void              trellis_classroom_view_set_classroom     (TrellisClassroomView *self,
                                                            TrellisClassroom     *classroom);
TrellisLearner   *trellis_classroom_view_get_learner       (TrellisClassroomView *self);
void              trellis_classroom_view_set_learner       (TrellisClassroomView *self,
                                                            TrellisLearner       *learner);
void              trellis_classroom_view_connect_classroom (TrellisClassroomView *self,
                                                            const char           *detailed_signal,
                                                            GCallback             callback,
                                                            GConnectFlags         flags);
void              trellis_classroom_view_connect_learner   (TrellisClassroomView *self,
                                                            const char           *detailed_signal,
                                                            GCallback             callback,
                                                            GConnectFlags         flags);

G_END_DECLS

/* trellis-pacing-timeline.h
 *
 * Copyright 2026 The Trellis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "trellis-classroom.h"
#include "trellis-pacing.h"

G_BEGIN_DECLS

#define TRELLIS_TYPE_PACING_TIMELINE (trellis_pacing_timeline_get_type ())

G_DECLARE_FINAL_TYPE (TrellisPacingTimeline, trellis_pacing_timeline, TRELLIS, PACING_TIMELINE, GtkWidget)

GtkWidget           *trellis_pacing_timeline_new        (void);
void                 trellis_pacing_timeline_update     (TrellisPacingTimeline *self,
                                                         TrellisClassroom      *classroom,
                                                         TrellisPlaylist       *playlist);
const TrellisPacing *trellis_pacing_timeline_get_pacing (TrellisPacingTimeline *self);
const char          *trellis_pacing_timeline_get_text   (TrellisPacingTimeline *self);

G_END_DECLS

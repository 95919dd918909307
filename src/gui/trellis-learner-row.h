/* trellis-learner-row.h
 *
 * Copyright 2026 The Trellis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "trellis-learner.h"

G_BEGIN_DECLS

#define TRELLIS_TYPE_LEARNER_ROW (trellis_learner_row_get_type ())

G_DECLARE_FINAL_TYPE (TrellisLearnerRow, trellis_learner_row, TRELLIS, LEARNER_ROW, GtkListBoxRow)

GtkWidget      *trellis_learner_row_new         (TrellisLearner    *learner);
TrellisLearner *trellis_learner_row_get_learner (TrellisLearnerRow *self);
void            trellis_learner_row_set_learner (TrellisLearnerRow *self,
                                                 TrellisLearner    *learner);

gboolean        trellis_learner_row_get_stale   (TrellisLearnerRow *self);
void            trellis_learner_row_set_stale   (TrellisLearnerRow *self,
                                                 gboolean           stale);

G_END_DECLS

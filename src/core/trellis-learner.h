/* trellis-learner.h
 *
 * Copyright 2026 The Trellis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define TRELLIS_TYPE_LEARNER (trellis_learner_get_type ())

G_DECLARE_FINAL_TYPE (TrellisLearner, trellis_learner, TRELLIS, LEARNER, GObject)

TrellisLearner *trellis_learner_new                 (gint64          id,
                                                     const char     *name);
gint64          trellis_learner_get_id              (TrellisLearner *self);
const char     *trellis_learner_get_name            (TrellisLearner *self);
void            trellis_learner_set_name            (TrellisLearner *self,
                                                     const char     *name);
const char     *trellis_learner_get_preferred_name  (TrellisLearner *self);
void            trellis_learner_set_preferred_name  (TrellisLearner *self,
                                                     const char     *preferred_name);
const char     *trellis_learner_get_display_name    (TrellisLearner *self);
const char     *trellis_learner_get_pronouns        (TrellisLearner *self);
void            trellis_learner_set_pronouns        (TrellisLearner *self,
                                                     const char     *pronouns);
const char     *trellis_learner_get_sis_id          (TrellisLearner *self);
void            trellis_learner_set_sis_id          (TrellisLearner *self,
                                                     const char     *sis_id);
guint           trellis_learner_get_self_regulation (TrellisLearner *self);
void            trellis_learner_set_self_regulation (TrellisLearner *self,
                                                     guint           level);
char           *trellis_learner_dup_initials        (TrellisLearner *self);
int             trellis_learner_compare             (gconstpointer   a,
                                                     gconstpointer   b,
                                                     gpointer        user_data);

G_END_DECLS

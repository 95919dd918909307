/* trellis-sample.h
 *
 * Copyright 2026 The Trellis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "trellis-classroom.h"

G_BEGIN_DECLS

/* The default number of learners in the sample classroom. */
#define TRELLIS_SAMPLE_DEFAULT_LEARNERS 24

/* The most learners trellis_sample_populate() generates (benchmarks). */
#define TRELLIS_SAMPLE_MAX_LEARNERS 5000

/* The name trellis_sample_create() gives the classroom. */
#define TRELLIS_SAMPLE_CLASSROOM_NAME "Grade 6 — Ancient Civilizations & Ecosystems"

gboolean          trellis_sample_populate     (TrellisClassroom  *classroom,
                                               guint              n_learners,
                                               GError           **error);
TrellisClassroom *trellis_sample_create       (const char        *path,
                                               guint              n_learners,
                                               GError           **error);
TrellisClassroom *trellis_sample_create_full  (const char        *path,
                                               guint              n_learners,
                                               TrellisClockFunc   clock,
                                               gpointer           clock_data,
                                               GError           **error);

G_END_DECLS

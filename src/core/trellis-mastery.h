/* trellis-mastery.h
 *
 * Copyright 2026 The Trellis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "trellis-bkt.h"
#include "trellis-classroom.h"

G_BEGIN_DECLS

/*
 * The mastery engine wired to a classroom: evidence in the file goes
 * through the teacher-visible mapping rule into the BKT engine; fitted
 * parameters go to `mastery_params` and each learner's state on each skill
 * (probability known, predicted success, evidence count, a plain sentence)
 * to `mastery_state`.
 */

void     trellis_mastery_get_rule          (TrellisClassroom        *classroom,
                                            TrellisBktEvidenceRule  *rule);
gboolean trellis_mastery_set_rule          (TrellisClassroom        *classroom,
                                            const TrellisBktEvidenceRule *rule,
                                            GError                 **error);

/* Whether the data changed since the last refit (or none was made). */
gboolean trellis_mastery_needs_refit       (TrellisClassroom        *classroom);

/* Refits every skill from all evidence and rewrites every state (one transaction). */
gboolean trellis_mastery_refit             (TrellisClassroom        *classroom,
                                            GError                 **error);

/*
 * The same in a worker thread with its own connection to @classroom's
 * file, so the UI never blocks.  When the refit is committed, @classroom
 * emits ::data-changed (%TRELLIS_DATA_MASTERY) on the calling thread, so
 * every view that listens updates, then @callback runs.
 */
void     trellis_mastery_refit_async       (TrellisClassroom        *classroom,
                                            GCancellable            *cancellable,
                                            GAsyncReadyCallback      callback,
                                            gpointer                 user_data);
gboolean trellis_mastery_refit_finish      (GAsyncResult            *result,
                                            GError                 **error);

/*
 * Records one piece of evidence and updates that learner's state on that
 * skill at once with the fitted parameters (a forward pass over their
 * answers on the skill, not a refit), in one transaction.
 * Returns the new evidence id, or 0 on error.
 */
gint64   trellis_mastery_add_evidence      (TrellisClassroom        *classroom,
                                            gint64                   learner_id,
                                            gint64                   skill_id,
                                            TrellisBktEvidenceKind   kind,
                                            double                   score,
                                            double                   max_score,
                                            const char              *observed_at,
                                            GError                 **error);

/*
 * The same inside the caller's transaction (it opens none), with the node
 * the evidence was shown on (0: none) and an optional note; for edits that
 * record evidence together with something else (progress on an activity).
 */
gint64   trellis_mastery_write_evidence    (TrellisClassroom        *classroom,
                                            gint64                   learner_id,
                                            gint64                   skill_id,
                                            gint64                   node_id,
                                            TrellisBktEvidenceKind   kind,
                                            double                   score,
                                            double                   max_score,
                                            const char              *observed_at,
                                            const char              *note,
                                            GError                 **error);

/* Recomputes one learner's state on one skill from their evidence. */
gboolean trellis_mastery_update_state      (TrellisClassroom        *classroom,
                                            gint64                   learner_id,
                                            gint64                   skill_id,
                                            GError                 **error);

G_END_DECLS

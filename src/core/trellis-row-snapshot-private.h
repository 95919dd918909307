/* trellis-row-snapshot-private.h
 *
 * Copyright 2026 The Trellis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "trellis-classroom.h"

G_BEGIN_DECLS

/*
 * The rows a DELETE is about to remove, and the rows its foreign keys
 * would remove (ON DELETE CASCADE) or change (ON DELETE SET NULL) with
 * them, captured so that they can be put back exactly, ids included.
 */
typedef struct _TrellisRowSnapshot TrellisRowSnapshot;

TrellisRowSnapshot *_trellis_row_snapshot_capture (TrellisClassroom    *classroom,
                                                   const char          *table,
                                                   const char          *where,
                                                   gint64               key,
                                                   GError             **error);
gboolean            _trellis_row_snapshot_restore (TrellisClassroom    *classroom,
                                                   TrellisRowSnapshot  *snapshot,
                                                   GError             **error);
void                _trellis_row_snapshot_free    (TrellisRowSnapshot  *snapshot);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TrellisRowSnapshot, _trellis_row_snapshot_free)

G_END_DECLS

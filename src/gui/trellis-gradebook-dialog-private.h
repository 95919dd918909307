/* trellis-gradebook-dialog-private.h
 *
 * Copyright 2026 The Trellis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "trellis-gradebook-dialog.h"

G_BEGIN_DECLS

/* For the tests: the row of a gradebook item, its skill choices and the last error. */
AdwComboRow *_trellis_gradebook_dialog_get_row      (TrellisGradebookDialog *self,
                                                     gint64                  item_id);
guint        _trellis_gradebook_dialog_find_skill   (TrellisGradebookDialog *self,
                                                     gint64                  skill_id);
const char  *_trellis_gradebook_dialog_get_error    (TrellisGradebookDialog *self);

G_END_DECLS

/* trellis-gradebook-dialog.h
 *
 * Copyright 2026 The Trellis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "trellis-window.h"

G_BEGIN_DECLS

#define TRELLIS_TYPE_GRADEBOOK_DIALOG (trellis_gradebook_dialog_get_type ())

G_DECLARE_FINAL_TYPE (TrellisGradebookDialog, trellis_gradebook_dialog, TRELLIS, GRADEBOOK_DIALOG, AdwWindow)

TrellisGradebookDialog *trellis_gradebook_dialog_new (TrellisWindow *window);

G_END_DECLS

/* trellis-import-dialog.h
 *
 * Copyright 2026 The Trellis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "trellis-window.h"

G_BEGIN_DECLS

#define TRELLIS_TYPE_IMPORT_DIALOG (trellis_import_dialog_get_type ())

G_DECLARE_FINAL_TYPE (TrellisImportDialog, trellis_import_dialog, TRELLIS, IMPORT_DIALOG, AdwWindow)

TrellisImportDialog *trellis_import_dialog_new (TrellisWindow *window);

G_END_DECLS

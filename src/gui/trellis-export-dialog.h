/* trellis-export-dialog.h
 *
 * Copyright 2026 The Trellis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "trellis-window.h"

G_BEGIN_DECLS

#define TRELLIS_TYPE_EXPORT_DIALOG (trellis_export_dialog_get_type ())

G_DECLARE_FINAL_TYPE (TrellisExportDialog, trellis_export_dialog, TRELLIS, EXPORT_DIALOG, AdwWindow)

TrellisExportDialog *trellis_export_dialog_new (TrellisWindow *window);

G_END_DECLS

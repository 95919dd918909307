/* trellis-export-dialog-private.h
 *
 * Copyright 2026 The Trellis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "trellis-export-dialog.h"

G_BEGIN_DECLS

/* For the UI tests: what to export, and where, without a file chooser. */
void        _trellis_export_dialog_set_playlist   (TrellisExportDialog *self,
                                                   TrellisPlaylist     *playlist);
void        _trellis_export_dialog_set_cc_options (TrellisExportDialog *self,
                                                   gboolean             canvas,
                                                   gboolean             module_per_milestone);
void        _trellis_export_dialog_set_csv_report (TrellisExportDialog *self,
                                                   gboolean             csv,
                                                   gboolean             mastery);
char       *_trellis_export_dialog_dup_suggested_name (TrellisExportDialog *self);
void        _trellis_export_dialog_export_to      (TrellisExportDialog *self,
                                                   GFile               *file);
gboolean    _trellis_export_dialog_get_busy       (TrellisExportDialog *self);
const char *_trellis_export_dialog_get_error      (TrellisExportDialog *self);

G_END_DECLS

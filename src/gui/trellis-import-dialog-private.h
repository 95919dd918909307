/* trellis-import-dialog-private.h
 *
 * Copyright 2026 The Trellis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "trellis-import.h"
#include "trellis-import-dialog.h"

G_BEGIN_DECLS

/* For the UI tests: choose the file without a file chooser, run the
 * import, and look at what the dialog shows. */
void                       _trellis_import_dialog_set_file       (TrellisImportDialog *self,
                                                                  GFile               *file);
void                       _trellis_import_dialog_set_create_learners (TrellisImportDialog *self,
                                                                  gboolean             create);
void                       _trellis_import_dialog_run_import     (TrellisImportDialog *self);
gboolean                   _trellis_import_dialog_get_busy       (TrellisImportDialog *self);
const TrellisImportReport *_trellis_import_dialog_get_report     (TrellisImportDialog *self);
const char                *_trellis_import_dialog_get_error      (TrellisImportDialog *self);
guint                      _trellis_import_dialog_get_preview_rows (TrellisImportDialog *self);
GtkListBox                *_trellis_import_dialog_get_class_list (TrellisImportDialog *self);
const char                *_trellis_import_dialog_get_class      (TrellisImportDialog *self);
GtkCalendar               *_trellis_import_dialog_get_date_calendar (TrellisImportDialog *self);

G_END_DECLS

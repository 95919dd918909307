/* trellis-confirm-dialog.h
 *
 * Copyright 2026 The Trellis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/*
 * The question asked before anything is deleted or discarded: a heading, a
 * body, a "cancel" response (the default and close response, so Escape and
 * Enter are both safe) and one destructive response.  The caller connects
 * to "response", attaches what it needs and presents the dialog.
 */
AdwMessageDialog *trellis_confirm_dialog_new (GtkWindow  *parent,
                                              const char *heading,
                                              const char *body,
                                              const char *cancel_label,
                                              const char *response,
                                              const char *response_label);

G_END_DECLS

/* trellis-confirm-dialog.c
 *
 * Copyright 2026 The Trellis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "trellis-confirm-dialog.h"

/**
 * trellis_confirm_dialog_new:
 * @parent: (nullable): the window the dialog is modal to
 * @heading: the question, e.g. "Delete Playlist?"
 * @body: (nullable): what will be lost
 * @cancel_label: (nullable): the label of the "cancel" response, or %NULL
 *   for "Cancel"
 * @response: the id of the destructive response, e.g. "delete"
 * @response_label: its label, with a mnemonic
 *
 * Returns: (transfer none): a new dialog, not yet presented; like any
 *   toplevel, GTK owns it until it is destroyed
 */
AdwMessageDialog *
trellis_confirm_dialog_new (GtkWindow  *parent,
                            const char *heading,
                            const char *body,
                            const char *cancel_label,
                            const char *response,
                            const char *response_label)
{
  AdwMessageDialog *dialog;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (heading != NULL, NULL);
  g_return_val_if_fail (response != NULL && g_strcmp0 (response, "cancel") != 0, NULL);
  g_return_val_if_fail (response_label != NULL, NULL);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, heading, body));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", cancel_label != NULL ? cancel_label : _("_Cancel"),
                                    response, response_label,
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, response, ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");

  return dialog;
}

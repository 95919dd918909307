/* test-confirm-dialog.c
 *
 * Copyright 2026 The Trellis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "trellis-confirm-dialog.h"

/*
 * The confirmation asked before deleting or discarding: Cancel is the
 * default and the close response, so Enter and Escape keep everything;
 * the other response is destructive and is the only one that confirms.
 */

static void
on_response_cb (AdwMessageDialog  *dialog,
                const char        *response,
                char             **out)
{
  g_free (*out);
  *out = g_strdup (response);
}

static void
test_responses (void)
{
  GtkWindow *parent = GTK_WINDOW (gtk_window_new ());
  g_autofree char *response = NULL;
  AdwMessageDialog *dialog;

  dialog = trellis_confirm_dialog_new (parent, "Delete Playlist?", "Its items go too.",
                                       NULL, "delete", "_Delete");
  g_assert_true (ADW_IS_MESSAGE_DIALOG (dialog));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == parent);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Delete Playlist?");
  g_assert_cmpstr (adw_message_dialog_get_body (dialog), ==, "Its items go too.");
  g_assert_true (adw_message_dialog_has_response (dialog, "cancel"));
  g_assert_true (adw_message_dialog_has_response (dialog, "delete"));
  g_assert_cmpstr (adw_message_dialog_get_response_label (dialog, "cancel"), ==, "_Cancel");
  g_assert_cmpstr (adw_message_dialog_get_response_label (dialog, "delete"), ==, "_Delete");
  g_assert_cmpint (adw_message_dialog_get_response_appearance (dialog, "delete"), ==, ADW_RESPONSE_DESTRUCTIVE);
  g_assert_cmpint (adw_message_dialog_get_response_appearance (dialog, "cancel"), ==, ADW_RESPONSE_DEFAULT);
  g_assert_cmpstr (adw_message_dialog_get_default_response (dialog), ==, "cancel");
  g_assert_cmpstr (adw_message_dialog_get_close_response (dialog), ==, "cancel");

  /* Closing the dialog (Escape) answers "cancel". */
  g_signal_connect (dialog, "response", G_CALLBACK (on_response_cb), &response);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_window_close (GTK_WINDOW (dialog));
  g_assert_cmpstr (response, ==, "cancel");

  gtk_window_destroy (parent);
}

static void
test_cancel_label (void)
{
  AdwMessageDialog *dialog;

  dialog = trellis_confirm_dialog_new (NULL, "Discard the Answers?", NULL,
                                       "_Keep Editing", "discard", "_Discard");
  g_assert_null (gtk_window_get_transient_for (GTK_WINDOW (dialog)));
  g_assert_cmpstr (adw_message_dialog_get_body (dialog), ==, "");
  g_assert_cmpstr (adw_message_dialog_get_response_label (dialog, "cancel"), ==, "_Keep Editing");
  g_assert_cmpint (adw_message_dialog_get_response_appearance (dialog, "discard"), ==, ADW_RESPONSE_DESTRUCTIVE);
  g_assert_false (adw_message_dialog_has_response (dialog, "delete"));
  gtk_window_destroy (GTK_WINDOW (dialog));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/confirm-dialog/responses", test_responses);
  g_test_add_func ("/confirm-dialog/cancel-label", test_cancel_label);

  return g_test_run ();
}

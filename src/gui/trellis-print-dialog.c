/* trellis-print-dialog.c
 *
 * Copyright 2026 The Trellis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "trellis-print-dialog.h"

#define PRINTOUT_KEY "trellis-printout"
#define SETTINGS_KEY "trellis-print-settings"
#define PAGE_SETUP_KEY "trellis-page-setup"

static void
on_begin_print_cb (GtkPrintOperation *operation,
                   GtkPrintContext   *context,
                   TrellisPrintout   *printout)
{
  gtk_print_operation_set_n_pages (operation, (int) trellis_printout_get_n_pages (printout));
}

static void
on_draw_page_cb (GtkPrintOperation *operation,
                 GtkPrintContext   *context,
                 int                page_nr,
                 TrellisPrintout   *printout)
{
  /* Full page, in points: the layout keeps its own margins. */
  trellis_printout_draw_page (printout,
                              gtk_print_context_get_cairo_context (context),
                              gtk_print_context_get_width (context),
                              gtk_print_context_get_height (context),
                              (guint) page_nr);
}

GtkPrintOperation *
trellis_print_dialog_new_operation (TrellisPrintout *printout)
{
  GtkPrintOperation *operation;

  g_return_val_if_fail (printout != NULL, NULL);

  operation = gtk_print_operation_new ();
  gtk_print_operation_set_job_name (operation, trellis_printout_get_title (printout));
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  gtk_print_operation_set_n_pages (operation, (int) trellis_printout_get_n_pages (printout));

  g_object_set_data_full (G_OBJECT (operation), PRINTOUT_KEY, printout,
                          (GDestroyNotify) trellis_printout_free);
  g_signal_connect (operation, "begin-print", G_CALLBACK (on_begin_print_cb), printout);
  g_signal_connect (operation, "draw-page", G_CALLBACK (on_draw_page_cb), printout);

  return operation;
}

static void
show_error (GtkWindow    *parent,
            const GError *error)
{
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (parent, _("Could Not Print"), error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

#define ASYNC_KEY "trellis-print-async"

/* After the run: an error shown, the choices kept for next time. */
static void
finish (GtkPrintOperation       *operation,
        GtkPrintOperationResult  result,
        GtkWindow               *parent,
        const GError            *error)
{
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      if (error != NULL && parent != NULL)
        show_error (parent, error);
    }
  else if (result == GTK_PRINT_OPERATION_RESULT_APPLY && parent != NULL)
    {
      /* The same printer and paper next time. */
      g_object_set_data_full (G_OBJECT (parent), SETTINGS_KEY,
                              g_object_ref (gtk_print_operation_get_print_settings (operation)),
                              g_object_unref);
      if (gtk_print_operation_get_default_page_setup (operation) != NULL)
        g_object_set_data_full (G_OBJECT (parent), PAGE_SETUP_KEY,
                                g_object_ref (gtk_print_operation_get_default_page_setup (operation)),
                                g_object_unref);
    }
}

static void
on_done_cb (GtkPrintOperation       *operation,
            GtkPrintOperationResult  result,
            GWeakRef                *parent_ref)
{
  g_autoptr(GtkWindow) parent = g_weak_ref_get (parent_ref);
  g_autoptr(GError) error = NULL;

  /* A run that finished at once is finished by trellis_print_dialog_run(). */
  if (g_object_get_data (G_OBJECT (operation), ASYNC_KEY) == NULL)
    return;

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    gtk_print_operation_get_error (operation, &error);
  finish (operation, result, parent, error);

  g_object_unref (operation);
}

static void
free_weak_ref (gpointer  data,
               GClosure *closure)
{
  g_weak_ref_clear (data);
  g_free (data);
}

void
trellis_print_dialog_run (GtkWindow       *parent,
                          TrellisPrintout *printout)
{
  g_autoptr(GError) error = NULL;
  GtkPrintOperation *operation;
  GtkPrintSettings *settings = NULL;
  GtkPageSetup *page_setup = NULL;
  GtkPrintOperationResult result;
  GWeakRef *parent_ref;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (printout != NULL);

  operation = trellis_print_dialog_new_operation (printout);
  if (parent != NULL)
    {
      settings = g_object_get_data (G_OBJECT (parent), SETTINGS_KEY);
      page_setup = g_object_get_data (G_OBJECT (parent), PAGE_SETUP_KEY);
    }
  if (settings != NULL)
    gtk_print_operation_set_print_settings (operation, settings);
  if (page_setup != NULL)
    gtk_print_operation_set_default_page_setup (operation, page_setup);

  gtk_print_operation_set_allow_async (operation, TRUE);
  parent_ref = g_new0 (GWeakRef, 1);
  g_weak_ref_init (parent_ref, parent);
  g_signal_connect_data (operation, "done", G_CALLBACK (on_done_cb), parent_ref, free_weak_ref, 0);

  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, parent, &error);
  if (result == GTK_PRINT_OPERATION_RESULT_IN_PROGRESS)
    {
      /* on_done_cb() finishes, and drops the operation. */
      g_object_set_data (G_OBJECT (operation), ASYNC_KEY, GINT_TO_POINTER (TRUE));
      return;
    }

  finish (operation, result, parent, error);
  g_object_unref (operation);
}

gboolean
trellis_print_dialog_run_learner (GtkWindow         *parent,
                                  TrellisClassroom  *classroom,
                                  TrellisLearner    *learner,
                                  gboolean           conference,
                                  GError           **error)
{
  TrellisPrintout *printout;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), FALSE);
  g_return_val_if_fail (TRELLIS_IS_CLASSROOM (classroom), FALSE);
  g_return_val_if_fail (TRELLIS_IS_LEARNER (learner), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (conference)
    printout = trellis_printout_new_conference (classroom, learner, error);
  else
    printout = trellis_printout_new_profile (classroom, learner, error);

  if (printout == NULL)
    return FALSE;

  trellis_print_dialog_run (parent, printout);
  return TRUE;
}

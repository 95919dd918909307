/* trellis-export-dialog.c
 *
 * Copyright 2026 The Trellis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "trellis-cc-export.h"
#include "trellis-csv-export.h"
#include "trellis-export-dialog-private.h"

/*
 * TrellisExportDialog: a playlist as an IMS Common Cartridge for the LMS,
 * or the progress or mastery report as CSV.  Export… asks where to save
 * (with a name from the playlist or the classroom), then writes the file
 * in a thread on its own connection to the classroom file; the window
 * shows a toast when it is done, the dialog a plain error otherwise.
 */

struct _TrellisExportDialog
{
  AdwWindow             parent_instance;

  TrellisWindow        *window;      /* weak */
  TrellisClassroom     *classroom;
  GCancellable         *cancellable;
  GtkFileChooserNative *chooser;
  gboolean              busy;
  char                 *error_message;

  GtkButton            *export_button;
  GtkSpinner           *spinner;
  GtkCheckButton       *cc_check;
  GtkCheckButton       *csv_check;
  AdwPreferencesGroup  *cc_group;
  AdwComboRow          *playlist_row;
  GtkSwitch            *milestone_switch;
  GtkSwitch            *canvas_switch;
  AdwPreferencesGroup  *csv_group;
  AdwComboRow          *report_row;
  GtkSwitch            *pseudonymize_switch;
  GtkLabel             *error_label;
};

G_DEFINE_FINAL_TYPE (TrellisExportDialog, trellis_export_dialog, ADW_TYPE_WINDOW)

typedef struct
{
  char                  *classroom_path;
  char                  *output_path;
  char                  *display_name;
  gint64                 playlist_id;  /* 0: a CSV report */
  TrellisCcFlags         cc_flags;
  TrellisCsvReport       report;
  TrellisCsvExportFlags  csv_flags;
} TaskData;

static void
task_data_free (TaskData *data)
{
  g_free (data->classroom_path);
  g_free (data->output_path);
  g_free (data->display_name);
  g_free (data);
}

static gboolean
exports_csv (TrellisExportDialog *self)
{
  return gtk_check_button_get_active (self->csv_check);
}

static TrellisPlaylist *
get_selected_playlist (TrellisExportDialog *self)
{
  return adw_combo_row_get_selected_item (self->playlist_row);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  TaskData *data = task_data;
  g_autoptr(TrellisClassroom) classroom = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (data->playlist_id != 0)
    {
      TrellisPlaylist *playlist;

      classroom = trellis_classroom_open (data->classroom_path, TRELLIS_OPEN_FLAGS_READ_ONLY, &error);
      if (classroom == NULL)
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }

      playlist = trellis_classroom_lookup_playlist (classroom, data->playlist_id);
      if (playlist == NULL)
        {
          g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                                   _("The playlist is no longer in the classroom"));
          return;
        }

      ok = trellis_cc_export (classroom, playlist, data->output_path, data->cc_flags, &error);
    }
  else
    {
      /* Pseudonymizing gives codes to learners that have none yet. */
      classroom = trellis_classroom_open (data->classroom_path,
                                          (data->csv_flags & TRELLIS_CSV_EXPORT_FLAGS_PSEUDONYMIZE)
                                            ? TRELLIS_OPEN_FLAGS_NONE : TRELLIS_OPEN_FLAGS_READ_ONLY,
                                          &error);
      if (classroom == NULL)
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }

      ok = trellis_csv_export (classroom, data->report, data->output_path, data->csv_flags, &error);
    }

  if (!ok)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
set_busy (TrellisExportDialog *self,
          gboolean             busy)
{
  self->busy = busy;
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_spinner_set_spinning (self->spinner, busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->export_button), !busy);
}

static void
show_error (TrellisExportDialog *self,
            const char          *message)
{
  g_free (self->error_message);
  self->error_message = g_strdup (message);
  gtk_label_set_text (self->error_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static void
on_export_ready_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(TrellisExportDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  TaskData *data = g_task_get_task_data (G_TASK (result));

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (!g_cancellable_is_cancelled (self->cancellable))
        {
          show_error (self, error->message);
          set_busy (self, FALSE);
        }
      return;
    }

  if (self->window != NULL)
    {
      g_autofree char *title = NULL;

      /* Translators: %s is a file name */
      title = g_markup_printf_escaped (_("Exported to “%s”"), data->display_name);
      trellis_window_add_toast (self->window, adw_toast_new (title));
    }

  if (g_cancellable_is_cancelled (self->cancellable))
    return;

  set_busy (self, FALSE);
  gtk_window_close (GTK_WINDOW (self));
}

static void
export_to (TrellisExportDialog *self,
           GFile               *file)
{
  g_autoptr(GTask) task = NULL;
  TaskData *data;
  char *path = g_file_get_path (file);

  if (path == NULL)
    {
      show_error (self, _("Only local files can be written"));
      return;
    }

  data = g_new0 (TaskData, 1);
  data->classroom_path = g_strdup (trellis_classroom_get_path (self->classroom));
  data->output_path = path;
  data->display_name = g_file_get_basename (file);

  if (exports_csv (self))
    {
      data->report = adw_combo_row_get_selected (self->report_row) == 1 ? TRELLIS_CSV_REPORT_MASTERY
                                                                         : TRELLIS_CSV_REPORT_PROGRESS;
      if (gtk_switch_get_active (self->pseudonymize_switch))
        data->csv_flags |= TRELLIS_CSV_EXPORT_FLAGS_PSEUDONYMIZE;
    }
  else
    {
      TrellisPlaylist *playlist = get_selected_playlist (self);

      if (playlist == NULL)
        {
          task_data_free (data);
          show_error (self, _("Choose a playlist to export"));
          return;
        }
      data->playlist_id = trellis_playlist_get_id (playlist);
      if (gtk_switch_get_active (self->canvas_switch))
        data->cc_flags |= TRELLIS_CC_FLAGS_CANVAS;
      if (gtk_switch_get_active (self->milestone_switch))
        data->cc_flags |= TRELLIS_CC_FLAGS_MODULE_PER_MILESTONE;
    }

  show_error (self, NULL);
  set_busy (self, TRUE);

  task = g_task_new (NULL, self->cancellable, on_export_ready_cb, g_object_ref (self));
  g_task_set_source_tag (task, export_to);
  g_task_set_task_data (task, data, (GDestroyNotify) task_data_free);
  g_task_run_in_thread (task, export_thread);
}

/* A portable file name: no separators or characters Windows refuses. */
static char *
suggested_name (TrellisExportDialog *self)
{
  g_autofree char *base = NULL;
  const char *title;

  if (exports_csv (self))
    {
      title = trellis_classroom_get_name (self->classroom);
      /* Translators: a file name, %s is the classroom's name */
      base = g_strdup_printf (adw_combo_row_get_selected (self->report_row) == 1 ? _("%s mastery")
                                                                                : _("%s progress"),
                              title != NULL && *title != '\0' ? title : _("Classroom"));
    }
  else
    {
      TrellisPlaylist *playlist = get_selected_playlist (self);

      title = playlist != NULL ? trellis_playlist_get_title (playlist) : NULL;
      base = g_strdup (title != NULL && *title != '\0' ? title : _("Playlist"));
    }

  g_strdelimit (base, "/\\:*?\"<>|", '-');
  g_strstrip (base);

  return g_strconcat (base[0] != '\0' && base[0] != '.' ? base : "export",
                      exports_csv (self) ? ".csv" : ".imscc", NULL);
}

static void
on_chooser_response_cb (GtkNativeDialog     *chooser,
                        int                  response,
                        TrellisExportDialog *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        export_to (self, file);
    }

  g_clear_object (&self->chooser);
}

static void
on_export_clicked_cb (TrellisExportDialog *self)
{
  g_autofree char *name = NULL;
  GtkFileFilter *filter;

  if (self->busy || self->chooser != NULL)
    return;

  if (!exports_csv (self) && get_selected_playlist (self) == NULL)
    {
      show_error (self, _("The classroom has no playlist to export"));
      return;
    }

  name = suggested_name (self);
  self->chooser = gtk_file_chooser_native_new (_("Export"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SAVE,
                                               _("_Save"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);

  filter = gtk_file_filter_new ();
  if (exports_csv (self))
    {
      gtk_file_filter_set_name (filter, _("CSV files"));
      gtk_file_filter_add_suffix (filter, "csv");
    }
  else
    {
      gtk_file_filter_set_name (filter, _("Common Cartridge packages"));
      gtk_file_filter_add_suffix (filter, "imscc");
    }
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);

  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  g_signal_connect (self->chooser, "response", G_CALLBACK (on_chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
on_kind_changed_cb (TrellisExportDialog *self)
{
  gboolean csv = exports_csv (self);

  gtk_widget_set_sensitive (GTK_WIDGET (self->cc_group), !csv);
  gtk_widget_set_sensitive (GTK_WIDGET (self->csv_group), csv);
}

static void
trellis_export_dialog_dispose (GObject *object)
{
  TrellisExportDialog *self = TRELLIS_EXPORT_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  if (self->chooser != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->chooser, self);
      gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
      g_clear_object (&self->chooser);
    }

  gtk_widget_dispose_template (GTK_WIDGET (self), TRELLIS_TYPE_EXPORT_DIALOG);
  g_clear_weak_pointer (&self->window);
  g_clear_object (&self->classroom);

  G_OBJECT_CLASS (trellis_export_dialog_parent_class)->dispose (object);
}

static void
trellis_export_dialog_finalize (GObject *object)
{
  TrellisExportDialog *self = TRELLIS_EXPORT_DIALOG (object);

  g_clear_object (&self->cancellable);
  g_free (self->error_message);

  G_OBJECT_CLASS (trellis_export_dialog_parent_class)->finalize (object);
}

static void
trellis_export_dialog_class_init (TrellisExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = trellis_export_dialog_dispose;
  object_class->finalize = trellis_export_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/trellis/Trellis/trellis-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, TrellisExportDialog, export_button);
  gtk_widget_class_bind_template_child (widget_class, TrellisExportDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, TrellisExportDialog, cc_check);
  gtk_widget_class_bind_template_child (widget_class, TrellisExportDialog, csv_check);
  gtk_widget_class_bind_template_child (widget_class, TrellisExportDialog, cc_group);
  gtk_widget_class_bind_template_child (widget_class, TrellisExportDialog, playlist_row);
  gtk_widget_class_bind_template_child (widget_class, TrellisExportDialog, milestone_switch);
  gtk_widget_class_bind_template_child (widget_class, TrellisExportDialog, canvas_switch);
  gtk_widget_class_bind_template_child (widget_class, TrellisExportDialog, csv_group);
  gtk_widget_class_bind_template_child (widget_class, TrellisExportDialog, report_row);
  gtk_widget_class_bind_template_child (widget_class, TrellisExportDialog, pseudonymize_switch);
  gtk_widget_class_bind_template_child (widget_class, TrellisExportDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_export_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_kind_changed_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);

  g_type_ensure (TRELLIS_TYPE_PLAYLIST);
}

static void
trellis_export_dialog_init (TrellisExportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
}

TrellisExportDialog *
trellis_export_dialog_new (TrellisWindow *window)
{
  TrellisExportDialog *self;
  TrellisClassroom *classroom;

  g_return_val_if_fail (TRELLIS_IS_WINDOW (window), NULL);

  classroom = trellis_window_get_classroom (window);
  g_return_val_if_fail (classroom != NULL, NULL);

  self = g_object_new (TRELLIS_TYPE_EXPORT_DIALOG,
                       "transient-for", window,
                       NULL);
  g_set_weak_pointer (&self->window, window);
  self->classroom = g_object_ref (classroom);

  adw_combo_row_set_model (self->playlist_row, trellis_classroom_get_playlists (classroom));
  gtk_widget_set_sensitive (GTK_WIDGET (self->pseudonymize_switch),
                            !trellis_classroom_get_read_only (classroom));

  return self;
}

void
_trellis_export_dialog_set_playlist (TrellisExportDialog *self,
                                     TrellisPlaylist     *playlist)
{
  GListModel *playlists;

  g_return_if_fail (TRELLIS_IS_EXPORT_DIALOG (self));
  g_return_if_fail (TRELLIS_IS_PLAYLIST (playlist));

  gtk_check_button_set_active (self->cc_check, TRUE);
  playlists = adw_combo_row_get_model (self->playlist_row);
  for (guint i = 0; i < g_list_model_get_n_items (playlists); i++)
    {
      g_autoptr(TrellisPlaylist) item = g_list_model_get_item (playlists, i);

      if (trellis_playlist_get_id (item) == trellis_playlist_get_id (playlist))
        adw_combo_row_set_selected (self->playlist_row, i);
    }
}

void
_trellis_export_dialog_set_cc_options (TrellisExportDialog *self,
                                       gboolean             canvas,
                                       gboolean             module_per_milestone)
{
  g_return_if_fail (TRELLIS_IS_EXPORT_DIALOG (self));

  gtk_switch_set_active (self->canvas_switch, canvas);
  gtk_switch_set_active (self->milestone_switch, module_per_milestone);
}

void
_trellis_export_dialog_set_csv_report (TrellisExportDialog *self,
                                       gboolean             csv,
                                       gboolean             mastery)
{
  g_return_if_fail (TRELLIS_IS_EXPORT_DIALOG (self));

  gtk_check_button_set_active (csv ? self->csv_check : self->cc_check, TRUE);
  adw_combo_row_set_selected (self->report_row, mastery ? 1 : 0);
}

char *
_trellis_export_dialog_dup_suggested_name (TrellisExportDialog *self)
{
  g_return_val_if_fail (TRELLIS_IS_EXPORT_DIALOG (self), NULL);

  return suggested_name (self);
}

void
_trellis_export_dialog_export_to (TrellisExportDialog *self,
                                  GFile               *file)
{
  g_return_if_fail (TRELLIS_IS_EXPORT_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));

  export_to (self, file);
}

gboolean
_trellis_export_dialog_get_busy (TrellisExportDialog *self)
{
  g_return_val_if_fail (TRELLIS_IS_EXPORT_DIALOG (self), FALSE);

  return self->busy;
}

const char *
_trellis_export_dialog_get_error (TrellisExportDialog *self)
{
  g_return_val_if_fail (TRELLIS_IS_EXPORT_DIALOG (self), NULL);

  return self->error_message;
}

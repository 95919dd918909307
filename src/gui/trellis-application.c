/* trellis-application.c
 *
 * Copyright 2026 The Trellis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <errno.h>
#include <string.h>

#include "trellis-application.h"
#include "trellis-preferences-window.h"
#include "trellis-sample.h"
#include "trellis-window.h"

/*
 * TrellisApplication: opens classroom files in windows (one classroom per
 * window, never the same file in two), keeps the list of recent classrooms
 * and owns the application-wide actions.
 */
struct _TrellisApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
};

G_DEFINE_FINAL_TYPE (TrellisApplication, trellis_application, ADW_TYPE_APPLICATION)

#define SAMPLE_FILE_NAME "Sample Classroom.trellis"
#define CLASSROOM_SUFFIX ".trellis"

static GtkWindow *
get_active_window (TrellisApplication *self)
{
  return gtk_application_get_active_window (GTK_APPLICATION (self));
}

static TrellisWindow *
find_window_for_file (TrellisApplication *self,
                      GFile              *file)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    {
      TrellisClassroom *classroom;
      g_autoptr(GFile) open_file = NULL;

      if (!TRELLIS_IS_WINDOW (l->data))
        continue;

      classroom = trellis_window_get_classroom (l->data);
      if (classroom == NULL)
        continue;

      open_file = g_file_new_for_path (trellis_classroom_get_path (classroom));
      if (g_file_equal (open_file, file))
        return l->data;
    }

  return NULL;
}

static TrellisWindow *
create_window (TrellisApplication *self)
{
  return trellis_window_new (GTK_APPLICATION (self));
}

/* A window for a classroom: @reuse or the active window if it shows the
 * start page, otherwise a new one. */
static TrellisWindow *
choose_window (TrellisApplication *self,
               GtkWindow          *reuse)
{
  GtkWindow *candidates[] = { reuse, get_active_window (self) };

  for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
    {
      if (TRELLIS_IS_WINDOW (candidates[i]) &&
          trellis_window_get_classroom (TRELLIS_WINDOW (candidates[i])) == NULL)
        return TRELLIS_WINDOW (candidates[i]);
    }

  return create_window (self);
}

static void
show_open_error (TrellisApplication *self,
                 GtkWindow          *parent,
                 const char         *path,
                 const GError       *error)
{
  g_autofree char *basename = g_path_get_basename (path);
  g_autofree char *display = g_filename_display_name (basename);
  GtkWidget *dialog;

  if (parent == NULL)
    parent = get_active_window (self);

  /* The app keeps running: a window to come back to, and to own the dialog. */
  if (parent == NULL)
    {
      parent = GTK_WINDOW (create_window (self));
      gtk_window_present (parent);
    }

  dialog = adw_message_dialog_new (parent, NULL, error->message);
  /* Translators: %s is a file name */
  adw_message_dialog_format_heading (ADW_MESSAGE_DIALOG (dialog), _("Could Not Open “%s”"), display);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
show_classroom (TrellisApplication *self,
                TrellisClassroom   *classroom,
                GtkWindow          *reuse)
{
  TrellisWindow *window = choose_window (self, reuse);

  trellis_window_set_classroom (window, classroom);
  gtk_window_present (GTK_WINDOW (window));

  trellis_application_add_recent (self, trellis_classroom_get_path (classroom));
}

/* Presents the window that has @file open already, if one has. */
static gboolean
present_if_open (TrellisApplication *self,
                 GFile              *file)
{
  TrellisWindow *window = find_window_for_file (self, file);
  g_autofree char *basename = NULL;
  g_autofree char *display = NULL;
  g_autofree char *title = NULL;

  if (window == NULL)
    return FALSE;

  basename = g_file_get_basename (file);
  display = g_filename_display_name (basename);
  /* Translators: %s is a file name */
  title = g_markup_printf_escaped (_("“%s” is already open in this window"), display);

  gtk_window_present (GTK_WINDOW (window));
  trellis_window_add_toast (window, adw_toast_new (title));

  return TRUE;
}

static void
update_actions (TrellisApplication *self)
{
  GtkWindow *window = get_active_window (self);
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), "preferences");
  gboolean has_classroom;

  has_classroom = TRELLIS_IS_WINDOW (window) &&
                  trellis_window_get_classroom (TRELLIS_WINDOW (window)) != NULL;

  if (action != NULL)
    g_simple_action_set_enabled (G_SIMPLE_ACTION (action), has_classroom);
}

static GtkFileFilter *
create_classroom_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Classrooms"));
  gtk_file_filter_add_mime_type (filter, "application/x-trellis-classroom");
  gtk_file_filter_add_suffix (filter, "trellis");

  return filter;
}

static void
on_open_response_cb (GtkNativeDialog    *chooser,
                     int                 response,
                     TrellisApplication *self)
{
  GtkWindow *parent = gtk_native_dialog_get_transient_for (chooser);

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        trellis_application_open_file (self, file, parent);
    }

  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
on_new_response_cb (GtkNativeDialog    *chooser,
                    int                 response,
                    TrellisApplication *self)
{
  GtkWindow *parent = gtk_native_dialog_get_transient_for (chooser);
  g_autoptr(TrellisClassroom) classroom = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *name = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);

  if (file == NULL)
    return;

  path = g_file_get_path (file);
  if (path == NULL)
    return;

  if (!g_str_has_suffix (path, CLASSROOM_SUFFIX))
    {
      g_autofree char *plain = g_steal_pointer (&path);

      path = g_strconcat (plain, CLASSROOM_SUFFIX, NULL);
    }

  /* The file's name, without the suffix, names the classroom. */
  basename = g_path_get_basename (path);
  name = g_filename_display_name (basename);
  name[strlen (name) - strlen (CLASSROOM_SUFFIX)] = '\0';
  if (name[0] == '\0')
    {
      g_free (name);
      name = g_strdup (_("New Classroom"));
    }

  classroom = trellis_classroom_create (path, name, &error);
  if (classroom == NULL)
    {
      show_open_error (self, parent, path, error);
      return;
    }

  show_classroom (self, classroom, parent);
}

static void
new_window_action (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  TrellisApplication *self = user_data;

  gtk_window_present (GTK_WINDOW (create_window (self)));
}

static void
open_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  TrellisApplication *self = user_data;
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = create_classroom_filter ();

  chooser = gtk_file_chooser_native_new (_("Open Classroom"),
                                         get_active_window (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Open"),
                                         _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (chooser), filter);

  g_signal_connect (chooser, "response", G_CALLBACK (on_open_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
open_path_action (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  TrellisApplication *self = user_data;
  g_autoptr(GFile) file = g_file_new_for_path (g_variant_get_string (parameter, NULL));

  trellis_application_open_file (self, file, NULL);
}

static void
new_classroom_action (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  TrellisApplication *self = user_data;
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = create_classroom_filter ();
  g_autofree char *file_name = NULL;

  chooser = gtk_file_chooser_native_new (_("New Classroom"),
                                         get_active_window (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Create"),
                                         _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (chooser), filter);
  /* Translators: the suggested file name of a new classroom */
  file_name = g_strconcat (_("New Classroom"), CLASSROOM_SUFFIX, NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), file_name);

  g_signal_connect (chooser, "response", G_CALLBACK (on_new_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
open_sample_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  TrellisApplication *self = user_data;
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "trellis", NULL);
  g_autofree char *path = g_build_filename (dir, SAMPLE_FILE_NAME, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(TrellisClassroom) classroom = NULL;
  g_autoptr(GError) error = NULL;

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      trellis_application_open_file (self, file, NULL);
      return;
    }

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (&error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not create the folder “%s”: %s"), dir, g_strerror (saved_errno));
      show_open_error (self, NULL, path, error);
      return;
    }

  classroom = trellis_sample_create (path, 0, &error);
  if (classroom == NULL)
    {
      show_open_error (self, NULL, path, error);
      return;
    }

  show_classroom (self, classroom, NULL);
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  TrellisApplication *self = user_data;
  GtkWindow *window = get_active_window (self);
  TrellisClassroom *classroom;
  GtkWidget *preferences;

  if (!TRELLIS_IS_WINDOW (window))
    return;

  classroom = trellis_window_get_classroom (TRELLIS_WINDOW (window));
  if (classroom == NULL)
    return;

  preferences = trellis_preferences_window_new (classroom);
  gtk_window_set_transient_for (GTK_WINDOW (preferences), window);
  gtk_window_present (GTK_WINDOW (preferences));
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  TrellisApplication *self = user_data;
  const char *developers[] = {
    "The Trellis developers",
    NULL
  };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", get_active_window (self),
                        "application-name", _("Trellis"),
                        "application-icon", APP_ID,
                        "developer-name", _("The Trellis developers"),
                        "version", PACKAGE_VERSION,
                        "comments", _("Trellis helps teachers personalize learning: know each learner, offer structured choices and decide what comes next."),
                        "website", "https://github.com/trellis/trellis",
                        "issue-url", "https://github.com/trellis/trellis/issues",
                        "copyright", "© 2026 The Trellis developers",
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "developers", developers,
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
shortcuts_action (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  TrellisApplication *self = user_data;
  GtkWindow *window = get_active_window (self);

  if (window != NULL)
    gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL);
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  TrellisApplication *self = user_data;
  GList *windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));

  /* Close (not destroy) each window, so that each saves its state and
   * purges its trash; the active window, first in the list, goes last and
   * decides what the next start opens. */
  g_list_foreach (windows, (GFunc) g_object_ref, NULL);
  for (GList *l = g_list_last (windows); l != NULL; l = l->prev)
    gtk_window_close (l->data);
  g_list_free_full (windows, g_object_unref);

  g_application_quit (G_APPLICATION (self));
}

static const GActionEntry app_actions[] = {
  { "new-window", new_window_action },
  { "open", open_action },
  { "open-path", open_path_action, "s" },
  { "new-classroom", new_classroom_action },
  { "open-sample", open_sample_action },
  { "preferences", preferences_action },
  { "about", about_action },
  { "shortcuts", shortcuts_action },
  { "quit", quit_action },
};

static void
on_window_classroom_changed_cb (TrellisApplication *self)
{
  update_actions (self);
}

static void
trellis_application_window_added (GtkApplication *application,
                                  GtkWindow      *window)
{
  TrellisApplication *self = TRELLIS_APPLICATION (application);

  GTK_APPLICATION_CLASS (trellis_application_parent_class)->window_added (application, window);

  if (TRELLIS_IS_WINDOW (window))
    g_signal_connect_object (window, "notify::classroom",
                             G_CALLBACK (on_window_classroom_changed_cb), self,
                             G_CONNECT_SWAPPED);

  update_actions (self);
}

static void
trellis_application_startup (GApplication *application)
{
  TrellisApplication *self = TRELLIS_APPLICATION (application);
  static const struct {
    const char *action;
    const char *accels[2];
  } accels[] = {
    { "app.new-window", { "<Control>n", NULL } },
    { "app.open", { "<Control>o", NULL } },
    { "app.preferences", { "<Control>comma", NULL } },
    { "app.quit", { "<Control>q", NULL } },
  };

  G_APPLICATION_CLASS (trellis_application_parent_class)->startup (application);

  gtk_window_set_default_icon_name (APP_ID);

  self->settings = g_settings_new (APP_ID);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions), self);
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self), accels[i].action, accels[i].accels);

  g_signal_connect (self, "notify::active-window", G_CALLBACK (update_actions), NULL);
  update_actions (self);
}

static void
trellis_application_activate (GApplication *application)
{
  TrellisApplication *self = TRELLIS_APPLICATION (application);
  GtkWindow *window = get_active_window (self);
  g_autofree char *last_opened = NULL;

  if (window != NULL)
    {
      gtk_window_present (window);
      return;
    }

  window = GTK_WINDOW (create_window (self));
  gtk_window_present (window);

  /* Carry on where the teacher left off. */
  last_opened = g_settings_get_string (self->settings, "last-opened");
  if (last_opened[0] != '\0' && g_file_test (last_opened, G_FILE_TEST_IS_REGULAR))
    {
      g_autoptr(GFile) file = g_file_new_for_path (last_opened);

      trellis_application_open_file (self, file, window);
    }
}

static void
trellis_application_open (GApplication  *application,
                          GFile        **files,
                          int            n_files,
                          const char    *hint)
{
  TrellisApplication *self = TRELLIS_APPLICATION (application);

  for (int i = 0; i < n_files; i++)
    trellis_application_open_file (self, files[i], NULL);
}

static void
trellis_application_dispose (GObject *object)
{
  TrellisApplication *self = TRELLIS_APPLICATION (object);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (trellis_application_parent_class)->dispose (object);
}

static void
trellis_application_class_init (TrellisApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);
  GtkApplicationClass *gtk_app_class = GTK_APPLICATION_CLASS (klass);

  object_class->dispose = trellis_application_dispose;

  app_class->startup = trellis_application_startup;
  app_class->activate = trellis_application_activate;
  app_class->open = trellis_application_open;

  gtk_app_class->window_added = trellis_application_window_added;
}

static void
trellis_application_init (TrellisApplication *self)
{
}

TrellisApplication *
trellis_application_new (void)
{
  return g_object_new (TRELLIS_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/io/github/trellis/Trellis",
                       NULL);
}

/**
 * trellis_application_get_settings:
 *
 * Returns: (transfer none) (nullable): the application's settings, once
 *   it has started
 */
GSettings *
trellis_application_get_settings (TrellisApplication *self)
{
  g_return_val_if_fail (TRELLIS_IS_APPLICATION (self), NULL);

  return self->settings;
}

/**
 * trellis_application_open_file:
 * @reuse: (nullable): a window to show the classroom in if it shows none
 *
 * Opens the classroom in @file, or presents the window that has it open.
 * A file that cannot be opened gets a dialog with the reason.
 */
void
trellis_application_open_file (TrellisApplication *self,
                               GFile              *file,
                               GtkWindow          *reuse)
{
  g_autoptr(TrellisClassroom) classroom = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  g_return_if_fail (TRELLIS_IS_APPLICATION (self));
  g_return_if_fail (G_IS_FILE (file));

  if (present_if_open (self, file))
    return;

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);

      g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                           _("Only classroom files on this computer can be opened"));
      show_open_error (self, reuse, uri, error);
      return;
    }

  classroom = trellis_classroom_open (path, TRELLIS_OPEN_FLAGS_NONE, &error);
  if (classroom == NULL)
    {
      show_open_error (self, reuse, path, error);
      return;
    }

  show_classroom (self, classroom, reuse);
}

/**
 * trellis_application_add_recent:
 *
 * Puts @path first in the recent classrooms, keeping at most
 * %TRELLIS_MAX_RECENT_CLASSROOMS.
 */
void
trellis_application_add_recent (TrellisApplication *self,
                                const char         *path)
{
  g_auto(GStrv) recent = NULL;
  g_auto(GStrv) updated = NULL;
  g_autoptr(GStrvBuilder) builder = NULL;
  guint n = 1;

  g_return_if_fail (TRELLIS_IS_APPLICATION (self));
  g_return_if_fail (path != NULL);

  if (self->settings == NULL)
    return;

  recent = g_settings_get_strv (self->settings, "recent-classrooms");
  builder = g_strv_builder_new ();
  g_strv_builder_add (builder, path);

  for (guint i = 0; recent[i] != NULL && n < TRELLIS_MAX_RECENT_CLASSROOMS; i++)
    {
      if (g_strcmp0 (recent[i], path) == 0 || recent[i][0] == '\0')
        continue;

      g_strv_builder_add (builder, recent[i]);
      n++;
    }

  updated = g_strv_builder_end (builder);
  g_settings_set_strv (self->settings, "recent-classrooms", (const char * const *) updated);
  g_settings_set_string (self->settings, "last-opened", path);
}

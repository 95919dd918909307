/* trellis-start-page.c
 *
 * Copyright 2026 The Trellis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "trellis-start-page-private.h"

/*
 * TrellisStartPage: what a window shows when no classroom is open: create,
 * open, or open the sample classroom, and the recent classrooms (from
 * GSettings, most recent first).  A recent file that is gone is shown as
 * missing and can only be removed from the list.
 */
struct _TrellisStartPage
{
  GtkWidget   parent_instance;

  GSettings  *settings;

  AdwStatusPage *status_page;
  GtkWidget  *recent_box;
  GtkListBox *recent_list;
};

G_DEFINE_FINAL_TYPE (TrellisStartPage, trellis_start_page, GTK_TYPE_WIDGET)

static char *
dup_folder_for_display (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  const char *home = g_get_home_dir ();
  gsize home_len = strlen (home);

  if (g_str_has_prefix (dir, home) && (dir[home_len] == '\0' || dir[home_len] == G_DIR_SEPARATOR))
    return g_strconcat ("~", dir + home_len, NULL);

  return g_steal_pointer (&dir);
}

static char *
dup_title_for_display (const char *path)
{
  g_autofree char *basename = g_path_get_basename (path);
  g_autofree char *display = g_filename_display_name (basename);

  if (g_str_has_suffix (display, ".trellis") && strlen (display) > strlen (".trellis"))
    display[strlen (display) - strlen (".trellis")] = '\0';

  return g_steal_pointer (&display);
}

static void
on_remove_clicked_cb (GtkButton        *button,
                      TrellisStartPage *self)
{
  const char *path = g_object_get_data (G_OBJECT (button), "trellis-path");
  g_auto(GStrv) recent = g_settings_get_strv (self->settings, "recent-classrooms");
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) remaining = NULL;

  g_assert (path != NULL);

  for (guint i = 0; recent[i] != NULL; i++)
    {
      if (g_strcmp0 (recent[i], path) != 0)
        g_strv_builder_add (builder, recent[i]);
    }

  remaining = g_strv_builder_end (builder);
  g_settings_set_strv (self->settings, "recent-classrooms", (const char * const *) remaining);
}

static GtkWidget *
create_recent_row (TrellisStartPage *self,
                   const char       *path)
{
  g_autofree char *title = dup_title_for_display (path);
  g_autofree char *folder = dup_folder_for_display (path);
  g_autofree char *folder_display = g_filename_display_name (folder);
  g_autofree char *remove_label = NULL;
  gboolean missing = !g_file_test (path, G_FILE_TEST_IS_REGULAR);
  GtkWidget *row;
  GtkWidget *button;

  row = adw_action_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), folder_display);
  gtk_widget_set_tooltip_text (row, path);
  g_object_set_data_full (G_OBJECT (row), "trellis-path", g_strdup (path), g_free);

  if (missing)
    {
      GtkWidget *label = gtk_label_new (_("File Missing"));

      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_add_css_class (label, "caption");
      gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name ("dialog-warning-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_widget_add_css_class (row, "missing");
    }
  else
    {
      adw_action_row_add_prefix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name ("x-office-document-symbolic"));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "app.open-path");
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (row), g_variant_new_string (path));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
    }

  button = gtk_button_new_from_icon_name ("edit-delete-symbolic");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Remove From List"));
  /* Translators: the accessible name of a button; %s is a classroom */
  remove_label = g_strdup_printf (_("Remove “%s” from the list"), title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, remove_label,
                                  -1);
  g_object_set_data_full (G_OBJECT (button), "trellis-path", g_strdup (path), g_free);
  g_signal_connect (button, "clicked", G_CALLBACK (on_remove_clicked_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

  return row;
}

static void
update_recent (TrellisStartPage *self)
{
  g_auto(GStrv) recent = g_settings_get_strv (self->settings, "recent-classrooms");
  GtkWidget *child;
  guint n = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->recent_list))) != NULL)
    gtk_list_box_remove (self->recent_list, child);

  for (guint i = 0; recent[i] != NULL && n < 10; i++)
    {
      if (recent[i][0] == '\0')
        continue;

      gtk_list_box_append (self->recent_list, create_recent_row (self, recent[i]));
      n++;
    }

  gtk_widget_set_visible (self->recent_box, n > 0);
}

static void
on_recent_changed_cb (TrellisStartPage *self)
{
  update_recent (self);
}

static void
trellis_start_page_map (GtkWidget *widget)
{
  TrellisStartPage *self = TRELLIS_START_PAGE (widget);

  /* Files come and go while the page is hidden (USB sticks). */
  update_recent (self);

  GTK_WIDGET_CLASS (trellis_start_page_parent_class)->map (widget);
}

static void
trellis_start_page_dispose (GObject *object)
{
  TrellisStartPage *self = TRELLIS_START_PAGE (object);

  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_func (self->settings, on_recent_changed_cb, self);
  g_clear_object (&self->settings);

  gtk_widget_dispose_template (GTK_WIDGET (self), TRELLIS_TYPE_START_PAGE);

  G_OBJECT_CLASS (trellis_start_page_parent_class)->dispose (object);
}

static void
trellis_start_page_class_init (TrellisStartPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = trellis_start_page_dispose;

  widget_class->map = trellis_start_page_map;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/trellis/Trellis/trellis-start-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TrellisStartPage, status_page);
  gtk_widget_class_bind_template_child (widget_class, TrellisStartPage, recent_box);
  gtk_widget_class_bind_template_child (widget_class, TrellisStartPage, recent_list);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "startpage");
}

static void
trellis_start_page_init (TrellisStartPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  g_signal_connect_swapped (self->settings, "changed::recent-classrooms",
                            G_CALLBACK (on_recent_changed_cb), self);

  update_recent (self);
}

GtkWidget *
trellis_start_page_new (void)
{
  return g_object_new (TRELLIS_TYPE_START_PAGE, NULL);
}

GtkListBox *
_trellis_start_page_get_recent_list (TrellisStartPage *self)
{
  g_return_val_if_fail (TRELLIS_IS_START_PAGE (self), NULL);

  return self->recent_list;
}

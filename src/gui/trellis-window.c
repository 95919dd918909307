/* trellis-window.c
 *
 * Copyright 2026 The Trellis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "trellis-confirm-dialog.h"
#include "trellis-dashboard-window.h"
#include "trellis-playlist-window.h"
#include "trellis-skills-window.h"
#include "trellis-export-dialog.h"
#include "trellis-gradebook-dialog.h"
#include "trellis-import-dialog.h"
#include "trellis-learner-list-view-private.h"
#include "trellis-mastery-scheduler.h"
#include "trellis-learner-page.h"
#include "trellis-profile.h"
#include "trellis-recommendations-pane.h"
#include "trellis-start-page-private.h"
#include "trellis-undo-toast.h"
#include "trellis-window-private.h"

/*
 * TrellisWindow: one window, one classroom.  Without a classroom it shows
 * the start page; with one, the learner list in a sidebar and the selected
 * learner in the content area.
 *
 * Deleting a learner is undoable: the learner goes to the classroom's trash
 * and a toast offers Undo (win.undo-delete).  When the toast goes away
 * without Undo, or the window closes, the trash is purged for good.
 */
struct _TrellisWindow
{
  AdwApplicationWindow    parent_instance;

  TrellisClassroom       *classroom;
  GSettings              *settings;
  /* Keeps the classroom's mastery model fitted, in the background. */
  TrellisMasteryScheduler *mastery_scheduler;

  /* Undoable deletion */
  TrellisLearner         *pending_delete;
  AdwToast               *delete_toast;
  AdwMessageDialog       *delete_dialog;

  /* The dialog that asks for a learner's name, and the learner it renames
   * (NULL when it adds one). */
  AdwMessageDialog       *name_dialog;
  GtkEditable            *name_entry;
  TrellisLearner         *rename_learner;

  /* The class dashboard beside this window (a weak pointer). */
  GtkWindow              *dashboard_window;
  /* The playlist builder beside this window (a weak pointer). */
  GtkWindow              *playlist_window;
  GtkWindow              *skills_window;

  AdwToastOverlay        *toast_overlay;
  GtkStack               *main_stack;
  TrellisStartPage       *start_page;
  GtkPaned               *paned;
  AdwWindowTitle         *classroom_title;
  TrellisLearnerListView *learner_list_view;
  GtkStack               *content_stack;
  TrellisLearnerPage     *learner_page;
  AdwFlap                *recommendations_flap;
  TrellisRecommendationsPane *recommendations_pane;
};

G_DEFINE_FINAL_TYPE (TrellisWindow, trellis_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_CLASSROOM,
  PROP_SHOW_RECOMMENDATIONS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
show_error_toast (TrellisWindow *self,
                  const GError  *error)
{
  g_autofree char *escaped = g_markup_escape_text (error->message, -1);
  AdwToast *toast = adw_toast_new (escaped);

  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* After the classroom opens, and after the last of a burst of evidence:
 * long enough that typing in a run of scores refits once, short enough
 * that the sidebar soon shows what the new evidence means. */
#define MASTERY_REFIT_DELAY_MS 2000

static void
on_mastery_refit_failed_cb (TrellisWindow *self,
                            const GError  *error)
{
  g_autoptr(GError) shown = g_error_new (error->domain, error->code,
                                         _("The mastery estimates could not be brought up to date: %s"),
                                         error->message);

  show_error_toast (self, shown);
}

static gboolean
is_writable (TrellisWindow *self)
{
  return self->classroom != NULL && !trellis_classroom_get_read_only (self->classroom);
}

static void
update_actions (TrellisWindow *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean writable = is_writable (self);
  gboolean selected = self->classroom != NULL &&
                      trellis_learner_list_view_get_selected_learner (self->learner_list_view) != NULL;

  gtk_widget_action_set_enabled (widget, "win.find", self->classroom != NULL);
  gtk_widget_action_set_enabled (widget, "win.add-learner", writable);
  gtk_widget_action_set_enabled (widget, "win.rename-learner", writable && selected);
  gtk_widget_action_set_enabled (widget, "win.delete-learner", writable && selected);
  gtk_widget_action_set_enabled (widget, "win.undo-delete", self->pending_delete != NULL);
  gtk_widget_action_set_enabled (widget, "win.conference", writable && selected);
  gtk_widget_action_set_enabled (widget, "win.dashboard", self->classroom != NULL);
  gtk_widget_action_set_enabled (widget, "win.playlists", self->classroom != NULL);
  gtk_widget_action_set_enabled (widget, "win.skills", self->classroom != NULL);
  gtk_widget_action_set_enabled (widget, "win.playlist-progress", selected);

  gtk_widget_action_set_enabled (widget, "win.export", self->classroom != NULL);
  gtk_widget_action_set_enabled (widget, "win.import", writable);
  gtk_widget_action_set_enabled (widget, "win.gradebook", writable);
}

static void
update_content (TrellisWindow *self)
{
  TrellisLearner *learner = NULL;
  GListModel *learners;

  trellis_learner_page_set_classroom (self->learner_page, self->classroom);

  if (self->classroom == NULL)
    {
      trellis_learner_page_set_learner (self->learner_page, NULL);
      return;
    }

  learners = trellis_classroom_get_learners (self->classroom);
  learner = trellis_learner_list_view_get_selected_learner (self->learner_list_view);
  trellis_learner_page_set_learner (self->learner_page, learner);

  if (learner != NULL)
    gtk_stack_set_visible_child_name (self->content_stack, "learner");
  else if (g_list_model_get_n_items (learners) == 0)
    gtk_stack_set_visible_child_name (self->content_stack, "no-learners");
  else
    gtk_stack_set_visible_child_name (self->content_stack, "empty");
}

static void
update_title (TrellisWindow *self)
{
  g_autofree char *basename = NULL;
  g_autofree char *subtitle = NULL;
  const char *name;

  if (self->classroom == NULL)
    {
      gtk_window_set_title (GTK_WINDOW (self), _("Trellis"));
      adw_window_title_set_title (self->classroom_title, "");
      adw_window_title_set_subtitle (self->classroom_title, "");
      return;
    }

  name = trellis_classroom_get_name (self->classroom);
  basename = g_path_get_basename (trellis_classroom_get_path (self->classroom));
  subtitle = g_filename_display_name (basename);

  if (trellis_classroom_get_read_only (self->classroom))
    {
      g_autofree char *read_only = g_steal_pointer (&subtitle);

      /* Translators: %s is a file name */
      subtitle = g_strdup_printf (_("%s (read-only)"), read_only);
    }

  gtk_window_set_title (GTK_WINDOW (self), name ? name : "");
  adw_window_title_set_title (self->classroom_title, name ? name : "");
  adw_window_title_set_subtitle (self->classroom_title, subtitle);
}

/* Deletes the learner waiting for Undo, if any, for good. */
static void
purge_pending_delete (TrellisWindow *self)
{
  g_autoptr(GError) error = NULL;

  if (self->pending_delete == NULL)
    return;

  g_clear_object (&self->pending_delete);

  if (is_writable (self) && !trellis_classroom_purge_trash (self->classroom, &error))
    show_error_toast (self, error);
}

/* Ends the chance to undo: purges, and forgets the toast.  The toast is
 * dismissed only when asked: the overlay disposes of it with the window,
 * and libadwaita 1.2 must not see a toast dismissed during its show
 * animation (its overlay then frees the toast while the animation runs). */
static void
finish_pending_delete (TrellisWindow *self,
                       gboolean       dismiss_toast)
{
  g_autoptr(AdwToast) toast = g_steal_pointer (&self->delete_toast);

  if (toast != NULL)
    {
      g_signal_handlers_disconnect_by_data (toast, self);
      if (dismiss_toast)
        adw_toast_dismiss (toast);
    }

  purge_pending_delete (self);
  update_actions (self);
}

static void
on_delete_toast_dismissed_cb (AdwToast      *toast,
                              TrellisWindow *self)
{
  g_assert (toast == self->delete_toast);

  finish_pending_delete (self, FALSE);
}

static void
on_classroom_name_changed_cb (TrellisWindow *self)
{
  update_title (self);
}

static void
on_reveal_flap_changed_cb (TrellisWindow *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_RECOMMENDATIONS]);
}

static void
on_learners_changed_cb (TrellisWindow *self)
{
  update_content (self);
}

static void
on_selected_learner_changed_cb (TrellisWindow *self)
{
  trellis_recommendations_pane_set_learner (self->recommendations_pane,
                                            trellis_learner_list_view_get_selected_learner (self->learner_list_view));
  update_content (self);
  update_actions (self);
}

static void
on_name_entry_changed_cb (TrellisWindow *self)
{
  g_autofree char *text = NULL;
  gboolean enabled;

  g_assert (self->name_dialog != NULL);

  text = g_strstrip (g_strdup (gtk_editable_get_text (self->name_entry)));
  enabled = text[0] != '\0';

  if (enabled && self->rename_learner != NULL)
    enabled = g_strcmp0 (text, trellis_learner_get_name (self->rename_learner)) != 0;

  adw_message_dialog_set_response_enabled (self->name_dialog, "apply", enabled);
}

static void
on_name_dialog_response_cb (AdwMessageDialog *dialog,
                            const char       *response,
                            TrellisWindow    *self)
{
  g_autoptr(TrellisLearner) learner = g_steal_pointer (&self->rename_learner);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;

  g_assert (dialog == self->name_dialog);

  name = g_strdup (gtk_editable_get_text (self->name_entry));

  g_signal_handlers_disconnect_by_data (dialog, self);
  g_signal_handlers_disconnect_by_data (self->name_entry, self);
  self->name_dialog = NULL;
  self->name_entry = NULL;

  /* Activated by a button, the dialog is closed already; this closes it
   * when the response came from elsewhere. */
  gtk_window_close (GTK_WINDOW (dialog));

  if (g_strcmp0 (response, "apply") != 0 || self->classroom == NULL)
    return;

  if (learner != NULL)
    {
      if (!trellis_classroom_rename_learner (self->classroom, learner, name, &error))
        {
          show_error_toast (self, error);
          return;
        }
    }
  else
    {
      learner = trellis_classroom_add_learner (self->classroom, name, &error);
      if (learner == NULL)
        {
          show_error_toast (self, error);
          return;
        }
      g_object_ref (learner);

      /* Show the new learner even if the search would hide them. */
      trellis_learner_list_view_set_search_text (self->learner_list_view, "");
    }

  trellis_learner_list_view_select_learner (self->learner_list_view, learner);
}

static void
show_name_dialog (TrellisWindow  *self,
                  TrellisLearner *learner)
{
  GtkWidget *dialog;
  GtkWidget *entry;

  if (self->name_dialog != NULL)
    {
      gtk_window_present (GTK_WINDOW (self->name_dialog));
      return;
    }

  if (learner != NULL)
    {
      dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Rename Learner"), NULL);
      adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                        "cancel", _("_Cancel"),
                                        "apply", _("_Rename"),
                                        NULL);
    }
  else
    {
      dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Add Learner"), NULL);
      adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                        "cancel", _("_Cancel"),
                                        "apply", _("_Add"),
                                        NULL);
    }

  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "apply", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "apply");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  entry = gtk_entry_new ();
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Full name"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Name"),
                                  -1);
  if (learner != NULL)
    gtk_editable_set_text (GTK_EDITABLE (entry), trellis_learner_get_name (learner));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);

  self->name_dialog = ADW_MESSAGE_DIALOG (dialog);
  self->name_entry = GTK_EDITABLE (entry);
  g_set_object (&self->rename_learner, learner);

  g_signal_connect_swapped (entry, "changed", G_CALLBACK (on_name_entry_changed_cb), self);
  g_signal_connect (dialog, "response", G_CALLBACK (on_name_dialog_response_cb), self);
  on_name_entry_changed_cb (self);

  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

/* Selects a learner by id: "Open Learner" on a suggestion. */
static void
select_learner_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  TrellisWindow *self = TRELLIS_WINDOW (widget);
  TrellisLearner *learner;

  if (self->classroom == NULL)
    return;

  learner = trellis_classroom_lookup_learner (self->classroom, g_variant_get_int64 (parameter));
  if (learner == NULL)
    return;

  trellis_learner_list_view_set_search_text (self->learner_list_view, "");
  trellis_learner_list_view_select_learner (self->learner_list_view, learner);
}

static void
close_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  gtk_window_close (GTK_WINDOW (widget));
}

static void
find_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TrellisWindow *self = TRELLIS_WINDOW (widget);

  trellis_learner_list_view_focus_search (self->learner_list_view);
}

static void
add_learner_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  show_name_dialog (TRELLIS_WINDOW (widget), NULL);
}

static void
rename_learner_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  TrellisWindow *self = TRELLIS_WINDOW (widget);
  TrellisLearner *learner = trellis_learner_list_view_get_selected_learner (self->learner_list_view);

  if (learner != NULL)
    show_name_dialog (self, learner);
}

/* Trashes @learner_in (asked about already), with a toast offering Undo. */
static void
trash_learner (TrellisWindow  *self,
               TrellisLearner *learner_in)
{
  g_autoptr(TrellisLearner) learner = g_object_ref (learner_in);
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  AdwToast *toast;
  guint position = GTK_INVALID_LIST_POSITION;

  if (self->classroom == NULL)
    return;

  if (trellis_learner_list_view_get_selected_learner (self->learner_list_view) == learner)
    position = trellis_learner_list_view_get_selected_position (self->learner_list_view);

  /* One Undo at a time: an earlier deletion becomes final now.  (Its
   * toast stays, retitled, rather than being replaced.) */
  purge_pending_delete (self);

  if (!trellis_classroom_trash_learner (self->classroom, learner, &error))
    {
      finish_pending_delete (self, FALSE);
      show_error_toast (self, error);
      return;
    }

  self->pending_delete = g_steal_pointer (&learner);

  /* Translators: %s is a learner's name */
  title = g_markup_printf_escaped (_("“%s” deleted"),
                                   trellis_learner_get_display_name (self->pending_delete));

  if (self->delete_toast != NULL)
    {
      adw_toast_set_title (self->delete_toast, title);
    }
  else
    {
      toast = trellis_undo_toast_new (title, "win.undo-delete");
      g_signal_connect (toast, "dismissed", G_CALLBACK (on_delete_toast_dismissed_cb), self);
      self->delete_toast = g_object_ref (toast);
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
    }

  if (position != GTK_INVALID_LIST_POSITION)
    trellis_learner_list_view_select_position (self->learner_list_view, position);

  update_actions (self);
}

static void
on_delete_dialog_response_cb (AdwMessageDialog *dialog,
                              const char       *response,
                              TrellisWindow    *self)
{
  g_autoptr(TrellisLearner) learner = g_object_steal_data (G_OBJECT (dialog), "learner");

  g_assert (dialog == self->delete_dialog);

  g_signal_handlers_disconnect_by_data (dialog, self);
  self->delete_dialog = NULL;

  /* As for the name dialog: closes it when the response came from elsewhere. */
  gtk_window_close (GTK_WINDOW (dialog));

  if (g_strcmp0 (response, "delete") == 0 && learner != NULL)
    trash_learner (self, learner);
}

static char *
describe_learner_data (TrellisWindow  *self,
                       TrellisLearner *learner)
{
  TrellisLearnerDataCounts counts;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *list = NULL;

  if (!trellis_profile_count_learner_data (self->classroom, learner, &counts, &error))
    {
      g_warning ("Could not count the learner's data: %s", error->message);
      return g_strdup (_("All their data will be deleted. You can undo until the notice disappears."));
    }

  if (counts.n_entries > 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("their profile (%u entry)", "their profile (%u entries)", counts.n_entries), counts.n_entries));
  if (counts.n_goals > 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u goal", "%u goals", counts.n_goals), counts.n_goals));
  if (counts.n_reflections > 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u reflection", "%u reflections", counts.n_reflections), counts.n_reflections));
  if (counts.n_conferences > 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u conference", "%u conferences", counts.n_conferences), counts.n_conferences));
  if (counts.n_evidence > 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u piece of evidence", "%u pieces of evidence", counts.n_evidence), counts.n_evidence));
  if (counts.n_progress > 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("progress on %u activity", "progress on %u activities", counts.n_progress), counts.n_progress));

  if (parts->len == 0)
    return g_strdup (_("They have no recorded data yet. You can undo until the notice disappears."));

  if (parts->len == 1)
    list = g_strdup (g_ptr_array_index (parts, 0));
  else
    {
      g_autofree char *last = g_ptr_array_steal_index (parts, parts->len - 1);
      g_autofree char *head = NULL;

      g_ptr_array_add (parts, NULL);
      head = g_strjoinv (", ", (char **) parts->pdata);
      /* Translators: the end of a list, "3 goals and 2 conferences" */
      list = g_strdup_printf (_("%s and %s"), head, last);
    }

  /* Capitalize the first part. */
  {
    g_autofree char *rest = NULL;
    gunichar first = g_utf8_get_char (list);
    char buf[8] = { 0 };

    g_unichar_to_utf8 (g_unichar_totitle (first), buf);
    rest = g_strconcat (buf, g_utf8_next_char (list), NULL);
    g_free (list);
    list = g_steal_pointer (&rest);
  }

  /* Translators: %s is a list such as "Their profile (6 entries), 3 goals and 2 conferences" */
  return g_strdup_printf (_("%s will be deleted. You can undo until the notice disappears."), list);
}

static void
delete_learner_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  TrellisWindow *self = TRELLIS_WINDOW (widget);
  TrellisLearner *selected;
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;

  selected = trellis_learner_list_view_get_selected_learner (self->learner_list_view);
  if (selected == NULL || self->classroom == NULL)
    return;

  if (self->delete_dialog != NULL)
    {
      AdwMessageDialog *old = g_steal_pointer (&self->delete_dialog);

      g_signal_handlers_disconnect_by_data (old, self);
      gtk_window_destroy (GTK_WINDOW (old));
    }

  /* Translators: %s is a learner's name */
  heading = g_strdup_printf (_("Delete %s?"), trellis_learner_get_display_name (selected));
  body = describe_learner_data (self, selected);

  dialog = trellis_confirm_dialog_new (GTK_WINDOW (self), heading, body, NULL, "delete", _("_Delete"));
  g_object_set_data_full (G_OBJECT (dialog), "learner", g_object_ref (selected), g_object_unref);
  g_signal_connect (dialog, "response", G_CALLBACK (on_delete_dialog_response_cb), self);
  self->delete_dialog = dialog;

  gtk_window_present (GTK_WINDOW (dialog));
}

static void
undo_delete_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  TrellisWindow *self = TRELLIS_WINDOW (widget);
  g_autoptr(TrellisLearner) learner = g_steal_pointer (&self->pending_delete);
  g_autoptr(AdwToast) toast = g_steal_pointer (&self->delete_toast);
  g_autoptr(GError) error = NULL;

  if (toast != NULL)
    {
      g_signal_handlers_disconnect_by_data (toast, self);
      adw_toast_dismiss (toast);
    }

  update_actions (self);

  if (learner == NULL || self->classroom == NULL)
    return;

  if (!trellis_classroom_restore_learner (self->classroom, learner, &error))
    {
      show_error_toast (self, error);
      return;
    }

  trellis_learner_list_view_select_learner (self->learner_list_view, learner);
}

static void
conference_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  TrellisWindow *self = TRELLIS_WINDOW (widget);

  trellis_learner_page_start_conference (self->learner_page);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TrellisWindow *self = TRELLIS_WINDOW (widget);

  if (self->classroom != NULL)
    gtk_window_present (GTK_WINDOW (trellis_export_dialog_new (self)));
}

static void
gradebook_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  TrellisWindow *self = TRELLIS_WINDOW (widget);

  if (is_writable (self))
    gtk_window_present (GTK_WINDOW (trellis_gradebook_dialog_new (self)));
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TrellisWindow *self = TRELLIS_WINDOW (widget);

  if (is_writable (self))
    gtk_window_present (GTK_WINDOW (trellis_import_dialog_new (self)));
}

static void
dashboard_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  TrellisWindow *self = TRELLIS_WINDOW (widget);

  if (self->classroom == NULL)
    return;

  if (self->dashboard_window == NULL)
    {
      self->dashboard_window = GTK_WINDOW (trellis_dashboard_window_new (GTK_WINDOW (self), self->classroom));
      g_object_add_weak_pointer (G_OBJECT (self->dashboard_window), (gpointer *) &self->dashboard_window);
    }

  gtk_window_present (self->dashboard_window);
}

static void
playlists_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  TrellisWindow *self = TRELLIS_WINDOW (widget);

  if (self->classroom == NULL)
    return;

  if (self->playlist_window == NULL)
    {
      self->playlist_window = GTK_WINDOW (trellis_playlist_window_new (GTK_WINDOW (self), self->classroom));
      g_object_add_weak_pointer (G_OBJECT (self->playlist_window), (gpointer *) &self->playlist_window);
    }

  gtk_window_present (self->playlist_window);
}

/* The selected learner's progress in the playlists, and their choices. */
static void
playlist_progress_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  TrellisWindow *self = TRELLIS_WINDOW (widget);

  playlists_action (widget, "win.playlists", NULL);
  if (self->playlist_window != NULL)
    trellis_playlist_window_show_progress (TRELLIS_PLAYLIST_WINDOW (self->playlist_window),
                                           trellis_learner_list_view_get_selected_learner (self->learner_list_view));
}

static void
skills_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TrellisWindow *self = TRELLIS_WINDOW (widget);

  if (self->classroom == NULL)
    return;

  if (self->skills_window == NULL)
    {
      self->skills_window = GTK_WINDOW (trellis_skills_window_new (GTK_WINDOW (self), self->classroom));
      g_object_add_weak_pointer (G_OBJECT (self->skills_window), (gpointer *) &self->skills_window);
    }

  gtk_window_present (self->skills_window);
}

static void
save_window_state (TrellisWindow *self)
{
  int width, height;
  gboolean maximized;

  maximized = gtk_window_is_maximized (GTK_WINDOW (self));
  g_settings_set_boolean (self->settings, "window-maximized", maximized);

  if (!maximized)
    {
      gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
      if (width > 0 && height > 0)
        {
          g_settings_set_int (self->settings, "window-width", width);
          g_settings_set_int (self->settings, "window-height", height);
        }
    }

  if (self->classroom != NULL)
    {
      int position = gtk_paned_get_position (self->paned);

      g_settings_set_int (self->settings, "sidebar-width", CLAMP (position, 180, 600));
    }
}

static void
save_last_opened (TrellisWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  guint n_windows = 0;

  if (app == NULL)
    return;

  for (GList *l = gtk_application_get_windows (app); l != NULL; l = l->next)
    {
      if (TRELLIS_IS_WINDOW (l->data))
        n_windows++;
    }

  /* The last window decides what the next start opens. */
  if (n_windows == 1)
    g_settings_set_string (self->settings, "last-opened",
                           self->classroom ? trellis_classroom_get_path (self->classroom) : "");
}

static gboolean
trellis_window_close_request (GtkWindow *window)
{
  TrellisWindow *self = TRELLIS_WINDOW (window);

  finish_pending_delete (self, FALSE);
  save_window_state (self);
  save_last_opened (self);

  return GTK_WINDOW_CLASS (trellis_window_parent_class)->close_request (window);
}

static void
disconnect_classroom (TrellisWindow *self)
{
  if (self->classroom == NULL)
    return;

  finish_pending_delete (self, FALSE);

  if (self->dashboard_window != NULL)
    {
      GtkWindow *dashboard = g_steal_pointer (&self->dashboard_window);

      g_object_remove_weak_pointer (G_OBJECT (dashboard), (gpointer *) &self->dashboard_window);
      gtk_window_destroy (dashboard);
    }

  if (self->skills_window != NULL)
    {
      GtkWindow *skills = g_steal_pointer (&self->skills_window);

      g_object_remove_weak_pointer (G_OBJECT (skills), (gpointer *) &self->skills_window);
      gtk_window_destroy (skills);
    }

  if (self->playlist_window != NULL)
    {
      GtkWindow *builder = g_steal_pointer (&self->playlist_window);

      g_object_remove_weak_pointer (G_OBJECT (builder), (gpointer *) &self->playlist_window);
      gtk_window_destroy (builder);
    }

  /* A refit under way finishes on its own; nobody here hears of it. */
  g_signal_handlers_disconnect_by_data (self->mastery_scheduler, self);
  g_clear_object (&self->mastery_scheduler);

  g_signal_handlers_disconnect_by_func (self->classroom, on_classroom_name_changed_cb, self);
  g_signal_handlers_disconnect_by_func (trellis_classroom_get_learners (self->classroom),
                                        on_learners_changed_cb, self);
  trellis_learner_list_view_set_classroom (self->learner_list_view, NULL);
  trellis_learner_list_view_set_learners (self->learner_list_view, NULL);
  g_clear_object (&self->classroom);
}

static void
trellis_window_dispose (GObject *object)
{
  TrellisWindow *self = TRELLIS_WINDOW (object);

  if (self->name_dialog != NULL)
    {
      AdwMessageDialog *dialog = g_steal_pointer (&self->name_dialog);

      g_signal_handlers_disconnect_by_data (dialog, self);
      g_signal_handlers_disconnect_by_data (self->name_entry, self);
      self->name_entry = NULL;
      gtk_window_destroy (GTK_WINDOW (dialog));
    }
  if (self->delete_dialog != NULL)
    {
      AdwMessageDialog *dialog = g_steal_pointer (&self->delete_dialog);

      g_signal_handlers_disconnect_by_data (dialog, self);
      gtk_window_destroy (GTK_WINDOW (dialog));
    }
  g_clear_object (&self->rename_learner);

  disconnect_classroom (self);

  gtk_widget_dispose_template (GTK_WIDGET (self), TRELLIS_TYPE_WINDOW);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (trellis_window_parent_class)->dispose (object);
}

static void
trellis_window_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  TrellisWindow *self = TRELLIS_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CLASSROOM:
      g_value_set_object (value, self->classroom);
      break;

    case PROP_SHOW_RECOMMENDATIONS:
      /* Also asked before the template exists and after it is gone. */
      g_value_set_boolean (value, self->recommendations_flap == NULL ||
                                  adw_flap_get_reveal_flap (self->recommendations_flap));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trellis_window_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  TrellisWindow *self = TRELLIS_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CLASSROOM:
      trellis_window_set_classroom (self, g_value_get_object (value));
      break;

    case PROP_SHOW_RECOMMENDATIONS:
      if (self->recommendations_flap != NULL)
        adw_flap_set_reveal_flap (self->recommendations_flap, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trellis_window_class_init (TrellisWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = trellis_window_dispose;
  object_class->get_property = trellis_window_get_property;
  object_class->set_property = trellis_window_set_property;

  window_class->close_request = trellis_window_close_request;

  properties[PROP_CLASSROOM] =
    g_param_spec_object ("classroom", NULL, NULL,
                         TRELLIS_TYPE_CLASSROOM,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* Whether the suggestions pane shows; in memory only (no settings key). */
  properties[PROP_SHOW_RECOMMENDATIONS] =
    g_param_spec_boolean ("show-recommendations", NULL, NULL,
                          TRUE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/trellis/Trellis/trellis-window.ui");
  gtk_widget_class_bind_template_child (widget_class, TrellisWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, TrellisWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, TrellisWindow, start_page);
  gtk_widget_class_bind_template_child (widget_class, TrellisWindow, paned);
  gtk_widget_class_bind_template_child (widget_class, TrellisWindow, classroom_title);
  gtk_widget_class_bind_template_child (widget_class, TrellisWindow, learner_list_view);
  gtk_widget_class_bind_template_child (widget_class, TrellisWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, TrellisWindow, learner_page);
  gtk_widget_class_bind_template_child (widget_class, TrellisWindow, recommendations_flap);
  gtk_widget_class_bind_template_child (widget_class, TrellisWindow, recommendations_pane);
  gtk_widget_class_bind_template_callback (widget_class, on_reveal_flap_changed_cb);

  gtk_widget_class_install_action (widget_class, "win.close", NULL, close_action);
  gtk_widget_class_install_action (widget_class, "win.find", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "win.add-learner", NULL, add_learner_action);
  gtk_widget_class_install_action (widget_class, "win.rename-learner", NULL, rename_learner_action);
  gtk_widget_class_install_action (widget_class, "win.delete-learner", NULL, delete_learner_action);
  gtk_widget_class_install_action (widget_class, "win.undo-delete", NULL, undo_delete_action);
  gtk_widget_class_install_action (widget_class, "win.select-learner", "x", select_learner_action);
  gtk_widget_class_install_property_action (widget_class, "win.toggle-recommendations", "show-recommendations");
  gtk_widget_class_install_action (widget_class, "win.conference", NULL, conference_action);
  gtk_widget_class_install_action (widget_class, "win.dashboard", NULL, dashboard_action);
  gtk_widget_class_install_action (widget_class, "win.playlists", NULL, playlists_action);
  gtk_widget_class_install_action (widget_class, "win.skills", NULL, skills_action);
  gtk_widget_class_install_action (widget_class, "win.playlist-progress", NULL, playlist_progress_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "win.gradebook", NULL, gradebook_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "win.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.find", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "win.toggle-recommendations", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.conference", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_d, GDK_CONTROL_MASK, "win.dashboard", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "win.playlists", NULL);

  g_type_ensure (TRELLIS_TYPE_START_PAGE);
  g_type_ensure (TRELLIS_TYPE_LEARNER_LIST_VIEW);
  g_type_ensure (TRELLIS_TYPE_LEARNER_PAGE);
  g_type_ensure (TRELLIS_TYPE_RECOMMENDATIONS_PANE);
}

static void
trellis_window_init (TrellisWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
  gtk_paned_set_position (self->paned, g_settings_get_int (self->settings, "sidebar-width"));

  g_signal_connect_object (self->learner_list_view, "notify::selected-learner",
                           G_CALLBACK (on_selected_learner_changed_cb), self,
                           G_CONNECT_SWAPPED);

  gtk_stack_set_visible_child_name (self->main_stack, "start");
  update_title (self);
  update_actions (self);
}

TrellisWindow *
trellis_window_new (GtkApplication *application)
{
  g_return_val_if_fail (application == NULL || GTK_IS_APPLICATION (application), NULL);

  return g_object_new (TRELLIS_TYPE_WINDOW,
                       "application", application,
                       NULL);
}

/**
 * trellis_window_get_classroom:
 *
 * Returns: (transfer none) (nullable): the classroom the window shows
 */
TrellisClassroom *
trellis_window_get_classroom (TrellisWindow *self)
{
  g_return_val_if_fail (TRELLIS_IS_WINDOW (self), NULL);

  return self->classroom;
}

void
trellis_window_set_classroom (TrellisWindow    *self,
                              TrellisClassroom *classroom)
{
  g_return_if_fail (TRELLIS_IS_WINDOW (self));
  g_return_if_fail (classroom == NULL || TRELLIS_IS_CLASSROOM (classroom));

  if (self->classroom == classroom)
    return;

  disconnect_classroom (self);

  if (classroom != NULL)
    {
      GListModel *learners = trellis_classroom_get_learners (classroom);

      self->classroom = g_object_ref (classroom);
      g_signal_connect_swapped (classroom, "notify::name",
                                G_CALLBACK (on_classroom_name_changed_cb), self);
      g_signal_connect_swapped (learners, "items-changed",
                                G_CALLBACK (on_learners_changed_cb), self);
      trellis_learner_list_view_set_classroom (self->learner_list_view, classroom);
      trellis_learner_list_view_set_learners (self->learner_list_view, learners);
      gtk_stack_set_visible_child_name (self->main_stack, "classroom");

      self->mastery_scheduler = trellis_mastery_scheduler_new (classroom, MASTERY_REFIT_DELAY_MS);
      g_signal_connect_swapped (self->mastery_scheduler, "failed",
                                G_CALLBACK (on_mastery_refit_failed_cb), self);
    }
  else
    {
      gtk_stack_set_visible_child_name (self->main_stack, "start");
    }

  trellis_recommendations_pane_set_classroom (self->recommendations_pane, self->classroom);
  update_title (self);
  update_content (self);
  update_actions (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLASSROOM]);
}

/**
 * trellis_window_reload_classroom:
 *
 * Opens the classroom file again and shows it, after another connection
 * (an import) changed it: the learner list of the window's connection
 * does not see those changes.
 */
void
trellis_window_reload_classroom (TrellisWindow *self)
{
  g_autoptr(TrellisClassroom) classroom = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  g_return_if_fail (TRELLIS_IS_WINDOW (self));

  if (self->classroom == NULL)
    return;

  path = g_strdup (trellis_classroom_get_path (self->classroom));
  classroom = trellis_classroom_open (path,
                                      trellis_classroom_get_read_only (self->classroom)
                                        ? TRELLIS_OPEN_FLAGS_READ_ONLY : TRELLIS_OPEN_FLAGS_NONE,
                                      &error);
  if (classroom == NULL)
    {
      show_error_toast (self, error);
      return;
    }

  trellis_window_set_classroom (self, classroom);
}

void
trellis_window_add_toast (TrellisWindow *self,
                          AdwToast      *toast)
{
  g_return_if_fail (TRELLIS_IS_WINDOW (self));
  g_return_if_fail (ADW_IS_TOAST (toast));

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

TrellisStartPage *
_trellis_window_get_start_page (TrellisWindow *self)
{
  g_return_val_if_fail (TRELLIS_IS_WINDOW (self), NULL);

  return self->start_page;
}

TrellisLearnerListView *
_trellis_window_get_learner_list_view (TrellisWindow *self)
{
  g_return_val_if_fail (TRELLIS_IS_WINDOW (self), NULL);

  return self->learner_list_view;
}

TrellisLearnerPage *
_trellis_window_get_learner_page (TrellisWindow *self)
{
  g_return_val_if_fail (TRELLIS_IS_WINDOW (self), NULL);

  return self->learner_page;
}

GtkWidget *
_trellis_window_get_content_stack (TrellisWindow *self)
{
  g_return_val_if_fail (TRELLIS_IS_WINDOW (self), NULL);

  return GTK_WIDGET (self->content_stack);
}

AdwMessageDialog *
_trellis_window_get_delete_dialog (TrellisWindow *self)
{
  g_return_val_if_fail (TRELLIS_IS_WINDOW (self), NULL);

  return self->delete_dialog;
}

AdwToast *
_trellis_window_get_delete_toast (TrellisWindow *self)
{
  g_return_val_if_fail (TRELLIS_IS_WINDOW (self), NULL);

  return self->delete_toast;
}

AdwMessageDialog *
_trellis_window_get_name_dialog (TrellisWindow *self)
{
  g_return_val_if_fail (TRELLIS_IS_WINDOW (self), NULL);

  return self->name_dialog;
}

TrellisRecommendationsPane *
_trellis_window_get_recommendations_pane (TrellisWindow *self)
{
  g_return_val_if_fail (TRELLIS_IS_WINDOW (self), NULL);

  return self->recommendations_pane;
}

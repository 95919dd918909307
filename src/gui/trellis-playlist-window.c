/* trellis-playlist-window.c
 *
 * Copyright 2026 The Trellis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trellis-playlist-window"

#include "config.h"

#include <glib/gi18n.h>

#include "trellis-confirm-dialog.h"
#include "trellis-export-dialog-private.h"
#include "trellis-pacing-timeline.h"
#include "trellis-playlist-window-private.h"
#include "trellis-print.h"
#include "trellis-print-dialog.h"
#include "trellis-skill-picker.h"
#include "trellis-skills-window.h"
#include "trellis-progress-grid.h"
#include "trellis-undo-toast.h"

/*
 * The playlist builder: the classroom's playlists on the left, the
 * selected playlist's items in order in the middle (options of a choice
 * group indented under it), and an editor for the selected item on the
 * right.  Every edit goes through the classroom (one transaction each);
 * the lists follow the classroom's models.
 */

/* A choice group offering more options than this gets a warning. */
#define MAX_COMFORTABLE_OPTIONS 4

struct _TrellisPlaylistWindow
{
  AdwWindow          parent_instance;

  TrellisClassroom  *classroom;
  TrellisPlaylist   *playlist;
  TrellisNode       *node;
  /* The node lists shown, each with an items-changed handler. */
  GPtrArray         *watched;
  GtkFileChooserNative *chooser;
  gboolean           loading;
  /* Rows come and go: selection changes are not the user's. */
  gboolean           rebuilding;
  guint              rebuild_id;

  AdwViewSwitcherTitle *window_title;
  AdwToastOverlay   *toast_overlay;
  GtkListBox        *playlist_list;
  GtkListBox        *node_list;
  AdwEntryRow       *playlist_title_row;
  GtkWindow         *skills_window;     /* weak */
  AdwEntryRow       *playlist_description_row;
  AdwEntryRow       *playlist_starts_row;
  AdwEntryRow       *playlist_ends_row;
  AdwStatusPage     *empty_page;
  AdwPreferencesGroup *editor_group;
  AdwEntryRow       *title_row;
  AdwEntryRow       *instructions_row;
  AdwEntryRow       *url_row;
  AdwEntryRow       *must_show_row;
  AdwEntryRow       *date_row;
  AdwEntryRow       *formats_row;
  AdwActionRow      *minutes_row;
  GtkSpinButton     *minutes_spin;
  AdwComboRow       *social_row;
  AdwActionRow      *starter_row;
  GtkSwitch         *starter_switch;
  AdwActionRow      *challenge_row;
  GtkSwitch         *challenge_switch;
  AdwActionRow      *skills_row;
  GtkMenuButton     *skills_button;
  TrellisSkillPicker *skills_picker;
  AdwPreferencesGroup *choice_group;
  GtkSpinButton     *min_spin;
  GtkSpinButton     *max_spin;
  GtkLabel          *breadth_label;
  GtkRevealer       *pacing_revealer;
  TrellisPacingTimeline *pacing_timeline;
  gboolean           show_pacing;
  /* The last deletion, while its Undo toast shows */
  TrellisNodeSnapshot *deleted;
  AdwToast          *undo_toast;
  AdwViewStack      *view_stack;
  TrellisProgressGrid *progress_grid;
};

G_DEFINE_FINAL_TYPE (TrellisPlaylistWindow, trellis_playlist_window, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_CLASSROOM,
  PROP_SHOW_PACING,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void rebuild_nodes (TrellisPlaylistWindow *self);
static void load_skills_row (TrellisPlaylistWindow *self);
static void update_pacing (TrellisPlaylistWindow *self);
static void update_progress_view (TrellisPlaylistWindow *self);

/* Helpers */

static void
show_error (TrellisPlaylistWindow *self,
            const GError          *error)
{
  g_autofree char *escaped = g_markup_escape_text (error->message, -1);

  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (escaped));
}

/* The choice group @node is an option of, or NULL. */
static TrellisNode *
node_parent (TrellisPlaylistWindow *self,
             TrellisNode           *node)
{
  GListModel *top;
  guint n;

  if (trellis_node_get_parent_id (node) == 0)
    return NULL;

  top = trellis_classroom_get_nodes (self->classroom, self->playlist, NULL);
  n = g_list_model_get_n_items (top);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TrellisNode) group = g_list_model_get_item (top, i);

      if (trellis_node_get_id (group) == trellis_node_get_parent_id (node))
        return group;
    }

  return NULL;
}

/* The list that holds @node, and @node's place in it. */
static GListModel *
node_list_model (TrellisPlaylistWindow *self,
                 TrellisNode           *node,
                 guint                 *position)
{
  GListModel *model = trellis_classroom_get_nodes (self->classroom, self->playlist, node_parent (self, node));
  guint n = model != NULL ? g_list_model_get_n_items (model) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TrellisNode) item = g_list_model_get_item (model, i);

      if (item == node)
        {
          *position = i;
          return model;
        }
    }

  return NULL;
}

static void
update_actions (TrellisPlaylistWindow *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean has_playlist = self->playlist != NULL;
  gboolean has_node = has_playlist && self->node != NULL;
  gboolean can_up = FALSE, can_down = FALSE, can_group = FALSE, can_ungroup = FALSE;

  if (has_node)
    {
      guint position = 0;
      GListModel *model = node_list_model (self, self->node, &position);

      if (model != NULL)
        {
          can_up = position > 0;
          can_down = position + 1 < g_list_model_get_n_items (model);

          if (trellis_node_get_parent_id (self->node) != 0)
            can_ungroup = TRUE;
          else if (position > 0 && trellis_node_get_kind (self->node) == TRELLIS_NODE_KIND_ACTIVITY)
            {
              g_autoptr(TrellisNode) above = g_list_model_get_item (model, position - 1);

              can_group = trellis_node_get_kind (above) == TRELLIS_NODE_KIND_CHOICE;
            }
        }
    }

  gtk_widget_action_set_enabled (widget, "builder.add-playlist", self->classroom != NULL);
  gtk_widget_action_set_enabled (widget, "builder.duplicate-playlist", has_playlist);
  gtk_widget_action_set_enabled (widget, "builder.delete-playlist", has_playlist);
  gtk_widget_action_set_enabled (widget, "builder.print", has_playlist);
  gtk_widget_action_set_enabled (widget, "builder.export-pdf", has_playlist);
  gtk_widget_action_set_enabled (widget, "builder.export", has_playlist &&
                                 TRELLIS_IS_WINDOW (gtk_window_get_transient_for (GTK_WINDOW (self))));
  gtk_widget_action_set_enabled (widget, "builder.add-activity", has_playlist);
  gtk_widget_action_set_enabled (widget, "builder.add-choice", has_playlist);
  gtk_widget_action_set_enabled (widget, "builder.add-milestone", has_playlist);
  gtk_widget_action_set_enabled (widget, "builder.move-up", can_up);
  gtk_widget_action_set_enabled (widget, "builder.move-down", can_down);
  gtk_widget_action_set_enabled (widget, "builder.duplicate-node", has_node);
  gtk_widget_action_set_enabled (widget, "builder.delete-node", has_node);
  gtk_widget_action_set_enabled (widget, "builder.group-node", can_group);
  gtk_widget_action_set_enabled (widget, "builder.ungroup-node", can_ungroup);
  gtk_widget_action_set_enabled (widget, "builder.undo-delete", self->deleted != NULL);
}

static void
update_breadth (TrellisPlaylistWindow *self)
{
  GListModel *options;
  guint n;

  if (self->node == NULL || trellis_node_get_kind (self->node) != TRELLIS_NODE_KIND_CHOICE)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->breadth_label), FALSE);
      return;
    }

  options = trellis_classroom_get_nodes (self->classroom, self->playlist, self->node);
  n = options != NULL ? g_list_model_get_n_items (options) : 0;
  if (n > MAX_COMFORTABLE_OPTIONS)
    {
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "This group offers %u option. More than %d can overwhelm learners; mark starter options for those who need a smaller choice.",
                                                            "This group offers %u options. More than %d can overwhelm learners; mark starter options for those who need a smaller choice.",
                                                            n),
                                               n, MAX_COMFORTABLE_OPTIONS);

      gtk_label_set_text (self->breadth_label, text);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->breadth_label), n > MAX_COMFORTABLE_OPTIONS);
}

static void
set_entry_text (AdwEntryRow *row,
                const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
  /* What the file holds has nothing to apply: hide the apply button. */
  adw_entry_row_set_show_apply_button (row, FALSE);
  adw_entry_row_set_show_apply_button (row, TRUE);
}

/* Shows the selected node's fields in the editor. */
static void
load_editor (TrellisPlaylistWindow *self)
{
  TrellisNode *node = self->node;
  TrellisNodeKind kind;
  g_auto(GStrv) formats = NULL;
  gboolean is_option;

  self->loading = TRUE;

  set_entry_text (self->playlist_title_row,
                  self->playlist != NULL ? trellis_playlist_get_title (self->playlist) : NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->playlist_title_row), self->playlist != NULL);
  set_entry_text (self->playlist_description_row,
                  self->playlist != NULL ? trellis_playlist_get_description (self->playlist) : NULL);
  set_entry_text (self->playlist_starts_row,
                  self->playlist != NULL ? trellis_playlist_get_starts_on (self->playlist) : NULL);
  set_entry_text (self->playlist_ends_row,
                  self->playlist != NULL ? trellis_playlist_get_ends_on (self->playlist) : NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->playlist_description_row), self->playlist != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->playlist_starts_row), self->playlist != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->playlist_ends_row), self->playlist != NULL);
  adw_view_switcher_title_set_subtitle (self->window_title,
                                        self->playlist != NULL ? trellis_playlist_get_title (self->playlist) : NULL);
  update_progress_view (self);

  gtk_widget_set_visible (GTK_WIDGET (self->empty_page), node == NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->editor_group), node != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->choice_group),
                          node != NULL && trellis_node_get_kind (node) == TRELLIS_NODE_KIND_CHOICE);

  if (node == NULL)
    {
      self->loading = FALSE;
      update_actions (self);
      return;
    }

  kind = trellis_node_get_kind (node);
  is_option = trellis_node_get_parent_id (node) != 0;

  switch (kind)
    {
    case TRELLIS_NODE_KIND_CHOICE:
      adw_preferences_group_set_title (self->editor_group, _("Choice Group"));
      break;
    case TRELLIS_NODE_KIND_MILESTONE:
      adw_preferences_group_set_title (self->editor_group, _("Milestone"));
      break;
    case TRELLIS_NODE_KIND_ACTIVITY:
    default:
      adw_preferences_group_set_title (self->editor_group, is_option ? _("Option") : _("Activity"));
      break;
    }

  set_entry_text (self->title_row, trellis_node_get_title (node));
  set_entry_text (self->instructions_row, trellis_node_get_instructions (node));
  set_entry_text (self->url_row, trellis_node_get_resource_url (node));
  set_entry_text (self->must_show_row, trellis_node_get_must_show (node));
  if (kind == TRELLIS_NODE_KIND_MILESTONE)
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->date_row), _("Target Date (YYYY-MM-DD)"));
      set_entry_text (self->date_row, trellis_node_get_target_date (node));
    }
  else
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->date_row), _("Suggested Date (YYYY-MM-DD)"));
      set_entry_text (self->date_row, trellis_node_get_suggested_date (node));
    }

  formats = trellis_classroom_dup_node_formats (self->classroom, node, NULL);
  if (formats != NULL)
    {
      g_autofree char *joined = g_strjoinv (", ", formats);

      set_entry_text (self->formats_row, joined);
    }

  gtk_spin_button_set_value (self->minutes_spin, MAX (trellis_node_get_estimated_minutes (node), 0));
  adw_combo_row_set_selected (self->social_row, (guint)trellis_node_get_social_mode (node));
  gtk_switch_set_active (self->starter_switch, trellis_node_get_is_starter (node));
  gtk_switch_set_active (self->challenge_switch, trellis_node_get_is_challenge (node));
  gtk_spin_button_set_value (self->min_spin, trellis_node_get_choose_min (node));
  gtk_spin_button_set_value (self->max_spin, trellis_node_get_choose_max (node));

  gtk_widget_set_visible (GTK_WIDGET (self->must_show_row), kind == TRELLIS_NODE_KIND_MILESTONE);
  gtk_widget_set_visible (GTK_WIDGET (self->formats_row), kind == TRELLIS_NODE_KIND_ACTIVITY);
  gtk_widget_set_visible (GTK_WIDGET (self->url_row), kind != TRELLIS_NODE_KIND_CHOICE);
  gtk_widget_set_visible (GTK_WIDGET (self->minutes_row), kind != TRELLIS_NODE_KIND_CHOICE);
  gtk_widget_set_visible (GTK_WIDGET (self->social_row), kind == TRELLIS_NODE_KIND_ACTIVITY);
  gtk_widget_set_visible (GTK_WIDGET (self->starter_row), is_option);
  gtk_widget_set_visible (GTK_WIDGET (self->challenge_row), kind == TRELLIS_NODE_KIND_ACTIVITY);
  load_skills_row (self);

  update_breadth (self);
  self->loading = FALSE;
  update_actions (self);
}

static gboolean
rebuild_idle_cb (gpointer user_data)
{
  TrellisPlaylistWindow *self = user_data;

  self->rebuild_id = 0;
  rebuild_nodes (self);

  return G_SOURCE_REMOVE;
}

static void
on_watched_items_changed_cb (GListModel            *model,
                             guint                  position,
                             guint                  removed,
                             guint                  added,
                             TrellisPlaylistWindow *self)
{
  /* A move is a removal then an insertion: show the result once. */
  if (self->rebuild_id == 0)
    self->rebuild_id = g_idle_add (rebuild_idle_cb, self);
}

static void
unwatch_all (TrellisPlaylistWindow *self)
{
  for (guint i = 0; i < self->watched->len; i++)
    g_signal_handlers_disconnect_by_func (g_ptr_array_index (self->watched, i),
                                          on_watched_items_changed_cb, self);
  g_ptr_array_set_size (self->watched, 0);
}

static void
watch (TrellisPlaylistWindow *self,
       GListModel            *model)
{
  g_ptr_array_add (self->watched, g_object_ref (model));
  g_signal_connect (model, "items-changed", G_CALLBACK (on_watched_items_changed_cb), self);
}

static char *
node_subtitle (TrellisNode *node,
               gboolean     is_option,
               guint        n_options)
{
  const char *date;

  switch (trellis_node_get_kind (node))
    {
    case TRELLIS_NODE_KIND_CHOICE:
      /* Translators: a choice group: learners choose MIN to MAX of N options */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "Choice group · choose %u to %u of %u option",
                                           "Choice group · choose %u to %u of %u options",
                                           n_options),
                              trellis_node_get_choose_min (node), trellis_node_get_choose_max (node), n_options);

    case TRELLIS_NODE_KIND_MILESTONE:
      date = trellis_node_get_target_date (node);
      if (date != NULL)
        return g_strdup_printf (_("Milestone · due %s"), date);
      return g_strdup (_("Milestone"));

    case TRELLIS_NODE_KIND_ACTIVITY:
    default:
      if (is_option)
        return g_strdup (trellis_node_get_is_starter (node) ? _("Option · starter") : _("Option"));
      date = trellis_node_get_suggested_date (node);
      if (date != NULL)
        return g_strdup_printf (_("Activity · suggested %s"), date);
      return g_strdup (_("Activity"));
    }
}

static GtkWidget *
node_row_new (TrellisNode *node,
              gboolean     is_option,
              guint        n_options)
{
  g_autofree char *subtitle = node_subtitle (node, is_option, n_options);
  g_autofree char *title = g_markup_escape_text (trellis_node_get_title (node), -1);
  GtkWidget *row = adw_action_row_new ();
  const char *icon;

  switch (trellis_node_get_kind (node))
    {
    case TRELLIS_NODE_KIND_CHOICE:
      icon = "view-grid-symbolic";
      break;
    case TRELLIS_NODE_KIND_MILESTONE:
      icon = "emoji-flags-symbolic";
      break;
    case TRELLIS_NODE_KIND_ACTIVITY:
    default:
      icon = "document-edit-symbolic";
      break;
    }

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_icon_name (ADW_ACTION_ROW (row), icon);
  if (is_option)
    gtk_widget_set_margin_start (row, 36);
  g_object_set_data_full (G_OBJECT (row), "trellis-node", g_object_ref (node), g_object_unref);

  return row;
}

/* Shows the playlist's items again, keeping the selection. */
static void
rebuild_nodes (TrellisPlaylistWindow *self)
{
  GtkListBoxRow *selected = NULL;
  GtkWidget *child;
  GListModel *top;
  guint n;

  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  unwatch_all (self);
  self->rebuilding = TRUE;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->node_list))) != NULL)
    gtk_list_box_remove (self->node_list, child);

  top = self->playlist != NULL ? trellis_classroom_get_nodes (self->classroom, self->playlist, NULL) : NULL;
  n = top != NULL ? g_list_model_get_n_items (top) : 0;
  if (top != NULL)
    watch (self, top);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TrellisNode) node = g_list_model_get_item (top, i);
      GListModel *options = NULL;
      guint n_options = 0;
      GtkWidget *row;

      if (trellis_node_get_kind (node) == TRELLIS_NODE_KIND_CHOICE &&
          (options = trellis_classroom_get_nodes (self->classroom, self->playlist, node)) != NULL)
        {
          watch (self, options);
          n_options = g_list_model_get_n_items (options);
        }

      row = node_row_new (node, FALSE, n_options);
      gtk_list_box_append (self->node_list, row);
      if (node == self->node)
        selected = GTK_LIST_BOX_ROW (row);

      for (guint j = 0; j < n_options; j++)
        {
          g_autoptr(TrellisNode) option = g_list_model_get_item (options, j);
          GtkWidget *option_row = node_row_new (option, TRUE, 0);

          gtk_list_box_append (self->node_list, option_row);
          if (option == self->node)
            selected = GTK_LIST_BOX_ROW (option_row);
        }
    }

  if (selected != NULL)
    gtk_list_box_select_row (self->node_list, selected);
  self->rebuilding = FALSE;

  if (selected == NULL && self->node != NULL)
    {
      g_clear_object (&self->node);
      load_editor (self);
    }

  update_breadth (self);
  update_actions (self);
  update_pacing (self);
}

/* The selected playlist was deleted: select the first one left, if any. */
static void
on_playlists_changed_cb (GListModel            *playlists,
                         guint                  position,
                         guint                  removed,
                         guint                  added,
                         TrellisPlaylistWindow *self)
{
  if (self->playlist == NULL ||
      g_list_store_find (G_LIST_STORE (playlists), self->playlist, NULL))
    return;

  g_clear_object (&self->node);
  g_clear_object (&self->playlist);
  if (g_list_model_get_n_items (playlists) > 0)
    gtk_list_box_select_row (self->playlist_list, gtk_list_box_get_row_at_index (self->playlist_list, 0));
  if (self->playlist == NULL)
    {
      rebuild_nodes (self);
      load_editor (self);
    }
}

static GtkWidget *
create_playlist_row_cb (gpointer item,
                        gpointer user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  g_object_bind_property (item, "title", label, "label", G_BINDING_SYNC_CREATE);

  return label;
}

/* Callbacks */

static void
on_playlist_row_selected_cb (GtkListBox            *box,
                             GtkListBoxRow         *row,
                             TrellisPlaylistWindow *self)
{
  g_autoptr(TrellisPlaylist) playlist = NULL;

  if (row != NULL)
    playlist = g_list_model_get_item (trellis_classroom_get_playlists (self->classroom),
                                      (guint)gtk_list_box_row_get_index (row));

  if (playlist == self->playlist)
    return;

  g_set_object (&self->playlist, playlist);
  g_clear_object (&self->node);
  rebuild_nodes (self);
  load_editor (self);
}

static void
on_node_row_selected_cb (GtkListBox            *box,
                         GtkListBoxRow         *row,
                         TrellisPlaylistWindow *self)
{
  TrellisNode *node = row != NULL ? g_object_get_data (G_OBJECT (row), "trellis-node") : NULL;

  if (self->rebuilding || node == self->node)
    return;

  g_set_object (&self->node, node);
  load_editor (self);
}

static void
on_playlist_title_apply_cb (AdwEntryRow           *row,
                            TrellisPlaylistWindow *self)
{
  g_autoptr(GError) error = NULL;

  if (self->loading || self->playlist == NULL)
    return;

  if (!trellis_classroom_rename_playlist (self->classroom, self->playlist,
                                          gtk_editable_get_text (GTK_EDITABLE (row)), &error))
    show_error (self, error);
  load_editor (self);
}

/* The playlist's description and unit dates, written together. */
static void
on_playlist_details_apply_cb (AdwEntryRow           *row,
                              TrellisPlaylistWindow *self)
{
  g_autoptr(GError) error = NULL;

  if (self->loading || self->playlist == NULL)
    return;

  if (!trellis_classroom_update_playlist_details (self->classroom, self->playlist,
                                                  gtk_editable_get_text (GTK_EDITABLE (self->playlist_description_row)),
                                                  gtk_editable_get_text (GTK_EDITABLE (self->playlist_starts_row)),
                                                  gtk_editable_get_text (GTK_EDITABLE (self->playlist_ends_row)),
                                                  &error))
    show_error (self, error);
  load_editor (self);
  update_pacing (self);
}

/* Writes the editor's text fields and flags to the selected node. */
static void
apply_fields (TrellisPlaylistWindow *self)
{
  g_autoptr(GError) error = NULL;
  TrellisNodeFields fields = { 0 };
  int minutes;

  if (self->loading || self->node == NULL)
    return;

  minutes = gtk_spin_button_get_value_as_int (self->minutes_spin);
  fields.mask = TRELLIS_NODE_FIELD_TITLE | TRELLIS_NODE_FIELD_INSTRUCTIONS |
                TRELLIS_NODE_FIELD_RESOURCE_URL | TRELLIS_NODE_FIELD_ESTIMATED_MINUTES |
                TRELLIS_NODE_FIELD_SOCIAL_MODE | TRELLIS_NODE_FIELD_MUST_SHOW |
                TRELLIS_NODE_FIELD_IS_STARTER | TRELLIS_NODE_FIELD_IS_CHALLENGE;
  fields.title = gtk_editable_get_text (GTK_EDITABLE (self->title_row));
  fields.instructions = gtk_editable_get_text (GTK_EDITABLE (self->instructions_row));
  fields.resource_url = gtk_editable_get_text (GTK_EDITABLE (self->url_row));
  fields.estimated_minutes = minutes > 0 ? minutes : -1;
  fields.social_mode = (TrellisSocialMode)adw_combo_row_get_selected (self->social_row);
  fields.must_show = gtk_editable_get_text (GTK_EDITABLE (self->must_show_row));
  fields.is_starter = gtk_switch_get_active (self->starter_switch);
  fields.is_challenge = gtk_switch_get_active (self->challenge_switch);
  if (trellis_node_get_kind (self->node) == TRELLIS_NODE_KIND_MILESTONE)
    {
      fields.mask |= TRELLIS_NODE_FIELD_TARGET_DATE;
      fields.target_date = gtk_editable_get_text (GTK_EDITABLE (self->date_row));
    }
  else
    {
      fields.mask |= TRELLIS_NODE_FIELD_SUGGESTED_DATE;
      fields.suggested_date = gtk_editable_get_text (GTK_EDITABLE (self->date_row));
    }

  if (!trellis_classroom_update_node (self->classroom, self->node, &fields, &error))
    {
      show_error (self, error);
      load_editor (self);
      return;
    }

  rebuild_nodes (self);
}

static void
on_field_apply_cb (AdwEntryRow           *row,
                   TrellisPlaylistWindow *self)
{
  apply_fields (self);
}

static void
on_minutes_changed_cb (GtkSpinButton         *spin,
                       TrellisPlaylistWindow *self)
{
  apply_fields (self);
}

static void
on_social_selected_cb (AdwComboRow           *row,
                       GParamSpec            *pspec,
                       TrellisPlaylistWindow *self)
{
  apply_fields (self);
}

static void
on_flag_toggled_cb (GtkSwitch             *widget,
                    GParamSpec            *pspec,
                    TrellisPlaylistWindow *self)
{
  apply_fields (self);
}

static void
on_formats_apply_cb (AdwEntryRow           *row,
                     TrellisPlaylistWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) formats = NULL;

  if (self->loading || self->node == NULL)
    return;

  formats = g_strsplit (gtk_editable_get_text (GTK_EDITABLE (row)), ",", -1);
  if (!trellis_classroom_set_node_formats (self->classroom, self->node, (const char * const *)formats, &error))
    show_error (self, error);
  load_editor (self);
}

static void
on_bounds_changed_cb (GtkSpinButton         *spin,
                      TrellisPlaylistWindow *self)
{
  g_autoptr(GError) error = NULL;

  if (self->loading || self->node == NULL)
    return;

  if (!trellis_classroom_set_choice_bounds (self->classroom, self->node,
                                            (guint)gtk_spin_button_get_value_as_int (self->min_spin),
                                            (guint)gtk_spin_button_get_value_as_int (self->max_spin),
                                            &error))
    {
      show_error (self, error);
      load_editor (self);
      return;
    }

  rebuild_nodes (self);
}

/* Actions */

static void
add_playlist_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  TrellisPlaylistWindow *self = TRELLIS_PLAYLIST_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  TrellisPlaylist *playlist;

  playlist = trellis_classroom_add_playlist (self->classroom, _("New Playlist"), &error);
  if (playlist == NULL)
    {
      show_error (self, error);
      return;
    }

  trellis_playlist_window_select_playlist (self, playlist);
  gtk_widget_grab_focus (GTK_WIDGET (self->playlist_title_row));
}

static void
duplicate_playlist_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  TrellisPlaylistWindow *self = TRELLIS_PLAYLIST_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  TrellisPlaylist *copy;

  copy = trellis_classroom_duplicate_playlist (self->classroom, self->playlist, NULL, &error);
  if (copy == NULL)
    {
      show_error (self, error);
      return;
    }

  trellis_playlist_window_select_playlist (self, copy);
}

static void
on_delete_playlist_response_cb (AdwMessageDialog      *dialog,
                                const char            *response,
                                TrellisPlaylistWindow *self)
{
  TrellisPlaylist *playlist = g_object_get_data (G_OBJECT (dialog), "trellis-playlist");
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "delete") != 0 || playlist != self->playlist)
    return;

  if (!trellis_classroom_delete_playlist (self->classroom, playlist, &error))
    show_error (self, error);
}

static void
delete_playlist_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  TrellisPlaylistWindow *self = TRELLIS_PLAYLIST_WINDOW (widget);
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;

  body = g_strdup_printf (_("“%s”, its items and the progress learners recorded on them will be deleted for good."),
                          trellis_playlist_get_title (self->playlist));
  dialog = trellis_confirm_dialog_new (GTK_WINDOW (self), _("Delete Playlist?"), body,
                                       NULL, "delete", _("_Delete"));
  g_object_set_data_full (G_OBJECT (dialog), "trellis-playlist", g_object_ref (self->playlist), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_delete_playlist_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_node (TrellisPlaylistWindow *self,
          TrellisNodeKind        kind,
          const char            *title)
{
  g_autoptr(GError) error = NULL;
  TrellisNode *parent = NULL;
  TrellisNode *anchor = self->node;
  TrellisNode *node;
  guint position = 0;
  int at = -1;

  if (anchor != NULL)
    {
      TrellisNode *group = node_parent (self, anchor);

      if (kind == TRELLIS_NODE_KIND_ACTIVITY && trellis_node_get_kind (anchor) == TRELLIS_NODE_KIND_CHOICE)
        parent = anchor;
      else if (kind == TRELLIS_NODE_KIND_ACTIVITY && group != NULL)
        {
          parent = group;
          if (node_list_model (self, anchor, &position) != NULL)
            at = (int)position + 1;
        }
      else
        {
          if (group != NULL)
            anchor = group;
          if (node_list_model (self, anchor, &position) != NULL)
            at = (int)position + 1;
        }
    }

  node = trellis_classroom_add_node (self->classroom, self->playlist, parent, kind, title, at, &error);
  if (node == NULL)
    {
      show_error (self, error);
      return;
    }

  trellis_playlist_window_select_node (self, node);
  gtk_widget_grab_focus (GTK_WIDGET (self->title_row));
}

static void
add_activity_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  add_node (TRELLIS_PLAYLIST_WINDOW (widget), TRELLIS_NODE_KIND_ACTIVITY, _("New Activity"));
}

static void
add_choice_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  add_node (TRELLIS_PLAYLIST_WINDOW (widget), TRELLIS_NODE_KIND_CHOICE, _("New Choice Group"));
}

static void
add_milestone_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  add_node (TRELLIS_PLAYLIST_WINDOW (widget), TRELLIS_NODE_KIND_MILESTONE, _("New Milestone"));
}

static void
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TrellisPlaylistWindow *self = TRELLIS_PLAYLIST_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  int delta = g_str_equal (action_name, "builder.move-up") ? -1 : 1;
  guint position = 0;
  guint n;
  GListModel *model;

  if (self->node == NULL || (model = node_list_model (self, self->node, &position)) == NULL)
    return;

  n = g_list_model_get_n_items (model);
  if ((delta < 0 && position == 0) || (delta > 0 && position + 1 >= n))
    return;

  if (!trellis_classroom_move_node (self->classroom, self->node, (int)position + delta, &error))
    show_error (self, error);
}

static void
duplicate_node_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  TrellisPlaylistWindow *self = TRELLIS_PLAYLIST_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  TrellisNode *copy;

  copy = trellis_classroom_duplicate_node (self->classroom, self->node, &error);
  if (copy == NULL)
    {
      show_error (self, error);
      return;
    }

  trellis_playlist_window_select_node (self, copy);
}

static void
group_node_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  TrellisPlaylistWindow *self = TRELLIS_PLAYLIST_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisNode) group = NULL;
  guint position = 0;
  GListModel *model;

  if (self->node == NULL || (model = node_list_model (self, self->node, &position)) == NULL || position == 0)
    return;

  group = g_list_model_get_item (model, position - 1);
  if (!trellis_classroom_move_node_to_parent (self->classroom, self->node, group, -1, &error))
    show_error (self, error);
}

static void
ungroup_node_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  TrellisPlaylistWindow *self = TRELLIS_PLAYLIST_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  TrellisNode *group;
  guint position = 0;

  if (self->node == NULL || (group = node_parent (self, self->node)) == NULL ||
      node_list_model (self, group, &position) == NULL)
    return;

  if (!trellis_classroom_move_node_to_parent (self->classroom, self->node, NULL, (int)position + 1, &error))
    show_error (self, error);
}

/* Undo */

static void
on_undo_toast_dismissed_cb (AdwToast              *toast,
                            TrellisPlaylistWindow *self)
{
  /* Only the latest deletion can be undone. */
  if (toast != self->undo_toast)
    return;

  g_clear_object (&self->undo_toast);
  g_clear_pointer (&self->deleted, trellis_node_snapshot_free);
  update_actions (self);
}

/* Deletes @node, keeping it for the Undo toast. */
static void
delete_node_with_undo (TrellisPlaylistWindow *self,
                       TrellisNode           *node)
{
  g_autoptr(TrellisNodeSnapshot) deleted = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *escaped = g_markup_escape_text (trellis_node_get_title (node), -1);
  g_autofree char *title = NULL;
  AdwToast *toast;

  deleted = trellis_classroom_delete_node_undoable (self->classroom, node, &error);
  if (deleted == NULL)
    {
      show_error (self, error);
      return;
    }

  /* Translators: %s is a playlist item's title */
  title = g_strdup_printf (_("“%s” deleted"), escaped);
  toast = trellis_undo_toast_new (title, "builder.undo-delete");

  trellis_node_snapshot_free (self->deleted);
  self->deleted = g_steal_pointer (&deleted);
  trellis_undo_toast_show (self->toast_overlay, &self->undo_toast, toast,
                           G_CALLBACK (on_undo_toast_dismissed_cb), self);
  update_actions (self);
}

static void
undo_delete_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  TrellisPlaylistWindow *self = TRELLIS_PLAYLIST_WINDOW (widget);
  g_autoptr(TrellisNodeSnapshot) deleted = g_steal_pointer (&self->deleted);
  g_autoptr(GError) error = NULL;
  TrellisNode *node;

  if (deleted == NULL)
    return;

  trellis_undo_toast_withdraw (&self->undo_toast);
  update_actions (self);

  node = trellis_classroom_restore_node (self->classroom, deleted, &error);
  if (node == NULL)
    {
      show_error (self, error);
      return;
    }

  if (self->playlist != NULL && trellis_node_get_playlist_id (node) == trellis_playlist_get_id (self->playlist))
    trellis_playlist_window_select_node (self, node);
}

static void
on_delete_node_response_cb (AdwMessageDialog      *dialog,
                            const char            *response,
                            TrellisPlaylistWindow *self)
{
  TrellisNode *node = g_object_get_data (G_OBJECT (dialog), "trellis-node");
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "delete") != 0)
    return;

  delete_node_with_undo (self, node);
}

static void
delete_node_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  TrellisPlaylistWindow *self = TRELLIS_PLAYLIST_WINDOW (widget);
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;

  body = g_strdup_printf (_("“%s” and the progress learners recorded on it will be deleted. You can undo this for a few seconds afterwards."),
                          trellis_node_get_title (self->node));
  dialog = trellis_confirm_dialog_new (GTK_WINDOW (self), _("Delete Item?"), body,
                                       NULL, "delete", _("_Delete"));
  g_object_set_data_full (G_OBJECT (dialog), "trellis-node", g_object_ref (self->node), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_delete_node_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_export_pdf_response_cb (GtkNativeDialog       *chooser,
                           int                    response,
                           TrellisPlaylistWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT && self->playlist != NULL)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      path = file != NULL ? g_file_get_path (file) : NULL;
      if (path != NULL &&
          !trellis_print_choice_board (self->classroom, self->playlist, NULL, path, &error))
        show_error (self, error);
      else if (path != NULL)
        adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("Choice board saved")));
    }

  g_clear_object (&self->chooser);
}

/* Export Choice Board as PDF…: the same pages, saved to a file. */
static void
export_pdf_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  TrellisPlaylistWindow *self = TRELLIS_PLAYLIST_WINDOW (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;

  if (self->chooser != NULL || self->playlist == NULL)
    return;

  self->chooser = gtk_file_chooser_native_new (_("Export Choice Board"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("PDF documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  /* Translators: the file name of a playlist's choice board */
  name = g_strdup_printf (_("%s – choice board.pdf"), trellis_playlist_get_title (self->playlist));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  g_signal_connect (self->chooser, "response", G_CALLBACK (on_export_pdf_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/*
 * The choice board of the selected playlist, for the class or (in the
 * Progress view, with a learner shown beside the grid) for that learner's
 * choice breadth.
 */
TrellisPrintout *
_trellis_playlist_window_new_choice_board (TrellisPlaylistWindow  *self,
                                           GError                **error)
{
  TrellisLearner *learner = NULL;

  if (g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack), "progress") == 0)
    learner = trellis_progress_grid_get_shown_learner (self->progress_grid);

  return trellis_printout_new_choice_board (self->classroom, self->playlist, learner, error);
}

/* Print Choice Board…: GTK's print dialog. */
static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  TrellisPlaylistWindow *self = TRELLIS_PLAYLIST_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  TrellisPrintout *printout;

  if (self->playlist == NULL)
    return;

  printout = _trellis_playlist_window_new_choice_board (self, &error);
  if (printout == NULL)
    {
      show_error (self, error);
      return;
    }

  trellis_print_dialog_run (GTK_WINDOW (self), printout);
}

/* Export… in the playlist's menu: the export dialog with this playlist chosen. */
static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TrellisPlaylistWindow *self = TRELLIS_PLAYLIST_WINDOW (widget);
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  TrellisExportDialog *dialog;

  if (self->playlist == NULL || !TRELLIS_IS_WINDOW (parent))
    return;

  dialog = trellis_export_dialog_new (TRELLIS_WINDOW (parent));
  _trellis_export_dialog_set_playlist (dialog, self->playlist);
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (self));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Skills: the skills an item shows, and the classroom's skill list */

/* The codes of the skills the selected item shows, as the row's subtitle. */
static void
load_skills_row (TrellisPlaylistWindow *self)
{
  g_autoptr(GPtrArray) skills = NULL;
  g_autoptr(GString) codes = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *escaped = NULL;

  if (self->node == NULL)
    return;

  gtk_widget_set_visible (GTK_WIDGET (self->skills_row),
                          trellis_node_get_kind (self->node) != TRELLIS_NODE_KIND_CHOICE);

  skills = trellis_classroom_dup_node_skills (self->classroom, self->node, &error);
  if (skills == NULL)
    {
      show_error (self, error);
      return;
    }

  for (guint i = 0; i < skills->len; i++)
    g_string_append_printf (codes, "%s%s", i > 0 ? ", " : "",
                            trellis_skill_get_code (g_ptr_array_index (skills, i)));
  if (codes->len == 0)
    g_string_append (codes, g_list_model_get_n_items (trellis_classroom_get_skills (self->classroom)) > 0
                            ? _("None chosen")
                            : _("No skills in this classroom yet: add them with Skills… (Ctrl+K)"));

  escaped = g_markup_escape_text (codes->str, -1);
  adw_action_row_set_subtitle (self->skills_row, escaped);
}

static void
populate_node_skills_cb (GtkMenuButton *button,
                         gpointer       user_data)
{
  TrellisPlaylistWindow *self = user_data;
  g_autoptr(GPtrArray) skills = NULL;

  if (self->node == NULL)
    return;

  skills = trellis_classroom_dup_node_skills (self->classroom, self->node, NULL);
  trellis_skill_picker_populate (self->skills_picker, trellis_classroom_get_skills (self->classroom),
                                 NULL, skills, NULL);
}

static void
on_node_skills_changed_cb (TrellisSkillPicker    *picker,
                           TrellisPlaylistWindow *self)
{
  g_autoptr(GPtrArray) selected = trellis_skill_picker_dup_selected (picker);
  g_autoptr(GError) error = NULL;

  if (self->loading || self->node == NULL)
    return;

  if (!trellis_classroom_set_node_skills (self->classroom, self->node, selected, &error))
    {
      show_error (self, error);
      populate_node_skills_cb (self->skills_button, self);
    }
  load_skills_row (self);
}

static void
skills_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TrellisPlaylistWindow *self = TRELLIS_PLAYLIST_WINDOW (widget);

  /* One Skills window at a time; it closes with the builder. */
  if (self->skills_window == NULL)
    {
      self->skills_window = GTK_WINDOW (trellis_skills_window_new (GTK_WINDOW (self), self->classroom));
      g_object_add_weak_pointer (G_OBJECT (self->skills_window), (gpointer *) &self->skills_window);
      /* Codes may have changed: show them again when the teacher is back. */
      g_signal_connect_object (self->skills_window, "destroy", G_CALLBACK (load_skills_row), self,
                               G_CONNECT_SWAPPED);
    }
  gtk_window_present (self->skills_window);
}

/* Pacing */

/* The timeline follows the playlist, only while it shows. */
static void
update_pacing (TrellisPlaylistWindow *self)
{
  if (self->show_pacing && self->classroom != NULL)
    trellis_pacing_timeline_update (self->pacing_timeline, self->classroom, self->playlist);
}

static void
set_show_pacing (TrellisPlaylistWindow *self,
                 gboolean               show)
{
  show = !!show;
  if (self->show_pacing == show)
    return;

  self->show_pacing = show;
  update_pacing (self);
  gtk_revealer_set_reveal_child (self->pacing_revealer, show);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_PACING]);
}

/* The class minutes per week changed in the preferences. */
static void
on_class_minutes_changed_cb (TrellisPlaylistWindow *self)
{
  update_pacing (self);
}

/* The Progress view */

/* The grid follows the playlist selected on the left. */
static void
update_progress_view (TrellisPlaylistWindow *self)
{
  trellis_progress_grid_set_playlist (self->progress_grid, self->playlist);
}

static void
setup_progress_view (TrellisPlaylistWindow *self)
{
  trellis_progress_grid_set_classroom (self->progress_grid, self->classroom);
  update_progress_view (self);
}

static void
show_view_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  TrellisPlaylistWindow *self = TRELLIS_PLAYLIST_WINDOW (widget);

  adw_view_stack_set_visible_child_name (self->view_stack,
                                         g_str_equal (action_name, "builder.show-progress") ? "progress" : "build");
}

/* Overrides */

static void
trellis_playlist_window_constructed (GObject *object)
{
  TrellisPlaylistWindow *self = TRELLIS_PLAYLIST_WINDOW (object);
  GListModel *playlists;

  G_OBJECT_CLASS (trellis_playlist_window_parent_class)->constructed (object);

  g_assert (TRELLIS_IS_CLASSROOM (self->classroom));

  playlists = trellis_classroom_get_playlists (self->classroom);
  gtk_list_box_bind_model (self->playlist_list, playlists, create_playlist_row_cb, NULL, NULL);
  gtk_menu_button_set_create_popup_func (self->skills_button, populate_node_skills_cb, self, NULL);
  g_signal_connect_object (playlists, "items-changed", G_CALLBACK (on_playlists_changed_cb), self, G_CONNECT_AFTER);
  g_signal_connect_object (self->classroom, "preferences-changed::class-minutes-per-week",
                           G_CALLBACK (on_class_minutes_changed_cb), self, G_CONNECT_SWAPPED);
  if (g_list_model_get_n_items (playlists) > 0)
    gtk_list_box_select_row (self->playlist_list, gtk_list_box_get_row_at_index (self->playlist_list, 0));

  load_editor (self);
  setup_progress_view (self);
}

static void
trellis_playlist_window_dispose (GObject *object)
{
  TrellisPlaylistWindow *self = TRELLIS_PLAYLIST_WINDOW (object);

  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  if (self->skills_window != NULL)
    {
      GtkWindow *skills = self->skills_window;

      g_object_remove_weak_pointer (G_OBJECT (skills), (gpointer *) &self->skills_window);
      self->skills_window = NULL;
      gtk_window_destroy (skills);
    }
  if (self->watched != NULL)
    unwatch_all (self);
  if (self->chooser != NULL)
    {
      gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
      g_clear_object (&self->chooser);
    }
  if (self->playlist_list != NULL)
    gtk_list_box_bind_model (self->playlist_list, NULL, NULL, NULL, NULL);
  g_clear_object (&self->playlist);
  g_clear_object (&self->node);
  g_clear_pointer (&self->deleted, trellis_node_snapshot_free);
  g_clear_object (&self->undo_toast);

  gtk_widget_dispose_template (GTK_WIDGET (self), TRELLIS_TYPE_PLAYLIST_WINDOW);

  G_OBJECT_CLASS (trellis_playlist_window_parent_class)->dispose (object);
}

static void
trellis_playlist_window_finalize (GObject *object)
{
  TrellisPlaylistWindow *self = TRELLIS_PLAYLIST_WINDOW (object);

  g_clear_pointer (&self->watched, g_ptr_array_unref);
  g_clear_object (&self->classroom);

  G_OBJECT_CLASS (trellis_playlist_window_parent_class)->finalize (object);
}

static void
trellis_playlist_window_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  TrellisPlaylistWindow *self = TRELLIS_PLAYLIST_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CLASSROOM:
      g_value_set_object (value, self->classroom);
      break;

    case PROP_SHOW_PACING:
      g_value_set_boolean (value, self->show_pacing);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trellis_playlist_window_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  TrellisPlaylistWindow *self = TRELLIS_PLAYLIST_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CLASSROOM:
      self->classroom = g_value_dup_object (value);
      break;

    case PROP_SHOW_PACING:
      set_show_pacing (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trellis_playlist_window_class_init (TrellisPlaylistWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = trellis_playlist_window_constructed;
  object_class->dispose = trellis_playlist_window_dispose;
  object_class->finalize = trellis_playlist_window_finalize;
  object_class->get_property = trellis_playlist_window_get_property;
  object_class->set_property = trellis_playlist_window_set_property;

  properties[PROP_CLASSROOM] =
    g_param_spec_object ("classroom", NULL, NULL,
                         TRELLIS_TYPE_CLASSROOM,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_SHOW_PACING] =
    g_param_spec_boolean ("show-pacing", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (TRELLIS_TYPE_SKILL_PICKER);
  g_type_ensure (TRELLIS_TYPE_PROGRESS_GRID);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/trellis/Trellis/trellis-playlist-window.ui");
  gtk_widget_class_bind_template_child (widget_class, TrellisPlaylistWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, TrellisPlaylistWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, TrellisPlaylistWindow, playlist_list);
  gtk_widget_class_bind_template_child (widget_class, TrellisPlaylistWindow, node_list);
  gtk_widget_class_bind_template_child (widget_class, TrellisPlaylistWindow, playlist_title_row);
  gtk_widget_class_bind_template_child (widget_class, TrellisPlaylistWindow, playlist_description_row);
  gtk_widget_class_bind_template_child (widget_class, TrellisPlaylistWindow, playlist_starts_row);
  gtk_widget_class_bind_template_child (widget_class, TrellisPlaylistWindow, playlist_ends_row);
  gtk_widget_class_bind_template_child (widget_class, TrellisPlaylistWindow, empty_page);
  gtk_widget_class_bind_template_child (widget_class, TrellisPlaylistWindow, editor_group);
  gtk_widget_class_bind_template_child (widget_class, TrellisPlaylistWindow, title_row);
  gtk_widget_class_bind_template_child (widget_class, TrellisPlaylistWindow, instructions_row);
  gtk_widget_class_bind_template_child (widget_class, TrellisPlaylistWindow, url_row);
  gtk_widget_class_bind_template_child (widget_class, TrellisPlaylistWindow, must_show_row);
  gtk_widget_class_bind_template_child (widget_class, TrellisPlaylistWindow, date_row);
  gtk_widget_class_bind_template_child (widget_class, TrellisPlaylistWindow, formats_row);
  gtk_widget_class_bind_template_child (widget_class, TrellisPlaylistWindow, minutes_row);
  gtk_widget_class_bind_template_child (widget_class, TrellisPlaylistWindow, minutes_spin);
  gtk_widget_class_bind_template_child (widget_class, TrellisPlaylistWindow, social_row);
  gtk_widget_class_bind_template_child (widget_class, TrellisPlaylistWindow, starter_row);
  gtk_widget_class_bind_template_child (widget_class, TrellisPlaylistWindow, starter_switch);
  gtk_widget_class_bind_template_child (widget_class, TrellisPlaylistWindow, challenge_row);
  gtk_widget_class_bind_template_child (widget_class, TrellisPlaylistWindow, challenge_switch);
  gtk_widget_class_bind_template_child (widget_class, TrellisPlaylistWindow, skills_row);
  gtk_widget_class_bind_template_child (widget_class, TrellisPlaylistWindow, skills_button);
  gtk_widget_class_bind_template_child (widget_class, TrellisPlaylistWindow, skills_picker);
  gtk_widget_class_bind_template_child (widget_class, TrellisPlaylistWindow, choice_group);
  gtk_widget_class_bind_template_child (widget_class, TrellisPlaylistWindow, min_spin);
  gtk_widget_class_bind_template_child (widget_class, TrellisPlaylistWindow, max_spin);
  gtk_widget_class_bind_template_child (widget_class, TrellisPlaylistWindow, breadth_label);
  gtk_widget_class_bind_template_child (widget_class, TrellisPlaylistWindow, pacing_revealer);
  gtk_widget_class_bind_template_child (widget_class, TrellisPlaylistWindow, pacing_timeline);
  gtk_widget_class_bind_template_child (widget_class, TrellisPlaylistWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, TrellisPlaylistWindow, progress_grid);
  gtk_widget_class_bind_template_callback (widget_class, on_playlist_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_node_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_playlist_title_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_playlist_details_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_field_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_formats_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_minutes_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_social_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_flag_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_bounds_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_node_skills_changed_cb);

  gtk_widget_class_install_action (widget_class, "builder.add-playlist", NULL, add_playlist_action);
  gtk_widget_class_install_action (widget_class, "builder.duplicate-playlist", NULL, duplicate_playlist_action);
  gtk_widget_class_install_action (widget_class, "builder.delete-playlist", NULL, delete_playlist_action);
  gtk_widget_class_install_action (widget_class, "builder.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "builder.export-pdf", NULL, export_pdf_action);
  gtk_widget_class_install_action (widget_class, "builder.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "builder.add-activity", NULL, add_activity_action);
  gtk_widget_class_install_action (widget_class, "builder.add-choice", NULL, add_choice_action);
  gtk_widget_class_install_action (widget_class, "builder.add-milestone", NULL, add_milestone_action);
  gtk_widget_class_install_action (widget_class, "builder.move-up", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "builder.move-down", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "builder.duplicate-node", NULL, duplicate_node_action);
  gtk_widget_class_install_action (widget_class, "builder.group-node", NULL, group_node_action);
  gtk_widget_class_install_action (widget_class, "builder.ungroup-node", NULL, ungroup_node_action);
  gtk_widget_class_install_action (widget_class, "builder.delete-node", NULL, delete_node_action);
  gtk_widget_class_install_action (widget_class, "builder.skills", NULL, skills_action);
  gtk_widget_class_install_property_action (widget_class, "builder.show-pacing", "show-pacing");
  gtk_widget_class_install_action (widget_class, "builder.undo-delete", NULL, undo_delete_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK, "builder.move-up", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK, "builder.move-down", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "builder.delete-node", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "builder.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_k, GDK_CONTROL_MASK, "builder.skills", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_t, GDK_CONTROL_MASK, "builder.show-pacing", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "builder.undo-delete", NULL);

  g_type_ensure (TRELLIS_TYPE_PACING_TIMELINE);
  gtk_widget_class_install_action (widget_class, "builder.show-build", NULL, show_view_action);
  gtk_widget_class_install_action (widget_class, "builder.show-progress", NULL, show_view_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_ALT_MASK, "builder.show-build", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_ALT_MASK, "builder.show-progress", NULL);
}

static void
trellis_playlist_window_init (TrellisPlaylistWindow *self)
{
  self->watched = g_ptr_array_new_with_free_func (g_object_unref);

  gtk_widget_init_template (GTK_WIDGET (self));
  _trellis_playlist_window_setup_dnd (self);
}

/* Public API */

TrellisPlaylistWindow *
trellis_playlist_window_new (GtkWindow        *parent,
                             TrellisClassroom *classroom)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (TRELLIS_IS_CLASSROOM (classroom), NULL);

  return g_object_new (TRELLIS_TYPE_PLAYLIST_WINDOW,
                       "transient-for", parent,
                       "application", parent != NULL ? gtk_window_get_application (parent) : NULL,
                       "classroom", classroom,
                       NULL);
}

TrellisClassroom *
trellis_playlist_window_get_classroom (TrellisPlaylistWindow *self)
{
  g_return_val_if_fail (TRELLIS_IS_PLAYLIST_WINDOW (self), NULL);

  return self->classroom;
}

TrellisPlaylist *
trellis_playlist_window_get_playlist (TrellisPlaylistWindow *self)
{
  g_return_val_if_fail (TRELLIS_IS_PLAYLIST_WINDOW (self), NULL);

  return self->playlist;
}

void
trellis_playlist_window_select_playlist (TrellisPlaylistWindow *self,
                                         TrellisPlaylist       *playlist)
{
  guint position;

  g_return_if_fail (TRELLIS_IS_PLAYLIST_WINDOW (self));
  g_return_if_fail (playlist == NULL || TRELLIS_IS_PLAYLIST (playlist));

  if (playlist != NULL &&
      g_list_store_find (G_LIST_STORE (trellis_classroom_get_playlists (self->classroom)), playlist, &position))
    gtk_list_box_select_row (self->playlist_list, gtk_list_box_get_row_at_index (self->playlist_list, (int)position));
  else
    gtk_list_box_unselect_all (self->playlist_list);
}

TrellisNode *
trellis_playlist_window_get_node (TrellisPlaylistWindow *self)
{
  g_return_val_if_fail (TRELLIS_IS_PLAYLIST_WINDOW (self), NULL);

  return self->node;
}

void
trellis_playlist_window_select_node (TrellisPlaylistWindow *self,
                                     TrellisNode           *node)
{
  g_return_if_fail (TRELLIS_IS_PLAYLIST_WINDOW (self));
  g_return_if_fail (node == NULL || TRELLIS_IS_NODE (node));

  if (self->rebuild_id != 0)
    rebuild_nodes (self);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->node_list));
       child != NULL && node != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LIST_BOX_ROW (child) && g_object_get_data (G_OBJECT (child), "trellis-node") == node)
        {
          gtk_list_box_select_row (self->node_list, GTK_LIST_BOX_ROW (child));
          return;
        }
    }

  gtk_list_box_unselect_all (self->node_list);
  if (self->node != NULL)
    {
      g_clear_object (&self->node);
      load_editor (self);
    }
}

AdwEntryRow *
_trellis_playlist_window_get_title_row (TrellisPlaylistWindow *self)
{
  return self->title_row;
}

AdwEntryRow *
_trellis_playlist_window_get_date_row (TrellisPlaylistWindow *self)
{
  return self->date_row;
}

GtkSpinButton *
_trellis_playlist_window_get_min_spin (TrellisPlaylistWindow *self)
{
  return self->min_spin;
}

GtkSpinButton *
_trellis_playlist_window_get_max_spin (TrellisPlaylistWindow *self)
{
  return self->max_spin;
}

GtkLabel *
_trellis_playlist_window_get_breadth_label (TrellisPlaylistWindow *self)
{
  return self->breadth_label;
}

GtkListBox *
_trellis_playlist_window_get_node_list (TrellisPlaylistWindow *self)
{
  return self->node_list;
}

AdwActionRow *
_trellis_playlist_window_get_skills_row (TrellisPlaylistWindow *self)
{
  return self->skills_row;
}

GtkMenuButton *
_trellis_playlist_window_get_skills_button (TrellisPlaylistWindow *self)
{
  return self->skills_button;
}

TrellisPacingTimeline *
_trellis_playlist_window_get_pacing_timeline (TrellisPlaylistWindow *self)
{
  return self->pacing_timeline;
}

GtkSpinButton *
_trellis_playlist_window_get_minutes_spin (TrellisPlaylistWindow *self)
{
  return self->minutes_spin;
}

AdwToast *
_trellis_playlist_window_get_undo_toast (TrellisPlaylistWindow *self)
{
  return self->undo_toast;
}

void
_trellis_playlist_window_show_error (TrellisPlaylistWindow *self,
                                     const GError          *error)
{
  show_error (self, error);
}

/**
 * trellis_playlist_window_show_progress:
 * @learner: (nullable): a learner whose choices to show beside the grid
 *
 * Shows the Progress view of the selected playlist.
 */
void
trellis_playlist_window_show_progress (TrellisPlaylistWindow *self,
                                       TrellisLearner        *learner)
{
  g_return_if_fail (TRELLIS_IS_PLAYLIST_WINDOW (self));
  g_return_if_fail (learner == NULL || TRELLIS_IS_LEARNER (learner));

  adw_view_stack_set_visible_child_name (self->view_stack, "progress");
  if (learner != NULL)
    trellis_progress_grid_show_learner (self->progress_grid, learner);
}

TrellisProgressGrid *
_trellis_playlist_window_get_progress_grid (TrellisPlaylistWindow *self)
{
  return self->progress_grid;
}

AdwViewStack *
_trellis_playlist_window_get_view_stack (TrellisPlaylistWindow *self)
{
  return self->view_stack;
}

AdwEntryRow *
_trellis_playlist_window_get_unit_ends_row (TrellisPlaylistWindow *self)
{
  return self->playlist_ends_row;
}

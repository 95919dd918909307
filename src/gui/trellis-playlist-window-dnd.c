/* trellis-playlist-window-dnd.c
 *
 * Copyright 2026 The Trellis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trellis-playlist-window"

#include "config.h"

#include <glib/gi18n.h>

#include "trellis-playlist-window-private.h"

/*
 * Reordering the builder's items by drag and drop.  The item list is one
 * GtkListBox: the playlist's nodes, each choice group followed by its
 * options.  A row is dragged as its TrellisNode; while it moves, the row
 * under the pointer shows where it would land: a line above or below it,
 * or (over the middle of a choice group) the group highlighted, to drop
 * into it.  Dropping moves the node through the classroom's move API, as
 * Alt+Up/Down and the item menu do: within its list, or into, out of or
 * between choice groups.  Only activities go into a choice group; any
 * other node dropped on an option lands before or after its group.
 */

#define DROP_CLASS_BEFORE "drop-before"
#define DROP_CLASS_AFTER "drop-after"
#define DROP_CLASS_INTO "drop-into"

static TrellisNode *
row_node (GtkListBoxRow *row)
{
  return row != NULL ? g_object_get_data (G_OBJECT (row), "trellis-node") : NULL;
}

/* The node's place in @model, or -1. */
static int
index_in (GListModel  *model,
          TrellisNode *node)
{
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TrellisNode) item = g_list_model_get_item (model, i);

      if (item == node)
        return (int)i;
    }

  return -1;
}

/* The choice group of @node in @top, or NULL for a top-level node. */
static TrellisNode *
group_of (GListModel  *top,
          TrellisNode *node)
{
  guint n = g_list_model_get_n_items (top);

  if (trellis_node_get_parent_id (node) == 0)
    return NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TrellisNode) item = g_list_model_get_item (top, i);

      if (trellis_node_get_id (item) == trellis_node_get_parent_id (node))
        return item;
    }

  return NULL;
}

/* Where the pointer at @y (in @row) drops: a choice group's middle is “into”. */
static TrellisDropPlace
place_at (GtkListBoxRow *row,
          double         y)
{
  TrellisNode *node = row_node (row);
  double height = MAX (gtk_widget_get_height (GTK_WIDGET (row)), 1);

  if (node != NULL && trellis_node_get_kind (node) == TRELLIS_NODE_KIND_CHOICE &&
      y > height * 0.3 && y < height * 0.7)
    return TRELLIS_DROP_INTO;

  return y < height / 2 ? TRELLIS_DROP_BEFORE : TRELLIS_DROP_AFTER;
}

/* The row under the list's @y, and the place in it. */
static GtkListBoxRow *
row_at (GtkListBox       *list,
        double            y,
        TrellisDropPlace *place)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_y (list, (int)y);
  graphene_point_t point;

  if (row == NULL)
    {
      *place = TRELLIS_DROP_AFTER;
      return NULL;
    }

  if (!gtk_widget_compute_point (GTK_WIDGET (list), GTK_WIDGET (row), &GRAPHENE_POINT_INIT (0, (float)y), &point))
    point.y = 0;
  *place = place_at (row, point.y);

  return row;
}

static void
clear_indicator (GtkListBox *list)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      gtk_widget_remove_css_class (child, DROP_CLASS_BEFORE);
      gtk_widget_remove_css_class (child, DROP_CLASS_AFTER);
      gtk_widget_remove_css_class (child, DROP_CLASS_INTO);
    }
}

/*
 * The row of the choice group @group_id (@last FALSE) or of its last
 * option (@last TRUE; the group's row if it has none).
 */
static GtkListBoxRow *
group_edge_row (GtkListBox *list,
                gint64      group_id,
                gboolean    last)
{
  GtkListBoxRow *found = NULL;
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (list, i)) != NULL; i++)
    {
      TrellisNode *node = row_node (row);

      if (node == NULL)
        continue;
      if (trellis_node_get_id (node) == group_id)
        {
          found = row;
          if (!last)
            break;
        }
      else if (last && trellis_node_get_parent_id (node) == group_id)
        found = row;
    }

  return found;
}

/* Callbacks */

static GdkContentProvider *
on_drag_prepare_cb (GtkDragSource *source,
                    double         x,
                    double         y,
                    GtkListBox    *list)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_y (list, (int)y);
  TrellisNode *node = row_node (row);
  g_autoptr(GdkPaintable) icon = NULL;
  graphene_point_t point;

  if (node == NULL)
    return NULL;

  icon = gtk_widget_paintable_new (GTK_WIDGET (row));
  if (!gtk_widget_compute_point (GTK_WIDGET (list), GTK_WIDGET (row), &GRAPHENE_POINT_INIT ((float)x, (float)y), &point))
    point.x = point.y = 0;
  gtk_drag_source_set_icon (source, icon, (int)point.x, (int)point.y);

  return gdk_content_provider_new_typed (TRELLIS_TYPE_NODE, node);
}

static GdkDragAction
on_drop_motion_cb (GtkDropTarget *target,
                   double         x,
                   double         y,
                   GtkListBox    *list)
{
  const GValue *value = gtk_drop_target_get_value (target);
  TrellisNode *dragged = value != NULL && G_VALUE_HOLDS (value, TRELLIS_TYPE_NODE) ? g_value_get_object (value) : NULL;
  TrellisDropPlace place;
  GtkListBoxRow *row = row_at (list, y, &place);

  /* Only activities go into a group; anything else lands after it. */
  if (place == TRELLIS_DROP_INTO && dragged != NULL &&
      trellis_node_get_kind (dragged) != TRELLIS_NODE_KIND_ACTIVITY)
    place = TRELLIS_DROP_AFTER;

  /* Anything but an activity lands beside a group, never among its options. */
  if (row != NULL && dragged != NULL && trellis_node_get_kind (dragged) != TRELLIS_NODE_KIND_ACTIVITY)
    {
      TrellisNode *over = row_node (row);
      gint64 group_id = 0;

      if (over != NULL && trellis_node_get_parent_id (over) != 0)
        group_id = trellis_node_get_parent_id (over);
      else if (over != NULL && trellis_node_get_kind (over) == TRELLIS_NODE_KIND_CHOICE &&
               place == TRELLIS_DROP_AFTER)
        group_id = trellis_node_get_id (over);

      if (group_id != 0)
        row = group_edge_row (list, group_id, place != TRELLIS_DROP_BEFORE);
    }

  clear_indicator (list);
  if (row == NULL)
    {
      /* Below the last row: the end of the playlist. */
      GtkListBoxRow *last = gtk_list_box_get_row_at_index (list, 0);

      for (int i = 1; gtk_list_box_get_row_at_index (list, i) != NULL; i++)
        last = gtk_list_box_get_row_at_index (list, i);
      if (last != NULL)
        gtk_widget_add_css_class (GTK_WIDGET (last), DROP_CLASS_AFTER);
      return GDK_ACTION_MOVE;
    }

  gtk_widget_add_css_class (GTK_WIDGET (row),
                            place == TRELLIS_DROP_INTO ? DROP_CLASS_INTO :
                            place == TRELLIS_DROP_BEFORE ? DROP_CLASS_BEFORE : DROP_CLASS_AFTER);
  return GDK_ACTION_MOVE;
}

static void
on_drop_leave_cb (GtkDropTarget *target,
                  GtkListBox    *list)
{
  clear_indicator (list);
}

static gboolean
on_drop_cb (GtkDropTarget         *target,
            const GValue          *value,
            double                 x,
            double                 y,
            TrellisPlaylistWindow *self)
{
  GtkListBox *list = _trellis_playlist_window_get_node_list (self);
  g_autoptr(GError) error = NULL;
  TrellisDropPlace place;
  GtkListBoxRow *row = row_at (list, y, &place);

  clear_indicator (list);
  if (!_trellis_playlist_window_drop_value (self, value, row != NULL ? gtk_list_box_row_get_index (row) : -1,
                                            place, &error))
    {
      _trellis_playlist_window_show_error (self, error);
      return FALSE;
    }

  return TRUE;
}

/* Private API */

/* Makes the item list's rows draggable and the list a drop target. */
void
_trellis_playlist_window_setup_dnd (TrellisPlaylistWindow *self)
{
  GtkListBox *list = _trellis_playlist_window_get_node_list (self);
  GtkDragSource *source = gtk_drag_source_new ();
  GtkDropTarget *target = gtk_drop_target_new (TRELLIS_TYPE_NODE, GDK_ACTION_MOVE);

  gtk_drag_source_set_actions (source, GDK_ACTION_MOVE);
  /* The motion handler looks at what is dragged. */
  gtk_drop_target_set_preload (target, TRUE);
  g_signal_connect (source, "prepare", G_CALLBACK (on_drag_prepare_cb), list);
  gtk_widget_add_controller (GTK_WIDGET (list), GTK_EVENT_CONTROLLER (source));

  g_signal_connect (target, "motion", G_CALLBACK (on_drop_motion_cb), list);
  g_signal_connect (target, "enter", G_CALLBACK (on_drop_motion_cb), list);
  g_signal_connect (target, "leave", G_CALLBACK (on_drop_leave_cb), list);
  g_signal_connect (target, "drop", G_CALLBACK (on_drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (list), GTK_EVENT_CONTROLLER (target));
}

/**
 * _trellis_playlist_window_drop_value:
 * @value: what was dropped: a #TrellisNode of the shown playlist
 * @row_index: the item list's row it was dropped on, or -1 below the rows
 * @place: before, after or into that row
 *
 * Moves the dropped node where the drop says, through the classroom.
 * The drop handler's work, apart from finding the row and the place under
 * the pointer.
 *
 * Returns: %FALSE with @error if the move was refused
 */
gboolean
_trellis_playlist_window_drop_value (TrellisPlaylistWindow  *self,
                                     const GValue           *value,
                                     int                     row_index,
                                     TrellisDropPlace        place,
                                     GError                **error)
{
  TrellisClassroom *classroom = trellis_playlist_window_get_classroom (self);
  TrellisPlaylist *playlist = trellis_playlist_window_get_playlist (self);
  GtkListBox *list = _trellis_playlist_window_get_node_list (self);
  TrellisNode *dragged, *target, *target_group, *parent = NULL;
  GListModel *top, *destination;
  gboolean is_activity;
  gboolean moved;
  int slot;

  if (playlist == NULL || value == NULL || !G_VALUE_HOLDS (value, TRELLIS_TYPE_NODE) ||
      (dragged = g_value_get_object (value)) == NULL ||
      trellis_node_get_playlist_id (dragged) != trellis_playlist_get_id (playlist))
    {
      g_set_error_literal (error, TRELLIS_CLASSROOM_ERROR, TRELLIS_CLASSROOM_ERROR_INVALID,
                           _("Only items of this playlist can be dropped here"));
      return FALSE;
    }

  top = trellis_classroom_get_nodes (classroom, playlist, NULL);
  is_activity = trellis_node_get_kind (dragged) == TRELLIS_NODE_KIND_ACTIVITY;
  target = row_index >= 0 ? row_node (gtk_list_box_get_row_at_index (list, row_index)) : NULL;

  if (target == dragged)
    return TRUE;

  if (target == NULL)
    {
      /* Below the rows: the end of the playlist. */
      slot = (int)g_list_model_get_n_items (top);
    }
  else if ((target_group = group_of (top, target)) != NULL)
    {
      /* On an option: beside it in its group, or beside the group. */
      if (is_activity)
        {
          parent = target_group;
          slot = index_in (trellis_classroom_get_nodes (classroom, playlist, parent), target);
        }
      else
        slot = index_in (top, target_group);
      slot += place != TRELLIS_DROP_BEFORE;
    }
  else if (trellis_node_get_kind (target) == TRELLIS_NODE_KIND_CHOICE && is_activity &&
           (place == TRELLIS_DROP_INTO ||
            (place == TRELLIS_DROP_AFTER &&
             g_list_model_get_n_items (trellis_classroom_get_nodes (classroom, playlist, target)) > 0)))
    {
      /* Into a group: its end, or (just below its row) its first place. */
      parent = target;
      slot = place == TRELLIS_DROP_INTO ?
             (int)g_list_model_get_n_items (trellis_classroom_get_nodes (classroom, playlist, target)) : 0;
    }
  else
    {
      slot = index_in (top, target) + (place != TRELLIS_DROP_BEFORE);
    }

  destination = trellis_classroom_get_nodes (classroom, playlist, parent);
  if (slot < 0)
    slot = (int)g_list_model_get_n_items (destination);

  if (trellis_node_get_parent_id (dragged) == (parent != NULL ? trellis_node_get_id (parent) : 0))
    {
      /* Within its own list: the slot counts the node itself. */
      int current = index_in (destination, dragged);

      if (current >= 0 && slot > current)
        slot--;
      if (slot == current)
        return TRUE;
      moved = trellis_classroom_move_node (classroom, dragged, slot, error);
    }
  else
    moved = trellis_classroom_move_node_to_parent (classroom, dragged, parent, slot, error);

  if (moved)
    trellis_playlist_window_select_node (self, dragged);

  return moved;
}

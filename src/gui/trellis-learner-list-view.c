/* trellis-learner-list-view.c
 *
 * Copyright 2026 The Trellis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "trellis-learner-list-view-private.h"
#include "trellis-learner-row.h"

/*
 * TrellisLearnerListView: the sidebar's learner list, with a search entry.
 *
 * The classroom's learner model (sorted by the core) is filtered here,
 * UI-side, with a GtkFilterListModel; the list box is bound to the filtered
 * model, so adding, renaming or deleting a learner changes one row.  The
 * actions on the selected learner (win.rename-learner, win.delete-learner)
 * belong to the window; this widget only knows which learner is selected.
 */
struct _TrellisLearnerListView
{
  GtkWidget           parent_instance;

  GListModel         *learners;
  GtkFilterListModel *filter_model;
  GtkCustomFilter    *filter;
  char               *search_text;

  GtkPopover         *context_menu;

  GtkSearchEntry     *search_entry;
  GtkStack           *stack;
  GtkListBox         *list_box;
  GMenuModel         *context_menu_model;
};

G_DEFINE_FINAL_TYPE (TrellisLearnerListView, trellis_learner_list_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_LEARNERS,
  PROP_SELECTED_LEARNER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
fold (const char *text)
{
  g_autofree char *normalized = NULL;

  if (text == NULL)
    return g_strdup ("");

  normalized = g_utf8_normalize (text, -1, G_NORMALIZE_ALL);
  return g_utf8_casefold (normalized, -1);
}

static gboolean
matches (const char *search,
         const char *text)
{
  g_autofree char *folded = NULL;

  if (text == NULL)
    return FALSE;

  folded = fold (text);
  if (strstr (folded, search) != NULL)
    return TRUE;

  /* Word prefixes, ignoring accents ("jose" finds "José"). */
  return g_str_match_string (search, text, TRUE);
}

static gboolean
filter_learner (gpointer item,
                gpointer user_data)
{
  TrellisLearnerListView *self = user_data;
  TrellisLearner *learner = item;

  if (self->search_text == NULL || self->search_text[0] == '\0')
    return TRUE;

  return matches (self->search_text, trellis_learner_get_display_name (learner)) ||
         matches (self->search_text, trellis_learner_get_name (learner));
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  return trellis_learner_row_new (TRELLIS_LEARNER (item));
}

static void
update_state (TrellisLearnerListView *self)
{
  const char *page = "list";

  if (self->learners == NULL || g_list_model_get_n_items (self->learners) == 0)
    page = "empty";
  else if (g_list_model_get_n_items (G_LIST_MODEL (self->filter_model)) == 0)
    page = "no-results";

  gtk_stack_set_visible_child_name (self->stack, page);
}

static void
on_filter_items_changed_cb (TrellisLearnerListView *self)
{
  update_state (self);
}

static void
on_search_changed_cb (TrellisLearnerListView *self)
{
  g_autofree char *text = fold (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  GtkFilterChange change = GTK_FILTER_CHANGE_DIFFERENT;

  g_strstrip (text);

  if (g_strcmp0 (text, self->search_text) == 0)
    return;

  /* Let the filter model refilter only what can change. */
  if (self->search_text == NULL || self->search_text[0] == '\0')
    change = GTK_FILTER_CHANGE_MORE_STRICT;
  else if (g_str_has_prefix (text, self->search_text))
    change = GTK_FILTER_CHANGE_MORE_STRICT;
  else if (g_str_has_prefix (self->search_text, text))
    change = GTK_FILTER_CHANGE_LESS_STRICT;

  g_free (self->search_text);
  self->search_text = g_steal_pointer (&text);

  gtk_filter_changed (GTK_FILTER (self->filter), change);
}

static void
on_stop_search_cb (TrellisLearnerListView *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

static void
on_search_activate_cb (TrellisLearnerListView *self)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->list_box, 0);

  if (row == NULL)
    return;

  gtk_list_box_select_row (self->list_box, row);
  gtk_widget_grab_focus (GTK_WIDGET (row));
}

static void
on_row_selected_cb (TrellisLearnerListView *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_LEARNER]);
}

static void
popup_context_menu (TrellisLearnerListView *self,
                    double                  x,
                    double                  y)
{
  GtkListBoxRow *row;
  graphene_point_t point;

  row = gtk_list_box_get_row_at_y (self->list_box, (int) y);
  if (row == NULL)
    return;

  gtk_list_box_select_row (self->list_box, row);

  if (!gtk_widget_compute_point (GTK_WIDGET (self->list_box), GTK_WIDGET (self),
                                 &GRAPHENE_POINT_INIT (x, y), &point))
    return;

  gtk_popover_set_pointing_to (self->context_menu,
                               &(GdkRectangle) { (int) point.x, (int) point.y, 1, 1 });
  gtk_popover_popup (self->context_menu);
}

static void
on_list_box_secondary_pressed_cb (TrellisLearnerListView *self,
                                  int                     n_press,
                                  double                  x,
                                  double                  y)
{
  popup_context_menu (self, x, y);
}

static void
on_list_box_long_pressed_cb (TrellisLearnerListView *self,
                             double                  x,
                             double                  y)
{
  popup_context_menu (self, x, y);
}

static void
context_menu_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  TrellisLearnerListView *self = TRELLIS_LEARNER_LIST_VIEW (widget);
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->list_box);
  graphene_rect_t bounds;

  if (row == NULL)
    return;

  if (!gtk_widget_compute_bounds (GTK_WIDGET (row), widget, &bounds))
    return;

  gtk_popover_set_pointing_to (self->context_menu,
                               &(GdkRectangle) {
                                 (int) bounds.origin.x,
                                 (int) bounds.origin.y,
                                 (int) bounds.size.width,
                                 (int) bounds.size.height,
                               });
  gtk_popover_popup (self->context_menu);
}

static void
trellis_learner_list_view_size_allocate (GtkWidget *widget,
                                         int        width,
                                         int        height,
                                         int        baseline)
{
  TrellisLearnerListView *self = TRELLIS_LEARNER_LIST_VIEW (widget);

  GTK_WIDGET_CLASS (trellis_learner_list_view_parent_class)->size_allocate (widget, width, height, baseline);

  if (self->context_menu != NULL)
    gtk_popover_present (self->context_menu);
}

static gboolean
trellis_learner_list_view_grab_focus (GtkWidget *widget)
{
  TrellisLearnerListView *self = TRELLIS_LEARNER_LIST_VIEW (widget);
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->list_box);

  if (row != NULL)
    return gtk_widget_grab_focus (GTK_WIDGET (row));

  return gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
trellis_learner_list_view_dispose (GObject *object)
{
  TrellisLearnerListView *self = TRELLIS_LEARNER_LIST_VIEW (object);

  if (self->context_menu != NULL)
    {
      gtk_widget_unparent (GTK_WIDGET (self->context_menu));
      self->context_menu = NULL;
    }

  if (self->list_box != NULL)
    gtk_list_box_bind_model (self->list_box, NULL, NULL, NULL, NULL);

  if (self->filter_model != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->filter_model, on_filter_items_changed_cb, self);
      gtk_filter_list_model_set_model (self->filter_model, NULL);
      gtk_filter_list_model_set_filter (self->filter_model, NULL);
    }

  g_clear_object (&self->filter_model);
  g_clear_object (&self->filter);
  g_clear_object (&self->learners);

  gtk_widget_dispose_template (GTK_WIDGET (self), TRELLIS_TYPE_LEARNER_LIST_VIEW);

  G_OBJECT_CLASS (trellis_learner_list_view_parent_class)->dispose (object);
}

static void
trellis_learner_list_view_finalize (GObject *object)
{
  TrellisLearnerListView *self = TRELLIS_LEARNER_LIST_VIEW (object);

  g_clear_pointer (&self->search_text, g_free);

  G_OBJECT_CLASS (trellis_learner_list_view_parent_class)->finalize (object);
}

static void
trellis_learner_list_view_get_property (GObject    *object,
                                        guint       prop_id,
                                        GValue     *value,
                                        GParamSpec *pspec)
{
  TrellisLearnerListView *self = TRELLIS_LEARNER_LIST_VIEW (object);

  switch (prop_id)
    {
    case PROP_LEARNERS:
      g_value_set_object (value, self->learners);
      break;

    case PROP_SELECTED_LEARNER:
      g_value_set_object (value, trellis_learner_list_view_get_selected_learner (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trellis_learner_list_view_set_property (GObject      *object,
                                        guint         prop_id,
                                        const GValue *value,
                                        GParamSpec   *pspec)
{
  TrellisLearnerListView *self = TRELLIS_LEARNER_LIST_VIEW (object);

  switch (prop_id)
    {
    case PROP_LEARNERS:
      trellis_learner_list_view_set_learners (self, g_value_get_object (value));
      break;

    case PROP_SELECTED_LEARNER:
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trellis_learner_list_view_class_init (TrellisLearnerListViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = trellis_learner_list_view_dispose;
  object_class->finalize = trellis_learner_list_view_finalize;
  object_class->get_property = trellis_learner_list_view_get_property;
  object_class->set_property = trellis_learner_list_view_set_property;

  widget_class->size_allocate = trellis_learner_list_view_size_allocate;
  widget_class->grab_focus = trellis_learner_list_view_grab_focus;

  properties[PROP_LEARNERS] =
    g_param_spec_object ("learners", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_SELECTED_LEARNER] =
    g_param_spec_object ("selected-learner", NULL, NULL,
                         TRELLIS_TYPE_LEARNER,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/trellis/Trellis/trellis-learner-list-view.ui");
  gtk_widget_class_bind_template_child (widget_class, TrellisLearnerListView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, TrellisLearnerListView, stack);
  gtk_widget_class_bind_template_child (widget_class, TrellisLearnerListView, list_box);
  gtk_widget_class_bind_template_child (widget_class, TrellisLearnerListView, context_menu_model);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_list_box_secondary_pressed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_list_box_long_pressed_cb);

  gtk_widget_class_install_action (widget_class, "learner-list.context-menu", NULL, context_menu_action);

  /* Act on the selected learner; the actions are the window's. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "win.delete-learner", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Delete, 0, "win.delete-learner", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F2, 0, "win.rename-learner", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Menu, 0, "learner-list.context-menu", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK, "learner-list.context-menu", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "learnerlist");

  g_type_ensure (TRELLIS_TYPE_LEARNER_ROW);
}

static void
trellis_learner_list_view_init (TrellisLearnerListView *self)
{
  GtkLayoutManager *layout;

  gtk_widget_init_template (GTK_WIDGET (self));

  layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);

  self->filter = gtk_custom_filter_new (filter_learner, self, NULL);
  self->filter_model = gtk_filter_list_model_new (NULL, g_object_ref (GTK_FILTER (self->filter)));
  g_signal_connect_swapped (self->filter_model, "items-changed",
                            G_CALLBACK (on_filter_items_changed_cb), self);
  gtk_list_box_bind_model (self->list_box, G_LIST_MODEL (self->filter_model),
                           create_row, NULL, NULL);

  self->context_menu = GTK_POPOVER (gtk_popover_menu_new_from_model (self->context_menu_model));
  gtk_popover_set_has_arrow (self->context_menu, FALSE);
  gtk_popover_set_position (self->context_menu, GTK_POS_BOTTOM);
  gtk_widget_set_halign (GTK_WIDGET (self->context_menu), GTK_ALIGN_START);
  gtk_widget_set_parent (GTK_WIDGET (self->context_menu), GTK_WIDGET (self));

  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self->list_box));

  update_state (self);
}

GtkWidget *
trellis_learner_list_view_new (void)
{
  return g_object_new (TRELLIS_TYPE_LEARNER_LIST_VIEW, NULL);
}

/**
 * trellis_learner_list_view_get_learners:
 *
 * Returns: (transfer none) (nullable): all learners, unfiltered
 */
GListModel *
trellis_learner_list_view_get_learners (TrellisLearnerListView *self)
{
  g_return_val_if_fail (TRELLIS_IS_LEARNER_LIST_VIEW (self), NULL);

  return self->learners;
}

void
trellis_learner_list_view_set_learners (TrellisLearnerListView *self,
                                        GListModel             *learners)
{
  g_return_if_fail (TRELLIS_IS_LEARNER_LIST_VIEW (self));
  g_return_if_fail (learners == NULL || G_IS_LIST_MODEL (learners));

  if (self->learners == learners)
    return;

  g_set_object (&self->learners, learners);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  g_clear_pointer (&self->search_text, g_free);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_LESS_STRICT);
  gtk_filter_list_model_set_model (self->filter_model, learners);

  update_state (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LEARNERS]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_LEARNER]);
}

/**
 * trellis_learner_list_view_get_visible_learners:
 *
 * Returns: (transfer none): the learners that match the search, as shown
 */
GListModel *
trellis_learner_list_view_get_visible_learners (TrellisLearnerListView *self)
{
  g_return_val_if_fail (TRELLIS_IS_LEARNER_LIST_VIEW (self), NULL);

  return G_LIST_MODEL (self->filter_model);
}

/**
 * trellis_learner_list_view_get_selected_learner:
 *
 * Returns: (transfer none) (nullable): the selected learner
 */
TrellisLearner *
trellis_learner_list_view_get_selected_learner (TrellisLearnerListView *self)
{
  GtkListBoxRow *row;

  g_return_val_if_fail (TRELLIS_IS_LEARNER_LIST_VIEW (self), NULL);

  row = gtk_list_box_get_selected_row (self->list_box);
  if (row == NULL)
    return NULL;

  return trellis_learner_row_get_learner (TRELLIS_LEARNER_ROW (row));
}

/**
 * trellis_learner_list_view_get_selected_position:
 *
 * Returns: the position of the selected learner among the visible ones, or
 *   %GTK_INVALID_LIST_POSITION
 */
guint
trellis_learner_list_view_get_selected_position (TrellisLearnerListView *self)
{
  GtkListBoxRow *row;

  g_return_val_if_fail (TRELLIS_IS_LEARNER_LIST_VIEW (self), GTK_INVALID_LIST_POSITION);

  row = gtk_list_box_get_selected_row (self->list_box);
  if (row == NULL)
    return GTK_INVALID_LIST_POSITION;

  return (guint) gtk_list_box_row_get_index (row);
}

/**
 * trellis_learner_list_view_select_position:
 *
 * Selects the visible learner at @position, or the last one when @position
 * is past the end; unselects when no learner is visible.
 */
void
trellis_learner_list_view_select_position (TrellisLearnerListView *self,
                                           guint                   position)
{
  guint n_items;
  GtkListBoxRow *row;

  g_return_if_fail (TRELLIS_IS_LEARNER_LIST_VIEW (self));

  n_items = g_list_model_get_n_items (G_LIST_MODEL (self->filter_model));
  if (n_items == 0)
    {
      gtk_list_box_unselect_all (self->list_box);
      return;
    }

  row = gtk_list_box_get_row_at_index (self->list_box, (int) MIN (position, n_items - 1));
  gtk_list_box_select_row (self->list_box, row);
}

void
trellis_learner_list_view_select_learner (TrellisLearnerListView *self,
                                          TrellisLearner         *learner)
{
  guint n_items;

  g_return_if_fail (TRELLIS_IS_LEARNER_LIST_VIEW (self));
  g_return_if_fail (learner == NULL || TRELLIS_IS_LEARNER (learner));

  if (learner == NULL)
    {
      gtk_list_box_unselect_all (self->list_box);
      return;
    }

  n_items = g_list_model_get_n_items (G_LIST_MODEL (self->filter_model));
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(TrellisLearner) item = g_list_model_get_item (G_LIST_MODEL (self->filter_model), i);

      if (item == learner)
        {
          GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->list_box, (int) i);

          gtk_list_box_select_row (self->list_box, row);
          return;
        }
    }
}

void
trellis_learner_list_view_focus_search (TrellisLearnerListView *self)
{
  g_return_if_fail (TRELLIS_IS_LEARNER_LIST_VIEW (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->search_entry), 0, -1);
}

void
trellis_learner_list_view_set_search_text (TrellisLearnerListView *self,
                                           const char             *text)
{
  g_return_if_fail (TRELLIS_IS_LEARNER_LIST_VIEW (self));

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text ? text : "");

  /* Filter now rather than after the entry's typing delay. */
  on_search_changed_cb (self);
}

GtkListBox *
_trellis_learner_list_view_get_list_box (TrellisLearnerListView *self)
{
  g_return_val_if_fail (TRELLIS_IS_LEARNER_LIST_VIEW (self), NULL);

  return self->list_box;
}

GtkEditable *
_trellis_learner_list_view_get_search_entry (TrellisLearnerListView *self)
{
  g_return_val_if_fail (TRELLIS_IS_LEARNER_LIST_VIEW (self), NULL);

  return GTK_EDITABLE (self->search_entry);
}

const char *
_trellis_learner_list_view_get_visible_state (TrellisLearnerListView *self)
{
  g_return_val_if_fail (TRELLIS_IS_LEARNER_LIST_VIEW (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

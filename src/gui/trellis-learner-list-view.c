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
#include "trellis-profile.h"

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

  TrellisClassroom   *classroom;
  GListModel         *learners;
  GHashTable         *cache;          /* learner id → LearnerInfo */
  gboolean            filter_stale;
  gboolean            filter_conference_due;
  gboolean            filter_goal_overdue;
  GtkFilterListModel *filter_model;
  GtkCustomFilter    *filter;
  char               *search_text;

  GtkPopover         *context_menu;

  GtkWidget          *search_box;
  GtkWidget          *filter_button;
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
  PROP_FILTER_STALE,
  PROP_FILTER_CONFERENCE_DUE,
  PROP_FILTER_GOAL_OVERDUE,
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

/*
 * What the search and the filters need beyond the name, per learner: the
 * texts of their interests and needs, and the flags of the filters.  Read
 * with the core API once per classroom, and again when the learners change.
 */
typedef struct
{
  GPtrArray *texts;          /* interest and need entries, as typed */
  gboolean   stale;
  gboolean   conference_due;
  gboolean   goal_overdue;
} LearnerInfo;

static void
learner_info_free (gpointer data)
{
  LearnerInfo *info = data;

  g_clear_pointer (&info->texts, g_ptr_array_unref);
  g_free (info);
}

static void
build_cache (TrellisLearnerListView *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) stale = NULL;
  g_autofree char *today = NULL;
  guint n_items;

  g_assert (self->cache == NULL);

  self->cache = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, learner_info_free);
  if (self->classroom == NULL || self->learners == NULL)
    return;

  today = trellis_classroom_today (self->classroom);
  stale = trellis_profile_list_stale_learners (self->classroom, &error);
  if (stale == NULL)
    {
      g_warning ("Could not list the stale profiles: %s", error->message);
      g_clear_error (&error);
    }

  n_items = g_list_model_get_n_items (self->learners);
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(TrellisLearner) learner = g_list_model_get_item (self->learners, i);
      g_autoptr(GPtrArray) entries = NULL;
      g_autoptr(GPtrArray) goals = NULL;
      g_autofree char *due = NULL;
      LearnerInfo *info = g_new0 (LearnerInfo, 1);

      info->texts = g_ptr_array_new_with_free_func (g_free);
      info->stale = stale != NULL && g_ptr_array_find (stale, learner, NULL);

      entries = trellis_profile_list_entries (self->classroom, learner, NULL);
      for (guint j = 0; entries != NULL && j < entries->len; j++)
        {
          TrellisProfileEntry *entry = g_ptr_array_index (entries, j);

          if (entry->kind == TRELLIS_PROFILE_KIND_INTEREST || entry->kind == TRELLIS_PROFILE_KIND_NEED)
            g_ptr_array_add (info->texts, g_strdup (entry->text));
        }

      /* "No conference in N weeks": the next one is due (or was due) today. */
      due = trellis_profile_next_conference_due (self->classroom, learner, NULL);
      info->conference_due = due != NULL && g_strcmp0 (due, today) <= 0;

      goals = trellis_profile_list_goals (self->classroom, learner, NULL);
      for (guint j = 0; goals != NULL && j < goals->len; j++)
        {
          TrellisGoal *goal = g_ptr_array_index (goals, j);

          if (goal->status == TRELLIS_GOAL_STATUS_ACTIVE &&
              goal->target_date != NULL &&
              g_strcmp0 (goal->target_date, today) < 0)
            info->goal_overdue = TRUE;
        }

      g_hash_table_insert (self->cache,
                           g_memdup2 (&(gint64) { trellis_learner_get_id (learner) }, sizeof (gint64)),
                           info);
    }
}

static LearnerInfo *
lookup_info (TrellisLearnerListView *self,
             TrellisLearner         *learner)
{
  gint64 id = trellis_learner_get_id (learner);
  LearnerInfo *info;

  if (self->cache == NULL)
    build_cache (self);

  info = g_hash_table_lookup (self->cache, &id);
  if (info == NULL && self->classroom != NULL)
    {
      /* A learner new since the cache was read. */
      g_clear_pointer (&self->cache, g_hash_table_unref);
      build_cache (self);
      info = g_hash_table_lookup (self->cache, &id);
    }

  return info;
}

static gboolean
filters_active (TrellisLearnerListView *self)
{
  return self->filter_stale || self->filter_conference_due || self->filter_goal_overdue;
}

static gboolean
filter_learner (gpointer item,
                gpointer user_data)
{
  TrellisLearnerListView *self = user_data;
  TrellisLearner *learner = item;
  LearnerInfo *info = NULL;

  if (filters_active (self) || (self->search_text != NULL && self->search_text[0] != '\0'))
    info = lookup_info (self, learner);

  if (filters_active (self))
    {
      if (info == NULL)
        return FALSE;
      if (self->filter_stale && !info->stale)
        return FALSE;
      if (self->filter_conference_due && !info->conference_due)
        return FALSE;
      if (self->filter_goal_overdue && !info->goal_overdue)
        return FALSE;
    }

  if (self->search_text == NULL || self->search_text[0] == '\0')
    return TRUE;

  if (matches (self->search_text, trellis_learner_get_display_name (learner)) ||
      matches (self->search_text, trellis_learner_get_name (learner)))
    return TRUE;

  for (guint i = 0; info != NULL && i < info->texts->len; i++)
    if (matches (self->search_text, g_ptr_array_index (info->texts, i)))
      return TRUE;

  return FALSE;
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  TrellisLearnerListView *self = user_data;
  GtkWidget *row = trellis_learner_row_new (TRELLIS_LEARNER (item));
  LearnerInfo *info = NULL;

  if (self->classroom != NULL)
    info = lookup_info (self, TRELLIS_LEARNER (item));
  trellis_learner_row_set_stale (TRELLIS_LEARNER_ROW (row), info != NULL && info->stale);

  return row;
}

static void
update_markers (TrellisLearnerListView *self)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->list_box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      TrellisLearner *learner;
      LearnerInfo *info;

      if (!TRELLIS_IS_LEARNER_ROW (child))
        continue;
      learner = trellis_learner_row_get_learner (TRELLIS_LEARNER_ROW (child));
      if (learner == NULL || self->classroom == NULL)
        continue;
      info = lookup_info (self, learner);
      trellis_learner_row_set_stale (TRELLIS_LEARNER_ROW (child), info != NULL && info->stale);
    }
}

/* Rereads the cache, remarks the rows and refilters. */
static void
refresh (TrellisLearnerListView *self)
{
  g_clear_pointer (&self->cache, g_hash_table_unref);
  update_markers (self);

  if (filters_active (self) || (self->search_text != NULL && self->search_text[0] != '\0'))
    gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
on_learners_items_changed_cb (TrellisLearnerListView *self)
{
  refresh (self);
}

/* The stale marks and "conference due" follow the class preferences. */
static void
on_preferences_changed_cb (TrellisLearnerListView *self)
{
  refresh (self);
}

static void
set_filter_flag (TrellisLearnerListView *self,
                 gboolean               *flag,
                 gboolean                value,
                 GParamSpec             *pspec)
{
  value = !!value;
  if (*flag == value)
    return;

  *flag = value;
  gtk_filter_changed (GTK_FILTER (self->filter),
                      value ? GTK_FILTER_CHANGE_MORE_STRICT : GTK_FILTER_CHANGE_LESS_STRICT);

  /* The button shows that the list is filtered. */
  if (filters_active (self))
    gtk_widget_add_css_class (self->filter_button, "accent");
  else
    gtk_widget_remove_css_class (self->filter_button, "accent");
  g_object_notify_by_pspec (G_OBJECT (self), pspec);
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

  /* Let the filter model refilter only what can change.  A new search
   * rereads the profile texts, which may have been edited meanwhile. */
  if (self->search_text == NULL || self->search_text[0] == '\0')
    {
      g_clear_pointer (&self->cache, g_hash_table_unref);
      change = GTK_FILTER_CHANGE_MORE_STRICT;
    }
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
  /* Leaving a learner whose profile was just revisited unmarks them;
   * the filters keep their rows until the next change (no refilter
   * under the selection). */
  g_clear_pointer (&self->cache, g_hash_table_unref);
  update_markers (self);

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

  if (self->learners != NULL)
    g_signal_handlers_disconnect_by_func (self->learners, on_learners_items_changed_cb, self);
  if (self->classroom != NULL)
    g_signal_handlers_disconnect_by_func (self->classroom, on_preferences_changed_cb, self);

  g_clear_object (&self->filter_model);
  g_clear_object (&self->filter);
  g_clear_object (&self->learners);
  g_clear_object (&self->classroom);
  g_clear_pointer (&self->cache, g_hash_table_unref);

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

    case PROP_FILTER_STALE:
      g_value_set_boolean (value, self->filter_stale);
      break;

    case PROP_FILTER_CONFERENCE_DUE:
      g_value_set_boolean (value, self->filter_conference_due);
      break;

    case PROP_FILTER_GOAL_OVERDUE:
      g_value_set_boolean (value, self->filter_goal_overdue);
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

    case PROP_FILTER_STALE:
      set_filter_flag (self, &self->filter_stale, g_value_get_boolean (value), pspec);
      break;

    case PROP_FILTER_CONFERENCE_DUE:
      set_filter_flag (self, &self->filter_conference_due, g_value_get_boolean (value), pspec);
      break;

    case PROP_FILTER_GOAL_OVERDUE:
      set_filter_flag (self, &self->filter_goal_overdue, g_value_get_boolean (value), pspec);
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

  properties[PROP_FILTER_STALE] =
    g_param_spec_boolean ("filter-stale", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_FILTER_CONFERENCE_DUE] =
    g_param_spec_boolean ("filter-conference-due", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_FILTER_GOAL_OVERDUE] =
    g_param_spec_boolean ("filter-goal-overdue", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_property_action (widget_class, "learner-list.filter-stale", "filter-stale");
  gtk_widget_class_install_property_action (widget_class, "learner-list.filter-conference-due", "filter-conference-due");
  gtk_widget_class_install_property_action (widget_class, "learner-list.filter-goal-overdue", "filter-goal-overdue");

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/trellis/Trellis/trellis-learner-list-view.ui");
  gtk_widget_class_bind_template_child (widget_class, TrellisLearnerListView, search_box);
  gtk_widget_class_bind_template_child (widget_class, TrellisLearnerListView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, TrellisLearnerListView, filter_button);
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
                           create_row, self, NULL);

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

  if (self->learners != NULL)
    g_signal_handlers_disconnect_by_func (self->learners, on_learners_items_changed_cb, self);
  g_set_object (&self->learners, learners);
  g_clear_pointer (&self->cache, g_hash_table_unref);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  g_clear_pointer (&self->search_text, g_free);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_LESS_STRICT);
  gtk_filter_list_model_set_model (self->filter_model, learners);
  /* After the filter model's own handler, so that this refilters last. */
  if (learners != NULL)
    g_signal_connect_swapped (learners, "items-changed",
                              G_CALLBACK (on_learners_items_changed_cb), self);

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

/**
 * trellis_learner_list_view_set_classroom:
 *
 * Shows @classroom's learners; the search then also matches their interests
 * and needs, the filters work, and stale profiles are marked.
 */
void
trellis_learner_list_view_set_classroom (TrellisLearnerListView *self,
                                         TrellisClassroom       *classroom)
{
  g_return_if_fail (TRELLIS_IS_LEARNER_LIST_VIEW (self));
  g_return_if_fail (classroom == NULL || TRELLIS_IS_CLASSROOM (classroom));

  if (self->classroom == classroom)
    return;

  if (self->classroom != NULL)
    g_signal_handlers_disconnect_by_func (self->classroom, on_preferences_changed_cb, self);
  g_set_object (&self->classroom, classroom);
  if (classroom != NULL)
    g_signal_connect_swapped (classroom, "preferences-changed",
                              G_CALLBACK (on_preferences_changed_cb), self);
  g_clear_pointer (&self->cache, g_hash_table_unref);
  trellis_learner_list_view_set_learners (self, classroom ? trellis_classroom_get_learners (classroom) : NULL);
  refresh (self);
}

/* Rereads the profiles (after an edit elsewhere) for the search, filters and markers. */
void
trellis_learner_list_view_refresh (TrellisLearnerListView *self)
{
  g_return_if_fail (TRELLIS_IS_LEARNER_LIST_VIEW (self));

  refresh (self);
}

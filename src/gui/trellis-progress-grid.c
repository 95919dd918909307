/* trellis-progress-grid.c
 *
 * Copyright 2026 The Trellis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trellis-progress-grid"

#include "config.h"

#include <glib/gi18n.h>

#include "trellis-profile.h"
#include "trellis-progress-grid-private.h"

/*
 * TrellisProgressGrid: the class progress grid of one playlist, used
 * during class.  Learners are rows, the playlist's top-level items
 * (activities, choice groups, milestones) are columns; each cell shows
 * the learner's status as an icon and a word (never colour alone), the
 * options chosen for a choice group, and a clock (instead of the status
 * icon) and a red ring on a milestone the learner is late for.
 *
 * Marking takes one or two clicks: a cell opens a popover whose first
 * row is the five statuses; the digits 1–5 mark the focused cell at once
 * and the arrow keys move between cells.  The popover also takes the
 * demonstration format, a milestone's check-in, a choice group's options
 * and, for activities that show skills, evidence written with the mark.
 *
 * Every write is one transaction through the core; the grid listens to
 * TrellisClassroom::data-changed and redraws only the rows of the
 * learners whose data changed.  The grid is rebuilt, from an idle, only
 * when the learners or the playlist's items change, or items or skills
 * are removed or put back anywhere (%TRELLIS_DATA_CURRICULUM).
 *
 * The item headers and the learner names are grids of their own beside
 * the cells', in scrolled windows that follow the cells' scrolling, so
 * that they stay in view; size groups give each header its column's
 * width or its row's height.
 *
 * The flap on the right is the per-learner view: what the selected
 * learner is offered in each choice group, what they chose, and their
 * self-regulation level.
 */

#define N_STATUSES (TRELLIS_PROGRESS_NEEDS_REVISION + 1)

/* How long the last mark can be undone, as libadwaita's toasts show. */
#define UNDO_TIMEOUT_MS 5000

struct _TrellisProgressGrid
{
  GtkWidget          parent_instance;

  TrellisClassroom  *classroom;
  TrellisPlaylist   *playlist;
  TrellisLearner    *learner;
  GListModel        *nodes;

  /* The grid as built: learners by row, nodes by column, cells row-major. */
  GPtrArray         *row_learners;
  GPtrArray         *col_nodes;
  GPtrArray         *cells;
  GPtrArray         *row_headers;
  GPtrArray         *column_headers;
  /* "learner id:node id" → days late, for the milestones of the playlist. */
  GHashTable        *late;

  GtkPopover        *popover;   /* one for every cell, a child of the grid */
  /* The last status mark, for its Undo toast: the learner, and each node
   * marked with the status it had (TrellisProgress). */
  TrellisLearner    *undo_learner;
  GPtrArray         *undo_marks;
  AdwToast          *undo_toast;
  guint              undo_timeout_id;
  guint              undo_timeout_ms;
  guint              rebuild_id;
  guint              n_rebuilds;
  gboolean           syncing_dropdown;

  GtkStack          *stack;
  AdwStatusPage     *empty_page;
  AdwFlap           *flap;
  GtkDropDown       *learner_dropdown;
  GtkScrolledWindow *column_header_scroller;
  GtkScrolledWindow *row_header_scroller;
  GtkScrolledWindow *scroller;
  GtkGrid           *column_header_grid;
  GtkGrid           *row_header_grid;
  GtkGrid           *cells_grid;
  GtkWidget         *learner_box;
};

G_DEFINE_FINAL_TYPE (TrellisProgressGrid, trellis_progress_grid, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CLASSROOM,
  PROP_PLAYLIST,
  PROP_LEARNER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Popover state: the cell it was opened on, and its editable parts. */
typedef struct
{
  TrellisProgressGrid *grid;
  TrellisLearner      *learner;
  TrellisNode         *node;
  GtkWidget           *cell;
  GtkWidget           *format_dropdown;
  GStrv                formats;
  GtkWidget           *date_entry;
  GtkWidget           *note_entry;
  GtkWidget           *evidence_check;
  GtkWidget           *evidence_kind;
  GtkWidget           *score_spin;
  GtkWidget           *max_spin;
  GtkWidget           *bounds_label;
  GtkWidget           *save_choice_button;
  GPtrArray           *option_checks;   /* GtkCheckButton, with "trellis-node" */
} PopoverData;

static void schedule_rebuild (TrellisProgressGrid *self);
static void rebuild_learner_view (TrellisProgressGrid *self);

/* Helpers */

static const char * const status_icons[N_STATUSES] = {
  "radio-symbolic",
  "media-playback-start-symbolic",
  "document-send-symbolic",
  "object-select-symbolic",
  "edit-undo-symbolic",
};

static const char * const status_classes[N_STATUSES] = {
  "not-started",
  "in-progress",
  "submitted",
  "complete",
  "needs-revision",
};

/* The word a cell shows: short, so that twenty columns fit. */
static const char *
status_short_label (TrellisProgressStatus status)
{
  switch (status)
    {
    case TRELLIS_PROGRESS_NOT_STARTED:
      return C_("progress cell", "Not started");
    case TRELLIS_PROGRESS_IN_PROGRESS:
      return C_("progress cell", "Working");
    case TRELLIS_PROGRESS_SUBMITTED:
      return C_("progress cell", "Submitted");
    case TRELLIS_PROGRESS_COMPLETE:
      return C_("progress cell", "Complete");
    case TRELLIS_PROGRESS_NEEDS_REVISION:
      return C_("progress cell", "Revise");
    default:
      g_return_val_if_reached ("");
    }
}

static void
popover_data_free (PopoverData *data)
{
  g_clear_object (&data->learner);
  g_clear_object (&data->node);
  g_clear_pointer (&data->formats, g_strfreev);
  g_clear_pointer (&data->option_checks, g_ptr_array_unref);
  g_free (data);
}

static void
show_error (TrellisProgressGrid *self,
            const GError        *error)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  g_autofree char *escaped = g_markup_escape_text (error->message, -1);
  AdwToast *toast = adw_toast_new (escaped);

  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  else
    {
      g_warning ("%s", error->message);
      g_object_unref (g_object_ref_sink (toast));
    }
}

static guint
n_cols (TrellisProgressGrid *self)
{
  return self->col_nodes->len;
}

static GtkWidget *
cell_at (TrellisProgressGrid *self,
         guint                row,
         guint                col)
{
  if (row >= self->row_learners->len || col >= n_cols (self))
    return NULL;

  return g_ptr_array_index (self->cells, row * n_cols (self) + col);
}

static char *
late_key (gint64 learner_id,
          gint64 node_id)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT, learner_id, node_id);
}

static int
days_late (TrellisProgressGrid *self,
           TrellisLearner      *learner,
           TrellisNode         *node)
{
  g_autofree char *key = late_key (trellis_learner_get_id (learner), trellis_node_get_id (node));

  return GPOINTER_TO_INT (g_hash_table_lookup (self->late, key));
}

/* The cell the keyboard focus is in, with its place; NULL if none. */
static GtkWidget *
focused_cell (TrellisProgressGrid *self,
              guint               *row,
              guint               *col)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *widget = root != NULL ? gtk_root_get_focus (root) : NULL;

  for (; widget != NULL; widget = gtk_widget_get_parent (widget))
    {
      if (gtk_widget_get_parent (widget) == GTK_WIDGET (self->cells_grid) &&
          g_object_get_data (G_OBJECT (widget), "trellis-col") != NULL)
        {
          *row = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (widget), "trellis-row")) - 1;
          *col = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (widget), "trellis-col")) - 1;
          return widget;
        }
    }

  return NULL;
}

/* The popover's widgets are going: their signals must not reach @data
 * (a drop-down emits notify::selected as its model goes). */
static void
disconnect_popover_data (PopoverData *data)
{
  GtkWidget *widgets[] = { data != NULL ? data->format_dropdown : NULL,
                           data != NULL ? data->evidence_kind : NULL,
                           data != NULL ? data->note_entry : NULL,
                           data != NULL ? data->save_choice_button : NULL };

  if (data == NULL)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (widgets); i++)
    if (widgets[i] != NULL)
      g_signal_handlers_disconnect_matched (widgets[i], G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, data);
  for (guint i = 0; data->option_checks != NULL && i < data->option_checks->len; i++)
    g_signal_handlers_disconnect_matched (g_ptr_array_index (data->option_checks, i), G_SIGNAL_MATCH_DATA,
                                          0, 0, NULL, NULL, data);
}

/* Hides the popover and drops what it showed.  The popover itself lives
 * as long as the grid: a popover destroyed while the pointer is over it
 * leaves GTK 4.8's tooltips asking about its gone surface. */
static void
close_popover (TrellisProgressGrid *self)
{
  GtkWidget *child;

  if (self->popover == NULL)
    return;

  child = gtk_popover_get_child (self->popover);
  if (child != NULL)
    disconnect_popover_data (g_object_get_data (G_OBJECT (child), "trellis-data"));
  if (gtk_widget_get_visible (GTK_WIDGET (self->popover)))
    gtk_popover_popdown (self->popover);
  gtk_popover_set_child (self->popover, NULL);
}

/* ------------------------------------------------------------------ */
/* Cells                                                               */

/*
 * What a choice group's cell shows: the options chosen and, of their
 * statuses, the one that needs the teacher most (needs revision, then the
 * least advanced).
 */
static gboolean
choice_state (TrellisProgressGrid    *self,
              TrellisLearner         *learner,
              TrellisNode            *group,
              GHashTable             *statuses,
              char                  **text,
              TrellisProgressStatus  *status)
{
  g_autoptr(GPtrArray) chosen = NULL;
  g_autoptr(GString) titles = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  gboolean revise = FALSE;
  TrellisProgressStatus least = TRELLIS_PROGRESS_COMPLETE;

  chosen = trellis_progress_get_choices (self->classroom, learner, group, &error);
  if (chosen == NULL || chosen->len == 0)
    {
      *text = g_strdup (C_("progress cell", "Not chosen"));
      *status = TRELLIS_PROGRESS_NOT_STARTED;
      return FALSE;
    }

  for (guint i = 0; i < chosen->len; i++)
    {
      TrellisNode *option = g_ptr_array_index (chosen, i);
      gpointer value = g_hash_table_lookup (statuses, option);
      TrellisProgressStatus s = value != NULL ? (TrellisProgressStatus)(GPOINTER_TO_INT (value) - 1)
                                              : TRELLIS_PROGRESS_NOT_STARTED;

      g_string_append_printf (titles, "%s%s", i > 0 ? ", " : "", trellis_node_get_title (option));
      if (s == TRELLIS_PROGRESS_NEEDS_REVISION)
        revise = TRUE;
      else if (s < least)
        least = s;
    }

  *text = g_string_free (g_steal_pointer (&titles), FALSE);
  *status = revise ? TRELLIS_PROGRESS_NEEDS_REVISION : least;
  return TRUE;
}

/* A column's node, or an option of a column's choice group, by id. */
static TrellisNode *
lookup_node (TrellisProgressGrid *self,
             gint64               id)
{
  for (guint col = 0; col < n_cols (self); col++)
    {
      TrellisNode *node = g_ptr_array_index (self->col_nodes, col);
      GListModel *options;
      guint n;

      if (trellis_node_get_id (node) == id)
        return node;
      if (trellis_node_get_kind (node) != TRELLIS_NODE_KIND_CHOICE)
        continue;

      options = trellis_classroom_get_nodes (self->classroom, self->playlist, node);
      n = options != NULL ? g_list_model_get_n_items (options) : 0;
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(TrellisNode) option = g_list_model_get_item (options, i);

          if (trellis_node_get_id (option) == id)
            return option;
        }
    }

  return NULL;
}

/* Shows @status (and @text) in @cell. */
static void
set_cell (TrellisProgressGrid   *self,
          GtkWidget             *cell,
          TrellisLearner        *learner,
          TrellisNode           *node,
          TrellisProgressStatus  status,
          gboolean               marked,
          const char            *text,
          const TrellisProgress *progress)
{
  GtkImage *image = g_object_get_data (G_OBJECT (cell), "trellis-image");
  GtkLabel *label = g_object_get_data (G_OBJECT (cell), "trellis-label");
  g_autoptr(GString) tooltip = g_string_new (NULL);
  g_autofree char *accessible = NULL;
  int late = days_late (self, learner, node);

  for (guint i = 0; i < N_STATUSES; i++)
    gtk_widget_remove_css_class (cell, status_classes[i]);
  if (marked)
    gtk_widget_add_css_class (cell, status_classes[status]);

  /* Late: a clock instead of the status icon (only statuses short of
   * submitted can be late), and the word stays. */
  gtk_image_set_from_icon_name (image, late > 0 ? "alarm-symbolic" : marked ? status_icons[status] : "radio-symbolic");
  gtk_label_set_label (label, text);
  if (late > 0)
    gtk_widget_add_css_class (cell, "late");
  else
    gtk_widget_remove_css_class (cell, "late");

  g_string_append_printf (tooltip, "%s — %s", trellis_learner_get_display_name (learner),
                          trellis_node_get_title (node));
  if (trellis_node_get_kind (node) == TRELLIS_NODE_KIND_CHOICE)
    g_string_append_printf (tooltip, "\n%s", text);
  if (marked)
    g_string_append_printf (tooltip, "\n%s", trellis_progress_status_get_label (status));
  if (progress != NULL && progress->format != NULL)
    /* Translators: the demonstration format a learner chose, e.g. “Format: essay” */
    g_string_append_printf (tooltip, "\n%s %s", _("Format:"), progress->format);
  if (progress != NULL && progress->checkin_on != NULL)
    g_string_append_printf (tooltip, "\n%s %s%s%s", _("Checked in on"), progress->checkin_on,
                            progress->checkin_note != NULL ? ": " : "",
                            progress->checkin_note != NULL ? progress->checkin_note : "");
  if (late > 0)
    {
      g_string_append_c (tooltip, '\n');
      g_string_append_printf (tooltip, g_dngettext (GETTEXT_PACKAGE, "%d day late", "%d days late", (gulong) late), late);
    }
  /* Shown through ::query-tooltip: setting tooltip text asks the display
   * where the pointer is, which is slow for six hundred cells. */
  g_object_set_data_full (G_OBJECT (cell), "trellis-tooltip", g_string_free (g_steal_pointer (&tooltip), FALSE),
                          g_free);

  accessible = g_strdup_printf ("%s, %s: %s%s", trellis_learner_get_display_name (learner),
                                trellis_node_get_title (node), text, late > 0 ? _(", late") : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (cell), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
}

/* Reads @row's data once and shows it in each of its cells. */
static void
refresh_row (TrellisProgressGrid *self,
             guint                row)
{
  TrellisLearner *learner = g_ptr_array_index (self->row_learners, row);
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GHashTable) by_node = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) statuses = g_hash_table_new (NULL, NULL);
  g_autoptr(GError) error = NULL;

  rows = trellis_progress_list (self->classroom, learner, self->playlist, &error);
  if (rows == NULL)
    {
      show_error (self, error);
      return;
    }

  /* Options are nodes of the playlist too: look them up by id. */
  for (guint i = 0; i < rows->len; i++)
    {
      TrellisProgress *progress = g_ptr_array_index (rows, i);
      TrellisNode *node = lookup_node (self, progress->node_id);

      if (node == NULL)
        continue;
      g_hash_table_insert (by_node, node, progress);
      g_hash_table_insert (statuses, node, GINT_TO_POINTER (progress->status + 1));
    }

  for (guint col = 0; col < n_cols (self); col++)
    {
      TrellisNode *node = g_ptr_array_index (self->col_nodes, col);
      GtkWidget *cell = cell_at (self, row, col);

      if (trellis_node_get_kind (node) == TRELLIS_NODE_KIND_CHOICE)
        {
          g_autofree char *text = NULL;
          TrellisProgressStatus status;
          gboolean chosen = choice_state (self, learner, node, statuses, &text, &status);

          set_cell (self, cell, learner, node, status, chosen, text, NULL);
        }
      else
        {
          TrellisProgress *progress = g_hash_table_lookup (by_node, node);
          TrellisProgressStatus status = progress != NULL ? progress->status : TRELLIS_PROGRESS_NOT_STARTED;

          set_cell (self, cell, learner, node, status, progress != NULL,
                    status_short_label (status), progress);
        }
    }
}

/* Who is late for which milestone; updates the row headers. */
static void
refresh_late (TrellisProgressGrid *self)
{
  g_autoptr(GPtrArray) behind = NULL;
  g_autoptr(GError) error = NULL;

  g_hash_table_remove_all (self->late);
  behind = trellis_progress_list_behind (self->classroom, self->playlist, &error);
  if (behind == NULL)
    show_error (self, error);

  for (guint i = 0; behind != NULL && i < behind->len; i++)
    {
      TrellisBehind *b = g_ptr_array_index (behind, i);

      g_hash_table_insert (self->late,
                           late_key (trellis_learner_get_id (b->learner), trellis_node_get_id (b->milestone)),
                           GINT_TO_POINTER (MAX (b->days_late, 1)));
    }

  for (guint row = 0; row < self->row_learners->len; row++)
    {
      TrellisLearner *learner = g_ptr_array_index (self->row_learners, row);
      GtkWidget *header = g_ptr_array_index (self->row_headers, row);
      GtkLabel *late_label = g_object_get_data (G_OBJECT (header), "trellis-late");
      int most = 0;

      for (guint col = 0; col < n_cols (self); col++)
        most = MAX (most, days_late (self, learner, g_ptr_array_index (self->col_nodes, col)));

      if (most > 0)
        {
          g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day late", "%d days late", (gulong) most),
                                                   most);
          g_autofree char *accessible = g_strdup_printf ("%s, %s", trellis_learner_get_display_name (learner), text);

          gtk_label_set_label (late_label, text);
          gtk_accessible_update_property (GTK_ACCESSIBLE (header), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
        }
      else
        {
          gtk_accessible_update_property (GTK_ACCESSIBLE (header), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          trellis_learner_get_display_name (learner), -1);
        }
      gtk_widget_set_visible (GTK_WIDGET (late_label), most > 0);
    }
}

static void
refresh_learner (TrellisProgressGrid *self,
                 gint64               learner_id)
{
  refresh_late (self);
  for (guint row = 0; row < self->row_learners->len; row++)
    {
      TrellisLearner *learner = g_ptr_array_index (self->row_learners, row);

      if (learner_id == 0 || trellis_learner_get_id (learner) == learner_id)
        refresh_row (self, row);
    }
}

/* ------------------------------------------------------------------ */
/* Marking                                                             */

static gboolean
read_evidence (PopoverData             *data,
               TrellisProgressEvidence *evidence)
{
  if (data->evidence_check == NULL || !gtk_check_button_get_active (GTK_CHECK_BUTTON (data->evidence_check)))
    return FALSE;

  switch (gtk_drop_down_get_selected (GTK_DROP_DOWN (data->evidence_kind)))
    {
    case 1:
      evidence->kind = TRELLIS_BKT_EVIDENCE_RUBRIC;
      break;
    case 2:
      evidence->kind = TRELLIS_BKT_EVIDENCE_POINTS;
      break;
    default:
      evidence->kind = TRELLIS_BKT_EVIDENCE_BINARY;
      break;
    }
  evidence->score = evidence->kind == TRELLIS_BKT_EVIDENCE_BINARY ? 1
                                                                  : gtk_spin_button_get_value (GTK_SPIN_BUTTON (data->score_spin));
  evidence->max_score = gtk_spin_button_get_value (GTK_SPIN_BUTTON (data->max_spin));
  evidence->note = NULL;
  return TRUE;
}

/* Forgets the last mark; with @dismiss, its toast goes too. */
static void
forget_undo (TrellisProgressGrid *self,
             gboolean             dismiss)
{
  g_clear_handle_id (&self->undo_timeout_id, g_source_remove);
  if (self->undo_toast != NULL)
    {
      g_signal_handlers_disconnect_matched (self->undo_toast, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
      if (dismiss)
        adw_toast_dismiss (self->undo_toast);
      g_clear_object (&self->undo_toast);
    }
  g_clear_object (&self->undo_learner);
  g_clear_pointer (&self->undo_marks, g_ptr_array_unref);
}

static void
clear_undo (TrellisProgressGrid *self)
{
  forget_undo (self, TRUE);
}

/* The toast was closed: the mark stays. */
static void
on_undo_dismissed_cb (AdwToast            *toast,
                      TrellisProgressGrid *self)
{
  forget_undo (self, FALSE);
}

/* The time to undo the last mark is over: the mark stays. */
static gboolean
on_undo_timeout_cb (gpointer user_data)
{
  TrellisProgressGrid *self = user_data;

  self->undo_timeout_id = 0;
  clear_undo (self);
  return G_SOURCE_REMOVE;
}

/* Puts back the progress the last mark replaced: no progress at all
 * where the mark was the first. */
static void
on_undo_clicked_cb (AdwToast            *toast,
                    TrellisProgressGrid *self)
{
  GPtrArray *nodes = g_object_get_data (G_OBJECT (toast), "trellis-nodes");
  g_autoptr(GError) error = NULL;

  if (self->undo_marks == NULL || self->classroom == NULL)
    return;

  for (guint i = 0; error == NULL && i < self->undo_marks->len; i++)
    trellis_progress_restore (self->classroom, self->undo_learner, g_ptr_array_index (nodes, i),
                              g_ptr_array_index (self->undo_marks, i), &error);

  if (error != NULL)
    show_error (self, error);

  forget_undo (self, FALSE);
}

/*
 * Offers to undo a status mark on @nodes, whose progress was @before.
 * Marks come fast during class: while the toast of the last mark still
 * shows, it is reused for the new one rather than dismissed and replaced,
 * so that the overlay never animates two undo toasts at once (libadwaita
 * 1.2 frees a toast dismissed during its show animation while the
 * animation still runs).  The toast has no timeout of its own, as its
 * widget's timer starts once, when it shows: the grid's timer restarts
 * with every mark, so the latest mark always has the full time to be
 * undone, and it dismisses the toast long after its show animation.
 */
static void
offer_undo (TrellisProgressGrid   *self,
            TrellisLearner        *learner,
            TrellisNode           *node,
            GPtrArray             *nodes,
            GPtrArray             *before,
            TrellisProgressStatus  status)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  g_autofree char *title = NULL;
  g_autofree char *escaped = NULL;

  if (overlay == NULL)
    {
      clear_undo (self);
      return;
    }

  /* Translators: “Amara Okafor: Map walk — Complete” */
  title = g_strdup_printf (_("%s: %s — %s"), trellis_learner_get_display_name (learner),
                           trellis_node_get_title (node), trellis_progress_status_get_label (status));
  escaped = g_markup_escape_text (title, -1);

  g_set_object (&self->undo_learner, learner);
  g_clear_pointer (&self->undo_marks, g_ptr_array_unref);
  self->undo_marks = g_ptr_array_ref (before);

  g_clear_handle_id (&self->undo_timeout_id, g_source_remove);
  self->undo_timeout_id = g_timeout_add (self->undo_timeout_ms, on_undo_timeout_cb, self);

  if (self->undo_toast != NULL)
    {
      adw_toast_set_title (self->undo_toast, escaped);
      g_object_set_data_full (G_OBJECT (self->undo_toast), "trellis-nodes", g_ptr_array_ref (nodes),
                              (GDestroyNotify)g_ptr_array_unref);
      return;
    }

  self->undo_toast = g_object_ref (adw_toast_new (escaped));
  adw_toast_set_button_label (self->undo_toast, _("_Undo"));
  adw_toast_set_timeout (self->undo_toast, 0);
  g_object_set_data_full (G_OBJECT (self->undo_toast), "trellis-nodes", g_ptr_array_ref (nodes),
                          (GDestroyNotify)g_ptr_array_unref);
  g_signal_connect (self->undo_toast, "button-clicked", G_CALLBACK (on_undo_clicked_cb), self);
  g_signal_connect (self->undo_toast, "dismissed", G_CALLBACK (on_undo_dismissed_cb), self);
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), g_object_ref (self->undo_toast));
}

/*
 * Marks @learner's @node; for a choice group, the options chosen.  With
 * @evidence, the evidence goes into the same transaction.  A mark without
 * evidence can be undone from its toast.
 */
static gboolean
mark (TrellisProgressGrid           *self,
      TrellisLearner                *learner,
      TrellisNode                   *node,
      TrellisProgressStatus          status,
      const TrellisProgressEvidence *evidence)
{
  TrellisProgressUpdate update = { TRELLIS_PROGRESS_FIELD_STATUS, status, NULL, NULL, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) nodes = NULL;
  g_autoptr(GPtrArray) before = g_ptr_array_new_with_free_func ((GDestroyNotify)trellis_progress_free);
  guint n_written = 0;

  if (trellis_node_get_kind (node) == TRELLIS_NODE_KIND_CHOICE)
    {
      nodes = trellis_progress_get_choices (self->classroom, learner, node, &error);

      if (nodes != NULL && nodes->len == 0)
        g_set_error_literal (&error, TRELLIS_CLASSROOM_ERROR, TRELLIS_CLASSROOM_ERROR_INVALID,
                             _("Choose an option first: the mark goes on the options chosen"));
    }
  else
    {
      nodes = g_ptr_array_new_with_free_func (g_object_unref);
      g_ptr_array_add (nodes, g_object_ref (node));
    }

  for (guint i = 0; error == NULL && i < nodes->len; i++)
    {
      TrellisProgress *progress = trellis_progress_get (self->classroom, learner, g_ptr_array_index (nodes, i), &error);

      if (progress != NULL)
        g_ptr_array_add (before, progress);
    }

  for (guint i = 0; error == NULL && i < nodes->len; i++)
    if (trellis_progress_update (self->classroom, learner, g_ptr_array_index (nodes, i), &update, evidence, NULL,
                                 &error))
      n_written++;

  if (n_written > 0 && evidence == NULL)
    {
      g_ptr_array_set_size (before, n_written);
      g_ptr_array_set_size (nodes, n_written);
      offer_undo (self, learner, node, nodes, before, status);
    }

  if (error != NULL)
    {
      show_error (self, error);
      return FALSE;
    }

  return TRUE;
}

static void
on_status_clicked_cb (GtkButton   *button,
                      PopoverData *data)
{
  TrellisProgressGrid *self = data->grid;
  TrellisProgressStatus status = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "trellis-status"));
  TrellisProgressEvidence evidence;
  gboolean with_evidence = read_evidence (data, &evidence);
  GtkWidget *cell = data->cell;

  if (!mark (self, data->learner, data->node, status, with_evidence ? &evidence : NULL))
    return;

  gtk_popover_popdown (self->popover);
  gtk_widget_grab_focus (cell);
}

static void
on_format_selected_cb (GtkDropDown *dropdown,
                       GParamSpec  *pspec,
                       PopoverData *data)
{
  TrellisProgressUpdate update = { TRELLIS_PROGRESS_FIELD_FORMAT, 0, NULL, NULL, NULL };
  guint selected = gtk_drop_down_get_selected (dropdown);
  g_autoptr(GError) error = NULL;

  if (selected == GTK_INVALID_LIST_POSITION)
    return;

  update.format = selected == 0 ? NULL : data->formats[selected - 1];
  if (!trellis_progress_update (data->grid->classroom, data->learner, data->node, &update, NULL, NULL, &error))
    {
      /* Not saved: the dropdown goes back to what the file holds. */
      g_autoptr(TrellisProgress) saved = trellis_progress_get (data->grid->classroom, data->learner, data->node,
                                                               NULL);
      guint index = 0;

      show_error (data->grid, error);
      for (guint i = 0; saved != NULL && saved->format != NULL && data->formats[i] != NULL; i++)
        if (g_str_equal (data->formats[i], saved->format))
          index = i + 1;
      g_signal_handlers_block_by_func (dropdown, on_format_selected_cb, data);
      gtk_drop_down_set_selected (dropdown, index);
      g_signal_handlers_unblock_by_func (dropdown, on_format_selected_cb, data);
    }
}

static void
on_checkin_clicked_cb (GtkButton   *button,
                       PopoverData *data)
{
  TrellisProgressGrid *self = data->grid;
  TrellisProgressUpdate update = { TRELLIS_PROGRESS_FIELD_CHECKIN, 0, NULL, NULL, NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *date = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (data->date_entry))));
  GtkWidget *cell = data->cell;

  update.checkin_on = *date != '\0' ? date : NULL;
  update.checkin_note = gtk_editable_get_text (GTK_EDITABLE (data->note_entry));
  if (!trellis_progress_update (self->classroom, data->learner, data->node, &update, NULL, NULL, &error))
    {
      show_error (self, error);
      return;
    }

  gtk_popover_popdown (self->popover);
  gtk_widget_grab_focus (cell);
}

static guint
count_checked (PopoverData *data)
{
  guint n = 0;

  for (guint i = 0; i < data->option_checks->len; i++)
    n += gtk_check_button_get_active (g_ptr_array_index (data->option_checks, i));

  return n;
}

/* Says how many to choose, and whether the ticks are a valid choice. */
static void
update_choice_bounds (PopoverData *data)
{
  guint choose_min = trellis_node_get_choose_min (data->node);
  guint choose_max = trellis_node_get_choose_max (data->node);
  guint n = count_checked (data);
  g_autofree char *text = NULL;
  gboolean valid = n == 0 || (n >= choose_min && n <= choose_max);

  if (choose_min == choose_max)
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Choose %u option.", "Choose %u options.", choose_max), choose_max);
  else
    text = g_strdup_printf (_("Choose %u to %u options."), choose_min, choose_max);

  if (n > choose_max)
    {
      g_autofree char *more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s Untick %u.", "%s Untick %u.", n - choose_max),
                                               text, n - choose_max);
      g_free (text);
      text = g_steal_pointer (&more);
    }
  else if (n > 0 && n < choose_min)
    {
      g_autofree char *more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s Tick %u more.", "%s Tick %u more.",
                                                            choose_min - n),
                                               text, choose_min - n);
      g_free (text);
      text = g_steal_pointer (&more);
    }

  gtk_label_set_label (GTK_LABEL (data->bounds_label), text);
  if (valid)
    gtk_widget_remove_css_class (data->bounds_label, "error");
  else
    gtk_widget_add_css_class (data->bounds_label, "error");
  gtk_widget_set_sensitive (data->save_choice_button, valid);
}

static void
on_option_toggled_cb (GtkCheckButton *check,
                      PopoverData    *data)
{
  update_choice_bounds (data);
}

static void
on_save_choice_clicked_cb (GtkButton   *button,
                           PopoverData *data)
{
  TrellisProgressGrid *self = data->grid;
  g_autoptr(GPtrArray) options = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  GtkWidget *cell = data->cell;

  for (guint i = 0; i < data->option_checks->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (data->option_checks, i);

      if (gtk_check_button_get_active (check))
        g_ptr_array_add (options, g_object_get_data (G_OBJECT (check), "trellis-node"));
    }

  if (!trellis_progress_choose (self->classroom, data->learner, data->node, (TrellisNode **)options->pdata,
                                options->len, &error))
    {
      show_error (self, error);
      return;
    }

  gtk_popover_popdown (self->popover);
  gtk_widget_grab_focus (cell);
}

static void
on_evidence_kind_cb (GtkDropDown *dropdown,
                     GParamSpec  *pspec,
                     PopoverData *data)
{
  guint kind = gtk_drop_down_get_selected (dropdown);
  gboolean scored = kind == 1 || kind == 2;

  gtk_widget_set_visible (gtk_widget_get_parent (data->score_spin), scored);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (data->max_spin), kind == 1 ? 4 : 10);
}

/* ------------------------------------------------------------------ */
/* The popover                                                         */

static GtkWidget *
heading (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  return label;
}

static GtkWidget *
status_buttons (PopoverData           *data,
                gboolean               marked,
                TrellisProgressStatus  current)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);

  gtk_box_set_homogeneous (GTK_BOX (box), TRUE);
  for (guint i = 0; i < N_STATUSES; i++)
    {
      GtkWidget *button = gtk_button_new ();
      GtkWidget *inner = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
      GtkWidget *label = gtk_label_new (status_short_label (i));
      g_autofree char *tooltip = g_strdup_printf ("%s (%u)", trellis_progress_status_get_label (i), i + 1);

      gtk_box_append (GTK_BOX (inner), gtk_image_new_from_icon_name (status_icons[i]));
      gtk_box_append (GTK_BOX (inner), label);
      gtk_widget_add_css_class (label, "caption");
      gtk_button_set_child (GTK_BUTTON (button), inner);
      gtk_widget_set_tooltip_text (button, tooltip);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      trellis_progress_status_get_label (i), -1);
      gtk_widget_add_css_class (button, "progress-status-button");
      gtk_widget_add_css_class (button, status_classes[i]);
      if (marked && current == i)
        gtk_widget_add_css_class (button, "current");
      g_object_set_data (G_OBJECT (button), "trellis-status", GUINT_TO_POINTER (i));
      g_signal_connect (button, "clicked", G_CALLBACK (on_status_clicked_cb), data);
      gtk_box_append (GTK_BOX (box), button);
    }

  return box;
}

static void
add_format_row (PopoverData     *data,
                GtkBox          *box,
                TrellisProgress *progress)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new_with_mnemonic (_("_Format"));
  guint selected = 0;
  guint n = 0;

  data->formats = trellis_classroom_dup_node_formats (data->grid->classroom, data->node, &error);
  if (data->formats == NULL)
    data->formats = g_new0 (char *, 1);

  /* A format chosen before and since removed from the node still shows. */
  if (progress->format != NULL && !g_strv_contains ((const char * const *)data->formats, progress->format))
    {
      guint len = g_strv_length (data->formats);

      data->formats = g_renew (char *, data->formats, len + 2);
      data->formats[len] = g_strdup (progress->format);
      data->formats[len + 1] = NULL;
    }

  if (data->formats[0] == NULL)
    return;

  gtk_string_list_append (model, _("Not chosen yet"));
  for (char **f = data->formats; *f != NULL; f++, n++)
    {
      gtk_string_list_append (model, *f);
      if (g_strcmp0 (*f, progress->format) == 0)
        selected = n + 1;
    }

  data->format_dropdown = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&model)), NULL);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (data->format_dropdown), selected);
  gtk_widget_set_hexpand (data->format_dropdown, TRUE);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), data->format_dropdown);
  gtk_accessible_update_property (GTK_ACCESSIBLE (data->format_dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Demonstration format chosen"), -1);
  g_signal_connect (data->format_dropdown, "notify::selected", G_CALLBACK (on_format_selected_cb), data);

  gtk_box_append (GTK_BOX (row), label);
  gtk_box_append (GTK_BOX (row), data->format_dropdown);
  gtk_box_append (box, row);
}

static void
add_checkin_rows (PopoverData     *data,
                  GtkBox          *box,
                  TrellisProgress *progress)
{
  g_autofree char *today = trellis_classroom_today (data->grid->classroom);
  GtkWidget *button = gtk_button_new_with_mnemonic (_("Record _Check-in"));

  gtk_box_append (box, heading (_("Check-in")));

  data->date_entry = gtk_entry_new ();
  gtk_editable_set_text (GTK_EDITABLE (data->date_entry), progress->checkin_on != NULL ? progress->checkin_on : today);
  gtk_entry_set_placeholder_text (GTK_ENTRY (data->date_entry), _("YYYY-MM-DD"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (data->date_entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Check-in date"), -1);
  gtk_box_append (box, data->date_entry);

  data->note_entry = gtk_entry_new ();
  gtk_entry_set_max_length (GTK_ENTRY (data->note_entry), 200);
  gtk_entry_set_placeholder_text (GTK_ENTRY (data->note_entry), _("Short note (optional)"));
  if (progress->checkin_note != NULL)
    gtk_editable_set_text (GTK_EDITABLE (data->note_entry), progress->checkin_note);
  gtk_accessible_update_property (GTK_ACCESSIBLE (data->note_entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Check-in note"), -1);
  gtk_entry_set_activates_default (GTK_ENTRY (data->note_entry), FALSE);
  g_signal_connect_swapped (data->note_entry, "activate", G_CALLBACK (gtk_widget_activate), button);
  gtk_box_append (box, data->note_entry);

  gtk_widget_set_halign (button, GTK_ALIGN_END);
  g_signal_connect (button, "clicked", G_CALLBACK (on_checkin_clicked_cb), data);
  gtk_box_append (box, button);
}

static void
add_evidence_rows (PopoverData *data,
                   GtkBox      *box,
                   guint        n_skills)
{
  static const char * const kinds[] = { N_("Shown (complete)"), N_("Rubric level"), N_("Points"), NULL };
  g_autofree char *label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Record _evidence for its skill with the mark",
                                                         "Record _evidence for its %u skills with the mark",
                                                         n_skills),
                                            n_skills);
  g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);
  GtkWidget *scores = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *out_of = gtk_label_new (_("out of"));

  for (guint i = 0; kinds[i] != NULL; i++)
    gtk_string_list_append (model, _(kinds[i]));

  data->evidence_check = gtk_check_button_new_with_mnemonic (label);
  gtk_box_append (box, data->evidence_check);

  data->evidence_kind = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&model)), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (data->evidence_kind), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Kind of evidence"), -1);
  g_object_bind_property (data->evidence_check, "active", data->evidence_kind, "sensitive", G_BINDING_SYNC_CREATE);
  gtk_box_append (box, data->evidence_kind);

  data->score_spin = gtk_spin_button_new_with_range (0, 1000, 1);
  data->max_spin = gtk_spin_button_new_with_range (1, 1000, 1);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (data->score_spin), 3);
  gtk_accessible_update_property (GTK_ACCESSIBLE (data->score_spin), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Score or level"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (data->max_spin), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Highest score or level"), -1);
  gtk_box_append (GTK_BOX (scores), data->score_spin);
  gtk_box_append (GTK_BOX (scores), out_of);
  gtk_box_append (GTK_BOX (scores), data->max_spin);
  g_object_bind_property (data->evidence_check, "active", scores, "sensitive", G_BINDING_SYNC_CREATE);
  gtk_box_append (box, scores);

  g_signal_connect (data->evidence_kind, "notify::selected", G_CALLBACK (on_evidence_kind_cb), data);
  on_evidence_kind_cb (GTK_DROP_DOWN (data->evidence_kind), NULL, data);
}

static void
add_choice_rows (PopoverData *data,
                 GtkBox      *box)
{
  TrellisProgressGrid *self = data->grid;
  GListModel *options = trellis_classroom_get_nodes (self->classroom, self->playlist, data->node);
  g_autoptr(GPtrArray) offered = NULL;
  g_autoptr(GPtrArray) chosen = NULL;
  g_autoptr(GError) error = NULL;
  guint n = options != NULL ? g_list_model_get_n_items (options) : 0;
  gboolean beyond_shown = FALSE;

  data->option_checks = g_ptr_array_new ();
  offered = trellis_progress_offered_options (self->classroom, data->learner, data->node, &error);
  if (offered == NULL)
    {
      show_error (self, error);
      offered = g_ptr_array_new ();
      g_clear_error (&error);
    }
  chosen = trellis_progress_get_choices (self->classroom, data->learner, data->node, &error);
  if (chosen == NULL)
    chosen = g_ptr_array_new ();

  gtk_box_append (box, heading (_("Options Chosen")));
  if (n == 0)
    {
      GtkWidget *empty = gtk_label_new (_("This choice group has no options yet: add them in Build."));

      gtk_label_set_wrap (GTK_LABEL (empty), TRUE);
      gtk_label_set_xalign (GTK_LABEL (empty), 0);
      gtk_widget_add_css_class (empty, "dim-label");
      gtk_box_append (box, empty);
      return;
    }

  /* The options the learner is offered first, then the others. */
  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < n; i++)
      {
        g_autoptr(TrellisNode) option = g_list_model_get_item (options, i);
        gboolean is_offered = g_ptr_array_find (offered, option, NULL);
        GtkWidget *check;

        if (is_offered != (pass == 0))
          continue;

        if (!is_offered && !beyond_shown)
          {
            GtkWidget *label = gtk_label_new (_("Beyond their level (the teacher decides)"));

            gtk_label_set_xalign (GTK_LABEL (label), 0);
            gtk_label_set_wrap (GTK_LABEL (label), TRUE);
            gtk_widget_add_css_class (label, "dim-label");
            gtk_widget_add_css_class (label, "caption");
            gtk_box_append (box, label);
            beyond_shown = TRUE;
          }

        check = gtk_check_button_new_with_label (trellis_node_get_title (option));
        gtk_check_button_set_active (GTK_CHECK_BUTTON (check), g_ptr_array_find (chosen, option, NULL));
        g_object_set_data_full (G_OBJECT (check), "trellis-node", g_object_ref (option), g_object_unref);
        g_signal_connect (check, "toggled", G_CALLBACK (on_option_toggled_cb), data);
        g_ptr_array_add (data->option_checks, check);
        gtk_box_append (box, check);
      }

  data->bounds_label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (data->bounds_label), 0);
  gtk_label_set_wrap (GTK_LABEL (data->bounds_label), TRUE);
  gtk_box_append (box, data->bounds_label);

  data->save_choice_button = gtk_button_new_with_mnemonic (_("_Save Choice"));
  gtk_widget_set_halign (data->save_choice_button, GTK_ALIGN_END);
  gtk_widget_add_css_class (data->save_choice_button, "suggested-action");
  g_signal_connect (data->save_choice_button, "clicked", G_CALLBACK (on_save_choice_clicked_cb), data);
  gtk_box_append (box, data->save_choice_button);

  update_choice_bounds (data);
}

static void
open_popover (TrellisProgressGrid *self,
              GtkWidget           *cell)
{
  guint row = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (cell), "trellis-row")) - 1;
  guint col = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (cell), "trellis-col")) - 1;
  TrellisLearner *learner = g_ptr_array_index (self->row_learners, row);
  TrellisNode *node = g_ptr_array_index (self->col_nodes, col);
  g_autoptr(TrellisProgress) progress = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  PopoverData *data;
  GtkWidget *box;
  graphene_rect_t bounds;
  TrellisNodeKind kind = trellis_node_get_kind (node);

  close_popover (self);

  if (kind != TRELLIS_NODE_KIND_CHOICE)
    {
      progress = trellis_progress_get (self->classroom, learner, node, &error);
      if (progress == NULL)
        {
          show_error (self, error);
          return;
        }
    }

  data = g_new0 (PopoverData, 1);
  data->grid = self;
  data->learner = g_object_ref (learner);
  data->node = g_object_ref (node);
  data->cell = cell;

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  gtk_widget_set_size_request (box, 340, -1);
  title = g_strdup_printf ("%s — %s", trellis_learner_get_display_name (learner), trellis_node_get_title (node));
  {
    GtkWidget *label = heading (title);

    gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
    gtk_box_append (GTK_BOX (box), label);
  }

  gtk_box_append (GTK_BOX (box),
                  status_buttons (data, progress != NULL && progress->updated_at != NULL,
                                  progress != NULL ? progress->status : TRELLIS_PROGRESS_NOT_STARTED));

  if (kind == TRELLIS_NODE_KIND_CHOICE)
    {
      GtkWidget *hint = gtk_label_new (_("The mark goes on the options chosen."));

      gtk_label_set_xalign (GTK_LABEL (hint), 0);
      gtk_widget_add_css_class (hint, "dim-label");
      gtk_widget_add_css_class (hint, "caption");
      gtk_box_append (GTK_BOX (box), hint);
      add_choice_rows (data, GTK_BOX (box));
    }
  else
    {
      g_autoptr(GPtrArray) skills = trellis_classroom_dup_node_skills (self->classroom, node, NULL);

      add_format_row (data, GTK_BOX (box), progress);
      if (kind == TRELLIS_NODE_KIND_MILESTONE)
        add_checkin_rows (data, GTK_BOX (box), progress);
      if (skills != NULL && skills->len > 0)
        add_evidence_rows (data, GTK_BOX (box), skills->len);
    }

  g_object_set_data_full (G_OBJECT (box), "trellis-data", data, (GDestroyNotify)popover_data_free);
  gtk_popover_set_child (self->popover, box);

  /* Pointing at the cell, in the grid's coordinates. */
  if (gtk_widget_compute_bounds (cell, GTK_WIDGET (self), &bounds))
    gtk_popover_set_pointing_to (self->popover,
                                 &(GdkRectangle) { (int)bounds.origin.x, (int)bounds.origin.y,
                                                   (int)bounds.size.width, (int)bounds.size.height });
  gtk_popover_popup (self->popover);
}

/* ------------------------------------------------------------------ */
/* Building                                                            */

static void
on_cell_clicked_cb (GtkButton           *cell,
                    TrellisProgressGrid *self)
{
  open_popover (self, GTK_WIDGET (cell));
}

static void
on_row_header_clicked_cb (GtkButton           *button,
                          TrellisProgressGrid *self)
{
  TrellisLearner *learner = g_object_get_data (G_OBJECT (button), "trellis-learner");

  trellis_progress_grid_show_learner (self, learner);
}

static GtkWidget *
column_header_new (TrellisProgressGrid *self,
                   TrellisNode         *node)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *caption;
  g_autofree char *text = NULL;

  switch (trellis_node_get_kind (node))
    {
    case TRELLIS_NODE_KIND_CHOICE:
      if (trellis_node_get_choose_min (node) == trellis_node_get_choose_max (node))
        text = g_strdup_printf (_("Choose %u"), trellis_node_get_choose_max (node));
      else
        text = g_strdup_printf (_("Choose %u–%u"), trellis_node_get_choose_min (node),
                                trellis_node_get_choose_max (node));
      break;
    case TRELLIS_NODE_KIND_MILESTONE:
      if (trellis_node_get_target_date (node) != NULL)
        /* Translators: a milestone's target date, e.g. “Due 2026-10-02” */
        text = g_strdup_printf (_("Due %s"), trellis_node_get_target_date (node));
      else
        text = g_strdup (_("Milestone"));
      break;
    case TRELLIS_NODE_KIND_ACTIVITY:
    default:
      text = g_strdup (_("Activity"));
      break;
    }

  g_object_bind_property (node, "title", title, "label", G_BINDING_SYNC_CREATE);
  g_object_bind_property (node, "title", box, "tooltip-text", G_BINDING_SYNC_CREATE);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (title), 12);
  gtk_label_set_width_chars (GTK_LABEL (title), 12);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_add_css_class (title, "heading");
  caption = gtk_label_new (text);
  gtk_label_set_xalign (GTK_LABEL (caption), 0);
  gtk_label_set_ellipsize (GTK_LABEL (caption), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (caption, "caption");
  gtk_widget_add_css_class (caption, "dim-label");
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), caption);
  gtk_widget_set_valign (box, GTK_ALIGN_END);
  gtk_widget_add_css_class (box, "progress-column-header");
  if (trellis_node_get_kind (node) == TRELLIS_NODE_KIND_MILESTONE)
    gtk_widget_add_css_class (box, "milestone");

  return box;
}

static GtkWidget *
row_header_new (TrellisProgressGrid *self,
                TrellisLearner      *learner)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *late = gtk_label_new (NULL);

  g_object_bind_property (learner, "display-name", name, "label", G_BINDING_SYNC_CREATE);
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_label_set_width_chars (GTK_LABEL (name), 14);
  gtk_label_set_max_width_chars (GTK_LABEL (name), 18);
  gtk_label_set_xalign (GTK_LABEL (late), 0);
  gtk_widget_add_css_class (late, "caption");
  gtk_widget_add_css_class (late, "late-flag");
  gtk_widget_set_visible (late, FALSE);
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), late);
  /* Level with the cells of the row, which can be taller (size group). */
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "progress-row-header");
  gtk_widget_set_tooltip_text (button, _("Show what this learner is offered"));
  g_object_bind_property (learner, "display-name", button, "name", G_BINDING_SYNC_CREATE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  trellis_learner_get_display_name (learner), -1);
  g_object_set_data (G_OBJECT (button), "trellis-learner", learner);
  g_object_set_data (G_OBJECT (button), "trellis-late", late);
  g_signal_connect (button, "clicked", G_CALLBACK (on_row_header_clicked_cb), self);

  return button;
}

static gboolean
on_cell_query_tooltip_cb (GtkWidget  *cell,
                          int         x,
                          int         y,
                          gboolean    keyboard_mode,
                          GtkTooltip *tooltip,
                          gpointer    user_data)
{
  const char *text = g_object_get_data (G_OBJECT (cell), "trellis-tooltip");

  if (text == NULL)
    return FALSE;

  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static GtkWidget *
cell_new (TrellisProgressGrid *self,
          guint                row,
          guint                col)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  GtkWidget *image = gtk_image_new ();
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_width_chars (GTK_LABEL (label), 9);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 9);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), image);
  gtk_box_append (GTK_BOX (box), label);
  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_widget_add_css_class (button, "progress-cell");

  g_object_set_data (G_OBJECT (button), "trellis-image", image);
  g_object_set_data (G_OBJECT (button), "trellis-label", label);
  g_object_set_data (G_OBJECT (button), "trellis-row", GUINT_TO_POINTER (row + 1));
  g_object_set_data (G_OBJECT (button), "trellis-col", GUINT_TO_POINTER (col + 1));
  g_signal_connect (button, "clicked", G_CALLBACK (on_cell_clicked_cb), self);
  gtk_widget_set_has_tooltip (button, TRUE);
  g_signal_connect (button, "query-tooltip", G_CALLBACK (on_cell_query_tooltip_cb), NULL);

  return button;
}

static void
clear_grid (TrellisProgressGrid *self)
{
  GtkGrid *grids[] = { self->column_header_grid, self->row_header_grid, self->cells_grid };
  GtkWidget *child;

  close_popover (self);
  for (guint i = 0; i < G_N_ELEMENTS (grids); i++)
    while ((child = gtk_widget_get_first_child (GTK_WIDGET (grids[i]))) != NULL)
      gtk_grid_remove (grids[i], child);
  g_ptr_array_set_size (self->cells, 0);
  g_ptr_array_set_size (self->row_headers, 0);
  g_ptr_array_set_size (self->column_headers, 0);
  g_ptr_array_set_size (self->row_learners, 0);
  g_ptr_array_set_size (self->col_nodes, 0);
}

static void
rebuild (TrellisProgressGrid *self)
{
  GListModel *learners;
  guint n_learners, n_nodes;

  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  clear_grid (self);
  self->n_rebuilds++;

  if (self->classroom == NULL || self->playlist == NULL)
    {
      adw_status_page_set_title (self->empty_page, _("No Playlist Selected"));
      adw_status_page_set_description (self->empty_page, _("Select or add a playlist on the left to mark its progress."));
      gtk_stack_set_visible_child_name (self->stack, "empty");
      rebuild_learner_view (self);
      return;
    }

  learners = trellis_classroom_get_learners (self->classroom);
  n_learners = g_list_model_get_n_items (learners);
  n_nodes = self->nodes != NULL ? g_list_model_get_n_items (self->nodes) : 0;

  if (n_learners == 0 || n_nodes == 0)
    {
      adw_status_page_set_title (self->empty_page, n_learners == 0 ? _("No Learners") : _("Nothing to Mark Yet"));
      adw_status_page_set_description (self->empty_page,
                                       n_learners == 0
                                       ? _("Add learners in the main window; their progress shows here.")
                                       : _("Add activities, choice groups or milestones in Build."));
      gtk_stack_set_visible_child_name (self->stack, "empty");
      rebuild_learner_view (self);
      return;
    }

  for (guint i = 0; i < n_learners; i++)
    g_ptr_array_add (self->row_learners, g_list_model_get_item (learners, i));
  for (guint i = 0; i < n_nodes; i++)
    g_ptr_array_add (self->col_nodes, g_list_model_get_item (self->nodes, i));

  for (guint col = 0; col < n_nodes; col++)
    {
      GtkWidget *header = column_header_new (self, g_ptr_array_index (self->col_nodes, col));

      g_ptr_array_add (self->column_headers, header);
      gtk_grid_attach (self->column_header_grid, header, (int)col, 0, 1, 1);
    }

  for (guint row = 0; row < n_learners; row++)
    {
      GtkWidget *header = row_header_new (self, g_ptr_array_index (self->row_learners, row));

      g_ptr_array_add (self->row_headers, header);
      gtk_grid_attach (self->row_header_grid, header, 0, (int)row, 1, 1);
      for (guint col = 0; col < n_nodes; col++)
        {
          GtkWidget *cell = cell_new (self, row, col);

          g_ptr_array_add (self->cells, cell);
          gtk_grid_attach (self->cells_grid, cell, (int)col, (int)row, 1, 1);
        }
    }

  /* The headers, in grids of their own, take their column's width and
   * their row's height from one cell of it: the others are alike.  The
   * widgets keep their groups. */
  for (guint col = 0; col < n_nodes; col++)
    {
      g_autoptr(GtkSizeGroup) group = gtk_size_group_new (GTK_SIZE_GROUP_HORIZONTAL);

      gtk_size_group_add_widget (group, g_ptr_array_index (self->column_headers, col));
      gtk_size_group_add_widget (group, cell_at (self, 0, col));
    }
  for (guint row = 0; row < n_learners; row++)
    {
      g_autoptr(GtkSizeGroup) group = gtk_size_group_new (GTK_SIZE_GROUP_VERTICAL);

      gtk_size_group_add_widget (group, g_ptr_array_index (self->row_headers, row));
      gtk_size_group_add_widget (group, cell_at (self, row, 0));
    }

  refresh_late (self);
  for (guint row = 0; row < n_learners; row++)
    refresh_row (self, row);

  gtk_stack_set_visible_child_name (self->stack, "grid");
  rebuild_learner_view (self);
}

static gboolean
rebuild_idle_cb (gpointer user_data)
{
  TrellisProgressGrid *self = user_data;

  self->rebuild_id = 0;
  rebuild (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_rebuild (TrellisProgressGrid *self)
{
  if (self->rebuild_id == 0)
    self->rebuild_id = g_idle_add (rebuild_idle_cb, self);
}

/* ------------------------------------------------------------------ */
/* The per-learner view                                                */

static GtkWidget *
dim_label (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "dim-label");
  return label;
}

static GtkWidget *
choice_group_view (TrellisProgressGrid *self,
                   TrellisNode         *group)
{
  GListModel *options = trellis_classroom_get_nodes (self->classroom, self->playlist, group);
  g_autoptr(GPtrArray) offered = NULL;
  g_autoptr(GPtrArray) chosen = NULL;
  g_autofree char *description = NULL;
  g_autofree char *escaped_title = NULL;
  GtkWidget *prefs = adw_preferences_group_new ();
  guint n = options != NULL ? g_list_model_get_n_items (options) : 0;

  offered = trellis_progress_offered_options (self->classroom, self->learner, group, NULL);
  chosen = trellis_progress_get_choices (self->classroom, self->learner, group, NULL);
  description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Offered %u of %u option", "Offered %u of %u options", n),
                                 offered != NULL ? offered->len : 0, n);
  /* The group's title is markup. */
  escaped_title = g_markup_escape_text (trellis_node_get_title (group), -1);
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (prefs), escaped_title);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (prefs), description);

  if (n == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No options yet: add them in Build"));
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (prefs), row);
      return prefs;
    }

  /* Offered first, as in the popover. */
  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < n; i++)
      {
        g_autoptr(TrellisNode) option = g_list_model_get_item (options, i);
        gboolean is_offered = offered != NULL && g_ptr_array_find (offered, option, NULL);
        gboolean is_chosen = chosen != NULL && g_ptr_array_find (chosen, option, NULL);
        GtkWidget *row;
        g_autoptr(GString) subtitle = g_string_new (NULL);

        if (is_offered != (pass == 0))
          continue;

        row = adw_action_row_new ();
        adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
        adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), trellis_node_get_title (option));
        g_string_append (subtitle, is_offered ? _("Offered") : _("Beyond their level"));
        if (trellis_node_get_is_starter (option))
          g_string_append_printf (subtitle, " · %s", _("Starter"));
        if (trellis_node_get_is_challenge (option))
          g_string_append_printf (subtitle, " · %s", _("Challenge"));
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
        if (is_chosen)
          {
            GtkWidget *mark = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
            GtkWidget *label = gtk_label_new (_("Chosen"));

            gtk_box_append (GTK_BOX (mark), gtk_image_new_from_icon_name ("object-select-symbolic"));
            gtk_box_append (GTK_BOX (mark), label);
            gtk_widget_add_css_class (mark, "accent");
            adw_action_row_add_suffix (ADW_ACTION_ROW (row), mark);
          }
        if (!is_offered)
          gtk_widget_add_css_class (row, "beyond-level");
        adw_preferences_group_add (ADW_PREFERENCES_GROUP (prefs), row);
      }

  return prefs;
}

static void
rebuild_learner_view (TrellisProgressGrid *self)
{
  GtkWidget *child;
  GtkWidget *title;
  gboolean any_group = FALSE;
  guint level;
  g_autofree char *level_text = NULL;

  while ((child = gtk_widget_get_first_child (self->learner_box)) != NULL)
    gtk_box_remove (GTK_BOX (self->learner_box), child);

  if (self->learner == NULL || self->playlist == NULL)
    {
      gtk_box_append (GTK_BOX (self->learner_box),
                      dim_label (_("Choose a learner, or click a name in the grid, to see what they are offered.")));
      return;
    }

  title = gtk_label_new (trellis_learner_get_display_name (self->learner));
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_widget_add_css_class (title, "title-2");
  gtk_box_append (GTK_BOX (self->learner_box), title);

  level = CLAMP (trellis_learner_get_self_regulation (self->learner), 1, 3);
  /* Translators: a self-regulation level and its meaning, e.g. “Level 1: Sees up to two starter options …” */
  level_text = g_strdup_printf (_("Level %u: %s"), level, trellis_profile_describe_self_regulation (level));
  {
    GtkWidget *label = gtk_label_new (level_text);

    gtk_label_set_xalign (GTK_LABEL (label), 0);
    gtk_label_set_wrap (GTK_LABEL (label), TRUE);
    gtk_box_append (GTK_BOX (self->learner_box), label);
  }

  for (guint col = 0; col < n_cols (self); col++)
    {
      TrellisNode *node = g_ptr_array_index (self->col_nodes, col);

      if (trellis_node_get_kind (node) != TRELLIS_NODE_KIND_CHOICE)
        continue;
      gtk_box_append (GTK_BOX (self->learner_box), choice_group_view (self, node));
      any_group = TRUE;
    }

  if (!any_group)
    gtk_box_append (GTK_BOX (self->learner_box),
                    dim_label (_("This playlist has no choice groups, so every learner does the same items.")));
}

/* ------------------------------------------------------------------ */
/* Callbacks                                                           */

static void
on_data_changed_cb (TrellisClassroom        *classroom,
                    const TrellisDataChange *change,
                    TrellisProgressGrid     *self)
{
  if (self->rebuild_id != 0 || self->playlist == NULL)
    return;

  /* Items or skills removed or put back: the node lists show it only
   * after this emission, so rebuild from an idle, once for this and for
   * the items-changed of the grid's own list when the edit was there. */
  if ((change->kinds & TRELLIS_DATA_CURRICULUM) != 0)
    {
      schedule_rebuild (self);
      return;
    }

  /* A refit changes nothing the grid shows. */
  if ((change->kinds & (TRELLIS_DATA_PROGRESS | TRELLIS_DATA_CHOICES | TRELLIS_DATA_EVIDENCE)) == 0)
    return;

  refresh_learner (self, change->learner_id);
  if (self->learner != NULL &&
      (change->learner_id == 0 || change->learner_id == trellis_learner_get_id (self->learner)))
    rebuild_learner_view (self);
}

static void
on_structure_changed_cb (TrellisProgressGrid *self)
{
  schedule_rebuild (self);
}

static void
on_learner_selected_cb (GtkDropDown         *dropdown,
                        GParamSpec          *pspec,
                        TrellisProgressGrid *self)
{
  g_autoptr(TrellisLearner) learner = NULL;
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (self->syncing_dropdown || self->classroom == NULL || selected == GTK_INVALID_LIST_POSITION)
    return;

  learner = g_list_model_get_item (trellis_classroom_get_learners (self->classroom), selected);
  trellis_progress_grid_set_learner (self, learner);
}

/* ------------------------------------------------------------------ */
/* Actions                                                             */

static void
mark_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TrellisProgressGrid *self = TRELLIS_PROGRESS_GRID (widget);
  int status = g_variant_get_int32 (parameter);
  guint row, col;
  GtkWidget *cell = focused_cell (self, &row, &col);

  if (cell == NULL || status < 0 || status >= N_STATUSES ||
      (self->popover != NULL && gtk_widget_get_visible (GTK_WIDGET (self->popover))))
    return;

  mark (self, g_ptr_array_index (self->row_learners, row), g_ptr_array_index (self->col_nodes, col),
        (TrellisProgressStatus)status, NULL);
}

static void
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TrellisProgressGrid *self = TRELLIS_PROGRESS_GRID (widget);
  int dx, dy;
  guint row, col;
  GtkWidget *next;

  /* In the popover, the arrow keys are the popover's. */
  if (self->popover != NULL && gtk_widget_get_visible (GTK_WIDGET (self->popover)))
    return;

  g_variant_get (parameter, "(ii)", &dx, &dy);
  if (focused_cell (self, &row, &col) == NULL)
    {
      /* From anywhere else in the grid, the first cell. */
      if ((next = cell_at (self, 0, 0)) != NULL)
        gtk_widget_grab_focus (next);
      return;
    }

  if ((dx < 0 && col == 0) || (dy < 0 && row == 0))
    return;

  next = cell_at (self, (guint)((int)row + dy), (guint)((int)col + dx));
  if (next != NULL)
    gtk_widget_grab_focus (next);
}

/* ------------------------------------------------------------------ */
/* GObject                                                             */

static void
disconnect_classroom (TrellisProgressGrid *self)
{
  if (self->classroom == NULL)
    return;

  g_signal_handlers_disconnect_by_func (self->classroom, on_data_changed_cb, self);
  g_signal_handlers_disconnect_by_func (trellis_classroom_get_learners (self->classroom),
                                        on_structure_changed_cb, self);
}

static void
unwatch_nodes (TrellisProgressGrid *self)
{
  if (self->nodes != NULL)
    g_signal_handlers_disconnect_by_func (self->nodes, on_structure_changed_cb, self);
  g_clear_object (&self->nodes);
}

static void
trellis_progress_grid_dispose (GObject *object)
{
  TrellisProgressGrid *self = TRELLIS_PROGRESS_GRID (object);

  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  close_popover (self);
  clear_undo (self);
  if (self->popover != NULL)
    {
      gtk_widget_unparent (GTK_WIDGET (self->popover));
      self->popover = NULL;
    }
  if (self->cells_grid != NULL)
    clear_grid (self);
  unwatch_nodes (self);
  disconnect_classroom (self);
  g_clear_object (&self->classroom);
  g_clear_object (&self->playlist);
  g_clear_object (&self->learner);

  gtk_widget_dispose_template (GTK_WIDGET (self), TRELLIS_TYPE_PROGRESS_GRID);

  G_OBJECT_CLASS (trellis_progress_grid_parent_class)->dispose (object);
}

static void
trellis_progress_grid_finalize (GObject *object)
{
  TrellisProgressGrid *self = TRELLIS_PROGRESS_GRID (object);

  g_clear_pointer (&self->row_learners, g_ptr_array_unref);
  g_clear_pointer (&self->col_nodes, g_ptr_array_unref);
  g_clear_pointer (&self->cells, g_ptr_array_unref);
  g_clear_pointer (&self->row_headers, g_ptr_array_unref);
  g_clear_pointer (&self->column_headers, g_ptr_array_unref);
  g_clear_pointer (&self->late, g_hash_table_unref);

  G_OBJECT_CLASS (trellis_progress_grid_parent_class)->finalize (object);
}

static void
trellis_progress_grid_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  TrellisProgressGrid *self = TRELLIS_PROGRESS_GRID (object);

  switch (prop_id)
    {
    case PROP_CLASSROOM:
      g_value_set_object (value, self->classroom);
      break;
    case PROP_PLAYLIST:
      g_value_set_object (value, self->playlist);
      break;
    case PROP_LEARNER:
      g_value_set_object (value, self->learner);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trellis_progress_grid_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  TrellisProgressGrid *self = TRELLIS_PROGRESS_GRID (object);

  switch (prop_id)
    {
    case PROP_CLASSROOM:
      trellis_progress_grid_set_classroom (self, g_value_get_object (value));
      break;
    case PROP_PLAYLIST:
      trellis_progress_grid_set_playlist (self, g_value_get_object (value));
      break;
    case PROP_LEARNER:
      trellis_progress_grid_set_learner (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trellis_progress_grid_class_init (TrellisProgressGridClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  static const guint digits[][2] = {
    { GDK_KEY_1, GDK_KEY_KP_1 }, { GDK_KEY_2, GDK_KEY_KP_2 }, { GDK_KEY_3, GDK_KEY_KP_3 },
    { GDK_KEY_4, GDK_KEY_KP_4 }, { GDK_KEY_5, GDK_KEY_KP_5 },
  };

  object_class->dispose = trellis_progress_grid_dispose;
  object_class->finalize = trellis_progress_grid_finalize;
  object_class->get_property = trellis_progress_grid_get_property;
  object_class->set_property = trellis_progress_grid_set_property;

  properties[PROP_CLASSROOM] =
    g_param_spec_object ("classroom", NULL, NULL,
                         TRELLIS_TYPE_CLASSROOM,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_PLAYLIST] =
    g_param_spec_object ("playlist", NULL, NULL,
                         TRELLIS_TYPE_PLAYLIST,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_LEARNER] =
    g_param_spec_object ("learner", NULL, NULL,
                         TRELLIS_TYPE_LEARNER,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/trellis/Trellis/trellis-progress-grid.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "progressgrid");
  gtk_widget_class_bind_template_child (widget_class, TrellisProgressGrid, stack);
  gtk_widget_class_bind_template_child (widget_class, TrellisProgressGrid, empty_page);
  gtk_widget_class_bind_template_child (widget_class, TrellisProgressGrid, flap);
  gtk_widget_class_bind_template_child (widget_class, TrellisProgressGrid, learner_dropdown);
  gtk_widget_class_bind_template_child (widget_class, TrellisProgressGrid, column_header_scroller);
  gtk_widget_class_bind_template_child (widget_class, TrellisProgressGrid, row_header_scroller);
  gtk_widget_class_bind_template_child (widget_class, TrellisProgressGrid, scroller);
  gtk_widget_class_bind_template_child (widget_class, TrellisProgressGrid, column_header_grid);
  gtk_widget_class_bind_template_child (widget_class, TrellisProgressGrid, row_header_grid);
  gtk_widget_class_bind_template_child (widget_class, TrellisProgressGrid, cells_grid);
  gtk_widget_class_bind_template_child (widget_class, TrellisProgressGrid, learner_box);
  gtk_widget_class_bind_template_callback (widget_class, on_learner_selected_cb);

  gtk_widget_class_install_action (widget_class, "grid.mark", "i", mark_action);
  gtk_widget_class_install_action (widget_class, "grid.move", "(ii)", move_action);

  for (guint i = 0; i < G_N_ELEMENTS (digits); i++)
    for (guint k = 0; k < 2; k++)
      gtk_widget_class_add_binding_action (widget_class, digits[i][k], 0, "grid.mark", "i", (int)i);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, 0, "grid.move", "(ii)", -1, 0);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, 0, "grid.move", "(ii)", 1, 0);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, 0, "grid.move", "(ii)", 0, -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, 0, "grid.move", "(ii)", 0, 1);
}

static void
trellis_progress_grid_init (TrellisProgressGrid *self)
{
  g_autoptr(GtkExpression) expression = NULL;

  self->row_learners = g_ptr_array_new_with_free_func (g_object_unref);
  self->col_nodes = g_ptr_array_new_with_free_func (g_object_unref);
  self->cells = g_ptr_array_new ();
  self->row_headers = g_ptr_array_new ();
  self->column_headers = g_ptr_array_new ();
  self->late = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->undo_timeout_ms = UNDO_TIMEOUT_MS;

  gtk_widget_init_template (GTK_WIDGET (self));

  /* The headers follow the cells, and the cells the headers (a wheel over them). */
  g_object_bind_property (gtk_scrolled_window_get_hadjustment (self->scroller), "value",
                          gtk_scrolled_window_get_hadjustment (self->column_header_scroller), "value",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_object_bind_property (gtk_scrolled_window_get_vadjustment (self->scroller), "value",
                          gtk_scrolled_window_get_vadjustment (self->row_header_scroller), "value",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);

  self->popover = GTK_POPOVER (gtk_popover_new ());
  gtk_widget_set_parent (GTK_WIDGET (self->popover), GTK_WIDGET (self));

  expression = gtk_property_expression_new (TRELLIS_TYPE_LEARNER, NULL, "display-name");
  gtk_drop_down_set_expression (self->learner_dropdown, expression);

  rebuild (self);
}

/* ------------------------------------------------------------------ */
/* Public API                                                          */

GtkWidget *
trellis_progress_grid_new (void)
{
  return g_object_new (TRELLIS_TYPE_PROGRESS_GRID, NULL);
}

TrellisClassroom *
trellis_progress_grid_get_classroom (TrellisProgressGrid *self)
{
  g_return_val_if_fail (TRELLIS_IS_PROGRESS_GRID (self), NULL);

  return self->classroom;
}

void
trellis_progress_grid_set_classroom (TrellisProgressGrid *self,
                                     TrellisClassroom    *classroom)
{
  g_return_if_fail (TRELLIS_IS_PROGRESS_GRID (self));
  g_return_if_fail (classroom == NULL || TRELLIS_IS_CLASSROOM (classroom));

  if (self->classroom == classroom)
    return;

  trellis_progress_grid_set_playlist (self, NULL);
  trellis_progress_grid_set_learner (self, NULL);
  clear_undo (self);
  disconnect_classroom (self);
  g_set_object (&self->classroom, classroom);

  self->syncing_dropdown = TRUE;
  gtk_drop_down_set_model (self->learner_dropdown,
                           classroom != NULL ? trellis_classroom_get_learners (classroom) : NULL);
  self->syncing_dropdown = FALSE;

  if (classroom != NULL)
    {
      g_signal_connect (classroom, "data-changed", G_CALLBACK (on_data_changed_cb), self);
      g_signal_connect_swapped (trellis_classroom_get_learners (classroom), "items-changed",
                                G_CALLBACK (on_structure_changed_cb), self);
      if (g_list_model_get_n_items (trellis_classroom_get_learners (classroom)) > 0)
        {
          g_autoptr(TrellisLearner) first = g_list_model_get_item (trellis_classroom_get_learners (classroom), 0);

          trellis_progress_grid_set_learner (self, first);
        }
    }

  rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLASSROOM]);
}

TrellisPlaylist *
trellis_progress_grid_get_playlist (TrellisProgressGrid *self)
{
  g_return_val_if_fail (TRELLIS_IS_PROGRESS_GRID (self), NULL);

  return self->playlist;
}

void
trellis_progress_grid_set_playlist (TrellisProgressGrid *self,
                                    TrellisPlaylist     *playlist)
{
  g_return_if_fail (TRELLIS_IS_PROGRESS_GRID (self));
  g_return_if_fail (playlist == NULL || TRELLIS_IS_PLAYLIST (playlist));

  if (self->playlist == playlist)
    return;

  unwatch_nodes (self);
  g_set_object (&self->playlist, playlist);
  if (playlist != NULL && self->classroom != NULL)
    {
      self->nodes = g_object_ref (trellis_classroom_get_nodes (self->classroom, playlist, NULL));
      g_signal_connect_swapped (self->nodes, "items-changed", G_CALLBACK (on_structure_changed_cb), self);
    }

  rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLAYLIST]);
}

TrellisLearner *
trellis_progress_grid_get_learner (TrellisProgressGrid *self)
{
  g_return_val_if_fail (TRELLIS_IS_PROGRESS_GRID (self), NULL);

  return self->learner;
}

void
trellis_progress_grid_set_learner (TrellisProgressGrid *self,
                                   TrellisLearner      *learner)
{
  guint position;

  g_return_if_fail (TRELLIS_IS_PROGRESS_GRID (self));
  g_return_if_fail (learner == NULL || TRELLIS_IS_LEARNER (learner));

  if (self->learner == learner)
    return;

  g_set_object (&self->learner, learner);

  self->syncing_dropdown = TRUE;
  if (learner != NULL && self->classroom != NULL &&
      g_list_store_find (G_LIST_STORE (trellis_classroom_get_learners (self->classroom)), learner, &position))
    gtk_drop_down_set_selected (self->learner_dropdown, position);
  self->syncing_dropdown = FALSE;

  rebuild_learner_view (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LEARNER]);
}

/**
 * trellis_progress_grid_show_learner:
 *
 * Selects @learner and opens the per-learner view beside the grid.
 */
void
trellis_progress_grid_show_learner (TrellisProgressGrid *self,
                                    TrellisLearner      *learner)
{
  g_return_if_fail (TRELLIS_IS_PROGRESS_GRID (self));
  g_return_if_fail (TRELLIS_IS_LEARNER (learner));

  trellis_progress_grid_set_learner (self, learner);
  adw_flap_set_reveal_flap (self->flap, TRUE);
}

/**
 * trellis_progress_grid_get_shown_learner:
 *
 * Returns: (transfer none) (nullable): the learner whose per-learner view
 *   shows beside the grid, or %NULL when it is closed
 */
TrellisLearner *
trellis_progress_grid_get_shown_learner (TrellisProgressGrid *self)
{
  g_return_val_if_fail (TRELLIS_IS_PROGRESS_GRID (self), NULL);

  return adw_flap_get_reveal_flap (self->flap) ? self->learner : NULL;
}

/* ------------------------------------------------------------------ */
/* For the tests                                                       */

GtkWidget *
_trellis_progress_grid_get_cell (TrellisProgressGrid *self,
                                 TrellisLearner      *learner,
                                 TrellisNode         *node)
{
  guint row, col;

  g_return_val_if_fail (TRELLIS_IS_PROGRESS_GRID (self), NULL);

  if (self->rebuild_id != 0)
    rebuild (self);

  if (!g_ptr_array_find (self->row_learners, learner, &row) || !g_ptr_array_find (self->col_nodes, node, &col))
    return NULL;

  return cell_at (self, row, col);
}

GtkWidget *
_trellis_progress_grid_get_row_header (TrellisProgressGrid *self,
                                       TrellisLearner      *learner)
{
  guint row;

  g_return_val_if_fail (TRELLIS_IS_PROGRESS_GRID (self), NULL);

  if (!g_ptr_array_find (self->row_learners, learner, &row))
    return NULL;

  return g_ptr_array_index (self->row_headers, row);
}

GtkWidget *
_trellis_progress_grid_get_column_header (TrellisProgressGrid *self,
                                          TrellisNode         *node)
{
  g_return_val_if_fail (TRELLIS_IS_PROGRESS_GRID (self), NULL);

  for (guint col = 0; col < n_cols (self); col++)
    if (g_ptr_array_index (self->col_nodes, col) == node)
      return g_ptr_array_index (self->column_headers, col);

  return NULL;
}

GtkPopover *
_trellis_progress_grid_get_popover (TrellisProgressGrid *self)
{
  g_return_val_if_fail (TRELLIS_IS_PROGRESS_GRID (self), NULL);

  return self->popover;
}

char *
_trellis_progress_grid_dup_cell_text (TrellisProgressGrid *self,
                                      TrellisLearner      *learner,
                                      TrellisNode         *node)
{
  GtkWidget *cell = _trellis_progress_grid_get_cell (self, learner, node);

  if (cell == NULL)
    return NULL;

  return g_strdup (gtk_label_get_label (g_object_get_data (G_OBJECT (cell), "trellis-label")));
}

GtkWidget *
_trellis_progress_grid_get_learner_box (TrellisProgressGrid *self)
{
  g_return_val_if_fail (TRELLIS_IS_PROGRESS_GRID (self), NULL);

  return self->learner_box;
}

guint
_trellis_progress_grid_get_n_rebuilds (TrellisProgressGrid *self)
{
  g_return_val_if_fail (TRELLIS_IS_PROGRESS_GRID (self), 0);

  return self->n_rebuilds;
}

const char *
_trellis_progress_grid_get_visible_page (TrellisProgressGrid  *self,
                                         const char          **title)
{
  g_return_val_if_fail (TRELLIS_IS_PROGRESS_GRID (self), NULL);

  if (self->rebuild_id != 0)
    rebuild (self);

  if (title != NULL)
    *title = adw_status_page_get_title (self->empty_page);

  return gtk_stack_get_visible_child_name (self->stack);
}

AdwToast *
_trellis_progress_grid_get_undo_toast (TrellisProgressGrid *self)
{
  g_return_val_if_fail (TRELLIS_IS_PROGRESS_GRID (self), NULL);

  return self->undo_toast;
}

void
_trellis_progress_grid_set_undo_timeout (TrellisProgressGrid *self,
                                         guint                timeout_ms)
{
  g_return_if_fail (TRELLIS_IS_PROGRESS_GRID (self));
  g_return_if_fail (timeout_ms > 0);

  self->undo_timeout_ms = timeout_ms;
}

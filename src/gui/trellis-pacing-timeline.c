/* trellis-pacing-timeline.c
 *
 * Copyright 2026 The Trellis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trellis-pacing-timeline"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "trellis-bar-chart.h"
#include "trellis-pacing-timeline.h"
#include "trellis-profile.h"

/*
 * The unit's pacing, one row per week: the week, its status in words
 * (over by N, N to spare), a bar of the minutes planned against the class
 * minutes available, the figures, and the milestones due that week with
 * a flag.  The bar is blue up to the available time and hatched
 * vermilion beyond it, with a mark where the available time ends, so an
 * overloaded week shows by its pattern, an icon and words, not by colour
 * alone.  Every row's plain sentence (trellis_pacing_describe_week()) is
 * its accessible label, and all of them together the widget's
 * accessible description.
 */

/* The bar's height and the drawing's */
#define BAR_HEIGHT 12
#define BAR_AREA_HEIGHT 18

struct _TrellisPacingTimeline
{
  GtkWidget      parent_instance;

  TrellisPacing *pacing;
  char          *text;
  /* The minutes the bars' full width stands for */
  guint          scale;

  GtkLabel      *summary_label;
  AdwStatusPage *empty_page;
  GtkWidget     *scroller;
  GtkBox        *weeks_box;
  GtkLabel      *unscheduled_label;
};

G_DEFINE_FINAL_TYPE (TrellisPacingTimeline, trellis_pacing_timeline, GTK_TYPE_WIDGET)

/* Helpers */

static void
set_fg (cairo_t  *cr,
        gboolean  dark,
        double    alpha)
{
  if (dark)
    cairo_set_source_rgba (cr, 1, 1, 1, alpha);
  else
    cairo_set_source_rgba (cr, 0, 0, 0, alpha * 0.8);
}

static void
set_color (cairo_t           *cr,
           TrellisChartColor  color,
           gboolean           dark)
{
  double r, g, b;

  trellis_chart_color_get_rgb (color, dark, &r, &g, &b);
  cairo_set_source_rgb (cr, r, g, b);
}

static void
draw_bar_cb (GtkDrawingArea *area,
             cairo_t        *cr,
             int             width,
             int             height,
             gpointer        user_data)
{
  TrellisPacingTimeline *self = TRELLIS_PACING_TIMELINE (gtk_widget_get_ancestor (GTK_WIDGET (area),
                                                                                  TRELLIS_TYPE_PACING_TIMELINE));
  guint index = GPOINTER_TO_UINT (user_data);
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  TrellisPacingWeek *week;
  double y = (height - BAR_HEIGHT) / 2.0;
  double available_x, planned_x, inside_x;

  if (self == NULL || self->pacing == NULL || index >= self->pacing->weeks->len || self->scale == 0)
    return;

  week = g_ptr_array_index (self->pacing->weeks, index);
  available_x = (double)width * week->available_minutes / self->scale;
  planned_x = (double)width * week->planned_minutes / self->scale;
  inside_x = MIN (available_x, planned_x);

  /* The available time: a faint track */
  set_fg (cr, dark, 0.12);
  cairo_rectangle (cr, 0, y, available_x, BAR_HEIGHT);
  cairo_fill (cr);

  /* Planned within it */
  set_color (cr, TRELLIS_CHART_COLOR_BLUE, dark);
  cairo_rectangle (cr, 0, y, inside_x, BAR_HEIGHT);
  cairo_fill (cr);

  /* Planned beyond it: hatched */
  if (planned_x > available_x)
    {
      cairo_save (cr);
      cairo_rectangle (cr, available_x, y, planned_x - available_x, BAR_HEIGHT);
      cairo_clip (cr);
      set_color (cr, TRELLIS_CHART_COLOR_VERMILLION, dark);
      cairo_paint (cr);
      cairo_set_line_width (cr, 2);
      if (dark)
        cairo_set_source_rgba (cr, 0, 0, 0, 0.55);
      else
        cairo_set_source_rgba (cr, 1, 1, 1, 0.7);
      for (double x = available_x - BAR_HEIGHT; x < planned_x + BAR_HEIGHT; x += 6)
        {
          cairo_move_to (cr, x, y + BAR_HEIGHT);
          cairo_line_to (cr, x + BAR_HEIGHT, y);
        }
      cairo_stroke (cr);
      cairo_restore (cr);
    }

  /* Where the available time ends */
  set_fg (cr, dark, 0.85);
  cairo_rectangle (cr, MIN (MAX (available_x - 1, 0), width - 2), 0, 2, height);
  cairo_fill (cr);
}

static GtkWidget *
dim_label_new (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (label, "dim-label");

  return label;
}

static GtkWidget *
week_row_new (TrellisPacingTimeline *self,
              guint                  index)
{
  TrellisPacingWeek *week = g_ptr_array_index (self->pacing->weeks, index);
  g_autofree char *monday = trellis_pacing_format_day (week->monday);
  g_autofree char *heading = NULL;
  g_autofree char *status = NULL;
  g_autofree char *figures = NULL;
  g_autofree char *sentence = trellis_pacing_describe_week (week);
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label;
  GtkWidget *bar;

  /* Translators: %s is a date like “12 Oct” */
  heading = g_strdup_printf (_("Week of %s"), monday);
  label = gtk_label_new (heading);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_box_append (GTK_BOX (top), label);

  if (week->overloaded)
    {
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

      gtk_widget_set_hexpand (icon, TRUE);
      gtk_widget_set_halign (icon, GTK_ALIGN_END);
      gtk_widget_add_css_class (icon, "warning");
      gtk_box_append (GTK_BOX (top), icon);
      /* Translators: more minutes are planned in a week than the class has */
      status = g_strdup_printf (_("Over by %u min"), week->planned_minutes - week->available_minutes);
      label = gtk_label_new (status);
      gtk_widget_add_css_class (label, "warning");
      gtk_widget_add_css_class (label, "heading");
    }
  else
    {
      if (week->planned_minutes == 0)
        status = g_strdup (_("Nothing planned"));
      else
        /* Translators: fewer minutes are planned in a week than the class has */
        status = g_strdup_printf (_("%u min to spare"), week->available_minutes - week->planned_minutes);
      label = gtk_label_new (status);
      gtk_widget_set_hexpand (label, TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 1);
      gtk_widget_add_css_class (label, "dim-label");
    }
  gtk_box_append (GTK_BOX (top), label);
  gtk_box_append (GTK_BOX (row), top);

  bar = gtk_drawing_area_new ();
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (bar), BAR_AREA_HEIGHT);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (bar), draw_bar_cb, GUINT_TO_POINTER (index), NULL);
  gtk_widget_set_margin_top (bar, 2);
  gtk_box_append (GTK_BOX (row), bar);

  figures = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "%u of %u class minutes planned · %u item",
                                          "%u of %u class minutes planned · %u items",
                                          week->n_items),
                             week->planned_minutes, week->available_minutes, week->n_items);
  gtk_box_append (GTK_BOX (row), dim_label_new (figures));

  for (guint i = 0; i < week->milestones->len; i++)
    {
      TrellisPacingEntry *milestone = g_ptr_array_index (week->milestones, i);
      g_autofree char *due = trellis_pacing_format_day (milestone->date);
      g_autofree char *text = NULL;
      GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *flag = gtk_image_new_from_icon_name ("emoji-flags-symbolic");

      gtk_widget_add_css_class (flag, "accent");
      gtk_box_append (GTK_BOX (line), flag);
      /* Translators: a milestone's title and its target date, like “12 Oct” */
      text = g_strdup_printf (_("%s — due %s"), milestone->title, due);
      label = gtk_label_new (text);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_box_append (GTK_BOX (line), label);
      gtk_box_append (GTK_BOX (row), line);
    }

  /* Screen readers get the row as one sentence. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, sentence,
                                  -1);
  for (GtkWidget *child = gtk_widget_get_first_child (row); child != NULL; child = gtk_widget_get_next_sibling (child))
    gtk_accessible_update_state (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);

  return row;
}

static char *
entries_text (GPtrArray *entries)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < entries->len; i++)
    {
      TrellisPacingEntry *entry = g_ptr_array_index (entries, i);

      if (i > 0)
        g_string_append (text, _(", "));
      if (entry->date != NULL)
        {
          g_autofree char *day = trellis_pacing_format_day (entry->date);

          /* Translators: an item's title, its date and its minutes */
          g_string_append_printf (text, _("%s (%s, %u min)"), entry->title, day, entry->minutes);
        }
      else
        /* Translators: an item's title and its minutes */
        g_string_append_printf (text, _("%s (%u min)"), entry->title, entry->minutes);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
rebuild (TrellisPacingTimeline *self)
{
  TrellisPacing *pacing = self->pacing;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GString) notes = g_string_new (NULL);
  g_autofree char *summary = NULL;
  GtkWidget *child;
  guint n_weeks = pacing != NULL ? pacing->weeks->len : 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->weeks_box))) != NULL)
    gtk_box_remove (self->weeks_box, child);

  self->scale = 1;
  for (guint i = 0; i < n_weeks; i++)
    {
      TrellisPacingWeek *week = g_ptr_array_index (pacing->weeks, i);

      self->scale = MAX (self->scale, MAX (week->planned_minutes, week->available_minutes));
    }

  if (pacing == NULL)
    summary = g_strdup (_("No playlist selected."));
  else if (n_weeks > 0)
    {
      g_autofree char *description = trellis_pacing_describe (pacing);
      g_autofree char *first = trellis_pacing_format_day (pacing->first_day);
      g_autofree char *last = trellis_pacing_format_day (pacing->last_day);

      if (g_strcmp0 (pacing->first_day, pacing->last_day) == 0)
        /* Translators: the one date the items have, then a description of the week */
        summary = g_strdup_printf (_("Items dated %s: %s"), first, description);
      else
        summary = g_strdup_printf (pacing->from_unit_dates ?
                                   /* Translators: the unit's first and last day, then a description of its weeks */
                                   _("Unit from %s to %s: %s") :
                                   /* Translators: the first and last item dates, then a description of the weeks */
                                   _("Items dated %s to %s: %s"),
                                   first, last, description);
    }
  else
    summary = trellis_pacing_describe (pacing);
  gtk_label_set_text (self->summary_label, summary);
  g_string_append (text, summary);

  for (guint i = 0; i < n_weeks; i++)
    {
      g_autofree char *sentence = trellis_pacing_describe_week (g_ptr_array_index (pacing->weeks, i));

      gtk_box_append (self->weeks_box, week_row_new (self, i));
      g_string_append_c (text, '\n');
      g_string_append (text, sentence);
    }

  if (pacing != NULL && pacing->unscheduled->len > 0)
    {
      g_autofree char *list = entries_text (pacing->unscheduled);

      /* Translators: followed by a list of items */
      g_string_append_printf (notes, _("No date yet: %s."), list);
    }
  if (pacing != NULL && pacing->outside->len > 0)
    {
      g_autofree char *list = entries_text (pacing->outside);

      if (notes->len > 0)
        g_string_append_c (notes, ' ');
      /* Translators: followed by a list of items */
      g_string_append_printf (notes, _("Dated outside the unit: %s."), list);
    }
  gtk_label_set_text (self->unscheduled_label, notes->str);
  gtk_widget_set_visible (GTK_WIDGET (self->unscheduled_label), notes->len > 0);
  if (notes->len > 0)
    {
      g_string_append_c (text, '\n');
      g_string_append (text, notes->str);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->empty_page), n_weeks == 0);
  gtk_widget_set_visible (self->scroller, n_weeks > 0);

  g_free (self->text);
  self->text = g_string_free (g_steal_pointer (&text), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, self->text,
                                  -1);
}

/* Callbacks */

static void
on_dark_changed_cb (TrellisPacingTimeline *self)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->weeks_box));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    for (GtkWidget *child = gtk_widget_get_first_child (row); child != NULL; child = gtk_widget_get_next_sibling (child))
      if (GTK_IS_DRAWING_AREA (child))
        gtk_widget_queue_draw (child);
}

/* Overrides */

static void
trellis_pacing_timeline_dispose (GObject *object)
{
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (object), TRELLIS_TYPE_PACING_TIMELINE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (trellis_pacing_timeline_parent_class)->dispose (object);
}

static void
trellis_pacing_timeline_finalize (GObject *object)
{
  TrellisPacingTimeline *self = TRELLIS_PACING_TIMELINE (object);

  g_clear_pointer (&self->pacing, trellis_pacing_free);
  g_free (self->text);

  G_OBJECT_CLASS (trellis_pacing_timeline_parent_class)->finalize (object);
}

static void
trellis_pacing_timeline_class_init (TrellisPacingTimelineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = trellis_pacing_timeline_dispose;
  object_class->finalize = trellis_pacing_timeline_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/trellis/Trellis/trellis-pacing-timeline.ui");
  gtk_widget_class_bind_template_child (widget_class, TrellisPacingTimeline, summary_label);
  gtk_widget_class_bind_template_child (widget_class, TrellisPacingTimeline, empty_page);
  gtk_widget_class_bind_template_child (widget_class, TrellisPacingTimeline, scroller);
  gtk_widget_class_bind_template_child (widget_class, TrellisPacingTimeline, weeks_box);
  gtk_widget_class_bind_template_child (widget_class, TrellisPacingTimeline, unscheduled_label);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "pacingtimeline");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
trellis_pacing_timeline_init (TrellisPacingTimeline *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Pacing"),
                                  -1);
  self->text = g_strdup ("");
  rebuild (self);

  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (on_dark_changed_cb), self, G_CONNECT_SWAPPED);
}

/* Public API */

GtkWidget *
trellis_pacing_timeline_new (void)
{
  return g_object_new (TRELLIS_TYPE_PACING_TIMELINE, NULL);
}

/**
 * trellis_pacing_timeline_update:
 * @playlist: (nullable): the playlist to show, or %NULL for none
 *
 * Computes @playlist's pacing again, from its nodes as they are now and
 * @classroom's class minutes per week as they are now, and shows it.
 */
void
trellis_pacing_timeline_update (TrellisPacingTimeline *self,
                                TrellisClassroom      *classroom,
                                TrellisPlaylist       *playlist)
{
  g_return_if_fail (TRELLIS_IS_PACING_TIMELINE (self));
  g_return_if_fail (TRELLIS_IS_CLASSROOM (classroom));
  g_return_if_fail (playlist == NULL || TRELLIS_IS_PLAYLIST (playlist));

  g_clear_pointer (&self->pacing, trellis_pacing_free);
  if (playlist != NULL)
    self->pacing = trellis_pacing_compute_for_playlist (classroom, playlist,
                                                        trellis_profile_get_class_minutes_per_week (classroom));
  rebuild (self);
}

/**
 * trellis_pacing_timeline_get_pacing:
 *
 * Returns: (transfer none) (nullable): the pacing shown, or %NULL
 */
const TrellisPacing *
trellis_pacing_timeline_get_pacing (TrellisPacingTimeline *self)
{
  g_return_val_if_fail (TRELLIS_IS_PACING_TIMELINE (self), NULL);

  return self->pacing;
}

/**
 * trellis_pacing_timeline_get_text:
 *
 * What screen readers get: the summary, then one sentence per week, then
 * the items without a date or outside the unit, one per line.
 *
 * Returns: (transfer none): the text
 */
const char *
trellis_pacing_timeline_get_text (TrellisPacingTimeline *self)
{
  g_return_val_if_fail (TRELLIS_IS_PACING_TIMELINE (self), NULL);

  return self->text;
}

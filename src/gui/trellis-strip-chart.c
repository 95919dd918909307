/* trellis-strip-chart.c
 *
 * Copyright 2026 The Trellis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

#include "trellis-chart-viewport.h"
#include "trellis-strip-chart.h"

#define CELL     14
#define GAP      2
#define ROW_GAP  4
#define MAX_NAME 220

typedef struct
{
  char   *label;
  guint8 *levels;
} Row;

struct _TrellisStripChart
{
  GtkWidget          parent_instance;

  guint              n_levels;
  char             **names;
  TrellisChartColor *colors;
  char             **columns;
  GArray            *rows;      /* Row */
  char              *text;
  double             name_width;
  double             row_height;
};

G_DEFINE_FINAL_TYPE (TrellisStripChart, trellis_strip_chart, GTK_TYPE_WIDGET)

static guint
n_columns (TrellisStripChart *self)
{
  return self->columns ? g_strv_length (self->columns) : 0;
}

static void
row_clear (gpointer data)
{
  Row *row = data;

  g_free (row->label);
  g_free (row->levels);
}

static const char *
level_name (TrellisStripChart *self,
            guint8             level)
{
  return level < self->n_levels && self->names[level] ? self->names[level] : "";
}

static void
update_text (TrellisStripChart *self)
{
  GString *text = g_string_new (NULL);
  guint n = n_columns (self);

  for (guint i = 0; i < self->rows->len; i++)
    {
      const Row *row = &g_array_index (self->rows, Row, i);

      if (text->len > 0)
        g_string_append (text, "; ");
      g_string_append (text, row->label);
      g_string_append (text, ": ");
      for (guint c = 0; c < n; c++)
        {
          /* Translators: a skill and a level in a learner's strip, e.g. "RH.6-8.1 mastered" */
          g_string_append_printf (text, _("%s %s"), self->columns[c], level_name (self, row->levels[c]));
          if (c + 1 < n)
            g_string_append (text, ", ");
        }
    }

  g_free (self->text);
  self->text = g_string_free (text, FALSE);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, self->text,
                                  -1);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

/* The names' width and the row height, from the widget's font. */
static void
update_metrics (TrellisStripChart *self)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), "Ag");
  int width = 0, height;

  pango_layout_get_pixel_size (layout, NULL, &height);
  for (guint i = 0; i < self->rows->len; i++)
    {
      int w;

      pango_layout_set_text (layout, g_array_index (self->rows, Row, i).label, -1);
      pango_layout_get_pixel_size (layout, &w, NULL);
      width = MAX (width, w);
    }
  g_object_unref (layout);

  self->name_width = MIN (width, MAX_NAME) + 12;
  self->row_height = MAX (height, CELL) + ROW_GAP;
}

static gboolean
on_query_tooltip_cb (TrellisStripChart *self,
                     int                x,
                     int                y,
                     gboolean           keyboard,
                     GtkTooltip        *tooltip)
{
  g_autofree char *text = NULL;
  const Row *row;
  int r, c;

  if (keyboard || self->row_height <= 0 || x < self->name_width)
    return FALSE;

  r = (int) (y / self->row_height);
  c = (int) ((x - self->name_width) / (CELL + GAP));
  if (r < 0 || (guint) r >= self->rows->len || c < 0 || (guint) c >= n_columns (self))
    return FALSE;

  row = &g_array_index (self->rows, Row, r);
  /* Translators: a learner, a skill and the learner's level on it */
  text = g_strdup_printf (_("%s — %s: %s"), row->label, self->columns[c], level_name (self, row->levels[c]));
  gtk_tooltip_set_text (tooltip, text);

  return TRUE;
}

static void
on_dark_changed_cb (TrellisStripChart *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
trellis_strip_chart_measure (GtkWidget      *widget,
                             GtkOrientation  orientation,
                             int             for_size,
                             int            *minimum,
                             int            *natural,
                             int            *minimum_baseline,
                             int            *natural_baseline)
{
  TrellisStripChart *self = TRELLIS_STRIP_CHART (widget);

  update_metrics (self);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *minimum = *natural = (int) ceil (self->name_width + n_columns (self) * (CELL + GAP));
  else
    *minimum = *natural = (int) ceil (self->rows->len * self->row_height);
}

static void
trellis_strip_chart_snapshot (GtkWidget   *widget,
                              GtkSnapshot *snapshot)
{
  TrellisStripChart *self = TRELLIS_STRIP_CHART (widget);
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  PangoLayout *layout = gtk_widget_create_pango_layout (widget, NULL);
  guint n = n_columns (self);
  graphene_rect_t drawn;
  cairo_t *cr;

  update_metrics (self);
  /* Only what shows (see trellis-chart-viewport.h). */
  if (!trellis_chart_viewport_get_drawn_rect (widget, &drawn))
    {
      g_object_unref (layout);
      return;
    }
  cr = gtk_snapshot_append_cairo (snapshot, &drawn);

  pango_layout_set_width (layout, (int) ((self->name_width - 12) * PANGO_SCALE));
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);

  for (guint i = 0; i < self->rows->len; i++)
    {
      const Row *row = &g_array_index (self->rows, Row, i);
      double y = i * self->row_height;

      if (y + self->row_height < drawn.origin.y || y > drawn.origin.y + drawn.size.height)
        continue;

      if (dark)
        cairo_set_source_rgba (cr, 1, 1, 1, 0.9);
      else
        cairo_set_source_rgba (cr, 0, 0, 0, 0.8);
      pango_layout_set_text (layout, row->label, -1);
      cairo_move_to (cr, 0, y);
      pango_cairo_show_layout (cr, layout);

      for (guint c = 0; c < n; c++)
        {
          double r = 0.5, g = 0.5, b = 0.5;

          if (row->levels[c] < self->n_levels)
            trellis_chart_color_get_rgb (self->colors[row->levels[c]], dark, &r, &g, &b);
          cairo_set_source_rgb (cr, r, g, b);
          cairo_rectangle (cr, self->name_width + c * (CELL + GAP),
                           y + (self->row_height - ROW_GAP - CELL) / 2, CELL, CELL);
          cairo_fill (cr);
        }
    }

  cairo_destroy (cr);
  g_object_unref (layout);
}

static void
trellis_strip_chart_finalize (GObject *object)
{
  TrellisStripChart *self = TRELLIS_STRIP_CHART (object);

  g_strfreev (self->names);
  g_free (self->colors);
  g_strfreev (self->columns);
  g_array_unref (self->rows);
  g_free (self->text);

  G_OBJECT_CLASS (trellis_strip_chart_parent_class)->finalize (object);
}

static void
trellis_strip_chart_class_init (TrellisStripChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = trellis_strip_chart_finalize;

  widget_class->measure = trellis_strip_chart_measure;
  widget_class->snapshot = trellis_strip_chart_snapshot;

  gtk_widget_class_set_css_name (widget_class, "stripchart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
trellis_strip_chart_init (TrellisStripChart *self)
{
  self->rows = g_array_new (FALSE, TRUE, sizeof (Row));
  g_array_set_clear_func (self->rows, row_clear);
  self->text = g_strdup ("");

  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (on_query_tooltip_cb), NULL);
  trellis_chart_viewport_track (GTK_WIDGET (self));
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (on_dark_changed_cb), self, G_CONNECT_SWAPPED);
}

GtkWidget *
trellis_strip_chart_new (void)
{
  return g_object_new (TRELLIS_TYPE_STRIP_CHART, NULL);
}

void
trellis_strip_chart_set_levels (TrellisStripChart       *self,
                                guint                    n_levels,
                                const char * const      *names,
                                const TrellisChartColor *colors)
{
  g_return_if_fail (TRELLIS_IS_STRIP_CHART (self));
  g_return_if_fail (n_levels == 0 || (names != NULL && colors != NULL));

  g_strfreev (self->names);
  g_free (self->colors);
  self->names = g_new0 (char *, n_levels + 1);
  for (guint i = 0; i < n_levels; i++)
    self->names[i] = g_strdup (names[i]);
  self->colors = g_memdup2 (colors, sizeof (TrellisChartColor) * MAX (n_levels, 1));
  self->n_levels = n_levels;

  update_text (self);
}

void
trellis_strip_chart_set_columns (TrellisStripChart  *self,
                                 const char * const *columns)
{
  g_return_if_fail (TRELLIS_IS_STRIP_CHART (self));

  trellis_strip_chart_clear (self);
  g_strfreev (self->columns);
  self->columns = g_strdupv ((char **) columns);

  update_text (self);
}

void
trellis_strip_chart_clear (TrellisStripChart *self)
{
  g_return_if_fail (TRELLIS_IS_STRIP_CHART (self));

  g_array_set_size (self->rows, 0);
  update_text (self);
}

void
trellis_strip_chart_add_row (TrellisStripChart *self,
                             const char        *label,
                             const guint8      *levels)
{
  Row row;

  g_return_if_fail (TRELLIS_IS_STRIP_CHART (self));
  g_return_if_fail (label != NULL);

  row.label = g_strdup (label);
  row.levels = g_memdup2 (levels, MAX (n_columns (self), 1));
  g_array_append_val (self->rows, row);

  update_text (self);
}

guint
trellis_strip_chart_get_n_rows (TrellisStripChart *self)
{
  g_return_val_if_fail (TRELLIS_IS_STRIP_CHART (self), 0);

  return self->rows->len;
}

const char *
trellis_strip_chart_get_text (TrellisStripChart *self)
{
  g_return_val_if_fail (TRELLIS_IS_STRIP_CHART (self), NULL);

  return self->text;
}

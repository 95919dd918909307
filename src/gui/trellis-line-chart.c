/* trellis-line-chart.c
 *
 * Copyright 2026 The Trellis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

#include "trellis-bar-chart.h"
#include "trellis-line-chart.h"

#define PLOT_HEIGHT 120

typedef struct
{
  char   *label;
  double  value;
} Point;

struct _TrellisLineChart
{
  GtkWidget  parent_instance;

  double     min;
  double     max;
  GArray    *points;   /* Point */
  char      *text;
};

G_DEFINE_FINAL_TYPE (TrellisLineChart, trellis_line_chart, GTK_TYPE_WIDGET)

static void
point_clear (gpointer data)
{
  Point *point = data;

  g_free (point->label);
}

static void
update_text (TrellisLineChart *self)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < self->points->len; i++)
    {
      const Point *point = &g_array_index (self->points, Point, i);

      if (i > 0)
        g_string_append (text, "; ");
      if (isnan (point->value))
        /* Translators: a point of a trend line without a value, e.g. "2026-10-19: no answers" */
        g_string_append_printf (text, _("%s: no answers"), point->label);
      else
        /* Translators: a point of a trend line, e.g. "2026-10-19: 2.9 of 4" */
        g_string_append_printf (text, _("%s: %.1f of %g"), point->label, point->value, self->max);
    }

  g_free (self->text);
  self->text = g_string_free (text, FALSE);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, self->text,
                                  -1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

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

static double
draw_internal (TrellisLineChart           *self,
               cairo_t                    *cr,
               double                      width,
               const PangoFontDescription *font,
               PangoContext               *context,
               gboolean                    dark)
{
  /* The widget's Pango context, so that the text matches its labels; a
   * new one for @cr (PDF) otherwise. */
  g_autoptr(PangoLayout) layout = context ? pango_layout_new (context) : pango_cairo_create_layout (cr);
  PangoFontDescription *desc = pango_font_description_copy (font);
  double left, plot_width, r, g, b;
  int tw, th;
  guint n = self->points->len;

  /* GTK gives the widget's font in pixels (CSS), a PDF in points. */
  if (pango_font_description_get_size_is_absolute (desc))
    pango_font_description_set_absolute_size (desc, pango_font_description_get_size (desc) * 0.9);
  else
    pango_font_description_set_size (desc, (int) (pango_font_description_get_size (desc) * 0.9));
  pango_layout_set_font_description (layout, desc);
  pango_font_description_free (desc);

  pango_layout_set_text (layout, "4.0", -1);
  pango_layout_get_pixel_size (layout, &tw, &th);
  left = tw + 8;
  plot_width = MAX (1, width - left - tw);

  /* Grid lines and the scale's steps. */
  for (double v = self->min; v <= self->max + 1e-9; v += 1)
    {
      g_autofree char *label = g_strdup_printf ("%g", v);
      double y = th / 2.0 + PLOT_HEIGHT * (self->max - v) / MAX (1e-9, self->max - self->min);
      int lw;

      set_fg (cr, dark, 0.15);
      cairo_set_line_width (cr, 1);
      cairo_move_to (cr, left, round (y) + 0.5);
      cairo_line_to (cr, left + plot_width, round (y) + 0.5);
      cairo_stroke (cr);

      set_fg (cr, dark, 0.7);
      pango_layout_set_text (layout, label, -1);
      pango_layout_get_pixel_size (layout, &lw, NULL);
      cairo_move_to (cr, left - 6 - lw, y - th / 2.0);
      pango_cairo_show_layout (cr, layout);
    }

  trellis_chart_color_get_rgb (TRELLIS_CHART_COLOR_BLUE, dark, &r, &g, &b);

  /* The points keep clear of the scale's labels. */
#define INSET 24
#define POINT_X(i) (left + INSET + (n > 1 ? (plot_width - 2 * INSET) * (i) / (n - 1) : (plot_width - 2 * INSET) / 2))
#define POINT_Y(v) (th / 2.0 + PLOT_HEIGHT * (self->max - (v)) / MAX (1e-9, self->max - self->min))

  /* The line, then the markers, the values and the dates. */
  cairo_set_source_rgb (cr, r, g, b);
  cairo_set_line_width (cr, 2.5);
  cairo_new_path (cr);
  for (guint i = 0; i < n; i++)
    {
      const Point *point = &g_array_index (self->points, Point, i);

      if (isnan (point->value))
        continue;
      cairo_line_to (cr, POINT_X (i), POINT_Y (point->value));
    }
  cairo_stroke (cr);

  for (guint i = 0; i < n; i++)
    {
      const Point *point = &g_array_index (self->points, Point, i);
      double x = POINT_X (i);
      int lw;

      if (!isnan (point->value))
        {
          g_autofree char *value = g_strdup_printf ("%.1f", point->value);
          double y = POINT_Y (point->value);

          cairo_set_source_rgb (cr, r, g, b);
          cairo_new_path (cr);
          cairo_arc (cr, x, y, 5, 0, 2 * G_PI);
          cairo_fill (cr);

          set_fg (cr, dark, 1.0);
          pango_layout_set_text (layout, value, -1);
          pango_layout_get_pixel_size (layout, &lw, NULL);
          cairo_move_to (cr, CLAMP (x - lw / 2.0, 0, width - lw), y - th - 6 < 0 ? y + 8 : y - th - 6);
          pango_cairo_show_layout (cr, layout);
        }

      set_fg (cr, dark, 0.7);
      pango_layout_set_text (layout, point->label, -1);
      pango_layout_get_pixel_size (layout, &lw, NULL);
      cairo_move_to (cr, CLAMP (x - lw / 2.0, 0, MAX (0, width - lw)), th + PLOT_HEIGHT + 4);
      pango_cairo_show_layout (cr, layout);
    }

#undef INSET
#undef POINT_X
#undef POINT_Y

  return th + PLOT_HEIGHT + 4 + th;
}

static const PangoFontDescription *
widget_font (GtkWidget *widget)
{
  return pango_context_get_font_description (gtk_widget_get_pango_context (widget));
}

static void
trellis_line_chart_measure (GtkWidget      *widget,
                            GtkOrientation  orientation,
                            int             for_size,
                            int            *minimum,
                            int            *natural,
                            int            *minimum_baseline,
                            int            *natural_baseline)
{
  TrellisLineChart *self = TRELLIS_LINE_CHART (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 160;
      *natural = 400;
    }
  else
    {
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
      cairo_t *cr = cairo_create (surface);
      double height = draw_internal (self, cr, for_size > 0 ? for_size : 400, widget_font (widget),
                                   gtk_widget_get_pango_context (widget), FALSE);

      cairo_destroy (cr);
      cairo_surface_destroy (surface);
      *minimum = *natural = (int) ceil (height);
    }
}

static void
trellis_line_chart_snapshot (GtkWidget   *widget,
                             GtkSnapshot *snapshot)
{
  TrellisLineChart *self = TRELLIS_LINE_CHART (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  cairo_t *cr;

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  draw_internal (self, cr, width, widget_font (widget), gtk_widget_get_pango_context (widget),
                 adw_style_manager_get_dark (adw_style_manager_get_default ()));
  cairo_destroy (cr);
}

static void
on_dark_changed_cb (TrellisLineChart *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
trellis_line_chart_finalize (GObject *object)
{
  TrellisLineChart *self = TRELLIS_LINE_CHART (object);

  g_array_unref (self->points);
  g_free (self->text);

  G_OBJECT_CLASS (trellis_line_chart_parent_class)->finalize (object);
}

static void
trellis_line_chart_class_init (TrellisLineChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = trellis_line_chart_finalize;

  widget_class->measure = trellis_line_chart_measure;
  widget_class->snapshot = trellis_line_chart_snapshot;

  gtk_widget_class_set_css_name (widget_class, "linechart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
trellis_line_chart_init (TrellisLineChart *self)
{
  self->min = 1;
  self->max = 4;
  self->points = g_array_new (FALSE, TRUE, sizeof (Point));
  g_array_set_clear_func (self->points, point_clear);
  self->text = g_strdup ("");

  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (on_dark_changed_cb), self, G_CONNECT_SWAPPED);
}

GtkWidget *
trellis_line_chart_new (void)
{
  return g_object_new (TRELLIS_TYPE_LINE_CHART, NULL);
}

void
trellis_line_chart_set_range (TrellisLineChart *self,
                              double            min,
                              double            max)
{
  g_return_if_fail (TRELLIS_IS_LINE_CHART (self));
  g_return_if_fail (min < max);

  self->min = min;
  self->max = max;
  update_text (self);
}

void
trellis_line_chart_clear (TrellisLineChart *self)
{
  g_return_if_fail (TRELLIS_IS_LINE_CHART (self));

  g_array_set_size (self->points, 0);
  update_text (self);
}

void
trellis_line_chart_add_point (TrellisLineChart *self,
                              const char       *label,
                              double            value)
{
  Point point;

  g_return_if_fail (TRELLIS_IS_LINE_CHART (self));
  g_return_if_fail (label != NULL);

  point.label = g_strdup (label);
  point.value = value;
  g_array_append_val (self->points, point);
  update_text (self);
}

guint
trellis_line_chart_get_n_points (TrellisLineChart *self)
{
  g_return_val_if_fail (TRELLIS_IS_LINE_CHART (self), 0);

  return self->points->len;
}

const char *
trellis_line_chart_get_text (TrellisLineChart *self)
{
  g_return_val_if_fail (TRELLIS_IS_LINE_CHART (self), NULL);

  return self->text;
}

double
trellis_line_chart_draw (TrellisLineChart           *self,
                         cairo_t                    *cr,
                         double                      width,
                         const PangoFontDescription *font,
                         gboolean                    dark)
{
  g_return_val_if_fail (TRELLIS_IS_LINE_CHART (self), 0);
  g_return_val_if_fail (cr != NULL, 0);
  g_return_val_if_fail (font != NULL, 0);

  return draw_internal (self, cr, width, font, NULL, dark);
}

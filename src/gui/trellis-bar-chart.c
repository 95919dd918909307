/* trellis-bar-chart.c
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
#include "trellis-chart-viewport.h"

typedef struct
{
  char  *label;
  char  *caption;
  guint  values[TRELLIS_BAR_CHART_MAX_SEGMENTS];
} Row;

typedef struct
{
  double x, y, width, height;
} Rect;

struct _TrellisBarChart
{
  GtkWidget          parent_instance;

  guint              n_segments;
  char              *names[TRELLIS_BAR_CHART_MAX_SEGMENTS];
  TrellisChartColor  colors[TRELLIS_BAR_CHART_MAX_SEGMENTS];
  GArray            *rows;      /* Row */
  char              *text;

  /* Where the last snapshot drew each segment: row × segment. */
  GArray            *hit_rects; /* Rect */
};

G_DEFINE_FINAL_TYPE (TrellisBarChart, trellis_bar_chart, GTK_TYPE_WIDGET)

/* Okabe & Ito (2008), "Color Universal Design"; a little lighter on dark. */
static const struct { double light[3]; double dark[3]; } palette[] = {
  [TRELLIS_CHART_COLOR_VERMILLION]     = { { 0.835, 0.369, 0.000 }, { 0.929, 0.478, 0.157 } },
  [TRELLIS_CHART_COLOR_ORANGE]         = { { 0.902, 0.624, 0.000 }, { 0.953, 0.698, 0.196 } },
  [TRELLIS_CHART_COLOR_BLUISH_GREEN]   = { { 0.000, 0.620, 0.451 }, { 0.157, 0.722, 0.561 } },
  [TRELLIS_CHART_COLOR_BLUE]           = { { 0.000, 0.447, 0.698 }, { 0.235, 0.576, 0.820 } },
  [TRELLIS_CHART_COLOR_SKY_BLUE]       = { { 0.337, 0.706, 0.914 }, { 0.443, 0.765, 0.945 } },
  [TRELLIS_CHART_COLOR_REDDISH_PURPLE] = { { 0.800, 0.475, 0.655 }, { 0.863, 0.576, 0.737 } },
  [TRELLIS_CHART_COLOR_YELLOW]         = { { 0.941, 0.894, 0.259 }, { 0.941, 0.894, 0.259 } },
  [TRELLIS_CHART_COLOR_GREY]           = { { 0.600, 0.600, 0.600 }, { 0.420, 0.420, 0.420 } },
};

void
trellis_chart_color_get_rgb (TrellisChartColor  color,
                             gboolean           dark,
                             double            *r,
                             double            *g,
                             double            *b)
{
  const double *rgb;

  g_return_if_fail ((guint) color < G_N_ELEMENTS (palette));

  rgb = dark ? palette[color].dark : palette[color].light;
  *r = rgb[0];
  *g = rgb[1];
  *b = rgb[2];
}

static void
row_clear (gpointer data)
{
  Row *row = data;

  g_free (row->label);
  g_free (row->caption);
}

static void
update_text (TrellisBarChart *self)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < self->rows->len; i++)
    {
      const Row *row = &g_array_index (self->rows, Row, i);

      if (text->len > 0)
        g_string_append (text, "; ");
      g_string_append (text, row->label);
      g_string_append (text, ": ");
      for (guint s = 0; s < self->n_segments; s++)
        {
          /* Translators: a count and what it counts in a chart, e.g. "12 mastered" */
          g_string_append_printf (text, _("%u %s"), row->values[s], self->names[s] ? self->names[s] : "");
          if (s + 1 < self->n_segments)
            g_string_append (text, ", ");
        }
      if (row->caption != NULL && row->caption[0] != '\0')
        {
          g_autofree char *caption = g_strdelimit (g_strdup (row->caption), "\n", ' ');

          g_string_append (text, " (");
          g_string_append (text, caption);
          g_string_append (text, ")");
        }
    }

  g_free (self->text);
  self->text = g_string_free (text, FALSE);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, self->text,
                                  -1);
}

/* A layout of the widget's own Pango context (@context) when drawing the
 * widget, so that the text matches its labels; else one for @cr (PDF). */
static PangoLayout *
create_layout (cairo_t                    *cr,
               PangoContext               *context,
               const PangoFontDescription *font,
               double                      scale,
               gboolean                    bold)
{
  PangoLayout *layout = context ? pango_layout_new (context) : pango_cairo_create_layout (cr);
  PangoFontDescription *desc = pango_font_description_copy (font);
  int size = pango_font_description_get_size (desc);

  /* GTK gives the widget's font in pixels (CSS), a PDF in points. */
  if (pango_font_description_get_size_is_absolute (desc))
    pango_font_description_set_absolute_size (desc, size * scale);
  else
    pango_font_description_set_size (desc, (int) (size * scale));
  if (bold)
    pango_font_description_set_weight (desc, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, desc);
  pango_font_description_free (desc);

  return layout;
}

static double
line_height (PangoLayout *layout)
{
  int height;

  pango_layout_set_text (layout, "Ag", -1);
  pango_layout_get_pixel_size (layout, NULL, &height);

  return height;
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
draw_internal (TrellisBarChart            *self,
               cairo_t                    *cr,
               double                      width,
               const PangoFontDescription *font,
               PangoContext               *context,
               gboolean                    dark,
               gboolean                    record)
{
  g_autoptr(PangoLayout) label_layout = create_layout (cr, context, font, 1.0, TRUE);
  g_autoptr(PangoLayout) small_layout = create_layout (cr, context, font, 0.9, FALSE);
  g_autoptr(PangoLayout) value_layout = create_layout (cr, context, font, 0.9, TRUE);
  double lh = line_height (label_layout);
  double sh = line_height (small_layout);
  double bar_height = MAX (18, round (lh * 1.4));
  double x = 0, y = 0;

  if (record)
    g_array_set_size (self->hit_rects, 0);

  /* The legend: a swatch and a name per segment. */
  for (guint s = 0; s < self->n_segments; s++)
    {
      double r, g, b;
      int w;

      trellis_chart_color_get_rgb (self->colors[s], dark, &r, &g, &b);
      cairo_set_source_rgb (cr, r, g, b);
      cairo_rectangle (cr, x, y + (sh - 10) / 2, 10, 10);
      cairo_fill (cr);

      pango_layout_set_text (small_layout, self->names[s] ? self->names[s] : "", -1);
      pango_layout_get_pixel_size (small_layout, &w, NULL);
      set_fg (cr, dark, 0.8);
      cairo_move_to (cr, x + 14, y);
      pango_cairo_show_layout (cr, small_layout);
      x += 14 + w + 18;
    }
  y += sh + 10;

  for (guint i = 0; i < self->rows->len; i++)
    {
      const Row *row = &g_array_index (self->rows, Row, i);
      guint total = 0;
      double bx = 0;

      set_fg (cr, dark, 1.0);
      pango_layout_set_text (label_layout, row->label, -1);
      pango_layout_set_width (label_layout, (int) (width * PANGO_SCALE));
      pango_layout_set_ellipsize (label_layout, PANGO_ELLIPSIZE_END);
      cairo_move_to (cr, 0, y);
      pango_cairo_show_layout (cr, label_layout);
      y += lh + 3;

      for (guint s = 0; s < self->n_segments; s++)
        total += row->values[s];

      /* A faint track, so that an empty row still shows a bar. */
      set_fg (cr, dark, 0.08);
      cairo_rectangle (cr, 0, y, width, bar_height);
      cairo_fill (cr);

      for (guint s = 0; s < self->n_segments; s++)
        {
          double sw = total > 0 ? width * row->values[s] / total : 0;
          double r, g, b;

          if (record)
            {
              Rect rect = { bx, y, sw, bar_height };

              g_array_append_val (self->hit_rects, rect);
            }

          if (sw <= 0)
            continue;

          trellis_chart_color_get_rgb (self->colors[s], dark, &r, &g, &b);
          cairo_set_source_rgb (cr, r, g, b);
          cairo_rectangle (cr, bx, y, sw, bar_height);
          cairo_fill (cr);

          /* The count inside the segment, when it fits; dark text on
           * light colours, white on the others (luminance). */
          {
            g_autofree char *value = g_strdup_printf ("%u", row->values[s]);
            int tw, th;

            pango_layout_set_text (value_layout, value, -1);
            pango_layout_get_pixel_size (value_layout, &tw, &th);
            if (tw + 6 <= sw)
              {
                if (0.2126 * r + 0.7152 * g + 0.0722 * b > 0.4)
                  cairo_set_source_rgb (cr, 0, 0, 0);
                else
                  cairo_set_source_rgb (cr, 1, 1, 1);
                cairo_move_to (cr, bx + (sw - tw) / 2, y + (bar_height - th) / 2);
                pango_cairo_show_layout (cr, value_layout);
              }
          }

          bx += sw;
        }
      y += bar_height + 3;

      if (row->caption != NULL && row->caption[0] != '\0')
        {
          set_fg (cr, dark, 0.7);
          pango_layout_set_text (small_layout, row->caption, -1);
          pango_layout_set_width (small_layout, (int) (width * PANGO_SCALE));
          pango_layout_set_ellipsize (small_layout, PANGO_ELLIPSIZE_END);
          cairo_move_to (cr, 0, y);
          pango_cairo_show_layout (cr, small_layout);
          y += sh * pango_layout_get_line_count (small_layout);
          pango_layout_set_width (small_layout, -1);
        }

      if (i + 1 < self->rows->len)
        y += round (lh * 0.8);
    }

  return y;
}

static const PangoFontDescription *
widget_font (GtkWidget *widget)
{
  return pango_context_get_font_description (gtk_widget_get_pango_context (widget));
}

static void
on_dark_changed_cb (TrellisBarChart *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
trellis_bar_chart_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  TrellisBarChart *self = TRELLIS_BAR_CHART (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 120;
      *natural = 400;
    }
  else
    {
      /* Draws once on a tiny surface to know the height. */
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
      cairo_t *cr = cairo_create (surface);
      double height = draw_internal (self, cr, for_size > 0 ? for_size : 400, widget_font (widget),
                                   gtk_widget_get_pango_context (widget), FALSE, FALSE);

      cairo_destroy (cr);
      cairo_surface_destroy (surface);
      *minimum = *natural = (int) ceil (height);
    }
}

static void
trellis_bar_chart_snapshot (GtkWidget   *widget,
                            GtkSnapshot *snapshot)
{
  TrellisBarChart *self = TRELLIS_BAR_CHART (widget);
  int width = gtk_widget_get_width (widget);
  graphene_rect_t drawn;
  cairo_t *cr;

  /* Only what shows: a surface of all 60 skills would be redrawn and
   * uploaded whole on every frame of a resize. */
  if (!trellis_chart_viewport_get_drawn_rect (widget, &drawn))
    return;
  cr = gtk_snapshot_append_cairo (snapshot, &drawn);
  draw_internal (self, cr, width, widget_font (widget), gtk_widget_get_pango_context (widget),
                 adw_style_manager_get_dark (adw_style_manager_get_default ()), TRUE);
  cairo_destroy (cr);
}

/* A popover attached to the chart (the learners of a segment). */
static void
trellis_bar_chart_size_allocate (GtkWidget *widget,
                                 int        width,
                                 int        height,
                                 int        baseline)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_POPOVER (child))
        gtk_popover_present (GTK_POPOVER (child));
    }
}

static void
trellis_bar_chart_dispose (GObject *object)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (trellis_bar_chart_parent_class)->dispose (object);
}

static void
trellis_bar_chart_finalize (GObject *object)
{
  TrellisBarChart *self = TRELLIS_BAR_CHART (object);

  for (guint s = 0; s < TRELLIS_BAR_CHART_MAX_SEGMENTS; s++)
    g_free (self->names[s]);
  g_array_unref (self->rows);
  g_array_unref (self->hit_rects);
  g_free (self->text);

  G_OBJECT_CLASS (trellis_bar_chart_parent_class)->finalize (object);
}

static void
trellis_bar_chart_class_init (TrellisBarChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = trellis_bar_chart_dispose;
  object_class->finalize = trellis_bar_chart_finalize;

  widget_class->measure = trellis_bar_chart_measure;
  widget_class->size_allocate = trellis_bar_chart_size_allocate;
  widget_class->snapshot = trellis_bar_chart_snapshot;

  gtk_widget_class_set_css_name (widget_class, "barchart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
trellis_bar_chart_init (TrellisBarChart *self)
{
  self->rows = g_array_new (FALSE, TRUE, sizeof (Row));
  g_array_set_clear_func (self->rows, row_clear);
  self->hit_rects = g_array_new (FALSE, TRUE, sizeof (Rect));
  self->text = g_strdup ("");
  trellis_chart_viewport_track (GTK_WIDGET (self));

  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (on_dark_changed_cb), self, G_CONNECT_SWAPPED);
}

GtkWidget *
trellis_bar_chart_new (void)
{
  return g_object_new (TRELLIS_TYPE_BAR_CHART, NULL);
}

void
trellis_bar_chart_set_segments (TrellisBarChart         *self,
                                guint                    n_segments,
                                const char * const      *names,
                                const TrellisChartColor *colors)
{
  g_return_if_fail (TRELLIS_IS_BAR_CHART (self));
  g_return_if_fail (n_segments <= TRELLIS_BAR_CHART_MAX_SEGMENTS);

  for (guint s = 0; s < TRELLIS_BAR_CHART_MAX_SEGMENTS; s++)
    {
      g_clear_pointer (&self->names[s], g_free);
      if (s < n_segments)
        {
          self->names[s] = g_strdup (names[s]);
          self->colors[s] = colors[s];
        }
    }
  self->n_segments = n_segments;

  update_text (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

void
trellis_bar_chart_clear (TrellisBarChart *self)
{
  g_return_if_fail (TRELLIS_IS_BAR_CHART (self));

  g_array_set_size (self->rows, 0);
  update_text (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

void
trellis_bar_chart_add_row (TrellisBarChart *self,
                           const char      *label,
                           const char      *caption,
                           const guint     *values)
{
  Row row = { 0 };

  g_return_if_fail (TRELLIS_IS_BAR_CHART (self));
  g_return_if_fail (label != NULL);
  g_return_if_fail (values != NULL);

  row.label = g_strdup (label);
  row.caption = g_strdup (caption);
  for (guint s = 0; s < self->n_segments; s++)
    row.values[s] = values[s];
  g_array_append_val (self->rows, row);

  update_text (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

guint
trellis_bar_chart_get_n_rows (TrellisBarChart *self)
{
  g_return_val_if_fail (TRELLIS_IS_BAR_CHART (self), 0);

  return self->rows->len;
}

const char *
trellis_bar_chart_get_text (TrellisBarChart *self)
{
  g_return_val_if_fail (TRELLIS_IS_BAR_CHART (self), NULL);

  return self->text;
}

double
trellis_bar_chart_draw (TrellisBarChart            *self,
                        cairo_t                    *cr,
                        double                      width,
                        const PangoFontDescription *font,
                        gboolean                    dark)
{
  g_return_val_if_fail (TRELLIS_IS_BAR_CHART (self), 0);
  g_return_val_if_fail (cr != NULL, 0);
  g_return_val_if_fail (font != NULL, 0);

  return draw_internal (self, cr, width, font, NULL, dark, FALSE);
}

gboolean
trellis_bar_chart_hit (TrellisBarChart *self,
                       double           x,
                       double           y,
                       guint           *row,
                       guint           *segment)
{
  g_return_val_if_fail (TRELLIS_IS_BAR_CHART (self), FALSE);

  for (guint i = 0; i < self->hit_rects->len; i++)
    {
      const Rect *rect = &g_array_index (self->hit_rects, Rect, i);

      if (rect->width > 0 &&
          x >= rect->x && x < rect->x + rect->width &&
          y >= rect->y && y < rect->y + rect->height)
        {
          if (self->n_segments == 0)
            return FALSE;
          if (row != NULL)
            *row = i / self->n_segments;
          if (segment != NULL)
            *segment = i % self->n_segments;
          return TRUE;
        }
    }

  return FALSE;
}

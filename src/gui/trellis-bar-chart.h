/* trellis-bar-chart.h
 *
 * Copyright 2026 The Trellis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/*
 * TrellisBarChart: horizontal stacked bars of counts, one row per item
 * (a skill, a playlist), each with a label above and an optional
 * caption below the bar, and a legend.  Drawn with cairo, so that the
 * dashboard's PDF page draws the very same chart
 * (trellis_bar_chart_draw()).  The values are also the widget's
 * accessible description, as text.
 */

#define TRELLIS_BAR_CHART_MAX_SEGMENTS 4

/* Okabe–Ito colours, safe for colour-blind readers. */
typedef enum
{
  TRELLIS_CHART_COLOR_VERMILLION,
  TRELLIS_CHART_COLOR_ORANGE,
  TRELLIS_CHART_COLOR_BLUISH_GREEN,
  TRELLIS_CHART_COLOR_BLUE,
  TRELLIS_CHART_COLOR_SKY_BLUE,
  TRELLIS_CHART_COLOR_REDDISH_PURPLE,
  TRELLIS_CHART_COLOR_YELLOW,
  TRELLIS_CHART_COLOR_GREY,
} TrellisChartColor;

void trellis_chart_color_get_rgb (TrellisChartColor  color,
                                  gboolean           dark,
                                  double            *r,
                                  double            *g,
                                  double            *b);

#define TRELLIS_TYPE_BAR_CHART (trellis_bar_chart_get_type ())

G_DECLARE_FINAL_TYPE (TrellisBarChart, trellis_bar_chart, TRELLIS, BAR_CHART, GtkWidget)

GtkWidget  *trellis_bar_chart_new           (void);
void        trellis_bar_chart_set_segments  (TrellisBarChart          *self,
                                             guint                     n_segments,
                                             const char * const       *names,
                                             const TrellisChartColor  *colors);
void        trellis_bar_chart_clear         (TrellisBarChart          *self);
void        trellis_bar_chart_add_row       (TrellisBarChart          *self,
                                             const char               *label,
                                             const char               *caption,
                                             const guint              *values);
guint       trellis_bar_chart_get_n_rows    (TrellisBarChart          *self);
/* The values in words, as screen readers get them. */
const char *trellis_bar_chart_get_text      (TrellisBarChart          *self);
/* Draws at the origin of @cr, @width wide, text in @font; returns the height used. */
double      trellis_bar_chart_draw          (TrellisBarChart            *self,
                                             cairo_t                    *cr,
                                             double                      width,
                                             const PangoFontDescription *font,
                                             gboolean                    dark);
/* The row and segment at (@x, @y) in widget coordinates; FALSE when none. */
gboolean    trellis_bar_chart_hit           (TrellisBarChart          *self,
                                             double                    x,
                                             double                    y,
                                             guint                    *row,
                                             guint                    *segment);

G_END_DECLS

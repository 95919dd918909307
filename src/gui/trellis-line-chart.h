/* trellis-line-chart.h
 *
 * Copyright 2026 The Trellis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/*
 * TrellisLineChart: a trend line over a fixed scale (a survey's 1–4),
 * one labelled point per administration, drawn with cairo; the same
 * drawing serves the PDF page (trellis_line_chart_draw()).  The values
 * are the widget's accessible description, as text.
 */

#define TRELLIS_TYPE_LINE_CHART (trellis_line_chart_get_type ())

G_DECLARE_FINAL_TYPE (TrellisLineChart, trellis_line_chart, TRELLIS, LINE_CHART, GtkWidget)

GtkWidget  *trellis_line_chart_new        (void);
void        trellis_line_chart_set_range  (TrellisLineChart           *self,
                                           double                      min,
                                           double                      max);
void        trellis_line_chart_clear      (TrellisLineChart           *self);
void        trellis_line_chart_add_point  (TrellisLineChart           *self,
                                           const char                 *label,
                                           double                      value);
guint       trellis_line_chart_get_n_points (TrellisLineChart         *self);
const char *trellis_line_chart_get_text   (TrellisLineChart           *self);
double      trellis_line_chart_draw       (TrellisLineChart           *self,
                                           cairo_t                    *cr,
                                           double                      width,
                                           const PangoFontDescription *font,
                                           gboolean                    dark);

G_END_DECLS

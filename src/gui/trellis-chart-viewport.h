/* trellis-chart-viewport.h
 *
 * Copyright 2026 The Trellis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/*
 * Tall charts in a scrolled window draw with cairo only the part that
 * shows (and a margin around it), so that each frame of a resize does
 * not rasterize and upload a surface of the whole chart.
 */

/* The part of @widget inside every scrolled window around it, grown by
 * one view's height above and below, clamped to @widget, in whole pixels
 * of @widget's coordinates; FALSE when nothing shows. */
gboolean trellis_chart_viewport_get_drawn_rect (GtkWidget       *widget,
                                                graphene_rect_t *rect);
/* Call once from the chart's init: redraws it when a scrolled window
 * around it scrolls or changes size while it is mapped. */
void     trellis_chart_viewport_track          (GtkWidget       *widget);

G_END_DECLS

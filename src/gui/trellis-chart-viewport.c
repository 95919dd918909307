/* trellis-chart-viewport.c
 *
 * Copyright 2026 The Trellis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "trellis-chart-viewport.h"

#define ADJUSTMENTS_KEY "trellis-chart-viewport-adjustments"

gboolean
trellis_chart_viewport_get_drawn_rect (GtkWidget       *widget,
                                       graphene_rect_t *rect)
{
  float width = gtk_widget_get_width (widget);
  float height = gtk_widget_get_height (widget);
  float x0 = 0, y0 = 0, x1 = width, y1 = height;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), FALSE);
  g_return_val_if_fail (rect != NULL, FALSE);

  for (GtkWidget *ancestor = gtk_widget_get_parent (widget);
       ancestor != NULL;
       ancestor = gtk_widget_get_parent (ancestor))
    {
      graphene_rect_t view;
      float margin_x, margin_y;

      if (!GTK_IS_SCROLLED_WINDOW (ancestor))
        continue;
      if (!gtk_widget_compute_bounds (ancestor, widget, &view))
        continue;

      /* A margin, so that a few scroll steps still find it drawn. */
      margin_x = view.size.width;
      margin_y = view.size.height;
      x0 = MAX (x0, view.origin.x - margin_x);
      y0 = MAX (y0, view.origin.y - margin_y);
      x1 = MIN (x1, view.origin.x + view.size.width + margin_x);
      y1 = MIN (y1, view.origin.y + view.size.height + margin_y);
    }

  x0 = floorf (x0);
  y0 = floorf (y0);
  x1 = ceilf (x1);
  y1 = ceilf (y1);
  if (x1 <= x0 || y1 <= y0)
    return FALSE;

  graphene_rect_init (rect, x0, y0, x1 - x0, y1 - y0);
  return TRUE;
}

static void
untrack (GtkWidget *widget)
{
  GPtrArray *adjustments = g_object_get_data (G_OBJECT (widget), ADJUSTMENTS_KEY);

  if (adjustments == NULL)
    return;

  for (guint i = 0; i < adjustments->len; i++)
    g_signal_handlers_disconnect_by_func (g_ptr_array_index (adjustments, i), gtk_widget_queue_draw, widget);
  g_ptr_array_set_size (adjustments, 0);
}

static void
add_adjustment (GtkWidget     *widget,
                GPtrArray     *adjustments,
                GtkAdjustment *adjustment)
{
  if (adjustment == NULL)
    return;

  g_signal_connect_swapped (adjustment, "value-changed", G_CALLBACK (gtk_widget_queue_draw), widget);
  g_signal_connect_swapped (adjustment, "changed", G_CALLBACK (gtk_widget_queue_draw), widget);
  g_ptr_array_add (adjustments, g_object_ref (adjustment));
}

static void
on_map_cb (GtkWidget *widget)
{
  GPtrArray *adjustments = g_object_get_data (G_OBJECT (widget), ADJUSTMENTS_KEY);

  g_assert (adjustments != NULL);
  untrack (widget);

  for (GtkWidget *ancestor = gtk_widget_get_parent (widget);
       ancestor != NULL;
       ancestor = gtk_widget_get_parent (ancestor))
    {
      if (!GTK_IS_SCROLLED_WINDOW (ancestor))
        continue;

      add_adjustment (widget, adjustments, gtk_scrolled_window_get_hadjustment (GTK_SCROLLED_WINDOW (ancestor)));
      add_adjustment (widget, adjustments, gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (ancestor)));
    }
}

void
trellis_chart_viewport_track (GtkWidget *widget)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (g_object_get_data (G_OBJECT (widget), ADJUSTMENTS_KEY) == NULL);

  g_object_set_data_full (G_OBJECT (widget), ADJUSTMENTS_KEY, g_ptr_array_new_with_free_func (g_object_unref),
                          (GDestroyNotify) g_ptr_array_unref);
  g_signal_connect (widget, "map", G_CALLBACK (on_map_cb), NULL);
  g_signal_connect (widget, "unmap", G_CALLBACK (untrack), NULL);
  g_signal_connect (widget, "destroy", G_CALLBACK (untrack), NULL);
}

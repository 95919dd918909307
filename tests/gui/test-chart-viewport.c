/* test-chart-viewport.c
 *
 * Copyright 2026 The Trellis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * Tall charts draw only what their scrolled window shows, plus one view's
 * height above and below, and draw again when it scrolls or changes size
 * (trellis-chart-viewport.h).
 */

#include "config.h"

#include <adwaita.h>

#include "trellis-chart-viewport.h"

#define CHART_HEIGHT 5000

static void
draw_cb (GtkDrawingArea *area,
         cairo_t        *cr,
         int             width,
         int             height,
         gpointer        data)
{
  guint *n_draws = data;

  (*n_draws)++;
}

static void
assert_rect (GtkWidget *chart,
             float      y,
             float      height)
{
  graphene_rect_t rect;

  g_assert_true (trellis_chart_viewport_get_drawn_rect (chart, &rect));
  g_assert_cmpfloat (rect.origin.x, ==, 0);
  g_assert_cmpfloat (rect.size.width, ==, gtk_widget_get_width (chart));
  g_assert_cmpfloat_with_epsilon (rect.origin.y, y, 1);
  g_assert_cmpfloat_with_epsilon (rect.size.height, height, 2);
}

static void
test_drawn_rect (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *chart = gtk_drawing_area_new ();
  GtkAdjustment *vadjustment;
  guint n_draws = 0, before;
  float view;

  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (chart), CHART_HEIGHT);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (chart), draw_cb, &n_draws, NULL);
  trellis_chart_viewport_track (chart);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), chart);
  gtk_window_set_child (GTK_WINDOW (window), scrolled);
  gtk_window_set_default_size (GTK_WINDOW (window), 400, 300);
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (window);
  g_assert_cmpuint (n_draws, >, 0);

  /* At the top: the view and one more view below. */
  view = gtk_widget_get_height (scrolled);
  g_assert_cmpfloat (view, >, 0);
  g_assert_cmpfloat (view, <, CHART_HEIGHT / 4);
  assert_rect (chart, 0, 2 * view);

  /* Scrolled down: one view above, the view, one view below; and drawn again. */
  vadjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  before = n_draws;
  gtk_adjustment_set_value (vadjustment, 2000);
  gtk_test_widget_wait_for_draw (window);
  g_assert_cmpuint (n_draws, >, before);
  assert_rect (chart, 2000 - view, 3 * view);

  /* At the bottom: clamped to the chart. */
  gtk_adjustment_set_value (vadjustment, CHART_HEIGHT);
  gtk_test_widget_wait_for_draw (window);
  assert_rect (chart, CHART_HEIGHT - 2 * view, 2 * view);

  /* Unmapped, scrolling no longer redraws it (nor crashes). */
  gtk_widget_set_visible (scrolled, FALSE);
  gtk_test_widget_wait_for_draw (window);
  before = n_draws;
  gtk_adjustment_set_value (vadjustment, 100);
  gtk_test_widget_wait_for_draw (window);
  g_assert_cmpuint (n_draws, ==, before);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Outside a scrolled window: all of it. */
static void
test_unscrolled (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *chart = gtk_drawing_area_new ();

  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (chart), 200);
  gtk_window_set_child (GTK_WINDOW (window), chart);
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (window);
  assert_rect (chart, 0, gtk_widget_get_height (chart));

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/chart-viewport/drawn-rect", test_drawn_rect);
  g_test_add_func ("/chart-viewport/unscrolled", test_unscrolled);

  return g_test_run ();
}

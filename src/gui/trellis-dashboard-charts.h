/* trellis-dashboard-charts.h
 *
 * Copyright 2026 The Trellis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "trellis-bar-chart.h"
#include "trellis-dashboard.h"
#include "trellis-line-chart.h"
#include "trellis-strip-chart.h"

G_BEGIN_DECLS

/*
 * The dashboard's figures as charts, shared by the dashboard window and
 * its PDF page so that both show the same thing drawn by the same code.
 */

typedef enum
{
  TRELLIS_DASHBOARD_FIGURE_ACTIVE_GOALS,
  TRELLIS_DASHBOARD_FIGURE_GOALS_MET,
  TRELLIS_DASHBOARD_FIGURE_GOALS_REVISED,
  TRELLIS_DASHBOARD_FIGURE_CONFERENCES,
  TRELLIS_DASHBOARD_FIGURE_LEARNERS_DUE,
  TRELLIS_DASHBOARD_FIGURE_REFLECTIONS,
  TRELLIS_DASHBOARD_N_FIGURES,
} TrellisDashboardFigure;

/* The segments of the progress chart, in order. */
extern const TrellisDashboardLevel trellis_dashboard_charts_levels[TRELLIS_DASHBOARD_N_LEVELS];

void      trellis_dashboard_charts_fill_progress (TrellisBarChart          *chart,
                                                  const TrellisDashboard   *dashboard,
                                                  gboolean                  rollup);
/* A strip per learner, a cell per skill (in the progress chart's order). */
void      trellis_dashboard_charts_fill_strips   (TrellisStripChart        *chart,
                                                  const TrellisDashboard   *dashboard,
                                                  gboolean                  rollup);
void      trellis_dashboard_charts_fill_pathway  (TrellisBarChart          *chart,
                                                  const TrellisDashboard   *dashboard);
void      trellis_dashboard_charts_fill_agency   (TrellisLineChart         *chart,
                                                  const TrellisDashboardSurvey *survey);
/* The learners whose agency fell between their first and last survey in
 * the range, with the change ("Fell: Ada (−0.5), …"); NULL when nobody's did. */
char     *trellis_dashboard_charts_get_agency_fell (const TrellisDashboardSurvey *survey);
/* A goal-setting figure: its value ("15 of 24") and what it counts. */
char     *trellis_dashboard_charts_get_figure    (const TrellisDashboard   *dashboard,
                                                  TrellisDashboardFigure    figure,
                                                  const char              **label);

/*
 * Writes the dashboard as one A4 PDF page: the range, every section with
 * its caption and chart (progress by the engine, or by the roll-up when
 * @rollup), and the goal-setting figures.  Pseudonymize by computing
 * @dashboard pseudonymized.
 */
gboolean  trellis_dashboard_charts_write_pdf     (const TrellisDashboard   *dashboard,
                                                  const char               *title,
                                                  gboolean                  rollup,
                                                  const char               *path,
                                                  GError                  **error);

G_END_DECLS

/* trellis-dashboard-window-private.h
 *
 * Copyright 2026 The Trellis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "trellis-bar-chart.h"
#include "trellis-dashboard-window.h"
#include "trellis-strip-chart.h"

G_BEGIN_DECLS

/* For the UI tests. */
typedef enum
{
  TRELLIS_DASHBOARD_CAPTION_PROGRESS,
  TRELLIS_DASHBOARD_CAPTION_PATHWAY,
  TRELLIS_DASHBOARD_CAPTION_AGENCY,
  TRELLIS_DASHBOARD_CAPTION_GOALS,
  TRELLIS_DASHBOARD_CAPTION_CONFERENCES,
  TRELLIS_DASHBOARD_CAPTION_REFLECTIONS,
} TrellisDashboardCaption;

GtkLabel        *_trellis_dashboard_window_get_caption_label  (TrellisDashboardWindow  *self,
                                                               TrellisDashboardCaption  caption);
/* The window's subtitle: the range's caption. */
const char      *_trellis_dashboard_window_get_subtitle       (TrellisDashboardWindow  *self);
GtkDropDown     *_trellis_dashboard_window_get_range_dropdown (TrellisDashboardWindow  *self);
TrellisBarChart *_trellis_dashboard_window_get_progress_chart (TrellisDashboardWindow  *self);
TrellisBarChart *_trellis_dashboard_window_get_pathway_chart  (TrellisDashboardWindow  *self);
TrellisStripChart *_trellis_dashboard_window_get_strip_chart (TrellisDashboardWindow  *self);
GtkWidget       *_trellis_dashboard_window_get_agency_box     (TrellisDashboardWindow  *self);
GtkWidget       *_trellis_dashboard_window_get_figures_box    (TrellisDashboardWindow  *self);
/* Lists the learners in @segment of skill @row (the bar clicked); returns the popover. */
GtkPopover      *_trellis_dashboard_window_show_band          (TrellisDashboardWindow  *self,
                                                               guint                    row,
                                                               guint                    segment);
/* Imports survey responses from a CSV file as "Import Responses…" does:
 * a toast on success, else the error dialog. */
gboolean          _trellis_dashboard_window_import_survey           (TrellisDashboardWindow  *self,
                                                                     GFile                   *file);
AdwMessageDialog *_trellis_dashboard_window_get_import_error_dialog (TrellisDashboardWindow  *self);
/* The text of the last toast shown, or NULL. */
const char       *_trellis_dashboard_window_get_last_toast          (TrellisDashboardWindow  *self);

G_END_DECLS

/* trellis-dashboard-window.h
 *
 * Copyright 2026 The Trellis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "trellis-classroom.h"
#include "trellis-dashboard.h"

G_BEGIN_DECLS

#define TRELLIS_TYPE_DASHBOARD_WINDOW (trellis_dashboard_window_get_type ())

G_DECLARE_FINAL_TYPE (TrellisDashboardWindow, trellis_dashboard_window, TRELLIS, DASHBOARD_WINDOW, AdwWindow)

TrellisDashboardWindow *trellis_dashboard_window_new          (GtkWindow                 *parent,
                                                               TrellisClassroom          *classroom);
TrellisClassroom       *trellis_dashboard_window_get_classroom (TrellisDashboardWindow   *self);
TrellisDashboardRangeKind trellis_dashboard_window_get_range  (TrellisDashboardWindow    *self);
void                    trellis_dashboard_window_set_range    (TrellisDashboardWindow    *self,
                                                               TrellisDashboardRangeKind  range);
gboolean                trellis_dashboard_window_get_rollup   (TrellisDashboardWindow    *self);
void                    trellis_dashboard_window_set_rollup   (TrellisDashboardWindow    *self,
                                                               gboolean                   rollup);
/* The figures shown; NULL when they could not be computed. */
TrellisDashboard       *trellis_dashboard_window_get_dashboard (TrellisDashboardWindow   *self);
/* Computes the figures again from the classroom. */
void                    trellis_dashboard_window_refresh      (TrellisDashboardWindow    *self);
/* Writes the PDF page of what the window shows (the range and the
 * progress view), with pseudonyms instead of names when @pseudonymize. */
gboolean                trellis_dashboard_window_export_pdf   (TrellisDashboardWindow    *self,
                                                               const char                *path,
                                                               gboolean                   pseudonymize,
                                                               GError                   **error);

G_END_DECLS

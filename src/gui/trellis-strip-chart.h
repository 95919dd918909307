/* trellis-strip-chart.h
 *
 * Copyright 2026 The Trellis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "trellis-bar-chart.h"

G_BEGIN_DECLS

/*
 * TrellisStripChart: one compact strip per row (a learner), one coloured
 * cell per column (a skill), for seeing a whole class at a glance.  Each
 * cell is a level: an index into the colours and names given.  Hovering a
 * cell names it; the whole grid is the accessible description, as text.
 */

#define TRELLIS_TYPE_STRIP_CHART (trellis_strip_chart_get_type ())

G_DECLARE_FINAL_TYPE (TrellisStripChart, trellis_strip_chart, TRELLIS, STRIP_CHART, GtkWidget)

GtkWidget  *trellis_strip_chart_new         (void);
void        trellis_strip_chart_set_levels  (TrellisStripChart       *self,
                                             guint                    n_levels,
                                             const char * const      *names,
                                             const TrellisChartColor *colors);
void        trellis_strip_chart_set_columns (TrellisStripChart       *self,
                                             const char * const      *columns);
void        trellis_strip_chart_clear       (TrellisStripChart       *self);
/* @levels: one per column, each < n_levels. */
void        trellis_strip_chart_add_row     (TrellisStripChart       *self,
                                             const char              *label,
                                             const guint8            *levels);
guint       trellis_strip_chart_get_n_rows  (TrellisStripChart       *self);
const char *trellis_strip_chart_get_text    (TrellisStripChart       *self);

G_END_DECLS

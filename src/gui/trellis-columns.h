/* trellis-columns.h
 *
 * Copyright 2026 The Trellis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define TRELLIS_TYPE_COLUMNS (trellis_columns_get_type ())

G_DECLARE_FINAL_TYPE (TrellisColumns, trellis_columns, TRELLIS, COLUMNS, GtkWidget)

GtkWidget *trellis_columns_new             (void);
int        trellis_columns_get_spacing     (TrellisColumns *self);
void       trellis_columns_set_spacing     (TrellisColumns *self,
                                            int             spacing);
int        trellis_columns_get_stack_below (TrellisColumns *self);
void       trellis_columns_set_stack_below (TrellisColumns *self,
                                            int             width);
gboolean   trellis_columns_get_stacked     (TrellisColumns *self);

G_END_DECLS

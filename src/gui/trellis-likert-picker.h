/* trellis-likert-picker.h
 *
 * Copyright 2026 The Trellis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define TRELLIS_TYPE_LIKERT_PICKER (trellis_likert_picker_get_type ())

G_DECLARE_FINAL_TYPE (TrellisLikertPicker, trellis_likert_picker, TRELLIS, LIKERT_PICKER, GtkWidget)

GtkWidget *trellis_likert_picker_new           (int                  scale_min,
                                                int                  scale_max);
int        trellis_likert_picker_get_scale_min (TrellisLikertPicker *self);
int        trellis_likert_picker_get_scale_max (TrellisLikertPicker *self);
/* 0: no answer. */
int        trellis_likert_picker_get_value     (TrellisLikertPicker *self);
void       trellis_likert_picker_set_value     (TrellisLikertPicker *self,
                                                int                  value);

G_END_DECLS

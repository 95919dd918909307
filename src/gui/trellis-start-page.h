/* trellis-start-page.h
 *
 * Copyright 2026 The Trellis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define TRELLIS_TYPE_START_PAGE (trellis_start_page_get_type ())

G_DECLARE_FINAL_TYPE (TrellisStartPage, trellis_start_page, TRELLIS, START_PAGE, GtkWidget)

GtkWidget *trellis_start_page_new (void);

G_END_DECLS

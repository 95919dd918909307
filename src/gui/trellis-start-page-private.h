/* trellis-start-page-private.h
 *
 * Copyright 2026 The Trellis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "trellis-start-page.h"

G_BEGIN_DECLS

/* For the UI tests: the boxed list of recent classrooms. */
GtkListBox *_trellis_start_page_get_recent_list (TrellisStartPage *self);

G_END_DECLS

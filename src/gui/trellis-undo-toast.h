/* trellis-undo-toast.h
 *
 * Copyright 2026 The Trellis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/*
 * The toast that offers to undo the latest destructive edit: an "_Undo"
 * button and high priority.  A window keeps the one it shows in a slot (an
 * AdwToast * it owns a reference in); a newer Undo toast replaces it, and
 * only the toast in the slot can undo anything.
 */
AdwToast *trellis_undo_toast_new      (const char       *title,
                                       const char       *action_name);
void      trellis_undo_toast_show     (AdwToastOverlay  *overlay,
                                       AdwToast        **slot,
                                       AdwToast         *toast,
                                       GCallback         on_dismissed,
                                       gpointer          owner);
void      trellis_undo_toast_withdraw (AdwToast        **slot);

G_END_DECLS

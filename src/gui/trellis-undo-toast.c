/* trellis-undo-toast.c
 *
 * Copyright 2026 The Trellis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "trellis-undo-toast.h"

/**
 * trellis_undo_toast_new:
 * @title: the toast's title, Pango markup
 * @action_name: (nullable): the action its Undo button activates
 *
 * Returns: (transfer full): a toast with an "_Undo" button, shown
 *   before the toasts of lower priority
 */
AdwToast *
trellis_undo_toast_new (const char *title,
                        const char *action_name)
{
  AdwToast *toast = adw_toast_new (title);

  adw_toast_set_button_label (toast, _("_Undo"));
  if (action_name != NULL)
    adw_toast_set_action_name (toast, action_name);
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);

  return toast;
}

/**
 * trellis_undo_toast_withdraw:
 * @slot: where the window keeps its Undo toast
 *
 * Takes the toast out of @slot, then dismisses it: its ::dismissed handler
 * finds @slot holding another toast or none, so it has nothing left to
 * forget.  Only for a toast shown a while ago or being replaced: libadwaita
 * 1.2 must not see a toast dismissed during its show animation.
 */
void
trellis_undo_toast_withdraw (AdwToast **slot)
{
  g_autoptr(AdwToast) toast = g_steal_pointer (slot);

  if (toast != NULL)
    adw_toast_dismiss (toast);
}

/**
 * trellis_undo_toast_show:
 * @overlay: where to show the toast
 * @slot: where the window keeps its Undo toast
 * @toast: (transfer full): from trellis_undo_toast_new()
 * @on_dismissed: called as (toast, @owner) when a toast is dismissed, by
 *   the teacher, by its timeout or by a newer one
 * @owner: the window; @on_dismissed is not called once it is finalized
 *
 * Withdraws the toast in @slot, keeps @toast there and shows it.
 */
void
trellis_undo_toast_show (AdwToastOverlay  *overlay,
                         AdwToast        **slot,
                         AdwToast         *toast,
                         GCallback         on_dismissed,
                         gpointer          owner)
{
  g_return_if_fail (ADW_IS_TOAST_OVERLAY (overlay));
  g_return_if_fail (slot != NULL);
  g_return_if_fail (ADW_IS_TOAST (toast));
  g_return_if_fail (G_IS_OBJECT (owner));

  g_signal_connect_object (toast, "dismissed", on_dismissed, owner, 0);
  trellis_undo_toast_withdraw (slot);
  *slot = g_object_ref (toast);
  adw_toast_overlay_add_toast (overlay, toast);
}

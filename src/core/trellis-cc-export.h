/* trellis-cc-export.h
 *
 * Copyright 2026 The Trellis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "trellis-classroom.h"

G_BEGIN_DECLS

#define TRELLIS_CC_ERROR (trellis_cc_error_quark ())

typedef enum
{
  TRELLIS_CC_ERROR_EMPTY,
  TRELLIS_CC_ERROR_WRITE,
} TrellisCcError;

typedef enum
{
  TRELLIS_CC_FLAGS_NONE                 = 0,
  /* Canvas's own export layout (module_meta.xml, wiki_content/). */
  TRELLIS_CC_FLAGS_CANVAS               = 1 << 0,
  /* One module per milestone section instead of one per playlist. */
  TRELLIS_CC_FLAGS_MODULE_PER_MILESTONE = 1 << 1,
} TrellisCcFlags;

GQuark   trellis_cc_error_quark (void);

gboolean trellis_cc_export      (TrellisClassroom  *classroom,
                                 TrellisPlaylist   *playlist,
                                 const char        *output_path,
                                 TrellisCcFlags     flags,
                                 GError           **error);

G_END_DECLS

/* trellis-application.h
 *
 * Copyright 2026 The Trellis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define TRELLIS_TYPE_APPLICATION (trellis_application_get_type ())

G_DECLARE_FINAL_TYPE (TrellisApplication, trellis_application, TRELLIS, APPLICATION, AdwApplication)

#define TRELLIS_MAX_RECENT_CLASSROOMS 10

TrellisApplication *trellis_application_new          (void);
GSettings          *trellis_application_get_settings (TrellisApplication *self);
void                trellis_application_open_file    (TrellisApplication *self,
                                                      GFile              *file,
                                                      GtkWindow          *reuse);
void                trellis_application_add_recent   (TrellisApplication *self,
                                                      const char         *path);

G_END_DECLS

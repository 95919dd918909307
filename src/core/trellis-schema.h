/* trellis-schema.h
 *
 * Copyright 2026 The Trellis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* 'TRLS', stored in PRAGMA application_id (offset 68 of the file header). */
#define TRELLIS_APPLICATION_ID 0x54524C53

const char *trellis_schema_get_sql             (void);
guint       trellis_schema_get_version         (void);
const char *trellis_schema_get_migration       (guint               from_version);
void        trellis_schema_set_test_migrations (const char * const *migrations,
                                                guint               n_migrations);

G_END_DECLS

/* trellis-cli-recommend.h
 *
 * Copyright 2026 The Trellis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* `trellis-cli recommend FILE [--json]`; argv[0] is "recommend". */
int trellis_cli_recommend (int    argc,
                           char **argv);

G_END_DECLS

/* trellis-cli-dashboard.h
 *
 * Copyright 2026 The Trellis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* `trellis-cli dashboard FILE [--json] …`; argv[0] is "dashboard". */
int trellis_cli_dashboard (int    argc,
                           char **argv);

G_END_DECLS

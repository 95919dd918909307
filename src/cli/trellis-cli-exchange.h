/* trellis-cli-exchange.h
 *
 * Copyright 2026 The Trellis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Exchange with the LMS; argv[0] is the subcommand. */
int trellis_cli_export_cc  (int    argc,
                            char **argv);
int trellis_cli_import     (int    argc,
                            char **argv);
int trellis_cli_export_csv (int    argc,
                            char **argv);

G_END_DECLS

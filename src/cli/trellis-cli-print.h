/* trellis-cli-print.h
 *
 * Copyright 2026 The Trellis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* `trellis-cli print FILE choice-board|conference|profile …`; argv[0] is "print". */
int trellis_cli_print (int    argc,
                       char **argv);

G_END_DECLS

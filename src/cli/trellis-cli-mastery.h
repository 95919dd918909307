/* trellis-cli-mastery.h
 *
 * Copyright 2026 The Trellis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* `trellis-cli mastery fit|predict …`; argv[0] is "mastery". */
int trellis_cli_mastery (int    argc,
                         char **argv);

G_END_DECLS

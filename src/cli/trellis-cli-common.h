/* trellis-cli-common.h
 *
 * Copyright 2026 The Trellis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* A usage mistake (bad flag, missing argument) exits with this. */
#define TRELLIS_CLI_EXIT_USAGE 2

/* Prints "trellis-cli: MESSAGE" on one line to stderr; returns 1. */
int      trellis_cli_fail          (const char    *format,
                                    ...) G_GNUC_PRINTF (1, 2);
int      trellis_cli_fail_error    (const GError  *error);
/* The same for a usage mistake; returns TRELLIS_CLI_EXIT_USAGE. */
int      trellis_cli_fail_usage    (const char    *format,
                                    ...) G_GNUC_PRINTF (1, 2);

/*
 * Parses @entries out of @argv (argv[0] is the subcommand), leaving the
 * positional arguments.  On a usage mistake prints it and returns FALSE.
 */
gboolean trellis_cli_parse_options (const char    *command,
                                    const char    *parameter_string,
                                    const char    *summary,
                                    GOptionEntry  *entries,
                                    int           *argc,
                                    char        ***argv);

void     trellis_cli_print_json    (JsonNode      *node);

G_END_DECLS

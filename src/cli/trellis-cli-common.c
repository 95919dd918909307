/* trellis-cli-common.c
 *
 * Copyright 2026 The Trellis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "trellis-cli-common.h"
#include "trellis-json.h"

static void
print_error (const char *format,
             va_list     args) G_GNUC_PRINTF (1, 0);

static void
print_error (const char *format,
             va_list     args)
{
  g_autofree char *message = g_strdup_vprintf (format, args);

  /* One line, whatever the message holds. */
  g_strdelimit (message, "\r\n", ' ');
  g_printerr ("trellis-cli: %s\n", message);
}

int
trellis_cli_fail (const char *format,
                  ...)
{
  va_list args;

  va_start (args, format);
  print_error (format, args);
  va_end (args);
  return 1;
}

int
trellis_cli_fail_usage (const char *format,
                        ...)
{
  va_list args;

  va_start (args, format);
  print_error (format, args);
  va_end (args);
  return TRELLIS_CLI_EXIT_USAGE;
}

int
trellis_cli_fail_error (const GError *error)
{
  return trellis_cli_fail ("%s", error->message);
}

gboolean
trellis_cli_parse_options (const char    *command,
                           const char    *parameter_string,
                           const char    *summary,
                           GOptionEntry  *entries,
                           int           *argc,
                           char        ***argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *full = g_strdup_printf ("%s %s", command, parameter_string);

  context = g_option_context_new (full);
  g_option_context_set_summary (context, summary);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      trellis_cli_fail ("%s", error->message);
      return FALSE;
    }

  return TRUE;
}

void
trellis_cli_print_json (JsonNode *node)
{
  g_autofree char *text = trellis_json_to_string (node);

  g_print ("%s\n", text);
}

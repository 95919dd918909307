/* trellis-cli-exchange.c
 *
 * Copyright 2026 The Trellis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * trellis-cli export-cc FILE --playlist NAME_OR_ID --output OUT.imscc [--canvas]
 * trellis-cli import FILE INPUT --format auto|canvas|moodle|google|oneroster
 *             [--create-learners] [--class SOURCED_ID] [--dry-run] [--json]
 * trellis-cli export-csv FILE --report progress|mastery --output OUT.csv [--pseudonymize]
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "trellis-cc-export.h"
#include "trellis-classroom.h"
#include "trellis-cli-common.h"
#include "trellis-cli-exchange.h"
#include "trellis-csv-export.h"
#include "trellis-import.h"

int
trellis_cli_export_cc (int    argc,
                       char **argv)
{
  g_autoptr(TrellisClassroom) classroom = NULL;
  TrellisPlaylist *playlist;
  g_autoptr(GError) error = NULL;
  g_autofree char *playlist_name = NULL;
  g_autofree char *output = NULL;
  gboolean canvas = FALSE;
  gboolean per_milestone = FALSE;
  GOptionEntry entries[] = {
    { "playlist", 0, 0, G_OPTION_ARG_STRING, &playlist_name, N_("The playlist to export (name or id)"), N_("NAME_OR_ID") },
    { "output", 0, 0, G_OPTION_ARG_FILENAME, &output, N_("The package to write"), N_("OUT.imscc") },
    { "canvas", 0, 0, G_OPTION_ARG_NONE, &canvas, N_("Follow Canvas’s own layout (keeps completion requirements)"), NULL },
    { "module-per-milestone", 0, 0, G_OPTION_ARG_NONE, &per_milestone, N_("One module per milestone section"), NULL },
    { NULL }
  };
  TrellisCcFlags flags = TRELLIS_CC_FLAGS_NONE;

  if (!trellis_cli_parse_options ("export-cc", "FILE", _("Export a playlist as an IMS Common Cartridge 1.1 package."),
                                  entries, &argc, &argv))
    return TRELLIS_CLI_EXIT_USAGE;

  if (argc != 2)
    return trellis_cli_fail_usage (_("export-cc takes one FILE"));
  if (playlist_name == NULL)
    return trellis_cli_fail_usage (_("export-cc needs --playlist NAME_OR_ID"));
  if (output == NULL)
    return trellis_cli_fail_usage (_("export-cc needs --output OUT.imscc"));

  classroom = trellis_classroom_open (argv[1], TRELLIS_OPEN_FLAGS_READ_ONLY, &error);
  if (classroom == NULL)
    return trellis_cli_fail_error (error);

  playlist = trellis_classroom_find_playlist (classroom, playlist_name, &error);
  if (playlist == NULL)
    return trellis_cli_fail_error (error);

  if (canvas)
    flags |= TRELLIS_CC_FLAGS_CANVAS;
  if (per_milestone)
    flags |= TRELLIS_CC_FLAGS_MODULE_PER_MILESTONE;

  if (!trellis_cc_export (classroom, playlist, output, flags, &error))
    return trellis_cli_fail_error (error);

  return 0;
}

int
trellis_cli_import (int    argc,
                    char **argv)
{
  g_autoptr(TrellisClassroom) classroom = NULL;
  g_autoptr(TrellisImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *format_name = NULL;
  g_autofree char *class_id = NULL;
  gboolean create_learners = FALSE;
  gboolean dry_run = FALSE;
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_name, N_("auto, canvas, moodle, google or oneroster"), N_("FORMAT") },
    { "create-learners", 0, 0, G_OPTION_ARG_NONE, &create_learners, N_("Add the learners the classroom lacks"), NULL },
    { "class", 0, 0, G_OPTION_ARG_STRING, &class_id, N_("The OneRoster class to import"), N_("SOURCED_ID") },
    { "dry-run", 0, 0, G_OPTION_ARG_NONE, &dry_run, N_("Show what would happen, change nothing"), NULL },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the report as JSON"), NULL },
    { NULL }
  };
  TrellisImportFormat format = TRELLIS_IMPORT_FORMAT_AUTO;
  TrellisImportFlags flags = TRELLIS_IMPORT_FLAGS_NONE;

  if (!trellis_cli_parse_options ("import", "FILE INPUT",
                                  _("Import a gradebook or roster export (Canvas, Moodle, Google Classroom, OneRoster)."),
                                  entries, &argc, &argv))
    return TRELLIS_CLI_EXIT_USAGE;

  if (argc != 3)
    return trellis_cli_fail_usage (_("import takes FILE and INPUT"));
  if (format_name != NULL && !trellis_import_format_from_string (format_name, &format))
    return trellis_cli_fail_usage (_("Unknown format “%s”: choose auto, canvas, moodle, google or oneroster"),
                                   format_name);
  if (class_id != NULL && format != TRELLIS_IMPORT_FORMAT_AUTO && format != TRELLIS_IMPORT_FORMAT_ONEROSTER)
    return trellis_cli_fail_usage (_("--class goes with OneRoster"));

  if (create_learners)
    flags |= TRELLIS_IMPORT_FLAGS_CREATE_LEARNERS;
  if (dry_run)
    flags |= TRELLIS_IMPORT_FLAGS_DRY_RUN;

  /* A dry run only reads: it works on a read-only file too. */
  classroom = trellis_classroom_open (argv[1], dry_run ? TRELLIS_OPEN_FLAGS_READ_ONLY : TRELLIS_OPEN_FLAGS_NONE,
                                      &error);
  if (classroom == NULL)
    return trellis_cli_fail_error (error);

  report = trellis_import (classroom, argv[2], format, class_id, flags, &error);
  if (report == NULL)
    return trellis_cli_fail_error (error);

  if (json)
    {
      g_autoptr(JsonNode) node = trellis_import_report_to_json (report);

      trellis_cli_print_json (node);
    }
  else
    {
      g_autofree char *text = trellis_import_report_to_text (report);

      g_print ("%s", text);
    }

  return 0;
}

int
trellis_cli_export_csv (int    argc,
                        char **argv)
{
  g_autoptr(TrellisClassroom) classroom = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *report_name = NULL;
  g_autofree char *output = NULL;
  gboolean pseudonymize = FALSE;
  GOptionEntry entries[] = {
    { "report", 0, 0, G_OPTION_ARG_STRING, &report_name, N_("progress or mastery"), N_("REPORT") },
    { "output", 0, 0, G_OPTION_ARG_FILENAME, &output, N_("The CSV file to write"), N_("OUT.csv") },
    { "pseudonymize", 0, 0, G_OPTION_ARG_NONE, &pseudonymize, N_("Replace names by stable codes"), NULL },
    { NULL }
  };
  TrellisCsvReport report;

  if (!trellis_cli_parse_options ("export-csv", "FILE", _("Export progress or mastery as a spreadsheet-safe CSV file."),
                                  entries, &argc, &argv))
    return TRELLIS_CLI_EXIT_USAGE;

  if (argc != 2)
    return trellis_cli_fail_usage (_("export-csv takes one FILE"));
  if (g_strcmp0 (report_name, "progress") == 0)
    report = TRELLIS_CSV_REPORT_PROGRESS;
  else if (g_strcmp0 (report_name, "mastery") == 0)
    report = TRELLIS_CSV_REPORT_MASTERY;
  else
    return trellis_cli_fail_usage (_("export-csv needs --report progress or --report mastery"));
  if (output == NULL)
    return trellis_cli_fail_usage (_("export-csv needs --output OUT.csv"));

  /* Pseudonyms are kept in the file, so that mode writes. */
  classroom = trellis_classroom_open (argv[1], pseudonymize ? TRELLIS_OPEN_FLAGS_NONE : TRELLIS_OPEN_FLAGS_READ_ONLY,
                                      &error);
  if (classroom == NULL)
    return trellis_cli_fail_error (error);

  if (!trellis_csv_export (classroom, report, output,
                           pseudonymize ? TRELLIS_CSV_EXPORT_FLAGS_PSEUDONYMIZE : TRELLIS_CSV_EXPORT_FLAGS_NONE,
                           &error))
    return trellis_cli_fail_error (error);

  return 0;
}

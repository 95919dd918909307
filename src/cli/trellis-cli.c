/* trellis-cli.c
 *
 * Copyright 2026 The Trellis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>
#include <stdio.h>

#include "trellis-classroom.h"
#include "trellis-cli-common.h"
#include "trellis-cli-dashboard.h"
#include "trellis-cli-exchange.h"
#include "trellis-cli-mastery.h"
#include "trellis-cli-print.h"
#include "trellis-cli-recommend.h"
#include "trellis-json.h"
#include "trellis-sample.h"

/*
 * trellis-cli: everything that does not need a window.  The commands and
 * flags are a contract (DESIGN.md): scripts and checks call them exactly so.
 * Every failure prints one line, "trellis-cli: …", to stderr and exits 1;
 * a usage mistake exits 2.
 */

typedef int (*CommandFunc) (int argc, char **argv);

typedef struct
{
  const char  *name;
  const char  *args;
  const char  *summary;
  CommandFunc  func;
} Command;


static TrellisClassroom *
open_read_only (const char  *path,
                GError     **error)
{
  return trellis_classroom_open (path, TRELLIS_OPEN_FLAGS_READ_ONLY, error);
}

/* trellis-cli create FILE [--sample] [--name NAME] [--learners N] */
static int
cmd_create (int    argc,
            char **argv)
{
  g_autoptr(TrellisClassroom) classroom = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  gboolean sample = FALSE;
  int n_learners = 0;
  GOptionEntry entries[] = {
    { "sample", 0, 0, G_OPTION_ARG_NONE, &sample, N_("Fill the classroom with the sample classroom"), NULL },
    { "name", 0, 0, G_OPTION_ARG_STRING, &name, N_("The classroom’s name"), N_("NAME") },
    { "learners", 0, 0, G_OPTION_ARG_INT, &n_learners, N_("With --sample: how many learners (default 24)"), N_("N") },
    { NULL }
  };

  if (!trellis_cli_parse_options ("create", "FILE", _("Create a new classroom file."), entries, &argc, &argv))
    return TRELLIS_CLI_EXIT_USAGE;

  if (argc != 2)
    return trellis_cli_fail_usage (_("create takes one FILE"));

  if (n_learners < 0 || n_learners > 5000)
    return trellis_cli_fail_usage (_("--learners must be between 1 and 5000"));

  if (n_learners > 0 && !sample)
    return trellis_cli_fail_usage (_("--learners goes with --sample"));

  if (sample)
    {
      classroom = trellis_sample_create (argv[1], (guint)n_learners, &error);
      if (classroom != NULL && name != NULL && !trellis_classroom_set_name (classroom, name, &error))
        g_clear_object (&classroom);
    }
  else
    classroom = trellis_classroom_create (argv[1], name != NULL ? name : _("My Classroom"), &error);

  if (classroom == NULL)
    return trellis_cli_fail_error (error);

  return 0;
}

/* trellis-cli info FILE [--json] */
static int
cmd_info (int    argc,
          char **argv)
{
  g_autoptr(TrellisClassroom) classroom = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) info = NULL;
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };
  JsonObject *object;
  GList *members;

  if (!trellis_cli_parse_options ("info", "FILE", _("Show the format version, counts and integrity of a classroom file."),
                      entries, &argc, &argv))
    return TRELLIS_CLI_EXIT_USAGE;

  if (argc != 2)
    return trellis_cli_fail_usage (_("info takes one FILE"));

  classroom = open_read_only (argv[1], &error);
  if (classroom == NULL)
    return trellis_cli_fail_error (error);

  info = trellis_json_info (classroom);
  if (json)
    {
      trellis_cli_print_json (info);
      return 0;
    }

  object = json_node_get_object (info);
  members = json_object_get_members (object);
  for (GList *l = members; l != NULL; l = l->next)
    {
      JsonNode *value = json_object_get_member (object, l->data);

      if (json_node_get_value_type (value) == G_TYPE_STRING)
        g_print ("%s: %s\n", (const char *)l->data, json_node_get_string (value));
      else
        g_print ("%s: %" G_GINT64_FORMAT "\n", (const char *)l->data, json_node_get_int (value));
    }
  g_list_free (members);

  return 0;
}

/* trellis-cli list FILE learners|playlists|skills [--json] */
static int
cmd_list (int    argc,
          char **argv)
{
  g_autoptr(TrellisClassroom) classroom = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) list = NULL;
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };
  JsonArray *array;

  if (!trellis_cli_parse_options ("list", "FILE learners|playlists|skills", _("List the learners, playlists or skills of a classroom."),
                      entries, &argc, &argv))
    return TRELLIS_CLI_EXIT_USAGE;

  if (argc != 3)
    return trellis_cli_fail_usage (_("list takes FILE and one of learners, playlists, skills"));

  if (g_strcmp0 (argv[2], "learners") != 0 &&
      g_strcmp0 (argv[2], "playlists") != 0 &&
      g_strcmp0 (argv[2], "skills") != 0)
    return trellis_cli_fail_usage (_("Cannot list “%s”: choose learners, playlists or skills"), argv[2]);

  classroom = open_read_only (argv[1], &error);
  if (classroom == NULL)
    return trellis_cli_fail_error (error);

  list = trellis_json_list (classroom, argv[2], &error);
  if (list == NULL)
    return trellis_cli_fail_error (error);

  if (json)
    {
      trellis_cli_print_json (list);
      return 0;
    }

  /* Plain: the id, a tab, the name (code and name for skills). */
  array = json_node_get_array (list);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *item = json_array_get_object_element (array, i);

      if (json_object_has_member (item, "code"))
        g_print ("%" G_GINT64_FORMAT "\t%s\t%s\n", json_object_get_int_member (item, "id"),
                 json_object_get_string_member (item, "code"),
                 json_object_get_string_member (item, "name"));
      else
        g_print ("%" G_GINT64_FORMAT "\t%s\n", json_object_get_int_member (item, "id"),
                 json_object_has_member (item, "title") ? json_object_get_string_member (item, "title")
                                                        : json_object_get_string_member (item, "name"));
    }

  return 0;
}

/* trellis-cli show FILE learner|playlist|skill NAME_OR_ID --json */
static int
cmd_show (int    argc,
          char **argv)
{
  g_autoptr(TrellisClassroom) classroom = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON (the only output format)"), NULL },
    { NULL }
  };

  if (!trellis_cli_parse_options ("show", "FILE learner|playlist|skill NAME_OR_ID",
                      _("Show one learner’s whole record, a playlist or a skill as JSON."),
                      entries, &argc, &argv))
    return TRELLIS_CLI_EXIT_USAGE;

  if (argc != 4)
    return trellis_cli_fail_usage (_("show takes FILE, learner|playlist|skill and a name or id"));

  if (g_strcmp0 (argv[2], "learner") != 0 &&
      g_strcmp0 (argv[2], "playlist") != 0 &&
      g_strcmp0 (argv[2], "skill") != 0)
    return trellis_cli_fail_usage (_("Cannot show “%s”: choose learner, playlist or skill"), argv[2]);

  classroom = open_read_only (argv[1], &error);
  if (classroom == NULL)
    return trellis_cli_fail_error (error);

  if (g_strcmp0 (argv[2], "learner") == 0)
    node = trellis_json_learner (classroom, argv[3], &error);
  else if (g_strcmp0 (argv[2], "playlist") == 0)
    node = trellis_json_playlist (classroom, argv[3], &error);
  else
    node = trellis_json_skill (classroom, argv[3], &error);

  if (node == NULL)
    return trellis_cli_fail_error (error);

  trellis_cli_print_json (node);
  return 0;
}

static const Command commands[] = {
  { "create", "FILE [--sample] [--name NAME]", N_("New classroom (or the sample one)"), cmd_create },
  { "info", "FILE [--json]", N_("Format version, counts, integrity"), cmd_info },
  { "list", "FILE learners|playlists|skills [--json]", N_("List learners, playlists or skills"), cmd_list },
  { "show", "FILE learner|playlist|skill NAME_OR_ID --json", N_("One learner, playlist or skill as JSON"), cmd_show },
  { "mastery", "fit|predict …", N_("Fit the mastery model or predict with it"), trellis_cli_mastery },
  { "print", "FILE choice-board|conference|profile NAME_OR_ID --output OUT.pdf", N_("One-page PDF: choice board, conference, profile"), trellis_cli_print },
  { "recommend", "FILE [--json]", N_("Current suggestions with reasons and evidence"), trellis_cli_recommend },
  { "dashboard", "FILE [--json]", N_("The class dashboard: mastery, pathways, agency, goals"), trellis_cli_dashboard },
  { "export-cc", "FILE --playlist NAME_OR_ID --output OUT.imscc [--canvas]", N_("Export a playlist as a Common Cartridge"), trellis_cli_export_cc },
  { "import", "FILE INPUT --format auto|canvas|moodle|google|oneroster [--create-learners] [--class SOURCED_ID] [--dry-run] [--json]", N_("Import a gradebook or roster from an LMS"), trellis_cli_import },
  { "export-csv", "FILE --report progress|mastery --output OUT.csv [--pseudonymize]", N_("Export progress or mastery as CSV"), trellis_cli_export_csv },
};

static void
print_usage (FILE *stream)
{
  fprintf (stream, "%s\n\n", _("Usage: trellis-cli COMMAND [ARGUMENTS…]"));
  fprintf (stream, "%s\n", _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (stream, "  %-8s %-46s %s\n", commands[i].name, commands[i].args, _(commands[i].summary));
  fprintf (stream, "\n%s\n", _("“trellis-cli COMMAND --help” tells more about each command."));
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (argc < 2)
    {
      print_usage (stderr);
      return TRELLIS_CLI_EXIT_USAGE;
    }

  if (g_strcmp0 (argv[1], "--help") == 0 || g_strcmp0 (argv[1], "-h") == 0 ||
      g_strcmp0 (argv[1], "help") == 0)
    {
      print_usage (stdout);
      return 0;
    }

  if (g_strcmp0 (argv[1], "--version") == 0)
    {
      g_print ("trellis-cli %s\n", PACKAGE_VERSION);
      return 0;
    }

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      if (g_strcmp0 (argv[1], commands[i].name) == 0)
        return commands[i].func (argc - 1, argv + 1);
    }

  return trellis_cli_fail_usage (_("Unknown command “%s”; see trellis-cli --help"), argv[1]);
}

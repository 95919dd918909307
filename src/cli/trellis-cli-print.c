/* trellis-cli-print.c
 *
 * Copyright 2026 The Trellis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <fontconfig/fontconfig.h>
#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "trellis-classroom.h"
#include "trellis-cli-common.h"
#include "trellis-cli-print.h"
#include "trellis-print.h"

/*
 * trellis-cli print FILE choice-board PLAYLIST [--learner LEARNER] --output OUT.pdf
 * trellis-cli print FILE conference|profile LEARNER --output OUT.pdf
 *
 * One-page PDFs; the conference is the learner's latest.  The classroom is
 * opened read-only.
 */
int
trellis_cli_print (int    argc,
                   char **argv)
{
  g_autoptr(TrellisClassroom) classroom = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *output = NULL;
  g_autofree char *learner_name = NULL;
  TrellisLearner *learner = NULL;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write the PDF to OUT.pdf"), N_("OUT.pdf") },
    { "learner", 0, 0, G_OPTION_ARG_STRING, &learner_name,
      N_("With choice-board: the version for one learner, reflecting their choice breadth"), N_("LEARNER") },
    { NULL }
  };
  const char *what;
  gboolean ok;

  if (!trellis_cli_parse_options ("print", "FILE choice-board|conference|profile NAME_OR_ID",
                                  _("Print a choice board, a learner’s latest conference or their profile as a one-page PDF."),
                                  entries, &argc, &argv))
    return TRELLIS_CLI_EXIT_USAGE;

  if (argc != 4)
    return trellis_cli_fail_usage (_("print takes FILE, choice-board|conference|profile and a name or id"));

  what = argv[2];
  if (g_strcmp0 (what, "choice-board") != 0 &&
      g_strcmp0 (what, "conference") != 0 &&
      g_strcmp0 (what, "profile") != 0)
    return trellis_cli_fail_usage (_("Cannot print “%s”: choose choice-board, conference or profile"), what);

  if (output == NULL || *output == '\0')
    return trellis_cli_fail_usage (_("print needs --output OUT.pdf"));

  if (learner_name != NULL && g_strcmp0 (what, "choice-board") != 0)
    return trellis_cli_fail_usage (_("--learner goes with choice-board"));

  classroom = trellis_classroom_open (argv[1], TRELLIS_OPEN_FLAGS_READ_ONLY, &error);
  if (classroom == NULL)
    return trellis_cli_fail_error (error);

  if (g_strcmp0 (what, "choice-board") == 0)
    {
      TrellisPlaylist *playlist = trellis_classroom_find_playlist (classroom, argv[3], &error);
      GListModel *playlists = trellis_classroom_get_playlists (classroom);

      /* Also by its stable uid, as `show playlist --json` gives it. */
      for (guint i = 0; playlist == NULL && i < g_list_model_get_n_items (playlists); i++)
        {
          g_autoptr(TrellisPlaylist) item = g_list_model_get_item (playlists, i);

          if (g_strcmp0 (trellis_playlist_get_uid (item), argv[3]) == 0)
            {
              playlist = item;
              g_clear_error (&error);
            }
        }

      if (playlist == NULL)
        return trellis_cli_fail_error (error);

      if (learner_name != NULL &&
          (learner = trellis_classroom_find_learner (classroom, learner_name, &error)) == NULL)
        return trellis_cli_fail_error (error);

      ok = trellis_print_choice_board (classroom, playlist, learner, output, &error);
    }
  else
    {
      learner = trellis_classroom_find_learner (classroom, argv[3], &error);
      if (learner == NULL)
        return trellis_cli_fail_error (error);

      if (g_strcmp0 (what, "conference") == 0)
        ok = trellis_print_conference (classroom, learner, output, &error);
      else
        ok = trellis_print_profile (classroom, learner, output, &error);
    }

  if (!ok)
    return trellis_cli_fail_error (error);

  /*
   * Let go of the fonts before exiting, so that leak checkers (the
   * sanitizer builds) see only our own allocations.
   */
  pango_cairo_font_map_set_default (NULL);
  cairo_debug_reset_static_data ();
  FcFini ();

  return 0;
}

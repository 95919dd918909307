/* trellis-cli-recommend.c
 *
 * Copyright 2026 The Trellis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * trellis-cli recommend FILE [--json]
 *
 * The current suggestions, as the sidebar shows them: kinds in order of
 * urgency, most urgent first within a kind.  Read-only: deciding is the
 * teacher's, in the app.
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "trellis-classroom.h"
#include "trellis-cli-common.h"
#include "trellis-cli-recommend.h"
#include "trellis-recommender.h"

/* The stable JSON form (keys documented in README.md). */
static JsonNode *
suggestions_to_json (GPtrArray *suggestions)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();

  json_builder_begin_array (b);
  for (guint i = 0; i < suggestions->len; i++)
    {
      TrellisSuggestion *s = g_ptr_array_index (suggestions, i);
      g_autoptr(JsonNode) evidence = json_node_new (JSON_NODE_OBJECT);

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "kind");
      json_builder_add_string_value (b, trellis_suggestion_kind_to_string (s->kind));
      json_builder_set_member_name (b, "key");
      json_builder_add_string_value (b, s->key);

      json_builder_set_member_name (b, "learners");
      json_builder_begin_array (b);
      for (guint j = 0; j < s->learners->len; j++)
        {
          TrellisSuggestionLearner *l = &g_array_index (s->learners, TrellisSuggestionLearner, j);

          json_builder_begin_object (b);
          json_builder_set_member_name (b, "id");
          json_builder_add_int_value (b, l->id);
          json_builder_set_member_name (b, "name");
          json_builder_add_string_value (b, l->name);
          json_builder_end_object (b);
        }
      json_builder_end_array (b);

      json_builder_set_member_name (b, "skill");
      if (s->skill_id > 0)
        {
          json_builder_begin_object (b);
          json_builder_set_member_name (b, "id");
          json_builder_add_int_value (b, s->skill_id);
          json_builder_set_member_name (b, "code");
          json_builder_add_string_value (b, s->skill_code);
          json_builder_set_member_name (b, "name");
          json_builder_add_string_value (b, s->skill_name);
          json_builder_end_object (b);
        }
      else
        json_builder_add_null_value (b);

      json_builder_set_member_name (b, "node");
      if (s->node_id > 0)
        {
          json_builder_begin_object (b);
          json_builder_set_member_name (b, "id");
          json_builder_add_int_value (b, s->node_id);
          json_builder_set_member_name (b, "title");
          json_builder_add_string_value (b, s->node_title);
          json_builder_end_object (b);
        }
      else
        json_builder_add_null_value (b);

      json_builder_set_member_name (b, "reason");
      json_builder_add_string_value (b, s->reason);

      json_builder_set_member_name (b, "evidence");
      if (s->evidence != NULL)
        json_node_set_object (evidence, s->evidence);
      else
        json_node_take_object (evidence, json_object_new ());
      json_builder_add_value (b, g_steal_pointer (&evidence));

      json_builder_set_member_name (b, "confidence");
      json_builder_add_double_value (b, s->confidence);
      json_builder_set_member_name (b, "evidence_hash");
      json_builder_add_string_value (b, s->evidence_hash);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  return json_builder_get_root (b);
}

int
trellis_cli_recommend (int    argc,
                       char **argv)
{
  g_autoptr(TrellisClassroom) classroom = NULL;
  g_autoptr(GPtrArray) suggestions = NULL;
  g_autoptr(GError) error = NULL;
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };
  int kind = -1;

  if (!trellis_cli_parse_options ("recommend", "FILE",
                                  _("Print the current suggestions with their reasons, evidence and confidence."),
                                  entries, &argc, &argv))
    return TRELLIS_CLI_EXIT_USAGE;

  if (argc != 2)
    return trellis_cli_fail_usage (_("recommend takes one FILE"));

  classroom = trellis_classroom_open (argv[1], TRELLIS_OPEN_FLAGS_READ_ONLY, &error);
  if (classroom == NULL)
    return trellis_cli_fail_error (error);

  suggestions = trellis_recommender_compute (classroom, &error);
  if (suggestions == NULL)
    return trellis_cli_fail_error (error);

  if (json)
    {
      g_autoptr(JsonNode) node = suggestions_to_json (suggestions);

      trellis_cli_print_json (node);
      return 0;
    }

  if (suggestions->len == 0)
    {
      g_print ("%s\n", _("No suggestions."));
      return 0;
    }

  /* Plain: a heading per kind, then one line per suggestion. */
  for (guint i = 0; i < suggestions->len; i++)
    {
      TrellisSuggestion *s = g_ptr_array_index (suggestions, i);

      if ((int)s->kind != kind)
        {
          guint n = 0;

          for (guint j = i; j < suggestions->len; j++)
            if (((TrellisSuggestion *)g_ptr_array_index (suggestions, j))->kind == s->kind)
              n++;
          g_print ("%s%s (%u)\n", kind >= 0 ? "\n" : "", trellis_suggestion_kind_get_title (s->kind), n);
          kind = (int)s->kind;
        }
      /* Translators: a suggestion's reason, then its confidence in percent */
      g_print (_("  • %s [confidence %d%%]\n"), s->reason, (int)(s->confidence * 100 + 0.5));
    }

  return 0;
}

/* trellis-cli-dashboard.c
 *
 * Copyright 2026 The Trellis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "trellis-classroom.h"
#include "trellis-cli-common.h"
#include "trellis-cli-dashboard.h"
#include "trellis-dashboard.h"

/*
 * trellis-cli dashboard FILE [--json] [--range unit|4weeks|term]
 *                            [--playlist NAME_OR_ID] [--since DATE] [--pseudonymize]
 *
 * The figures of the class dashboard (trellis-dashboard.h), with their
 * captions.  The JSON keys are documented in README.md.
 */

/* One character per level in the plain skill strips. */
static const char strip_chars[TRELLIS_DASHBOARD_N_LEVELS] = {
  [TRELLIS_DASHBOARD_LEVEL_NONE] = '.',
  [TRELLIS_DASHBOARD_LEVEL_NOT_YET] = '-',
  [TRELLIS_DASHBOARD_LEVEL_DEVELOPING] = 'o',
  [TRELLIS_DASHBOARD_LEVEL_MASTERED] = '#',
};

static char *
strip_string (const guint8 *levels,
              guint         n)
{
  char *s = g_new (char, n + 1);

  for (guint k = 0; k < n; k++)
    s[k] = strip_chars[levels[k] < TRELLIS_DASHBOARD_N_LEVELS ? levels[k] : 0];
  s[n] = '\0';

  return s;
}

static void
add_double_or_null (JsonBuilder *b,
                    double       value)
{
  if (isfinite (value))
    json_builder_add_double_value (b, value);
  else
    json_builder_add_null_value (b);
}

static void
add_levels (JsonBuilder *b,
            const char  *member,
            const guint  counts[TRELLIS_DASHBOARD_N_LEVELS])
{
  json_builder_set_member_name (b, member);
  json_builder_begin_object (b);
  for (guint l = 0; l < TRELLIS_DASHBOARD_N_LEVELS; l++)
    {
      json_builder_set_member_name (b, trellis_dashboard_level_to_string (l));
      json_builder_add_int_value (b, counts[l]);
    }
  json_builder_end_object (b);
}

static void
add_string_member (JsonBuilder *b,
                   const char  *member,
                   const char  *value)
{
  json_builder_set_member_name (b, member);
  if (value != NULL)
    json_builder_add_string_value (b, value);
  else
    json_builder_add_null_value (b);
}

static void
add_int_member (JsonBuilder *b,
                const char  *member,
                gint64       value)
{
  json_builder_set_member_name (b, member);
  json_builder_add_int_value (b, value);
}

static JsonNode *
dashboard_to_json (TrellisDashboard *d)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  const TrellisDashboardGoals *g = &d->goals;

  json_builder_begin_object (b);

  json_builder_set_member_name (b, "range");
  json_builder_begin_object (b);
  add_string_member (b, "kind", trellis_dashboard_range_kind_to_string (d->kind));
  json_builder_set_member_name (b, "playlist_id");
  if (d->playlist_id != 0)
    json_builder_add_int_value (b, d->playlist_id);
  else
    json_builder_add_null_value (b);
  add_string_member (b, "starts_on", d->starts_on);
  add_string_member (b, "ends_on", d->ends_on);
  add_string_member (b, "as_of", d->as_of);
  add_string_member (b, "caption", d->range_caption);
  json_builder_end_object (b);

  json_builder_set_member_name (b, "pseudonymized");
  json_builder_add_boolean_value (b, d->pseudonymized);
  add_int_member (b, "learners", d->n_learners);

  json_builder_set_member_name (b, "thresholds");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "developing");
  json_builder_add_double_value (b, TRELLIS_DASHBOARD_DEVELOPING);
  json_builder_set_member_name (b, "mastered");
  json_builder_add_double_value (b, TRELLIS_DASHBOARD_MASTERED);
  json_builder_set_member_name (b, "rollup_weight");
  json_builder_add_double_value (b, TRELLIS_DASHBOARD_ROLLUP_WEIGHT);
  json_builder_end_object (b);

  /* Academic progress */
  json_builder_set_member_name (b, "progress");
  json_builder_begin_object (b);
  add_string_member (b, "caption", d->progress_caption);
  json_builder_set_member_name (b, "skills");
  json_builder_begin_array (b);
  for (guint k = 0; k < d->skills->len; k++)
    {
      TrellisDashboardSkill *s = &g_array_index (d->skills, TrellisDashboardSkill, k);

      json_builder_begin_object (b);
      add_int_member (b, "id", s->skill_id);
      add_string_member (b, "code", s->code);
      add_string_member (b, "name", s->name);
      add_levels (b, "mastery", s->mastery);
      add_levels (b, "rollup", s->rollup);
      add_string_member (b, "caption", s->caption);
      add_string_member (b, "rollup_caption", s->rollup_caption);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  json_builder_set_member_name (b, "strips");
  json_builder_begin_array (b);
  for (guint i = 0; i < d->learners->len; i++)
    {
      TrellisDashboardLearner *l = &g_array_index (d->learners, TrellisDashboardLearner, i);
      g_autofree char *strip = strip_string (l->levels, d->skills->len);
      g_autofree char *rollup = strip_string (l->rollup_levels, d->skills->len);

      json_builder_begin_object (b);
      if (!d->pseudonymized)
        add_int_member (b, "learner_id", l->learner_id);
      add_string_member (b, "name", l->name);
      add_string_member (b, "mastery", strip);
      add_string_member (b, "rollup", rollup);
      json_builder_set_member_name (b, "p_known");
      json_builder_begin_array (b);
      for (guint k = 0; k < d->skills->len; k++)
        add_double_or_null (b, l->p_known[k] >= 0 ? l->p_known[k] : NAN);
      json_builder_end_array (b);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);

  /* Pathway completion */
  json_builder_set_member_name (b, "pathways");
  json_builder_begin_object (b);
  add_string_member (b, "caption", d->pathway_caption);
  json_builder_set_member_name (b, "playlists");
  json_builder_begin_array (b);
  for (guint p = 0; p < d->playlists->len; p++)
    {
      TrellisDashboardPlaylist *pl = &g_array_index (d->playlists, TrellisDashboardPlaylist, p);

      json_builder_begin_object (b);
      add_int_member (b, "id", pl->playlist_id);
      add_string_member (b, "title", pl->title);
      add_string_member (b, "starts_on", pl->starts_on);
      add_string_member (b, "ends_on", pl->ends_on);
      add_int_member (b, "milestones", pl->n_milestones);
      add_int_member (b, "milestones_due", pl->n_due);
      add_int_member (b, "on_track", pl->on_track);
      add_int_member (b, "behind", pl->behind);
      add_int_member (b, "ahead", pl->ahead);
      json_builder_set_member_name (b, "next_milestone");
      if (pl->next_milestone_id != 0)
        {
          json_builder_begin_object (b);
          add_int_member (b, "id", pl->next_milestone_id);
          add_string_member (b, "title", pl->next_milestone_title);
          add_string_member (b, "target_date", pl->next_milestone_date);
          add_int_member (b, "checked_in", pl->next_checked_in);
          json_builder_end_object (b);
        }
      else
        json_builder_add_null_value (b);
      add_string_member (b, "caption", pl->caption);
      add_string_member (b, "checkin_caption", pl->checkin_caption);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);

  /* Agency */
  json_builder_set_member_name (b, "agency");
  json_builder_begin_object (b);
  add_string_member (b, "caption", d->agency_caption);
  json_builder_set_member_name (b, "surveys");
  json_builder_begin_array (b);
  for (guint si = 0; si < d->surveys->len; si++)
    {
      TrellisDashboardSurvey *s = &g_array_index (d->surveys, TrellisDashboardSurvey, si);

      json_builder_begin_object (b);
      add_int_member (b, "id", s->survey_id);
      add_string_member (b, "title", s->title);
      add_int_member (b, "scale_max", s->scale_max);
      json_builder_set_member_name (b, "items");
      json_builder_begin_array (b);
      for (guint it = 0; it < s->n_items; it++)
        {
          json_builder_begin_object (b);
          add_int_member (b, "id", s->item_ids[it]);
          add_string_member (b, "prompt", s->item_prompts[it]);
          json_builder_end_object (b);
        }
      json_builder_end_array (b);

      json_builder_set_member_name (b, "administrations");
      json_builder_begin_array (b);
      for (guint ai = 0; ai < s->administrations->len; ai++)
        {
          TrellisDashboardAdministration *a = &g_array_index (s->administrations, TrellisDashboardAdministration, ai);

          json_builder_begin_object (b);
          add_int_member (b, "id", a->administration_id);
          add_string_member (b, "administered_on", a->administered_on);
          add_int_member (b, "respondents", a->n_respondents);
          json_builder_set_member_name (b, "mean");
          add_double_or_null (b, a->mean);
          json_builder_set_member_name (b, "item_means");
          json_builder_begin_array (b);
          for (guint it = 0; it < s->n_items; it++)
            add_double_or_null (b, a->item_means[it]);
          json_builder_end_array (b);
          json_builder_end_object (b);
        }
      json_builder_end_array (b);

      json_builder_set_member_name (b, "changes");
      json_builder_begin_array (b);
      for (guint c = 0; c < s->changes->len; c++)
        {
          TrellisDashboardAgencyChange *ch = &g_array_index (s->changes, TrellisDashboardAgencyChange, c);

          json_builder_begin_object (b);
          if (!d->pseudonymized)
            add_int_member (b, "learner_id", ch->learner_id);
          add_string_member (b, "name", ch->name);
          json_builder_set_member_name (b, "first");
          json_builder_add_double_value (b, ch->first);
          json_builder_set_member_name (b, "last");
          json_builder_add_double_value (b, ch->last);
          json_builder_set_member_name (b, "change");
          json_builder_add_double_value (b, ch->change);
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      add_int_member (b, "rose", s->rose);
      add_int_member (b, "fell", s->fell);
      add_int_member (b, "unchanged", s->unchanged);
      add_string_member (b, "caption", s->caption);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);

  /* Goal-setting */
  json_builder_set_member_name (b, "goals");
  json_builder_begin_object (b);
  add_int_member (b, "learners", g->n_learners);
  add_int_member (b, "with_active_goal", g->with_active_goal);
  json_builder_set_member_name (b, "active_goal_share");
  json_builder_add_double_value (b, g->n_learners > 0 ? (double)g->with_active_goal / g->n_learners : 0.0);
  add_int_member (b, "goals_set", g->goals_set);
  add_int_member (b, "goals_met", g->goals_met);
  add_int_member (b, "goals_revised", g->goals_revised);
  add_int_member (b, "conferences_held", g->conferences_held);
  add_int_member (b, "learners_conferenced", g->learners_conferenced);
  add_int_member (b, "conferences_expected", g->conferences_expected);
  add_int_member (b, "cadence_days", g->cadence_days);
  add_int_member (b, "learners_due", g->learners_due);
  add_int_member (b, "reflections", g->reflections);
  add_int_member (b, "learners_reflecting", g->learners_reflecting);
  add_string_member (b, "goals_caption", g->goals_caption);
  add_string_member (b, "conferences_caption", g->conferences_caption);
  add_string_member (b, "reflections_caption", g->reflections_caption);
  json_builder_end_object (b);

  json_builder_end_object (b);

  return json_builder_get_root (b);
}

static void
print_plain (TrellisDashboard *d)
{
  guint name_width = 4;

  g_print ("%s\n\n", d->range_caption);

  g_print ("%s\n", _("Academic progress"));
  g_print ("  %s\n", d->progress_caption);
  for (guint k = 0; k < d->skills->len; k++)
    {
      TrellisDashboardSkill *s = &g_array_index (d->skills, TrellisDashboardSkill, k);

      g_print ("  %s\n", s->code);
      g_print ("    %s: %s\n", _("mastery"), s->caption);
      g_print ("    %s: %s\n", _("roll-up"), s->rollup_caption);
    }
  if (d->skills->len > 0)
    {
      for (guint i = 0; i < d->learners->len; i++)
        name_width = MAX (name_width, (guint)g_utf8_strlen (g_array_index (d->learners, TrellisDashboardLearner, i).name, -1));
      /* Translators: the legend of the skill strips */
      g_print ("  %s\n", _("Skill strips (# mastered, o developing, - not yet, . no evidence):"));
      for (guint i = 0; i < d->learners->len; i++)
        {
          TrellisDashboardLearner *l = &g_array_index (d->learners, TrellisDashboardLearner, i);
          g_autofree char *strip = strip_string (l->levels, d->skills->len);
          guint pad = name_width - (guint)g_utf8_strlen (l->name, -1);

          g_print ("    %s%*s  %s\n", l->name, (int)pad, "", strip);
        }
    }

  g_print ("\n%s\n", _("Pathway completion"));
  g_print ("  %s\n", d->pathway_caption);
  for (guint p = 0; p < d->playlists->len; p++)
    {
      TrellisDashboardPlaylist *pl = &g_array_index (d->playlists, TrellisDashboardPlaylist, p);

      g_print ("  %s\n    %s\n    %s\n", pl->title, pl->caption, pl->checkin_caption);
    }

  g_print ("\n%s\n", _("Agency"));
  g_print ("  %s\n", d->agency_caption);
  for (guint si = 0; si < d->surveys->len; si++)
    {
      TrellisDashboardSurvey *s = &g_array_index (d->surveys, TrellisDashboardSurvey, si);

      g_print ("  %s: %s\n", s->title, s->caption);
      for (guint ai = 0; ai < s->administrations->len; ai++)
        {
          TrellisDashboardAdministration *a = &g_array_index (s->administrations, TrellisDashboardAdministration, ai);

          g_print ("    %s  %.2f\n", a->administered_on, a->mean);
        }
    }

  g_print ("\n%s\n", _("Goal-setting"));
  g_print ("  %s\n  %s\n  %s\n", d->goals.goals_caption, d->goals.conferences_caption,
           d->goals.reflections_caption);
}

int
trellis_cli_dashboard (int    argc,
                       char **argv)
{
  g_autoptr(TrellisClassroom) classroom = NULL;
  g_autoptr(TrellisDashboard) dashboard = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *range_name = NULL;
  g_autofree char *playlist_name = NULL;
  g_autofree char *since = NULL;
  gboolean json = FALSE;
  gboolean pseudonymize = FALSE;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { "range", 0, 0, G_OPTION_ARG_STRING, &range_name, N_("The period: unit, 4weeks or term (default term)"), N_("RANGE") },
    { "playlist", 0, 0, G_OPTION_ARG_STRING, &playlist_name, N_("With --range unit: the unit (default the current one)"), N_("NAME_OR_ID") },
    { "since", 0, 0, G_OPTION_ARG_STRING, &since, N_("With --range term: the term’s first day (default the day the classroom was created)"), N_("YYYY-MM-DD") },
    { "pseudonymize", 0, 0, G_OPTION_ARG_NONE, &pseudonymize, N_("Show pseudonyms instead of names"), NULL },
    { NULL }
  };
  TrellisDashboardRange range = { TRELLIS_DASHBOARD_RANGE_TERM, 0, NULL, FALSE };

  if (!trellis_cli_parse_options ("dashboard", "FILE",
                                  _("Print the class dashboard: mastery per skill, pathway completion, agency and goal-setting."),
                                  entries, &argc, &argv))
    return TRELLIS_CLI_EXIT_USAGE;

  if (argc != 2)
    return trellis_cli_fail_usage (_("dashboard takes one FILE"));

  if (playlist_name != NULL && range_name == NULL)
    range.kind = TRELLIS_DASHBOARD_RANGE_UNIT;
  if (range_name != NULL && !trellis_dashboard_range_kind_from_string (range_name, &range.kind))
    return trellis_cli_fail_usage (_("Unknown range “%s”: choose unit, 4weeks or term"), range_name);
  if (playlist_name != NULL && range.kind != TRELLIS_DASHBOARD_RANGE_UNIT)
    return trellis_cli_fail_usage (_("--playlist goes with --range unit"));
  if (since != NULL && range.kind != TRELLIS_DASHBOARD_RANGE_TERM)
    return trellis_cli_fail_usage (_("--since goes with --range term"));

  classroom = trellis_classroom_open (argv[1], TRELLIS_OPEN_FLAGS_READ_ONLY, &error);
  if (classroom == NULL)
    return trellis_cli_fail_error (error);

  if (playlist_name != NULL)
    {
      TrellisPlaylist *playlist = trellis_classroom_find_playlist (classroom, playlist_name, &error);

      if (playlist == NULL)
        return trellis_cli_fail_error (error);
      range.playlist_id = trellis_playlist_get_id (playlist);
    }
  range.starts_on = since;
  range.pseudonymize = pseudonymize;

  dashboard = trellis_dashboard_compute (classroom, &range, &error);
  if (dashboard == NULL)
    return trellis_cli_fail_error (error);

  if (json)
    {
      g_autoptr(JsonNode) node = dashboard_to_json (dashboard);

      trellis_cli_print_json (node);
    }
  else
    print_plain (dashboard);

  return 0;
}

/* trellis-profile-rows.c
 *
 * Copyright 2026 The Trellis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "trellis-learner-summary.h"
#include "trellis-profile-links.h"
#include "trellis-profile-rows.h"

/* The mastery model's summary for @skill, or NULL without evidence. */
static TrellisMasterySummary *
find_mastery (GPtrArray    *mastery,
              TrellisSkill *skill)
{
  for (guint m = 0; mastery != NULL && m < mastery->len; m++)
    {
      TrellisMasterySummary *summary = g_ptr_array_index (mastery, m);

      if (g_strcmp0 (summary->code, trellis_skill_get_code (skill)) == 0)
        return summary;
    }

  return NULL;
}

/* An AdwActionRow or AdwExpanderRow with a plain-text title and subtitle. */
static GtkWidget *
new_row (GType       type,
         const char *title,
         const char *subtitle)
{
  return g_object_new (type, "title", title, "use-markup", FALSE, "subtitle", subtitle, NULL);
}

/* Status · target date (and how far off) · skills mastered; criteria; codes. */
static char *
dup_goal_subtitle (TrellisClassroom  *classroom,
                   const TrellisGoal *goal,
                   GPtrArray         *mastery)
{
  GString *text = g_string_new (trellis_goal_status_get_label (goal->status));
  g_autofree char *codes = trellis_profile_links_dup_skill_codes (classroom, goal->skill_ids);

  if (goal->target_date != NULL)
    {
      g_autofree char *date = trellis_learner_summary_format_date (goal->target_date);
      int days = trellis_profile_rows_days_since (classroom, goal->target_date);

      g_string_append (text, " · ");
      if (days == G_MININT)
        /* Translators: %s is a date */
        g_string_append_printf (text, _("target %s"), date);
      else if (days > 0)
        /* Translators: %s is a date, %d a number of days */
        g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "target %s, %d day ago",
                                                   "target %s, %d days ago", (gulong) days),
                                date, days);
      else
        /* Translators: %s is a date, %d a number of days */
        g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "target %s, in %d day",
                                                   "target %s, in %d days", (gulong) -days),
                                date, -days);
    }

  /* Progress on the goal's skills, from the mastery model. */
  if (goal->skill_ids != NULL && goal->skill_ids->len > 0)
    {
      double sum = 0;
      guint n = 0;

      for (guint i = 0; i < goal->skill_ids->len; i++)
        {
          TrellisSkill *skill = trellis_classroom_lookup_skill (classroom, g_array_index (goal->skill_ids, gint64, i));
          TrellisMasterySummary *summary = skill != NULL ? find_mastery (mastery, skill) : NULL;

          if (summary != NULL)
            {
              sum += summary->p_known;
              n++;
            }
        }

      if (n > 0)
        {
          g_string_append (text, " · ");
          /* Translators: %d is a percentage */
          g_string_append_printf (text, _("skills %d%% mastered"), (int) (100 * sum / n + 0.5));
        }
    }

  if (goal->success_criteria != NULL && goal->success_criteria[0] != '\0')
    {
      g_string_append_c (text, '\n');
      g_string_append (text, goal->success_criteria);
    }

  if (codes != NULL)
    {
      g_string_append_c (text, '\n');
      /* Translators: %s is a list of skill codes */
      g_string_append_printf (text, _("Skills: %s"), codes);
    }

  return g_string_free (text, FALSE);
}

/*
 * For each linked skill, what the mastery model makes of the evidence (or
 * that there is none yet).  NULL without skills.
 */
static char *
dup_skills_progress (TrellisClassroom *classroom,
                     GArray           *skill_ids,
                     GPtrArray        *mastery)
{
  GString *text;

  if (skill_ids == NULL || skill_ids->len == 0)
    return NULL;

  text = g_string_new (NULL);
  for (guint i = 0; i < skill_ids->len; i++)
    {
      TrellisSkill *skill = trellis_classroom_lookup_skill (classroom, g_array_index (skill_ids, gint64, i));
      TrellisMasterySummary *found;

      if (skill == NULL)
        continue;

      found = find_mastery (mastery, skill);
      if (text->len > 0)
        g_string_append_c (text, '\n');
      if (found != NULL)
        /* Translators: a skill's code and name, how likely the learner knows it, and the evidence behind it */
        g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE,
                                                   "%s %s: %d%% known, from %d piece of evidence",
                                                   "%s %s: %d%% known, from %d pieces of evidence",
                                                   (gulong) found->n_evidence),
                                trellis_skill_get_code (skill), trellis_skill_get_name (skill),
                                (int) (found->p_known * 100 + 0.5), found->n_evidence);
      else
        /* Translators: a skill's code and name */
        g_string_append_printf (text, _("%s %s: no evidence yet"),
                                trellis_skill_get_code (skill), trellis_skill_get_name (skill));
    }

  return g_string_free (text, FALSE);
}

/* The goal's first row: what the evidence says about each linked skill. */
static GtkWidget *
new_progress_row (TrellisClassroom *classroom,
                  GArray           *skill_ids,
                  GPtrArray        *mastery)
{
  g_autofree char *progress = dup_skills_progress (classroom, skill_ids, mastery);
  GtkWidget *row;

  row = new_row (ADW_TYPE_ACTION_ROW, _("Progress"),
                 progress != NULL ? progress : _("Link skills to the goal to see what the evidence says about them."));
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  gtk_widget_add_css_class (row, "goal-progress");

  return row;
}

GtkWidget *
trellis_profile_rows_new_placeholder (const char *text)
{
  GtkWidget *label;
  GtkWidget *row;

  g_return_val_if_fail (text != NULL, NULL);

  label = gtk_label_new (text);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_margin_top (label, 12);
  gtk_widget_set_margin_bottom (label, 12);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_widget_add_css_class (label, "dim-label");

  /* A row, so that it shows inside the group's boxed list. */
  row = adw_preferences_row_new ();
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
  gtk_widget_add_css_class (row, "placeholder-row");

  return row;
}

GtkWidget *
trellis_profile_rows_new_goal (TrellisClassroom   *classroom,
                               const TrellisGoal  *goal,
                               GPtrArray          *mastery,
                               AdwActionRow      **progress_row)
{
  g_autofree char *subtitle = NULL;
  GtkWidget *row;
  GtkWidget *progress;

  g_return_val_if_fail (TRELLIS_IS_CLASSROOM (classroom), NULL);
  g_return_val_if_fail (goal != NULL, NULL);

  subtitle = dup_goal_subtitle (classroom, goal, mastery);
  row = new_row (ADW_TYPE_EXPANDER_ROW, goal->title, subtitle);
  gtk_widget_add_css_class (row, "goal");
  gtk_widget_add_css_class (row, trellis_goal_status_to_string (goal->status));

  progress = new_progress_row (classroom, goal->skill_ids, mastery);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), progress);
  if (progress_row != NULL)
    *progress_row = ADW_ACTION_ROW (progress);

  return row;
}

GtkWidget *
trellis_profile_rows_new_reflection (TrellisClassroom        *classroom,
                                     const TrellisReflection *reflection)
{
  g_autofree char *date = NULL;
  g_autofree char *about = NULL;
  g_autoptr(GString) subtitle = NULL;
  GtkWidget *row;

  g_return_val_if_fail (TRELLIS_IS_CLASSROOM (classroom), NULL);
  g_return_val_if_fail (reflection != NULL, NULL);

  /* When, who wrote it, and what it is about. */
  date = trellis_learner_summary_format_date (reflection->written_on);
  about = trellis_profile_links_describe_reflection (classroom, reflection);
  subtitle = g_string_new (date);
  g_string_append (subtitle, " · ");
  g_string_append (subtitle, trellis_profile_links_describe_author (reflection->author));
  if (about != NULL)
    g_string_append_printf (subtitle, " · %s", about);

  row = new_row (ADW_TYPE_ACTION_ROW, reflection->text, subtitle->str);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 4);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);
  gtk_widget_add_css_class (row, "reflection");
  gtk_widget_add_css_class (row, trellis_reflection_author_to_string (reflection->author));

  return row;
}

GArray *
trellis_profile_rows_dup_checked_skills (GPtrArray *checks)
{
  GArray *skills;

  if (checks == NULL)
    return NULL;

  skills = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (guint i = 0; i < checks->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (checks, i);
      gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (check), "skill-id"));

      if (gtk_check_button_get_active (check))
        g_array_append_val (skills, id);
    }

  return skills;
}

int
trellis_profile_rows_days_since (TrellisClassroom *classroom,
                                 const char       *date)
{
  g_autofree char *today = NULL;
  GDate then, now;

  g_return_val_if_fail (classroom == NULL || TRELLIS_IS_CLASSROOM (classroom), G_MININT);

  if (date == NULL || classroom == NULL)
    return G_MININT;

  today = trellis_classroom_today (classroom);
  g_date_clear (&then, 1);
  g_date_clear (&now, 1);
  g_date_set_parse (&then, date);
  g_date_set_parse (&now, today);
  if (!g_date_valid (&then) || !g_date_valid (&now))
    return G_MININT;

  return g_date_days_between (&then, &now);
}

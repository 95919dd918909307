/* trellis-pacing.c
 *
 * Copyright 2026 The Trellis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trellis-pacing"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "trellis-pacing.h"

/*
 * Whether a unit's pacing is realistic: the minutes planned in each week
 * (Monday to Sunday) against the class minutes available in it.
 *
 * The weeks: from the unit's first day to its last.  A unit without dates
 * takes its range from the nodes' dates; with one date only, the other end
 * comes from the nodes' dates.  The range never exceeds
 * TRELLIS_PACING_MAX_WEEKS weeks.
 *
 * Available minutes: the class minutes per week, in proportion to the
 * school days (Monday to Friday) of the week that fall in the unit, so a
 * unit that starts on a Wednesday has 3/5 of a week in its first week
 * (rounded down).  Ends that come from the nodes' dates do not cut a week.
 *
 * Planned minutes: every activity and milestone counts its estimated
 * minutes in the week of its date (suggested date, or a milestone's target
 * date).  A choice group counts as the options a learner does: its
 * choose-min longest options (at least one), each in the week of its own
 * date, or of the group's date if it has none.  Planning for the longest
 * options keeps the pace realistic for every learner, whatever they choose.
 *
 * Nodes without a date are "unscheduled", nodes dated outside the weeks
 * are "outside"; both are listed with their minutes and counted in no week.
 * A week is overloaded when it plans more minutes than are available.
 */

static void
entry_free (gpointer data)
{
  TrellisPacingEntry *entry = data;

  g_free (entry->title);
  g_free (entry->date);
  g_free (entry);
}

static void
week_free (gpointer data)
{
  TrellisPacingWeek *week = data;

  g_free (week->monday);
  g_ptr_array_unref (week->milestones);
  g_free (week);
}

static TrellisPacingEntry *
entry_new (const TrellisPacingNode *node,
           const GDate             *date,
           guint                    minutes)
{
  TrellisPacingEntry *entry = g_new0 (TrellisPacingEntry, 1);

  entry->id = node->id;
  entry->title = g_strdup (node->title != NULL ? node->title : "");
  entry->kind = node->kind;
  if (date != NULL)
    {
      entry->date = g_new0 (char, 11);
      g_date_strftime (entry->date, 11, "%Y-%m-%d", date);
    }
  entry->minutes = minutes;

  return entry;
}

/* Reads YYYY-MM-DD; FALSE (and @date cleared) for anything else. */
static gboolean
parse_date (const char *text,
            GDate      *date)
{
  guint year, month, day;
  char end;

  g_date_clear (date, 1);
  if (text == NULL || strlen (text) != 10 ||
      sscanf (text, "%4u-%2u-%2u%c", &year, &month, &day, &end) != 3 ||
      text[4] != '-' || text[7] != '-' ||
      !g_date_valid_dmy ((GDateDay)day, (GDateMonth)month, (GDateYear)year))
    return FALSE;

  g_date_set_dmy (date, (GDateDay)day, (GDateMonth)month, (GDateYear)year);
  return TRUE;
}

static char *
format_date (const GDate *date)
{
  char text[11];

  g_date_strftime (text, sizeof text, "%Y-%m-%d", date);
  return g_strdup (text);
}

/* The node's date, or (for an option without one) its group's. */
static gboolean
node_date (const TrellisPacingNode *nodes,
           guint                    n_nodes,
           guint                    index,
           GDate                   *date)
{
  int group = nodes[index].group;

  if (parse_date (nodes[index].date, date))
    return TRUE;
  if (group >= 0 && (guint)group < n_nodes)
    return parse_date (nodes[group].date, date);
  return FALSE;
}

static gboolean
is_option (const TrellisPacingNode *nodes,
           guint                    n_nodes,
           guint                    index)
{
  int group = nodes[index].group;

  return group >= 0 && (guint)group < n_nodes && (guint)group != index &&
         nodes[group].kind == TRELLIS_NODE_KIND_CHOICE;
}

static guint
node_minutes (const TrellisPacingNode *node)
{
  return node->minutes > 0 ? (guint)node->minutes : 0;
}

typedef struct
{
  guint index;
  guint minutes;
} Counted;

static int
compare_counted (gconstpointer a,
                 gconstpointer b)
{
  const Counted *x = a;
  const Counted *y = b;

  /* Longest first; equal lengths keep their order. */
  if (x->minutes != y->minutes)
    return x->minutes > y->minutes ? -1 : 1;
  return x->index < y->index ? -1 : (x->index > y->index);
}

/*
 * The nodes that count, as indexes: top-level activities and milestones,
 * and the counted options of each choice group.
 */
static GArray *
counted_nodes (const TrellisPacingNode *nodes,
               guint                    n_nodes)
{
  GArray *counted = g_array_new (FALSE, FALSE, sizeof (Counted));

  for (guint i = 0; i < n_nodes; i++)
    {
      const TrellisPacingNode *node = &nodes[i];

      if (node->kind == TRELLIS_NODE_KIND_CHOICE)
        {
          g_autoptr(GArray) options = g_array_new (FALSE, FALSE, sizeof (Counted));
          guint k = MAX (node->choose_min, 1);

          for (guint j = 0; j < n_nodes; j++)
            if (is_option (nodes, n_nodes, j) && (guint)nodes[j].group == i)
              {
                Counted option = { j, node_minutes (&nodes[j]) };

                g_array_append_val (options, option);
              }

          g_array_sort (options, compare_counted);
          g_array_append_vals (counted, options->data, MIN (k, options->len));
        }
      else if (!is_option (nodes, n_nodes, i))
        {
          Counted item = { i, node_minutes (node) };

          g_array_append_val (counted, item);
        }
    }

  return counted;
}

/* Mon–Fri days of the week starting @monday that fall within [@from, @to]. */
static guint
school_days (const GDate *monday,
             const GDate *from,
             const GDate *to)
{
  guint days = 0;

  for (guint d = 0; d < 5; d++)
    {
      GDate day = *monday;

      g_date_add_days (&day, d);
      if ((from == NULL || g_date_compare (&day, from) >= 0) &&
          (to == NULL || g_date_compare (&day, to) <= 0))
        days++;
    }

  return days;
}

static void
add_unscheduled (TrellisPacing           *pacing,
                 const TrellisPacingNode *nodes,
                 guint                    n_nodes,
                 guint                    index,
                 guint                    minutes)
{
  const TrellisPacingNode *node = &nodes[index];

  /* An option without a date stands for its group. */
  if (is_option (nodes, n_nodes, index))
    node = &nodes[node->group];

  for (guint i = 0; i < pacing->unscheduled->len; i++)
    {
      TrellisPacingEntry *entry = g_ptr_array_index (pacing->unscheduled, i);

      if (entry->id == node->id && entry->kind == node->kind)
        {
          entry->minutes += minutes;
          pacing->unscheduled_minutes += minutes;
          return;
        }
    }

  g_ptr_array_add (pacing->unscheduled, entry_new (node, NULL, minutes));
  pacing->unscheduled_minutes += minutes;
}

static int
compare_entries_by_date (gconstpointer a,
                         gconstpointer b)
{
  const TrellisPacingEntry *x = *(TrellisPacingEntry * const *)a;
  const TrellisPacingEntry *y = *(TrellisPacingEntry * const *)b;

  return g_strcmp0 (x->date, y->date);
}

/**
 * trellis_pacing_compute:
 * @unit_starts_on: (nullable): the unit's first day, YYYY-MM-DD
 * @unit_ends_on: (nullable): the unit's last day, YYYY-MM-DD
 * @nodes: (array length=n_nodes): the playlist's nodes, options included
 * @class_minutes_per_week: the class time a full week has
 *
 * Computes the unit's pacing week by week, as the top of this file
 * explains.  Dates that are not valid YYYY-MM-DD count as missing.  A pure
 * function: no classroom, no clock.
 *
 * Returns: (transfer full): the pacing; free with trellis_pacing_free()
 */
TrellisPacing *
trellis_pacing_compute (const char              *unit_starts_on,
                        const char              *unit_ends_on,
                        const TrellisPacingNode *nodes,
                        guint                    n_nodes,
                        guint                    class_minutes_per_week)
{
  g_autoptr(GArray) counted = NULL;
  TrellisPacing *pacing;
  GDate unit_start, unit_end, first, last, monday;
  gboolean has_start, has_end, has_first = FALSE, has_last = FALSE;
  guint n_weeks;

  g_return_val_if_fail (nodes != NULL || n_nodes == 0, NULL);

  pacing = g_new0 (TrellisPacing, 1);
  pacing->class_minutes_per_week = class_minutes_per_week;
  pacing->weeks = g_ptr_array_new_with_free_func (week_free);
  pacing->unscheduled = g_ptr_array_new_with_free_func (entry_free);
  pacing->outside = g_ptr_array_new_with_free_func (entry_free);

  has_start = parse_date (unit_starts_on, &unit_start);
  has_end = parse_date (unit_ends_on, &unit_end);
  if (has_start && has_end && g_date_compare (&unit_start, &unit_end) > 0)
    has_start = has_end = FALSE;
  pacing->from_unit_dates = has_start && has_end;

  counted = counted_nodes (nodes, n_nodes);

  /* The range: the unit's dates, completed by the nodes' dates. */
  g_date_clear (&first, 1);
  g_date_clear (&last, 1);
  g_date_clear (&monday, 1);
  if (has_start)
    {
      first = unit_start;
      has_first = TRUE;
    }
  if (has_end)
    {
      last = unit_end;
      has_last = TRUE;
    }
  for (guint i = 0; i < counted->len && !(has_start && has_end); i++)
    {
      GDate date;

      if (!node_date (nodes, n_nodes, g_array_index (counted, Counted, i).index, &date))
        continue;
      if (!has_start && (!has_first || g_date_compare (&date, &first) < 0))
        {
          first = date;
          has_first = TRUE;
        }
      if (!has_end && (!has_last || g_date_compare (&date, &last) > 0))
        {
          last = date;
          has_last = TRUE;
        }
    }
  if (has_first && !has_last)
    {
      last = first;
      has_last = TRUE;
    }
  if (has_last && !has_first)
    {
      first = last;
      has_first = TRUE;
    }
  if (has_first && g_date_compare (&first, &last) > 0)
    {
      /* Only one unit date, and every node on the wrong side of it. */
      if (has_start)
        last = first;
      else
        first = last;
    }

  if (has_first)
    {
      GDate limit;

      monday = first;
      g_date_subtract_days (&monday, g_date_get_weekday (&monday) - G_DATE_MONDAY);
      limit = monday;
      g_date_add_days (&limit, TRELLIS_PACING_MAX_WEEKS * 7 - 1);
      if (g_date_compare (&last, &limit) > 0)
        last = limit;

      n_weeks = (g_date_get_julian (&last) - g_date_get_julian (&monday)) / 7 + 1;
      for (guint w = 0; w < n_weeks; w++)
        {
          TrellisPacingWeek *week = g_new0 (TrellisPacingWeek, 1);
          GDate day = monday;
          guint days;

          g_date_add_days (&day, w * 7);
          days = school_days (&day, has_start ? &unit_start : NULL, has_end ? &unit_end : NULL);
          week->monday = format_date (&day);
          week->available_minutes = (guint)((guint64)class_minutes_per_week * days / 5);
          week->milestones = g_ptr_array_new_with_free_func (entry_free);
          g_ptr_array_add (pacing->weeks, week);
        }

      pacing->first_day = format_date (&first);
      pacing->last_day = format_date (&last);
    }

  for (guint i = 0; i < counted->len; i++)
    {
      Counted *item = &g_array_index (counted, Counted, i);
      const TrellisPacingNode *node = &nodes[item->index];
      TrellisPacingWeek *week;
      GDate date;

      if (!node_date (nodes, n_nodes, item->index, &date))
        {
          add_unscheduled (pacing, nodes, n_nodes, item->index, item->minutes);
          continue;
        }

      if (!has_first || g_date_compare (&date, &first) < 0 || g_date_compare (&date, &last) > 0)
        {
          g_ptr_array_add (pacing->outside, entry_new (node, &date, item->minutes));
          pacing->outside_minutes += item->minutes;
          continue;
        }

      week = g_ptr_array_index (pacing->weeks, (g_date_get_julian (&date) - g_date_get_julian (&monday)) / 7);
      week->planned_minutes += item->minutes;
      week->n_items++;
      if (node->kind == TRELLIS_NODE_KIND_MILESTONE)
        g_ptr_array_add (week->milestones, entry_new (node, &date, item->minutes));
    }

  for (guint w = 0; w < pacing->weeks->len; w++)
    {
      TrellisPacingWeek *week = g_ptr_array_index (pacing->weeks, w);

      week->overloaded = week->planned_minutes > week->available_minutes;
      pacing->n_overloaded += week->overloaded;
      g_ptr_array_sort (week->milestones, compare_entries_by_date);
    }
  g_ptr_array_sort (pacing->outside, compare_entries_by_date);

  return pacing;
}

static void
append_nodes (GArray      *array,
              GListModel  *model,
              int          group)
{
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TrellisNode) node = g_list_model_get_item (model, i);
      TrellisNodeKind kind = trellis_node_get_kind (node);
      TrellisPacingNode item = { 0 };

      item.id = trellis_node_get_id (node);
      item.kind = kind;
      item.group = group;
      item.choose_min = trellis_node_get_choose_min (node);
      item.minutes = trellis_node_get_estimated_minutes (node);
      /* The node lists keep the nodes, and their texts, alive meanwhile. */
      item.title = trellis_node_get_title (node);
      item.date = kind == TRELLIS_NODE_KIND_MILESTONE ? trellis_node_get_target_date (node)
                                                       : trellis_node_get_suggested_date (node);
      g_array_append_val (array, item);
    }
}

/**
 * trellis_pacing_compute_for_playlist:
 * @class_minutes_per_week: the classroom's preference
 *   (trellis_profile_get_class_minutes_per_week())
 *
 * trellis_pacing_compute() on @playlist's dates and nodes, as they are in
 * @classroom's node lists.
 *
 * Returns: (transfer full): the pacing; free with trellis_pacing_free()
 */
TrellisPacing *
trellis_pacing_compute_for_playlist (TrellisClassroom *classroom,
                                     TrellisPlaylist  *playlist,
                                     guint             class_minutes_per_week)
{
  g_autoptr(GArray) nodes = g_array_new (FALSE, TRUE, sizeof (TrellisPacingNode));
  GListModel *top;
  guint n_top;

  g_return_val_if_fail (TRELLIS_IS_CLASSROOM (classroom), NULL);
  g_return_val_if_fail (TRELLIS_IS_PLAYLIST (playlist), NULL);

  top = trellis_classroom_get_nodes (classroom, playlist, NULL);
  append_nodes (nodes, top, -1);
  n_top = nodes->len;

  for (guint i = 0; i < n_top; i++)
    {
      g_autoptr(TrellisNode) node = g_list_model_get_item (top, i);

      if (trellis_node_get_kind (node) == TRELLIS_NODE_KIND_CHOICE)
        append_nodes (nodes, trellis_classroom_get_nodes (classroom, playlist, node), (int)i);
    }

  return trellis_pacing_compute (trellis_playlist_get_starts_on (playlist),
                                 trellis_playlist_get_ends_on (playlist),
                                 (const TrellisPacingNode *)nodes->data, nodes->len,
                                 class_minutes_per_week);
}

/**
 * trellis_pacing_format_day:
 * @iso: YYYY-MM-DD
 *
 * A date as the pacing shows it: “12 Oct”, the day and the month's short
 * name.  Anything but YYYY-MM-DD comes back as it is.
 *
 * Returns: (transfer full): the text
 */
char *
trellis_pacing_format_day (const char *iso)
{
  g_autoptr(GDateTime) time = NULL;
  GDate date;

  if (!parse_date (iso, &date))
    return g_strdup (iso != NULL ? iso : "");

  time = g_date_time_new_utc (g_date_get_year (&date), g_date_get_month (&date), g_date_get_day (&date), 0, 0, 0);
  /* Translators: a short date, as in “12 Oct”; see g_date_time_format() */
  return g_date_time_format (time, C_("pacing date", "%-d %b"));
}

/**
 * trellis_pacing_describe_week:
 *
 * The week in one plain sentence, for captions and screen readers:
 * “Week of 12 Oct: 260 of 225 class minutes planned — over by 35.”,
 * followed by the milestones due in the week.
 *
 * Returns: (transfer full): the text
 */
char *
trellis_pacing_describe_week (const TrellisPacingWeek *week)
{
  g_autofree char *monday = NULL;
  GString *text;

  g_return_val_if_fail (week != NULL, NULL);

  monday = trellis_pacing_format_day (week->monday);
  text = g_string_new (NULL);

  if (week->planned_minutes == 0)
    /* Translators: the first %s is a date like “12 Oct” */
    g_string_append_printf (text, _("Week of %s: nothing planned, %u class minutes available"),
                            monday, week->available_minutes);
  else if (week->overloaded)
    /* Translators: the first %s is a date like “12 Oct”; then minutes planned, available, and the difference */
    g_string_append_printf (text, _("Week of %s: %u of %u class minutes planned — over by %u"),
                            monday, week->planned_minutes, week->available_minutes,
                            week->planned_minutes - week->available_minutes);
  else
    /* Translators: the first %s is a date like “12 Oct”; then minutes planned, available, and the difference */
    g_string_append_printf (text, _("Week of %s: %u of %u class minutes planned — %u to spare"),
                            monday, week->planned_minutes, week->available_minutes,
                            week->available_minutes - week->planned_minutes);

  for (guint i = 0; i < week->milestones->len; i++)
    {
      TrellisPacingEntry *milestone = g_ptr_array_index (week->milestones, i);
      g_autofree char *due = trellis_pacing_format_day (milestone->date);

      g_string_append (text, i == 0 ? _(". Milestones: ") : _("; "));
      /* Translators: a milestone's title and its target date, like “12 Oct” */
      g_string_append_printf (text, _("%s, due %s"), milestone->title, due);
    }
  g_string_append_c (text, '.');

  return g_string_free (text, FALSE);
}

/**
 * trellis_pacing_describe:
 *
 * The whole unit in a few plain sentences: how many weeks, how many are
 * over the class time, and what has no date or is dated outside the unit.
 *
 * Returns: (transfer full): the text
 */
char *
trellis_pacing_describe (const TrellisPacing *pacing)
{
  GString *text;

  g_return_val_if_fail (pacing != NULL, NULL);

  text = g_string_new (NULL);
  if (pacing->weeks->len == 0)
    g_string_append (text, _("No item has a date yet."));
  else if (pacing->n_overloaded == 0)
    g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE,
                                               "%u week; every week fits in %u class minutes.",
                                               "%u weeks; every week fits in %u class minutes.",
                                               pacing->weeks->len),
                            pacing->weeks->len, pacing->class_minutes_per_week);
  else
    /* Translators: N weeks; M of them plan more than the class minutes per week */
    g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE,
                                               "%u weeks; %u plans more than %u class minutes.",
                                               "%u weeks; %u plan more than %u class minutes.",
                                               pacing->n_overloaded),
                            pacing->weeks->len, pacing->n_overloaded, pacing->class_minutes_per_week);

  if (pacing->unscheduled->len > 0)
    {
      g_string_append_c (text, ' ');
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE,
                                                 "%u item has no date (%u minutes).",
                                                 "%u items have no date (%u minutes).",
                                                 pacing->unscheduled->len),
                              pacing->unscheduled->len, pacing->unscheduled_minutes);
    }

  if (pacing->outside->len > 0)
    {
      g_string_append_c (text, ' ');
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE,
                                                 "%u item is dated outside the unit (%u minutes).",
                                                 "%u items are dated outside the unit (%u minutes).",
                                                 pacing->outside->len),
                              pacing->outside->len, pacing->outside_minutes);
    }

  return g_string_free (text, FALSE);
}

void
trellis_pacing_free (TrellisPacing *pacing)
{
  if (pacing == NULL)
    return;

  g_ptr_array_unref (pacing->weeks);
  g_ptr_array_unref (pacing->unscheduled);
  g_ptr_array_unref (pacing->outside);
  g_free (pacing->first_day);
  g_free (pacing->last_day);
  g_free (pacing);
}

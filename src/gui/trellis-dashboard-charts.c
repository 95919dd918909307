/* trellis-dashboard-charts.c
 *
 * Copyright 2026 The Trellis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n.h>
#include <math.h>

#include "trellis-dashboard-charts.h"

/* The PDF page: A4 in points, its margin, and the width the page is laid
 * out at before it is scaled to fit (as wide as the window's charts). */
#define PAGE_WIDTH   595.0
#define PAGE_HEIGHT  842.0
#define PAGE_MARGIN  36.0
#define LAYOUT_WIDTH 760.0
#define SECTION_GAP  24.0
/* Below this, text gets too small to read on paper: more pages instead. */
#define MIN_SCALE    0.5

const TrellisDashboardLevel trellis_dashboard_charts_levels[TRELLIS_DASHBOARD_N_LEVELS] = {
  TRELLIS_DASHBOARD_LEVEL_MASTERED,
  TRELLIS_DASHBOARD_LEVEL_DEVELOPING,
  TRELLIS_DASHBOARD_LEVEL_NOT_YET,
  TRELLIS_DASHBOARD_LEVEL_NONE,
};

void
trellis_dashboard_charts_fill_progress (TrellisBarChart        *chart,
                                        const TrellisDashboard *dashboard,
                                        gboolean                rollup)
{
  const char *names[TRELLIS_DASHBOARD_N_LEVELS] = {
    _("Mastered"), _("Developing"), _("Not yet"), _("No evidence"),
  };
  const TrellisChartColor colors[TRELLIS_DASHBOARD_N_LEVELS] = {
    TRELLIS_CHART_COLOR_BLUE,
    TRELLIS_CHART_COLOR_SKY_BLUE,
    TRELLIS_CHART_COLOR_VERMILLION,
    TRELLIS_CHART_COLOR_GREY,
  };

  g_return_if_fail (TRELLIS_IS_BAR_CHART (chart));
  g_return_if_fail (dashboard != NULL);

  trellis_bar_chart_clear (chart);
  trellis_bar_chart_set_segments (chart, TRELLIS_DASHBOARD_N_LEVELS, names, colors);

  for (guint i = 0; i < dashboard->skills->len; i++)
    {
      const TrellisDashboardSkill *skill = &g_array_index (dashboard->skills, TrellisDashboardSkill, i);
      const guint *counts = rollup ? skill->rollup : skill->mastery;
      guint values[TRELLIS_DASHBOARD_N_LEVELS];
      g_autofree char *label = NULL;

      for (guint s = 0; s < TRELLIS_DASHBOARD_N_LEVELS; s++)
        values[s] = counts[trellis_dashboard_charts_levels[s]];

      if (skill->code != NULL && skill->code[0] != '\0' && g_strcmp0 (skill->code, skill->name) != 0)
        /* Translators: a skill's code and name */
        label = g_strdup_printf (_("%s — %s"), skill->code, skill->name);
      else
        label = g_strdup (skill->name);

      trellis_bar_chart_add_row (chart, label, rollup ? skill->rollup_caption : skill->caption, values);
    }
}

void
trellis_dashboard_charts_fill_strips (TrellisStripChart      *chart,
                                      const TrellisDashboard *dashboard,
                                      gboolean                rollup)
{
  /* Indexed by TrellisDashboardLevel. */
  const char *names[TRELLIS_DASHBOARD_N_LEVELS] = {
    [TRELLIS_DASHBOARD_LEVEL_NONE] = _("no evidence"),
    [TRELLIS_DASHBOARD_LEVEL_NOT_YET] = _("not yet"),
    [TRELLIS_DASHBOARD_LEVEL_DEVELOPING] = _("developing"),
    [TRELLIS_DASHBOARD_LEVEL_MASTERED] = _("mastered"),
  };
  const TrellisChartColor colors[TRELLIS_DASHBOARD_N_LEVELS] = {
    [TRELLIS_DASHBOARD_LEVEL_NONE] = TRELLIS_CHART_COLOR_GREY,
    [TRELLIS_DASHBOARD_LEVEL_NOT_YET] = TRELLIS_CHART_COLOR_VERMILLION,
    [TRELLIS_DASHBOARD_LEVEL_DEVELOPING] = TRELLIS_CHART_COLOR_SKY_BLUE,
    [TRELLIS_DASHBOARD_LEVEL_MASTERED] = TRELLIS_CHART_COLOR_BLUE,
  };
  g_autoptr(GPtrArray) columns = g_ptr_array_new ();

  g_return_if_fail (TRELLIS_IS_STRIP_CHART (chart));
  g_return_if_fail (dashboard != NULL);

  for (guint i = 0; i < dashboard->skills->len; i++)
    {
      const TrellisDashboardSkill *skill = &g_array_index (dashboard->skills, TrellisDashboardSkill, i);

      g_ptr_array_add (columns, skill->code && skill->code[0] ? skill->code : skill->name);
    }
  g_ptr_array_add (columns, NULL);

  trellis_strip_chart_set_levels (chart, TRELLIS_DASHBOARD_N_LEVELS, names, colors);
  trellis_strip_chart_set_columns (chart, (const char * const *) columns->pdata);

  if (dashboard->skills->len == 0)
    return;

  for (guint i = 0; i < dashboard->learners->len; i++)
    {
      const TrellisDashboardLearner *learner = &g_array_index (dashboard->learners, TrellisDashboardLearner, i);

      trellis_strip_chart_add_row (chart, learner->name, rollup ? learner->rollup_levels : learner->levels);
    }
}

void
trellis_dashboard_charts_fill_pathway (TrellisBarChart        *chart,
                                       const TrellisDashboard *dashboard)
{
  const char *names[3] = { _("On track"), _("Ahead"), _("Behind") };
  const TrellisChartColor colors[3] = {
    TRELLIS_CHART_COLOR_BLUE,
    TRELLIS_CHART_COLOR_SKY_BLUE,
    TRELLIS_CHART_COLOR_VERMILLION,
  };

  g_return_if_fail (TRELLIS_IS_BAR_CHART (chart));
  g_return_if_fail (dashboard != NULL);

  trellis_bar_chart_clear (chart);
  trellis_bar_chart_set_segments (chart, 3, names, colors);

  for (guint i = 0; i < dashboard->playlists->len; i++)
    {
      const TrellisDashboardPlaylist *playlist = &g_array_index (dashboard->playlists, TrellisDashboardPlaylist, i);
      guint values[3] = { playlist->on_track, playlist->ahead, playlist->behind };
      g_autoptr(GString) caption = g_string_new (NULL);
      g_autoptr(GString) behind = g_string_new (NULL);

      /* Who is behind, so that nobody is quietly left there (pseudonyms
       * when the dashboard is pseudonymized). */
      for (guint l = 0; l < dashboard->learners->len; l++)
        {
          if (playlist->pace[l] != TRELLIS_DASHBOARD_PACE_BEHIND)
            continue;
          if (behind->len > 0)
            g_string_append (behind, _(", "));
          g_string_append (behind, g_array_index (dashboard->learners, TrellisDashboardLearner, l).name);
        }

      g_string_append_printf (caption, "%s\n%s", playlist->caption, playlist->checkin_caption);
      if (behind->len > 0)
        {
          g_string_append_c (caption, '\n');
          /* Translators: %s lists learners' names */
          g_string_append_printf (caption, _("Behind: %s"), behind->str);
        }

      trellis_bar_chart_add_row (chart, playlist->title, caption->str, values);
    }
}

void
trellis_dashboard_charts_fill_agency (TrellisLineChart             *chart,
                                      const TrellisDashboardSurvey *survey)
{
  g_return_if_fail (TRELLIS_IS_LINE_CHART (chart));
  g_return_if_fail (survey != NULL);

  trellis_line_chart_clear (chart);
  trellis_line_chart_set_range (chart, 1, MAX (2, survey->scale_max));

  for (guint i = 0; i < survey->administrations->len; i++)
    {
      const TrellisDashboardAdministration *a =
        &g_array_index (survey->administrations, TrellisDashboardAdministration, i);

      trellis_line_chart_add_point (chart, a->administered_on, a->mean);
    }
}

char *
trellis_dashboard_charts_get_agency_fell (const TrellisDashboardSurvey *survey)
{
  g_autoptr(GString) names = g_string_new (NULL);

  g_return_val_if_fail (survey != NULL, NULL);

  for (guint i = 0; i < survey->changes->len; i++)
    {
      const TrellisDashboardAgencyChange *c = &g_array_index (survey->changes, TrellisDashboardAgencyChange, i);

      if (c->change >= 0)
        continue;
      if (names->len > 0)
        g_string_append (names, _(", "));
      /* Translators: a learner's name and how much their agency mean fell, e.g. "Ada (−0.5)" */
      g_string_append_printf (names, _("%s (−%.1f)"), c->name, -c->change);
    }

  if (names->len == 0)
    return NULL;

  /* Translators: %s lists learners and their change, e.g. "Ada (−0.5), Ben (−0.3)" */
  return g_strdup_printf (_("Fell since their first survey: %s"), names->str);
}

char *
trellis_dashboard_charts_get_figure (const TrellisDashboard  *dashboard,
                                     TrellisDashboardFigure   figure,
                                     const char             **label)
{
  const TrellisDashboardGoals *goals;

  g_return_val_if_fail (dashboard != NULL, NULL);
  g_return_val_if_fail (label != NULL, NULL);

  goals = &dashboard->goals;

  switch (figure)
    {
    case TRELLIS_DASHBOARD_FIGURE_ACTIVE_GOALS:
      *label = _("learners with an active goal");
      /* Translators: a count of a total, e.g. "15 of 24" */
      return g_strdup_printf (_("%u of %u"), goals->with_active_goal, goals->n_learners);

    case TRELLIS_DASHBOARD_FIGURE_GOALS_MET:
      *label = _("goals met");
      return g_strdup_printf ("%u", goals->goals_met);

    case TRELLIS_DASHBOARD_FIGURE_GOALS_REVISED:
      *label = _("goals revised");
      return g_strdup_printf ("%u", goals->goals_revised);

    case TRELLIS_DASHBOARD_FIGURE_CONFERENCES:
      *label = _("conferences held");
      return g_strdup_printf ("%u", goals->conferences_held);

    case TRELLIS_DASHBOARD_FIGURE_LEARNERS_DUE:
      *label = _("learners due a conference");
      return g_strdup_printf ("%u", goals->learners_due);

    case TRELLIS_DASHBOARD_FIGURE_REFLECTIONS:
      *label = _("reflections written");
      return g_strdup_printf ("%u", goals->reflections);

    case TRELLIS_DASHBOARD_N_FIGURES:
    default:
      g_return_val_if_reached (NULL);
    }
}

/* PDF page */

static PangoLayout *
page_layout (cairo_t    *cr,
             const char *font,
             double      width)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *desc = pango_font_description_from_string (font);

  pango_layout_set_font_description (layout, desc);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_font_description_free (desc);

  return layout;
}

/* Shows @text at (0, @y) and returns the y below it. */
static double
show_text (cairo_t    *cr,
           const char *font,
           double      alpha,
           const char *text,
           double      y)
{
  g_autoptr(PangoLayout) layout = page_layout (cr, font, LAYOUT_WIDTH);
  int height;

  pango_layout_set_text (layout, text, -1);
  pango_layout_get_pixel_size (layout, NULL, &height);
  cairo_set_source_rgba (cr, 0, 0, 0, alpha);
  cairo_move_to (cr, 0, y);
  pango_cairo_show_layout (cr, layout);

  return y + height;
}

static double
draw_figures (cairo_t                *cr,
              const TrellisDashboard *dashboard,
              double                  y)
{
  double column = LAYOUT_WIDTH / 3;
  double row_height = 0;

  for (guint f = 0; f < TRELLIS_DASHBOARD_N_FIGURES; f++)
    {
      g_autoptr(PangoLayout) value_layout = page_layout (cr, "Sans Bold 20", column - 12);
      g_autoptr(PangoLayout) label_layout = page_layout (cr, "Sans 9", column - 12);
      const char *label = NULL;
      g_autofree char *value = trellis_dashboard_charts_get_figure (dashboard, f, &label);
      double x = column * (f % 3);
      int vh, lh;

      pango_layout_set_text (value_layout, value, -1);
      pango_layout_get_pixel_size (value_layout, NULL, &vh);
      pango_layout_set_text (label_layout, label, -1);
      pango_layout_get_pixel_size (label_layout, NULL, &lh);

      cairo_set_source_rgba (cr, 0, 0, 0, 0.85);
      cairo_move_to (cr, x, y);
      pango_cairo_show_layout (cr, value_layout);
      cairo_set_source_rgba (cr, 0, 0, 0, 0.6);
      cairo_move_to (cr, x, y + vh);
      pango_cairo_show_layout (cr, label_layout);

      row_height = MAX (row_height, vh + lh);
      if (f % 3 == 2 || f + 1 == TRELLIS_DASHBOARD_N_FIGURES)
        {
          y += row_height + 8;
          row_height = 0;
        }
    }

  return y;
}

typedef enum
{
  SECTION_HEADER,
  SECTION_PROGRESS,
  SECTION_PATHWAY,
  SECTION_AGENCY,
  SECTION_GOALS,
  N_SECTIONS,
} Section;

/* Draws one section of the page at the origin; returns its height. */
static double
draw_section (cairo_t                *cr,
              const TrellisDashboard *dashboard,
              const char             *title,
              gboolean                rollup,
              Section                 section)
{
  PangoFontDescription *font = pango_font_description_from_string ("Sans 10");
  g_autoptr(TrellisBarChart) progress = g_object_ref_sink (TRELLIS_BAR_CHART (trellis_bar_chart_new ()));
  g_autoptr(TrellisBarChart) pathway = g_object_ref_sink (TRELLIS_BAR_CHART (trellis_bar_chart_new ()));
  double y = 0;

  switch (section)
    {
    case SECTION_HEADER:
      y = show_text (cr, "Sans Bold 18", 0.9, title, y);
      y = show_text (cr, "Sans 11", 0.7, dashboard->range_caption, y + 2);
      if (dashboard->pseudonymized)
        y = show_text (cr, "Sans Italic 9", 0.6, _("Names are pseudonymized"), y + 2);
      break;

    case SECTION_PROGRESS:
      y = show_text (cr, "Sans Bold 14", 0.9, _("Academic Progress"), y);
      y = show_text (cr, "Sans 10", 0.75, dashboard->progress_caption, y + 2);
      y = show_text (cr, "Sans 9", 0.6,
                     rollup ? _("Levels by the roll-up of scores") : _("Levels by the mastery engine"), y + 2);
      trellis_dashboard_charts_fill_progress (progress, dashboard, rollup);
      if (trellis_bar_chart_get_n_rows (progress) > 0)
        {
          cairo_save (cr);
          cairo_translate (cr, 0, y + 8);
          y += 8 + trellis_bar_chart_draw (progress, cr, LAYOUT_WIDTH, font, FALSE);
          cairo_restore (cr);
        }
      break;

    case SECTION_PATHWAY:
      y = show_text (cr, "Sans Bold 14", 0.9, _("Pathway Completion"), y);
      y = show_text (cr, "Sans 10", 0.75, dashboard->pathway_caption, y + 2);
      trellis_dashboard_charts_fill_pathway (pathway, dashboard);
      if (trellis_bar_chart_get_n_rows (pathway) > 0)
        {
          cairo_save (cr);
          cairo_translate (cr, 0, y + 8);
          y += 8 + trellis_bar_chart_draw (pathway, cr, LAYOUT_WIDTH, font, FALSE);
          cairo_restore (cr);
        }
      break;

    case SECTION_AGENCY:
      y = show_text (cr, "Sans Bold 14", 0.9, _("Agency"), y);
      y = show_text (cr, "Sans 10", 0.75, dashboard->agency_caption, y + 2);
      for (guint i = 0; i < dashboard->surveys->len; i++)
        {
          const TrellisDashboardSurvey *survey = &g_array_index (dashboard->surveys, TrellisDashboardSurvey, i);
          g_autoptr(TrellisLineChart) chart = NULL;

          if (survey->administrations->len == 0)
            continue;

          /* One survey: the section's caption is its caption. */
          y = show_text (cr, "Sans Bold 10", 0.85, survey->title, y + 10);
          if (dashboard->surveys->len > 1)
            y = show_text (cr, "Sans 9", 0.7, survey->caption, y + 2);
          chart = g_object_ref_sink (TRELLIS_LINE_CHART (trellis_line_chart_new ()));
          trellis_dashboard_charts_fill_agency (chart, survey);
          cairo_save (cr);
          cairo_translate (cr, 0, y + 8);
          y += 8 + trellis_line_chart_draw (chart, cr, MIN (LAYOUT_WIDTH, 480), font, FALSE);
          cairo_restore (cr);
          {
            g_autofree char *fell = trellis_dashboard_charts_get_agency_fell (survey);

            if (fell != NULL)
              y = show_text (cr, "Sans 9", 0.7, fell, y + 4);
          }
        }
      break;

    case SECTION_GOALS:
      y = show_text (cr, "Sans Bold 14", 0.9, _("Goal-Setting"), y);
      y = draw_figures (cr, dashboard, y + 8);
      y = show_text (cr, "Sans 10", 0.75, dashboard->goals.goals_caption, y + 4);
      y = show_text (cr, "Sans 10", 0.75, dashboard->goals.conferences_caption, y + 2);
      y = show_text (cr, "Sans 10", 0.75, dashboard->goals.reflections_caption, y + 2);
      break;

    case N_SECTIONS:
    default:
      g_assert_not_reached ();
    }

  pango_font_description_free (font);

  return y;
}

gboolean
trellis_dashboard_charts_write_pdf (const TrellisDashboard  *dashboard,
                                    const char              *title,
                                    gboolean                 rollup,
                                    const char              *path,
                                    GError                 **error)
{
  cairo_surface_t *pdf;
  cairo_status_t status;
  cairo_surface_t *recordings[N_SECTIONS] = { NULL, };
  double heights[N_SECTIONS];
  double scale, page_height, total = 0, y = 0;
  cairo_t *cr;

  g_return_val_if_fail (dashboard != NULL, FALSE);
  g_return_val_if_fail (title != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /*
   * Each section is laid out once at the window's scale.  When the whole
   * dashboard fits one A4 page at a legible scale (MIN_SCALE), it is one
   * page; otherwise the sections go on pages at the scale that fits the
   * page's width, a section that does not fit on the rest of a page
   * starting the next one (and one taller than a page shrunk onto it).
   */
  for (Section section = SECTION_PROGRESS; section < N_SECTIONS; section++)
    {
      cairo_t *rcr;
      double header = 0;

      recordings[section] = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
      rcr = cairo_create (recordings[section]);

      /* The title stays with the first section. */
      if (section == SECTION_PROGRESS)
        {
          header = draw_section (rcr, dashboard, title, rollup, SECTION_HEADER) + SECTION_GAP;
          cairo_translate (rcr, 0, header);
        }

      heights[section] = header + draw_section (rcr, dashboard, title, rollup, section);
      cairo_destroy (rcr);
      total += heights[section] + (section > SECTION_PROGRESS ? SECTION_GAP : 0);
    }

  scale = (PAGE_WIDTH - 2 * PAGE_MARGIN) / LAYOUT_WIDTH;
  if ((PAGE_HEIGHT - 2 * PAGE_MARGIN) / total >= MIN_SCALE)
    scale = MIN (scale, (PAGE_HEIGHT - 2 * PAGE_MARGIN) / total);
  page_height = (PAGE_HEIGHT - 2 * PAGE_MARGIN) / scale;

  pdf = cairo_pdf_surface_create (path, PAGE_WIDTH, PAGE_HEIGHT);
  cairo_pdf_surface_set_metadata (pdf, CAIRO_PDF_METADATA_TITLE, title);
  cairo_pdf_surface_set_metadata (pdf, CAIRO_PDF_METADATA_CREATOR, "Trellis " PACKAGE_VERSION);
  cr = cairo_create (pdf);

  for (Section section = SECTION_PROGRESS; section < N_SECTIONS; section++)
    {
      double height = heights[section];
      double shrink = height > page_height ? page_height / height : 1.0;

      if (y > 0 && y + height * shrink > page_height + 0.5)
        {
          cairo_show_page (cr);
          y = 0;
        }

      cairo_save (cr);
      cairo_translate (cr, PAGE_MARGIN, PAGE_MARGIN);
      cairo_scale (cr, scale, scale);
      cairo_translate (cr, 0, y);
      cairo_scale (cr, shrink, shrink);
      cairo_set_source_surface (cr, recordings[section], 0, 0);
      cairo_paint (cr);
      cairo_restore (cr);
      g_clear_pointer (&recordings[section], cairo_surface_destroy);

      y += height * shrink + SECTION_GAP;
    }

  cairo_show_page (cr);
  cairo_destroy (cr);
  cairo_surface_finish (pdf);

  status = cairo_surface_status (pdf);
  cairo_surface_destroy (pdf);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      /* Translators: %s is a file name, the second %s why it failed */
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not write “%s”: %s"),
                   path, cairo_status_to_string (status));
      return FALSE;
    }

  return TRUE;
}

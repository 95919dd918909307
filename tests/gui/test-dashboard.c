/* test-dashboard.c
 *
 * Copyright 2026 The Trellis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * The class dashboard window (issue 9) on the sample classroom: win.dashboard
 * opens one dashboard per classroom window; its sections show the captions
 * and counts trellis_dashboard_compute() gives for the chosen range; the
 * range selector and the engine/roll-up toggle change them; clicking a skill
 * bar lists the learners of that band; the PDF export writes a valid PDF
 * page holding the captions, pseudonymized on request.
 *
 * With TRELLIS_SCREENSHOT_DIR set, the test also leaves dashboard-light.png,
 * dashboard-dark.png and dashboard.pdf there, to look at.
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "trellis-gui-test-utils.h"
#include "trellis-test-utils.h"
#include "trellis-bar-chart.h"
#include "trellis-dashboard-charts.h"
#include "trellis-dashboard-window-private.h"
#include "trellis-line-chart.h"
#include "trellis-sample.h"
#include "trellis-window-private.h"

typedef TrellisGuiTestFixture Fixture;

/* Helpers */

static TrellisDashboardWindow *
open_dashboard (Fixture *fixture)
{
  return trellis_gui_test_open_transient (fixture->window, "win.dashboard", TRELLIS_TYPE_DASHBOARD_WINDOW);
}

static TrellisDashboard *
compute (Fixture                   *fixture,
         TrellisDashboardRangeKind  kind,
         gboolean                   pseudonymize)
{
  TrellisDashboardRange range = { kind, 0, NULL, pseudonymize };
  g_autoptr(GError) error = NULL;
  TrellisDashboard *dashboard;

  dashboard = trellis_dashboard_compute (fixture->classroom, &range, &error);
  g_assert_no_error (error);
  g_assert_nonnull (dashboard);

  return dashboard;
}

static const char *
caption (TrellisDashboardWindow  *window,
         TrellisDashboardCaption  which)
{
  GtkLabel *label = _trellis_dashboard_window_get_caption_label (window, which);

  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (label)));
  return gtk_label_get_label (label);
}

static guint
count_children (GtkWidget *widget)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n++;

  return n;
}

/* The window shows what @expected holds, section by section. */
static void
assert_shows (TrellisDashboardWindow *window,
              const TrellisDashboard *expected,
              gboolean                rollup)
{
  TrellisBarChart *progress = _trellis_dashboard_window_get_progress_chart (window);
  TrellisBarChart *pathway = _trellis_dashboard_window_get_pathway_chart (window);
  GtkWidget *figures = _trellis_dashboard_window_get_figures_box (window);
  TrellisLineChart *agency_chart;
  TrellisStripChart *strips;
  g_autofree char *active = NULL;
  const char *text;

  g_assert_cmpstr (_trellis_dashboard_window_get_subtitle (window), ==, expected->range_caption);

  /* Academic progress: the caption, and a bar per skill with its counts. */
  g_assert_cmpstr (caption (window, TRELLIS_DASHBOARD_CAPTION_PROGRESS), ==, expected->progress_caption);
  g_assert_cmpuint (trellis_bar_chart_get_n_rows (progress), ==, expected->skills->len);
  text = trellis_bar_chart_get_text (progress);
  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (progress)), ==, GTK_ACCESSIBLE_ROLE_IMG);
  for (guint i = 0; i < expected->skills->len; i++)
    {
      const TrellisDashboardSkill *skill = &g_array_index (expected->skills, TrellisDashboardSkill, i);
      const guint *counts = rollup ? skill->rollup : skill->mastery;
      g_autofree char *values = g_strdup_printf ("%u Mastered, %u Developing, %u Not yet, %u No evidence",
                                                 counts[TRELLIS_DASHBOARD_LEVEL_MASTERED],
                                                 counts[TRELLIS_DASHBOARD_LEVEL_DEVELOPING],
                                                 counts[TRELLIS_DASHBOARD_LEVEL_NOT_YET],
                                                 counts[TRELLIS_DASHBOARD_LEVEL_NONE]);
      g_autofree char *row = g_strdup_printf ("%s: %s", skill->name, values);

      g_assert_nonnull (strstr (text, row));
    }

  /* A strip per learner, a cell per skill. */
  strips = _trellis_dashboard_window_get_strip_chart (window);
  g_assert_cmpuint (trellis_strip_chart_get_n_rows (strips), ==, expected->learners->len);
  for (guint i = 0; i < expected->learners->len; i++)
    {
      const TrellisDashboardLearner *learner = &g_array_index (expected->learners, TrellisDashboardLearner, i);
      const TrellisDashboardSkill *skill = &g_array_index (expected->skills, TrellisDashboardSkill, 0);
      const char *level_names[] = { "no evidence", "not yet", "developing", "mastered" };
      guint8 level = rollup ? learner->rollup_levels[0] : learner->levels[0];
      g_autofree char *cell = g_strdup_printf ("%s: %s %s", learner->name, skill->code, level_names[level]);

      g_assert_nonnull (strstr (trellis_strip_chart_get_text (strips), cell));
    }

  /* Pathway completion: on track / ahead / behind per playlist. */
  g_assert_cmpstr (caption (window, TRELLIS_DASHBOARD_CAPTION_PATHWAY), ==, expected->pathway_caption);
  g_assert_cmpuint (trellis_bar_chart_get_n_rows (pathway), ==, expected->playlists->len);
  text = trellis_bar_chart_get_text (pathway);
  for (guint i = 0; i < expected->playlists->len; i++)
    {
      const TrellisDashboardPlaylist *playlist = &g_array_index (expected->playlists, TrellisDashboardPlaylist, i);
      g_autofree char *row = g_strdup_printf ("%s: %u On track, %u Ahead, %u Behind", playlist->title,
                                              playlist->on_track, playlist->ahead, playlist->behind);
      g_autofree char *on_track = g_strdup_printf ("%u of %u on track", playlist->on_track, expected->n_learners);

      g_assert_nonnull (strstr (text, row));
      /* The caption names the same count the bar shows. */
      if (playlist->n_milestones > 0 && playlist->next_milestone_title != NULL)
        g_assert_nonnull (strstr (playlist->caption, on_track));
    }

  /* Agency: the caption and, for the survey given, a trend point per administration. */
  g_assert_cmpstr (caption (window, TRELLIS_DASHBOARD_CAPTION_AGENCY), ==, expected->agency_caption);
  agency_chart = (TrellisLineChart *) trellis_gui_test_find_widget (_trellis_dashboard_window_get_agency_box (window),
                                                                    trellis_gui_test_is_of_type, g_type_name (TRELLIS_TYPE_LINE_CHART));
  if (expected->surveys->len > 0 &&
      g_array_index (expected->surveys, TrellisDashboardSurvey, 0).administrations->len > 0)
    {
      const TrellisDashboardSurvey *survey = &g_array_index (expected->surveys, TrellisDashboardSurvey, 0);

      g_assert_nonnull (agency_chart);
      g_assert_cmpuint (trellis_line_chart_get_n_points (agency_chart), ==, survey->administrations->len);
      for (guint i = 0; i < survey->administrations->len; i++)
        {
          const TrellisDashboardAdministration *a =
            &g_array_index (survey->administrations, TrellisDashboardAdministration, i);
          g_autofree char *point = g_strdup_printf ("%s: %.1f of %d", a->administered_on, a->mean, survey->scale_max);

          g_assert_nonnull (strstr (trellis_line_chart_get_text (agency_chart), point));
        }

      /* Per-learner change: who fell is named. */
      for (guint i = 0; i < survey->changes->len; i++)
        {
          const TrellisDashboardAgencyChange *c = &g_array_index (survey->changes, TrellisDashboardAgencyChange, i);
          g_autofree char *fell = trellis_dashboard_charts_get_agency_fell (survey);
          g_autofree char *entry = g_strdup_printf ("%s (−%.1f)", c->name, -c->change);

          if (c->change >= 0)
            continue;
          g_assert_true (trellis_gui_test_has_label (_trellis_dashboard_window_get_agency_box (window), fell));
          g_assert_nonnull (strstr (fell, entry));
        }
    }

  /* Goal-setting: the figures in large print, and the captions. */
  g_assert_cmpuint (count_children (figures), ==, TRELLIS_DASHBOARD_N_FIGURES);
  active = g_strdup_printf ("%u of %u", expected->goals.with_active_goal, expected->goals.n_learners);
  g_assert_true (trellis_gui_test_has_label (figures, active));
  g_assert_true (trellis_gui_test_has_label (figures, "learners with an active goal"));
  g_assert_cmpstr (caption (window, TRELLIS_DASHBOARD_CAPTION_GOALS), ==, expected->goals.goals_caption);
  g_assert_true (g_str_has_prefix (caption (window, TRELLIS_DASHBOARD_CAPTION_GOALS), active));
  g_assert_cmpstr (caption (window, TRELLIS_DASHBOARD_CAPTION_CONFERENCES), ==, expected->goals.conferences_caption);
  g_assert_cmpstr (caption (window, TRELLIS_DASHBOARD_CAPTION_REFLECTIONS), ==, expected->goals.reflections_caption);
}

static void
assert_pdf_has (const char *text,
                const char *expected)
{
  g_autoptr(GRegex) space = g_regex_new ("\\s+", 0, 0, NULL);
  g_autofree char *flat = g_regex_replace_literal (space, expected, -1, 0, " ", 0, NULL);

  if (strstr (text, flat) == NULL)
    g_error ("The PDF does not say “%s”:\n%s", flat, text);
}

/* The name of a learner behind on the first playlist, or NULL. */
static const char *
behind_learner (const TrellisDashboard *dashboard)
{
  const TrellisDashboardPlaylist *playlist;

  if (dashboard->playlists->len == 0)
    return NULL;

  playlist = &g_array_index (dashboard->playlists, TrellisDashboardPlaylist, 0);
  for (guint i = 0; i < dashboard->learners->len; i++)
    {
      if (playlist->pace[i] == TRELLIS_DASHBOARD_PACE_BEHIND)
        return g_array_index (dashboard->learners, TrellisDashboardLearner, i).name;
    }

  return NULL;
}

static void
assert_valid_pdf (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 1000);
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  /* The trailer: the file was finished. */
  g_assert_nonnull (g_strstr_len (contents + length - 16, 16, "%%EOF"));
}

static void
on_notify_cb (guint *count)
{
  (*count)++;
}

/* Tests */

static void
test_opens (Fixture       *fixture,
            gconstpointer  data)
{
  TrellisDashboardWindow *window = open_dashboard (fixture);
  g_autoptr(TrellisDashboard) expected = compute (fixture, TRELLIS_DASHBOARD_RANGE_UNIT, FALSE);
  g_autoptr(GList) windows = NULL;

  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  g_assert_true (trellis_dashboard_window_get_classroom (window) == fixture->classroom);
  g_assert_cmpint (trellis_dashboard_window_get_range (window), ==, TRELLIS_DASHBOARD_RANGE_UNIT);
  g_assert_cmpuint (gtk_drop_down_get_selected (_trellis_dashboard_window_get_range_dropdown (window)), ==, 0);

  /* The sample classroom has something in every section. */
  g_assert_cmpuint (expected->skills->len, >, 0);
  g_assert_cmpuint (expected->playlists->len, >, 0);
  g_assert_cmpuint (expected->n_learners, ==, TRELLIS_SAMPLE_DEFAULT_LEARNERS);
  assert_shows (window, expected, FALSE);

  /* One dashboard per classroom window: asking again presents it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.dashboard", NULL));
  windows = trellis_gui_test_list_transients (TRELLIS_TYPE_DASHBOARD_WINDOW, GTK_WINDOW (fixture->window));
  g_assert_cmpuint (g_list_length (windows), ==, 1);
  g_assert_true (windows->data == window);

  /* It goes with its classroom (and so with its classroom window). */
  g_object_ref (window);
  trellis_window_set_classroom (fixture->window, NULL);
  trellis_test_iterate_pending ();
  windows = (g_list_free (windows), trellis_gui_test_list_transients (TRELLIS_TYPE_DASHBOARD_WINDOW, GTK_WINDOW (fixture->window)));
  g_assert_null (windows);
  g_assert_finalize_object (window);
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.dashboard", NULL) &&
                  trellis_gui_test_list_transients (TRELLIS_TYPE_DASHBOARD_WINDOW, GTK_WINDOW (fixture->window)) != NULL);
}

static void
test_ranges (Fixture       *fixture,
             gconstpointer  data)
{
  TrellisDashboardWindow *window = open_dashboard (fixture);
  GtkDropDown *dropdown = _trellis_dashboard_window_get_range_dropdown (window);
  const TrellisDashboardRangeKind kinds[] = {
    TRELLIS_DASHBOARD_RANGE_LAST_4_WEEKS,
    TRELLIS_DASHBOARD_RANGE_TERM,
    TRELLIS_DASHBOARD_RANGE_UNIT,
  };
  const guint positions[] = { 1, 2, 0 };
  g_autofree char *unit_caption = g_strdup (_trellis_dashboard_window_get_subtitle (window));
  guint notified = 0;

  g_signal_connect_swapped (window, "notify::range", G_CALLBACK (on_notify_cb), &notified);

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_autoptr(TrellisDashboard) expected = compute (fixture, kinds[i], FALSE);

      /* As the teacher does: the drop-down. */
      gtk_drop_down_set_selected (dropdown, positions[i]);
      gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
      g_assert_cmpuint (notified, ==, i + 1);

      g_assert_cmpint (trellis_dashboard_window_get_range (window), ==, kinds[i]);
      assert_shows (window, expected, FALSE);

      if (kinds[i] != TRELLIS_DASHBOARD_RANGE_UNIT)
        g_assert_cmpstr (_trellis_dashboard_window_get_subtitle (window), !=, unit_caption);
      else
        g_assert_cmpstr (_trellis_dashboard_window_get_subtitle (window), ==, unit_caption);
    }
  g_signal_handlers_disconnect_by_func (window, on_notify_cb, &notified);

  /* The roll-up levels instead of the engine's. */
  {
    g_autoptr(TrellisDashboard) expected = compute (fixture, TRELLIS_DASHBOARD_RANGE_UNIT, FALSE);
    g_autofree char *engine_text = g_strdup (trellis_bar_chart_get_text (_trellis_dashboard_window_get_progress_chart (window)));

    trellis_dashboard_window_set_rollup (window, TRUE);
    assert_shows (window, expected, TRUE);
    g_assert_cmpstr (trellis_bar_chart_get_text (_trellis_dashboard_window_get_progress_chart (window)), !=, engine_text);

    trellis_dashboard_window_set_rollup (window, FALSE);
    assert_shows (window, expected, FALSE);
  }
}

static void
test_band (Fixture       *fixture,
           gconstpointer  data)
{
  TrellisDashboardWindow *window = open_dashboard (fixture);
  TrellisDashboard *shown = trellis_dashboard_window_get_dashboard (window);
  const TrellisDashboardSkill *skill = &g_array_index (shown->skills, TrellisDashboardSkill, 0);
  guint mastered = skill->mastery[TRELLIS_DASHBOARD_LEVEL_MASTERED];
  g_autofree char *title = g_strdup_printf ("Mastered in %s: %u learners", skill->name, mastered);
  GtkPopover *popover;
  GtkWidget *names = NULL;
  guint n_names = 0;

  g_assert_cmpuint (mastered, >, 1);

  /* Where the chart drew the first skill's first segment, a click finds it. */
  {
    TrellisBarChart *chart = _trellis_dashboard_window_get_progress_chart (window);
    guint row = G_MAXUINT, segment = G_MAXUINT;

    gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
    for (int y = 0; y < gtk_widget_get_height (GTK_WIDGET (chart)); y++)
      {
        if (trellis_bar_chart_hit (chart, 2, y, &row, &segment))
          break;
      }
    g_assert_cmpuint (row, ==, 0);
    g_assert_cmpuint (segment, ==, 0);
    g_assert_false (trellis_bar_chart_hit (chart, 2, 0, NULL, NULL));
  }

  /* Segment 0 of row 0: the learners who mastered the first skill. */
  popover = _trellis_dashboard_window_show_band (window, 0, 0);
  g_assert_true (GTK_IS_POPOVER (popover));
  g_assert_true (trellis_gui_test_has_label (GTK_WIDGET (popover), title));

  names = gtk_widget_get_last_child (gtk_popover_get_child (popover));
  g_assert_true (GTK_IS_LABEL (names));

  for (guint i = 0; i < shown->learners->len; i++)
    {
      const TrellisDashboardLearner *learner = &g_array_index (shown->learners, TrellisDashboardLearner, i);

      if (learner->levels[0] == TRELLIS_DASHBOARD_LEVEL_MASTERED)
        {
          g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (names)), learner->name));
          n_names++;
        }
    }
  g_assert_cmpuint (n_names, ==, mastered);

  gtk_popover_popdown (popover);
}

static void
test_export_pdf (Fixture       *fixture,
                 gconstpointer  data)
{
  TrellisDashboardWindow *window = open_dashboard (fixture);
  g_autoptr(TrellisDashboard) expected = compute (fixture, TRELLIS_DASHBOARD_RANGE_TERM, FALSE);
  g_autoptr(GError) error = NULL;
  g_autofree char *pdf = g_build_filename (fixture->dir, "dashboard.pdf", NULL);
  g_autofree char *pseudonymized = g_build_filename (fixture->dir, "pseudonymized.pdf", NULL);
  g_autofree char *text = NULL;
  g_autofree char *pseudo_text = NULL;
  const char *behind;

  trellis_dashboard_window_set_range (window, TRELLIS_DASHBOARD_RANGE_TERM);

  g_assert_true (trellis_dashboard_window_export_pdf (window, pdf, FALSE, &error));
  g_assert_no_error (error);
  assert_valid_pdf (pdf);

  text = trellis_test_pdf_text (pdf, 0, NULL, 0);
  assert_pdf_has (text, trellis_classroom_get_name (fixture->classroom));
  assert_pdf_has (text, expected->range_caption);
  assert_pdf_has (text, expected->progress_caption);
  assert_pdf_has (text, expected->pathway_caption);
  assert_pdf_has (text, expected->agency_caption);
  assert_pdf_has (text, expected->goals.goals_caption);
  assert_pdf_has (text, expected->goals.conferences_caption);
  assert_pdf_has (text, expected->goals.reflections_caption);
  for (guint i = 0; i < expected->skills->len; i++)
    assert_pdf_has (text, g_array_index (expected->skills, TrellisDashboardSkill, i).caption);
  for (guint i = 0; i < expected->playlists->len; i++)
    {
      assert_pdf_has (text, g_array_index (expected->playlists, TrellisDashboardPlaylist, i).caption);
      assert_pdf_has (text, g_array_index (expected->playlists, TrellisDashboardPlaylist, i).checkin_caption);
    }
  g_assert_null (strstr (text, "pseudonymized"));

  /* Over the term, the sample's agency fell for some: they are named. */
  {
    g_autofree char *fell = NULL;

    g_assert_cmpuint (expected->surveys->len, >, 0);
    fell = trellis_dashboard_charts_get_agency_fell (&g_array_index (expected->surveys, TrellisDashboardSurvey, 0));
    g_assert_nonnull (fell);
    assert_pdf_has (text, fell);
  }

  /* The learners behind a milestone are named, as in the window. */
  behind = behind_learner (expected);
  g_assert_nonnull (behind);
  assert_pdf_has (text, behind);
  g_assert_nonnull (strstr (trellis_bar_chart_get_text (_trellis_dashboard_window_get_pathway_chart (window)), behind));

  /* Pseudonymized: said so on the page, and the same figures. */
  g_assert_true (trellis_dashboard_window_export_pdf (window, pseudonymized, TRUE, &error));
  g_assert_no_error (error);
  assert_valid_pdf (pseudonymized);
  pseudo_text = trellis_test_pdf_text (pseudonymized, 0, NULL, 0);
  assert_pdf_has (pseudo_text, "Names are pseudonymized");
  assert_pdf_has (pseudo_text, expected->progress_caption);
  assert_pdf_has (pseudo_text, expected->goals.goals_caption);
  g_assert_null (strstr (pseudo_text, behind));
  assert_pdf_has (pseudo_text, "Behind: Learner ");

  /* A file that cannot be written is an error, not a crash. */
  {
    g_autofree char *bad = g_build_filename (fixture->dir, "no-such-dir", "x.pdf", NULL);

    g_assert_false (trellis_dashboard_window_export_pdf (window, bad, FALSE, &error));
    g_assert_nonnull (error);
    g_clear_error (&error);
  }
}

static void
test_screenshots (Fixture       *fixture,
                  gconstpointer  data)
{
  const char *dir = g_getenv ("TRELLIS_SCREENSHOT_DIR");
  TrellisDashboardWindow *window;
  AdwStyleManager *manager = adw_style_manager_get_default ();
  g_autofree char *light = NULL;
  g_autofree char *dark = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *light_content = NULL;
  g_autofree char *term_pdf = NULL;
  g_autofree char *term_png = NULL;
  g_autofree char *dark_content = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkCssProvider) provider = NULL;
  GtkWidget *content;

  window = open_dashboard (fixture);
  trellis_gui_test_settle (GTK_WIDGET (window), 300);

  if (dir == NULL)
    {
      /* Drawing light and dark does not warn (G_DEBUG=fatal-warnings). */
      adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_DARK);
      gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
      adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_DEFAULT);
      gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
      return;
    }

  light = g_build_filename (dir, "dashboard-light.png", NULL);
  dark = g_build_filename (dir, "dashboard-dark.png", NULL);
  pdf = g_build_filename (dir, "dashboard.pdf", NULL);
  light_content = g_build_filename (dir, "dashboard-content-light.png", NULL);
  dark_content = g_build_filename (dir, "dashboard-content-dark.png", NULL);
  /* The app's style sheet, which AdwApplication would load. */
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, "/io/github/trellis/Trellis/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

  /* All the sections, scrolled or not. */
  content = gtk_widget_get_first_child (trellis_gui_test_find_widget (GTK_WIDGET (window), trellis_gui_test_is_of_type,
                                                                 g_type_name (ADW_TYPE_CLAMP)));

  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_LIGHT);
  trellis_gui_test_settle (GTK_WIDGET (window), 300);
  trellis_gui_test_save_png (GTK_WIDGET (window), NULL, light);
  trellis_gui_test_save_png (content, &(GdkRGBA) { 0.98, 0.98, 0.98, 1 }, light_content);
  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_DARK);
  trellis_gui_test_settle (GTK_WIDGET (window), 300);
  trellis_gui_test_save_png (GTK_WIDGET (window), NULL, dark);
  trellis_gui_test_save_png (content, &(GdkRGBA) { 0.14, 0.14, 0.14, 1 }, dark_content);
  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_DEFAULT);

  g_assert_true (trellis_dashboard_window_export_pdf (window, pdf, FALSE, &error));
  g_assert_no_error (error);

  /* The term, with two agency surveys. */
  term_pdf = g_build_filename (dir, "dashboard-term.pdf", NULL);
  trellis_dashboard_window_set_range (window, TRELLIS_DASHBOARD_RANGE_TERM);
  trellis_dashboard_window_set_rollup (window, TRUE);
  trellis_gui_test_settle (GTK_WIDGET (window), 300);
  g_assert_true (trellis_dashboard_window_export_pdf (window, term_pdf, TRUE, &error));
  g_assert_no_error (error);
  term_png = g_build_filename (dir, "dashboard-content-term.png", NULL);
  trellis_gui_test_save_png (content, &(GdkRGBA) { 0.98, 0.98, 0.98, 1 }, term_png);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, trellis_gui_test_fixture_set_up, func, trellis_gui_test_fixture_tear_down)

  ADD ("/dashboard/opens", test_opens);
  ADD ("/dashboard/ranges", test_ranges);
  ADD ("/dashboard/band", test_band);
  ADD ("/dashboard/export-pdf", test_export_pdf);
  ADD ("/dashboard/screenshots", test_screenshots);

#undef ADD

  return g_test_run ();
}

/* trellis-dashboard-window.c
 *
 * Copyright 2026 The Trellis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "trellis-dashboard-charts.h"
#include "trellis-dashboard-window-private.h"
#include "trellis-line-chart.h"
#include "trellis-survey.h"
#include "trellis-survey-items-window.h"
#include "trellis-survey-record-window.h"

/*
 * TrellisDashboardWindow: the balanced class dashboard of one classroom
 * (issue 9), beside the classroom window.  Academic progress, pathway
 * completion, agency and goal-setting for a time range, each with its
 * plain-language caption; the charts draw with the same code as the PDF
 * page that "Export PDF…" writes.  The figures are computed again when
 * the window is activated, so that they follow what the teacher records
 * in the classroom window.
 *
 * The agency section also enters the survey: "Record Responses…" (a form
 * per learner and item), "Import Responses…" (a CSV file, all or nothing)
 * and "Edit Survey Items…"; the first of them creates the class's survey
 * with the default items.  The figures follow each of them at once.
 */
struct _TrellisDashboardWindow
{
  AdwWindow                  parent_instance;

  TrellisClassroom          *classroom;
  TrellisDashboard          *dashboard;
  TrellisDashboardRangeKind  range;
  gboolean                   rollup;

  GtkFileChooserNative      *chooser;
  GtkFileChooserNative      *survey_chooser;
  AdwMessageDialog          *import_error_dialog;
  char                      *last_toast;
  GtkWidget                 *band_popover;
  GtkLabel                  *band_title;
  GtkLabel                  *band_learners;

  AdwWindowTitle            *window_title;
  GtkDropDown               *range_dropdown;
  GtkCheckButton            *pseudonymize_check;
  AdwToastOverlay           *toast_overlay;
  GtkLabel                  *progress_caption;
  GtkToggleButton           *engine_toggle;
  GtkToggleButton           *rollup_toggle;
  TrellisBarChart           *progress_chart;
  GtkWidget                 *strip_expander;
  TrellisStripChart         *strip_chart;
  GtkLabel                  *pathway_caption;
  TrellisBarChart           *pathway_chart;
  GtkLabel                  *agency_caption;
  GtkBox                    *agency_box;
  GtkFlowBox                *figures_box;
  GtkLabel                  *goals_caption;
  GtkLabel                  *conferences_caption;
  GtkLabel                  *reflections_caption;
};

G_DEFINE_FINAL_TYPE (TrellisDashboardWindow, trellis_dashboard_window, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_CLASSROOM,
  PROP_RANGE,
  PROP_ROLLUP,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const TrellisDashboardRangeKind range_kinds[] = {
  TRELLIS_DASHBOARD_RANGE_UNIT,
  TRELLIS_DASHBOARD_RANGE_LAST_4_WEEKS,
  TRELLIS_DASHBOARD_RANGE_TERM,
};

static void
show_toast (TrellisDashboardWindow *self,
            const char             *message)
{
  g_autofree char *escaped = g_markup_escape_text (message, -1);

  g_free (self->last_toast);
  self->last_toast = g_strdup (message);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (escaped));
}

static void
remove_children (GtkWidget *widget)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (widget)) != NULL)
    {
      if (GTK_IS_BOX (widget))
        gtk_box_remove (GTK_BOX (widget), child);
      else if (GTK_IS_FLOW_BOX (widget))
        gtk_flow_box_remove (GTK_FLOW_BOX (widget), child);
      else
        g_assert_not_reached ();
    }
}

static GtkWidget *
caption_label_new (const char *text,
                   const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);

  return label;
}

static void
update_agency (TrellisDashboardWindow *self)
{
  const TrellisDashboard *d = self->dashboard;

  remove_children (GTK_WIDGET (self->agency_box));

  if (d == NULL)
    return;

  for (guint i = 0; i < d->surveys->len; i++)
    {
      const TrellisDashboardSurvey *survey = &g_array_index (d->surveys, TrellisDashboardSurvey, i);
      GtkWidget *chart;
      g_autofree char *fell = NULL;

      /* One survey: the section's caption is its caption. */
      if (d->surveys->len > 1)
        {
          gtk_box_append (self->agency_box, caption_label_new (survey->title, "heading"));
          gtk_box_append (self->agency_box, caption_label_new (survey->caption, NULL));
        }

      if (survey->administrations->len == 0)
        continue;

      chart = trellis_line_chart_new ();
      gtk_widget_set_margin_top (chart, 6);
      gtk_widget_set_hexpand (chart, TRUE);
      gtk_accessible_update_property (GTK_ACCESSIBLE (chart),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, survey->title,
                                      -1);
      trellis_dashboard_charts_fill_agency (TRELLIS_LINE_CHART (chart), survey);
      gtk_box_append (self->agency_box, chart);

      fell = trellis_dashboard_charts_get_agency_fell (survey);
      if (fell != NULL)
        gtk_box_append (self->agency_box, caption_label_new (fell, "dim-label"));
    }
}

static void
update_figures (TrellisDashboardWindow *self)
{
  remove_children (GTK_WIDGET (self->figures_box));

  if (self->dashboard == NULL)
    return;

  for (guint f = 0; f < TRELLIS_DASHBOARD_N_FIGURES; f++)
    {
      const char *label = NULL;
      g_autofree char *value = trellis_dashboard_charts_get_figure (self->dashboard, f, &label);
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
      GtkWidget *value_label = caption_label_new (value, "title-1");
      GtkWidget *name_label = caption_label_new (label, "dim-label");

      gtk_box_append (GTK_BOX (box), value_label);
      gtk_box_append (GTK_BOX (box), name_label);
      gtk_flow_box_append (self->figures_box, box);
    }
}

static void
update_view (TrellisDashboardWindow *self)
{
  const TrellisDashboard *d = self->dashboard;

  if (d == NULL)
    {
      gtk_label_set_label (self->progress_caption, "");
      gtk_label_set_label (self->pathway_caption, "");
      gtk_label_set_label (self->agency_caption, "");
      gtk_label_set_label (self->goals_caption, "");
      gtk_label_set_label (self->conferences_caption, "");
      gtk_label_set_label (self->reflections_caption, "");
      trellis_bar_chart_clear (self->progress_chart);
      trellis_bar_chart_clear (self->pathway_chart);
      trellis_strip_chart_clear (self->strip_chart);
      update_agency (self);
      update_figures (self);
      return;
    }

  adw_window_title_set_subtitle (self->window_title, d->range_caption);

  gtk_label_set_label (self->progress_caption, d->progress_caption);
  trellis_dashboard_charts_fill_progress (self->progress_chart, d, self->rollup);
  gtk_widget_set_visible (GTK_WIDGET (self->progress_chart), d->skills->len > 0);
  trellis_dashboard_charts_fill_strips (self->strip_chart, d, self->rollup);
  gtk_widget_set_visible (self->strip_expander, d->skills->len > 0);

  gtk_label_set_label (self->pathway_caption, d->pathway_caption);
  trellis_dashboard_charts_fill_pathway (self->pathway_chart, d);
  gtk_widget_set_visible (GTK_WIDGET (self->pathway_chart), d->playlists->len > 0);

  gtk_label_set_label (self->agency_caption, d->agency_caption);
  update_agency (self);

  update_figures (self);
  gtk_label_set_label (self->goals_caption, d->goals.goals_caption);
  gtk_label_set_label (self->conferences_caption, d->goals.conferences_caption);
  gtk_label_set_label (self->reflections_caption, d->goals.reflections_caption);
}

static TrellisDashboard *
compute (TrellisDashboardWindow  *self,
         gboolean                 pseudonymize,
         GError                 **error)
{
  TrellisDashboardRange range = { self->range, 0, NULL, pseudonymize };

  return trellis_dashboard_compute (self->classroom, &range, error);
}

static void
on_range_selected_cb (TrellisDashboardWindow *self)
{
  guint selected = gtk_drop_down_get_selected (self->range_dropdown);

  if (selected < G_N_ELEMENTS (range_kinds))
    trellis_dashboard_window_set_range (self, range_kinds[selected]);
}

static void
on_rollup_toggled_cb (TrellisDashboardWindow *self)
{
  trellis_dashboard_window_set_rollup (self, gtk_toggle_button_get_active (self->rollup_toggle));
}

static void
on_is_active_cb (TrellisDashboardWindow *self)
{
  if (gtk_window_is_active (GTK_WINDOW (self)) && self->classroom != NULL)
    trellis_dashboard_window_refresh (self);
}

static void
on_progress_released_cb (GtkGestureClick        *gesture,
                         int                     n_press,
                         double                  x,
                         double                  y,
                         TrellisDashboardWindow *self)
{
  guint row, segment;

  if (!trellis_bar_chart_hit (self->progress_chart, x, y, &row, &segment))
    return;

  gtk_popover_set_pointing_to (GTK_POPOVER (self->band_popover),
                               &(GdkRectangle) { (int) x, (int) y, 1, 1 });
  _trellis_dashboard_window_show_band (self, row, segment);
}

static void
on_chooser_response_cb (GtkNativeDialog        *dialog,
                        int                     response,
                        TrellisDashboardWindow *self)
{
  g_autoptr(GtkFileChooserNative) chooser = g_steal_pointer (&self->chooser);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  if (response != GTK_RESPONSE_ACCEPT)
    return;

  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  path = file ? g_file_get_path (file) : NULL;
  if (path == NULL)
    return;

  if (!trellis_dashboard_window_export_pdf (self, path, gtk_check_button_get_active (self->pseudonymize_check),
                                            &error))
    show_toast (self, error->message);
  else
    show_toast (self, _("Dashboard exported"));
}

static void
export_pdf_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  TrellisDashboardWindow *self = TRELLIS_DASHBOARD_WINDOW (widget);
  g_autoptr(GtkFileFilter) filter = NULL;
  g_autofree char *name = NULL;

  if (self->chooser != NULL)
    {
      gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
      return;
    }

  self->chooser = gtk_file_chooser_native_new (_("Export Dashboard"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SAVE,
                                               _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  /* Translators: the suggested file name; %s is the classroom's name */
  name = g_strdup_printf (_("%s Dashboard.pdf"), trellis_classroom_get_name (self->classroom));
  g_strdelimit (name, "/\\", '-');
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);

  filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, _("PDF Documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);

  g_signal_connect (self->chooser, "response", G_CALLBACK (on_chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* The class's agency survey, created with the default items when there
 * is none yet; 0 with the error shown. */
static gint64
ensure_survey (TrellisDashboardWindow *self)
{
  g_autoptr(GError) error = NULL;
  gint64 survey_id;
  gboolean existed;

  existed = trellis_survey_get_default (self->classroom, FALSE, NULL) != 0;
  survey_id = trellis_survey_get_default (self->classroom, TRUE, &error);
  if (survey_id == 0)
    {
      g_autofree char *message = NULL;

      /* Translators: %s is the reason, like “The file is read-only” */
      message = g_strdup_printf (_("Could not open the agency survey: %s"), error->message);
      show_toast (self, message);
      return 0;
    }

  if (!existed)
    trellis_dashboard_window_refresh (self);

  return survey_id;
}

static void
on_survey_recorded_cb (TrellisSurveyRecordWindow *window,
                       gint64                     administration_id,
                       guint                      n_responses,
                       const char                *date,
                       TrellisDashboardWindow    *self)
{
  g_autofree char *message = NULL;

  trellis_dashboard_window_refresh (self);

  /* Translators: how many survey answers were saved, and the day the survey was given */
  message = g_strdup_printf (ngettext ("%u answer recorded for %s", "%u answers recorded for %s", n_responses),
                             n_responses, date);
  show_toast (self, message);
}

static void
record_survey_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  TrellisDashboardWindow *self = TRELLIS_DASHBOARD_WINDOW (widget);
  TrellisSurveyRecordWindow *window;
  gint64 survey_id = ensure_survey (self);

  if (survey_id == 0)
    return;

  window = trellis_survey_record_window_new (GTK_WINDOW (self), self->classroom, survey_id);
  g_signal_connect_object (window, "recorded", G_CALLBACK (on_survey_recorded_cb), self, 0);
  gtk_window_present (GTK_WINDOW (window));
}

static void
edit_survey_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  TrellisDashboardWindow *self = TRELLIS_DASHBOARD_WINDOW (widget);
  TrellisSurveyItemsWindow *window;
  gint64 survey_id = ensure_survey (self);

  if (survey_id == 0)
    return;

  window = trellis_survey_items_window_new (GTK_WINDOW (self), self->classroom, survey_id);
  g_signal_connect_object (window, "changed", G_CALLBACK (trellis_dashboard_window_refresh), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (window));
}

static void
on_import_error_response_cb (AdwMessageDialog       *dialog,
                             const char             *response,
                             TrellisDashboardWindow *self)
{
  if (self->import_error_dialog == dialog)
    self->import_error_dialog = NULL;
}

static void
on_survey_chooser_response_cb (GtkNativeDialog        *dialog,
                               int                     response,
                               TrellisDashboardWindow *self)
{
  g_autoptr(GtkFileChooserNative) chooser = g_steal_pointer (&self->survey_chooser);
  g_autoptr(GFile) file = NULL;

  if (response != GTK_RESPONSE_ACCEPT)
    return;

  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  if (file != NULL)
    _trellis_dashboard_window_import_survey (self, file);
}

static void
import_survey_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  TrellisDashboardWindow *self = TRELLIS_DASHBOARD_WINDOW (widget);
  g_autoptr(GtkFileFilter) filter = NULL;

  if (self->survey_chooser != NULL)
    {
      gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->survey_chooser));
      return;
    }

  self->survey_chooser = gtk_file_chooser_native_new (_("Import Survey Responses"), GTK_WINDOW (self),
                                                      GTK_FILE_CHOOSER_ACTION_OPEN,
                                                      _("_Import"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->survey_chooser), TRUE);

  filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, _("CSV Files"));
  gtk_file_filter_add_mime_type (filter, "text/csv");
  gtk_file_filter_add_suffix (filter, "csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->survey_chooser), filter);

  g_signal_connect (self->survey_chooser, "response", G_CALLBACK (on_survey_chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->survey_chooser));
}

static void
close_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  gtk_window_close (GTK_WINDOW (widget));
}

static void
trellis_dashboard_window_dispose (GObject *object)
{
  TrellisDashboardWindow *self = TRELLIS_DASHBOARD_WINDOW (object);

  if (self->chooser != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->chooser, self);
      gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
      g_clear_object (&self->chooser);
    }
  if (self->survey_chooser != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->survey_chooser, self);
      gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->survey_chooser));
      g_clear_object (&self->survey_chooser);
    }
  if (self->import_error_dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (g_steal_pointer (&self->import_error_dialog)));
  g_clear_pointer (&self->last_toast, g_free);

  /* The popover belongs to the chart, which unparents it. */
  self->band_popover = NULL;

  gtk_widget_dispose_template (GTK_WIDGET (self), TRELLIS_TYPE_DASHBOARD_WINDOW);

  g_clear_pointer (&self->dashboard, trellis_dashboard_unref);
  g_clear_object (&self->classroom);

  G_OBJECT_CLASS (trellis_dashboard_window_parent_class)->dispose (object);
}

static void
trellis_dashboard_window_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  TrellisDashboardWindow *self = TRELLIS_DASHBOARD_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CLASSROOM:
      g_value_set_object (value, self->classroom);
      break;

    case PROP_RANGE:
      g_value_set_uint (value, self->range);
      break;

    case PROP_ROLLUP:
      g_value_set_boolean (value, self->rollup);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trellis_dashboard_window_set_property (GObject      *object,
                                       guint         prop_id,
                                       const GValue *value,
                                       GParamSpec   *pspec)
{
  TrellisDashboardWindow *self = TRELLIS_DASHBOARD_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CLASSROOM:
      g_assert (self->classroom == NULL);
      self->classroom = g_value_dup_object (value);
      break;

    case PROP_RANGE:
      trellis_dashboard_window_set_range (self, g_value_get_uint (value));
      break;

    case PROP_ROLLUP:
      trellis_dashboard_window_set_rollup (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trellis_dashboard_window_constructed (GObject *object)
{
  TrellisDashboardWindow *self = TRELLIS_DASHBOARD_WINDOW (object);

  G_OBJECT_CLASS (trellis_dashboard_window_parent_class)->constructed (object);

  g_assert (TRELLIS_IS_CLASSROOM (self->classroom));

  trellis_dashboard_window_refresh (self);
}

static void
trellis_dashboard_window_class_init (TrellisDashboardWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = trellis_dashboard_window_dispose;
  object_class->get_property = trellis_dashboard_window_get_property;
  object_class->set_property = trellis_dashboard_window_set_property;
  object_class->constructed = trellis_dashboard_window_constructed;

  properties[PROP_CLASSROOM] =
    g_param_spec_object ("classroom", NULL, NULL,
                         TRELLIS_TYPE_CLASSROOM,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /* A TrellisDashboardRangeKind (the core has no enum GType). */
  properties[PROP_RANGE] =
    g_param_spec_uint ("range", NULL, NULL,
                       TRELLIS_DASHBOARD_RANGE_UNIT, TRELLIS_DASHBOARD_RANGE_TERM,
                       TRELLIS_DASHBOARD_RANGE_UNIT,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_ROLLUP] =
    g_param_spec_boolean ("rollup", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/trellis/Trellis/trellis-dashboard-window.ui");
  gtk_widget_class_bind_template_child (widget_class, TrellisDashboardWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, TrellisDashboardWindow, range_dropdown);
  gtk_widget_class_bind_template_child (widget_class, TrellisDashboardWindow, pseudonymize_check);
  gtk_widget_class_bind_template_child (widget_class, TrellisDashboardWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, TrellisDashboardWindow, progress_caption);
  gtk_widget_class_bind_template_child (widget_class, TrellisDashboardWindow, engine_toggle);
  gtk_widget_class_bind_template_child (widget_class, TrellisDashboardWindow, rollup_toggle);
  gtk_widget_class_bind_template_child (widget_class, TrellisDashboardWindow, progress_chart);
  gtk_widget_class_bind_template_child (widget_class, TrellisDashboardWindow, strip_expander);
  gtk_widget_class_bind_template_child (widget_class, TrellisDashboardWindow, strip_chart);
  gtk_widget_class_bind_template_child (widget_class, TrellisDashboardWindow, pathway_caption);
  gtk_widget_class_bind_template_child (widget_class, TrellisDashboardWindow, pathway_chart);
  gtk_widget_class_bind_template_child (widget_class, TrellisDashboardWindow, agency_caption);
  gtk_widget_class_bind_template_child (widget_class, TrellisDashboardWindow, agency_box);
  gtk_widget_class_bind_template_child (widget_class, TrellisDashboardWindow, figures_box);
  gtk_widget_class_bind_template_child (widget_class, TrellisDashboardWindow, goals_caption);
  gtk_widget_class_bind_template_child (widget_class, TrellisDashboardWindow, conferences_caption);
  gtk_widget_class_bind_template_child (widget_class, TrellisDashboardWindow, reflections_caption);

  gtk_widget_class_install_action (widget_class, "dashboard.export-pdf", NULL, export_pdf_action);
  gtk_widget_class_install_action (widget_class, "dashboard.close", NULL, close_action);
  gtk_widget_class_install_action (widget_class, "dashboard.record-survey", NULL, record_survey_action);
  gtk_widget_class_install_action (widget_class, "dashboard.import-survey", NULL, import_survey_action);
  gtk_widget_class_install_action (widget_class, "dashboard.edit-survey", NULL, edit_survey_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "dashboard.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "dashboard.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK, "dashboard.record-survey", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_i, GDK_CONTROL_MASK, "dashboard.import-survey", NULL);

  g_type_ensure (TRELLIS_TYPE_BAR_CHART);
  g_type_ensure (TRELLIS_TYPE_STRIP_CHART);
}

static void
trellis_dashboard_window_init (TrellisDashboardWindow *self)
{
  GtkGesture *gesture;
  GtkWidget *box;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->range = TRELLIS_DASHBOARD_RANGE_UNIT;

  /* The learners of a clicked segment of the progress chart. */
  self->band_popover = gtk_popover_new ();
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  self->band_title = GTK_LABEL (caption_label_new ("", "heading"));
  self->band_learners = GTK_LABEL (caption_label_new ("", NULL));
  gtk_label_set_selectable (self->band_learners, TRUE);
  gtk_label_set_max_width_chars (self->band_title, 40);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->band_title));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->band_learners));
  gtk_popover_set_child (GTK_POPOVER (self->band_popover), box);
  gtk_widget_set_parent (self->band_popover, GTK_WIDGET (self->progress_chart));

  gesture = gtk_gesture_click_new ();
  g_signal_connect (gesture, "released", G_CALLBACK (on_progress_released_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->progress_chart), GTK_EVENT_CONTROLLER (gesture));
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self->progress_chart), "pointer");

  g_signal_connect_swapped (self->range_dropdown, "notify::selected",
                            G_CALLBACK (on_range_selected_cb), self);
  g_signal_connect_swapped (self->rollup_toggle, "toggled",
                            G_CALLBACK (on_rollup_toggled_cb), self);
  g_signal_connect (self, "notify::is-active", G_CALLBACK (on_is_active_cb), NULL);
}

TrellisDashboardWindow *
trellis_dashboard_window_new (GtkWindow        *parent,
                              TrellisClassroom *classroom)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (TRELLIS_IS_CLASSROOM (classroom), NULL);

  return g_object_new (TRELLIS_TYPE_DASHBOARD_WINDOW,
                       "classroom", classroom,
                       "transient-for", parent,
                       "destroy-with-parent", TRUE,
                       NULL);
}

TrellisClassroom *
trellis_dashboard_window_get_classroom (TrellisDashboardWindow *self)
{
  g_return_val_if_fail (TRELLIS_IS_DASHBOARD_WINDOW (self), NULL);

  return self->classroom;
}

TrellisDashboardRangeKind
trellis_dashboard_window_get_range (TrellisDashboardWindow *self)
{
  g_return_val_if_fail (TRELLIS_IS_DASHBOARD_WINDOW (self), TRELLIS_DASHBOARD_RANGE_UNIT);

  return self->range;
}

void
trellis_dashboard_window_set_range (TrellisDashboardWindow    *self,
                                    TrellisDashboardRangeKind  range)
{
  g_return_if_fail (TRELLIS_IS_DASHBOARD_WINDOW (self));
  g_return_if_fail (range <= TRELLIS_DASHBOARD_RANGE_TERM);

  if (self->range == range)
    return;

  self->range = range;

  for (guint i = 0; i < G_N_ELEMENTS (range_kinds); i++)
    {
      if (range_kinds[i] == range && gtk_drop_down_get_selected (self->range_dropdown) != i)
        gtk_drop_down_set_selected (self->range_dropdown, i);
    }

  if (self->classroom != NULL)
    trellis_dashboard_window_refresh (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RANGE]);
}

gboolean
trellis_dashboard_window_get_rollup (TrellisDashboardWindow *self)
{
  g_return_val_if_fail (TRELLIS_IS_DASHBOARD_WINDOW (self), FALSE);

  return self->rollup;
}

void
trellis_dashboard_window_set_rollup (TrellisDashboardWindow *self,
                                     gboolean                rollup)
{
  g_return_if_fail (TRELLIS_IS_DASHBOARD_WINDOW (self));

  rollup = !!rollup;
  if (self->rollup == rollup)
    return;

  self->rollup = rollup;
  if (gtk_toggle_button_get_active (self->rollup_toggle) != rollup)
    gtk_toggle_button_set_active (rollup ? self->rollup_toggle : self->engine_toggle, TRUE);

  if (self->dashboard != NULL)
    {
      trellis_dashboard_charts_fill_progress (self->progress_chart, self->dashboard, self->rollup);
      trellis_dashboard_charts_fill_strips (self->strip_chart, self->dashboard, self->rollup);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROLLUP]);
}

TrellisDashboard *
trellis_dashboard_window_get_dashboard (TrellisDashboardWindow *self)
{
  g_return_val_if_fail (TRELLIS_IS_DASHBOARD_WINDOW (self), NULL);

  return self->dashboard;
}

void
trellis_dashboard_window_refresh (TrellisDashboardWindow *self)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (TRELLIS_IS_DASHBOARD_WINDOW (self));

  g_clear_pointer (&self->dashboard, trellis_dashboard_unref);
  self->dashboard = compute (self, FALSE, &error);

  if (self->dashboard == NULL)
    adw_window_title_set_subtitle (self->window_title, error->message);

  update_view (self);
}

gboolean
trellis_dashboard_window_export_pdf (TrellisDashboardWindow  *self,
                                     const char              *path,
                                     gboolean                 pseudonymize,
                                     GError                 **error)
{
  g_autoptr(TrellisDashboard) dashboard = NULL;
  const char *name;
  g_autofree char *title = NULL;

  g_return_val_if_fail (TRELLIS_IS_DASHBOARD_WINDOW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  dashboard = compute (self, pseudonymize, error);
  if (dashboard == NULL)
    return FALSE;

  name = trellis_classroom_get_name (self->classroom);
  /* Translators: the PDF page's title; %s is the classroom's name */
  title = g_strdup_printf (_("Class Dashboard: %s"), name ? name : "");

  return trellis_dashboard_charts_write_pdf (dashboard, title, self->rollup, path, error);
}

GtkLabel *
_trellis_dashboard_window_get_caption_label (TrellisDashboardWindow  *self,
                                             TrellisDashboardCaption  caption)
{
  g_return_val_if_fail (TRELLIS_IS_DASHBOARD_WINDOW (self), NULL);

  switch (caption)
    {
    case TRELLIS_DASHBOARD_CAPTION_PROGRESS:
      return self->progress_caption;
    case TRELLIS_DASHBOARD_CAPTION_PATHWAY:
      return self->pathway_caption;
    case TRELLIS_DASHBOARD_CAPTION_AGENCY:
      return self->agency_caption;
    case TRELLIS_DASHBOARD_CAPTION_GOALS:
      return self->goals_caption;
    case TRELLIS_DASHBOARD_CAPTION_CONFERENCES:
      return self->conferences_caption;
    case TRELLIS_DASHBOARD_CAPTION_REFLECTIONS:
      return self->reflections_caption;
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
_trellis_dashboard_window_get_subtitle (TrellisDashboardWindow *self)
{
  g_return_val_if_fail (TRELLIS_IS_DASHBOARD_WINDOW (self), NULL);

  return adw_window_title_get_subtitle (self->window_title);
}

GtkDropDown *
_trellis_dashboard_window_get_range_dropdown (TrellisDashboardWindow *self)
{
  g_return_val_if_fail (TRELLIS_IS_DASHBOARD_WINDOW (self), NULL);

  return self->range_dropdown;
}

TrellisBarChart *
_trellis_dashboard_window_get_progress_chart (TrellisDashboardWindow *self)
{
  g_return_val_if_fail (TRELLIS_IS_DASHBOARD_WINDOW (self), NULL);

  return self->progress_chart;
}

TrellisBarChart *
_trellis_dashboard_window_get_pathway_chart (TrellisDashboardWindow *self)
{
  g_return_val_if_fail (TRELLIS_IS_DASHBOARD_WINDOW (self), NULL);

  return self->pathway_chart;
}

TrellisStripChart *
_trellis_dashboard_window_get_strip_chart (TrellisDashboardWindow *self)
{
  g_return_val_if_fail (TRELLIS_IS_DASHBOARD_WINDOW (self), NULL);

  return self->strip_chart;
}

GtkWidget *
_trellis_dashboard_window_get_agency_box (TrellisDashboardWindow *self)
{
  g_return_val_if_fail (TRELLIS_IS_DASHBOARD_WINDOW (self), NULL);

  return GTK_WIDGET (self->agency_box);
}

GtkWidget *
_trellis_dashboard_window_get_figures_box (TrellisDashboardWindow *self)
{
  g_return_val_if_fail (TRELLIS_IS_DASHBOARD_WINDOW (self), NULL);

  return GTK_WIDGET (self->figures_box);
}

GtkPopover *
_trellis_dashboard_window_show_band (TrellisDashboardWindow *self,
                                     guint                   row,
                                     guint                   segment)
{
  const TrellisDashboardSkill *skill;
  TrellisDashboardLevel level;
  g_autoptr(GString) names = g_string_new (NULL);
  g_autofree char *title = NULL;
  const char *level_name;
  guint n = 0;

  g_return_val_if_fail (TRELLIS_IS_DASHBOARD_WINDOW (self), NULL);
  g_return_val_if_fail (self->dashboard != NULL, NULL);
  g_return_val_if_fail (row < self->dashboard->skills->len, NULL);
  g_return_val_if_fail (segment < TRELLIS_DASHBOARD_N_LEVELS, NULL);

  skill = &g_array_index (self->dashboard->skills, TrellisDashboardSkill, row);
  level = trellis_dashboard_charts_levels[segment];

  for (guint i = 0; i < self->dashboard->learners->len; i++)
    {
      const TrellisDashboardLearner *learner =
        &g_array_index (self->dashboard->learners, TrellisDashboardLearner, i);
      guint8 l = self->rollup ? learner->rollup_levels[row] : learner->levels[row];

      if (l != level)
        continue;
      if (names->len > 0)
        g_string_append_c (names, '\n');
      g_string_append (names, learner->name);
      n++;
    }

  switch (level)
    {
    case TRELLIS_DASHBOARD_LEVEL_MASTERED:
      level_name = _("Mastered");
      break;
    case TRELLIS_DASHBOARD_LEVEL_DEVELOPING:
      level_name = _("Developing");
      break;
    case TRELLIS_DASHBOARD_LEVEL_NOT_YET:
      level_name = _("Not yet");
      break;
    case TRELLIS_DASHBOARD_LEVEL_NONE:
    case TRELLIS_DASHBOARD_N_LEVELS:
    default:
      level_name = _("No evidence");
      break;
    }

  /* Translators: a mastery level, a skill's name, and how many learners */
  title = g_strdup_printf (ngettext ("%s in %s: %u learner", "%s in %s: %u learners", n),
                           level_name, skill->name, n);
  gtk_label_set_label (self->band_title, title);
  gtk_label_set_label (self->band_learners, names->str);

  gtk_popover_popup (GTK_POPOVER (self->band_popover));

  return GTK_POPOVER (self->band_popover);
}

gboolean
_trellis_dashboard_window_import_survey (TrellisDashboardWindow *self,
                                         GFile                  *file)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *today = NULL;
  g_autofree char *message = NULL;
  GtkWidget *dialog;
  gint64 survey_id;
  guint n = 0;

  g_return_val_if_fail (TRELLIS_IS_DASHBOARD_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  path = g_file_get_path (file);
  if (path == NULL)
    {
      show_toast (self, _("Only files on this computer can be imported"));
      return FALSE;
    }

  survey_id = ensure_survey (self);
  if (survey_id == 0)
    return FALSE;

  /* The file holds no date: the survey counts as given today. */
  today = trellis_classroom_today (self->classroom);
  if (trellis_survey_import_csv_file (self->classroom, survey_id, today, path, &n, &error) != 0)
    {
      trellis_dashboard_window_refresh (self);
      /* Translators: how many survey answers a CSV file held, and the day they count for */
      message = g_strdup_printf (ngettext ("%u answer imported for %s", "%u answers imported for %s", n), n, today);
      show_toast (self, message);
      return TRUE;
    }

  if (self->import_error_dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (g_steal_pointer (&self->import_error_dialog)));

  {
    g_autofree char *basename = g_file_get_basename (file);

    /* Translators: %s is the file's name */
    message = g_strdup_printf (_("Nothing was imported from “%s”, and the classroom is unchanged. "
                                 "Correct the file and import it again.\n\n%s"),
                               basename, error->message);
  }
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Could Not Import the Responses"), message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_import_error_response_cb), self, 0);
  self->import_error_dialog = ADW_MESSAGE_DIALOG (dialog);
  gtk_window_present (GTK_WINDOW (dialog));

  return FALSE;
}

AdwMessageDialog *
_trellis_dashboard_window_get_import_error_dialog (TrellisDashboardWindow *self)
{
  g_return_val_if_fail (TRELLIS_IS_DASHBOARD_WINDOW (self), NULL);

  return self->import_error_dialog;
}

const char *
_trellis_dashboard_window_get_last_toast (TrellisDashboardWindow *self)
{
  g_return_val_if_fail (TRELLIS_IS_DASHBOARD_WINDOW (self), NULL);

  return self->last_toast;
}

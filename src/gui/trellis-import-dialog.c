/* trellis-import-dialog.c
 *
 * Copyright 2026 The Trellis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "trellis-csv.h"
#include "trellis-import-dialog-private.h"

/*
 * TrellisImportDialog: brings a gradebook or roster export from an LMS into
 * the window's classroom.  Choosing a file (or a OneRoster folder) runs a
 * dry run at once, so the teacher sees what would happen (learners
 * matched, to be created or unknown, scores to add, cells skipped and why)
 * and the first rows of the file before anything is written; Import then
 * runs the same import for real, in one transaction.  A OneRoster package
 * with several classes first lists them (title, sourcedId, students) and
 * previews nothing until the teacher picks one.  Scores the file gives no
 * date for (neither their own nor their assignment's due date) get the
 * "Date of These Scores" the preview asks for, today unless the teacher
 * picks another day.  Both run in a
 * thread on their own connection to the classroom file; afterwards the
 * window reloads the classroom.
 */

#define PREVIEW_ROWS    6
#define PREVIEW_COLUMNS 8

struct _TrellisImportDialog
{
  AdwWindow            parent_instance;

  TrellisWindow       *window;       /* weak */
  char                *classroom_path;
  char                *input;
  GPtrArray           *classes;      /* (element-type TrellisImportClass) to pick from, or NULL */
  char                *class_id;     /* the class picked, or NULL */

  GCancellable        *cancellable;
  guint                serial;
  gboolean             busy;
  gboolean             importing;    /* the real run, not a preview */
  gboolean             imported;
  TrellisImportReport *report;
  char                *error_message;
  guint                preview_rows;
  GPtrArray           *report_rows;  /* (element-type GtkWidget) */
  GtkFileChooserNative *chooser;

  GtkButton           *cancel_button;
  GtkButton           *import_button;
  GtkSpinner          *spinner;
  AdwActionRow        *file_row;
  AdwComboRow         *format_row;
  AdwPreferencesGroup *class_group;
  GtkListBox          *class_list;
  GtkSwitch           *create_switch;
  GtkLabel            *error_label;
  AdwPreferencesGroup *report_group;
  AdwPreferencesGroup *date_group;
  AdwActionRow        *date_row;
  GtkMenuButton       *date_button;
  GtkCalendar         *date_calendar;
  GtkButton           *map_button;
  AdwPreferencesGroup *preview_group;
  GtkGrid             *preview_grid;
};

G_DEFINE_FINAL_TYPE (TrellisImportDialog, trellis_import_dialog, ADW_TYPE_WINDOW)

/* Combo row positions */
static const TrellisImportFormat formats[] = {
  TRELLIS_IMPORT_FORMAT_AUTO,
  TRELLIS_IMPORT_FORMAT_CANVAS,
  TRELLIS_IMPORT_FORMAT_MOODLE,
  TRELLIS_IMPORT_FORMAT_GOOGLE,
  TRELLIS_IMPORT_FORMAT_ONEROSTER,
};

typedef struct
{
  guint                serial;
  TrellisWindow       *window;        /* to reload after a real import */
  char                *classroom_path;
  char                *input;
  char                *class_id;
  char                *observed_on;   /* YYYY-MM-DD for undated scores, or NULL: now */
  TrellisImportFormat  format;
  TrellisImportFlags   flags;
} TaskData;

typedef struct
{
  TrellisImportReport *report;
  TrellisCsv          *preview;
  GPtrArray           *classes;       /* several OneRoster classes: pick one first */
} TaskResult;

static void
task_data_free (TaskData *data)
{
  g_clear_object (&data->window);
  g_free (data->classroom_path);
  g_free (data->input);
  g_free (data->class_id);
  g_free (data->observed_on);
  g_free (data);
}

static void
task_result_free (TaskResult *result)
{
  g_clear_pointer (&result->report, trellis_import_report_free);
  g_clear_pointer (&result->preview, trellis_csv_free);
  g_clear_pointer (&result->classes, g_ptr_array_unref);
  g_free (result);
}

static const char *
format_display_name (TrellisImportFormat format)
{
  switch (format)
    {
    case TRELLIS_IMPORT_FORMAT_CANVAS:
      return _("Canvas gradebook");
    case TRELLIS_IMPORT_FORMAT_MOODLE:
      return _("Moodle grades");
    case TRELLIS_IMPORT_FORMAT_GOOGLE:
      return _("Google Classroom grades");
    case TRELLIS_IMPORT_FORMAT_ONEROSTER:
      return _("OneRoster 1.1");
    case TRELLIS_IMPORT_FORMAT_AUTO:
    default:
      return _("Detect");
    }
}

static const char *
skip_display_name (TrellisImportSkip skip)
{
  switch (skip)
    {
    case TRELLIS_IMPORT_SKIP_EMPTY:
      return _("empty");
    case TRELLIS_IMPORT_SKIP_EXCUSED:
      return _("excused");
    case TRELLIS_IMPORT_SKIP_NOT_ASSIGNED:
      return _("not assigned");
    case TRELLIS_IMPORT_SKIP_MISSING:
      return _("missing");
    case TRELLIS_IMPORT_SKIP_UNGRADED:
      return _("not graded yet");
    case TRELLIS_IMPORT_SKIP_NOT_NUMERIC:
      return _("not a number");
    case TRELLIS_IMPORT_SKIP_NEGATIVE:
      return _("negative");
    case TRELLIS_IMPORT_SKIP_NO_POINTS_POSSIBLE:
      return _("no maximum points");
    case TRELLIS_IMPORT_SKIP_UNKNOWN_LEARNER:
      return _("learner not in the classroom");
    case TRELLIS_IMPORT_SKIP_N:
    default:
      return "";
    }
}

/* A zip file, which can only be a OneRoster package. */
static gboolean
is_zip_file (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) stream = g_file_read (file, NULL, NULL);
  guchar magic[4];
  gsize n = 0;

  return stream != NULL &&
         g_input_stream_read_all (G_INPUT_STREAM (stream), magic, sizeof magic, &n, NULL, NULL) &&
         n == sizeof magic && memcmp (magic, "PK\003\004", sizeof magic) == 0;
}

static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  TaskData *data = task_data;
  g_autoptr(TrellisClassroom) classroom = NULL;
  g_autoptr(GError) error = NULL;
  TaskResult *result;
  TrellisOpenFlags open_flags;

  /* A OneRoster package with several classes: which one comes first.
   * (A package the list cannot read gets the import's own error.) */
  if (data->class_id == NULL &&
      (data->format == TRELLIS_IMPORT_FORMAT_AUTO || data->format == TRELLIS_IMPORT_FORMAT_ONEROSTER) &&
      (g_file_test (data->input, G_FILE_TEST_IS_DIR) || is_zip_file (data->input)))
    {
      g_autoptr(GPtrArray) classes = trellis_import_list_classes (data->input, NULL);

      if (classes != NULL && classes->len > 1)
        {
          result = g_new0 (TaskResult, 1);
          result->classes = g_steal_pointer (&classes);
          g_task_return_pointer (task, result, (GDestroyNotify) task_result_free);
          return;
        }
    }

  /* A dry run only reads. */
  open_flags = (data->flags & TRELLIS_IMPORT_FLAGS_DRY_RUN) ? TRELLIS_OPEN_FLAGS_READ_ONLY
                                                            : TRELLIS_OPEN_FLAGS_NONE;
  classroom = trellis_classroom_open (data->classroom_path, open_flags, &error);
  if (classroom == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  result = g_new0 (TaskResult, 1);
  result->report = trellis_import_full (classroom, data->input, data->format,
                                        data->class_id, data->flags, data->observed_on, &error);
  if (result->report == NULL)
    {
      task_result_free (result);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (data->flags & TRELLIS_IMPORT_FLAGS_DRY_RUN)
    {
      g_autofree char *table = NULL;

      /* The file as the teacher knows it; for OneRoster, its results. */
      if (g_file_test (data->input, G_FILE_TEST_IS_DIR))
        table = g_build_filename (data->input, "results.csv", NULL);
      else if (result->report->format != TRELLIS_IMPORT_FORMAT_ONEROSTER)
        table = g_strdup (data->input);

      if (table != NULL)
        result->preview = trellis_csv_parse_file (table, 0, TRELLIS_CSV_FLAGS_ALLOW_NO_ROWS, NULL);
    }

  g_task_return_pointer (task, result, (GDestroyNotify) task_result_free);
}

static void
clear_report (TrellisImportDialog *self)
{
  GtkWidget *child;

  for (guint i = 0; i < self->report_rows->len; i++)
    adw_preferences_group_remove (self->report_group, g_ptr_array_index (self->report_rows, i));
  g_ptr_array_set_size (self->report_rows, 0);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->preview_grid))) != NULL)
    gtk_grid_remove (self->preview_grid, child);
  self->preview_rows = 0;

  gtk_widget_set_visible (GTK_WIDGET (self->report_group), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->date_group), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->preview_group), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  g_clear_pointer (&self->error_message, g_free);
}

static void
add_report_row (TrellisImportDialog *self,
                const char          *title,
                const char          *subtitle,
                guint                count)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *text = g_strdup_printf ("%u", count);
  GtkWidget *label = gtk_label_new (text);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL && subtitle[0] != '\0')
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_add_css_class (label, "numeric");
  gtk_widget_add_css_class (label, "title-4");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);

  adw_preferences_group_add (self->report_group, row);
  g_ptr_array_add (self->report_rows, row);
}

static char *
join_names (GPtrArray *names)
{
  g_autoptr(GString) text = g_string_new (NULL);

  if (names == NULL)
    return g_strdup ("");

  for (guint i = 0; i < names->len; i++)
    {
      if (i == 8)
        {
          /* Translators: the list of names continues with this many more */
          g_string_append_printf (text, _(", and %u more"), names->len - i);
          break;
        }
      if (i > 0)
        g_string_append (text, ", ");
      g_string_append (text, g_ptr_array_index (names, i));
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
show_report (TrellisImportDialog *self)
{
  TrellisImportReport *report = self->report;
  g_autoptr(GString) reasons = g_string_new (NULL);
  g_autofree char *unmatched = join_names (report->unmatched);
  g_autofree char *absent = join_names (report->absent);
  g_autofree char *points = NULL;
  g_autofree char *description = NULL;

  if (report->dry_run)
    {
      adw_preferences_group_set_title (self->report_group, _("What the Import Will Do"));
      /* Translators: %s is a file format, like “Canvas gradebook” */
      description = g_strdup_printf (_("%s. Nothing has been written yet."),
                                     format_display_name (report->format));
    }
  else
    {
      adw_preferences_group_set_title (self->report_group, _("Imported"));
      /* Translators: %s is a file format, like “Canvas gradebook” */
      description = g_strdup_printf (_("%s. The classroom has been updated."),
                                     format_display_name (report->format));
    }
  adw_preferences_group_set_description (self->report_group, description);

  for (guint i = 0; i < TRELLIS_IMPORT_SKIP_N; i++)
    {
      if (report->skipped[i] == 0)
        continue;
      if (reasons->len > 0)
        g_string_append (reasons, ", ");
      /* Translators: a count and why cells were skipped, like “2 excused” */
      g_string_append_printf (reasons, _("%u %s"), report->skipped[i],
                              skip_display_name ((TrellisImportSkip) i));
    }

  /* Translators: %.1f is a number of points */
  points = g_strdup_printf (_("%.1f points in all"), report->points_total);

  /* Learners created and absent only when there are some: the others
   * say “none” too. */
  add_report_row (self, _("Rows read"), NULL, report->rows_read);
  add_report_row (self, _("Learners matched"), NULL, report->learners_matched);
  if (report->learners_created > 0)
    add_report_row (self, report->dry_run ? _("Learners to be created") : _("Learners created"),
                    NULL, report->learners_created);
  if (report->learners_created == 0 || report->learners_unmatched > 0)
    add_report_row (self, _("Learners in the file but not in the classroom"), unmatched,
                    report->learners_unmatched);
  if (report->learners_absent > 0)
    add_report_row (self, _("Learners in the classroom but not in the file"), absent,
                    report->learners_absent);
  add_report_row (self, _("Gradebook items"), NULL, report->items_created + report->items_updated);
  add_report_row (self, report->dry_run ? _("Scores to add") : _("Scores added"), points,
                  report->evidence_added);
  if (report->evidence_removed > 0)
    add_report_row (self,
                    report->dry_run ? _("Earlier imported scores to remove") : _("Earlier imported scores removed"),
                    _("The file has no score there now: excused, not assigned, missing or empty"),
                    report->evidence_removed);
  add_report_row (self, _("Cells skipped"), reasons->str, report->cells_skipped);

  gtk_widget_set_visible (GTK_WIDGET (self->report_group), TRUE);

  /* Scores without a date in the file: ask for theirs. */
  if (report->dry_run && report->evidence_undated > 0)
    {
      g_autofree char *subtitle = NULL;

      subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                               "%u score has no date in the file",
                                               "%u scores have no date in the file",
                                               report->evidence_undated),
                                  report->evidence_undated);
      adw_action_row_set_subtitle (self->date_row, subtitle);
      gtk_widget_set_visible (GTK_WIDGET (self->date_group), TRUE);
    }
}

/* The day picked, as YYYY-MM-DD; NULL when it is today (the scores are dated now). */
static char *
dup_observed_on (TrellisImportDialog *self)
{
  g_autoptr(GDateTime) picked = gtk_calendar_get_date (self->date_calendar);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  if (g_date_time_get_year (picked) == g_date_time_get_year (now) &&
      g_date_time_get_day_of_year (picked) == g_date_time_get_day_of_year (now))
    return NULL;

  return g_date_time_format (picked, "%Y-%m-%d");
}

static void
on_date_changed_cb (TrellisImportDialog *self)
{
  g_autoptr(GDateTime) picked = gtk_calendar_get_date (self->date_calendar);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *label = NULL;
  g_autofree char *accessible = NULL;

  /* Scores are not given in the future: a later day goes back to today
   * (which calls this again). */
  if (g_date_time_get_year (picked) > g_date_time_get_year (now) ||
      (g_date_time_get_year (picked) == g_date_time_get_year (now) &&
       g_date_time_get_day_of_year (picked) > g_date_time_get_day_of_year (now)))
    {
      gtk_calendar_select_day (self->date_calendar, now);
      return;
    }

  /* Translators: a date, see g_date_time_format() */
  label = g_date_time_format (picked, _("%-d %B %Y"));
  gtk_menu_button_set_label (self->date_button, label);
  /* Translators: the accessible name of the date button; %s is a date like “12 March 2025” */
  accessible = g_strdup_printf (_("Date of these scores: %s"), label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->date_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
}

static void
show_preview (TrellisImportDialog *self,
              TrellisCsv          *csv)
{
  guint n_rows, n_columns;

  if (csv == NULL || trellis_csv_get_n_rows (csv) == 0)
    return;

  n_rows = MIN (trellis_csv_get_n_rows (csv), PREVIEW_ROWS + 1);
  n_columns = MIN (trellis_csv_get_n_fields (csv, 0), PREVIEW_COLUMNS);

  for (guint row = 0; row < n_rows; row++)
    {
      for (guint column = 0; column < n_columns; column++)
        {
          g_autofree char *text = g_strstrip (g_strdup (trellis_csv_get_field (csv, row, column)));
          GtkWidget *label = gtk_label_new (text);

          /* Wide enough to read; the table scrolls sideways. */
          gtk_label_set_xalign (GTK_LABEL (label), 0);
          gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
          gtk_label_set_width_chars (GTK_LABEL (label), (int) MIN (g_utf8_strlen (text, -1), 12));
          gtk_label_set_max_width_chars (GTK_LABEL (label), 24);
          gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
          if (row == 0)
            gtk_widget_add_css_class (label, "heading");
          gtk_grid_attach (self->preview_grid, label, (int) column, (int) row, 1, 1);
        }
    }

  /* The header is not a row of data. */
  self->preview_rows = n_rows - 1;
  gtk_widget_set_visible (GTK_WIDGET (self->preview_group), TRUE);
}

static void
show_error (TrellisImportDialog *self,
            const char          *message)
{
  g_free (self->error_message);
  self->error_message = g_strdup (message);
  gtk_label_set_text (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
}

static void
clear_classes (TrellisImportDialog *self)
{
  GtkListBoxRow *row;

  /* The rows, not the placeholder. */
  while ((row = gtk_list_box_get_row_at_index (self->class_list, 0)) != NULL)
    gtk_list_box_remove (self->class_list, GTK_WIDGET (row));
  g_clear_pointer (&self->classes, g_ptr_array_unref);
  g_clear_pointer (&self->class_id, g_free);
  gtk_widget_set_visible (GTK_WIDGET (self->class_group), FALSE);
}

static void start_import (TrellisImportDialog *self,
                          gboolean             dry_run);

static void
on_class_toggled_cb (GtkCheckButton      *check,
                     TrellisImportDialog *self)
{
  const char *id = g_object_get_data (G_OBJECT (check), "sourced-id");

  if (!gtk_check_button_get_active (check) || g_strcmp0 (id, self->class_id) == 0)
    return;

  g_free (self->class_id);
  self->class_id = g_strdup (id);
  start_import (self, TRUE);
}

/* The classes of the package, none picked: the preview waits for one. */
static void
show_classes (TrellisImportDialog *self,
              GPtrArray           *classes)
{
  GtkCheckButton *first = NULL;
  g_autofree char *description = NULL;

  clear_classes (self);
  self->classes = g_ptr_array_ref (classes);

  for (guint i = 0; i < classes->len; i++)
    {
      TrellisImportClass *klass = g_ptr_array_index (classes, i);
      const char *title = klass->title != NULL ? klass->title : klass->sourced_id;
      g_autofree char *students = NULL;
      g_autofree char *subtitle = NULL;
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      /* Translators: %u is a number of students enrolled in a class */
      students = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u student", "%u students", klass->n_students),
                                  klass->n_students);
      /* Translators: a class's id in the package, then its number of students */
      subtitle = g_strdup_printf (_("%s · %s"), klass->sourced_id, students);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      if (first == NULL)
        first = GTK_CHECK_BUTTON (check);
      else
        gtk_check_button_set_group (GTK_CHECK_BUTTON (check), first);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, subtitle,
                                      -1);
      g_object_set_data_full (G_OBJECT (check), "sourced-id", g_strdup (klass->sourced_id), g_free);
      g_signal_connect_object (check, "toggled", G_CALLBACK (on_class_toggled_cb), self, 0);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      gtk_list_box_append (self->class_list, row);
    }

  /* Translators: %u is the number of classes in a OneRoster package */
  description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "This package holds %u class. Choose the one to import; nothing is previewed until you do.",
                                              "This package holds %u classes. Choose the one to import; nothing is previewed until you do.",
                                              classes->len),
                                 classes->len);
  adw_preferences_group_set_description (self->class_group, description);
  gtk_widget_set_visible (GTK_WIDGET (self->class_group), TRUE);
}

static void
set_busy (TrellisImportDialog *self,
          gboolean             busy)
{
  self->busy = busy;
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_spinner_set_spinning (self->spinner, busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->import_button),
                            !busy && !self->imported && self->report != NULL && self->report->dry_run);
  /* The class stays as imported. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->class_list), !self->importing && !self->imported);
}

static void
on_import_ready_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(TrellisImportDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  TaskData *data = g_task_get_task_data (G_TASK (result));
  TaskResult *task_result;

  task_result = g_task_propagate_pointer (G_TASK (result), &error);

  /* A real import changed the file: the window shows it, even when the
   * dialog was closed meanwhile. */
  if (task_result != NULL && data->window != NULL)
    trellis_window_reload_classroom (data->window);

  if (data->serial != self->serial || g_cancellable_is_cancelled (self->cancellable))
    {
      g_clear_pointer (&task_result, task_result_free);
      return;
    }

  self->importing = FALSE;
  clear_report (self);
  g_clear_pointer (&self->report, trellis_import_report_free);

  if (task_result == NULL)
    {
      show_error (self, error->message);
      set_busy (self, FALSE);
      return;
    }

  if (task_result->classes != NULL)
    {
      g_autofree char *detected = NULL;

      show_classes (self, task_result->classes);
      if (adw_combo_row_get_selected (self->format_row) == 0)
        {
          /* Translators: %s is a file format, like “Canvas gradebook” */
          detected = g_strdup_printf (_("Detected: %s"), format_display_name (TRELLIS_IMPORT_FORMAT_ONEROSTER));
          adw_action_row_set_subtitle (ADW_ACTION_ROW (self->format_row), detected);
        }
      task_result_free (task_result);
      set_busy (self, FALSE);
      return;
    }

  self->report = g_steal_pointer (&task_result->report);
  if (adw_combo_row_get_selected (self->format_row) == 0)
    {
      g_autofree char *detected = NULL;

      /* Translators: %s is a file format, like “Canvas gradebook” */
      detected = g_strdup_printf (_("Detected: %s"), format_display_name (self->report->format));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->format_row), detected);
    }
  else
    {
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->format_row), "");
    }
  show_report (self);
  show_preview (self, task_result->preview);
  task_result_free (task_result);

  if (!self->report->dry_run)
    {
      g_autofree char *title = NULL;
      AdwToast *toast;

      self->imported = TRUE;
      gtk_widget_set_visible (GTK_WIDGET (self->map_button), TRUE);
      gtk_button_set_label (self->cancel_button, _("_Close"));
      gtk_widget_set_visible (GTK_WIDGET (self->import_button), FALSE);

      if (self->window != NULL)
        {
          /* Translators: %u is a number of scores */
          title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Imported %u score", "Imported %u scores",
                                                self->report->evidence_added),
                                   self->report->evidence_added);
          toast = adw_toast_new (title);
          trellis_window_add_toast (self->window, toast);
        }
    }

  set_busy (self, FALSE);
}

static void
start_import (TrellisImportDialog *self,
              gboolean             dry_run)
{
  g_autoptr(GTask) task = NULL;
  TaskData *data;
  guint format_index;

  if (self->input == NULL || self->classroom_path == NULL)
    return;

  format_index = adw_combo_row_get_selected (self->format_row);

  data = g_new0 (TaskData, 1);
  data->serial = ++self->serial;
  data->classroom_path = g_strdup (self->classroom_path);
  data->input = g_strdup (self->input);
  data->format = format_index < G_N_ELEMENTS (formats) ? formats[format_index] : TRELLIS_IMPORT_FORMAT_AUTO;
  data->class_id = g_strdup (self->class_id);
  if (dry_run)
    data->flags |= TRELLIS_IMPORT_FLAGS_DRY_RUN;
  else if (self->window != NULL)
    data->window = g_object_ref (self->window);
  if (!dry_run)
    data->observed_on = dup_observed_on (self);
  self->importing = !dry_run;
  if (gtk_switch_get_active (self->create_switch))
    data->flags |= TRELLIS_IMPORT_FLAGS_CREATE_LEARNERS;

  set_busy (self, TRUE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->import_button), FALSE);

  task = g_task_new (NULL, self->cancellable, on_import_ready_cb, g_object_ref (self));
  g_task_set_source_tag (task, start_import);
  g_task_set_task_data (task, data, (GDestroyNotify) task_data_free);
  g_task_run_in_thread (task, import_thread);
}

static void
set_input (TrellisImportDialog *self,
           GFile               *file)
{
  g_autofree char *display = NULL;

  g_clear_pointer (&self->input, g_free);
  self->input = g_file_get_path (file);
  self->imported = FALSE;
  gtk_widget_set_visible (GTK_WIDGET (self->import_button), TRUE);
  gtk_button_set_label (self->cancel_button, _("_Cancel"));

  display = g_file_get_parse_name (file);
  adw_action_row_set_subtitle (self->file_row, display);

  /* Another package: its classes are listed afresh. */
  clear_classes (self);
  clear_report (self);
  g_clear_pointer (&self->report, trellis_import_report_free);

  if (self->input == NULL)
    {
      show_error (self, _("Only local files can be imported"));
      return;
    }

  start_import (self, TRUE);
}

static void
on_options_changed_cb (TrellisImportDialog *self)
{
  if (self->input != NULL && !self->imported && !self->importing)
    start_import (self, TRUE);
}

static void
on_chooser_response_cb (GtkNativeDialog     *chooser,
                        int                  response,
                        TrellisImportDialog *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        set_input (self, file);
    }

  g_clear_object (&self->chooser);
}

static void
choose (TrellisImportDialog  *self,
        GtkFileChooserAction  action)
{
  GtkFileFilter *filter;

  /* The file being imported stays until it is done. */
  if (self->chooser != NULL || self->importing)
    return;

  if (action == GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER)
    self->chooser = gtk_file_chooser_native_new (_("Choose a OneRoster Folder"), GTK_WINDOW (self),
                                                 action, _("_Choose"), _("_Cancel"));
  else
    {
      self->chooser = gtk_file_chooser_native_new (_("Choose a Gradebook Export"), GTK_WINDOW (self),
                                                   action, _("_Choose"), _("_Cancel"));
      filter = gtk_file_filter_new ();
      gtk_file_filter_set_name (filter, _("Gradebook exports (CSV, TSV, zip)"));
      gtk_file_filter_add_suffix (filter, "csv");
      gtk_file_filter_add_suffix (filter, "tsv");
      gtk_file_filter_add_suffix (filter, "txt");
      gtk_file_filter_add_suffix (filter, "zip");
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
    }

  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  g_signal_connect (self->chooser, "response", G_CALLBACK (on_chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
on_choose_file_clicked_cb (TrellisImportDialog *self)
{
  choose (self, GTK_FILE_CHOOSER_ACTION_OPEN);
}

static void
on_choose_folder_clicked_cb (TrellisImportDialog *self)
{
  choose (self, GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER);
}

static void
on_import_clicked_cb (TrellisImportDialog *self)
{
  if (self->busy || self->imported || self->report == NULL)
    return;

  start_import (self, FALSE);
}

/* After the import: this dialog makes way for the mapping of the columns. */
static void
on_map_clicked_cb (TrellisImportDialog *self)
{
  g_autoptr(TrellisWindow) window = NULL;

  if (self->window == NULL)
    return;

  window = g_object_ref (self->window);
  gtk_window_close (GTK_WINDOW (self));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.gradebook", NULL);
}

static void
trellis_import_dialog_dispose (GObject *object)
{
  TrellisImportDialog *self = TRELLIS_IMPORT_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  if (self->chooser != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->chooser, self);
      gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
      g_clear_object (&self->chooser);
    }

  gtk_widget_dispose_template (GTK_WIDGET (self), TRELLIS_TYPE_IMPORT_DIALOG);
  g_clear_weak_pointer (&self->window);

  G_OBJECT_CLASS (trellis_import_dialog_parent_class)->dispose (object);
}

static void
trellis_import_dialog_finalize (GObject *object)
{
  TrellisImportDialog *self = TRELLIS_IMPORT_DIALOG (object);

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->report, trellis_import_report_free);
  g_clear_pointer (&self->report_rows, g_ptr_array_unref);
  g_clear_pointer (&self->classes, g_ptr_array_unref);
  g_free (self->class_id);
  g_free (self->classroom_path);
  g_free (self->input);
  g_free (self->error_message);

  G_OBJECT_CLASS (trellis_import_dialog_parent_class)->finalize (object);
}

static void
trellis_import_dialog_class_init (TrellisImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = trellis_import_dialog_dispose;
  object_class->finalize = trellis_import_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/trellis/Trellis/trellis-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, TrellisImportDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, TrellisImportDialog, import_button);
  gtk_widget_class_bind_template_child (widget_class, TrellisImportDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, TrellisImportDialog, file_row);
  gtk_widget_class_bind_template_child (widget_class, TrellisImportDialog, format_row);
  gtk_widget_class_bind_template_child (widget_class, TrellisImportDialog, class_group);
  gtk_widget_class_bind_template_child (widget_class, TrellisImportDialog, class_list);
  gtk_widget_class_bind_template_child (widget_class, TrellisImportDialog, create_switch);
  gtk_widget_class_bind_template_child (widget_class, TrellisImportDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, TrellisImportDialog, report_group);
  gtk_widget_class_bind_template_child (widget_class, TrellisImportDialog, date_group);
  gtk_widget_class_bind_template_child (widget_class, TrellisImportDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, TrellisImportDialog, date_button);
  gtk_widget_class_bind_template_child (widget_class, TrellisImportDialog, date_calendar);
  gtk_widget_class_bind_template_child (widget_class, TrellisImportDialog, map_button);
  gtk_widget_class_bind_template_child (widget_class, TrellisImportDialog, preview_group);
  gtk_widget_class_bind_template_child (widget_class, TrellisImportDialog, preview_grid);
  gtk_widget_class_bind_template_callback (widget_class, on_choose_file_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_choose_folder_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_import_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_map_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
trellis_import_dialog_init (TrellisImportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->report_rows = g_ptr_array_new ();

  g_signal_connect_object (self->format_row, "notify::selected",
                           G_CALLBACK (on_options_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->create_switch, "notify::active",
                           G_CALLBACK (on_options_changed_cb), self, G_CONNECT_SWAPPED);

  /* The calendar starts on today. */
  g_signal_connect_object (self->date_calendar, "notify::year",
                           G_CALLBACK (on_date_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->date_calendar, "notify::month",
                           G_CALLBACK (on_date_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->date_calendar, "notify::day",
                           G_CALLBACK (on_date_changed_cb), self, G_CONNECT_SWAPPED);
  on_date_changed_cb (self);
}

TrellisImportDialog *
trellis_import_dialog_new (TrellisWindow *window)
{
  TrellisImportDialog *self;
  TrellisClassroom *classroom;

  g_return_val_if_fail (TRELLIS_IS_WINDOW (window), NULL);

  classroom = trellis_window_get_classroom (window);
  g_return_val_if_fail (classroom != NULL, NULL);

  self = g_object_new (TRELLIS_TYPE_IMPORT_DIALOG,
                       "transient-for", window,
                       NULL);
  g_set_weak_pointer (&self->window, window);
  self->classroom_path = g_strdup (trellis_classroom_get_path (classroom));

  return self;
}

void
_trellis_import_dialog_set_file (TrellisImportDialog *self,
                                 GFile               *file)
{
  g_return_if_fail (TRELLIS_IS_IMPORT_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));

  set_input (self, file);
}

void
_trellis_import_dialog_set_create_learners (TrellisImportDialog *self,
                                            gboolean             create)
{
  g_return_if_fail (TRELLIS_IS_IMPORT_DIALOG (self));

  gtk_switch_set_active (self->create_switch, create);
}

void
_trellis_import_dialog_run_import (TrellisImportDialog *self)
{
  g_return_if_fail (TRELLIS_IS_IMPORT_DIALOG (self));

  on_import_clicked_cb (self);
}

gboolean
_trellis_import_dialog_get_busy (TrellisImportDialog *self)
{
  g_return_val_if_fail (TRELLIS_IS_IMPORT_DIALOG (self), FALSE);

  return self->busy;
}

const TrellisImportReport *
_trellis_import_dialog_get_report (TrellisImportDialog *self)
{
  g_return_val_if_fail (TRELLIS_IS_IMPORT_DIALOG (self), NULL);

  return self->report;
}

const char *
_trellis_import_dialog_get_error (TrellisImportDialog *self)
{
  g_return_val_if_fail (TRELLIS_IS_IMPORT_DIALOG (self), NULL);

  return self->error_message;
}

guint
_trellis_import_dialog_get_preview_rows (TrellisImportDialog *self)
{
  g_return_val_if_fail (TRELLIS_IS_IMPORT_DIALOG (self), 0);

  return self->preview_rows;
}

GtkListBox *
_trellis_import_dialog_get_class_list (TrellisImportDialog *self)
{
  g_return_val_if_fail (TRELLIS_IS_IMPORT_DIALOG (self), NULL);

  return self->class_list;
}

GtkCalendar *
_trellis_import_dialog_get_date_calendar (TrellisImportDialog *self)
{
  g_return_val_if_fail (TRELLIS_IS_IMPORT_DIALOG (self), NULL);

  return self->date_calendar;
}

const char *
_trellis_import_dialog_get_class (TrellisImportDialog *self)
{
  g_return_val_if_fail (TRELLIS_IS_IMPORT_DIALOG (self), NULL);

  return self->class_id;
}

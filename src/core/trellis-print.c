/* trellis-print.c
 *
 * Copyright 2026 The Trellis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trellis-print"

#include "config.h"

#include <cairo-pdf.h>
#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <pango/pangocairo.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "trellis-print.h"
#include "trellis-profile.h"
#include "trellis-progress.h"
#include "trellis-store-private.h"

/*
 * Each document is a render function that lays out blocks from the top of
 * the page down.  It runs first without drawing, to measure, at decreasing
 * type scales until everything fits; then once more on the PDF surface.  A
 * block that still does not fit at the smallest scale is left out (and the
 * page says so), never drawn over the footer.
 */

#define MARGIN 43.0          /* 0.6 in */
#define FOOTER_HEIGHT 22.0
#define FONT_FAMILY "Cantarell, Sans"

static const double scales[] = { 1.0, 0.94, 0.88, 0.82, 0.76, 0.7 };

typedef struct
{
  double r, g, b;
} Color;

/* The GNOME palette, darkened where needed for paper. */
static const Color ink = { 0x24 / 255.0, 0x1f / 255.0, 0x31 / 255.0 };
static const Color muted = { 0x5e / 255.0, 0x5c / 255.0, 0x64 / 255.0 };
static const Color accent = { 0x1a / 255.0, 0x5f / 255.0, 0xb4 / 255.0 };
static const Color accent_fill = { 0xe8 / 255.0, 0xf0 / 255.0, 0xfa / 255.0 };
static const Color card_fill = { 0xf6 / 255.0, 0xf5 / 255.0, 0xf4 / 255.0 };
static const Color rule = { 0xde / 255.0, 0xdd / 255.0, 0xda / 255.0 };
static const Color must = { 0xc6 / 255.0, 0x46 / 255.0, 0x00 / 255.0 };
static const Color must_fill = { 0xfd / 255.0, 0xf1 / 255.0, 0xe8 / 255.0 };
static const Color met = { 0x26 / 255.0, 0xa2 / 255.0, 0x69 / 255.0 };
static const Color white = { 1.0, 1.0, 1.0 };

typedef enum
{
  STYLE_TITLE,      /* the learner's or playlist's name */
  STYLE_SUBTITLE,
  STYLE_LABEL,      /* small capitals over a section */
  STYLE_HEADING,
  STYLE_BODY,
  STYLE_BODY_BOLD,
  STYLE_BODY_ITALIC,
  STYLE_SMALL,
  STYLE_SMALL_BOLD,
} Style;

typedef struct
{
  cairo_t      *cr;
  PangoContext *pango;
  gboolean      draw;
  double        scale;
  double        left;
  double        width;
  double        y;
  double        bottom;
  double        page_width;   /* points */
  double        page_height;
  gboolean      overflow;
} Page;

typedef void (*RenderFunc) (Page     *page,
                            gpointer  data);

static void
set_color (Page        *page,
           const Color *color)
{
  cairo_set_source_rgb (page->cr, color->r, color->g, color->b);
}

static PangoLayout *
make_layout (Page       *page,
             Style       style,
             const char *text,
             double      width,
             int         max_lines)
{
  static const struct {
    double      size;
    PangoWeight weight;
    PangoStyle  slant;
  } styles[] = {
    [STYLE_TITLE] = { 22.0, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL },
    [STYLE_SUBTITLE] = { 10.5, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL },
    [STYLE_LABEL] = { 7.5, PANGO_WEIGHT_HEAVY, PANGO_STYLE_NORMAL },
    [STYLE_HEADING] = { 12.0, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL },
    [STYLE_BODY] = { 10.0, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL },
    [STYLE_BODY_BOLD] = { 10.0, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL },
    [STYLE_BODY_ITALIC] = { 10.0, PANGO_WEIGHT_NORMAL, PANGO_STYLE_ITALIC },
    [STYLE_SMALL] = { 8.5, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL },
    [STYLE_SMALL_BOLD] = { 8.5, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL },
  };
  PangoLayout *layout = pango_layout_new (page->pango);
  PangoFontDescription *font = pango_font_description_from_string (FONT_FAMILY);

  pango_font_description_set_size (font, (int)(styles[style].size * page->scale * PANGO_SCALE));
  pango_font_description_set_weight (font, styles[style].weight);
  pango_font_description_set_style (font, styles[style].slant);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);

  if (style == STYLE_LABEL)
    {
      /* Capitals without letter-spacing, so the PDF's text stays searchable. */
      g_autofree char *upper = g_utf8_strup (text != NULL ? text : "", -1);

      pango_layout_set_text (layout, upper, -1);
    }
  else
    pango_layout_set_text (layout, text != NULL ? text : "", -1);

  pango_layout_set_width (layout, (int)(MAX (width, 1.0) * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  if (max_lines > 0)
    {
      pango_layout_set_height (layout, -max_lines);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
    }

  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  int height;

  pango_layout_get_size (layout, NULL, &height);
  return (double)height / PANGO_SCALE;
}

static double
layout_width (PangoLayout *layout)
{
  int width;

  pango_layout_get_size (layout, &width, NULL);
  return (double)width / PANGO_SCALE;
}

/* Lays out text at (@x, @y), drawing it when the page draws; returns its height. */
static double
put_text (Page        *page,
          double       x,
          double       y,
          double       width,
          Style        style,
          const Color *color,
          const char  *text,
          int          max_lines)
{
  g_autoptr(PangoLayout) layout = make_layout (page, style, text, width, max_lines);

  if (page->draw)
    {
      set_color (page, color);
      cairo_move_to (page->cr, x, y);
      pango_cairo_show_layout (page->cr, layout);
    }

  return layout_height (layout);
}

/* Text right-aligned to @right on the line at @y; returns its width. */
static double
put_text_right (Page        *page,
                double       right,
                double       y,
                Style        style,
                const Color *color,
                const char  *text)
{
  g_autoptr(PangoLayout) layout = make_layout (page, style, text, page->width, 1);
  int width;

  pango_layout_set_width (layout, -1);
  pango_layout_get_size (layout, &width, NULL);
  if (page->draw)
    {
      set_color (page, color);
      cairo_move_to (page->cr, right - (double)width / PANGO_SCALE, y);
      pango_cairo_show_layout (page->cr, layout);
    }

  return (double)width / PANGO_SCALE;
}

static double
text_height (Page       *page,
             Style       style,
             const char *text,
             double      width,
             int         max_lines)
{
  g_autoptr(PangoLayout) layout = make_layout (page, style, text, width, max_lines);

  return layout_height (layout);
}

static double
gap (Page   *page,
     double  points)
{
  return points * page->scale;
}

/* Whether @height more fits above the footer; if not, the page overflows. */
static gboolean
reserve (Page   *page,
         double  height)
{
  if (page->y + height <= page->bottom)
    return TRUE;

  page->overflow = TRUE;
  return FALSE;
}

static void
fill_rect (Page        *page,
           double       x,
           double       y,
           double       width,
           double       height,
           double       radius,
           const Color *fill,
           const Color *stroke,
           double       line_width)
{
  cairo_t *cr = page->cr;

  if (!page->draw)
    return;

  cairo_new_sub_path (cr);
  cairo_arc (cr, x + width - radius, y + radius, radius, -G_PI / 2, 0);
  cairo_arc (cr, x + width - radius, y + height - radius, radius, 0, G_PI / 2);
  cairo_arc (cr, x + radius, y + height - radius, radius, G_PI / 2, G_PI);
  cairo_arc (cr, x + radius, y + radius, radius, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);

  if (fill != NULL)
    {
      set_color (page, fill);
      if (stroke != NULL)
        cairo_fill_preserve (cr);
      else
        cairo_fill (cr);
    }
  if (stroke != NULL)
    {
      set_color (page, stroke);
      cairo_set_line_width (cr, line_width);
      cairo_stroke (cr);
    }
}

static void
draw_line (Page        *page,
           double       x1,
           double       y1,
           double       x2,
           double       y2,
           const Color *color,
           double       line_width)
{
  if (!page->draw)
    return;

  set_color (page, color);
  cairo_set_line_width (page->cr, line_width);
  cairo_move_to (page->cr, x1, y1);
  cairo_line_to (page->cr, x2, y2);
  cairo_stroke (page->cr);
}

/* An empty box to tick (square) or a round one (options). */
static void
draw_checkbox (Page     *page,
               double    x,
               double    y,
               double    size,
               gboolean  round,
               gboolean  checked)
{
  cairo_t *cr = page->cr;

  if (!page->draw)
    return;

  if (round)
    cairo_arc (cr, x + size / 2, y + size / 2, size / 2, 0, 2 * G_PI);
  else
    cairo_rectangle (cr, x, y, size, size);
  set_color (page, &white);
  cairo_fill_preserve (cr);
  set_color (page, checked ? &accent : &muted);
  cairo_set_line_width (cr, 0.9);
  cairo_stroke (cr);

  if (checked)
    {
      set_color (page, &accent);
      cairo_set_line_width (cr, 1.6);
      cairo_move_to (cr, x + size * 0.22, y + size * 0.52);
      cairo_line_to (cr, x + size * 0.42, y + size * 0.74);
      cairo_line_to (cr, x + size * 0.80, y + size * 0.26);
      cairo_stroke (cr);
    }
}

/* A section label with a rule under it. */
static gboolean
put_section (Page       *page,
             const char *label)
{
  double height = text_height (page, STYLE_LABEL, label, page->width, 1);

  if (!reserve (page, height + gap (page, 24)))
    return FALSE;

  page->y += gap (page, 10);
  put_text (page, page->left, page->y, page->width, STYLE_LABEL, &accent, label, 1);
  page->y += height + gap (page, 2);
  draw_line (page, page->left, page->y, page->left + page->width, page->y, &rule, 0.8);
  page->y += gap (page, 5);

  return TRUE;
}

/* A paragraph of at most @max_lines at the cursor; FALSE if it did not fit at all. */
static gboolean
put_paragraph (Page        *page,
               double       indent,
               Style        style,
               const Color *color,
               const char  *text,
               int          max_lines)
{
  double width = page->width - indent;
  double height = text_height (page, style, text, width, max_lines);

  if (!reserve (page, height))
    return FALSE;

  put_text (page, page->left + indent, page->y, width, style, color, text, max_lines);
  page->y += height;
  return TRUE;
}

/* A pill with @text, right-aligned to @right; returns its width. */
static double
put_badge (Page        *page,
           double       right,
           double       y,
           const char  *text,
           const Color *fg,
           const Color *bg)
{
  g_autoptr(PangoLayout) layout = make_layout (page, STYLE_LABEL, text, page->width, 1);
  double pad = gap (page, 5);
  double width, height;

  pango_layout_set_width (layout, -1);
  width = layout_width (layout) + 2 * pad;
  height = layout_height (layout) + gap (page, 3);
  fill_rect (page, right - width, y, width, height, height / 2, bg, NULL, 0);
  if (page->draw)
    {
      set_color (page, fg);
      cairo_move_to (page->cr, right - width + pad, y + gap (page, 1.5));
      pango_cairo_show_layout (page->cr, layout);
    }

  return width;
}

/* YYYY-MM-DD as "November 23, 2026" (@long) or "Nov 23". */
static char *
format_date (const char *date,
             gboolean    long_form)
{
  g_autoptr(GDateTime) dt = NULL;
  int y, m, d;

  if (date == NULL || sscanf (date, "%4d-%2d-%2d", &y, &m, &d) != 3 ||
      (dt = g_date_time_new_utc (y, m, d, 12, 0, 0)) == NULL)
    return g_strdup (date != NULL ? date : "");

  /* Translators: a date on a printout; see g_date_time_format() */
  return g_date_time_format (dt, long_form ? _("%B %-d, %Y") : _("%b %-d"));
}

static void
put_footer (Page       *page,
            const char *left_text,
            const char *right_text)
{
  double y = page->page_height - MARGIN - gap (page, 10);

  draw_line (page, page->left, y - gap (page, 5), page->left + page->width, y - gap (page, 5), &rule, 0.6);
  put_text (page, page->left, y, page->width * 0.7, STYLE_SMALL, &muted, left_text, 1);
  put_text_right (page, page->left + page->width, y, STYLE_SMALL, &muted, right_text);
}

/* When blocks were left out, says so just above the footer. */
static void
put_overflow_note (Page *page)
{
  if (!page->overflow)
    return;

  put_text (page, page->left, page->bottom + gap (page, 2), page->width, STYLE_SMALL, &muted,
            _("More is recorded in Trellis than fits on this page."), 1);
}

static void
page_reset (Page     *page,
            cairo_t  *cr,
            gboolean  draw,
            double    scale,
            double    width,
            double    height)
{
  cairo_font_options_t *options = cairo_font_options_create ();

  g_clear_object (&page->pango);
  page->cr = cr;
  page->pango = pango_cairo_create_context (cr);
  pango_cairo_context_set_resolution (page->pango, 72.0);
  /* Unhinted metrics: the measuring and the drawing pass agree. */
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (page->pango, options);
  cairo_font_options_destroy (options);

  page->draw = draw;
  page->scale = scale;
  page->page_width = width;
  page->page_height = height;
  page->left = MARGIN;
  page->width = width - 2 * MARGIN;
  page->y = MARGIN;
  page->bottom = height - MARGIN - FOOTER_HEIGHT * scale - 6;
  page->overflow = FALSE;
}

struct _TrellisPrintout
{
  char           *title;
  RenderFunc      render;
  gpointer        data;
  GDestroyNotify  free_data;
};

static TrellisPrintout *
printout_new (char           *title,
              RenderFunc      render,
              gpointer        data,
              GDestroyNotify  free_data)
{
  TrellisPrintout *printout = g_new0 (TrellisPrintout, 1);

  printout->title = title;
  printout->render = render;
  printout->data = data;
  printout->free_data = free_data;

  return printout;
}

void
trellis_printout_free (TrellisPrintout *printout)
{
  if (printout == NULL)
    return;

  if (printout->free_data != NULL)
    printout->free_data (printout->data);
  g_free (printout->title);
  g_free (printout);
}

/**
 * trellis_printout_get_title:
 *
 * Returns: what the printout is, for a document title or print job name
 */
const char *
trellis_printout_get_title (TrellisPrintout *printout)
{
  g_return_val_if_fail (printout != NULL, NULL);

  return printout->title;
}

/* Every printout fits one page: text is set smaller, or left out, rather. */
guint
trellis_printout_get_n_pages (TrellisPrintout *printout)
{
  g_return_val_if_fail (printout != NULL, 0);

  return 1;
}

/**
 * trellis_printout_draw_page:
 * @cr: where to draw, in points, the page's top left corner at the origin
 * @width: the page's width in points
 * @height: the page's height in points
 *
 * Draws page @page_nr: measures at decreasing type scales on a scratch
 * surface, then draws at the first that fits.
 */
void
trellis_printout_draw_page (TrellisPrintout *printout,
                            cairo_t         *cr,
                            double           width,
                            double           height,
                            guint            page_nr)
{
  cairo_surface_t *scratch;
  cairo_t *measure;
  Page page = { 0 };
  double scale = scales[G_N_ELEMENTS (scales) - 1];
  gboolean fits = FALSE;

  g_return_if_fail (printout != NULL);
  g_return_if_fail (cr != NULL);
  g_return_if_fail (width > 2 * MARGIN && height > 2 * MARGIN);
  g_return_if_fail (page_nr < trellis_printout_get_n_pages (printout));

  /* Measure. */
  scratch = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  measure = cairo_create (scratch);
  for (guint i = 0; i < G_N_ELEMENTS (scales); i++)
    {
      page_reset (&page, measure, FALSE, scales[i], width, height);
      printout->render (&page, printout->data);
      if (!page.overflow)
        {
          scale = scales[i];
          fits = TRUE;
          break;
        }
    }
  cairo_destroy (measure);
  cairo_surface_destroy (scratch);

  /* Draw. */
  cairo_save (cr);
  page_reset (&page, cr, TRUE, scale, width, height);
  /* Room for the note that not everything fits. */
  if (!fits)
    page.bottom -= gap (&page, 12);
  printout->render (&page, printout->data);
  put_overflow_note (&page);
  cairo_restore (cr);
  g_clear_object (&page.pango);
}

/**
 * trellis_printout_write_pdf:
 *
 * Writes the printout as a US Letter PDF to a temporary file beside @path,
 * renamed over @path at the end, so a failure leaves nothing half-written.
 */
gboolean
trellis_printout_write_pdf (TrellisPrintout  *printout,
                            const char       *path,
                            GError          **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *tmp_path = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  int fd;

  g_return_val_if_fail (printout != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  /* A temporary file beside the destination, before any work. */
  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  tmp_path = g_strdup_printf ("%s%c.%s.XXXXXX", dir, G_DIR_SEPARATOR, base);
  fd = g_mkstemp_full (tmp_path, O_WRONLY, 0600);  /* student records: owner only */
  if (fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, TRELLIS_CLASSROOM_ERROR, TRELLIS_CLASSROOM_ERROR_IO,
                   _("Cannot write to “%s”: %s"), path, g_strerror (saved_errno));
      return FALSE;
    }
  close (fd);

  surface = cairo_pdf_surface_create (tmp_path, TRELLIS_PRINT_PAGE_WIDTH, TRELLIS_PRINT_PAGE_HEIGHT);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, printout->title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Trellis");
  cr = cairo_create (surface);
  for (guint i = 0; i < trellis_printout_get_n_pages (printout); i++)
    {
      trellis_printout_draw_page (printout, cr, TRELLIS_PRINT_PAGE_WIDTH, TRELLIS_PRINT_PAGE_HEIGHT, i);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_unlink (tmp_path);
      g_set_error (error, TRELLIS_CLASSROOM_ERROR, TRELLIS_CLASSROOM_ERROR_IO,
                   _("Cannot write to “%s”: %s"), path, cairo_status_to_string (status));
      return FALSE;
    }

  if (g_rename (tmp_path, path) != 0)
    {
      int saved_errno = errno;

      g_unlink (tmp_path);
      g_set_error (error, TRELLIS_CLASSROOM_ERROR, TRELLIS_CLASSROOM_ERROR_IO,
                   _("Cannot write to “%s”: %s"), path, g_strerror (saved_errno));
      return FALSE;
    }

  return TRUE;
}

/* Writes a printout made by @printout (NULL: failed, @error set) to @path. */
static gboolean
write_printout (TrellisPrintout  *printout,
                const char       *path,
                GError          **error)
{
  g_autoptr(TrellisPrintout) owned = printout;

  if (owned == NULL)
    return FALSE;

  return trellis_printout_write_pdf (owned, path, error);
}

/* ------------------------------------------------------------------ */
/* Shared blocks                                                       */

/* "Name (Preferred) · pronouns" */
static char *
dup_learner_heading (TrellisLearner *learner)
{
  GString *text = g_string_new (trellis_learner_get_name (learner));

  if (trellis_learner_get_preferred_name (learner) != NULL)
    g_string_append_printf (text, " (%s)", trellis_learner_get_preferred_name (learner));

  return g_string_free (text, FALSE);
}

/* The header band: a label, the title, a subtitle, the classroom on the right. */
static void
put_header (Page       *page,
            const char *label,
            const char *title,
            const char *aside,
            const char *subtitle,
            const char *classroom_name)
{
  double label_height = text_height (page, STYLE_LABEL, label, page->width, 1);
  double title_width, title_height, x;

  put_text (page, page->left, page->y, page->width * 0.6, STYLE_LABEL, &accent, label, 1);
  put_text_right (page, page->left + page->width, page->y, STYLE_SMALL, &muted, classroom_name);
  page->y += label_height + gap (page, 4);

  {
    g_autoptr(PangoLayout) layout = make_layout (page, STYLE_TITLE, title, page->width * 0.8, 1);

    title_width = MIN (layout_width (layout), page->width * 0.8);
    pango_layout_set_width (layout, -1);
    title_width = MIN (layout_width (layout), page->width * 0.8);
    title_height = layout_height (layout);
  }
  put_text (page, page->left, page->y, page->width * 0.8, STYLE_TITLE, &ink, title, 1);
  if (aside != NULL)
    {
      double aside_height = text_height (page, STYLE_SUBTITLE, aside, page->width, 1);

      x = page->left + title_width + gap (page, 8);
      put_text (page, x, page->y + title_height - aside_height - gap (page, 3),
                page->left + page->width - x, STYLE_SUBTITLE, &muted, aside, 1);
    }
  page->y += title_height + gap (page, 2);

  if (subtitle != NULL)
    page->y += put_text (page, page->left, page->y, page->width, STYLE_SUBTITLE, &muted, subtitle, 2);

  page->y += gap (page, 8);
  draw_line (page, page->left, page->y, page->left + page->width, page->y, &accent, 1.6);
  page->y += gap (page, 4);
}

static const Color *
goal_status_color (TrellisGoalStatus status,
                   const Color     **fill)
{
  static const Color met_fill = { 0xe6 / 255.0, 0xf5 / 255.0, 0xed / 255.0 };

  switch (status)
    {
    case TRELLIS_GOAL_STATUS_MET:
      *fill = &met_fill;
      return &met;
    case TRELLIS_GOAL_STATUS_DROPPED:
      *fill = &card_fill;
      return &muted;
    case TRELLIS_GOAL_STATUS_ACTIVE:
    case TRELLIS_GOAL_STATUS_REVISED:
    default:
      *fill = &accent_fill;
      return &accent;
    }
}

/* One goal: title and status badge, success criteria, target date. */
static gboolean
put_goal (Page              *page,
          const TrellisGoal *goal,
          gboolean           with_criteria)
{
  g_autofree char *criteria = NULL;
  g_autofree char *meta = NULL;
  g_autofree char *target = NULL;
  const Color *fill;
  const Color *color = goal_status_color (goal->status, &fill);
  double badge_room = gap (page, 70);
  double bullet = gap (page, 14);
  double width = page->width - bullet - badge_room;
  double title_height = text_height (page, STYLE_BODY_BOLD, goal->title, width, 2);
  double height = title_height;

  if (with_criteria && goal->success_criteria != NULL)
    {
      criteria = g_strdup_printf (_("I’ll know I’ve met it when: %s"), goal->success_criteria);
      height += text_height (page, STYLE_SMALL, criteria, width, 2);
    }
  if (goal->target_date != NULL)
    {
      target = format_date (goal->target_date, TRUE);
      meta = g_strdup_printf (_("Target: %s"), target);
      height += text_height (page, STYLE_SMALL, meta, width, 1);
    }

  if (!reserve (page, height + gap (page, 5)))
    return FALSE;

  if (page->draw)
    {
      set_color (page, color);
      cairo_arc (page->cr, page->left + gap (page, 4), page->y + gap (page, 7), gap (page, 3), 0, 2 * G_PI);
      cairo_fill (page->cr);
    }
  put_badge (page, page->left + page->width, page->y, trellis_goal_status_get_label (goal->status), color, fill);
  page->y += put_text (page, page->left + bullet, page->y, width, STYLE_BODY_BOLD, &ink, goal->title, 2);
  if (criteria != NULL)
    page->y += put_text (page, page->left + bullet, page->y, width, STYLE_SMALL, &ink, criteria, 2);
  if (meta != NULL)
    page->y += put_text (page, page->left + bullet, page->y, width, STYLE_SMALL, &muted, meta, 1);
  page->y += gap (page, 5);

  return TRUE;
}

/* A reflection: quote bar, text, who wrote it and when. */
static gboolean
put_reflection (Page                    *page,
                const TrellisReflection *reflection,
                TrellisLearner          *learner,
                int                      max_lines)
{
  g_autofree char *date = format_date (reflection->written_on, TRUE);
  g_autofree char *byline = NULL;
  double indent = gap (page, 12);
  double width = page->width - indent;
  Style style = reflection->author == TRELLIS_REFLECTION_AUTHOR_LEARNER ? STYLE_BODY_ITALIC : STYLE_BODY;
  double text_h = text_height (page, style, reflection->text, width, max_lines);
  double byline_h;

  if (reflection->author == TRELLIS_REFLECTION_AUTHOR_LEARNER)
    byline = g_strdup_printf (_("— %s, %s"), trellis_learner_get_display_name (learner), date);
  else
    byline = g_strdup_printf (_("— Teacher’s note, %s"), date);
  byline_h = text_height (page, STYLE_SMALL, byline, width, 1);

  if (!reserve (page, text_h + byline_h + gap (page, 6)))
    return FALSE;

  fill_rect (page, page->left, page->y, gap (page, 3), text_h + byline_h, gap (page, 1.5), &rule, NULL, 0);
  page->y += put_text (page, page->left + indent, page->y, width, style, &ink, reflection->text, max_lines);
  page->y += put_text (page, page->left + indent, page->y, width, STYLE_SMALL, &muted, byline, 1);
  page->y += gap (page, 6);

  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Conference summary                                                  */

typedef struct
{
  char    *code;
  char    *name;
  double   p_known;
  int      n_evidence;
} MasteryRow;

static void
mastery_row_free (MasteryRow *row)
{
  g_free (row->code);
  g_free (row->name);
  g_free (row);
}

typedef struct
{
  TrellisLearner    *learner;
  char              *classroom_name;
  char              *printed_on;
  TrellisConference *conference;
  char              *next_due;
  GPtrArray         *goals;        /* TrellisGoal */
  GPtrArray         *reflections;  /* TrellisReflection */
  GPtrArray         *mastery;      /* MasteryRow */
  gint64             n_evidence;
} ConferenceDoc;

static void
conference_doc_free (gpointer data)
{
  ConferenceDoc *doc = data;

  g_clear_object (&doc->learner);
  g_free (doc->classroom_name);
  g_free (doc->printed_on);
  g_clear_pointer (&doc->conference, trellis_conference_free);
  g_free (doc->next_due);
  g_clear_pointer (&doc->goals, g_ptr_array_unref);
  g_clear_pointer (&doc->reflections, g_ptr_array_unref);
  g_clear_pointer (&doc->mastery, g_ptr_array_unref);
  g_free (doc);
}

static void
put_mastery_row (Page             *page,
                 const MasteryRow *row)
{
  double code_width = gap (page, 150);
  double bar_width = gap (page, 110);
  double count_width = gap (page, 70);
  double name_width = page->width - code_width - bar_width - count_width - gap (page, 18);
  double height = MAX (text_height (page, STYLE_SMALL, row->name, name_width, 1),
                       text_height (page, STYLE_SMALL, row->code, code_width, 1));
  double bar_x = page->left + code_width + name_width + gap (page, 12);
  double bar_h = gap (page, 6);
  g_autofree char *count = NULL;
  g_autofree char *percent = NULL;

  if (!reserve (page, height + gap (page, 3)))
    return;

  put_text (page, page->left, page->y, code_width, STYLE_SMALL, &muted, row->code, 1);
  put_text (page, page->left + code_width + gap (page, 6), page->y, name_width, STYLE_SMALL, &ink, row->name, 1);
  fill_rect (page, bar_x, page->y + (height - bar_h) / 2, bar_width - gap (page, 28), bar_h, bar_h / 2,
             &card_fill, &rule, 0.5);
  fill_rect (page, bar_x, page->y + (height - bar_h) / 2, MAX ((bar_width - gap (page, 28)) * row->p_known, bar_h),
             bar_h, bar_h / 2, row->p_known >= 0.95 ? &met : &accent, NULL, 0);
  percent = g_strdup_printf ("%d%%", (int)(row->p_known * 100 + 0.5));
  put_text_right (page, bar_x + bar_width, page->y, STYLE_SMALL_BOLD, &ink, percent);
  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d piece of evidence", "%d pieces of evidence",
                                        row->n_evidence),
                           row->n_evidence);
  put_text_right (page, page->left + page->width, page->y, STYLE_SMALL, &muted, count);
  page->y += height + gap (page, 3);
}

static void
render_conference (Page     *page,
                   gpointer  data)
{
  ConferenceDoc *doc = data;
  g_autofree char *title = dup_learner_heading (doc->learner);
  g_autofree char *held = format_date (doc->conference->held_on, TRUE);
  g_autofree char *due = format_date (doc->next_due, TRUE);
  g_autofree char *footer = NULL;
  GString *subtitle = g_string_new (NULL);
  g_autofree char *subtitle_text = NULL;

  g_string_append_printf (subtitle, _("Conference on %s"), held);
  if (doc->conference->duration_seconds > 0)
    {
      int minutes = MAX (1, (doc->conference->duration_seconds + 30) / 60);

      g_string_append (subtitle, " · ");
      g_string_append_printf (subtitle, g_dngettext (GETTEXT_PACKAGE, "%d minute", "%d minutes", minutes), minutes);
    }
  g_string_append (subtitle, " · ");
  g_string_append_printf (subtitle, _("Next conference due %s"), due);
  subtitle_text = g_string_free (subtitle, FALSE);

  put_header (page, _("Conference summary"), title, trellis_learner_get_pronouns (doc->learner),
              subtitle_text, doc->classroom_name);

  if (put_section (page, _("Goals")))
    {
      if (doc->goals->len == 0)
        put_paragraph (page, 0, STYLE_BODY, &muted, _("No goals yet."), 1);
      for (guint i = 0; i < doc->goals->len; i++)
        put_goal (page, g_ptr_array_index (doc->goals, i), TRUE);
    }

  if (put_section (page, _("Notes")))
    put_paragraph (page, 0, STYLE_BODY, &ink,
                   doc->conference->notes != NULL ? doc->conference->notes : _("No notes were written."), 8);

  /* Next steps, in a tinted box: what was agreed. */
  if (put_section (page, _("Agreed next steps")))
    {
      const char *text = doc->conference->next_steps != NULL ? doc->conference->next_steps
                                                             : _("No next steps were written.");
      double pad = gap (page, 8);
      double height = text_height (page, STYLE_BODY_BOLD, text, page->width - 2 * pad, 6);

      if (reserve (page, height + 2 * pad))
        {
          fill_rect (page, page->left, page->y, page->width, height + 2 * pad, gap (page, 4), &accent_fill, NULL, 0);
          put_text (page, page->left + pad, page->y + pad, page->width - 2 * pad, STYLE_BODY_BOLD, &ink, text, 6);
          page->y += height + 2 * pad;
        }
    }

  if (doc->reflections->len > 0)
    {
      g_autofree char *label = NULL;
      gboolean by_learner = FALSE;

      for (guint i = 0; i < doc->reflections->len; i++)
        if (((TrellisReflection *)g_ptr_array_index (doc->reflections, i))->author == TRELLIS_REFLECTION_AUTHOR_LEARNER)
          by_learner = TRUE;
      label = by_learner ? g_strdup_printf (_("In %s’s words"), trellis_learner_get_display_name (doc->learner))
                         : g_strdup (_("Reflection"));

      if (put_section (page, label))
        for (guint i = 0; i < doc->reflections->len; i++)
          put_reflection (page, g_ptr_array_index (doc->reflections, i), doc->learner, 5);
    }

  if (put_section (page, _("Mastery summary")))
    {
      if (doc->mastery->len == 0)
        {
          g_autofree char *text = NULL;

          if (doc->n_evidence > 0)
            text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                 "%d piece of evidence recorded; the mastery model has not been fitted yet.",
                                                 "%d pieces of evidence recorded; the mastery model has not been fitted yet.",
                                                 (gulong)doc->n_evidence),
                                    (int)doc->n_evidence);
          else
            text = g_strdup (_("No evidence recorded yet."));
          put_paragraph (page, 0, STYLE_BODY, &muted, text, 2);
        }
      for (guint i = 0; i < doc->mastery->len; i++)
        put_mastery_row (page, g_ptr_array_index (doc->mastery, i));
    }

  footer = g_strdup_printf (_("Confidential student record · Printed %s from Trellis"), doc->printed_on);
  put_footer (page, footer, trellis_learner_get_name (doc->learner));
}

static GPtrArray *
load_mastery (TrellisClassroom  *classroom,
              TrellisLearner    *learner,
              GError           **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify)mastery_row_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = trellis_classroom_prepare (classroom,
                                    "SELECT s.code, s.name, m.p_known, m.n_evidence FROM mastery_state m "
                                    "JOIN skills s ON s.id = m.skill_id WHERE m.learner_id = ?1 "
                                    "ORDER BY s.position, s.code",
                                    error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, trellis_learner_get_id (learner));

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      MasteryRow *row = g_new0 (MasteryRow, 1);

      row->code = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
      row->name = g_strdup ((const char *)sqlite3_column_text (stmt, 1));
      row->p_known = CLAMP (sqlite3_column_double (stmt, 2), 0.0, 1.0);
      row->n_evidence = sqlite3_column_int (stmt, 3);
      g_ptr_array_add (rows, row);
    }

  if (rc != SQLITE_DONE)
    {
      trellis_classroom_set_db_error (classroom, rc, error);
      return NULL;
    }

  return g_steal_pointer (&rows);
}

static gint64
count_evidence (TrellisClassroom *classroom,
                TrellisLearner   *learner)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = trellis_classroom_prepare (classroom, "SELECT count(*) FROM evidence WHERE learner_id = ?1", NULL);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, trellis_learner_get_id (learner));

  return sqlite3_step (stmt) == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
}

/**
 * trellis_printout_new_conference:
 *
 * Reads the learner's latest conference: goals, notes, next steps,
 * reflection, mastery.
 *
 * Returns: (transfer full) (nullable): the printout, or %NULL with @error set
 */
TrellisPrintout *
trellis_printout_new_conference (TrellisClassroom  *classroom,
                                 TrellisLearner    *learner,
                                 GError           **error)
{
  g_autoptr(TrellisConference) conference = NULL;
  g_autoptr(GPtrArray) all_goals = NULL;
  g_autoptr(GPtrArray) goals = g_ptr_array_new_with_free_func ((GDestroyNotify)trellis_goal_free);
  g_autoptr(GPtrArray) reflections = NULL;
  g_autoptr(GPtrArray) mastery = NULL;
  g_autofree char *next_due = NULL;
  g_autofree char *today = NULL;
  ConferenceDoc *doc;

  g_return_val_if_fail (TRELLIS_IS_CLASSROOM (classroom), NULL);
  g_return_val_if_fail (TRELLIS_IS_LEARNER (learner), NULL);

  if (!_trellis_check_learner (classroom, learner, error) ||
      (conference = trellis_profile_get_latest_conference (classroom, learner, error)) == NULL ||
      (all_goals = trellis_profile_list_goals (classroom, learner, error)) == NULL ||
      (reflections = trellis_profile_list_conference_reflections (classroom, conference->id, error)) == NULL ||
      (mastery = load_mastery (classroom, learner, error)) == NULL ||
      (next_due = trellis_profile_next_conference_due (classroom, learner, error)) == NULL)
    return NULL;

  /* The goals that were open then, or changed in the conference. */
  for (guint i = 0; i < all_goals->len; i++)
    {
      TrellisGoal *goal = g_ptr_array_index (all_goals, i);

      if (g_strcmp0 (goal->created_on, conference->held_on) > 0)
        continue;
      if (goal->status == TRELLIS_GOAL_STATUS_ACTIVE || goal->status == TRELLIS_GOAL_STATUS_REVISED ||
          g_strcmp0 (goal->updated_on, conference->held_on) >= 0)
        {
          g_ptr_array_add (goals, g_steal_pointer (&all_goals->pdata[i]));
        }
    }

  /* Without a reflection tied to it, the learner's latest words before it. */
  if (reflections->len == 0)
    {
      g_autoptr(GPtrArray) recent = trellis_profile_list_reflections (classroom, learner, 0, error);

      if (recent == NULL)
        return NULL;
      for (guint i = 0; i < recent->len; i++)
        {
          TrellisReflection *reflection = g_ptr_array_index (recent, i);

          if (reflection->author == TRELLIS_REFLECTION_AUTHOR_LEARNER &&
              g_strcmp0 (reflection->written_on, conference->held_on) <= 0)
            {
              g_ptr_array_add (reflections, g_ptr_array_steal_index (recent, i));
              break;
            }
        }
    }

  today = trellis_classroom_today (classroom);
  doc = g_new0 (ConferenceDoc, 1);
  doc->learner = g_object_ref (learner);
  doc->classroom_name = g_strdup (trellis_classroom_get_name (classroom));
  doc->printed_on = format_date (today, TRUE);
  doc->conference = g_steal_pointer (&conference);
  doc->next_due = g_steal_pointer (&next_due);
  doc->goals = g_steal_pointer (&goals);
  doc->reflections = g_steal_pointer (&reflections);
  doc->mastery = g_steal_pointer (&mastery);
  doc->n_evidence = count_evidence (classroom, learner);

  return printout_new (g_strdup_printf (_("Conference summary: %s"), trellis_learner_get_name (learner)),
                       render_conference, doc, conference_doc_free);
}

gboolean
trellis_print_conference (TrellisClassroom  *classroom,
                          TrellisLearner    *learner,
                          const char        *path,
                          GError           **error)
{
  g_return_val_if_fail (TRELLIS_IS_CLASSROOM (classroom), FALSE);
  g_return_val_if_fail (TRELLIS_IS_LEARNER (learner), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  return write_printout (trellis_printout_new_conference (classroom, learner, error), path, error);
}

/* ------------------------------------------------------------------ */
/* Learner profile                                                     */

typedef struct
{
  TrellisClassroom        *classroom;
  TrellisLearner          *learner;
  char                    *printed_on;
  GPtrArray               *entries;      /* TrellisProfileEntry */
  TrellisProfileFreshness  freshness;
  GPtrArray               *goals;
  GPtrArray               *reflections;
  GPtrArray               *conferences;
  char                    *next_due;
} ProfileDoc;

static void
profile_doc_free (gpointer data)
{
  ProfileDoc *doc = data;

  g_clear_object (&doc->classroom);
  g_clear_object (&doc->learner);
  g_free (doc->printed_on);
  g_clear_pointer (&doc->entries, g_ptr_array_unref);
  trellis_profile_freshness_clear (&doc->freshness);
  g_clear_pointer (&doc->goals, g_ptr_array_unref);
  g_clear_pointer (&doc->reflections, g_ptr_array_unref);
  g_clear_pointer (&doc->conferences, g_ptr_array_unref);
  g_free (doc->next_due);
  g_free (doc);
}

/* The height of one kind's card, drawing it when @draw. */
static double
put_kind_card (Page                 *page,
               ProfileDoc           *doc,
               TrellisProfileKind    kind,
               double                x,
               double                y,
               double                width,
               double                min_height,
               int                   max_entries)
{
  g_autofree char *revisited = NULL;
  g_autofree char *revisited_text = NULL;
  double pad = gap (page, 8);
  double inner = width - 2 * pad;
  double cy = y + pad;
  double bullet = gap (page, 9);
  double height = 0;
  int shown = 0;
  int total = 0;
  gboolean draw = page->draw;

  for (guint i = 0; i < doc->entries->len; i++)
    if (((TrellisProfileEntry *)g_ptr_array_index (doc->entries, i))->kind == kind)
      total++;

  /* Measure first, then draw the background under the text. */
  for (int pass = draw ? 0 : 1; pass < 2; pass++)
    {
      page->draw = draw && pass == 1;
      cy = y + pad;
      shown = 0;

      if (pass == 1 && draw)
        fill_rect (page, x, y, width, MAX (min_height, height), gap (page, 5), &card_fill, NULL, 0);

      cy += put_text (page, x + pad, cy, inner, STYLE_SMALL_BOLD, &ink, trellis_profile_kind_get_label (kind), 1);
      if (doc->freshness.last_revisited[kind] != NULL)
        {
          revisited = format_date (doc->freshness.last_revisited[kind], TRUE);
          g_free (revisited_text);
          revisited_text = g_strdup_printf (_("Revisited %s"), revisited);
          g_clear_pointer (&revisited, g_free);
        }
      else
        {
          g_free (revisited_text);
          revisited_text = g_strdup (_("Nothing recorded yet"));
        }
      cy += put_text (page, x + pad, cy, inner, STYLE_SMALL, &muted, revisited_text, 1) + gap (page, 3);

      for (guint i = 0; i < doc->entries->len && shown < max_entries; i++)
        {
          TrellisProfileEntry *entry = g_ptr_array_index (doc->entries, i);

          if (entry->kind != kind)
            continue;

          if (page->draw)
            {
              set_color (page, &accent);
              cairo_arc (page->cr, x + pad + gap (page, 2.5), cy + gap (page, 6), gap (page, 2), 0, 2 * G_PI);
              cairo_fill (page->cr);
            }
          cy += put_text (page, x + pad + bullet, cy, inner - bullet, STYLE_BODY, &ink, entry->text, 3);
          cy += gap (page, 2);
          shown++;
        }

      if (total > shown)
        {
          g_autofree char *more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "and %d more", "and %d more",
                                                                total - shown),
                                                   total - shown);
          cy += put_text (page, x + pad + bullet, cy, inner - bullet, STYLE_SMALL, &muted, more, 1);
        }

      height = cy - y + pad;
    }

  page->draw = draw;
  return MAX (min_height, height);
}

/* Beside the last kind card: how many conferences, and when the next is
 * due.  Returns the card's height (at least @min_height). */
static double
put_conference_card (Page       *page,
                     ProfileDoc *doc,
                     double      x,
                     double      y,
                     double      width,
                     double      min_height)
{
  g_autofree char *due = format_date (doc->next_due, TRUE);
  g_autofree char *count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u conference so far",
                                                         "%u conferences so far",
                                                         doc->conferences->len),
                                            doc->conferences->len);
  g_autofree char *next = g_strdup_printf (_("Next conference due %s"), due);
  double pad = gap (page, 8);
  double inner = width - 2 * pad;
  double cy = y + pad;
  double height;

  cy += put_text (page, x + pad, cy, inner, STYLE_SMALL_BOLD, &ink, _("Conferences"), 1);
  cy += put_text (page, x + pad, cy, inner, STYLE_SMALL, &muted, count, 1);
  cy += gap (page, 3);
  cy += put_text (page, x + pad, cy, inner, STYLE_BODY, &ink, next, 2);
  height = MAX (min_height, cy - y + pad);

  /* An outline only, drawn after the text, so it needs no measuring pass. */
  fill_rect (page, x, y, width, height, gap (page, 5), NULL, &rule, 0.8);

  return height;
}

static void
render_profile (Page     *page,
                gpointer  data)
{
  static const TrellisProfileKind order[] = {
    TRELLIS_PROFILE_KIND_INTEREST, TRELLIS_PROFILE_KIND_STRENGTH,
    TRELLIS_PROFILE_KIND_PREFERENCE, TRELLIS_PROFILE_KIND_EXPERIENCE,
    TRELLIS_PROFILE_KIND_NEED,
  };
  ProfileDoc *doc = data;
  g_autofree char *title = dup_learner_heading (doc->learner);
  g_autofree char *subtitle = NULL;
  g_autofree char *footer = NULL;
  g_autofree char *level = NULL;
  double column_gap = gap (page, 10);
  double column_width = (page->width - column_gap) / 2;
  int max_entries = page->scale >= 0.88 ? 4 : 3;

  level = g_strdup_printf (_("Self-regulation level %u: %s"), trellis_learner_get_self_regulation (doc->learner),
                           trellis_profile_describe_self_regulation (trellis_learner_get_self_regulation (doc->learner)));
  if (doc->freshness.last_revisited_any != NULL)
    {
      g_autofree char *revisited = format_date (doc->freshness.last_revisited_any, TRUE);

      subtitle = g_strdup_printf (doc->freshness.stale ? _("Profile last revisited %s — time to revisit it")
                                                       : _("Profile last revisited %s"),
                                  revisited);
    }
  else
    subtitle = g_strdup (_("The profile is empty — time to get to know this learner"));

  put_header (page, _("Learner profile"), title, trellis_learner_get_pronouns (doc->learner), subtitle,
              trellis_classroom_get_name (doc->classroom));
  put_paragraph (page, 0, STYLE_SMALL, &muted, level, 2);

  /* The five kinds as cards, two per row. */
  if (put_section (page, _("Who they are")))
    {
      for (guint i = 0; i < G_N_ELEMENTS (order); i += 2)
        {
          gboolean draw = page->draw;
          double left_h, right_h = 0, row_h;

          page->draw = FALSE;
          left_h = put_kind_card (page, doc, order[i], page->left, page->y, column_width, 0, max_entries);
          if (i + 1 < G_N_ELEMENTS (order))
            right_h = put_kind_card (page, doc, order[i + 1], page->left + column_width + column_gap, page->y,
                                     column_width, 0, max_entries);
          else
            right_h = put_conference_card (page, doc, page->left + column_width + column_gap, page->y,
                                           column_width, 0);
          page->draw = draw;
          row_h = MAX (left_h, right_h);

          if (!reserve (page, row_h + column_gap))
            break;

          put_kind_card (page, doc, order[i], page->left, page->y, column_width, row_h, max_entries);
          if (i + 1 < G_N_ELEMENTS (order))
            put_kind_card (page, doc, order[i + 1], page->left + column_width + column_gap, page->y,
                           column_width, row_h, max_entries);
          else
            put_conference_card (page, doc, page->left + column_width + column_gap, page->y,
                                 column_width, row_h);
          page->y += row_h + column_gap;
        }
    }

  if (put_section (page, _("Goals")))
    {
      guint shown = 0;

      if (doc->goals->len == 0)
        put_paragraph (page, 0, STYLE_BODY, &muted, _("No goals yet."), 1);
      for (guint i = 0; i < doc->goals->len && shown < 5; i++)
        {
          TrellisGoal *goal = g_ptr_array_index (doc->goals, i);

          if (goal->status == TRELLIS_GOAL_STATUS_DROPPED)
            continue;
          put_goal (page, goal, page->scale >= 0.82);
          shown++;
        }
    }

  if (put_section (page, _("Recent reflections")))
    {
      if (doc->reflections->len == 0)
        put_paragraph (page, 0, STYLE_BODY, &muted, _("No reflections yet."), 1);
      for (guint i = 0; i < doc->reflections->len; i++)
        put_reflection (page, g_ptr_array_index (doc->reflections, i), doc->learner, 3);
    }

  footer = g_strdup_printf (_("Confidential student record · Printed %s from Trellis"), doc->printed_on);
  put_footer (page, footer, trellis_learner_get_name (doc->learner));
}

/**
 * trellis_printout_new_profile:
 *
 * Reads the learner's profile by kind with revisited dates, goals and
 * recent reflections.
 *
 * Returns: (transfer full) (nullable): the printout, or %NULL with @error set
 */
TrellisPrintout *
trellis_printout_new_profile (TrellisClassroom  *classroom,
                              TrellisLearner    *learner,
                              GError           **error)
{
  g_autofree char *today = NULL;
  ProfileDoc *doc;

  g_return_val_if_fail (TRELLIS_IS_CLASSROOM (classroom), NULL);
  g_return_val_if_fail (TRELLIS_IS_LEARNER (learner), NULL);

  if (!_trellis_check_learner (classroom, learner, error))
    return NULL;

  doc = g_new0 (ProfileDoc, 1);
  doc->classroom = g_object_ref (classroom);
  doc->learner = g_object_ref (learner);
  if ((doc->entries = trellis_profile_list_entries (classroom, learner, error)) == NULL ||
      (doc->goals = trellis_profile_list_goals (classroom, learner, error)) == NULL ||
      (doc->reflections = trellis_profile_list_reflections (classroom, learner, 3, error)) == NULL ||
      (doc->conferences = trellis_profile_list_conferences (classroom, learner, error)) == NULL ||
      (doc->next_due = trellis_profile_next_conference_due (classroom, learner, error)) == NULL ||
      !trellis_profile_get_freshness (classroom, learner, &doc->freshness, error))
    {
      profile_doc_free (doc);
      return NULL;
    }

  today = trellis_classroom_today (classroom);
  doc->printed_on = format_date (today, TRUE);

  return printout_new (g_strdup_printf (_("Learner profile: %s"), trellis_learner_get_name (learner)),
                       render_profile, doc, profile_doc_free);
}

gboolean
trellis_print_profile (TrellisClassroom  *classroom,
                       TrellisLearner    *learner,
                       const char        *path,
                       GError           **error)
{
  g_return_val_if_fail (TRELLIS_IS_CLASSROOM (classroom), FALSE);
  g_return_val_if_fail (TRELLIS_IS_LEARNER (learner), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  return write_printout (trellis_printout_new_profile (classroom, learner, error), path, error);
}

/* ------------------------------------------------------------------ */
/* Choice board                                                        */

typedef struct
{
  TrellisClassroom *classroom;
  TrellisPlaylist  *playlist;
  TrellisLearner   *learner;       /* nullable */
  char             *printed_on;
  GPtrArray        *nodes;         /* TrellisNode, top level */
  GHashTable       *options;       /* group → GPtrArray of offered TrellisNode */
  GHashTable       *n_options;     /* group → all options, as GUINT_TO_POINTER */
  GHashTable       *chosen;        /* option → itself, for the learner's choices */
  GHashTable       *formats;       /* node → char * ("essay, video") */
} BoardDoc;

static void
board_doc_free (gpointer data)
{
  BoardDoc *doc = data;

  g_clear_object (&doc->classroom);
  g_clear_object (&doc->playlist);
  g_clear_object (&doc->learner);
  g_free (doc->printed_on);
  g_clear_pointer (&doc->formats, g_hash_table_unref);
  g_clear_pointer (&doc->chosen, g_hash_table_unref);
  g_clear_pointer (&doc->n_options, g_hash_table_unref);
  g_clear_pointer (&doc->options, g_hash_table_unref);
  g_clear_pointer (&doc->nodes, g_ptr_array_unref);
  g_free (doc);
}

static char *
dup_node_meta (BoardDoc    *doc,
               TrellisNode *node,
               gboolean     with_date)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  const char *formats = g_hash_table_lookup (doc->formats, node);
  int minutes = trellis_node_get_estimated_minutes (node);

  if (with_date && trellis_node_get_suggested_date (node) != NULL)
    {
      g_autofree char *date = format_date (trellis_node_get_suggested_date (node), FALSE);
      g_ptr_array_add (parts, g_strdup_printf (_("By %s"), date));
    }
  if (minutes > 0)
    g_ptr_array_add (parts, g_strdup_printf (_("%d min"), minutes));
  switch (trellis_node_get_social_mode (node))
    {
    case TRELLIS_SOCIAL_MODE_PAIR:
      g_ptr_array_add (parts, g_strdup (_("with a partner")));
      break;
    case TRELLIS_SOCIAL_MODE_GROUP:
      g_ptr_array_add (parts, g_strdup (_("in a group")));
      break;
    case TRELLIS_SOCIAL_MODE_SOLO:
    default:
      g_ptr_array_add (parts, g_strdup (_("on your own")));
      break;
    }
  if (formats != NULL)
    g_ptr_array_add (parts, g_strdup (formats));
  g_ptr_array_add (parts, NULL);

  return g_strjoinv (" · ", (char **)parts->pdata);
}

static void
put_board_activity (Page        *page,
                    BoardDoc    *doc,
                    TrellisNode *node)
{
  g_autofree char *meta = dup_node_meta (doc, node, TRUE);
  double box = gap (page, 10);
  double indent = box + gap (page, 8);
  double width = page->width - indent;
  double height = text_height (page, STYLE_BODY_BOLD, trellis_node_get_title (node), width, 1) +
                  text_height (page, STYLE_SMALL, meta, width, 1);

  if (!reserve (page, height + gap (page, 7)))
    return;

  draw_checkbox (page, page->left, page->y + gap (page, 2), box, FALSE, FALSE);
  page->y += put_text (page, page->left + indent, page->y, width, STYLE_BODY_BOLD, &ink,
                       trellis_node_get_title (node), 1);
  page->y += put_text (page, page->left + indent, page->y, width, STYLE_SMALL, &muted, meta, 1);
  page->y += gap (page, 7);
}

static void
put_board_milestone (Page        *page,
                     BoardDoc    *doc,
                     TrellisNode *node)
{
  g_autofree char *due = NULL;
  g_autofree char *show = NULL;
  g_autofree char *checkin = NULL;
  const char *target = trellis_node_get_target_date (node);
  double pad = gap (page, 7);
  double strip = gap (page, 4);
  double x = page->left + strip + pad;
  double due_room = gap (page, 90);
  double width = page->width - strip - 2 * pad;
  double height;

  due = target != NULL ? format_date (target, FALSE) : g_strdup (_("No date"));
  if (trellis_node_get_must_show (node) != NULL)
    show = g_strdup_printf (_("Show: %s"), trellis_node_get_must_show (node));
  checkin = g_strdup (_("Checked in on ____________   Teacher ____________"));

  height = text_height (page, STYLE_LABEL, _("Must do"), width, 1) + gap (page, 1) +
           text_height (page, STYLE_BODY_BOLD, trellis_node_get_title (node), width - due_room, 1) +
           (show != NULL ? text_height (page, STYLE_SMALL, show, width, 2) : 0) + gap (page, 4) +
           text_height (page, STYLE_SMALL, checkin, width, 1);

  if (!reserve (page, height + 2 * pad + gap (page, 7)))
    return;

  fill_rect (page, page->left, page->y, page->width, height + 2 * pad, gap (page, 4), &must_fill, &must, 1.2);
  fill_rect (page, page->left, page->y, strip + gap (page, 2), height + 2 * pad, gap (page, 2), &must, NULL, 0);

  {
    double y = page->y + pad;
    double due_width;

    due_width = put_text_right (page, page->left + page->width - pad, y, STYLE_HEADING, &must, due);
    put_text_right (page, page->left + page->width - pad - due_width - gap (page, 5), y + gap (page, 3),
                    STYLE_LABEL, &must, _("Due"));
    y += put_text (page, x, y, width - due_room, STYLE_LABEL, &must, _("Must do"), 1) + gap (page, 1);
    y += put_text (page, x, y, width - due_room, STYLE_BODY_BOLD, &ink, trellis_node_get_title (node), 1);
    if (show != NULL)
      y += put_text (page, x, y, width, STYLE_SMALL, &ink, show, 2);
    y += gap (page, 4);
    put_text (page, x, y, width, STYLE_SMALL, &muted, checkin, 1);
  }

  page->y += height + 2 * pad + gap (page, 7);
}

/* The height of an option card's content. */
static double
put_option_card (Page        *page,
                 BoardDoc    *doc,
                 TrellisNode *option,
                 double       x,
                 double       y,
                 double       width,
                 double       height)
{
  g_autofree char *meta = dup_node_meta (doc, option, FALSE);
  gboolean chosen = g_hash_table_contains (doc->chosen, option);
  double pad = gap (page, 7);
  double box = gap (page, 10);
  double inner = width - 2 * pad - box - gap (page, 6);
  double tx = x + pad + box + gap (page, 6);
  double cy = y + pad;
  const char *tag = NULL;

  if (trellis_node_get_is_starter (option))
    tag = _("Starter");
  else if (trellis_node_get_is_challenge (option))
    tag = _("Challenge");

  if (height > 0)
    fill_rect (page, x, y, width, height, gap (page, 5), chosen ? &accent_fill : &white, chosen ? &accent : &rule,
               chosen ? 1.4 : 0.9);
  draw_checkbox (page, x + pad, cy + gap (page, 1), box, TRUE, chosen);
  cy += put_text (page, tx, cy, inner, STYLE_BODY_BOLD, &ink, trellis_node_get_title (option), 2);
  cy += put_text (page, tx, cy, inner, STYLE_SMALL, &muted, meta, 3);
  if (tag != NULL)
    {
      g_autoptr(PangoLayout) layout = make_layout (page, STYLE_LABEL, tag, inner, 1);

      cy += gap (page, 3);
      put_badge (page, tx + MIN (layout_width (layout), inner) + gap (page, 10), cy, tag,
                 trellis_node_get_is_starter (option) ? &met : &must, &card_fill);
      cy += layout_height (layout) + gap (page, 3);
    }

  return cy - y + pad;
}

static void
put_board_choice (Page        *page,
                  BoardDoc    *doc,
                  TrellisNode *group)
{
  GPtrArray *offered = g_hash_table_lookup (doc->options, group);
  guint n_all = GPOINTER_TO_UINT (g_hash_table_lookup (doc->n_options, group));
  guint choose_min = trellis_node_get_choose_min (group);
  guint choose_max = trellis_node_get_choose_max (group);
  g_autofree char *label = NULL;
  g_autofree char *note = NULL;
  guint columns;
  double column_gap = gap (page, 8);
  double card_width;
  double head;
  double cards_height = 0;
  double line_height;

  if (choose_min == choose_max)
    label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Choose %u", "Choose %u", choose_max), choose_max);
  else if (choose_min == 0)
    label = g_strdup_printf (_("Choose up to %u"), choose_max);
  else
    label = g_strdup_printf (_("Choose %u to %u"), choose_min, choose_max);

  if (doc->learner != NULL && offered->len < n_all)
    note = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u option picked for you", "%u options picked for you",
                                         offered->len),
                            offered->len);

  columns = CLAMP (offered->len, 1, 3);
  card_width = (page->width - (columns - 1) * column_gap) / columns;

  head = text_height (page, STYLE_LABEL, label, page->width, 1) + gap (page, 1) +
         text_height (page, STYLE_HEADING, trellis_node_get_title (group), page->width, 1) + gap (page, 5);

  /* Rows of cards, each as tall as its tallest card. */
  for (guint i = 0; i < offered->len; i += columns)
    {
      double row = 0;

      for (guint j = i; j < MIN (i + columns, offered->len); j++)
        {
          gboolean draw = page->draw;

          page->draw = FALSE;
          row = MAX (row, put_option_card (page, doc, g_ptr_array_index (offered, j), 0, 0, card_width, 0));
          page->draw = draw;
        }
      cards_height += row + column_gap;
    }

  line_height = doc->learner == NULL ? text_height (page, STYLE_SMALL, "M", page->width, 1) + gap (page, 6) : 0;

  if (!reserve (page, head + cards_height + line_height + gap (page, 4)))
    return;

  {
    double y = page->y;
    double label_height = put_text (page, page->left, y, page->width * 0.6, STYLE_LABEL, &accent, label, 1);

    if (note != NULL)
      put_text_right (page, page->left + page->width, y, STYLE_SMALL, &muted, note);
    y += label_height + gap (page, 1);
    y += put_text (page, page->left, y, page->width, STYLE_HEADING, &ink, trellis_node_get_title (group), 1);
    page->y = y + gap (page, 5);
  }

  for (guint i = 0; i < offered->len; i += columns)
    {
      double row = 0;

      for (guint j = i; j < MIN (i + columns, offered->len); j++)
        {
          gboolean draw = page->draw;

          page->draw = FALSE;
          row = MAX (row, put_option_card (page, doc, g_ptr_array_index (offered, j), 0, 0, card_width, 0));
          page->draw = draw;
        }
      for (guint j = i; j < MIN (i + columns, offered->len); j++)
        put_option_card (page, doc, g_ptr_array_index (offered, j),
                         page->left + (j - i) * (card_width + column_gap), page->y, card_width, row);
      page->y += row + column_gap;
    }

  if (doc->learner == NULL)
    {
      g_autoptr(PangoLayout) layout = make_layout (page, STYLE_SMALL_BOLD, _("My choice:"), page->width, 1);
      double x;

      pango_layout_set_width (layout, -1);
      x = page->left + layout_width (layout) + gap (page, 6);
      put_text (page, page->left, page->y, page->width, STYLE_SMALL_BOLD, &ink, _("My choice:"), 1);
      draw_line (page, x, page->y + line_height - gap (page, 6), page->left + page->width,
                 page->y + line_height - gap (page, 6), &muted, 0.6);
      page->y += line_height;
    }

  page->y += gap (page, 4);
}

static void
render_board (Page     *page,
              gpointer  data)
{
  BoardDoc *doc = data;
  g_autofree char *subtitle = NULL;
  g_autofree char *footer = NULL;
  const char *starts = trellis_playlist_get_starts_on (doc->playlist);
  const char *ends = trellis_playlist_get_ends_on (doc->playlist);

  if (starts != NULL && ends != NULL)
    {
      g_autofree char *s = format_date (starts, TRUE);
      g_autofree char *e = format_date (ends, TRUE);

      subtitle = g_strdup_printf (_("%s to %s"), s, e);
    }

  put_header (page, _("Choice board"), trellis_playlist_get_title (doc->playlist), NULL, subtitle,
              trellis_classroom_get_name (doc->classroom));

  if (trellis_playlist_get_description (doc->playlist) != NULL)
    {
      put_paragraph (page, 0, STYLE_SMALL, &ink, trellis_playlist_get_description (doc->playlist), 3);
      page->y += gap (page, 6);
    }

  /* The name line: filled in for one learner, blank for the class. */
  {
    g_autoptr(PangoLayout) layout = make_layout (page, STYLE_BODY_BOLD, _("Name:"), page->width, 1);
    double line_h = layout_height (layout) + gap (page, 4);
    double x;

    if (reserve (page, line_h + gap (page, 10)))
      {
        pango_layout_set_width (layout, -1);
        x = page->left + layout_width (layout) + gap (page, 6);
        put_text (page, page->left, page->y, page->width, STYLE_BODY_BOLD, &ink, _("Name:"), 1);
        if (doc->learner != NULL)
          {
            g_autofree char *level = g_strdup_printf (_("Level %u choices"),
                                                      trellis_learner_get_self_regulation (doc->learner));

            put_text (page, x, page->y, page->width * 0.6, STYLE_BODY, &ink,
                      trellis_learner_get_name (doc->learner), 1);
            put_text_right (page, page->left + page->width, page->y, STYLE_SMALL, &muted, level);
          }
        draw_line (page, x, page->y + line_h, page->left + page->width * (doc->learner != NULL ? 0.7 : 1.0),
                   page->y + line_h, &muted, 0.6);
        page->y += line_h + gap (page, 10);
      }
  }

  for (guint i = 0; i < doc->nodes->len; i++)
    {
      TrellisNode *node = g_ptr_array_index (doc->nodes, i);

      switch (trellis_node_get_kind (node))
        {
        case TRELLIS_NODE_KIND_MILESTONE:
          put_board_milestone (page, doc, node);
          break;
        case TRELLIS_NODE_KIND_CHOICE:
          put_board_choice (page, doc, node);
          break;
        case TRELLIS_NODE_KIND_ACTIVITY:
        default:
          put_board_activity (page, doc, node);
          break;
        }
    }

  footer = g_strdup_printf (_("Printed %s from Trellis"), doc->printed_on);
  put_footer (page, footer, trellis_playlist_get_title (doc->playlist));
}

/* Node → "essay, video" for the playlist's nodes. */
static gboolean
load_formats (TrellisClassroom  *classroom,
              BoardDoc          *doc,
              GError           **error)
{
  g_autoptr(GHashTable) by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  for (guint i = 0; i < doc->nodes->len; i++)
    {
      TrellisNode *node = g_ptr_array_index (doc->nodes, i);
      GPtrArray *options = g_hash_table_lookup (doc->options, node);

      g_hash_table_insert (by_id, g_memdup2 (&(gint64) { trellis_node_get_id (node) }, sizeof (gint64)), node);
      for (guint j = 0; options != NULL && j < options->len; j++)
        {
          TrellisNode *option = g_ptr_array_index (options, j);

          g_hash_table_insert (by_id, g_memdup2 (&(gint64) { trellis_node_get_id (option) }, sizeof (gint64)),
                               option);
        }
    }

  stmt = trellis_classroom_prepare (classroom,
                                    "SELECT f.node_id, group_concat (f.format, ', ') FROM "
                                    "(SELECT node_id, format FROM node_formats nf JOIN nodes n ON n.id = nf.node_id "
                                    " WHERE n.playlist_id = ?1 ORDER BY nf.node_id, nf.position) f "
                                    "GROUP BY f.node_id",
                                    error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, trellis_playlist_get_id (doc->playlist));

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      TrellisNode *node = g_hash_table_lookup (by_id, &id);

      if (node != NULL)
        g_hash_table_insert (doc->formats, node, g_strdup ((const char *)sqlite3_column_text (stmt, 1)));
    }

  if (rc != SQLITE_DONE)
    {
      trellis_classroom_set_db_error (classroom, rc, error);
      return FALSE;
    }

  return TRUE;
}

/**
 * trellis_printout_new_choice_board:
 *
 * Reads a playlist's choice board, for @learner when not %NULL.
 *
 * Returns: (transfer full) (nullable): the printout, or %NULL with @error set
 */
TrellisPrintout *
trellis_printout_new_choice_board (TrellisClassroom  *classroom,
                                   TrellisPlaylist   *playlist,
                                   TrellisLearner    *learner,
                                   GError           **error)
{
  g_autoptr(GPtrArray) nodes = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) options = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify)g_ptr_array_unref);
  g_autoptr(GHashTable) n_options = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) chosen = g_hash_table_new_full (NULL, NULL, g_object_unref, NULL);
  g_autoptr(GHashTable) formats = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  g_autofree char *today = NULL;
  g_autofree char *title = NULL;
  BoardDoc *doc;
  GListModel *model;

  g_return_val_if_fail (TRELLIS_IS_CLASSROOM (classroom), NULL);
  g_return_val_if_fail (TRELLIS_IS_PLAYLIST (playlist), NULL);
  g_return_val_if_fail (learner == NULL || TRELLIS_IS_LEARNER (learner), NULL);

  if (trellis_classroom_lookup_playlist (classroom, trellis_playlist_get_id (playlist)) != playlist)
    {
      g_set_error_literal (error, TRELLIS_CLASSROOM_ERROR, TRELLIS_CLASSROOM_ERROR_NO_SUCH_ITEM,
                           _("The playlist is no longer in this classroom"));
      return NULL;
    }
  if (learner != NULL && !_trellis_check_learner (classroom, learner, error))
    return NULL;

  model = trellis_classroom_get_nodes (classroom, playlist, NULL);
  for (guint i = 0; model != NULL && i < g_list_model_get_n_items (model); i++)
    {
      TrellisNode *node = g_list_model_get_item (model, i);
      GListModel *all;
      GPtrArray *offered;

      g_ptr_array_add (nodes, node);
      if (trellis_node_get_kind (node) != TRELLIS_NODE_KIND_CHOICE)
        continue;

      all = trellis_classroom_get_nodes (classroom, playlist, node);
      g_hash_table_insert (n_options, node, GUINT_TO_POINTER (all != NULL ? g_list_model_get_n_items (all) : 0));

      if (learner != NULL)
        {
          g_autoptr(GPtrArray) choices = NULL;

          offered = trellis_progress_offered_options (classroom, learner, node, error);
          if (offered == NULL || (choices = trellis_progress_get_choices (classroom, learner, node, error)) == NULL)
            {
              g_clear_pointer (&offered, g_ptr_array_unref);
              return NULL;
            }
          /* A choice the teacher allowed beyond the learner's breadth is shown too. */
          for (guint j = 0; j < choices->len; j++)
            {
              TrellisNode *option = g_ptr_array_index (choices, j);
              guint at;

              g_hash_table_add (chosen, g_object_ref (option));
              if (!g_ptr_array_find (offered, option, NULL))
                {
                  g_autoptr(GPtrArray) ordered = g_ptr_array_new_with_free_func (g_object_unref);

                  for (at = 0; at < g_list_model_get_n_items (all); at++)
                    {
                      g_autoptr(TrellisNode) item = g_list_model_get_item (all, at);

                      if (item == option || g_ptr_array_find (offered, item, NULL))
                        g_ptr_array_add (ordered, g_object_ref (item));
                    }
                  g_ptr_array_unref (offered);
                  offered = g_steal_pointer (&ordered);
                }
            }
        }
      else
        {
          offered = g_ptr_array_new_with_free_func (g_object_unref);
          for (guint j = 0; all != NULL && j < g_list_model_get_n_items (all); j++)
            g_ptr_array_add (offered, g_list_model_get_item (all, j));
        }

      g_hash_table_insert (options, node, offered);
    }

  today = trellis_classroom_today (classroom);
  doc = g_new0 (BoardDoc, 1);
  doc->classroom = g_object_ref (classroom);
  doc->playlist = g_object_ref (playlist);
  doc->learner = learner != NULL ? g_object_ref (learner) : NULL;
  doc->printed_on = format_date (today, TRUE);
  doc->nodes = g_steal_pointer (&nodes);
  doc->options = g_steal_pointer (&options);
  doc->n_options = g_steal_pointer (&n_options);
  doc->chosen = g_steal_pointer (&chosen);
  doc->formats = g_steal_pointer (&formats);

  if (!load_formats (classroom, doc, error))
    {
      board_doc_free (doc);
      return NULL;
    }

  if (learner != NULL)
    title = g_strdup_printf (_("Choice board: %s — %s"), trellis_playlist_get_title (playlist),
                             trellis_learner_get_name (learner));
  else
    title = g_strdup_printf (_("Choice board: %s"), trellis_playlist_get_title (playlist));

  return printout_new (g_steal_pointer (&title), render_board, doc, board_doc_free);
}

gboolean
trellis_print_choice_board (TrellisClassroom  *classroom,
                            TrellisPlaylist   *playlist,
                            TrellisLearner    *learner,
                            const char        *path,
                            GError           **error)
{
  g_return_val_if_fail (TRELLIS_IS_CLASSROOM (classroom), FALSE);
  g_return_val_if_fail (TRELLIS_IS_PLAYLIST (playlist), FALSE);
  g_return_val_if_fail (learner == NULL || TRELLIS_IS_LEARNER (learner), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  return write_printout (trellis_printout_new_choice_board (classroom, playlist, learner, error), path, error);
}

/* trellis-columns.c
 *
 * Copyright 2026 The Trellis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "trellis-columns.h"

/*
 * TrellisColumns: its children side by side in columns of equal width, or,
 * when it is given less than :stack-below pixels, one under the other at
 * the full width.  Libadwaita 1.2 has no breakpoints, and an AdwLeaflet
 * would hide one column when folded; conference mode needs both on a
 * half-screen window, so the columns stack and the page scrolls.
 *
 * Height-for-width: the height asked for follows from the width offered,
 * so a scrolled window around it scrolls the stacked columns.  :stacked
 * says which way it was last allocated, with a "stacked" style class.
 */

struct _TrellisColumns
{
  GtkWidget parent_instance;

  int       spacing;
  int       stack_below;
  gboolean  stacked;
};

G_DEFINE_FINAL_TYPE (TrellisColumns, trellis_columns, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SPACING,
  PROP_STACK_BELOW,
  PROP_STACKED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Helpers */

static guint
count_visible (TrellisColumns *self)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (gtk_widget_should_layout (child))
      n++;

  return n;
}

static gboolean
stacks_at (TrellisColumns *self,
           int             width,
           guint           n_visible)
{
  return n_visible > 1 && width < self->stack_below;
}

static int
column_width (TrellisColumns *self,
              int             width,
              guint           n_visible)
{
  return MAX (0, (width - self->spacing * ((int) n_visible - 1)) / (int) n_visible);
}

static void
set_stacked (TrellisColumns *self,
             gboolean        stacked)
{
  if (self->stacked == stacked)
    return;

  self->stacked = stacked;
  if (stacked)
    gtk_widget_add_css_class (GTK_WIDGET (self), "stacked");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "stacked");

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STACKED]);
}

/* Overrides */

static GtkSizeRequestMode
trellis_columns_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
trellis_columns_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  TrellisColumns *self = TRELLIS_COLUMNS (widget);
  guint n_visible = count_visible (self);
  gboolean stacked;
  int child_for_size = -1;

  *minimum = *natural = 0;
  if (n_visible == 0)
    return;

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      int max_natural = 0;

      /* As narrow as the widest child can be, stacked; naturally, side by side. */
      for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
        {
          int child_min, child_nat;

          if (!gtk_widget_should_layout (child))
            continue;

          gtk_widget_measure (child, orientation, -1, &child_min, &child_nat, NULL, NULL);
          *minimum = MAX (*minimum, child_min);
          max_natural = MAX (max_natural, child_nat);
        }

      *natural = MAX (*minimum, max_natural * (int) n_visible + self->spacing * ((int) n_visible - 1));
      return;
    }

  /* Without a width, the tallest case: stacked at the children's own widths. */
  stacked = for_size < 0 || stacks_at (self, for_size, n_visible);
  if (for_size >= 0)
    child_for_size = stacked ? for_size : column_width (self, for_size, n_visible);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      int child_min, child_nat;

      if (!gtk_widget_should_layout (child))
        continue;

      gtk_widget_measure (child, orientation, child_for_size, &child_min, &child_nat, NULL, NULL);
      if (stacked)
        {
          *minimum += child_min;
          *natural += child_nat;
        }
      else
        {
          *minimum = MAX (*minimum, child_min);
          *natural = MAX (*natural, child_nat);
        }
    }

  if (stacked)
    {
      *minimum += self->spacing * ((int) n_visible - 1);
      *natural += self->spacing * ((int) n_visible - 1);
    }
}

static void
trellis_columns_size_allocate (GtkWidget *widget,
                               int        width,
                               int        height,
                               int        baseline)
{
  TrellisColumns *self = TRELLIS_COLUMNS (widget);
  guint n_visible = count_visible (self);
  gboolean stacked = stacks_at (self, width, n_visible);
  int natural_total = 0;
  int offset = 0;

  set_stacked (self, stacked);
  if (n_visible == 0)
    return;

  if (!stacked)
    {
      int column = column_width (self, width, n_visible);

      for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
        {
          if (!gtk_widget_should_layout (child))
            continue;

          gtk_widget_size_allocate (child, &(GtkAllocation) { offset, 0, column, height }, -1);
          offset += column + self->spacing;
        }

      return;
    }

  /* Stacked: each child at its natural height when they all fit, else at its minimum. */
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      int child_nat;

      if (!gtk_widget_should_layout (child))
        continue;

      gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, width, NULL, &child_nat, NULL, NULL);
      natural_total += child_nat;
    }
  natural_total += self->spacing * ((int) n_visible - 1);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      int child_min, child_nat;

      if (!gtk_widget_should_layout (child))
        continue;

      gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, width, &child_min, &child_nat, NULL, NULL);
      child_min = natural_total <= height ? child_nat : child_min;
      gtk_widget_size_allocate (child, &(GtkAllocation) { 0, offset, width, child_min }, -1);
      offset += child_min + self->spacing;
    }
}

static void
trellis_columns_dispose (GObject *object)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (trellis_columns_parent_class)->dispose (object);
}

static void
trellis_columns_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  TrellisColumns *self = TRELLIS_COLUMNS (object);

  switch (prop_id)
    {
    case PROP_SPACING:
      g_value_set_int (value, self->spacing);
      break;

    case PROP_STACK_BELOW:
      g_value_set_int (value, self->stack_below);
      break;

    case PROP_STACKED:
      g_value_set_boolean (value, self->stacked);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trellis_columns_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  TrellisColumns *self = TRELLIS_COLUMNS (object);

  switch (prop_id)
    {
    case PROP_SPACING:
      trellis_columns_set_spacing (self, g_value_get_int (value));
      break;

    case PROP_STACK_BELOW:
      trellis_columns_set_stack_below (self, g_value_get_int (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trellis_columns_class_init (TrellisColumnsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = trellis_columns_dispose;
  object_class->get_property = trellis_columns_get_property;
  object_class->set_property = trellis_columns_set_property;

  widget_class->get_request_mode = trellis_columns_get_request_mode;
  widget_class->measure = trellis_columns_measure;
  widget_class->size_allocate = trellis_columns_size_allocate;

  properties[PROP_SPACING] =
    g_param_spec_int ("spacing", NULL, NULL,
                      0, G_MAXINT, 0,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_STACK_BELOW] =
    g_param_spec_int ("stack-below", NULL, NULL,
                      0, G_MAXINT, 0,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_STACKED] =
    g_param_spec_boolean ("stacked", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "columns");
}

static void
trellis_columns_init (TrellisColumns *self)
{
}

/* Public API */

GtkWidget *
trellis_columns_new (void)
{
  return g_object_new (TRELLIS_TYPE_COLUMNS, NULL);
}

int
trellis_columns_get_spacing (TrellisColumns *self)
{
  g_return_val_if_fail (TRELLIS_IS_COLUMNS (self), 0);

  return self->spacing;
}

/* The space between columns side by side, and between them stacked. */
void
trellis_columns_set_spacing (TrellisColumns *self,
                             int             spacing)
{
  g_return_if_fail (TRELLIS_IS_COLUMNS (self));
  g_return_if_fail (spacing >= 0);

  if (self->spacing == spacing)
    return;

  self->spacing = spacing;
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SPACING]);
}

int
trellis_columns_get_stack_below (TrellisColumns *self)
{
  g_return_val_if_fail (TRELLIS_IS_COLUMNS (self), 0);

  return self->stack_below;
}

/* The width under which the columns go one under the other; 0: never. */
void
trellis_columns_set_stack_below (TrellisColumns *self,
                                 int             width)
{
  g_return_if_fail (TRELLIS_IS_COLUMNS (self));
  g_return_if_fail (width >= 0);

  if (self->stack_below == width)
    return;

  self->stack_below = width;
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STACK_BELOW]);
}

/* Whether the children were last allocated one under the other. */
gboolean
trellis_columns_get_stacked (TrellisColumns *self)
{
  g_return_val_if_fail (TRELLIS_IS_COLUMNS (self), FALSE);

  return self->stacked;
}

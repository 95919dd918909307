/* bench-frame-timing.h
 *
 * Copyright 2026 The Trellis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What a frame may take at 60 fps. */
#define BENCH_FRAME_BUDGET_MS (1000.0 / 60.0)

/* When a frame starts: wall clock and the process's CPU time. */
typedef struct
{
  gint64 wall_us;
  gint64 cpu_us;
} BenchFrameStart;

void     bench_frame_start      (BenchFrameStart  *start);
void     bench_frame_elapsed    (BenchFrameStart  *start,
                                 double           *ms,
                                 double           *cpu_ms);
gboolean bench_iterate_until    (gboolean        (*done) (gpointer data),
                                 gpointer          data);
void     bench_report           (const char       *what,
                                 GArray           *times);

G_END_DECLS

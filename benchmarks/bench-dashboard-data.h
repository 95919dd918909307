/* bench-dashboard-data.h
 *
 * Copyright 2026 The Trellis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

/*
 * The classroom of the dashboard target (issue 9), shared by
 * bench-dashboard (computing) and bench-dashboard-draw (drawing).  Run it
 * in one transaction on a new classroom whose clock says 2026-03-02.
 */

/*
 * 40 learners, 60 skills, one unit holding all of them with 4 milestones,
 * 20,000 evidence rows (learner i mod 40, skill (i ÷ 40) mod 60, a hashed
 * outcome that leans right as i grows), a 4-item survey given 3 times,
 * goals, conferences and reflections.
 */
static const char bench_dashboard_sql[] =
  "UPDATE classroom SET created_at = '2026-01-05T08:00:00Z';"
  "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 40)"
  " INSERT INTO learners (id, name, sis_id, created_at) SELECT i, 'Learner ' || i, 'S' || i, 'x' FROM n;"
  "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 60)"
  " INSERT INTO skills (id, code, name, position) SELECT i, 'SK.' || i, 'Skill ' || i, i FROM n;"
  "INSERT INTO playlists (id, title, starts_on, ends_on, uid, created_at)"
  " VALUES (1, 'Big unit', '2026-01-12', '2026-03-20', 'pl-1', 'x');"
  "INSERT INTO playlist_skills SELECT 1, id FROM skills;"
  "INSERT INTO nodes (id, playlist_id, position, kind, uid, title, target_date) VALUES"
  " (1, 1, 0, 'milestone', 'm1', 'Milestone 1', '2026-01-30'),"
  " (2, 1, 1, 'milestone', 'm2', 'Milestone 2', '2026-02-20'),"
  " (3, 1, 2, 'milestone', 'm3', 'Milestone 3', '2026-03-06'),"
  " (4, 1, 3, 'milestone', 'm4', 'Museum day', '2026-03-20');"
  "INSERT INTO progress (learner_id, node_id, status, checkin_on, updated_at)"
  " SELECT l.id, m.id, 'complete', m.target_date, 'x' FROM learners l, nodes m"
  " WHERE (l.id * 7 + m.id * 3) % 10 < 8 - m.id;"
  "WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 19999)"
  " INSERT INTO evidence (learner_id, skill_id, observed_at, kind, score, max_score)"
  " SELECT i % 40 + 1, (i / 40) % 60 + 1,"
  "  strftime ('%Y-%m-%dT%H:%M:%SZ', '2026-01-12', '+' || (i * 3) || ' minutes'),"
  "  CASE WHEN i % 5 = 0 THEN 'points' ELSE 'binary' END,"
  "  CASE WHEN i % 5 = 0 THEN (i * 2654435761) % 11"
  "       ELSE ((i * 2654435761) % 100 < 35 + (i / 400) + (i % 40)) END,"
  "  CASE WHEN i % 5 = 0 THEN 10 END"
  " FROM n;"
  "INSERT INTO surveys (id, title, created_on) VALUES (1, 'Agency', '2026-01-05');"
  "INSERT INTO survey_items (id, survey_id, position, prompt) VALUES"
  " (1, 1, 0, 'a'), (2, 1, 1, 'b'), (3, 1, 2, 'c'), (4, 1, 3, 'd');"
  "INSERT INTO survey_administrations (id, survey_id, administered_on) VALUES"
  " (1, 1, '2026-01-15'), (2, 1, '2026-02-05'), (3, 1, '2026-02-26');"
  "INSERT INTO survey_responses SELECT a.id, it.id, l.id, 1 + ((l.id * 3 + a.id * (l.id % 3) + it.id) % 7) / 2"
  " FROM survey_administrations a, survey_items it, learners l;"
  "INSERT INTO goals (learner_id, title, status, created_on, updated_on)"
  " SELECT id, 'Goal', CASE id % 4 WHEN 0 THEN 'met' WHEN 1 THEN 'revised' ELSE 'active' END,"
  " '2026-01-20', '2026-02-' || (10 + id % 15) FROM learners;"
  "INSERT INTO conferences (learner_id, held_on)"
  " SELECT id, '2026-02-' || (10 + id % 18) FROM learners WHERE id % 3 <> 0;"
  "INSERT INTO reflections (learner_id, written_on, text)"
  " SELECT id, '2026-02-' || (1 + id % 27), 'r' FROM learners;";

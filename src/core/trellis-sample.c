/* trellis-sample.c
 *
 * Copyright 2026 The Trellis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trellis-sample"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>

#include "trellis-mastery.h"
#include "trellis-sample.h"

/*
 * The sample classroom: a Grade 6 class with a social studies unit on
 * ancient civilizations and a science unit on ecosystems, and learners whose
 * profiles, goals, reflections, conferences, progress and evidence are
 * varied enough that every view and every kind of recommendation has
 * something to show.
 *
 * It is deterministic.  Every date is an offset from the classroom's
 * today (trellis_classroom_today(), so an injected clock decides it), every
 * timestamp is such a date plus a fixed time of day, and all variation
 * comes from a small local generator with a fixed seed per learner (so the
 * first learners are the same whatever the class size).  Two classrooms
 * built with the same clock are identical row for row.
 *
 * The content is data, not user interface: it is not translated.  The
 * names and stories are fictional.  Mastery parameters and states, and
 * recommendations, are left to the modules that compute them.
 */

/* The range of day offsets from today that the sample uses. */
#define DATE_MIN (-120)
#define DATE_MAX 60
#define N_DATES (DATE_MAX - DATE_MIN + 1)

/* Day offsets of the two units. */
#define CIV_STARTS (-24)
#define CIV_ENDS 12
#define ECO_STARTS (-45)
#define ECO_ENDS 12
#define SCHOOL_STARTS (-84)

/* ------------------------------------------------------------------ */
/* A small deterministic generator (SplitMix64).                       */

typedef struct
{
  guint64 state;
} SampleRng;

static void
rng_init (SampleRng *rng,
          guint64    seed)
{
  rng->state = seed;
}

static guint64
rng_next (SampleRng *rng)
{
  guint64 z = (rng->state += G_GUINT64_CONSTANT (0x9E3779B97F4A7C15));

  z = (z ^ (z >> 30)) * G_GUINT64_CONSTANT (0xBF58476D1CE4E5B9);
  z = (z ^ (z >> 27)) * G_GUINT64_CONSTANT (0x94D049BB133111EB);
  return z ^ (z >> 31);
}

static guint
rng_below (SampleRng *rng,
           guint      n)
{
  g_assert (n > 0);
  return (guint)(rng_next (rng) % n);
}

static int
rng_between (SampleRng *rng,
             int        lo,
             int        hi)
{
  g_assert (lo <= hi);
  return lo + (int)rng_below (rng, (guint)(hi - lo + 1));
}

static double
rng_double (SampleRng *rng)
{
  return (double)(rng_next (rng) >> 11) * (1.0 / 9007199254740992.0);
}

static gboolean
rng_chance (SampleRng *rng,
            double     p)
{
  return rng_double (rng) < p;
}

/* ------------------------------------------------------------------ */
/* Skills                                                              */

typedef enum
{
  SK_NONE,
  SK_RH1,
  SK_RH2,
  SK_RH7,
  SK_WHST2,
  SK_SL4,
  SK_HIS1,
  SK_HIS2,
  SK_GEO4,
  SK_RST7,
  SK_LS1,
  SK_LS2,
  SK_LS3,
  SK_LS4,
  N_SKILLS
} SampleSkill;

/* Nodes, in insertion order; the options of a choice follow the choice. */
typedef enum
{
  N_CIV_INTRO,
  N_CIV_SOURCES,
  N_CIV_CHECKIN_1,
  N_CIV_CHOOSE,
  N_CIV_EGYPT,
  N_CIV_GREECE,
  N_CIV_CHINA,
  N_CIV_CHECKIN_2,
  N_CIV_DEMO,
  N_CIV_REPORT,
  N_CIV_MODEL,
  N_CIV_PLAY,
  N_CIV_CHECKIN_3,
  N_CIV_FEEDBACK,
  N_CIV_CHECKIN_4,
  N_CIV_MUSEUM,
  N_ECO_INTRO,
  N_ECO_DATA,
  N_ECO_CHECKIN_1,
  N_ECO_CHOOSE,
  N_ECO_REEF,
  N_ECO_FOREST,
  N_ECO_DESERT,
  N_ECO_CHALLENGE,
  N_ECO_PYRAMID,
  N_ECO_CHECKIN_2,
  N_ECO_INTERACTIONS,
  N_ECO_CLAIM,
  N_NODES
} SampleNodeIndex;

typedef struct
{
  const char *code;
  const char *name;
  const char *description;
  /* Evidence: the window (day offsets) and how many observations. */
  int         first_day;
  int         last_day;
  guint       n_observations;
  /* The node rubric-scored evidence on the skill comes from. */
  int         rubric_node;
} SampleSkillInfo;

static const SampleSkillInfo skills[N_SKILLS] = {
  [SK_RH1] = {
    "CCSS.ELA-LITERACY.RH.6-8.1", "Cite textual evidence",
    "Cite specific textual evidence to support analysis of primary and secondary sources.",
    -23, -1, 6, N_CIV_SOURCES },
  [SK_RH2] = {
    "CCSS.ELA-LITERACY.RH.6-8.2", "Find the central idea",
    "Determine the central ideas or information of a primary or secondary source; "
    "provide an accurate summary of the source distinct from prior knowledge or opinions.",
    -23, -2, 4, N_CIV_SOURCES },
  [SK_RH7] = {
    "CCSS.ELA-LITERACY.RH.6-8.7", "Read maps, charts and images",
    "Integrate visual information (charts, graphs, photographs, videos or maps) with "
    "other information in print and digital texts.",
    -24, -4, 4, N_CIV_INTRO },
  [SK_WHST2] = {
    "CCSS.ELA-LITERACY.WHST.6-8.2", "Write to explain",
    "Write informative/explanatory texts, including the narration of historical events, "
    "scientific procedures or experiments, or technical processes.",
    -20, -1, 4, N_CIV_CHECKIN_3 },
  [SK_SL4] = {
    "CCSS.ELA-LITERACY.SL.6.4", "Present findings",
    "Present claims and findings, sequencing ideas logically and using pertinent "
    "descriptions, facts and details; use appropriate eye contact, adequate volume "
    "and clear pronunciation.",
    -9, -1, 2, N_CIV_CHECKIN_3 },
  [SK_HIS1] = {
    "D2.His.1.6-8", "Events in their context",
    "Analyze connections among events and developments in broader historical contexts.",
    -17, -1, 4, N_CIV_CHECKIN_2 },
  [SK_HIS2] = {
    "D2.His.2.6-8", "Change and continuity",
    "Classify series of historical events and developments as examples of change "
    "and/or continuity.",
    -12, -1, 3, N_CIV_CHECKIN_3 },
  [SK_GEO4] = {
    "D2.Geo.4.6-8", "Culture, economy and place",
    "Explain how cultural patterns and economic decisions influence environments and "
    "the daily lives of people in both nearby and distant places.",
    -24, -6, 3, N_CIV_INTRO },
  [SK_RST7] = {
    "CCSS.ELA-LITERACY.RST.6-8.7", "From words to diagrams",
    "Integrate quantitative or technical information expressed in words in a text with "
    "a version of that information expressed visually (e.g., in a flowchart, diagram, "
    "model, graph, or table).",
    -45, -26, 3, N_ECO_INTRO },
  [SK_LS1] = {
    "MS-LS2-1", "Resources and populations",
    "Analyze and interpret data to provide evidence for the effects of resource "
    "availability on organisms and populations of organisms in an ecosystem.",
    -41, -20, 5, N_ECO_DATA },
  [SK_LS2] = {
    "MS-LS2-2", "Interactions among organisms",
    "Construct an explanation that predicts patterns of interactions among organisms "
    "across multiple ecosystems.",
    -20, -3, 4, N_ECO_INTERACTIONS },
  [SK_LS3] = {
    "MS-LS2-3", "Matter and energy in ecosystems",
    "Develop a model to describe the cycling of matter and flow of energy among living "
    "and nonliving parts of an ecosystem.",
    -45, -10, 6, N_ECO_PYRAMID },
  [SK_LS4] = {
    "MS-LS2-4", "Ecosystems change",
    "Construct an argument supported by empirical evidence that changes to physical or "
    "biological components of an ecosystem affect populations.",
    -13, -1, 3, N_ECO_INTERACTIONS },
};

/* (skill, prerequisite) */
static const guint8 prerequisites[][2] = {
  { SK_WHST2, SK_RH1 },
  { SK_HIS1, SK_RH2 },
  { SK_SL4, SK_WHST2 },
  { SK_LS3, SK_RST7 },
  { SK_LS4, SK_LS1 },
  { SK_LS4, SK_LS3 },
};

/* ------------------------------------------------------------------ */
/* Playlists and their nodes                                           */

enum
{
  PL_CIV,
  PL_ECO,
  N_PLAYLISTS
};

typedef struct
{
  const char *uid;
  const char *title;
  const char *description;
  int         starts_on;
  int         ends_on;
  guint8      skills[8];
} SamplePlaylist;

static const SamplePlaylist playlists[N_PLAYLISTS] = {
  [PL_CIV] = {
    "pl-civ", "Ancient civilizations",
    "How did early civilizations meet people's needs, and what do we still use from them "
    "today? Everyone explores the ancient world, chooses one civilization to research, "
    "and shows what they learned in a class museum.",
    CIV_STARTS, CIV_ENDS,
    { SK_RH1, SK_RH2, SK_RH7, SK_WHST2, SK_SL4, SK_HIS1, SK_HIS2, SK_GEO4 } },
  [PL_ECO] = {
    "pl-eco", "Ecosystems and energy flow",
    "Where does the energy in an ecosystem come from, and what happens when something "
    "changes? Observe food chains, analyse population data, investigate one ecosystem "
    "and argue a claim about a disruption.",
    ECO_STARTS, ECO_ENDS,
    { SK_RST7, SK_LS1, SK_LS2, SK_LS3, SK_LS4, SK_WHST2 } },
};

typedef enum
{
  KIND_ACTIVITY,
  KIND_CHOICE,
  KIND_MILESTONE,
} SampleNodeKind;

typedef struct
{
  guint8          playlist;
  int             parent;        /* a node index, or -1 */
  SampleNodeKind  kind;
  const char     *uid;
  const char     *title;
  const char     *instructions;
  const char     *resource;      /* under https://example.org/ */
  int             minutes;       /* 0: none */
  const char     *social_mode;
  int             choose_min;
  int             choose_max;
  int             day;           /* suggested date, or a milestone's target */
  const char     *must_show;
  gboolean        starter;
  gboolean        challenge;
  const char     *formats[3];
  guint8          skills[4];
} SampleNode;

#define TOP (-1)

static const SampleNode nodes[N_NODES] = {
  /* Ancient civilizations */
  [N_CIV_INTRO] = {
    PL_CIV, TOP, KIND_ACTIVITY, "node-civ-intro", "Map walk: where civilizations began",
    "Walk the room with your group and visit the six map stations. At each one, mark the "
    "river, the farmland and one city on your own map, and write one question the map "
    "makes you wonder about.",
    "https://example.org/civ/map-walk", 45, "group", 0, 0, -24, NULL, FALSE, FALSE,
    { "annotated map", NULL }, { SK_RH7, SK_GEO4 } },
  [N_CIV_SOURCES] = {
    PL_CIV, TOP, KIND_ACTIVITY, "node-civ-sources", "Reading primary sources",
    "With a partner, read two short primary sources (a farmer's letter and a law code). "
    "Underline evidence about daily life and summarise each source in two sentences.",
    "https://example.org/civ/primary-sources", 50, "pair", 0, 0, -21, NULL, FALSE, FALSE,
    { "annotated source", "summary", NULL }, { SK_RH1, SK_RH2 } },
  [N_CIV_CHECKIN_1] = {
    PL_CIV, TOP, KIND_MILESTONE, "node-civ-checkin-1", "Week 1 check-in: research question",
    "Bring your map and one research question to your check-in.",
    NULL, 10, "solo", 0, 0, -17,
    "A research question about how people met a need (food, water, shelter, order) "
    "and one source you plan to use.", FALSE, FALSE,
    { NULL }, { SK_RH2 } },
  [N_CIV_CHOOSE] = {
    PL_CIV, TOP, KIND_CHOICE, "node-civ-choose", "Choose your civilization",
    "Pick one civilization to research for the museum. Starter options come with a "
    "guided note sheet.",
    NULL, 0, "solo", 1, 1, -16, NULL, FALSE, FALSE,
    { NULL }, { 0 } },
  [N_CIV_EGYPT] = {
    PL_CIV, N_CIV_CHOOSE, KIND_ACTIVITY, "node-civ-egypt", "Ancient Egypt: life along the Nile",
    "Use the guided note sheet to research how the Nile's floods shaped farming, "
    "work and beliefs. Record at least three sources.",
    "https://example.org/civ/egypt", 150, "solo", 0, 0, -12, NULL, TRUE, FALSE,
    { "research notes", "timeline", NULL }, { SK_RH1, SK_GEO4, SK_HIS1 } },
  [N_CIV_GREECE] = {
    PL_CIV, N_CIV_CHOOSE, KIND_ACTIVITY, "node-civ-greece", "Ancient Greece: city-states and citizens",
    "Research how Athens and Sparta organised daily life and government. Compare who "
    "counted as a citizen in each. Record at least three sources.",
    "https://example.org/civ/greece", 150, "solo", 0, 0, -12, NULL, FALSE, FALSE,
    { "research notes", "timeline", NULL }, { SK_RH1, SK_HIS1, SK_HIS2 } },
  [N_CIV_CHINA] = {
    PL_CIV, N_CIV_CHOOSE, KIND_ACTIVITY, "node-civ-china", "Ancient China: dynasties and inventions",
    "Research one dynasty and two inventions from its time (paper, the compass, silk "
    "weaving…). Trace how each invention travelled. Record at least three sources.",
    "https://example.org/civ/china", 150, "solo", 0, 0, -12, NULL, FALSE, FALSE,
    { "research notes", "timeline", NULL }, { SK_RH1, SK_HIS1, SK_HIS2 } },
  [N_CIV_CHECKIN_2] = {
    PL_CIV, TOP, KIND_MILESTONE, "node-civ-checkin-2", "Week 2 check-in: sources and notes",
    "Bring your notes and source list.",
    NULL, 10, "solo", 0, 0, -10,
    "Notes from at least three sources, each with its author or origin, and the "
    "central idea of each.", FALSE, FALSE,
    { NULL }, { SK_RH1, SK_RH2 } },
  [N_CIV_DEMO] = {
    PL_CIV, TOP, KIND_CHOICE, "node-civ-demo", "Show what you know",
    "Choose how you will show your research in the museum: one format, or two if you "
    "want to combine them.",
    NULL, 0, "solo", 1, 2, -8, NULL, FALSE, FALSE,
    { NULL }, { 0 } },
  [N_CIV_REPORT] = {
    PL_CIV, N_CIV_DEMO, KIND_ACTIVITY, "node-civ-report", "Written report",
    "Write a two-page report that answers your research question. Every paragraph "
    "starts with a claim and uses evidence from your sources.",
    "https://example.org/civ/report-guide", 180, "solo", 0, 0, 6, NULL, TRUE, FALSE,
    { "essay", NULL }, { SK_WHST2, SK_RH1 } },
  [N_CIV_MODEL] = {
    PL_CIV, N_CIV_DEMO, KIND_ACTIVITY, "node-civ-model", "Build a model",
    "With a partner, build a model of a place or an invention from your civilization "
    "(a shaduf, a Greek agora, a paper workshop) and write the museum label for it.",
    "https://example.org/civ/model-guide", 200, "pair", 0, 0, 6, NULL, FALSE, FALSE,
    { "model", "presentation", NULL }, { SK_RH7, SK_GEO4 } },
  [N_CIV_PLAY] = {
    PL_CIV, N_CIV_DEMO, KIND_ACTIVITY, "node-civ-play", "Write and perform a short play",
    "In a group of three or four, write a five-minute scene set in your civilization "
    "that shows how people lived, and perform it at the museum.",
    "https://example.org/civ/play-guide", 220, "group", 0, 0, 6, NULL, FALSE, FALSE,
    { "script", "performance", NULL }, { SK_HIS1, SK_SL4 } },
  [N_CIV_CHECKIN_3] = {
    PL_CIV, TOP, KIND_MILESTONE, "node-civ-checkin-3", "Week 3 check-in: first draft",
    "Bring your draft, model plan or script.",
    NULL, 10, "solo", 0, 0, -3,
    "A complete first draft (report, model plan or script) that answers the research "
    "question.", FALSE, FALSE,
    { NULL }, { SK_WHST2, SK_HIS2 } },
  [N_CIV_FEEDBACK] = {
    PL_CIV, TOP, KIND_ACTIVITY, "node-civ-feedback", "Peer feedback gallery walk",
    "Put your draft on your table. Visit three classmates' work and leave one \"glow\" "
    "and one \"grow\" on a sticky note for each.",
    "https://example.org/civ/gallery-walk", 40, "group", 0, 0, 2, NULL, FALSE, FALSE,
    { "feedback notes", NULL }, { SK_SL4 } },
  [N_CIV_CHECKIN_4] = {
    PL_CIV, TOP, KIND_MILESTONE, "node-civ-checkin-4", "Week 4 check-in: rehearsal",
    "Rehearse your museum presentation for the teacher.",
    NULL, 10, "solo", 0, 0, 4,
    "A rehearsed three-minute presentation and a revised final piece.", FALSE, FALSE,
    { NULL }, { SK_SL4 } },
  [N_CIV_MUSEUM] = {
    PL_CIV, TOP, KIND_MILESTONE, "node-civ-museum", "Museum presentation",
    "Families and another class visit our museum of ancient civilizations. Present "
    "your exhibit and answer visitors' questions.",
    "https://example.org/civ/museum-day", 60, "group", 0, 0, 11,
    "Your exhibit, a three-minute presentation, and one idea or invention we still use "
    "today.", FALSE, FALSE,
    { "exhibit", "presentation", NULL }, { SK_SL4, SK_HIS1, SK_HIS2 } },

  /* Ecosystems and energy flow */
  [N_ECO_INTRO] = {
    PL_ECO, TOP, KIND_ACTIVITY, "node-eco-intro", "What eats what? Observing a food chain",
    "Watch the pond video with a partner. List every organism you see and draw arrows "
    "showing where energy goes when one eats another.",
    "https://example.org/eco/pond-video", 40, "pair", 0, 0, -45, NULL, FALSE, FALSE,
    { "diagram", NULL }, { SK_RST7, SK_LS3 } },
  [N_ECO_DATA] = {
    PL_ECO, TOP, KIND_ACTIVITY, "node-eco-data", "Resource limits: population data",
    "Graph ten years of deer and wolf population data. Write what happened to the deer "
    "when the winter was hard, using two numbers from your graph.",
    "https://example.org/eco/population-data", 45, "pair", 0, 0, -40, NULL, FALSE, FALSE,
    { "graph", "written explanation", NULL }, { SK_LS1, SK_RST7 } },
  [N_ECO_CHECKIN_1] = {
    PL_ECO, TOP, KIND_MILESTONE, "node-eco-checkin-1", "Check-in: food web model",
    "Bring your food web.",
    NULL, 10, "solo", 0, 0, -31,
    "A food web with at least eight organisms, producers and decomposers included, "
    "arrows pointing the way energy flows.", FALSE, FALSE,
    { NULL }, { SK_LS3 } },
  [N_ECO_CHOOSE] = {
    PL_ECO, TOP, KIND_CHOICE, "node-eco-choose", "Investigate an ecosystem",
    "Choose one ecosystem to investigate. Starter options come with a fact pack.",
    NULL, 0, "solo", 1, 1, -28, NULL, FALSE, FALSE,
    { NULL }, { 0 } },
  [N_ECO_REEF] = {
    PL_ECO, N_ECO_CHOOSE, KIND_ACTIVITY, "node-eco-reef", "Coral reef",
    "Use the fact pack to map the reef's food web and find out what warmer water does "
    "to coral and the fish that depend on it.",
    "https://example.org/eco/coral-reef", 120, "solo", 0, 0, -20, NULL, TRUE, FALSE,
    { "poster", "slide deck", NULL }, { SK_LS2, SK_LS3 } },
  [N_ECO_FOREST] = {
    PL_ECO, N_ECO_CHOOSE, KIND_ACTIVITY, "node-eco-forest", "Temperate forest",
    "Use the fact pack to map the forest's food web and explain the role of fungi and "
    "other decomposers.",
    "https://example.org/eco/temperate-forest", 120, "solo", 0, 0, -20, NULL, TRUE, FALSE,
    { "poster", "slide deck", NULL }, { SK_LS2, SK_LS3 } },
  [N_ECO_DESERT] = {
    PL_ECO, N_ECO_CHOOSE, KIND_ACTIVITY, "node-eco-desert", "Desert",
    "Research how desert plants and animals compete for water, and how a rare rainy "
    "season changes their populations.",
    "https://example.org/eco/desert", 120, "pair", 0, 0, -20, NULL, FALSE, FALSE,
    { "poster", "video", NULL }, { SK_LS1, SK_LS2 } },
  [N_ECO_CHALLENGE] = {
    PL_ECO, N_ECO_CHOOSE, KIND_ACTIVITY, "node-eco-challenge", "Design a disruption study",
    "Choose a real ecosystem change (an invasive species, a dam, a drought). Find data "
    "before and after, and predict what happens next with a model.",
    "https://example.org/eco/disruption-study", 150, "solo", 0, 0, -20, NULL, FALSE, TRUE,
    { "slide deck", "video", NULL }, { SK_LS1, SK_LS4 } },
  [N_ECO_PYRAMID] = {
    PL_ECO, TOP, KIND_ACTIVITY, "node-eco-pyramid", "Energy pyramid lab",
    "In groups, build an energy pyramid with blocks: each level keeps about a tenth of "
    "the energy below it. Record what you notice about the number of top predators.",
    "https://example.org/eco/energy-pyramid", 50, "group", 0, 0, -16, NULL, FALSE, FALSE,
    { "model", "diagram", NULL }, { SK_LS3, SK_RST7 } },
  [N_ECO_CHECKIN_2] = {
    PL_ECO, TOP, KIND_MILESTONE, "node-eco-checkin-2", "Check-in: energy pyramid",
    "Bring your lab sheet and your ecosystem investigation.",
    NULL, 10, "solo", 0, 0, -12,
    "An energy pyramid for your ecosystem and an explanation of why energy decreases at "
    "each level.", FALSE, FALSE,
    { NULL }, { SK_LS3 } },
  [N_ECO_INTERACTIONS] = {
    PL_ECO, TOP, KIND_ACTIVITY, "node-eco-interactions", "Interactions across ecosystems",
    "Sort the interaction cards (predation, competition, mutualism) from three "
    "ecosystems and explain the pattern you find.",
    "https://example.org/eco/interaction-cards", 45, "group", 0, 0, -6, NULL, FALSE, FALSE,
    { "written explanation", NULL }, { SK_LS2, SK_LS4 } },
  [N_ECO_CLAIM] = {
    PL_ECO, TOP, KIND_MILESTONE, "node-eco-claim", "Ecosystem disruption claim",
    "Make a claim about how a change affects the populations in your ecosystem.",
    "https://example.org/eco/claim-guide", 45, "solo", 0, 0, 9,
    "A claim, two pieces of evidence from data, and reasoning that connects them.",
    FALSE, FALSE,
    { "essay", "video", "presentation" }, { SK_LS4, SK_WHST2 } },
};

/* ------------------------------------------------------------------ */
/* Learners                                                            */

typedef enum
{
  ROLE_HIGH           = 1 << 0,  /* ready for more */
  ROLE_WEAK_CITE      = 1 << 1,  /* low on citing evidence: a small group */
  ROLE_STRUGGLING     = 1 << 2,  /* low across the board */
  ROLE_BEHIND         = 1 << 3,  /* behind past-due milestones */
  ROLE_STALE          = 1 << 4,  /* profile not revisited for weeks */
  ROLE_NO_CONFERENCE  = 1 << 5,
  ROLE_OLD_CONFERENCE = 1 << 6,
  ROLE_OVERDUE_GOAL   = 1 << 7,
  ROLE_REVISION       = 1 << 8,  /* work sent back for revision */
  ROLE_ONE_CONFERENCE = 1 << 9,  /* one conference, weeks ago */
  ROLE_PICKS_REEF     = 1 << 10, /* strong, but chose the coral reef over the challenge */
} SampleRole;

typedef struct
{
  const char *name;
  const char *preferred_name;
  const char *pronouns;
  const char *login;
  guint8      self_regulation;
  guint8      ability;           /* percent */
  guint16     roles;
  const char *interest;
  const char *strength;
  const char *experience;
  const char *need;
} SampleLearner;

static const SampleLearner learners[] = {
  { "Amara Okafor", NULL, "she/her", "amara.okafor", 3, 88, ROLE_HIGH,
    "Writes and illustrates her own mystery comics",
    "Asks questions that push the discussion further",
    "Visited her grandparents in Lagos last summer and toured the national museum",
    NULL },
  { "Mateo Hernández", "Teo", "he/him", NULL, 2, 72, 0,
    "Soccer: plays midfield on a weekend team",
    "Explains ideas patiently to classmates",
    "Speaks Spanish at home and often translates for his family",
    NULL },
  { "Aiyana Begay", NULL, NULL, NULL, 2, 70, ROLE_STALE,
    "Weaving and beadwork with her aunt",
    "Careful, detailed drawings and diagrams",
    "Spends summers on her grandmother's sheep ranch",
    "Prefers time to think before answering out loud" },
  { "Wei Chen", NULL, NULL, "wei.chen", 3, 90, ROLE_HIGH,
    "Astronomy: keeps a sky journal",
    "Spots patterns in data quickly",
    "Attends weekend Chinese language school",
    NULL },
  { "Priya Raghunathan", NULL, "she/her", "priya.r", 2, 68, ROLE_REVISION,
    "Classical Indian dance (Bharatanatyam)",
    "Organised: keeps a tidy notebook and planner",
    NULL,
    "Rushes the last step of long tasks; a checklist helps" },
  { "Jonah Goldberg", NULL, "he/him", NULL, 1, 58, ROLE_WEAK_CITE | ROLE_BEHIND,
    "Building Lego machines with motors",
    "Persistent when a build does not work the first time",
    "Helps at his uncle's bicycle repair shop",
    "Check-ins to break big tasks into steps" },
  { "Fatima Al-Sayed", NULL, NULL, "fatima.alsayed", 2, 74, 0,
    "Baking, especially recipes from her grandmother",
    "Leads group work fairly",
    "Moved here from Amman two years ago",
    NULL },
  { "Kwame Mensah", NULL, NULL, "kwame.mensah", 2, 66, ROLE_WEAK_CITE,
    "Drumming in a community youth band",
    "Creative storyteller; brings history to life",
    NULL,
    "Sentence starters for writing" },
  { "Sofia Rossi", NULL, "she/her", NULL, 3, 86, ROLE_HIGH | ROLE_ONE_CONFERENCE | ROLE_PICKS_REEF,
    "Marine biology; wants to visit a coral reef",
    "Strong reader; finishes long texts quickly",
    "Went to a marine science camp last summer",
    NULL },
  { "Nguyễn Thị Lan", "Lan", NULL, NULL, 2, 75, ROLE_OLD_CONFERENCE,
    "Photography with her phone, mostly birds",
    "Notices small details others miss",
    "Goes fishing at the lake with her grandfather",
    "Bilingual glossary for new vocabulary" },
  { "Elijah Washington", "Eli", "he/him", NULL, 1, 40,
    ROLE_STRUGGLING | ROLE_BEHIND | ROLE_OVERDUE_GOAL | ROLE_OLD_CONFERENCE,
    "Basketball and drawing sneakers",
    "Kind to younger students; a good buddy reader",
    "Looks after his two younger siblings after school",
    "Audio versions of long texts" },
  { "Hana Sato", NULL, NULL, NULL, 3, 84, ROLE_HIGH,
    "Origami and paper engineering",
    "Builds things with her hands; strong spatial sense",
    "Visited Kyoto with her family last spring",
    NULL },
  { "Oluwaseun Adeyemi", "Seun", "they/them", NULL, 2, 70, ROLE_ONE_CONFERENCE,
    "Coding small games in Scratch",
    "Calm and focused during independent work",
    NULL,
    "Movement breaks during long work periods" },
  { "Ingrid Johansson", NULL, NULL, NULL, 2, 64, ROLE_STALE,
    "Cross-country skiing and hiking",
    "Honest, specific feedback to peers",
    "Lived in Norway until third grade",
    NULL },
  { "Diego Quispe", NULL, "he/him", NULL, 1, 52,
    ROLE_WEAK_CITE | ROLE_BEHIND | ROLE_OVERDUE_GOAL,
    "Andean music; learning the charango",
    "Great at hands-on building",
    "Travels to Cusco to see family every other summer",
    "Extended time on written tasks" },
  { "Zainab Hussain", NULL, "she/her", NULL, 2, 73, 0,
    "Reading fantasy series",
    "Writes vivid descriptions",
    "Volunteers at the animal shelter with her mother",
    NULL },
  { "Liam O'Connor", NULL, NULL, NULL, 1, 60, ROLE_WEAK_CITE | ROLE_REVISION,
    "Ice hockey",
    "Enthusiastic in group discussions",
    NULL,
    "Preferential seating away from the door" },
  { "Ji-woo Park", NULL, "they/them", NULL, 2, 69, 0,
    "K-pop dance covers with friends",
    "Good at planning a group's work",
    "Has a younger sibling they help with homework",
    NULL },
  { "Tariq Haddad", NULL, NULL, NULL, 2, 62, ROLE_STALE | ROLE_ONE_CONFERENCE,
    "Cars and how engines work",
    "Patient problem-solver",
    "Helps at the family restaurant on weekends",
    "Large-print handouts" },
  { "Ana Lucía Torres", NULL, "she/her", NULL, 3, 80, 0,
    "Folklórico dance",
    "Confident presenter",
    "Performs with her dance group at community festivals",
    NULL },
  { "Kai Kahananui", NULL, NULL, NULL, 2, 63, ROLE_NO_CONFERENCE | ROLE_BEHIND,
    "Surfing and ocean conservation",
    "Strong sense of fairness",
    "Moved here from Hilo this year",
    NULL },
  { "Rivka Levi", NULL, NULL, "rivka.levi", 2, 71, 0,
    "Chess club",
    "Thinks several steps ahead",
    NULL,
    NULL },
  { "Arjun Mehta", NULL, "he/him", NULL, 1, 54, ROLE_WEAK_CITE | ROLE_NO_CONFERENCE,
    "Cricket statistics",
    "Quick mental math",
    "Plays in a weekend cricket league",
    "Checklist for multi-step tasks" },
  { "Noor Rahimi", NULL, "she/her", NULL, 3, 92, ROLE_HIGH,
    "Calligraphy and illuminated letters",
    "Connects ideas across subjects",
    "Attends a weekend art class at the museum",
    NULL },
};

G_STATIC_ASSERT (G_N_ELEMENTS (learners) == TRELLIS_SAMPLE_DEFAULT_LEARNERS);

/* Name parts for generated learners (class sizes above the hand-written ones). */
static const char * const given_names[] = {
  "Aaliyah", "Aditi", "Ahmed", "Akira", "Alejandro", "Amina", "Anaya", "Ayesha",
  "Benjamin", "Camila", "Chidi", "Chloé", "Daniela", "Dmitri", "Efua", "Emeka",
  "Esperanza", "Farah", "Gabriel", "Grace", "Hamza", "Imani", "Isabela", "Jamal",
  "Kenji", "Keira", "Leilani", "Lucas", "Malik", "Maya", "Mohammed", "Nia",
  "Olga", "Omar", "Paloma", "Rafael", "Sakura", "Santiago", "Tala", "Yusuf",
};

static const char * const family_names[] = {
  "Abdi", "Acosta", "Adebayo", "Alvarez", "Andersen", "Bakr", "Banerjee", "Brooks",
  "Castillo", "Cohen", "Dang", "Diallo", "Dubois", "Eze", "Fernandes", "Fischer",
  "Gomez", "Gupta", "Haile", "Ito", "Jackson", "Kaur", "Kim", "Kowalski",
  "Lee", "Lopez", "Mahmoud", "Martin", "Moreno", "Murphy", "Nakamura", "Novak",
  "Obi", "Ortiz", "Patel", "Popescu", "Reyes", "Santos", "Tanaka", "Wright",
  "Yilmaz",
};

static const char * const pool_interests[] = {
  "Drawing comics and graphic novels", "Soccer with friends at the park",
  "Minecraft building, especially redstone machines", "Cooking dinner with family on Sundays",
  "Marine animals", "Plays violin in the school orchestra", "Space and rockets",
  "Skateboarding and filming skate videos", "Mythology from many cultures",
  "Gardening at the community garden", "Birdwatching", "Fashion design",
};

static const char * const pool_strengths[] = {
  "Asks thoughtful questions", "Careful, detailed diagrams", "Helps classmates without giving answers away",
  "Strong reader", "Organised and on time", "Creative storyteller", "Good with data and graphs",
  "Persistent when work gets hard",
};

static const char * const pool_preferences[] = {
  "Prefers working with one partner over a big group",
  "Works best with headphones and quiet time",
  "Likes to see an example before the instructions",
  "Likes to choose the order of tasks",
  "Prefers to show learning by making something",
  "Prefers written feedback to feedback in front of others",
  "Likes a checklist for multi-step tasks",
  "Enjoys presenting to the class",
  "Focuses best near the front of the room",
};

static const char * const pool_experiences[] = {
  "Speaks two languages at home", "Helps out at a family business after school",
  "Volunteers at the library's summer reading program", "Moved here from another state this year",
  "Camps with a scout troop", "Went to a science camp last summer",
};

static const char * const pool_needs[] = {
  "Extended time on written tasks", "Audio versions of long texts",
  "Check-ins to break big tasks into steps", "Sentence starters for writing",
  "Movement breaks during long work periods",
};

/* ------------------------------------------------------------------ */
/* Goals, reflections, conferences                                     */

typedef struct
{
  const char *title;
  const char *success_criteria;
  guint8      skill;
} SampleGoal;

enum
{
  G_CITE,
  G_NOTES,
  G_FOOD_WEB,
  G_HELP,
  G_GRAPH,
  G_SPEAK,
  G_CONNECT,
  G_PLANNER,
  G_CHALLENGE,
  N_GOAL_TEMPLATES
};

static const SampleGoal goal_templates[N_GOAL_TEMPLATES] = {
  [G_CITE] = { "Cite two pieces of evidence in every paragraph",
               "Each body paragraph quotes or paraphrases two sources and says where they come from.",
               SK_RH1 },
  [G_NOTES] = { "Finish research notes before the week 2 check-in",
                "Notes cover three topics from the research guide, each with a source.",
                SK_RH2 },
  [G_FOOD_WEB] = { "Explain a food web out loud without notes",
                   "I can trace energy from the sun to a top predator and say what happens if one species disappears.",
                   SK_LS3 },
  [G_HELP] = { "Ask for help within ten minutes of getting stuck",
               "I use the help board or ask a partner before I stop working; my teacher and I look at my log every week.",
               SK_NONE },
  [G_GRAPH] = { "Read a graph and write a claim from it",
                "Given population data, I write one claim that uses two numbers as evidence.",
                SK_LS1 },
  [G_SPEAK] = { "Speak clearly to a small audience",
                "In the rehearsal I look at my audience, speak loudly enough and keep to three minutes.",
                SK_SL4 },
  [G_CONNECT] = { "Connect my civilization to today",
                  "My exhibit names one idea or invention and shows where we still use it.",
                  SK_HIS1 },
  [G_PLANNER] = { "Use a planner for the museum project",
                  "At every check-in I show my plan with dates and what is done.",
                  SK_NONE },
  [G_CHALLENGE] = { "Take on the challenge option",
                    "I finish the disruption study with a prediction I can defend with data.",
                    SK_LS4 },
};

typedef struct
{
  const char *old_title;
  const char *old_success_criteria;
  const char *title;
  const char *success_criteria;
  guint8      skill;
  const char *reason;
} SampleRevision;

static const SampleRevision revisions[] = {
  { "Get better at writing", "Write better paragraphs.",
    "Write paragraphs with a claim and two pieces of evidence",
    "Each paragraph of my report starts with a claim and uses two facts from my notes.",
    SK_WHST2, "Too broad to check; we made the criteria specific at the conference." },
  { "Be more organised", NULL,
    "Keep my playlist checklist up to date",
    "Every Friday my checklist shows what is done and what is next.",
    SK_NONE, "Rewritten so that it can be checked each week." },
  { "Learn everything about food webs", "Know all the animals in the food web.",
    "Explain how energy moves in one food web",
    "I can draw the arrows from producer to top consumer and explain what each one means.",
    SK_LS3, "Narrowed to one food web after the first check-in." },
  { "Read faster", NULL,
    "Use a summary strategy for long sources",
    "After each source I write a two-sentence summary of its central idea.",
    SK_RH2, "Reading speed was not the problem; keeping track of the main idea was." },
};

static const SampleGoal dropped_goals[] = {
  { "Build a working shaduf model",
    "The model lifts water from a lower level to a higher one.", SK_GEO4 },
  { "Finish the challenge option early",
    "Done a week before the check-in.", SK_LS4 },
  { "Read one extra book about ancient Greece",
    "A one-page summary of the book.", SK_RH2 },
};

static const char * const drop_reasons[] = {
  "Chose the short play instead; this goal no longer fits the project.",
  "Dropped to focus on the museum presentation.",
  "Learner decided the goal was not important to them right now.",
};

static const char * const met_reasons[] = {
  "Met: showed the evidence at the conference.",
  "Met: the check-in work meets every criterion.",
  "Met early; set a new, harder goal.",
};

static const char * const extend_reasons[] = {
  "Target date moved after a week of absences.",
  "More time agreed at the conference; criteria unchanged.",
};

static const char * const checkin_notes[] = {
  "On track; the question is focused.",
  "Needs a second source; pointed to the library database.",
  "Strong notes and a clear plan.",
  "Plan was vague; we set two dates together.",
  "Ready to move on; suggested the challenge option.",
  "Good progress after a slow start.",
  "Arrows in the food web now point the right way.",
  "Explained the pyramid clearly in their own words.",
};

static const char * const civ_checkin_reflections[] = {
  "I picked my research question: how did people get enough water to farm? I still need a second source.",
  "My question changed after reading the letter. Now I want to know how kids my age lived.",
  "I work better when I put my notes in a table. I'll keep doing that.",
  "It was hard to tell which sources I could trust. I'll ask about it at the next check-in.",
  "I finished the map walk early and helped my partner label the rivers.",
};

static const char * const eco_checkin_reflections[] = {
  "The energy pyramid made sense once we used the blocks. Only about a tenth of the energy moves up each level.",
  "I still mix up producers and decomposers. I'm making flash cards.",
  "Our group split the work fairly this time, and we finished early.",
  "Graphing the deer population showed me what happens when food runs out.",
};

static const char * const goal_reflections[] = {
  "I'm closer to my goal. This week I did it in two out of three tries.",
  "I forgot to check my plan on Tuesday and fell behind. Tomorrow I'll start with the checklist.",
  "Asking my partner before giving up worked twice this week.",
  "I practised explaining it to my little brother and he understood it.",
  "I think my goal is too big. I want to talk about splitting it at our next conference.",
};

static const char * const teacher_reflections[] = {
  "Came prepared with notes; we agreed on the next step together.",
  "Needed prompting to name a next step; sentence starters helped.",
  "Much more confident than last time; ready for a challenge.",
  "Talked through what gets in the way of starting work; will try a timer.",
  "Proud of the work so far and explained it clearly.",
};

static const char * const behind_reflections[] = {
  "Missed the week 3 check-in. We made a catch-up plan: notes first, then the draft.",
  "Falling behind on the milestones; needs a daily two-minute check-in this week.",
};

typedef struct
{
  const char *notes;
  const char *next_steps;
} SampleConference;

static const SampleConference conference_texts[] = {
  { "Talked about the research question and which sources to trust. Chose to focus on daily life.",
    "Find one primary source by Friday and bring notes to the week 2 check-in." },
  { "Reviewed the food web quiz together; the energy arrows were reversed in two places.",
    "Redo the food web with arrows pointing to where the energy goes." },
  { "Set a goal about citing evidence; we looked at an example paragraph.",
    "Use the evidence sentence starters in every paragraph of the draft." },
  { "Discussed working with a partner on the model; both want to build the pyramid.",
    "Write a shared plan with who does what; check in on Wednesday." },
  { "Celebrated finishing the energy pyramid lab early. Interested in the challenge option.",
    "Start the disruption study; meet again in two weeks." },
  { "Feels behind and stressed. We broke the museum project into three steps.",
    "Step one: finish notes by Thursday. Daily two-minute check-in with the teacher." },
  { "Looked at the reflection journal; goals are getting more specific.",
    "Rewrite the goal's success criteria so that it can be checked." },
};

/* ------------------------------------------------------------------ */
/* Gradebook items and the agency survey                               */

typedef struct
{
  const char *lms_id;
  const char *title;
  int         points;
  guint8      skill;     /* SK_NONE: not mapped yet */
  int         node;      /* -1: none */
  int         day;
} SampleItem;

static const SampleItem items[] = {
  { "1043", "Quiz: Rivers and farming", 10, SK_GEO4, N_CIV_INTRO, -19 },
  { "1044", "Primary source analysis", 20, SK_RH1, N_CIV_SOURCES, -6 },
  { "1051", "Food web quiz", 15, SK_LS3, N_ECO_CHECKIN_1, -30 },
  { "1057", "Reading log, week 3", 5, SK_NONE, -1, -9 },
};

static const char * const survey_prompts[] = {
  "I can choose how I show what I have learned.",
  "I know what my next step is in my playlist.",
  "When I get stuck, I know how to get help.",
  "I set goals and check how I am doing on them.",
};

static const int survey_days[] = { -35, -4 };

/* ------------------------------------------------------------------ */
/* The builder                                                         */

typedef enum
{
  STMT_SKILL,
  STMT_PREREQUISITE,
  STMT_PLAYLIST,
  STMT_PLAYLIST_SKILL,
  STMT_NODE,
  STMT_NODE_FORMAT,
  STMT_NODE_SKILL,
  STMT_LEARNER,
  STMT_PROFILE,
  STMT_GOAL,
  STMT_GOAL_REVISION,
  STMT_GOAL_SKILL,
  STMT_PROGRESS,
  STMT_CHOICE,
  STMT_CONFERENCE,
  STMT_REFLECTION,
  STMT_ITEM,
  STMT_EVIDENCE,
  STMT_SURVEY,
  STMT_SURVEY_ITEM,
  STMT_ADMINISTRATION,
  STMT_RESPONSE,
  N_STMTS
} SampleStmt;

static const char * const stmt_sql[N_STMTS] = {
  [STMT_SKILL] =
    "INSERT INTO skills (code, name, description, position) VALUES (?1, ?2, ?3, ?4)",
  [STMT_PREREQUISITE] =
    "INSERT INTO skill_prerequisites (skill_id, prerequisite_id) VALUES (?1, ?2)",
  [STMT_PLAYLIST] =
    "INSERT INTO playlists (title, description, starts_on, ends_on, position, uid, created_at) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
  [STMT_PLAYLIST_SKILL] =
    "INSERT INTO playlist_skills (playlist_id, skill_id) VALUES (?1, ?2)",
  [STMT_NODE] =
    "INSERT INTO nodes (playlist_id, parent_id, position, kind, uid, title, instructions, "
    "resource_url, estimated_minutes, social_mode, choose_min, choose_max, suggested_date, "
    "target_date, must_show, is_starter, is_challenge) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)",
  [STMT_NODE_FORMAT] =
    "INSERT INTO node_formats (node_id, format, position) VALUES (?1, ?2, ?3)",
  [STMT_NODE_SKILL] =
    "INSERT INTO node_skills (node_id, skill_id) VALUES (?1, ?2)",
  [STMT_LEARNER] =
    "INSERT INTO learners (name, preferred_name, pronouns, sis_id, login, email, "
    "self_regulation, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
  [STMT_PROFILE] =
    "INSERT INTO profile_entries (learner_id, kind, text, position, revisited_on, created_at) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
  [STMT_GOAL] =
    "INSERT INTO goals (learner_id, title, success_criteria, target_date, status, created_on, "
    "updated_on) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
  [STMT_GOAL_REVISION] =
    "INSERT INTO goal_revisions (goal_id, changed_on, old_title, old_success_criteria, "
    "old_target_date, old_status, new_status, reason) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
  [STMT_GOAL_SKILL] =
    "INSERT INTO goal_skills (goal_id, skill_id) VALUES (?1, ?2)",
  [STMT_PROGRESS] =
    "INSERT INTO progress (learner_id, node_id, status, format, checkin_on, checkin_note, "
    "updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
  [STMT_CHOICE] =
    "INSERT INTO choices (learner_id, option_id, chosen_at) VALUES (?1, ?2, ?3)",
  [STMT_CONFERENCE] =
    "INSERT INTO conferences (learner_id, held_on, notes, next_steps, duration_seconds) "
    "VALUES (?1, ?2, ?3, ?4, ?5)",
  [STMT_REFLECTION] =
    "INSERT INTO reflections (learner_id, written_on, text, author, goal_id, node_id, "
    "conference_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
  [STMT_ITEM] =
    "INSERT INTO gradebook_items (source, lms_id, title, points_possible, skill_id, node_id) "
    "VALUES ('canvas', ?1, ?2, ?3, ?4, ?5)",
  [STMT_EVIDENCE] =
    "INSERT INTO evidence (learner_id, skill_id, node_id, item_id, observed_at, kind, score, "
    "max_score, source, note) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
  [STMT_SURVEY] =
    "INSERT INTO surveys (title, created_on) VALUES (?1, ?2)",
  [STMT_SURVEY_ITEM] =
    "INSERT INTO survey_items (survey_id, position, prompt, scale_min, scale_max) "
    "VALUES (?1, ?2, ?3, 1, 4)",
  [STMT_ADMINISTRATION] =
    "INSERT INTO survey_administrations (survey_id, administered_on) VALUES (?1, ?2)",
  [STMT_RESPONSE] =
    "INSERT INTO survey_responses (administration_id, item_id, learner_id, value) "
    "VALUES (?1, ?2, ?3, ?4)",
};

typedef struct
{
  TrellisClassroom *classroom;
  sqlite3          *db;
  sqlite3_stmt     *stmts[N_STMTS];

  char              dates[N_DATES][11];
  GDateWeekday      weekdays[N_DATES];
  char              school_year[16];

  gint64            skill_ids[N_SKILLS];
  gint64            playlist_ids[N_PLAYLISTS];
  gint64            node_ids[N_NODES];
  gint64            item_ids[G_N_ELEMENTS (items)];
  gint64            survey_item_ids[G_N_ELEMENTS (survey_prompts)];
  gint64            administration_ids[G_N_ELEMENTS (survey_days)];
} SampleBuilder;

/* What one learner is like, and what happened to them. */
typedef struct
{
  guint                index;
  gint64               id;
  SampleRng            rng;

  char                *name;
  const char          *preferred_name;
  const char          *pronouns;
  char                *sis_id;
  char                *login;
  char                *email;
  guint                self_regulation;
  double               ability;
  guint                roles;
  const char          *interest;
  const char          *strength;
  const char          *experience;
  const char          *need;

  /* The day offset up to which the learner's work is done. */
  int                  reach;
  /* When the learner came to know each skill: a fraction of the skill's
   * evidence window (0: before it opened, above 1: not yet). */
  double               learned_at[N_SKILLS];

  int                  eco_choice;
  gint64               active_goal_id;
  gint64               last_conference_id;
  int                  last_conference_day;
} SamplePlan;

typedef struct
{
  char s[24];
} SampleStamp;

static const char *
day (SampleBuilder *b,
     int            offset)
{
  g_assert (offset >= DATE_MIN && offset <= DATE_MAX);
  return b->dates[offset - DATE_MIN];
}

/* A timestamp: the day plus a fixed time (UTC, as the store keeps them). */
static SampleStamp
stamp (SampleBuilder *b,
       int            offset,
       int            hour,
       int            minute)
{
  SampleStamp result;

  g_snprintf (result.s, sizeof result.s, "%sT%02d:%02d:00Z", day (b, offset), hour, minute);
  return result;
}

/* Moves a weekend day to a school day, never past today. */
static int
school_day (SampleBuilder *b,
            int            offset)
{
  GDateWeekday weekday;

  offset = CLAMP (offset, DATE_MIN + 2, DATE_MAX - 2);
  weekday = b->weekdays[offset - DATE_MIN];

  if (weekday == G_DATE_SATURDAY)
    return offset - 1;
  if (weekday == G_DATE_SUNDAY)
    return offset + 1 <= 0 ? offset + 1 : offset - 2;
  return offset;
}

static void
bind_text (sqlite3_stmt *stmt,
           int           column,
           const char   *text)
{
  if (text == NULL)
    sqlite3_bind_null (stmt, column);
  else
    sqlite3_bind_text (stmt, column, text, -1, SQLITE_TRANSIENT);
}

/* Binds a row id, or NULL for 0. */
static void
bind_id (sqlite3_stmt *stmt,
         int           column,
         gint64        id)
{
  if (id <= 0)
    sqlite3_bind_null (stmt, column);
  else
    sqlite3_bind_int64 (stmt, column, id);
}

static sqlite3_stmt *
stmt (SampleBuilder *b,
      SampleStmt     which)
{
  return b->stmts[which];
}

/* Runs the statement with its bindings, then makes it ready for the next row. */
static gboolean
run (SampleBuilder  *b,
     SampleStmt      which,
     gint64         *id,
     GError        **error)
{
  sqlite3_stmt *s = b->stmts[which];
  int rc;

  rc = sqlite3_step (s);
  if (rc != SQLITE_DONE)
    trellis_classroom_set_db_error (b->classroom, rc, error);
  sqlite3_reset (s);
  sqlite3_clear_bindings (s);

  if (rc != SQLITE_DONE)
    return FALSE;

  if (id != NULL)
    *id = sqlite3_last_insert_rowid (b->db);
  return TRUE;
}

static gboolean
builder_init (SampleBuilder     *b,
              TrellisClassroom  *classroom,
              GError           **error)
{
  g_autofree char *today = NULL;
  guint year, month, dom;
  GDate base;

  b->classroom = classroom;
  b->db = trellis_classroom_get_db (classroom);

  today = trellis_classroom_today (classroom);
  if (today == NULL || sscanf (today, "%4u-%2u-%2u", &year, &month, &dom) != 3 ||
      !g_date_valid_dmy ((GDateDay)dom, (GDateMonth)month, (GDateYear)year) || year < 1000)
    {
      g_set_error (error, TRELLIS_CLASSROOM_ERROR, TRELLIS_CLASSROOM_ERROR_INVALID,
                   _("Could not fill in the sample classroom: the clock gave an invalid date (%s)"),
                   today != NULL ? today : "?");
      return FALSE;
    }

  g_date_clear (&base, 1);
  g_date_set_dmy (&base, (GDateDay)dom, (GDateMonth)month, (GDateYear)year);

  for (int offset = DATE_MIN; offset <= DATE_MAX; offset++)
    {
      GDate date = base;

      if (offset < 0)
        g_date_subtract_days (&date, (guint)-offset);
      else
        g_date_add_days (&date, (guint)offset);

      g_snprintf (b->dates[offset - DATE_MIN], sizeof b->dates[0], "%04u-%02u-%02u",
                  (guint)g_date_get_year (&date), (guint)g_date_get_month (&date),
                  (guint)g_date_get_day (&date));
      b->weekdays[offset - DATE_MIN] = g_date_get_weekday (&date);
    }

  /* A school year runs from August to July. */
  if (month >= 8)
    g_snprintf (b->school_year, sizeof b->school_year, "%u-%u", year, year + 1);
  else
    g_snprintf (b->school_year, sizeof b->school_year, "%u-%u", year - 1, year);

  for (guint i = 0; i < N_STMTS; i++)
    {
      b->stmts[i] = trellis_classroom_prepare (classroom, stmt_sql[i], error);
      if (b->stmts[i] == NULL)
        return FALSE;
    }

  return TRUE;
}

static void
builder_clear (SampleBuilder *b)
{
  for (guint i = 0; i < N_STMTS; i++)
    g_clear_pointer (&b->stmts[i], sqlite3_finalize);
}

/* ------------------------------------------------------------------ */
/* Classroom, skills, playlists                                        */

static gboolean
add_classroom_settings (SampleBuilder  *b,
                        GError        **error)
{
  g_autoptr(sqlite3_stmt) s = NULL;
  SampleStamp created = stamp (b, SCHOOL_STARTS, 7, 30);

  s = trellis_classroom_prepare (b->classroom,
                                 "UPDATE classroom SET created_at = ?1, school_year = ?2, "
                                 "class_minutes_per_week = 250, conference_cadence_days = 21, "
                                 "stale_profile_weeks = 6 WHERE id = 1",
                                 error);
  if (s == NULL)
    return FALSE;
  bind_text (s, 1, created.s);
  bind_text (s, 2, b->school_year);
  return trellis_classroom_step (b->classroom, s, error);
}

static gboolean
add_skills (SampleBuilder  *b,
            GError        **error)
{
  sqlite3_stmt *s = stmt (b, STMT_SKILL);

  for (guint k = 1; k < N_SKILLS; k++)
    {
      bind_text (s, 1, skills[k].code);
      bind_text (s, 2, skills[k].name);
      bind_text (s, 3, skills[k].description);
      sqlite3_bind_int (s, 4, (int)k - 1);
      if (!run (b, STMT_SKILL, &b->skill_ids[k], error))
        return FALSE;
    }

  s = stmt (b, STMT_PREREQUISITE);
  for (guint i = 0; i < G_N_ELEMENTS (prerequisites); i++)
    {
      sqlite3_bind_int64 (s, 1, b->skill_ids[prerequisites[i][0]]);
      sqlite3_bind_int64 (s, 2, b->skill_ids[prerequisites[i][1]]);
      if (!run (b, STMT_PREREQUISITE, NULL, error))
        return FALSE;
    }

  return TRUE;
}

static const char *
node_kind_name (SampleNodeKind kind)
{
  switch (kind)
    {
    case KIND_ACTIVITY:
      return "activity";
    case KIND_CHOICE:
      return "choice";
    case KIND_MILESTONE:
      return "milestone";
    default:
      g_assert_not_reached ();
    }
}

static gboolean
add_playlists (SampleBuilder  *b,
               GError        **error)
{
  guint option_positions[N_NODES] = { 0 };
  guint top_position = 0;
  sqlite3_stmt *s;

  for (guint p = 0; p < N_PLAYLISTS; p++)
    {
      SampleStamp created = stamp (b, school_day (b, playlists[p].starts_on - 7), 19, 30);

      s = stmt (b, STMT_PLAYLIST);
      bind_text (s, 1, playlists[p].title);
      bind_text (s, 2, playlists[p].description);
      bind_text (s, 3, day (b, playlists[p].starts_on));
      bind_text (s, 4, day (b, playlists[p].ends_on));
      sqlite3_bind_int (s, 5, (int)p);
      bind_text (s, 6, playlists[p].uid);
      bind_text (s, 7, created.s);
      if (!run (b, STMT_PLAYLIST, &b->playlist_ids[p], error))
        return FALSE;

      s = stmt (b, STMT_PLAYLIST_SKILL);
      for (guint k = 0; k < G_N_ELEMENTS (playlists[p].skills) && playlists[p].skills[k] != SK_NONE; k++)
        {
          sqlite3_bind_int64 (s, 1, b->playlist_ids[p]);
          sqlite3_bind_int64 (s, 2, b->skill_ids[playlists[p].skills[k]]);
          if (!run (b, STMT_PLAYLIST_SKILL, NULL, error))
            return FALSE;
        }
    }

  for (guint n = 0; n < N_NODES; n++)
    {
      const SampleNode *node = &nodes[n];
      guint position;

      /* Top-level positions count per playlist, options per choice. */
      if (node->parent == TOP)
        {
          if (n > 0 && nodes[n - 1].playlist != node->playlist)
            top_position = 0;
          position = top_position++;
        }
      else
        {
          position = option_positions[node->parent]++;
        }

      s = stmt (b, STMT_NODE);
      sqlite3_bind_int64 (s, 1, b->playlist_ids[node->playlist]);
      bind_id (s, 2, node->parent == TOP ? 0 : b->node_ids[node->parent]);
      sqlite3_bind_int (s, 3, (int)position);
      bind_text (s, 4, node_kind_name (node->kind));
      bind_text (s, 5, node->uid);
      bind_text (s, 6, node->title);
      bind_text (s, 7, node->instructions);
      bind_text (s, 8, node->resource);
      if (node->minutes > 0)
        sqlite3_bind_int (s, 9, node->minutes);
      bind_text (s, 10, node->social_mode);
      if (node->kind == KIND_CHOICE)
        {
          sqlite3_bind_int (s, 11, node->choose_min);
          sqlite3_bind_int (s, 12, node->choose_max);
        }
      if (node->kind == KIND_MILESTONE)
        bind_text (s, 14, day (b, node->day));
      else
        bind_text (s, 13, day (b, node->day));
      bind_text (s, 15, node->must_show);
      sqlite3_bind_int (s, 16, node->starter ? 1 : 0);
      sqlite3_bind_int (s, 17, node->challenge ? 1 : 0);
      if (!run (b, STMT_NODE, &b->node_ids[n], error))
        return FALSE;

      s = stmt (b, STMT_NODE_FORMAT);
      for (guint f = 0; f < G_N_ELEMENTS (node->formats) && node->formats[f] != NULL; f++)
        {
          sqlite3_bind_int64 (s, 1, b->node_ids[n]);
          bind_text (s, 2, node->formats[f]);
          sqlite3_bind_int (s, 3, (int)f);
          if (!run (b, STMT_NODE_FORMAT, NULL, error))
            return FALSE;
        }

      s = stmt (b, STMT_NODE_SKILL);
      for (guint k = 0; k < G_N_ELEMENTS (node->skills) && node->skills[k] != SK_NONE; k++)
        {
          sqlite3_bind_int64 (s, 1, b->node_ids[n]);
          sqlite3_bind_int64 (s, 2, b->skill_ids[node->skills[k]]);
          if (!run (b, STMT_NODE_SKILL, NULL, error))
            return FALSE;
        }
    }

  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Gradebook items and the survey                                      */

static gboolean
add_gradebook_items (SampleBuilder  *b,
                     GError        **error)
{
  sqlite3_stmt *s = stmt (b, STMT_ITEM);

  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    {
      bind_text (s, 1, items[i].lms_id);
      bind_text (s, 2, items[i].title);
      sqlite3_bind_double (s, 3, items[i].points);
      bind_id (s, 4, b->skill_ids[items[i].skill]);
      bind_id (s, 5, items[i].node >= 0 ? b->node_ids[items[i].node] : 0);
      if (!run (b, STMT_ITEM, &b->item_ids[i], error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
add_survey (SampleBuilder  *b,
            GError        **error)
{
  sqlite3_stmt *s;
  gint64 survey_id;

  s = stmt (b, STMT_SURVEY);
  bind_text (s, 1, "Learner agency check-in");
  bind_text (s, 2, day (b, school_day (b, survey_days[0] - 5)));
  if (!run (b, STMT_SURVEY, &survey_id, error))
    return FALSE;

  s = stmt (b, STMT_SURVEY_ITEM);
  for (guint i = 0; i < G_N_ELEMENTS (survey_prompts); i++)
    {
      sqlite3_bind_int64 (s, 1, survey_id);
      sqlite3_bind_int (s, 2, (int)i);
      bind_text (s, 3, survey_prompts[i]);
      if (!run (b, STMT_SURVEY_ITEM, &b->survey_item_ids[i], error))
        return FALSE;
    }

  s = stmt (b, STMT_ADMINISTRATION);
  for (guint i = 0; i < G_N_ELEMENTS (survey_days); i++)
    {
      sqlite3_bind_int64 (s, 1, survey_id);
      bind_text (s, 2, day (b, school_day (b, survey_days[i])));
      if (!run (b, STMT_ADMINISTRATION, &b->administration_ids[i], error))
        return FALSE;
    }

  return TRUE;
}

/* ------------------------------------------------------------------ */
/* One learner                                                         */

#define NO_DAY G_MININT

static const char *
maybe_day (SampleBuilder *b,
           int            offset)
{
  return offset == NO_DAY ? NULL : day (b, offset);
}

static char *
ascii_login (const char *given,
             const char *family,
             guint       index)
{
  g_autofree char *text = g_strdup_printf ("%s.%s%u", given, family, index);
  g_autofree char *ascii = g_str_to_ascii (text, "C");
  GString *login = g_string_new (NULL);

  for (const char *c = ascii; *c != '\0'; c++)
    if (g_ascii_isalnum (*c) || *c == '.')
      g_string_append_c (login, g_ascii_tolower (*c));

  return g_string_free (login, FALSE);
}

/* How a learner's evidence is drawn (see plan_probability()).
 *
 * The chance that work meets the standard once the skill is known, and
 * before it is: a base plus a share of the learner's ability (0.9: 89% and
 * 42%; 0.7: 76% and 36%; 0.5: 63% and 30%).  Those weak on citing evidence
 * rarely get it right before it clicks. */
#define KNOWN_SUCCESS_BASE       0.3
#define KNOWN_SUCCESS_ABILITY    0.65
#define UNKNOWN_SUCCESS_BASE     0.15
#define UNKNOWN_SUCCESS_ABILITY  0.3
#define WEAK_CITE_SUCCESS        0.05
/* When a skill is learned, as a fraction of its evidence window:
 * (LEARNED_PIVOT − readiness) × LEARNED_SLOPE, readiness being the ability
 * give or take LEARNED_SPREAD / 2 for each skill.  A learner of ability 0.7
 * learns a skill in the first three quarters of its window, 0.55 anywhere
 * in it or not yet, 0.4 in its second half or not yet; learners ready for
 * more know every skill by HIGH_LEARNED_BY.  NOT_YET: not in the window. */
#define LEARNED_PIVOT            0.85
#define LEARNED_SLOPE            2.0
#define LEARNED_SPREAD           0.45
#define HIGH_LEARNED_BY          0.1
#define NOT_YET                  2.0

static double
plan_learned_at (SamplePlan *p,
                 guint       skill,
                 double      noise)
{
  double readiness = p->ability + (noise - 0.5) * LEARNED_SPREAD;
  double at = (LEARNED_PIVOT - readiness) * LEARNED_SLOPE;

  /* Learners ready for more knew the unit's skills early. */
  if (p->roles & ROLE_HIGH)
    at = MIN (at, HIGH_LEARNED_BY);

  /* Citing evidence has not clicked yet, and writing to explain, which
   * builds on it, lags behind: a gap in a prerequisite. */
  if ((p->roles & ROLE_WEAK_CITE) && skill == SK_RH1)
    at = NOT_YET;
  if ((p->roles & ROLE_WEAK_CITE) && skill == SK_WHST2)
    at = MAX (at, 0.75);
  if ((p->roles & ROLE_STRUGGLING) && (skill == SK_RH1 || skill == SK_WHST2))
    at = NOT_YET;

  return at;
}

static void
plan_init (SamplePlan *p,
           guint       index)
{
  SampleRng seeder;

  memset (p, 0, sizeof *p);
  p->index = index;

  /* Each learner has their own stream, so learner i is the same in any class size. */
  rng_init (&seeder, G_GUINT64_CONSTANT (0x5A3D1E7C0FFEE) + index);
  rng_init (&p->rng, rng_next (&seeder));

  if (index < G_N_ELEMENTS (learners))
    {
      const SampleLearner *l = &learners[index];

      p->name = g_strdup (l->name);
      p->preferred_name = l->preferred_name;
      p->pronouns = l->pronouns;
      p->self_regulation = l->self_regulation;
      p->ability = l->ability / 100.0;
      p->roles = l->roles;
      p->interest = l->interest;
      p->strength = l->strength;
      p->experience = l->experience;
      p->need = l->need;
      if (l->login != NULL)
        p->login = g_strdup (l->login);
    }
  else
    {
      static const char * const pronouns[] = { "she/her", "he/him", "they/them" };
      guint j = index - G_N_ELEMENTS (learners);
      const char *given = given_names[j % G_N_ELEMENTS (given_names)];
      const char *family = family_names[(j * 7) % G_N_ELEMENTS (family_names)];
      guint round = j / (G_N_ELEMENTS (given_names) * G_N_ELEMENTS (family_names));

      /* Given and family names have coprime counts: every pair is distinct in a round. */
      if (round == 0)
        p->name = g_strdup_printf ("%s %s", given, family);
      else
        p->name = g_strdup_printf ("%s %s %u", given, family, round + 1);

      if (rng_chance (&p->rng, 0.3))
        p->pronouns = pronouns[rng_below (&p->rng, G_N_ELEMENTS (pronouns))];
      p->self_regulation = 1 + rng_below (&p->rng, 3);
      p->ability = 0.45 + 0.47 * rng_double (&p->rng);

      if (p->ability > 0.8 && rng_chance (&p->rng, 0.6))
        p->roles |= ROLE_HIGH;
      if (p->ability < 0.7 && rng_chance (&p->rng, 0.25))
        p->roles |= ROLE_WEAK_CITE;
      if (p->ability < 0.55 && rng_chance (&p->rng, 0.5))
        p->roles |= ROLE_STRUGGLING;
      if (!(p->roles & ROLE_HIGH) && rng_chance (&p->rng, 0.12))
        p->roles |= ROLE_BEHIND;
      if (rng_chance (&p->rng, 0.1))
        p->roles |= ROLE_STALE;
      switch (rng_below (&p->rng, 10))
        {
        case 0:
          p->roles |= ROLE_NO_CONFERENCE;
          break;
        case 1:
          p->roles |= ROLE_OLD_CONFERENCE;
          break;
        case 2:
          p->roles |= ROLE_ONE_CONFERENCE;
          break;
        default:
          break;
        }
      if (rng_chance (&p->rng, 0.06))
        p->roles |= ROLE_OVERDUE_GOAL;
      if (rng_chance (&p->rng, 0.08))
        p->roles |= ROLE_REVISION;

      p->interest = pool_interests[rng_below (&p->rng, G_N_ELEMENTS (pool_interests))];
      p->strength = pool_strengths[rng_below (&p->rng, G_N_ELEMENTS (pool_strengths))];
      if (rng_chance (&p->rng, 0.6))
        p->experience = pool_experiences[rng_below (&p->rng, G_N_ELEMENTS (pool_experiences))];
      if (rng_chance (&p->rng, 0.35))
        p->need = pool_needs[rng_below (&p->rng, G_N_ELEMENTS (pool_needs))];
      if (rng_chance (&p->rng, 0.3))
        p->login = ascii_login (given, family, index + 1);
    }

  /* Roughly two thirds have a student information system id. */
  if (index % 3 != 2)
    p->sis_id = g_strdup_printf ("S%06u", 260101 + index);
  if (p->login != NULL)
    p->email = g_strconcat (p->login, "@students.example.edu", NULL);

  if (p->roles & ROLE_BEHIND)
    p->reach = rng_between (&p->rng, -13, -11);
  else if (p->roles & ROLE_HIGH)
    p->reach = rng_between (&p->rng, 4, 6);
  else
    p->reach = rng_between (&p->rng, -1, 2);

  for (guint k = 1; k < N_SKILLS; k++)
    p->learned_at[k] = plan_learned_at (p, k, rng_double (&p->rng));
}

static void
plan_clear (SamplePlan *p)
{
  g_clear_pointer (&p->name, g_free);
  g_clear_pointer (&p->sis_id, g_free);
  g_clear_pointer (&p->login, g_free);
  g_clear_pointer (&p->email, g_free);
}

/* The chance that the learner's work on @skill meets the standard
 * (a right answer, a rubric level of 3 or more, 70% of the points),
 * @progress (0–1) through the skill's evidence window.
 *
 * Mastery is modelled the way a teacher sees it happen: a learner does not
 * know a skill, then comes to know it at some point of the unit, and from
 * then on mostly succeeds (an occasional slip), while before that they
 * succeed only now and then.  A constant chance of success would make
 * every learner above about 70% look as if they had mastered every skill,
 * which is neither what a class looks like nor what the mastery model
 * should be shown. */
static double
plan_probability (SamplePlan *p,
                  guint       skill,
                  double      progress)
{
  if (progress >= p->learned_at[skill])
    return KNOWN_SUCCESS_BASE + KNOWN_SUCCESS_ABILITY * p->ability;

  /* Citing evidence has not clicked at all: rarely right, whatever the ability. */
  if ((p->roles & ROLE_WEAK_CITE) && skill == SK_RH1)
    return WEAK_CITE_SUCCESS;

  return UNKNOWN_SUCCESS_BASE + UNKNOWN_SUCCESS_ABILITY * p->ability;
}

/* A rubric level out of 4 that meets the standard (3 or 4) with @probability. */
static double
rubric_level (SamplePlan *p,
              double      probability)
{
  if (rng_chance (&p->rng, probability))
    return rng_chance (&p->rng, p->ability) ? 4 : 3;

  return rng_chance (&p->rng, 0.6) ? 2 : 1;
}

/* Points out of @max_points that reach 70% with @probability. */
static double
points_score (SamplePlan *p,
              guint       max_points,
              double      probability)
{
  guint pass = (max_points * 7 + 9) / 10;
  guint score;

  if (rng_chance (&p->rng, probability))
    {
      score = pass;
      for (guint i = pass; i < max_points; i++)
        if (rng_chance (&p->rng, p->ability))
          score++;
    }
  else
    score = (guint)rng_between (&p->rng, (int)(max_points / 4), (int)pass - 1);

  return score;
}

static gboolean
add_learner_row (SampleBuilder  *b,
                 SamplePlan     *p,
                 GError        **error)
{
  sqlite3_stmt *s = stmt (b, STMT_LEARNER);
  SampleStamp created = stamp (b, SCHOOL_STARTS, 7, 45);

  bind_text (s, 1, p->name);
  bind_text (s, 2, p->preferred_name);
  bind_text (s, 3, p->pronouns);
  bind_text (s, 4, p->sis_id);
  bind_text (s, 5, p->login);
  bind_text (s, 6, p->email);
  sqlite3_bind_int (s, 7, (int)p->self_regulation);
  bind_text (s, 8, created.s);
  return run (b, STMT_LEARNER, &p->id, error);
}

static gboolean
add_profile_entry (SampleBuilder  *b,
                   SamplePlan     *p,
                   const char     *kind,
                   const char     *text,
                   int             position,
                   int             revisited,
                   GError        **error)
{
  sqlite3_stmt *s = stmt (b, STMT_PROFILE);
  SampleStamp created = stamp (b, school_day (b, SCHOOL_STARTS + rng_between (&p->rng, 2, 8)), 15, 30);

  sqlite3_bind_int64 (s, 1, p->id);
  bind_text (s, 2, kind);
  bind_text (s, 3, text);
  sqlite3_bind_int (s, 4, position);
  bind_text (s, 5, day (b, school_day (b, revisited)));
  bind_text (s, 6, created.s);
  return run (b, STMT_PROFILE, NULL, error);
}

static int
revisited_day (SamplePlan *p,
               gboolean    first)
{
  if (p->roles & ROLE_STALE)
    return -rng_between (&p->rng, 48, 68);
  if (first)
    return -rng_between (&p->rng, 2, 20);
  /* Some entries of a living profile are older than others. */
  return rng_chance (&p->rng, 0.2) ? -rng_between (&p->rng, 30, 55) : -rng_between (&p->rng, 2, 28);
}

static gboolean
add_profile (SampleBuilder  *b,
             SamplePlan     *p,
             GError        **error)
{
  const char *preference = pool_preferences[rng_below (&p->rng, G_N_ELEMENTS (pool_preferences))];

  if (!add_profile_entry (b, p, "interest", p->interest, 0, revisited_day (p, TRUE), error))
    return FALSE;

  if (rng_chance (&p->rng, 0.3))
    {
      const char *second = pool_interests[rng_below (&p->rng, G_N_ELEMENTS (pool_interests))];

      if (g_strcmp0 (second, p->interest) != 0 &&
          !add_profile_entry (b, p, "interest", second, 1, revisited_day (p, FALSE), error))
        return FALSE;
    }

  if (!add_profile_entry (b, p, "strength", p->strength, 0, revisited_day (p, FALSE), error) ||
      !add_profile_entry (b, p, "preference", preference, 0, revisited_day (p, FALSE), error))
    return FALSE;

  if (p->experience != NULL &&
      !add_profile_entry (b, p, "experience", p->experience, 0, revisited_day (p, FALSE), error))
    return FALSE;

  if (p->need != NULL &&
      !add_profile_entry (b, p, "need", p->need, 0, revisited_day (p, FALSE), error))
    return FALSE;

  return TRUE;
}

static gboolean
add_goal (SampleBuilder  *b,
          SamplePlan     *p,
          const char     *title,
          const char     *success_criteria,
          int             target,
          const char     *status,
          int             created,
          int             updated,
          guint           skill,
          gint64         *goal_id,
          GError        **error)
{
  sqlite3_stmt *s = stmt (b, STMT_GOAL);

  sqlite3_bind_int64 (s, 1, p->id);
  bind_text (s, 2, title);
  bind_text (s, 3, success_criteria);
  bind_text (s, 4, maybe_day (b, target));
  bind_text (s, 5, status);
  bind_text (s, 6, day (b, created));
  bind_text (s, 7, day (b, updated));
  if (!run (b, STMT_GOAL, goal_id, error))
    return FALSE;

  if (skill == SK_NONE)
    return TRUE;

  s = stmt (b, STMT_GOAL_SKILL);
  sqlite3_bind_int64 (s, 1, *goal_id);
  sqlite3_bind_int64 (s, 2, b->skill_ids[skill]);
  return run (b, STMT_GOAL_SKILL, NULL, error);
}

static gboolean
add_goal_revision (SampleBuilder  *b,
                   gint64          goal_id,
                   int             changed,
                   const char     *old_title,
                   const char     *old_success_criteria,
                   int             old_target,
                   const char     *old_status,
                   const char     *new_status,
                   const char     *reason,
                   GError        **error)
{
  sqlite3_stmt *s = stmt (b, STMT_GOAL_REVISION);

  sqlite3_bind_int64 (s, 1, goal_id);
  bind_text (s, 2, day (b, changed));
  bind_text (s, 3, old_title);
  bind_text (s, 4, old_success_criteria);
  bind_text (s, 5, maybe_day (b, old_target));
  bind_text (s, 6, old_status);
  bind_text (s, 7, new_status);
  bind_text (s, 8, reason);
  return run (b, STMT_GOAL_REVISION, NULL, error);
}

static gboolean
add_goals (SampleBuilder  *b,
           SamplePlan     *p,
           GError        **error)
{
  gboolean generated = p->index >= G_N_ELEMENTS (learners);
  gboolean met, dropped, revised;
  const SampleGoal *active;
  gint64 goal_id;
  int created, target;

  met = generated ? rng_chance (&p->rng, 0.35) : p->index % 3 == 0;
  dropped = generated ? rng_chance (&p->rng, 0.12) : p->index % 7 == 2;
  revised = generated ? rng_chance (&p->rng, 0.25) : p->index % 4 == 1;

  if (met)
    {
      static const int earlier[] = { G_NOTES, G_FOOD_WEB, G_GRAPH };
      const SampleGoal *goal = &goal_templates[earlier[rng_below (&p->rng, G_N_ELEMENTS (earlier))]];
      int met_on = school_day (b, -rng_between (&p->rng, 22, 30));

      created = school_day (b, -rng_between (&p->rng, 44, 52));
      target = school_day (b, met_on + rng_between (&p->rng, 0, 4));
      if (!add_goal (b, p, goal->title, goal->success_criteria, target, "met",
                     created, met_on, goal->skill, &goal_id, error) ||
          !add_goal_revision (b, goal_id, met_on, NULL, NULL, NO_DAY, "active", "met",
                              met_reasons[rng_below (&p->rng, G_N_ELEMENTS (met_reasons))], error))
        return FALSE;
    }

  if (dropped)
    {
      guint which = p->index % G_N_ELEMENTS (dropped_goals);
      const SampleGoal *goal = &dropped_goals[which];
      int dropped_on = school_day (b, -rng_between (&p->rng, 16, 22));

      created = school_day (b, -rng_between (&p->rng, 36, 42));
      if (!add_goal (b, p, goal->title, goal->success_criteria, school_day (b, -rng_between (&p->rng, 6, 12)),
                     "dropped", created, dropped_on, goal->skill, &goal_id, error) ||
          !add_goal_revision (b, goal_id, dropped_on, NULL, NULL, NO_DAY, "active", "dropped",
                              drop_reasons[which], error))
        return FALSE;
    }

  if (revised)
    {
      const SampleRevision *r = &revisions[p->index % G_N_ELEMENTS (revisions)];
      int revised_on = school_day (b, -rng_between (&p->rng, 12, 16));

      created = school_day (b, -rng_between (&p->rng, 32, 38));
      if (!add_goal (b, p, r->title, r->success_criteria, school_day (b, rng_between (&p->rng, 8, 18)),
                     "revised", created, revised_on, r->skill, &goal_id, error) ||
          !add_goal_revision (b, goal_id, revised_on, r->old_title, r->old_success_criteria,
                              school_day (b, revised_on + 3), "active", "revised", r->reason, error))
        return FALSE;
    }

  /* The goal the learner is working on now. */
  if (p->roles & ROLE_WEAK_CITE)
    active = &goal_templates[G_CITE];
  else if (p->roles & ROLE_STRUGGLING)
    active = &goal_templates[G_HELP];
  else if (p->roles & ROLE_HIGH)
    active = &goal_templates[p->eco_choice == N_ECO_CHALLENGE ? G_CHALLENGE : G_CONNECT];
  else if (p->roles & ROLE_BEHIND)
    active = &goal_templates[G_PLANNER];
  else
    {
      static const int current[] = { G_SPEAK, G_CONNECT, G_FOOD_WEB, G_GRAPH, G_PLANNER };

      active = &goal_templates[current[rng_below (&p->rng, G_N_ELEMENTS (current))]];
    }

  if (p->roles & ROLE_OVERDUE_GOAL)
    {
      int extended_on = school_day (b, -rng_between (&p->rng, 14, 17));

      created = school_day (b, -28);
      target = school_day (b, -(4 + (int)(p->index % 6)));
      if (target >= 0)
        target = -3;
      if (!add_goal (b, p, active->title, active->success_criteria, target, "active",
                     created, extended_on, active->skill, &goal_id, error) ||
          !add_goal_revision (b, goal_id, extended_on, NULL, NULL, school_day (b, extended_on - 2),
                              "active", "active",
                              extend_reasons[rng_below (&p->rng, G_N_ELEMENTS (extend_reasons))], error))
        return FALSE;
    }
  else
    {
      created = school_day (b, -rng_between (&p->rng, 14, 21));
      target = school_day (b, rng_between (&p->rng, 6, 20));
      if (!add_goal (b, p, active->title, active->success_criteria, target, "active",
                     created, created, active->skill, &goal_id, error))
        return FALSE;
    }
  p->active_goal_id = goal_id;

  return TRUE;
}

static gboolean
add_conference (SampleBuilder           *b,
                SamplePlan              *p,
                int                      held,
                const SampleConference  *text,
                GError                 **error)
{
  sqlite3_stmt *s = stmt (b, STMT_CONFERENCE);

  sqlite3_bind_int64 (s, 1, p->id);
  bind_text (s, 2, day (b, held));
  bind_text (s, 3, text->notes);
  bind_text (s, 4, text->next_steps);
  sqlite3_bind_int (s, 5, 300 + 60 * (int)rng_below (&p->rng, 7));
  if (!run (b, STMT_CONFERENCE, &p->last_conference_id, error))
    return FALSE;

  p->last_conference_day = held;
  return TRUE;
}

static gboolean
add_conferences (SampleBuilder  *b,
                 SamplePlan     *p,
                 GError        **error)
{
  const guint n_texts = G_N_ELEMENTS (conference_texts);
  const SampleConference *latest;

  if (p->roles & ROLE_NO_CONFERENCE)
    return TRUE;

  if (p->roles & ROLE_OLD_CONFERENCE)
    return add_conference (b, p, school_day (b, -rng_between (&p->rng, 36, 44)),
                           &conference_texts[p->index % n_texts], error);

  if (!add_conference (b, p, school_day (b, -rng_between (&p->rng, 24, 34)),
                       &conference_texts[p->index % n_texts], error))
    return FALSE;

  if (p->roles & ROLE_ONE_CONFERENCE)
    return TRUE;

  if (p->roles & ROLE_BEHIND)
    latest = &conference_texts[5];
  else if (p->roles & ROLE_WEAK_CITE)
    latest = &conference_texts[2];
  else if (p->roles & ROLE_HIGH)
    latest = &conference_texts[4];
  else
    latest = &conference_texts[(p->index + 3) % n_texts];

  return add_conference (b, p, school_day (b, -rng_between (&p->rng, 2, 13)), latest, error);
}

static gboolean
add_reflection (SampleBuilder  *b,
                SamplePlan     *p,
                int             written,
                const char     *text,
                const char     *author,
                gint64          goal_id,
                int             node,
                gint64          conference_id,
                GError        **error)
{
  sqlite3_stmt *s = stmt (b, STMT_REFLECTION);

  sqlite3_bind_int64 (s, 1, p->id);
  bind_text (s, 2, day (b, written));
  bind_text (s, 3, text);
  bind_text (s, 4, author);
  bind_id (s, 5, goal_id);
  bind_id (s, 6, node >= 0 ? b->node_ids[node] : 0);
  bind_id (s, 7, conference_id);
  return run (b, STMT_REFLECTION, NULL, error);
}

static gboolean
reached (SamplePlan *p,
         int         node)
{
  return nodes[node].day <= p->reach + 3;
}

static gboolean
add_reflections (SampleBuilder  *b,
                 SamplePlan     *p,
                 GError        **error)
{
  const char *goal_text;
  const char *teacher_text;

#define PICK(pool) pool[rng_below (&p->rng, G_N_ELEMENTS (pool))]
  if (reached (p, N_CIV_CHECKIN_1) &&
      !add_reflection (b, p, school_day (b, nodes[N_CIV_CHECKIN_1].day + rng_between (&p->rng, 0, 1)),
                       PICK (civ_checkin_reflections), "learner", 0, N_CIV_CHECKIN_1, 0, error))
    return FALSE;

  if (reached (p, N_ECO_CHECKIN_2) &&
      !add_reflection (b, p, school_day (b, nodes[N_ECO_CHECKIN_2].day + rng_between (&p->rng, 0, 1)),
                       PICK (eco_checkin_reflections), "learner", 0, N_ECO_CHECKIN_2, 0, error))
    return FALSE;

  /* What the learner and the teacher write fits how the learner is doing. */
  if (p->roles & (ROLE_STRUGGLING | ROLE_BEHIND | ROLE_WEAK_CITE))
    {
      goal_text = goal_reflections[rng_chance (&p->rng, 0.5) ? 1 : 4];
      teacher_text = teacher_reflections[rng_chance (&p->rng, 0.5) ? 1 : 3];
    }
  else
    {
      static const guint goal_picks[] = { 0, 2, 3 };
      static const guint teacher_picks[] = { 0, 2, 4 };

      goal_text = goal_reflections[goal_picks[rng_below (&p->rng, G_N_ELEMENTS (goal_picks))]];
      teacher_text = teacher_reflections[teacher_picks[rng_below (&p->rng, G_N_ELEMENTS (teacher_picks))]];
    }

  if (!add_reflection (b, p, school_day (b, -rng_between (&p->rng, 1, 6)),
                       goal_text, "learner", p->active_goal_id, -1, 0, error))
    return FALSE;

  if (p->last_conference_id > 0 &&
      !add_reflection (b, p, p->last_conference_day, teacher_text, "teacher",
                       p->active_goal_id, -1, p->last_conference_id, error))
    return FALSE;

  if ((p->roles & ROLE_BEHIND) &&
      !add_reflection (b, p, school_day (b, -2), behind_reflections[p->index % G_N_ELEMENTS (behind_reflections)],
                       "teacher", 0, N_CIV_CHECKIN_3, 0, error))
    return FALSE;
#undef PICK

  return TRUE;
}

/* ---- Progress ---- */

static const char *
status_for_day (SamplePlan *p,
                int         due)
{
  if (due <= p->reach - 2)
    return "complete";
  if (due <= p->reach + 3)
    return rng_chance (&p->rng, 0.5) ? "submitted" : "in_progress";
  if (due <= p->reach + 7)
    return "in_progress";
  return "not_started";
}

static guint
count_formats (const SampleNode *node)
{
  guint n = 0;

  while (n < G_N_ELEMENTS (node->formats) && node->formats[n] != NULL)
    n++;
  return n;
}

static gboolean
add_progress_row (SampleBuilder  *b,
                  SamplePlan     *p,
                  int             node,
                  const char     *status,
                  const char     *format,
                  int             checkin,
                  const char     *checkin_note,
                  int             updated,
                  GError        **error)
{
  sqlite3_stmt *s = stmt (b, STMT_PROGRESS);
  SampleStamp updated_at = stamp (b, updated, 9 + (int)rng_below (&p->rng, 6), 5 * (int)rng_below (&p->rng, 12));

  sqlite3_bind_int64 (s, 1, p->id);
  sqlite3_bind_int64 (s, 2, b->node_ids[node]);
  bind_text (s, 3, status);
  bind_text (s, 4, format);
  bind_text (s, 5, maybe_day (b, checkin));
  bind_text (s, 6, checkin_note);
  bind_text (s, 7, updated_at.s);
  return run (b, STMT_PROGRESS, NULL, error);
}

/* Progress on an activity or a milestone; returns the status through @status_out. */
static gboolean
add_node_progress (SampleBuilder  *b,
                   SamplePlan     *p,
                   int             n,
                   const char    **status_out,
                   GError        **error)
{
  const SampleNode *node = &nodes[n];
  const char *status = status_for_day (p, node->day);
  const char *format = NULL;
  const char *note = NULL;
  int checkin = NO_DAY;
  int updated;
  guint n_formats = count_formats (node);

  if (g_str_equal (status, "complete") && node->kind != KIND_MILESTONE &&
      (((p->roles & ROLE_REVISION) && (n == N_CIV_SOURCES || n == N_ECO_DATA)) ||
       rng_chance (&p->rng, 0.05)))
    status = "needs_revision";

  if (g_str_equal (status, "not_started"))
    updated = playlists[node->playlist].starts_on;
  else if (g_str_equal (status, "complete") || g_str_equal (status, "needs_revision"))
    updated = MIN (node->day + rng_between (&p->rng, 0, 2), 0);
  else
    updated = MIN (MAX (node->day - rng_between (&p->rng, 0, 3), playlists[node->playlist].starts_on), 0);
  updated = school_day (b, updated);

  if (n_formats > 0 && !g_str_equal (status, "not_started"))
    format = node->formats[rng_below (&p->rng, n_formats)];

  if (node->kind == KIND_MILESTONE && g_str_equal (status, "complete"))
    {
      checkin = school_day (b, MIN (node->day + rng_between (&p->rng, 0, 1), 0));
      note = checkin_notes[rng_below (&p->rng, G_N_ELEMENTS (checkin_notes))];
      updated = checkin;
    }

  if (status_out != NULL)
    *status_out = status;

  return add_progress_row (b, p, n, status, format, checkin, note, updated, error);
}

static gboolean
add_choice_progress (SampleBuilder  *b,
                     SamplePlan     *p,
                     int             group,
                     const int      *options,
                     guint           n_options,
                     GError        **error)
{
  const SampleNode *node = &nodes[group];
  sqlite3_stmt *s = stmt (b, STMT_CHOICE);
  gboolean all_complete = TRUE;
  SampleStamp chosen_at;
  int chosen;

  g_assert (n_options >= (guint)node->choose_min && n_options <= (guint)node->choose_max);

  if (!reached (p, group))
    return add_progress_row (b, p, group, "not_started", NULL, NO_DAY, NULL,
                             playlists[node->playlist].starts_on, error);

  chosen = school_day (b, MIN (node->day + rng_between (&p->rng, 0, 2), MIN (p->reach, 0)));
  chosen_at = stamp (b, chosen, 9 + (int)rng_below (&p->rng, 5), 10 * (int)rng_below (&p->rng, 6));

  for (guint i = 0; i < n_options; i++)
    {
      const char *status = NULL;

      sqlite3_bind_int64 (s, 1, p->id);
      sqlite3_bind_int64 (s, 2, b->node_ids[options[i]]);
      bind_text (s, 3, chosen_at.s);
      if (!run (b, STMT_CHOICE, NULL, error) ||
          !add_node_progress (b, p, options[i], &status, error))
        return FALSE;

      if (!g_str_equal (status, "complete"))
        all_complete = FALSE;
    }

  return add_progress_row (b, p, group, all_complete ? "complete" : "in_progress", NULL,
                           NO_DAY, NULL, chosen, error);
}

static void
choose_options (SamplePlan *p,
                int         group,
                int        *options,
                guint      *n_options)
{
  *n_options = 1;

  switch (group)
    {
    case N_CIV_CHOOSE:
      if (p->self_regulation == 1 && rng_chance (&p->rng, 0.7))
        options[0] = N_CIV_EGYPT;
      else
        options[0] = N_CIV_EGYPT + (int)rng_below (&p->rng, 3);
      break;

    case N_CIV_DEMO:
      if (p->self_regulation == 1)
        options[0] = rng_chance (&p->rng, 0.6) ? N_CIV_REPORT : N_CIV_MODEL;
      else if (p->self_regulation == 3 && rng_chance (&p->rng, 0.5))
        {
          static const int pairs[][2] = {
            { N_CIV_REPORT, N_CIV_MODEL }, { N_CIV_MODEL, N_CIV_PLAY }, { N_CIV_REPORT, N_CIV_PLAY },
          };
          guint which = rng_below (&p->rng, G_N_ELEMENTS (pairs));

          options[0] = pairs[which][0];
          options[1] = pairs[which][1];
          *n_options = 2;
        }
      else
        options[0] = N_CIV_REPORT + (int)rng_below (&p->rng, 3);
      break;

    case N_ECO_CHOOSE:
      if (p->roles & ROLE_PICKS_REEF)
        options[0] = N_ECO_REEF;
      else if ((p->roles & ROLE_HIGH) || (p->self_regulation == 3 && rng_chance (&p->rng, 0.4)))
        options[0] = N_ECO_CHALLENGE;
      else if (p->self_regulation == 1)
        options[0] = rng_chance (&p->rng, 0.5) ? N_ECO_REEF : N_ECO_FOREST;
      else
        options[0] = N_ECO_REEF + (int)rng_below (&p->rng, 3);
      p->eco_choice = options[0];
      break;

    default:
      g_assert_not_reached ();
    }
}

static gboolean
add_progress (SampleBuilder  *b,
              SamplePlan     *p,
              GError        **error)
{
  for (int n = 0; n < N_NODES; n++)
    {
      int options[2];
      guint n_options;

      if (nodes[n].parent != TOP)
        continue;

      if (nodes[n].kind != KIND_CHOICE)
        {
          if (!add_node_progress (b, p, n, NULL, error))
            return FALSE;
          continue;
        }

      choose_options (p, n, options, &n_options);
      if (!add_choice_progress (b, p, n, options, n_options, error))
        return FALSE;
    }

  return TRUE;
}

/* ---- Evidence ---- */

typedef enum
{
  OBS_BINARY,
  OBS_RUBRIC,
  OBS_POINTS,
} SampleObservation;

static gboolean
add_evidence (SampleBuilder  *b,
              SamplePlan     *p,
              GError        **error)
{
  static const SampleObservation pattern[] = { OBS_BINARY, OBS_RUBRIC, OBS_BINARY, OBS_POINTS };
  sqlite3_stmt *s = stmt (b, STMT_EVIDENCE);

  for (guint k = 1; k < N_SKILLS; k++)
    {
      const SampleSkillInfo *info = &skills[k];
      guint n = info->n_observations + ((p->roles & ROLE_HIGH) ? 1 : 0);
      gboolean science = k >= SK_RST7;

      for (guint j = 0; j < n; j++)
        {
          double progress = (j + 0.5) / n;
          int d = info->first_day + (int)((info->last_day - info->first_day) * progress);
          double probability = plan_probability (p, k, progress);
          SampleStamp observed;
          double score, max_score = 0;
          const char *kind, *note = NULL;
          int node = -1;

          d = school_day (b, MIN (d + rng_between (&p->rng, -1, 1), 0));
          /* Learners who are behind have not produced the later work yet. */
          if (d > p->reach + 3)
            continue;

          observed = stamp (b, d, 8 + (int)rng_below (&p->rng, 7), 5 * (int)rng_below (&p->rng, 12));

          switch (pattern[(j + k) % G_N_ELEMENTS (pattern)])
            {
            case OBS_BINARY:
              kind = "binary";
              score = rng_chance (&p->rng, probability) ? 1 : 0;
              note = "Exit ticket";
              break;

            case OBS_RUBRIC:
              kind = "rubric";
              score = rubric_level (p, probability);
              max_score = 4;
              node = info->rubric_node;
              break;

            case OBS_POINTS:
              kind = "points";
              max_score = science ? 5 : 10;
              score = points_score (p, (guint)max_score, probability);
              note = "Quick quiz";
              break;

            default:
              g_assert_not_reached ();
            }

          sqlite3_bind_int64 (s, 1, p->id);
          sqlite3_bind_int64 (s, 2, b->skill_ids[k]);
          bind_id (s, 3, node >= 0 ? b->node_ids[node] : 0);
          bind_text (s, 5, observed.s);
          bind_text (s, 6, kind);
          sqlite3_bind_double (s, 7, score);
          if (max_score > 0)
            sqlite3_bind_double (s, 8, max_score);
          bind_text (s, 9, "teacher");
          bind_text (s, 10, note);
          if (!run (b, STMT_EVIDENCE, NULL, error))
            return FALSE;
        }
    }

  /* Scores imported from the LMS gradebook. */
  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    {
      double probability = p->ability;
      SampleStamp observed;

      /* Excused or not handed in. */
      if (rng_chance (&p->rng, 0.05) || items[i].day > p->reach + 3)
        continue;

      /* As far through the skill's window as the item's date. */
      if (items[i].skill != SK_NONE)
        {
          const SampleSkillInfo *info = &skills[items[i].skill];
          double progress = (double)(items[i].day - info->first_day) / (info->last_day - info->first_day);

          probability = plan_probability (p, items[i].skill, CLAMP (progress, 0.0, 1.0));
        }

      observed = stamp (b, school_day (b, items[i].day), 16, 0);
      sqlite3_bind_int64 (s, 1, p->id);
      bind_id (s, 2, b->skill_ids[items[i].skill]);
      bind_id (s, 3, items[i].node >= 0 ? b->node_ids[items[i].node] : 0);
      sqlite3_bind_int64 (s, 4, b->item_ids[i]);
      bind_text (s, 5, observed.s);
      bind_text (s, 6, "points");
      sqlite3_bind_double (s, 7, points_score (p, (guint)items[i].points, probability));
      sqlite3_bind_double (s, 8, items[i].points);
      bind_text (s, 9, "import");
      if (!run (b, STMT_EVIDENCE, NULL, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
add_survey_responses (SampleBuilder  *b,
                      SamplePlan     *p,
                      GError        **error)
{
  sqlite3_stmt *s = stmt (b, STMT_RESPONSE);
  int values[G_N_ELEMENTS (survey_prompts)];

  for (guint i = 0; i < G_N_ELEMENTS (survey_prompts); i++)
    values[i] = CLAMP (1 + (int)(p->ability * 3 + rng_double (&p->rng) * 1.2 - 0.3), 1, 4);

  for (guint a = 0; a < G_N_ELEMENTS (survey_days); a++)
    {
      gboolean absent = rng_chance (&p->rng, 0.05);

      for (guint i = 0; i < G_N_ELEMENTS (survey_prompts); i++)
        {
          /* Agency tends to grow between the two administrations. */
          if (a > 0)
            {
              if (rng_chance (&p->rng, 0.35))
                values[i] = MIN (values[i] + 1, 4);
              else if (rng_chance (&p->rng, 0.1))
                values[i] = MAX (values[i] - 1, 1);
            }

          if (absent)
            continue;

          sqlite3_bind_int64 (s, 1, b->administration_ids[a]);
          sqlite3_bind_int64 (s, 2, b->survey_item_ids[i]);
          sqlite3_bind_int64 (s, 3, p->id);
          sqlite3_bind_int (s, 4, values[i]);
          if (!run (b, STMT_RESPONSE, NULL, error))
            return FALSE;
        }
    }

  return TRUE;
}

static gboolean
add_learner (SampleBuilder  *b,
             guint           index,
             GError        **error)
{
  SamplePlan plan;
  gboolean ok;

  plan_init (&plan, index);

  /* Progress first: the choices made there shape the goals. */
  ok = add_learner_row (b, &plan, error) &&
       add_profile (b, &plan, error) &&
       add_progress (b, &plan, error) &&
       add_goals (b, &plan, error) &&
       add_conferences (b, &plan, error) &&
       add_reflections (b, &plan, error) &&
       add_evidence (b, &plan, error) &&
       add_survey_responses (b, &plan, error);

  plan_clear (&plan);
  return ok;
}

static gboolean
is_empty (TrellisClassroom  *classroom,
          gboolean          *empty,
          GError           **error)
{
  g_autoptr(sqlite3_stmt) s = NULL;
  int rc;

  s = trellis_classroom_prepare (classroom,
                                 "SELECT (SELECT count(*) FROM learners) + (SELECT count(*) FROM playlists)"
                                 " + (SELECT count(*) FROM skills)",
                                 error);
  if (s == NULL)
    return FALSE;

  rc = sqlite3_step (s);
  if (rc != SQLITE_ROW)
    {
      trellis_classroom_set_db_error (classroom, rc, error);
      return FALSE;
    }

  *empty = sqlite3_column_int64 (s, 0) == 0;
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Public API                                                          */

/**
 * trellis_sample_populate:
 * @classroom: an empty classroom, open for writing
 * @n_learners: how many learners; 0 for the default (24).  The first 24 are
 *   always the same hand-written ones; more are generated (benchmarks).
 *
 * Fills @classroom with the sample classroom in one transaction: skills,
 * two playlists, learners with their profiles, goals, conferences,
 * reflections, progress and evidence, gradebook items and an agency survey.
 * Every date is relative to trellis_classroom_today(), so the same clock
 * gives the same content.
 *
 * The learners are written to the file only: @classroom's learner list does
 * not show them until the file is opened again (trellis_sample_create()
 * does that).
 *
 * Returns: %TRUE on success; on failure nothing is changed.
 */
gboolean
trellis_sample_populate (TrellisClassroom  *classroom,
                         guint              n_learners,
                         GError           **error)
{
  g_autofree SampleBuilder *b = NULL;
  gboolean empty = FALSE;
  gboolean ok;

  g_return_val_if_fail (TRELLIS_IS_CLASSROOM (classroom), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (n_learners == 0)
    n_learners = TRELLIS_SAMPLE_DEFAULT_LEARNERS;

  if (n_learners > TRELLIS_SAMPLE_MAX_LEARNERS)
    {
      g_set_error (error, TRELLIS_CLASSROOM_ERROR, TRELLIS_CLASSROOM_ERROR_INVALID,
                   _("The sample classroom can have at most %u learners"),
                   (guint)TRELLIS_SAMPLE_MAX_LEARNERS);
      return FALSE;
    }

  if (!trellis_classroom_begin (classroom, error))
    return FALSE;

  if (!is_empty (classroom, &empty, error))
    {
      trellis_classroom_rollback (classroom);
      return FALSE;
    }

  if (!empty)
    {
      trellis_classroom_rollback (classroom);
      g_set_error_literal (error, TRELLIS_CLASSROOM_ERROR, TRELLIS_CLASSROOM_ERROR_EXISTS,
                           _("The sample can only be added to an empty classroom"));
      return FALSE;
    }

  b = g_new0 (SampleBuilder, 1);
  ok = builder_init (b, classroom, error) &&
       add_classroom_settings (b, error) &&
       add_skills (b, error) &&
       add_playlists (b, error) &&
       add_gradebook_items (b, error) &&
       add_survey (b, error);

  for (guint i = 0; ok && i < n_learners; i++)
    ok = add_learner (b, i, error);

  builder_clear (b);

  if (!ok || !trellis_classroom_commit (classroom, error))
    {
      trellis_classroom_rollback (classroom);
      g_prefix_error (error, _("Could not fill in the sample classroom: "));
      return FALSE;
    }

  return TRUE;
}

/**
 * trellis_sample_create_full:
 * @path: where to create the classroom file; must not exist
 * @n_learners: how many learners; 0 for the default (24)
 * @clock: (nullable): the clock to use, or %NULL for the real one
 * @clock_data: data for @clock
 *
 * Creates the sample classroom at @path, with every date relative to
 * @clock's today.  On failure no file is left behind (an existing file at
 * @path is never touched).
 *
 * Returns: (transfer full) (nullable): the classroom, opened again so that
 *   its learner list is complete, and using @clock
 */
TrellisClassroom *
trellis_sample_create_full (const char        *path,
                            guint              n_learners,
                            TrellisClockFunc   clock,
                            gpointer           clock_data,
                            GError           **error)
{
  g_autoptr(TrellisClassroom) classroom = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  classroom = trellis_classroom_create (path, TRELLIS_SAMPLE_CLASSROOM_NAME, error);
  if (classroom == NULL)
    return NULL;

  if (clock != NULL)
    trellis_classroom_set_clock (classroom, clock, clock_data);

  if (!trellis_sample_populate (classroom, n_learners, error))
    goto failed;

  /* Open the file again: the in-memory learner list is read when opening. */
  g_clear_object (&classroom);
  classroom = trellis_classroom_open (path, TRELLIS_OPEN_FLAGS_NONE, error);
  if (classroom == NULL)
    goto failed;

  if (clock != NULL)
    trellis_classroom_set_clock (classroom, clock, clock_data);

  /* Mastery from the sample's evidence, as the app would compute it. */
  if (!trellis_mastery_refit (classroom, error))
    goto failed;

  return g_steal_pointer (&classroom);

failed:
  g_clear_object (&classroom);
  g_unlink (path);
  return NULL;
}

/**
 * trellis_sample_create:
 * @path: where to create the classroom file; must not exist
 * @n_learners: how many learners; 0 for the default (24)
 *
 * Creates the sample classroom at @path, dated relative to today.
 *
 * Returns: (transfer full) (nullable): the classroom
 */
TrellisClassroom *
trellis_sample_create (const char  *path,
                       guint        n_learners,
                       GError     **error)
{
  return trellis_sample_create_full (path, n_learners, NULL, NULL, error);
}

/* trellis-cli-mastery.c
 *
 * Copyright 2026 The Trellis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * trellis-cli mastery fit INPUT.csv --output PARAMS.json
 *                     [--model bkt|forgets|best] [--restarts N] [--seed N]
 * trellis-cli mastery predict PARAMS.json INPUT.csv --output PRED.csv
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <stdio.h>
#include <string.h>

#include "trellis-bkt.h"
#include "trellis-mastery-csv.h"
#include "trellis-cli-common.h"
#include "trellis-cli-mastery.h"

#define PARAMS_FORMAT "trellis-mastery-params"
#define PARAMS_VERSION 1

static const char usage_text[] =
  "Usage:\n"
  "  trellis-cli mastery fit INPUT.csv --output PARAMS.json [--model bkt|forgets|best]\n"
  "                      [--restarts N] [--seed N]\n"
  "  trellis-cli mastery predict PARAMS.json INPUT.csv --output PRED.csv\n"
  "\n"
  "INPUT.csv: header with user_id,skill_name,correct (other columns ignored),\n"
  "rows in time order, correct 0 or 1.\n"
  "fit writes each skill's parameters (prior, learn, guess, slip, forget) and\n"
  "what the model needs besides; predict writes p_correct for each input row,\n"
  "predicted before that row's answer is seen.\n";


/* ---------------------------------------------------------------------- */
/* PARAMS.json                                                             */

static void
add_params (JsonBuilder            *b,
            const TrellisBktParams *p)
{
  json_builder_set_member_name (b, "prior");
  json_builder_add_double_value (b, p->prior);
  json_builder_set_member_name (b, "learn");
  json_builder_add_double_value (b, p->learn);
  json_builder_set_member_name (b, "guess");
  json_builder_add_double_value (b, p->guess);
  json_builder_set_member_name (b, "slip");
  json_builder_add_double_value (b, p->slip);
  json_builder_set_member_name (b, "forget");
  json_builder_add_double_value (b, p->forget);
}

static JsonNode *
model_to_json (TrellisBktModel   *model,
               GPtrArray         *skill_names,
               const TrellisBktOptions *options)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  TrellisBktLayer *layer = trellis_bkt_model_get_layer (model);

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "format");
  json_builder_add_string_value (b, PARAMS_FORMAT);
  json_builder_set_member_name (b, "version");
  json_builder_add_int_value (b, PARAMS_VERSION);
  json_builder_set_member_name (b, "model");
  json_builder_add_string_value (b, trellis_bkt_variant_to_string (trellis_bkt_model_get_variant (model)));
  json_builder_set_member_name (b, "restarts");
  json_builder_add_int_value (b, options->restarts);
  json_builder_set_member_name (b, "seed");
  json_builder_add_int_value (b, (gint64) options->seed);
  json_builder_set_member_name (b, "class_priors");
  json_builder_add_boolean_value (b, options->class_priors);

  json_builder_set_member_name (b, "pooled");
  json_builder_begin_object (b);
  add_params (b, trellis_bkt_model_get_pooled (model));
  json_builder_end_object (b);

  json_builder_set_member_name (b, "layer");
  if (layer->enabled)
    {
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "ability_shrink");
      json_builder_add_double_value (b, layer->ability_shrink);
      json_builder_set_member_name (b, "weights");
      json_builder_begin_object (b);
      for (guint j = 0; j < TRELLIS_BKT_N_LAYER_WEIGHTS; j++)
        {
          json_builder_set_member_name (b, trellis_bkt_layer_feature_name (j));
          json_builder_add_double_value (b, layer->weights[j]);
        }
      json_builder_end_object (b);
      json_builder_end_object (b);
    }
  else
    json_builder_add_null_value (b);

  json_builder_set_member_name (b, "skills");
  json_builder_begin_object (b);
  for (guint s = 0; s < skill_names->len; s++)
    {
      const TrellisBktSkillFit *fit = trellis_bkt_model_get_skill (model, s);

      json_builder_set_member_name (b, g_ptr_array_index (skill_names, s));
      json_builder_begin_object (b);
      add_params (b, &fit->params);
      json_builder_set_member_name (b, "n_evidence");
      json_builder_add_int_value (b, fit->n_evidence);
      json_builder_set_member_name (b, "n_learners");
      json_builder_add_int_value (b, fit->n_learners);
      json_builder_set_member_name (b, "pooled");
      json_builder_add_boolean_value (b, fit->pooled);
      json_builder_set_member_name (b, "label_swapped");
      json_builder_add_boolean_value (b, fit->label_swapped);
      json_builder_end_object (b);
    }
  json_builder_end_object (b);

  json_builder_end_object (b);

  return json_builder_get_root (b);
}

static gboolean
read_prob (JsonObject *obj,
           const char *member,
           gboolean    required,
           double     *out,
           const char *where,
           GError    **error)
{
  JsonNode *node = json_object_get_member (obj, member);
  double v;

  if (node == NULL)
    {
      if (!required)
        {
          *out = 0.0;
          return TRUE;
        }
      g_set_error (error, TRELLIS_BKT_ERROR, TRELLIS_BKT_ERROR_PARSE,
                   "%s: missing \"%s\"", where, member);
      return FALSE;
    }
  if (!JSON_NODE_HOLDS_VALUE (node) ||
      (json_node_get_value_type (node) != G_TYPE_DOUBLE &&
       json_node_get_value_type (node) != G_TYPE_INT64))
    {
      g_set_error (error, TRELLIS_BKT_ERROR, TRELLIS_BKT_ERROR_PARSE,
                   "%s: \"%s\" is not a number", where, member);
      return FALSE;
    }
  v = json_node_get_double (node);
  if (!(v >= 0.0 && v <= 1.0))
    {
      g_set_error (error, TRELLIS_BKT_ERROR, TRELLIS_BKT_ERROR_PARSE,
                   "%s: \"%s\" = %g is not a probability", where, member, v);
      return FALSE;
    }
  *out = v;
  return TRUE;
}

static gboolean
read_params (JsonNode         *node,
             const char       *where,
             TrellisBktParams *p,
             GError          **error)
{
  JsonObject *obj;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, TRELLIS_BKT_ERROR, TRELLIS_BKT_ERROR_PARSE,
                   "%s: expected an object of parameters", where);
      return FALSE;
    }
  obj = json_node_get_object (node);
  return read_prob (obj, "prior", TRUE, &p->prior, where, error) &&
         read_prob (obj, "learn", TRUE, &p->learn, where, error) &&
         read_prob (obj, "guess", TRUE, &p->guess, where, error) &&
         read_prob (obj, "slip", TRUE, &p->slip, where, error) &&
         read_prob (obj, "forget", FALSE, &p->forget, where, error);
}

/* Loads PARAMS.json; fills @skill_index (name → index + 1). */
static TrellisBktModel *
model_from_json (const char  *path,
                 GHashTable  *skill_index,
                 GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) local_error = NULL;
  TrellisBktModel *model = NULL;
  JsonNode *root;
  JsonObject *obj;
  JsonObject *skills;
  JsonNode *node;
  TrellisBktVariant variant = TRELLIS_BKT_VARIANT_BEST;
  g_autoptr(GList) names = NULL;
  guint s = 0;

  if (!json_parser_load_from_file (parser, path, &local_error))
    {
      g_set_error (error, TRELLIS_BKT_ERROR, TRELLIS_BKT_ERROR_PARSE,
                   "%s: %s", path, local_error->message);
      return NULL;
    }

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    goto bad;
  obj = json_node_get_object (root);
  if (g_strcmp0 (json_object_get_string_member_with_default (obj, "format", ""), PARAMS_FORMAT) != 0)
    goto bad;
  if (json_object_get_int_member_with_default (obj, "version", 0) > PARAMS_VERSION)
    {
      g_set_error (error, TRELLIS_BKT_ERROR, TRELLIS_BKT_ERROR_PARSE,
                   "%s: written by a newer version (format version %" G_GINT64_FORMAT ")",
                   path, json_object_get_int_member (obj, "version"));
      return NULL;
    }
  if (!trellis_bkt_variant_from_string (json_object_get_string_member_with_default (obj, "model", "best"),
                                        &variant))
    {
      g_set_error (error, TRELLIS_BKT_ERROR, TRELLIS_BKT_ERROR_PARSE,
                   "%s: unknown model \"%s\"", path,
                   json_object_get_string_member_with_default (obj, "model", ""));
      return NULL;
    }

  node = json_object_get_member (obj, "skills");
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    goto bad;
  skills = json_node_get_object (node);
  names = json_object_get_members (skills);

  model = trellis_bkt_model_new (g_list_length (names), variant);

  if (!read_params (json_object_get_member (obj, "pooled"), "pooled",
                    trellis_bkt_model_get_pooled (model), error))
    goto fail;

  for (GList *l = names; l != NULL; l = l->next, s++)
    {
      TrellisBktSkillFit *fit = trellis_bkt_model_get_skill (model, s);
      JsonNode *sn = json_object_get_member (skills, l->data);
      g_autofree char *where = g_strdup_printf ("%s: skill \"%s\"", path, (const char *) l->data);

      if (!read_params (sn, where, &fit->params, error))
        goto fail;
      obj = json_node_get_object (sn);
      fit->pooled = json_object_get_boolean_member_with_default (obj, "pooled", FALSE);
      fit->n_evidence = json_object_get_int_member_with_default (obj, "n_evidence", 0);
      fit->n_learners = json_object_get_int_member_with_default (obj, "n_learners", 0);
      g_hash_table_insert (skill_index, g_strdup (l->data), GUINT_TO_POINTER (s + 1));
    }

  obj = json_node_get_object (root);
  node = json_object_get_member (obj, "layer");
  if (node != NULL && JSON_NODE_HOLDS_OBJECT (node))
    {
      TrellisBktLayer *layer = trellis_bkt_model_get_layer (model);
      JsonObject *lo = json_node_get_object (node);
      JsonNode *wn = json_object_get_member (lo, "weights");
      JsonObject *wo;

      if (wn == NULL || !JSON_NODE_HOLDS_OBJECT (wn))
        goto bad_layer;
      wo = json_node_get_object (wn);
      for (guint j = 0; j < TRELLIS_BKT_N_LAYER_WEIGHTS; j++)
        {
          JsonNode *v = json_object_get_member (wo, trellis_bkt_layer_feature_name (j));

          if (v == NULL || !JSON_NODE_HOLDS_VALUE (v) ||
              (json_node_get_value_type (v) != G_TYPE_DOUBLE &&
               json_node_get_value_type (v) != G_TYPE_INT64))
            goto bad_layer;
          layer->weights[j] = json_node_get_double (v);
        }
      layer->ability_shrink = json_object_get_double_member_with_default (lo, "ability_shrink", 20.0);
      if (!(layer->ability_shrink >= 0.0))
        goto bad_layer;
      layer->enabled = TRUE;
    }

  return model;

bad_layer:
  g_set_error (error, TRELLIS_BKT_ERROR, TRELLIS_BKT_ERROR_PARSE,
               "%s: malformed \"layer\"", path);
  goto fail;

bad:
  g_set_error (error, TRELLIS_BKT_ERROR, TRELLIS_BKT_ERROR_PARSE,
               "%s: not a mastery parameter file (expected \"format\": \"%s\" and \"skills\")",
               path, PARAMS_FORMAT);
fail:
  trellis_bkt_model_free (model);
  return NULL;
}

/* ---------------------------------------------------------------------- */
/* Subcommands                                                             */

static int
mastery_fit (int    argc,
             char **argv)
{
  g_autofree char *output = NULL;
  g_autofree char *model_name = NULL;
  gint restarts = 5;
  gint64 seed = 42;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, "Write the parameters to FILE (required)", "FILE" },
    { "model", 'm', 0, G_OPTION_ARG_STRING, &model_name, "bkt, forgets or best (default)", "MODEL" },
    { "restarts", 'r', 0, G_OPTION_ARG_INT, &restarts, "Random restarts per skill (default 5)", "N" },
    { "seed", 's', 0, G_OPTION_ARG_INT64, &seed, "Random seed (default 42)", "N" },
    { NULL }
  };
  g_autoptr(GOptionContext) ctx = g_option_context_new ("INPUT.csv --output PARAMS.json - fit the mastery model");
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisMasteryLog) log = NULL;
  g_autoptr(JsonGenerator) gen = NULL;
  g_autoptr(JsonNode) root = NULL;
  TrellisBktOptions options;
  TrellisBktModel *model;

  g_option_context_add_main_entries (ctx, entries, NULL);
  g_option_context_set_help_enabled (ctx, TRUE);
  if (!g_option_context_parse (ctx, &argc, &argv, &error))
    return trellis_cli_fail ("mastery fit: %s", error->message);
  if (argc != 2)
    return trellis_cli_fail ("mastery fit: expected one INPUT.csv (see --help)");
  if (output == NULL)
    return trellis_cli_fail ("mastery fit: --output PARAMS.json is required");

  trellis_bkt_options_init (&options);
  if (model_name != NULL)
    {
      TrellisBktVariant variant;

      if (!trellis_bkt_variant_from_string (model_name, &variant))
        return trellis_cli_fail ("mastery fit: unknown --model \"%s\" (bkt, forgets or best)", model_name);
      trellis_bkt_options_set_variant (&options, variant);
    }
  if (restarts < 1 || restarts > 1000)
    return trellis_cli_fail ("mastery fit: --restarts must be between 1 and 1000");
  if (seed < 0)
    return trellis_cli_fail ("mastery fit: --seed must not be negative");
  options.restarts = restarts;
  options.seed = (guint64) seed;

  log = trellis_mastery_log_load (argv[1], &error);
  if (log == NULL)
    return trellis_cli_fail ("%s", error->message);

  model = trellis_bkt_fit (log->skill, log->learner, log->correct, log->n_rows,
                           log->skill_names->len, &options, &error);
  if (model == NULL)
    return trellis_cli_fail ("%s: %s", argv[1], error->message);

  root = model_to_json (model, log->skill_names, &options);
  trellis_bkt_model_free (model);

  gen = json_generator_new ();
  json_generator_set_pretty (gen, TRUE);
  json_generator_set_indent (gen, 1);
  json_generator_set_root (gen, root);
  if (!json_generator_to_file (gen, output, &error))
    return trellis_cli_fail ("%s: %s", output, error->message);

  return 0;
}

static int
mastery_predict (int    argc,
                 char **argv)
{
  g_autofree char *output = NULL;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, "Write the predictions to FILE (required)", "FILE" },
    { NULL }
  };
  g_autoptr(GOptionContext) ctx = g_option_context_new ("PARAMS.json INPUT.csv --output PRED.csv - predict each answer online");
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisMasteryLog) log = NULL;
  g_autoptr(GHashTable) skill_index = NULL;
  g_autofree guint32 *skill = NULL;
  g_autofree double *p = NULL;
  g_autofree guint32 *map = NULL;
  g_autoptr(GString) out = NULL;
  TrellisBktModel *model;
  guint n_skills;

  g_option_context_add_main_entries (ctx, entries, NULL);
  if (!g_option_context_parse (ctx, &argc, &argv, &error))
    return trellis_cli_fail ("mastery predict: %s", error->message);
  if (argc != 3)
    return trellis_cli_fail ("mastery predict: expected PARAMS.json and INPUT.csv (see --help)");
  if (output == NULL)
    return trellis_cli_fail ("mastery predict: --output PRED.csv is required");

  skill_index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  model = model_from_json (argv[1], skill_index, &error);
  if (model == NULL)
    return trellis_cli_fail ("%s", error->message);
  n_skills = trellis_bkt_model_get_n_skills (model);

  log = trellis_mastery_log_load (argv[2], &error);
  if (log == NULL)
    {
      trellis_bkt_model_free (model);
      return trellis_cli_fail ("%s", error->message);
    }

  /* Skills the fit never saw get indices ≥ n_skills: pooled defaults,
   * each with its own state. */
  map = g_new (guint32, MAX (log->skill_names->len, 1));
  for (guint s = 0; s < log->skill_names->len; s++)
    {
      gpointer v = g_hash_table_lookup (skill_index, g_ptr_array_index (log->skill_names, s));

      map[s] = v != NULL ? GPOINTER_TO_UINT (v) - 1 : n_skills + s;
    }
  skill = g_new (guint32, log->n_rows);
  for (gsize i = 0; i < log->n_rows; i++)
    skill[i] = map[log->skill[i]];

  p = g_new (double, log->n_rows);
  trellis_bkt_model_predict (model, skill, log->learner, log->correct, log->n_rows, p);
  trellis_bkt_model_free (model);

  out = g_string_sized_new (log->n_rows * 14 + 16);
  g_string_append (out, "p_correct\n");
  for (gsize i = 0; i < log->n_rows; i++)
    {
      char buf[G_ASCII_DTOSTR_BUF_SIZE];

      g_ascii_formatd (buf, sizeof buf, "%.12g", p[i]);
      g_string_append (out, buf);
      g_string_append_c (out, '\n');
    }
  if (!g_file_set_contents (output, out->str, out->len, &error))
    return trellis_cli_fail ("%s", error->message);

  return 0;
}

int
trellis_cli_mastery (int    argc,
                     char **argv)
{
  g_auto(GStrv) args = NULL;
  int n;

  if (argc < 2 || g_strcmp0 (argv[1], "--help") == 0 ||
      g_strcmp0 (argv[1], "-h") == 0 || g_strcmp0 (argv[1], "help") == 0)
    {
      if (argc < 2)
        {
          fputs (usage_text, stderr);
          return trellis_cli_fail ("mastery: expected fit or predict");
        }
      fputs (usage_text, stdout);
      return 0;
    }

  /* GOptionContext edits argv: work on a copy, with argv[0] naming the
   * subcommand as it appears in --help. */
  n = argc - 1;
  args = g_new0 (char *, n + 1);
  args[0] = g_strdup_printf ("trellis-cli mastery %s", argv[1]);
  for (int i = 2; i < argc; i++)
    args[i - 1] = g_strdup (argv[i]);

  if (g_strcmp0 (argv[1], "fit") == 0)
    {
      char **v = g_memdup2 (args, sizeof (char *) * (n + 1));
      int r = mastery_fit (n, v);

      g_free (v);
      return r;
    }
  if (g_strcmp0 (argv[1], "predict") == 0)
    {
      char **v = g_memdup2 (args, sizeof (char *) * (n + 1));
      int r = mastery_predict (n, v);

      g_free (v);
      return r;
    }

  return trellis_cli_fail ("mastery: unknown command \"%s\" (fit or predict)", argv[1]);
}

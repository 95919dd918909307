/* trellis-bkt-estep.h
 *
 * Copyright 2026 The Trellis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * The E step of trellis-bkt.c, included once per vector width: define W
 * (lanes), VF/VI (float/int vectors of W lanes), VLOG, E_STEP and
 * VSPLAT_W (names) before including.  Private to trellis-bkt.c.
 */

/* Broadcast (vectors are never passed by value: that would depend on
 * the target's vector ABI). */
#define VSPLAT_W(x) (((VF) { 0, }) + (float) (x))

/* log (x) for x > 0 (normal floats), about 1e-6 absolute; vectorised. */
static inline void
VLOG (const VF *x,
      VF       *out)
{
  VI bits;
  VI e;
  VF m, t, t2, r;

  memcpy (&bits, x, sizeof bits);
  e = ((bits >> 23) & 0xff) - 127;
  bits = (bits & 0x007fffff) | 0x3f800000;
  memcpy (&m, &bits, sizeof m);
  /* m in [1, 2): log m = 2 atanh ((m − 1) / (m + 1)) */
  t = (m - 1.0f) / (m + 1.0f);
  t2 = t * t;
  r = t * (2.0f + t2 * (2.0f / 3.0f + t2 * (2.0f / 5.0f + t2 * (2.0f / 7.0f + t2 * (2.0f / 9.0f)))));
  *out = r + __builtin_convertvector (e, VF) * 0.69314718f;
}

/* One E step for all lanes: fills stats[W]. */
static void
E_STEP (const TrellisBktTrie *trie,
        TrellisBktWork       *work,
        const Lane           *lanes,
        Stats                *stats)
{
  const guint n = trie->n_nodes;
  const guint32 *parent = trie->parent;
  const guint8 *obs = trie->obs;
  VF *ak = (VF *) work->ak;
  VF *au = (VF *) work->au;
  VF *cc = (VF *) work->cc;
  VF *bk = (VF *) work->bk;
  VF *bu = (VF *) work->bu;
  VF prior, learn, nlearn, forget, nforget, ek1, ek0, eu1, eu0;
  VF acc[11];
  double dacc[11][W];
  guint blk;

  for (guint l = 0; l < W; l++)
    {
      prior[l] = lanes[l].prior;
      learn[l] = lanes[l].learn;
      nlearn[l] = 1.0 - lanes[l].learn;
      forget[l] = lanes[l].forget;
      nforget[l] = 1.0 - lanes[l].forget;
      ek1[l] = 1.0 - lanes[l].slip;
      ek0[l] = lanes[l].slip;
      eu1[l] = lanes[l].guess;
      eu0[l] = 1.0 - lanes[l].guess;
    }

  memset (dacc, 0, sizeof dacc);
  for (guint j = 0; j < 11; j++)
    acc[j] = VSPLAT_W (0.0f);

  /* Forward */
  blk = 0;
  for (guint i = 1; i < n; i++)
    {
      guint32 p = parent[i];
      VF pk, pu, k, u, c, inv, lc;
      VF ek = obs[i] ? ek1 : ek0;
      VF eu = obs[i] ? eu1 : eu0;

      if (p == 0)
        {
          pk = prior;
          pu = 1.0f - prior;
        }
      else
        {
          pk = ak[p] * nforget + au[p] * learn;
          pu = ak[p] * forget + au[p] * nlearn;
        }
      k = pk * ek;
      u = pu * eu;
      c = k + u;
      inv = 1.0f / c;
      /* a tiny floor keeps either mass away from zero and denormals */
      k = k * inv + TINY;
      u = u * inv + TINY;
      ak[i] = k;
      au[i] = u;
      cc[i] = inv;
      VLOG (&c, &lc);
      acc[10] += lc * trie->count[i];
      bk[i] = VSPLAT_W (trie->endc[i]);
      bu[i] = bk[i];

      if (++blk == BLOCK)
        {
          for (guint l = 0; l < W; l++)
            dacc[10][l] += acc[10][l];
          acc[10] = VSPLAT_W (0.0f);
          blk = 0;
        }
    }

  /* Backward, collecting expected counts */
  blk = 0;
  for (guint i = n - 1; i >= 1; i--)
    {
      guint32 p = parent[i];
      VF Bk = bk[i];
      VF Bu = bu[i];
      VF gk = ak[i] * Bk;
      VF gu = au[i] * Bu;
      VF ek = obs[i] ? ek1 : ek0;
      VF eu = obs[i] ? eu1 : eu0;
      VF inv = cc[i];
      VF wk = ek * Bk * inv;
      VF wu = eu * Bu * inv;

      if (obs[i])
        {
          acc[6] += gk;
          acc[7] += gu;
        }
      acc[8] += gk;
      acc[9] += gu;

      if (p == 0)
        {
          acc[0] += gk;
          acc[1] += gk + gu;
        }
      else
        {
          VF tkk = nforget * wk;
          VF tku = forget * wu;
          VF tuk = learn * wk;
          VF tuu = nlearn * wu;
          VF apk = ak[p];
          VF apu = au[p];

          bk[p] += tkk + tku;
          bu[p] += tuk + tuu;
          acc[2] += apk * tkk;
          acc[3] += apk * tku;
          acc[4] += apu * tuk;
          acc[5] += apu * tuu;
        }

      if (++blk == BLOCK)
        {
          for (guint j = 0; j < 10; j++)
            {
              for (guint l = 0; l < W; l++)
                dacc[j][l] += acc[j][l];
              acc[j] = VSPLAT_W (0.0f);
            }
          blk = 0;
        }
    }

  for (guint j = 0; j < 11; j++)
    for (guint l = 0; l < W; l++)
      dacc[j][l] += acc[j][l];

  for (guint l = 0; l < W; l++)
    {
      stats[l].prior_k = dacc[0][l];
      stats[l].prior_n = dacc[1][l];
      stats[l].xkk = dacc[2][l];
      stats[l].xku = dacc[3][l];
      stats[l].xuk = dacc[4][l];
      stats[l].xuu = dacc[5][l];
      stats[l].ck = dacc[6][l];
      stats[l].cu = dacc[7][l];
      stats[l].tk = dacc[8][l];
      stats[l].tu = dacc[9][l];
      stats[l].ll = dacc[10][l];
    }
}


#undef W
#undef VF
#undef VI
#undef VLOG
#undef E_STEP
#undef VSPLAT_W

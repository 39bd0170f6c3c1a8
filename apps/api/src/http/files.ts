// Binary file routes (GraphQL links to them; large arrays never travel as GraphQL lists):
//   GET /files/units/<unitId>/top.png            the unit's top probe images as one RGB sprite (a row of tiles),
//                                                 its receptive-field patch outlined in red (?patch=0: no outline)
//   GET /files/probe/<experimentId>/<i>.png       probe image i
//   GET /files/alignments/<id>/between.npy        R_AB float32 [p, q]   (between.T.npy: [q, p])
//   GET /files/alignments/<id>/match.npy          int32 [p]: B unit matched to each A unit, -1 unmatched
//                                                 (match.T.npy: the same for each B unit)
//   GET /files/alignments/<id>/difference.npy     float32 [p, p]: W_A[i,j] - R_AB[i, match[j]] (.T: from B's side)
//   GET /files/layers/<layerId>/within.npy        W float32 [units, units]
//   GET /files/networks/<networkId>/model.json    trained weights, tfjs LayersModel (tf.loadLayersModel(url)); its
//                                                 weightsManifest paths carry a signature, so weights.bin loads too
// PNG routes take ?scale=1..8 (nearest neighbour). Access: a signature issued by GraphQL for the object (?sig=,
// see file-links.ts) while the credential it names is live, or a credential in the Authorization header (team
// token, or a dashboard session forwarded by the dashboard server); the object must belong to that credential's
// team, else 404. Never a token in the URL: `?token=` is refused with a message saying so.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { PrismaClient } from '../generated/prisma/client.ts';
import type { Authenticator } from '../auth/authenticator.ts';
import type { FileLinkSigner } from '../auth/file-links.ts';
import { encodePng } from './png.ts';
import { decodeNpy, matchedDifference, npyBytes, toFloat32, transpose32, type NpyMatrix } from './npy-buffer.ts';
import { asRecord, num } from '../graphql/mapping.ts';

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

interface ProbeImages {
  key: string;
  n: number;
  h: number;
  w: number;
  c: number;
  data: Uint8Array;
}

export interface FileRoutes {
  handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void>;
}

export function createFileRoutes(prisma: PrismaClient, links: FileLinkSigner, auth: Authenticator): FileRoutes {
  // Decoded probe image arrays of the most recently used experiments (a few MB each at most).
  const probeCache = new Map<string, ProbeImages>();

  async function probeImages(experimentId: string): Promise<ProbeImages> {
    const art = await prisma.artifact.findFirst({
      where: { experimentId, kind: 'PROBE_IMAGES' },
      select: { id: true, updatedAt: true },
      orderBy: { updatedAt: 'desc' },
    });
    if (!art) throw new HttpError(404, 'NOT_FOUND', `experiment ${experimentId} has no stored probe images`);
    const key = `${art.id}@${art.updatedAt.getTime()}`;
    const cached = probeCache.get(experimentId);
    if (cached && cached.key === key) {
      probeCache.delete(experimentId);
      probeCache.set(experimentId, cached);
      return cached;
    }
    const row = await prisma.artifact.findUniqueOrThrow({ where: { id: art.id }, select: { data: true } });
    const m = decodeNpy(row.data, 'probe images');
    if (m.dtype !== 'uint8' || (m.shape.length !== 4 && m.shape.length !== 3)) {
      throw new HttpError(500, 'INTERNAL_SERVER_ERROR', `probe images must be uint8 [n, h, w(, c)], got ${m.dtype} [${m.shape.join(', ')}]`);
    }
    const [n, h, w, c = 1] = m.shape as [number, number, number, number?];
    const entry: ProbeImages = { key, n, h, w, c, data: m.data as Uint8Array };
    probeCache.set(experimentId, entry);
    while (probeCache.size > 8) probeCache.delete(probeCache.keys().next().value!);
    return entry;
  }

  async function artifactMatrix(id: string | null, label: string): Promise<NpyMatrix> {
    if (!id) throw new HttpError(404, 'NOT_FOUND', `${label} is not stored`);
    const row = await prisma.artifact.findUnique({ where: { id }, select: { data: true } });
    if (!row) throw new HttpError(404, 'NOT_FOUND', `${label} is not stored`);
    return decodeNpy(row.data, label);
  }

  /** Match vector of side A (or of side B when reverse) from the unit matches. */
  async function matchVector(alignment: { id: string; layerAId: string; layerBId: string }, reverse: boolean): Promise<Int32Array> {
    const [la, lb] = await Promise.all([
      prisma.layer.findUniqueOrThrow({ where: { id: alignment.layerAId }, select: { unitCount: true } }),
      prisma.layer.findUniqueOrThrow({ where: { id: alignment.layerBId }, select: { unitCount: true } }),
    ]);
    const out = new Int32Array(reverse ? lb.unitCount : la.unitCount).fill(-1);
    if (!reverse) {
      for (const r of await prisma.unitMatch.findMany({ where: { alignmentId: alignment.id, direction: 'A_TO_B' }, select: { unitA: true, unitB: true } })) {
        if (r.unitA >= 0 && r.unitA < out.length) out[r.unitA] = r.unitB ?? -1;
      }
      return out;
    }
    const back = await prisma.unitMatch.findMany({ where: { alignmentId: alignment.id, direction: 'B_TO_A' }, select: { unitA: true, unitB: true } });
    if (back.length > 0) {
      for (const r of back) if (r.unitB !== null && r.unitB >= 0 && r.unitB < out.length) out[r.unitB] = r.unitA;
      return out;
    }
    // A one-to-one matching read backwards.
    for (const r of await prisma.unitMatch.findMany({ where: { alignmentId: alignment.id, direction: 'A_TO_B' }, select: { unitA: true, unitB: true } })) {
      if (r.unitB !== null && r.unitB >= 0 && r.unitB < out.length) out[r.unitB] = r.unitA;
    }
    return out;
  }

  function scaleOf(url: URL): number {
    const s = url.searchParams.get('scale');
    if (s === null) return 1;
    const v = Number(s);
    if (!Number.isInteger(v) || v < 1 || v > 8) throw new HttpError(400, 'BAD_USER_INPUT', `scale must be an integer from 1 to 8 (got ${s})`);
    return v;
  }

  function sendPng(res: ServerResponse, width: number, height: number, channels: 1 | 3, pixels: Uint8Array, scale: number): void {
    let px = pixels;
    let w = width;
    let h = height;
    if (scale > 1) {
      w = width * scale;
      h = height * scale;
      px = new Uint8Array(w * h * channels);
      for (let y = 0; y < h; y++) {
        const sy = Math.floor(y / scale);
        for (let x = 0; x < w; x++) {
          const sx = Math.floor(x / scale);
          for (let ch = 0; ch < channels; ch++) px[(y * w + x) * channels + ch] = pixels[(sy * width + sx) * channels + ch]!;
        }
      }
    }
    send(res, 'image/png', encodePng(w, h, channels, px));
  }

  function send(res: ServerResponse, type: string, body: Buffer): void {
    res.writeHead(200, { 'content-type': type, 'content-length': body.length, 'cache-control': 'private, max-age=3600' });
    res.end(body);
  }

  /**
   * The team (and credential) a file request acts for: a signed link while its credential is live, else the
   * Authorization header. Refused with 401 and a message that says what to do.
   */
  async function access(req: IncomingMessage, url: URL, scope: string): Promise<{ teamId: string; credentialId: string }> {
    if (url.searchParams.has('token')) {
      throw new HttpError(401, 'UNAUTHENTICATED', 'tokens are not accepted in URLs (they leak into logs, history and Referer headers): send Authorization: Bearer <token>, or use a signed URL from the API');
    }
    const sig = url.searchParams.get('sig');
    let refused: string | null = null;
    if (sig) {
      const check = links.verify(scope, sig);
      if (check.ok) {
        const cred = await auth.byId(check.credentialId);
        if (cred) return { teamId: cred.teamId, credentialId: cred.tokenId };
        refused =
          'this file link was issued to a token or dashboard session that has since been revoked or has expired (links die with their credential); sign in again or use a live token, then ask the API for a fresh link';
      } else refused = check.message;
    }
    // A header credential still opens the file (e.g. a dashboard page holding links older than their lifetime).
    if (req.headers.authorization || !refused) {
      const r = await auth.fromHeader(req.headers.authorization);
      if (r.ok) return { teamId: r.auth.teamId, credentialId: r.auth.tokenId };
      if (!refused) throw new HttpError(401, 'UNAUTHENTICATED', `${r.message}, or use a signed URL from the API`);
    }
    throw new HttpError(401, 'UNAUTHENTICATED', refused!);
  }

  return {
    async handle(req, res, url) {
      if (req.method !== 'GET' && req.method !== 'HEAD') throw new HttpError(405, 'METHOD_NOT_ALLOWED', 'file routes answer GET only');
      const m = /^\/files\/(units|probe|alignments|layers|networks)\/([A-Za-z0-9_-]{1,64})\/([A-Za-z0-9_.{}-]{1,64})$/.exec(url.pathname);
      if (!m) throw new HttpError(404, 'NOT_FOUND', `no file route ${url.pathname}`);
      const [, kind, id, file] = m as unknown as [string, string, string, string];
      const { teamId, credentialId } = await access(req, url, `${kind}/${id}`);
      const gone = () => new HttpError(404, 'NOT_FOUND', `${kind.replace(/s$/, '')} ${id} not found (unknown id, or it belongs to another team)`);

      if (kind === 'probe') {
        const pm = /^(\d{1,9})\.png$/.exec(file);
        if (!pm) throw new HttpError(404, 'NOT_FOUND', `expected /files/probe/<experimentId>/<index>.png`);
        const exp = await prisma.experiment.findFirst({ where: { id, teamId }, select: { id: true } });
        if (!exp) throw gone();
        const probe = await probeImages(exp.id);
        const index = Number(pm[1]);
        if (index >= probe.n) throw new HttpError(404, 'NOT_FOUND', `probe image ${index} out of range (experiment has ${probe.n})`);
        const size = probe.h * probe.w * probe.c;
        const px = probe.data.subarray(index * size, (index + 1) * size);
        if (probe.c === 1 || probe.c === 3) sendPng(res, probe.w, probe.h, probe.c, px, scaleOf(url));
        else sendPng(res, probe.w, probe.h, 1, Uint8Array.from({ length: probe.h * probe.w }, (_, i) => px[i * probe.c]!), scaleOf(url));
        return;
      }

      if (kind === 'units') {
        if (file !== 'top.png' || !/^\d{1,15}$/.test(id)) throw gone();
        const unit = await prisma.unit.findFirst({
          where: { id: Number(id), layer: { network: { experiment: { teamId } } } },
          select: { topImages: true, layer: { select: { receptiveField: true, network: { select: { experimentId: true } } } } },
        });
        if (!unit) throw gone();
        const probe = await probeImages(unit.layer.network.experimentId);
        const tops = (Array.isArray(unit.topImages) ? unit.topImages : []).map(asRecord);
        const rf = asRecord(unit.layer.receptiveField);
        const outline = url.searchParams.get('patch') !== '0' && num(rf['size']) !== null;
        sendPng(res, ...spriteOf(probe, tops, outline ? rf : null), scaleOf(url));
        return;
      }

      if (kind === 'networks') {
        if (file !== 'model.json' && file !== 'weights.bin') throw gone();
        const net = await prisma.network.findFirst({ where: { id, experiment: { teamId } }, select: { id: true, experiment: { select: { teamId: true } } } });
        if (!net) throw gone();
        const art = await prisma.artifact.findUnique({ where: { teamId_key: { teamId: net.experiment.teamId, key: `network/${net.id}/${file}` } }, select: { data: true } });
        if (!art) throw new HttpError(404, 'NOT_FOUND', `network ${id} has no stored weights`);
        if (file === 'weights.bin') {
          send(res, 'application/octet-stream', Buffer.from(art.data));
          return;
        }
        // tfjs resolves weight paths against model.json's folder and drops its query: sign each path.
        const model = JSON.parse(Buffer.from(art.data).toString('utf8')) as { weightsManifest?: { paths: string[] }[] };
        const sig = links.sign(`networks/${net.id}`, credentialId);
        // One shard is stored (as weights.bin) whatever it was called.
        const groups = model.weightsManifest ?? [];
        if (groups.length === 1 && groups[0]!.paths.length === 1) groups[0]!.paths = [`weights.bin?sig=${sig}`];
        send(res, 'application/json', Buffer.from(JSON.stringify(model)));
        return;
      }

      if (kind === 'layers') {
        if (file !== 'within.npy') throw gone();
        const layer = await prisma.layer.findFirst({ where: { id, network: { experiment: { teamId } } }, select: { withinId: true } });
        if (!layer) throw gone();
        const w = await artifactMatrix(layer.withinId, `within-layer correlation of layer ${id}`);
        send(res, 'application/octet-stream', npyBytes(toFloat32(w), w.shape));
        return;
      }

      // alignments
      const am = /^(between|match|difference)(\.T)?\.npy$/.exec(file);
      if (!am) throw gone();
      const alignment = await prisma.alignment.findFirst({
        where: { id, status: 'COMPLETED', experiment: { teamId } },
        select: { id: true, matrixId: true, layerAId: true, layerBId: true },
      });
      if (!alignment) throw gone();
      const reverse = am[2] === '.T';
      if (am[1] === 'match') {
        const v = await matchVector(alignment, reverse);
        send(res, 'application/octet-stream', npyBytes(v, [v.length]));
        return;
      }
      const between = await artifactMatrix(alignment.matrixId, `between-net matrix of alignment ${id}`);
      if (between.shape.length !== 2) throw new HttpError(500, 'INTERNAL_SERVER_ERROR', `stored matrix of alignment ${id} is not 2-D`);
      const oriented: NpyMatrix = reverse ? { shape: [between.shape[1]!, between.shape[0]!], dtype: 'float32', data: transpose32(between) } : between;
      if (am[1] === 'between') {
        send(res, 'application/octet-stream', npyBytes(toFloat32(oriented), oriented.shape));
        return;
      }
      const layerId = reverse ? alignment.layerBId : alignment.layerAId;
      const layer = await prisma.layer.findUniqueOrThrow({ where: { id: layerId }, select: { withinId: true } });
      const within = await artifactMatrix(layer.withinId, `within-layer correlation of layer ${layerId}`);
      const diff = matchedDifference(within, oriented, await matchVector(alignment, reverse));
      send(res, 'application/octet-stream', npyBytes(diff, [within.shape[0]!, within.shape[0]!]));
    },
  };
}

/**
 * A row of the unit's top images as RGB tiles separated by 2 px, each with the unit's receptive field (when known)
 * outlined in red at its maximum: rows/cols [y*stride + offset, ... + size).
 */
function spriteOf(
  probe: ProbeImages,
  tops: Record<string, unknown>[],
  rf: Record<string, unknown> | null,
): [number, number, 3, Uint8Array] {
  const gap = 2;
  const count = Math.max(1, tops.length);
  const width = count * probe.w + (count - 1) * gap;
  const height = probe.h;
  const px = new Uint8Array(width * height * 3).fill(255);
  tops.forEach((t, k) => {
    const index = num(t['imageIndex']) ?? num(t['image']);
    if (index === null || index < 0 || index >= probe.n) return;
    const x0 = k * (probe.w + gap);
    const base = index * probe.h * probe.w * probe.c;
    for (let y = 0; y < probe.h; y++) {
      for (let x = 0; x < probe.w; x++) {
        const src = base + (y * probe.w + x) * probe.c;
        const dst = (y * width + x0 + x) * 3;
        if (probe.c >= 3) {
          px[dst] = probe.data[src]!;
          px[dst + 1] = probe.data[src + 1]!;
          px[dst + 2] = probe.data[src + 2]!;
        } else {
          px[dst] = px[dst + 1] = px[dst + 2] = probe.data[src]!;
        }
      }
    }
    if (rf) {
      const size = num(rf['size'])!;
      const stride = num(rf['stride']) ?? 1;
      const offset = num(rf['offset']) ?? 0;
      const top = (num(t['y']) ?? 0) * stride + offset;
      const left = (num(t['x']) ?? 0) * stride + offset;
      if (size >= probe.h && size >= probe.w) return; // the whole image: no outline
      const y1 = Math.max(0, top);
      const y2 = Math.min(probe.h - 1, top + size - 1);
      const xa = Math.max(0, left);
      const xb = Math.min(probe.w - 1, left + size - 1);
      const red = (y: number, x: number) => {
        const d = (y * width + x0 + x) * 3;
        px[d] = 255;
        px[d + 1] = 0;
        px[d + 2] = 0;
      };
      for (let x = xa; x <= xb; x++) {
        if (top >= 0) red(y1, x);
        if (top + size - 1 < probe.h) red(y2, x);
      }
      for (let y = y1; y <= y2; y++) {
        if (left >= 0) red(y, xa);
        if (left + size - 1 < probe.w) red(y, xb);
      }
    }
  });
  return [width, height, 3, px];
}

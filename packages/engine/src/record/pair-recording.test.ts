import { beforeAll, describe, expect, it } from 'vitest';
import { selectBackend } from '../backend/select-backend.ts';
import { alignPair } from '../align/align-pair.ts';
import { buildModel } from '../spec/build-model.ts';
import { syntheticImages, tinyArchitecture } from '../train/test-fixtures.ts';
import { type CrossPart, crossPart, type MemberPart, memberPart, packParts, pairRecording, unpackParts } from './pair-recording.ts';
import { recordFamily } from './record-family.ts';

beforeAll(async () => {
  await selectBackend();
});

describe('pair recordings', () => {
  it('align every pair exactly as the whole recording does, after a trip through bytes', async () => {
    const probe = syntheticImages(31, 5);
    const nets = [
      { id: 'a', spec: tinyArchitecture(), model: buildModel(tinyArchitecture(), 1).model },
      { id: 'b', spec: tinyArchitecture({ filters: 3, name: 'narrow' }), model: buildModel(tinyArchitecture({ filters: 3, name: 'narrow' }), 2).model },
      { id: 'c', spec: tinyArchitecture(), model: buildModel(tinyArchitecture(), 3).model },
    ];
    const recs = await recordFamily(nets, probe, { layers: ['conv1', 'fc1'], batchSize: 8, sampleRows: 120, imageRows: true, seed: 3 });
    const options = { methods: ['semi', 'max', 'mi', 'cka', 'sparse', 'spectral', 'svcca', 'pwcca', 'procrustes', 'knn'] as const, penalties: [0.05, 0.3], clusters: [3], miBins: 4, seed: 1, knn: { k: 4, metric: 'euclidean' as const } };
    let compared = 0;
    for (const rec of recs) {
      const parts = rec.members.map((_, i) => unpackParts<MemberPart>(packParts(memberPart(rec, i))));
      for (let ia = 0; ia < rec.members.length; ia++) {
        for (let ib = 0; ib < rec.members.length; ib++) {
          if (ia === ib) continue;
          const cross = unpackParts<CrossPart>(packParts(crossPart(rec, ia, ib)));
          const pair = pairRecording(parts[ia]!, parts[ib]!, cross);
          expect(pair.members.map((m) => m.networkId)).toEqual([rec.members[ia]!.networkId, rec.members[ib]!.networkId]);
          expect(pair.sample!.rows).toBe(rec.sample!.rows);
          expect(pair.images!.rows).toBe(31);
          const want = await alignPair(rec, ia, ib, { ...options, methods: [...options.methods] });
          const got = await alignPair(pair, 0, 1, { ...options, methods: [...options.methods] });
          // Same inputs to the same code: equal to the bit, CKA, mutual information and the newer measures included.
          expect(got).toEqual(want);
          expect(got.knn!.images).toBe(31);
          compared++;
        }
      }
    }
    expect(compared).toBe(2 * 6);
    for (const n of nets) n.model.dispose();
  });

  it('rejects bytes that are not a packed part, and parts that do not belong together', async () => {
    expect(() => unpackParts(new Uint8Array([1, 2]), 'x.parts')).toThrow(/x.parts is not a packed recording part/);
    expect(() => unpackParts(new Uint8Array([200, 0, 0, 0, 1]), 'x.parts')).toThrow(/header runs past the end/);
    const probe = syntheticImages(9, 2);
    const nets = [
      { id: 'a', spec: tinyArchitecture(), model: buildModel(tinyArchitecture(), 1).model },
      { id: 'b', spec: tinyArchitecture(), model: buildModel(tinyArchitecture(), 2).model },
    ];
    const [rec] = await recordFamily(nets, probe, { layers: ['fc1'], sampleRows: 0 });
    expect(() => pairRecording(memberPart(rec!, 0), memberPart(rec!, 1), crossPart(rec!, 1, 0))).toThrow(/do not fit together/);
    for (const n of nets) n.model.dispose();
  });
});

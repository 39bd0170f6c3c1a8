/**
 * Checks that the spec's methods can run on the planned networks before anything is trained: CCA-based measures need
 * N ≥ 2 (p + q) samples at a layer for every pair aligned there, mutual kNN needs more probe images than k, stitching
 * layers must be recorded. Errors name the spec path, the numbers and the fix (SpecError), so a run never fails
 * after an hour of training, and never writes a NaN figure.
 */
import { MIN_SAMPLES_PER_UNIT } from '../align/cca.ts';
import { type ResolvedArchitecture, layerOutputShapes } from '../spec/architecture-spec.ts';
import { SpecError } from '../spec/json-checks.ts';
import { CCA_METHODS, type ResolvedExperimentSpec } from './experiment-spec.ts';

export function checkMethods(
  spec: ResolvedExperimentSpec,
  nets: Array<{ id: string; arch: ResolvedArchitecture; role: 'trained' | 'untrained' }>,
  layers: string[],
  probe: number,
): void {
  const errors: string[] = [];
  // The resolved list (where "all" was expanded), so the path is the field, not an index of it.
  const methodPath = (m: string) => `methods: "${m}"`;
  const shapes = new Map(nets.map((n) => [n.arch.name, layerOutputShapes(n.arch)]));
  for (const method of CCA_METHODS.filter((m) => spec.methods.includes(m))) {
    for (const layer of layers) {
      const having = nets.filter((n) => shapes.get(n.arch.name)!.has(layer));
      let worst: { need: number; n: number; a: string; b: string; p: number; q: number } | undefined;
      for (let i = 0; i < having.length; i++) {
        for (let j = i + 1; j < having.length; j++) {
          const a = having[i]!;
          const b = having[j]!;
          // Pairs aligned: two trained networks, or a trained one with an untrained one (chance).
          if (a.role === 'untrained' && b.role === 'untrained') continue;
          const sa = shapes.get(a.arch.name)!.get(layer)!;
          const sb = shapes.get(b.arch.name)!.get(layer)!;
          const p = sa[sa.length - 1]!;
          const q = sb[sb.length - 1]!;
          const n = probe * (sa.length === 3 ? sa[0]! * sa[1]! : 1);
          const need = MIN_SAMPLES_PER_UNIT * (p + q);
          if (n < need && (!worst || need - n > worst.need - worst.n)) worst = { need, n, a: a.id, b: b.id, p, q };
        }
      }
      if (worst) {
        const images = Math.ceil(worst.need / (worst.n / probe));
        errors.push(
          `${methodPath(method)} at layer ${layer} needs at least ${MIN_SAMPLES_PER_UNIT} × (p + q) = ${worst.need} samples for ${worst.a} × ${worst.b} (${worst.p} + ${worst.q} units), but split.probe ${probe} gives ${worst.n}; raise split.probe to ≥ ${images} or drop ${method} from methods`,
        );
      }
    }
  }
  if (spec.methods.includes('knn') && spec.knn.k >= probe) {
    errors.push(`knn.k ${spec.knn.k} needs more probe images than k, but split.probe is ${probe}; lower knn.k below ${probe} or raise split.probe`);
  }
  if (spec.methods.includes('stitch')) {
    (spec.stitch.layers ?? []).forEach((l, i) => {
      if (!layers.includes(l)) errors.push(`stitch.layers[${i}] "${l}" is not a recorded layer (${layers.join(', ')})`);
    });
  }
  if (errors.length > 0) throw new SpecError('invalid experiment spec', errors);
}

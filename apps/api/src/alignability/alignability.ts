/**
 * Can two networks of two experiments be aligned on demand? Alignment compares the units' activations on the SAME
 * probe images, so both experiments must have probed the same images: the same dataset split the same way (the
 * probe set is the slice [validation, validation + probe) of the dataset's permutation by split.seed, engine
 * data/dataset.ts splitDataset), and both networks must have stored weights (to be recorded again) and the layer.
 * Pure: the caller reads the rows; the job additionally checks that the stored probe images are byte-identical.
 */

export interface AlignSide {
  experiment: {
    id: string;
    name: string;
    status: string;
    /** Experiment.spec as stored (dataset, split). */
    spec: unknown;
    /** Probe images the recording stored (Experiment.probeCount), null before RECORD. */
    probeCount: number | null;
  };
  network: {
    id: string;
    name: string;
    /** Whether its trained weights are stored (WEIGHTS artifact). */
    hasWeights: boolean;
    /** Recorded layer names (Layer rows), in the network's order. */
    layers: readonly string[];
    /** Output shape per recorded layer ([h, w, c] conv, [units] dense), when known. */
    shapes?: Readonly<Record<string, readonly number[]>>;
  };
}

export interface Alignability {
  alignable: boolean;
  /** Every reason they cannot be aligned, each naming both sides' values (empty when alignable). */
  reasons: string[];
  /** The layers an alignment would cover: the requested ones, or every layer recorded in both (A's order). */
  layers: string[];
}

interface ProbeSet {
  dataset: string | null;
  seed: number | null;
  validation: number | null;
  probe: number | null;
}

const obj = (v: unknown): Record<string, unknown> | null => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null);
const int = (v: unknown): number | null => (typeof v === 'number' && Number.isInteger(v) ? v : null);

/** JSON with object keys sorted, so equal dataset specs compare equal. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  const o = obj(value);
  if (o) return `{${Object.keys(o).sort().map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`).join(',')}}`;
  return JSON.stringify(value) ?? 'null';
}

/** What decides which images form an experiment's probe set, from its stored spec. */
export function probeSetOf(spec: unknown): ProbeSet {
  const s = obj(spec);
  const split = obj(s?.['split']);
  const d = s?.['dataset'];
  return {
    dataset: typeof d === 'string' ? d : d === undefined || d === null ? null : canonical(d),
    seed: int(split?.['seed']),
    validation: int(split?.['validation']),
    probe: int(split?.['probe']),
  };
}

function describe(p: ProbeSet): string {
  const n = p.probe === null ? 'an unknown number of' : String(p.probe);
  const ds = p.dataset === null ? 'an unknown dataset' : p.dataset;
  const seed = p.seed === null ? 'unknown' : String(p.seed);
  const val = p.validation === null ? 'unknown' : String(p.validation);
  return `probes ${n} images of ${ds} (split seed ${seed}, after ${val} validation images)`;
}

const list = (xs: readonly string[]) => (xs.length ? xs.join(', ') : 'none');

export function alignability(a: AlignSide, b: AlignSide, requestedLayers?: readonly string[] | null): Alignability {
  const reasons: string[] = [];
  const ea = `experiment “${a.experiment.name}”`;
  const eb = `experiment “${b.experiment.name}”`;
  const na = `network “${a.network.name}” of ${ea}`;
  const nb = `network “${b.network.name}” of ${eb}`;
  if (a.network.id === b.network.id) return { alignable: false, reasons: [`${na} is the same network on both sides; pick two networks`], layers: [] };
  if (a.experiment.id === b.experiment.id) {
    return { alignable: false, reasons: [`both networks are in ${ea}: its own pipeline aligns them (open its pair view); on-demand alignment is for networks of two experiments`], layers: [] };
  }
  for (const [e, s] of [[ea, a], [eb, b]] as const) {
    if (s.experiment.status !== 'COMPLETED') reasons.push(`${e} is ${s.experiment.status.toLowerCase()}: its networks can be aligned once it has completed`);
  }
  for (const [n, s] of [[na, a], [nb, b]] as const) {
    if (!s.network.hasWeights) reasons.push(`${n} has no stored trained weights (imported as activations, or its training did not finish), so it cannot be recorded on the probe images`);
  }

  const pa = probeSetOf(a.experiment.spec);
  const pb = probeSetOf(b.experiment.spec);
  const differs: string[] = [];
  if (pa.dataset === null || pa.dataset !== pb.dataset) differs.push('dataset');
  if (pa.seed === null || pa.seed !== pb.seed) differs.push('split.seed');
  if (pa.validation === null || pa.validation !== pb.validation) differs.push('split.validation');
  if (pa.probe === null || pa.probe !== pb.probe) differs.push('split.probe');
  if (differs.length) {
    reasons.push(`the probe images differ (${differs.join(', ')}): ${ea} ${describe(pa)}; ${eb} ${describe(pb)}`);
  } else if (a.experiment.probeCount !== null && b.experiment.probeCount !== null && a.experiment.probeCount !== b.experiment.probeCount) {
    reasons.push(`the recorded probe sets differ in size: ${ea} recorded ${a.experiment.probeCount} probe images, ${eb} ${b.experiment.probeCount}`);
  }

  let layers: string[];
  if (requestedLayers && requestedLayers.length > 0) {
    layers = [...new Set(requestedLayers)];
    for (const l of layers) {
      for (const [n, s] of [[na, a], [nb, b]] as const) {
        if (!s.network.layers.includes(l)) reasons.push(`layer “${l}” is not recorded in ${n} (recorded: ${list(s.network.layers)})`);
      }
    }
  } else {
    layers = a.network.layers.filter((l) => b.network.layers.includes(l));
    if (layers.length === 0) reasons.push(`no layer name is recorded in both: ${na} has ${list(a.network.layers)}; ${nb} has ${list(b.network.layers)}`);
  }
  // The recording pools a conv layer's positions: both networks must have the same positions per image.
  const spatial = (sh: readonly number[] | undefined) => (sh ? (sh.length > 1 ? sh.slice(0, -1).join('×') : 'none (dense)') : null);
  for (const l of layers) {
    const sa = spatial(a.network.shapes?.[l]);
    const sb = spatial(b.network.shapes?.[l]);
    if (sa !== null && sb !== null && sa !== sb) reasons.push(`layer “${l}” has spatial size ${sa} in ${na} but ${sb} in ${nb}; a layer aligns only at equal spatial size`);
  }
  return { alignable: reasons.length === 0, reasons, layers: reasons.length === 0 ? layers : [] };
}

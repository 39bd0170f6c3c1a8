/**
 * The "new experiment" form edits the spec JSON itself: every field reads one JSON path of the spec and writes it
 * back, so the form and the JSON tab are two views of one value, keys the form has no field for (penalties, mi,
 * inline architectures, ...) survive a round trip, and the API's validator (validateSpec) judges exactly what will
 * be submitted. Nothing here validates: a field that cannot be read as a number is written as the text typed, and
 * the API names the problem by its JSON path.
 */

export type Spec = Record<string, unknown>;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The value at a dotted path ('training.epochs'), or undefined. */
export function getPath(spec: Spec, path: string): unknown {
  let v: unknown = spec;
  for (const key of path.split('.')) {
    if (!isObject(v)) return undefined;
    v = v[key];
  }
  return v;
}

/** A copy of the spec with the path set (undefined deletes the key; missing parent objects are created). */
export function setPath(spec: Spec, path: string, value: unknown): Spec {
  const keys = path.split('.');
  const copy = (o: unknown): Record<string, unknown> => (isObject(o) ? { ...o } : {});
  const root = copy(spec);
  let at = root;
  keys.forEach((key, i) => {
    if (i === keys.length - 1) {
      if (value === undefined) delete at[key];
      else at[key] = value;
      return;
    }
    const next = copy(at[key]);
    at[key] = next;
    at = next;
  });
  return root;
}

/** What a number input's text becomes in the spec: '' deletes the key, a number stays a number, anything else stays text. */
export function numberFromInput(text: string): number | string | undefined {
  const t = text.trim();
  if (t === '') return undefined;
  const n = Number(t);
  return Number.isFinite(n) ? n : t;
}

export type SeedsMode = 'count' | 'list';

/** Seeds as the form shows them: a count when they are 1..N, else the list. */
export function seedsView(seeds: unknown): { mode: SeedsMode; text: string } {
  if (!Array.isArray(seeds)) return { mode: 'list', text: '' };
  if (seeds.length > 0 && seeds.every((s, i) => s === i + 1)) return { mode: 'count', text: String(seeds.length) };
  return { mode: 'list', text: seeds.map((s) => (typeof s === 'number' ? String(s) : JSON.stringify(s))).join(', ') };
}

/**
 * The seeds a form entry stands for: a count N gives seeds 1..N; a list is split on commas or spaces. Text that is
 * not a whole number stays as given so the API's validator names the entry (`seeds[2] must be an integer`).
 */
export function seedsFromInput(mode: SeedsMode, text: string): unknown[] | string | undefined {
  const t = text.trim();
  if (t === '') return undefined;
  if (mode === 'count') {
    const n = Number(t);
    // Capped so a typo (10000000) cannot build a huge array in the tab; the API's network limit reports it.
    if (Number.isInteger(n) && n >= 1 && n <= 10_000) return Array.from({ length: n }, (_, i) => i + 1);
    return t;
  }
  return t
    .split(/[\s,]+/)
    .filter((s) => s.length > 0)
    .map((s) => {
      const n = Number(s);
      return Number.isFinite(n) ? n : s;
    });
}

/** Preset names among the spec's architectures (the form's checkboxes) and the inline ones (kept, edited as JSON). */
export function architectureView(architectures: unknown): { presets: string[]; inline: string[] } {
  const list = Array.isArray(architectures) ? architectures : [];
  return {
    presets: list.filter((a): a is string => typeof a === 'string'),
    inline: list.filter(isObject).map((a, i) => (typeof a.name === 'string' ? a.name : `inline #${i + 1}`)),
  };
}

/** Toggle a preset on or off, keeping the order of the rest and every inline architecture. */
export function toggleArchitecture(architectures: unknown, name: string, on: boolean): unknown[] {
  const list = Array.isArray(architectures) ? [...architectures] : [];
  const has = list.includes(name);
  if (on && !has) list.push(name);
  if (!on && has) list.splice(list.indexOf(name), 1);
  return list;
}

/**
 * Toggle a method. `methods` absent means the default list and `"all"` every method; the first toggle makes the
 * list explicit, so unchecking one method of "all" keeps the others.
 */
export function toggleMethod(methods: unknown, defaults: readonly string[], all: readonly string[], name: string, on: boolean): string[] {
  let list = Array.isArray(methods) ? methods.filter((m): m is string => typeof m === 'string') : [...defaults];
  if (list.includes('all')) list = [...all];
  if (on && !list.includes(name)) list.push(name);
  const out = on ? list : list.filter((m) => m !== name);
  // Keep the engine's order (the validator resolves to it anyway), so the JSON reads the same as the checkboxes.
  return [...all.filter((m) => out.includes(m)), ...out.filter((m) => !all.includes(m))];
}

/**
 * Problems (engine wording "<json path> <message>") that concern one field: its path, or anything below it
 * ('seeds' gets 'seeds[2] ...', 'architectures' gets 'architectures[1].layers[0] ...').
 */
export function problemsFor(problems: readonly string[], path: string): string[] {
  return problems.filter((p) => p === path || p.startsWith(`${path} `) || p.startsWith(`${path}.`) || p.startsWith(`${path}[`));
}

/** A copy of a stored experiment's spec for the form: the name marks it as a copy (the API refuses exact repeats). */
export function cloneSpec(spec: unknown, name: string): Spec {
  const base = isObject(spec) ? { ...spec } : {};
  return { ...base, name: `${name} (copy)` };
}

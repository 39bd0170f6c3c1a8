/**
 * Memory estimates and what this machine has: the experiment's plan check (experiment/memory-estimate.ts) and the
 * two-file alignment's (align/align-memory.ts) both describe their needs as a `MemoryEstimate` and compare it with
 * `availableMemory()`.
 */
import os from 'node:os';

export interface MemoryPart {
  what: string;
  bytes: number;
}

export interface MemoryEstimate {
  bytes: number;
  parts: MemoryPart[];
  /** The largest single array (elements), which must fit a typed array. */
  largestArray: { what: string; elements: number };
}

/** Memory available to this process: the machine's available memory, or its cgroup's limit if lower. */
export function availableMemory(): number {
  const constrained = typeof process.constrainedMemory === 'function' ? process.constrainedMemory() : 0;
  const free = os.freemem();
  return constrained && constrained > 0 ? Math.min(free, constrained) : free;
}

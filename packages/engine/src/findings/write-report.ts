/**
 * `convergent report RESULT_DIR --out DIR`: findings.json, report.md and report.html. Everything is written to a
 * temporary folder next to DIR and renamed into place at the end, so bad input (or a failure half-way) writes nothing.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { type ComputeFindingsOptions, type Findings, computeFindings } from './compute-findings.ts';
import { findingsInputFromResultDirectory } from './findings-input.ts';
import { renderHtml, renderMarkdown } from './render-report.ts';

export const REPORT_FILES = ['findings.json', 'report.md', 'report.html'] as const;

export async function writeReport(resultDir: string, outDir: string, options: ComputeFindingsOptions = {}): Promise<Findings> {
  const out = path.resolve(outDir);
  const existing = await fs.readdir(out).catch((err: NodeJS.ErrnoException) => (err.code === 'ENOENT' ? null : Promise.reject(err)));
  if (existing !== null && existing.length > 0) throw new Error(`${outDir} exists and is not empty; choose a new --out folder`);
  const input = await findingsInputFromResultDirectory(resultDir);
  const findings = computeFindings(input, options);
  await fs.mkdir(path.dirname(out), { recursive: true });
  const tmp = await fs.mkdtemp(path.join(path.dirname(out), `.${path.basename(out)}.tmp-`));
  try {
    await fs.writeFile(path.join(tmp, 'findings.json'), `${JSON.stringify(findings, null, 2)}\n`);
    await fs.writeFile(path.join(tmp, 'report.md'), renderMarkdown(findings));
    await fs.writeFile(path.join(tmp, 'report.html'), renderHtml(findings));
    if (existing !== null) await fs.rmdir(out);
    await fs.rename(tmp, out);
  } catch (err) {
    await fs.rm(tmp, { recursive: true, force: true });
    throw err;
  }
  return findings;
}

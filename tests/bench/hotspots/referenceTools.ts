/**
 * Times the reference tools on the same polygons in the same run, so our
 * weights can be reported beside them: R spdep poly2nb + nb2listw + localG,
 * and libpysal Queen.from_dataframe. Each tool reads the file itself and
 * reports only the elapsed time of its steps. A tool that is not installed
 * gives ms = null and a note rather than failing the bench.
 */
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';

export interface ToolTiming {
  tool: string;
  step: string;
  ms: number | null;
  note?: string;
}

interface ToolReport {
  tool: string;
  n: number;
  links: number;
  islands: number;
  steps: { step: string; ms: number }[];
}

const HERE = import.meta.dirname;
/** Debian's python3, where python3-libpysal is installed (not the pyenv one on PATH). */
const DEBIAN_PYTHON = '/usr/bin/python3';

export async function timeReferenceTools(geojsonPath: string): Promise<ToolTiming[]> {
  const path = resolve(geojsonPath);
  const r = await runTool('R spdep', 'Rscript', [resolve(HERE, 'time-spdep.R'), path], ['poly2nb', 'nb2listw', 'localG']);
  const python = await runTool('PySAL (libpysal)', DEBIAN_PYTHON, [resolve(HERE, 'time-libpysal.py'), path], ['Queen.from_dataframe']);
  return [...r, ...python];
}

async function runTool(label: string, command: string, args: string[], expectedSteps: string[]): Promise<ToolTiming[]> {
  const missing = (note: string): ToolTiming[] => expectedSteps.map((step) => ({ tool: label, step, ms: null, note }));
  const result = await run(command, args);
  if (result.error) return missing(`${command} could not be started (${result.error}); install r-cran-spdep / python3-libpysal with apt`);
  if (result.code !== 0) {
    const reason = result.stderr.trim().split('\n').slice(-3).join(' ');
    return missing(`${command} exited with code ${result.code}: ${reason}`);
  }
  const lastLine = result.stdout.trim().split('\n').at(-1) ?? '';
  let report: ToolReport;
  try {
    report = JSON.parse(lastLine) as ToolReport;
  } catch {
    return missing(`${command} printed no timing: ${lastLine.slice(0, 200)}`);
  }
  const note = `${report.tool}; ${report.n} areas, ${report.links / 2} neighbour pairs, ${report.islands} island(s)`;
  return report.steps.map((s) => ({ tool: label, step: s.step, ms: Math.round(s.ms), note }));
}

function run(command: string, args: string[]): Promise<{ code: number | null; stdout: string; stderr: string; error?: string }> {
  return new Promise((done) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', (error) => done({ code: null, stdout, stderr, error: error.message }));
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

/**
 * Opening generated files with a real office suite: LibreOffice headless converts them (one
 * process for a whole batch, with a throw-away profile so parallel runs never share one),
 * poppler reads the PDFs back.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface Converted {
  dir: string;
  /** path of the converted file for an input name ("report.docx" → ".../report.pdf") */
  out: (name: string) => string;
  cleanup: () => void;
}

/** Convert every file to `format` ('pdf' or 'csv') in one soffice run. Names must differ by base name. */
export async function convert(files: Record<string, Buffer>, format = 'pdf'): Promise<Converted> {
  const dir = mkdtempSync(path.join(tmpdir(), 'cs-lo-'));
  const profile = mkdtempSync(path.join(tmpdir(), 'lo-'));
  const inputs = Object.entries(files).map(([name, bytes]) => {
    const p = path.join(dir, name);
    writeFileSync(p, bytes);
    return p;
  });
  await run(
    'soffice',
    [
      '--headless',
      '--norestore',
      `-env:UserInstallation=file://${profile}`,
      '--convert-to',
      format,
      '--outdir',
      path.join(dir, 'out'),
      ...inputs
    ],
    { timeout: 120_000 }
  );
  rmSync(profile, { recursive: true, force: true });
  return {
    dir,
    out: (name) => path.join(dir, 'out', `${path.parse(name).name}.${format}`),
    cleanup: () => rmSync(dir, { recursive: true, force: true })
  };
}

export async function pdfText(file: string, page?: number): Promise<string> {
  const range = page ? ['-f', String(page), '-l', String(page)] : [];
  return (await run('pdftotext', ['-layout', ...range, file, '-'])).stdout;
}

export async function pdfInfo(file: string): Promise<{ pages: number; width: number; height: number }> {
  const out = (await run('pdfinfo', [file])).stdout;
  const size = out.match(/Page size:\s+([\d.]+) x ([\d.]+)/)!;
  return { pages: Number(out.match(/Pages:\s+(\d+)/)![1]), width: Number(size[1]), height: Number(size[2]) };
}

export async function pdfFonts(file: string): Promise<string[]> {
  const out = (await run('pdffonts', [file])).stdout.split('\n').slice(2);
  return out.map((l) => l.split(/\s+/)[0].replace(/^[A-Z]{6}\+/, '')).filter(Boolean);
}

/** Bounding box (points) of all words on a page: where the text area really starts and ends. */
export async function pdfTextBox(file: string, page = 1): Promise<{ xMin: number; xMax: number; yMin: number }> {
  const html = (await run('pdftotext', ['-bbox', '-f', String(page), '-l', String(page), file, '-'])).stdout;
  const words = [...html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)"/g)].map((m) =>
    m.slice(1).map(Number)
  );
  return {
    xMin: Math.min(...words.map((w) => w[0])),
    yMin: Math.min(...words.map((w) => w[1])),
    xMax: Math.max(...words.map((w) => w[2]))
  };
}

export const MM = 72 / 25.4; // points per millimetre

/**
 * Reads the first worksheet of an uploaded .xlsx as plain texts, off the main thread.
 * Spreadsheets come from outside: the parse runs in a worker thread with its own heap limit
 * and a deadline, and only starts
 * once the zip's declared sizes look like a real document; rows and columns are capped.
 * Meanwhile the server keeps answering everyone else.
 */
import { Worker } from 'node:worker_threads';
import { createRequire } from 'node:module';
import { checkZip, LIMITS } from './zip-guard';

export interface RawRow {
  /** Excel's row number (1-based) */
  rowNumber: number;
  /** cell texts, index = column (0-based); dates as dd/mm/yyyy; NFC */
  cells: string[];
}

export type SheetReadFailure = 'not_zip' | 'too_large' | 'too_many_rows' | 'too_many_columns' | 'unreadable' | 'empty';

export class SheetReadError extends Error {
  constructor(readonly reason: SheetReadFailure) {
    super(`spreadsheet refused: ${reason}`);
  }
}

export const READ_LIMITS = {
  rows: 10_000,
  columns: 60,
  timeoutMs: 20_000,
  heapMb: 256,
  /** parses running at once; more wait their turn instead of all competing for memory */
  concurrent: 2
};

// Plain CommonJS run by the worker: it needs nothing from the app but exceljs. One worker
// parses one file at a time and stays warm for the next (loading exceljs costs a second).
const WORKER_SOURCE = String.raw`
const { parentPort, workerData } = require('node:worker_threads');
const ExcelJS = require(workerData.exceljs);
const pad = (n) => String(n).padStart(2, '0');
function text(v) {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return pad(v.getUTCDate()) + '/' + pad(v.getUTCMonth() + 1) + '/' + v.getUTCFullYear();
  if (typeof v === 'object') {
    if (Array.isArray(v.richText)) return v.richText.map((r) => r.text).join('').normalize('NFC').trim();
    if ('result' in v) return text(v.result);
    if ('text' in v) return String(v.text).normalize('NFC').trim();
    return '';
  }
  if (typeof v === 'number' && !Number.isInteger(v)) return String(Math.round(v * 1e6) / 1e6);
  return String(v).normalize('NFC').trim();
}
async function parse(job) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(job.bytes));
  const ws = wb.worksheets[0];
  if (!ws) return { rows: [] };
  if (ws.rowCount > job.maxRows) return { error: 'too_many_rows' };
  if (ws.columnCount > job.maxColumns) return { error: 'too_many_columns' };
  const rows = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => { cells[col - 1] = text(cell.value); });
    for (let i = 0; i < cells.length; i++) if (cells[i] === undefined) cells[i] = '';
    if (cells.some(Boolean)) rows.push({ rowNumber, cells });
  });
  return { rows };
}
parentPort.on('message', (job) => {
  parse(job).then((r) => parentPort.postMessage(r), () => parentPort.postMessage({ error: 'unreadable' }));
});
`;

let running = 0;
const waiting: (() => void)[] = [];
const idle: Worker[] = [];

async function slot(): Promise<() => void> {
  if (running >= READ_LIMITS.concurrent) await new Promise<void>((resolve) => waiting.push(resolve));
  running++;
  return () => {
    running--;
    waiting.shift()?.();
  };
}

function spawn(heapMb: number): Worker {
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { exceljs: createRequire(import.meta.url).resolve('exceljs') },
    resourceLimits: { maxOldGenerationSizeMb: heapMb, maxYoungGenerationSizeMb: 32 }
  });
  worker.unref(); // an idle parser never keeps the process (or a CLI run) alive
  worker.on('exit', () => forget(worker));
  worker.on('error', () => forget(worker));
  return worker;
}

function runWorker(bytes: Uint8Array, limits: typeof READ_LIMITS): Promise<RawRow[]> {
  const warm = limits.heapMb === READ_LIMITS.heapMb ? idle.pop() : undefined;
  const worker = warm ?? spawn(limits.heapMb);
  return new Promise((resolve, reject) => {
    let settled = false;
    const finish = (keep: boolean, fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      worker.off('message', onMessage).off('error', onError).off('exit', onExit);
      if (keep && idle.length < READ_LIMITS.concurrent && limits.heapMb === READ_LIMITS.heapMb) idle.push(worker);
      else void worker.terminate();
      fn();
    };
    const onMessage = (m: { rows?: RawRow[]; error?: SheetReadFailure }) =>
      finish(true, () => (m.rows ? resolve(m.rows) : reject(new SheetReadError(m.error ?? 'unreadable'))));
    // ERR_WORKER_OUT_OF_MEMORY and any crash of the parser: the file is refused, the server lives on.
    const onError = (e: NodeJS.ErrnoException) =>
      finish(false, () =>
        reject(new SheetReadError(e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'too_large' : 'unreadable'))
      );
    const onExit = () => finish(false, () => reject(new SheetReadError('unreadable')));
    const timer = setTimeout(() => finish(false, () => reject(new SheetReadError('too_large'))), limits.timeoutMs);
    worker.on('message', onMessage).on('error', onError).on('exit', onExit);
    worker.postMessage({ bytes, maxRows: limits.rows, maxColumns: limits.columns });
  });
}

/** An idle parser that dies (it should not) is dropped from the pool. */
function forget(worker: Worker) {
  const i = idle.indexOf(worker);
  if (i >= 0) idle.splice(i, 1);
}

export async function readRawRows(bytes: Uint8Array, limits = READ_LIMITS, zipLimits = LIMITS): Promise<RawRow[]> {
  const zip = checkZip(bytes, zipLimits);
  if (!zip.ok) throw new SheetReadError(zip.reason);
  const release = await slot();
  try {
    const rows = await runWorker(bytes, limits);
    if (!rows.length) throw new SheetReadError('empty');
    return rows;
  } finally {
    release();
  }
}

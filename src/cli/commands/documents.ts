/**
 * `documents sample --out DIR`: writes one of each generated document for the demo data, so
 * an operator can open them and check the templates.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { sampleDocuments } from '$lib/server/reporting/sample.service';
import { programSamples } from '$lib/server/program/documents/documents.service';
import { slipSample } from '$lib/server/reports/workflow/slip.service';
import { awardSampleFiles } from '$lib/server/emulation/sample.service';
import { UsageError, type Command } from '../command';

export const documentCommands: Record<string, Command> = {
  'documents sample': {
    usage: '--out DIR',
    summary:
      'write one of each generated document (report .docx + annex .xlsx, plan, joint program, forwarding slip, award papers) for the demo data into DIR',
    options: { out: { type: 'string' } },
    run: async (ctx) => {
      const out = ctx.options.out;
      if (typeof out !== 'string' || !out) throw new UsageError('--out DIR is required');
      const db = await ctx.db();
      const sample = await sampleDocuments(db);
      if (!sample) {
        ctx.err('no top-level association: seed the demo data first');
        return 1;
      }
      Object.assign(sample.files, await programSamples(db));
      Object.assign(sample.files, await slipSample(db));
      Object.assign(sample.files, await awardSampleFiles(await ctx.db()));
      await mkdir(out, { recursive: true });
      for (const [name, bytes] of Object.entries(sample.files)) {
        await writeFile(path.join(out, name), bytes);
        ctx.out(path.join(out, name));
      }
      return 0;
    }
  }
};

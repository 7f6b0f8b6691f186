import { createHash } from 'node:crypto';
import { createReadStream, existsSync, readdirSync } from 'node:fs';
import path from 'node:path';

/** Regular files under `root`, as paths relative to it (symbolic links are not followed). */
export function walkFiles(root: string, rel = ''): string[] {
  if (!existsSync(path.join(root, rel))) return [];
  const out: string[] = [];
  for (const d of readdirSync(path.join(root, rel), { withFileTypes: true })) {
    const child = rel ? path.join(rel, d.name) : d.name;
    if (d.isDirectory()) out.push(...walkFiles(root, child));
    else if (d.isFile()) out.push(child);
  }
  return out.sort();
}

/** Streamed, so a large photo or dump is never held in memory. */
export function sha256File(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const h = createHash('sha256');
    createReadStream(file)
      .on('data', (c) => h.update(c))
      .on('error', reject)
      .on('end', () => resolve(h.digest('hex')));
  });
}

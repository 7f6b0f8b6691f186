#!/usr/bin/env node
/**
 * Makes the demo library's recordings: the Vietnamese texts marked `audio: '<name>'` in
 * src/lib/server/library/seed.ts, read by espeak-ng's Vietnamese voice and encoded as the
 * library encodes uploads (mono MP3, 22.05 kHz), at a low bit rate so the committed files stay
 * small. A synthetic voice, plainly, but the words of the text: a branch leader who downloads
 * the demo reading hears the script, not a beep. Run after changing those texts:
 *   apt-get install espeak-ng ffmpeg && node scripts/demo-audio.mjs
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const dir = 'src/lib/server/library/demo-audio';
const src = readFileSync('src/lib/server/library/seed.ts', 'utf8');
// The MATERIALS literal is plain data: evaluate it rather than keep a second copy of the texts.
const literal = src.slice(src.indexOf('const MATERIALS: DemoMaterial[] = ') + 34, src.indexOf('\n];\n') + 2);
const materials = new Function(`return ${literal}`)();
for (const text of materials.flatMap((m) => m.texts).filter((t) => typeof t.audio === 'string')) {
  const spoken = [text.title, ...text.body.split(/\n+/)].join('.\n');
  const wav = execFileSync('espeak-ng', ['-v', 'vi', '-s', '135', '-g', '6', '--stdout'], {
    input: spoken,
    maxBuffer: 64 << 20
  });
  const out = path.join(dir, `${text.audio}.mp3`);
  execFileSync('ffmpeg', ['-y', '-v', 'error', '-i', 'pipe:0', '-ac', '1', '-ar', '22050', '-b:a', '24k', out], {
    input: wav,
    maxBuffer: 64 << 20
  });
  console.log(out);
}

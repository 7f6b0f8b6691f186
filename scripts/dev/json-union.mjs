// git merge driver: union of keys of two JSON objects (ours wins on conflicting scalar values; arrays unioned)
import fs from 'node:fs';
const [, , , A, B] = process.argv;
const read = (f) => {
  try {
    return JSON.parse(fs.readFileSync(f, 'utf8'));
  } catch {
    return null;
  }
};
const a = read(A),
  b = read(B);
if (a === null || b === null) process.exit(1);
function merge(x, y) {
  if (Array.isArray(x) && Array.isArray(y)) {
    const out = [...x];
    for (const v of y) if (!out.some((w) => JSON.stringify(w) === JSON.stringify(v))) out.push(v);
    return out;
  }
  if (x && y && typeof x === 'object' && typeof y === 'object') {
    const out = { ...x };
    for (const k of Object.keys(y)) out[k] = k in x ? merge(x[k], y[k]) : y[k];
    return out;
  }
  return x;
}
const trailing = fs.readFileSync(A, 'utf8').endsWith('\n') ? '\n' : '';
fs.writeFileSync(A, JSON.stringify(merge(a, b), null, 2) + trailing);

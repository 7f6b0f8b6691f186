/**
 * Loaded with `node --import`: any import of a devDependency (tsx, vite, @sveltejs/vite-plugin-svelte, …)
 * fails, as it would on a production install made with `npm ci --omit=dev`.
 */
import { register } from 'node:module';
import { readFileSync } from 'node:fs';

const dev = Object.keys(
  JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).devDependencies
);
register(new URL('./refuse-dev-deps-hook.mjs', import.meta.url), { data: { dev } });

import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
export default {
  preprocess: vitePreprocess(),
  kit: {
    adapter: adapter({ out: 'build', precompress: true }),
    // Our stylesheets are a few hundred bytes each: inlined into the page they cost no request
    // (a cold phone load stays within 20); Leaflet's, fetched only with a map, stays a file.
    inlineStyleThreshold: 8192,
    // The route list of ~90 pages stays on the server: a cold load does not fetch it.
    router: { resolution: 'server' },
    // CSRF origin check: done in hooks.server.ts (handleCsrf) with the same rule as Kit's, except
    // for /open311/v2/ (API-key clients POST forms from servers). ORIGIN must be set behind a proxy.
    csrf: { trustedOrigins: ['*'] }
  }
};

import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
export default {
  preprocess: vitePreprocess(),
  kit: {
    adapter: adapter({ out: 'build', precompress: true }),
    // CSRF origin check: done in hooks.server.ts (handleCsrf) with the same rule as Kit's, except
    // for /open311/v2/ (API-key clients POST forms from servers). ORIGIN must be set behind a proxy.
    csrf: { trustedOrigins: ['*'] }
  }
};

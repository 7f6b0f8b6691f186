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
    // SvelteKit's own origin check guards every form post. Its one exemption, Open311 clients
    // posting forms from their servers (no Origin header, no cookies, an API key), is made
    // before the request reaches the app, in scripts/server.mjs.
    csrf: { trustedOrigins: [] },
    // Scripts run only from this site or with the page's own nonce, so a script slipped into a
    // report or a news item never runs. Inline style attributes (Svelte, Leaflet) stay allowed:
    // styles cannot run code. Photos and voice notes are previewed from blob: URLs before upload.
    csp: {
      mode: 'auto',
      directives: {
        'default-src': ['self'],
        'script-src': ['self'],
        'style-src': ['self', 'unsafe-inline'],
        'img-src': ['self', 'data:', 'blob:'],
        'media-src': ['self', 'blob:'],
        'font-src': ['self'],
        'connect-src': ['self'],
        'object-src': ['none'],
        'base-uri': ['self'],
        'form-action': ['self'],
        'frame-ancestors': ['none']
      }
    }
  }
};

/**
 * The receipt and the on-behalf section, for the page the server renders. In the browser they
 * are fetched only when shown (see +page.svelte): `import.meta.env.SSR` is the constant false
 * there, so neither is part of the code a villager's phone loads with the form.
 */
export const onServer = import.meta.env.SSR
  ? {
      Receipt: (await import('./Receipt.svelte')).default,
      Behalf: (await import('./Behalf.svelte')).default
    }
  : null;

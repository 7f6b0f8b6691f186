/** The address of the English message table (scripts/locale-split.ts); null in dev and tests. */
declare module 'virtual:cs-en-messages' {
  const url: string | null;
  export default url;
}

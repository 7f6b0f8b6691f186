/** The resolve hook for refuse-dev-deps.mjs: a bare specifier naming a devDependency is refused. */
let dev = [];
export function initialize(data) {
  dev = data.dev;
}
export async function resolve(specifier, context, next) {
  const name = specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0];
  if (dev.includes(name)) throw new Error(`devDependency imported at run time: ${specifier}`);
  return next(specifier, context);
}

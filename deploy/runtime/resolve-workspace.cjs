'use strict';
// Preload for the tsc build (node -r ./deploy/runtime/resolve-workspace.cjs <main.js>): tsc leaves
// `@buqi/<lib>` imports as written, so map them to <dist root>/libs/<lib>/src/index.js, the dist root
// being the nearest folder above the importing file that holds that lib. Other specifiers are
// untouched, so OpenTelemetry's require hooks still see http, mongodb, ioredis, ...
const { registerHooks } = require('node:module');
const { existsSync } = require('node:fs');
const { dirname, join } = require('node:path');
const { fileURLToPath, pathToFileURL } = require('node:url');

function findLib(name, from) {
  for (let dir = from; dirname(dir) !== dir; dir = dirname(dir)) {
    const file = join(dir, 'libs', name, 'src', 'index.js');
    if (existsSync(file)) return file;
  }
  return undefined;
}

registerHooks({
  resolve(specifier, context, nextResolve) {
    const name = /^@buqi\/([\w.-]+)$/.exec(specifier)?.[1];
    const file =
      name &&
      context.parentURL?.startsWith('file:') &&
      findLib(name, dirname(fileURLToPath(context.parentURL)));
    return file ? { url: pathToFileURL(file).href, shortCircuit: true } : nextResolve(specifier, context);
  },
});

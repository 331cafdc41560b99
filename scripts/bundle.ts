/**
 * Bundle the extraction thread of `kh extract` into one file: `npm run build` runs this after tsc.
 *
 * Every thread loads the whole pipeline before its first file: nearly 400 modules (remark's and
 * micromark's many small packages, zod and all its locales), about 0.38 s on this machine. As one
 * file it loads in about 0.19 s. The options are exported for the test that bundles and runs the
 * same thread.
 */
import { fileURLToPath } from 'node:url'
import { type BuildOptions, build } from 'esbuild'

/** esbuild's options, less the output file. */
export const WORKER_BUNDLE: BuildOptions = {
  entryPoints: [fileURLToPath(new URL('../src/cli/extract-worker.ts', import.meta.url))],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // Loaded on the first PDF or DOCX only, as from the sources; piscina is the thread's own runtime.
  external: ['pdfjs-dist', 'mammoth', 'piscina'],
  // CommonJS dependencies that require() Node's modules need a require in an ES module.
  banner: {
    js: "import { createRequire as khRequire } from 'node:module'; const require = khRequire(import.meta.url);",
  },
  logLevel: 'warning',
}

/** Where the built command looks for the thread (see src/cli/extract-pool.ts). */
export const WORKER_BUNDLE_FILE = fileURLToPath(
  new URL('../dist/src/cli/extract-worker.bundle.js', import.meta.url),
)

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await build({ ...WORKER_BUNDLE, outfile: WORKER_BUNDLE_FILE })
}

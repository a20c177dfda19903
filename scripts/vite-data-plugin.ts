import { createReadStream, cpSync, existsSync, statSync } from 'node:fs';
import { join, normalize, resolve } from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Plugin } from 'vite';

const DATA_DIR = resolve(import.meta.dirname, '..', 'data');

const CONTENT_TYPES: Record<string, string> = {
  '.geojson': 'application/geo+json',
  '.json': 'application/json',
  '.arrows': 'application/vnd.apache.arrow.stream',
  '.md': 'text/markdown; charset=utf-8',
};

function contentType(path: string): string {
  const ext = path.slice(path.lastIndexOf('.'));
  return CONTENT_TYPES[ext] ?? 'application/octet-stream';
}

/**
 * The built-in data lives in the top-level data/ folder (committed, produced by
 * scripts/). This plugin serves it at /data/ during development and copies it
 * into the production build, so the app fetches only from its own origin.
 */
export function serveBuiltInData(): Plugin {
  // Served before Vite's on-the-fly gzip, which would otherwise treat the
  // binary .arrows files as text and spend seconds compressing them.
  const serve = (root: string) => (req: IncomingMessage, res: ServerResponse, next: () => void) => {
    const rel = normalize(decodeURIComponent((req.url ?? '/').split('?')[0] ?? '/'));
    const file = join(root, rel);
    if (!file.startsWith(root) || !existsSync(file) || !statSync(file).isFile()) return next();
    res.setHeader('Content-Type', contentType(file));
    res.setHeader('Content-Length', statSync(file).size);
    createReadStream(file).pipe(res);
  };
  return {
    name: 'ward-insight-built-in-data',
    configureServer(server) {
      server.middlewares.use('/data', serve(DATA_DIR));
    },
    configurePreviewServer(server) {
      const outDir = resolve(server.config.root, server.config.build.outDir, 'data');
      server.middlewares.use('/data', serve(outDir));
    },
    writeBundle(options) {
      const outDir = options.dir ?? resolve(import.meta.dirname, '..', 'dist');
      cpSync(DATA_DIR, join(outDir, 'data'), { recursive: true });
    },
  };
}

// What each route downloads: the gzipped JavaScript of a chunk and everything it statically
// imports, read from the build's manifest. Used by the budget test and the benchmark.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

type Manifest = Record<string, { file: string; isEntry?: boolean; imports?: string[] }>;

export class BuiltApp {
  readonly manifest: Manifest;
  constructor(readonly dist = 'dist') {
    this.manifest = JSON.parse(readFileSync(join(dist, '.vite/manifest.json'), 'utf8')) as Manifest;
  }
  get entry(): string {
    return Object.keys(this.manifest).find((k) => this.manifest[k]!.isEntry)!;
  }
  /** The manifest key of a source file, by the end of its path (e.g. 'routes/PlayPage.tsx'). */
  chunk(pathEnd: string): string {
    const key = Object.keys(this.manifest).find((k) => k.endsWith(pathEnd));
    if (!key) throw new Error(`no chunk for ${pathEnd} in the build`);
    return key;
  }
  closure(keys: string[]): Set<string> {
    const seen = new Set<string>();
    const visit = (k: string) => {
      if (seen.has(k)) return;
      seen.add(k);
      for (const i of this.manifest[k]?.imports ?? []) visit(i);
    };
    keys.forEach(visit);
    return seen;
  }
  gzipKb(keys: Set<string>): number {
    return [...keys].reduce((n, k) => n + gzipSync(readFileSync(join(this.dist, this.manifest[k]!.file))).length, 0) / 1024;
  }
  /** Whether any of these chunks' JavaScript contains a text (a string literal survives minifying). */
  contains(keys: Set<string>, text: string): boolean {
    return [...keys].some((k) => readFileSync(join(this.dist, this.manifest[k]!.file), 'utf8').includes(text));
  }
  /** Gzipped JavaScript a first visit to a route downloads: the entry plus the route's page. */
  routeKb(pagePathEnd: string): number {
    return this.gzipKb(this.closure([this.entry, this.chunk(pagePathEnd)]));
  }
}

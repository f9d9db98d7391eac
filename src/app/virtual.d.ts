/// <reference types="vite-plugin-pwa/react" />

declare module 'virtual:evoke-scenarios/catalog' {
  import type { CatalogEntry } from '../core/scenario/catalog.ts';
  export const catalog: CatalogEntry[];
}

declare module 'virtual:evoke-scenarios/loaders' {
  import type { Scenario } from '../core/scenario/types.ts';
  export const loaders: Record<string, () => Promise<Scenario>>;
}

declare module 'virtual:evoke-scenarios' {
  import type { CatalogEntry } from '../core/scenario/catalog.ts';
  import type { Scenario } from '../core/scenario/types.ts';
  export const catalog: CatalogEntry[];
  export const loaders: Record<string, () => Promise<Scenario>>;
}

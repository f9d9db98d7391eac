// Precompiles the shipped scenarios at build time: each YAML file is checked (the build fails
// with file:line:col messages on any error) and becomes a JSON chunk loaded only when opened.
// The library page gets a small catalogue of metadata, so the YAML parser never ships with it.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Plugin } from 'vite';
import { checkScenario } from '../core/scenario/check.ts';
import { formatDiagnostic } from '../core/scenario/diagnostics.ts';
import type { Scenario } from '../core/scenario/types.ts';
import { catalogEntry } from '../core/scenario/catalog.ts';

// Two modules, so that the player loads only the loaders and the library only the catalogue.
const CATALOG_ID = 'virtual:evoke-scenarios/catalog';
const LOADERS_ID = 'virtual:evoke-scenarios/loaders';
const SCENARIO_SUFFIX = '?evoke-scenario';

export function scenariosPlugin(dir: string): Plugin {
  const root = resolve(dir);
  const files = () => readdirSync(root).filter((f) => f.endsWith('.yaml')).sort();

  const compile = (file: string): Scenario => {
    const text = readFileSync(file, 'utf8');
    const result = checkScenario(text);
    const problems = result.diagnostics.filter((d) => d.severity !== 'info');
    if (!result.scenario || problems.length > 0) {
      throw new Error(`scenario ${file} does not check clean:\n${problems.map((d) => formatDiagnostic(file, d)).join('\n')}`);
    }
    return result.scenario;
  };

  let building = false;
  return {
    name: 'evoke-scenarios',
    configResolved(config) {
      building = config.command === 'build';
    },
    resolveId(id) {
      if (id === CATALOG_ID || id === LOADERS_ID) return '\0' + id;
      return null;
    },
    load(id) {
      if (id === '\0' + CATALOG_ID || id === '\0' + LOADERS_ID) {
        const entries = files().map((f) => {
          const path = join(root, f);
          this.addWatchFile(path);
          return { path, scenario: compile(path) };
        });
        if (id === '\0' + CATALOG_ID) return `export const catalog = ${JSON.stringify(entries.map((e) => catalogEntry(e.scenario)))};\n`;
        // In a build each scenario is a JSON file beside index.html, fetched when opened: data, not
        // code, so it costs no JavaScript parse and no part of the script budget. The content
        // hash in its name lets hosts cache it for ever.
        const loaders = entries
          .map((e) => {
            if (!building) return `  ${JSON.stringify(e.scenario.id)}: () => import(${JSON.stringify(e.path + SCENARIO_SUFFIX)}).then((m) => m.default),`;
            const fileName = `scenarios/${e.scenario.id}.${e.scenario.hash}.json`;
            this.emitFile({ type: 'asset', fileName, source: JSON.stringify(e.scenario) });
            return `  ${JSON.stringify(e.scenario.id)}: () => loadJson(${JSON.stringify('./' + fileName)}),`;
          })
          .join('\n');
        const loadJson = `async function loadJson(path) {\n  const res = await fetch(path);\n  if (!res.ok) throw new Error('scenario ' + path + ': ' + res.status);\n  return res.json();\n}\n`;
        return `${loadJson}export const loaders = {\n${loaders}\n};\n`;
      }
      if (id.endsWith(SCENARIO_SUFFIX)) {
        const path = id.slice(0, -SCENARIO_SUFFIX.length);
        this.addWatchFile(path);
        // JSON.parse of a string literal is faster to start than an object literal of the same size.
        return `export default JSON.parse(${JSON.stringify(JSON.stringify(compile(path)))});\n`;
      }
      return null;
    },
  };
}

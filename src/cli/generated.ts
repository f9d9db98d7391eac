import { RESPONSE_CODES, CODE_INFO } from '../core/coding/codes.ts';
import { scenarioJsonSchema } from '../core/scenario/format.ts';
import { diagnosticReference, keyReference } from '../core/scenario/guide.ts';

export const SCHEMA_PATH = 'public/scenario.schema.json';
export const GUIDE_PATH = 'scenarios/README.md';

export function generatedSchemaText(): string {
  return JSON.stringify(scenarioJsonSchema(), null, 2) + '\n';
}

function replaceBetween(text: string, name: string, body: string): string {
  const start = `<!-- generated:${name} -->`;
  const end = `<!-- /generated:${name} -->`;
  const a = text.indexOf(start);
  const b = text.indexOf(end);
  if (a < 0 || b < a) throw new Error(`${GUIDE_PATH} lacks the markers ${start} ... ${end}`);
  return text.slice(0, a + start.length) + '\n' + body + '\n' + text.slice(b);
}

export function generatedGuide(current: string): string {
  const codes = RESPONSE_CODES.map((c) => `| \`${c}\` | ${CODE_INFO[c].name} | ${CODE_INFO[c].category === 'consistent' ? 'MI-consistent' : CODE_INFO[c].category === 'inconsistent' ? 'MI-inconsistent' : 'neutral'} | ${CODE_INFO[c].example} |`).join('\n');
  let text = replaceBetween(current, 'keys', keyReference(scenarioJsonSchema() as Parameters<typeof keyReference>[0]));
  text = replaceBetween(text, 'codes', `| code | name | category | example |\n|---|---|---|---|\n${codes}`);
  text = replaceBetween(text, 'diagnostics', diagnosticReference());
  return text;
}

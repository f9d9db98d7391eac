import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generatedGuide, generatedSchemaText, GUIDE_PATH, SCHEMA_PATH } from '../../src/cli/generated.ts';
import { DIAGNOSTICS } from '../../src/core/scenario/diagnostics.ts';

// The format has one definition; the published schema and the guide's reference come from it.
describe('generated files', () => {
  it('public/scenario.schema.json matches the format definition (run npm run schema)', () => {
    expect(readFileSync(SCHEMA_PATH, 'utf8')).toBe(generatedSchemaText());
  });

  it("the authors' guide reference matches the format definition (run npm run schema)", () => {
    const guide = readFileSync(GUIDE_PATH, 'utf8');
    expect(guide).toBe(generatedGuide(guide));
  });

  it('the guide has an entry for every diagnostic code', () => {
    const guide = readFileSync(GUIDE_PATH, 'utf8');
    for (const code of Object.keys(DIAGNOSTICS)) expect(guide).toContain(`### ${code}:`);
  });

  it('every shipped scenario starts with the schema line for editors', async () => {
    const { readdirSync } = await import('node:fs');
    for (const f of readdirSync('scenarios').filter((n) => n.endsWith('.yaml'))) {
      expect(readFileSync(`scenarios/${f}`, 'utf8').split('\n')[0], f).toBe('# yaml-language-server: $schema=../public/scenario.schema.json');
    }
  });
});

// Writes the published JSON Schema and the generated parts of the authors' guide.
// `npm run schema` runs it; a unit test fails when the committed files drift from the format.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { generatedGuide, generatedSchemaText, GUIDE_PATH, SCHEMA_PATH } from './generated.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
writeFileSync(root + SCHEMA_PATH, generatedSchemaText());
const guide = readFileSync(root + GUIDE_PATH, 'utf8');
writeFileSync(root + GUIDE_PATH, generatedGuide(guide));
console.log(`wrote ${SCHEMA_PATH} and the reference in ${GUIDE_PATH}`);

// The blind review of a scenario's codes (scenarios/REVIEW.md).
//   tsx src/cli/review.ts extract scenarios/x.yaml > blind.json   responses without their codes
//   tsx src/cli/review.ts compare scenarios/x.yaml coded.json     agreement and Cohen's kappa
// coded.json: [{ "key": "node/response-id", "codes": ["complex_reflection"] }, ...]
import { readFileSync } from 'node:fs';
import { categoryOf, type ResponseCode } from '../core/coding/codes.ts';
import { codeSetLabel, cohensKappa } from '../core/coding/agreement.ts';
import { checkScenario } from '../core/scenario/check.ts';

const [command, file, codedFile] = process.argv.slice(2);
const result = checkScenario(readFileSync(file!, 'utf8'));
if (!result.scenario) {
  console.error(`${file} does not check clean`);
  process.exit(1);
}
const scenario = result.scenario;
const items = Object.values(scenario.nodes).flatMap((node) =>
  node.responses.map((r) => ({
    key: `${node.id}/${r.id}`,
    client: node.client.map((v) => v.say),
    response: r.say,
    codes: r.codes,
  })),
);

if (command === 'extract') {
  console.log(JSON.stringify(items.map(({ codes: _codes, ...rest }) => rest), null, 2));
} else if (command === 'compare') {
  const coded = new Map((JSON.parse(readFileSync(codedFile!, 'utf8')) as { key: string; codes: string[] }[]).map((c) => [c.key, c.codes]));
  const missing = items.filter((i) => !coded.has(i.key));
  if (missing.length) console.error(`not coded by the reviewer: ${missing.map((m) => m.key).join(', ')}`);
  const both = items.filter((i) => coded.has(i.key));
  const sets = cohensKappa(both.map((i) => codeSetLabel(i.codes)), both.map((i) => codeSetLabel(coded.get(i.key)!)));
  const cats = cohensKappa(both.map((i) => categoryOf(i.codes)), both.map((i) => categoryOf(coded.get(i.key)! as ResponseCode[])));
  console.log(`responses: ${sets.n}`);
  console.log(`codes (exact set): agreement ${(sets.agreement * 100).toFixed(1)}%, Cohen's kappa ${sets.kappa.toFixed(3)}`);
  console.log(`category: agreement ${(cats.agreement * 100).toFixed(1)}%, Cohen's kappa ${cats.kappa.toFixed(3)}`);
  console.log('disagreements:');
  for (const i of both) {
    const theirs = coded.get(i.key)!;
    if (codeSetLabel(i.codes) !== codeSetLabel(theirs)) console.log(`  ${i.key}: author ${i.codes.join('+')} / reviewer ${theirs.join('+')}  "${i.response}"`);
  }
} else {
  console.error('usage: review.ts extract FILE | compare FILE CODED.json');
  process.exit(2);
}

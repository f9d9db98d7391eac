// The reference parts of the authors' guide, generated from the format's schema and the
// diagnostics catalogue so that the guide cannot drift from what the checker does.
import { DIAGNOSTIC_EXAMPLES } from './diagnosticExamples.ts';
import { DIAGNOSTICS } from './diagnostics.ts';
import type { SchemaNode } from './schemaNode.ts';

type S = SchemaNode;

function typeWords(s: S): string {
  if (s.anyOf) return s.anyOf.map(typeWords).join(' or ');
  if (s.const !== undefined) return `\`${JSON.stringify(s.const)}\``;
  if (s.enum) return s.enum.length > 6 ? 'an MI code (see below)' : s.enum.map((e) => `\`${e}\``).join(', ');
  switch (s.type) {
    case 'string':
      return 'text';
    case 'integer':
      return s.minimum !== undefined && s.maximum !== undefined ? `whole number ${s.minimum}–${s.maximum}` : 'whole number';
    case 'array':
      return `list of ${s.items ? typeWords(s.items) : 'values'}`;
    case 'object':
      return s.patternProperties ? 'map by name' : 'keys';
    default:
      return 'value';
  }
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

/** One table per object in the schema, in the order an author meets them. */
export function keyReference(schema: S): string {
  const sections: string[] = [];
  const seen = new Set<S>();
  const visit = (title: string, s: S): void => {
    if (seen.has(s)) return;
    seen.add(s);
    const children: [string, S][] = [];
    const rows = Object.entries(s.properties ?? {}).map(([key, p]) => {
      const required = s.required?.includes(key) ? 'required' : p.default !== undefined ? `default \`${String(p.default)}\`` : 'optional';
      for (const v of [p, ...(p.anyOf ?? []), p.items, ...(p.items?.anyOf ?? []), ...Object.values(p.patternProperties ?? {})]) {
        if (!v) continue;
        if (v.properties) children.push([`${title} → ${key}`, v]);
        for (const inner of [v.items, ...(v.anyOf ?? []), ...Object.values(v.patternProperties ?? {})]) {
          if (inner?.properties) children.push([`${title} → ${key}`, inner]);
        }
      }
      return `| \`${key}\` | ${cell(typeWords(p))} | ${required} | ${cell(p.description ?? '')} |`;
    });
    sections.push(`### ${title}\n\n| key | type | | what it is |\n|---|---|---|---|\n${rows.join('\n')}`);
    for (const [t, c] of children) visit(t, c);
  };
  visit('The file', schema);
  return sections.join('\n\n');
}

export function diagnosticReference(): string {
  return Object.entries(DIAGNOSTICS)
    .map(([code, d]) => {
      const ex = DIAGNOSTIC_EXAMPLES[code as keyof typeof DIAGNOSTIC_EXAMPLES];
      if (!ex) return `### ${code}: ${d.title}\n\n*${d.severity}*. ${d.explain}`;
      return `### ${code}: ${d.title}\n\n*${d.severity}*. ${d.explain}\n\nFor example:\n\n\`\`\`yaml\n${ex.wrong}\n\`\`\`\n\n${ex.fix}\n\n\`\`\`yaml\n${ex.right}\n\`\`\``;
    })
    .join('\n\n');
}

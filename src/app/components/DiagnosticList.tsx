import { Code, List, Text } from '@mantine/core';
import type { Diagnostic } from '../../core/scenario/diagnostics.ts';

// Author text reaches the page only as React text nodes: it is never parsed as HTML.
export function DiagnosticList({ file, diagnostics }: { file: string; diagnostics: readonly Diagnostic[] }) {
  return (
    <List spacing="xs" size="sm" aria-label="Problems">
      {diagnostics.slice(0, 50).map((d, i) => (
        <List.Item key={i}>
          <Code>{file}:{d.line}:{d.column}</Code> <Text span fw={600}>{d.code}</Text> {d.message}
          {d.hint && <Text size="xs" c="dimmed">{d.hint}</Text>}
        </List.Item>
      ))}
      {diagnostics.length > 50 && <List.Item>… and {diagnostics.length - 50} more.</List.Item>}
    </List>
  );
}

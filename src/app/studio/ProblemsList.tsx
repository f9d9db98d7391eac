import { Anchor, Badge, Group, Stack, Text, UnstyledButton } from '@mantine/core';
import { IconAlertCircle, IconAlertTriangle, IconInfoCircle } from '@tabler/icons-react';
import { DIAGNOSTICS, type Diagnostic } from '../../core/scenario/diagnostics.ts';
import { guideHref } from './editorSetup.ts';

const ICON = { error: IconAlertCircle, warning: IconAlertTriangle, info: IconInfoCircle } as const;
const COLOR = { error: 'red', warning: 'orange', info: 'blue' } as const;
const WORD = { error: 'Error', warning: 'Warning', info: 'Note' } as const;

/** Every diagnostic as a button that puts the cursor on its line (click, or Tab and Enter). */
export function ProblemsList({ diagnostics, pending, onJump }: { diagnostics: readonly Diagnostic[] | null; pending: boolean; onJump: (line: number, column?: number) => void }) {
  if (!diagnostics) return <Text c="dimmed" size="sm">Checking…</Text>;
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.filter((d) => d.severity === 'warning').length;
  const summary = diagnostics.length === 0 ? 'No problems: the scenario checks clean.' : `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}, ${diagnostics.length - errors - warnings} note${diagnostics.length - errors - warnings === 1 ? '' : 's'}`;
  return (
    <Stack gap="xs">
      <Text size="sm" fw={600} role="status" aria-live="polite" data-testid="problems-summary">
        {summary}
        {pending && <Text span size="sm" c="dimmed" fw={400}> (checking your latest change…)</Text>}
      </Text>
      {diagnostics.length > 0 && (
        <ul className="studio-problems" aria-label="Problems">
          {diagnostics.map((d, i) => {
            const Icon = ICON[d.severity];
            return (
              <li key={`${d.code}-${d.line}-${d.column}-${i}`}>
                <UnstyledButton className="studio-problem" onClick={() => onJump(d.line, d.column)} aria-label={`${WORD[d.severity]} at line ${d.line}, column ${d.column}: ${d.code} ${d.message}. Go to the line.`}>
                  <Group gap={8} wrap="nowrap" align="flex-start">
                    <Icon size={18} aria-hidden color={`var(--mantine-color-${COLOR[d.severity]}-7)`} style={{ flexShrink: 0, marginTop: 2 }} />
                    <div>
                      <Group gap={6}>
                        <Text span size="sm" ff="monospace">{d.line}:{d.column}</Text>
                        <Badge size="sm" variant="light" color={COLOR[d.severity]}>{d.code}</Badge>
                        <Text span size="xs" c="dimmed">{DIAGNOSTICS[d.code]?.title}</Text>
                      </Group>
                      <Text size="sm">{d.message}</Text>
                      {d.hint && <Text size="xs" c="dimmed">{d.hint}</Text>}
                    </div>
                  </Group>
                </UnstyledButton>
                <Anchor href={guideHref(d.code)} target="_blank" size="xs" className="studio-problem-guide">
                  {d.code} in the guide
                </Anchor>
              </li>
            );
          })}
        </ul>
      )}
    </Stack>
  );
}

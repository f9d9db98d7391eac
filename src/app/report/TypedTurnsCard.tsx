import { Card, Table, Text, Title } from '@mantine/core';
import { CODE_INFO } from '../../core/coding/codes.ts';
import { standingTurns, type Turn } from '../../core/engine/turn.ts';

/** The responses the trainee typed: the coder's verdict beside what the trainee says they meant. */
export function TypedTurnsCard({ turns }: { turns: readonly Turn[] }) {
  const typed = standingTurns(turns).filter((t) => t.typed);
  if (typed.length === 0) return null;
  const disputed = typed.filter((t) => t.typed!.intended).length;
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="typed-title">
      <Title order={3} size="h4" id="typed-title" mb="xs">Your typed responses</Title>
      <Text size="sm" mb="sm">
        You typed {typed.length} response{typed.length === 1 ? '' : 's'}; the figures above count {typed.length === 1 ? 'it' : 'them'} with the coder's code.
        {disputed > 0 ? ` You said ${disputed} ${disputed === 1 ? 'was' : 'were'} meant as something else: worth a look with your trainer.` : ''}
      </Text>
      <Table.ScrollContainer minWidth={560}>
        <Table verticalSpacing="xs" data-testid="typed-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">You wrote</Table.Th>
              <Table.Th scope="col">The coder's code</Table.Th>
              <Table.Th scope="col">You meant</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {typed.map((t) => (
              <Table.Tr key={t.index}>
                <Table.Td>“{t.chosen.say}”</Table.Td>
                <Table.Td>
                  {CODE_INFO[t.typed!.code].name}
                  <Text size="xs" c="dimmed">{Math.round(t.typed!.confidence * 100)}% confident</Text>
                </Table.Td>
                <Table.Td>{t.typed!.intended ? <Text size="sm" fw={600}>{CODE_INFO[t.typed!.intended].name}</Text> : <Text size="sm" c="dimmed">the same</Text>}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Card>
  );
}

import { Card, Group, List, Text, Title } from '@mantine/core';
import { CODE_INFO } from '../../core/coding/codes.ts';
import { standingTurns, type Turn } from '../../core/engine/turn.ts';
import { CategoryMark } from '../player/CategoryMark.tsx';

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
      <List spacing="sm" listStyleType="none" className="typed-list" aria-label="Your typed responses, coded">
        {typed.map((t) => {
          const { code, confidence, intended } = t.typed!;
          return (
            <List.Item key={t.index}>
              <Text>“{t.chosen.say}”</Text>
              <Group gap="xs" wrap="wrap">
                <Text size="sm">Coder: <Text span fw={600}>{CODE_INFO[code].name}</Text> ({Math.round(confidence * 100)}% confident)</Text>
                <CategoryMark category={CODE_INFO[code].category} size="sm" />
              </Group>
              {intended && <Text size="sm">You meant: <Text span fw={600}>{CODE_INFO[intended].name}</Text></Text>}
            </List.Item>
          );
        })}
      </List>
    </Card>
  );
}

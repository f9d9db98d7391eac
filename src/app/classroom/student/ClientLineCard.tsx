import { Text } from '@mantine/core';
import type { ClientLine } from '../../../core/scenario/types.ts';

/** What the client says now, with their non-verbal cue: the line the class responds to. */
export function ClientLineCard({ name, line }: { name: string; line: ClientLine }) {
  return (
    <figure className="client-line" style={{ margin: 0 }}>
      <Text component="figcaption" fw={700} size="sm">
        {name} says
        {line.cue && <Text span fs="italic" fw={400}> ({line.cue})</Text>}
      </Text>
      <Text component="blockquote" size="lg" m={0} mt={4}>
        “{line.say}”
      </Text>
    </figure>
  );
}

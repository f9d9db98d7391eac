// The counts as the facilitator's phone sees them before the reveal: bars and numbers only (the
// codes and feedback wait for the reveal), said plainly to be for the facilitator's eyes alone.
import { Group, Stack, Text, Title } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import type { RoomView } from '../../core/classroom/room.ts';
import { voteShare } from './RevealView.tsx';

const PRIVATE_NOTE = 'Only you see this until you reveal.';

export function PrivateNote() {
  return (
    <Group gap={6} wrap="nowrap" className="private-note" data-testid="private-note">
      <IconLock size={16} aria-hidden style={{ flex: 'none' }} />
      <Text size="sm" fw={600}>{PRIVATE_NOTE}</Text>
    </Group>
  );
}

export function PrivateTally({ view }: { view: RoomView }) {
  const options = view.reveal?.options;
  if (!options || (view.phase !== 'open' && view.phase !== 'closed')) return null;
  const total = options.reduce((n, o) => n + o.votes, 0);
  return (
    <Stack gap="xs" component="section" aria-labelledby="private-tally-title" className="private-tally" data-testid="private-tally">
      <Title order={2} size="h4" id="private-tally-title">{view.phase === 'open' ? 'Votes so far' : 'The vote, not yet revealed'}</Title>
      <PrivateNote />
      <ol className="private-tally-list" aria-label="Votes per response, not yet revealed">
        {options.map((o) => {
          const pct = total === 0 ? 0 : (o.votes / total) * 100;
          return (
            <li key={o.id} data-testid={`private-option-${o.index + 1}`}>
              <span className="reveal-number" aria-hidden>{o.index + 1}</span>
              <div className="private-tally-body">
                <Text size="sm" lineClamp={1}>
                  <span className="visually-hidden">Response {o.index + 1}: </span>
                  {o.say}
                </Text>
                <div className="reveal-bar-row">
                  <div className="reveal-bar" role="img" aria-label={voteShare(o.votes, total)}>
                    <div className="reveal-bar-fill" style={{ width: `${pct}%` }} />
                  </div>
                  <Text className="reveal-count" size="sm" aria-hidden>
                    {o.votes} · {Math.round(pct)}%
                  </Text>
                </div>
              </div>
            </li>
          );
        })}
      </ol>
    </Stack>
  );
}

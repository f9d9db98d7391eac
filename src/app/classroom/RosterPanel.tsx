// Who has joined, for the facilitator: how many, and the handles students chose. Names are never
// put beside votes (the roster arrives apart from the tally). On the projector the class sees
// them, so there they stay hidden until the facilitator chooses to show them.
import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { IconEye, IconEyeOff } from '@tabler/icons-react';
import { useId, useState } from 'react';
import type { Roster } from '../../core/classroom/room.ts';

interface Props {
  roster: Roster | undefined;
  joined: number;
  /** Names listed at first: on the facilitator's phone yes, on the projector no. */
  namesShownAtFirst: boolean;
  /** The projector: say that showing names shows them to the class. */
  onProjector: boolean;
}

function rosterSummary(joined: number, roster: Roster | undefined): string {
  if (joined === 0) return 'Nobody has joined yet.';
  const named = roster ? roster.names.length + roster.moreNames : 0;
  const anonymous = roster ? roster.anonymous : joined;
  const parts = [named > 0 ? `${named} with a name` : '', anonymous > 0 ? `${anonymous} anonymous` : ''].filter(Boolean);
  return `${joined} joined: ${parts.join(', ')}.`;
}

export function RosterPanel({ roster, joined, namesShownAtFirst, onProjector }: Props) {
  const [shown, setShown] = useState(namesShownAtFirst);
  const listId = useId();
  const named = roster ? roster.names.length + roster.moreNames : 0;
  return (
    <Stack gap="xs" component="section" aria-labelledby={`${listId}-title`} className="roster" data-testid="roster">
      <Title order={2} size="h4" id={`${listId}-title`}>Who has joined</Title>
      <Text size="sm" data-testid="roster-summary">{rosterSummary(joined, roster)}</Text>
      {named > 0 && (
        <>
          <Group gap="xs" wrap="wrap">
            <Button
              size="xs"
              variant="default"
              leftSection={shown ? <IconEyeOff size={14} aria-hidden /> : <IconEye size={14} aria-hidden />}
              aria-expanded={shown}
              aria-controls={listId}
              onClick={() => setShown((s) => !s)}
            >
              {shown ? 'Hide names' : onProjector ? 'Show names on the screen' : 'Show names'}
            </Button>
          </Group>
          <ul className="roster-names" id={listId} aria-label="Names of students who joined" hidden={!shown}>
            {shown &&
              roster?.names.map((n, i) => (
                <li key={`${n}-${i}`}>{n}</li>
              ))}
            {shown && roster && roster.moreNames > 0 && <li className="roster-more">and {roster.moreNames} more</li>}
          </ul>
        </>
      )}
      <Text size="xs" c="dimmed">Names are never linked to votes.</Text>
    </Stack>
  );
}

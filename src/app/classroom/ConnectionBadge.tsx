import { Badge } from '@mantine/core';
import type { RoomClientState } from './roomSocket.ts';

const WORDS: Record<RoomClientState['status'], string> = { connecting: 'Connecting…', open: 'Connected', reconnecting: 'Reconnecting…', closed: 'Disconnected' };

/** Connection state in words (colour only repeats them). */
export function ConnectionBadge({ state }: { state: RoomClientState }) {
  return (
    <Badge role="status" variant="dot" size="lg" color={state.status === 'open' ? 'teal' : state.status === 'closed' ? 'red' : 'yellow'}>
      {WORDS[state.status]}
    </Badge>
  );
}

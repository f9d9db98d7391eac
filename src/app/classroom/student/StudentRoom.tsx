import { Alert, Button, CloseButton, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { IconAlertCircle, IconDoorExit, IconInfoCircle, IconWifiOff } from '@tabler/icons-react';
import { useCallback, useEffect, useState } from 'react';
import { catalog } from 'virtual:evoke-scenarios/catalog';
import type { ClientMessage } from '../../../core/classroom/protocol.ts';
import type { RoomView } from '../../../core/classroom/room.ts';
import { studentId } from '../identity.ts';
import { DiscussPrompt, ReactionView, RevealView } from '../RevealView.tsx';
import { formatSeconds, useCountdown } from '../useCountdown.ts';
import { useRoomSocket } from '../useRoomSocket.ts';
import { ClientLineCard } from './ClientLineCard.tsx';
import { HandleLine } from './HandleLine.tsx';
import { rememberJoin, type JoinedRoom } from './joinMemory.ts';
import { announcement, STAGE_HEADING, stageOf, studentError } from './studentPhase.ts';
import { useVoteOutbox } from './useVoteOutbox.ts';
import { ClosedOptions, VoteButtons } from './VoteOptions.tsx';
import './student.css';

interface Props {
  room: JoinedRoom;
  onLeave: () => void;
  /** The server refused this phone for good (wrong code, full room): back to the form with why. */
  onRefused: (message: string) => void;
}

/** Joins, or rejoins, as this phone's voter: on every connect, and again to rename. */
function joinMessage(code: string, handle: string | undefined): ClientMessage {
  return { type: 'join', code, studentId: studentId(), ...(handle ? { handle } : {}) };
}

/** A student's phone in a room: the client's line, the vote, the reveal, the end. */
export function StudentRoom({ room, onLeave, onRefused }: Props) {
  // The handle can change in the room; every later (re)connect says the new one.
  const [handle, setHandle] = useState(room.handle);
  const hello = useCallback(() => joinMessage(room.code, handle), [room.code, handle]);
  const { socket, state } = useRoomSocket(hello, room.code);
  const secondsLeft = useCountdown(state.view, state.clockOffsetMs);
  const rename = useCallback(
    (next: string | undefined) => {
      setHandle(next);
      rememberJoin(next ? { code: room.code, handle: next } : { code: room.code });
      // Joining again as the same voter renames them and keeps their vote; offline, the next connect says it.
      socket?.send(joinMessage(room.code, next));
    },
    [room.code, socket],
  );
  const { outbox, state: box } = useVoteOutbox(socket);
  const { view, status } = state;
  const entry = view ? catalog.find((e) => e.id === view.scenarioId) : undefined;
  const clientName = entry?.client.name ?? 'The client';

  useEffect(() => {
    if (state.fatal && state.error) onRefused(studentError(state.error));
  }, [state.fatal, state.error, onRefused]);

  const vote = useCallback((id: string) => outbox.vote(id), [outbox]);

  return (
    <Stack gap="md" className="student-room">
      <div className="visually-hidden" aria-live="polite" aria-atomic="true" data-testid="student-announcer">
        {announcement(view, status, clientName)}
      </div>
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <div style={{ minWidth: 0, flex: 1 }}>
          <Text size="sm" c="dimmed">
            Room <Text span fw={700} c="var(--mantine-color-text)" ff="monospace" data-testid="room-code">{room.code}</Text>
          </Text>
          {entry && <Text size="sm" fw={600}>{entry.title}</Text>}
          {!(view && stageOf(view) === 'ended') && <HandleLine handle={handle} onChange={rename} />}
        </div>
        {!(view && stageOf(view) === 'ended') && (
          <Button variant="default" size="sm" style={{ flex: 'none' }} leftSection={<IconDoorExit size={16} aria-hidden />} onClick={onLeave}>
            Leave
          </Button>
        )}
      </Group>

      {status === 'reconnecting' && (
        <Alert color="yellow" variant="light" icon={<IconWifiOff aria-hidden />} title="Reconnecting…" role="status">
          The connection dropped. Your vote so far is kept on the server; this screen catches up by itself.
        </Alert>
      )}
      {state.error && view && !state.fatal && (
        <Alert color="red" variant="light" icon={<IconAlertCircle aria-hidden />} role="alert">
          {studentError(state.error)}
        </Alert>
      )}
      {box.notice && (
        <Alert color="orange" variant="light" icon={<IconInfoCircle aria-hidden />} role="alert" withCloseButton={false}>
          <Group justify="space-between" wrap="nowrap" align="flex-start">
            <Text size="sm">{box.notice}</Text>
            <CloseButton aria-label="Dismiss" onClick={() => outbox.dismissNotice()} />
          </Group>
        </Alert>
      )}

      {!view ? (
        <Group gap="sm" role="status">
          <Loader size="sm" aria-hidden />
          <Text>{status === 'reconnecting' ? 'Trying to reach the room…' : `Joining room ${room.code}…`}</Text>
        </Group>
      ) : (
        <RoomStage view={view} clientName={clientName} secondsLeft={secondsLeft} selected={box.pending?.response ?? view.myVote ?? null} unsent={!!box.pending && !box.pending.sent} sending={!!box.pending?.sent} onVote={vote} onLeave={onLeave} contentNotes={entry?.contentNotes ?? []} />
      )}
    </Stack>
  );
}

interface StageProps {
  view: RoomView;
  clientName: string;
  secondsLeft: number | null;
  selected: string | null;
  unsent: boolean;
  sending: boolean;
  onVote: (id: string) => void;
  onLeave: () => void;
  contentNotes: readonly string[];
}

function RoomStage({ view, clientName, secondsLeft, selected, unsent, sending, onVote, onLeave, contentNotes }: StageProps) {
  const stage = stageOf(view);
  const mine = view.myVote ?? null;
  const mineIndex = view.options.findIndex((o) => o.id === mine);
  const heading = <Title order={1} size="h3" data-testid="student-stage" data-stage={stage}>{STAGE_HEADING[stage]}</Title>;

  if (stage === 'ended') {
    return (
      <Stack gap="md">
        {heading}
        <Text>{view.conversationEnded ? `The conversation with ${clientName} has reached its end.` : 'The facilitator has ended the session.'} Thank you for taking part.</Text>
        {view.discuss && <DiscussPrompt prompt={view.discuss} size="phone" />}
        <ReactionView view={view} clientName={clientName} size="phone" />
        <Text c="dimmed" size="sm">Your votes were counted without your name. You can close this page.</Text>
        <Button variant="default" size="md" onClick={onLeave}>Leave the room</Button>
      </Stack>
    );
  }

  return (
    <Stack gap="md">
      {heading}
      {stage === 'waiting' && (
        <>
          <Text>Read what {clientName} says and think about how you would respond.</Text>
          {contentNotes.length > 0 && !view.lastTurn && (
            <Text size="sm" c="dimmed">Content notes: {contentNotes.join('; ')}.</Text>
          )}
          <ReactionView view={view} clientName={clientName} size="phone" />
        </>
      )}
      <ClientLineCard name={clientName} line={view.line} />
      {stage === 'voting' && (
        <>
          {secondsLeft !== null && (
            <Text className="student-countdown" role="timer" aria-label={`${secondsLeft} seconds left to vote`} data-testid="countdown">
              <strong>{formatSeconds(secondsLeft)}</strong> left to vote
            </Text>
          )}
          <VoteButtons options={view.options} selected={selected} unsent={unsent} onVote={onVote} />
          <Text size="sm" role="status" data-testid="vote-status">
            {unsent
              ? 'Not sent yet: you are offline. It will be sent when the connection is back, if the vote is still open.'
              : sending
                ? 'Sending your vote…'
                : mine
                  ? `Your vote is in: response ${mineIndex + 1}. ${view.votes} of ${view.students} have voted.`
                  : `${view.votes} of ${view.students} have voted.`}
          </Text>
        </>
      )}
      {stage === 'closed' && (
        <>
          <Text>{view.timeUp ? 'Time is up. ' : ''}{mine ? `Your vote, response ${mineIndex + 1}, was counted.` : 'You did not vote at this turn.'} Waiting for the facilitator to reveal the results.</Text>
          <ClosedOptions options={view.options} mine={mine} />
        </>
      )}
      {stage !== 'revealed' && view.discuss && <DiscussPrompt prompt={view.discuss} size="phone" />}
      {stage === 'revealed' && (
        <>
          <Text fw={600} data-testid="my-vote-summary">{mine ? `You voted for response ${mineIndex + 1}.` : 'You did not vote at this turn.'}</Text>
          <RevealView view={view} size="phone" />
          <Text c="dimmed">Waiting for the facilitator to go on.</Text>
        </>
      )}
    </Stack>
  );
}

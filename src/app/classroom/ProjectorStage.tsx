// What the class looks at: the client's line and cue in large type, the meters if shown, the
// numbered responses, the vote's state and countdown, and the reveal once the host reveals.
import { Group, Stack, Text, Title } from '@mantine/core';
import type { RoomView } from '../../core/classroom/room.ts';
import type { Scenario } from '../../core/scenario/types.ts';
import { MeterPanel } from '../player/MeterPanel.tsx';
import { OUTCOME_WORDS } from '../player/describe.ts';
import { phaseWords } from './hostCommands.ts';
import { DiscussPrompt, ReactionView, RevealView } from './RevealView.tsx';
import { formatSeconds } from './useCountdown.ts';

interface Props {
  view: RoomView;
  scenario: Scenario | null;
  showMeters: boolean;
  /** Seconds left on the vote, if the facilitator set a countdown. */
  secondsLeft?: number | null;
  /** Whether the reveal may be drawn: the host's view carries the tally before it is revealed. */
  revealed: boolean;
  /** Offline mode counts hands, not phones: no "joined" figure, and "voted" only once the hands are counted. */
  showJoined?: boolean;
}

export function VoteStatus({ view, secondsLeft, showJoined = true }: { view: RoomView; secondsLeft?: number | null | undefined; showJoined?: boolean }) {
  return (
    <Group gap="lg" className="vote-status" wrap="wrap">
      <Text className="status-pill" fw={700} data-testid="phase">{phaseWords(view)}</Text>
      {showJoined && (
        <Text className="status-figure">
          <strong data-testid="joined">{view.students}</strong> joined
        </Text>
      )}
      {(showJoined || view.phase === 'revealed') && (
        <Text className="status-figure">
          <strong data-testid="voted">{view.votes}</strong> voted
        </Text>
      )}
      {secondsLeft !== null && secondsLeft !== undefined && view.phase === 'open' && (
        <Text className="status-figure countdown" role="timer" aria-label={`${secondsLeft} seconds left to vote`} data-testid="countdown">
          <strong>{formatSeconds(secondsLeft)}</strong> left
        </Text>
      )}
      {view.timeUp && view.phase === 'closed' && (
        <Text className="status-figure" fw={600} data-testid="time-up">Time is up</Text>
      )}
    </Group>
  );
}

export function ProjectorStage({ view, scenario, showMeters, secondsLeft, revealed, showJoined = true }: Props) {
  const clientName = scenario?.client.name ?? 'The client';
  const ending = view.conversationEnded ? scenario?.endings[view.at] : undefined;
  return (
    <Stack gap="lg" className="stage">
      <VoteStatus view={view} secondsLeft={secondsLeft} showJoined={showJoined} />
      {view.lastTurn && !revealed && <ReactionView view={view} clientName={clientName} />}
      {ending ? (
        <section className="stage-line" aria-labelledby="ending-title">
          <Title order={2} id="ending-title" className="stage-ending-title">
            The conversation ended: {ending.title}
          </Title>
          <Text className="stage-say">{ending.debrief}</Text>
          <Text fw={600}>{OUTCOME_WORDS[ending.outcome].label}</Text>
        </section>
      ) : (
        <section className="stage-line" aria-labelledby="line-title">
          <Title order={2} id="line-title" className="stage-who">{clientName} says</Title>
          <Text className="stage-say">“{view.line.say}”</Text>
          {view.line.cue && <Text className="stage-cue">[{view.line.cue}]</Text>}
        </section>
      )}
      {showMeters && scenario && scenario.meters.length > 0 && (
        <div className="stage-meters">
          <MeterPanel defs={scenario.meters} meters={view.meters} {...(view.lastTurn ? { previous: view.lastTurn.metersBefore } : {})} />
        </div>
      )}
      {revealed ? (
        <RevealView view={view} size="projector" />
      ) : (
        <>
          {!ending && view.options.length > 0 && (
            <section aria-labelledby="options-title">
              <Title order={2} size="h3" id="options-title" mb="sm">What would you say?</Title>
              <ol className="stage-options">
                {view.options.map((o) => (
                  <li key={o.id}>
                    <span className="option-number" aria-hidden>{o.index + 1}</span>
                    <Text className="stage-option-say">
                      <span className="visually-hidden">Response {o.index + 1}: </span>
                      {o.say}
                    </Text>
                  </li>
                ))}
              </ol>
            </section>
          )}
          {view.discuss && <DiscussPrompt prompt={view.discuss} />}
        </>
      )}
    </Stack>
  );
}

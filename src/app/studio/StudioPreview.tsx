// The preview beside the editor: the player's own pieces (transcript, responses, meters) over the
// same engine, replaying the choices made so far on every new version that checks clean.
import { Alert, Button, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import { IconPlayerPlay, IconRefresh } from '@tabler/icons-react';
import { useSelector } from '@xstate/react';
import { useEffect, useRef, useState, type Ref } from 'react';
import { CODE_INFO } from '../../core/coding/codes.ts';
import { replayOnEdit, type PreviewRun, type PreviewStart } from '../../core/engine/replayOnEdit.ts';
import { placeOf } from '../../core/engine/rules.ts';
import type { InteractionActor } from '../../core/engine/session.ts';
import type { Scenario } from '../../core/scenario/types.ts';
import { CategoryMark } from '../player/CategoryMark.tsx';
import { describeChange, meterChanges, OUTCOME_WORDS } from '../player/describe.ts';
import { MeterPanel } from '../player/MeterPanel.tsx';
import { ResponseOptions } from '../player/ResponseOptions.tsx';
import { Transcript } from '../player/Transcript.tsx';
import { TestFromHere } from './TestFromHere.tsx';

interface Props {
  /** The last version that checked without errors. */
  scenario: Scenario | null;
  /** The text now in the editor has errors, so the preview shows an older version. */
  behind: boolean;
}

interface Live {
  actor: InteractionActor;
  scenario: Scenario;
}

export function StudioPreview({ scenario, behind }: Props) {
  const run = useRef<PreviewRun>({ steps: [] });
  const [live, setLive] = useState<Live | null>(null);
  const [message, setMessage] = useState<string | undefined>();
  // Mirrors run.current.from for rendering.
  const [from, setFrom] = useState<PreviewStart | undefined>();

  const replay = (s: Scenario) => {
    const r = replayOnEdit(s, run.current);
    if (r.restarted) run.current = { steps: [] };
    setFrom(run.current.from);
    setLive({ actor: r.actor, scenario: r.scenario });
    setMessage(r.message);
  };

  // Every new good version replays the choices made so far.
  useEffect(() => {
    if (scenario) replay(scenario);
  }, [scenario]);

  // What the author does in the preview becomes the choices to replay after the next edit.
  useEffect(() => {
    if (!live) return;
    const replayed = live.actor.getSnapshot().context.steps;
    const sub = live.actor.subscribe((snap) => {
      if (snap.context.steps === replayed) return;
      run.current = { ...run.current, steps: snap.context.steps };
      setMessage(undefined);
    });
    return () => sub.unsubscribe();
  }, [live]);

  if (!scenario || !live) {
    return <Text c="dimmed">The preview starts once the file checks without errors.</Text>;
  }

  const restart = (start?: PreviewStart) => {
    run.current = { ...(start ? { from: start } : {}), steps: [] };
    replay(scenario);
  };

  return (
    <Stack gap="md">
      {behind && (
        <Alert color="orange" variant="light" role="status" title="The file has errors">
          The preview keeps the last version without errors until they are fixed.
        </Alert>
      )}
      {message && (
        <Alert color="blue" variant="light" role="status" title="The preview could not replay every choice" data-testid="replay-message">
          {message}
        </Alert>
      )}
      <Group gap="xs" justify="space-between">
        <Text size="sm" c="dimmed">
          {from ? `Testing from node '${from.node}'.` : `Playing from the start ('${scenario.start}').`}
        </Text>
        <Button size="compact-sm" variant="default" leftSection={<IconRefresh size={16} aria-hidden />} onClick={() => restart()}>
          Restart from the start
        </Button>
      </Group>
      <TestFromHere scenario={scenario} current={from} onStart={(start) => restart(start)} />
      <PreviewPlay key={live.actor.sessionId} actor={live.actor} scenario={live.scenario} onAgain={() => restart(from)} />
    </Stack>
  );
}

function PreviewPlay({ actor, scenario, onAgain }: { actor: InteractionActor; scenario: Scenario; onAgain: () => void }) {
  const snap = useSelector(actor, (s) => s);
  const ctx = snap.context;
  const place = placeOf(scenario, ctx.at);
  const inFeedback = snap.matches({ active: 'feedback' });
  const awaiting = snap.matches({ active: 'awaitingChoice' });
  const lastTurn = ctx.turns.at(-1);
  const name = scenario.client.name;
  // Focus follows the author's own actions only, never a replay after an edit (they are typing).
  const acted = useRef(false);
  const focusTarget = useRef<HTMLElement>(null);
  useEffect(() => {
    if (!acted.current) return;
    acted.current = false;
    focusTarget.current?.focus();
  });
  const send = (e: Parameters<InteractionActor['send']>[0]) => {
    acted.current = true;
    actor.send(e);
  };

  if (snap.status === 'done' && place.kind === 'ending') {
    const ending = place.ending;
    return (
      <Stack gap="md">
        <Transcript clientName={name} turns={ctx.turns} current={null} showCodes showTalk />
        <Card withBorder padding="md" component="section" aria-labelledby="preview-ending">
          <Stack gap="xs">
            <Text size="sm" c="dimmed">Ending reached: '{ending.id}'</Text>
            <Title order={3} size="h4" id="preview-ending" ref={focusTarget as Ref<HTMLHeadingElement>} tabIndex={-1}>{ending.title}</Title>
            <Text size="sm"><Text span fw={600}>Outcome:</Text> {OUTCOME_WORDS[ending.outcome].label}</Text>
            {ending.client && <div className="bubble bubble-client"><Text size="xs" fw={600} c="dimmed">{name}</Text><Text>{ending.client.say}</Text></div>}
            <Text size="sm" style={{ whiteSpace: 'pre-line' }}>{ending.debrief}</Text>
            <Button w="fit-content" leftSection={<IconPlayerPlay size={16} aria-hidden />} onClick={onAgain}>Play again</Button>
          </Stack>
        </Card>
      </Stack>
    );
  }

  const showLine = !inFeedback && !(lastTurn?.retracted && lastTurn.nodeId === ctx.at);
  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">Node <Text span ff="monospace">{ctx.at}</Text></Text>
      <Transcript clientName={name} turns={ctx.turns} current={showLine ? ctx.line : null} showCodes showTalk />
      {inFeedback && lastTurn && (
        <Card withBorder padding="md" component="section" aria-labelledby="preview-feedback">
          <Stack gap="xs">
            <Title order={3} size="h5" id="preview-feedback" ref={focusTarget as Ref<HTMLHeadingElement>} tabIndex={-1}>Feedback</Title>
            <CategoryMark category={lastTurn.chosen.category} size="sm" />
            {lastTurn.chosen.codes.map((c) => <Text key={c} size="sm"><Text span fw={600}>{CODE_INFO[c].name}</Text></Text>)}
            <Text size="sm">{lastTurn.chosen.feedback}</Text>
            <List size="sm" spacing={2}>
              {meterChanges(scenario.meters, lastTurn.metersBefore, lastTurn.metersAfter).map((c) => <List.Item key={c.meter.id}>{describeChange(c)}</List.Item>)}
            </List>
            <Text size="sm" c="dimmed">Goes to <Text span ff="monospace">{lastTurn.next}</Text></Text>
            <Group gap="sm">
              <Button size="sm" variant="default" onClick={() => send({ type: 'RETRY' })}>Try another response</Button>
              <Button size="sm" onClick={() => send({ type: 'CONTINUE' })}>Continue</Button>
            </Group>
          </Stack>
        </Card>
      )}
      {awaiting && place.kind === 'node' && <ResponseOptions responses={place.node.responses} onChoose={(r) => send({ type: 'CHOOSE', response: r.id })} />}
      <Card withBorder padding="sm">
        <MeterPanel defs={scenario.meters} meters={ctx.meters} previous={inFeedback ? lastTurn?.metersBefore : undefined} />
      </Card>
    </Stack>
  );
}

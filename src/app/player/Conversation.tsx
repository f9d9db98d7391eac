import { Button, Grid, Group, Stack } from '@mantine/core';
import { IconDoorExit, IconKeyboard, IconPlayerPause } from '@tabler/icons-react';
import { useSelector } from '@xstate/react';
import { lazy, Suspense, useEffect, useState } from 'react';
import { createPortal } from 'react-dom';
import { useLocation } from 'wouter';
import type { InteractionActor } from '../../core/engine/session.ts';
import { placeOf } from '../../core/engine/rules.ts';
import type { Scenario } from '../../core/scenario/types.ts';
import { HeaderButton } from '../components/HeaderButton.tsx';
import { EndingView } from './EndingView.tsx';
import { FeedbackCard } from './FeedbackCard.tsx';
import { MeterPanel } from './MeterPanel.tsx';
import { ResponseOptions } from './ResponseOptions.tsx';
import { Transcript } from './Transcript.tsx';
import { readTypingPreference, writeTypingPreference } from './freeText/preference.ts';

// Dialogs load when first opened, keeping the conversation's first load small.
const GroundingBreak = lazy(() => import('./GroundingBreak.tsx'));
const LeaveDialog = lazy(() => import('./LeaveDialog.tsx'));
// Free-text mode loads when used: the composer, its feedback and (on first send) the coder.
const FreeTextComposer = lazy(() => import('./freeText/FreeTextComposer.tsx'));
const TypedFeedback = lazy(() => import('./freeText/TypedFeedback.tsx'));

interface Props {
  scenario: Scenario;
  actor: InteractionActor;
  onRestart: () => void;
  startedAt: string;
  /** Where the header's Pause and Leave buttons go. */
  controlsSlot: HTMLElement | null;
}

export function Conversation({ scenario, actor, onRestart, startedAt, controlsSlot }: Props) {
  const snap = useSelector(actor, (s) => s);
  const [, navigate] = useLocation();
  const [leaving, setLeaving] = useState(false);
  const [typing, setTypingState] = useState(readTypingPreference);
  const setTyping = (on: boolean) => {
    setTypingState(on);
    writeTypingPreference(on);
  };
  const ctx = snap.context;
  const practice = ctx.mode === 'practice';
  const ended = snap.status === 'done';
  const paused = snap.matches('paused');
  const inFeedback = snap.matches({ active: 'feedback' });
  const awaiting = snap.matches({ active: 'awaitingChoice' });
  const place = placeOf(scenario, ctx.at);
  const node = place.kind === 'node' ? place.node : undefined;
  const lastTurn = ctx.turns.at(-1);
  const name = scenario.client.name;
  // The coder reads what the client just said: the reply that led here, then this node's line.
  const context = [lastTurn && !lastTurn.retracted && lastTurn.next === ctx.at ? lastTurn.reply?.say : undefined, ctx.line.say].filter(Boolean).join(' ');

  // Number keys pick a response, unless a dialog or a text field has the focus.
  useEffect(() => {
    if (!awaiting || !node || paused || leaving || typing) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey) return;
      const target = e.target as HTMLElement | null;
      if (target?.closest('input, textarea, select, [role="dialog"]')) return;
      const n = Number(e.key);
      if (Number.isInteger(n) && n >= 1 && n <= node.responses.length) {
        e.preventDefault();
        actor.send({ type: 'CHOOSE', response: node.responses[n - 1]!.id });
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [awaiting, node, paused, leaving, typing, actor]);

  // After a retry the line is already shown above the retracted response.
  const showLine = !ended && !inFeedback && !(lastTurn?.retracted && lastTurn.nodeId === ctx.at);
  const announce = ended ? '' : inFeedback ? (lastTurn?.reply ? `${name} says: ${lastTurn.reply.say}` : '') : `${name}${ctx.line.cue ? `, ${ctx.line.cue},` : ''} says: ${ctx.line.say}`;

  const controls = !ended && (
    <Group gap={4} wrap="nowrap">
      <HeaderButton icon={<IconPlayerPause size={18} aria-hidden />} label="Pause" onClick={() => actor.send({ type: 'PAUSE' })} />
      <HeaderButton icon={<IconDoorExit size={18} aria-hidden />} label="Leave" onClick={() => setLeaving(true)} />
    </Group>
  );

  if (ended && place.kind === 'ending') {
    return <EndingView scenario={scenario} ending={place.ending} turns={ctx.turns} mode={ctx.mode} startedAt={startedAt} steps={ctx.steps} onAgain={onRestart} />;
  }

  return (
    <>
      {controlsSlot && controls ? createPortal(controls, controlsSlot) : null}
      {/* The page's one h1 for screen-reader navigation; the client's name is in the header already. */}
      <h1 className="visually-hidden">Conversation with {name}</h1>
      <div className="visually-hidden" aria-live="polite" aria-atomic="true">{announce}</div>
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: practice ? 8 : 12 }} order={{ base: 2, md: 1 }}>
          <Stack gap="lg" maw={practice ? undefined : 820} mx={practice ? undefined : 'auto'}>
            <Transcript clientName={name} turns={ctx.turns} current={showLine ? ctx.line : null} showCodes={false} />
            {inFeedback && lastTurn && (
              <FeedbackCard
                turn={lastTurn}
                meters={scenario.meters}
                clientName={name}
                onRetry={() => actor.send({ type: 'RETRY' })}
                onContinue={() => actor.send({ type: 'CONTINUE' })}
              >
                {lastTurn.typed && (
                  <Suspense fallback={null}>
                    <TypedFeedback typed={lastTurn.typed} node={node} clientName={name} onIntend={(code) => actor.send({ type: 'INTEND', code })} />
                  </Suspense>
                )}
              </FeedbackCard>
            )}
            {awaiting && node && typing && (
              <Suspense fallback={null}>
                <FreeTextComposer
                  key={`${node.id}-${ctx.turns.length}`}
                  node={node}
                  context={context}
                  clientName={name}
                  onAnswer={(response, typed) => actor.send({ type: 'CHOOSE', response, typed })}
                  onPickInstead={() => setTyping(false)}
                />
              </Suspense>
            )}
            {awaiting && node && !typing && (
              <Stack gap="xs">
                <ResponseOptions responses={node.responses} onChoose={(r) => actor.send({ type: 'CHOOSE', response: r.id })} />
                <Button variant="subtle" leftSection={<IconKeyboard size={18} aria-hidden />} onClick={() => setTyping(true)} w="fit-content">
                  Type my own response
                </Button>
              </Stack>
            )}
          </Stack>
        </Grid.Col>
        {practice && (
          <Grid.Col span={{ base: 12, md: 4 }} order={{ base: 1, md: 2 }}>
            <div className="meter-panel">
              <MeterPanel defs={scenario.meters} meters={ctx.meters} previous={inFeedback ? lastTurn?.metersBefore : undefined} />
            </div>
          </Grid.Col>
        )}
      </Grid>
      <Suspense fallback={null}>
        {paused && <GroundingBreak onResume={() => actor.send({ type: 'RESUME' })} clientName={name} />}
        {leaving && (
          <LeaveDialog
            onStay={() => setLeaving(false)}
            onLeave={() => navigate('/')}
            onDiscard={() => {
              onRestart();
              navigate('/');
            }}
          />
        )}
      </Suspense>
    </>
  );
}

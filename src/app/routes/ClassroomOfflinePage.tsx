// #/classroom/offline: projector-only mode for a room without network. The facilitator plays on
// the big screen, asks for a show of hands, types the count per response, and the same reveal
// and class report follow. Everything is kept in this browser after every step.
import { Alert, Button, Card, Checkbox, Container, Group, Loader, NativeSelect, NumberInput, Stack, Text, Title } from '@mantine/core';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link } from 'wouter';
import { catalog } from 'virtual:evoke-scenarios/catalog';
import type { HostAction, Room, RoomView } from '../../core/classroom/room.ts';
import type { Scenario } from '../../core/scenario/types.ts';
import { ClassReportView } from '../classroom/ClassReportView.tsx';
import { CountdownPicker } from '../classroom/CountdownPicker.tsx';
import { HostControls } from '../classroom/HostControls.tsx';
import { clearOffline, loadOffline, offlineStep, resumeOffline, saveOffline, startOffline, type OfflineSession, type OfflineStep } from '../classroom/offlineSession.ts';
import { ProjectorStage } from '../classroom/ProjectorStage.tsx';
import { useCountdown } from '../classroom/useCountdown.ts';
import { loadScenario } from '../library/scenarioSources.ts';
import { AppHeader } from '../components/AppHeader.tsx';
import '../classroom/classroom.css';

type Loaded = { session: OfflineSession; scenario: Scenario; room: Room };

function CountForm({ view, onCount }: { view: RoomView; onCount: (counts: Record<string, number>) => void }) {
  const [counts, setCounts] = useState<Record<string, number | string>>({});
  const [error, setError] = useState<string | null>(null);
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => first.current?.focus(), []);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const out: Record<string, number> = {};
    for (const o of view.options) {
      const raw = counts[o.id];
      const n = raw === undefined || raw === '' ? 0 : Number(raw);
      if (!Number.isInteger(n) || n < 0 || n > 100_000) return setError(`The count for response ${o.index + 1} must be a whole number from 0 to 100000.`);
      out[o.id] = n;
    }
    setError(null);
    onCount(out);
  };
  return (
    <Card withBorder padding="md" component="form" onSubmit={submit} aria-labelledby="count-title" className="count-form">
      <Stack gap="sm">
        <Title order={2} size="h4" id="count-title">Show of hands</Title>
        <Text size="sm">
          {view.phase === 'open' && view.countdown ? 'When the countdown ends, ask' : view.timeUp ? 'Time is up: ask' : 'Ask'} the class to raise a hand for the response they would
          choose, then type each count. Empty counts as 0.
        </Text>
        {view.options.map((o, i) => (
          <NumberInput
            key={o.id}
            ref={i === 0 ? first : undefined}
            label={`Hands for response ${o.index + 1}`}
            description={o.say.length > 70 ? `${o.say.slice(0, 70)}…` : o.say}
            min={0}
            max={100000}
            allowDecimal={false}
            allowNegative={false}
            value={counts[o.id] ?? ''}
            onChange={(v) => setCounts((c) => ({ ...c, [o.id]: v }))}
          />
        ))}
        {error && <Alert color="orange" role="alert">{error}</Alert>}
        <Button type="submit" size="md">Reveal the counts</Button>
      </Stack>
    </Card>
  );
}

function StartForm({ onStart, problem }: { onStart: (scenarioId: string, showMeters: boolean, countdown: number | null) => void; problem?: string | undefined }) {
  const [scenarioId, setScenarioId] = useState(catalog[0]?.id ?? '');
  const [showMeters, setShowMeters] = useState(true);
  const [countdown, setCountdown] = useState<number | null>(null);
  return (
    <Container size="sm" py="lg" component="main">
      <Stack gap="md">
        <Title order={1}>Projector-only classroom</Title>
        <Text>For a room without network: play one client on the big screen, ask for a show of hands at each turn and type the counts. The class sees the same reveal and class report as with phones. Nothing leaves this browser.</Text>
        {problem && <Alert color="orange" role="alert">An earlier session could not be read ({problem}). Starting a new one replaces it.</Alert>}
        <Card withBorder padding="lg">
          <Stack gap="md">
            <NativeSelect label="Scenario" value={scenarioId} onChange={(e) => setScenarioId(e.currentTarget.value)} data={catalog.map((e) => ({ value: e.id, label: `${e.title} (${e.difficulty})` }))} />
            <Checkbox label="Show the client's meters on the projector" checked={showMeters} onChange={(e) => setShowMeters(e.currentTarget.checked)} />
            <CountdownPicker seconds={countdown} onChange={setCountdown} description="The projector counts down and the vote closes by itself when it runs out; then ask for the show of hands. You can change it before each vote." />
            <Group>
              <Button size="md" onClick={() => onStart(scenarioId, showMeters, countdown)}>Start</Button>
              <Button component={Link} href="/classroom" variant="default">Back to the classroom page</Button>
            </Group>
          </Stack>
        </Card>
      </Stack>
    </Container>
  );
}

export default function ClassroomOfflinePage() {
  const [initial] = useState(loadOffline);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [status, setStatus] = useState<'loading' | 'start' | 'ready'>(initial.session ? 'loading' : 'start');
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const session = initial.session;
    if (!session) return;
    void loadScenario({ source: 'library', id: session.scenarioId }).then((r) => {
      if (!r.ok) {
        setError(r.message);
        setStatus('start');
        return;
      }
      const room = resumeOffline(session, r.scenario);
      if (!room.ok) {
        setError(`The saved session could not be resumed: ${room.error}. The scenario may have changed since.`);
        setStatus('start');
        return;
      }
      setLoaded({ session, scenario: r.scenario, room: room.value });
      setStatus('ready');
    });
  }, [initial]);

  const start = async (scenarioId: string, showMeters: boolean, countdown: number | null) => {
    const r = await loadScenario({ source: 'library', id: scenarioId });
    if (!r.ok) return setError(r.message);
    const started = startOffline(r.scenario, showMeters, countdown);
    if ('error' in started) return setError(started.error);
    loaded?.room.close();
    saveOffline(started.session);
    setError(null);
    setLoaded({ session: started.session, scenario: r.scenario, room: started.room });
    setStatus('ready');
  };

  const keep = (session: OfflineSession) => {
    if (!saveOffline(session)) setError('This browser did not let the session be saved: a reload would lose it.');
    else setError(null);
    setLoaded((l) => l && { ...l, session });
  };
  const step = (s: OfflineStep): boolean => {
    if (!loaded) return false;
    const r = offlineStep(loaded.room, loaded.session, s);
    if (!r.ok) {
      setError(r.error);
      return false;
    }
    keep(r.value);
    return true;
  };
  const chooseCountdown = (countdown: number | null) => {
    if (loaded) keep({ ...loaded.session, countdown });
  };

  // The countdown closes the vote by itself, as the server does in room mode; after a reload past
  // its end, at once. `loaded` is in the dependencies so the timer's step sees the latest session.
  const view = loaded?.room.view({ host: true });
  const closesAt = view?.phase === 'open' ? (view.countdown?.closesAt ?? null) : null;
  const secondsLeft = useCountdown(view);
  useEffect(() => {
    if (closesAt === null) return;
    const timer = setTimeout(() => step({ timeCheck: true }), Math.max(0, closesAt - Date.now()));
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `step` is remade each render; `loaded` stands for it.
  }, [closesAt, loaded]);
  const act = (action: HostAction, extra: { response?: string; tieBreak?: string } = {}) => {
    step({ action, ...extra });
  };
  const reset = () => {
    loaded?.room.close();
    clearOffline();
    setLoaded(null);
    setError(null);
    setStatus('start');
  };

  if (status === 'loading') {
    return (
      <>
        <AppHeader />
        <Group p="lg"><Loader aria-label="Loading the saved session" /><Text>Loading the saved session…</Text></Group>
      </>
    );
  }
  if (status === 'start' || !loaded) {
    return (
      <>
        <AppHeader />
        {error && <Alert color="orange" role="alert" m="md">{error}</Alert>}
        <StartForm onStart={(id, m, c) => void start(id, m, c)} problem={initial.problem} />
      </>
    );
  }

  const { scenario, session } = loaded;
  if (!view) return null;
  const revealed = view.phase === 'revealed';
  return (
    <>
      <AppHeader />
      <main className="projector">
        <Group justify="space-between" className="projector-bar" wrap="wrap">
          <Title order={1} size="h3">
            {scenario.title} <Text span c="dimmed" fw={400}>· projector-only</Text>
          </Title>
          <Button variant="default" size="xs" onClick={reset}>Start a new session</Button>
        </Group>
        {!view.endedByHost && (
        <div className="projector-grid">
          <div className="projector-stage">
            <ProjectorStage view={view} scenario={scenario} showMeters={session.showMeters} secondsLeft={secondsLeft} revealed={revealed} showJoined={false} />
          </div>
          <aside className="projector-side" aria-label="Counting and controls">
            {error && <Alert color="orange" role="alert">{error}</Alert>}
            {/* Counts are typed while the vote is open, or once its countdown has closed it. */}
            {view.phase === 'open' || view.phase === 'closed' ? (
              <CountForm
                view={view}
                onCount={(counts) => {
                  if (step({ counts }) && (view.phase === 'closed' || step({ action: 'closeVote' }))) step({ action: 'reveal' });
                }}
              />
            ) : (
              <HostControls view={view} act={act} size="projector" ready shortcuts endLabel="End the session" countdown={{ seconds: session.countdown ?? null, onChange: chooseCountdown }} />
            )}
          </aside>
        </div>
        )}
        {view.played && (
          <Container size="lg" py="lg">
            <ClassReportView scenario={scenario} played={view.played} code="offline" />
          </Container>
        )}
      </main>
    </>
  );
}

// #/classroom/screen/:code: a second screen for the room, without controls (it only watches).
import { Alert, Group, Loader, Text, Title } from '@mantine/core';
import { ClassReportView } from '../classroom/ClassReportView.tsx';
import { ConnectionBadge } from '../classroom/ConnectionBadge.tsx';
import { phaseWords } from '../classroom/hostCommands.ts';
import { JoinPanel } from '../classroom/JoinPanel.tsx';
import { parseOptionsSegment } from '../classroom/myRooms.ts';
import { ProjectorStage } from '../classroom/ProjectorStage.tsx';
import { useCountdown } from '../classroom/useCountdown.ts';
import { useRoomSocket } from '../classroom/useRoomSocket.ts';
import { useLibraryScenario } from '../classroom/useScenario.ts';
import '../classroom/classroom.css';

export default function ClassroomScreenPage({ code, options: segment }: { code: string; options?: string | undefined }) {
  const { state } = useRoomSocket(() => ({ type: 'watch', code }), code);
  const view = state.view;
  const { scenario } = useLibraryScenario(view?.scenarioId);
  const options = parseOptionsSegment(segment);
  const secondsLeft = useCountdown(view, state.clockOffsetMs);
  return (
    <main className="projector projector-screen">
      <Group justify="space-between" className="projector-bar">
        <Title order={1} size="h3">
          {scenario?.title ?? 'Classroom'} <Text span c="dimmed" fw={400}>· room {code}{view ? ` · ${phaseWords(view)}` : ''}</Text>
        </Title>
        <ConnectionBadge state={state} />
      </Group>
      {!view &&
        (state.error ? (
          <Alert color="red" role="alert" title={`Room ${code} cannot be shown`} m="lg">{state.error}</Alert>
        ) : (
          <Group p="lg"><Loader aria-label="Connecting to the room" /><Text>Connecting to room {code}…</Text></Group>
        ))}
      {view && (
        <div className={`projector-grid${view.endedByHost ? ' projector-grid-wide' : ''}`}>
          <div className="projector-stage">
            {!view.endedByHost && <ProjectorStage view={view} scenario={scenario} showMeters={options.showMeters} secondsLeft={secondsLeft} revealed={view.phase === 'revealed'} />}
            {view.played && scenario && <ClassReportView scenario={scenario} played={view.played} code={code} />}
          </div>
          {!view.endedByHost && (
            <aside className="projector-side" aria-label="Joining">
              <JoinPanel code={code} />
            </aside>
          )}
        </div>
      )}
    </main>
  );
}

// The scenario's own tests, run in the studio with the same runner as `evoke test`: pass or fail
// for each, and the transcript of what its choices did (open at once when it fails).
import { Accordion, Anchor, Group, Stack, Text } from '@mantine/core';
import { IconCircleCheck, IconCircleX } from '@tabler/icons-react';
import { useMemo } from 'react';
import { CODE_INFO } from '../../../core/coding/codes.ts';
import { idPositions } from '../../../core/scenario/idPositions.ts';
import { runScenarioTests, type TestOutcome } from '../../../core/scenario/scenarioTests.ts';
import type { Scenario } from '../../../core/scenario/types.ts';
import { categoryLabel } from '../../player/describe.ts';
import type { PanelProps } from '../panelSlots.tsx';
import { NodeLink, useJumpToId, type JumpToId } from './NodeLink.tsx';
import './panels.css';

const meterText = (m: Record<string, number>) => Object.entries(m).map(([k, v]) => `${k} ${v}`).join(', ');

function Transcript({ scenario, outcome, jump }: { scenario: Scenario; outcome: TestOutcome; jump: JumpToId }) {
  return (
    <Stack gap={6}>
      {outcome.reason && <Text size="sm" fw={600}>{outcome.reason}</Text>}
      {outcome.steps.length === 0 ? (
        <Text size="sm" c="dimmed">No choice was made.</Text>
      ) : (
        <ol className="panel-list" aria-label={`Transcript of ${outcome.test.name}`}>
          {outcome.steps.map((s, i) => (
            <li key={i}>
              <Text size="sm">
                <NodeLink id={s.at} jump={jump} /> {scenario.client.name} ({s.client.talk}): {s.client.say}
              </Text>
              <Text size="sm" pl="md">
                Chose {s.position}. {s.say} <Text span c="dimmed" size="xs">[{s.codes.map((c) => CODE_INFO[c].name).join(' + ')}; {categoryLabel(s.category)}]</Text>
              </Text>
              <Text size="xs" c="dimmed" pl="md">
                Meters: {meterText(s.metersAfter)}; next: <NodeLink id={s.next} jump={jump} />
              </Text>
            </li>
          ))}
        </ol>
      )}
      <Text size="sm">
        {outcome.passed ? 'Reached' : 'Ended at'} <NodeLink id={outcome.reached} jump={jump} />
        {outcome.passed ? ', as expected.' : `; expected ${outcome.test.expect}.`}
      </Text>
    </Stack>
  );
}

export default function TestsPanel({ result, source, onJump }: PanelProps) {
  const scenario = result.scenario;
  const outcomes = useMemo(() => (scenario ? runScenarioTests(scenario) : []), [scenario]);
  const testLines = useMemo(() => idPositions(source).tests, [source]);
  const jump = useJumpToId(source, onJump);
  if (!scenario) return <Text c="dimmed">The tests run once the file checks without errors.</Text>;
  if (outcomes.length === 0) {
    const first = Object.keys(scenario.endings)[0];
    const choices = first ? result.analysis?.shortestPaths[first] : undefined;
    return (
      <Stack gap="xs">
        <Text size="sm">This scenario has no tests yet. A test is a list of choices and the ending they must reach; add them under <Text span ff="monospace">tests:</Text> at the end of the file.</Text>
        {first && choices && (
          <Text size="sm">
            A first one could be: <Text span ff="monospace">- choose: [{choices.join(', ')}]</Text> <Text span ff="monospace">expect: {first}</Text>
          </Text>
        )}
      </Stack>
    );
  }
  const failed = outcomes.filter((o) => !o.passed);
  const failedKeys = outcomes.flatMap((o, i) => (o.passed ? [] : [String(i)]));
  return (
    <Stack gap="sm">
      <Text size="sm" fw={600} role="status" data-testid="tests-summary">
        {failed.length === 0 ? `All ${outcomes.length} test${outcomes.length === 1 ? '' : 's'} pass.` : `${failed.length} of ${outcomes.length} test${outcomes.length === 1 ? '' : 's'} fail${failed.length === 1 ? 's' : ''}.`}
      </Text>
      <Accordion multiple defaultValue={failedKeys} variant="separated" key={failedKeys.join(',')}>
        {outcomes.map((o, i) => {
          const Icon = o.passed ? IconCircleCheck : IconCircleX;
          const at = testLines[i];
          return (
            <Accordion.Item key={i} value={String(i)} data-testid="scenario-test" data-passed={o.passed}>
              <Accordion.Control>
                <Group gap={8} wrap="nowrap">
                  <Icon size={20} aria-hidden color={`var(--mantine-color-${o.passed ? 'teal' : 'orange'}-7)`} style={{ flexShrink: 0 }} />
                  <Text size="sm" fw={600}>{o.passed ? 'Pass' : 'Fail'}</Text>
                  <Text size="sm">{o.test.name}: choose [{o.test.choose.join(', ')}], expect {o.test.expect}</Text>
                </Group>
              </Accordion.Control>
              <Accordion.Panel>
                <Stack gap={6}>
                  <Transcript scenario={scenario} outcome={o} jump={jump} />
                  {at && (
                    <Anchor component="button" type="button" size="sm" onClick={() => onJump(at.line, at.column)}>
                      Go to this test (line {at.line})
                    </Anchor>
                  )}
                </Stack>
              </Accordion.Panel>
            </Accordion.Item>
          );
        })}
      </Accordion>
    </Stack>
  );
}

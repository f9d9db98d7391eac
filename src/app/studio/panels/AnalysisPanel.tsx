// What the graph says about the scenario: what cannot be reached, how many ways through there
// are, the shortest way to each ending, the most and least MI-adherent ways and where they end,
// and which codes each node offers. Every id is a button to its line.
import { Badge, Group, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { Fragment, useEffect, useState } from 'react';
import { CODE_INFO, MI_CODES } from '../../../core/coding/codes.ts';
import { playChoices } from '../../../core/engine/rules.ts';
import type { AdherentPath } from '../../../core/scenario/adherence.ts';
import { pathCountText, scenarioStats, type ScenarioStats } from '../../../core/scenario/stats.ts';
import type { Scenario } from '../../../core/scenario/types.ts';
import type { PanelProps } from '../panelSlots.tsx';
import { OUTCOME_WORDS } from './mapLayout.ts';
import { NodeLink, useJumpToId, type JumpToId } from './NodeLink.tsx';
import './panels.css';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The ids a choice list passes through, start and ending included. */
function PathIds({ scenario, choices, jump }: { scenario: Scenario; choices: readonly number[]; jump: JumpToId }) {
  const played = playChoices(scenario, choices);
  return (
    <Group gap={4} wrap="wrap" component="span">
      {played.path.map((id, i) => (
        <Fragment key={`${id}-${i}`}>
          {i > 0 && <Text span size="sm" c="dimmed" aria-hidden>→</Text>}
          <NodeLink id={id} jump={jump} />
        </Fragment>
      ))}
    </Group>
  );
}

function AdherentRow({ label, path, scenario, jump }: { label: string; path: AdherentPath | undefined; scenario: Scenario; jump: JumpToId }) {
  return (
    <div>
      <Text size="sm" fw={600}>{label}</Text>
      {path ? (
        <>
          <Text size="sm">
            {plural(path.choices.length, 'choice')} to the ending <NodeLink id={path.ending} jump={jump} />: {path.consistent} MI-consistent, {path.neutral} neutral, {path.inconsistent} MI-inconsistent.
            {' '}As a test: <Text span ff="monospace" size="sm">choose: [{path.choices.join(', ')}]</Text>
          </Text>
          <PathIds scenario={scenario} choices={path.choices} jump={jump} />
        </>
      ) : (
        <Text size="sm" c="dimmed">No way through reaches an ending.</Text>
      )}
    </div>
  );
}

function Figures({ scenario, stats, jump }: { scenario: Scenario; stats: ScenarioStats; jump: JumpToId }) {
  const outcomes = Object.entries(stats.endingsByOutcome).filter(([, ids]) => ids.length);
  return (
    <Stack gap="md">
      <section aria-labelledby="analysis-summary">
        <Title order={3} size="h5" id="analysis-summary">In numbers</Title>
        <ul className="panel-list">
          <li><Text size="sm">{plural(stats.nodes, 'node')}, {plural(stats.responses, 'response')}, {plural(stats.endings, 'ending')} ({outcomes.map(([o, ids]) => `${ids.length} ${OUTCOME_WORDS[o as keyof typeof OUTCOME_WORDS]}`).join(', ')})</Text></li>
          <li><Text size="sm">Paths from the start to an ending: {pathCountText(stats)}</Text></li>
          <li><Text size="sm">Longest: {stats.longest === 'unbounded' ? 'no limit, the talk can loop' : stats.longest ? `${plural(stats.longest.choices.length, 'choice')} (ignoring meters)` : 'no ending can be reached'}</Text></li>
        </ul>
      </section>

      <section aria-labelledby="analysis-unreachable">
        <Title order={3} size="h5" id="analysis-unreachable">Unreachable</Title>
        {stats.unreachable.length === 0 ? (
          <Text size="sm">Every node and ending can be reached from the start.</Text>
        ) : (
          <>
            <Text size="sm">Nothing from the start leads to {stats.unreachable.length === 1 ? 'this one' : `these ${stats.unreachable.length}`}:</Text>
            <Group gap="xs" data-testid="unreachable-list">
              {stats.unreachable.map((id) => <NodeLink key={id} id={id} jump={jump} />)}
            </Group>
          </>
        )}
      </section>

      <section aria-labelledby="analysis-shortest">
        <Title order={3} size="h5" id="analysis-shortest">Shortest way to each ending</Title>
        {!stats.shortestPlayed && <Text size="xs" c="dimmed">Too many meter combinations to play through: these ignore the meters.</Text>}
        <Stack gap={6}>
          {Object.values(scenario.endings).map((e) => {
            const choices = stats.shortestPaths[e.id];
            return (
              <div key={e.id}>
                <Group gap={6}>
                  <NodeLink id={e.id} jump={jump} />
                  <Badge size="sm" variant="light" color="gray">{OUTCOME_WORDS[e.outcome]}</Badge>
                  <Text size="sm">{choices ? `${plural(choices.length, 'choice')}: choose: [${choices.join(', ')}]` : 'never reached'}</Text>
                </Group>
                {choices && <PathIds scenario={scenario} choices={choices} jump={jump} />}
              </div>
            );
          })}
        </Stack>
      </section>

      <section aria-labelledby="analysis-adherence">
        <Title order={3} size="h5" id="analysis-adherence">Most and least MI-adherent ways through</Title>
        {stats.adherence.tooLarge ? (
          <Text size="sm" c="dimmed">Too many meter combinations to search.</Text>
        ) : (
          <Stack gap="sm">
            <Text size="xs" c="dimmed">Played with the meters. Most adherent: the fewest MI-inconsistent choices, then the fewest neutral. Least: the fewest MI-consistent.</Text>
            <AdherentRow label="Most MI-adherent" path={stats.adherence.most} scenario={scenario} jump={jump} />
            <AdherentRow label="Least MI-adherent" path={stats.adherence.least} scenario={scenario} jump={jump} />
          </Stack>
        )}
      </section>

      <section aria-labelledby="analysis-unused">
        <Title order={3} size="h5" id="analysis-unused">Codes no response uses</Title>
        {stats.unusedCodes.length === 0 ? (
          <Text size="sm">Every MI code is used at least once.</Text>
        ) : (
          <Group gap={6}>
            {stats.unusedCodes.map((c) => <Badge key={c} variant="outline" color="gray" tt="none">{CODE_INFO[c as (typeof MI_CODES)[number]].name}</Badge>)}
          </Group>
        )}
      </section>

      <section aria-labelledby="analysis-codes">
        <Title order={3} size="h5" id="analysis-codes">Codes each node offers</Title>
        <Table striped withTableBorder fz="sm" verticalSpacing={4}>
          <Table.Thead>
            <Table.Tr><Table.Th scope="col">Node</Table.Th><Table.Th scope="col">Codes of its responses</Table.Th></Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {Object.entries(stats.codesByNode).map(([id, codes]) => (
              <Table.Tr key={id}>
                <Table.Td><NodeLink id={id} jump={jump} /></Table.Td>
                <Table.Td>{codes.map((c) => CODE_INFO[c].name).join(', ')}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </section>
    </Stack>
  );
}

export default function AnalysisPanel({ result, source, onJump }: PanelProps) {
  const scenario = result.scenario;
  const jump = useJumpToId(source, onJump);
  const [stats, setStats] = useState<{ for: Scenario; stats: ScenarioStats } | null>(null);

  // Computed after the first paint: the searches take a moment on a big scenario.
  useEffect(() => {
    if (!scenario) return;
    const timer = setTimeout(() => setStats({ for: scenario, stats: scenarioStats(scenario, result.analysis) }), 0);
    return () => clearTimeout(timer);
  }, [scenario, result.analysis]);

  if (!scenario) return <Text c="dimmed">The analysis appears once the file checks without errors.</Text>;
  // The figures of the previous version stay up while the new ones are computed: no flicker as you type.
  if (!stats) return <Group justify="center" p="md"><Loader size="sm" aria-label="Analysing the scenario" /></Group>;
  return <Figures scenario={stats.for} stats={stats.stats} jump={jump} />;
}

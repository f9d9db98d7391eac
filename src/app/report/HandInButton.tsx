import { Button, Group, TextInput } from '@mantine/core';
import { IconSend } from '@tabler/icons-react';
import { useState } from 'react';
import { claimedFigures, HANDIN_VERSION, type HandIn } from '../../core/coding/handIn.ts';
import { buildReport } from '../../core/coding/report.ts';
import type { FinishedSession } from '../../core/engine/history.ts';
import type { SessionStep } from '../../core/engine/interactionMachine.ts';
import type { Scenario } from '../../core/scenario/types.ts';
import { downloadText, fileStamp } from './download.ts';

/** An assessment handed in as a file the trainee sends to their instructor (nothing is uploaded). */
export function HandInButton({ session, steps, scenario }: { session: FinishedSession; steps: readonly SessionStep[]; scenario: Scenario }) {
  const [name, setName] = useState('');
  const handIn = () => {
    const report = buildReport(scenario, session.turns, session.endingId);
    const file: HandIn = {
      format: 'evoke-handin',
      version: HANDIN_VERSION,
      trainee: name.trim(),
      scenarioId: scenario.id,
      scenarioTitle: scenario.title,
      scenarioHash: scenario.hash,
      mode: 'assessment',
      steps: [...steps],
      endingId: session.endingId,
      claimed: claimedFigures(report),
      handedInAt: new Date().toISOString(),
    };
    const safeName = name.trim().replace(/[^\p{L}\p{N}]+/gu, '-').slice(0, 40) || 'trainee';
    downloadText(`evoke-handin-${safeName}-${scenario.id}-${fileStamp(file.handedInAt)}.json`, JSON.stringify(file, null, 2), 'application/json');
  };
  return (
    <Group align="flex-end" className="no-print">
      <TextInput label="Your name, for your instructor" value={name} onChange={(e) => setName(e.currentTarget.value)} maxLength={120} w={260} />
      <Button leftSection={<IconSend size={16} aria-hidden />} disabled={!name.trim()} onClick={handIn}>Download hand-in file</Button>
    </Group>
  );
}

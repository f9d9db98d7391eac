import { Stack, Text } from '@mantine/core';
import type { Response } from '../../core/scenario/types.ts';

/** Responses as large buttons: click, Tab and Enter, or press the number shown. */
export function ResponseOptions({ responses, onChoose }: { responses: readonly Response[]; onChoose: (r: Response) => void }) {
  return (
    <Stack gap="sm" component="section" aria-labelledby="responses-title">
      <Text id="responses-title" fw={600}>What do you say? <Text span size="sm" c="dimmed" fw={400}>(press 1–{responses.length}, or Tab and Enter)</Text></Text>
      {responses.map((r, i) => (
        <button key={r.id} type="button" className="response-option" onClick={() => onChoose(r)} data-response={r.id}>
          <span className="response-number" aria-hidden="true">{i + 1}</span>
          <span className="response-text"><span className="visually-hidden">Response {i + 1}: </span>{r.say}</span>
        </button>
      ))}
    </Stack>
  );
}

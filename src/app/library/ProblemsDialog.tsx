import { Modal, Stack, Text } from '@mantine/core';
import type { Diagnostic } from '../../core/scenario/diagnostics.ts';
import { DiagnosticList } from '../components/DiagnosticList.tsx';

export interface FileProblems {
  name: string;
  diagnostics: Diagnostic[];
}

// Loaded only when a trainee's own file has problems: Mantine's Modal reaches its ScrollArea,
// which imports @floating-ui/react, and that module carries every Popover, Select and Tooltip
// the studio and classroom use (about 30 KB gzipped the library's first load would pay for).
export default function ProblemsDialog({ problems, onClose }: { problems: FileProblems | null; onClose: () => void }) {
  return (
    <Modal opened={!!problems} onClose={onClose} title={<Text fw={700}>This file cannot be played yet</Text>} size="lg" closeButtonProps={{ 'aria-label': 'Close' }}>
      {problems && (
        <Stack>
          <Text size="sm">'{problems.name}' has {problems.diagnostics.length} problem{problems.diagnostics.length > 1 ? 's' : ''}. Send these to whoever wrote it:</Text>
          <DiagnosticList file={problems.name} diagnostics={problems.diagnostics} />
        </Stack>
      )}
    </Modal>
  );
}

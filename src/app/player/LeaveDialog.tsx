import { Button, Group, Modal, Stack, Text } from '@mantine/core';

export default function LeaveDialog({ onStay, onLeave, onDiscard }: { onStay: () => void; onLeave: () => void; onDiscard: () => void }) {
  return (
    <Modal opened onClose={onStay} title={<Text fw={700}>Leave this conversation?</Text>} closeButtonProps={{ 'aria-label': 'Stay in the conversation' }}>
      <Stack>
        <Text>Your place is saved in this browser: you can resume it from the library later.</Text>
        <Group>
          <Button onClick={onLeave}>Leave, keep my place</Button>
          <Button variant="default" onClick={onDiscard}>Leave and discard</Button>
          <Button variant="subtle" onClick={onStay}>Stay</Button>
        </Group>
      </Stack>
    </Modal>
  );
}

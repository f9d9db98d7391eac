import { Alert, Button, Container, Stack, Text } from '@mantine/core';
import { Component, type ReactNode } from 'react';

// The last line of defence: never a white screen.
export class ErrorBoundary extends Component<{ children: ReactNode }, { error: Error | null }> {
  override state = { error: null as Error | null };
  static getDerivedStateFromError(error: Error) {
    return { error };
  }
  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <Container size="sm" py="xl">
        <Alert color="orange" title="Something went wrong on this page" role="alert">
          <Stack gap="sm">
            <Text>Your saved practice sessions are kept in this browser. Going back to the library usually helps.</Text>
            <Text size="sm" c="dimmed">{this.state.error.message}</Text>
            <Button w="fit-content" onClick={() => { window.location.hash = '#/'; this.setState({ error: null }); }}>Back to the library</Button>
          </Stack>
        </Alert>
      </Container>
    );
  }
}

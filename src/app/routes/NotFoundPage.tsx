import { Button, Container, Stack, Text, Title } from '@mantine/core';
import { Link } from 'wouter';
import { AppHeader } from '../components/AppHeader.tsx';

export function NotFoundPage() {
  return (
    <>
      <AppHeader />
      <Container size="sm" py="xl" component="main">
        <Stack>
          <Title order={1}>This page does not exist</Title>
          <Text>The link may be out of date.</Text>
          <Button component={Link} href="/" w="fit-content">Go to the library</Button>
        </Stack>
      </Container>
    </>
  );
}

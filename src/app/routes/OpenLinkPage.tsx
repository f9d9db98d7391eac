import { Alert, Button, Center, Container, Group, Loader, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { Diagnostic } from '../../core/scenario/diagnostics.ts';
import { AppHeader } from '../components/AppHeader.tsx';
import { DiagnosticList } from '../components/DiagnosticList.tsx';
import { openScenarioText, playPath } from '../library/scenarioSources.ts';

const MAX_BYTES = 10 * 1024 * 1024;

/** `?src=URL`: an instructor shares a link to a scenario file; it is fetched, checked and played here. */
export default function OpenLinkPage({ url }: { url: string }) {
  const [problem, setProblem] = useState<{ message: string; diagnostics?: Diagnostic[] } | null>(null);
  const base = window.location.pathname;

  useEffect(() => {
    let cancelled = false;
    (async () => {
      let target: URL;
      try {
        target = new URL(url, window.location.href);
        if (target.protocol !== 'https:' && target.protocol !== 'http:') throw new Error('protocol');
      } catch {
        return setProblem({ message: 'The link does not point to a web address.' });
      }
      try {
        const res = await fetch(target.href, { credentials: 'omit' });
        if (!res.ok) return setProblem({ message: `The scenario could not be fetched (the server answered ${res.status}).` });
        const text = await res.text();
        if (text.length > MAX_BYTES) return setProblem({ message: 'The linked file is larger than 10 MB: that is not a scenario file.' });
        const name = decodeURIComponent(target.pathname.split('/').pop() || 'linked scenario');
        const outcome = await openScenarioText(text, name);
        if (cancelled) return;
        if (!outcome.ok) return setProblem({ message: `The linked file '${name}' cannot be played yet:`, diagnostics: outcome.diagnostics });
        if (outcome.ref) window.location.replace(`${base}#${playPath(outcome.ref)}`);
      } catch {
        if (!cancelled) setProblem({ message: 'The scenario could not be fetched. The link may be wrong, or its server may not allow other sites to read it.' });
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [url, base]);

  return (
    <>
      <AppHeader />
      <Container size="md" py="xl" component="main">
        {!problem ? (
          <Center h="40vh"><Stack align="center"><Loader aria-label="Opening the linked scenario" /><Text>Opening the linked scenario…</Text></Stack></Center>
        ) : (
          <Alert color="orange" title="This link cannot be opened" role="alert">
            <Stack gap="sm">
              <Text>{problem.message}</Text>
              {problem.diagnostics && <DiagnosticList file="scenario" diagnostics={problem.diagnostics} />}
              <Group gap="sm">
                <Button component="a" href={`${base}#/`}>Go to the library</Button>
                {/* For the author of a draft: the same file in the studio, with each problem at its line. */}
                {problem.diagnostics && (
                  <Button component="a" variant="default" href={`${base}#/studio?src=${encodeURIComponent(url)}`}>Open in the studio</Button>
                )}
              </Group>
            </Stack>
          </Alert>
        )}
      </Container>
    </>
  );
}

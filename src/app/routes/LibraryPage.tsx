import { Alert, Badge, Button, Card, Chip, Container, FileButton, Group, List, NativeSelect, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconClock, IconFileUpload, IconPlayerPlay } from '@tabler/icons-react';
import { lazy, Suspense, useMemo, useState } from 'react';
import { Link, useLocation } from 'wouter';
import type { CatalogEntry } from '../../core/scenario/catalog.ts';
import { AppHeader } from '../components/AppHeader.tsx';
import { CONTENT_TOPICS, topicsOf } from '../../core/scenario/contentTopics.ts';
import { applyFilters, loadFilters, saveFilters, type LibraryFilters } from '../library/libraryFilters.ts';
import { catalog as shippedCatalog } from 'virtual:evoke-scenarios/catalog';
import { openedFiles, openScenarioText, playPath } from '../library/scenarioSources.ts';
import { loadSavedSession } from '../storage/sessions.ts';
import type { FileProblems } from '../library/ProblemsDialog.tsx';

// Kept out of the first load (see ProblemsDialog); fetched as soon as a file is chosen, while
// the checker reads it, so a file with problems shows them without a further wait.
const loadProblemsDialog = () => import('../library/ProblemsDialog.tsx');
const ProblemsDialog = lazy(loadProblemsDialog);

const DIFFICULTY_LABEL: Record<string, string> = { beginner: 'Beginner', intermediate: 'Intermediate', advanced: 'Advanced' };
const MAX_OPEN_BYTES = 10 * 1024 * 1024;

export default function LibraryPage() {
  const [filters, setFiltersState] = useState<LibraryFilters>(loadFilters);
  const setFilters = (f: LibraryFilters) => {
    setFiltersState(f);
    saveFilters(f);
  };
  const therapies = useMemo(() => [...new Set(shippedCatalog.map((e) => e.client.weighing))].sort(), []);
  const notes = useMemo(() => {
    const present = new Set(shippedCatalog.flatMap((e) => topicsOf(e.contentNotes)));
    return CONTENT_TOPICS.filter((t) => present.has(t.id));
  }, []);
  const shown = applyFilters(shippedCatalog, filters);
  const hiddenCount = shippedCatalog.length - shown.length;

  return (
    <>
      <AppHeader />
      <Container size="lg" py="lg" component="main">
        <Stack gap="lg">
          <div>
            <Title order={1}>Practise Motivational Interviewing</Title>
            <Text size="lg" c="dimmed" maw={720}>
              Each client here is of two minds about trauma-focused therapy. Choose what to say; see how they react; learn after each turn whether you reflected, affirmed, asked well, or slipped into pushing.
            </Text>
          </div>

          <Stack gap="sm" component="section" aria-label="Filters">
            <Group align="flex-end" gap="md">
              <NativeSelect
                label="Difficulty"
                data={[{ value: '', label: 'Any difficulty' }, ...Object.entries(DIFFICULTY_LABEL).map(([value, label]) => ({ value, label }))]}
                value={filters.difficulty ?? ''}
                onChange={(e) => setFilters({ ...filters, difficulty: e.currentTarget.value || null })}
                w={200}
              />
              <NativeSelect
                label="Therapy"
                data={[{ value: '', label: 'Any therapy' }, ...therapies]}
                value={filters.therapy ?? ''}
                onChange={(e) => setFilters({ ...filters, therapy: e.currentTarget.value || null })}
                w={280}
              />
            </Group>
            {notes.length > 0 && (
              <div role="group" aria-labelledby="hide-label">
                <Text size="sm" fw={500} id="hide-label" mb={6}>Hide scenarios that mention</Text>
                <Chip.Group multiple value={filters.hiddenNotes} onChange={(v) => setFilters({ ...filters, hiddenNotes: v })}>
                  <Group gap="xs">
                    {notes.map((t) => (
                      <Chip key={t.id} value={t.id} size="sm" variant="outline">{t.label}</Chip>
                    ))}
                  </Group>
                </Chip.Group>
              </div>
            )}
          </Stack>

          {shown.length === 0 ? (
            <Alert color="gray" title="No scenario matches these filters" role="status">
              <Button variant="outline" mt="xs" onClick={() => setFilters({ difficulty: null, therapy: null, hiddenNotes: filters.hiddenNotes })}>Clear difficulty and therapy</Button>
            </Alert>
          ) : (
            <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="lg" component="ul" className="card-list" aria-label="Scenarios">
              {shown.map((e) => (
                <ScenarioCard key={e.id} entry={e} />
              ))}
            </SimpleGrid>
          )}
          {hiddenCount > 0 && <Text size="sm" c="dimmed">{hiddenCount} scenario{hiddenCount > 1 ? 's are' : ' is'} hidden by your filters.</Text>}

          <OwnFiles />
          <Text size="sm">
            Instructors: <Link href="/results">collect handed-in assessments</Link>. To write your own scenarios, see the authors' guide (scenarios/README.md in the Evoke project).
          </Text>
        </Stack>
      </Container>
    </>
  );
}

function ScenarioCard({ entry }: { entry: CatalogEntry }) {
  const saved = loadSavedSession({ source: 'library', id: entry.id });
  const inProgress = saved.ok && saved.value && saved.value.steps.length > 0;
  return (
    <Card component="li" withBorder padding="lg" className="scenario-card">
      <Stack gap="xs" h="100%">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Title order={2} size="h3">{entry.client.name}, {entry.client.age}</Title>
          <Badge variant="default" radius="sm" style={{ flex: 'none' }}>
            {DIFFICULTY_LABEL[entry.difficulty]}
          </Badge>
        </Group>
        <Text fw={500}>{entry.title}</Text>
        <Text size="sm">{entry.client.situation}</Text>
        <Text size="sm"><Text span fw={600}>Weighing:</Text> {entry.client.weighing}</Text>
        <Group gap="xs">
          <IconClock size={16} aria-hidden />
          <Text size="sm">About {entry.minutes} minutes</Text>
        </Group>
        <Text size="sm" c="dimmed"><Text span fw={600}>Content notes:</Text> {entry.contentNotes.join('; ')}</Text>
        <Group mt="auto" pt="sm">
          <Button component={Link} href={playPath({ source: 'library', id: entry.id })} leftSection={<IconPlayerPlay size={18} aria-hidden />} aria-label={`${inProgress ? 'Resume' : 'Start'}: ${entry.client.name}`}>
            {inProgress ? 'Resume' : 'Start'}
          </Button>
          {inProgress && <Text size="sm" c="dimmed">In progress</Text>}
        </Group>
      </Stack>
    </Card>
  );
}

function OwnFiles() {
  const [, navigate] = useLocation();
  const [problems, setProblems] = useState<FileProblems | null>(null);
  // Stays mounted once shown, so closing plays the exit transition and returns focus.
  const [dialogUsed, setDialogUsed] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const opened = openedFiles();

  const open = async (file: File | null) => {
    if (!file) return;
    setError(null);
    if (file.size > MAX_OPEN_BYTES) {
      setError(`'${file.name}' is larger than 10 MB: that is not a scenario file.`);
      return;
    }
    setBusy(true);
    // A failed prefetch is retried by lazy() when the dialog is needed.
    loadProblemsDialog().catch(() => undefined);
    try {
      const text = await file.text();
      const outcome = await openScenarioText(text, file.name);
      if (!outcome.ok) {
        setProblems({ name: file.name, diagnostics: outcome.diagnostics });
        setDialogUsed(true);
      } else if (outcome.ref) navigate(playPath(outcome.ref));
    } catch {
      setError(`'${file.name}' could not be read.`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="own-files">
      <Stack gap="sm">
        <Title order={2} size="h3" id="own-files">A scenario from your instructor</Title>
        <Text size="sm">Open a scenario file (.yaml) you were given. It is checked and played here in your browser; nothing is uploaded.</Text>
        <Group>
          <FileButton onChange={open} accept=".yaml,.yml,text/yaml,application/yaml,text/plain">
            {(props) => (
              <Button {...props} variant="outline" loading={busy} leftSection={<IconFileUpload size={18} aria-hidden />}>
                Open a scenario file
              </Button>
            )}
          </FileButton>
        </Group>
        {error && <Alert color="orange" role="alert">{error}</Alert>}
        {opened.length > 0 && (
          <List spacing={4} size="sm" aria-label="Files you opened">
            {opened.map((f) => (
              <List.Item key={f.id}>
                <Link href={playPath({ source: 'local', id: f.id })}>{f.name}</Link>
              </List.Item>
            ))}
          </List>
        )}
      </Stack>
      {dialogUsed && (
        <Suspense fallback={null}>
          <ProblemsDialog problems={problems} onClose={() => setProblems(null)} />
        </Suspense>
      )}
    </Card>
  );
}

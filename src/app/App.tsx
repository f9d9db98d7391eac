import { Center, Loader } from '@mantine/core';
import { lazy, Suspense } from 'react';
import { Route, Router, Switch } from 'wouter';
import { useHashLocation } from 'wouter/use-hash-location';
import { ErrorBoundary } from './components/ErrorBoundary.tsx';
import { NotFoundPage } from './routes/NotFoundPage.tsx';

// Each page is its own chunk: a trainee who opens a conversation directly loads no library code.
const LibraryPage = lazy(() => import('./routes/LibraryPage.tsx'));
const PlayPage = lazy(() => import('./routes/PlayPage.tsx'));
const OpenLinkPage = lazy(() => import('./routes/OpenLinkPage.tsx'));
const ProgressPage = lazy(() => import('./routes/ProgressPage.tsx'));
const ReportPage = lazy(() => import('./routes/ReportPage.tsx'));
const ResultsPage = lazy(() => import('./routes/ResultsPage.tsx'));

// Hash routes (#/play/...) need no rewrite rules on a static host: reload works on every page.
export function App() {
  const linked = new URLSearchParams(window.location.search).get('src');
  return (
    <ErrorBoundary>
      <Router hook={useHashLocation}>
        <Suspense fallback={<Center h="60vh"><Loader aria-label="Loading" /></Center>}>
          {linked ? (
            <OpenLinkPage url={linked} />
          ) : (
            <Switch>
              <Route path="/"><LibraryPage /></Route>
              <Route path="/play/local/:id">{(p) => <PlayPage source="local" id={p.id} />}</Route>
              <Route path="/play/:id">{(p) => <PlayPage source="library" id={p.id} />}</Route>
              <Route path="/progress"><ProgressPage /></Route>
              <Route path="/results"><ResultsPage /></Route>
              <Route path="/report/:id">{(p) => <ReportPage id={decodeURIComponent(p.id)} />}</Route>
              <Route><NotFoundPage /></Route>
            </Switch>
          )}
        </Suspense>
      </Router>
    </ErrorBoundary>
  );
}

import { Center, Loader } from '@mantine/core';
import { lazy, Suspense } from 'react';
import { Route, Router, Switch } from 'wouter';
import { useHashLocation } from 'wouter/use-hash-location';
import { ErrorBoundary } from './components/ErrorBoundary.tsx';
import { OfflineStatus } from './components/OfflineStatus.tsx';
import { NotFoundPage } from './routes/NotFoundPage.tsx';

// Each page is its own chunk: a trainee who opens a conversation directly loads no library code.
const LibraryPage = lazy(() => import('./routes/LibraryPage.tsx'));
const PlayPage = lazy(() => import('./routes/PlayPage.tsx'));
const OpenLinkPage = lazy(() => import('./routes/OpenLinkPage.tsx'));
const ProgressPage = lazy(() => import('./routes/ProgressPage.tsx'));
const ReportPage = lazy(() => import('./routes/ReportPage.tsx'));
const ResultsPage = lazy(() => import('./routes/ResultsPage.tsx'));
const ClassroomStartPage = lazy(() => import('./routes/ClassroomStartPage.tsx'));
const ClassroomHostPage = lazy(() => import('./routes/ClassroomHostPage.tsx'));
const ClassroomScreenPage = lazy(() => import('./routes/ClassroomScreenPage.tsx'));
const ClassroomOfflinePage = lazy(() => import('./routes/ClassroomOfflinePage.tsx'));
const JoinPage = lazy(() => import('./routes/JoinPage.tsx'));
const StudioPage = lazy(() => import('./routes/StudioPage.tsx'));
const StudioGuidePage = lazy(() => import('./studio/GuidePage.tsx'));

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
              <Route path="/join"><JoinPage /></Route>
              {/* The studio reads its own query (#/studio?src=URL, #/studio/guide?code=E010). */}
              <Route path={/^\/studio\/guide(?:\?.*)?$/}><StudioGuidePage /></Route>
              <Route path={/^\/studio(?:\?.*)?$/}><StudioPage /></Route>
              <Route path="/join/:code">{(p) => <JoinPage code={p.code} />}</Route>
              <Route path="/classroom"><ClassroomStartPage /></Route>
              <Route path="/classroom/offline"><ClassroomOfflinePage /></Route>
              <Route path="/classroom/host/:code">{(p) => <ClassroomHostPage key={p.code} code={p.code.toUpperCase()} mode="projector" />}</Route>
              <Route path="/classroom/remote/:code/:key?">{(p) => <ClassroomHostPage key={p.code} code={p.code.toUpperCase()} mode="remote" remoteKey={p.key} />}</Route>
              <Route path="/classroom/screen/:code/:options?">{(p) => <ClassroomScreenPage key={p.code} code={p.code.toUpperCase()} options={p.options} />}</Route>
              <Route><NotFoundPage /></Route>
            </Switch>
          )}
        </Suspense>
        <OfflineStatus />
      </Router>
    </ErrorBoundary>
  );
}

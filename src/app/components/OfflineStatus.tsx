import { Button, Group, Notification, Text } from '@mantine/core';
import { useEffect } from 'react';
import { useLocation } from 'wouter';
import { useRegisterSW } from 'virtual:pwa-register/react';

// Mantine's notification text is a light grey (3.3:1 on white); these are read, not glanced at.
const READABLE = { description: { color: 'var(--mantine-color-text)' } };

// The plugin reloads when the new worker takes control of this page, but a page opened before
// any worker existed is controlled by none, so no takeover ever comes: reload it ourselves.
async function reloadIntoNewVersion(update: (reload?: boolean) => Promise<void>) {
  await update(true);
  if (!navigator.serviceWorker?.controller) window.location.reload();
}

// Students' phones and the room's screens never register the worker: a class joining at once
// would otherwise each fetch the whole app (about 3 MB) over the room's Wi-Fi.
export function OfflineStatus() {
  const [location] = useLocation();
  return /^\/(classroom|join)/.test(location) ? null : <ServiceWorkerNews />;
}

// The service worker's two news items. "Works offline" is said once, when the app has just been
// saved on the device. A new version never reloads by itself: the trainee may be mid-sentence, so
// it waits for a click (the session is saved at every step, so a reload resumes where it was).
function ServiceWorkerNews() {
  const {
    offlineReady: [offlineReady, setOfflineReady],
    needRefresh: [needRefresh, setNeedRefresh],
    updateServiceWorker,
  } = useRegisterSW({ onRegisterError: () => undefined });

  useEffect(() => {
    if (!offlineReady) return;
    const t = window.setTimeout(() => setOfflineReady(false), 12_000);
    return () => window.clearTimeout(t);
  }, [offlineReady, setOfflineReady]);

  if (!needRefresh && !offlineReady) return null;
  return (
    <div className="evoke-offline-status" role="status" aria-live="polite">
      {needRefresh ? (
        <Notification styles={READABLE} title="A new version of Evoke is ready" withBorder onClose={() => setNeedRefresh(false)} closeButtonProps={{ 'aria-label': 'Later' }}>
          <Text size="sm">Your practice so far is saved; it resumes after the reload.</Text>
          <Group gap="xs" mt="xs">
            <Button size="xs" onClick={() => void reloadIntoNewVersion(updateServiceWorker)}>Reload now</Button>
            <Button size="xs" variant="default" onClick={() => setNeedRefresh(false)}>Later</Button>
          </Group>
        </Notification>
      ) : (
        <Notification styles={READABLE} title="Evoke now works offline" withBorder onClose={() => setOfflineReady(false)} closeButtonProps={{ 'aria-label': 'Close' }}>
          <Text size="sm">It is saved on this device: the library, practice with typed answers and the studio open without a network. The classroom needs one.</Text>
        </Notification>
      )}
    </div>
  );
}

import { Button, Group, Notification, Text } from '@mantine/core';
import { useEffect } from 'react';
import { useRegisterSW } from 'virtual:pwa-register/react';

// The service worker's two news items. "Works offline" is said once, when the app has just been
// saved on the device. A new version never reloads by itself: the trainee may be mid-sentence, so
// it waits for a click (the session is saved at every step, so a reload resumes where it was).
// Mantine's notification text is a light grey (3.3:1 on white); these are read, not glanced at.
const READABLE = { description: { color: 'var(--mantine-color-text)' } };

// The plugin reloads when the new worker takes control of this page, but a page opened before
// any worker existed is controlled by none, so no takeover ever comes: reload it ourselves.
async function reloadIntoNewVersion(update: (reload?: boolean) => Promise<void>) {
  await update(true);
  if (!navigator.serviceWorker?.controller) window.location.reload();
}

export function OfflineStatus() {
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

  // A class watching the projector, or a student voting, has no use for the offline news.
  const live = /^#\/(classroom|join)/.test(window.location.hash);
  if (!needRefresh && (!offlineReady || live)) return null;
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

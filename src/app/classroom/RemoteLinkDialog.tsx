// The facilitator's own phone as the remote. A room has two keys: the owner key, kept on the
// device that created the room and never put in a link, and the remote key, which the phone gets
// through a link the facilitator sends themself (or scans, with the projector out of the
// students' sight). The key travels after the '#': never to a server. A link that went astray is
// revoked from the owner's device by making a new one: the remote key changes on the server, every
// device holding the old one loses control, and the owner key keeps working.
import { Alert, Anchor, Button, CopyButton, Divider, Group, Modal, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'wouter';
import { useJoinBase } from './joinAddress.ts';
import { QrCode } from './QrCode.tsx';

/** The remote's address for a room, carrying its key; the remote page keeps the key and drops it from the address. */
function remoteUrl(base: string, code: string, secret: string): string {
  return `${base.endsWith('/') ? base : base + '/'}#/classroom/remote/${code}/${secret}`;
}

/** What a key in a remote link may look like (the ones Evoke makes are 48 hex digits). */
export function isRemoteKey(key: string | undefined): key is string {
  return key !== undefined && /^[A-Za-z0-9_-]{8,128}$/.test(key);
}

/** Where revoking the old link stands: asked, confirmed by the server, or refused (in the server's words). */
export type KeyChange = { status: 'idle' } | { status: 'sending' } | { status: 'done' } | { status: 'failed'; error: string };

interface Props {
  code: string;
  /** The remote key the link carries (never the owner key, except in rooms made before the two keys). */
  secret: string;
  /** This device holds the owner key: it alone may stop other remotes. */
  owner: boolean;
  /** A room made before the two keys: its links hold the owner key, so none can be stopped. */
  singleKey?: boolean;
  opened: boolean;
  onClose: () => void;
  /** Gives the room a new key, so every other device holding the old one loses control. */
  onNewLink: () => void;
  keyChange: KeyChange;
  /** Connected as the facilitator: a new link can be asked for. */
  ready: boolean;
}

export function RemoteLinkDialog({ code, secret, owner, singleKey = false, opened, onClose, onNewLink, keyChange, ready }: Props) {
  const base = useJoinBase();
  const url = remoteUrl(base, code, secret);
  const [showQr, setShowQr] = useState(false);
  const [showLink, setShowLink] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const close = () => {
    setShowQr(false);
    setShowLink(false);
    setConfirming(false);
    onClose();
  };
  return (
    <Modal opened={opened} onClose={close} title="Run the room from your phone" centered size="lg" closeButtonProps={{ 'aria-label': 'Close' }}>
      <Stack gap="sm">
        <Text>Open this link on your phone: it shows the facilitator's controls and the private counts, sized for a phone.</Text>
        <Alert color="orange" title="This link is the room's key">
          Anyone who opens it can run the room. Copy it and send it only to yourself; show the link or the QR code only where the class cannot see it.
        </Alert>
        <Group gap="xs">
          <CopyButton value={url}>
            {({ copied, copy }) => <Button onClick={copy}>{copied ? 'Copied' : 'Copy the link'}</Button>}
          </CopyButton>
          <Button variant="default" onClick={() => setShowLink((s) => !s)} aria-expanded={showLink}>
            {showLink ? 'Hide the link' : 'Show the link'}
          </Button>
          <Button variant="default" onClick={() => setShowQr((s) => !s)} aria-expanded={showQr}>
            {showQr ? 'Hide the QR code' : 'Show as a QR code'}
          </Button>
        </Group>
        {showLink && <TextInput label="Remote link" value={url} readOnly onFocus={(e) => e.currentTarget.select()} />}
        {showQr && <QrCode text={url} label="QR code of the remote link" size={220} />}
        <Anchor component={Link} href={`/classroom/remote/${code}`} size="sm">
          Or use this device as the remote
        </Anchor>
        <Divider my="xs" />
        {!owner && (
          <Text size="sm" c="dimmed" data-testid="not-owner-note">
            This device runs the room with the remote link. Only the device that created the room can stop other remotes and make a new link.
          </Text>
        )}
        {owner && singleKey && (
          <Text size="sm" c="dimmed" data-testid="single-key-note">
            This room was made before remote links could be stopped: every link to it holds this screen's own key. To stop a link that went astray, end this room and open a new one.
          </Text>
        )}
        {owner && !singleKey && (
          <section aria-labelledby="stop-remotes-title">
            <Stack gap="xs">
              <Title order={3} size="h5" id="stop-remotes-title">Stop other remotes</Title>
              <Text size="sm">If the link was seen or sent to the wrong person, make a new one: every phone or tab that opened the old link loses control at once, your own phone included. This device keeps control (its key is never in a link), and the class notices nothing.</Text>
              {keyChange.status === 'done' && (
                <Alert color="teal" role="status" data-testid="new-link-done">
                  Done: the old link no longer works. The link above is the new one; open it on your phone again.
                </Alert>
              )}
              {keyChange.status === 'failed' && (
                <Alert color="orange" role="alert">
                  The old link still works: {keyChange.error}
                </Alert>
              )}
              {confirming ? (
                <Group gap="xs">
                  <Button
                    color="red"
                    loading={keyChange.status === 'sending'}
                    disabled={!ready}
                    onClick={() => {
                      setConfirming(false);
                      onNewLink();
                    }}
                  >
                    Stop them and make a new link
                  </Button>
                  <Button variant="default" onClick={() => setConfirming(false)}>
                    Cancel
                  </Button>
                </Group>
              ) : (
                <Group>
                  <Button variant="light" color="red" loading={keyChange.status === 'sending'} disabled={!ready} onClick={() => setConfirming(true)}>
                    Stop other remotes…
                  </Button>
                </Group>
              )}
            </Stack>
          </section>
        )}
      </Stack>
    </Modal>
  );
}

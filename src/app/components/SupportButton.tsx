import { IconLifebuoy } from '@tabler/icons-react';
import { lazy, Suspense, useState } from 'react';
import { HeaderButton } from './HeaderButton.tsx';

const SupportDrawer = lazy(() => import('./SupportDrawer.tsx'));

export function SupportButton() {
  const [opened, setOpened] = useState(false);
  return (
    <>
      <HeaderButton icon={<IconLifebuoy size={18} aria-hidden />} label="Support" onClick={() => setOpened(true)} />
      {opened && (
        <Suspense fallback={null}>
          <SupportDrawer onClose={() => setOpened(false)} />
        </Suspense>
      )}
    </>
  );
}

import { Suspense } from 'react';
import { SettingsPage } from '../../views/settings.tsx';

export default function Page() {
  return (
    <Suspense>
      <SettingsPage />
    </Suspense>
  );
}

import { Suspense } from 'react';
import { FindingsPage } from '../../../../views/findings.tsx';

export default function Page() {
  return (
    <Suspense>
      <FindingsPage />
    </Suspense>
  );
}

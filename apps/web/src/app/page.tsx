import { Suspense } from 'react';
import { ExperimentsPage } from '../views/experiments.tsx';

export default function Page() {
  return (
    <Suspense>
      <ExperimentsPage />
    </Suspense>
  );
}

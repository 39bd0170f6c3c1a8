import { Suspense } from 'react';
import { ExperimentPage } from '../../../views/experiment.tsx';

export default function Page() {
  return (
    <Suspense>
      <ExperimentPage />
    </Suspense>
  );
}

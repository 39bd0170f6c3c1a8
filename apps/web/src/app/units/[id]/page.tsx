import { Suspense } from 'react';
import { UnitPage } from '../../../views/unit.tsx';

export default function Page() {
  return (
    <Suspense>
      <UnitPage />
    </Suspense>
  );
}

import { Suspense } from 'react';
import { PairPage } from '../../../../views/pair.tsx';

export default function Page() {
  return (
    <Suspense>
      <PairPage />
    </Suspense>
  );
}

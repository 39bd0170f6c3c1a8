import { Suspense } from 'react';
import { ComparePage } from '../../views/compare.tsx';

export default function Page() {
  return (
    <Suspense>
      <ComparePage />
    </Suspense>
  );
}

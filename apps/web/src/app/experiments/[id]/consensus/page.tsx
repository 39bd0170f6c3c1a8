import { Suspense } from 'react';
import { ConsensusPage } from '../../../../views/consensus.tsx';

export default function Page() {
  return (
    <Suspense>
      <ConsensusPage />
    </Suspense>
  );
}

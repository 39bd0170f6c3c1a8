import { SignInPage } from '../../views/sign-in.tsx';

export default function Page() {
  return <SignInPage />;
}

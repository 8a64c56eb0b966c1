import { render } from 'preact';
import { ProfileHeader } from '@/components/ProfileHeader';
import { hostOf } from '@/utils/api/origin';
import { sendMessage } from '@/utils/messaging';
import '@/assets/base.css';

const app = document.getElementById('app') as HTMLElement;
const result = await sendMessage('ui:getProfile', {});
render(
  result.ok ? (
    <ProfileHeader profile={result.value.profile} avatarUrl={null} host={hostOf(result.value.origin)} />
  ) : (
    <p role="alert">{result.error.message}</p>
  ),
  app,
);

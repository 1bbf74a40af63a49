import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { routeAnonymousToLogin } from './auth/anonymous-entry';
import { browserSession } from './auth/session';

const container = document.getElementById('root');
if (!container) throw new Error('Levier: #root element missing from index.html');

const session = browserSession();
void routeAnonymousToLogin(session, window).finally(() => {
  createRoot(container).render(
    <StrictMode>
      <App session={session} />
    </StrictMode>,
  );
});

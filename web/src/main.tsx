import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { restoreSession, takeTokenFromUrl } from './api/auth';
import { App } from './app';
import { applyStoredTheme } from './shell/theme';
import './styles/tokens.css';
import './styles/base.css';
import './styles/components.css';
import './styles/shell.css';

applyStoredTheme();
// The demo start-up message prints a link with #token=…: take it and clean the address, then ask
// the server who is signed in (that token, or the session cookie of a password sign-in).
takeTokenFromUrl();
void restoreSession();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

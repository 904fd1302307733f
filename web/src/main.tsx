import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { signInFromUrl } from './api/auth';
import { App } from './app';
import { applyStoredTheme } from './shell/theme';
import './styles/tokens.css';
import './styles/base.css';
import './styles/components.css';
import './styles/shell.css';

applyStoredTheme();
// The demo start-up message prints a link with #token=…: sign in with it and clean the address.
signInFromUrl();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import 'listen-player/define.js';
import 'listen-player/react';
import { App } from './app.js';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

// The events bubble out of the element and are typed on `document` and `window` too.
document.addEventListener('listen-progress', (event) => console.info('listened', event.detail.percent));
window.addEventListener('listen-error', (event) => console.info('error', event.detail.code));

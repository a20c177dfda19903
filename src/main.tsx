import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';
import './app/styles.css';
import { startDatabase } from './app/useDatabase.ts';

// The data engine starts before the first render; the map does not wait for it.
void startDatabase();

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';
import './app/styles.css';
import { allowDatabaseCompile, startDatabase } from './session/useDatabase.ts';

// The data engine starts downloading before the first render; the map does not
// wait for it, and it compiles once the map has drawn (or after 3 s regardless).
void startDatabase();
setTimeout(allowDatabaseCompile, 3000);

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

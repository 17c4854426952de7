import './zod-config.ts';
import { createRoot } from 'react-dom/client';
import { App } from './app.tsx';
import { i18nReady } from './i18n.ts';

const container = document.getElementById('root');
if (container === null) throw new Error('index.html has no #root element');
const root = container;
void i18nReady.then(() => createRoot(root).render(<App />));

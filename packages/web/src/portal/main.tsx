import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router-dom';
import { I18nProvider } from '../shared/i18n';
import { PortalApp } from './PortalApp';
import '../shared/base.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nProvider>
      <BrowserRouter basename="/portal">
        <PortalApp />
      </BrowserRouter>
    </I18nProvider>
  </StrictMode>,
);

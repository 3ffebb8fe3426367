import { lazy } from 'react';
import { Route, Routes } from 'react-router-dom';

// Each screen is its own chunk: the quality page brings ECharts, the others stay small.
const PhraseLibraryPage = lazy(() => import('./PhraseLibraryPage'));
const LexiconPage = lazy(() => import('./LexiconPage'));
const QualityPage = lazy(() => import('./QualityPage'));
const ConversationPage = lazy(() => import('./ConversationPage'));
const AppealsPage = lazy(() => import('./AppealsPage'));

/** The service-language screens under /language/ (issue #5). */
export default function LanguageRoutes() {
  return (
    <Routes>
      <Route path="phrases" element={<PhraseLibraryPage />} />
      <Route path="lexicon" element={<LexiconPage />} />
      <Route path="quality" element={<QualityPage />} />
      <Route path="quality/:id" element={<ConversationPage />} />
      <Route path="appeals" element={<AppealsPage />} />
      <Route path="*" element={<PhraseLibraryPage />} />
    </Routes>
  );
}

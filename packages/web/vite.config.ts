import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

// Two pages: the agent desk (index.html → `/`) and the customer portal
// (portal.html → `/portal`). React and ECharts get chunks of their own so a change
// in our code does not invalidate them, and ECharts loads only with the dashboard.
// Ant Design deliberately has no group: one antd chunk would put every component
// any lazy page uses into the first load (511 KB gzipped with the settings pages,
// over the 500 KB budget); left to the bundler, each page brings its own.
export default defineConfig({
  plugins: [react()],
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      input: {
        index: fileURLToPath(new URL('./index.html', import.meta.url)),
        portal: fileURLToPath(new URL('./portal.html', import.meta.url)),
      },
      output: {
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router|react-router-dom)[\\/]/, priority: 30 },
            { name: 'echarts', test: /node_modules[\\/](echarts|zrender)[\\/]/, priority: 20 },
          ],
        },
      },
    },
  },
  server: { proxy: { '/api': 'http://127.0.0.1:8080' } },
});

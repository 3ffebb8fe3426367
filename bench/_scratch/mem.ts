import { readFileSync } from 'node:fs';
const rss = () => readFileSync('/proc/self/status','utf8').match(/VmRSS:\s+(\d+)/)![1];
console.log('start', rss());
const st = await import('../../packages/server/src/search/search-text.js');
console.log('after search-text import', rss());
st.indexTokens(['电梯坏了'], []);
console.log('after first use', rss());
const app = await import('../../packages/server/src/app.js');
console.log('after app import', rss(), typeof app.buildApp);

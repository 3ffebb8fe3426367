import { register } from 'node:module';
register('data:text/javascript,' + encodeURIComponent(`export async function resolve(s, c, next) { const r = await next(s, c); if (s === '@huiyin/domain') console.error('RESOLVE', c.parentURL.split('/main/')[1], '->', r.url.split('/main/')[1]); return r; }`));

/**
 * What `/` shows until the agent desk (issue #4) is served there: enough for a
 * newcomer to know the service runs and where to go next.
 */
export const landingPage = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>回音 Huiyin</title>
<style>body{font-family:system-ui,"Noto Sans CJK SC",sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem;color:#1f2933;line-height:1.6}
h1{margin-bottom:.2rem}.motto{color:#52606d;margin-top:0}a{color:#1668dc}code{background:#f0f4f8;padding:.1rem .3rem;border-radius:3px}</style>
</head><body>
<h1>回音 Huiyin</h1>
<p class="motto">事事有结果，件件有回音 — every matter reaches a result, every request gets an answer.</p>
<p>服务已启动。接口文档：<a href="/api/docs">/api/docs</a>（OpenAPI：<a href="/api/openapi.json">/api/openapi.json</a>）。</p>
<p>The service is running. API documentation: <a href="/api/docs">/api/docs</a>. Log in with <code>POST /api/v1/auth/login</code>.</p>
<p>健康检查 Health: <a href="/healthz">/healthz</a> · <a href="/readyz">/readyz</a></p>
</body></html>`;

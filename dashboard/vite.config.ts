import { defineConfig } from 'vite';

// The dashboard talks only to the gateway; in development Vite proxies /api to it.
const gateway = process.env.PF_GATEWAY_URI ?? 'http://127.0.0.1:8080';

export default defineConfig({
  server: { port: 5173, proxy: { '/api': gateway } },
});

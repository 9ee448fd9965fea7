import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

export default defineConfig({
  root: "src/web",
  plugins: [react()],
  build: { outDir: "../../dist/web", emptyOutDir: true, chunkSizeWarningLimit: 1500 },
  server: {
    // The API goes to the server; the web's own modules under src/web/api/ (served as /api/*.ts
    // by `vite dev`, whose root is src/web) do not.
    proxy: {
      "^/api/(?!.*\\.tsx?(\\?|$))": "http://localhost:3000",
      "/healthz": "http://localhost:3000",
    },
  },
});

/// <reference types="vitest/config" />
import { defineConfig } from 'vitest/config';
import basicSsl from '@vitejs/plugin-basic-ssl';
import { playwright } from '@vitest/browser-playwright';
import { speechEnvironment } from './tests/setup/speech-env.js';

const speech = speechEnvironment();

export default defineConfig({
  // The demo is served over HTTPS (media keys, Media Session and speech behave as on a real site).
  plugins: process.env.VITEST ? [] : [basicSsl()],
  server: { host: 'localhost' },
  build: { target: 'es2022', sourcemap: true },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          globalSetup: ['tests/setup/global-speech.ts'],
          testTimeout: 60_000,
          browser: {
            enabled: true,
            headless: true,
            screenshotFailures: false,
            provider: playwright({
              launchOptions: {
                executablePath: speech.chromium,
                args: [
                  '--no-sandbox',
                  '--disable-gpu',
                  '--disable-background-networking',
                  '--disable-component-update',
                  '--disable-sync',
                  '--no-first-run',
                  '--autoplay-policy=no-user-gesture-required',
                  '--enable-speech-dispatcher',
                ],
                env: { ...process.env, ...speech.env },
              },
            }),
            instances: [{ browser: 'chromium' }],
          },
        },
      },
    ],
  },
});

import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // The CLI tests start real processes; a loaded CI machine needs more than the default 5 s.
    testTimeout: 30_000,
  },
})

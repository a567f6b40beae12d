import type { Page } from 'playwright-core'
import { expect } from 'vitest'

/**
 * Remembers the pages a test opens and the errors thrown in them; `closeAll` (after each test)
 * closes them and fails the test if any page threw.
 */
export function trackPageErrors() {
  const pages: { page: Page; errors: string[] }[] = []
  return {
    track(page: Page): Page {
      const entry = { page, errors: [] as string[] }
      pages.push(entry)
      page.on('pageerror', (error) => entry.errors.push(error.message))
      return page
    },
    async closeAll(): Promise<void> {
      const opened = pages.splice(0)
      await Promise.all(opened.map(({ page }) => page.close()))
      expect(opened.flatMap(({ errors }) => errors), 'errors thrown in the page').toEqual([])
    },
  }
}

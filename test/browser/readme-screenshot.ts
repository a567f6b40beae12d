/**
 * Makes playground/screenshot.png, the README's picture of the playground after one speech and
 * one transcription: `npx tsx test/browser/readme-screenshot.ts` (needs Chromium, see chromium.ts).
 */
import { execFile } from 'node:child_process'
import { stat } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { emulatorInfo } from '../../playground/server/models.ts'
import { startPlaygroundServer } from '../../playground/server/server.ts'
import { emulatorUpstream } from '../../playground/server/upstreams.ts'
import { DEFAULT_CONFIG, startEmulator } from '../emulator/index.ts'
import { launchChromium } from './chromium.ts'

const OUTPUT = fileURLToPath(new URL('../../playground/screenshot.png', import.meta.url))

const emulator = await startEmulator()
const server = await startPlaygroundServer({ upstream: emulatorUpstream(emulator), pages: 'vite', info: () => emulatorInfo(DEFAULT_CONFIG) })
const chromium = await launchChromium()
try {
  const page = await chromium.context.newPage()
  await page.setViewportSize({ width: 1200, height: 1000 })
  await page.goto(server.url)
  await page.getByTestId('speak').click()
  await page.waitForFunction(() => (document.querySelector<HTMLAudioElement>('[data-testid=speech-audio]')?.duration ?? 0) > 0)
  // The hook plays the clip itself (play: 'stream'); stop it, keeping the clip for replay.
  const stop = page.getByTestId('speech-stop')
  if (await stop.isVisible()) await stop.click()
  await page.getByTestId('transcribe-clip').click()
  await page.getByTestId('transcript').waitFor()
  await page.mouse.move(0, 0)
  await page.waitForTimeout(500) // the progress bar's last transition
  const height = await page.evaluate(() => {
    window.scrollTo(0, 0)
    return Math.ceil(document.querySelector('.cards')!.getBoundingClientRect().bottom + 28)
  })
  await page.screenshot({ path: OUTPUT, clip: { x: 0, y: 0, width: 1200, height }, fullPage: true })
  // 256 colours keep a UI screenshot sharp at a third of the size (Debian: apt-get install pngquant).
  await promisify(execFile)('pngquant', ['--quality', '80-95', '--speed', '1', '--force', '--output', OUTPUT, OUTPUT])
    .catch(() => console.warn('pngquant is not installed: the screenshot stays uncompressed'))
  console.log(`wrote ${OUTPUT} (${Math.round((await stat(OUTPUT)).size / 1024)} KB)`)
} finally {
  await chromium.close()
  await server.close()
  await emulator.close()
}

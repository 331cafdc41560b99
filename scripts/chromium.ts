/** Debian's Chromium as the tests and fixture scripts start it (see the env notes: the network is closed). */
import { type Browser, chromium } from 'playwright-core'

/** Where Debian's `chromium` package installs the browser. */
export const CHROMIUM = '/usr/bin/chromium'

// Without the background-networking flags, Chromium keeps dialling Google's hosts on this closed network.
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

/** Start headless Chromium from /usr/bin/chromium, never a downloaded browser. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: ARGS })
}

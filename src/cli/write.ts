/** Atomic output: a reader sees the old file or the new one, never half of one. */
import { rmSync } from 'node:fs'
import { open, rename, rm } from 'node:fs/promises'
import { tempBeside } from '../temp.js'

// Temporary files being written now, so an interrupt can remove them.
const pending = new Set<string>()

/** Write `content` to `file` through a temporary file in the same folder, then rename it over `file`. */
export async function writeFileAtomic(file: string, content: string | Uint8Array): Promise<void> {
  // Same folder, so the rename stays on one file system and is atomic; the dot hides it from listings.
  const temp = tempBeside(file, { hidden: true })
  pending.add(temp)
  try {
    await writeAndSync(temp, content)
    await rename(temp, file)
  } catch (error) {
    await rm(temp, { force: true })
    throw error
  } finally {
    pending.delete(temp)
  }
}

async function writeAndSync(file: string, content: string | Uint8Array): Promise<void> {
  const handle = await open(file, 'wx')
  try {
    await handle.writeFile(content)
    // Flush before the rename so a power cut cannot leave an empty file under the final name.
    await handle.sync()
  } finally {
    await handle.close()
  }
}

/** Remove the temporary files of writes still in progress (on Ctrl-C); synchronous because the process is exiting. */
export function removePendingTemps(): void {
  for (const temp of pending) rmSync(temp, { force: true })
  pending.clear()
}

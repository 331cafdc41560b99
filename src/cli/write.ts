/** Atomic output: a reader sees the old file or the new one, never half of one. */
import { rmSync } from 'node:fs'
import { type FileHandle, open, rename, rm } from 'node:fs/promises'
import { tempBeside } from '../temp.js'

// Temporary files being written now, so an interrupt can remove them.
const pending = new Set<string>()

/** What `writeFileAtomic` writes: text, bytes, or pieces of bytes one after the other. */
export type Content = string | Uint8Array | readonly Uint8Array[]

/** Write `content` to `file` through a temporary file in the same folder, then rename it over `file`. */
export async function writeFileAtomic(file: string, content: Content): Promise<void> {
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

async function writeAndSync(file: string, content: Content): Promise<void> {
  const handle = await open(file, 'wx')
  try {
    if (typeof content === 'string' || content instanceof Uint8Array) await handle.writeFile(content)
    else await writePieces(handle, content)
    // Flush before the rename so a power cut cannot leave an empty file under the final name.
    await handle.sync()
  } finally {
    await handle.close()
  }
}

// One call for all the pieces, without first copying them into one buffer; a short write (which writev
// may make, and does not retry) goes on with the bytes not yet written.
async function writePieces(handle: FileHandle, pieces: readonly Uint8Array[]): Promise<void> {
  const total = pieces.reduce((sum, piece) => sum + piece.byteLength, 0)
  const { bytesWritten } = await handle.writev(pieces)
  if (bytesWritten < total) await handle.writeFile(Buffer.concat(pieces).subarray(bytesWritten))
}

/** Remove the temporary files of writes still in progress (on Ctrl-C); synchronous because the process is exiting. */
export function removePendingTemps(): void {
  for (const temp of pending) rmSync(temp, { force: true })
  pending.clear()
}

/** A progress bar on stderr for people at a terminal; nothing at all for pipes and CI logs. */
import cliProgress from 'cli-progress'

/** What the extract command tells the bar. */
export interface Progress {
  /** One more file is done. */
  tick(file: string, ok: boolean): void
  /** Remove the bar before the summary is printed. */
  stop(): void
}

const SILENT: Progress = { tick() {}, stop() {} }

/** A bar when `enabled` (stderr is a terminal), otherwise a progress that prints nothing. */
export function createProgress(total: number, enabled: boolean): Progress {
  if (!enabled) return SILENT
  const bar = new cliProgress.SingleBar(
    {
      stream: process.stderr,
      format: 'kh extract {bar} {value}/{total} files | {failed} failed | {file}',
      clearOnComplete: true,
    },
    cliProgress.Presets.shades_classic,
  )
  let failed = 0
  bar.start(total, 0, { failed, file: '' })
  return {
    tick(file, ok) {
      if (!ok) failed++
      bar.increment(1, { failed, file })
    },
    stop() {
      bar.stop()
    },
  }
}

#!/usr/bin/env node
/** The `kh` command: arguments, help and exit codes; the work is in extract-command.ts. */
import { existsSync, readFileSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { setFlagsFromString } from 'node:v8'
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander'
import { checkHelp } from '../check/help.js'
import { DEFAULT_OUTPUT, INPUT_EXTENSIONS } from './discover.js'
import { reasonOf, stackOf, UsageError } from './errors.js'
import { REGEXP_FLAG } from './v8-flags.js'
import { removePendingTemps } from './write.js'

const EXIT_FAILED = 1
const EXIT_USAGE = 2

// Patterns compiled on their first run, for the whole process (v8-flags.ts).
setFlagsFromString(REGEXP_FLAG)

const EXTRACT_HELP = `
Output:
  Each input becomes <dir>/<file name without extension>.json, written atomically.
  Inputs that share a name are written under their path instead
  (a/plan.txt → a--plan.txt.json), so none overwrites another.
  With --ndjson, each plan is one line on stdout, in input order, and files
  are written only when -o is given too. Problems and the summary go to stderr.

Cache:
  Plans are kept in <dir>/.kh-cache (or --cache-dir), keyed by the file's
  content and the version of kh: a re-run extracts only files that changed
  and says how many it reused. A file whose size and times, and whose
  output's, are as the last run left them is not even read (files.index in
  the cache folder). --force extracts everything again; --no-cache neither
  reads nor writes it. With --ndjson and no -o, only --cache-dir turns it on.

Limits:
  Each file is extracted on one of --jobs worker threads (never more than one
  for every 8 files). Without -j, a batch gets one thread a core, but under
  250 files a core one core is left free for V8's compiler and the writes:
  a new thread runs its first plans slowly while their code is compiled (on
  2 cores, 200 files are done sooner on one thread than on two). A file
  larger than --max-size, or still running after --timeout (its thread is
  then stopped and replaced), fails with the limit named; the batch goes on.

Exit status:
  0 every file succeeded, 1 some file failed, 2 usage error.

Examples:
  $ kh extract corpus -o out
  $ kh extract plan.pdf --pretty
  $ kh extract corpus --ndjson | jq -c '.meta.title'`

const DIFF_HELP = `
Each argument is a source document (anything \`kh extract\` reads) or a plan
already extracted to JSON (.json). The child is the lower-level plan (a
district's), the parent the plan it implements (its province's).

The report pairs items by content, not by number: removed (in the parent
only: what the child dropped) come first, then added, changed and same, each
with its source line. text is coloured only when stdout is a terminal and
NO_COLOR is unset; html is one self-contained file with filters; json follows
schemas/diff.ts.

Exit status:
  0 done, 1 an input could not be read or extracted, or the output not written,
  2 usage error.

Examples:
  $ kh diff corpus/003_e34268d9a63c9a71.txt corpus/000_9dd6dbdf273703a0.txt
  $ kh diff district.pdf out/province.json --format html -o diff.html
  $ kh diff district.json province.json --format json | jq '.summary'`

const EXPORT_HELP = `
Each path is output of \`kh extract\`: a .json plan, an .ndjson or .jsonl
stream (one plan a line, as \`kh extract --ndjson\` prints), or a folder
searched for them (dot-files skipped). Every plan is validated first; a file
that is not a plan gets one line on stderr and the others still export.

--sqlite writes one table per fact kind: plans, sections, items, criteria,
quotas, phases, deadlines, assignments, tasks, agencies, references. Every row
has plan_id (a foreign key to plans), source_path and line, and a lower-case
ASCII search column, so LIKE '%dao tao%' finds "Đào tạo". Exporting a plan
again replaces its rows; the database's other plans stay.
--csv writes the same tables as <dir>/<table>.csv (UTF-8 with a BOM, a
header row, CRLF), replacing the folder's files with this run's plans.

Exit status:
  0 every plan exported, 1 a file was not a plan or an output was not written,
  2 usage error (no --sqlite or --csv, nothing to export).

Examples:
  $ kh extract corpus -o out && kh export out --sqlite plans.sqlite
  $ kh export out --sqlite plans.sqlite --csv csv
  $ kh extract corpus --ndjson > plans.ndjson && kh export plans.ndjson --csv csv
  $ sqlite3 plans.sqlite "SELECT source_path, line, text FROM deadlines WHERE due_month = 12"`

/** The `kh` program with its commands. */
function createProgram(): Command {
  const program = new Command('kh')
    .description('Turn Vietnamese government plan documents (Kế hoạch …/KH-UBND) into JSON.')
    .version(packageVersion())
    .showHelpAfterError('(add --help for usage)')
    // Throw instead of exiting, so every usage error leaves with code 2.
    .exitOverride()
  program
    .command('extract')
    .description('extract plans from files and folders into JSON')
    .argument('<paths...>', `files or folders (searched for ${INPUT_EXTENSIONS.join(' ')})`)
    .option('-o, --output <dir>', `output folder (default: ${DEFAULT_OUTPUT}; with --ndjson: none)`)
    .option(
      '-j, --jobs <n>',
      `worker threads extracting files at the same time (default: automatic, at most ${availableParallelism()}, the cores)`,
      positiveInteger,
    )
    .option('--max-size <MB>', 'fail a file larger than this, without reading it', positiveNumber, 50)
    .option('--timeout <seconds>', 'fail a file still being extracted after this long', positiveNumber, 60)
    .option('--cache-dir <dir>', 'keep cached plans here (default: <output>/.kh-cache)')
    .option('--no-cache', 'neither read nor write cached plans')
    .option('--force', 'extract every file again, even if cached (the cache is refreshed)')
    .option('--ndjson', 'print one JSON plan per line on stdout; write files only with -o')
    .option('--pretty', 'indent the JSON files (NDJSON lines stay one line)')
    .option('--verbose', 'list every warning as file:line  warning  message  code')
    .option('--debug', 'print stack traces of failures')
    .addHelpText('after', EXTRACT_HELP)
    .action(async (paths: string[], options) => {
      // Loaded on use, so `--help`, `--version` and usage errors answer without loading the parsers.
      const { runExtract } = await import('./extract-command.js')
      process.exitCode = await runExtract(paths, options, packageVersion())
    })
  program
    .command('diff')
    .description('compare a lower-level plan (child) with the plan it implements (parent)')
    .argument('<child>', 'the lower-level plan: a source document or an extracted .json')
    .argument('<parent>', 'the plan it implements: a source document or an extracted .json')
    .addOption(
      new Option('-f, --format <format>', 'report format').choices(['text', 'json', 'html']).default('text'),
    )
    .option('-o, --output <file>', 'write the report to this file (atomically) instead of stdout')
    .addHelpText('after', DIFF_HELP)
    .action(async (child: string, parent: string, options) => {
      const { runDiffCommand } = await import('../diff/command.js')
      process.exitCode = await runDiffCommand(child, parent, options)
    })
  program
    .command('export')
    .description('write extracted plans into a SQLite database and/or CSV files, for other tools')
    .argument(
      '<paths...>',
      'plans written by `kh extract`: .json, .ndjson or .jsonl files, or folders of them',
    )
    .option('--sqlite <file>', 'write into this SQLite database (created when missing)')
    .option('--csv <dir>', 'write one CSV file per table into this folder')
    .option('--debug', 'print stack traces of failures')
    .addHelpText('after', EXPORT_HELP)
    .action(async (paths: string[], options) => {
      const { runExport } = await import('./export-command.js')
      process.exitCode = await runExport(paths, options)
    })
  program
    .command('check')
    .description(
      'lint plans while drafting: blank number or date, broken numbering, dangling references, undated reports, agencies without tasks',
    )
    .argument('<files...>', `plan documents or folders (searched for ${INPUT_EXTENSIONS.join(' ')})`)
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
    .option('--final', 'the plan is about to be issued: a blank number or date is an error')
    .option('-q, --quiet', 'list errors only')
    .addHelpText('after', checkHelp())
    .action(async (files: string[], options) => {
      const { runCheck } = await import('../check/command.js')
      process.exitCode = await runCheck(files, options)
    })
  return program
}

function positiveNumber(value: string): number {
  const n = Number(value)
  if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError('expected a number greater than 0.')
  return n
}

function positiveInteger(value: string): number {
  const n = Number(value)
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a whole number of at least 1.')
  return n
}

// The version of the package this file belongs to, from src/cli/ or dist/src/cli/ alike.
function packageVersion(): string {
  for (let dir = dirname(fileURLToPath(import.meta.url)); dir !== dirname(dir); dir = dirname(dir)) {
    const file = join(dir, 'package.json')
    if (existsSync(file)) return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version
  }
  return '0.0.0'
}

/** Parse the arguments, run, and turn every outcome into an exit code. */
async function main(argv: readonly string[]): Promise<void> {
  try {
    await createProgram().parseAsync(argv)
  } catch (error) {
    process.exitCode = exitCodeOf(error, argv.includes('--debug'))
  }
}

function exitCodeOf(error: unknown, debug: boolean): number {
  // Commander has already printed its message (or the help).
  if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : EXIT_USAGE
  if (error instanceof UsageError) {
    process.stderr.write(`kh: ${error.message}\n(add --help for usage)\n`)
    return EXIT_USAGE
  }
  process.stderr.write(`kh: ${reasonOf(error)}\n`)
  process.stderr.write(debug ? `${stackOf(error)}\n` : '(rerun with --debug for the stack trace)\n')
  return EXIT_FAILED
}

// Ctrl-C: leave no temporary file behind; finished outputs are complete and stay.
function onSignal(signal: NodeJS.Signals, code: number): void {
  process.once(signal, () => {
    removePendingTemps()
    process.stderr.write(`\nkh: interrupted\n`)
    process.exit(code)
  })
}

// A reader that stops early (`| head`) is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error
  removePendingTemps()
  process.exit(process.exitCode ?? 0)
})
onSignal('SIGINT', 130)
onSignal('SIGTERM', 143)
await main(process.argv)

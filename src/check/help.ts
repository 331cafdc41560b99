/** The text after `kh check --help`: every rule with its severity, from the table, then exit status and examples. */
import { CHECK_CODES } from './severities.js'

const WIDTH = 80

/** Words wrapped to `width` columns, every line after `indent` spaces. */
function wrap(text: string, indent: number, width = WIDTH): string[] {
  const lines: string[] = []
  let line = ''
  for (const word of text.split(/\s+/u)) {
    if (line && indent + line.length + 1 + word.length > width) {
      lines.push(line)
      line = word
    } else line = line ? `${line} ${word}` : word
  }
  if (line) lines.push(line)
  return lines.map((l) => `${' '.repeat(indent)}${l}`)
}

/** The rules as `--help` lists them: code and severity, then what it finds, indented. */
export function rulesHelp(): string {
  return CHECK_CODES.map((c) => {
    const severity = c.draft === c.final ? c.draft : `${c.draft}; ${c.final} with --final`
    return [`  ${c.code} (${severity})`, ...wrap(c.about, 6)].join('\n')
  }).join('\n')
}

/** Everything `kh check --help` prints after the options. */
export function checkHelp(): string {
  return `
Each finding is one line on stdout, sorted by line:
  file:line:column  severity  message  code
(column 1 when the words cannot be found on the line; line 1 for the file as
a whole). The summary ("2 files: 1 error, 6 warnings") goes to stderr.
Folders are searched like \`kh extract\` does.

Rules:
${rulesHelp()}

Exit status:
  0 no errors (warnings only, or nothing), 1 some error (or a file could not
  be read or extracted), 2 usage error.

Examples:
  $ kh check corpus/*.txt
  $ kh check plan.docx --final --quiet
  $ kh check corpus --format json | jq '.[] | select(.severity == "error")'`
}

/** "1 file", "2 files": a count and its English noun, for summary lines. */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`
}

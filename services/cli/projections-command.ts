/** Being built. */
export async function projectionsCommand(_args: string[]): Promise<number> {
  process.stderr.write('not built yet\n');
  return 2;
}

/** Being built. */
export async function generateCommand(_args: string[]): Promise<number> {
  process.stderr.write('not built yet\n');
  return 2;
}

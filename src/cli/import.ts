export async function runImport(_argv: string[]): Promise<number> {
  return 2;
}

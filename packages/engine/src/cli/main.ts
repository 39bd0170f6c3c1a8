/**
 * `convergent` command-line entry. Subcommands live in their own files in this folder and are
 * registered here; `main` returns the exit code and never throws for user errors.
 */
export async function main(argv: string[]): Promise<number> {
  const [command] = argv;
  process.stderr.write(`convergent: unknown command ${command ?? '(none)'}\n`);
  return 2;
}

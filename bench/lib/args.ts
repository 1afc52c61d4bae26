/** `--name=value` and `--flag` options of a benchmark; a value may itself hold `=` (a query string). */
export function benchArgs(argv = process.argv.slice(2)): Map<string, string> {
  return new Map(
    argv.map((arg) => {
      const option = arg.replace(/^--/, '');
      const equals = option.indexOf('=');
      return equals < 0 ? [option, ''] : [option.slice(0, equals), option.slice(equals + 1)];
    }),
  );
}

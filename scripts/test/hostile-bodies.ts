/**
 * Request bodies attackers send, built to an exact size without holding more than the body itself:
 * nesting millions deep, millions of tiny values, one huge string, form fields, multipart, bytes.
 * Shared by the hostile-input tests (e2e/api/hostile-bodies.spec.ts) and bench:hostile.
 */
export const bodyShapes = ['deep-arrays', 'deep-objects', 'many-objects', 'long-string', 'form', 'multipart', 'bytes'] as const;
export type BodyShape = (typeof bodyShapes)[number];

export const sizeClasses = { '1 KB': 1_024, '64 KB': 65_536, '1 MB': 1_048_576, '4 MB': 4_194_304, '20 MB': 20_971_520 } as const;
export type SizeClass = keyof typeof sizeClasses;

/** A body of about `bytes` bytes in `shape` (JSON shapes put the attack in the field `name`). */
export function hostileBody(shape: BodyShape, bytes: number): Buffer {
  const inner = (prefix: string, suffix: string, fill: (room: number) => Buffer) =>
    Buffer.concat([Buffer.from(prefix), fill(Math.max(0, bytes - prefix.length - suffix.length)), Buffer.from(suffix)]);
  switch (shape) {
    case 'deep-arrays':
      return inner('{"name":', ',"email":"a@example.test","password":"x"}', (room) => {
        const depth = Math.max(1, Math.floor(room / 2));
        return Buffer.concat([Buffer.alloc(depth, '['), Buffer.alloc(depth, ']')]);
      });
    case 'deep-objects':
      return inner('{"name":', '}', (room) => {
        const depth = Math.max(1, Math.floor(room / 6));
        return Buffer.concat([Buffer.from('{"a":'.repeat(depth)), Buffer.from('1'), Buffer.alloc(depth, '}')]);
      });
    case 'many-objects':
      return inner('{"name":[', '],"email":"a@example.test","password":"x"}', (room) => {
        const count = Math.max(1, Math.floor(room / 3));
        const items = Buffer.from('{},'.repeat(count));
        return items.subarray(0, items.length - 1);
      });
    case 'long-string':
      return inner('{"name":"', '","email":"a@example.test","password":"x"}', (room) => Buffer.alloc(room, 'a'));
    case 'form':
      return inner('email=a%40example.test&password=x&name=', '', (room) => Buffer.alloc(room, 'a'));
    case 'multipart':
      return inner(
        '--b\r\nContent-Disposition: form-data; name="email"\r\n\r\na@example.test\r\n--b\r\nContent-Disposition: form-data; name="name"\r\n\r\n',
        '\r\n--b--\r\n',
        (room) => Buffer.alloc(room, 'a'),
      );
    case 'bytes':
      return Buffer.alloc(bytes, 0xff);
  }
}

/** The Content-Type an attacker would pair with a shape (or any other: the pairing is the attacker's). */
export const contentTypes = [
  'application/json',
  'application/ld+json',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=b',
  'text/plain',
  'application/octet-stream',
  '',
] as const;

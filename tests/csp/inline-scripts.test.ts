import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { inlineScriptHashes, inlineScripts, scriptHashSource } from '@/lib/csp/inline-scripts';

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

describe('inline scripts of an HTML page', () => {
  it('finds the scripts a browser runs inline, in order, and skips files and data blocks', () => {
    const html = [
      '<!DOCTYPE html><html><head>',
      '<script src="/_next/static/chunks/a.js" async="" integrity="sha256-x"></script>',
      '<script id="_R_">(globalThis.TURBOPACK ||= []).push(1)</script>',
      '<script type="application/ld+json">{"@type":"Article"}</script>',
      '<script type="module">import("/m.js")</script>',
      '<SCRIPT TYPE="text/javascript">upper()</SCRIPT>',
      '</head><body><script>self.__next_f.push([1,"a\\u003c/script>b"])</script>',
      '<script></script></body></html>',
    ].join('');
    expect(inlineScripts(html).map((script) => script.text)).toEqual([
      '(globalThis.TURBOPACK ||= []).push(1)',
      'import("/m.js")',
      'upper()',
      'self.__next_f.push([1,"a\\u003c/script>b"])',
      '',
    ]);
  });

  it('reads nonces, and attributes that hold ">" or no quotes', () => {
    const html = `<script nonce="abc+/=" data-x="a>b">one()</script><script nonce=xyz>two()</script><script data-src='x'>three()</script>`;
    expect(inlineScripts(html)).toEqual([
      { nonce: 'abc+/=', text: 'one()' },
      { nonce: 'xyz', text: 'two()' },
      { nonce: undefined, text: 'three()' },
    ]);
  });

  it('hashes the text as the browser does: UTF-8, line breaks normalised by the parser', () => {
    expect(scriptHashSource('alert(1)')).toBe(sha256('alert(1)'));
    expect(scriptHashSource('中文')).toBe(sha256('中文'));
    // Known value: the CSP spec's example, sha256 of `alert('Hello, world.');`.
    expect(scriptHashSource("alert('Hello, world.');")).toBe("'sha256-qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng='");
    expect(inlineScripts('<script>a()\r\nb()\rc()</script>')[0].text).toBe('a()\nb()\nc()');
  });

  it('lists each distinct hash once', () => {
    expect(inlineScriptHashes('<script>x()</script><script src="f.js"></script><script>x()</script><script>y()</script>')).toEqual([
      sha256('x()'),
      sha256('y()'),
    ]);
  });
});

// The W3C Web Annotation Protocol (https://www.w3.org/TR/annotation-protocol/), one test per MUST or
// SHOULD statement, named after it as the W3C's own test suite names them
// (web-platform-tests, annotation-protocol/server). Which SHOULDs are not met, and why: docs/api.md.
import { webAnnotationProblems } from '../../tests/exchange/web-annotation-model';
import { createNote, expect, slug, test } from './api-fixtures';
import { annoContext, annoType, containerPath, ldp, linkTargets, pathOf, postAnnotation, webAnnotation } from './w3c-support';

test.describe('containers', () => {
  test('Container MUST end in a "/" character (and pages link it that way)', async ({ anonymous, baseURL }) => {
    const page = await anonymous.get(`/zh/articles/${slug}`);
    const [service] = linkTargets(page.headers()['link'], 'http://www.w3.org/ns/oa#annotationService');
    expect(service).toBe(containerPath);
    const html = await page.text();
    expect(html).toContain(`<link rel="http://www.w3.org/ns/oa#annotationService" href="${containerPath}"/>`);
    expect(html.indexOf('annotationService')).toBeLessThan(html.indexOf('</head>'));
    const container = await anonymous.get(containerPath, { maxRedirects: 0 });
    expect(container.status()).toBe(200);
    expect((await container.json()).id).toBe(`${baseURL}${containerPath}`);
  });

  test('Containers MUST support GET, HEAD and OPTIONS (Allow on GET), and POST', async ({ anonymous }) => {
    const allow = (await anonymous.get(containerPath)).headers()['allow'].split(/,\s*/);
    expect(allow).toEqual(expect.arrayContaining(['GET', 'HEAD', 'OPTIONS', 'POST']));
  });

  test('Containers MUST support HEAD method', async ({ anonymous }) => {
    const head = await anonymous.head(containerPath);
    expect(head.status()).toBe(200);
    expect(head.headers()['etag']).toBeTruthy();
    expect(await head.text()).toBe('');
  });

  test('Containers MUST support OPTIONS method (with Accept-Post)', async ({ anonymous }) => {
    const options = await anonymous.fetch(containerPath, { method: 'OPTIONS' });
    expect(options.status()).toBe(200);
    expect(options.headers()['allow']).toContain('POST');
    expect(options.headers()['accept-post']).toBe(annoType);
  });

  test('Containers MUST have a Content-Type header with the application/ld+json media type (SHOULD: with the anno profile)', async ({
    anonymous,
  }) => {
    expect((await anonymous.get(containerPath)).headers()['content-type']).toBe(annoType);
  });

  test('Containers MUST respond with the JSON-LD representation by default, and plain JSON only when that is all a client accepts', async ({
    anonymous,
  }) => {
    expect((await anonymous.get(containerPath, { headers: { Accept: '*/*' } })).headers()['content-type']).toBe(annoType);
    expect((await anonymous.get(containerPath, { headers: { Accept: 'application/json' } })).headers()['content-type']).toContain(
      'application/json',
    );
    const html = await anonymous.get(containerPath, { headers: { Accept: 'text/html' } });
    expect(html.status()).toBe(406);
  });

  test('Containers MUST return a description of the container with BasicContainer and AnnotationCollection', async ({
    anonymous,
    newReader,
  }) => {
    await createNote(await newReader(), 'zh', '英伟达', { visibility: 'shared' });
    const description = await (await anonymous.get(containerPath)).json();
    expect(description.type).toEqual(expect.arrayContaining(['BasicContainer', 'AnnotationCollection']));
    expect(description['@context']).toContain(annoContext);
    expect(webAnnotationProblems(description)).toEqual([]);
  });

  test('Containers MUST advertise their type and the protocol’s constraints in a Link header (rfc5988) on all responses', async ({
    anonymous,
  }) => {
    for (const answer of [await anonymous.get(containerPath), await anonymous.post(containerPath, { data: {} })]) {
      const link = answer.headers()['link'];
      expect(linkTargets(link, `${ldp}constrainedBy`)).toEqual(['http://www.w3.org/TR/annotation-protocol/']);
    }
    const types = linkTargets((await anonymous.get(containerPath)).headers()['link'], 'type');
    expect(types).toContain(`${ldp}BasicContainer`);
  });

  test('Containers MUST have an ETag header and a Vary header with Accept (SHOULD: and Prefer); a matching If-None-Match gets 304', async ({
    anonymous,
  }) => {
    const first = await anonymous.get(containerPath, {
      headers: { Prefer: `return=representation;include="${ldp}PreferMinimalContainer"` },
    });
    const etag = first.headers()['etag'];
    expect(etag).toBeTruthy();
    expect(first.headers()['vary']).toMatch(/Accept/);
    expect(first.headers()['vary']).toMatch(/Prefer/);
    await expect
      .poll(async () => {
        const again = await anonymous.get(containerPath, {
          headers: { Prefer: `return=representation;include="${ldp}PreferMinimalContainer"`, 'If-None-Match': etag },
        });
        return again.status();
      })
      .toBe(304);
  });

  test('Containers MUST include a Content-Location header with the IRI as its value, matching its id', async ({ anonymous }) => {
    const answer = await anonymous.get(containerPath);
    expect(answer.headers()['content-location']).toBe((await answer.json()).id);
  });

  test('SHOULD include total, first and last; with PreferMinimalContainer, neither items nor ldp:contains, and no Prefer header back', async ({
    anonymous,
    newReader,
  }) => {
    await createNote(await newReader(), 'en', 'Nvidia', { visibility: 'shared' });
    const answer = await anonymous.get(containerPath, {
      headers: { Prefer: `return=representation;include="${ldp}PreferMinimalContainer"` },
    });
    const description = await answer.json();
    expect(description.total).toBeGreaterThan(0);
    expect(typeof description.first).toBe('string');
    expect(typeof description.last).toBe('string');
    expect(JSON.stringify(description)).not.toMatch(/"items"|ldp:contains/);
    expect(answer.headers()['prefer']).toBeUndefined();
    expect(answer.headers()['preference-applied']).toBe('return=representation');
  });

  test('PreferContainedIRIs: the first page lists the annotations by IRI; PreferContainedDescriptions (the default): in full', async ({
    anonymous,
    newReader,
    baseURL,
  }) => {
    await createNote(await newReader(), 'zh', '英伟达', { visibility: 'shared' });
    const iris = await (
      await anonymous.get(`${containerPath}?limit=3`, {
        headers: { Prefer: 'return=representation;include="http://www.w3.org/ns/oa#PreferContainedIRIs"' },
      })
    ).json();
    expect(iris.first.items.length).toBeGreaterThan(0);
    for (const item of iris.first.items) expect(item).toMatch(new RegExp(`^${baseURL}${containerPath}[0-9a-f-]+$`));
    expect(iris.first.id).toContain('iris=1');
    const full = await (await anonymous.get(`${containerPath}?limit=3`)).json();
    for (const item of full.first.items) expect(item['@context']).toContain(annoContext);
  });

  test('Annotation Pages MUST link the container (partOf), the next page (unless the last) and the previous page (unless the first)', async ({
    anonymous,
    newReader,
  }) => {
    const reader = await newReader();
    for (const phrase of ['英伟达', '算力', 'DeepSeek']) await createNote(reader, 'zh', phrase, { visibility: 'shared' });
    const description = await (await anonymous.get(`${containerPath}?limit=2`)).json();
    const first = description.first;
    expect(first.partOf.id).toBe(description.id);
    expect(first.prev).toBeUndefined();
    expect(first.next).toBeTruthy();
    const second = await (await anonymous.get(pathOf(first.next))).json();
    expect(second.type).toBe('AnnotationPage');
    expect(second.partOf.id).toBe(description.id);
    expect(second.prev).toBeTruthy();
    expect(webAnnotationProblems(second)).toEqual([]);
    const last = await (await anonymous.get(pathOf(description.last))).json();
    expect(last.next).toBeUndefined();
    expect(last.prev).toBeTruthy();
    expect(last.items.length).toBeGreaterThan(0);
  });

  test('pages stay stable while others write: walking back from the last page meets each note once', async ({ newReader }) => {
    const reader = await newReader();
    const mine: string[] = [];
    for (const phrase of ['英伟达', '算力', 'DeepSeek', '推理']) mine.push((await createNote(reader, 'zh', phrase)).id);
    const other = await newReader();
    const seen: string[] = [];
    let page = await (await reader.api.get(`${containerPath}?page=last&limit=2&iris=1`)).json();
    while (mine.some((id) => !seen.some((iri) => iri.endsWith(id)))) {
      seen.unshift(...page.items);
      // Someone writes between every two pages.
      await createNote(other, 'en', 'Nvidia', { visibility: 'shared' });
      expect(page.prev, 'pages before the last').toBeTruthy();
      page = await (await reader.api.get(pathOf(page.prev))).json();
    }
    expect(new Set(seen).size).toBe(seen.length);
    const order = mine.map((id) => seen.findIndex((iri) => iri.endsWith(id)));
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  test('a page after a note deleted since, with nothing after it, is a 404 (a page holds at least one annotation)', async ({
    newReader,
  }) => {
    const reader = await newReader();
    const note = await createNote(reader, 'zh', '英伟达');
    const last = await (await reader.api.get(`${containerPath}?page=last&limit=1`)).json();
    expect(last.items[0].id.endsWith(note.id)).toBe(true);
    const after = `${containerPath}?after=${encodeURIComponent(`${new Date(note.createdAt).getTime()}_${note.id}`)}&limit=1`;
    expect((await reader.api.delete(`/api/annotations/${note.id}`)).status()).toBe(204);
    // Others may have written after it meanwhile: then the page holds theirs; else it is gone.
    const answer = await reader.api.get(after);
    if (answer.status() === 200) expect((await answer.json()).items.length).toBeGreaterThan(0);
    else expect(answer.status()).toBe(404);
  });

  test('a page asked for with a malformed cursor or size is a 400 naming it', async ({ anonymous }) => {
    for (const [query, field] of [
      ['after=nonsense', 'after'],
      ['before=1_%3Cscript%3E', 'before'],
      ['limit=201', 'limit'],
      ['limit=0', 'limit'],
      ['page=9', 'page'],
      ['after=1_a&before=1_a', 'before'],
    ]) {
      const answer = await anonymous.get(`${containerPath}?${query}`);
      expect(answer.status(), query).toBe(400);
      expect((await answer.json()).error.issues[0].field).toBe(field);
    }
    expect((await anonymous.get('/api/w3c/no-such-article/')).status()).toBe(404);
  });
});

test.describe('annotations', () => {
  test('Annotations MUST support GET, HEAD and OPTIONS, with Content-Type ld+json, Link type ldp#Resource, ETag and Vary: Accept', async ({
    anonymous,
    newReader,
    baseURL,
  }) => {
    const created = await postAnnotation(
      (await newReader()).api,
      webAnnotation(baseURL!, 'zh', '英伟达', { 'reader:visibility': 'shared' }),
    );
    const iri = (await created.json()).id;
    const answer = await anonymous.get(pathOf(iri));
    expect(answer.status()).toBe(200);
    const headers = answer.headers();
    expect(headers['allow'].split(/,\s*/)).toEqual(expect.arrayContaining(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE']));
    expect(headers['content-type']).toBe(annoType);
    expect(linkTargets(headers['link'], 'type')).toContain(`${ldp}Resource`);
    expect(headers['etag']).toMatch(/^"[^"]+"$/);
    expect(headers['vary']).toMatch(/Accept/);
    expect(webAnnotationProblems(await answer.json())).toEqual([]);
    expect((await anonymous.head(pathOf(iri))).status()).toBe(200);
    expect((await anonymous.fetch(pathOf(iri), { method: 'OPTIONS' })).status()).toBe(200);
    expect((await anonymous.get(pathOf(iri), { headers: { 'If-None-Match': headers['etag'] } })).status()).toBe(304);
  });

  test('Annotation Server MUST respond with a 201 Created code, an id that starts with the Container IRI and (SHOULD) a matching Location', async ({
    newReader,
    baseURL,
  }) => {
    const answer = await postAnnotation((await newReader()).api, webAnnotation(baseURL!, 'en', 'Nvidia'));
    expect(answer.status(), await answer.text()).toBe(201);
    const created = await answer.json();
    expect(created.id.startsWith(`${baseURL}${containerPath}`)).toBe(true);
    expect(answer.headers()['location']).toBe(created.id);
    expect(answer.headers()['etag']).toBeTruthy();
    expect(answer.headers()['content-type']).toBe(annoType);
    expect(webAnnotationProblems(created)).toEqual([]);
  });

  test('Created Annotation MUST preserve any canonical IRI, and SHOULD move a client’s id to via', async ({ newReader, baseURL }) => {
    const reader = await newReader();
    const canonical = `urn:uuid:${crypto.randomUUID()}`;
    const answer = await postAnnotation(
      reader.api,
      webAnnotation(baseURL!, 'zh', '算力', { id: 'https://elsewhere.example/anno/1', canonical }),
    );
    const created = await answer.json();
    expect(created.canonical).toBe(canonical);
    expect(created.via).toBe('https://elsewhere.example/anno/1');
    expect(created.id).not.toContain('elsewhere');
    const again = await (await reader.api.get(pathOf(created.id))).json();
    expect([again.canonical, again.via]).toEqual([canonical, 'https://elsewhere.example/anno/1']);
  });

  test('the W3C shape maps onto a note: motivation ↔ kind, bodies ↔ words, tags, verdict and source, selectors ↔ the passage', async ({
    newReader,
    baseURL,
  }) => {
    const reader = await newReader();
    const annotation = webAnnotation(baseURL!, 'zh', '英伟达', {
      motivation: 'assessing',
      body: [
        { type: 'TextualBody', value: 'Checked against **filings**', format: 'text/markdown', purpose: 'assessing' },
        { type: 'TextualBody', value: 'chips', purpose: 'tagging' },
        { type: 'TextualBody', value: 'disputed', purpose: 'assessing' },
        { type: 'SpecificResource', source: 'https://example.com/filing', purpose: 'linking' },
      ],
    });
    // A client may send less context than ours, or none: the server fills in the canonical 32 characters.
    (annotation.target.selector[0] as { prefix: string }).prefix = '';
    const created = await (await postAnnotation(reader.api, annotation)).json();
    const note = await (await reader.api.get(`/api/annotations/${pathOf(created.id).split('/').at(-1)}`)).json();
    expect(note).toMatchObject({
      kind: 'claim',
      verdict: 'disputed',
      tags: ['chips'],
      sourceUrl: 'https://example.com/filing',
      visibility: 'private',
    });
    expect(note.body).toBe('Checked against **filings**');
    expect(note.sentenceIds.length).toBeGreaterThan(0);
    expect(created.motivation).toBe('assessing');
  });

  test('Annotation update must be done with the PUT method, naming its ETag in If-Match (428 without, 412 when stale)', async ({
    newReader,
    baseURL,
  }) => {
    const reader = await newReader();
    const answer = await postAnnotation(reader.api, webAnnotation(baseURL!, 'zh', '英伟达'));
    const created = await answer.json();
    const etag = answer.headers()['etag'];
    const path = pathOf(created.id);
    const edited = {
      ...created,
      body: [{ type: 'TextualBody', value: 'Edited through PUT', purpose: 'commenting' }],
      'reader:visibility': 'shared',
    };
    const headers = { 'Content-Type': annoType };
    expect((await reader.api.put(path, { data: edited, headers })).status()).toBe(428);
    const put = await reader.api.put(path, { data: edited, headers: { ...headers, 'If-Match': etag } });
    expect(put.status(), await put.text()).toBe(200);
    const after = await put.json();
    expect(after.body[0].value).toBe('Edited through PUT');
    expect(after['reader:visibility']).toBe('shared');
    expect(put.headers()['etag']).not.toBe(etag);
    const stale = await reader.api.put(path, { data: edited, headers: { ...headers, 'If-Match': etag } });
    expect(stale.status()).toBe(412);
    // "Only if it does not exist": refused, and nothing changes (never a 304 for a write).
    const guarded = await reader.api.put(path, {
      data: { ...edited, body: [] },
      headers: { ...headers, 'If-Match': put.headers()['etag'], 'If-None-Match': '*' },
    });
    expect(guarded.status()).toBe(412);
    expect((await (await reader.api.get(path)).json()).body[0].value).toBe('Edited through PUT');
    const moved = { ...after, target: { ...after.target, source: `${baseURL}/en/articles/${slug}` } };
    const refused = await reader.api.put(path, { data: moved, headers: { ...headers, 'If-Match': put.headers()['etag'] } });
    expect(refused.status()).toBe(400);
    expect((await refused.json()).error.issues[0].field).toMatch(/^target/);
  });

  test('Annotation deletion with DELETE method MUST return a 204 status (and the annotation is gone)', async ({ newReader, baseURL }) => {
    const reader = await newReader();
    const created = await (await postAnnotation(reader.api, webAnnotation(baseURL!, 'en', 'Nvidia'))).json();
    const path = pathOf(created.id);
    expect((await reader.api.delete(path, { headers: { 'If-Match': '"1-stale"' } })).status()).toBe(412);
    expect((await reader.api.delete(path)).status()).toBe(204);
    expect((await reader.api.get(path)).status()).toBe(404);
  });

  test('visibility as everywhere: a private annotation is its author’s alone, in the container and by its IRI', async ({
    newReader,
    anonymous,
    baseURL,
  }) => {
    const author = await newReader();
    const created = await (await postAnnotation(author.api, webAnnotation(baseURL!, 'zh', '英伟达'))).json();
    const path = pathOf(created.id);
    expect((await author.api.get(path)).status()).toBe(200);
    expect((await anonymous.get(path)).status()).toBe(404);
    const other = await newReader();
    expect((await other.api.get(path)).status()).toBe(404);
    expect((await other.api.delete(path)).status()).toBe(404);
    const last = await (await author.api.get(`${containerPath}?page=last&limit=20&iris=1`)).json();
    expect(last.items).toContain(created.id);
    const lastForOthers = await (await anonymous.get(`${containerPath}?page=last&limit=200&iris=1`)).json();
    expect(lastForOthers.items).not.toContain(created.id);
  });

  test('round trip: a JSON-LD export POSTed to the container comes back equal after normalisation', async ({ newReader }) => {
    const author = await newReader();
    await createNote(author, 'zh', '英伟达几乎是垄断者', { kind: 'question', body: 'why?', tags: ['t1'] });
    await createNote(author, 'en', 'Nvidia', {
      kind: 'claim',
      verdict: 'supported',
      sourceUrl: 'https://example.com/x',
      visibility: 'shared',
    });
    await createNote(author, 'zh', '算力', { kind: 'highlight' });
    const exported = await (await author.api.get('/api/me/annotations/export?format=jsonld')).json();
    const notes = (exported.first.items as Record<string, unknown>[]).filter((item) => item.motivation !== 'replying');
    expect(notes).toHaveLength(3);

    const copier = await newReader();
    const normalise = (annotation: Record<string, unknown>) => {
      const { id: _id, created: _c, modified: _m, creator: _cr, via: _via, '@context': _ctx, ...rest } = annotation;
      return rest;
    };
    for (const note of notes) {
      const answer = await postAnnotation(copier.api, note);
      expect(answer.status(), await answer.text()).toBe(201);
      const back = await (await copier.api.get(pathOf((await answer.json()).id))).json();
      expect(back.via).toBe(note.id);
      expect(normalise(back)).toEqual(normalise(note));
    }
  });
});

/** The claims machinery itself: the prose extractor, the number scanner and the coverage rule, on small samples. */
import { describe, expect, it } from 'vitest';
import { namesPrimarySource, numbersIn, parseProse, uncoveredNumbers } from './claims.ts';

const mdx = (source: string) => parseProse(source, { mdx: true });
const numbers = (text: string) => numbersIn(text).map((n) => n.text);

describe('parseProse', () => {
  it('keeps the title and description of the front matter (the card shows them), drops the rest and import and export lines, and keeps headings and paragraphs as blocks', () => {
    const prose = mdx(
      '---\ntitle: "Ten 10"\ndescription: "Why 10MB   blobs hurt"\npubDate: 2025-11-03\ntags: ["S3", "p 4"]\n---\nimport Sim from "./Sim.tsx";\nexport const x = await f(3);\n\n## Part 2\n\nFirst   line\nwraps here.\n',
    );
    expect(prose.text).toBe('Ten 10\nWhy 10MB blobs hurt\nPart 2\nFirst line wraps here.');
  });

  it('keeps image alt text, which a screen reader speaks', () => {
    expect(mdx('See ![a ring of 5 servers](./ring.png) here.\n').text).toBe('See a ring of 5 servers here.');
  });

  it('keeps an expression that is only a literal, which renders as text, and drops computed ones', () => {
    const prose = mdx('Moves {"80%"} of keys, {`2×`} as many, {42} rows, {n * 2} more, {/* 7 */}.\n\n{"3 servers"}\n');
    expect(prose.text).toBe('Moves 80% of keys, 2× as many, 42 rows, more, .\n3 servers');
  });

  it('drops fenced code, also inside a list item, and inline code', () => {
    const prose = mdx('Before `x = 42` after.\n\n```ts\nconst n = 1000;\n```\n\n- item with 7\n\n  ```\n  99\n  ```\n');
    expect(prose.text).toBe('Before after.\nitem with 7');
  });

  it('drops component tags with their code props, flow and inline, and MDX expressions and comments', () => {
    const prose = mdx('<RingSim client:visible servers={5} id="ring-2" />\n\nSee <Tip n={3} kind="v2">this 12</Tip> now {/* 77 */} {1 + 1}.\n');
    expect(prose.text).toBe('See this 12 now .');
  });

  it('keeps props written as text, which the reader sees (a caption, a label)', () => {
    const prose = mdx('<Figure client:visible caption="80% of keys move" />\n\nSee <Tip label="about 3 ms">this</Tip>.\n');
    expect(prose.text).toBe('80% of keys move\nSee about 3 ms this.');
  });

  it('drops HTML comments in Markdown', () => {
    expect(parseProse('Keep 1 <!-- drop 2 --> here.\n\n<!-- 3 -->\n', { mdx: false }).text).toBe('Keep 1 here.');
  });

  it('keeps link text, drops URLs, bare or autolinked', () => {
    const prose = mdx('Read [RFC 9110](https://www.rfc-editor.org/rfc/rfc9110#section-15) or https://example.com/v2/404 now.\n');
    expect(prose.text).toBe('Read RFC 9110 or now.');
  });

  it('keeps table cells and list items, one block each', () => {
    const prose = mdx('| a | b |\n| --- | --- |\n| 1 | 2 s |\n\n- one 5\n- two 6\n');
    expect(prose.text.split('\n')).toEqual(['a', 'b', '1', '2 s', 'one 5', 'two 6']);
  });

  it('drops footnote definitions and markers, and attaches a marker to the sentence it ends or sits in', () => {
    const prose = mdx(
      'The ring has 2³² spots.[^k] A second 7 here. Consistent[^j] hashing 9.\n\n[^k]: Karger, "Consistent Hashing", STOC 1997.\n[^j]: Just a note about 5.\n',
    );
    // The definition [^j] names no source: it is our own text, so it stays, after the body.
    expect(prose.text).toBe('The ring has 2³² spots. A second 7 here. Consistent hashing 9.\nJust a note about 5.');
    const sentences = prose.sentences.map((s) => [prose.text.slice(s.start, s.end), s.footnotes]);
    expect(sentences).toEqual([
      ['The ring has 2³² spots.', ['k']],
      ['A second 7 here.', []],
      ['Consistent hashing 9.', ['j']],
      ['Just a note about 5.', []],
    ]);
    expect(prose.footnotes.get('k')).toBe('Karger, "Consistent Hashing", STOC 1997.');
  });
});

describe('numbersIn', () => {
  it('reads thousands separators, decimals and percentages as one number', () => {
    expect(numbers('1,000 rows, 99.9% up, 0.5 and 60,000 or 1, 2, 3')).toEqual(['1,000', '99.9%', '0.5', '60,000', '1', '2', '3']);
  });

  it('keeps a multiplier sign, a glued suffix and a unit after one space', () => {
    expect(numbers('2× faster, 5xx errors, 14 KB window, 1000 ms, 6 MiB pool, 4 seconds')).toEqual(['2×', '5xx', '14 KB', '1000 ms', '6 MiB', '4']);
  });

  it('reads a formula term by term, exponent included', () => {
    expect(numbers('1 − 0.99^N and 2³² − 1 and N/(N + 1)')).toEqual(['1', '0.99^N', '2³²', '1', '1']);
  });

  it('reads versions, times and prices whole', () => {
    expect(numbers('MariaDB 10.11.19 at 02:40 costs $0.023')).toEqual(['10.11.19', '02:40', '$0.023']);
  });

  it('ignores digits glued to a name and written-out numbers', () => {
    expect(numbers('S3, IPv4, mp3, Murmur3 and urllib3 for three servers')).toEqual([]);
  });

  it('reads the numbers a name only seems to hold: percentiles, subscripts and fractions', () => {
    expect(numbers('p99 and P99.9 and p50 latency, H₁₀ and log₂ N, 1½ round trips or ½ of it')).toEqual(['p99', 'P99.9', 'p50', '₁₀', '₂', '1½', '½']);
  });

  it('reads numbers glued to units or letters, signed, decimal and in any markup', () => {
    expect(numbers('10MB and 2x and −5 and -3 and .5 and 0.25')).toEqual(['10MB', '2x', '5', '3', '5', '0.25']);
    const prose = mdx('## Step 4\n\n**7 ms** and *8%* and [9 pages](/x/) and ~~10~~.\n\n| 11 |\n| --- |\n| 12 MiB |\n\n1. item 13\n');
    expect(numbers(prose.text)).toEqual(['4', '7 ms', '8%', '9', '10', '11', '12 MiB', '13']);
  });

  it('still sees numbers after a slash or hyphen, so identifiers like these need an exemption', () => {
    expect(numbers('HTTP/2 and SHA-256 and RFC 9110 §15.5.2')).toEqual(['2', '256', '9110', '15.5.2']);
  });
});

describe('namesPrimarySource', () => {
  it('accepts RFCs, URLs, source files, quoted titles and official documentation', () => {
    expect(namesPrimarySource('RFC 9110, section 15.5.2.')).toBe(true);
    expect(namesPrimarySource('https://nginx.org/en/docs/')).toBe(true);
    expect(namesPrimarySource('`BUF_LRU_OLD_MIN_LEN` in `storage/innobase/include/buf0lru.h`.')).toBe(true);
    expect(namesPrimarySource('DeCandia et al., "Dynamo: Amazon\'s Highly Available Key-value Store", SOSP 2007.')).toBe(true);
    expect(namesPrimarySource('Apache Cassandra documentation, cassandra.yaml.')).toBe(true);
    expect(namesPrimarySource('OpenID Connect Core 1.0, sections 2 and 3.1.')).toBe(true);
  });

  it('does not count a file of this repository as a source: that is our own measurement', () => {
    expect(namesPrimarySource('Measured by `tests/integration/s3/innodb.test.ts`.')).toBe(false);
    expect(namesPrimarySource('See claims.ts and workload.ts.')).toBe(false);
    expect(namesPrimarySource('Cassandra source, `src/java/org/apache/cassandra/dht/Murmur3Partitioner.java`.')).toBe(true);
  });

  it('rejects a footnote that only explains or reports our own run', () => {
    expect(namesPrimarySource('MariaDB 10.11.19, Debian 12, two cores; 12,000 requests after 3,000 of warm-up.')).toBe(false);
    expect(namesPrimarySource('No S3-compatible server that checks signatures installs here.')).toBe(false);
  });
});

describe('uncoveredNumbers', () => {
  const sample = mdx(
    'Adding one to 4 moves 80% of keys. Ten servers give 2.9 times.[^src] Our run saw 77.9%.[^run] Use three servers and Step 2.\n\n' +
      '[^src]: "Consistent Hashing and Random Trees", STOC 1997.\n[^run]: MariaDB, two cores, our own run.\n',
  );

  it('names every number no quote, exemption or sourced footnote covers, with its sentence', () => {
    expect(uncoveredNumbers(sample, [], [])).toEqual([
      { number: '4', context: 'Adding one to 4 moves 80% of keys.' },
      { number: '80%', context: 'Adding one to 4 moves 80% of keys.' },
      { number: '77.9%', context: 'Our run saw 77.9%.' },
      { number: '2', context: 'Use three servers and Step 2.' },
    ]);
  });

  it('counts a number covered when a quote or an exact exempt phrase contains it', () => {
    expect(uncoveredNumbers(sample, ['to 4 moves 80% of keys', 'saw 77.9%'], ['Step 2'])).toEqual([]);
  });

  it('scans a footnote that names no source: its numbers need a claim; a sourced one is left out', () => {
    expect(uncoveredNumbers(sample, ['to 4 moves 80% of keys', 'saw 77.9%'], ['Step 2'])).toEqual([]);
    const own = mdx('We measured it.[^run]\n\n[^run]: 29,428 requests, 6,513 reads.\n\n');
    expect(uncoveredNumbers(own, [], []).map((u) => u.number)).toEqual(['29,428', '6,513']);
    const cited = mdx('Default 37.[^doc]\n\n[^doc]: MySQL Reference Manual, innodb_old_blocks_pct, range 5 to 95.\n');
    expect(uncoveredNumbers(cited, [], [])).toEqual([]);
  });

  it('matches a quote across blocks, so a table row ties a bare cell to its label', () => {
    const table = mdx('| Who | Status |\n| --- | --- |\n| guest list | 403 |\n| valet key | 403 |\n');
    expect(uncoveredNumbers(table, ['guest list 403'], []).map((u) => u.number)).toEqual(['403']);
    expect(uncoveredNumbers(table, ['guest list 403', 'valet key 403'], [])).toEqual([]);
  });

  it('does not count a quote that only touches part of a number', () => {
    expect(uncoveredNumbers(sample, ['to 4 moves 80', 'saw 77.9%'], ['Step 2']).map((u) => u.number)).toEqual(['80%']);
  });
});

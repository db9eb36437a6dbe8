import { describe, expect, it } from 'vitest';
import { feedHtml } from './feedHtml.ts';

const base = new URL('https://blog.example/a-post/');

describe('feedHtml', () => {
  it('keeps prose and figures, drops scripts, controls and heading anchors', () => {
    const html =
      '<h2 id="why">Why<a class="heading-anchor" href="#why">#</a></h2><p>Text <strong>bold</strong>.</p>' +
      '<script>alert(1)</script><astro-island uid="x"><figure class="sim"><div class="sim-controls"><input type="range"></div>' +
      '<svg role="img"><rect width="1" height="1"></rect></svg><figcaption>Caption</figcaption></figure></astro-island>' +
      '<button type="button">Copy</button><img src="x.png" alt="" onerror="alert(2)">';
    expect(feedHtml(html, base)).toBe(
      '<h2 id="why">Why</h2><p>Text <strong>bold</strong>.</p><figure class="sim"><svg role="img"><rect width="1" height="1"></rect></svg>' +
        '<figcaption>Caption</figcaption></figure><img src="https://blog.example/a-post/x.png" alt="">',
    );
  });

  it('leaves out what the page hides only to hold room: unshown stack panels and rows still to come', () => {
    const html =
      '<div class="sim-stack"><div aria-hidden="true"><p>Step 1</p></div><div><p>Step 2</p></div><div aria-hidden="true"><p>Step 3</p></div></div>' +
      '<svg><g style="visibility: hidden"><text>later</text></g><g style="opacity: 0.5"><text>now</text></g></svg>' +
      '<div class="note" aria-hidden="true"><p>kept: not a stack panel</p></div>';
    expect(feedHtml(html, base)).toBe(
      '<div class="sim-stack"><div><p>Step 2</p></div></div><svg><g style="opacity: 0.5"><text>now</text></g></svg>' +
        '<div class="note" aria-hidden="true"><p>kept: not a stack panel</p></div>',
    );
  });

  it('drops compositor marks, which only animate what the drawing already says', () => {
    const html =
      '<figure><svg role="img" aria-label="Bytes"><rect></rect></svg><div class="sim-marks" aria-hidden="true"><svg><circle></circle></svg></div></figure>';
    expect(feedHtml(html, base)).toBe('<figure><svg role="img" aria-label="Bytes"><rect></rect></svg></figure>');
  });

  it('makes links absolute against the post URL and leaves fragments and absolute URLs alone', () => {
    const html = '<a href="/about/">a</a><a href="../b/">b</a><a href="#fn1">c</a><a href="https://other.example/">d</a>';
    expect(feedHtml(html, base)).toBe(
      '<a href="https://blog.example/about/">a</a><a href="https://blog.example/b/">b</a><a href="#fn1">c</a><a href="https://other.example/">d</a>',
    );
  });
});

describe('feedHtml with responsive images', () => {
  it('makes every srcset candidate absolute', () => {
    const html = '<img src="/_astro/a.webp" srcset="/_astro/a-640.webp 640w, /_astro/a-960.webp 960w" alt="A">';
    expect(feedHtml(html, base)).toBe(
      '<img src="https://blog.example/_astro/a.webp" srcset="https://blog.example/_astro/a-640.webp 640w, https://blog.example/_astro/a-960.webp 960w" alt="A">',
    );
  });
});

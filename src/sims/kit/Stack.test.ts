// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { h, render } from 'preact';
import { Stack } from './Stack.tsx';

const steps = ['Ask for a code', 'Log in', 'Trade the code', 'Fetch the photos'];
/** A stack of the four steps with `shown` in sight; each panel says whether it thinks it is shown. */
const stack = (shown: number) =>
  h(Stack<string>, {
    class: 'steps',
    items: steps,
    shown,
    render: (title, i, isShown) => h('p', { class: isShown ? 'title' : undefined }, `Step ${i + 1}: ${title}`),
  });

afterEach(() => {
  document.head.innerHTML = '';
  document.body.innerHTML = '';
});

const panelsOf = (root: HTMLElement) => [...root.querySelector('.sim-stack')!.children] as HTMLElement[];

describe('a stack of panels', () => {
  it('holds every panel in order, and hides all but the shown one from screen readers', () => {
    const root = document.body.appendChild(document.createElement('div'));
    render(stack(1), root);
    expect(root.querySelector('.sim-stack')!.classList.contains('steps')).toBe(true);
    const panels = panelsOf(root);
    expect(panels.map((p) => p.textContent)).toEqual(['Step 1: Ask for a code', 'Step 2: Log in', 'Step 3: Trade the code', 'Step 4: Fetch the photos']);
    expect(panels.map((p) => p.getAttribute('aria-hidden'))).toEqual(['true', null, 'true', 'true']);
    // Only the shown panel is told so: a heading marked as the title appears once.
    expect([...root.querySelectorAll('.title')].map((p) => p.textContent)).toEqual(['Step 2: Log in']);
  });

  it('shows another panel by moving what is hidden, keeping every panel and its text', () => {
    const root = document.body.appendChild(document.createElement('div'));
    render(stack(0), root);
    const before = panelsOf(root);
    const texts = before.map((p) => p.firstChild);
    render(stack(3), root);
    const after = panelsOf(root);
    expect(after).toHaveLength(4);
    after.forEach((panel, i) => {
      expect(panel).toBe(before[i]);
      expect(panel.firstChild).toBe(texts[i]);
    });
    expect(after.map((p) => p.getAttribute('aria-hidden'))).toEqual(['true', 'true', 'true', null]);
    expect([...root.querySelectorAll('.title')].map((p) => p.textContent)).toEqual(['Step 4: Fetch the photos']);
  });

  it("with the kit's styles, puts every panel in one cell and keeps the hidden ones' room but not their sight", () => {
    const style = document.head.appendChild(document.createElement('style'));
    style.textContent = readFileSync(join(import.meta.dirname, 'sims.css'), 'utf8');
    const root = document.body.appendChild(document.createElement('div'));
    render(stack(2), root);
    expect(getComputedStyle(root.querySelector('.sim-stack')!).display).toBe('grid');
    const panels = panelsOf(root);
    for (const panel of panels) expect(getComputedStyle(panel).gridArea).toMatch(/^1 \/ 1/);
    expect(panels.map((p) => getComputedStyle(p).visibility === 'hidden')).toEqual([true, true, false, true]);
    // Kept in the layout: hidden by visibility, not taken out by display.
    expect(panels.map((p) => getComputedStyle(p).display)).toEqual(['block', 'block', 'block', 'block']);
  });
});

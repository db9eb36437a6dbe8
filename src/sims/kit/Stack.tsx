/**
 * Panels that take turns in one place (a step's request and response, say): all of them are in the page,
 * in order, in one grid cell, and only the shown one can be seen or read. The stack is as tall as its
 * tallest panel whichever is shown, so a new step neither moves what is below the figure nor rewrites any
 * text: it only hides one panel and shows another. Rewriting a panel's text each tick made the browser
 * lay out and paint the article again (the valet flow's slowest frame fell from about 55 to 30 ms at
 * 4× CPU when it stopped doing so).
 *
 *   <Stack items={steps} shown={index} render={(step, i, shown) => <StepPanel step={step} shown={shown} />} />
 *
 * The others are `visibility: hidden` (kept in layout, out of sight, not focusable) and `aria-hidden`,
 * so a screen reader reads the shown panel only. sims.css hides by `aria-hidden`, so the two never
 * disagree. On paper the others are left out altogether, so a printed stack is as tall as its shown panel.
 */
import type { ComponentChildren } from 'preact';

interface StackProps<T> {
  /** What each panel shows, in order. */
  items: readonly T[];
  /** The index of the panel in sight. */
  shown: number;
  /** One panel's content; `isShown` tells the panel in sight from those only holding room. */
  render: (item: T, index: number, isShown: boolean) => ComponentChildren;
  class?: string;
}

export function Stack<T>({ items, shown, render, class: cls }: StackProps<T>) {
  return (
    <div class={cls ? `sim-stack ${cls}` : 'sim-stack'}>
      {items.map((item, i) => (
        <div key={i} aria-hidden={i === shown ? undefined : 'true'}>
          {render(item, i, i === shown)}
        </div>
      ))}
    </div>
  );
}

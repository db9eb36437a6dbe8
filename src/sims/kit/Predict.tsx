/**
 * "Guess first": a question before a simulation, answered by choosing or by a number, then locked in;
 * only then the answer shows, beside the guess, with one sentence on why. Without JavaScript the
 * question reads as text and the answer waits folded in a <details>. Nothing is stored or sent.
 * See README.md, "Predict".
 */
import type { ComponentChildren } from 'preact';
import { useId, useState } from 'preact/hooks';
import { useHydrated } from './hooks.ts';
import { reveal } from './predict.ts';
import { useIslandTitle } from './SimFrame.tsx';

interface Common {
  /** The question, e.g. "When a fifth attendant joins, how many of 1,000 coats move?" */
  question: string;
  /** One sentence on why the truth is what it is. */
  why: ComponentChildren;
  /**
   * What the truth is called beside the guess ("The simulation" by default). Name it for what computed
   * it when that is not the simulation's own run, e.g. "Theory" for a closed form the sampled dots
   * only approach: a label that said "simulation" would contradict the simulated readout.
   */
  truthLabel?: string;
}

interface ChoiceQuestion extends Common {
  choices: readonly { value: string; label: string }[];
  /** The right choice's value, computed by the caller from the model. */
  truth: string;
  /** Called with the guess in the event that locked it in, e.g. to run the scenario: `(g) => sim.set({ servers: 5 })`. */
  onLock?(guess: string): void;
}

interface NumberQuestion extends Common {
  /** The slider's label, e.g. "Coats that move". */
  label: string;
  min: number;
  max: number;
  step?: number;
  /** Where the slider starts (the middle by default). */
  initial?: number;
  format?(value: number): string;
  /** The true number, computed by the caller from the model. */
  truth: number;
  /** A guess this close counts as right (0 by default). */
  tolerance?: number;
  onLock?(guess: number): void;
}

export type PredictProps = ChoiceQuestion | NumberQuestion;

export function Predict(props: PredictProps) {
  const id = useId();
  useIslandTitle(`Guess first: ${props.question}`, { weak: true });
  const hydrated = useHydrated();
  const isChoice = 'choices' in props;
  const numeric = isChoice ? undefined : props;
  const start = numeric ? (numeric.initial ?? Math.round((numeric.min + numeric.max) / 2 / (numeric.step ?? 1)) * (numeric.step ?? 1)) : undefined;
  const [pending, setPending] = useState<string | number | undefined>(start);
  const [locked, setLocked] = useState<string | number | undefined>(undefined);
  const shown = isChoice ? reveal(locked as string | undefined, props.truth) : reveal(locked as number | undefined, props.truth, props.tolerance ?? 0);
  const say = (v: string | number) => (isChoice ? (props.choices.find((c) => c.value === v)?.label ?? String(v)) : (numeric!.format ?? String)(v as number));
  const open = hydrated && locked === undefined;

  const lock = () => {
    if (pending === undefined || locked !== undefined) return;
    setLocked(pending);
    if (isChoice) props.onLock?.(pending as string);
    else props.onLock?.(pending as number);
  };

  return (
    <fieldset class="sim-predict">
      <legend>Guess first: {props.question}</legend>
      {isChoice ? (
        <div class="sim-predict-choices">
          {props.choices.map((c) => (
            <label class="sim-predict-choice">
              <input type="radio" name={id} value={c.value} checked={pending === c.value} disabled={!open} onChange={() => setPending(c.value)} />
              {c.label}
            </label>
          ))}
        </div>
      ) : (
        <div class="sim-control sim-slider">
          <label for={`${id}-n`}>{numeric!.label}</label>
          <input
            id={`${id}-n`}
            type="range"
            min={numeric!.min}
            max={numeric!.max}
            step={numeric!.step ?? 1}
            value={pending as number}
            disabled={!open}
            aria-valuetext={say(pending as number)}
            onInput={(e) => setPending(Number(e.currentTarget.value))}
          />
          <output for={`${id}-n`}>{say(pending as number)}</output>
        </div>
      )}
      {locked === undefined && (
        <button type="button" class="sim-button" disabled={!open || pending === undefined} onClick={lock}>
          Lock in my guess
        </button>
      )}
      {/* Without JavaScript the answer is there to unfold; with it, only a locked-in guess reveals it. */}
      {!hydrated && (
        <details class="sim-predict-answer">
          <summary>Show the answer</summary>
          <p>
            {say(props.truth)}. {props.why}
          </p>
        </details>
      )}
      <div class="sim-predict-reveal" role="status">
        {shown && (
          <p>
            <strong>{shown.right ? 'Right.' : 'Not quite.'}</strong> Your guess: {say(shown.guess)}. {props.truthLabel ?? 'The simulation'}: {say(shown.truth)}.{' '}
            {props.why}
          </p>
        )}
      </div>
    </fieldset>
  );
}

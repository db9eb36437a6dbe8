import { island, Button, Controls, enumParam, Select, SimFrame, Stack, useHydrated, useSimulation } from '../kit/index.ts';
import { answer, CASE_IDS, CASES, caseById, ROUTES, type CaseId, type Explained, type GateCase } from './gate.ts';
import './auth.css';

const schema = { case: enumParam<CaseId>(CASE_IDS, 'no-card') };
/** Half the width of a checkpoint box in the diagram. */
const HALF = 74;
const STATUS_TEXT = { 200: 'OK', 401: 'Unauthorized', 403: 'Forbidden' } as const;
const GUESSES = [200, 401, 403] as const;

function requestText(c: GateCase): string {
  const route = ROUTES[c.route];
  return `${route.method} ${route.path} HTTP/1.1\nHost: photos.example\n${tokenLine(c)}`;
}

function tokenLine(c: GateCase): string {
  if (c.credential === 'none') return '(no Authorization header)';
  const note = c.credential === 'forged' ? 'signed with the wrong key' : c.credential === 'expired' ? 'exp was an hour ago' : 'genuine, in date';
  return `Authorization: Bearer eyJ… (${note}; scope "${c.scopes.join(' ')}"${c.roles.length ? `; roles ${c.roles.join(', ')}` : ''})`;
}

/** The two checkpoints as a diagram; once revealed, the one that decided is marked. */
function Checkpoints({ result, revealed }: { result: Explained; revealed: boolean }) {
  const boxes = [
    { key: 'authentication', label: 'ID card check', sub: 'AuthN · fails with 401', x: 195 },
    { key: 'authorization', label: 'Permission check', sub: 'AuthZ · fails with 403', x: 370 },
    { key: 'none', label: 'Photos', sub: '200', x: 535 },
  ] as const;
  const stop = result.decidedBy;
  const stopIndex = boxes.findIndex((b) => b.key === stop);
  const description = revealed
    ? stop === 'none'
      ? 'The request passes both checks and reaches the photos.'
      : `The request stops at the ${stop === 'authentication' ? 'ID card check with 401' : 'permission check with 403'}.`
    : 'The request waits before the two checks; predict where it stops.';
  return (
    <svg class="auth-diagram" viewBox="0 0 612 110" role="img" aria-label={description}>
      <defs>
        <marker id="auth-arrowhead" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse">
          <path d="M 0 0 L 10 5 L 0 10 z" class="auth-arrowhead" />
        </marker>
      </defs>
      <rect x="8" y="30" width="84" height="50" rx="8" class="auth-box" />
      <text x="50" y="60" text-anchor="middle" class="auth-label">
        Request
      </text>
      {boxes.map((b, i) => {
        const state = !revealed ? 'idle' : i < stopIndex || stop === 'none' ? 'passed' : i === stopIndex ? 'stopped' : 'idle';
        return (
          <g key={b.key}>
            <line x1={i === 0 ? 92 : (boxes[i - 1]?.x ?? 0) + HALF} y1="55" x2={b.x - HALF - 2} y2="55" class="auth-arrow" marker-end="url(#auth-arrowhead)" />
            <rect x={b.x - HALF} y="22" width={2 * HALF} height="66" rx="8" class={`auth-box auth-${state}`} />
            <text x={b.x} y="50" text-anchor="middle" class="auth-label">
              {b.label}
            </text>
            <text x={b.x} y="70" text-anchor="middle" class="auth-sub">
              {state === 'stopped' ? `stopped: ${result.status}` : state === 'passed' ? 'passed ✓' : b.sub}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

interface Prediction {
  guess: number | null;
  /** Right or wrong, by request id. */
  score: Record<string, boolean>;
}

function StatusGateView() {
  // The model is the reader's guess for this request and their score so far; another request asks again.
  const sim = useSimulation('gate', schema, {
    title: "401 or 403? Predict the API's answer",
    init: (): Prediction => ({ guess: null, score: {} }),
    change: (m): Prediction => ({ ...m, guess: null }),
  });
  const state = sim.params;
  const { guess, score } = sim.model;
  const hydrated = useHydrated();
  const request = caseById(state.case);
  const caseIndex = CASES.findIndex((c) => c.id === request.id);
  const result = answer(request);
  // Without JavaScript nobody can predict, so the static figure shows the answer.
  const revealed = !hydrated || guess !== null;
  const right = Object.values(score).filter(Boolean).length;
  const scored = hydrated ? Object.keys(score).length : 0;
  const status =
    guess === null
      ? `Request: ${request.label}. Predict the status.`
      : `${guess === result.status ? 'Right' : 'Not quite'}: ${result.status} ${STATUS_TEXT[result.status]}, ${result.reason}.`;

  const predict = (value: number) => sim.act((m) => ({ guess: value, score: { ...m.score, [request.id]: value === result.status } }));

  return (
    <SimFrame
      {...sim.frame}
      status={status}
      caption="Every request meets two checks in order. No token, a forged one or an expired one fails the ID card check: 401 with a WWW-Authenticate challenge. A genuine token that lacks the scope or role fails the permission check: 403. Only a genuine token with the right permission gets a 200."
    >
      <Controls>
        <Select sim={sim} param="case" label="Request" options={CASES.map((c) => ({ value: c.id, label: c.label }))} />
      </Controls>
      <p class="auth-caption">Request</p>
      {/* Every request and every answer is in the page, each stack as tall as its tallest: choosing another
          request or revealing the answer swaps which one shows, and the article below does not move. */}
      <Stack items={CASES} shown={caseIndex} render={(c) => <div class="auth-http">{requestText(c)}</div>} />
      <div class="sim-control" role="group" aria-label="Your prediction">
        <span>Your prediction:</span>
        {GUESSES.map((g) => (
          <Button key={g} onClick={() => predict(g)} pressed={guess === g}>
            {`${g} ${STATUS_TEXT[g]}`}
          </Button>
        ))}
      </div>
      <Checkpoints result={result} revealed={revealed} />
      <Stack
        items={[null, ...CASES]}
        shown={revealed ? caseIndex + 1 : 0}
        render={(c, _, isShown) =>
          c === null ? (
            <p class="sim-note">Choose a status to see the real answer.</p>
          ) : (
            <Answer result={answer(c)} guess={isShown ? guess : null} holdsRoom={!isShown} />
          )
        }
      />
      {/* The score's line is there before the first guess too, blank and unread, so that guess does not
          push the article down by a line. */}
      {scored > 0 ? (
        <p class="sim-note">{`${right} of ${scored} predictions right.`}</p>
      ) : (
        <p class="sim-note" aria-hidden="true">
          {'\u00a0'}
        </p>
      )}
    </SimFrame>
  );
}

/**
 * The API's answer and why. `guess` adds the verdict line; a panel that only holds room keeps a blank
 * line for the verdict too, so that the stack is as tall as any answer with its verdict. Blank, not a
 * made-up verdict: where the styles do not reach (a feed reader) every panel is in sight.
 */
function Answer({ result, guess, holdsRoom }: { result: Explained; guess: number | null; holdsRoom: boolean }) {
  return (
    <div class="auth-answer">
      {guess !== null ? (
        <p class={guess === result.status ? 'auth-ok' : 'auth-bad'}>{guess === result.status ? 'Right.' : `Not quite: you said ${guess}.`}</p>
      ) : (
        holdsRoom && <p class="auth-bad">{'\u00a0'}</p>
      )}
      <p class="auth-caption">Response</p>
      <div class="auth-http">
        {[`HTTP/1.1 ${result.status} ${STATUS_TEXT[result.status]}`, ...Object.entries(result.headers).map(([k, v]) => `${k}: ${v}`)].join('\n')}
      </div>
      <p>
        <strong>Why:</strong> {result.reason}. <strong>Client:</strong> {result.advice}
      </p>
    </div>
  );
}

export default island(StatusGateView);

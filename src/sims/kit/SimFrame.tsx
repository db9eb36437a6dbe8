import { Component, createContext, type ComponentChildren, type ComponentType } from 'preact';
import { useContext, useState } from 'preact/hooks';
import { useHydrated } from './hooks.ts';
import { writeState, type Schema, type StateOf } from './urlState.ts';

interface FrameProps {
  /** Short, unique on the page; prefixes this simulation's keys in the URL hash. */
  id: string;
  title: string;
  /** What the figure shows, for every reader (and the text alternative of the static figure). */
  caption: ComponentChildren;
  /** A sentence announced politely to screen readers whenever it changes, e.g. "3 of 1000 keys moved". */
  status?: string;
  /** When given, the frame offers "Copy link" for the current parameters. */
  share?: { schema: Schema; state: StateOf<Schema> };
  children: ComponentChildren;
}

const ErrorReport = createContext<(error: unknown) => void>(() => {});
/** Where a simulation tells its island its title, so the island's error message can name it. */
const IslandTitle = createContext<{ title?: string } | null>(null);

/**
 * Called by `useSimulation` with the simulation's title, which is then stated in one place only. A
 * `Predict` names its island too, unless a simulation around it already has (`weak`).
 */
export function useIslandTitle(title: string, { weak = false }: { weak?: boolean } = {}): void {
  const holder = useContext(IslandTitle);
  if (holder && !(weak && holder.title !== undefined)) holder.title = title;
}

/** Lets code outside rendering (timers, handlers) show its error in the frame instead of failing silently. */
export function useReportError(): (error: unknown) => void {
  return useContext(ErrorReport);
}

/** Wraps a handler so that an exception in it is shown in the frame. */
export function useGuarded<A extends unknown[]>(fn: (...args: A) => void): (...args: A) => void {
  const report = useReportError();
  return (...args: A) => {
    try {
      fn(...args);
    } catch (error) {
      report(error);
    }
  };
}

class Boundary extends Component<{ title: string | (() => string); standalone?: boolean; children: ComponentChildren }, { error?: string }> {
  override state: { error?: string } = {};
  static override getDerivedStateFromError(error: unknown) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
  report = (error: unknown) => this.setState(Boundary.getDerivedStateFromError(error));
  override render() {
    if (this.state.error !== undefined) {
      const title = typeof this.props.title === 'string' ? this.props.title : this.props.title();
      const message = (
        <div class="sim-error" role="alert">
          <p>
            <strong>{title} stopped.</strong> Something went wrong inside this simulation ({this.state.error}). The rest of the page is unaffected; reload the
            page to try again.
          </p>
        </div>
      );
      // At the island's root the frame itself is gone, so the message brings its own.
      return this.props.standalone ? (
        <figure class="sim">
          <p class="sim-title">{title}</p>
          {message}
        </figure>
      ) : (
        message
      );
    }
    return <ErrorReport.Provider value={this.report}>{this.props.children}</ErrorReport.Provider>;
  }
}

function CopyLink({ id, share }: { id: string; share: NonNullable<FrameProps['share']> }) {
  const [copied, setCopied] = useState<string | null>(null);
  // Without JavaScript there is nothing to copy, so the button appears only once the island runs. Until
  // then the row holds its room unseen, so that the figure does not grow (and push the article down) at hydration.
  if (!useHydrated()) {
    return (
      <div class="sim-share sim-share-waiting" aria-hidden="true" data-pagefind-ignore="all">
        <button type="button" class="sim-button" disabled tabIndex={-1}>
          Copy link to this setup
        </button>
      </div>
    );
  }
  const copy = async () => {
    const url = `${location.origin}${location.pathname}${writeState('', id, share.schema, share.state)}`;
    try {
      await navigator.clipboard.writeText(url);
      setCopied('Link copied.');
    } catch {
      // Clipboard access can be refused; the link is then shown to copy by hand.
      setCopied(url);
    }
  };
  return (
    <div class="sim-share" data-pagefind-ignore="all">
      <button type="button" class="sim-button" onClick={copy}>
        Copy link to this setup
      </button>
      {copied && <output class="sim-share-result">{copied}</output>}
    </div>
  );
}

/** The frame every simulation sits in: title, body, caption, live status, share link, error boundary. */
export function SimFrame({ id, title, caption, status, share, children }: FrameProps) {
  return (
    <figure class="sim" id={`sim-${id}`} aria-labelledby={`sim-${id}-title`}>
      <p class="sim-title" id={`sim-${id}-title`}>
        {title}
      </p>
      <Boundary title={title}>
        {/* Search indexes a simulation's title and caption, not its controls, readouts and drawings. */}
        <div class="sim-body" data-pagefind-ignore="all">
          {children}
        </div>
        <p class="visually-hidden" aria-live="polite" aria-atomic="true" data-pagefind-ignore="all">
          {status}
        </p>
      </Boundary>
      {share && <CopyLink id={id} share={share} />}
      <figcaption>{caption}</figcaption>
    </figure>
  );
}

/**
 * Wraps a simulation's view so that an exception anywhere in it, including in the view's own
 * render, is shown in place of that simulation only. Every simulation's default export goes
 * through this: `export default island(RingView)`. The message names the title the view gave
 * `useSimulation` (or a lone `Predict`'s question).
 */
export function island<P extends object>(View: ComponentType<P>): ComponentType<P> {
  const fallback = 'This simulation';
  const Guarded = (props: P) => {
    // One holder per mounted island, filled in by the view's useSimulation as it renders.
    const [holder] = useState<{ title?: string }>(() => ({}));
    return (
      <Boundary title={() => holder.title ?? fallback} standalone>
        <IslandTitle.Provider value={holder}>
          <View {...props} />
        </IslandTitle.Provider>
      </Boundary>
    );
  };
  Guarded.displayName = `Island(${View.displayName ?? View.name ?? 'Simulation'})`;
  return Guarded;
}

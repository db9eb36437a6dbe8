/**
 * Guess first, before the buffer pool figure: does a report that reads every older run survive in the
 * pool, or do the hot index pages? The truth comes in as a prop, computed at build time by scanFate.
 */
import { Predict, island } from '../kit/index.ts';
import type { ScanFate } from './scanQuestion.ts';

function ScanPredict({ truth }: { truth: ScanFate }) {
  return (
    <Predict
      question="A report reads every older run once, in key order, through a pool with midpoint insertion at its defaults. What becomes of the index pages that the lookups of recent runs keep reading?"
      choices={[
        { value: 'kept', label: 'They all stay in the pool' },
        { value: 'some', label: 'Some of them are pushed out' },
        { value: 'lost', label: 'Almost all are pushed out' },
      ]}
      truth={truth}
      why="The scan reads each page a few times within a millisecond and never again, so none of its accesses comes late enough to promote a page. Its pages enter at the midpoint and leave from the tail of the old sublist; the young sublist, where the hot index pages live, loses none of them."
    />
  );
}

export default island(ScanPredict);

/** "Guess first" before the trust check: the question and the why come from the article, the truth from the model. */
import { Predict, island } from '../kit/index.ts';
import { LEAF_ONLY_CHOICES, leafOnlyOutcome } from './predictions.ts';

function LeafOnlyPredict({ question, why }: { question: string; why: string }) {
  return <Predict question={question} choices={LEAF_ONLY_CHOICES} truth={leafOnlyOutcome().kind} why={why} />;
}

export default island(LeafOnlyPredict);

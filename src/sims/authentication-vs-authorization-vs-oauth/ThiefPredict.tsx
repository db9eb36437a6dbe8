/** "Guess first" before the valet flow: the question and the why come from the article, the truth from the model. */
import { Predict, island } from '../kit/index.ts';
import { THIEF_CHOICES, thiefAnswer } from './predictions.ts';

function ThiefPredict({ question, why }: { question: string; why: string }) {
  return <Predict question={question} choices={THIEF_CHOICES} truth={thiefAnswer()} why={why} />;
}

export default island(ThiefPredict);

/** "Guess first" before the chain builder: the question and the why come from the article, the truth from the model. */
import { Predict, island } from '../kit/index.ts';
import { ORDER_CHOICES, intermediateFirstAnswer } from './predictions.ts';

function OrderPredict({ question, why }: { question: string; why: string }) {
  return <Predict question={question} choices={ORDER_CHOICES} truth={intermediateFirstAnswer()} why={why} />;
}

export default island(OrderPredict);

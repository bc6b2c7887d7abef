import { detectLanguage } from './language-detector.js';
import {
  SoftmaxClassifier,
  type LabelledExample,
  type SoftmaxTrainingOptions,
} from './softmax-classifier.js';
import { triageFeatures } from './triage-features.js';
import { trainingCorpus } from './triage-training-corpus.js';
import {
  CASE_CATEGORIES,
  SEVERITIES,
  type CaseCategory,
  type Severity,
  type TriageInput,
  type TriageResult,
} from './triage.types.js';

export type { CaseCategory, CaseLanguage, Severity, TriageInput, TriageResult } from './triage.types.js';
export { detectLanguage } from './language-detector.js';

/** Below this probability the best category is not trusted and the case is filed as `other`. */
export const OTHER_THRESHOLD = 0.3;
/** Confidence reported for `other` when the text names nothing of the support domain at all. */
const NO_DOMAIN_CONFIDENCE = 0.9;

/** The categories the model chooses between; `other` is decided by the rules in `triageCase`. */
const MODEL_CATEGORIES: readonly CaseCategory[] = CASE_CATEGORIES.filter((category) => category !== 'other');

const TRAINING_OPTIONS: SoftmaxTrainingOptions = {
  epochs: 20,
  learningRate: 0.3,
  l2: 1e-5,
  seeds: [1, 2, 3],
};

interface TriageModels {
  category: SoftmaxClassifier<CaseCategory>;
  severity: SoftmaxClassifier<Severity>;
}

let models: TriageModels | undefined;

/** Trains both models from the bundled corpus on first use (deterministic, a few hundred milliseconds). */
function triageModels(): TriageModels {
  if (models) return models;
  const categoryExamples: LabelledExample<CaseCategory>[] = [];
  const severityExamples: LabelledExample<Severity>[] = [];
  for (const trainingCase of trainingCorpus()) {
    if (trainingCase.category === 'other') continue;
    const features = triageFeatures(trainingCase.title, trainingCase.description);
    categoryExamples.push({ features: features.category, label: trainingCase.category });
    severityExamples.push({ features: features.severity, label: trainingCase.severity });
  }
  models = {
    category: SoftmaxClassifier.train(MODEL_CATEGORIES, categoryExamples, TRAINING_OPTIONS),
    severity: SoftmaxClassifier.train(SEVERITIES, severityExamples, TRAINING_OPTIONS),
  };
  return models;
}

/** Warms the models up (trains them) ahead of the first case. */
export function prepareTriageModels(): void {
  triageModels();
}

/**
 * Triage of a support case from its text: language, category (with a confidence), suggested severity.
 * `other` when the text names nothing of the support domain (no product, no topic of the lexicon) or
 * when no category reaches `OTHER_THRESHOLD`. Pure and deterministic.
 */
export function triageCase(input: TriageInput): TriageResult {
  const { category: categoryModel, severity: severityModel } = triageModels();
  const language = detectLanguage(`${input.title}\n${input.description}`);
  const features = triageFeatures(input.title, input.description, input.service);
  if (features.domainSignals === 0)
    return { language, category: 'other', severity: 'C', confidence: NO_DOMAIN_CONFIDENCE };
  const prediction = categoryModel.predict(features.category);
  if (prediction.probability < OTHER_THRESHOLD) {
    return { language, category: 'other', severity: 'C', confidence: round(1 - prediction.probability) };
  }
  const severity = severityModel.predict(features.severity).label;
  return { language, category: prediction.label, severity, confidence: round(prediction.probability) };
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

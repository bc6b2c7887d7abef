/** Sparse feature vector: feature name → value. */
export type FeatureVector = ReadonlyMap<string, number>;

export interface LabelledExample<L extends string> {
  features: FeatureVector;
  label: L;
}

export interface SoftmaxTrainingOptions {
  epochs: number;
  learningRate: number;
  /** L2 penalty, applied with each update of a weight. */
  l2: number;
  /** Seeds of the deterministic shuffles: one model is trained per seed and their probabilities averaged. */
  seeds: readonly number[];
}

export const DEFAULT_SOFTMAX_OPTIONS: SoftmaxTrainingOptions = {
  epochs: 30,
  learningRate: 0.3,
  l2: 1e-5,
  seeds: [1, 2, 3, 4, 5],
};

// Bound once: global lookups inside hot loops are slow when the code runs in a VM context (jest).
const { exp, sqrt, floor, imul } = Math;

/** A small deterministic pseudo-random generator (mulberry32). */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = imul(t ^ (t >>> 15), t | 1);
    t ^= t + imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface IndexedExample {
  indices: Int32Array;
  values: Float64Array;
  target: number;
}

function softmaxInPlace(scores: Float64Array): Float64Array {
  let max = -Infinity;
  for (let c = 0; c < scores.length; c += 1) if (scores[c] > max) max = scores[c];
  let sum = 0;
  for (let c = 0; c < scores.length; c += 1) {
    scores[c] = exp(scores[c] - max);
    sum += scores[c];
  }
  for (let c = 0; c < scores.length; c += 1) scores[c] /= sum;
  return scores;
}

/**
 * Multinomial logistic regression over sparse features, trained with AdaGrad SGD; a few models trained
 * on different shuffles are averaged (a cheap way to smooth the variance of a small corpus).
 * Deterministic: the same examples and options always give the same model.
 */
export class SoftmaxClassifier<L extends string> {
  private constructor(
    readonly labels: readonly L[],
    private readonly featureIndex: ReadonlyMap<string, number>,
    /** One weight matrix per member model, `feature * labels.length + label`. */
    private readonly members: readonly { weights: Float64Array; bias: Float64Array }[],
  ) {}

  static train<L extends string>(
    labels: readonly L[],
    examples: readonly LabelledExample<L>[],
    options: SoftmaxTrainingOptions = DEFAULT_SOFTMAX_OPTIONS,
  ): SoftmaxClassifier<L> {
    const labelIndex = new Map(labels.map((label, index) => [label, index]));
    const featureIndex = new Map<string, number>();
    const indexed: IndexedExample[] = [];
    for (const example of examples) {
      const target = labelIndex.get(example.label);
      if (target === undefined) continue;
      const indices = new Int32Array(example.features.size);
      const values = new Float64Array(example.features.size);
      let n = 0;
      for (const [feature, value] of example.features) {
        let index = featureIndex.get(feature);
        if (index === undefined) {
          index = featureIndex.size;
          featureIndex.set(feature, index);
        }
        indices[n] = index;
        values[n] = value;
        n += 1;
      }
      indexed.push({ indices, values, target });
    }
    const members = options.seeds.map((seed) =>
      trainMember(indexed, featureIndex.size, labels.length, options, seed),
    );
    return new SoftmaxClassifier(labels, featureIndex, members);
  }

  probabilities(features: FeatureVector): Float64Array {
    const k = this.labels.length;
    const average = new Float64Array(k);
    for (const member of this.members) {
      const scores = Float64Array.from(member.bias);
      for (const [feature, value] of features) {
        const index = this.featureIndex.get(feature);
        if (index === undefined) continue;
        const offset = index * k;
        for (let c = 0; c < k; c += 1) scores[c] += member.weights[offset + c] * value;
      }
      softmaxInPlace(scores);
      for (let c = 0; c < k; c += 1) average[c] += scores[c] / this.members.length;
    }
    return average;
  }

  /** The most probable label and its probability. */
  predict(features: FeatureVector): { label: L; probability: number; probabilities: Float64Array } {
    const probabilities = this.probabilities(features);
    let best = 0;
    for (let c = 1; c < probabilities.length; c += 1) if (probabilities[c] > probabilities[best]) best = c;
    return { label: this.labels[best], probability: probabilities[best], probabilities };
  }

  /** The heaviest features of a label, averaged over the member models (for inspection). */
  topFeatures(label: L, count: number): { feature: string; weight: number }[] {
    const c = this.labels.indexOf(label);
    const k = this.labels.length;
    return [...this.featureIndex.entries()]
      .map(([feature, index]) => ({
        feature,
        weight: this.members.reduce((sum, m) => sum + m.weights[index * k + c], 0) / this.members.length,
      }))
      .sort((a, b) => b.weight - a.weight)
      .slice(0, count);
  }
}

function trainMember(
  examples: readonly IndexedExample[],
  featureCount: number,
  k: number,
  options: SoftmaxTrainingOptions,
  seed: number,
): { weights: Float64Array; bias: Float64Array } {
  const weights = new Float64Array(featureCount * k);
  const squared = new Float64Array(featureCount * k).fill(1e-8);
  const bias = new Float64Array(k);
  const biasSquared = new Float64Array(k).fill(1e-8);
  const scores = new Float64Array(k);
  const errors = new Float64Array(k);
  const { learningRate, l2 } = options;
  const random = seededRandom(seed);
  const order = examples.map((_, index) => index);
  for (let epoch = 0; epoch < options.epochs; epoch += 1) {
    for (let i = order.length - 1; i > 0; i -= 1) {
      const j = floor(random() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    for (const exampleIndex of order) {
      const { indices, values, target } = examples[exampleIndex];
      scores.set(bias);
      for (let f = 0; f < indices.length; f += 1) {
        const offset = indices[f] * k;
        for (let c = 0; c < k; c += 1) scores[c] += weights[offset + c] * values[f];
      }
      softmaxInPlace(scores);
      for (let c = 0; c < k; c += 1) {
        errors[c] = scores[c] - (c === target ? 1 : 0);
        biasSquared[c] += errors[c] * errors[c];
        bias[c] -= (learningRate * errors[c]) / sqrt(biasSquared[c]);
      }
      for (let f = 0; f < indices.length; f += 1) {
        const offset = indices[f] * k;
        for (let c = 0; c < k; c += 1) {
          const w = offset + c;
          const gradient = errors[c] * values[f] + l2 * weights[w];
          squared[w] += gradient * gradient;
          weights[w] -= (learningRate * gradient) / sqrt(squared[w]);
        }
      }
    }
  }
  return { weights, bias };
}

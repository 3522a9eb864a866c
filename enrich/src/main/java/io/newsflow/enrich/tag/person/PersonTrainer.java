package io.newsflow.enrich.tag.person;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Trains the person model: an averaged perceptron over the {@link Features} templates, decoding
 * greedily during training exactly as at run time, so it learns from its own label history.
 * Deterministic: the same files, epochs and seed give the same model.
 */
public final class PersonTrainer {

    /** What a training run read and produced. */
    public record Result(int documents, int sentences, int tokens, int lexiconWords, int features, long modelBytes) {
    }

    private static final float PRUNE_BELOW = 1e-3f;

    private final int epochs;
    private final long seed;

    public PersonTrainer(int epochs, long seed) {
        if (epochs < 1) {
            throw new IllegalArgumentException("epochs must be at least 1, got " + epochs);
        }
        this.epochs = epochs;
        this.seed = seed;
    }

    /**
     * Trains on {@code conll} and writes the gzip model to {@code out}. The lexicon comes from
     * {@code lexiconFiles}, or from the training files when none are given.
     */
    public Result train(List<Path> conll, List<Path> lexiconFiles, Path out) throws IOException {
        List<Document> documents = new ArrayList<>();
        for (Path file : conll) {
            for (List<ConllCorpus.Sentence> d : ConllCorpus.read(file).documents()) {
                documents.add(Document.of(d));
            }
        }
        Lexicon.Builder lexiconBuilder = new Lexicon.Builder();
        documents.forEach(d -> d.words.forEach(lexiconBuilder::addWords));
        if (lexiconFiles.isEmpty()) {
            documents.forEach(d -> d.addTo(lexiconBuilder));
        } else {
            for (Path file : lexiconFiles) {
                for (List<ConllCorpus.Sentence> d : ConllCorpus.read(file).documents()) {
                    Document lexiconDocument = Document.of(d);
                    lexiconDocument.addTo(lexiconBuilder);
                    lexiconDocument.words.forEach(lexiconBuilder::addWords);
                }
            }
        }
        Lexicon lexicon = lexiconBuilder.build();
        PersonModel model = train(documents, lexicon);
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (OutputStream target = Files.newOutputStream(out)) {
            model.write(target);
        }
        int sentences = documents.stream().mapToInt(d -> d.words.size()).sum();
        int tokens = documents.stream().mapToInt(Document::tokens).sum();
        return new Result(documents.size(), sentences, tokens, lexicon.entries().size(), model.featureCount(),
                Files.size(out));
    }

    private PersonModel train(List<Document> documents, Lexicon lexicon) {
        Features features = new Features(lexicon);
        Weights weights = new Weights();
        Viterbi viterbi = new Viterbi(weights::add);
        long[] buffer = new long[Features.MAX_STATIC + 8];
        List<Document> order = new ArrayList<>(documents);
        Random random = new Random(seed);
        for (int epoch = 0; epoch < epochs; epoch++) {
            Collections.shuffle(order, random);
            for (Document document : order) {
                Features.DocumentCues cues = Features.DocumentCues.of(document.words, lexicon);
                for (int si = 0; si < document.words.size(); si++) {
                    Features.Sentence s = features.sentence(document.words.get(si), cues);
                    int[] gold = document.labels.get(si);
                    int[] predicted = viterbi.decode(s);
                    weights.tick();
                    for (int i = 0; i < gold.length; i++) {
                        int goldPrevious = i > 0 ? gold[i - 1] : Labels.O;
                        int predictedPrevious = i > 0 ? predicted[i - 1] : Labels.O;
                        if (gold[i] == predicted[i] && goldPrevious == predictedPrevious) {
                            continue;
                        }
                        int count = s.staticFeatures(i, buffer);
                        count += Features.transitionFeatures(s, i, goldPrevious, buffer, count);
                        weights.update(buffer, count, gold[i], 1);
                        count = s.staticFeatures(i, buffer);
                        count += Features.transitionFeatures(s, i, predictedPrevious, buffer, count);
                        weights.update(buffer, count, predicted[i], -1);
                    }
                }
            }
        }
        return weights.averaged(lexicon);
    }

    /** Perceptron weights with the running sums that averaging needs. */
    private static final class Weights {

        private final LongIntMap index = new LongIntMap(1 << 20);
        private double[] current = new double[(1 << 20) * Labels.COUNT];
        private double[] sums = new double[(1 << 20) * Labels.COUNT];
        private int rows;
        private long clock = 1;

        void tick() {
            clock++;
        }

        void add(long hash, float[] scores) {
            int row = index.get(hash);
            if (row >= 0) {
                int base = row * Labels.COUNT;
                for (int l = 0; l < Labels.COUNT; l++) {
                    scores[l] += (float) current[base + l];
                }
            }
        }

        void update(long[] hashes, int count, int label, int delta) {
            for (int k = 0; k < count; k++) {
                int row = index.get(hashes[k]);
                if (row < 0) {
                    row = rows++;
                    index.put(hashes[k], row);
                    if (rows * Labels.COUNT > current.length) {
                        current = Arrays.copyOf(current, current.length * 2);
                        sums = Arrays.copyOf(sums, sums.length * 2);
                    }
                }
                int at = row * Labels.COUNT + label;
                current[at] += delta;
                sums[at] += (double) clock * delta;
            }
        }

        PersonModel averaged(Lexicon lexicon) {
            float[] average = new float[rows * Labels.COUNT];
            int[] kept = {0};
            LongIntMap pruned = new LongIntMap(rows);
            float[][] out = {new float[rows * Labels.COUNT]};
            index.forEach((key, row) -> {
                boolean keep = false;
                for (int l = 0; l < Labels.COUNT; l++) {
                    int at = row * Labels.COUNT + l;
                    float w = (float) (current[at] - sums[at] / clock);
                    average[at] = Math.abs(w) < PRUNE_BELOW ? 0f : w;
                    keep |= average[at] != 0f;
                }
                if (keep) {
                    int target = kept[0]++;
                    pruned.put(key, target);
                    System.arraycopy(average, row * Labels.COUNT, out[0], target * Labels.COUNT, Labels.COUNT);
                }
            });
            return new PersonModel(lexicon, pruned, Arrays.copyOf(out[0], kept[0] * Labels.COUNT));
        }
    }

    /** A training document: words and gold IOB2 labels per sentence. */
    private record Document(List<String[]> words, List<int[]> labels) {

        static Document of(List<ConllCorpus.Sentence> sentences) {
            List<String[]> words = new ArrayList<>();
            List<int[]> labels = new ArrayList<>();
            for (ConllCorpus.Sentence s : sentences) {
                words.add(s.tokens().toArray(String[]::new));
                labels.add(Labels.toIob2(s.tags()));
            }
            return new Document(words, labels);
        }

        int tokens() {
            return words.stream().mapToInt(w -> w.length).sum();
        }

        void addTo(Lexicon.Builder builder) {
            for (int i = 0; i < words.size(); i++) {
                builder.add(words.get(i), labels.get(i));
            }
        }
    }
}

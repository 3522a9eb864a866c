package io.newsflow.enrich.tag.person;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The trained averaged-perceptron weights and the lexicon, decoding each sentence with
 * {@link Viterbi}. Immutable once loaded, so one instance serves every thread.
 */
final class PersonModel {

    private static final String MAGIC = "newsflow-ner-perceptron/1";

    private final Features features;
    private final WeightTable weights;

    private final float[][] previousLabel;

    // a memo of each thread's decoding: the model stays immutable and shared
    private final ThreadLocal<WordScoreCache> wordScores =
            ThreadLocal.withInitial(() -> new WordScoreCache(new WordScores(this::add)));

    PersonModel(Lexicon lexicon, LongIntMap index, float[] weights) {
        this.features = new Features(lexicon);
        this.weights = new WeightTable(index, weights);
        previousLabel = new float[Labels.COUNT][Labels.COUNT];
        for (int p = 0; p < Labels.COUNT; p++) {
            add(Features.previousLabelFeature(p), previousLabel[p]);
        }
    }

    boolean isKnownName(String word) {
        return (features.lexicon().bits(word) & (Lexicon.FIRST | Lexicon.LAST | Lexicon.PERSON)) != 0;
    }

    boolean isCommonWord(String lowerCaseWord) {
        return features.lexicon().isCommon(lowerCaseWord);
    }

    int featureCount() {
        return weights.size();
    }

    /** IOB2 label indices for every token of every sentence of one document. */
    List<int[]> decode(List<String[]> document) {
        Features.DocumentCues cues = Features.DocumentCues.of(document, features.lexicon());
        List<int[]> out = new ArrayList<>(document.size());
        // one decoder per call: its buffers are reused across sentences but never shared by threads
        Viterbi viterbi = new Viterbi(scorer, wordScores.get());
        for (String[] words : document) {
            out.add(viterbi.decode(features.sentence(words, cues)));
        }
        return out;
    }

    // the previous-label weights come from a table: one lookup fewer per label pair and token
    private final Viterbi.Weights scorer = new Viterbi.Weights() {
        @Override
        public void add(long hash, float[] scores) {
            PersonModel.this.add(hash, scores);
        }

        @Override
        public void addPrevious(int previous, float[] scores) {
            float[] row = previousLabel[previous];
            for (int l = 0; l < scores.length; l++) {
                scores[l] += row[l];
            }
        }
    };

    private void add(long hash, float[] scores) {
        weights.add(hash, scores);
    }

    void write(OutputStream target) throws IOException {
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(new GZIPOutputStream(target)))) {
            out.writeUTF(MAGIC);
            // sorted, so the same training run writes the same bytes in any JVM
            Map<String, Integer> entries = new TreeMap<>(features.lexicon().entries());
            out.writeInt(entries.size());
            for (Map.Entry<String, Integer> e : entries.entrySet()) {
                out.writeUTF(e.getKey());
                out.writeByte(e.getValue());
            }
            out.writeInt(weights.size());
            IOException[] failure = new IOException[1];
            weights.forEach((key, row) -> {
                try {
                    out.writeLong(key);
                    int mask = 0;
                    for (int l = 0; l < Labels.COUNT; l++) {
                        if (row[l] != 0f) {
                            mask |= 1 << l;
                        }
                    }
                    out.writeShort(mask);
                    for (int l = 0; l < Labels.COUNT; l++) {
                        if (row[l] != 0f) {
                            out.writeFloat(row[l]);
                        }
                    }
                } catch (IOException e) {
                    failure[0] = e;
                }
            });
            if (failure[0] != null) {
                throw failure[0];
            }
        }
    }

    static PersonModel read(InputStream source) {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(new GZIPInputStream(source), 1 << 16))) {
            String magic = in.readUTF();
            if (!MAGIC.equals(magic)) {
                throw new IOException("not a person model: " + magic);
            }
            int words = in.readInt();
            Map<String, Integer> entries = new HashMap<>(words * 2);
            for (int i = 0; i < words; i++) {
                entries.put(in.readUTF(), (int) in.readByte());
            }
            int rows = in.readInt();
            LongIntMap index = new LongIntMap(rows);
            float[] weights = new float[rows * Labels.COUNT];
            for (int row = 0; row < rows; row++) {
                index.put(in.readLong(), row);
                int mask = in.readShort();
                for (int l = 0; l < Labels.COUNT; l++) {
                    if ((mask & (1 << l)) != 0) {
                        weights[row * Labels.COUNT + l] = in.readFloat();
                    }
                }
            }
            return new PersonModel(new Lexicon(entries), index, weights);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read person model", e);
        }
    }
}

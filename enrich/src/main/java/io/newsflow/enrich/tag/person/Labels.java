package io.newsflow.enrich.tag.person;

import java.util.List;

/**
 * The IOB2 labels the sequence model predicts. It learns all four CoNLL types, not persons alone:
 * knowing that "Bank of America" is an organisation is what keeps its words out of person names,
 * and the country tagger uses the same spans to veto hits inside organisation names.
 */
final class Labels {

    static final List<String> ALL = List.of("O", "B-PER", "I-PER", "B-LOC", "I-LOC", "B-ORG", "I-ORG",
            "B-MISC", "I-MISC");
    static final int COUNT = ALL.size();
    static final int O = 0;

    // decoding asks for types and allowed pairs for every token, so both are worked out once here
    private static final String[] TYPES = new String[COUNT];
    private static final boolean[] ALLOWED = new boolean[COUNT * COUNT];

    static {
        for (int l = 0; l < COUNT; l++) {
            TYPES[l] = l == O ? "" : ALL.get(l).substring(2);
        }
        for (int p = 0; p < COUNT; p++) {
            for (int l = 0; l < COUNT; l++) {
                ALLOWED[p * COUNT + l] = !isInside(l) || (p != O && type(p).equals(type(l)));
            }
        }
    }

    private Labels() {
    }

    static int index(String label) {
        int i = ALL.indexOf(label);
        return i < 0 ? O : i;
    }

    static boolean isInside(int label) {
        return label != O && label % 2 == 0;
    }

    static String type(int label) {
        return TYPES[label];
    }

    /** An I- label may only continue a span of its own type. */
    static boolean allowed(int previous, int label) {
        return ALLOWED[previous * COUNT + label];
    }

    /** Rewrites IOB1 or IOB2 tags as IOB2 label indices; tags of other types become O. */
    static int[] toIob2(List<String> tags) {
        int[] out = new int[tags.size()];
        String previousType = "";
        for (int i = 0; i < tags.size(); i++) {
            String tag = tags.get(i);
            if (tag.length() < 3 || tag.charAt(1) != '-') {
                out[i] = O;
                previousType = "";
                continue;
            }
            String type = tag.substring(2);
            boolean begins = tag.charAt(0) == 'B' || !type.equals(previousType);
            out[i] = index((begins ? "B-" : "I-") + type);
            previousType = out[i] == O ? "" : type;
        }
        return out;
    }
}

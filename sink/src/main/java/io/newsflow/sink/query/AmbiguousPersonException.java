package io.newsflow.sink.query;

import java.util.Map;
import java.util.stream.Collectors;

/**
 * A bare name asked for that several known people share ("Trump": Donald, Melania): listing all of
 * them would mix people, so the caller is told whom the name may mean. The API answers 400 with it.
 */
public final class AmbiguousPersonException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final transient Map<String, String> candidates;

    /**
     * @param surname the bare name's key
     * @param candidates entity id -> its most used name, of every person the name may mean
     */
    AmbiguousPersonException(String surname, Map<String, String> candidates) {
        super("person '" + surname + "' may mean " + candidates.size() + " people: " + candidates.entrySet().stream()
                .map(e -> e.getValue() + " (" + e.getKey() + ")").collect(Collectors.joining(", "))
                + "; ask for one by full name or entity id");
        this.candidates = Map.copyOf(candidates);
    }

    /** entity id -> most used name, of every person the name may mean. */
    public Map<String, String> candidates() {
        return candidates;
    }
}

package io.newsflow.enrich.tag.person;

import io.newsflow.core.record.PersonForm;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Registry facts held in memory: what one process learns when it reads articles in order (the eval, tests). */
public final class PersonFacts implements PersonRegistry.Known {

    private final Map<String, List<PersonForm>> byForm = new HashMap<>();
    private final Set<String> keys = new HashSet<>();

    public void add(PersonForm fact) {
        if (keys.add(fact.key())) {
            byForm.computeIfAbsent(fact.form(), f -> new ArrayList<>()).add(fact);
        }
    }

    @Override
    public List<PersonForm> withForm(String form) {
        return byForm.getOrDefault(form, List.of());
    }

    @Override
    public boolean contains(PersonForm fact) {
        return keys.contains(fact.key());
    }
}

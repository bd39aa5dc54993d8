package org.seq2seq4j.data.toy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * The built-in entity fillers of {@link NamesTask}, generated (never downloaded): person names, city names and
 * numbers, each kind a fixed list in a fixed pseudo-random order, so that its first {@code n} entries form a training
 * pool and the next {@code m} a held-out pool disjoint from it.
 *
 * <ul>
 *   <li>{@link Kind#NAME}: consonant-vowel-consonant-vowel, {@code kemi}, {@code zora} (14 consonants, 5 vowels);</li>
 *   <li>{@link Kind#CITY}: the same with a suffix {@code ton}, {@code burg}, {@code ville} or {@code port},
 *       {@code lodaport};</li>
 *   <li>{@link Kind#NUMBER}: the four-digit numbers {@code 1000} to {@code 9999}.</li>
 * </ul>
 *
 * <p>Candidates that equal a word of a template are left out, so an entity token is never a template word. The order
 * is a {@link Collections#shuffle(List, Random)} with a {@link Random} of a fixed seed per
 * kind (both algorithms are fixed by the Java SE specification), so the pools are the same on every JVM and do not
 * depend on the experiment's seed.
 */
final class EntityPools {

    /** A kind of entity; the slots of a template name one each. */
    enum Kind {
        /** A person's name, {@code kemi}. */
        NAME,
        /** A city, {@code lodaport}. */
        CITY,
        /** A four-digit number, {@code 4711}. */
        NUMBER
    }

    private static final String CONSONANTS = "bdfgklmnprstvz";
    private static final String VOWELS = "aeiou";
    private static final List<String> CITY_SUFFIXES = List.of("ton", "burg", "ville", "port");
    private static final long ORDER_SEED = 20170414L;

    private final List<List<String>> ordered;

    /**
     * @param reserved words the entities must differ from (the template words)
     */
    EntityPools(Set<String> reserved) {
        List<List<String>> lists = new ArrayList<>();
        for (Kind kind : Kind.values()) {
            List<String> candidates = new ArrayList<>(candidates(kind));
            candidates.removeAll(reserved);
            Collections.shuffle(candidates, new Random(ORDER_SEED + kind.ordinal()));
            lists.add(List.copyOf(candidates));
        }
        this.ordered = List.copyOf(lists);
    }

    /** @return the number of entities of the smallest kind, which bounds the two pools together */
    int smallestKind() {
        return ordered.stream().mapToInt(List::size).min().orElseThrow();
    }

    /**
     * @param kind  the kind of entity
     * @param from  first index in the kind's fixed order
     * @param count number of entities
     * @return entities {@code from .. from + count - 1} of that order
     */
    List<String> pool(Kind kind, int from, int count) {
        return ordered.get(kind.ordinal()).subList(from, from + count);
    }

    private static List<String> candidates(Kind kind) {
        return switch (kind) {
            case NAME -> syllablePairs("");
            case CITY -> CITY_SUFFIXES.stream().flatMap(suffix -> syllablePairs(suffix).stream()).toList();
            case NUMBER -> java.util.stream.IntStream.rangeClosed(1000, 9999).mapToObj(Integer::toString).toList();
        };
    }

    private static List<String> syllablePairs(String suffix) {
        List<String> syllables = new ArrayList<>();
        for (char c : CONSONANTS.toCharArray()) {
            for (char v : VOWELS.toCharArray()) {
                syllables.add("" + c + v);
            }
        }
        List<String> words = new ArrayList<>(syllables.size() * syllables.size());
        for (String first : syllables) {
            for (String second : syllables) {
                words.add(first + second + suffix);
            }
        }
        return words;
    }
}

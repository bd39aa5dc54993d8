package org.seq2seq4j.data.toy;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.seq2seq4j.data.pair.SequencePair;
import org.seq2seq4j.data.pair.Split;
import org.seq2seq4j.data.toy.EntityPools.Kind;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * Entity copying in template sentences, the toy task for the pointer-generator's copy mechanism (See et al. 2017): the
 * source states facts about generated entities, and the target must repeat the entity tokens inside another template,
 * {@code my name is kemi and i live in lodaport} gives {@code hello kemi from lodaport}. Tokens are whole words, so
 * the task needs the whitespace tokenizer.
 *
 * <p>The entities (person names, cities, four-digit numbers; see {@link EntityPools}) of the training split come from
 * a pool of {@code trainEntities} per kind, and those of dev and test from a disjoint pool of {@code heldOutEntities}
 * per kind ({@link #separateHeldOutPool()}): no dev or test entity occurs in training, so it is outside any vocabulary
 * built from the training split. A model without copying can only produce {@code <unk>} for them; a model that copies
 * from the source can reproduce them.
 *
 * <p>An example is a template drawn uniformly from {@link #TEMPLATE_COUNT} source/target pairs, then an entity drawn
 * uniformly from the split's pool for each slot in source order (two name slots may receive the same name). The
 * target template is fixed by the source template, so the task is learnable exactly; some targets reorder the
 * entities.
 *
 * @param trainEntities   entities of each kind in the training pool, in {@code [1, 3999]}
 * @param heldOutEntities entities of each kind in the dev and test pool, in {@code [1, 4000 - trainEntities]}
 */
public record NamesTask(@JsonProperty(required = true) int trainEntities,
                        @JsonProperty(required = true) int heldOutEntities) implements ToyTask {

    /** Most entities of one kind, training and held-out pools together. */
    public static final int MAX_ENTITIES = 4000;

    /** Source and target templates; a slot {@code {kind}} is one entity, {@code {other}} a second name. */
    private static final List<Template> TEMPLATES = List.of(
            Template.of("my name is {name} and i live in {city}", "hello {name} from {city}"),
            Template.of("i am {name} from {city}", "{name} lives in {city}"),
            Template.of("call me {name}", "hi {name}"),
            Template.of("{name} and {other} moved to {city}", "{city} welcomes {name} and {other}"),
            Template.of("you can reach {name} at {number}", "call {number} to reach {name}"),
            Template.of("{name} booked room {number} in {city}", "room {number} in {city} is for {name}"),
            Template.of("my code is {number}", "code {number} accepted"),
            Template.of("{name} was born in {city} in {number}", "born {number} in {city} : {name}"));

    /** Number of source/target template pairs. */
    public static final int TEMPLATE_COUNT = TEMPLATES.size();

    private static final EntityPools POOLS = new EntityPools(Template.words(TEMPLATES));

    /** Validates the pool sizes. */
    public NamesTask {
        TaskConfigException.requireBetween("trainEntities", trainEntities, 1, MAX_ENTITIES - 1);
        if (heldOutEntities < 1 || heldOutEntities > MAX_ENTITIES - trainEntities) {
            throw new TaskConfigException("heldOutEntities", heldOutEntities, "heldOutEntities must be between 1 and "
                    + MAX_ENTITIES + " - trainEntities (" + (MAX_ENTITIES - trainEntities) + "), got "
                    + heldOutEntities);
        }
    }

    /** Draws a training example. */
    @Override
    public SequencePair sample(RandomGenerator rng) {
        return sample(rng, Split.TRAIN);
    }

    /** Draws an example whose entities come from the training pool for {@link Split#TRAIN}, else the held-out pool. */
    @Override
    public SequencePair sample(RandomGenerator rng, Split split) {
        Template template = TEMPLATES.get(rng.nextInt(TEMPLATES.size()));
        Map<String, String> fillers = new LinkedHashMap<>();
        for (Map.Entry<String, Kind> slot : template.slots().entrySet()) {
            List<String> pool = entities(slot.getValue(), split);
            fillers.put(slot.getKey(), pool.get(rng.nextInt(pool.size())));
        }
        return new SequencePair(template.fill(template.source(), fillers), template.fill(template.target(), fillers));
    }

    /** @return {@code true}: dev and test draw their entities from the held-out pool */
    @Override
    public boolean separateHeldOutPool() {
        return true;
    }

    /**
     * @param kind  the kind of entity
     * @param split the split
     * @return the entities of that kind that examples of {@code split} use: the training pool for
     *         {@link Split#TRAIN}, the held-out pool for dev and test; disjoint
     */
    List<String> entities(Kind kind, Split split) {
        return switch (split) {
            case TRAIN -> POOLS.pool(kind, 0, trainEntities);
            case DEV, TEST -> POOLS.pool(kind, trainEntities, heldOutEntities);
        };
    }

    /** @return every entity of every kind that examples of {@code split} may use */
    public Set<String> entities(Split split) {
        Set<String> all = new HashSet<>();
        for (Kind kind : Kind.values()) {
            all.addAll(entities(kind, split));
        }
        return all;
    }

    @Override
    public String describe() {
        Template first = TEMPLATES.get(0);
        Map<String, String> fillers = new LinkedHashMap<>();
        first.slots().forEach((slot, kind) -> fillers.put(slot, entities(kind, Split.TRAIN).get(0)));
        return "names: " + TEMPLATE_COUNT + " templates with names, cities and numbers, " + trainEntities
                + " training and " + heldOutEntities + " held-out (dev and test) entities of each kind, e.g. "
                + String.join(" ", first.fill(first.source(), fillers)) + " -> "
                + String.join(" ", first.fill(first.target(), fillers));
    }

    /** @return the sources of the training pool plus those of the held-out pool */
    @Override
    public long distinctSources() {
        long train = distinctSources(Split.TRAIN);
        long heldOut = distinctSources(Split.TEST);
        return train > Long.MAX_VALUE - heldOut ? Long.MAX_VALUE : train + heldOut;
    }

    /**
     * @return {@code sum over templates of n^slots}, with {@code n} the pool size of the split: every template has its
     *         own words, and entities are never template words, so different choices give different sources
     */
    @Override
    public long distinctSources(Split split) {
        long n = split == Split.TRAIN ? trainEntities : heldOutEntities;
        long total = 0;
        for (Template template : TEMPLATES) {
            long count = 1;
            for (int i = 0; i < template.slots().size(); i++) {
                count *= n;
            }
            total += count;
        }
        return total;
    }

    /**
     * A source template and the target template it is answered with, as tokens; slot tokens are {@code {name}},
     * {@code {other}} (a second name), {@code {city}} and {@code {number}}.
     *
     * @param source the source tokens
     * @param target the target tokens; every slot is one of the source's
     * @param slots  the source's slots in order of first occurrence, with their kinds
     */
    private record Template(List<String> source, List<String> target, Map<String, Kind> slots) {

        static Template of(String source, String target) {
            List<String> s = List.of(source.split(" "));
            List<String> t = List.of(target.split(" "));
            Map<String, Kind> slots = new LinkedHashMap<>();
            for (String token : s) {
                kind(token).ifPresent(kind -> slots.put(token, kind));
            }
            for (String token : t) {
                if (kind(token).isPresent() && !slots.containsKey(token)) {
                    throw new IllegalStateException("target slot " + token + " is not in the source " + source);
                }
            }
            return new Template(s, t, slots);
        }

        private static Optional<Kind> kind(String token) {
            return switch (token) {
                case "{name}", "{other}" -> Optional.of(Kind.NAME);
                case "{city}" -> Optional.of(Kind.CITY);
                case "{number}" -> Optional.of(Kind.NUMBER);
                default -> Optional.empty();
            };
        }

        List<String> fill(List<String> tokens, Map<String, String> fillers) {
            List<String> filled = new ArrayList<>(tokens.size());
            for (String token : tokens) {
                filled.add(slots.containsKey(token) ? fillers.get(token) : token);
            }
            return filled;
        }

        /** The fixed words of all templates, which no entity may equal. */
        static Set<String> words(List<Template> templates) {
            Set<String> words = new HashSet<>();
            for (Template template : templates) {
                for (List<String> side : List.of(template.source(), template.target())) {
                    side.stream().filter(token -> kind(token).isEmpty()).forEach(words::add);
                }
            }
            return words;
        }
    }
}

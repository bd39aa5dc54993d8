package org.seq2seq4j.experiments.run;

import java.util.List;

/**
 * The reference translation of every example as text, split by split and aligned with the examples of
 * {@link PreparedData#splits()}: the raw, untokenized target sentences of a corpus (what BLEU and chrF are computed
 * against), or for a toy task the target tokens joined by the task's tokenizer. A line break inside a reference (a
 * CSV field may hold one) becomes a space, so that one reference is one line of {@code references.txt} and a score
 * computed here equals sacreBLEU's on the written files.
 *
 * @param train references of the training examples
 * @param dev   references of the dev examples
 * @param test  references of the test examples
 */
public record ReferenceTexts(List<String> train, List<String> dev, List<String> test) {

    public ReferenceTexts {
        train = oneLineEach(train);
        dev = oneLineEach(dev);
        test = oneLineEach(test);
    }

    /** The references of a split by name: train, dev or test. */
    public List<String> split(String name) {
        return switch (name) {
            case "train" -> train;
            case "dev" -> dev;
            case "test" -> test;
            default -> throw new IllegalArgumentException("unknown split \"" + name
                    + "\" (valid choices: train, dev, test)");
        };
    }

    private static List<String> oneLineEach(List<String> references) {
        return references.stream().map(r -> r.replaceAll("\\R", " ")).toList();
    }
}
